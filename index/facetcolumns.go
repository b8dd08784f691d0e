package index

import (
	"cmp"
	"context"
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/numeric"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/collector"
	segment "github.com/blevesearch/scorch_segment_api/v2"
	"golang.org/x/sync/errgroup"

	"fangtan"
)

// Facets used to be counted by bleve's terms facet, which visits every
// matching document's doc values: zap decompresses the doc-value chunk of
// each match (snappy), then the builder counts each value in a map keyed by
// string. On the whole of xwlb that was 40% of a search seen for the first
// time, and a search seen for the first time was 7× one answered from the
// facet cache (docs/benchmarks.md). Segments never change once written, so
// each segment's facet values are read once, into ordinals, and a search
// counts its matches by ordinal as the collector sees them.

// facetColumn is one segment's facet values (fieldFacets) and months
// (fieldDate), by local document number.
type facetColumn struct {
	// A term's ordinal is its rank in the term dictionary, which orders
	// terms by their bytes: ordinals order a facet's values as their
	// strings would, and each facet's values follow each other.
	names  []string // ordinal → its facet's name
	values []string // ordinal → its value
	// ranges are the ordinals of each facet, which follow each other
	// since the terms sort by facet first.
	ranges []facetRange
	start  []uint32 // document → its first ordinal in vals; one more than the documents
	vals   []uint32
	month  []int32 // document → year*12 + month-1 - firstMonth, or noMonth
	// firstMonth is the segment's earliest month; months is how many
	// follow it up to the latest, so that a search counts months in a
	// slice rather than a map.
	firstMonth, months int32
}

const noMonth = math.MinInt32

// readFacetColumn reads every document's facet values and month from
// seg's term dictionaries: each term of fieldFacets with the documents
// that hold it, and each date of fieldDate at full precision with its
// documents. Visiting every document's doc values instead decompressed a
// chunk per document and looked each value up in a map: on the whole of
// xwlb it took 35–40 ms where this takes 15–19 ms, both on two cores
// (BenchmarkReadFacetColumns), and the first search after an index opens
// waits for it. The terms of a large segment are read in two parts at
// once, and the dates beside them.
func readFacetColumn(seg segment.Segment) (col *facetColumn, err error) {
	// bleve panics on some damaged segments (see run); here that is an
	// error for every search that counts facets, and no crash of the
	// background reader.
	defer recoverDamage(&err)
	n := seg.Count()
	facets, err := seg.Dictionary(fieldFacets)
	if err != nil {
		return nil, fmt.Errorf("%s dictionary: %w", fieldFacets, err)
	}
	terms, counts, err := dictTerms(facets, nil, nil)
	if err != nil {
		return nil, fmt.Errorf("%s dictionary: %w", fieldFacets, err)
	}
	parts := 1
	if len(terms) >= halvedColumnTerms {
		parts = 2
	}
	postings := make([]termPostings, parts)
	var month []int32
	g := new(errgroup.Group)
	for p := range parts {
		lo, hi := len(terms)*p/parts, len(terms)*(p+1)/parts
		g.Go(func() (err error) {
			defer recoverDamage(&err)
			size := uint64(0)
			for _, c := range counts[lo:hi] {
				size += c
			}
			postings[p], err = readPostings(seg, terms, lo, hi, size)
			return err
		})
	}
	g.Go(func() (err error) {
		defer recoverDamage(&err)
		month, err = readMonths(seg, n)
		return err
	})
	if err := g.Wait(); err != nil {
		return nil, err
	}
	// Documents' ordinals, in document order: counted, then placed, the
	// first part's (lower) ordinals before the second's.
	col = &facetColumn{start: make([]uint32, n+1), month: month}
	total := 0
	for _, tp := range postings {
		for _, d := range tp.docs {
			col.start[d+1]++
		}
		total += len(tp.docs)
	}
	for d := range n {
		col.start[d+1] += col.start[d]
	}
	col.vals = make([]uint32, total)
	next := slices.Clone(col.start[:n])
	for _, tp := range postings {
		from := 0
		for i, end := range tp.ends {
			for _, d := range tp.docs[from:end] {
				col.vals[next[d]] = uint32(tp.first + i)
				next[d]++
			}
			from = end
		}
	}
	col.nameTerms(terms)
	first, last := int32(math.MaxInt32), int32(math.MinInt32)
	for _, m := range col.month {
		if m != noMonth {
			first, last = min(first, m), max(last, m)
		}
	}
	if first <= last {
		col.firstMonth, col.months = first, last-first+1
		for i, m := range col.month {
			if m != noMonth {
				col.month[i] = m - first
			}
		}
	}
	return col, nil
}

// recoverDamage turns a panic of bleve's into *err.
func recoverDamage(err *error) {
	if r := recover(); r != nil {
		*err = fmt.Errorf("damaged index: %v", r)
	}
}

// halvedColumnTerms is the number of facet terms from which a segment's
// postings are read in two parts.
var halvedColumnTerms = 1024

// termPostings are the postings of the terms first, first+1, …: the
// documents of term first+i are docs[ends[i-1]:ends[i]].
type termPostings struct {
	first int
	docs  []uint32
	ends  []int
}

// dictTerms lists the terms of dict from start (inclusive) to end
// (exclusive; nil for no bound), in their order, with the number of
// documents of each.
func dictTerms(dict segment.TermDictionary, start, end []byte) ([]string, []uint64, error) {
	var terms []string
	var counts []uint64
	it := dict.AutomatonIterator(nil, start, end)
	for {
		e, err := it.Next()
		if err != nil {
			return nil, nil, err
		}
		if e == nil {
			return terms, counts, nil
		}
		terms = append(terms, e.Term)
		counts = append(counts, e.Count)
	}
}

// readPostings reads the postings of the facet terms terms[lo:hi], which
// hold size documents in all (growing the slice instead cost a fifth of
// the time). It opens a dictionary of its own: zap's are not safe for
// concurrent use.
func readPostings(seg segment.Segment, terms []string, lo, hi int, size uint64) (termPostings, error) {
	dict, err := seg.Dictionary(fieldFacets)
	if err != nil {
		return termPostings{}, fmt.Errorf("%s dictionary: %w", fieldFacets, err)
	}
	tp := termPostings{first: lo, docs: make([]uint32, 0, size), ends: make([]int, hi-lo)}
	err = eachPosting(dict, terms[lo:hi], func(i int, doc uint64) {
		tp.docs = append(tp.docs, uint32(doc))
		tp.ends[i] = len(tp.docs)
	})
	// A term without documents (none in a built segment) ends where the
	// one before it did.
	for i := 1; i < len(tp.ends); i++ {
		tp.ends[i] = max(tp.ends[i], tp.ends[i-1])
	}
	if err != nil {
		return tp, fmt.Errorf("%s: %w", fieldFacets, err)
	}
	return tp, nil
}

// eachPosting calls fn with each document of each term's postings,
// deleted documents included (a column covers every document number).
func eachPosting(dict segment.TermDictionary, terms []string, fn func(term int, doc uint64)) error {
	var pl segment.PostingsList
	var it segment.PostingsIterator
	buf := make([]uint32, 256)
	for i, t := range terms {
		var err error
		if pl, err = dict.PostingsList([]byte(t), nil, pl); err != nil {
			return fmt.Errorf("postings of %q: %w", t, err)
		}
		it = pl.Iterator(false, false, false, it)
		// zap hands over its postings as a bitmap, or as a single
		// document: reading them a posting at a time took about 1.6 times
		// as long (29–32 against 18–19 ms on xwlb).
		if o, ok := it.(segment.OptimizablePostingsIterator); ok {
			if doc, ok := o.DocNum1Hit(); ok {
				fn(i, doc)
				continue
			}
			if bm := o.ActualBitmap(); bm != nil {
				many := bm.ManyIterator()
				for k := many.NextMany(buf); k > 0; k = many.NextMany(buf) {
					for _, doc := range buf[:k] {
						fn(i, uint64(doc))
					}
				}
				continue
			}
		}
		for {
			p, err := it.Next()
			if err != nil {
				return fmt.Errorf("postings of %q: %w", t, err)
			}
			if p == nil {
				break
			}
			fn(i, p.Number())
		}
	}
	return nil
}

// readMonths reads each document's month from fieldDate's full-precision
// terms (bleve indexes a date at several precisions, shift 0 being the
// exact one, as its date range facet reads it).
func readMonths(seg segment.Segment, n uint64) ([]int32, error) {
	month := make([]int32, n)
	for i := range month {
		month[i] = noMonth
	}
	dict, err := seg.Dictionary(fieldDate)
	if err != nil {
		return nil, fmt.Errorf("%s dictionary: %w", fieldDate, err)
	}
	days, _, err := dictTerms(dict, []byte{numeric.ShiftStartInt64}, []byte{numeric.ShiftStartInt64 + 1})
	if err != nil {
		return nil, fmt.Errorf("%s dictionary: %w", fieldDate, err)
	}
	ofDay := make([]int32, len(days))
	for i, d := range days {
		ofDay[i] = noMonth
		if ns, err := numeric.PrefixCoded(d).Int64(); err == nil {
			t := time.Unix(0, ns).UTC()
			ofDay[i] = int32(t.Year()*12 + int(t.Month()) - 1)
		}
	}
	if err := eachPosting(dict, days, func(i int, doc uint64) { month[doc] = ofDay[i] }); err != nil {
		return nil, fmt.Errorf("%s: %w", fieldDate, err)
	}
	return month, nil
}

// nameTerms keeps each term, numbered by its rank, as its name and value,
// and each facet's ordinals as a range.
func (col *facetColumn) nameTerms(terms []string) {
	col.names, col.values = make([]string, len(terms)), make([]string, len(terms))
	for o, t := range terms {
		if name, value, ok := strings.Cut(t, facetSep); ok {
			col.names[o], col.values[o] = name, value
			if n := len(col.ranges); n > 0 && col.ranges[n-1].name == name && col.ranges[n-1].end == uint32(o) {
				col.ranges[n-1].end++
			} else {
				col.ranges = append(col.ranges, facetRange{name: name, start: uint32(o), end: uint32(o) + 1})
			}
		}
	}
}

// facetRange is the ordinals start to end of one facet's values.
type facetRange struct {
	name       string
	start, end uint32
}

// facetColumns keeps the columns of the segments of the latest snapshot a
// search saw, by segment id: scorch keeps a segment's id and document
// numbers when it persists an in-memory segment, so that one is not read
// again.
type facetColumns struct {
	mu sync.Mutex
	m  map[uint64]*columnEntry
}

type columnEntry struct {
	once sync.Once
	col  *facetColumn
	err  error
}

// of returns the columns of snap's segments, reading those not yet read,
// and forgets segments no longer in snap (merged away; a search on an
// older snapshot that still holds one reads it again).
func (fc *facetColumns) of(snap *scorch.IndexSnapshot) ([]*facetColumn, []uint64, error) {
	segs := snap.Segments()
	entries := make([]*columnEntry, len(segs))
	fc.mu.Lock()
	old := fc.m
	fc.m = make(map[uint64]*columnEntry, len(segs))
	for i, s := range segs {
		e := old[s.Id()]
		if e == nil {
			e = &columnEntry{}
		}
		fc.m[s.Id()] = e
		entries[i] = e
	}
	fc.mu.Unlock()

	cols := make([]*facetColumn, len(segs))
	offsets := make([]uint64, len(segs)+1)
	for i, e := range entries {
		seg := segs[i].Segment()
		e.once.Do(func() { e.col, e.err = readFacetColumn(seg) })
		if e.err != nil {
			return nil, nil, fmt.Errorf("facets: segment %d: %w", i, e.err)
		}
		cols[i] = e.col
		// scorch numbers a snapshot's documents segment after segment,
		// deleted ones included (IndexSnapshot's offsets).
		offsets[i+1] = offsets[i] + seg.Count()
	}
	return cols, offsets, nil
}

// facetCounter counts the facet values and months of a search's matches.
type facetCounter struct {
	cols    []*facetColumn
	offsets []uint64
	counts  [][]int32 // per segment, by ordinal
	months  [][]int32 // per segment, from its firstMonth
	last    int       // the segment of the previous match: matches come in order

	withMonths bool
}

// counting returns ctx with a collector hook that counts every match into
// c as bleve's top-N collector sees it; c is ready once the search returns.
func (x *Index) counting(ctx context.Context, c *facetCounter) context.Context {
	var makeHandler search.MakeDocumentMatchHandler = func(sctx *search.SearchContext) (search.DocumentMatchHandler, bool, error) {
		snap, ok := sctx.IndexReader.(*scorch.IndexSnapshot)
		if !ok {
			return nil, false, fmt.Errorf("index %s: facets: reader %T is not a scorch snapshot", x.path, sctx.IndexReader)
		}
		cols, offsets, err := x.columns.of(snap)
		if err != nil {
			return nil, false, fmt.Errorf("index %s: %w", x.path, err)
		}
		c.reset(cols, offsets)
		topN, loadID, err := collector.MakeTopNDocumentMatchHandler(sctx)
		if err != nil {
			return nil, false, err
		}
		if topN == nil {
			return nil, false, fmt.Errorf("index %s: facets: collector %T is not bleve's top-N collector", x.path, sctx.Collector)
		}
		return func(d *search.DocumentMatch) error {
			if d != nil {
				c.add(d.IndexInternalID.Value())
			}
			return topN(d)
		}, loadID, nil
	}
	return context.WithValue(ctx, search.MakeDocumentMatchHandlerKey, makeHandler)
}

// runCounting runs req and counts its matches' facets, and their months
// when asked.
func (x *Index) runCounting(ctx context.Context, req *bleve.SearchRequest, months bool) (*bleve.SearchResult, *facetCounter, error) {
	if req.Score == "none" && req.Size > 0 && len(req.Facets) == 0 {
		// bleve stops collecting early on such a request (it needs no
		// more than Size hits), which would leave matches uncounted.
		return nil, nil, fmt.Errorf("index %s: facets: an unscored request for %d hits would not see every match", x.path, req.Size)
	}
	c := &facetCounter{withMonths: months}
	res, err := x.run(x.counting(ctx, c), req)
	if err != nil {
		return nil, nil, err
	}
	return res, c, nil
}

// reset makes c count afresh over the columns of a snapshot's segments.
func (c *facetCounter) reset(cols []*facetColumn, offsets []uint64) {
	c.cols, c.offsets, c.last = cols, offsets, 0
	c.counts, c.months = make([][]int32, len(cols)), make([][]int32, len(cols))
	for i, col := range cols {
		c.counts[i] = make([]int32, len(col.names))
		c.months[i] = make([]int32, col.months)
	}
}

func (c *facetCounter) add(doc uint64) {
	i := c.last
	if doc < c.offsets[i] || doc >= c.offsets[i+1] {
		i = sort.Search(len(c.cols), func(j int) bool { return c.offsets[j+1] > doc })
		if i == len(c.cols) {
			return
		}
		c.last = i
	}
	col, local := c.cols[i], doc-c.offsets[i]
	counts := c.counts[i]
	for _, o := range col.vals[col.start[local]:col.start[local+1]] {
		counts[o]++
	}
	if m := col.month[local]; c.withMonths && m != noMonth {
		c.months[i][m]++
	}
}

// facets returns the counts by facet, each sorted by count, then value, as
// bleve's terms facet gave them.
func (c *facetCounter) facets() map[string][]fangtan.FacetCount {
	out := make(map[string][]fangtan.FacetCount)
	if len(c.cols) == 1 {
		// The usual case, a compacted index: ordinals are in the order
		// of values, so a value's place is a number. Count and ordinal
		// are packed into one key that sorts by count, most first, then
		// value: slices.Sort on the keys takes half the time of SortFunc
		// on pairs (BenchmarkFacetCounts, 0.9–1.1 → 0.5–0.6 ms on xwlb).
		col, counts := c.cols[0], c.counts[0]
		var keys []uint64
		for _, r := range col.ranges {
			keys = keys[:0]
			for o := r.start; o < r.end; o++ {
				if n := counts[o]; n > 0 {
					keys = append(keys, uint64(math.MaxUint32-uint32(n))<<32|uint64(o))
				}
			}
			if len(keys) == 0 {
				continue
			}
			slices.Sort(keys)
			fc := make([]fangtan.FacetCount, len(keys))
			for i, k := range keys {
				fc[i] = fangtan.FacetCount{Value: col.values[uint32(k)], Count: int(math.MaxUint32 - uint32(k>>32))}
			}
			out[r.name] = fc
		}
		return out
	}
	type key struct{ name, value string }
	total := make(map[key]int)
	for i, col := range c.cols {
		for o, n := range c.counts[i] {
			if n > 0 && col.names[o] != "" {
				total[key{col.names[o], col.values[o]}] += int(n)
			}
		}
	}
	for k, n := range total {
		out[k.name] = append(out[k.name], fangtan.FacetCount{Value: k.value, Count: n})
	}
	for _, counts := range out {
		slices.SortFunc(counts, func(a, b fangtan.FacetCount) int {
			return cmp.Or(cmp.Compare(b.Count, a.Count), cmp.Compare(a.Value, b.Value))
		})
	}
	return out
}

// monthCounts returns the matches of each month of the years lo to hi that
// has any, named "2006-01".
func (c *facetCounter) monthCounts(lo, hi int) []fangtan.FacetCount {
	total := make(map[int32]int)
	for i, col := range c.cols {
		for m, n := range c.months[i] {
			if n > 0 {
				total[col.firstMonth+int32(m)] += int(n)
			}
		}
	}
	var out []fangtan.FacetCount
	for m, n := range total {
		if y := int(m) / 12; y >= lo && y <= hi {
			out = append(out, fangtan.FacetCount{Value: fmt.Sprintf("%04d-%02d", y, m%12+1), Count: n})
		}
	}
	slices.SortFunc(out, func(a, b fangtan.FacetCount) int { return cmp.Compare(a.Value, b.Value) })
	return out
}
