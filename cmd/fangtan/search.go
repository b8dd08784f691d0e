package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"strings"

	"fangtan"
	"fangtan/analyzer"
)

// multiFlag collects a repeatable flag: --city 太原 --city 运城.
type multiFlag []string

func (m *multiFlag) String() string     { return strings.Join(*m, ",") }
func (m *multiFlag) Set(v string) error { *m = append(*m, v); return nil }

// searchFlags are the flags search and quotes share.
type searchFlags struct {
	fs      *flag.FlagSet
	backend *backendFlags
	dictDir *string
	asJSON  *bool
	from    *int
	size    *int
	sort    *string
	q       fangtan.Query
}

func newSearchFlags(name string, stderr io.Writer) *searchFlags {
	fs := newFlags(name, stderr)
	s := &searchFlags{fs: fs}
	s.backend = addBackendFlags(fs, "index directory (required with --backend bleve)")
	s.dictDir = fs.String("dict-dir", "", "directory of jieba dictionaries the index was built with")
	s.asJSON = fs.Bool("json", false, "print the result as JSON")
	s.from = fs.Int("from", 0, "skip this many hits")
	s.size = fs.Int("size", 10, "hits per page")
	s.sort = fs.String("sort", "relevance", "relevance, date (newest first) or oldest")
	s.facetFlags(fangtan.ArticleFacet)
	return s
}

// facetHelp is the help of each facet's flag.
var facetHelp = map[string]string{
	"official": "only documents naming this official (repeat for any of several)",
	"city":     "only documents about this city: 太原 or 太原市 (repeatable)",
	"province": "only documents about this province (repeatable)",
	"district": "only documents about this district or county (repeatable)",
	"theme":    "only documents with this theme (repeatable)",
	"source":   "only documents from this publication (repeatable)",
	"year":     "only documents from this year (repeatable)",
	"speaker":  "only quotes by this speaker (repeatable)",
}

// facetFlags adds a repeatable flag for each filterable facet of scope,
// named as the facet.
func (s *searchFlags) facetFlags(scope fangtan.FacetScope) {
	for _, f := range fangtan.Facets {
		if f.Scope != scope || f.Filter == nil {
			continue
		}
		help, ok := facetHelp[f.Name]
		if !ok {
			help = "only documents with this " + f.Name + " (repeatable)"
		}
		s.fs.Var((*multiFlag)(f.Filter(&s.q)), f.Name, help)
	}
}

// parse accepts flags anywhere among the query words, so that
// "fangtan search --index D 转型发展 -陵城区 --json" works: an argument
// starting with '-' that is not a known flag is an exclusion in the query.
func (s *searchFlags) parse(args []string) error {
	var flagArgs, words []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			words = append(words, args[i+1:]...)
			break
		}
		name, _, hasValue := strings.Cut(strings.TrimLeft(a, "-"), "=")
		if !strings.HasPrefix(a, "-") || len(a) == 1 {
			words = append(words, a)
			continue
		}
		f := s.fs.Lookup(name)
		if f == nil && name != "h" && name != "help" {
			words = append(words, a)
			continue
		}
		flagArgs = append(flagArgs, a)
		if f != nil && !hasValue && !isBoolFlag(f) && i+1 < len(args) {
			i++
			flagArgs = append(flagArgs, args[i])
		}
	}
	if err := parseFlags(s.fs, flagArgs); err != nil {
		return err
	}
	s.q.Text = strings.Join(words, " ")
	s.q.From, s.q.Size, s.q.Sort = *s.from, *s.size, *s.sort
	return nil
}

func isBoolFlag(f *flag.Flag) bool {
	b, ok := f.Value.(interface{ IsBoolFlag() bool })
	return ok && b.IsBoolFlag()
}

// openSearcher is the read side's interface to an index: the caller
// searches it and closes it.
type openSearcher interface {
	fangtan.Searcher
	io.Closer
}

// open opens the index read-only, so several searches can run at once.
// Searching only segments queries, so jieba loads without its keyword tables.
func (s *searchFlags) open(ctx context.Context) (openSearcher, error) {
	if err := analyzer.ConfigureForQueries(*s.dictDir); err != nil {
		return nil, err
	}
	return s.backend.searcher(ctx)
}

func runSearch(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	s := newSearchFlags("search", stderr)
	s.fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: fangtan search --index DIR [--json] [--from N] [--size N] [--sort relevance|date]")
		fmt.Fprintln(stderr, "         [--official X] [--city X] [--province X] [--theme X] [--source X] [--year Y] QUERY")
		fmt.Fprintln(stderr, `Query: words (all must match), "exact phrase", -word, A OR B, official:李慧 city:太原`)
		fmt.Fprintln(stderr, "province:山西 district:小店区 theme:办实事 source:光明日报 year:2021 date:2021-07..2021-12")
		s.fs.PrintDefaults()
	}
	return runQuery(ctx, s, args, stdout, stderr, func(idx fangtan.Searcher) (*fangtan.Result, error) {
		return idx.Search(ctx, s.q)
	}, printResult)
}

// runQuery is what search and quotes share: parse the flags, open the index,
// run the query and print its result as JSON or as text.
func runQuery[R any](ctx context.Context, s *searchFlags, args []string, stdout, stderr io.Writer,
	query func(fangtan.Searcher) (R, error), print func(w io.Writer, res R, from int, tty bool)) error {
	if err := s.parse(args); err != nil {
		return err
	}
	if err := s.backend.check(); err != nil {
		return usageError(s.fs, stderr, err)
	}
	idx, err := s.open(ctx)
	if err != nil {
		return err
	}
	defer idx.Close()
	res, err := query(idx)
	if err != nil {
		return err
	}
	if *s.asJSON {
		return writeJSON(stdout, res)
	}
	print(stdout, res, s.q.From, isTerminal(stdout))
	return nil
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// marked renders a snippet for the terminal: matches in bold red on a
// terminal (through safeWriter, which alone may write escapes) and in 【】
// elsewhere, without emphasis marks (fangtan.WithoutEmphasis); --json
// gives the text as indexed.
func marked(sn fangtan.Snippet, tty bool) string {
	open, close := "【", "】"
	if tty {
		open, close = string(markOpen), string(markClose)
	}
	// The text's own private-use marks, if any, must not become colours.
	text := strings.NewReplacer(string(markOpen), "\uFFFD", string(markClose), "\uFFFD").Replace(sn.Text)
	var b strings.Builder
	if sn.Before {
		b.WriteString("…")
	}
	pos := 0
	for _, sp := range sn.Spans {
		if sp.Start < pos || sp.End > len(text) || sp.Start >= sp.End {
			continue
		}
		b.WriteString(text[pos:sp.Start] + open + text[sp.Start:sp.End] + close)
		pos = sp.End
	}
	b.WriteString(text[pos:])
	if sn.After {
		b.WriteString("…")
	}
	return fangtan.WithoutEmphasis(b.String())
}

func printResult(w io.Writer, r *fangtan.Result, from int, tty bool) {
	fmt.Fprintf(w, "%d results (%.1f ms)\n", r.Total, r.TookMs)
	for i, h := range r.Hits {
		fmt.Fprintf(w, "\n%d. %s\n", from+i+1, oneLine(h.Title))
		meta := []string{h.Date, h.Source, h.ID}
		fmt.Fprintf(w, "   %s  score %.2f  %s\n", oneLine(strings.Join(nonEmpty(meta), " · ")), h.Score, oneLine(h.File))
		var who []string
		for _, o := range h.Officials {
			who = append(who, o.Label())
		}
		if len(who) > 0 {
			fmt.Fprintf(w, "   officials: %s\n", strings.Join(who, "、"))
		}
		if places := fangtan.PlaceNames(h.Provinces, h.Cities, h.Districts); len(places) > 0 {
			fmt.Fprintf(w, "   places: %s\n", strings.Join(places, "、"))
		}
		if len(h.Themes) > 0 {
			fmt.Fprintf(w, "   themes: %s\n", strings.Join(h.Themes, "、"))
		}
		for _, sn := range h.Snippets {
			fmt.Fprintf(w, "   %s\n", oneLine(marked(sn, tty)))
		}
		if len(h.Reprints) > 0 {
			ids := make([]string, len(h.Reprints))
			for i, rp := range h.Reprints {
				ids[i] = rp.ID
			}
			fmt.Fprintf(w, "   also published as: %s\n", oneLine(strings.Join(ids, ", ")))
		}
	}
	printFacets(w, r.Facets, fangtan.FacetNames(fangtan.ArticleFacet))
}

func printFacets(w io.Writer, facets map[string][]fangtan.FacetCount, names []string) {
	first := true
	for _, name := range names {
		counts := facets[name]
		if len(counts) == 0 {
			continue
		}
		if first {
			fmt.Fprintln(w)
			first = false
		}
		var parts []string
		for i, c := range counts {
			if i == 10 {
				parts = append(parts, fmt.Sprintf("… %d more", len(counts)-10))
				break
			}
			parts = append(parts, fmt.Sprintf("%s (%d)", c.Value, c.Count))
		}
		fmt.Fprintf(w, "%s: %s\n", name, strings.Join(parts, ", "))
	}
}

func nonEmpty(ss []string) []string {
	var out []string
	for _, s := range ss {
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}
