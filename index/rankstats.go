package index

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"sync"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/document"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/search"
)

// BM25 needs each text field's average length. bleve v2.6 takes it to be
// the field's number of distinct terms divided by the number of documents
// (search/searcher.bm25ScoreMetrics): for the bigram fields that is about
// 10 terms for an article's text, whose real mean is 449 on xwlb and 1,210
// on hkcnews, and 1 for a title. The length norm then weighed a text's
// length 50 to 100 times too heavily, so a short item that names a word
// once outranked the article about it: a CCTV round-up's one line on 太原
// above the feature on the city, 王毅 in a list of Xi's entourage first.
// fangtan counts the terms it indexes and hands bleve the real averages
// with every ranked search (docs/design.md, "Ranking").

// rankStatsKey holds an index's rankStats among bleve's internal values.
var rankStatsKey = []byte("fangtan_rank_stats")

// rankStats are the mean number of terms of each text field, and how many
// documents each mean was taken over (to weigh the documents an add brings).
type rankStats struct {
	Title    float64 `json:"title"`
	Text     float64 `json:"text"`
	Quote    float64 `json:"quote"`
	Articles int64   `json:"articles"`
	Quotes   int64   `json:"quotes"`
}

// termTotals counts the terms of the text fields of documents as scorch
// analysed them. It is safe for concurrent use.
type termTotals struct {
	mu                 sync.Mutex
	title, text, quote int64
	articles, quotes   int64
}

// count adds docs, already analysed by a batch, to the totals. A reprint
// has no text field and is not counted.
func (t *termTotals) count(docs []*document.Document) {
	var title, text, quote, articles, quotes int64
	for _, d := range docs {
		article, isQuote := false, false
		for _, f := range d.Fields {
			switch f.Name() {
			case fieldTitleExact:
				title += int64(f.AnalyzedLength())
				article = true
			case fieldTextExact:
				text += int64(f.AnalyzedLength())
				article = true
			case fieldQuoteExact:
				quote += int64(f.AnalyzedLength())
				isQuote = true
			}
		}
		switch {
		case isQuote:
			quotes++
		case article:
			articles++
		}
	}
	t.mu.Lock()
	t.title += title
	t.text += text
	t.quote += quote
	t.articles += articles
	t.quotes += quotes
	t.mu.Unlock()
}

// merged returns s with the documents t counted added to its means.
// Documents an add replaces or a delete removes are not taken out: they
// leave a mean as it was, which is what a removal of a document of
// average length would do, and a rebuild counts exactly again.
func (t *termTotals) merged(s rankStats) rankStats {
	t.mu.Lock()
	defer t.mu.Unlock()
	mean := func(old float64, n, total, k int64) float64 {
		if n+k == 0 {
			return 0
		}
		return (old*float64(n) + float64(total)) / float64(n+k)
	}
	return rankStats{
		Title:    mean(s.Title, s.Articles, t.title, t.articles),
		Text:     mean(s.Text, s.Articles, t.text, t.articles),
		Quote:    mean(s.Quote, s.Quotes, t.quote, t.quotes),
		Articles: s.Articles + t.articles,
		Quotes:   s.Quotes + t.quotes,
	}
}

func (s rankStats) encode() []byte {
	b, _ := json.Marshal(s) // floats and ints only: cannot fail
	return b
}

// readRankStats returns the index's stats; ok is false for an index built
// before they were kept, which bleve then ranks with its own averages.
func readRankStats(idx bleve.Index) (s rankStats, ok bool, err error) {
	b, err := idx.GetInternal(rankStatsKey)
	if err != nil || len(b) == 0 {
		return rankStats{}, false, err
	}
	if err := json.Unmarshal(b, &s); err != nil {
		return rankStats{}, false, fmt.Errorf("rank statistics %q: %w", b, err)
	}
	return s, true, nil
}

// saveRankStats merges what t counted into the index's stats and writes
// them, for an add (a build writes them with its marker, in finish).
func saveRankStats(idx bleve.Index, t *termTotals) error {
	s, _, err := readRankStats(idx)
	if err != nil {
		return err
	}
	b := idx.NewBatch()
	b.SetInternal(rankStatsKey, t.merged(s).encode())
	return idx.Batch(b)
}

// bm25Set is the statistics handed to bleve for each kind of search, as of
// one generation of the index, and the names of the people its articles
// quote.
type bm25Set struct {
	gen              uint64
	articles, quotes *search.BM25Stats // nil: let bleve use its own
	// speakers are the values of the articles' speaker field: a query word
	// among them gets the speaker weight (speakerBoost), and any other
	// none, so that a search for anything but a name runs as it did
	// before articles held speakers.
	speakers map[string]bool
}

// quoted reports whether name, folded, is someone an article of the index
// quotes.
func (x *Index) quoted(name string) bool {
	set, err := x.rankStats(context.Background())
	return err == nil && set != nil && set.speakers[name]
}

// withRankStats returns ctx carrying the BM25 statistics for searches of
// t: how many of t's documents the index holds, and the real average
// length of each text field t searches. bleve requires a figure for every
// field a search reads, so the other fields keep the ones bleve would use.
func (x *Index) withRankStats(ctx context.Context, t target) context.Context {
	set, err := x.rankStats(ctx)
	if err != nil || set == nil {
		return ctx // ranked as bleve would: better than no results
	}
	st := set.articles
	if t.typ == typeQuote {
		st = set.quotes
	}
	if st == nil {
		return ctx
	}
	return context.WithValue(ctx, search.BM25StatsKey, st)
}

// rankStats returns the statistics of the index's current generation,
// computing them once per generation.
func (x *Index) rankStats(ctx context.Context) (*bm25Set, error) {
	gen := x.gen.Load()
	if set := x.bm25.Load(); set != nil && set.gen == gen {
		return set, nil
	}
	set := &bm25Set{gen: gen}
	stats, ok, err := readRankStats(x.idx)
	if err != nil {
		return nil, fmt.Errorf("index %s: %w", x.path, err)
	}
	if ok {
		articles, quotes, err := x.Count(ctx)
		if err != nil {
			return nil, err
		}
		fields, err := x.idx.Fields()
		if err != nil {
			return nil, fmt.Errorf("index %s: fields: %w", x.path, err)
		}
		snap, done, err := x.snapshot()
		if err != nil {
			return nil, err
		}
		defer done()
		// A field no document holds yet (district in a small index) has
		// no dictionary, but a filter on it still asks for its figure, and
		// so do bleve's own names for any field and the composite one.
		bleveOwn := map[string]int{"*": 0, "_all": 0}
		for _, specs := range [][]fieldSpec{articleFields, quoteFields, reprintFields} {
			for _, f := range specs {
				bleveOwn[f.name] = 0
			}
		}
		for _, f := range fields {
			if bleveOwn[f], err = snap.FieldCardinality(f); err != nil {
				return nil, fmt.Errorf("index %s: field %s: %w", x.path, f, err)
			}
		}
		set.articles = bm25Stats(articles, bleveOwn, map[string]float64{fieldTitleExact: stats.Title, fieldTextExact: stats.Text})
		set.quotes = bm25Stats(quotes, bleveOwn, map[string]float64{fieldQuoteExact: stats.Quote * quoteLengthSpread})
		if set.speakers, err = fieldValues(snap, fieldSpeaker); err != nil {
			return nil, fmt.Errorf("index %s: %w", x.path, err)
		}
	}
	x.bm25.Store(set)
	return set, nil
}

// quoteLengthSpread is how many times the quotes' mean length quote
// search gives bleve as their average. BM25's length norm, fit to
// documents, ranks by how densely a text names the query; among quotes
// that put chants, court fragments and bare mentions first (hkcnews's
// 警察: 「她告訴我，警察搜查了她的家」 above statements on policing), and
// a quote's length is mostly how much it says. Sixteen times the mean
// leaves the norm nearly flat (0.30 for a quote of the mean length, 0.44
// for four times it, against 1 and 3.25 at the mean itself), and
// fangtan.QuoteWeight still keeps fragments of a few letters down.
// Readers graded the first pages of 12 queries under 1, 2, 4, 6, 8, 16
// and 1000 times the mean, and 16 ranked them best; 12 more queries,
// chosen before any was scored, judge it (testdata/relevance/README.md).
const quoteLengthSpread = 16

// bm25Stats is bleve's statistics for a search over docs documents whose
// fields have the given mean lengths. bleve divides a field's
// "cardinality" by the document count to get its average length
// (rounding up), so the figure given is the mean times the count.
func bm25Stats(docs uint64, bleveOwn map[string]int, means map[string]float64) *search.BM25Stats {
	if docs == 0 {
		return nil
	}
	st := &search.BM25Stats{DocCount: float64(docs), FieldCardinality: make(map[string]int, len(bleveOwn))}
	for f, c := range bleveOwn {
		st.FieldCardinality[f] = c
	}
	for f, mean := range means {
		if mean > 0 {
			st.FieldCardinality[f] = int(math.Round(mean * float64(docs)))
		}
	}
	return st
}

// fieldValues returns the terms of field in snap.
func fieldValues(snap *scorch.IndexSnapshot, field string) (map[string]bool, error) {
	dict, err := snap.FieldDict(field)
	if err != nil {
		return nil, fmt.Errorf("field %s: %w", field, err)
	}
	defer dict.Close()
	values := map[string]bool{}
	for {
		e, err := dict.Next()
		if err != nil {
			return nil, fmt.Errorf("field %s: %w", field, err)
		}
		if e == nil {
			return values, nil
		}
		values[e.Term] = true
	}
}
