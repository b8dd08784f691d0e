package index

import (
	"context"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search"
	bquery "github.com/blevesearch/bleve/v2/search/query"

	"fangtan"
)

// A search ranks every match to find its page, and the next page, or the
// same search asked again, ranked them all over again: on a frequent word
// that is most of a search, and it grows with the index. As Solr's
// queryResultCache does, a search keeps the ids and scores of the first
// ranks past its page, a window, for the index's generation; a page within
// the window is then read by id. The PostgreSQL backend does the same
// (postgres/search.go). A search asked for the first time keeps only its
// page's ranks (firstPage): the window is ranked when a second page is.
const (
	rankWindow    = 50  // ranks are kept in windows of this many
	maxRankWindow = 200 // pages deeper than this are ranked every time
)

// window is the start of a search's order.
type window struct {
	ids      []string
	scores   []float64
	total    uint64
	complete bool // it holds every match
}

func (w *window) covers(end int) bool { return w.complete || len(w.ids) >= end }

// rankKey identifies a search's order: its matches and its sort.
func rankKey(typ string, fq fangtan.Query) string {
	return facetKey(typ, fq) + "\x00sort=" + fq.Sort
}

// page runs req, the page of fq that request made, with its facets
// (withFacets): from the window cache when it holds the page; else, for a
// first page asked for the first time, as bleve would (firstPage); else by
// ranking a window and keeping it.
func (x *Index) page(ctx context.Context, req *bleve.SearchRequest, typ string, fq fangtan.Query) ([]*search.DocumentMatch, uint64, map[string][]fangtan.FacetCount, error) {
	end := req.From + req.Size
	gen := x.gen.Load()
	if end > maxRankWindow {
		res, f, err := x.withFacetsAt(ctx, gen, req, typ, fq)
		if err != nil {
			return nil, 0, nil, err
		}
		return res.Hits, res.Total, f, nil
	}
	key := rankKey(typ, fq)
	w, ranked := x.ranks.Get(gen, key)
	if !ranked && req.From == 0 {
		return x.firstPage(ctx, gen, req, key, typ, fq)
	}
	if ranked && w.covers(end) {
		if f, ok := x.facets.Get(gen, facetKey(typ, fq)); ok {
			hits, ok, err := x.load(ctx, w, req.From, end, req.Fields)
			if err != nil {
				return nil, 0, nil, err
			}
			if ok {
				return hits, w.total, f, nil
			}
		}
	}
	wreq := *req
	wreq.From, wreq.Size, wreq.Fields = 0, min((end+rankWindow-1)/rankWindow*rankWindow, maxRankWindow), nil
	res, f, err := x.withFacetsAt(ctx, gen, &wreq, typ, fq)
	if err != nil {
		return nil, 0, nil, err
	}
	w = windowOf(res, wreq.Size)
	hits, ok, err := x.load(ctx, w, req.From, end, req.Fields)
	if err != nil {
		return nil, 0, nil, err
	}
	if !ok {
		// A write between the ranking and the read: rank the page
		// itself, and keep no window of a state already gone.
		res, err := x.run(ctx, req)
		if err != nil {
			return nil, 0, nil, err
		}
		return res.Hits, res.Total, f, nil
	}
	x.ranks.Put(gen, key, w)
	return hits, w.total, f, nil
}

// firstPage runs req, the first page of a search not ranked in this
// generation, as bleve would, fields and all, and keeps its ranks as a
// window. Most searches are never paged: ranking a whole window, and
// reading the page by id in a second search, cost a search asked for the
// first time about a tenth of its time (BenchmarkFirstPass). A search that
// is paged ranks a window at its second page.
func (x *Index) firstPage(ctx context.Context, gen uint64, req *bleve.SearchRequest, key, typ string, fq fangtan.Query) ([]*search.DocumentMatch, uint64, map[string][]fangtan.FacetCount, error) {
	res, f, err := x.withFacetsAt(ctx, gen, req, typ, fq)
	if err != nil {
		return nil, 0, nil, err
	}
	x.ranks.Put(gen, key, windowOf(res, req.Size))
	return res.Hits, res.Total, f, nil
}

// windowOf keeps the ranks of res, a search for the first size hits.
func windowOf(res *bleve.SearchResult, size int) *window {
	w := &window{total: res.Total, complete: len(res.Hits) < size,
		ids: make([]string, len(res.Hits)), scores: make([]float64, len(res.Hits))}
	for i, h := range res.Hits {
		w.ids[i], w.scores[i] = h.ID, h.Score
	}
	return w
}

// load reads the fields of ranks from to end of w, in w's order and with
// its scores; not ok when a write since the ranking deleted one of them.
func (x *Index) load(ctx context.Context, w *window, from, end int, fields []string) ([]*search.DocumentMatch, bool, error) {
	if from >= len(w.ids) {
		return nil, true, nil
	}
	ids := w.ids[from:min(end, len(w.ids))]
	req := bleve.NewSearchRequestOptions(bquery.NewDocIDQuery(ids), len(ids), 0, false)
	req.Fields = fields
	res, err := x.run(ctx, req)
	if err != nil {
		return nil, false, err
	}
	byID := make(map[string]*search.DocumentMatch, len(res.Hits))
	for _, h := range res.Hits {
		byID[h.ID] = h
	}
	hits := make([]*search.DocumentMatch, 0, len(ids))
	for i, id := range ids {
		h, ok := byID[id]
		if !ok {
			return nil, false, nil
		}
		h.Score = w.scores[from+i]
		hits = append(hits, h)
	}
	return hits, true, nil
}
