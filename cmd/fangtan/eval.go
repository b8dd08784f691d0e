package main

import (
	"context"
	"fmt"
	"io"
	"strings"

	"fangtan/extract"
)

func runEval(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("eval", stderr)
	exFlags := addExtractorFlags(fs)
	floorsFile := fs.String("floors", "", "JSON file of the lowest scores allowed (field → precision/recall → minimum); fail when one is not met")
	misses := fs.Bool("misses", false, "also list, item by item, what was missed (-), found but not labelled (+), and wrong speakers (≠)")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: fangtan eval [--misses] [--floors FILE] [--dict-dir DIR] [--themes FILE] [--aliases FILE] GOLD.json...")
		fmt.Fprintln(stderr, "Scores extraction against hand-labelled gold files (testdata/gold/README.md):")
		fmt.Fprintln(stderr, "precision, recall and F1 for each field, over all items.")
		fs.PrintDefaults()
	}
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return errUsage
	}
	items, err := extract.LoadGold(fs.Args()...)
	if err != nil {
		return err
	}
	var floors extract.Floors
	if *floorsFile != "" {
		if floors, err = extract.LoadFloors(*floorsFile); err != nil {
			return err
		}
	}
	ex, err := exFlags.extractor()
	if err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	ev := extract.Evaluate(ex, items)
	if *misses {
		for _, m := range ev.Misses {
			fmt.Fprintln(stdout, m)
		}
		fmt.Fprintln(stdout)
	}
	ev.WriteTable(stdout)
	if below := ev.Below(floors); len(below) > 0 {
		return fmt.Errorf("scores below the floors of %s: %s", *floorsFile, strings.Join(below, "; "))
	}
	return nil
}
