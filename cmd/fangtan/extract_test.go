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
	// A quotation and reported speech are told apart, as the JSON's kind does.
	for _, want := range []string{"== 000_05aaf4ed1f0a3e45", "title:     “事业是拼出来的,口碑是干出来的”", "source:    人民网-山西频道", "article 6 of 6", "\nquote:     ", "\nreported:  "} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q", want)
		}
	}
}

// A --themes file replaces the built-in themes: 001 (Traditional) is tagged
// with a theme only this file knows, matched after folding, and none of the
// built-in ones; a malformed file is refused with its name and line.
func TestExtractThemesFile(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "themes.txt")
	if err := os.WriteFile(good, []byte("# newsroom themes\n锦绣太原: 錦繡太原城\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	code := run(context.Background(), []string{"extract", "--json", "--themes", good, "../../corpus/sample/001_8e3ade1e0b12d944.txt"}, &stdout, &stderr)
	if code != 0 {
		t.Fatalf("exit %d, stderr %s", code, stderr.String())
	}
	var d fangtan.Document
	if err := json.Unmarshal(stdout.Bytes(), &d); err != nil {
		t.Fatal(err)
	}
	if len(d.Themes) != 1 || d.Themes[0] != "锦绣太原" {
		t.Errorf("themes %q, want only the file's 锦绣太原", d.Themes)
	}

	bad := filepath.Join(dir, "bad.txt")
	if err := os.WriteFile(bad, []byte("锦绣太原:\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	stdout.Reset()
	stderr.Reset()
	code = run(context.Background(), []string{"extract", "--themes", bad, "../../corpus/sample/001_8e3ade1e0b12d944.txt"}, &stdout, &stderr)
	if code == 0 {
		t.Fatal("a theme without phrases was accepted")
	}
	if !strings.Contains(stderr.String(), "bad.txt") {
		t.Errorf("stderr %q should name the theme file", stderr.String())
	}
}
