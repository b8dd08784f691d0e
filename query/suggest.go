package query

import (
	"cmp"
	"slices"
	"strings"

	"github.com/mozillazg/go-pinyin"

	"fangtan"
	"fangtan/analyzer"
)

// Suggestions is the table the search box completes from: every value of
// the facets that complete (fangtan.Facet.Suggest: officials, places,
// themes, speakers) with its count. Each backend fills it from its own
// facet counts, once per state of its index.
type Suggestions struct {
	items []suggestItem
	seen  map[string]int // kind NUL value → index in items
	args  pinyin.Args
}

type suggestItem struct {
	fangtan.Suggestion
	pinyin   string // liuzhenhua
	initials string // lzh
}

// NewSuggestions returns an empty table.
func NewSuggestions() *Suggestions {
	return &Suggestions{seen: map[string]int{}, args: pinyin.NewArgs()}
}

// SuggestFacets are the names of the facets of scope whose values
// complete.
func SuggestFacets(scope fangtan.FacetScope) []string {
	var out []string
	for _, f := range fangtan.Facets {
		if f.Suggest != "" && f.Scope == scope {
			out = append(out, f.Name)
		}
	}
	return out
}

// Add counts value of the facet named facet in n documents. A value of
// two facets of one kind (a city that is also a district's name) keeps
// the larger count; values of facets that do not complete are ignored.
func (s *Suggestions) Add(facet, value string, n int) {
	f, ok := fangtan.FacetNamed(facet)
	if !ok || f.Suggest == "" || value == "" {
		return
	}
	key := f.Suggest + "\x00" + value
	if i, ok := s.seen[key]; ok {
		s.items[i].Count = max(s.items[i].Count, n)
		return
	}
	s.seen[key] = len(s.items)
	syllables := pinyin.LazyPinyin(value, s.args)
	var initials strings.Builder
	for _, syl := range syllables {
		initials.WriteByte(syl[0])
	}
	s.items = append(s.items, suggestItem{
		Suggestion: fangtan.Suggestion{Value: value, Kind: f.Suggest, Count: n},
		pinyin:     strings.Join(syllables, ""),
		initials:   initials.String(),
	})
}

// Complete returns up to limit (10 when 0 or less, at most 50) values
// that start with prefix (Traditional or Simplified), or whose pinyin or
// its initials start with it (liu, lzh): exact matches first, then the
// most frequent. It is safe to call from several goroutines once the
// table is filled.
func (s *Suggestions) Complete(prefix string, limit int) []fangtan.Suggestion {
	p := strings.TrimSpace(analyzer.Fold(prefix))
	if p == "" {
		return []fangtan.Suggestion{}
	}
	if limit <= 0 {
		limit = 10
	}
	limit = min(limit, 50)
	latin := strings.ReplaceAll(p, " ", "")
	isLatin := latin != "" && strings.IndexFunc(latin, func(r rune) bool { return r < 'a' || r > 'z' }) < 0
	type match struct {
		s     fangtan.Suggestion
		exact bool
	}
	var ms []match
	for _, it := range s.items {
		switch {
		case strings.HasPrefix(it.Value, p):
			ms = append(ms, match{it.Suggestion, it.Value == p})
		case isLatin && it.pinyin != "" && (strings.HasPrefix(it.pinyin, latin) || strings.HasPrefix(it.initials, latin)):
			ms = append(ms, match{it.Suggestion, it.pinyin == latin})
		}
	}
	slices.SortFunc(ms, func(a, b match) int {
		if a.exact != b.exact {
			if a.exact {
				return -1
			}
			return 1
		}
		return cmp.Or(cmp.Compare(b.s.Count, a.s.Count), cmp.Compare(a.s.Value, b.s.Value), cmp.Compare(a.s.Kind, b.s.Kind))
	})
	out := make([]fangtan.Suggestion, 0, min(limit, len(ms)))
	for _, m := range ms[:min(limit, len(ms))] {
		out = append(out, m.s)
	}
	return out
}
