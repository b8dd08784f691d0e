// Package index is fangtan's search engine: a bleve index on disk holding
// articles and their quotes, the query language, BM25 ranking, facets,
// highlighting, quote search and suggestions. *Index implements
// fangtan.Searcher.
//
// Text is indexed twice: with the word analyzer (jieba, for ranking) and
// with the exact analyzer (character bigrams, for quoted phrases and
// substring recall). Metadata values are folded to Simplified, so
// Traditional and Simplified queries and filters find the same documents.
package index

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/search/query"

	"fangtan"
	"fangtan/analyzer"
	"fangtan/internal/gencache"
)

// Index is an open fangtan index. It is safe for concurrent use: searches
// run while documents are added or deleted.
type Index struct {
	path     string
	idx      bleve.Index
	word     analysis.Analyzer
	b        *docBuilder
	readOnly bool

	closeOnce sync.Once
	closeErr  error

	// reg is the index's registry of officials (fangtan.Registry); its
	// aliases turn a filter typed as an alias into the person's name.
	reg *fangtan.Registry

	writeMu sync.Mutex    // one Add or Delete at a time, so upserts see each other
	gen     atomic.Uint64 // bumped by every write: the caches below keep values of one generation
	sugMu   sync.Mutex
	sug     *suggestions
	// facets remembers the facet counts of recent queries. Counting facets
	// visits every match, which for a frequent word is a good part of a
	// search; paging through results, and the same query asked again,
	// reuse the counts.
	facets gencache.Cache[uint64, map[string][]fangtan.FacetCount]
	ranks  gencache.Cache[uint64, *window] // the first ranks of recent searches (windows.go)
	// reprintsByArticle holds every reprint of the index, by article
	// (reprintsOf), under the key "".
	reprintsByArticle gencache.Cache[uint64, map[string][]fangtan.Reprint]
	columns           facetColumns            // each segment's facet values, for counting
	bm25              atomic.Pointer[bm25Set] // the ranking statistics of a generation (rankstats.go)
	warming           sync.WaitGroup          // warmUp, which Close waits for
}

var _ fangtan.Searcher = (*Index)(nil)

// Open opens the index at path for searching and updating. Only one process
// may hold an index open for writing; a second one gets an error wrapping
// fangtan.ErrUnavailable after a few seconds instead of waiting forever.
func Open(path string) (*Index, error) { return open(path, false) }

// OpenReadOnly opens the index at path for searching only; several
// processes may do so at once.
func OpenReadOnly(path string) (*Index, error) { return open(path, true) }

func open(path string, readOnly bool) (*Index, error) {
	path = filepath.Clean(path)
	notIndex := func(why string) error {
		return fmt.Errorf("index %s: not a fangtan index (%s)", path, why)
	}
	fi, err := os.Stat(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil, notIndex("no such directory; build one with 'fangtan index --index " + path + "'")
	}
	if err != nil {
		return nil, fmt.Errorf("index %s: %w", path, err)
	}
	if !fi.IsDir() {
		return nil, notIndex("not a directory")
	}
	meta, err := os.ReadFile(filepath.Join(path, "index_meta.json"))
	if err != nil {
		return nil, notIndex("index_meta.json is missing")
	}
	// bleve pads the file with NUL bytes.
	if !json.Valid(bytes.TrimRight(meta, "\x00")) {
		return nil, notIndex("index_meta.json is not JSON")
	}
	// From here on the directory is a bleve index; what goes wrong says
	// which of three things happened, which "not a fangtan index" hid: the
	// disk refuses writes, another fangtan built it, or it is damaged.
	damaged := func(why string) error {
		return fmt.Errorf("index %s: damaged (%s); rebuild it with 'fangtan index --index %s'", path, why, path)
	}
	idx, err := openBleve(path, readOnly)
	if err != nil {
		switch {
		case isTimeout(err):
			return nil, fmt.Errorf("index %s: in use by another process: %w", path, fangtan.ErrUnavailable)
		case errors.Is(err, syscall.EROFS) || strings.Contains(err.Error(), syscall.EROFS.Error()):
			return nil, fmt.Errorf("index %s: on a read-only file system, so it cannot be changed (search and serve can still read it): %w", path, err)
		case errors.Is(err, fs.ErrPermission):
			return nil, fmt.Errorf("index %s: no permission to open it for writing: %w", path, err)
		case strings.Contains(err.Error(), "no analyzer with name") && strings.Contains(err.Error(), "fangtan_"):
			// An index of an older fangtan names analyzers this one no
			// longer has; bleve refuses its mapping before fangtan can
			// read the format version.
			return nil, fmt.Errorf("index %s: built by another version of fangtan (%v); rebuild it with 'fangtan index --index %s'", path, err, path)
		}
		return nil, damaged(err.Error())
	}
	fail := func(err error) (*Index, error) {
		_ = idx.Close()
		return nil, err
	}
	marker, err := idx.GetInternal(markerKey)
	if err != nil {
		return fail(damaged(err.Error()))
	}
	if string(marker) != formatVersion {
		if marker == nil {
			// bleve (since v2.6.2) opens an index whose segments do not
			// load as an empty one, logging "unable to load snapshot":
			// segment files on disk but no marker is damage, not another
			// program's index.
			if segs, _ := filepath.Glob(filepath.Join(path, "store", "*.zap")); len(segs) > 0 {
				return fail(damaged("its segment files do not load"))
			}
			return fail(notIndex("a bleve index without fangtan's marker"))
		}
		return fail(fmt.Errorf("index %s: built by another version of fangtan (format version %q, this one reads %q); rebuild it with 'fangtan index --index %s'", path, marker, formatVersion, path))
	}
	b, err := newDocBuilder(idx.Mapping())
	if err != nil {
		return fail(fmt.Errorf("index %s: %w", path, err))
	}
	recorded, err := idx.GetInternal(dictionariesKey)
	if err != nil {
		return fail(notIndex(err.Error()))
	}
	if err := checkDictionaries(path, recorded, dictionariesOf(b.word)); err != nil {
		return fail(err)
	}
	reg, err := fangtan.LoadRegistry(path)
	if err != nil {
		return fail(fmt.Errorf("index %s: %w", path, err))
	}
	x := &Index{path: path, idx: idx, word: b.word, b: b, readOnly: readOnly, reg: reg}
	if readOnly {
		// A process that opens an index read-only searches it; one that
		// writes (add, delete) mostly does not count facets at all.
		x.warming.Go(x.warmUp)
	}
	return x, nil
}

// warmUp reads the facet columns of the index's segments, the ranking
// statistics and every reprint in the background, so that the first
// search after opening does not wait for them (columns 15–19 ms on xwlb;
// reprints about 270 ms on xwlb + hkcnews, during which searches ask for
// their page's reprints only, as they go on doing if this read fails). A
// search that comes first reads the columns itself; an error here is that
// search's to report.
func (x *Index) warmUp() {
	snap, release, err := x.snapshot()
	if err != nil {
		return
	}
	x.columns.of(snap)
	release()
	_, _ = x.rankStats(context.Background())
	gen := x.gen.Load()
	if all, err := x.allReprints(context.Background()); err == nil {
		x.reprintsByArticle.Put(gen, "", all)
	}
}

// snapshot returns the index's current scorch snapshot, to be released
// after use.
func (x *Index) snapshot() (*scorch.IndexSnapshot, func(), error) {
	adv, err := x.idx.Advanced()
	if err != nil {
		return nil, nil, err
	}
	r, err := adv.Reader()
	if err != nil {
		return nil, nil, err
	}
	snap, ok := r.(*scorch.IndexSnapshot)
	if !ok {
		r.Close()
		return nil, nil, fmt.Errorf("index %s: reader %T is not a scorch snapshot", x.path, r)
	}
	return snap, func() { r.Close() }, nil
}

// openBleve opens the bleve index at path. bleve panics on some damaged
// segment files instead of returning an error; that becomes an error here.
func openBleve(path string, readOnly bool) (idx bleve.Index, err error) {
	defer func() {
		if r := recover(); r != nil {
			idx, err = nil, fmt.Errorf("bleve panicked reading it: %v", r)
		}
	}()
	return bleve.OpenUsing(path, map[string]interface{}{
		"read_only":    readOnly,
		"bolt_timeout": boltTimeout,
		// Build's unsafe_batch is saved in index_meta.json and would apply
		// to every later Add, whose Close then drops batches the persister
		// has not reached yet (an add of 1,000 documents kept 750).
		"unsafe_batch": false,
		// Build's error callback, saved there too, only serves builds.
		"asyncErrorCallbackName": "",
	})
}

// isTimeout recognizes bbolt's ErrTimeout ("timeout"), which bleve passes
// up without wrapping it for errors.Is.
func isTimeout(err error) bool {
	for e := err; e != nil; e = errors.Unwrap(e) {
		if e.Error() == "timeout" {
			return true
		}
	}
	return false
}

// Path returns the directory the index lives in.
func (x *Index) Path() string { return x.path }

// Close releases the index. Closing twice is harmless.
func (x *Index) Close() error {
	x.closeOnce.Do(func() {
		x.warming.Wait()
		x.closeErr = x.idx.Close()
	})
	return x.closeErr
}

// Count returns the number of articles and of quotes in the index.
func (x *Index) Count(ctx context.Context) (articles, quotes uint64, err error) {
	for _, t := range []struct {
		typ string
		n   *uint64
	}{{typeArticle, &articles}, {typeQuote, &quotes}} {
		q := query.NewTermQuery(t.typ)
		q.SetField(fieldType)
		req := bleve.NewSearchRequestOptions(q, 0, 0, false)
		res, err := x.idx.SearchInContext(ctx, req)
		if err != nil {
			return 0, 0, fmt.Errorf("index %s: count: %w", x.path, err)
		}
		*t.n = res.Total
	}
	return articles, quotes, nil
}

// Add indexes docs, replacing any document with the same id or from the same
// file together with its quotes: adding a file again updates it and never
// duplicates it. Searches running meanwhile see each document either before
// or after, never missing.
func (x *Index) Add(ctx context.Context, docs []fangtan.Document, opts BuildOptions) (Stats, error) {
	if x.readOnly {
		return Stats{}, fmt.Errorf("index %s: opened read-only", x.path)
	}
	x.writeMu.Lock()
	defer x.writeMu.Unlock()
	defer x.gen.Add(1)
	// One worker: the documents replaced by one batch are found by searching
	// the index, which must not race with another batch of the same add.
	opts.Workers = 1
	w := &writer{idx: x.idx, b: x.b, opts: opts, written: func() { x.gen.Add(1) }}
	if w.opts.BatchSize <= 0 {
		w.opts.BatchSize = 500
	}
	if w.opts.ProgressEvery <= 0 {
		w.opts.ProgressEvery = 200 * time.Millisecond
	}
	// Ids this add has written in earlier batches: they come from the same
	// files as later batches, and must not be replaced by them (a JSON lines
	// file of 3,000 records kept only its last batch).
	written := make(map[string]bool)
	// New articles' officials join the index's registry. The officials it
	// already holds are looked for in the new articles as they are
	// prepared; the names new to it, in the whole index afterwards.
	var added *fangtan.Registry
	known := map[string]bool{}
	if opts.Registry != nil {
		var names []string
		if x.reg != nil {
			names = x.reg.Names()
		}
		for _, n := range names {
			known[n] = true
		}
		switch {
		case x.reg == nil:
		case opts.Known != nil:
			opts.Known(x.reg) // Prepare consults it
		case opts.Enrich != nil:
			// A Prepare that cannot consult the registry itself: look for
			// every known name in each new article here.
			prepare := opts.Prepare
			w.opts.Prepare = func(d *fangtan.Document) {
				if prepare != nil {
					prepare(d)
				}
				opts.Enrich(d, x.reg, names)
			}
		}
		added = fangtan.NewRegistry()
		w.opts.Registry = added
	}
	// A document reprints no article this add deletes or writes again: one
	// from a file it adds again, or with an id it adds again (then the new
	// text, once admitted, is the one compared). Demoting an indexed
	// article that the same add replaces would lose the new text.
	incoming, files := make(map[string]bool), make(map[string]bool)
	for _, d := range docs {
		incoming[d.ID] = true
		if d.File != "" {
			files[d.File] = true
		}
	}
	kept := func(d *fangtan.Document) bool { return !incoming[d.ID] && !files[d.File] }
	w.reprints.Indexed = func(p, tp string) ([]fangtan.Printed, error) { return x.printed(ctx, p, tp, kept) }
	stats, err := w.run(ctx, DocumentsSource(docs), func(b *bleve.Batch, pending []*fangtan.Document) error {
		ids, err := x.replaced(ctx, pending)
		if err != nil {
			return err
		}
		// A batch replaces documents whose ids it indexes again; the others
		// (quotes a new version no longer has, articles gone from a file)
		// are deleted in the same batch, so searches never see both.
		kept := make(map[string]bool)
		for _, d := range pending {
			kept[d.ID] = true
			for n := range d.Quotes {
				kept[fangtan.QuoteID(d.ID, n)] = true
			}
		}
		gone := make(map[string]bool)
		for _, id := range ids {
			if !kept[id] && !written[id] {
				b.Delete(id)
				gone[id] = true
			}
		}
		// An article gone from its file leaves its first reprint the
		// article, as a delete does.
		var articles []query.Query
		for id := range gone {
			if !strings.Contains(id, "#q") {
				articles = append(articles, termQuery(fieldDocID, id))
			}
		}
		var reprinted []fangtan.Reprint
		if len(articles) > 0 {
			if reprinted, err = x.reprints(ctx, query.NewDisjunctionQuery(articles)); err != nil {
				return err
			}
		}
		for id := range fangtan.ReprintsByArticle(reprinted) {
			d, err := x.article(ctx, id)
			if err != nil || d == nil {
				if err != nil {
					return err
				}
				continue
			}
			promoted, err := x.promote(ctx, b, d, gone, w.opts.Prepare)
			if err != nil {
				return err
			}
			for _, id := range promoted {
				written[id] = true
			}
		}
		for id := range kept {
			written[id] = true
		}
		return nil
	})
	if err == nil {
		// The index's registry changes only in an add that saves it.
		indexReg := x.reg
		if added == nil {
			indexReg = nil
		}
		err = x.demote(ctx, w.reprints.Demotions(), &stats, added, indexReg)
	}
	if err == nil {
		err = saveRankStats(x.idx, &w.terms)
	}
	if err != nil {
		return stats, fmt.Errorf("index %s: add: %w", x.path, err)
	}
	if added != nil {
		if x.reg == nil {
			x.reg = fangtan.NewRegistry()
		}
		x.reg.SetAliases(opts.Registry.AliasesOr(x.reg))
		x.reg.Merge(added)
		var fresh []string
		for _, n := range added.Names() {
			if !known[n] {
				fresh = append(fresh, n)
			}
		}
		report(opts, Progress{Stage: StageRegistry, Elapsed: stats.Elapsed})
		if err := applyAndSaveRegistry(ctx, x, x.reg, fresh, opts, &stats); err != nil {
			return stats, fmt.Errorf("index %s: add: %w", x.path, err)
		}
	}
	reportDone(opts, stats)
	return stats, nil
}

// replaced returns the ids of every indexed document that docs replace:
// the same ids, anything from the same files, and their quotes.
func (x *Index) replaced(ctx context.Context, docs []*fangtan.Document) ([]string, error) {
	var byID, byFile []query.Query
	for _, d := range docs {
		byID = append(byID, quotesOf(d.ID))
		ids := query.NewDocIDQuery([]string{d.ID})
		byID = append(byID, ids)
		if d.File != "" {
			byFile = append(byFile, termQuery(fieldFile, d.File))
		}
	}
	q := query.NewDisjunctionQuery(append(byID, byFile...))
	found, err := x.allIDs(ctx, q)
	if err != nil {
		return nil, err
	}
	// Articles found through their file bring their quotes too.
	var more []query.Query
	for _, id := range found {
		more = append(more, quotesOf(id))
	}
	if len(more) > 0 {
		quotes, err := x.allIDs(ctx, query.NewDisjunctionQuery(more))
		if err != nil {
			return nil, err
		}
		found = append(found, quotes...)
	}
	return found, nil
}

// allIDs returns the ids of every document matching q.
func (x *Index) allIDs(ctx context.Context, q query.Query) ([]string, error) {
	var ids []string
	const page = 1000
	for from := 0; ; from += page {
		req := bleve.NewSearchRequestOptions(q, page, from, false)
		res, err := x.idx.SearchInContext(ctx, req)
		if err != nil {
			return nil, err
		}
		for _, h := range res.Hits {
			ids = append(ids, h.ID)
		}
		if len(res.Hits) < page {
			return ids, nil
		}
	}
}

// Delete removes the documents with the given ids (articles with their
// quotes, or single quotes). Ids not in the index are reported in an error
// wrapping fangtan.ErrNotFound after the others are deleted. opts.Prepare
// prepares the versions that become articles again.
func (x *Index) Delete(ctx context.Context, ids []string, opts BuildOptions) (deleted int, err error) {
	if x.readOnly {
		return 0, fmt.Errorf("index %s: opened read-only", x.path)
	}
	x.writeMu.Lock()
	defer x.writeMu.Unlock()
	defer x.gen.Add(1)
	var missing, articles []string
	gone := make(map[string]bool)
	batch := x.idx.NewBatch()
	for _, id := range ids {
		found, err := x.allIDs(ctx, query.NewDocIDQuery([]string{id}))
		if err != nil {
			return 0, fmt.Errorf("index %s: delete: %w", x.path, err)
		}
		if len(found) == 0 {
			missing = append(missing, id)
			continue
		}
		quotes, err := x.allIDs(ctx, quotesOf(id))
		if err != nil {
			return 0, fmt.Errorf("index %s: delete: %w", x.path, err)
		}
		for _, q := range append(found, quotes...) {
			batch.Delete(q)
			gone[q] = true
		}
		deleted++
		articles = append(articles, id)
	}
	// An article's first reprint takes its place; a reprint deleted in the
	// same call does not.
	prepare := opts.Prepare
	if prepare != nil && opts.Known != nil && x.reg != nil {
		opts.Known(x.reg)
	}
	for _, id := range articles {
		d, err := x.article(ctx, id)
		if err != nil {
			return 0, fmt.Errorf("index %s: delete: %w", x.path, err)
		}
		if d == nil {
			continue // a quote or a reprint
		}
		if _, err := x.promote(ctx, batch, d, gone, prepare); err != nil {
			return 0, fmt.Errorf("index %s: delete %s: %w", x.path, id, err)
		}
	}
	if batch.Size() > 0 {
		if err := x.idx.Batch(batch); err != nil {
			return 0, fmt.Errorf("index %s: delete: %w", x.path, err)
		}
	}
	if len(missing) > 0 {
		return deleted, fmt.Errorf("index %s: delete %q: %w", x.path, missing, fangtan.ErrNotFound)
	}
	return deleted, nil
}

// quotesOf matches the quotes of the article id (not its reprints, which
// name it in the same field).
func quotesOf(id string) query.Query {
	return query.NewConjunctionQuery([]query.Query{termQuery(fieldDocID, id), termQuery(fieldType, typeQuote)})
}

func termQuery(field, term string) *query.TermQuery {
	q := query.NewTermQuery(term)
	q.SetField(field)
	return q
}

// ensure the analyzer package (and its bleve registrations) is linked in.
var _ = analyzer.WordAnalyzerName
