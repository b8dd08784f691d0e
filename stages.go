package fangtan

import (
	"context"
	"sync"
)

// StageSize is how many documents, in the order the source gives them,
// make one stage of a build's preparation (Stages).
const StageSize = 500

// Stages make a build's preparation repeatable. A build's Prepare consults
// the registry the build fills (BuildOptions.Known), so with workers in
// parallel what an article learns from the registry (an official it names
// without a post, whose quotes are then theirs) depended on which articles
// the other workers had happened to finish: two builds of xwlb gave 18,667
// and 18,699 quotes. With Stages, the documents are prepared in stages of
// StageSize by their order in the source, and every document of a stage
// sees the officials of all earlier stages and none of its own stage's,
// whatever the workers' timing. A stage waits only for the documents of
// the stage before it still being prepared: one at most per worker.
//
// Stages are for a build, whose registry Prepare reads as it fills; an
// add reads the index's registry, which does not change while it runs.
type Stages struct {
	opts BuildOptions
	// view is the registry Prepare consults: opts.Registry as it was when
	// the last finished stage ended.
	view *Registry

	mu      sync.Mutex
	changed *sync.Cond
	stage   int  // the documents of stages before this one are in view
	noted   int  // documents of this stage noted: later ones wait for it
	stopped bool // the build was cancelled: nobody waits any more
	stop    func() bool
}

// NewStages starts the staged preparation of a build with opts, telling
// opts.Known of the registry view Prepare is to consult. When ctx is
// cancelled, Ready stops waiting for stages: the build is being thrown
// away, and its workers may not prepare every document.
func NewStages(ctx context.Context, opts BuildOptions) *Stages {
	s := &Stages{opts: opts}
	s.changed = sync.NewCond(&s.mu)
	if opts.Registry != nil && opts.Known != nil {
		// Without Known, Prepare reads no registry: nothing to stage.
		s.view = NewRegistry()
		s.view.SetAliases(opts.Registry.AliasesOr(nil))
		opts.Known(s.view)
	}
	s.stop = context.AfterFunc(ctx, func() {
		s.mu.Lock()
		s.stopped = true
		s.mu.Unlock()
		s.changed.Broadcast()
	})
	return s
}

// Ready prepares d, the seq-th document the source gave (from 0), as
// BuildOptions.Ready does, once every document of the stages before its
// own has been prepared and noted.
func (s *Stages) Ready(d *Document, seq int) {
	if s.view == nil {
		s.opts.Ready(d)
		return
	}
	stage := seq / StageSize
	s.mu.Lock()
	for s.stage < stage && !s.stopped {
		s.changed.Wait()
	}
	s.mu.Unlock()
	s.opts.Ready(d)
	s.mu.Lock()
	defer s.mu.Unlock()
	// Only the current stage's documents get here, but for a cancelled
	// build's, which no longer count.
	if stage != s.stage {
		return
	}
	s.noted++
	if s.noted == StageSize {
		s.stage++
		s.noted = 0
		s.view.replaceOfficials(s.opts.Registry)
		s.changed.Broadcast()
	}
}

// Close stops watching the build's context.
func (s *Stages) Close() { s.stop() }

// Sequenced is a document with its place in the source's order, as a
// backend hands it to its workers.
type Sequenced struct {
	Doc Document
	Seq int
}

// Preparer returns how a backend's workers prepare the documents of a
// build (through Stages, watching ctx) or of an add (BuildOptions.Ready:
// an add's Prepare reads the index's registry, which does not change while
// it runs), and the function that releases it.
func Preparer(ctx context.Context, opts BuildOptions, build bool) (ready func(d *Document, seq int), release func()) {
	if !build {
		return func(d *Document, _ int) { opts.Ready(d) }, func() {}
	}
	st := NewStages(ctx, opts)
	return st.Ready, st.Close
}
