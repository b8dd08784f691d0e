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

// positionWords end a position as written: an official's
// (extract/data/posts.txt) or a private one (privateposts.txt).
var positionWords = append(mustList("posts.txt"), privatePosts...)

// privatePosts are titles that make the name after them a person, never
// an official (extract/data/privateposts.txt).
var privatePosts = mustList("privateposts.txt")

// privatePost reports whether title ends in a private post (港铁车务总监).
func privatePost(title string) bool {
	rs := []rune(title)
	return endsInPrivatePost(rs, positionEndingAt(rs, len(rs)))
}

// endsInPrivatePost reports whether the position word of n runes that
// ends rs is a private post.
func endsInPrivatePost(rs []rune, n int) bool {
	return n > 0 && slices.Contains(privatePosts, string(rs[len(rs)-n:]))
}

// positions finds the position word that ends at a place of a text.
var positions = newSuffixIndex(positionWords)

// positionEndingAt returns the length in runes of the position word that
// ends just before end, or 0.
func positionEndingAt(text []rune, end int) int {
	return positions.endingAt(text, end)
}

// positionsByFirst indexes positionWords by their first rune, longest first.
var positionsByFirst = func() map[rune][][]rune {
	m := map[rune][][]rune{}
	for _, ws := range positions.byLast {
		for _, w := range ws {
			m[w[0]] = append(m[w[0]], w)
		}
	}
	for _, ws := range m {
		sort.SliceStable(ws, func(i, j int) bool { return len(ws[i]) > len(ws[j]) })
	}
	return m
}()

// positionStartingAt returns the length of the position word that starts
// at i, or 0.
func positionStartingAt(text []rune, i int) int {
	if i >= len(text) {
		return 0
	}
	for _, w := range positionsByFirst[text[i]] {
		if i+len(w) <= len(text) && equalRunes(text[i:i+len(w)], w) {
			return len(w)
		}
	}
	return 0
}

func equalRunes(a, b []rune) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// surnames are the family names of extract/data/surnames.txt: single
// runes here, compound ones (欧阳) in compoundFamilyNames.
var surnames, compoundFamilyNames = func() (map[rune]bool, []string) {
	single := map[rune]bool{}
	var compound []string
	for _, w := range mustList("surnames.txt") {
		if rs := []rune(w); len(rs) == 1 {
			single[rs[0]] = true
		} else {
			compound = append(compound, w)
		}
	}
	return single, compound
}()

// rareFamilyNames are family names only where jieba finds the whole name
// as one word it does not know (extract/data/rarefamilynames.txt,
// rareFamilyNameAt).
var rareFamilyNames = func() map[rune]bool {
	m := map[rune]bool{}
	for _, w := range mustList("rarefamilynames.txt") {
		m[[]rune(w)[0]] = true
	}
	return m
}()

// leaderNames are national office holders' names that jieba cuts apart
// and whose family name the rules do not read (extract/data/leaders.txt,
// leaderNameAt).
var leaderNames = runeLists("leaders.txt")

// leaderFirsts are the runes leaderNames start with: nameAt asks at every
// rune that may start a name, most of which start none.
var leaderFirsts = func() map[rune]bool {
	m := map[rune]bool{}
	for _, name := range leaderNames {
		m[name[0]] = true
	}
	return m
}()

// leaderNameAt returns the length of a name of leaderNames written at rune
// i as a word of its own, or 0: jieba starts a word at i and another where
// the name ends, or glues the first rune of a name stop onto the name or
// its end (铁凝在/x, 丛斌作/x, 万/m 鄂湘作/x, 张升/民主/持).
// 应勇于担当 cuts 应/勇于 and has no name.
func (t *tagged) leaderNameAt(i int) int {
	rs := t.runes
	if !leaderFirsts[rs[i]] || !t.wordStartsAt(i) {
		return 0
	}
	for _, name := range leaderNames {
		end := i + len(name)
		if !hasRunesAt(rs, i, name) {
			continue
		}
		if end == len(rs) || !isHan(rs[end]) || t.wordStartsAt(end) {
			return len(name)
		}
		// A word of jieba's that ends one rune past the name, and starts
		// inside it, glues the first rune of a name stop on, unless jieba
		// reads it as a word no name is part of (应/勇于/v 担当).
		if sp, ok := t.byEnd.get(end + 1); ok && sp.start >= i && sp.start < end && !isNoNameTag(sp.tag) && stopWordAt(rs, end) {
			return len(name)
		}
	}
	return 0
}

// notNames are words that read as names but are not: they start with a
// family name or are spelt with transliteration runes (extract/data/notnames.txt).
var notNames = setOfList(mustList("notnames.txt"))

// honorifics and bodyEnds describe what news writes where a name would
// stand and is none (extract/data/honorifics.txt, bodyends.txt).
var (
	honorifics = mustList("honorifics.txt")
	bodyEnds   = strings.Join(mustList("bodyends.txt"), "")
)

// addressOrBody reports whether name is a family name and a form of address
// (梁先生) or a government body's short name (劳福局, 廉署).
func addressOrBody(name []rune) bool {
	return bodyName(name) || formOfAddress(name)
}

// formOfAddress reports whether name is a family name and a form of
// address (梁先生, 欧阳小姐): a person, if no name.
func formOfAddress(name []rune) bool {
	for _, h := range honorifics {
		if family := len(name) - utf8.RuneCountInString(h); family >= 1 && family <= 2 &&
			strings.HasSuffix(string(name), h) && startsWithSurname(name) {
			return true
		}
	}
	return false
}

// bodyName reports whether a name is a government body's short name
// (劳福局, 房署, 康文署), which speaks where a person would and is none.
func bodyName(name []rune) bool {
	return len(name) >= 2 && strings.ContainsRune(bodyEnds, name[len(name)-1])
}

// bodyOrItsStart reports whether the candidate name rs[start:end] is a
// body's short name (房署) or the start of one (劳福 of 劳福局, 玛丽 of
// 玛丽医院: bodynames.txt): no person to speak.
func (t *tagged) bodyOrItsStart(start, end int) bool {
	return bodyName(t.runes[start:end]) || t.bodyAt(end) || anyWordAt(t.runes, end, bodyNameWords)
}

// bodyAt reports whether the rune at i ends a body's short name that a
// candidate name before it is the start of (劳福 of 劳福局表示, 卡茨 of
// 卡茨办公室称). A word jieba starts there is something else: 处理, 局长.
func (t *tagged) bodyAt(i int) bool {
	rs := t.runes
	if i >= len(rs) || !strings.ContainsRune(bodyEnds, rs[i]) {
		return false
	}
	if t.byStart == nil {
		return i+1 >= len(rs) || !strings.ContainsRune("长理于事法置", rs[i+1])
	}
	sp, ok := t.byStart.get(i)
	return !ok || sp.end-sp.start < 2 || string(rs[i:sp.end]) == "办公室"
}

func setOfList(words []string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

func isHan(r rune) bool { return han.Is(r) }

func allHanRunes(rs []rune) bool { return han.All(rs) }

// startsWithSurname reports whether name begins with a family name.
func startsWithSurname(name []rune) bool {
	if len(name) == 0 {
		return false
	}
	return surnames[name[0]] || hasCompoundSurname(name)
}

// nameStopWords end a name written without spaces: the verb, particle or
// time word after it (马常春说, 李慧就, 薛东晓出席, 林郑月娥今日), and 续
// before a reporting verb (林郑续说, 马建续批评: Hong Kong's "went on to
// say"), which 续 alone would not do (谢续学).
var nameStopWords = func() map[rune][]string {
	m := map[rune][]string{}
	words := mustList("namestops.txt")
	for _, v := range mustList("reportverbs.txt") {
		words = append(words, "续"+v)
	}
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		m[r] = append(m[r], w)
	}
	return m
}()

// nameEnders are the one-rune words that, after a name jieba cut a word
// before, are the next word (李强/乘 包机, 陈帆/见 记者).
var nameEnders = strings.Join(mustList("nameenders.txt"), "")

// postWordAt reports whether jieba cut a post as a word that starts at i
// (特使 in 特朗普/特使): a transliterated name does not run into it.
func (t *tagged) postWordAt(i int) bool {
	if t.byStart == nil {
		return false
	}
	sp, ok := t.byStart.get(i)
	return ok && sp.end-sp.start >= 2 && positionStartingAt(t.runes, i) == sp.end-sp.start
}

func stopWordAt(rs []rune, i int) bool {
	for _, w := range nameStopWords[rs[i]] {
		if runesHasPrefix(rs[i:], w) {
			return !(rs[i] == '和' && w == "和" && joinsNothing(rs, i+1))
		}
	}
	return false
}

// joinsNothing reports whether what starts at i cannot follow the
// conjunction 和: punctuation, the text's end, 说, 称 or 则, or a speech or
// report verb of two runes or more (one rune of those, 指, starts 指导). 和
// before it is the last rune of a name (魏凤和、, 康京和表示, 康京和称).
func joinsNothing(rs []rune, i int) bool {
	if i >= len(rs) || unicode.IsPunct(rs[i]) || strings.ContainsRune("说称则", rs[i]) {
		return true
	}
	for _, vs := range [][][]rune{speechVerbs, reportVerbs} {
		for _, v := range vs {
			if len(v) >= 2 && len(v) <= len(rs)-i && equalRunes(rs[i:i+len(v)], v) {
				return true
			}
		}
	}
	return false
}

// tagSpan is a jieba segment in rune offsets.
type tagSpan struct {
	start, end int
	tag        string
}

// tagged is a folded text with its runes and (when a segmenter is present)
// its jieba segments by start rune.
type tagged struct {
	runes   []rune
	src     string // the text as written, for what folding loses (the case of Latin names)
	orig    []rune // src's runes, made when first asked for (origRunes)
	byStart *spanIndex
	byEnd   *spanIndex
	words   []string // the segments' texts, for keyword ranking

	posts     []int // where post words end (postEnds)
	postsDone bool
	// writtenAgain reports whether the article writes s twice or more;
	// nil outside an article.
	writtenAgain func(s string) bool
}

func newTagged(seg analyzer.Segmenter, folded string) *tagged {
	t := &tagged{runes: []rune(folded)}
	if seg == nil {
		return t
	}
	segs := seg.Tag(folded)
	t.words = make([]string, len(segs))
	for i, s := range segs {
		t.words[i] = s.Text
	}
	spans := make([]tagSpan, 0, len(segs))
	t.byStart = &spanIndex{at: make([]int32, len(t.runes)+1)}
	t.byEnd = &spanIndex{at: make([]int32, len(t.runes)+1)}
	// Convert byte offsets to rune offsets in one pass.
	bytePos, runePos := 0, 0
	toRune := func(b int) int {
		for bytePos < b && bytePos < len(folded) {
			_, w := utf8.DecodeRuneInString(folded[bytePos:])
			bytePos += w
			runePos++
		}
		return runePos
	}
	for _, s := range segs {
		if s.Start < bytePos {
			continue // out of order; keep what we have
		}
		st := toRune(s.Start)
		en := toRune(s.End)
		sp := tagSpan{st, en, s.Tag}
		spans = append(spans, sp)
		t.byStart.at[st] = int32(len(spans))
		t.byEnd.at[en] = int32(len(spans))
	}
	t.byStart.spans, t.byEnd.spans = spans, spans
	return t
}

// spanIndex finds the segment starting (or ending) at a rune offset. It
// replaced two maps per paragraph, which were a quarter of the bytes that
// extraction allocated and a tenth of its CPU.
type spanIndex struct {
	spans []tagSpan
	at    []int32 // at[i]-1 indexes spans; 0: no segment there
}

func (x *spanIndex) get(i int) (tagSpan, bool) {
	if i < 0 || i >= len(x.at) || x.at[i] == 0 {
		return tagSpan{}, false
	}
	return x.spans[x.at[i]-1], true
}

func isPersonTag(tag string) bool { return strings.HasPrefix(tag, "nr") }

// isNameTag: jieba tags the word a person's or one it does not know (x),
// which a name it has not learnt gets (黄之锋/x, 众志罗冠聪/x).
func isNameTag(tag string) bool { return isPersonTag(tag) || tag == "x" }

// isNoNameTag: jieba tags the word as something a name never is: an
// adverb, adjective, pronoun, verb, preposition, conjunction, particle,
// time or direction word, idiom or onomatopoeia (特别/d, 本次/r, 密切/ad,
// 提高/v). Nouns, places, abbreviations, measure words and unknown words
// may still be names: jieba tags 普京 ns, 基辛格 n, 德比 j, 卡列 q.
func isNoNameTag(tag string) bool {
	return tag != "eng" && tagIn(tag, "abcdefiloprtuvyz")
}

// tagIn reports whether a jieba tag is of one of classes, by its first
// letter (v for v, vn, vd…).
func tagIn(tag, classes string) bool {
	return tag != "" && strings.ContainsRune(classes, rune(tag[0]))
}

// noForeignName reports whether rs[i:i+n], read as a transliterated name,
// is something else: one word jieba tags as no name (俄总统特别代表, 本次常委会),
// a place of the gazetteer (澳门特首, 西贡区议员), the start of a country's
// name (圣多美 of 圣多美和普林西比) or a word of notnames.txt
// (world regions: 主席东南亚之行). Transliteration runes spell many
// ordinary words, so the foreign-name rules ask this where the Chinese ones
// ask for a family name.
func (t *tagged) noForeignName(i, n int) bool {
	name := t.runes[i : i+n]
	if notNames[string(name)] || defaultGazetteer().names(name) || countryNameAt(t.runes, i) >= n {
		return true
	}
	if t.byStart == nil {
		return false
	}
	sp, ok := t.byStart.get(i)
	// 俄美/x 总统: the presidents of two countries.
	if ok && sp.end == i+n && (isNoNameTag(sp.tag) || (sp.tag == "x" && countryPair(name))) {
		return true
	}
	// 世界市长对话/n·南京/ns: an event's name, a word of jieba's that is
	// no name before the joiner and a Chinese place after it (not
	// 道格/n·福特/ns).
	if ok && sp.end+1 < i+n && sp.end-sp.start >= 2 && han.IsNameJoiner(t.runes[sp.end]) && sp.tag != "x" && !isPersonTag(sp.tag) {
		if place, ok := t.byStart.get(sp.end + 1); ok && place.tag == "ns" && defaultGazetteer().names(t.runes[place.start:place.end]) {
			return true
		}
	}
	// 希腊总理因/p 欧洲议会/nt: a preposition or conjunction and the
	// start of a body's or a place's name jieba knows (but 国家主席通/v
	// 伦特/ns 使 is 通伦).
	if next, more := t.byStart.get(i + 1); ok && more && sp.end == i+1 && tagIn(sp.tag, "pc") &&
		next.end > i+n && (next.tag == "nt" || next.tag == "ns") {
		return true
	}
	return false
}

// nameAt returns the length of a person's name starting at rune i, or 0.
// A name is a family name and one to three more runes, up to the verb,
// particle or position word that follows it; four runes only for compound
// or double family names (欧阳…, 林郑月娥). jieba, when present, vetoes
// names that start a dictionary word (高度重视 after 书记) and shortens a
// name that runs into one (李明深入 → 李明), but its person tags are not
// trusted to draw the boundary: it cuts 陈家/强说 and 张/秀英.
func (t *tagged) nameAt(i int) int {
	rs := t.runes
	if i >= len(rs) || !isHan(rs[i]) {
		return 0
	}
	if n := t.leaderNameAt(i); n > 0 {
		return n
	}
	personWord, ok := t.jiebaAllowsNameAt(i)
	if !ok || (!personWord && !startsWithSurname(rs[i:]) && !t.rareFamilyNameAt(i)) {
		return 0
	}
	// 向朱克伯格提问, 对李某表示: a preposition before a name.
	if strings.ContainsRune(prepositionFamilyNames, rs[i]) && i+1 < len(rs) && startsWithSurname(rs[i+1:]) {
		return 0
	}
	n := t.jiebaAdjustName(i, nameRunLength(rs, i))
	if n != 3 && !personWord && t.nounNameAt(i) {
		return 0 // 关文/n 渭/ns: the noun's name is all three runes or none
	}
	// 莫哈末五世: a regnal number the family-name rules cut before 世.
	if n >= 3 && regnalNumber(rs, i+n-1) == 2 {
		n++
	}
	// Transliterated names run on (古特雷斯, 内塔尼亚胡, 马特维耶夫).
	if n >= 2 && allTranslit(rs[i+1:i+n]) {
		m := n
		for n < 7 && i+n < len(rs) && strings.ContainsRune(translitRunes, rs[i+n]) && !stopWordAt(rs, i+n) && !t.postWordAt(i+n) {
			n++
		}
		// …but not into a verb, adverb, function word or word of place of
		// jieba's that goes on past it (华特斯/包裹/v, 张德江/nr 南下/f);
		// names jieba does not know it cuts into places and nouns
		// (洛桑/江村/ns, 基辛格/n).
		// A word that holds the rune the name stopped at says nothing:
		// jieba glues stops to names it does not know (普拉昌/达致/v).
		if t.byStart != nil && !(i+n < len(rs) && stopWordAt(rs, i+n)) {
			for k := m; k < n; k++ {
				if sp, ok := t.byStart.get(i + k); ok && sp.end > i+n && sp.end-sp.start >= 2 && tagIn(sp.tag, "vdpcuf") {
					n = k
					break
				}
			}
		}
	}
	// 殷殷嘱托: one rune twice is no two-rune name.
	if n < 2 || (n == 2 && t.familyNounAt(i)) || (n == 2 && rs[i] == rs[i+1]) || notNames[string(rs[i:i+n])] || notNames[string(rs[i:i+2])] || numerals(rs[i:i+n]) || isCountry(rs[i:i+n]) || foreignState(rs[i:i+n]) {
		return 0
	}
	// 阿卜杜拉二世, 穆罕默德六世, 卡尔十六世: a regnal number after a
	// transliterated name, or one of four runes, is the name's. After a
	// Chinese one, 一世 is a lifetime (陈某一世英名).
	if n >= 4 || allTranslit(rs[i:i+n]) {
		n += regnalNumber(rs, i+n)
	}
	return n
}

// prepositionFamilyNames are family names that are prepositions and
// conjunctions too (向, 对, 和…): before another name they are the
// preposition (向朱克伯格提问, 戴向陳指出).
const prepositionFamilyNames = "向对跟给同与和"

// foreignState reports whether name is a transliterated name and 州: a
// state (艾奥瓦州), which jieba tags as a person (艾奥瓦州/nrt).
func foreignState(name []rune) bool {
	return len(name) >= 3 && name[len(name)-1] == '州' && allTranslit(name[:len(name)-1])
}

// jiebaAllowsNameAt asks jieba's cut whether a name may start at i, and
// whether jieba tags the word there as a person. Without a cut, any rune
// may start a name.
func (t *tagged) jiebaAllowsNameAt(i int) (personWord, ok bool) {
	if t.byStart == nil {
		return false, true
	}
	sp, ok := t.byStart.get(i)
	if !ok {
		return false, false // i is inside a word
	}
	personWord = isPersonTag(sp.tag)
	if personWord {
		return true, true
	}
	if sp.end-sp.start == 1 {
		// 张/q 病床/n: a lone surname rune followed by a dictionary word of
		// its own is a measure word or a verb, not a name; nor is one
		// function word followed by another (相对于/p 其/r 他人).
		next, ok := t.byStart.get(i + 1)
		if ok && next.end-next.start == 1 && tagIn(sp.tag, "cdpru") && tagIn(next.tag, "cdpru") {
			return false, false
		}
		// 石/n 永泰/nz, 林/ng 锦华/nz: a given name jieba lists as a
		// proper noun, after a family name it reads as a noun (not
		// 向/p 人民/nz).
		givenName := next.tag == "nz" && tagIn(sp.tag, "nz")
		return false, !(ok && next.end-next.start >= 2 && next.tag != "x" && !givenName && !isPersonTag(next.tag))
	}
	if sp.tag == "x" {
		return false, true // jieba does not know it: a guess is ours to make
	}
	// A word of its own is no name (高度 after 书记), but jieba reads some
	// names as places (梁国/ns 雄): a two-rune place word that a one-rune
	// word follows may still start one.
	next, ok := t.byStart.get(sp.end)
	if sp.tag == "ns" && sp.end-sp.start == 2 && ok && next.end-next.start == 1 && isHan(t.runes[next.start]) {
		return false, true
	}
	if t.nounNameAt(i) {
		return false, true
	}
	return false, t.familyNounAt(i) && ok && isHan(t.runes[next.start])
}

// nounNameAt reports whether jieba cut a name of three runes at i as a
// noun of two and a noun of one (方国/n 珊/n, 黄权/n 辉/n): the three runes
// written again in the article, the last rune none that ends a thing's
// name (thingends.txt), and no family name cut off before them (谭/zg
// 文豪/n 指: 谭文豪).
func (t *tagged) nounNameAt(i int) bool {
	if t.byStart == nil || t.writtenAgain == nil {
		return false
	}
	sp, ok := t.byStart.get(i)
	if !ok || sp.tag != "n" || sp.end-sp.start != 2 {
		return false
	}
	next, ok := t.byStart.get(sp.end)
	if !ok || next.end-next.start != 1 || !isHan(t.runes[next.start]) || !tagIn(next.tag, "n") || strings.ContainsRune(thingEnds, t.runes[next.start]) {
		return false
	}
	if prev, ok := t.byEnd.get(i); ok && prev.end-prev.start == 1 && surnames[t.runes[prev.start]] {
		return false
	}
	return t.writtenAgain(string(t.runes[i:next.end]))
}

// thingEnds are the runes of thingends.txt.
var thingEnds = strings.Join(mustList("thingends.txt"), "")

// familyNounAt reports whether jieba reads a family name and 家 at i as
// the family (周家/n 明说/v). Names with 家 in the middle (周家明, 邝家龙)
// start with that noun, so it may start a name of three runes, but is
// none alone (黄家/n 正说: 黄家正 is cut short there, not named 黄家).
func (t *tagged) familyNounAt(i int) bool {
	if t.byStart == nil {
		return false
	}
	sp, ok := t.byStart.get(i)
	return ok && sp.tag == "n" && sp.end-sp.start == 2 && t.runes[i+1] == '家'
}

// timeWordStarts open the time words that may follow a family name
// written alone (早前, 当时, 日前, 今日, 昨日, 近日, 上周).
const timeWordStarts = "早当日今昨近前上本明"

// nameRunLength is the length of a name at i by the family-name rules: a
// family name and up to two more runes (three for compound or double
// family names: 欧阳…, 林郑月娥), ending before a verb, particle or post.
func nameRunLength(rs []rune, i int) int {
	return extendNameRun(rs, i, 1)
}

// maxNameLength is the longest a Chinese name at i may be: three runes,
// four for two family names (林郑月娥) or a compound one (欧阳…), but not
// for one written twice (殷殷嘱托).
func maxNameLength(rs []rune, i int) int {
	if (i+1 < len(rs) && surnames[rs[i+1]] && surnames[rs[i]] && rs[i] != rs[i+1]) || hasCompoundSurname(rs[i:]) {
		return 4
	}
	return 3
}

// extendNameRun lengthens a name of n runes at i by the family-name rules,
// up to a verb, particle or post.
func extendNameRun(rs []rune, i, n int) int {
	maxLen := maxNameLength(rs, i)
	for n < maxLen && i+n < len(rs) && isHan(rs[i+n]) && !stopWordAt(rs, i+n) && positionStartingAt(rs, i+n) == 0 {
		n++
	}
	return n
}

// jiebaAdjustName corrects the length n of a name at i by jieba's cut:
// longer when jieba knows the whole name (魏凤和/nr), shorter when what
// follows jieba's name is a function word or an adverb (李强/nr 作/v 报告,
// 李强/nr 乘/v 包机, 刘江华/nr 最/d 明显, 特朗普/nr 本/r 周二, but 李家/nr
// 超/v is 李家超, and 那/r ends 基拉那) or the rest is a word of its own
// (李明/深入).
// A person word of jieba's that holds a rune the rules stop at (罗致/nr
// 光: 致 as in 致辞) is a name the rules go on after.
func (t *tagged) jiebaAdjustName(i, n int) int {
	if t.byStart == nil {
		return n
	}
	rs := t.runes
	if m := t.unknownNameAt(i); n < m {
		n = m
	}
	if sp, _ := t.byStart.get(i); isPersonTag(sp.tag) && allHanRunes(rs[sp.start:sp.end]) {
		m := sp.end - sp.start
		switch {
		case m > n && m <= 4:
			stoppedInside := stopWordAt(rs, i+n)
			n = m
			if stoppedInside {
				n = extendNameRun(rs, i, n)
			}
		case m >= 2 && m < n:
			if next, ok := t.byStart.get(sp.end); ok && next.end-next.start == 1 && (strings.ContainsRune(nameEnders, rs[next.start]) || tagIn(next.tag, "dpc")) {
				n = m
			}
		}
	} else if sp.tag == "x" && sp.end-sp.start >= 2 && sp.end < i+n && allHanRunes(rs[sp.start:sp.end]) {
		// 沈冲/x 有/v 出席, 陈仲衡/x 望/v 向: a name jieba does not know,
		// cut before a word that ends names. Not 和, which given names
		// end in too (曾树/x 和/c, 康京/x 和/c).
		if next, ok := t.byStart.get(sp.end); ok && next.end-next.start == 1 && strings.ContainsRune(nameEnders, rs[next.start]) && rs[next.start] != '和' {
			n = sp.end - sp.start
		}
	}
	for k := n - 1; k >= 2; k-- {
		sp, ok := t.byStart.get(i + k)
		if !ok || sp.end-sp.start < 2 || isNameTag(sp.tag) {
			continue
		}
		// A time word ends a name even inside it (彭斯/x 周四/t).
		if sp.end > i+n || sp.tag == "t" {
			n = k
		}
	}
	// 潘/nr 早前/t 作供時, 胡/nr 当时/t: a family name alone before a
	// time word that opens like one (not 卢/nr 四清/t).
	if sp, ok := t.byStart.get(i + 1); ok && n >= 2 && sp.tag == "t" && sp.end-sp.start >= 2 && strings.ContainsRune(timeWordStarts, rs[i+1]) {
		n = 1
	}
	if n == 4 && twoFamilyNames(rs, i) {
		n = t.twoFamilyNamesEnd(i)
	}
	// 会见越南国家主席梁强时，: the time a clause names ends it (梁强/x
	// 时/n, 翟隽时/x), unless jieba knows the three runes as a name (余英时/nr).
	if n == 3 && rs[i+2] == '时' && i+3 < len(rs) && strings.ContainsRune("，,", rs[i+3]) {
		if sp, ok := t.byStart.get(i); !ok || !isPersonTag(sp.tag) || sp.end != i+3 {
			n = 2
		}
	}
	return n
}

// twoFamilyNames reports whether the name at i opens with two family
// names, which the family-name rules read as a married woman's four-rune
// name (林郑月娥, 叶刘淑仪).
func twoFamilyNames(rs []rune, i int) bool {
	return i+1 < len(rs) && surnames[rs[i]] && surnames[rs[i+1]] && rs[i] != rs[i+1] && !hasCompoundSurname(rs[i:])
}

// twoFamilyNamesEnd is the length of a name of four runes at i that opens
// with two family names: four, unless jieba cuts its end as a word that
// is no given name. 彭斯/x 会面/n, 卢林/x 违规/vn, 巴赫/nr 独家/n are a
// two-rune name and the word after it; 毛孟静/x 以/p a three-rune name and
// a preposition. Given names of such names are unknown to jieba
// (雷张/x 慎佳/x) or an adjective's noun at most (陈方/x 安生/an).
func (t *tagged) twoFamilyNamesEnd(i int) int {
	// Not before a company's word (桂洪/x 集团/n: the company), nor a place
	// of the gazetteer (金钟/nr 清场/v) or one before a word of place
	// (金钟/nr 附近/f).
	if sp, ok := t.byStart.get(i + 2); ok && sp.end == i+4 && givenNameNever(sp.tag) && !anyWordAt(t.runes, i+2, privateOrgs) && !defaultGazetteer().names(t.runes[i:i+2]) {
		return 2
	}
	if first, ok := t.byStart.get(i); ok && first.end == i+3 {
		if sp, ok := t.byStart.get(i + 3); ok && sp.end == i+4 && tagIn(sp.tag, "cdprt") {
			return 3
		}
		// 陈仲衡/x 闻言/nr, 刘江华/nr 三拒/x, 吴文远/x 散庭后/x: jieba took
		// three runes as one word and the fourth opens a word that goes on
		// past it; four runes would end inside that word. Not a word that
		// glues a stop to the name's last rune (阮苏少/x 湄说/x), nor a
		// regnal number (莫哈末/x 五世/nrt).
		if sp, ok := t.byStart.get(i + 3); ok && sp.end > i+4 && allHanRunes(t.runes[i+3:sp.end]) && !stopWordAt(t.runes, i+4) && regnalNumber(t.runes, i+3) == 0 {
			return 3
		}
	}
	return 4
}

// givenNameNever: jieba tags the word as one a given name never is, by
// isNoNameTag, or a common noun (会面/n, 团队/n); not an adjective (a
// given name may be one: 安生/an).
func givenNameNever(tag string) bool {
	return tag == "n" || tag == "vn" || tag == "ad" || (isNoNameTag(tag) && !tagIn(tag, "af"))
}

// unknownNameAt is the length of a three-rune name at i whose middle rune
// the family-name rules stop at, where jieba found the three runes as one
// word it does not know (黄之锋/x, 廖亦武/x; 黄之锋说/x with the speech
// verb glued on), or the first two as one and the last as a name of its
// own (黄均/x 瑜/nr), or 0. The rules alone read 黄 and stop at 之 as in
// 之后; jieba's dictionary has no such word, so the runes belong together
// only as a name, unless the last two are a speech verb (李笑言).
func (t *tagged) unknownNameAt(i int) int {
	sp, ok := t.byStart.get(i)
	if !ok || sp.tag != "x" || !surnames[t.runes[i]] || hasCompoundSurname(t.runes[i:]) {
		return 0
	}
	rs := t.runes[sp.start:sp.end]
	if len(rs) == 4 && stopWordAt(rs, 3) {
		rs = rs[:3]
	}
	// 黄均/x 瑜/nr 称: jieba split the name after its stop rune and took
	// the last rune for a name of its own.
	// Not where the stop is a preposition (戴/向/陈: 戴 to 陈).
	if next, ok := t.byStart.get(sp.end); ok && len(rs) == 2 && !strings.ContainsRune(prepositionFamilyNames+"被由及", rs[1]) && next.end-next.start == 1 && isNameTag(next.tag) && endsName(t.runes, next.end) {
		rs = t.runes[sp.start:next.end]
	}
	if len(rs) != 3 || !allHanRunes(rs) || !stopWordAt(rs, 1) || stopWordAt(rs, 2) {
		return 0
	}
	// 李笑言: a family name written alone, and the verb it says.
	if speechVerbEndingAt(rs, 3) > 0 || reportVerbEndingAt(rs, 3) > 0 {
		return 0
	}
	return 3
}

// rareFamilyNameAt reports whether a name with a rare family name
// (rareFamilyNames) starts at i: three runes jieba does not know, none a
// name stop or a numeral, after no Han rune but one that joins or ends a
// post. 區諾軒/x is named 720 times in the Hong Kong archive; 大湾区勇立/x
// is a place and a verb.
func (t *tagged) rareFamilyNameAt(i int) bool {
	rs := t.runes
	if !rareFamilyNames[rs[i]] || t.byStart == nil {
		return false
	}
	sp, ok := t.byStart.get(i)
	if !ok || sp.tag != "x" || sp.end-sp.start != 3 || !allHanRunes(rs[i:sp.end]) {
		return false
	}
	for k := i + 1; k < sp.end; k++ {
		if stopWordAt(rs, k) || numerals(rs[k:k+1]) {
			return false
		}
	}
	return i == 0 || !isHan(rs[i-1]) || strings.ContainsRune("、和与及的同跟对向被由让请但而", rs[i-1]) || positionEndingAt(rs, i) > 0
}

// isCountry reports whether name is a country's or organisation's name
// (沙特 in 沙特王储 is no person).
func isCountry(name []rune) bool {
	_, ok := countries[string(name)]
	return ok
}

// countryPair reports whether name is two countries' one-rune names (俄美,
// 美乌). Most of those runes spell foreign names too (奥巴马, 比奥, and
// 西比加 is three of them), so only a word of two runes that jieba does
// not know is read so.
func countryPair(name []rune) bool {
	if len(name) != 2 {
		return false
	}
	_, first := countries[string(name[0])]
	_, second := countries[string(name[1])]
	return first && second
}

// numerals: 二十大, 十四五 are no names; one numeral in a given name is
// (王一博).
func numerals(name []rune) bool {
	const digits = han.Digits + "百千万亿零两第"
	n := 0
	for _, r := range name {
		if strings.ContainsRune(digits, r) {
			n++
		}
	}
	return n >= 2 || (n == 1 && strings.ContainsRune(digits, name[0]) && !surnames[name[0]])
}

// translitRunes spell foreign names in Chinese (extract/data/translit.txt).
var translitRunes = strings.Join(mustList("translit.txt"), "")

// allTranslitName reports whether name is transliteration runes, in
// parts joined by · or - (迪亚斯-卡内尔).
func allTranslitName(name []rune) bool {
	parts := strings.FieldsFunc(string(name), han.IsNameJoiner)
	for _, p := range parts {
		if !allTranslit([]rune(p)) {
			return false
		}
	}
	return len(parts) > 0
}

func allTranslit(rs []rune) bool {
	for _, r := range rs {
		if !strings.ContainsRune(translitRunes, r) {
			return false
		}
	}
	return len(rs) > 0
}

func hasCompoundSurname(rs []rune) bool {
	s := string(rs[:min(len(rs), 2)])
	for _, c := range compoundFamilyNames {
		if s == c && len(rs) > 2 {
			return true
		}
	}
	return false
}

// titleStop are runes before which a position's text cannot extend
// leftwards: 这是…, 分管工业的副区长, ——记山西省…, 专访…
const titleStop = "是的访由与在对向说了讯到据将被请让派给见和等即系为任记于率应就但遭又指名同有致而"

// titleStopUnless are title stops that begin org words when followed by
// one of the given runes.
var titleStopUnless = map[rune]string{'应': "急", '就': "业", '指': "挥导", '名': "誉", '有': "限", '致': "公", '系': "主"}

// titleBefore returns where the position that ends at end begins: it walks
// left over the units of a compound title (太原市委常委、小店区委书记), and
// stops at punctuation, at a verb or particle, or at a 、 that follows a
// name rather than a position (民革市委主委陈继光、民盟市委主委阎美蓉).
func titleBefore(t *tagged, end int) int {
	rs := t.runes
	start := end
	// The post word itself is whole, whatever jieba cuts inside it
	// (特别/d 代表).
	inPost := end - positionEndingAt(rs, end)
	for start > 0 && end-start < 60 {
		r := rs[start-1]
		if t.byEnd != nil && start < end && start <= inPost && t.verbBefore(start) {
			break
		}
		switch {
		case start > inPost:
			start--
		case r == '、' && positionEndingAt(rs, start-1) > 0:
			start--
			inPost = start - positionEndingAt(rs, start)
		case r == '与' && t.joinsFields(start-1):
			start--
		case isHan(r) && !isTitleStop(rs, start-1):
			start--
		default:
			return t.finishTitleStart(start, inPost, end)
		}
	}
	return t.finishTitleStart(start, inPost, end)
}

// finishTitleStart adjusts the start the walk of titleBefore found: past a
// listed verb right before the post word or cut by a stop rune, past a
// conjunction at its start (joinsAtStart), past a 者 a stop rune cut off
// and the verbs after it (pastPersonNounEnd), past the unit of a number
// written in digits (第45届美国总统, 12日代表…总统), back over a party or
// constituency the walk cut in two (自由党), and back over a former or
// elect qualifier.
func (t *tagged) finishTitleStart(start, post, end int) int {
	rs := t.runes
	start = afterVerbBeforePost(rs, start, post)
	if t.byStart != nil && start > 0 && start < end {
		// 有关/vn 行政长官: the walk stopped at 有, inside jieba's word.
		if sp, ok := t.byStart.get(start - 1); ok && sp.end == start+1 && titleBreakingVerbs[string(rs[start-1:start+1])] {
			start++
		}
	}
	if start > 0 && start < end && rs[start-1] >= '0' && rs[start-1] <= '9' && strings.ContainsRune(numberUnits, rs[start]) {
		start++
	}
	// 辞职及前行政会议成员, 今天和/c 公安部部长: a conjunction the title
	// starts with joins it to what came before (a verb, a name), not two
	// bodies; so does a listed verb of one rune cut as a word of its own.
	for start < post && t.joinsAtStart(start) {
		start++
	}
	start = t.pastPersonNounEnd(start, post)
	start = overAffiliation(rs, start, end)
	return withFormerQualifier(rs, trimTitleStart(rs, start, end), end)
}

// joinsAtStart reports whether the rune at i, where a title would start,
// is 及, or a word of one rune that is 和, 与 or a listed verb (not 和 of
// 和平).
func (t *tagged) joinsAtStart(i int) bool {
	r := t.runes[i]
	if r == '及' {
		return true
	}
	if t.byStart == nil {
		return false
	}
	sp, ok := t.byStart.get(i)
	return ok && sp.end == i+1 && (r == '和' || r == '与' || titleBreakingVerbs[string(r)])
}

// pastPersonNounEnd moves a title's start past the 者 of a word a stop
// rune cut (记者, 读者: 记 is a stop), and past the verbs after it, which
// name no body (记者参考/v 保安局局长, 读者能够/v 落实/v 总统), up to the
// post word at post.
func (t *tagged) pastPersonNounEnd(start, post int) int {
	if start >= post || t.runes[start] != '者' {
		return start
	}
	start++
	for t.byStart != nil {
		sp, ok := t.byStart.get(start)
		if !ok || !strings.HasPrefix(sp.tag, "v") || sp.end > post {
			break
		}
		start = sp.end
	}
	return start
}

// numberUnits are the runes that end a number written in digits (届 of
// 第45届, 日 of 12日, 岁 of 70岁), which no title begins with after one.
const numberUnits = "届年月日号岁"

// overAffiliation moves a title's start back to the start of a party or
// constituency (affiliations.txt) that it falls inside of: the walk stops
// at a stop rune inside one (由 of 自由党) or at a word jieba cut out of
// one (新政 of 青年新政).
func overAffiliation(rs []rune, start, end int) int {
	for k := 1; start+k <= end && k < maxAffiliationRunes; k++ {
		if n := affiliations.endingAt(rs, start+k); n > k {
			return start + k - n
		}
	}
	return start
}

// maxAffiliationRunes is the length of the longest affiliation.
var maxAffiliationRunes = func() int {
	m := 0
	for _, ws := range affiliations.byLast {
		for _, w := range ws {
			m = max(m, len(w))
		}
	}
	return m
}()

// afterVerbBeforePost moves a title's start past a title-breaking verb
// written right before its post word (强烈要求特首, 上街抗议特首, 不愿评论
// 特首, 两度问特首), however jieba cut the words around it (强烈要求/l is
// an idiom to jieba, no verb; 问/n). Right before the post the verbs of
// titleverbs.txt end no organisation's name.
func afterVerbBeforePost(rs []rune, start, post int) int {
	for n := 1; n <= maxTitleVerbRunes && post-n >= start; n++ {
		if titleBreakingVerbs[string(rs[post-n:post])] {
			return post
		}
	}
	return start
}

// maxTitleVerbRunes is the length of the longest titleBreakingVerbs word.
var maxTitleVerbRunes = func() int {
	m := 0
	for v := range titleBreakingVerbs {
		m = max(m, utf8.RuneCountInString(v))
	}
	return m
}()

// withFormerQualifier moves the start of a title back over a former
// qualifier that jieba cut off as a verb (时任/v 财政司司长), or an elect
// one (候任特首): the title as written says the post was held then and not
// now, or not yet, and an official's page
// counts posts by the year of the article (fieldPost in index). A shared
// post alone keeps the start it has (去信时任主席曾钰成): a qualifier before
// it would make it say nothing of whose post it is (judgePost), which
// the bare post was not taken to.
func withFormerQualifier(rs []rune, start, end int) int {
	if _, lone := judgePost(string(rs[start:end])); lone {
		return start
	}
	for _, q := range slices.Concat(formerQualifiers, electQualifiers) {
		// A qualifier of one rune before the title is the end of another
		// word: 目前, 日前, 此前美国总统. 候任 is cut off at 任, a stop.
		n := utf8.RuneCountInString(q)
		if n > 1 && start >= n && string(rs[start-n:start]) == q {
			return start - n
		}
	}
	return start
}

// joinsFields reports whether 与 at i joins two fields inside one
// organisation's name (外交与安全政策高级代表, 经济与财政部长) rather than
// two people (普京与美国总统, 林郑与律政司司长, 他与常委): jieba's word
// before it is a common noun that is no post, and no country follows it.
func (t *tagged) joinsFields(i int) bool {
	if t.byEnd == nil || i+1 >= len(t.runes) {
		return false
	}
	sp, ok := t.byEnd.get(i)
	if !ok || sp.end-sp.start < 2 || !(sp.tag == "n" || sp.tag == "an" || sp.tag == "vn") || positionEndingAt(t.runes, i) > 0 {
		return false
	}
	for k := sp.start; k < sp.end; k++ {
		if isTitleStop(t.runes, k) {
			return false // 国际关系与合作部长: the walk would stop inside 关系
		}
	}
	// 与前市长: with a former holder.
	return t.runes[i+1] != '前' && countryNameAt(t.runes, i+1) == 0 && !isCountry(t.runes[i+1:i+2])
}

// titleBreakingVerbs are the verbs that end the text before a position;
// jieba tags many org-name parts as verbs too (学习/v 委员会, 中/联办/v), so
// only these count.
// The reporting verbs of reportverbs.txt break a title too (引述美国前联邦众议员).
var titleBreakingVerbs = setOfList(append(mustList("titleverbs.txt"), mustList("reportverbs.txt")...))

// verbBefore: the jieba word ending at i is a verb, preposition, adverb,
// time word or conjunction of its own (相信特首…, 至于财委会主席…, 接纳港大校委会主席…),
// so a position written after it does not extend over it.
func (t *tagged) verbBefore(i int) bool {
	sp, ok := t.byEnd.get(i)
	if !ok || (sp.end-sp.start >= 2 && isCountry(t.runes[sp.start:sp.end])) {
		// 约旦/d 国王: a country whatever jieba tags it; but 以 and 比 are
		// prepositions more often than Israel and Belgium.
		return false
	}
	if sp.end-sp.start == 1 && i >= 2 && titleBreakingVerbs[string(t.runes[i-2:i])] {
		// 梁振英党去/x 信/n 特首: a listed verb jieba cut across words.
		return true
	}
	if sp.end-sp.start >= 2 && !strings.HasPrefix(sp.tag, "n") && titleBreakingVerbs[string(t.runes[sp.start:sp.end])] {
		// 不满/a 乡议局副主席: a listed verb, whatever jieba tags it but
		// a noun (政府代表/n 和…大使).
		return true
	}
	if sp.end-sp.start == 1 {
		// 应国家主席…之邀: a one-rune preposition; 和, 及, 与 join org names.
		// A one-rune verb only when listed (人士如立法会议员, 获法官).
		if sp.tag == "v" || titleBreakingVerbs[string(t.runes[sp.start])] {
			// 许智峰问/n 教育局局长: a listed verb of one rune, whatever
			// jieba tags it when it stands as a word of its own.
			return titleBreakingVerbs[string(t.runes[sp.start])]
		}
		return sp.tag == "p" && !strings.ContainsRune("和及与", t.runes[sp.start])
	}
	switch {
	case (sp.tag == "v" || sp.tag == "vn") && t.formerOrCountryAt(i) && !orgVerbs[string(t.runes[sp.start:sp.end])] && !strings.ContainsRune(bodyEnds, t.runes[i-1]):
		// 不检控/vn 前特首, 守住/v 前县长, 打击/v 伊朗陆军总司令: a verb
		// right before a former post or a country names no body, unless
		// it ends one (世界刑警组织/v 前主席, 中联办/v 前主任).
		return true
	case sp.tag == "v" || sp.tag == "vn" || sp.tag == "x":
		// x: a word jieba does not know (值此/x 中国国家主席).
		return titleBreakingVerbs[string(t.runes[sp.start:sp.end])]
	case sp.tag == "p", sp.tag == "c", sp.tag == "d", sp.tag == "r", sp.tag == "t", strings.HasPrefix(sp.tag, "u"):
		return true
	}
	return false
}

// orgVerbs are words jieba tags as verbs that end an organisation's name
// (extract/data/orgverbs.txt).
var orgVerbs = setOfList(mustList("orgverbs.txt"))

// formerOrCountryAt reports whether a former qualifier (前, 时任) or a
// country's name starts at rune i.
func (t *tagged) formerOrCountryAt(i int) bool {
	rs := t.runes
	if countryNameAt(rs, i) > 0 {
		return true
	}
	for _, q := range formerQualifiers {
		if !hasRunesAt(rs, i, []rune(q)) {
			continue
		}
		// The words that hold a qualifier (前线) are looked for around it.
		from, to := max(0, i-maxNotQualifierRunes), min(len(rs), i+maxNotQualifierRunes)
		if !insideNotQualifier(string(rs[from:to]), len(string(rs[from:i])), q) {
			return true
		}
	}
	return false
}

// maxNotQualifierRunes is the length of the longest notQualifiers word.
var maxNotQualifierRunes = func() int {
	m := 0
	for _, w := range notQualifiers {
		m = max(m, utf8.RuneCountInString(w))
	}
	return m
}()

func isTitleStop(rs []rune, i int) bool {
	r := rs[i]
	if !strings.ContainsRune(titleStop, r) {
		return false
	}
	// 书记 and 主任 contain stop runes; so do 党的 and 和 in org names, which we
	// accept losing.
	if r == '记' && i > 0 && (rs[i-1] == '书' || rs[i-1] == '登') {
		return false
	}
	if r == '任' && i > 0 && (rs[i-1] == '主' || rs[i-1] == '责') {
		return false
	}
	if r == '书' {
		return false
	}
	// 应国家主席…邀请, but 应急管理局局长; 就民主党…议员, but 就业局局长;
	// 又指小组主席, but 指挥部总指挥; 另一名发言人, but 名誉主席; 系 for
	// Cantonese 係 (is), but 土木工程系主任 (a university's department)
	// and 长和系主席 (a group of companies).
	if guard, ok := titleStopUnless[r]; ok {
		return i+1 >= len(rs) || !strings.ContainsRune(guard, rs[i+1])
	}
	// 文化文史和学习委员会 is one org; 刘某和市长… joins two people, but
	// not 文化和 or 文史和 (notnames.txt), though 文 is a family name.
	if r == '和' {
		// 伊朗伊斯兰共和国总统: a republic's name, no conjunction.
		if i > 0 && rs[i-1] == '共' && i+1 < len(rs) && rs[i+1] == '国' {
			return false
		}
		nameOf := func(k int) bool {
			return i >= k && startsWithSurname(rs[i-k:i]) && !notNames[string(rs[i-k:i-k+2])]
		}
		return nameOf(2) || nameOf(3)
	}
	return true
}

// trimTitleStart keeps titles short enough to be positions: at most 40
// runes, cut at a 、 boundary.
func trimTitleStart(rs []rune, start, end int) int {
	for end-start > 40 {
		i := start
		for i < end && rs[i] != '、' {
			i++
		}
		if i >= end {
			return end - 40
		}
		start = i + 1
	}
	return start
}

// personInfo collects what an article says about one person.
type personInfo struct {
	name     string
	country  string // of the first foreign post seen, "" for China
	titles   map[string]int
	order    int // first mention, for a stable output order
	official bool
	subject  bool
	speaker  bool // named as saying something, so 他说 may refer to them
	// reports: named as the subject of reported speech in a paragraph
	// jieba tagged, so the same name reporting in a paragraph it did not
	// is that person (subjectOf); pronouns go by speaker alone.
	reports  bool
	inferred bool // known from the index's registry, not from this article
}

// people is the per-article registry of named persons.
type people struct {
	byName map[string]*personInfo
	// aliasName reports whether a name is the one the aliases count a
	// person under (特朗普 over 唐纳德·特朗普); nil for none.
	aliasName func(name string) bool
	next      int
	text      string // the whole article, folded, for counting mentions
	runes     []rune // text as runes, made once (textRunes)
	// asWritten holds the Latin names of people as the article writes
	// them, by their folded form (nick: Nick).
	asWritten map[string]string
	counts    map[string]int // mentions memo: quotes ask about the same names again
	// answerer speaks the 答: turns: the one subject official, or nobody.
	answerer string
	// headlined is the person the headline says were interviewed or
	// speak (interviewedIn), or "".
	headlined string
	// quoteSpeakers are the speakers the article's direct quotes were
	// given (quotes), which reported speech reads before it.
	quoteSpeakers map[string]bool
	// wholeNames maps an official's name to the whole name the article
	// writes it for (mergeSamePost): 通伦 to 通伦·西苏里, 特朗 to 特朗普.
	// Both stay people until the quotes are read, as the text writes
	// both, and then list as the whole one.
	wholeNames map[string]string
}

// mentions counts the occurrences of name in the article, once per name.
func (p *people) mentions(name string) int {
	if n, ok := p.counts[name]; ok {
		return n
	}
	if p.counts == nil {
		p.counts = map[string]int{}
	}
	n := strings.Count(p.text, name)
	p.counts[name] = n
	return n
}

func newPeople() *people { return &people{byName: map[string]*personInfo{}} }

// textRunes is the whole article, folded, as runes: the rules that read
// it rune by rune share one copy.
func (p *people) textRunes() []rune {
	if p.runes == nil {
		p.runes = []rune(p.text)
	}
	return p.runes
}

func (p *people) note(name, title string, official bool) *personInfo {
	pi := p.byName[name]
	if pi == nil {
		pi = &personInfo{name: name, titles: map[string]int{}, order: p.next}
		p.next++
		p.byName[name] = pi
	}
	if title != "" {
		pi.titles[title]++
		if pi.country == "" && official {
			pi.country = countryOf(title)
		}
	}
	// 梁先生就任行政长官, 劳福局副局长: a form of address or a body may
	// speak, but holds no post; nor does a director (港铁车务总监).
	pi.official = pi.official || (official && !addressOrBody([]rune(name)) && !privatePost(title))
	return pi
}

// mergeRunOns folds an official's name that ran into the word after it or
// before it (李强乘专机, 陈帆见记者, 祝贺习近平) into the name the article
// writes on its own: a shorter start of it that stands as a name
// elsewhere in the article more often than the longer one is written
// (standsApart), or at all, or known to the registry (known), where jieba
// cuts the last rune off as the next word (runsOnEverywhere); or an end
// of it that is already a person of the article. The titles go with the
// name. A name joined by · or - is not cut at its
// joiner (迪亚斯-卡内尔, 德尔西·罗德里格斯), though what ran into it goes
// (同迪亚斯-卡内尔), and a start that is only a family name is no name.
func (p *people) mergeRunOns(tags []*tagged, known func(name string) bool) {
	names := make([]string, 0, len(p.byName))
	for n, pi := range p.byName {
		if pi.official && utf8.RuneCountInString(n) >= 3 {
			names = append(names, n)
		}
	}
	sort.Strings(names) // merges in a fixed order
	var texts []rune
	for _, name := range names {
		pi := p.byName[name]
		if pi == nil {
			continue
		}
		rs := []rune(name)
		if p.mergeSamePost(pi, rs, &texts, tags) {
			continue
		}
		into := ""
		for k := 1; k <= len(rs)-2 && into == ""; k++ {
			if han.IsNameJoiner(rs[k-1]) {
				continue // 德尔西·罗德里格斯 is more than 罗德里格斯
			}
			if q := p.byName[string(rs[k:])]; q != nil {
				into = q.name
			}
		}
		for k := len(rs) - 1; k >= 2 && into == "" && !slices.ContainsFunc(rs, han.IsNameJoiner); k-- {
			start := rs[:k]
			if !(startsWithSurname(start) || allTranslit(start)) || familyNameOnly(start, len(rs)) || isCountry(start) {
				continue
			}
			if texts == nil {
				texts = p.textRunes()
			}
			// 李强 written alone more often than 李强乘; but an article
			// with both 萨勒 and 萨勒曼, once each, names two people.
			apart := standsApart(texts, start, rs)
			if apart > p.mentions(name) {
				into = string(start)
			}
			// 陈帆见记者 once and 陈帆指 once, or 法官陈仲衡闻言 in an
			// article that writes him nowhere else but the index knows
			// him: where jieba cuts the last rune off as the next word
			// everywhere, the name written alone once is enough.
			if k == len(rs)-1 && (apart > 0 || known(string(start))) && runsOnEverywhere(tags, rs, k) {
				into = string(start)
			}
		}
		if into != "" {
			p.merge(pi, into)
		}
	}
}

// mergeSamePost folds two officials of the article into one where one's
// name starts the other's and they hold the same post (sharePost): one
// person written once with what ran into the name (中联办新界工作部部长刘林主礼
// beside 刘林出席; 美国总统拜登赦免其子亨特·拜登 in a headline), or once cut
// short (美国总统特朗应该, a typo, beside 特朗普 three times), or once with
// a full name and then the short one (通伦·西苏里, then 通伦; 亨利·基辛格,
// then 基辛格, unless the aliases count the person by the short name:
// 唐纳德·特朗普, then 特朗普). The name
// written more often stands, the shorter on a tie, as what runs into a
// name is written once; but a whole name with a joiner or a regnal
// number stands over its start. Two people with the same post whose
// names start alike (萨勒 and 萨勒曼 hold different ones) are rare enough
// that the same post says it is one person.
func (p *people) mergeSamePost(long *personInfo, rs []rune, texts *[]rune, tags []*tagged) bool {
	for k := len(rs) - 1; k >= 2; k-- {
		start := rs[:k]
		short := p.byName[string(start)]
		if short == nil || !short.official || !sharePost(long, short) || han.IsNameJoiner(rs[k-1]) {
			continue
		}
		if *texts == nil {
			*texts = p.textRunes()
		}
		// 费利佩六世 and 通伦·西苏里 say more than 费利佩 and 通伦.
		whole := han.IsNameJoiner(rs[k]) || regnalNumber(rs, k) == len(rs)-k
		if !whole && (standsApart(*texts, start, rs) >= p.mentions(long.name) || runsOnEverywhere(tags, rs, k)) {
			p.merge(long, short.name)
			return true
		}
		p.keepWholeName(short.name, long.name)
		return true
	}
	// 美国前国务卿亨利·基辛格, then 美国前国务卿基辛格: the family name
	// after a joiner is the whole name's too.
	if _, last, ok := han.NameEnds(string(rs)); ok {
		if short := p.byName[last]; short != nil && short.official && sharePost(long, short) {
			if p.aliasName != nil && p.aliasName(last) {
				p.merge(long, last) // 唐纳德·特朗普 is counted as 特朗普
			} else {
				p.keepWholeName(last, long.name)
			}
			return true
		}
	}
	return false
}

// keepWholeName records that short is the article's official whole, for
// officials() and the quotes' speakers (mergeSpeakerNames).
func (p *people) keepWholeName(short, whole string) {
	if p.wholeNames == nil {
		p.wholeNames = map[string]string{}
	}
	p.wholeNames[short] = whole
}

// listedWholeName returns how many officials of the article have a name
// joined by · or - of which name is one or more parts (奥拉夫·朔尔茨 of
// 朔尔茨, 尼古拉斯·马杜罗·莫罗斯 of 马杜罗), and the name of one of them.
func (p *people) listedWholeName(name string) (whole string, n int) {
	for _, pi := range p.byName {
		if pi.name != name && pi.official && len(pi.titles) > 0 && WholeNameOf(pi.name, name) {
			whole, n = pi.name, n+1
		}
	}
	return whole, n
}

// sharePost reports whether a and b were written with the same post, or
// one's post ends the other's (美国副总统 and 副总统), and no two countries
// tell them apart.
func sharePost(a, b *personInfo) bool {
	if a.country != "" && b.country != "" && a.country != b.country {
		return false
	}
	for ta := range a.titles {
		for tb := range b.titles {
			if postsAgree(ta, tb) {
				return true
			}
		}
	}
	return false
}

// postsAgree reports whether two posts, folded, are one: the same, or
// one ending the other (美国副总统 and 副总统, 巴基斯坦总理 and 总理).
func postsAgree(a, b string) bool { return strings.HasSuffix(a, b) || strings.HasSuffix(b, a) }

// runsOnEverywhere reports whether name occurs in the tagged texts and,
// wherever it does, jieba starts a word k runes into it that is the next
// word, not the name's end: a name ender (陈帆/见 记者, 陈仲衡/闻言) or a
// verb, adverb, preposition, conjunction, direction, numeral or time word
// of two runes or more (张德江/南下, 奥巴马/第二任). 李鹏/飞/n of 李鹏飞 is
// neither.
func runsOnEverywhere(tags []*tagged, name []rune, k int) bool {
	seen := false
	for _, t := range tags {
		for i := 0; i+len(name) <= len(t.runes); i++ {
			if !slices.Equal(t.runes[i:i+len(name)], name) {
				continue
			}
			if !t.nextWordAt(i + k) {
				return false
			}
			seen = true
		}
	}
	return seen
}

// runsOnSomewhere reports whether name occurs in a tagged text where
// jieba starts such a next word k runes into it: the name may end there.
func runsOnSomewhere(tags []*tagged, name []rune, k int) bool {
	for _, t := range tags {
		for i := 0; i+len(name) <= len(t.runes); i++ {
			if slices.Equal(t.runes[i:i+len(name)], name) && t.nextWordAt(i+k) {
				return true
			}
		}
	}
	return false
}

// oneWordSomewhere reports whether jieba reads name as one word in a
// tagged text.
func oneWordSomewhere(tags []*tagged, name []rune) bool {
	for _, t := range tags {
		if t.byStart == nil {
			continue
		}
		for i := 0; i+len(name) <= len(t.runes); i++ {
			if sp, ok := t.byStart.get(i); ok && sp.end == i+len(name) && slices.Equal(t.runes[i:i+len(name)], name) {
				return true
			}
		}
	}
	return false
}

// nextWordAt reports whether jieba starts at rune i a word that opens
// what follows a name rather than ends it: a name ender, or a verb,
// adverb, preposition, conjunction, direction, numeral or time word of two
// runes or more. Untagged text says nothing.
func (t *tagged) nextWordAt(i int) bool {
	if t.byStart == nil {
		return false
	}
	sp, ok := t.byStart.get(i)
	if !ok {
		return false
	}
	// jieba tags 闻言 as a person: the ender decides.
	return strings.ContainsRune(nameEnders, t.runes[i]) || (sp.end-sp.start >= 2 && tagIn(sp.tag, "vdpcfmt") && !isPersonTag(sp.tag))
}

// standsApart counts where name occurs in text where a name can stand
// (nameStandsAt), other than as the start of full: 黄宏 in 黄宏发表示 is
// 黄宏发's, not 黄宏's.
// foldTruncations folds into each of the registered names an article
// writes (found) a person of the article whose name is that name's start
// and is never written apart from it: 首相高市早苗, without 日本, reads as
// 高市早 by the Chinese rules, and is 高市早苗.
func (p *people) foldTruncations(found []string) {
	if len(found) == 0 {
		return
	}
	var text []rune
	shorts := slices.Sorted(maps.Keys(p.byName)) // in a fixed order: merges add up posts
	for _, name := range found {
		full := []rune(name)
		for _, short := range shorts {
			pi := p.byName[short]
			if pi == nil || short == name || !strings.HasPrefix(name, short) || utf8.RuneCountInString(short) < 2 {
				continue
			}
			if text == nil {
				text = p.textRunes()
			}
			if standsApart(text, []rune(short), full) == 0 {
				p.merge(pi, name)
				if !pi.inferred {
					p.byName[name].inferred = false // it has the short name's post
				}
			}
		}
	}
}

func standsApart(text, name, full []rune) int {
	n := 0
	for i := 0; i+len(name) <= len(text); i++ {
		if !slices.Equal(text[i:i+len(name)], name) {
			continue
		}
		if i+len(full) <= len(text) && slices.Equal(text[i:i+len(full)], full) {
			continue
		}
		if nameStandsAt(text, i, i+len(name)) {
			n++
		}
	}
	return n
}

// familyNameOnly: rs, the start of a name of full runes, is a compound
// family name (欧阳) or, in a four-rune name, two single ones (林郑 of
// 林郑月娥), not a name of its own. 王林 of 王林见 is one.
func familyNameOnly(rs []rune, full int) bool {
	if len(rs) != 2 {
		return false
	}
	return slices.Contains(compoundFamilyNames, string(rs)) || (full == 4 && surnames[rs[0]] && surnames[rs[1]])
}

// merge moves from's titles and flags to the person called into, and
// forgets from.
func (p *people) merge(from *personInfo, into string) {
	to := p.byName[into]
	if to == nil {
		to = &personInfo{name: into, titles: map[string]int{}, order: from.order}
		p.byName[into] = to
	}
	for t, n := range from.titles {
		to.titles[t] += n
	}
	to.official = to.official || from.official
	to.subject = to.subject || from.subject
	to.speaker = to.speaker || from.speaker
	to.reports = to.reports || from.reports
	if to.country == "" {
		to.country = from.country
	}
	to.order = min(to.order, from.order)
	delete(p.byName, from.name)
}

// bestTitle is the most complete position: one that says whose post it
// is before a shared post written alone or after a private body's word
// alone (DTZ亚太区主席 against 行政长官), then one that does not look
// back on another office the person held (recalledTitles: 候任特首 against
// 时任社会福利署署长, in an article that recalls her earlier post), then
// the longest, then the most often written, then the alphabetically first
// (for stable output).
func (pi *personInfo) bestTitle() string {
	recalled := pi.recalledTitles()
	// An official's private title (健康大使 beside 食物及卫生局前政治助理)
	// is not the post they are listed with, nor one the registry learns.
	public := false
	if pi.official {
		for t := range pi.titles {
			if !privatePost(t) {
				public = true
				break
			}
		}
	}
	best, bestN, bestLone, bestThen := "", 0, true, false
	for t, n := range pi.titles {
		if public && privatePost(t) {
			continue
		}
		_, lone, bodiless := judge(t)
		lone = lone || bodiless
		if lone != bestLone {
			// 特首林郑月娥担任主席: a shared post written alone says
			// nothing of whose it is.
			if !lone {
				best, bestN, bestLone, bestThen = t, n, lone, recalled[t]
			}
			continue
		}
		if then := recalled[t]; best == "" || then != bestThen {
			if best == "" || !then {
				best, bestN, bestThen = t, n, then
			}
			continue
		}
		lt, lb := utf8.RuneCountInString(t), utf8.RuneCountInString(best)
		if lt > lb || (lt == lb && (n > bestN || (n == bestN && t < best))) {
			best, bestN = t, n
		}
	}
	return best
}

// longestKnownNameEndingAt returns the start of the longest registered
// name that ends at end, or -1.
func (p *people) knownNameEndingAt(rs []rune, end int) int {
	best := -1
	for name := range p.byName {
		n := utf8.RuneCountInString(name)
		if n <= end && string(rs[end-n:end]) == name && latinBounded(rs, end-n, end) && (best < 0 || end-n < best) {
			best = end - n
		}
	}
	return best
}

func (p *people) knownNameStartingAt(rs []rune, i int) int {
	best := 0
	for name := range p.byName {
		n := utf8.RuneCountInString(name)
		if n > best && i+n <= len(rs) && string(rs[i:i+n]) == name && latinBounded(rs, i, i+n) {
			best = n
		}
	}
	return best
}

// personNameAt returns the length of a person's name that starts at rune
// i of t, or 0: a person the article knows (knownNameStartingAt), or a
// name the rules read (nameAt) where jieba does not know the word
// (殴打青年/t 郑仲恒/x, whom the article names nowhere else). A word of its
// dictionary is none, whatever its tag (青年/t 代表/n, 青年/t 从政/nr,
// 儿童/n 呼吸科/nr), and so is an unknown one of two runes.
func (p *people) personNameAt(t *tagged, i int) int {
	if n := p.knownNameStartingAt(t.runes, i); n > 0 {
		return n
	}
	if t.byStart == nil {
		return 0
	}
	if sp, ok := t.byStart.get(i); !ok || sp.tag != "x" {
		return 0
	}
	// A name of two runes jieba does not know is as often a thing
	// (儿童/n 高椅/x on a tariff list).
	if n := t.nameAt(i); n >= 3 {
		return n
	}
	return 0
}

// latinBounded reports whether rs[s:e] does not cut a word of Latin
// letters: a Latin name is no name inside a longer word (nick of nickname).
func latinBounded(rs []rune, s, e int) bool {
	return !(isLatinLetter(rs[s]) && s > 0 && isLatinLetter(rs[s-1])) &&
		!(isLatinLetter(rs[e-1]) && e < len(rs) && isLatinLetter(rs[e]))
}

// findOfficials records every "position + name" in t (小店区委书记刘振华,
// 副市长、市公安局党委书记、局长葛波蔚).
func (p *people) findOfficials(t *tagged) {
	rs := t.runes
	prevBody, prevEnd := "", -1 // the body of the last title, and where its name ended
	for _, end := range t.postEnds() {
		// 书记处, 主任委员, 常委会: the position word is part of a longer noun.
		// A name that runs into another position word is an org (书记员).
		if end >= len(rs) || strings.ContainsRune("处会员", rs[end]) || !isHan(rs[end]) || positionStartingAt(rs, end) > 0 {
			continue
		}
		start := titleBefore(t, end)
		title := string(rs[start:end])
		nl := t.officialNameAt(end, p.nameCountryTitle(title))
		if nl == 0 {
			continue
		}
		if removedBefore(rs, start) && !hasFormerQualifier(title) {
			title = formerQualifiers[0] + title
		}
		judged := title
		if start > 0 && start-1 == prevEnd && rs[start-1] == '、' {
			// 香港众志立法会议员罗冠聪、秘书长黄之锋: a post alone in a
			// list of people with posts is the body's of the item before.
			if _, lone := judgePost(title); lone {
				judged = prevBody + title
			}
		}
		official := publicPost(judged) && !t.privateBodyBefore(start, title)
		p.note(string(rs[end:end+nl]), title, official)
		prevEnd = end + nl
		prevBody = string(rs[start : end-positionEndingAt(rs, end)])
		if judged != title {
			prevBody = judged[:len(judged)-len(title)]
		}
		// A list after one post: 国务院副总理张国清、刘国中; not after a
		// post one person holds (澳门行政长官崔世安、林郑月娥).
		single := singlePost(string(rs[max(0, start-2):start]) + title)
		for at := end + nl; at+1 < len(rs) && strings.ContainsRune("、及和与", rs[at]) && !single; {
			m := t.officialNameAt(at+1, title)
			if m == 0 && !t.oneNoNameWord(at+1) {
				m = listedNameAt(rs, at+1)
			}
			// 、文莱苏丹哈桑纳尔: the list goes on with another post.
			if m == 0 || !t.listItemEndsAt(at+1+m, rs[at]) || countryOf(string(rs[at+1:at+1+m])) != "" || hasPosition(rs[at+1:at+1+m]) {
				break
			}
			p.note(string(rs[at+1:at+1+m]), title, official)
			at += 1 + m
		}
	}
}

// nameCountryTitle is title as the reading of the name after it needs
// it: 首相 with no country, in an article that names Japan, is Japan's
// (首相高市早苗, whose name the Chinese rules cut to 高市早), as the
// posts of the article's other mentions say. The post shown stays as
// written; its country comes from the registry (countryFromRegistry).
func (p *people) nameCountryTitle(title string) string {
	if strings.HasSuffix(title, foreignHeadPost) && countryOf(title) == "" && strings.Contains(p.text, "日本") {
		return "日本" + title
	}
	return title
}

// foreignHeadPost is a post China's government does not have, which an
// article writes without its country where the country is plain from
// the story (首相高市早苗).
const foreignHeadPost = "首相"

// countryFromRegistry gives an official of the article written only with
// a foreignHeadPost that names no country the country the registry knows
// them by: 首相高市早苗 is Japan's, as 日本首相高市早苗 in other articles
// says. A Chinese post (省长) is left alone, where a namesake abroad
// would give the wrong country, and so is a name whose posts name more
// than one country (穆罕默德: 乍得总统, 沙特王储兼首相, 阿联酋总统).
//
// A transliterated name written only with a single post alone (习近平主席同
// 夏巴兹总理, 同呼日勒苏赫总统) is a foreign holder's too, whose country
// the story leaves plain: the registry's pass then finds the whole name
// the archive lists them by (夏巴兹·谢里夫), as it does for an article
// that names the country.
func countryFromRegistry(pi *personInfo, reg *fangtan.Registry) {
	if pi.country != "" || !pi.official {
		return
	}
	foreign := allTranslitName([]rune(pi.name))
	for t := range pi.titles {
		if countryOf(t) != "" || !strings.HasSuffix(t, foreignHeadPost) && !(foreign && slices.Contains(singlePosts, t)) {
			return
		}
	}
	ro, ok := reg.Lookup(pi.name)
	if !ok {
		return
	}
	country := ""
	for post := range ro.Posts {
		switch c := countryOf(analyzer.Fold(post)); {
		case c == "" || c == country:
		case country != "":
			return
		default:
			country = c
		}
	}
	pi.country = country
}

// removalVerbs take a post away (extract/data/removalverbs.txt).
var removalVerbs = mustList("removalverbs.txt")

// removedBefore reports whether a verb that takes a post away ends at
// start, or before a 的 there: the post after it is one the person lost
// (被DQ议员刘小丽).
func removedBefore(rs []rune, start int) bool {
	if start > 0 && rs[start-1] == '的' {
		start--
	}
	for _, v := range removalVerbs {
		n := utf8.RuneCountInString(v)
		if start >= n && string(rs[start-n:start]) == v {
			return true
		}
	}
	return false
}

// hasFormerQualifier reports whether title holds a former qualifier
// (前总统, 南韩前总统, 时任议员).
func hasFormerQualifier(title string) bool {
	for _, q := range formerQualifiers {
		if strings.Contains(title, q) {
			return true
		}
	}
	return false
}

// singlePost reports whether title, with the two runes before it, ends in
// a post one person holds at a time (singleposts.txt), not a deputy's, and
// names no past holders (前任总统奥巴马及乔治布殊, 历任特首董建华、曾荫权).
func singlePost(title string) bool {
	if strings.Contains(title, "前") || strings.Contains(title, "历任") || strings.Contains(title, "历届") || strings.Contains(title, "两位") {
		return false
	}
	for _, p := range singlePosts {
		if head, ok := strings.CutSuffix(title, p); ok {
			return !strings.HasSuffix(head, "副") && !strings.HasSuffix(head, "常务")
		}
	}
	return false
}

// officialNameAt returns the length of the name of an official, written
// at i after a post: a Chinese name (nameAt) or, after a foreign post or
// when joined by · or -, a transliterated one (foreignNameAt), whichever
// is longer.
func (t *tagged) officialNameAt(i int, title string) int {
	if t.prepositionAfterPost(i) {
		return 0
	}
	n := t.nameAt(i)
	if n == 0 {
		n = max(t.familyNameAndWordAt(i), t.nameGluedToPostAt(i), t.givenNameInAdverbAt(i))
	}
	if countryOf(title) == "日本" {
		if j := t.japaneseNameAt(i); j > n {
			return j
		}
	}
	f := foreignNameAt(t.runes, i)
	if f > n {
		if t.noForeignName(i, f) {
			f = 0
		} else {
			f = t.trimForeignName(i, f)
		}
	}
	switch {
	case f <= n:
		return n
	case countryIn(title, true) != "":
		return f // 伊朗新任驻沙特大使埃纳亚提 too
	case strings.ContainsFunc(string(t.runes[i:i+f]), han.IsNameJoiner):
		return f // 尔肯江·吐拉洪
	case n == 0 && f >= 3 && endsName(t.runes, i+f):
		return f // 前局长布伦南则说: three transliteration runes are a name
	}
	return n
}

// familyNameAndWordAt returns 3 where, right after a post, jieba cut a
// name of three runes as its family name alone and a word of two that
// is no verb (谭/zg 文豪/n 表示: 公民黨立法會議員譚文豪表示), or as a word
// of two that starts with the family name and one rune (黄润/n 秋/t), which
// nameAt reads as no name. The post says a name stands here; a verb, a
// stop, punctuation or the end must follow the three runes, so a family
// name and a noun of the sentence (主席王/教授) read as no name, and the
// article must write them again or a reporting verb follow them.
func (t *tagged) familyNameAndWordAt(i int) int {
	rs := t.runes
	if t.byStart == nil || t.writtenAgain == nil || i+3 > len(rs) || !surnames[rs[i]] {
		return 0
	}
	// 特首向議員發信, 由行政長官任主席: a preposition or a verb before
	// another post.
	if strings.ContainsRune(prepositionFamilyNames, rs[i]) || positionStartingAt(rs, i+1) > 0 {
		return 0
	}
	// The three runes are two words of jieba's, one and two runes or two
	// and one (黄润/n 秋/t 表示), neither a verb or a function word.
	first, ok := t.byStart.get(i)
	if !ok || first.end-i > 2 || !allHanRunes(rs[i:i+3]) {
		return 0
	}
	// …or the second glues the first rune of a name stop on, as a word
	// jieba does not know (黄润/n 秋作/x 了).
	second, ok := t.byStart.get(first.end)
	glued := ok && second.end == i+4 && second.tag == "x" && stopWordAt(rs, i+3)
	if !ok || second.end != i+3 && !glued || tagIn(second.tag, "vpcdurm") || first.end == i+2 && tagIn(first.tag, "vpcdurmt") {
		return 0
	}
	name := string(rs[i : i+3])
	if notNames[name] || notNames[string(rs[i:i+2])] || slices.Contains(honorifics, string(rs[i+1:i+3])) || slices.Contains(personNouns, string(rs[i+1:i+3])) {
		return 0
	}
	// Written once, the name must say something (部长黄润秋表示); the glued
	// stop says it (作了).
	if !glued && (!t.clauseGoesOnAt(i+3) || !t.writtenAgain(name) && !reportVerbAt(rs, i+3)) {
		return 0
	}
	return 3
}

// givenNameInAdverbAt returns 2 where, right after a post, jieba cut a
// name of two runes as its family name alone and the given name glued to
// the 在 or 向 after it, as an adverb (韩/j 正在/t: 国家副主席韩正在北京同…;
// 韩/j 正向/d 乌拉圭当选总统致贺电): the post says a name stands here. Only
// the adverbs whose first rune is a given name's as often
// (givenNameAdverbs); 也在, 将在 and 已在 are adverbs after whatever
// stands before them.
func (t *tagged) givenNameInAdverbAt(i int) int {
	rs := t.runes
	if t.byStart == nil || i+3 > len(rs) || !surnames[rs[i]] || strings.ContainsRune(prepositionFamilyNames, rs[i]) {
		return 0
	}
	first, ok := t.byStart.get(i)
	if !ok || first.end != i+1 {
		return 0
	}
	second, ok := t.byStart.get(i + 1)
	if !ok || second.end != i+3 || !slices.Contains(givenNameAdverbs, string(rs[i+1:i+3])) {
		return 0
	}
	if notNames[string(rs[i:i+2])] {
		return 0
	}
	return 2
}

// givenNameAdverbs are the adverbs whose first rune is a given name's as
// often (韩正, 李现) and whose second a name stop (在, 向).
var givenNameAdverbs = []string{"正在", "现在", "正向"}

// reportVerbAt reports whether a reporting verb (reportverbs.txt) starts
// at i.
func reportVerbAt(rs []rune, i int) bool {
	for k := 1; k <= 4 && i+k <= len(rs); k++ {
		if reportVerbEndingAt(rs, i+k) == k {
			return true
		}
	}
	return false
}

// nameGluedToPostAt returns the length of a name at i, right after a
// post, that jieba glued to the post's last runes as one word it does
// not know (警务处/n 长卢伟聪/x 表示): the rest of that word, two or three
// runes from a family name.
func (t *tagged) nameGluedToPostAt(i int) int {
	rs := t.runes
	if t.byStart == nil || i >= len(rs) || !surnames[rs[i]] {
		return 0
	}
	if _, ok := t.byStart.get(i); ok {
		return 0
	}
	for k := i - 1; k >= max(0, i-2); k-- {
		sp, ok := t.byStart.get(k)
		if !ok {
			continue
		}
		n := sp.end - i
		if sp.tag != "x" || n < 2 || n > 3 || !allHanRunes(rs[i:sp.end]) || notNames[string(rs[i:sp.end])] || notNames[string(rs[i:i+2])] || !t.clauseGoesOnAt(sp.end) {
			return 0
		}
		return n
	}
	return 0
}

// clauseGoesOnAt reports whether a name read against jieba's cut may end
// at i: at the end, before punctuation or a stop, or before a word of
// jieba's that is a verb, preposition, conjunction or adverb (表示, 和,
// 则), not a noun that would be the name's own (中宣部长冀港/媒: a
// headline's verb and object).
func (t *tagged) clauseGoesOnAt(i int) bool {
	rs := t.runes
	if i >= len(rs) || !isHan(rs[i]) || stopWordAt(rs, i) {
		return true
	}
	next, ok := t.byStart.get(i)
	return ok && tagIn(next.tag, "vpcd")
}

// prepositionAfterPost reports whether the rune at i, right after a post,
// is a preposition that opens what the post's holder did to a country or
// to another holder of a post (习近平主席向拉赫蒙总统颁授, 习近平主席同德索萨总统
// 互致贺电, 以色列总理向卡塔尔发威胁), not the holder's name: 向 and 同 are
// family names too.
func (t *tagged) prepositionAfterPost(i int) bool {
	rs := t.runes
	if i+1 >= len(rs) || !strings.ContainsRune(prepositionFamilyNames, rs[i]) {
		return false
	}
	if countryNameAt(rs, i+1) > 0 {
		return true
	}
	n := max(t.nameAt(i+1), foreignNameAt(rs, i+1))
	return n >= 2 && positionStartingAt(rs, i+1+n) > 0
}

// japaneseNameAt returns the length of a Japanese name at i, written in
// Han characters: a family name of one or two runes and a given name of
// one to three (石破茂, 高市早苗, 鸠山由纪夫), longer than the Chinese
// family-name rules allow and mostly unknown to jieba (高市/x 早苗/x). It
// ends at punctuation, or where a word of jieba's begins that is a verb,
// particle or conjunction, a post or a name stop; 0 without jieba or with
// no such end.
func (t *tagged) japaneseNameAt(i int) int {
	rs := t.runes
	if t.byStart == nil {
		return 0
	}
	if _, ok := t.byStart.get(i); !ok {
		return 0 // inside a word
	}
	best := 0
	for k := 1; k <= 5 && i+k <= len(rs); k++ {
		if r := rs[i+k-1]; !isHan(r) || positionStartingAt(rs, i+k-1) > 0 || (k > 1 && stopWordAt(rs, i+k-1)) {
			break
		}
		end := i + k
		if k < 2 {
			continue
		}
		// Five runes only as jieba's person word (鸠山由纪夫/nr, but not
		// 岸田文雄互/x 致贺).
		if k == 5 {
			if sp, ok := t.byEnd.get(end); !ok || !isPersonTag(sp.tag) {
				break
			}
		}
		if end == len(rs) || !isHan(rs[end]) {
			if t.nameLikeWords(i, end) {
				best = k
			}
			continue
		}
		// The name ends where a word of jieba's begins (岸田文雄/x 互致/v,
		// not 岸田文雄互 of 岸田文雄互/x 致贺).
		if sp, ok := t.byStart.get(end); ok && (tagIn(sp.tag, "vpcu") || stopWordAt(rs, end) || positionStartingAt(rs, end) > 0) && t.nameLikeWords(i, end) {
			best = k
		}
		// …or where a name stop starts whose first rune jieba glued to
		// the whole name, a word it does not know (岸田文雄互/x 致贺: 互致).
		if sp, ok := t.byEnd.get(end + 1); ok && k >= 3 && sp.start == i && sp.tag == "x" && stopWordAt(rs, end) {
			best = k
		}
		// …or where jieba cut the family name and the given name as two
		// words it does not know (高市/x 早苗/x 涉华/x, 错误/n, 近期/t;
		// the Chinese rules read 高市早).
		if t.twoUnknownWords(i, end) {
			best = k
		}
	}
	return best
}

// twoUnknownWords reports whether jieba cuts rs[i:end] into two words it
// does not know.
func (t *tagged) twoUnknownWords(i, end int) bool {
	first, ok := t.byStart.get(i)
	if !ok || first.tag != "x" || first.end >= end {
		return false
	}
	second, ok := t.byStart.get(first.end)
	return ok && second.tag == "x" && second.end == end
}

// nameLikeWords reports whether jieba cuts rs[i:end] into words a name
// is made of: one word of a person, a place or one it does not know
// (安倍晋三/nr, 村山富市/ns, 岸田文雄/x), or a first word of those kinds (or a
// noun or single rune that a person's or unknown word follows: 二阶/n
// 俊博/x) and then such words, single runes and two-rune nouns (田村/x
// 智子/n, 保坂展/x 人/n); not 官邸/n 前, 错误/n 言论, 办/v 版本.
func (t *tagged) nameLikeWords(i, end int) bool {
	first, ok := t.byStart.get(i)
	if !ok || first.end > end {
		return false
	}
	if first.end == end {
		return isNameTag(first.tag) || first.tag == "ns"
	}
	if !isNameTag(first.tag) {
		next, ok := t.byStart.get(first.end)
		if !ok || !isNameTag(next.tag) || !(tagIn(first.tag, "n") || first.end-first.start == 1 && !tagIn(first.tag, "cdpruv")) {
			return false
		}
	}
	for p := first.end; p < end; {
		sp, ok := t.byStart.get(p)
		if !ok || sp.end > end {
			return false
		}
		n := sp.end - sp.start
		if !isNameTag(sp.tag) && !(n == 1 && !tagIn(sp.tag, "cdpruv")) && !(n == 2 && sp.tag == "n") {
			return false
		}
		p = sp.end
	}
	return true
}

// sharedPosts and publicBodies tell an official's post from the same post
// of a private body (恒隆集团主席, 社民连发言人): publicPost.
var (
	sharedPosts  = setOfList(mustList("sharedposts.txt"))
	singlePosts  = mustList("singleposts.txt")
	publicBodies = mustList("publicbodies.txt")
	// privateBodies hold a public body's word and are none (公司: 司).
	privateBodies = mustList("privatebodies.txt")
	// privateOrgs make a country's organisation a private one (德国博世集团),
	// and nationalPrivateOrgs a nation's too (中国文物保护基金会), whose
	// public words are only nationWords (中国).
	// companyOrgs are private after a place's word of one rune too
	// (市传盈科招展集团).
	privateOrgs, nationalPrivateOrgs, companyOrgs, nationWords = privateOrgKinds(mustTable("privateorgs.txt"))
)

// privateOrgKinds splits the rows of privateorgs.txt by kind; national
// words are private after a country's name too.
func privateOrgKinds(rows []tableRow) (country, national, company, nation []string) {
	for _, r := range rows {
		switch r.key {
		case "country":
			country = append(country, r.values...)
		case "national":
			national = append(national, r.values...)
			country = append(country, r.values...)
		case "company":
			company = append(company, r.values...)
			country = append(country, r.values...)
		case "nation":
			nation = append(nation, r.values...)
		default:
			panic("extract/data/privateorgs.txt: unknown kind " + r.key)
		}
	}
	return country, national, company, nation
}

// postQualifiers say when or how a post is held (前, 署理) and postCounts
// count its holders (全体): extract/data/postqualifiers.txt, postcounts.txt.
// Neither names an organisation. formerQualifiers are those that say the
// post is no longer held, electQualifiers those that say it is not held
// yet (候任), and notQualifiers the words that hold one of them without
// being one (前线).
var (
	postQualifiers, formerQualifiers, electQualifiers, notQualifiers = qualifierKinds(mustTable("postqualifiers.txt"))
	postCounts                                                       = mustList("postcounts.txt")
)

// qualifierKinds splits the rows of postqualifiers.txt by kind.
func qualifierKinds(rows []tableRow) (all, former, elect, not []string) {
	for _, r := range rows {
		switch r.key {
		case "none":
			not = append(not, r.values...)
		case "former":
			former = append(former, r.values...)
			all = append(all, r.values...)
		case "elect":
			elect = append(elect, r.values...)
			all = append(all, r.values...)
		default:
			all = append(all, r.values...)
		}
	}
	return all, former, elect, not
}

// trimWords takes words off both ends of org (民主党前 of 民主党前主席),
// and only there: 原 is in 国际原子能机构 too. It reports whether it took
// any.
func trimWords(org string, words []string) (string, bool) {
	took := false
	for trimmed := true; trimmed; {
		trimmed = false
		for _, w := range words {
			if t := strings.TrimSuffix(strings.TrimPrefix(org, w), w); t != org {
				org, trimmed, took = t, true, true
			}
		}
	}
	return org, took
}

// publicPost reports whether title is an official's: a post of its own, a
// post only public bodies have, or a shared post written alone or after
// the name of a public body or of a country. 恒隆集团主席 and
// 本土民主前线发言人 are not.
func publicPost(title string) bool {
	public, _ := judgePost(title)
	return public
}

// privateBodyBefore reports whether the shared post title, written alone
// at start, is the post of a body the title stopped short of and whose
// name holds no public body's word: a name in quotes (「智库政治专家集团」主席)
// or one a qualifier parts from its post (华懋集团已故主席). Nothing
// before it, or a public body (「国安委」主席), leaves the post as it was.
func (t *tagged) privateBodyBefore(start int, title string) bool {
	if _, lone := judgePost(title); !lone {
		return false
	}
	rs := t.runes
	at := start
	for _, q := range postQualifiers {
		if n := utf8.RuneCountInString(q); at >= n && string(rs[at-n:at]) == q {
			at -= n
			break
		}
	}
	var org string
	switch {
	case stockCodeEndingAt(rs, at):
		return true // 恒隆(101)主席陈启宗: a listed company's
	case at > 0 && quoteOpener[rs[at-1]] != 0:
		open := quoteOpener[rs[at-1]]
		from := at - 2
		for from >= 0 && at-from < 30 && rs[from] != open {
			from--
		}
		if from < 0 || rs[from] != open {
			return false
		}
		org = string(rs[from+1 : at-1])
	case at == start || t.byEnd == nil:
		return t.privateBodyEarlier(at)
	default:
		// Only a noun of two runes or more before the qualifier ends a
		// body's name (集团, 动力, 工会): in 去信时任主席 the post is the
		// letter's addressee's, whose body is not written.
		// A party jieba does not know (社民连/x 现任主席) is one too.
		sp, ok := t.byEnd.get(at)
		if affiliations.endingAt(rs, at) == 0 && (!ok || sp.end-sp.start < 2 || !(strings.HasPrefix(sp.tag, "n") || sp.tag == "j")) {
			return t.privateBodyEarlier(at)
		}
		org = string(rs[titleBefore(t, at):at])
	}
	if org == "" || countryOf(org) != "" {
		return false
	}
	return !holdsAny(withoutPrivateBodies(org), publicBodies)
}

// withoutPrivateBodies returns org without the words of privatebodies.txt,
// which hold a public body's word but name none (公司 holds 司).
func withoutPrivateBodies(org string) string {
	for _, w := range privateBodies {
		org = strings.ReplaceAll(org, w, "")
	}
	return org
}

// privateBodyEarlier reports whether the sentence before a shared post
// written alone, which ends at end, names a private body last: a party
// (affiliations.txt: 被禁止运作的香港民族党，召集人陈浩天), a company or an association
// (大律师公会…争取连任的现任主席林定国), with no public body's word of two
// runes or more (立法会, 委员会, 政府) between it and the post. The post is
// that body's. A body of a nation (中华全国总工会) or a country is left to
// judge, as privateorgs.txt says.
func (t *tagged) privateBodyEarlier(end int) bool {
	rs := t.runes
	for i := end; i > 0 && end-i < maxEarlierBody; i-- {
		if strings.ContainsRune("。！？!?\n", rs[i-1]) {
			return false
		}
		// A party right before a name is that person's (民主党许智峰),
		// not a body whose post follows.
		if parties.endingAt(rs, i) > 0 && !(startsWithSurname(rs[i:]) && nameRunLength(rs, i) >= 2) {
			return true
		}
		for _, w := range longPublicBodies {
			if runesHasSuffix(rs[:i], w) {
				return false
			}
		}
		for _, w := range privateOrgs {
			if runesHasSuffix(rs[:i], w) {
				before := string(rs[max(0, i-utf8.RuneCountInString(w)-8):i])
				return !holdsAny(before, nationWords) && countryOf(before) == ""
			}
		}
	}
	return false
}

// maxEarlierBody is how far back privateBodyEarlier looks, in runes.
const maxEarlierBody = 40

// longPublicBodies are the public bodies' words of two runes or more:
// the one-rune ones (市, 局, 部) are in too many other words to look for.
var longPublicBodies = func() []string {
	var out []string
	for _, w := range publicBodies {
		if utf8.RuneCountInString(w) >= 2 {
			out = append(out, w)
		}
	}
	return out
}()

// stockCodeEndingAt reports whether a stock code in brackets ends at i:
// Hong Kong's papers write a listed company's code after its name
// (东亚银行(0023), 长和(001)), and a public body has none.
func stockCodeEndingAt(rs []rune, i int) bool {
	for i > 0 && unicode.IsSpace(rs[i-1]) {
		i--
	}
	if i < 3 || (rs[i-1] != ')' && rs[i-1] != '）') {
		return false
	}
	j := i - 2
	for j >= 0 && i-2-j < 5 && '0' <= rs[j] && rs[j] <= '9' {
		j--
	}
	return j < i-2 && j >= 0 && (rs[j] == '(' || rs[j] == '（')
}

// judgePost reports whether title is an official's (publicPost) and
// whether it is a shared post with no organisation before it (发言人,
// 前主席, 署理总干事), which says nothing of whose post it is.
func judgePost(title string) (public, lone bool) {
	public, lone, _ = judge(title)
	return public, lone
}

// publicBodyStartingAt returns the length of the longest public body's
// word (publicbodies.txt) that starts at rune i of rs, or 0.
func publicBodyStartingAt(rs []rune, i int) int {
	best := 0
	for _, b := range publicBodiesByFirst[rs[i]] {
		if len(b) > best && hasRunesAt(rs, i, b) {
			best = len(b)
		}
	}
	return best
}

// publicBodiesByFirst holds publicBodies by their first rune.
var publicBodiesByFirst = func() map[rune][][]rune {
	m := map[rune][][]rune{}
	for _, b := range publicBodies {
		if rs := []rune(b); len(rs) > 0 {
			m[rs[0]] = append(m[rs[0]], rs)
		}
	}
	return m
}()

// judge is judgePost, and says whether title is a shared post after
// nothing but a private body's word (公司主席, 竞选办主任): a private
// body's post that names no body.
func judge(title string) (public, lone, bodiless bool) {
	rs := []rune(title)
	n := positionEndingAt(rs, len(rs))
	if endsInPrivatePost(rs, n) {
		return false, false, false // 港铁车务总监, 健康大使: never an official's
	}
	if n == 0 || !sharedPosts[string(rs[len(rs)-n:])] {
		return true, false, false
	}
	// The organisation is what the title holds besides its posts: in
	// 中联办副主任及秘书长 both posts are 中联办's, and in 特首民投计划发言人
	// the spokesman is 民投计划's.
	var orgRunes []rune
	ownPost := false // a post no private body has, before the last
	for i := 0; i < len(rs)-n; {
		// 主席团常务主席: a public body's word that starts the title
		// with a post is the body's name, not a post (the presidium of
		// the NPC's session, written alone once the article has named the
		// session). After another body's name it is that body's organ
		// (香港国际投资总会主席团主席), judged by the body.
		m := positionStartingAt(rs, i)
		if m > 0 {
			if b := publicBodyStartingAt(rs[:len(rs)-n], i); b > m && len(orgRunes) == 0 {
				orgRunes = append(orgRunes, rs[i:i+b]...)
				i += b
				continue
			}
			ownPost = ownPost || !sharedPosts[string(rs[i:i+m])]
			i += m
			continue
		}
		if !strings.ContainsRune("及、和与兼", rs[i]) {
			orgRunes = append(orgRunes, rs[i])
		}
		i++
	}
	org, qualified := trimWords(string(orgRunes), postQualifiers)
	org, _ = trimWords(org, postCounts)
	private := !ownPost && holdsAny(org, privateOrgs)
	national := !ownPost && holdsAny(org, nationalPrivateOrgs)
	company := !ownPost && holdsAny(org, companyOrgs)
	countOnly := func(r rune) bool { return unicode.IsDigit(r) || strings.ContainsRune("名位", r) }
	named := strings.TrimFunc(org, countOnly) != ""
	org = strings.TrimFunc(withoutPrivateBodies(org), countOnly)
	if org == "" && named && !qualified {
		// 公司主席: the post of a body whose name is a private body's
		// word alone, not a post written alone.
		return false, false, true
	}
	if org == "" {
		// Posts only (全体副主任及秘书长, 8名副主任, 发言人): an official's,
		// as 习近平主席; but 前主席 says nothing of whose it was.
		return !qualified, true, false
	}
	if holdsAny(org, publicBodies) {
		if company && !longPublicBodyBeyond(org, nationWords) {
			return false, false, false
		}
		return !national || publicBeyond(org, nationWords), false, false
	}
	return countryIn(title, true) != "" && !private, false, false
}

// longPublicBodyBeyond reports whether org holds a public body's word of
// two runes or more (政府, 委员会) other than the words except.
func longPublicBodyBeyond(org string, except []string) bool {
	for _, w := range except {
		org = strings.ReplaceAll(org, w, "\x00")
	}
	for _, b := range publicBodies {
		if utf8.RuneCountInString(b) >= 2 && strings.Contains(org, b) {
			return true
		}
	}
	return false
}

// publicBeyond reports whether org holds a public body's word other than
// the words except and those inside them (国 in 中国).
func publicBeyond(org string, except []string) bool {
	for _, w := range except {
		org = strings.ReplaceAll(org, w, "\x00")
	}
	return holdsAny(org, publicBodies)
}

// holdsAny reports whether s holds one of words.
func holdsAny(s string, words []string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// regnalNumber returns the length of a regnal number at i (六世 in
// 费利佩六世), or 0.
func regnalNumber(rs []rune, i int) int {
	j := i
	for j < len(rs) && j-i < 3 && strings.ContainsRune(han.Digits, rs[j]) {
		j++
	}
	if j > i && j < len(rs) && rs[j] == '世' {
		return j + 1 - i
	}
	return 0
}

// endsName reports whether a name may end at i: at the end of the text, at
// punctuation or a non-Han rune, or at a verb or particle (张国清出席).
func endsName(rs []rune, i int) bool {
	return i >= len(rs) || !isHan(rs[i]) || stopWordAt(rs, i)
}

// listItemEndsAt reports whether a name in a list after a post, joined to
// the list by joiner, may end at i: where a name ends (endsName), or,
// after 、, before a verb, preposition, conjunction or adverb of jieba's
// (全国政协副主席胡春华、梁振英、苏辉/围绕 作了发言: clauseGoesOnAt). After 与
// or 和 the name is as often the one the list's people met (现任议员黄碧云
// 与林郑月娥合照); after 及 it was right 11 times in hkcnews and twice cut
// short where jieba glued its last rune to the verb (殷晓静及黄兰/发到 of
// 黄兰发, an item of the gold), so those keep the strict rule.
func (t *tagged) listItemEndsAt(i int, joiner rune) bool {
	return endsName(t.runes, i) || joiner == '、' && t.byStart != nil && t.clauseGoesOnAt(i)
}

// oneNoNameWord reports whether jieba reads the text at i as a word of a
// class no name has (行政长官林郑月娥及劳工/vn 及福利局局长: a department,
// not the list's next name).
func (t *tagged) oneNoNameWord(i int) bool {
	if t.byStart == nil {
		return false
	}
	sp, ok := t.byStart.get(i)
	return ok && sp.end-sp.start >= 2 && isNoNameTag(sp.tag)
}

// listedNameAt reads a name in a list after a post without asking jieba,
// which cuts 谭/铁牛: a family name and one or two more runes that end
// the item (陈冬、谭铁牛等). Only a list's later items are read so.
func listedNameAt(rs []rune, i int) int {
	if i >= len(rs) || !surnames[rs[i]] {
		return 0
	}
	// 、蒋作君、何报翔、: an item between two of a list's marks is a name
	// whole, though a name stop stands inside it (作, 报).
	if i > 0 && rs[i-1] == '、' {
		for n := 2; n <= 3 && i+n < len(rs); n++ {
			if rs[i+n] == '、' && allHanRunes(rs[i:i+n]) && !notNames[string(rs[i:i+n])] && !notNames[string(rs[i:i+2])] && !numerals(rs[i:i+n]) && !isCountry(rs[i:i+n]) && !hasPosition(rs[i:i+n]) {
				return n
			}
		}
	}
	for n := 2; n <= 3 && i+n <= len(rs); n++ {
		if !allHanRunes(rs[i:i+n]) || stopWordAt(rs, i+n-1) {
			return 0
		}
		if i+n == len(rs) || strings.ContainsRune("、，,。；;及和与等", rs[i+n]) {
			if notNames[string(rs[i:i+n])] || notNames[string(rs[i:i+2])] || numerals(rs[i:i+n]) || isCountry(rs[i:i+n]) {
				return 0
			}
			return n
		}
	}
	return 0
}

// hasPosition reports whether a post word starts anywhere in rs.
func hasPosition(rs []rune) bool {
	for i := range rs {
		if positionStartingAt(rs, i) > 0 {
			return true
		}
	}
	return false
}

// foreignNameAt returns the length of a transliterated name at i:
// transliteration characters (普京, 格奥尔基耶娃), or parts of Han
// characters joined by · or - (迪亚斯-卡内尔, 尔肯江·吐拉洪), up to a
// verb, a particle, a post or punctuation.
func foreignNameAt(rs []rune, i int) int {
	// 习近平总书记和迪亚斯-卡内尔第一书记: a conjunction after a post opens
	// the next person's name, not this post's holder.
	if i >= len(rs) || strings.ContainsRune("和同与及", rs[i]) {
		return 0
	}
	end := i
	var firstPart []rune
	for parts := 0; ; parts++ {
		j := end
		for j < len(rs) && j-end < 8 && isHan(rs[j]) && (j == end || !stopWordAt(rs, j)) && positionStartingAt(rs, j) == 0 {
			j++
		}
		// Only transliteration characters, but for a part written before a
		// joiner (廷·巴特尔): the joiner shows where it ends.
		if !(parts == 0 && j+1 < len(rs) && han.IsNameJoiner(rs[j]) && isHan(rs[j+1])) {
			k := end
			for k < j && strings.ContainsRune(translitRunes, rs[k]) {
				k++
			}
			// One transliteration rune and more Han after a joiner: after
			// a first part that starts as a transliteration, a name with
			// runes translit.txt lacks (威廉-亚历山大), which goes on to
			// the end of the run; after any other, a Chinese name written
			// after a post (特首参选人－胡世全), and no foreign name.
			if parts > 0 && k-end < 2 && k < j {
				if len(firstPart) == 0 || !strings.ContainsRune(translitRunes, firstPart[0]) {
					return 0
				}
				k = j
			}
			j = k
		}
		if parts == 0 {
			firstPart = rs[i:j]
		}
		if j == end {
			if parts > 0 {
				end-- // a joiner with nothing after it is not the name's
			}
			break
		}
		end = j
		if end+3 < len(rs) && han.IsNameJoiner(rs[end]) && isLatinLetter(rs[end+1]) && han.IsNameJoiner(rs[end+2]) && isHan(rs[end+3]) {
			end += 3 // 唐纳德·J·特朗普: a middle initial
			continue
		}
		if end+1 < len(rs) && han.IsNameJoiner(rs[end]) && isHan(rs[end+1]) {
			end++
			continue
		}
		break
	}
	if end-i < 2 || notNames[string(rs[i:end])] || numerals(rs[i:end]) || isCountry(rs[i:end]) {
		return 0
	}
	return end - i + regnalNumber(rs, end)
}

// countries maps every name of a country or international organisation
// (extract/data/countries.txt) to the name it is listed under.
var countries, countriesByFirst = func() (map[string]string, map[rune][]string) {
	m := map[string]string{}
	byFirst := map[rune][]string{}
	for _, row := range mustTable("countries.txt") {
		for _, name := range append([]string{row.key}, row.values...) {
			m[name] = row.key
			r, _ := utf8.DecodeRuneInString(name)
			byFirst[r] = append(byFirst[r], name)
		}
	}
	for _, ws := range byFirst {
		sort.SliceStable(ws, func(i, j int) bool { return len(ws[i]) > len(ws[j]) })
	}
	return m, byFirst
}()

// postsOnly reports whether rs is one post word or several written one
// after another (总统特别代表).
func postsOnly(rs []rune) bool {
	i := 0
	for i < len(rs) {
		n := positionStartingAt(rs, i)
		if n == 0 {
			return false
		}
		i += n
	}
	return i > 0
}

// countryNameAt returns the length of the longest name of a country or
// organisation of two runes or more that starts at i, or 0.
func countryNameAt(rs []rune, i int) int {
	if i >= len(rs) {
		return 0
	}
	for _, name := range countriesByFirst[rs[i]] { // longest first
		n := utf8.RuneCountInString(name)
		if n >= 2 && i+n <= len(rs) && string(rs[i:i+n]) == name {
			return n
		}
	}
	return 0
}

// countryOf returns the country or organisation a post belongs to
// (俄罗斯总统 → 俄罗斯, 联合国秘书长 → 联合国), or "" for a Chinese one.
// A one-rune short form counts only right before the post words
// themselves (俄总统, 美国务卿, 俄总统特别代表), never inside a Chinese post
// (巴中市委书记).
func countryOf(title string) string { return countryIn(title, false) }

// countryIn is countryOf, or with hosts the country a post is held in
// too (驻沙特大使: 沙特阿拉伯): a post at a country's embassy is a
// state's, whichever state sent its holder.
func countryIn(title string, hosts bool) string {
	rs := []rune(title)
	for i := 0; i < len(rs); i++ {
		if n := countryNameAt(rs, i); n > 0 {
			if peopleOfChinaAt(rs, i, n) {
				i += n - 1
				continue
			}
			// 国家元首苏丹: a country's name that is a post too (Sultan)
			// and ends the title is the post.
			if i+n == len(rs) && positionStartingAt(rs, i) == n {
				continue
			}
			// 中国驻美国大使: the country after 驻 is where the post is
			// held, not whose it is.
			if i > 0 && rs[i-1] == '驻' && !hosts {
				i += n - 1
				continue
			}
			return countries[string(rs[i:i+n])]
		}
		if c, ok := countries[string(rs[i])]; ok && i == 0 && !unsafeCountryShorts[string(rs[i])] && postsOnly(rs[1:]) {
			return c
		}
	}
	return ""
}

// peopleOfChinaAt reports whether the country's name rs[i:i+n] names a
// people of China or a division named after one instead: 内蒙古 (Inner
// Mongolia, not 蒙古国), and a name before 族 or a Chinese autonomous
// division's word (延边朝鲜族自治州, 伊犁哈萨克自治州, 塔什库尔干塔吉克自治县).
// Their officials had been given the country (内蒙古自治区党委书记 → 蒙古国).
func peopleOfChinaAt(rs []rune, i, n int) bool {
	if i > 0 && rs[i-1] == '内' && strings.HasPrefix(string(rs[i:i+n]), "蒙古") {
		return true
	}
	rest := string(rs[i+n:])
	for _, w := range []string{"族", "自治州", "自治县", "自治区", "自治旗"} {
		if strings.HasPrefix(rest, w) {
			return true
		}
	}
	return false // 丹麦自治领地格陵兰岛 is Denmark's
}

// unsafeCountryShorts are one-rune country names that before a post say
// something of it instead (新特首): extract/data/unsafecountryshorts.txt.
var unsafeCountryShorts = setOfList(mustList("unsafecountryshorts.txt"))

// findTitledMentions records "name + position" (习近平总书记, 李慧书记) for
// names jieba tags as persons or names already known from the article.
func (p *people) findTitledMentions(t *tagged) {
	rs := t.runes
	for i := 2; i < len(rs); i++ {
		n := positionStartingAt(rs, i)
		if n == 0 {
			continue
		}
		title := string(rs[i : i+n])
		if s := p.knownNameEndingAt(rs, i); s >= 0 {
			p.note(string(rs[s:i]), title, true)
			continue
		}
		if t.byEnd == nil {
			continue
		}
		if k := t.piecedForeignNameBefore(i); k >= 0 {
			if !isPlacePost(rs[i : i+n]) {
				p.note(string(rs[k:i]), title, true)
			}
			continue
		}
		sp, ok := t.byEnd.get(i)
		if !ok || sp.end-sp.start < 2 {
			continue
		}
		name := rs[sp.start:sp.end]
		// jieba glues a conjunction to a foreign name: 和普京/nz 总统.
		if len(name) > 2 && strings.ContainsRune("和与及同", name[0]) && allTranslit(name[1:]) {
			name = name[1:]
			sp.start++
		}
		// 、布/nr 林肯/nr 国务卿: jieba cuts a foreign name's first rune
		// off as a word of its own, and the rest reads as a Chinese
		// family name (林) and a given name. A transliteration rune
		// standing alone before a transliterated word is the name's.
		// Not after a country's abbreviation (俄/j 杜马/nr 主席), nor
		// before a country (日/伊朗外长) or a word of another kind
		// (美/特别/d 检察官).
		if prev, ok := t.byEnd.get(sp.start); ok && prev.end-prev.start == 1 && allTranslit(name) && !isCountry(name) &&
			strings.ContainsRune(translitRunes, rs[prev.start]) && prev.tag != "j" && mayBeNamePart(sp.tag) &&
			(standsApartBefore(rs, prev.start) || han.IsNameJoiner(rs[prev.start-1])) {
			name = rs[prev.start:sp.end]
			sp.start = prev.start
		}
		// 迪亚斯-卡内尔第一书记: a part after a joiner is not the whole name.
		joined := false
		if sp.start >= 2 && han.IsNameJoiner(rs[sp.start-1]) && allTranslit(name) {
			if s := translitStartBefore(rs, sp.start-1, sp.end); s < sp.start-1 {
				sp.start = s
				name = rs[s:sp.end]
				joined = true
			}
		}
		// 普京总统, 卢拉总统: a transliterated name, a word of its own,
		// right before the post.
		if joined || len(name) <= 6 && allTranslit(name) && !isCountry(name) && !t.noForeignName(sp.start, len(name)) &&
			standsApartBefore(rs, sp.start) {
			// 纽约市长, 南卡州长: before the post of a place or an office,
			// the word names the place.
			if !isPlacePost(rs[i : i+n]) {
				p.note(string(name), title, true)
			}
			continue
		}
		if !isPersonTag(sp.tag) || sp.end-sp.start > 4 {
			continue
		}
		// 艾奥瓦州/nrt 州长: a word that ends in the place its post heads
		// is the place.
		if isPlacePost(rs[i:i+n]) && name[len(name)-1] == rs[i] {
			continue
		}
		// 俄罗斯驻罗马尼亚康斯坦察/nr 总领事: after 驻, and a country, the
		// word names where the post is held.
		if stationedAt(rs, sp.start) {
			continue
		}
		// 阿斯塔纳市长: jieba tags places as persons too; only a Chinese
		// family name, or a name the article already gave, counts here.
		if allHanRunes(name) && !notNames[string(name)] && startsWithSurname(name) && !isCountry(name) {
			p.note(string(name), title, true)
		}
	}
}

// piecedForeignNameBefore returns where a transliterated name of three
// runes or more that ends at the post at i starts, where jieba cut it into
// pieces of its own words (同/p 米尔/nrt 济约/x 耶夫/x 总统, 和/c 欧尔/ns
// 班/n 总理), or glued 同 to its first rune (同呼/x 日勒/x 苏赫/x): after
// 同, 和, 与, 及 or a list's 、, written as a word of its own, the
// transliteration runes before the post are a name, in no piece of two
// runes that jieba tags as no name (和/c 特别/d 代表). It returns -1 where
// none is.
func (t *tagged) piecedForeignNameBefore(i int) int {
	rs := t.runes
	if i < 4 || !strings.ContainsRune(translitRunes, rs[i-1]) {
		return -1
	}
	if _, ok := t.byStart.get(i); !ok {
		return -1
	}
	k := translitStartBefore(rs, i, i)
	if i-k < 3 || k == 0 || !strings.ContainsRune("同和与及、", rs[k-1]) || isCountry(rs[k:i]) || t.noForeignName(k, i-k) {
		return -1
	}
	first := k
	if sp, ok := t.byStart.get(k - 1); !ok {
		return -1
	} else if sp.end == k+1 && rs[k-1] == '同' {
		first = k + 1 // 同呼/x
	} else if sp.end != k {
		return -1
	}
	for at := first; at < i; {
		sp, ok := t.byStart.get(at)
		if !ok || sp.end > i || sp.end-sp.start >= 2 && isNoNameTag(sp.tag) {
			return -1
		}
		at = sp.end
	}
	return k
}

// mayBeNamePart reports whether jieba's tag may be that of a
// transliterated name's part: a person's (杜罗/x, 米纳/nrt), or a place's,
// which jieba guesses for foreign runes too (鲍/nr 德尔/ns).
func mayBeNamePart(tag string) bool {
	return isNameTag(tag) || tag == "ns"
}

// standsApartBefore reports whether a word starting at i is apart from
// what comes before it: at the start, after punctuation other than a
// name's joiner, or after a conjunction or the 、 of a list.
func standsApartBefore(rs []rune, i int) bool {
	return i == 0 || !isHan(rs[i-1]) && !han.IsNameJoiner(rs[i-1]) || strings.ContainsRune("和与及、同", rs[i-1])
}

// trimForeignName cuts a transliterated name of n runes at i before its
// last word when jieba reads that word, of two runes or more, as a verb,
// adverb, preposition or conjunction (佩泽希齐扬/提出, 甘巴/呼吁: 提, 呼
// and 吁 spell names too), keeping two runes at least. A word inside the
// name stays (阿纳斯塔/夏季/斯), and so does one jieba only guesses at
// (绍伊/古时/t 说).
func (t *tagged) trimForeignName(i, n int) int {
	if t.byStart == nil {
		return n
	}
	joined := false // past a joiner, whose part may run on (奥德蕾·阿祖莱/发来/v 书面)
	for k := i + 2; k < i+n; k++ {
		if regnalNumber(t.runes, k) > 0 {
			break // 费利佩六世
		}
		joined = joined || han.IsNameJoiner(t.runes[k-1])
		if sp, ok := t.byStart.get(k); ok && sp.end-sp.start >= 2 && (sp.end >= i+n || joined) && tagIn(sp.tag, "vdpc") {
			return k - i
		}
	}
	return n
}

// isPlacePost: post is the head or the member of a place or an office
// (市长, 州长, 区议员, 局长, 司长, but not 司令): a word written right before
// it names whose post it is.
func isPlacePost(post []rune) bool {
	return len(post) >= 2 && strings.ContainsRune("市州省县区镇乡村局处厅署司", post[0]) &&
		(post[1] == '长' || string(post[1:]) == "议员")
}

// stationedAt reports whether the word at i follows 驻, directly or
// after a country's name (驻纽约, 驻罗马尼亚康斯坦察): it names the place
// of a diplomat's post, not a person.
func stationedAt(rs []rune, i int) bool {
	if i > 0 && rs[i-1] == '驻' {
		return true
	}
	for k := i - 2; k >= 1 && i-k <= 8; k-- {
		if rs[k-1] == '驻' && countryNameAt(rs, k) == i-k {
			return true
		}
	}
	return false
}

// copulas join a name to the post that follows it: 麦卡菲是前联邦检察官,
// 特朗普就任总统, 李四担任市长.
var copulas = mustList("copulas.txt")

// copulaTimes are the words that say a copula's post was held at a time
// the sentence looks back on (extract/data/copulatimes.txt).
var copulaTimes = copulaTimeKinds(mustTable("copulatimes.txt"))

// copulaTimeWords are the kinds of copulatimes.txt.
type copulaTimeWords struct {
	copulas       []string
	after, before [][]rune
	qualifier     string
}

// copulaTimeKinds reads the rows of copulatimes.txt; a qualifier that is
// no former one, or a copula copulas.txt lacks, is a bug in the file.
func copulaTimeKinds(rows []tableRow) copulaTimeWords {
	var out copulaTimeWords
	for _, r := range rows {
		for _, v := range r.values {
			switch r.key {
			case "copulas":
				out.copulas = append(out.copulas, v)
			case "after":
				out.after = append(out.after, []rune(v))
			case "before":
				out.before = append(out.before, []rune(v))
			case "qualifier":
				out.qualifier = v
			default:
				panic("extract/data/copulatimes.txt: unknown kind " + r.key)
			}
		}
	}
	if !slices.Contains(formerQualifiers, out.qualifier) {
		panic("extract/data/copulatimes.txt: qualifier " + out.qualifier + " is no former qualifier of postqualifiers.txt")
	}
	for _, c := range out.copulas {
		if !slices.Contains(copulas, c) {
			panic("extract/data/copulatimes.txt: " + c + " is no copula of copulas.txt")
		}
	}
	return out
}

// recalledTitles returns pi's titles that look back on a time the person
// held another office than one the article writes without looking back
// (时任政务司司长 beside 特首), or the same office that the article also
// writes former (时任行政长官 beside 前行政长官: 前 says what the person
// is at the article's date); but not 时任律政司司长 beside 律政司司长,
// which the article's account of the past writes plain.
func (pi *personInfo) recalledTitles() map[string]bool {
	var then []string
	for t := range pi.titles {
		if strings.Contains(t, copulaTimes.qualifier) {
			then = append(then, t)
		}
	}
	if len(then) == 0 {
		return nil // most people: bestTitle's hot path
	}
	now, former := map[string]bool{}, map[string]bool{}
	for t := range pi.titles {
		if w := officeWord(t); w != "" && !strings.Contains(t, copulaTimes.qualifier) {
			now[w] = true
			former[w] = former[w] || formerPost(t)
		}
	}
	out := map[string]bool{}
	for _, t := range then {
		w := officeWord(t)
		for o := range now {
			if o != w || former[o] {
				out[t] = true
			}
		}
	}
	return out
}

// heldThen reports whether the post that ends at postEnd, written after a
// copula of holding (担任, 是) after the name that starts at nameStart, was
// held at a time the sentence looks back on: 在林郑月娥担任社会福利署署长年代,
// 当年……林郑月娥是卫生署助理署长. Each time word must be a word of jieba's
// cut, so that 时 of 时间 and 当年 of 相当年轻 say nothing.
func heldThen(t *tagged, nameStart, postEnd int) bool {
	rs := t.runes
	for _, w := range copulaTimes.after {
		if hasRunesAt(rs, postEnd, w) && t.wordsSpan(postEnd, postEnd+len(w)) {
			return true
		}
	}
	start := sentenceStart(rs, nameStart)
	for k := start; k < nameStart; k++ {
		for _, w := range copulaTimes.before {
			if k+len(w) <= nameStart && hasRunesAt(rs, k, w) && t.wordsSpan(k, k+len(w)) {
				return true
			}
		}
	}
	return laterYearFollows(rs, start, nameStart, postEnd)
}

// laterYearFollows reports whether the sentence that starts at start
// dates the post that ends at postEnd by a year before the name at
// nameStart, and opens a clause after the post with a later year: a
// life's account, in which each post was left for the next (1985年，江泽民
// 出任上海市市长、中共上海市委副书记，1987年任中共上海市委书记). Read as held,
// the obituary's first post made the registry spread 江泽民 as Shanghai's
// mayor to 43 xwlb articles after his death. A post held since (1980年起
// 出任…, …至今) is still held, and a term's end (任期至2017年) opens no
// clause with its year.
func laterYearFollows(rs []rune, start, nameStart, postEnd int) bool {
	then, since := 0, false
	for k := start; k < nameStart; k++ {
		if y, n := yearAt(rs, k); n > 0 {
			then, k = y, k+n-1
			since = k+1 < len(rs) && rs[k+1] == '起'
		}
	}
	if then == 0 || since {
		return false
	}
	end := sentenceEnd(rs, postEnd)
	if hasRunesIn(rs[postEnd:end], []rune("至今")) {
		return false
	}
	for k := postEnd; k < end; k++ {
		if !strings.ContainsRune("，,；;", rs[k]) {
			continue
		}
		if y, n := yearAt(rs, k+1); n > 0 && y > then {
			return true
		}
	}
	return false
}

// yearAt reads a year of four digits written at rune i and the 年 after
// it (1985年, 一九八五年), returning it and the runes read, or 0, 0.
func yearAt(rs []rune, i int) (year, n int) {
	const yearDigits = 4
	if i+yearDigits >= len(rs) || rs[i+yearDigits] != '年' || i > 0 && digitValue(rs[i-1]) >= 0 {
		return 0, 0
	}
	for _, r := range rs[i : i+yearDigits] {
		d := digitValue(r)
		if d < 0 {
			return 0, 0
		}
		year = year*10 + d
	}
	return year, yearDigits + 1
}

// digitValue is the value of a digit as news writes a year's, Arabic or
// Han (〇 and 零 for zero), or -1.
func digitValue(r rune) int {
	switch {
	case '0' <= r && r <= '9':
		return int(r - '0')
	case '０' <= r && r <= '９':
		return int(r - '０')
	case r == '〇' || r == '零':
		return 0
	}
	if i := strings.IndexRune(han.Digits, r); i >= 0 && r != '十' {
		return i/len("一") + 1
	}
	return -1
}

// wordsSpan reports whether jieba's cut has word boundaries at runes from
// and to (words 的/uj 时候/n span 的时候); without a cut, any span does.
func (t *tagged) wordsSpan(from, to int) bool {
	if t.byStart == nil {
		return true
	}
	_, starts := t.byStart.get(from)
	_, ends := t.byEnd.get(to)
	return starts && ends
}

// findCopulaOfficials records "name + copula + post" (麦卡菲是前联邦检察官):
// the post's text starts right after the copula, the name ends right
// before it, and no name follows the post, whose holder that is
// (普林斯是美国总统特朗普的支持者).
func (p *people) findCopulaOfficials(t *tagged) {
	rs := t.runes
	for _, end := range t.postEnds() {
		if end < len(rs) && strings.ContainsRune("处会员", rs[end]) {
			continue
		}
		start := titleBefore(t, end)
		for _, c := range copulas {
			cs := start - utf8.RuneCountInString(c)
			if cs < 2 || string(rs[cs:start]) != c {
				continue
			}
			// 是否要先中止议员: the copula must be a word of its own.
			if t.byStart != nil {
				if sp, ok := t.byStart.get(cs); !ok || sp.end != start {
					break
				}
			}
			if p.knownNameStartingAt(rs, end) >= 2 || t.officialNameAt(end, string(rs[start:end])) >= 2 {
				break // 普林斯是美国总统特朗普的支持者: the post is 特朗普's
			}
			if name := p.nameEndingAt(t, cs); name != "" {
				// A shared post alone after a copula says nothing of
				// whose it is (陈启宗担任主席的中国文物保护基金会), as a
				// post before a name does (习近平主席).
				title := string(rs[start:end])
				public, lone := judgePost(title)
				if slices.Contains(copulaTimes.copulas, c) && heldThen(t, cs-utf8.RuneCountInString(name), end) && !notHeld(title) {
					title = copulaTimes.qualifier + title
				}
				p.note(name, title, public && !lone)
			}
			break
		}
	}
}

// nameEndingAt returns the person's name that ends at end: a known one, a
// word jieba tags as a person, or a transliterated word; or "".
func (p *people) nameEndingAt(t *tagged, end int) string {
	rs := t.runes
	if s := p.knownNameEndingAt(rs, end); s >= 0 {
		return string(rs[s:end])
	}
	if t.byEnd == nil {
		return ""
	}
	sp, ok := t.byEnd.get(end)
	if !ok {
		return ""
	}
	start := sp.start
	// 麦/nr 卡菲/nrt, 梁/nr 云英/nr: a name cut in two (but not 祝贺/nr
	// 习近平/nr: jieba tags some words as persons; notnames.txt lists them).
	if prev, ok := t.byEnd.get(start); ok && isPersonTag(prev.tag) && isPersonTag(sp.tag) && !notNames[string(rs[prev.start:prev.end])] {
		start = prev.start
	}
	name := rs[start:end]
	if len(name) < 2 || len(name) > 8 || notNames[string(name)] || isCountry(name) || !allHanRunes(name) {
		return ""
	}
	if (isPersonTag(sp.tag) && (startsWithSurname(name) || allTranslit(name))) || (len(name) >= 3 && allTranslit(name) && !t.noForeignName(start, len(name))) {
		if allTranslit(name) {
			start = translitStartBefore(rs, start, end)
		}
		return string(rs[start:end])
	}
	return ""
}

// translitStartBefore is where a transliterated name that jieba cut ends
// at end really starts, given that jieba's word starts at start: jieba
// glues a foreign name's first runes to no word of theirs (祝贺/nr 托/v
// 卡耶夫/nr, 米/q 舒斯京/x, 迪萨纳/x 亚克/nrt), so the transliteration
// runes right before it are the name's, and so are the parts joined to
// them by · or - (彼得·佩/zg 列/v 格里/nrt 尼/nr). A post (总理莫迪: 理
// spells names too), a country of two runes or more (巴西卢拉; 德 alone is
// Germany and half of 梅德韦杰夫), a name stop or anything else ends it,
// and a name runs to eight runes at most.
func translitStartBefore(rs []rune, start, end int) int {
	k := start
	for k > 0 && end-k < 8 {
		r := rs[k-1]
		if han.IsNameJoiner(r) && k >= 2 && strings.ContainsRune(translitRunes, rs[k-2]) && k < start {
			k--
			continue
		}
		if !translitGoesBackAt(rs, k) {
			break
		}
		k--
	}
	if k < len(rs) && han.IsNameJoiner(rs[k]) {
		k++ // a joiner with nothing before it is not the name's
	}
	return k
}

// translitGoesBackAt reports whether a transliterated name that starts at
// k may start a rune earlier: a transliteration rune is there, and no
// post, country or name stop ends at k (主席佩雷斯, 美国特朗普 stop).
func translitGoesBackAt(rs []rune, k int) bool {
	return k > 0 && strings.ContainsRune(translitRunes, rs[k-1]) && positionEndingAt(rs, k) == 0 && !afterCountry(rs, k) && !nameStopEndingAt(rs, k)
}

// nameStopEndingAt reports whether a name stop (namestops.txt) ends at end.
func nameStopEndingAt(rs []rune, end int) bool {
	for n := 1; n <= 4 && n <= end; n++ {
		for _, w := range nameStopWords[rs[end-n]] {
			if w == string(rs[end-n:end]) {
				return true
			}
		}
	}
	return false
}

// officials lists the persons seen with a position: subjects first, then in
// order of first mention.
func (p *people) officials() []fangtan.Official {
	var list []*personInfo
	for _, pi := range p.byName {
		if whole := p.byName[p.wholeNames[pi.name]]; whole != nil {
			whole.subject = whole.subject || pi.subject
			continue
		}
		if pi.official && len(pi.titles) > 0 && !pi.privateOnly() {
			list = append(list, pi)
		}
	}
	sort.Slice(list, func(i, j int) bool {
		if list[i].subject != list[j].subject {
			return list[i].subject
		}
		return list[i].order < list[j].order
	})
	list = p.withoutCutNames(list)
	out := make([]fangtan.Official, 0, len(list))
	for _, pi := range list {
		best := pi.bestTitle()
		title, country := p.cutAtOtherName(best, pi.name), pi.country
		if title != best && !pi.inferred {
			country = countryAfterOtherName(title, country)
		}
		out = append(out, fangtan.Official{Name: pi.name, Title: title, Country: country, Subject: pi.subject, Inferred: pi.inferred})
	}
	return out
}

// privateOnly reports whether each post pi was written with is a
// private one or the end of one: 彭丽媛担任特使以来 writes short the
// honorary post the article gives whole (联合国教科文组织促进女童和妇女
// 教育特使), which holds no office, though 特使 alone would.
func (pi *personInfo) privateOnly() bool {
	var private []string
	for t := range pi.titles {
		if privatePost(t) {
			private = append(private, t)
		}
	}
	if len(private) == 0 {
		return false
	}
	for t := range pi.titles {
		if !slices.ContainsFunc(private, func(p string) bool { return strings.HasSuffix(p, t) }) {
			return false
		}
	}
	return true
}

// withoutCutNames leaves out of list the officials whose name is the
// start of another's and is written only there: 高市早 of 高市早苗, read
// by the Chinese rules where a post names no country (首相高市早苗), while
// 日本首相高市早苗 in the same article gives the whole name. The whole
// name takes the cut one's place as the article's subject. Two people
// whose names start alike (王江, 王江平) each stand alone somewhere. It
// asks more than foldTruncations, which folds only into names the
// registry knows: every mention of the cut name must be inside the whole
// one, or a name the rules ran on (钱礼不 of 钱礼不应) would take the place
// of 钱礼, written twice without 不 (钱礼未经, 钱礼完全). The whole name
// written with a space inside (首席法官杨振 权) is the whole name too.
func (p *people) withoutCutNames(list []*personInfo) []*personInfo {
	out := list[:0:0]
	for _, pi := range list {
		var whole *personInfo
		for _, other := range list {
			if other != pi && len(other.name) > len(pi.name) && strings.HasPrefix(other.name, pi.name) &&
				utf8.RuneCountInString(other.name)-utf8.RuneCountInString(pi.name) <= 2 &&
				p.mentions(pi.name) == p.mentions(other.name)+p.mentions(pi.name+" "+other.name[len(pi.name):]) {
				whole = other
				break
			}
		}
		if whole == nil {
			out = append(out, pi)
			continue
		}
		whole.subject = whole.subject || pi.subject
	}
	if len(out) < len(list) {
		sort.SliceStable(out, func(i, j int) bool { return out[i].subject && !out[j].subject })
	}
	return out
}

// countryAfterOtherName is the country of a title that followed another
// person's name (cutAtOtherName), given the country read from the whole:
// the title's own (美国总统特朗普与俄罗斯总统普京), none where it opens
// with China's name (美国财政部长姆钦和中国国务院副总理刘鹤:
// homenames.txt), else the one before, which a list shares (尼加拉瓜总统
// 奥尔特加和副总统穆里略).
func countryAfterOtherName(title, before string) string {
	if c := countryOf(title); c != "" {
		return c
	}
	for _, w := range homeNames {
		if strings.HasPrefix(title, w) {
			return ""
		}
	}
	return before
}

// homeNames are China's names (extract/data/homenames.txt).
var homeNames = mustList("homenames.txt")

// cutTitlesAtLaterNames cuts the titles of officials, listed before the
// quotes were read, at the people the quotes noted since, where the title
// joins that person to the post (美国财长姆钦和国务卿蓬佩奥, where 姆钦
// speaks later: 蓬佩奥's title is 国务卿; 法律学者张达明及行政会议成员).
// A name the quotes noted that runs on into the title's words
// (明尼阿波利斯市警察局发言人, 元朗厦村乡) is more often a place read as
// a speaker, and does not cut.
func (p *people) cutTitlesAtLaterNames(officials []fangtan.Official) {
	for i := range officials {
		o := &officials[i]
		title := p.cutAtOtherName(o.Title, o.Name)
		joint, _ := utf8.DecodeLastRuneInString(strings.TrimSuffix(o.Title, title))
		if title == o.Title || !strings.ContainsRune("和与及、", joint) {
			continue
		}
		o.Title = title
		if !o.Inferred {
			o.Country = countryAfterOtherName(title, o.Country)
		}
	}
}

// cutAtOtherName keeps what follows the last other person named inside a
// title (俄罗斯联邦会议国家杜马主席沃洛金和联邦委员会主席 → 联邦委员会主席).
func (p *people) cutAtOtherName(title, self string) string {
	cut := 0
	for name := range p.byName {
		if name == self || strings.Contains(self, name) {
			continue
		}
		if i := strings.LastIndex(title, name); i >= 0 && i+len(name) > cut {
			cut = i + len(name)
		}
	}
	if cut == 0 {
		return title
	}
	rest := strings.TrimLeft(title[cut:], "和与及、")
	if rest == "" {
		return title
	}
	return rest
}

// postEnds returns the offsets at which a post word ends in t, computed
// once: finding officials asks for every rune of every paragraph, twice.
// inIdiom: the post ending at end ends inside an idiom of jieba's cut
// (地区/长治久安: 区长 is no post there). Any other word across the end is
// not enough: jieba glues a post's last rune to the name after it too
// (外/长久/里奇).
func (t *tagged) inIdiom(end int) bool {
	if t.byStart == nil {
		return false
	}
	for k := end - 1; k >= 0 && k >= end-8; k-- {
		if sp, ok := t.byStart.get(k); ok {
			return sp.end > end && tagIn(sp.tag, "il")
		}
	}
	return false
}

// insideCountry reports whether jieba reads the rune at i as inside a
// country's name that starts before it: 特首 in 沙特/首都 is no post.
func (t *tagged) insideCountry(i int) bool {
	if t.byStart == nil {
		return false
	}
	for k := i - 1; k >= 0 && k >= i-8; k-- {
		if sp, ok := t.byStart.get(k); ok {
			return sp.end > i && isCountry(t.runes[sp.start:sp.end])
		}
	}
	return false
}

func (t *tagged) postEnds() []int {
	if !t.postsDone {
		t.postsDone = true
		for end := 1; end <= len(t.runes); end++ {
			if n := positionEndingAt(t.runes, end); n > 0 && !t.inIdiom(end) && !t.insideCountry(end-n) {
				t.posts = append(t.posts, end)
			}
		}
	}
	return t.posts
}
