package index

import (
	"context"
	"os"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strconv"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/blevesearch/bleve/v2/index/scorch"

	"fangtan"
	"fangtan/analyzer"
	"fangtan/corpus"
	"fangtan/extract"
	"fangtan/internal/conformance"
	"fangtan/internal/procstat"
)

// benchQueries is the query mix every backend's benchmarks share.
var benchQueries = conformance.BenchQueries

// runBenchQueries times each query of the mix; before, when not nil, runs
// untimed ahead of every search.
func runBenchQueries(b *testing.B, idx *Index, before func()) {
	ctx := context.Background()
	for _, bq := range benchQueries {
		b.Run(bq.Name, func(b *testing.B) {
			lat := make([]time.Duration, 0, b.N)
			for b.Loop() {
				if before != nil {
					before()
				}
				start := time.Now()
				if err := searchOnce(ctx, idx, bq); err != nil {
					b.Fatal(err)
				}
				lat = append(lat, time.Since(start))
			}
			reportPercentiles(b, lat)
		})
	}
}

// searchOnce runs one query of the mix.
func searchOnce(ctx context.Context, idx *Index, bq conformance.BenchQuery) error {
	var err error
	if bq.Quotes {
		_, err = idx.SearchQuotes(ctx, bq.Q)
	} else {
		_, err = idx.Search(ctx, bq.Q)
	}
	return err
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
	runBenchQueries(b, idx, nil)
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
	runBenchQueries(b, idx, nil)
}

// BenchmarkBuildXWLB measures the whole build (extraction, the exact analyzer,
// quotes, facets) in MB/s of article text.
func BenchmarkBuildXWLB(b *testing.B) {
	docs, ex, bytes := xwlbBuildInput(b)
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

// xwlbBuildInput is what the build benchmarks share: the first
// FANGTAN_BENCH_DOCS xwlb articles, an extractor over the default
// segmenter, and the bytes of the articles' text.
func xwlbBuildInput(b *testing.B) ([]fangtan.Document, *extract.Extractor, int64) {
	b.Helper()
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
	return docs, ex, bytes
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

// buildLevers are the build settings BenchmarkBuildLevers compares on the
// same articles in one run (see docs/benchmarks.md, "Indexing levers
// measured").
var buildLevers = []struct {
	name        string
	opts        BuildOptions
	unpersisted int // unpersistedBatches during the build
}{
	{"batch=1000/unbounded", BuildOptions{BatchSize: 1000}, 0},
	{"batch=1000/unpersisted=1", BuildOptions{BatchSize: 1000}, 1},
	{"batch=300/unbounded", BuildOptions{BatchSize: 300}, 0},
}

// BenchmarkBuildLevers builds the first FANGTAN_BENCH_DOCS xwlb articles
// with each of buildLevers, reporting the process's CPU seconds per build
// (the build runs on every core, so ns/op alone hides its cost) and the
// peak resident memory above what the process held before the build.
func BenchmarkBuildLevers(b *testing.B) {
	docs, ex, bytes := xwlbBuildInput(b)
	for _, lever := range buildLevers {
		b.Run(lever.name, func(b *testing.B) {
			b.SetBytes(bytes)
			var cpu, peak float64
			defer func(n int) { unpersistedBatches = n }(unpersistedBatches)
			unpersistedBatches = lever.unpersisted
			for b.Loop() {
				dir := b.TempDir()
				cp := slices.Clone(docs)
				opts := lever.opts
				opts.Prepare = ex.Extract
				debug.FreeOSMemory()
				rss0 := procstat.MB("VmRSS")
				stop := make(chan struct{})
				sampled := make(chan float64)
				go func() {
					top := rss0
					t := time.NewTicker(20 * time.Millisecond)
					defer t.Stop()
					for {
						select {
						case <-t.C:
							top = max(top, procstat.MB("VmRSS"))
						case <-stop:
							sampled <- top - rss0
							return
						}
					}
				}()
				cpu0 := cpuSeconds()
				if _, err := Build(context.Background(), filepath.Join(dir, "x"), DocumentsSource(cp), opts); err != nil {
					b.Fatal(err)
				}
				cpu += cpuSeconds() - cpu0
				close(stop)
				peak = max(peak, <-sampled)
			}
			b.ReportMetric(cpu/float64(b.N), "cpu-s/op")
			b.ReportMetric(peak, "peak-rss-MB")
		})
	}
}

// cpuSeconds is the user and system time of this process so far.
func cpuSeconds() float64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	tv := func(t syscall.Timeval) float64 { return float64(t.Sec) + float64(t.Usec)/1e6 }
	return tv(ru.Utime) + tv(ru.Stime)
}

// BenchmarkSearchXWLBCold is BenchmarkSearchXWLB with the facet counts
// and ranked windows forgotten before every search: the cost of a query
// asked for the first time, which is what fangtan-bench's first pass
// measures.
func BenchmarkSearchXWLBCold(b *testing.B) {
	idx := xwlbIndex(b)
	runBenchQueries(b, idx, func() {
		idx.facets.Clear()
		idx.ranks.Clear()
	})
}

// BenchmarkReadFacetColumns reads the facet columns of every segment of
// the xwlb index: what the first search after opening an index, or after a
// merge, pays once.
func BenchmarkReadFacetColumns(b *testing.B) {
	snap := xwlbSnapshot(b)
	for b.Loop() {
		var fc facetColumns
		if _, _, err := fc.of(snap); err != nil {
			b.Fatal(err)
		}
	}
}

// xwlbSnapshot is a snapshot of the xwlb index, released after b.
func xwlbSnapshot(b *testing.B) *scorch.IndexSnapshot {
	snap, release, err := xwlbIndex(b).snapshot()
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(release)
	return snap
}
