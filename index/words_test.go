package index

import (
	"context"
	"math"
	"path/filepath"
	"testing"

	"fangtan"
	"fangtan/analyzer"
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

// sameHits reports whether two indexes give the same hits, in the same
// order with the same scores, for each query.
func sameHits(t *testing.T, a, b *Index, queries []string) bool {
	t.Helper()
	same := true
	for _, q := range queries {
		ra, err := a.Search(context.Background(), fangtan.Query{Text: q, Size: 50})
		if err != nil {
			t.Fatal(err)
		}
		rb, err := b.Search(context.Background(), fangtan.Query{Text: q, Size: 50})
		if err != nil {
			t.Fatal(err)
		}
		if len(ra.Hits) != len(rb.Hits) {
			t.Logf("%q: %d hits and %d", q, len(ra.Hits), len(rb.Hits))
			same = false
			continue
		}
		for i := range ra.Hits {
			ha, hb := ra.Hits[i], rb.Hits[i]
			if ha.ID != hb.ID || math.Abs(ha.Score-hb.Score) > 1e-9*math.Abs(hb.Score) {
				t.Logf("%q: hit %d is %s (%g) and %s (%g)", q, i, ha.ID, ha.Score, hb.ID, hb.Score)
				same = false
			}
		}
	}
	return same
}

// withoutWords returns copies of docs without their precise-mode words.
func withoutWords(docs []fangtan.Document) []fangtan.Document {
	out := make([]fangtan.Document, len(docs))
	for i, d := range docs {
		d.Words = nil
		out[i] = d
	}
	return out
}

// TestPrecutWordsIndexLikeTheAnalyzer: the sample corpus indexed with the
// extractor's precise-mode words and indexed by the word analyzer alone
// answer queries with the same hits and scores.
func TestPrecutWordsIndexLikeTheAnalyzer(t *testing.T) {
	_, docs := sampleIndex(t)
	b, err := newDocBuilder(newMapping())
	if err != nil {
		t.Fatal(err)
	}
	if b.wordTokenizer == nil {
		t.Fatal("the registered word analyzer's tokenizer is not analyzer.WordTokenizer")
	}
	// Every document must take the precise-words path, or the comparison
	// below would compare the analyzer with itself.
	for _, d := range docs {
		if d.Words == nil {
			t.Fatalf("%s: Extract gave no words", d.ID)
		}
		for _, f := range []struct {
			text  string
			words fangtan.SegmentedText
		}{{d.Title, d.Words.Title}, {d.Text, d.Words.Text}} {
			words := f.words.For(f.text)
			if words == nil {
				t.Fatalf("%s: no words for %.20q", d.ID, f.text)
			}
			if _, err := b.wordTokenizer.TokenizeWords(f.text, words, d.Words.DictionaryID); err != nil {
				t.Fatalf("%s: %v", d.ID, err)
			}
		}
	}
	queries := []string{"党史", "学党史办实事", "高质量发展", "刘振华", "市长", "小店区", "疫情防控", "5g", "经济 发展", "人民群众"}
	precut := indexOf(t, "precut", docs)
	analyzed := indexOf(t, "analyzed", withoutWords(docs))
	if !sameHits(t, precut, analyzed, queries) {
		t.Error("indexing the extractor's words and analyzing the texts give different hits or scores")
	}
}

// TestPrecutWordsUsedOnlyForTheirText: words are used when they are the
// words of the document's text (shown with words that make up the text but
// are not jieba's, which change the scores), and ignored, the analyzer
// segmenting the text itself, when the text changed after they were cut.
func TestPrecutWordsUsedOnlyForTheirText(t *testing.T) {
	seg, err := analyzer.Default()
	if err != nil {
		t.Fatal(err)
	}
	exp, ok := seg.(analyzer.SearchExpander)
	if !ok {
		t.Fatalf("segmenter %T is not a SearchExpander", seg)
	}
	docs := []fangtan.Document{
		{ID: "a", Title: "刘振华市长调研GDP", Text: "刘振华市长强调，要学党史办实事，推动高质量发展。\nGDP增长5%"},
		{ID: "b", Title: "市长热线", Text: "市长热线回应群众关切，推动问题解决。"},
		{ID: "c", Title: "高质量发展", Text: "全区上下推动高质量发展，刘振华出席会议。"},
	}
	queries := []string{"刘振华", "市长", "高质量发展", "学党史", "gdp"}
	// One word per rune: they make up the folded text, but search mode
	// would give 刘振华, 振华, 高质量发展 and more.
	perRune := func(text string) fangtan.SegmentedText {
		var words []string
		for _, r := range analyzer.Fold(text) {
			words = append(words, string(r))
		}
		return fangtan.SegmentedText{Source: text, Words: words}
	}
	analyzed := indexOf(t, "analyzed", docs)

	used := withoutWords(docs)
	used[0].Words = &fangtan.Words{DictionaryID: exp.DictionaryID(), Title: perRune(used[0].Title), Text: perRune(used[0].Text)}
	if sameHits(t, indexOf(t, "used", used), analyzed, queries) {
		t.Error("a document's words for its title and text were not used")
	}

	// The text and title changed after the words were cut, into texts
	// that fold the same (upper case): only the recorded source tells.
	stale := withoutWords(docs)
	stale[0].Words = &fangtan.Words{DictionaryID: exp.DictionaryID(), Title: perRune(stale[0].Title), Text: perRune(stale[0].Text)}
	stale[0].Title, stale[0].Text = "刘振华市长调研Gdp", "刘振华市长强调，要学党史办实事，推动高质量发展。\nGdP增长5%"
	if analyzer.Fold(stale[0].Text) != analyzer.Fold(docs[0].Text) {
		t.Fatal("the changed text must fold like the old one")
	}
	staleAnalyzed := withoutWords(stale)
	if !sameHits(t, indexOf(t, "stale", stale), indexOf(t, "stale-analyzed", staleAnalyzed), queries) {
		t.Error("words cut from an older text were used")
	}

	other := withoutWords(docs)
	other[0].Words = &fangtan.Words{DictionaryID: "dict-other", Title: perRune(other[0].Title), Text: perRune(other[0].Text)}
	if !sameHits(t, indexOf(t, "other", other), analyzed, queries) {
		t.Error("words cut with other dictionaries were used")
	}
}
