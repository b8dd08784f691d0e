package main

import (
	"context"
	"fmt"
	"io"
)

func runDelete(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("delete", stderr)
	dir := fs.String("index", "", "index directory (required)")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: fangtan delete --index DIR ID...")
		fmt.Fprintln(stderr, "Deletes documents (with their quotes) by id.")
		fs.PrintDefaults()
	}
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *dir == "" || fs.NArg() == 0 {
		fmt.Fprintln(stderr, "fangtan delete: --index DIR and at least one ID are required")
		fs.Usage()
		return errUsage
	}
	n, err := indexer(*dir).Delete(ctx, fs.Args())
	fmt.Fprintf(stdout, "deleted %d documents\n", n)
	return err
}
