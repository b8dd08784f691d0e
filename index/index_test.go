package index

import (
	"context"
	"encoding/json"
	"errors"
	"math"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"

	"fangtan"
)

// fixtureDocs are hand-made documents with known metadata, so that the
// engine is tested apart from extraction.
func fixtureDocs(t testing.TB) []fangtan.Document {
	t.Helper()
	b, err := os.ReadFile("testdata/docs.json")
	if err != nil {
		t.Fatal(err)
	}
	var docs []fangtan.Document
	if err := json.Unmarshal(b, &docs); err != nil {
		t.Fatal(err)
	}
	for i := range docs {
		docs[i].Text = strings.Join(docs[i].Paragraphs, "\n")
	}
	return docs
}

// distinctCopy returns d under id with a first sentence and a last
// paragraph of its own, so that it is an article rather than a reprint of
// d, and d no version of it (fangtan.Reprint).
func distinctCopy(d fangtan.Document, id string) fangtan.Document {
	d.ID = id
	d.Paragraphs = append(slices.Clip(d.Paragraphs), "本文编号"+id+"。")
	d.Paragraphs[0] = "编号" + id + "：" + d.Paragraphs[0]
	d.Text = strings.Join(d.Paragraphs, "\n")
	return d
}

var fixture struct {
	once sync.Once
	dir  string
	idx  *Index
	err  error
}

// fixtureIndex is the fixture documents' index, built once per test binary
// and only searched.
func fixtureIndex(t testing.TB) *Index {
	t.Helper()
	fixture.once.Do(func() {
		fixture.dir, fixture.err = os.MkdirTemp("", "fangtan-index-test-")
		if fixture.err != nil {
			return
		}
		path := filepath.Join(fixture.dir, "fixture")
		if _, fixture.err = Build(context.Background(), path, DocumentsSource(fixtureDocs(t)), BuildOptions{}); fixture.err != nil {
			return
		}
		fixture.idx, fixture.err = Open(path)
	})
	if fixture.err != nil {
		t.Fatal(fixture.err)
	}
	return fixture.idx
}

func TestMain(m *testing.M) {
	code := m.Run()
	if fixture.idx != nil {
		fixture.idx.Close()
	}
	if sample.idx != nil {
		sample.idx.Close()
	}
	if xwlb.idx != nil {
		xwlb.idx.Close()
		if !xwlb.keep {
			os.RemoveAll(xwlb.idx.Path())
		}
	}
	for _, d := range []string{fixture.dir, sample.dir} {
		if d != "" {
			os.RemoveAll(d)
		}
	}
	os.Exit(code)
}

// searchCase is one line of testdata/search.json.
type searchCase struct {
	Name      string   `json:"name"`
	Q         string   `json:"q"`
	Officials []string `json:"officials"`
	Cities    []string `json:"cities"`
	Years     []string `json:"years"`
	Themes    []string `json:"themes"`
	Sort      string   `json:"sort"`
	IDs       []string `json:"ids"`
	Ordered   bool     `json:"ordered"`
}

func (c searchCase) query() fangtan.Query {
	return fangtan.Query{Text: c.Q, Officials: c.Officials, Cities: c.Cities, Years: c.Years, Themes: c.Themes, Sort: c.Sort, Size: 50}
}

func hitIDs(r *fangtan.Result) []string {
	ids := make([]string, len(r.Hits))
	for i, h := range r.Hits {
		ids[i] = h.ID
	}
	return ids
}

func TestSearchCases(t *testing.T) {
	idx := fixtureIndex(t)
	b, err := os.ReadFile("testdata/search.json")
	if err != nil {
		t.Fatal(err)
	}
	var cases []searchCase
	if err := json.Unmarshal(b, &cases); err != nil {
		t.Fatal(err)
	}
	for _, c := range cases {
		t.Run(c.Name, func(t *testing.T) {
			res, err := idx.Search(context.Background(), c.query())
			if err != nil {
				t.Fatalf("Search(%q): %v", c.Q, err)
			}
			got := hitIDs(res)
			want := slices.Clone(c.IDs)
			if c.Ordered {
				if len(got) > len(want) {
					got = got[:len(want)]
				}
			} else {
				sort.Strings(got)
				sort.Strings(want)
			}
			if !slices.Equal(got, want) {
				t.Errorf("Search(%q) = %v, want %v", c.Q, got, want)
			}
			if !c.Ordered && res.Total != uint64(len(c.IDs)) {
				t.Errorf("Search(%q).Total = %d, want %d", c.Q, res.Total, len(c.IDs))
			}
			for _, h := range res.Hits {
				checkHTML(t, h.Fragments...)
			}
		})
	}
}

// checkHTML asserts that every fragment has balanced, unnested, unsplit
// marks and escaped text.
func checkHTML(t *testing.T, frags ...string) {
	t.Helper()
	for _, f := range frags {
		depth := 0
		rest := f
		for rest != "" {
			switch {
			case strings.HasPrefix(rest, "<mark>"):
				depth++
				rest = rest[len("<mark>"):]
			case strings.HasPrefix(rest, "</mark>"):
				depth--
				rest = rest[len("</mark>"):]
			case rest[0] == '<' || rest[0] == '>':
				t.Errorf("unescaped %q in fragment %q", rest[0], f)
				rest = rest[1:]
			default:
				rest = rest[1:]
			}
			if depth < 0 || depth > 1 {
				t.Fatalf("unbalanced or nested marks in %q", f)
			}
		}
		if depth != 0 {
			t.Errorf("unclosed mark in %q", f)
		}
		if strings.Contains(f, "</mark><mark>") {
			t.Errorf("split mark in %q", f)
		}
	}
}

func TestTraditionalSimplifiedSame(t *testing.T) {
	idx := fixtureIndex(t)
	for _, pair := range [][2]string{
		{"辦實事", "办实事"}, {"丁小強", "丁小强"}, {"official:丁小強", "official:丁小强"},
		{"\"黨史學習教育\"", "\"党史学习教育\""}, {"theme:黨史學習教育", "theme:党史学习教育"}, {"運城", "运城"},
	} {
		a, err := idx.Search(context.Background(), fangtan.Query{Text: pair[0]})
		if err != nil {
			t.Fatal(err)
		}
		b, err := idx.Search(context.Background(), fangtan.Query{Text: pair[1]})
		if err != nil {
			t.Fatal(err)
		}
		if a.Total == 0 || !slices.Equal(hitIDs(a), hitIDs(b)) {
			t.Errorf("%s → %v, %s → %v: want the same, non-empty", pair[0], hitIDs(a), pair[1], hitIDs(b))
		}
	}
}

// TestFacetCounts checks that filtering by any facet value returns exactly
// the count the facet showed, and that values are Simplified.
func TestFacetCounts(t *testing.T) {
	idx := fixtureIndex(t)
	for _, base := range []fangtan.Query{
		{Text: "year:2021"}, {Text: "province:山西 OR province:山东"}, {Text: "转型发展"},
		{Text: "办实事", Cities: []string{"太原"}},
	} {
		res, err := idx.Search(context.Background(), base)
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Facets) != len(articleFacets) {
			t.Errorf("%q: facets %v, want %v", base.Text, res.Facets, articleFacets)
		}
		for name, counts := range res.Facets {
			for i, fc := range counts {
				if i > 0 && (counts[i-1].Count < fc.Count || counts[i-1].Count == fc.Count && counts[i-1].Value > fc.Value) {
					t.Errorf("%s facet not sorted by count then value: %v", name, counts)
				}
				q := base
				switch name {
				case "official":
					q.Officials = []string{fc.Value}
				case "city":
					q.Cities = append(slices.Clone(q.Cities), fc.Value)
					if len(base.Cities) > 0 {
						q.Cities = []string{fc.Value} // replace: OR within a facet would widen it
					}
				case "province":
					q.Provinces = []string{fc.Value}
				case "theme":
					q.Themes = []string{fc.Value}
				case "source":
					q.Sources = []string{fc.Value}
				case "year":
					q.Years = []string{fc.Value}
				}
				got, err := idx.Search(context.Background(), q)
				if err != nil {
					t.Fatal(err)
				}
				if got.Total != uint64(fc.Count) {
					t.Errorf("%q %s=%s: facet said %d, filter gives %d", base.Text, name, fc.Value, fc.Count, got.Total)
				}
			}
		}
	}
	res, err := idx.Search(context.Background(), fangtan.Query{Text: "丁小強"})
	if err != nil {
		t.Fatal(err)
	}
	if got := res.Facets["official"]; len(got) != 1 || got[0] != (fangtan.FacetCount{Value: "丁小强", Count: 1}) {
		t.Errorf("official facet for 丁小強 = %v, want [{丁小强 1}]", got)
	}
	if got := res.Facets["city"]; len(got) != 1 || got[0].Value != "运城市" {
		t.Errorf("city facet for 丁小強 = %v, want 运城市", got)
	}
}

func fragmentsOf(t *testing.T, idx *Index, q, id string) []string {
	t.Helper()
	res, err := idx.Search(context.Background(), fangtan.Query{Text: q})
	if err != nil {
		t.Fatal(err)
	}
	for _, h := range res.Hits {
		if h.ID == id {
			checkHTML(t, h.Fragments...)
			return h.Fragments
		}
	}
	t.Fatalf("%q: no hit %s in %v", q, id, hitIDs(res))
	return nil
}

func TestHighlighting(t *testing.T) {
	idx := fixtureIndex(t)
	for _, c := range []struct {
		q, id    string
		contains []string
		absent   []string
	}{
		{q: "中华人民共和国", id: "a1", contains: []string{"<mark>中华人民共和国</mark>成立"}},
		{q: "人民共和国", id: "a1", contains: []string{"中华<mark>人民共和国</mark>"}},
		{q: "\"口碑是干出来的\"", id: "a1", contains: []string{"<mark>口碑是干出来的</mark>"}, absent: []string{"<mark>口碑</mark>"}},
		{q: "\"拼出来的口碑\"", id: "a1", contains: []string{"<mark>拼出来的,口碑</mark>"}},
		{q: "a&b", id: "a1", contains: []string{"<mark>A&amp;B</mark> &lt;script&gt;x&lt;/script&gt;"}},
		{q: "办实事", id: "a2", contains: []string{"<mark>辦實事</mark>"}},
		{q: "丁小强", id: "a2", contains: []string{"運城市委書記<mark>丁小強</mark>"}},
		{q: "振华", id: "a5", contains: []string{"<mark>振华</mark>路"}},
		{q: "刘振华", id: "a1", contains: []string{"<mark>刘振华</mark>"}, absent: []string{"<mark>刘</mark>"}},
		{q: "city:太原", id: "a1", absent: []string{"<mark>"}},
	} {
		t.Run(c.q, func(t *testing.T) {
			all := strings.Join(fragmentsOf(t, idx, c.q, c.id), "\n")
			for _, s := range c.contains {
				if !strings.Contains(all, s) {
					t.Errorf("fragments %q lack %q", all, s)
				}
			}
			for _, s := range c.absent {
				if strings.Contains(all, s) {
					t.Errorf("fragments %q contain %q", all, s)
				}
			}
		})
	}
}

func TestMalformedQueries(t *testing.T) {
	idx := fixtureIndex(t)
	for _, c := range []struct {
		q    fangtan.Query
		want string
	}{
		{fangtan.Query{Text: `"事业是拼出来的`}, "unbalanced quote: the \" at character 1"},
		{fangtan.Query{Text: `刘振华 “事业`}, "unbalanced quote: the “ at character 5"},
		{fangtan.Query{Text: `foo:bar`}, `unknown field "foo" at character 1`},
		{fangtan.Query{Text: ``}, "empty query"},
		{fangtan.Query{Text: `   `}, "empty query"},
		{fangtan.Query{Text: `-刘振华`}, "only excludes"},
		{fangtan.Query{Text: `date:2021-13`}, "month out of range"},
		{fangtan.Query{Text: `date:abc`}, `"abc" is not a date`},
		{fangtan.Query{Text: `date:2021-12..2021-01`}, "ends before it starts"},
		{fangtan.Query{Text: `year:21`}, "four-digit year"},
		{fangtan.Query{Text: `official:`}, "official: at character 1 needs a value"},
		{fangtan.Query{Text: `OR 李慧`}, "OR at character 1 needs a term before it"},
		{fangtan.Query{Text: `李慧 OR`}, "OR at character 4 needs a term after it"},
		{fangtan.Query{Text: `李慧 OR -刘振华`}, "cannot join an exclusion"},
		{fangtan.Query{Text: `- 李慧`}, "'-' at character 1 excludes nothing"},
		{fangtan.Query{Text: `"，。"`}, "no letters or digits"},
		{fangtan.Query{Text: `speaker:李慧`}, "quote search only"},
		{fangtan.Query{Text: `李慧`, Sort: "popular"}, `sort "popular": use relevance, date or oldest`},
		{fangtan.Query{Text: `李慧`, Size: -1}, "size -1 is negative"},
		{fangtan.Query{Text: `李慧`, Size: 100000}, "more than"},
		{fangtan.Query{Text: `李慧`, From: -5}, "from -5"},
		{fangtan.Query{Text: `李慧`, From: math.MaxInt}, "pages deeper than 10000"},
		{fangtan.Query{Text: `李慧`, Years: []string{"twenty"}}, "four-digit year"},
	} {
		t.Run(c.q.Text, func(t *testing.T) {
			_, err := idx.Search(context.Background(), c.q)
			if err == nil {
				t.Fatalf("Search(%+v) succeeded, want an error containing %q", c.q, c.want)
			}
			if !errors.Is(err, fangtan.ErrBadQuery) {
				t.Errorf("error %v does not wrap ErrBadQuery", err)
			}
			if !strings.Contains(err.Error(), c.want) {
				t.Errorf("error %q, want it to contain %q", err, c.want)
			}
		})
	}
}

func TestQuoteSearch(t *testing.T) {
	idx := fixtureIndex(t)
	for _, c := range []struct {
		q    fangtan.Query
		ids  []string
		frag string
	}{
		{fangtan.Query{Text: "口碑"}, []string{"a1#q0"}, "<mark>口碑</mark>"},
		{fangtan.Query{Text: "辦實事"}, []string{"a2#q0"}, "<mark>辦實事</mark>"},
		{fangtan.Query{Text: "speaker:丁小強"}, []string{"a2#q0"}, ""},
		{fangtan.Query{Text: "农村", Speakers: []string{"王永强"}}, []string{"a4#q0"}, "<mark>农村</mark>"},
		{fangtan.Query{Text: "事", Speakers: []string{"李慧", "刘振华"}}, []string{"a1#q0", "a3#q0"}, ""},
		{fangtan.Query{Text: "事 -speaker:刘振华"}, []string{"a1#q1", "a2#q0", "a3#q0"}, ""},
		{fangtan.Query{Text: "city:太原"}, []string{"a1#q0", "a1#q1", "a3#q0"}, ""},
		// A group mixing words and a filter keeps the type filter: no articles.
		{fangtan.Query{Text: "口碑 OR date:..2020-12"}, []string{"a1#q0", "a4#q0"}, ""},
	} {
		t.Run(c.q.Text, func(t *testing.T) {
			res, err := idx.SearchQuotes(context.Background(), c.q)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, h := range res.Hits {
				got = append(got, h.ID)
				checkHTML(t, h.Fragments...)
				if c.frag != "" && !strings.Contains(strings.Join(h.Fragments, ""), c.frag) {
					t.Errorf("%s fragments %q lack %q", h.ID, h.Fragments, c.frag)
				}
				if h.DocID == "" || h.Title == "" || h.File == "" || !strings.HasPrefix(h.ID, h.DocID+"#q") {
					t.Errorf("hit %+v lacks its article's fields", h)
				}
			}
			sort.Strings(got)
			if !slices.Equal(got, c.ids) {
				t.Errorf("quotes %q = %v, want %v", c.q.Text, got, c.ids)
			}
		})
	}
	res, err := idx.SearchQuotes(context.Background(), fangtan.Query{Text: "事"})
	if err != nil {
		t.Fatal(err)
	}
	speakers := res.Facets["speaker"]
	if len(speakers) == 0 {
		t.Fatalf("no speaker facet: %v", res.Facets)
	}
	for _, fc := range speakers {
		got, err := idx.SearchQuotes(context.Background(), fangtan.Query{Text: "事", Speakers: []string{fc.Value}})
		if err != nil {
			t.Fatal(err)
		}
		if got.Total != uint64(fc.Count) {
			t.Errorf("speaker %s: facet %d, filter %d", fc.Value, fc.Count, got.Total)
		}
	}
}

func TestDocument(t *testing.T) {
	idx := fixtureIndex(t)
	v, err := idx.Document(context.Background(), "a2", "辦實事 丁小强")
	if err != nil {
		t.Fatal(err)
	}
	if v.Title == "" || len(v.Highlighted) != len(v.Paragraphs) || v.Text != strings.Join(v.Paragraphs, "\n") {
		t.Fatalf("document view %+v", v)
	}
	checkHTML(t, v.Highlighted...)
	if !strings.Contains(v.Highlighted[0], "<mark>丁小強</mark>") || !strings.Contains(v.Highlighted[0], "<mark>辦實事</mark>") {
		t.Errorf("highlighted %q", v.Highlighted[0])
	}
	v, err = idx.Document(context.Background(), "a1", "")
	if err != nil || v.Highlighted != nil || len(v.Quotes) != 2 {
		t.Errorf("Document(a1, \"\") = %+v, %v", v, err)
	}
	for _, id := range []string{"nope", "a1#q0", ""} {
		if _, err := idx.Document(context.Background(), id, ""); !errors.Is(err, fangtan.ErrNotFound) {
			t.Errorf("Document(%q) error %v, want ErrNotFound", id, err)
		}
	}
	if _, err := idx.Document(context.Background(), "a1", `"open`); !errors.Is(err, fangtan.ErrBadQuery) {
		t.Errorf("Document with a bad query: %v, want ErrBadQuery", err)
	}
}

func TestSuggest(t *testing.T) {
	idx := fixtureIndex(t)
	for _, c := range []struct {
		prefix string
		want   fangtan.Suggestion
	}{
		{"刘", fangtan.Suggestion{Value: "刘振华", Kind: "official", Count: 2}},
		{"劉振", fangtan.Suggestion{Value: "刘振华", Kind: "official", Count: 2}},
		{"太", fangtan.Suggestion{Value: "太原市", Kind: "place", Count: 2}},
		{"辦", fangtan.Suggestion{Value: "办实事", Kind: "theme", Count: 3}},
		{"liuzh", fangtan.Suggestion{Value: "刘振华", Kind: "official", Count: 2}},
		{"lzh", fangtan.Suggestion{Value: "刘振华", Kind: "official", Count: 2}},
	} {
		got, err := idx.Suggest(context.Background(), c.prefix, 5)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) == 0 || got[0] != c.want {
			t.Errorf("Suggest(%q) = %v, want first %v", c.prefix, got, c.want)
		}
	}
	if got, _ := idx.Suggest(context.Background(), "  ", 5); len(got) != 0 {
		t.Errorf("Suggest(blank) = %v", got)
	}
}

// TestExportMatchesPagedSearch: Export gives the hits Search gives page by
// page, in the same order with the same fields and fragments, after the
// total; its limit caps the hits; a bad query or limit is a bad query.
func TestExportMatchesPagedSearch(t *testing.T) {
	idx := fixtureIndex(t)
	for _, q := range []fangtan.Query{{Text: "书记"}, {Text: "转型发展", Sort: "date"}, {Years: []string{"2021"}}} {
		t.Run(q.Text+q.Sort, func(t *testing.T) {
			var want []fangtan.Hit
			var total uint64
			for from := 0; ; from += 2 {
				page := q
				page.From, page.Size = from, 2
				res, err := idx.Search(context.Background(), page)
				if err != nil {
					t.Fatal(err)
				}
				total = res.Total
				want = append(want, res.Hits...)
				if len(res.Hits) < 2 {
					break
				}
			}
			if len(want) < 2 {
				t.Fatalf("%d hits: the fixture should match more", len(want))
			}
			for _, limit := range []int{len(want), 1} {
				var got []fangtan.Hit
				var gotTotal uint64
				err := idx.Export(context.Background(), q, max(limit, 1),
					func(n uint64) error { gotTotal = n; return nil },
					func(h fangtan.Hit) error { got = append(got, h); return nil })
				if err != nil {
					t.Fatal(err)
				}
				if gotTotal != total || len(got) != min(max(limit, 1), len(want)) {
					t.Fatalf("limit %d: total %d, %d hits; want %d and %d", limit, gotTotal, len(got), total, min(limit, len(want)))
				}
				for i := range got {
					g, w := got[i], want[i]
					g.Score, w.Score = 0, 0
					gj, _ := json.Marshal(g)
					wj, _ := json.Marshal(w)
					if string(gj) != string(wj) {
						t.Errorf("hit %d: export %s\nsearch %s", i, gj, wj)
					}
				}
			}
		})
	}
	for _, tc := range []struct {
		q     fangtan.Query
		limit int
	}{{fangtan.Query{Text: `"open`}, 10}, {fangtan.Query{Text: "书记"}, 0}, {fangtan.Query{Text: "书记"}, MaxExport + 1}} {
		err := idx.Export(context.Background(), tc.q, tc.limit, func(uint64) error { return nil }, func(fangtan.Hit) error { return nil })
		if !errors.Is(err, fangtan.ErrBadQuery) {
			t.Errorf("Export(%q, %d) = %v, want a bad query", tc.q.Text, tc.limit, err)
		}
	}
}
