package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fangtan"
)

func TestExtractJSON(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "empty.txt"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	code := run(context.Background(), []string{"extract", "--json", "--page-only", "../../corpus/sample/004_d3b70392c8e47f1b.txt", dir}, &stdout, &stderr)
	if code != 0 {
		t.Fatalf("exit %d, stderr %s", code, stderr.String())
	}
	lines := strings.Split(strings.TrimSpace(stdout.String()), "\n")
	if len(lines) != 6 {
		t.Fatalf("%d JSON lines, want 6 articles", len(lines))
	}
	var d fangtan.Document
	if err := json.Unmarshal([]byte(lines[1]), &d); err != nil {
		t.Fatal(err)
	}
	if d.ID != "004_d3b70392c8e47f1b-2" || d.Title != "全市各民主党派庆祝中国共产党成立100周年座谈会举行" || d.Authors[0] != "胡平" {
		t.Errorf("second article: %+v", d)
	}
	if !strings.Contains(stderr.String(), "empty.txt: empty file") {
		t.Errorf("stderr %q should name the empty file and why", stderr.String())
	}
}

func TestExtractNothingReadable(t *testing.T) {
	var stdout, stderr bytes.Buffer
	code := run(context.Background(), []string{"extract", "--page-only", filepath.Join(t.TempDir(), "missing.txt")}, &stdout, &stderr)
	if code == 0 {
		t.Fatal("exit 0 when nothing could be read")
	}
	if !strings.Contains(stderr.String(), "missing.txt") {
		t.Errorf("stderr %q should name the missing file", stderr.String())
	}
}

// TestExtractWithExtractor runs the whole pipeline, jieba included, on the
// embedded sample and prints readable text.
func TestExtractWithExtractor(t *testing.T) {
	var stdout, stderr bytes.Buffer
	code := run(context.Background(), []string{"extract"}, &stdout, &stderr)
	if code != 0 {
		t.Fatalf("exit %d, stderr %s", code, stderr.String())
	}
	out := stdout.String()
	for _, want := range []string{"== 000_05aaf4ed1f0a3e45", "title:     “事业是拼出来的,口碑是干出来的”", "source:    人民网-山西频道", "article 6 of 6"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q", want)
		}
	}
}
