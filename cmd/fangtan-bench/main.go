// Command fangtan-bench measures fangtan against the peers a Go user would
// pick (bleve's cjk analyzer, a plain gojieba adapter), and fangtan on
// PostgreSQL (one node, and a coordinator with two postgres_fdw shards, in
// private clusters it starts), on a JSON-lines corpus: indexing time and memory, index size, search latency in process
// and over HTTP, and exact-substring recall. It is a developer's tool, kept
// out of the fangtan binary; `make bench` builds and runs it.
//
// It runs each configuration's indexing in a child process of its own (this
// program, re-executed, or `fangtan index --backend postgres` for the
// PostgreSQL configurations), so that each gets its own peak RSS, and serves
// fangtan with the real `fangtan serve` (--fangtan).
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"fangtan/internal/bench"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	if errors.Is(err, flag.ErrHelp) {
		return
	}
	if err != nil {
		if !errors.Is(err, errUsage) {
			fmt.Fprintln(os.Stderr, "fangtan-bench:", err)
		}
		os.Exit(1)
	}
}

// errUsage marks a command-line mistake: the usage has already been printed.
var errUsage = errors.New("usage")

// stringList is a flag that may be given several times.
type stringList []string

func (s *stringList) String() string     { return strings.Join(*s, ",") }
func (s *stringList) Set(v string) error { *s = append(*s, v); return nil }

func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if bench.IsChild() {
		return bench.RunChild(ctx, stdout)
	}
	fs := flag.NewFlagSet("fangtan-bench", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fangtanBin := fs.String("fangtan", "bin/fangtan", "the fangtan binary whose 'serve' is measured")
	var corpora stringList
	fs.Var(&corpora, "corpus", "JSONL corpus; repeat to combine corpora (default ../shared/corpus/xwlb.jsonl)")
	limit := fs.Int("limit", 0, "read at most `N` records from each corpus (0 = all)")
	copies := fs.Int("copies", 1, "replicate the corpus `K` times with fresh ids")
	configs := fs.String("configs", "", "comma-separated configurations to measure (default: "+strings.Join(bench.ConfigNames(), ",")+"; scale: fangtan)")
	jsonOut := fs.String("json-out", "", "write the results as JSON here (default docs/benchmarks.json, scale: docs/benchmarks-scale.json)")
	mdOut := fs.String("md-out", "docs/benchmarks.md", "update the generated section of this Markdown file (empty: don't)")
	mdSection := fs.String("md-section", "", "the generated section's `NAME` (between <!-- NAME:begin --> and <!-- NAME:end -->; default bench, scale: bench-scale)")
	scale := fs.Bool("scale", false, "scale runs: xwlb + hkcnews together, then 1×, 2× and 4× xwlb")
	hkc := fs.String("hkcnews", "../shared/corpus/hkcnews-10k.jsonl", "the Traditional corpus of the scale run")
	requests := fs.Int("requests", 2000, "stop each latency run after `N` queries")
	duration := fs.Duration("duration", 30*time.Second, "stop each latency run after this long")
	clients := fs.Int("clients", 8, "concurrent HTTP clients")
	recall := fs.Int("recall-queries", 200, "size of the recall sample")
	seed := fs.Uint64("seed", 20260601, "seed of the query mix and the recall sample")
	workdir := fs.String("workdir", "", "keep the indexes in this directory (default: a temporary one, removed)")
	profileDir := fs.String("profile-dir", "", "write CPU profiles of each configuration's indexing and in-process search into `DIR`")
	childServe := fs.Bool("child-serve", false, "serve fangtan from a bench child instead of 'fangtan serve'")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return errUsage
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "fangtan-bench: unexpected argument %q\n", fs.Arg(0))
		return errUsage
	}
	if len(corpora) == 0 {
		corpora = stringList{"../shared/corpus/xwlb.jsonl"}
	}
	for _, c := range append([]string(corpora), *hkc) {
		if c == *hkc && !*scale {
			continue
		}
		if _, err := os.Stat(c); err != nil {
			return fmt.Errorf("corpus %s: %w (run from the repository root with ../shared/corpus present, or pass --corpus)", c, err)
		}
	}
	exe, err := os.Executable()
	if err != nil {
		return err
	}
	serveBin, err := filepath.Abs(*fangtanBin)
	if err != nil {
		return err
	}
	if _, err := os.Stat(serveBin); err != nil && !*childServe {
		return fmt.Errorf("fangtan binary %s: %w (build it with 'make build', or pass --fangtan)", serveBin, err)
	}
	opts := bench.Options{
		Corpora: corpora, Limit: *limit, Copies: *copies,
		Seed: *seed, RecallQueries: *recall,
		Search:  bench.Limits{Requests: *requests, Duration: *duration},
		Clients: *clients, WorkDir: *workdir, ProfileDir: *profileDir,
		Self: []string{exe},
		Log:  stderr,
	}
	if _, err := os.Stat(serveBin); err == nil {
		opts.Fangtan = serveBin
	}
	if !*childServe {
		opts.ServeArgs = func(indexDir, addr string) []string {
			return []string{serveBin, "serve", "--index", indexDir, "--addr", addr}
		}
	}
	if *configs != "" {
		opts.Configs = strings.Split(*configs, ",")
	}
	section, defJSON := "bench", "docs/benchmarks.json"
	if *scale {
		section, defJSON = "bench-scale", "docs/benchmarks-scale.json"
	}
	if *jsonOut == "" {
		*jsonOut = defJSON
	}
	if *mdSection != "" {
		section = *mdSection
	}
	write := func(rep *bench.Report) error {
		if err := bench.WriteJSON(rep, *jsonOut); err != nil {
			return fmt.Errorf("json: %w", err)
		}
		if *mdOut != "" {
			if err := bench.WriteMarkdown(*mdOut, section, bench.Markdown(rep)); err != nil {
				return fmt.Errorf("markdown: %w", err)
			}
		}
		fmt.Fprintf(stderr, "bench: wrote %s and %s\n", *jsonOut, filepath.Clean(*mdOut))
		return nil
	}
	var rep *bench.Report
	if *scale {
		if *configs == "" {
			opts.Configs = []string{bench.NameFangtan}
		}
		opts.OnScalePoint = write
		rep, err = bench.RunScale(ctx, opts, corpora[0], *hkc)
	} else {
		rep, err = bench.Run(ctx, opts)
	}
	if rep != nil {
		bench.WriteText(stdout, rep)
	}
	if err != nil {
		return err
	}
	return write(rep)
}
