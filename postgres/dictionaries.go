package postgres

import (
	"encoding/json"
	"fmt"

	"fangtan/analyzer"
)

// dictionaries names the jieba dictionary set an index was built with,
// recorded in meta as the bleve index records it: the word tsvectors hold
// jieba's words, and a query cut with other dictionaries looks for words
// the index never saw and silently finds less.
type dictionaries struct {
	ID  string `json:"id"`
	Dir string `json:"dir,omitempty"`
}

func (db *DB) dictionaries() dictionaries {
	var d dictionaries
	if exp, ok := db.word.Segmenter.(analyzer.SearchExpander); ok {
		d.ID = exp.DictionaryID()
	}
	if src, ok := db.word.Segmenter.(analyzer.DictionarySource); ok {
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

func (d dictionaries) encode() string {
	b, _ := json.Marshal(d) // two strings cannot fail to marshal
	return string(b)
}

// checkDictionaries compares the recorded dictionaries with those the
// process has.
func checkDictionaries(name, recorded string, now dictionaries) error {
	if recorded == "" || now.ID == "" {
		return nil
	}
	var built dictionaries
	if err := json.Unmarshal([]byte(recorded), &built); err != nil {
		return fmt.Errorf("postgres %s: unreadable record of its dictionaries: %w", name, err)
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
	return fmt.Errorf("postgres %s: built with %s, but this fangtan has %s, which cut text into other words; %s, or rebuild it with the dictionaries you search with",
		name, built, now, fix)
}
