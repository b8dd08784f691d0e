package corpus

import (
	"fangtan/internal/han"
	"regexp"
	"strings"
	"unicode/utf8"
)

// kind is what a line of a page is, as far as its own shape and wording
// tell. The splitter refines head lines by their neighbours.
type kind uint8

const (
	kBody     kind = iota // article text
	kHead                 // headline-like: short, no sentence end
	kSub                  // subtitle: "——记…", "——访…"
	kMeta                 // dateline or byline (date, source, authors)
	kDateHead             // a bare date heading an entry of a "today in history" box
	kBoxLabel             // the box's label: 历史上的今天
	kEnd                  // closes an article: "(胡平)", "(…供稿)"
)

// line is one non-empty line of a page that survived cleaning.
type line struct {
	raw  string // trimmed, original script
	f    string // folded: Simplified, half-width; same runes as raw
	n    int    // runes
	kind kind
	meta metaLine // for kMeta and kEnd: what the line says
	// keep marks a kEnd line that is also text (a 供稿 credit) and stays in
	// the paragraphs; author lines do not.
	keep bool
	// starts marks the first line of an article the page's markup sets
	// apart (page.starts).
	starts bool
}

// pageInfo is page-level metadata found among the lines, including those
// cleaned away (a copyright line names the publication).
type pageInfo struct {
	date      string
	source    string // from a dateline or byline: 来源, 《…》
	copyright string // from "X版权所有" or "X版权与免责声明"
	site      string // a masthead line such as 人民網
}

// relatedLabels are the labels of a list of links to other articles
// (folded: 相關報道 is 相关报道).
const relatedLabels = `相关新闻及评论|相关报道全文|相关新闻|相关阅读|相关链接|相关连结|相关报道|相关报导|相关文章|推荐阅读|延伸阅读|热点推荐|猜你喜欢|热门文章|热门新闻|更多新闻`

var (
	// editorLine is an editor credit, which also closes an article.
	editorLine = regexp.MustCompile(`^(?:[(\[【][^)\]】]{0,6}[)\]】]\s*)*[(\[【]?\s*(责编|责任编辑|编辑|校对|审核|责任校对|值班编辑|美编|审校|监制|终审|一审|二审|三审|编审)\s*[:]`)
	// relatedHeading opens the list of other articles a page ends with.
	relatedHeading = regexp.MustCompile(`^[【\[]?(` + relatedLabels + `)[】\]]?[:]?$`)
	// relatedLink is one link to another article after its label, on a
	// line of its own: 相關報道： 網絡白色恐怖？林鄭負評…, 【延伸閱讀】四議員出招….
	// The label may be followed by → or a dash, or the whole line
	// bracketed: 【相關文章： 曾俊華英文演辭全文 】.
	relatedLink = regexp.MustCompile(`^(?:[【\[](?:` + relatedLabels + `)[】\]]|[【\[]?(?:` + relatedLabels + `)\s*(?:[:→\-－]|\s))\s*(\S.*?)\s*[】\]]?$`)
	// moreArticles closes a list of links printed above it: 【雨傘運動3周年】更多文章.
	moreArticles = regexp.MustCompile(`^(?:[【\[][^】\]]{1,20}[】\]])?\s*更多(?:文章|报道|新闻)$`)
	// chromeLine matches short lines that are page furniture: font size and
	// share buttons, back-to-top, print, related links, login.
	chromeLine = regexp.MustCompile(`^(返回顶部|回到顶部|返回首页|返回目录|返回|小字号|大字号|中字号|字号[:]?.*|字体[:]?.*|分享到.*|分享让更多人看到|分享|打印|打印本页|打印文章|关闭|关闭窗口|纠错|我要纠错|收藏|点赞|评论|举报|扫一扫.*|手机看|推荐阅读|相关阅读|相关新闻|相关链接|热点推荐|延伸阅读|上一篇.*|下一篇.*|首页.*|更多>*|english|[大中小]|登录|注册|微信|微博|客户端|点击进入专题|进入专题|责任编辑.*|\[?\d+\]?)$`)
	// disclaimerBody continues a disclaimer block.
	disclaimerBody = regexp.MustCompile(`^[①-⑩]|本网|本站|转载|版权|著作权|作品`)
	// promoLine: the subscription promos closing the hkcnews pages.
	promoLine = regexp.MustCompile(`(订户|订阅).*(加入|支持|网址|按此)|(加入|支持|按此).*(订户|订阅)`)
	// timestampLine is a scraper's or CMS's stamp: (更新时间戳: 1737377955245), 浏览次数:35.
	timestampLine = regexp.MustCompile(`^\(?(更新时间戳|时间戳|浏览次数|阅读量|点击数|访问量)\s*[:]?\s*[\d\-: ]*\)?$`)
	// copyrightOwner is the publication a copyright line names.
	copyrightOwner = regexp.MustCompile(`^([\p{Han}a-z0-9-]{2,16}?)(?:版权所有|版权与免责声明|版权声明)`)
	// breadcrumbWhere is the label a breadcrumb trail may start with:
	// 当前位置:首页>新闻, 您现在的位置 : 首页 > 时政.
	breadcrumbWhere = regexp.MustCompile(`^(当前位置|您的位置|您现在的位置|现在位置|所在位置|位置)\s*:\s*`)
	// articleRule is a line of five or more rule runes (-----, =====,
	// ─────) alone: where a text file puts one article after another. Three
	// stars or dashes are a break inside an article, and stay one.
	articleRule = regexp.MustCompile(`^[-=_~─━＝－#*]{5,}$`)
	// titleLabel labels a headline in a text file: 标题：, 題目:, Title:.
	titleLabel = regexp.MustCompile(`^(?:标题|题目|title)\s*[:]\s*`)
	// shareRow is a row of share buttons under its label: 分享到:facebook whatsapp.
	shareRow = regexp.MustCompile(`^[\[【]?(?:分享到|分享至|分享)[\]】]?[:]`)
	// bracketLabel is a line that is only a bracketed column tag.
	bracketLabel = regexp.MustCompile(`^[【\[][^】\]]{1,24}[】\]]$`)
	// endCredit is a closing credit such as (中共太原市委党史研究室供稿).
	endCredit = regexp.MustCompile(`^\(.{2,40}(供稿|供图|来稿|整理|摄)\)$`)
	// sentenceEnd is punctuation a headline does not end with.
	sentenceEnd = "。!?;:,、…."
)

// classify cleans a page's lines: site chrome is dropped (its metadata
// kept in info), the rest are trimmed and typed.
//
// A record (JSON) is an article already: only promos and copyright lines
// are removed from it, since its short lines (a bracketed series name, a
// list of names) are its text, not a page's furniture.
func classify(raw []string, record bool, starts map[int]bool) (lines []line, info pageInfo) {
	if !record && len(starts) == 0 {
		raw = unwrap(raw)
	}
	start := false // the next line kept opens an article of its own
	inDisclaimer := false
	seenText := false
	inRelated := false
	repeated := repeatedLines(raw, record)
	links := relatedLinks(raw, record)
	for i, r := range raw {
		start = start || starts[i]
		if links[i] {
			continue
		}
		t := strings.TrimFunc(r, isSpace)
		if t == "" {
			continue
		}
		// NBSP is an HTML artifact and becomes a plain space; other
		// characters, U+3000 included, are kept as the page has them.
		t = strings.ReplaceAll(t, "\u00a0", " ")
		f := strings.Map(spaceToASCII, fold(t))
		n := utf8.RuneCountInString(t)
		ff := strings.TrimSpace(f)
		if inRelated {
			continue
		}
		if !record && seenText && relatedHeading.MatchString(strings.ReplaceAll(ff, " ", "")) {
			// Links to other articles close the page; the headlines and
			// summaries under them are not this article's text.
			inRelated = true
			continue
		}
		if inDisclaimer {
			if disclaimerBody.MatchString(ff) || n <= 4 {
				continue
			}
			inDisclaimer = false
		}
		switch {
		case repeated[ff]:
			continue // a running header or footer
		case n <= 80 && isCopyrightLine(ff): // a paragraph about copyright law is text
			if m := copyrightOwner.FindStringSubmatch(ff); m != nil && info.copyright == "" {
				info.copyright = normalizeSource(m[1])
			}
			inDisclaimer = strings.Contains(ff, "声明") && n <= 40
			continue
		case !record && isNavLine(t, ff, n):
			continue
		case !record && !seenText && n <= 6 && isMasthead(ff):
			if info.site == "" {
				info.site = normalizeSource(ff)
			}
			continue
		case editorLine.MatchString(ff):
			// Editor credits close an article, but what follows them on a
			// real page is furniture, not a new article: they are dropped
			// without ending anything.
			continue
		case !record && articleRule.MatchString(ff):
			// ---------- or ==========: the articles of a text file
			// drawn apart by a rule.
			start = seenText
			continue
		case ff == "---" || timestampLine.MatchString(ff) || (strings.Contains(ff, "订户") || strings.Contains(ff, "订阅")) && promoLine.MatchString(ff):
			continue
		case !record && n <= 40 && isButtonRow(ff):
			continue
		case !record && bracketLabel.MatchString(ff):
			continue // a column tag such as 【新时代优秀县委书记风采】
		}
		if loc := titleLabel.FindStringIndex(ff); !record && loc != nil && n > utf8.RuneCountInString(ff[:loc[1]])+1 {
			// 标题：李强考察山西: the headline, without its label.
			cut := utf8.RuneCountInString(ff[:loc[1]])
			t, ff = strings.TrimSpace(string([]rune(t)[cut:])), strings.TrimSpace(string([]rune(ff)[cut:]))
			n = utf8.RuneCountInString(t)
		}
		seenText = true
		l := typeLine(t, ff, n)
		l.starts, start = start, false
		lines = append(lines, l)
	}
	// Dates alone on a line are a dateline when there is one, and the entry
	// headings of a "today in history" box when there are several: in the
	// page, or in each article its markup sets apart.
	for from := 0; from < len(lines); {
		to := from + 1
		for to < len(lines) && !lines[to].starts {
			to++
		}
		bare := 0
		for _, l := range lines[from:to] {
			if l.kind == kDateHead {
				bare++
			}
		}
		if bare == 1 {
			for i := from; i < to; i++ {
				if lines[i].kind == kDateHead {
					lines[i].kind = kMeta
					lines[i].meta = metaLine{date: normalizeDate(lines[i].f)}
					if lines[i].meta.date == "" {
						lines[i].kind = kHead
					}
				}
			}
		}
		from = to
	}
	for _, l := range lines {
		if l.kind == kMeta {
			if info.date == "" && l.meta.date != "" {
				info.date = l.meta.date
			}
			if info.source == "" && l.meta.source != "" {
				info.source = l.meta.source
			}
		}
	}
	if !record {
		// A record's lines are its paragraphs as published; only page
		// layouts cut paragraphs in two.
		lines = joinBrokenParagraphs(lines)
	}
	return lines, info
}

// spaceToASCII turns U+3000 and other blanks into an ASCII space, rune
// for rune, so that patterns see one kind of space.
func spaceToASCII(r rune) rune {
	if isSpace(r) && r != '\n' {
		return ' '
	}
	return r
}

// isButtonRow reports a line made only of page buttons: 返回顶部, 小字号,
// 【打印本页】【关闭窗口】, [分享到] ….
func isButtonRow(f string) bool {
	if shareRow.MatchString(f) {
		return true // 分享到：Facebook  WhatsApp
	}
	parts := strings.FieldsFunc(f, func(r rune) bool { return strings.ContainsRune("[]【】() |", r) })
	if len(parts) == 0 {
		return false
	}
	for _, p := range parts {
		if !chromeLine.MatchString(p) {
			return false
		}
	}
	return true
}

// repeatedLines finds the short lines a page prints three times or more:
// running headers and footers of a saved multi-page view. Articles do not
// repeat a line that often; a subtitle printed twice (above and below a
// headline) stays.
func repeatedLines(raw []string, record bool) map[string]bool {
	if record || len(raw) < 6 {
		return nil
	}
	counts := map[string]int{}
	for _, r := range raw {
		t := strings.TrimFunc(r, isSpace)
		if t == "" || utf8.RuneCountInString(t) > 30 {
			continue
		}
		counts[strings.Map(spaceToASCII, fold(t))]++
	}
	var rep map[string]bool
	for l, c := range counts {
		if c >= 3 {
			if rep == nil {
				rep = map[string]bool{}
			}
			rep[l] = true
		}
	}
	return rep
}

// relatedLinks finds the lines that link to other articles inside a text:
// a label with its headline (相關報道： …), a label alone with the
// headlines under it, and headlines closed by 【…】更多文章. Records keep
// them among their paragraphs (hkcnews: 638 of 10,000), where the names,
// places and quotes of another story's headline would count as this
// article's own and match its searches. A page's label alone is left to
// classify, which drops the rest of the page after it.
func relatedLinks(raw []string, record bool) map[int]bool {
	var links map[int]bool
	mark := func(i int) {
		if links == nil {
			links = map[int]bool{}
		}
		links[i] = true
	}
	for i, r := range raw {
		if !mayOpenLinks(r) {
			continue // most lines: no label, and no fold to pay for
		}
		f, bold := linkLine(r)
		if f == "" {
			continue
		}
		switch {
		case record && relatedHeading.MatchString(strings.ReplaceAll(f, " ", "")):
			mark(i)
			for j := i + 1; j < len(raw) && j <= i+maxLinks; j++ {
				g, b := linkLine(raw[j])
				if g == "" {
					continue
				}
				// A bold line under a plain label is the article's
				// next section heading, not a link.
				if !isLinkedHeadline(g, 6) || b && !bold {
					break
				}
				mark(j)
			}
		case moreArticles.MatchString(f):
			mark(i)
			for j := i - 1; j >= 0 && j >= i-maxLinks; j-- {
				g, _ := linkLine(raw[j])
				if g == "" {
					continue
				}
				if !isLinkedHeadline(g, 6) {
					break
				}
				mark(j)
			}
		default:
			// After its label, a headline may be short (荒謬護事).
			if m := relatedLink.FindStringSubmatch(f); m != nil && isLinkedHeadline(m[1], 2) {
				mark(i)
			}
		}
	}
	return links
}

// linkMarks are the first two runes of the labels of relatedLabels and of
// moreArticles, as written in either script (TestLinkMarksCoverLabels).
var linkMarks = []string{"相关", "相關", "推荐", "推薦", "延伸", "热点", "熱點", "猜你", "热门", "熱門", "更多"}

// mayOpenLinks reports whether a raw line opens with a label's first
// runes (past bold marks, a bracket and blanks), or is short and holds 更多:
// only such a line can open or close a list of links.
func mayOpenLinks(r string) bool {
	t := strings.TrimLeftFunc(r, func(c rune) bool { return c == '*' || c == '【' || c == '[' || isSpace(c) })
	for _, m := range linkMarks {
		if strings.HasPrefix(t, m) {
			return true
		}
	}
	return len(t) <= 96 && strings.Contains(t, "更多")
}

// maxLinks bounds a list of links, so that a label mistaken for one
// cannot take the article's text with it.
const maxLinks = 8

// linkLine is a line as the link rules read it: folded, single-spaced,
// without Markdown's bold marks (hkcnews sets some lists in bold).
func linkLine(r string) (f string, bold bool) {
	f = strings.TrimSpace(strings.Map(spaceToASCII, fold(strings.TrimFunc(r, isSpace))))
	if t := strings.Trim(f, "*"); t != f {
		bold = strings.HasPrefix(f, "**")
		f = strings.TrimSpace(t)
	}
	return f, bold
}

// isLinkedHeadline: a line shaped like another article's headline, which
// holds no full stop, does not introduce what follows, and is not a
// bracketed section label (【旺角衝突案】) or a rule. A line in a list
// needs minRunes to be told from a heading such as **葉劉淑儀**.
func isLinkedHeadline(f string, minRunes int) bool {
	n := utf8.RuneCountInString(f)
	if n < minRunes || n > 80 || strings.Contains(f, "。") || strings.HasSuffix(f, ":") {
		return false
	}
	return !bracketLabel.MatchString(f) && !articleRule.MatchString(strings.ReplaceAll(f, " ", ""))
}

// copyrightMarks are the words of a copyright notice or the heading of a
// disclaimer. Plain substring tests: this runs on every line of a corpus.
var copyrightMarks = []string{"版权所有", "版权与免责声明", "免责声明", "版权声明", "copyright", "©", "all rights reserved", "icp备", "icp证", "网安备"}

func isCopyrightLine(f string) bool {
	for _, m := range copyrightMarks {
		if strings.Contains(f, m) {
			return true
		}
	}
	if i := strings.Index(f, "未经"); i >= 0 {
		rest := f[i:]
		return strings.Contains(rest, "授权") && (strings.Contains(rest, "不得转载") || strings.Contains(rest, "禁止"))
	}
	return false
}

// typeLine decides a kept line's kind from its own text.
func typeLine(raw, f string, n int) line {
	l := line{raw: raw, f: f, n: n, kind: kBody}
	switch {
	case bareDateLine.MatchString(strings.ReplaceAll(f, " ", "")):
		l.kind = kDateHead
	case strings.Contains(f, "历史上的今天") && n <= 16:
		l.kind = kBoxLabel
	case endCredit.MatchString(f):
		l.kind, l.keep = kEnd, true
	case strings.HasPrefix(f, "(") && strings.HasSuffix(f, ")") && n <= 30:
		if _, names := trailingAuthorsOf(raw, f); names != nil && strings.Index(f, ")") == len(f)-1 {
			l.kind, l.meta = kEnd, metaLine{authors: names}
		}
	case (strings.HasPrefix(f, "——") || strings.HasPrefix(f, "--") || strings.HasPrefix(f, "—")) && isHeadlike(f, n):
		l.kind = kSub
	default:
		if m, ok := parseMetaLine(f); ok {
			l.kind, l.meta = kMeta, m
		} else if isHeadlike(f, n) {
			l.kind = kHead
		}
	}
	return l
}

// isHeadlike: short, and not ending like a sentence. Headlines may hold
// commas and colons inside (“事业是拼出来的,口碑是干出来的”, 陵城:狠抓落实…).
func isHeadlike(f string, n int) bool {
	if n > 64 || strings.Contains(f, "。") {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(strings.TrimRight(f, " "))
	return !strings.ContainsRune(sentenceEnd, last)
}

// isNavLine recognizes menu items and breadcrumbs: bullet lines (• 时政),
// spaced short labels (报 纸), breadcrumb trails, pipe-separated link rows.
func isNavLine(raw, f string, n int) bool {
	first, _ := utf8.DecodeRuneInString(f)
	if strings.ContainsRune("•·●▪◆◇►▶", first) && n <= 16 {
		return true
	}
	if fields := strings.Fields(f); len(fields) >= 2 && len(fields) <= 4 {
		spaced := true // 报 纸, 杂 志: one character per field
		for _, fl := range fields {
			if utf8.RuneCountInString(fl) != 1 || !allHan(fl) {
				spaced = false
			}
		}
		if spaced {
			return true
		}
	}
	if n <= 60 && isBreadcrumb(f) {
		return true
	}
	if strings.Count(f, "|") >= 2 && !strings.HasPrefix(f, "|") && !fullDate.MatchString(f) {
		for _, part := range strings.Split(f, "|") {
			if utf8.RuneCountInString(strings.TrimSpace(part)) > 12 {
				return false
			}
		}
		return true
	}
	return false
}

// navLabels are the labels that make a trail of short labels joined by >
// a breadcrumb: a site's home, a channel, the article itself.
var navLabels = []string{"首页", "主页", "正文", "频道", "网", "home"}

// isBreadcrumb recognizes a breadcrumb trail: 人民网>>山西频道>>本网关注,
// 首页 > 时政 > 正文, 当前位置:首页>新闻. A trail of single > needs a
// navigation label or a "current position" prefix, so that a comparison
// such as 工业>服务业>农业, a paragraph of its own in a report, is kept.
func isBreadcrumb(f string) bool {
	if strings.ContainsAny(f, "。,") {
		return false
	}
	if strings.Contains(f, ">>") || strings.ContainsAny(f, "»›") {
		return true
	}
	rest := breadcrumbWhere.ReplaceAllString(f, "")
	located := rest != f
	segs := strings.Split(rest, ">")
	if len(segs) < 2 {
		return false
	}
	nav := located
	for _, seg := range segs {
		seg = strings.TrimSpace(seg)
		if seg == "" || utf8.RuneCountInString(seg) > 16 {
			return false
		}
		for _, l := range navLabels {
			if strings.HasSuffix(seg, l) {
				nav = true
			}
		}
	}
	return nav
}

// isMasthead recognizes a site's name standing alone at the top: 人民網.
func isMasthead(f string) bool {
	return allHan(f) && (strings.HasSuffix(f, "网") || strings.HasSuffix(f, "报") || strings.HasSuffix(f, "日报"))
}

func allHan(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !han.Is(r) {
			return false
		}
	}
	return true
}

// joinBrokenParagraphs mends paragraphs a page layout cut in two (a
// newspaper column ending in "确保人" continued by "民安居乐业…"): a long
// body line ending in a Han character, followed by body text that does not
// open a new interview turn.
func joinBrokenParagraphs(lines []line) []line {
	out := lines[:0:0]
	for _, l := range lines {
		if k := len(out) - 1; k >= 0 && !l.starts && l.kind == kBody && out[k].kind == kBody && out[k].n >= 40 {
			last, _ := utf8.DecodeLastRuneInString(out[k].f)
			if han.Is(last) && !turnPrefix.MatchString(l.f) && !strings.HasPrefix(l.f, "—") {
				out[k].raw += l.raw
				out[k].f += l.f
				out[k].n += l.n
				continue
			}
		}
		out = append(out, l)
	}
	return out
}

// turnPrefix opens an interview turn: 记者:, 人民网:, 李慧:.
var turnPrefix = regexp.MustCompile(`^[^,,。:"“]{1,10}:`)

// unwrap joins again the lines of a text file hard-wrapped at a fixed
// width (old archives, mail, fixed-width exports): a line of that width
// that does not end a sentence goes on in the next. Left wrapped, the
// first line of the text was taken for the headline, every wrapped line
// without a full stop for a section head, and a wrapped disclaimer for
// text.
func unwrap(raw []string) []string {
	width := wrapWidth(raw)
	if width == 0 {
		return raw
	}
	out := make([]string, 0, len(raw))
	atWidth, joining := false, false
	for _, r := range raw {
		t := strings.TrimFunc(r, isSpace)
		// A line can be cut between a full stop and its closing mark
		// (…高兴地说。 / ”合作社…).
		first, _ := utf8.DecodeRuneInString(t)
		if t != "" && (joining || atWidth && strings.ContainsRune(closingMarks+",，、;；:：。", first)) {
			out[len(out)-1] += t
		} else {
			out = append(out, r)
		}
		n := utf8.RuneCountInString(t)
		atWidth = t != "" && n >= width-1 && n <= width+1
		joining = atWidth && !endsSentence(t)
	}
	return out
}

// closingMarks close a quotation or a bracket.
const closingMarks = "”」』’\"）)】"

// wrapWidth is the width raw was hard-wrapped at, or 0: the length, of at
// least 20 runes, that at least three lines not ending a sentence share,
// give or take one, and that nine lines in ten do not pass (a page whose
// paragraphs run on is not wrapped, however many of its headlines share a
// length).
func wrapWidth(raw []string) int {
	count := map[int]int{}
	lengths := make([]int, 0, len(raw))
	for _, r := range raw {
		t := strings.TrimFunc(r, isSpace)
		n := utf8.RuneCountInString(t)
		lengths = append(lengths, n)
		if n >= 20 && !endsSentence(t) {
			count[n]++
		}
	}
	best, most := 0, 0
	for n := range count {
		if c := count[n-1] + count[n] + count[n+1]; c > most || c == most && n > best {
			best, most = n, c
		}
	}
	if most < 3 {
		return 0
	}
	longer := 0
	for _, n := range lengths {
		if n > best+1 {
			longer++
		}
	}
	if longer > len(raw)/10 {
		return 0
	}
	return best
}

// endsSentence reports whether t ends a sentence: 。, ！ or ？ (or their
// half-width forms, or …), or a closing quotation mark or bracket right
// after one.
func endsSentence(t string) bool {
	rs := []rune(t)
	for len(rs) > 1 && strings.ContainsRune(closingMarks, rs[len(rs)-1]) {
		rs = rs[:len(rs)-1]
	}
	return len(rs) > 0 && strings.ContainsRune("。！？!?…", rs[len(rs)-1])
}
