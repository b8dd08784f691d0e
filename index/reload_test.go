package index

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"fangtan"
)

// buildAt builds docs into the index at path, replacing what is there.
func buildAt(t *testing.T, path string, docs []fangtan.Document) {
	t.Helper()
	if _, err := Build(context.Background(), path, DocumentsSource(docs), BuildOptions{}); err != nil {
		t.Fatal(err)
	}
}

func articleCount(t *testing.T, s interface {
	Count(context.Context) (uint64, uint64, error)
}) uint64 {
	t.Helper()
	a, _, err := s.Count(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// TestReloaderSwitchesAtomically rebuilds the index under a Reloader while
// searches run: every search answers, from the old index or the new one,
// and after Reload every search sees the new one.
func TestReloaderSwitchesAtomically(t *testing.T) {
	docs := fixtureDocs(t)
	path := filepath.Join(t.TempDir(), "idx")
	buildAt(t, path, docs)
	r, err := OpenReloader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	if switched, err := r.Reload(false); switched || err != nil {
		t.Fatalf("Reload of an unchanged index: switched %v, err %v", switched, err)
	}

	// The full fixture has 5 articles; the rebuild keeps 2.
	var stop atomic.Bool
	var wg sync.WaitGroup
	var searches atomic.Int64
	errs := make(chan error, 8)
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for !stop.Load() {
				res, err := r.Search(context.Background(), fangtan.Query{Text: "date:1900.."})
				if err == nil && res.Total != 4 && res.Total != 2 { // dated articles: 4 of 5, then 2 of 2
					err = errors.New("a search saw a half-built index")
				}
				if err != nil {
					errs <- err
					return
				}
				searches.Add(1)
			}
		}()
	}
	before := articleCount(t, r)
	buildAt(t, path, docs[:2])
	switched, err := r.Reload(false)
	if err != nil || !switched {
		t.Fatalf("Reload after a rebuild: switched %v, err %v", switched, err)
	}
	after := articleCount(t, r)
	time.Sleep(200 * time.Millisecond)
	stop.Store(true)
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Errorf("search during the switch: %v", err)
	}
	if before != 5 || after != 2 {
		t.Errorf("articles before %d, after %d; want 5 and 2", before, after)
	}
	if searches.Load() == 0 {
		t.Error("no search ran during the switch")
	}
	// The old generation is closed once its searches are done; its files
	// were already removed by Build.
	if _, err := r.Reload(false); err != nil {
		t.Errorf("second Reload: %v", err)
	}
}

// TestReloaderWatch: a rebuild is picked up by polling, a SIGHUP-style
// signal forces a reopen, and a broken replacement keeps the old index.
func TestReloaderWatch(t *testing.T) {
	docs := fixtureDocs(t)
	path := filepath.Join(t.TempDir(), "idx")
	buildAt(t, path, docs)
	r, err := OpenReloader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	var logs lockedLog
	ctx, cancel := context.WithCancel(context.Background())
	force := make(chan os.Signal, 1)
	done := make(chan struct{})
	go func() {
		defer close(done)
		r.Watch(ctx, 50*time.Millisecond, force, slog.New(slog.NewTextHandler(&logs, nil)))
	}()
	defer func() { cancel(); <-done }()

	waitFor := func(what string, cond func() bool) {
		t.Helper()
		deadline := time.Now().Add(20 * time.Second)
		for !cond() {
			if time.Now().After(deadline) {
				t.Fatalf("%s: not within 20s; logs:\n%s", what, logs.String())
			}
			time.Sleep(20 * time.Millisecond)
		}
	}
	buildAt(t, path, docs[:3])
	waitFor("a rebuild is served", func() bool { return articleCount(t, r) == 3 })

	force <- os.Interrupt
	waitFor("a forced reload is logged", func() bool { return bytes.Contains(logs.Bytes(), []byte("forced=true")) })

	// A directory that is no index replaces it: the old one keeps serving,
	// and the failure is logged once, not at every poll.
	if err := os.Rename(path, path+".moved"); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(path, 0o755); err != nil {
		t.Fatal(err)
	}
	waitFor("the failed reload is logged", func() bool { return bytes.Contains(logs.Bytes(), []byte("index reload failed")) })
	time.Sleep(300 * time.Millisecond)
	if n := bytes.Count(logs.Bytes(), []byte("index reload failed")); n != 1 {
		t.Errorf("the failed reload was logged %d times, want once", n)
	}
	if got := articleCount(t, r); got != 3 {
		t.Errorf("after a failed reload: %d articles, want the previous 3", got)
	}
	if _, err := r.Search(context.Background(), fangtan.Query{Text: "刘振华"}); err != nil {
		t.Errorf("search after a failed reload: %v", err)
	}
}

func TestReloaderOpenErrorsAndClose(t *testing.T) {
	if _, err := OpenReloader(filepath.Join(t.TempDir(), "missing")); err == nil || !bytes.Contains([]byte(err.Error()), []byte("not a fangtan index")) {
		t.Errorf("missing index: %v", err)
	}
	if _, err := OpenReloader(t.TempDir()); err == nil || !bytes.Contains([]byte(err.Error()), []byte("index_meta.json is missing")) {
		t.Errorf("empty directory: %v", err)
	}
	path := filepath.Join(t.TempDir(), "idx")
	buildAt(t, path, fixtureDocs(t)[:1])
	r, err := OpenReloader(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := r.Close(); err != nil {
		t.Fatal(err)
	}
	if err := r.Close(); err != nil {
		t.Errorf("second Close: %v", err)
	}
	if _, err := r.Search(context.Background(), fangtan.Query{Text: "x"}); !errors.Is(err, fangtan.ErrUnavailable) {
		t.Errorf("search after Close: %v, want ErrUnavailable", err)
	}
}

// lockedLog is a log sink the watcher writes while the test reads.
type lockedLog struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedLog) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedLog) Bytes() []byte {
	l.mu.Lock()
	defer l.mu.Unlock()
	return bytes.Clone(l.b.Bytes())
}

func (l *lockedLog) String() string { return string(l.Bytes()) }
