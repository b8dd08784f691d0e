package index

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"fangtan"
	"fangtan/internal/fuzzcheck"
)

// FuzzQuery: searching a real index with any query text either answers or
// fails with an error wrapping fangtan.ErrBadQuery that says what is wrong,
// never any other way (no 500s from bad input). query's FuzzParse checks
// the parser alone.
func FuzzQuery(f *testing.F) {
	for _, s := range fuzzcheck.QuerySeeds {
		f.Add(s)
	}
	x := fixtureIndex(f)
	f.Fuzz(func(t *testing.T, q string) {
		if utf8.RuneCountInString(q) > 500 {
			return // the web caps queries at 500 characters
		}
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		res, err := x.Search(ctx, fangtan.Query{Text: q})
		if err != nil {
			checkBadQuery(t, "Search", q, err)
		} else {
			for _, h := range res.Hits {
				for _, fr := range h.Fragments {
					fuzzcheck.CheckMarked(t, fr)
				}
			}
		}
		qres, err := x.SearchQuotes(ctx, fangtan.Query{Text: q})
		if err != nil {
			checkBadQuery(t, "SearchQuotes", q, err)
		} else {
			for _, h := range qres.Hits {
				for _, fr := range h.Fragments {
					fuzzcheck.CheckMarked(t, fr)
				}
			}
		}
	})
}

func checkBadQuery(t *testing.T, what, q string, err error) {
	t.Helper()
	if !errors.Is(err, fangtan.ErrBadQuery) {
		t.Fatalf("%s(%q): error %v does not wrap ErrBadQuery", what, q, err)
	}
	msg := strings.TrimSpace(strings.TrimPrefix(err.Error(), fangtan.ErrBadQuery.Error()+":"))
	if len(msg) < 10 {
		t.Fatalf("%s(%q): error %q does not say what is wrong", what, q, err)
	}
}
