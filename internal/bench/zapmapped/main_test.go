package main

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/blevesearch/bleve/v2"
)

// TestLayout builds a small bleve index and splits each of its segment
// files: the regions must follow each other up to the file's end and name
// the fields indexed. It fails when bleve writes a zap version or layout
// this tool does not read.
func TestLayout(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "idx")
	idx, err := bleve.New(dir, bleve.NewIndexMapping())
	if err != nil {
		t.Fatal(err)
	}
	for id, doc := range map[string]map[string]string{
		"a": {"title": "转型发展", "text": "太原市小店区推动转型发展"},
		"b": {"title": "办实事", "text": "为群众办实事"},
	} {
		if err := idx.Index(id, doc); err != nil {
			t.Fatal(err)
		}
	}
	if err := idx.Close(); err != nil {
		t.Fatal(err)
	}
	zaps, err := filepath.Glob(filepath.Join(dir, "store", "*.zap"))
	if err != nil || len(zaps) == 0 {
		t.Fatalf("no segment files in %s (%v)", dir, err)
	}
	for _, path := range zaps {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		regions, err := layout(data)
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		var names []string
		var prev, sum uint64
		for _, r := range regions {
			if r.end < prev {
				t.Errorf("%s: region %s ends at %d, before the one before it (%d)", path, r.name, r.end, prev)
			}
			sum += r.size
			prev = r.end
			names = append(names, r.name)
		}
		if prev != uint64(len(data)) || sum != uint64(len(data)) {
			t.Errorf("%s: regions end at %d and add up to %d; the file has %d bytes", path, prev, sum, len(data))
		}
		for _, want := range []string{"stored documents", "field title", "field text", "field _id"} {
			if !slices.Contains(names, want) {
				t.Errorf("%s: no region %q in %q", path, want, names)
			}
		}
	}
}
