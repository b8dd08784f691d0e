package analyzer

import (
	"fangtan/internal/han"
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/registry"
)

func init() {
	// bleve's own analysis packages register this way; a duplicate name is a
	// programming error that must stop the program before any index opens.
	for _, err := range []error{
		registry.RegisterTokenizer(WordTokenizerName, newWordTokenizer),
		registry.RegisterAnalyzer(WordAnalyzerName, analyzerOf(WordTokenizerName)),
		registry.RegisterTokenizer(ExactTokenizerName, newExactTokenizer),
		registry.RegisterAnalyzer(ExactAnalyzerName, analyzerOf(ExactTokenizerName)),
	} {
		if err != nil {
			panic(err)
		}
	}
}

func newWordTokenizer(map[string]interface{}, *registry.Cache) (analysis.Tokenizer, error) {
	seg, err := Default()
	if err != nil {
		return nil, fmt.Errorf("%s tokenizer: %w", WordTokenizerName, err)
	}
	return &WordTokenizer{Segmenter: seg}, nil
}

func newExactTokenizer(map[string]interface{}, *registry.Cache) (analysis.Tokenizer, error) {
	return ExactTokenizer{}, nil
}

func analyzerOf(tokenizer string) registry.AnalyzerConstructor {
	return func(_ map[string]interface{}, cache *registry.Cache) (analysis.Analyzer, error) {
		t, err := cache.TokenizerNamed(tokenizer)
		if err != nil {
			return nil, err
		}
		return &analysis.DefaultAnalyzer{Tokenizer: t}, nil
	}
}

// NewWordAnalyzer returns the word analyzer over seg, for use outside a
// bleve index mapping (the CLI's analyze command, tests).
func NewWordAnalyzer(seg Segmenter) analysis.Analyzer {
	return &analysis.DefaultAnalyzer{Tokenizer: &WordTokenizer{Segmenter: seg}}
}

// NewExactAnalyzer returns the exact analyzer.
func NewExactAnalyzer() analysis.Analyzer {
	return &analysis.DefaultAnalyzer{Tokenizer: ExactTokenizer{}}
}

// WordTokenizer folds text and segments it with jieba's search mode.
//
// Token Start/End are byte offsets into the original input. A token's
// Position is 1 + the rune offset of its start, so overlapping search-mode
// words (刘振华 and 振华) and the words of a phrase keep their character
// distances; see docs/design.md for why phrase queries need this.
type WordTokenizer struct {
	Segmenter Segmenter
}

// Tokenize implements analysis.Tokenizer.
func (t *WordTokenizer) Tokenize(input []byte) analysis.TokenStream {
	buf, orig := foldBytes(string(input))
	folded := string(buf)
	return wordTokens(buf, orig, folded, t.Segmenter.CutForSearch(folded))
}

// TokenizeWords returns what Tokenize returns for text, without segmenting
// it: words are the precise-mode words (Cut or Tag) of Fold(text), cut by a
// segmenter whose DictionaryID is dictionaryID, and the tokenizer's own
// segmenter expands them into search mode (see SearchExpander). It fails
// when the segmenter cannot expand, the dictionaries differ, or the words
// do not make up Fold(text); the caller then tokenizes text instead.
func (t *WordTokenizer) TokenizeWords(text string, words []string, dictionaryID string) (analysis.TokenStream, error) {
	exp, ok := t.Segmenter.(SearchExpander)
	if !ok {
		return nil, fmt.Errorf("segmenter %T cannot expand precise-mode words", t.Segmenter)
	}
	if id := exp.DictionaryID(); id != dictionaryID {
		return nil, fmt.Errorf("words cut with dictionaries %q, the tokenizer's segmenter has %q", dictionaryID, id)
	}
	buf, orig := foldBytes(text)
	folded := string(buf)
	segs, err := exp.ExpandForSearch(folded, words)
	if err != nil {
		return nil, fmt.Errorf("expanding precise-mode words: %w", err)
	}
	return wordTokens(buf, orig, folded, segs), nil
}

// WordTokenizerOf returns the tokenizer of a word analyzer made by this
// package (registered under WordAnalyzerName, or NewWordAnalyzer).
func WordTokenizerOf(a analysis.Analyzer) (*WordTokenizer, bool) {
	da, ok := a.(*analysis.DefaultAnalyzer)
	if !ok {
		return nil, false
	}
	t, ok := da.Tokenizer.(*WordTokenizer)
	return t, ok
}

// wordTokens makes the word analyzer's stream from the search-mode segments
// of folded, which is buf as a string; orig maps folded byte offsets to the
// original text's (nil when they are the same).
func wordTokens(buf []byte, orig []int, folded string, segs []Segment) analysis.TokenStream {
	ascii := asciiWords(folded)
	// One backing array for all tokens: its capacity is final, so the
	// pointers in the stream stay valid. Terms are sub-slices of buf.
	vals := make([]analysis.Token, 0, len(segs)+len(ascii))

	// Segments come almost in text order (sub-words just before their
	// word), so the rune offset is counted incrementally from the previous
	// start.
	byteAt, runeAt := 0, 0
	position := func(start int) int {
		if start >= byteAt {
			runeAt += utf8.RuneCount(buf[byteAt:start])
		} else {
			runeAt -= utf8.RuneCount(buf[start:byteAt])
		}
		byteAt = start
		return runeAt + 1
	}
	for _, s := range segs {
		// ASCII words and numbers are taken from asciiWords instead:
		// jieba splits 5g into 5 and g.
		if typ, ok := wordType(s.Text); ok {
			vals = append(vals, analysis.Token{
				Term: buf[s.Start:s.End:s.End], Start: s.Start, End: s.End,
				Position: position(s.Start), Type: typ,
			})
		}
	}
	sortTokens(vals)
	words := len(vals)
	for _, w := range ascii {
		typ := analysis.AlphaNumeric
		if isDigits(folded[w[0]:w[1]]) {
			typ = analysis.Numeric
		}
		vals = append(vals, analysis.Token{
			Term: buf[w[0]:w[1]:w[1]], Start: w[0], End: w[1],
			Position: position(w[0]), Type: typ,
		})
	}
	if orig != nil {
		for i := range vals {
			vals[i].Start, vals[i].End = orig[vals[i].Start], orig[vals[i].End]
		}
	}
	// Merge the two sorted runs into the stream.
	stream := make(analysis.TokenStream, 0, len(vals))
	a, b := vals[:words], vals[words:]
	for len(a) > 0 || len(b) > 0 {
		if len(b) == 0 || (len(a) > 0 && tokenLess(&a[0], &b[0])) {
			stream = append(stream, &a[0])
			a = a[1:]
		} else {
			stream = append(stream, &b[0])
			b = b[1:]
		}
	}
	return stream
}

func tokenLess(a, b *analysis.Token) bool {
	if a.Position != b.Position {
		return a.Position < b.Position
	}
	return a.End < b.End
}

// sortTokens orders tokens by position, shorter first. It is an insertion
// sort because search mode leaves only sub-words a few places out of order.
func sortTokens(ts []analysis.Token) {
	for i := 1; i < len(ts); i++ {
		for j := i; j > 0 && tokenLess(&ts[j], &ts[j-1]); j-- {
			ts[j], ts[j-1] = ts[j-1], ts[j]
		}
	}
}

// asciiWords returns the [start, end) byte ranges of the ASCII words and
// numbers of folded text.
func asciiWords(s string) [][2]int {
	var out [][2]int
	for i := 0; i < len(s); {
		if !isASCIIAlnum(s[i]) {
			i++
			continue
		}
		j := asciiWordEnd(s, i)
		out = append(out, [2]int{i, j})
		i = j
	}
	return out
}

// wordType classifies a jieba segment; ok is false for segments that give
// no token: punctuation, whitespace, and pure-ASCII runs (handled apart).
func wordType(s string) (typ analysis.TokenType, ok bool) {
	ascii, han, other := true, true, false
	for _, r := range s {
		if r >= utf8.RuneSelf {
			ascii = false
		}
		if !isHan(r) {
			han = false
		}
		if keepExact(r) {
			other = true
		}
	}
	switch {
	case !other || ascii:
		return 0, false
	case han:
		return analysis.Ideographic, true
	default:
		return analysis.AlphaNumeric, true
	}
}

// isHan is han.Is, named here for the many call sites of this file.
func isHan(r rune) bool { return han.Is(r) }

func isASCIIAlnum(c byte) bool {
	return 'a' <= c && c <= 'z' || '0' <= c && c <= '9' || 'A' <= c && c <= 'Z'
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) && s[i] != '.' {
			return false
		}
	}
	return true
}

// asciiWordEnd returns the end of the ASCII word starting at i: letters and
// digits, with a '.' kept between two digits so that 3.82 stays one number.
func asciiWordEnd(s string, i int) int {
	for i < len(s) {
		switch {
		case isASCIIAlnum(s[i]):
			i++
		case s[i] == '.' && i > 0 && isDigit(s[i-1]) && i+1 < len(s) && isDigit(s[i+1]):
			i++
		default:
			return i
		}
	}
	return i
}

// ExactTokenizer emits a unigram for every letter or digit of the folded
// text and a bigram for every adjacent pair, skipping whitespace and
// punctuation. Both grams of the rune at index k (counting letters and
// digits only) get Position k+1, so a phrase of consecutive bigrams matches
// exactly where the query occurs in the punctuation-free text.
type ExactTokenizer struct{}

// Tokenize implements analysis.Tokenizer.
func (ExactTokenizer) Tokenize(input []byte) analysis.TokenStream {
	text := string(input)
	folded, orig := foldBytes(text)
	// kept holds the letters and digits of the folded text back to back, so
	// that every unigram and bigram term is a sub-slice of it; at[k] is the
	// byte offset in kept of rune k, span[k] its range in the original text.
	kept := make([]byte, 0, len(folded))
	runes := utf8.RuneCount(folded)
	at := make([]int, 0, runes+1)
	span := make([][2]int, 0, runes)
	for i := 0; i < len(folded); {
		r, w := utf8.DecodeRune(folded[i:])
		if keepExact(r) {
			start, end := i, i+w
			if orig != nil {
				start, end = orig[start], orig[end]
			}
			at = append(at, len(kept))
			span = append(span, [2]int{start, end})
			kept = append(kept, folded[i:i+w]...)
		}
		i += w
	}
	n := len(at)
	if n == 0 {
		return analysis.TokenStream{}
	}
	at = append(at, len(kept))
	vals := make([]analysis.Token, 0, 2*n-1)
	stream := make(analysis.TokenStream, 0, 2*n-1)
	for k := 0; k < n; k++ {
		typ := analysis.AlphaNumeric
		if r, _ := utf8.DecodeRune(kept[at[k]:]); isHan(r) {
			typ = analysis.Ideographic
		}
		vals = append(vals, analysis.Token{
			Term: kept[at[k]:at[k+1]:at[k+1]], Start: span[k][0], End: span[k][1],
			Position: k + 1, Type: typ,
		})
		stream = append(stream, &vals[len(vals)-1])
		if k+1 < n {
			vals = append(vals, analysis.Token{
				Term: kept[at[k]:at[k+2]:at[k+2]], Start: span[k][0], End: span[k+1][1],
				Position: k + 1, Type: typ,
			})
			stream = append(stream, &vals[len(vals)-1])
		}
	}
	return stream
}

// WordTerms are the terms that a text holding every word of words,
// anywhere, holds in the exact field: each word's bigrams (ExactTerms), each
// once, and each word of one rune that no bigram holds, alone. As in
// ExactTerms, a term of one rune stands for that rune anywhere, which
// queries look up as a prefix (ExactBigramTermsQuery). It is how a bare
// query's words match apart on the bigrams alone.
func WordTerms(words []string) []string {
	var bigrams, runes []string
	for _, w := range words {
		terms := ExactTerms(w)
		if len(terms) == 1 && utf8.RuneCountInString(terms[0]) == 1 {
			if !slices.Contains(runes, terms[0]) {
				runes = append(runes, terms[0])
			}
			continue
		}
		for _, t := range terms {
			if !slices.Contains(bigrams, t) {
				bigrams = append(bigrams, t)
			}
		}
	}
	for _, r := range runes {
		// A bigram holding the rune holds it anywhere already.
		if !slices.ContainsFunc(bigrams, func(b string) bool { return strings.Contains(b, r) }) {
			bigrams = append(bigrams, r)
		}
	}
	return bigrams
}

// keepExact reports whether r takes part in exact matching: exactly
// unicode.IsLetter(r) || unicode.IsNumber(r), with fast paths for ASCII
// and the CJK Unified Ideographs block (all letters).
func keepExact(r rune) bool {
	switch {
	case r < utf8.RuneSelf:
		return isASCIIAlnum(byte(r))
	case 0x4E00 <= r && r <= 0x9FFF:
		return true
	}
	return unicode.IsLetter(r) || unicode.IsNumber(r)
}

// ExactTerms returns the terms a quoted query must match, in order, on a
// field indexed with the exact analyzer: the bigrams of the folded query
// without whitespace and punctuation, or its one unigram when only one
// letter or digit is left, or nil when none is. A phrase query of these
// terms matches exactly the texts whose folded, punctuation-free form
// contains the query's folded, punctuation-free form.
func ExactTerms(q string) []string {
	var rs []rune
	for _, r := range Fold(q) {
		if keepExact(r) {
			rs = append(rs, r)
		}
	}
	switch len(rs) {
	case 0:
		return nil
	case 1:
		return []string{string(rs)}
	}
	terms := make([]string, 0, len(rs)-1)
	for k := 0; k+1 < len(rs); k++ {
		terms = append(terms, string(rs[k:k+2]))
	}
	return terms
}
