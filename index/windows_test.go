package index

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"fangtan"
)

// TestRankWindows pages through searches of 260 articles, with each
// sort, across the edges of the kept windows and past the deepest one,
// and compares every page, hit by hit with scores, with the same page
// ranked by bleve without the window cache; then adds an article that
// outranks all and expects it first.
func TestRankWindows(t *testing.T) {
	ctx := context.Background()
	var docs []fangtan.Document
	for i := range 260 {
		// Scores differ with the count of 改革 and the text's length,
		// and repeat every 13 articles: ties are kept in index order.
		text := strings.Repeat("改革开放。", 1+i%13) + strings.Repeat("经济社会发展。", i%7)
		docs = append(docs, fangtan.Document{
			ID: fmt.Sprintf("w%03d", i), File: fmt.Sprintf("w%03d.txt", i),
			Title: fmt.Sprintf("第%d篇", i), Date: fmt.Sprintf("20%02d-%02d-%02d", 10+i%12, 1+i%12, 1+i%28),
			Paragraphs: []string{text}, Text: text,
		})
	}
	path := filepath.Join(t.TempDir(), "idx")
	if _, err := Build(ctx, path, DocumentsSource(docs), BuildOptions{}); err != nil {
		t.Fatal(err)
	}
	idx, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer idx.Close()

	// uncached ranks fq's page as bleve does without windows, with the
	// index's ranking statistics.
	uncached := func(t *testing.T, fq fangtan.Query) []fangtan.Hit {
		t.Helper()
		c, err := idx.compile(fq, articles)
		if err != nil {
			t.Fatal(err)
		}
		req, err := request(fq, c)
		if err != nil {
			t.Fatal(err)
		}
		res, err := idx.run(idx.withRankStats(ctx, articles), req)
		if err != nil {
			t.Fatal(err)
		}
		var hits []fangtan.Hit
		for _, h := range res.Hits {
			hits = append(hits, fangtan.Hit{ID: h.ID, Score: h.Score})
		}
		return hits
	}
	pages := []struct{ from, size int }{
		{0, 10}, {10, 10}, {45, 10}, {0, 60}, {95, 20}, {150, 50}, {190, 10}, {195, 10}, {250, 10}, {255, 10}, {300, 10},
	}
	for _, sort := range []string{"", fangtan.SortDate, fangtan.SortOldest} {
		for _, text := range []string{"改革", "改革 OR 发展", "经济社会"} {
			t.Run(sort+" "+text, func(t *testing.T) {
				for _, p := range pages {
					fq := fangtan.Query{Text: text, Sort: sort, From: p.from, Size: p.size}
					res, err := idx.Search(ctx, fq)
					if err != nil {
						t.Fatal(err)
					}
					want := uncached(t, fq)
					if len(res.Hits) != len(want) {
						t.Fatalf("from %d size %d: %d hits, want %d", p.from, p.size, len(res.Hits), len(want))
					}
					for i, h := range res.Hits {
						if h.ID != want[i].ID || h.Score != want[i].Score {
							t.Fatalf("from %d size %d, hit %d: %s %.6f, want %s %.6f", p.from, p.size, i, h.ID, h.Score, want[i].ID, want[i].Score)
						}
						if h.Title == "" {
							t.Fatalf("hit %s has no stored fields", h.ID)
						}
					}
				}
			})
		}
	}

	// A search asked for the first time ranks its page only; its second
	// page ranks a window, which then serves both pages.
	t.Run("first page, then a window", func(t *testing.T) {
		fq := fangtan.Query{Text: "开放", Size: 10}
		key := rankKey(typeArticle, fq)
		first, err := idx.Search(ctx, fq)
		if err != nil {
			t.Fatal(err)
		}
		if w, ok := idx.ranks.Get(idx.gen.Load(), key); !ok || len(w.ids) != 10 || w.complete {
			t.Fatalf("after page 1: window %+v (kept %v), want the page's 10 ranks", w, ok)
		}
		fq.From = 10
		if _, err := idx.Search(ctx, fq); err != nil {
			t.Fatal(err)
		}
		w, ok := idx.ranks.Get(idx.gen.Load(), key)
		if !ok || len(w.ids) != rankWindow {
			t.Fatalf("after page 2: window of %d ranks (kept %v), want %d", len(w.ids), ok, rankWindow)
		}
		for i, h := range first.Hits {
			if w.ids[i] != h.ID || w.scores[i] != h.Score {
				t.Fatalf("rank %d: window has %s %.6f, page 1 had %s %.6f", i, w.ids[i], w.scores[i], h.ID, h.Score)
			}
		}
	})

	// Every batch of an add makes a new generation, so that pages ranked
	// before it are not served while the rest of the add goes on.
	before := idx.gen.Load()
	var more []fangtan.Document
	for i := range 6 {
		more = append(more, fangtan.Document{ID: fmt.Sprintf("m%d", i), File: fmt.Sprintf("m%d.txt", i), Title: "补充", Paragraphs: []string{"补充材料。"}, Text: "补充材料。"})
	}
	if _, err := idx.Add(ctx, more, BuildOptions{BatchSize: 2}); err != nil {
		t.Fatal(err)
	}
	if bumps := idx.gen.Load() - before; bumps < 3 {
		t.Errorf("an add of 3 batches made %d generations", bumps)
	}

	// A write makes a new generation: the next page 1 ranks again.
	top := strings.Repeat("改革", 40)
	if _, err := idx.Add(ctx, []fangtan.Document{{ID: "top", File: "top.txt", Title: "改革", Paragraphs: []string{top}, Text: top}}, BuildOptions{}); err != nil {
		t.Fatal(err)
	}
	res, err := idx.Search(ctx, fangtan.Query{Text: "改革"})
	if err != nil {
		t.Fatal(err)
	}
	if res.Total != 261 || len(res.Hits) == 0 || res.Hits[0].ID != "top" {
		t.Errorf("after the add: total %d, first %v; want 261 and top", res.Total, res.Hits)
	}
}
