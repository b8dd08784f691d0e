package index

import (
	"context"
	"fmt"
	"runtime"
	"sync"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"
	"golang.org/x/sync/errgroup"

	"fangtan"
)

// applyRegistry gives every article that names a registered official
// without listing them that official (fangtan.Registry): for each name, the
// articles whose text holds it as an exact substring and whose official
// field lacks it (or, for a name recheck holds, whether it lacks it or
// not) are handed to enrich, and those it changes are indexed again. It
// returns how many articles changed. step, if set, is told how many names
// have been looked for, out of how many, then how many of the articles
// found have been read.
//
// The names are looked for, and the articles read and enriched, on every
// core: one at a time, they were most of the pass, which was a tenth of
// the wall time of a build of xwlb and a fifth of xwlb with hkcnews. Each
// article is read once and given all its names at once, in the order of
// names, which is what giving them one by one did.
func (x *Index) applyRegistry(ctx context.Context, reg *fangtan.Registry, names []string, recheck map[string]bool, enrich func(*fangtan.Document, *fangtan.Registry, []string) bool, batchSize int, step func(p registryProgress)) (int, error) {
	workers := runtime.GOMAXPROCS(0)
	found := make([][]string, len(names))
	var stepMu sync.Mutex
	looked := 0
	if step != nil {
		step(registryProgress{steps: len(names)})
	}
	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(workers)
	for i, name := range names {
		g.Go(func() error {
			ids, err := x.naming(gctx, name, !recheck[name])
			if err != nil {
				return fmt.Errorf("registry: %w", err)
			}
			found[i] = ids
			if step != nil {
				stepMu.Lock()
				looked++
				step(registryProgress{step: looked, steps: len(names)})
				stepMu.Unlock()
			}
			return nil
		})
	}
	if err := g.Wait(); err != nil {
		return 0, err
	}
	namesOf := map[string][]string{}
	var ids []string
	for i, f := range found {
		for _, id := range f {
			if namesOf[id] == nil {
				ids = append(ids, id)
			}
			namesOf[id] = append(namesOf[id], names[i])
		}
	}
	enriched := make([]*fangtan.Document, len(ids))
	read := 0
	progress := func(more int) {
		if step != nil {
			stepMu.Lock()
			read += more
			step(registryProgress{step: len(names), steps: len(names), read: read, toRead: len(ids)})
			stepMu.Unlock()
		}
	}
	progress(0)
	g, gctx = errgroup.WithContext(ctx)
	g.SetLimit(workers)
	for i, id := range ids {
		g.Go(func() error {
			v, err := x.Document(gctx, id, "")
			if err != nil {
				return fmt.Errorf("registry: %w", err)
			}
			if enrich(&v.Document, reg, namesOf[id]) {
				enriched[i] = &v.Document
			}
			progress(1)
			return nil
		})
	}
	if err := g.Wait(); err != nil {
		return 0, err
	}
	var order []string
	changed := map[string]*fangtan.Document{}
	for i, d := range enriched {
		if d != nil {
			order = append(order, ids[i])
			changed[ids[i]] = d
		}
	}
	if batchSize <= 0 {
		batchSize = 500
	}
	// Batches are written two at a time, so that one is analyzed while
	// bleve builds the other's segment on a single core.
	g, gctx = errgroup.WithContext(ctx)
	g.SetLimit(workers)
	for from := 0; from < len(order); {
		batch := x.idx.NewBatch()
		for ; from < len(order) && batch.Size() < batchSize; from++ {
			if err := x.addTo(batch, changed[order[from]]); err != nil {
				g.Wait() // no batch may outlive the pass
				return 0, fmt.Errorf("registry: %s: %w", order[from], err)
			}
		}
		g.Go(func() error {
			if err := gctx.Err(); err != nil {
				return err
			}
			if err := x.idx.Batch(batch); err != nil {
				return fmt.Errorf("registry: %w", err)
			}
			return nil
		})
	}
	if err := g.Wait(); err != nil {
		return 0, err
	}
	return len(order), nil
}

// naming returns the articles whose text holds name as an exact
// substring, with unlisted only those whose officials do not list it; none
// when the query language cannot hold the name.
func (x *Index) naming(ctx context.Context, name string, unlisted bool) ([]string, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	c, err := x.compile(fangtan.Query{Text: `"` + name + `"`}, articles)
	if err != nil {
		return nil, nil
	}
	var not []query.Query
	if unlisted {
		not = append(not, x.filterQuery(fieldOfficial, []string{name}))
	}
	q := query.NewBooleanQuery([]query.Query{c.q, termQuery(fieldType, typeArticle)}, nil, not)
	return x.allIDs(ctx, q)
}

// addTo adds d, an article, and its quotes to batch.
func (x *Index) addTo(batch *bleve.Batch, d *fangtan.Document) error {
	bdocs, err := x.b.build(d)
	if err != nil {
		return err
	}
	for _, bd := range bdocs {
		if err := batch.IndexAdvanced(bd); err != nil {
			return err
		}
	}
	return nil
}

// registryProgress is how far applyRegistry is: names looked for, then
// articles read.
type registryProgress struct{ step, steps, read, toRead int }
