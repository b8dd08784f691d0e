package fangtan

import (
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func TestRegistry(t *testing.T) {
	r := NewRegistry()
	r.Note(&Document{Officials: []Official{
		{Name: "王毅", Title: "外交部长"},
		{Name: "普京", Title: "俄罗斯总统", Country: "俄罗斯"},
		{Name: "李强", Title: "国务院总理", Inferred: true}, // the registry's own: no evidence
		{Name: "甲", Title: "书记"},                     // one rune: no name
	}})
	r.Note(&Document{Officials: []Official{{Name: "王毅", Title: "国务委员"}, {Name: "王毅", Title: "国务委员"}}})
	if got := r.Names(); strings.Join(got, ",") != "普京,王毅" {
		t.Fatalf("Names = %v", got)
	}
	o, _ := r.Lookup("王毅")
	if o.BestPost() != "国务委员" || o.Articles != 3 {
		t.Errorf("王毅: best post %q, %d articles", o.BestPost(), o.Articles)
	}
	r.SetAliases(map[string]string{"习主席": "习近平"})
	back := saveAndLoad(t, r)
	if p, _ := back.Lookup("普京"); p.Country != "俄罗斯" || back.Canonical("习主席") != "习近平" || back.Len() != 2 {
		t.Errorf("loaded registry: %+v, alias %q, %d officials", p, back.Canonical("习主席"), back.Len())
	}
	if !back.IsAliasName("习近平") || back.IsAliasName("习主席") || back.IsAliasName("王毅") {
		t.Errorf("IsAliasName: 习近平 %v, 习主席 %v, 王毅 %v", back.IsAliasName("习近平"), back.IsAliasName("习主席"), back.IsAliasName("王毅"))
	}
	t.Run("best country is the posts' majority", func(t *testing.T) {
		countryOf := func(post string) string {
			for _, c := range []string{"美国", "俄罗斯", "新加坡"} {
				if strings.HasPrefix(post, c) {
					return c
				}
			}
			return ""
		}
		for _, tc := range []struct {
			posts   map[string]int
			country string // as noted
			want    string
		}{
			// Two articles misread 特朗普 as Russia's; 335 say America's.
			{map[string]int{"美国总统": 335, "俄罗斯总统": 2, "总统": 31}, "俄罗斯", "美国"},
			// Posts naming no country do not vote against a foreigner's.
			{map[string]int{"美国国家安全顾问": 14, "国家安全顾问": 26}, "美国", "美国"},
			{map[string]int{"特首": 569, "行政长官": 377}, "", ""},
			{map[string]int{"美国总统": 3, "俄罗斯总统": 3}, "美国", "俄罗斯"}, // a tie: Unicode order
			// No post names one: the country a list gave them.
			{map[string]int{"副总统": 2}, "尼加拉瓜", "尼加拉瓜"},
		} {
			o := RegisteredOfficial{Name: "甲乙", Posts: tc.posts, Country: tc.country}
			if got := o.BestCountry(countryOf); got != tc.want {
				t.Errorf("BestCountry of %v = %q, want %q", tc.posts, got, tc.want)
			}
		}
	})
	t.Run("post at a date", func(t *testing.T) {
		r := NewRegistry()
		note := func(date, title string, times int) {
			for range times {
				r.Note(&Document{Date: date, Officials: []Official{{Name: "李强", Title: title}}})
			}
		}
		note("2022-10-23", "中共中央政治局常委", 3)
		note("2023-03-11", "国务院总理", 2)
		note("2024-05-01", "国务院总理", 30)
		note("2024-06-01", "主席", 40) // what ok turns down
		o, _ := r.Lookup("李强")
		public := func(p string) bool { return p != "主席" }
		for _, tc := range []struct{ date, want string }{
			{"2022-11-05", "中共中央政治局常委"},
			{"2023-01-20", "中共中央政治局常委"}, // 3 articles near it against 2
			{"2023-05-02", "国务院总理"},
			{"2025-12-01", "国务院总理"}, // none near it: the commonest ok takes
			{"", "国务院总理"},           // no date: the same
			{"2024-05-31", "国务院总理"}, // ok turns 主席 down
		} {
			if got := o.BestPostAt(tc.date, public); got != tc.want {
				t.Errorf("BestPostAt(%q) = %q, want %q", tc.date, got, tc.want)
			}
		}
		back := saveAndLoad(t, r)
		if b, _ := back.Lookup("李强"); b.BestPostAt("2022-11-05", public) != "中共中央政治局常委" {
			t.Errorf("the months were not saved: %+v", b.PostDates)
		}
		merged := NewRegistry()
		merged.Merge(r)
		merged.Merge(r)
		if m, _ := merged.Lookup("李强"); m.PostDates["国务院总理"]["2024-05-01"] != 60 || o.PostDates["国务院总理"]["2024-05-01"] != 30 {
			t.Errorf("merged months %v; the registry merged from %v", m.PostDates, o.PostDates)
		}
	})
	t.Run("absent is empty", func(t *testing.T) {
		r, err := LoadRegistry(t.TempDir())
		if err != nil || r.Len() != 0 {
			t.Errorf("LoadRegistry of an index without one: %v, %d", err, r.Len())
		}
	})
	t.Run("damaged is an error naming the file", func(t *testing.T) {
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, registryFile), []byte("{not json"), 0o644); err != nil {
			t.Fatal(err)
		}
		if _, err := LoadRegistry(dir); err == nil || !strings.Contains(err.Error(), registryFile) {
			t.Errorf("LoadRegistry: %v", err)
		}
	})
}

// saveAndLoad writes r to a fresh directory and reads it back.
func saveAndLoad(t *testing.T, r *Registry) *Registry {
	t.Helper()
	dir := t.TempDir()
	if err := r.Save(dir); err != nil {
		t.Fatal(err)
	}
	back, err := LoadRegistry(dir)
	if err != nil {
		t.Fatal(err)
	}
	return back
}

// TestRegistryCountsByDay: posts are counted by the article's day, where
// it has one (an office left mid-month, 林郑月娥's on 16 January 2017, is
// then told apart); an article dated by its month, or by a day that is
// none, counts under the month, and DayIndex reads a month as its first
// day, as it reads the month keys of registries saved before.
func TestRegistryCountsByDay(t *testing.T) {
	r := NewRegistry()
	for _, date := range []string{"2017-01-12", "2017-01-12", "2017-01", "2017-02-30", "", "undated"} {
		r.Note(&Document{Date: date, Officials: []Official{{Name: "林郑月娥", Title: "政务司司长"}}})
	}
	lam, _ := r.Lookup("林郑月娥")
	if got, want := lam.PostDates["政务司司长"], map[string]int{"2017-01-12": 2, "2017-01": 1, "2017-02": 1}; !maps.Equal(got, want) {
		t.Errorf("counted under %v, want %v", got, want)
	}
	if lam.Articles != 6 {
		t.Errorf("%d articles, want 6: an undated one still counts", lam.Articles)
	}
	for _, tc := range []struct {
		a, b string
		days int
	}{
		{"2017-01-12", "2017-01-16", 4},
		{"2017-01", "2017-01-01", 0},
		{"2017-02-30", "2017-02-01", 0},
		{"2016-12-31", "2017-01-01", 1},
	} {
		a, okA := DayIndex(tc.a)
		b, okB := DayIndex(tc.b)
		if !okA || !okB || b-a != tc.days {
			t.Errorf("DayIndex(%q) = %d, %v; DayIndex(%q) = %d, %v: want %d days apart", tc.a, a, okA, tc.b, b, okB, tc.days)
		}
	}
	if _, ok := DayIndex("undated"); ok {
		t.Error("DayIndex of no date succeeded")
	}
}

func TestRegistryForget(t *testing.T) {
	article := func(id, date string, officials ...Official) *Document {
		return &Document{ID: id, Date: date, Officials: officials}
	}
	reg := NewRegistry()
	a := article("a", "2018-02-26", Official{Name: "叶蔚琳", Title: "发言人"}, Official{Name: "林郑月娥", Title: "特首"})
	b := article("b", "2018-02-27", Official{Name: "林郑月娥", Title: "特首"}, Official{Name: "王毅", Title: "外长", Inferred: true})
	reg.Note(a)
	reg.Note(b)
	reg.Forget(a)
	if _, ok := reg.Lookup("叶蔚琳"); ok {
		t.Error("叶蔚琳, named by the forgotten article alone, is still registered")
	}
	lam, ok := reg.Lookup("林郑月娥")
	if !ok || lam.Articles != 1 || lam.Posts["特首"] != 1 || lam.PostDates["特首"]["2018-02-27"] != 1 {
		t.Errorf("林郑月娥 after forgetting one of two articles: %+v", lam)
	}
	reg.Forget(b)
	if reg.Len() != 0 {
		t.Errorf("%d officials left after forgetting every article", reg.Len())
	}

	// A registry saved before posts were counted by day holds months: an
	// article forgotten now takes its month's count back.
	old := NewRegistry()
	old.Put(RegisteredOfficial{Name: "林郑月娥", Posts: map[string]int{"特首": 2}, Articles: 2,
		PostDates: map[string]map[string]int{"特首": {"2018-02": 2}}})
	old.Forget(b)
	if lam, _ := old.Lookup("林郑月娥"); lam.PostDates["特首"]["2018-02"] != 1 {
		t.Errorf("forgetting an article of a registry counted by month: %+v", lam)
	}
}

// TestRegistryForms: a short name stands for the registered whole names
// it starts or ends, and a whole name for the part an alias chose; the
// forms follow the registry as it grows.
func TestRegistryForms(t *testing.T) {
	r := NewRegistry()
	r.SetAliases(map[string]string{"川普": "特朗普"})
	r.Note(&Document{Officials: []Official{
		{Name: "巴沙尔·阿萨德", Title: "叙利亚总统"},
		{Name: "巴沙尔·贾法里", Title: "叙利亚驻俄罗斯大使"},
		{Name: "特朗普", Title: "美国总统"},
	}})
	for _, c := range []struct {
		name string
		want []string
	}{
		{"巴沙尔", []string{"巴沙尔", "巴沙尔·贾法里", "巴沙尔·阿萨德"}},
		{"阿萨德", []string{"阿萨德", "巴沙尔·阿萨德"}},
		{"巴沙", []string{"巴沙"}},
		{"唐纳德·特朗普", []string{"唐纳德·特朗普", "特朗普"}},
		{"习近平", []string{"习近平"}},
	} {
		if got := r.Forms(c.name); !slices.Equal(got, c.want) {
			t.Errorf("Forms(%s) = %v, want %v", c.name, got, c.want)
		}
	}
	r.Note(&Document{Officials: []Official{{Name: "马克·吕特", Title: "北约秘书长"}}})
	if got := r.Forms("吕特"); !slices.Equal(got, []string{"吕特", "马克·吕特"}) {
		t.Errorf("Forms(吕特) after a note = %v", got)
	}
}
