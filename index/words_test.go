package index

import (
	"context"
	"path/filepath"
	"slices"
	"testing"

	"fangtan"
)

// indexOf builds docs into a fresh index under t's temp dir and opens it.
func indexOf(t *testing.T, name string, docs []fangtan.Document) *Index {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if _, err := Build(context.Background(), path, DocumentsSource(docs), BuildOptions{}); err != nil {
		t.Fatal(err)
	}
	idx, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { idx.Close() })
	return idx
}

// TestWordsOnTheBigramField: a bare query matches its words anywhere in a
// text, by their bigrams, and ranks the texts that hold it whole, and
// titles, first. Texts are indexed only as bigrams, so these are what the
// word fields gave before.
func TestWordsOnTheBigramField(t *testing.T) {
	docs := []fangtan.Document{
		{ID: "whole", Title: "简讯", Text: "全市上下推动经济发展，成效明显。"},
		{ID: "apart", Title: "简讯", Text: "经济是基础，全市上下的发展是目标。"},
		{ID: "one", Title: "简讯", Text: "全市上下的发展是目标。"},
		{ID: "title", Title: "经济发展", Text: "全市上下在推进。"},
		{ID: "theme", Title: "简讯", Text: "转型是方向，发展是目标。"},
		{ID: "visit", Title: "简讯", Text: "刘振华到太原调研。"},
		{ID: "there", Title: "简讯", Text: "刘振华说，在太原调研。"},
		{ID: "old", Title: "简讯", Text: "旧版本的文章"},
		{ID: "no", Title: "简讯", Text: "今天天气很好。"},
	}
	idx := indexOf(t, "words", docs)
	cases := []struct {
		q    string
		want []string // every hit, in order when ordered
		// ordered: the hits must come in want's order.
		ordered bool
	}{
		// The words apart match; the title, then the text holding the
		// query whole, rank above them.
		{"经济发展", []string{"title", "whole", "apart"}, true},
		{"发展", []string{"whole", "apart", "one", "title", "theme"}, false},
		// A word of jieba's dictionary is one word, as it was in the word
		// fields: 转型发展 is, so its parts apart do not match it.
		{"转型发展", nil, false},
		// A word of one rune is required too, anywhere.
		{"刘振华在太原", []string{"there"}, false},
		{"太原刘振华", []string{"visit", "there"}, false},
		{"新版本", nil, false},
		{"旧版本", []string{"old"}, false},
		// A word is matched by all of its bigrams.
		{"刘振华", []string{"visit", "there"}, false},
		{"刘振东", nil, false},
		// Quoted, the words must be together.
		{`"经济发展"`, []string{"title", "whole"}, false},
		// A query of one rune matches it anywhere.
		{"晴", nil, false},
		{"济", []string{"whole", "apart", "title"}, false},
	}
	for _, c := range cases {
		t.Run(c.q, func(t *testing.T) {
			res, err := idx.Search(context.Background(), fangtan.Query{Text: c.q, Size: 50})
			if err != nil {
				t.Fatal(err)
			}
			got := hitIDs(res)
			if !c.ordered {
				slices.Sort(got)
				c.want = slices.Sorted(slices.Values(c.want))
			}
			if !slices.Equal(got, c.want) {
				t.Errorf("hits %v, want %v", got, c.want)
			}
		})
	}
}

// TestVariantCharacters: a text that writes a variant OpenCC's table lacks
// (Hong Kong's 衞 for 衛, 巿 typed for 市, 廸 for 迪) is found by every
// form of the word, quoted or not, and its official is one value with the
// common spelling's.
func TestVariantCharacters(t *testing.T) {
	docs := []fangtan.Document{
		{ID: "hk", Title: "簡訊", Text: "衞生署發言人表示，巿民應注意。",
			Officials: []fangtan.Official{{Name: "朱凱廸", Title: "立法會議員"}}},
		{ID: "tw", Title: "簡訊", Text: "衛生署發言人表示，市民應注意。",
			Officials: []fangtan.Official{{Name: "朱凱迪", Title: "立法會議員"}}},
		{ID: "cn", Title: "简讯", Text: "卫生署发言人表示，市民应注意。"},
		{ID: "no", Title: "简讯", Text: "今天天气很好。"},
	}
	idx := indexOf(t, "variants", docs)
	for _, q := range []string{"衞生署", "衛生署", "卫生署", `"衞生署"`, `"卫生署发言人"`, "巿民", `"市民应"`} {
		t.Run(q, func(t *testing.T) {
			res, err := idx.Search(context.Background(), fangtan.Query{Text: q, Size: 10})
			if err != nil {
				t.Fatal(err)
			}
			got := hitIDs(res)
			slices.Sort(got)
			if want := []string{"cn", "hk", "tw"}; !slices.Equal(got, want) {
				t.Errorf("hits %v, want %v", got, want)
			}
		})
	}
	for _, name := range []string{"朱凱廸", "朱凯迪"} {
		t.Run("official:"+name, func(t *testing.T) {
			res, err := idx.Search(context.Background(), fangtan.Query{Text: "official:" + name, Size: 10})
			if err != nil {
				t.Fatal(err)
			}
			got := hitIDs(res)
			slices.Sort(got)
			if want := []string{"hk", "tw"}; !slices.Equal(got, want) {
				t.Errorf("hits %v, want %v", got, want)
			}
		})
	}
}
