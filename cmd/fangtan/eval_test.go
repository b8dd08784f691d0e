package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func goldFiles(t *testing.T) []string {
	t.Helper()
	files, err := filepath.Glob("../../testdata/gold/*.json")
	if err != nil || len(files) == 0 {
		t.Fatalf("no gold files: %v", err)
	}
	return files
}

// TestEvalGoldFloors is the gate make test keeps: extraction scored on the
// team's gold must not drop below the scores in testdata/gold/floors.json,
// the figures of the closing note that added them. Raise them when
// extraction improves; never lower them to let a change through.
func TestEvalGoldFloors(t *testing.T) {
	var stdout, stderr bytes.Buffer
	args := append([]string{"eval", "--floors", "../../testdata/eval-floors.json"}, goldFiles(t)...)
	if code := run(context.Background(), args, &stdout, &stderr); code != 0 {
		t.Fatalf("fangtan eval: exit %d\n%s%s", code, stderr.String(), stdout.String())
	}
	t.Logf("\n%s", stdout.String())
	for _, field := range []string{"| officials |", "| provinces |", "| cities |", "| districts |", "| quotes |", "| quote speakers |", "| reported |", "| reported speakers |"} {
		if !strings.Contains(stdout.String(), field) {
			t.Errorf("table lacks %s", field)
		}
	}
}

// TestEvalFailures: floors not met, and malformed gold or floor files, are
// errors that say which score or which file and line.
func TestEvalFailures(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	gold := goldFiles(t)[0]
	for _, tc := range []struct {
		name string
		args []string
		want string
	}{
		{"floor not met", []string{"--floors", write("high.json", `{"officials": {"recall": 1.0, "precision": 1.0}}`), gold}, "officials recall"},
		{"unknown field", []string{"--floors", write("bad.json", `{"officers": {"recall": 0.5}}`), gold}, `unknown field "officers"`},
		{"gold syntax", []string{write("broken.json", "{\"items\": [\n{\"id\": \"x\",\n]}")}, "broken.json:3"},
		{"quote not in its paragraph", []string{write("q.json", `{"items": [{"id": "x", "title": "t", "paragraphs": ["甲乙丙"], "quotes": [{"paragraph": 1, "text": "丁", "speaker": ""}]}]}`)}, `"丁" is not in paragraph 1`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := run(context.Background(), append([]string{"eval"}, tc.args...), &stdout, &stderr)
			if code == 0 || !strings.Contains(stderr.String(), tc.want) {
				t.Errorf("exit %d, stderr %q; want a failure saying %q", code, stderr.String(), tc.want)
			}
		})
	}
}
