package web

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/xml"
	"fmt"
	"html/template"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"fangtan"
)

// The research desk: the timeline above the results, keyword in context,
// official pages, quote export, citations, feeds and the overview on the
// home page.

// ---- timeline ----

// timelineView is a histogram drawn on the server as SVG: each bar a link
// to its period.
type timelineView struct {
	Unit       string
	Bars       []bar
	Labels     []axisLabel
	Width      int
	Height     int
	Undated    int
	UndatedURL string
	Total      int
	From, To   string // the date inputs' values
	Hidden     []hiddenField
	Lang       string
	Action     string
}

type bar struct {
	X, Y, W, H int
	Period     string
	Count      int
	URL        string
	Label      string // for screen readers and the tooltip
}

type axisLabel struct {
	X    int
	Text string
}

const (
	timelineWidth  = 640
	timelineHeight = 90
	timelineAxis   = 16 // room for the labels under the bars
)

// buildTimeline lays out the bars; a bar links to the search narrowed to
// its period.
func buildTimeline(st state, t *fangtan.Timeline, l *locale) *timelineView {
	if t == nil || len(t.Buckets) == 0 && t.Undated == 0 {
		return nil
	}
	v := &timelineView{Unit: t.Unit, Width: timelineWidth, Height: timelineHeight + timelineAxis, Undated: t.Undated}
	v.From, v.To = st.vals.Get("date_from"), st.vals.Get("date_to")
	v.Action = st.path
	formState := state{path: st.path, vals: cloneValues(st.vals), ln: st.ln}
	formState.vals.Del("date_from")
	formState.vals.Del("date_to")
	v.Hidden = hiddenFields(formState)
	if st.ln.en {
		v.Lang = "en"
	}
	if t.Undated > 0 {
		v.UndatedURL = st.url(func(vals url.Values) {
			vals.Del("date_from")
			vals.Del("date_to")
			vals.Set("year", undatedYear)
		})
	}
	most := 1
	for _, b := range t.Buckets {
		most = max(most, b.Count)
		v.Total += b.Count
	}
	n := len(t.Buckets)
	if n == 0 {
		return v
	}
	// Bars are at most 60 units wide, so that a short timeline does not
	// look like a wall; labels are about a dozen at most.
	step := min(60, timelineWidth/n)
	gap := 0
	if step >= 4 {
		gap = max(1, step/6)
	}
	every := max(1, (n+11)/12) // at most about a dozen labels
	for i, b := range t.Buckets {
		h := 0
		if b.Count > 0 {
			h = max(2, b.Count*timelineHeight/most)
		}
		br := bar{X: i * step, Y: timelineHeight - h, W: max(1, step-gap), H: h, Period: b.Period, Count: b.Count,
			Label: l.F("timeline.bar", b.Period, b.Count)}
		if b.Count > 0 {
			br.URL = st.url(func(vals url.Values) {
				vals.Set("date_from", b.Period)
				vals.Set("date_to", b.Period)
			})
		}
		v.Bars = append(v.Bars, br)
		label := ""
		switch {
		case t.Unit == "year":
			if i%every == 0 {
				label = b.Period
			}
		case i == 0 || strings.HasSuffix(b.Period, "-01"):
			label = b.Period // 2021-08: a year's first month, or the first bar
		case n <= 12:
			label = b.Period[5:] // 09
		}
		if label != "" {
			v.Labels = append(v.Labels, axisLabel{X: i * step, Text: label})
		}
	}
	return v
}

// ---- home page ----

type overviewView struct {
	Articles  uint64
	Quotes    uint64
	First     string
	Last      string
	Sources   []linkCount
	Officials []linkCount
	Themes    []linkCount
}

type linkCount struct {
	Value string
	Count int
	URL   string
}

// overview says what the index holds and proposes searches that find
// something in it. Without an overview it falls back to fixed examples.
func (srv *server) overview(ctx context.Context, ln link) (*overviewView, []example) {
	o, err := call(srv, ctx, func(ctx context.Context) (*fangtan.Overview, error) { return srv.s.Overview(ctx) })
	var examples []example
	add := func(q string) {
		if q != "" && !slices.ContainsFunc(examples, func(e example) bool { return e.Q == q }) {
			examples = append(examples, example{Q: q, URL: ln.to("/search", url.Values{"q": {q}})})
		}
	}
	if err != nil || o == nil || o.Articles == 0 {
		if err != nil {
			srv.log.Warn("overview", "err", err)
		}
		for _, e := range exampleQueries {
			add(e)
		}
		return nil, examples
	}
	v := &overviewView{Articles: o.Articles, Quotes: o.Quotes, First: o.First, Last: o.Last}
	for _, s := range o.Sources {
		v.Sources = append(v.Sources, linkCount{s.Value, s.Count, ln.to("/search", url.Values{"source": {s.Value}})})
	}
	for _, s := range o.Officials {
		v.Officials = append(v.Officials, linkCount{s.Value, s.Count, ln.to("/official/"+url.PathEscape(s.Value), nil)})
	}
	for _, s := range o.Themes {
		v.Themes = append(v.Themes, linkCount{s.Value, s.Count, ln.to("/search", url.Values{"theme": {s.Value}})})
	}
	quote := func(s string) string {
		if strings.ContainsAny(s, " \"") {
			return `"` + strings.ReplaceAll(s, `"`, "") + `"`
		}
		return s
	}
	if len(o.Officials) > 0 {
		add(o.Officials[0].Value)
	}
	if len(o.Themes) > 0 {
		add(`"` + o.Themes[0].Value + `"`)
		add("theme:" + quote(o.Themes[0].Value))
	}
	if len(o.Officials) > 2 {
		add(o.Officials[1].Value + " OR " + o.Officials[2].Value)
	}
	if len(o.Sources) > 0 {
		add("source:" + quote(o.Sources[0].Value))
	}
	if len(o.Last) >= 4 {
		add("date:" + o.Last[:4])
	}
	for _, e := range exampleQueries {
		if len(examples) >= 5 {
			break
		}
		add(e)
	}
	return v, examples
}

// ---- citations ----

// citation is a document's citation in the formats a journalist pastes.
type citation struct {
	GBT       string // GB/T 7714-2015
	APA       string // APA, 7th edition
	Permalink string
	Paragraph int
	Accessed  string
	ID        string
}

// permalink is the absolute address of a document, or of its paragraph.
func permalink(r *http.Request, id string, para int) string {
	scheme := "http"
	if r.TLS != nil {
		scheme = "https"
	}
	u := scheme + "://" + r.Host + "/doc/" + url.PathEscape(id)
	if para > 0 {
		u += "?p=" + strconv.Itoa(para) + "#p" + strconv.Itoa(para)
	}
	return u
}

// makeCitation formats d's citation, accessed at now. The original URL is
// cited when known, else the permalink; the permalink goes along either way.
func makeCitation(d *fangtan.Document, para int, perma string, now time.Time, l *locale) citation {
	c := citation{Permalink: perma, Paragraph: para, Accessed: now.Format("2006-01-02"), ID: d.ID}
	where := d.URL
	if where == "" {
		where = perma
	}
	// GB/T 7714-2015: 责任者. 题名[N/OL]. 报纸名, 出版日期[引用日期]. 获取路径.
	var g strings.Builder
	if len(d.Authors) > 0 {
		g.WriteString(strings.Join(d.Authors, ", ") + ". ")
	}
	title := strings.TrimRight(d.Title, "。.")
	if d.Source != "" {
		g.WriteString(title + "[N/OL]. " + d.Source)
		if d.Date != "" {
			g.WriteString(", " + d.Date)
		}
	} else {
		g.WriteString(title + "[EB/OL]. ")
		if d.Date != "" {
			g.WriteString("(" + d.Date + ")")
		}
	}
	g.WriteString("[" + c.Accessed + "]. " + where + ".")
	c.GBT = g.String()
	// APA 7: Author. (Year, Month Day). Title. Source. URL
	date := "(n.d.)"
	if t, err := time.Parse("2006-01-02", d.Date); err == nil {
		date = t.Format("(2006, January 2)")
	}
	var a strings.Builder
	if len(d.Authors) > 0 {
		a.WriteString(strings.Join(d.Authors, ", ") + ". " + date + ". " + title + ".")
	} else {
		a.WriteString(title + ". " + date + ".")
	}
	if d.Source != "" {
		a.WriteString(" " + d.Source + ".")
	}
	if d.URL != "" {
		a.WriteString(" " + d.URL)
	} else {
		a.WriteString(" Retrieved " + now.Format("January 2, 2006") + ", from " + perma)
	}
	c.APA = a.String()
	return c
}

// ---- keyword in context ----

const (
	defaultKWICWidth = 20
	maxKWICWidth     = 100
	kwicPageSize     = 100
)

type kwicQuery struct {
	q     fangtan.Query
	width int
	order string // "date", "left" or "right"
	from  int
}

func (srv *server) parseKWIC(r *http.Request) (kwicQuery, error) {
	var kq kwicQuery
	q, err := srv.parseQuery(r, false)
	if err != nil {
		return kq, err
	}
	kq.q = q
	vals := r.URL.Query()
	if kq.width, err = intParam(vals, "width", defaultKWICWidth); err != nil {
		return kq, err
	}
	if kq.width < 1 || kq.width > maxKWICWidth {
		return kq, badParam("width=%d is out of range: use 1 to %d", kq.width, maxKWICWidth)
	}
	switch kq.order = vals.Get("order"); kq.order {
	case "":
		kq.order = "date"
	case "date", "left", "right":
	default:
		return kq, badParam("unknown order %q: use date, left or right", kq.order)
	}
	if kq.from, err = intParam(vals, "from", 0); err != nil {
		return kq, err
	}
	if kq.from < 0 {
		return kq, badParam("from=%d is negative", kq.from)
	}
	if strings.TrimSpace(q.Text) == "" {
		return kq, badParam("keyword in context needs a word or \"phrase\" to look for")
	}
	return kq, nil
}

// kwic finds the lines and sorts them: by date (newest first), or by the
// context left of the match read from the match outwards, or by the
// context right of it.
func (srv *server) kwic(ctx context.Context, kq kwicQuery) (*fangtan.KWICResult, error) {
	res, err := call(srv, ctx, func(ctx context.Context) (*fangtan.KWICResult, error) { return srv.s.KWIC(ctx, kq.q, kq.width) })
	if err != nil {
		return nil, err
	}
	lines := res.Lines
	switch kq.order {
	case "left":
		slices.SortStableFunc(lines, func(a, b fangtan.KWICLine) int { return compareReversed(a.Left, b.Left) })
	case "right":
		slices.SortStableFunc(lines, func(a, b fangtan.KWICLine) int { return strings.Compare(a.Right, b.Right) })
	default:
		slices.SortStableFunc(lines, func(a, b fangtan.KWICLine) int { return strings.Compare(b.Date, a.Date) })
	}
	return res, nil
}

// compareReversed compares two strings from their last character back.
func compareReversed(a, b string) int {
	for a != "" && b != "" {
		ra, na := utf8.DecodeLastRuneInString(a)
		rb, nb := utf8.DecodeLastRuneInString(b)
		if ra != rb {
			if ra < rb {
				return -1
			}
			return 1
		}
		a, b = a[:len(a)-na], b[:len(b)-nb]
	}
	return len(a) - len(b)
}

type kwicView struct {
	Query     fangtan.Query
	Lang      string
	Width     int
	Order     string
	Searched  bool
	Result    *fangtan.KWICResult
	Lines     []kwicLine
	Orders    []sortLink
	First     int
	Last      int
	Pager     pager
	Hidden    []hiddenField
	CSVURL    string
	SearchURL string
}

type kwicLine struct {
	fangtan.KWICLine
	URL string
}

func (srv *server) handleKWIC(w http.ResponseWriter, r *http.Request) error {
	p := srv.newPage(r, "kwic", "")
	ln := link{en: p.L.English()}
	v := &kwicView{Width: defaultKWICWidth, Order: "date"}
	if ln.en {
		v.Lang = "en"
	}
	p.View = v
	if strings.TrimSpace(r.URL.Query().Get("q")) == "" && len(r.URL.Query()) <= 1 {
		p.Title = p.L.T("kwic.title")
		srv.render(w, r, "kwic", p)
		return nil
	}
	kq, err := srv.parseKWIC(r)
	if err != nil {
		return onForm("kwic", p, err)
	}
	v.Query, v.Width, v.Order, p.Q = kq.q, kq.width, kq.order, kq.q.Text
	p.Title = kq.q.Text
	st := newState("/kwic", kq.q, ln.en)
	if kq.width != defaultKWICWidth {
		st.vals.Set("width", strconv.Itoa(kq.width))
	}
	if kq.order != "date" {
		st.vals.Set("order", kq.order)
	}
	v.Hidden = hiddenFields(st)
	res, err := srv.kwic(r.Context(), kq)
	if err != nil {
		return onForm("kwic", p, err)
	}
	v.Searched, v.Result = true, res
	for _, o := range []string{"date", "left", "right"} {
		v.Orders = append(v.Orders, sortLink{Label: p.L.T("kwic.order." + o), Current: o == kq.order,
			URL: st.url(func(vals url.Values) { vals.Set("order", o) })})
	}
	total := len(res.Lines)
	v.Pager = makePager(st, kq.from, kwicPageSize, uint64(total))
	lines := res.Lines[min(kq.from, total):min(kq.from+kwicPageSize, total)]
	if len(lines) > 0 {
		v.First, v.Last = kq.from+1, kq.from+len(lines)
	}
	lst := state{path: st.path, vals: cloneValues(st.vals), ln: ln}
	if kq.from > 0 {
		lst.vals.Set("from", strconv.Itoa(kq.from))
	}
	for _, l := range lines {
		// A line's width may cut a mark in two at its ends.
		l.Left, l.Match, l.Right = strings.TrimLeft(fangtan.WithoutEmphasis(l.Left), "*"), fangtan.WithoutEmphasis(l.Match), strings.TrimRight(fangtan.WithoutEmphasis(l.Right), "*")
		v.Lines = append(v.Lines, kwicLine{KWICLine: l, URL: lst.doc(l.DocID, 0, l.Paragraph, "kwic")})
	}
	exp := newState("", kq.q, false)
	exp.vals.Del("size")
	exp.vals.Set("width", strconv.Itoa(kq.width))
	exp.vals.Set("order", kq.order)
	v.CSVURL = exp.ln.to("/kwic.csv", exp.vals)
	v.SearchURL = ln.to("/search", url.Values{"q": {kq.q.Text}})
	srv.render(w, r, "kwic", p)
	return nil
}

func (srv *server) handleKWICCSV(w http.ResponseWriter, r *http.Request) error {
	kq, err := srv.parseKWIC(r)
	if err != nil {
		return err
	}
	res, err := srv.kwic(r.Context(), kq)
	if err != nil {
		return err
	}
	rows := [][]string{{"left", "match", "right", "title", "source", "date", "paragraph", "permalink", "doc_id"}}
	for _, l := range res.Lines {
		rows = append(rows, []string{l.Left, l.Match, l.Right, l.Title, l.Source, l.Date, strconv.Itoa(l.Paragraph),
			permalink(r, l.DocID, l.Paragraph), l.DocID})
	}
	w.Header().Set(headerTotal, strconv.Itoa(len(res.Lines)))
	w.Header().Set(headerRows, strconv.Itoa(len(res.Lines)))
	w.Header().Set(headerTruncated, strconv.FormatBool(res.Truncated))
	return writeCSV(w, exportName("kwic", kq.q.Text, "csv", time.Now()), rows)
}

// ---- official pages ----

type officialView struct {
	Profile   *fangtan.OfficialProfile
	Timeline  *timelineView
	Officials []linkCount
	Places    []linkCount
	Themes    []linkCount
	Quotes    []quoteCard
	SearchURL string
	QuotesURL string
	KWICURL   string
}

func (srv *server) handleOfficial(w http.ResponseWriter, r *http.Request) error {
	p := srv.newPage(r, "search", "")
	ln := link{en: p.L.English()}
	name, err := officialName(r)
	if err != nil {
		return err
	}
	prof, err := srv.official(r.Context(), name)
	if err != nil {
		return err
	}
	p.Title = prof.Name
	v := &officialView{Profile: prof}
	st := newState("/search", fangtan.Query{Officials: []string{prof.Name}}, ln.en)
	v.Timeline = buildTimeline(st, prof.Timeline, p.L)
	v.SearchURL = st.url(func(url.Values) {})
	v.QuotesURL = ln.to("/quotes", url.Values{"speaker": {prof.Name}})
	v.KWICURL = ln.to("/kwic", url.Values{"q": {`"` + prof.Name + `"`}})
	for _, o := range prof.Officials {
		v.Officials = append(v.Officials, linkCount{o.Value, o.Count, ln.to("/official/"+url.PathEscape(o.Value), nil)})
	}
	for _, o := range prof.Places {
		v.Places = append(v.Places, linkCount{o.Value, o.Count, st.adding("city", o.Value)})
	}
	for _, o := range prof.Themes {
		v.Themes = append(v.Themes, linkCount{o.Value, o.Count, st.adding("theme", o.Value)})
	}
	if prof.Quotes > 0 {
		qq := fangtan.Query{Speakers: []string{prof.Name}, Sort: fangtan.SortDate, Size: 10}
		qs := newState("/quotes", qq, ln.en)
		res, err := call(srv, r.Context(), func(ctx context.Context) (*fangtan.QuoteResult, error) { return srv.s.SearchQuotes(ctx, qq) })
		if err != nil {
			return err
		}
		for _, h := range res.Hits {
			v.Quotes = appendQuoteCard(v.Quotes, h, quoteCard{Text: template.HTML(escapeText(h.Text)),
				quoteSource: quoteSource{DocTitle: h.Title, DocURL: qs.doc(h.DocID, 0, h.Paragraph, "quotes"),
					Date: h.Date, Source: h.Source, Paragraph: h.Paragraph}}, p.L)
		}
	}
	p.View = v
	srv.render(w, r, "official", p)
	return nil
}

// official profiles name; an unknown official is a 404 that says so.
func (srv *server) official(ctx context.Context, name string) (*fangtan.OfficialProfile, error) {
	prof, err := call(srv, ctx, func(ctx context.Context) (*fangtan.OfficialProfile, error) { return srv.s.Official(ctx, name) })
	if isNotFound(err) {
		return nil, &fangtan.MessageError{Kind: fangtan.ErrNotFound, Format: "no official named %q in the index", Args: []any{name}}
	}
	return prof, err
}

// ---- quote export ----

// QuoteExport is the body of /quotes.json.
type QuoteExport struct {
	Query     fangtan.Query    `json:"query"`
	Total     uint64           `json:"total"`
	Rows      int              `json:"rows"`
	Truncated bool             `json:"truncated"`
	Limit     int              `json:"limit"`
	Quotes    []QuoteExportRow `json:"quotes"`
}

// QuoteExportRow is one quote with what citing it needs.
type QuoteExportRow struct {
	Speaker string `json:"speaker"`
	Post    string `json:"post"`
	// PostInferred: the article does not give the post; the index's
	// registry knows it from other articles (the CSV brackets it).
	PostInferred bool   `json:"post_inferred,omitempty"`
	Kind         string `json:"kind"`
	Quote        string `json:"quote"`
	Title        string `json:"title"`
	Source       string `json:"source"`
	Date         string `json:"date"`
	Paragraph    int    `json:"paragraph"`
	Permalink    string `json:"permalink"`
	URL          string `json:"url"`
	DocID        string `json:"doc_id"`
}

func (srv *server) collectQuotes(r *http.Request) (*QuoteExport, error) {
	q, err := srv.parseQuery(r, false)
	if err != nil {
		return nil, err
	}
	ctx, cancel := context.WithTimeout(r.Context(), srv.opts.ExportTimeout)
	defer cancel()
	exp := &QuoteExport{Query: q, Limit: srv.opts.ExportLimit, Quotes: []QuoteExportRow{}}
	for from := 0; from < srv.opts.ExportLimit; {
		page := q
		page.From, page.Size = from, min(exportPageSize, srv.opts.ExportLimit-from)
		res, err := call(srv, ctx, func(ctx context.Context) (*fangtan.QuoteResult, error) { return srv.s.SearchQuotes(ctx, page) })
		if err != nil {
			return nil, err
		}
		exp.Total = res.Total
		for _, h := range res.Hits {
			exp.Quotes = append(exp.Quotes, QuoteExportRow{Speaker: h.Speaker, Post: h.SpeakerTitle, PostInferred: h.SpeakerTitleInferred, Kind: string(h.Kind),
				Quote: h.Text, Title: h.Title, Source: h.Source, Date: h.Date, Paragraph: h.Paragraph,
				Permalink: permalink(r, h.DocID, h.Paragraph), URL: h.URL, DocID: h.DocID})
		}
		from += len(res.Hits)
		if len(res.Hits) == 0 || uint64(from) >= res.Total {
			break
		}
	}
	exp.Quotes = exp.Quotes[:min(len(exp.Quotes), srv.opts.ExportLimit)]
	exp.Rows = len(exp.Quotes)
	exp.Truncated = uint64(exp.Rows) < exp.Total
	return exp, nil
}

func (srv *server) handleQuotesCSV(w http.ResponseWriter, r *http.Request) error {
	exp, err := srv.collectQuotes(r)
	if err != nil {
		return err
	}
	rows := [][]string{{"speaker", "post", "kind", "quote", "title", "source", "date", "paragraph", "permalink", "url", "doc_id"}}
	for _, q := range exp.Quotes {
		rows = append(rows, []string{q.Speaker, fangtan.CitedPost(q.Post, q.PostInferred), q.Kind, q.Quote, q.Title, q.Source, q.Date, strconv.Itoa(q.Paragraph), q.Permalink, q.URL, q.DocID})
	}
	setCountHeaders(w, exp.Total, exp.Rows, exp.Truncated)
	return writeCSV(w, exportName("quotes", exp.Query.Text, "csv", time.Now()), rows)
}

func (srv *server) handleQuotesJSON(w http.ResponseWriter, r *http.Request) error {
	exp, err := srv.collectQuotes(r)
	if err != nil {
		return err
	}
	setCountHeaders(w, exp.Total, exp.Rows, exp.Truncated)
	setAttachment(w, exportName("quotes", exp.Query.Text, "json", time.Now()))
	srv.writeJSON(w, r, http.StatusOK, exp)
	return nil
}

// ---- files ----

// exportName names an export after what was searched and the day:
// fangtan-quotes-转型发展-2026-12-01.csv. Characters a file name should
// not hold become dashes.
func exportName(kind, q, ext string, now time.Time) string {
	var b strings.Builder
	dash := false
	n := 0
	for _, r := range q {
		if n == 40 {
			break
		}
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
			dash = false
			n++
		} else if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
		}
	}
	slug := strings.Trim(b.String(), "-")
	parts := []string{"fangtan", kind}
	if slug != "" {
		parts = append(parts, slug)
	}
	parts = append(parts, now.Format("2006-01-02"))
	return strings.Join(parts, "-") + "." + ext
}

// setAttachment sends a download under name: an ASCII fallback for old
// clients, and the UTF-8 name (RFC 6266) for the rest.
func setAttachment(w http.ResponseWriter, name string) {
	ascii := strings.Map(func(r rune) rune {
		if r < 0x80 && r != '"' && r != '\\' {
			return r
		}
		return -1
	}, name)
	ascii = strings.ReplaceAll(ascii, "--", "-")
	w.Header().Set("Content-Disposition", fmt.Sprintf(`attachment; filename="%s"; filename*=UTF-8''%s`, ascii, url.PathEscape(name)))
	w.Header().Set("Cache-Control", "no-store")
}

func setCountHeaders(w http.ResponseWriter, total uint64, rows int, truncated bool) {
	h := w.Header()
	h.Set(headerTotal, strconv.FormatUint(total, 10))
	h.Set(headerRows, strconv.Itoa(rows))
	h.Set(headerTruncated, strconv.FormatBool(truncated))
}

// writeCSV sends rows as a spreadsheet-safe CSV: a UTF-8 BOM, and every
// cell neutralised against formulas.
func writeCSV(w http.ResponseWriter, name string, rows [][]string) error {
	var buf bytes.Buffer
	buf.WriteString(utf8BOM)
	cw := csv.NewWriter(&buf)
	for i, row := range rows {
		if i > 0 {
			for j := range row {
				row[j] = cell(row[j])
			}
		}
		cw.Write(row)
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return err
	}
	setAttachment(w, name)
	w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	w.WriteHeader(http.StatusOK)
	w.Write(buf.Bytes())
	return nil
}

// ---- Atom feed ----

const feedSize = 20

type atomFeed struct {
	XMLName xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	Title   string      `xml:"title"`
	ID      string      `xml:"id"`
	Updated string      `xml:"updated"`
	Links   []atomLink  `xml:"link"`
	Author  atomAuthor  `xml:"author"`
	Entries []atomEntry `xml:"entry"`
}

type atomLink struct {
	Rel  string `xml:"rel,attr,omitempty"`
	Href string `xml:"href,attr"`
	Type string `xml:"type,attr,omitempty"`
}

type atomAuthor struct {
	Name string `xml:"name"`
}

type atomEntry struct {
	Title   string      `xml:"title"`
	ID      string      `xml:"id"`
	Updated string      `xml:"updated"`
	Links   []atomLink  `xml:"link"`
	Author  *atomAuthor `xml:"author,omitempty"`
	Summary string      `xml:"summary"`
}

// handleFeed is the search as an Atom feed, newest first, so that a feed
// reader tells a journalist when new articles match.
func (srv *server) handleFeed(w http.ResponseWriter, r *http.Request) error {
	q, err := srv.parseQuery(r, false)
	if err != nil {
		return err
	}
	q.Sort, q.From, q.Size = fangtan.SortDate, 0, feedSize
	res, err := call(srv, r.Context(), func(ctx context.Context) (*fangtan.Result, error) { return srv.s.Search(ctx, q) })
	if err != nil {
		return err
	}
	scheme := "http"
	if r.TLS != nil {
		scheme = "https"
	}
	base := scheme + "://" + r.Host
	st := newState("/search", q, false)
	st.vals.Del("sort")
	self := base + "/feed.atom"
	if enc := st.vals.Encode(); enc != "" {
		self += "?" + enc
	}
	title := "fangtan: " + q.Text
	for _, c := range buildChips(st, q, enLocale) {
		title += " " + c.Name + ":" + c.Value
	}
	f := atomFeed{Title: strings.TrimSpace(title), ID: self, Author: atomAuthor{Name: "fangtan"},
		Links: []atomLink{{Rel: "self", Href: self, Type: "application/atom+xml"}, {Rel: "alternate", Href: base + st.url(func(url.Values) {}), Type: "text/html"}}}
	updated := "1970-01-01T00:00:00Z"
	for _, h := range res.Hits {
		when := updated
		if _, err := time.Parse("2006-01-02", h.Date); err == nil {
			when = h.Date + "T00:00:00Z"
		}
		if when > f.Updated {
			f.Updated = when
		}
		e := atomEntry{Title: fangtan.WithoutEmphasis(h.Title), ID: base + "/doc/" + url.PathEscape(h.ID), Updated: when,
			Links: []atomLink{{Href: base + "/doc/" + url.PathEscape(h.ID), Type: "text/html"}}}
		if h.URL != "" {
			e.Links = append(e.Links, atomLink{Rel: "related", Href: h.URL})
		}
		if h.Source != "" {
			e.Author = &atomAuthor{Name: h.Source}
		}
		var sum []string
		for _, sn := range h.Snippets {
			sum = append(sum, snippetText(sn))
		}
		if len(sum) == 0 {
			for _, fr := range h.Fragments {
				sum = append(sum, plainText(fr))
			}
		}
		e.Summary = fangtan.WithoutEmphasis(strings.Join(sum, " "))
		f.Entries = append(f.Entries, e)
	}
	if f.Updated == "" {
		f.Updated = updated
	}
	var buf bytes.Buffer
	buf.WriteString(xml.Header)
	enc := xml.NewEncoder(&buf)
	if err := enc.Encode(f); err != nil {
		return err
	}
	w.Header().Set("Content-Type", "application/atom+xml; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.Write(buf.Bytes())
	return nil
}
