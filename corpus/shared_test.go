package corpus

import (
	"bufio"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"unicode/utf8"

	"fangtan"
	"fangtan/analyzer"
	"fangtan/extract"
)

// sharedCorpus is where the scale corpora live, relative to this package:
// ../shared/corpus from the repository root. They are never committed.
func sharedCorpus(tb testing.TB, name string) string {
	tb.Helper()
	p := filepath.Join("..", "..", "shared", "corpus", name)
	if _, err := os.Stat(p); err != nil {
		tb.Skipf("%s not present (%v): this test needs the shared corpus in ../shared/corpus", name, err)
	}
	return p
}

// sampleLines copies every step-th line of a JSON-lines file, up to n, into
// a file of the same name in a temporary directory.
func sampleLines(t *testing.T, src string, step, n int) (string, []map[string]any) {
	t.Helper()
	f, err := os.Open(src)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	br := bufio.NewReaderSize(f, 1<<20)
	var kept []string
	var recs []map[string]any
	for i := 0; len(kept) < n; i++ {
		line, err := br.ReadString('\n')
		if line == "" && err != nil {
			break
		}
		if i%step != 0 {
			continue
		}
		var rec map[string]any
		if json.Unmarshal([]byte(line), &rec) != nil {
			t.Fatalf("line %d of %s is not JSON", i+1, src)
		}
		kept = append(kept, line)
		recs = append(recs, rec)
	}
	dst := filepath.Join(t.TempDir(), filepath.Base(src))
	if err := os.WriteFile(dst, []byte(strings.Join(kept, "")), 0o644); err != nil {
		t.Fatal(err)
	}
	return dst, recs
}

// TestSharedCorpora reads items the samples do not contain and checks that
// the page-level metadata follows the records: one document per record,
// the record's id and date, a title, the publication, authors folded to
// Simplified, and the text kept (only site promos removed).
func TestSharedCorpora(t *testing.T) {
	for _, tc := range []struct {
		file, source string
		step         int
	}{
		{"xwlb.jsonl", "新闻联播", 97},
		{"hkcnews-10k.jsonl", "众新闻", 53},
	} {
		t.Run(tc.file, func(t *testing.T) {
			path, recs := sampleLines(t, sharedCorpus(t, tc.file), tc.step, 150)
			docs, rep := loadAll(t, path)
			if len(rep.Problems) != 0 {
				t.Fatalf("problems: %v", rep.Problems)
			}
			if len(docs) != len(recs) {
				t.Fatalf("%d documents from %d records: a record must never be split", len(docs), len(recs))
			}
			checkInvariants(t, docs)
			var kept, total int
			for i, d := range docs {
				rec := recs[i]
				if d.ID != rec["id"] {
					t.Errorf("id %q, want %q", d.ID, rec["id"])
				}
				if want := normalizeDate(rec["date"].(string)); d.Date != want || want == "" {
					t.Errorf("%s: date %q, want %q", d.ID, d.Date, want)
				}
				if d.Source != tc.source {
					t.Errorf("%s: source %q, want %q", d.ID, d.Source, tc.source)
				}
				if title, _ := rec["title"].(string); title != "" && !strings.Contains(title, d.Title) {
					t.Errorf("%s: title %q is not from the record's %q", d.ID, d.Title, title)
				}
				if a, ok := rec["author"].(string); ok && a != "" {
					if len(d.Authors) == 0 || d.Authors[0] != analyzer.Fold(a) {
						t.Errorf("%s: authors %v, want %q folded", d.ID, d.Authors, a)
					}
				}
				if strings.Contains(d.Text, "月費訂戶 網址") || strings.Contains(d.Text, "請加入成為眾新聞的月費訂戶") {
					t.Errorf("%s: subscription promo left in the text", d.ID)
				}
				if tc.source == "新闻联播" {
					// No chrome in these transcripts: every line is a paragraph.
					lines := 0
					for _, l := range strings.Split(rec["text"].(string), "\n") {
						// The scraper's rule and time stamp are not text.
						if l = strings.TrimSpace(l); l != "" && l != "---" && !strings.HasPrefix(l, "(更新时间戳") {
							lines++
						}
					}
					if lines > 0 && len(d.Paragraphs) != lines {
						t.Errorf("%s: %d paragraphs from %d lines", d.ID, len(d.Paragraphs), lines)
					}
				}
				kept += utf8.RuneCountInString(d.Text)
				total += utf8.RuneCountInString(rec["text"].(string))
			}
			// Cleaning removes chrome, not articles: nearly all text stays.
			if kept < total*9/10 {
				t.Errorf("kept %d of %d characters", kept, total)
			}
			t.Logf("%d records, kept %d of %d characters", len(docs), kept, total)
		})
	}
}

// cpuSeconds is the user and system CPU time this process has used.
func cpuSeconds() float64 {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return float64(ru.Utime.Sec+ru.Stime.Sec) + float64(ru.Utime.Usec+ru.Stime.Usec)/1e6
}

// BenchmarkLoadXWLB measures Load's throughput (MB/s) on xwlb.jsonl, page
// reading alone and with the Extractor.
func BenchmarkLoadXWLB(b *testing.B) {
	path := sharedCorpus(b, "xwlb.jsonl")
	info, err := os.Stat(path)
	if err != nil {
		b.Fatal(err)
	}
	run := func(b *testing.B, opts Options) {
		b.SetBytes(info.Size())
		cpu0 := cpuSeconds()
		for b.Loop() {
			rep, err := Load(context.Background(), opts, []string{path}, func(fangtan.Document) error { return nil })
			if err != nil || rep.Documents == 0 {
				b.Fatalf("Load: %v, %d documents", err, rep.Documents)
			}
		}
		// The machine is shared: MB per CPU-second is steadier than MB/s.
		if cpu := cpuSeconds() - cpu0; cpu > 0 {
			b.ReportMetric(float64(info.Size())*float64(b.N)/1e6/cpu, "MB/cpu-s")
		}
	}
	b.Run("page", func(b *testing.B) { run(b, Options{}) })
	b.Run("extract", func(b *testing.B) {
		seg, err := analyzer.Default()
		if err != nil {
			b.Skipf("no segmenter: %v", err)
		}
		ex, err := extract.NewExtractor(seg)
		if err != nil {
			b.Skipf("no extractor: %v", err)
		}
		run(b, Options{Extractor: ex})
	})
	b.Run("extract-parallel", func(b *testing.B) {
		seg, err := analyzer.Default()
		if err != nil {
			b.Skipf("no segmenter: %v", err)
		}
		ex, err := extract.NewExtractor(seg)
		if err != nil {
			b.Skipf("no extractor: %v", err)
		}
		run(b, Options{Extractor: ex, Workers: runtime.GOMAXPROCS(0)})
	})
}
