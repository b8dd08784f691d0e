package postgres

import (
	"context"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2/analysis"

	"fangtan"
)

// TestRanking: a word said more often ranks higher, saturating; a word of
// the title outranks the body's; and the order holds across pages read
// from the ranked cache.
func TestRanking(t *testing.T) {
	db := connect(t)
	ctx := context.Background()
	filler := strings.Repeat("今天天气很好，大家都来了。", 3)
	body := func(n int) string { return filler + strings.Repeat("改革开放取得成就。", n) + filler }
	build(t, db,
		doc("once", "once.txt", "新闻一", body(1)),
		doc("twice", "twice.txt", "新闻二", body(2)),
		doc("five", "five.txt", "新闻三", body(5)),
		doc("ten", "ten.txt", "新闻四", body(10)),
		doc("titled", "titled.txt", "改革开放的新闻", body(1)),
	)
	res, err := db.Search(ctx, fangtan.Query{Text: "改革"})
	if err != nil {
		t.Fatal(err)
	}
	got := hitIDs(res.Hits)
	want := []string{"titled", "ten", "five", "twice", "once"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Fatalf("order %v, want %v (scores %v)", got, want, scored(res.Hits))
	}
	for i := 1; i < len(res.Hits); i++ {
		if res.Hits[i].Score >= res.Hits[i-1].Score {
			t.Errorf("%s scores %g, not below %s's %g", res.Hits[i].ID, res.Hits[i].Score, res.Hits[i-1].ID, res.Hits[i-1].Score)
		}
	}
	for from := range want {
		page, err := db.Search(ctx, fangtan.Query{Text: "改革", From: from, Size: 1})
		if err != nil {
			t.Fatal(err)
		}
		if len(page.Hits) != 1 || page.Hits[0].ID != want[from] {
			t.Errorf("page %d: %v, want %s", from, hitIDs(page.Hits), want[from])
		}
	}
}

func TestWordVector(t *testing.T) {
	toks := func(terms ...string) []string { return terms }
	for _, c := range []struct {
		name  string
		terms []string
		title bool
		want  string
	}{
		{"counts weigh", toks("a", "b", "b", "c", "c", "c", "c", "d", "d", "d", "d", "d", "d", "d", "d"), false, "'a':1D 'b':1C 'c':1B 'd':1A"},
		{"title", toks("a", "b", "b"), true, "'a':1A 'b':1A"},
		{"quotes escaped", toks("it's", `a\b`), false, `'a\\b':1D 'it''s':1D`},
	} {
		t.Run(c.name, func(t *testing.T) {
			var ts analysis.TokenStream
			for i, term := range c.terms {
				ts = append(ts, &analysis.Token{Term: []byte(term), Position: i + 1})
			}
			if got := wordVector(ts, c.title); got != c.want {
				t.Errorf("wordVector = %s, want %s", got, c.want)
			}
		})
	}
}
