package analyzer

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"
)

// defaultSegmenter opens the shared segmenter once per test binary.
func defaultSegmenter(tb testing.TB) Segmenter {
	tb.Helper()
	seg, err := Default()
	if err != nil {
		tb.Fatalf("Default: %v", err)
	}
	return seg
}

func words(segs []Segment) []string {
	var out []string
	for _, s := range segs {
		out = append(out, s.Text)
	}
	return out
}

func TestUserDictionaryWords(t *testing.T) {
	seg := defaultSegmenter(t)
	tests := []struct {
		text, word, tag string
	}{
		{"我们要学党史办实事", "办实事", ""},
		{"推进转型发展", "转型发展", ""},
		{"深入开展党史学习教育", "党史学习教育", ""},
		{"太原市小店区的发展", "小店区", "ns"},
		{"市委书记丁小强说", "丁小强", "nr"},
		{"省委书记林武表示", "林武", "nr"},
		{"副区长杜昌春带领", "杜昌春", "nr"},
		{"区委书记马常春说", "马常春", "nr"},
		{"王永强介绍", "王永强", "nr"},
	}
	for _, tt := range tests {
		t.Run(tt.word, func(t *testing.T) {
			if got := words(seg.Cut(tt.text)); !contains(got, tt.word) {
				t.Errorf("Cut(%q) = %v, want the single word %s", tt.text, got, tt.word)
			}
			if tt.tag == "" {
				return
			}
			for _, s := range seg.Tag(tt.text) {
				if s.Text == tt.word {
					if s.Tag != tt.tag {
						t.Errorf("Tag(%q): %s tagged %q, want %q", tt.text, s.Text, s.Tag, tt.tag)
					}
					return
				}
			}
			t.Errorf("Tag(%q) = %v: no %s", tt.text, seg.Tag(tt.text), tt.word)
		})
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func TestSegmentOffsets(t *testing.T) {
	seg := defaultSegmenter(t)
	texts := []string{
		"刘振华市长", "中华人民共和国", "", "GDP增长5G，2021年", "a\x00b刘振华", "bad\xffutf8 中国",
		"学党史、办实事、开新局。", "  ",
	}
	for _, text := range texts {
		for name, cut := range map[string]func(string) []Segment{
			"Cut": seg.Cut, "CutForSearch": seg.CutForSearch, "Tag": seg.Tag,
		} {
			t.Run(fmt.Sprintf("%s/%q", name, text), func(t *testing.T) {
				for _, s := range cut(text) {
					if s.Start < 0 || s.End > len(text) || s.Start >= s.End || text[s.Start:s.End] != s.Text {
						t.Errorf("segment %+v does not point into %q", s, text)
					}
				}
			})
		}
	}
	// Precise mode and Tag cover the text in order.
	text := "迎泽区委书记李慧：打响五大品牌，2021年GDP增长。"
	for name, segs := range map[string][]Segment{"Cut": seg.Cut(text), "Tag": seg.Tag(text)} {
		var b strings.Builder
		for _, s := range segs {
			b.WriteString(s.Text)
		}
		if b.String() != text {
			t.Errorf("%s words join to %q, want %q", name, b.String(), text)
		}
	}
	// Text after a NUL byte is still segmented.
	if got := words(seg.Cut("a\x00刘振华")); !contains(got, "刘振华") {
		t.Errorf("Cut after NUL = %v", got)
	}
}

func TestKeywords(t *testing.T) {
	seg := defaultSegmenter(t)
	got := seg.Keywords("党史学习教育是全党的一项重要长期性工作，迎泽区推动党史学习教育融入日常，党史学习教育常态化。", 2)
	if len(got) != 2 || got[0] != "党史学习教育" {
		t.Errorf("Keywords = %v, want 党史学习教育 first of 2", got)
	}
	if got := seg.Keywords("", 3); got != nil {
		t.Errorf("Keywords(\"\") = %v", got)
	}
}

// TestSegmenterConcurrent runs the shared instance from many goroutines;
// under -race it also checks our wrapper for data races.
func TestSegmenterConcurrent(t *testing.T) {
	seg := defaultSegmenter(t)
	texts := []string{"刘振华市长", "中华人民共和国成立", "迎泽区委书记李慧", "丁小强：转型发展"}
	want := make([][]Segment, len(texts))
	for i, text := range texts {
		want[i] = seg.CutForSearch(text)
	}
	word := NewWordAnalyzer(seg)
	wantTokens := len(word.Analyze([]byte(texts[2])))
	var wg sync.WaitGroup
	errs := make(chan string, 64)
	for g := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for n := range 200 {
				i := (g + n) % len(texts)
				if got := seg.CutForSearch(texts[i]); !reflect.DeepEqual(got, want[i]) {
					errs <- fmt.Sprintf("goroutine %d: CutForSearch(%q) = %v, want %v", g, texts[i], got, want[i])
					return
				}
				seg.Tag(texts[i])
				seg.Keywords(texts[i], 2)
				if n := len(word.Analyze([]byte(texts[2]))); n != wantTokens {
					errs <- fmt.Sprintf("goroutine %d: word analyzer gave %d tokens, want %d", g, n, wantTokens)
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}

// writeDictDir copies the embedded dictionaries into a temp dir, changes
// them with edit, and returns the dir.
func writeDictDir(t *testing.T, edit func(dir string)) string {
	t.Helper()
	dir := t.TempDir()
	for _, name := range []string{MainDictFile, HMMModelFile, IDFFile, StopWordsFile} {
		if err := os.WriteFile(filepath.Join(dir, name), readEmbedded(name), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if edit != nil {
		edit(dir)
	}
	return dir
}

func TestOpenDictDirErrors(t *testing.T) {
	tests := []struct {
		name     string
		edit     func(dir string)
		wantFile string
		wantMsg  string
	}{
		{"missing main dict", func(dir string) { os.Remove(filepath.Join(dir, MainDictFile)) }, MainDictFile, "no such file"},
		{"missing hmm model", func(dir string) { os.Remove(filepath.Join(dir, HMMModelFile)) }, HMMModelFile, "no such file"},
		{"missing idf", func(dir string) { os.Remove(filepath.Join(dir, IDFFile)) }, IDFFile, "no such file"},
		{"missing stop words", func(dir string) { os.Remove(filepath.Join(dir, StopWordsFile)) }, StopWordsFile, "no such file"},
		{"malformed main dict line", func(dir string) {
			os.WriteFile(filepath.Join(dir, MainDictFile), []byte("中国 100 ns\n坏行\n"), 0o644)
		}, MainDictFile, "line 2"},
		{"bad frequency", func(dir string) {
			os.WriteFile(filepath.Join(dir, MainDictFile), []byte("中国 abc ns\n"), 0o644)
		}, MainDictFile, "line 1"},
		{"truncated hmm model", func(dir string) {
			os.WriteFile(filepath.Join(dir, HMMModelFile), []byte("#x\n-0.26 -3.14e+100 -3.14e+100 -1.46\n"), 0o644)
		}, HMMModelFile, "model lines"},
		{"empty stop words", func(dir string) {
			os.WriteFile(filepath.Join(dir, StopWordsFile), nil, 0o644)
		}, StopWordsFile, "empty"},
		{"bad user dict", func(dir string) {
			os.WriteFile(filepath.Join(dir, UserDictFile), []byte("好词\n太 多 的 列\n"), 0o644)
		}, UserDictFile, "line 2"},
		{"unreadable user dict", func(dir string) {
			os.Mkdir(filepath.Join(dir, UserDictFile), 0o755)
		}, UserDictFile, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := writeDictDir(t, tt.edit)
			seg, err := Open(dir)
			if err == nil {
				t.Fatalf("Open = %v, want an error", seg)
			}
			if !strings.Contains(err.Error(), tt.wantFile) || !strings.Contains(err.Error(), tt.wantMsg) {
				t.Errorf("Open error %q, want it to name %s and say %q", err, tt.wantFile, tt.wantMsg)
			}
		})
	}
	t.Run("not a dir", func(t *testing.T) {
		if _, err := Open(filepath.Join(t.TempDir(), "nope")); err == nil || !strings.Contains(err.Error(), "nope") {
			t.Errorf("Open(missing dir) error = %v", err)
		}
	})
}

func TestOpenDictDirMergesUserDict(t *testing.T) {
	dir := writeDictDir(t, func(dir string) {
		os.WriteFile(filepath.Join(dir, UserDictFile), []byte("锦绣太原城 nz\n"), 0o644)
	})
	seg, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	text := "再现锦绣太原城盛景，我为群众办实事"
	got := words(seg.Cut(text))
	for _, w := range []string{"锦绣太原城", "我为群众办实事"} {
		if !contains(got, w) {
			t.Errorf("Cut(%q) = %v, want %s from the merged user dictionaries", text, got, w)
		}
	}
	if got := words(defaultSegmenter(t).Cut(text)); contains(got, "锦绣太原城") {
		t.Errorf("the embedded dictionaries know 锦绣太原城: the test proves nothing")
	}
}

func TestMaterializeFallsBackToTempDir(t *testing.T) {
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	// A cache "dir" under a regular file cannot be created.
	blocker := filepath.Join(tmp, "file")
	if err := os.WriteFile(blocker, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Setenv("XDG_CACHE_HOME", blocker)
	d, err := loadDicts("")
	if err != nil {
		t.Fatal(err)
	}
	p, err := materialize(d)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(p.main, tmp+string(filepath.Separator)) {
		t.Errorf("dictionaries extracted to %s, want under %s", p.main, tmp)
	}
	for _, f := range []struct {
		path string
		want []byte
	}{{p.main, d.main}, {p.hmm, d.hmm}, {p.idf, d.idf}, {p.stop, d.stop}, {p.user, d.user}} {
		got, err := os.ReadFile(f.path)
		if err != nil || !bytes.Equal(got, f.want) {
			t.Errorf("%s: %d bytes, %v; want %d bytes", f.path, len(got), err, len(f.want))
		}
	}
	// A second run reuses the files.
	p2, err := materialize(d)
	if err != nil || p2 != p {
		t.Errorf("second materialize = %+v, %v; want %+v", p2, err, p)
	}
}

type fakeSegmenter struct{ Segmenter }

func TestDefaultConfigureSetDefault(t *testing.T) {
	orig := defaultSegmenter(t)
	t.Cleanup(func() { SetDefault(orig) })
	if err := Configure(""); err != nil {
		t.Errorf("Configure with the dir already open: %v", err)
	}
	if err := Configure(t.TempDir()); err == nil {
		t.Error("Configure with another dir after the segmenter opened: want an error")
	}
	fake := fakeSegmenter{}
	SetDefault(fake)
	if got, err := Default(); err != nil || got != Segmenter(fake) {
		t.Errorf("Default after SetDefault = %v, %v", got, err)
	}
}

func TestMaterializeRepairsChangedFile(t *testing.T) {
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	d, err := loadDicts("")
	if err != nil {
		t.Fatal(err)
	}
	p, err := materialize(d)
	if err != nil {
		t.Fatal(err)
	}
	// Same size, different content.
	bad := bytes.Repeat([]byte{'x'}, len(d.stop))
	if err := os.WriteFile(p.stop, bad, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := materialize(d); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(p.stop); !bytes.Equal(got, d.stop) {
		t.Errorf("%s was not restored", p.stop)
	}
}

// A segmenter says where its dictionaries came from, so that an index can
// tell a user which --dict-dir it was built with.
func TestDictionaryDir(t *testing.T) {
	// A user word makes it another set: a copy of the embedded files alone
	// would have the embedded set's id, which names content, not a place.
	custom := writeDictDir(t, func(dir string) {
		if err := os.WriteFile(filepath.Join(dir, UserDictFile), []byte("振华小店 100 n\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	})
	for _, tc := range []struct {
		name, dictDir, wantDir string
		queriesOnly            bool
	}{
		{"embedded", "", "", false},
		{"embedded, for queries", "", "", true},
		{"dict dir", custom, custom, false},
		{"dict dir, for queries", custom, custom, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			seg, err := open(tc.dictDir, tc.queriesOnly)
			if err != nil {
				t.Fatal(err)
			}
			src, ok := seg.(DictionarySource)
			if !ok {
				t.Fatalf("%T is not a DictionarySource", seg)
			}
			if got := src.DictionaryDir(); got != tc.wantDir {
				t.Errorf("DictionaryDir = %q, want %q", got, tc.wantDir)
			}
			id := seg.(SearchExpander).DictionaryID()
			if (tc.dictDir == "") != (id == EmbeddedDictionaryID) {
				t.Errorf("DictionaryID = %q; the embedded set is %q", id, EmbeddedDictionaryID)
			}
		})
	}
}
