package fangtan

import (
	"crypto/sha256"
	"encoding/hex"
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
// reprints. Deleting the article makes its first reprint the article.

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

// Reprint is the record of an id folded into the article it reprints.
type Reprint struct {
	ID    string `json:"id"`
	Of    string `json:"of"` // the article it reprints
	File  string `json:"file"`
	Title string `json:"title"`
	Date  string `json:"date,omitempty"`
	URL   string `json:"url,omitempty"`
}

// ReprintOf returns d's record as a reprint of the article of.
func ReprintOf(d *Document, of string) Reprint {
	return Reprint{ID: d.ID, Of: of, File: d.File, Title: d.Title, Date: d.Date, URL: d.URL}
}

// ReprintsByArticle groups reprints by the article they reprint, keeping
// their order.
func ReprintsByArticle(rs []Reprint) map[string][]Reprint {
	out := make(map[string][]Reprint)
	for _, r := range rs {
		out[r.Of] = append(out[r.Of], r)
	}
	return out
}

// AsArticle returns the article d printed under r's id, file, title, date
// and url: what r becomes when the article it reprints is deleted.
func (r Reprint) AsArticle(d Document) Document {
	d.ID, d.File, d.Title, d.Date, d.URL = r.ID, r.File, r.Title, r.Date, r.URL
	d.Part, d.Siblings = 0, nil
	d.Words = nil
	return d
}

// Print is the fingerprint of a text by which its reprints are found: a
// hash of its letters and digits, so that spacing and punctuation do not
// tell two copies apart. A text of fewer than minPrintRunes letters and
// digits has none ("").
func Print(text string) string {
	buf := make([]byte, 0, len(text))
	n := 0
	for _, r := range text {
		var keep bool
		switch {
		case r < utf8.RuneSelf:
			keep = 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
		case han.Is(r):
			keep = true
		default:
			keep = unicode.IsLetter(r) || unicode.IsDigit(r)
		}
		if keep {
			n++
			buf = utf8.AppendRune(buf, r)
		}
	}
	if n < minPrintRunes {
		return ""
	}
	sum := sha256.Sum256(buf)
	return hex.EncodeToString(sum[:16])
}

// Printed is an indexed article with a print: its id and date.
type Printed struct {
	ID, Date string
}

// Reprints finds the reprints among the documents a build or an add
// admits, in the order admitted.
type Reprints struct {
	seen map[string][]Printed
	// Indexed, when set, returns the indexed articles with a print (an
	// add's index); a build has none.
	Indexed func(print string) ([]Printed, error)
}

// Check returns the id of the article d reprints, or "" when d is an
// article of its own, which later documents may then reprint.
func (r *Reprints) Check(d *Document) (of string, err error) {
	p := Print(d.Text)
	if p == "" {
		return "", nil
	}
	cands := r.seen[p]
	if r.Indexed != nil {
		indexed, err := r.Indexed(p)
		if err != nil {
			return "", err
		}
		cands = append(indexed, cands...)
	}
	for _, c := range cands {
		if c.ID != d.ID && withinReprintWindow(c.Date, d.Date) {
			return c.ID, nil
		}
	}
	if r.seen == nil {
		r.seen = make(map[string][]Printed)
	}
	r.seen[p] = append(r.seen[p], Printed{ID: d.ID, Date: d.Date})
	return "", nil
}

// withinReprintWindow reports whether two dates (YYYY-MM-DD) are at most
// ReprintWindow apart; an undated copy is within any window.
func withinReprintWindow(a, b string) bool {
	ta, errA := time.Parse(time.DateOnly, a)
	tb, errB := time.Parse(time.DateOnly, b)
	if errA != nil || errB != nil {
		return true
	}
	d := ta.Sub(tb)
	return -ReprintWindow <= d && d <= ReprintWindow
}
