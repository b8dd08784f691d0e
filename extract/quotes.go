package extract

import (
	"fangtan/internal/han"
	"maps"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"fangtan"
	"fangtan/analyzer"
)

// speechVerbs introduce or close a quotation: 某某说, 某某表示:“…”,
// “…”某某介绍. Longest first, so 介绍说 wins over 说.
var speechVerbs = func() [][]rune {
	words := mustList("speechverbs.txt")
	out := make([][]rune, 0, len(words))
	for _, w := range words {
		out = append(out, []rune(w))
	}
	sort.SliceStable(out, func(i, j int) bool { return len(out[i]) > len(out[j]) })
	return out
}()

// namingWords name a thing, though they end in a speech verb's rune
// (俗称「派糖」): extract/data/namingwords.txt.
var namingWords = func() [][]rune {
	var out [][]rune
	for _, w := range mustList("namingwords.txt") {
		out = append(out, []rune(w))
	}
	return out
}()

// speechVerbEndingAt returns the length of a speech verb that ends at end.
func speechVerbEndingAt(rs []rune, end int) int {
	for _, w := range namingWords {
		if len(w) <= end && equalRunes(rs[end-len(w):end], w) {
			return 0
		}
	}
	for _, v := range speechVerbs {
		if len(v) <= end && equalRunes(rs[end-len(v):end], v) {
			// 小说, 传说, 据说, 听说, 可以说, 也就是说, 顾问, 疑问, 访问:
			// not someone speaking.
			if len(v) == 1 && end >= 2 && wordRuneBefore(rs, end, speechWordRunes) {
				return 0
			}
			return len(v)
		}
	}
	return 0
}

// saidAfterJiu reports whether 就说 ends at end right after a person the
// article knows (何君堯就說：, 梁振英就說，): then 就 is the adverb, and 说
// the speech verb that speechVerbEndingAt and reportVerbEndingAt leave
// out after 就 (也就是说).
func (p *people) saidAfterJiu(rs []rune, end int) bool {
	return end >= 3 && rs[end-1] == '说' && rs[end-2] == '就' && p.knownNameEndingAt(rs, end-2) >= 0
}

// weakSpeechVerbs (weakspeechverbs.txt) name whose view a sentence
// gives, and vouch for no short quotation.
var weakSpeechVerbs = mustList("weakspeechverbs.txt")

// weakSpeechVerbEndingAt returns the length of a weak speech verb that
// ends at end.
func weakSpeechVerbEndingAt(rs []rune, end int) int {
	for _, v := range weakSpeechVerbs {
		n := utf8.RuneCountInString(v)
		if n <= end && string(rs[end-n:end]) == v {
			return n
		}
	}
	return 0
}

// Runes that make a word with a verb of one rune after them that is no one
// speaking (小说, 据说, 也就是说, 顾问, 疑问; 人称, 号称, 声称, 简称):
// speechVerbEndingAt and reportVerbEndingAt find no verb there, but a name
// may end in one (nameRuneVerbAt).
const (
	speechWordRunes = "小传据听就是来再学解演游顾疑访慰询审拷"
	reportWordRunes = "小传据听就是来再学解演游人号声堪俗简自"
	// These make a word with 说 alone (也就是说, 再说, 对他来说): 就指,
	// 再稱, 後來指 and 再問 report.
	sayWordRunes = "就再来"
)

// wordRuneBefore reports whether the verb of one rune that ends at end
// follows one of runes that makes a word with it.
func wordRuneBefore(rs []rune, end int, runes string) bool {
	r := rs[end-2]
	return strings.ContainsRune(runes, r) && (rs[end-1] == '说' || !strings.ContainsRune(sayWordRunes, r))
}

// The punctuation the quotation and speech rules cut text at.
const (
	sentenceEnds = "。!！?？"  // end a sentence
	clauseBreaks = ",，;；:：" // end a clause inside a sentence
)

// quoteOpener pairs each closing quotation mark with its opening one.
var quoteOpener = map[rune]rune{'”': '“', '」': '「', '’': '‘', '』': '『'}

// quoteSpan is a top-level quotation in a paragraph, in rune offsets of
// its text (inside the marks).
type quoteSpan struct{ start, end int }

// findQuotations returns the top-level quotations of a paragraph: “…”,
// 「…」, ‘…’ and "…" when the straight quotes pair up. Nested quotes stay
// inside their outer quotation; an unclosed mark gives nothing, but the
// quotations inside it still count. One pass with a stack, so a page full
// of unclosed marks costs linear time.
func findQuotations(rs []rune) []quoteSpan {
	type open struct {
		mark rune
		at   int
	}
	var stack []open
	var spans []quoteSpan
	closeTo := func(mark rune, at int) bool {
		for k := len(stack) - 1; k >= 0; k-- {
			if stack[k].mark == mark {
				spans = append(spans, quoteSpan{stack[k].at + 1, at})
				stack = stack[:k] // marks opened inside and never closed are dropped
				return true
			}
		}
		return false
	}
	for i, r := range rs {
		switch r {
		case '“', '「', '‘', '『':
			stack = append(stack, open{r, i})
		case '”', '」', '’', '』':
			closeTo(quoteOpener[r], i)
		case '"':
			if !closeTo('"', i) {
				stack = append(stack, open{'"', i})
			}
		}
	}
	// Keep the outermost: spans come out inner first, so sort by start and
	// drop any span inside an earlier one.
	sort.Slice(spans, func(i, j int) bool { return spans[i].start < spans[j].start })
	var out []quoteSpan
	maxEnd := -1
	for _, sp := range spans {
		if sp.end < maxEnd {
			continue
		}
		out = append(out, sp)
		maxEnd = sp.end
	}
	return out
}

// isSentenceLike tells an utterance from a slogan or name in quotes
// (“四有”, “先手棋”, “学史明理、学史增信…”, “有求必应,无事不扰”,
// “文化兴国运兴，文化强民族强”): at least 15 Han runes with clause
// punctuation inside, or at least 8 ending like a sentence.
func isSentenceLike(rs []rune) bool {
	n := 0
	punct := false
	for i, r := range rs {
		if isHan(r) {
			n++
		}
		if strings.ContainsRune(",，;；:：…!！?？", r) || (r == '。' && i < len(rs)-1) {
			punct = true
		}
	}
	end := strings.TrimRight(string(rs), " ")
	last, _ := utf8.DecodeLastRuneInString(end)
	return (n >= 15 && punct) || (n >= 8 && strings.ContainsRune(sentenceEnds+"…", last))
}

// speakerOfClause finds the speaker of a clause that ends in a speech
// verb: the name just before the verb (nameBeforeVerb), or else a post
// written without a name that one official of the article holds
// (postSpeaker: 总书记指出, 法官强调).
func (p *people) speakerOfClause(t *tagged, start, verbStart int) (name, title string) {
	if name, title = p.nameBeforeVerb(t, start, verbStart); name != "" {
		return name, title
	}
	return p.postSpeaker(t.runes, start, verbStart)
}

// nameBeforeVerb is the name just before a speech verb (allowing a few
// runes between, as in 崔俊林介绍说, 李文权在接受采访时说) and the position
// written before the name.
func (p *people) nameBeforeVerb(t *tagged, start, verbStart int) (name, title string) {
	rs := t.runes
	// 西蒙（Pablo Simón）認為, 陳先生（化名）表示: a bracket between the
	// name and the verb that says how the name is written (nameNote) is
	// part of neither, nor is a time after it (娜奧米·威爾遜（Naomi
	// Wilson）周一說).
	for j := verbStart; j > start && verbStart-j <= maxTimeAfterBracket; j-- {
		if j < verbStart && !occasionAt(rs, j) {
			continue
		}
		if open := bracketEndingAt(rs, j); open > start && nameNote(rs[open+1:j-1]) {
			verbStart = open
			break
		}
	}
	// Candidate names ending up to 10 runes before the verb. jieba and the
	// family-name rules disagree at the edges (徐缘续说: 徐缘 and 续说), so
	// the candidate the article repeats most wins, then the one nearest the
	// verb.
	type cand struct{ s, e, freq int }
	var cands []cand
	// 养老服务司有关负责人介绍: the official in charge, whom the clause
	// does not name.
	if runesHasSuffix(rs[start:beforeSayingAdverbs(rs, start, verbStart)], "负责人") {
		return "", ""
	}
	consider := func(s, e int) {
		if s < start || e-s < 2 || insideTitleMarks(rs, start, s) || !titleMarksInOccasion(rs, e, verbStart) {
			return // 《雪梨先驅晨報》說, 〈胡耀邦逝世現象的省思〉提出: a paper's or a work's name
		}
		if stationedAt(rs, s) {
			return // 德国驻伊斯坦布尔总领事馆2月1日称: where the mission is
		}
		c := cand{s, e, p.mentions(string(rs[s:e]))}
		if _, ok := p.byName[string(rs[s:e])]; ok {
			c.freq += 1000 // a known person outranks any guess
		} else if personNounInside(rs, s, e) {
			return // 盛洪教授對《美國之音》表示: the title is no part of the name
		} else if t.familyNameGluedBefore(s) {
			// 港大校委紀文鳳: jieba cut 委纪/x 文凤/x, and 文凤 is the end of
			// a name one rune longer (纪文凤; 当林/x 郑月娥/x).
			if s-1 < start || e-s+1 > 4 || slices.ContainsFunc(honorifics, func(h string) bool { return strings.HasSuffix(string(rs[s:e]), h) }) {
				return
			}
			c = cand{s - 1, e, p.mentions(string(rs[s-1 : e]))}
			if _, ok := p.byName[string(rs[s-1:e])]; ok {
				c.freq += 1000
			}
		} else if !t.wordEndsAt(e) && strings.ContainsRune(bodyEnds+guessBodyEnds, rs[s]) {
			return // 卫生免疫司负责人介绍: 司负责 ends inside 负责人, and 司 ends a body's name
		}
		cands = append(cands, c)
	}
	for end := verbStart; end > start && verbStart-end <= maxOccasionGap; end-- {
		if !isHan(rs[end-1]) && !unicode.IsDigit(rs[end-1]) && !strings.ContainsRune("《》〈〉", rs[end-1]) {
			break // digits may date the saying (普京23日表示), and a paper's name the occasion (接受《蘋果日報》訪問時指)
		}
		// 納隆薩在周日晚上十點的記者會上表示: further back only where an
		// occasion opens right after the name.
		if verbStart-end > 10 && !occasionAt(rs, end) {
			continue
		}
		if s := p.knownNameEndingAt(rs, end); s >= start {
			consider(s, end)
		}
		// 香港眾志羅冠聰指: jieba glued the name to the party before it
		// (众志罗冠聪/x); a party ends where a name of three runes starts,
		// right before the verb, unless jieba starts another word there
		// (建制派方面/n 已).
		if end == verbStart && end-3 >= start && affiliations.endingAt(rs, end-3) > 0 && startsWithSurname(rs[end-3:end]) && allHanRunes(rs[end-3:end]) && t.gluedOrNameAt(end-3, 3) {
			consider(end-3, end)
		}
		for k := 4; k >= 2; k-- {
			if end-k >= start && t.nameAt(end-k) == k {
				consider(end-k, end)
				for j := 2; j < k && !t.nounNameAt(end-k); j++ {
					consider(end-k, end-k+j) // 徐缘 in 徐缘续说
				}
			}
		}
		if t.byEnd != nil {
			if sp, ok := t.byEnd.get(end); ok && sp.start >= start && t.nameAt(sp.start) == sp.end-sp.start {
				consider(sp.start, end)
			}
			// 引述库/n 德罗/nrt 受访时说: jieba cut the first rune of a
			// transliterated name off as a word of its own (not 人士/n
			// 胡佳/nr, nor 据俄/j 别尔哥罗德/nr: a country).
			if sp, ok := t.byEnd.get(end); ok && sp.start-1 >= start && isPersonTag(sp.tag) && allTranslit(rs[sp.start:end]) {
				if w, ok := t.byStart.get(sp.start - 1); ok && w.end == sp.start && translitStartBefore(rs, sp.start, end) < sp.start && !isCountry(rs[sp.start-1:sp.start]) {
					consider(sp.start-1, end)
				}
			}
		}
		// 贝索斯说/x: jieba glued the verb to a transliterated name it
		// does not know; 奥斯尔/x 说, 纳吉/x 表示: or cut it before the
		// verb as a word it does not know.
		if end == verbStart && t.byStart != nil {
			for s := end - 2; s >= start && end-s <= 6; s-- {
				if sp, ok := t.byStart.get(s); ok && sp.tag == "x" && sp.end >= end && sp.end-end <= 2 && allTranslit(rs[s:end]) && !t.noForeignName(s, end-s) && (sp.end > end || t.unknownSpeakerAt(s, end)) {
					consider(max(start, translitStartBefore(rs, s, end)), end) // 萨夫 丘克说/x
					break
				}
			}
		}
	}
	if len(cands) == 0 {
		if s, e, ok := t.latinNameEndingAt(start, verbStart); ok {
			return p.noteLatinName(t, s, e), ""
		}
		if name := t.nicknameEndingAt(start, verbStart); name != "" {
			return name, ""
		}
		if name := p.repeatedNameEndingAt(t, start, verbStart); name != "" {
			return name, ""
		}
		return p.familyNameSpeaker(rs, start, verbStart)
	}
	// The name nearest the verb, and the readings that overlap it: among
	// those the one the article repeats most, then the longest.
	nearest := cands[0]
	for _, c := range cands {
		if c.e > nearest.e || (c.e == nearest.e && c.s < nearest.s) {
			nearest = c
		}
	}
	best := nearest
	for _, c := range cands {
		if c.s < nearest.e && nearest.s < c.e && (c.freq > best.freq || (c.freq == best.freq && c.e-c.s > best.e-best.s)) {
			best = c
		}
	}
	// 约翰读完习主席的复信说, 毛孟靜回應鄭若驊的說法時指: a name (and its
	// post) before 的 owns what the sentence's subject, named before it,
	// read or answered; the subject speaks. Not where the subject cites
	// the words (索爾孟引述劉霞的話說, 援引…奥莱尼克的话报道称).
	if owner := best.e + positionStartingAt(rs, best.e); owner < verbStart && rs[owner] == '的' {
		var before *cand
		for i, c := range cands {
			if c.e <= best.s && (before == nil || c.e > before.e || (c.e == before.e && c.freq > before.freq)) {
				before = &cands[i]
			}
		}
		if before != nil && !holdsAny(string(rs[start:best.s]), citingVerbs) {
			best = *before
		}
	}
	// 他接着评论习近平在非洲之行说, 他不点名批评…何君尧…: a pronoun opens
	// the clause and a verb of its own takes the name as its object; the
	// pronoun's person speaks, as the pronoun rules find them. Not where
	// the pronoun hears, reads or cites the name's words (wordsNotSpoken:
	// 她看到梁天琦用扩音器说, 他引述…叶刘淑仪曾经表示), nor 他的女婿.
	if t.pronounActsOn(start, best.s) && !wordsNotSpoken(rs[start:best.s]) {
		return "", ""
	}
	// 向林郑说, 对记者说: the name after a preposition is the listener.
	if best.s > start && strings.ContainsRune("向对跟给", rs[best.s-1]) {
		return "", ""
	}
	if strings.ContainsRune("向对跟给", rs[best.s]) && best.e-best.s > 2 {
		return "", ""
	}
	// 望向法官陳慶偉說, 對台下的妻子米歇爾說: also with a post or a
	// modifier between.
	if t.listenerAt(start, best.s) {
		return "", ""
	}
	// 陈志全的助理表示, 孟晚舟律师可藉此要求: the assistant or the lawyer
	// speaks, whom the article does not name; 赵紫阳的秘书鲍彤表示 names
	// the secretary.
	for _, c := range cands {
		w := spokespersonAfter(rs, c.e, verbStart)
		if w >= 0 && !slices.ContainsFunc(cands, func(o cand) bool { return o.s == w }) {
			return "", ""
		}
	}
	if pi := p.nameBeforeWord(t, best.s, best.e); pi != nil {
		return pi.name, pi.bestTitle()
	}
	name = string(rs[best.s:best.e])
	// 碧桂园强调, 报社称: a guessed name that ends like a body is none;
	// nor is a government body's short name the article knows from
	// 劳福局副局长徐英伟 (房署, 康文署, 劳福局: 190 hkcnews quotes).
	if _, known := p.byName[name]; (!known && strings.ContainsRune(guessBodyEnds, rs[best.e-1])) || t.bodyOrItsStart(best.s, best.e) {
		return "", ""
	}
	if best.s > start {
		title = personTitle(t, start, best.s)
	}
	if pi := p.byName[name]; pi != nil && pi.official && title == "" {
		title = pi.bestTitle()
	}
	return name, title
}

// maxBracketBeforeVerb is the longest bracket nameBeforeVerb looks past,
// and maxTimeAfterBracket the longest time or occasion it passes after
// one (周一, 在社交媒體: 葛來儀（Bonnie Glaser）在社交媒體表示).
const (
	maxBracketBeforeVerb = 40
	maxTimeAfterBracket  = 12
)

// bracketEndingAt is where the bracket that closes right before end opens
// ((Pablo Simón), （化名）), within maxBracketBeforeVerb runes and one
// sentence; -1 where none closes there.
func bracketEndingAt(rs []rune, end int) int {
	if end < 2 || (rs[end-1] != ')' && rs[end-1] != '）') {
		return -1
	}
	for i := end - 2; i >= 0 && end-i <= maxBracketBeforeVerb; i-- {
		switch {
		case rs[i] == '(' || rs[i] == '（':
			return i
		case strings.ContainsRune(sentenceEnds+")）", rs[i]):
			return -1
		}
	}
	return -1
}

// nameNote reports whether a bracket's text says how a name is written
// or what it is, not when or where: the name in Latin letters (Pablo
// Simón), or that it is made up (化名) or transcribed (音译). A date
// (4月14日) or a place in brackets is none.
func nameNote(text []rune) bool {
	s := string(text)
	return strings.IndexFunc(s, isLatinLetter) >= 0 || s == "化名" || s == "音译"
}

// citingVerbs pass on another's words (引述劉霞的話).
var citingVerbs = []string{"引述", "援引", "转述", "引用"}

// nameBeforeWord reads a guessed name at rs[s:e] that the article writes
// once as what jieba cut: a family name alone, or a person the article
// knows, and one word of its dictionary after it (陈/nr 出院/n 时大叫,
// 但陈/nr 选择/v 先离开, 林郑/x 开场/n 时表示). The person is the article's
// one person of that family name, or the one it knows; nil otherwise.
func (p *people) nameBeforeWord(t *tagged, s, e int) *personInfo {
	if t.byStart == nil || p.mentions(string(t.runes[s:e])) > 1 {
		return nil
	}
	// A guess the name rules noted as a speaker (noteSpeakingSubjects) is
	// still a guess; one with a post is a person.
	guess := string(t.runes[s:e])
	if pi := p.byName[guess]; pi != nil && (pi.official || len(pi.titles) > 0) {
		return nil
	}
	first, ok := t.byStart.get(s)
	if !ok || first.end >= e {
		return nil
	}
	word, ok := t.byStart.get(first.end)
	if !ok || word.end != e || e-first.end < 2 || isNameTag(word.tag) {
		return nil
	}
	// 周妈妈, 陈大校, 梁太太: a form of address for someone else.
	if w := string(t.runes[first.end:e]); slices.Contains(honorifics, w) || slices.Contains(spokespeople, w) || slices.Contains(personNouns, w) {
		return nil
	}
	if n := p.knownNameStartingAt(t.runes, s); n == first.end-s {
		if pi := p.byName[string(t.runes[s:first.end])]; pi != nil && (pi.official || pi.speaker) {
			return pi
		}
		return nil
	}
	if first.end-s != 1 || !surnames[t.runes[s]] {
		return nil
	}
	return p.onlyOfFamilyBut(t.runes[s], guess)
}

// personNounInside reports whether a word for a person (personnouns.txt:
// 教授, 大校) starts inside rs[s:e] after a name of two runes or more: a
// guessed name there took in a title (盛洪教授, 盛洪教). A family name
// and the word is how news addresses someone (李老師, 陳大校).
func personNounInside(rs []rune, s, e int) bool {
	for k := s + 2; k < e; k++ {
		for _, w := range personNouns {
			if runesHasPrefix(rs[k:], w) && k+utf8.RuneCountInString(w) >= e {
				return true
			}
		}
	}
	return false
}

// familyNameGluedBefore reports whether the rune before s is a family
// name that jieba glued to the rune before it in a word it does not know
// (港大校委紀文鳳: 委纪/x 文凤/x): a name guessed at s is likely the end of
// one that starts a rune earlier.
func (t *tagged) familyNameGluedBefore(s int) bool {
	if t.byEnd == nil || s < 2 || !surnames[t.runes[s-1]] || positionEndingAt(t.runes, s) > 0 {
		return false // 執董鄭志明: 执董 is a post
	}
	sp, ok := t.byEnd.get(s)
	return ok && sp.tag == "x" && sp.end-sp.start == 2 && isHan(t.runes[sp.start])
}

// pronounActsOn reports whether the clause from start opens, past its
// lead-in words, with 他 or 她 alone and a verb of two runes or more
// follows before s: the pronoun is the subject, and a name at s that
// verb's object. Verbs that take what was said (他強調金正恩在會談上表示)
// are not told apart: 他認為曾俊華…說 is as often the pronoun's words
// (testdata/samples/hkcnews-pronoun-acts.all.tsv).
func (t *tagged) pronounActsOn(start, s int) bool {
	rs := t.runes
	k := skipLeadIn(rs, start, s)
	if t.byStart == nil || k+1 >= s || !strings.ContainsRune("他她", rs[k]) || strings.ContainsRune("们的", rs[k+1]) {
		return false
	}
	for i := k + 1; i < s; {
		sp, ok := t.byStart.get(i)
		if !ok || sp.end > s {
			return false
		}
		// 他接着評論/n 習近平…說: a listed verb, whatever jieba tags it.
		if (sp.tag == "v" || titleBreakingVerbs[string(rs[sp.start:sp.end])]) && sp.end-sp.start >= 2 {
			return true
		}
		i = sp.end
	}
	return false
}

// titleMarksInOccasion reports whether a paper's or a work's name in 《》
// or 〈〉 between a name ending at e and its verb is what the name's
// occasion speaks to or through (接受《蘋果日報》訪問時指, 向《眾新聞》
// 指出, 回覆《眾新聞》查詢時表示), not what the verb's subject is
// (查良鏞的《明報》社評指, 荀子《天論》篇指), or there is none.
func titleMarksInOccasion(rs []rune, e, verbStart int) bool {
	span := string(rs[e:verbStart])
	i := strings.IndexAny(span, "《〈")
	if i < 0 {
		return true
	}
	for _, w := range titleOccasionWords {
		if strings.HasSuffix(span[:i], w) {
			return true
		}
	}
	return false
}

// titleOccasionWords stand before a paper's name in an occasion of saying.
var titleOccasionWords = []string{"向", "对", "跟", "接受", "回覆", "回复", "在", "于", "透过", "通过", "经"}

// insideTitleMarks reports whether rune i of rs, read from start, stands
// inside 《》 or 〈〉.
func insideTitleMarks(rs []rune, start, i int) bool {
	open := 0
	for k := start; k < i; k++ {
		switch rs[k] {
		case '《', '〈':
			open++
		case '》', '〉':
			open = max(0, open-1)
		}
	}
	return open > 0
}

// listenerAt reports whether a name at rs[s] is the object of a
// preposition that puts it on the listening side of the verb after it:
// jieba's 向, 对, 跟 or 给 (tagged p) between start and s, with no verb
// between them. Without a subject before the preposition, a 的 closes a
// modifier whose head the name is (曾投票給姚松炎、26歲的黃先生認為): the
// name is the subject again, where after one (他對台下的妻子米歇爾說) it
// is still the listener.
func (t *tagged) listenerAt(start, s int) bool {
	if t.byStart == nil {
		return false
	}
	listener, subject, subjectFirst := false, false, false
	for i := start; i < s; i++ {
		sp, ok := t.byStart.get(i)
		if !ok {
			continue
		}
		switch w := string(t.runes[i:sp.end]); {
		case sp.tag == "p" && len(w) == 3 && strings.Contains("向对跟给", w):
			listener, subjectFirst = true, subject
		case sp.tag == "v" || sp.tag == "vd":
			listener = false
		case w == "的" && !subjectFirst:
			listener = false
		case sp.tag == "r" || isPersonTag(sp.tag):
			subject = true
		}
	}
	return listener
}

// unknownSpeakerAt reports whether a word jieba does not know, cut
// right before a speech verb (奥斯尔/x 说, 纳吉/x 表示), may be a speaker:
// not the object of a verb, preposition or conjunction before it (空袭/v
// 拉法/x 表示), and not a family name and one rune more (卢曾/x 指, a
// family name and an adverb).
func (t *tagged) unknownSpeakerAt(s, end int) bool {
	if end-s == 2 && surnames[t.runes[s]] {
		return false
	}
	if t.byEnd == nil {
		return true
	}
	prev, ok := t.byEnd.get(s)
	return !ok || !tagIn(prev.tag, "vpcd")
}

// repeatedNameEndingAt is a name of three runes that opens the clause
// right before its speech verb (past a few adverbs) where jieba read a
// family name alone and then a word of its dictionary (谭/zg 文豪/n 表示,
// 方/n 星海/ns 表示), and that the article writes at least three times:
// no word a family name starts comes before a speech verb so often. Not
// a post, a body, a person noun or a not-name (马/n 政府/n 表示).
func (p *people) repeatedNameEndingAt(t *tagged, start, verbStart int) string {
	rs := t.runes
	e := beforeSayingAdverbs(rs, start, verbStart)
	s := e - 3
	if s < start || t.byStart == nil || !surnames[rs[s]] || (s > 0 && isHan(rs[s-1]) && s != start) {
		return ""
	}
	first, ok := t.byStart.get(s)
	if !ok || tagIn(first.tag, "pcudr") {
		return ""
	}
	switch first.end {
	case s + 1: // 谭/zg 文豪/n 表示
		if word, ok := t.byStart.get(s + 1); !ok || word.end != e || !tagIn(word.tag, "nv") {
			return ""
		}
	case s + 2: // 黄家/n 正说/v: the name's last rune glued to the verb
		if last, ok := t.byStart.get(s + 2); !ok || last.end <= e || !tagIn(first.tag, "n") {
			return ""
		}
	default:
		return ""
	}
	w := string(rs[s+1 : e])
	name := string(rs[s:e])
	// 毕/nr 回答/v 说: a family name alone and a speech verb.
	if notNames[name] || notNames[string(rs[s:s+2])] || positionEndingAt(rs, e) > 0 || strings.ContainsRune(guessBodyEnds, rs[e-1]) || bodyName(rs[s:e]) || slices.Contains(personNouns, w) || speechVerbEndingAt(rs, e) >= 2 || reportVerbEndingAt(rs, e) >= 2 || p.mentions(name) < 3 {
		return ""
	}
	return name
}

// guessBodyEnds end the names of bodies and places that a guessed name
// before a speech verb may be (碧桂园强调, 报社称, 马政府表示).
const guessBodyEnds = "园司团学行院局会部厅委府所社报台馆网厂店"

// latinNotNames (latinnotnames.txt) are no person's name before a speech
// verb, and latinTitles (latintitles.txt) are forms of address, dropped
// before a name and no name alone; both folded to lower case.
var latinNotNames, latinTitles = lowerSet("latinnotnames.txt"), lowerSet("latintitles.txt")

// lowerSet is the words of the data file name, folded to lower case.
func lowerSet(name string) map[string]bool {
	m := map[string]bool{}
	for _, w := range mustList(name) {
		m[strings.ToLower(w)] = true
	}
	return m
}

// origRunes are the runes of the paragraph as written, or nil where they
// do not line up with the folded ones.
func (t *tagged) origRunes() []rune {
	if t.orig == nil && t.src != "" {
		t.orig = []rune(t.src)
	}
	if len(t.orig) != len(t.runes) {
		return nil
	}
	return t.orig
}

// latinNameEndingAt returns the span of a person's name written in Latin
// letters that ends right before the speech verb at verbStart, after
// start, past a few runes of time and adverb (Vivek說, Aleck又說, Jonathan
// Sullivan表示): up to three words, each opening with a capital and
// holding a small letter (no acronym), none of them a platform or a form
// of address (latinnotnames.txt, latintitles.txt), with no letter or
// digit before; or ok false. Hong Kong news writes its interviewees'
// English names so.
func (t *tagged) latinNameEndingAt(start, verbStart int) (s, e int, ok bool) {
	o := t.origRunes()
	if o == nil {
		return 0, 0, false
	}
	e = beforeSayingAdverbs(t.runes, start, verbStart)
	for e > start && o[e-1] == ' ' {
		e--
	}
	s = e
	var words []string
	var starts []int
	for len(words) < 3 {
		k := s
		for k > start && (isLatinLetter(o[k-1]) || o[k-1] == '-' || o[k-1] == '.') {
			k--
		}
		w := string(o[k:s])
		if k == s || !unicode.IsUpper(o[k]) || !strings.ContainsFunc(w, unicode.IsLower) || acronymStart(o[k:s]) {
			break
		}
		words = append([]string{w}, words...)
		starts = append([]int{k}, starts...)
		s = k
		if s-1 > start && o[s-1] == ' ' && isLatinLetter(o[s-2]) {
			s--
			continue
		}
		break
	}
	if len(words) == 0 || (s > 0 && (isLatinLetter(o[s-1]) || unicode.IsDigit(o[s-1]))) {
		return 0, 0, false
	}
	// 對Airbnb提出: the name after a preposition is the listener, as in
	// nameBeforeVerb.
	if s > start && strings.ContainsRune("向对跟给", t.runes[s-1]) {
		return 0, 0, false
	}
	for len(words) > 1 && latinTitles[strings.ToLower(strings.TrimSuffix(words[0], "."))] {
		words, starts = words[1:], starts[1:]
	}
	for _, w := range words {
		if w := strings.ToLower(strings.TrimSuffix(w, ".")); latinNotNames[w] || latinTitles[w] {
			return 0, 0, false
		}
	}
	s = starts[0]
	if s > start && o[s-1] == '阿' {
		s-- // 阿Wen平靜地說: the nickname is the name
	}
	return s, e, true
}

// lastClauseOpener is the person of the article (an official, a speaker
// or someone with a title) who opens the last clause of t.runes[from:end]
// that opens with one, past its lead-in; or "".
func (p *people) lastClauseOpener(t *tagged, from, end int) string {
	rs := t.runes
	for c := end - 1; c > from; c-- {
		if !strings.ContainsRune(clauseBreaks, rs[c-1]) {
			continue
		}
		k := skipLeadIn(rs, c, end)
		if n := p.knownNameStartingAt(rs, k); n > 0 {
			if info := p.byName[string(rs[k:k+n])]; info != nil && (info.official || info.speaker || len(info.titles) > 0) {
				return string(rs[k : k+n])
			}
		}
	}
	return ""
}

// latinNameAfterTitle reports whether the Latin name that rs[i:] is or
// goes on with follows a post or a person noun (御用大律師David Perry作陳詞,
// 教授Calla Wiemer說), which makes it the sentence's subject however far
// in it stands: the article may know the person by the family name alone
// (Perry說), after the given name.
func latinNameAfterTitle(rs []rune, start, i int) bool {
	if i >= len(rs) || !isLatinLetter(rs[i]) {
		return false
	}
	s := latinNameStart(rs, start, i)
	if positionEndingAt(rs, s) > 0 {
		return true
	}
	desc := string(rs[start:s])
	return slices.ContainsFunc(personNouns, func(w string) bool { return strings.HasSuffix(desc, w) }) ||
		slices.ContainsFunc(spokespeople, func(w string) bool { return strings.HasSuffix(desc, w) })
}

// latinNameStart is where the Latin name that rs[i:] goes on with
// starts: i past the capitalised words and spaces before it, no further
// back than start ("David Perry" for the "Perry" of it), or i itself.
func latinNameStart(rs []rune, start, i int) int {
	if i >= len(rs) || !isLatinLetter(rs[i]) {
		return i
	}
	s := i
	for s-1 > start && rs[s-1] == ' ' && isLatinLetter(rs[s-2]) {
		k := s - 1
		for k > start && isLatinLetter(rs[k-1]) {
			k--
		}
		s = k
	}
	return s
}

// acronymStart reports whether a word opens with two capitals before a
// small letter (PILnet, HKgolden): a body's name built on an acronym, not
// a person's (McQuillan, TuTu).
func acronymStart(w []rune) bool {
	return len(w) > 2 && unicode.IsUpper(w[0]) && unicode.IsUpper(w[1])
}

// noteLatinName makes the Latin name at t.runes[s:e] a person of the
// article who speaks. Folding writes it in small letters, as every rule
// that looks a person up reads it; asWritten keeps the capitals for the
// speakers the article's quotes name (speakersAsWritten).
func (p *people) noteLatinName(t *tagged, s, e int) string {
	name := string(t.runes[s:e])
	p.note(name, "", false).speaker = true
	if o := t.origRunes(); o != nil {
		if p.asWritten == nil {
			p.asWritten = map[string]string{}
		}
		p.asWritten[name] = string(o[s:e])
	}
	return name
}

// noteLatinSpeakers notes every Latin name written before a speech or
// report verb (Nick 解釋, Mimi說) before quotations are attributed, so
// that the rules that look for a person the article knows find it
// anywhere: Mimi記得：「…」, Nick並不認同，「…」, and 她說 after it.
func (p *people) noteLatinSpeakers(tags []*tagged) {
	for _, t := range tags {
		rs := t.runes
		if t.origRunes() == nil || !slices.ContainsFunc(rs, isLatinLetter) {
			continue
		}
		for v := 1; v <= len(rs); v++ {
			n := max(speechVerbEndingAt(rs, v), reportVerbEndingAt(rs, v))
			if n == 0 {
				continue
			}
			if s, e, ok := t.latinNameEndingAt(clauseStart(rs, v-n), v-n); ok {
				p.noteLatinName(t, s, e)
			}
		}
	}
}

// speakersAsWritten gives the Latin names among the quotes' speakers their
// capitals back (nick → Nick).
func (p *people) speakersAsWritten(quotes []fangtan.Quote) {
	for i := range quotes {
		if w, ok := p.asWritten[quotes[i].Speaker]; ok {
			quotes[i].Speaker = w
		}
	}
}

// bodyNameWords make a name right before them a body's (bodynames.txt).
var bodyNameWords = mustList("bodynames.txt")

// bodySpeakers takes the speaker from quotes whose speaker the folded
// article names only as the start of a body's name: 圣约翰 of 圣约翰学院,
// 玛丽 of 玛丽医院, 巴赞 of 巴赞集团, or that is a government body's short
// name (劳福局, 康文署: bodyName). The body spoke, and bodies are no
// speakers.
func bodySpeakers(quotes []fangtan.Quote, folded string) {
	bodies := map[string]bool{}
	for i := range quotes {
		q := &quotes[i]
		if q.Speaker == "" {
			continue
		}
		body, seen := bodies[q.Speaker]
		if !seen {
			body = bodyName([]rune(q.Speaker)) || onlyBodyName(folded, q.Speaker)
			bodies[q.Speaker] = body
		}
		if body {
			q.Speaker, q.SpeakerTitle = "", ""
		}
	}
}

// onlyBodyName reports whether text names name at least once and each
// time as the start of a body's name (bodyNameWords).
func onlyBodyName(text, name string) bool {
	found := false
	for from := 0; ; {
		i := strings.Index(text[from:], name)
		if i < 0 {
			return found
		}
		from += i + len(name)
		if !slices.ContainsFunc(bodyNameWords, func(w string) bool { return strings.HasPrefix(text[from:], w) }) {
			return false
		}
		found = true
	}
}

// fullLatinNames gives a speaker named by one Latin word the full name
// the article writes it in, where it writes one and only one: a family
// name alone (Rogers形容, Carss-Frisk稱) is the article's one person of that
// name (Benedict Rogers, Monica Carss-Frisk), and so is a given name alone
// (Raphael解釋) where the article writes it once with a family name after
// it (Raphael Cohen).
func fullLatinNames(quotes []fangtan.Quote, paras []string) {
	full := map[string]string{} // one word → its full name, "" when none or two
	for i := range quotes {
		w := quotes[i].Speaker
		if _, done := full[w]; done || w == "" || strings.Contains(w, " ") || !latinNameWord(w) {
			continue
		}
		found, two := "", false
		for _, p := range paras {
			for at := 0; ; {
				k := strings.Index(p[at:], w)
				if k < 0 {
					break
				}
				k += at
				at = k + len(w)
				if (at < len(p) && (isLatinLetter(rune(p[at])) || p[at] == '-')) || (k > 0 && (isLatinLetter(rune(p[k-1])) || p[k-1] == '-')) {
					continue // Rogerson, Payne-James
				}
				name := ""
				if before := latinWordsBefore(p[:k]); before != "" {
					name = before + w
				} else if after := latinWordAfter(p[at:]); after != "" {
					name = w + after
				}
				if name != "" {
					two = two || (found != "" && found != name)
					found = name
				}
			}
		}
		if two {
			found = ""
		}
		full[w] = found
	}
	for i := range quotes {
		if f := full[quotes[i].Speaker]; f != "" {
			quotes[i].Speaker = f
		}
	}
}

// latinWordsBefore returns the one or two capitalised Latin words, each
// followed by a space, that end s (the "Benedict " of "…副主席Benedict "),
// or "" when there are none, a letter or digit runs into them, or they are
// a form of address or no name (latintitles.txt, latinnotnames.txt). The
// words are ASCII, so s is read back byte by byte, not converted.
func latinWordsBefore(s string) string {
	e := len(s)
	for words := 0; words < 2 && e > 1 && s[e-1] == ' ' && isLatinLetter(rune(s[e-2])); words++ {
		k := e - 1
		for k > 0 && isLatinLetter(rune(s[k-1])) {
			k--
		}
		if w := strings.ToLower(s[k : e-1]); !unicode.IsUpper(rune(s[k])) || latinTitles[w] || latinNotNames[w] {
			break // Mr Rogers, Facebook Rogers: no given name
		}
		e = k
	}
	if e == len(s) {
		return ""
	}
	if r, _ := utf8.DecodeLastRuneInString(s[:e]); e > 0 && (isLatinLetter(r) || unicode.IsDigit(r)) {
		return ""
	}
	return s[e:]
}

// chineseNamesOfLatin gives a speaker named by a Latin word alone the
// Chinese name the article writes beside it in brackets, either way round
// (黃定邦（Michael）, Rachel（湯頌儀）), where it writes one and only one:
// Hong Kong features give the person's name once and then use the English
// one. A pseudonym in brackets (Ada（化名）) is no name; the Chinese name
// is the last three runes before the brackets, or two, that start with a
// family name (的鄺文傑（Aleck）, 同學王珏（Jade）).
func (p *people) chineseNamesOfLatin(quotes []fangtan.Quote) {
	text := p.textRunes() // folded: Latin is lower case, brackets half-width
	name := map[string]string{}
	for i := range quotes {
		w := quotes[i].Speaker
		if _, done := name[w]; done || w == "" || strings.Contains(w, " ") || !latinNameWord(w) {
			continue
		}
		lw := []rune(strings.ToLower(w))
		found, two := "", false
		note := func(n string) {
			two = two || (found != "" && found != n)
			found = n
		}
		for k := 0; k+len(lw) <= len(text); k++ {
			if !equalRunes(text[k:k+len(lw)], lw) {
				continue
			}
			end := k + len(lw)
			if k > 0 && isLatinLetter(text[k-1]) || end < len(text) && isLatinLetter(text[end]) {
				continue
			}
			// 黃定邦（Michael）
			if k >= 3 && text[k-1] == '(' && end < len(text) && text[end] == ')' {
				if n := chineseNameEndingAt(text, k-1); n != "" {
					note(n)
				}
			}
			// Rachel（湯頌儀）
			if end+3 < len(text) && text[end] == '(' {
				c := end + 1
				for c < len(text) && c-end <= 5 && isHan(text[c]) {
					c++
				}
				if c < len(text) && text[c] == ')' && c-end-1 >= 2 && c-end-1 <= 4 && surnames[text[end+1]] {
					note(string(text[end+1 : c]))
				}
			}
		}
		if two {
			found = ""
		}
		name[w] = found
	}
	for i := range quotes {
		if n := name[quotes[i].Speaker]; n != "" {
			quotes[i].Speaker, quotes[i].SpeakerTitle = n, p.officialPost(n)
		}
	}
}

// chineseNameEndingAt returns the name of three runes, or two, that ends
// text right before end and starts with a family name, or "". Two where a
// post ends right before them (主席王珏: 席 is a family name too).
func chineseNameEndingAt(text []rune, end int) string {
	lengths := []int{3, 2}
	if end >= 2 && positionEndingAt(text, end-2) > 0 {
		lengths = []int{2}
	}
	for _, n := range lengths {
		if end-n >= 0 && allHanRunes(text[end-n:end]) && surnames[text[end-n]] {
			return string(text[end-n : end])
		}
	}
	return ""
}

// latinWordAfter returns the one capitalised Latin word, after one space,
// that opens s (the " Cohen" of "Raphael Cohen表示"), or "" when there is
// none, a digit or another Latin word runs on after it, or it is a form
// of address or no name (Eddie Sir, Julia Hong Kong).
func latinWordAfter(s string) string {
	if len(s) < 3 || s[0] != ' ' || !unicode.IsUpper(rune(s[1])) || !isLatinLetter(rune(s[1])) {
		return ""
	}
	e := 2
	for e < len(s) && (isLatinLetter(rune(s[e])) || (s[e] == '-' && e+1 < len(s) && isLatinLetter(rune(s[e+1])))) {
		e++
	}
	if w := strings.ToLower(s[1:e]); latinTitles[w] || latinNotNames[w] {
		return ""
	}
	if e < len(s) {
		if r, _ := utf8.DecodeRuneInString(s[e:]); unicode.IsDigit(r) || r == '.' || (unicode.IsLetter(r) && !isHan(r)) || (r == ' ' && e+1 < len(s) && isLatinLetter(rune(s[e+1]))) {
			return "" // Julia Bergès, Joseph Samucha Levy, Anne B. Smith: a letter ASCII lacks, or more than one word after
		}
	}
	return s[:e]
}

// latinNameWord reports whether w is one Latin name word: letters, or
// letters joined by hyphens (Carss-Frisk).
func latinNameWord(w string) bool {
	parts := strings.Split(w, "-")
	for _, p := range parts {
		if !allLatin([]rune(p)) {
			return false
		}
	}
	return len(parts) <= 3
}

// nicknameEndingAt returns a nickname that ends right before the speech
// verb at verbStart, after start, past a few runes of time and adverb:
// 阿 and a rune or a Latin word (阿甄說, 阿Wen表示), or a rune and a word
// of kinship (強哥說, 黃伯表示), as Hong Kong features name the people they
// follow. The clause must open with it, so that no longer name runs into
// it; kinship words alone (伯伯, 大叔) are nobody in particular.
func (t *tagged) nicknameEndingAt(start, verbStart int) string {
	o := t.origRunes()
	if o == nil {
		return ""
	}
	rs := t.runes
	e := beforeSayingAdverbs(rs, start, verbStart)
	s := skipLeadIn(rs, start, e)
	switch {
	case e-s == 2 && rs[s] == '阿' && isHan(rs[s+1]) && !strings.ContainsRune(nicknameKin+nicknameNotBodies, rs[s+1]):
	case e-s >= 2 && rs[s] == '阿' && allLatin(o[s+1:e]) && unicode.IsUpper(o[s+1]):
		// The Latin word as written (阿Wen); folding lower-cases it.
		return string(rs[s]) + string(o[s+1:e])
	case e-s == 2 && isHan(rs[s]) && strings.ContainsRune(nicknameKin, rs[s+1]) && !strings.ContainsRune(nicknameKin+"大老小阿", rs[s]):
	default:
		return ""
	}
	// Folded, as every name the facets list (阿轩 of 阿軒說, 强哥).
	return string(rs[s:e])
}

// beforeSayingAdverbs is where a speaker's name may end before the verb
// at verbStart: past up to two runes of time and adverb (又說, 當天表示),
// no further back than start.
func beforeSayingAdverbs(rs []rune, start, verbStart int) int {
	e := verbStart
	for e > start && verbStart-e < 3 && strings.ContainsRune(sayingAdverbs, rs[e-1]) {
		e--
	}
	return e
}

// nicknameNotBodies end the short names of countries and bodies that
// open with 阿 (阿方 for Argentina's side, 阿盟 the Arab League), which
// are no nicknames.
const nicknameNotBodies = "方盟联军国政党"

// nicknameKin are the words of kinship that make a nickname after a rune
// (強哥, 黃伯, 陳姐).
const nicknameKin = "哥伯婆姐叔嬸姨"

// allLatin reports whether rs is all Latin letters.
func allLatin(rs []rune) bool {
	for _, r := range rs {
		if !isLatinLetter(r) {
			return false
		}
	}
	return len(rs) > 0
}

// isLatinLetter reports whether r is a letter of the basic Latin alphabet.
func isLatinLetter(r rune) bool {
	return (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z')
}

// familyNameSpeaker resolves a clause that is a family name alone before
// the verb (梁续透露，; 陈指，), as Hong Kong news writes a person after the
// first mention, to the one person of the article with that family name
// who holds a post or speaks elsewhere; two such people make it nobody.
func (p *people) familyNameSpeaker(rs []rune, start, verbStart int) (name, title string) {
	k := verbStart
	for k > start && verbStart-k < 3 && strings.ContainsRune(sayingAdverbs+"续", rs[k-1]) {
		k--
	}
	// 張在對話中回答: an occasion may stand between, as after a whole name,
	// unless the family name reads as an adverb or a preposition there
	// (曾在政綱中提及: once).
	occasion := start+1 < k && occasionAt(rs, start+1) && k-start <= maxOccasionRunes && !strings.ContainsRune(adverbFamilyNames+prepositionFamilyNames, rs[start])
	if !surnames[rs[start]] || (k-1 != start && !occasion) {
		return "", ""
	}
	found := p.onlyOfFamily(rs[start])
	if found == nil {
		return "", ""
	}
	if found.official {
		title = found.bestTitle()
	}
	return found.name, title
}

// onlyOfFamily is the article's one person of family name r who holds a
// post, public or not (大律师公会副主席蔡维邦), or speaks, or nil when
// there is none or none stands out. Of two or more, it is the one the article writes far
// more often than all the others together (mainOfFamily): news writes the
// family name alone for the person it is about (陳日君 thirty times, 陳供稱
// beside 法官陳仲衡 once).
func (p *people) onlyOfFamily(r rune) *personInfo { return p.onlyOfFamilyBut(r, "") }

// onlyOfFamilyBut is onlyOfFamily leaving out the person named but.
func (p *people) onlyOfFamilyBut(r rune, but string) *personInfo {
	var found []*personInfo
	for n, pi := range p.byName {
		if n == but || !(pi.official || pi.speaker || len(pi.titles) > 0) || utf8.RuneCountInString(n) < 2 || !strings.HasPrefix(n, string(r)) || hasCompoundSurname([]rune(n)) || bodyName([]rune(n)) || familyNameRunOn(n) {
			continue
		}
		found = append(found, pi)
	}
	switch len(found) {
	case 0:
		return nil
	case 1:
		return found[0]
	}
	return p.mainOfFamily(found)
}

// mainOfFamily is the person of people whom the article names at least
// mainMentionRatio times as often as the others together, or nil.
func (p *people) mainOfFamily(people []*personInfo) *personInfo {
	var main *personInfo
	most, rest := 0, 0
	for _, pi := range people {
		n := p.mentions(pi.name)
		if n > most {
			if main != nil {
				rest += most
			}
			main, most = pi, n
		} else {
			rest += n
		}
	}
	if most == 0 || most < mainMentionRatio*rest {
		return nil
	}
	return main
}

// mainMentionRatio is how many times as often as the others of the family
// the article must name a person whose family name it writes alone.
const mainMentionRatio = 4

// officialPost is the post the article gives name where they are one of
// its officials, or "": the title a quotation of theirs carries.
func (p *people) officialPost(name string) string {
	if pi := p.byName[name]; pi != nil && pi.official {
		return pi.bestTitle()
	}
	return ""
}

// quotesInReported gives a quotation to the speaker of the reported
// statement it stands inside (吳衛東指出，露宿者…有冤無路訴，「露宿者入去瞓…」):
// the sentence goes on with their words. That is where it has no speaker
// of its own, or one named only after it (陳志全質疑，…，「…」教育局局長楊潤雄
// 表示, which the clause after the quotation gave to 楊潤雄). Not where the
// clause right before the quotation says it was asked, heard or passed on
// (問他「…」: colonnotspeech.txt), and not where two people's statements
// hold it.
func quotesInReported(quotes []fangtan.Quote, paras []string) {
	for i := range quotes {
		q := &quotes[i]
		if q.Kind != fangtan.QuoteDirect || q.Paragraph >= len(paras) {
			continue
		}
		para := paras[q.Paragraph]
		at := strings.Index(para, q.Text)
		if at <= 0 {
			continue
		}
		var speaker, title string
		for _, r := range quotes {
			if r.Kind != fangtan.QuoteReported || r.Paragraph != q.Paragraph || r.Speaker == "" {
				continue
			}
			if from := strings.Index(para, r.Text); from >= 0 && from < at && at < from+len(r.Text) {
				if speaker != "" && speaker != r.Speaker {
					speaker = ""
					break
				}
				speaker, title = r.Speaker, r.SpeakerTitle
			}
		}
		if speaker == "" || speaker == q.Speaker {
			continue
		}
		rs := []rune(analyzer.Fold(para)) // rune for rune
		start := utf8.RuneCountInString(para[:at])
		if q.Speaker != "" && strings.Contains(string(rs[:start]), analyzer.Fold(q.Speaker)) {
			continue // named before the quotation: its own speaker
		}
		if q.SpeakerTitle != "" && strings.Contains(string(rs[clauseStart(rs, start):start]), analyzer.Fold(q.SpeakerTitle)) {
			continue // 陳指，…，法官稱「…」: its clause names its own speaker by the post
		}
		if wordsNotSpoken(rs[clauseStart(rs, start):start]) || unnamedSpeaksBefore(rs, start) {
			continue
		}
		q.Speaker, q.SpeakerTitle = speaker, title
	}
}

// unnamedSpeaksBefore reports whether the clause before the quotation
// that starts at rune start (past its opening mark) is a person's the
// article does not name, who speaks it: the clause opens, past a lead-in
// and 有, with a word of unnamedSubjects and ends in a
// speech or reporting verb (陳偉彥指，…，法官回應：「…」, 當時有警員說：).
func unnamedSpeaksBefore(rs []rune, start int) bool {
	j := start - 1
	for j > 0 && strings.ContainsRune(":：,， ", rs[j-1]) {
		j--
	}
	v := max(speechVerbEndingAt(rs, j), reportVerbEndingAt(rs, j))
	if v == 0 {
		return false
	}
	k := skipLeadIn(rs, clauseStart(rs, j), j)
	if k < j && rs[k] == '有' {
		k++
	}
	for _, w := range unnamedSubjects {
		// 代表美國…作出回應: the noun must be the verb's subject, with
		// at most adverbs between.
		if n := utf8.RuneCountInString(w); runesHasPrefix(rs[k:j], w) && k+n <= j-v && onlySayingAdverbs(rs[k+n:j-v]) {
			return true
		}
	}
	return false
}

// trimEmphasis takes Markdown's emphasis marks off the ends of quotes.
// Records scraped from Markdown set whole paragraphs bold (hkcnews:
// **陳健民承認普選之路遙遠：「……」**, in a fifth of its articles), and the
// closing ** stayed on 302 quotes. The marks stay in the paragraphs, where
// they set interview questions apart from answers, and inside a quote, so
// that its text is still its paragraph's.
func trimEmphasis(quotes []fangtan.Quote) []fangtan.Quote {
	kept := quotes[:0]
	for _, q := range quotes {
		q.Text = trimEmphasisMarks(q.Text)
		if q.Text != "" {
			kept = append(kept, q)
		}
	}
	return kept
}

// trimEmphasisMarks is text without the emphasis marks and spaces at its
// ends (trimEmphasis).
func trimEmphasisMarks(text string) string {
	return strings.TrimFunc(text, func(r rune) bool { return r == '*' || unicode.IsSpace(r) })
}

// foldMarkedTurns keeps one quote of a speaker's turn that is one
// quotation, where the turn quoted it whole, marks and all, and the
// quotation inside was quoted again with no speaker (曾俊華：（2014年2月26日）
// 「…」: 117 hkcnews quotes twice): the inner quotation takes the turn's
// speaker and the turn's quote goes. A turn that says more than a note
// besides keeps both.
func foldMarkedTurns(quotes []fangtan.Quote) []fangtan.Quote {
	drop := map[int]bool{}
	for i := range quotes {
		in := &quotes[i]
		if in.Kind != fangtan.QuoteDirect || in.Speaker != "" {
			continue
		}
		for j, out := range quotes {
			if j == i || drop[j] || out.Kind != fangtan.QuoteDirect || out.Speaker == "" || out.Paragraph != in.Paragraph ||
				len(out.Text) <= len(in.Text) || !strings.Contains(out.Text, in.Text) {
				continue
			}
			if rest := strings.Replace(out.Text, in.Text, "", 1); hanCount([]rune(strings.Map(dropNoteRunes, rest))) > 0 {
				continue
			}
			in.Speaker, in.SpeakerTitle, in.SpeakerTitleInferred = out.Speaker, out.SpeakerTitle, out.SpeakerTitleInferred
			drop[j] = true
			break
		}
	}
	if len(drop) == 0 {
		return quotes
	}
	kept := quotes[:0]
	for i, q := range quotes {
		if !drop[i] {
			kept = append(kept, q)
		}
	}
	return kept
}

// dropNoteRunes keeps what a note beside a quotation says beyond its
// marks and date: 年, 月 and 日 go with the digits.
func dropNoteRunes(r rune) rune {
	if strings.ContainsRune("年月日", r) {
		return -1
	}
	return r
}

// continuedQuotes gives a quotation that opens its paragraph with no
// speaker of its own to the one person who speaks in the paragraph before,
// as news runs a speaker's words on over paragraphs (袁梅芳感慨：「…」 then
// 「这一切就像上天的安排…」). quotes are in paragraph order; a paragraph
// before where two people speak, or nobody, leaves the quotation alone.
func continuedQuotes(quotes []fangtan.Quote, paras []string) {
	speakerOf := map[int]fangtan.Quote{}
	mixed := map[int]bool{}
	for _, q := range quotes {
		if q.Speaker == "" {
			continue
		}
		if prev, ok := speakerOf[q.Paragraph]; ok && prev.Speaker != q.Speaker {
			mixed[q.Paragraph] = true
		}
		speakerOf[q.Paragraph] = q
	}
	for i := range quotes {
		q := &quotes[i]
		if q.Kind != fangtan.QuoteDirect || q.Speaker != "" || q.Paragraph == 0 || q.Paragraph >= len(paras) || mixed[q.Paragraph-1] {
			continue
		}
		prev, ok := speakerOf[q.Paragraph-1]
		if !ok || !opensParagraph(paras[q.Paragraph], q.Text) || reportersQuestion(q.Text) {
			continue
		}
		q.Speaker, q.SpeakerTitle = prev.Speaker, prev.SpeakerTitle
	}
}

// runOnSpeakers gives a quotation run on from the paragraph before, with
// no mark of its own (opened once, closed at its last paragraph), the
// speaker of the quotation it goes on with, whoever else speaks there,
// and so on down the run. quotes are in paragraph order. Each rule that
// gives a quotation paragraph its speaker (continuedQuotes,
// sectionSpeakers, intervieweeQuotes) is followed by it.
func runOnSpeakers(quotes []fangtan.Quote, paras []string) {
	last := map[int]int{} // the index of each paragraph's last direct quotation
	for i := range quotes {
		q := &quotes[i]
		if q.Kind != fangtan.QuoteDirect {
			continue
		}
		if j, ok := last[q.Paragraph-1]; ok && q.Speaker == "" && q.Paragraph < len(paras) && quotes[j].Speaker != "" &&
			continuesQuotation(paras[q.Paragraph], q.Text) && endsUnclosed(paras[q.Paragraph-1], quotes[j].Text) {
			q.Speaker, q.SpeakerTitle = quotes[j].Speaker, quotes[j].SpeakerTitle
		}
		last[q.Paragraph] = i
	}
}

// Who speaks an article's standalone quotations: the one person quoted
// at least minIntervieweeQuotes times, and at least minIntervieweeShare of
// all the quotations given a speaker. Features built on one interview run
// the interviewee's words as paragraphs of their own, with narration
// between (練乙錚 10 quotations, 林郑月娥 1); a reader found 34 of 40
// sampled right. With fewer quotations the person is one voice among
// several and the quotation may be anyone's (吳亮星, quoted once in an
// article of 梁穎禮's words).
const (
	minIntervieweeQuotes = 3
	minIntervieweeShare  = 0.6
)

// intervieweeQuotes gives each direct quotation that opens its paragraph
// with no speaker to the article's interviewee, when it has one: the
// person who says most of what it quotes, unless the last person quoted
// before it is another that the article quotes twice or more: a feature
// that gives two people their say in turn (林鄭月娥, then 嚴迅奇) is not
// one interview, though a passing voice (一名街坊) leaves one alone. A
// reporter's question is left alone (reportersQuestion), and so is a
// quotation after a lead-in that introduces another voice (嚴迅奇…首次
// 回應： in an article of 林鄭月娥's words), whose speaker quotes found or
// could not find.
// A quotation inside a paragraph is the interviewee's too where only
// narration of them comes before it (narratedBefore).
// Speakers must already be canonical (林郑 and 林郑月娥 are one person).
func (p *people) intervieweeQuotes(quotes []fangtan.Quote, paras []string, tags []*tagged) {
	count := map[string]int{}
	attributed := 0
	for _, q := range quotes {
		if q.Kind == fangtan.QuoteDirect && q.Speaker != "" {
			count[q.Speaker]++
			attributed++
		}
	}
	var who string
	for name, n := range count {
		if n >= minIntervieweeQuotes && float64(n) >= minIntervieweeShare*float64(attributed) {
			who = name
		}
	}
	if who == "" {
		who = p.headlinedInterviewee(count)
	}
	if who == "" {
		return
	}
	title := longestTitle(quotes, who)
	last, inParagraph, para := "", "", -1
	for i := range quotes {
		q := &quotes[i]
		if q.Paragraph != para {
			if inParagraph != "" {
				last = inParagraph
			}
			inParagraph, para = "", q.Paragraph
		}
		if q.Kind == fangtan.QuoteDirect && q.Speaker == "" && q.Paragraph < len(paras) && (last == who || count[last] < 2) &&
			(opensParagraph(paras[q.Paragraph], q.Text) || (q.Paragraph < len(tags) && (p.narratedBefore(tags[q.Paragraph], q.Text, who) || p.pronounNarrated(tags, q.Paragraph, q.Text, who)))) &&
			!reportersQuestion(q.Text) && leadInParagraph(paras, q.Paragraph) < 0 {
			q.Speaker, q.SpeakerTitle = who, title
		}
		if q.Speaker != "" {
			inParagraph = q.Speaker
		}
	}
}

// sectionSpeakers gives each direct quotation that opens its paragraph
// with no speaker to the person whose name heads its section: features
// that put the same questions to several people run each one's answers
// under a heading of their name and post (**社民連副主席黃浩銘**, then
// **1. 傘運4年後的審訊…？** and 「…」 paragraphs), and no sentence of the
// article says who speaks them. A section runs to the next heading that
// names a person; headings that name none (the questions) stay inside
// it. A heading that names two people heads nobody's section.
func (p *people) sectionSpeakers(quotes []fangtan.Quote, paras []string, tags []*tagged) {
	heads := make([]string, len(paras)) // the person a heading names, or "" (and "-" for no section)
	found := false
	for pi := range paras {
		if pi >= len(tags) || !isHeading(paras[pi]) {
			continue
		}
		if who := p.headingPerson(tags[pi]); who != "" {
			heads[pi], found = who, true
		}
	}
	if !found {
		return
	}
	section := make([]string, len(paras))
	for pi, who := 0, ""; pi < len(paras); pi++ {
		if heads[pi] != "" {
			who = heads[pi]
		}
		section[pi] = who
	}
	for i := range quotes {
		q := &quotes[i]
		if q.Kind != fangtan.QuoteDirect || q.Speaker != "" || q.Paragraph >= len(paras) {
			continue
		}
		who := section[q.Paragraph]
		if who == "" || who == "-" || !(opensParagraph(paras[q.Paragraph], q.Text) || continuesQuotation(paras[q.Paragraph], q.Text)) || reportersQuestion(q.Text) {
			continue
		}
		title := longestTitle(quotes, who)
		if title == "" {
			title = p.officialPost(who)
		}
		q.Speaker, q.SpeakerTitle = who, title
	}
}

// longestTitle is the longest title quotes give who as a speaker: the
// fullest description of them, for the quotations a rule gives them.
func longestTitle(quotes []fangtan.Quote, who string) string {
	var title string
	for _, q := range quotes {
		if q.Speaker == who && len(q.SpeakerTitle) > len(title) {
			title = q.SpeakerTitle
		}
	}
	return title
}

// headingPerson returns the person a heading ends with: one of the
// article's people, or a name after a post (前中大學生會會長張秀賢), or
// alone and read by jieba as a person's (**李柱銘**), that the article
// writes at least twice. It returns "-" where the heading
// names two people or more, or one that does not end it (黃之鋒談監獄),
// or is a credit or a sentence (作曲：倫永亮; punctuation other than 、),
// and "" where it names none.
func (p *people) headingPerson(t *tagged) string {
	rs := t.runes
	end := len(rs)
	for end > 0 && strings.ContainsRune(paragraphFrame, rs[end-1]) {
		end--
	}
	named, last := 0, ""
	for k := 0; k < end; k++ {
		n := p.knownPersonStartingAt(rs[:end], k)
		if n == 0 {
			if n = t.nameAt(k); n < 2 || k+n != end || !(personTitle(t, 0, k) != "" || k == 0 && t.personWordAt(k, end)) || p.mentions(string(rs[k:end])) < 2 {
				continue
			}
		}
		named++
		if k+n == end {
			last = string(rs[k:end])
		}
		k += n - 1
	}
	switch {
	case named > 1:
		return "-"
	case last != "" && !strings.ContainsAny(string(rs[:end]), sentenceEnds+headingBreaks):
		return last
	case named == 1:
		return "-"
	}
	return ""
}

// personWordAt reports whether jieba read rs[start:end] as one word, a
// person's name.
func (t *tagged) personWordAt(start, end int) bool {
	if t.byStart == nil {
		return false
	}
	sp, ok := t.byStart.get(start)
	return ok && sp.end == end && isPersonTag(sp.tag)
}

// headingBreaks are the marks that make a heading naming a person
// something else than the person's section: a credit, a sentence, a
// quotation or a title.
const headingBreaks = ",，;；:：“”「」《》\""

// headlinedInterviewee is the person the headline says were interviewed
// or speak (黃之鋒細說…, 專訪｜陳文敏, 周永康：…), as the interviewee of an
// article that gives its quotations without saying whose they are, most
// of them or all (黃之鋒 1 of 30): the article names them again, and
// nobody else is quoted twice. Count is each speaker's direct quotations.
func (p *people) headlinedInterviewee(count map[string]int) string {
	who := p.headlined
	if who == "" || p.mentions(who) < 2 { // the headline, and the text again
		return ""
	}
	for name, n := range count {
		if name != who && n >= 2 {
			return ""
		}
	}
	return who
}

// narratedBefore reports whether the quotation text, inside paragraph t,
// follows only narration of the interviewee who: it opens a sentence,
// follows a comma (周永康感覺到，…。「那種是…」) or answers a question the
// narration puts (…可有想過自己會坐監？「…」), reads as a sentence, and
// the paragraph before it names no other person, while its own sentence
// reports nobody's words and says nothing of hearing or asking, so that
// a passing voice (一名街坊說，「…」) is not taken for the interviewee.
func (p *people) narratedBefore(t *tagged, text, who string) bool {
	rs := t.runes
	start, quoted, ok := quotationIn(t, text)
	if !ok {
		return false
	}
	j := start - 1
	if j < 1 || !isOpeningMark(rs[j]) || !strings.ContainsRune("。!！，,?？", rs[j-1]) || !isSentenceLike(quoted) {
		return false
	}
	ss := sentenceStart(rs, j-1)
	if p.namesPersonIn(t, 0, j, who) || wordsNotSpoken(rs[ss:j]) {
		return false
	}
	for v := ss + 1; v <= j; v++ {
		if max(reportVerbEndingAt(rs, v), speechVerbEndingAt(rs, v)) > 0 {
			return false
		}
	}
	return true
}

// quotationIn is where the quotation text starts in paragraph t, and its
// runes there. The text may be Traditional, so it is folded.
func quotationIn(t *tagged, text string) (start int, quoted []rune, ok bool) {
	folded := analyzer.Fold(text)
	para := string(t.runes)
	at := strings.Index(para, folded)
	if at < 0 {
		return 0, nil, false
	}
	start = utf8.RuneCountInString(para[:at])
	return start, t.runes[start : start+utf8.RuneCountInString(folded)], true
}

// pronounNarrated reports whether the quotation text, in paragraph pi,
// ends a sentence whose subject is 他 or 她 and whose person can only be
// the interviewee who (他形容自己做人無學歷…，「現在就像死了一般」, 她憶述：
// 「…」): nobody else is named before it in the paragraph, nor in the
// paragraph before where the sentence opens the paragraph (黃浩銘父親委託…
// then 他說：「…」), and the quotation's own clause reports no one else's
// words (他記得，有內地老師甚至說過：「…」). Words reported earlier in the
// paragraph do not count against it: they are most often the
// interviewee's own, or a question put to them (被問到…，她就笑說：「…」).
func (p *people) pronounNarrated(tags []*tagged, pi int, text, who string) bool {
	t := tags[pi]
	rs := t.runes
	start, quoted, ok := quotationIn(t, text)
	j := start - 1
	if !ok || j < 1 || !isOpeningMark(rs[j]) || !strings.ContainsRune("。!！，,?？：:", rs[j-1]) || !isSentenceLike(quoted) {
		return false
	}
	ss := sentenceStart(rs, j-1)
	k := skipLeadIn(rs, ss, j)
	if k+1 >= j || (rs[k] != '他' && rs[k] != '她') || rs[k+1] == '们' {
		return false
	}
	if p.namesPersonIn(t, 0, j, who) || wordsNotSpoken(rs[ss:j]) {
		return false
	}
	if skipLeadIn(rs, 0, ss) == ss && pi > 0 && p.namesPersonIn(tags[pi-1], 0, len(tags[pi-1].runes), who) {
		return false
	}
	if cs := clauseStart(rs, j-1); cs > k+1 {
		for v := cs + 1; v <= j; v++ {
			if max(reportVerbEndingAt(rs, v), speechVerbEndingAt(rs, v)) > 0 {
				return false
			}
		}
	}
	return true
}

// askWords are the words of askwords.txt.
var askWords = mustList("askwords.txt")

// reportersQuestion reports whether text, a quotation paragraph, is a
// reporter's question: it ends in a question mark and asks in so many
// words (想問, 請問). The text may be Traditional, so it is folded.
func reportersQuestion(text string) bool {
	trimmed := strings.TrimRight(text, " 」』”’\"")
	if !strings.HasSuffix(trimmed, "？") && !strings.HasSuffix(trimmed, "?") {
		return false
	}
	folded := analyzer.Fold(trimmed)
	for _, w := range askWords {
		if strings.Contains(folded, w) {
			return true
		}
	}
	return false
}

// opensParagraph reports whether text, a quotation of para, is the first
// thing in it after its opening mark.
func opensParagraph(para, text string) bool {
	para = strings.TrimLeft(para, paragraphFrame)
	r, n := utf8.DecodeRuneInString(para)
	return isOpeningMark(r) && strings.HasPrefix(para[n:], text)
}

// endsUnclosed reports whether text, a quotation of para, runs to its
// end with no closing mark: the quotation goes on in the next paragraph.
func endsUnclosed(para, text string) bool {
	return text != "" && strings.HasSuffix(strings.TrimRight(para, paragraphFrame), text)
}

// continuesQuotation reports whether text, a quotation of para, is all
// of para's start without an opening mark: a quotation that runs on from
// the paragraph before, which news opens once and closes at its last
// paragraph.
func continuesQuotation(para, text string) bool {
	return text != "" && strings.HasPrefix(strings.TrimLeft(para, paragraphFrame), text)
}

// paragraphFrame are the runes around a paragraph that are not its text:
// spaces, and the ** of a bold paragraph or heading.
const paragraphFrame = " \t\u3000*"

// isOpeningMark reports whether r opens a quotation.
func isOpeningMark(r rune) bool {
	if r == '"' {
		return true
	}
	for _, opening := range quoteOpener {
		if r == opening {
			return true
		}
	}
	return false
}

// opensWithQuote reports whether para, framing aside, starts with a
// quotation mark.
func opensWithQuote(para string) bool {
	r, _ := utf8.DecodeRuneInString(strings.TrimLeft(para, paragraphFrame))
	return isOpeningMark(r)
}

// isHeading reports whether para is a heading between a feature's parts:
// a bold line (**講心情**), or a short line with no punctuation.
func isHeading(para string) bool {
	trimmed := strings.TrimSpace(para)
	if strings.HasPrefix(trimmed, "**") && strings.HasSuffix(trimmed, "**") {
		return !opensWithQuote(trimmed)
	}
	return utf8.RuneCountInString(trimmed) <= maxHeading && !strings.ContainsAny(trimmed, sentenceEnds+clauseBreaks+"“”「」\"")
}

// maxHeading is the longest unpunctuated line taken for a heading.
const maxHeading = 15

// maxLeadIn is how many paragraphs of quotations and headings a lead-in
// ending in a colon may introduce (嚴迅奇…首次回應： then eight).
const maxLeadIn = 10

// leadInParagraph is the paragraph before pi that ends in a colon and
// introduces pi's quotation, with only quotations and headings between
// (嚴迅奇在故宮爭議爆發後，首次回應： / **講心情** / 「…」 / 「…」), or -1.
func leadInParagraph(paras []string, pi int) int {
	for k := pi - 1; k >= 0 && pi-k <= maxLeadIn; k-- {
		body := strings.Trim(paras[k], paragraphFrame)
		if strings.HasSuffix(body, "：") || strings.HasSuffix(body, ":") {
			return k
		}
		if !isHeading(paras[k]) && !opensWithQuote(paras[k]) {
			return -1
		}
	}
	return -1
}

// leadInSpeaker is who a lead-in paragraph (leadInParagraph) gives the
// quotations after it: the speaker of its last clause, before the colon.
func (p *people) leadInSpeaker(t *tagged) (name, title string) {
	rs := t.runes
	colon := len(rs) - 1
	for colon > 0 && strings.ContainsRune(paragraphFrame, rs[colon]) {
		colon--
	}
	if v := speechVerbEndingAt(rs, colon); v > 0 {
		if name, title = p.speakerOfClause(t, clauseStart(rs, colon-v), colon-v); name != "" {
			return name, title
		}
	}
	if name, title = p.colonClauseSpeaker(t, colon); name != "" {
		return name, title
	}
	// 以下是馬逢國的聲明全文：, 6. 前政務司司長唐英年（原文為英文）：: a
	// lead-in that names one person, and no speech verb or subject.
	if who := p.soleNamed(t, 0, colon); who != "" && !wordsNotSpoken(rs[:colon]) {
		return who, p.officialPost(who)
	}
	return "", ""
}

// soleNamed returns the one person t.runes[from:to] names, one of the
// article's people, or "" where it names none, or another name as well
// (one of the article's people or one jieba's tags allow).
func (p *people) soleNamed(t *tagged, from, to int) string {
	who, others := "", false
	for k := from; k < to; k++ {
		n := p.knownPersonStartingAt(t.runes[:to], k)
		if n == 0 {
			if n = t.nameAt(k); n >= 2 && k+n <= to {
				others = true
				k += n - 1
			}
			continue
		}
		if name := string(t.runes[k : k+n]); who != "" && name != who {
			return ""
		} else {
			who = name
		}
		k += n - 1
	}
	if others {
		return ""
	}
	return who
}

// personNouns end a non-official's description: 村民孟先清, 职工柴明志.
var personNouns = mustList("personnouns.txt")

// personTitle is the description written before a speaker's name, when it
// ends in a position or a person noun; otherwise "".
func personTitle(t *tagged, start, nameStart int) string {
	rs := t.runes
	if n := positionEndingAt(rs, nameStart); n > 0 {
		return string(rs[titleBefore(t, nameStart):nameStart])
	}
	desc := string(rs[start:nameStart])
	for _, pn := range personNouns {
		if strings.HasSuffix(desc, pn) {
			from := nameStart
			for from > start && isHan(rs[from-1]) && nameStart-from < 30 {
				from--
			}
			return string(rs[from:nameStart])
		}
	}
	return ""
}

// attribute finds who said the quotation q of paragraph t: first a clause
// just before it that ends in a speech verb (刘振华常说:“…”), then the
// clause after it (“…”区委书记马常春说), then a known official opening the
// next sentence (“…”刘振华倡导…). Otherwise nobody.
func (p *people) attribute(t *tagged, q quoteSpan) (name, title string, introduced bool) {
	rs := t.runes
	// Before: back over ":", ",", spaces to a speech verb.
	i := q.start - 1 // the opening mark
	j := i
	for j > 0 && strings.ContainsRune(":,， ", rs[j-1]) {
		j--
	}
	v := speechVerbEndingAt(rs, j)
	if v == 0 && p.saidAfterJiu(rs, j) {
		v = 1
	}
	if v == 0 && nameRuneVerbAt(rs, j, speechWordRunes) {
		// 施德來說：, if the speaker's name ends in its 来.
		cs := clauseStart(rs, j-1)
		if name, title = p.speakerOfClause(t, cs, j-1); name != "" {
			if name = nameThrough(rs[cs:j-1], name); name != "" {
				return name, title, true
			}
		}
	}
	if v > 0 {
		cs := clauseStart(rs, j-v)
		if name, title = p.speakerOfClause(t, cs, j-v); name != "" {
			// 提出“四个革命、一个合作”: what follows 提出 is often a slogan, so
			// it does not vouch for the quotation being speech.
			return name, title, string(rs[j-v:j]) != "提出"
		}
		if name, title = p.appositiveSubject(t, cs, j-v); name != "" {
			return name, title, true
		}
		if name, title = p.earlierClauseSubject(t, cs, j-v); name != "" {
			return name, title, true
		}
	}
	// After: the clause following the closing mark; skip one leading time
	// adverbial (近日,杏花岭区委书记李文权在接受采访时说).
	k := q.end + 1
	for pass := 0; pass < 2 && k < len(rs); pass++ {
		for k < len(rs) && rs[k] == ' ' {
			k++
		}
		e := k
		for e < len(rs) && e-k < maxClause && !strings.ContainsRune(clauseBreaks+sentenceEnds+"“「\"", rs[e]) {
			e++
		}
		if v := speechVerbEndingAt(rs, e); v > 0 && e-v > k && rs[e-1] != '问' {
			// Not “…”姚本成再問，: who asks after a quotation asks the
			// next question, after an answer (hkcnews-10626) or another's
			// question (「…呢？」范國威今天在會上反問：).
			if name, title = p.speakerOfClause(t, k, e-v); name != "" {
				return name, title, true
			}
		}
		if pass == 0 {
			// “…”刘振华倡导…: a known official opens the next sentence.
			if n := p.knownNameStartingAt(rs, k); n > 0 {
				name = string(rs[k : k+n])
				if pi := p.byName[name]; pi != nil && pi.official {
					return name, pi.bestTitle(), false
				}
			}
			// “…”这是习近平总书记…提出的: 这是 + name + position.
			if e-k > 2 && string(rs[k:k+2]) == "这是" {
				if n := p.knownNameStartingAt(rs, k+2); n > 0 {
					name = string(rs[k+2 : k+2+n])
					if pi := p.byName[name]; pi != nil && pi.official {
						return name, pi.bestTitle(), false
					}
				}
			}
		}
		if e >= len(rs) || !strings.ContainsRune(",，", rs[e]) || e-k > 6 {
			break
		}
		k = e + 1
	}
	return "", "", false
}

// appositiveSubject is the speaker of a clause that names nobody before
// its speech verb and opens with no subject of its own (接受傳媒提問時表示,
// 今早在商台節目中表示), when the sentence opens with a person standing
// alone in a clause of their own: a name after nothing, a post, or a
// phrase ending in 的 that opens with no person doing something
// (嶺南大學中文系副教授黃淑嫻，今天凌晨在facebook貼文表示; 一直未有承認代表
// 建制派出選的陳凱欣，接受傳媒提問時表示). A name after a verb or a
// conjunction is an object (会见州长科布泽夫和…主席…，表示), and a clause
// opening with a noun has its own subject (…，双方强调).
func (p *people) appositiveSubject(t *tagged, start, verbStart int) (name, title string) {
	rs := t.runes
	if t.byStart == nil || start < 2 || !strings.ContainsRune(",，", rs[start-1]) || verbStart-start > maxColonClause || wordsNotSpoken(rs[start:verbStart]) {
		return "", ""
	}
	if start < verbStart {
		if sp, ok := t.byStart.get(start); !ok || tagIn(sp.tag, "nrmfsqx") {
			return "", ""
		}
	}
	for i := start; i < verbStart; i++ {
		if strings.ContainsRune("他她佢我你其", rs[i]) || p.knownNameStartingAt(rs, i) > 0 || t.nameAt(i) >= 2 {
			return "", ""
		}
	}
	end := start - 1
	ps := skipLeadIn(rs, sentenceStart(rs, end), end)
	if clauseStart(rs, end) > ps {
		return "", "" // not the sentence's first clause
	}
	s := p.knownNameEndingAt(rs, end)
	if s < ps {
		for k := min(4, end-ps); k >= 2; k-- {
			if t.nameAt(end-k) == k {
				s = end - k
				break
			}
		}
	}
	if s < ps || t.bodyOrItsStart(s, end) {
		return "", ""
	}
	name = string(rs[s:end])
	title = personTitle(t, ps, s)
	if m := s - utf8.RuneCountInString(title); m > ps {
		// 記者致電約訪…的黎照昌，希望: a modifier opening with a person
		// has a subject of its own, whose object the name is.
		if rs[m-1] != '的' || p.subjectAt(t, ps) {
			return "", ""
		}
	}
	if _, known := p.byName[name]; !known && title == "" && p.mentions(name) < 2 {
		return "", "" // a guess the article neither repeats nor gives a post (通知书)
	}
	if pi := p.byName[name]; pi != nil && pi.official && title == "" {
		title = pi.bestTitle()
	}
	return name, title
}

// subjectAt reports whether a clause at i opens with its subject: a
// pronoun, or a person of the article or a person noun followed by a verb
// past adverbs (記者致電; but not 代表台灣的…秘書長, 戴耀廷身邊的).
func (p *people) subjectAt(t *tagged, i int) bool {
	rs := t.runes
	if strings.ContainsRune("他她佢我你", rs[i]) {
		return true
	}
	end := i
	switch sp, ok := t.byStart.get(i); {
	case p.knownNameStartingAt(rs, i) > 0:
		end = i + p.knownNameStartingAt(rs, i)
	case ok && slices.Contains(personNouns, string(rs[i:sp.end])):
		end = sp.end
	default:
		return false
	}
	for k := 0; k < 2; k++ {
		sp, ok := t.byStart.get(end)
		if !ok || sp.tag != "d" {
			break
		}
		end = sp.end
	}
	return t.verbAt(end)
}

// colonNotSpeech are the words of colonnotspeech.txt.
var colonNotSpeech = mustList("colonnotspeech.txt")

// wordsNotSpoken reports whether a clause says the words after it were
// heard, asked, read or passed on (colonNotSpeech), or names one who may
// speak for someone (spokespeople), so that its person is not their
// speaker. A spokesperson after a preposition is spoken of, not speaking
// (至於媽媽，周永康…, 周永康對於媽媽…).
func wordsNotSpoken(clause []rune) bool {
	s := string(clause)
	for _, w := range colonNotSpeech {
		if w == "被" {
			if passiveSaying(clause) {
				return true
			}
			continue
		}
		if strings.Contains(s, w) {
			return true
		}
	}
	for _, w := range spokespeople {
		for from := 0; ; {
			i := strings.Index(s[from:], w)
			if i < 0 {
				break
			}
			i += from
			if before, _ := utf8.DecodeLastRuneInString(s[:i]); i == 0 || !strings.ContainsRune(objectPrepositions+"于", before) {
				return true
			}
			from = i + len(w)
		}
	}
	return false
}

// passiveSaying reports whether clause puts asking, saying or hearing in
// the passive (被問到, 被記者追問, 被指): 被 and a verb of saying or
// reporting, or 问, within a few runes. Other passives (結果被打消念頭)
// leave the clause's words its subject's.
func passiveSaying(clause []rune) bool {
	for i, r := range clause {
		if r != '被' {
			continue
		}
		for v := i + 2; v <= len(clause) && v-i <= 8; v++ {
			if clause[v-1] == '问' || max(speechVerbEndingAt(clause, v), reportVerbEndingAt(clause, v)) > 0 {
				return true
			}
		}
	}
	return false
}

// openingMark is where q's opening mark stands, past the spaces before
// it, or -1 for the second half of a quotation a paragraph break cut.
func (q quoteSpan) openingMark(rs []rune) int {
	j := q.start - 1
	for j > 0 && rs[j-1] == ' ' {
		j--
	}
	return j
}

// namingVerbs are the words of namingverbs.txt.
var namingVerbs = mustList("namingverbs.txt")

// namedAfter reports whether a naming verb (namingverbs.txt) ends right
// before q's opening mark, or before a colon there: q is a title, a name
// or an inscription (題為「…」, 寫有：「…」).
func namedAfter(rs []rune, q quoteSpan) bool {
	j := q.openingMark(rs)
	if j > 0 && (rs[j-1] == ':' || rs[j-1] == '：') {
		j--
	}
	for _, v := range namingVerbs {
		if n := len([]rune(v)); j >= n && string(rs[j-n:j]) == v {
			return true
		}
	}
	return false
}

// spokespeople (spokespeople.txt) speak for the person named before them.
var spokespeople = mustList("spokespeople.txt")

// spokespersonAfter returns where a spokesperson's word ends that, after
// an optional 的 or 前, follows the name ending at end and comes before
// verbStart (陈志全的助理表示, 刘伯女儿说), or -1.
func spokespersonAfter(rs []rune, end, verbStart int) int {
	of := end < verbStart && rs[end] == '的'
	// 劉皇發前助理周永勤表示: a former one speaks for himself, as a
	// spokesperson does.
	former := !of && end < verbStart && rs[end] == '前'
	if of || former {
		end++
	}
	rest := string(rs[end:verbStart])
	for _, w := range spokespeople {
		// 庄耀洸律师表示, 蔡维邦大律师, 蔡大律师 (蔡 + 大律师, read as 蔡大): a lawyer
		// addressed by name speaks himself; 何志平的律师 speaks for him.
		if strings.HasPrefix(rest, w) && (of || former || (w != "律师" && w != "大律师")) {
			return end + utf8.RuneCountInString(w)
		}
	}
	return -1
}

// colonSpeaker finds the speaker of a quotation opened by a colon whose
// clause has no speech verb but opens with a person: 李卓人記得：「…」,
// 鄧緯榮的貼士是：「…」, 賴明珠這樣解讀：「…」. Hong Kong features write most
// of their subjects' words this way. The person (personStartingAt) opens
// the clause, or the sentence when the clause has no subject of its own.
// A clause that says the words were heard, read or asked
// (colonnotspeech.txt) gives nobody.
func (p *people) colonSpeaker(t *tagged, q quoteSpan) (name, title string) {
	j := q.openingMark(t.runes)
	if j <= 0 {
		return "", ""
	}
	return p.colonClauseSpeaker(t, j-1)
}

// commaSpeaker finds the speaker of a quotation that a comma joins to a
// sentence whose subject is a person, with no speech verb: 林亨利沒有哭，
// 但心中還是一沉，「…」, 梁天琦同意，「…」, 蔡英文寄語北京當局，「…」. Hong Kong
// features give their subjects' words so, as with a colon. The quotation
// must read as a sentence and end the sentence, so that a term the
// sentence goes on to use is nobody's; the sentence must name no other
// person after the subject, report nobody's words, and say nothing of
// hearing, asking or passing words on (colonnotspeech.txt).
func (p *people) commaSpeaker(tags []*tagged, pi int, q quoteSpan) (name, title string) {
	rs := tags[pi].runes
	j := q.openingMark(rs)
	if j <= 0 || (rs[j-1] != ',' && rs[j-1] != '，') || !isSentenceLike(rs[q.start:q.end]) || !quotationEndsSentence(rs, q) {
		return "", ""
	}
	comma := j - 1
	return p.sentenceSubject(tags, pi, sentenceStart(rs, comma), comma)
}

// sentenceSubject is the person a sentence of rs[ss:comma] is about, for
// the quotation after it (commaSpeaker, stopSpeaker): the known person
// who opens it or its clause, where it is short, names no other person,
// reports nobody's words and says nothing of hearing or asking.
func (p *people) sentenceSubject(tags []*tagged, pi, ss, comma int) (name, title string) {
	t := tags[pi]
	rs := t.runes
	if comma-ss > maxCommaSentence {
		return "", ""
	}
	if wordsNotSpoken(rs[ss:comma]) || p.reportedBefore(t, ss, comma) {
		return "", ""
	}
	// A sentence with a speech verb (羅老師說，「…」) is its subject's, which
	// the rules before have read: the person must open the verb's clause.
	// 起訴書稱，馬納福特涉嫌…，「…」 is the indictment's.
	from, to := ss, comma
	for v := comma; v > ss; v-- {
		if n := max(reportVerbEndingAt(rs, v), speechVerbEndingAt(rs, v)); n > 0 && t.wordEndsAt(v) {
			from, to = clauseStart(rs, v-n), v-n
			// 她認同「有權慎用」此一說法，但補充要看…，「…」; 劉漢銓…，指「…」:
			// a verb's clause with no subject of its own (adverbs, 但, or
			// nothing after a comma) has the sentence's first clause's.
			if from > ss && (onlyAdverbs(rs[from:to]) || (from < to && rs[from] == '但' && onlyAdverbs(rs[from+1:to]))) {
				from, to = ss, ss+clauseLength(rs[ss:comma])
			}
			break
		}
	}
	for cs := from; cs < to; {
		k := skipLeadIn(rs, cs, to)
		if n := p.knownPersonStartingAt(rs, k); n > 0 {
			if k+n > to || k+n >= comma || !t.personIsSubject(k, k+n) {
				return "", ""
			}
			name = string(rs[k : k+n])
			if p.namesPersonIn(t, k+n, comma, name) {
				return "", ""
			}
			return name, p.officialPost(name)
		}
		// 猶記得他第一次被捕，是在…，「…」: a pronoun opens the clause,
		// and no person is named after it.
		if k < to && strings.ContainsRune("他她", rs[k]) && (k+1 >= len(rs) || rs[k+1] != '们') && !p.namesPersonIn(t, k+1, comma, "") {
			return p.pronounSpeaker(tags, pi, k, k+1)
		}
		if to < comma {
			break // the speech verb's clause opens with no person
		}
		for cs < comma && !strings.ContainsRune(clauseBreaks, rs[cs]) {
			cs++
		}
		cs++
	}
	return "", ""
}

// namesPersonIn reports whether t.runes[from:to] names a person other
// than except: one the article knows, or a name jieba tags that starts
// with a family name.
func (p *people) namesPersonIn(t *tagged, from, to int, except string) bool {
	rs := t.runes
	for i := from; i < to; i++ {
		if m := p.knownNameStartingAt(rs, i); m > 0 && string(rs[i:i+m]) != except {
			return true
		}
		if t.byStart != nil && (except == "" || !strings.HasPrefix(string(rs[i:]), except)) {
			if m := t.nameAt(i); m >= 2 && startsWithSurname(rs[i:i+m]) {
				return true
			}
		}
	}
	return false
}

// stopSpeaker finds the speaker of a quotation that opens a sentence
// after a sentence about a person, with no speech verb (錢玉麟在美國普林斯頓
// 大學取得電腦博士學位…。「我36歲入港大做…」): Hong Kong features give
// their subjects' words so, as after a comma (commaSpeaker), with the same
// checks on the sentence before.
func (p *people) stopSpeaker(tags []*tagged, pi int, q quoteSpan) (name, title string) {
	rs := tags[pi].runes
	j := q.openingMark(rs)
	if j <= 1 || !strings.ContainsRune("。!！", rs[j-1]) || !isSentenceLike(rs[q.start:q.end]) || !quotationEndsSentence(rs, q) {
		return "", ""
	}
	return p.sentenceSubject(tags, pi, sentenceStart(rs, j-1), j-1)
}

// personIsSubject reports whether the person named at rs[start:end] is
// the subject of what follows: not one of two (陈淑庄与梁国雄), not an
// owner (李振盛的记者前辈), not the object of a preposition (对林郑), and
// no body's name.
func (t *tagged) personIsSubject(start, end int) bool {
	rs := t.runes
	return !t.bodyOrItsStart(start, end) && !strings.ContainsRune("和与同及、跟的", rs[end]) &&
		(start == 0 || !strings.ContainsRune(objectPrepositions, rs[start-1]))
}

// knownPersonStartingAt is the length of the name of a person the article
// knows at rune k (an official, someone it quotes, or a name it repeats),
// or 0: personStartingAt without the names only jieba tags, which run on
// into the next rune too often (陈说, 刘燕卿非) where no colon bounds them.
func (p *people) knownPersonStartingAt(rs []rune, k int) int {
	n := p.knownNameStartingAt(rs, k)
	if n == 0 {
		return 0
	}
	if pi := p.byName[string(rs[k:k+n])]; !(pi.official || pi.speaker || p.mentions(pi.name) >= 2) {
		return 0
	}
	return n
}

// prevSentenceSpeaker finds the speaker of a quotation that opens a
// sentence inside a paragraph, with no speaker of its own: the person the
// sentence before reports speaking (陳健民說，當時還有寄望…。「如果說…」),
// whose words it goes on with, as a quotation opening a paragraph goes on
// the paragraph before (continuedSpeaker).
func (p *people) prevSentenceSpeaker(tags []*tagged, pi int, q quoteSpan, before []fangtan.Quote) (name, title string) {
	rs := tags[pi].runes
	j := q.openingMark(rs)
	if j <= 0 || !isSentenceLike(rs[q.start:q.end]) {
		return "", ""
	}
	// After a question the quotation is the answer of the person it asks
	// (梁振英曾表示…，陳美齡對此有何看法？「…」 is 陳美齡's), not of the
	// words it cites.
	if strings.ContainsRune("?？", rs[j-1]) {
		return p.personAsked(tags[pi], j-1, before)
	}
	if !strings.ContainsRune("。!！", rs[j-1]) {
		return "", ""
	}
	// The sentence's own speaker, its first reporting verb's subject: a
	// later verb is often inside the words reported (涂謹申…反駁…梁提出…),
	// and a clause opening with 对于 names its topic (對於林鄭提出…，他指).
	t := tags[pi]
	end := j - 1
	ss := sentenceStart(rs, end)
	for v := ss + 1; v <= end; v++ {
		n := max(reportVerbEndingAt(rs, v), speechVerbEndingAt(rs, v))
		if n == 0 || !t.wordEndsAt(v) || (v-n > 0 && rs[v-n-1] == '的') {
			continue
		}
		cs := clauseStart(rs, v-n)
		if opensWithTopic(rs[skipLeadIn(rs, cs, v-n) : v-n]) {
			continue
		}
		if name, title = p.subjectOf(t, cs, v-n); name != "" {
			return name, title
		}
		if name, title = p.pronounSpeaker(tags, pi, cs, v-n); name != "" {
			return name, title
		}
	}
	return "", ""
}

// pronounAfterSpeaker finds the speaker of a quotation followed by 他 or
// 她, a few adverbs and a speech or reporting verb (「…」他說。「…」，她
// 又指，…): the person the pronoun stands for, as pronounSpeaker reads
// it. Hong Kong news writes a speaker's words so as often as after a
// name (343 hkcnews quotations had no speaker). The rules before read
// the sentence the quotation stands in: where it reports someone's
// words (唐表示，「…」她稱) or names a person (評論員程翔亦同意李怡的說法，
// 「…」他建議), whom the pronoun means is theirs to say, and they could
// not, so nobody is.
func (p *people) pronounAfterSpeaker(tags []*tagged, pi int, q quoteSpan) (name, title string) {
	t := tags[pi]
	rs := t.runes
	ss, j := 0, q.openingMark(rs)
	if j > 0 {
		if strings.ContainsRune(":：", rs[j-1]) {
			return "", "" // 廖再問：「…」他稱: colonSpeaker's to read
		}
		ss = sentenceStart(rs, j-1)
		for v := ss + 1; v < j; v++ {
			if max(reportVerbEndingAt(rs, v), speechVerbEndingAt(rs, v)) > 0 && t.wordEndsAt(v) {
				return "", ""
			}
		}
		if t.latinWordIn(ss, j) {
			return "", ""
		}
	}
	k := q.end + 1
	for k < len(rs) && strings.ContainsRune(" ,，", rs[k]) {
		k++
	}
	if k+1 >= len(rs) || !strings.ContainsRune("他她", rs[k]) || rs[k+1] == '们' {
		return "", ""
	}
	for v := k + 2; v <= len(rs) && v-k <= 6; v++ {
		n := max(speechVerbEndingAt(rs, v), reportVerbEndingAt(rs, v))
		if n > 0 && v-n > k && t.wordEndsAt(v) && onlySayingAdverbs(rs[k+1:v-n]) {
			name, title = p.pronounSpeaker(tags, pi, k, v-n)
			if name == "" || (j > 0 && (p.namesPersonIn(t, ss, j, name) || t.namedAsObject(ss, j, name))) {
				return "", ""
			}
			return name, title
		}
	}
	return "", ""
}

// namedAsObject reports whether name stands in t.runes[ss:end] as the
// object of a verb or a preposition, past a post before it: 他以梁君彥
// 主持會議為例, 提及前律政司長梁愛詩 name what the sentence's subject
// speaks of, not the subject.
func (t *tagged) namedAsObject(ss, end int, name string) bool {
	if t.byEnd == nil {
		return false
	}
	rs := t.runes
	nr := []rune(name)
	for i := ss; i+len(nr) <= end; i++ {
		if !equalRunes(rs[i:i+len(nr)], nr) {
			continue
		}
		b := i
		if positionEndingAt(rs, i) > 0 {
			b = titleBefore(t, i)
		}
		if sp, ok := t.byEnd.get(b); ok && sp.start >= ss && (sp.tag == "p" || sp.tag == "v" || sp.tag == "vn") {
			return true
		}
	}
	return false
}

// colonPronounSpeaker finds the speaker of a quotation after a colon
// whose clause opens with 他 or 她 and has no speech verb (黃浩銘憶述…，
// 他當下非常震驚：「…」): the person the pronoun stands for, where the
// clause names no other person and says nothing of asking or hearing.
func (p *people) colonPronounSpeaker(tags []*tagged, pi int, q quoteSpan) (name, title string) {
	t := tags[pi]
	rs := t.runes
	j := q.openingMark(rs)
	if j <= 1 || (rs[j-1] != ':' && rs[j-1] != '：') {
		return "", ""
	}
	colon := j - 1
	cs := clauseStart(rs, colon)
	k := skipLeadIn(rs, cs, colon)
	if !pronounAt(rs, k, colon) {
		if k = p.pronounOpeningSentence(t, cs, colon, k); k < 0 {
			return "", ""
		}
		cs = sentenceStart(rs, cs)
	}
	if wordsNotSpoken(rs[cs:colon]) || p.namesPersonIn(t, k+1, colon, "") || t.latinWordIn(k+1, colon) {
		return "", ""
	}
	return p.pronounSpeaker(tags, pi, k, k+1)
}

// verbAfterAdverbs reports whether jieba's words from rune k on, before
// end, are adverbs and conjunctions up to a verb or a speech verb (緩緩/d
// 道/q 出, 然後/c 說/v): a clause with no subject of its own.
func (t *tagged) verbAfterAdverbs(k, end int) bool {
	if t.byStart == nil {
		return false
	}
	for k < end {
		sp, ok := t.byStart.get(k)
		switch {
		case !ok:
			return false
		case tagIn(sp.tag, "v") || speechVerbEndingAt(t.runes, sp.end) == sp.end-k:
			return true // 道/q 出: jieba takes the speech verb for a classifier
		case !tagIn(sp.tag, "dc"):
			return false
		}
		k = sp.end
	}
	return false
}

// pronounAt reports whether 他 or 她, not 他们 or 她们, stands at rune k,
// before end.
func pronounAt(rs []rune, k, end int) bool {
	return k+1 < end && strings.ContainsRune("他她", rs[k]) && rs[k+1] != '们'
}

// pronounOpeningSentence is where 他 or 她 opens the sentence whose clause
// before a colon, rs[cs:end], opens at k with no subject of its own (他呆了
// 半晌，緩緩道出一句：, 他思考片刻，然後說：), or -1. As in firstClauseSubject,
// every clause after the first must open without a subject, up to
// maxSubjectClauses clauses back. The colon's clause must be a verb's,
// after at most adverbs and conjunctions: after a time or a conjunction
// another may speak (他記得，當時有警員說：), and after a preposition the
// words may be a song's (於是在腦海中不斷播放…《T.O.N.I.C.K》：). It must not
// hold 他 or 她, to whom another speaks (她憶述…，然後導演對她說：).
func (p *people) pronounOpeningSentence(t *tagged, cs, end, k int) int {
	rs := t.runes
	if cs == 0 || !strings.ContainsRune(",，", rs[cs-1]) || strings.ContainsAny(string(rs[k:end]), "他她") || !t.verbAfterAdverbs(k, end) {
		return -1
	}
	at := -1
	clausesBack(rs, cs, func(_, first, ce, _ int, opens bool) bool {
		if opens && pronounAt(rs, first, ce) {
			at = first
		}
		return !opens && t.startsWithoutSubject(first)
	})
	return at
}

// latinWordIn reports whether the text as written holds a capitalised
// Latin word between runes from and to (Angela, Nicholas Bequelin): a
// person, or a body, the name rules may not know.
func (t *tagged) latinWordIn(from, to int) bool {
	o := t.origRunes()
	if o == nil || to > len(o) {
		return false
	}
	for i := from; i+1 < to; i++ {
		if unicode.IsUpper(o[i]) && unicode.IsLower(o[i+1]) && (i == 0 || !unicode.IsLetter(o[i-1])) {
			return true
		}
	}
	return false
}

// personAsked is the person a reporter's question ending at rune end
// asks, whose answer the quotation after it is: the known person who
// opens its last clause (周永新可有覺得自己被人利用？; 特首梁振英曾表示…，
// 陳美齡對此有何看法？), or "".
func (p *people) personAsked(t *tagged, end int, before []fangtan.Quote) (name, title string) {
	rs := t.runes
	cs := clauseStart(rs, end)
	k := skipLeadIn(rs, cs, end)
	n := p.knownPersonStartingAt(rs, k)
	if n == 0 || k+n >= end || !t.personIsSubject(k, k+n) {
		return "", ""
	}
	name = string(rs[k : k+n])
	// 陶傑 answers questions about 查良鏞 (查良鏞非常懂得計算吧？「…」): the
	// person asked is the article's most quoted so far, not its topic.
	times := map[string]int{}
	for _, q := range before {
		times[q.Speaker]++
	}
	for s, m := range times {
		if s != "" && s != name && m >= 2 && m > times[name] {
			return "", ""
		}
	}
	return name, p.officialPost(name)
}

// maxCommaSentence bounds the sentence before the comma that commaSpeaker
// reads.
const maxCommaSentence = 80

// quotationEndsSentence reports whether the quotation q ends its sentence:
// a sentence end follows it, or ends its words, or the paragraph ends.
func quotationEndsSentence(rs []rune, q quoteSpan) bool {
	i := q.end + 1
	for i < len(rs) && rs[i] == ' ' {
		i++
	}
	if i >= len(rs) || strings.ContainsRune(sentenceEnds, rs[i]) {
		return true
	}
	body := strings.TrimRight(string(rs[q.start:q.end]), " ")
	last, _ := utf8.DecodeLastRuneInString(body)
	return strings.ContainsRune(sentenceEnds+"…", last)
}

// colonClauseSpeaker is colonSpeaker's reading of the clause that ends in
// the colon at rune colon. It also reads clauses that end in a speech verb
// too far from the name for attribute (陳健民周四在 Facebook 寫道：). A
// second person in the clause is no bar: a sample found them as often the
// listener (劉曉波立即給劉霞打電話：) as the speaker (林鄭月娥之後邀請
// 周永新…：).
func (p *people) colonClauseSpeaker(t *tagged, colon int) (name, title string) {
	rs := t.runes
	if colon <= 0 || (rs[colon] != ':' && rs[colon] != '：') {
		return "", ""
	}
	end := colon
	cs := clauseStart(rs, end)
	if end-cs > maxColonClause {
		return "", ""
	}
	if wordsNotSpoken(rs[cs:end]) {
		return "", ""
	}
	k := skipLeadIn(rs, cs, end)
	if e := k + positionAfterStart(rs, k, end); e > k && p.knownNameStartingAt(rs, e) > 0 {
		k = e
	}
	n := p.personStartingAt(t, k, end)
	// …，不過指：: a lead-in opens a clause without a subject too.
	if n == 0 && cs > 0 && strings.ContainsRune(",，", rs[cs-1]) && (t.startsWithoutSubject(k) || k > cs && t.startsWithoutSubject(cs)) {
		k, n = p.firstClauseSubject(t, cs, end, k)
	}
	if n == 0 || k+n > end || (k+n == end && !nameColonOpens(rs, k, end)) || t.bodyOrItsStart(k, k+n) || (k+n < end && strings.ContainsRune("和与同及、跟", rs[k+n])) {
		return "", ""
	}
	// 向明泰解釋：the name after a preposition is the listener, as in
	// nameBeforeVerb.
	if strings.ContainsRune("向对跟给", rs[k]) && n > 2 {
		return "", ""
	}
	// Unless the clause is the name, a few adverbs and a speech verb
	// (林鄭月娥就指：), words reported earlier in the sentence may be the
	// quotation's: 梁家傑表示，鄭若驊的…疑團未解答：「…」.
	v := speechVerbEndingAt(rs, end)
	said := v > 0 && end-v >= k+n && onlySayingAdverbs(rs[k+n:end-v])
	if !said && p.reportedBefore(t, sentenceStart(rs, cs), cs) {
		return "", ""
	}
	name = string(rs[k : k+n])
	return name, p.officialPost(name)
}

// firstClauseSubject is the start and length of the person who opens the
// sentence whose clause before a colon, rs[cs:end], opens at k with no
// subject of its own, or k and 0. 李卓人在落敗後，首次回應：, 陳茂波聽罷想了幾秒，
// 之後笑着說：: a clause that opens with a verb, an adverb, a time or a
// conjunction has the subject of the clause before, and so on back to
// the sentence's first, up to maxSubjectClauses clauses. Every clause
// after the first must open so, as another subject may have come between
// (林鄭月娥…，示威者卻…，包圍她的車輛大叫：); past the second, the sentence
// must not ask, hear or pass on the words (蔡維邦再詢問，是否知悉…，謝同樣答：).
func (p *people) firstClauseSubject(t *tagged, cs, end, k int) (int, int) {
	rs := t.runes
	start, n := k, 0
	clausesBack(rs, cs, func(prev, first, ce, back int, opens bool) bool {
		if m := p.personStartingAt(t, first, ce); m > 0 {
			if opens && first+m <= ce && !strings.ContainsRune("和与同及、跟", rs[first+m]) && !(back > 0 && wordsNotSpoken(rs[prev:end])) {
				start, n = first, m
			}
			return false
		}
		return !opens && t.startsWithoutSubject(first)
	})
	return start, n
}

// maxSubjectClauses is how many clauses back firstClauseSubject looks for
// the subject of a clause that has none.
const maxSubjectClauses = 3

// clausesBack calls visit with each clause of the sentence before the one
// that starts at cs, nearest first, up to maxSubjectClauses, while visit
// returns true: where the clause starts, where its words start past a
// lead-in, where its comma stands, how many clauses back it is (0 for
// the one right before) and whether it opens the sentence. It is the walk
// of firstClauseSubject and pronounOpeningSentence.
func clausesBack(rs []rune, cs int, visit func(prev, first, ce, back int, opens bool) bool) {
	ss := sentenceStart(rs, cs)
	for back, c := 0, cs; back < maxSubjectClauses && c > ss && strings.ContainsRune(",，", rs[c-1]); back++ {
		prev := clauseStart(rs, c-1)
		if prev < ss || !visit(prev, skipLeadIn(rs, prev, c-1), c-1, back, prev == ss) {
			return
		}
		c = prev
	}
}

// nameColonOpens reports whether a name alone, rs[k:end], before the
// colon at end opens its sentence (习主席：“…”, 李卓人：「…」): a speaker's
// line, not a label inside a sentence, nor a family name and the verb
// read as one name (潘回答：).
func nameColonOpens(rs []rune, k, end int) bool {
	return sentenceStart(rs, end) == k && speechVerbEndingAt(rs, end) == 0 && reportVerbEndingAt(rs, end) == 0
}

// personStartingAt is the length of the name of a person at rune k, before
// end: one the article knows (an official, someone it quotes, or a name it
// repeats) or a name jieba tags, with a family name, that it repeats; or 0.
func (p *people) personStartingAt(t *tagged, k, end int) int {
	rs := t.runes
	n := p.knownNameStartingAt(rs, k)
	if n > 0 {
		pi := p.byName[string(rs[k:k+n])]
		if !(pi.official || pi.speaker || p.mentions(pi.name) >= 2) {
			return 0
		}
		return n
	}
	if n = p.repeatedTaggedName(t, k); n == 2 && k+n < end && isHan(rs[k+n]) &&
		p.mentions(string(rs[k:k+n+1])) == p.mentions(string(rs[k:k+n])) {
		// 李柱/銘記得: jieba cut the name short where a verb starts with
		// its last rune; every mention of 李柱 is of 李柱銘.
		n++
	}
	return n
}

// startsWithoutSubject reports whether jieba's word at rune k is a verb,
// an adverb, a time, a number, a word of time or place or a conjunction
// (首次/m 回應/v, 之後/f 笑着說, 然後/c 說), so that the clause it opens
// takes its subject from before; false where the text was not cut.
func (t *tagged) startsWithoutSubject(k int) bool {
	if t.byStart == nil {
		return false
	}
	sp, ok := t.byStart.get(k)
	return ok && tagIn(sp.tag, "vdtmfc")
}

// reportedBefore reports whether a clause of rs[from:to] reports a
// person's words: it holds a reporting or speech verb and a name before
// it, or part of one (資深大律師梁家傑表示, which jieba cuts 梁家/傑).
// 談到… and 有人質疑… report nobody's.
func (p *people) reportedBefore(t *tagged, from, to int) bool {
	rs := t.runes
	for v := from + 1; v <= to; v++ {
		n := reportVerbEndingAt(rs, v)
		if n == 0 {
			n = speechVerbEndingAt(rs, v)
		}
		if n < 2 || !t.wordEndsAt(v) {
			continue
		}
		for i := clauseStart(rs, v-n); i < v-n; i++ {
			if p.knownNameStartingAt(rs, i) > 0 || (t.byStart != nil && t.nameAt(i) >= 2) {
				return true
			}
			// 資深大律師梁家傑表示: jieba tags a person's word (梁家/nrfg)
			// where a family name starts the runes before the verb.
			if person, _ := t.jiebaAllowsNameAt(i); person && v-n-i <= 3 && surnames[rs[i]] {
				return true
			}
		}
	}
	return false
}

// repeatedTaggedName is the length of a name jieba tags at rune i that
// starts with a family name and that the article writes at least twice,
// or 0. jieba tags places as names too (大礼堂/nr), hence the family name.
func (p *people) repeatedTaggedName(t *tagged, i int) int {
	if t.byStart == nil {
		return 0
	}
	rs := t.runes
	if m := t.nameAt(i); m >= 2 && startsWithSurname(rs[i:i+m]) && p.mentions(string(rs[i:i+m])) >= 2 {
		return m
	}
	return 0
}

// maxColonClause bounds the clause before a colon that colonSpeaker reads:
// a longer one is narration, and its subject need not be the speaker.
const maxColonClause = 24

// clauseStart is where the clause holding rune i begins, looking back at
// most maxClause runes.
func clauseStart(rs []rune, i int) int {
	stop := max(0, i-maxClause)
	for i > stop && !strings.ContainsRune(clauseBreaks+sentenceEnds+"”」\"", rs[i-1]) {
		i--
	}
	return i
}

// maxClause bounds the clauses searched for a speaker, so that a page of
// unpunctuated text costs linear time.
const maxClause = 60

// turn is an interview turn: a paragraph opening with "name:".
type turn struct {
	speaker   string
	question  bool
	body      int  // rune offset of the answer text
	quotation bool // the answer is one quotation in marks (quotationAlone)
}

// quotationAlone reports whether rs, spaces and a note in brackets
// before it aside, is one quotation in marks and nothing after it: “…”,
// （2014年2月26日）「…」.
func quotationAlone(rs []rune) bool {
	s := strings.TrimSpace(string(rs))
	if strings.HasPrefix(s, "(") || strings.HasPrefix(s, "（") {
		if k := strings.IndexAny(s, ")）"); k > 0 {
			_, size := utf8.DecodeRuneInString(s[k:])
			s = strings.TrimSpace(s[k+size:])
		}
	}
	r, _ := utf8.DecodeRuneInString(s)
	last, _ := utf8.DecodeLastRuneInString(s)
	_, closes := quoteOpener[last]
	return isOpeningMark(r) && (closes || last == '"')
}

// questioners open the question turns.
func isQuestioner(name string) bool {
	switch name {
	case "记者", "本报记者", "主持人", "问", "网友", "编者":
		return true
	}
	for _, suf := range []string{"网", "报", "台", "社", "记者", "者", "频道"} {
		if strings.HasSuffix(name, suf) {
			return true
		}
	}
	return false
}

// anonymousAnswer opens answers in 问/答 interviews; they belong to the
// interview's one subject, when it has exactly one.
const anonymousAnswer = "答"

// parseTurn reads "人民网:" or "李慧:" at the start of a folded paragraph,
// also in Markdown dress ("**《德国之声》 :"). A publication in 《》 asks.
func parseTurn(rs []rune) (turn, bool) {
	i := 0
	for i < len(rs) && strings.ContainsRune("*#>_ \t", rs[i]) {
		i++
	}
	start := i
	pub := false
	if i < len(rs) && rs[i] == '《' {
		j := i + 1
		for j < len(rs) && j-i <= 12 && rs[j] != '》' {
			j++
		}
		if j >= len(rs) || rs[j] != '》' {
			return turn{}, false
		}
		pub = true
		start, i = i+1, j
	} else {
		for i < len(rs) && i-start <= 10 && isHan(rs[i]) {
			i++
		}
	}
	nameEnd := i
	if pub {
		i++ // past 》
	}
	for i < len(rs) && rs[i] == ' ' {
		i++
	}
	if i >= len(rs) || rs[i] != ':' || nameEnd <= start {
		return turn{}, false
	}
	name := string(rs[start:nameEnd])
	body := i + 1
	for body < len(rs) && strings.ContainsRune("* ", rs[body]) {
		body++
	}
	if pub || isQuestioner(name) {
		return turn{speaker: name, question: true, body: body}, true
	}
	if name == anonymousAnswer {
		return turn{speaker: name, body: body}, true
	}
	if !allHanRunes(rs[start:nameEnd]) {
		return turn{}, false
	}
	if n := nameEnd - start; n >= 2 && n <= 4 && startsWithSurname(rs[start:nameEnd]) && !notNames[name] {
		return turn{speaker: name, body: body}, true
	}
	return turn{}, false
}

// endsAnswer: a byline, editor line or bracketed note closes the last
// answer of an interview.
func endsAnswer(rs []rune) bool {
	s := strings.TrimSpace(string(rs))
	return s == "" || strings.HasPrefix(s, "(") || strings.HasPrefix(s, "【") || strings.HasPrefix(s, "责编") ||
		strings.HasPrefix(s, "编辑") || strings.HasPrefix(s, "[") || strings.HasPrefix(s, "---") || strings.HasPrefix(s, "***")
}

// isCaption: a short one-line paragraph inside an interview is a photo
// caption, not part of the answer (迎泽区不断升级社区便民服务,社区食堂陆续开业。).
func isCaption(rs []rune) bool {
	s := string(rs)
	if strings.HasPrefix(s, "——") || strings.HasPrefix(s, "一是") || strings.HasPrefix(s, "二是") || strings.HasPrefix(s, "三是") {
		return false
	}
	return utf8.RuneCountInString(s) < 40
}

// quotes finds the quotations and interview answers of an article.
// paras are the original paragraphs, tags their folded forms.
func (p *people) quotes(paras []string, tags []*tagged, turns []*turn, qa bool) []fangtan.Quote {
	out := []fangtan.Quote{}
	var answering string // the speaker whose answer continues
	runEnd := -1         // the last paragraph of a quotation run over paragraphs (quoteRun)
	for pi, t := range tags {
		orig := []rune(paras[pi])
		if len(orig) != len(t.runes) {
			continue // Fold keeps rune counts; anything else is a bug upstream
		}
		if qa {
			switch tn := turns[pi]; {
			case tn != nil && tn.question:
				answering = ""
			case tn != nil:
				answering = tn.speaker
				if text := strings.TrimSpace(string(orig[tn.body:])); text != "" {
					out = append(out, p.answer(text, answering, pi))
				}
			case answering != "" && endsAnswer(t.runes):
				answering = ""
			case answering != "" && !isCaption(t.runes):
				if text := strings.TrimSpace(string(orig)); text != "" {
					out = append(out, p.answer(text, answering, pi))
				}
			}
		}
		var last struct {
			end         int
			name, title string
		}
		for _, q := range findQuotations(t.runes) {
			body := t.runes[q.start:q.end]
			name, title, introduced := p.attribute(t, q)
			if name == "" && last.name != "" && joinedQuotations(t.runes, last.end, q.start) {
				// 尹兆堅說：「…」、「…」: the next words of the same speaker.
				name, title = last.name, last.title
			}
			// “…”“…”等话题: a chain of quoted topics or titles, not speech.
			if name == "" && inQuoteChain(t.runes, q) {
				continue
			}
			// 題為「…」, 橋上寫有「…」: a title, a name or an inscription.
			if namedAfter(t.runes, q) {
				continue
			}
			if name == "" {
				// 她批评，部分人士的说法「过分演绎咗」: the speaker of the
				// sentence the quotation sits in.
				name, title = p.sentenceSpeaker(tags, pi, q.start-1)
			}
			if name == "" {
				// 李卓人反思雙輸的教訓：「…」: no speech verb, but a colon
				// opens the quotation and a person opens its clause.
				name, title = p.colonSpeaker(t, q)
			}
			if name == "" {
				// 林亨利沒有哭，但心中還是一沉，「…」: a comma joins the
				// quotation to a sentence about a person.
				name, title = p.commaSpeaker(tags, pi, q)
			}
			if name == "" {
				// 「…」他說。: a pronoun and a speech verb after it.
				name, title = p.pronounAfterSpeaker(tags, pi, q)
			}
			if name == "" {
				// 他當下非常震驚：「…」: a pronoun opens the colon's clause.
				name, title = p.colonPronounSpeaker(tags, pi, q)
			}
			if name == "" {
				// 陳健民說，…。「…」: a quotation that opens a sentence
				// goes on the words the sentence before reported.
				name, title = p.prevSentenceSpeaker(tags, pi, q, out)
			}
			if name == "" {
				// 錢玉麟在美國…任教。「…」: a quotation that opens a
				// sentence after one about a person.
				name, title = p.stopSpeaker(tags, pi, q)
			}
			if name == "" {
				// A paragraph of quotation after 嚴迅奇…首次回應：.
				name, title = p.introducedSpeaker(paras, tags, pi, q.start)
			}
			if name == "" && !qa && turns[pi] != nil && p.byName[turns[pi].speaker] != nil {
				// 曾俊華：（2014年2月26日）「…」 in an article that is no
				// interview: the line's own quotation, where the article
				// knows the person (not 古語有云：「…」).
				name, title = turns[pi].speaker, p.officialPost(turns[pi].speaker)
			}
			weak := false
			if name == "" {
				// 陳振興…他覺得，繼續做落去仍有機會，「…」: whose view the
				// sentence gives. It vouches for no short quotation.
				name, title = p.sentenceSpeakerBy(tags, pi, q.start-1, weakSpeechVerbEndingAt)
				weak = name != ""
			}
			reported := name != "" && !weak
			if t.bodyNameQuoted(q) || numberedFormula(body) {
				continue // 宣佈成立「大灣區院士聯盟」: a body's name, no words said
			}
			if t.termAfterOf(q) {
				if reported {
					// 紀思道批評博爾頓…與北韓締結的「框架協定」: no words
					// of his are quoted, but the sentence reports him
					// speaking, so a later 他又稱 means him.
					p.noteQuoteSpeaker(tags, name, title)
				}
				continue
			}
			// A quotation introduced by a speech verb (某某说:“…”) is speech even
			// when short, unless it is a list of catchwords (“…、…”). Inside a
			// sentence reporting what someone said, a phrase of two words or
			// more is that person's words; one dictionary word (“一带一路”) is
			// a term.
			if !isSentenceLike(body) && !(introduced && hanCount(body) >= 6 && !strings.ContainsRune(string(body), '、')) &&
				!(reported && shortSpeech(t, q)) {
				continue
			}
			text := strings.TrimSpace(string(orig[q.start:q.end]))
			if text == "" {
				continue
			}
			p.noteQuoteSpeaker(tags, name, title)
			out = append(out, fangtan.Quote{Text: text, Speaker: name, SpeakerTitle: title, Kind: fangtan.QuoteDirect, Paragraph: pi})
			last.end, last.name, last.title = q.end, name, title
		}
		if pi+1 < len(tags) && pi > runEnd {
			var run []fangtan.Quote
			run, runEnd = p.quoteRun(paras, tags, turns, qa, pi)
			out = append(out, run...)
		}
	}
	return out
}

// noteQuoteSpeaker marks name, the speaker found for a quotation, as one
// who speaks in the article, and makes them a person of it where
// speakerToNote allows: 賀恩德表示，「…」…。他說: a later pronoun can mean
// them.
func (p *people) noteQuoteSpeaker(tags []*tagged, name, title string) {
	if info := p.byName[name]; info != nil {
		info.speaker = true
	} else if p.speakerToNote(tags, name, title) {
		p.note(name, "", false).speaker = true
	}
}

// speakerToNote reports whether name, the speaker found for a direct
// quotation, is sure enough to become a person of the article, whom a
// later 他 or 她 may mean (noteSpeakingSubjects does the same for the
// subjects of reported speech): a post stands before it, or jieba reads
// it as one word, a person's or one it does not know, somewhere in the
// article. A country or a body speaks but is no person. A name cut short
// (文浩 of 文浩正) is noted too: the run-on rules fold it into the full
// name afterwards, with its quotes.
func (p *people) speakerToNote(tags []*tagged, name, title string) bool {
	nr := []rune(name)
	if len(nr) < 2 || isCountry(nr) || bodyName(nr) {
		return false
	}
	return title != "" || taggedAsName(tags, name)
}

// introducedSpeaker is the speaker of the lead-in paragraph before pi
// (leadInParagraph) for a quotation whose text starts at rune start of
// pi, where the quotation opens the paragraph; otherwise nobody.
func (p *people) introducedSpeaker(paras []string, tags []*tagged, pi, start int) (name, title string) {
	rs := tags[pi].runes
	if !opensWithQuote(paras[pi]) || strings.Trim(string(rs[:start-1]), paragraphFrame) != "" {
		return "", ""
	}
	if k := leadInParagraph(paras, pi); k >= 0 {
		return p.leadInSpeaker(tags[k])
	}
	return "", ""
}

// maxQuoteRun is how many paragraphs after the one that opens it a
// quotation may run on before one closes it; past that, the opening mark
// is taken for a stray one and nothing is quoted.
const maxQuoteRun = 12

// quoteRun finds a quotation that paragraph breaks cut: opened and never
// closed in paragraph pi, and closed before any opening in a later
// paragraph (“党史学习教育,不仅要让… | …有提升。”杏花岭区委书记李文权说;
// 田北俊說：「… | …」), with paragraphs of no marks between, or each
// opening with a mark it does not close, as Chinese runs a quotation over
// paragraphs (「… | 「… | 「…」, the last a quotation of its own). Each
// paragraph's part is a quote, so that every quote stays a substring of
// the paragraph it names. It returns the quotes and the run's last
// paragraph, or pi where there is no run. A run stops at an interview's
// turn (turns, where qa).
func (p *people) quoteRun(paras []string, tags []*tagged, turns []*turn, qa bool, pi int) ([]fangtan.Quote, int) {
	a := tags[pi].runes
	start, ok := unclosedTail(a)
	if !ok {
		return nil, pi
	}
	type part struct{ para, from, to int }
	parts := []part{{pi, start, len(a)}}
	closing, end := -1, 0 // the paragraph that closes the run, and where
	for k := pi + 1; k < len(tags) && k <= pi+maxQuoteRun; k++ {
		if qa && turns[k] != nil {
			return nil, pi
		}
		b := tags[k].runes
		if e, ok := unopenedHead(b); ok {
			closing, end = k, e
			parts = append(parts, part{k, 0, e})
			break
		}
		first := len(b) - len([]rune(strings.TrimLeft(string(b), paragraphFrame)))
		if !hasQuoteMark(b) {
			parts = append(parts, part{k, first, len(b)})
			continue
		}
		if first < len(b) && isOpeningMark(b[first]) {
			if s, ok := unclosedTail(b); ok && s == first+1 {
				parts = append(parts, part{k, s, len(b)}) // 「… opened again, and not closed
				continue
			}
			if closesFirst(b, first) {
				closing = k // 「…」: the run's last paragraph, a quotation of its own
				break
			}
		}
		return nil, pi
	}
	if closing < 0 {
		return nil, pi
	}
	var body []rune
	sentences := 0
	for i := range parts {
		pt := &parts[i]
		rs := tags[pt.para].runes
		for pt.to > pt.from && strings.ContainsRune(paragraphFrame, rs[pt.to-1]) {
			pt.to-- // the ** closing a bold paragraph
		}
		body = append(body, rs[pt.from:pt.to]...)
		if pt.to > pt.from && strings.ContainsRune(sentenceEnds+"…」”", rs[pt.to-1]) {
			sentences++
		}
	}
	// Verse runs its lines over paragraphs, each ending in ； or ， or
	// nothing (lyrics, a prayer, a statute's clauses): words quoted, not
	// said. A cut inside a sentence (“…,也要 | 突出重点…。”) is one of two.
	if 2*sentences < len(parts) {
		return nil, pi
	}
	var name, title string
	if end > 0 {
		name, title, _ = p.attribute(tags[closing], quoteSpan{0, end})
	}
	if name == "" {
		// 田北俊說：「… | …」: the speaker before the opening mark.
		opening := quoteSpan{start, len(a)}
		if name, title, _ = p.attribute(tags[pi], opening); name == "" {
			name, title = p.colonSpeaker(tags[pi], opening)
		}
	}
	if name == "" {
		// A run of quotation after a paragraph that introduces it (…這樣說：).
		name, title = p.introducedSpeaker(paras, tags, pi, start)
	}
	if !isSentenceLike(body) && name == "" {
		return nil, pi
	}
	var out []fangtan.Quote
	for _, pt := range parts {
		orig := []rune(paras[pt.para])
		if len(orig) != len(tags[pt.para].runes) {
			return nil, pi
		}
		if t := strings.TrimSpace(string(orig[pt.from:pt.to])); han.CountString(t) > 0 {
			out = append(out, fangtan.Quote{Text: t, Speaker: name, SpeakerTitle: title, Kind: fangtan.QuoteDirect, Paragraph: pt.para})
		}
	}
	last := parts[len(parts)-1].para
	return out, last
}

// hasQuoteMark reports whether rs holds a mark that opens or closes a
// quotation.
func hasQuoteMark(rs []rune) bool {
	for _, r := range rs {
		switch r {
		case '“', '「', '”', '」':
			return true
		}
	}
	return false
}

// closesFirst reports whether a mark closes the opening mark at
// rs[first] before another opens.
func closesFirst(rs []rune, first int) bool {
	for i := first + 1; i < len(rs); i++ {
		switch rs[i] {
		case '“', '「':
			return false
		case '”', '」':
			return true
		}
	}
	return false
}

// unclosedTail returns where the text of the last “ or 「 of rs starts when
// no mark closes it.
func unclosedTail(rs []rune) (int, bool) {
	for i := len(rs) - 1; i >= 0; i-- {
		switch rs[i] {
		case '”', '」':
			return 0, false
		case '“', '「':
			return i + 1, i+1 < len(rs)
		}
	}
	return 0, false
}

// unopenedHead returns where the first ” or 」 of rs stands when no mark
// opens before it.
func unopenedHead(rs []rune) (int, bool) {
	for i, r := range rs {
		switch r {
		case '“', '「':
			return 0, false
		case '”', '」':
			return i, i > 0
		}
	}
	return 0, false
}

func (p *people) answer(text, speaker string, para int) fangtan.Quote {
	if speaker == anonymousAnswer {
		speaker = p.answerer
	}
	q := fangtan.Quote{Text: text, Speaker: speaker, Kind: fangtan.QuoteDirect, Paragraph: para}
	if pi := p.byName[speaker]; pi != nil {
		q.SpeakerTitle = pi.bestTitle()
	}
	return q
}

// joinedQuotations reports whether the quotation that starts at start
// follows the one that ended at end with only a pause or a conjunction
// between (「…」、「…」, 「…」，「…」, 「…」，及「…」): one speaker's words,
// quoted in pieces.
func joinedQuotations(rs []rune, end, start int) bool {
	rb := []rune(strings.TrimSpace(string(rs[end:max(end, start)])))
	if len(rb) < 3 || !isOpeningMark(rb[len(rb)-1]) {
		return false
	}
	between := rb[1 : len(rb)-1]
	paused := strings.ContainsRune("、，,", between[0])
	if paused {
		between = between[1:]
	}
	if !(paused && len(between) == 0) && !slices.Contains(quoteConjunctions, string(between)) {
		return false
	}
	_, closing := quoteOpener[rb[0]]
	return closing || rb[0] == '"'
}

// quoteConjunctions join two pieces of one speaker's words (「…」，及「…」).
var quoteConjunctions = []string{"及", "以及", "和", "与"}

// inQuoteChain reports whether q touches another quotation (“…”“…”).
func inQuoteChain(rs []rune, q quoteSpan) bool {
	before := q.start - 2
	after := q.end + 1
	return (before >= 0 && strings.ContainsRune("”」’\"", rs[before])) ||
		(after < len(rs) && strings.ContainsRune("“「‘\"", rs[after]))
}

func hanCount(rs []rune) int { return han.Count(rs) }

// reportVerbs introduce reported speech (extract/data/reportverbs.txt),
// longest first.
var reportVerbs = func() [][]rune {
	words := mustList("reportverbs.txt")
	out := make([][]rune, 0, len(words))
	for _, w := range words {
		out = append(out, []rune(w))
	}
	sort.SliceStable(out, func(i, j int) bool { return len(out[i]) > len(out[j]) })
	return out
}()

// reportVerbIndex finds the reporting verb that ends at a place of a
// text: the scans ask about every rune of it.
var reportVerbIndex = func() *suffixIndex {
	words := make([]string, len(reportVerbs))
	for i, v := range reportVerbs {
		words[i] = string(v)
	}
	return newSuffixIndex(words)
}()

// reportVerbEndingAt returns the length of a reporting verb that ends at
// end, or 0.
func reportVerbEndingAt(rs []rune, end int) int {
	n := reportVerbIndex.endingAt(rs, end)
	// 小说, 据说, 听说, 可以说, 也就是说, 人称, 号称, 声称: not a report.
	if n == 1 && end >= 2 && wordRuneBefore(rs, end, reportWordRunes) {
		return 0
	}
	return n
}

// reportsSomewhere reports whether the article writes name right before
// a reporting verb, after at most a time word or an adverb (黃煒燊表示,
// 黃煒燊今日指), somewhere: a name the rules cut short (林子 of 林子健報稱,
// 黄智 of 黃智聰) never stands so, and would otherwise stand for the
// whole name wherever it is written.
func (p *people) reportsSomewhere(name string) bool {
	text := p.textRunes()
	w := []rune(name)
	for i := indexRunes(text, w, 0); i >= 0; i = indexRunes(text, w, i+1) {
		j := i + len(w)
		for j < len(text) && j-(i+len(w)) < 3 && strings.ContainsRune(sayingAdverbs, text[j]) {
			j++
		}
		for v := j + 1; v <= min(j+4, len(text)); v++ {
			if n := reportVerbEndingAt(text, v); n > 0 && v-n == j {
				return true
			}
		}
	}
	return false
}

// nameRuneVerbAt reports whether 说, 指 or 称 ends at end after one of
// runes, where speechVerbEndingAt or reportVerbEndingAt find no verb (the
// rune makes a word with it: 来说, 人称, 声称) but a name that ends in the
// rune may speak (施德來說：, 李卓人指，, 翁耀聲稱，). The speaker found must
// then be that name (nameThrough).
func nameRuneVerbAt(rs []rune, end int, runes string) bool {
	return end >= 3 && strings.ContainsRune(runes, rs[end-2]) && strings.ContainsRune("说指称", rs[end-1])
}

// nameThrough returns name where clause ends with it, or with it and 人,
// which the name rules leave off a name when they read 人称 as a word
// (吴睿 for 吳睿人稱，, 张宇 for 張宇人稱，), or "": a noun's rune (他的家人說，,
// 梁頌恒及游蕙禎兩人指，) or a word's (金庸小說, 胡國興就說).
func nameThrough(clause []rune, name string) string {
	switch c := string(clause); {
	case strings.HasSuffix(c, name):
		return name
	case strings.HasSuffix(c, name+"人"):
		return name + "人"
	}
	return ""
}

// taggedAsName reports whether jieba cut name as one word, tagged a
// person's or unknown (姚松炎/x), in a tagged paragraph of tags, and it is
// no place or country there.
func taggedAsName(tags []*tagged, name string) bool {
	n := utf8.RuneCountInString(name)
	// 马方, 毛伊岛, 车企: a side, an island, a kind of company.
	if n < 2 || strings.ContainsRune("方岛企"+guessBodyEnds, []rune(name)[n-1]) {
		return false
	}
	nr := []rune(name)
	for _, t := range tags {
		if t.byStart == nil {
			continue
		}
		for i := 0; i+n <= len(t.runes); i++ {
			if t.runes[i] != nr[0] || !equalRunes(t.runes[i:i+n], nr) {
				continue
			}
			if sp, ok := t.byStart.get(i); ok && sp.end == i+n && isNameTag(sp.tag) && !t.noForeignName(i, n) {
				return true
			}
		}
	}
	return false
}

// reported finds reported speech: a clause naming a person (or 他, 她) and
// ending in a reporting verb, then a comma or colon, then what was said up
// to the end of the sentence (李强表示，中方愿……。). What follows in
// quotation marks is a direct quote, found by quotes, not reported speech.
func (p *people) reported(paras []string, tags []*tagged) []fangtan.Quote {
	var out []fangtan.Quote
	for pi, t := range tags {
		orig := []rune(paras[pi])
		rs := t.runes
		if len(orig) != len(rs) {
			continue
		}
		var inQuote []bool // made when a verb is found: most paragraphs have none
		// The paragraph's last reported words (in out), where they end,
		// and whether a name in their clause says whose they are.
		last, lastEnd, lastNamed := -1, 0, false
		for c := 1; c < len(rs); c++ {
			if !reportVerbIndex.last.has(rs[c-1]) {
				continue
			}
			if inQuote == nil {
				inQuote = quotedMask(rs)
			}
			if inQuote[c] {
				continue
			}
			comma := strings.ContainsRune(",，:：", rs[c])
			v := reportVerbEndingAt(rs, c)
			if v == 0 && comma && p.saidAfterJiu(rs, c) {
				v = 1 // 梁振英就說，
			}
			nameRune := v == 0 && comma && nameRuneVerbAt(rs, c, reportWordRunes)
			if nameRune {
				v = 1 // 李卓人指，, 翁耀聲指，: if the speaker's name ends in the rune before it
			}
			if v == 0 || (!comma && !bareReportVerbs[string(rs[c-v:c])]) {
				continue
			}
			if !t.wordEndsAt(c) || (c-v > 0 && rs[c-v-1] == '的') || (c-v >= 2 && string(rs[c-v-2:c-v]) == "重要") {
				continue // 指示, 指明; 提出的重要要求: not a reporting verb
			}
			if c-v >= 2 && rs[c] != ':' && rs[c] != '：' && saidSo[string(rs[c-v-2:c-v])] {
				continue // 「…」崔伯如此說，心裡感到幸福: the words came before
			}
			if !comma && t.byStart == nil && !p.nameJustBefore(rs, c-v) && !(lastNamed && v >= 2 && opensSentence(rs, c-v)) {
				continue // without jieba, a bare verb is too often half a word
			}
			body := c
			if comma {
				body++
			} else if objectAt(rs, c) {
				continue // 表示感谢, 指出问题: an object, not a statement
			}
			for body < len(rs) && rs[body] == ' ' {
				body++
			}
			if body >= len(rs) || strings.ContainsRune("“「‘\"『", rs[body]) && !quotedTermOpens(rs, body) {
				continue // a direct quote follows
			}
			end := reportedEnd(t, body, inQuote)
			if han.Count(rs[body:end]) < 4 {
				continue
			}
			cs := clauseStart(rs, c-v)
			if p.negated(t, cs, c-v) {
				continue // 他没有透露，: what was not said
			}
			agent, passive := p.passiveReport(t, cs, c-v)
			if passive && agent == "" {
				continue // 劉皇發被指沒有申報: what others say of him
			}
			if atRequestOf(rs, cs, c-v, c) {
				continue // 應教宗方濟各要求，延任…: what was done at his request
			}
			if reportIsObject(rs[cs:c-v], string(rs[c-v:c])) || t.possessedAt(c-v) {
				continue // 听取情况介绍，根据习近平指示，对冯检基的主要质疑，: a noun, not a report
			}
			name, title := p.subjectOf(t, cs, c-v)
			if passive {
				name, title = agent, p.officialPost(agent) // 被吳萼洋批評，…: 吳萼洋's words
			}
			named := name != ""
			bySubject := named // not a pronoun's or the last speaker's
			if name == "" && last >= 0 && cutBefore(rs, lastEnd, cs) && pronounAt(rs, cs, c) && out[last].Speaker != "" {
				// 「…。」他又指，, …，他又指，: the pronoun right after the
				// statement it ends is that statement's speaker, whoever else its
				// words named (陳智思…「…。」他解釋，林鄭月娥…). Its words
				// were that statement's before reportedEnd cut them off,
				// so the cut gives no words to another person.
				name, title, named = out[last].Speaker, out[last].SpeakerTitle, lastNamed
			}
			if name == "" {
				name, title = p.pronounSpeaker(tags, pi, cs, c-v)
			}
			if name == "" && onlyAdverbs(rs[cs:c-v]) && cs > 0 && strings.ContainsRune(",，", rs[cs-1]) {
				// 他总结过去工作时，指自己…: the sentence's subject speaks;
				// 习近平总书记高度重视冰雪运动发展，指出…, by name.
				ss := sentenceStart(rs, cs-1)
				name, title = p.pronounSpeaker(tags, pi, ss, cs-1)
				if name == "" && !slices.ContainsFunc(rs[ss:cs-1], func(r rune) bool { return r == '他' || r == '她' }) {
					// A name that opens the sentence (sentenceSubject),
					// where no pronoun in it may be the subject instead
					// (裁判官不認同黃之鋒的說法，她認為…，認為…; 他曾尋求
					// 與安德爾森會面，希望…: his aim, not his words).
					if who, post := p.sentenceSubject(tags, pi, ss, cs-1); who != "" {
						name, title, named = who, post, true
					}
				}
			}
			if name == "" && last >= 0 && lastNamed && onlyAdverbs(rs[cs:c-v]) && (comma || v >= 2) {
				// 韩正表示，…。今年…。希望委员会…: a sentence that opens
				// with the verb goes on with the last speaker's words,
				// where a name said whose they are.
				name, title = p.speakerGoesOn(t, out[last], lastEnd, c-v)
				named = name != ""
			}
			if name == "" {
				continue // 会议指出, 中方表示: not a person
			}
			if nameRune {
				if name = nameThrough(rs[cs:c-v], name); name == "" {
					continue
				}
			}
			// A pronoun's guess is as good as a name where the paragraph
			// names nobody else before it (金正恩…習近平…。他表示 is not).
			named = named || !p.namesPersonIn(t, 0, cs, name)
			// A guess that jieba could not check, unless jieba reads the
			// same name as one word, a person's or one it does not know,
			// in another paragraph (姚松炎補充說，… in a paragraph with no
			// post or quotation mark to tag; 姚松炎/x elsewhere).
			if pi, known := p.byName[name]; t.byStart == nil && (!known || pi.reports && !pi.speaker && !pi.official) {
				// 市民朱先生表示: a form of address is a person's, if no name;
				// a name that reported in a tagged paragraph is one too, and
				// so is one a direct quote was given to (林子健今日表示，「…」,
				// where jieba cuts 林子/健).
				if !known && !taggedAsName(tags, name) && !formOfAddress([]rune(name)) && !p.quoteSpeakers[name] {
					continue
				}
				// …。他指: the pronouns after it find a person the
				// article knows.
				p.note(name, "", false).speaker = true
			}
			if cut := p.anotherReportsAt(t, body, end, name, inQuote); cut > 0 {
				// The loop goes on from the comma and reads the other
				// person's words as theirs.
				end = cut
				if han.Count(rs[body:end]) < 4 {
					continue
				}
			}
			text := strings.TrimSpace(string(orig[body:end]))
			if text == "" {
				continue
			}
			out = append(out, fangtan.Quote{Text: text, Speaker: name, SpeakerTitle: title, Kind: fangtan.QuoteReported, Paragraph: pi})
			last, lastEnd, lastNamed = len(out)-1, end, named
			if bySubject && t.byStart != nil {
				// 教授黃煒燊表示，… here makes 黃煒燊解釋，… in a later
				// paragraph, with no post or quotation mark to tag, a
				// person the article knows (personInfo.reports).
				if p.speakerToNote(tags, name, title) && p.reportsSomewhere(name) {
					p.note(name, "", false).reports = true
				}
			}
			c = end - 1
		}
	}
	return out
}

// cutBefore reports whether reported words that end at end were cut by
// reportedEnd right before the clause at cs: after the 」 of a quotation
// closed with a full stop, or at the comma before a pronoun.
func cutBefore(rs []rune, end, cs int) bool {
	return cs >= 2 && cs == end && strings.ContainsRune("」”』", rs[cs-1]) ||
		cs == end+1 && (rs[end] == '，' || rs[end] == ',')
}

// speakerGoesOn is the speaker of prev, reported words of t that end at
// prevEnd, for a reporting verb at verb with no subject before it in its
// sentence but lead-ins and adverbs (…。希望…, …。同时，要求…): where
// the sentence starts after prev, and what lies between names no other
// person and reports only that speaker's words, by name or pronoun
// (…。会议强调，… and 裁判官曾問「…」認為… stop it). Or "".
func (p *people) speakerGoesOn(t *tagged, prev fangtan.Quote, prevEnd, verb int) (name, title string) {
	rs := t.runes
	ss := sentenceStart(rs, verb)
	if ss < prevEnd || !opensSentence(rs, verb) || p.namesPersonIn(t, prevEnd, verb, prev.Speaker) {
		return "", ""
	}
	for v := prevEnd + 1; v <= ss; v++ {
		n := max(reportVerbEndingAt(rs, v), speechVerbEndingAt(rs, v))
		if n == 0 || !t.wordEndsAt(v) {
			continue
		}
		cs := clauseStart(rs, v-n)
		if who, _ := p.subjectOf(t, cs, v-n); who == prev.Speaker {
			continue
		}
		if k := skipLeadIn(rs, cs, v-n); k < v-n && pronounAt(rs, k, v-n) {
			continue
		}
		return "", ""
	}
	return prev.Speaker, prev.SpeakerTitle
}

// opensSentence reports whether only lead-ins and adverbs, and commas
// after them, stand before rune i in its sentence (…。同时，希望…). A
// clause after a semicolon is no sentence here: …；要求真务实 is 要 and
// 求真务实.
func opensSentence(rs []rune, i int) bool {
	ss := sentenceStart(rs, i)
	if ss > 0 && strings.ContainsRune(";；", rs[ss-1]) {
		return false
	}
	before := slices.DeleteFunc(slices.Clone(rs[skipLeadIn(rs, ss, i):i]), func(r rune) bool { return r == ',' || r == '，' })
	return onlyAdverbs(before)
}

// quotedTermOpens reports whether the quotation that opens at rs[body]
// is a term the sentence goes on from, no words said: after a comma, short
// and no sentence (isSentenceLike, no full stop at its end), and a Han rune
// right after its closing mark (王沪宁表示，“两个确立”是…; 佩斯科夫表示，
// “北溪”项目的紧急状态…).
func quotedTermOpens(rs []rune, body int) bool {
	// After a colon, or ending a sentence (郭說：「我都要問佢。」問他…), the
	// quotation is words said.
	k := body - 1
	for k > 0 && rs[k] == ' ' {
		k--
	}
	if k >= 0 && (rs[k] == ':' || rs[k] == '：') {
		return false
	}
	for _, q := range findQuotations(rs[body:]) {
		if q.start != 1 {
			break
		}
		closing := body + q.end
		if q.end <= q.start || strings.ContainsRune(sentenceEnds, rs[closing-1]) {
			return false
		}
		return q.end-q.start <= maxQuotedTerm && !isSentenceLike(rs[body+q.start:closing]) && closing+1 < len(rs) && isHan(rs[closing+1])
	}
	return false
}

// maxQuotedTerm is the longest quoted term, in runes, that reported words
// may open with (“一带一路”, “两个确立”, “泰中一家亲”).
const maxQuotedTerm = 12

// passiveReport reports whether the clause [cs, verb) puts its reporting
// verb in the passive: 被 right before it, or with the one who speaks
// between (被指, 被追問, 被控方指; 被立法會議員陳健文質疑 further back). The
// words are then what others say of the subject, not the subject's: agent
// is the person between 被 and the verb where one is named (被吳萼洋批評,
// not 被房署要求), the speaker. 被告 (the defendant) speaks for himself.
func (p *people) passiveReport(t *tagged, cs, verb int) (agent string, passive bool) {
	rs := t.runes
	for k := verb - 1; k >= cs && verb-k <= 10; k-- {
		if rs[k] != '被' {
			continue
		}
		// 被告 is the defendant; 被問及時否認, 被趕出會議室後表示 and
		// 被拒參選的周庭重申 report what the subject said when, or after,
		// something was done to them.
		if k+1 < len(rs) && rs[k+1] == '告' || slices.ContainsFunc(rs[k+1:verb], func(r rune) bool { return strings.ContainsRune("时后的", r) }) {
			return "", false
		}
		a := k + 1 + positionAfterStart(rs, k+1, verb) // 被立法會議員陳健文質疑
		n := p.knownNameStartingAt(rs, a)
		if n == 0 && t.byStart != nil {
			n = t.nameAt(a)
		}
		if n > 0 && a+n == verb && !t.bodyOrItsStart(a, verb) && !strings.ContainsRune(bodyEnds, rs[verb-1]) {
			return string(rs[a:verb]), true
		}
		return "", verb-k <= 5
	}
	return "", false
}

// atRequestOf reports whether the reporting verb rs[verb:end] is a
// request made a noun by 应 before the one who made it (应德州州长要求,
// 应教宗方济各要求, 回应卡罗琳医学院要求, 因应委员要求): what follows is
// what someone did at that request, not words of the requester's. 应
// that starts another word (应该, 应当, 应对…) is no preposition, and a
// verb of saying or a mark between (回应说法例明确要求, 回应事件、要求)
// makes the request a reported one.
func atRequestOf(rs []rune, cs, verb, end int) bool {
	if !slices.Contains(requestVerbs, string(rs[verb:end])) {
		return false
	}
	for k := verb - 1; k >= cs && verb-k <= maxRequester+1; k-- {
		if rs[k] != '应' {
			continue
		}
		if k+1 >= verb || strings.ContainsRune(notRequestAfterYing, rs[k+1]) {
			return false
		}
		for j := k + 1; j < verb; j++ {
			if !isHan(rs[j]) || j > k+1 && (reportVerbEndingAt(rs, j) > 0 || speechVerbEndingAt(rs, j) > 0) {
				return false
			}
		}
		return true
	}
	return false
}

// requestVerbs are the reporting verbs that 应 makes a request (应…要求).
var requestVerbs = []string{"要求", "呼吁"}

// maxRequester is how many runes may name the one who requests, with a
// post (应德州州长要求, 应中华人民共和国主席习近平要求).
const maxRequester = 14

// notRequestAfterYing are the runes that make 应 the start of another
// word: 应该, 应当, 应予, 应届, 应用, 应对, 应变, 应急, 应征, 应聘, 应考,
// 应运, 应允, 应有, 应在, 应由.
const notRequestAfterYing = "该当予届用对变急征聘考运允有在由"

// reportedEnd is where reported words that start at body end: at the end
// of the sentence, or at a semicolon outside quotation marks (inQuote)
// whose next clause opens with a family name and a reporting verb
// (Pennicott質疑，既然…；胡解釋，…: 胡's words are his own, and the pass
// reads them next) or a colon and a quotation mark (…；陳同意：「…」).
func reportedEnd(t *tagged, body int, inQuote []bool) int {
	rs := t.runes
	end := sentenceEnd(rs, body)
	for i := body + 1; i+1 < end; i++ {
		// 「…。」鄧龍威的哥哥鄧龍彪表示，: a quotation that closes with a
		// full stop ends the sentence where the next clause reports
		// words anew, someone else's or the speaker's own (「…。」她續指,
		// the next speech verb, which leads an item of its own).
		if strings.ContainsRune("」”』", rs[i]) && strings.ContainsRune("。！？!?", rs[i-1]) && han.Is(rs[i+1]) && reportsAnother(rs, i+1, end) {
			end = i + 1
			break
		}
	}
	for i := body + 1; i+1 < end; i++ {
		// …，他又指，: the pronoun's next speech verb leads an item of
		// its own, as after a closed quotation.
		if (rs[i] == '，' || rs[i] == ',') && !inQuote[i] && pronounReportsAt(t, i+1, end) {
			end = leadInsBefore(rs, body, i)
			break
		}
	}
	for i := body; i+1 < end; i++ {
		if (rs[i] != ';' && rs[i] != '；') || inQuote[i] || !surnames[rs[i+1]] {
			continue
		}
		for v := i + 3; v <= min(i+6, end); v++ {
			if n := reportVerbEndingAt(rs, v); n > 0 && v-n >= i+2 && v-n <= i+4 {
				return i
			}
			// ；陳同意：「…」: a person's own quotation after a colon.
			if v+1 < end && (rs[v] == ':' || rs[v] == '：') && strings.ContainsRune("「“『", rs[v+1]) {
				return i
			}
		}
	}
	return end
}

// anotherReportsAt is the comma in rs[body:end], the words speaker is
// reported to say, after which a clause opens with another person the
// article knows, a post before them or not, who says something in turn:
// 對於鄭若驊稱對大宅有僭建不知情，立法會前主席曾鈺成表示對鄭的說法感到奇怪
// ends 鄭若驊's words at the comma, and 曾鈺成's are his own. 0 where
// there is none. A person the first clause reports (X指，Y表示…) is
// within X's words: the clause at body is not looked at, nor one after
// a clause that ends in 是 (值得一提的是，…), which it completes.
func (p *people) anotherReportsAt(t *tagged, body, end int, speaker string, inQuote []bool) int {
	rs := t.runes
	for i := body; i+1 < end; i++ {
		if (rs[i] != '，' && rs[i] != ',') || inQuote[i] {
			continue
		}
		// 值得一提的是，埃尔多安说…: what follows 是 completes the
		// speaker's own clause.
		if rs[i-1] == '是' {
			continue
		}
		k := i + 1
		for k < end && strings.ContainsRune(" "+clauseConjunctions, rs[k]) {
			k++
		}
		e := k + positionAfterStart(rs, k, end)
		n := p.knownNameStartingAt(rs, e)
		if n == 0 && e > k {
			e, n = k, p.knownNameStartingAt(rs, k)
		}
		if n == 0 || e+n >= end {
			continue
		}
		other := string(rs[e : e+n])
		pi := p.byName[other]
		if other == speaker || pi == nil || pi == p.byName[speaker] || !(pi.official || pi.speaker || pi.reports) || rs[e+n] == '的' {
			continue
		}
		j := e + n
		for j < end && j-(e+n) < 3 && strings.ContainsRune(sayingAdverbs, rs[j]) {
			j++
		}
		for v := j + 1; v <= min(j+4, end-1); v++ {
			if reportVerbEndingAt(rs, v) != v-j || !t.wordEndsAt(v) {
				continue
			}
			if strings.ContainsRune(",，:：", rs[v]) || bareReportVerbs[string(rs[j:v])] && !objectAt(rs, v) {
				return i
			}
		}
	}
	return 0
}

// saidSo are the words before a reporting verb that point back at the
// words already given (如此說, 这么说): what follows the comma is narration.
var saidSo = map[string]bool{"如此": true, "这样": true, "这么": true, "如是": true}

// pronounReportsAt reports whether the clause at rs[k:end] is 他 or 她,
// adverbs at most, and a reporting verb before a comma and words that are
// no quotation (他又指，…), or a bare one (barereportverbs.txt) that
// jieba ends a word with and no object follows (他稱博爾頓堅稱…): the same
// speaker, or another, reporting anew.
// A quotation after the verb (他解釋：「…」, 他指出，“…”) is left inside
// the words it follows, whose speaker it takes (quotesInReported).
func pronounReportsAt(t *tagged, k, end int) bool {
	rs := t.runes
	if !pronounAt(rs, k, end) {
		return false
	}
	for v := k + 2; v <= min(k+6, end-2); v++ {
		n := reportVerbEndingAt(rs, v)
		if n == 0 || v-n <= k || !onlyAdverbs(rs[k+1:v-n]) {
			continue
		}
		if rs[v] == '，' || rs[v] == ',' {
			return !isOpeningMark(rs[v+1])
		}
		// …，他稱博爾頓堅稱…: a bare verb reports too, where jieba ends
		// a word with it (not 他称赞, 他指示) and no object follows it
		// (他表示感謝), as the statement it opens is then found.
		if bareReportVerbs[string(rs[v-n:v])] && t.byStart != nil && t.wordEndsAt(v) && isHan(rs[v]) && !objectAt(rs, v) {
			return true
		}
	}
	return false
}

// leadInsBefore is where reported words that start at body end when the
// clause after the comma at i reports anew: at i, or before the clauses
// that lead into it (…；在重庆，他要求，: 在重庆 is the next statement's
// setting), lead-ins, a place after 在 or a time (timeClause), back to a
// quotation closed with a full stop (「…。」不過，他表示，).
func leadInsBefore(rs []rune, body, i int) int {
	for {
		cs := max(clauseStart(rs, i), body)
		leads := skipLeadIn(rs, cs, i) == i || (rs[cs] == '在' && i-cs <= 6) || timeClause(rs, cs, i) || leadClause(rs, cs, i)
		if cs <= body+1 {
			if leads {
				return body // 表示，在與特朗普會談後，他表示: no words of its own
			}
			return i
		}
		closed := strings.ContainsRune("」”』", rs[cs-1]) && strings.ContainsRune("。！？!?", rs[cs-2])
		if !leads || !strings.ContainsRune(",，;；", rs[cs-1]) && !closed {
			return i
		}
		if closed {
			return cs // 「…。」不過，他表示，: the words end with the quotation
		}
		i = cs - 1
	}
}

// leadClauses open a clause that leads into the statement after it
// (extract/data/leadclauses.txt).
var leadClauses = mustList("leadclauses.txt")

// leadClause reports whether rs[cs:end] is a clause that leads into the
// statement after it: a condition or a topic (如果…, 至於…方面), or one
// that 的是 ends (更重要的是; not 而是, which ends a statement's half).
func leadClause(rs []rune, cs, end int) bool {
	return anyWordAt(rs[:end], cs, leadClauses) || end-cs >= 2 && string(rs[end-2:end]) == "的是"
}

// timeClauseEnds end a clause that says when (盘问时, 会见后): what
// follows happens then, and is said by the clause after it.
const timeClauseEnds = "时后"

// timeClause reports whether rs[cs:end] says when, ending in one of
// timeClauseEnds (他之后接受盘问时，再问到…时，他再指出).
func timeClause(rs []rune, cs, end int) bool {
	return end-cs >= 2 && strings.ContainsRune(timeClauseEnds, rs[end-1])
}

// reportsAnother reports whether the clause at rs[k:] ends, within 16
// runes, in a reporting verb and a comma or colon: a statement of its own.
func reportsAnother(rs []rune, k, end int) bool {
	for v := k + 2; v <= min(k+16, end-1); v++ {
		if strings.ContainsRune(clauseBreaks+sentenceEnds+"「“", rs[v-1]) {
			return false
		}
		if n := reportVerbEndingAt(rs, v); n > 0 && v-n > k && strings.ContainsRune(",，:：", rs[v]) {
			return true
		}
	}
	return false
}

// reportHeads take a reporting verb as their object (听取情况介绍,
// 根据习近平指示): extract/data/reportheads.txt. reportNouns are the
// verbs that can be such an object: extract/data/reportnouns.txt.
var (
	reportHeads = mustList("reportheads.txt")
	reportNouns = setOfList(mustList("reportnouns.txt"))
)

// reportIsObject reports whether verb, after clause, is the object of a
// report head: the briefing heard or the instruction followed (习近平听取
// 当地情况介绍，; 根据习近平指示，). A clause that goes on to 时 or 后
// (在听取汇报时强调，) makes the verb the speaker's own, and so does a verb
// of saying (根据吴文远称，).
func reportIsObject(clause []rune, verb string) bool {
	if !reportNouns[verb] || len(clause) == 0 || strings.ContainsRune(timeClauseEnds, clause[len(clause)-1]) {
		return false
	}
	text := string(clause)
	for _, h := range reportHeads {
		if strings.Contains(text, h) {
			return true
		}
	}
	return false
}

// possessedAt reports whether the reporting verb at i is a noun that 的
// owns, right before it or before one word that qualifies it
// (对冯检基的主要/b 质疑，: the doubt, not a report); false where the text
// was not cut.
func (t *tagged) possessedAt(i int) bool {
	if i > 0 && t.runes[i-1] == '的' {
		return true
	}
	if t.byEnd == nil {
		return false
	}
	sp, ok := t.byEnd.get(i)
	return ok && tagIn(sp.tag, "ab") && sp.start > 0 && t.runes[sp.start-1] == '的'
}

// reportNegations before a reporting verb say that nothing was said
// (他未透露具体数量): extract/data/reportnegations.txt.
var reportNegations = mustList("reportnegations.txt")

// negated reports whether the clause rs[start:verb] ends in a negation
// (他没有透露，). A rune of a negation may also end a name: 艾未未表示,
// which jieba may cut 艾未/未/表示. A name known to the article, or one
// the name rules read there and the article writes again, ends there
// instead, unless a known name ends right before the negation
// (姆钦没有透露).
func (p *people) negated(t *tagged, start, verb int) bool {
	rs := t.runes
	k := 0
	for _, n := range reportNegations {
		m := utf8.RuneCountInString(n)
		if m > k && verb-m >= start && string(rs[verb-m:verb]) == n {
			k = m
		}
	}
	if k == 0 {
		return false
	}
	if p.knownNameEndingAt(rs, verb-k) >= 0 {
		return true
	}
	if p.knownNameEndingAt(rs, verb) >= 0 {
		return false
	}
	if k == 1 {
		for i := verb - 2; i >= start && i >= verb-4; i-- {
			if t.nameAt(i) == verb-i && p.mentions(string(rs[i:verb])) >= 2 {
				return false
			}
		}
	}
	return true
}

// bareReportVerbs may introduce reported speech without a comma, as Hong
// Kong news writes it (曾俊华指自己…, 林郑表示会面时间长短…):
// extract/data/barereportverbs.txt.
var bareReportVerbs = setOfList(mustList("barereportverbs.txt"))

// reportObjects are what a reporting verb takes as an object rather than
// introducing a statement (表示感谢, 表示祝贺, 指出问题):
// extract/data/reportobjects.txt.
var reportObjects = mustList("reportobjects.txt")

func objectAt(rs []rune, i int) bool {
	for _, o := range reportObjects {
		if runesHasPrefix(rs[i:], o) {
			return true
		}
	}
	return !isHan(rs[i]) && rs[i] != '自'
}

// latinBeforeTitledName reports whether the Latin name at [s, e) stands
// before a post and a name in the clause that ends at verbStart (Airbnb香港
// 暨台灣公共政策總監蔡文宜指出): it names the body the speaker works for.
func (t *tagged) latinBeforeTitledName(s, e, verbStart int) bool {
	if !isLatinLetter(t.runes[s]) || t.byStart == nil {
		return false
	}
	for j := e + 1; j < verbStart; j++ {
		if positionEndingAt(t.runes, j) > 0 && t.nameAt(j) >= 2 {
			return true
		}
	}
	return false
}

// subjectOf finds who speaks in the clause rs[start:verbStart]: the first
// known person named in it (王毅在会见普京时表示: 王毅), else the name just
// before the verb (speakerOfClause). A clause with no subject of its own
// (…，又指…) takes the first person of its sentence.
func (p *people) subjectOf(t *tagged, start, verbStart int) (name, title string) {
	rs := t.runes
	for i := start; i < verbStart; i++ {
		// 陪審團昨日曾向法官彭寶琴表示: a known person after 向 and a
		// post hears the words (listenerAt), as in nameBeforeVerb.
		if n := p.knownNameStartingAt(rs, i); n > 0 && i+n <= verbStart && !objectName(rs, i, i+n, verbStart) && spokespersonAfter(rs, i+n, verbStart) < 0 && !t.latinBeforeTitledName(i, i+n, verbStart) && !t.listenerAt(start, i) && !ownerOfSubject(rs, i+n, verbStart) {
			if t.pronounActsOn(start, i) && !wordsNotSpoken(rs[start:i]) {
				// 他接着評論習近平在非洲之行說: the pronoun's verb takes
				// the name as its object, as in nameBeforeVerb.
				break
			}
			name = string(rs[i : i+n])
			if pi := p.byName[name]; pi != nil && (pi.official || pi.speaker || pi.reports) && !t.bodyOrItsStart(i, i+n) {
				if pi.official {
					title = pi.bestTitle()
				}
				return name, title
			}
		}
	}
	if name, title = p.speakerOfClause(t, start, verbStart); name != "" {
		return name, title
	}
	if name, title = p.appositiveSubject(t, start, verbStart); name != "" {
		return name, title
	}
	return p.earlierClauseSubject(t, start, verbStart)
}

// ownerOfSubject reports whether the name that ends at end owns what the
// clause goes on to name before its verb (教宗方济各所属耶稣会旗下杂志《America》指,
// 梁振英旗下团队表示): the one that speaks is theirs, not them.
func ownerOfSubject(rs []rune, end, verbStart int) bool {
	for _, w := range ownerWords {
		if runesHasPrefix(rs[end:verbStart], w) {
			return true
		}
	}
	return false
}

// ownerWords follow a name that owns the subject after them.
var ownerWords = []string{"所属", "旗下"}

// clauseConjunctions are the conjunctions and adverbs a clause may open
// with before its subject (但张超雄…, 并, 同时): the subject comes after
// them.
const clauseConjunctions = "但而并又亦则更还也另同时再且"

// earlierClauseSubject is the speaker of a clause of adverbs alone before
// its verb (…，又指; …，直斥：): the subject of the nearest clause before,
// in the same sentence, that opens with a person (陈健波…，但张超雄不满裁决，
// 质问…: 张超雄).
func (p *people) earlierClauseSubject(t *tagged, start, verbStart int) (name, title string) {
	rs := t.runes
	if !(onlyAdverbs(rs[start:verbStart]) || p.occasionOnly(t, start, verbStart)) || start == 0 || !strings.ContainsRune(",，", rs[start-1]) {
		return "", ""
	}
	s := sentenceStart(rs, start-1)
	for ce := start - 1; ce > s; {
		cs := ce
		for cs > s && !strings.ContainsRune(",，", rs[cs-1]) {
			cs--
		}
		k := cs
		for k < ce && strings.ContainsRune(" ”」’』"+clauseConjunctions, rs[k]) {
			k++
		}
		// 主席佩雷斯亦为…: a post may come before the name, but not
		// after a verb of saying or believing, whose object the name is
		// (表示仍相信教宗方济各对…不知情).
		if e := k + positionAfterStart(rs, k, ce); e > k && !saysBeforePost(t, k, e) && !p.actsBeforePost(t, k, e) && p.knownNameStartingAt(rs, e) > 0 {
			k = e
		}
		// 邓太的战友、…阿强…: a name before 的 is a modifier's.
		if n := p.knownNameStartingAt(rs, k); n > 0 && (k+n >= len(rs) || rs[k+n] != '的') {
			name = string(rs[k : k+n])
			if pi := p.byName[name]; pi != nil && (pi.official || pi.speaker) {
				if pi.official {
					title = pi.bestTitle()
				}
				return name, title
			}
		}
		if t.byStart != nil {
			if n := t.nameAt(k); n >= 2 && k+n < ce && rs[k+n] != '的' {
				return string(rs[k : k+n]), ""
			}
		}
		// 梁並無正面回應，只表示：: a family name alone, before an
		// adverb, is the article's one person of that name who speaks or
		// holds a post (familyNameSpeaker).
		if k+1 < ce && surnames[rs[k]] && strings.ContainsRune(familyAloneNext, rs[k+1]) && p.knownNameStartingAt(rs, k) == 0 && t.oneRuneWordAt(k) {
			if pi := p.onlyOfFamily(rs[k]); pi != nil {
				if pi.official {
					title = pi.bestTitle()
				}
				return pi.name, title
			}
		}
		ce = cs - 1
	}
	return "", ""
}

// actsBeforePost reports whether the clause at rs[k:] opens with a person
// who does something before the post that ends at e: the clause is
// theirs, not the person's after the post (涂謹申將去信行政長官林鄭月娥，
// 希望…; 习近平主席会见美国国务卿布林肯，表示…). A person whose name runs
// into the post names its body (林鄭月娥競選辦主任陳智思), and a place the
// name rules read as a person is no one who acts (明尼阿波利斯市长弗雷).
func (p *people) actsBeforePost(t *tagged, k, e int) bool {
	n := p.knownNameStartingAt(t.runes, k)
	if n == 0 {
		return false
	}
	pi := p.byName[string(t.runes[k:k+n])]
	return pi != nil && (pi.official || pi.speaker) && k+n < titleBefore(t, e)
}

// saysBeforePost reports whether a verb of saying, reporting or believing
// ends in rs[k:e] before the post word that ends at e: the post and the
// name after it are then what is said or believed of (仍相信国务院总理
// 李强不知情), not the clause's subject.
func saysBeforePost(t *tagged, k, e int) bool {
	rs := t.runes
	for j := k + 1; j <= e-positionEndingAt(rs, e); j++ {
		n := max(reportVerbEndingAt(rs, j), speechVerbEndingAt(rs, j), weakSpeechVerbEndingAt(rs, j))
		// 叙利亚问题特使: a verb's rune inside a word is none; 被问到立法会
		// 议员何君尧…说: asked about, the person is the one who then speaks.
		if n == 0 || !t.wordEndsAt(j) || j-n > 0 && rs[j-n-1] == '被' {
			continue
		}
		return true
	}
	return false
}

// occasionOnly reports whether rs[start:verbStart] is an occasion and
// nothing else (何俊謙…收到校方通知書後，在記者會上說): a clause with no
// subject of its own, which has the clause before's.
func (p *people) occasionOnly(t *tagged, start, verbStart int) bool {
	rs := t.runes
	k := skipLeadIn(rs, start, verbStart)
	return k < verbStart && verbStart-k <= maxOccasionRunes && occasionAt(rs, k) && strings.ContainsRune("上时中后", rs[verbStart-1]) && !p.namesPersonIn(t, k, verbStart, "") && !t.latinWordIn(k, verbStart)
}

// oneRuneWordAt reports whether jieba cut rs[k] as a word of its own
// (梁/nr 并/c, not 张又侠/nr); true where the text was not cut.
func (t *tagged) oneRuneWordAt(k int) bool {
	if t.byStart == nil {
		return true
	}
	sp, ok := t.byStart.get(k)
	return ok && sp.end == k+1
}

// familyAloneNext are the adverbs after which a family name opening a
// clause stands alone for a person (梁並無, 陳未, 黃不): no rune a given
// name starts with often.
const familyAloneNext = "并无没未不也则就曾已再只即便还均都却"

// quotedMask marks the runes inside quotation marks.
func quotedMask(rs []rune) []bool {
	mask := make([]bool, len(rs))
	for _, q := range findQuotations(rs) {
		for i := q.start; i < q.end && i < len(mask); i++ {
			mask[i] = true
		}
	}
	return mask
}

// sentenceEnd returns the end of the sentence that starts at i: just after
// its closing 。！？ (outside quotation marks), or the end of the text.
func sentenceEnd(rs []rune, i int) int {
	depth := 0
	for ; i < len(rs); i++ {
		switch rs[i] {
		case '“', '「', '『', '‘':
			depth++
		case '”', '」', '』', '’':
			if depth > 0 {
				depth--
			}
		case '。', '!', '！', '?', '？':
			if depth == 0 {
				return i + 1
			}
		}
	}
	return len(rs)
}

// pronounSpeaker resolves a clause whose subject is 他 or 她 (他说, 她表示,
// 他当天还表示) to the person last named before it: in the paragraph, or
// else in the paragraphs before.
func (p *people) pronounSpeaker(tags []*tagged, pi, start, verbStart int) (name, title string) {
	rs := tags[pi].runes
	k := start
	k = skipLeadIn(rs, k, verbStart)
	if k >= verbStart || (rs[k] != '他' && rs[k] != '她') || (k+1 < len(rs) && rs[k+1] == '们') {
		return "", ""
	}
	for q := pi; q >= 0 && pi-q < 3; q-- {
		limit := len(tags[q].runes)
		if q == pi {
			limit = k
		} else if p.unknownSpeakerBefore(tags[pi], k) {
			// 林錦標指，…。他表示: someone the rules cannot name spoke
			// in this paragraph; the pronoun is theirs, not the last
			// paragraph's speaker's.
			return "", ""
		} else if name := p.strangerOpening(tags[pi]); name != "" && !othersSpeakBefore(tags[pi], name, k) {
			// 羅國輝是ATUM團隊中跟曾俊華最多的一位…。他說: the paragraph
			// opens with a person the article names no more, whom the
			// pronoun means, not the last paragraph's speaker.
			return name, ""
		}
		near := q == pi || q == pi-1 && skipLeadIn(rs, 0, k) == k
		if name, found := p.lastSubjectIn(tags[q], limit, near); found {
			if addressedAsOtherSex(name, rs[k]) {
				return "", "" // 她 is no 谢先生, 他 no 林小姐
			}
			if info := p.byName[name]; info != nil && info.official {
				title = info.bestTitle()
			}
			return name, title
		}
	}
	return "", ""
}

// maleAddresses and femaleAddresses are the forms of address of each
// sex (extract/data/addresssexes.txt).
var maleAddresses, femaleAddresses = addressSexes(mustTable("addresssexes.txt"))

func addressSexes(rows []tableRow) (male, female []string) {
	for _, r := range rows {
		switch r.key {
		case "male":
			male = append(male, r.values...)
		case "female":
			female = append(female, r.values...)
		default:
			panic("extract/data/addresssexes.txt: unknown sex " + r.key)
		}
	}
	return male, female
}

// addressedAsOtherSex reports whether name is a family name and a form of
// address of the other sex than the pronoun's: 先生 for 她; 小姐, 女士 or
// 太太 for 他.
func addressedAsOtherSex(name string, pronoun rune) bool {
	if !formOfAddress([]rune(name)) {
		return false
	}
	words := femaleAddresses
	if pronoun == '她' {
		words = maleAddresses
	}
	for _, h := range words {
		if strings.HasSuffix(name, h) {
			return true
		}
	}
	return false
}

// clauseOpener is the person of the article (an official, a speaker or
// someone with a title) whom the clause rs[cs:end] introduces: it opens
// with their post and name (前廣播處副處長戴健文也有現身會場,
// 南卡州共和黨參議員葛蘭姆嚴厲斥責民主黨), and no 他 or 她 in it stands
// for another (曾俊華當時問他會否參選). A name alone is as often the one
// who did something to the pronoun's person (劉慧卿多次追問之下，他笑言),
// so it gives "".
func (p *people) clauseOpener(t *tagged, cs, end int) string {
	rs := t.runes
	k := skipLeadIn(rs, cs, end)
	e := k + positionAfterStart(rs, k, end)
	if e == k || t.byEnd == nil || titleBefore(t, e) > k {
		return ""
	}
	k = e
	n := p.knownNameStartingAt(rs, k)
	if n == 0 || k+n >= end || !t.personIsSubject(k, k+n) || strings.ContainsAny(string(rs[k+n:end]), "他她") {
		return ""
	}
	name := string(rs[k : k+n])
	if info := p.byName[name]; info != nil && (info.official || info.speaker || len(info.titles) > 0) {
		return name
	}
	return ""
}

// unnamedPeople open a clause about one person the article does not name
// (extract/data/unnamedpeople.txt: 一名, 另一位).
var unnamedPeople = mustList("unnamedpeople.txt")

// unknownSpeakerBefore reports whether, before rune k of t, a speech or
// report verb has a clause whose speaker the rules cannot name, so that a
// pronoun after it is theirs, not someone's of the paragraphs before:
//   - a clause of three runes and nothing else, the first a family name of
//     nobody the article knows, which jieba does not read as one person's
//     word (林/ng 錦標/n 指，…。他表示);
//   - a clause that opens with one of unnamedPeople and names no person the
//     article knows (另一名入行3年的記者表示，…。她續說; 另一名交通警員楊載豪稱，
//     …。他又稱).
func (p *people) unknownSpeakerBefore(t *tagged, k int) bool {
	rs := t.runes
	for v := 1; v <= k; v++ {
		n := max(speechVerbEndingAt(rs, v), reportVerbEndingAt(rs, v))
		if n == 0 || !t.wordEndsAt(v) {
			continue
		}
		cs := skipLeadIn(rs, clauseStart(rs, v-n), v-n)
		if v-n-cs == 3 && surnames[rs[cs]] && allHanRunes(rs[cs:v-n]) && p.knownNameStartingAt(rs, cs) == 0 && !p.sureName(t, string(rs[cs:v-n]), cs) && p.onlyOfFamily(rs[cs]) == nil {
			return true
		}
		if anyWordAt(rs, cs, unnamedPeople) && !p.namesKnownPerson(rs, cs, v-n) {
			return true
		}
	}
	return false
}

// namesKnownPerson reports whether a person the article knows is named in
// rs[from:to].
func (p *people) namesKnownPerson(rs []rune, from, to int) bool {
	for i := from; i < to; i++ {
		if p.knownNameStartingAt(rs, i) > 0 {
			return true
		}
	}
	return false
}

// othersSpeakBefore reports whether, after t's first sentence and before
// rune k, a speech or report verb has a clause that opens with neither a
// pronoun nor the family name of name, the person who opens t: someone
// else may have spoken since (長毛說，…，但他表示).
func othersSpeakBefore(t *tagged, name string, k int) bool {
	rs := t.runes
	family := []rune(name)[0]
	for v := sentenceEnd(rs, 0) + 1; v <= k; v++ {
		n := max(speechVerbEndingAt(rs, v), reportVerbEndingAt(rs, v))
		if n == 0 || !t.wordEndsAt(v) {
			continue
		}
		cs := clauseStart(rs, v-n)
		cs = skipLeadIn(rs, cs, v-n)
		if cs < v-n && !strings.ContainsRune("他她", rs[cs]) && rs[cs] != family {
			return true
		}
	}
	return false
}

// strangerOpening is the name that opens t, past its lead-in, where it
// is no person the article knows and jieba reads it as one word of three
// runes or more, a person's or one it does not know (羅國輝/x), that
// starts with a family name; or "".
func (p *people) strangerOpening(t *tagged) string {
	rs := t.runes
	k := skipLeadIn(rs, 0, len(rs))
	if k >= len(rs) || t.byStart == nil || p.knownNameStartingAt(rs, k) > 0 {
		return ""
	}
	sp, ok := t.byStart.get(k)
	if !ok || !isNameTag(sp.tag) || sp.end-sp.start < 3 || t.nameAt(k) != sp.end-sp.start || !startsWithSurname(rs[k:sp.end]) || t.bodyOrItsStart(k, sp.end) || t.noForeignName(k, sp.end-k) {
		return ""
	}
	// 馮檢基選舉代理人黃小姐，…她透露: a person named at the end of the
	// opening clause is its subject, and the first name a modifier.
	ce := sp.end
	for ce < len(rs) && !strings.ContainsRune(clauseBreaks+sentenceEnds, rs[ce]) {
		ce++
	}
	for j := sp.end; j < ce; j++ {
		if n := t.nameAt(j); n >= 2 && j+n >= ce-1 && startsWithSurname(rs[j:j+n]) {
			return ""
		}
	}
	// 馮檢基選舉代理人黃小姐…，她透露: the name must be the subject,
	// followed by a verb, an adverb, a time or a comma, not by a noun.
	if sp.end < len(rs) && !strings.ContainsRune(",，", rs[sp.end]) {
		next, ok := t.byStart.get(sp.end)
		if !ok || !tagIn(next.tag, "vdpcftr") || next.tag == "vn" {
			return ""
		}
	}
	return string(rs[k:sp.end])
}

// lastSubjectIn returns the subject of the last sentence of t's first
// limit runes that names a known person: the first person it names
// (林郑月娥…批评…王志民… gives 林郑月娥) and was not asked about. found is
// false where no sentence names one; a sentence whose subject is a person
// it cannot name (a possessor's counsel, 代表…的大律師) ends the search
// with found and no name, so that the pronoun goes to nobody rather than
// to someone an earlier paragraph names. near says that t is the
// pronoun's paragraph, or the one before a paragraph the pronoun opens:
// a witness called there (witnessIn) is whom the pronoun means.
func (p *people) lastSubjectIn(t *tagged, limit int, near bool) (name string, found bool) {
	rs := t.runes[:limit]
	end := len(rs)
	// 林鄭月娥今日…舉行記者會，前廣播處副處長戴健文也有現身會場，他稱: a
	// pronoun that opens a clause goes on with the person who opens the
	// clause before it, where one does, not with the sentence's first.
	if end > 1 && strings.ContainsRune(",，", rs[end-1]) {
		if name := p.clauseOpener(t, clauseStart(rs, end-1), end-1); name != "" {
			return name, true
		}
	}
	for end > 0 {
		start := end - 1
		for start > 0 && !strings.ContainsRune(sentenceEnds, rs[start-1]) {
			start--
		}
		// 不過，…大律師陳文敏批評，…。他續指: a first clause that is only a
		// lead-in leaves the sentence to the clause after it.
		if k := skipLeadIn(rs, start, end); k > start && k+1 < end && strings.ContainsRune(",，", rs[k]) {
			start = k + 1
		}
		k := start
		k = skipLeadIn(rs, k, end)
		if k < end && (rs[k] == '他' || rs[k] == '她') {
			// 她批评，…王志民…: the sentence's subject is the pronoun,
			// whose person an earlier sentence names.
			end = start
			continue
		}
		// A sentence that opens by reporting speech (警署警長梁耀基供稱，…，
		// 但黃之鋒仍…。他稱) is its speaker's: the pronoun after it goes on
		// with the testimony, not with a person the testimony names.
		if name := p.openingSpeaker(t, start, end); name != "" {
			return name, true
		}
		// 控方又傳召港島區衝鋒隊警長吳國章作供。他供稱: the witness called,
		// near the pronoun only.
		if near {
			if name := p.witnessIn(t, start, end); name != "" {
				return name, true
			}
		}
		// 被問到…，鍾錦華表示，…。他又指: a clause of what was asked or of a
		// topic comes before the speaker's.
		if k := skipLeadIn(rs, start, end); k < end && (opensWithTopic(rs[k:end]) || runesHasPrefix(rs[k:end], "被问")) {
			if c := k + clauseLength(rs[k:end]); c+1 < end {
				if name := p.openingSpeaker(t, c+1, end); name != "" {
					return name, true
				}
				// …and its subject opens the next clause (被問及…，彭定康重提…).
				start = c + 1
			}
		}
		// The subject opens the sentence, after at most a time or a post
		// (中共中央政治局常委、中央纪委书记李希…); a lead-in ending in a
		// colon (央视网消息：) is not part of it. A colon that opens a
		// quotation (蔡子強表示無法預計：「佢（陳帆）…) ends the speaker's
		// clause instead: the names after it are the speaker's words.
		for c := end - 1; c > start; c-- {
			if rs[c-1] == ':' || rs[c-1] == '：' {
				if isOpeningMark(rs[c]) {
					end = c - 1
					continue
				}
				start = c
				break
			}
		}
		titledLatin, latinAt := "", 0 // 御用大律師David Perry作陳詞, when no rule below finds another
		for i := start; i < end && i-start <= 40; i++ {
			latin := false
			if i-start > 12 && positionEndingAt(rs, i) == 0 {
				if latin = titledLatin == "" && latinNameAfterTitle(rs, start, i); !latin {
					continue
				}
			}
			if n := p.knownNameStartingAt(rs, i); n > 0 && !t.askedAbout(start, i) {
				name := string(rs[i : i+n])
				if info := p.byName[name]; info != nil && (info.official || info.speaker || len(info.titles) > 0) {
					if latin {
						titledLatin, latinAt = name, i
						continue
					}
					if h := t.possessorOfPerson(i + n); h >= 0 {
						// 代表梁振英及律政司的資深大律師莫樹聯不同意: the
						// subject is the counsel, not his client; a
						// person the rules cannot be sure of is nobody's
						// name, and no earlier sentence's subject either.
						if m := t.nameAt(h); m >= 2 && p.sureName(t, string(rs[h:h+m]), h) {
							return string(rs[h : h+m]), true
						}
						return "", true
					}
					return name, true
				}
			}
		}
		// 馬德里加洛斯三世大學政治科學系教授西蒙…認為，「…」他指: a
		// sentence that opens with a body's name (bodynames.txt) and
		// names no one the article knows is about one of the body's
		// people; the pronoun is theirs, not an earlier sentence's
		// subject's.
		if k := skipLeadIn(rs, start, end); k < end && t.byStart != nil {
			if n := t.nameAt(k); n >= 2 && anyWordAt(rs, k+n, bodyNameWords) {
				return "", true
			}
		}
		// …，誠信連番受到質疑，鄭若驊被問到有否考慮過辭職？: a long sentence
		// whose last clause opens with the person it is about.
		if cs := clauseStart(rs, end-1); cs-start > 40 {
			k := skipLeadIn(rs, cs, end)
			if n := p.knownNameStartingAt(rs, k); n > 0 && !t.askedAbout(start, k) {
				name := string(rs[k : k+n])
				if info := p.byName[name]; info != nil && (info.official || info.speaker || len(info.titles) > 0) {
					return name, true
				}
			}
		}
		if titledLatin != "" {
			// Ian Pennicott問到…時，…，陳傑霖表示同意，但他指出: a later
			// clause that opens with a person of the article is theirs.
			if name := p.lastClauseOpener(t, latinAt, end); name != "" {
				return name, true
			}
			return titledLatin, true
		}
		end = start
	}
	return "", false
}

// testimonyWords are the words of testimony.txt.
var testimonyWords = mustList("testimony.txt")

// witnessIn is the person named right before a testimony word
// (testimony.txt) in the sentence [start, end): a witness called to give
// evidence (傳召警長吳國章作供); or "".
func (p *people) witnessIn(t *tagged, start, end int) string {
	rs := t.runes
	for i := start + 2; i < end; i++ {
		w := ""
		for _, tw := range testimonyWords {
			if runesHasPrefix(rs[i:end], tw) {
				w = tw
				break
			}
		}
		// 楊德忠作供後，夏正民提出…: a time after the testimony, whose
		// sentence is another person's.
		if w == "" || (i+utf8.RuneCountInString(w) < end && strings.ContainsRune("后完毕", rs[i+utf8.RuneCountInString(w)])) {
			continue
		}
		// A family name and two runes right before the word, where
		// jieba starts a word, are a name whatever it cuts after (吴国/ns
		// 章作供/x; not 贸易/政策作证); uncut, where the article writes
		// them again or the sentence says the witness was called (传召).
		// The witness is a person of the article from then on, as a
		// speaker would be.
		for n := 4; n >= 2; n-- {
			k := i - n
			if k < start {
				continue
			}
			name := string(rs[k:i])
			sure := t.nameAt(k) == n && p.sureName(t, name, k)
			if !sure && n == 3 && allHanRunes(rs[k:i]) && startsWithSurname(rs[k:i]) {
				if t.byStart != nil {
					sure = t.wordStartsAt(k)
				} else {
					sure = p.mentions(name) >= 2 || strings.Contains(string(rs[start:k]), "传召")
				}
			}
			if sure {
				p.note(name, "", false).speaker = true
				return name
			}
		}
		i += utf8.RuneCountInString(w) - 1
	}
	return ""
}

// possessorOfPerson returns where the name of the person starts whom
// the name ending at e possesses, or -1: 的 follows it in its clause, with
// no verb, preposition or pronoun between, before a post or a word for a
// person (up to two runes after 的) that a name follows
// (代表梁振英及律政司的資深大律師莫樹聯, 何志平92歲的母親何張燦霞). A
// spokesperson's word (spokespeople.txt) with no name after it but a
// speech verb soon after is such a person whom the text does not name
// (林鄭月娥的發言人表示): it returns where the word ends.
// That person, not the name, is who the clause is about. A post that a
// noun follows is the name's own (馬時亨的港鐵主席任期).
func (t *tagged) possessorOfPerson(e int) int {
	rs := t.runes
	// Without jieba's cut no verb can be told apart: only a 的 right
	// after the name, or after a list it opens (梁振英及律政司的), will do.
	if t.byStart == nil && e < len(rs) && rs[e] != '的' && !strings.ContainsRune("及和与、", rs[e]) {
		return -1
	}
	for j := e; j < len(rs) && j-e <= 12; j++ {
		if strings.ContainsRune(clauseBreaks+sentenceEnds+"“「", rs[j]) {
			return -1
		}
		if t.byStart != nil {
			if sp, ok := t.byStart.get(j); ok && (sp.tag == "v" || sp.tag == "vd" || sp.tag == "p" || sp.tag == "r") {
				return -1
			}
		}
		if rs[j] != '的' {
			continue
		}
		h := j + 1
		// 的資深大律師莫樹聯: up to two runes may qualify the word.
		for q := h; q <= h+2 && q < len(rs) && isHan(rs[q]); q++ {
			for _, w := range spokespeople {
				if runesHasPrefix(rs[q:], w) {
					q += utf8.RuneCountInString(w)
					if at := t.nameFollowing(q); at >= 0 {
						return at
					}
					// 的發言人今日表示: a person the text does not
					// name speaks; 的家人全都移民 is about the name,
					// and so is 的父母從不直接說 (what they did not say).
					for v := q + 1; v <= q+6 && v <= len(rs); v++ {
						if n := max(speechVerbEndingAt(rs, v), reportVerbEndingAt(rs, v)); n > 0 {
							if strings.ContainsAny(string(rs[q:v-n]), "不没未无") {
								return -1
							}
							return q
						}
					}
					return -1
				}
			}
			for _, w := range personNouns {
				if runesHasPrefix(rs[q:], w) {
					return t.nameFollowing(q + utf8.RuneCountInString(w))
				}
			}
		}
		if n := positionAfterStart(rs, h, min(len(rs), h+20)); n > 0 {
			return t.nameFollowing(h + n)
		}
		return -1
	}
	return -1
}

// nameFollowing returns h where a person's name starts there, in Latin
// letters or one the name rules read (nameAt), or -1.
func (t *tagged) nameFollowing(h int) int {
	if h < len(t.runes) && (isLatinLetter(t.runes[h]) || t.nameAt(h) >= 2) {
		return h
	}
	return -1
}

// openingSpeaker is the person whose speech or report verb ends the first
// clause of the sentence [start, end), at most two runes after their name
// (梁耀基供稱, 鍾振傑表示), or "". The name must be the clause's first: a
// name before it is the subject (拉夫罗夫…在约翰内斯堡表示), unless a 的
// after it makes it part of a modifier (協助抬走黃之鋒的警員鍾振傑供稱,
// 下令移離黃之鋒等人的督察蔡棟雄供稱); and a verb before 的 is the
// modifier's (赞赏习近平主席提出的倡议).
func (p *people) openingSpeaker(t *tagged, start, end int) string {
	rs := t.runes
	for v := start + 1; v <= end; v++ {
		if strings.ContainsRune(clauseBreaks+sentenceEnds+"“「", rs[v-1]) {
			return ""
		}
		n := max(reportVerbEndingAt(rs, v), speechVerbEndingAt(rs, v))
		if n == 0 || !t.wordEndsAt(v) || (v < len(rs) && rs[v] == '的') {
			continue
		}
		// 當日建議下屬…的警長梁耀基供稱: a verb of the modifier has no
		// name right before it.
		name, _ := p.nameBeforeVerb(t, start, v-n)
		from := max(start, v-n-utf8.RuneCountInString(name)-2)
		at := strings.Index(string(rs[from:v-n]), name)
		if name != "" && at < 0 {
			// 林炳昌接受中央社訪問表示, 梁耀基在庭上供稱: a time or an
			// occasion may stand between.
			from = max(start, v-n-utf8.RuneCountInString(name)-10)
			if at = strings.Index(string(rs[from:v-n]), name); at >= 0 {
				gap := from + utf8.RuneCountInString(string(rs[from : v-n])[:at]) + utf8.RuneCountInString(name)
				if !occasionAt(rs, gap) {
					at = -1
				}
			}
		}
		if name == "" || at < 0 {
			continue // 供 of 梁耀基供稱 may stand between
		}
		at = from + utf8.RuneCountInString(string(rs[from : v-n])[:at])
		if opensWithTopic(rs[skipLeadIn(rs, start, at):]) {
			return "" // 针对…赫什日前爆料称…一事: the clause names a topic
		}
		grown := false
		if nr := []rune(name); allTranslit(nr) {
			// 塞/v 申斯/x: the name goes back to where its
			// transliteration starts, and is sure where the article
			// writes it so again.
			if ts := translitStartBefore(rs, at, at+len(nr)); ts < at && ts >= start && t.wordStartsAt(ts) {
				name, at, grown = string(rs[ts:at+len(nr)]), ts, true
			}
		}
		// 香港眾志羅冠聰指: a party names the one after it, as a post does.
		if p.nameBefore(t, start, at) || !(p.sureName(t, name, at) || affiliations.endingAt(rs, at) > 0 || grown && p.mentions(name) >= 2) {
			return ""
		}
		return name
	}
	return ""
}

// clauseLength is how far rs runs before its first clause break, past
// quotation marks (被問到…「俾人呃」，).
func clauseLength(rs []rune) int {
	depth := 0
	for i, r := range rs {
		switch {
		case strings.ContainsRune("“「『‘", r):
			depth++
		case strings.ContainsRune("”」』’", r) && depth > 0:
			depth--
		case depth == 0 && strings.ContainsRune(clauseBreaks, r):
			return i
		}
	}
	return len(rs)
}

// topicOpeners open a clause that names what a sentence is about (对于林郑
// 提出…，他指; 针对…爆料称…一事，…表示): its reporting verbs are not the
// sentence's speaker's.
var topicOpeners = []string{"对于", "关于", "针对"}

// opensWithTopic reports whether rs opens with one of topicOpeners.
func opensWithTopic(rs []rune) bool {
	for _, w := range topicOpeners {
		if runesHasPrefix(rs, w) {
			return true
		}
	}
	return false
}

// adverbFamilyNames are family names that are adverbs too (曾 once, 于 at,
// 将 will), as they are before an occasion (曾在政綱中提及).
const adverbFamilyNames = "曾于将"

// maxOccasionGap is how far before its verb a speaker's name may end
// where an occasion stands between (納隆薩在周日晚上十點的記者會上表示);
// without one, ten runes.
const maxOccasionGap = 16

// maxOccasionRunes is how long an occasion between a family name written
// alone and its verb may be (張在對話中回答).
const maxOccasionRunes = 10

// occasionOpeners open the time or occasion written between a speaker's
// name and the verb (data/occasions.txt: 接受…访问时, 在…上, 今日).
var occasionOpeners = mustList("occasions.txt")

// occasionAt reports whether a time or an occasion opens at i.
func occasionAt(rs []rune, i int) bool { return anyWordAt(rs, i, occasionOpeners) }

// gluedOrNameAt reports whether jieba starts no word at i, or one of n
// runes that may be a name (a person's, or one it does not know).
func (t *tagged) gluedOrNameAt(i, n int) bool {
	if t.byStart == nil {
		return false
	}
	sp, ok := t.byStart.get(i)
	return !ok || sp.end-sp.start == n && isNameTag(sp.tag)
}

// sureName reports whether name, found at at, is a person's for certain
// enough to carry a pronoun: a person of the article, a name right after
// a post (警署警長梁耀基), or one word of jieba's that it tags a person or
// does not know (李慧琼/nr). A guess otherwise is too often half a name or
// a place (副部长格鲁什科 as 鲁什科, 约翰内斯堡 as 约翰内).
func (p *people) sureName(t *tagged, name string, at int) bool {
	if _, known := p.byName[name]; known {
		return true
	}
	if t.byStart == nil {
		return false
	}
	if positionEndingAt(t.runes, at) > 0 {
		return true
	}
	sp, ok := t.byStart.get(at)
	return ok && sp.end-sp.start == utf8.RuneCountInString(name) && isNameTag(sp.tag)
}

// nameBefore reports whether a person's name stands in [start, end) other
// than in a modifier, which 的 closes before end (下令移離黃之鋒等人的督察),
// and not opening it.
func (p *people) nameBefore(t *tagged, start, end int) bool {
	rs := t.runes
	subject := skipLeadIn(rs, start, end)
	for i := start; i < end; i++ {
		n := p.knownNameStartingAt(rs, i)
		if n == 0 && t.byStart != nil {
			n = t.nameAt(i)
		}
		if n < 2 || i+n > end {
			continue
		}
		// 伊朗总统佩泽希齐扬…会见到访的…大臣哈立德时表示: a name that
		// opens the clause, after its lead-in and a post, is its subject.
		if rs[i+n] == '的' {
			continue // 代表議員劉小麗的資深大律師陳文敏
		}
		opens := i == subject || i == subject+positionAfterStart(rs, subject, end)
		if opens || !slices.Contains(rs[i+n:end], '的') {
			return true
		}
	}
	return false
}

// askedAbout reports whether the name at rune i, with the post written
// before it, is what someone was asked about (被問到對律政司司長鄭若驊…的
// 看法，她說: 她 is not 鄭若驊): right after 问及 or 问到, or the object of
// a preposition after 问,
// looking no further back than from. Any object would be too much: after
// 对马来西亚总理安瓦尔的独家专访。他表示, 他 is 安瓦尔.
func (t *tagged) askedAbout(from, i int) bool {
	at := i
	if positionEndingAt(t.runes, i) > 0 {
		at = titleBefore(t, i)
	}
	if at <= from {
		return false
	}
	// 被問及特首林鄭月娥是否…: the name right after 问及 or 问到 is asked
	// about too.
	before := string(t.runes[from:at])
	if strings.HasSuffix(before, "问及") || strings.HasSuffix(before, "问到") {
		return true
	}
	return strings.ContainsRune(objectPrepositions, t.runes[at-1]) && strings.ContainsRune(before, '问')
}

// objectPrepositions make the name after them an object, not a subject:
// 向林郑说, 对李某表示.
const objectPrepositions = "对向与和跟同给把被为替让将"

// wordEndsAt reports whether a jieba word ends at i (指示 is one word, so
// no 指 ends before 示), or whether the text was not cut. Where a word
// starts is left alone: jieba glues a one-rune verb to what precedes it
// (14日称 → 14/日称).
func (t *tagged) wordEndsAt(i int) bool {
	if t.byEnd == nil {
		return true
	}
	_, ok := t.byEnd.get(i)
	return ok
}

// wordStartsAt reports whether a jieba word starts at i (not 士 of 人士),
// or whether the text was not cut.
func (t *tagged) wordStartsAt(i int) bool {
	if t.byStart == nil {
		return true
	}
	_, ok := t.byStart.get(i)
	return ok
}

// sayingAdverbs are the runes of the time words and adverbs written
// between a speaker and the verb (普京当天还表示, 总书记13日指出).
const sayingAdverbs = "当天日今昨前还又也则并亦再即随后0123456789"

// nameJustBefore reports whether a known person's name ends at i, or a
// few runes of time and adverb before it (林郑表示, 普京当天还表示).
func (p *people) nameJustBefore(rs []rune, i int) bool {
	for k := i; k >= 0 && i-k <= 4; k-- {
		if s := p.knownNameEndingAt(rs, k); s >= 0 {
			return true
		}
		if k > 0 && !strings.ContainsRune(sayingAdverbs, rs[k-1]) {
			return false
		}
	}
	return false
}

// postSpeaker resolves a clause whose subject is a post written without a
// name (总书记指出，…; 俄总统表示，…; 外交部发言人说：“…”) to the one official
// of the article who holds it: a post of theirs, as written, ends in the
// clause's post word and holds what the clause writes before that word (a
// body), or that is a name of their country (俄 for 俄罗斯). When two
// officials of the article could hold it, nobody: 总理 alone in an article
// naming two prime ministers is either.
func (p *people) postSpeaker(rs []rune, start, verbStart int) (name, title string) {
	k := skipLeadIn(rs, start, verbStart)
	e := verbStart
	for e > k && verbStart-e < 4 && strings.ContainsRune(sayingAdverbs, rs[e-1]) {
		e--
	}
	n := positionEndingAt(rs, e)
	if n == 0 || e-n < k || e-n-k > 8 {
		return "", ""
	}
	post, before := string(rs[e-n:e]), string(rs[k:e-n])
	if strings.ContainsFunc(before, func(r rune) bool { return !isHan(r) }) {
		return "", ""
	}
	country := countries[before]
	var holder *personInfo
	for _, pi := range p.byName {
		if !pi.official && len(pi.titles) == 0 {
			continue
		}
		for t := range pi.titles {
			if strings.HasSuffix(t, post) && (strings.Contains(t, before) || (country != "" && pi.country == country)) {
				if holder != nil {
					return "", ""
				}
				holder = pi
				break
			}
		}
	}
	if holder == nil {
		return "", ""
	}
	return holder.name, holder.bestTitle()
}

// onlySayingAdverbs reports whether rs holds nothing but sayingAdverbs.
func onlySayingAdverbs(rs []rune) bool {
	for _, r := range rs {
		if !strings.ContainsRune(sayingAdverbs, r) {
			return false
		}
	}
	return true
}

// onlyAdverbs reports whether rs holds nothing but adverbs that continue a
// sentence's subject (又, 并, 亦, 同时…).
func onlyAdverbs(rs []rune) bool {
	for _, r := range rs {
		if !strings.ContainsRune(" 又并亦则更还也另同时再而且只", r) {
			return false
		}
	}
	return true
}

// sentenceStart is where the sentence holding rune i begins, at most 200
// runes back.
func sentenceStart(rs []rune, i int) int {
	s := i
	for s > 0 && !strings.ContainsRune(sentenceEnds+";；", rs[s-1]) && i-s < 200 {
		s--
	}
	return s
}

// sentenceSpeaker finds who is reported speaking in the sentence before
// rune i of paragraph pi: the subject of the last reporting or speech verb
// between the sentence's start and i (a name, 他 or 她), or "".
func (p *people) sentenceSpeaker(tags []*tagged, pi, i int) (name, title string) {
	return p.sentenceSpeakerBy(tags, pi, i, func(rs []rune, v int) int {
		if n := reportVerbEndingAt(rs, v); n > 0 {
			return n
		}
		return speechVerbEndingAt(rs, v)
	})
}

// sentenceSpeakerBy is sentenceSpeaker with the verbs verbEndingAt finds.
func (p *people) sentenceSpeakerBy(tags []*tagged, pi, i int, verbEndingAt func(rs []rune, end int) int) (name, title string) {
	t := tags[pi]
	rs := t.runes
	ss := sentenceStart(rs, i)
	for v := i; v > ss; v-- {
		n := verbEndingAt(rs, v)
		if n == 0 || !t.wordEndsAt(v) || (v-n > 0 && rs[v-n-1] == '的') {
			continue
		}
		cs := clauseStart(rs, v-n)
		// 梁振英被泛民議員批評，「…」, 被指「親中」: the critics' words or
		// label, not his, where the quotation follows the passive verb;
		// with no one named, an earlier verb may still have its speaker
		// (陳弘毅表示，…會被認為與…衝突等，「…」). Further on the sentence
		// is the subject's again (李駿碩的作品曾被指對白太多、這次更多：「…」).
		if agent, passive := p.passiveReport(t, cs, v-n); passive && i-v <= 3 {
			if agent != "" {
				return agent, p.officialPost(agent)
			}
			v -= n - 1
			continue
		}
		if name, title = p.subjectOf(t, cs, v-n); name != "" {
			return name, title
		}
		if name, title = p.pronounSpeaker(tags, pi, cs, v-n); name != "" {
			return name, title
		}
		// 法官回應：「…」, 當時有警員說：「…」: a person the article does
		// not name speaks the words the verb opens; an earlier verb's
		// subject did not say them.
		if i-v <= 3 && p.unnamedSubject(t, cs, v-n) {
			return "", ""
		}
		// 中央也希望…: a verb whose subject is no person; an earlier one
		// in the sentence may have one (胡国兴说自己估计形势，…，「…」).
		v -= n - 1
	}
	return "", ""
}

// unnamedSubjects are words for a person the article does not name who
// may speak: extract/data/unnamedsubjects.txt and the person nouns.
var unnamedSubjects = slices.Concat(mustList("unnamedsubjects.txt"), personNouns)

// unnamedSubject reports whether the clause rs[start:end] before a speech
// verb has for subject a person the article does not name: a word of
// unnamedSubjects, with no name or pronoun before it in the
// clause, no name after it (總經理程珍), no preposition that makes it the
// listener (向記者說) and no 的 that makes it a possessor. False where the
// text was not cut.
func (p *people) unnamedSubject(t *tagged, start, end int) bool {
	if t.byStart == nil {
		return false
	}
	rs := t.runes
	for i := start; i < end; {
		sp, ok := t.byStart.get(i)
		if !ok {
			i++
			continue
		}
		w := string(rs[i:sp.end])
		switch {
		case isNameTag(sp.tag) || p.knownNameStartingAt(rs, i) > 0 || strings.ContainsRune("他她", rs[i]):
			return false
		case slices.Contains(unnamedSubjects, w):
			// 總經理程珍: a noun before a name is the name's title.
			if sp.end < end && (p.knownNameStartingAt(rs, sp.end) > 0 || t.nameAt(sp.end) > 0) {
				return false
			}
			return !strings.ContainsAny(string(rs[start:i]), "向对跟给和与同把被让叫") && (sp.end >= end || rs[sp.end] != '的')
		}
		i = sp.end
	}
	return false
}

// oneWord reports whether rs[start:end] is a single jieba word (a term such
// as 一带一路), or false when the text was not cut.
func (t *tagged) oneWord(start, end int) bool {
	if t.byStart == nil {
		return false
	}
	sp, ok := t.byStart.get(start)
	return ok && sp.end == end
}

// nounPhrase reports whether jieba's words of rs[start:end] make a noun
// phrase: the last a noun, and none a verb, an adverb, a pronoun or a
// particle (十大/m 伙伴/n 行动/vn, 义乌/ns 发展/vn 经验/n). In “” marks,
// which mainland news uses for names of plans and ideas, a noun phrase is
// one (18 of 20 sampled xwlb ones); in Hong Kong's 「」 it is as often a
// speaker's own coinage (「紙上監察」, 「影子議員」: 21 of 40 were terms),
// so shortSpeech asks only of “”. False where the text was not cut or
// the span cuts a word.
func (t *tagged) nounPhrase(start, end int) bool {
	last, ok := t.verblessWords(start, end)
	return ok && (last == "an" || last == "vn" || (tagIn(last, "n") && !isPersonTag(last)))
}

// verblessWords reports whether jieba's words of rs[start:end] hold no
// verb, adverb, pronoun or particle, and the last word's tag. False where
// the text was not cut or the span cuts a word.
func (t *tagged) verblessWords(start, end int) (last string, ok bool) {
	if t.byStart == nil || start >= end {
		return "", false
	}
	for i := start; i < end; {
		sp, ok := t.byStart.get(i)
		if !ok || sp.end > end {
			return "", false
		}
		if tagIn(sp.tag, "vdrupcyz") && sp.tag != "vn" {
			return "", false
		}
		last, i = sp.tag, sp.end
	}
	return last, true
}

// bodyNameQuoted reports whether the quotation q is the name of a body:
// jieba's words with no verb among them, ending in a body's word
// (bodynames.txt: 「大灣區院士聯盟」, 「沙田圍綜合醫務中心」, 「緊急救災基金」).
// Such a name is no one's words in any marks, and the rules took it for
// a quote of whoever the sentence reports.
func (t *tagged) bodyNameQuoted(q quoteSpan) bool {
	body := string(t.runes[q.start:q.end])
	if !slices.ContainsFunc(bodyNameWords, func(w string) bool { return strings.HasSuffix(body, w) }) {
		return false
	}
	_, ok := t.verblessWords(q.start, q.end)
	return ok
}

// numberedFormula reports whether a quotation is a numbered formula:
// two to ten of something, 个 and up to four runes (“两个毫不动摇”,
// 「四個必須」, 「三個相信」, “五个更加注重”), the name of a policy's
// points or a span of time (「三個月」), which news quotes as a term,
// whoever it reports. One of something (「一個大話冚一個大話」) is as
// often what a person said, and so are people (「三個人都話唔知」).
func numberedFormula(body []rune) bool {
	if len(body) < 3 || len(body) > 6 || !strings.ContainsRune("两二三四五六七八九十", body[0]) || body[1] != '个' || body[2] == '人' {
		return false
	}
	return allHanRunes(body[2:])
}

// shortSpeech tells a short quotation that is someone's words (「过分演绎咗」)
// from a term in quotation marks (“两个确立”, “关键少数”): three Han runes
// or more, no digits, no list, not one dictionary word; in “” marks, which
// mainland news uses for terms as much as for words, at least six; in 「」
// marks, closing its clause.
func shortSpeech(t *tagged, q quoteSpan) bool {
	body := t.runes[q.start:q.end]
	n := hanCount(body)
	corner := q.start > 0 && t.runes[q.start-1] == '「'
	// 说「谢谢」: two runes right after a speech verb are said, unless
	// they are a noun (提出「港独」, 主讲「法治」: a topic).
	if corner && n >= 2 && speechVerbEndingAt(t.runes, q.start-1) > 0 && !strings.ContainsRune(string(body), '、') &&
		!(n == 2 && t.nounPhrase(q.start, q.end)) {
		return true
	}
	if n < 3 || strings.ContainsFunc(string(body), unicode.IsDigit) || strings.ContainsRune(string(body), '、') || t.oneWord(q.start, q.end) || (!corner && t.nounPhrase(q.start, q.end)) {
		return false
	}
	// A term in corner marks goes on with the clause (「一地两检」的安排,
	// 「引导和规范」并重, 「德育及國民教育科」引起) or names a source
	// (「当今大马」报道), at any length; words someone said close a
	// clause: punctuation inside them (「冇發生過。」他指) or after, or the
	// end. Of 39 longer ones that go on, 27 were nobody's words or not the
	// speaker's (hkcnews-corner-terms.seed311.tsv).
	after := q.end + 1
	goesOn := after < len(t.runes) && isHan(t.runes[after]) && !strings.ContainsAny(string(body), "，,。;；:：…!！?？（）()")
	if n >= 6 {
		return !(corner && goesOn)
	}
	return corner && !goesOn
}

// characterisers are the words of characterisers.txt.
var characterisers = mustList("characterisers.txt")

// termAfterOf reports whether the quotation q is short (under six Han
// runes, no punctuation), in corner marks, and follows 的 in a clause
// with no characteriser before it (characterisers.txt): 申請校方的
// 「雙聯學位」, 組成的「元老理事會」 name a programme and a body, where
// 這是當局的「政治決定」 and 形容香港面臨中國的「民族清洗」 give a
// speaker's own words. Of 60 short quotations after 的 sampled from
// hkcnews (hkcnews-short-after-of.seed662.tsv), the rule drops 27, 8 of
// them the speaker's words to that reader; of the 74 distinct ones it
// drops from the whole archive, another reader found 69 rightly dropped
// (short-after-of-changes.all.tsv). A 的 that jieba makes part of a word
// (真的, 目的) is none.
func (t *tagged) termAfterOf(q quoteSpan) bool {
	de := q.start - 2
	if de < 0 || t.runes[de+1] != '「' || t.runes[de] != '的' || t.byEnd == nil {
		return false
	}
	if body := t.runes[q.start:q.end]; hanCount(body) >= 6 || strings.ContainsAny(string(body), clauseBreaks+sentenceEnds+"…") {
		return false
	}
	if sp, ok := t.byEnd.get(de + 1); ok && sp.start < de && sp.tag != "x" {
		return false
	}
	rs := t.runes
	for k := clauseStart(rs, de); k < de; k++ {
		for _, w := range characterisers {
			n := utf8.RuneCountInString(w)
			if k+n <= de && runesHasPrefix(rs[k:], w) && (n > 1 || t.wordEndsAt(k+n)) {
				return false
			}
		}
	}
	return true
}

// verbAt reports whether a jieba word tagged as a verb starts at i.
func (t *tagged) verbAt(i int) bool {
	if t.byStart == nil {
		return false
	}
	sp, ok := t.byStart.get(i)
	return ok && (sp.tag == "v" || sp.tag == "vd")
}

// noteSpeakingSubjects records as persons the names that open a sentence in
// which someone is reported speaking (林郑月娥今日…批评…), so that a later
// 她指 or 他说 can be resolved to them even when no post is written.
func (p *people) noteSpeakingSubjects(tags []*tagged) {
	for _, t := range tags {
		if t.byStart == nil {
			continue // without jieba's cut a guessed name is too unsure
		}
		rs := t.runes
		for ss := 0; ss < len(rs); {
			se := sentenceEnd(rs, ss)
			// 乌克兰基辅等地遭袭，俄方对此无回应: a country opens no name.
			if n := t.nameAt(ss); n >= 2 && !t.bodyOrItsStart(ss, ss+n) && countryNameAt(rs, ss) == 0 && (hasReportVerb(t, ss+n, se) || t.personSays(ss, ss+n)) {
				p.note(string(rs[ss:ss+n]), "", false).speaker = true
			}
			ss = se
		}
	}
}

// personSays reports whether jieba tags rs[start:end] as one person's
// name (周永康/nr) and cuts a report verb of one rune right after it as a
// word of its own (说/v, 指/v): 周永康說：「…」 makes 周永康 a person of
// the article as 周永康表示 does. A one-rune verb elsewhere in the
// sentence is too often part of another word, and a guessed name too
// often runs on into it (陈说).
func (t *tagged) personSays(start, end int) bool {
	name, ok := t.byStart.get(start)
	if !ok || name.end != end || !isPersonTag(name.tag) {
		return false
	}
	verb, ok := t.byStart.get(end)
	return ok && verb.end == end+1 && verb.tag == "v" && reportVerbEndingAt(t.runes, end+1) == 1
}

func hasReportVerb(t *tagged, from, to int) bool {
	for v := from + 1; v <= to; v++ {
		if n := reportVerbEndingAt(t.runes, v); n > 1 && t.wordEndsAt(v) {
			return true
		}
	}
	return false
}

// leadIns open a sentence before its subject: 对此，他说; 随后她表示.
var leadIns = func() []string {
	words := append(mustList("leadins.txt"), " ")
	for closer := range quoteOpener {
		words = append(words, string(closer))
	}
	return words
}()

// skipLeadIn returns where the subject of the clause at k may start, past
// its lead-in words, at most end.
func skipLeadIn(rs []rune, k, end int) int {
	for k < end {
		moved := false
		for _, w := range leadIns {
			if runesHasPrefix(rs[k:end], w) {
				k += utf8.RuneCountInString(w)
				moved = true
				break
			}
		}
		if !moved {
			return k
		}
	}
	return k
}

// objectName reports whether the name at rs[start:end] is not the subject
// of a verb at verbStart: it follows a preposition (对特朗普强烈批评) or
// modifies a noun (与特朗普开火的《纽约每日新闻》直指).
func objectName(rs []rune, start, end, verbStart int) bool {
	if start > 0 && strings.ContainsRune(objectPrepositions, rs[start-1]) {
		return true
	}
	return strings.ContainsRune(string(rs[end:verbStart]), '的')
}

// positionAfterStart returns the length of a post written at the start of
// rs[k:end] (主席佩雷斯: 主席), or 0: the longest prefix that ends in a post
// word, at most 20 runes.
func positionAfterStart(rs []rune, k, end int) int {
	best := 0
	for e := k + 1; e <= end && e-k <= 20; e++ {
		if !isHan(rs[e-1]) {
			break
		}
		if positionEndingAt(rs, e) > 0 {
			best = e - k
		}
	}
	return best
}

// noteGivenNames makes the given name of a person of three runes a name
// of theirs where the article writes it alone (袁嘉蔚, then 嘉蔚記得：「…」
// and 她憶述), as features write the person they are about. The person is
// one the article knows, or a name jieba reads as one word (nameWordAt)
// that opens a sentence or a clause somewhere (not 任校委 of 出任校委),
// with a family name of one rune and no other person of the article
// sharing the given name; the given name stands alone in the narration
// at least minGivenAlone times (givenAlone), and jieba cuts it into no
// word but a name (givenReadAsWord). The speakers found under it are the
// whole name's (mergeSpeakerNames).
func (p *people) noteGivenNames(tags []*tagged) {
	byGiven := map[string]map[string]bool{}
	add := func(rs []rune) {
		if len(rs) == 3 && surnames[rs[0]] && allHanRunes(rs) && !hasCompoundSurname(rs) && !bodyName(rs) && !addressOrBody(rs) {
			given := string(rs[1:])
			if byGiven[given] == nil {
				byGiven[given] = map[string]bool{}
			}
			byGiven[given][string(rs)] = true
		}
	}
	for name := range p.byName {
		add([]rune(name))
	}
	if p.headlined != "" {
		add([]rune(p.headlined))
	}
	for _, t := range tags {
		for i := range t.runes {
			if (i == 0 || !isHan(t.runes[i-1])) && t.nameWordAt(i, i+3) {
				add(t.runes[i : i+3])
			}
		}
	}
	for _, given := range slices.Sorted(maps.Keys(byGiven)) {
		names := byGiven[given]
		if len(names) != 1 || p.byName[given] != nil {
			continue
		}
		name := slices.Collect(maps.Keys(names))[0]
		g := []rune(given)
		// The counts in the whole text first: written alone fewer times
		// there, it is fewer times in the narration too.
		whole := p.mentions(name)
		if whole < minGivenAlone || p.mentions(given)-whole < minGivenAlone || givenAlone(tags, g, []rune(name)[0]) < minGivenAlone || givenReadAsWord(tags, g) {
			continue
		}
		pi := p.note(name, "", false)
		p.note(given, "", false).speaker = pi.speaker
		p.keepWholeName(given, name)
	}
}

// nameWordAt reports whether jieba cut rs[start:end] as one word, a
// person's name or a word it does not know (袁嘉蔚/x).
func (t *tagged) nameWordAt(start, end int) bool {
	if t.byStart == nil {
		return false
	}
	sp, ok := t.byStart.get(start)
	return ok && sp.end == end && isNameTag(sp.tag)
}

// givenAlone counts where the narration of tags writes the given name
// without the family name before it and without an organisation's word
// after it. Inside a quotation the name is the speaker's way of naming
// the person (正如南央所說 in 章立凡's words), not the article's. It
// gives 0 where the name is written anywhere before a spokesperson's
// word (兆禧媽媽, spokespeople.txt): the article names another person by
// it, whose words would go to the one named.
func givenAlone(tags []*tagged, given []rune, family rune) int {
	n := 0
	for _, t := range tags {
		rs := t.runes
		quoted := findQuotations(rs)
		for i := 0; i+len(given) <= len(rs); i++ {
			if !hasRunesAt(rs, i, given) {
				continue
			}
			if anyWordAt(rs, i+len(given), spokespeople) {
				return 0
			}
			if (i == 0 || rs[i-1] != family) && !anyWordAt(rs, i+len(given), privateOrgs) &&
				!slices.ContainsFunc(quoted, func(q quoteSpan) bool { return q.start <= i && i < q.end }) {
				n++
			}
		}
	}
	return n
}

// minGivenAlone is how often the article must write a given name alone
// for it to be the person's, and the whole name.
const minGivenAlone = 3

// givenReadAsWord reports whether jieba cuts the runes given, anywhere in
// tags, as one word of the dictionary's other than a name (港铁/j, 承建/v).
func givenReadAsWord(tags []*tagged, given []rune) bool {
	for _, t := range tags {
		if t.byStart == nil {
			continue
		}
		for i := 0; i+len(given) <= len(t.runes); i++ {
			if !hasRunesAt(t.runes, i, given) {
				continue
			}
			if sp, ok := t.byStart.get(i); ok && sp.end == i+len(given) && !isPersonTag(sp.tag) && sp.tag != "x" {
				return true
			}
		}
	}
	return false
}

// joinedSpeakers gives a direct quotation joined to the one before it
// (「…」、「…」, joinedQuotations) with no speaker of its own that one's
// speaker, once every rule has given speakers: quotes reads the joined
// pieces as it finds each paragraph's speakers, and a later rule (a
// feature's interviewee, a run on quotation) may give the first piece
// its speaker only after it.
func joinedSpeakers(quotes []fangtan.Quote, paras []string) {
	eachFollowing(quotes, paras, func(prev, q *fangtan.Quote, rs []rune, end, start int) {
		if q.Speaker == "" && prev.Speaker != "" && joinedQuotations(rs, end, start) {
			q.Speaker, q.SpeakerTitle = prev.Speaker, prev.SpeakerTitle
		}
	})
}

// answeredQuestions gives a direct quotation with no speaker that
// follows a question alone after another quotation of its paragraph
// (…」那怕不怕被起底？「少少啦…」, …」。記者問他怎樣界定自己…？「…」) the
// speaker of that quotation: features run an interview so, the
// interviewee's answer, the reporter's next question, and the answer to
// it. The question ends the narration between them, which quotes no one
// and runs to at most maxQuestionRunes runes; it may name the people it
// asks about (葉國華今次可有支持他？), and narration of the one who answers
// may come before it (他說，非常享受退休生活。那麼…他可會接受？).
func answeredQuestions(quotes []fangtan.Quote, paras []string) {
	eachFollowing(quotes, paras, func(prev, q *fangtan.Quote, rs []rune, end, start int) {
		if q.Speaker != "" || prev.Speaker == "" || reportersQuestion(q.Text) || end+1 > start-1 {
			return
		}
		between := []rune(strings.TrimRight(strings.TrimLeft(string(rs[end+1:start-1]), " 　。.，,"), " 　"))
		n := len(between)
		if n < 2 || n > maxQuestionRunes || (between[n-1] != '？' && between[n-1] != '?') ||
			strings.ContainsAny(string(between[:n-1]), "「」“”『』\"") {
			return
		}
		q.Speaker, q.SpeakerTitle = prev.Speaker, prev.SpeakerTitle
	})
}

// maxQuestionRunes is how long the narration that ends in a reporter's
// question between two quotations may be.
const maxQuestionRunes = 150

// eachFollowing calls f with each direct quotation of quotes and the
// direct quotation before it in its paragraph, the paragraph's runes,
// where the text of the one before ends and where this one's starts.
func eachFollowing(quotes []fangtan.Quote, paras []string, f func(prev, q *fangtan.Quote, rs []rune, end, start int)) {
	prev, prevEnd, para := -1, 0, -1
	var rs []rune
	for i := range quotes {
		q := &quotes[i]
		if q.Kind != fangtan.QuoteDirect || q.Paragraph >= len(paras) {
			continue
		}
		if q.Paragraph != para {
			para, rs, prev, prevEnd = q.Paragraph, []rune(paras[q.Paragraph]), -1, 0
		}
		text := []rune(q.Text)
		at := indexRunes(rs, text, prevEnd)
		if at < 0 {
			continue
		}
		if prev >= 0 {
			f(&quotes[prev], q, rs, prevEnd, at)
		}
		prev, prevEnd = i, at+len(text)
	}
}
