package fangtan

import (
	"strings"
	"unicode/utf8"
)

// The rule by which a place filter names a place, shared by every backend:
// a filter finds the places whose short form is the filter's short form,
// so 太原 finds 太原市 and 山西省 finds 山西.

// adminSuffixes end the full names of Chinese administrative divisions.
var adminSuffixes = []string{"特别行政区", "自治区", "自治州", "自治县", "自治旗", "地区", "省", "市", "区", "县", "盟", "旗"}

// autonomousRegions are the provinces whose full name carries a people's
// name between the place and the suffix.
var autonomousRegions = map[string]string{
	"内蒙古自治区": "内蒙古", "广西壮族自治区": "广西", "西藏自治区": "西藏",
	"宁夏回族自治区": "宁夏", "新疆维吾尔自治区": "新疆",
}

// ShortPlace strips an administrative suffix, keeping at least two
// characters: 太原市 → 太原, 山西省 → 山西, 广西壮族自治区 → 广西.
func ShortPlace(v string) string {
	if s, ok := autonomousRegions[v]; ok {
		return s
	}
	for _, s := range adminSuffixes {
		if base, ok := strings.CutSuffix(v, s); ok && utf8.RuneCountInString(base) >= 2 {
			return base
		}
	}
	return v
}

// PlaceNames lists an article's provinces, cities and districts in that
// order, each once: a municipality or a special administrative region
// (北京市, 香港特别行政区) is a province and a city at once, and a reader
// wants it named once.
func PlaceNames(provinces, cities, districts []string) []string {
	var out []string
	seen := map[string]bool{}
	for _, list := range [][]string{provinces, cities, districts} {
		for _, p := range list {
			if !seen[p] {
				seen[p] = true
				out = append(out, p)
			}
		}
	}
	return out
}
