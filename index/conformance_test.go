package index

import (
	"path/filepath"
	"testing"

	"fangtan"
	"fangtan/internal/conformance"
)

// OpenConformance builds docs into a bleve index in t's temp dir, as
// `fangtan index` would, and opens it.
func openConformance(t *testing.T, docs []fangtan.Document) fangtan.Searcher {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "conformance.index")
	conformance.Build(t, Dir(dir), docs)
	idx, err := Open(dir)
	if err != nil {
		t.Fatalf("open %s: %v", dir, err)
	}
	t.Cleanup(func() { idx.Close() })
	return idx
}

// TestConformance holds the bleve backend to the suite every backend
// passes (internal/conformance).
func TestConformance(t *testing.T) {
	conformance.Run(t, openConformance)
}
