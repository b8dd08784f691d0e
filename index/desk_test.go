package index

import (
	"context"
	"errors"
	"slices"
	"sort"
	"strings"
	"testing"

	"fangtan"
	"fangtan/analyzer"
	"fangtan/query"
)

func quoteIDs(t *testing.T, idx *Index, q fangtan.Query) ([]string, *fangtan.QuoteResult) {
	t.Helper()
	res, err := idx.SearchQuotes(context.Background(), q)
	if err != nil {
		t.Fatalf("%+v: %v", q, err)
	}
	var ids []string
	for _, h := range res.Hits {
		ids = append(ids, h.ID)
	}
	sort.Strings(ids)
	return ids, res
}

func TestQuoteKindFilterAndFields(t *testing.T) {
	idx := fixtureIndex(t)
	all, res := quoteIDs(t, idx, fangtan.Query{Text: "事"})
	reported, _ := quoteIDs(t, idx, fangtan.Query{Text: "事", Kind: "reported"})
	direct, _ := quoteIDs(t, idx, fangtan.Query{Text: "事", Kind: "direct"})
	if !slices.Equal(reported, []string{"a3#q0"}) {
		t.Errorf("reported = %v, want [a3#q0]", reported)
	}
	if len(direct)+len(reported) != len(all) || slices.Contains(direct, "a3#q0") {
		t.Errorf("direct %v + reported %v != all %v", direct, reported, all)
	}
	kinds := map[string]int{}
	for _, fc := range res.Facets["kind"] {
		kinds[fc.Value] = fc.Count
	}
	if kinds["reported"] != 1 || kinds["direct"] != len(direct) {
		t.Errorf("kind facet %v, want reported 1, direct %d", res.Facets["kind"], len(direct))
	}
	for _, h := range res.Hits {
		if h.Kind != fangtan.QuoteDirect && h.Kind != fangtan.QuoteReported {
			t.Errorf("%s: kind %q", h.ID, h.Kind)
		}
	}
	// Paragraphs count from 1, and the hit carries the article's URL field.
	_, one := quoteIDs(t, idx, fangtan.Query{Text: "群众的事再小"})
	if len(one.Hits) != 1 || one.Hits[0].Paragraph != 2 || one.Hits[0].Kind != fangtan.QuoteReported {
		t.Fatalf("群众的事再小: %+v, want paragraph 2 (the second), reported", one.Hits)
	}
	if _, err := idx.SearchQuotes(context.Background(), fangtan.Query{Text: "事", Kind: "indirect"}); !errors.Is(err, fangtan.ErrBadQuery) {
		t.Errorf("kind=indirect: %v, want a bad query", err)
	}
	if _, err := idx.Search(context.Background(), fangtan.Query{Text: "事", Kind: "direct"}); !errors.Is(err, fangtan.ErrBadQuery) {
		t.Errorf("kind on an article search: %v, want a bad query", err)
	}
}

func TestQueryLanguageAdditions(t *testing.T) {
	idx := fixtureIndex(t)
	ids := func(q fangtan.Query) []string {
		t.Helper()
		res, err := idx.Search(context.Background(), q)
		if err != nil {
			t.Fatalf("%q: %v", q.Text, err)
		}
		return hitIDs(res)
	}
	sorted := func(s []string) []string { s = slices.Clone(s); sort.Strings(s); return s }
	// title: searches the title only: 转型 is in the text of a1, a2, a4 and in no title.
	if got := ids(fangtan.Query{Text: "title:转型"}); len(got) != 0 {
		t.Errorf("title:转型 = %v, want none", got)
	}
	if got := sorted(ids(fangtan.Query{Text: "title:办实事"})); !slices.Equal(got, []string{"a2", "a3"}) {
		t.Errorf("title:办实事 = %v, want a2 a3", got)
	}
	if got := ids(fangtan.Query{Text: `title:"口碑是干"`}); !slices.Equal(got, []string{"a1"}) {
		t.Errorf(`title:"口碑是干" = %v, want a1`, got)
	}
	// NOT is -.
	if a, b := sorted(ids(fangtan.Query{Text: "转型发展 NOT 刘振华"})), sorted(ids(fangtan.Query{Text: "转型发展 -刘振华"})); !slices.Equal(a, b) || slices.Contains(a, "a1") || len(a) == 0 {
		t.Errorf("NOT 刘振华 = %v, -刘振华 = %v", a, b)
	}
	for _, bad := range []string{"NOT 刘振华", "转型 NOT"} {
		if _, err := idx.Search(context.Background(), fangtan.Query{Text: bad}); !errors.Is(err, fangtan.ErrBadQuery) {
			t.Errorf("%q: %v, want a bad query", bad, err)
		}
	}
	// Full-width quotes are a phrase.
	if a, b := ids(fangtan.Query{Text: "＂口碑是干出来的＂"}), ids(fangtan.Query{Text: `"口碑是干出来的"`}); !slices.Equal(a, b) || len(a) != 1 {
		t.Errorf("＂…＂ = %v, \"…\" = %v", a, b)
	}
	// Oldest first: dated articles in ascending order, undated last.
	got := ids(fangtan.Query{Text: "书记", Sort: fangtan.SortOldest})
	want := []string{"a4", "a1", "a2", "a3"}
	if !slices.Equal(got, want) {
		t.Errorf("oldest first = %v, want %v", got, want)
	}
	// A date range outside the query.
	if got := sorted(ids(fangtan.Query{Text: "书记", DateFrom: "2021-07", DateTo: "2021-09"})); !slices.Equal(got, []string{"a1", "a2"}) {
		t.Errorf("2021-07..2021-09 = %v, want a1 a2", got)
	}
	for _, bad := range []fangtan.Query{{Text: "书记", DateFrom: "2021-13"}, {Text: "书记", DateFrom: "2022", DateTo: "2021"}} {
		if _, err := idx.Search(context.Background(), bad); !errors.Is(err, fangtan.ErrBadQuery) {
			t.Errorf("%+v: %v, want a bad query", bad, err)
		}
	}
	// The undated bucket of the year facet finds the undated article.
	if got := ids(fangtan.Query{Years: []string{"undated"}}); !slices.Equal(got, []string{"a5"}) {
		t.Errorf("year=undated = %v, want a5", got)
	}
}

func TestTimeline(t *testing.T) {
	idx := fixtureIndex(t)
	for _, c := range []struct {
		name    string
		q       string
		undated int
	}{
		{"words", "书记 OR 振华", 1},
		// The query's dates leave two years: counted over those only.
		{"query's dates", "书记 OR 振华 date:2020..2021", 0},
		{"query's years", "书记 OR 振华 year:2020 OR year:2021", 0},
	} {
		t.Run(c.name, func(t *testing.T) {
			uncached(idx)
			checkTimeline(t, idx, c.q, c.undated)
		})
	}
}

func checkTimeline(t *testing.T, idx *Index, q string, undated int) {
	res, err := idx.Search(context.Background(), fangtan.Query{Text: q})
	if err != nil {
		t.Fatal(err)
	}
	tl := res.Timeline
	if tl == nil {
		t.Fatal("no timeline")
	}
	sum := tl.Undated
	for _, b := range tl.Buckets {
		sum += b.Count
	}
	if uint64(sum) != res.Total {
		t.Errorf("timeline %+v counts %d, total %d", tl, sum, res.Total)
	}
	// 书记 OR 振华 is in a4 (2020-05), a1, a2, a3 (2021-07 to 2021-12) and
	// a5 (undated): two years apart, so by month, from 2020-05 to 2021-12.
	if tl.Unit != "month" || tl.Undated != undated || tl.Buckets[0].Period != "2020-05" || tl.Buckets[len(tl.Buckets)-1].Period != "2021-12" || len(tl.Buckets) != 20 {
		t.Errorf("timeline %+v", tl)
	}
	// Each bucket's count is what a date filter of that period finds.
	for _, b := range tl.Buckets {
		r, err := idx.Search(context.Background(), fangtan.Query{Text: q, DateFrom: b.Period, DateTo: b.Period})
		if err != nil {
			t.Fatal(err)
		}
		if r.Total != uint64(b.Count) {
			t.Errorf("%s: bucket %d, filter %d", b.Period, b.Count, r.Total)
		}
	}
}

func TestKWIC(t *testing.T) {
	idx := fixtureIndex(t)
	res, err := idx.KWIC(context.Background(), fangtan.Query{Text: "转型发展"}, 5)
	if err != nil {
		t.Fatal(err)
	}
	// 转型发展 occurs once in a1 (¶2), a4 and 轉型發展 in a2 (¶2).
	if len(res.Lines) != 3 {
		t.Fatalf("lines %+v, want 3", res.Lines)
	}
	for _, l := range res.Lines {
		if l.Match != "转型发展" && l.Match != "轉型發展" {
			t.Errorf("match %q", l.Match)
		}
		if len([]rune(l.Left)) > 5 || len([]rune(l.Right)) > 5 || l.Paragraph < 1 {
			t.Errorf("line %+v: context over 5 characters or paragraph from 0", l)
		}
		if l.DocID == "a1" && (l.Paragraph != 2 || l.Left != "穿全区经济" || l.Right != "全过程。") {
			t.Errorf("a1 line %+v", l)
		}
	}
	// The count of lines is the count of occurrences: 书记 occurs 8 times.
	res, err = idx.KWIC(context.Background(), fangtan.Query{Text: "书记"}, 10)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, d := range fixtureDocs(t) {
		for _, p := range d.Paragraphs {
			n += strings.Count(strings.ReplaceAll(p, "書記", "书记"), "书记")
		}
	}
	if len(res.Lines) != n {
		t.Errorf("书记: %d lines, %d occurrences in the paragraphs", len(res.Lines), n)
	}
	for _, bad := range []string{"事", "city:太原", `"x`} {
		if _, err := idx.KWIC(context.Background(), fangtan.Query{Text: bad}, 10); !errors.Is(err, fangtan.ErrBadQuery) {
			t.Errorf("KWIC %q: %v, want a bad query", bad, err)
		}
	}
}

func TestOfficialProfile(t *testing.T) {
	idx := fixtureIndex(t)
	p, err := idx.Official(context.Background(), "劉振華")
	if err != nil {
		t.Fatal(err)
	}
	if p.Name != "刘振华" || p.Articles != 2 || p.Quotes != 1 {
		t.Errorf("profile %+v: want 刘振华, 2 articles, 1 quote", p)
	}
	posts := map[string]fangtan.Post{}
	for _, ps := range p.Posts {
		posts[ps.Title] = ps
	}
	if ps := posts["太原市委常委、小店区委书记"]; ps.Articles != 1 || ps.First != "2021" {
		t.Errorf("posts %+v", p.Posts)
	}
	if _, ok := posts["小店区委书记"]; !ok || len(p.Posts) != 2 {
		t.Errorf("posts %+v, want two", p.Posts)
	}
	if len(p.Officials) != 1 || p.Officials[0].Value != "李慧" {
		t.Errorf("co-occurring officials %+v, want 李慧 (not 刘振华 himself)", p.Officials)
	}
	if _, err := idx.Official(context.Background(), "无此人"); !errors.Is(err, fangtan.ErrNotFound) {
		t.Errorf("unknown official: %v, want not found", err)
	}
}

func TestOverview(t *testing.T) {
	idx := fixtureIndex(t)
	o, err := idx.Overview(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if o.Articles != 5 || o.Quotes != 5 || o.First != "2020-05-10" || o.Last != "2021-12-01" || len(o.Officials) == 0 || len(o.Sources) == 0 {
		t.Errorf("overview %+v", o)
	}
}

func TestSpeakerSuggestions(t *testing.T) {
	idx := fixtureIndex(t)
	got, err := idx.Suggest(context.Background(), "王", 10)
	if err != nil {
		t.Fatal(err)
	}
	var kinds []string
	for _, s := range got {
		if s.Value == "王永强" {
			kinds = append(kinds, s.Kind)
		}
	}
	if !slices.Contains(kinds, "speaker") {
		t.Errorf("suggestions for 王 %+v lack the speaker 王永强", got)
	}
}

func TestExcludesAndSnippets(t *testing.T) {
	idx := fixtureIndex(t)
	all, err := idx.Search(context.Background(), fangtan.Query{Text: "书记"})
	if err != nil {
		t.Fatal(err)
	}
	not, err := idx.Search(context.Background(), fangtan.Query{Text: "书记", Excludes: map[string][]string{"city": {"太原"}}})
	if err != nil {
		t.Fatal(err)
	}
	taiyuan := 0
	for _, fc := range all.Facets["city"] {
		if fc.Value == "太原市" {
			taiyuan = fc.Count
		}
	}
	if taiyuan == 0 || not.Total != all.Total-uint64(taiyuan) {
		t.Errorf("书记 %d, in 太原 %d, excluding 太原 %d", all.Total, taiyuan, not.Total)
	}
	for _, c := range not.Facets["city"] {
		if c.Value == "太原市" {
			t.Errorf("excluded city still counted: %v", not.Facets["city"])
		}
	}
	if _, err := idx.Search(context.Background(), fangtan.Query{Text: "书记", Excludes: map[string][]string{"colour": {"x"}}}); !errors.Is(err, fangtan.ErrBadQuery) {
		t.Errorf("excluding by an unknown facet: %v", err)
	}
	// Snippets are the fragments' text and spans; the spans are the marks.
	for _, h := range all.Hits {
		if len(h.Snippets) != len(h.Fragments) {
			t.Fatalf("%s: %d snippets, %d fragments", h.ID, len(h.Snippets), len(h.Fragments))
		}
		for i, sn := range h.Snippets {
			if got := query.HTML(sn); got != h.Fragments[i] {
				t.Errorf("snippet renders %q, fragment %q", got, h.Fragments[i])
			}
			for _, sp := range sn.Spans {
				if m := analyzer.Fold(sn.Text[sp.Start:sp.End]); m != "书记" {
					t.Errorf("%s: span %q is not 书记", h.ID, sn.Text[sp.Start:sp.End])
				}
			}
		}
	}
	// The paragraph of the first match, from 1: a4 has one paragraph, a3's
	// first 书记 is in the second.
	for _, h := range all.Hits {
		want := map[string]int{"a4": 1, "a1": 1}[h.ID]
		if want != 0 && h.Paragraph != want {
			t.Errorf("%s: paragraph %d, want %d", h.ID, h.Paragraph, want)
		}
	}
}
