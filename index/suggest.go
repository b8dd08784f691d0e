package index

import (
	"context"

	"github.com/blevesearch/bleve/v2"

	"fangtan"
	"fangtan/query"
)

// suggestions is the table the search box completes from, for one
// generation of the index: built on first use and rebuilt after a write.
type suggestions struct {
	gen uint64
	t   *query.Suggestions
}

func (x *Index) suggestTable(ctx context.Context) (*query.Suggestions, error) {
	x.sugMu.Lock()
	defer x.sugMu.Unlock()
	gen := x.gen.Load()
	if x.sug != nil && x.sug.gen == gen {
		return x.sug.t, nil
	}
	t := query.NewSuggestions()
	for _, c := range []struct {
		typ   string
		scope fangtan.FacetScope
	}{{typeArticle, fangtan.ArticleFacet}, {typeQuote, fangtan.QuoteFacet}} {
		req := bleve.NewSearchRequestOptions(termQuery(fieldType, c.typ), 0, 0, false)
		_, counter, err := x.runCounting(ctx, req, false)
		if err != nil {
			return nil, err
		}
		counts := counter.facets()
		for _, name := range query.SuggestFacets(c.scope) {
			for _, term := range counts[name] {
				t.Add(name, term.Value, term.Count)
			}
		}
	}
	x.sug = &suggestions{gen: gen, t: t}
	return t, nil
}

// Suggest implements fangtan.Searcher: officials, places, themes and
// quote speakers (kind "speaker") whose name starts with prefix
// (Traditional or Simplified), or whose pinyin or pinyin initials start
// with it (liu, lzh), most frequent first.
func (x *Index) Suggest(ctx context.Context, prefix string, limit int) ([]fangtan.Suggestion, error) {
	if foldValue(prefix) == "" {
		return []fangtan.Suggestion{}, nil
	}
	t, err := x.suggestTable(ctx)
	if err != nil {
		return nil, err
	}
	return t.Complete(prefix, limit), nil
}
