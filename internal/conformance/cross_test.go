package conformance_test

import (
	"context"
	"path/filepath"
	"testing"

	"fangtan"
	"fangtan/index"
	"fangtan/internal/conformance"
	"fangtan/internal/pgtest"
	"fangtan/postgres"
)

// TestBackendsAgree builds the same documents into bleve and PostgreSQL
// and holds them to the same result documents, totals and facet counts for
// the query mix. Ranking may differ and is not compared.
func TestBackendsAgree(t *testing.T) {
	if err := pgtest.Available(); err != nil {
		t.Skipf("skipping: only the bleve backend can run here: %v", err)
	}
	cluster := pgtest.Start(t)
	for _, c := range []struct {
		name string
		docs func(testing.TB) []fangtan.Document
	}{
		{"sample", conformance.SampleDocs},
		{"xwlb", conformance.XWLBDocs},
	} {
		t.Run(c.name, func(t *testing.T) {
			docs := c.docs(t)
			ctx := context.Background()
			dir := filepath.Join(t.TempDir(), "bleve.index")
			conformance.Build(t, index.Dir(dir), docs)
			bl, err := index.Open(dir)
			if err != nil {
				t.Fatal(err)
			}
			defer bl.Close()
			opts := postgres.Options{Schema: "agree_" + c.name}
			w, err := postgres.Connect(ctx, cluster.DSN(), opts)
			if err != nil {
				t.Fatal(err)
			}
			conformance.Build(t, w, docs)
			w.Close()
			pg, err := postgres.Open(ctx, cluster.DSN(), opts)
			if err != nil {
				t.Fatal(err)
			}
			defer pg.Close()
			conformance.Compare(t, docs, bl, pg, "bleve", "postgres")
		})
	}
}
