package index

import (
	"context"
	"fmt"

	"github.com/blevesearch/bleve/v2/search/query"

	"fangtan"
)

// applyRegistry gives every article that names a registered official
// without listing them that official (fangtan.Registry): for each name, the
// articles whose text holds it as an exact substring and whose official
// field lacks it are handed to enrich, and those it changes are indexed
// again. It returns how many articles changed. step, if set, is told
// how many names have been looked for, out of how many.
func (x *Index) applyRegistry(ctx context.Context, reg *fangtan.Registry, names []string, enrich func(*fangtan.Document, *fangtan.Registry, []string) bool, batchSize int, step func(done, total int)) (int, error) {
	changed := map[string]*fangtan.Document{}
	var order []string
	for i, name := range names {
		if err := ctx.Err(); err != nil {
			return 0, err
		}
		if step != nil {
			step(i, len(names))
		}
		c, err := x.compile(fangtan.Query{Text: `"` + name + `"`}, articles)
		if err != nil {
			continue // a name the query language cannot hold is no article's
		}
		q := query.NewBooleanQuery([]query.Query{c.q, termQuery(fieldType, typeArticle)}, nil,
			[]query.Query{x.filterQuery(fieldOfficial, []string{name})})
		ids, err := x.allIDs(ctx, q)
		if err != nil {
			return 0, fmt.Errorf("registry: %w", err)
		}
		for _, id := range ids {
			d := changed[id]
			if d == nil {
				v, err := x.Document(ctx, id, "")
				if err != nil {
					return 0, fmt.Errorf("registry: %w", err)
				}
				d = &v.Document
			}
			if enrich(d, reg, []string{name}) && changed[id] == nil {
				changed[id] = d
				order = append(order, id)
			}
		}
	}
	if step != nil {
		step(len(names), len(names)) // what is left is writing the changes
	}
	if batchSize <= 0 {
		batchSize = 500
	}
	batch := x.idx.NewBatch()
	for i, id := range order {
		bdocs, err := x.b.build(changed[id])
		if err != nil {
			return 0, fmt.Errorf("registry: %s: %w", id, err)
		}
		for _, bd := range bdocs {
			if err := batch.IndexAdvanced(bd); err != nil {
				return 0, fmt.Errorf("registry: %w", err)
			}
		}
		if batch.Size() >= batchSize || i == len(order)-1 {
			if err := x.idx.Batch(batch); err != nil {
				return 0, fmt.Errorf("registry: %w", err)
			}
			batch = x.idx.NewBatch()
		}
	}
	return len(order), nil
}
