package corpus_test

import (
	"context"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"unicode/utf8"

	"fangtan"
	"fangtan/analyzer"
	"fangtan/corpus"
	"fangtan/extract"
)

var fuzzExtractor struct {
	once sync.Once
	ex   *extract.Extractor
	err  error
}

func extractorForFuzz(t testing.TB) *extract.Extractor {
	fuzzExtractor.once.Do(func() {
		seg, err := analyzer.Default()
		if err != nil {
			fuzzExtractor.err = err
			return
		}
		fuzzExtractor.ex, fuzzExtractor.err = extract.NewExtractor(seg)
	})
	if fuzzExtractor.err != nil {
		t.Fatal(fuzzExtractor.err)
	}
	return fuzzExtractor.ex
}

// fuzzExts are the kinds of file a reader is chosen by.
var fuzzExts = []string{".txt", ".html", ".md", ".jsonl", ".json"}

// FuzzLoad: whatever bytes a file holds, reading and extracting it never
// panics, every document with text has a title, its text is its
// paragraphs, and every quote lies inside the paragraph it names.
func FuzzLoad(f *testing.F) {
	page := "“事业是拼出来的”\n来源：光明日报 2021-07-02\n刘振华常说：“事业是拼出来的，口碑是干出来的。”太原市委常委、小店区委书记刘振华说。\n记者：您怎么看？\n刘振华：我们要办实事。"
	f.Add([]byte(page), uint8(0))
	f.Add([]byte("<html><head><title>标题</title><script>alert(1)</script></head><body><h1>运城市委书记</h1><p>他说：“要<img src=x onerror=alert(1)>办实事。”</p></body></html>"), uint8(1))
	f.Add([]byte("---\ntitle: 访谈\ndate: 2021-07-02\n---\n# 标题\n\n李慧表示：“开新局。”"), uint8(2))
	f.Add([]byte(`{"id":"a","title":"一","text":"他说：“好。”"}`+"\n{broken\n"+`{"title":"","text":"没有标题的正文。"}`), uint8(3))
	f.Add([]byte(`[{"title":"x","text":"y"},{"text":"只有正文"}]`), uint8(4))
	f.Add([]byte("\xb9\xe3\xb6\xab\xca\xa1\xce\xaf\xca\xe9\xbc\xc7"), uint8(0)) // GBK
	f.Add([]byte("\xe4\xb8\xad\xe5"), uint8(0))                                 // truncated UTF-8
	f.Add([]byte{}, uint8(0))
	f.Add([]byte("\x00\x01\x02PK"), uint8(1))
	ex := extractorForFuzz(f)
	f.Fuzz(func(t *testing.T, data []byte, kind uint8) {
		name := "page" + fuzzExts[int(kind)%len(fuzzExts)]
		fsys := fstest.MapFS{name: &fstest.MapFile{Data: data}}
		_, err := corpus.LoadFS(context.Background(), corpus.Options{Extractor: ex}, fsys, func(d fangtan.Document) error {
			checkDocument(t, &d, true)
			return nil
		})
		if err != nil {
			t.Fatalf("LoadFS(%s %q): %v", name, data, err)
		}
	})
}

// checkDocument checks the invariants of an extracted document; read says
// it came from a reader, which must give every article with text a title.
func checkDocument(t *testing.T, d *fangtan.Document, read bool) {
	t.Helper()
	if d.ID == "" {
		t.Fatalf("document without an id: %+v", d)
	}
	if read && strings.TrimSpace(d.Text) != "" && strings.TrimSpace(d.Title) == "" {
		t.Fatalf("document %s has text %q but no title", d.ID, d.Text)
	}
	if len(d.Paragraphs) > 0 && strings.Join(d.Paragraphs, "\n") != d.Text {
		t.Fatalf("document %s: text %q is not its paragraphs %q", d.ID, d.Text, d.Paragraphs)
	}
	for _, q := range d.Quotes {
		if q.Text == "" {
			t.Fatalf("document %s: empty quote %+v", d.ID, q)
		}
		if q.Paragraph < 0 || q.Paragraph >= len(d.Paragraphs) {
			t.Fatalf("document %s: quote %q names paragraph %d of %d", d.ID, q.Text, q.Paragraph, len(d.Paragraphs))
		}
		if !strings.Contains(d.Paragraphs[q.Paragraph], q.Text) {
			t.Fatalf("document %s: quote %q is not in paragraph %d %q", d.ID, q.Text, q.Paragraph, d.Paragraphs[q.Paragraph])
		}
	}
	for _, o := range d.Officials {
		if o.Name == "" || !utf8.ValidString(o.Name) || !utf8.ValidString(o.Title) {
			t.Fatalf("document %s: official %+v", d.ID, o)
		}
	}
}
