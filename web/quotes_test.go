package web

import (
	"net/url"
	"strings"
	"testing"

	"fangtan"
)

// The same words from the same speaker in articles ranked one after
// another are one card, naming the other articles; other words, another
// speaker or a quote ranked apart keep cards of their own.
func TestQuotesGroupTheSameWords(t *testing.T) {
	words := "林郑月娥好打得，政通人和，知人善任"
	doc := func(id, title string, quotes ...fangtan.Quote) fangtan.Document {
		return fangtan.Document{ID: id, Title: title, Date: "2017-03-14", Source: "众新闻", Quotes: quotes, Text: "x"}
	}
	f := &fakeSearcher{docs: []fangtan.Document{
		doc("a", "辩论成负评王", fangtan.Quote{Text: words + "。", Paragraph: 7}),
		doc("b", "网民实时反应", fangtan.Quote{Text: words, Paragraph: 5}),
		doc("c", "全程收集网民意见", fangtan.Quote{Text: words + "！", Paragraph: 3}),
		doc("d", "另一人说", fangtan.Quote{Text: words, Speaker: "曾俊华", Paragraph: 2}),
		doc("e", "又见一次", fangtan.Quote{Text: words, Paragraph: 9}),
	}}
	h, _ := testHandler(t, f, Options{})
	rec := get(t, h, "/quotes?q="+url.QueryEscape("政通人和"))
	if rec.Code != 200 {
		t.Fatalf("status %d", rec.Code)
	}
	body := rec.Body.String()
	if n := strings.Count(body, `<li class="quote-card`); n != 3 {
		t.Errorf("%d cards, want 3: a with b and c, d's speaker apart, e ranked after d", n)
	}
	if n := strings.Count(body, `<details class="also">`); n != 1 {
		t.Errorf("%d lists of other articles, want 1", n)
	}
	for _, want := range []string{"同一引语另见本页 2 篇文章", "网民实时反应", "全程收集网民意见", "¶6", "共 5 条"} {
		if !strings.Contains(body, want) {
			t.Errorf("page lacks %q", want)
		}
	}
}

// Words in quotation marks and the reported statement around them, which
// extraction gives as two quotes of one speaker in one paragraph, are one
// card: the first ranked, holding the other; another speaker's statement
// that holds the same words keeps its own card.
func TestQuotesNestTheOneStatement(t *testing.T) {
	direct := "坦白說，為何說是搏一鋪，因為輸了之後，不知道何時何日先有普選。"
	reported := "普選之路遙遠：「" + direct + "」"
	f := &fakeSearcher{docs: []fangtan.Document{
		{ID: "a", Title: "陳健民：不知何日有普選", Date: "2017-09-28", Source: "众新闻", Text: "x", Quotes: []fangtan.Quote{
			{Text: reported, Speaker: "陈健民", Kind: fangtan.QuoteReported, Paragraph: 4},
			{Text: direct, Speaker: "陈健民", Kind: fangtan.QuoteDirect, Paragraph: 4},
		}},
		{ID: "b", Title: "另一篇", Date: "2017-09-29", Source: "众新闻", Text: "x", Quotes: []fangtan.Quote{
			{Text: "她引述說：「" + direct + "」", Speaker: "任美贞", Kind: fangtan.QuoteReported, Paragraph: 1},
		}},
	}}
	h, _ := testHandler(t, f, Options{})
	rec := get(t, h, "/quotes?q="+url.QueryEscape("普選"))
	if rec.Code != 200 {
		t.Fatalf("status %d", rec.Code)
	}
	body := rec.Body.String()
	if n := strings.Count(body, `<li class="quote-card`); n != 2 {
		t.Errorf("%d cards, want 2: 陈健民's statement holding its quoted words, and 任美贞's", n)
	}
	if n := strings.Count(body, `<details class="nested">`); n != 1 {
		t.Errorf("%d nested statements, want 1", n)
	}
	if !strings.Contains(body, "其中一段在本页另为一条结果") {
		t.Errorf("page lacks the label of the quoted words within the statement")
	}
}

// Markdown's bold marks that hkcnews's records keep as text are not shown:
// not in a document's paragraphs, highlighted or not, nor in quote cards
// and search results.
func TestPagesDropEmphasisMarks(t *testing.T) {
	para := "**陳健民承認普選之路遙遠：「現在是守住香港社會不要進一步倒塌。」**"
	f := &fakeSearcher{docs: []fangtan.Document{{ID: "a", Title: "陳健民專訪", Date: "2017-09-28", Source: "众新闻",
		Text: para + "\n他說：「我可以走這一步。」", Paragraphs: []string{para, "他說：「我可以走這一步。」"},
		Quotes: []fangtan.Quote{{Text: "普選之路遙遠：「現在是守住**香港社會**不要進一步倒塌。」", Speaker: "陈健民", Kind: fangtan.QuoteReported}}}}}
	h, _ := testHandler(t, f, Options{})
	for _, path := range []string{"/doc/a", "/doc/a?q=" + url.QueryEscape("普選"), "/quotes?q=" + url.QueryEscape("普選"), "/search?q=" + url.QueryEscape("普選"), "/kwic?q=" + url.QueryEscape("普選"), "/feed.atom?q=" + url.QueryEscape("普選")} {
		rec := get(t, h, path)
		if rec.Code != 200 {
			t.Fatalf("%s: status %d", path, rec.Code)
		}
		body := rec.Body.String()
		if strings.Contains(body, "**") {
			t.Errorf("%s shows emphasis marks: %s", path, body[strings.Index(body, "**")-min(strings.Index(body, "**"), 80):][:200])
		}
		if !strings.Contains(body, "普選") {
			t.Errorf("%s lacks the text", path)
		}
	}
}

// A record's lines with no letter or digit ({{}} where a video stood, a
// table's | --- |) are not shown on its page, and the paragraphs after
// them keep their numbers, which citations and KWIC links use.
func TestDocumentPageSkipsParagraphsWithoutText(t *testing.T) {
	paras := []string{"警方今日公布數字。", "{{}}", "| --- | --- |", "| 年份 | 人數 |", "記者其後向警方查詢。"}
	f := &fakeSearcher{docs: []fangtan.Document{{ID: "a", Title: "警方公布數字", Date: "2018-01-02", Source: "众新闻",
		Text: strings.Join(paras, "\n"), Paragraphs: paras}}}
	h, _ := testHandler(t, f, Options{})
	rec := get(t, h, "/doc/a")
	if rec.Code != 200 {
		t.Fatalf("status %d", rec.Code)
	}
	body := rec.Body.String()
	for _, junk := range []string{"{{}}", "| --- |"} {
		if strings.Contains(body, junk) {
			t.Errorf("page shows %q", junk)
		}
	}
	for _, want := range []string{`id="p1"`, `id="p4"`, `id="p5"`, "記者其後向警方查詢", "| 年份 | 人數 |"} {
		if !strings.Contains(body, want) {
			t.Errorf("page lacks %s", want)
		}
	}
	if strings.Contains(body, `id="p2"`) || strings.Contains(body, `id="p3"`) {
		t.Errorf("page numbers the lines without text")
	}
}
