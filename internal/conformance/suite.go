package conformance

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"runtime/debug"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"
	"unicode"
	"unicode/utf8"

	"fangtan"
	"fangtan/analyzer"
)

// Run runs the suite on the sample corpus and on the head of xwlb (that
// part skips when the corpus is absent), each built once with open.
func Run(t *testing.T, open Open) {
	t.Run("sample", func(t *testing.T) {
		docs := SampleDocs(t)
		RunCorpus(t, docs, open(t, docs), 20)
	})
	t.Run("xwlb", func(t *testing.T) {
		docs := XWLBDocs(t)
		RunCorpus(t, docs, open(t, docs), 12)
	})
	t.Run("registry withdraws unheld posts", func(t *testing.T) { registryWithdraws(t, open) })
	t.Run("reprints", func(t *testing.T) { reprints(t, open) })
	t.Run("versions", func(t *testing.T) { versions(t, open) })
	t.Run("edited versions", func(t *testing.T) { editedVersions(t, open) })
	t.Run("quote fragments rank below statements", func(t *testing.T) { quoteFragments(t, open) })
	t.Run("a name ranks who speaks above who is listed", func(t *testing.T) { whoSpeaks(t, open) })
	t.Run("a short name is the whole name's person", func(t *testing.T) { wholeNames(t, open) })
}

// wholeNames: an official written by part of a whole name that another
// article gives with the same post (夏巴兹 of 夏巴兹·谢里夫) is listed, and
// speaks, by the whole name once the build's registry pass has run, and a
// filter or a profile asked with either name finds both articles.
func wholeNames(t *testing.T, open Open) {
	ctx := context.Background()
	var docs []fangtan.Document
	for i, text := range []string{
		"巴基斯坦总理夏巴兹·谢里夫会见中国代表团。",
		"巴基斯坦总理夏巴兹表示，将深化两国合作。",
	} {
		id := fmt.Sprintf("whole-%d", i)
		docs = append(docs, fangtan.Document{ID: id, File: id + ".txt", Title: "新闻", Text: text, Paragraphs: []string{text}, Date: fmt.Sprintf("2023-0%d-01", i+1), Source: "测试"})
	}
	s := open(t, docs)
	res, err := s.Search(ctx, fangtan.Query{Sources: []string{"测试"}, FacetSize: 100})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]int{}
	for _, fc := range res.Facets["official"] {
		got[fc.Value] = fc.Count
	}
	if got["夏巴兹·谢里夫"] != 2 || got["夏巴兹"] != 0 {
		t.Errorf("official facet %v: want 夏巴兹·谢里夫 in 2 articles, no 夏巴兹", got)
	}
	for _, name := range []string{"夏巴兹", "夏巴兹·谢里夫"} {
		if res, err := s.Search(ctx, fangtan.Query{Officials: []string{name}}); err != nil || res.Total != 2 {
			t.Errorf("official=%s: %v, %+v; want both articles", name, err, res)
		}
		qs, err := s.SearchQuotes(ctx, fangtan.Query{Speakers: []string{name}})
		if err != nil || qs.Total != 1 || qs.Hits[0].Speaker != "夏巴兹·谢里夫" {
			t.Errorf("speaker=%s: %v, %+v; want the one statement, by 夏巴兹·谢里夫", name, err, qs)
		}
		p, err := s.Official(ctx, name)
		if err != nil || p.Articles != 2 || p.Quotes != 1 || len(p.Posts) != 1 || p.Posts[0].Articles != 2 || slices.ContainsFunc(p.Officials, func(o fangtan.FacetCount) bool { return strings.HasPrefix(o.Value, "夏巴兹") }) {
			t.Errorf("profile of %s: %v, %+v; want 2 articles, 1 quote, one post in both, not himself beside him", name, err, p)
		}
	}
}

// registryWithdraws: a person every article gives only a shared post
// written alone (主席李嘉诚), in enough articles for the registry to judge,
// is no official once the build's registry pass has run; they are still
// found by name. A group of companies' post (长和系主席) is no official's
// at extraction already. A lone post whose sentence names a public body
// (立法会财委会…主席陈健波) keeps its official.
func registryWithdraws(t *testing.T, open Open) {
	var docs []fangtan.Document
	for i, text := range []string{
		"长和系主席李嘉诚今日出席股东大会。",
		"业绩会上，主席李嘉诚宣布派息。",
		"主席李嘉诚表示，对业绩满意。",
		"立法会财委会今日开会，主席陈健波宣布暂停会议。",
	} {
		id := fmt.Sprintf("registry-%d", i)
		docs = append(docs, fangtan.Document{ID: id, File: id + ".txt", Title: "新闻", Text: text, Paragraphs: []string{text}, Date: "2017-03-01", Source: "测试"})
	}
	s := open(t, docs)
	res, err := s.Search(context.Background(), fangtan.Query{Sources: []string{"测试"}, FacetSize: 100})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]int{}
	for _, fc := range res.Facets["official"] {
		got[fc.Value] = fc.Count
	}
	if got["李嘉诚"] != 0 || got["陈健波"] != 1 {
		t.Errorf("official facet %v: want no 李嘉诚, 陈健波 in 1 article", got)
	}
	if res, err := s.Search(context.Background(), fangtan.Query{Text: "李嘉诚"}); err != nil || res.Total != 3 {
		t.Errorf("search 李嘉诚: %v, %+v; want the 3 articles", err, res)
	}
}

// RunCorpus checks s, an index of docs, with perLength random quoted
// substrings of each length (1, 2, 3 and 5 characters) drawn from docs.
func RunCorpus(t *testing.T, docs []fangtan.Document, s fangtan.Searcher, perLength int) {
	c := newChecker(t, docs, s)
	phrases := Phrases(docs, perLength)
	t.Run("exact substrings", func(t *testing.T) { c.exactSubstrings(t, phrases) })
	t.Run("traditional equals simplified", func(t *testing.T) { c.traditional(t, phrases) })
	t.Run("highlighting", func(t *testing.T) { c.highlighting(t, phrases) })
	t.Run("facets agree with filters", func(t *testing.T) { c.facets(t, phrases) })
	t.Run("quotes with speakers", func(t *testing.T) { c.quotes(t) })
	t.Run("malformed queries", func(t *testing.T) { c.malformed(t) })
	t.Run("hostile input", func(t *testing.T) { c.hostile(t) })
}

// Norm is the text exact matching sees: folded to Simplified and half
// width, lower case, letters and digits only (docs/design.md, "exact").
func Norm(s string) string {
	var b strings.Builder
	for _, r := range analyzer.Fold(s) {
		if unicode.IsLetter(r) || unicode.IsNumber(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

var trad struct {
	once sync.Once
	m    map[rune]rune
}

// Traditional writes s with a Traditional form for every character that
// has one: the inverse of the fold's character table (the lowest code
// point when several fold to the same character), so the result always
// folds back to s's fold.
func Traditional(s string) string {
	trad.once.Do(func() {
		trad.m = map[rune]rune{}
		for r := rune(0x3400); r <= 0x9FFF; r++ {
			f := []rune(analyzer.Fold(string(r)))
			if len(f) == 1 && f[0] != r {
				if _, ok := trad.m[f[0]]; !ok {
					trad.m[f[0]] = r
				}
			}
		}
	})
	rs := []rune(s)
	for i, r := range rs {
		if t, ok := trad.m[r]; ok {
			rs[i] = t
		}
	}
	return string(rs)
}

// Phrases are the quoted queries of the exact-substring property: n random
// substrings of each length 1, 2, 3 and 5 from the documents' texts
// (deterministic), a few that cross from one document into the next (in no
// document unless by chance), and fixed ones with punctuation inside.
func Phrases(docs []fangtan.Document, n int) []string {
	rng := rand.New(rand.NewPCG(13, uint64(len(docs))))
	norms := make([][]rune, 0, len(docs))
	for _, d := range docs {
		if rs := []rune(Norm(d.Text)); len(rs) >= 10 {
			norms = append(norms, rs)
		}
	}
	var out []string
	seen := map[string]bool{}
	add := func(p string) {
		if !seen[p] && Norm(p) != "" {
			seen[p] = true
			out = append(out, p)
		}
	}
	for _, length := range []int{1, 2, 3, 5} {
		for range n {
			rs := norms[rng.IntN(len(norms))]
			at := rng.IntN(len(rs) - length)
			add(string(rs[at : at+length]))
		}
	}
	for i := 0; i+1 < len(norms) && i < 3; i++ {
		a, b := norms[i], norms[i+1]
		add(string(a[len(a)-3:]) + string(b[:3]))
	}
	for _, p := range []string{"人民共和国", "办实事", "辦實事", "办，实事", "办 实事", "习近平", "發展", "gdp", "ＧＤＰ", "2021"} {
		add(p)
	}
	return out
}

type checker struct {
	docs  []fangtan.Document
	byID  map[string]*fangtan.Document
	norms map[string][2]string // id → Norm(title), Norm(text)
	s     fangtan.Searcher
}

func newChecker(t *testing.T, docs []fangtan.Document, s fangtan.Searcher) *checker {
	c := &checker{docs: docs, byID: map[string]*fangtan.Document{}, norms: map[string][2]string{}, s: s}
	for i := range docs {
		d := &docs[i]
		if _, dup := c.byID[d.ID]; dup {
			t.Fatalf("two documents have the id %s", d.ID)
		}
		c.byID[d.ID] = d
		c.norms[d.ID] = [2]string{Norm(d.Title), Norm(d.Text)}
	}
	return c
}

// want is the ids of the documents whose title or text contains phrase,
// as exact matching sees them, sorted.
func (c *checker) want(phrase string) []string {
	p := Norm(phrase)
	out := []string{}
	for _, d := range c.docs {
		n := c.norms[d.ID]
		if strings.Contains(n[0], p) || strings.Contains(n[1], p) {
			out = append(out, d.ID)
		}
	}
	sort.Strings(out)
	return out
}

// IDs is every document a query matches, sorted, through Export, with the
// total the search reported.
func IDs(ctx context.Context, s fangtan.Searcher, q fangtan.Query, limit int) (ids []string, total uint64, err error) {
	ids = []string{}
	err = guard(func() error {
		return s.Export(ctx, q, max(limit, 1), func(n uint64) error { total = n; return nil },
			func(h fangtan.Hit) error { ids = append(ids, h.ID); return nil })
	})
	sort.Strings(ids)
	return ids, total, err
}

// guard turns a panic into an error, so one bad query fails its case
// rather than the test binary.
func guard(f func() error) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("panic: %v\n%s", r, debug.Stack())
		}
	}()
	return f()
}

func quoted(p string) string { return `"` + p + `"` }

func diff(got, want []string) string {
	var missing, extra []string
	for _, id := range want {
		if _, ok := slices.BinarySearch(got, id); !ok {
			missing = append(missing, id)
		}
	}
	for _, id := range got {
		if _, ok := slices.BinarySearch(want, id); !ok {
			extra = append(extra, id)
		}
	}
	short := func(s []string) []string { return s[:min(len(s), 5)] }
	return fmt.Sprintf("%d hits, want %d; missing %d %v, extra %d %v", len(got), len(want), len(missing), short(missing), len(extra), short(extra))
}

func (c *checker) exactSubstrings(t *testing.T, phrases []string) {
	ctx := context.Background()
	multi := 0
	for _, p := range phrases {
		want := c.want(p)
		if len(want) > 1 {
			multi++
		}
		got, total, err := IDs(ctx, c.s, fangtan.Query{Text: quoted(p)}, len(c.docs))
		if err != nil {
			t.Errorf("%s: %v", quoted(p), err)
			continue
		}
		if !slices.Equal(got, want) {
			t.Errorf("%s (%d characters): %s", quoted(p), utf8.RuneCountInString(Norm(p)), diff(got, want))
		}
		if total != uint64(len(got)) {
			t.Errorf("%s: total %d, but %d hits", quoted(p), total, len(got))
		}
	}
	if multi < len(phrases)/5 {
		t.Errorf("only %d of %d phrases occur in several documents: the property says little about precision", multi, len(phrases))
	}
}

func (c *checker) traditional(t *testing.T, phrases []string) {
	ctx := context.Background()
	changed := 0
	for _, p := range phrases {
		tp := Traditional(p)
		if tp == p {
			continue
		}
		changed++
		simp, _, err1 := IDs(ctx, c.s, fangtan.Query{Text: quoted(p)}, len(c.docs))
		tr, _, err2 := IDs(ctx, c.s, fangtan.Query{Text: quoted(tp)}, len(c.docs))
		if err := errors.Join(err1, err2); err != nil {
			t.Errorf("%s / %s: %v", p, tp, err)
			continue
		}
		if !slices.Equal(tr, simp) {
			t.Errorf("%s gives other documents than %s: %s", quoted(tp), quoted(p), diff(tr, simp))
		}
		if want := c.want(tp); !slices.Equal(tr, want) {
			t.Errorf("%s: %s", quoted(tp), diff(tr, want))
		}
		// Unquoted, as words: the same documents either way too.
		ws, _, err1 := IDs(ctx, c.s, fangtan.Query{Text: p}, len(c.docs))
		wt, _, err2 := IDs(ctx, c.s, fangtan.Query{Text: tp}, len(c.docs))
		if err := errors.Join(err1, err2); err != nil {
			t.Errorf("%s / %s as words: %v", p, tp, err)
		} else if !slices.Equal(wt, ws) {
			t.Errorf("%s as words gives other documents than %s: %s", tp, p, diff(wt, ws))
		}
	}
	if changed < 5 {
		t.Errorf("only %d phrases have a Traditional form: the check says little", changed)
	}
}

// highlighting: a quoted phrase is marked as whole occurrences. Every span
// of every snippet is an occurrence of the phrase (punctuation inside it
// aside), and a hit whose text contains the phrase shows at least one.
func (c *checker) highlighting(t *testing.T, phrases []string) {
	ctx := context.Background()
	marked := 0
	for _, p := range phrases {
		var res *fangtan.Result
		err := guard(func() (err error) { res, err = c.s.Search(ctx, fangtan.Query{Text: quoted(p), Size: 10}); return })
		if err != nil {
			t.Errorf("%s: %v", quoted(p), err)
			continue
		}
		for _, h := range res.Hits {
			spans := 0
			for _, sn := range h.Snippets {
				for _, sp := range sn.Spans {
					if sp.Start < 0 || sp.End > len(sn.Text) || sp.Start >= sp.End ||
						!utf8.RuneStart(sn.Text[sp.Start]) || (sp.End < len(sn.Text) && !utf8.RuneStart(sn.Text[sp.End])) {
						t.Errorf("%s: hit %s: span [%d,%d) is not a run of characters of a %d-byte snippet", quoted(p), h.ID, sp.Start, sp.End, len(sn.Text))
						continue
					}
					spans++
					if got := Norm(sn.Text[sp.Start:sp.End]); got != Norm(p) {
						t.Errorf("%s: hit %s marks %q", quoted(p), h.ID, sn.Text[sp.Start:sp.End])
					}
				}
			}
			if spans > 0 {
				marked++
			}
			if d := c.byID[h.ID]; d != nil && spans == 0 && strings.Contains(c.norms[d.ID][1], Norm(p)) {
				t.Errorf("%s: hit %s contains it in its text but its snippets mark nothing: %q", quoted(p), h.ID, h.Fragments)
			}
		}
	}
	if marked == 0 {
		t.Error("no hit of any phrase was highlighted")
	}
}

// articleFacets are the listed facets of article search, by name.
func articleFacets() []fangtan.Facet {
	var out []fangtan.Facet
	for _, f := range fangtan.Facets {
		if f.Scope == fangtan.ArticleFacet && f.Listed {
			out = append(out, f)
		}
	}
	return out
}

// facets: filtering by a facet value of a result gives exactly the count
// shown beside it, and excluding it gives the rest.
func (c *checker) facets(t *testing.T, phrases []string) {
	ctx := context.Background()
	queries := []string{quoted(phrases[0]), phrases[len(phrases)/3], quoted(phrases[len(phrases)/2])}
	checked := 0
	for _, text := range queries {
		base := fangtan.Query{Text: text, FacetSize: 1000}
		var res *fangtan.Result
		if err := guard(func() (err error) { res, err = c.s.Search(ctx, base); return }); err != nil {
			t.Errorf("%q: %v", text, err)
			continue
		}
		for _, f := range articleFacets() {
			counts, ok := res.Facets[f.Name]
			if !ok {
				t.Errorf("%q: no %s facet in the result", text, f.Name)
				continue
			}
			sum := 0
			for i, fc := range counts {
				sum += fc.Count
				if fc.Count <= 0 || uint64(fc.Count) > res.Total {
					t.Errorf("%q: %s %s counts %d of %d hits", text, f.Name, fc.Value, fc.Count, res.Total)
				}
				if analyzer.Fold(fc.Value) != fc.Value {
					t.Errorf("%q: %s value %q is not folded", text, f.Name, fc.Value)
				}
				// The top three and the last: filtering every value of
				// every facet would take minutes on xwlb.
				if i >= 3 && i != len(counts)-1 {
					continue
				}
				q := base
				q.FacetSize = 0
				q.Size = 1
				*f.Filter(&q) = []string{fc.Value}
				var got *fangtan.Result
				if err := guard(func() (err error) { got, err = c.s.Search(ctx, q); return }); err != nil {
					t.Errorf("%q %s:%s: %v", text, f.Name, fc.Value, err)
					continue
				}
				checked++
				if got.Total != uint64(fc.Count) {
					t.Errorf("%q %s:%s: the facet says %d, the filter finds %d", text, f.Name, fc.Value, fc.Count, got.Total)
				}
				q = base
				q.FacetSize, q.Size = 0, 1
				q.Excludes = map[string][]string{f.Name: {fc.Value}}
				if err := guard(func() (err error) { got, err = c.s.Search(ctx, q); return }); err != nil {
					t.Errorf("%q not %s:%s: %v", text, f.Name, fc.Value, err)
					continue
				}
				if got.Total != res.Total-uint64(fc.Count) {
					t.Errorf("%q without %s:%s: %d, want %d - %d", text, f.Name, fc.Value, got.Total, res.Total, fc.Count)
				}
			}
			if f.Name == "year" && uint64(sum) != res.Total {
				// Every article has exactly one year, or "undated".
				t.Errorf("%q: %s counts sum to %d, total %d", text, f.Name, sum, res.Total)
			}
		}
	}
	if checked < 10 {
		t.Errorf("only %d facet values checked", checked)
	}
}

// quotes: a speaker's quotes are theirs, counted as the facet says, and
// every quote's text is in its article. Each kind of quote (direct,
// reported) is its own listing: a query needs something to search for.
func (c *checker) quotes(t *testing.T) {
	for _, kind := range []fangtan.QuoteKind{fangtan.QuoteDirect, fangtan.QuoteReported} {
		t.Run(string(kind), func(t *testing.T) { c.quotesOfKind(t, kind) })
	}
}

func (c *checker) quotesOfKind(t *testing.T, kind fangtan.QuoteKind) {
	ctx := context.Background()
	var all *fangtan.QuoteResult
	if err := guard(func() (err error) {
		all, err = c.s.SearchQuotes(ctx, fangtan.Query{Kind: string(kind), FacetSize: 1000, Size: 100})
		return
	}); err != nil {
		t.Fatalf("all %s quotes: %v", kind, err)
	}
	if all.Total == 0 || len(all.Facets["speaker"]) == 0 {
		t.Fatalf("no %s quotes with speakers in %d documents", kind, len(c.docs))
	}
	for _, h := range all.Hits {
		if h.Kind != kind {
			t.Errorf("%s quotes: quote %s is %s", kind, h.ID, h.Kind)
		}
		c.checkQuoteHit(t, string(kind)+" quotes", h)
	}
	speakers := all.Facets["speaker"]
	for i, fc := range speakers {
		if i >= 5 && i != len(speakers)-1 {
			continue
		}
		var res *fangtan.QuoteResult
		q := fangtan.Query{Kind: string(kind), Speakers: []string{fc.Value}, Size: 100}
		if err := guard(func() (err error) { res, err = c.s.SearchQuotes(ctx, q); return }); err != nil {
			t.Errorf("speaker %s: %v", fc.Value, err)
			continue
		}
		if res.Total != uint64(fc.Count) {
			t.Errorf("speaker %s: the facet says %d quotes, the filter finds %d", fc.Value, fc.Count, res.Total)
		}
		for _, h := range res.Hits {
			if h.Speaker != fc.Value {
				t.Errorf("speaker %s: quote %s is %q's", fc.Value, h.ID, h.Speaker)
			}
			c.checkQuoteHit(t, "speaker "+fc.Value, h)
		}
		// The query language's speaker: filter, in Traditional too.
		for _, text := range []string{"speaker:" + quoted(fc.Value), "speaker:" + quoted(Traditional(fc.Value))} {
			var res2 *fangtan.QuoteResult
			if err := guard(func() (err error) {
				res2, err = c.s.SearchQuotes(ctx, fangtan.Query{Text: text, Kind: string(kind)})
				return
			}); err != nil {
				t.Errorf("%s: %v", text, err)
			} else if res2.Total != res.Total {
				t.Errorf("%s: %d quotes, the filter found %d", text, res2.Total, res.Total)
			}
		}
	}
	// A phrase from a quote finds that quote, and only quotes holding it.
	for i, h := range all.Hits {
		if i >= 10 {
			break
		}
		rs := []rune(Norm(h.Text))
		if len(rs) < 4 {
			continue
		}
		p := string(rs[len(rs)/2-2 : len(rs)/2+2])
		var res *fangtan.QuoteResult
		if err := guard(func() (err error) {
			res, err = c.s.SearchQuotes(ctx, fangtan.Query{Text: quoted(p), Kind: string(kind), Size: 100})
			return
		}); err != nil {
			t.Errorf("quotes %s: %v", quoted(p), err)
			continue
		}
		found := false
		for _, r := range res.Hits {
			found = found || r.ID == h.ID
			if !strings.Contains(Norm(r.Text), p) {
				t.Errorf("quotes %s: quote %s %q does not hold it", quoted(p), r.ID, r.Text)
			}
		}
		if !found && res.Total <= 100 {
			t.Errorf("quotes %s: quote %s, which holds it, is not found", quoted(p), h.ID)
		}
	}
}

func (c *checker) checkQuoteHit(t *testing.T, what string, h fangtan.QuoteHit) {
	if h.Kind != fangtan.QuoteDirect && h.Kind != fangtan.QuoteReported {
		t.Errorf("%s: quote %s has kind %q", what, h.ID, h.Kind)
	}
	d := c.byID[h.DocID]
	if d == nil {
		t.Errorf("%s: quote %s names article %q, which was not indexed", what, h.ID, h.DocID)
		return
	}
	if !strings.Contains(c.norms[d.ID][1], Norm(h.Text)) && !strings.Contains(c.norms[d.ID][0], Norm(h.Text)) {
		t.Errorf("%s: quote %s %q is not in article %s", what, h.ID, h.Text, d.ID)
	}
}

// Malformed are queries every backend must refuse as fangtan.ErrBadQuery.
var Malformed = []fangtan.Query{
	{Text: ""},
	{Text: "  　"},
	{Text: `"办实事`},
	{Text: `办实事 "`},
	{Text: `-`},
	{Text: `""`},
	{Text: `"，。！"`},
	{Text: `nosuchfield:x`},
	{Text: `city:`},
	{Text: `year:21`},
	{Text: `NOT`},
	{Text: `OR 办实事`},
	{Text: `办实事 OR`},
	{Text: `办实事 OR -城`},
	{Text: `date:2021-13`},
	{Text: `date:2022..2021`},
	{Text: `date:..`},
	{Text: strings.Repeat("城 ", 60)},
	{Text: "城", Size: 100000},
	{Text: "城", Sort: "sideways"},
	{Text: "城", Excludes: map[string][]string{"nosuchfacet": {"x"}}},
}

func (c *checker) malformed(t *testing.T) {
	ctx := context.Background()
	for _, q := range Malformed {
		t.Run(fmt.Sprintf("%.40q", q.Text), func(t *testing.T) {
			err := guard(func() error { _, err := c.s.Search(ctx, q); return err })
			if !errors.Is(err, fangtan.ErrBadQuery) {
				t.Errorf("Search(%+v): err = %v, want a bad query", q, err)
			}
			if err != nil && strings.Contains(err.Error(), "panic") {
				t.Errorf("Search(%+v) panicked: %v", q, err)
			}
		})
	}
	for _, text := range []string{`"办实事`, `nosuchfield:x`, `""`} {
		err := guard(func() error { _, err := c.s.SearchQuotes(ctx, fangtan.Query{Text: text}); return err })
		if !errors.Is(err, fangtan.ErrBadQuery) {
			t.Errorf("SearchQuotes(%q): err = %v, want a bad query", text, err)
		}
	}
	err := guard(func() error {
		return c.s.Export(ctx, fangtan.Query{Text: "城"}, 0, func(uint64) error { return nil }, func(fangtan.Hit) error { return nil })
	})
	if !errors.Is(err, fangtan.ErrBadQuery) {
		t.Errorf("Export with limit 0: err = %v, want a bad query", err)
	}
}

// Hostile are texts SQL or a query language might take for syntax. As
// words, phrases and filter values they must be searched for like any
// other text: no error but a bad query, and exactly the documents holding
// them.
var Hostile = []string{
	`办实事'`, `'; DROP TABLE articles; --`, `办实事 -- 注释`, `$$ 城 $$`, `$1`, `\`, `\'城`, `城\`, `%_城`, `城; SELECT 1`, `E'\\x00'`, `"城" ) OR 1=1 --`,
}

func (c *checker) hostile(t *testing.T) {
	ctx := context.Background()
	for _, h := range Hostile {
		for _, q := range []fangtan.Query{
			{Text: h},
			{Text: quoted(strings.ReplaceAll(h, `"`, ""))},
			{Text: "城", Cities: []string{h}},
			{Text: "城", Officials: []string{h}, Excludes: map[string][]string{"source": {h}}},
			{Text: `city:"` + strings.ReplaceAll(h, `"`, "") + `"`},
		} {
			ids, total, err := IDs(ctx, c.s, q, len(c.docs))
			if err != nil {
				if !errors.Is(err, fangtan.ErrBadQuery) || strings.Contains(err.Error(), "panic") {
					t.Errorf("%+v: %v", q, err)
				}
				continue
			}
			if total != uint64(len(ids)) {
				t.Errorf("%+v: total %d, %d hits", q, total, len(ids))
			}
			if strings.HasPrefix(q.Text, `"`) && len(q.Cities) == 0 {
				if want := c.want(q.Text); !slices.Equal(ids, want) {
					t.Errorf("%s: %s", q.Text, diff(ids, want))
				}
			}
			if len(q.Cities) > 0 || len(q.Officials) > 0 || strings.HasPrefix(q.Text, "city:") {
				if len(ids) != 0 {
					t.Errorf("%+v: %d hits for a place or official nobody has", q, len(ids))
				}
			}
		}
	}
	if _, err := c.s.SearchQuotes(ctx, fangtan.Query{Text: Hostile[1], Speakers: []string{Hostile[3]}}); err != nil && !errors.Is(err, fangtan.ErrBadQuery) {
		t.Errorf("quotes: %v", err)
	}
	// Everything still there afterwards: the shortest phrases of every
	// document's text find it.
	for _, p := range []string{"的", "国", "人", "是"} {
		want := c.want(p)
		if ids, _, err := IDs(ctx, c.s, fangtan.Query{Text: quoted(p)}, len(c.docs)); err != nil || !slices.Equal(ids, want) {
			t.Errorf("after the hostile queries, %s: %v %s", quoted(p), err, diff(ids, want))
		}
	}
}
