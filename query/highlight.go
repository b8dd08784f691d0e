package query

import (
	"html"
	"math/bits"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"fangtan"
	"fangtan/analyzer"
)

// FragmentRunes is the length of a hit's snippet, in characters.
const FragmentRunes = 100

// maxTerms caps the terms a Highlighter looks for: a span records the terms
// it covers in a uint64.
const maxTerms = 64

// Highlighter marks what a query matched in a text. It works on the text
// rather than on a backend's term locations: it looks for the query's words
// and phrases in the folded, punctuation-free text, exactly as the exact
// field matches them, so a backend needs no offsets, and a phrase is marked
// as one span or not at all, never as stray pieces. A nil *Highlighter
// marks nothing.
type Highlighter struct {
	terms [][]rune // folded letters and digits, distinct
}

// NewHighlighter marks the words, phrases and proximities of q (not its
// exclusions). words gives the words the word analyzer makes of a query
// word, which the word field matches anywhere; nil marks the word alone.
func NewHighlighter(q *Query, words func(string) []string) *Highlighter {
	h := &Highlighter{}
	if q == nil {
		return h
	}
	for _, g := range q.Groups {
		for _, c := range g {
			switch c.Kind {
			case Word:
				var ws []string
				if words != nil {
					ws = words(c.Text)
				}
				h.addWord(c.Text, ws)
			case Phrase:
				h.addPhrase(c.Text)
			case Near:
				for _, t := range c.Terms {
					h.addPhrase(t)
				}
			}
		}
	}
	return h
}

// Empty reports whether h looks for nothing.
func (h *Highlighter) Empty() bool { return h == nil || len(h.terms) == 0 }

// keepRune mirrors the exact analyzer: only letters and digits take part in
// matching, so "事业,口碑" matches the phrase 事业口碑.
func keepRune(r rune) bool {
	switch {
	case r < 0x80:
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	case 0x4E00 <= r && r <= 0x9FFF: // CJK Unified Ideographs: most of the text
		return true
	}
	return unicode.IsLetter(r) || unicode.IsNumber(r)
}

// matchRunes are the runes of s that take part in matching, folded.
func matchRunes(s string) []rune {
	var rs []rune
	for _, r := range analyzer.Fold(s) {
		if keepRune(r) {
			rs = append(rs, r)
		}
	}
	return rs
}

func (h *Highlighter) add(rs []rune) {
	if len(rs) == 0 || len(h.terms) >= maxTerms {
		return
	}
	for _, t := range h.terms {
		if slices.Equal(t, rs) {
			return
		}
	}
	h.terms = append(h.terms, rs)
}

// addWord marks a query word and the words the word analyzer found in it
// (the word field matches those anywhere), except single characters of a
// longer word, which would mark every 的 and 市.
func (h *Highlighter) addWord(word string, tokens []string) {
	rs := matchRunes(word)
	h.add(rs)
	for _, t := range tokens {
		if trs := matchRunes(t); len(trs) >= 2 || len(rs) == 1 {
			h.add(trs)
		}
	}
}

// addPhrase marks a quoted phrase, only where it occurs whole.
func (h *Highlighter) addPhrase(p string) { h.add(matchRunes(p)) }

// Normalize is s as the exact field sees it: folded (Traditional to
// Simplified, full-width to half-width, lower case), letters and digits
// only. A quoted phrase matches a text when Normalize(text) contains
// Normalize(phrase).
func Normalize(s string) string { return string(matchRunes(s)) }

// span is a marked region of the original text, in bytes; terms is the set
// of query terms it covers.
type span struct {
	start, end int
	terms      uint64
}

// Spans returns the byte ranges of text the query matched, in order,
// overlapping and touching matches merged.
func (h *Highlighter) Spans(text string) []fangtan.Span {
	sp := h.spans(text)
	out := make([]fangtan.Span, len(sp))
	for i, s := range sp {
		out[i] = fangtan.Span{Start: s.start, End: s.end}
	}
	return out
}

// spans finds the query's terms in text and merges overlapping and touching
// matches, so every marked region becomes exactly one <mark>.
func (h *Highlighter) spans(text string) []span {
	if h == nil || len(h.terms) == 0 || text == "" {
		return nil
	}
	// The kept runes of the folded text, and where each starts in text;
	// one ends where the rune after it in text starts (Fold maps rune by
	// rune).
	keep := make([]rune, 0, len(text)/3+1)
	starts := make([]int, 0, len(text)/3+1)
	for i, r := range text {
		if fr := analyzer.FoldRune(r); keepRune(fr) {
			keep = append(keep, fr)
			starts = append(starts, i)
		}
	}
	end := func(k int) int {
		_, w := utf8.DecodeRuneInString(text[starts[k]:])
		return starts[k] + w
	}
	var out []span
	for ti, t := range h.terms {
		for k := 0; k+len(t) <= len(keep); k++ {
			if keep[k] != t[0] || !slices.Equal(keep[k:k+len(t)], t) {
				continue
			}
			out = append(out, span{starts[k], end(k + len(t) - 1), 1 << ti})
		}
	}
	if len(out) == 0 {
		return nil
	}
	slices.SortFunc(out, func(a, b span) int { return a.start - b.start })
	merged := out[:1]
	for _, s := range out[1:] {
		last := &merged[len(merged)-1]
		if s.start <= last.end {
			last.end = max(last.end, s.end)
			last.terms |= s.terms
			continue
		}
		merged = append(merged, s)
	}
	return merged
}

// render writes text[from:to] as HTML with spans marked.
func render(b *strings.Builder, text string, spans []span, from, to int) {
	pos := from
	for _, s := range spans {
		if s.end <= from || s.start >= to {
			continue
		}
		b.WriteString(html.EscapeString(text[pos:s.start]))
		b.WriteString("<mark>")
		b.WriteString(html.EscapeString(text[s.start:s.end]))
		b.WriteString("</mark>")
		pos = s.end
	}
	b.WriteString(html.EscapeString(text[pos:to]))
}

// HTMLAll returns the whole text as escaped HTML with the matches marked.
func (h *Highlighter) HTMLAll(text string) string {
	var b strings.Builder
	render(&b, text, h.spans(text), 0, len(text))
	return b.String()
}

// Snippets returns up to n passages of about width characters around the
// best matches, in text order, with their spans. With no match it returns
// the start of the text.
func (h *Highlighter) Snippets(text string, n, width int) []fangtan.Snippet {
	if strings.TrimSpace(text) == "" {
		return []fangtan.Snippet{}
	}
	spans := h.spans(text)
	type window struct {
		start, end int
		score      int
	}
	var cands []window
	if len(spans) == 0 {
		cands = append(cands, window{start: 0, end: advance(text, 0, width)})
	}
	for i, s := range spans {
		start := retreat(text, s.start, width/5)
		if nl := strings.LastIndexByte(text[start:s.start], '\n'); nl >= 0 {
			start += nl + 1
		}
		end := max(advance(text, start, width), s.end)
		// Never cut a mark: widen to whole spans at both edges.
		for _, o := range spans {
			if o.start < start && start < o.end {
				start = o.start
			}
			if o.start < end && end < o.end {
				end = o.end
			}
		}
		var terms uint64
		count := 0
		for _, o := range spans[i:] {
			if o.start >= end {
				break
			}
			if o.end <= end {
				terms |= o.terms
				count++
			}
		}
		cands = append(cands, window{start, end, 100*bits.OnesCount64(terms) + count})
	}
	order := slices.Clone(cands)
	slices.SortStableFunc(order, func(a, b window) int { return b.score - a.score })
	var chosen []window
	for _, w := range order {
		if len(chosen) == n {
			break
		}
		if slices.ContainsFunc(chosen, func(c window) bool { return w.start < c.end && c.start < w.end }) {
			continue
		}
		chosen = append(chosen, w)
	}
	slices.SortFunc(chosen, func(a, b window) int { return a.start - b.start })
	out := make([]fangtan.Snippet, 0, len(chosen))
	for _, w := range chosen {
		start, end := trimSpaceRange(text, w.start, w.end)
		sn := fangtan.Snippet{Text: strings.ReplaceAll(text[start:end], "\n", " "), Spans: []fangtan.Span{},
			Before: start > 0, After: end < len(text)}
		for _, s := range spans {
			if s.end <= start || s.start >= end {
				continue
			}
			sn.Spans = append(sn.Spans, fangtan.Span{Start: max(s.start, start) - start, End: min(s.end, end) - start})
		}
		out = append(out, sn)
	}
	return out
}

// Fragments returns up to n passages of about width characters around the
// best matches as HTML (Snippets rendered by HTML).
func (h *Highlighter) Fragments(text string, n, width int) []string {
	return HTMLs(h.Snippets(text, n, width))
}

// HTMLs renders each snippet with HTML.
func HTMLs(sns []fangtan.Snippet) []string {
	out := make([]string, len(sns))
	for i, sn := range sns {
		out[i] = HTML(sn)
	}
	return out
}

// HTML is a snippet as escaped HTML with <mark> around its spans and …
// where the text goes on.
func HTML(sn fangtan.Snippet) string {
	var b strings.Builder
	if sn.Before {
		b.WriteString("…")
	}
	spans := make([]span, len(sn.Spans))
	for i, s := range sn.Spans {
		spans[i] = span{start: s.Start, end: s.End}
	}
	render(&b, sn.Text, spans, 0, len(sn.Text))
	if sn.After {
		b.WriteString("…")
	}
	return b.String()
}

// Paragraph is the 1-based paragraph (lines of text) where the snippet's
// first span lies, 0 when it has none or is not a piece of text.
func Paragraph(text string, sn fangtan.Snippet) int {
	if len(sn.Spans) == 0 {
		return 0
	}
	m := sn.Text[sn.Spans[0].Start:sn.Spans[0].End]
	// The snippet's text is text[start:end] with newlines as spaces; find
	// where it starts by its position.
	plain := strings.ReplaceAll(text, "\n", " ")
	i := strings.Index(plain, sn.Text)
	if i < 0 || m == "" {
		return 0
	}
	return 1 + strings.Count(text[:i+sn.Spans[0].Start], "\n")
}

// advance returns the byte offset n characters after off.
func advance(text string, off, n int) int {
	for ; n > 0 && off < len(text); n-- {
		_, w := utf8.DecodeRuneInString(text[off:])
		off += w
	}
	return off
}

// retreat returns the byte offset n characters before off.
func retreat(text string, off, n int) int {
	for ; n > 0 && off > 0; n-- {
		_, w := utf8.DecodeLastRuneInString(text[:off])
		off -= w
	}
	return off
}

// trimSpaceRange narrows [start,end) to exclude surrounding whitespace
// (paragraphs often start with ideographic spaces).
func trimSpaceRange(text string, start, end int) (int, int) {
	for start < end {
		r, w := utf8.DecodeRuneInString(text[start:end])
		if !unicode.IsSpace(r) {
			break
		}
		start += w
	}
	for end > start {
		r, w := utf8.DecodeLastRuneInString(text[start:end])
		if !unicode.IsSpace(r) {
			break
		}
		end -= w
	}
	return start, end
}

// ArticleHit is the search hit of an article, with up to three snippets
// of what h finds and the paragraph of the first.
func ArticleHit(d *fangtan.Document, score float64, h *Highlighter) fangtan.Hit {
	hit := fangtan.Hit{
		ID: d.ID, File: d.File, Title: d.Title, Authors: d.Authors, Date: d.Date, Source: d.Source, URL: d.URL,
		Officials: nonNil(d.Officials), Cities: nonNil(d.Places.Cities), Provinces: nonNil(d.Places.Provinces),
		Districts: nonNil(d.Places.Districts), Themes: nonNil(d.Themes), Score: score,
	}
	hit.Snippets = h.Snippets(d.Text, 3, FragmentRunes)
	hit.Fragments = HTMLs(hit.Snippets)
	if len(hit.Snippets) > 0 {
		hit.Paragraph = Paragraph(d.Text, hit.Snippets[0])
	}
	return hit
}

// nonNil makes a list that JSON shows as [], not null.
func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
