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

func runIndexCLI(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(context.Background(), args, &out, &errb)
	return code, out.String(), errb.String()
}

// TestIndexSearchQuotesAddDelete drives the index commands end to end on
// the bundled sample corpus.
func TestIndexSearchQuotesAddDelete(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "sample.index")
	code, out, errs := runIndexCLI(t, "index", "--index", dir)
	if code != 0 || !strings.Contains(out, "indexed 10 documents") {
		t.Fatalf("index: exit %d\n%s%s", code, out, errs)
	}

	code, out, errs = runIndexCLI(t, "search", "--index", dir, "--json", "--city", "太原", "振华", "--size", "5")
	if code != 0 {
		t.Fatalf("search: exit %d %s", code, errs)
	}
	var raw map[string]json.RawMessage
	if err := json.Unmarshal([]byte(out), &raw); err != nil {
		t.Fatalf("search --json: %v\n%s", err, out)
	}
	for _, k := range []string{"query", "total", "took_ms", "hits", "facets"} {
		if _, ok := raw[k]; !ok {
			t.Errorf("search JSON lacks %q", k)
		}
	}
	var res fangtan.Result
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatal(err)
	}
	if res.Query != "振华" || res.Total == 0 || res.Hits[0].ID != "000_05aaf4ed1f0a3e45" ||
		!strings.Contains(strings.Join(res.Hits[0].Fragments, ""), "<mark>振华</mark>") {
		t.Errorf("search 振华 --city 太原: %+v", res)
	}
	for _, f := range []string{"official", "city", "province", "theme", "source", "year"} {
		if _, ok := res.Facets[f]; !ok {
			t.Errorf("no %s facet", f)
		}
	}

	// Flags after the query and exclusions that look like flags.
	code, out, errs = runIndexCLI(t, "search", "--index", dir, "转型发展", "-迎泽", "--sort", "date")
	if code != 0 || !strings.Contains(out, "results") || strings.Contains(out, "迎澤區委書記李慧") {
		t.Errorf("search with an exclusion: exit %d\n%s%s", code, out, errs)
	}

	code, out, errs = runIndexCLI(t, "quotes", "--index", dir, "--json", "--speaker", "刘振华", "口碑")
	if code != 0 {
		t.Fatalf("quotes: exit %d %s", code, errs)
	}
	var qr fangtan.QuoteResult
	if err := json.Unmarshal([]byte(out), &qr); err != nil {
		t.Fatal(err)
	}
	if qr.Total == 0 || qr.Hits[0].Speaker != "刘振华" || qr.Hits[0].DocID == "" || qr.Hits[0].Title == "" || qr.Hits[0].Paragraph < 1 {
		t.Errorf("quotes: %+v", qr)
	}
	// --kind splits the quotes into direct ones and reported speech.
	kinds := map[string]uint64{}
	for _, k := range []string{"direct", "reported"} {
		code, out, errs = runIndexCLI(t, "quotes", "--index", dir, "--json", "--kind", k, "--size", "100", "year:2021 OR year:undated OR year:2020")
		var r fangtan.QuoteResult
		if err := json.Unmarshal([]byte(out), &r); code != 0 || err != nil {
			t.Fatalf("quotes --kind %s: exit %d %v %s", k, code, err, errs)
		}
		for _, h := range r.Hits {
			if string(h.Kind) != k {
				t.Errorf("quotes --kind %s gave a %s quote", k, h.Kind)
			}
		}
		kinds[k] = r.Total
	}
	if kinds["direct"] == 0 {
		t.Errorf("no direct quotes: %v", kinds)
	}
	if code, _, errs = runIndexCLI(t, "quotes", "--index", dir, "--kind", "indirect", "口碑"); code == 0 || !strings.Contains(errs, "direct or reported") {
		t.Errorf("quotes --kind indirect: exit %d %s", code, errs)
	}

	// Adding a file again updates it: the totals do not change.
	before := cliTotal(t, dir, "year:2021 OR province:山西")
	code, out, errs = runIndexCLI(t, "add", "--index", dir, "../../corpus/sample/000_05aaf4ed1f0a3e45.txt")
	if code != 0 || !strings.Contains(out, "added 1 documents") {
		t.Fatalf("add: exit %d\n%s%s", code, out, errs)
	}
	if after := cliTotal(t, dir, "year:2021 OR province:山西"); after != before {
		t.Errorf("re-adding a file changed the total from %d to %d", before, after)
	}

	code, _, errs = runIndexCLI(t, "delete", "--index", dir, "000_05aaf4ed1f0a3e45", "no-such-id")
	if code != 1 || !strings.Contains(errs, "no-such-id") || !strings.Contains(errs, "not found") {
		t.Errorf("delete with an unknown id: exit %d, stderr %q", code, errs)
	}
	if n := cliTotal(t, dir, `"事业是拼出来的"`); n != 0 {
		t.Errorf("deleted article still found %d times", n)
	}
}

func cliTotal(t *testing.T, dir, q string) uint64 {
	t.Helper()
	code, out, errs := runIndexCLI(t, "search", "--index", dir, "--json", q)
	if code != 0 {
		t.Fatalf("search %q: exit %d %s", q, code, errs)
	}
	var res fangtan.Result
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatal(err)
	}
	return res.Total
}

func TestSearchErrors(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "nothing-here")
	for _, c := range []struct {
		args   []string
		code   int
		stderr string
	}{
		{[]string{"search", "刘振华"}, 2, "--index DIR is required"},
		{[]string{"search", "--index", missing, "刘振华"}, 1, "not a fangtan index"},
		{[]string{"quotes", "--index", missing, "刘振华"}, 1, "not a fangtan index"},
		{[]string{"add", "--index", missing}, 2, "at least one PATH"},
		{[]string{"delete", "--index", missing}, 2, "at least one ID"},
		{[]string{"index"}, 2, "--index DIR is required"},
		{[]string{"search", "--index", missing, "--size", "x", "q"}, 2, "invalid value"},
	} {
		code, _, errs := runIndexCLI(t, c.args...)
		if code != c.code || !strings.Contains(errs, c.stderr) {
			t.Errorf("%v: exit %d, stderr %q; want %d and %q", c.args, code, errs, c.code, c.stderr)
		}
	}
}

func TestSearchBadQuery(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "idx")
	if code, out, errs := runIndexCLI(t, "index", "--index", dir, "../../corpus/sample/002_6f54863fc0170bed.txt"); code != 0 {
		t.Fatalf("index: %d %s %s", code, out, errs)
	}
	for _, q := range []string{`"open`, "nosuch:x", "date:2021-13"} {
		code, out, errs := runIndexCLI(t, "search", "--index", dir, q)
		if code != 1 || out != "" || !strings.Contains(errs, "bad query") {
			t.Errorf("search %q: exit %d, stdout %q, stderr %q", q, code, out, errs)
		}
	}
	code, out, _ := runIndexCLI(t, "search", "--index", dir, "丁小強")
	if code != 0 || !strings.Contains(out, "【丁小強】") {
		t.Errorf("text output should mark matches in the original script:\n%s", out)
	}
}

// TestIndexFoldsReprints: a file repeating another's text is counted as a
// reprint, and the article's hit names it.
func TestIndexFoldsReprints(t *testing.T) {
	src := t.TempDir()
	text := strings.Repeat("港珠澳大桥管理局今日公布首年客流数字，日均往来车辆较去年同期增加三成。", 4)
	for _, name := range []string{"a.txt", "b.txt"} {
		if err := os.WriteFile(filepath.Join(src, name), []byte("大桥首年客流超预期\n\n"+text+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	dir := filepath.Join(t.TempDir(), "idx")
	code, out, errs := runIndexCLI(t, "index", "--index", dir, src)
	if code != 0 || !strings.Contains(out, "indexed 1 documents") || !strings.Contains(out, "reprints: 1 ") {
		t.Fatalf("index: exit %d\n%s%s", code, out, errs)
	}
	code, out, errs = runIndexCLI(t, "search", "--index", dir, "客流")
	if code != 0 || !strings.Contains(out, "1 results") || !strings.Contains(out, "also published as: b") {
		t.Errorf("search: exit %d\n%s%s", code, out, errs)
	}
}
