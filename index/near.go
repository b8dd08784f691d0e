package index

import (
	"context"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/searcher"
	bindex "github.com/blevesearch/bleve_index_api"

	"fangtan/analyzer"
	"fangtan/query"
)

// nearQuery is a proximity ("转型 发展"~10) on an exact field: every word
// occurs as a substring within slop characters of the others (query.Within).
//
// bleve has no sloppy phrase query (its phrase searcher hard-codes slop 0),
// and checking distances after the search would leave totals and facets
// counting documents that do not match. So the check runs inside the
// searcher: a conjunction of the words' bigram terms, with term vectors,
// filtered document by document on the terms' positions. Facets, totals
// and paging see only the documents that pass.
type nearQuery struct {
	field string
	words []string
	slop  int
	boost float64
}

func newNearQuery(field string, words []string, slop int) *nearQuery {
	return &nearQuery{field: field, words: words, slop: slop, boost: 1}
}

// nearWord is a word's bigram terms on the exact field (one rune: the rune,
// matched as the first rune of any term), and its length in runes.
type nearWord struct {
	terms  []string
	prefix bool
	runes  int
}

func (q *nearQuery) SetBoost(b float64) { q.boost = b }
func (q *nearQuery) Boost() float64     { return q.boost }

// Searcher implements bleve's query.Query.
func (q *nearQuery) Searcher(ctx context.Context, r bindex.IndexReader, m mapping.IndexMapping, options search.SearcherOptions) (search.Searcher, error) {
	vectors := options
	vectors.IncludeTermVectors = true
	words := make([]nearWord, 0, len(q.words))
	var children []search.Searcher
	closeAll := func() {
		for _, s := range children {
			_ = s.Close()
		}
	}
	seen := map[string]bool{}
	for _, w := range q.words {
		terms := analyzer.ExactTerms(w)
		if len(terms) == 0 {
			continue // the parser refuses such words
		}
		nw := nearWord{terms: terms, runes: len(terms) + 1}
		if len(terms) == 1 && utf8.RuneCountInString(terms[0]) == 1 {
			nw.prefix, nw.runes = true, 1
			s, err := searcher.NewTermPrefixSearcher(ctx, r, terms[0], q.field, q.boost, vectors)
			if err != nil {
				closeAll()
				return nil, err
			}
			children = append(children, s)
			words = append(words, nw)
			continue
		}
		for _, t := range terms {
			if seen[t] {
				continue
			}
			seen[t] = true
			s, err := searcher.NewTermSearcher(ctx, r, t, q.field, q.boost, vectors)
			if err != nil {
				closeAll()
				return nil, err
			}
			children = append(children, s)
		}
		words = append(words, nw)
	}
	conj, err := searcher.NewConjunctionSearcher(ctx, r, children, vectors)
	if err != nil {
		closeAll()
		return nil, err
	}
	field, slop := q.field, q.slop
	keep := options.IncludeTermVectors
	return searcher.NewFilteringSearcher(ctx, conj, func(_ *search.SearchContext, d *search.DocumentMatch) bool {
		ok := nearMatch(d.FieldTermLocations, field, words, slop)
		if !keep {
			// Nothing above asked for locations: do not hand them on.
			d.FieldTermLocations = d.FieldTermLocations[:0]
		}
		return ok
	}), nil
}

// nearMatch finds each word's occurrences from its terms' positions (a
// word of bigrams b1…bk occurs at p when each bj is at p+j-1) and checks
// that one of each lies within slop characters of the others.
func nearMatch(locs []search.FieldTermLocation, field string, words []nearWord, slop int) bool {
	at := map[string][]int{}
	for _, l := range locs {
		if l.Field == field {
			at[l.Term] = append(at[l.Term], int(l.Location.Pos))
		}
	}
	has := func(term string, pos int) bool { return slices.Contains(at[term], pos) }
	occ := make([][]query.Occurrence, len(words))
	for wi, w := range words {
		if w.prefix {
			for term, ps := range at {
				if strings.HasPrefix(term, w.terms[0]) {
					for _, p := range ps {
						occ[wi] = append(occ[wi], query.Occurrence{Start: p - 1, Len: 1})
					}
				}
			}
		} else {
			for _, p := range at[w.terms[0]] {
				match := true
				for j, t := range w.terms[1:] {
					if !has(t, p+j+1) {
						match = false
						break
					}
				}
				if match {
					occ[wi] = append(occ[wi], query.Occurrence{Start: p - 1, Len: w.runes})
				}
			}
		}
		if len(occ[wi]) == 0 {
			return false
		}
		slices.SortFunc(occ[wi], func(a, b query.Occurrence) int { return a.Start - b.Start })
		occ[wi] = slices.Compact(occ[wi])
	}
	return query.Within(occ, slop)
}
