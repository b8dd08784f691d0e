package extract

import (
	"reflect"
	"strings"
	"testing"

	"fangtan"
	"fangtan/analyzer"
)

// TestExtractWords: the words Extract hands to the index (tagged or cut,
// paragraph by paragraph) give the word analyzer exactly the stream it
// makes by segmenting title and text itself, for every sample document.
func TestExtractWords(t *testing.T) {
	seg, err := analyzer.Default()
	if err != nil {
		t.Fatal(err)
	}
	tok := &analyzer.WordTokenizer{Segmenter: seg}
	for id, d := range exExtracted(t, exSampleDocs(t)) {
		if d.Words == nil {
			t.Fatalf("%s: no words", id)
		}
		for _, f := range []struct {
			name, text string
			words      fangtan.SegmentedText
		}{{"title", d.Title, d.Words.Title}, {"text", d.Text, d.Words.Text}} {
			words := f.words.For(f.text)
			if words == nil {
				t.Errorf("%s: no words for the %s", id, f.name)
				continue
			}
			got, err := tok.TokenizeWords(f.text, words, d.Words.DictionaryID)
			if err != nil {
				t.Errorf("%s: %s: %v", id, f.name, err)
				continue
			}
			if want := tok.Tokenize([]byte(f.text)); !reflect.DeepEqual(got, want) {
				t.Errorf("%s: the %s's stream from Extract's words differs from the word analyzer's", id, f.name)
			}
		}
	}
}

func TestExtractWordsOnlyForWhatWasCut(t *testing.T) {
	ex := exNewTestExtractor(t)
	// Text that is not the paragraphs joined: only the title's words.
	d := fangtan.Document{Title: "刘振华市长", Paragraphs: []string{"推动高质量发展"}, Text: "别的文字"}
	ex.Extract(&d)
	if d.Words == nil || d.Words.Title.For(d.Title) == nil {
		t.Fatalf("no title words: %+v", d.Words)
	}
	if w := d.Words.Text.For(d.Text); w != nil {
		t.Errorf("words %q for a text that is not the paragraphs", w)
	}
	// A text changed after Extract has no words.
	d = fangtan.Document{Title: "刘振华市长", Text: "推动高质量发展\n学党史办实事"}
	ex.Extract(&d)
	if got := strings.Join(d.Words.Text.For(d.Text), "|"); got != "推动|高质量发展|\n|学党史|办实事" {
		t.Errorf("text words %q", got)
	}
	d.Text += "。"
	if w := d.Words.Text.For(d.Text); w != nil {
		t.Errorf("words %q for a changed text", w)
	}
	// Without jieba, no words.
	plain, err := NewExtractor(nil)
	if err != nil {
		t.Fatal(err)
	}
	d = fangtan.Document{Title: "刘振华市长", Text: "推动高质量发展"}
	plain.Extract(&d)
	if d.Words != nil {
		t.Errorf("words without a segmenter: %+v", d.Words)
	}
}
