package index

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"

	"fangtan"
	"fangtan/extract"
)

// BenchmarkBuildOffline compares issue 14's lever "bleve's offline
// builder for full builds" with Build on the first FANGTAN_BENCH_DOCS xwlb
// articles: both extract on every core and end with the index in one
// segment, neither makes a registry pass. The builder (scorch.Builder,
// which bleve.NewBuilder wraps) takes fangtan's own documents; it analyzes
// and builds each batch's segment under its lock, and merges the segments
// into one when it closes. A third variant then does what the registry's
// pass would make a Builder-made index do: opens it, indexes 4% of the
// articles again (the pass gave 883 of xwlb's 19,876 an official) and
// merges it into one segment again. It reports CPU and wall seconds per
// build, and the index's size.
func BenchmarkBuildOffline(b *testing.B) {
	docs, ex, bytes := xwlbBuildInput(b)
	report := func(b *testing.B, cpu, wall float64, dir string) {
		b.ReportMetric(cpu/float64(b.N), "cpu-s/op")
		b.ReportMetric(wall/float64(b.N), "wall-s/op")
		if dir != "" {
			b.ReportMetric(float64(dirSize(dir))/1e6, "index-MB")
		}
	}
	b.Run("Build", func(b *testing.B) {
		b.SetBytes(bytes)
		var cpu, wall float64
		var path string
		for b.Loop() {
			cp := slices.Clone(docs)
			path = filepath.Join(b.TempDir(), "x")
			cpu0, t0 := cpuSeconds(), time.Now()
			if _, err := Build(context.Background(), path, DocumentsSource(cp), BuildOptions{BatchSize: 1000, Prepare: ex.Extract}); err != nil {
				b.Fatal(err)
			}
			cpu, wall = cpu+cpuSeconds()-cpu0, wall+time.Since(t0).Seconds()
		}
		report(b, cpu, wall, path)
	})
	for _, updated := range []int{0, 4} {
		name := "Builder"
		if updated > 0 {
			name = fmt.Sprintf("Builder+%d%%updated+merge", updated)
		}
		b.Run(name, func(b *testing.B) { benchBuilder(b, docs, ex, bytes, updated, report) })
	}
}

// benchBuilder builds docs with scorch.Builder and then, if updated > 0,
// opens the index, indexes updated percent of the articles again (as the
// registry's pass does to those it gives an official) and merges the
// index into one segment again.
func benchBuilder(b *testing.B, docs []fangtan.Document, ex *extract.Extractor, bytes int64, updated int, report func(*testing.B, float64, float64, string)) {
	b.SetBytes(bytes)
	m := newMapping()
	db, err := newDocBuilder(m)
	if err != nil {
		b.Fatal(err)
	}
	mappingJSON, err := json.Marshal(m)
	if err != nil {
		b.Fatal(err)
	}
	var cpu, wall float64
	var path string
	var indexed atomic.Uint64
	for b.Loop() {
		cp := slices.Clone(docs)
		indexed.Store(0)
		path = filepath.Join(b.TempDir(), "x")
		if err := os.MkdirAll(path, 0o755); err != nil {
			b.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(path, "index_meta.json"), []byte(`{"storage":"scorch","index_type":"scorch"}`), 0o644); err != nil {
			b.Fatal(err)
		}
		cpu0, t0 := cpuSeconds(), time.Now()
		bl, err := scorch.NewBuilder(map[string]interface{}{
			"path": filepath.Join(path, "store"), "batchSize": 1000,
			"internal": map[string][]byte{"_mapping": mappingJSON},
		})
		if err != nil {
			b.Fatal(err)
		}
		in := make(chan *fangtan.Document)
		var wg sync.WaitGroup
		errs := make(chan error, 2)
		for range 2 {
			wg.Go(func() {
				for d := range in {
					ex.Extract(d)
					bdocs, err := db.build(d)
					if err != nil {
						errs <- err
						continue
					}
					for _, bd := range bdocs {
						if err := bl.Index(bd); err != nil {
							errs <- err
						}
					}
					indexed.Add(uint64(len(bdocs)))
				}
			})
		}
		for i := range cp {
			in <- &cp[i]
		}
		close(in)
		wg.Wait()
		close(errs)
		for err := range errs {
			b.Fatal(err)
		}
		if err := bl.Close(); err != nil {
			b.Fatal(err)
		}
		if updated > 0 {
			idx, err := bleve.Open(path)
			if err != nil {
				b.Fatal(err)
			}
			batch := idx.NewBatch()
			for i := 0; i < len(cp)*updated/100; i++ {
				bdocs, err := db.build(&cp[i*100/updated])
				if err != nil {
					b.Fatal(err)
				}
				for _, bd := range bdocs {
					if err := batch.IndexAdvanced(bd); err != nil {
						b.Fatal(err)
					}
				}
			}
			if err := idx.Batch(batch); err != nil {
				b.Fatal(err)
			}
			adv, err := idx.Advanced()
			if err != nil {
				b.Fatal(err)
			}
			if err := adv.(*scorch.Scorch).ForceMerge(context.Background(), nil); err != nil {
				b.Fatal(err)
			}
			if err := idx.Close(); err != nil {
				b.Fatal(err)
			}
		}
		cpu, wall = cpu+cpuSeconds()-cpu0, wall+time.Since(t0).Seconds()
	}
	// The builder's index holds every document it was given.
	idx, err := bleve.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	n, err := idx.DocCount()
	idx.Close()
	if err != nil || n != indexed.Load() {
		b.Fatalf("the builder's index holds %d documents (%v); %d were indexed", n, err, indexed.Load())
	}
	if updated > 0 {
		// ForceMerge returns before scorch deletes the files it
		// replaced, and this loop does not wait for them (Build's
		// awaitCleanup does): the directory's size would count both.
		path = ""
	}
	report(b, cpu, wall, path)
}
