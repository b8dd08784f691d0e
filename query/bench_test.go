package query

import (
	"context"
	"testing"

	"fangtan"
	"fangtan/corpus"
)

// BenchmarkHighlight measures snippets for the longest article of the
// sample corpus.
func BenchmarkHighlight(b *testing.B) {
	var text string
	_, err := corpus.Load(context.Background(), corpus.Options{}, nil, func(d fangtan.Document) error {
		if len(d.Text) > len(text) {
			text = d.Text
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	h := &Highlighter{}
	h.addWord("党史学习教育", []string{"党史", "学习", "教育", "党史学习教育"})
	h.addPhrase("办实事")
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		HTMLs(h.Snippets(text, 3, FragmentRunes))
	}
}
