package postgres

import (
	"context"
	"reflect"
	"testing"

	"fangtan"
)

// TestFacetCacheGenerations: a reader caches a search's total and facet
// counts; writes through another handle (standing for another process)
// change the generation, and the reader's next search counts again, as a
// reader without a cache would.
func TestFacetCacheGenerations(t *testing.T) {
	writer := connect(t)
	ctx := context.Background()
	b := doc("b", "b.txt", "乙", "深化改革的任务")
	b.Quotes = []fangtan.Quote{{Text: "改革要继续深化", Speaker: "张三", Kind: fangtan.QuoteDirect}}
	build(t, writer, doc("a", "a.txt", "甲", "改革开放的成就"), b)
	schema := schemaFor(t)
	reader, err := Open(ctx, dsn(t), Options{Schema: schema})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { reader.Close() })
	later := doc("c", "c.txt", "丙", "改革的新进展")
	later.Date = "2022-03-01"
	later.Quotes = []fangtan.Quote{{Text: "改革有了新进展", Speaker: "李四", Kind: fangtan.QuoteReported}}
	steps := []struct {
		name  string
		write func() error
		want  uint64
	}{
		{"built", func() error { return nil }, 2},
		{"added", func() error { _, err := writer.Add(ctx, []fangtan.Document{later}, fangtan.BuildOptions{}); return err }, 3},
		{"deleted", func() error { _, err := writer.Delete(ctx, []string{"a"}); return err }, 2},
	}
	for _, st := range steps {
		t.Run(st.name, func(t *testing.T) {
			if err := st.write(); err != nil {
				t.Fatal(err)
			}
			fresh, err := Open(ctx, dsn(t), Options{Schema: schema})
			if err != nil {
				t.Fatal(err)
			}
			defer fresh.Close()
			want, err := fresh.Search(ctx, fangtan.Query{Text: "改革"})
			if err != nil {
				t.Fatal(err)
			}
			if want.Total != st.want {
				t.Fatalf("uncached search: total %d, want %d", want.Total, st.want)
			}
			// Twice: the first counts (or finds counts of an older
			// generation, which it must not use), the second is cached;
			// the second page also.
			for i, q := range []fangtan.Query{{Text: "改革"}, {Text: "改革"}, {Text: "改革", From: 1, Size: 1}} {
				got, err := reader.Search(ctx, q)
				if err != nil {
					t.Fatal(err)
				}
				if got.Total != want.Total || !reflect.DeepEqual(got.Facets, want.Facets) || !reflect.DeepEqual(got.Timeline, want.Timeline) {
					t.Errorf("search %d: total %d, facets %v, timeline %v; uncached: %d, %v, %v",
						i, got.Total, got.Facets, got.Timeline, want.Total, want.Facets, want.Timeline)
				}
				size := q.Size
				if size == 0 {
					size = defaultSize
				}
				wantHits := want.Hits[q.From:min(len(want.Hits), q.From+size)]
				if len(got.Hits) != len(wantHits) || (len(got.Hits) > 0 && got.Hits[0].ID != wantHits[0].ID) {
					t.Errorf("search %d: hits %v, want %v", i, hitIDs(got.Hits), hitIDs(wantHits))
				}
			}
			wq, err := fresh.SearchQuotes(ctx, fangtan.Query{Text: "改革"})
			if err != nil {
				t.Fatal(err)
			}
			if wq.Total == 0 {
				t.Fatal("no quote found: the quotes' cache is not tested")
			}
			for range 2 {
				gq, err := reader.SearchQuotes(ctx, fangtan.Query{Text: "改革"})
				if err != nil {
					t.Fatal(err)
				}
				if gq.Total != wq.Total || !reflect.DeepEqual(gq.Facets, wq.Facets) {
					t.Errorf("quotes: total %d, facets %v; uncached: %d, %v", gq.Total, gq.Facets, wq.Total, wq.Facets)
				}
			}
		})
	}
}

func hitIDs(hits []fangtan.Hit) []string {
	var out []string
	for _, h := range hits {
		out = append(out, h.ID)
	}
	return out
}
