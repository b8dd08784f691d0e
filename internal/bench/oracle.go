package bench

import (
	"context"
	"fmt"
	"math/rand/v2"
	"runtime"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"fangtan/analyzer"
)

// Kinds of recall query: where the substring was cut from.
const (
	RecallCrossPunct = "cross-punct" // spans a punctuation mark
	RecallInWord     = "in-word"     // starts inside a jieba word
	RecallRandom     = "random"      // anywhere
)

// RecallQuery is one quoted query of the recall sample: Text is the
// substring as cut from an article (without the quotes).
type RecallQuery struct {
	Kind string `json:"kind"`
	Text string `json:"text"`
}

// oracleNorm is the oracle's view of a text: analyzer.Fold (full-width to
// half-width, Latin lower-cased, Traditional to Simplified), then every
// rune that is not a letter or a number (punctuation, symbols, spaces)
// removed. A document matches a quoted query when oracleNorm of its title
// or of its text contains oracleNorm of the query.
func oracleNorm(s string) string {
	f := analyzer.Fold(s)
	var b strings.Builder
	b.Grow(len(f))
	for _, r := range f {
		if unicode.IsLetter(r) || unicode.IsNumber(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// BuildRecallSample draws n quoted queries of 2–8 characters with a fixed
// seed: a third spanning a punctuation mark, a third starting inside a
// multi-character jieba word, a third anywhere. Windows holding whitespace
// or a quotation mark, or starting or ending with punctuation, are
// redrawn: a user would not type them between quotes.
func BuildRecallSample(recs []Record, n int, seed uint64) []RecallQuery {
	rng := rand.New(rand.NewPCG(seed, 2))
	kinds := []string{RecallCrossPunct, RecallInWord, RecallRandom}
	seen := map[string]bool{}
	var out []RecallQuery
	for tries := 0; len(out) < n && tries < 200*n; tries++ {
		kind := kinds[len(out)%len(kinds)]
		r := &recs[rng.IntN(len(recs))]
		runes := []rune(r.Text)
		size := 2 + rng.IntN(7)
		if len(runes) < size+2 {
			continue
		}
		var start int
		switch kind {
		case RecallCrossPunct:
			p := rng.IntN(len(runes)-2) + 1
			for p < len(runes)-1 && !unicode.IsPunct(runes[p]) {
				p++
			}
			if p >= len(runes)-1 || size < 3 {
				continue
			}
			// the mark must be inside the window, not at either end
			start = p - 1 - rng.IntN(size-2)
		case RecallInWord:
			s := rng.IntN(len(runes) - size)
			chunk := string(runes[s:min(len(runes), s+40)])
			words := peerJieba().Cut(chunk, true)
			off, found := 0, false
			for _, w := range words {
				if n := utf8.RuneCountInString(w); n >= 3 && allHan(w) {
					start, found = s+off+1+rng.IntN(n-2), true
					break
				}
				off += utf8.RuneCountInString(w)
			}
			if !found {
				continue
			}
		default:
			start = rng.IntN(len(runes) - size + 1)
		}
		if start < 0 || start+size > len(runes) {
			continue
		}
		w := runes[start : start+size]
		if !goodWindow(w) {
			continue
		}
		text := string(w)
		if seen[text] || utf8.RuneCountInString(oracleNorm(text)) < 2 {
			continue
		}
		seen[text] = true
		out = append(out, RecallQuery{Kind: kind, Text: text})
	}
	return out
}

// quoteMarks are the characters fangtan's query language (like most) reads
// as phrase delimiters; a window holding one could not be typed as one
// quoted phrase, so the sample leaves them out.
const quoteMarks = "\"“”„‟「」『』＂"

func goodWindow(w []rune) bool {
	if unicode.IsPunct(w[0]) || unicode.IsPunct(w[len(w)-1]) || unicode.IsSymbol(w[0]) || unicode.IsSymbol(w[len(w)-1]) {
		return false
	}
	for _, r := range w {
		if unicode.IsSpace(r) || unicode.IsControl(r) || r == '\\' || strings.ContainsRune(quoteMarks, r) {
			return false
		}
	}
	return true
}

// oracle answers "which documents contain this substring" by brute force.
type oracle struct {
	ids          []string
	title, texts []string // oracleNorm of each document's title and text
}

func newOracle(recs []Record) *oracle {
	o := &oracle{ids: make([]string, len(recs)), title: make([]string, len(recs)), texts: make([]string, len(recs))}
	parallel(len(recs), func(i int) {
		o.ids[i] = recs[i].ID
		o.title[i] = oracleNorm(recs[i].Title)
		o.texts[i] = oracleNorm(recs[i].Text)
	})
	return o
}

func (o *oracle) match(q string) map[string]bool {
	nq := oracleNorm(q)
	out := map[string]bool{}
	for i := range o.ids {
		if strings.Contains(o.texts[i], nq) || strings.Contains(o.title[i], nq) {
			out[o.ids[i]] = true
		}
	}
	return out
}

// parallel calls fn(0..n-1) on GOMAXPROCS goroutines.
func parallel(n int, fn func(i int)) {
	workers := runtime.GOMAXPROCS(0)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; i < n; i += workers {
				fn(i)
			}
		}()
	}
	wg.Wait()
}

// Recall is how a configuration's quoted queries compare with the oracle.
type Recall struct {
	Queries  int `json:"queries"`
	Expected int `json:"expected"` // (query, document) pairs the oracle finds
	Found    int `json:"found"`    // of those, returned by the configuration
	Returned int `json:"returned"` // pairs the configuration returned
	Wrong    int `json:"wrong"`    // returned pairs the oracle does not find
	// Recall = Found/Expected; Precision = (Returned-Wrong)/Returned.
	Recall    float64 `json:"recall"`
	Precision float64 `json:"precision"`
	// PerfectQueries is how many queries returned exactly the oracle's set.
	PerfectQueries int                `json:"perfect_queries"`
	ByKind         map[string]float64 `json:"recall_by_kind"`
	Misses         []string           `json:"examples_missed,omitempty"`
	Errors         int                `json:"errors"`
	FirstError     string             `json:"first_error,omitempty"`
}

type phraser interface {
	Phrase(ctx context.Context, phrase string) ([]string, error)
}

// measureRecall runs every sample query through e and compares with the
// oracle built from the texts the configuration indexed.
func measureRecall(ctx context.Context, e phraser, o *oracle, sample []RecallQuery, expected []map[string]bool) Recall {
	rc := Recall{Queries: len(sample), ByKind: map[string]float64{}}
	kindExp, kindFound := map[string]int{}, map[string]int{}
	for i, q := range sample {
		exp := expected[i]
		got, err := e.Phrase(ctx, q.Text)
		if err != nil {
			rc.Errors++
			if rc.FirstError == "" {
				rc.FirstError = fmt.Sprintf("%q: %v", q.Text, err)
			}
			rc.Expected += len(exp)
			kindExp[q.Kind] += len(exp)
			continue
		}
		found, wrong := 0, 0
		gotSet := map[string]bool{}
		for _, id := range got {
			if gotSet[id] {
				continue
			}
			gotSet[id] = true
			if exp[id] {
				found++
			} else {
				wrong++
			}
		}
		rc.Expected += len(exp)
		rc.Found += found
		rc.Returned += len(gotSet)
		rc.Wrong += wrong
		kindExp[q.Kind] += len(exp)
		kindFound[q.Kind] += found
		if found == len(exp) && wrong == 0 {
			rc.PerfectQueries++
		} else if len(rc.Misses) < 8 {
			rc.Misses = append(rc.Misses, fmt.Sprintf("%q: oracle %d, found %d, wrong %d", q.Text, len(exp), found, wrong))
		}
	}
	rc.Recall = ratio(rc.Found, rc.Expected)
	rc.Precision = ratio(rc.Returned-rc.Wrong, rc.Returned)
	for k, n := range kindExp {
		rc.ByKind[k] = ratio(kindFound[k], n)
	}
	return rc
}

// ratio is a/b, or 1 when there was nothing to find.
func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}
