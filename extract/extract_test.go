package extract

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"

	"fangtan"
	"fangtan/analyzer"
	"fangtan/corpus"
	"fangtan/internal/han"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden from the current output (review every change by hand)")

var (
	exTestExtractorOnce sync.Once
	exTestExtractor     *Extractor
	exTestExtractorErr  error
)

// exNewTestExtractor shares one Extractor (and jieba) across tests, as the
// index does across documents.
func exNewTestExtractor(t testing.TB) *Extractor {
	t.Helper()
	exTestExtractorOnce.Do(func() {
		seg, err := analyzer.Default()
		if err != nil {
			exTestExtractorErr = err
			return
		}
		exTestExtractor, exTestExtractorErr = NewExtractor(seg)
	})
	if exTestExtractorErr != nil {
		t.Fatalf("extractor: %v", exTestExtractorErr)
	}
	return exTestExtractor
}

// exSampleDocs reads the bundled sample corpus through the page pipeline,
// without extraction.
func exSampleDocs(t testing.TB) []fangtan.Document {
	t.Helper()
	var docs []fangtan.Document
	_, err := corpus.LoadFS(context.Background(), corpus.Options{}, corpus.Sample(), func(d fangtan.Document) error {
		docs = append(docs, d)
		return nil
	})
	if err != nil {
		t.Fatalf("load sample: %v", err)
	}
	if len(docs) < 5 {
		t.Fatalf("sample gave %d documents, want at least 5", len(docs))
	}
	return docs
}

func exExtracted(t testing.TB, docs []fangtan.Document) map[string]fangtan.Document {
	ex := exNewTestExtractor(t)
	out := map[string]fangtan.Document{}
	for _, d := range docs {
		ex.Extract(&d)
		out[d.ID] = d
	}
	return out
}

// exDocByPrefix finds the document whose id starts with prefix and, when
// title is not empty, whose title contains it.
func exDocByPrefix(t *testing.T, docs map[string]fangtan.Document, prefix, title string) fangtan.Document {
	t.Helper()
	for id, d := range docs {
		if strings.HasPrefix(id, prefix) && strings.Contains(d.Title, title) {
			return d
		}
	}
	t.Fatalf("no document %s* titled %q", prefix, title)
	return fangtan.Document{}
}

func exOfficial(d fangtan.Document, name string) (fangtan.Official, bool) {
	for _, o := range d.Officials {
		if o.Name == name {
			return o, true
		}
	}
	return fangtan.Official{}, false
}

func exQuoteStarting(d fangtan.Document, prefix string) (fangtan.Quote, bool) {
	for _, q := range d.Quotes {
		if strings.HasPrefix(q.Text, prefix) {
			return q, true
		}
	}
	return fangtan.Quote{}, false
}

// exWantOfficial is an exOfficial the page names, with the position it writes.
type exWantOfficial struct {
	name, title string // title: the position must contain this
	subject     bool
}

type exWantQuote struct {
	prefix, speaker, title string
}

type exExtractCase struct {
	name         string
	doc          fangtan.Document
	officials    []exWantOfficial
	notOfficials []string
	places       fangtan.Places // each listed value must be present
	notPlaces    []string
	themes       []string
	quotes       []exWantQuote
	notQuotes    []string // quotations that are slogans or names, not speech
	noSpeakerFor []string // quotations whose speaker the text does not give
}

func (c exExtractCase) check(t *testing.T) {
	d := c.doc
	for _, w := range c.officials {
		o, ok := exOfficial(d, w.name)
		if !ok {
			t.Errorf("exOfficial %s missing; got %+v", w.name, d.Officials)
			continue
		}
		if !strings.Contains(o.Title, w.title) {
			t.Errorf("exOfficial %s title %q, want it to contain %q", w.name, o.Title, w.title)
		}
		if o.Subject != w.subject {
			t.Errorf("exOfficial %s subject = %v, want %v", w.name, o.Subject, w.subject)
		}
	}
	for _, name := range c.notOfficials {
		if _, ok := exOfficial(d, name); ok {
			t.Errorf("%s should not be an exOfficial; got %+v", name, d.Officials)
		}
	}
	all := slices.Concat(d.Places.Provinces, d.Places.Cities, d.Places.Districts)
	for _, want := range [][2][]string{
		{c.places.Provinces, d.Places.Provinces}, {c.places.Cities, d.Places.Cities}, {c.places.Districts, d.Places.Districts},
	} {
		for _, p := range want[0] {
			if !slices.Contains(want[1], p) {
				t.Errorf("place %s missing; got %+v", p, d.Places)
			}
		}
	}
	for _, p := range c.notPlaces {
		if slices.Contains(all, p) {
			t.Errorf("place %s should not be there; got %+v", p, d.Places)
		}
	}
	for _, th := range c.themes {
		if !slices.Contains(d.Themes, th) {
			t.Errorf("theme %s missing; got %v", th, d.Themes)
		}
	}
	for _, w := range c.quotes {
		q, ok := exQuoteStarting(d, w.prefix)
		if !ok {
			t.Errorf("quote %q… missing", w.prefix)
			continue
		}
		if q.Speaker != w.speaker || !strings.Contains(q.SpeakerTitle, w.title) {
			t.Errorf("quote %q… by %q (%q), want %q (%q)", w.prefix, q.Speaker, q.SpeakerTitle, w.speaker, w.title)
		}
	}
	for _, s := range c.notQuotes {
		for _, q := range d.Quotes {
			if q.Text == s {
				t.Errorf("%q is not an utterance but became a quote", s)
			}
		}
	}
	for _, s := range c.noSpeakerFor {
		if q, ok := exQuoteStarting(d, s); !ok || q.Speaker != "" {
			t.Errorf("quote %q…: want it kept with no speaker, got %+v (found %v)", s, q, ok)
		}
	}
	exCheckQuoteInvariants(t, d)
}

// exCheckQuoteInvariants: every quote is a substring of the paragraph it
// names, and every metadata value is Simplified.
func exCheckQuoteInvariants(t *testing.T, d fangtan.Document) {
	t.Helper()
	for _, q := range d.Quotes {
		if q.Paragraph < 0 || q.Paragraph >= len(d.Paragraphs) {
			t.Errorf("%s: quote %q names paragraph %d of %d", d.ID, q.Text, q.Paragraph, len(d.Paragraphs))
			continue
		}
		if !strings.Contains(d.Paragraphs[q.Paragraph], q.Text) {
			t.Errorf("%s: quote %q is not in paragraph %d", d.ID, q.Text, q.Paragraph)
		}
		if q.Speaker != analyzer.Fold(q.Speaker) {
			t.Errorf("%s: speaker %q is not folded", d.ID, q.Speaker)
		}
	}
	for _, o := range d.Officials {
		if o.Name != analyzer.Fold(o.Name) || o.Title != analyzer.Fold(o.Title) {
			t.Errorf("%s: exOfficial %+v is not folded", d.ID, o)
		}
		// Chinese names have 2-4 runes; transliterated foreign ones up to
		// 8 a part, parts joined by · or - (迪亚斯-卡内尔).
		parts := strings.FieldsFunc(o.Name, han.IsNameJoiner)
		if n := utf8.RuneCountInString(o.Name); n < 2 || len(parts) > 4 || slices.ContainsFunc(parts, func(p string) bool {
			return utf8.RuneCountInString(p) > 8 || !allHanRunes([]rune(p))
		}) {
			t.Errorf("%s: exOfficial name %q does not look like a name", d.ID, o.Name)
		}
	}
	for _, p := range slices.Concat(d.Places.Provinces, d.Places.Cities, d.Places.Districts, d.Themes) {
		if p != analyzer.Fold(p) {
			t.Errorf("%s: metadata %q is not folded", d.ID, p)
		}
	}
}

// TestExtractSampleFacts asserts the facts the corpus issue names for the
// five sample pages, independently of the golden files.
func TestExtractSampleFacts(t *testing.T) {
	docs := exExtracted(t, exSampleDocs(t))
	cases := []exExtractCase{
		{
			name: "000 profile of 刘振华",
			doc:  exDocByPrefix(t, docs, "000", ""),
			officials: []exWantOfficial{
				{"刘振华", "太原市委常委、小店区委书记", true},
				{"习近平", "总书记", false},
				{"王永强", "党委书记", false},
			},
			places: fangtan.Places{Provinces: []string{"山西省"}, Cities: []string{"太原市"}, Districts: []string{"小店区"}},
			themes: []string{"转型发展", "乡村振兴", "疫情防控"},
			quotes: []exWantQuote{
				{"事业是拼出来的,口碑是干出来的。", "刘振华", "小店区委书记"},
				{"刘书记懂农业、爱农村、爱农民,知道农村需要啥。", "王永强", "王吴村党委书记"},
				{"干部有了紧迫感,群众才有获得感。", "刘振华", "小店区委书记"},
				{"要发挥小店区作为中部盆地", "刘振华", "小店区委书记"},
			},
			notQuotes: []string{"四有", "先手棋", "心头事", "贴心人", "上学难", "20字"},
		},
		{
			name:      "001 interview with 李慧 (Traditional)",
			doc:       exDocByPrefix(t, docs, "001", ""),
			officials: []exWantOfficial{{"李慧", "迎泽区委书记", true}, {"习近平", "总书记", false}},
			places:    fangtan.Places{Provinces: []string{"山西省"}, Cities: []string{"太原市"}, Districts: []string{"迎泽区"}},
			notPlaces: []string{"朝阳区", "朝阳市"},
			themes:    []string{"办实事", "党史学习教育", "高质量发展", "网民留言", "老旧小区改造", "生态环保", "安全生产", "疫情防控"},
			quotes: []exWantQuote{
				{"迎澤區是省會中心城區", "李慧", "迎泽区委书记"},
				{"迎澤區扎實開展", "李慧", "迎泽区委书记"},
			},
		},
		{
			name:      "002 interview with 丁小强 (Traditional)",
			doc:       exDocByPrefix(t, docs, "002", ""),
			officials: []exWantOfficial{{"丁小强", "运城市委书记", true}, {"习近平", "总书记", false}},
			places:    fangtan.Places{Provinces: []string{"山西省"}, Cities: []string{"运城市"}, Districts: []string{"盐湖区"}},
			notPlaces: []string{"湖北省", "江西省"}, // 武汉大学, 江西理工大学: universities elsewhere
			themes:    []string{"办实事", "网民留言", "招商引资", "营商环境"},
			quotes: []exWantQuote{
				{"在全黨開展黨史學習教育", "丁小强", "运城市委书记"},
				{"江山就是人民、人民就是江山", "习近平", "总书记"},
			},
		},
		{
			name: "003 陵城 news",
			doc:  exDocByPrefix(t, docs, "003", ""),
			officials: []exWantOfficial{
				{"马常春", "区委书记", false},
				{"杜昌春", "副区长", false},
				{"李希岩", "区长", false},
			},
			places:    fangtan.Places{Provinces: []string{"山东省"}, Cities: []string{"德州市"}, Districts: []string{"陵城区"}},
			notPlaces: []string{"湖北省"},
			themes:    []string{"营商环境", "招商引资", "人才", "脱贫攻坚"},
			quotes: []exWantQuote{
				{"狠抓落实,关键要坚持做到一线办公", "马常春", "区委书记"},
				{"区域性经济发展的竞争", "马常春", "区委书记"},
				{"这反映了群众对陵城", "李希岩", "区长"},
				{"感谢党和政府的健康扶贫好政策", "孟先清", "村民"},
			},
			notOfficials: []string{"孟先清", "柴明志", "郭新海"},
		},
		{
			name:         "004 interview with 林武",
			doc:          exDocByPrefix(t, docs, "004", "全方位推进山西高质量发展"),
			officials:    []exWantOfficial{{"林武", "山西省委书记", true}, {"习近平", "总书记", false}},
			places:       fangtan.Places{Provinces: []string{"山西省"}},
			themes:       []string{"办实事", "转型发展", "营商环境", "安全生产", "网民留言"},
			quotes:       []exWantQuote{{"山西是革命老区", "林武", "山西省委书记"}},
			notOfficials: []string{"薛东晓", "崔俊林"}, // other articles of the page
		},
		{
			name: "004 democratic parties news",
			doc:  exDocByPrefix(t, docs, "004", "民主党派"),
			officials: []exWantOfficial{
				{"薛东晓", "统战部部长", false},
				{"陈继光", "民革市委主委", false},
				{"阎美蓉", "民盟市委主委", false},
			},
			places:       fangtan.Places{Cities: []string{"太原市"}},
			notOfficials: []string{"林武"},
		},
		{
			name:      "004 police news",
			doc:       exDocByPrefix(t, docs, "004", "公安局"),
			officials: []exWantOfficial{{"葛波蔚", "副市长、市公安局党委书记、局长", false}},
		},
		{
			name:      "004 interview with 李文权",
			doc:       exDocByPrefix(t, docs, "004", "有获得"),
			officials: []exWantOfficial{{"李文权", "杏花岭区委书记", true}},
			places:    fangtan.Places{Cities: []string{"太原市"}, Districts: []string{"杏花岭区"}},
			quotes:    []exWantQuote{{"党史学习教育要与推动工作", "李文权", "杏花岭区委书记"}},
		},
	}
	for _, c := range cases {
		t.Run(c.name, c.check)
	}
}

// exReadArticle reads a test article: title line, then paragraphs.
func exReadArticle(t *testing.T, name string) fangtan.Document {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", "articles", name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	d := fangtan.Document{ID: strings.TrimSuffix(name, ".txt"), File: name}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" {
			continue
		}
		if d.Title == "" {
			d.Title = line
			continue
		}
		d.Paragraphs = append(d.Paragraphs, line)
	}
	d.Text = strings.Join(d.Paragraphs, "\n")
	return d
}

// TestExtractWrittenArticles runs extraction on articles the samples do not
// contain: other names, places, a Traditional interview, an ambiguous
// district and a page full of traps.
func TestExtractWrittenArticles(t *testing.T) {
	ex := exNewTestExtractor(t)
	get := func(name string) fangtan.Document {
		d := exReadArticle(t, name)
		ex.Extract(&d)
		return d
	}
	cases := []exExtractCase{
		{
			name: "news with quotes",
			doc:  get("luzhou_renovation.txt"),
			officials: []exWantOfficial{
				{"王建军", "长治市委常委、潞州区委书记", false},
				{"赵丽娟", "潞州区副区长", false},
			},
			notOfficials: []string{"张秀英"},
			places:       fangtan.Places{Provinces: []string{"山西省"}, Cities: []string{"长治市"}, Districts: []string{"潞州区"}},
			themes:       []string{"老旧小区改造"},
			quotes: []exWantQuote{
				{"老旧小区改造是民生工程", "王建军", "潞州区委书记"},
				{"楼道亮了", "张秀英", "居民"},
				{"要坚持问需于民", "王建军", "潞州区委书记"},
				// 「…」他说: the pronoun after the quotation is the
				// last person who spoke.
				{"我们还要继续努力", "王建军", "潞州区委书记"},
			},
			notQuotes: []string{"楼道清洁日"},
		},
		{
			name:      "traditional interview",
			doc:       get("deyang_interview_tw.txt"),
			officials: []exWantOfficial{{"赵卫东", "德阳市委书记", true}},
			places:    fangtan.Places{Provinces: []string{"四川省"}, Cities: []string{"德阳市"}, Districts: []string{"旌阳区"}},
			themes:    []string{"营商环境", "乡村振兴", "招商引资", "高质量发展"},
			quotes: []exWantQuote{
				{"我們堅持把優化營商環境作為", "赵卫东", "德阳市委书记"},
				{"今年以來,全市新增市場主體", "赵卫东", "德阳市委书记"},
				{"我們將堅持農業農村優先發展", "赵卫东", "德阳市委书记"},
			},
			notQuotes: []string{"德陽市政務服務中心一角。", "一號工程", "一網通辦"},
		},
		{
			name:      "ambiguous district",
			doc:       get("chaoyang_safety.txt"),
			officials: []exWantOfficial{{"孙海涛", "区长", false}},
			places:    fangtan.Places{Provinces: []string{"北京市"}, Cities: []string{"北京市"}, Districts: []string{"朝阳区"}},
			notPlaces: []string{"鼓楼区", "长春市", "吉林省"},
			themes:    []string{"安全生产"},
			quotes:    []exWantQuote{{"安全生产责任重于泰山", "孙海涛", "区长"}},
		},
		{
			name:      "hong kong interview in Markdown dress",
			doc:       get("hk_interview_tw.txt"),
			officials: []exWantOfficial{{"陈帆", "运输及房屋局局长", true}},
			places:    fangtan.Places{Provinces: []string{"广东省"}},
			quotes: []exWantQuote{
				{"我們已經做好準備", "陈帆", "运输及房屋局局长"},
				{"另外，我們會與廣東省", "陈帆", "运输及房屋局局长"},
				{"收費是經過詳細研究的", "陈帆", "运输及房屋局局长"},
			},
			notQuotes: []string{"局長，你怎樣看港珠澳大橋通車後的交通安排？**", "請加入成為眾新聞的月費訂戶，長期支持我們的工作。"},
		},
		{
			name:      "问/答 interview",
			doc:       get("linfen_qa.txt"),
			officials: []exWantOfficial{{"吕振东", "临汾市委书记", true}},
			places:    fangtan.Places{Provinces: []string{"山西省"}, Cities: []string{"临汾市"}, Districts: []string{"尧都区"}},
			themes:    []string{"招商引资", "营商环境", "高质量发展"},
			quotes: []exWantQuote{
				{"我们坚持把招商引资作为", "吕振东", "临汾市委书记"},
				{"继续优化营商环境", "吕振东", "临汾市委书记"},
			},
			notQuotes: []string{"今年临汾在招商引资方面有哪些新举措?"},
		},
		{
			name:         "traps",
			doc:          get("no_officials.txt"),
			notPlaces:    []string{"中山市", "三明市", "城区"},
			noSpeakerFor: []string{"希望大家常来坐坐"},
			notQuotes:    []string{"开张大吉"},
		},
	}
	for _, c := range cases {
		t.Run(c.name, c.check)
	}
	// Questions and the footer after --- are no quotes: exactly the three
	// answer paragraphs are.
	if d := get("hk_interview_tw.txt"); len(d.Quotes) != 3 {
		t.Errorf("hk interview: %d quotes, want the 3 answers: %+v", len(d.Quotes), d.Quotes)
	}
	if d := get("no_officials.txt"); len(d.Officials) != 0 || len(d.Places.Provinces)+len(d.Places.Cities)+len(d.Places.Districts) != 0 {
		t.Errorf("trap page: officials %+v, places %+v; want none", d.Officials, d.Places)
	}
}

// TestExtractFoldInvariance: a page and its Simplified (folded) copy give
// the same officials, places and themes, and the same quotes by the same
// speakers at the same paragraphs.
func TestExtractFoldInvariance(t *testing.T) {
	ex := exNewTestExtractor(t)
	docs := exSampleDocs(t)
	docs = append(docs, exReadArticle(t, "deyang_interview_tw.txt"))
	// The Traditional articles of the gold set: real Hong Kong news.
	gold, err := LoadGold("../testdata/gold/hkcnews.json")
	if err != nil {
		t.Fatal(err)
	}
	for _, it := range gold {
		docs = append(docs, it.Document())
	}
	for _, d := range docs {
		t.Run(d.ID, func(t *testing.T) {
			orig := d
			orig.Paragraphs = slices.Clone(d.Paragraphs)
			folded := d
			folded.Title = analyzer.Fold(d.Title)
			folded.Paragraphs = make([]string, len(d.Paragraphs))
			for i, p := range d.Paragraphs {
				folded.Paragraphs[i] = analyzer.Fold(p)
			}
			folded.Text = strings.Join(folded.Paragraphs, "\n")
			ex.Extract(&orig)
			ex.Extract(&folded)
			if !slices.Equal(orig.Officials, folded.Officials) {
				t.Errorf("officials differ:\n%+v\n%+v", orig.Officials, folded.Officials)
			}
			if !slices.Equal(orig.Places.Provinces, folded.Places.Provinces) || !slices.Equal(orig.Places.Cities, folded.Places.Cities) ||
				!slices.Equal(orig.Places.Districts, folded.Places.Districts) {
				t.Errorf("places differ:\n%+v\n%+v", orig.Places, folded.Places)
			}
			if !slices.Equal(orig.Themes, folded.Themes) {
				t.Errorf("themes differ: %v vs %v", orig.Themes, folded.Themes)
			}
			if len(orig.Quotes) != len(folded.Quotes) {
				t.Fatalf("%d quotes vs %d", len(orig.Quotes), len(folded.Quotes))
			}
			for i := range orig.Quotes {
				a, b := orig.Quotes[i], folded.Quotes[i]
				if analyzer.Fold(a.Text) != b.Text || a.Speaker != b.Speaker || a.SpeakerTitle != b.SpeakerTitle || a.Paragraph != b.Paragraph || a.Kind != b.Kind {
					t.Errorf("quote %d differs:\n%+v\n%+v", i, a, b)
				}
			}
		})
	}
}

// exGoldenExtract is what the golden files hold: the extraction, with the
// document's identity for review.
type exGoldenExtract struct {
	ID        string             `json:"id"`
	Title     string             `json:"title"`
	Officials []fangtan.Official `json:"officials"`
	Places    fangtan.Places     `json:"places"`
	Themes    []string           `json:"themes"`
	Keywords  []string           `json:"keywords"`
	Quotes    []fangtan.Quote    `json:"quotes"`
}

// TestExtractGolden compares the extraction of every sample document with
// testdata/golden/extract/<id>.json. `go test ./corpus -run
// TestExtractGolden -update` rewrites them; every change must be reviewed
// against the page by hand.
func TestExtractGolden(t *testing.T) {
	docs := exExtracted(t, exSampleDocs(t))
	dir := filepath.Join("testdata", "golden", "extract")
	ids := make([]string, 0, len(docs))
	for id := range docs {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	for _, id := range ids {
		d := docs[id]
		t.Run(id, func(t *testing.T) {
			got, err := json.MarshalIndent(exGoldenExtract{d.ID, d.Title, d.Officials, d.Places, d.Themes, d.Keywords, d.Quotes}, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, '\n')
			path := filepath.Join(dir, id+".json")
			if *update {
				if err := os.MkdirAll(dir, 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(path, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run with -update to create it, then review it)", err)
			}
			if string(got) != string(want) {
				t.Errorf("extraction of %s differs from %s:\n%s", id, path, exLineDiff(string(want), string(got)))
			}
		})
	}
}

// exLineDiff is a small line diff (longest common subsequence), showing
// at most 20 changed lines.
func exLineDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	lcs := make([][]int, len(w)+1)
	for i := range lcs {
		lcs[i] = make([]int, len(g)+1)
	}
	for i := len(w) - 1; i >= 0; i-- {
		for j := len(g) - 1; j >= 0; j-- {
			if w[i] == g[j] {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	var b strings.Builder
	shown := 0
	for i, j := 0, 0; (i < len(w) || j < len(g)) && shown < 20; {
		switch {
		case i < len(w) && j < len(g) && w[i] == g[j]:
			i++
			j++
		case j < len(g) && (i == len(w) || lcs[i][j+1] >= lcs[i+1][j]):
			b.WriteString("+ " + g[j] + "\n")
			j++
			shown++
		default:
			b.WriteString("- " + w[i] + "\n")
			i++
			shown++
		}
	}
	return b.String()
}

// exSharedCorpus opens ../shared/corpus/<name> relative to the repository
// root, or skips the test when it is absent.
func exSharedCorpus(t testing.TB, name string) *os.File {
	t.Helper()
	path := filepath.Join("..", "..", "shared", "corpus", name)
	f, err := os.Open(path)
	if errors.Is(err, os.ErrNotExist) {
		t.Skipf("%s absent: this test needs the shared corpus", path)
	}
	if err != nil {
		t.Fatal(err)
	}
	return f
}

type exJsonlItem struct {
	ID    string `json:"id"`
	Date  string `json:"date"`
	Title string `json:"title"`
	Text  string `json:"text"`
}

// exReadJSONL reads up to limit items (0: all) of a shared corpus file.
func exReadJSONL(t testing.TB, name string, limit int, keep func(exJsonlItem) bool) []fangtan.Document {
	t.Helper()
	f := exSharedCorpus(t, name)
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	var docs []fangtan.Document
	for sc.Scan() && (limit == 0 || len(docs) < limit) {
		var it exJsonlItem
		if err := json.Unmarshal(sc.Bytes(), &it); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if keep != nil && !keep(it) {
			continue
		}
		paras := strings.Split(strings.ReplaceAll(it.Text, "\r\n", "\n"), "\n")
		docs = append(docs, fangtan.Document{ID: it.ID, Title: it.Title, Paragraphs: paras, Text: strings.Join(paras, "\n")})
	}
	if err := sc.Err(); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return docs
}

// TestExtractXWLB checks real CCTV news items the project was not built
// from: the state's top officials with their positions, places rolled up,
// and the invariants on a few hundred items.
func TestExtractXWLB(t *testing.T) {
	ex := exNewTestExtractor(t)
	docs := exReadJSONL(t, "xwlb.jsonl", 300, nil)
	for _, d := range docs {
		ex.Extract(&d)
		exCheckQuoteInvariants(t, d)
	}
	found := exReadJSONL(t, "xwlb.jsonl", 3, func(it exJsonlItem) bool {
		return strings.Contains(it.Text, "国务院总理李强")
	})
	if len(found) == 0 {
		t.Fatal("no xwlb item names 国务院总理李强")
	}
	for _, d := range found {
		ex.Extract(&d)
		o, ok := exOfficial(d, "李强")
		if !ok || !strings.Contains(o.Title, "总理") {
			t.Errorf("%s: want 李强 with 总理 among %+v", d.ID, d.Officials)
		}
	}
}

// TestExtractHKCNews checks Traditional news from Hong Kong: Simplified
// metadata and an exOfficial named with a Traditional position.
func TestExtractHKCNews(t *testing.T) {
	ex := exNewTestExtractor(t)
	docs := exReadJSONL(t, "hkcnews-10k.jsonl", 200, nil)
	for _, d := range docs {
		folded := d
		folded.Title = analyzer.Fold(d.Title)
		folded.Paragraphs = make([]string, len(d.Paragraphs))
		for i, p := range d.Paragraphs {
			folded.Paragraphs[i] = analyzer.Fold(p)
		}
		ex.Extract(&d)
		exCheckQuoteInvariants(t, d)
		// Real Traditional pages give the metadata of their Simplified copy.
		ex.Extract(&folded)
		if !slices.Equal(d.Officials, folded.Officials) || !slices.Equal(d.Themes, folded.Themes) ||
			!slices.Equal(d.Places.Provinces, folded.Places.Provinces) || !slices.Equal(d.Places.Cities, folded.Places.Cities) ||
			!slices.Equal(d.Places.Districts, folded.Places.Districts) || len(d.Quotes) != len(folded.Quotes) {
			t.Errorf("%s: Traditional and folded extraction differ:\n%+v %+v %v\n%+v %+v %v", d.ID,
				d.Officials, d.Places, d.Themes, folded.Officials, folded.Places, folded.Themes)
		}
	}
	found := exReadJSONL(t, "hkcnews-10k.jsonl", 3, func(it exJsonlItem) bool {
		return strings.Contains(it.Text, "行政長官林鄭月娥")
	})
	if len(found) == 0 {
		t.Fatal("no hkcnews item names 行政長官林鄭月娥")
	}
	for _, d := range found {
		ex.Extract(&d)
		// She was 政务司司长 before she became 行政长官; an article may name both.
		o, ok := exOfficial(d, "林郑月娥")
		if !ok || !(strings.Contains(o.Title, "行政长官") || strings.Contains(o.Title, "政务司司长")) {
			t.Errorf("%s: want 林郑月娥 (Simplified) with one of her positions among %+v", d.ID, d.Officials)
		}
		if !slices.Contains(d.Places.Provinces, "香港特别行政区") {
			t.Errorf("%s: want 香港特别行政区 among %+v", d.ID, d.Places)
		}
	}
}

// TestExtractConcurrent runs one Extractor on many goroutines (the index
// does this on every core); with -race it proves Extract shares no state.
func TestExtractConcurrent(t *testing.T) {
	ex := exNewTestExtractor(t)
	docs := exSampleDocs(t)
	want := map[string]string{}
	for _, d := range docs {
		ex.Extract(&d)
		b, _ := json.Marshal(d)
		want[d.ID] = string(b)
	}
	var wg sync.WaitGroup
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for _, d := range docs {
				ex.Extract(&d)
				if b, _ := json.Marshal(d); string(b) != want[d.ID] {
					t.Errorf("%s: concurrent extraction differs", d.ID)
				}
			}
		}()
	}
	wg.Wait()
}

func TestThemesFile(t *testing.T) {
	def := DefaultThemes()
	var names []string
	for _, th := range def.List() {
		names = append(names, th.Name)
	}
	for _, want := range []string{"办实事", "转型发展", "党史学习教育", "高质量发展", "营商环境", "乡村振兴", "脱贫攻坚",
		"疫情防控", "招商引资", "网民留言", "老旧小区改造", "生态环保", "人才", "安全生产"} {
		if !slices.Contains(names, want) {
			t.Errorf("default themes lack %s", want)
		}
	}
	custom, err := ParseThemes(strings.NewReader("# mine\n數字經濟：數字經濟，大數據\n低空經濟: 低空经济\n"), "custom")
	if err != nil {
		t.Fatal(err)
	}
	if got := custom.Match(analyzer.Fold("發展數字經濟和低空經濟")); !slices.Equal(got, []string{"数字经济", "低空经济"}) {
		t.Errorf("custom themes matched %v", got)
	}
	// A weak phrase (~) counts where the theme's phrases occur twice.
	weak, err := ParseThemes(strings.NewReader("交通: 高铁, ~公路\n灾害: ~台风, ~暴雨\n"), "weak")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		text string
		want []string
	}{
		{"巴士在公路上失事。", []string{}},
		{"公路建设加快，农村公路通达。", []string{"交通"}},
		{"高铁开通。", []string{"交通"}},
		{"台风带来暴雨。", []string{"灾害"}},
	} {
		if got := weak.Match(c.text); !slices.Equal(got, c.want) {
			t.Errorf("weak themes Match(%q) = %v, want %v", c.text, got, c.want)
		}
	}
	for _, bad := range []string{"", "no colon here", "空:\n", "甲: a\n甲: b\n", "甲: ~\n"} {
		if _, err := ParseThemes(strings.NewReader(bad), "bad.txt"); err == nil || !strings.Contains(err.Error(), "bad.txt") {
			t.Errorf("ParseThemes(%q) = %v, want an error naming the file", bad, err)
		}
	}
	if _, err := LoadThemes(filepath.Join(t.TempDir(), "missing.txt")); err == nil {
		t.Error("LoadThemes of a missing file succeeded")
	}
	// A custom file replaces the default set.
	ex, err := NewExtractorWithThemes(nil, custom)
	if err != nil {
		t.Fatal(err)
	}
	d := fangtan.Document{Title: "数字经济", Paragraphs: []string{"推动高质量发展"}}
	ex.Extract(&d)
	if !slices.Equal(d.Themes, []string{"数字经济"}) {
		t.Errorf("custom extractor themes %v", d.Themes)
	}
}

// BenchmarkExtractXWLB measures extraction throughput (b.SetBytes: MB/s of
// UTF-8 text) on the CCTV news corpus, one Extractor per process as in the
// index build. Run: go test ./corpus -run '^$' -bench ExtractXWLB -benchtime 1x
func BenchmarkExtractXWLB(b *testing.B) {
	ex := exNewTestExtractor(b)
	docs := exReadJSONL(b, "xwlb.jsonl", 0, nil)
	var total int64
	for _, d := range docs {
		total += int64(len(d.Title) + len(d.Text))
	}
	b.SetBytes(total)
	b.ResetTimer()
	cpu0 := exCPUTime()
	for i := 0; i < b.N; i++ {
		for j := range docs {
			d := docs[j]
			ex.Extract(&d)
		}
	}
	exReportCPU(b, total, cpu0)
}

// exReportCPU adds the MB of text extracted per CPU-second.
func exReportCPU(b *testing.B, total int64, cpu0 time.Duration) {
	if cpu := exCPUTime() - cpu0; cpu > 0 {
		b.ReportMetric(float64(total)*float64(b.N)/1e6/cpu.Seconds(), "MB/cpu-s")
	}
}

// BenchmarkExtractXWLBParallel is the same on all cores.
func BenchmarkExtractXWLBParallel(b *testing.B) {
	ex := exNewTestExtractor(b)
	docs := exReadJSONL(b, "xwlb.jsonl", 0, nil)
	var total int64
	for _, d := range docs {
		total += int64(len(d.Title) + len(d.Text))
	}
	b.SetBytes(total)
	b.ResetTimer()
	cpu0 := exCPUTime()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			for j := range docs {
				d := docs[j]
				ex.Extract(&d)
			}
		}
	})
	exReportCPU(b, total, cpu0)
}

// TestExtractOddInput: malformed or degenerate articles give empty or
// partial metadata, never a panic, and keep the quote invariants.
func TestExtractOddInput(t *testing.T) {
	ex := exNewTestExtractor(t)
	long := strings.Repeat("书记“", 20000) + strings.Repeat("太原市委书记王某说", 2000)
	docs := []fangtan.Document{
		{},
		{Title: "“", Paragraphs: []string{"”", "“”", "「」", "\"", "李慧:", ":", "记者:"}},
		{Title: "书记", Paragraphs: []string{"书记书记书记", "市长、、、书记", "——", "——访"}},
		{Title: "bad \xff\xfe utf-8 书记王强说", Paragraphs: []string{"\xff“王强说\xfe”王强说", "区委书记\x00王强"}},
		{Title: "long", Paragraphs: []string{long}},
		{Text: "只有Text的文章\n“这是一句足够长的话,用来测试只有文本的情况。”王强说。"},
	}
	for i, d := range docs {
		d.Paragraphs = slices.Clone(d.Paragraphs)
		ex.Extract(&d)
		if d.Officials == nil || d.Themes == nil || d.Keywords == nil || d.Quotes == nil ||
			d.Places.Provinces == nil || d.Places.Cities == nil || d.Places.Districts == nil {
			t.Errorf("doc %d: nil slice in %+v (JSON would say null)", i, d)
		}
		exCheckQuoteInvariants(t, d)
	}
}

// TestExtractWithoutJieba: with no segmenter (tools without jieba's
// dictionaries) the family-name rules still find the officials and the
// speakers of a page; only keywords are left empty.
func TestExtractWithoutJieba(t *testing.T) {
	ex, err := NewExtractor(nil)
	if err != nil {
		t.Fatal(err)
	}
	var d fangtan.Document
	for _, s := range exSampleDocs(t) {
		if strings.HasPrefix(s.ID, "000") {
			d = s
		}
	}
	ex.Extract(&d)
	exExtractCase{
		name:      "000 without jieba",
		doc:       d,
		officials: []exWantOfficial{{"刘振华", "太原市委常委、小店区委书记", true}, {"王永强", "党委书记", false}},
		places:    fangtan.Places{Provinces: []string{"山西省"}, Cities: []string{"太原市"}, Districts: []string{"小店区"}},
		quotes: []exWantQuote{
			{"事业是拼出来的,口碑是干出来的。", "刘振华", "小店区委书记"},
			{"刘书记懂农业、爱农村、爱农民,知道农村需要啥。", "王永强", "王吴村党委书记"},
		},
	}.check(t)
	if len(d.Keywords) != 0 {
		t.Errorf("keywords without jieba: %v", d.Keywords)
	}
}

// TestEvaluateByCanonicalName: the gold names a person as the article does
// (托马斯·巴赫, 习主席 as 习近平 only where the labeller knew it), and the
// extractor lists them by the alias file's name (巴赫); the score counts
// the person, as an official and as a speaker.
func TestEvaluateByCanonicalName(t *testing.T) {
	text := "国际奥委会主席托马斯·巴赫当天表示：“奥林匹克运动将团结一致。”"
	ev := Evaluate(exNewTestExtractor(t), []GoldItem{{
		ID: "t", Title: "新闻", Date: "2024-08-10", Paragraphs: []string{text},
		Officials: []GoldOfficial{{Name: "托马斯·巴赫", Post: "国际奥委会主席", Country: "国际奥委会"}},
		Quotes:    []GoldQuote{{Paragraph: 1, Text: "奥林匹克运动将团结一致。", Speaker: "托马斯·巴赫"}},
	}})
	if s := ev.Scores[FieldOfficials]; s.Matched != 1 || s.Found != 1 {
		t.Errorf("officials %+v, want the one found matched; misses %v", *s, ev.Misses)
	}
	if s := ev.Scores[FieldQuoteSpeakers]; s.Matched != 1 {
		t.Errorf("quote speakers %+v, want the speaker matched; misses %v", *s, ev.Misses)
	}
}
