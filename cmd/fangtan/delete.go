package main

import (
	"context"
	"errors"
	"fmt"
	"io"
)

func runDelete(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("delete", stderr)
	bf := addBackendFlags(fs, "index directory (required with --backend bleve)")
	// A deleted article whose only reprints are versions leaves them
	// articles again, extracted from their own texts.
	exFlags := addExtractorFlags(fs)
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: fangtan delete --index DIR ID...")
		fmt.Fprintln(stderr, "       fangtan delete --backend postgres --dsn postgres://USER@HOST/DB ID...")
		fmt.Fprintln(stderr, "Deletes documents (with their quotes) by id.")
		fs.PrintDefaults()
	}
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if err := bf.check(); err != nil {
		return usageError(fs, stderr, err)
	}
	if fs.NArg() == 0 {
		return usageError(fs, stderr, errors.New("at least one ID is required"))
	}
	ex, err := exFlags.extractor()
	if err != nil {
		return err
	}
	ix, _, closeIx, err := bf.indexer(ctx)
	if err != nil {
		return err
	}
	defer closeIx()
	n, err := ix.Delete(ctx, fs.Args(), ex.BuildOptions())
	fmt.Fprintf(stdout, "deleted %d documents\n", n)
	return err
}
