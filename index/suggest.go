package index

import (
	"cmp"
	"context"
	"slices"
	"strings"

	"github.com/blevesearch/bleve/v2"
	"github.com/mozillazg/go-pinyin"

	"fangtan"
)

// suggestions is the table the search box completes from: every official,
// place and theme of the indexed articles with its article count. It is
// built on first use and rebuilt after a write.
type suggestions struct {
	gen   uint64
	items []suggestItem
}

type suggestItem struct {
	fangtan.Suggestion
	pinyin   string // liuzhenhua
	initials string // lzh
}

// suggestKinds are the facets that complete, each field with the kind of
// suggestion its values make.
var suggestKinds = func() []struct{ field, kind string } {
	var out []struct{ field, kind string }
	for _, f := range fangtan.Facets {
		if f.Suggest != "" {
			out = append(out, struct{ field, kind string }{f.Name, f.Suggest})
		}
	}
	return out
}()

func (x *Index) suggestTable(ctx context.Context) (*suggestions, error) {
	x.sugMu.Lock()
	defer x.sugMu.Unlock()
	gen := x.gen.Load()
	if x.sug != nil && x.sug.gen == gen {
		return x.sug, nil
	}
	req := bleve.NewSearchRequestOptions(termQuery(fieldType, typeArticle), 0, 0, false)
	req.AddFacet(fieldFacets, bleve.NewFacetRequest(fieldFacets, allFacetValues))
	res, err := x.run(ctx, req)
	if err != nil {
		return nil, err
	}
	t := &suggestions{gen: gen}
	seen := make(map[string]int)
	args := pinyin.NewArgs()
	counts := facetCounts(res)
	// Speakers come from the quotes.
	qreq := bleve.NewSearchRequestOptions(termQuery(fieldType, typeQuote), 0, 0, false)
	qreq.AddFacet(fieldFacets, bleve.NewFacetRequest(fieldFacets, allFacetValues))
	qres, err := x.run(ctx, qreq)
	if err != nil {
		return nil, err
	}
	counts[fieldSpeaker] = facetCounts(qres)[fieldSpeaker]
	for _, k := range suggestKinds {
		for _, term := range counts[k.field] {
			key := k.kind + "\x00" + term.Value
			if i, ok := seen[key]; ok {
				t.items[i].Count = max(t.items[i].Count, term.Count)
				continue
			}
			seen[key] = len(t.items)
			syllables := pinyin.LazyPinyin(term.Value, args)
			var initials strings.Builder
			for _, s := range syllables {
				initials.WriteByte(s[0])
			}
			t.items = append(t.items, suggestItem{
				Suggestion: fangtan.Suggestion{Value: term.Value, Kind: k.kind, Count: term.Count},
				pinyin:     strings.Join(syllables, ""),
				initials:   initials.String(),
			})
		}
	}
	x.sug = t
	return t, nil
}

// Suggest implements fangtan.Searcher: officials, places, themes and
// quote speakers (kind "speaker") whose
// name starts with prefix (Traditional or Simplified), or whose pinyin or
// pinyin initials start with it (liu, lzh), most frequent first.
func (x *Index) Suggest(ctx context.Context, prefix string, limit int) ([]fangtan.Suggestion, error) {
	p := foldValue(prefix)
	if p == "" {
		return []fangtan.Suggestion{}, nil
	}
	if limit <= 0 {
		limit = 10
	}
	limit = min(limit, 50)
	t, err := x.suggestTable(ctx)
	if err != nil {
		return nil, err
	}
	latin := strings.ReplaceAll(p, " ", "")
	isLatin := latin != "" && strings.IndexFunc(latin, func(r rune) bool { return r < 'a' || r > 'z' }) < 0
	type match struct {
		s     fangtan.Suggestion
		exact bool
	}
	var ms []match
	for _, it := range t.items {
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
	return out, nil
}
