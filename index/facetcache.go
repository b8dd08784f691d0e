package index

import (
	"context"
	"fmt"
	"slices"

	"github.com/blevesearch/bleve/v2"

	"fangtan"
	"fangtan/query"
)

// facetKey identifies the documents a query matches: everything but paging
// and sorting.
func facetKey(typ string, fq fangtan.Query) string {
	sorted := func(vs []string) []string {
		vs = slices.Clone(vs)
		slices.Sort(vs)
		return vs
	}
	key := fmt.Sprintf("%s\x00%s\x00%q\x00%q\x00%q", typ, fq.Text, fq.Kind, fq.DateFrom, fq.DateTo)
	for _, f := range fangtan.Facets {
		if f.Filter != nil {
			key += fmt.Sprintf("\x00%s=%q", f.Name, sorted(*f.Filter(&fq)))
		}
	}
	for _, name := range sortedNames(fq.Excludes) {
		key += fmt.Sprintf("\x00-%s%q", name, sorted(fq.Excludes[name]))
	}
	return key
}

// withFacets runs req, counting facets only when the cache does not have
// them (facetColumns). It returns every value of every facet, sorted by
// count, shared with the cache: callers read it and copy what they keep
// (topFacets). For articles it also counts months when their timeline is
// by month (fieldMonth).
func (x *Index) withFacets(ctx context.Context, req *bleve.SearchRequest, typ string, fq fangtan.Query) (*bleve.SearchResult, map[string][]fangtan.FacetCount, error) {
	return x.withFacetsAt(ctx, x.gen.Load(), req, typ, fq)
}

// withFacetsAt is withFacets for the generation gen its caller read, so
// that what one search keeps in several caches is of one generation.
func (x *Index) withFacetsAt(ctx context.Context, gen uint64, req *bleve.SearchRequest, typ string, fq fangtan.Query) (*bleve.SearchResult, map[string][]fangtan.FacetCount, error) {
	key := facetKey(typ, fq)
	if cached, ok := x.facets.Get(gen, key); ok {
		res, err := x.run(ctx, req)
		if err != nil {
			return nil, nil, err
		}
		return res, cached, nil
	}
	months := timelines && typ == typeArticle
	res, c, err := x.runCounting(ctx, req, months)
	if err != nil {
		return nil, nil, err
	}
	f := c.facets()
	if months {
		// A timeline is by month when the hits' years are few
		// (query.YearSpan); the matches' months were counted anyway.
		if lo, hi, monthly, _ := query.YearSpan(f[fieldYear]); monthly {
			f[fieldMonth] = c.monthCounts(lo, hi)
		}
	}
	x.facets.Put(gen, key, f)
	return res, f, nil
}

// timelines turns month counting on; only the benchmark of the timeline's
// cost turns it off, to search as before timelines.
var timelines = true
