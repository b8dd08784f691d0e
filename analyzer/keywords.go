package analyzer

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// KeywordRanker is implemented by Segmenters that can rank words the caller
// has already segmented. A caller that segments a text anyway (the corpus
// extractor tags most of an article) then saves the second, full
// segmentation pass that Keywords makes inside cppjieba.
type KeywordRanker interface {
	// TFIDF returns the ranker built from the segmenter's idf and stop-word
	// files, loading them on first use.
	TFIDF() (*TFIDF, error)
}

// TFIDF ranks words exactly as cppjieba's KeywordExtractor does: single-rune
// words and stop words are skipped, each remaining word weighs its count
// times its idf (the mean idf when unknown), and the top k come out in the
// order of libstdc++'s partial_sort over the words in byte order, so that
// ties break as jieba breaks them. Given the words of Cut(text), Top returns
// what Keywords(text, k) returns.
//
// The tables take 9.1 MB of heap for jieba's idf.utf8 (go test ./analyzer
// -run '^$' -bench TFIDF/load); only the indexing process needs them.
type TFIDF struct {
	// idf is keyed by a 64-bit hash of the word rather than the word: 16
	// bytes a slot and no key string to fetch, which made the lookups
	// (most of Top's time, cache misses in a large table) about 30%
	// cheaper and the tables 9.1 MB instead of 13.3 MB of heap.
	// ParseTFIDF rejects a file with two words of one hash.
	idf  map[uint64]float64
	mean float64
	stop map[string]struct{}
}

// wordHash is 64-bit FNV-1a.
func wordHash(w string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(w); i++ {
		h ^= uint64(w[i])
		h *= 1099511628211
	}
	return h
}

// ParseTFIDF reads jieba's idf file ("word idf" per line) and stop-word file
// (one word per line) the way cppjieba reads them.
func ParseTFIDF(idf, stop []byte) (*TFIDF, error) {
	t := &TFIDF{idf: make(map[uint64]float64, bytes.Count(idf, []byte{'\n'})+1), stop: map[string]struct{}{}}
	words := make(map[uint64]string, len(t.idf))
	all := string(idf)
	lines, sum := 0, 0.0
	for rest := all; rest != ""; lines++ {
		line, tail, _ := strings.Cut(rest, "\n")
		rest = tail
		if line == "" {
			continue
		}
		// cppjieba skips the lines that do not split in two at spaces.
		word, v, ok := strings.Cut(line, " ")
		if !ok || v == "" {
			continue
		}
		v = strings.TrimSuffix(v, " ") // limonp::Split drops one empty field at the end
		if strings.Contains(v, " ") {
			continue
		}
		f := atof(v)
		h := wordHash(word)
		if w, ok := words[h]; ok && w != word {
			return nil, fmt.Errorf("idf file: words %q and %q have the same hash", w, word)
		}
		words[h] = word
		t.idf[h] = f
		sum += f
	}
	if lines == 0 || sum <= 0 {
		return nil, errors.New("idf file: no positive idf values")
	}
	// cppjieba divides by every line read, the skipped ones included.
	t.mean = sum / float64(lines)
	for rest := string(stop); rest != ""; {
		line, tail, _ := strings.Cut(rest, "\n")
		rest = tail
		t.stop[line] = struct{}{}
	}
	return t, nil
}

// atof is C's atof: the longest valid prefix, 0 when there is none.
func atof(s string) float64 {
	s = strings.TrimLeft(s, " \t\r\v\f")
	if f, err := strconv.ParseFloat(s, 64); err == nil {
		return f
	}
	for n := len(s) - 1; n > 0; n-- {
		if f, err := strconv.ParseFloat(s[:n], 64); err == nil {
			return f
		}
	}
	return 0
}

// loadTFIDF reads the files gojieba was opened with.
func loadTFIDF(idfPath, stopPath string) (*TFIDF, error) {
	idf, err := os.ReadFile(idfPath)
	if err != nil {
		return nil, err
	}
	stop, err := os.ReadFile(stopPath)
	if err != nil {
		return nil, err
	}
	return ParseTFIDF(idf, stop)
}

type weighted struct {
	word   string
	weight float64
}

// Top returns the k words of highest weight.
func (t *TFIDF) Top(words []string, k int) []string {
	if k <= 0 {
		return nil
	}
	counts := make(map[string]float64, len(words)/2)
	for _, w := range words {
		if w == "" {
			continue
		}
		if _, n := utf8.DecodeRuneInString(w); n == len(w) {
			continue
		}
		counts[w]++
	}
	ws := make([]weighted, 0, len(counts))
	for w, n := range counts {
		// Stop words are looked up once per distinct word, not per token.
		if _, ok := t.stop[w]; ok {
			continue
		}
		idf, ok := t.idf[wordHash(w)]
		if !ok {
			idf = t.mean
		}
		ws = append(ws, weighted{w, n * idf})
	}
	// std::map iterates in byte order; the heap below depends on it.
	sortByWord(ws)
	k = min(k, len(ws))
	partialSort(ws, k)
	out := make([]string, k)
	for i := range out {
		out[i] = ws[i].word
	}
	return out
}

func sortByWord(ws []weighted) {
	slices.SortFunc(ws, func(a, b weighted) int { return strings.Compare(a.word, b.word) })
}

// The functions below follow libstdc++'s std::partial_sort (heap_select,
// then sort_heap) step by step with cppjieba's comparison (heavier first),
// because words of equal weight come out in the order its heap leaves them.

func heavier(a, b weighted) bool { return a.weight > b.weight }

func partialSort(ws []weighted, middle int) {
	heapSelect(ws, middle)
	sortHeap(ws[:middle])
}

func heapSelect(ws []weighted, middle int) {
	makeHeap(ws[:middle])
	for i := middle; i < len(ws); i++ {
		if heavier(ws[i], ws[0]) {
			popHeap(ws[:middle], i, ws)
		}
	}
}

func makeHeap(h []weighted) {
	n := len(h)
	if n < 2 {
		return
	}
	for parent := (n - 2) / 2; ; parent-- {
		adjustHeap(h, parent, n, h[parent])
		if parent == 0 {
			return
		}
	}
}

// popHeap moves the heap's top to all[result] and sifts all[result]'s old
// value into the heap h (a prefix of all).
func popHeap(h []weighted, result int, all []weighted) {
	v := all[result]
	all[result] = h[0]
	adjustHeap(h, 0, len(h), v)
}

func adjustHeap(h []weighted, hole, n int, v weighted) {
	top := hole
	child := hole
	for child < (n-1)/2 {
		child = 2 * (child + 1)
		if heavier(h[child], h[child-1]) {
			child--
		}
		h[hole] = h[child]
		hole = child
	}
	if n&1 == 0 && child == (n-2)/2 {
		child = 2 * (child + 1)
		h[hole] = h[child-1]
		hole = child - 1
	}
	pushHeap(h, hole, top, v)
}

func pushHeap(h []weighted, hole, top int, v weighted) {
	parent := (hole - 1) / 2
	for hole > top && heavier(h[parent], v) {
		h[hole] = h[parent]
		hole = parent
		parent = (hole - 1) / 2
	}
	h[hole] = v
}

func sortHeap(h []weighted) {
	for last := len(h) - 1; last > 0; last-- {
		popHeap(h[:last], last, h)
	}
}
