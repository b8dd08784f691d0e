package query

import (
	"fmt"
	"strings"
	"testing"

	"fangtan"
)

func TestPostValues(t *testing.T) {
	d := &fangtan.Document{Date: "2021-07-01", Officials: []fangtan.Official{
		{Name: "王毅", Title: "國務委員"}, // folded to Simplified
		{Name: "王毅", Title: "國務委員"}, // the same post once
		{Name: "李强", Title: "总理", Inferred: true},
		{Name: "拉夫罗夫", Title: "外长", Country: "俄罗斯"},
	}}
	got := strings.Join(PostValues(d), "|")
	want := strings.Join([]string{"王毅\x1f2021\x1f国务委员\x1f", "拉夫罗夫\x1f2021\x1f外长\x1f俄罗斯"}, "|")
	if got != want {
		t.Errorf("PostValues = %q, want %q", got, want)
	}
	d.Date = ""
	if got := PostValues(d)[0]; got != "王毅\x1f\x1f国务委员\x1f" {
		t.Errorf("undated: %q", got)
	}
}

func TestNewProfile(t *testing.T) {
	post := func(name, year, title string, n int) fangtan.FacetCount {
		return fangtan.FacetCount{Value: strings.Join([]string{name, year, title, ""}, PostSep), Count: n}
	}
	var officials []fangtan.FacetCount
	for i := range ProfileSize + 5 {
		officials = append(officials, fangtan.FacetCount{Value: fmt.Sprint("官员", i), Count: 100 - i})
	}
	officials = append([]fangtan.FacetCount{{Value: "王毅", Count: 200}}, officials...)
	p := NewProfile([]string{"王毅"}, 42, map[string][]fangtan.FacetCount{ProfilePerson: officials}, []fangtan.FacetCount{
		post("王毅", "2022", "外交部长", 30),
		post("王毅", "2023", "中央外办主任", 5),
		post("王毅", "2021", "外交部长", 10),
		post("王毅", "", "外交部长", 1),
		post("李强", "2023", "总理", 50), // another name's post
		{Value: "broken", Count: 9},
	})
	if p.Articles != 42 || len(p.Officials) != ProfileSize || p.Officials[0].Value != "官员0" || len(p.Places) != 0 || p.Places == nil {
		t.Errorf("lists: %d articles, officials %v, places %v", p.Articles, p.Officials, p.Places)
	}
	got := fmt.Sprint(p.Posts)
	want := "[{中央外办主任  5 2023 2023} {外交部长  41 2021 2022}]"
	if got != want {
		t.Errorf("posts %s, want %s", got, want)
	}
}
