package index

import (
	"context"
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search"

	"fangtan"
)

// meanTerms is the mean number of terms the exact analyzer makes of each
// text texts returns, over n documents.
func meanTerms(idx *Index, n int, texts func(yield func(string))) float64 {
	total := 0
	texts(func(s string) {
		if s != "" {
			total += len(idx.b.bigram.Analyze([]byte(s)))
		}
	})
	return float64(total) / float64(n)
}

// expectedStats are the means rankStats should hold for docs.
func expectedStats(idx *Index, docs []fangtan.Document) rankStats {
	quotes := 0
	for _, d := range docs {
		quotes += len(d.Quotes)
	}
	return rankStats{
		Title: meanTerms(idx, len(docs), func(yield func(string)) {
			for _, d := range docs {
				yield(d.Title)
			}
		}),
		Text: meanTerms(idx, len(docs), func(yield func(string)) {
			for _, d := range docs {
				yield(d.Text)
			}
		}),
		Quote: meanTerms(idx, quotes, func(yield func(string)) {
			for _, d := range docs {
				for _, q := range d.Quotes {
					yield(q.Text)
				}
			}
		}),
		Articles: int64(len(docs)),
		Quotes:   int64(quotes),
	}
}

func closeTo(a, b float64) bool { return math.Abs(a-b) < 1e-9*math.Max(1, math.Abs(b)) }

func checkStats(t *testing.T, idx *Index, want rankStats) {
	t.Helper()
	got, ok, err := readRankStats(idx.idx)
	if err != nil || !ok {
		t.Fatalf("rank statistics: %v, present %v", err, ok)
	}
	if !closeTo(got.Title, want.Title) || !closeTo(got.Text, want.Text) || !closeTo(got.Quote, want.Quote) || got.Articles != want.Articles || got.Quotes != want.Quotes {
		t.Errorf("rank statistics %+v, want %+v", got, want)
	}
}

// TestRankStatsAreTheMeanLengths: a build keeps the mean number of terms
// of each text field, as the exact analyzer cuts them, and an add takes
// its documents into the means.
func TestRankStatsAreTheMeanLengths(t *testing.T) {
	docs := fixtureDocs(t)
	first, added := docs[:len(docs)-3], docs[len(docs)-3:]
	idx := indexOf(t, "stats", first)
	checkStats(t, idx, expectedStats(idx, first))
	if _, err := idx.Add(context.Background(), added, BuildOptions{}); err != nil {
		t.Fatal(err)
	}
	checkStats(t, idx, expectedStats(idx, docs))
}

// avgFieldLength matches bleve's explanation of a BM25 length norm.
var avgFieldLength = regexp.MustCompile(`fieldNorm\(field=(\w+)\), b=[0-9.]+, fieldLength=[0-9.]+, avgFieldLength=([0-9.]+)\)`)

// explainedAverages returns the average field lengths bleve's BM25 used
// to score the hits of q, by field.
func explainedAverages(t *testing.T, ctx context.Context, idx *Index, q string) map[string]float64 {
	t.Helper()
	c, err := idx.compile(fangtan.Query{Text: q}, articles)
	if err != nil {
		t.Fatal(err)
	}
	req := bleve.NewSearchRequestOptions(c.q, 10, 0, true)
	res, err := idx.idx.SearchInContext(ctx, req)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Hits) == 0 {
		t.Fatalf("%s: no hits", q)
	}
	avgs := map[string]float64{}
	for _, h := range res.Hits {
		for _, m := range avgFieldLength.FindAllStringSubmatch(explanation(h.Expl), -1) {
			v, err := strconv.ParseFloat(m[2], 64)
			if err != nil {
				t.Fatal(err)
			}
			avgs[m[1]] = v
		}
	}
	return avgs
}

func explanation(e *search.Explanation) string {
	if e == nil {
		return ""
	}
	var b strings.Builder
	b.WriteString(e.Message)
	for _, c := range e.Children {
		b.WriteString("\n" + explanation(c))
	}
	return b.String()
}

// TestRankingUsesTheMeanLengths: searches score with the texts' real mean
// length (rounded up, as bleve does), where bleve's own figure, a field's
// distinct terms per document of the whole index, is a fraction of it.
func TestRankingUsesTheMeanLengths(t *testing.T) {
	docs := fixtureDocs(t)
	idx := indexOf(t, "ranked", docs)
	want := expectedStats(idx, docs)
	// The first two letters of the first title, which texts hold too.
	var word []rune
	for _, r := range docs[0].Title {
		if unicode.IsLetter(r) && len(word) < 2 {
			word = append(word, r)
		}
	}
	own := explainedAverages(t, context.Background(), idx, string(word))
	got := explainedAverages(t, idx.withRankStats(context.Background(), articles), idx, string(word))
	for field, mean := range map[string]float64{fieldTextExact: want.Text, fieldTitleExact: want.Title} {
		if got[field] != math.Ceil(mean) {
			t.Errorf("%s: searches score with an average length of %v, want the mean %v rounded up", field, got[field], mean)
		}
		t.Logf("%s: mean %.1f, bleve's own average %v", field, mean, own[field])
	}
	if fmt.Sprint(own) == fmt.Sprint(got) {
		t.Errorf("the statistics change nothing: %v", got)
	}
}

// TestRankingFavoursTheArticleAbout: a feature that names a city seven
// times in a text half as long again as the average ranks above a
// news item half the average long that names it once; bleve's own length
// averages reversed the two. The lengths are those of two xwlb items for
// 太原 (xwlb-20240421-8144, 693 characters and seven mentions, and
// xwlb-20230325-2581, 205 and one, where the mean is 449), which relevance
// readers graded 2 and 1 (testdata/relevance).
func TestRankingFavoursTheArticleAbout(t *testing.T) {
	docs := fixtureDocs(t)
	idx := indexOf(t, "lengths", docs)
	mean := expectedStats(idx, docs).Text
	sentence := "太原老工业区的厂房改造成了创新园区。"
	var feature strings.Builder
	for i := 0; feature.Len() == 0 || float64(len(idx.b.bigram.Analyze([]byte(feature.String())))) < 1.5*mean; i++ {
		if i < 7 {
			feature.WriteString(sentence)
		} else {
			feature.WriteString("老工业区的厂房改造成了创新园区。")
		}
	}
	item := "太原举办技能大赛。"
	for float64(len(idx.b.bigram.Analyze([]byte(item)))) < 0.45*mean {
		item += "选手们同台竞技。"
	}
	docs = append(docs,
		fangtan.Document{ID: "feature", Title: "一座城市的破题之道", Text: feature.String()},
		fangtan.Document{ID: "item", Title: "全国技能大赛今天开赛", Text: item},
	)
	idx = indexOf(t, "about", docs)
	res, err := idx.Search(context.Background(), fangtan.Query{Text: "太原", Size: 2})
	if err != nil {
		t.Fatal(err)
	}
	if ids := hitIDs(res); len(ids) < 2 || ids[0] != "feature" {
		t.Errorf("太原 ranks %v, want the feature first", ids)
	}
}

// TestRankingWithoutStats: an index built before the statistics were kept
// is searched and ranked as bleve ranks it.
func TestRankingWithoutStats(t *testing.T) {
	docs := fixtureDocs(t)
	idx := indexOf(t, "old", docs)
	b := idx.idx.NewBatch()
	b.DeleteInternal(rankStatsKey)
	if err := idx.idx.Batch(b); err != nil {
		t.Fatal(err)
	}
	idx.gen.Add(1)
	if _, ok, err := readRankStats(idx.idx); ok || err != nil {
		t.Fatalf("statistics still read: %v", err)
	}
	if ctx := idx.withRankStats(context.Background(), articles); ctx.Value(search.BM25StatsKey) != nil {
		t.Error("statistics handed to bleve for an index without them")
	}
	res, err := idx.Search(context.Background(), fangtan.Query{Text: docs[0].Title})
	if err != nil {
		t.Fatal(err)
	}
	if res.Total == 0 {
		t.Errorf("%s: no hits", docs[0].Title)
	}
}

// TestRankingFavoursWhoSpeaks: a search for a person's name ranks the
// article that quotes them above a short item that lists them among the
// people present, which BM25 alone puts first (xwlb's 王毅: lists of Xi
// Jinping's entourage filled the first page before his press
// conferences).
func TestRankingFavoursWhoSpeaks(t *testing.T) {
	docs := append(fixtureDocs(t),
		fangtan.Document{ID: "entourage", Title: "习近平结束国事访问回到北京",
			Text: "习近平结束国事访问回到北京。蔡奇、王毅等陪同人员同机返回。"},
		fangtan.Document{ID: "briefing", Title: "外长介绍访问成果",
			Text:   "王毅向记者介绍访问情况。他说，这次访问成果丰硕，双方同意加强在经贸、人文等领域的交流合作，共同维护多边主义。双方还就地区形势深入交换了意见，一致认为应当通过对话协商解决分歧。",
			Quotes: []fangtan.Quote{{Speaker: "王毅", Text: "这次访问成果丰硕，双方同意加强在经贸、人文等领域的交流合作，共同维护多边主义。", Kind: fangtan.QuoteReported}}},
	)
	idx := indexOf(t, "speaks", docs)
	res, err := idx.Search(context.Background(), fangtan.Query{Text: "王毅", Size: 2})
	if err != nil {
		t.Fatal(err)
	}
	if ids := hitIDs(res); len(ids) < 2 || ids[0] != "briefing" {
		t.Errorf("王毅 ranks %v, want the briefing first", ids)
	}
	// The speaker field counts in no facet of article search.
	if f := res.Facets["speaker"]; len(f) > 0 {
		t.Errorf("article search counts speakers: %v", f)
	}
}

// TestQuoteRankingWeighsStatements: quote search ranks a statement that
// says something about the police, naming them four times in 69
// letters, above a testimony fragment that names them once in 12, which
// BM25's length norm put first (hkcnews's 警察: relevance readers graded
// the fragment 1 and the statement 2).
func TestQuoteRankingWeighsStatements(t *testing.T) {
	fragment := "她告訴我，警察搜查了她的家"
	statement := "當警察來拘捕的時候，示威者要坐低，不可以同警察發生衝突，包括不應該大力掙扎，因為會傷害到自己同警察，他們應該放軟身體，等警察抬他們上警車。"
	docs := append(fixtureDocs(t),
		fangtan.Document{ID: "testimony", Title: "衛星圖片揭再教育營", Text: "阿布拉蒂說：「" + fragment + "」",
			Quotes: []fangtan.Quote{{Speaker: "阿布拉蒂", Text: fragment, Kind: fangtan.QuoteDirect}}},
		fangtan.Document{ID: "statement", Title: "陳健民談公民抗命", Text: "陳健民說：「" + statement + "」",
			Quotes: []fangtan.Quote{{Speaker: "陈健民", Text: statement, Kind: fangtan.QuoteDirect}}},
	)
	idx := indexOf(t, "quotes", docs)
	res, err := idx.SearchQuotes(context.Background(), fangtan.Query{Text: "警察", Size: 2})
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, h := range res.Hits {
		ids = append(ids, h.ID)
	}
	if len(ids) < 2 || !strings.HasPrefix(ids[0], "statement#") {
		t.Errorf("警察 ranks the quotes %v, want the statement first", ids)
	}
}

// TestSpeakerExcludeLeavesArticles: articles hold their quotes' speakers
// to rank by, and a NOT chip on a speaker, which quote search applies,
// leaves article search as it was before they did.
func TestSpeakerExcludeLeavesArticles(t *testing.T) {
	idx := indexOf(t, "exclude", []fangtan.Document{
		{ID: "a", Title: "外长介绍访问成果", Text: "王毅向记者介绍访问情况。",
			Quotes: []fangtan.Quote{{Speaker: "王毅", Text: "这次访问成果丰硕，双方同意加强交流合作。", Kind: fangtan.QuoteReported}}},
	})
	res, err := idx.Search(context.Background(), fangtan.Query{Text: "访问", Excludes: map[string][]string{"speaker": {"王毅"}}})
	if err != nil {
		t.Fatal(err)
	}
	if res.Total != 1 {
		t.Errorf("article search without speaker 王毅: %d hits, want 1", res.Total)
	}
	q, err := idx.SearchQuotes(context.Background(), fangtan.Query{Text: "访问", Excludes: map[string][]string{"speaker": {"王毅"}}})
	if err != nil {
		t.Fatal(err)
	}
	if q.Total != 0 {
		t.Errorf("quote search without speaker 王毅: %d hits, want 0", q.Total)
	}
}

// TestFieldsAsSpecified: every field of a built article and quote is
// indexed with the options its type's field list gives it, so that a
// field two types share (speaker) is indexed alike in both.
func TestFieldsAsSpecified(t *testing.T) {
	m := newMapping()
	b, err := newDocBuilder(m)
	if err != nil {
		t.Fatal(err)
	}
	d := fixtureDocs(t)[0]
	d.Quotes = append(d.Quotes, fangtan.Quote{Speaker: "王毅", Text: "这次访问成果丰硕。", Kind: fangtan.QuoteReported})
	docs, err := b.build(&d)
	if err != nil {
		t.Fatal(err)
	}
	for i, doc := range docs {
		specs := articleSpecs
		if i > 0 {
			specs = quoteSpecs
		}
		for _, f := range doc.Fields {
			spec, ok := specs[f.Name()]
			if !ok {
				t.Errorf("document %s: field %s is in no field list of its type", doc.ID(), f.Name())
				continue
			}
			if f.Options() != spec.options() {
				t.Errorf("document %s: field %s indexed with %v, its list says %v", doc.ID(), f.Name(), f.Options(), spec.options())
			}
		}
	}
}
