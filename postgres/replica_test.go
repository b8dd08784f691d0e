package postgres

import (
	"context"
	"slices"
	"testing"
	"time"

	"fangtan"
	"fangtan/internal/conformance"
	"fangtan/internal/pgtest"
)

// TestHotStandby: a Searcher pointed at a pg_basebackup hot standby
// answers as the primary does, sees what is added on the primary, and
// keeps answering reads after the primary stops.
func TestHotStandby(t *testing.T) {
	dsn(t) // skips, saying why, without PostgreSQL
	ctx := context.Background()
	primary := pgtest.Start(t, pgtest.Options{Password: "rep'pw"})
	w, err := Connect(ctx, primary.DSN(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	docs := conformance.SampleDocs(t)
	conformance.Build(t, w, docs[:len(docs)-1])
	standby := pgtest.Standby(t, primary)

	onPrimary, err := Open(ctx, primary.DSN(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer onPrimary.Close()
	onStandby, err := Open(ctx, standby.DSN(), Options{})
	if err != nil {
		t.Fatalf("open the standby: %v", err)
	}
	defer onStandby.Close()

	q := fangtan.Query{Text: `"办实事"`}
	ids := func(s fangtan.Searcher) []string {
		t.Helper()
		got, _, err := conformance.IDs(ctx, s, q, len(docs))
		if err != nil {
			t.Fatal(err)
		}
		return got
	}
	want := ids(onPrimary)
	if len(want) == 0 {
		t.Fatalf("%s finds nothing on the primary", q.Text)
	}
	if got := ids(onStandby); !slices.Equal(got, want) {
		t.Fatalf("standby %v, primary %v", got, want)
	}

	// An add on the primary reaches the standby's readers.
	opts, err := conformance.BuildOptions()
	if err != nil {
		t.Fatal(err)
	}
	last := docs[len(docs)-1]
	if _, err := w.Add(ctx, []fangtan.Document{last}, opts); err != nil {
		t.Fatal(err)
	}
	idQuery := fangtan.Query{Text: `"` + conformance.Norm(last.Title) + `"`}
	deadline := time.Now().Add(20 * time.Second)
	for {
		got, _, err := conformance.IDs(ctx, onStandby, idQuery, len(docs))
		if err == nil && slices.Contains(got, last.ID) {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the standby did not show %s, added on the primary, within 20s (%v, %v)", last.ID, got, err)
		}
		time.Sleep(200 * time.Millisecond)
	}
	want = ids(onPrimary)

	if err := primary.Stop(ctx); err != nil {
		t.Fatal(err)
	}
	for i := range 3 {
		if got := ids(onStandby); !slices.Equal(got, want) {
			t.Fatalf("read %d after the primary stopped: %v, want %v", i, got, want)
		}
	}
	if _, err := onStandby.SearchQuotes(ctx, fangtan.Query{Kind: string(fangtan.QuoteDirect)}); err != nil {
		t.Errorf("quotes on the standby after the primary stopped: %v", err)
	}
}
