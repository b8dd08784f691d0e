package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"time"

	"fangtan"
	"fangtan/corpus"
)

func runAdd(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	start := time.Now()
	fs := newFlags("add", stderr)
	dir := fs.String("index", "", "index directory (required)")
	exFlags := addExtractorFlags(fs)
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: fangtan add --index DIR PATH...")
		fmt.Fprintln(stderr, "Adds or updates the documents of files or directories; adding a file again")
		fmt.Fprintln(stderr, "replaces its documents.")
		fs.PrintDefaults()
	}
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *dir == "" || fs.NArg() == 0 {
		fmt.Fprintln(stderr, "fangtan add: --index DIR and at least one PATH are required")
		fs.Usage()
		return errUsage
	}
	ex, err := exFlags.extractor()
	if err != nil {
		return err
	}
	var docs []fangtan.Document
	rep, err := corpus.Load(ctx, corpus.Options{}, fs.Args(), func(d fangtan.Document) error {
		docs = append(docs, d)
		return nil
	})
	if err != nil {
		return err
	}
	stats, err := indexer(*dir).Add(ctx, docs, buildOptions(ex))
	if err != nil {
		return err
	}
	printSummary(stdout, "added", *dir, stats, &rep, time.Since(start))
	if stats.Documents == 0 {
		return errors.New("no documents could be read")
	}
	return nil
}
