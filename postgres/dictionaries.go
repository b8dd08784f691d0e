package postgres

import (
	"fmt"

	"fangtan/analyzer"
)

// The dictionaries an index was built with (analyzer.Dictionaries) are
// recorded in meta, as the bleve index records them, and checked by Open.

func (db *DB) dictionaries() analyzer.Dictionaries {
	return analyzer.DictionariesOf(db.word.Segmenter)
}

// checkDictionaries compares the recorded dictionaries with those the
// process has.
func checkDictionaries(name, recorded string, now analyzer.Dictionaries) error {
	if err := now.Check([]byte(recorded)); err != nil {
		return fmt.Errorf("postgres %s: %w, or rebuild it with the dictionaries you search with", name, err)
	}
	return nil
}
