package analyzer

import (
	"fmt"
	"os"
	"slices"
	"strings"
	"unicode/utf8"
)

// SearchExpander is implemented by Segmenters that can derive search mode
// from precise mode. A caller that has cut a text in precise mode anyway
// (the corpus extractor, for names and keywords) then gets the word
// analyzer's terms without a second pass of jieba over the text.
type SearchExpander interface {
	// DictionaryID names the segmenter's dictionary set by its content:
	// two segmenters with the same ID cut every text into the same words.
	DictionaryID() string
	// ExpandForSearch returns what CutForSearch(text) returns, given
	// words, the texts of Cut(text) or Tag(text) in order. It fails when
	// the words do not make up text exactly.
	ExpandForSearch(text string, words []string) ([]Segment, error)
}

// subWords are the dictionary words of two and three runes, the only ones
// search mode looks up: cppjieba's QuerySegment emits, for every
// precise-mode word longer than two runes, each two-rune window that is a
// dictionary word, then for words longer than three runes each such
// three-rune window, then the word itself.
//
// A window is packed into one uint64 (21 bits a rune, bit 63 set for three
// runes), which is exact, and the keys are kept sorted: 8 bytes a word
// instead of a map's slot and string, and the set is searched only for the
// few precise words longer than two runes.
type subWords struct {
	keys []uint64
}

const runeBits = 21 // utf8.MaxRune < 1<<21

func key2(a, b rune) uint64 { return uint64(a)<<runeBits | uint64(b) }

func key3(a, b, c rune) uint64 {
	return 1<<63 | uint64(a)<<(2*runeBits) | uint64(b)<<runeBits | uint64(c)
}

func (s *subWords) has(k uint64) bool {
	_, ok := slices.BinarySearch(s.keys, k)
	return ok
}

// add adds word if it has two or three runes.
func (s *subWords) add(word string) {
	var rs [3]rune
	n := 0
	for _, r := range word {
		if n == len(rs) {
			return
		}
		rs[n] = r
		n++
	}
	switch n {
	case 2:
		s.keys = append(s.keys, key2(rs[0], rs[1]))
	case 3:
		s.keys = append(s.keys, key3(rs[0], rs[1], rs[2]))
	}
}

func (s *subWords) finish() {
	slices.Sort(s.keys)
	// A copy of the exact length, about 2 MB for jieba's dictionary:
	// append over-allocates and Compact leaves the duplicates' room.
	s.keys = slices.Clone(slices.Compact(s.keys))
}

// parseSubWords reads the words of jieba's main dictionary and of a user
// dictionary as cppjieba's DictTrie does: lines split at '\n' only (a '\r'
// stays in the line), fields split at each single space (limonp::Split,
// which drops one empty field at the end of the line); the word is the
// first field. A main dictionary line has three fields; a user dictionary
// line one to three (cppjieba inserts an empty word for any other), and
// its empty lines are skipped.
func parseSubWords(mainDict, userDict []byte) *subWords {
	s := &subWords{}
	for _, dict := range []struct {
		data       string
		user       bool
		minF, maxF int
	}{{string(mainDict), false, 3, 3}, {string(userDict), true, 1, 3}} {
		for rest := dict.data; rest != ""; {
			line, tail, _ := strings.Cut(rest, "\n")
			rest = tail
			if line == "" && dict.user {
				continue
			}
			fields := strings.Count(line, " ") + 1
			if strings.HasSuffix(line, " ") {
				fields--
			}
			if fields < dict.minF || fields > dict.maxF {
				continue
			}
			word, _, _ := strings.Cut(line, " ")
			s.add(word)
		}
	}
	s.finish()
	return s
}

// expandForSearch is ExpandForSearch over a sub-word set.
func (s *subWords) expandForSearch(text string, words []string) ([]Segment, error) {
	segs := make([]Segment, 0, len(words)+len(words)/4)
	var rs []rune
	var at []int // byte offset in the word of each rune, and its length
	start := 0
	for i, w := range words {
		if !strings.HasPrefix(text[start:], w) {
			return nil, fmt.Errorf("word %d (%q) does not continue the text at byte %d", i, w, start)
		}
		end := start + len(w)
		if len(w) > 2 && utf8.RuneCountInString(w) > 2 { // only longer words have sub-words
			rs, at = rs[:0], at[:0]
			for j, r := range w {
				rs = append(rs, r)
				at = append(at, j)
			}
			at = append(at, len(w))
			n := len(rs)
			for j := 0; j+1 < n; j++ {
				if s.has(key2(rs[j], rs[j+1])) {
					segs = append(segs, Segment{Text: w[at[j]:at[j+2]], Start: start + at[j], End: start + at[j+2]})
				}
			}
			if n > 3 {
				for j := 0; j+2 < n; j++ {
					if s.has(key3(rs[j], rs[j+1], rs[j+2])) {
						segs = append(segs, Segment{Text: w[at[j]:at[j+3]], Start: start + at[j], End: start + at[j+3]})
					}
				}
			}
		}
		segs = append(segs, Segment{Text: text[start:end], Start: start, End: end})
		start = end
	}
	if start != len(text) {
		return nil, fmt.Errorf("words end at byte %d of a text of %d bytes", start, len(text))
	}
	return segs, nil
}

// loadSubWords reads the sub-word set from dictionary files.
func loadSubWords(mainPath, userPath string) (*subWords, error) {
	mainDict, err := os.ReadFile(mainPath)
	if err != nil {
		return nil, fmt.Errorf("search sub-words: %w", err)
	}
	userDict, err := os.ReadFile(userPath)
	if err != nil {
		return nil, fmt.Errorf("search sub-words: %w", err)
	}
	return parseSubWords(mainDict, userDict), nil
}
