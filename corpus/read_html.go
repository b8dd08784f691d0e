package corpus

import (
	"fmt"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// parseHTML reads the main content of an HTML page: the <article> or <main>
// element when there is one, otherwise the element holding the densest
// block of paragraph text. Scripts, styles and page furniture (nav, header,
// footer, aside, forms) never reach the text. The headline comes from <h1>
// or <title>; date, source, author and canonical URL from <meta> and <link>.
func parseHTML(text string) (page, error) {
	root, err := html.Parse(strings.NewReader(text))
	if err != nil {
		return page{}, fmt.Errorf("parse HTML: %w", err)
	}
	var p page
	p.hints = htmlMeta(root)
	pruneHTML(root)
	body := findFirst(root, atom.Body)
	if body == nil {
		body = root
	}
	var h1 string
	if n := findFirst(body, atom.H1); n != nil {
		h1 = collapseSpace(nodeText(n))
	} else if n := findFirst(body, atom.H2); n != nil {
		// No <h1>: an <h2> that writes the <title>'s headline out in
		// full (立法會今日辯論 / 立法會今日辯論施政報告) is the headline.
		h2, t := collapseSpace(nodeText(n)), trimSiteSuffix(p.hints.Title)
		if t != "" && len(h2) > len(t) && strings.HasPrefix(fold(h2), fold(t)) {
			h1 = h2
		}
	}
	p.hints.Site = siteInTitle(p.hints.Title)
	if arts := ownArticles(body); len(arts) >= 2 {
		// Several articles, each in an <article> of its own: each is
		// read, and each starts an article of the page.
		p.starts = map[int]bool{}
		for _, a := range arts {
			p.starts[len(p.lines)] = true
			p.lines = append(p.lines, blockLines(a)...)
		}
		p.hints.Title = trimSiteSuffix(p.hints.Title)
		return p, nil
	}
	content := mainContent(body, firstNonEmpty(h1, trimSiteSuffix(p.hints.Title)))
	if h1 != "" {
		p.hints.Title = h1
	} else if p.hints.Title != "" {
		p.hints.Title = trimSiteSuffix(p.hints.Title)
	}
	lines := blockLines(content)
	if h1 != "" && !containsLine(lines, h1) {
		lines = append([]string{h1}, lines...)
	}
	if len(lines) == 0 {
		return page{}, fmt.Errorf("HTML page without text")
	}
	p.lines = lines
	return p, nil
}

// markupTag is an HTML tag that a record's text holds when a scraper or a
// news API gave the article's markup instead of its text.
var markupTag = regexp.MustCompile(`(?i)<(?:p|br|div|span|h[1-6]|li|img|script|style|strong|em|a|figure|table)\b[^<>]*>|</(?:p|div|span|h[1-6]|li|strong|em|a)>`)

// htmlFragmentLines returns the lines of text of an HTML fragment (a
// record's markup), scripts, styles and furniture left out, or nil when
// text holds no markup.
func htmlFragmentLines(text string) []string {
	if !strings.Contains(text, "<") || len(markupTag.FindAllStringIndex(text, 2)) < 2 {
		return nil // one stray <b> or "a<b" in plain text is not markup
	}
	root, err := html.Parse(strings.NewReader(text))
	if err != nil {
		return nil
	}
	pruneHTML(root)
	body := findFirst(root, atom.Body)
	if body == nil {
		body = root
	}
	return blockLines(body)
}

// htmlMeta reads <title>, <meta> and <link rel=canonical>.
func htmlMeta(root *html.Node) pageMeta {
	var m pageMeta
	walkNodes(root, func(n *html.Node) bool {
		if n.Type != html.ElementNode {
			return true
		}
		switch n.DataAtom {
		case atom.Title:
			if m.Title == "" {
				m.Title = collapseSpace(nodeText(n))
			}
		case atom.Meta:
			key := strings.ToLower(attr(n, "name") + attr(n, "property") + attr(n, "itemprop"))
			val := strings.TrimSpace(attr(n, "content"))
			if val == "" {
				break
			}
			switch key {
			case "pubdate", "publishdate", "publish_date", "publishtime", "date", "dc.date", "dc.date.issued",
				"article:published_time", "og:published_time", "datepublished", "og:release_date":
				if m.Date == "" {
					m.Date = normalizeDate(val)
				}
			case "source", "og:site_name", "sitename", "site_name", "publisher", "article:publisher":
				if m.Source == "" && !strings.Contains(val, "://") {
					m.Source = normalizeSource(val)
				}
			case "author", "article:author":
				if len(m.Authors) == 0 && !strings.Contains(val, "://") {
					m.Authors = rawAuthors([]byte(fmt.Sprintf("%q", val)))
				}
			case "og:url":
				if m.URL == "" {
					m.URL = val
				}
			}
		case atom.Link:
			if strings.EqualFold(attr(n, "rel"), "canonical") && attr(n, "href") != "" {
				m.URL = attr(n, "href")
			}
		}
		return true
	})
	return m
}

// pruneHTML removes the elements whose text is never article text. An
// article's own <header> (headline, dateline) is kept; the page's is not.
func pruneHTML(n *html.Node) { pruneIn(n, false) }

func pruneIn(n *html.Node, inArticle bool) {
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		switch {
		case c.Type == html.CommentNode:
			n.RemoveChild(c)
		case c.Type == html.ElementNode && c.DataAtom == atom.Header && inArticle:
			pruneIn(c, inArticle)
		case c.Type == html.ElementNode && isFurniture(c):
			n.RemoveChild(c)
		default:
			pruneIn(c, inArticle || c.DataAtom == atom.Article || c.DataAtom == atom.Main)
		}
		c = next
	}
}

func isFurniture(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Iframe, atom.Object, atom.Embed,
		atom.Svg, atom.Canvas, atom.Nav, atom.Header, atom.Footer, atom.Aside, atom.Form, atom.Button,
		atom.Select, atom.Input, atom.Textarea, atom.Head:
		return true
	}
	if hasAttr(n, "hidden") || strings.Contains(strings.ReplaceAll(strings.ToLower(attr(n, "style")), " ", ""), "display:none") {
		return true
	}
	if strings.EqualFold(attr(n, "role"), "navigation") {
		return true
	}
	cls := strings.ToLower(attr(n, "class") + " " + attr(n, "id"))
	for _, w := range []string{"nav", "menu", "breadcrumb", "footer", "sidebar", "share", "comment", "copyright", "advert"} {
		if containsWord(cls, w) {
			return true
		}
	}
	return false
}

// containsWord matches w as a whole word of a class or id list, where words
// are separated by spaces, dashes or underscores ("site-nav" yes, "canvas" no).
func containsWord(list, w string) bool {
	for _, f := range strings.FieldsFunc(list, func(r rune) bool { return r == ' ' || r == '-' || r == '_' }) {
		if f == w {
			return true
		}
	}
	return false
}

// mainContent picks the article element: <article>, then <main>, then the
// element whose own paragraphs hold the most text, widened to the nearest
// ancestor that holds the headline.
func mainContent(body *html.Node, headline string) *html.Node {
	var best *html.Node
	bestLen := 0
	for _, a := range []atom.Atom{atom.Article, atom.Main} {
		walkNodes(body, func(n *html.Node) bool {
			if n.Type == html.ElementNode && n.DataAtom == a {
				if l := utf8.RuneCountInString(collapseSpace(nodeText(n))); l > bestLen {
					best, bestLen = n, l
				}
			}
			return true
		})
		if best != nil && bestLen >= 50 {
			return best
		}
	}
	best, bestLen = nil, 0
	walkNodes(body, func(n *html.Node) bool {
		if n.Type != html.ElementNode {
			return true
		}
		score := 0
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.ElementNode && (c.DataAtom == atom.P || c.DataAtom == atom.Blockquote || c.DataAtom == atom.Pre || c.DataAtom == atom.Div && isLeafBlock(c)) {
				score += utf8.RuneCountInString(collapseSpace(nodeText(c)))
			}
			if c.Type == html.TextNode {
				score += utf8.RuneCountInString(strings.TrimSpace(c.Data))
			}
		}
		if score > bestLen {
			best, bestLen = n, score
		}
		return true
	})
	if best == nil || bestLen < 50 {
		return body
	}
	// The headline and dateline often sit a few levels above the
	// paragraphs (a title cell in another table row). Climb to the nearest
	// ancestor that shows the headline as a line of its own, if one is near.
	if headline != "" {
		n := best
		for level := 0; level < 4 && n != nil && n.DataAtom != atom.Body; level, n = level+1, n.Parent {
			if containsLine(blockLines(n), headline) {
				return n
			}
		}
	}
	return best
}

// ownArticles returns the <article> elements of a page that each hold an
// article of it: inside no other <article>, with a heading, two
// paragraphs or more and 40 runes of text at least, and a quarter of the
// longest one's text at least. The teasers of other stories beside a
// story (a headline and a line or two) are not the page's articles.
func ownArticles(body *html.Node) []*html.Node {
	type candidate struct {
		n     *html.Node
		runes int
	}
	var cands []candidate
	longest := 0
	walkNodes(body, func(n *html.Node) bool {
		if n.Type != html.ElementNode || n.DataAtom != atom.Article {
			return true
		}
		heading := findFirst(n, atom.H1) != nil || findFirst(n, atom.H2) != nil || findFirst(n, atom.H3) != nil
		paras := 0
		walkNodes(n, func(c *html.Node) bool {
			if c.Type == html.ElementNode && c.DataAtom == atom.P && strings.TrimSpace(nodeText(c)) != "" {
				paras++
			}
			return true
		})
		if runes := utf8.RuneCountInString(collapseSpace(nodeText(n))); heading && paras >= 2 && runes >= 40 {
			cands = append(cands, candidate{n, runes})
			longest = max(longest, runes)
		}
		return false // an <article> inside one is part of it
	})
	var out []*html.Node
	for _, c := range cands {
		if 4*c.runes >= longest {
			out = append(out, c.n)
		}
	}
	return out
}

// isLeafBlock reports an element holding text but no further blocks: a
// paragraph written as <div>…</div>.
func isLeafBlock(n *html.Node) bool {
	leaf := true
	walkNodes(n, func(c *html.Node) bool {
		if c != n && c.Type == html.ElementNode && isBlock(c.DataAtom) {
			leaf = false
		}
		return leaf
	})
	return leaf
}

// blockLines renders n as text lines: block elements and <br> end a line,
// inline elements flow. Link-only lists (menus left inside the content)
// are skipped.
func blockLines(n *html.Node) []string {
	var lines []string
	var cur strings.Builder
	flush := func() {
		if s := collapseSpace(cur.String()); s != "" {
			lines = append(lines, s)
		}
		cur.Reset()
	}
	var visit func(n *html.Node)
	visit = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			cur.WriteString(n.Data)
			return
		case html.ElementNode:
			if n.DataAtom == atom.Br {
				flush()
				return
			}
			if (n.DataAtom == atom.Ul || n.DataAtom == atom.Ol) && isLinkList(n) {
				return
			}
			if n.DataAtom == atom.Img || n.DataAtom == atom.Figure && strings.TrimSpace(nodeText(n)) == "" {
				return
			}
		}
		block := n.Type == html.ElementNode && isBlock(n.DataAtom)
		if block {
			flush()
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			visit(c)
		}
		if block {
			flush()
		}
	}
	visit(n)
	flush()
	return lines
}

// isLinkList reports a list whose items are all short links: a menu.
func isLinkList(n *html.Node) bool {
	items, links := 0, 0
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode || c.DataAtom != atom.Li {
			continue
		}
		items++
		text := collapseSpace(nodeText(c))
		if findFirst(c, atom.A) != nil && utf8.RuneCountInString(text) <= 12 {
			links++
		}
	}
	return items >= 2 && links == items
}

func isBlock(a atom.Atom) bool {
	switch a {
	case atom.P, atom.Div, atom.Section, atom.Article, atom.Main, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6,
		atom.Li, atom.Ul, atom.Ol, atom.Dl, atom.Dt, atom.Dd, atom.Blockquote, atom.Pre, atom.Table, atom.Tr,
		atom.Td, atom.Th, atom.Figcaption, atom.Figure, atom.Hr, atom.Address, atom.Center, atom.Time:
		return true
	}
	return false
}

func walkNodes(n *html.Node, f func(*html.Node) bool) {
	if !f(n) {
		return
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		walkNodes(c, f)
	}
}

func findFirst(n *html.Node, a atom.Atom) *html.Node {
	var found *html.Node
	walkNodes(n, func(c *html.Node) bool {
		if found != nil {
			return false
		}
		if c.Type == html.ElementNode && c.DataAtom == a {
			found = c
			return false
		}
		return true
	})
	return found
}

func nodeText(n *html.Node) string {
	var b strings.Builder
	walkNodes(n, func(c *html.Node) bool {
		if c.Type == html.TextNode {
			b.WriteString(c.Data)
		}
		if c.Type == html.ElementNode && (c.DataAtom == atom.Br || isBlock(c.DataAtom)) {
			b.WriteByte(' ')
		}
		return true
	})
	return b.String()
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Key == key {
			return true
		}
	}
	return false
}

// collapseSpace joins runs of white space (any Unicode space, zero-width
// space, BOM) into one ASCII space and trims the ends.
func collapseSpace(s string) string {
	return strings.Join(strings.FieldsFunc(s, isSpace), " ")
}

func isSpace(r rune) bool {
	return unicode.IsSpace(r) || r == 0x200B || r == 0xFEFF
}

func containsLine(lines []string, s string) bool {
	for _, l := range lines {
		if l == s {
			return true
		}
	}
	return false
}

// siteInTitle returns the publication a <title> names after its headline
// (标题_人民网, 标题 | 香港新聞網, 标题_新闻中心_中国网), or "" when its last
// part is not a publication's name.
func siteInTitle(t string) string {
	last := -1
	sepLen := 0
	for _, sep := range siteSeparators {
		if i := strings.LastIndex(t, sep); i > last {
			last, sepLen = i, len(sep)
		}
	}
	if last <= 0 || utf8.RuneCountInString(strings.TrimSpace(t[:last])) < 4 {
		return ""
	}
	site := normalizeSource(t[last+sepLen:])
	if !pubName.MatchString(site) {
		return ""
	}
	return site
}

// siteSeparators join a headline and the site's name in a <title>.
var siteSeparators = []string{"_", " - ", " – ", "|", "｜", "--"}

// trimSiteSuffix drops the site name a <title> often appends:
// "标题_人民网", "标题 - 光明网", "标题|新华网".
func trimSiteSuffix(t string) string {
	for _, sep := range siteSeparators {
		if i := strings.LastIndex(t, sep); i > 0 {
			head := strings.TrimSpace(t[:i])
			if utf8.RuneCountInString(head) >= 4 {
				t = head
			}
		}
	}
	return t
}
