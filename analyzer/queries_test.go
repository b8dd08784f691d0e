package analyzer

import (
	"errors"
	"slices"
	"testing"
)

// TestOpenForQueries: the query-only segmenter cuts exactly like the full
// one, but has no keyword tables, so it cannot be mistaken for one that
// extracts documents.
func TestOpenForQueries(t *testing.T) {
	full := defaultSegmenter(t)
	light, err := OpenForQueries("")
	if err != nil {
		t.Fatal(err)
	}
	texts := []string{"迎泽区委书记李慧", "刘振华市长说:“要把群众的急难愁盼问题解决好。”", "中华人民共和国成立"}
	for _, text := range sampleTexts(t) {
		texts = append(texts, Fold(text))
	}
	for _, text := range texts {
		if got, want := light.CutForSearch(text), full.CutForSearch(text); !slices.Equal(got, want) {
			t.Errorf("CutForSearch(%.20q) = %v, want %v", text, words(got), words(want))
		}
		if got, want := light.Cut(text), full.Cut(text); !slices.Equal(got, want) {
			t.Errorf("Cut(%.20q) differs", text)
		}
		if got, want := light.Tag(text), full.Tag(text); !slices.Equal(got, want) {
			t.Errorf("Tag(%.20q) differs", text)
		}
	}
	if got := light.Keywords(texts[1], 5); got != nil {
		t.Errorf("query segmenter Keywords = %v, want none", got)
	}
	if kr, ok := light.(KeywordRanker); !ok {
		t.Error("query segmenter does not say it cannot rank keywords")
	} else if _, err := kr.TFIDF(); !errors.Is(err, ErrQueriesOnly) {
		t.Errorf("query segmenter TFIDF error = %v, want ErrQueriesOnly", err)
	}
	if _, ok := full.(KeywordRanker); !ok {
		t.Error("full segmenter does not rank keywords")
	}
}

// TestConfigureForQueries: a query-only configuration never hands a
// keyword-less segmenter to a caller that asked for the full one, and a
// full one already open serves queries.
func TestConfigureForQueries(t *testing.T) {
	orig := defaultSegmenter(t)
	t.Cleanup(func() {
		shared.Lock()
		shared.seg, shared.queriesOnly = orig, false
		shared.Unlock()
	})
	if err := ConfigureForQueries(""); err != nil {
		t.Errorf("ConfigureForQueries with a full segmenter open: %v", err)
	}
	if got, err := Default(); err != nil || got != orig {
		t.Errorf("Default = %v, %v; want the open full segmenter", got, err)
	}
	SetDefault(nil)
	if err := ConfigureForQueries(""); err != nil {
		t.Fatal(err)
	}
	seg, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := seg.(querySegmenter); !ok {
		t.Fatalf("Default after ConfigureForQueries = %T, want the query segmenter", seg)
	}
	if err := Configure(""); err == nil {
		t.Error("Configure (full) with a query segmenter open: want an error")
	}
}
