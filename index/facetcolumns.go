package index

import (
	"cmp"
	"context"
	"errors"
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
	// terms are the "facet\x1fvalue" strings while the column is read;
	// sortTerms then numbers them in their order, so that ordinals order
	// a facet's values as their strings would, and splits them into names
	// and values.
	terms  []string
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

// readFacetColumn reads every document's facet values and date from seg's
// doc values, the two halves of a large segment at once: the first search
// after an index opens may be waiting for it.
func readFacetColumn(seg segment.Segment) (*facetColumn, error) {
	dv, ok := seg.(segment.DocValueVisitable)
	if !ok {
		return nil, fmt.Errorf("segment %T has no doc values", seg)
	}
	n := seg.Count()
	parts := uint64(1)
	if n >= halvedColumnDocs {
		parts = 2
	}
	cols := make([]*facetColumn, parts)
	errs := make([]error, parts)
	var wg sync.WaitGroup
	for p := range parts {
		wg.Go(func() { cols[p], errs[p] = readDocs(dv, n*p/parts, n*(p+1)/parts) })
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	col := cols[0]
	for _, c := range cols[1:] {
		col.append(c)
	}
	col.start = append(col.start, uint32(len(col.vals)))
	col.sortTerms()
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

// halvedColumnDocs is the size from which a segment is read in two halves.
var halvedColumnDocs uint64 = 8192

// readDocs reads documents lo to hi-1 into a column of their own, without
// the final start offset, its ordinals in the order met.
func readDocs(dv segment.DocValueVisitable, lo, hi uint64) (col *facetColumn, err error) {
	// bleve panics on some damaged segments (see run); here that is an
	// error for every search that counts facets, and no crash of the
	// background reader.
	defer func() {
		if r := recover(); r != nil {
			col, err = nil, fmt.Errorf("damaged index: %v", r)
		}
	}()
	col = &facetColumn{start: make([]uint32, 0, hi-lo+1), month: make([]int32, 0, hi-lo)}
	ords := make(map[string]uint32)
	var state segment.DocVisitState
	fields := []string{fieldFacets, fieldDate}
	for doc := lo; doc < hi; doc++ {
		col.start = append(col.start, uint32(len(col.vals)))
		month := int32(noMonth)
		state, err = dv.VisitDocValues(doc, fields, func(field string, term []byte) {
			switch field {
			case fieldFacets:
				o, ok := ords[string(term)]
				if !ok {
					o = uint32(len(col.terms))
					t := string(term)
					ords[t] = o
					col.terms = append(col.terms, t)
				}
				col.vals = append(col.vals, o)
			case fieldDate:
				// Dates are indexed at several precisions; the full
				// one has shift 0, as bleve's date range facet reads it.
				pc := numeric.PrefixCoded(term)
				if shift, err := pc.Shift(); err != nil || shift != 0 {
					return
				}
				if ns, err := pc.Int64(); err == nil {
					t := time.Unix(0, ns).UTC()
					month = int32(t.Year()*12 + int(t.Month()) - 1)
				}
			}
		}, state)
		if err != nil {
			return nil, fmt.Errorf("document %d: %w", doc, err)
		}
		col.month = append(col.month, month)
	}
	return col, nil
}

// append adds the documents of next, read by readDocs after col's, with
// next's ordinals renumbered into col's.
func (col *facetColumn) append(next *facetColumn) {
	ords := make(map[string]uint32, len(col.terms))
	for o, t := range col.terms {
		ords[t] = uint32(o)
	}
	renumber := make([]uint32, len(next.terms))
	for o, t := range next.terms {
		to, ok := ords[t]
		if !ok {
			to = uint32(len(col.terms))
			col.terms = append(col.terms, t)
		}
		renumber[o] = to
	}
	base := uint32(len(col.vals))
	for _, st := range next.start {
		col.start = append(col.start, base+st)
	}
	for _, v := range next.vals {
		col.vals = append(col.vals, renumber[v])
	}
	col.month = append(col.month, next.month...)
}

// sortTerms renumbers the ordinals in the order of their terms and keeps
// each term as its name and value.
func (col *facetColumn) sortTerms() {
	byTerm := make([]uint32, len(col.terms))
	for i := range byTerm {
		byTerm[i] = uint32(i)
	}
	slices.SortFunc(byTerm, func(a, b uint32) int { return strings.Compare(col.terms[a], col.terms[b]) })
	renumber := make([]uint32, len(col.terms))
	terms := make([]string, len(col.terms))
	for to, from := range byTerm {
		renumber[from] = uint32(to)
		terms[to] = col.terms[from]
	}
	for i, o := range col.vals {
		col.vals[i] = renumber[o]
	}
	col.terms = nil
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
