package corpus_test

import (
	"context"
	"fmt"

	"fangtan"
	"fangtan/corpus"
)

// Reading the bundled sample: the newspaper page 004 becomes six articles.
func ExampleLoadFS() {
	rep, err := corpus.LoadFS(context.Background(), corpus.Options{}, corpus.Sample(), func(d fangtan.Document) error {
		fmt.Printf("%s | %s | [%s] [%s]\n", d.ID, d.Title, d.Date, d.Source)
		return nil
	})
	if err != nil {
		fmt.Println(err)
	}
	fmt.Println(rep.Files, "files,", rep.Documents, "documents,", len(rep.Problems), "problems")
	// Output:
	// 000_05aaf4ed1f0a3e45 | “事业是拼出来的,口碑是干出来的” | [2021-07-02] [光明日报]
	// 001_8e3ade1e0b12d944 | 迎澤區委書記李慧:打響五大品牌 為再現“錦繡太原城”盛景貢獻迎澤力量 | [2021-12-03] [人民网-山西频道]
	// 002_6f54863fc0170bed | 運城市委書記丁小強:從黨的百年偉大征程中汲取奮勇前進的智慧和力量 | [2021-08-17] [人民网-山西频道]
	// 003_656a4e0b7189dfe8 | 陵城:狠抓落实一线“点兵”励担当 | [] [德州新闻网]
	// 004_d3b70392c8e47f1b-1 | 在党史学习教育中砥砺为民初心 全方位推进山西高质量发展 | [] []
	// 004_d3b70392c8e47f1b-2 | 全市各民主党派庆祝中国共产党成立100周年座谈会举行 | [] []
	// 004_d3b70392c8e47f1b-3 | 市公安局党委表彰“两优一先” | [] []
	// 004_d3b70392c8e47f1b-4 | 中共太原历史上的今天 | [] []
	// 004_d3b70392c8e47f1b-5 | 学党史 践初心 服务企业促转型 | [] []
	// 004_d3b70392c8e47f1b-6 | 用群众“有获得”来检验成效 | [] []
	// 5 files, 10 documents, 0 problems
}
