package analyzer

import (
	"encoding/json"
	"fmt"
)

// Dictionaries names the jieba dictionary set an index was built with,
// which every backend records and checks when it opens an index: word
// fields hold jieba's words, and a query cut with other dictionaries looks
// for words the index never saw and silently finds less (a name a custom
// dictionary keeps whole is split into pieces). ID is the set's
// DictionaryID (a hash of the content, so a copy of the same files in
// another dir is the same set), Dir the dict dir it came from, to tell
// the user what to pass.
type Dictionaries struct {
	ID  string `json:"id"`
	Dir string `json:"dir,omitempty"`
}

// DictionariesOf is the dictionary set of seg; a zero value when seg
// cannot say (a test's stand-in), which is never checked.
func DictionariesOf(seg Segmenter) Dictionaries {
	var d Dictionaries
	if exp, ok := seg.(SearchExpander); ok {
		d.ID = exp.DictionaryID()
	}
	if src, ok := seg.(DictionarySource); ok {
		d.Dir = src.DictionaryDir()
	}
	return d
}

func (d Dictionaries) String() string {
	switch {
	case d.ID == EmbeddedDictionaryID:
		return "the embedded dictionaries (" + d.ID + ")"
	case d.Dir != "":
		return fmt.Sprintf("the dictionaries of --dict-dir %s (%s)", d.Dir, d.ID)
	}
	return "dictionaries " + d.ID
}

// Encode is the record an index keeps.
func (d Dictionaries) Encode() []byte {
	b, _ := json.Marshal(d) // two strings cannot fail to marshal
	return b
}

// Check compares the record of the dictionaries an index was built with
// (Encode's; empty when it was built before fangtan recorded them) with
// d, the dictionaries this process has. The error says what each is and
// how to search the index; the caller adds which index and how to
// rebuild it.
func (d Dictionaries) Check(recorded []byte) error {
	if len(recorded) == 0 || d.ID == "" {
		return nil
	}
	var built Dictionaries
	if err := json.Unmarshal(recorded, &built); err != nil {
		return fmt.Errorf("unreadable record of its dictionaries: %w", err)
	}
	if built.ID == "" || built.ID == d.ID {
		return nil
	}
	fix := "search it without --dict-dir"
	if built.ID != EmbeddedDictionaryID {
		fix = "search it with the --dict-dir it was built with"
		if built.Dir != "" {
			fix = "search it with --dict-dir " + built.Dir
		}
	}
	return fmt.Errorf("built with %s, but this fangtan has %s, which cut text into other words; %s", built, d, fix)
}
