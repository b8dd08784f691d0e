package index

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"fangtan"
)

// Reloader serves searches from the index at a path and switches to the
// index found there later (after a rebuild, or on request), so a server
// never stops while its index is replaced.
//
// Build only ever moves a complete index into place, with a rename, so a
// new directory at the path is a new, whole index: the Reloader notices it
// by the directory's identity (device and inode) and never sees a half-built
// one. The switch is atomic: each search runs entirely on the old index or
// entirely on the new one. The old index is closed once the searches
// running on it have finished.
type Reloader struct {
	path string
	open func(string) (*Index, error)

	reloadMu sync.Mutex // one reload at a time
	cur      atomic.Pointer[generation]
	closed   atomic.Bool
	retired  sync.WaitGroup // old generations still closing
	failedID dirID          // the identity whose open last failed, to log it once
}

// generation is one opened index and the searches running on it.
type generation struct {
	idx    *Index
	id     dirID
	mu     sync.RWMutex // searches hold it for reading; closing takes it for writing
	closed bool
}

// dirID identifies a directory: a rename puts a different one at the path.
type dirID struct{ dev, ino uint64 }

func statDirID(path string) (dirID, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return dirID{}, err
	}
	st, ok := fi.Sys().(*syscall.Stat_t)
	if !ok {
		// No inode on this system: the modification time stands in.
		return dirID{ino: uint64(fi.ModTime().UnixNano())}, nil
	}
	return dirID{dev: uint64(st.Dev), ino: st.Ino}, nil
}

var _ fangtan.Searcher = (*Reloader)(nil)

// OpenReloader opens the index at path read-only, as OpenReadOnly does, and
// returns a Reloader over it. Errors are those of OpenReadOnly: a missing or
// corrupt index fails here, at startup.
func OpenReloader(path string) (*Reloader, error) {
	r := &Reloader{path: filepath.Clean(path), open: OpenReadOnly}
	g, err := r.openGeneration()
	if err != nil {
		return nil, err
	}
	r.cur.Store(g)
	return r, nil
}

func (r *Reloader) openGeneration() (*generation, error) {
	id, err := statDirID(r.path)
	if err != nil {
		// Let Open say what is wrong, in its words.
		if _, oerr := r.open(r.path); oerr != nil {
			return nil, oerr
		}
		return nil, fmt.Errorf("index %s: %w", r.path, err)
	}
	idx, err := r.open(r.path)
	if err != nil {
		return nil, err
	}
	// The directory may have been replaced between the stat and the open;
	// then the next check sees an identity that differs and reloads again.
	return &generation{idx: idx, id: id}, nil
}

// Path returns the directory the Reloader watches.
func (r *Reloader) Path() string { return r.path }

// Reload switches to the index now at the path if it is another directory
// than the one being served, or in any case when force is set. It reports
// whether it switched. On an error the current index stays in service.
func (r *Reloader) Reload(force bool) (bool, error) {
	r.reloadMu.Lock()
	defer r.reloadMu.Unlock()
	if r.closed.Load() {
		return false, fmt.Errorf("index %s: reloader closed", r.path)
	}
	old := r.cur.Load()
	id, err := statDirID(r.path)
	if err != nil {
		// A rebuild is between its two renames, or the index was removed:
		// keep serving the one we have.
		return false, fmt.Errorf("index %s: %w", r.path, err)
	}
	if id == old.id && !force {
		return false, nil
	}
	g, err := r.openGeneration()
	if err != nil {
		return false, err
	}
	r.cur.Store(g)
	r.retire(old)
	return true, nil
}

// retire closes g once the searches running on it have finished, without
// making the caller wait for them.
func (r *Reloader) retire(g *generation) {
	r.retired.Add(1)
	go func() {
		defer r.retired.Done()
		g.mu.Lock()
		g.closed = true
		g.mu.Unlock()
		_ = g.idx.Close()
	}()
}

// acquire returns the current generation, held for reading until release.
func (r *Reloader) acquire() (*generation, error) {
	for {
		g := r.cur.Load()
		g.mu.RLock()
		if !g.closed {
			return g, nil
		}
		g.mu.RUnlock()
		if r.closed.Load() {
			return nil, fmt.Errorf("index %s: closed: %w", r.path, fangtan.ErrUnavailable)
		}
		// Retired between Load and RLock: the new one is already stored.
	}
}

// Watch reloads when the index directory is replaced (checked every
// interval) and on every value from force (SIGHUP), until ctx is done.
// Switches and failures are logged; a failure keeps the current index.
func (r *Reloader) Watch(ctx context.Context, interval time.Duration, force <-chan os.Signal, log *slog.Logger) {
	if log == nil {
		log = slog.Default()
	}
	if interval <= 0 {
		interval = 2 * time.Second
	}
	t := time.NewTicker(interval)
	defer t.Stop()
	for {
		forced := false
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		case <-force:
			forced = true
		}
		switched, err := r.Reload(forced)
		switch {
		case err != nil && (forced || !errors.Is(err, os.ErrNotExist)):
			if id, _ := statDirID(r.path); forced || id != r.failedID {
				log.Error("index reload failed; still serving the previous index", "index", r.path, "err", err)
				r.failedID = id
			}
		case switched:
			r.failedID = dirID{}
			a, q, _ := r.Count(ctx)
			log.Info("index reloaded", "index", r.path, "articles", a, "quotes", q, "forced", forced)
		}
	}
}

// Close closes the index being served after the searches running on it
// have finished, and waits for retired ones to close.
func (r *Reloader) Close() error {
	r.reloadMu.Lock()
	defer r.reloadMu.Unlock()
	if r.closed.Swap(true) {
		return nil
	}
	g := r.cur.Load()
	g.mu.Lock()
	g.closed = true
	g.mu.Unlock()
	err := g.idx.Close()
	r.retired.Wait()
	return err
}

// Count returns the number of articles and quotes in the index being served.
func (r *Reloader) Count(ctx context.Context) (articles, quotes uint64, err error) {
	g, err := r.acquire()
	if err != nil {
		return 0, 0, err
	}
	defer g.mu.RUnlock()
	return g.idx.Count(ctx)
}

// Search implements fangtan.Searcher.
func (r *Reloader) Search(ctx context.Context, q fangtan.Query) (*fangtan.Result, error) {
	g, err := r.acquire()
	if err != nil {
		return nil, err
	}
	defer g.mu.RUnlock()
	return g.idx.Search(ctx, q)
}

// SearchQuotes implements fangtan.Searcher.
func (r *Reloader) SearchQuotes(ctx context.Context, q fangtan.Query) (*fangtan.QuoteResult, error) {
	g, err := r.acquire()
	if err != nil {
		return nil, err
	}
	defer g.mu.RUnlock()
	return g.idx.SearchQuotes(ctx, q)
}

// Document implements fangtan.Searcher.
func (r *Reloader) Document(ctx context.Context, id, query string) (*fangtan.DocumentView, error) {
	g, err := r.acquire()
	if err != nil {
		return nil, err
	}
	defer g.mu.RUnlock()
	return g.idx.Document(ctx, id, query)
}

// Suggest implements fangtan.Searcher.
func (r *Reloader) Suggest(ctx context.Context, prefix string, limit int) ([]fangtan.Suggestion, error) {
	g, err := r.acquire()
	if err != nil {
		return nil, err
	}
	defer g.mu.RUnlock()
	return g.idx.Suggest(ctx, prefix, limit)
}
