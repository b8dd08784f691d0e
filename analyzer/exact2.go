package analyzer

import (
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/registry"
	"github.com/blevesearch/bleve/v2/search/query"
)

// Names of the exact analyzer's indexed form. Like the others they are
// stored in index mappings and must never change.
const (
	ExactBigramTokenizerName = "fangtan_exact2"
	ExactBigramAnalyzerName  = "fangtan_exact2"
)

func init() {
	for _, err := range []error{
		registry.RegisterTokenizer(ExactBigramTokenizerName, func(map[string]interface{}, *registry.Cache) (analysis.Tokenizer, error) {
			return ExactBigramTokenizer{}, nil
		}),
		registry.RegisterAnalyzer(ExactBigramAnalyzerName, func(map[string]interface{}, *registry.Cache) (analysis.Analyzer, error) {
			return NewExactBigramAnalyzer(), nil
		}),
	} {
		if err != nil {
			panic(err)
		}
	}
}

// NewExactBigramAnalyzer returns the analyzer registered as
// ExactBigramAnalyzerName. It is the tokenizer itself: there are no
// filters, and the index calls it once per field of every document.
func NewExactBigramAnalyzer() analysis.Analyzer { return exactBigramAnalyzer{} }

type exactBigramAnalyzer struct{}

func (exactBigramAnalyzer) Analyze(input []byte) analysis.TokenStream {
	return ExactBigramTokenizer{}.Tokenize(input)
}

// ExactBigramTokenizer is what the index stores of the exact analyzer: it
// sees the same runes (folded letters and digits) and uses the same
// positions, but emits only each pair of adjacent runes, at the first one's
// position, plus the last rune alone after the last pair, so that every
// rune starts at least one term. That is half the terms of ExactTokenizer
// for the same substring guarantee, provided queries are built with
// ExactBigramQuery: a query of two or more runes is the phrase of its
// bigrams, and a query of one rune is a prefix query for that rune (a term
// starting with a rune's UTF-8 bytes starts with that rune).
//
// Offsets are left at zero: phrase queries need positions only, and the
// highlighter finds spans in the stored text itself. Small numbers cost a
// byte each in the index.
//
// Measured on whole index builds (a unigram field beside the bigram field
// before), dropping the unigrams saved about 4% of the CPU and 7% of the
// size; see docs/benchmarks.md.
type ExactBigramTokenizer struct{}

// Tokenize implements analysis.Tokenizer. All terms are sub-slices of one
// buffer and all tokens share one backing array: the exact fields see every
// letter of every text.
func (ExactBigramTokenizer) Tokenize(input []byte) analysis.TokenStream {
	folded := Fold(string(input))
	kept := make([]byte, 0, len(folded))
	at := make([]int32, 0, len(folded)/2+1)
	for _, r := range folded {
		if keepExact(r) {
			at = append(at, int32(len(kept)))
			kept = utf8.AppendRune(kept, r)
		}
	}
	n := len(at)
	if n == 0 {
		return nil
	}
	at = append(at, int32(len(kept)))
	vals := make([]analysis.Token, n)
	stream := make(analysis.TokenStream, n)
	for k := range n {
		start, end := at[k], at[min(k+2, n)] // the last rune stands alone
		typ := analysis.AlphaNumeric
		if kept[start] >= utf8.RuneSelf {
			typ = analysis.Ideographic
		}
		vals[k] = analysis.Token{Term: kept[start:end:end], Position: k + 1, Type: typ}
		stream[k] = &vals[k]
	}
	return stream
}

// ExactBigramQuery is the query for quoted text q on field, indexed with
// ExactBigramAnalyzerName. It matches exactly the documents whose folded,
// punctuation-free field text contains q's folded, punctuation-free form:
// a prefix query for one rune, a term query for two, a phrase query of the
// bigrams otherwise, and nothing when q has no letter or digit.
func ExactBigramQuery(field, q string) query.Query {
	return ExactBigramTermsQuery(field, ExactTerms(q))
}

// ExactBigramTermsQuery is ExactBigramQuery for terms from ExactTerms (the
// bigrams of the query, or its one rune, which is matched as a prefix).
func ExactBigramTermsQuery(field string, terms []string) query.Query {
	switch {
	case len(terms) == 0:
		return query.NewMatchNoneQuery()
	case len(terms) == 1 && utf8.RuneCountInString(terms[0]) == 1:
		pq := query.NewPrefixQuery(terms[0])
		pq.SetField(field)
		return pq
	case len(terms) == 1:
		tq := query.NewTermQuery(terms[0])
		tq.SetField(field)
		return tq
	}
	return query.NewPhraseQuery(terms, field)
}
