package extract

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
