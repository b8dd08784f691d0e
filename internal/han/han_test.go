package han

import (
	"testing"
	"unicode"
)

func TestIsMatchesUnicodeHan(t *testing.T) {
	for r := rune(0); r < 0x40000; r++ {
		if Is(r) != unicode.Is(unicode.Han, r) {
			t.Fatalf("Is(%U) = %v", r, Is(r))
		}
	}
}

func TestCount(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want int
		all  bool
	}{
		{"", 0, false},
		{"太原市", 3, true},
		{"A股、港股", 3, false},
		{"〇一二", 3, true},
		{"𠀀x", 1, false},
	} {
		t.Run(tc.in, func(t *testing.T) {
			if got := CountString(tc.in); got != tc.want {
				t.Errorf("CountString = %d, want %d", got, tc.want)
			}
			if got := Count([]rune(tc.in)); got != tc.want {
				t.Errorf("Count = %d, want %d", got, tc.want)
			}
			if got := All([]rune(tc.in)); got != tc.all {
				t.Errorf("All = %v, want %v", got, tc.all)
			}
		})
	}
}

func TestNameEnds(t *testing.T) {
	for _, c := range []struct{ name, first, last string }{
		{"巴沙尔·阿萨德", "巴沙尔", "阿萨德"},
		{"穆罕默德·本·扎耶德·阿勒纳哈扬", "穆罕默德", "阿勒纳哈扬"},
		{"让-诺埃尔·巴罗", "让", "巴罗"},
		{"习近平", "", ""},
		{"·普京", "", ""},
	} {
		first, last, ok := NameEnds(c.name)
		if first != c.first || last != c.last || ok != (c.first != "") {
			t.Errorf("NameEnds(%q) = %q, %q, %v; want %q, %q", c.name, first, last, ok, c.first, c.last)
		}
	}
}
