package bench

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"
)

// BenchmarkFirstPass is the harness's first pass on its own: fangtan's
// index is opened read-only and the whole of xwlb's query mix is asked once,
// as a server just started would be asked it. It needs an index of xwlb
// built by `fangtan index` in FANGTAN_BENCH_INDEX, and reports the p50 and
// p99 of the pass, over all iterations, and the p50 of each kind of query.
func BenchmarkFirstPass(b *testing.B) {
	dir := os.Getenv("FANGTAN_BENCH_INDEX")
	if dir == "" {
		b.Skip("skipping: FANGTAN_BENCH_INDEX names no index of xwlb built by `fangtan index`")
	}
	if _, err := os.Stat(sharedXWLB); err != nil {
		b.Skipf("skipping: the shared corpus %s is absent (%v)", sharedXWLB, err)
	}
	c, err := BuildCorpus([]string{sharedXWLB}, 0, 1, filepath.Join(b.TempDir(), "corpus.jsonl"))
	if err != nil {
		b.Fatal(err)
	}
	var o Options
	o.defaults()
	mix, err := BuildMix(c.Records, o.Seed)
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	var all []time.Duration
	perKind := map[string][]time.Duration{}
	for b.Loop() {
		e, err := fangtanSystem{}.Open(ctx, dir)
		if err != nil {
			b.Fatal(err)
		}
		for _, q := range mix {
			t := time.Now()
			if _, err := e.Search(ctx, q); err != nil {
				b.Fatal(err)
			}
			d := time.Since(t)
			all = append(all, d)
			perKind[q.Kind] = append(perKind[q.Kind], d)
		}
		e.Close()
	}
	at := func(lat []time.Duration, p float64) float64 {
		slices.Sort(lat)
		return float64(lat[int(p*float64(len(lat)-1))].Microseconds()) / 1000
	}
	b.ReportMetric(at(all, 0.5), "p50-ms")
	b.ReportMetric(at(all, 0.99), "p99-ms")
	for k, lat := range perKind {
		b.ReportMetric(at(lat, 0.5), k+"-p50-ms")
	}
}
