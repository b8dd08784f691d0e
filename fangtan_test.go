package fangtan

import "testing"

func TestTextIsParagraphs(t *testing.T) {
	tests := []struct {
		paras []string
		text  string
		want  bool
	}{
		{nil, "", true},
		{nil, "x", false},
		{[]string{"刘振华", "口碑"}, "刘振华\n口碑", true},
		{[]string{"刘振华", ""}, "刘振华\n", true},
		{[]string{"刘振华", "口碑"}, "刘振华\n口碑\n", false},
		{[]string{"刘振华", "口碑"}, "刘振华口碑", false},
		{[]string{"刘振华", "口碑"}, "刘振华\n口", false},
	}
	for _, tt := range tests {
		d := Document{Paragraphs: tt.paras, Text: tt.text}
		if got := d.TextIsParagraphs(); got != tt.want {
			t.Errorf("TextIsParagraphs(%q, %q) = %v, want %v", tt.paras, tt.text, got, tt.want)
		}
	}
}
