package analyzer

import (
	"fmt"
	"slices"
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
	text := string(input)
	folded, orig := foldMapped(text)
	segs := t.Segmenter.CutForSearch(folded)
	stream := make(analysis.TokenStream, 0, len(segs))
	// Segments come almost in text order (sub-words just before their word),
	// so the rune offset is counted incrementally from the previous start.
	byteAt, runeAt := 0, 0
	add := func(start, end int, typ analysis.TokenType) {
		if start >= byteAt {
			runeAt += utf8.RuneCountInString(folded[byteAt:start])
		} else {
			runeAt -= utf8.RuneCountInString(folded[start:byteAt])
		}
		byteAt = start
		tok := &analysis.Token{
			Term:     []byte(folded[start:end]),
			Start:    start,
			End:      end,
			Position: runeAt + 1,
			Type:     typ,
		}
		if orig != nil {
			tok.Start, tok.End = orig[start], orig[end]
		}
		stream = append(stream, tok)
	}
	for _, s := range segs {
		// ASCII words and numbers are taken from the text below instead:
		// jieba splits 5g into 5 and g.
		if typ, ok := wordType(s.Text); ok {
			add(s.Start, s.End, typ)
		}
	}
	for i := 0; i < len(folded); {
		if !isASCIIAlnum(folded[i]) {
			i++
			continue
		}
		j := asciiWordEnd(folded, i)
		typ := analysis.AlphaNumeric
		if isDigits(folded[i:j]) {
			typ = analysis.Numeric
		}
		add(i, j, typ)
		i = j
	}
	slices.SortStableFunc(stream, func(a, b *analysis.Token) int {
		if a.Position != b.Position {
			return a.Position - b.Position
		}
		return a.End - b.End
	})
	return stream
}

// wordType classifies a jieba segment; ok is false for segments that give
// no token: punctuation, whitespace, and pure-ASCII runs (handled apart).
func wordType(s string) (typ analysis.TokenType, ok bool) {
	ascii, han, other := true, true, false
	for _, r := range s {
		if r >= utf8.RuneSelf {
			ascii = false
		}
		if !unicode.Is(unicode.Han, r) {
			han = false
		}
		if unicode.IsLetter(r) || unicode.IsNumber(r) {
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

type exactRune struct {
	r          rune
	start, end int // in the original text
}

// exactRunes returns the letters and digits of the folded text with their
// offsets in the original text.
func exactRunes(text string) []exactRune {
	folded, orig := foldMapped(text)
	out := make([]exactRune, 0, utf8.RuneCountInString(folded))
	for i, r := range folded {
		if !keepExact(r) {
			continue
		}
		start, end := i, i+utf8.RuneLen(r)
		if orig != nil {
			start, end = orig[start], orig[end]
		}
		out = append(out, exactRune{r, start, end})
	}
	return out
}

// keepExact reports whether r takes part in exact matching.
func keepExact(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsNumber(r)
}

// Tokenize implements analysis.Tokenizer.
func (ExactTokenizer) Tokenize(input []byte) analysis.TokenStream {
	runes := exactRunes(string(input))
	stream := make(analysis.TokenStream, 0, 2*len(runes))
	for k, cur := range runes {
		typ := analysis.AlphaNumeric
		if unicode.Is(unicode.Han, cur.r) {
			typ = analysis.Ideographic
		}
		stream = append(stream, &analysis.Token{
			Term:     utf8.AppendRune(nil, cur.r),
			Start:    cur.start,
			End:      cur.end,
			Position: k + 1,
			Type:     typ,
		})
		if k+1 < len(runes) {
			next := runes[k+1]
			stream = append(stream, &analysis.Token{
				Term:     utf8.AppendRune(utf8.AppendRune(nil, cur.r), next.r),
				Start:    cur.start,
				End:      next.end,
				Position: k + 1,
				Type:     typ,
			})
		}
	}
	return stream
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
