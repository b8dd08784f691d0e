package index

import (
	"container/list"
	"context"
	"fmt"
	"slices"
	"strconv"
	"sync"
	"time"

	"github.com/blevesearch/bleve/v2"

	"fangtan"
	"fangtan/query"
)

// facetCacheSize is how many queries' facet counts are remembered.
const facetCacheSize = 1024

// facetCache remembers the facet counts of recent queries. Counting facets
// visits every matching document's values, which for a frequent word is
// most of a search; paging through results, and the same query asked
// again, reuse the counts. Any write to the index empties it.
type facetCache struct {
	mu  sync.Mutex
	gen uint64
	ll  *list.List // of *facetEntry, most recent first
	m   map[string]*list.Element
}

type facetEntry struct {
	key    string
	facets map[string][]fangtan.FacetCount
}

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

func (c *facetCache) get(gen uint64, key string) (map[string][]fangtan.FacetCount, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.m == nil || c.gen != gen {
		return nil, false
	}
	e, ok := c.m[key]
	if !ok {
		return nil, false
	}
	c.ll.MoveToFront(e)
	return e.Value.(*facetEntry).facets, true
}

func (c *facetCache) put(gen uint64, key string, facets map[string][]fangtan.FacetCount) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.m == nil || c.gen != gen {
		c.gen, c.ll, c.m = gen, list.New(), make(map[string]*list.Element)
	}
	if _, ok := c.m[key]; ok {
		return
	}
	c.m[key] = c.ll.PushFront(&facetEntry{key: key, facets: facets})
	if c.ll.Len() > facetCacheSize {
		last := c.ll.Back()
		c.ll.Remove(last)
		delete(c.m, last.Value.(*facetEntry).key)
	}
}

// withFacets runs req, counting facets only when the cache does not have
// them. It returns every value of every facet, sorted by count, shared
// with the cache: callers read it and copy what they keep (topFacets).
// For articles it also counts months when their timeline is by month
// (fieldMonth; see monthCounts).
func (x *Index) withFacets(ctx context.Context, req *bleve.SearchRequest, typ string, fq fangtan.Query) (*bleve.SearchResult, map[string][]fangtan.FacetCount, error) {
	gen := x.gen.Load()
	key := facetKey(typ, fq)
	cached, ok := x.facets.get(gen, key)
	monthsAsked := false
	if !ok {
		req.AddFacet(fieldFacets, bleve.NewFacetRequest(fieldFacets, allFacetValues))
		// When every year in the index lies within a monthly timeline's
		// span, any search's timeline is by month: count months in the
		// same pass.
		if timelines && typ == typeArticle {
			if lo, hi, known := x.indexYears(gen); known && hi-lo+1 < query.MonthlySpan {
				req.AddFacet(fieldMonth, monthFacet(lo, hi))
				monthsAsked = true
			}
		}
	}
	res, err := x.run(ctx, req)
	if err != nil {
		return nil, nil, err
	}
	if ok {
		return res, cached, nil
	}
	f := facetCounts(res)
	if timelines && typ == typeArticle {
		if monthsAsked {
			f[fieldMonth] = monthCounts(res)
		} else if lo, hi, monthly, _ := query.YearSpan(f[fieldYear]); monthly {
			// A wider index, and hits within two years: count their
			// months in a second pass that scores nothing.
			mreq := bleve.NewSearchRequestOptions(req.Query, 0, 0, false)
			mreq.Score = "none"
			mreq.AddFacet(fieldMonth, monthFacet(lo, hi))
			mres, err := x.run(ctx, mreq)
			if err != nil {
				return nil, nil, err
			}
			f[fieldMonth] = monthCounts(mres)
		}
	}
	x.facets.put(gen, key, f)
	return res, f, nil
}

// timelines turns month counting on; only the benchmark of the timeline's
// cost turns it off, to search as before timelines.
var timelines = true

// monthFacet counts the documents of each month of the years lo to hi on
// the date field (its doc values). Months used to be one more value of
// the combined facet field in every document, which every search counted
// whether its timeline was by month or not (docs/benchmarks.md).
func monthFacet(lo, hi int) *bleve.FacetRequest {
	fr := bleve.NewFacetRequest(fieldDate, 12*(hi-lo+1))
	for y := lo; y <= hi; y++ {
		for m := time.January; m <= time.December; m++ {
			start := time.Date(y, m, 1, 0, 0, 0, 0, time.UTC)
			fr.AddDateTimeRange(start.Format("2006-01"), start, start.AddDate(0, 1, 0))
		}
	}
	return fr
}

// monthCounts reads monthFacet's counts.
func monthCounts(res *bleve.SearchResult) []fangtan.FacetCount {
	var out []fangtan.FacetCount
	if fr := res.Facets[fieldMonth]; fr != nil {
		for _, r := range fr.DateRanges {
			if r.Count > 0 {
				out = append(out, fangtan.FacetCount{Value: r.Name, Count: r.Count})
			}
		}
	}
	return out
}

// indexYears returns the first and last year the index's year field holds
// (the term dictionary may still hold the years of deleted documents, so
// the span can only be wider than the truth), remembered per generation.
func (x *Index) indexYears(gen uint64) (lo, hi int, ok bool) {
	x.years.mu.Lock()
	defer x.years.mu.Unlock()
	if x.years.valid && x.years.gen == gen {
		return x.years.lo, x.years.hi, x.years.ok
	}
	lo, hi, ok = 0, 0, false
	if dict, err := x.idx.FieldDict(fieldYear); err == nil {
		for {
			e, err := dict.Next()
			if err != nil || e == nil {
				break
			}
			if y, err := strconv.Atoi(e.Term); err == nil && query.IsYear(e.Term) {
				if !ok || y < lo {
					lo = y
				}
				if !ok || y > hi {
					hi = y
				}
				ok = true
			}
		}
		_ = dict.Close()
	}
	x.years.gen, x.years.lo, x.years.hi, x.years.ok, x.years.valid = gen, lo, hi, ok, true
	return lo, hi, ok
}

// yearSpan is indexYears' memory.
type yearSpan struct {
	mu     sync.Mutex
	gen    uint64
	lo, hi int
	ok     bool
	valid  bool
}
