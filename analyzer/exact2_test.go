package analyzer

import (
	"math/rand"
	"reflect"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search/query"
)

func TestExactBigramTokens(t *testing.T) {
	tests := []struct {
		in   string
		want []tok
	}{
		{"辦實事！", []tok{{"办实", 0, 0, 1}, {"实事", 0, 0, 2}, {"事", 0, 0, 3}}},
		{"a", []tok{{"a", 0, 0, 1}}},
		{"５Ｇ，網", []tok{{"5g", 0, 0, 1}, {"g网", 0, 0, 2}, {"网", 0, 0, 3}}},
		{"，。 ", nil},
		{"", nil},
	}
	for _, tt := range tests {
		got := toks(ExactBigramTokenizer{}.Tokenize([]byte(tt.in)))
		if len(got) == 0 && len(tt.want) == 0 {
			continue
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Tokenize(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

// TestExactBigramMatchesExact: the indexed form is the exact analyzer's
// bigrams at their positions, and its last unigram after them, for the
// sample pages and random strings of tricky runes (invalid UTF-8, combining
// marks, full-width letters, punctuation).
func TestExactBigramMatchesExact(t *testing.T) {
	texts := []string{"", "a", "习", "，", "a\xffb\xe4\xb8c刘振华", "　　開新局\n\n开新局", "運城市委書記丁小強 ＧＤＰ增長5.2%"}
	for _, text := range sampleTexts(t) {
		texts = append(texts, text)
	}
	alphabet := []rune("刘振华辦实事,。 \n5gGＧ—“”a\u00e9\u0301")
	rng := rand.New(rand.NewSource(7))
	for range 300 {
		rs := make([]rune, rng.Intn(12))
		for i := range rs {
			rs[i] = alphabet[rng.Intn(len(alphabet))]
		}
		texts = append(texts, string(rs))
	}
	for _, text := range texts {
		var want []tok
		var last tok
		for _, tk := range (ExactTokenizer{}).Tokenize([]byte(text)) {
			tk := tok{string(tk.Term), 0, 0, tk.Position}
			if utf8.RuneCountInString(tk.Term) == 2 {
				want = append(want, tk)
			} else {
				last = tk
			}
		}
		if last.Term != "" {
			want = append(want, last)
		}
		got := toks(ExactBigramTokenizer{}.Tokenize([]byte(text)))
		if len(got) == 0 && len(want) == 0 {
			continue
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("%q: %v, want %v", text, got, want)
		}
	}
}

func TestExactBigramQueryForms(t *testing.T) {
	tests := []struct {
		q     string
		terms []string
		kind  query.Query
	}{
		{"辦", []string{"办"}, &query.PrefixQuery{}},
		{"「辦實」", []string{"办实"}, &query.TermQuery{}},
		{"辦 實事", []string{"办实", "实事"}, &query.PhraseQuery{}},
		{"，", nil, &query.MatchNoneQuery{}},
	}
	for _, tt := range tests {
		if terms := ExactTerms(tt.q); !slices.Equal(terms, tt.terms) {
			t.Errorf("ExactTerms(%q) = %v, want %v", tt.q, terms, tt.terms)
		}
		if got := ExactBigramQuery("exact2", tt.q); reflect.TypeOf(got) != reflect.TypeOf(tt.kind) {
			t.Errorf("ExactBigramQuery(%q) is a %T, want %T", tt.q, got, tt.kind)
		}
	}
}

// exact2Mapping indexes "exact" with the exact analyzer and "exact2" with
// the bigram one, by name, as the index package would.
func exact2Mapping() *mapping.IndexMappingImpl {
	m := bleve.NewIndexMapping()
	doc := bleve.NewDocumentMapping()
	for field, name := range map[string]string{"exact": ExactAnalyzerName, "exact2": ExactBigramAnalyzerName} {
		f := bleve.NewTextFieldMapping()
		f.Analyzer = name
		f.IncludeTermVectors = true
		f.Store = false
		doc.AddFieldMappingsAt(field, f)
	}
	m.DefaultMapping = doc
	return m
}

// TestExactBigramProperty: for random substrings of the sample corpus (a
// third of them one rune long, answered by the prefix form), the bigram
// field returns exactly the documents whose folded, punctuation-free text
// contains the substring — the same as the exact field.
func TestExactBigramProperty(t *testing.T) {
	texts := sampleTexts(t)
	// Short documents make the last-rune unigram matter: a rune that only
	// ends a document is found through it.
	texts["tail-a"] = "中华人民共和国"
	texts["tail-b"] = "国"
	texts["tail-c"] = "人民。国！"
	idx, err := bleve.New(t.TempDir()+"/idx", exact2Mapping())
	if err != nil {
		t.Fatal(err)
	}
	defer idx.Close()
	b := idx.NewBatch()
	var names []string
	compacts := map[string]string{}
	for name, text := range texts {
		if err := b.Index(name, map[string]any{"exact": text, "exact2": text}); err != nil {
			t.Fatal(err)
		}
		names = append(names, name)
		compacts[name] = string(compact(text))
	}
	if err := idx.Batch(b); err != nil {
		t.Fatal(err)
	}
	slices.Sort(names)
	oracle := func(sub string) []string {
		want := []string{}
		for _, name := range names {
			if strings.Contains(compacts[name], string(compact(sub))) {
				want = append(want, name)
			}
		}
		return want
	}
	queries := []string{"国", "国。", "民国", "人民国", "和国", "中"}
	rng := rand.New(rand.NewSource(20261122))
	for range 300 {
		src := []rune(compacts[names[rng.Intn(len(names))]])
		n := 1 + rng.Intn(8)
		if rng.Intn(3) == 0 {
			n = 1
		}
		if n >= len(src) {
			n = len(src)
		}
		at := rng.Intn(len(src) - n + 1)
		queries = append(queries, string(src[at:at+n]))
	}
	for _, q := range queries {
		want := oracle(q)
		if got := hitIDs(t, idx, ExactBigramQuery("exact2", q)); !reflect.DeepEqual(got, want) {
			t.Errorf("bigram field %q: got %v, want %v", q, got, want)
		}
		old := bleve.NewPhraseQuery(ExactTerms(q), "exact")
		if got := hitIDs(t, idx, old); !reflect.DeepEqual(got, want) {
			t.Errorf("exact field %q: got %v, want %v", q, got, want)
		}
	}
}
