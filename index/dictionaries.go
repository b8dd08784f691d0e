package index

import (
	"fmt"

	"github.com/blevesearch/bleve/v2/analysis"

	"fangtan/analyzer"
)

// dictionariesKey is the internal key recording the jieba dictionaries an
// index was built with (analyzer.Dictionaries): Open compares them with
// its own and refuses a mismatch.
var dictionariesKey = []byte("fangtan_dictionaries")

// dictionariesOf is the dictionary set of a word analyzer; a zero value
// when it has none that can say.
func dictionariesOf(word analysis.Analyzer) analyzer.Dictionaries {
	t, ok := analyzer.WordTokenizerOf(word)
	if !ok {
		return analyzer.Dictionaries{}
	}
	return analyzer.DictionariesOf(t.Segmenter)
}

// checkDictionaries compares the dictionaries recorded in the index at path
// with those its word analyzer has now.
func checkDictionaries(path string, recorded []byte, now analyzer.Dictionaries) error {
	if err := now.Check(recorded); err != nil {
		return fmt.Errorf("index %s: %w, or rebuild it with the dictionaries you search with ('fangtan index --index %s', with their --dict-dir if any)", path, err, path)
	}
	return nil
}
