package extract

import "slices"

// runeSet answers "may a word start (or end) with this rune?" with one bit
// test for the Basic Multilingual Plane, ahead of the map lookups of the
// scans, which ask it for every rune of every paragraph.
type runeSet struct {
	bmp   [1 << 16 / 64]uint64
	other map[rune]bool
}

func (s *runeSet) add(r rune) {
	if r >= 0 && r < 1<<16 {
		s.bmp[r>>6] |= 1 << (r & 63)
		return
	}
	if s.other == nil {
		s.other = map[rune]bool{}
	}
	s.other[r] = true
}

func (s *runeSet) has(r rune) bool {
	if r >= 0 && r < 1<<16 {
		return s.bmp[r>>6]&(1<<(r&63)) != 0
	}
	return s.other[r]
}

// runeSetOf is the set of a map's keys.
func runeSetOf[V any](m map[rune]V) *runeSet {
	s := &runeSet{}
	for r := range m {
		s.add(r)
	}
	return s
}

// suffixIndex answers "which listed word ends here?" for scans that ask it
// at every rune of a text: the words by their last rune, longest first, so
// that the longest word ending at a place wins.
type suffixIndex struct {
	byLast map[rune][][]rune
	last   runeSet
}

func newSuffixIndex(words []string) *suffixIndex {
	x := &suffixIndex{byLast: map[rune][][]rune{}}
	for _, w := range words {
		rs := []rune(w)
		if len(rs) == 0 {
			continue
		}
		last := rs[len(rs)-1]
		x.byLast[last] = append(x.byLast[last], rs)
		x.last.add(last)
	}
	for _, ws := range x.byLast {
		slices.SortStableFunc(ws, func(a, b []rune) int { return len(b) - len(a) })
	}
	return x
}

// endingAt returns the length in runes of the longest word that ends just
// before end in rs, or 0.
func (x *suffixIndex) endingAt(rs []rune, end int) int {
	if end <= 0 || end > len(rs) || !x.last.has(rs[end-1]) {
		return 0
	}
	for _, w := range x.byLast[rs[end-1]] {
		if len(w) <= end && slices.Equal(rs[end-len(w):end], w) {
			return len(w)
		}
	}
	return 0
}

// shortestEndingAt returns the length in runes of the shortest word that
// ends just before end in rs, or 0: the office a longer word names
// (议员 of 立法会议员).
func (x *suffixIndex) shortestEndingAt(rs []rune, end int) int {
	if end <= 0 || end > len(rs) || !x.last.has(rs[end-1]) {
		return 0
	}
	ws := x.byLast[rs[end-1]]
	for i := len(ws) - 1; i >= 0; i-- {
		if w := ws[i]; len(w) <= end && slices.Equal(rs[end-len(w):end], w) {
			return len(w)
		}
	}
	return 0
}

// hasRunesAt reports whether rs holds w at rune i.
func hasRunesAt(rs []rune, i int, w []rune) bool {
	return i >= 0 && i+len(w) <= len(rs) && slices.Equal(rs[i:i+len(w)], w)
}

// hasRunesIn reports whether w occurs in t.
func hasRunesIn(t, w []rune) bool { return indexRunes(t, w, 0) >= 0 }

// indexRunes is the first index of t at or after from where w stands, or
// -1.
func indexRunes(t, w []rune, from int) int {
	for i := from; i+len(w) <= len(t); i++ {
		if hasRunesAt(t, i, w) {
			return i
		}
	}
	return -1
}
