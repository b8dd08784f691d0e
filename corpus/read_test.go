package corpus

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"

	"fangtan"
)

const (
	simplifiedPage  = "运城市委书记谈高质量发展\n\n本报记者 王强\n\n近日,运城市委书记就黄河流域生态保护和高质量发展接受了专访。\n“我们要把群众的急难愁盼问题解决好。”他说。\n"
	traditionalPage = "運城市委書記談高質量發展\n\n本報記者 王強\n\n近日,運城市委書記就黃河流域生態保護和高質量發展接受了專訪。\n「我們要把群眾的急難愁盼問題解決好。」他說。\n"
)

func encodeWith(t *testing.T, enc encoding.Encoding, s string) []byte {
	t.Helper()
	b, err := enc.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatalf("encode: %v", err)
	}
	return b
}

func writeFile(t *testing.T, dir, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// TestEncodings decodes legacy and BOM/CRLF files back to the known text.
func TestEncodings(t *testing.T) {
	crlf := strings.ReplaceAll(simplifiedPage, "\n", "\r\n")
	gbkHTML := "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gbk\"><title>标题</title></head><body><h1>运城市委书记谈高质量发展</h1><p>近日,运城市委书记就黄河流域生态保护和高质量发展接受了专访。</p></body></html>"
	tests := []struct {
		name      string
		file      string
		data      []byte
		wantTitle string
		wantText  string
	}{
		{"GBK", "gbk.txt", encodeWith(t, simplifiedchinese.GBK, simplifiedPage), "运城市委书记谈高质量发展", "近日,运城市委书记就黄河流域生态保护和高质量发展接受了专访。"},
		{"GB18030", "gb18030.txt", encodeWith(t, simplifiedchinese.GB18030, simplifiedPage), "运城市委书记谈高质量发展", "“我们要把群众的急难愁盼问题解决好。”他说。"},
		{"Big5", "big5.txt", encodeWith(t, traditionalchinese.Big5, traditionalPage), "運城市委書記談高質量發展", "近日,運城市委書記就黃河流域生態保護和高質量發展接受了專訪。"},
		{"UTF-8 BOM and CRLF", "bom.txt", append([]byte{0xEF, 0xBB, 0xBF}, crlf...), "运城市委书记谈高质量发展", "近日,运城市委书记就黄河流域生态保护和高质量发展接受了专访。\n“我们要把群众的急难愁盼问题解决好。”他说。"},
		{"GBK HTML with meta charset", "gbk.html", encodeWith(t, simplifiedchinese.GBK, gbkHTML), "运城市委书记谈高质量发展", "近日,运城市委书记就黄河流域生态保护和高质量发展接受了专访。"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := writeFile(t, t.TempDir(), tc.file, tc.data)
			docs, rep := loadAll(t, p)
			if len(rep.Problems) != 0 || len(docs) != 1 {
				t.Fatalf("got %d documents, problems %v", len(docs), rep.Problems)
			}
			d := docs[0]
			if d.Title != tc.wantTitle {
				t.Errorf("title %q, want %q", d.Title, tc.wantTitle)
			}
			if !strings.Contains(d.Text, tc.wantText) {
				t.Errorf("text %q does not hold %q", d.Text, tc.wantText)
			}
			if strings.ContainsAny(d.Text, "\r\uFEFF\uFFFD") {
				t.Errorf("text keeps a CR, BOM or replacement character: %q", d.Text)
			}
			if d.ID != strings.TrimSuffix(tc.file, filepath.Ext(tc.file)) || d.File != tc.file {
				t.Errorf("id %q file %q", d.ID, d.File)
			}
			if strings.HasSuffix(tc.file, ".txt") && (len(d.Authors) != 1 || d.Authors[0] != "王强") {
				t.Errorf("authors %v, want [王强] (folded to Simplified)", d.Authors)
			}
		})
	}
}

// TestUnreadableFiles: each bad file is a problem naming it and saying why,
// and the good file beside it is still read.
func TestUnreadableFiles(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "good.txt", []byte(simplifiedPage))
	bad := map[string]struct {
		data   []byte
		reason string
	}{
		"binary.txt":  {[]byte("PK\x03\x04\x00\x00\x08\x00binary\x00\x01\x02data"), "binary"},
		"empty.txt":   {nil, "empty"},
		"blank.md":    {[]byte(" \r\n\t\n"), "empty"},
		"control.txt": {[]byte(strings.Repeat("\x01\x02\x03\x04abc", 50)), "binary"},
		"random.txt":  {[]byte{0x81, 0x30, 0xFF, 0xFF, 0xFE, 0x80, 0x80, 0xFF, 0xC1, 0xFF, 0x81, 0x7F}, "neither UTF-8"},
		"empty.jsonl": {[]byte("\n\n"), "empty"},
		"bad.json":    {[]byte(`{"title": "x", "text": `), "invalid JSON"},
	}
	for name, b := range bad {
		writeFile(t, dir, name, b.data)
	}
	docs, rep := loadAll(t, dir)
	if len(docs) != 1 || docs[0].File != "good.txt" {
		t.Fatalf("want only good.txt read, got %d documents", len(docs))
	}
	got := map[string]string{}
	for _, p := range rep.Problems {
		got[filepath.Base(p.Path)] = p.Reason
	}
	for name, b := range bad {
		reason, ok := got[name]
		if !ok {
			t.Errorf("%s: no problem reported (problems: %v)", name, rep.Problems)
			continue
		}
		if !strings.Contains(reason, b.reason) {
			t.Errorf("%s: reason %q, want it to mention %q", name, reason, b.reason)
		}
	}
	if rep.Files != 1 {
		t.Errorf("report counts %d files read, want 1", rep.Files)
	}
}

func TestMissingPathAndUnreadableFile(t *testing.T) {
	dir := t.TempDir()
	p := writeFile(t, dir, "locked.txt", []byte(simplifiedPage))
	if err := os.Chmod(p, 0); err != nil {
		t.Fatal(err)
	}
	missing := filepath.Join(dir, "missing.txt")
	_, rep := loadAll(t, missing, p)
	reasons := map[string]string{}
	for _, pr := range rep.Problems {
		reasons[pr.Path] = pr.Reason
	}
	if !strings.Contains(reasons[missing], "no such file") {
		t.Errorf("missing file: problems %v", rep.Problems)
	}
	if os.Geteuid() != 0 && runtime.GOOS != "windows" && !strings.Contains(reasons[p], "permission denied") {
		t.Errorf("unreadable file: problems %v", rep.Problems)
	}
}

// TestHTMLScriptNeverReachesText: scripts, styles and page furniture are
// dropped; the headline and <meta> fields are read.
func TestHTMLScriptNeverReachesText(t *testing.T) {
	docs, rep := loadAll(t, "testdata/pages/site/renmin_style.html")
	if len(rep.Problems) != 0 || len(docs) != 1 {
		t.Fatalf("got %d documents, problems %v", len(docs), rep.Problems)
	}
	d := docs[0]
	for _, bad := range []string{"脚本", "tracker", "alert", "document.write", "样式", "侧栏", "热点推荐", "时政", "分享到", "版权所有", "责编", "关于人民网"} {
		if strings.Contains(d.Text, bad) || strings.Contains(d.Title, bad) {
			t.Errorf("%q reached the document: %q", bad, d.Text)
		}
	}
	want := fangtan.Document{Title: "晋中市委书记接受专访：以项目建设推动高质量发展", Date: "2022-03-15", Source: "人民网-山西频道", URL: "http://sx.people.com.cn/n2/2022/0315/c189132-0000001.html"}
	if d.Title != want.Title || d.Date != want.Date || d.Source != want.Source || d.URL != want.URL {
		t.Errorf("got title %q date %q source %q url %q", d.Title, d.Date, d.Source, d.URL)
	}
	if len(d.Paragraphs) != 4 || !strings.HasPrefix(d.Paragraphs[1], "人民网：") {
		t.Errorf("paragraphs %q: want the 4 article paragraphs with the interview turn prefixes kept", d.Paragraphs)
	}
}

// TestJSONLinesBrokenLine: a broken line is a problem named file:line and
// the lines around it are read; a very long line works.
func TestJSONLinesBrokenLine(t *testing.T) {
	long := strings.Repeat("长江经济带生态环境保护发生了转折性变化。", 20000) // ≈ 1.2 MB on one line
	data := `{"id": "a-1", "date": "20220924", "title": "第一条", "text": "第一段。\n第二段。"}
{"id": "a-2", "date": "2022-09-25", "title": "坏的一行", "text": "没有结束
{"date": "2022-09-26T08:00:00+08:00", "title": "第三条", "author": ["张三", "李四"], "source": "新闻联播", "text": "` + long + `"}
`
	p := writeFile(t, t.TempDir(), "news.jsonl", []byte(data))
	docs, rep := loadAll(t, p)
	if len(docs) != 2 {
		t.Fatalf("got %d documents, want 2", len(docs))
	}
	if len(rep.Problems) != 1 || !strings.HasSuffix(rep.Problems[0].Path, "news.jsonl:2") || !strings.Contains(rep.Problems[0].Reason, "invalid JSON") {
		t.Fatalf("problems %v, want one for news.jsonl:2", rep.Problems)
	}
	if docs[0].ID != "a-1" || docs[0].Date != "2022-09-24" || docs[0].Text != "第一段。\n第二段。" || docs[0].Title != "第一条" {
		t.Errorf("first record: %+v", docs[0])
	}
	d := docs[1]
	if d.ID != "news-3" || d.Date != "2022-09-26" || d.Source != "新闻联播" || len(d.Authors) != 2 || d.Text != long {
		t.Errorf("third record: id %q date %q source %q authors %v, text of %d bytes", d.ID, d.Date, d.Source, d.Authors, len(d.Text))
	}
}

// TestSymlinkLoop: a directory linking to itself or its parent is read once.
func TestSymlinkLoop(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "a/page.txt", []byte(simplifiedPage))
	if err := os.Symlink("..", filepath.Join(dir, "a", "up")); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	if err := os.Symlink(filepath.Join(dir, "a"), filepath.Join(dir, "b")); err != nil {
		t.Fatal(err)
	}
	docs, rep := loadAll(t, dir)
	if len(docs) != 1 || docs[0].File != "a/page.txt" {
		t.Fatalf("got %d documents (%v), want a/page.txt once", len(docs), rep.Problems)
	}
}

// TestLoadStopsOnContext: a cancelled load reports the context's error.
func TestLoadStopsOnContext(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := Load(ctx, Options{}, []string{"sample"}, func(fangtan.Document) error { return nil })
	if err == nil {
		t.Fatal("want the context's error")
	}
}

func TestDates(t *testing.T) {
	tests := []struct{ in, want string }{
		{"2021年07月02日", "2021-07-02"},
		{"2021-08-17 07:15", "2021-08-17"},
		{"2021年12月03日15:08", "2021-12-03"},
		{"20220924", "2022-09-24"},
		{"2022-09-26T08:00:00+08:00", "2022-09-26"},
		{"2021年２月３０日", ""},
		{"2月28日", ""},
		{"123456789", ""},
		// News APIs' Unix times, in seconds and milliseconds, as the day
		// in Beijing and Hong Kong (UTC+8): 17:00 UTC is the next day.
		{"1709258400", "2024-03-01"},
		{"1709258400000", "2024-03-01"},
		{"1709312400", "2024-03-02"},
		{"0000000001", ""},
		// RSS feeds' dates, as the day where the article was written.
		{"Fri, 01 Mar 2024 10:00:00 +0800", "2024-03-01"},
		{"Fri, 1 Mar 2024 23:30:00 GMT", "2024-03-01"},
	}
	for _, tc := range tests {
		if got := normalizeDate(tc.in); got != tc.want {
			t.Errorf("normalizeDate(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	if got := resolveMonthDay("6月30日", "2021-07-01"); got != "2021-06-30" {
		t.Errorf("resolveMonthDay in July = %q", got)
	}
	if got := resolveMonthDay("12月31日", "2021-01-02"); got != "2020-12-31" {
		t.Errorf("resolveMonthDay across the year = %q", got)
	}
	if got := resolveMonthDay("6月30日", ""); got != "" {
		t.Errorf("resolveMonthDay without a page date = %q, want no guess", got)
	}
}

func TestBylines(t *testing.T) {
	tests := []struct {
		line string
		want []string
	}{
		{"□记者 任婧婉 刘瑶 李哲", []string{"任婧婉", "刘瑶", "李哲"}},
		{"張臨山   趙芳", []string{"张临山", "赵芳"}},
		{"麻潞", []string{"麻潞"}},
		// An outlet's reporters.
		{"眾新聞記者 王小明", []string{"王小明"}},
		{"2017年11月20日　新华社记者 张三 李四", []string{"张三", "李四"}},
		// Each name under its own role, and a byline closed by 报道.
		{"撰文：王小明　攝影：李大文", []string{"王小明", "李大文"}},
		{"記者 王小明 報道", []string{"王小明"}},
		// A publication beside a date is no person (明 is a family name).
		{"2018年5月3日 明報", nil},
		{"作者:本报记者 罗旭 《光明日报》( 2021年07月02日 05版)", []string{"罗旭"}},
		{"本报记者 李杰华", []string{"李杰华"}},
		{"政务之要", nil},
		{"深入开展党史学习教育", nil},
	}
	for _, tc := range tests {
		m, _ := parseMetaLine(fold(tc.line))
		if strings.Join(m.authors, ",") != strings.Join(tc.want, ",") {
			t.Errorf("%q: authors %v, want %v", tc.line, m.authors, tc.want)
		}
	}
	if text, names := trailingAuthorsOf("以优异成绩庆祝建党100周年。(杨沫、杨宇雨)", fold("以优异成绩庆祝建党100周年。(杨沫、杨宇雨)")); text != "以优异成绩庆祝建党100周年。" || strings.Join(names, ",") != "杨沫,杨宇雨" {
		t.Errorf("trailing authors: %q %v", text, names)
	}
	if _, names := trailingAuthorsOf("迎泽特色产业基地(二期)", "迎泽特色产业基地(二期)"); names != nil {
		t.Errorf("(二期) taken for authors: %v", names)
	}
}

// TestSameNameInTwoDirectories: the second index.html is named by its path.
func TestSameNameInTwoDirectories(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "a/index.txt", []byte(simplifiedPage))
	writeFile(t, dir, "b/c/index.txt", []byte(simplifiedPage))
	for range 2 {
		docs, rep := loadAll(t, dir)
		if len(docs) != 2 || docs[0].ID != "index" || docs[1].ID != "b-c-index" || docs[1].File != "b/c/index.txt" || len(rep.Problems) != 0 {
			t.Fatalf("ids %v, problems %v", docs, rep.Problems)
		}
	}
	p := writeFile(t, dir, "dup.jsonl", []byte("{\"id\": \"x\", \"text\": \"一。\"}\n{\"id\": \"x\", \"text\": \"二。\"}\n"))
	docs, rep := loadAll(t, p)
	if len(docs) != 1 || len(rep.Problems) != 1 || !strings.Contains(rep.Problems[0].Reason, "duplicate document id") {
		t.Fatalf("duplicate record ids: %d documents, problems %v", len(docs), rep.Problems)
	}
}

// TestShortLegacyText: even a line or two is decoded in the right encoding.
func TestShortLegacyText(t *testing.T) {
	for _, tc := range []struct {
		enc  encoding.Encoding
		text string
	}{
		{simplifiedchinese.GBK, "广东省委书记"},
		{simplifiedchinese.GBK, "小店区委书记刘振华:事业是拼出来的"},
		{simplifiedchinese.GB18030, "2021年7月1日 新闻发布会 Press Conference"},
		{traditionalchinese.Big5, "運城市委書記"},
		{traditionalchinese.Big5, "立法會議員接受訪問:我們要聆聽市民的聲音"},
		{traditionalchinese.Big5, "2019年6月12日 記者會 Press"},
	} {
		got, err := decodeText(encodeWith(t, tc.enc, tc.text), false)
		if err != nil || got != tc.text {
			t.Errorf("%q: decoded %q, %v", tc.text, got, err)
		}
	}
}

// TestTitleOnlyRecords: a JSON record or Markdown file that names its
// headline stays a document when cleaning leaves no text (a scraper's
// time stamp under a real title); a scraped page with nothing left is
// still a problem.
func TestTitleOnlyRecords(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "xwlb.jsonl", []byte(`{"id": "xwlb-20221202-1009", "date": "20221202", "title": "马克龙称美国《通胀削减法案》危及欧洲产业", "text": "---\n(更新时间戳: 1669985900159)"}
{"id": "xwlb-2", "date": "20221203", "title": "", "text": "---\n(更新时间戳: 1669985900160)"}
`))
	writeFile(t, dir, "headline.md", []byte("---\ntitle: 迎泽区召开全会\n---\n\n---\n"))
	writeFile(t, dir, "empty.txt", []byte("首页 | 新闻 | 联系我们\n\n版权所有 © 2022\n"))
	docs, rep := loadAll(t, dir)
	byID := map[string]fangtan.Document{}
	for _, d := range docs {
		byID[d.ID] = d
	}
	d, ok := byID["xwlb-20221202-1009"]
	if !ok || d.Title != "马克龙称美国《通胀削减法案》危及欧洲产业" || d.Text != "" || len(d.Paragraphs) != 0 || d.Date != "2022-12-02" {
		t.Errorf("title-only record: %+v (found %v)", d, ok)
	}
	if d, ok := byID["headline"]; !ok || d.Title != "迎泽区召开全会" || d.Text != "" {
		t.Errorf("title-only Markdown: %+v (found %v)", d, ok)
	}
	var problems []string
	for _, p := range rep.Problems {
		problems = append(problems, p.Path+": "+p.Reason)
	}
	if len(rep.Problems) != 2 || !strings.Contains(strings.Join(problems, "\n"), "xwlb-2") || !strings.Contains(strings.Join(problems, "\n"), "empty.txt") {
		t.Errorf("problems %q, want the untitled record and empty.txt", problems)
	}
	if len(docs) != 2 {
		t.Errorf("got %d documents, want 2", len(docs))
	}
}

// TestDatelines: the line under a headline that gives the date and the
// outlet is metadata, whatever the outlet's name; it must not become the
// title, and its date and source are the article's. Hong Kong outlets have
// names of one rune before the suffix (明報, 眾新聞), which a byline reader
// had taken for a person (明 is a family name).
func TestDatelines(t *testing.T) {
	const head, body = "林鄭月娥今日表示支持房屋政策", "行政長官林鄭月娥今日表示：「我們會增加房屋供應。」"
	tests := []struct {
		name, text                 string
		title, date, source, paras string
	}{
		{"outlet after the date", head + "\n2018年5月3日 眾新聞\n" + body, head, "2018-05-03", "众新闻", body},
		{"outlet before the date", head + "\n眾新聞 2018年5月3日\n" + body, head, "2018-05-03", "众新闻", body},
		{"one-rune outlet", head + "\n2018年5月3日 明報\n" + body, head, "2018-05-03", "明报", body},
		{"outlet ending in 传媒", head + "\n2018年5月3日 端傳媒\n" + body, head, "2018-05-03", "端传媒", body},
		{"a publication's usual name", head + "\n光明日报 2021年07月02日\n" + body, head, "2021-07-02", "光明日报", body},
		// An outlet the parser does not know stays in the text, but is
		// neither the title nor hides the date.
		{"unknown label after the date", head + "\n2018年5月3日 香港01\n" + body, head, "2018-05-03", "", "2018年5月3日 香港01|" + body},
		{"dateline and no headline", "2018年5月3日 香港01\n" + body, "行政長官林鄭月娥今日表示：「我們會增加房屋供應", "2018-05-03", "", "2018年5月3日 香港01|" + body},
		{"a time and its zone", head + "\n2019-06-12 HKT 18:32\n" + body, head, "2019-06-12", "", body},
		{"Beijing time", head + "\n北京时间 2019年6月12日 08:00\n" + body, head, "2019-06-12", "", body},
		// The lead names its outlet (and the dateline, where there is
		// one, its date).
		{"Hong Kong paper's lead", head + "\n2018年10月10日\n【明報專訊】" + body, head, "2018-10-10", "明报", "【明報專訊】" + body},
		{"Hong Kong agency's lead", head + "\n【文匯報訊】" + body, head, "", "文汇报", "【文匯報訊】" + body},
		{"Taiwan agency's lead", head + "\n（中央社記者溫貴香台北3日電）" + body, head, "", "中央社", "（中央社記者溫貴香台北3日電）" + body},
		{"last updated", head + "\n最後更新：2019年6月12日 18:32\n" + body, head, "2019-06-12", "", body},
		{"an ISO time with its offset", head + "\n更新時間 2019-06-12T18:32:00+08:00\n" + body, head, "2019-06-12", "", body},
		{"a labelled headline", "標題：" + head + "\n日期：2018年5月3日\n" + body, head, "2018-05-03", "", body},
		{"a headline that holds a date", "2018年5月3日立法會三讀通過預算案\n" + body, "2018年5月3日立法會三讀通過預算案", "", "", body},
	}
	for i, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := loadOne(t, fmt.Sprintf("page%d.txt", i), []byte(tc.text+"\n"))
			if d.Title != tc.title || d.Date != tc.date || d.Source != tc.source || strings.Join(d.Paragraphs, "|") != tc.paras {
				t.Errorf("title %q date %q source %q paragraphs %q\nwant %q %q %q %q", d.Title, d.Date, d.Source, strings.Join(d.Paragraphs, "|"), tc.title, tc.date, tc.source, tc.paras)
			}
			if len(d.Authors) != 0 {
				t.Errorf("authors %q: an outlet read as a byline", d.Authors)
			}
		})
	}
}

// TestJSONFieldNames: scrapers and news APIs name a record's fields in
// other words (content, headline, publish_time, media, link), and a .json
// file may hold its records under a key ({"data": [...]}). Each reads as
// the corpora's own names do; the corpora's names win where both are given.
func TestJSONFieldNames(t *testing.T) {
	tests := []struct {
		name, file, data                         string
		id, title, date, source, url, text, auth string
	}{
		{"news API", "api.jsonl", `{"headline": "李强考察山西", "content": "国务院总理李强在山西太原考察。", "publish_time": "2024-03-01 10:00:00", "media": "新华网", "link": "http://example.org/1", "authors": ["张三"]}`,
			"api-1", "李强考察山西", "2024-03-01", "新华网", "http://example.org/1", "国务院总理李强在山西太原考察。", "张三"},
		{"scraper", "scrape.jsonl", `{"title": "某区部署重点工作", "body": "近日,某区召开会议。", "published_at": "2022-09-26T08:00:00+08:00", "site": "人民网"}`,
			"scrape-1", "某区部署重点工作", "2022-09-26", "人民网", "", "近日,某区召开会议。", ""},
		{"a Unix time and authors as objects", "epoch.jsonl", `{"title": "某区部署重点工作", "content": "近日,某区召开会议。", "date": 1709258400, "author": [{"name": "张三"}, {"name": "李四"}]}`,
			"epoch-1", "某区部署重点工作", "2024-03-01", "", "", "近日,某区召开会议。", "张三,李四"},
		{"one author as an object", "one.jsonl", `{"title": "某区部署重点工作", "content": "近日,某区召开会议。", "author": {"name": "张三"}}`,
			"one-1", "某区部署重点工作", "", "", "", "近日,某区召开会议。", "张三"},
		{"the corpora's names win", "both.jsonl", `{"title": "甲", "headline": "乙", "text": "正文甲。", "content": "正文乙。", "date": "20220924", "time": "2023-01-01", "source": "光明日报", "media": "新华网"}`,
			"both-1", "甲", "2022-09-24", "光明日报", "", "正文甲。", ""},
		{"records under data", "wrapped.json", `{"code": 0, "data": [{"headline": "李强考察山西", "content": "国务院总理李强在山西太原考察。", "pubdate": "2024-03-01"}]}`,
			"wrapped-1", "李强考察山西", "2024-03-01", "", "", "国务院总理李强在山西太原考察。", ""},
		{"a record with a data field", "single.json", `{"title": "某区部署重点工作", "text": "近日,某区召开会议。", "data": [1, 2]}`,
			"single", "某区部署重点工作", "", "", "", "近日,某区召开会议。", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := loadOne(t, tc.file, []byte(tc.data+"\n"))
			if d.ID != tc.id || d.Title != tc.title || d.Date != tc.date || d.Source != tc.source || d.URL != tc.url || d.Text != tc.text || strings.Join(d.Authors, ",") != tc.auth {
				t.Errorf("got id %q title %q date %q source %q url %q text %q authors %q", d.ID, d.Title, d.Date, d.Source, d.URL, d.Text, d.Authors)
			}
		})
	}
	t.Run("no text under any name", func(t *testing.T) {
		_, rep := loadAll(t, writeFile(t, t.TempDir(), "x.jsonl", []byte(`{"summary": "只有摘要"}`+"\n")))
		if len(rep.Problems) == 0 || !strings.Contains(rep.Problems[0].Reason, "content") || !strings.HasSuffix(rep.Problems[0].Path, "x.jsonl:1") {
			t.Errorf("problems %+v, want one naming the fields looked for", rep.Problems)
		}
	})
}

// TestHTMLTitleAndSource: the site a <title> names after the headline is
// the source of a page that names none, and only then: the page's own
// dateline or lead (a wire story on a portal) names where it comes from.
// A page without an <h1> whose first <h2> writes out the headline its
// <title> gives shorter is headed by the <h2>; an <h2> that is something
// else (a section, a box) is not.
func TestHTMLTitleAndSource(t *testing.T) {
	withH1 := func(title, lead string) string {
		return `<html><head><meta charset="utf-8"><title>` + title + `</title></head><body><article><h1>林鄭：增建公營房屋</h1>` + lead +
			`<p>行政長官林鄭月娥今日發表施政報告，表示政府會增建公營房屋。</p></article></body></html>`
	}
	withH2 := func(title, h2 string) string {
		return `<html><head><meta charset="utf-8"><title>` + title + `</title></head><body><div id="content"><h2>` + h2 +
			`</h2><p>立法會今日辯論施政報告致謝議案，民主黨議員胡志偉表示，政府房屋政策失敗。</p></div></body></html>`
	}
	const h1, h2 = "林鄭：增建公營房屋", "立法會今日辯論施政報告"
	tests := []struct{ name, html, title, source string }{
		{"site after a bar", withH1(h1+" | 香港新聞網", ""), h1, "香港新闻网"},
		{"site after an underscore", withH1(h1+"_人民网", ""), h1, "人民网"},
		{"channel and site", withH1(h1+"--港澳频道--人民网", ""), h1, "人民网"},
		{"no site", withH1(h1, ""), h1, ""},
		{"a last part that is no publication", withH1(h1+" - 施政報告", ""), h1, ""},
		{"the dateline names the source", withH1(h1+"_新浪网", "<p>2018年10月10日 来源：明報</p>"), h1, "明报"},
		{"the lead names the source", withH1(h1+"_新浪网", "<p>【明報專訊】今日施政報告。</p>"), h1, "明报"},
		{"h2 writes the title out", withH2("立法會今日辯論 - 星島日報", h2), h2, "星岛日报"},
		{"h2 is the title", withH2(h2+" - 星島日報", h2), h2, "星岛日报"},
		{"h2 is another heading", withH2(h2+" - 星島日報", "相關新聞"), h2, "星岛日报"},
	}
	for i, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := loadOne(t, fmt.Sprintf("p%d.html", i), []byte(tc.html))
			if d.Title != tc.title || d.Source != tc.source {
				t.Errorf("title %q source %q, want %q %q", d.Title, d.Source, tc.title, tc.source)
			}
		})
	}
}

// TestRecordMarkup: a record whose text is the article's HTML (a news
// API's content field) reads as the paragraphs the markup holds, its
// scripts and images left out; a text with a stray < is left as it is.
func TestRecordMarkup(t *testing.T) {
	tests := []struct{ name, text, want string }{
		{"paragraphs", `<p>行政長官林鄭月娥今日發表施政報告。</p><p>林鄭月娥說：「我們會增加土地供應。」</p><p><img src="a.jpg"/></p><script>var x=1;</script>`,
			"行政長官林鄭月娥今日發表施政報告。|林鄭月娥說：「我們會增加土地供應。」"},
		{"line breaks", `行政長官林鄭月娥今日發表施政報告。<br/>林鄭月娥說：「我們會增加土地供應。」<br>`,
			"行政長官林鄭月娥今日發表施政報告。|林鄭月娥說：「我們會增加土地供應。」"},
		{"plain text with a <", "增長率<3%的地區有五個。\n其餘地區增長較快。", "增長率<3%的地區有五個。|其餘地區增長較快。"},
		// A record scraped from Markdown keeps its block quotations' marks.
		{"block quotation marks", "辭工後，黃浩民每天都待在家打機。\n>\n> 他形容自己無夢想，「現在就像死了一般。」\n>  **減綜援承認諮詢不足**\n股價升幅>5%。",
			"辭工後，黃浩民每天都待在家打機。|他形容自己無夢想，「現在就像死了一般。」|**減綜援承認諮詢不足**|股價升幅>5%。"},
	}
	for i, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rec, _ := json.Marshal(map[string]string{"title": "施政報告", "content": tc.text})
			d := loadOne(t, fmt.Sprintf("r%d.jsonl", i), append(rec, '\n'))
			if got := strings.Join(d.Paragraphs, "|"); got != tc.want {
				t.Errorf("paragraphs %q, want %q", got, tc.want)
			}
		})
	}
}

// loadOne reads data, written to a file called name, as one document
// with no problem.
func loadOne(t *testing.T, name string, data []byte) fangtan.Document {
	t.Helper()
	docs, rep := loadAll(t, writeFile(t, t.TempDir(), name, data))
	if len(docs) != 1 || len(rep.Problems) != 0 {
		t.Fatalf("%s: %d documents, problems %+v", name, len(docs), rep.Problems)
	}
	return docs[0]
}

// TestHTMLArticles: a page that holds several articles, each in an
// <article> of its own, is that many documents, each with its headline
// and date; one story beside the teasers of others (<article> cards of a
// headline and a line) is one document, and so is an article holding
// <article>s of its own (readers' comments).
func TestHTMLArticles(t *testing.T) {
	item := func(head, date, text string) string {
		return `<article><h2>` + head + `</h2><p class="date">` + date + `</p><p>` + text + `</p><p>` + text + `</p></article>`
	}
	teaser := `<article><h3>深圳地鐵新線通車</h3><p>新線今日通車。</p></article>`
	page := func(body string) []byte {
		return []byte(`<html><head><meta charset="utf-8"><title>港聞 - 某報</title></head><body><nav><a href="/">首頁</a></nav>` + body + `</body></html>`)
	}
	three := item("林鄭：明年增建公營房屋", "2018年10月10日", "行政長官林鄭月娥今日發表施政報告，表示政府會增建公營房屋。") +
		item("陳帆：檢討長策", "2018年10月11日", "運輸及房屋局局長陳帆表示，會檢討長遠房屋策略。") +
		item("張建宗：扶貧委員會開會", "2018年10月12日", "政務司司長張建宗今日主持扶貧委員會會議，討論安老服務。")
	long := strings.Repeat("行政長官林鄭月娥今日發表施政報告，表示政府會增建公營房屋，並會檢討長遠房屋策略。", 6)
	main := `<article><h1>林鄭：明年增建公營房屋</h1><p>2018年10月10日</p><p>` + long + `</p><p>` + long + `</p></article>`
	nested := `<article><h1>林鄭：明年增建公營房屋</h1><p>2018年10月10日</p><p>` + long + `</p><p>` + long + `</p>` +
		`<section><article><h4>讀者甲</h4><p>支持增建公營房屋，希望盡快落實，輪候時間太長了。</p><p>政府要加快。</p></article>` +
		`<article><h4>讀者乙</h4><p>土地供應才是問題，政府應該先解決。</p><p>不然只是空談，大家都明白。</p></article></section></article>`
	tests := []struct {
		name   string
		html   []byte
		titles string
		dates  string
	}{
		{"three articles", page(three), "林鄭：明年增建公營房屋|陳帆：檢討長策|張建宗：扶貧委員會開會", "2018-10-10|2018-10-11|2018-10-12"},
		{"a story and teasers", page(main + teaser + teaser), "林鄭：明年增建公營房屋", "2018-10-10"},
		{"comments inside an article", page(nested), "林鄭：明年增建公營房屋", "2018-10-10"},
	}
	for i, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			docs, rep := loadAll(t, writeFile(t, t.TempDir(), fmt.Sprintf("a%d.html", i), tc.html))
			if len(rep.Problems) != 0 {
				t.Fatalf("problems %+v", rep.Problems)
			}
			var titles, dates []string
			for _, d := range docs {
				titles, dates = append(titles, d.Title), append(dates, d.Date)
			}
			if strings.Join(titles, "|") != tc.titles || strings.Join(dates, "|") != tc.dates {
				t.Errorf("titles %q dates %q, want %q %q", titles, dates, tc.titles, tc.dates)
			}
		})
	}
}

// TestMarkdownDateline: a Markdown page's dateline set in italics gives
// the date, the outlet and the reporter, and leaves the text.
func TestMarkdownDateline(t *testing.T) {
	d := loadOne(t, "feat.md", []byte("# 專訪｜周永康：獄中學懂感恩\n\n*2017年11月20日　眾新聞記者 王小明*\n\n在壁屋監獄過了80多天，周永康獲終審法院批准保釋。\n"))
	if d.Date != "2017-11-20" || d.Source != "众新闻" || strings.Join(d.Authors, ",") != "王小明" || strings.Join(d.Paragraphs, "|") != "在壁屋監獄過了80多天，周永康獲終審法院批准保釋。" {
		t.Errorf("date %q source %q authors %q paragraphs %q", d.Date, d.Source, d.Authors, d.Paragraphs)
	}
}
