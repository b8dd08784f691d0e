package index

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"fangtan"
)

// Dir is the bleve backend behind fangtan.Indexer: each step through the
// interface leaves the index as Build, Index.Add and Index.Delete do.
func TestDirIsAnIndexer(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "idx")
	var w fangtan.Indexer = Dir(path)
	docs := fixtureDocs(t)

	countsAt := func(t *testing.T) (uint64, uint64) {
		t.Helper()
		x, err := OpenReadOnly(path)
		if err != nil {
			t.Fatal(err)
		}
		defer x.Close()
		return counts(t, x)
	}
	var arts, quotes uint64
	steps := []struct {
		name string
		run  func(t *testing.T) error
		want func(a, q uint64) bool
	}{
		{"add before any build", func(t *testing.T) error {
			_, err := w.Add(ctx, docs[:1], BuildOptions{})
			if err == nil || !strings.Contains(err.Error(), "fangtan index --index") {
				t.Errorf("Add to no index: %v, want an error saying how to build one", err)
			}
			return nil
		}, nil},
		{"build nothing", func(t *testing.T) error {
			_, err := w.Build(ctx, DocumentsSource(nil), BuildOptions{})
			if !errors.Is(err, fangtan.ErrNoDocuments) {
				t.Errorf("Build of nothing: %v, want ErrNoDocuments", err)
			}
			return nil
		}, nil},
		{"build", func(t *testing.T) error {
			stats, err := w.Build(ctx, DocumentsSource(docs[1:]), BuildOptions{})
			if err == nil && stats.Documents != len(docs)-1 {
				t.Errorf("Build stats %+v, want %d documents", stats, len(docs)-1)
			}
			return err
		}, func(a, q uint64) bool { arts, quotes = a, q; return a == uint64(len(docs)-1) }},
		{"add one", func(t *testing.T) error {
			_, err := w.Add(ctx, docs[:1], BuildOptions{})
			return err
		}, func(a, q uint64) bool { return a == arts+1 && q == quotes+uint64(len(docs[0].Quotes)) }},
		{"add it again", func(t *testing.T) error {
			_, err := w.Add(ctx, docs[:1], BuildOptions{})
			return err
		}, func(a, q uint64) bool { return a == arts+1 && q == quotes+uint64(len(docs[0].Quotes)) }},
		{"delete it and an unknown id", func(t *testing.T) error {
			n, err := w.Delete(ctx, []string{docs[0].ID, "nope"}, fangtan.BuildOptions{})
			if n != 1 || !errors.Is(err, fangtan.ErrNotFound) || !strings.Contains(err.Error(), "nope") {
				t.Errorf("Delete = %d, %v; want 1 and ErrNotFound naming nope", n, err)
			}
			return nil
		}, func(a, q uint64) bool { return a == arts && q == quotes }},
	}
	for _, st := range steps {
		if !t.Run(st.name, func(t *testing.T) {
			if err := st.run(t); err != nil {
				t.Fatal(err)
			}
			if st.want != nil {
				if a, q := countsAt(t); !st.want(a, q) {
					t.Errorf("%d articles, %d quotes after %s", a, q, st.name)
				}
			}
		}) {
			return
		}
	}
}
