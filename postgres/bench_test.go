package postgres

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"testing"
	"time"

	"fangtan"
	"fangtan/corpus"
)

// benchQueries mirror index/bench_test.go's, so that the two backends'
// benchmarks can be read side by side: single words, several words,
// phrases, a drill-down, Traditional text, a date sort and quotes.
var benchQueries = []struct {
	name   string
	q      fangtan.Query
	quotes bool
}{
	{"word", fangtan.Query{Text: "转型发展"}, false},
	{"frequent-word", fangtan.Query{Text: "习近平"}, false},
	{"words", fangtan.Query{Text: "经济 高质量发展 改革"}, false},
	{"phrase", fangtan.Query{Text: `"党史学习教育"`}, false},
	{"long-phrase", fangtan.Query{Text: `"推动高质量发展"`}, false},
	{"or-exclude", fangtan.Query{Text: "乡村振兴 OR 脱贫攻坚 -疫情"}, false},
	{"drill-down", fangtan.Query{Text: "发展", Years: []string{"2021"}, Provinces: []string{"山西"}}, false},
	{"traditional", fangtan.Query{Text: "辦實事 黨史學習教育"}, false},
	{"date-sort", fangtan.Query{Text: "习近平 date:2020..2022", Sort: "date"}, false},
	{"quotes", fangtan.Query{Text: "发展"}, true},
}

// BenchmarkSearchXWLB searches the first FANGTAN_BENCH_DOCS (default 2000)
// xwlb articles, built into the test cluster; FANGTAN_BENCH_DSN and
// FANGTAN_BENCH_SCHEMA search an index built elsewhere instead (fangtan
// index --backend postgres), e.g. the whole of xwlb. "cached" repeats each
// query, as a user paging or asking again (total and facets from the
// cache); "uncached" empties the cache before each search.
func BenchmarkSearchXWLB(b *testing.B) {
	db := benchDB(b)
	ctx := context.Background()
	for _, mode := range []string{"cached", "uncached"} {
		for _, bq := range benchQueries {
			b.Run(mode+"/"+bq.name, func(b *testing.B) {
				lat := make([]time.Duration, 0, 64)
				for b.Loop() {
					if mode == "uncached" {
						db.facets.mu.Lock()
						db.facets.m = nil
						db.facets.mu.Unlock()
					}
					start := time.Now()
					var err error
					if bq.quotes {
						_, err = db.SearchQuotes(ctx, bq.q)
					} else {
						_, err = db.Search(ctx, bq.q)
					}
					if err != nil {
						b.Fatal(err)
					}
					lat = append(lat, time.Since(start))
				}
				slices.Sort(lat)
				at := func(p float64) float64 { return float64(lat[int(p*float64(len(lat)-1))].Microseconds()) / 1000 }
				b.ReportMetric(at(0.50), "p50-ms")
				b.ReportMetric(at(0.99), "p99-ms")
			})
		}
	}
}

func benchDB(b *testing.B) *DB {
	ctx := context.Background()
	if d := os.Getenv("FANGTAN_BENCH_DSN"); d != "" {
		db, err := Open(ctx, d, Options{Schema: os.Getenv("FANGTAN_BENCH_SCHEMA")})
		if err != nil {
			b.Fatal(err)
		}
		b.Cleanup(func() { db.Close() })
		return db
	}
	p := filepath.Join("..", "..", "shared", "corpus", "xwlb.jsonl")
	if _, err := os.Stat(p); err != nil {
		b.Skipf("skipping: %s is not present (the shared benchmark corpus)", p)
	}
	limit := 2000
	if n, err := strconv.Atoi(os.Getenv("FANGTAN_BENCH_DOCS")); err == nil && n > 0 {
		limit = n
	}
	var docs []fangtan.Document
	errFull := os.ErrClosed
	_, err := corpus.Load(ctx, corpus.Options{}, []string{p}, func(d fangtan.Document) error {
		if len(docs) == limit {
			return errFull
		}
		docs = append(docs, d)
		return nil
	})
	if err != nil && err != errFull {
		b.Fatal(err)
	}
	db := connect(b)
	if _, err := db.Build(ctx, fangtan.DocumentsSource(docs), options(b)); err != nil {
		b.Fatal(err)
	}
	return db
}
