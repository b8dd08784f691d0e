package extract

import (
	"slices"
	"strings"
	"testing"

	"fangtan"
	"fangtan/analyzer"
)

func TestFindQuotations(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"他说:“你好。”", []string{"你好。"}},
		{"“外‘内’外”和「另一个」", []string{"外‘内’外", "另一个"}},
		{"“甲“乙”甲”", []string{"甲“乙”甲"}},
		{"「未闭合「内层」后面", []string{"内层"}},
		{"it’s “ok”", []string{"ok"}},
		{"\"直引号\"和\"第二个\"", []string{"直引号", "第二个"}},
		{"孤单的\"", nil},
		{"”“倒过来", nil},
	}
	for _, tc := range tests {
		rs := []rune(tc.text)
		var got []string
		for _, q := range findQuotations(rs) {
			got = append(got, string(rs[q.start:q.end]))
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("findQuotations(%q) = %q, want %q", tc.text, got, tc.want)
		}
	}
}

// BenchmarkFindQuotationsUnclosed: a paragraph of unclosed marks (once
// quadratic) should cost about as much per rune as ordinary text.
func BenchmarkFindQuotationsUnclosed(b *testing.B) {
	rs := []rune(strings.Repeat("书记“", 200000))
	b.SetBytes(int64(len(string(rs))))
	for i := 0; i < b.N; i++ {
		findQuotations(rs)
	}
}

func TestParseTurn(t *testing.T) {
	tests := []struct {
		text     string
		speaker  string
		question bool
		ok       bool
	}{
		{"记者:请问", "记者", true, true},
		{"人民网:今年", "人民网", true, true},
		{"李慧:迎泽区", "李慧", false, true},
		{"**《德国之声》 : 今年", "德国之声", true, true},
		{"陈日君 :我", "陈日君", false, true},
		{"陵城:狠抓落实", "", false, false},     // no family name
		{"截至目前:全区", "", false, false},     // not a name
		{"2021年:回顾", "", false, false},    // not Han
		{"这是一段没有冒号的文字", "", false, false}, // no turn
	}
	for _, tc := range tests {
		tn, ok := parseTurn([]rune(analyzer.Fold(tc.text)))
		if ok != tc.ok || tn.speaker != tc.speaker || tn.question != tc.question {
			t.Errorf("parseTurn(%q) = %+v, %v; want %q question=%v ok=%v", tc.text, tn, ok, tc.speaker, tc.question, tc.ok)
		}
	}
}

// BenchmarkExtractManyQuotes: a long page of attributed quotations (the
// speaker search once rescanned the page for every quotation).
func BenchmarkExtractManyQuotes(b *testing.B) {
	ex := exNewTestExtractor(b)
	para := strings.Repeat("“这是一句足够长的话,用来测试很多引语的情况。”王强说。", 3000)
	b.SetBytes(int64(len(para)))
	for i := 0; i < b.N; i++ {
		d := fangtan.Document{Title: "many", Paragraphs: []string{para}}
		ex.Extract(&d)
	}
}

// TestInterviewAnswers: the 答: turns of an interview whose subject holds
// no post are the answers of the person its headline names as
// interviewed (专访｜陈文敏) or as the speaker of its words (陈文敏：…); a
// headline that names no one so leaves them without a speaker.
func TestInterviewAnswers(t *testing.T) {
	ex := exNewTestExtractor(t)
	body := []string{"記者問及法治現況，港大法律學院教授陳文敏接受本報訪問。", "問：香港法治是否受到衝擊？", "答：我覺得是有的，而且情況令人憂慮。", "問：市民可以做甚麼？", "答：大家要守護法治，不能沉默。"}
	tests := []struct{ title, speaker string }{
		{"陳文敏：法治要靠大家守護", "陈文敏"},
		{"專訪｜陳文敏 法治要靠大家守護", "陈文敏"},
		{"法治要靠大家守護", ""},
		{"法治：陳文敏談守護之道", ""},
	}
	for _, tc := range tests {
		t.Run(tc.title, func(t *testing.T) {
			d := fangtan.Document{Title: tc.title, Paragraphs: slices.Clone(body)}
			ex.Extract(&d)
			var answers []string
			for _, q := range d.Quotes {
				if strings.HasPrefix(q.Text, "我覺得") || strings.HasPrefix(q.Text, "大家要") {
					answers = append(answers, q.Speaker)
				}
			}
			if len(answers) != 2 || answers[0] != tc.speaker || answers[1] != tc.speaker {
				t.Errorf("answers by %q, want both by %q", answers, tc.speaker)
			}
		})
	}
}
