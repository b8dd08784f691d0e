package corpus

import (
	"context"
	"runtime"
	"testing"
	"time"

	"fangtan"
	"fangtan/analyzer"
	"fangtan/extract"
	"fangtan/internal/procstat"
)

// BenchmarkLoadXWLBPeakRSS measures the extraction side of an index build: Load
// with the Extractor on two workers over xwlb.jsonl, documents discarded as
// they are emitted. peak-MB is how far the process's RSS (sampled every
// 20 ms) rose above its RSS once the segmenter and keyword tables were
// loaded, which is
// what reading and extracting add to a build; base-MB is that RSS (test
// binary, jieba, keyword tables). Run it alone:
//
//	go test ./corpus -run '^$' -bench LoadXWLBPeakRSS -benchtime 1x
func BenchmarkLoadXWLBPeakRSS(b *testing.B) {
	path := sharedCorpus(b, "xwlb.jsonl")
	seg, err := analyzer.Default()
	if err != nil {
		b.Skipf("no segmenter: %v", err)
	}
	ex, err := extract.NewExtractor(seg)
	if err != nil {
		b.Fatal(err)
	}
	runtime.GC()
	rss0 := procstat.MB("VmRSS")
	// VmHWM keeps the start-up peak of loading the dictionaries, which would
	// hide extraction's, so sample VmRSS instead.
	peak := rss0
	stop, sampled := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(sampled)
		tick := time.NewTicker(20 * time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-stop:
				return
			case <-tick.C:
				peak = max(peak, procstat.MB("VmRSS"))
			}
		}
	}()
	b.ResetTimer()
	docs := 0
	for i := 0; i < b.N; i++ {
		rep, err := Load(context.Background(), Options{Extractor: ex, Workers: 2}, []string{path}, func(fangtan.Document) error {
			docs++
			return nil
		})
		if err != nil {
			b.Fatal(err)
		}
		b.SetBytes(rep.Bytes)
	}
	b.StopTimer()
	close(stop)
	<-sampled
	b.ReportMetric(peak-rss0, "peak-MB")
	b.ReportMetric(rss0, "base-MB")
	b.ReportMetric(float64(docs)/float64(b.N), "docs")
}
