package web

import (
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"unicode/utf8"

	"fangtan"
)

// paramError is a parameter the user must fix; it counts as fangtan.ErrBadQuery
// so that the one error mapping answers it with 400 and its message.
type paramError struct{ msg string }

func (e *paramError) Error() string { return e.msg }
func (e *paramError) Unwrap() error { return fangtan.ErrBadQuery }

func badParam(format string, args ...any) error {
	return &paramError{msg: fmt.Sprintf(format, args...)}
}

// filterParams are the repeated facet parameters and where each goes in a
// fangtan.Query. Their order is the sidebar's order.
var filterParams = []struct {
	name  string
	field func(q *fangtan.Query) *[]string
}{
	{"official", func(q *fangtan.Query) *[]string { return &q.Officials }},
	{"city", func(q *fangtan.Query) *[]string { return &q.Cities }},
	{"province", func(q *fangtan.Query) *[]string { return &q.Provinces }},
	{"district", func(q *fangtan.Query) *[]string { return &q.Districts }},
	{"theme", func(q *fangtan.Query) *[]string { return &q.Themes }},
	{"source", func(q *fangtan.Query) *[]string { return &q.Sources }},
	{"year", func(q *fangtan.Query) *[]string { return &q.Years }},
	{"speaker", func(q *fangtan.Query) *[]string { return &q.Speakers }},
}

// parseQuery reads a fangtan.Query from a request's parameters. paging is
// false for an export, which pages by itself and ignores from and size.
func (srv *server) parseQuery(r *http.Request, paging bool) (fangtan.Query, error) {
	var q fangtan.Query
	vals, err := url.ParseQuery(r.URL.RawQuery)
	if err != nil {
		return q, badParam("malformed query string: %v", err)
	}
	text, err := srv.textParam(vals, "q")
	if err != nil {
		return q, err
	}
	// Each term becomes clauses of a bleve query; a cap keeps one request
	// from building an enormous one.
	if n := len(strings.Fields(text)); n > maxQueryTerms {
		return q, badParam("the query has %d terms; the limit is %d", n, maxQueryTerms)
	}
	q.Text = text

	for _, f := range filterParams {
		var kept []string
		for _, v := range vals[f.name] {
			v = strings.TrimSpace(v)
			if v == "" {
				continue // an empty form field is no filter
			}
			if !utf8.ValidString(v) {
				return q, badParam("parameter %s is not valid UTF-8", f.name)
			}
			if n := utf8.RuneCountInString(v); n > maxFilterRunes {
				return q, badParam("parameter %s is %d characters long; the limit is %d", f.name, n, maxFilterRunes)
			}
			if f.name == "year" && !isYear(v) {
				return q, badParam("parameter year=%q is not a four-digit year", v)
			}
			kept = append(kept, v)
		}
		if len(kept) > maxFilterVals {
			return q, badParam("parameter %s is given %d times; the limit is %d", f.name, len(kept), maxFilterVals)
		}
		*f.field(&q) = kept
	}

	switch s := vals.Get("sort"); s {
	case "", "relevance", "date":
		q.Sort = s
	default:
		return q, badParam("unknown sort %q: use relevance or date", s)
	}

	if !paging {
		return q, nil
	}
	q.From, err = intParam(vals, "from", 0)
	if err != nil {
		return q, err
	}
	q.Size, err = intParam(vals, "size", srv.opts.PageSize)
	if err != nil {
		return q, err
	}
	if q.From < 0 {
		return q, badParam("from=%d is negative", q.From)
	}
	if q.Size < 1 || q.Size > maxSize {
		return q, badParam("size=%d is out of range: use 1 to %d", q.Size, maxSize)
	}
	// Compared without adding, which overflowed for from near MaxInt.
	if q.From > maxWindow-q.Size {
		return q, badParam("from=%d with size=%d is beyond the first %d results; narrow the search or use the export", q.From, q.Size, maxWindow)
	}
	return q, nil
}

// textParam reads a free-text parameter and enforces the length cap.
func (srv *server) textParam(vals url.Values, name string) (string, error) {
	if len(vals[name]) > 1 {
		return "", badParam("parameter %s is given %d times; give it once", name, len(vals[name]))
	}
	v := strings.TrimSpace(vals.Get(name))
	if !utf8.ValidString(v) {
		return "", badParam("parameter %s is not valid UTF-8", name)
	}
	if n := utf8.RuneCountInString(v); n > srv.opts.MaxQueryRunes {
		return "", badParam("parameter %s is %d characters long; the limit is %d", name, n, srv.opts.MaxQueryRunes)
	}
	return v, nil
}

func intParam(vals url.Values, name string, def int) (int, error) {
	s := vals.Get(name)
	if s == "" {
		return def, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil {
		if len(s) > 20 {
			s = s[:20] + "…"
		}
		return 0, badParam("parameter %s=%q is not a whole number", name, s)
	}
	return n, nil
}

func isYear(s string) bool {
	if len(s) != 4 {
		return false
	}
	for _, c := range []byte(s) {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// docID checks the {id} path segment. Ids are looked up in the index and
// never used as file names, but an absurd one is refused before it gets there.
func docID(r *http.Request) (string, error) {
	id := r.PathValue("id")
	switch {
	case id == "":
		return "", badParam("missing document id")
	case len(id) > maxIDBytes:
		return "", badParam("document id is %d bytes long; the limit is %d", len(id), maxIDBytes)
	case !utf8.ValidString(id):
		return "", badParam("document id is not valid UTF-8")
	}
	return id, nil
}

// hasFilters reports whether q restricts the search beyond its text.
func hasFilters(q fangtan.Query) bool {
	for _, f := range filterParams {
		if len(*f.field(&q)) > 0 {
			return true
		}
	}
	return false
}
