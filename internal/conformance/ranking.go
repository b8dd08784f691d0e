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

// whoSpeaks: a search for a person's name ranks the article that quotes
// them above a short item that names them among those present (xwlb's 王毅
// and 何立峰: lists of Xi Jinping's entourage filled their first pages).
// BM25 alone puts the short item first; ts_rank alone scores the two
// alike, and the ids make the item first among equals.
func whoSpeaks(t *testing.T, open Open) {
	entourage := "习近平结束国事访问回到北京。蔡奇、王毅等陪同人员同机返回。王毅还出席了欢迎仪式。"
	said := "这次访问成果丰硕，双方同意加强在经贸、人文等领域的交流合作，共同维护多边主义。"
	briefing := "外长向记者介绍访问情况。王毅说，" + said + "双方还就地区形势深入交换了意见，一致认为应当通过对话协商解决分歧。"
	s := open(t, []fangtan.Document{
		{ID: "a-entourage", File: "a-entourage.txt", Title: "习近平结束国事访问回到北京", Date: "2024-05-10", Text: entourage, Paragraphs: []string{entourage}},
		{ID: "b-briefing", File: "b-briefing.txt", Title: "外长介绍访问成果", Date: "2024-05-10", Text: briefing, Paragraphs: []string{briefing},
			Quotes: []fangtan.Quote{{Speaker: "王毅", Text: said, Kind: fangtan.QuoteReported}}},
	})
	res, err := s.Search(context.Background(), fangtan.Query{Text: "王毅"})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, h := range res.Hits {
		got = append(got, h.ID)
	}
	if len(got) != 2 || got[0] != "b-briefing" {
		t.Errorf("王毅 ranks %v, want the briefing first", got)
	}
}
