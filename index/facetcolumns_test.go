package index

import (
	"cmp"
	"context"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/blevesearch/bleve/v2"

	"fangtan"
)

// TestFacetColumns compares the counts of facetColumns with bleve's own
// terms and date range facets, for articles and quotes, on a built index
// (one segment) and after adds and a delete (several segments, and a
// deleted document).
func TestFacetColumns(t *testing.T) {
	idx, docs, half := halfIndex(t)
	ctx := context.Background()
	if segs := segmentCount(t, idx); segs != 1 {
		t.Fatalf("the built index has %d segments; want 1", segs)
	}
	t.Run("one segment", func(t *testing.T) { compareFacets(t, idx) })
	for _, part := range [][]fangtan.Document{docs[half : half+2], docs[half+2:]} {
		if _, err := idx.Add(ctx, part, BuildOptions{}); err != nil {
			t.Fatal(err)
		}
	}
	if n, err := idx.Delete(ctx, []string{docs[0].ID}, BuildOptions{}); err != nil || n != 1 {
		t.Fatalf("delete %s: %d, %v", docs[0].ID, n, err)
	}
	if segs := segmentCount(t, idx); segs < 2 {
		t.Fatalf("the index has %d segment; the test needs several", segs)
	}
	t.Run("segments", func(t *testing.T) { compareFacets(t, idx) })
	// Facet terms read in two parts, placed into one column.
	defer func(n int) { halvedColumnTerms = n }(halvedColumnTerms)
	halvedColumnTerms = 2
	idx.columns = facetColumns{}
	t.Run("halves", func(t *testing.T) { compareFacets(t, idx) })
}

func compareFacets(t *testing.T, idx *Index) {
	ctx := context.Background()
	for _, c := range []struct {
		name string
		q    string
		t    target
	}{
		{"every article", "", articles},
		{"word", "书记", articles},
		{"or", "发展 OR 振华", articles},
		{"phrase", `"高质量发展"`, articles},
		{"nothing", "没有这个词语吗", articles},
		{"every quote", "", quotes},
		{"quotes", "发展", quotes},
	} {
		t.Run(c.name, func(t *testing.T) {
			var req *bleve.SearchRequest
			if c.q != "" {
				comp, err := idx.compile(fangtan.Query{Text: c.q}, c.t)
				if err != nil {
					t.Fatal(err)
				}
				req = bleve.NewSearchRequestOptions(comp.q, 10, 0, false)
			} else {
				req = bleve.NewSearchRequestOptions(termQuery(fieldType, c.t.typ), 10, 0, false)
			}
			res, counter, err := idx.runCounting(ctx, req, true)
			if err != nil {
				t.Fatal(err)
			}

			// bleve's facets on the same query are the oracle.
			oracle := bleve.NewSearchRequestOptions(req.Query, 10, 0, false)
			oracle.AddFacet(fieldFacets, bleve.NewFacetRequest(fieldFacets, allFacetValues))
			months := bleve.NewFacetRequest(fieldDate, 12*100)
			for y := 1970; y < 2070; y++ {
				for m := time.January; m <= time.December; m++ {
					start := time.Date(y, m, 1, 0, 0, 0, 0, time.UTC)
					months.AddDateTimeRange(start.Format("2006-01"), start, start.AddDate(0, 1, 0))
				}
			}
			oracle.AddFacet(fieldMonth, months)
			want, err := idx.run(ctx, oracle)
			if err != nil {
				t.Fatal(err)
			}
			if res.Total != want.Total || len(res.Hits) != len(want.Hits) {
				t.Fatalf("counting changed the search: %d hits of %d, bleve %d of %d", len(res.Hits), res.Total, len(want.Hits), want.Total)
			}

			wantFacets := make(map[string][]fangtan.FacetCount)
			for _, tf := range want.Facets[fieldFacets].Terms.Terms() {
				name, value, _ := strings.Cut(tf.Term, facetSep)
				wantFacets[name] = append(wantFacets[name], fangtan.FacetCount{Value: value, Count: tf.Count})
			}
			got := counter.facets()
			if c.q != "没有这个词语吗" && len(got) == 0 {
				t.Fatal("no facets counted")
			}
			if len(got) != len(wantFacets) {
				t.Errorf("%d facets, bleve %d", len(got), len(wantFacets))
			}
			for name, w := range wantFacets {
				slices.SortFunc(w, byCount)
				if !slices.Equal(got[name], w) {
					t.Errorf("%s:\n got %v\nwant %v", name, got[name], w)
				}
			}

			var wantMonths []fangtan.FacetCount
			for _, r := range want.Facets[fieldMonth].DateRanges {
				wantMonths = append(wantMonths, fangtan.FacetCount{Value: r.Name, Count: r.Count})
			}
			slices.SortFunc(wantMonths, func(a, b fangtan.FacetCount) int { return cmp.Compare(a.Value, b.Value) })
			if gotMonths := counter.monthCounts(1970, 2069); !slices.Equal(gotMonths, wantMonths) {
				t.Errorf("months:\n got %v\nwant %v", gotMonths, wantMonths)
			}
			if c.t.typ == typeArticle && c.q == "" && len(wantMonths) == 0 {
				t.Error("no dated article: the months are not tested")
			}
		})
	}
}

func byCount(a, b fangtan.FacetCount) int {
	return cmp.Or(cmp.Compare(b.Count, a.Count), cmp.Compare(a.Value, b.Value))
}

func segmentCount(t *testing.T, idx *Index) int {
	t.Helper()
	snap, release, err := idx.snapshot()
	if err != nil {
		t.Fatal(err)
	}
	defer release()
	return len(snap.Segments())
}

// halfIndex builds an index of the first half of the sample corpus and the
// fixture documents (one segment, compacted) and opens it for writing; the
// rest are docs[half:].
func halfIndex(t *testing.T) (idx *Index, docs []fangtan.Document, half int) {
	t.Helper()
	_, docs = sampleIndex(t)
	docs = append(slices.Clone(docs), fixtureDocs(t)...)
	path := filepath.Join(t.TempDir(), "idx")
	half = len(docs) / 2
	if _, err := Build(context.Background(), path, DocumentsSource(docs[:half]), BuildOptions{}); err != nil {
		t.Fatal(err)
	}
	idx, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { idx.Close() })
	return idx, docs, half
}

// TestRunCountingRefusesEarlyStop: bleve stops collecting an unscored
// request once it has Size hits, which would count only those.
func TestRunCountingRefusesEarlyStop(t *testing.T) {
	idx := fixtureIndex(t)
	req := bleve.NewSearchRequestOptions(termQuery(fieldType, typeArticle), 2, 0, false)
	req.Score = "none"
	if _, _, err := idx.runCounting(context.Background(), req, false); err == nil {
		t.Fatal("an unscored request with a size was counted")
	}
	req.Size = 0
	_, c, err := idx.runCounting(context.Background(), req, false)
	if err != nil {
		t.Fatal(err)
	}
	total := 0
	for _, n := range c.facets()["year"] {
		total += n.Count
	}
	if total != len(fixtureDocs(t)) {
		t.Errorf("years count %d articles; the fixture has %d", total, len(fixtureDocs(t)))
	}
}

// BenchmarkFacetCounts sorts the counts of every facet value of xwlb, as a
// search matching every article does.
func BenchmarkFacetCounts(b *testing.B) {
	snap := xwlbSnapshot(b)
	var fc facetColumns
	cols, offsets, err := fc.of(snap)
	if err != nil {
		b.Fatal(err)
	}
	var c facetCounter
	c.reset(cols, offsets)
	for doc := range offsets[len(offsets)-1] {
		c.add(doc)
	}
	for b.Loop() {
		c.facets()
	}
}
