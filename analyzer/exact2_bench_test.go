package analyzer

import (
	"io/fs"
	"path/filepath"
	"testing"
	"time"

	"github.com/blevesearch/bleve/v2"
)

// BenchmarkExactFieldXWLB indexes the first MB of xwlb texts into a bleve
// index with one exact field (term vectors on, as the index package has
// them), once with the exact analyzer and once with the bigram one, and
// reports the index size on disk per byte of text (size-ratio, segments
// as left at Close, unmerged), the terms per kept rune (terms/rune) and MB
// of text indexed per second of wall time (run it on a quiet machine).
// More text:
//
//	FANGTAN_BENCH_MB=30 go test ./analyzer -run '^$' -bench ExactFieldXWLB -benchtime 1x
func BenchmarkExactFieldXWLB(b *testing.B) {
	docs := sharedCorpus(b, "xwlb.jsonl")
	var total, runes int
	for _, d := range docs {
		total += len(d)
		runes += len(compact(d))
	}
	for _, a := range []struct {
		name, analyzer string
		terms          func([]byte) int
	}{
		{"exact", ExactAnalyzerName, func(t []byte) int { return len(ExactTokenizer{}.Tokenize(t)) }},
		{"exact2", ExactBigramAnalyzerName, func(t []byte) int { return len(ExactBigramTokenizer{}.Tokenize(t)) }},
	} {
		b.Run(a.name, func(b *testing.B) {
			b.SetBytes(int64(total))
			var size int64
			var took time.Duration
			for i := 0; i < b.N; i++ {
				m := bleve.NewIndexMapping()
				doc := bleve.NewDocumentMapping()
				f := bleve.NewTextFieldMapping()
				f.Analyzer = a.analyzer
				f.IncludeTermVectors = true
				f.Store = false
				doc.AddFieldMappingsAt("exact", f)
				m.DefaultMapping = doc
				dir := b.TempDir() + "/idx"
				t0 := time.Now()
				idx, err := bleve.New(dir, m)
				if err != nil {
					b.Fatal(err)
				}
				batch := idx.NewBatch()
				for j, d := range docs {
					if err := batch.Index(string(rune('a'+j%26))+itoa(j), map[string]any{"exact": d}); err != nil {
						b.Fatal(err)
					}
					if batch.Size() == 500 {
						if err := idx.Batch(batch); err != nil {
							b.Fatal(err)
						}
						batch = idx.NewBatch()
					}
				}
				if err := idx.Batch(batch); err != nil {
					b.Fatal(err)
				}
				if err := idx.Close(); err != nil {
					b.Fatal(err)
				}
				took += time.Since(t0)
				size = dirSize(b, dir)
			}
			n := 0
			for _, d := range docs {
				n += a.terms([]byte(d))
			}
			b.ReportMetric(float64(size)/float64(total), "size-ratio")
			b.ReportMetric(float64(n)/float64(runes), "terms/rune")
			b.ReportMetric(float64(total)*float64(b.N)/1e6/took.Seconds(), "MB/s-index")
		})
	}
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var buf [20]byte
	i := len(buf)
	for ; n > 0; n /= 10 {
		i--
		buf[i] = byte('0' + n%10)
	}
	return string(buf[i:])
}

func dirSize(b *testing.B, dir string) int64 {
	var size int64
	err := filepath.WalkDir(dir, func(_ string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() {
			info, err := d.Info()
			if err != nil {
				return err
			}
			size += info.Size()
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	return size
}
