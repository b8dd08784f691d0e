package web

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"fangtan"
)

// The research desk's routes on the fake searcher: every new route and
// parameter, and their bad input.

func TestDeskRoutes(t *testing.T) {
	h, _ := testHandler(t, newFake(), Options{})
	esc := url.QueryEscape
	tests := []struct {
		name     string
		target   string
		status   int
		ctype    string
		contains []string
		absent   []string
	}{
		// timeline
		{"timeline above the results", "/search?q=" + esc("转型发展"), 200, "text/html",
			[]string{`<svg class="histogram"`, `data-period="2021"`, `data-period="2022"`, `date_from=2021&amp;date_to=2021&amp;q=`, `name="date_from"`}, nil},
		{"date range narrows", "/search?q=" + esc("转型发展") + "&date_from=2022&date_to=2022", 200, "text/html",
			[]string{`data-total="1"`, `日期：2022–2022`, `value="2022"`}, nil},
		{"bad date range", "/search?q=" + esc("转型发展") + "&date_from=2022&date_to=2021", 400, "text/html",
			[]string{"日期范围 2022 至 2021 的结束早于开始", `value="转型发展"`}, nil},
		{"bad date", "/api/search?q=x&date_from=2021-13", 400, "application/json",
			[]string{`"error":"parameter date_from=\"2021-13\" is not a date`}, nil},
		{"api timeline", "/api/search?q=" + esc("转型发展"), 200, "application/json", []string{`"timeline":{"unit":"year"`}, nil},
		// errors follow the page's language
		{"english errors on the english page", "/search?lang=en&q=x&size=abc", 400, "text/html", []string{"parameter size=&#34;abc&#34; is not a whole number"}, []string{"不是整数"}},
		{"chinese 404 message", "/nowhere", 404, "text/html", []string{"没有这个页面：/nowhere"}, nil},
		// KWIC
		{"kwic page", "/kwic?q=" + esc("转型发展"), 200, "text/html",
			[]string{`data-total="2"`, `<td class="match"><mark>转型发展</mark></td>`, `href="/doc/a1?p=1&amp;q=%E8%BD%AC%E5%9E%8B%E5%8F%91%E5%B1%95&amp;ret=kwic#p1"`, `/kwic.csv?`}, nil},
		{"kwic welcome", "/kwic", 200, "text/html", []string{"列出短语在所有匹配文章中的每一次出现"}, nil},
		{"kwic of one character", "/kwic?q=" + esc("事"), 400, "text/html", []string{"至少要有两个字"}, nil},
		{"api kwic of one character", "/api/kwic?q=" + esc("事"), 400, "application/json", []string{"at least two characters"}, nil},
		{"kwic bad width", "/kwic?q=" + esc("转型") + "&width=0", 400, "text/html", []string{"width=0 超出范围"}, nil},
		{"kwic bad order", "/api/kwic?q=" + esc("转型") + "&order=middle", 400, "application/json", []string{`unknown order \"middle\"`}, nil},
		{"kwic without a phrase", "/api/kwic?city=" + esc("太原"), 400, "application/json", []string{"needs a word"}, nil},
		// official pages
		{"official page", "/official/" + url.PathEscape("刘振华"), 200, "text/html",
			[]string{`<h1 id="official-title" lang="zh">刘振华</h1>`, "太原市委常委、小店区委书记", `href="/official/%E6%9D%8E%E6%85%A7"`, "共 1 篇文章、2 条引语", `href="/quotes?speaker=%E5%88%98%E6%8C%AF%E5%8D%8E"`, "转型发展要久久为功", "转述"}, nil},
		{"unknown official", "/official/" + url.PathEscape("无此人"), 404, "text/html", []string{"索引中没有名为 &#34;无此人&#34; 的官员"}, nil},
		{"api unknown official", "/api/official/" + url.PathEscape("无此人"), 404, "application/json", []string{`no official named \"无此人\"`}, nil},
		{"api official", "/api/official/" + url.PathEscape("李慧"), 200, "application/json", []string{`"name":"李慧"`, `"articles":2`}, nil},
		{"official names link to their page", "/doc/a1", 200, "text/html", []string{`<a href="/official/%E5%88%98%E6%8C%AF%E5%8D%8E">刘振华</a>`}, nil},
		// quotes: kind, dates, sort, speaker suggestions
		{"reported speech only", "/quotes?speaker=" + esc("刘振华") + "&kind=reported", 200, "text/html",
			[]string{`data-total="1"`, "转型发展要久久为功", `<option value="reported" selected>`}, []string{"检验政绩"}},
		{"bad kind", "/api/quotes?q=x&kind=indirect", 400, "application/json", []string{`unknown kind \"indirect\"`}, nil},
		{"api quote hits carry kind, URL and paragraph from 1", "/api/quotes?q=" + esc("老百姓"), 200, "application/json",
			[]string{`"kind":"direct"`, `"url":"https://example.org/a1"`, `"paragraph":2`}, nil},
		{"api doc quotes count paragraphs from 1", "/api/doc/a1", 200, "application/json", []string{`"speaker":"刘振华","speaker_title":"区委书记","kind":"","paragraph":2`}, nil},
		{"quotes sorted by date", "/quotes?speaker=" + esc("刘振华") + "&sort=oldest", 200, "text/html", []string{`<strong aria-current="true">最早</strong>`}, nil},
		{"speaker suggestions", "/api/suggest?kind=speaker&prefix=" + esc("刘"), 200, "application/json", []string{`"kind":"speaker"`}, []string{`"kind":"official"`}},
		{"box suggestions leave speakers out", "/api/suggest?prefix=" + esc("刘"), 200, "application/json", []string{`"kind":"official"`}, []string{`"kind":"speaker"`}},
		{"bad suggestion kind", "/api/suggest?kind=x&prefix=a", 400, "application/json", []string{"kind="}, nil},
		// state and facets
		{"NOT chip", "/search?q=" + esc("转型发展") + "&not_city=" + esc("太原市"), 200, "text/html",
			[]string{`data-total="0"`, `class="chip not"`, "排除 城市：太原市"}, nil},
		{"facet values offer exclusion", "/search?q=" + esc("转型发展"), 200, "text/html",
			[]string{`class="facet-not"`, `not_city=%E5%A4%AA%E5%8E%9F%E5%B8%82`}, nil},
		{"hits keep the state", "/search?q=" + esc("转型发展") + "&city=" + esc("太原市") + "&sort=date", 200, "text/html",
			[]string{`href="/doc/a1?city=%E5%A4%AA%E5%8E%9F%E5%B8%82&amp;q=%E8%BD%AC%E5%9E%8B%E5%8F%91%E5%B1%95&amp;sort=date"`,
				`<input type="hidden" name="sort" value="date">`, `<input type="hidden" name="city" value="太原市">`}, nil},
		{"back to results keeps filters, sort and page", "/doc/a1?q=x&city=" + esc("太原市") + "&sort=date&from=10&date_from=2021", 200, "text/html",
			[]string{`href="/search?city=%E5%A4%AA%E5%8E%9F%E5%B8%82&amp;date_from=2021&amp;from=10&amp;q=x&amp;sort=date"`}, nil},
		{"back to quotes", "/doc/a1?q=x&ret=quotes", 200, "text/html", []string{`href="/quotes?q=x"`}, nil},
		{"bad ret", "/doc/a1?ret=elsewhere", 400, "text/html", []string{"ret="}, nil},
		{"no phrase hint for a query with filters", "/search?q=" + esc("不存在 city:太原"), 200, "text/html",
			[]string{`class="noresults"`}, []string{"用引号搜索精确短语"}},
		{"phrase hint for plain words", "/search?q=" + esc("不存在的词"), 200, "text/html", []string{"用引号搜索精确短语"}, nil},
		{"more is only a facet", "/search?q=x&more=colour", 400, "text/html", []string{"more="}, nil},
		{"bad exclusion", "/search?q=x&not_city=" + strings.Repeat("长", 101), 400, "text/html", []string{"not_city"}, nil},
		// feed and home page
		{"feed link on the results", "/search?q=" + esc("转型发展"), 200, "text/html",
			[]string{`<link rel="alternate" type="application/atom+xml" href="/feed.atom?q=%E8%BD%AC%E5%9E%8B%E5%8F%91%E5%B1%95">`}, nil},
		{"bad feed", "/feed.atom?q=" + esc(`"x`), 400, "application/json", []string{"unbalanced"}, nil},
		{"home page says what is indexed", "/", 200, "text/html",
			[]string{"本索引收录 5 篇文章、4 条引语", "日期范围：2020-01-05 至 2023-01-01", `href="/official/%E6%9D%8E%E6%85%A7"`, `href="/search?source=`}, nil},
		{"api overview", "/api/overview", 200, "application/json", []string{`"articles":5`}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rec := get(t, h, tc.target)
			body := rec.Body.String()
			if rec.Code != tc.status {
				t.Fatalf("GET %s: status %d, want %d\n%.3000s", tc.target, rec.Code, tc.status, body)
			}
			if ct := rec.Header().Get("Content-Type"); !strings.HasPrefix(ct, tc.ctype) {
				t.Errorf("Content-Type %q, want %q", ct, tc.ctype)
			}
			for _, s := range tc.contains {
				if !strings.Contains(body, s) {
					t.Errorf("GET %s: body lacks %q", tc.target, s)
				}
			}
			for _, s := range tc.absent {
				if strings.Contains(body, s) {
					t.Errorf("GET %s: body holds %q", tc.target, s)
				}
			}
		})
	}
}

// readCSV checks the BOM and returns the rows.
func readCSV(t *testing.T, body []byte) [][]string {
	t.Helper()
	if !bytes.HasPrefix(body, []byte("\uFEFF")) {
		t.Fatalf("no BOM: %.40q", body)
	}
	rows, err := csv.NewReader(bytes.NewReader(body[3:])).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

// TestQuotePostFromRegistry: a speaker's post the article does not give
// is the editor's, in brackets, wherever a quote is cited; JSON keeps the
// post as it is and says so.
func TestQuotePostFromRegistry(t *testing.T) {
	d := doc("r1", "乡村振兴在小店", "2022-03-01", "人民日报",
		[]fangtan.Official{{Name: "李慧", Title: "区长", Inferred: true}}, nil, nil, nil,
		"李慧说：“乡村振兴要久久为功。”")
	d.Quotes = []fangtan.Quote{{Text: "乡村振兴要久久为功。", Speaker: "李慧", SpeakerTitle: "区长", SpeakerTitleInferred: true, Kind: fangtan.QuoteDirect}}
	h, _ := testHandler(t, &fakeSearcher{docs: []fangtan.Document{d}}, Options{})
	rows := readCSV(t, get(t, h, "/quotes.csv?speaker="+url.QueryEscape("李慧")).Body.Bytes())
	if len(rows) != 2 || rows[1][1] != "[区长]" {
		t.Errorf("quotes.csv rows %q, want the post [区长]", rows)
	}
	var exp QuoteExport
	if err := json.Unmarshal(get(t, h, "/quotes.json?speaker="+url.QueryEscape("李慧")).Body.Bytes(), &exp); err != nil ||
		len(exp.Quotes) != 1 || exp.Quotes[0].Post != "区长" || !exp.Quotes[0].PostInferred {
		t.Errorf("quotes.json %+v (%v), want post 区长 marked inferred", exp, err)
	}
	for _, target := range []string{"/quotes?speaker=" + url.QueryEscape("李慧"), "/doc/r1"} {
		if body := get(t, h, target).Body.String(); !strings.Contains(body, "<strong>李慧</strong></a>,[区长]") && !strings.Contains(body, "<strong>李慧</strong>,[区长]") {
			t.Errorf("%s does not bracket the post: %s", target, body)
		}
	}
}

func TestQuoteExport(t *testing.T) {
	h, _ := testHandler(t, newFake(), Options{})
	rec := get(t, h, "/quotes.csv?speaker="+url.QueryEscape("刘振华"))
	if rec.Code != 200 {
		t.Fatalf("status %d: %s", rec.Code, rec.Body.String())
	}
	rows := readCSV(t, rec.Body.Bytes())
	want := []string{"speaker", "post", "kind", "quote", "title", "source", "date", "paragraph", "permalink", "url", "doc_id"}
	if strings.Join(rows[0], ",") != strings.Join(want, ",") || len(rows) != 3 {
		t.Fatalf("rows %q", rows)
	}
	kinds := map[string]string{}
	for _, r := range rows[1:] {
		kinds[r[3]] = r[2]
		if r[8] != "http://example.com/doc/a1?p="+r[7]+"#p"+r[7] || r[9] != "https://example.org/a1" {
			t.Errorf("row %q: permalink or url wrong", r)
		}
	}
	if kinds["转型发展要久久为功"] != "reported" || kinds["把为老百姓做了多少好事实事作为检验政绩的重要标准。"] != "direct" {
		t.Errorf("kinds %v", kinds)
	}
	cd := rec.Header().Get("Content-Disposition")
	day := time.Now().Format("2006-01-02")
	if !strings.Contains(cd, `filename="fangtan-quotes-`+day+`.csv"`) {
		t.Errorf("Content-Disposition %q", cd)
	}
	// A query names the file.
	rec = get(t, h, "/quotes.json?q="+url.QueryEscape("老百姓"))
	if cd := rec.Header().Get("Content-Disposition"); !strings.Contains(cd, "filename*=UTF-8''"+url.PathEscape("fangtan-quotes-老百姓-"+day+".json")) {
		t.Errorf("Content-Disposition %q", cd)
	}
	var exp QuoteExport
	if err := json.Unmarshal(rec.Body.Bytes(), &exp); err != nil || exp.Rows != 1 || exp.Quotes[0].Paragraph != 2 || exp.Quotes[0].Kind != "direct" {
		t.Errorf("json export %+v (%v)", exp, err)
	}
	// Formulas are neutralised.
	rows = readCSV(t, get(t, h, "/quotes.csv?q=HYPERLINK").Body.Bytes())
	if len(rows) != 2 || rows[1][0] != "'@某人" || rows[1][1] != "'+1" || !strings.HasPrefix(rows[1][3], "'=HYPERLINK") {
		t.Errorf("formula cells not neutralised: %q", rows)
	}
	// Nothing matching: a header, no rows, and headers that say so.
	rec = get(t, h, "/quotes.csv?q="+url.QueryEscape("没有这句话"))
	rows = readCSV(t, rec.Body.Bytes())
	if rec.Code != 200 || len(rows) != 1 || rec.Header().Get(headerRows) != "0" || rec.Header().Get(headerTotal) != "0" {
		t.Errorf("empty export: %d, rows %q, headers %v", rec.Code, rows, rec.Header())
	}
	// Bad input is a JSON 400.
	if rec := get(t, h, "/quotes.csv?q=x&kind=bogus"); rec.Code != 400 {
		t.Errorf("bad kind: %d", rec.Code)
	}
}

func TestArticleExportCitationColumns(t *testing.T) {
	h, _ := testHandler(t, newFake(), Options{})
	rec := get(t, h, "/export.csv?q="+url.QueryEscape("转型发展"))
	rows := readCSV(t, rec.Body.Bytes())
	head := strings.Join(rows[0], ",")
	for _, col := range []string{"author", "paragraph", "permalink"} {
		if !strings.Contains(head, col) {
			t.Errorf("header %q lacks %s", head, col)
		}
	}
	if !strings.Contains(rec.Header().Get("Content-Disposition"), "filename*=UTF-8''"+url.PathEscape("fangtan-export-转型发展-")) {
		t.Errorf("Content-Disposition %q", rec.Header().Get("Content-Disposition"))
	}
	rec = get(t, h, "/export.csv?q="+url.QueryEscape("没有的词"))
	if rows := readCSV(t, rec.Body.Bytes()); rec.Code != 200 || len(rows) != 1 {
		t.Errorf("empty export: %d %q", rec.Code, rows)
	}
}

func TestKWICSortAndCSV(t *testing.T) {
	h, _ := testHandler(t, newFake(), Options{})
	lines := func(order string) []fangtan.KWICLine {
		rec := get(t, h, "/api/kwic?width=3&q="+url.QueryEscape("转型发展")+"&order="+order)
		var res fangtan.KWICResult
		if err := json.Unmarshal(rec.Body.Bytes(), &res); err != nil {
			t.Fatal(err, rec.Body.String())
		}
		return res.Lines
	}
	left := lines("left")
	if len(left) != 2 {
		t.Fatalf("lines %+v", left)
	}
	// Left contexts sort by their last character: 坚持 (持) before 谈乡村振兴与 (与).
	if compareReversed(left[0].Left, left[1].Left) > 0 {
		t.Errorf("left order %q, %q", left[0].Left, left[1].Left)
	}
	byDate := lines("date")
	if byDate[0].Date < byDate[1].Date {
		t.Errorf("date order %+v", byDate)
	}
	rec := get(t, h, "/kwic.csv?q="+url.QueryEscape("转型发展"))
	rows := readCSV(t, rec.Body.Bytes())
	if len(rows) != 3 || rows[0][1] != "match" || rows[1][1] != "转型发展" {
		t.Errorf("kwic csv %q", rows)
	}
	rec = get(t, h, "/kwic.csv?q="+url.QueryEscape("没有的词"))
	if rows := readCSV(t, rec.Body.Bytes()); len(rows) != 1 {
		t.Errorf("empty kwic csv %q", rows)
	}
}

func TestFeed(t *testing.T) {
	h, _ := testHandler(t, newFake(), Options{})
	rec := get(t, h, "/feed.atom?q="+url.QueryEscape("转型发展")+"&city="+url.QueryEscape("太原市"))
	if rec.Code != 200 || !strings.HasPrefix(rec.Header().Get("Content-Type"), "application/atom+xml") {
		t.Fatalf("%d %s", rec.Code, rec.Header().Get("Content-Type"))
	}
	var f atomFeed
	if err := xml.Unmarshal(rec.Body.Bytes(), &f); err != nil {
		t.Fatal(err)
	}
	if len(f.Entries) != 2 || f.Entries[0].Updated < f.Entries[1].Updated || !strings.Contains(f.Title, "city:太原市") {
		t.Errorf("feed %+v", f)
	}
	if !strings.HasSuffix(f.Entries[0].ID, "/doc/b1-1") || f.Updated != "2022-03-01T00:00:00Z" || !strings.Contains(f.Entries[0].Summary, "转型发展") {
		t.Errorf("newest entry %+v, updated %s", f.Entries[0], f.Updated)
	}
}

func TestFacetMoreAndYears(t *testing.T) {
	var counts []fangtan.FacetCount
	for i := range 60 {
		counts = append(counts, fangtan.FacetCount{Value: "官员" + strconv.Itoa(i), Count: 100 - i})
	}
	years := []fangtan.FacetCount{{Value: "2019", Count: 9}, {Value: "undated", Count: 8}, {Value: "2021", Count: 3}, {Value: "2020", Count: 5}}
	st := newState("/search", fangtan.Query{Text: "x"}, false)
	f := buildFacets(st, fangtan.Query{Text: "x"}, map[string][]fangtan.FacetCount{"official": counts, "year": years}, facetOrder, zhLocale, "")
	if len(f[0].Values) != shownFacets || !strings.Contains(f[0].MoreURL, "more=official") || !f[0].Long {
		t.Errorf("official facet: %d values, more %q", len(f[0].Values), f[0].MoreURL)
	}
	var got []string
	for _, v := range f[1].Values {
		got = append(got, v.Label)
	}
	if strings.Join(got, ",") != "2021,2020,2019,未注明日期" {
		t.Errorf("years %v", got)
	}
	f = buildFacets(st, fangtan.Query{Text: "x"}, map[string][]fangtan.FacetCount{"official": counts}, facetOrder, zhLocale, "official")
	if len(f[0].Values) != 60 || f[0].MoreURL != "" {
		t.Errorf("more=official: %d values, more %q", len(f[0].Values), f[0].MoreURL)
	}
}

func TestCitation(t *testing.T) {
	d := &fangtan.Document{ID: "a1", Title: "事业是拼出来的", Date: "2021-07-02", Source: "光明日报", Authors: []string{"罗旭"}, URL: "https://gmw.cn/a1"}
	now := time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
	c := makeCitation(d, 3, "http://h/doc/a1?p=3#p3", now, zhLocale)
	if c.GBT != "罗旭. 事业是拼出来的[N/OL]. 光明日报, 2021-07-02[2026-12-01]. https://gmw.cn/a1." {
		t.Errorf("GB/T %q", c.GBT)
	}
	if c.APA != "罗旭. (2021, July 2). 事业是拼出来的. 光明日报. https://gmw.cn/a1" {
		t.Errorf("APA %q", c.APA)
	}
	d.Authors, d.URL, d.Source, d.Date = nil, "", "", ""
	c = makeCitation(d, 0, "http://h/doc/a1", now, zhLocale)
	if c.GBT != "事业是拼出来的[EB/OL]. [2026-12-01]. http://h/doc/a1." || c.APA != "事业是拼出来的. (n.d.). Retrieved December 1, 2026, from http://h/doc/a1" {
		t.Errorf("without author, source and date: %q / %q", c.GBT, c.APA)
	}
}

func TestExportName(t *testing.T) {
	day := time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)
	for q, want := range map[string]string{
		"":                       "fangtan-export-2026-12-01.csv",
		`转型发展 city:太原`:           "fangtan-export-转型发展-city-太原-2026-12-01.csv",
		`"../../etc/passwd"`:     "fangtan-export-etc-passwd-2026-12-01.csv",
		strings.Repeat("长", 100): "fangtan-export-" + strings.Repeat("长", 40) + "-2026-12-01.csv",
	} {
		if got := exportName("export", q, "csv", day); got != want {
			t.Errorf("exportName(%q) = %q, want %q", q, got, want)
		}
	}
}
