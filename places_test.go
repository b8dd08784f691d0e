package fangtan

import (
	"slices"
	"testing"
)

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

func TestPlaceNames(t *testing.T) {
	for _, tc := range []struct {
		name                         string
		provinces, cities, districts []string
		want                         []string
	}{
		{"a region that is a province and a city is named once", []string{"香港特别行政区", "广东省"}, []string{"香港特别行政区", "深圳市"}, nil,
			[]string{"香港特别行政区", "广东省", "深圳市"}},
		{"provinces, cities, districts in order", []string{"山西省"}, []string{"太原市"}, []string{"小店区"},
			[]string{"山西省", "太原市", "小店区"}},
		{"none", nil, nil, nil, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := PlaceNames(tc.provinces, tc.cities, tc.districts); !slices.Equal(got, tc.want) {
				t.Errorf("PlaceNames = %v, want %v", got, tc.want)
			}
		})
	}
}
