package analyzer_test

import (
	"fmt"

	"fangtan/analyzer"
)

func ExampleFold() {
	fmt.Println(analyzer.Fold("迎澤區委書記李慧：ＧＤＰ增長５％"))
	// Output: 迎泽区委书记李慧:gdp增长5%
}

func ExampleFoldWithOffsets() {
	text := "ＧＤＰ增長"
	folded, orig := analyzer.FoldWithOffsets(text)
	// "增长" starts at byte 3 of the folded text, byte 9 of the original.
	fmt.Println(folded, orig[3], text[orig[3]:orig[len(folded)]])
	// Output: gdp增长 9 增長
}

func ExampleExactTerms() {
	fmt.Println(analyzer.ExactTerms("辦實事"))
	fmt.Println(analyzer.ExactTerms("「党史」学习"))
	fmt.Println(analyzer.ExactTerms("強"))
	fmt.Println(analyzer.ExactTerms("，。"))
	// Output:
	// [办实 实事]
	// [党史 史学 学习]
	// [强]
	// []
}

func ExampleOpen() {
	seg, err := analyzer.Open("") // the embedded dictionaries
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, s := range seg.CutForSearch("刘振华市长") {
		fmt.Println(s.Text, s.Start, s.End)
	}
	// Output:
	// 振华 3 9
	// 刘振华 0 9
	// 市长 9 15
}
