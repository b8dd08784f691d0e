// Command fangtan indexes Chinese news pages and interviews and serves a
// faceted search over them. Each subcommand lives in its own file; this one
// only dispatches.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	// Executes the program again, before most packages initialize, with
	// the malloc settings that make jieba's dictionary load several times
	// faster, and keeps main on the main thread, whose malloc arena they
	// serve best.
	_ "fangtan/internal/hugepages/startup"
)

// command is one subcommand: run parses its own flags from args.
type command struct {
	name    string
	summary string
	run     func(ctx context.Context, args []string, stdout, stderr io.Writer) error
}

func commands() []command {
	return []command{
		{"index", "build an index from files or directories (default: the bundled sample corpus)", runIndex},
		{"add", "add or update documents in an existing index", runAdd},
		{"delete", "delete documents from an index by id", runDelete},
		{"search", "search articles", runSearch},
		{"quotes", "search quotations", runQuotes},
		{"serve", "serve the web UI and JSON API", runServe},
		{"extract", "print the documents extracted from files", runExtract},
		{"eval", "score extraction against hand-labelled gold files", runEval},
		{"analyze", "print the tokens the analyzers produce for a text", runAnalyze},
	}
}

// errUsage marks a command-line mistake: the usage has already been printed.
var errUsage = errors.New("usage")

func main() {
	ctx, stop := interruptible(context.Background())
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// interruptible returns a context cancelled by the first SIGINT or SIGTERM,
// with "interrupted by SIGNAL" as its cause, so that a stopped command says
// why rather than "context canceled". A second signal gets the default
// action (the process ends at once), for a user whose cleanup takes too long.
func interruptible(parent context.Context) (context.Context, func()) {
	ctx, cancel := context.WithCancelCause(parent)
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
	done := make(chan struct{})
	go func() {
		select {
		case sig := <-sigs:
			signal.Stop(sigs)
			cancel(fmt.Errorf("%w by %v", errInterrupted, sig))
		case <-done:
		}
	}()
	return ctx, func() {
		close(done)
		signal.Stop(sigs)
		cancel(nil)
	}
}

// errInterrupted is the cause of a command stopped by a signal.
var errInterrupted = errors.New("interrupted")

func run(ctx context.Context, args []string, rawStdout, rawStderr io.Writer) int {
	stdout, stderr := newSafeWriter(rawStdout), newSafeWriter(rawStderr)
	defer stdout.Flush()
	defer stderr.Flush()
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		usage(stderr)
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	for _, c := range commands() {
		if c.name != args[0] {
			continue
		}
		err := c.run(ctx, args[1:], stdout, stderr)
		switch {
		case err == nil:
			return 0
		case errors.Is(err, flag.ErrHelp):
			return 0
		case errors.Is(err, errUsage):
			return 2
		default:
			fmt.Fprintf(stderr, "fangtan %s: %s\n", c.name, oneLine(err.Error()))
			return 1
		}
	}
	fmt.Fprintf(stderr, "fangtan: unknown command %q\n\n", args[0])
	usage(stderr)
	return 2
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "usage: fangtan COMMAND [flags] [args]")
	fmt.Fprintln(w, "\ncommands:")
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-8s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w, "\nRun 'fangtan COMMAND -h' for a command's flags.")
}

// newFlags returns a FlagSet that reports errors instead of exiting, so that
// run stays testable.
func newFlags(name string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet("fangtan "+name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	return fs
}

// parseFlags parses args and turns a flag mistake into errUsage.
func parseFlags(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return errUsage
	}
	return nil
}
