package analyzer

import (
	"testing"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
)

// fuzzSeeds are inputs the analyzers have got wrong before or that sit on
// an edge: invalid UTF-8, full-width forms, Traditional characters whose
// Simplified form has another UTF-8 length, NULs, lone combining marks.
var fuzzSeeds = []string{
	"", "刘振华市长", "迎澤區委書記", "ＡＢ\u3000ｃ５Ｇ", "a\xffb刘振华", "\x00\x01", "㑮㑮刘",
	"GDP增长3.82%，5G基站", "「办实事」、“开新局”", "\u0301\u0301字", "\xe4\xb8", "𠀀𠀁𪚥", "......", "3..4.5.",
}

// FuzzAnalyzers: neither analyzer panics on any input, and every token lies
// within the input on rune boundaries, in order of start and position, with
// a valid UTF-8 term.
func FuzzAnalyzers(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	seg, err := Default()
	if err != nil {
		f.Fatal(err)
	}
	analyzers := []struct {
		name string
		a    analysis.Analyzer
	}{{"word", NewWordAnalyzer(seg)}, {"exact", NewExactAnalyzer()}}
	f.Fuzz(func(t *testing.T, in string) {
		for _, an := range analyzers {
			checkTokens(t, an.name, in, an.a.Analyze([]byte(in)))
		}
	})
}

func checkTokens(t *testing.T, name, in string, stream analysis.TokenStream) {
	t.Helper()
	// Rune boundaries as Go decodes: an invalid byte is a rune of its own.
	boundary := make([]bool, len(in)+1)
	for i := range in {
		boundary[i] = true
	}
	boundary[len(in)] = true
	prevStart, prevPos := 0, 0
	for _, tk := range stream {
		if tk.Start < 0 || tk.End > len(in) || tk.Start >= tk.End {
			t.Fatalf("%s: token %q [%d,%d) outside the input of %d bytes", name, tk.Term, tk.Start, tk.End, len(in))
		}
		if !boundary[tk.Start] || !boundary[tk.End] {
			t.Fatalf("%s: token %q [%d,%d) splits a rune of %q", name, tk.Term, tk.Start, tk.End, in)
		}
		if len(tk.Term) == 0 || !utf8.Valid(tk.Term) {
			t.Fatalf("%s: token term %q is empty or not valid UTF-8", name, tk.Term)
		}
		if tk.Start < prevStart || tk.Position < prevPos || tk.Position < 1 {
			t.Fatalf("%s: token %q [%d,%d) at position %d follows start %d, position %d", name, tk.Term, tk.Start, tk.End, tk.Position, prevStart, prevPos)
		}
		prevStart, prevPos = tk.Start, tk.Position
	}
}

// FuzzFold: folding keeps the rune count, gives valid UTF-8, and its offset
// map runs from 0 to len(s) without going back, landing on rune starts
// (an invalid byte counts as a rune of its own).
func FuzzFold(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		folded := Fold(s)
		if !utf8.ValidString(folded) {
			t.Fatalf("Fold(%q) = %q is not valid UTF-8", s, folded)
		}
		if a, b := utf8.RuneCountInString(s), utf8.RuneCountInString(folded); a != b {
			t.Fatalf("Fold(%q) = %q: %d runes became %d", s, folded, a, b)
		}
		f2, orig := FoldWithOffsets(s)
		if f2 != folded {
			t.Fatalf("FoldWithOffsets(%q) folds to %q, Fold to %q", s, f2, folded)
		}
		if len(orig) != len(folded)+1 || orig[0] != 0 || orig[len(folded)] != len(s) {
			t.Fatalf("FoldWithOffsets(%q): %d offsets for %d folded bytes, first %v", s, len(orig), len(folded), orig[:min(len(orig), 1)])
		}
		for i := 1; i < len(orig); i++ {
			if orig[i] < orig[i-1] || orig[i] > len(s) {
				t.Fatalf("FoldWithOffsets(%q): offset %d = %d after %d", s, i, orig[i], orig[i-1])
			}
			if utf8.ValidString(s) && i < len(folded) && utf8.RuneStart(folded[i]) && orig[i] < len(s) && !utf8.RuneStart(s[orig[i]]) {
				t.Fatalf("FoldWithOffsets(%q): folded rune at %d maps inside a rune at %d", s, i, orig[i])
			}
		}
		for _, term := range ExactTerms(s) {
			if n := utf8.RuneCountInString(term); n < 1 || n > 2 || !utf8.ValidString(term) {
				t.Fatalf("ExactTerms(%q) holds %q", s, term)
			}
		}
	})
}
