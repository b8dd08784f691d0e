package fangtan

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"sync"
	"testing"
	"time"
)

// TestStages prepares the same documents with 1 to 4 workers at random
// speeds: what each document saw of the registry is the officials of the
// stages before its own, every time.
func TestStages(t *testing.T) {
	const docs = 3*StageSize + 17
	prepare := func(workers int, seed uint64) [][]string {
		reg := NewRegistry()
		var view *Registry
		seen := make([][]string, docs)
		opts := BuildOptions{
			Registry: reg,
			Known:    func(r *Registry) { view = r },
			Prepare: func(d *Document) {
				var n int
				fmt.Sscan(d.ID, &n)
				seen[n] = view.Names()
				// Each document names one official of its own.
				d.Officials = []Official{{Name: fmt.Sprintf("官员%05d", n), Title: "市长"}}
			},
		}
		st := NewStages(context.Background(), opts)
		defer st.Close()
		in := make(chan int)
		var wg sync.WaitGroup
		for w := range workers {
			wg.Add(1)
			go func() {
				defer wg.Done()
				rng := rand.New(rand.NewPCG(seed, uint64(w)))
				for n := range in {
					if rng.IntN(50) == 0 {
						time.Sleep(time.Duration(rng.IntN(200)) * time.Microsecond)
					}
					d := Document{ID: fmt.Sprint(n)}
					st.Ready(&d, n)
				}
			}()
		}
		for n := range docs {
			in <- n
		}
		close(in)
		wg.Wait()
		if reg.Len() != docs {
			t.Fatalf("%d workers: registry holds %d officials, want %d", workers, reg.Len(), docs)
		}
		return seen
	}
	want := prepare(1, 1)
	for n, names := range want {
		if len(names) != n/StageSize*StageSize {
			t.Fatalf("document %d saw %d officials, want those of its earlier stages, %d", n, len(names), n/StageSize*StageSize)
		}
	}
	for _, workers := range []int{2, 3, 4} {
		t.Run(fmt.Sprint(workers, " workers"), func(t *testing.T) {
			got := prepare(workers, uint64(workers))
			for n := range got {
				if !slices.Equal(got[n], want[n]) {
					t.Fatalf("document %d saw %d officials, with one worker %d", n, len(got[n]), len(want[n]))
				}
			}
		})
	}
}

// TestStagesCancelled: a worker waiting for a stage that will never end
// (its other documents are not prepared: the build failed) is let go when
// the build's context is cancelled.
func TestStagesCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	st := NewStages(ctx, BuildOptions{Registry: NewRegistry(), Known: func(*Registry) {}})
	defer st.Close()
	done := make(chan struct{})
	go func() {
		d := Document{ID: "late"}
		st.Ready(&d, StageSize) // stage 1: waits for stage 0's documents
		close(done)
	}()
	select {
	case <-done:
		t.Fatal("a document of stage 1 was prepared before stage 0 ended")
	case <-time.After(50 * time.Millisecond):
	}
	cancel()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("Ready still waits after the build was cancelled")
	}
}

// TestRegistryCountryIsOrderFree: the country an official keeps does not
// depend on the order articles were noted in.
func TestRegistryCountryIsOrderFree(t *testing.T) {
	a := Document{Officials: []Official{{Name: "罗德里格斯", Title: "委内瑞拉代总统", Country: "委内瑞拉"}}}
	b := Document{Officials: []Official{{Name: "罗德里格斯", Title: "古巴外长", Country: "古巴"}}}
	r1, r2 := NewRegistry(), NewRegistry()
	r1.Note(&a)
	r1.Note(&b)
	r2.Note(&b)
	r2.Note(&a)
	o1, _ := r1.Lookup("罗德里格斯")
	o2, _ := r2.Lookup("罗德里格斯")
	if o1.Country != o2.Country {
		t.Errorf("country %q noted one way, %q the other", o1.Country, o2.Country)
	}
	// Merged registries (an add's into the index's) likewise.
	ra, rb := NewRegistry(), NewRegistry()
	ra.Note(&a)
	rb.Note(&b)
	m1, m2 := NewRegistry(), NewRegistry()
	m1.Merge(ra)
	m1.Merge(rb)
	m2.Merge(rb)
	m2.Merge(ra)
	o1, _ = m1.Lookup("罗德里格斯")
	o2, _ = m2.Lookup("罗德里格斯")
	if o1.Country != o2.Country || o1.Articles != 2 {
		t.Errorf("merged: country %q one way, %q the other, %d articles", o1.Country, o2.Country, o1.Articles)
	}
}
