package postgres

import (
	"context"
	"errors"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"fangtan"
)

// ids are a result's hit ids, sorted.
func ids(r *fangtan.Result) []string {
	var out []string
	for _, h := range r.Hits {
		out = append(out, h.ID)
	}
	slices.Sort(out)
	return out
}

// containing are the ids of the documents whose folded, letters-and-digits
// title or text contains norm(q): what a quoted query must find.
func containing(docs []fangtan.Document, q string) []string {
	n := norm(q)
	var out []string
	for _, d := range docs {
		if strings.Contains(norm(d.Text), n) || strings.Contains(norm(d.Title), n) {
			out = append(out, d.ID)
		}
	}
	slices.Sort(out)
	return out
}

func search(t *testing.T, db *DB, q fangtan.Query) *fangtan.Result {
	t.Helper()
	if q.Size == 0 {
		q.Size = 500
	}
	r, err := db.Search(context.Background(), q)
	if err != nil {
		t.Fatalf("search %q: %v", q.Text, err)
	}
	return r
}

// TestPhraseExactness: a quoted query finds exactly the documents whose
// folded text holds it, for random substrings of the corpus (one to
// twelve characters, punctuation and all), and their Traditional forms.
func TestPhraseExactness(t *testing.T) {
	db, docs := sampleDB(t)
	rng := rand.New(rand.NewPCG(13, 7))
	for i := range 150 {
		d := docs[rng.IntN(len(docs))]
		rs := []rune(d.Text)
		if len(rs) < 20 {
			continue
		}
		n := 1 + rng.IntN(12)
		start := rng.IntN(len(rs) - n)
		sub := string(rs[start : start+n])
		if norm(sub) == "" || strings.ContainsAny(sub, `"“”「」『』＂„`) {
			continue
		}
		want := containing(docs, sub)
		r := search(t, db, fangtan.Query{Text: `"` + sub + `"`})
		if got := ids(r); !slices.Equal(got, want) || int(r.Total) != len(want) {
			t.Errorf("%d: %q: got %d %v, want %d %v", i, sub, r.Total, got, len(want), want)
		}
	}
}

func TestSearchCases(t *testing.T) {
	db, docs := sampleDB(t)
	for _, tc := range []struct {
		name, q string
		// every hit must contain each of these (folded) in title or text
		contains []string
		min      int
	}{
		{"word", "转型发展", []string{}, 1},
		{"traditional word", "轉型發展", []string{}, 1},
		{"two words", "转型发展 小店区", nil, 1},
		{"phrase", `"我为群众办实事"`, []string{"我为群众办实事"}, 1},
		{"traditional phrase", `"我為群眾辦實事"`, []string{"我为群众办实事"}, 1},
		{"one character", `"辦"`, []string{"办"}, 1},
		{"filter", "city:太原", nil, 1},
		{"or", "刘振华 OR 李慧", nil, 1},
		{"exclusion", "书记 -太原", []string{"书记"}, 1},
		{"year undated", "year:undated 书记", nil, 0},
		{"date", "date:2021 书记", nil, 0},
		{"title", "title:口碑", nil, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := search(t, db, fangtan.Query{Text: tc.q})
			if int(r.Total) < tc.min || int(r.Total) != len(r.Hits) {
				t.Fatalf("%q: total %d, %d hits, want at least %d", tc.q, r.Total, len(r.Hits), tc.min)
			}
			for _, h := range r.Hits {
				d := docs[slices.IndexFunc(docs, func(d fangtan.Document) bool { return d.ID == h.ID })]
				for _, c := range tc.contains {
					if !strings.Contains(norm(d.Text+" "+d.Title), norm(c)) {
						t.Errorf("%q: hit %s lacks %q", tc.q, h.ID, c)
					}
				}
				if strings.Contains(tc.q, "-太原") && strings.Contains(norm(d.Text+d.Title), "太原") {
					t.Errorf("%q: hit %s holds the excluded 太原", tc.q, h.ID)
				}
			}
		})
	}
}

// TestTraditionalSimplified: the same query in either script finds the
// same documents, with the same facets.
func TestTraditionalSimplified(t *testing.T) {
	db, _ := sampleDB(t)
	for _, pair := range [][2]string{{"转型发展", "轉型發展"}, {`"办实事"`, `"辦實事"`}, {"书记 city:太原", "書記 city:太原"}, {"official:丁小强", "official:丁小強"}} {
		t.Run(pair[0], func(t *testing.T) {
			a, b := search(t, db, fangtan.Query{Text: pair[0]}), search(t, db, fangtan.Query{Text: pair[1]})
			if !slices.Equal(ids(a), ids(b)) || a.Total != b.Total {
				t.Errorf("%q: %v, %q: %v", pair[0], ids(a), pair[1], ids(b))
			}
		})
	}
}

// TestFacetsAndFilters: each facet value's count is the total of the
// search filtered by it, and the filters of two facets combine with AND.
func TestFacetsAndFilters(t *testing.T) {
	db, _ := sampleDB(t)
	base := fangtan.Query{Text: "书记"}
	r := search(t, db, base)
	checked := 0
	for _, f := range fangtan.Facets {
		if f.Scope != fangtan.ArticleFacet || !f.Listed || f.Filter == nil {
			continue
		}
		for _, fc := range r.Facets[f.Name] {
			q := base
			*f.Filter(&q) = []string{fc.Value}
			got := search(t, db, q)
			if int(got.Total) != fc.Count {
				t.Errorf("%s=%s: facet says %d, filter finds %d", f.Name, fc.Value, fc.Count, got.Total)
			}
			ex := base
			ex.Excludes = map[string][]string{f.Name: {fc.Value}}
			if got2 := search(t, db, ex); int(got2.Total) != int(r.Total)-fc.Count {
				t.Errorf("not %s=%s: %d, want %d", f.Name, fc.Value, got2.Total, int(r.Total)-fc.Count)
			}
			checked++
		}
	}
	if checked == 0 {
		t.Fatal("no facet values to check")
	}
	if r.Timeline == nil {
		t.Fatal("no timeline")
	}
}

func TestMalformedQueries(t *testing.T) {
	db, _ := sampleDB(t)
	for _, q := range []fangtan.Query{
		{Text: `"unbalanced`}, {Text: "nosuchfield:x"}, {Text: ""}, {Text: "-书记"}, {Text: "date:2021-13"},
		{Text: "书记", Sort: "sideways"}, {Text: "书记", Size: 100000}, {Text: "书记", Speakers: []string{"x"}},
		{Text: "书记", Excludes: map[string][]string{"color": {"red"}}},
	} {
		t.Run(q.Text, func(t *testing.T) {
			_, err := db.Search(context.Background(), q)
			if !errors.Is(err, fangtan.ErrBadQuery) {
				t.Errorf("%+v: %v, want a bad query", q, err)
			}
		})
	}
}

// TestInjection: queries and filters holding SQL's special characters are
// searched for as text, never run.
func TestInjection(t *testing.T) {
	db, _ := sampleDB(t)
	for _, s := range []string{`'`, `';DROP TABLE sample.articles;--`, `$$`, `\`, `\'`, `a'b`, `--`, `"'"`, `"$$ ; --"`, `'); SELECT pg_sleep(10); --`} {
		t.Run(s, func(t *testing.T) {
			for _, q := range []fangtan.Query{{Text: s}, {Text: "书记", Cities: []string{s}}, {Text: "书记", Excludes: map[string][]string{"city": {s}}}, {Text: `"` + s + `"`}, {Text: "title:" + s}} {
				_, err := db.Search(context.Background(), q)
				if err != nil && !errors.Is(err, fangtan.ErrBadQuery) {
					t.Errorf("%+v: %v", q, err)
				}
			}
			if _, err := db.Suggest(context.Background(), s, 5); err != nil {
				t.Errorf("suggest %q: %v", s, err)
			}
			if _, err := db.Document(context.Background(), s, s); err != nil && !errors.Is(err, fangtan.ErrNotFound) && !errors.Is(err, fangtan.ErrBadQuery) {
				t.Errorf("document %q: %v", s, err)
			}
		})
	}
	if r := search(t, db, fangtan.Query{Text: "书记"}); r.Total == 0 {
		t.Error("the articles are gone")
	}
}
