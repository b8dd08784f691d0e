package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"fangtan/analyzer"

	"github.com/blevesearch/bleve/v2/analysis"
)

// analyzedToken is one line of `fangtan analyze` output.
type analyzedToken struct {
	Term     string `json:"term"`
	Start    int    `json:"start"`
	End      int    `json:"end"`
	Position int    `json:"position"`
	Text     string `json:"text"` // the original text between Start and End
}

func runAnalyze(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("analyze", stderr)
	exact := fs.Bool("exact", false, "use the exact (unigram+bigram) analyzer instead of the word analyzer")
	dictDir := fs.String("dict-dir", "", "directory of jieba dictionaries (default: the embedded ones)")
	asJSON := fs.Bool("json", false, "print the tokens as JSON")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: fangtan analyze [--exact] [--dict-dir DIR] [--json] TEXT")
		fs.PrintDefaults()
	}
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return errUsage
	}
	text := strings.Join(fs.Args(), " ")

	var a analysis.Analyzer
	if *exact {
		a = analyzer.NewExactAnalyzer()
	} else {
		seg, err := analyzer.Open(*dictDir)
		if err != nil {
			return err
		}
		a = analyzer.NewWordAnalyzer(seg)
	}
	var toks []analyzedToken
	for _, t := range a.Analyze([]byte(text)) {
		toks = append(toks, analyzedToken{
			Term: string(t.Term), Start: t.Start, End: t.End, Position: t.Position,
			Text: text[t.Start:t.End],
		})
	}
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		if toks == nil {
			toks = []analyzedToken{}
		}
		return enc.Encode(toks)
	}
	tw := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "TERM\tSTART\tEND\tPOS\tTEXT")
	for _, t := range toks {
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%s\n", t.Term, t.Start, t.End, t.Position, t.Text)
	}
	return tw.Flush()
}
