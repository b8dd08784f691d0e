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

// The terminal shows quotes and snippets without the emphasis marks that
// records scraped from Markdown keep (**), highlighted or not.
func TestPrintQuotesWithoutEmphasis(t *testing.T) {
	text := "我們**支持**方案"
	r := &fangtan.QuoteResult{Total: 2, Hits: []fangtan.QuoteHit{
		{DocID: "a", Text: text, Speaker: "曾俊华", Kind: fangtan.QuoteDirect},
		{DocID: "b", Text: text + "，會推行", Speaker: "林郑月娥", Kind: fangtan.QuoteDirect,
			Snippets: []fangtan.Snippet{{Text: text + "，會推行", Spans: []fangtan.Span{{Start: strings.Index(text, "支持"), End: strings.Index(text, "支持") + len("支持")}}}}},
	}}
	var out bytes.Buffer
	printQuotes(&out, r, 0, false)
	got := out.String()
	for _, want := range []string{"1. 我們支持方案\n", "2. 我們【支持】方案，會推行\n"} {
		if !strings.Contains(got, want) || strings.Contains(got, "**") {
			t.Errorf("output lacks %q or keeps **:\n%s", want, got)
		}
	}
}
