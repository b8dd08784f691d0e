package index

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search"
	bquery "github.com/blevesearch/bleve/v2/search/query"

	"fangtan"
	"fangtan/analyzer"
	"fangtan/query"
)

// Ranking weights. BM25 on the exact fields' bigrams is the base: a bare
// query matches by its words' bigrams, anywhere in a text, and a text
// holding the query as a contiguous substring adds phraseBoost times that
// match's score. A match in the title counts titleBoost times.
const (
	titleBoost  = 3.0
	phraseBoost = 1.5
	// speakerBoost weighs an article in which the query's words are the
	// name of a person it quotes as one whose title holds them whole: a
	// search for a name then ranks what the person said or was asked
	// above lists of the people present (王毅 in Xi Jinping's entourage).
	speakerBoost = titleBoost * (1 + phraseBoost)
)

// Paging limits: a page of more than maxSize hits, or paging deeper than
// maxWindow, is a mistake worth reporting.
const (
	defaultSize = 10
	maxSize     = 500
	maxWindow   = 10000
	facetSize   = 50
)

// The facets each search counts, in display order.
var (
	articleFacets = fangtan.FacetNames(fangtan.ArticleFacet)
	quoteFacets   = fangtan.FacetNames(fangtan.QuoteFacet)
)

// textField is a text's exact field and its weight.
type textField struct {
	exact string
	boost float64
}

var (
	articleText = []textField{{fieldTextExact, 1}, {fieldTitleExact, titleBoost}}
	quoteText   = []textField{{fieldQuoteExact, 1}}
)

// target is what a search runs over: articles or quotes.
type target struct {
	typ    string
	fields []textField
}

var (
	articles = target{typeArticle, articleText}
	quotes   = target{typeQuote, quoteText}
)

// compiled is a query ready to run, with what its hits highlight.
type compiled struct {
	q          bquery.Query
	hl         *query.Highlighter
	filterOnly bool // no words or phrases: relevance is meaningless
}

// badQuery is the error of a query or parameter the user must fix.
var badQuery = query.Bad

// scope is the query language's scope of a target.
func (t target) scope() fangtan.FacetScope {
	if t.typ == typeQuote {
		return fangtan.QuoteFacet
	}
	return fangtan.ArticleFacet
}

// compile turns the query text and the request's filters into a bleve query.
func (x *Index) compile(fq fangtan.Query, t target) (*compiled, error) {
	pq, err := query.Parse(fq.Text, t.scope())
	if err != nil {
		return nil, err
	}
	return x.compileParsed(pq, fq, t)
}

func (x *Index) compileParsed(pq *query.Query, fq fangtan.Query, t target) (*compiled, error) {
	paramFilters, err := x.paramFilters(fq, t)
	if err != nil {
		return nil, err
	}
	if len(pq.Groups) == 0 && len(paramFilters) == 0 {
		if len(pq.Excluded) > 0 {
			return nil, badQuery("the query only excludes: add a word, phrase or filter to search for")
		}
		return nil, badQuery("empty query: type a word, a \"phrase\" or a filter such as official:李慧")
	}
	// The highlighter and the clauses cut the same words: jieba once.
	cut := map[string][]string{}
	words := func(s string) []string {
		w, ok := cut[s]
		if !ok {
			w = x.wordTokens(s)
			cut[s] = w
		}
		return w
	}
	c := &compiled{hl: query.NewHighlighter(pq, words), filterOnly: true}
	var must, filters []bquery.Query
	// A group of words and phrases only matches documents of the target's
	// type, whose text fields it searches; the type filter is needed only
	// when no such group restricts the hits. Leaving it out saves a
	// leapfrog over every document of the type on each hit.
	typed := false
	var should []bquery.Query
	for _, g := range pq.Groups {
		alts := make([]bquery.Query, 0, len(g))
		allFilters, allText := true, true
		for _, cl := range g {
			q, err := x.clauseQuery(cl, t, false, words)
			if err != nil {
				return nil, err
			}
			alts = append(alts, q)
			switch cl.Kind {
			case query.Word, query.Phrase, query.Near:
				allFilters = false
			default:
				allText = false
			}
			if t.typ == typeArticle && (cl.Kind == query.Word || cl.Kind == query.Phrase) && cl.Field != query.FieldTitle {
				if name := x.canonicalName(cl.Text); x.quoted(name) {
					sq := termQuery(fieldSpeaker, name)
					sq.SetBoost(speakerBoost)
					should = append(should, sq)
				}
			}
		}
		if allFilters {
			filters = append(filters, orQuery(alts))
		} else {
			c.filterOnly = false
			typed = typed || allText
			must = append(must, orQuery(alts))
		}
	}
	if !typed {
		filters = append(filters, termQuery(fieldType, t.typ))
	}
	filters = append(filters, paramFilters...)
	var mustNot []bquery.Query
	for _, cl := range pq.Excluded {
		q, err := x.clauseQuery(cl, t, true, words)
		if err != nil {
			return nil, err
		}
		mustNot = append(mustNot, q)
	}
	for _, name := range sortedNames(fq.Excludes) {
		field, ok := excludeFields[name]
		if !ok {
			return nil, badQuery("cannot exclude by %q: use "+excludeNames, name)
		}
		if field == fieldSpeaker && t.typ != typeQuote {
			// Articles hold their quotes' speakers only to rank by
			// (speakerBoost): a quote filter leaves article search as it is.
			continue
		}
		if hasValue(fq.Excludes[name]) {
			mustNot = append(mustNot, x.filterQuery(field, fq.Excludes[name]))
		}
	}
	if len(must) == 0 {
		must = append(must, bquery.NewMatchAllQuery())
		should = nil
	}
	c.q = bquery.NewBooleanQuery(must, should, mustNot)
	if len(filters) > 0 {
		c.q = &filteredQuery{main: c.q, filter: andQuery(filters)}
	}
	if t.typ == typeQuote && !c.filterOnly {
		c.q = &quoteWeightQuery{inner: c.q}
	}
	return c, nil
}

// excludeFields are the facets a Query.Excludes may name: those with a
// filter, each in its field of the same name; excludeNames lists them for
// the error message ("official, city, … or speaker").
var excludeFields, excludeNames = func() (map[string]string, string) {
	m := map[string]string{}
	var names []string
	for _, f := range fangtan.Facets {
		if f.Filter != nil {
			m[f.Name] = f.Name
			names = append(names, f.Name)
		}
	}
	return m, strings.Join(names[:len(names)-1], ", ") + " or " + names[len(names)-1]
}()

func sortedNames(m map[string][]string) []string {
	names := make([]string, 0, len(m))
	for k := range m {
		names = append(names, k)
	}
	slices.Sort(names)
	return names
}

// orQuery is q itself or the disjunction of several.
func orQuery(qs []bquery.Query) bquery.Query {
	if len(qs) == 1 {
		return qs[0]
	}
	return bquery.NewDisjunctionQuery(qs)
}

// clauseQuery is the bleve query of one clause. An excluded word matches as
// a substring only: excluding 振华 excludes every text containing 振华.
func (x *Index) clauseQuery(c query.Clause, t target, excluded bool, wordsOf func(string) []string) (bquery.Query, error) {
	switch c.Kind {
	case query.Near:
		alts := make([]bquery.Query, 0, len(t.fields))
		for _, f := range t.fields {
			nq := newNearQuery(f.exact, c.Terms, c.Slop)
			nq.SetBoost(f.boost * phraseBoost)
			alts = append(alts, nq)
		}
		return orQuery(alts), nil
	case query.Word, query.Phrase:
		if c.Field == query.FieldTitle {
			t = target{t.typ, []textField{{fieldTitleExact, titleBoost}}}
		}
		terms := analyzer.ExactTerms(c.Text)
		if c.Kind == query.Phrase || excluded {
			alts := make([]bquery.Query, 0, len(t.fields))
			for _, f := range t.fields {
				eq := exactQuery(f, terms)
				setBoost(eq, f.boost*phraseBoost)
				alts = append(alts, eq)
			}
			return orQuery(alts), nil
		}
		apart := analyzer.WordTerms(wordsOf(c.Text))
		var alts []bquery.Query
		for _, f := range t.fields {
			if len(apart) == 0 || sameTerms(apart, terms) {
				// The words are the whole query: one match, weighted as
				// the two would have been.
				eq := bigramsQuery(f, terms)
				setBoost(eq, f.boost*(1+phraseBoost))
				alts = append(alts, eq)
				continue
			}
			wq := bigramsQuery(f, apart)
			setBoost(wq, f.boost)
			eq := bigramsQuery(f, terms)
			setBoost(eq, f.boost*phraseBoost)
			alts = append(alts, wq, eq)
		}
		return orQuery(alts), nil
	case query.Date:
		return dateQuery(c), nil
	case query.Filter:
		return x.filterQuery(c.Field, []string{c.Text}), nil
	}
	return nil, fmt.Errorf("clause kind %v", c.Kind)
}

// dateQuery is the query of a Date clause: [From, To) on the date field.
func dateQuery(c query.Clause) bquery.Query {
	var start, end time.Time
	if c.HasFrom {
		start = c.From
	}
	if c.HasTo {
		end = c.To
	}
	yes, no := true, false
	q := bquery.NewDateRangeInclusiveQuery(start, end, &yes, &no)
	q.SetField(fieldDate)
	return q
}

func andQuery(qs []bquery.Query) bquery.Query {
	if len(qs) == 1 {
		return qs[0]
	}
	return bquery.NewConjunctionQuery(qs)
}

func setBoost(q bquery.Query, b float64) {
	if bq, ok := q.(bquery.BoostableQuery); ok && b != 1 {
		bq.SetBoost(b)
	}
}

// exactQuery matches the exact terms in order: a substring of the
// punctuation-free folded text.
func exactQuery(f textField, terms []string) bquery.Query {
	return analyzer.ExactBigramTermsQuery(f.exact, terms)
}

// bigramsQuery matches texts holding every bigram of a word, anywhere. A
// bare word matches by its words or as a substring; checking the bigrams'
// positions too (a phrase query) made a query for a frequent name like
// 习近平 five times slower, and a text holding all the bigrams of a word
// but not the word is vanishingly rare and ranks low. Quoted phrases and
// exclusions stay exact.
func bigramsQuery(f textField, terms []string) bquery.Query {
	if len(terms) == 1 {
		return exactQuery(f, terms)
	}
	conj := make([]bquery.Query, 0, len(terms))
	seen := make(map[string]bool, len(terms))
	for _, t := range terms {
		if !seen[t] {
			seen[t] = true
			// A term of one rune is that rune anywhere (analyzer.WordTerms).
			conj = append(conj, exactQuery(f, []string{t}))
		}
	}
	return andQuery(conj)
}

// sameTerms reports whether a and b hold the same terms, in any order and
// counting each once.
func sameTerms(a, b []string) bool {
	for _, t := range a {
		if !slices.Contains(b, t) {
			return false
		}
	}
	for _, t := range b {
		if !slices.Contains(a, t) {
			return false
		}
	}
	return true
}

// wordTokens are the distinct terms the word analyzer makes of s.
func (x *Index) wordTokens(s string) []string {
	var out []string
	for _, tok := range x.word.Analyze([]byte(s)) {
		t := string(tok.Term)
		if !slices.Contains(out, t) {
			out = append(out, t)
		}
	}
	return out
}

// filterQuery matches any of values in field. Place names match their full
// and short forms (太原 and 太原市).
func (x *Index) filterQuery(field string, values []string) bquery.Query {
	var terms []string
	for _, v := range values {
		v = foldValue(v)
		if v == "" {
			continue
		}
		switch field {
		case fieldCity, fieldProvince, fieldDistrict:
			terms = append(terms, x.placeTerms(field, v)...)
		default:
			terms = append(terms, v)
		}
	}
	slices.Sort(terms)
	terms = slices.Compact(terms)
	qs := make([]bquery.Query, len(terms))
	for i, t := range terms {
		qs[i] = termQuery(field, t)
	}
	if len(qs) == 0 {
		return bquery.NewMatchNoneQuery()
	}
	return orQuery(qs)
}

// placeTerms returns the indexed values of field that v names: v itself and
// every value that is v's short form plus an administrative suffix.
func (x *Index) placeTerms(field, v string) []string {
	short := fangtan.ShortPlace(v)
	terms := []string{v}
	dict, err := x.idx.FieldDictPrefix(field, []byte(short))
	if err != nil {
		return terms
	}
	defer dict.Close()
	for {
		e, err := dict.Next()
		if err != nil || e == nil {
			break
		}
		if e.Term == v || fangtan.ShortPlace(e.Term) == short {
			terms = append(terms, e.Term)
		}
	}
	return terms
}

// paramFilters are the request's facet filters: OR within a field, AND
// across fields.
func (x *Index) paramFilters(fq fangtan.Query, t target) ([]bquery.Query, error) {
	for _, y := range fq.Years {
		if y = strings.TrimSpace(y); y != "" && !query.IsYear(y) && y != undated {
			return nil, badQuery("year %q is not a four-digit year", y)
		}
	}
	for _, f := range fangtan.Facets {
		if f.Scope == fangtan.QuoteFacet && f.Filter != nil && t.typ != typeQuote && hasValue(*f.Filter(&fq)) {
			return nil, badQuery("the " + f.Name + " filter applies to quote search only")
		}
	}
	var out []bquery.Query
	switch k := strings.TrimSpace(fq.Kind); {
	case k == "":
	case t.typ != typeQuote:
		return nil, badQuery("the kind filter applies to quote search only")
	case k == string(fangtan.QuoteDirect) || k == string(fangtan.QuoteReported):
		out = append(out, termQuery(fieldQuoteKind, k))
	default:
		return nil, badQuery("kind %q: use direct or reported", k)
	}
	if dc, ok, err := query.DateRange(fq.DateFrom, fq.DateTo); err != nil {
		return nil, err
	} else if ok {
		out = append(out, dateQuery(dc))
	}
	for _, f := range fangtan.Facets {
		if f.Filter == nil {
			continue
		}
		values := *f.Filter(&fq)
		if f.Person {
			values = x.canonical(values)
		}
		if hasValue(values) {
			out = append(out, x.filterQuery(f.Name, values))
		}
	}
	return out, nil
}

func hasValue(vs []string) bool {
	for _, v := range vs {
		if strings.TrimSpace(v) != "" {
			return true
		}
	}
	return false
}

// request validates paging and sorting and makes the search request.
func request(fq fangtan.Query, c *compiled) (*bleve.SearchRequest, error) {
	if fq.From < 0 {
		return nil, badQuery("from %d is negative", fq.From)
	}
	if fq.Size < 0 {
		return nil, badQuery("size %d is negative", fq.Size)
	}
	size := fq.Size
	if size == 0 {
		size = defaultSize
	}
	if size > maxSize {
		return nil, badQuery("size %d is more than %d", size, maxSize)
	}
	// Compared without adding: from near MaxInt overflowed from+size into a
	// negative number that passed, and bleve's panic on it read as a
	// damaged index.
	if fq.From > maxWindow-size {
		return nil, badQuery("from %d + size %d pages deeper than %d hits; narrow the query instead", fq.From, size, maxWindow)
	}
	req := bleve.NewSearchRequestOptions(c.q, size, fq.From, false)
	req.Fields = []string{fieldStored}
	// Ties are left in index order (bleve breaks them by hit number),
	// which is stable for an index: sorting by id as well made bleve load
	// the id of every matching document, a sixth of a frequent word's search.
	byDate := search.SortOrder{
		&search.SortField{Field: fieldDate, Desc: true, Type: search.SortFieldAsDate, Missing: search.SortFieldMissingLast},
		&search.SortScore{Desc: true},
	}
	switch fq.Sort {
	case "", "relevance":
		if c.filterOnly {
			req.SortByCustom(byDate)
		} else {
			req.SortByCustom(search.SortOrder{&search.SortScore{Desc: true}})
		}
	case fangtan.SortDate:
		req.SortByCustom(byDate)
	case fangtan.SortOldest:
		req.SortByCustom(search.SortOrder{
			&search.SortField{Field: fieldDate, Type: search.SortFieldAsDate, Missing: search.SortFieldMissingLast},
			&search.SortScore{Desc: true},
		})
	default:
		return nil, badQuery("sort %q: use relevance, date or oldest", fq.Sort)
	}
	return req, nil
}

// run executes req, turning a deadline into fangtan.ErrUnavailable.
func (x *Index) run(ctx context.Context, req *bleve.SearchRequest) (res *bleve.SearchResult, err error) {
	// A damaged segment can make bleve panic while reading it; one bad
	// search must not take a server down.
	defer func() {
		if r := recover(); r != nil {
			res, err = nil, fmt.Errorf("index %s: search: damaged index: %v", x.path, r)
		}
	}()
	res, err = x.idx.SearchInContext(ctx, req)
	if err != nil {
		if ctx.Err() != nil || errors.Is(err, context.DeadlineExceeded) || errors.Is(err, context.Canceled) {
			return nil, fmt.Errorf("search: %w (%v)", fangtan.ErrUnavailable, err)
		}
		return nil, fmt.Errorf("index %s: search: %w", x.path, err)
	}
	return res, nil
}

// Search implements fangtan.Searcher.
func (x *Index) Search(ctx context.Context, fq fangtan.Query) (*fangtan.Result, error) {
	ctx = x.withRankStats(ctx, articles)
	start := time.Now()
	c, err := x.compile(fq, articles)
	if err != nil {
		return nil, err
	}
	req, err := request(fq, c)
	if err != nil {
		return nil, err
	}
	hits, total, all, err := x.page(ctx, req, typeArticle, fq)
	if err != nil {
		return nil, err
	}
	out := &fangtan.Result{Query: fq.Text, Total: total, Hits: make([]fangtan.Hit, 0, len(hits)),
		Facets: topFacets(all, articleFacets, fq.FacetSize), Timeline: timeline(all)}
	ids := make([]string, len(hits))
	for i, h := range hits {
		ids[i] = h.ID
	}
	reprints, err := x.reprintsOf(ctx, ids)
	if err != nil {
		return nil, err
	}
	for _, h := range hits {
		d, err := storedDoc(h, false)
		if err != nil {
			return nil, fmt.Errorf("index %s: hit %s: %w", x.path, h.ID, err)
		}
		hit := query.ArticleHit(d, h.Score, c.hl)
		hit.Reprints = reprints[d.ID]
		out.Hits = append(out.Hits, hit)
	}
	out.TookMs = float64(time.Since(start).Microseconds()) / 1000
	return out, nil
}

// MaxExport caps the hits of one Export.
const MaxExport = 10_000

// exportBatch is how many hits' stored fields Export loads at once.
const exportBatch = 100

// Export implements fangtan.Searcher. One search ranks the matches without
// loading anything but their ids; their stored fields are then loaded a
// batch at a time and emitted in rank order. Paging through Search instead
// took up to 100 searches, each deeper than the last, and 35 s of CPU for
// one export of the xwlb index.
func (x *Index) Export(ctx context.Context, fq fangtan.Query, limit int, start func(total uint64) error, emit func(fangtan.Hit) error) error {
	ctx = x.withRankStats(ctx, articles)
	if limit <= 0 || limit > MaxExport {
		return badQuery("export limit %d is out of range: use 1 to %d", limit, MaxExport)
	}
	c, err := x.compile(fq, articles)
	if err != nil {
		return err
	}
	fq.From, fq.Size = 0, 1
	req, err := request(fq, c)
	if err != nil {
		return err
	}
	req.Size, req.Fields = limit, nil
	res, err := x.run(ctx, req)
	if err != nil {
		return err
	}
	if err := start(res.Total); err != nil {
		return err
	}
	for i := 0; i < len(res.Hits); i += exportBatch {
		batch := res.Hits[i:min(i+exportBatch, len(res.Hits))]
		ids := make([]string, len(batch))
		for j, h := range batch {
			ids[j] = h.ID
		}
		breq := bleve.NewSearchRequestOptions(bquery.NewDocIDQuery(ids), len(ids), 0, false)
		breq.Fields = []string{fieldStored}
		bres, err := x.run(ctx, breq)
		if err != nil {
			return err
		}
		byID := make(map[string]*search.DocumentMatch, len(bres.Hits))
		for _, h := range bres.Hits {
			byID[h.ID] = h
		}
		reprints, err := x.reprintsOf(ctx, ids)
		if err != nil {
			return err
		}
		for _, h := range batch {
			stored, ok := byID[h.ID]
			if !ok {
				continue // deleted since the ranking
			}
			d, err := storedDoc(stored, false)
			if err != nil {
				return fmt.Errorf("index %s: hit %s: %w", x.path, h.ID, err)
			}
			hit := query.ArticleHit(d, h.Score, c.hl)
			hit.Reprints = reprints[d.ID]
			if err := emit(hit); err != nil {
				return err
			}
		}
	}
	return nil
}

// storedDoc decodes a hit's article, with its quotes when withQuotes.
// storedRecord decodes into v the JSON record a quote or a reprint
// document stores as its metadata.
func storedRecord(h *search.DocumentMatch, v any) error {
	s, ok := h.Fields[fieldStored].(string)
	if !ok {
		return errors.New("no stored record")
	}
	meta, _, _, err := unpackStored([]byte(s), false)
	if err != nil {
		return err
	}
	return json.Unmarshal(meta, v)
}

func storedDoc(h *search.DocumentMatch, withQuotes bool) (*fangtan.Document, error) {
	v, ok := h.Fields[fieldStored].(string)
	if !ok {
		return nil, errors.New("no stored document")
	}
	return decodeStored([]byte(v), withQuotes)
}

// allFacetValues asks bleve for every value of the combined facet field;
// facets keeps the top facetSize of each facet.
const allFacetValues = 1 << 30

// topFacets is query.TopFacets, size 0 meaning the default.
func topFacets(all map[string][]fangtan.FacetCount, names []string, size int) map[string][]fangtan.FacetCount {
	if size <= 0 {
		size = facetSize
	}
	return query.TopFacets(all, names, size)
}

// timeline makes the histogram of a search from its year and month
// counts (query.Timeline).
func timeline(all map[string][]fangtan.FacetCount) *fangtan.Timeline {
	return query.Timeline(all[fieldYear], all[fieldMonth])
}

// SearchQuotes implements fangtan.Searcher.
func (x *Index) SearchQuotes(ctx context.Context, fq fangtan.Query) (*fangtan.QuoteResult, error) {
	ctx = x.withRankStats(ctx, quotes)
	start := time.Now()
	c, err := x.compile(fq, quotes)
	if err != nil {
		return nil, err
	}
	req, err := request(fq, c)
	if err != nil {
		return nil, err
	}
	hits, total, all, err := x.page(ctx, req, typeQuote, fq)
	if err != nil {
		return nil, err
	}
	out := &fangtan.QuoteResult{Query: fq.Text, Total: total, Hits: make([]fangtan.QuoteHit, 0, len(hits)),
		Facets: topFacets(all, quoteFacets, fq.FacetSize)}
	for _, h := range hits {
		var q fangtan.QuoteHit
		if err := storedRecord(h, &q); err != nil {
			return nil, fmt.Errorf("index %s: quote %s: %w", x.path, h.ID, err)
		}
		if q.Kind == "" {
			q.Kind = fangtan.QuoteDirect
		}
		q.Snippets = c.hl.Snippets(q.Text, 1, 1<<30)
		q.Fragments = query.HTMLs(q.Snippets)
		out.Hits = append(out.Hits, q)
	}
	out.TookMs = float64(time.Since(start).Microseconds()) / 1000
	return out, nil
}

// Document implements fangtan.Searcher.
func (x *Index) Document(ctx context.Context, id, queryText string) (*fangtan.DocumentView, error) {
	var hl *query.Highlighter
	if strings.TrimSpace(queryText) != "" {
		c, err := x.compile(fangtan.Query{Text: queryText}, articles)
		if err != nil {
			return nil, err
		}
		hl = c.hl
	}
	d, err := x.article(ctx, id)
	if err != nil {
		return nil, err
	}
	var as *fangtan.Reprint
	if d == nil {
		// A reprint's id opens the article it reprints.
		rs, err := x.reprints(ctx, bquery.NewDocIDQuery([]string{id}))
		if err != nil {
			return nil, err
		}
		if len(rs) == 1 {
			as = &rs[0]
			if d, err = x.article(ctx, as.Of); err != nil {
				return nil, err
			}
		}
	}
	if d == nil {
		return nil, fmt.Errorf("document %q: %w", id, fangtan.ErrNotFound)
	}
	reprints, err := x.reprintsOf(ctx, []string{d.ID})
	if err != nil {
		return nil, err
	}
	v := &fangtan.DocumentView{Document: *d, AsReprint: as, Reprints: reprints[d.ID]}
	if hl != nil {
		paras := d.Paragraphs
		if len(paras) == 0 && d.Text != "" {
			paras = strings.Split(d.Text, "\n")
		}
		v.Highlighted = make([]string, len(paras))
		for i, p := range paras {
			v.Highlighted[i] = hl.HTMLAll(p)
		}
	}
	return v, nil
}

// article returns the article with id and its quotes, or nil when no
// article has that id.
func (x *Index) article(ctx context.Context, id string) (*fangtan.Document, error) {
	q := bquery.NewConjunctionQuery([]bquery.Query{bquery.NewDocIDQuery([]string{id}), termQuery(fieldType, typeArticle)})
	req := bleve.NewSearchRequestOptions(q, 1, 0, false)
	req.Fields = []string{fieldStored}
	res, err := x.run(ctx, req)
	if err != nil {
		return nil, err
	}
	if len(res.Hits) == 0 {
		return nil, nil
	}
	d, err := storedDoc(res.Hits[0], true)
	if err != nil {
		return nil, fmt.Errorf("index %s: document %s: %w", x.path, id, err)
	}
	if d.ID != id {
		return nil, nil
	}
	return d, nil
}

// canonical maps names typed as aliases (习主席) to the names facets list
// (习近平), by the aliases the index was built with, each followed by the
// whole names it may be listed by (Registry.Forms: 巴沙尔·阿萨德 for 巴沙尔).
func (x *Index) canonical(names []string) []string {
	if x.reg == nil || len(names) == 0 {
		return names
	}
	out := make([]string, 0, len(names))
	for _, n := range names {
		out = append(out, x.reg.Forms(x.canonicalName(n))...)
	}
	return out
}

// canonicalName is the name facets list for name typed as an alias, folded.
func (x *Index) canonicalName(name string) string {
	if x.reg == nil {
		return foldValue(name)
	}
	return x.reg.Canonical(foldValue(name))
}
