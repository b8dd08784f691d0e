package main

import (
	"context"
	"fmt"
	"io"
	"strings"

	"fangtan"
)

func runQuotes(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	s := newSearchFlags("quotes", stderr)
	s.fs.Var((*multiFlag)(&s.q.Speakers), "speaker", "only quotes by this speaker (repeatable)")
	s.fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: fangtan quotes --index DIR [--json] [--speaker X] [--from N] [--size N] QUERY")
		fmt.Fprintln(stderr, "Searches quotations with the query language of 'fangtan search', plus speaker:NAME.")
		s.fs.PrintDefaults()
	}
	if err := s.parse(args); err != nil {
		return err
	}
	if *s.dir == "" {
		fmt.Fprintln(stderr, "fangtan quotes: --index DIR is required")
		s.fs.Usage()
		return errUsage
	}
	idx, err := s.open()
	if err != nil {
		return err
	}
	defer idx.Close()
	res, err := idx.SearchQuotes(ctx, s.q)
	if err != nil {
		return err
	}
	if *s.asJSON {
		return writeJSON(stdout, res)
	}
	printQuotes(stdout, res, s.q.From, isTerminal(stdout))
	return nil
}

func printQuotes(w io.Writer, r *fangtan.QuoteResult, from int, tty bool) {
	fmt.Fprintf(w, "%d quotes (%.1f ms)\n", r.Total, r.TookMs)
	for i, h := range r.Hits {
		text := h.Text
		if len(h.Fragments) > 0 {
			text = plain(h.Fragments[0], tty)
		}
		fmt.Fprintf(w, "\n%d. %s\n", from+i+1, text)
		speaker := h.Speaker
		if speaker == "" {
			speaker = "(speaker unknown)"
		} else if h.SpeakerTitle != "" {
			speaker += "," + h.SpeakerTitle
		}
		fmt.Fprintf(w, "   — %s\n", speaker)
		fmt.Fprintf(w, "   %s\n", strings.Join(nonEmpty([]string{h.Title, h.Date, h.Source, h.DocID}), " · "))
	}
	printFacets(w, r.Facets, []string{"speaker"})
}
