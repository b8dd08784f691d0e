package web

import (
	"context"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"fangtan"
	"fangtan/analyzer"
	"fangtan/corpus"
	"fangtan/extract"
	"fangtan/index"
)

// realIndex is one index built from the bundled sample corpus plus
// testdata/hostile (scraped text holding <script> and onerror= markup),
// shared by the end-to-end tests of this package.
var realIndex struct {
	once sync.Once
	dir  string
	idx  *index.Index
	err  error
}

// hostileID is the article of testdata/hostile/hostile.txt whose title,
// text, quotes and officials carry markup. The page holds one article, so
// its id is the file stem.
const hostileID = "hostile"

func sampleIndex(t *testing.T) *index.Index {
	t.Helper()
	realIndex.once.Do(func() {
		realIndex.dir, realIndex.err = os.MkdirTemp("", "fangtan-web-index-")
		if realIndex.err != nil {
			return
		}
		realIndex.idx, realIndex.err = buildIndex(filepath.Join(realIndex.dir, "idx"))
	})
	if realIndex.err != nil {
		t.Fatalf("building the sample index: %v", realIndex.err)
	}
	return realIndex.idx
}

func buildIndex(path string) (*index.Index, error) {
	ctx := context.Background()
	seg, err := analyzer.Default()
	if err != nil {
		return nil, err
	}
	ex, err := extract.NewExtractor(seg)
	if err != nil {
		return nil, err
	}
	opts := corpus.Options{Extractor: ex}
	src := func(ctx context.Context, emit func(fangtan.Document) error) error {
		if _, err := corpus.Load(ctx, opts, nil, emit); err != nil { // the bundled sample
			return err
		}
		_, err := corpus.Load(ctx, opts, []string{filepath.Join("testdata", "hostile")}, emit)
		return err
	}
	if _, err := index.Build(ctx, path, src, index.BuildOptions{}); err != nil {
		return nil, err
	}
	return index.OpenReadOnly(path)
}

func TestMain(m *testing.M) {
	code := m.Run()
	if realIndex.idx != nil {
		realIndex.idx.Close()
	}
	if realIndex.dir != "" {
		os.RemoveAll(realIndex.dir)
	}
	os.Exit(code)
}

// browserSearcher is the searcher the browser test serves: the real index.
func browserSearcher(t *testing.T) (fangtan.Searcher, browserFixture) {
	return sampleIndex(t), browserFixture{
		suggestPrefix: "刘", suggestWant: "刘振华",
		query:     "党史",
		hostileID: hostileID, hostileQuery: "营商环境",
	}
}
