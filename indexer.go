package fangtan

import (
	"context"
	"errors"
	"slices"
	"time"
)

// The write side of an index, beside Searcher: the CLI builds, adds and
// deletes through Indexer, so that another backend can stand in for the
// bleve directory of package index.

// Indexer writes an index.
type Indexer interface {
	// Build indexes every document of src into a new index that replaces
	// the previous one only when it is complete: until then, and if the
	// build fails, the previous index keeps answering. A source without
	// documents is ErrNoDocuments.
	Build(ctx context.Context, src Source, opts BuildOptions) (Stats, error)
	// Add indexes docs, replacing any document with the same id or from
	// the same file together with its quotes: adding a file again updates
	// it and never duplicates it.
	Add(ctx context.Context, docs []Document, opts BuildOptions) (Stats, error)
	// Delete removes the documents with the given ids (articles with their
	// quotes, or single quotes). Ids not in the index are reported in an
	// error wrapping ErrNotFound after the others are deleted. A deleted
	// article's reprint takes its place; where only versions remain
	// (Promote), opts.Prepare prepares them from their own texts.
	Delete(ctx context.Context, ids []string, opts BuildOptions) (deleted int, err error)
}

// Source emits the documents a build indexes, in any order. It stops when
// emit returns an error and returns that error.
type Source func(ctx context.Context, emit func(Document) error) error

// DocumentsSource is a Source over documents already in memory.
func DocumentsSource(docs []Document) Source {
	return func(ctx context.Context, emit func(Document) error) error {
		for _, d := range docs {
			if err := emit(d); err != nil {
				return err
			}
		}
		return nil
	}
}

// BuildOptions tune Build. The zero value is a sensible default.
type BuildOptions struct {
	// Workers prepare and analyze documents in parallel (default: GOMAXPROCS).
	Workers int
	// BatchSize is the number of documents (articles and quotes) a
	// backend writes per batch (default 1000).
	BatchSize int
	// NoCompact (bleve) leaves the new index in the segments the build wrote
	// instead of merging them into one before moving it into place. On all
	// of xwlb (19,876 articles, 28.9 MB of text) merging took 11% more
	// time (67.6 instead of 60.8 s) and made the index 16% smaller (209 →
	// 176 MB), which keeps it smaller than bleve's cjk default's.
	NoCompact bool
	// Prepare, if set, runs on every document in the workers before it is
	// indexed: the place for extraction, which is as costly as analysis.
	Prepare func(*Document)
	// Registry, if set, collects every prepared article's officials (the
	// corpus-level list of officials), is applied to the whole index at
	// the end through Enrich, and is saved in the index directory.
	Registry *Registry
	// Enrich adds to an article the officials of reg among names
	// that it mentions (extract.Extractor.AddRegistered), reporting
	// whether it changed the article.
	Enrich func(doc *Document, reg *Registry, names []string) bool
	// Recheck, if set, names the registered people whose listing as an
	// official the whole registry may not bear out
	// (extract.Recheck): the registry's pass hands Enrich the articles
	// that name them even where they list them, so that it may withdraw
	// them.
	Recheck func(reg *Registry) []string
	// Known, if set, is told before any document is prepared which
	// registry holds the officials the index knows (Build: a copy of
	// Registry as the stages of documents before the one being prepared
	// left it, see Stages; Add: the index's own), so that Prepare can list
	// them in the articles that name them (extract.Extractor.UseRegistry).
	Known func(reg *Registry)
	// Progress, if set, is called about every ProgressEvery (default 200ms)
	// and once at the end, from one goroutine.
	Progress      func(Progress)
	ProgressEvery time.Duration
}

// Progress is how far a build or an add has come.
type Progress struct {
	Documents int           // articles indexed
	Quotes    int           // quote documents indexed
	Bytes     int64         // bytes of article text indexed
	Elapsed   time.Duration // since the build or add started
	Done      bool          // the last report, once everything is written
	// Stage is what the build or add is doing; Step of Steps measure the
	// registry's pass (names looked for), the merge has no measure.
	Stage       Stage
	Step, Steps int
	// Read of ToRead are the articles the registry's pass has read of
	// those found naming an official they do not list, once every name
	// has been looked for; the articles that gained one are written last.
	Read, ToRead int
}

// Stage is a part of a build or an add, in the order they run.
type Stage string

const (
	// StageIndex reads, extracts and indexes the documents.
	StageIndex Stage = "index"
	// StageRegistry looks for every registered official in the whole
	// index (BuildOptions.Registry): 4 s of a build of xwlb, 25 s of
	// xwlb with hkcnews.
	StageRegistry Stage = "registry"
	// StageMerge merges the new index's segments (Build, unless
	// NoCompact) and waits for the files merged away to be deleted.
	StageMerge Stage = "merge"
)

// Skipped is a document a build left out, and why.
type Skipped struct {
	ID     string `json:"id"`
	File   string `json:"file"`
	Reason string `json:"reason"`
}

// Stats summarize a build or an add.
type Stats struct {
	Documents int           `json:"documents"`
	Quotes    int           `json:"quotes"`
	Bytes     int64         `json:"bytes"`
	Elapsed   time.Duration `json:"elapsed_ns"`
	Skipped   []Skipped     `json:"skipped,omitempty"`
	// Shortened are documents indexed with a title or authors cut to the
	// caps (MaxTitleRunes, MaxAuthorRunes, MaxAuthors), and why.
	Shortened []Skipped `json:"shortened,omitempty"`
	// Reprints are documents folded into the article they reprint
	// (Reprint), not counted in Documents.
	Reprints int `json:"reprints,omitempty"`
	// Registry: officials registered, articles the registry's pass
	// changed (an official gained, or withdrawn: BuildOptions.Recheck),
	// and the time that pass took (part of Elapsed).
	RegistryOfficials int           `json:"registry_officials,omitempty"`
	RegistryArticles  int           `json:"registry_articles,omitempty"`
	RegistryElapsed   time.Duration `json:"registry_elapsed_ns,omitempty"`
}

// MBPerSecond is the text throughput of the build.
func (s Stats) MBPerSecond() float64 {
	if s.Elapsed <= 0 {
		return 0
	}
	return float64(s.Bytes) / 1e6 / s.Elapsed.Seconds()
}

// ErrNoDocuments reports a build whose source gave no document to index;
// the previous index, if any, is kept.
var ErrNoDocuments = errors.New("no documents to index; the previous index, if any, is kept")

// Tick calls o.Progress with what at returns, every o.ProgressEvery,
// until the returned stop is called; stop returns once no call is left
// running. Without o.Progress it does nothing.
func (o BuildOptions) Tick(at func() Progress) (stop func()) {
	if o.Progress == nil {
		return func() {}
	}
	every := o.ProgressEvery
	if every <= 0 {
		every = 200 * time.Millisecond
	}
	quit, done := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(done)
		t := time.NewTicker(every)
		defer t.Stop()
		for {
			select {
			case <-t.C:
				o.Progress(at())
			case <-quit:
				return
			}
		}
	}()
	return func() {
		close(quit)
		<-done
	}
}

// Ready prepares d as every backend does before it indexes it: Prepare
// (extraction), then its officials noted in Registry.
func (o BuildOptions) Ready(d *Document) {
	if o.Prepare != nil {
		o.Prepare(d)
	}
	if o.Registry != nil {
		o.Registry.Note(d)
	}
}

// RegistryNames returns the names a registry's pass over reg looks for:
// names, the aliases of names (林郑 and 林太 of 林郑月娥: an article may
// name the person only so), and those Recheck gives, which it also
// returns as a set.
func (o BuildOptions) RegistryNames(reg *Registry, names []string) ([]string, map[string]bool) {
	names = append(slices.Clip(names), reg.AliasesOf(names)...)
	if o.Recheck == nil {
		return names, nil
	}
	recheck := map[string]bool{}
	for _, n := range o.Recheck(reg) {
		recheck[n] = true
	}
	out := slices.Clip(names)
	in := make(map[string]bool, len(names))
	for _, n := range names {
		in[n] = true
	}
	for n := range recheck {
		if !in[n] {
			out = append(out, n)
		}
	}
	slices.Sort(out[len(names):])
	return out, recheck
}
