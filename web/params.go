package web

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"fangtan"
)

// badParam is a parameter the user must fix; it counts as
// fangtan.ErrBadQuery so that the one error mapping answers it with 400 and
// its message, translated where the locale knows the format.
func badParam(format string, args ...any) error {
	return &fangtan.MessageError{Kind: fangtan.ErrBadQuery, Format: format, Args: args}
}

// filterParam is a repeated facet parameter and where it goes in a
// fangtan.Query.
type filterParam struct {
	name  string
	field func(q *fangtan.Query) *[]string
}

// filterParams are the facets with a filter, in fangtan.Facets' order,
// which is the sidebar's order.
var filterParams = func() []filterParam {
	var out []filterParam
	for _, f := range fangtan.Facets {
		if f.Filter != nil {
			out = append(out, filterParam{f.Name, f.Filter})
		}
	}
	return out
}()

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
			if f.name == "year" && !isYear(v) && v != undatedYear {
				return q, badParam("parameter year=%q is not a four-digit year", v)
			}
			kept = append(kept, v)
		}
		if len(kept) > maxFilterVals {
			return q, badParam("parameter %s is given %d times; the limit is %d", f.name, len(kept), maxFilterVals)
		}
		*f.field(&q) = kept
	}

	// not_official=X leaves out X: a NOT chip.
	for _, f := range filterParams {
		var kept []string
		for _, v := range vals["not_"+f.name] {
			if v = strings.TrimSpace(v); v == "" {
				continue
			}
			if !utf8.ValidString(v) || utf8.RuneCountInString(v) > maxFilterRunes {
				return q, badParam("parameter not_%s is not a value of at most %d characters", f.name, maxFilterRunes)
			}
			kept = append(kept, v)
		}
		if len(kept) > maxFilterVals {
			return q, badParam("parameter not_%s is given %d times; the limit is %d", f.name, len(kept), maxFilterVals)
		}
		if len(kept) > 0 {
			if q.Excludes == nil {
				q.Excludes = map[string][]string{}
			}
			q.Excludes[f.name] = kept
		}
	}

	switch k := vals.Get("kind"); k {
	case "", string(fangtan.QuoteDirect), string(fangtan.QuoteReported):
		q.Kind = k
	default:
		return q, badParam("unknown kind %q: use direct or reported", k)
	}
	for _, d := range []struct {
		name string
		dst  *string
	}{{"date_from", &q.DateFrom}, {"date_to", &q.DateTo}} {
		v := strings.TrimSpace(vals.Get(d.name))
		if v != "" && !isDate(v) {
			return q, badParam("parameter %s=%q is not a date: write YYYY, YYYY-MM or YYYY-MM-DD", d.name, v)
		}
		*d.dst = v
	}
	if q.DateFrom != "" && q.DateTo != "" && dateEnd(q.DateTo) < q.DateFrom {
		return q, badParam("the date range %s to %s ends before it starts", q.DateFrom, q.DateTo)
	}

	switch s := vals.Get("sort"); s {
	case "", fangtan.SortRelevance, fangtan.SortDate, fangtan.SortOldest:
		q.Sort = s
	default:
		return q, badParam("unknown sort %q: use relevance, date or oldest", s)
	}
	if m := vals.Get("more"); m != "" {
		if f, ok := fangtan.FacetNamed(m); !ok || !f.Listed || f.Filter == nil {
			return q, badParam("more=%q is not a facet", m)
		}
		q.FacetSize = maxFacetValues
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

// isDate reports whether s is YYYY, YYYY-MM or YYYY-MM-DD with a real
// month and day.
func isDate(s string) bool {
	for _, layout := range []string{"2006", "2006-01", "2006-01-02"} {
		if len(s) == len(layout) {
			if _, err := time.Parse(layout, s); err == nil {
				return true
			}
		}
	}
	return false
}

// dateEnd is the last day a YYYY[-MM[-DD]] names, for comparing ranges.
func dateEnd(s string) string {
	switch len(s) {
	case 4:
		return s + "-12-31"
	case 7:
		return s + "-31"
	}
	return s
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
	return q.Kind != "" || q.DateFrom != "" || q.DateTo != ""
}

// officialName checks the {name} of /official/{name}.
func officialName(r *http.Request) (string, error) {
	name := strings.TrimSpace(r.PathValue("name"))
	switch {
	case name == "":
		return "", badParam("missing official's name")
	case !utf8.ValidString(name):
		return "", badParam("the official's name is not valid UTF-8")
	case utf8.RuneCountInString(name) > maxFilterRunes:
		return "", badParam("the official's name is %d characters long; the limit is %d", utf8.RuneCountInString(name), maxFilterRunes)
	}
	return name, nil
}

// undatedYear is the year facet's bucket of documents without a date.
const undatedYear = fangtan.UndatedYear
