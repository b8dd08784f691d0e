package query

import (
	"slices"
	"strings"
	"sync"
	"testing"

	"fangtan/analyzer"
)

// words is the word analyzer's words of a query word, as index gives them
// to NewHighlighter (jieba in search mode).
var words = sync.OnceValue(func() func(string) []string {
	seg, err := analyzer.Default()
	if err != nil {
		return nil
	}
	a := analyzer.NewWordAnalyzer(seg)
	return func(s string) []string {
		var out []string
		for _, tok := range a.Analyze([]byte(s)) {
			if t := string(tok.Term); !slices.Contains(out, t) {
				out = append(out, t)
			}
		}
		return out
	}
})

// isPiece reports whether plain, less the "…" fragments add at either end,
// is a substring of text.
func isPiece(text, plain string) bool {
	for _, a := range []string{plain, strings.TrimPrefix(plain, "…")} {
		for _, b := range []string{a, strings.TrimSuffix(a, "…")} {
			if strings.Contains(text, b) {
				return true
			}
		}
	}
	return false
}

func stripMarks(s string) string {
	return strings.ReplaceAll(strings.ReplaceAll(s, "<mark>", ""), "</mark>", "")
}

// checkMarked fails unless s is escaped text with balanced, unnested,
// non-empty <mark> tags and no other markup.
func checkMarked(t *testing.T, s string) {
	t.Helper()
	open := false
	for i := 0; i < len(s); {
		switch {
		case strings.HasPrefix(s[i:], "<mark>"):
			if open {
				t.Fatalf("nested <mark> at %d in %q", i, s)
			}
			if strings.HasPrefix(s[i+6:], "</mark>") {
				t.Fatalf("empty <mark> at %d in %q", i, s)
			}
			open = true
			i += len("<mark>")
		case strings.HasPrefix(s[i:], "</mark>"):
			if !open {
				t.Fatalf("stray </mark> at %d in %q", i, s)
			}
			open = false
			i += len("</mark>")
		case s[i] == '<' || s[i] == '>' || s[i] == '"' || s[i] == '\'':
			t.Fatalf("unescaped %q at %d in %q", s[i], i, s)
		case s[i] == '&':
			ok := false
			for _, e := range []string{"&amp;", "&lt;", "&gt;", "&#34;", "&#39;"} {
				if strings.HasPrefix(s[i:], e) {
					ok = true
					i += len(e)
					break
				}
			}
			if !ok {
				t.Fatalf("bare & at %d in %q", i, s)
			}
		default:
			i++
		}
	}
	if open {
		t.Fatalf("unclosed <mark> in %q", s)
	}
}
