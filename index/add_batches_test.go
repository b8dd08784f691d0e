package index

import (
	"context"
	"fmt"
	"testing"

	"fangtan"
)

// TestAddManyDocumentsFromOneFile: a JSON lines file of many records is
// added over several batches, and no batch replaces the records an earlier
// batch of the same add wrote. Adding the file again keeps one copy of
// each; adding a shorter version drops the records it no longer has. All
// of it is on disk after Close.
func TestAddManyDocumentsFromOneFile(t *testing.T) {
	idx, path := buildFixture(t)
	base, _ := counts(t, idx)
	records := func(n int) []fangtan.Document {
		docs := make([]fangtan.Document, n)
		for i := range docs {
			p := fmt.Sprintf("白鹭洲公园第%d次例会研究园林养护。", i)
			docs[i] = fangtan.Document{ID: fmt.Sprintf("many-%d", i), File: "many.jsonl", Title: fmt.Sprintf("例会%d", i),
				Paragraphs: []string{p}, Text: p,
				Quotes: []fangtan.Quote{{Text: "园林养护", Paragraph: 0}}}
		}
		return docs
	}
	for _, step := range []struct {
		name string
		n    int
	}{{"first add", 240}, {"same file again", 240}, {"shorter file", 90}} {
		if _, err := idx.Add(context.Background(), records(step.n), BuildOptions{BatchSize: 50}); err != nil {
			t.Fatalf("%s: %v", step.name, err)
		}
		articles, _ := counts(t, idx)
		if articles != base+uint64(step.n) {
			t.Errorf("%s: %d articles, want %d", step.name, articles, base+uint64(step.n))
		}
		if got := total(t, idx, `"白鹭洲公园"`); got != uint64(step.n) {
			t.Errorf("%s: %d hits, want %d", step.name, got, step.n)
		}
	}
	if err := idx.Close(); err != nil {
		t.Fatal(err)
	}
	reopened, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer reopened.Close()
	if articles, _ := counts(t, reopened); articles != base+90 {
		t.Errorf("reopened after the adds: %d articles, want %d (a batch was not persisted)", articles, base+90)
	}
}
