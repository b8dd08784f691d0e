package analyzer

import (
	"bufio"
	"encoding/json"
	"fmt"
	"maps"
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2/analysis"
)

func expander(tb testing.TB) (Segmenter, SearchExpander) {
	tb.Helper()
	seg := defaultSegmenter(tb)
	exp, ok := seg.(SearchExpander)
	if !ok {
		tb.Fatalf("the jieba segmenter %T is not a SearchExpander", seg)
	}
	return seg, exp
}

func TestExpandForSearch(t *testing.T) {
	seg, exp := expander(t)
	tests := []struct {
		text string
		want []string // search-mode words, in jieba's order
	}{
		{"中华人民共和国", []string{"中华", "华人", "人民", "共和", "共和国", "中华人民共和国"}},
		{"刘振华市长", []string{"振华", "刘振华", "市长"}},
		{"5g网络建设", []string{"5", "g", "网络", "建设"}},
		// Folded Traditional: 學黨史辦實事 → 学党史办实事, user-dictionary words.
		{Fold("學黨史辦實事"), []string{"党史", "学党史", "实事", "办实事"}},
		{"我们要学党史，办实事。", []string{"我们", "要", "党史", "学党史", "，", "实事", "办实事", "。"}},
	}
	for _, tt := range tests {
		words := segTexts(seg.Cut(tt.text))
		got, err := exp.ExpandForSearch(tt.text, words)
		if err != nil {
			t.Errorf("ExpandForSearch(%q, %q): %v", tt.text, words, err)
			continue
		}
		if !reflect.DeepEqual(segTexts(got), tt.want) {
			t.Errorf("ExpandForSearch(%q, %q) = %q, want %q", tt.text, words, segTexts(got), tt.want)
		}
		if jieba := seg.CutForSearch(tt.text); !reflect.DeepEqual(got, jieba) {
			t.Errorf("ExpandForSearch(%q) = %v, CutForSearch = %v", tt.text, got, jieba)
		}
	}
}

func TestExpandForSearchRejectsOtherText(t *testing.T) {
	_, exp := expander(t)
	for _, tt := range []struct {
		text  string
		words []string
	}{
		{"中华人民共和国", []string{"中华人民", "共和"}},      // too short
		{"中华人民共和国", []string{"中华人民共和国", "万岁"}},   // too long
		{"中华人民共和国", []string{"中华", "人名", "共和国"}}, // another text
	} {
		if got, err := exp.ExpandForSearch(tt.text, tt.words); err == nil {
			t.Errorf("ExpandForSearch(%q, %q) = %v, want an error", tt.text, tt.words, got)
		}
	}
}

// TestParseSubWords follows cppjieba's reading of dictionary lines.
func TestParseSubWords(t *testing.T) {
	main := "中华 10 ns\n人民共和国 5 nt\n共和国 3 n\n和 9 c\nab 1 eng\n"
	user := "振华\n办实事 n\n\n实事 3 n\n四个字词 n\n坏 行 有 四段\n末尾 \n回车\r\n"
	s := parseSubWords([]byte(main), []byte(user))
	for w, want := range map[string]bool{
		"中华": true, "共和国": true, "ab": true, "振华": true, "办实事": true, "实事": true,
		"末尾":   true,              // limonp::Split drops the empty field after a final space
		"回车\r": true, "回车": false, // cppjieba keeps the '\r'
		"人民共和国": false, "和": false, "四个字词": false, "坏": false, "华人": false,
	} {
		rs := []rune(w)
		var k uint64
		switch len(rs) {
		case 2:
			k = key2(rs[0], rs[1])
		case 3:
			k = key3(rs[0], rs[1], rs[2])
		default:
			if want {
				t.Fatalf("%q: only two- and three-rune words are kept", w)
			}
			continue
		}
		if got := s.has(k); got != want {
			t.Errorf("has(%q) = %v, want %v", w, got, want)
		}
	}
	if len(s.keys) != 8 {
		t.Errorf("%d keys, want 8: %x", len(s.keys), s.keys)
	}
}

// TestTokenizeWordsMatchesTokenize: for every text of the sample corpus
// and some of xwlb, the word analyzer's stream from precise-mode words is
// the stream of search-mode segmentation, term for term and position for
// position.
func TestTokenizeWordsMatchesTokenize(t *testing.T) {
	seg, exp := expander(t)
	tok := &WordTokenizer{Segmenter: seg}
	texts := map[string]string{
		"mixed":       "5G网络覆盖率达到3.82%，GDP增长；ＡＢＣ全角，辦實事",
		"nul":         "中华\x00人民共和国",
		"invalid":     "中华\xff人民共和国",
		"separators":  " 中华人民共和国\t刘振华市长\n\n",
		"traditional": "臺灣同胞學習黨史，辦實事、開新局",
	}
	for name, text := range sampleTexts(t) {
		texts[name] = text
	}
	xwlb, err := sharedsegTexts("../../shared/corpus/xwlb.jsonl", 200)
	if err != nil {
		t.Logf("shared corpus xwlb.jsonl not checked: %v", err)
	}
	for i, text := range xwlb {
		texts[fmt.Sprintf("xwlb/%03d", i)] = text
	}
	for _, name := range slices.Sorted(maps.Keys(texts)) {
		text := texts[name]
		// Paragraph by paragraph, as the corpus extractor cuts them.
		var words []string
		for i, p := range strings.Split(Fold(text), "\n") {
			if i > 0 {
				words = append(words, "\n")
			}
			words = append(words, segTexts(seg.Cut(p))...)
		}
		got, err := tok.TokenizeWords(text, words, exp.DictionaryID())
		if err != nil {
			t.Errorf("%s: TokenizeWords: %v", name, err)
			continue
		}
		want := tok.Tokenize([]byte(text))
		if extra, missing := termDiff(tokenTerms(got), tokenTerms(want)); len(extra)+len(missing) > 0 {
			t.Errorf("%s: terms from precise words differ from search mode: %d and %d terms, extra %q, missing %q",
				name, len(got), len(want), extra, missing)
			continue
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: same terms, but positions or offsets differ", name)
		}
	}
	if len(xwlb) == 0 {
		t.Skip("/work/shared/corpus/xwlb.jsonl absent: checked the sample corpus only")
	}
}

func TestTokenizeWordsRefuses(t *testing.T) {
	seg, exp := expander(t)
	tok := &WordTokenizer{Segmenter: seg}
	text := "刘振华市长"
	words := segTexts(seg.Cut(text))
	if _, err := tok.TokenizeWords(text, words, "dict-other"); err == nil {
		t.Error("TokenizeWords accepted words cut with other dictionaries")
	}
	if _, err := tok.TokenizeWords(text+"说", words, exp.DictionaryID()); err == nil {
		t.Error("TokenizeWords accepted words of another text")
	}
	plain := &WordTokenizer{Segmenter: plainSegmenter{seg}}
	if _, err := plain.TokenizeWords(text, words, exp.DictionaryID()); err == nil {
		t.Error("TokenizeWords accepted a segmenter that cannot expand")
	}
}

// plainSegmenter hides a segmenter's SearchExpander.
type plainSegmenter struct{ Segmenter }

// tokenTerms is the sorted multiset of a stream's terms.
func tokenTerms(ts analysis.TokenStream) []string {
	out := make([]string, len(ts))
	for i, t := range ts {
		out[i] = string(t.Term)
	}
	slices.Sort(out)
	return out
}

// termDiff returns the terms of the sorted multiset got that want lacks,
// and those of want that got lacks.
func termDiff(got, want []string) (extra, missing []string) {
	for len(got) > 0 || len(want) > 0 {
		switch {
		case len(want) == 0 || len(got) > 0 && got[0] < want[0]:
			extra, got = append(extra, got[0]), got[1:]
		case len(got) == 0 || want[0] < got[0]:
			missing, want = append(missing, want[0]), want[1:]
		default:
			got, want = got[1:], want[1:]
		}
	}
	return extra, missing
}

func segTexts(segs []Segment) []string {
	out := make([]string, len(segs))
	for i, s := range segs {
		out[i] = s.Text
	}
	return out
}

// sharedTexts reads the "text" of the first n records of a JSON-lines
// corpus.
func sharedsegTexts(path string, n int) ([]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var texts []string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	for sc.Scan() && len(texts) < n {
		var rec struct {
			Title string `json:"title"`
			Text  string `json:"text"`
		}
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			return nil, err
		}
		texts = append(texts, rec.Title, rec.Text)
	}
	return texts, sc.Err()
}
