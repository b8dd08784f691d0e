package corpus

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"fangtan"
)

// documents turns a read page into its articles' Documents with page-level
// metadata: id, file, part and siblings, title, date, source, URL, authors,
// paragraphs and text.
func documents(p page) []fangtan.Document {
	lines, info := classify(p.lines, p.record, p.starts)
	arts := splitArticles(lines, p.record)
	if len(arts) == 0 && len(lines) > 0 {
		// A page or record whose text is only headline-like lines (or only
		// its title) is still an article: its lines are its text.
		arts = []*article{{body: lines}}
	}
	if len(arts) == 0 && p.titled {
		// Only a time stamp or a "---" under a named headline (47 xwlb
		// records): the headline alone is still worth finding.
		arts = []*article{{}}
	}
	if len(arts) == 0 {
		return nil
	}
	pageSource := firstNonEmpty(p.hints.Source, info.source, info.copyright, info.site)
	pageDate := firstNonEmpty(p.hints.Date, info.date)
	docs := make([]fangtan.Document, 0, len(arts))
	context := pageDate
	for i, a := range arts {
		d := fangtan.Document{File: p.file}
		switch {
		case p.id != "":
			d.ID = p.id
		case len(arts) == 1:
			d.ID = p.stem
		default:
			d.ID = p.stem + "-" + strconv.Itoa(i+1)
			d.Part = i + 1
		}
		fillArticle(&d, a, p, pageDate, pageSource, len(arts) == 1, context)
		if d.Date != "" {
			// A later item's "4月7日电" takes its year from the page's
			// latest dated article, never from the clock.
			context = d.Date
		}
		docs = append(docs, d)
	}
	if len(docs) > 1 {
		for i := range docs {
			for j := range docs {
				if i != j {
					docs[i].Siblings = append(docs[i].Siblings, docs[j].ID)
				}
			}
		}
	}
	return docs
}

// fillArticle reads one article's header: the headline is the last headline
// line above the text that is neither a subtitle nor a column label (the
// lines above it are kickers such as 党史学习教育官网和人民网联合专访山西省委书记林武,
// kept as text because they name who the article is about). Subtitles stay
// in the text for the same reason.
func fillArticle(d *fangtan.Document, a *article, p page, pageDate, pageSource string, only bool, dateContext string) {
	var (
		title     string
		titleIdx  = -1
		date      string
		source    string
		authors   []string
		headParas []string
	)
	heads := 0
	for _, l := range a.header {
		if l.kind == kHead && !isColumnLabel(l) {
			heads++
		}
	}
	for i, l := range a.header {
		if l.kind == kHead && (!isColumnLabel(l) || heads == 0) && !datelineHead(l) {
			titleIdx = i
		}
	}
	var datelines []string
	for i, l := range a.header {
		if l.kind == kHead && datelineHead(l) {
			datelines = append(datelines, l.raw)
		}
		switch {
		case i == titleIdx:
			title = l.raw
		case l.kind == kMeta:
			if date == "" {
				date = l.meta.date
			}
			if source == "" {
				source = l.meta.source
			}
			authors = appendUnique(authors, l.meta.authors...)
		case l.kind == kHead && isColumnLabel(l) && heads > 0:
			// a column label: not the article's text
		default:
			headParas = appendUnique(headParas, l.raw)
		}
	}
	if a.box {
		title = firstNonEmpty(a.boxLabel, title)
	}
	if only && p.hints.Title != "" {
		// The container named the headline (JSON title, <h1>, front matter).
		if title != "" && fold(title) != fold(p.hints.Title) {
			headParas = append([]string{title}, headParas...)
		}
		title = p.hints.Title
	}
	var paras []string
	for _, h := range headParas {
		if !sameFolded(h, title) {
			paras = append(paras, h)
		}
	}
	for _, l := range a.body {
		if l.raw != "" {
			paras = append(paras, l.raw)
		}
	}
	// A record's text often repeats its title as the first line.
	if len(paras) > 1 && title != "" && sameFolded(paras[0], title) {
		paras = paras[1:]
	}
	if title == "" {
		for _, p := range paras {
			if strings.TrimSpace(p) != "" && !contains(datelines, p) {
				title = leadTitle(p)
				break
			}
		}
	}
	d.Title = cleanTitle(title)
	if len(a.body) > 0 {
		authors = appendUnique(authors, leadAuthors(a.body[0].f)...)
	}
	authors = appendUnique(authors, a.endAuthors...)
	if len(p.hints.Authors) > 0 {
		authors = appendUnique(append([]string(nil), p.hints.Authors...), authors...)
	}
	d.Authors = make([]string, 0, len(authors))
	for _, au := range authors {
		d.Authors = appendUnique(d.Authors, foldName(au))
	}
	if p.hints.Date != "" {
		date = p.hints.Date
	}
	if date == "" {
		date = pageDate
	}
	if date == "" && !a.box {
		date = leadDate(a.body, dateContext)
	}
	if date == "" && !a.box && len(datelines) > 0 {
		date = normalizeDate(datelines[0])
	}
	d.Date = date
	d.Source = firstNonEmpty(p.hints.Source, source, pageSource)
	if d.Source == "" && len(a.body) > 0 {
		if m := leadAgency.FindStringSubmatch(a.body[0].f); m != nil {
			d.Source = firstNonEmpty(m[1:]...)
		}
	}
	if d.Source == "" {
		d.Source = p.hints.Site
	}
	d.URL = p.hints.URL
	d.Paragraphs = paras
	d.Text = strings.Join(paras, "\n")
}

// datelineHead reports a header line that opens or closes with a full
// date beside a short label the dateline parser does not know (2018年5月3日
// 香港01): a dateline, not the headline, though it stays in the text.
// The label must stand apart from the date, as one word of at most ten
// runes: 2018年5月3日立法會三讀通過預算案 is a headline.
func datelineHead(l line) bool {
	loc := fullDate.FindStringIndex(l.f)
	if loc == nil {
		return false
	}
	before, after := l.f[:loc[0]], l.f[loc[1]:]
	label := strings.TrimSpace(before + after)
	switch {
	case label == "":
		return true
	case strings.TrimSpace(before) != "" && strings.TrimSpace(after) != "":
		return false // the date inside a line
	case before != "" && !strings.HasSuffix(before, " ") || after != "" && !strings.HasPrefix(after, " "):
		return false // glued to the date
	}
	return utf8.RuneCountInString(label) <= 10 && !strings.ContainsFunc(label, func(r rune) bool {
		return unicode.IsSpace(r) || unicode.IsPunct(r)
	})
}

// sameFolded compares two texts across scripts, without folding a long
// paragraph that cannot equal a short title.
func sameFolded(a, b string) bool {
	if utf8.RuneCountInString(a) != utf8.RuneCountInString(b) {
		return false
	}
	return fold(a) == fold(b)
}

// leadParen is the reporters' parenthesis after a news lead's marker:
// 本报讯(记者 王强 通讯员 李明), 新华社北京7月1日电(记者 张三).
var (
	leadParen = regexp.MustCompile(`^(?:本报讯|本网讯|本报[^,。(]{0,12}(?:讯|电)|(?:新华社|中新社|中新网|人民网|央视网|新华网|光明网)[^,。(]{0,16}(?:电|讯|消息))\s*\(([^)]{2,40})\)`)
	roleWords = regexp.MustCompile(`本报|本网|特约|见习|实习生|实习|首席|记者|通讯员`)
)

// leadAgency is the news agency or site a lead names: 新华社北京7月1日电,
// Hong Kong's 【明報專訊】 and 【文匯報訊】, Taiwan's (中央社記者…台北3日電).
var leadAgency = regexp.MustCompile(`^(?:(新华社|中新社|中新网|人民网|央视网|新华网|光明网)[^,。]{0,16}(?:电|讯|消息)|【([^】]{2,12}?)(?:专讯|讯|报道)】|\((中央社|新华社|中新社|路透社|法新社|美联社|共同社)记者)`)

// leadAuthors reads the reporters a news lead names in parentheses.
func leadAuthors(f string) []string {
	m := leadParen.FindStringSubmatch(f)
	if m == nil || !roleWords.MatchString(m[1]) {
		return nil
	}
	return nameList(strings.TrimSpace(roleWords.ReplaceAllString(m[1], " ")))
}

// leadDate reads the date a news lead gives: in its marker (新华社北京
// 2023年4月7日电) or right after it (本报讯 2021年6月30日,…). A day without a
// year ("4月7日电", "本报讯 6月30日") takes the year of dateContext, the page's
// date or its previous dated article; without one it gives "".
func leadDate(body []line, dateContext string) string {
	if len(body) == 0 {
		return ""
	}
	f := body[0].f
	loc := leadMarker.FindStringIndex(f)
	if loc == nil {
		return ""
	}
	seg := f[:loc[1]] + prefixRunes(f[loc[1]:], 20)
	if d := normalizeDate(seg); d != "" {
		return d
	}
	if md := monthDay.FindString(seg); md != "" {
		return resolveMonthDay(md, dateContext)
	}
	return ""
}

// cleanTitle drops a column tag in front of a headline (【学党史 办实事 开新局】,
// 专访|) when a real headline follows it.
func cleanTitle(t string) string {
	t = strings.TrimSpace(t)
	f := fold(t)
	if strings.HasPrefix(f, "【") || strings.HasPrefix(f, "[") {
		if end := strings.IndexAny(f, "】]"); end > 0 {
			cut := utf8.RuneCountInString(f[:end]) + 1
			rest := strings.TrimSpace(string([]rune(t)[cut:]))
			if utf8.RuneCountInString(rest) >= 6 {
				t, f = rest, fold(rest)
			}
		}
	}
	if i := strings.Index(f, "|"); i > 0 && utf8.RuneCountInString(f[:i]) <= 4 {
		cut := utf8.RuneCountInString(f[:i]) + 1
		if rest := strings.TrimSpace(string([]rune(t)[cut:])); utf8.RuneCountInString(rest) >= 6 {
			t = rest
		}
	}
	return t
}

// leadTitle makes a title of an untitled article's first sentence.
// It trims first: a sentence of nothing but spaces ("\u2004。") makes no title.
func leadTitle(p string) string {
	p = strings.TrimSpace(p)
	end := strings.IndexAny(p, "。!?！？")
	if end > 0 {
		p = p[:end]
	}
	return prefixRunes(p, 40)
}

func prefixRunes(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n])
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if s != "" {
			return s
		}
	}
	return ""
}
