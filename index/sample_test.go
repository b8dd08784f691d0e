package index

import (
	"context"
	"encoding/json"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"

	"fangtan"
	"fangtan/analyzer"
	"fangtan/corpus"
	"fangtan/extract"
	"fangtan/query"
)

// sample is the bundled sample corpus indexed through the real pipeline
// (reading, extraction, analysis), built once per test binary.
var sample struct {
	once sync.Once
	dir  string
	idx  *Index
	docs []fangtan.Document
	err  error
}

func sampleIndex(t testing.TB) (*Index, []fangtan.Document) {
	t.Helper()
	sample.once.Do(func() {
		seg, err := analyzer.Default()
		if err != nil {
			sample.err = err
			return
		}
		ex, err := extract.NewExtractor(seg)
		if err != nil {
			sample.err = err
			return
		}
		src := func(ctx context.Context, emit func(fangtan.Document) error) error {
			_, err := corpus.Load(ctx, corpus.Options{}, nil, emit)
			return err
		}
		var mu sync.Mutex
		prepare := func(d *fangtan.Document) {
			ex.Extract(d)
			mu.Lock()
			sample.docs = append(sample.docs, *d)
			mu.Unlock()
		}
		if sample.dir, sample.err = os.MkdirTemp("", "fangtan-sample-test-"); sample.err != nil {
			return
		}
		path := filepath.Join(sample.dir, "sample")
		if _, sample.err = Build(context.Background(), path, src, BuildOptions{Prepare: prepare}); sample.err != nil {
			return
		}
		sample.idx, sample.err = Open(path)
	})
	if sample.err != nil {
		t.Fatal(sample.err)
	}
	if len(sample.docs) < 5 {
		t.Fatalf("the sample corpus gave %d documents", len(sample.docs))
	}
	return sample.idx, sample.docs
}

// TestSampleCases runs testdata/sample.json on the sample corpus. The cases
// name documents a result must and must not contain, so that they hold
// while extraction improves.
func TestSampleCases(t *testing.T) {
	idx, _ := sampleIndex(t)
	b, err := os.ReadFile("testdata/sample.json")
	if err != nil {
		t.Fatal(err)
	}
	var cases []struct {
		Name     string   `json:"name"`
		Q        string   `json:"q"`
		Includes []string `json:"includes"`
		Excludes []string `json:"excludes"`
	}
	if err := json.Unmarshal(b, &cases); err != nil {
		t.Fatal(err)
	}
	for _, c := range cases {
		t.Run(c.Name, func(t *testing.T) {
			res, err := idx.Search(context.Background(), fangtan.Query{Text: c.Q, Size: 100})
			if err != nil {
				t.Fatal(err)
			}
			got := hitIDs(res)
			for _, id := range c.Includes {
				if !slices.Contains(got, id) {
					t.Errorf("%q = %v, lacks %s", c.Q, got, id)
				}
			}
			for _, id := range c.Excludes {
				if slices.Contains(got, id) {
					t.Errorf("%q = %v, contains %s", c.Q, got, id)
				}
			}
			for _, h := range res.Hits {
				checkHTML(t, h.Fragments...)
			}
		})
	}
}

// TestSampleExactSubstrings: a quoted phrase returns exactly the documents
// whose folded, punctuation-free title or text contains it (recall and
// precision 100%), and a bare word at least those; Traditional and
// Simplified spellings give the same results.
func TestSampleExactSubstrings(t *testing.T) {
	idx, docs := sampleIndex(t)
	norm := query.Normalize
	rng := rand.New(rand.NewPCG(7, 11))
	phrases := []string{"事业是拼出来的", "振华", "辦實事", "办实事", "锦绣太原城", "人民共和国", "党史学习教育", "丁小强", "國", "城"}
	// One-rune queries are prefix queries on the bigram fields, whose last
	// term is the text's last rune alone; analyzer's TestExactBigramProperty
	// covers texts where a rune occurs only at the end.
	for _, d := range docs[:3] {
		for _, s := range []string{d.Title, d.Text} {
			if rs := []rune(query.Normalize(s)); len(rs) > 0 {
				phrases = append(phrases, string(rs[len(rs)-1]))
			}
		}
	}
	for len(phrases) < 70 {
		d := docs[rng.IntN(len(docs))]
		rs := []rune(query.Normalize(d.Text))
		if len(rs) < 10 {
			continue
		}
		n := 1 + rng.IntN(7)
		i := rng.IntN(len(rs) - n)
		phrases = append(phrases, string(rs[i:i+n]))
	}
	for _, p := range phrases {
		var want []string
		for _, d := range docs {
			if strings.Contains(norm(d.Title), norm(p)) || strings.Contains(norm(d.Text), norm(p)) {
				want = append(want, d.ID)
			}
		}
		sort.Strings(want)
		for _, q := range []string{`"` + p + `"`, `"` + analyzer.Fold(p) + `"`} {
			res, err := idx.Search(context.Background(), fangtan.Query{Text: q, Size: 100})
			if err != nil {
				t.Fatal(err)
			}
			got := hitIDs(res)
			sort.Strings(got)
			if !slices.Equal(got, want) {
				t.Errorf("%s = %v, want exactly %v", q, got, want)
			}
			for _, h := range res.Hits {
				checkHTML(t, h.Fragments...)
				if !strings.Contains(strings.Join(h.Fragments, ""), "<mark>") && strings.Contains(norm(docText(docs, h.ID)), norm(p)) {
					t.Errorf("%s: hit %s has no mark in %q", q, h.ID, h.Fragments)
				}
			}
		}
		res, err := idx.Search(context.Background(), fangtan.Query{Text: p, Size: 100})
		if err != nil {
			t.Fatal(err)
		}
		for _, id := range want {
			if !slices.Contains(hitIDs(res), id) {
				t.Errorf("word %s misses %s, which contains it", p, id)
			}
		}
	}
}

func docText(docs []fangtan.Document, id string) string {
	for _, d := range docs {
		if d.ID == id {
			return d.Text
		}
	}
	return ""
}

// TestSampleFacets: for every facet value of a few searches, filtering by
// it gives exactly the count shown; values are Simplified.
func TestSampleFacets(t *testing.T) {
	idx, _ := sampleIndex(t)
	for _, q := range []string{"year:2021 OR province:山西", "办实事", "转型发展 city:太原"} {
		res, err := idx.Search(context.Background(), fangtan.Query{Text: q})
		if err != nil {
			t.Fatal(err)
		}
		if res.Total == 0 {
			t.Fatalf("%q found nothing", q)
		}
		for name, counts := range res.Facets {
			for _, fc := range counts {
				if analyzer.Fold(fc.Value) != fc.Value {
					t.Errorf("%s value %q is not folded", name, fc.Value)
				}
				got, err := idx.Search(context.Background(), fangtan.Query{Text: q + " " + name + `:"` + fc.Value + `"`})
				if err != nil {
					t.Fatal(err)
				}
				if got.Total != uint64(fc.Count) {
					t.Errorf("%q %s:%s: facet %d, filter %d", q, name, fc.Value, fc.Count, got.Total)
				}
			}
		}
	}
}

func TestSampleQuotes(t *testing.T) {
	idx, _ := sampleIndex(t)
	res, err := idx.SearchQuotes(context.Background(), fangtan.Query{Text: `"事业是拼出来的"`})
	if err != nil {
		t.Fatal(err)
	}
	if res.Total == 0 || res.Hits[0].Speaker != "刘振华" || res.Hits[0].DocID != "000_05aaf4ed1f0a3e45" {
		t.Errorf("事业是拼出来的: %+v, want 刘振华's quote from 000", res.Hits)
	}
	for _, speaker := range []string{"李慧", "丁小強"} {
		res, err := idx.SearchQuotes(context.Background(), fangtan.Query{Text: "speaker:" + speaker, Size: 100})
		if err != nil {
			t.Fatal(err)
		}
		if res.Total == 0 {
			t.Errorf("no quotes by %s", speaker)
		}
		for _, h := range res.Hits {
			if h.Speaker != analyzer.Fold(speaker) && analyzer.Fold(h.Speaker) != analyzer.Fold(speaker) {
				t.Errorf("speaker:%s gave a quote by %q", speaker, h.Speaker)
			}
		}
		if f := res.Facets["speaker"]; len(f) != 1 || f[0].Count != int(res.Total) {
			t.Errorf("speaker facet %v for speaker:%s", f, speaker)
		}
	}
}
