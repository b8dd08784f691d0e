package postgres

import (
	"context"
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"

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
		{"deleted", func() error { _, err := writer.Delete(ctx, []string{"a"}, fangtan.BuildOptions{}); return err }, 2},
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

// TestRankedWindows: pages read from a cached window of ranks are the
// pages an uncached search gives, hit for hit with their scores, for
// every sort, across the windows' edges, past the deepest window kept,
// for articles and quotes, and after a write changes the order.
func TestRankedWindows(t *testing.T) {
	db := connect(t)
	ctx := context.Background()
	// 260 articles matching 改革 with scores in a few distinct values
	// (ties broken by id) and dates in a few distinct days (ties broken
	// by score, then id): every tie-break is exercised.
	var docs []fangtan.Document
	for i := range 260 {
		d := doc(fmt.Sprintf("d%03d", i), fmt.Sprintf("d%03d.txt", i), "第"+strconv.Itoa(i)+"篇",
			strings.Repeat("改革开放。", 1+i%4)+strings.Repeat("其他内容。", i%7))
		d.Date = fmt.Sprintf("2021-0%d-1%d", 1+i%3, i%5)
		d.Quotes = []fangtan.Quote{{Text: strings.Repeat("改革", 1+i%3) + "要继续", Speaker: "张三", Kind: fangtan.QuoteDirect}}
		docs = append(docs, d)
	}
	build(t, db, docs...)
	schema := schemaFor(t)
	reader, err := Open(ctx, dsn(t), Options{Schema: schema})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { reader.Close() })
	pages := [][2]int{{0, 10}, {10, 10}, {45, 10}, {0, 60}, {150, 55}, {195, 10}, {240, 30}, {0, 300}}
	check := func(t *testing.T) {
		for _, sort := range []string{"", fangtan.SortDate, fangtan.SortOldest} {
			for _, pg := range pages {
				q := fangtan.Query{Text: "改革", Sort: sort, From: pg[0], Size: pg[1]}
				name := fmt.Sprintf("sort=%q/from=%d/size=%d", sort, pg[0], pg[1])
				fresh, err := Open(ctx, dsn(t), Options{Schema: schema})
				if err != nil {
					t.Fatal(err)
				}
				want, err := fresh.Search(ctx, q)
				if err != nil {
					t.Fatal(err)
				}
				wantQ, err := fresh.SearchQuotes(ctx, q)
				fresh.Close()
				if err != nil {
					t.Fatal(err)
				}
				if len(want.Hits) == 0 && pg[0] < 260 {
					t.Fatalf("%s: no hits uncached", name)
				}
				for round := range 2 { // the first may fill the cache, the second reads it
					got, err := reader.Search(ctx, q)
					if err != nil {
						t.Fatal(err)
					}
					if !reflect.DeepEqual(scored(got.Hits), scored(want.Hits)) || got.Total != want.Total {
						t.Errorf("%s round %d: articles %v (total %d), uncached %v (total %d)", name, round, scored(got.Hits), got.Total, scored(want.Hits), want.Total)
					}
					gotQ, err := reader.SearchQuotes(ctx, q)
					if err != nil {
						t.Fatal(err)
					}
					if !reflect.DeepEqual(scoredQuotes(gotQ.Hits), scoredQuotes(wantQ.Hits)) || gotQ.Total != wantQ.Total {
						t.Errorf("%s round %d: quotes %v, uncached %v", name, round, scoredQuotes(gotQ.Hits), scoredQuotes(wantQ.Hits))
					}
				}
			}
		}
	}
	t.Run("built", check)
	// An add that ranks first and dates last changes every order: the
	// cached windows must not be read again.
	top := doc("top", "top.txt", "改革改革", strings.Repeat("改革", 40))
	top.Date = "2021-12-31"
	top.Quotes = []fangtan.Quote{{Text: "改革改革改革改革", Speaker: "李四", Kind: fangtan.QuoteDirect}}
	if _, err := db.Add(ctx, []fangtan.Document{top}, fangtan.BuildOptions{}); err != nil {
		t.Fatal(err)
	}
	time.Sleep(generationEvery) // readers look at the generation this often for aliases; searches at once
	t.Run("added", check)
}

func scored(hits []fangtan.Hit) []string {
	var out []string
	for _, h := range hits {
		out = append(out, fmt.Sprintf("%s:%.6g", h.ID, h.Score))
	}
	return out
}

func scoredQuotes(hits []fangtan.QuoteHit) []string {
	var out []string
	for _, h := range hits {
		out = append(out, h.ID)
	}
	return out
}

// TestGenCache: a value replaces the key's older one (a wider window of
// ranks), another generation empties the cache, and the least recently
// used entry goes first.
func TestGenCache(t *testing.T) {
	var c genCache[int]
	c.put("g1", "a", 1)
	if v, ok := c.get("g1", "a"); !ok || v != 1 {
		t.Errorf("get a = %d, %v; want 1", v, ok)
	}
	c.put("", "b", 2)
	if _, ok := c.get("", "b"); ok {
		t.Error("an empty generation is never cached")
	}
	if _, ok := c.get("g1", "a"); !ok {
		t.Error("a put of an empty generation emptied the cache")
	}
}
