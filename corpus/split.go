package corpus

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// article is one article of a page: the header lines above its text
// (headlines, subtitles, datelines, bylines) and its body lines.
type article struct {
	header []line
	body   []line
	// authors found where the article closes: "(胡平)", "本报记者 李杰华".
	endAuthors []string
	ended      bool // a closing line was seen: what follows is another article
	// closing remembers how the article was closed, so that a close that
	// text without a headline follows can be undone: the "(李四)" was a
	// name in the text, not a byline.
	closing  closeRecord
	box      bool   // a "today in history" box: date headings and entries
	boxLabel string // the box's label, which the page may print after it
}

func (a *article) hasBody() bool { return len(a.body) > 0 }

// addHeader takes the header block that opens an article. Date headings
// make it a box, and stay in its text as the entries' headings.
func (a *article) addHeader(block []line) {
	for _, l := range block {
		switch l.kind {
		case kDateHead:
			a.box = true
			a.body = append(a.body, l)
		case kBoxLabel:
			if a.boxLabel == "" {
				a.boxLabel = l.raw
			}
		default:
			a.header = append(a.header, l)
		}
	}
}

// leadMarker opens a news item's first paragraph: 本报讯, 新华社北京7月1日电.
var leadMarker = regexp.MustCompile(`^(本报讯|本网讯|本报[^,。]{0,12}(讯|电)|(新华社|中新社|中新网|人民网|央视网|新华网|光明网)[^,。]{0,16}(电|讯|消息))`)

// splitArticles groups a page's lines into articles.
//
// A page is read as alternating header blocks (runs of headline, subtitle,
// dateline and byline lines) and body runs. A header block after some text
// starts a new article when the page gives a signal that a new article
// begins, not a new section of the same one:
//   - the current article has closed (a "(胡平)" or "本报记者 李杰华" line, a
//     供稿 credit);
//   - the block holds a subtitle (——访市委工信工委副书记崔俊林), a byline or a
//     dateline, or a column label above a headline (政务之要);
//   - the text after it opens with a news lead (本报讯 6月30日, …);
//   - a run of bare date headings begins or ends (a "today in history" box).
//
// Otherwise the block's headlines are section heads of the current article
// and stay in its text, so a single-article page with subheads stays one
// article. Text that follows a closing line with no headline reopens the
// article (the "(李四)" was a name in the text). Blocks that no text
// follows (a trailing series label) are not articles.
func splitArticles(lines []line, single bool) []*article {
	var arts []*article
	cur := &article{}
	arts = append(arts, cur)
	for i := 0; i < len(lines); {
		// Collect the header block starting at i and the body run after it.
		j := i
		for j < len(lines) && isHeaderKind(lines[j].kind) {
			j++
		}
		k := j
		for k < len(lines) && !isHeaderKind(lines[k].kind) {
			k++
		}
		block, run := lines[i:j], lines[j:k]
		i = k

		if !cur.hasBody() {
			cur.addHeader(block)
			cur = addBody(cur, run, &arts, single)
			continue
		}
		if !single && (len(block) > 0 && block[0].starts || len(block) == 0 && len(run) > 0 && run[0].starts) {
			// An article of its own in the page's markup (<article>).
			cur = &article{}
			cur.addHeader(block)
			arts = append(arts, cur)
			cur = addBody(cur, run, &arts, single)
			continue
		}
		if single {
			// A record is one article: whatever follows its first text is text.
			cur.body = append(cur.body, block...)
			cur = addBody(cur, run, &arts, single)
			continue
		}
		// Bylines right after the text close the article they follow.
		for len(block) > 0 && block[0].kind == kMeta && len(block[0].meta.authors) > 0 && block[0].meta.date == "" {
			cur.close(block[0], block[0].meta.authors)
			block = block[1:]
		}
		if cur.box && len(block) > 0 && block[0].kind == kBoxLabel {
			cur.boxLabel = block[0].raw
			block = block[1:]
		}
		if len(block) == 0 {
			cur = addBody(cur, run, &arts, single)
			continue
		}
		if !single && startsArticle(cur, block, run) {
			cur = &article{}
			cur.addHeader(block)
			arts = append(arts, cur)
			cur = addBody(cur, run, &arts, single)
			continue
		}
		// Section heads of the same article.
		cur.body = append(cur.body, block...)
		cur = addBody(cur, run, &arts, single)
	}
	out := arts[:0]
	for _, a := range arts {
		if a.hasBody() {
			out = append(out, a)
		}
	}
	return out
}

// addBody appends a body run to cur. News items always carry a headline,
// so text that follows a closing line without one continues the article:
// the close is undone.
func addBody(cur *article, run []line, arts *[]*article, single bool) *article {
	for _, l := range run {
		if single {
			cur.body = append(cur.body, l)
			continue
		}
		if cur.ended && l.kind == kBody {
			cur.reopen()
		}
		if l.kind == kEnd {
			if l.keep {
				cur.body = append(cur.body, l)
				cur.closeWith(l.meta.authors)
			} else {
				cur.close(l, l.meta.authors)
			}
			continue
		}
		if l.kind == kBody {
			if text, names := trailingAuthorsOf(l.raw, l.f); names != nil {
				cur.closing.cut, cur.closing.orig, cur.closing.hasCut = len(cur.body), l, true
				l.raw, l.f = text, fold(text)
				l.n = utf8.RuneCountInString(text)
				cur.body = append(cur.body, l)
				cur.closeWith(names)
				continue
			}
		}
		cur.body = append(cur.body, l)
	}
	return cur
}

// closeRecord is what closing an article took out of its text.
type closeRecord struct {
	lines   []line   // byline lines taken out of the text
	authors []string // the names they added to the authors
	cut     int      // index into body of the paragraph whose "(…)" was cut
	orig    line     // that paragraph as it was
	hasCut  bool
}

// close ends the article with a byline line taken out of its text.
func (a *article) close(l line, authors []string) {
	a.closing.lines = append(a.closing.lines, l)
	a.closeWith(authors)
}

// closeWith ends the article, adding authors.
func (a *article) closeWith(authors []string) {
	for _, au := range authors {
		if !contains(a.endAuthors, au) {
			a.endAuthors = append(a.endAuthors, au)
			a.closing.authors = append(a.closing.authors, au)
		}
	}
	a.ended = true
}

// reopen undoes the close: the byline lines go back into the text and
// their names out of the authors.
func (a *article) reopen() {
	c := &a.closing
	if c.hasCut && c.cut < len(a.body) {
		a.body[c.cut] = c.orig
	}
	for _, l := range c.lines {
		l.kind = kBody
		a.body = append(a.body, l)
	}
	var kept []string
	for _, au := range a.endAuthors {
		if !contains(c.authors, au) {
			kept = append(kept, au)
		}
	}
	a.endAuthors = kept
	*c = closeRecord{}
	a.ended = false
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func isHeaderKind(k kind) bool {
	return k == kHead || k == kSub || k == kMeta || k == kDateHead || k == kBoxLabel
}

// startsArticle decides whether a header block after cur's text opens a
// new article; see splitArticles.
func startsArticle(cur *article, block, run []line) bool {
	dateHeads := 0
	for _, l := range block {
		if l.kind == kDateHead {
			dateHeads++
		}
	}
	if cur.box {
		// Entries continue the box; anything else ends it.
		return dateHeads != len(block)
	}
	if dateHeads > 0 {
		if dateHeads == len(block) {
			return true // a box begins
		}
	}
	if cur.ended {
		return true
	}
	heads, subs := 0, 0
	for idx, l := range block {
		switch l.kind {
		case kBoxLabel:
			return true
		case kSub:
			if subtitleOfPiece.MatchString(l.f) {
				return true
			}
			subs++
		case kMeta:
			if idx > 0 {
				return true
			}
		case kHead:
			heads++
		}
	}
	if subs > 0 && heads > 0 {
		return true // a headline with its "——" subtitle
	}
	if heads >= 2 && isColumnLabel(block[0]) {
		return true
	}
	if len(run) > 0 && leadMarker.MatchString(run[0].f) {
		return true
	}
	return false
}

// subtitleOfPiece is a subtitle that introduces a new piece: ——访…, ——记…,
// ——专访…. A lone "——着力完善城市基础设施" is a section head of an
// interview, not a new article.
var subtitleOfPiece = regexp.MustCompile(`^[—-]{1,2}\s*(访|记|专访|对话|访问|写在|来自|聚焦|走进)`)

// isColumnLabel is a newspaper column's name (政务之要): very short, no
// punctuation at all.
func isColumnLabel(l line) bool {
	if l.kind != kHead || l.n > 6 {
		return false
	}
	return allHan(strings.ReplaceAll(l.f, " ", ""))
}
