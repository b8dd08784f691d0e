package query

import (
	"fmt"
	"testing"

	"fangtan"
)

func TestSuggestions(t *testing.T) {
	var official, city, speaker string
	for _, f := range fangtan.Facets {
		switch f.Suggest {
		case "official":
			official = f.Name
		case "place":
			if city == "" {
				city = f.Name
			}
		case "speaker":
			speaker = f.Name
		}
	}
	if official == "" || city == "" || speaker == "" {
		t.Fatalf("facets that complete: official %q, place %q, speaker %q", official, city, speaker)
	}
	s := NewSuggestions()
	s.Add(official, "刘振华", 3)
	s.Add(official, "刘振", 9)
	s.Add(official, "李强", 20)
	s.Add(speaker, "刘振华", 5) // another kind: its own suggestion
	s.Add(city, "太原", 7)
	s.Add(city, "太原", 4)   // the same value again: the larger count stays
	s.Add(official, "", 4) // empty values are no suggestion
	s.Add("no-such-facet", "太原", 100)
	for _, c := range []struct {
		prefix string
		limit  int
		want   string
	}{
		{"刘振", 0, "[刘振/official/9 刘振华/speaker/5 刘振华/official/3]"}, // exact first, then by count
		{"liuzhen", 0, "[刘振/official/9 刘振华/speaker/5 刘振华/official/3]"},
		{"lzh", 0, "[刘振华/speaker/5 刘振华/official/3]"},
		{"太", 0, "[太原/place/7]"},
		{"劉振華", 0, "[刘振华/speaker/5 刘振华/official/3]"}, // Traditional folds
		{"刘", 1, "[刘振/official/9]"},
		{"  ", 0, "[]"},
		{"x", 0, "[]"},
	} {
		t.Run(c.prefix, func(t *testing.T) {
			got := "["
			for i, sg := range s.Complete(c.prefix, c.limit) {
				if i > 0 {
					got += " "
				}
				got += fmt.Sprintf("%s/%s/%d", sg.Value, sg.Kind, sg.Count)
			}
			got += "]"
			if got != c.want {
				t.Errorf("Complete(%q, %d) = %s, want %s", c.prefix, c.limit, got, c.want)
			}
		})
	}
}
