package extract

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"fangtan"
	"fangtan/analyzer"
)

// segmenterOnly hides the segmenter's KeywordRanker, so an Extractor
// built on it asks jieba's own Keywords.
type segmenterOnly struct{ analyzer.Segmenter }

// TestKeywordsRankedFromOwnSegmentation: keywords ranked from the words
// Extract segments anyway are the ones jieba's Keywords finds on the whole
// folded article, on the sample pages and on xwlb articles.
func TestKeywordsRankedFromOwnSegmentation(t *testing.T) {
	fast := exNewTestExtractor(t)
	if fast.ranker == nil {
		t.Fatal("the jieba extractor has no keyword ranker")
	}
	slow, err := NewExtractor(segmenterOnly{fast.seg})
	if err != nil {
		t.Fatal(err)
	}
	if slow.ranker != nil {
		t.Fatal("segmenterOnly still ranks")
	}
	check := func(t *testing.T, docs []fangtan.Document) {
		for _, d := range docs {
			a, b := d, d
			a.Paragraphs, b.Paragraphs = slices.Clone(d.Paragraphs), slices.Clone(d.Paragraphs)
			fast.Extract(&a)
			slow.Extract(&b)
			if !slices.Equal(a.Keywords, b.Keywords) {
				t.Errorf("%s: keywords %v, jieba's Keywords give %v", d.ID, a.Keywords, b.Keywords)
			}
		}
	}
	t.Run("sample", func(t *testing.T) { check(t, exSampleDocs(t)) })
	t.Run("xwlb", func(t *testing.T) { check(t, exReadJSONL(t, "xwlb.jsonl", 400, nil)) })
}

// TestExtractorRefusesQuerySegmenter: a segmenter opened for queries only
// has no keyword tables; the extractor says so instead of extracting
// documents without keywords.
func TestExtractorRefusesQuerySegmenter(t *testing.T) {
	seg, err := analyzer.OpenForQueries("")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := NewExtractor(seg); !errors.Is(err, analyzer.ErrQueriesOnly) {
		t.Errorf("NewExtractor(query segmenter) error = %v, want ErrQueriesOnly", err)
	}
}

// TestThemesMatchOnePass: the one-pass matcher finds exactly the themes
// with a phrase that strings.Contains finds, on the sample pages, on
// texts built from the phrases themselves and on xwlb articles.
func TestThemesMatchOnePass(t *testing.T) {
	th := DefaultThemes()
	naive := func(folded string) []string {
		out := []string{}
		for _, x := range th.List() {
			weak := 0
			for _, p := range x.Weak {
				weak += strings.Count(folded, p)
			}
			if weak >= 2 || slices.ContainsFunc(x.Phrases, func(p string) bool { return strings.Contains(folded, p) }) {
				out = append(out, x.Name)
			}
		}
		return out
	}
	var texts []string
	for i, x := range th.List() {
		// Phrases glued to their neighbours' and cut in half.
		if len(x.Phrases) == 0 {
			continue
		}
		p := x.Phrases[len(x.Phrases)-1]
		texts = append(texts, "前"+p+"后", p[:len(p)/2], strings.Repeat(p, i%3))
	}
	for _, d := range exSampleDocs(t) {
		texts = append(texts, analyzer.Fold(d.Title+"\n"+d.Text))
	}
	check := func(t *testing.T, texts []string) {
		for _, text := range texts {
			if got, want := th.Match(text), naive(text); !slices.Equal(got, want) {
				t.Errorf("Match(%.30q) = %v, want %v", text, got, want)
			}
		}
	}
	check(t, texts)
	t.Run("xwlb", func(t *testing.T) {
		var texts []string
		for _, d := range exReadJSONL(t, "xwlb.jsonl", 2000, nil) {
			texts = append(texts, analyzer.Fold(d.Title+"\n"+d.Text))
		}
		check(t, texts)
	})
}

// TestKeywordsNameWholePeople: jieba cuts names it does not know into
// pieces (林郑月娥 → 林/郑月/娥), and the piece had been a keyword. A
// keyword that is a piece of an official's or a speaker's name is that
// name, listed once.
func TestKeywordsNameWholePeople(t *testing.T) {
	doc := &fangtan.Document{
		Officials: []fangtan.Official{{Name: "林郑月娥"}, {Name: "亚历山大·卢卡申科"}, {Name: "拉卡列"}, {Name: "习近平"}},
		Quotes:    []fangtan.Quote{{Speaker: "叶刘淑仪"}, {Speaker: "邓先生"}},
	}
	tests := []struct {
		name, text string
		keywords   []string
		want       []string
	}{
		{"piece of an official", "", []string{"郑月", "房屋"}, []string{"林郑月娥", "房屋"}},
		{"two pieces of one name", "", []string{"林郑", "房屋", "郑月"}, []string{"林郑月娥", "房屋"}},
		{"the name itself", "", []string{"林郑月娥", "郑月"}, []string{"林郑月娥"}},
		{"piece of a speaker", "", []string{"刘淑仪"}, []string{"叶刘淑仪"}},
		{"a form of address is no name", "", []string{"先生", "游行"}, []string{"先生", "游行"}},
		{"the short form of a foreign name", "", []string{"卢卡申科", "明斯克"}, []string{"卢卡申科", "明斯克"}},
		{"a piece of a foreign name", "", []string{"卡申", "明斯克"}, []string{"亚历山大·卢卡申科", "明斯克"}},
		{"no name", "", []string{"房屋", "土地"}, []string{"房屋", "土地"}},
		// A piece of a whole name the alias file gives a short one, and
		// that whole name, are the person under the short name.
		{"a piece of an alias", "乌拉圭总统路易斯·阿尔韦托·拉卡列·波乌致电。", []string{"阿尔韦", "乌拉圭"}, []string{"拉卡列", "乌拉圭"}},
		{"an alias", "乌拉圭总统路易斯·阿尔韦托·拉卡列·波乌致电。", []string{"路易斯·阿尔韦托·拉卡列·波乌"}, []string{"拉卡列"}},
		// An alias that holds a post (习总书记) leaves the post's word alone.
		{"a post in an alias", "习总书记指出，总书记强调。", []string{"总书记", "乌拉圭"}, []string{"总书记", "乌拉圭"}},
		{"a name and the verb glued to it", "叶刘淑仪说，叶刘淑仪指出", []string{"叶刘淑仪说", "房屋"}, []string{"叶刘淑仪", "房屋"}},
		// Written nowhere but before 为, the name may be one cut short
		// (陈祖 of 陈祖为): the keyword stays.
		{"a name the article never writes alone", "叶刘淑仪为此表态", []string{"叶刘淑仪为"}, []string{"叶刘淑仪为"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := namesForFragments(slices.Clone(tc.keywords), doc, tc.text, DefaultAliases()); !slices.Equal(got, tc.want) {
				t.Errorf("namesForFragments(%v) = %v, want %v", tc.keywords, got, tc.want)
			}
		})
	}
	t.Run("extracted", func(t *testing.T) {
		d := fangtan.Document{ID: "hk", Title: "林鄭月娥今日表示支持房屋政策", Paragraphs: []string{"行政長官林鄭月娥今日表示：「我們會增加房屋供應。」"}}
		exNewTestExtractor(t).Extract(&d)
		if !slices.Contains(d.Keywords, "林郑月娥") || slices.Contains(d.Keywords, "郑月") {
			t.Errorf("keywords %v, want 林郑月娥 and not 郑月", d.Keywords)
		}
	})
}
