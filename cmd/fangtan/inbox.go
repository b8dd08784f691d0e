package main

// serve --inbox DIR: live updates without a write endpoint on the HTTP
// port. Whoever may write into DIR may add documents; the HTTP port stays
// read-only.
//
// A file's life, each step one rename so that a kill -9 anywhere leaves it
// in exactly one place:
//
//	DIR/NAME  --claim-->  DIR/.processing/NAME  --indexed-->  DIR/done/NAME
//	                                            --refused-->  DIR/failed/NAME (+ NAME.reason)
//
// A file is acknowledged when it reaches done, and only after Index.Add has
// returned, which is after bleve has persisted the batch (the index is
// opened without unsafe_batch). What is in .processing at startup was in
// flight when the previous server died; it is indexed again, and Add
// replaces the documents of the same file and ids, so a second pass never
// duplicates them.

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"fangtan"
	"fangtan/corpus"
	"fangtan/extract"
	"fangtan/index"
)

const (
	inboxProcessing = ".processing"
	inboxDone       = "done"
	inboxFailed     = "failed"
	// inboxMaxTries bounds how often a file whose documents the index
	// refuses to write (not a file that cannot be read) is tried before it
	// is failed: a full disk should not fail every file dropped meanwhile.
	inboxMaxTries = 3
)

// inboxFlags are serve's flags for live updates.
type inboxFlags struct {
	dir             *string
	poll            *time.Duration
	themes, aliases *string
}

func addInboxFlags(fs *flag.FlagSet) *inboxFlags {
	return &inboxFlags{
		dir:     fs.String("inbox", "", "directory to watch for files to add to the index while serving (opens the index for writing); files go to DIR/done or DIR/failed"),
		poll:    fs.Duration("inbox-poll", 500*time.Millisecond, "how often --inbox is looked at; a file is taken once its size and time held still for one look"),
		themes:  fs.String("themes", "", "with --inbox: "+themesUsage),
		aliases: fs.String("aliases", "", "with --inbox: alias file, as for 'fangtan index' (use the one the index was built with)"),
	}
}

// liveIndex is the writable index the inbox adds to. The reloader replaces
// it under mu, so an add never runs on an index being swapped out.
type liveIndex struct {
	mu     sync.Mutex
	path   string
	idx    *index.Index
	opened os.FileInfo // the index directory idx was opened from
	// replayFrom, when set, is the start of a rebuild that was swapped
	// in: files acknowledged since then may be missing from it.
	replayFrom time.Time
}

// errIndexMoved: a rebuild has moved a new index into place that the
// reloader has not opened yet. Adding to the old one would be lost with it.
var errIndexMoved = errors.New("the index directory was replaced by a rebuild; waiting for the server to open it")

func (l *liveIndex) add(ctx context.Context, docs []fangtan.Document, opts index.BuildOptions) (index.Stats, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if fi, err := os.Stat(l.path); err != nil || !os.SameFile(fi, l.opened) {
		return index.Stats{}, errIndexMoved
	}
	return l.idx.Add(ctx, docs, opts)
}

// swap runs do (which makes idx the served index) with no add running, and
// asks the inbox to replay what was acknowledged since buildStart.
func (l *liveIndex) swap(idx *index.Index, opened os.FileInfo, buildStart time.Time, do func()) {
	l.mu.Lock()
	defer l.mu.Unlock()
	do()
	l.idx, l.opened = idx, opened
	if l.replayFrom.IsZero() || buildStart.Before(l.replayFrom) {
		l.replayFrom = buildStart
	}
}

func (l *liveIndex) takeReplay() time.Time {
	l.mu.Lock()
	defer l.mu.Unlock()
	t := l.replayFrom
	l.replayFrom = time.Time{}
	return t
}

// buildStart is when the index at dir was created: bleve writes
// index_meta.json once, when a build starts.
func buildStart(dir string) time.Time {
	fi, err := os.Stat(filepath.Join(dir, "index_meta.json"))
	if err != nil {
		return time.Time{}
	}
	return fi.ModTime()
}

// fileSig is what a poll remembers of a candidate file: a file is taken
// only once it has not changed between two polls.
type fileSig struct {
	size int64
	mod  time.Time
}

type inbox struct {
	dir   string
	poll  time.Duration
	log   *slog.Logger
	live  *liveIndex
	ex    *extract.Extractor
	seen  map[string]fileSig
	tries map[string]int
}

// newInbox checks DIR and makes its sub-directories, so that a mistake is
// reported when serve starts rather than in the log later.
func newInbox(f *inboxFlags, dictDir, indexDir string, log *slog.Logger) (*inbox, error) {
	dir := filepath.Clean(*f.dir)
	fi, err := os.Stat(dir)
	if err != nil {
		return nil, fmt.Errorf("inbox %s: %w", dir, err)
	}
	if !fi.IsDir() {
		return nil, fmt.Errorf("inbox %s: not a directory", dir)
	}
	if *f.poll <= 0 {
		return nil, fmt.Errorf("inbox %s: --inbox-poll must be positive, not %v", dir, *f.poll)
	}
	if absIn, err1 := filepath.Abs(dir); err1 == nil {
		if absIdx, err2 := filepath.Abs(indexDir); err2 == nil &&
			(absIn == absIdx || strings.HasPrefix(absIn, absIdx+string(filepath.Separator))) {
			return nil, fmt.Errorf("inbox %s: inside the index directory %s; a rebuild would delete it", dir, indexDir)
		}
	}
	for _, sub := range []string{inboxProcessing, inboxDone, inboxFailed} {
		if err := os.MkdirAll(filepath.Join(dir, sub), 0o755); err != nil {
			return nil, fmt.Errorf("inbox %s: %w", dir, err)
		}
	}
	ef := &extractorFlags{dictDir: &dictDir, themes: f.themes, aliases: f.aliases}
	ex, err := ef.extractor()
	if err != nil {
		return nil, fmt.Errorf("inbox %s: %w", dir, err)
	}
	return &inbox{dir: dir, poll: *f.poll, log: log, ex: ex, seen: map[string]fileSig{}, tries: map[string]int{}}, nil
}

func (b *inbox) sub(parts ...string) string {
	return filepath.Join(append([]string{b.dir}, parts...)...)
}

// run finishes what a previous server left in .processing, then polls
// until ctx is done. A file being indexed when ctx ends stays claimed and
// is indexed again by the next server.
func (b *inbox) run(ctx context.Context) {
	t := time.NewTicker(b.poll)
	defer t.Stop()
	for {
		if from := b.live.takeReplay(); !from.IsZero() {
			b.replay(ctx, from)
		}
		b.drainClaimed(ctx)
		b.scan(ctx)
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

// drainClaimed indexes the files in .processing: left by a killed server,
// or waiting for an index that refused them or was being swapped.
func (b *inbox) drainClaimed(ctx context.Context) {
	entries, err := os.ReadDir(b.sub(inboxProcessing))
	if err != nil {
		b.log.Error("inbox: cannot list claimed files", "dir", b.sub(inboxProcessing), "err", err)
		return
	}
	for _, e := range entries {
		if ctx.Err() != nil {
			return
		}
		b.handle(ctx, e.Name())
	}
}

// scan claims the files of DIR that held still since the previous scan.
// Dot-files are skipped: writers should write NAME elsewhere (or as
// .NAME in DIR) and rename it in, which makes it appear whole.
func (b *inbox) scan(ctx context.Context) {
	entries, err := os.ReadDir(b.dir)
	if err != nil {
		b.log.Error("inbox: cannot list", "dir", b.dir, "err", err)
		return
	}
	now := map[string]fileSig{}
	var ready []string
	for _, e := range entries {
		name := e.Name()
		if strings.HasPrefix(name, ".") || name == inboxDone || name == inboxFailed {
			continue
		}
		fi, err := os.Stat(b.sub(name)) // follows a symbolic link to its file
		if err != nil {
			continue // gone meanwhile, or a broken link: looked at again next time
		}
		if fi.IsDir() {
			continue // directories are not taken apart; drop files
		}
		sig := fileSig{fi.Size(), fi.ModTime()}
		now[name] = sig
		// Unchanged for a poll interval: seen so at the previous scan, or
		// last written that long ago (a file renamed in keeps the time it
		// was written, so it is taken at the first scan that sees it).
		if prev, ok := b.seen[name]; (ok && prev == sig) || time.Since(sig.mod) >= b.poll {
			ready = append(ready, name)
		}
	}
	b.seen = now
	for _, name := range ready {
		if ctx.Err() != nil {
			return
		}
		if err := os.Rename(b.sub(name), b.sub(inboxProcessing, name)); err != nil {
			b.log.Error("inbox: cannot claim", "file", b.sub(name), "err", err)
			continue
		}
		delete(b.seen, name)
		b.handle(ctx, name)
	}
}

// handle indexes one claimed file and moves it to done, or to failed with
// the reason; an index error (not the file's fault) leaves it claimed for
// another try.
func (b *inbox) handle(ctx context.Context, name string) {
	claimed := b.sub(inboxProcessing, name)
	fi, err := os.Stat(claimed)
	if err != nil {
		b.fail(name, fmt.Sprintf("cannot read: %v", err))
		return
	}
	if !fi.Mode().IsRegular() {
		// Opening a named pipe would wait for a writer forever.
		b.fail(name, "not a regular file ("+fi.Mode().Type().String()+")")
		return
	}
	if !corpus.SupportedFile(name) {
		b.fail(name, fmt.Sprintf("unsupported file type %q: the inbox reads .txt .html .md .jsonl .json", filepath.Ext(name)))
		return
	}
	start := time.Now()
	docs, rep, err := loadFile(ctx, claimed)
	if err != nil {
		if ctx.Err() == nil {
			b.fail(name, fmt.Sprintf("cannot read: %v", err))
		}
		return
	}
	if len(docs) == 0 {
		b.fail(name, "no documents could be read:\n"+problems(rep, nil))
		return
	}
	stats, err := b.live.add(ctx, docs, b.ex.BuildOptions())
	if err != nil {
		if ctx.Err() != nil {
			return
		}
		if errors.Is(err, errIndexMoved) {
			b.log.Info("inbox: waiting for the rebuilt index before adding", "file", name)
			return
		}
		b.tries[name]++
		if b.tries[name] < inboxMaxTries {
			b.log.Error("inbox: indexing failed; will try again", "file", name, "try", b.tries[name], "err", err)
			return
		}
		delete(b.tries, name)
		b.fail(name, fmt.Sprintf("indexing failed %d times: %v", inboxMaxTries, err))
		return
	}
	delete(b.tries, name)
	if stats.Documents == 0 {
		b.fail(name, "no document could be indexed:\n"+problems(rep, stats.Skipped))
		return
	}
	// The time in done is when the file was acknowledged: a rebuild that
	// started earlier may lack it, and replay goes by it.
	now := time.Now()
	_ = os.Chtimes(claimed, now, now)
	dest, err := b.move(name, inboxDone)
	if err != nil {
		b.log.Error("inbox: indexed but cannot move to done; it will be indexed again", "file", name, "err", err)
		return
	}
	if skipped := problems(rep, stats.Skipped); skipped != "" {
		_ = os.WriteFile(dest+".skipped", []byte(skipped), 0o644)
	}
	b.log.Info("inbox: added", "file", name, "documents", stats.Documents, "reprints", stats.Reprints, "quotes", stats.Quotes,
		"skipped", len(rep.Problems)+len(stats.Skipped), "took", time.Since(start).Round(time.Millisecond))
}

// loadFile reads one file with the same reader as fangtan add.
func loadFile(ctx context.Context, path string) ([]fangtan.Document, corpus.Report, error) {
	var docs []fangtan.Document
	rep, err := corpus.Load(ctx, corpus.Options{}, []string{path}, func(d fangtan.Document) error {
		docs = append(docs, d)
		return nil
	})
	return docs, rep, err
}

// problems lists what a file's read and add left out, one per line.
func problems(rep corpus.Report, skipped []index.Skipped) string {
	var lines []string
	for _, p := range rep.Problems {
		lines = append(lines, p.Path+": "+p.Reason)
	}
	for _, s := range skipped {
		lines = append(lines, s.ID+": "+s.Reason)
	}
	if len(lines) == 0 {
		return ""
	}
	return strings.Join(lines, "\n") + "\n"
}

// fail moves a claimed file to failed with NAME.reason beside it. The
// reason is written first: a kill between the two leaves the file claimed,
// and the next server fails it again.
func (b *inbox) fail(name, reason string) {
	dest := b.freeName(inboxFailed, name)
	if err := os.WriteFile(dest+".reason", []byte(reason+"\n"), 0o644); err != nil {
		b.log.Error("inbox: cannot write the reason", "file", name, "err", err)
	}
	if err := os.Rename(b.sub(inboxProcessing, name), dest); err != nil {
		b.log.Error("inbox: cannot move to failed", "file", name, "err", err)
		return
	}
	syncDir(filepath.Dir(dest))
	b.log.Warn("inbox: failed", "file", name, "moved_to", dest, "reason", strings.TrimSpace(reason))
}

// move renames a claimed file into sub, under a name not yet taken there,
// and makes the rename durable.
func (b *inbox) move(name, sub string) (string, error) {
	dest := b.freeName(sub, name)
	if err := os.Rename(b.sub(inboxProcessing, name), dest); err != nil {
		return "", err
	}
	syncDir(filepath.Dir(dest))
	syncDir(b.sub(inboxProcessing))
	return dest, nil
}

// freeName is sub/name, or sub/STEM-2.EXT … when a file of that name was
// dropped before: done keeps every version.
func (b *inbox) freeName(sub, name string) string {
	ext := filepath.Ext(name)
	stem := strings.TrimSuffix(name, ext)
	p := b.sub(sub, name)
	for n := 2; ; n++ {
		if _, err := os.Lstat(p); errors.Is(err, os.ErrNotExist) {
			if _, err := os.Lstat(p + ".reason"); errors.Is(err, os.ErrNotExist) {
				return p
			}
		}
		p = b.sub(sub, fmt.Sprintf("%s-%d%s", stem, n, ext))
	}
}

func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync()
		_ = d.Close()
	}
}

// replay adds again the files acknowledged since from, the start of a
// rebuild that was swapped in: they went into the index the rebuild
// replaced. Add replaces documents of the same file and id, so files the
// rebuild did include are not duplicated.
func (b *inbox) replay(ctx context.Context, from time.Time) {
	entries, err := os.ReadDir(b.sub(inboxDone))
	if err != nil {
		b.log.Error("inbox: cannot list done files to add to the rebuilt index", "err", err)
		return
	}
	// A margin for file-system time granularity: adding once more is harmless.
	from = from.Add(-2 * time.Second)
	n := 0
	for _, e := range entries {
		name := e.Name()
		fi, err := e.Info()
		if err != nil || !fi.Mode().IsRegular() || fi.ModTime().Before(from) || !corpus.SupportedFile(name) {
			continue
		}
		docs, _, err := loadFile(ctx, b.sub(inboxDone, name))
		if err == nil && len(docs) > 0 {
			_, err = b.live.add(ctx, docs, b.ex.BuildOptions())
		}
		if err != nil {
			b.log.Error("inbox: adding a done file to the rebuilt index failed", "file", name, "err", err)
			continue
		}
		n++
	}
	if n > 0 {
		b.log.Info("inbox: added to the rebuilt index the files acknowledged while it was built", "files", n)
	}
}

// openLive opens dir for writing, for serve --inbox, and says which
// directory it opened.
func openLive(dir string) (*index.Index, os.FileInfo, error) {
	fi, err := os.Stat(dir)
	if err != nil {
		return nil, nil, fmt.Errorf("index %s: %w", dir, err)
	}
	idx, err := index.Open(dir)
	if err != nil {
		return nil, nil, err
	}
	return idx, fi, nil
}

// sameDir: the same directory, whatever was written into it. With --inbox
// the server itself writes the store, so only a rebuild moving a new
// directory into place is a change to reload.
func (s indexStamp) sameDir(o indexStamp) bool {
	return s.dir != nil && o.dir != nil && os.SameFile(s.dir, o.dir)
}

// reloadLive is reload for serve --inbox: the rebuilt index is opened for
// writing and swapped in with no add running, then the inbox adds to it
// what it acknowledged since the rebuild started.
func (r *reloader) reloadLive(why string) {
	now, err := stampOf(r.dir)
	if err == nil && now.sameDir(r.seen) {
		r.log.Info("the index open for writing was not replaced; nothing to reload", "index", r.dir, "reason", why)
		return
	}
	idx, opened, err := openLive(r.dir)
	if err != nil {
		r.log.Error("reloading the index failed; still serving the previous one", "index", r.dir, "reason", why, "err", err)
		if s, serr := stampOf(r.dir); serr == nil {
			r.seen = s // do not retry the same broken build on every tick
		}
		return
	}
	r.seen = indexStamp{dir: opened}
	var swapErr error
	r.live.swap(idx, opened, buildStart(r.dir), func() { swapErr = r.searcher.Swap(idx, idx) })
	if swapErr != nil {
		r.log.Warn("closing the previous index", "err", swapErr)
	}
	articles, quotes, _ := idx.Count(context.Background())
	r.log.Info("now serving the reloaded index", "index", r.dir, "reason", why, "articles", articles, "quotes", quotes)
}

// startInbox runs the inbox, if any, until ctx ends; the channel closes
// when it has stopped.
func startInbox(ctx context.Context, b *inbox) <-chan struct{} {
	done := make(chan struct{})
	if b == nil {
		close(done)
		return done
	}
	b.log.Info("inbox: watching for files to add", "inbox", b.dir, "poll", b.poll)
	go func() {
		defer close(done)
		b.run(ctx)
	}()
	return done
}
