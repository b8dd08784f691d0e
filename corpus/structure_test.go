package corpus

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"fangtan"
	"fangtan/analyzer"
	"fangtan/extract"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden from the current output (review every change by hand)")

// structureGolden is what the golden files pin for one page: its articles'
// page-level metadata and where their text begins and ends.
type structureGolden struct {
	File     string            `json:"file"`
	Articles []articleGolden   `json:"articles"`
	Problems []json.RawMessage `json:"problems,omitempty"`
}

type articleGolden struct {
	ID         string   `json:"id"`
	Part       int      `json:"part"`
	Title      string   `json:"title"`
	Date       string   `json:"date"`
	Source     string   `json:"source"`
	Authors    []string `json:"authors"`
	Paragraphs int      `json:"paragraphs"`
	First      string   `json:"first"` // the first paragraph's first 20 characters
	Last       string   `json:"last"`  // the last paragraph's first 20 characters
}

func loadAll(t testing.TB, paths ...string) ([]fangtan.Document, Report) {
	t.Helper()
	var docs []fangtan.Document
	rep, err := Load(context.Background(), Options{}, paths, func(d fangtan.Document) error {
		docs = append(docs, d)
		return nil
	})
	if err != nil {
		t.Fatalf("Load(%v): %v", paths, err)
	}
	return docs, rep
}

func goldenOf(file string, docs []fangtan.Document) structureGolden {
	g := structureGolden{File: file}
	for _, d := range docs {
		a := articleGolden{ID: d.ID, Part: d.Part, Title: d.Title, Date: d.Date, Source: d.Source, Authors: d.Authors, Paragraphs: len(d.Paragraphs)}
		if n := len(d.Paragraphs); n > 0 {
			a.First = prefixRunes(d.Paragraphs[0], 20)
			a.Last = prefixRunes(d.Paragraphs[n-1], 20)
		}
		g.Articles = append(g.Articles, a)
	}
	return g
}

// chromeWords must never reach an article's text, in either script.
var chromeWords = []string{"返回顶部", "返回頂部", "小字号", "小字號", "责编", "責編", "分享到", "分享让更多人看到", "分享讓更多人看到",
	"版权所有", "版權所有", "免责声明", "English", "首页", "人民网>>", "人民網>>", "点击进入专题", "點擊進入專題", "光明网邮箱", "脚本", "样式也不是"}

func checkInvariants(t *testing.T, docs []fangtan.Document) {
	t.Helper()
	ids := map[string]bool{}
	for _, d := range docs {
		if ids[d.ID] {
			t.Errorf("duplicate id %s", d.ID)
		}
		ids[d.ID] = true
		if d.Title == "" {
			t.Errorf("%s: empty title", d.ID)
		}
		if d.Text != strings.Join(d.Paragraphs, "\n") {
			t.Errorf("%s: Text is not the paragraphs joined by newlines", d.ID)
		}
		for i, p := range d.Paragraphs {
			if p == "" || strings.TrimSpace(p) != p {
				t.Errorf("%s: paragraph %d is empty or untrimmed: %q", d.ID, i, p)
			}
		}
		for _, w := range chromeWords {
			if strings.Contains(d.Text, w) || strings.Contains(d.Title, w) {
				t.Errorf("%s: site chrome %q in the text", d.ID, w)
			}
		}
		if d.Date != "" && (len(d.Date) != 10 || d.Date[4] != '-' || d.Date[7] != '-') {
			t.Errorf("%s: date %q is not YYYY-MM-DD", d.ID, d.Date)
		}
	}
}

// TestSampleStructure pins titles, dates, sources, authors and article
// boundaries of the five sample pages. The golden values were checked by
// hand against the pages; rerun with -update only to review a diff.
func TestSampleStructure(t *testing.T) {
	files, err := filepath.Glob("sample/*.txt")
	if err != nil || len(files) != 5 {
		t.Fatalf("want the 5 sample pages, got %v (%v)", files, err)
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			docs, rep := loadAll(t, f)
			if len(rep.Problems) > 0 {
				t.Fatalf("problems: %v", rep.Problems)
			}
			checkInvariants(t, docs)
			checkGolden(t, filepath.Join("testdata", "golden", "structure", strings.TrimSuffix(filepath.Base(f), ".txt")+".json"), goldenOf(filepath.Base(f), docs))
		})
	}
}

// TestTestdataPagesStructure does the same for pages written for this
// package, in layouts the samples do not have.
func TestTestdataPagesStructure(t *testing.T) {
	for _, f := range []string{"double_news.txt", "single_with_subheads.txt", "wire_leads.txt", "paper_page.txt", "xinhua_style.txt", "site/renmin_style.html", "site/table_layout.html", "site/semantic.html", "site/div_paragraphs.html", "site/interview.md"} {
		t.Run(f, func(t *testing.T) {
			docs, rep := loadAll(t, filepath.Join("testdata", "pages", f))
			if len(rep.Problems) > 0 {
				t.Fatalf("problems: %v", rep.Problems)
			}
			checkInvariants(t, docs)
			name := strings.ReplaceAll(strings.TrimSuffix(f, filepath.Ext(f)), "/", "_")
			checkGolden(t, filepath.Join("testdata", "golden", "structure", "pages_"+name+".json"), goldenOf(filepath.Base(f), docs))
		})
	}
}

func checkGolden(t *testing.T, path string, got structureGolden) {
	t.Helper()
	data, err := json.MarshalIndent(got, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	data = append(data, '\n')
	if *update {
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("read golden (run with -update to create it, then review it): %v", err)
	}
	if string(want) != string(data) {
		t.Errorf("%s differs from the output\n--- want\n%s\n--- got\n%s", path, want, data)
	}
}

// TestSample004Splits checks the newspaper page by what it must be, not
// by the golden file: six articles, each with its own title, and no
// article carrying another's text.
func TestSample004Splits(t *testing.T) {
	docs, _ := loadAll(t, "sample/004_d3b70392c8e47f1b.txt")
	wantTitles := []string{
		"在党史学习教育中砥砺为民初心 全方位推进山西高质量发展",
		"全市各民主党派庆祝中国共产党成立100周年座谈会举行",
		"市公安局党委表彰“两优一先”",
		"中共太原历史上的今天",
		"学党史 践初心 服务企业促转型",
		"用群众“有获得”来检验成效",
	}
	if len(docs) != len(wantTitles) {
		t.Fatalf("got %d articles, want %d", len(docs), len(wantTitles))
	}
	for i, d := range docs {
		if d.Title != wantTitles[i] {
			t.Errorf("article %d title %q, want %q", i+1, d.Title, wantTitles[i])
		}
		if d.Part != i+1 || len(d.Siblings) != len(docs)-1 {
			t.Errorf("article %d: part %d, %d siblings", i+1, d.Part, len(d.Siblings))
		}
		for j, o := range docs {
			if i == j {
				continue
			}
			for _, p := range d.Paragraphs {
				probe := prefixRunes(p, 15)
				if utf8.RuneCountInString(probe) >= 10 && strings.Contains(o.Text, probe) {
					t.Errorf("article %d's paragraph %q also appears in article %d", i+1, probe, j+1)
				}
			}
			if strings.Contains(d.Text, o.Title) && o.Title != "" {
				t.Errorf("article %d carries article %d's title %q", i+1, j+1, o.Title)
			}
		}
	}
	// Where each article's text starts and what it must not contain.
	mustStart := []string{"党史学习教育官网和人民网联合专访山西省委书记林武", "本报讯 6月30日,全市各民主党派", "本报讯 6月30日,市公安局党委", "1938年7月1日", "——访市委工信工委副书记崔俊林", "——访杏花岭区委书记李文权"}
	for i, d := range docs {
		if !strings.HasPrefix(d.Text, mustStart[i]) {
			t.Errorf("article %d starts %q, want %q", i+1, prefixRunes(d.Text, 30), mustStart[i])
		}
	}
	for _, bad := range []string{"政务之要", "深入开展党史学习教育", "县(市、区)委书记、市直工(党)委书记专访", "(胡平)", "(张临山)", "本报记者 李杰华"} {
		for i, d := range docs {
			if strings.Contains(d.Text, bad) {
				t.Errorf("article %d's text holds page furniture %q", i+1, bad)
			}
		}
	}
	// The column break inside 林武's answer is mended.
	if !strings.Contains(docs[0].Text, "确保人民安居乐业") {
		t.Errorf("paragraph broken by the page layout was not joined")
	}
	// The page prints no date: none is guessed from 6月30日.
	for _, d := range docs {
		if d.Date != "" {
			t.Errorf("%s: date %q guessed for an undated page", d.ID, d.Date)
		}
	}
}

// TestIDsAreStable reads the same input twice, once from disk and once
// from the embedded sample.
func TestIDsAreStable(t *testing.T) {
	a, _ := loadAll(t, "sample")
	b, _ := loadAll(t, "sample")
	var c []fangtan.Document
	if _, err := LoadFS(context.Background(), Options{}, Sample(), func(d fangtan.Document) error { c = append(c, d); return nil }); err != nil {
		t.Fatal(err)
	}
	if len(a) != 10 || len(b) != len(a) || len(c) != len(a) {
		t.Fatalf("documents: %d, %d, %d; want 10 each", len(a), len(b), len(c))
	}
	for i := range a {
		if a[i].ID != b[i].ID || a[i].ID != c[i].ID || a[i].File != c[i].File || a[i].Text != c[i].Text {
			t.Errorf("document %d: ids %s / %s / %s, files %s / %s", i, a[i].ID, b[i].ID, c[i].ID, a[i].File, c[i].File)
		}
	}
}

// TestLoadConcurrently: Load keeps no shared state, so parallel loads give
// the same documents (run with -race).
func TestLoadConcurrently(t *testing.T) {
	want, _ := loadAll(t, "sample")
	errs := make(chan string, 4)
	for range 4 {
		go func() {
			var got []fangtan.Document
			_, err := Load(context.Background(), Options{}, []string{"sample"}, func(d fangtan.Document) error { got = append(got, d); return nil })
			switch {
			case err != nil:
				errs <- err.Error()
			case len(got) != len(want):
				errs <- "different number of documents"
			default:
				for i := range got {
					if got[i].ID != want[i].ID || got[i].Text != want[i].Text {
						errs <- "document " + got[i].ID + " differs"
						return
					}
				}
				errs <- ""
			}
		}()
	}
	for range 4 {
		if e := <-errs; e != "" {
			t.Error(e)
		}
	}
}

// TestSingleArticlePagesStayWhole: section heads, dash-led heads and a
// closing byline do not split an article.
func TestSingleArticlePagesStayWhole(t *testing.T) {
	pages := map[string][]string{
		"dash section heads": {"专访某市委书记:以实干推动高质量发展", "本报记者 孙立", "记者:今年有哪些重点工作?",
			"书记:我们重点抓好三件事。", "——着力完善城市基础设施", "实施新建道路工程十一个,城市交通更加顺畅。", "——着力提升公共服务水平", "新建幼儿园三十所,群众满意度明显提升。"},
		"short subheads":    {"扎根基层的“老书记”", "2020-11-05 来源:示范日报", "清晨六点,他已经走在村里的小路上。", "一条路", "路通了,日子才有奔头。", "一片林", "荒山变成了经济林。", "(本报记者 孙立)"},
		"two-line subheads": {"陵城:狠抓落实", "□记者 任婧婉", "近日,我区召开会议。", "走出“文件堆”", "一线寻求“源头活水”", "2月28日,街道书记到村里走访调研。"},
	}
	for name, lines := range pages {
		t.Run(name, func(t *testing.T) {
			docs := documents(page{file: "x.txt", stem: "x", lines: lines})
			if len(docs) != 1 {
				for _, d := range docs {
					t.Logf("%s: %q %q", d.ID, d.Title, d.Paragraphs)
				}
				t.Fatalf("split into %d articles", len(docs))
			}
			if docs[0].Title != lines[0] || len(docs[0].Authors) != 1 {
				t.Errorf("title %q, authors %v", docs[0].Title, docs[0].Authors)
			}
		})
	}
}

// TestCloseUndoneByUntitledText: a name in parentheses that text without a
// headline follows was part of the text, not a byline.
func TestCloseUndoneByUntitledText(t *testing.T) {
	for name, lines := range map[string][]string{
		"own line":   {"某村来了新书记", "村民们说起他就竖大拇指。", "(李四)", "这是村民写给他的信里的署名。"},
		"trailing":   {"某村来了新书记", "信的末尾写着:谢谢您。(李四)", "村民们说起他就竖大拇指。"},
		"byline row": {"某村来了新书记", "村民们说起他就竖大拇指。", "李四", "信上只签了这两个字。"},
	} {
		t.Run(name, func(t *testing.T) {
			docs := documents(page{file: "x.txt", stem: "x", lines: lines})
			if len(docs) != 1 {
				t.Fatalf("split into %d articles", len(docs))
			}
			if len(docs[0].Authors) != 0 || !strings.Contains(docs[0].Text, "李四") || len(docs[0].Paragraphs) != len(lines)-1 {
				t.Errorf("authors %v, paragraphs %q", docs[0].Authors, docs[0].Paragraphs)
			}
		})
	}
}

// TestParallelExtractionKeepsOrder: with Workers the documents come out in
// the same order and with the same extraction as without, and an emit
// error stops the load.
func TestParallelExtractionKeepsOrder(t *testing.T) {
	seg, err := analyzer.Default()
	if err != nil {
		t.Fatalf("segmenter: %v", err)
	}
	ex, err := extract.NewExtractor(seg)
	if err != nil {
		t.Fatal(err)
	}
	collect := func(workers int) []fangtan.Document {
		var docs []fangtan.Document
		rep, err := Load(context.Background(), Options{Extractor: ex, Workers: workers}, []string{"sample", "testdata/pages"}, func(d fangtan.Document) error {
			docs = append(docs, d)
			return nil
		})
		if err != nil || rep.Documents != len(docs) {
			t.Fatalf("workers %d: %v, report counts %d of %d", workers, err, rep.Documents, len(docs))
		}
		return docs
	}
	one, four := collect(1), collect(4)
	if len(one) != len(four) || len(one) < 15 {
		t.Fatalf("%d documents sequentially, %d in parallel", len(one), len(four))
	}
	for i := range one {
		a, _ := json.Marshal(one[i])
		b, _ := json.Marshal(four[i])
		if string(a) != string(b) {
			t.Errorf("document %d (%s) differs in parallel", i, one[i].ID)
		}
	}
	if len(one[0].Officials) == 0 {
		t.Errorf("the extractor did not run: %+v", one[0])
	}
	stop := errors.New("enough")
	n := 0
	rep, err := Load(context.Background(), Options{Extractor: ex, Workers: 3}, []string{"sample"}, func(fangtan.Document) error {
		n++
		if n == 2 {
			return stop
		}
		return nil
	})
	if !errors.Is(err, stop) || n != 2 || rep.Documents != 1 {
		t.Errorf("emit error: err %v after %d emits, report counts %d", err, n, rep.Documents)
	}
}
