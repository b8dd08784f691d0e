package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestAnalyzeCommand(t *testing.T) {
	tests := []struct {
		name     string
		args     []string
		wantCode int
		wantOut  []string // substrings of stdout
		wantErr  string   // substring of stderr
	}{
		{"word", []string{"analyze", "丁小強書記"}, 0, []string{"TERM", "丁小强", "0      9      1  丁小強", "书记"}, ""},
		{"exact", []string{"analyze", "--exact", "辦實"}, 0, []string{"办实", "0      6      1  辦實"}, ""},
		{"no text", []string{"analyze"}, 2, nil, "usage: fangtan analyze"},
		{"bad flag", []string{"analyze", "--nope", "x"}, 2, nil, "nope"},
		{"missing dict dir", []string{"analyze", "--dict-dir", filepath.Join(os.TempDir(), "fangtan-no-such-dir"), "x"}, 1, nil, "fangtan-no-such-dir"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := run(context.Background(), tt.args, &stdout, &stderr)
			if code != tt.wantCode {
				t.Fatalf("exit %d, want %d; stderr: %s", code, tt.wantCode, stderr.String())
			}
			for _, w := range tt.wantOut {
				if !strings.Contains(stdout.String(), w) {
					t.Errorf("stdout lacks %q:\n%s", w, stdout.String())
				}
			}
			if !strings.Contains(stderr.String(), tt.wantErr) {
				t.Errorf("stderr lacks %q:\n%s", tt.wantErr, stderr.String())
			}
		})
	}
}

func TestAnalyzeJSON(t *testing.T) {
	var stdout, stderr bytes.Buffer
	if code := run(context.Background(), []string{"analyze", "--json", "ＧＤＰ增長"}, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	var toks []analyzedToken
	if err := json.Unmarshal(stdout.Bytes(), &toks); err != nil {
		t.Fatalf("%v in %s", err, stdout.String())
	}
	want := []analyzedToken{
		{Term: "gdp", Start: 0, End: 9, Position: 1, Text: "ＧＤＰ"},
		{Term: "增长", Start: 9, End: 15, Position: 4, Text: "增長"},
	}
	if len(toks) != len(want) {
		t.Fatalf("got %+v, want %+v", toks, want)
	}
	for i := range want {
		if toks[i] != want[i] {
			t.Errorf("token %d = %+v, want %+v", i, toks[i], want[i])
		}
	}
}
