package conformance

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"testing"

	"fangtan"
)

// Mix is the query mix two backends must agree on: words, phrases, one
// character, Traditional spellings, filters, exclusions, OR, dates.
func Mix(docs []fangtan.Document) []fangtan.Query {
	qs := []fangtan.Query{
		{Years: []string{"2021"}},
		{Text: "办实事"}, {Text: "辦實事"}, {Text: `"办实事"`}, {Text: "发展 经济"}, {Text: "发展 -经济"},
		{Text: `"人民"`}, {Text: "国"}, {Text: `"国"`}, {Text: "习近平 OR 李克强"}, {Text: "会议 year:2021"},
		{Text: "改革 date:2020..2021"}, {Text: "title:会议"}, {Text: `"中华人民共和国"`}, {Text: "gdp"},
		{Text: "城", Sort: fangtan.SortDate}, {Text: "会议", Sort: fangtan.SortOldest},
		{Text: "发展", Excludes: map[string][]string{"year": {fangtan.UndatedYear}}},
	}
	for _, p := range Phrases(docs, 3) {
		qs = append(qs, fangtan.Query{Text: p}, fangtan.Query{Text: quoted(p)})
	}
	return qs
}

// Compare holds b to a's result documents, totals and facet counts for
// the query mix, and to a's quotes. Ranking may differ; the order is not
// compared.
func Compare(t *testing.T, docs []fangtan.Document, a, b fangtan.Searcher, aName, bName string) {
	ctx := context.Background()
	for _, q := range Mix(docs) {
		name := fmt.Sprintf("%.30q", q.Text)
		if q.Sort != "" {
			name += " sort " + q.Sort
		}
		t.Run(name, func(t *testing.T) {
			ia, ta, errA := IDs(ctx, a, q, len(docs))
			ib, tb, errB := IDs(ctx, b, q, len(docs))
			if (errA == nil) != (errB == nil) {
				t.Fatalf("%s: %v; %s: %v", aName, errA, bName, errB)
			}
			if errA != nil {
				return
			}
			if ta != tb || !slices.Equal(ia, ib) {
				t.Errorf("%s total %d, %s total %d: %s has %s", aName, ta, bName, tb, bName, diff(ib, ia))
			}
			fq := q
			fq.FacetSize, fq.Size = 1000, 1
			ra, errA := a.Search(ctx, fq)
			rb, errB := b.Search(ctx, fq)
			if errA != nil || errB != nil {
				t.Fatalf("facets: %s: %v; %s: %v", aName, errA, bName, errB)
			}
			for _, f := range articleFacets() {
				if fa, fb := facetMap(ra.Facets[f.Name]), facetMap(rb.Facets[f.Name]); !mapsEqual(fa, fb) {
					t.Errorf("facet %s: %s %v, %s %v", f.Name, aName, top(ra.Facets[f.Name]), bName, top(rb.Facets[f.Name]))
				}
			}
		})
	}
	t.Run("officials", func(t *testing.T) { compareOfficials(t, a, b, aName, bName) })
	t.Run("quotes", func(t *testing.T) {
		for _, q := range []fangtan.Query{{Kind: string(fangtan.QuoteDirect)}, {Text: "发展"}, {Text: `"人民"`}, {Text: "speaker:习近平"}, {Kind: string(fangtan.QuoteReported)}} {
			q.Size, q.FacetSize = 500, 1000
			ra, errA := a.SearchQuotes(ctx, q)
			rb, errB := b.SearchQuotes(ctx, q)
			if (errA == nil) != (errB == nil) {
				t.Errorf("quotes %q: %s: %v; %s: %v", q.Text, aName, errA, bName, errB)
				continue
			}
			if errA != nil {
				continue
			}
			if ra.Total != rb.Total || !slices.Equal(quoteIDs(ra), quoteIDs(rb)) {
				t.Errorf("quotes %q: %s total %d, %s total %d: %s has %s", q.Text, aName, ra.Total, bName, rb.Total, bName, diff(quoteIDs(rb), quoteIDs(ra)))
			}
			for _, name := range []string{"speaker", "kind"} {
				if !mapsEqual(facetMap(ra.Facets[name]), facetMap(rb.Facets[name])) {
					t.Errorf("quotes %q facet %s: %s %v, %s %v", q.Text, name, aName, top(ra.Facets[name]), bName, top(rb.Facets[name]))
				}
			}
		}
	})
}

// compareOfficials holds b to a's overview and to a's profiles of its
// most frequent officials: their articles, quotes and posts are counts a
// researcher reads as facts.
func compareOfficials(t *testing.T, a, b fangtan.Searcher, aName, bName string) {
	ctx := context.Background()
	oa, errA := a.Overview(ctx)
	ob, errB := b.Overview(ctx)
	if errA != nil || errB != nil {
		t.Fatalf("overview: %s: %v; %s: %v", aName, errA, bName, errB)
	}
	if oa.Articles != ob.Articles || oa.Quotes != ob.Quotes || oa.First != ob.First || oa.Last != ob.Last {
		t.Errorf("overview: %s %d articles, %d quotes, %s..%s; %s %d, %d, %s..%s", aName, oa.Articles, oa.Quotes, oa.First, oa.Last,
			bName, ob.Articles, ob.Quotes, ob.First, ob.Last)
	}
	for _, f := range []struct {
		name   string
		fa, fb []fangtan.FacetCount
	}{{"sources", oa.Sources, ob.Sources}, {"officials", oa.Officials, ob.Officials}, {"themes", oa.Themes, ob.Themes}} {
		// Lists cut at a length may cut a tie differently: compare the
		// counts of the values both hold, and the lengths.
		ma, mb := facetMap(f.fa), facetMap(f.fb)
		if len(ma) != len(mb) {
			t.Errorf("overview %s: %s %v, %s %v", f.name, aName, top(f.fa), bName, top(f.fb))
		}
		for v, n := range ma {
			if m, ok := mb[v]; ok && m != n {
				t.Errorf("overview %s %s: %s %d, %s %d", f.name, v, aName, n, bName, m)
			}
		}
	}
	if len(oa.Officials) == 0 {
		t.Fatalf("%s's overview names no official: the profiles are not compared", aName)
	}
	for _, o := range oa.Officials[:min(len(oa.Officials), 8)] {
		pa, errA := a.Official(ctx, o.Value)
		pb, errB := b.Official(ctx, o.Value)
		if errA != nil || errB != nil {
			t.Errorf("official %s: %s: %v; %s: %v", o.Value, aName, errA, bName, errB)
			continue
		}
		if pa.Articles != pb.Articles || pa.Quotes != pb.Quotes {
			t.Errorf("official %s: %s %d articles, %d quotes; %s %d, %d", o.Value, aName, pa.Articles, pa.Quotes, bName, pb.Articles, pb.Quotes)
		}
		if fmt.Sprint(pa.Posts) != fmt.Sprint(pb.Posts) {
			t.Errorf("official %s posts: %s %v; %s %v", o.Value, aName, pa.Posts, bName, pb.Posts)
		}
	}
}

func quoteIDs(r *fangtan.QuoteResult) []string {
	ids := make([]string, len(r.Hits))
	for i, h := range r.Hits {
		ids[i] = h.ID
	}
	if r.Total > uint64(len(r.Hits)) {
		// Only a page: which quotes fill it depends on ranking.
		return nil
	}
	sort.Strings(ids)
	return ids
}

func facetMap(fc []fangtan.FacetCount) map[string]int {
	m := make(map[string]int, len(fc))
	for _, c := range fc {
		m[c.Value] = c.Count
	}
	return m
}

func mapsEqual(a, b map[string]int) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if w, ok := b[k]; !ok || w != v {
			return false
		}
	}
	return true
}

func top(fc []fangtan.FacetCount) []fangtan.FacetCount { return fc[:min(len(fc), 5)] }
