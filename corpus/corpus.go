// Package corpus reads Chinese news pages and interviews (text, HTML,
// Markdown, JSON lines; UTF-8, GBK or Big5), removes the site chrome and
// splits pages that hold several articles into fangtan.Documents, with the
// metadata the page itself gives (title, date, source, authors). Finding
// officials, places, themes and quotes is the extract package's work, which
// Load runs through Options.Extractor.
package corpus

import (
	"context"
	"fmt"
	"io/fs"
	"path"
	"strings"
	"sync"
	"unicode/utf8"

	"fangtan"
)

// Problem is a file that could not be used, and why. Loading goes on after one.
type Problem struct {
	Path   string `json:"path"`
	Reason string `json:"reason"`
}

func (p Problem) Error() string { return p.Path + ": " + p.Reason }

// Options configure Load.
type Options struct {
	// Extractor fills officials, places, themes, keywords and quotes.
	// Nil leaves them empty (page-level metadata is still read).
	Extractor fangtan.Extractor
	// Workers is how many goroutines run the Extractor; 0 or 1 runs it in
	// the caller's goroutine. Documents are emitted in the same order
	// either way, one at a time, from the goroutine that called Load.
	Workers int
	// Read, if set, is called with the number of bytes of every read from
	// an input file, from the goroutine that reads them: input consumed,
	// for a progress bar measured against the files' sizes.
	Read func(n int64)
}

// Report summarizes a Load.
type Report struct {
	Files     int       `json:"files"`
	Documents int       `json:"documents"`
	Bytes     int64     `json:"bytes"`
	Problems  []Problem `json:"problems"`
}

// Load reads every file under paths (files or directories, walked
// recursively) and calls emit once per extracted document, in a stable
// order. A file that cannot be read is recorded in the report and skipped.
// It stops early only when ctx is done or emit returns an error.
//
// With no paths, Load reads the bundled sample corpus (Sample), so that
// "fangtan index" without arguments has something to serve.
//
// Load keeps no state between calls and may run concurrently with itself.
// Document ids are stable: re-reading the same input gives the same ids.
// A page whose file name was already used in this Load (index.html in two
// directories) is named by its path instead (dir-sub-index). A JSON record
// id met twice is a problem, and the second record is skipped rather than
// silently replacing the first in an index.
func Load(ctx context.Context, opts Options, paths []string, emit func(fangtan.Document) error) (Report, error) {
	if len(paths) == 0 {
		return LoadFS(ctx, opts, Sample(), emit)
	}
	inputs, problems := walkPaths(ctx, paths)
	return load(ctx, opts, inputs, problems, emit)
}

func collides(docs []fangtan.Document, seen map[string]string) bool {
	for _, d := range docs {
		if _, dup := seen[d.ID]; dup {
			return true
		}
	}
	return false
}

// pathStem is a file's path without its extension, directories joined by "-".
func pathStem(rel string) string {
	return validID(strings.ReplaceAll(strings.TrimSuffix(rel, path.Ext(rel)), "/", "-"))
}

// validID makes a name from a file name valid UTF-8, writing each invalid
// byte as %XX (as a URL would). File names on Linux are bytes; a name in
// GBK gave an id that was indexed but could not be opened (the web refuses
// a non-UTF-8 id, and a URL cannot carry it).
func validID(s string) string {
	if utf8.ValidString(s) {
		return s
	}
	var b strings.Builder
	for len(s) > 0 {
		r, size := utf8.DecodeRuneInString(s)
		if r == utf8.RuneError && size == 1 {
			fmt.Fprintf(&b, "%%%02X", s[0])
		} else {
			b.WriteString(s[:size])
		}
		s = s[size:]
	}
	return b.String()
}

// LoadFS is Load over the supported files of fsys, walked from its root in
// lexical order; Document.File is the path inside fsys.
func LoadFS(ctx context.Context, opts Options, fsys fs.FS, emit func(fangtan.Document) error) (Report, error) {
	inputs, problems := walkFS(ctx, fsys)
	return load(ctx, opts, inputs, problems, emit)
}

func load(ctx context.Context, opts Options, inputs []input, problems []Problem, emit func(fangtan.Document) error) (Report, error) {
	if opts.Read != nil {
		inputs = reportReads(inputs, opts.Read)
	}
	if opts.Extractor == nil || opts.Workers <= 1 {
		n := 0
		rep, err := readAll(ctx, inputs, problems, func(d fangtan.Document) error {
			if opts.Extractor != nil {
				opts.Extractor.Extract(&d)
			}
			if err := emit(d); err != nil {
				return err
			}
			n++
			return nil
		})
		rep.Documents = n
		return rep, err
	}
	return loadParallel(ctx, opts, inputs, problems, emit)
}

// loadParallel reads in one goroutine, extracts in opts.Workers and emits
// in the caller's, in reading order.
func loadParallel(ctx context.Context, opts Options, inputs []input, problems []Problem, emit func(fangtan.Document) error) (Report, error) {
	type job struct {
		doc  fangtan.Document
		done chan struct{}
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	work := make(chan *job, opts.Workers*2)
	order := make(chan *job, opts.Workers*8)
	var wg sync.WaitGroup
	for range opts.Workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range work {
				opts.Extractor.Extract(&j.doc)
				close(j.done)
			}
		}()
	}
	var (
		rep     Report
		readErr error
	)
	go func() {
		defer close(order)
		defer close(work)
		rep, readErr = readAll(ctx, inputs, problems, func(d fangtan.Document) error {
			j := &job{doc: d, done: make(chan struct{})}
			// Every job reaches a worker before the emitter waits for it.
			select {
			case work <- j:
			case <-ctx.Done():
				return ctx.Err()
			}
			select {
			case order <- j:
			case <-ctx.Done():
				return ctx.Err()
			}
			return nil
		})
	}()
	var emitErr error
	n := 0
	for j := range order {
		<-j.done
		if emitErr != nil {
			continue
		}
		if err := emit(j.doc); err != nil {
			emitErr = err
			cancel()
			continue
		}
		n++
	}
	wg.Wait()
	rep.Documents = n
	if emitErr != nil {
		return rep, emitErr
	}
	return rep, readErr
}

// readAll reads the inputs and passes each document, with its page-level
// metadata, to sink. An error from sink stops the reading and is returned.
func readAll(ctx context.Context, inputs []input, problems []Problem, sink func(fangtan.Document) error) (Report, error) {
	rep := Report{Problems: problems}
	if err := ctx.Err(); err != nil {
		return rep, err
	}
	seen := map[string]string{} // id → file that gave it
	for _, in := range inputs {
		if err := ctx.Err(); err != nil {
			return rep, err
		}
		var sinkErr error
		yield := func(p page) error {
			docs := documents(p)
			if p.id == "" && collides(docs, seen) {
				// Two pages with one name in different directories (a saved
				// site's index.html files): the later one is named by its
				// path, news/2021/index.html → news-2021-index, which is as
				// stable as the walk order.
				p.stem = pathStem(p.file)
				docs = documents(p)
			}
			if len(docs) == 0 {
				where := in.display
				if p.id != "" {
					where += " (" + p.id + ")"
				}
				rep.Problems = append(rep.Problems, Problem{Path: where, Reason: "no article text left after removing the site chrome"})
			}
			for _, d := range docs {
				if first, dup := seen[d.ID]; dup {
					rep.Problems = append(rep.Problems, Problem{Path: in.display, Reason: fmt.Sprintf("duplicate document id %q (already read from %s); skipped", d.ID, first)})
					continue
				}
				seen[d.ID] = d.File
				if err := sink(d); err != nil {
					sinkErr = err
					return err
				}
			}
			return nil
		}
		problem := func(p Problem) { rep.Problems = append(rep.Problems, p) }
		n, err := readInput(ctx, in, yield, problem)
		rep.Bytes += n
		switch {
		case sinkErr != nil:
			return rep, sinkErr
		case err != nil && ctx.Err() != nil:
			return rep, ctx.Err()
		case err != nil:
			rep.Problems = append(rep.Problems, Problem{Path: in.display, Reason: err.Error()})
		default:
			rep.Files++
		}
	}
	return rep, nil
}
