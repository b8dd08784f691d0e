package corpus

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// FuzzDocuments: any bytes, read as a text, HTML or Markdown page, give
// documents whose text is their paragraphs, with an id and a title, and
// never a panic.
func FuzzDocuments(f *testing.F) {
	files, _ := filepath.Glob("sample/*.txt")
	more, _ := filepath.Glob("testdata/pages/*/*")
	for _, p := range append(files, more...) {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(b, uint8(0))
		}
	}
	f.Add([]byte("标题\n(张三)\n1938年7月1日\n正文。\n——访\n本报记者 李四"), uint8(0))
	f.Add([]byte("<html><body><h1>标题</h1><p>正文。</p></body></html>"), uint8(1))
	f.Add([]byte("---\ntitle: x\n---\n# 标题\n正文"), uint8(2))
	f.Add([]byte("\u2004。\n\u2002\n"), uint8(0))
	f.Fuzz(func(t *testing.T, data []byte, format uint8) {
		var p page
		switch format % 3 {
		case 0:
			text, err := decodeText(data, false)
			if err != nil {
				return
			}
			p = page{lines: strings.Split(text, "\n")}
		case 1:
			text, err := decodeText(data, true)
			if err != nil {
				return
			}
			if p, err = parseHTML(text); err != nil {
				return
			}
		case 2:
			text, err := decodeText(data, false)
			if err != nil {
				return
			}
			p = parseMarkdown(text)
		}
		p.file, p.stem = "f.txt", "f"
		for _, d := range documents(p) {
			if d.Text != strings.Join(d.Paragraphs, "\n") {
				t.Fatalf("%s: text is not the paragraphs", d.ID)
			}
			if d.ID == "" || strings.TrimSpace(d.Title) == "" {
				t.Fatalf("document without id or title: %+v", d)
			}
			for _, para := range d.Paragraphs {
				if strings.TrimFunc(para, isSpace) != para || para == "" {
					t.Fatalf("%s: untrimmed or empty paragraph %q", d.ID, para)
				}
			}
		}
	})
}
