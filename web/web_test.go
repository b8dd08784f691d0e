package web

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"fangtan"
)

func testHandler(t *testing.T, s fangtan.Searcher, opts Options) (http.Handler, *bytes.Buffer) {
	t.Helper()
	var logs bytes.Buffer
	opts.Logger = slog.New(slog.NewTextHandler(&logs, nil))
	return New(s, opts), &logs
}

func get(t *testing.T, h http.Handler, target string) *httptest.ResponseRecorder {
	t.Helper()
	req := httptest.NewRequest(http.MethodGet, target, nil)
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

func TestRoutes(t *testing.T) {
	h, logs := testHandler(t, newFake(), Options{})
	tests := []struct {
		name     string
		target   string
		status   int
		ctype    string
		contains []string
		absent   []string
	}{
		{"root shows the search page", "/", 200, "text/html", []string{`<form class="search" action="/search"`, `lang="zh"`}, nil},
		{"empty search shows the welcome", "/search", 200, "text/html", []string{"class=\"welcome\""}, []string{"result-count"}},
		{"search finds and highlights", "/search?q=" + url.QueryEscape("转型发展"), 200, "text/html",
			[]string{`data-total="2"`, "<mark>转型发展</mark>", `href="/doc/a1?q=%E8%BD%AC%E5%9E%8B%E5%8F%91%E5%B1%95"`, "光明日报", "刘振华"}, nil},
		{"subject official comes first", "/search?q=" + url.QueryEscape("刘振华坚持"), 200, "text/html",
			[]string{`class="official subject">刘振华`, `href="/official/%E5%88%98%E6%8C%AF%E5%8D%8E"`}, nil},
		{"facet sidebar with counts", "/search?q=" + url.QueryEscape("转型发展"), 200, "text/html",
			[]string{`data-facet="city"`, `<span class="value">太原市</span> <span class="count">2</span>`, `href="/search?city=%E5%A4%AA%E5%8E%9F%E5%B8%82&amp;q=`}, nil},
		{"filter shows a removable chip", "/search?q=" + url.QueryEscape("转型发展") + "&theme=" + url.QueryEscape("乡村振兴"), 200, "text/html",
			[]string{`data-total="1"`, `class="chip"`, `主题：乡村振兴`, `<input type="hidden" name="theme" value="乡村振兴">`}, nil},
		{"OR within a facet", "/search?q=" + url.QueryEscape("转型发展") + "&theme=" + url.QueryEscape("乡村振兴") + "&theme=" + url.QueryEscape("转型发展"), 200, "text/html",
			[]string{`data-total="2"`}, nil},
		{"filters alone search", "/search?year=2022", 200, "text/html", []string{`data-total="2"`}, nil},
		{"no results gives hints", "/search?q=" + url.QueryEscape("不存在的词") + "&city=" + url.QueryEscape("太原市"), 200, "text/html",
			[]string{`class="noresults"`, "去掉一个筛选条件", `"不存在的词"`, "繁体与简体"}, nil},
		{"sort by date link", "/search?q=" + url.QueryEscape("转型发展"), 200, "text/html", []string{`sort=date`}, nil},
		{"english toggle", "/search?lang=en&q=" + url.QueryEscape("转型发展"), 200, "text/html",
			[]string{`lang="en"`, "2 results in", `<input type="hidden" name="lang" value="en">`, "lang=en"}, nil},
		{"bad size is a 400 on the page", "/search?q=x&size=abc", 400, "text/html", []string{"参数 size=&#34;abc&#34; 不是整数", `value="x"`}, nil},
		{"size over 100", "/search?q=x&size=101", 400, "text/html", []string{"size=101 超出范围"}, nil},
		{"from+size over the window", "/search?q=x&from=9995&size=10", 400, "text/html", []string{"from=9995", "10000"}, nil},
		{"negative from", "/search?q=x&from=-1", 400, "text/html", []string{"from=-1 是负数"}, nil},
		{"unknown sort", "/search?q=x&sort=popular", 400, "text/html", []string{`未知的排序方式 &#34;popular&#34;`}, nil},
		{"bad year", "/search?year=21", 400, "text/html", []string{"不是四位数的年份"}, nil},
		{"query too long", "/search?q=" + strings.Repeat("长", 501), 400, "text/html", []string{"长 501 个字符，上限是 500"}, nil},
		{"too many terms", "/search?q=" + strings.Repeat("a+", 33), 400, "text/html", []string{"查询有 33 个词，上限是 32"}, nil},
		{"from at MaxInt does not overflow", "/search?q=x&from=9223372036854775807", 400, "text/html", []string{"9223372036854775807"}, nil},
		{"api from at MaxInt does not overflow", "/api/search?q=x&from=9223372036854775807&size=100", 400, "application/json", []string{"from=9223372036854775807"}, nil},
		{"index says bad query", "/search?q=" + url.QueryEscape(`"open`), 400, "text/html", []string{"unbalanced quote"}, nil},
		{"internal error hides details", "/search?q=boom", 500, "text/html", []string{"服务器内部错误"}, []string{"disk on fire", "/secret/path"}},
		{"doc page", "/doc/a1?q=" + url.QueryEscape("转型发展"), 200, "text/html",
			[]string{`<h1 id="doc-title" lang="zh">事业是拼出来的</h1>`, `id="p1"`, `id="p2"`, "<mark>转型发展</mark>", "引用本文", "https://example.org/a1",
				`href="/doc/a1?p=2&amp;q=%E8%BD%AC%E5%9E%8B%E5%8F%91%E5%B1%95#p2"`, "刘振华"}, nil},
		{"doc cites a paragraph", "/doc/a1?p=2", 200, "text/html", []string{"永久链接 · 第 2 段", "a1#p2", `class="para selected"`, `/doc/a1?p=2#p2`}, nil},
		{"doc links siblings by title", "/doc/b1-1", 200, "text/html", []string{"同一页面的其他文章", `<a href="/doc/b1-2">第二篇:办实事</a>`}, nil},
		{"a post the article does not give is bracketed", "/doc/b1-1", 200, "text/html",
			[]string{`<span class="inferred" title="本文未写此职务，方括号内为本库其他报道所写的职务">[区长]</span>`}, []string{"李慧</a>(区长)"}},
		{"so it is in the results", "/search?q=" + url.QueryEscape("乡村振兴在小店"), 200, "text/html",
			[]string{`李慧<span class="title inferred" title="本文未写此职务，方括号内为本库其他报道所写的职务">[区长]</span>`}, []string{`<span class="title">(区长)</span>`}},
		{"doc in traditional keeps its script", "/doc/t1", 200, "text/html", []string{"這是繁體中文的訪談。"}, nil},
		{"unknown doc is a 404 page", "/doc/nope", 404, "text/html", []string{"找不到", "nope"}, nil},
		{"bad paragraph", "/doc/a1?p=zero", 400, "text/html", []string{"不是段落编号"}, nil},
		{"escaped slash in an id", "/doc/a%2F..%2F..%2Fetc", 404, "text/html", nil, nil},
		{"quotes page", "/quotes?q=" + url.QueryEscape("老百姓"), 200, "text/html",
			[]string{`<mark>老百姓</mark>`, "刘振华", "区委书记", `href="/doc/a1?p=2&amp;q=%E8%80%81%E7%99%BE%E5%A7%93&amp;ret=quotes#p2"`, `data-facet="speaker"`}, nil},
		{"quotes by speaker", "/quotes?speaker=" + url.QueryEscape("刘振华"), 200, "text/html", []string{`data-total="2"`, `id="speaker"`}, nil},
		{"quotes welcome", "/quotes", 200, "text/html", []string{"搜索报道中的引语"}, nil},
		{"help page", "/help", 200, "text/html", []string{"date:2021-07..2021-12", "official:", `-"短语"`, "A OR B"}, nil},
		{"help in english", "/help?lang=en", 200, "text/html", []string{"Query syntax", "exact phrase"}, nil},
		{"unknown page", "/nowhere", 404, "text/html", []string{"找不到"}, nil},
		{"stylesheet", "/static/style.css", 200, "text/css", []string{"mark"}, nil},
		{"script", "/static/suggest.js", 200, "text/javascript", []string{"/api/suggest", "datalist"}, nil},
		{"no static listing", "/static/", 404, "", nil, nil},
		{"static traversal is cleaned away", "/static/../web.go", 307, "", nil, []string{"package web"}},
		{"static traversal escaped", "/static/..%2fweb.go", 404, "", nil, []string{"package web"}},
		{"api search", "/api/search?q=" + url.QueryEscape("转型发展"), 200, "application/json", []string{`"total":2`, `"facets"`, `\u003cmark\u003e`}, nil},
		{"api search bad size", "/api/search?q=x&size=0", 400, "application/json", []string{`{"error":"size=0 is out of range: use 1 to 100"}`}, nil},
		{"api search bad query", "/api/search?q=" + url.QueryEscape(`"x`), 400, "application/json", []string{`"error":"unbalanced quote`}, nil},
		{"api search internal", "/api/search?q=boom", 500, "application/json", []string{`{"error":"internal error"}`}, []string{"disk"}},
		{"api quotes", "/api/quotes?q=" + url.QueryEscape("老百姓") + "&speaker=" + url.QueryEscape("刘振华"), 200, "application/json", []string{`"total":1`, `"doc_id":"a1"`}, nil},
		{"api doc", "/api/doc/a1?q=" + url.QueryEscape("转型"), 200, "application/json", []string{`"id":"a1"`, `"highlighted"`, `"paragraphs"`}, nil},
		{"api doc unknown", "/api/doc/nope", 404, "application/json", []string{`{"error":"document \"nope\": not found"}`}, nil},
		{"api unknown route", "/api/nothing", 404, "application/json", []string{`"error"`}, nil},
		{"api suggest", "/api/suggest?prefix=" + url.QueryEscape("刘"), 200, "application/json", []string{`"value":"刘振华"`, `"kind":"official"`}, nil},
		{"api suggest field prefix", "/api/suggest?prefix=" + url.QueryEscape("city:太"), 200, "application/json", []string{`"value":"太原市"`}, nil},
		{"api suggest empty", "/api/suggest?prefix=", 200, "application/json", []string{`"suggestions":[]`}, nil},
		{"api suggest bad limit", "/api/suggest?prefix=a&limit=500", 400, "application/json", []string{"limit=500"}, nil},
		{"export bad sort", "/export.csv?q=x&sort=nope", 400, "application/json", []string{"unknown sort"}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rec := get(t, h, tc.target)
			body := rec.Body.String()
			if rec.Code != tc.status {
				t.Fatalf("GET %s: status %d, want %d\n%s", tc.target, rec.Code, tc.status, body)
			}
			if ct := rec.Header().Get("Content-Type"); !strings.HasPrefix(ct, tc.ctype) {
				t.Errorf("Content-Type %q, want %q", ct, tc.ctype)
			}
			for _, s := range tc.contains {
				if !strings.Contains(body, s) {
					t.Errorf("GET %s: body lacks %q\n%s", tc.target, s, body)
				}
			}
			for _, s := range append(tc.absent, "goroutine ", "panic") {
				if strings.Contains(body, s) {
					t.Errorf("GET %s: body holds %q", tc.target, s)
				}
			}
		})
	}
	if !strings.Contains(logs.String(), "disk on fire") {
		t.Errorf("the internal error was not logged; logs:\n%s", logs.String())
	}
}

func TestSecurityHeadersOnEveryResponse(t *testing.T) {
	h, _ := testHandler(t, newFake(), Options{AllowedHosts: append([]string{"example.com"}, LoopbackHosts...)})
	// Every route, with the status each must answer: a document page that
	// loads as well as one that does not (the only document page checked
	// used to be a 404), and a refused host.
	for _, tc := range []struct {
		target, host string
		status       int
	}{
		{"/", "", 200},
		{"/search?q=x", "", 200},
		{"/search?size=x", "", 400},
		{"/doc/a1?q=" + url.QueryEscape("转型发展"), "", 200},
		{"/doc/nope", "", 404},
		{"/quotes?q=" + url.QueryEscape("老百姓"), "", 200},
		{"/help", "", 200},
		{"/api/search?q=" + url.QueryEscape("转型发展"), "", 200},
		{"/api/search?q=boom", "", 500},
		{"/api/quotes?q=" + url.QueryEscape("老百姓"), "", 200},
		{"/api/doc/a1", "", 200},
		{"/api/suggest?prefix=" + url.QueryEscape("刘"), "", 200},
		{"/api/nothing", "", 404},
		{"/export.csv?q=" + url.QueryEscape("转型发展"), "", 200},
		{"/export.json?q=" + url.QueryEscape("转型发展"), "", 200},
		{"/static/style.css", "", 200},
		{"/static/suggest.js", "", 200},
		{"/nowhere", "", 404},
		{"/search?q=x", "evil.example", 403},
		{"/api/search?q=x", "evil.example:8080", 403},
	} {
		req := httptest.NewRequest(http.MethodGet, tc.target, nil)
		if tc.host != "" {
			req.Host = tc.host
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		target := tc.host + tc.target
		if rec.Code != tc.status {
			t.Errorf("%s: status %d, want %d", target, rec.Code, tc.status)
		}
		hd := rec.Header()
		csp := hd.Get("Content-Security-Policy")
		for _, want := range []string{"default-src 'self'", "script-src 'self'", "style-src 'self'", "object-src 'none'", "frame-ancestors 'none'", "base-uri 'none'", "form-action 'self'"} {
			if !strings.Contains(csp, want) {
				t.Errorf("%s: CSP %q lacks %q", target, csp, want)
			}
		}
		if strings.Contains(csp, "unsafe-inline") || strings.Contains(csp, "unsafe-eval") {
			t.Errorf("%s: CSP allows inline code: %q", target, csp)
		}
		for name, want := range map[string]string{"X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer", "X-Frame-Options": "DENY"} {
			if got := hd.Get(name); got != want {
				t.Errorf("%s: %s %q, want %q", target, name, got, want)
			}
		}
	}
}

// TestHostAllowList: with AllowedHosts, a request naming another host
// answers 403 saying how to allow it, before any route runs; the names
// compare without port, case or trailing dot; without AllowedHosts every
// host is served.
func TestHostAllowList(t *testing.T) {
	allowed, _ := testHandler(t, newFake(), Options{AllowedHosts: append([]string{"news.example"}, LoopbackHosts...)})
	open, _ := testHandler(t, newFake(), Options{})
	for _, tc := range []struct {
		h      http.Handler
		host   string
		target string
		status int
		body   string
	}{
		{allowed, "127.0.0.1:8080", "/api/search?q=x", 200, ""},
		{allowed, "localhost", "/api/search?q=x", 200, ""},
		{allowed, "LOCALHOST.:8080", "/api/search?q=x", 200, ""},
		{allowed, "[::1]:8080", "/api/search?q=x", 200, ""},
		{allowed, "news.example", "/search?q=x", 200, ""},
		{allowed, "rebind.attacker.example:8080", "/api/search?q=x", 403, `"error":"this server does not answer to \"rebind.attacker.example\"; start fangtan serve with --allowed-hosts rebind.attacker.example to allow it"`},
		{allowed, "rebind.attacker.example", "/export.csv?q=x", 403, "--allowed-hosts rebind.attacker.example"},
		{allowed, "127.0.0.2", "/doc/a1", 403, "此服务器不接受这个主机名"},
		{open, "rebind.attacker.example", "/api/search?q=x", 200, ""},
	} {
		t.Run(tc.host+tc.target, func(t *testing.T) {
			req := httptest.NewRequest(http.MethodGet, tc.target, nil)
			req.Host = tc.host
			rec := httptest.NewRecorder()
			tc.h.ServeHTTP(rec, req)
			if rec.Code != tc.status || !strings.Contains(rec.Body.String(), tc.body) {
				t.Errorf("status %d, body %.300q; want %d with %q", rec.Code, rec.Body.String(), tc.status, tc.body)
			}
		})
	}
}

// The pages may not carry inline script or style: the CSP would block them,
// so they would be broken as well as unsafe.
func TestNoInlineScriptOrStyle(t *testing.T) {
	h, _ := testHandler(t, newFake(), Options{})
	for _, target := range []string{"/search?q=" + url.QueryEscape("转型发展"), "/doc/a1?q=x", "/quotes?q=" + url.QueryEscape("老百姓"), "/help", "/nowhere",
		"/kwic?q=" + url.QueryEscape("转型发展"), "/official/" + url.PathEscape("刘振华")} {
		body := get(t, h, target).Body.String()
		for _, bad := range []string{"<script>", "<style", " style=", " onclick=", " onload=", "javascript:"} {
			if strings.Contains(body, bad) {
				t.Errorf("%s holds %q", target, bad)
			}
		}
		if n := strings.Count(body, "<script"); n != 2 || !strings.Contains(body, `<script src="/static/suggest.js" defer></script>`) ||
			!strings.Contains(body, `<script src="/static/desk.js" defer></script>`) {
			t.Errorf("%s: want exactly our two external scripts, found %d script tags", target, n)
		}
	}
}

func TestScriptInQueryIsEscaped(t *testing.T) {
	h, _ := testHandler(t, newFake(), Options{})
	attack := `<script>alert(1)</script>`
	for _, target := range []string{"/search?q=", "/quotes?q=", "/doc/a1?q=", "/search?city=", "/search?size=x&q="} {
		rec := get(t, h, target+url.QueryEscape(attack))
		body := rec.Body.String()
		if strings.Contains(body, attack) || strings.Contains(body, "<script>alert") {
			t.Errorf("%s: the query comes back unescaped", target)
		}
		if !strings.Contains(body, "&lt;script&gt;alert(1)&lt;/script&gt;") {
			t.Errorf("%s: the escaped query is not shown", target)
		}
	}
	for _, target := range []string{"/api/search?q=", "/api/quotes?q=", "/api/doc/a1?q="} {
		rec := get(t, h, target+url.QueryEscape(attack))
		body := rec.Body.String()
		if strings.Contains(body, "<script") {
			t.Errorf("%s: JSON holds a raw <script>: %s", target, body)
		}
		if !json.Valid(rec.Body.Bytes()) {
			t.Errorf("%s: not JSON: %s", target, body)
		}
	}
	rec := get(t, h, "/api/search?q="+url.QueryEscape(attack))
	var res fangtan.Result
	if err := json.Unmarshal(rec.Body.Bytes(), &res); err != nil || res.Query != attack {
		t.Errorf("/api/search: query %q round-trips as %q (err %v)", attack, res.Query, err)
	}
}

// A hostile document (script in the title, onerror in the text, a
// javascript: URL) renders as text everywhere, even when the highlighter
// breaks its promise and hands back raw HTML.
func TestHostileDocumentIsInert(t *testing.T) {
	fake := newFake()
	fake.badHighlight = true
	h, _ := testHandler(t, fake, Options{})
	for _, target := range []string{"/doc/evil", "/doc/evil?q=" + url.QueryEscape("正文"), "/search?q=" + url.QueryEscape("图片"), "/search?q=" + url.QueryEscape("正文"), "/quotes?q=script"} {
		rec := get(t, h, target)
		if rec.Code != 200 {
			t.Fatalf("%s: status %d", target, rec.Code)
		}
		body := rec.Body.String()
		for _, bad := range []string{"<script>window", "<img src=x", "onerror=\"", "<svg onload", "<b>", "<i>", `href="javascript:`, "<b onclick"} {
			if strings.Contains(body, bad) {
				t.Errorf("%s holds %q", target, bad)
			}
		}
	}
}

func TestSanitizeMarked(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain 文本", "plain 文本"},
		{"a <mark>b</mark> c", "a <mark>b</mark> c"},
		{"<MARK>b</Mark>", "<mark>b</mark>"},
		{"<mark>unclosed", "<mark>unclosed</mark>"},
		{"stray</mark> close", "stray close"},
		{"<mark><mark>nested</mark></mark>", "<mark>nested</mark>"},
		{"<script>x</script>", "&lt;script&gt;x&lt;/script&gt;"},
		{`<mark onclick="x">a</mark>`, "&lt;mark onclick=&#34;x&#34;&gt;a"},
		{"<img src=x onerror=alert(1)>", "&lt;img src=x onerror=alert(1)&gt;"},
		{"&lt;kept&gt; &amp; &#34; &#x4E2D; &copy;", "&lt;kept&gt; &amp; &#34; &#x4E2D; &copy;"},
		{"AT&T & &bogus; &#; &#xZZ;", "AT&amp;T &amp; &amp;bogus; &amp;#; &amp;#xZZ;"},
		{"it's", "it&#39;s"},
		{"nul\x00", "nul\uFFFD"},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			if got := sanitizeMarked(tc.in); got != tc.want {
				t.Errorf("sanitizeMarked(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
	if got := plainText("<mark>刘振华</mark> &amp; &lt;b&gt;"); got != "刘振华 & <b>" {
		t.Errorf("plainText = %q", got)
	}
}

func FuzzSanitizeMarked(f *testing.F) {
	for _, s := range []string{"a<mark>b</mark>", "<script>", "&amp;&#x;", "<mark><mark>", "</mark>"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := sanitizeMarked(s)
		rest := strings.ReplaceAll(strings.ReplaceAll(out, markOpen, ""), markClose, "")
		if strings.ContainsAny(rest, "<>\"'") {
			t.Fatalf("sanitizeMarked(%q) = %q leaves markup", s, out)
		}
		if strings.Count(out, markOpen) != strings.Count(out, markClose) {
			t.Fatalf("sanitizeMarked(%q) = %q: unbalanced marks", s, out)
		}
		if sanitizeMarked(out) != out {
			t.Fatalf("sanitizeMarked is not idempotent on %q", s)
		}
	})
}

func TestExportCSV(t *testing.T) {
	h, _ := testHandler(t, newFake(), Options{})
	rec := get(t, h, "/export.csv?q="+url.QueryEscape("转型发展"))
	if rec.Code != 200 {
		t.Fatalf("status %d: %s", rec.Code, rec.Body.String())
	}
	if cd := rec.Header().Get("Content-Disposition"); !strings.HasPrefix(cd, "attachment;") || !strings.Contains(cd, ".csv") {
		t.Errorf("Content-Disposition %q", cd)
	}
	if ct := rec.Header().Get("Content-Type"); ct != "text/csv; charset=utf-8" {
		t.Errorf("Content-Type %q", ct)
	}
	body := rec.Body.Bytes()
	if !bytes.HasPrefix(body, []byte{0xEF, 0xBB, 0xBF}) {
		t.Fatalf("CSV does not start with the UTF-8 BOM: % x", body[:min(8, len(body))])
	}
	rows, err := csv.NewReader(bytes.NewReader(body[3:])).ReadAll()
	if err != nil {
		t.Fatalf("CSV does not parse: %v", err)
	}
	if len(rows) != 3 {
		t.Fatalf("want a header and 2 rows, got %d: %q", len(rows), rows)
	}
	if strings.Join(rows[0], ",") != strings.Join(csvHeader, ",") {
		t.Errorf("header %q", rows[0])
	}
	col := map[string]int{}
	for i, name := range rows[0] {
		col[name] = i
	}
	var a1, b1 []string
	for _, r := range rows[1:] {
		switch r[col["id"]] {
		case "a1":
			a1 = r
		case "b1-1":
			b1 = r
		}
	}
	if a1 == nil || b1 == nil {
		t.Fatalf("row a1 or b1-1 missing: %q", rows)
	}
	// A post the article does not give is the editor's, in brackets.
	if got := b1[col["officials"]]; got != "李慧[区长]" {
		t.Errorf("b1-1 officials = %q, want 李慧[区长]", got)
	}
	for name, want := range map[string]string{
		"title": "事业是拼出来的", "source": "光明日报", "date": "2021-07-02", "url": "https://example.org/a1",
		"officials": "刘振华(太原市委常委、小店区委书记); 李慧(区长)", "places": "山西省; 太原市", "themes": "转型发展",
		"fragment": "刘振华坚持转型发展。",
	} {
		if got := a1[col[name]]; got != want {
			t.Errorf("%s = %q, want %q", name, got, want)
		}
	}
	if rec.Header().Get(headerRows) != "2" || rec.Header().Get(headerTruncated) != "false" {
		t.Errorf("export headers rows=%q truncated=%q", rec.Header().Get(headerRows), rec.Header().Get(headerTruncated))
	}
}

func TestExportDefusesFormulas(t *testing.T) {
	for in, want := range map[string]string{"=HYPERLINK(1)": "'=HYPERLINK(1)", "@SUM": "'@SUM", "-2+3": "'-2+3", "普通": "普通", "": ""} {
		if got := cell(in); got != want {
			t.Errorf("cell(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestExportJSONPagesAndCaps(t *testing.T) {
	fake := newFake()
	for i := range 250 {
		d := doc("gen"+strconv.Itoa(i), "批量文章", "2020-01-01", "测试", nil, nil, nil, nil, "批量正文")
		fake.docs = append(fake.docs, d)
	}
	h, _ := testHandler(t, fake, Options{ExportLimit: 230})
	before := fake.searches.Load()
	rec := get(t, h, "/export.json?q="+url.QueryEscape("批量"))
	if rec.Code != 200 {
		t.Fatalf("status %d: %s", rec.Code, rec.Body.String())
	}
	var exp Export
	if err := json.Unmarshal(rec.Body.Bytes(), &exp); err != nil {
		t.Fatal(err)
	}
	if exp.Total != 250 || exp.Rows != 230 || len(exp.Results) != 230 || !exp.Truncated || exp.Limit != 230 {
		t.Errorf("total=%d rows=%d len=%d truncated=%v limit=%d", exp.Total, exp.Rows, len(exp.Results), exp.Truncated, exp.Limit)
	}
	if n := fake.searches.Load() - before; n != 1 {
		t.Errorf("export made %d searches, want one pass", n)
	}
	if rec.Header().Get(headerTruncated) != "true" || rec.Header().Get(headerTotal) != "250" {
		t.Errorf("headers %v", rec.Header())
	}
	seen := map[string]bool{}
	for _, r := range exp.Results {
		if seen[r.ID] {
			t.Fatalf("duplicate row %s", r.ID)
		}
		seen[r.ID] = true
	}
}

func TestSlowSearchAnswers503(t *testing.T) {
	h, logs := testHandler(t, newFake(), Options{SearchTimeout: 50 * time.Millisecond})
	start := time.Now()
	rec := get(t, h, "/api/search?q=slow")
	if rec.Code != http.StatusServiceUnavailable {
		t.Fatalf("status %d, want 503: %s", rec.Code, rec.Body.String())
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("a slow search held the request for %v", d)
	}
	if !strings.Contains(rec.Body.String(), "temporarily unavailable") {
		t.Errorf("body %s", rec.Body.String())
	}
	rec = get(t, h, "/search?q=slow")
	if rec.Code != http.StatusServiceUnavailable || !strings.Contains(rec.Body.String(), "暂时无法完成搜索") {
		t.Errorf("HTML: status %d", rec.Code)
	}
	if !strings.Contains(logs.String(), "search unavailable") {
		t.Errorf("not logged: %s", logs.String())
	}
}

func TestPanicIsA500WithoutStack(t *testing.T) {
	h, logs := testHandler(t, newFake(), Options{})
	rec := get(t, h, "/api/search?q=panic")
	if rec.Code != 500 || strings.Contains(rec.Body.String(), "fake searcher") {
		t.Errorf("status %d body %q", rec.Code, rec.Body.String())
	}
	if !strings.Contains(logs.String(), "fake searcher panic") {
		t.Errorf("panic not logged")
	}
}

func TestOnlyGET(t *testing.T) {
	h, _ := testHandler(t, newFake(), Options{})
	for _, target := range []string{"/search", "/api/search", "/export.csv", "/doc/a1", "/anything"} {
		req := httptest.NewRequest(http.MethodPost, target, strings.NewReader("q=x"))
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code != http.StatusMethodNotAllowed {
			t.Errorf("POST %s: status %d, want 405", target, rec.Code)
		}
		if rec.Header().Get("Content-Security-Policy") == "" {
			t.Errorf("POST %s: no CSP", target)
		}
	}
}

func TestOddIDsStayInTheirSegment(t *testing.T) {
	fake := newFake()
	odd := "a/b?c#d e"
	fake.docs = append(fake.docs, doc(odd, "奇怪的编号", "2020-01-01", "测试", nil, nil, nil, nil, "正文"))
	h, _ := testHandler(t, fake, Options{})
	target := "/doc/" + url.PathEscape(odd)
	rec := get(t, h, target)
	if rec.Code != 200 || !strings.Contains(rec.Body.String(), "奇怪的编号") {
		t.Fatalf("GET %s: status %d", target, rec.Code)
	}
	if want := `href="` + target + `?lang=en"`; !strings.Contains(rec.Body.String(), want) {
		t.Errorf("the language link is not %s", want)
	}
	body := get(t, h, "/search?q="+url.QueryEscape("奇怪")).Body.String()
	if !strings.Contains(body, `href="`+target+`?q=`) {
		t.Errorf("the hit does not link %s", target)
	}
}

func TestPaginationLinks(t *testing.T) {
	fake := newFake()
	for i := range 35 {
		fake.docs = append(fake.docs, doc("p"+strconv.Itoa(i), "分页文章", "2020-01-01", "测试", nil, nil, nil, nil, "分页正文"))
	}
	h, _ := testHandler(t, fake, Options{})
	body := get(t, h, "/search?q="+url.QueryEscape("分页")+"&from=10").Body.String()
	for _, want := range []string{`rel="prev"`, `rel="next"`, `<span aria-current="page">2</span>`, "第 11–20 条", `from=20`} {
		if !strings.Contains(body, want) {
			t.Errorf("page 2 lacks %q", want)
		}
	}
	last := get(t, h, "/search?q="+url.QueryEscape("分页")+"&from=30").Body.String()
	if strings.Contains(last, `rel="next"`) {
		t.Errorf("last page links a next page")
	}
}

func TestResponsesAreComplete(t *testing.T) {
	// Every HTML page parses as one document: the template ran to the end.
	h, _ := testHandler(t, newFake(), Options{})
	for _, target := range []string{"/", "/search?q=x", "/doc/a1", "/quotes?q=x", "/help"} {
		body, _ := io.ReadAll(get(t, h, target).Body)
		if !bytes.HasSuffix(bytes.TrimSpace(body), []byte("</html>")) {
			t.Errorf("%s: page is incomplete", target)
		}
	}
}

// With every search slot taken, a request waits only until its own
// deadline and then answers 503: a flood cannot queue work forever.
func TestConcurrencyCap(t *testing.T) {
	fake := newFake()
	fake.block, fake.blocked = make(chan struct{}), make(chan struct{}, 1)
	h, _ := testHandler(t, fake, Options{MaxConcurrent: 1, SearchTimeout: 10 * time.Second})
	done := make(chan int)
	go func() { done <- get(t, h, "/api/search?q=block").Code }()
	<-fake.blocked

	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	req := httptest.NewRequest(http.MethodGet, "/api/search?q="+url.QueryEscape("转型"), nil).WithContext(ctx)
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	if rec.Code != http.StatusServiceUnavailable {
		t.Errorf("a request waiting for a slot: status %d, want 503", rec.Code)
	}
	close(fake.block)
	if code := <-done; code != 200 {
		t.Errorf("the blocking search: status %d", code)
	}
	if rec := get(t, h, "/api/search?q="+url.QueryEscape("转型")); rec.Code != 200 {
		t.Errorf("after the slot is free: status %d", rec.Code)
	}
}

// TestDisconnectIsNotAnOverload: a client that goes away while its search
// waits for a slot is logged as a disconnect, not as the WARN "search
// unavailable" of a real overload, which a deadline still gets.
func TestDisconnectIsNotAnOverload(t *testing.T) {
	for _, tc := range []struct {
		name    string
		ctx     func() (context.Context, context.CancelFunc)
		want    string
		notWant string
	}{
		{"client disconnects", func() (context.Context, context.CancelFunc) {
			ctx, cancel := context.WithCancel(context.Background())
			time.AfterFunc(100*time.Millisecond, cancel)
			return ctx, cancel
		}, "client disconnected", "search unavailable"},
		{"the wait runs out", func() (context.Context, context.CancelFunc) {
			return context.WithTimeout(context.Background(), 100*time.Millisecond)
		}, "level=WARN msg=\"search unavailable\"", "client disconnected"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fake := newFake()
			fake.block, fake.blocked = make(chan struct{}), make(chan struct{}, 1)
			h, logs := testHandler(t, fake, Options{MaxConcurrent: 1, SearchTimeout: 10 * time.Second})
			done := make(chan int)
			go func() { done <- get(t, h, "/api/search?q=block").Code }()
			<-fake.blocked
			ctx, cancel := tc.ctx()
			defer cancel()
			req := httptest.NewRequest(http.MethodGet, "/api/search?q="+url.QueryEscape("转型"), nil).WithContext(ctx)
			h.ServeHTTP(httptest.NewRecorder(), req)
			close(fake.block)
			<-done
			if !strings.Contains(logs.String(), tc.want) || strings.Contains(logs.String(), tc.notWant) {
				t.Errorf("logs %q, want %q and not %q", logs.String(), tc.want, tc.notWant)
			}
		})
	}
}

// TestPerClientLimit: one client with PerClient searches running and
// PerClientQueued waiting gets 429 at once for the next, saying why, while
// another client's search is answered straight away; the first client is
// served again once its searches end.
func TestPerClientLimit(t *testing.T) {
	fake := newFake()
	fake.block, fake.blocked = make(chan struct{}), make(chan struct{}, 4)
	h, _ := testHandler(t, fake, Options{MaxConcurrent: 4, PerClient: 1, PerClientQueued: 1, SearchTimeout: 10 * time.Second})
	from := func(ip, target string, timeout time.Duration) *httptest.ResponseRecorder {
		ctx, cancel := context.WithTimeout(context.Background(), timeout)
		defer cancel()
		req := httptest.NewRequest(http.MethodGet, target, nil).WithContext(ctx)
		req.RemoteAddr = ip + ":40000"
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		return rec
	}
	done := make(chan int, 2)
	go func() { done <- from("10.0.0.1", "/api/search?q=block", 10*time.Second).Code }()
	<-fake.blocked // A's first search runs
	go func() { done <- from("10.0.0.1", "/api/search?q=block", 10*time.Second).Code }()
	time.Sleep(50 * time.Millisecond) // A's second waits for A's slot

	// Well under the search timeout: a 429 answers at once; without the
	// limit this request would wait in the queue.
	rec := from("10.0.0.1", "/api/search?q="+url.QueryEscape("转型"), 2*time.Second)
	if rec.Code != http.StatusTooManyRequests || !strings.Contains(rec.Body.String(), "too many searches from this client") {
		t.Errorf("A's third search: %d %s, want 429 saying why", rec.Code, rec.Body.String())
	}
	if rec := from("10.0.0.1", "/search?q="+url.QueryEscape("转型"), 2*time.Second); rec.Code != http.StatusTooManyRequests || !strings.Contains(rec.Body.String(), "同时进行的搜索太多") {
		t.Errorf("A's third search as a page: %d", rec.Code)
	}
	if rec := from("10.0.0.2", "/api/search?q="+url.QueryEscape("转型"), 2*time.Second); rec.Code != 200 {
		t.Errorf("B's search while A is at its limit: %d %s", rec.Code, rec.Body.String())
	}
	close(fake.block)
	for range 2 {
		if code := <-done; code != 200 {
			t.Errorf("A's blocked searches: %d", code)
		}
	}
	if rec := from("10.0.0.1", "/api/search?q="+url.QueryEscape("转型"), 2*time.Second); rec.Code != 200 {
		t.Errorf("A after its searches ended: %d", rec.Code)
	}
}

// reprinting is the fake with one reprint, a1 published again as a1-copy.
type reprinting struct {
	*fakeSearcher
	r fangtan.Reprint
}

func (s reprinting) Document(ctx context.Context, id, q string) (*fangtan.DocumentView, error) {
	var as *fangtan.Reprint
	if id == s.r.ID {
		id, as = s.r.Of, &s.r
	}
	v, err := s.fakeSearcher.Document(ctx, id, q)
	if err != nil {
		return nil, err
	}
	v.AsReprint, v.Reprints = as, []fangtan.Reprint{s.r}
	return v, nil
}

func (s reprinting) Search(ctx context.Context, q fangtan.Query) (*fangtan.Result, error) {
	res, err := s.fakeSearcher.Search(ctx, q)
	for i := range res.Hits {
		if res.Hits[i].ID == s.r.Of {
			res.Hits[i].Reprints = []fangtan.Reprint{s.r}
		}
	}
	return res, err
}

// TestReprintsShown: an article's page lists the ids the source published
// it under again, a reprint's id says whose reprint it is, and a hit says
// it was published again.
func TestReprintsShown(t *testing.T) {
	r := fangtan.Reprint{ID: "a1-copy", Of: "a1", Title: "事业是拼出来的（转载）", Date: "2021-07-03", URL: "https://example.org/copy"}
	h, _ := testHandler(t, reprinting{newFake(), r}, Options{})
	for _, tc := range []struct{ target, want string }{
		{"/doc/a1", "a1-copy"},
		{"/doc/a1", "事业是拼出来的（转载）"},
		{"/doc/a1", `href="https://example.org/copy"`},
		{"/doc/a1-copy", "a1-copy 是本文的转载"},
		{"/doc/a1-copy?lang=en", "a1-copy is a reprint of this article"},
		{"/search?q=" + url.QueryEscape("转型发展"), "另以 1 个编号刊出"},
	} {
		rec := get(t, h, tc.target)
		if rec.Code != 200 || !strings.Contains(rec.Body.String(), tc.want) {
			t.Errorf("%s: status %d, want %q in the page", tc.target, rec.Code, tc.want)
		}
	}
	if rec := get(t, h, "/doc/a2"); strings.Contains(rec.Body.String(), "是本文的转载") {
		t.Errorf("/doc/a2 says it is a reprint")
	}
}
