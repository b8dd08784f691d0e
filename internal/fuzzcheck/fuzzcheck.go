// Package fuzzcheck holds what the fuzz targets of several packages share:
// the seeds of the query language, and the checks of the fragments search
// renders with <mark> tags. Test files cannot import each other's helpers
// across packages, so they live here.
package fuzzcheck

import (
	"strings"
	"testing"
)

// QuerySeeds cover every form of the query language and its mistakes.
var QuerySeeds = []string{
	"转型发展 小店区", `"事业是拼出来的"`, `-疫情 -"新冠肺炎"`, "刘振华 OR 李慧", "OR", "a OR", "OR b", "-a OR b",
	"official:李慧 city:太原 province:山西 district:小店区 theme:办实事", "source:光明日报 author:罗旭 year:2021",
	"speaker:刘振华", "date:2021-07..2021-12", "date:2021", "date:2021-07-02..", "date:..2020-12-31", "date:2021-13",
	"date:2021-02-30", "date:..", "date:9999-12-31..", "date:0000", "year:21", "nosuch:x", "official:", `official:"李 慧"`,
	`"open`, `「办实事」`, "“開新局”", "-", "－疫情", ",", `""`, `"，。"`, "A&B <script>x</script>", "\x00\xff", "date:2021/07..2021/12",
	"ＯＲ", "Official:李慧", "：", "a:b:c", strings.Repeat("长 ", 200),
	`"转型 发展"~10`, `"转型 发展"~`, `"转型 发展"~0`, `"转型 发展"~999`, `"转型"~5`, `-"a b"~3 c`, `"a b"～３`, `"a b"~-1`,
}

// IsPiece reports whether plain, less the "…" fragments add at either end,
// is a substring of text.
func IsPiece(text, plain string) bool {
	for _, a := range []string{plain, strings.TrimPrefix(plain, "…")} {
		for _, b := range []string{a, strings.TrimSuffix(a, "…")} {
			if strings.Contains(text, b) {
				return true
			}
		}
	}
	return false
}

// StripMarks removes the <mark> tags of s.
func StripMarks(s string) string {
	return strings.ReplaceAll(strings.ReplaceAll(s, "<mark>", ""), "</mark>", "")
}

// CheckMarked fails unless s is escaped text with balanced, unnested,
// non-empty <mark> tags and no other markup.
func CheckMarked(t testing.TB, s string) {
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
