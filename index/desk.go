package index

import (
	"context"
	"fmt"
	"time"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search"
	bquery "github.com/blevesearch/bleve/v2/search/query"

	"fangtan"
	"fangtan/query"
)

// The research desk: keyword in context, official profiles and the
// overview of an index.

// KWIC implements fangtan.Searcher. It reads every matching article
// (newest first, up to query.KWICMaxDocs) and lists each occurrence of the
// query's words and phrases as exact substrings, as quoted phrases match,
// so that the number of lines is the number of occurrences. Each word or
// phrase must have at least two letters or digits: a single character
// would list every 的.
func (x *Index) KWIC(ctx context.Context, fq fangtan.Query, width int) (*fangtan.KWICResult, error) {
	start := time.Now()
	pq, hl, err := query.ParseKWIC(fq.Text, width)
	if err != nil {
		return nil, err
	}
	c, err := x.compileParsed(pq, fq, articles)
	if err != nil {
		return nil, err
	}
	req := bleve.NewSearchRequestOptions(c.q, query.KWICMaxDocs, 0, false)
	req.Fields = []string{fieldStored}
	req.SortByCustom(search.SortOrder{
		&search.SortField{Field: fieldDate, Desc: true, Type: search.SortFieldAsDate, Missing: search.SortFieldMissingLast},
	})
	res, err := x.run(ctx, req)
	if err != nil {
		return nil, err
	}
	out := &fangtan.KWICResult{Query: fq.Text, Documents: res.Total, Lines: []fangtan.KWICLine{}, Truncated: res.Total > query.KWICMaxDocs}
	for _, h := range res.Hits {
		if err := ctx.Err(); err != nil {
			return nil, fmt.Errorf("kwic: %w (%v)", fangtan.ErrUnavailable, err)
		}
		d, err := storedDoc(h, false)
		if err != nil {
			return nil, fmt.Errorf("index %s: hit %s: %w", x.path, h.ID, err)
		}
		var full bool
		if out.Lines, full = query.KWICLines(out.Lines, hl, d, width, query.KWICMaxLines); full {
			out.Truncated = true
			break
		}
	}
	out.TookMs = float64(time.Since(start).Microseconds()) / 1000
	return out, nil
}

// Official implements fangtan.Searcher.
func (x *Index) Official(ctx context.Context, name string) (*fangtan.OfficialProfile, error) {
	start := time.Now()
	name = foldValue(name)
	if name == "" || utf8.RuneCountInString(name) > 100 {
		return nil, badQuery("an official's name is 1 to 100 characters")
	}
	// The names the filter asks for: an alias's name (习主席 is 习近平), and
	// the whole names a short one is listed by.
	names := x.canonical([]string{name})
	fq := fangtan.Query{Officials: []string{name}}
	c, err := x.compile(fq, articles)
	if err != nil {
		return nil, err
	}
	req := bleve.NewSearchRequestOptions(c.q, 0, 0, false)
	req.AddFacet(fieldPost, bleve.NewFacetRequest(fieldPost, allFacetValues))
	res, all, err := x.withFacets(ctx, req, typeArticle, fq)
	if err != nil {
		return nil, err
	}
	if res.Total == 0 {
		return nil, fmt.Errorf("official %q: %w", name, fangtan.ErrNotFound)
	}
	// The post facet is asked for whenever the counts came from the cache
	// too: it is counted only here.
	var posts []fangtan.FacetCount
	if fr := res.Facets[fieldPost]; fr != nil {
		for _, t := range fr.Terms.Terms() {
			posts = append(posts, fangtan.FacetCount{Value: t.Term, Count: t.Count})
		}
	}
	p := query.NewProfile(names, res.Total, all, posts)
	p.Timeline = timeline(all)
	speakers := make([]bquery.Query, len(names))
	for i, n := range names {
		speakers[i] = termQuery(fieldSpeaker, n)
	}
	q := bquery.NewConjunctionQuery([]bquery.Query{termQuery(fieldType, typeQuote), orQuery(speakers)})
	qres, err := x.run(ctx, bleve.NewSearchRequestOptions(q, 0, 0, false))
	if err != nil {
		return nil, err
	}
	p.Quotes = qres.Total
	p.TookMs = float64(time.Since(start).Microseconds()) / 1000
	return p, nil
}

// Overview implements fangtan.Searcher.
func (x *Index) Overview(ctx context.Context) (*fangtan.Overview, error) {
	req := bleve.NewSearchRequestOptions(termQuery(fieldType, typeArticle), 0, 0, false)
	res, all, err := x.withFacets(ctx, req, typeArticle, fangtan.Query{})
	if err != nil {
		return nil, err
	}
	o := &fangtan.Overview{Articles: res.Total}
	top := topFacets(all, []string{fieldSource, fieldOfficial, fieldTheme}, 10)
	o.Sources, o.Officials, o.Themes = top[fieldSource], top[fieldOfficial], top[fieldTheme]
	for _, desc := range []bool{false, true} {
		dated := bquery.NewBooleanQuery([]bquery.Query{termQuery(fieldType, typeArticle)}, nil, []bquery.Query{termQuery(fieldYear, undated)})
		r := bleve.NewSearchRequestOptions(dated, 1, 0, false)
		r.Fields = []string{fieldStored}
		r.SortByCustom(search.SortOrder{&search.SortField{Field: fieldDate, Desc: desc, Type: search.SortFieldAsDate, Missing: search.SortFieldMissingLast}})
		dr, err := x.run(ctx, r)
		if err != nil {
			return nil, err
		}
		if len(dr.Hits) == 0 {
			break
		}
		d, err := storedDoc(dr.Hits[0], false)
		if err != nil {
			return nil, fmt.Errorf("index %s: overview: %w", x.path, err)
		}
		if desc {
			o.Last = d.Date
		} else {
			o.First = d.Date
		}
	}
	_, o.Quotes, err = x.Count(ctx)
	if err != nil {
		return nil, err
	}
	return o, nil
}
