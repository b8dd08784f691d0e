package gencache

import (
	"strconv"
	"testing"
)

func TestCache(t *testing.T) {
	var c Cache[string, int]
	c.Put("g1", "a", 1)
	c.Put("g1", "a", 2)
	if v, ok := c.Get("g1", "a"); !ok || v != 2 {
		t.Errorf("get a = %d, %v; want the newer value 2", v, ok)
	}
	if _, ok := c.Get("g2", "a"); ok {
		t.Error("a value of generation g1 was read in g2")
	}
	c.Put("g2", "b", 3)
	if _, ok := c.Get("g2", "a"); ok {
		t.Error("g1's value survived a put of g2")
	}
	for i := range Size {
		c.Put("g2", strconv.Itoa(i), i)
		if i == 0 {
			c.Get("g2", "b") // b is used again: "0" is now the least recent
		}
	}
	if _, ok := c.Get("g2", "0"); ok {
		t.Error(`"0", least recently used, is still there after Size+1 puts`)
	}
	if _, ok := c.Get("g2", "b"); !ok {
		t.Error("b, used after \"0\", is gone")
	}
	if _, ok := c.Get("g2", strconv.Itoa(Size-1)); !ok {
		t.Error("the last put is gone")
	}
	c.Clear()
	if _, ok := c.Get("g2", "b"); ok {
		t.Error("b survived Clear")
	}
}
