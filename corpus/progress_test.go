package corpus

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"fangtan"
)

// Options.Read sees every byte of the input files, so that a progress bar
// comparing it with their sizes reaches 100% when reading is done.
func TestLoadReportsInputRead(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"a.jsonl": `{"id":"a1","title":"标题","text":"第一篇文章的正文。"}` + "\n" + `{"id":"a2","text":"第二篇文章的正文。"}` + "\n",
		"b.html":  "<html><head><title>网页</title></head><body><nav>首页 | 新闻</nav><p>网页文章的正文，比标记短得多。</p></body></html>",
		"c.txt":   "纯文本文章\n\n正文一段。\n",
	}
	var size int64
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
		size += int64(len(data))
	}
	var read int64
	rep, err := Load(context.Background(), Options{Read: func(n int64) { read += n }}, []string{dir}, func(fangtan.Document) error { return nil })
	if err != nil {
		t.Fatal(err)
	}
	if read != size || rep.Bytes != size {
		t.Errorf("Read saw %d bytes and the report %d, of %d in the files", read, rep.Bytes, size)
	}
}
