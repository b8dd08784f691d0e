package postgres

import (
	"encoding/json"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"

	"fangtan"
	"fangtan/analyzer"
	"fangtan/query"
)

// Limits of PostgreSQL's tsvector that shape the rows.
const (
	// maxPos is the largest position a tsvector keeps; larger ones are
	// clamped to it.
	maxPos = 16383
	// maxPositions is how many positions a tsvector keeps per lexeme; the
	// others are dropped, so a <-> chain cannot see a later occurrence.
	maxPositions = 256
	// maxLexemeBytes: PostgreSQL refuses longer lexemes ("word is too long").
	maxLexemeBytes = 2046
	// maxWordVectorBytes keeps tsvectors under their 1 MB limit: a text
	// whose word vector would be larger keeps its words without
	// positions (wordVector); one whose set of bigrams would be larger
	// has none (its passages still hold every bigram).
	maxWordVectorBytes = 900 << 10
)

// Passages: an article's bigrams are cut into passages of passageRunes
// letters and digits, each starting passageStep after the previous one.
// Consecutive passages share passageRunes-passageStep runes, so any
// phrase of up to MaxChainRunes letters and digits lies whole in one
// passage; a longer phrase is looked for by its first MaxChainRunes and
// checked whole against the article's folded text (strpos).
const (
	passageRunes  = 4096
	passageStep   = 3584
	MaxChainRunes = passageRunes - passageStep + 1 // 513
)

// facetSep separates a facet's name from its value in the facets and keys
// arrays, as in the bleve index's combined facet field.
const facetSep = "\x1f"

// monthFacet is no facet: 'month<US>2021-07' values feed the timeline.
const monthFacet = "month"

// undatedPart is the partition date of an article without a date.
const undatedPart = "0001-01-01"

// keepRune is the exact analyzer's test: only letters and digits take
// part in phrase matching (analyzer.ExactTerms).
func keepRune(r rune) bool {
	switch {
	case r < utf8.RuneSelf:
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	case 0x4E00 <= r && r <= 0x9FFF:
		return true
	}
	return unicode.IsLetter(r) || unicode.IsNumber(r)
}

// normRunes is the exact analyzer's view of s: folded, letters and digits
// only. A quoted query matches a text exactly when norm(text) contains
// norm(query).
func normRunes(s string) []rune {
	var rs []rune
	for _, r := range analyzer.Fold(s) {
		if keepRune(r) {
			rs = append(rs, r)
		}
	}
	return rs
}

func norm(s string) string { return string(normRunes(s)) }

// foldValue is the form of every metadata value, as in the bleve index.
func foldValue(v string) string { return strings.TrimSpace(analyzer.Fold(v)) }

// writeLexeme writes lex as a quoted tsvector or tsquery lexeme: inside
// quotes a backslash escapes the next character and a quote is doubled.
func writeLexeme(b *strings.Builder, lex string) {
	b.WriteByte('\'')
	for i := 0; i < len(lex); i++ {
		switch c := lex[i]; c {
		case '\'':
			b.WriteString("''")
		case '\\':
			b.WriteString(`\\`)
		default:
			b.WriteByte(c)
		}
	}
	b.WriteByte('\'')
}

// vector collects lexemes with their positions, in order of first
// appearance.
type vector struct {
	order []string
	pos   map[string][]int
}

func newVector() *vector { return &vector{pos: map[string][]int{}} }

func (v *vector) add(lex string, p int) {
	if lex == "" || len(lex) > maxLexemeBytes {
		return
	}
	p = min(max(p, 1), maxPos)
	ps, ok := v.pos[lex]
	if !ok {
		v.order = append(v.order, lex)
	}
	if n := len(ps); n > 0 && ps[n-1] == p {
		return
	}
	v.pos[lex] = append(ps, p)
}

// complete reports whether no lexeme has more positions than a tsvector
// keeps.
func (v *vector) complete() bool {
	for _, ps := range v.pos {
		if len(ps) > maxPositions {
			return false
		}
	}
	return true
}

// text is the vector in tsvector input syntax; with positions false, the
// lexemes alone.
func (v *vector) text(positions bool) string {
	return tsvectorText(v.order, func(b *strings.Builder, lex string) {
		if !positions {
			return
		}
		for j, p := range v.pos[lex] {
			if j == maxPositions {
				break
			}
			if j == 0 {
				b.WriteByte(':')
			} else {
				b.WriteByte(',')
			}
			b.WriteString(strconv.Itoa(p))
		}
	})
}

// tsvectorText writes lexes, sorted, in tsvector input syntax, each
// followed by what after writes (its positions, if any).
func tsvectorText(lexes []string, after func(b *strings.Builder, lex string)) string {
	lexes = slices.Clone(lexes)
	sort.Strings(lexes)
	var b strings.Builder
	for i, lex := range lexes {
		if i > 0 {
			b.WriteByte(' ')
		}
		writeLexeme(&b, lex)
		after(&b, lex)
	}
	return b.String()
}

// size estimates the tsvector's size on disk, in bytes.
func (v *vector) size() int {
	n := 0
	for lex, ps := range v.pos {
		n += 4 + len(lex) + 2 + 2*min(len(ps), maxPositions)
	}
	return n
}

// A word tsvector is for matching (its GIN index) and ranking (ts_rank),
// never for phrases (the bigrams are): each lexeme keeps one position,
// whose weight says how often the text has it. ts_rank over every
// position saturates at once: a word said twenty times scored 0.098
// against 0.061 for once and 0.076 for twice, so a text about a name and
// one that mentions it in passing ranked alike, and the title's words
// (times 3) decided nearly everything. With one weighted position and
// ts_rank's default weights (D 0.1, C 0.2, B 0.4, A 1.0) a word's score
// grows with its count in steps and saturates, as BM25's does. (It is
// not faster: measured on xwlb, ranking a frequent word's 6,000 matches
// costs the same, since reading each match's vector is the cost.)
func tfWeight(tf int) byte {
	switch {
	case tf >= 8:
		return 'A'
	case tf >= 4:
		return 'B'
	case tf >= 2:
		return 'C'
	}
	return 'D'
}

// wordVector is the word analyzer's tsvector of a token stream: every
// lexeme at position 1, weighted by its count (tfWeight), or all at
// weight A (a title's: a word of the title is what the article is about).
// A text whose vector would pass maxWordVectorBytes keeps its lexemes
// without positions (ranking then weighs each as once), under
// PostgreSQL's 1 MB.
func wordVector(ts analysis.TokenStream, title bool) string {
	// A word's count is its tokens at distinct positions (search mode
	// gives a word and its parts the same position).
	var order []string
	count := map[string]int{}
	last := map[string]int{}
	n := 0
	for _, t := range ts {
		lex := string(t.Term)
		if lex == "" || len(lex) > maxLexemeBytes {
			continue
		}
		c, seen := count[lex]
		if !seen {
			order = append(order, lex)
			n += 4 + len(lex) + 4
		} else if last[lex] == t.Position {
			continue
		}
		count[lex], last[lex] = c+1, t.Position
	}
	return tsvectorText(order, func(b *strings.Builder, lex string) {
		if n > maxWordVectorBytes {
			return
		}
		w := byte('A')
		if !title {
			w = tfWeight(count[lex])
		}
		b.WriteString(":1")
		b.WriteByte(w)
	})
}

// bigramVector is the tsvector of rs's bigrams at their positions (1 + the
// rune's index), plus the last rune alone, so that every rune starts a
// lexeme and a one-character query is a prefix query; and whether a <->
// chain sees every occurrence of its lexemes.
func bigramVector(rs []rune) (string, bool) {
	v := newVector()
	for k := range rs {
		if k+1 < len(rs) {
			v.add(string(rs[k:k+2]), k+1)
		} else {
			v.add(string(rs[k]), k+1)
		}
	}
	return v.text(true), v.complete() && len(rs) <= maxPos
}

// wholeTextSeq is the passage number of a long article's bigram set.
const wholeTextSeq = -1

// bigramSet is the tsvector of rs's distinct bigrams and last rune, without
// positions, or "" when it would pass maxWordVectorBytes.
func bigramSet(rs []rune) string {
	v := newVector()
	for k := range rs {
		if k+1 < len(rs) {
			v.add(string(rs[k:k+2]), 1)
		} else {
			v.add(string(rs[k]), 1)
		}
	}
	if v.size() > maxWordVectorBytes {
		return ""
	}
	return v.text(false)
}

// words is the word analyzer's tokens of text, from the precise-mode words
// the extractor cut when they are given (the same tokens without running
// jieba again), else by segmenting it.
func (db *DB) words(text string, cut []string, dictionaryID string) analysis.TokenStream {
	if text == "" {
		return nil
	}
	if cut != nil {
		if ts, err := db.word.TokenizeWords(text, cut, dictionaryID); err == nil {
			return ts
		}
	}
	return db.word.Tokenize([]byte(text))
}

// An article's doc column is fangtan.EncodeMeta's: the Document without
// its text (body), paragraphs and quotes (the quotes table).
func encodeArticle(d *fangtan.Document) ([]byte, error) { return fangtan.EncodeMeta(d) }

func decodeArticle(meta []byte, text string) (*fangtan.Document, error) {
	return fangtan.DecodeMeta(meta, text)
}

// Rows of one article, ready to insert.
type articleRow struct {
	id, part     string
	date         *string
	file         string
	doc          string
	title, body  string
	titleNorm    string
	norm         string
	titleWords   string
	words        string
	titleBigrams string
	facets, keys []string
	posts        []string
	print        string
	titlePrint   string
	passages     []passageRow
	quotes       []quoteRow
}

type passageRow struct {
	seq      int
	bigrams  string
	complete bool
}

type quoteRow struct {
	n                     int
	text                  string
	speaker, speakerTitle string
	kind                  string
	paragraph             int
	hit                   string
	norm                  string
	words, bigrams        string
	complete              bool
	facets, keys          []string
	weight                float64 // fangtan.QuoteWeight
}

// isPlace tells the facets whose filters match a place's short and full
// names alike (太原 and 太原市): those that complete as places.
func isPlace(f fangtan.Facet) bool { return f.Suggest == "place" }

// facetValues adds the folded, distinct values of f to facets (as shown)
// and keys (as filtered).
func facetValues(f fangtan.Facet, values []string, facets, keys *[]string) {
	var seen []string
	for _, v := range values {
		v = foldValue(cleanValue.Replace(v))
		if v == "" || slices.Contains(seen, v) {
			continue
		}
		seen = append(seen, v)
		*facets = append(*facets, f.Name+facetSep+v)
		k := v
		if isPlace(f) {
			k = fangtan.ShortPlace(v)
		}
		if !slices.Contains(*keys, f.Name+facetSep+k) {
			*keys = append(*keys, f.Name+facetSep+k)
		}
	}
}

// storable refuses what PostgreSQL's text cannot hold: NUL bytes and
// invalid UTF-8 (a document skipped, saying why, rather than a failed
// build).
func storable(d *fangtan.Document) error {
	texts := []string{d.ID, d.File, d.Title, d.Text}
	for _, q := range d.Quotes {
		texts = append(texts, q.Text)
	}
	for _, s := range texts {
		if strings.IndexByte(s, 0) >= 0 {
			return fmt.Errorf("holds a NUL byte, which PostgreSQL cannot store")
		}
		if !utf8.ValidString(s) {
			return fmt.Errorf("is not valid UTF-8, which PostgreSQL cannot store")
		}
	}
	return nil
}

// cleanValue keeps the array separators and NUL out of a metadata value.
var cleanValue = strings.NewReplacer("\x00", "", sep, " ", facetSep, " ")

// rows analyzes d into its rows.
func (db *DB) rows(d *fangtan.Document) (*articleRow, error) {
	if err := storable(d); err != nil {
		return nil, err
	}
	doc, err := encodeArticle(d)
	if err != nil {
		return nil, err
	}
	if strings.Contains(string(doc), `\u0000`) {
		return nil, fmt.Errorf("metadata holds a NUL character, which PostgreSQL cannot store")
	}
	r := &articleRow{id: d.ID, part: undatedPart, file: d.File, doc: string(doc), title: d.Title, body: d.Text,
		print: fangtan.Print(d.Text)}
	if r.print != "" {
		r.titlePrint = fangtan.TitlePrint(d.Title)
	}
	if len(d.Date) == 10 && isValidDate(d.Date) {
		date := d.Date
		r.date, r.part = &date, date
	}
	var dictionaryID string
	var titleCut, textCut []string
	if d.Words != nil {
		dictionaryID = d.Words.DictionaryID
		titleCut, textCut = d.Words.Title.For(d.Title), d.Words.Text.For(d.Text)
	}
	r.titleWords = wordVector(db.words(d.Title, titleCut, dictionaryID), true)
	r.words = wordVector(db.words(d.Text, textCut, dictionaryID), false)
	trs := normRunes(d.Title)
	r.titleNorm = string(trs)
	r.titleBigrams, _ = bigramVector(trs)
	rs := normRunes(d.Text)
	r.norm = string(rs)
	for seq, start := 0, 0; start < len(rs) || seq == 0; seq, start = seq+1, start+passageStep {
		end := min(start+passageRunes, len(rs))
		bv, complete := bigramVector(rs[start:end])
		r.passages = append(r.passages, passageRow{seq: seq, bigrams: bv, complete: complete})
		if end == len(rs) {
			break
		}
	}
	// A bare word matches, as in a bleve index, a text holding all its
	// bigrams anywhere (index.bigramsQuery): a long article also gets a
	// row of every bigram of its text without positions, seq -1, never
	// complete, so a phrase still goes through strpos. Past the 1 MB limit
	// it is left out, and such a text matches a bare word's bigrams only
	// within one passage.
	if len(r.passages) > 1 {
		if all := bigramSet(rs); all != "" {
			r.passages = append(r.passages, passageRow{seq: wholeTextSeq, bigrams: all})
		}
	}
	for _, f := range fangtan.Facets {
		if f.Scope == fangtan.ArticleFacet {
			facetValues(f, f.Values(d, nil), &r.facets, &r.keys)
		}
	}
	if r.date != nil {
		r.facets = append(r.facets, monthFacet+facetSep+d.Date[:7])
	}
	for _, a := range d.Authors {
		if a = foldValue(a); a != "" && !slices.Contains(r.keys, "author"+facetSep+a) {
			r.keys = append(r.keys, "author"+facetSep+a)
		}
	}
	r.posts = query.PostValues(d)
	for n, q := range d.Quotes {
		hit := d.QuoteHit(n)
		js, err := json.Marshal(&hit)
		if err != nil {
			return nil, err
		}
		qrs := normRunes(q.Text)
		bv, complete := bigramVector(qrs)
		qr := quoteRow{n: n, text: q.Text, speaker: foldValue(q.Speaker), speakerTitle: q.SpeakerTitle, kind: string(hit.Kind),
			paragraph: q.Paragraph, hit: string(js), norm: string(qrs),
			words: wordVector(db.words(q.Text, nil, ""), false), bigrams: bv, complete: complete,
			weight: fangtan.QuoteWeight(fangtan.QuoteLength(q.Text))}
		for _, f := range fangtan.Facets {
			switch f.Scope {
			case fangtan.ArticleFacet:
				facetValues(f, f.Values(d, nil), &qr.facets, &qr.keys)
			case fangtan.QuoteFacet:
				facetValues(f, f.Values(d, &q), &qr.facets, &qr.keys)
			}
		}
		r.quotes = append(r.quotes, qr)
	}
	return r, nil
}

func isValidDate(s string) bool {
	_, err := time.Parse("2006-01-02", s)
	return err == nil
}
