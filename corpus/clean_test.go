package corpus

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fangtan"
)

// TestCleanChrome: each kind of site chrome is removed and the article
// paragraphs around it are kept, trimmed.
func TestCleanChrome(t *testing.T) {
	body1 := "近日,某区召开会议,部署下一阶段重点工作。"
	body2 := "会议强调,要把群众的急难愁盼问题解决好。"
	tests := []struct {
		name   string
		chrome []string
	}{
		{"navigation bullets", []string{"  • 时政", "  • 国际", "    杂 志"}},
		{"breadcrumb", []string{"人民網>>山西頻道>>本網關注", "首页 > 新闻 > 正文"}},
		{"buttons", []string{"返回顶部", "返回頂部", "小字號", "分享到:", "分享讓更多人看到", "【打印】", "【关闭窗口】", "上一篇:某某新闻"}},
		{"share row", []string{"分享到：Facebook  WhatsApp", "【分享至】：微信 微博 Twitter"}},
		{"link row", []string{"光明日报社概况 | 关于光明网 | 报网动态 | 联系我们"}},
		{"editor", []string{"(責編:麻潞、張臨山)", "责任编辑:刘洋"}},
		{"copyright", []string{"光明日报版权所有", "Copyright © 2021 示范网 All Rights Reserved"}},
		{"disclaimer block", []string{"德州新闻网版权与免责声明:", "①凡本网注明“来源:德州新闻网”的所有作品,版权均属于德州新闻网。", "②凡本网注明“来源:XXX”的作品,均转载自其它媒体。"}},
		{"subscription promo", []string{"請加入成為眾新聞的月費訂戶，長期支持我們的工作。", "月費訂戶 網址：hkcnews.com/aboutus/#subscribe"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			lines := []string{"某区部署重点工作", "", "  " + body1 + "  "}
			lines = append(lines, tc.chrome...)
			lines = append(lines, body2)
			docs := documents(page{file: "x.txt", stem: "x", lines: lines})
			if len(docs) != 1 {
				t.Fatalf("got %d documents", len(docs))
			}
			want := body1 + "\n" + body2
			if docs[0].Text != want {
				t.Errorf("text %q, want %q", docs[0].Text, want)
			}
		})
	}
}

func TestRepeatedRunningHeader(t *testing.T) {
	lines := []string{"示范日报·要闻 2022年1月5日", "某区部署重点工作", "近日,某区召开会议,部署下一阶段重点工作。",
		"示范日报·要闻 2022年1月5日", "会议强调,要把群众的急难愁盼问题解决好。", "示范日报·要闻 2022年1月5日", "会议还通报了上年度考核结果。"}
	docs := documents(page{file: "x.txt", stem: "x", lines: lines})
	if len(docs) != 1 || strings.Contains(docs[0].Text, "示范日报") || len(docs[0].Paragraphs) != 3 {
		t.Fatalf("documents %+v", docs)
	}
}

// TestInterviewTurnsKept: the question and answer prefixes stay in the
// paragraphs, for the quote extractor.
func TestInterviewTurnsKept(t *testing.T) {
	lines := []string{"专访某市市长", "记者 王强", "记者:今年有哪些重点工作?", "张明:我们将聚焦高质量发展。"}
	docs := documents(page{file: "x.txt", stem: "x", lines: lines})
	if len(docs) != 1 || docs[0].Text != "记者:今年有哪些重点工作?\n张明:我们将聚焦高质量发展。" {
		t.Fatalf("documents %+v", docs)
	}
	if docs[0].Title != "专访某市市长" || strings.Join(docs[0].Authors, ",") != "王强" {
		t.Errorf("title %q authors %v", docs[0].Title, docs[0].Authors)
	}
}

// TestBreadcrumbs: breadcrumb trails as real sites write them are dropped;
// lines of content that contain > are kept (工业>服务业>农业, a paragraph
// of its own, was dropped as a breadcrumb).
func TestBreadcrumbs(t *testing.T) {
	for _, tc := range []struct {
		line string
		drop bool
	}{
		{"人民網>>山西頻道>>本網關注", true},
		{"首页 > 时政 > 正文", true},
		{"网站首页 > 要闻 > 正文", true},
		{"首页>新闻中心>国内新闻", true},
		{"当前位置：首页 > 时政要闻", true},
		{"您现在的位置: 新闻 > 地方", true},
		{"新华网 › 时政", true},
		{"Home » News » China", true},
		{"工业>服务业>农业", false},
		{"第二产业>第三产业>第一产业", false},
		{"增速：工业>服务业", false},
		{"A>B>C", false},
		{"3>2>1", false},
		{"收入>支出", false},
		{"满意度>90%", false},
		{"关于修改<中国人民政治协商会议章程>的决定", false},
	} {
		t.Run(tc.line, func(t *testing.T) {
			body1 := "近日,某区召开会议,部署下一阶段重点工作。"
			body2 := "会议强调,要把群众的急难愁盼问题解决好。"
			docs := documents(page{file: "x.txt", stem: "x", lines: []string{"某区部署重点工作", body1, tc.line, body2}})
			if len(docs) != 1 {
				t.Fatalf("got %d documents", len(docs))
			}
			kept := strings.Contains(docs[0].Text, tc.line)
			if kept == tc.drop {
				t.Errorf("%q: kept=%v, want kept=%v (text %q)", tc.line, kept, !tc.drop, docs[0].Text)
			}
		})
	}
}

// TestHardWrappedText: a text file hard-wrapped at a fixed width (old
// archives, mail, fixed-width exports) reads as the same article as the
// file unwrapped: the same title, and the same text, the lines of a
// paragraph joined again. Unwrapped, the first line of the text had been
// taken for the headline, and each wrapped line without a full stop for a
// section head.
func TestHardWrappedText(t *testing.T) {
	for _, name := range []string{"000_05aaf4ed1f0a3e45.txt", "002_6f54863fc0170bed.txt", "003_656a4e0b7189dfe8.txt"} {
		raw, err := os.ReadFile(filepath.Join("sample", name))
		if err != nil {
			t.Fatal(err)
		}
		want, _ := loadAll(t, writeFile(t, t.TempDir(), name, raw))
		if len(want) != 1 {
			t.Fatalf("%s: %d articles unwrapped", name, len(want))
		}
		for _, width := range []int{24, 35, 50} {
			t.Run(fmt.Sprintf("%s/%d", name, width), func(t *testing.T) {
				var wrapped []string
				for i, l := range strings.Split(string(raw), "\n") {
					rs := []rune(strings.TrimSpace(l))
					if i == 0 || len(rs) <= width {
						wrapped = append(wrapped, string(rs))
						continue
					}
					for len(rs) > width {
						wrapped = append(wrapped, string(rs[:width]))
						rs = rs[width:]
					}
					wrapped = append(wrapped, string(rs), "")
				}
				got, _ := loadAll(t, writeFile(t, t.TempDir(), name, []byte(strings.Join(wrapped, "\n"))))
				if len(got) != 1 {
					t.Fatalf("%d articles wrapped at %d", len(got), width)
				}
				if got[0].Title != want[0].Title {
					t.Errorf("title %q, want %q", got[0].Title, want[0].Title)
				}
				// A sentence that ends right at the width ends the
				// paragraph too, and a space at a cut is lost; the text
				// is the same.
				flat := func(d fangtan.Document) string {
					return strings.Join(strings.Fields(strings.Join(d.Paragraphs, "")), "")
				}
				if flat(got[0]) != flat(want[0]) {
					t.Errorf("text differs from the unwrapped file's:\n got %.200q\nwant %.200q", flat(got[0]), flat(want[0]))
				}
				if len(got[0].Paragraphs) > len(want[0].Paragraphs)+3 {
					t.Errorf("%d paragraphs, the unwrapped file has %d", len(got[0].Paragraphs), len(want[0].Paragraphs))
				}
			})
		}
	}
}

// TestRuledArticles: a text file that draws its articles apart with a
// rule (----------, ==========) is that many articles, and the rule is in
// no article's text; three stars inside an article are a break, not a
// new article.
func TestRuledArticles(t *testing.T) {
	a := "林鄭：明年增建公營房屋\n行政長官林鄭月娥今日發表施政報告，表示政府會增建公營房屋。\n"
	b := "陳帆：檢討長策\n運輸及房屋局局長陳帆表示，會檢討長遠房屋策略。\n"
	tests := []struct{ name, text, titles string }{
		{"dashes", a + "----------\n" + b, "林鄭：明年增建公營房屋|陳帆：檢討長策"},
		{"equals signs", a + "==========\n" + b, "林鄭：明年增建公營房屋|陳帆：檢討長策"},
		{"box drawing", a + "──────\n" + b, "林鄭：明年增建公營房屋|陳帆：檢討長策"},
		{"a break inside an article", a + "***\n運輸及房屋局局長陳帆表示，會檢討長遠房屋策略。\n", "林鄭：明年增建公營房屋"},
	}
	for i, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			docs, _ := loadAll(t, writeFile(t, t.TempDir(), fmt.Sprintf("r%d.txt", i), []byte(tc.text)))
			var titles []string
			for _, d := range docs {
				titles = append(titles, d.Title)
				if strings.ContainsAny(d.Text, "-=─") {
					t.Errorf("%s: the rule is in the text: %q", d.ID, d.Text)
				}
			}
			if strings.Join(titles, "|") != tc.titles {
				t.Errorf("titles %q, want %q", titles, tc.titles)
			}
		})
	}
}

// TestRelatedLinksInRecords: the links to other articles that a record
// keeps among its paragraphs (hkcnews) are dropped, with the headlines
// under a label alone or above 更多文章; the article's own section
// headings and paragraphs around them stay.
func TestRelatedLinksInRecords(t *testing.T) {
	body1 := "教育局昨日公布新安排，學校需於下學年實施。"
	body2 := "局方表示，會繼續聽取持份者意見。"
	tests := []struct {
		name  string
		links []string // dropped
		kept  []string // the article's own, after the links
	}{
		{"label and headline", []string{"相關報道： 網絡白色恐怖？林鄭負評隨「公關災難」增減　情緒化稱呼佔少數"}, nil},
		{"bold label and headline", []string{"**相關報道：「文件門」風波，梁振英說過些甚麼？（不斷更新）**"}, nil},
		{"bracketed label", []string{"【延伸閱讀】四議員出招 質疑選擇檢控中止聆訊"}, nil},
		{"label, arrow and headline", []string{"相關新聞→ 張震遠被捕控兩罪：串謀詐騙證監、詐騙獲3000萬"}, nil},
		{"label and short headline in brackets", []string{"【相關文章： 荒謬護事 】"}, nil},
		{"label, space and headline", []string{"相關文章 白先勇：同性戀是人性一部分，平權教育愈早愈好"}, nil},
		{"label alone", []string{"相關新聞：", "《香港製造》20年前被拒電影節　修復版今屆放映　舒琪：「它有榮譽你來抽水」", "陳果：修復《香港製造》 唔使我畀錢 　若付數十萬元太昂貴"}, nil},
		{"bold list under a bold label", []string{"**延伸閱讀：**", "**羅沛然大律師： 《香港基本法》在香港司法實踐的起承轉**"}, nil},
		{"a bold heading ends a plain list", []string{"相關新聞：", "李兆富多篇文章撐領展　葉劉批「三座大山」之一"}, []string{"**葉劉淑儀**"}},
		{"a bracketed heading ends a list", []string{"相關報道：", "梁頌恆游蕙禎非法集結罪成　官：肯定五被告有共同目的聯合行事"}, []string{"【吳文遠披露受廉署調查人士身分案】"}},
		{"headlines closed by more articles", []string{"佔領下的艱難對話：陳健民首度憶述與林鄭、學聯溝通", "陳健民：入獄是一種blessing　不知何日有普選", "【雨傘運動3周年】更多文章"}, nil},
		{"a paragraph that speaks of related reports", nil, []string{"若以「林鄭月娥」、「決心」同時搜尋，由1月起至今有5篇相關報道，3篇來自《大公報》。"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			paras := append([]string{body1}, tc.links...)
			paras = append(paras, tc.kept...)
			paras = append(paras, body2)
			raw, err := json.Marshal(map[string]string{"id": "hk-1", "title": "教局公布新安排", "text": strings.Join(paras, "\n")})
			if err != nil {
				t.Fatal(err)
			}
			p, err := recordPage(raw, "x.jsonl", "x", 1)
			if err != nil {
				t.Fatal(err)
			}
			docs := documents(*p)
			if len(docs) != 1 {
				t.Fatalf("got %d documents", len(docs))
			}
			want := append([]string{fold(body1)}, foldAll(tc.kept)...)
			want = append(want, fold(body2))
			if got := strings.Join(foldAll(docs[0].Paragraphs), "\n"); got != strings.Join(want, "\n") {
				t.Errorf("paragraphs\n%s\nwant\n%s", got, strings.Join(want, "\n"))
			}
		})
	}
}

func foldAll(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = fold(s)
	}
	return out
}

// TestLinkMarksCoverLabels: every label of relatedLabels, and 更多, opens
// with one of linkMarks, so that the quick test never skips a label.
func TestLinkMarksCoverLabels(t *testing.T) {
	for _, l := range append(strings.Split(relatedLabels, "|"), "更多文章") {
		if !mayOpenLinks(l) {
			t.Errorf("label %s opens with none of linkMarks", l)
		}
	}
	for _, m := range linkMarks {
		if !slices.Contains(linkMarks, fold(m)) {
			t.Errorf("mark %s folds to %s, which is not a mark", m, fold(m))
		}
	}
}
