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
	bf := addBackendFlags(fs, "index directory (required with --backend bleve)")
	exFlags := addExtractorFlags(fs)
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: fangtan add --index DIR PATH...")
		fmt.Fprintln(stderr, "       fangtan add --backend postgres --dsn postgres://USER@HOST/DB PATH...")
		fmt.Fprintln(stderr, "Adds or updates the documents of files or directories; adding a file again")
		fmt.Fprintln(stderr, "replaces its documents.")
		fs.PrintDefaults()
	}
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if err := bf.check(); err != nil {
		return usageError(fs, stderr, err)
	}
	if fs.NArg() == 0 {
		return usageError(fs, stderr, errors.New("at least one PATH is required"))
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
	ix, name, closeIx, err := bf.indexer(ctx)
	if err != nil {
		return err
	}
	defer closeIx()
	stats, err := ix.Add(ctx, docs, ex.BuildOptions())
	if err != nil {
		return err
	}
	printSummary(stdout, "added", name, stats, &rep, time.Since(start))
	if stats.Documents == 0 {
		return errors.New("no documents could be read")
	}
	return nil
}
