package fangtan

import (
	"bytes"
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"hash/maphash"
	"math"
	"math/bits"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"fangtan/internal/han"
)

// A reprint is an article a source published again under another id: the
// same text, within ReprintWindow of the article it repeats. A third of
// hkcnews-10k's items are reprints of another (3,309 of 10,000, up to 12
// copies of one story, some under an edited title). Counted as articles
// they inflated every count a researcher reads (彭定康's interview five
// times over) and filled pages with the same hit.
//
// Every backend therefore folds a reprint into the article it repeats, the
// first copy admitted: the reprint is not an article of its own, so it is
// counted once under its officials, places and themes and its quotes are
// listed once; its id still opens the article, and the article lists its
// reprints. Deleting the article makes its first exact copy the article
// (Promote).
//
// A version is a reprint cut shorter: under the same title, within the
// same window, every sentence of its text is a sentence of the article's
// (the same story posted again without its last paragraphs, or one of
// them). Search loses almost nothing by folding it, as the article holds
// every sentence of it: only a phrase running across a place where the
// version skips sentences of the article; the record keeps its own
// text, which it takes back if the article is deleted. A later version
// that grew (the article's sentences and more) takes the article's place:
// the earlier one, already indexed, becomes its version (a Demotion), with
// the reprints it had.
//
// A version may also write a few of its sentences in other words (an
// edited version, Reprint.Edited): posted again with 周二 for 明日, a
// figure corrected, a sentence repunctuated. Each such sentence has one in
// the article whose shape (a SimHash of its pairs of runes) is within a
// few bits of its own, and at least half of its sentences are the
// article's exactly. Search then loses phrases that run over the words
// changed, which only the version holds; a third of a reworded sentence
// changed is no longer the same sentence, and a sentence the article has
// nothing like keeps the document an article, and so does a sentence
// whose numbers changed (the same report on another day). Of
// hkcnews-10k's 4,490 reprints, about 640 are edited versions (5,510
// articles where there were 5,967); xwlb has none.

// ReprintWindow is how far apart two copies of a text may be dated and
// still be one article printed twice. The same announcement read on the
// same day a year later (xwlb's 烈士纪念日 notices of 2022 and 2023) is
// two events; one republished three days or four months on is one story
// (hkcnews holds both, and one at six months, an obituary reprinting an
// interview, which stays its own article).
const ReprintWindow = 31 * 24 * time.Hour

// minPrintRunes is the shortest text whose copies are reprints: shorter
// texts are stock lines (xwlb's items with only "undefined" as text, or
// none), which many different items share.
const minPrintRunes = 100

// minTitleRunes is the shortest title by which versions are found.
const minTitleRunes = 2

// Reprint is the record of an id folded into the article it reprints.
type Reprint struct {
	ID    string `json:"id"`
	Of    string `json:"of"` // the article it reprints
	File  string `json:"file"`
	Title string `json:"title"`
	Date  string `json:"date,omitempty"`
	URL   string `json:"url,omitempty"`
	// Version marks a version: a shorter cut of its article.
	Version bool `json:"version,omitempty"`
	// Edited marks a version that writes some of its sentences in other
	// words than the article: the same story posted again with a word
	// changed (周二 for 明日), a sentence reworded or punctuated anew.
	Edited bool `json:"edited,omitempty"`
	// Text is a version's own text, kept in the index and left out where
	// an article lists its reprints (Listed).
	Text string `json:"text,omitempty"`
}

// Listed is r as an article lists it: without a version's text.
func (r Reprint) Listed() Reprint {
	r.Text = ""
	return r
}

// ReprintOf returns d's record as a reprint of the article of.
func ReprintOf(d *Document, of string) Reprint {
	return Reprint{ID: d.ID, Of: of, File: d.File, Title: d.Title, Date: d.Date, URL: d.URL}
}

// ReprintsByArticle groups reprints by the article they reprint, keeping
// their order, as the article lists them (Listed).
func ReprintsByArticle(rs []Reprint) map[string][]Reprint {
	out := make(map[string][]Reprint)
	for _, r := range rs {
		out[r.Of] = append(out[r.Of], r.Listed())
	}
	return out
}

// AsArticle returns what r becomes when the article it reprints, d, is
// deleted: d printed under r's id, file, title, date and url. A version
// keeps its own text and d's metadata, and nothing extracted from d's
// text: prepare reports that it must be prepared again.
func (r Reprint) AsArticle(d Document) (article Document, prepare bool) {
	d.ID, d.File, d.Title, d.Date, d.URL = r.ID, r.File, r.Title, r.Date, r.URL
	d.Part, d.Siblings = 0, nil
	d.Words = nil
	if !r.Version {
		return d, false
	}
	return Document{ID: d.ID, File: d.File, Title: d.Title, Date: d.Date, Source: d.Source, URL: d.URL,
		Authors: d.Authors, Text: r.Text}, true
}

// Promotion is what deleting an article leaves of its reprints.
type Promotion struct {
	// Articles take the article's place: its first exact copy, or when it
	// has none, each version that no earlier one holds.
	Articles []Document
	// Prepare says which of Articles must be prepared again: versions,
	// which have their own texts.
	Prepare []bool
	// Reprints are the others, each now of one of Articles.
	Reprints []Reprint
}

// Promote returns what deleting the article d leaves of rs, its reprints
// in order. An exact copy takes its place before a version, which holds
// only some of its sentences; then the exact copies reprint it, and the
// versions are versions of it as they were of d.
func Promote(d Document, rs []Reprint) Promotion {
	var p Promotion
	if i := slices.IndexFunc(rs, func(r Reprint) bool { return !r.Version }); i >= 0 {
		a, _ := rs[i].AsArticle(d)
		p.Articles, p.Prepare = []Document{a}, []bool{false}
		for j, r := range rs {
			if j != i {
				r.Of = a.ID
				p.Reprints = append(p.Reprints, r)
			}
		}
		return p
	}
	// Versions alone: each that no version promoted before it holds is an
	// article again.
	var promoted [][]sentencePrint // the sentences of each of p.Articles
	for _, r := range rs {
		sentences := sentencePrints(r.Text)
		if i := slices.IndexFunc(promoted, func(t []sentencePrint) bool { ok, _ := covers(t, sentences); return ok }); i >= 0 {
			r.Of = p.Articles[i].ID
			p.Reprints = append(p.Reprints, r)
			continue
		}
		a, _ := r.AsArticle(d)
		p.Articles, p.Prepare = append(p.Articles, a), append(p.Prepare, true)
		promoted = append(promoted, sentences)
	}
	return p
}

// Print is the fingerprint of a text by which its reprints are found: a
// hash of its letters and digits, so that spacing and punctuation do not
// tell two copies apart. A text of fewer than minPrintRunes letters and
// digits has none ("").
func Print(text string) string {
	return letterPrint(text, minPrintRunes)
}

// TitlePrint is the fingerprint of a title by which versions are found,
// made as Print's; a title of fewer than minTitleRunes letters has none.
func TitlePrint(title string) string {
	return letterPrint(title, minTitleRunes)
}

func letterPrint(text string, min int) string {
	letters, runes, _ := textPrints(text, true)
	return printOf(letters, runes, min)
}

// printOf is the print of a text's letters, of as many runes, or "" when
// they are fewer than min.
func printOf(letters []byte, runes, min int) string {
	if runes < min {
		return ""
	}
	sum := sha256.Sum256(letters)
	return hex.EncodeToString(sum[:16])
}

// isPrinted reports whether r counts in a print: letters and digits.
func isPrinted(r rune) bool {
	switch {
	case r < utf8.RuneSelf:
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	case han.Is(r):
		return true
	default:
		return unicode.IsLetter(r) || unicode.IsDigit(r)
	}
}

// HasText reports whether s holds a letter or a digit. hkcnews's records
// keep lines with neither among their paragraphs ({{}} where a video or a
// picture stood, | --- | under a table's head): pages leave them out.
func HasText(s string) bool {
	for _, r := range s {
		if isPrinted(r) {
			return true
		}
	}
	return false
}

// WithoutEmphasis is s without the emphasis marks (**) that records
// scraped from Markdown keep in their paragraphs and, inside, in quotes:
// what a reader is shown on a page or a terminal. The index, the API and
// the exports keep the text as it was read.
func WithoutEmphasis(s string) string { return strings.ReplaceAll(s, "**", "") }

// SameWords reports whether two texts have the same letters and digits in
// the same order: one quotation, punctuated or spaced differently.
func SameWords(a, b string) bool {
	la, _, _ := textPrints(a, true)
	lb, _, _ := textPrints(b, true)
	return string(la) == string(lb)
}

// HoldsWords reports whether outer's letters and digits hold inner's, in
// order and contiguous, and more besides: inner is part of outer,
// punctuated or spaced differently.
func HoldsWords(outer, inner string) bool {
	lo, _, _ := textPrints(outer, true)
	li, _, _ := textPrints(inner, true)
	return len(li) > 0 && len(li) < len(lo) && bytes.Contains(lo, li)
}

// endsSentence reports whether r ends a sentence for versions: the marks
// that end one, and a line break.
func endsSentence(r rune) bool {
	switch r {
	case '。', '！', '？', '!', '?', '；', ';', '\n':
		return true
	}
	return false
}

// sentenceSeed seeds the sentences' hashes, which are only ever compared
// within one process.
var sentenceSeed = maphash.MakeSeed()

// sentencePrint is a sentence's letters hashed twice: exactly, and by
// their shape, a SimHash of their pairs of runes, which a sentence keeps
// nearly whole when a word or two of it change.
type sentencePrint struct {
	exact, shape uint64
	// numbers hashes the sentence's digits in order: a sentence in other
	// words keeps its numbers, so that the same report on another day, or
	// of another item (本文编号7, 本文编号8), is not one in other words.
	numbers uint64
}

// minShapeRunes is the fewest letters a sentence has for its shape to be
// compared: a shorter one (謝謝, a name, a date line) is matched exactly
// or not at all.
const minShapeRunes = 8

// maxShapeDistance is the most bits two sentences' shapes may differ by
// for one to be the other in other words. A word changed in a sentence of
// fifty runes changes about eight bits; two sentences of one story that
// say different things differ by about twenty-five.
const maxShapeDistance = 12

// sentencePrints returns the prints of text's sentences, sorted by their
// exact hash and without repeats.
func sentencePrints(text string) []sentencePrint {
	_, _, out := textPrints(text, false)
	return out
}

// textPrints returns text's letters and digits, how many runes they are,
// and unless onlyLetters the prints of its sentences' letters (split at
// endsSentence), sorted and without repeats: one pass for both, as every
// admitted text needs them.
func textPrints(text string, onlyLetters bool) (letters []byte, runes int, sentences []sentencePrint) {
	letters = make([]byte, 0, len(text))
	start, startRunes := 0, 0
	add := func() {
		sentences = append(sentences, sentencePrint{
			exact:   maphash.Bytes(sentenceSeed, letters[start:]),
			shape:   shapeOf(letters[start:], runes-startRunes),
			numbers: numbersOf(letters[start:]),
		})
		start, startRunes = len(letters), runes
	}
	for _, r := range text {
		switch {
		case isPrinted(r):
			runes++
			letters = utf8.AppendRune(letters, r)
		case !onlyLetters && endsSentence(r) && len(letters) > start:
			add()
		}
	}
	if !onlyLetters && len(letters) > start {
		add()
	}
	slices.SortFunc(sentences, func(a, b sentencePrint) int { return cmp.Compare(a.exact, b.exact) })
	return letters, runes, slices.CompactFunc(sentences, func(a, b sentencePrint) bool { return a.exact == b.exact })
}

// shapeOf is the SimHash of a sentence's pairs of adjacent runes (each
// bit set where more than half of the pairs' hashes set it), or 0 for a
// sentence of fewer than minShapeRunes runes. Every admitted text's
// sentences are shaped, so the bits are counted eight at a time, one
// byte of each count per bit (byteLanes), flushed before a byte can
// overflow.
func shapeOf(letters []byte, runes int) uint64 {
	if runes < minShapeRunes {
		return 0
	}
	var counts [64]int32
	var lanes [8]uint64 // lanes[k] byte j counts bit 8k+j
	flush := func() {
		for k, l := range lanes {
			for j := range 8 {
				counts[8*k+j] += int32(l >> (8 * j) & 0xff)
			}
		}
		lanes = [8]uint64{}
	}
	pairs, pending := 0, 0
	prev, size := utf8.DecodeRune(letters)
	for i := size; i < len(letters); i += size {
		var r rune
		r, size = utf8.DecodeRune(letters[i:])
		h := mix64(uint64(prev)<<32 | uint64(r))
		for k := range lanes {
			lanes[k] += byteLanes[h>>(8*k)&0xff]
		}
		prev = r
		pairs++
		if pending++; pending == 255 {
			flush()
			pending = 0
		}
	}
	flush()
	var shape uint64
	for b, c := range counts {
		if 2*int(c) > pairs {
			shape |= 1 << b
		}
	}
	return shape | 1 // never 0, which says "no shape"
}

// byteLanes spreads the eight bits of a byte over the eight bytes of a
// word: bit j of b becomes byte j, 0 or 1.
var byteLanes = func() (t [256]uint64) {
	for b := range t {
		for j := range 8 {
			if b>>j&1 == 1 {
				t[b] |= 1 << (8 * j)
			}
		}
	}
	return t
}()

// numbersOf hashes the digits of a sentence's letters in order, full-width
// ones as their ASCII forms; 0 for none.
func numbersOf(letters []byte) uint64 {
	var h uint64
	for _, r := range string(letters) {
		if r >= '０' && r <= '９' {
			r -= '０' - '0'
		}
		if unicode.IsDigit(r) {
			h = mix64(h ^ uint64(r))
		}
	}
	return h
}

// mix64 is splitmix64's finalizer: every bit of x moves every bit out.
func mix64(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	return x ^ x>>31
}

// covers reports whether every sentence of sub is one of set's (both
// sorted), and whether some are only in other words (edited): a sentence
// of sub missing from set has one in set whose shape is within
// maxShapeDistance of its own, and at least half of sub's sentences are
// set's exactly, so that a chance likeness of shapes joins no two
// stories.
func covers(set, sub []sentencePrint) (ok, edited bool) {
	exact, i := 0, 0
	for _, x := range sub {
		for i < len(set) && set[i].exact < x.exact {
			i++
		}
		if i < len(set) && set[i].exact == x.exact {
			exact++
			continue
		}
		if !nearShape(set, x) {
			return false, false
		}
		edited = true
	}
	if edited && 2*exact < len(sub) {
		return false, false
	}
	return true, edited
}

// nearShape reports whether some sentence of set is x in other words: its
// shape within maxShapeDistance of x's, with the same numbers (a
// sentence with no shape matches nothing).
func nearShape(set []sentencePrint, x sentencePrint) bool {
	if x.shape == 0 {
		return false
	}
	for _, s := range set {
		if s.shape != 0 && s.numbers == x.numbers && bits.OnesCount64(s.shape^x.shape) <= maxShapeDistance {
			return true
		}
	}
	return false
}

// Printed is an indexed article that a document may reprint.
type Printed struct {
	ID, Date string
	// Print is the print of its text.
	Print string
	// Text is its text: given for an article found by its title, which
	// a version's sentences are checked against.
	Text string
}

// Demotion is an article that a later document grew, which becomes a
// version of that document's article, together with its own reprints.
type Demotion struct {
	ID, Of string
	// Indexed is set for an article that was in the index before the add
	// that grew it; otherwise the same build or add admitted it.
	Indexed bool
	// Edited is set where some of the article's sentences are Of's in
	// other words (Reprint.Edited).
	Edited bool
}

// Reprints finds the reprints among the documents a build or an add
// admits, in the order admitted.
type Reprints struct {
	seen map[string][]Printed
	// titled holds the articles admitted with a title print, by it, with
	// the prints of their sentences.
	titled map[string][]titledArticle
	// grownInto maps each demoted article to the one that grew it.
	grownInto map[string]string
	demotions []Demotion
	// Indexed, when set, returns the indexed articles with the print
	// of a text or of a title (an add's index); a build has none.
	Indexed func(print, titlePrint string) ([]Printed, error)
}

type titledArticle struct {
	ID        string
	day       int // dayOf its date
	sentences []sentencePrint
	indexed   bool // an article of the index, not of this build or add
}

// Check returns the record of d as a reprint of the article it repeats,
// or nil when d is an article of its own, which later documents may then
// reprint. An exact copy is preferred to a version. An article that d
// grows becomes d's version (Demotions).
func (r *Reprints) Check(d *Document) (*Reprint, error) {
	letters, runes, sentences := textPrints(d.Text, false)
	p := printOf(letters, runes, minPrintRunes)
	if p == "" {
		return nil, nil
	}
	tp := TitlePrint(d.Title)
	var indexed []Printed
	if r.Indexed != nil {
		var err error
		if indexed, err = r.Indexed(p, tp); err != nil {
			return nil, err
		}
	}
	day := dayOf(d.Date)
	near := func(id string, date int) bool {
		return id != d.ID && withinReprintWindow(date, day)
	}
	for _, c := range append(indexed, r.seen[p]...) {
		if c.Print == p && near(c.ID, dayOf(c.Date)) {
			if _, grown := r.grownInto[c.ID]; grown {
				// A copy of an article a later text grew: a version of that.
				return r.version(d, r.grown(c.ID)), nil
			}
			rp := ReprintOf(d, c.ID)
			return &rp, nil
		}
	}
	if tp != "" {
		// Indexed articles with the title, and their sentences, that this
		// add has not demoted.
		var titled []titledArticle
		for _, c := range indexed {
			if _, grown := r.grownInto[c.ID]; !grown && c.Print != p && c.Text != "" {
				titled = append(titled, titledArticle{ID: c.ID, day: dayOf(c.Date), sentences: sentencePrints(c.Text), indexed: true})
			}
		}
		titled = append(titled, r.titled[tp]...)
		for _, c := range titled {
			if !near(c.ID, c.day) {
				continue
			}
			if ok, edited := covers(c.sentences, sentences); ok {
				v := r.version(d, c.ID)
				v.Edited = edited
				return v, nil
			}
		}
		for _, c := range titled {
			if !near(c.ID, c.day) || r.grown(d.ID) == c.ID {
				continue
			}
			if ok, edited := covers(sentences, c.sentences); ok {
				r.demote(c, d.ID, tp, edited)
			}
		}
	}
	if r.seen == nil {
		r.seen = make(map[string][]Printed)
		r.titled = make(map[string][]titledArticle)
	}
	r.seen[p] = append(r.seen[p], Printed{ID: d.ID, Date: d.Date, Print: p})
	if tp != "" {
		r.titled[tp] = append(r.titled[tp], titledArticle{ID: d.ID, day: day, sentences: sentences})
	}
	return nil, nil
}

// demote makes the article c a version of the article of, edited when
// some of its sentences are of's in other words.
func (r *Reprints) demote(c titledArticle, of, tp string, edited bool) {
	if r.grownInto == nil {
		r.grownInto = make(map[string]string)
	}
	r.grownInto[c.ID] = of
	if r.titled == nil {
		r.titled = make(map[string][]titledArticle)
	}
	r.demotions = append(r.demotions, Demotion{ID: c.ID, Of: of, Indexed: c.indexed, Edited: edited})
	r.titled[tp] = slices.DeleteFunc(r.titled[tp], func(t titledArticle) bool { return t.ID == c.ID })
}

// grown returns the article that id was demoted into, through every later
// demotion.
func (r *Reprints) grown(id string) string {
	for {
		next, ok := r.grownInto[id]
		if !ok {
			return id
		}
		id = next
	}
}

// Demotions returns the articles that later documents grew, in order, each
// with the article it is now a version of.
func (r *Reprints) Demotions() []Demotion {
	out := slices.Clone(r.demotions)
	for i := range out {
		out[i].Of = r.grown(out[i].Of)
	}
	return out
}

// Demote is the record of the article a as a version of the article of,
// and rs, its reprints, as reprints of of: copies of a's text are versions
// of of's.
func Demote(a Document, dm Demotion, rs []Reprint) []Reprint {
	out := make([]Reprint, 0, 1+len(rs))
	rec := ReprintOf(&a, dm.Of)
	rec.Version, rec.Text, rec.Edited = true, a.Text, dm.Edited
	out = append(out, rec)
	for _, r := range rs {
		r.Of = dm.Of
		if !r.Version {
			r.Version, r.Text = true, a.Text
		}
		// What a's words were, its versions' may be too.
		r.Edited = r.Edited || dm.Edited
		out = append(out, r)
	}
	return out
}

func (r *Reprints) version(d *Document, of string) *Reprint {
	rp := ReprintOf(d, of)
	rp.Version, rp.Text = true, d.Text
	return &rp
}

// undated is dayOf a date that is none.
const undated = math.MinInt

// dayOf returns the day of a date (YYYY-MM-DD) counted from 1970, or
// undated. Parsed once per document: a title a news programme repeats
// daily (xwlb's 国内联播快讯) is compared with every earlier one.
func dayOf(date string) int {
	t, err := time.Parse(time.DateOnly, date)
	if err != nil {
		return undated
	}
	return int(t.Unix() / 86400)
}

// withinReprintWindow reports whether two days are at most ReprintWindow
// apart; an undated copy is within any window.
func withinReprintWindow(a, b int) bool {
	if a == undated || b == undated {
		return true
	}
	return max(a-b, b-a) <= int(ReprintWindow/(24*time.Hour))
}
