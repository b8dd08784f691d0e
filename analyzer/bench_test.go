package analyzer

import (
	"bufio"
	"encoding/json"
	"os"
	"slices"
	"strconv"
	"testing"
	"time"
)

// benchCorpusMB is how much of a shared corpus the benchmarks read
// (FANGTAN_BENCH_MB overrides it).
func benchCorpusMB() int {
	if n, err := strconv.Atoi(os.Getenv("FANGTAN_BENCH_MB")); err == nil && n > 0 {
		return n
	}
	return 2
}

// sharedCorpus reads the "text" of the first MB of a JSON-lines corpus
// from ../shared/corpus relative to the repo root, or skips.
func sharedCorpus(b *testing.B, name string) []string {
	path := "../../shared/corpus/" + name
	f, err := os.Open(path)
	if err != nil {
		b.Skipf("shared corpus %s not present (%v); benchmarking the sample corpus only", path, err)
	}
	defer f.Close()
	limit := benchCorpusMB() << 20
	var docs []string
	total := 0
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	for sc.Scan() && total < limit {
		var rec struct {
			Text string `json:"text"`
		}
		if json.Unmarshal(sc.Bytes(), &rec) != nil || rec.Text == "" {
			continue
		}
		docs = append(docs, rec.Text)
		total += len(rec.Text)
	}
	if len(docs) == 0 {
		b.Skipf("no texts in %s", path)
	}
	return docs
}

func sampleDocs(b *testing.B) []string {
	texts := sampleTexts(b)
	var docs []string
	for _, name := range slices.Sorted(func(yield func(string) bool) {
		for k := range texts {
			if !yield(k) {
				return
			}
		}
	}) {
		docs = append(docs, texts[name])
	}
	return docs
}

// BenchmarkAnalyzer compares the word analyzer (fold, search-mode
// segmentation, offset mapping, bleve tokens) with raw gojieba Cut on the
// same documents in the same run. The "ratio" metric of the Ratio
// sub-benchmark is analyzer throughput / Cut throughput.
func BenchmarkAnalyzer(b *testing.B) {
	corpora := []struct {
		name string
		docs func(*testing.B) []string
	}{
		{"sample", sampleDocs},
		{"xwlb", func(b *testing.B) []string { return sharedCorpus(b, "xwlb.jsonl") }},
		{"hkcnews", func(b *testing.B) []string { return sharedCorpus(b, "hkcnews-10k.jsonl") }},
	}
	seg := defaultSegmenter(b)
	raw := seg.(*jiebaSegmenter).j
	word := NewWordAnalyzer(seg)
	exact := NewExactAnalyzer()
	for _, c := range corpora {
		b.Run(c.name, func(b *testing.B) {
			docs := c.docs(b)
			size := 0
			for _, d := range docs {
				size += len(d)
			}
			b.Run("GojiebaCut", func(b *testing.B) {
				b.SetBytes(int64(size))
				for b.Loop() {
					for _, d := range docs {
						raw.Cut(d, true)
					}
				}
			})
			b.Run("WordAnalyzer", func(b *testing.B) {
				b.SetBytes(int64(size))
				for b.Loop() {
					for _, d := range docs {
						word.Analyze([]byte(d))
					}
				}
			})
			b.Run("ExactAnalyzer", func(b *testing.B) {
				b.SetBytes(int64(size))
				for b.Loop() {
					for _, d := range docs {
						exact.Analyze([]byte(d))
					}
				}
			})
			b.Run("Ratio", func(b *testing.B) {
				b.SetBytes(int64(2 * size))
				var cut, analyze time.Duration
				// Alternating per document spreads the load of a shared
				// machine evenly over both sides.
				for b.Loop() {
					for _, d := range docs {
						t0 := time.Now()
						raw.Cut(d, true)
						t1 := time.Now()
						word.Analyze([]byte(d))
						cut += t1.Sub(t0)
						analyze += time.Since(t1)
					}
				}
				b.ReportMetric(cut.Seconds()/analyze.Seconds(), "ratio")
			})
		})
	}
}
