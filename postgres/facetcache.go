package postgres

import (
	"crypto/sha256"
	"fmt"
	"strconv"

	"fangtan"
	"fangtan/internal/gencache"
)

// genCache is gencache.Cache for generations read from the database: a
// search looks up the generation in its own transaction (readGen), and an
// empty one, unknown, is never cached.
type genCache[V any] struct{ c gencache.Cache[string, V] }

func (gc *genCache[V]) get(gen, key string) (V, bool) {
	if gen == "" {
		var zero V
		return zero, false
	}
	return gc.c.Get(gen, key)
}

func (gc *genCache[V]) put(gen, key string, v V) {
	if gen != "" {
		gc.c.Put(gen, key, v)
	}
}

func (gc *genCache[V]) clear() { gc.c.Clear() }

// counts are a search's total and facet counts. Counting the facets of a
// frequent word's matches (and the matches themselves) is most of its
// search when only a page of hits is shown: paging, and the same query
// asked again, then rank and read the page only.
type counts struct {
	total  uint64
	facets map[string][]fangtan.FacetCount
}

// ranked is the start of a search's order: the keys of its first rows
// and their scores, as Solr's queryResultCache keeps a window of ids. A
// frequent word's page is mostly its ranking, which reads every match's
// words tsvector (ts_rank): the next page, or the same search asked
// again, reads only its rows by key.
type ranked struct {
	keys   [][]string // per key column, each row's value as text
	scores []float64
	asked  int // the rows asked for: fewer in keys are all there are
}

// Windows of ranks: a page is computed with the rest of its window (a
// multiple of rankWindow rows), and windows up to maxRankedRows rows are
// kept; deeper pages are ranked every time.
const (
	rankWindow    = 50
	maxRankedRows = 200
)

// searchKey identifies what a search matches and ranks: its table, its
// compiled condition with the condition's values (aliases and
// proximities already resolved to what was matched), and extra (how many
// facet values are kept, or the order). It is hashed: a proximity's
// values are the ids of up to 20,000 articles, which 1,024 entries must
// not keep.
func searchKey(table string, c *compiled, extra ...any) string {
	h := sha256.Sum256([]byte(table + "\x00" + c.where + "\x00" + fmt.Sprintf("%#v", []any(c.args)) + "\x00" + fmt.Sprintf("%#v", extra)))
	return string(h[:])
}

// facetKey identifies a search's counts: what it matches and how many
// values of each facet are kept.
func facetKey(table string, c *compiled, size int, all []string) string {
	return searchKey(table, c, strconv.Itoa(size), fmt.Sprintf("%q", all))
}
