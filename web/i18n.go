package web

import (
	"fmt"
	"net/http"
)

// locale is the UI language of one request: Chinese by default, English
// with ?lang=en. Content (titles, text, names) is never translated.
type locale struct {
	Code     string // value of the lang parameter: "zh" or "en"
	HTMLLang string // value of <html lang>
	msgs     map[string]string
}

// T returns the message for key, or the key itself so that a missing
// translation shows up in review instead of as a blank.
func (l *locale) T(key string) string {
	if m, ok := l.msgs[key]; ok {
		return m
	}
	if m, ok := zhMessages[key]; ok {
		return m
	}
	return key
}

// F formats the message for key with args.
func (l *locale) F(key string, args ...any) string {
	return fmt.Sprintf(l.T(key), args...)
}

// English reports whether the UI is in English.
func (l *locale) English() bool { return l.Code == "en" }

var (
	zhLocale = &locale{Code: "zh", HTMLLang: "zh", msgs: zhMessages}
	enLocale = &locale{Code: "en", HTMLLang: "en", msgs: enMessages}
)

func localeOf(r *http.Request) *locale {
	if r.URL.Query().Get("lang") == "en" {
		return enLocale
	}
	return zhLocale
}

var zhMessages = map[string]string{
	"site":            "访谈 · fangtan",
	"tagline":         "官员访谈与新闻全文检索",
	"skip":            "跳到正文",
	"nav":             "主导航",
	"nav.search":      "文章",
	"nav.quotes":      "引语",
	"nav.help":        "搜索语法",
	"lang.switch":     "English",
	"lang.switch.lbl": "Switch to English",
	"search.label":    "搜索文章",
	"search.ph":       "例如：刘振华 转型发展，或 \"办实事\"",
	"search.button":   "搜索",
	"search.hint":     "输入时会提示官员、地名和主题。",
	"quotes.label":    "搜索引语",
	"quotes.ph":       "例如：老百姓",
	"speaker.label":   "发言人",
	"filters":         "筛选",
	"filters.active":  "已选条件",
	"filter.remove":   "移除筛选：%s %s",
	"filters.clear":   "清除全部筛选",
	"facet.official":  "官员",
	"facet.city":      "城市",
	"facet.province":  "省份",
	"facet.district":  "区县",
	"facet.theme":     "主题",
	"facet.source":    "来源",
	"facet.year":      "年份",
	"facet.speaker":   "发言人",
	"facet.selected":  "（已选）",
	"results":         "搜索结果",
	"results.count":   "共 %d 条结果，用时 %.1f 毫秒",
	"results.range":   "第 %d–%d 条",
	"sort":            "排序：",
	"sort.relevance":  "相关度",
	"sort.date":       "日期",
	"export":          "导出全部结果：",
	"noresults":       "没有找到符合条件的结果。",
	"noresults.try":   "可以试试：",
	"hint.filter":     "去掉一个筛选条件：",
	"hint.script":     "换一种写法：繁体与简体本来就能互相匹配，但可以试试同义词、全称或简称（太原 / 太原市）。",
	"hint.phrase":     "用引号搜索精确短语：",
	"hint.unquote":    "去掉引号，分词搜索：",
	"hint.help":       "查看搜索语法",
	"welcome":         "在这里搜索官员访谈与新闻报道。按官员、城市、省份、主题、来源和年份筛选，繁简通用。",
	"examples":        "试试：",
	"welcome.quotes":  "搜索报道中的引语，并按发言人筛选。",
	"officials":       "官员",
	"places":          "地点",
	"themes":          "主题",
	"keywords":        "关键词",
	"authors":         "作者",
	"date":            "日期",
	"source":          "来源",
	"url":             "原文链接",
	"docid":           "文档编号",
	"subject":         "（报道对象）",
	"pages":           "分页",
	"page.prev":       "上一页",
	"page.next":       "下一页",
	"page.n":          "第 %d 页",
	"doc.meta":        "文章信息",
	"doc.text":        "正文",
	"doc.quotes":      "引语",
	"doc.noquotes":    "本文没有识别出引语。",
	"doc.siblings":    "同一页面的其他文章",
	"doc.cite":        "引用本文",
	"doc.cite.help":   "复制下面的引用信息。点击段落编号可以引用具体段落。",
	"doc.back":        "返回搜索结果",
	"doc.para":        "第 %d 段",
	"doc.para.link":   "引用第 %d 段",
	"doc.highlight":   "已高亮：%s",
	"cite.title":      "标题",
	"cite.source":     "来源",
	"cite.date":       "日期",
	"cite.url":        "链接",
	"cite.para":       "段落",
	"cite.id":         "编号",
	"quote.in":        "出自",
	"quote.para":      "第 %d 段",
	"quote.unknown":   "（发言人不明）",
	"error":           "出错了",
	"error.400":       "查询有误",
	"error.401":       "请登录",
	"error.403":       "此服务器不接受这个主机名",
	"error.404":       "找不到页面或文档",
	"error.429":       "同时进行的搜索太多，请稍候",
	"error.503":       "暂时无法完成搜索，请稍后再试",
	"error.500":       "服务器内部错误",
	"error.home":      "回到搜索页",
	"help.title":      "搜索语法",
	"footer":          "fangtan：只读的全文检索。数据来自所索引的语料。",
	"api":             "JSON 接口",
	"none":            "—",
	"colon":           "：",
	"kind.official":   "官员",
	"kind.place":      "地点",
	"kind.theme":      "主题",
}

var enMessages = map[string]string{
	"site":            "fangtan 访谈",
	"tagline":         "Full-text search of interviews and news about officials",
	"skip":            "Skip to content",
	"nav":             "Main navigation",
	"nav.search":      "Articles",
	"nav.quotes":      "Quotes",
	"nav.help":        "Query syntax",
	"lang.switch":     "中文",
	"lang.switch.lbl": "切换到中文",
	"search.label":    "Search articles",
	"search.ph":       "e.g. 刘振华 转型发展, or \"办实事\"",
	"search.button":   "Search",
	"search.hint":     "Officials, places and themes are suggested as you type.",
	"quotes.label":    "Search quotes",
	"quotes.ph":       "e.g. 老百姓",
	"speaker.label":   "Speaker",
	"filters":         "Filters",
	"filters.active":  "Active filters",
	"filter.remove":   "Remove filter: %s %s",
	"filters.clear":   "Clear all filters",
	"facet.official":  "Official",
	"facet.city":      "City",
	"facet.province":  "Province",
	"facet.district":  "District",
	"facet.theme":     "Theme",
	"facet.source":    "Source",
	"facet.year":      "Year",
	"facet.speaker":   "Speaker",
	"facet.selected":  "(selected)",
	"results":         "Results",
	"results.count":   "%d results in %.1f ms",
	"results.range":   "showing %d–%d",
	"sort":            "Sort by:",
	"sort.relevance":  "relevance",
	"sort.date":       "date",
	"export":          "Export all results:",
	"noresults":       "No results match.",
	"noresults.try":   "You could try:",
	"hint.filter":     "dropping a filter:",
	"hint.script":     "another wording: Traditional and Simplified already match each other, but try a synonym, or the full or short place name (太原 / 太原市).",
	"hint.phrase":     "the exact phrase in quotes:",
	"hint.unquote":    "the words without quotes:",
	"hint.help":       "the query syntax",
	"welcome":         "Search interviews and news reports about officials. Filter by official, city, province, theme, source and year; Traditional and Simplified match each other.",
	"examples":        "Try: ",
	"welcome.quotes":  "Search the quotations in the reports and filter them by speaker.",
	"officials":       "Officials",
	"places":          "Places",
	"themes":          "Themes",
	"keywords":        "Keywords",
	"authors":         "Authors",
	"date":            "Date",
	"source":          "Source",
	"url":             "Original",
	"docid":           "Document id",
	"subject":         "(subject)",
	"pages":           "Pagination",
	"page.prev":       "Previous",
	"page.next":       "Next",
	"page.n":          "Page %d",
	"doc.meta":        "About this article",
	"doc.text":        "Text",
	"doc.quotes":      "Quotes",
	"doc.noquotes":    "No quotes were recognized in this article.",
	"doc.siblings":    "Other articles from the same page",
	"doc.cite":        "Cite this",
	"doc.cite.help":   "Copy the citation below. Click a paragraph number to cite that paragraph.",
	"doc.back":        "Back to the results",
	"doc.para":        "paragraph %d",
	"doc.para.link":   "Cite paragraph %d",
	"doc.highlight":   "Highlighted: %s",
	"cite.title":      "Title",
	"cite.source":     "Source",
	"cite.date":       "Date",
	"cite.url":        "URL",
	"cite.para":       "Paragraph",
	"cite.id":         "Id",
	"quote.in":        "in",
	"quote.para":      "paragraph %d",
	"quote.unknown":   "(speaker unclear)",
	"error":           "Something went wrong",
	"error.400":       "The query needs fixing",
	"error.401":       "Please sign in",
	"error.403":       "This server does not answer to that host name",
	"error.404":       "Page or document not found",
	"error.429":       "Too many searches at once; please wait",
	"error.503":       "The search is temporarily unavailable; please try again",
	"error.500":       "Internal server error",
	"error.home":      "Back to the search page",
	"help.title":      "Query syntax",
	"footer":          "fangtan: read-only full-text search over the indexed corpus.",
	"api":             "JSON API",
	"none":            "—",
	"colon":           ": ",
	"kind.official":   "official",
	"kind.place":      "place",
	"kind.theme":      "theme",
}
