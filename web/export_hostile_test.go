package web

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"net/url"
	"strings"
	"testing"
	"unicode/utf8"

	"fangtan"
)

// hostileStarts are the first characters a spreadsheet may read as the
// start of a formula, ASCII and full-width.
var hostileStarts = []string{"=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠"}

// TestExportDefusesEveryColumn exports, through /export.csv and
// /export.json, one document per hostile first character, with that
// character at the start of every exported column (id, title, source, date,
// url, file, author, officials, places, themes, fragment, reprints). In the CSV no cell may
// start with one (each gets a leading apostrophe); the JSON, which no
// spreadsheet reads, carries every value unchanged. (Before, the defusing
// was tested alone, and a CSV column written without it went unnoticed.)
func TestExportDefusesEveryColumn(t *testing.T) {
	var docs []fangtan.Document
	for i, p := range hostileStarts {
		d := doc(fmt.Sprintf("%sid%d", p, i), p+"SUM(A1)标题", p+"2021", p+"来源",
			[]fangtan.Official{{Name: p + "官员", Title: "书记"}}, []string{p + "城市"}, nil, []string{p + "主题"},
			p+"导出测试正文")
		d.File = p + "file.txt"
		d.Authors = []string{p + "作者"}
		d.URL = p + "HYPERLINK(\"http://evil.example\")"
		docs = append(docs, d)
	}
	reprints := map[string][]fangtan.Reprint{}
	for _, d := range docs {
		reprints[d.ID] = []fangtan.Reprint{{ID: d.ID + "copy", Of: d.ID}}
	}
	h, _ := testHandler(t, &fakeSearcher{docs: docs, reprints: reprints}, Options{})
	q := "q=" + url.QueryEscape("导出测试")

	rec := get(t, h, "/export.csv?"+q)
	if rec.Code != 200 {
		t.Fatalf("/export.csv: %d %s", rec.Code, rec.Body.String())
	}
	rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(rec.Body.String(), utf8BOM))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != len(docs)+1 {
		t.Fatalf("%d CSV rows, want a header and %d", len(rows), len(docs))
	}
	for _, row := range rows[1:] {
		for i, c := range row {
			r, _ := utf8.DecodeRuneInString(c)
			if strings.ContainsRune(formulaStarts, r) {
				t.Errorf("CSV column %s starts with %q: %q", csvHeader[i], r, c)
			}
			// The paragraph number and the permalink are fangtan's own,
			// never the corpus's: they need no defusing.
			if h := csvHeader[i]; h != "paragraph" && h != "permalink" && !strings.HasPrefix(c, "'") {
				t.Errorf("CSV column %s of a hostile row is not defused: %q", csvHeader[i], c)
			}
		}
	}

	rec = get(t, h, "/export.json?"+q)
	if rec.Code != 200 {
		t.Fatalf("/export.json: %d %s", rec.Code, rec.Body.String())
	}
	var exp Export
	if err := json.Unmarshal(rec.Body.Bytes(), &exp); err != nil {
		t.Fatal(err)
	}
	if len(exp.Results) != len(docs) {
		t.Fatalf("%d JSON rows, want %d", len(exp.Results), len(docs))
	}
	for _, row := range exp.Results {
		p, _, _ := strings.Cut(row.ID, "id")
		for name, v := range map[string]string{"id": row.ID, "title": row.Title, "source": row.Source, "date": row.Date,
			"url": row.URL, "file": row.File, "official": row.Officials[0].Name, "place": row.Places[0],
			"theme": row.Themes[0], "fragment": strings.NewReplacer("<mark>", "", "</mark>", "").Replace(row.Fragment)} {
			if !strings.HasPrefix(v, p) {
				t.Errorf("JSON %s %q does not keep its value (starting %q)", name, v, p)
			}
		}
	}
}
