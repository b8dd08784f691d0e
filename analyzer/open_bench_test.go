package analyzer

import (
	"runtime"
	"testing"
	"time"

	"fangtan/internal/procstat"
)

// BenchmarkOpen measures what opening a segmenter costs, split into its
// steps: reading the dictionaries (load-ms), finding or writing them in the
// cache dir (cache-ms) and cppjieba building its tables (jieba-ms), and
// the resident memory it adds (rss-MB, after a GC). Run one mode per
// process, or the second inherits the first's memory:
//
//	go test ./analyzer -run '^$' -bench 'Open/full$' -benchtime 1x
//	go test ./analyzer -run '^$' -bench 'Open/queries$' -benchtime 1x
func BenchmarkOpen(b *testing.B) {
	for _, m := range []struct {
		name        string
		queriesOnly bool
	}{{"full", false}, {"queries", true}} {
		b.Run(m.name, func(b *testing.B) {
			runtime.GC()
			rss0 := procstat.MB("VmRSS")
			var load, cache, jieba time.Duration
			var keep []Segmenter
			for i := 0; i < b.N; i++ {
				t0 := time.Now()
				d, err := loadDicts("")
				if err != nil {
					b.Fatal(err)
				}
				t1 := time.Now()
				if _, err := materialize(d); err != nil {
					b.Fatal(err)
				}
				t2 := time.Now()
				d = nil
				seg, err := open("", m.queriesOnly) // loads and finds the cache again: cheap, measured above
				if err != nil {
					b.Fatal(err)
				}
				t3 := time.Now()
				load += t1.Sub(t0)
				cache += t2.Sub(t1)
				jieba += t3.Sub(t2) - t2.Sub(t0)
				keep = append(keep, seg)
			}
			b.StopTimer()
			runtime.GC()
			b.ReportMetric(float64(load.Milliseconds())/float64(b.N), "load-ms")
			b.ReportMetric(float64(cache.Milliseconds())/float64(b.N), "cache-ms")
			b.ReportMetric(float64(jieba.Milliseconds())/float64(b.N), "jieba-ms")
			b.ReportMetric((procstat.MB("VmRSS")-rss0)/float64(len(keep)), "rss-MB")
			runtime.KeepAlive(keep)
		})
	}
}
