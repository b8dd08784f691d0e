package web

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
)

// The handler's own cost around a search: parameter parsing, view building,
// sanitizing and template rendering, on the in-memory fake so that the
// index does not dominate.
func BenchmarkSearchPage(b *testing.B) {
	h := New(newFake(), Options{})
	target := "/search?q=" + url.QueryEscape("转型发展") + "&city=" + url.QueryEscape("太原市")
	b.ReportAllocs()
	for b.Loop() {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, target, nil))
		if rec.Code != 200 {
			b.Fatal(rec.Code)
		}
	}
}

func BenchmarkAPISearch(b *testing.B) {
	h := New(newFake(), Options{})
	target := "/api/search?q=" + url.QueryEscape("转型发展")
	b.ReportAllocs()
	for b.Loop() {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, target, nil))
		if rec.Code != 200 {
			b.Fatal(rec.Code)
		}
	}
}

func BenchmarkSanitizeMarked(b *testing.B) {
	frag := strings.Repeat("近日,迎澤區委<mark>書記</mark>李慧就&ldquo;結合黨史學習教育&rdquo;&amp;", 20)
	b.SetBytes(int64(len(frag)))
	for b.Loop() {
		sanitizeMarked(frag)
	}
}

// Any query string gets a page or a 400, never a 500 or a panic.
func FuzzQueryString(f *testing.F) {
	for _, s := range []string{"q=x", "q=%ZZ", "size=-1&from=x", "city=&city=a&year=abcd", "q=%22x", "sort=date&q=a+b", "q=" + strings.Repeat("a+", 40), "lang=en&q=<script>"} {
		f.Add(s)
	}
	h := New(newFake(), Options{Logger: discardLogger()})
	f.Fuzz(func(t *testing.T, raw string) {
		if strings.Contains(raw, "boom") || strings.Contains(raw, "slow") || strings.Contains(raw, "panic") || strings.Contains(raw, "block") {
			return // the fake's own failure triggers
		}
		for _, path := range []string{"/search", "/api/search", "/quotes", "/api/suggest", "/export.json"} {
			req := httptest.NewRequest(http.MethodGet, "/", nil)
			req.URL.Path, req.URL.RawQuery = path, raw
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			if rec.Code != 200 && rec.Code != 400 {
				t.Fatalf("GET %s?%s: status %d: %s", path, raw, rec.Code, rec.Body.String())
			}
		}
	})
}
