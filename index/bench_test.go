package index

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"sync"
	"testing"
	"time"

	"fangtan"
	"fangtan/analyzer"
	"fangtan/corpus"
	"fangtan/extract"
)

// benchQueries is the query mix of the benchmarks: single words,
// several words, phrases, a drill-down, Traditional text and quotes.
var benchQueries = []struct {
	name   string
	q      fangtan.Query
	quotes bool
}{
	{"word", fangtan.Query{Text: "转型发展"}, false},
	{"words", fangtan.Query{Text: "经济 高质量发展 改革"}, false},
	{"phrase", fangtan.Query{Text: `"党史学习教育"`}, false},
	{"long-phrase", fangtan.Query{Text: `"推动高质量发展"`}, false},
	{"or-exclude", fangtan.Query{Text: "乡村振兴 OR 脱贫攻坚 -疫情"}, false},
	{"drill-down", fangtan.Query{Text: "发展", Years: []string{"2021"}, Provinces: []string{"山西"}}, false},
	{"traditional", fangtan.Query{Text: "辦實事 黨史學習教育"}, false},
	{"date-sort", fangtan.Query{Text: "习近平 date:2020..2022", Sort: "date"}, false},
	{"quotes", fangtan.Query{Text: "发展"}, true},
}

func runBenchQueries(b *testing.B, idx *Index) {
	ctx := context.Background()
	for _, bq := range benchQueries {
		b.Run(bq.name, func(b *testing.B) {
			lat := make([]time.Duration, 0, b.N)
			for b.Loop() {
				start := time.Now()
				var err error
				if bq.quotes {
					_, err = idx.SearchQuotes(ctx, bq.q)
				} else {
					_, err = idx.Search(ctx, bq.q)
				}
				if err != nil {
					b.Fatal(err)
				}
				lat = append(lat, time.Since(start))
			}
			reportPercentiles(b, lat)
		})
	}
}

func reportPercentiles(b *testing.B, lat []time.Duration) {
	if len(lat) == 0 {
		return
	}
	slices.Sort(lat)
	at := func(p float64) float64 { return float64(lat[int(p*float64(len(lat)-1))].Microseconds()) / 1000 }
	b.ReportMetric(at(0.50), "p50-ms")
	b.ReportMetric(at(0.99), "p99-ms")
}

// BenchmarkSearchSample searches the sample corpus.
func BenchmarkSearchSample(b *testing.B) {
	idx, _ := sampleIndex(b)
	runBenchQueries(b, idx)
}

// xwlb is a bigger index: the first FANGTAN_BENCH_DOCS (default 5000)
// articles of ../shared/corpus/xwlb.jsonl, built once per test binary.
var xwlb struct {
	once  sync.Once
	idx   *Index
	keep  bool // built in FANGTAN_BENCH_INDEX: not removed
	stats Stats
	err   error
}

func xwlbPath(b *testing.B) string {
	p := filepath.Join("..", "..", "shared", "corpus", "xwlb.jsonl")
	if _, err := os.Stat(p); err != nil {
		b.Skipf("skipping: %s is not present (the shared benchmark corpus)", p)
	}
	return p
}

func xwlbDocs(b *testing.B, p string) []fangtan.Document {
	limit := 5000
	if s := os.Getenv("FANGTAN_BENCH_DOCS"); s != "" {
		if n, err := strconv.Atoi(s); err == nil {
			limit = n
		}
	}
	var docs []fangtan.Document
	errFull := os.ErrClosed
	_, err := corpus.Load(context.Background(), corpus.Options{}, []string{p}, func(d fangtan.Document) error {
		if len(docs) == limit {
			return errFull
		}
		docs = append(docs, d)
		return nil
	})
	if err != nil && err != errFull {
		b.Fatal(err)
	}
	return docs
}

// xwlbIndex builds the xwlb index, or with FANGTAN_BENCH_INDEX=DIR reuses
// the one in DIR (building it there the first time), so that profiling
// searches does not rebuild it every run.
func xwlbIndex(b *testing.B) *Index {
	p := xwlbPath(b)
	xwlb.once.Do(func() {
		if keep := os.Getenv("FANGTAN_BENCH_INDEX"); keep != "" {
			if xwlb.idx, xwlb.err = OpenReadOnly(keep); xwlb.err == nil {
				xwlb.keep = true
				return
			}
			docs := xwlbDocs(b, p)
			seg, _ := analyzer.Default()
			ex, _ := extract.NewExtractor(seg)
			if _, xwlb.err = Build(context.Background(), keep, DocumentsSource(docs), BuildOptions{Prepare: ex.Extract}); xwlb.err == nil {
				xwlb.idx, xwlb.err = OpenReadOnly(keep)
				xwlb.keep = true
			}
			return
		}
		docs := xwlbDocs(b, p)
		seg, err := analyzer.Default()
		if err != nil {
			xwlb.err = err
			return
		}
		ex, err := extract.NewExtractor(seg)
		if err != nil {
			xwlb.err = err
			return
		}
		path := filepath.Join(os.TempDir(), "fangtan-bench-xwlb-"+strconv.Itoa(os.Getpid()))
		xwlb.stats, xwlb.err = Build(context.Background(), path, DocumentsSource(docs), BuildOptions{Prepare: ex.Extract})
		if xwlb.err != nil {
			return
		}
		xwlb.idx, xwlb.err = Open(path)
	})
	if xwlb.err != nil {
		b.Fatal(xwlb.err)
	}
	return xwlb.idx
}

// BenchmarkSearchXWLB searches thousands of xwlb articles, when the shared
// corpus is present.
func BenchmarkSearchXWLB(b *testing.B) {
	idx := xwlbIndex(b)
	runBenchQueries(b, idx)
}

// BenchmarkBuildXWLB measures the whole build (extraction, both analyzers,
// quotes, facets) in MB/s of article text.
func BenchmarkBuildXWLB(b *testing.B) {
	docs := xwlbDocs(b, xwlbPath(b))
	seg, err := analyzer.Default()
	if err != nil {
		b.Fatal(err)
	}
	ex, err := extract.NewExtractor(seg)
	if err != nil {
		b.Fatal(err)
	}
	var bytes int64
	for _, d := range docs {
		bytes += int64(len(d.Text))
	}
	b.SetBytes(bytes)
	for b.Loop() {
		dir := b.TempDir()
		cp := slices.Clone(docs)
		if _, err := Build(context.Background(), filepath.Join(dir, "x"), DocumentsSource(cp), BuildOptions{Prepare: ex.Extract}); err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(dirSize(filepath.Join(dir, "x")))/float64(bytes), "size/text")
	}
}

func dirSize(p string) int64 {
	var n int64
	_ = filepath.Walk(p, func(_ string, fi os.FileInfo, err error) error {
		if err == nil && !fi.IsDir() {
			n += fi.Size()
		}
		return nil
	})
	return n
}
