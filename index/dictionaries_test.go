package index

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fangtan/analyzer"
)

// otherDictDir is a dict dir holding the embedded dictionaries plus one
// user word: another dictionary set, as a newsroom's own would be.
func otherDictDir(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for _, name := range []string{analyzer.MainDictFile, analyzer.HMMModelFile, analyzer.IDFFile, analyzer.StopWordsFile} {
		b, err := os.ReadFile(filepath.Join("..", "analyzer", "dict", name))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(dir, analyzer.UserDictFile), []byte("振华小店 100 n\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

// useSegmenter makes seg the segmenter of every index opened or built
// from now until the test ends. The index's word analyzer takes the
// process-wide one, as fangtan's commands configure it with --dict-dir.
func useSegmenter(t *testing.T, seg analyzer.Segmenter) {
	t.Helper()
	orig, err := analyzer.Default()
	if err != nil {
		t.Fatal(err)
	}
	analyzer.SetDefault(seg)
	t.Cleanup(func() { analyzer.SetDefault(orig) })
}

// An index records the dictionaries it was built with; opening it with
// others fails, naming both and the fix, and opening it with the same ones
// works.
func TestOpenChecksDictionaries(t *testing.T) {
	embedded, err := analyzer.Default()
	if err != nil {
		t.Fatal(err)
	}
	dictDir := otherDictDir(t)
	other, err := analyzer.Open(dictDir)
	if err != nil {
		t.Fatal(err)
	}
	if other.(analyzer.SearchExpander).DictionaryID() == analyzer.EmbeddedDictionaryID {
		t.Fatal("the other dict dir has the embedded dictionaries' id")
	}
	docs := fixtureDocs(t)[:2]
	tests := []struct {
		name        string
		build, open analyzer.Segmenter
		wantErr     []string // empty: the open succeeds
	}{
		{"embedded, opened with embedded", embedded, embedded, nil},
		{"dict dir, opened with the same", other, other, nil},
		{"embedded, opened with a dict dir", embedded, other,
			[]string{"built with the embedded dictionaries (" + analyzer.EmbeddedDictionaryID + ")", "--dict-dir " + dictDir, "search it without --dict-dir", "rebuild it"}},
		{"dict dir, opened with embedded", other, embedded,
			[]string{"built with the dictionaries of --dict-dir " + dictDir, "this fangtan has the embedded dictionaries", "search it with --dict-dir " + dictDir, "rebuild it"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "idx")
			useSegmenter(t, tc.build)
			if _, err := Build(context.Background(), path, DocumentsSource(docs), BuildOptions{}); err != nil {
				t.Fatal(err)
			}
			analyzer.SetDefault(tc.open)
			for _, open := range []func(string) (*Index, error){Open, OpenReadOnly} {
				idx, err := open(path)
				if len(tc.wantErr) == 0 {
					if err != nil {
						t.Fatalf("open: %v", err)
					}
					if n := total(t, idx, "振华"); n == 0 {
						t.Errorf("振华: no hits with the dictionaries the index was built with")
					}
					idx.Close()
					continue
				}
				if err == nil {
					idx.Close()
					t.Fatal("open succeeded with other dictionaries than the index was built with")
				}
				for _, want := range tc.wantErr {
					if !strings.Contains(err.Error(), want) {
						t.Errorf("open error %q\nlacks %q", err, want)
					}
				}
			}
		})
	}
}

// An index built before the dictionaries were recorded has nothing to
// compare with and opens as before.
func TestCheckDictionariesWithoutRecord(t *testing.T) {
	now := analyzer.Dictionaries{ID: "dict-0123456789abcdef", Dir: "/d"}
	for _, tc := range []struct {
		name     string
		recorded []byte
		now      analyzer.Dictionaries
		wantErr  string
	}{
		{"no record", nil, now, ""},
		{"a stand-in segmenter without an id", analyzer.Dictionaries{ID: "dict-x"}.Encode(), analyzer.Dictionaries{}, ""},
		{"the same id from another dir", analyzer.Dictionaries{ID: now.ID, Dir: "/elsewhere"}.Encode(), now, ""},
		{"a damaged record", []byte("{"), now, "unreadable record of its dictionaries"},
		{"another id", analyzer.Dictionaries{ID: "dict-fedcba9876543210"}.Encode(), now, "built with dictionaries dict-fedcba9876543210, but this fangtan has the dictionaries of --dict-dir /d"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := checkDictionaries("idx", tc.recorded, tc.now)
			if tc.wantErr == "" && err != nil || tc.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tc.wantErr)) {
				t.Errorf("checkDictionaries = %v, want %q", err, tc.wantErr)
			}
		})
	}
}
