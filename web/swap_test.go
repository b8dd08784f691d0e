package web

import (
	"context"
	"net/url"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"fangtan"
)

// closeCounter is an io.Closer that remembers being closed and fails calls
// made after it, as a closed index would.
type closeCounter struct {
	closed atomic.Int32
}

func (c *closeCounter) Close() error { c.closed.Add(1); return nil }

type guardedSearcher struct {
	*fakeSearcher
	c *closeCounter
	t *testing.T
}

func (g guardedSearcher) Search(ctx context.Context, q fangtan.Query) (*fangtan.Result, error) {
	res, err := g.fakeSearcher.Search(ctx, q)
	if g.c.closed.Load() != 0 {
		g.t.Errorf("a search ran on a closed searcher")
	}
	return res, err
}

func TestSwappableWaitsForCallsBeforeClosing(t *testing.T) {
	oldFake, replacement := newFake(), newFake()
	oldFake.block, oldFake.blocked = make(chan struct{}), make(chan struct{}, 1)
	replacement.docs = replacement.docs[:1]
	oldC, newC := &closeCounter{}, &closeCounter{}
	sw := NewSwappable(guardedSearcher{oldFake, oldC, t}, oldC)

	running := make(chan error, 1)
	go func() {
		_, err := sw.Search(context.Background(), fangtan.Query{Text: "block"})
		running <- err
	}()
	<-oldFake.blocked

	swapped := make(chan error, 1)
	go func() { swapped <- sw.Swap(guardedSearcher{replacement, newC, t}, newC) }()

	// New calls go to the new searcher at once, while the old call runs.
	deadline := time.Now().Add(5 * time.Second)
	for {
		res, err := sw.Search(context.Background(), fangtan.Query{Text: "转型发展"})
		if err != nil {
			t.Fatal(err)
		}
		if res.Total == 1 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("searches never reached the new searcher")
		}
		time.Sleep(time.Millisecond)
	}
	select {
	case <-swapped:
		t.Fatal("Swap closed the old searcher while a call was running on it")
	case <-time.After(50 * time.Millisecond):
	}
	if oldC.closed.Load() != 0 {
		t.Fatal("old searcher closed early")
	}
	close(oldFake.block)
	if err := <-running; err != nil {
		t.Fatal(err)
	}
	if err := <-swapped; err != nil {
		t.Fatal(err)
	}
	if oldC.closed.Load() != 1 || newC.closed.Load() != 0 {
		t.Fatalf("closed: old %d, new %d", oldC.closed.Load(), newC.closed.Load())
	}
	if err := sw.Close(); err != nil || newC.closed.Load() != 1 {
		t.Fatalf("Close: %v, new closed %d", err, newC.closed.Load())
	}
}

// Requests through the handler never fail while the searcher is swapped
// under them, over and over.
func TestSwappableUnderLoad(t *testing.T) {
	first := &closeCounter{}
	sw := NewSwappable(guardedSearcher{newFake(), first, t}, first)
	h, _ := testHandler(t, sw, Options{})
	stop := make(chan struct{})
	var wg sync.WaitGroup
	var requests atomic.Int64
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				select {
				case <-stop:
					return
				default:
				}
				if rec := get(t, h, "/api/search?q="+url.QueryEscape("转型发展")); rec.Code != 200 {
					t.Errorf("status %d during swaps: %s", rec.Code, rec.Body.String())
					return
				}
				requests.Add(1)
			}
		}()
	}
	var closers []*closeCounter
	for range 50 {
		c := &closeCounter{}
		closers = append(closers, c)
		if err := sw.Swap(guardedSearcher{newFake(), c, t}, c); err != nil {
			t.Fatal(err)
		}
		time.Sleep(time.Millisecond)
	}
	close(stop)
	wg.Wait()
	if first.closed.Load() != 1 {
		t.Errorf("the first searcher was closed %d times", first.closed.Load())
	}
	for i, c := range closers[:len(closers)-1] {
		if c.closed.Load() != 1 {
			t.Errorf("searcher %d closed %d times", i, c.closed.Load())
		}
	}
	if requests.Load() == 0 {
		t.Error("no requests ran")
	}
}
