package analyzer

import (
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/registry"
	"github.com/blevesearch/bleve/v2/search/query"
)

// Names of the leaner exact analyzer. Like the others they are stored in
// index mappings and must never change.
const (
	ExactBigramTokenizerName = "fangtan_exact2"
	ExactBigramAnalyzerName  = "fangtan_exact2"
)

func init() {
	for _, err := range []error{
		registry.RegisterTokenizer(ExactBigramTokenizerName, func(map[string]interface{}, *registry.Cache) (analysis.Tokenizer, error) {
			return ExactBigramTokenizer{}, nil
		}),
		registry.RegisterAnalyzer(ExactBigramAnalyzerName, analyzerOf(ExactBigramTokenizerName)),
	} {
		if err != nil {
			panic(err)
		}
	}
}

// NewExactBigramAnalyzer returns the analyzer registered as
// ExactBigramAnalyzerName.
func NewExactBigramAnalyzer() analysis.Analyzer {
	return &analysis.DefaultAnalyzer{Tokenizer: ExactBigramTokenizer{}}
}

// ExactBigramTokenizer is the exact tokenizer without its unigrams: it sees
// the same runes (folded letters and digits) but emits only each pair of
// adjacent ones, at the first one's position, plus the last rune alone
// after the last pair, so that every rune starts at least one term. That
// is about half the terms of ExactTokenizer for the same substring
// guarantee, provided queries are built with ExactBigramQuery: a query of
// two or more runes is the phrase of its bigrams, and a query of one rune
// is a prefix query for that rune (a term starting with a rune's UTF-8
// bytes starts with that rune).
type ExactBigramTokenizer struct{}

// Tokenize implements analysis.Tokenizer.
func (ExactBigramTokenizer) Tokenize(input []byte) analysis.TokenStream {
	kept, at, span := exactRunes(input)
	n := len(span)
	if n == 0 {
		return analysis.TokenStream{}
	}
	vals := make([]analysis.Token, n)
	stream := make(analysis.TokenStream, n)
	for k := 0; k < n; k++ {
		typ := analysis.AlphaNumeric
		if r, _ := utf8.DecodeRune(kept[at[k]:]); isHan(r) {
			typ = analysis.Ideographic
		}
		end := min(k+2, n) // the last rune stands alone
		vals[k] = analysis.Token{
			Term: kept[at[k]:at[end]:at[end]], Start: span[k][0], End: span[end-1][1],
			Position: k + 1, Type: typ,
		}
		stream[k] = &vals[k]
	}
	return stream
}

// ExactBigramTerms returns the terms a quoted query must match on a field
// indexed with ExactBigramAnalyzerName: the bigrams of the folded query
// without whitespace and punctuation, to be matched as a phrase; or, when
// only one letter or digit is left, that rune as a prefix (prefix is
// true); or nil when none is.
func ExactBigramTerms(q string) (terms []string, prefix bool) {
	terms = ExactTerms(q) // the same bigrams; for one rune, the rune
	return terms, len(terms) == 1 && utf8.RuneCountInString(terms[0]) == 1
}

// ExactBigramQuery is the query for quoted text q on field, indexed with
// ExactBigramAnalyzerName. It matches exactly the documents whose folded,
// punctuation-free field text contains q's folded, punctuation-free form:
// a prefix query for one rune, a phrase query of the bigrams otherwise, and
// nothing when q has no letter or digit.
func ExactBigramQuery(field, q string) query.Query {
	terms, prefix := ExactBigramTerms(q)
	switch {
	case len(terms) == 0:
		return bleve.NewMatchNoneQuery()
	case prefix:
		pq := bleve.NewPrefixQuery(terms[0])
		pq.SetField(field)
		return pq
	case len(terms) == 1:
		tq := bleve.NewTermQuery(terms[0])
		tq.SetField(field)
		return tq
	}
	return bleve.NewPhraseQuery(terms, field)
}

// exactRunes returns the folded letters and digits of input that exact
// matching sees, concatenated (kept), where each starts in kept (at, with
// len(kept) appended) and its byte span in input.
func exactRunes(input []byte) (kept []byte, at []int, span [][2]int) {
	folded, orig := foldBytes(string(input))
	kept = make([]byte, 0, len(folded))
	runes := utf8.RuneCount(folded)
	at = make([]int, 0, runes+1)
	span = make([][2]int, 0, runes)
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
	at = append(at, len(kept))
	return kept, at, span
}
