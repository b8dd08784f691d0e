package web

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"fangtan"
)

// End-to-end handler tests over the real index built from the sample
// corpus: what the fake cannot show (the index's own errors, facet values,
// highlighting and ids) goes through the handlers unchanged and safe.

func TestRealIndexSearchAndDrillDown(t *testing.T) {
	h, _ := testHandler(t, sampleIndex(t), Options{})
	rec := get(t, h, "/api/search?size=100&q="+url.QueryEscape("书记"))
	if rec.Code != 200 {
		t.Fatalf("status %d: %s", rec.Code, rec.Body.String())
	}
	var res fangtan.Result
	if err := json.Unmarshal(rec.Body.Bytes(), &res); err != nil {
		t.Fatal(err)
	}
	if res.Total < 2 || len(res.Facets["city"]) == 0 {
		t.Fatalf("书记: total %d, city facet %v", res.Total, res.Facets["city"])
	}
	// Every facet value the page links to finds exactly as many articles as
	// it counted, through the HTML page's own link.
	page := get(t, h, "/search?q="+url.QueryEscape("书记")).Body.String()
	for _, name := range []string{"city", "official", "year"} {
		for _, fc := range res.Facets[name] {
			link := "/search?" + url.Values{name: {fc.Value}, "q": {"书记"}}.Encode()
			if !strings.Contains(page, `href="`+strings.ReplaceAll(link, "&", "&amp;")+`"`) {
				t.Errorf("the page does not link %s", link)
				continue
			}
			body := get(t, h, link).Body.String()
			if want := `data-total="` + strconv.Itoa(fc.Count) + `"`; !strings.Contains(body, want) {
				t.Errorf("%s=%s counted %d; its page lacks %s", name, fc.Value, fc.Count, want)
			}
		}
	}
	if !strings.Contains(page, "<mark>") {
		t.Errorf("no highlighting on the real search page")
	}
}

func TestRealIndexErrors(t *testing.T) {
	h, _ := testHandler(t, sampleIndex(t), Options{})
	for _, tc := range []struct {
		target string
		status int
	}{
		{"/api/search?q=" + url.QueryEscape(`"unbalanced`), 400},
		{"/api/search?q=" + url.QueryEscape("nosuchfield:x"), 400},
		{"/search?q=" + url.QueryEscape(`"unbalanced`), 400},
		{"/api/doc/no-such-doc", 404},
		{"/doc/no-such-doc", 404},
		{"/doc/" + url.PathEscape("../../etc/passwd"), 404},
		{"/api/doc/" + url.PathEscape("../index_meta.json"), 404},
	} {
		rec := get(t, h, tc.target)
		if rec.Code != tc.status {
			t.Errorf("%s: status %d, want %d: %s", tc.target, rec.Code, tc.status, rec.Body.String())
		}
		if strings.HasPrefix(tc.target, "/api/") {
			var e apiError
			if err := json.Unmarshal(rec.Body.Bytes(), &e); err != nil || e.Error == "" {
				t.Errorf("%s: not a JSON error: %s", tc.target, rec.Body.String())
			}
		}
	}
}

func TestRealIndexHostileDocument(t *testing.T) {
	h, _ := testHandler(t, sampleIndex(t), Options{})
	for _, target := range []string{
		"/doc/" + hostileID,
		"/doc/" + hostileID + "?q=" + url.QueryEscape("营商环境"),
		"/search?q=" + url.QueryEscape("营商环境"),
		"/quotes?q=" + url.QueryEscape("营商环境"),
	} {
		rec := get(t, h, target)
		if rec.Code != 200 {
			t.Fatalf("%s: status %d", target, rec.Code)
		}
		body := rec.Body.String()
		for _, bad := range []string{"<script>window", "<img src=x", "<svg onload", "<b onclick"} {
			if strings.Contains(body, bad) {
				t.Errorf("%s holds %q", target, bad)
			}
		}
		if !strings.Contains(body, "&lt;script&gt;window.__xss") {
			t.Errorf("%s: the markup in the text is not shown as text", target)
		}
	}
}

func TestRealIndexDocumentAndQuotes(t *testing.T) {
	idx := sampleIndex(t)
	h, _ := testHandler(t, idx, Options{})
	res, err := idx.SearchQuotes(t.Context(), fangtan.Query{Text: "老百姓"})
	if err != nil || len(res.Hits) == 0 {
		t.Fatalf("no quote with 老百姓 in the sample: %v", err)
	}
	qh := res.Hits[0]
	body := get(t, h, "/quotes?q="+url.QueryEscape("老百姓")).Body.String()
	link := "/doc/" + url.PathEscape(qh.DocID) + "?p=" + strconv.Itoa(qh.Paragraph) + "&amp;q=" + url.QueryEscape("老百姓") + "&amp;ret=quotes#p" + strconv.Itoa(qh.Paragraph)
	if !strings.Contains(body, link) || !strings.Contains(body, "<mark>") {
		t.Errorf("the quote card does not link %s or lacks a mark", link)
	}
	target, _, _ := strings.Cut(strings.ReplaceAll(link, "&amp;", "&"), "#") // a browser never sends the fragment
	doc := get(t, h, target).Body.String()
	if !strings.Contains(doc, `href="/quotes?q=`+url.QueryEscape("老百姓")+`"`) {
		t.Errorf("the document opened from the quotes does not link back to them")
	}
	for _, want := range []string{`id="p` + strconv.Itoa(qh.Paragraph) + `" class="para selected"`, "<mark>", "引用本文", "第 " + strconv.Itoa(qh.Paragraph) + " 段"} {
		if !strings.Contains(doc, want) {
			t.Errorf("document page lacks %q", want)
		}
	}
	// A split page links its siblings.
	rec := get(t, h, "/api/doc/004_d3b70392c8e47f1b-3")
	var dv fangtan.DocumentView
	if err := json.Unmarshal(rec.Body.Bytes(), &dv); err != nil || len(dv.Siblings) == 0 {
		t.Fatalf("004…-3 has no siblings (%v): %s", err, rec.Body.String()[:min(200, rec.Body.Len())])
	}
	page := get(t, h, "/doc/004_d3b70392c8e47f1b-3").Body.String()
	if !strings.Contains(page, `href="/doc/`+dv.Siblings[0]+`"`) {
		t.Errorf("the split page does not link its sibling %s", dv.Siblings[0])
	}
}

func TestRealIndexExport(t *testing.T) {
	h, _ := testHandler(t, sampleIndex(t), Options{})
	rec := get(t, h, "/export.csv?q="+url.QueryEscape("书记")+"&city="+url.QueryEscape("太原"))
	if rec.Code != 200 {
		t.Fatalf("status %d: %s", rec.Code, rec.Body.String())
	}
	body := rec.Body.Bytes()
	if !bytes.HasPrefix(body, []byte("\uFEFF")) {
		t.Fatal("no BOM")
	}
	rows, err := csv.NewReader(bytes.NewReader(body[3:])).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	n, _ := strconv.Atoi(rec.Header().Get(headerRows))
	if len(rows) != n+1 || n == 0 {
		t.Fatalf("%d CSV rows for %d results", len(rows)-1, n)
	}
	for _, r := range rows[1:] {
		if strings.Contains(r[len(r)-1], "<mark>") || r[0] == "" || r[1] == "" {
			t.Errorf("bad row %q", r)
		}
	}
}

// Every example on the help page and the empty search page is a query the
// real parser accepts.
func TestRealIndexExamplesParse(t *testing.T) {
	h, _ := testHandler(t, sampleIndex(t), Options{})
	for page, least := range map[string]int{"/help": 8, "/help?lang=en": 8, "/": 5} {
		body := get(t, h, page).Body.String()
		n := 0
		for _, part := range strings.Split(body, `href="/search?`)[1:] {
			link := "/search?" + strings.ReplaceAll(part[:strings.IndexByte(part, '"')], "&amp;", "&")
			link = strings.ReplaceAll(link, "&#43;", "+")
			n++
			if rec := get(t, h, link); rec.Code != 200 {
				t.Errorf("example on %s: %s: status %d", page, link, rec.Code)
			}
		}
		if n < least {
			t.Errorf("%s: only %d example links", page, n)
		}
	}
}

// Filters without words browse the whole index.
func TestRealIndexFiltersAlone(t *testing.T) {
	h, _ := testHandler(t, sampleIndex(t), Options{})
	for _, target := range []string{"/search?city=" + url.QueryEscape("太原"), "/api/search?year=2021", "/quotes?speaker=" + url.QueryEscape("刘振华")} {
		rec := get(t, h, target)
		if rec.Code != 200 {
			t.Errorf("%s: status %d: %.300s", target, rec.Code, rec.Body.String())
			continue
		}
		if body := rec.Body.String(); strings.Contains(body, `data-total="0"`) || strings.Contains(body, `"total":0`) {
			t.Errorf("%s finds nothing", target)
		}
	}
}
