// Package conformance is one test suite that every search backend (bleve in
// index/, PostgreSQL in postgres/) must pass on the same documents: the
// exact-substring property, Traditional/Simplified equality, facet counts
// that agree with filters, highlighting, quotes with speakers, and
// malformed or hostile queries. The expected answers are computed by
// scanning the documents in Go, never copied from a backend, and Compare
// holds two backends to the same result documents.
package conformance

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"fangtan"
	"fangtan/analyzer"
	"fangtan/corpus"
	"fangtan/extract"
)

// Open builds an index of docs (as read, not yet extracted) with Build and
// returns a Searcher over it; the backend removes it when t ends.
type Open func(t *testing.T, docs []fangtan.Document) fangtan.Searcher

// XWLBLimit is how many xwlb records the suite indexes: enough for
// one-character queries to match hundreds of documents, few enough to keep
// a backend's run within about two minutes under -race.
const XWLBLimit = 2000

// BuildOptions are the options `fangtan index` builds with: the extractor
// (with its aliases) prepares each document, the registry of officials is
// filled and consulted. Each call has a fresh extractor, since the build
// tells it the registry's officials.
func BuildOptions() (fangtan.BuildOptions, error) {
	seg, err := analyzer.Default()
	if err != nil {
		return fangtan.BuildOptions{}, fmt.Errorf("open dictionaries: %w", err)
	}
	ex, err := extract.NewExtractor(seg)
	if err != nil {
		return fangtan.BuildOptions{}, fmt.Errorf("extractor: %w", err)
	}
	return ex.BuildOptions(), nil
}

// Build builds docs into ix as `fangtan index` does. The documents are
// copied first: Prepare fills them in place.
func Build(t testing.TB, ix fangtan.Indexer, docs []fangtan.Document) fangtan.Stats {
	t.Helper()
	opts, err := BuildOptions()
	if err != nil {
		t.Fatal(err)
	}
	cp := make([]fangtan.Document, len(docs))
	copy(cp, docs)
	stats, err := ix.Build(context.Background(), fangtan.DocumentsSource(cp), opts)
	if err != nil {
		t.Fatalf("build %d documents: %v", len(docs), err)
	}
	if stats.Documents+stats.Reprints != len(docs) {
		t.Fatalf("build indexed %d documents and %d reprints of %d (skipped: %v)", stats.Documents, stats.Reprints, len(docs), stats.Skipped)
	}
	return stats
}

var sample struct {
	once sync.Once
	docs []fangtan.Document
	err  error
}

// SampleDocs is the bundled sample corpus, read and cleaned, not extracted.
func SampleDocs(t testing.TB) []fangtan.Document {
	t.Helper()
	sample.once.Do(func() {
		_, sample.err = corpus.Load(context.Background(), corpus.Options{}, nil, func(d fangtan.Document) error {
			sample.docs = append(sample.docs, d)
			return nil
		})
	})
	if sample.err != nil {
		t.Fatalf("sample corpus: %v", sample.err)
	}
	if len(sample.docs) < 5 {
		t.Fatalf("the sample corpus gave %d documents", len(sample.docs))
	}
	return sample.docs
}

var xwlb struct {
	once sync.Once
	path string
	docs []fangtan.Document
	err  error
}

var errEnough = errors.New("enough documents")

// XWLBPath is ../shared/corpus/xwlb.jsonl beside the module's directory
// (FANGTAN_XWLB overrides it), or "" when it is absent.
func XWLBPath() string {
	if p := os.Getenv("FANGTAN_XWLB"); p != "" {
		return p
	}
	dir, err := os.Getwd()
	if err != nil {
		return ""
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			p := filepath.Join(dir, "..", "shared", "corpus", "xwlb.jsonl")
			if _, err := os.Stat(p); err == nil {
				return p
			}
			return ""
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

// XWLBDocs is the first XWLBLimit records of xwlb, read, not extracted; it
// skips t, saying so, when the corpus is absent or when the race detector
// is on (Race: `make test` runs this part again without it).
func XWLBDocs(t testing.TB) []fangtan.Document {
	t.Helper()
	if Race {
		t.Skip("skipping the xwlb part under the race detector (minutes per backend); make test runs it without -race: go test -run 'Conformance|BackendsAgree' ./index/ ./postgres/ ./internal/conformance/")
	}
	xwlb.once.Do(func() {
		xwlb.path = XWLBPath()
		if xwlb.path == "" {
			return
		}
		_, err := corpus.Load(context.Background(), corpus.Options{}, []string{xwlb.path}, func(d fangtan.Document) error {
			xwlb.docs = append(xwlb.docs, d)
			if len(xwlb.docs) == XWLBLimit {
				return errEnough
			}
			return nil
		})
		if err != nil && !errors.Is(err, errEnough) {
			xwlb.err = err
		}
	})
	if xwlb.path == "" {
		t.Skip("skipping the xwlb part: ../shared/corpus/xwlb.jsonl (beside the module) is absent; set FANGTAN_XWLB to use another copy")
	}
	if xwlb.err != nil {
		t.Fatalf("xwlb %s: %v", xwlb.path, xwlb.err)
	}
	return xwlb.docs
}
