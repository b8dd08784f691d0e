package main

import (
	"context"
	"fmt"
	"io"
	"slices"
	"strings"

	"fangtan"
)

func runQuotes(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	s := newSearchFlags("quotes", stderr)
	s.facetFlags(fangtan.QuoteFacet)
	s.fs.StringVar(&s.q.Kind, "kind", "", "only direct quotes (direct) or reported speech (reported)")
	s.fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: fangtan quotes --index DIR [--json] [--speaker X] [--kind direct|reported] [--from N] [--size N] QUERY")
		fmt.Fprintln(stderr, "Searches quotations with the query language of 'fangtan search', plus speaker:NAME.")
		s.fs.PrintDefaults()
	}
	return runQuery(ctx, s, args, stdout, stderr, func(idx fangtan.Searcher) (*fangtan.QuoteResult, error) {
		return idx.SearchQuotes(ctx, s.q)
	}, printQuotes)
}

func printQuotes(w io.Writer, r *fangtan.QuoteResult, from int, tty bool) {
	fmt.Fprintf(w, "%d quotes (%.1f ms)\n", r.Total, r.TookMs)
	first := 0      // the hit that first printed the words of hit i
	partOf := false // whether the hit before i was printed as part of another
	for i, h := range r.Hits {
		meta := oneLine(strings.Join(nonEmpty([]string{h.Title, h.Date, h.Source, fmt.Sprintf("%s ¶%d", h.DocID, h.Paragraph)}), " · "))
		if i > 0 && !partOf && r.Hits[i-1].SameQuotation(h) {
			fmt.Fprintf(w, "%d. (the same words as %d.) %s\n", from+i+1, from+first+1, meta)
			continue
		}
		// Words in quotation marks and the reported statement around them
		// are one statement that extraction gives twice: the part is not
		// printed again, the whole says which hit it holds.
		around := ""
		partOf = false
		if j := slices.IndexFunc(r.Hits[:i], h.Within); j >= 0 {
			fmt.Fprintf(w, "%d. (part of %d.) %s\n", from+i+1, from+j+1, meta)
			partOf = true
			continue
		} else if j := slices.IndexFunc(r.Hits[:i], func(o fangtan.QuoteHit) bool { return o.Within(h) }); j >= 0 {
			around = fmt.Sprintf("(the statement around %d.) ", from+j+1)
		}
		first = i
		text := fangtan.WithoutEmphasis(h.Text)
		if len(h.Snippets) > 0 {
			text = marked(h.Snippets[0], tty)
		}
		fmt.Fprintf(w, "\n%d. %s%s\n", from+i+1, around, oneLine(text))
		speaker := h.Speaker
		if speaker == "" {
			speaker = "(speaker unknown)"
		} else if h.SpeakerTitle != "" {
			speaker += "," + h.CitedPost()
		}
		if h.Kind == fangtan.QuoteReported {
			speaker += " (reported)"
		}
		fmt.Fprintf(w, "   — %s\n", speaker)
		fmt.Fprintf(w, "   %s\n", meta)
	}
	printFacets(w, r.Facets, fangtan.FacetNames(fangtan.QuoteFacet))
}
