package main

import (
	"bytes"
	"strings"
	"testing"

	"fangtan"
)

// Hits ranked together with the same speaker and words print once; the
// others name the hit that printed them, keeping the numbering of quotes.
func TestPrintQuotesSameWords(t *testing.T) {
	hit := func(doc, text, speaker string) fangtan.QuoteHit {
		return fangtan.QuoteHit{DocID: doc, Title: "标题" + doc, Text: text, Speaker: speaker, Kind: fangtan.QuoteDirect, Paragraph: 2}
	}
	r := &fangtan.QuoteResult{Total: 4, Hits: []fangtan.QuoteHit{
		hit("a", "政通人和，知人善任。", ""),
		hit("b", "政通人和，知人善任", ""),
		hit("c", "政通人和，知人善任", "曾俊华"),
		hit("d", "政通人和，知人善任", "曾俊华"),
	}}
	var out bytes.Buffer
	printQuotes(&out, r, 10, false)
	got := out.String()
	for _, want := range []string{
		"11. 政通人和，知人善任。\n",
		"12. (the same words as 11.) 标题b · b ¶2\n",
		"13. 政通人和，知人善任\n   — 曾俊华\n",
		"14. (the same words as 13.) 标题d · d ¶2\n",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("output lacks %q:\n%s", want, got)
		}
	}
}
