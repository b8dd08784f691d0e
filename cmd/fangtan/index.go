package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"

	"fangtan"
	"fangtan/corpus"
	"fangtan/index"
)

// indexer is the index at dir as the write side's interface: the one place
// the write commands choose the bleve backend.
func indexer(dir string) fangtan.Indexer { return index.Dir(dir) }

func runIndex(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("index", stderr)
	dir := fs.String("index", "", "index directory to build or replace (required)")
	exFlags := addExtractorFlags(fs)
	workers := fs.Int("workers", 0, "documents analyzed in parallel (default: all cores)")
	batch := fs.Int("batch", 0, "bleve documents (articles and quotes) per write batch (default 1000)")
	quiet := fs.Bool("quiet", false, "no progress bar")
	noCompact := fs.Bool("no-compact", false, "skip merging the index into as few segments as possible at the end (a little faster, a bigger index)")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: fangtan index --index DIR [--dict-dir D] [--themes FILE] [--aliases FILE] [PATH...]")
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
	ex, err := exFlags.extractor()
	if err != nil {
		return err
	}
	paths := fs.Args()
	src, report := corpusSource(paths)
	bar := newProgressBar(stderr, inputBytes(paths), *quiet)
	opts := buildOptions(ex)
	opts.Workers, opts.BatchSize, opts.NoCompact, opts.Progress = *workers, *batch, *noCompact, bar.update
	stats, err := indexer(*dir).Build(ctx, src, opts)
	bar.finish()
	if errors.Is(err, fangtan.ErrNoDocuments) {
		printSkipped(stderr, stats, report)
	}
	if err != nil {
		return err
	}
	printSummary(stdout, "indexed", *dir, stats, report)
	return nil
}

// corpusSource reads paths (the sample corpus when there are none) without
// extracting: extraction runs in the index's parallel workers.
func corpusSource(paths []string) (fangtan.Source, *corpus.Report) {
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

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

func newProgressBar(w io.Writer, total int64, quiet bool) *progressBar {
	if quiet || !isTerminal(w) || total <= 0 {
		return &progressBar{}
	}
	return &progressBar{bar: progressbar.NewOptions64(total,
		progressbar.OptionSetWriter(w),
		progressbar.OptionSetDescription("indexing"),
		progressbar.OptionShowBytes(true),
		progressbar.OptionSetWidth(25),
		progressbar.OptionThrottle(100*time.Millisecond),
		progressbar.OptionSetPredictTime(true),
		progressbar.OptionShowElapsedTimeOnFinish(),
		progressbar.OptionClearOnFinish(),
	)}
}

func (p *progressBar) update(pr fangtan.Progress) {
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
func printSummary(w io.Writer, verb, dir string, s fangtan.Stats, rep *corpus.Report) {
	fmt.Fprintf(w, "%s %d documents and %d quotes (%.1f MB of text) in %.1fs, %.2f MB/s, into %s\n",
		verb, s.Documents, s.Quotes, float64(s.Bytes)/1e6, s.Elapsed.Seconds(), s.MBPerSecond(), dir)
	if s.RegistryOfficials > 0 {
		fmt.Fprintf(w, "registry: %d officials; %d articles name one without a post and now list them (%.1fs)\n",
			s.RegistryOfficials, s.RegistryArticles, s.RegistryElapsed.Seconds())
	}
	printSkipped(w, s, rep)
}

// printSkipped lists the files and documents a build or an add left out.
func printSkipped(w io.Writer, s fangtan.Stats, rep *corpus.Report) {
	var skipped []string
	if rep != nil {
		for _, p := range rep.Problems {
			skipped = append(skipped, fmt.Sprintf("  %s: %s", p.Path, p.Reason))
		}
	}
	for _, sk := range s.Skipped {
		skipped = append(skipped, fmt.Sprintf("  %s (%s): %s", sk.File, sk.ID, sk.Reason))
	}
	if len(skipped) > 0 {
		fmt.Fprintf(w, "skipped %d:\n%s\n", len(skipped), strings.Join(skipped, "\n"))
	}
}
