package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestRun audits a small archive: a word registered as an official would
// be listed, and the officials of a clean archive are not.
func TestRun(t *testing.T) {
	dir := t.TempDir()
	corpus := filepath.Join(dir, "news.jsonl")
	records := `{"id":"a","title":"会见","text":"国家主席习近平在北京会见俄罗斯总统普京。\n俄总统特别代表德米特里耶夫20日表示，会谈富有成效。"}
{"id":"b","title":"会议","text":"本次常委会会议为期两天。国务院总理李强出席。"}
`
	if err := os.WriteFile(corpus, []byte(records), 0o644); err != nil {
		t.Fatal(err)
	}
	var out strings.Builder
	names := filepath.Join(dir, "names.tsv")
	places := filepath.Join(dir, "places.tsv")
	if err := run(&out, names, places, []string{corpus}); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(names)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"习近平\t1\t国家主席\t", "普京\t1\t俄罗斯总统\t俄罗斯", "德米特里耶夫\t1\t俄总统特别代表\t俄罗斯", "李强\t1\t国务院总理\t"} {
		if !strings.Contains(string(got), want+"\n") {
			t.Errorf("names lack %q:\n%s", want, got)
		}
	}
	for _, junk := range []string{"特别", "本次"} {
		if strings.Contains(string(got), junk+"\t") {
			t.Errorf("%s registered:\n%s", junk, got)
		}
	}
	if p, err := os.ReadFile(places); err != nil || !strings.Contains(string(p), "city\t北京市\t1\n") {
		t.Errorf("places (%v):\n%s", err, p)
	}
	// 普京 is a word jieba tags ns: listed for a reader to judge.
	if !strings.Contains(out.String(), "普京/ns") || !strings.Contains(out.String(), "4 registered") {
		t.Errorf("report:\n%s", out.String())
	}
}
