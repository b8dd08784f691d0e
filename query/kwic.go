package query

import (
	"strings"

	"fangtan"
)

// Keyword in context's limits, the same on every backend: the matching
// articles read (newest first), the lines returned, and the characters
// of context either side.
const (
	KWICMaxDocs  = 2000
	KWICMaxLines = 20000
	KWICMaxWidth = 100
)

// ParseKWIC checks a keyword-in-context request's width and parses its
// query text, readied by ForKWIC: the query to run and the highlighter
// that lists the lines.
func ParseKWIC(text string, width int) (*Query, *Highlighter, error) {
	if width <= 0 || width > KWICMaxWidth {
		return nil, nil, Bad("width %d: use 1 to %d characters", width, KWICMaxWidth)
	}
	q, err := Parse(text, fangtan.ArticleFacet)
	if err != nil {
		return nil, nil, err
	}
	h, err := ForKWIC(q)
	if err != nil {
		return nil, nil, err
	}
	return q, h, nil
}

// ForKWIC readies q for keyword in context: every word and phrase must have
// at least two letters or digits (one character would list every 的), words
// become phrases (so the number of lines is the number of occurrences),
// and it returns the highlighter that finds them. A query of filters alone
// is refused.
func ForKWIC(q *Query) (*Highlighter, error) {
	h := &Highlighter{}
	for gi, g := range q.Groups {
		for ci, c := range g {
			if c.Kind != Word && c.Kind != Phrase {
				continue
			}
			if n := len(matchRunes(c.Text)); n < 2 {
				return nil, Bad("%q at character %d: keyword in context needs words or phrases of at least two characters", c.Text, c.Pos)
			}
			// Words match as exact substrings here, like phrases.
			q.Groups[gi][ci].Kind = Phrase
			h.addPhrase(c.Text)
		}
	}
	if h.Empty() {
		return nil, Bad("keyword in context needs a word or \"phrase\" to look for, not only filters")
	}
	return h, nil
}

// KWICLines appends to lines every occurrence h finds in d's paragraphs
// (its text's lines when it has none), with up to width characters either
// side, until lines holds limit; full reports that it stopped there.
func KWICLines(lines []fangtan.KWICLine, h *Highlighter, d *fangtan.Document, width, limit int) (_ []fangtan.KWICLine, full bool) {
	paras := d.Paragraphs
	if len(paras) == 0 && d.Text != "" {
		paras = strings.Split(d.Text, "\n")
	}
	for pi, p := range paras {
		for _, sp := range h.spans(p) {
			if len(lines) == limit {
				return lines, true
			}
			lines = append(lines, fangtan.KWICLine{
				DocID: d.ID, Title: d.Title, Date: d.Date, Source: d.Source, Paragraph: pi + 1,
				Left:  strings.TrimLeft(p[retreat(p, sp.start, width):sp.start], " \t\u3000"),
				Match: p[sp.start:sp.end],
				Right: strings.TrimRight(p[sp.end:advance(p, sp.end, width)], " \t\u3000"),
			})
		}
	}
	return lines, false
}
