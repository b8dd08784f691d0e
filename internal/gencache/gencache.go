// Package gencache remembers what searches computed on one generation of an
// index (facet counts, ranked windows), least recently used first out. Both
// backends bump a generation on every write, and a value put under a newer
// generation empties the cache, so a search never reads a value computed on
// another state of the index than its own.
package gencache

import (
	"container/list"
	"sync"
)

// Size is how many values a Cache holds.
const Size = 1024

// Cache is safe for concurrent use; its zero value is empty.
type Cache[G comparable, V any] struct {
	mu  sync.Mutex
	gen G
	ll  *list.List // of *entry[V], most recent first
	m   map[string]*list.Element
}

type entry[V any] struct {
	key string
	v   V // shared: read only
}

// Get returns the value key holds in generation gen.
func (c *Cache[G, V]) Get(gen G, key string) (V, bool) {
	var zero V
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.m == nil || c.gen != gen {
		return zero, false
	}
	e, ok := c.m[key]
	if !ok {
		return zero, false
	}
	c.ll.MoveToFront(e)
	return e.Value.(*entry[V]).v, true
}

// Put remembers v under gen, replacing what key held (a wider window of
// ranks replaces a narrower one). A value of another generation than the
// cache's replaces the whole cache: a search of an older generation
// finishing after a newer one's put only empties it.
func (c *Cache[G, V]) Put(gen G, key string, v V) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.m == nil || c.gen != gen {
		c.gen, c.ll, c.m = gen, list.New(), make(map[string]*list.Element)
	}
	if e, ok := c.m[key]; ok {
		e.Value.(*entry[V]).v = v
		c.ll.MoveToFront(e)
		return
	}
	c.m[key] = c.ll.PushFront(&entry[V]{key: key, v: v})
	if c.ll.Len() > Size {
		last := c.ll.Back()
		c.ll.Remove(last)
		delete(c.m, last.Value.(*entry[V]).key)
	}
}

// Clear forgets everything (benchmarks of uncached searches).
func (c *Cache[G, V]) Clear() {
	c.mu.Lock()
	c.m = nil
	c.mu.Unlock()
}
