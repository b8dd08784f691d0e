package web

import (
	"bytes"
	"context"
	"errors"
	"html/template"
	"net/http"
	"net/url"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"fangtan"
)

// page is what every template gets: the locale, the navigation state and
// the page's own view.
type page struct {
	L       *locale
	Title   string
	Nav     string // "search", "quotes" or "help": the current section
	Q       string // the query, kept in the page's search box
	LangURL string // this page in the other language
	Status  int
	Message string // an error message, for the error page and bad queries
	Feed    string // the page's Atom feed
	View    any
}

// link builds internal URLs that keep the UI language.
type link struct{ en bool }

func (l link) to(path string, vals url.Values) string {
	if l.en {
		if vals == nil {
			vals = url.Values{}
		} else {
			vals = cloneValues(vals)
		}
		vals.Set("lang", "en")
	}
	if len(vals) == 0 {
		return path
	}
	return path + "?" + vals.Encode()
}

func (l link) doc(id, q string, para int) string {
	vals := url.Values{}
	if q != "" {
		vals.Set("q", q)
	}
	if para > 0 {
		vals.Set("p", strconv.Itoa(para))
	}
	u := l.to("/doc/"+url.PathEscape(id), vals)
	if para > 0 {
		u += "#p" + strconv.Itoa(para)
	}
	return u
}

func cloneValues(v url.Values) url.Values {
	c := make(url.Values, len(v))
	for k, vs := range v {
		c[k] = append([]string(nil), vs...)
	}
	return c
}

// otherLangURL is the current URL with the lang parameter flipped.
func otherLangURL(r *http.Request, l *locale) string {
	vals := r.URL.Query()
	if l.English() {
		vals.Del("lang")
	} else {
		vals.Set("lang", "en")
	}
	path := r.URL.EscapedPath() // an id may hold ? or #
	if len(vals) == 0 {
		return path
	}
	return path + "?" + vals.Encode()
}

func (srv *server) newPage(r *http.Request, nav, title string) *page {
	l := localeOf(r)
	return &page{L: l, Nav: nav, Title: title, LangURL: otherLangURL(r, l), Status: http.StatusOK}
}

// render executes a template into a buffer first, so that a template error
// becomes a clean 500 instead of half a page.
func (srv *server) render(w http.ResponseWriter, r *http.Request, name string, p *page) {
	t, ok := srv.pages[name]
	if !ok {
		srv.log.Error("no such template", "name", name)
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, "layout", p); err != nil {
		srv.log.Error("rendering page", "template", name, "path", r.URL.Path, "err", err)
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(p.Status)
	w.Write(buf.Bytes())
}

func (srv *server) handleNotFound(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed: the server only reads", http.StatusMethodNotAllowed)
		return
	}
	srv.fail(w, r, &notFoundError{path: r.URL.Path})
}

type notFoundError struct{ path string }

func (e *notFoundError) Error() string { return "no page at " + e.path }
func (e *notFoundError) Unwrap() error { return fangtan.ErrNotFound }

// withDeadline runs one Searcher call under the search timeout and the
// concurrency cap.
func (srv *server) withDeadline(ctx context.Context, call func(ctx context.Context) error) error {
	ctx, cancel := context.WithTimeout(ctx, srv.opts.SearchTimeout)
	defer cancel()
	release, err := srv.acquire(ctx)
	if err != nil {
		return err
	}
	defer release()
	return call(ctx)
}

// ---- search page ----

type searchView struct {
	Action      string // form action
	Query       fangtan.Query
	Lang        string // "en" when the hidden lang field is needed
	Searched    bool
	Result      *fangtan.Result
	Hits        []hitView
	Facets      []facetView
	Chips       []chip
	Hidden      []hiddenField // the state the search form keeps
	ClearURL    string
	Sorts       []sortLink
	First, Last int
	Pager       pager
	ExportCSV   string
	ExportJSON  string
	FeedURL     string
	KWICURL     string
	Timeline    *timelineView
	PhraseURL   string
	PhraseQ     string
	UnquoteURL  string
	UnquoteQ    string
	HelpURL     string
	Examples    []example // shown on the empty search page
	Overview    *overviewView
}

type hiddenField struct{ Name, Value string }

type sortLink struct {
	Label   string
	URL     string
	Current bool
}

type example struct{ Q, URL string }

// exampleQueries show a newcomer the query forms on the empty search page
// when the index cannot say what it holds.
var exampleQueries = []string{"刘振华", `"办实事"`, "city:太原 转型发展", "乡村振兴 OR 脱贫", "date:2021-07..2021-12 党史"}

type hitView struct {
	Title     string
	URL       string
	Date      string
	Source    string
	Original  string
	Officials []officialLink
	Places    []string
	Themes    []string
	Fragments []template.HTML
	Reprints  int // other ids the article was published under
}

type officialLink struct {
	fangtan.Official
	URL string
}

func officialLinks(ln link, in []fangtan.Official) []officialLink {
	out := make([]officialLink, 0, len(in))
	for _, o := range officialsSubjectFirst(in) {
		out = append(out, officialLink{Official: o, URL: ln.to("/official/"+url.PathEscape(o.Name), nil)})
	}
	return out
}

type facetView struct {
	Name    string
	Label   string
	Values  []facetValue
	MoreURL string // all the values, when only the first shownFacets are shown
	Long    bool   // enough values for a filter box
}

type facetValue struct {
	Value    string
	Label    string // the value as shown (undated has a name)
	Count    int
	URL      string
	NotURL   string // leaves the value out
	Selected bool
}

type chip struct {
	Name      string // the parameter
	Label     string
	Value     string
	RemoveURL string
	Not       bool // a NOT chip: the value is left out
}

type pager struct {
	PrevURL string
	NextURL string
	Pages   []pageLink
}

type pageLink struct {
	N       int
	URL     string
	Current bool
}

// state is the current search's parameters minus paging, from which the
// facet, chip, sort and page links are built.
type state struct {
	path string
	vals url.Values
	ln   link
}

func newState(path string, q fangtan.Query, en bool) state {
	vals := url.Values{}
	if q.Text != "" {
		vals.Set("q", q.Text)
	}
	for _, f := range filterParams {
		for _, v := range *f.field(&q) {
			vals.Add(f.name, v)
		}
	}
	for _, f := range filterParams {
		for _, v := range q.Excludes[f.name] {
			vals.Add("not_"+f.name, v)
		}
	}
	for k, v := range map[string]string{"kind": q.Kind, "date_from": q.DateFrom, "date_to": q.DateTo, "sort": q.Sort} {
		if v != "" {
			vals.Set(k, v)
		}
	}
	if q.Size != 0 && q.Size != 10 {
		vals.Set("size", strconv.Itoa(q.Size))
	}
	return state{path: path, vals: vals, ln: link{en: en}}
}

// doc links to a document from this state: the search's parameters go
// along (q highlights), so that the document page links back to exactly
// these results; ret names the page to go back to when it is not /search.
func (s state) doc(id string, from, para int, ret string) string {
	v := cloneValues(s.vals)
	if from > 0 {
		v.Set("from", strconv.Itoa(from))
	}
	if para > 0 {
		v.Set("p", strconv.Itoa(para))
	}
	if ret != "" {
		v.Set("ret", ret)
	}
	u := s.ln.to("/doc/"+url.PathEscape(id), v)
	if para > 0 {
		u += "#p" + strconv.Itoa(para)
	}
	return u
}

func (s state) url(edit func(v url.Values)) string {
	v := cloneValues(s.vals)
	edit(v)
	return s.ln.to(s.path, v)
}

func (s state) adding(name, value string) string {
	return s.url(func(v url.Values) { v.Add(name, value) })
}

func (s state) removing(name, value string) string {
	return s.url(func(v url.Values) {
		var kept []string
		for _, x := range v[name] {
			if x != value {
				kept = append(kept, x)
			}
		}
		if len(kept) == 0 {
			v.Del(name)
		} else {
			v[name] = kept
		}
	})
}

func (s state) page(from int) string {
	return s.url(func(v url.Values) {
		if from > 0 {
			v.Set("from", strconv.Itoa(from))
		}
	})
}

// excluding is the state with name=value left out (a NOT chip), and no
// longer selected.
func (s state) excluding(name, value string) string {
	return s.url(func(v url.Values) {
		v[name] = slices.DeleteFunc(v[name], func(x string) bool { return x == value })
		if len(v[name]) == 0 {
			v.Del(name)
		}
		v.Add("not_"+name, value)
	})
}

func makePager(st state, from, size int, total uint64) pager {
	var p pager
	if size <= 0 || total == 0 {
		return p
	}
	limit := int(min(total, uint64(maxWindow)))
	pages := (limit + size - 1) / size
	cur := from/size + 1
	if from > 0 {
		p.PrevURL = st.page(max(0, from-size))
	}
	if from+size < limit {
		p.NextURL = st.page(from + size)
	}
	if pages <= 1 {
		return p
	}
	lo, hi := max(1, cur-3), min(pages, cur+3)
	for n := lo; n <= hi; n++ {
		p.Pages = append(p.Pages, pageLink{N: n, URL: st.page((n - 1) * size), Current: n == cur})
	}
	return p
}

// The sidebars' order of the Result.Facets and QuoteResult.Facets keys.
var (
	facetOrder      = fangtan.FacetNames(fangtan.ArticleFacet)
	quoteFacetOrder = fangtan.FacetNames(fangtan.QuoteFacet)
)

func selectedSet(q fangtan.Query, name string) map[string]bool {
	set := map[string]bool{}
	for _, f := range filterParams {
		if f.name == name {
			for _, v := range *f.field(&q) {
				set[v] = true
			}
		}
	}
	return set
}

func buildFacets(st state, q fangtan.Query, facets map[string][]fangtan.FacetCount, order []string, l *locale, more string) []facetView {
	var out []facetView
	for _, name := range order {
		counts := facets[name]
		sel := selectedSet(q, name)
		if len(counts) == 0 && len(sel) == 0 {
			continue
		}
		fv := facetView{Name: name, Label: l.T("facet." + name)}
		if name == "year" {
			// Years in time order, newest first, the undated last.
			counts = slices.Clone(counts)
			slices.SortFunc(counts, func(a, b fangtan.FacetCount) int {
				if (a.Value == undatedYear) != (b.Value == undatedYear) {
					if a.Value == undatedYear {
						return 1
					}
					return -1
				}
				return strings.Compare(b.Value, a.Value)
			})
		}
		if name != more && len(counts) > shownFacets {
			counts = counts[:shownFacets]
		}
		if name != more && len(counts) == shownFacets {
			fv.MoreURL = st.url(func(v url.Values) { v.Set("more", name) }) + "#facet-" + name
		}
		fv.Long = len(counts) > 15
		seen := map[string]bool{}
		for _, c := range counts {
			seen[c.Value] = true
			v := facetValue{Value: c.Value, Label: facetLabel(name, c.Value, l), Count: c.Count, Selected: sel[c.Value]}
			if v.Selected {
				v.URL = st.removing(name, c.Value)
			} else {
				v.URL = st.adding(name, c.Value)
			}
			v.NotURL = st.excluding(name, c.Value)
			fv.Values = append(fv.Values, v)
		}
		// A selected value the index did not count (e.g. written in the other
		// script) still shows, so that it can be removed here too.
		for _, v := range sortedKeys(sel) {
			if !seen[v] {
				fv.Values = append(fv.Values, facetValue{Value: v, Label: facetLabel(name, v, l), Selected: true, URL: st.removing(name, v)})
			}
		}
		out = append(out, fv)
	}
	return out
}

func facetLabel(name, value string, l *locale) string {
	if name == "year" && value == undatedYear {
		return l.T("facet.undated")
	}
	if name == "kind" {
		return l.T("kind." + value)
	}
	return value
}

func buildChips(st state, q fangtan.Query, l *locale) []chip {
	var out []chip
	for _, f := range filterParams {
		for _, v := range *f.field(&q) {
			out = append(out, chip{Name: f.name, Label: l.T("facet." + f.name), Value: facetLabel(f.name, v, l), RemoveURL: st.removing(f.name, v)})
		}
	}
	for _, f := range filterParams {
		for _, v := range q.Excludes[f.name] {
			out = append(out, chip{Name: "not_" + f.name, Label: l.T("facet." + f.name), Value: facetLabel(f.name, v, l),
				RemoveURL: st.removing("not_"+f.name, v), Not: true})
		}
	}
	if q.Kind != "" {
		out = append(out, chip{Name: "kind", Label: l.T("facet.kind"), Value: l.T("kind." + q.Kind), RemoveURL: st.removing("kind", q.Kind)})
	}
	if q.DateFrom != "" || q.DateTo != "" {
		out = append(out, chip{Name: "date", Label: l.T("facet.date"), Value: q.DateFrom + "–" + q.DateTo,
			RemoveURL: st.url(func(v url.Values) { v.Del("date_from"); v.Del("date_to") })})
	}
	return out
}

func sortedKeys(m map[string]bool) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// officialsSubjectFirst puts the officials an article is about first and
// keeps the text's order otherwise.
func officialsSubjectFirst(in []fangtan.Official) []fangtan.Official {
	out := append([]fangtan.Official(nil), in...)
	sort.SliceStable(out, func(i, j int) bool { return out[i].Subject && !out[j].Subject })
	return out
}

func trustedAll(frags []string) []template.HTML {
	out := make([]template.HTML, 0, len(frags))
	for _, f := range frags {
		out = append(out, trusted(f))
	}
	return out
}

func isQuoted(q string) bool {
	return strings.ContainsAny(q, "\"“”「」")
}

// hiddenFields are the state's parameters other than q, for the search
// form, so that a new query keeps the filters and the sort.
func hiddenFields(st state) []hiddenField {
	var out []hiddenField
	for _, k := range sortedValueKeys(st.vals) {
		if k == "q" || k == "lang" {
			continue
		}
		for _, v := range st.vals[k] {
			out = append(out, hiddenField{k, v})
		}
	}
	return out
}

func sortedValueKeys(v url.Values) []string {
	keys := make([]string, 0, len(v))
	for k := range v {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func sortLinks(st state, current string, l *locale) []sortLink {
	var out []sortLink
	for _, s := range []string{fangtan.SortRelevance, fangtan.SortDate, fangtan.SortOldest} {
		cur := current == s || current == "" && s == fangtan.SortRelevance
		out = append(out, sortLink{Label: l.T("sort." + s), Current: cur, URL: st.url(func(v url.Values) {
			if s == fangtan.SortRelevance {
				v.Del("sort")
			} else {
				v.Set("sort", s)
			}
		})})
	}
	return out
}

func (srv *server) handleSearch(w http.ResponseWriter, r *http.Request) error {
	p := srv.newPage(r, "search", "")
	ln := link{en: p.L.English()}
	v := &searchView{Action: "/search", HelpURL: ln.to("/help", nil)}
	if p.L.English() {
		v.Lang = "en"
	}
	p.View = v
	q, err := srv.parseQuery(r, true)
	if err != nil {
		return onForm("search", p, err)
	}
	v.Query, p.Q = q, q.Text
	st := newState("/search", q, ln.en)
	v.Chips = buildChips(st, q, p.L)
	v.Hidden = hiddenFields(st)
	if q.Text == "" && !hasFilters(q) {
		v.Overview, v.Examples = srv.overview(r.Context(), ln)
		srv.render(w, r, "search", p)
		return nil
	}
	p.Title = q.Text
	res, err := call(srv, r.Context(), func(ctx context.Context) (*fangtan.Result, error) { return srv.s.Search(ctx, q) })
	if err != nil {
		return onForm("search", p, err)
	}
	v.Searched, v.Result = true, res
	v.Facets = buildFacets(st, q, res.Facets, facetOrder, p.L, r.URL.Query().Get("more"))
	v.ClearURL = st.url(func(vals url.Values) {
		for _, f := range filterParams {
			vals.Del(f.name)
			vals.Del("not_" + f.name)
		}
		vals.Del("date_from")
		vals.Del("date_to")
	})
	v.Sorts = sortLinks(st, q.Sort, p.L)
	v.Pager = makePager(st, q.From, q.Size, res.Total)
	if len(res.Hits) > 0 {
		v.First, v.Last = q.From+1, q.From+len(res.Hits)
	}
	v.Timeline = buildTimeline(st, res.Timeline, p.L)
	exp := newState("", q, false)
	exp.vals.Del("size")
	v.ExportCSV = exp.ln.to("/export.csv", exp.vals)
	v.ExportJSON = exp.ln.to("/export.json", exp.vals)
	v.FeedURL = exp.ln.to("/feed.atom", exp.vals)
	p.Feed = v.FeedURL
	if q.Text != "" {
		v.KWICURL = ln.to("/kwic", url.Values{"q": {q.Text}})
	}
	for _, h := range res.Hits {
		v.Hits = append(v.Hits, hitView{
			Title:     h.Title,
			URL:       st.doc(h.ID, q.From, 0, ""),
			Date:      h.Date,
			Source:    h.Source,
			Original:  h.URL,
			Officials: officialLinks(ln, h.Officials),
			Places:    fangtan.PlaceNames(h.Provinces, h.Cities, h.Districts),
			Themes:    h.Themes,
			Fragments: snippetsHTML(h.Snippets, h.Fragments),
			Reprints:  len(h.Reprints),
		})
	}
	if res.Total == 0 && q.Text != "" {
		if isQuoted(q.Text) {
			v.UnquoteQ = strings.NewReplacer("\"", "", "“", "", "”", "", "「", "", "」", "", "＂", "").Replace(q.Text)
			v.UnquoteURL = st.url(func(vals url.Values) { vals.Set("q", v.UnquoteQ) })
		} else if !holdsSyntax(q.Text) {
			// Quoting a query of filters, exclusions or OR would search
			// for those words as text.
			v.PhraseQ = "\"" + q.Text + "\""
			v.PhraseURL = st.url(func(vals url.Values) { vals.Set("q", v.PhraseQ) })
		}
	}
	srv.render(w, r, "search", p)
	return nil
}

// holdsSyntax reports whether q holds anything but words: a field filter,
// an exclusion, OR or NOT.
func holdsSyntax(q string) bool {
	for _, w := range strings.Fields(q) {
		if w == "OR" || w == "NOT" || strings.HasPrefix(w, "-") || strings.HasPrefix(w, "－") {
			return true
		}
		if i := strings.IndexAny(w, ":："); i > 0 {
			return true
		}
	}
	return false
}

// snippetsHTML renders a hit's snippets (text and spans) as HTML, or
// sanitizes its fragments when a Searcher gives no snippets.
func snippetsHTML(sns []fangtan.Snippet, frags []string) []template.HTML {
	if len(sns) == 0 {
		return trustedAll(frags)
	}
	out := make([]template.HTML, 0, len(sns))
	for _, sn := range sns {
		out = append(out, template.HTML(snippetHTML(sn))) // #nosec: escaped by snippetHTML
	}
	return out
}

// snippetHTML escapes a snippet's text and marks its spans.
func snippetHTML(sn fangtan.Snippet) string {
	var b strings.Builder
	if sn.Before {
		b.WriteString("…")
	}
	pos := 0
	for _, sp := range sn.Spans {
		if sp.Start < pos || sp.End > len(sn.Text) || sp.Start >= sp.End {
			continue // a span out of order or out of range is ignored
		}
		b.WriteString(escapeText(sn.Text[pos:sp.Start]))
		b.WriteString("<mark>")
		b.WriteString(escapeText(sn.Text[sp.Start:sp.End]))
		b.WriteString("</mark>")
		pos = sp.End
	}
	b.WriteString(escapeText(sn.Text[pos:]))
	if sn.After {
		b.WriteString("…")
	}
	return b.String()
}

// snippetText is a snippet as plain text, for exports and feeds.
func snippetText(sn fangtan.Snippet) string {
	t := sn.Text
	if sn.Before {
		t = "…" + t
	}
	if sn.After {
		t += "…"
	}
	return t
}

// ---- quotes page ----

type quotesView struct {
	Query      fangtan.Query
	Speaker    string
	Lang       string
	Searched   bool
	Result     *fangtan.QuoteResult
	Cards      []quoteCard
	Facets     []facetView
	Chips      []chip
	Hidden     []hiddenField
	Sorts      []sortLink
	First      int
	Last       int
	Pager      pager
	HelpURL    string
	ExportCSV  string
	ExportJSON string
	ClearURL   string
}

type quoteCard struct {
	Text         template.HTML
	Speaker      string
	SpeakerURL   string
	SpeakerTitle string
	Reported     bool
	quoteSource
	// Also are the other articles of the page that quote the same words
	// from the same speaker, ranked right after this one: a statement
	// several stories report, or a series' stock paragraph. AlsoLabel
	// says how many, in the page's language.
	Also      []quoteSource
	AlsoLabel string
	// Nested is the other form of the card's statement among the page's
	// hits, shown inside the card rather than as one of its own: the
	// statement around its words, or the words in quotation marks within
	// it (fangtan.QuoteHit.Within), which extraction gives as two quotes.
	Nested *nestedQuote
	hit    fangtan.QuoteHit
}

// nestedQuote is a quote card's Nested hit.
type nestedQuote struct {
	Label string
	Text  template.HTML
	quoteSource
}

// appendQuoteCard adds the hit h to cards: inside an earlier card of which
// it is the other form (quoteCard.Nested), as one more article of the last
// card when that holds the same quotation, else as a card of its own, c,
// which h fills in.
func appendQuoteCard(cards []quoteCard, h fangtan.QuoteHit, c quoteCard, L *locale) []quoteCard {
	for i := range cards {
		o := &cards[i]
		if o.Nested != nil {
			continue
		}
		key := ""
		switch {
		case h.Within(o.hit):
			key = "quote.within"
		case o.hit.Within(h):
			key = "quote.around"
		default:
			continue
		}
		o.Nested = &nestedQuote{Label: L.T(key), Text: c.Text, quoteSource: c.quoteSource}
		return cards
	}
	if n := len(cards); n > 0 && cards[n-1].hit.SameQuotation(h) {
		last := &cards[n-1]
		last.Also = append(last.Also, c.quoteSource)
		last.AlsoLabel = L.F("quote.also", len(last.Also))
		return cards
	}
	c.Speaker, c.SpeakerTitle, c.Reported, c.hit = h.Speaker, h.CitedPost(), h.Kind == fangtan.QuoteReported, h
	return append(cards, c)
}

// quoteSource is where a quote card's words stand.
type quoteSource struct {
	DocTitle  string
	DocURL    string
	Date      string
	Source    string
	Paragraph int // 1-based
}

func (srv *server) handleQuotes(w http.ResponseWriter, r *http.Request) error {
	p := srv.newPage(r, "quotes", "")
	ln := link{en: p.L.English()}
	v := &quotesView{HelpURL: ln.to("/help", nil)}
	if p.L.English() {
		v.Lang = "en"
	}
	p.View = v
	q, err := srv.parseQuery(r, true)
	if err != nil {
		return onForm("quotes", p, err)
	}
	v.Query, p.Q = q, q.Text
	st := newState("/quotes", q, ln.en)
	v.Hidden = hiddenFields(st)
	if q.Text == "" && !hasFilters(q) {
		srv.render(w, r, "quotes", p)
		return nil
	}
	p.Title = q.Text
	res, err := call(srv, r.Context(), func(ctx context.Context) (*fangtan.QuoteResult, error) { return srv.s.SearchQuotes(ctx, q) })
	if err != nil {
		return onForm("quotes", p, err)
	}
	v.Searched, v.Result = true, res
	v.Facets = buildFacets(st, q, res.Facets, quoteFacetOrder, p.L, r.URL.Query().Get("more"))
	v.Chips = buildChips(st, q, p.L)
	v.Sorts = sortLinks(st, q.Sort, p.L)
	v.Pager = makePager(st, q.From, q.Size, res.Total)
	if len(res.Hits) > 0 {
		v.First, v.Last = q.From+1, q.From+len(res.Hits)
	}
	exp := newState("", q, false)
	exp.vals.Del("size")
	v.ExportCSV = exp.ln.to("/quotes.csv", exp.vals)
	v.ExportJSON = exp.ln.to("/quotes.json", exp.vals)
	for _, h := range res.Hits {
		text := trusted(escapeText(h.Text))
		if len(h.Fragments) > 0 {
			text = trusted(strings.Join(h.Fragments, " … "))
		}
		c := quoteCard{Text: text, quoteSource: quoteSource{DocTitle: h.Title, DocURL: st.doc(h.DocID, q.From, h.Paragraph, "quotes"),
			Date: h.Date, Source: h.Source, Paragraph: h.Paragraph}}
		if h.Speaker != "" {
			c.SpeakerURL = ln.to("/official/"+url.PathEscape(h.Speaker), nil)
		}
		v.Cards = appendQuoteCard(v.Cards, h, c, p.L)
	}
	srv.render(w, r, "quotes", p)
	return nil
}

// ---- document page ----

type docView struct {
	Doc        *fangtan.DocumentView
	Query      string
	Officials  []officialLink
	Places     []string
	Paragraphs []paraView
	Quotes     []docQuote
	Siblings   []sibling
	Cite       citation
	BackURL    string
}

type paraView struct {
	N        int // 1-based; the anchor is #pN
	HTML     template.HTML
	Link     string
	Selected bool
}

type docQuote struct {
	Text         string
	Speaker      string
	SpeakerTitle string
	Reported     bool
	Paragraph    int
	Link         string
}

type sibling struct {
	Title string
	URL   string
	Part  int
}

// backPages are the pages a document links back to, by the ret parameter.
var backPages = map[string]string{"": "/search", "quotes": "/quotes", "kwic": "/kwic"}

func (srv *server) handleDoc(w http.ResponseWriter, r *http.Request) error {
	p := srv.newPage(r, "search", "")
	ln := link{en: p.L.English()}
	id, err := docID(r)
	if err != nil {
		return err
	}
	// The search state the document was opened from: validated like the
	// search's, kept for the links back.
	sq, err := srv.parseQuery(r, true)
	if err != nil {
		return err
	}
	vals := r.URL.Query()
	q := sq.Text
	para := 0
	if s := vals.Get("p"); s != "" {
		if para, err = strconv.Atoi(s); err != nil || para < 1 {
			return badParam("parameter p=%q is not a paragraph number", s)
		}
	}
	back, ok := backPages[vals.Get("ret")]
	if !ok {
		return badParam("parameter ret=%q: use quotes or kwic, or leave it out", vals.Get("ret"))
	}
	doc, err := call(srv, r.Context(), func(ctx context.Context) (*fangtan.DocumentView, error) { return srv.s.Document(ctx, id, q) })
	if err != nil {
		return err
	}
	p.Title, p.Q = doc.Title, q
	v := &docView{Doc: doc, Query: q, Officials: officialLinks(ln, doc.Officials),
		Places: fangtan.PlaceNames(doc.Places.Provinces, doc.Places.Cities, doc.Places.Districts)}
	st := newState("", sq, ln.en)
	if q != "" || hasFilters(sq) || vals.Get("ret") != "" {
		bv := cloneValues(st.vals)
		if sq.From > 0 {
			bv.Set("from", strconv.Itoa(sq.From))
		}
		v.BackURL = ln.to(back, bv)
	}
	paras := doc.Paragraphs
	if len(paras) == 0 && doc.Text != "" {
		paras = strings.Split(doc.Text, "\n")
	}
	here := func(n int) string {
		u := st.doc(id, sq.From, n, vals.Get("ret"))
		return u
	}
	for i, text := range paras {
		if !fangtan.HasText(text) {
			continue // {{}}, | --- |: nothing to read; the others keep their numbers
		}
		html := template.HTML(escapeText(text)) // #nosec: escaped
		if i < len(doc.Highlighted) {
			html = trusted(doc.Highlighted[i])
		}
		v.Paragraphs = append(v.Paragraphs, paraView{N: i + 1, HTML: html, Link: here(i + 1), Selected: i+1 == para})
	}
	if para > len(paras) {
		para = 0 // a stale link to a paragraph that no longer exists cites the whole article
	}
	for _, qu := range doc.Quotes {
		v.Quotes = append(v.Quotes, docQuote{Text: fangtan.WithoutEmphasis(qu.Text), Speaker: qu.Speaker, SpeakerTitle: qu.CitedPost(),
			Reported: qu.Kind == fangtan.QuoteReported, Paragraph: qu.Paragraph + 1, Link: here(qu.Paragraph + 1)})
	}
	v.Siblings = srv.siblings(r.Context(), doc, ln)
	v.Cite = makeCitation(&doc.Document, para, permalink(r, doc.ID, para), time.Now(), p.L)
	p.View = v
	srv.render(w, r, "doc", p)
	return nil
}

// siblings looks up the titles of the other articles of a split page. A
// sibling that cannot be read is still linked, by id.
func (srv *server) siblings(ctx context.Context, doc *fangtan.DocumentView, ln link) []sibling {
	const maxSiblings = 50
	var out []sibling
	for i, id := range doc.Siblings {
		if i == maxSiblings {
			break
		}
		sb := sibling{Title: id, URL: ln.doc(id, "", 0)}
		err := srv.withDeadline(ctx, func(ctx context.Context) error {
			d, err := srv.s.Document(ctx, id, "")
			if err == nil {
				sb.Title, sb.Part = d.Title, d.Part
			}
			return err
		})
		if err != nil && !isNotFound(err) {
			srv.log.Warn("reading sibling", "doc", doc.ID, "sibling", id, "err", err)
		}
		out = append(out, sb)
	}
	return out
}

func isNotFound(err error) bool { return errors.Is(err, fangtan.ErrNotFound) }

// ---- help page ----

func (srv *server) handleHelp(w http.ResponseWriter, r *http.Request) error {
	p := srv.newPage(r, "help", "")
	p.Title = p.L.T("help.title")
	ln := link{en: p.L.English()}
	p.View = struct{ Example func(q string) string }{
		Example: func(q string) string { return ln.to("/search", url.Values{"q": {q}}) },
	}
	srv.render(w, r, "help", p)
	return nil
}
