package extract

import "testing"

func TestRuneSet(t *testing.T) {
	s := runeSetOf(map[rune]int{'太': 1, 'a': 2, '𠝹': 3, 0xFFFF: 4})
	for _, tc := range []struct {
		r    rune
		want bool
	}{{'太', true}, {'a', true}, {'𠝹', true}, {0xFFFF, true}, {'原', false}, {'b', false}, {'𠀀', false}, {-1, false}} {
		if got := s.has(tc.r); got != tc.want {
			t.Errorf("has(%q) = %v, want %v", tc.r, got, tc.want)
		}
	}
}
