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
