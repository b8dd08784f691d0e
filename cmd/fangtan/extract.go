package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"runtime"
	"strings"

	"fangtan"
	"fangtan/corpus"
)

func runExtract(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("extract", stderr)
	asJSON := fs.Bool("json", false, "print one JSON object per document (the fangtan.Document fields)")
	exFlags := addExtractorFlags(fs)
	pageOnly := fs.Bool("page-only", false, "skip officials, places, themes, keywords and quotes: print only what the page itself says")
	workers := fs.Int("workers", runtime.GOMAXPROCS(0), "goroutines running the extractor (output order does not depend on it)")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: fangtan extract [--json] [--dict-dir DIR] [--themes FILE] [--aliases FILE] [--page-only] [--workers N] [PATH...]")
		fmt.Fprintln(stderr, "Reads files or directories (.txt .html .md .jsonl .json; UTF-8, GBK or Big5);")
		fmt.Fprintln(stderr, "without PATH, the bundled sample corpus.")
		fs.PrintDefaults()
	}
	if err := parseFlags(fs, args); err != nil {
		return err
	}

	opts := corpus.Options{Workers: *workers}
	if !*pageOnly {
		ex, err := exFlags.extractor()
		if err != nil {
			return err
		}
		opts.Extractor = ex
	}

	out := bufio.NewWriter(stdout)
	defer out.Flush()
	enc := json.NewEncoder(out)
	enc.SetEscapeHTML(false)
	emit := func(d fangtan.Document) error {
		if *asJSON {
			return enc.Encode(d)
		}
		printDocument(out, &d)
		return nil
	}
	rep, err := corpus.Load(ctx, opts, fs.Args(), emit)
	if ferr := out.Flush(); err == nil && ferr != nil {
		err = ferr
	}
	for _, p := range rep.Problems {
		fmt.Fprintf(stderr, "%s: %s\n", oneLine(p.Path), oneLine(p.Reason))
	}
	if err != nil {
		return err
	}
	if rep.Documents == 0 {
		return errors.New("nothing could be read")
	}
	return nil
}

// printDocument writes a document for reading in a terminal.
func printDocument(w io.Writer, d *fangtan.Document) {
	fmt.Fprintf(w, "== %s  (%s", oneLine(d.ID), oneLine(d.File))
	if d.Part > 0 {
		fmt.Fprintf(w, ", article %d of %d", d.Part, len(d.Siblings)+1)
	}
	fmt.Fprintln(w, ")")
	field := func(name, value string) {
		if value != "" {
			fmt.Fprintf(w, "%-10s %s\n", name+":", oneLine(value))
		}
	}
	field("title", d.Title)
	field("date", d.Date)
	field("source", d.Source)
	field("url", d.URL)
	field("authors", strings.Join(d.Authors, "、"))
	var officials []string
	for _, o := range d.Officials {
		s := o.Name
		if o.Title != "" {
			s += "(" + o.Title + ")"
		}
		if o.Subject {
			s += "*"
		}
		officials = append(officials, s)
	}
	field("officials", strings.Join(officials, "; "))
	field("provinces", strings.Join(d.Places.Provinces, "、"))
	field("cities", strings.Join(d.Places.Cities, "、"))
	field("districts", strings.Join(d.Places.Districts, "、"))
	field("themes", strings.Join(d.Themes, "、"))
	field("keywords", strings.Join(d.Keywords, " "))
	for _, q := range d.Quotes {
		speaker := q.Speaker
		if speaker == "" {
			speaker = "?"
		}
		if q.SpeakerTitle != "" {
			speaker += "(" + q.SpeakerTitle + ")"
		}
		text := []rune(q.Text)
		if len(text) > 80 {
			text = append(text[:80], '…')
		}
		label := "quote:"
		if q.Kind == fangtan.QuoteReported {
			label = "reported:" // 她又說，政府會繼續努力: her words as the reporter gives them
		}
		fmt.Fprintf(w, "%-10s %s: %s\n", label, speaker, string(text))
	}
	fmt.Fprintln(w)
	for _, p := range d.Paragraphs {
		fmt.Fprintf(w, "    %s\n", p)
	}
	fmt.Fprintln(w)
}
