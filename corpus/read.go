package corpus

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
)

// maxFileBytes bounds a page read into memory. JSON lines files are streamed
// a line at a time, each line capped at MaxLineBytes.
const maxFileBytes = 64 << 20

// page is one unit read from a file before cleaning: a scraped page, an
// HTML or Markdown document, or one JSON record.
type page struct {
	file  string   // path relative to the root it was found under, slash-separated
	stem  string   // file name without extension
	id    string   // set for JSON records: the record's id or <stem>-<line>
	lines []string // the text, one line per element, original script
	hints pageMeta // metadata the container declared (JSON fields, front matter, HTML meta)
	// record marks a JSON record: one article by definition, never split,
	// and its text has no site chrome around a headline.
	record bool
	// titled marks a JSON record or Markdown file that names its headline
	// (a title field, front matter or a # heading): it stays a findable
	// headline even when no text survives cleaning. A scraped page's
	// <title> does not count, since it is as often the site's name.
	titled bool
	// starts are the lines that open an article of their own, whatever
	// the text says: the first line of each <article> of a page that holds
	// several.
	starts map[int]bool
}

// pageMeta is metadata found outside the article text.
type pageMeta struct {
	Title   string
	Date    string // YYYY-MM-DD
	Source  string
	URL     string
	Authors []string
	// Site is the site a page was published on as its <title> names it
	// (标题_人民网): the source where the page names no other.
	Site string
}

// input is one file to read: display is how problems name it, rel is the
// Document.File value, and open gives its bytes.
type input struct {
	display string
	rel     string
	open    func() (io.ReadCloser, error)
}

// supportedExt reports the extensions read when walking a directory.
func supportedExt(name string) bool {
	switch strings.ToLower(path.Ext(name)) {
	case ".txt", ".text", ".html", ".htm", ".xhtml", ".md", ".markdown", ".jsonl", ".ndjson", ".json":
		return true
	}
	return false
}

// walkPaths lists the files under the given paths in a deterministic order:
// arguments in the order given, directory entries sorted by name. Symbolic
// links are followed, but a directory reached twice (a loop, or two links
// to one place) is read only once. Paths that cannot be listed become
// problems.
func walkPaths(ctx context.Context, paths []string) ([]input, []Problem) {
	var (
		inputs   []input
		problems []Problem
		seenDirs = map[string]bool{}
	)
	for _, p := range paths {
		info, err := os.Stat(p)
		if err != nil {
			problems = append(problems, Problem{Path: p, Reason: describeOSError(err)})
			continue
		}
		if !info.IsDir() && !info.Mode().IsRegular() {
			// Opening a named pipe would wait for a writer forever.
			problems = append(problems, Problem{Path: p, Reason: "not a regular file (" + info.Mode().Type().String() + ")"})
			continue
		}
		if !info.IsDir() {
			// A file named explicitly is read whatever its extension
			// (as text); a directory contributes only known extensions.
			inputs = append(inputs, osInput(p, filepath.Base(p)))
			continue
		}
		var walk func(dir, rel string)
		walk = func(dir, rel string) {
			if ctx.Err() != nil {
				return
			}
			real, err := filepath.EvalSymlinks(dir)
			if err != nil {
				problems = append(problems, Problem{Path: dir, Reason: describeOSError(err)})
				return
			}
			if abs, err := filepath.Abs(real); err == nil {
				real = abs
			}
			if seenDirs[real] {
				return
			}
			seenDirs[real] = true
			entries, err := os.ReadDir(dir)
			if err != nil {
				problems = append(problems, Problem{Path: dir, Reason: describeOSError(err)})
				return
			}
			sort.Slice(entries, func(i, j int) bool { return entries[i].Name() < entries[j].Name() })
			for _, e := range entries {
				name := e.Name()
				if strings.HasPrefix(name, ".") {
					continue // hidden files and VCS directories are not corpus
				}
				full := filepath.Join(dir, name)
				childRel := path.Join(rel, name)
				mode := e.Type()
				if mode&fs.ModeSymlink != 0 {
					target, err := os.Stat(full)
					if err != nil {
						problems = append(problems, Problem{Path: full, Reason: "broken symbolic link: " + describeOSError(err)})
						continue
					}
					mode = target.Mode().Type()
				}
				switch {
				case mode.IsDir():
					walk(full, childRel)
				case mode.IsRegular() && supportedExt(name):
					inputs = append(inputs, osInput(full, childRel))
				case !mode.IsRegular():
					// A pipe, device or socket is never read (opening a
					// pipe waits for a writer), but it is named: whoever
					// put it there may have meant it as a document.
					problems = append(problems, Problem{Path: full, Reason: "not a regular file (" + mode.String() + ")"})
				}
			}
		}
		walk(p, "")
	}
	return inputs, problems
}

func osInput(full, rel string) input {
	return input{
		display: full,
		rel:     rel,
		open:    func() (io.ReadCloser, error) { return os.Open(full) },
	}
}

// walkFS lists the supported files of fsys in lexical order.
func walkFS(ctx context.Context, fsys fs.FS) ([]input, []Problem) {
	var (
		inputs   []input
		problems []Problem
	)
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		if err != nil {
			problems = append(problems, Problem{Path: p, Reason: describeOSError(err)})
			return nil
		}
		if p != "." && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.Type().IsRegular() && supportedExt(p) {
			inputs = append(inputs, input{
				display: p,
				rel:     p,
				open:    func() (io.ReadCloser, error) { return fsys.Open(p) },
			})
		}
		return nil
	})
	if err != nil && ctx.Err() == nil {
		problems = append(problems, Problem{Path: ".", Reason: err.Error()})
	}
	return inputs, problems
}

// describeOSError drops the path an *fs.PathError repeats, since a Problem
// carries the path already.
func describeOSError(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Op + ": " + pe.Err.Error()
	}
	return err.Error()
}

// readInput parses one file into pages, calling yield for each. Problems
// confined to a part of the file (a broken JSON line) go to problem and
// reading continues; an error returned means the whole file is unusable.
// bytes counts what was read.
func readInput(ctx context.Context, in input, yield func(page) error, problem func(Problem)) (n int64, err error) {
	f, err := in.open()
	if err != nil {
		return 0, fmt.Errorf("%s", describeOSError(err))
	}
	defer f.Close()
	stem := validID(strings.TrimSuffix(path.Base(in.rel), path.Ext(in.rel)))
	ext := strings.ToLower(path.Ext(in.rel))
	cr := &countingReader{r: f}
	switch ext {
	case ".jsonl", ".ndjson":
		err = readJSONLines(ctx, cr, in, stem, yield, problem)
		return cr.n, err
	}
	raw, err := io.ReadAll(io.LimitReader(cr, maxFileBytes+1))
	if err != nil {
		return cr.n, fmt.Errorf("read: %s", describeOSError(err))
	}
	if len(raw) > maxFileBytes {
		return cr.n, fmt.Errorf("file larger than %d MB", maxFileBytes>>20)
	}
	switch ext {
	case ".json":
		return cr.n, readJSONFile(raw, in, stem, yield, problem)
	case ".html", ".htm", ".xhtml":
		text, err := decodeText(raw, true)
		if err != nil {
			return cr.n, err
		}
		p, err := parseHTML(text)
		if err != nil {
			return cr.n, err
		}
		p.file, p.stem = in.rel, stem
		return cr.n, yield(p)
	case ".md", ".markdown":
		text, err := decodeText(raw, false)
		if err != nil {
			return cr.n, err
		}
		p := parseMarkdown(text)
		p.file, p.stem = in.rel, stem
		p.titled = p.hints.Title != ""
		return cr.n, yield(p)
	default:
		text, err := decodeText(raw, false)
		if err != nil {
			return cr.n, err
		}
		if looksLikeHTML(text) {
			p, err := parseHTML(text)
			if err != nil {
				return cr.n, err
			}
			p.file, p.stem = in.rel, stem
			return cr.n, yield(p)
		}
		return cr.n, yield(page{file: in.rel, stem: stem, lines: strings.Split(text, "\n")})
	}
}

// looksLikeHTML catches HTML saved with a .txt name.
func looksLikeHTML(text string) bool {
	head := strings.ToLower(strings.TrimSpace(text))
	if len(head) > 512 {
		head = head[:512]
	}
	return strings.HasPrefix(head, "<!doctype html") || strings.HasPrefix(head, "<html")
}

type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}
