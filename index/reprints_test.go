package index

import (
	"context"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"fangtan"
)

// An add that holds a text growing an indexed article, and that article's
// id again with a text growing both, keeps the new text of that id as the
// article and the other as its version: the indexed text is no candidate,
// being replaced, so no demotion runs in a circle or files the new text
// under another article.
func TestAddGrowsWhatItReplaces(t *testing.T) {
	const (
		p1 = "港珠澳大桥管理局今日公布，大桥通车后首年客流超过预期，日均往来车辆较去年同期增加三成，旅客出入境时间明显缩短。"
		p2 = "管理局又指，明年将检讨收费安排，并研究增设跨境巴士班次，以应付节假日及长假期的人流高峰，详情将于今年年底前正式公布。"
		p3 = "有立法会议员批评，大桥配套的公共交通至今仍然不足，要求当局尽快增加屯门至口岸的巴士路线。"
		p4 = "运输署回应指，会与营办商研究增加往来口岸的巴士班次，并检讨现有路线的安排。"
	)
	doc := func(id, file string, paras ...string) fangtan.Document {
		return fangtan.Document{ID: id, File: file, Title: "大桥首年客流超预期", Date: "2018-10-24",
			Paragraphs: paras, Text: strings.Join(paras, "\n")}
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	path := filepath.Join(t.TempDir(), "idx")
	if _, err := Build(ctx, path, DocumentsSource([]fangtan.Document{doc("c", "c.txt", p1, p2)}), BuildOptions{}); err != nil {
		t.Fatal(err)
	}
	x, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	stats, err := x.Add(ctx, []fangtan.Document{doc("d", "d.txt", p1, p2, p3), doc("c", "c.txt", p1, p2, p3, p4)}, BuildOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if stats.Documents != 1 || stats.Reprints != 1 {
		t.Errorf("add: %d documents and %d reprints, want 1 and 1", stats.Documents, stats.Reprints)
	}
	res, err := x.Search(ctx, fangtan.Query{Text: `"往来口岸的巴士班次"`})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Hits) != 1 || res.Hits[0].ID != "c" || len(res.Hits[0].Reprints) != 1 || res.Hits[0].Reprints[0].ID != "d" {
		t.Fatalf("the new text of c: %+v, want c with its version d", res.Hits)
	}
}

// A read-only index reads its reprints in the background when it opens;
// a search before that asks for its page's only, and lists the same
// reprints as the whole index's map does.
func TestReprintsBeforeTheWarmUp(t *testing.T) {
	paras := []string{
		"港珠澳大桥管理局今日公布，大桥通车后首年客流超过预期，日均往来车辆较去年同期增加三成，旅客出入境时间明显缩短。",
		"管理局又指，明年将检讨收费安排，并研究增设跨境巴士班次，以应付节假日及长假期的人流高峰，详情将于今年年底前正式公布。",
	}
	doc := func(id, title string) fangtan.Document {
		return fangtan.Document{ID: id, File: id + ".txt", Title: title, Date: "2018-10-24", Paragraphs: paras, Text: strings.Join(paras, "\n")}
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	path := filepath.Join(t.TempDir(), "idx")
	docs := []fangtan.Document{doc("a", "大桥首年客流超预期"), doc("b", "大桥首年客流超预期"), doc("c", "大桥首年客流超预期")}
	if _, err := Build(ctx, path, DocumentsSource(docs), BuildOptions{}); err != nil {
		t.Fatal(err)
	}
	x, err := OpenReadOnly(path)
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	x.warming.Wait()
	all, ok := x.reprintsByArticle.Get(x.gen.Load(), "")
	if !ok {
		t.Fatal("the warm-up left no reprints")
	}
	if len(all) != 1 {
		t.Fatalf("reprints of %d articles, want 1: %+v", len(all), all)
	}
	var article string
	for id, rs := range all {
		article = id
		if len(rs) != 2 {
			t.Fatalf("article %s has %d reprints, want 2: %+v", id, len(rs), rs)
		}
	}
	x.reprintsByArticle.Clear() // as before the warm-up ends
	page, err := x.reprintsOf(ctx, []string{article, "nobody"})
	if err != nil {
		t.Fatal(err)
	}
	if len(page) != 1 || !slices.EqualFunc(page[article], all[article], func(a, b fangtan.Reprint) bool { return a.ID == b.ID && a.Of == b.Of }) {
		t.Errorf("a page's reprints %+v, want %+v", page, all[article])
	}
	if _, ok := x.reprintsByArticle.Get(x.gen.Load(), ""); ok {
		t.Error("a page's reprints were kept as the whole index's")
	}
}
