package index

import (
	"context"
	"errors"
	"math/rand/v2"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"

	"fangtan"
	"fangtan/query"
)

// TestSampleNear: a proximity returns exactly the documents whose title or
// text holds its words within the distance (query.MatchNear, the
// definition), so totals are true; its year facet counts exactly those
// documents, and filtering by a year gives the count shown.
func TestSampleNear(t *testing.T) {
	idx, docs := sampleIndex(t)
	queries := []string{`"转型 发展"~10`, `"发展 转型"~3`, `"办实事 群众"~20`, `"太原 转型 发展"~30`, `"事业 口碑"~5`, `"党 人民"~2`}
	rng := rand.New(rand.NewPCG(3, 5))
	for len(queries) < 30 {
		rs := []rune(query.Normalize(docs[rng.IntN(len(docs))].Text))
		if len(rs) < 40 {
			continue
		}
		i := rng.IntN(len(rs) - 30)
		a := string(rs[i : i+2])
		gap := rng.IntN(15)
		b := string(rs[i+2+gap : i+4+gap])
		if query.Normalize(a) == query.Normalize(b) {
			continue
		}
		queries = append(queries, `"`+a+" "+b+`"~`+strconv.Itoa(1+rng.IntN(12)))
	}
	var ys []string
	for _, d := range docs {
		y := d.Year()
		if !query.IsYear(y) {
			y = undated
		}
		if !slices.Contains(ys, "year:"+y) {
			ys = append(ys, "year:"+y)
		}
	}
	everyYear := strings.Join(ys, " OR ")
	for _, q := range queries {
		t.Run(q, func(t *testing.T) {
			pq, err := query.Parse(q, fangtan.ArticleFacet)
			if err != nil {
				t.Fatal(err)
			}
			near := pq.Groups[len(pq.Groups)-1][0]
			var want []string
			years := map[string]int{}
			for _, d := range docs {
				if query.MatchNear(d.Title, near) || query.MatchNear(d.Text, near) {
					want = append(want, d.ID)
					y := d.Year()
					if !query.IsYear(y) {
						y = undated
					}
					years[y]++
				}
			}
			sort.Strings(want)
			res, err := idx.Search(context.Background(), fangtan.Query{Text: q, Size: 500})
			if err != nil {
				t.Fatal(err)
			}
			got := hitIDs(res)
			sort.Strings(got)
			if !slices.Equal(got, want) || res.Total != uint64(len(want)) {
				t.Fatalf("total %d, hits %v; want exactly %v", res.Total, got, want)
			}
			for _, fc := range res.Facets["year"] {
				if fc.Count != years[fc.Value] {
					t.Errorf("year %s counts %d, want %d", fc.Value, fc.Count, years[fc.Value])
				}
				f, err := idx.Search(context.Background(), fangtan.Query{Text: q, Years: []string{fc.Value}})
				if err != nil {
					t.Fatal(err)
				}
				if f.Total != uint64(fc.Count) {
					t.Errorf("year %s: the filter gives %d, the facet says %d", fc.Value, f.Total, fc.Count)
				}
			}
			for _, h := range res.Hits {
				if len(h.Snippets) == 0 {
					t.Errorf("hit %s has no snippet", h.ID)
				}
			}
			// Excluding the proximity leaves every other document.
			ex, err := idx.Search(context.Background(), fangtan.Query{Text: everyYear + " -" + q})
			if err != nil {
				t.Fatal(err)
			}
			if ex.Total != uint64(len(docs)-len(want)) {
				t.Errorf("excluded: %d left, want %d", ex.Total, len(docs)-len(want))
			}
		})
	}
}

// TestNearHighlights: a proximity's words are marked in its hits.
func TestNearHighlights(t *testing.T) {
	idx, _ := sampleIndex(t)
	res, err := idx.Search(context.Background(), fangtan.Query{Text: `"转型 发展"~10`})
	if err != nil {
		t.Fatal(err)
	}
	if res.Total == 0 {
		t.Fatal("no hits for \"转型 发展\"~10 in the sample corpus")
	}
	for _, h := range res.Hits {
		frags := strings.Join(h.Fragments, "")
		if !strings.Contains(frags, "<mark>") {
			t.Errorf("hit %s: no word marked in %q", h.ID, frags)
		}
	}
}

func TestNearBadInput(t *testing.T) {
	idx := fixtureIndex(t)
	for _, c := range []struct{ q, want string }{
		{`"a b"~`, "needs a number"},
		{`"转型 发展"~0`, "the distance must be 1 to 50"},
		{`"转型 发展"~999`, "the distance must be 1 to 50"},
		{`"转型"~5`, "needs two or more different words"},
	} {
		t.Run(c.q, func(t *testing.T) {
			_, err := idx.Search(context.Background(), fangtan.Query{Text: c.q})
			if !errors.Is(err, fangtan.ErrBadQuery) || !strings.Contains(err.Error(), c.want) {
				t.Errorf("Search(%q) = %v, want ErrBadQuery saying %q", c.q, err, c.want)
			}
		})
	}
}
