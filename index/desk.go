package index

import (
	"context"
	"fmt"
	"strings"
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

// KWIC limits: the articles read, and the lines returned.
const (
	kwicMaxDocs  = 2000
	kwicMaxLines = 20000
	kwicMaxWidth = 100
)

// KWIC implements fangtan.Searcher. It reads every matching article
// (newest first, up to kwicMaxDocs) and lists each occurrence of the
// query's words and phrases as exact substrings, as quoted phrases match,
// so that the number of lines is the number of occurrences. Each word or
// phrase must have at least two letters or digits: a single character
// would list every 的.
func (x *Index) KWIC(ctx context.Context, fq fangtan.Query, width int) (*fangtan.KWICResult, error) {
	start := time.Now()
	if width <= 0 || width > kwicMaxWidth {
		return nil, badQuery("width %d: use 1 to %d characters", width, kwicMaxWidth)
	}
	pq, err := query.Parse(fq.Text, fangtan.ArticleFacet)
	if err != nil {
		return nil, err
	}
	hl, err := query.ForKWIC(pq)
	if err != nil {
		return nil, err
	}
	c, err := x.compileParsed(pq, fq, articles)
	if err != nil {
		return nil, err
	}
	req := bleve.NewSearchRequestOptions(c.q, kwicMaxDocs, 0, false)
	req.Fields = []string{fieldStored}
	req.SortByCustom(search.SortOrder{
		&search.SortField{Field: fieldDate, Desc: true, Type: search.SortFieldAsDate, Missing: search.SortFieldMissingLast},
	})
	res, err := x.run(ctx, req)
	if err != nil {
		return nil, err
	}
	out := &fangtan.KWICResult{Query: fq.Text, Documents: res.Total, Lines: []fangtan.KWICLine{}, Truncated: res.Total > kwicMaxDocs}
	for _, h := range res.Hits {
		if err := ctx.Err(); err != nil {
			return nil, fmt.Errorf("kwic: %w (%v)", fangtan.ErrUnavailable, err)
		}
		d, err := storedDoc(h, false)
		if err != nil {
			return nil, fmt.Errorf("index %s: hit %s: %w", x.path, h.ID, err)
		}
		var full bool
		if out.Lines, full = query.KWICLines(out.Lines, hl, d, width, kwicMaxLines); full {
			out.Truncated = true
			break
		}
	}
	out.TookMs = float64(time.Since(start).Microseconds()) / 1000
	return out, nil
}

// profileSize is how many co-occurring officials, places and themes an
// official's profile lists.
const profileSize = 20

// Official implements fangtan.Searcher.
func (x *Index) Official(ctx context.Context, name string) (*fangtan.OfficialProfile, error) {
	start := time.Now()
	name = foldValue(name)
	if name == "" || utf8.RuneCountInString(name) > 100 {
		return nil, badQuery("an official's name is 1 to 100 characters")
	}
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
	p := &fangtan.OfficialProfile{Name: name, Articles: res.Total, Timeline: timeline(all), Posts: []fangtan.Post{}}
	for _, f := range []struct {
		field string
		dst   *[]fangtan.FacetCount
	}{{fieldOfficial, &p.Officials}, {fieldCity, &p.Places}, {fieldTheme, &p.Themes}} {
		*f.dst = []fangtan.FacetCount{}
		for _, v := range all[f.field] {
			if len(*f.dst) == profileSize {
				break
			}
			if v.Value != name {
				*f.dst = append(*f.dst, v)
			}
		}
	}
	// The post facet is asked for whenever the counts came from the cache
	// too: it is counted only here.
	if fr := res.Facets[fieldPost]; fr != nil {
		posts := map[[2]string]*fangtan.Post{}
		var order [][2]string
		for _, t := range fr.Terms.Terms() {
			parts := strings.Split(t.Term, facetSep)
			if len(parts) != 4 || parts[0] != name {
				continue
			}
			year, title, country := parts[1], parts[2], parts[3]
			key := [2]string{title, country}
			pp := posts[key]
			if pp == nil {
				pp = &fangtan.Post{Title: title, Country: country}
				posts[key] = pp
				order = append(order, key)
			}
			pp.Articles += t.Count
			if year != "" {
				if pp.First == "" || year < pp.First {
					pp.First = year
				}
				pp.Last = max(pp.Last, year)
			}
		}
		for _, k := range order {
			p.Posts = append(p.Posts, *posts[k])
		}
		// Newest post first; then the most frequent.
		sortPosts(p.Posts)
	}
	q := bquery.NewConjunctionQuery([]bquery.Query{termQuery(fieldType, typeQuote), termQuery(fieldSpeaker, name)})
	qres, err := x.run(ctx, bleve.NewSearchRequestOptions(q, 0, 0, false))
	if err != nil {
		return nil, err
	}
	p.Quotes = qres.Total
	p.TookMs = float64(time.Since(start).Microseconds()) / 1000
	return p, nil
}

func sortPosts(ps []fangtan.Post) {
	less := func(a, b fangtan.Post) bool {
		if a.Last != b.Last {
			return a.Last > b.Last
		}
		if a.Articles != b.Articles {
			return a.Articles > b.Articles
		}
		return a.Title < b.Title
	}
	for i := 1; i < len(ps); i++ {
		for j := i; j > 0 && less(ps[j], ps[j-1]); j-- {
			ps[j], ps[j-1] = ps[j-1], ps[j]
		}
	}
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
