package query

import (
	"slices"
	"sync"

	"fangtan/analyzer"
)

// words is the word analyzer's words of a query word, as index gives them
// to NewHighlighter (jieba in search mode).
var words = sync.OnceValue(func() func(string) []string {
	seg, err := analyzer.Default()
	if err != nil {
		return nil
	}
	a := analyzer.NewWordAnalyzer(seg)
	return func(s string) []string {
		var out []string
		for _, tok := range a.Analyze([]byte(s)) {
			if t := string(tok.Term); !slices.Contains(out, t) {
				out = append(out, t)
			}
		}
		return out
	}
})
