package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path/filepath"
	"strings"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"

	"fangtan"
	"fangtan/analyzer"
	"fangtan/corpus"
	"fangtan/extract"
	"fangtan/index"
)

func runIndex(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("index", stderr)
	dir := fs.String("index", "", "index directory to build or replace (required)")
	dictDir := fs.String("dict-dir", "", "directory of jieba dictionaries (default: the embedded ones)")
	workers := fs.Int("workers", 0, "documents analyzed in parallel (default: all cores)")
	batch := fs.Int("batch", 0, "bleve documents (articles and quotes) per write batch (default 1000)")
	quiet := fs.Bool("quiet", false, "no progress bar")
	themesFile := fs.String("themes", "", themesUsage)
	noCompact := fs.Bool("no-compact", false, "skip merging the index into as few segments as possible at the end (a little faster, a bigger index)")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: fangtan index --index DIR [--dict-dir D] [--themes FILE] [PATH...]")
		fmt.Fprintln(stderr, "Builds an index of files or directories (.txt .html .md .jsonl .json);")
		fmt.Fprintln(stderr, "without PATH, of the bundled sample corpus. An existing index at DIR is")
		fmt.Fprintln(stderr, "replaced only when the new one is complete.")
		fs.PrintDefaults()
	}
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *dir == "" {
		fmt.Fprintln(stderr, "fangtan index: --index DIR is required")
		fs.Usage()
		return errUsage
	}
	ex, err := newExtractor(*dictDir, *themesFile)
	if err != nil {
		return err
	}
	paths := fs.Args()
	src, report := corpusSource(paths)
	bar := newProgressBar(stderr, inputBytes(paths), *quiet)
	stats, err := index.Build(ctx, *dir, src, index.BuildOptions{
		Workers: *workers, BatchSize: *batch, NoCompact: *noCompact, Prepare: ex.Extract, Progress: bar.update,
	})
	bar.finish()
	if errors.Is(err, index.ErrNoDocuments) {
		printSkipped(stderr, stats, report)
	}
	if err != nil {
		return err
	}
	printSummary(stdout, "indexed", *dir, stats, report)
	return nil
}

const themesUsage = "theme file (a theme name and its signal phrases per line; default: the built-in set, extract/themes.txt)"

// newExtractor opens the shared jieba segmenter (which the index's word
// analyzer also uses) and the metadata extractor, with the themes of
// themesFile or, when it is empty, the built-in ones.
func newExtractor(dictDir, themesFile string) (*extract.Extractor, error) {
	var themes *extract.Themes
	if themesFile != "" {
		var err error
		if themes, err = extract.LoadThemes(themesFile); err != nil {
			return nil, err
		}
	}
	if err := analyzer.Configure(dictDir); err != nil {
		return nil, err
	}
	seg, err := analyzer.Default()
	if err != nil {
		return nil, fmt.Errorf("open dictionaries: %w", err)
	}
	ex, err := extract.NewExtractorWithThemes(seg, themes)
	if err != nil {
		return nil, fmt.Errorf("extractor: %w", err)
	}
	return ex, nil
}

// corpusSource reads paths (the sample corpus when there are none) without
// extracting: extraction runs in the index's parallel workers.
func corpusSource(paths []string) (index.Source, *corpus.Report) {
	report := &corpus.Report{}
	return func(ctx context.Context, emit func(fangtan.Document) error) error {
		rep, err := corpus.Load(ctx, corpus.Options{}, paths, emit)
		*report = rep
		return err
	}, report
}

// inputBytes is the size of the input files, for the progress bar's ETA.
func inputBytes(paths []string) int64 {
	var n int64
	if len(paths) == 0 {
		_ = fs.WalkDir(corpus.Sample(), ".", func(_ string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() {
				if fi, err := d.Info(); err == nil {
					n += fi.Size()
				}
			}
			return nil
		})
		return n
	}
	for _, p := range paths {
		_ = filepath.WalkDir(p, func(_ string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() {
				if fi, err := d.Info(); err == nil {
					n += fi.Size()
				}
			}
			return nil
		})
	}
	return n
}

// progressBar shows documents, MB/s and the ETA while indexing, only when
// stderr is a terminal.
type progressBar struct {
	bar *progressbar.ProgressBar
}

func isTerminalFd(fd uintptr) bool { return term.IsTerminal(int(fd)) }

func newProgressBar(w io.Writer, total int64, quiet bool) *progressBar {
	if quiet || !isTerminal(w) || total <= 0 {
		return &progressBar{}
	}
	return &progressBar{bar: progressbar.NewOptions64(total,
		progressbar.OptionSetWriter(rawWriter(w)),
		progressbar.OptionSetDescription("indexing"),
		progressbar.OptionShowBytes(true),
		progressbar.OptionSetWidth(25),
		progressbar.OptionThrottle(100*time.Millisecond),
		progressbar.OptionSetPredictTime(true),
		progressbar.OptionShowElapsedTimeOnFinish(),
		progressbar.OptionClearOnFinish(),
	)}
}

func (p *progressBar) update(pr index.Progress) {
	if p.bar == nil {
		return
	}
	p.bar.Describe(fmt.Sprintf("%d documents, %d quotes", pr.Documents, pr.Quotes))
	if max := p.bar.GetMax64(); pr.Bytes > max {
		p.bar.ChangeMax64(pr.Bytes)
	}
	_ = p.bar.Set64(pr.Bytes)
}

func (p *progressBar) finish() {
	if p.bar != nil {
		_ = p.bar.Finish()
	}
}

// printSummary reports what a build or an add did and which files it skipped.
func printSummary(w io.Writer, verb, dir string, s index.Stats, rep *corpus.Report) {
	fmt.Fprintf(w, "%s %d documents and %d quotes (%.1f MB of text) in %.1fs, %.2f MB/s, into %s\n",
		verb, s.Documents, s.Quotes, float64(s.Bytes)/1e6, s.Elapsed.Seconds(), s.MBPerSecond(), dir)
	printSkipped(w, s, rep)
}

// printSkipped lists the files and documents a build or an add left out.
func printSkipped(w io.Writer, s index.Stats, rep *corpus.Report) {
	var skipped []string
	if rep != nil {
		for _, p := range rep.Problems {
			skipped = append(skipped, fmt.Sprintf("  %s: %s", oneLine(p.Path), oneLine(p.Reason)))
		}
	}
	for _, sk := range s.Skipped {
		skipped = append(skipped, fmt.Sprintf("  %s (%s): %s", oneLine(sk.File), oneLine(sk.ID), oneLine(sk.Reason)))
	}
	if len(skipped) > 0 {
		fmt.Fprintf(w, "skipped %d:\n%s\n", len(skipped), strings.Join(skipped, "\n"))
	}
	var shortened []string
	for _, sk := range s.Shortened {
		shortened = append(shortened, fmt.Sprintf("  %s (%s): %s", oneLine(sk.File), oneLine(sk.ID), sk.Reason))
	}
	if len(shortened) > 0 {
		fmt.Fprintf(w, "shortened %d:\n%s\n", len(shortened), strings.Join(shortened, "\n"))
	}
}
