package fangtan

import (
	"sync/atomic"
	"testing"
	"time"
)

// TestTick: Progress is called with what at returns until stop, never
// after stop has returned; without Progress, Tick is a no-op.
func TestTick(t *testing.T) {
	var calls atomic.Int64
	var stopped atomic.Bool
	opts := BuildOptions{ProgressEvery: time.Millisecond, Progress: func(p Progress) {
		if stopped.Load() {
			t.Error("Progress called after stop returned")
		}
		if p.Documents != 7 {
			t.Errorf("Progress got %d documents, want what at returned (7)", p.Documents)
		}
		calls.Add(1)
	}}
	stop := opts.Tick(func() Progress { return Progress{Documents: 7} })
	for deadline := time.Now().Add(10 * time.Second); calls.Load() < 3 && time.Now().Before(deadline); {
		time.Sleep(time.Millisecond)
	}
	stop()
	stopped.Store(true)
	if calls.Load() < 3 {
		t.Fatalf("Progress called %d times in 10 s at every millisecond", calls.Load())
	}
	time.Sleep(5 * time.Millisecond)
	BuildOptions{}.Tick(func() Progress { t.Error("at called without Progress"); return Progress{} })()
}
