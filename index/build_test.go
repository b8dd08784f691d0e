package index

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"

	"fangtan"
	"fangtan/analyzer"
	"fangtan/internal/conformance"
)

// buildFixture builds the fixture documents into a fresh index under t's
// temp dir and opens it for writing.
func buildFixture(t *testing.T) (*Index, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "idx")
	if _, err := Build(context.Background(), path, DocumentsSource(fixtureDocs(t)), BuildOptions{}); err != nil {
		t.Fatal(err)
	}
	idx, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { idx.Close() })
	return idx, path
}

func counts(t *testing.T, idx *Index) (uint64, uint64) {
	t.Helper()
	a, q, err := idx.Count(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return a, q
}

func total(t *testing.T, idx *Index, q string) uint64 {
	t.Helper()
	res, err := idx.Search(context.Background(), fangtan.Query{Text: q})
	if err != nil {
		t.Fatal(err)
	}
	return res.Total
}

func TestBuildStats(t *testing.T) {
	docs := fixtureDocs(t)
	docs = append(docs, docs[0], fangtan.Document{Title: "no id"})
	path := filepath.Join(t.TempDir(), "idx")
	var last Progress
	stats, err := Build(context.Background(), path, DocumentsSource(docs), BuildOptions{Progress: func(p Progress) { last = p }})
	if err != nil {
		t.Fatal(err)
	}
	if stats.Documents != 5 || stats.Quotes != 5 || len(stats.Skipped) != 2 || stats.Bytes == 0 {
		t.Errorf("stats %+v: want 5 documents, 5 quotes, 2 skipped", stats)
	}
	if !last.Done || last.Documents != 5 {
		t.Errorf("last progress %+v", last)
	}
	if !strings.Contains(stats.Skipped[0].Reason+stats.Skipped[1].Reason, "duplicate id") {
		t.Errorf("skipped %+v lacks the duplicate", stats.Skipped)
	}
}

func TestAddUpdatesInPlace(t *testing.T) {
	idx, _ := buildFixture(t)
	arts, quotes := counts(t, idx)
	docs := fixtureDocs(t)

	// The same file again: nothing doubles.
	if _, err := idx.Add(context.Background(), docs[:2], BuildOptions{}); err != nil {
		t.Fatal(err)
	}
	if a, q := counts(t, idx); a != arts || q != quotes {
		t.Errorf("after re-adding: %d articles %d quotes, want %d %d", a, q, arts, quotes)
	}

	// A new version with one quote fewer and a new title.
	d := docs[0]
	d.Title = "新标题独一无二"
	d.Quotes = d.Quotes[:1]
	if _, err := idx.Add(context.Background(), []fangtan.Document{d}, BuildOptions{}); err != nil {
		t.Fatal(err)
	}
	if a, q := counts(t, idx); a != arts || q != quotes-1 {
		t.Errorf("after update: %d articles %d quotes, want %d %d", a, q, arts, quotes-1)
	}
	if n := total(t, idx, "独一无二"); n != 1 {
		t.Errorf("new title found %d times", n)
	}
	if n := total(t, idx, `"口碑是干出来的"`); n != 1 {
		t.Errorf("the updated article's text found %d times, want 1", n)
	}
	res, err := idx.SearchQuotes(context.Background(), fangtan.Query{Text: "老百姓"})
	if err != nil || res.Total != 0 {
		t.Errorf("the dropped quote is still found: %v %v", res, err)
	}

	// The file now holds two articles under new ids: the old one goes.
	p1, p2 := docs[0], distinctCopy(docs[0], "a1-2")
	p1.ID, p1.Part, p1.Quotes = "a1-1", 1, nil
	p2.Part, p2.Quotes = 2, nil
	if _, err := idx.Add(context.Background(), []fangtan.Document{p1, p2}, BuildOptions{}); err != nil {
		t.Fatal(err)
	}
	if a, q := counts(t, idx); a != arts+1 || q != quotes-2 {
		t.Errorf("after split: %d articles %d quotes, want %d %d", a, q, arts+1, quotes-2)
	}
	if _, err := idx.Document(context.Background(), "a1", ""); !errors.Is(err, fangtan.ErrNotFound) {
		t.Errorf("a1 still there after its file was split: %v", err)
	}
}

func TestDelete(t *testing.T) {
	idx, _ := buildFixture(t)
	arts, quotes := counts(t, idx)
	n, err := idx.Delete(context.Background(), []string{"a4", "nope"}, BuildOptions{})
	if n != 1 || !errors.Is(err, fangtan.ErrNotFound) || !strings.Contains(err.Error(), "nope") {
		t.Errorf("Delete = %d, %v; want 1 and a not-found error naming nope", n, err)
	}
	if a, q := counts(t, idx); a != arts-1 || q != quotes-1 {
		t.Errorf("after delete: %d articles %d quotes, want %d %d", a, q, arts-1, quotes-1)
	}
	if n := total(t, idx, "陵城区"); n != 0 {
		t.Errorf("deleted article still found")
	}
	if got, _ := idx.Suggest(context.Background(), "陵城", 5); len(got) != 0 {
		t.Errorf("suggestions still offer the deleted article's place: %v", got)
	}
}

// TestSearchWhileAdding runs searches while documents are added and
// replaced; with -race it also checks the locking.
func TestSearchWhileAdding(t *testing.T) {
	idx, _ := buildFixture(t)
	docs := fixtureDocs(t)
	base := total(t, idx, "转型发展")
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var wg sync.WaitGroup
	var searches atomic.Int64
	errc := make(chan error, 8)
	for range 3 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for ctx.Err() == nil {
				res, err := idx.Search(ctx, fangtan.Query{Text: "转型发展"})
				if err != nil {
					if ctx.Err() == nil {
						errc <- err
					}
					return
				}
				// Replacing never hides a document: the total only grows.
				if res.Total < base {
					errc <- fmt.Errorf("total %d < %d while adding", res.Total, base)
					return
				}
				for _, h := range res.Hits {
					if h.Title == "" || len(h.Fragments) == 0 {
						errc <- fmt.Errorf("incomplete hit %+v", h)
						return
					}
				}
				if _, err := idx.SearchQuotes(ctx, fangtan.Query{Text: "事"}); err != nil && ctx.Err() == nil {
					errc <- err
					return
				}
				searches.Add(1)
			}
		}()
	}
	const adds = 8 // each add waits for its batch to be persisted
	for i := range adds {
		d := docs[i%len(docs)]
		batch := []fangtan.Document{d} // replaces a fixture document
		nd := distinctCopy(d, fmt.Sprintf("new-%d", i))
		nd.File = fmt.Sprintf("new-%d.txt", i)
		batch = append(batch, nd)
		if _, err := idx.Add(context.Background(), batch, BuildOptions{BatchSize: 2}); err != nil {
			t.Fatal(err)
		}
	}
	for searches.Load() < 10 {
		time.Sleep(10 * time.Millisecond)
	}
	cancel()
	wg.Wait()
	close(errc)
	for err := range errc {
		t.Error(err)
	}
	if a, _ := counts(t, idx); a != uint64(len(docs)+adds) {
		t.Errorf("%d articles after adding %d, want %d", a, adds, len(docs)+adds)
	}
}

func leftovers(t *testing.T, path string) []string {
	t.Helper()
	a, _ := filepath.Glob(buildingPrefix(path) + "*")
	b, _ := filepath.Glob(oldPrefix(path) + "*")
	return append(a, b...)
}

// TestCancelledRebuildKeepsOldIndex cancels a rebuild half way, fails one
// and gives one no documents: the old index stays in place and searchable,
// and nothing is left behind.
func TestCancelledRebuildKeepsOldIndex(t *testing.T) {
	idx, path := buildFixture(t)
	want := total(t, idx, "转型发展")
	idx.Close()

	ctx, cancel := context.WithCancel(context.Background())
	docs := fixtureDocs(t)
	src := func(ctx context.Context, emit func(fangtan.Document) error) error {
		for i := 0; ; i++ {
			d := docs[i%len(docs)]
			d.ID = fmt.Sprintf("x%d", i)
			if i == 50 {
				cancel()
			}
			if err := emit(d); err != nil {
				return err
			}
		}
	}
	_, err := Build(ctx, path, src, BuildOptions{BatchSize: 10})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled build: %v, want context.Canceled", err)
	}
	failing := func(ctx context.Context, emit func(fangtan.Document) error) error {
		if err := emit(docs[0]); err != nil {
			return err
		}
		return errors.New("disk on fire")
	}
	if _, err := Build(context.Background(), path, failing, BuildOptions{}); err == nil || !strings.Contains(err.Error(), "disk on fire") {
		t.Fatalf("failing build: %v", err)
	}
	if _, err := Build(context.Background(), path, DocumentsSource(nil), BuildOptions{}); !errors.Is(err, ErrNoDocuments) {
		t.Fatalf("empty build: %v, want ErrNoDocuments", err)
	}
	if l := leftovers(t, path); len(l) > 0 {
		t.Errorf("leftovers %v", l)
	}
	idx, err = Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer idx.Close()
	if got := total(t, idx, "转型发展"); got != want {
		t.Errorf("after failed rebuilds: %d hits, want %d", got, want)
	}
}

// TestKilledRebuildKeepsOldIndex kills a real build process with SIGKILL.
func TestKilledRebuildKeepsOldIndex(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a subprocess")
	}
	idx, path := buildFixture(t)
	want := total(t, idx, "转型发展")
	idx.Close()

	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperEndlessBuild$")
	cmd.Env = append(os.Environ(), "FANGTAN_ENDLESS_BUILD="+path)
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	deadline := time.Now().Add(60 * time.Second)
	for {
		if l := leftovers(t, path); len(l) > 0 {
			if _, err := os.Stat(filepath.Join(l[0], "index_meta.json")); err == nil {
				break
			}
		}
		if time.Now().After(deadline) {
			t.Fatal("the build process never started writing")
		}
		time.Sleep(50 * time.Millisecond)
	}
	time.Sleep(500 * time.Millisecond) // let it write some batches
	if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	_ = cmd.Wait()
	if len(leftovers(t, path)) == 0 {
		t.Fatal("the killed build left nothing behind: the test did not kill it mid-build")
	}

	idx, err := Open(path)
	if err != nil {
		t.Fatalf("old index after a killed rebuild: %v", err)
	}
	if got := total(t, idx, "转型发展"); got != want {
		t.Errorf("after killed rebuild: %d hits, want %d", got, want)
	}
	idx.Close()

	// The next build cleans up.
	if _, err := Build(context.Background(), path, DocumentsSource(fixtureDocs(t)[:2]), BuildOptions{}); err != nil {
		t.Fatal(err)
	}
	if l := leftovers(t, path); len(l) > 0 {
		t.Errorf("leftovers after the next build: %v", l)
	}
	idx, err = Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer idx.Close()
	if a, _ := counts(t, idx); a != 2 {
		t.Errorf("rebuilt index has %d articles, want 2", a)
	}
}

// TestHelperEndlessBuild is the process TestKilledRebuildKeepsOldIndex kills.
func TestHelperEndlessBuild(t *testing.T) {
	path := os.Getenv("FANGTAN_ENDLESS_BUILD")
	if path == "" {
		t.Skip("helper process for TestKilledRebuildKeepsOldIndex")
	}
	docs := fixtureDocs(t)
	src := func(ctx context.Context, emit func(fangtan.Document) error) error {
		for i := 0; ; i++ {
			d := docs[i%len(docs)]
			d.ID = fmt.Sprintf("x%d", i)
			if err := emit(d); err != nil {
				return err
			}
		}
	}
	_, err := Build(context.Background(), path, src, BuildOptions{BatchSize: 20})
	t.Fatalf("endless build returned: %v", err)
}

func TestRecoverFromKillDuringSwap(t *testing.T) {
	_, path := buildFixture(t)
	fixtureIndex(t) // unrelated; keeps the shared fixture warm
	// A kill between "move the old index away" and "move the new one in".
	moved := oldPrefix(path) + "123"
	if err := os.Rename(path, moved); err != nil {
		t.Fatal(err)
	}
	if err := recoverLeftovers(path); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(moved); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("%s still there", moved)
	}
}

func TestOpenErrors(t *testing.T) {
	dir := t.TempDir()
	notIndex := filepath.Join(dir, "docs")
	os.Mkdir(notIndex, 0o755)
	os.WriteFile(filepath.Join(notIndex, "letter.txt"), []byte("hello"), 0o644)
	corrupt := filepath.Join(dir, "corrupt")
	os.Mkdir(corrupt, 0o755)
	os.WriteFile(filepath.Join(corrupt, "index_meta.json"), []byte("{not json"), 0o644)
	file := filepath.Join(dir, "file")
	os.WriteFile(file, []byte("x"), 0o644)
	for _, p := range []string{filepath.Join(dir, "missing"), notIndex, corrupt, file} {
		_, err := Open(p)
		if err == nil || !strings.Contains(err.Error(), "index "+p+": not a fangtan index (") {
			t.Errorf("Open(%s) = %v, want a not-a-fangtan-index error", p, err)
		}
	}
	// A build must not move a directory that is not an index away.
	if _, err := Build(context.Background(), notIndex, DocumentsSource(fixtureDocs(t)), BuildOptions{}); err == nil || !strings.Contains(err.Error(), "refusing") {
		t.Errorf("Build over a non-index directory: %v", err)
	}
	if _, err := os.Stat(filepath.Join(notIndex, "letter.txt")); err != nil {
		t.Errorf("the user's file is gone: %v", err)
	}
}

func TestSecondWriterGetsAnError(t *testing.T) {
	_, path := buildFixture(t)
	start := time.Now()
	_, err := Open(path)
	if !errors.Is(err, fangtan.ErrUnavailable) || !strings.Contains(err.Error(), "in use") {
		t.Errorf("second Open: %v, want ErrUnavailable 'in use'", err)
	}
	if time.Since(start) > 10*time.Second {
		t.Errorf("second Open took %v", time.Since(start))
	}
}

// TestFacetCacheFollowsWrites: cached facet counts are reused across pages,
// are not changed by what a caller does to a result, and are dropped by a
// write.
func TestFacetCacheFollowsWrites(t *testing.T) {
	idx, _ := buildFixture(t)
	ctx := context.Background()
	q := fangtan.Query{Text: "办实事 OR 转型发展"}
	first, err := idx.Search(ctx, q)
	if err != nil {
		t.Fatal(err)
	}
	cityCount := func(r *fangtan.Result, city string) int {
		for _, fc := range r.Facets["city"] {
			if fc.Value == city {
				return fc.Count
			}
		}
		return 0
	}
	want := cityCount(first, "太原市")
	if want != 2 {
		t.Fatalf("太原市 count %d, want 2: %v", want, first.Facets)
	}
	first.Facets["city"][0].Count = 999
	page2, err := idx.Search(ctx, fangtan.Query{Text: q.Text, From: 1, Size: 1})
	if err != nil {
		t.Fatal(err)
	}
	if got := cityCount(page2, "太原市"); got != want {
		t.Errorf("second page: 太原市 %d, want %d", got, want)
	}
	if _, err := idx.Delete(ctx, []string{"a3"}, BuildOptions{}); err != nil {
		t.Fatal(err)
	}
	after, err := idx.Search(ctx, q)
	if err != nil {
		t.Fatal(err)
	}
	if got := cityCount(after, "太原市"); got != want-1 {
		t.Errorf("after deleting a3: 太原市 %d, want %d", got, want-1)
	}
}

// TestOpenDamagedSegment: a damaged segment file is an error from Open,
// not a panic.
func TestOpenDamagedSegment(t *testing.T) {
	_, path := buildFixture(t)
	// buildFixture's index is still open; damage a copy.
	dir := filepath.Join(t.TempDir(), "copy")
	if err := os.CopyFS(dir, os.DirFS(path)); err != nil {
		t.Fatal(err)
	}
	segs, _ := filepath.Glob(filepath.Join(dir, "store", "*.zap"))
	if len(segs) == 0 {
		t.Fatal("no segment files")
	}
	for _, s := range segs {
		b, err := os.ReadFile(s)
		if err != nil {
			t.Fatal(err)
		}
		for i := len(b) - 40; i < len(b); i++ {
			b[i] = 0xff
		}
		if err := os.WriteFile(s, b, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	idx, err := OpenReadOnly(dir)
	if err == nil {
		idx.Close()
		t.Fatal("opened a damaged index without an error")
	}
	if !strings.Contains(err.Error(), "damaged") {
		t.Errorf("error %v", err)
	}
}

// TestCompactedBuildLeavesOneSegment: a compacting build leaves only the
// merged segment on disk; the segments it replaced must not linger beside
// it (a read-only server would never delete them). Small batches make many
// segments, and the uncompacted build shows that they are there to merge.
// TestForceMergeStillLeavesReplacedSegments shows that bleve's own merge
// still needs it.
func TestCompactedBuildLeavesOneSegment(t *testing.T) {
	var docs []fangtan.Document
	for copyNo := range 40 {
		for _, d := range fixtureDocs(t) {
			docs = append(docs, distinctCopy(d, fmt.Sprintf("%s~%d", d.ID, copyNo)))
		}
	}
	segments := func(opts BuildOptions) int {
		path := filepath.Join(t.TempDir(), "idx")
		stats, err := Build(context.Background(), path, DocumentsSource(docs), opts)
		if err != nil {
			t.Fatal(err)
		}
		if stats.Documents != len(docs) {
			t.Fatalf("%d documents indexed, want %d", stats.Documents, len(docs))
		}
		segs, err := filepath.Glob(filepath.Join(path, "store", "*.zap"))
		if err != nil {
			t.Fatal(err)
		}
		return len(segs)
	}
	if n := segments(BuildOptions{BatchSize: 8, NoCompact: true}); n < 2 {
		t.Fatalf("an uncompacted build of small batches left %d segment(s); the test needs several", n)
	}
	if n := segments(BuildOptions{BatchSize: 8}); n != 1 {
		t.Errorf("a compacted build left %d segments on disk, want 1", n)
	}
}

// persistBatches indexes batches of small documents into a raw bleve
// index, each persisted before the next, so that each makes a segment.
func persistBatches(t *testing.T, idx bleve.Index, batches, docs int) {
	t.Helper()
	for b := range batches {
		batch := idx.NewBatch()
		for i := range docs {
			if err := batch.Index(fmt.Sprintf("%d-%d", b, i), map[string]any{"t": fmt.Sprintf("w%d v%d", i, b*i)}); err != nil {
				t.Fatal(err)
			}
		}
		persisted := make(chan error, 1)
		batch.SetPersistedCallback(func(err error) { persisted <- err })
		if err := idx.Batch(batch); err != nil {
			t.Fatal(err)
		}
		if err := <-persisted; err != nil {
			t.Fatal(err)
		}
	}
}

// TestMergeToOneTakesEverySegment: the build's final merge leaves one
// segment however many it starts from, where scorch's own single-segment
// plan merges ten per task and so leaves several (the second part fails
// to say so if a bleve upgrade changes that). Background merges are off
// here (no segment is small enough for them), so that the merge starts
// from every batch's segment.
func TestMergeToOneTakesEverySegment(t *testing.T) {
	build := func(t *testing.T) *scorch.Scorch {
		dir := filepath.Join(t.TempDir(), "idx")
		idx, err := bleve.NewUsing(dir, bleve.NewIndexMapping(), scorch.Name, scorch.Name, map[string]any{
			"scorchMergePlanOptions": map[string]any{"maxSegmentSize": 1},
		})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { idx.Close() })
		persistBatches(t, idx, 25, 5)
		adv, err := idx.Advanced()
		if err != nil {
			t.Fatal(err)
		}
		sc := adv.(*scorch.Scorch)
		if n := rootSegments(sc); n <= 10 {
			t.Fatalf("%d segments before the merge; the test needs more than ten", n)
		}
		return sc
	}
	t.Run("mergeToOne", func(t *testing.T) {
		sc := build(t)
		if err := mergeToOne(context.Background(), sc); err != nil {
			t.Fatal(err)
		}
		if n := rootSegments(sc); n != 1 {
			t.Errorf("%d segments after mergeToOne, want 1", n)
		}
	})
	t.Run("scorch's plan", func(t *testing.T) {
		sc := build(t)
		if err := sc.ForceMerge(context.Background(), nil); err != nil {
			t.Fatal(err)
		}
		if n := rootSegments(sc); n < 2 {
			t.Errorf("scorch's single-segment plan left %d segment of more than ten: mergeToOne's own plan may no longer be needed", n)
		}
	})
}

// TestForceMergeStillLeavesReplacedSegments is the reason awaitCleanup
// stays after the upgrade to bleve v2.6.3: its fixes end the forced-merge
// hangs (and add a wait for clean-up to DropFileWriterIDs), but
// Scorch.ForceMerge still returns before the persister deletes the
// segments it replaced, and a Close right after it leaves them on disk,
// where a read-only server never deletes them. Raw scorch, with no fangtan
// code: if a bleve upgrade makes every round clean, this test fails to say
// that awaitCleanup can go. Here 25 rounds of 40 left some behind.
func TestForceMergeStillLeavesReplacedSegments(t *testing.T) {
	const rounds = 20
	leftOver := 0
	for round := range rounds {
		dir := filepath.Join(t.TempDir(), "idx")
		idx, err := bleve.NewUsing(dir, bleve.NewIndexMapping(), scorch.Name, scorch.Name, nil)
		if err != nil {
			t.Fatal(err)
		}
		persistBatches(t, idx, 40, 20)
		adv, err := idx.Advanced()
		if err != nil {
			t.Fatal(err)
		}
		if err := adv.(*scorch.Scorch).ForceMerge(context.Background(), nil); err != nil {
			t.Fatal(err)
		}
		if err := idx.Close(); err != nil {
			t.Fatal(err)
		}
		segs, err := filepath.Glob(filepath.Join(dir, "store", "*.zap"))
		if err != nil {
			t.Fatal(err)
		}
		if len(segs) > 1 {
			leftOver++
			t.Logf("round %d: %d segment files after a forced merge into one", round, len(segs))
			break
		}
	}
	if leftOver == 0 {
		t.Fatalf("in %d rounds, bleve's forced merge never left a replaced segment on disk: awaitCleanup (build.go) may no longer be needed", rounds)
	}
}

// TestBuildKeepsRunningBuilds: a build removes what killed builds left
// behind, but not the directory of a build still running, in another
// process or in this one (two builds of one index at once both finish).
func TestBuildKeepsRunningBuilds(t *testing.T) {
	path := filepath.Join(t.TempDir(), "idx")
	dead := exec.Command("true")
	if err := dead.Run(); err != nil {
		t.Fatal(err)
	}
	running := fmt.Sprintf("%s%d-1", buildingPrefix(path), os.Getpid())
	killed := fmt.Sprintf("%s%d-2", buildingPrefix(path), dead.Process.Pid)
	for _, dir := range []string{running, killed} {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := Build(context.Background(), path, DocumentsSource(fixtureDocs(t)[:2]), BuildOptions{}); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(running); err != nil {
		t.Errorf("the running build's directory was removed: %v", err)
	}
	if _, err := os.Stat(killed); err == nil {
		t.Errorf("the killed build's directory %s was kept", killed)
	}
}

// TestOpenOlderFormat: an index whose mapping names an analyzer this
// version no longer has (format 4 had fangtan_exact_unigram) is refused
// with a message to rebuild it, and a build replaces it.
func TestOpenOlderFormat(t *testing.T) {
	path := filepath.Join(t.TempDir(), "idx")
	docs := fixtureDocs(t)[:2]
	if _, err := Build(context.Background(), path, DocumentsSource(docs), BuildOptions{}); err != nil {
		t.Fatal(err)
	}
	// Make it look like an index of an older version: the same mapping,
	// naming the unigram analyzer that was dropped.
	b, err := bleve.OpenUsing(path, map[string]interface{}{"unsafe_batch": false}) // so that SetInternal persists
	if err != nil {
		t.Fatal(err)
	}
	m, err := b.GetInternal([]byte("_mapping"))
	if err != nil || !bytes.Contains(m, []byte(analyzer.ExactBigramAnalyzerName)) {
		t.Fatalf("stored mapping %.80q, %v", m, err)
	}
	old := bytes.ReplaceAll(m, []byte(`"`+analyzer.ExactBigramAnalyzerName+`"`), []byte(`"fangtan_exact_unigram"`))
	if err := b.SetInternal([]byte("_mapping"), old); err != nil {
		t.Fatal(err)
	}
	b.Close()

	_, err = Open(path)
	if err == nil || !strings.Contains(err.Error(), "another version of fangtan") || !strings.Contains(err.Error(), "rebuild it with 'fangtan index --index "+path+"'") {
		t.Fatalf("Open of an older index: %v, want a message to rebuild it", err)
	}
	if _, err := Build(context.Background(), path, DocumentsSource(docs), BuildOptions{}); err != nil {
		t.Fatalf("rebuilding over an older index: %v", err)
	}
	idx, err := Open(path)
	if err != nil {
		t.Fatalf("after the rebuild: %v", err)
	}
	idx.Close()
}

// TestBuildCancelledAtEveryStage cancels a rebuild while documents are read,
// once they are all analyzed (before the final persist and merge), with and
// without compaction: each build fails with the cancellation's cause, the
// old index stays and nothing is left behind. Before, a cancel after the
// last document was ignored by the final persist, and the build replaced
// the index anyway.
func TestBuildCancelledAtEveryStage(t *testing.T) {
	idx, path := buildFixture(t)
	want := total(t, idx, "转型发展")
	idx.Close()
	stop := errors.New("stopped by the test")
	docs := fixtureDocs(t)
	for _, tc := range []struct {
		name      string
		noCompact bool
		atEnd     bool // cancel when every document is analyzed
	}{
		{"while reading", false, false},
		{"before the final merge", false, true},
		{"before the final persist, no compaction", true, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ctx, cancel := context.WithCancelCause(context.Background())
			defer cancel(nil)
			src := func(ctx context.Context, emit func(fangtan.Document) error) error {
				for i := range 200 {
					d := docs[i%len(docs)]
					d.ID = fmt.Sprintf("y%d", i)
					if !tc.atEnd && i == 50 {
						cancel(stop)
					}
					if err := emit(d); err != nil {
						return err
					}
				}
				return nil
			}
			opts := BuildOptions{BatchSize: 20, NoCompact: tc.noCompact}
			if tc.atEnd {
				// Every document is analyzed when the merge stage begins
				// (a build without compaction still persists in it).
				opts.Progress = func(p Progress) {
					if p.Stage == StageMerge {
						cancel(stop)
					}
				}
			}
			_, err := Build(ctx, path, src, opts)
			if !errors.Is(err, stop) {
				t.Fatalf("cancelled build: %v, want %v", err, stop)
			}
			if l := leftovers(t, path); len(l) > 0 {
				t.Errorf("leftovers %v", l)
			}
			idx, err := Open(path)
			if err != nil {
				t.Fatal(err)
			}
			defer idx.Close()
			if got := total(t, idx, "转型发展"); got != want {
				t.Errorf("after a cancelled rebuild: %d hits, want %d (the cancelled build replaced the index)", got, want)
			}
		})
	}
}

// TestOpenSaysWhatHappened: a damaged index, an index of another fangtan
// and an index on a read-only disk each get their own message (all three
// used to be "not a fangtan index").
func TestOpenSaysWhatHappened(t *testing.T) {
	_, good := buildFixture(t)
	copyOf := func(t *testing.T, dir string) string {
		t.Helper()
		if err := os.CopyFS(dir, os.DirFS(good)); err != nil {
			t.Fatal(err)
		}
		return dir
	}
	for _, tc := range []struct {
		name     string
		make     func(t *testing.T) string
		readOnly bool
		want     string
	}{
		{"truncated segment", func(t *testing.T) string {
			dir := copyOf(t, filepath.Join(t.TempDir(), "idx"))
			segs, _ := filepath.Glob(filepath.Join(dir, "store", "*.zap"))
			for _, s := range segs {
				fi, _ := os.Stat(s)
				os.Truncate(s, fi.Size()/2)
			}
			return dir
		}, true, "damaged ("},
		{"truncated root", func(t *testing.T) string {
			dir := copyOf(t, filepath.Join(t.TempDir(), "idx"))
			os.WriteFile(filepath.Join(dir, "store", "root.bolt"), []byte("bolt?"), 0o600)
			return dir
		}, false, "damaged ("},
		{"another format version", func(t *testing.T) string {
			dir := copyOf(t, filepath.Join(t.TempDir(), "idx"))
			b, err := bleve.OpenUsing(dir, map[string]interface{}{"unsafe_batch": false})
			if err != nil {
				t.Fatal(err)
			}
			b.SetInternal(markerKey, []byte("4"))
			b.Close()
			return dir
		}, false, `built by another version of fangtan (format version "4"`},
		// Format 6 kept the text raw in a stored field of its own; this
		// one reads only the compressed value (stored.go).
		{"the format before compressed stored fields", func(t *testing.T) string {
			dir := copyOf(t, filepath.Join(t.TempDir(), "idx"))
			b, err := bleve.OpenUsing(dir, map[string]interface{}{"unsafe_batch": false})
			if err != nil {
				t.Fatal(err)
			}
			b.SetInternal(markerKey, []byte("6"))
			b.Close()
			return dir
		}, false, `built by another version of fangtan (format version "6", this one reads "` + formatVersion + `"); rebuild it with 'fangtan index --index`},
		{"read-only file system", func(t *testing.T) string {
			if os.Geteuid() != 0 {
				t.Skip("needs root to mount a read-only tmpfs")
			}
			mnt := t.TempDir()
			if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size=16m", "tmpfs", mnt).CombinedOutput(); err != nil {
				t.Skipf("cannot mount a tmpfs: %v %s", err, out)
			}
			t.Cleanup(func() { exec.Command("umount", mnt).Run() })
			dir := copyOf(t, filepath.Join(mnt, "idx"))
			if out, err := exec.Command("mount", "-o", "remount,ro", mnt).CombinedOutput(); err != nil {
				t.Fatalf("remount read-only: %v %s", err, out)
			}
			return dir
		}, false, "on a read-only file system"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := tc.make(t)
			open := Open
			if tc.readOnly {
				open = OpenReadOnly
			}
			idx, err := open(dir)
			if err == nil {
				idx.Close()
				t.Fatal("opened without an error")
			}
			if !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), dir) || strings.Contains(err.Error(), "not a fangtan index") {
				t.Errorf("error %q, want it to name %s and say %q", err, dir, tc.want)
			}
		})
	}
}

// TestRebuildThroughSymlink: a rebuild through a symbolic link (also a link
// to a link) rebuilds the index it points to and keeps the link.
func TestRebuildThroughSymlink(t *testing.T) {
	idx, real := buildFixture(t)
	idx.Close()
	dir := t.TempDir()
	link := filepath.Join(dir, "current")
	link2 := filepath.Join(dir, "alias")
	if err := os.Symlink(real, link); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(link, link2); err != nil {
		t.Fatal(err)
	}
	for i, via := range []string{link, link2} {
		docs := fixtureDocs(t)[:1]
		docs[0].ID = fmt.Sprintf("only-%d", i)
		if _, err := Build(context.Background(), via, DocumentsSource(docs), BuildOptions{}); err != nil {
			t.Fatal(err)
		}
		for _, l := range []string{link, link2} {
			if fi, err := os.Lstat(l); err != nil || fi.Mode()&os.ModeSymlink == 0 {
				t.Fatalf("%s is no longer a symbolic link (%v)", l, err)
			}
		}
		got, err := Open(real)
		if err != nil {
			t.Fatal(err)
		}
		if a, _ := counts(t, got); a != 1 {
			t.Errorf("the link's target holds %d articles, want the rebuilt 1", a)
		}
		if _, err := got.Document(context.Background(), docs[0].ID, ""); err != nil {
			t.Errorf("the rebuilt document in the target: %v", err)
		}
		got.Close()
		if l := append(leftovers(t, link), leftovers(t, real)...); len(l) > 0 {
			t.Errorf("leftovers %v", l)
		}
	}
}

// TestBuildPreparesInStages: a build's Prepare sees the registry as the
// stages before its document left it (fangtan.Stages), with any number of
// workers, so that a build is repeatable.
func TestBuildPreparesInStages(t *testing.T) {
	for _, workers := range []int{1, 4} {
		t.Run(fmt.Sprint(workers, " workers"), func(t *testing.T) {
			docs, opts, check := conformance.Staged(t, workers)
			opts.NoCompact = true
			if _, err := Build(context.Background(), filepath.Join(t.TempDir(), "idx"), DocumentsSource(docs), opts); err != nil {
				t.Fatal(err)
			}
			check()
		})
	}
}
