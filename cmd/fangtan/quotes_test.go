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

// Words in quotation marks within a statement printed before them are not
// printed again; a statement printed after its quoted words says so.
func TestPrintQuotesOneStatement(t *testing.T) {
	direct := "坦白說，為何說是搏一鋪，因為輸了之後，不知道何時何日先有普選。"
	hit := func(doc, text string, kind fangtan.QuoteKind) fangtan.QuoteHit {
		return fangtan.QuoteHit{DocID: doc, Title: "标题" + doc, Text: text, Speaker: "陈健民", Kind: kind, Paragraph: 5}
	}
	r := &fangtan.QuoteResult{Total: 4, Hits: []fangtan.QuoteHit{
		hit("a", "普選之路遙遠：「"+direct+"」", fangtan.QuoteReported),
		hit("a", direct, fangtan.QuoteDirect),
		hit("b", direct, fangtan.QuoteDirect),
		hit("b", "他說：「"+direct+"」", fangtan.QuoteReported),
	}}
	var out bytes.Buffer
	printQuotes(&out, r, 0, false)
	got := out.String()
	for _, want := range []string{
		"1. 普選之路遙遠：「" + direct + "」\n",
		"2. (part of 1.) 标题a · a ¶5\n",
		"3. " + direct + "\n",
		"4. (the statement around 3.) 他說：「" + direct + "」\n",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("output lacks %q:\n%s", want, got)
		}
	}
}
