package index

import (
	"context"
	"strconv"

	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search"
	bquery "github.com/blevesearch/bleve/v2/search/query"
	bindex "github.com/blevesearch/bleve_index_api"

	"fangtan"
)

// quoteWeightQuery scores inner's matches, quotes, times their
// fangtan.QuoteWeight, read from the doc values of fieldQuoteLength: a
// fragment of two letters in quotation marks no longer outranks the
// statements that say something about the same words.
type quoteWeightQuery struct {
	inner bquery.Query
}

func (q *quoteWeightQuery) Searcher(ctx context.Context, i bindex.IndexReader, m mapping.IndexMapping, options search.SearcherOptions) (search.Searcher, error) {
	s, err := q.inner.Searcher(ctx, i, m, options)
	if err != nil {
		return nil, err
	}
	lengths, err := i.DocValueReader([]string{fieldQuoteLength})
	if err != nil {
		s.Close()
		return nil, err
	}
	return &quoteWeightSearcher{Searcher: s, lengths: lengths}, nil
}

type quoteWeightSearcher struct {
	search.Searcher
	lengths bindex.DocValueReader
}

func (s *quoteWeightSearcher) Next(ctx *search.SearchContext) (*search.DocumentMatch, error) {
	d, err := s.Searcher.Next(ctx)
	if err != nil || d == nil {
		return d, err
	}
	return d, s.weigh(d)
}

func (s *quoteWeightSearcher) Advance(ctx *search.SearchContext, id bindex.IndexInternalID) (*search.DocumentMatch, error) {
	d, err := s.Searcher.Advance(ctx, id)
	if err != nil || d == nil {
		return d, err
	}
	return d, s.weigh(d)
}

// weigh multiplies d's score by its quote's weight; a quote indexed
// without a length weighs 1.
func (s *quoteWeightSearcher) weigh(d *search.DocumentMatch) error {
	length := fangtan.QuoteFullLength
	err := s.lengths.VisitDocValues(d.IndexInternalID, func(_ string, term []byte) {
		if n, err := strconv.Atoi(string(term)); err == nil {
			length = n
		}
	})
	d.Score *= fangtan.QuoteWeight(length)
	return err
}
