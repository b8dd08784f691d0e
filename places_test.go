package fangtan

import "testing"

func TestShortPlace(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"太原市", "太原"},
		{"山西省", "山西"},
		{"小店区", "小店"},
		{"广西壮族自治区", "广西"},
		{"香港特别行政区", "香港"},
		{"锡林郭勒盟", "锡林郭勒"},
		{"太原", "太原"},
		{"沙市", "沙市"}, // one character would be left: kept whole
		{"", ""},
	} {
		t.Run(c.in, func(t *testing.T) {
			if got := ShortPlace(c.in); got != c.want {
				t.Errorf("ShortPlace(%q) = %q, want %q", c.in, got, c.want)
			}
		})
	}
}
