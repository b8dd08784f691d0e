package index

import (
	"context"

	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search"
	bquery "github.com/blevesearch/bleve/v2/search/query"
	bindex "github.com/blevesearch/bleve_index_api"
)

// filteredQuery is main's matches that filter also matches, scored by main
// alone. bleve's BooleanQuery.AddFilter checks the filter on each match of
// the rest, which it has scored already: 发展 province:山西 year:2021
// scored every one of 发展's matches to keep a few (1.7 ms on xwlb, and a
// filter alone scanned every document). Here whichever of the two is
// behind skips to the other, so a selective filter skips most of the
// query's matches unscored, as a conjunction does.
type filteredQuery struct {
	main, filter bquery.Query
}

func (q *filteredQuery) Searcher(ctx context.Context, i bindex.IndexReader, m mapping.IndexMapping, options search.SearcherOptions) (search.Searcher, error) {
	main, err := q.main.Searcher(ctx, i, m, options)
	if err != nil {
		return nil, err
	}
	// The filter scores nothing, like bleve's own.
	filter, err := q.filter.Searcher(ctx, i, m, search.SearcherOptions{Score: "none"})
	if err != nil {
		main.Close()
		return nil, err
	}
	return &filteredSearcher{main: main, filter: filter}, nil
}

type filteredSearcher struct {
	main, filter search.Searcher
	at           *search.DocumentMatch // the filter's current match; nil before the first
	done         bool                  // the filter has no more matches
}

func (s *filteredSearcher) Next(ctx *search.SearchContext) (*search.DocumentMatch, error) {
	if s.done {
		return nil, nil
	}
	d, err := s.main.Next(ctx)
	if err != nil || d == nil {
		return nil, err
	}
	return s.align(ctx, d)
}

func (s *filteredSearcher) Advance(ctx *search.SearchContext, id bindex.IndexInternalID) (*search.DocumentMatch, error) {
	if s.done {
		return nil, nil
	}
	d, err := s.main.Advance(ctx, id)
	if err != nil || d == nil {
		return nil, err
	}
	return s.align(ctx, d)
}

// align returns the first of main's matches from d on that the filter
// matches too. Both only ever move forward.
func (s *filteredSearcher) align(ctx *search.SearchContext, d *search.DocumentMatch) (*search.DocumentMatch, error) {
	for {
		if s.done {
			ctx.DocumentMatchPool.Put(d)
			return nil, nil
		}
		if s.at == nil || s.at.IndexInternalID.Compare(d.IndexInternalID) < 0 {
			if s.at != nil {
				ctx.DocumentMatchPool.Put(s.at)
			}
			at, err := s.filter.Advance(ctx, d.IndexInternalID)
			s.at = at
			if err != nil {
				return nil, err
			}
			if at == nil {
				s.done = true
				continue
			}
		}
		if s.at.IndexInternalID.Compare(d.IndexInternalID) == 0 {
			return d, nil
		}
		// The filter is ahead: skip main to it.
		ctx.DocumentMatchPool.Put(d)
		var err error
		if d, err = s.main.Advance(ctx, s.at.IndexInternalID); err != nil || d == nil {
			return nil, err
		}
	}
}

func (s *filteredSearcher) Close() error {
	err := s.main.Close()
	if ferr := s.filter.Close(); err == nil {
		err = ferr
	}
	return err
}

// Weight and SetQueryNorm are main's: the filter does not score.
func (s *filteredSearcher) Weight() float64        { return s.main.Weight() }
func (s *filteredSearcher) SetQueryNorm(n float64) { s.main.SetQueryNorm(n) }
func (s *filteredSearcher) Count() uint64          { return s.main.Count() }
func (s *filteredSearcher) Min() int               { return s.main.Min() }
func (s *filteredSearcher) Size() int              { return s.main.Size() + s.filter.Size() }
func (s *filteredSearcher) DocumentMatchPoolSize() int {
	return s.main.DocumentMatchPoolSize() + s.filter.DocumentMatchPoolSize() + 1
}
