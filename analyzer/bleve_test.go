package analyzer

import (
	"fmt"
	"math/rand"
	"reflect"
	"slices"
	"sort"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search/query"
)

// tok is a token as the tables below spell it.
type tok struct {
	Term       string
	Start, End int
	Pos        int
}

func toks(stream analysis.TokenStream) []tok {
	out := []tok{}
	for _, t := range stream {
		out = append(out, tok{string(t.Term), t.Start, t.End, t.Position})
	}
	return out
}

func TestWordAnalyzerTokens(t *testing.T) {
	a := NewWordAnalyzer(defaultSegmenter(t))
	tests := []struct {
		name, in string
		want     []tok
	}{
		{"simplified, search-mode sub-word", "刘振华市长", []tok{
			{"刘振华", 0, 9, 1}, {"振华", 3, 9, 2}, {"市长", 9, 15, 4},
		}},
		{"traditional folds before segmentation", "丁小強書記", []tok{
			{"丁小强", 0, 9, 1}, {"小强", 3, 9, 2}, {"书记", 9, 15, 4},
		}},
		{"user dictionary word and punctuation", "学党史、办实事", []tok{
			{"学党史", 0, 9, 1}, {"党史", 3, 9, 2}, {"办实事", 12, 21, 5}, {"实事", 15, 21, 6},
		}},
		{"full-width latin and digits", "ＧＤＰ增長５Ｇ，２０２１年", []tok{
			{"gdp", 0, 9, 1}, {"增长", 9, 15, 4}, {"5g", 15, 21, 6}, {"2021", 24, 36, 9}, {"年", 36, 39, 13},
		}},
		{"mixed scripts and widths", "迎澤區委書記李慧：Ｏｋ 3.82亿", []tok{
			{"迎泽", 0, 6, 1}, {"区委", 6, 12, 3}, {"区委书记", 6, 18, 3}, {"书记", 12, 18, 5},
			{"李慧", 18, 24, 7}, {"ok", 27, 33, 10}, {"3.82", 34, 38, 13}, {"亿", 38, 41, 17},
		}},
		{"simplified form longer in UTF-8", "㑮刘振华市长", []tok{
			{"𫝈", 0, 3, 1}, {"刘振华", 3, 12, 2}, {"振华", 6, 12, 3}, {"市长", 12, 18, 5},
		}},
		{"only punctuation and space", "，。 ！\u3000——", []tok{}},
		{"empty", "", []tok{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := toks(a.Analyze([]byte(tt.in)))
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Analyze(%q)\n got %v\nwant %v", tt.in, got, tt.want)
			}
		})
	}
}

func TestExactAnalyzerTokens(t *testing.T) {
	a := NewExactAnalyzer()
	tests := []struct {
		name, in string
		want     []tok
	}{
		{"simplified", "办实事", []tok{
			{"办", 0, 3, 1}, {"办实", 0, 6, 1}, {"实", 3, 6, 2}, {"实事", 3, 9, 2}, {"事", 6, 9, 3},
		}},
		{"traditional, punctuation skipped", "辦實，事", []tok{
			{"办", 0, 3, 1}, {"办实", 0, 6, 1}, {"实", 3, 6, 2}, {"实事", 3, 12, 2}, {"事", 9, 12, 3},
		}},
		{"full-width digits and latin", "５Ｇ 网", []tok{
			{"5", 0, 3, 1}, {"5g", 0, 6, 1}, {"g", 3, 6, 2}, {"g网", 3, 10, 2}, {"网", 7, 10, 3},
		}},
		{"longer simplified form", "㑮a", []tok{
			{"𫝈", 0, 3, 1}, {"𫝈a", 0, 4, 1}, {"a", 3, 4, 2},
		}},
		{"one rune", "Ｘ", []tok{{"x", 0, 3, 1}}},
		{"nothing kept", " ，。", []tok{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := toks(a.Analyze([]byte(tt.in)))
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Analyze(%q)\n got %v\nwant %v", tt.in, got, tt.want)
			}
		})
	}
}

func TestExactTerms(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"", nil},
		{"，。 ", nil},
		{"辦", []string{"办"}},
		{"辦實事", []string{"办实", "实事"}},
		{"办 实，事", []string{"办实", "实事"}},
		{"ＧＤＰ", []string{"gd", "dp"}},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := ExactTerms(tt.in); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("ExactTerms(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestWordTerms(t *testing.T) {
	tests := []struct {
		name  string
		words []string
		want  []string
	}{
		{"two words", []string{"转型", "发展"}, []string{"转型", "发展"}},
		{"a word of one rune, last", []string{"刘振华", "在", "太原"}, []string{"刘振", "振华", "太原", "在"}},
		{"a word of one rune a bigram holds", []string{"新", "新版", "版本"}, []string{"新版", "版本"}},
		{"sub-words add nothing", []string{"中华", "人民", "中华人民"}, []string{"中华", "人民", "华人"}},
		{"only runes", []string{"在", "和", "在"}, []string{"在", "和"}},
		{"folded", []string{"5G", "網絡", "猪"}, []string{"5g", "网络", "猪"}},
		{"no letters", []string{"，"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := WordTerms(tt.words); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("WordTerms(%q) = %q, want %q", tt.words, got, tt.want)
			}
		})
	}
}

// TestTokenInvariants checks, over the sample corpus and some edge cases,
// that offsets lie within the input on rune boundaries, in order, and that
// a token's original text folds to its term.
func TestTokenInvariants(t *testing.T) {
	inputs := []string{"a\xffb刘振华", "\x00迎澤區", "㑮㑮刘", "ＡＢ\u3000ｃ"}
	for _, text := range sampleTexts(t) {
		inputs = append(inputs, text)
	}
	analyzers := map[string]analysis.Analyzer{
		"word":  NewWordAnalyzer(defaultSegmenter(t)),
		"exact": NewExactAnalyzer(),
	}
	for name, a := range analyzers {
		for i, in := range inputs {
			t.Run(fmt.Sprintf("%s/%d", name, i), func(t *testing.T) {
				stream := a.Analyze([]byte(in))
				if len(in) > 1000 && len(stream) < 100 {
					t.Fatalf("only %d tokens for %d bytes", len(stream), len(in))
				}
				prevStart, prevPos := 0, 0
				for _, tk := range stream {
					if tk.Start < 0 || tk.End > len(in) || tk.Start >= tk.End {
						t.Fatalf("token %q [%d,%d) outside input of %d bytes", tk.Term, tk.Start, tk.End, len(in))
					}
					if !utf8.RuneStart(in[tk.Start]) || (tk.End < len(in) && !utf8.RuneStart(in[tk.End])) {
						t.Fatalf("token %q [%d,%d) splits a rune", tk.Term, tk.Start, tk.End)
					}
					if !utf8.Valid(tk.Term) {
						t.Fatalf("token term %q is not valid UTF-8", tk.Term)
					}
					if tk.Start < prevStart || tk.Position < prevPos {
						t.Fatalf("token %q [%d,%d) pos %d comes after start %d pos %d", tk.Term, tk.Start, tk.End, tk.Position, prevStart, prevPos)
					}
					prevStart, prevPos = tk.Start, tk.Position
					if name == "word" {
						if got := Fold(in[tk.Start:tk.End]); got != string(tk.Term) {
							t.Fatalf("token %q covers %q, which folds to %q", tk.Term, in[tk.Start:tk.End], got)
						}
						if want := 1 + utf8.RuneCountInString(in[:tk.Start]); tk.Position != want {
							t.Fatalf("token %q at byte %d has position %d, want %d", tk.Term, tk.Start, tk.Position, want)
						}
					}
				}
			})
		}
	}
}

func TestTraditionalAndSimplifiedTermsMatch(t *testing.T) {
	word := NewWordAnalyzer(defaultSegmenter(t))
	exact := NewExactAnalyzer()
	terms := func(a analysis.Analyzer, s string) []string {
		var out []string
		for _, tk := range a.Analyze([]byte(s)) {
			out = append(out, fmt.Sprintf("%s@%d", tk.Term, tk.Position))
		}
		return out
	}
	for _, pair := range [][2]string{
		{"辦實事", "办实事"},
		{"丁小強", "丁小强"},
		{"迎澤區委書記李慧", "迎泽区委书记李慧"},
		{"我為群眾辦實事", "我为群众办实事"},
	} {
		t.Run(pair[0], func(t *testing.T) {
			for name, a := range map[string]analysis.Analyzer{"word": word, "exact": exact} {
				tr, si := terms(a, pair[0]), terms(a, pair[1])
				if len(tr) == 0 || !reflect.DeepEqual(tr, si) {
					t.Errorf("%s: %s gives %v, %s gives %v", name, pair[0], tr, pair[1], si)
				}
			}
		})
	}
}

// testMapping indexes "text" with the word analyzer and "exact" with the
// exact analyzer, by name, as the index package does.
func testMapping() *mapping.IndexMappingImpl {
	m := bleve.NewIndexMapping()
	doc := bleve.NewDocumentMapping()
	word := bleve.NewTextFieldMapping()
	word.Analyzer = WordAnalyzerName
	word.IncludeTermVectors = true
	exact := bleve.NewTextFieldMapping()
	exact.Analyzer = ExactAnalyzerName
	exact.IncludeTermVectors = true
	exact.Store = false
	doc.AddFieldMappingsAt("text", word)
	doc.AddFieldMappingsAt("exact", exact)
	m.DefaultMapping = doc
	return m
}

func newTestIndex(t *testing.T, docs map[string]string) bleve.Index {
	t.Helper()
	idx, err := bleve.New(t.TempDir()+"/idx", testMapping())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { idx.Close() })
	b := idx.NewBatch()
	for id, text := range docs {
		if err := b.Index(id, map[string]any{"text": text, "exact": text}); err != nil {
			t.Fatal(err)
		}
	}
	if err := idx.Batch(b); err != nil {
		t.Fatal(err)
	}
	return idx
}

func hitIDs(t *testing.T, idx bleve.Index, q query.Query) []string {
	t.Helper()
	req := bleve.NewSearchRequestOptions(q, 1000, 0, false)
	res, err := idx.Search(req)
	if err != nil {
		t.Fatal(err)
	}
	ids := []string{}
	for _, h := range res.Hits {
		ids = append(ids, h.ID)
	}
	sort.Strings(ids)
	return ids
}

// exactQuery is how a quoted query is meant to be run on the exact field.
func exactQuery(q string) query.Query {
	terms := ExactTerms(q)
	if len(terms) == 0 {
		return bleve.NewMatchNoneQuery()
	}
	pq := bleve.NewPhraseQuery(terms, "exact")
	return pq
}

func TestPhraseQueriesOnWordField(t *testing.T) {
	idx := newTestIndex(t, map[string]string{
		"adjacent":    "太原市委常委、小店区委书记刘振华市长出席会议。",
		"gap":         "刘振华是市长，振华同志和市长都来了。",
		"prc":         "中华人民共和国成立七十周年。",
		"prc-split":   "人民的共和国。",
		"traditional": "迎澤區委書記李慧：我為群眾辦實事。",
		"simplified":  "丁小强同志在我为群众办实事活动中讲话。",
	})
	tests := []struct {
		phrase string
		want   []string
	}{
		{"振华市长", []string{"adjacent"}}, // across words: 刘振华 + 市长
		{"刘振华市长", []string{"adjacent"}},
		{"人民共和国", []string{"prc"}}, // inside one word: 中华人民共和国
		{"共和国成立", []string{"prc"}},
		{"市长刘振华", []string{}}, // words present, order wrong
		{"人民共和", []string{"prc"}},
		{"辦實事", []string{"simplified", "traditional"}},
		{"办实事", []string{"simplified", "traditional"}},
		{"丁小強", []string{"simplified"}},
		{"丁小强", []string{"simplified"}},
		{"区委书记李慧", []string{"traditional"}},
		{"李慧刘振华", []string{}},
	}
	for _, tt := range tests {
		t.Run(tt.phrase, func(t *testing.T) {
			q := bleve.NewMatchPhraseQuery(tt.phrase)
			q.SetField("text")
			if got := hitIDs(t, idx, q); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("match phrase %q on word field = %v, want %v", tt.phrase, got, tt.want)
			}
			if got := hitIDs(t, idx, exactQuery(tt.phrase)); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("exact phrase %q = %v, want %v", tt.phrase, got, tt.want)
			}
		})
	}
}

// compact is the text exact matching sees: folded, letters and digits only.
func compact(s string) []rune {
	var out []rune
	for _, r := range Fold(s) {
		if keepExact(r) {
			out = append(out, r)
		}
	}
	return out
}

// TestExactPhraseProperty: for random substrings of the sample corpus, an
// exact phrase search returns exactly the documents whose folded,
// punctuation-free text contains the substring.
func TestExactPhraseProperty(t *testing.T) {
	texts := sampleTexts(t)
	docs := map[string]string{}
	compacts := map[string]string{}
	var names []string
	for name, text := range texts {
		docs[name] = text
		compacts[name] = string(compact(text))
		names = append(names, name)
	}
	slices.Sort(names)
	idx := newTestIndex(t, docs)

	rng := rand.New(rand.NewSource(20260711))
	const samples = 300
	multi := 0
	for i := range samples {
		src := []rune(compacts[names[rng.Intn(len(names))]])
		n := 1 + rng.Intn(8)
		at := rng.Intn(len(src) - n)
		sub := string(src[at : at+n])
		// Query with the original spelling half of the time: the query is
		// folded like the documents.
		q := sub
		if i%2 == 1 {
			q = strings.Join(strings.Split(sub, ""), " ")
		}
		want := []string{}
		for _, name := range names {
			if strings.Contains(compacts[name], sub) {
				want = append(want, name)
			}
		}
		if len(want) > 1 {
			multi++
		}
		got := hitIDs(t, idx, exactQuery(q))
		if !reflect.DeepEqual(got, want) {
			t.Errorf("exact phrase %q (%d runes): got %v, want %v", q, n, got, want)
		}
	}
	// Substrings that cross document boundaries are in no document.
	for i := range 20 {
		a := []rune(compacts[names[i%len(names)]])
		b := []rune(compacts[names[(i+1)%len(names)]])
		sub := string(a[len(a)-3:]) + string(b[:3])
		want := []string{}
		for _, name := range names {
			if strings.Contains(compacts[name], sub) {
				want = append(want, name)
			}
		}
		if got := hitIDs(t, idx, exactQuery(sub)); !reflect.DeepEqual(got, want) {
			t.Errorf("exact phrase %q: got %v, want %v", sub, got, want)
		}
	}
	if multi < samples/10 {
		t.Errorf("only %d of %d substrings occur in several documents: the test says little about precision", multi, samples)
	}
}

// TestKeepExactIsLetterOrNumber: the fast paths must not change which
// runes exact matching sees; other packages (highlighting) rely on the
// plain definition.
func TestKeepExactIsLetterOrNumber(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if got, want := keepExact(r), unicode.IsLetter(r) || unicode.IsNumber(r); got != want {
			t.Fatalf("keepExact(%U) = %v, want %v", r, got, want)
		}
	}
}
