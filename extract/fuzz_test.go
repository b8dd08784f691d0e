package extract_test

import (
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"fangtan"
	"fangtan/analyzer"
	"fangtan/extract"
)

var fuzzExtractor struct {
	once sync.Once
	ex   *extract.Extractor
	err  error
}

func extractorForFuzz(t testing.TB) *extract.Extractor {
	fuzzExtractor.once.Do(func() {
		seg, err := analyzer.Default()
		if err != nil {
			fuzzExtractor.err = err
			return
		}
		fuzzExtractor.ex, fuzzExtractor.err = extract.NewExtractor(seg)
	})
	if fuzzExtractor.err != nil {
		t.Fatal(fuzzExtractor.err)
	}
	return fuzzExtractor.ex
}

// FuzzExtract: extraction from any title and text keeps every quote inside
// its paragraph and every name and place valid text.
func FuzzExtract(f *testing.F) {
	f.Add("运城市委书记丁小强", "丁小强说：“紮實開展「我為群眾辦實事」。”\n記者：您如何看？\n丁小强：要干。")
	f.Add("", "“”“”「」：：\n\n")
	f.Add("a", "他说：“"+strings.Repeat("长", 2000)+"”")
	f.Add("太原", "小店区委书记刘振华表示，“事业是拼出来的”。")
	// The speaker rules of Hong Kong features: a colon's clause, a lead-in
	// paragraph across headings, the interviewee, the person asked about.
	f.Add("專訪", "李卓人記得：「輸咗之後。」\n李卓人在落敗後，首次回應：\n**講心情**\n「心情複雜。」\n：\n**\n「想問？」\n被問到對律政司司長鄭若驊的看法，她說：「嬲。」")
	// A comma before the quotation (commaSpeaker), and the sentence before
	// it (prevSentenceSpeaker).
	f.Add("專訪", "議員陳淑莊今日出庭。\n選舉結束後，陳淑莊沒有哭，但心中還是一沉，「輸咗就係輸咗。」\n起訴書稱，陳淑莊涉嫌，「」，「\n對於陳淑莊說。「」陳淑莊說，我。「我們。」。「")
	// Speakers in Latin letters, and reported words that end at a
	// semicolon where another person's begin.
	f.Add("", "負責社工Vivek說：「我哋會跟進。」Dr Payne-James 表示，A；胡解釋，B。在Facebook表示：「x」A B C D說，；；胡說")
	// Names with a name stop inside (黃之鋒), a pronoun after a sentence
	// of testimony, and quotations joined by a pause.
	f.Add("", "當日向黃之鋒鎖上手扣的警員何秀強供稱，的。他稱，「甲」、「乙」，「」、「\n廖亦武表示：「」、")
	// The eighteenth session's paths: a subject alone before a clause with
	// none, barristers and judges addressed by family name, names cut.
	f.Add("", "嶺南大學副教授黃淑嫻，今天在facebook貼文表示：「甲。」\n蔡鎮大律師及蔡維邦大律師。蔡大律師指出，乙\n上訴庭庭長張舉能。張官續指：「」\n葉國謙稱，葉國謙；葉國，「德育及國民教育科」引起。黃均瑜稱，包致金說，譚文豪表示，")
	// Names made whole, a family name alone, a pronoun acting on a name.
	f.Add("", "律政司司長袁國強要離職。請求袁國強多留任。\n陳日君作供，陳日君憶述。法官陳仲衡。陳供稱：「甲」。陳指，乙，法官稱「丙」\n他在傍晚發文批評陳浩天並提及台獨：「丁」黃續說，他")
	ex := extractorForFuzz(f)
	f.Fuzz(func(t *testing.T, title, text string) {
		if !utf8.ValidString(title) || !utf8.ValidString(text) {
			// Readers decode every file to UTF-8 (JSON turns bad bytes into
			// U+FFFD), so Extract never sees invalid text; on such text a
			// quote may hold U+FFFD where the paragraph holds the bad byte.
			t.Skip("not UTF-8")
		}
		d := fangtan.Document{ID: "x", Title: title, Text: text, Paragraphs: strings.Split(text, "\n")}
		ex.Extract(&d)
		checkExtracted(t, &d)
	})
}

// checkExtracted checks the invariants of an extracted document: every
// quote lies inside the paragraph it names, and names are valid text.
func checkExtracted(t *testing.T, d *fangtan.Document) {
	t.Helper()
	for _, q := range d.Quotes {
		if q.Text == "" {
			t.Fatalf("document %s: empty quote %+v", d.ID, q)
		}
		if q.Paragraph < 0 || q.Paragraph >= len(d.Paragraphs) {
			t.Fatalf("document %s: quote %q names paragraph %d of %d", d.ID, q.Text, q.Paragraph, len(d.Paragraphs))
		}
		if !strings.Contains(d.Paragraphs[q.Paragraph], q.Text) {
			t.Fatalf("document %s: quote %q is not in paragraph %d %q", d.ID, q.Text, q.Paragraph, d.Paragraphs[q.Paragraph])
		}
	}
	for _, o := range d.Officials {
		if o.Name == "" || !utf8.ValidString(o.Name) || !utf8.ValidString(o.Title) {
			t.Fatalf("document %s: official %+v", d.ID, o)
		}
	}
}
