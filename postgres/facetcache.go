package postgres

import (
	"container/list"
	"crypto/sha256"
	"fmt"
	"strconv"
	"sync"

	"fangtan"
)

// facetCacheSize is how many searches' totals and facet counts are
// remembered, as the bleve index's facet cache.
const facetCacheSize = 1024

// facetCache remembers the total and the facet counts of recent searches
// for one generation of the index. Counting the facets of a frequent
// word's matches (and the matches themselves) is most of its search when
// only a page of hits is shown: paging, and the same query asked again,
// then rank and read the page only. A search looks up the generation in
// its own transaction (readGen), so it never takes counts of another
// state of the index than the one its hits come from, whichever process
// wrote last.
type facetCache struct {
	mu  sync.Mutex
	gen string
	ll  *list.List // of *facetEntry, most recent first
	m   map[string]*list.Element
}

type facetEntry struct {
	key    string
	total  uint64
	facets map[string][]fangtan.FacetCount // shared: read only
}

// facetKey identifies what a search counts: its table, its compiled
// condition with the condition's values (aliases and proximities already
// resolved to what was matched), and how many values of each facet are
// kept. It is hashed: a proximity's values are the ids of up to 20,000
// articles, which 1,024 entries must not keep.
func facetKey(table string, c *compiled, size int, all []string) string {
	h := sha256.Sum256([]byte(table + "\x00" + c.where + "\x00" + fmt.Sprintf("%#v", []any(c.args)) + "\x00" + strconv.Itoa(size) + "\x00" + fmt.Sprintf("%q", all)))
	return string(h[:])
}

func (fc *facetCache) get(gen, key string) (uint64, map[string][]fangtan.FacetCount, bool) {
	fc.mu.Lock()
	defer fc.mu.Unlock()
	if fc.m == nil || fc.gen != gen || gen == "" {
		return 0, nil, false
	}
	e, ok := fc.m[key]
	if !ok {
		return 0, nil, false
	}
	fc.ll.MoveToFront(e)
	fe := e.Value.(*facetEntry)
	return fe.total, fe.facets, true
}

// put remembers a search's counts under gen; counts of another
// generation than the cache's replace the whole cache (an older
// transaction finishing after a newer one's put only empties it).
func (fc *facetCache) put(gen, key string, total uint64, facets map[string][]fangtan.FacetCount) {
	if gen == "" {
		return
	}
	fc.mu.Lock()
	defer fc.mu.Unlock()
	if fc.m == nil || fc.gen != gen {
		fc.gen, fc.ll, fc.m = gen, list.New(), make(map[string]*list.Element)
	}
	if _, ok := fc.m[key]; ok {
		return
	}
	fc.m[key] = fc.ll.PushFront(&facetEntry{key: key, total: total, facets: facets})
	if fc.ll.Len() > facetCacheSize {
		last := fc.ll.Back()
		fc.ll.Remove(last)
		delete(fc.m, last.Value.(*facetEntry).key)
	}
}
