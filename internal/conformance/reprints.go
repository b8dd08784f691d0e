package conformance

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"

	"fangtan"
)

// writer is what the reprint checks need of a backend beyond searching.
type writer interface {
	Add(ctx context.Context, docs []fangtan.Document, opts fangtan.BuildOptions) (fangtan.Stats, error)
	Delete(ctx context.Context, ids []string, opts fangtan.BuildOptions) (int, error)
}

// reprintText is long enough to have a print (fangtan.Print), and holds a
// quotation.
const reprintText = "港珠澳大桥管理局今日公布，大桥通车后首年客流超过预期，日均往来车辆较去年同期增加三成，旅客出入境时间明显缩短。" +
	"管理局局长在记者会上表示：“我们会继续优化口岸通关安排，方便市民和旅客往来三地，并加强大桥日常维护与安全管理。”" +
	"管理局又指，明年将检讨收费安排，并研究增设跨境巴士班次，以应付节假日的人流高峰。"

// reprints: a document with the text of an article dated within a month
// of it is folded into that article (fangtan.Reprint): counted once, its
// quotes listed once, its id opening the article. One a year later, and
// short texts shared by several items, are articles of their own. An add
// finds what it reprints in the index; deleting the article makes its
// first reprint the article.
func reprints(t *testing.T, open Open) {
	ctx := context.Background()
	doc := func(id, title, date, text string) fangtan.Document {
		return fangtan.Document{ID: id, File: id + ".txt", Title: title, Date: date, Text: text,
			Paragraphs: strings.Split(text, "\n"), Source: "测试"}
	}
	spaced := strings.ReplaceAll(strings.ReplaceAll(reprintText, "，", ", "), "。", "。\n")
	docs := []fangtan.Document{
		doc("reprint-a", "大桥首年客流超预期", "2018-10-24", reprintText),
		doc("reprint-b", "大桥客流超预期（转载）", "2018-10-26", spaced),
		doc("reprint-c", "大桥首年客流超预期", "2019-10-24", reprintText),
		doc("reprint-d", "短讯", "2018-10-24", "台风今日过境。"),
		doc("reprint-e", "短讯", "2018-10-24", "台风今日过境。"),
	}
	s := open(t, docs)
	w, ok := s.(writer)
	if !ok {
		t.Fatalf("%T cannot add or delete", s)
	}
	ids := func(rs []fangtan.Reprint) []string {
		var out []string
		for _, r := range rs {
			out = append(out, r.ID)
		}
		return out
	}
	search := func(what, text string, want ...string) map[string][]string {
		t.Helper()
		res, err := s.Search(ctx, fangtan.Query{Text: text, Size: 50})
		if err != nil {
			t.Fatalf("%s: search %q: %v", what, text, err)
		}
		got := map[string][]string{}
		var hits []string
		for _, h := range res.Hits {
			hits = append(hits, h.ID)
			got[h.ID] = ids(h.Reprints)
		}
		slices.Sort(hits)
		if !slices.Equal(hits, want) || res.Total != uint64(len(want)) {
			t.Errorf("%s: search %q: %d hits %v, want %v", what, text, res.Total, hits, want)
		}
		return got
	}
	document := func(what, id string) *fangtan.DocumentView {
		t.Helper()
		v, err := s.Document(ctx, id, "")
		if err != nil {
			t.Fatalf("%s: document %s: %v", what, id, err)
		}
		return v
	}
	quotes := func(what string, want int) {
		t.Helper()
		res, err := s.SearchQuotes(ctx, fangtan.Query{Text: "优化口岸通关"})
		if err != nil {
			t.Fatalf("%s: quotes: %v", what, err)
		}
		if res.Total != uint64(want) {
			t.Errorf("%s: quotes of 优化口岸通关: %d, want %d (one per article)", what, res.Total, want)
		}
	}

	got := search("built", "客流", "reprint-a", "reprint-c")
	if r := got["reprint-a"]; !slices.Equal(r, []string{"reprint-b"}) {
		t.Errorf("built: reprint-a's reprints %v, want [reprint-b]", r)
	}
	search("built", "台风", "reprint-d", "reprint-e")
	quotes("built", 2)
	if v := document("built", "reprint-b"); v.ID != "reprint-a" || v.AsReprint == nil || v.AsReprint.ID != "reprint-b" || v.AsReprint.Title != "大桥客流超预期（转载）" {
		t.Errorf("built: document reprint-b is %s as %+v, want reprint-a as its reprint", v.ID, v.AsReprint)
	}

	opts, err := BuildOptions()
	if err != nil {
		t.Fatal(err)
	}
	stats, err := w.Add(ctx, []fangtan.Document{doc("reprint-f", "大桥客流", "2018-11-01", reprintText)}, opts)
	if err != nil || stats.Reprints != 1 || stats.Documents != 0 {
		t.Fatalf("add a reprint: %+v, %v; want 1 reprint, no document", stats, err)
	}
	search("added", "客流", "reprint-a", "reprint-c")
	if r := document("added", "reprint-a").Reprints; !slices.Equal(ids(r), []string{"reprint-b", "reprint-f"}) {
		t.Errorf("added: reprint-a's reprints %v, want [reprint-b reprint-f]", ids(r))
	}

	// Adding reprint-a's file again without it deletes it: its first
	// reprint becomes the article.
	other := doc("reprint-g", "另一则新闻", "2018-10-24", "天文台发出三号强风信号。")
	other.File = "reprint-a.txt"
	if _, err := w.Add(ctx, []fangtan.Document{other}, opts); err != nil {
		t.Fatalf("add reprint-a.txt again: %v", err)
	}
	got = search("replaced", "客流", "reprint-b", "reprint-c")
	if r := got["reprint-b"]; !slices.Equal(r, []string{"reprint-f"}) {
		t.Errorf("replaced: reprint-b's reprints %v, want [reprint-f]", r)
	}
	quotes("replaced", 2)
	if v := document("replaced", "reprint-b"); v.ID != "reprint-b" || v.AsReprint != nil || v.Title != "大桥客流超预期（转载）" || v.Date != "2018-10-26" {
		t.Errorf("replaced: document reprint-b is %s %q %s as %+v, want the article under its own title and date", v.ID, v.Title, v.Date, v.AsReprint)
	}
	if _, err := s.Document(ctx, "reprint-a", ""); !errors.Is(err, fangtan.ErrNotFound) {
		t.Errorf("replaced: document reprint-a: %v, want not found", err)
	}

	// Deleting the article does the same.
	if n, err := w.Delete(ctx, []string{"reprint-b"}, opts); err != nil || n != 1 {
		t.Fatalf("delete reprint-b: %d, %v", n, err)
	}
	search("deleted", "客流", "reprint-c", "reprint-f")
	quotes("deleted", 2)
	if v := document("deleted", "reprint-f"); v.ID != "reprint-f" || v.AsReprint != nil || len(v.Reprints) != 0 {
		t.Errorf("deleted: document reprint-f is %s as %+v with reprints %v, want the article alone", v.ID, v.AsReprint, ids(v.Reprints))
	}
	// A reprint deleted is gone; its article stays.
	if _, err := w.Add(ctx, []fangtan.Document{doc("reprint-h", "大桥客流", "2018-11-02", reprintText)}, opts); err != nil {
		t.Fatal(err)
	}
	if n, err := w.Delete(ctx, []string{"reprint-h"}, opts); err != nil || n != 1 {
		t.Fatalf("delete reprint-h: %d, %v", n, err)
	}
	if r := document("reprint-h deleted", "reprint-f").Reprints; len(r) != 0 {
		t.Errorf("reprint-h deleted: reprint-f's reprints %v, want none", ids(r))
	}
	if _, err := s.Document(ctx, "reprint-h", ""); !errors.Is(err, fangtan.ErrNotFound) {
		t.Errorf("reprint-h deleted: document reprint-h: %v, want not found", err)
	}
}

// The paragraphs of the versions check: each two hold more than enough
// letters for a print, and the second a quotation.
const (
	versionP1 = "港珠澳大桥管理局今日公布，大桥通车后首年客流超过预期，日均往来车辆较去年同期增加三成，旅客出入境时间明显缩短。"
	versionP2 = "管理局局长在记者会上表示：“我们会继续优化口岸通关安排，方便市民和旅客往来三地，并加强大桥日常维护与安全管理。”"
	versionP3 = "管理局又指，明年将检讨收费安排，并研究增设跨境巴士班次，以应付节假日及长假期的人流高峰，详情将于今年年底前正式公布。"
	versionP4 = "有立法会议员批评，大桥配套的公共交通至今仍然不足，要求当局尽快增加屯门至口岸的巴士路线。"
)

// versionDoc is a document of the versions checks: one story's title, a
// date and paragraphs.
func versionDoc(id, date string, paras ...string) fangtan.Document {
	return fangtan.Document{ID: id, File: id + ".txt", Title: "大桥首年客流超预期", Date: date,
		Text: strings.Join(paras, "\n"), Paragraphs: paras, Source: "测试"}
}

// versions: a document under an article's title within a month of it,
// every sentence of which is one of the article's, is folded into it as a
// version (fangtan.Reprint): its words are all searchable in the article.
// One that grew, holding every sentence of an article and more, takes the
// article's place, which becomes its version with its reprints, in a
// build and in an add. Deleting an article whose reprints are all
// versions makes the first an article again, with its own text, quotes
// and hits, and the others that it holds its versions.
func versions(t *testing.T, open Open) {
	ctx := context.Background()
	doc := versionDoc
	s := open(t, []fangtan.Document{
		doc("version-a", "2018-10-24", versionP1, versionP2, versionP3),
		doc("version-b", "2018-10-26", versionP1, versionP2),
		doc("version-c", "2018-10-28", versionP1, versionP2, versionP3, versionP4),
	})
	w, ok := s.(writer)
	if !ok {
		t.Fatalf("%T cannot add or delete", s)
	}
	search := func(what, text string, want ...string) {
		t.Helper()
		res, err := s.Search(ctx, fangtan.Query{Text: text, Size: 50})
		if err != nil {
			t.Fatalf("%s: search %q: %v", what, text, err)
		}
		var hits []string
		for _, h := range res.Hits {
			hits = append(hits, h.ID)
		}
		slices.Sort(hits)
		if !slices.Equal(hits, want) || res.Total != uint64(len(want)) {
			t.Errorf("%s: search %q: %d hits %v, want %v", what, text, res.Total, hits, want)
		}
	}
	quotes := func(what string, want ...string) {
		t.Helper()
		res, err := s.SearchQuotes(ctx, fangtan.Query{Text: "优化口岸通关", Size: 50})
		if err != nil {
			t.Fatalf("%s: quotes: %v", what, err)
		}
		var got []string
		for _, h := range res.Hits {
			got = append(got, h.DocID)
		}
		slices.Sort(got)
		if !slices.Equal(got, want) {
			t.Errorf("%s: quotes of 优化口岸通关 in %v, want %v", what, got, want)
		}
	}
	reprintsOf := func(what, id string, want ...string) {
		t.Helper()
		v, err := s.Document(ctx, id, "")
		if err != nil {
			t.Fatalf("%s: document %s: %v", what, id, err)
		}
		var got []string
		for _, r := range v.Reprints {
			if !r.Version {
				t.Errorf("%s: %s's reprint %s is not marked a version", what, id, r.ID)
			}
			got = append(got, r.ID)
		}
		if v.ID != id || v.AsReprint != nil || !slices.Equal(got, want) {
			t.Errorf("%s: document %s is %s (as %+v) with reprints %v, want itself with %v", what, id, v.ID, v.AsReprint, got, want)
		}
	}

	// version-b is a version of version-a; version-c grew version-a, which
	// becomes its version together with version-b.
	search("built", `"日均往来车辆"`, "version-c")
	search("built", `"屯门至口岸"`, "version-c")
	quotes("built", "version-c")
	reprintsOf("built", "version-c", "version-a", "version-b")
	if v, err := s.Document(ctx, "version-b", ""); err != nil || v.ID != "version-c" || v.AsReprint == nil || v.AsReprint.ID != "version-b" || v.AsReprint.Date != "2018-10-26" {
		t.Errorf("built: document version-b: %+v, %v; want version-c, as the version of 2018-10-26", v, err)
	}

	opts, err := BuildOptions()
	if err != nil {
		t.Fatal(err)
	}
	stats, err := w.Add(ctx, []fangtan.Document{doc("version-d", "2018-11-01", versionP2, versionP3)}, opts)
	if err != nil || stats.Reprints != 1 || stats.Documents != 0 {
		t.Fatalf("add a version: %+v, %v; want 1 reprint, no document", stats, err)
	}
	reprintsOf("added", "version-c", "version-a", "version-b", "version-d")
	quotes("added", "version-c")

	// Deleting version-c leaves versions alone: version-a, the first, is an
	// article again with its own text; version-b and version-d, which it
	// holds, are its versions.
	if n, err := w.Delete(ctx, []string{"version-c"}, opts); err != nil || n != 1 {
		t.Fatalf("delete version-c: %d, %v", n, err)
	}
	search("deleted", `"日均往来车辆"`, "version-a")
	search("deleted", `"检讨收费安排"`, "version-a")
	search("deleted", `"屯门至口岸"`)
	quotes("deleted", "version-a")
	reprintsOf("deleted", "version-a", "version-b", "version-d")

	// An add that grows an indexed article takes its place.
	stats, err = w.Add(ctx, []fangtan.Document{doc("version-e", "2018-11-02", versionP1, versionP2, versionP3, versionP4)}, opts)
	if err != nil || stats.Reprints != 1 || stats.Documents != 1 {
		t.Fatalf("add a longer text: %+v, %v; want 1 document and 1 reprint", stats, err)
	}
	search("grown", `"日均往来车辆"`, "version-e")
	search("grown", `"屯门至口岸"`, "version-e")
	quotes("grown", "version-e")
	reprintsOf("grown", "version-e", "version-a", "version-b", "version-d")
}

// versionP2Edited and versionP3Edited are versionP2 and versionP3 with a
// word changed, as a story posted again writes them.
const (
	versionP2Edited = "管理局局长在记者会上表示：“我们会继续改善口岸通关安排，方便市民和旅客往来三地，并加强大桥日常维护与安全管理。”"
	versionP3Edited = "管理局又指，后年将检讨收费安排，并研究增设跨境巴士班次，以应付节假日及长假期的人流高峰，详情将于今年年底前正式公布。"
)

// editedVersions: a document under an article's title within a month of
// it whose sentences are the article's, some in other words, is its
// edited version, counted once; an add that grows an article and words a
// sentence of it anew takes its place, and the article becomes its
// edited version.
func editedVersions(t *testing.T, open Open) {
	ctx := context.Background()
	doc := versionDoc
	s := open(t, []fangtan.Document{
		doc("edited-a", "2018-10-24", versionP1, versionP2, versionP3),
		doc("edited-b", "2018-10-25", versionP1, versionP2Edited, versionP3),
	})
	w, ok := s.(writer)
	if !ok {
		t.Fatalf("%T cannot add or delete", s)
	}
	article := func(what, text, want string, edited ...string) {
		t.Helper()
		res, err := s.Search(ctx, fangtan.Query{Text: text, Size: 50})
		if err != nil {
			t.Fatalf("%s: search %q: %v", what, text, err)
		}
		if res.Total != 1 || len(res.Hits) != 1 || res.Hits[0].ID != want {
			t.Fatalf("%s: search %q: %d hits %+v, want %s alone", what, text, res.Total, res.Hits, want)
		}
		var got []string
		for _, r := range res.Hits[0].Reprints {
			if !r.Version || !r.Edited {
				t.Errorf("%s: %s's reprint %s is not marked an edited version: %+v", what, want, r.ID, r)
			}
			got = append(got, r.ID)
		}
		slices.Sort(got)
		if !slices.Equal(got, edited) {
			t.Errorf("%s: %s's reprints %v, want %v", what, want, got, edited)
		}
	}
	article("built", `"日均往来车辆"`, "edited-a", "edited-b")
	if v, err := s.Document(ctx, "edited-b", ""); err != nil || v.ID != "edited-a" || v.AsReprint == nil || !v.AsReprint.Edited || v.AsReprint.Text == "" {
		t.Errorf("built: document edited-b: %+v, %v; want edited-a, as its edited version with its own text", v, err)
	}

	opts, err := BuildOptions()
	if err != nil {
		t.Fatal(err)
	}
	stats, err := w.Add(ctx, []fangtan.Document{doc("edited-c", "2018-10-27", versionP1, versionP2, versionP3Edited, versionP4)}, opts)
	if err != nil || stats.Documents != 1 || stats.Reprints != 1 {
		t.Fatalf("add a longer text in other words: %+v, %v; want 1 document and 1 reprint", stats, err)
	}
	article("grown", `"日均往来车辆"`, "edited-c", "edited-a", "edited-b")
	article("grown", `"屯门至口岸"`, "edited-c", "edited-a", "edited-b")
}
