package web

import (
	"context"
	"io"
	"sync"

	"fangtan"
)

// Swappable is a fangtan.Searcher whose index can be replaced while it
// serves: the server keeps answering during a rebuild and moves to the new
// index in one step. A call runs entirely on the searcher that was current
// when it started; a replaced searcher is closed once its last call is done.
type Swappable struct {
	mu  sync.RWMutex
	cur *generation
}

// generation is one searcher and the calls running on it.
type generation struct {
	s      fangtan.Searcher
	closer io.Closer
	calls  sync.WaitGroup
}

// NewSwappable serves s; closer (may be nil) is closed when s is replaced
// or the Swappable is closed.
func NewSwappable(s fangtan.Searcher, closer io.Closer) *Swappable {
	return &Swappable{cur: &generation{s: s, closer: closer}}
}

// acquire pins the current generation for one call. The read lock makes
// the Add happen before any Swap can start waiting on the old generation.
func (x *Swappable) acquire() *generation {
	x.mu.RLock()
	g := x.cur
	g.calls.Add(1)
	x.mu.RUnlock()
	return g
}

// Swap makes s current, waits for the calls still running on the previous
// searcher, then closes it and returns its Close error.
func (x *Swappable) Swap(s fangtan.Searcher, closer io.Closer) error {
	x.mu.Lock()
	old := x.cur
	x.cur = &generation{s: s, closer: closer}
	x.mu.Unlock()
	return old.retire()
}

// Close waits for the running calls and closes the current searcher. The
// Swappable must not be used afterwards.
func (x *Swappable) Close() error {
	x.mu.Lock()
	g := x.cur
	x.mu.Unlock()
	return g.retire()
}

func (g *generation) retire() error {
	g.calls.Wait()
	if g.closer == nil {
		return nil
	}
	return g.closer.Close()
}

// Search implements fangtan.Searcher.
func (x *Swappable) Search(ctx context.Context, q fangtan.Query) (*fangtan.Result, error) {
	g := x.acquire()
	defer g.calls.Done()
	return g.s.Search(ctx, q)
}

// SearchQuotes implements fangtan.Searcher.
func (x *Swappable) SearchQuotes(ctx context.Context, q fangtan.Query) (*fangtan.QuoteResult, error) {
	g := x.acquire()
	defer g.calls.Done()
	return g.s.SearchQuotes(ctx, q)
}

// Document implements fangtan.Searcher.
func (x *Swappable) Document(ctx context.Context, id, query string) (*fangtan.DocumentView, error) {
	g := x.acquire()
	defer g.calls.Done()
	return g.s.Document(ctx, id, query)
}

// Suggest implements fangtan.Searcher.
func (x *Swappable) Suggest(ctx context.Context, prefix string, limit int) ([]fangtan.Suggestion, error) {
	g := x.acquire()
	defer g.calls.Done()
	return g.s.Suggest(ctx, prefix, limit)
}

// KWIC implements fangtan.Searcher.
func (x *Swappable) KWIC(ctx context.Context, q fangtan.Query, width int) (*fangtan.KWICResult, error) {
	g := x.acquire()
	defer g.calls.Done()
	return g.s.KWIC(ctx, q, width)
}

// Official implements fangtan.Searcher.
func (x *Swappable) Official(ctx context.Context, name string) (*fangtan.OfficialProfile, error) {
	g := x.acquire()
	defer g.calls.Done()
	return g.s.Official(ctx, name)
}

// Overview implements fangtan.Searcher.
func (x *Swappable) Overview(ctx context.Context) (*fangtan.Overview, error) {
	g := x.acquire()
	defer g.calls.Done()
	return g.s.Overview(ctx)
}

// Export implements fangtan.Searcher.
func (x *Swappable) Export(ctx context.Context, q fangtan.Query, limit int, start func(uint64) error, emit func(fangtan.Hit) error) error {
	g := x.acquire()
	defer g.calls.Done()
	return g.s.Export(ctx, q, limit, start, emit)
}
