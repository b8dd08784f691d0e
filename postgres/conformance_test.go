package postgres

import (
	"context"
	"testing"

	"fangtan"
	"fangtan/internal/conformance"
)

// openConformance builds docs into a schema of the test cluster named
// after t, as `fangtan index --backend postgres` would, and opens it.
func openConformance(t *testing.T, docs []fangtan.Document) fangtan.Searcher {
	t.Helper()
	d := dsn(t)
	ctx := context.Background()
	opts := Options{Schema: schemaFor(t)}
	w, err := Connect(ctx, d, opts)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	conformance.Build(t, w, docs)
	db, err := Open(ctx, d, opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// TestConformance holds the PostgreSQL backend to the suite every backend
// passes (internal/conformance).
func TestConformance(t *testing.T) {
	conformance.Run(t, openConformance)
}
