package corpus

import (
	"fangtan/internal/han"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"fangtan/analyzer"
)

// fold is the normalization every pattern in this package matches against:
// analyzer.Fold maps Traditional to Simplified and full-width forms to
// half-width rune by rune, so one pattern serves both scripts.
func fold(s string) string { return analyzer.Fold(s) }

// foldName normalizes a person's or publication's name for faceting.
// Authors are kept folded to Simplified (张临山, not 張臨山) so that the same
// journalist facets together across scripts.
func foldName(s string) string { return strings.TrimSpace(fold(s)) }

var (
	// fullDate finds 2021年07月02日, 2021-08-17, 2021/8/17, 2021.8.17 with
	// an optional time of day after it.
	fullDate = regexp.MustCompile(`(\d{4})\s*[年./-]\s*(\d{1,2})\s*[月./-]\s*(\d{1,2})\s*日?(?:\s*[Tt]?\s*(\d{1,2}):(\d{2})(?::\d{2})?)?`)
	// compactDate is the JSON corpora's YYYYMMDD.
	compactDate = regexp.MustCompile(`^(\d{4})(\d{2})(\d{2})`)
	// monthDay is a date without its year: 2月28日.
	monthDay = regexp.MustCompile(`(\d{1,2})月(\d{1,2})日`)
	// bareDateLine is a line that is only a date or a date range: the entry
	// headings of a "today in history" box (1952年7月1日~25日).
	bareDateLine = regexp.MustCompile(`^\d{3,4}年\d{1,2}月(\d{1,2}日)?(\s*[~～至-]\s*(\d{1,2}月)?\d{1,2}日)?$`)
)

// normalizeDate turns a date field or dateline into YYYY-MM-DD, or "" when
// it holds no complete, valid date.
func normalizeDate(s string) string {
	raw := strings.TrimSpace(s)
	s = fold(raw)
	if m := compactDate.FindStringSubmatch(s); m != nil && (len(s) == 8 || !unicode.IsDigit(rune(s[8]))) {
		return isoDate(m[1], m[2], m[3])
	}
	if m := fullDate.FindStringSubmatch(s); m != nil {
		return isoDate(m[1], m[2], m[3])
	}
	if d := epochDate(s); d != "" {
		return d
	}
	for _, layout := range mailDates {
		if t, err := time.Parse(layout, raw); err == nil {
			return t.Format("2006-01-02") // the day where the article was written
		}
	}
	return ""
}

// mailDates are the layouts of RSS feeds' and mail's dates: Fri, 01 Mar
// 2024 10:00:00 +0800.
var mailDates = []string{time.RFC1123Z, time.RFC1123, "Mon, 2 Jan 2006 15:04:05 -0700", "Mon, 2 Jan 2006 15:04:05 MST", "2 Jan 2006 15:04:05 -0700"}

// newsZone is the time zone of the news fangtan reads (Beijing, Hong
// Kong, Taipei: UTC+8), in which an epoch timestamp's day is taken.
var newsZone = time.FixedZone("UTC+8", 8*3600)

// epochDate reads a Unix timestamp in seconds (10 digits) or milliseconds
// (13), as news APIs give dates, as the day it falls on in newsZone; ""
// for anything else.
func epochDate(s string) string {
	if (len(s) != 10 && len(s) != 13) || strings.IndexFunc(s, func(r rune) bool { return r < '0' || r > '9' }) >= 0 {
		return ""
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		return ""
	}
	if len(s) == 13 {
		n /= 1000
	}
	t := time.Unix(n, 0).In(newsZone)
	if t.Year() < 1990 || t.Year() > 2100 {
		return ""
	}
	return t.Format("2006-01-02")
}

func isoDate(y, m, d string) string {
	year, _ := strconv.Atoi(y)
	month, _ := strconv.Atoi(m)
	day, _ := strconv.Atoi(d)
	if year < 1900 || year > 2100 || month < 1 || month > 12 || day < 1 || day > daysIn(year, month) {
		return ""
	}
	return fmt.Sprintf("%04d-%02d-%02d", year, month, day)
}

func daysIn(year, month int) int {
	switch month {
	case 2:
		if year%4 == 0 && (year%100 != 0 || year%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// resolveMonthDay dates "6月30日" by the page's date: the same year, or the
// year before when that would put the day more than two months after the
// page (a January page speaking of 12月31日). Without a page date it
// returns "": a year is never guessed.
func resolveMonthDay(md, pageDate string) string {
	m := monthDay.FindStringSubmatch(md)
	if m == nil || len(pageDate) != 10 {
		return ""
	}
	year, _ := strconv.Atoi(pageDate[:4])
	pageMonth, _ := strconv.Atoi(pageDate[5:7])
	month, _ := strconv.Atoi(m[1])
	if month > pageMonth+2 {
		year--
	}
	return isoDate(strconv.Itoa(year), m[1], m[2])
}

// normalizeSource folds a publication name and drops the decoration around
// it: 《光明日报》 → 光明日报, 來源:人民網-山西頻道 → 人民网-山西频道.
func normalizeSource(s string) string {
	s = fold(strings.TrimSpace(s))
	s = strings.TrimPrefix(s, "来源:")
	s = strings.TrimPrefix(s, "来源")
	s = strings.Trim(s, " 《》<>[]【】()")
	return strings.TrimSpace(s)
}

// surnames are the common Chinese family names (Simplified) a byline name
// must start with; they keep a short headline or label from being taken for
// a name.
var (
	singleSurnames   = map[rune]bool{}
	compoundSurnames = map[string]bool{}
)

func init() {
	for _, r := range "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫阎段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况那宿鲜印逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干但尉冶斯元束檀衣信展阴昝智幸奉植衡富尧闭由" {
		singleSurnames[r] = true
	}
	for _, s := range strings.Fields("欧阳 司马 上官 诸葛 东方 皇甫 尉迟 公孙 慕容 长孙 宇文 司徒 令狐 夏侯 端木 独孤 南宫 西门 申屠 澹台 轩辕 万俟 呼延 钟离") {
		compoundSurnames[s] = true
	}
}

// isPersonName reports a folded 2–4 character Han name starting with a
// common surname.
func isPersonName(s string) bool {
	n := utf8.RuneCountInString(s)
	if n < 2 || n > 4 {
		return false
	}
	for _, r := range s {
		if !han.Is(r) {
			return false
		}
	}
	if n >= 3 && compoundSurnames[string([]rune(s)[:2])] {
		return true
	}
	if pubName.MatchString(s) {
		return false // 明报 and 林网 are publications, not people
	}
	r, _ := utf8.DecodeRuneInString(s)
	return singleSurnames[r]
}

// nameList splits "任婧婉 刘瑶 李哲", "杨沫、杨宇雨" or "张临山   赵芳" into names,
// or returns nil when any part is not a name.
func nameList(s string) []string {
	parts := strings.FieldsFunc(s, func(r rune) bool { return isSpace(r) || r == '、' || r == ',' || r == ';' || r == '/' })
	if len(parts) == 0 || len(parts) > 6 {
		return nil
	}
	for _, p := range parts {
		if !isPersonName(p) {
			return nil
		}
	}
	return parts
}

var (
	// bylinePrefix is what precedes reporters' names: 本报记者, □记者, 作者:, 文/.
	bylinePrefix = regexp.MustCompile(`^(?:[□■●▲◎]\s*)?(?:(?:作者|撰文|文字|本报|本网|特约|见习|实习|首席|通讯员|记者|采写|编译)+\s*[::/|]?|(?:文|图|摄影|摄)\s*[::/|])\s*`)
	// outletReporters is an outlet's reporters: 众新闻记者 王小明.
	outletReporters = regexp.MustCompile(`^(\p{Han}{1,12}?)(?:特约|见习|实习|首席)?记者\s*(.+)$`)
	// bylineSuffix closes a byline: 记者 王小明 报道.
	bylineSuffix = regexp.MustCompile(`\s*(?:报道|报导|撰稿)$`)
	// bylineRole labels a later name of a byline: 撰文:王小明 摄影:李大文.
	bylineRole = regexp.MustCompile(`\s(?:作者|撰文|文字|记者|编辑|摄影|图片|采访)\s*[:/|]\s*`)
	// trailingAuthors is "(胡平)" or "(本报记者 罗旭)" closing a paragraph.
	trailingAuthors = regexp.MustCompile(`[(]\s*((?:本报|本网)?(?:特约|见习|实习)?(?:记者|通讯员)?\s*[^()]{2,40}?)\s*[)]$`)
	sourceInLine    = regexp.MustCompile(`来源\s*[:]\s*([^\s|]+)`)
	bookTitle       = regexp.MustCompile(`《([^》]{2,20})》`)
	// metaNoise is what a dateline holds beside the date, source and
	// names: the weekday, the page, labels, and a time of day with its
	// zone (2019-06-12 HKT 18:32, 北京时间 08:00).
	metaNoise = regexp.MustCompile(`星期[一二三四五六日天]|周[一二三四五六日]|第?\d{1,3}版|[()|]|发布时间[:]?|发表时间[:]?|(?:北京|香港|台北)?时间[:]?|日期[:]|发布[:]|(?:最后)?更新[:]?|\b(?:hkt|gmt|utc|cst)\b|\b\d{1,2}:\d{2}(?::\d{2})?\b|[+-]\d{2}:?\d{2}\b`)
	// pubName is a publication's name: 光明日报, 人民网, and Hong Kong's
	// names of one rune before the suffix (明报, 众新闻, 东网).
	pubName = regexp.MustCompile(`^[\p{Han}a-z0-9-]{1,16}(报|网|社|台|刊|杂志|频道|新闻|日报|晚报|周刊|客户端|传媒)$`)
)

// authorsIn reads a byline: names after an optional 本报记者-style prefix,
// each name perhaps under a role of its own (撰文:王小明 摄影:李大文), and
// perhaps closed by 报道 (记者 王小明 报道).
func authorsIn(f string) []string {
	rest := strings.TrimSpace(f)
	for {
		next := bylinePrefix.ReplaceAllString(rest, "")
		if next == rest {
			break
		}
		rest = next
	}
	rest = strings.TrimSpace(bylineSuffix.ReplaceAllString(rest, ""))
	rest = bylineRole.ReplaceAllString(rest, " ")
	return nameList(rest)
}

// metaLine is what a dateline or byline holds.
type metaLine struct {
	date    string
	source  string
	authors []string
}

// parseMetaLine reads a header line such as "2021年12月03日15:08 | 來源:人民網-山西頻道",
// "作者:本报记者 罗旭 《光明日报》( 2021年07月02日 05版)", "光明日报 2021年07月02日 星期五",
// "麻潞" or "□记者 任婧婉 刘瑶 李哲". ok is false when anything else is left
// over: then the line is text, not metadata.
func parseMetaLine(f string) (m metaLine, ok bool) {
	if utf8.RuneCountInString(f) > 80 || strings.ContainsAny(f, "。!?") {
		return m, false
	}
	rest := f
	if loc := fullDate.FindStringSubmatchIndex(rest); loc != nil {
		m.date = isoDate(rest[loc[2]:loc[3]], rest[loc[4]:loc[5]], rest[loc[6]:loc[7]])
		rest = rest[:loc[0]] + " " + rest[loc[1]:]
	}
	if sm := sourceInLine.FindStringSubmatchIndex(rest); sm != nil {
		m.source = normalizeSource(rest[sm[2]:sm[3]])
		rest = rest[:sm[0]] + " " + rest[sm[1]:]
	}
	if bm := bookTitle.FindStringSubmatchIndex(rest); bm != nil {
		if m.source == "" {
			m.source = normalizeSource(rest[bm[2]:bm[3]])
		}
		rest = rest[:bm[0]] + " " + rest[bm[1]:]
	}
	rest = metaNoise.ReplaceAllString(rest, " ")
	rest = strings.TrimSpace(rest)
	if rest == "" {
		return m, m.date != "" || m.source != ""
	}
	if a := authorsIn(rest); a != nil {
		m.authors = a
		return m, true
	}
	// 眾新聞記者 王小明, 新华社记者 张三: the outlet and its reporters.
	if sm := outletReporters.FindStringSubmatch(rest); sm != nil && pubName.MatchString(sm[1]) {
		if a := nameList(sm[2]); a != nil {
			m.authors = a
			if m.source == "" {
				m.source = normalizeSource(sm[1])
			}
			return m, true
		}
	}
	// "光明日报 2021年07月02日": a publication name beside the date.
	if m.date != "" {
		fields := strings.Fields(rest)
		if len(fields) == 1 && pubName.MatchString(fields[0]) {
			if m.source == "" {
				m.source = normalizeSource(fields[0])
			}
			return m, true
		}
		// "作者:本报记者 罗旭 ..." keeps the names before other words.
		if a := authorsIn(fields[0]); a != nil && len(fields) <= 4 {
			if all := authorsIn(strings.Join(fields, " ")); all != nil {
				m.authors = all
				return m, true
			}
		}
	}
	return m, false
}

// trailingAuthorsOf finds "(杨沫、杨宇雨)" closing a paragraph and returns the
// paragraph without it. A parenthesis whose content is not a list of names
// ("(二期)", "(新华社记者 张三 摄)") is left alone.
func trailingAuthorsOf(raw, f string) (text string, authors []string) {
	if !strings.HasSuffix(f, ")") {
		return raw, nil
	}
	loc := trailingAuthors.FindStringSubmatchIndex(f)
	if loc == nil {
		return raw, nil
	}
	inner := f[loc[2]:loc[3]]
	if strings.ContainsAny(inner, "摄图") {
		return raw, nil // a photo credit, not the article's authors
	}
	names := authorsIn(inner)
	if names == nil {
		return raw, nil
	}
	// f and raw have the same runes; cut raw at the same rune offset.
	cut := utf8.RuneCountInString(f[:loc[0]])
	runes := []rune(raw)
	return strings.TrimSpace(string(runes[:cut])), names
}

func appendUnique(list []string, items ...string) []string {
	for _, it := range items {
		if it == "" {
			continue
		}
		dup := false
		for _, x := range list {
			if x == it {
				dup = true
				break
			}
		}
		if !dup {
			list = append(list, it)
		}
	}
	return list
}
