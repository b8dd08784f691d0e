package query

import (
	"errors"
	"html"
	"strings"
	"testing"

	"fangtan"
	"fangtan/internal/fuzzcheck"
)

// FuzzParse: any query text either parses into a query or is rejected with
// an error wrapping fangtan.ErrBadQuery that says what is wrong; a parsed
// proximity has two or more words and a distance within bounds.
func FuzzParse(f *testing.F) {
	for _, s := range fuzzcheck.QuerySeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		for _, scope := range []fangtan.FacetScope{fangtan.ArticleFacet, fangtan.QuoteFacet} {
			q, err := Parse(text, scope)
			if err != nil {
				checkBadQuery(t, text, err)
				continue
			}
			if q == nil {
				t.Fatalf("Parse(%q): no query and no error", text)
			}
			for _, g := range q.Groups {
				if len(g) == 0 {
					t.Fatalf("Parse(%q): an empty group", text)
				}
				for _, c := range g {
					if c.Kind == Near && (len(c.Terms) < 2 || c.Slop < 1 || c.Slop > MaxSlop) {
						t.Fatalf("Parse(%q): proximity %+v", text, c)
					}
				}
			}
		}
	})
}

func checkBadQuery(t *testing.T, q string, err error) {
	t.Helper()
	if !errors.Is(err, fangtan.ErrBadQuery) {
		t.Fatalf("Parse(%q): error %v does not wrap ErrBadQuery", q, err)
	}
	msg := strings.TrimSpace(strings.TrimPrefix(err.Error(), fangtan.ErrBadQuery.Error()+":"))
	if len(msg) < 10 {
		t.Fatalf("Parse(%q): error %q does not say what is wrong", q, err)
	}
}

// FuzzHighlight: the highlighter's HTML is the text, escaped, with balanced,
// unnested <mark> tags and no other markup; snippets are pieces of the text
// and their spans lie inside them.
func FuzzHighlight(f *testing.F) {
	f.Add("刘振华常说:“事业是拼出来的,口碑是干出来的。”", "刘振华 \"事业是拼出来的\"")
	f.Add("A&B <script>x</script> 中华人民共和国成立以来", "script 人民共和国")
	f.Add("<mark>x</mark> &lt;mark&gt;", "mark")
	f.Add("\u3000\u3000開新局\n\n开新局", "開新局")
	f.Add("哈哈哈哈哈", `"哈哈哈"`)
	f.Add("a\xffb\xe4\xb8c刘振华", "ab 刘振华")
	f.Add(strings.Repeat("转型发展，", 300), "转型 发展")
	f.Add("转型，推动高质量发展", `"转型 发展"~5`)
	wordsOf := words()
	f.Fuzz(func(t *testing.T, text, q string) {
		pq, err := Parse(q, fangtan.ArticleFacet)
		var h *Highlighter
		if err == nil {
			h = NewHighlighter(pq, wordsOf)
		} else {
			h = &Highlighter{}
			h.addPhrase(q)
		}
		all := h.HTMLAll(text)
		fuzzcheck.CheckMarked(t, all)
		if got := html.UnescapeString(fuzzcheck.StripMarks(all)); got != text {
			t.Fatalf("HTMLAll(%q) for %q = %q, which is not the text (%q)", text, q, all, got)
		}
		flat := strings.ReplaceAll(text, "\n", " ")
		for _, sn := range h.Snippets(text, 3, FragmentRunes) {
			fr := HTML(sn)
			fuzzcheck.CheckMarked(t, fr)
			if plain := html.UnescapeString(fuzzcheck.StripMarks(fr)); !fuzzcheck.IsPiece(flat, plain) {
				t.Fatalf("fragment %q of %q for %q is not a piece of the text", fr, text, q)
			}
			for _, s := range sn.Spans {
				if s.Start < 0 || s.End > len(sn.Text) || s.Start >= s.End {
					t.Fatalf("span %+v outside snippet %q", s, sn.Text)
				}
			}
		}
	})
}
