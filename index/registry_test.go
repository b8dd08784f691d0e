package index

import (
	"context"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"fangtan"
)

// registryEnrich is a stand-in for extract.Extractor.AddRegistered: it
// adds a registered name the text holds, so that the index's part (finding
// the articles, indexing them again, saving the registry) is tested apart
// from extraction's mention rules.
func registryEnrich(*fangtan.Registry) func(*fangtan.Document, *fangtan.Registry, []string) bool {
	return func(d *fangtan.Document, reg *fangtan.Registry, names []string) bool {
		changed := false
		for _, n := range names {
			if strings.Contains(d.Text, n) && !slices.ContainsFunc(d.Officials, func(o fangtan.Official) bool { return o.Name == n }) {
				ro, _ := reg.Lookup(n)
				d.Officials = append(d.Officials, fangtan.Official{Name: n, Title: ro.BestPost(), Inferred: true})
				changed = true
			}
		}
		return changed
	}
}

func registryDoc(id, text string, officials ...fangtan.Official) fangtan.Document {
	return fangtan.Document{ID: id, File: id + ".txt", Title: id, Source: "测试", Text: text, Paragraphs: []string{text}, Officials: officials}
}

func registryOptions() BuildOptions {
	reg := fangtan.NewRegistry()
	reg.SetAliases(map[string]string{"习主席": "习近平"})
	return BuildOptions{Registry: reg, Enrich: registryEnrich(reg)}
}

func officialFacet(t *testing.T, x *Index, q fangtan.Query) map[string]int {
	t.Helper()
	res, err := x.Search(context.Background(), q)
	if err != nil {
		t.Fatal(err)
	}
	m := map[string]int{}
	for _, fc := range res.Facets[fieldOfficial] {
		m[fc.Value] = fc.Count
	}
	return m
}

// TestRegistryBuildAndAdd: a name seen with a post in one article is an
// official in every article naming it, after a build and after an add,
// and an alias filter finds the person.
func TestRegistryBuildAndAdd(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "reg")
	docs := []fangtan.Document{
		registryDoc("a", "外交部长王毅会见来宾。", fangtan.Official{Name: "王毅", Title: "外交部长"}),
		registryDoc("b", "王毅表示，中方愿同各方合作。"),
		registryDoc("c", "国家主席习近平发表讲话。", fangtan.Official{Name: "习近平", Title: "国家主席"}),
		registryDoc("d", "今天天气很好。"),
		// Two names the article does not list: it gets both, in the
		// registry's order of names, from one read and one write.
		registryDoc("g", "习近平会见王毅。"),
	}
	if _, err := Build(ctx, path, DocumentsSource(docs), registryOptions()); err != nil {
		t.Fatal(err)
	}
	x, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	if got := officialFacet(t, x, fangtan.Query{Sources: []string{"测试"}}); got["王毅"] != 3 || got["习近平"] != 2 {
		t.Errorf("official facet %v: want 王毅 in 3 articles (two by the registry), 习近平 in 2", got)
	}
	if v, err := x.Document(ctx, "g", ""); err != nil || len(v.Officials) != 2 || !v.Officials[0].Inferred || !v.Officials[1].Inferred {
		t.Errorf("g's officials %+v (%v): want 习近平 and 王毅, both inferred", v, err)
	}
	v, err := x.Document(ctx, "b", "")
	if err != nil {
		t.Fatal(err)
	}
	if len(v.Officials) != 1 || v.Officials[0].Name != "王毅" || !v.Officials[0].Inferred || v.Officials[0].Title != "外交部长" {
		t.Errorf("b's officials %+v: want 王毅, inferred, with his registered post", v.Officials)
	}
	res, err := x.Search(ctx, fangtan.Query{Officials: []string{"习主席"}})
	if err != nil || res.Total != 2 || res.Hits[0].ID != "c" && res.Hits[1].ID != "c" {
		t.Errorf("official=习主席: %v, %+v; want articles c and g", err, res)
	}
	reg, err := fangtan.LoadRegistry(path)
	if err != nil || reg.Len() != 2 {
		t.Fatalf("saved registry: %v, %d officials; want 王毅 and 习近平", err, reg.Len())
	}

	// An add brings a new official, whom an old article already named.
	if _, err := x.Add(ctx, []fangtan.Document{
		registryDoc("e", "国务院副总理刘国中出席。", fangtan.Official{Name: "刘国中", Title: "国务院副总理"}),
	}, registryOptions()); err != nil {
		t.Fatal(err)
	}
	if _, err := x.Add(ctx, []fangtan.Document{registryDoc("f", "刘国中考察农业。")}, registryOptions()); err != nil {
		t.Fatal(err)
	}
	got := officialFacet(t, x, fangtan.Query{Sources: []string{"测试"}})
	if got["刘国中"] != 2 || got["王毅"] != 3 {
		t.Errorf("official facet after adds %v: want 刘国中 2 (f by the registry), 王毅 still 3", got)
	}
	if v, err := x.Document(ctx, "f", ""); err != nil || len(v.Officials) != 1 || v.Officials[0].Title != "国务院副总理" {
		t.Errorf("f's officials %+v (%v): want 刘国中 with the post the index's registry holds", v, err)
	}
	if reg, _ := fangtan.LoadRegistry(path); reg.Len() != 3 {
		t.Errorf("registry after add has %d officials, want 3", reg.Len())
	}
}

// TestRegistryRechecksListed: the names Recheck gives reach Enrich in the
// articles that list them too, after a build and after an add, so that
// an official the whole registry does not bear out can be withdrawn; the
// other articles that list an official are not read again.
func TestRegistryRechecksListed(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "recheck")
	var mu sync.Mutex // the pass enriches on every core
	handed := map[string]int{}
	opts := func() BuildOptions {
		o := registryOptions()
		spread := o.Enrich
		o.Recheck = func(*fangtan.Registry) []string { return []string{"李嘉诚"} }
		o.Enrich = func(d *fangtan.Document, reg *fangtan.Registry, names []string) bool {
			mu.Lock()
			handed[d.ID]++
			mu.Unlock()
			withdrawn := false
			if i := slices.Index(names, "李嘉诚"); i >= 0 {
				d.Officials = slices.DeleteFunc(d.Officials, func(o fangtan.Official) bool { return o.Name == "李嘉诚" })
				names, withdrawn = slices.Delete(slices.Clone(names), i, i+1), true
			}
			return spread(d, reg, names) || withdrawn
		}
		return o
	}
	chair := fangtan.Official{Name: "李嘉诚", Title: "主席"}
	docs := []fangtan.Document{
		registryDoc("a", "主席李嘉诚出席。", chair),
		registryDoc("b", "长和系主席李嘉诚表示满意。", chair),
		registryDoc("c", "外交部长王毅会见来宾。", fangtan.Official{Name: "王毅", Title: "外交部长"}),
	}
	if _, err := Build(ctx, path, DocumentsSource(docs), opts()); err != nil {
		t.Fatal(err)
	}
	x, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	if got := officialFacet(t, x, fangtan.Query{Sources: []string{"测试"}}); got["李嘉诚"] != 0 || got["王毅"] != 1 {
		t.Errorf("official facet %v: want 李嘉诚 withdrawn from a and b, 王毅 in c", got)
	}
	if handed["c"] != 0 {
		t.Errorf("c, which lists only 王毅, was handed to Enrich %d times", handed["c"])
	}
	if _, err := x.Add(ctx, []fangtan.Document{registryDoc("d", "主席李嘉诚致辞。", chair)}, opts()); err != nil {
		t.Fatal(err)
	}
	if got := officialFacet(t, x, fangtan.Query{Sources: []string{"测试"}}); got["李嘉诚"] != 0 {
		t.Errorf("official facet after an add %v: want 李嘉诚 withdrawn from d too", got)
	}
	res, err := x.Search(ctx, fangtan.Query{Text: "李嘉诚"})
	if err != nil || res.Total != 3 {
		t.Errorf("search 李嘉诚: %v, %d hits; want a, b and d still found by text", err, res.Total)
	}
}
