package postgres

import (
	"container/list"
	"crypto/sha256"
	"fmt"
	"strconv"
	"sync"

	"fangtan"
)

// cacheSize is how many searches each cache remembers, as the bleve
// index's facet cache.
const cacheSize = 1024

// genCache remembers values computed by searches of one generation of the
// index, least recently used first out. A search looks up the generation
// in its own transaction (readGen), so it never takes a value computed on
// another state of the index than the one its hits come from, whichever
// process wrote last.
type genCache[V any] struct {
	mu  sync.Mutex
	gen string
	ll  *list.List // of *genEntry[V], most recent first
	m   map[string]*list.Element
}

type genEntry[V any] struct {
	key string
	v   V // shared: read only
}

func (gc *genCache[V]) get(gen, key string) (V, bool) {
	var zero V
	gc.mu.Lock()
	defer gc.mu.Unlock()
	if gc.m == nil || gc.gen != gen || gen == "" {
		return zero, false
	}
	e, ok := gc.m[key]
	if !ok {
		return zero, false
	}
	gc.ll.MoveToFront(e)
	return e.Value.(*genEntry[V]).v, true
}

// put remembers v under gen, replacing what key held; a value of another
// generation than the cache's replaces the whole cache (an older transaction finishing after
// a newer one's put only empties it).
func (gc *genCache[V]) put(gen, key string, v V) {
	if gen == "" {
		return
	}
	gc.mu.Lock()
	defer gc.mu.Unlock()
	if gc.m == nil || gc.gen != gen {
		gc.gen, gc.ll, gc.m = gen, list.New(), make(map[string]*list.Element)
	}
	if e, ok := gc.m[key]; ok {
		// A wider window of ranks replaces a narrower one.
		e.Value.(*genEntry[V]).v = v
		gc.ll.MoveToFront(e)
		return
	}
	gc.m[key] = gc.ll.PushFront(&genEntry[V]{key: key, v: v})
	if gc.ll.Len() > cacheSize {
		last := gc.ll.Back()
		gc.ll.Remove(last)
		delete(gc.m, last.Value.(*genEntry[V]).key)
	}
}

// clear forgets everything (benchmarks of uncached searches).
func (gc *genCache[V]) clear() {
	gc.mu.Lock()
	gc.m = nil
	gc.mu.Unlock()
}

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
