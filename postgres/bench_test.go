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
	"fangtan/internal/conformance"
)

// benchQueries is the query mix every backend's benchmarks share.
var benchQueries = conformance.BenchQueries

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
			b.Run(mode+"/"+bq.Name, func(b *testing.B) {
				lat := make([]time.Duration, 0, 64)
				for b.Loop() {
					if mode == "uncached" {
						db.counts.clear()
						db.ranks.clear()
						db.reprintsByArticle.clear()
					}
					start := time.Now()
					var err error
					if bq.Quotes {
						_, err = db.SearchQuotes(ctx, bq.Q)
					} else {
						_, err = db.Search(ctx, bq.Q)
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
