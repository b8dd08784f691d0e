package fangtan

import (
	"strings"
	"testing"
)

func TestReprintsCheck(t *testing.T) {
	long := strings.Repeat("港珠澳大桥管理局今日公布首年客流数字，", 8)
	tests := []struct {
		name string
		docs []Document // in the order admitted
		want []string   // what each reprints, "" for an article
	}{
		{"same text within a month", []Document{{ID: "a", Date: "2018-10-24", Text: long}, {ID: "b", Date: "2018-11-20", Text: long}},
			[]string{"", "a"}},
		{"spacing and punctuation do not count", []Document{{ID: "a", Text: long}, {ID: "b", Text: strings.ReplaceAll(long, "，", ", \n")}},
			[]string{"", "a"}},
		{"a year later is another article", []Document{{ID: "a", Date: "2018-10-24", Text: long}, {ID: "b", Date: "2019-10-24", Text: long}},
			[]string{"", ""}},
		{"the later one still reprints whichever is near", []Document{{ID: "a", Date: "2018-10-24", Text: long}, {ID: "b", Date: "2019-10-24", Text: long}, {ID: "c", Date: "2019-10-25", Text: long}},
			[]string{"", "", "b"}},
		{"an undated copy reprints", []Document{{ID: "a", Date: "2018-10-24", Text: long}, {ID: "b", Text: long}},
			[]string{"", "a"}},
		{"short texts are shared lines, not reprints", []Document{{ID: "a", Text: "undefined"}, {ID: "b", Text: "undefined"}},
			[]string{"", ""}},
		{"one letter more is another text", []Document{{ID: "a", Text: long}, {ID: "b", Text: long + "又"}},
			[]string{"", ""}},
		{"the same id again is no reprint of itself", []Document{{ID: "a", Text: long}, {ID: "a", Text: long}},
			[]string{"", ""}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var r Reprints
			for i := range tt.docs {
				got, err := r.Check(&tt.docs[i])
				if err != nil || got != tt.want[i] {
					t.Errorf("%s reprints %q (%v), want %q", tt.docs[i].ID, got, err, tt.want[i])
				}
			}
		})
	}
}

func TestReprintsCheckIndexed(t *testing.T) {
	long := strings.Repeat("港珠澳大桥管理局今日公布首年客流数字，", 8)
	r := Reprints{Indexed: func(p string) ([]Printed, error) {
		if p != Print(long) {
			t.Errorf("looked up %q, want the text's print", p)
		}
		return []Printed{{ID: "old", Date: "2018-10-20"}}, nil
	}}
	if got, err := r.Check(&Document{ID: "new", Date: "2018-10-24", Text: long}); err != nil || got != "old" {
		t.Errorf("reprints %q (%v), want the indexed article", got, err)
	}
}
