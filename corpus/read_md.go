package corpus

import (
	"regexp"
	"strings"
)

// parseMarkdown reads a Markdown page with optional YAML front matter
// (title, date, source, url, author as "key: value" lines). The small
// key/value reader covers what news front matter holds; nested YAML is
// ignored rather than misread. Markdown markup is removed so that the
// cleaner sees plain lines; a leading "# " heading becomes the title when
// the front matter has none.
func parseMarkdown(text string) page {
	var p page
	lines := strings.Split(text, "\n")
	if len(lines) > 0 && strings.TrimSpace(lines[0]) == "---" {
		for i := 1; i < len(lines); i++ {
			if t := strings.TrimSpace(lines[i]); t == "---" || t == "..." {
				p.hints = frontMatter(lines[1:i])
				lines = lines[i+1:]
				break
			}
		}
	}
	inFence := false
	for _, l := range lines {
		t := strings.TrimSpace(l)
		if strings.HasPrefix(t, "```") || strings.HasPrefix(t, "~~~") {
			inFence = !inFence
			continue
		}
		if inFence {
			p.lines = append(p.lines, l)
			continue
		}
		if h := mdHeading.FindStringSubmatch(t); h != nil {
			t = h[2]
			if h[1] == "#" && p.hints.Title == "" {
				p.hints.Title = stripMarkdown(t)
			}
		}
		if mdRule.MatchString(t) {
			p.lines = append(p.lines, "")
			continue
		}
		t = mdListMark.ReplaceAllString(trimQuoteMarks(t), "")
		p.lines = append(p.lines, stripMarkdown(t))
	}
	return p
}

var (
	mdHeading  = regexp.MustCompile(`^(#{1,6})\s+(.*?)\s*#*$`)
	mdRule     = regexp.MustCompile(`^([-*_]\s*){3,}$`)
	mdListMark = regexp.MustCompile(`^([-*+]|\d+[.)])\s+`)
	mdImage    = regexp.MustCompile(`!\[[^\]]*\]\([^)]*\)`)
	mdLink     = regexp.MustCompile(`\[([^\]]*)\]\([^)]*\)`)
	mdEmphasis = regexp.MustCompile("\\*\\*|__|`")
	// mdItalic is *text* (the ** of bold gone first): a dateline set in
	// italics (*2017年11月20日　眾新聞記者 王小明*) is a dateline.
	mdItalic  = regexp.MustCompile(`\*([^*\n]+)\*`)
	mdHTMLTag = regexp.MustCompile(`</?[a-zA-Z][^>]*>`)
)

// trimQuoteMarks removes a block quotation's marks from the start of a
// line (> 他形容自己…, > > …), which JSON records scraped from Markdown
// keep too.
func trimQuoteMarks(line string) string {
	t := strings.TrimLeftFunc(line, isSpace)
	if !strings.HasPrefix(t, ">") {
		return line
	}
	for strings.HasPrefix(t, ">") {
		t = strings.TrimLeftFunc(t[1:], isSpace)
	}
	return t
}

func stripMarkdown(s string) string {
	s = mdImage.ReplaceAllString(s, "")
	s = mdLink.ReplaceAllString(s, "$1")
	s = mdEmphasis.ReplaceAllString(s, "")
	s = mdItalic.ReplaceAllString(s, "$1")
	s = mdHTMLTag.ReplaceAllString(s, "")
	return strings.TrimSpace(s)
}

// frontMatter reads "key: value" lines; quotes around a value are removed
// and a "- item" list under author is read as several authors.
func frontMatter(lines []string) pageMeta {
	var m pageMeta
	lastKey := ""
	for _, l := range lines {
		t := strings.TrimSpace(l)
		if t == "" || strings.HasPrefix(t, "#") {
			continue
		}
		if strings.HasPrefix(t, "- ") && (lastKey == "author" || lastKey == "authors") {
			m.Authors = appendUnique(m.Authors, foldName(unquoteYAML(t[2:])))
			continue
		}
		k, v, ok := strings.Cut(t, ":")
		if !ok {
			continue
		}
		k = strings.ToLower(strings.TrimSpace(k))
		v = unquoteYAML(v)
		lastKey = k
		switch k {
		case "title":
			m.Title = v
		case "date", "published", "pubdate":
			m.Date = normalizeDate(v)
		case "source", "publisher":
			m.Source = normalizeSource(v)
		case "url", "link":
			m.URL = v
		case "author", "authors":
			if v == "" {
				continue
			}
			v = strings.Trim(v, "[]")
			for _, a := range strings.FieldsFunc(v, func(r rune) bool { return r == ',' || r == '、' || r == '，' }) {
				if a = unquoteYAML(a); a != "" {
					m.Authors = appendUnique(m.Authors, foldName(a))
				}
			}
		}
	}
	return m
}

func unquoteYAML(v string) string {
	v = strings.TrimSpace(v)
	if len(v) >= 2 && (v[0] == '"' && v[len(v)-1] == '"' || v[0] == '\'' && v[len(v)-1] == '\'') {
		v = v[1 : len(v)-1]
	}
	return strings.TrimSpace(v)
}
