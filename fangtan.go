// Package fangtan holds the domain types of the fangtan search engine:
// documents extracted from Chinese news pages and interviews, the officials,
// places and quotes found in them, and the queries and results of a search.
//
// The subpackages adapt one concern each and import this package:
// analyzer (jieba and OpenCC for bleve), corpus (reading and cleaning),
// extract (officials, places, themes and quotes), index (bleve) and web
// (net/http). Keeping the types here lets them talk
// to each other without importing each other.
package fangtan

import (
	"context"
	"errors"
	"strings"
)

// Sentinel errors. web maps them to HTTP statuses in one place; everything
// else wraps them with context.
var (
	// ErrNotFound reports an unknown document or quote id.
	ErrNotFound = errors.New("not found")
	// ErrBadQuery reports a query or parameter the user must fix.
	// The wrapping error's message says what is wrong and where.
	ErrBadQuery = errors.New("bad query")
	// ErrUnavailable reports a search that could not finish in time or while
	// the index was being replaced; the user may try again.
	ErrUnavailable = errors.New("temporarily unavailable")
)

// Document is one article: a page holding several articles becomes several
// Documents that name each other as siblings.
//
// Text is the article in its original script with paragraphs joined by "\n",
// so Text == strings.Join(Paragraphs, "\n"). Metadata values (names, places,
// themes) are Simplified, so that Traditional and Simplified pages facet
// together; quotes keep the original script.
type Document struct {
	ID         string     `json:"id"`
	File       string     `json:"file"`
	Part       int        `json:"part,omitempty"`     // 1-based position on a split page; 0 for a page holding one article
	Siblings   []string   `json:"siblings,omitempty"` // ids of the other articles from the same page
	Title      string     `json:"title"`
	Date       string     `json:"date,omitempty"` // YYYY-MM-DD, or empty when the text does not say
	Source     string     `json:"source,omitempty"`
	URL        string     `json:"url,omitempty"`
	Authors    []string   `json:"authors"`
	Officials  []Official `json:"officials"`
	Places     Places     `json:"places"`
	Themes     []string   `json:"themes"`
	Keywords   []string   `json:"keywords"`
	Quotes     []Quote    `json:"quotes"`
	Paragraphs []string   `json:"paragraphs,omitempty"`
	Text       string     `json:"text"`

	// Words is a build-time artifact, never stored or serialized: the
	// corpus extractor's jieba segmentation of Title and Text, from which
	// the index derives its word fields instead of segmenting both texts
	// a second time. Nil when nothing was segmented.
	Words *Words `json:"-"`
}

// Words are the words of jieba's precise mode of a Document's folded Title
// and Text, cut with the dictionary set DictionaryID
// (analyzer.SearchExpander). Each records the exact text it was cut from,
// so that words of a Title or Text changed since are ignored.
type Words struct {
	DictionaryID string
	Title, Text  SegmentedText
}

// SegmentedText is a text and the precise-mode words of its folded form,
// in order: they concatenate to analyzer.Fold(Source).
type SegmentedText struct {
	Source string
	Words  []string
}

// For returns the words if they were cut from text, or nil.
func (s SegmentedText) For(text string) []string {
	if s.Words == nil || s.Source != text {
		return nil
	}
	return s.Words
}

// TextIsParagraphs reports whether Text is Paragraphs joined by "\n", the
// form every reader produces (a caller's Document need not be), without
// building the join.
func (d *Document) TextIsParagraphs() bool {
	text := d.Text
	for i, p := range d.Paragraphs {
		if i > 0 {
			if !strings.HasPrefix(text, "\n") {
				return false
			}
			text = text[1:]
		}
		if !strings.HasPrefix(text, p) {
			return false
		}
		text = text[len(p):]
	}
	return text == ""
}

// Year returns the four-digit year of the document's date, or "".
func (d *Document) Year() string {
	if len(d.Date) >= 4 {
		return d.Date[:4]
	}
	return ""
}

// Official is a person holding a public position, as named in an article.
type Official struct {
	Name    string `json:"name"`              // Simplified
	Title   string `json:"title"`             // the position as written, folded to Simplified, e.g. 太原市委常委、小店区委书记
	Country string `json:"country,omitempty"` // a foreign official's country or organisation (俄罗斯, 联合国); empty for China
	Subject bool   `json:"subject"`           // the article is about or an interview with this official
}

// Places are the administrative divisions an article is about, rolled up:
// a district brings its city and province.
type Places struct {
	Provinces []string `json:"provinces"`
	Cities    []string `json:"cities"`
	Districts []string `json:"districts"`
}

// Quote is a quotation, an interview answer or a reported statement, and
// who said it. Speaker is empty when the text does not make it clear.
type Quote struct {
	Text         string    `json:"text"`
	Speaker      string    `json:"speaker"`
	SpeakerTitle string    `json:"speaker_title"`
	Kind         QuoteKind `json:"kind"`
	Paragraph    int       `json:"paragraph"` // 0-based index into the document's Paragraphs
}

// QuoteKind tells a quotation from reported speech.
type QuoteKind string

const (
	// QuoteDirect is a passage in quotation marks, or an interview answer.
	QuoteDirect QuoteKind = "direct"
	// QuoteReported is what someone is reported to have said without
	// quotation marks: 李强表示，中方愿…… gives 中方愿…….
	QuoteReported QuoteKind = "reported"
)

// Query is a search request, shared by the CLI and the HTTP API.
// Filters combine with AND across fields and OR within one field.
type Query struct {
	Text      string   `json:"q"`
	Officials []string `json:"official,omitempty"`
	Cities    []string `json:"city,omitempty"`
	Provinces []string `json:"province,omitempty"`
	Districts []string `json:"district,omitempty"`
	Themes    []string `json:"theme,omitempty"`
	Sources   []string `json:"source,omitempty"`
	Years     []string `json:"year,omitempty"`
	Speakers  []string `json:"speaker,omitempty"` // quote search only
	Sort      string   `json:"sort,omitempty"`    // "relevance" (default) or "date"
	From      int      `json:"from,omitempty"`
	Size      int      `json:"size,omitempty"` // 0 means the default page size
}

// Result is the answer to an article search.
type Result struct {
	Query  string                  `json:"query"`
	Total  uint64                  `json:"total"`
	TookMs float64                 `json:"took_ms"`
	Hits   []Hit                   `json:"hits"`
	Facets map[string][]FacetCount `json:"facets"`
}

// Hit is one article in a Result. Fragments are HTML: escaped text with
// <mark> around each matched span.
type Hit struct {
	ID        string     `json:"id"`
	File      string     `json:"file"`
	Title     string     `json:"title"`
	Date      string     `json:"date"`
	Source    string     `json:"source"`
	URL       string     `json:"url,omitempty"`
	Officials []Official `json:"officials"`
	Cities    []string   `json:"cities"`
	Provinces []string   `json:"provinces"`
	Districts []string   `json:"districts"`
	Themes    []string   `json:"themes"`
	Score     float64    `json:"score"`
	Fragments []string   `json:"fragments"`
}

// FacetCount is one value of a facet and how many matching documents have it.
type FacetCount struct {
	Value string `json:"value"`
	Count int    `json:"count"`
}

// QuoteResult is the answer to a quote search.
type QuoteResult struct {
	Query  string                  `json:"query"`
	Total  uint64                  `json:"total"`
	TookMs float64                 `json:"took_ms"`
	Hits   []QuoteHit              `json:"hits"`
	Facets map[string][]FacetCount `json:"facets"` // "speaker"
}

// QuoteHit is one quote in a QuoteResult, with its article's citation fields.
type QuoteHit struct {
	ID           string   `json:"id"`
	Text         string   `json:"text"`
	Speaker      string   `json:"speaker"`
	SpeakerTitle string   `json:"speaker_title"`
	DocID        string   `json:"doc_id"`
	File         string   `json:"file"`
	Title        string   `json:"title"`
	Date         string   `json:"date"`
	Source       string   `json:"source"`
	Paragraph    int      `json:"paragraph"`
	Fragments    []string `json:"fragments"`
}

// Suggestion is a completion for the search box.
type Suggestion struct {
	Value string `json:"value"`
	Kind  string `json:"kind"` // "official", "place" or "theme"
	Count int    `json:"count"`
}

// DocumentView is a document prepared for reading: Highlighted holds its
// paragraphs as HTML (escaped, with <mark> around the query's matches).
type DocumentView struct {
	Document
	Highlighted []string `json:"highlighted,omitempty"`
}

// Extractor fills a Document's Officials, Places, Themes, Keywords and
// Quotes from its Title and Paragraphs. The reader (corpus) and the index
// take it as this interface so that neither imports the extract package.
type Extractor interface {
	Extract(doc *Document)
}

// Searcher is what the web and the CLI need of an index.
type Searcher interface {
	Search(ctx context.Context, q Query) (*Result, error)
	SearchQuotes(ctx context.Context, q Query) (*QuoteResult, error)
	// Document returns the document with id; a non-empty query highlights
	// its matches in Highlighted.
	Document(ctx context.Context, id, query string) (*DocumentView, error)
	Suggest(ctx context.Context, prefix string, limit int) ([]Suggestion, error)
	// Export gives the first limit hits of q (From and Size ignored) in
	// one ranked pass, for an export: start is called once with the total
	// before the first hit, then emit with each hit in order; an error from
	// either stops it. Facets are not counted.
	Export(ctx context.Context, q Query, limit int, start func(total uint64) error, emit func(Hit) error) error
}
