package query

import (
	"errors"
	"html"
	"strings"
	"testing"
	"time"

	"fangtan"
)

func TestParse(t *testing.T) {
	for _, c := range []struct {
		q      string
		scope  fangtan.FacetScope
		groups string // each group's clauses as kind:field:text, groups by " & ", ORs by " | "
		excl   string
	}{
		{"转型发展 小店区", fangtan.ArticleFacet, "word::转型发展 & word::小店区", ""},
		{`"事业是拼出来的" 刘振华 OR 李慧`, fangtan.ArticleFacet, "phrase::事业是拼出来的 & word::刘振华 | word::李慧", ""},
		{`转型 -疫情 NOT "新冠"`, fangtan.ArticleFacet, "word::转型", "word::疫情 & phrase::新冠"},
		{`title:"口碑" city：太原 year:2021`, fangtan.ArticleFacet, "phrase:title:口碑 & filter:city:太原 & filter:year:2021", ""},
		{`speaker:刘振华 口碑`, fangtan.QuoteFacet, "filter:speaker:刘振华 & word::口碑", ""},
		{`"转型 发展"~10 改革`, fangtan.ArticleFacet, "near::转型 发展 & word::改革", ""},
		{`"转型，发展 转型"～５`, fangtan.ArticleFacet, "near::转型，发展 转型", ""},
		{`改革 -"转型 发展"~3`, fangtan.ArticleFacet, "word::改革", "near::转型 发展"},
		{`记者: 转型`, fangtan.ArticleFacet, "word::记者: & word::转型", ""},
	} {
		t.Run(c.q, func(t *testing.T) {
			q, err := Parse(c.q, c.scope)
			if err != nil {
				t.Fatal(err)
			}
			show := func(cs []Clause) string {
				var parts []string
				for _, cl := range cs {
					parts = append(parts, cl.Kind.String()+":"+cl.Field+":"+cl.Text)
				}
				return strings.Join(parts, " | ")
			}
			var gs []string
			for _, g := range q.Groups {
				gs = append(gs, show(g))
			}
			var ex []string
			for _, cl := range q.Excluded {
				ex = append(ex, show([]Clause{cl}))
			}
			if got := strings.Join(gs, " & "); got != c.groups {
				t.Errorf("groups = %q, want %q", got, c.groups)
			}
			if got := strings.Join(ex, " & "); got != c.excl {
				t.Errorf("excluded = %q, want %q", got, c.excl)
			}
		})
	}
}

func TestParseNear(t *testing.T) {
	q, err := Parse(`改革 "转型 ， 发展 转型"~12`, fangtan.ArticleFacet)
	if err != nil {
		t.Fatal(err)
	}
	c := q.Groups[1][0]
	if c.Kind != Near || c.Slop != 12 || c.Pos != 4 || strings.Join(c.Terms, ",") != "转型,发展" {
		t.Errorf("clause = %+v, want Near of 转型,发展 within 12 at character 4", c)
	}
}

func TestParseErrors(t *testing.T) {
	for _, c := range []struct {
		q, want string
		scope   fangtan.FacetScope
	}{
		{`"事业是拼出来的`, `the " at character 1 is never closed`, fangtan.ArticleFacet},
		{"foo:bar", `unknown field "foo" at character 1`, fangtan.ArticleFacet},
		{"date:2021-13", "month out of range", fangtan.ArticleFacet},
		{"date:2022..2021", "ends before it starts", fangtan.ArticleFacet},
		{"date:1600", "outside the dates that can be searched", fangtan.ArticleFacet},
		{"year:21", "not a four-digit year", fangtan.ArticleFacet},
		{"OR 李慧", "OR at character 1 needs a term before it", fangtan.ArticleFacet},
		{"转型 NOT", "NOT at character 4 needs a term after it", fangtan.ArticleFacet},
		{"speaker:李慧", "applies to quote search only", fangtan.ArticleFacet},
		{"author:罗旭", "applies to article search only", fangtan.QuoteFacet},
		{`"转型 发展"~`, "the ~ at character 8 needs a number", fangtan.ArticleFacet},
		{`"转型 发展"~x`, "needs a number", fangtan.ArticleFacet},
		{`"转型 发展"~0`, "~0 at character 8: the distance must be 1 to 50", fangtan.ArticleFacet},
		{`"转型 发展"~999`, "~999 at character 8: the distance must be 1 to 50", fangtan.ArticleFacet},
		{`"转型 发展"~-3`, "needs a number", fangtan.ArticleFacet},
		{`"转型发展"~5`, "needs two or more different words", fangtan.ArticleFacet},
		{`"转型 轉型"~5`, "needs two or more different words", fangtan.ArticleFacet},
		{`"a b c d e f g h i"~5`, "has 9 words; the limit is 8", fangtan.ArticleFacet},
		{strings.Repeat("长 ", 51), "the limit is 50", fangtan.ArticleFacet},
	} {
		t.Run(c.q, func(t *testing.T) {
			_, err := Parse(c.q, c.scope)
			if err == nil || !errors.Is(err, fangtan.ErrBadQuery) || !strings.Contains(err.Error(), c.want) {
				t.Errorf("Parse(%q) = %v, want ErrBadQuery saying %q", c.q, err, c.want)
			}
		})
	}
}

func TestDateRange(t *testing.T) {
	day := func(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }
	for _, c := range []struct {
		from, to     string
		ok           bool
		start, end   time.Time
		wantErr      string
		hasFrom, has bool
	}{
		{"", "", false, time.Time{}, time.Time{}, "", false, false},
		{"2021-07", "2021-07", true, day(2021, 7, 1), day(2021, 8, 1), "", true, true},
		{"２０２１", "", true, day(2021, 1, 1), time.Time{}, "", true, false},
		{"", "2020/12/31", true, time.Time{}, day(2021, 1, 1), "", false, true},
		{"2021-13", "", false, time.Time{}, time.Time{}, `date_from "2021-13" is not a date (month out of range)`, false, false},
		{"2022", "2021", false, time.Time{}, time.Time{}, "ends before it starts", false, false},
	} {
		t.Run(c.from+".."+c.to, func(t *testing.T) {
			cl, ok, err := DateRange(c.from, c.to)
			if c.wantErr != "" {
				if err == nil || !errors.Is(err, fangtan.ErrBadQuery) || !strings.Contains(err.Error(), c.wantErr) {
					t.Fatalf("err = %v, want %q", err, c.wantErr)
				}
				return
			}
			if err != nil || ok != c.ok {
				t.Fatalf("ok, err = %v, %v", ok, err)
			}
			if cl.HasFrom != c.hasFrom || cl.HasTo != c.has || !cl.From.Equal(c.start) || !cl.To.Equal(c.end) {
				t.Errorf("clause = %+v", cl)
			}
		})
	}
}

func TestWithin(t *testing.T) {
	for _, c := range []struct {
		text  string
		terms []string
		slop  int
		want  bool
	}{
		{"转型发展", []string{"转型", "发展"}, 1, true},
		{"发展转型", []string{"转型", "发展"}, 1, true},              // any order
		{"转型，推动发展", []string{"转型", "发展"}, 2, true},           // punctuation does not count
		{"转型，推动发展", []string{"转型", "发展"}, 1, false},          // 推动 is two characters
		{"转型甲乙丙丁戊发展 转型发展", []string{"转型", "发展"}, 1, true},    // the nearer pair counts
		{"轉型：推動高質量發展", []string{"转型", "发展"}, 5, true},        // folded
		{"转型 甲乙丙 发展", []string{"转型", "发展", "改革"}, 10, false}, // every word must occur
		{"改革甲转型乙发展", []string{"转型", "发展", "改革"}, 2, true},    // two characters between, in all
		{"改革甲转型乙发展", []string{"转型", "发展", "改革"}, 1, false},
		{"发展开", []string{"发展", "展开"}, 1, true}, // overlapping
		{"", []string{"转型", "发展"}, 50, false},
	} {
		t.Run(c.text, func(t *testing.T) {
			if got := MatchNear(c.text, Clause{Kind: Near, Terms: c.terms, Slop: c.slop}); got != c.want {
				t.Errorf("MatchNear(%q, %q, %d) = %v, want %v", c.text, c.terms, c.slop, got, c.want)
			}
		})
	}
}

func TestTimeline(t *testing.T) {
	fc := func(kv ...any) []fangtan.FacetCount {
		var out []fangtan.FacetCount
		for i := 0; i < len(kv); i += 2 {
			out = append(out, fangtan.FacetCount{Value: kv[i].(string), Count: kv[i+1].(int)})
		}
		return out
	}
	show := func(tl *fangtan.Timeline) string {
		var b strings.Builder
		b.WriteString(tl.Unit)
		for _, bk := range tl.Buckets {
			b.WriteString(" " + bk.Period + "=" + string(rune('0'+bk.Count)))
		}
		if tl.Undated > 0 {
			b.WriteString(" undated=" + string(rune('0'+tl.Undated)))
		}
		return b.String()
	}
	for _, c := range []struct {
		name          string
		years, months []fangtan.FacetCount
		want          string
	}{
		{"nothing", nil, nil, "year"},
		{"undated only", fc(fangtan.UndatedYear, 3), nil, "year undated=3"},
		{"years with a gap", fc("2019", 2, "2022", 1, fangtan.UndatedYear, 1), nil, "year 2019=2 2020=0 2021=0 2022=1 undated=1"},
		{"two years by month, trimmed", fc("2021", 2, "2022", 1), fc("2021-11", 2, "2022-01", 1), "month 2021-11=2 2021-12=0 2022-01=1"},
		{"one month", fc("2021", 4), fc("2021-07", 4), "month 2021-07=4"},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := show(Timeline(c.years, c.months)); got != c.want {
				t.Errorf("Timeline = %q, want %q", got, c.want)
			}
		})
	}
	if _, _, monthly, _ := YearSpan(fc("2020", 1, "2022", 1)); monthly {
		t.Error("three years counted by month")
	}
}

func TestHighlighterMergesOverlaps(t *testing.T) {
	h := &Highlighter{}
	h.addWord("中华人民共和国", []string{"中华", "华人", "人民", "共和", "共和国", "中华人民共和国"})
	got := h.HTMLAll("中华人民共和国成立,中华人民。")
	want := "<mark>中华人民共和国</mark>成立,<mark>中华人民</mark>。"
	if got != want {
		t.Errorf("HTMLAll = %q, want %q", got, want)
	}
	h = &Highlighter{}
	h.addWord("ab", nil)
	h.addWord("bc", nil)
	if got, want := h.HTMLAll("xabcx ab"), "x<mark>abc</mark>x <mark>ab</mark>"; got != want {
		t.Errorf("overlapping terms: %q, want %q", got, want)
	}
	// Fragments never cut a mark and say where they were cut.
	long := strings.Repeat("甲", 150) + "目标词" + strings.Repeat("乙", 150)
	h = &Highlighter{}
	h.addPhrase("目标词")
	frags := h.Fragments(long, 3, 100)
	if len(frags) != 1 || !strings.HasPrefix(frags[0], "…") || !strings.HasSuffix(frags[0], "…") || !strings.Contains(frags[0], "<mark>目标词</mark>") {
		t.Errorf("fragments = %q", frags)
	}
	if n := len([]rune(html.UnescapeString(strings.NewReplacer("<mark>", "", "</mark>", "").Replace(frags[0])))); n > 104 {
		t.Errorf("fragment is %d characters, want about 100", n)
	}
}

func TestHighlighterOfQuery(t *testing.T) {
	for _, c := range []struct{ q, text, want string }{
		{`"事业是拼出来的" -口碑`, "事业是拼出来的，口碑是干出来的", "<mark>事业是拼出来的</mark>，口碑是干出来的"},
		{`"转型 发展"~5`, "转型，推动发展", "<mark>转型</mark>，推动<mark>发展</mark>"},
		{`辦實事 city:太原`, "办实事在太原", "<mark>办实事</mark>在太原"},
		{`title:口碑`, "口碑", "<mark>口碑</mark>"},
	} {
		t.Run(c.q, func(t *testing.T) {
			q, err := Parse(c.q, fangtan.ArticleFacet)
			if err != nil {
				t.Fatal(err)
			}
			h := NewHighlighter(q, nil)
			if got := h.HTMLAll(c.text); got != c.want {
				t.Errorf("HTMLAll = %q, want %q", got, c.want)
			}
			spans := h.Spans(c.text)
			for _, s := range spans {
				if !strings.Contains(c.want, "<mark>"+c.text[s.Start:s.End]+"</mark>") {
					t.Errorf("span %q is not marked in %q", c.text[s.Start:s.End], c.want)
				}
			}
		})
	}
}

func TestKWIC(t *testing.T) {
	q, err := Parse(`转型 city:太原`, fangtan.ArticleFacet)
	if err != nil {
		t.Fatal(err)
	}
	h, err := ForKWIC(q)
	if err != nil {
		t.Fatal(err)
	}
	if q.Groups[0][0].Kind != Phrase {
		t.Errorf("a KWIC word stays a %v, want a phrase", q.Groups[0][0].Kind)
	}
	d := &fangtan.Document{ID: "a", Paragraphs: []string{"\u3000\u3000推动转型发展", "再转型，又转型"}}
	lines, full := KWICLines(nil, h, d, 2, 10)
	if full || len(lines) != 3 {
		t.Fatalf("lines = %+v, full %v", lines, full)
	}
	if l := lines[0]; l.Left != "推动" || l.Match != "转型" || l.Right != "发展" || l.Paragraph != 1 {
		t.Errorf("first line = %+v", l)
	}
	if l := lines[2]; l.Left != "，又" || l.Paragraph != 2 || l.Right != "" {
		t.Errorf("last line = %+v", l)
	}
	if lines, full := KWICLines(nil, h, d, 2, 2); !full || len(lines) != 2 {
		t.Errorf("limit 2: %d lines, full %v", len(lines), full)
	}
	for _, bad := range []string{"事", "city:太原"} {
		q, _ := Parse(bad, fangtan.ArticleFacet)
		if _, err := ForKWIC(q); !errors.Is(err, fangtan.ErrBadQuery) {
			t.Errorf("ForKWIC(%q) = %v, want ErrBadQuery", bad, err)
		}
	}
}

func TestParagraph(t *testing.T) {
	text := "第一段\n第二段有转型\n第三段"
	q, _ := Parse("转型", fangtan.ArticleFacet)
	sns := NewHighlighter(q, nil).Snippets(text, 1, 100)
	if got := Paragraph(text, sns[0]); got != 2 {
		t.Errorf("Paragraph = %d, want 2", got)
	}
	if got := Paragraph(text, fangtan.Snippet{Text: "第一段"}); got != 0 {
		t.Errorf("Paragraph of a snippet without spans = %d, want 0", got)
	}
}
