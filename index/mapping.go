package index

import (
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/keyword"
	"github.com/blevesearch/bleve/v2/document"
	"github.com/blevesearch/bleve/v2/mapping"
	bindex "github.com/blevesearch/bleve_index_api"

	"fangtan"
	"fangtan/analyzer"
	"fangtan/query"
)

// Document types, kept in the keyword field "type".
const (
	typeArticle = "article"
	typeQuote   = "quote"
	// A reprint is no article: only its id, the article it reprints, its
	// file and its record (fangtan.Reprint) as JSON in the stored field.
	typeReprint = "reprint"
)

// Field names. Quotes use their own text field so that their BM25 length
// statistics do not mix with whole articles'.
//
// Each text is indexed once, as the exact analyzer's bigrams: they match
// substrings, and words too (a word's bigrams, see clauseQuery). Fields of
// jieba's words beside them cost a fifth to a quarter of a build's CPU and
// an eighth of the index; see docs/benchmarks.md, "sixth session".
const (
	fieldType       = "type"
	fieldTitleExact = "title_exact"
	fieldTextExact  = "text_exact"
	fieldQuoteExact = "quote_exact"
	fieldOfficial   = "official"
	fieldCity       = "city"
	fieldProvince   = "province"
	fieldDistrict   = "district"
	fieldTheme      = "theme"
	fieldSource     = "source"
	fieldAuthor     = "author"
	fieldYear       = "year"
	fieldSpeaker    = "speaker"
	fieldQuoteKind  = "kind" // a quote's kind: direct or reported
	// fieldQuoteLength holds a quote's fangtan.QuoteLength, with doc
	// values: quote search weighs each match by it (quoteWeightQuery).
	fieldQuoteLength = "length"
	// fieldPost holds "name\x1fyear\x1ftitle\x1fcountry" for each official
	// of an article, with doc values: an official's page counts its posts
	// by year from it.
	fieldPost = "post"
	// fieldMonth is no field of its own: the name of the month counts of
	// a timeline (a date-range facet on fieldDate, see monthFacet).
	fieldMonth = "month"
	fieldFile  = "file"
	// fieldPrint holds an article's fangtan.Print, by which an add finds
	// the article a new document reprints, and its fangtan.TitlePrint
	// after titlePrintPrefix, by which it finds the article a version
	// cuts.
	fieldPrint = "print"
	// titlePrintPrefix marks a title's print in fieldPrint.
	titlePrintPrefix = "t:"
	// fieldDocID holds a quote's article and a reprint's: the article it
	// reprints. Not a field of its own for reprints: zap merges segments
	// by copying their postings only when all hold the same fields, and
	// the build's segments with reprints must hold no field the others
	// lack (a field "of" made xwlb's final merge decode every posting).
	fieldDocID = "doc_id"
	fieldDate  = "date"
	// fieldFacets holds every facet value of a document as "field\x1fvalue",
	// one term dictionary from which each segment's facet columns are read
	// (facetcolumns.go). Its doc values are no longer read by fangtan
	// itself, only by bleve's own terms facet, which the tests compare
	// with; dropping them would change the index format.
	fieldFacets = "facets"
	// The stored field a hit or Document(id) is rendered from: stored and
	// never indexed, so the text is kept exactly once. It holds an
	// article's metadata as JSON, its text raw and its quotes as JSON, in
	// one value compressed by fangtan (packStored); a quote's holds its hit
	// as JSON.
	fieldStored = "stored"
)

type fieldKind int

const (
	kindExact fieldKind = iota // bigrams of the exact analyzer and the last rune
	kindKeyword
	// kindName is a keyword that ranks: its frequencies and norms are
	// kept, without which bleve's BM25 scores a match 0.
	kindName
	kindDate
	kindStored
)

// fieldSpec is the one description of a field from which both the bleve
// mapping and the documents are made, so the two cannot drift apart.
type fieldSpec struct {
	name    string
	kind    fieldKind
	vectors bool // positions for phrase queries
	facet   bool // doc values for facets and sorting
}

// The exact fields carry term vectors: quoted phrases are phrase queries
// on them. Highlighting finds spans in the stored text itself.
var articleFields = withFacets([]fieldSpec{
	{name: fieldType, kind: kindKeyword},
	{name: fieldTitleExact, kind: kindExact, vectors: true},
	{name: fieldTextExact, kind: kindExact, vectors: true},
	{name: fieldAuthor, kind: kindKeyword},
	{name: fieldFile, kind: kindKeyword},
	{name: fieldPrint, kind: kindKeyword},
	{name: fieldDate, kind: kindDate, facet: true},
	{name: fieldFacets, kind: kindKeyword, facet: true},
	{name: fieldPost, kind: kindKeyword, facet: true},
	// The speakers of the article's quotes, to rank by (speakerBoost),
	// counted by no facet of articles.
	{name: fieldSpeaker, kind: kindName},
	{name: fieldStored, kind: kindStored},
}, fangtan.ArticleFacet)

// A quote has its article's facets, to filter quote searches by them, and
// its own.
var quoteFields = withFacets([]fieldSpec{
	{name: fieldType, kind: kindKeyword},
	{name: fieldQuoteExact, kind: kindExact, vectors: true},
	{name: fieldQuoteLength, kind: kindKeyword, facet: true},
	{name: fieldDocID, kind: kindKeyword},
	{name: fieldFile, kind: kindKeyword},
	{name: fieldDate, kind: kindDate, facet: true},
	{name: fieldFacets, kind: kindKeyword, facet: true},
	{name: fieldStored, kind: kindStored},
}, fangtan.ArticleFacet, fangtan.QuoteFacet)

var reprintFields = []fieldSpec{
	{name: fieldType, kind: kindKeyword},
	{name: fieldDocID, kind: kindKeyword},
	{name: fieldFile, kind: kindKeyword},
	{name: fieldStored, kind: kindStored},
}

// withFacets adds a keyword field for each facet of the scopes, named as
// the facet: it filters; the facet field counts.
func withFacets(fields []fieldSpec, scopes ...fangtan.FacetScope) []fieldSpec {
	for _, f := range fangtan.Facets {
		if slices.Contains(scopes, f.Scope) {
			fields = append(fields, fieldSpec{name: f.Name, kind: kindKeyword})
		}
	}
	return fields
}

func (f fieldSpec) options() bindex.FieldIndexingOptions {
	switch f.kind {
	case kindStored:
		return bindex.StoreField
	case kindKeyword:
		// Keyword fields only filter and facet: no statistics.
		o := bindex.IndexField | bindex.SkipFreqNorm
		if f.facet {
			o |= bindex.DocValues
		}
		return o
	case kindName:
		return bindex.IndexField
	}
	o := bindex.IndexField
	if f.vectors {
		o |= bindex.IncludeTermVectors
	}
	if f.facet {
		o |= bindex.DocValues
	}
	return o
}

func (f fieldSpec) analyzerName() string {
	switch f.kind {
	case kindExact:
		return analyzer.ExactBigramAnalyzerName
	case kindKeyword, kindName:
		return keyword.Name
	}
	return ""
}

func (f fieldSpec) fieldMapping() *mapping.FieldMapping {
	var fm *mapping.FieldMapping
	switch f.kind {
	case kindDate:
		fm = mapping.NewDateTimeFieldMapping()
	default:
		fm = mapping.NewTextFieldMapping()
		fm.Analyzer = f.analyzerName()
	}
	o := f.options()
	fm.Name = f.name
	fm.Store = o.IsStored()
	fm.Index = o.IsIndexed()
	fm.IncludeTermVectors = o.IncludeTermVectors()
	fm.DocValues = o.IncludeDocValues()
	fm.SkipFreqNorm = o.SkipFreqNorm()
	fm.IncludeInAll = false
	return fm
}

// newMapping describes the two document types to bleve. Documents are built
// field by field (see newDocBuilder), but the mapping is what a reopened index
// validates its analyzers against and what documents the index on disk.
func newMapping() *mapping.IndexMappingImpl {
	im := mapping.NewIndexMapping()
	im.TypeField = fieldType
	im.DefaultType = typeArticle
	im.DefaultAnalyzer = analyzer.WordAnalyzerName
	im.DefaultMapping = mapping.NewDocumentDisabledMapping()
	im.IndexDynamic = false
	im.StoreDynamic = false
	im.DocValuesDynamic = false
	im.ScoringModel = bindex.BM25Scoring
	im.AddDocumentMapping(typeArticle, docMapping(articleFields))
	im.AddDocumentMapping(typeQuote, docMapping(quoteFields))
	im.AddDocumentMapping(typeReprint, docMapping(reprintFields))
	return im
}

func docMapping(fields []fieldSpec) *mapping.DocumentMapping {
	dm := mapping.NewDocumentStaticMapping()
	for _, f := range fields {
		dm.AddFieldMappingsAt(f.name, f.fieldMapping())
	}
	return dm
}

// encodeArticle returns the stored fields of d.
func encodeArticle(d *fangtan.Document) (meta []byte, quotes []byte, err error) {
	if meta, err = fangtan.EncodeMeta(d); err != nil {
		return nil, nil, err
	}
	if len(d.Quotes) > 0 {
		if quotes, err = json.Marshal(d.Quotes); err != nil {
			return nil, nil, err
		}
	}
	return meta, quotes, nil
}

// decodeStored rebuilds an article from its stored value (packStored),
// with its quotes when withQuotes.
func decodeStored(v []byte, withQuotes bool) (*fangtan.Document, error) {
	meta, text, quotes, err := unpackStored(v, withQuotes)
	if err != nil {
		return nil, fmt.Errorf("decode stored document: %w", err)
	}
	return decodeArticle(meta, string(text), quotes)
}

// decodeArticle rebuilds a Document from its stored fields; quotes may be
// nil when the caller does not need them.
func decodeArticle(meta []byte, text string, quotes []byte) (*fangtan.Document, error) {
	d, err := fangtan.DecodeMeta(meta, text)
	if err != nil {
		return nil, err
	}
	if len(quotes) > 0 {
		if err := json.Unmarshal(quotes, &d.Quotes); err != nil {
			return nil, fmt.Errorf("decode stored quotes: %w", err)
		}
	}
	return d, nil
}

// docBuilder turns fangtan.Documents into bleve documents. It holds the
// analyzers so each field is analyzed exactly once, by scorch, and the word
// analyzer, which cuts queries into words.
type docBuilder struct {
	word, bigram, kw analysis.Analyzer
}

func newDocBuilder(m mapping.IndexMapping) (*docBuilder, error) {
	b := &docBuilder{
		word:   m.AnalyzerNamed(analyzer.WordAnalyzerName),
		bigram: m.AnalyzerNamed(analyzer.ExactBigramAnalyzerName),
		kw:     m.AnalyzerNamed(keyword.Name),
	}
	if b.word == nil || b.bigram == nil || b.kw == nil {
		return nil, fmt.Errorf("analyzers %q/%q are not registered with bleve", analyzer.WordAnalyzerName, analyzer.ExactBigramAnalyzerName)
	}
	return b, nil
}

type fieldAdder struct {
	b      *docBuilder
	doc    *document.Document
	specs  map[string]fieldSpec
	facets []string // "field\x1fvalue" for fieldFacets
}

// facetFields are the fields whose values are counted as facets: one
// keyword field per fangtan.Facets entry, named as the facet.
var facetFields = func() map[string]bool {
	m := make(map[string]bool, len(fangtan.Facets))
	for _, f := range fangtan.Facets {
		m[f.Name] = true
	}
	return m
}()

// undated is the year value of documents without a date.
const undated = fangtan.UndatedYear

const facetSep = "\x1f"

// addFacets adds the collected facet values as one multi-valued field.
func (a *fieldAdder) addFacets() {
	o := a.specs[fieldFacets].options()
	for i, v := range a.facets {
		a.doc.AddField(document.NewTextFieldCustom(fieldFacets, []uint64{uint64(i)}, []byte(v), o, a.b.kw))
	}
}

func (a *fieldAdder) text(name, value string) {
	if value == "" {
		return
	}
	f := a.specs[name]
	var an analysis.Analyzer
	switch f.kind {
	case kindExact:
		an = a.b.bigram
	case kindKeyword, kindName:
		an = a.b.kw
	case kindStored:
		an = nil
	}
	a.doc.AddField(document.NewTextFieldCustom(name, nil, []byte(value), f.options(), an))
}

// stored adds the document's stored value (packStored).
func (a *fieldAdder) stored(value []byte) {
	a.doc.AddField(document.NewTextFieldCustom(fieldStored, nil, value, a.specs[fieldStored].options(), nil))
}

// raw adds one keyword value as it is (ids, file names, the type).
func (a *fieldAdder) raw(name, value string) {
	if value == "" {
		return
	}
	a.doc.AddField(document.NewTextFieldCustom(name, nil, []byte(value), a.specs[name].options(), a.b.kw))
}

// keywords adds folded, deduplicated values of a multi-valued keyword field.
func (a *fieldAdder) keywords(name string, values ...string) {
	f := a.specs[name]
	seen := make([]string, 0, len(values))
	for _, v := range values {
		v = foldValue(v)
		if v == "" || slices.Contains(seen, v) {
			continue
		}
		seen = append(seen, v)
		if facetFields[name] {
			a.facets = append(a.facets, name+facetSep+v)
		}
		a.doc.AddField(document.NewTextFieldCustom(name, []uint64{uint64(len(seen) - 1)}, []byte(v), f.options(), a.b.kw))
	}
}

func (a *fieldAdder) date(value string) {
	t, err := time.Parse("2006-01-02", value)
	if err != nil {
		return
	}
	f, err := document.NewDateTimeFieldWithIndexingOptions(fieldDate, nil, t, time.RFC3339, a.specs[fieldDate].options())
	if err == nil {
		a.doc.AddField(f)
	}
}

var (
	articleSpecs = specMap(articleFields)
	quoteSpecs   = specMap(quoteFields)
	reprintSpecs = specMap(reprintFields)
)

func specMap(fields []fieldSpec) map[string]fieldSpec {
	m := make(map[string]fieldSpec, len(fields))
	for _, f := range fields {
		m[f.name] = f
	}
	return m
}

// foldValue is the form of every metadata value in the index and in filters.
func foldValue(v string) string { return strings.TrimSpace(analyzer.Fold(v)) }

// build returns the article and its quote documents.
func (b *docBuilder) build(d *fangtan.Document) ([]*document.Document, error) {
	stored, storedQuotes, err := encodeArticle(d)
	if err != nil {
		return nil, err
	}
	out := make([]*document.Document, 0, 1+len(d.Quotes))
	art := &fieldAdder{b: b, doc: document.NewDocument(d.ID), specs: articleSpecs}
	art.raw(fieldType, typeArticle)
	art.text(fieldTitleExact, d.Title)
	art.text(fieldTextExact, d.Text)
	b.metadata(art, d)
	art.keywords(fieldAuthor, d.Authors...)
	if p := fangtan.Print(d.Text); p != "" {
		art.raw(fieldPrint, p)
		if tp := fangtan.TitlePrint(d.Title); tp != "" {
			art.raw(fieldPrint, titlePrintPrefix+tp)
		}
	}
	b.posts(art, d)
	b.voices(art, d)
	art.addFacets()
	art.stored(packStored(stored, []byte(d.Text), storedQuotes))
	out = append(out, art.doc)

	for n, q := range d.Quotes {
		// A quote's stored field is its hit without fragments, which each
		// search makes anew.
		sq := d.QuoteHit(n)
		js, err := json.Marshal(&sq)
		if err != nil {
			return nil, err
		}
		qa := &fieldAdder{b: b, doc: document.NewDocument(sq.ID), specs: quoteSpecs}
		qa.raw(fieldType, typeQuote)
		qa.text(fieldQuoteExact, q.Text)
		qa.raw(fieldQuoteLength, strconv.Itoa(fangtan.QuoteLength(q.Text)))
		for _, f := range fangtan.Facets {
			if f.Scope == fangtan.QuoteFacet {
				qa.keywords(f.Name, f.Values(d, &q)...)
			}
		}
		qa.raw(fieldDocID, d.ID)
		b.metadata(qa, d)
		qa.addFacets()
		qa.stored(packStored(js, nil, nil))
		out = append(out, qa.doc)
	}
	return out, nil
}

// reprint returns the document that records r.
func (b *docBuilder) reprint(r fangtan.Reprint) (*document.Document, error) {
	js, err := json.Marshal(&r)
	if err != nil {
		return nil, err
	}
	a := &fieldAdder{b: b, doc: document.NewDocument(r.ID), specs: reprintSpecs}
	a.raw(fieldType, typeReprint)
	a.raw(fieldDocID, r.Of)
	a.raw(fieldFile, r.File)
	a.stored(packStored(js, nil, nil))
	return a.doc, nil
}

// metadata adds the filter and facet fields articles and quotes share.
func (b *docBuilder) metadata(a *fieldAdder, d *fangtan.Document) {
	for _, f := range fangtan.Facets {
		if f.Scope == fangtan.ArticleFacet {
			a.keywords(f.Name, f.Values(d, nil)...)
		}
	}
	a.raw(fieldFile, d.File)
	a.date(d.Date)
}

// voices adds the speakers of the article's quotes to its speaker field,
// which no facet counts and no filter of article search reads: a search
// for a person's name ranks the articles they speak in higher
// (speakerBoost).
func (b *docBuilder) voices(a *fieldAdder, d *fangtan.Document) {
	var seen []string
	for _, q := range d.Quotes {
		if v := foldValue(q.Speaker); v != "" && !slices.Contains(seen, v) {
			seen = append(seen, v)
			a.raw(fieldSpeaker, v)
		}
	}
}

// posts adds each official's post with the article's year
// (query.PostValues).
func (b *docBuilder) posts(a *fieldAdder, d *fangtan.Document) {
	values := query.PostValues(d)
	f := a.specs[fieldPost]
	var seen []string
	for _, v := range values {
		if slices.Contains(seen, v) {
			continue
		}
		seen = append(seen, v)
		a.doc.AddField(document.NewTextFieldCustom(fieldPost, []uint64{uint64(len(seen) - 1)}, []byte(v), f.options(), a.b.kw))
	}
}
