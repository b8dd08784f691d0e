package postgres

import (
	"context"
	"fmt"
	"os"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"fangtan"
	"fangtan/analyzer"
	"fangtan/corpus"
	"fangtan/extract"
	"fangtan/internal/pgtest"
)

// One private cluster serves the package's tests; each test builds into
// its own schema.
var cluster struct {
	c       *pgtest.Cluster
	skipWhy string
}

func TestMain(m *testing.M) {
	code := func() int {
		if err := pgtest.Available(); err != nil {
			cluster.skipWhy = err.Error()
			return m.Run()
		}
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
		c, err := pgtest.Launch(ctx, "postgres-test", pgtest.Options{Password: "s3cr'et;--$$\\pw"})
		cancel()
		if err != nil {
			fmt.Fprintln(os.Stderr, "postgres tests:", err)
			return 1
		}
		cluster.c = c
		defer c.Close()
		return m.Run()
	}()
	os.Exit(code)
}

// dsn is the test cluster's DSN, or skips t saying why there is none.
func dsn(t testing.TB) string {
	t.Helper()
	if cluster.c == nil {
		t.Skipf("skipping: no PostgreSQL to test with: %s", cluster.skipWhy)
	}
	return cluster.c.DSN()
}

var nonIdent = regexp.MustCompile(`[^a-z0-9_]+`)

// schemaFor names a test's schema after the test.
func schemaFor(t testing.TB) string {
	s := "t_" + nonIdent.ReplaceAllString(strings.ToLower(t.Name()), "_")
	if len(s) > 40 {
		s = s[:40]
	}
	return s
}

// connect connects to a fresh schema for t.
func connect(t testing.TB) *DB {
	t.Helper()
	d := dsn(t)
	db, err := Connect(context.Background(), d, Options{Schema: schemaFor(t)})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

var extractor = sync.OnceValues(func() (*extract.Extractor, error) {
	seg, err := analyzer.Default()
	if err != nil {
		return nil, err
	}
	return extract.NewExtractor(seg)
})

// options are a build's options as the CLI's: extraction and the registry.
func options(t testing.TB) fangtan.BuildOptions {
	t.Helper()
	ex, err := extractor()
	if err != nil {
		t.Fatal(err)
	}
	opts := ex.BuildOptions()
	opts.Workers = 2
	return opts
}

// sampleSource is the bundled sample corpus.
func sampleSource(ctx context.Context, emit func(fangtan.Document) error) error {
	_, err := corpus.Load(ctx, corpus.Options{}, nil, emit)
	return err
}

// sample is the sample corpus built once into schema "sample", and its
// documents as extracted.
var sample struct {
	once sync.Once
	db   *DB
	docs []fangtan.Document
	err  error
}

func sampleDB(t testing.TB) (*DB, []fangtan.Document) {
	t.Helper()
	d := dsn(t)
	sample.once.Do(func() {
		ctx := context.Background()
		db, err := Connect(ctx, d, Options{Schema: "sample"})
		if err != nil {
			sample.err = err
			return
		}
		opts := options(t)
		var mu sync.Mutex
		prepare := opts.Prepare
		opts.Prepare = func(doc *fangtan.Document) {
			prepare(doc)
			mu.Lock()
			sample.docs = append(sample.docs, *doc)
			mu.Unlock()
		}
		if _, sample.err = db.Build(ctx, sampleSource, opts); sample.err != nil {
			return
		}
		sample.db, sample.err = Open(ctx, d, Options{Schema: "sample"})
	})
	if sample.err != nil {
		t.Fatal(sample.err)
	}
	return sample.db, sample.docs
}
