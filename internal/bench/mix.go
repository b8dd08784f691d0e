package bench

import (
	"cmp"
	"fangtan/internal/han"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/longbridgeapp/opencc"
)

// Kinds of query in the mix.
const (
	KindWord        = "word"        // one frequent word
	KindMulti       = "multi"       // two frequent words, both required
	KindPhrase      = "phrase"      // a quoted substring of an article
	KindFacet       = "facet"       // a word drilled down to one year
	KindQuote       = "quote"       // a word searched in quotations
	KindTraditional = "traditional" // a frequent word written in Traditional
)

// MixQuery is one query of the fixed mix. Text is what a user types:
// phrases carry their quotes.
type MixQuery struct {
	Kind string `json:"kind"`
	Text string `json:"q"`
	Year string `json:"year,omitempty"`
}

// How many queries of each kind the mix holds.
var mixShape = []struct {
	kind string
	n    int
}{
	{KindWord, 12}, {KindMulti, 8}, {KindPhrase, 10}, {KindFacet, 6}, {KindQuote, 6}, {KindTraditional, 8},
}

// BuildMix draws the query mix from the corpus with a fixed seed, so the
// same corpus always gives the same mix: words are taken from the 200 most
// frequent words (jieba precise mode over a sample of articles, 2–4 Han
// characters, skipping the 10 most frequent), phrases are 2–6 character
// substrings of random articles, Traditional queries are frequent words
// converted with OpenCC s2t.
func BuildMix(recs []Record, seed uint64) ([]MixQuery, error) {
	if len(recs) == 0 {
		return nil, fmt.Errorf("query mix: empty corpus")
	}
	rng := rand.New(rand.NewPCG(seed, 1))
	counts := map[string]int{}
	for range min(400, len(recs)) {
		r := &recs[rng.IntN(len(recs))]
		for _, w := range peerJieba().Cut(r.Title+"\n"+r.Text, true) {
			if n := utf8.RuneCountInString(w); n >= 2 && n <= 4 && allHan(w) {
				counts[w]++
			}
		}
	}
	words := make([]string, 0, len(counts))
	for w := range counts {
		words = append(words, w)
	}
	slices.SortFunc(words, func(a, b string) int {
		if c := cmp.Compare(counts[b], counts[a]); c != 0 {
			return c
		}
		return strings.Compare(a, b)
	})
	if len(words) > 10 {
		words = words[10:min(len(words), 200)]
	}
	if len(words) < 4 {
		return nil, fmt.Errorf("query mix: only %d frequent words in the corpus", len(words))
	}
	word := func() string { return words[rng.IntN(len(words))] }

	s2t, err := opencc.New("s2t")
	if err != nil {
		return nil, fmt.Errorf("query mix: opencc: %w", err)
	}
	var years []string
	for i := range recs {
		if y := recs[i].Year(); y != "" && !slices.Contains(years, y) {
			years = append(years, y)
		}
	}
	slices.Sort(years)

	var mix []MixQuery
	seen := map[MixQuery]bool{}
	add := func(q MixQuery) bool {
		if seen[q] {
			return false
		}
		seen[q] = true
		mix = append(mix, q)
		return true
	}
	for _, s := range mixShape {
		for got, tries := 0, 0; got < s.n && tries < 50*s.n; tries++ {
			q := MixQuery{Kind: s.kind}
			switch s.kind {
			case KindWord, KindQuote:
				q.Text = word()
			case KindMulti:
				a, b := word(), word()
				if a == b {
					continue
				}
				q.Text = a + " " + b
			case KindPhrase:
				r := &recs[rng.IntN(len(recs))]
				p, ok := hanWindow(r.Text, 2+rng.IntN(5), rng)
				if !ok {
					continue
				}
				q.Text = `"` + p + `"`
			case KindFacet:
				if len(years) == 0 {
					continue
				}
				q.Text, q.Year = word(), years[rng.IntN(len(years))]
			case KindTraditional:
				w := word()
				t, err := s2t.Convert(w)
				if err != nil || t == w {
					continue
				}
				q.Text = t
			}
			if add(q) {
				got++
			}
		}
	}
	return mix, nil
}

func allHan(s string) bool {
	for _, r := range s {
		if !han.Is(r) {
			return false
		}
	}
	return s != ""
}

// hanWindow returns n consecutive Han characters from a random place in text.
func hanWindow(text string, n int, rng *rand.Rand) (string, bool) {
	runes := []rune(text)
	if len(runes) < n {
		return "", false
	}
	for range 20 {
		s := rng.IntN(len(runes) - n + 1)
		w := string(runes[s : s+n])
		if allHan(w) {
			return w, true
		}
	}
	return "", false
}
