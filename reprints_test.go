package fangtan

import (
	"fmt"
	"math/bits"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

func TestReprintsCheck(t *testing.T) {
	long := strings.Repeat("港珠澳大桥管理局今日公布首年客流数字，", 8)
	tests := []struct {
		name string
		docs []Document // in the order admitted
		want []string   // what each reprints, "" for an article
	}{
		{"same text within a month", []Document{{ID: "a", Date: "2018-10-24", Text: long}, {ID: "b", Date: "2018-11-20", Text: long}},
			[]string{"", "a"}},
		{"spacing and punctuation do not count", []Document{{ID: "a", Text: long}, {ID: "b", Text: strings.ReplaceAll(long, "，", ", \n")}},
			[]string{"", "a"}},
		{"a year later is another article", []Document{{ID: "a", Date: "2018-10-24", Text: long}, {ID: "b", Date: "2019-10-24", Text: long}},
			[]string{"", ""}},
		{"the later one still reprints whichever is near", []Document{{ID: "a", Date: "2018-10-24", Text: long}, {ID: "b", Date: "2019-10-24", Text: long}, {ID: "c", Date: "2019-10-25", Text: long}},
			[]string{"", "", "b"}},
		{"an undated copy reprints", []Document{{ID: "a", Date: "2018-10-24", Text: long}, {ID: "b", Text: long}},
			[]string{"", "a"}},
		{"short texts are shared lines, not reprints", []Document{{ID: "a", Text: "undefined"}, {ID: "b", Text: "undefined"}},
			[]string{"", ""}},
		{"one letter more is another text", []Document{{ID: "a", Text: long}, {ID: "b", Text: long + "又"}},
			[]string{"", ""}},
		{"the same id again is no reprint of itself", []Document{{ID: "a", Text: long}, {ID: "a", Text: long}},
			[]string{"", ""}},
		// Versions: the same title, each sentence one of the article's.
		{"a shorter cut under the same title is a version", []Document{{ID: "a", Title: "大桥通车", Text: s1 + s2 + s3}, {ID: "b", Title: "大桥 通车！", Text: s1 + "\n" + s3}},
			[]string{"", "a (version)"}},
		{"a cut under another title is an article", []Document{{ID: "a", Title: "大桥通车", Text: s1 + s2 + s3}, {ID: "b", Title: "大桥客流", Text: s1 + s3}},
			[]string{"", ""}},
		{"a version that grew is an article", []Document{{ID: "a", Title: "大桥通车", Text: s1 + s2}, {ID: "b", Title: "大桥通车", Text: s1 + s2 + s3}},
			[]string{"", ""}},
		{"a sentence the article lacks makes an article", []Document{{ID: "a", Title: "大桥通车", Text: s1 + s2}, {ID: "b", Title: "大桥通车", Text: s1 + "港珠澳大桥今日另有消息。"}},
			[]string{"", ""}},
		{"a version a year later is an article", []Document{{ID: "a", Title: "大桥通车", Date: "2018-10-24", Text: s1 + s2 + s3}, {ID: "b", Title: "大桥通车", Date: "2019-10-24", Text: s1 + s2}},
			[]string{"", ""}},
		{"a copy of a version is a version of the article", []Document{{ID: "a", Title: "大桥通车", Text: s1 + s2 + s3}, {ID: "b", Title: "大桥通车", Text: s1 + s2}, {ID: "c", Title: "大桥通车", Text: s1 + s2}},
			[]string{"", "a (version)", "a (version)"}},
		// Edited versions: a sentence of the article in other words.
		{"a sentence reworded in a word is an edited version", []Document{{ID: "a", Title: "大桥通车", Text: s1 + s2 + s3 + s4}, {ID: "b", Title: "大桥通车", Text: s1 + s2edited + s3 + s4}},
			[]string{"", "a (edited version)"}},
		{"a shorter cut with a sentence reworded is an edited version", []Document{{ID: "a", Title: "大桥通车", Text: s1 + s2 + s3 + s4}, {ID: "b", Title: "大桥通车", Text: s1 + s2edited + s4}},
			[]string{"", "a (edited version)"}},
		{"a sentence with other numbers is not one in other words", []Document{{ID: "a", Title: "大桥通车", Text: s1 + s2 + s3 + s5}, {ID: "b", Title: "大桥通车", Text: s1 + s2 + s3 + strings.ReplaceAll(s5, "1200", "1300")}},
			[]string{"", ""}},
		{"sentences mostly reworded make an article", []Document{{ID: "a", Title: "大桥通车", Text: s1 + s2 + s3}, {ID: "b", Title: "大桥通车", Text: s1 + s2edited + s3edited}},
			[]string{"", ""}},
		{"an exact copy is preferred to a version", []Document{{ID: "a", Title: "大桥通车", Text: s1 + s2 + s3}, {ID: "b", Title: "大桥通车", Text: s1 + s2}, {ID: "c", Text: s1 + s2 + s3}, {ID: "d", Title: "大桥通车", Text: s1 + s2 + s3}},
			[]string{"", "a (version)", "a", "a"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var r Reprints
			for i := range tt.docs {
				got, err := r.Check(&tt.docs[i])
				if err != nil || describeReprint(got) != tt.want[i] {
					t.Errorf("%s reprints %q (%v), want %q", tt.docs[i].ID, describeReprint(got), err, tt.want[i])
				}
				if got != nil && got.Version && got.Text != tt.docs[i].Text {
					t.Errorf("%s: the version's record holds %q, not its own text", tt.docs[i].ID, got.Text)
				}
			}
		})
	}
}

// The sentences of the version cases: each of s1+s2 and s1+s3 holds more
// than minPrintRunes letters.
var (
	s1 = "港珠澳大桥管理局今日公布首年客流数字，" + strings.Repeat("旅客人次较预期多出三成，", 4) + "。"
	s2 = "管理局表示，" + strings.Repeat("周末及假日的穿梭巴士班次将会增加，", 3) + "！"
	s3 = "有议员批评，" + strings.Repeat("大桥的配套交通至今仍然不足，", 3) + "。"
	s4 = "运输署回应，" + strings.Repeat("会与营办商研究增加班次，", 3) + "。"
	s5 = "港珠澳大桥首年客流达到1200万人次，较预期多出三成，管理局表示满意。"
	// s2 and s3 with a word changed, as a later post of a story writes them.
	s2edited = "管理局表示，" + strings.Repeat("周日及假日的穿梭巴士班次将会增加，", 3) + "！"
	s3edited = "有议员批评，" + strings.Repeat("大桥的配套交通至今依然不足，", 3) + "。"
)

// describeReprint is what r reprints, marked when it is a version.
func describeReprint(r *Reprint) string {
	switch {
	case r == nil:
		return ""
	case r.Edited:
		return r.Of + " (edited version)"
	case r.Version:
		return r.Of + " (version)"
	}
	return r.Of
}

func TestReprintsCheckIndexed(t *testing.T) {
	long := strings.Repeat("港珠澳大桥管理局今日公布首年客流数字，", 8)
	r := Reprints{Indexed: func(p, tp string) ([]Printed, error) {
		if p != Print(long) || tp != TitlePrint("大桥") {
			t.Errorf("looked up %q and %q, want the text's and the title's prints", p, tp)
		}
		return []Printed{{ID: "old", Date: "2018-10-20", Print: p}}, nil
	}}
	if got, err := r.Check(&Document{ID: "new", Title: "大桥", Date: "2018-10-24", Text: long}); err != nil || describeReprint(got) != "old" {
		t.Errorf("reprints %q (%v), want the indexed article", describeReprint(got), err)
	}
}

func TestReprintsCheckIndexedVersion(t *testing.T) {
	indexed := []Printed{
		{ID: "other", Date: "2018-10-20", Print: Print(s2 + s3), Text: s2 + s3},
		{ID: "full", Date: "2018-10-20", Print: Print(s1 + s2 + s3), Text: s1 + s2 + s3},
	}
	r := Reprints{Indexed: func(p, tp string) ([]Printed, error) { return indexed, nil }}
	got, err := r.Check(&Document{ID: "cut", Title: "大桥通车", Date: "2018-10-24", Text: s1 + s3})
	if err != nil || describeReprint(got) != "full (version)" {
		t.Errorf("reprints %q (%v), want a version of the indexed article that holds its sentences", describeReprint(got), err)
	}
}

func TestReprintAsArticle(t *testing.T) {
	article := Document{ID: "a", Title: "大桥通车", Source: "眾新聞", Text: s1 + s2 + s3,
		Officials: []Official{{Name: "林郑月娥"}}, Quotes: []Quote{{Text: "多谢"}}}
	t.Run("a copy takes the article's text and what was extracted", func(t *testing.T) {
		got, prepare := Reprint{ID: "b", Of: "a", Title: "大桥通车（重刊）"}.AsArticle(article)
		if prepare || got.ID != "b" || got.Title != "大桥通车（重刊）" || got.Text != article.Text || len(got.Officials) != 1 || len(got.Quotes) != 1 {
			t.Errorf("got %+v, prepare %v", got, prepare)
		}
	})
	t.Run("a version takes its own text, to be prepared again", func(t *testing.T) {
		got, prepare := Reprint{ID: "b", Of: "a", Title: "大桥通车", Version: true, Text: s1 + s2}.AsArticle(article)
		if !prepare || got.ID != "b" || got.Text != s1+s2 || got.Source != "眾新聞" || got.Officials != nil || got.Quotes != nil {
			t.Errorf("got %+v, prepare %v", got, prepare)
		}
	})
}

func TestPromote(t *testing.T) {
	article := Document{ID: "a", Title: "大桥通车", Text: s1 + s2 + s3, Officials: []Official{{Name: "林郑月娥"}}}
	copyOf := func(id string) Reprint { return Reprint{ID: id, Of: "a", Title: "大桥通车"} }
	version := func(id, text string) Reprint {
		return Reprint{ID: id, Of: "a", Title: "大桥通车", Version: true, Text: text}
	}
	tests := []struct {
		name     string
		reprints []Reprint
		articles string // the ids promoted, "+" after one to prepare again
		reprint  string // each remaining reprint as id>of
	}{
		{"the first copy takes the place", []Reprint{copyOf("b"), copyOf("c")}, "b", "c>b"},
		{"a copy goes before a version", []Reprint{version("v", s1+s2), copyOf("b")}, "b", "v>b"},
		{"a version held by an earlier one is its version", []Reprint{version("v", s1+s2), version("w", s2)}, "v+", "w>v"},
		{"versions that hold other sentences are articles each", []Reprint{version("v", s1+s2), version("w", s2+s3)}, "v+ w+", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := Promote(article, tt.reprints)
			var articles, reprints []string
			for i, a := range p.Articles {
				s := a.ID
				if p.Prepare[i] {
					s += "+"
					if a.Officials != nil {
						t.Errorf("%s keeps the officials of the article's text", a.ID)
					}
				} else if a.Text != article.Text || len(a.Officials) != 1 {
					t.Errorf("%s does not take the article's text and officials", a.ID)
				}
				articles = append(articles, s)
			}
			for _, r := range p.Reprints {
				reprints = append(reprints, r.ID+">"+r.Of)
			}
			if got := strings.Join(articles, " "); got != tt.articles {
				t.Errorf("articles %q, want %q", got, tt.articles)
			}
			if got := strings.Join(reprints, " "); got != tt.reprint {
				t.Errorf("reprints %q, want %q", got, tt.reprint)
			}
		})
	}
}

func TestReprintsDemotions(t *testing.T) {
	doc := func(id, text string) Document {
		return Document{ID: id, Title: "大桥通车", Date: "2018-10-24", Text: text}
	}
	tests := []struct {
		name      string
		indexed   []Printed
		docs      []Document
		want      []string // what each reprints, as in TestReprintsCheck
		demotions string   // each as id>of, "!" after an indexed one
	}{
		{"a later text that grew takes the article's place", nil,
			[]Document{doc("a", s1+s2), doc("b", s1+s2+s3)}, []string{"", ""}, "a>b"},
		{"a copy of an article that grew is a version of the longer", nil,
			[]Document{doc("a", s1+s2), doc("b", s1+s2+s3), doc("c", s1+"\n"+s2)}, []string{"", "", "b (version)"}, "a>b"},
		{"growing twice makes both versions of the last", nil,
			[]Document{doc("a", s1+s2), doc("b", s1+s2+s3), doc("c", s1+s2+s3+s4)}, []string{"", "", ""}, "a>c b>c"},
		{"a cut of a demoted article is a version of the longer", nil,
			[]Document{doc("a", s1+s2+s3), doc("b", s1+s2+s3+s4), doc("c", s1+s3)}, []string{"", "", "b (version)"}, "a>b"},
		{"an indexed article grown by an add", []Printed{{ID: "old", Date: "2018-10-20", Print: Print(s1 + s2), Text: s1 + s2}},
			[]Document{doc("new", s1+s2+s4)}, []string{""}, "old>new!"},
		{"a later text that grew and reworded a sentence takes the article's place", nil,
			[]Document{doc("a", s1+s2+s3), doc("b", s1+s2edited+s3+s4)}, []string{"", ""}, "a>b~"},
		{"another title grows nothing", nil,
			[]Document{doc("a", s1+s2), {ID: "b", Title: "大桥客流", Text: s1 + s2 + s3}}, []string{"", ""}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Reprints{}
			if tt.indexed != nil {
				r.Indexed = func(p, tp string) ([]Printed, error) { return tt.indexed, nil }
			}
			for i := range tt.docs {
				got, err := r.Check(&tt.docs[i])
				if err != nil || describeReprint(got) != tt.want[i] {
					t.Errorf("%s reprints %q (%v), want %q", tt.docs[i].ID, describeReprint(got), err, tt.want[i])
				}
			}
			var got []string
			for _, d := range r.Demotions() {
				s := d.ID + ">" + d.Of
				if d.Indexed {
					s += "!"
				}
				if d.Edited {
					s += "~"
				}
				got = append(got, s)
			}
			if g := strings.Join(got, " "); g != tt.demotions {
				t.Errorf("demotions %q, want %q", g, tt.demotions)
			}
		})
	}
}

func TestDemote(t *testing.T) {
	a := Document{ID: "a", File: "a.txt", Title: "大桥通车", Date: "2018-10-24", Text: s1 + s2}
	rs := []Reprint{{ID: "c", Of: "a"}, {ID: "v", Of: "a", Version: true, Text: s1}}
	got := Demote(a, Demotion{ID: "a", Of: "b"}, rs)
	want := []Reprint{
		{ID: "a", Of: "b", File: "a.txt", Title: "大桥通车", Date: "2018-10-24", Version: true, Text: s1 + s2},
		{ID: "c", Of: "b", Version: true, Text: s1 + s2},
		{ID: "v", Of: "b", Version: true, Text: s1},
	}
	if !slices.Equal(got, want) {
		t.Errorf("Demote:\n got %+v\nwant %+v", got, want)
	}
	// An article that b grew in other words: it and its copies are b's
	// edited versions.
	got = Demote(a, Demotion{ID: "a", Of: "b", Edited: true}, rs)
	for _, r := range got {
		if !r.Edited {
			t.Errorf("Demote of an edited demotion: %s is not marked edited", r.ID)
		}
	}
}

// Whatever order versions of a story arrive in, every document ends as an
// article or as a reprint of one that holds its sentences, and no chain of
// demotions ends in a demoted article.
func TestReprintsInvariants(t *testing.T) {
	sentences := []string{s1, s2, s3, s4, "另有消息指，" + strings.Repeat("口岸的旅客设施将于明年扩建，", 3) + "。"}
	rng := rand.New(rand.NewPCG(1, 2))
	for round := range 200 {
		var docs []Document
		for i := range 8 {
			var text strings.Builder
			for _, s := range sentences {
				if rng.IntN(3) > 0 {
					text.WriteString(s)
				}
			}
			docs = append(docs, Document{ID: fmt.Sprintf("r%d-%d", round, i), Title: "大桥通车",
				Date: fmt.Sprintf("2018-10-%02d", 1+rng.IntN(28)), Text: text.String()})
		}
		var r Reprints
		of := make(map[string]string) // reprint → its article, as Check said
		for i := range docs {
			rp, err := r.Check(&docs[i])
			if err != nil {
				t.Fatal(err)
			}
			if rp != nil {
				of[rp.ID] = rp.Of
			}
		}
		demoted := make(map[string]string)
		for _, d := range r.Demotions() {
			demoted[d.ID] = d.Of
		}
		text := make(map[string]string)
		for _, d := range docs {
			text[d.ID] = d.Text
		}
		for _, d := range docs {
			target, folded := of[d.ID]
			if to, ok := demoted[d.ID]; ok {
				target, folded = to, true
			} else if folded {
				if to, ok := demoted[target]; ok {
					target = to // its article was demoted since
				}
			}
			if !folded || Print(d.Text) == "" {
				continue
			}
			if _, again := demoted[target]; again {
				t.Fatalf("round %d: %s ends at %s, itself demoted", round, d.ID, target)
			}
			if _, isReprint := of[target]; isReprint {
				t.Fatalf("round %d: %s ends at %s, a reprint", round, d.ID, target)
			}
			if ok, _ := covers(sentencePrints(text[target]), sentencePrints(d.Text)); !ok {
				t.Fatalf("round %d: %s is folded into %s, which lacks some of its sentences", round, d.ID, target)
			}
		}
	}
}

// TestSentenceShapes: a sentence with a word changed keeps its shape
// within maxShapeDistance; another sentence of the same story does not.
func TestSentenceShapes(t *testing.T) {
	shape := func(s string) uint64 {
		ps := sentencePrints(s)
		if len(ps) != 1 {
			t.Fatalf("%q is %d sentences", s, len(ps))
		}
		return ps[0].shape
	}
	for _, tc := range []struct {
		a, b string
		near bool
	}{
		{"曾蔭權案周二（1月3日）開審，按司法機構網頁資料顯示，當日未有安排候選陪審員到庭遴選", "曾蔭權案明日（1月3日）開審，按司法機構網頁資料顯示，明日未有安排候選陪審員到庭遴選", true},
		{"記得是因為政務助理提醒我，特首辦建議透過發展局考慮提名何周禮授勳", "記得是因為行政助理提醒我，特首辦建議透過發展局考慮提名何周禮授勳", true},
		// A third of the letters gone is more than a word changed.
		{"控方追問是否「接納」（accept）提名何，林太說「只是一個建議」", "控方追問是否「接納」，林太說「只是一個建議」", false},
		{"曾蔭權案周二（1月3日）開審，按司法機構網頁資料顯示，當日未有安排候選陪審員到庭遴選", "司法機構公布，記者及公眾人士需排隊獲派籌始可旁聽，將在庭內預留共62個座位給旁聽的記者", false},
		{"中國外交部發言人華春瑩周一表示，土耳其外交部的有關表態非常惡劣", "土耳其外交部發言人周六發表聲明，批評中國對待維吾爾族人的做法", false},
		// Too short to tell a word changed from another sentence.
		{"謝謝大家", "謝謝各位", false},
	} {
		t.Run(tc.a+"|"+tc.b, func(t *testing.T) {
			a, b := shape(tc.a), shape(tc.b)
			d := bits.OnesCount64(a ^ b)
			if near := a != 0 && b != 0 && d <= maxShapeDistance; near != tc.near {
				t.Errorf("shapes %d bits apart: near %v, want %v", d, near, tc.near)
			}
		})
	}
}

func TestHasText(t *testing.T) {
	for _, tc := range []struct {
		s    string
		want bool
	}{
		{"{{}}", false},
		{"| --- | --- |", false},
		{"**** ———", false},
		{"", false},
		{"| 年份 | 人數 |", true},
		{"2017", true},
		{"**Q：**", true},
	} {
		if got := HasText(tc.s); got != tc.want {
			t.Errorf("HasText(%q) = %v, want %v", tc.s, got, tc.want)
		}
	}
}
