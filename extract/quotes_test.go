package extract

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

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

// TestFeatureSpeakers: features that give their subjects' words as
// paragraphs of quotation and never say, at the quotation, whose they are.
func TestFeatureSpeakers(t *testing.T) {
	ex := exNewTestExtractor(t)
	sections := []string{
		"佔中案今日開審，被告包括邵家臻、張秀賢和黃浩銘。本報向三人詢問以下問題。",
		"**立法會社會福利界議員邵家臻**",
		"**1. 審訊對你意味著甚麼？**",
		"「這個審訊，固然是有心理準備，但亦有好多係不似預期的。",
		"對我個人意味著學習犧牲、意味著為香港付代價。」",
		"**前學聯常委、前中大學生會會長張秀賢**",
		"**1. 審訊對你意味著甚麼？**",
		"「平常心，最重要是講清楚件事，參加的人好多。」",
		"**社民連副主席黃浩銘**",
		"「坦然，可以嗎？無甚特別，又不是緊張，又不是不開心。」",
	}
	tests := []struct {
		name, title string
		paras       []string
		quote, want string
	}{
		// Each person's answers are under a heading of their name.
		{"a section's first paragraph", "九子上庭前感言", sections, "這個審訊，固然是有心理準備", "邵家臻"},
		{"a quotation run on over paragraphs", "九子上庭前感言", sections, "對我個人意味著學習犧牲", "邵家臻"},
		{"a section headed by a name after a post", "九子上庭前感言", sections, "平常心，最重要是講清楚件事", "张秀贤"},
		{"the last section", "九子上庭前感言", sections, "坦然，可以嗎？", "黄浩铭"},
		// A credit is no section: the song's words are nobody's speech.
		{"a credit heading", "梅艷芳逝世15年", []string{
			"歌手梅艷芳逝世15年，作曲家倫永亮今日出席紀念活動，倫永亮說：「我好掛住佢。」",
			"**《四海一心》 作詞：潘偉源 作曲：倫永亮**",
			"「要奮勇投向這真理，要決意達到這希冀。」",
		}, "要奮勇投向這真理", ""},
		// A quotation opened once and closed at its last paragraph is its
		// speaker's all through.
		{"a quotation run on from a named speaker", "田北俊嘆自由黨難再有直選", []string{
			"立法會議員田北俊接受本報專訪。",
			"田北俊說：「有班中年嘅後生仔，我覺得好係做議員嘅人才，個個都意興闌珊。",
			"第二，直選嗰邊，市民又唔會選我哋喎，反對又唔夠人哋反對。」",
		}, "第二，直選嗰邊", "田北俊"},
		// …and so is a paragraph it runs on to after a paragraph that
		// took its speaker from the one before.
		{"a quotation run on from a continued paragraph", "田北俊嘆自由黨難再有直選", []string{
			"立法會議員田北俊接受本報專訪。",
			"田北俊表明對此「睇得好淡」，田北俊說：「我覺得而家香港嘅立法會，質素、興趣都低咗好多。」",
			"「有班中年嘅後生仔，我覺得好係做議員嘅人才，個個都意興闌珊。",
			"第二，直選嗰邊，市民又唔會選我哋喎，反對又唔夠人哋反對。」",
		}, "第二，直選嗰邊", "田北俊"},
		// A lead-in that names one person introduces their words, though
		// no verb says so (以下是…的聲明全文：).
		{"a lead-in naming one person", "議員就髮型啫喱事件發聲明", []string{
			"立法會議員馬逢國今午發聲明回應事件。",
			"以下是馬逢國的聲明全文：",
			"「就今天有傳媒報道，我早前乘搭飛機時被指控向機場保安人員施壓一事，特此作出澄清。",
			"事後我已了解到機場管理局的規定，若在過程中帶來不便，我在此表示歉意。」",
		}, "事後我已了解到", "马逢国"},
		{"a lead-in naming two people", "議員就髮型啫喱事件發聲明", []string{
			"立法會議員馬逢國今午發聲明回應事件，議員陳淑莊亦有回應。",
			"以下是馬逢國和陳淑莊的聲明：",
			"「就今天有傳媒報道，我早前乘搭飛機時被指控向機場保安人員施壓一事，特此作出澄清。",
			"事後我已了解到機場管理局的規定，若在過程中帶來不便，我在此表示歉意。」",
		}, "事後我已了解到", ""},
		// A pronoun after a long sentence whose last clause opens with the
		// person it is about.
		{"a pronoun after a long sentence's last clause", "鄭若驊否認考慮辭職", []string{
			"特首林鄭月娥今日表示，會繼續支持律政司司長鄭若驊。",
			"由上任首天就被揭發入住10年的屯門海詩別墅獨立屋僭建，兩個星期飽受批評，誠信連番受到質疑，鄭若驊被問到有否考慮過辭職？她續指，希望通過她處理分歧的經驗維護《基本法》，「等香港嘅法律界或者市民嘅意見，可以如實咁樣解釋，令到一國兩制能夠全面咁落實。」",
		}, "等香港嘅法律界", "郑若骅"},
		// The headline says whose words the feature gives.
		{"a headline's name and verb", "黃之鋒細說 監獄如何扭曲人性", []string{
			"時間回到8月17日，黃之鋒被押上囚車送到壁屋懲教所。",
			"「每朝6點半，監獄會播港台一台，全部人都會醒晒起身刷牙洗臉。」",
			"「監倉入面的杯、牙刷全部都要放在指定位置。」",
		}, "每朝6點半", "黄之锋"},
		// A feature names its subject by the given name alone after the
		// first mention; her words, so found, make her the interviewee
		// whose standalone quotations are hers.
		{"a given name alone", "羅冠聰女友袁嘉蔚：我要站得更前", givenNameFeature, "當見到對方笑", "袁嘉蔚"},
		{"a standalone quotation in a feature of her words", "羅冠聰女友袁嘉蔚：我要站得更前", givenNameFeature, "直到阿聰入獄後", "袁嘉蔚"},
		// Written alone only inside another's quotations, it is how that
		// speaker names the person, not how the article does.
		{"a given name alone only in quotations", "章立凡談李銳追悼會", []string{
			"獨立評論人章立凡接受訪問。李銳女兒李南央早前公開父親日記，李南央說，父親不願覆蓋黨旗。李南央又說：「父親生前已經講得很清楚。」",
			"章立凡說，李銳追悼會的爭議，可以說是家事、國事和黨內事的集結。「我相信南央說的是真的。我也注意到，南央女士公布了李銳先生的日記。正如南央所說，只要生活在中國，就一定會受到黨的箝制。」",
			"他說，「黨旗代表你的歸屬，海外炒作也無用。」",
		}, "黨旗代表你的歸屬", "章立凡"},
		// The second piece of joined words (「…」、「…」) is the first
		// one's speaker's, also where a later rule (the interviewee's)
		// gave the first its speaker.
		{"joined words after an interviewee's quotation", "車長葉蔚琳：我哋只係想公平", []string{
			"九巴車長葉蔚琳接受本報訪問。",
			"葉蔚琳說：「我做車長已經十年。」",
			"葉蔚琳表示：「我哋只係想公平。」",
			"葉蔚琳指：「工會應該代表車長。」",
			"「我好記得嗰日去香港電台訪問，主持人話有個議員會一齊做訪問。」、「我唔想沾染到有啲政黨，因為我知道咁樣會好麻煩。」",
		}, "我唔想沾染到有啲政黨", "叶蔚琳"},
		// A question alone between two quotations: the one who answered
		// the last question answers this one.
		{"an answer to the reporter's next question", "李澤楷談家庭", []string{
			"電訊盈科主席李澤楷接受訪問。",
			"被問到對他三個兒子有何期望，李澤楷說：「希望他們快樂成長，將來做到社會貢獻者。」兒子反叛又如何？「如對社會有正面貢獻，我會給他做。」",
		}, "如對社會有正面貢獻", "李泽楷"},
		{"a headline without a verb", "黃之鋒 監獄如何扭曲人性", []string{
			"時間回到8月17日，黃之鋒被押上囚車送到壁屋懲教所。",
			"「每朝6點半，監獄會播港台一台，全部人都會醒晒起身刷牙洗臉。」",
			"「監倉入面的杯、牙刷全部都要放在指定位置。」",
		}, "每朝6點半", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := fangtan.Document{Title: tc.title, Paragraphs: slices.Clone(tc.paras)}
			ex.Extract(&d)
			for _, q := range d.Quotes {
				if strings.HasPrefix(q.Text, tc.quote) {
					if q.Speaker != tc.want {
						t.Errorf("speaker %q, want %q", q.Speaker, tc.want)
					}
					return
				}
			}
			t.Fatalf("no quotation %q among %+v", tc.quote, d.Quotes)
		})
	}
}

// givenNameFeature is a feature that writes its subject's given name
// alone (嘉蔚) after naming her in full (袁嘉蔚), after hkcnews-6935.
var givenNameFeature = []string{
	"23歲的袁嘉蔚，現在的工作是眾志社區幹事。",
	"袁嘉蔚強調：「我不是要做第二個羅冠聰。」",
	"嘉蔚憶起與阿聰初次見面的畫面，他們當時都在學聯。",
	"雖然日常生活離不開工作，但嘉蔚覺得：「當見到對方笑，你知道那是不一樣的笑。」",
	"嘉蔚記得：「但他都繼續做，不會說自己輸硬。」",
	"「直到阿聰入獄後，我發現，我那麼難受。」",
	"嘉蔚分享了一個笑話：「有一次，阿聰在canteen買了碗湯。」",
}

// TestQuotationRuns: a quotation that runs over several paragraphs, opened
// once and closed at its last, or opened again at each (「… | 「… | 「…」),
// is quoted paragraph by paragraph, and verse is not.
func TestQuotationRuns(t *testing.T) {
	ex := exNewTestExtractor(t)
	type quote struct {
		para    int
		speaker string
	}
	tests := []struct {
		name  string
		paras []string
		want  []quote
	}{
		{"opened once, closed two paragraphs on", []string{
			"立法會議員田北俊今日見記者。",
			"田北俊說：「有班中年嘅後生仔，我覺得好係做議員嘅人才。",
			"第二，直選嗰邊，市民又唔會選我哋喎，我哋好難贏。",
			"第三，自由黨要諗下點樣培育人才。」",
		}, []quote{{1, "田北俊"}, {2, "田北俊"}, {3, "田北俊"}}},
		{"opened again at each paragraph", []string{
			"立法會議員田北俊今日見記者。",
			"田北俊說：「有班中年嘅後生仔，我覺得好係做議員嘅人才。",
			"「第二，直選嗰邊，市民又唔會選我哋喎，我哋好難贏。",
			"「第三，自由黨要諗下點樣培育人才。」",
		}, []quote{{1, "田北俊"}, {2, "田北俊"}, {3, "田北俊"}}},
		{"verse", []string{
			"歌手梅艷芳當年唱出《四海一心》。",
			"「我與你遙隔幾千里，血裡卻共有這刻記，永遠共分享痛悲；",
			"要奮勇投向這真理，要決意達到這希冀，寧勇敢犧牲自己，協力圍護你；",
			"雖分千千里而四海一心，天生譜寫上新的日記，明日真善美。」",
		}, nil},
		{"an opening mark never closed", []string{
			"立法會議員田北俊今日見記者。",
			"田北俊說：「有班中年嘅後生仔，我覺得好係做議員嘅人才。",
			"第二，直選嗰邊，市民又唔會選我哋喎，我哋好難贏。",
			"田北俊其後離開。",
		}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := fangtan.Document{Title: "田北俊嘆自由黨難再有直選", Paragraphs: slices.Clone(tc.paras)}
			ex.Extract(&d)
			var got []quote
			for _, q := range d.Quotes {
				if q.Paragraph > 0 {
					got = append(got, quote{q.Paragraph, q.Speaker})
				}
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("quotes %v, want %v (%+v)", got, tc.want, d.Quotes)
			}
		})
	}
}

// TestNamesCutAsNouns: a name jieba cuts into a noun of two runes and a
// noun of one (方国/n 珊/n) is a name where the article writes it again,
// but not a body's or a thing's (路政/署), and not the middle of a name
// whose family name jieba cut off (谭/zg 文豪/n).
func TestNamesCutAsNouns(t *testing.T) {
	ex := exNewTestExtractor(t)
	tests := []struct {
		name     string
		paras    []string
		official string // an official the article must list, or ""
		speakers []string
		not      string // a name no official or speaker may be
	}{
		{"a district councillor", []string{
			"西貢區議員方國珊今日出席記者會。",
			"方國珊表示，會繼續爭取改善交通。",
			"方國珊說：「我會堅持到底，唔會放棄。」",
		}, "方国珊", []string{"方国珊"}, "方国"},
		{"a body", []string{
			"港鐵昨日向路政署呈交資料後，路政署今日凌晨發稿，批評港鐵未有及時向政府通報，政府「完全不能接受」。",
		}, "", nil, "路政署"},
		{"a family name cut off", []string{
			"立法會交通事務委員會委員譚文豪指，政府未有交代超支詳情。",
			"譚文豪指，應先了解超支的原因。",
		}, "", nil, "文豪"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := fangtan.Document{Title: "標題", Paragraphs: slices.Clone(tc.paras)}
			ex.Extract(&d)
			var officials []string
			for _, o := range d.Officials {
				officials = append(officials, o.Name)
			}
			speakers := map[string]bool{}
			for _, q := range d.Quotes {
				speakers[q.Speaker] = true
			}
			if tc.official != "" && !slices.Contains(officials, tc.official) {
				t.Errorf("officials %v, want %s among them", officials, tc.official)
			}
			for _, s := range tc.speakers {
				if !speakers[s] {
					t.Errorf("speakers %v, want %s among them", speakers, s)
				}
			}
			if slices.Contains(officials, tc.not) || speakers[tc.not] {
				t.Errorf("%s read as a person: officials %v, speakers %v", tc.not, officials, speakers)
			}
		})
	}
}

// TestNounNameAt: the family name jieba cut off before a noun (谭/zg
// 文豪/n) starts the name, not the noun.
func TestNounNameAt(t *testing.T) {
	ex := exNewTestExtractor(t)
	tg := newTagged(ex.seg, "立法会交通事务委员会委员谭文豪指,政府未有交代。方国珊说,会继续跟进。")
	tg.writtenAgain = func(string) bool { return true }
	rs := tg.runes
	for _, tc := range []struct {
		at   string
		want bool
	}{{"文豪", false}, {"方国", true}} {
		i := strings.Index(string(rs), tc.at)
		if got := tg.nounNameAt(utf8.RuneCountInString(string(rs)[:i])); got != tc.want {
			t.Errorf("nounNameAt(%s) = %v, want %v", tc.at, got, tc.want)
		}
	}
}

// TestNamedNotQuoted: a title, a name or an inscription in quotation
// marks (data/namingverbs.txt) is no quote; words said still are.
func TestNamedNotQuoted(t *testing.T) {
	ex := exNewTestExtractor(t)
	tests := []struct {
		para, text string
		quoted     bool
	}{
		{"外交部長王毅今日發表題為「踐行全球文明倡議，推動文明交流互鑑」的演講。", "踐行全球文明倡議，推動文明交流互鑑", false},
		{"被告林朗彥穿著一件黑色T恤，上面印著「人生好難」，步入犯人欄。", "人生好難", false},
		{"港大學生會會長黃程鋒表示，橋上寫有「冷血屠城烈士英魂不朽，誓殲豺狼民主星火不滅」。", "冷血屠城烈士英魂不朽，誓殲豺狼民主星火不滅", false},
		{"外交部長王毅今日表示：「踐行全球文明倡議，推動文明交流互鑑。」", "踐行全球文明倡議，推動文明交流互鑑。", true},
	}
	for _, tc := range tests {
		t.Run(tc.text, func(t *testing.T) {
			d := fangtan.Document{Title: "標題", Paragraphs: []string{tc.para}}
			ex.Extract(&d)
			found := false
			for _, q := range d.Quotes {
				if q.Kind == fangtan.QuoteDirect && q.Text == tc.text {
					found = true
				}
			}
			if found != tc.quoted {
				t.Errorf("quoted %v, want %v (%+v)", found, tc.quoted, d.Quotes)
			}
		})
	}
}

// TestTurnQuotedOnce: a speaker's turn that is one quotation with a note
// (曾俊華：（2014年2月26日）「…」) is one quote, the quotation's words with
// the turn's speaker, not the turn, marks and all, beside the same words
// with no speaker.
func TestTurnQuotedOnce(t *testing.T) {
	turns := []string{
		"財政司司長曾俊華今日出席活動。",
		"曾俊華：（2014年2月26日）「過去兩年，所有推出來的政策，都是適當的。」",
		"曾俊華：「我會繼續努力，做好份工。」",
	}
	d := extractText(t, "財政司司長曾俊華談施政", turns...)
	for _, tc := range []struct {
		name      string
		paragraph int
		want      string
	}{
		{"a dated turn", 1, "過去兩年，所有推出來的政策，都是適當的。"},
		{"a turn of one quotation", 2, "我會繼續努力，做好份工。"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var got []fangtan.Quote
			for _, q := range d.Quotes {
				if q.Paragraph == tc.paragraph {
					got = append(got, q)
				}
			}
			if len(got) != 1 || got[0].Text != tc.want || got[0].Speaker != "曾俊华" {
				t.Errorf("quotes %+v, want one, %q by 曾俊华", got, tc.want)
			}
		})
	}
}

// TestPossessorOfPerson: a name that 的 makes the possessor of another
// person gives way to that person; a name whose post, family or business
// follows 的 does not.
func TestPossessorOfPerson(t *testing.T) {
	seg, err := analyzer.Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		text, name string
		head       string // the person's name the function points at; "" for -1
		tagged     bool
	}{
		{"代表梁振英及律政司的资深大律师莫树联不同意", "梁振英", "莫树联", true},
		{"代表梁振英及律政司的资深大律师莫树联不同意", "梁振英", "莫树联", false},
		{"何志平92岁的母亲何张灿霞亦亲撰两页求情信", "何志平", "何张灿霞", true},
		// A spokesperson the text does not name, who speaks: the function
		// points past the word, where no name starts.
		{"林郑月娥的发言人今日表示，政府会研究", "林郑月娥", "今日", true},
		// The family as a subject that does not speak; a post with a noun
		// after it; a verb between the name and 的.
		{"陆伯伯的家人全都移民国外", "陆伯伯", "", true},
		{"周永康的父母从不直接说希望儿子成为正直的人", "周永康", "", true},
		{"马时亨的港铁主席任期至今年底", "马时亨", "", true},
		{"林郑月娥批评黄之锋的律师李四", "林郑月娥", "", true},
		// Untagged, only 的 right after the name, or after a list it opens.
		{"林郑月娥今日与她的竞选办主任陈智思会面", "林郑月娥", "", false},
	} {
		t.Run(tc.text, func(t *testing.T) {
			tg := &tagged{runes: []rune(tc.text)}
			if tc.tagged {
				tg = newTagged(seg, tc.text)
			}
			e := strings.Index(tc.text, tc.name) + len(tc.name)
			got := tg.possessorOfPerson(utf8.RuneCountInString(tc.text[:e]))
			want := -1
			if tc.head != "" {
				want = utf8.RuneCountInString(tc.text[:strings.Index(tc.text, tc.head)])
			}
			if got != want {
				t.Errorf("possessorOfPerson after %s = %d, want %d (%q)", tc.name, got, want, tc.head)
			}
		})
	}
}

// TestSubjectOfPronounActing: a clause that a pronoun opens with a verb of
// its own has no known name for its subject, even where jieba tags the
// verb a noun (评论/n); the pronoun rules then find the person.
func TestSubjectOfPronounActing(t *testing.T) {
	seg, err := analyzer.Default()
	if err != nil {
		t.Fatal(err)
	}
	p := newPeople()
	p.note("习近平", "国家主席", true)
	p.note("何君尧", "立法会议员", true)
	for _, tc := range []struct{ clause, want string }{
		{"他接着评论习近平在非洲之行", ""},
		{"他不点名批评建制派议员何君尧公然", ""},
		{"习近平在非洲之行时", "习近平"},
		// Words the pronoun hears or cites stay the name's.
		{"他引述习近平", "习近平"},
	} {
		t.Run(tc.clause, func(t *testing.T) {
			tg := newTagged(seg, tc.clause)
			if got, _ := p.subjectOf(tg, 0, len(tg.runes)); got != tc.want {
				t.Errorf("subjectOf = %q, want %q", got, tc.want)
			}
		})
	}
}

// TestWitnessIn: the person called to give evidence is the one a pronoun
// after the sentence means, not the defendant the story names.
func TestWitnessIn(t *testing.T) {
	seg, err := analyzer.Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		sentence, want string
		tagged         bool
	}{
		{"控方又传召港岛区冲锋队警长吴国章作供。", "吴国章", true}, // jieba: 吴国/ns 章作供/x
		{"控方传召西九龙机动部队B1小队警员黄耀彬作供。", "黄耀彬", true},
		{"控方传召港岛区冲锋队警员连建国作供。", "连建国", false},
		{"时任行政长官副私人秘书蔡杰铭出庭作供。", "蔡杰铭", true},
		// After the testimony, another person acts; a policy is no name.
		{"杨德忠作供后，夏正民提出一项重要关注点。", "", true},
		{"莱特希泽周三就美国对中国贸易政策作证时说，问题非常严重。", "", true},
		{"莱特希泽周三就美国对中国贸易政策作证时说，问题非常严重。", "", false},
	} {
		t.Run(tc.sentence, func(t *testing.T) {
			tg := &tagged{runes: []rune(tc.sentence)}
			if tc.tagged {
				tg = newTagged(seg, tc.sentence)
			}
			p := newPeople()
			p.text = tc.sentence
			if got := p.witnessIn(tg, 0, len(tg.runes)); got != tc.want {
				t.Errorf("witnessIn = %q, want %q", got, tc.want)
			}
		})
	}
}

// TestAddressedAsOtherSex: a pronoun does not stand for a person whose
// form of address is of the other sex (data/addresssexes.txt).
func TestAddressedAsOtherSex(t *testing.T) {
	for _, tc := range []struct {
		name    string
		pronoun rune
		want    bool
	}{
		{"谢先生", '她', true},
		{"谢先生", '他', false},
		{"林小姐", '他', true},
		{"陈女士", '他', true},
		{"林小姐", '她', false},
		{"林郑月娥", '他', false}, // a name gives no sex
		{"欧阳太太", '他', true},
	} {
		t.Run(tc.name+string(tc.pronoun), func(t *testing.T) {
			if got := addressedAsOtherSex(tc.name, tc.pronoun); got != tc.want {
				t.Errorf("addressedAsOtherSex(%s, %c) = %v, want %v", tc.name, tc.pronoun, got, tc.want)
			}
		})
	}
	// addresssexes.txt gives a sex to forms honorifics.txt lists; a form
	// only the first file has would never count.
	for _, h := range append(slices.Clone(maleAddresses), femaleAddresses...) {
		if !slices.Contains(honorifics, h) {
			t.Errorf("addresssexes.txt: %s is no form of address of honorifics.txt", h)
		}
	}
}
