package index

import (
	"encoding/json"
	"fmt"

	"github.com/blevesearch/bleve/v2/analysis"

	"fangtan/analyzer"
)

// dictionariesKey is the internal key recording the jieba dictionaries an
// index was built with. The word fields hold jieba's words: searching them
// with other dictionaries cuts queries into other words, which silently
// finds less (a name a custom dictionary keeps whole is split in pieces the
// index never saw), so Open compares the two and refuses a mismatch.
var dictionariesKey = []byte("fangtan_dictionaries")

// dictionaries names a dictionary set: ID is analyzer's DictionaryID (a
// hash of the content, so a copy of the same files in another dir is the
// same set), Dir the dict dir it came from, to tell the user what to pass.
type dictionaries struct {
	ID  string `json:"id"`
	Dir string `json:"dir,omitempty"`
}

// dictionariesOf is the dictionary set of a word analyzer; a zero value
// when its segmenter cannot say (a test's stand-in), which is not checked.
func dictionariesOf(word analysis.Analyzer) dictionaries {
	t, ok := analyzer.WordTokenizerOf(word)
	if !ok {
		return dictionaries{}
	}
	var d dictionaries
	if exp, ok := t.Segmenter.(analyzer.SearchExpander); ok {
		d.ID = exp.DictionaryID()
	}
	if src, ok := t.Segmenter.(analyzer.DictionarySource); ok {
		d.Dir = src.DictionaryDir()
	}
	return d
}

func (d dictionaries) String() string {
	switch {
	case d.ID == analyzer.EmbeddedDictionaryID:
		return "the embedded dictionaries (" + d.ID + ")"
	case d.Dir != "":
		return fmt.Sprintf("the dictionaries of --dict-dir %s (%s)", d.Dir, d.ID)
	}
	return "dictionaries " + d.ID
}

func (d dictionaries) encode() []byte {
	b, _ := json.Marshal(d) // two strings cannot fail to marshal
	return b
}

// checkDictionaries compares the dictionaries recorded in the index at path
// with those its word analyzer has now. An index without a record was
// built before fangtan recorded them and cannot be checked.
func checkDictionaries(path string, recorded []byte, now dictionaries) error {
	if len(recorded) == 0 || now.ID == "" {
		return nil
	}
	var built dictionaries
	if err := json.Unmarshal(recorded, &built); err != nil {
		return fmt.Errorf("index %s: unreadable record of its dictionaries: %w", path, err)
	}
	if built.ID == "" || built.ID == now.ID {
		return nil
	}
	fix := "search it without --dict-dir"
	if built.ID != analyzer.EmbeddedDictionaryID {
		fix = "search it with the --dict-dir it was built with"
		if built.Dir != "" {
			fix = "search it with --dict-dir " + built.Dir
		}
	}
	return fmt.Errorf("index %s: built with %s, but this fangtan has %s, which cut text into other words; %s, or rebuild it with the dictionaries you search with ('fangtan index --index %s', with their --dict-dir if any)",
		path, built, now, fix, path)
}
