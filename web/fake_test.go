package web

import (
	"context"
	"errors"
	"fmt"
	"html"
	"io"
	"log/slog"
	"sort"
	"strings"
	"sync/atomic"

	"fangtan"
)

// fakeSearcher is a small in-memory fangtan.Searcher for handler tests: it
// matches words as substrings, filters and counts facets, and highlights the
// way the index promises (escaped text, <mark> around matches). Special
// queries exercise the error paths: "boom" fails, "slow" waits for the
// deadline, an unbalanced quote is a bad query.
type fakeSearcher struct {
	docs     []fangtan.Document
	searches atomic.Int64
	// badHighlight makes Search return fragments that break the promise, to
	// test that the pages sanitize them anyway.
	badHighlight bool
	// block, when set, holds a "block" query until it is closed; blocked
	// reports that one has started.
	block   chan struct{}
	blocked chan struct{}
	// reprints are the reprints of each article, by its id.
	reprints map[string][]fangtan.Reprint
}

var errBoom = errors.New("disk on fire at /secret/path")

func (f *fakeSearcher) check(ctx context.Context, text string) error {
	switch {
	case strings.Count(text, `"`)%2 == 1:
		return fmt.Errorf("%w: unbalanced quote in %q", fangtan.ErrBadQuery, text)
	case text == "boom":
		return fmt.Errorf("searching: %w", errBoom)
	case text == "slow":
		<-ctx.Done()
		return fmt.Errorf("search: %w: %w", fangtan.ErrUnavailable, ctx.Err())
	case text == "block" && f.block != nil:
		select {
		case f.blocked <- struct{}{}:
		default:
		}
		select {
		case <-f.block:
		case <-ctx.Done():
			return fmt.Errorf("search: %w: %w", fangtan.ErrUnavailable, ctx.Err())
		}
	case text == "panic":
		panic("fake searcher panic")
	}
	return nil
}

func words(text string) []string {
	var out []string
	for _, w := range strings.Fields(strings.ReplaceAll(text, `"`, " ")) {
		if !strings.Contains(w, ":") {
			out = append(out, w)
		}
	}
	return out
}

func anyIn(want []string, have []string) bool {
	if len(want) == 0 {
		return true
	}
	for _, w := range want {
		for _, h := range have {
			if strings.TrimSuffix(h, "市") == strings.TrimSuffix(w, "市") {
				return true
			}
		}
	}
	return false
}

func officialNames(d fangtan.Document) []string {
	var out []string
	for _, o := range d.Officials {
		out = append(out, o.Name)
	}
	return out
}

func highlight(s string, ws []string) string {
	esc := html.EscapeString(s)
	for _, w := range ws {
		e := html.EscapeString(w)
		esc = strings.ReplaceAll(esc, e, "<mark>"+e+"</mark>")
	}
	return esc
}

func (f *fakeSearcher) matches(d fangtan.Document, q fangtan.Query) bool {
	for _, w := range words(q.Text) {
		if !strings.Contains(d.Title, w) && !strings.Contains(d.Text, w) {
			return false
		}
	}
	for name, vals := range q.Excludes {
		have := map[string][]string{"official": officialNames(d), "city": d.Places.Cities, "province": d.Places.Provinces,
			"theme": d.Themes, "source": {d.Source}, "year": {d.Year()}}[name]
		if anyIn(vals, have) {
			return false
		}
	}
	if q.DateFrom != "" && d.Date < q.DateFrom || q.DateTo != "" && d.Date > q.DateTo+"\uffff" {
		return false
	}
	return anyIn(q.Officials, officialNames(d)) && anyIn(q.Cities, d.Places.Cities) &&
		anyIn(q.Provinces, d.Places.Provinces) && anyIn(q.Districts, d.Places.Districts) &&
		anyIn(q.Themes, d.Themes) && anyIn(q.Sources, []string{d.Source}) && anyIn(q.Years, []string{d.Year()})
}

func count(m map[string]map[string]int, facet string, values ...string) {
	if m[facet] == nil {
		m[facet] = map[string]int{}
	}
	for _, v := range values {
		if v != "" {
			m[facet][v]++
		}
	}
}

func facetsOf(m map[string]map[string]int) map[string][]fangtan.FacetCount {
	out := map[string][]fangtan.FacetCount{}
	for name, counts := range m {
		list := []fangtan.FacetCount{}
		for v, c := range counts {
			list = append(list, fangtan.FacetCount{Value: v, Count: c})
		}
		sort.Slice(list, func(i, j int) bool {
			if list[i].Count != list[j].Count {
				return list[i].Count > list[j].Count
			}
			return list[i].Value < list[j].Value
		})
		out[name] = list
	}
	return out
}

func (f *fakeSearcher) Search(ctx context.Context, q fangtan.Query) (*fangtan.Result, error) {
	f.searches.Add(1)
	if err := f.check(ctx, q.Text); err != nil {
		return nil, err
	}
	if q.Text == "" && !hasFilters(q) {
		return nil, fmt.Errorf("%w: empty query", fangtan.ErrBadQuery)
	}
	var hits []fangtan.Hit
	counts := map[string]map[string]int{}
	ws := words(q.Text)
	for _, d := range f.docs {
		if !f.matches(d, q) {
			continue
		}
		count(counts, "official", officialNames(d)...)
		count(counts, "city", d.Places.Cities...)
		count(counts, "province", d.Places.Provinces...)
		count(counts, "theme", d.Themes...)
		count(counts, "source", d.Source)
		count(counts, "year", d.Year())
		h := fangtan.Hit{ID: d.ID, File: d.File, Title: d.Title, Authors: d.Authors, Date: d.Date, Source: d.Source, URL: d.URL,
			Officials: d.Officials, Cities: d.Places.Cities, Provinces: d.Places.Provinces,
			Districts: d.Places.Districts, Themes: d.Themes, Score: 1, Reprints: f.reprints[d.ID]}
		for _, p := range d.Paragraphs {
			for _, w := range ws {
				if strings.Contains(p, w) {
					frag := highlight(p, ws)
					if f.badHighlight {
						frag = p // raw text: breaks the contract
					}
					h.Fragments = append(h.Fragments, frag)
					break
				}
			}
		}
		hits = append(hits, h)
	}
	if q.Sort == "date" {
		sort.SliceStable(hits, func(i, j int) bool { return hits[i].Date > hits[j].Date })
	}
	tl := &fangtan.Timeline{Unit: "year", Buckets: []fangtan.Bucket{}}
	years := map[string]int{}
	for _, h := range hits {
		if len(h.Date) >= 4 {
			years[h.Date[:4]]++
		} else {
			tl.Undated++
		}
	}
	for y := 2020; y <= 2023 && len(years) > 0; y++ {
		tl.Buckets = append(tl.Buckets, fangtan.Bucket{Period: fmt.Sprint(y), Count: years[fmt.Sprint(y)]})
	}
	total := len(hits)
	size := q.Size
	if size == 0 {
		size = 10
	}
	hits = hits[min(q.From, total):min(q.From+size, total)]
	return &fangtan.Result{Query: q.Text, Total: uint64(total), TookMs: 0.5, Hits: hits, Facets: facetsOf(counts), Timeline: tl}, nil
}

func (f *fakeSearcher) SearchQuotes(ctx context.Context, q fangtan.Query) (*fangtan.QuoteResult, error) {
	f.searches.Add(1)
	if err := f.check(ctx, q.Text); err != nil {
		return nil, err
	}
	ws := words(q.Text)
	res := &fangtan.QuoteResult{Query: q.Text, Hits: []fangtan.QuoteHit{}}
	counts := map[string]map[string]int{}
	for _, d := range f.docs {
		for i, qu := range d.Quotes {
			ok := true
			for _, w := range ws {
				ok = ok && strings.Contains(qu.Text, w)
			}
			kind := qu.Kind
			if kind == "" {
				kind = fangtan.QuoteDirect
			}
			if !ok || !anyIn(q.Speakers, []string{qu.Speaker}) || q.Kind != "" && string(kind) != q.Kind {
				continue
			}
			if q.DateFrom != "" && d.Date < q.DateFrom || q.DateTo != "" && d.Date > q.DateTo+"\uffff" {
				continue
			}
			count(counts, "speaker", qu.Speaker)
			res.Total++
			hit := d.QuoteHit(i)
			hit.Kind, hit.Fragments = kind, []string{highlight(qu.Text, ws)}
			res.Hits = append(res.Hits, hit)
		}
	}
	switch q.Sort {
	case "date":
		sort.SliceStable(res.Hits, func(i, j int) bool { return res.Hits[i].Date > res.Hits[j].Date })
	case "oldest":
		sort.SliceStable(res.Hits, func(i, j int) bool { return res.Hits[i].Date < res.Hits[j].Date })
	}
	size := q.Size
	if size == 0 {
		size = 10
	}
	res.Hits = res.Hits[min(q.From, len(res.Hits)):min(q.From+size, len(res.Hits))]
	res.Facets = facetsOf(counts)
	return res, nil
}

func (f *fakeSearcher) Document(ctx context.Context, id, query string) (*fangtan.DocumentView, error) {
	if err := f.check(ctx, query); err != nil {
		return nil, err
	}
	for _, d := range f.docs {
		if d.ID == id {
			v := &fangtan.DocumentView{Document: d}
			if query != "" {
				for _, p := range d.Paragraphs {
					v.Highlighted = append(v.Highlighted, highlight(p, words(query)))
				}
			}
			return v, nil
		}
	}
	return nil, fmt.Errorf("document %q: %w", id, fangtan.ErrNotFound)
}

func (f *fakeSearcher) Suggest(ctx context.Context, prefix string, limit int) ([]fangtan.Suggestion, error) {
	seen := map[string]bool{}
	var out []fangtan.Suggestion
	add := func(v, kind string) {
		if strings.HasPrefix(v, prefix) && !seen[kind+v] && len(out) < limit {
			seen[kind+v] = true
			out = append(out, fangtan.Suggestion{Value: v, Kind: kind, Count: 1})
		}
	}
	for _, d := range f.docs {
		for _, o := range d.Officials {
			add(o.Name, "official")
		}
		for _, c := range d.Places.Cities {
			add(c, "place")
		}
		for _, t := range d.Themes {
			add(t, "theme")
		}
		for _, q := range d.Quotes {
			add(q.Speaker, "speaker")
		}
	}
	return out, nil
}

func doc(id, title, date, source string, officials []fangtan.Official, cities, provinces, themes []string, paras ...string) fangtan.Document {
	return fangtan.Document{ID: id, File: id + ".txt", Title: title, Date: date, Source: source,
		URL: "https://example.org/" + id, Officials: officials,
		Places: fangtan.Places{Cities: cities, Provinces: provinces}, Themes: themes,
		Paragraphs: paras, Text: strings.Join(paras, "\n")}
}

// newFake returns a fake holding a handful of articles in both scripts,
// a split page, and one hostile article.
func newFake() *fakeSearcher {
	liu := fangtan.Official{Name: "刘振华", Title: "太原市委常委、小店区委书记", Subject: true}
	li := fangtan.Official{Name: "李慧", Title: "区长"}
	a := doc("a1", "事业是拼出来的", "2021-07-02", "光明日报", []fangtan.Official{li, liu},
		[]string{"太原市"}, []string{"山西省"}, []string{"转型发展"},
		"刘振华坚持转型发展。", "“把为老百姓做了多少好事实事作为检验政绩的重要标准。”刘振华说。")
	a.Quotes = []fangtan.Quote{{Text: "把为老百姓做了多少好事实事作为检验政绩的重要标准。", Speaker: "刘振华", SpeakerTitle: "区委书记", Paragraph: 1},
		{Text: "转型发展要久久为功", Speaker: "刘振华", SpeakerTitle: "区委书记", Kind: fangtan.QuoteReported, Paragraph: 0}}
	// b1-1 names 李慧 without her post, which the registry knows.
	liNamed := li
	liNamed.Inferred = true
	b := doc("b1-1", "乡村振兴在小店", "2022-03-01", "人民日报", []fangtan.Official{liNamed},
		[]string{"太原市"}, []string{"山西省"}, []string{"乡村振兴"},
		"李慧谈乡村振兴与转型发展。")
	b.Part, b.Siblings = 1, []string{"b1-2"}
	c := doc("b1-2", "第二篇:办实事", "2022-03-01", "人民日报", nil,
		[]string{"大同市"}, []string{"山西省"}, []string{"办实事"},
		"为群众办实事。")
	c.Part, c.Siblings = 2, []string{"b1-1"}
	d := doc("t1", "香港訪談", "2020-01-05", "香港01", nil,
		[]string{"香港"}, nil, []string{"民生"},
		"這是繁體中文的訪談。")
	evil := doc("evil", `<script>window.__xss=1</script>壞標題`, "2023-01-01", `<b>source</b>`,
		[]fangtan.Official{{Name: `<img src=x onerror="window.__xss=2">`, Title: "<i>t</i>"}},
		[]string{"太原市"}, nil, []string{"<svg onload=alert(1)>"},
		`正文<script>window.__xss=3</script>`, `<img src=x onerror="window.__xss=4">图片`)
	evil.URL = "javascript:window.__xss=5"
	evil.Quotes = []fangtan.Quote{{Text: `<script>window.__xss=6</script>`, Speaker: `<b onclick=x>某人</b>`, Paragraph: 0},
		{Text: `=HYPERLINK("http://x","公式")`, Speaker: "@某人", SpeakerTitle: "+1", Paragraph: 1}}
	return &fakeSearcher{docs: []fangtan.Document{a, b, c, d, evil}}
}

func discardLogger() *slog.Logger { return slog.New(slog.NewTextHandler(io.Discard, nil)) }

// KWIC lists every occurrence of the query's words in the matching
// documents' paragraphs.
func (f *fakeSearcher) KWIC(ctx context.Context, q fangtan.Query, width int) (*fangtan.KWICResult, error) {
	if err := f.check(ctx, q.Text); err != nil {
		return nil, err
	}
	ws := words(q.Text)
	for _, w := range ws {
		if len([]rune(w)) < 2 {
			return nil, &fangtan.MessageError{Kind: fangtan.ErrBadQuery, Format: "%q at character %d: keyword in context needs words or phrases of at least two characters", Args: []any{w, 1}}
		}
	}
	if len(ws) == 0 {
		return nil, fmt.Errorf("%w: keyword in context needs a word", fangtan.ErrBadQuery)
	}
	res := &fangtan.KWICResult{Query: q.Text, Lines: []fangtan.KWICLine{}}
	for _, d := range f.docs {
		if !f.matches(d, q) {
			continue
		}
		res.Documents++
		for pi, p := range d.Paragraphs {
			for _, w := range ws {
				for off := 0; ; {
					i := strings.Index(p[off:], w)
					if i < 0 {
						break
					}
					s, e := off+i, off+i+len(w)
					l, r := []rune(p[:s]), []rune(p[e:])
					res.Lines = append(res.Lines, fangtan.KWICLine{DocID: d.ID, Title: d.Title, Date: d.Date, Source: d.Source,
						Paragraph: pi + 1, Left: string(l[max(0, len(l)-width):]), Match: w, Right: string(r[:min(len(r), width)])})
					off = e
				}
			}
		}
	}
	return res, nil
}

func (f *fakeSearcher) Official(ctx context.Context, name string) (*fangtan.OfficialProfile, error) {
	p := &fangtan.OfficialProfile{Name: name, Posts: []fangtan.Post{}, Timeline: &fangtan.Timeline{Unit: "year"}}
	counts := map[string]map[string]int{}
	years := map[string]int{}
	for _, d := range f.docs {
		for _, o := range d.Officials {
			if o.Name != name {
				continue
			}
			p.Articles++
			years[d.Year()]++
			p.Posts = append(p.Posts, fangtan.Post{Title: o.Title, Articles: 1, First: d.Year(), Last: d.Year()})
			count(counts, "official", officialNames(d)...)
			count(counts, "city", d.Places.Cities...)
			count(counts, "theme", d.Themes...)
		}
		for _, q := range d.Quotes {
			if q.Speaker == name {
				p.Quotes++
			}
		}
	}
	if p.Articles == 0 {
		return nil, fmt.Errorf("official %q: %w", name, fangtan.ErrNotFound)
	}
	for _, y := range []string{"2020", "2021", "2022", "2023"} {
		p.Timeline.Buckets = append(p.Timeline.Buckets, fangtan.Bucket{Period: y, Count: years[y]})
	}
	fc := facetsOf(counts)
	for _, v := range fc["official"] {
		if v.Value != name {
			p.Officials = append(p.Officials, v)
		}
	}
	p.Places, p.Themes = fc["city"], fc["theme"]
	return p, nil
}

func (f *fakeSearcher) Overview(ctx context.Context) (*fangtan.Overview, error) {
	o := &fangtan.Overview{First: "2020-01-05", Last: "2023-01-01"}
	counts := map[string]map[string]int{}
	for _, d := range f.docs {
		o.Articles++
		o.Quotes += uint64(len(d.Quotes))
		count(counts, "source", d.Source)
		count(counts, "official", officialNames(d)...)
		count(counts, "theme", d.Themes...)
	}
	fc := facetsOf(counts)
	o.Sources, o.Officials, o.Themes = fc["source"], fc["official"], fc["theme"]
	return o, nil
}

// Export implements fangtan.Searcher with one Search of limit hits.
func (f *fakeSearcher) Export(ctx context.Context, q fangtan.Query, limit int, start func(uint64) error, emit func(fangtan.Hit) error) error {
	q.From, q.Size = 0, limit
	res, err := f.Search(ctx, q)
	if err != nil {
		return err
	}
	if err := start(res.Total); err != nil {
		return err
	}
	for _, h := range res.Hits {
		if err := emit(h); err != nil {
			return err
		}
	}
	return nil
}
