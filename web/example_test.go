package web

import (
	"fmt"
	"net/http/httptest"
	"net/url"
)

// New wraps any fangtan.Searcher (here a small in-memory one; in the
// program, an index opened with index.OpenReadOnly) in the site's handler.
func ExampleNew() {
	h := New(newFake(), Options{})

	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", "/api/suggest?prefix="+url.QueryEscape("刘"), nil))
	fmt.Println(rec.Code, rec.Body.String())

	rec = httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", "/api/search?size=500", nil))
	fmt.Println(rec.Code, rec.Body.String())
	// Output:
	// 200 {"prefix":"刘","suggestions":[{"value":"刘振华","kind":"official","count":1}]}
	//
	// 400 {"error":"size=500 is out of range: use 1 to 100"}
}
