package index

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

// fragmentRunes is the length of a hit's fragment, in characters.
const fragmentRunes = 100

// highlighter marks what a query matched. It works on the stored text
// rather than on bleve's term locations: it looks for the query's words and
// phrases in the folded, punctuation-free text, exactly as the exact field
// matches them, so it needs no term vectors on the word fields, and a phrase
// is marked as one span or not at all, never as stray pieces.
type highlighter struct {
	terms [][]rune // folded letters and digits, distinct
}

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

func matchRunes(s string) []rune {
	var rs []rune
	for _, r := range analyzer.Fold(s) {
		if keepRune(r) {
			rs = append(rs, r)
		}
	}
	return rs
}

func (h *highlighter) add(rs []rune) {
	if len(rs) == 0 || len(h.terms) >= 64 {
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
func (h *highlighter) addWord(word string, tokens []string) {
	rs := matchRunes(word)
	h.add(rs)
	for _, t := range tokens {
		if trs := matchRunes(t); len(trs) >= 2 || len(rs) == 1 {
			h.add(trs)
		}
	}
}

// addPhrase marks a quoted phrase, only where it occurs whole.
func (h *highlighter) addPhrase(p string) { h.add(matchRunes(p)) }

// span is a marked region of the original text, in bytes; terms is the set
// of query terms it covers.
type span struct {
	start, end int
	terms      uint64
}

// spans finds the query's terms in text and merges overlapping and touching
// matches, so every marked region becomes exactly one <mark>.
func (h *highlighter) spans(text string) []span {
	if h == nil || len(h.terms) == 0 || text == "" {
		return nil
	}
	folded := []rune(analyzer.Fold(text)) // as many runes as text
	keep := make([]rune, 0, len(folded))
	starts := make([]int, 0, len(folded))
	ends := make([]int, 0, len(folded))
	k, pending := 0, false
	for i := range text {
		if pending {
			ends = append(ends, i)
			pending = false
		}
		if fr := folded[k]; keepRune(fr) {
			keep = append(keep, fr)
			starts = append(starts, i)
			pending = true
		}
		k++
	}
	if pending {
		ends = append(ends, len(text))
	}
	var out []span
	for ti, t := range h.terms {
		for k := 0; k+len(t) <= len(keep); k++ {
			if keep[k] != t[0] || !slices.Equal(keep[k:k+len(t)], t) {
				continue
			}
			out = append(out, span{starts[k], ends[k+len(t)-1], 1 << ti})
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

// highlightAll returns the whole text as HTML with the matches marked.
func (h *highlighter) highlightAll(text string) string {
	var b strings.Builder
	render(&b, text, h.spans(text), 0, len(text))
	return b.String()
}

// snippets returns up to n passages of about width characters around the
// best matches, in text order, with their spans. With no match it returns
// the start of the text.
func (h *highlighter) snippets(text string, n, width int) []fangtan.Snippet {
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

// fragments returns up to n passages of about width characters around the
// best matches as HTML (snippets rendered by snippetHTML).
func (h *highlighter) fragments(text string, n, width int) []string {
	return snippetsHTML(h.snippets(text, n, width))
}

func snippetsHTML(sns []fangtan.Snippet) []string {
	out := make([]string, len(sns))
	for i, sn := range sns {
		out[i] = snippetHTML(sn)
	}
	return out
}

// snippetHTML is a snippet as escaped HTML with <mark> around its spans
// and … where the text goes on.
func snippetHTML(sn fangtan.Snippet) string {
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
