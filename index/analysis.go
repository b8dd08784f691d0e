package index

import (
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/registry"

	"fangtan/analyzer"
)

// The exact analyzer's stream (a unigram and a bigram per letter) is
// indexed as two fields, because the two kinds of terms need different
// things:
//
//   - bigrams answer phrases of two or more letters, so they keep positions;
//     their offsets are dropped (set to 0) because the highlighter finds
//     spans in the stored text itself, and small numbers cost one byte;
//   - unigrams answer one-letter queries only, which need no positions.
//
// Measured on 3,000 xwlb articles (4.1 MB of text), this made the index
// 37 MB instead of 51 MB with one field holding both with offsets.
const (
	exactBigramAnalyzerName  = "fangtan_exact_bigram"
	exactUnigramAnalyzerName = "fangtan_exact_unigram"
)

func init() {
	for _, err := range []error{
		registry.RegisterAnalyzer(exactBigramAnalyzerName, gramAnalyzer(2)),
		registry.RegisterAnalyzer(exactUnigramAnalyzerName, gramAnalyzer(1)),
	} {
		if err != nil {
			panic(err)
		}
	}
}

func gramAnalyzer(runes int) registry.AnalyzerConstructor {
	return func(_ map[string]interface{}, _ *registry.Cache) (analysis.Analyzer, error) {
		return gramAnalyzerOf(runes), nil
	}
}

func gramAnalyzerOf(runes int) analysis.Analyzer {
	return gramTokenizer(runes)
}

// gramTokenizer emits the exact analyzer's terms of one length, with the
// same positions (see analyzer.ExactTokenizer; TestGramsMatchExactAnalyzer
// keeps the two in step). It is written for speed: all terms are
// sub-slices of one buffer and all tokens share one backing array, since
// the exact fields see every letter of every text twice.
type gramTokenizer int

// Analyze implements analysis.Analyzer.
func (g gramTokenizer) Analyze(input []byte) analysis.TokenStream {
	folded := analyzer.Fold(string(input))
	buf := make([]byte, 0, len(folded))
	offs := make([]int32, 0, len(folded)/2+1)
	for _, r := range folded {
		if keepRune(r) {
			offs = append(offs, int32(len(buf)))
			buf = utf8.AppendRune(buf, r)
		}
	}
	n := len(offs)
	offs = append(offs, int32(len(buf)))
	count := n - int(g) + 1
	if count <= 0 {
		return nil
	}
	vals := make([]analysis.Token, count)
	stream := make(analysis.TokenStream, count)
	for k := range count {
		start, end := offs[k], offs[k+int(g)]
		typ := analysis.AlphaNumeric
		if buf[start] >= 0x80 {
			typ = analysis.Ideographic
		}
		vals[k] = analysis.Token{Term: buf[start:end:end], Position: k + 1, Type: typ}
		stream[k] = &vals[k]
	}
	return stream
}
