package conformance

import (
	"context"
	"testing"

	"fangtan"
)

// quoteFragments: a quote of a few letters (a term in quotation marks)
// ranks below statements holding the same words (fangtan.QuoteWeight),
// though plain BM25 would put the shortest first. The quotes are added
// as given, without extraction.
func quoteFragments(t *testing.T, open Open) {
	ctx := context.Background()
	s := open(t, []fangtan.Document{{ID: "frag-0", File: "frag-0.txt", Title: "新闻", Text: "今日天晴。", Paragraphs: []string{"今日天晴。"}}})
	w, ok := s.(writer)
	if !ok {
		t.Fatalf("%T cannot add", s)
	}
	statement := "我们反对港独，也反对任何分裂国家的言论和行为，这是一贯立场。"
	text := "他们批评「港独」。" + statement
	d := fangtan.Document{ID: "frag-1", File: "frag-1.txt", Title: "评论", Date: "2017-09-19", Text: text, Paragraphs: []string{text},
		Quotes: []fangtan.Quote{
			{Text: "港独", Speaker: "甲", Kind: fangtan.QuoteDirect},
			{Text: "港独派", Speaker: "丙", Kind: fangtan.QuoteDirect},
			{Text: statement, Speaker: "乙", Kind: fangtan.QuoteReported},
		}}
	if _, err := w.Add(ctx, []fangtan.Document{d}, fangtan.BuildOptions{}); err != nil {
		t.Fatal(err)
	}
	res, err := s.SearchQuotes(ctx, fangtan.Query{Text: "港独"})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, h := range res.Hits {
		got = append(got, h.Text)
	}
	if res.Total != 3 || len(got) != 3 || got[0] != statement {
		t.Errorf("quotes of 港独: %d, %q; want all three, the statement first", res.Total, got)
	}
}
