package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net"

	"fangtan/analyzer"
	"fangtan/index"
	"fangtan/web"
)

func runServe(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("serve", stderr)
	dir := fs.String("index", "", "index directory to serve (required)")
	addr := fs.String("addr", "127.0.0.1:8080", "address to listen on")
	dictDir := fs.String("dict-dir", "", "directory of jieba dictionaries (default: the embedded ones); use the one the index was built with")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: fangtan serve --index DIR [--addr HOST:PORT] [--dict-dir D]")
		fmt.Fprintln(stderr, "Serves the search page, the JSON API and exports of the index at DIR.")
		fmt.Fprintln(stderr, "The server only reads the index. SIGINT or SIGTERM stops it after the")
		fmt.Fprintln(stderr, "requests in flight have finished.")
		fs.PrintDefaults()
	}
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *dir == "" || fs.NArg() > 0 {
		if *dir == "" {
			fmt.Fprintln(stderr, "fangtan serve: --index DIR is required")
		} else {
			fmt.Fprintf(stderr, "fangtan serve: unexpected argument %q\n", fs.Arg(0))
		}
		fs.Usage()
		return errUsage
	}

	// Load the dictionaries before listening: a bad --dict-dir fails now,
	// and the first query does not pay for the load.
	if err := analyzer.Configure(*dictDir); err != nil {
		return err
	}
	if _, err := analyzer.Default(); err != nil {
		return fmt.Errorf("open dictionaries: %w", err)
	}
	idx, err := index.OpenReadOnly(*dir)
	if err != nil {
		return err
	}
	defer idx.Close()
	articles, quotes, err := idx.Count(ctx)
	if err != nil {
		return err
	}

	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", *addr, err)
	}
	logger := slog.New(slog.NewTextHandler(stderr, nil))
	fmt.Fprintf(stdout, "fangtan: serving %s (%d articles, %d quotes) at http://%s/\n", *dir, articles, quotes, ln.Addr())
	if err := web.Serve(ctx, ln, web.New(idx, web.Options{Logger: logger}), logger); err != nil {
		return err
	}
	fmt.Fprintln(stdout, "fangtan: stopped")
	return nil
}
