package web

import (
	"bytes"
	"context"
	"errors"
	"html/template"
	"net/http"
	"net/url"
	"sort"
	"strconv"
	"strings"

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

// fail answers an error with the friendly HTML error page.
func (srv *server) fail(w http.ResponseWriter, r *http.Request, err error) {
	status, msg := srv.errorStatus(r, err)
	p := srv.newPage(r, "", "")
	p.Status = status
	p.Title = p.L.T("error." + strconv.Itoa(status))
	if status == http.StatusBadRequest || status == http.StatusUnauthorized || status == http.StatusForbidden || status == http.StatusNotFound || status == http.StatusTooManyRequests {
		p.Message = msg
	}
	p.View = link{en: p.L.English()}.to("/search", nil)
	srv.render(w, r, "error", p)
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
	Action       string // form action
	Query        fangtan.Query
	Lang         string // "en" when the hidden lang field is needed
	Searched     bool
	Result       *fangtan.Result
	Hits         []hitView
	Facets       []facetView
	Chips        []chip
	ClearURL     string
	SortDate     bool
	RelevanceURL string
	DateURL      string
	First, Last  int
	Pager        pager
	ExportCSV    string
	ExportJSON   string
	PhraseURL    string
	PhraseQ      string
	UnquoteURL   string
	UnquoteQ     string
	HelpURL      string
	Examples     []example // shown on the empty search page
}

type example struct{ Q, URL string }

// exampleQueries show a newcomer the query forms on the empty search page.
var exampleQueries = []string{"刘振华", `"办实事"`, "city:太原 转型发展", "乡村振兴 OR 脱贫", "date:2021-07..2021-12 党史"}

type hitView struct {
	Title     string
	URL       string
	Date      string
	Source    string
	Original  string
	Officials []fangtan.Official
	Places    []string
	Themes    []string
	Fragments []template.HTML
}

type facetView struct {
	Name   string
	Label  string
	Values []facetValue
}

type facetValue struct {
	Value    string
	Count    int
	URL      string
	Selected bool
}

type chip struct {
	Name      string // the parameter
	Label     string
	Value     string
	RemoveURL string
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
	if q.Sort != "" {
		vals.Set("sort", q.Sort)
	}
	if q.Size != 0 && q.Size != 10 {
		vals.Set("size", strconv.Itoa(q.Size))
	}
	return state{path: path, vals: vals, ln: link{en: en}}
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

// facetOrder is the sidebar's order of the Result.Facets keys.
var facetOrder = []string{"official", "city", "province", "theme", "source", "year"}

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

func buildFacets(st state, q fangtan.Query, facets map[string][]fangtan.FacetCount, order []string, l *locale) []facetView {
	var out []facetView
	for _, name := range order {
		counts := facets[name]
		sel := selectedSet(q, name)
		if len(counts) == 0 && len(sel) == 0 {
			continue
		}
		fv := facetView{Name: name, Label: l.T("facet." + name)}
		seen := map[string]bool{}
		for _, c := range counts {
			seen[c.Value] = true
			v := facetValue{Value: c.Value, Count: c.Count, Selected: sel[c.Value]}
			if v.Selected {
				v.URL = st.removing(name, c.Value)
			} else {
				v.URL = st.adding(name, c.Value)
			}
			fv.Values = append(fv.Values, v)
		}
		// A selected value the index did not count (e.g. written in the other
		// script) still shows, so that it can be removed here too.
		for _, v := range sortedKeys(sel) {
			if !seen[v] {
				fv.Values = append(fv.Values, facetValue{Value: v, Selected: true, URL: st.removing(name, v)})
			}
		}
		out = append(out, fv)
	}
	return out
}

func buildChips(st state, q fangtan.Query, l *locale) []chip {
	var out []chip
	for _, f := range filterParams {
		for _, v := range *f.field(&q) {
			out = append(out, chip{Name: f.name, Label: l.T("facet." + f.name), Value: v, RemoveURL: st.removing(f.name, v)})
		}
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

func joinPlaces(provinces, cities, districts []string) []string {
	var out []string
	seen := map[string]bool{}
	for _, list := range [][]string{provinces, cities, districts} {
		for _, p := range list {
			if !seen[p] {
				seen[p] = true
				out = append(out, p)
			}
		}
	}
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

func (srv *server) handleSearch(w http.ResponseWriter, r *http.Request) {
	p := srv.newPage(r, "search", "")
	ln := link{en: p.L.English()}
	v := &searchView{Action: "/search", HelpURL: ln.to("/help", nil)}
	if p.L.English() {
		v.Lang = "en"
	}
	p.View = v
	q, err := srv.parseQuery(r, true)
	if err != nil {
		srv.badQueryPage(w, r, p, "search", err)
		return
	}
	v.Query, p.Q = q, q.Text
	st := newState("/search", q, ln.en)
	v.Chips = buildChips(st, q, p.L)
	v.SortDate = q.Sort == "date"
	if q.Text == "" && !hasFilters(q) {
		for _, e := range exampleQueries {
			v.Examples = append(v.Examples, example{Q: e, URL: ln.to("/search", url.Values{"q": {e}})})
		}
		srv.render(w, r, "search", p)
		return
	}
	p.Title = q.Text
	var res *fangtan.Result
	err = srv.withDeadline(r.Context(), func(ctx context.Context) error {
		var err error
		res, err = srv.s.Search(ctx, q)
		return err
	})
	if err != nil {
		srv.badQueryPage(w, r, p, "search", err)
		return
	}
	v.Searched, v.Result = true, res
	v.Facets = buildFacets(st, q, res.Facets, facetOrder, p.L)
	v.ClearURL = st.url(func(vals url.Values) {
		for _, f := range filterParams {
			vals.Del(f.name)
		}
	})
	v.RelevanceURL = st.url(func(vals url.Values) { vals.Del("sort") })
	v.DateURL = st.url(func(vals url.Values) { vals.Set("sort", "date") })
	v.Pager = makePager(st, q.From, q.Size, res.Total)
	if len(res.Hits) > 0 {
		v.First, v.Last = q.From+1, q.From+len(res.Hits)
	}
	exp := newState("", q, false)
	exp.vals.Del("size")
	v.ExportCSV = exp.ln.to("/export.csv", exp.vals)
	v.ExportJSON = exp.ln.to("/export.json", exp.vals)
	for _, h := range res.Hits {
		v.Hits = append(v.Hits, hitView{
			Title:     h.Title,
			URL:       ln.doc(h.ID, q.Text, 0),
			Date:      h.Date,
			Source:    h.Source,
			Original:  h.URL,
			Officials: officialsSubjectFirst(h.Officials),
			Places:    joinPlaces(h.Provinces, h.Cities, h.Districts),
			Themes:    h.Themes,
			Fragments: trustedAll(h.Fragments),
		})
	}
	if res.Total == 0 && q.Text != "" {
		if isQuoted(q.Text) {
			v.UnquoteQ = strings.NewReplacer("\"", "", "“", "", "”", "", "「", "", "」", "").Replace(q.Text)
			v.UnquoteURL = st.url(func(vals url.Values) { vals.Set("q", v.UnquoteQ) })
		} else {
			v.PhraseQ = "\"" + q.Text + "\""
			v.PhraseURL = st.url(func(vals url.Values) { vals.Set("q", v.PhraseQ) })
		}
	}
	srv.render(w, r, "search", p)
}

// badQueryPage shows a 400 on the page itself, with the form to fix the
// query; other errors get the error page.
func (srv *server) badQueryPage(w http.ResponseWriter, r *http.Request, p *page, name string, err error) {
	status, msg := srv.errorStatus(r, err)
	if status != http.StatusBadRequest {
		srv.fail(w, r, err)
		return
	}
	p.Status, p.Message = status, msg
	if p.Q == "" {
		p.Q = strings.TrimSpace(r.URL.Query().Get("q"))
	}
	switch v := p.View.(type) {
	case *searchView:
		v.Query.Text = p.Q
		v.Searched = false
	case *quotesView:
		v.Query.Text = p.Q
		v.Searched = false
	}
	srv.render(w, r, name, p)
}

// ---- quotes page ----

type quotesView struct {
	Query    fangtan.Query
	Speaker  string
	Lang     string
	Searched bool
	Result   *fangtan.QuoteResult
	Cards    []quoteCard
	Facets   []facetView
	Chips    []chip
	First    int
	Last     int
	Pager    pager
	HelpURL  string
}

type quoteCard struct {
	Text         template.HTML
	Speaker      string
	SpeakerTitle string
	DocTitle     string
	DocURL       string
	Date         string
	Source       string
	Paragraph    int // 1-based
}

func (srv *server) handleQuotes(w http.ResponseWriter, r *http.Request) {
	p := srv.newPage(r, "quotes", "")
	ln := link{en: p.L.English()}
	v := &quotesView{HelpURL: ln.to("/help", nil)}
	if p.L.English() {
		v.Lang = "en"
	}
	p.View = v
	q, err := srv.parseQuery(r, true)
	if err != nil {
		srv.badQueryPage(w, r, p, "quotes", err)
		return
	}
	v.Query, p.Q = q, q.Text
	if q.Text == "" && !hasFilters(q) {
		srv.render(w, r, "quotes", p)
		return
	}
	p.Title = q.Text
	var res *fangtan.QuoteResult
	err = srv.withDeadline(r.Context(), func(ctx context.Context) error {
		var err error
		res, err = srv.s.SearchQuotes(ctx, q)
		return err
	})
	if err != nil {
		srv.badQueryPage(w, r, p, "quotes", err)
		return
	}
	v.Searched, v.Result = true, res
	st := newState("/quotes", q, ln.en)
	v.Facets = buildFacets(st, q, res.Facets, []string{"speaker"}, p.L)
	v.Chips = buildChips(st, q, p.L)
	v.Pager = makePager(st, q.From, q.Size, res.Total)
	if len(res.Hits) > 0 {
		v.First, v.Last = q.From+1, q.From+len(res.Hits)
	}
	for _, h := range res.Hits {
		text := trusted(template.HTMLEscapeString(h.Text))
		if len(h.Fragments) > 0 {
			text = trusted(strings.Join(h.Fragments, " … "))
		}
		v.Cards = append(v.Cards, quoteCard{
			Text:         text,
			Speaker:      h.Speaker,
			SpeakerTitle: h.SpeakerTitle,
			DocTitle:     h.Title,
			DocURL:       ln.doc(h.DocID, q.Text, h.Paragraph+1),
			Date:         h.Date,
			Source:       h.Source,
			Paragraph:    h.Paragraph + 1,
		})
	}
	srv.render(w, r, "quotes", p)
}

// ---- document page ----

type docView struct {
	Doc        *fangtan.DocumentView
	Query      string
	Officials  []fangtan.Official
	Places     []string
	Paragraphs []paraView
	Quotes     []docQuote
	Siblings   []sibling
	Cite       cite
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
	Paragraph    int
	Link         string
}

type sibling struct {
	Title string
	URL   string
	Part  int
}

type cite struct {
	Title     string
	Source    string
	Date      string
	URL       string
	ID        string
	Paragraph int
}

func (srv *server) handleDoc(w http.ResponseWriter, r *http.Request) {
	p := srv.newPage(r, "search", "")
	ln := link{en: p.L.English()}
	id, err := docID(r)
	if err != nil {
		srv.fail(w, r, err)
		return
	}
	vals, err := url.ParseQuery(r.URL.RawQuery)
	if err != nil {
		srv.fail(w, r, badParam("malformed query string: %v", err))
		return
	}
	q, err := srv.textParam(vals, "q")
	if err != nil {
		srv.fail(w, r, err)
		return
	}
	para := 0
	if s := vals.Get("p"); s != "" {
		if para, err = strconv.Atoi(s); err != nil || para < 1 {
			srv.fail(w, r, badParam("parameter p=%q is not a paragraph number", s))
			return
		}
	}
	var doc *fangtan.DocumentView
	err = srv.withDeadline(r.Context(), func(ctx context.Context) error {
		var err error
		doc, err = srv.s.Document(ctx, id, q)
		return err
	})
	if err != nil {
		srv.fail(w, r, err)
		return
	}
	p.Title, p.Q = doc.Title, q
	v := &docView{Doc: doc, Query: q, Officials: officialsSubjectFirst(doc.Officials),
		Places: joinPlaces(doc.Places.Provinces, doc.Places.Cities, doc.Places.Districts)}
	if q != "" {
		v.BackURL = ln.to("/search", url.Values{"q": {q}})
	}
	paras := doc.Paragraphs
	if len(paras) == 0 && doc.Text != "" {
		paras = strings.Split(doc.Text, "\n")
	}
	for i, text := range paras {
		html := template.HTML(template.HTMLEscapeString(text))
		if i < len(doc.Highlighted) {
			html = trusted(doc.Highlighted[i])
		}
		v.Paragraphs = append(v.Paragraphs, paraView{N: i + 1, HTML: html, Link: ln.doc(id, q, i+1), Selected: i+1 == para})
	}
	if para > len(paras) {
		para = 0 // a stale link to a paragraph that no longer exists cites the whole article
	}
	for _, qu := range doc.Quotes {
		v.Quotes = append(v.Quotes, docQuote{Text: qu.Text, Speaker: qu.Speaker, SpeakerTitle: qu.SpeakerTitle,
			Paragraph: qu.Paragraph + 1, Link: ln.doc(id, q, qu.Paragraph+1)})
	}
	v.Siblings = srv.siblings(r.Context(), doc, ln)
	v.Cite = cite{Title: doc.Title, Source: doc.Source, Date: doc.Date, URL: doc.URL, ID: doc.ID, Paragraph: para}
	p.View = v
	srv.render(w, r, "doc", p)
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

func (srv *server) handleHelp(w http.ResponseWriter, r *http.Request) {
	p := srv.newPage(r, "help", "")
	p.Title = p.L.T("help.title")
	ln := link{en: p.L.English()}
	p.View = struct{ Example func(q string) string }{
		Example: func(q string) string { return ln.to("/search", url.Values{"q": {q}}) },
	}
	srv.render(w, r, "help", p)
}
