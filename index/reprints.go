package index

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/blevesearch/bleve/v2"
	bquery "github.com/blevesearch/bleve/v2/search/query"

	"fangtan"
)

// The reprints of fangtan.Reprint: a reprint is a document of its own type
// holding its record, found by its id or by the article it reprints.

// printed returns the indexed articles whose text has print p or whose
// title has print tp, with their texts, but for those keep says an add
// deletes. Every article of the title is read, however many there are (a
// title a source repeats daily), so that none in the window is missed.
func (x *Index) printed(ctx context.Context, p, tp string, keep func(d *fangtan.Document) bool) ([]fangtan.Printed, error) {
	var out []fangtan.Printed
	seen := make(map[string]bool)
	read := func(term string, pages bool) error {
		q := bquery.NewConjunctionQuery([]bquery.Query{termQuery(fieldPrint, term), termQuery(fieldType, typeArticle)})
		const page = 100
		for from := 0; ; from += page {
			req := bleve.NewSearchRequestOptions(q, page, from, false)
			req.Fields = []string{fieldStored}
			req.SortBy([]string{"_id"})
			res, err := x.run(ctx, req)
			if err != nil {
				return err
			}
			for _, h := range res.Hits {
				if seen[h.ID] {
					continue
				}
				seen[h.ID] = true
				d, err := storedDoc(h, false)
				if err != nil {
					return fmt.Errorf("index %s: %s: %w", x.path, h.ID, err)
				}
				if keep(d) {
					out = append(out, fangtan.Printed{ID: d.ID, Date: d.Date, Print: fangtan.Print(d.Text), Text: d.Text})
				}
			}
			if !pages || len(res.Hits) < page {
				return nil
			}
		}
	}
	if err := read(p, false); err != nil {
		return nil, err
	}
	if tp != "" {
		if err := read(titlePrintPrefix+tp, true); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// reprints returns the reprints matching q, in order of id.
func (x *Index) reprints(ctx context.Context, q bquery.Query) ([]fangtan.Reprint, error) {
	q = bquery.NewConjunctionQuery([]bquery.Query{q, termQuery(fieldType, typeReprint)})
	var out []fangtan.Reprint
	const page = 1000
	for from := 0; ; from += page {
		req := bleve.NewSearchRequestOptions(q, page, from, false)
		req.Fields = []string{fieldStored}
		res, err := x.run(ctx, req)
		if err != nil {
			return nil, err
		}
		for _, h := range res.Hits {
			var r fangtan.Reprint
			if err := storedRecord(h, &r); err != nil {
				return nil, fmt.Errorf("index %s: reprint %s: %w", x.path, h.ID, err)
			}
			out = append(out, r)
		}
		if len(res.Hits) < page {
			break
		}
	}
	slices.SortFunc(out, func(a, b fangtan.Reprint) int { return strings.Compare(a.ID, b.ID) })
	return out, nil
}

// reprintsOf returns the reprints of each of the articles ids. Every
// page of hits asks, so the reprints of the whole index are read once per
// generation and kept: a search for a page's ten cost 83 µs on xwlb, a
// tenth of a first search's median. hkcnews's 3,685 take about a
// megabyte.
func (x *Index) reprintsOf(ctx context.Context, ids []string) (map[string][]fangtan.Reprint, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	gen := x.gen.Load()
	all, ok := x.reprintsByArticle.Get(gen, "")
	if !ok && x.readOnly {
		// A read-only index reads them all in the background when it
		// opens (warmUp), which takes about 270 ms for the 4,490 of
		// xwlb + hkcnews: the searches before that ask for their page's.
		rs, err := x.reprints(ctx, articlesQuery(ids))
		if err != nil {
			return nil, err
		}
		return fangtan.ReprintsByArticle(rs), nil
	}
	if !ok {
		var err error
		if all, err = x.allReprints(ctx); err != nil {
			return nil, err
		}
		x.reprintsByArticle.Put(gen, "", all)
	}
	out := make(map[string][]fangtan.Reprint, len(ids))
	for _, id := range ids {
		if rs := all[id]; rs != nil {
			out[id] = rs
		}
	}
	return out, nil
}

// allReprints returns every reprint of the index, by article.
func (x *Index) allReprints(ctx context.Context) (map[string][]fangtan.Reprint, error) {
	rs, err := x.reprints(ctx, bquery.NewMatchAllQuery())
	if err != nil {
		return nil, err
	}
	return fangtan.ReprintsByArticle(rs), nil
}

// articlesQuery matches the reprints of the articles ids.
func articlesQuery(ids []string) bquery.Query {
	qs := make([]bquery.Query, len(ids))
	for i, id := range ids {
		qs[i] = termQuery(fieldDocID, id)
	}
	return bquery.NewDisjunctionQuery(qs)
}

// promote adds to batch what deleting the article d leaves of its
// reprints (fangtan.Promote), but for those in gone (ids the batch
// deletes): an exact copy takes its place, or else its versions are
// articles again, prepared by prepare. It returns the ids promoted.
func (x *Index) promote(ctx context.Context, batch *bleve.Batch, d *fangtan.Document, gone map[string]bool, prepare func(*fangtan.Document)) ([]string, error) {
	rs, err := x.reprints(ctx, termQuery(fieldDocID, d.ID))
	if err != nil {
		return nil, err
	}
	rs = slices.DeleteFunc(rs, func(r fangtan.Reprint) bool { return gone[r.ID] })
	if len(rs) == 0 {
		return nil, nil
	}
	p := fangtan.Promote(*d, rs)
	var ids []string
	for i := range p.Articles {
		a := &p.Articles[i]
		if p.Prepare[i] && prepare != nil {
			prepare(a)
		}
		docs, err := x.b.build(a)
		if err != nil {
			return nil, fmt.Errorf("reprint %s: %w", a.ID, err)
		}
		for _, bd := range docs {
			if err := batch.IndexAdvanced(bd); err != nil {
				return nil, err
			}
		}
		ids = append(ids, a.ID)
	}
	for _, r := range p.Reprints {
		doc, err := x.b.reprint(r)
		if err != nil {
			return nil, fmt.Errorf("reprint %s: %w", r.ID, err)
		}
		if err := batch.IndexAdvanced(doc); err != nil {
			return nil, err
		}
	}
	return ids, nil
}

// demote writes the demotions of a build or an add
// (fangtan.Reprints.Demotions): each article becomes a version of the
// article that grew it, its quotes go, and its reprints become the
// other's. The demoted articles that this run admitted leave stats'
// documents and quotes for its reprints, and the registry of the run's
// articles (run) or of the index's (indexed), either of which may be nil.
func (x *Index) demote(ctx context.Context, ds []fangtan.Demotion, stats *Stats, run, indexed *fangtan.Registry) error {
	if len(ds) == 0 {
		return nil
	}
	batch := x.idx.NewBatch()
	for _, dm := range ds {
		a, err := x.article(ctx, dm.ID)
		if err != nil {
			return fmt.Errorf("demote %s: %w", dm.ID, err)
		}
		if a == nil {
			continue
		}
		quotes, err := x.allIDs(ctx, quotesOf(dm.ID))
		if err != nil {
			return fmt.Errorf("demote %s: %w", dm.ID, err)
		}
		rs, err := x.reprints(ctx, termQuery(fieldDocID, dm.ID))
		if err != nil {
			return fmt.Errorf("demote %s: %w", dm.ID, err)
		}
		batch.Delete(dm.ID)
		for _, q := range quotes {
			batch.Delete(q)
		}
		for _, r := range fangtan.Demote(*a, dm, rs) {
			doc, err := x.b.reprint(r)
			if err != nil {
				return fmt.Errorf("demote %s: reprint %s: %w", dm.ID, r.ID, err)
			}
			if err := batch.IndexAdvanced(doc); err != nil {
				return err
			}
		}
		stats.Reprints++
		reg := indexed
		if !dm.Indexed {
			stats.Documents--
			stats.Quotes -= len(quotes)
			reg = run
		}
		if reg != nil {
			reg.Forget(a)
		}
	}
	return x.idx.Batch(batch)
}
