package web

import (
	"html"
	"html/template"
	"strings"

	"fangtan"
)

// The Searcher promises highlighted text as escaped HTML with <mark> around
// matches. These are the only strings the pages trust as HTML, so they are
// checked again here: a bug in the highlighter must not become an XSS.

const (
	markOpen  = "<mark>"
	markClose = "</mark>"
)

// sanitizeMarked keeps <mark> and </mark> (balanced, never nested) and
// well-formed character references, and escapes every other '<', '>', '&',
// '"' and '\”. The result is safe to insert as HTML text.
func sanitizeMarked(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 16)
	open := false
	for i := 0; i < len(s); {
		c := s[i]
		switch c {
		case '<':
			if hasPrefixFold(s[i:], markOpen) {
				if !open {
					b.WriteString(markOpen)
					open = true
				}
				i += len(markOpen)
				continue
			}
			if hasPrefixFold(s[i:], markClose) {
				if open {
					b.WriteString(markClose)
					open = false
				}
				i += len(markClose)
				continue
			}
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '"':
			b.WriteString("&#34;")
		case '\'':
			b.WriteString("&#39;")
		case '&':
			if n := entityLen(s[i:]); n > 0 {
				b.WriteString(s[i : i+n])
				i += n
				continue
			}
			b.WriteString("&amp;")
		case 0:
			b.WriteString("\uFFFD") // NUL has no place in HTML text
		default:
			b.WriteByte(c)
		}
		i++
	}
	if open {
		b.WriteString(markClose)
	}
	return b.String()
}

// trusted is sanitizeMarked's output, typed so that html/template inserts it
// as is, without emphasis marks (fangtan.WithoutEmphasis).
func trusted(s string) template.HTML {
	return template.HTML(sanitizeMarked(fangtan.WithoutEmphasis(s))) // #nosec: sanitized just above
}

// escapeText is s as HTML text for a page, without emphasis marks.
func escapeText(s string) string { return template.HTMLEscapeString(fangtan.WithoutEmphasis(s)) }

// plainText turns highlighted HTML back into the text a reader sees, for
// exports: the marks go, the character references are decoded.
func plainText(s string) string {
	s = sanitizeMarked(s)
	s = strings.ReplaceAll(s, markOpen, "")
	s = strings.ReplaceAll(s, markClose, "")
	return html.UnescapeString(s)
}

func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}

// entityLen returns the length of the character reference at the start of s
// (&name; &#123; &#x1F;), or 0 when s does not start with a well-formed one.
func entityLen(s string) int {
	if len(s) < 3 || s[0] != '&' {
		return 0
	}
	i := 1
	if s[1] == '#' {
		i = 2
		hex := false
		if i < len(s) && (s[i] == 'x' || s[i] == 'X') {
			hex = true
			i++
		}
		start := i
		for i < len(s) && i-start < 8 && (isDigit(s[i]) || hex && isHexLetter(s[i])) {
			i++
		}
		if i == start || i >= len(s) || s[i] != ';' {
			return 0
		}
		return i + 1
	}
	start := i
	for i < len(s) && i-start < 32 && isAlnum(s[i]) {
		i++
	}
	if i == start || i >= len(s) || s[i] != ';' {
		return 0
	}
	// Only names the HTML parser knows decode to a character; anything else
	// is escaped so that it shows as typed.
	if html.UnescapeString(s[:i+1]) == s[:i+1] {
		return 0
	}
	return i + 1
}

func isDigit(c byte) bool     { return c >= '0' && c <= '9' }
func isHexLetter(c byte) bool { return c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F' }
func isAlnum(c byte) bool     { return isDigit(c) || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }
