package query

import "slices"

// Proximity ("转型 发展"~10) counts in the characters the exact field keeps:
// letters and digits, folded; punctuation and spaces do not count. Its
// words match as substrings, in any order, and a text matches when one
// occurrence of each word lies in a stretch holding at most Slop other
// characters between them: the stretch from the first word's start to the
// last one's end, less the words' own lengths. Overlapping occurrences
// (发展 and 展开 in 发展开) are as near as can be.

// Occurrence is where a word occurs: Start is the index of its first
// character among the text's letters and digits (a position of the exact
// field, less one), Len its length in them.
type Occurrence struct{ Start, Len int }

// Within reports whether one occurrence from each list (one list per word,
// each sorted by Start) lies within slop characters of the others. A
// backend that has the exact field's positions calls it with them.
func Within(occ [][]Occurrence, slop int) bool {
	if len(occ) == 0 {
		return false
	}
	total := 0
	for _, os := range occ {
		if len(os) == 0 {
			return false
		}
		total += os[0].Len
	}
	// Try each occurrence as the leftmost: every other word then takes its
	// first occurrence starting no earlier, which ends earliest. The best
	// stretch has some leftmost occurrence, so this finds it.
	next := make([]int, len(occ))
	for wi, os := range occ {
		for _, o := range os {
			end := o.Start + o.Len
			ok := true
			for wj, others := range occ {
				if wj == wi {
					continue
				}
				for next[wj] < len(others) && others[next[wj]].Start < o.Start {
					next[wj]++
				}
				if next[wj] == len(others) {
					ok = false
					break
				}
				end = max(end, others[next[wj]].Start+others[next[wj]].Len)
			}
			if ok && end-o.Start-total <= slop {
				return true
			}
		}
		clear(next)
	}
	return false
}

// Occurrences finds each of words in text as the exact field matches them
// (folded, letters and digits only), one sorted list per word.
func Occurrences(text string, words []string) [][]Occurrence {
	keep := matchRunes(text)
	out := make([][]Occurrence, len(words))
	for wi, w := range words {
		t := matchRunes(w)
		if len(t) == 0 {
			continue
		}
		for k := 0; k+len(t) <= len(keep); k++ {
			if keep[k] == t[0] && slices.Equal(keep[k:k+len(t)], t) {
				out[wi] = append(out[wi], Occurrence{k, len(t)})
			}
		}
	}
	return out
}

// MatchNear reports whether text matches the Near clause c.
func MatchNear(text string, c Clause) bool {
	return Within(Occurrences(text, c.Terms), c.Slop)
}
