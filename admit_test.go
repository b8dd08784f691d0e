package fangtan

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestAdmit(t *testing.T) {
	seen := map[string]string{"a1": "first.jsonl"}
	for _, c := range []struct {
		name     string
		doc      Document
		skip     string // part of the reason, "" to admit
		cut      int    // notes of what was cut
		titleLen int    // runes of the admitted title, 0 to not check
	}{
		{"plain", Document{ID: "b1", Title: "题"}, "", 0, 1},
		{"no id", Document{}, "without an id", 0, 0},
		{"long text", Document{ID: "b2", Text: strings.Repeat("字", MaxDocumentBytes/3+1)}, "longer than a document may be", 0, 0},
		{"long id", Document{ID: strings.Repeat("x", MaxIDBytes+1)}, "longer than an id may be", 0, 0},
		{"quote id", Document{ID: "b3#q0"}, `"#q"`, 0, 0},
		{"duplicate", Document{ID: "a1"}, "also in first.jsonl", 0, 0},
		{"long title", Document{ID: "b4", Title: strings.Repeat("长", MaxTitleRunes+5)}, "", 1, MaxTitleRunes},
		{"many long authors", Document{ID: "b5", Authors: append([]string{strings.Repeat("名", MaxAuthorRunes+1)}, make([]string, MaxAuthors)...)}, "", 2, 0},
	} {
		t.Run(c.name, func(t *testing.T) {
			d := c.doc
			skip, cut := Admit(&d, seen)
			if c.skip == "" && skip != "" || !strings.Contains(skip, c.skip) {
				t.Fatalf("skip = %q, want %q", skip, c.skip)
			}
			if len(cut) != c.cut {
				t.Errorf("cut = %q, want %d notes", cut, c.cut)
			}
			if c.titleLen > 0 && utf8.RuneCountInString(d.Title) != c.titleLen {
				t.Errorf("title of %d runes, want %d", utf8.RuneCountInString(d.Title), c.titleLen)
			}
			if skip == "" && seen[d.ID] != d.File {
				t.Errorf("admitted %q not recorded as seen", d.ID)
			}
			if len(d.Authors) > MaxAuthors {
				t.Errorf("%d authors kept", len(d.Authors))
			}
		})
	}
}
