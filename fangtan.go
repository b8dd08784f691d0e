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
	"fmt"
	"strconv"
	"strings"
	"unicode"
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

// UnavailableError is an ErrUnavailable that knows which part of the
// system failed (a database server, a shard), so that a user and an
// operator can tell a stopped shard from an overloaded server. Part must
// name it without secrets (no password).
type UnavailableError struct {
	Part string
	Err  error
}

func (e *UnavailableError) Error() string {
	return fmt.Sprintf("%s unavailable: %v", e.Part, e.Err)
}

// Is makes errors.Is(err, ErrUnavailable) hold.
func (e *UnavailableError) Is(target error) bool { return target == ErrUnavailable }

func (e *UnavailableError) Unwrap() error { return e.Err }

// MessageError is an error a user reads, with its format and arguments
// kept apart so that a user interface can say it in its own language
// (web translates the formats it knows). It wraps Kind, one of the
// sentinels above.
type MessageError struct {
	Kind   error
	Format string
	Args   []any
}

// Message is the error in English, without the sentinel's words.
func (e *MessageError) Message() string { return fmt.Sprintf(e.Format, e.Args...) }

func (e *MessageError) Error() string { return e.Kind.Error() + ": " + e.Message() }
func (e *MessageError) Unwrap() error { return e.Kind }

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

// NamedPosts are the officials the article names with their post, the
// ones an official's profile counts posts from. Inferred officials are
// left out: their post is the registry's best guess when the article was
// read, which depends on the order articles are indexed in (two builds of
// the same corpus counted 91 and 95 articles for one of 王毅's posts),
// and the article never gave it.
func (d *Document) NamedPosts() []Official {
	var out []Official
	for _, o := range d.Officials {
		if !o.Inferred {
			out = append(out, o)
		}
	}
	return out
}

// QuoteID is the id of an article's quote number n (from 0): the
// article's id, "#q" and n.
func QuoteID(docID string, n int) string { return docID + "#q" + strconv.Itoa(n) }

// QuoteHit is the article's quote number n as a search hit, without
// snippets (each search makes its own); a quote without a kind is direct.
func (d *Document) QuoteHit(n int) QuoteHit {
	q := d.Quotes[n]
	kind := q.Kind
	if kind == "" {
		kind = QuoteDirect
	}
	return QuoteHit{
		ID: QuoteID(d.ID, n), Text: q.Text, Speaker: q.Speaker, SpeakerTitle: q.SpeakerTitle,
		SpeakerTitleInferred: q.SpeakerTitleInferred, Kind: kind,
		DocID: d.ID, File: d.File, Title: d.Title, Date: d.Date, Source: d.Source, URL: d.URL,
		Paragraph: q.Paragraph + 1,
	}
}

// Official is a person holding a public position, as named in an article.
type Official struct {
	Name    string `json:"name"`              // Simplified
	Title   string `json:"title"`             // the position as written, folded to Simplified, e.g. 太原市委常委、小店区委书记
	Country string `json:"country,omitempty"` // a foreign official's country or organisation (俄罗斯, 联合国); empty for China
	Subject bool   `json:"subject"`           // the article is about or an interview with this official
	// Inferred: the article names them without a post; the index's
	// Registry knows them as an official from other articles.
	Inferred bool `json:"inferred,omitempty"`
}

// Label is the official as a line of text cites them: the name with the
// post in parentheses, or, when the article itself does not give the post
// (Inferred), in square brackets, the editor's mark for words the source
// does not contain: 王毅[外交部长].
func (o Official) Label() string {
	switch {
	case o.Title == "":
		return o.Name
	case o.Inferred:
		return o.Name + CitedPost(o.Title, true)
	}
	return o.Name + "(" + o.Title + ")"
}

// CitedPost is a post as a citation writes it: as it is, or in square
// brackets when the article does not give it (外交部长, [外交部长]).
func CitedPost(title string, inferred bool) string {
	if inferred && title != "" {
		return "[" + title + "]"
	}
	return title
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
	Text         string `json:"text"`
	Speaker      string `json:"speaker"`
	SpeakerTitle string `json:"speaker_title"`
	// SpeakerTitleInferred: the article names the speaker without this
	// post, which the index's Registry knows from other articles.
	SpeakerTitleInferred bool      `json:"speaker_title_inferred,omitempty"`
	Kind                 QuoteKind `json:"kind"`
	Paragraph            int       `json:"paragraph"` // 0-based index into the document's Paragraphs
}

// Within reports whether h is part of o as extraction gives one statement
// twice: words in quotation marks and the reported statement around them
// (他指，……「……」……), which the gold labels once each. Both are the same
// speaker's, in one paragraph of one article, and o's words hold h's and
// more (HoldsWords). The pages and the CLI show the two as one.
func (h QuoteHit) Within(o QuoteHit) bool {
	return h.DocID == o.DocID && h.Paragraph == o.Paragraph && h.Speaker == o.Speaker && HoldsWords(o.Text, h.Text)
}

// CitedPost is the speaker's post as a citation writes it: in square
// brackets when the article does not give it.
func (q Quote) CitedPost() string { return CitedPost(q.SpeakerTitle, q.SpeakerTitleInferred) }

// QuoteFullLength is how many letters and digits a quote needs to rank on
// its words alone in quote search. A shorter quote is most often a term,
// a name or a slogan an article puts in quotation marks (「港獨」, 「派糖」,
// 講「港獨」): the gold counts them as someone's words, but BM25's length
// norm put them first, and the first page of 港独 among hkcnews's quotes
// was twelve such fragments before any statement.
const QuoteFullLength = 12

// QuoteLength is the letters and digits of a quote's text, counted up to
// QuoteFullLength: what its rank is weighed by (QuoteWeight).
func QuoteLength(text string) int {
	n := 0
	for _, r := range text {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			n++
			if n == QuoteFullLength {
				break
			}
		}
	}
	return n
}

// QuoteWeight is the factor a quote's relevance is multiplied by in quote
// search, from its QuoteLength: 1 from QuoteFullLength letters on, and a
// two-letter 「港獨」 a sixth. Every backend ranks quotes by it.
func QuoteWeight(length int) float64 {
	return float64(min(max(length, 1), QuoteFullLength)) / QuoteFullLength
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
	// Excludes leaves out the documents with any of the values, by facet
	// name (official, city, province, district, theme, source, year).
	Excludes map[string][]string `json:"not,omitempty"`
	// Kind is a quote search's kind of quote: "direct", "reported" or ""
	// for both.
	Kind string `json:"kind,omitempty"`
	// DateFrom and DateTo bound the date, inclusive: YYYY, YYYY-MM or
	// YYYY-MM-DD, either may be empty. DateTo includes the whole period it
	// names (2021-07 runs to 31 July).
	DateFrom string `json:"date_from,omitempty"`
	DateTo   string `json:"date_to,omitempty"`
	Sort     string `json:"sort,omitempty"` // "relevance" (default), "date" (newest first) or "oldest"
	From     int    `json:"from,omitempty"`
	Size     int    `json:"size,omitempty"` // 0 means the default page size
	// FacetSize is how many values of each facet to return; 0 means 50.
	FacetSize int `json:"facet_size,omitempty"`
}

// Sort orders.
const (
	SortRelevance = "relevance"
	SortDate      = "date"   // newest first
	SortOldest    = "oldest" // oldest first
)

// Result is the answer to an article search.
type Result struct {
	Query  string                  `json:"query"`
	Total  uint64                  `json:"total"`
	TookMs float64                 `json:"took_ms"`
	Hits   []Hit                   `json:"hits"`
	Facets map[string][]FacetCount `json:"facets"`
	// Timeline counts the matching articles by year, or by month when
	// they span less than three years.
	Timeline *Timeline `json:"timeline,omitempty"`
}

// Timeline is a histogram of matching documents over time. Buckets are in
// time order, every period from the first to the last, empty ones included;
// Undated counts the documents without a date.
type Timeline struct {
	Unit    string   `json:"unit"` // "year" or "month"
	Buckets []Bucket `json:"buckets"`
	Undated int      `json:"undated"`
}

// Bucket is one period of a Timeline: "2021" or "2021-07".
type Bucket struct {
	Period string `json:"period"`
	Count  int    `json:"count"`
}

// Hit is one article in a Result. Fragments are HTML: escaped text with
// <mark> around each matched span.
type Hit struct {
	ID        string     `json:"id"`
	File      string     `json:"file"`
	Title     string     `json:"title"`
	Authors   []string   `json:"authors,omitempty"`
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
	// Snippets are the fragments as text and match spans, for renderers
	// other than HTML; Fragments is them rendered as HTML.
	Snippets []Snippet `json:"snippets"`
	// Paragraph is the paragraph of the first fragment, counting from 1.
	Paragraph int `json:"paragraph,omitempty"`
	// Reprints are the other ids the article was published under.
	Reprints []Reprint `json:"reprints,omitempty"`
}

// Snippet is a passage of a text with the spans a query matched, as byte
// offsets into Text. Before and After say whether the text goes on.
type Snippet struct {
	Text   string `json:"text"`
	Spans  []Span `json:"spans"`
	Before bool   `json:"before,omitempty"`
	After  bool   `json:"after,omitempty"`
}

// Span is a matched part of a Snippet's Text, [Start, End) in bytes.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
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
	Facets map[string][]FacetCount `json:"facets"` // "speaker", "kind"
}

// QuoteHit is one quote in a QuoteResult, with its article's citation fields.
type QuoteHit struct {
	ID           string `json:"id"`
	Text         string `json:"text"`
	Speaker      string `json:"speaker"`
	SpeakerTitle string `json:"speaker_title"`
	// SpeakerTitleInferred: as Quote's.
	SpeakerTitleInferred bool      `json:"speaker_title_inferred,omitempty"`
	Kind                 QuoteKind `json:"kind"`
	DocID                string    `json:"doc_id"`
	File                 string    `json:"file"`
	Title                string    `json:"title"`
	Date                 string    `json:"date"`
	Source               string    `json:"source"`
	URL                  string    `json:"url,omitempty"` // the article's original address
	// Paragraph is the quote's paragraph, counting from 1 (the document
	// page's #p1), unlike Quote.Paragraph.
	Paragraph int      `json:"paragraph"`
	Fragments []string `json:"fragments"`
	// Snippets are the fragments as text and match spans.
	Snippets []Snippet `json:"snippets,omitempty"`
}

// SameQuotation reports whether h and o are one quotation in two articles:
// the same speaker, kind and words (SameWords). The pages and the CLI
// show such hits ranked together once.
func (h QuoteHit) SameQuotation(o QuoteHit) bool {
	return h.Speaker == o.Speaker && h.Kind == o.Kind && SameWords(h.Text, o.Text)
}

// CitedPost is the speaker's post as a citation writes it: in square
// brackets when the article does not give it.
func (h QuoteHit) CitedPost() string { return CitedPost(h.SpeakerTitle, h.SpeakerTitleInferred) }

// KWICLine is one occurrence of a phrase with the text either side of it,
// within its paragraph. Paragraph counts from 1.
type KWICLine struct {
	DocID     string `json:"doc_id"`
	Title     string `json:"title"`
	Date      string `json:"date"`
	Source    string `json:"source"`
	Paragraph int    `json:"paragraph"`
	Left      string `json:"left"`
	Match     string `json:"match"`
	Right     string `json:"right"`
}

// KWICResult is every occurrence of a query's phrases in the matching
// articles. Lines is the true count of occurrences unless Truncated.
type KWICResult struct {
	Query     string     `json:"query"`
	Documents uint64     `json:"documents"` // matching articles
	Lines     []KWICLine `json:"lines"`
	Truncated bool       `json:"truncated"` // more than the limit of documents or lines matched
	TookMs    float64    `json:"took_ms"`
}

// OfficialProfile is what the index knows of one official: the posts they
// were named with and when, their articles over time, who and what appears
// with them.
type OfficialProfile struct {
	Name      string       `json:"name"`
	Articles  uint64       `json:"articles"`
	Quotes    uint64       `json:"quotes"` // quotes they are the speaker of
	Posts     []Post       `json:"posts"`
	Timeline  *Timeline    `json:"timeline"`
	Officials []FacetCount `json:"officials"` // co-occurring, most frequent first
	Places    []FacetCount `json:"places"`
	Themes    []FacetCount `json:"themes"`
	TookMs    float64      `json:"took_ms"`
}

// Post is a position an official was named with, in how many articles and
// in which years ("" first and last when none of them is dated).
type Post struct {
	Title    string `json:"title"`
	Country  string `json:"country,omitempty"`
	Articles int    `json:"articles"`
	First    string `json:"first"`
	Last     string `json:"last"`
}

// Overview says what an index holds.
type Overview struct {
	Articles  uint64       `json:"articles"`
	Quotes    uint64       `json:"quotes"`
	First     string       `json:"first"` // earliest date
	Last      string       `json:"last"`
	Sources   []FacetCount `json:"sources"`
	Officials []FacetCount `json:"officials"`
	Themes    []FacetCount `json:"themes"`
}

// Suggestion is a completion for the search box.
type Suggestion struct {
	Value string `json:"value"`
	Kind  string `json:"kind"` // "official", "place", "theme" or "speaker"
	Count int    `json:"count"`
}

// DocumentView is a document prepared for reading: Highlighted holds its
// paragraphs as HTML (escaped, with <mark> around the query's matches).
type DocumentView struct {
	Document
	Highlighted []string `json:"highlighted,omitempty"`
	// Reprints are the other ids the article was published under.
	Reprints []Reprint `json:"reprints,omitempty"`
	// AsReprint is set when the id asked for is a reprint of the article.
	AsReprint *Reprint `json:"as_reprint,omitempty"`
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
	// KWIC finds every occurrence of q's words and phrases in the matching
	// articles, width characters either side.
	KWIC(ctx context.Context, q Query, width int) (*KWICResult, error)
	// Official profiles one official; an official the index does not
	// name is ErrNotFound.
	Official(ctx context.Context, name string) (*OfficialProfile, error)
	Overview(ctx context.Context) (*Overview, error)
	// Export gives the first limit hits of q (From and Size ignored) in
	// one ranked pass, for an export: start is called once with the total
	// before the first hit, then emit with each hit in order; an error from
	// either stops it. Facets are not counted.
	Export(ctx context.Context, q Query, limit int, start func(total uint64) error, emit func(Hit) error) error
}
