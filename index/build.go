package index

import (
	"context"
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/document"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/index/scorch/mergeplan"

	"fangtan"
	"fangtan/analyzer"
)

// The write side's types are the root's (fangtan.Indexer); these names
// keep index's own API as it was.
type (
	Source       = fangtan.Source
	BuildOptions = fangtan.BuildOptions
	Progress     = fangtan.Progress
	Skipped      = fangtan.Skipped
	Stats        = fangtan.Stats
)

// DocumentsSource is a Source over documents already in memory.
func DocumentsSource(docs []fangtan.Document) Source { return fangtan.DocumentsSource(docs) }

// ErrNoDocuments reports a build whose source gave no document to index;
// the previous index, if any, is kept.
var ErrNoDocuments = fangtan.ErrNoDocuments

// Dir is the index in a directory as a fangtan.Indexer: Build replaces it,
// Add and Delete open it for writing, change it and close it, as a
// command does that runs once.
type Dir string

var _ fangtan.Indexer = Dir("")

// Build implements fangtan.Indexer (see Build).
func (d Dir) Build(ctx context.Context, src Source, opts BuildOptions) (Stats, error) {
	return Build(ctx, string(d), src, opts)
}

// Add implements fangtan.Indexer (see Index.Add).
func (d Dir) Add(ctx context.Context, docs []fangtan.Document, opts BuildOptions) (Stats, error) {
	x, err := Open(string(d))
	if err != nil {
		return Stats{}, err
	}
	defer x.Close()
	stats, err := x.Add(ctx, docs, opts)
	if err != nil {
		return stats, err
	}
	// Close persists the add; its error is the add's.
	return stats, x.Close()
}

// Delete implements fangtan.Indexer (see Index.Delete).
func (d Dir) Delete(ctx context.Context, ids []string, opts BuildOptions) (int, error) {
	x, err := Open(string(d))
	if err != nil {
		return 0, err
	}
	defer x.Close()
	n, err := x.Delete(ctx, ids, opts)
	if err != nil {
		return n, err
	}
	return n, x.Close()
}

// markerKey is an internal key every fangtan index holds; Open refuses a
// bleve index without it, and Build refuses to replace a directory that is
// not a fangtan index.
var markerKey = []byte("fangtan_index_version")

// formatVersion 11: versions are folded as reprints, and articles carry
// their title's print. 10: reprints are folded into the article they reprint
// (fangtan.Reprint), articles carry their print, and quotes their length
// (fangtan.QuoteLength). 9: Fold folds the variant characters of
// analyzer/variants.txt (衞 as 卫), so texts indexed before hold other
// bigrams. 8: texts indexed only as bigrams (no word fields).
const formatVersion = "11"

// boltTimeout bounds the wait for another process holding the index open,
// so a second writer gets an error instead of hanging.
const boltTimeout = "3s"

// Leftover names: a build writes into .NAME.building-* next to the index and
// moves the previous index to .NAME.old-* while it swaps them.
func buildingPrefix(path string) string {
	return filepath.Join(filepath.Dir(path), "."+filepath.Base(path)+".building-")
}

func oldPrefix(path string) string {
	return filepath.Join(filepath.Dir(path), "."+filepath.Base(path)+".old-")
}

// Build indexes every document of src into a new index at path. It writes
// into a fresh directory beside path and moves it into place only when it
// is complete: until then, and if the build fails, is cancelled or killed,
// the previous index at path keeps working. Leftovers of a killed build are
// removed by the next one.
func Build(ctx context.Context, path string, src Source, opts BuildOptions) (Stats, error) {
	path = filepath.Clean(path)
	// Through a symbolic link, rebuild the index it points to: renaming the
	// new index onto the link's path replaced the link by a directory and
	// left the target stale for everything else that uses it.
	if fi, err := os.Lstat(path); err == nil && fi.Mode()&os.ModeSymlink != 0 {
		target, err := filepath.EvalSymlinks(path)
		if err != nil {
			return Stats{}, fmt.Errorf("index %s: symbolic link: %w", path, err)
		}
		path = target
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return Stats{}, fmt.Errorf("index %s: %w", path, err)
	}
	if err := recoverLeftovers(path); err != nil {
		return Stats{}, fmt.Errorf("index %s: %w", path, err)
	}
	if err := checkReplaceable(path); err != nil {
		return Stats{}, err
	}
	tmp := fmt.Sprintf("%s%d-%d", buildingPrefix(path), os.Getpid(), time.Now().UnixNano())
	stats, err := buildInto(ctx, tmp, src, opts)
	if err == nil && stats.Documents == 0 {
		// A typo in the input paths must not replace a good index by an
		// empty one.
		err = ErrNoDocuments
	}
	if err != nil {
		_ = os.RemoveAll(tmp)
		return stats, fmt.Errorf("index %s: %w", path, err)
	}
	if err := swapIn(tmp, path); err != nil {
		_ = os.RemoveAll(tmp)
		return stats, fmt.Errorf("index %s: %w", path, err)
	}
	reportDone(opts, stats)
	return stats, nil
}

// recoverLeftovers puts back an index moved away by a build killed in the
// middle of its swap, then removes what killed builds left behind.
func recoverLeftovers(path string) error {
	olds, _ := filepath.Glob(globEscape(oldPrefix(path)) + "*")
	if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) && len(olds) > 0 {
		if err := os.Rename(olds[len(olds)-1], path); err != nil {
			return fmt.Errorf("restore previous index: %w", err)
		}
		olds = olds[:len(olds)-1]
	}
	building, _ := filepath.Glob(globEscape(buildingPrefix(path)) + "*")
	// A build still running in another process (or this one) is not a
	// leftover: removing its directory under it once left that build's
	// merger retrying on vanished files, at full CPU, for good.
	building = slices.DeleteFunc(building, func(dir string) bool {
		return builderAlive(strings.TrimPrefix(dir, buildingPrefix(path)))
	})
	for _, p := range append(olds, building...) {
		if err := os.RemoveAll(p); err != nil {
			return fmt.Errorf("remove leftover %s: %w", p, err)
		}
	}
	return nil
}

// builderAlive tells whether the process named by a building directory's
// suffix ("<pid>-<nanoseconds>") is running. A suffix that does not parse is
// nobody's.
func builderAlive(suffix string) bool {
	pidText, _, ok := strings.Cut(suffix, "-")
	pid, err := strconv.Atoi(pidText)
	if !ok || err != nil || pid <= 0 {
		return false
	}
	err = syscall.Kill(pid, 0)
	return err == nil || errors.Is(err, syscall.EPERM)
}

func globEscape(s string) string {
	r := strings.NewReplacer(`*`, `\*`, `?`, `\?`, `[`, `\[`, `\`, `\\`)
	return r.Replace(s)
}

// checkReplaceable refuses to replace anything but a fangtan index or an
// empty directory: --index pointing at the wrong directory must not move a
// user's files away.
func checkReplaceable(path string) error {
	fi, err := os.Stat(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("index %s: %w", path, err)
	}
	if !fi.IsDir() {
		return fmt.Errorf("index %s: exists and is not a directory; refusing to replace it", path)
	}
	entries, err := os.ReadDir(path)
	if err != nil {
		return fmt.Errorf("index %s: %w", path, err)
	}
	if len(entries) == 0 {
		return nil
	}
	if _, err := os.Stat(filepath.Join(path, "index_meta.json")); err != nil {
		return fmt.Errorf("index %s: exists and is not a fangtan index; refusing to replace it", path)
	}
	return nil
}

// swapIn moves the finished index at tmp to path: the old index is renamed
// away first, so there is no moment without a complete index on disk (a
// kill between the two renames is repaired by recoverLeftovers).
func swapIn(tmp, path string) error {
	old := ""
	if _, err := os.Stat(path); err == nil {
		old = fmt.Sprintf("%s%d", oldPrefix(path), time.Now().UnixNano())
		if err := os.Rename(path, old); err != nil {
			return fmt.Errorf("move previous index away: %w", err)
		}
	}
	if err := os.Rename(tmp, path); err != nil {
		if old != "" {
			_ = os.Rename(old, path)
		}
		return fmt.Errorf("move new index into place: %w", err)
	}
	if old != "" {
		return os.RemoveAll(old)
	}
	return nil
}

// asyncErrors is the name under which scorch reports the errors of its
// background persister and merger to buildFaults.
const asyncErrors = "fangtan-build"

// buildFaults maps the store directory of each running build to the
// function that fails it. With unsafe_batch, a write error (a full disk)
// happens in scorch's persister, which only reports it to this callback and
// retries for good: without it a build on a full disk spun at full CPU,
// deaf to signals, waiting for a persist that never came.
var buildFaults sync.Map // store dir → func(error)

func init() {
	scorch.RegistryAsyncErrorCallbacks[asyncErrors] = func(err error, path string) {
		if fail, ok := buildFaults.Load(filepath.Clean(path)); ok {
			fail.(func(error))(err)
		}
	}
}

// closeWait bounds how long a failed or cancelled build waits for bleve to
// close: scorch's persister finishes its current attempt first, which on a
// failing disk can take a while, and nothing of the build is kept anyway.
const closeWait = 10 * time.Second

func buildInto(ctx context.Context, dir string, src Source, opts BuildOptions) (Stats, error) {
	storeDir := filepath.Join(dir, "store")
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	buildFaults.Store(storeDir, func(err error) {
		// A failed cleanup of replaced files leaves a correct index; a
		// failed persist or merge, or a panic, does not.
		if !errors.Is(err, scorch.ErrCleanup) {
			cancel(unwrapScorch(err))
		}
	})
	defer buildFaults.Delete(storeDir)
	idx, err := bleve.NewUsing(dir, newMapping(), scorch.Name, scorch.Name, map[string]interface{}{
		"bolt_timeout": boltTimeout,
		// Batches need not reach the disk one by one: the build is only
		// used after Close has persisted everything.
		"unsafe_batch":           true,
		"asyncErrorCallbackName": asyncErrors,
	})
	if err != nil {
		return Stats{}, err
	}
	w, err := newWriter(idx, opts)
	if err != nil {
		_ = idx.Close()
		return Stats{}, err
	}
	if unpersistedBatches > 0 {
		w.inflight = make(chan struct{}, unpersistedBatches)
	}
	// Preparer tells opts.Known of a copy of the registry, made anew
	// between the build's stages.
	w.build = true
	stats, err := w.run(ctx, src, nil)
	x := &Index{path: dir, idx: idx, word: w.b.word, b: w.b}
	if err == nil {
		err = x.demote(ctx, w.reprints.Demotions(), &stats, opts.Registry, nil)
	}
	if err == nil && opts.Registry != nil {
		report(opts, Progress{Stage: StageRegistry, Elapsed: time.Since(w.start)})
		err = applyAndSaveRegistry(ctx, x, opts.Registry, opts.Registry.Names(), opts, &stats)
	}
	if err == nil {
		report(opts, Progress{Stage: StageMerge, Elapsed: time.Since(w.start)})
		err = finish(ctx, idx, storeDir, !opts.NoCompact, dictionariesOf(w.b.word), w.terms.merged(rankStats{}))
	}
	if err != nil {
		// The build is thrown away: do not wait for ever on a persister
		// that may still be retrying a write.
		closeWithin(idx, closeWait)
		return stats, err
	}
	if cerr := idx.Close(); cerr != nil {
		return stats, cerr
	}
	// Close persists what is left; a write error there is reported only
	// through the callback.
	return stats, context.Cause(ctx)
}

// closeWithin closes idx, giving up after d.
func closeWithin(idx bleve.Index, d time.Duration) {
	done := make(chan struct{})
	go func() {
		_ = idx.Close()
		close(done)
	}()
	select {
	case <-done:
	case <-time.After(d):
	}
}

// unwrapScorch turns scorch's asynchronous error ("source: persister,
// persist error: got err persisting snapshot: write …/store/x.zap: no space
// left on device") into what happened, which names the file and the reason.
func unwrapScorch(err error) error {
	var se *scorch.ScorchError
	if errors.As(err, &se) {
		return fmt.Errorf("%s", strings.TrimPrefix(se.ErrMsg, "got err "))
	}
	return err
}

// finish marks the index complete, recording the dictionaries it was built
// with, and waits until everything is on disk.
// With unsafe_batch, Batch returns before its segment is persisted and
// Close does not wait for the persister, so the last batch asks to be told;
// persisting a snapshot persists every batch introduced before it. With
// compact, it first merges the index into as few segments as scorch will
// make (one for a small index; a large one may keep a few).
func finish(ctx context.Context, idx bleve.Index, storeDir string, compact bool, dicts analyzer.Dictionaries, ranks rankStats) error {
	persist := func(marker bool) error {
		b := idx.NewBatch()
		if marker {
			// The dictionaries and the ranking statistics go with the
			// marker: an index is complete only with them.
			b.SetInternal(dictionariesKey, dicts.Encode())
			b.SetInternal(rankStatsKey, ranks.encode())
			b.SetInternal(markerKey, []byte(formatVersion))
		}
		persisted := make(chan error, 1)
		b.SetPersistedCallback(func(err error) { persisted <- err })
		if err := idx.Batch(b); err != nil {
			return err
		}
		// A write error never reaches the callback (the persister retries
		// instead); buildFaults cancels ctx with it.
		select {
		case err := <-persisted:
			return err
		case <-ctx.Done():
			return context.Cause(ctx)
		}
	}
	if !compact {
		return persist(true)
	}
	if err := persist(false); err != nil {
		return err
	}
	adv, err := idx.Advanced()
	if err != nil {
		return err
	}
	sc, ok := adv.(*scorch.Scorch)
	if !ok {
		return persist(true)
	}
	if err := mergeToOne(ctx, sc); err != nil {
		return err
	}
	if err := persist(true); err != nil {
		return err
	}
	awaitCleanup(ctx, sc, storeDir, persist)
	return nil
}

// oneTaskMergePlan is scorch's single-segment plan with every segment in
// one merge task. Its own plan merges at most ten segments per task, so a
// build that came to the final merge with eleven or more, as the timing of
// the background merges decides, kept two or three segments: xwlb's index
// took 175 MiB in two instead of 167 in one, and its searches read both
// (a first pass of the bench's query mix took a p50 of 1.77 ms against
// 1.33 on one segment; docs/benchmarks.md, fifty-third session).
var oneTaskMergePlan = func() mergeplan.MergePlanOptions {
	o := mergeplan.SingleSegmentMergePlanOptions
	o.SegmentsPerMergeTask = math.MaxInt32
	return o
}()

// mergeToOne merges the index into one segment. ForceMerge reports its
// write errors only through the callback, and waits for a merger that may
// be retrying them: each round waits for it or for ctx. A round that
// leaves more than one segment (one introduced while it ran) is followed
// by another, a few at most.
func mergeToOne(ctx context.Context, sc *scorch.Scorch) error {
	for range 3 {
		plan := oneTaskMergePlan
		merged := make(chan error, 1)
		go func() { merged <- sc.ForceMerge(ctx, &plan) }()
		select {
		case err := <-merged:
			if err != nil {
				return fmt.Errorf("merge: %w", err)
			}
		case <-ctx.Done():
		}
		if ctx.Err() != nil {
			return context.Cause(ctx)
		}
		if rootSegments(sc) <= 1 {
			return nil
		}
	}
	return nil
}

// cleanupWait bounds how long a compacted build waits for scorch to delete
// the segments the merge replaced.
const cleanupWait = 30 * time.Second

// awaitCleanup waits until the store holds no segment files beyond those of
// the current snapshot (a forced merge of a large index may leave several).
// Scorch deletes replaced segments from its persister loop when it is idle,
// which a Close straight after the last persist can pre-empt; an index
// opened read-only has no persister, so leftovers would stay for good (one
// xwlb + hkcnews build was seen with 949 MB on disk for a 458 MB index).
// Each round persists a no-op batch so that the loop comes round to its
// cleanup again. Giving up leaves a correct, only larger, index.
// bleve v2.6.3 has not made it unnecessary: its ForceMerge still returns
// before the replaced files are gone
// (TestForceMergeStillLeavesReplacedSegments).
func awaitCleanup(ctx context.Context, sc *scorch.Scorch, storeDir string, persist func(marker bool) error) {
	deadline := time.Now().Add(cleanupWait)
	for {
		onDisk, err := filepath.Glob(filepath.Join(storeDir, "*.zap"))
		if err != nil || uint64(len(onDisk)) <= rootSegments(sc) || time.Now().After(deadline) || ctx.Err() != nil {
			return
		}
		if err := persist(true); err != nil {
			return
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// rootSegments is the number of file segments in scorch's current snapshot.
func rootSegments(sc *scorch.Scorch) uint64 {
	n, _ := sc.StatsMap()["num_root_filesegments"].(uint64)
	return n
}

// unpersistedBatches bounds the batches a build has handed to scorch and
// scorch has not yet written to disk (0: no bound). With unsafe_batch a
// Batch returns as soon as its segment is introduced, so each worker went
// on to analyze its next batch while earlier ones still sat in memory; one
// at a time cut the peak RSS of 6,000 xwlb articles from about 900 to 600 MB
// at no measurable CPU cost (docs/benchmarks.md, "Indexing levers
// measured"). A variable so that BenchmarkBuildLevers can compare.
var unpersistedBatches = 1

// writer runs the indexing pipeline: a source goroutine, workers that
// prepare documents and fill their own batches, and bleve's analysis queue
// behind each batch. Each worker writes its own batches; a build lets one
// of them at a time into scorch until it is persisted (unpersistedBatches),
// while the others go on extracting.
type writer struct {
	idx       bleve.Index
	b         *docBuilder
	opts      BuildOptions
	start     time.Time
	docs      atomic.Int64
	quotes    atomic.Int64
	bytes     atomic.Int64
	skippedMu sync.Mutex
	skipped   []Skipped
	shortened []Skipped
	// inflight, when set, holds a token for each batch handed to scorch
	// and not yet persisted.
	inflight chan struct{}
	// reprints finds the documents admitted that reprint an article;
	// reprinted counts them.
	reprints  fangtan.Reprints
	reprinted atomic.Int64
	// written, when set, is called after each batch is in the index: an
	// Add bumps the generation, so that a search does not keep serving
	// pages and counts ranked before the batch until the whole Add ends.
	written func()
	// terms counts the terms of the text fields written, for ranking
	// (rankstats.go).
	terms termTotals
	// build: the writer builds an index, whose documents are prepared in
	// stages (fangtan.Stages) so that what they learn from the registry
	// the build fills does not depend on the workers' timing.
	build bool
}

func newWriter(idx bleve.Index, opts BuildOptions) (*writer, error) {
	if opts.Workers <= 0 {
		opts.Workers = runtime.GOMAXPROCS(0)
	}
	if opts.BatchSize <= 0 {
		opts.BatchSize = 1000
	}
	if opts.ProgressEvery <= 0 {
		opts.ProgressEvery = 200 * time.Millisecond
	}
	b, err := newDocBuilder(idx.Mapping())
	if err != nil {
		return nil, err
	}
	return &writer{idx: idx, b: b, opts: opts}, nil
}

// note records a change made to a document that was indexed anyway.
func (w *writer) note(d *fangtan.Document, what string) {
	w.skippedMu.Lock()
	w.shortened = append(w.shortened, Skipped{ID: d.ID, File: d.File, Reason: what})
	w.skippedMu.Unlock()
}

func (w *writer) skip(d *fangtan.Document, reason string) {
	w.skippedMu.Lock()
	w.skipped = append(w.skipped, Skipped{ID: d.ID, File: d.File, Reason: reason})
	w.skippedMu.Unlock()
}

func (w *writer) progress(done bool) Progress {
	return Progress{
		Documents: int(w.docs.Load()), Quotes: int(w.quotes.Load()), Bytes: w.bytes.Load(),
		Elapsed: time.Since(w.start), Done: done, Stage: StageIndex,
	}
}

// run indexes src. before, if set, is called with each batch before it is
// written (Add uses it to delete what the batch replaces).
func (w *writer) run(ctx context.Context, src Source, before func(*bleve.Batch, []*fangtan.Document) error) (Stats, error) {
	w.start = time.Now()
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)

	// Watching run's own context: a worker that fails cancels it, and the
	// others must not wait for the documents it will not prepare.
	ready, release := fangtan.Preparer(ctx, w.opts, w.build)
	defer release()
	in := make(chan item, 4*w.opts.Workers)
	var wg sync.WaitGroup
	for range w.opts.Workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := w.work(ctx, in, ready, before); err != nil {
				cancel(err)
			}
		}()
	}

	stopProgress := w.opts.Tick(func() fangtan.Progress { return w.progress(false) })

	seen := make(map[string]string)
	seq := 0
	srcErr := src(ctx, func(d fangtan.Document) error {
		skip, cut := fangtan.Admit(&d, seen)
		if skip != "" {
			w.skip(&d, skip)
			return nil
		}
		for _, note := range cut {
			w.note(&d, note)
		}
		r, err := w.reprints.Check(&d)
		if err != nil {
			return fmt.Errorf("%s: reprint of: %w", d.ID, err)
		}
		it := item{Sequenced: fangtan.Sequenced{Doc: d, Seq: seq}}
		if r != nil {
			// A reprint is written in a worker's batch like an article, so
			// that every segment of a build holds the same fields and zap
			// merges them by copying (fieldDocID).
			it = item{reprint: r}
		}
		select {
		case in <- it:
			if it.reprint == nil {
				seq++
			}
			return nil
		case <-ctx.Done():
			return context.Cause(ctx)
		}
	})
	close(in)
	wg.Wait()
	stopProgress()

	err := srcErr
	if cause := context.Cause(ctx); cause != nil && (err == nil || errors.Is(err, context.Canceled)) {
		err = cause
	}
	// The writer's last report is not Done: the registry's pass, the
	// merge or the swap may follow (Build and Add report Done).
	report(w.opts, w.progress(false))
	p := w.progress(true)
	stats := Stats{Documents: p.Documents, Quotes: p.Quotes, Bytes: p.Bytes, Elapsed: p.Elapsed, Skipped: w.skipped, Shortened: w.shortened,
		Reprints: int(w.reprinted.Load())}
	return stats, err
}

// item is what the source hands the workers: a document to prepare and
// index, or the record of a reprint.
type item struct {
	fangtan.Sequenced
	reprint *fangtan.Reprint
}

func (w *writer) work(ctx context.Context, in <-chan item, ready func(*fangtan.Document, int), before func(*bleve.Batch, []*fangtan.Document) error) error {
	batch := w.idx.NewBatch()
	var pending []*fangtan.Document
	var analysed []*document.Document // the batch's documents, counted once written
	flush := func() error {
		if batch.Size() == 0 {
			return nil
		}
		if before != nil {
			if err := before(batch, pending); err != nil {
				return err
			}
		}
		if w.inflight != nil {
			select {
			case w.inflight <- struct{}{}:
			case <-ctx.Done():
				return nil
			}
			// A failed persist keeps its token, but it also cancels ctx
			// (buildFaults), which the other workers wait on.
			batch.SetPersistedCallback(func(error) { <-w.inflight })
		}
		if err := w.idx.Batch(batch); err != nil {
			if w.inflight != nil {
				<-w.inflight
			}
			return err
		}
		w.terms.count(analysed)
		clear(analysed) // the written documents' terms are the segment's now
		analysed = analysed[:0]
		if w.written != nil {
			w.written()
		}
		// A new batch rather than Reset: scorch's Batch returns while its
		// queueing goroutine may still range over the old batch's map (past
		// the deletes an Add puts in it), and Reset would write that map.
		batch = w.idx.NewBatch()
		pending = pending[:0]
		return nil
	}
	for sd := range in {
		if err := ctx.Err(); err != nil {
			return nil // the cause is already recorded
		}
		if r := sd.reprint; r != nil {
			doc, err := w.b.reprint(*r)
			if err != nil {
				return fmt.Errorf("%s: %w", r.ID, err)
			}
			if err := batch.IndexAdvanced(doc); err != nil {
				return err
			}
			analysed = append(analysed, doc)
			pending = append(pending, &fangtan.Document{ID: r.ID, File: r.File})
			w.reprinted.Add(1)
			if batch.Size() >= w.opts.BatchSize {
				if err := flush(); err != nil {
					return err
				}
			}
			continue
		}
		d := sd.Doc
		ready(&d, sd.Seq)
		bdocs, err := w.b.build(&d)
		if err != nil {
			w.skip(&d, err.Error())
			continue
		}
		for _, bd := range bdocs {
			if err := batch.IndexAdvanced(bd); err != nil {
				return err
			}
		}
		analysed = append(analysed, bdocs...)
		pending = append(pending, &d)
		// Counted when analyzed rather than when written, so that the
		// progress moves between batches; a failed batch fails the build.
		w.docs.Add(1)
		w.quotes.Add(int64(len(bdocs) - 1))
		w.bytes.Add(int64(len(d.Text)))
		if batch.Size() >= w.opts.BatchSize {
			if err := flush(); err != nil {
				return err
			}
		}
	}
	if ctx.Err() != nil {
		return nil
	}
	return flush()
}

// applyAndSaveRegistry applies the registry's names to the index x and
// saves the registry beside it.
func applyAndSaveRegistry(ctx context.Context, x *Index, reg *fangtan.Registry, names []string, opts BuildOptions, stats *Stats) error {
	start := time.Now()
	defer func() {
		stats.RegistryElapsed = time.Since(start)
		stats.Elapsed += stats.RegistryElapsed
	}()
	stats.RegistryOfficials = len(names)
	if opts.Enrich != nil {
		step := func(p registryProgress) {
			report(opts, Progress{Stage: StageRegistry, Step: p.step, Steps: p.steps, Read: p.read, ToRead: p.toRead, Elapsed: stats.Elapsed + time.Since(start)})
		}
		names, recheck := opts.RegistryNames(reg, names)
		n, err := x.applyRegistry(ctx, reg, names, recheck, opts.Enrich, opts.BatchSize, step)
		if err != nil {
			return err
		}
		stats.RegistryArticles = n
	}
	return reg.Save(x.path)
}
