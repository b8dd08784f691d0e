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

	"fangtan"
	"fangtan/corpus"
	"fangtan/index"
)

func runIndex(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	start := time.Now() // the summary reports the whole command's time
	fs := newFlags("index", stderr)
	bf := addBackendFlags(fs, "index directory to build or replace (required with --backend bleve)")
	exFlags := addExtractorFlags(fs)
	workers := fs.Int("workers", 0, "documents analyzed in parallel (default: all cores)")
	batch := fs.Int("batch", 0, "bleve documents (articles and quotes) per write batch (default 1000)")
	quiet := fs.Bool("quiet", false, "no progress bar")
	noCompact := fs.Bool("no-compact", false, "skip merging the index into as few segments as possible at the end (a little faster, a bigger index)")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: fangtan index --index DIR [--dict-dir D] [--themes FILE] [--aliases FILE] [PATH...]")
		fmt.Fprintln(stderr, "       fangtan index --backend postgres --dsn postgres://USER@HOST/DB [PATH...]")
		fmt.Fprintln(stderr, "Builds an index of files or directories (.txt .html .md .jsonl .json);")
		fmt.Fprintln(stderr, "without PATH, of the bundled sample corpus. An existing index at DIR is")
		fmt.Fprintln(stderr, "replaced only when the new one is complete.")
		fs.PrintDefaults()
	}
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if err := bf.check(); err != nil {
		return usageError(fs, stderr, err)
	}
	ex, err := exFlags.extractor()
	if err != nil {
		return err
	}
	paths := fs.Args()
	stages := []index.Stage{index.StageIndex, index.StageRegistry, index.StageMerge}
	if *noCompact {
		stages = stages[:2]
	}
	if bf.postgres() {
		// PostgreSQL builds its indexes (the merge stage) before the
		// registry's pass, whose searches need them.
		stages = []index.Stage{index.StageIndex, index.StageMerge, index.StageRegistry}
	}
	bar := newProgressBar(stderr, inputBytes(paths), *quiet, stages)
	src, report := corpusSource(paths, bar.readBytes)
	opts := ex.BuildOptions()
	opts.Workers, opts.BatchSize, opts.NoCompact, opts.Progress = *workers, *batch, *noCompact, bar.update
	ix, name, closeIx, err := bf.indexer(ctx)
	if err != nil {
		bar.finish(false)
		return err
	}
	defer closeIx()
	stats, err := ix.Build(ctx, src, opts)
	took := bar.finish(err == nil)
	if errors.Is(err, fangtan.ErrNoDocuments) {
		printSkipped(stderr, stats, report)
	}
	if err != nil {
		return err
	}
	printSummary(stdout, "indexed", name, stats, report, time.Since(start))
	printStages(stdout, took)
	return nil
}

// corpusSource reads paths (the sample corpus when there are none) without
// extracting: extraction runs in the index's parallel workers. read is
// told of the input bytes consumed.
func corpusSource(paths []string, read func(int64)) (fangtan.Source, *corpus.Report) {
	report := &corpus.Report{}
	return func(ctx context.Context, emit func(fangtan.Document) error) error {
		rep, err := corpus.Load(ctx, corpus.Options{Read: read}, paths, emit)
		*report = rep
		return err
	}, report
}

// inputBytes is the size of the input files, which the progress bar
// compares with the input bytes corpus has read.
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

// printSummary reports what a build or an add did and which files it
// skipped. wall is the whole command's time, from its start to now (the
// build's own Elapsed leaves out loading the dictionaries and the merge:
// 124 s of 147 on xwlb), and the MB/s are of text over it.
func printSummary(w io.Writer, verb, dir string, s fangtan.Stats, rep *corpus.Report, wall time.Duration) {
	fmt.Fprintf(w, "%s %d documents and %d quotes (%.1f MB of text) in %.1fs, %.2f MB/s, into %s\n",
		verb, s.Documents, s.Quotes, float64(s.Bytes)/1e6, wall.Seconds(), float64(s.Bytes)/1e6/max(wall.Seconds(), 1e-9), dir)
	if s.Reprints > 0 {
		fmt.Fprintf(w, "reprints: %d (documents repeating the text of an article dated within a month of them, whole, cut shorter or with a few sentences reworded under its title: kept as ids of that article, not counted again)\n", s.Reprints)
	}
	if s.RegistryOfficials > 0 {
		fmt.Fprintf(w, "registry: %d officials; %d articles changed by them: named without a post, or a lone post withdrawn (%.1fs)\n",
			s.RegistryOfficials, s.RegistryArticles, s.RegistryElapsed.Seconds())
	}
	printSkipped(w, s, rep)
}

// printSkipped lists the files and documents a build or an add left out.
func printSkipped(w io.Writer, s fangtan.Stats, rep *corpus.Report) {
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

// printStages says where a build's time went, stage by stage.
func printStages(w io.Writer, took map[index.Stage]time.Duration) {
	var parts []string
	for _, st := range []index.Stage{index.StageIndex, index.StageRegistry, index.StageMerge} {
		if d, ok := took[st]; ok {
			parts = append(parts, fmt.Sprintf("%s %.1fs", stageName(st), d.Seconds()))
		}
	}
	if len(parts) > 0 {
		fmt.Fprintf(w, "stages: %s\n", strings.Join(parts, ", "))
	}
}
