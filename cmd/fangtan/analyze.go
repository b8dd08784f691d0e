package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"fangtan/analyzer"

	"github.com/blevesearch/bleve/v2/analysis"
	"golang.org/x/text/width"
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
	termWidth := displayWidth("TERM")
	for _, t := range toks {
		termWidth = max(termWidth, displayWidth(t.Term))
	}
	pad := func(s string) string { return s + strings.Repeat(" ", termWidth-displayWidth(s)) }
	fmt.Fprintf(stdout, "%s  %5s  %5s  %5s  %s\n", pad("TERM"), "START", "END", "POS", "TEXT")
	for _, t := range toks {
		fmt.Fprintf(stdout, "%s  %5d  %5d  %5d  %s\n", pad(t.Term), t.Start, t.End, t.Position, t.Text)
	}
	return nil
}

// displayWidth counts East Asian wide and full-width runes as two columns,
// so that columns of Chinese terms line up in a terminal.
func displayWidth(s string) int {
	n := 0
	for _, r := range s {
		switch width.LookupRune(r).Kind() {
		case width.EastAsianWide, width.EastAsianFullwidth:
			n += 2
		default:
			n++
		}
	}
	return n
}
