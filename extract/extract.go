package extract

import (
	"fmt"
	"maps"
	"regexp"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"fangtan"
	"fangtan/analyzer"
	"fangtan/internal/han"
)

// Extractor finds officials, places, themes, keywords and quotes in an
// article. It is safe for concurrent use: it holds only read-only data
// (gazetteer, themes) and a Segmenter, which is itself safe for concurrent
// use; everything per article lives on the stack of Extract.
type Extractor struct {
	seg     analyzer.Segmenter
	ranker  *analyzer.TFIDF // nil: seg.Keywords segments the article again
	themes  *Themes
	aliases *Aliases
	gaz     *gazetteer
	// regFinder finds the registry's names in articles (noteRegistered).
	regFinder registryFinder
	// registry, if set (UseRegistry), names the officials of the corpus
	// being indexed; Extract knows them before it looks for quotes.
	registry *fangtan.Registry
	// expander set: Extract hands its words to the index (Document.Words),
	// which otherwise segments title and text again for its word fields.
	expander analyzer.SearchExpander
}

// NewExtractor returns an Extractor using seg for person tags and keywords,
// and the default themes (extract/themes.txt). A nil seg still extracts
// (names by family-name rules, no keywords), which suits tools without
// jieba's dictionaries.
func NewExtractor(seg analyzer.Segmenter) (*Extractor, error) {
	return NewExtractorWithThemes(seg, nil)
}

// NewExtractorWithThemes is NewExtractor with a theme set, e.g. from
// LoadThemes; nil means DefaultThemes.
func NewExtractorWithThemes(seg analyzer.Segmenter, themes *Themes) (*Extractor, error) {
	if themes == nil {
		themes = DefaultThemes()
	}
	e := &Extractor{seg: seg, themes: themes, aliases: DefaultAliases(), gaz: defaultGazetteer(),
		regFinder: registryFinder{make: registryNameFinder}}
	if kr, ok := seg.(analyzer.KeywordRanker); ok {
		r, err := kr.TFIDF()
		if err != nil {
			return nil, fmt.Errorf("extractor: %w", err)
		}
		e.ranker = r
	}
	if exp, ok := seg.(analyzer.SearchExpander); ok {
		e.expander = exp
	}
	return e, nil
}

// UseRegistry makes Extract list the officials of reg that an article
// names without a post (Official.Inferred), before it looks for who said
// what, so that 王毅表示，… is 王毅's in an article that never writes his
// post. An index build passes the registry it fills as it goes.
func (e *Extractor) UseRegistry(reg *fangtan.Registry) { e.registry = reg }

// registered reports whether the registry Extract consults knows name as
// an official seen with a post in two articles or more.
func (e *Extractor) registered(name string) bool {
	if e.registry == nil {
		return false
	}
	ro, ok := e.registry.Lookup(name)
	return ok && ro.Articles >= 2
}

// noteRegistered records the registered officials an article names where
// a name can stand and that it does not already list.
func (e *Extractor) noteRegistered(ppl *people, texts [][]rune, date string) {
	if e.registry == nil || e.registry.Len() == 0 {
		return
	}
	found := e.regFinder.get(e.registry).find(texts)
	defer ppl.foldTruncations(found)
	for _, name := range found {
		if pi := ppl.byName[name]; pi != nil && len(pi.titles) > 0 && (pi.official || titledPrivately(texts, name)) {
			countryFromRegistry(pi, e.registry)
			continue
		}
		if whole, n := ppl.listedWholeName(name); n > 0 {
			// 德国总理奥拉夫·朔尔茨 is the 朔尔茨 the registry knows, or
			// another person (托马斯·弗里登, not Luxembourg's 弗里登): either
			// way the article's person, under the name it gives; of two
			// (萨·扎帕罗夫, 阿·扎帕罗夫), one of them.
			if n == 1 {
				ppl.keepWholeName(name, whole)
			}
			ppl.note(name, "", false) // who may speak (别尔德穆哈梅多夫表示)
			continue
		}
		// An alias (林郑) stands for the registered person it names, where
		// the article does not name them otherwise: the article's person
		// keeps the alias until canonicalNames.
		person := e.registry.Canonical(name)
		if person != name && (ppl.byName[person] != nil || slices.Contains(found, person)) {
			continue
		}
		ro, ok := e.registry.Lookup(person)
		if !ok || anotherCountrysName(texts, name, ro) || privatelyTitledNamesake(texts, []rune(name), ro) {
			continue
		}
		if post := lostPostIn(texts, []rune(name), func() map[string]*office { return officesOf(ro) }); post != "" {
			ppl.note(name, post, true) // the article writes it: no inference
			continue
		}
		switch registeredAsOf(ro) {
		case notSpread:
			continue
		case formerOfficial:
			ppl.note(name, "", false)
			continue
		}
		if namedOnlyAsRetired(texts, []rune(name)) {
			ppl.note(name, "", false)
			continue
		}
		pi := ppl.note(name, registeredPost(ro, date), true)
		pi.inferred = true
		if pi.country == "" {
			pi.country = registeredCountry(ro)
		}
	}
}

// SetAliases replaces the built-in aliases (DefaultAliases), e.g. with
// LoadAliases. Call it before the first Extract.
func (e *Extractor) SetAliases(a *Aliases) {
	if a != nil {
		e.aliases = a
	}
}

// Themes returns the theme set in use.
func (e *Extractor) Themes() *Themes { return e.themes }

// Extract fills doc's Officials, Places, Themes, Keywords and Quotes from its
// Title and Paragraphs (or Text, split at newlines into Paragraphs, when
// Paragraphs is empty). Matching runs on folded text, so a Traditional page and its
// Simplified copy get the same metadata; quote texts keep the original
// script and are substrings of doc.Paragraphs[Quote.Paragraph].
//
// The rules, in short:
//
//   - Officials are names next to a position word (书记, 市长, 主委, 行政长官…):
//     "position + name" (太原市委常委、小店区委书记刘振华), "name + position"
//     for names jieba tags as persons or the article already gave (习近平总书记,
//     李慧书记), and interview speakers who also appear with a position. A
//     name starts with a family name (or is tagged nr by jieba) and ends at a
//     verb, particle or word boundary. A transliterated name (普京, 德米特里耶夫)
//     is none when it is a word jieba tags as no name (特别, 本次), a place
//     (澳门, 纽约市长), a world region or the start of a country's name (圣多美),
//     and ends before a verb jieba reads into it (佩泽希齐扬/提出). The title kept is the most complete
//     one written. Subjects are those named in the title or a ——subtitle
//     line, and those answering an interview's questions.
//   - Places come from the gazetteer (gazetteer.txt), rolled up to city and
//     province; see gazetteer.go for ambiguity and false-positive rules.
//   - Themes are the themes whose phrases occur (themes.txt by default);
//     keywords are jieba's TF-IDF top ten without numbers, single runes and
//     stop words.
//   - Quotes are (a) every answer paragraph of an interview (a turn after
//     "记者:" or "人民网:" is a question; "李慧:" opens 李慧's answer, which
//     continues until the next turn or a bracketed byline, skipping short
//     photo captions; in 问/答 interviews 答 is the one subject's, or
//     nobody's when there is not exactly one), and (b) every top-level quotation “…”, 「…」, ‘…’ or
//     paired "…" that reads as speech: at least 8 Han runes ending like a
//     sentence, or 15 with clause punctuation, or any of 6+ runes introduced
//     by a speech verb (某某说:“…”). Slogans and names in quotes (“四有”,
//     “先手棋”, chains of quoted topics “…”“…”) are skipped. The speaker is
//     the name before a speech verb just before the quotation, or in the
//     clause after it (“…”区委书记马常春说), or a known official opening the
//     next sentence (“…”刘振华倡导…); a post written without a name
//     (总书记指出, 俄总统表示) is the one official of the article holding
//     it; otherwise it stays empty.
func (e *Extractor) Extract(doc *fangtan.Document) {
	paras := doc.Paragraphs
	if len(paras) == 0 && doc.Text != "" {
		// Quote.Paragraph must point somewhere: keep the split.
		paras = strings.Split(doc.Text, "\n")
		doc.Paragraphs = paras
	}
	title := newTagged(e.seg, analyzer.Fold(doc.Title))
	tags := make([]*tagged, len(paras))
	var all strings.Builder
	all.WriteString(string(title.runes))
	for i, p := range paras {
		f := analyzer.Fold(p)
		all.WriteString("\n")
		all.WriteString(f)
		if e.seg != nil && !mayNamePeople(f) {
			tags[i] = &tagged{runes: []rune(f)} // nothing to tag: saves jieba time
			if e.ranker != nil || e.expander != nil {
				// Keywords and the index need every word; Cut is
				// cheaper than Tag.
				for _, s := range e.seg.Cut(f) {
					tags[i].words = append(tags[i].words, s.Text)
				}
			}
		} else {
			tags[i] = newTagged(e.seg, f)
		}
		tags[i].src = p
	}
	folded := all.String()

	ppl := newPeople()
	ppl.text = folded
	ppl.aliasName = e.aliases.IsName
	writtenAgain := func(s string) bool { return ppl.mentions(s) >= 2 }
	title.writtenAgain = writtenAgain
	for _, t := range tags {
		t.writtenAgain = writtenAgain
	}
	ppl.findOfficials(title)
	for _, t := range tags {
		ppl.findOfficials(t)
	}
	// Interview turns: an answer's speaker is a person even without a
	// position in the same sentence. A name and a quotation in marks
	// (习主席：“…”), written twice in a report, make no interview of it
	// without a question: the paragraphs between are the report's.
	turns := make([]*turn, len(tags))
	questions, answers, quoted := 0, map[string]int{}, map[string]int{}
	for i, t := range tags {
		if tn, ok := parseTurn(t.runes); ok {
			tn.quotation = quotationAlone(t.runes[tn.body:])
			turns[i] = &tn
			switch {
			case tn.question:
				questions++
			case tn.quotation:
				quoted[tn.speaker]++
			default:
				answers[tn.speaker]++
			}
		}
	}
	if questions > 0 {
		for name, n := range quoted {
			answers[name] += n
		}
	}
	qa := false
	for name, n := range answers {
		if questions > 0 || n >= 2 {
			qa = true
			if name != anonymousAnswer {
				ppl.note(name, "", false)
			}
		}
	}
	if !qa {
		// Outside an interview a turn speaks only its own quotation.
		for i, tn := range turns {
			if tn != nil && (tn.question || !tn.quotation) {
				turns[i] = nil
			}
		}
	}
	ppl.findTitledMentions(title)
	ppl.findCopulaOfficials(title)
	for _, t := range tags {
		ppl.findTitledMentions(t)
		ppl.findCopulaOfficials(t)
	}
	ppl.mergeRunOns(append([]*tagged{title}, tags...), e.registered)
	ppl.completeCutOfficials(append([]*tagged{title}, tags...))
	e.markSubjects(ppl, title, tags, answers, qa)
	for _, pi := range ppl.byName {
		if pi.subject && pi.official {
			if ppl.answerer != "" {
				ppl.answerer = "" // two subjects: whose 答 is unclear
				break
			}
			ppl.answerer = pi.name
		}
	}
	ppl.headlined = ppl.interviewedIn(title)
	if qa && ppl.answerer == "" {
		ppl.answerer = ppl.headlined
	}

	e.noteAliases(ppl, folded)
	texts := make([][]rune, 0, len(tags)+1)
	texts = append(texts, title.runes)
	for _, t := range tags {
		texts = append(texts, t.runes)
	}
	e.noteRegistered(ppl, texts, doc.Date)
	doc.Officials = ppl.officials()
	ppl.noteSpeakingSubjects(tags)
	ppl.noteLatinSpeakers(tags)
	ppl.noteGivenNames(tags)
	doc.Quotes = ppl.quotes(paras, tags, turns, qa)
	ppl.quoteSpeakers = map[string]bool{}
	for _, q := range doc.Quotes {
		if q.Speaker != "" {
			ppl.quoteSpeakers[q.Speaker] = true
		}
	}
	if reported := ppl.reported(paras, tags); len(reported) > 0 {
		doc.Quotes = append(doc.Quotes, reported...)
		sort.SliceStable(doc.Quotes, func(i, j int) bool { return doc.Quotes[i].Paragraph < doc.Quotes[j].Paragraph })
	}
	quotesInReported(doc.Quotes, paras)
	doc.Quotes = foldMarkedTurns(doc.Quotes)
	if !qa {
		continuedQuotes(doc.Quotes, paras)
		runOnSpeakers(doc.Quotes, paras)
	}
	ppl.trimRunOnVerbs(doc.Quotes)
	ppl.mergeSpeakerNames(doc.Quotes, doc.Officials)
	ppl.completeCutNames(doc.Quotes)
	ppl.dropWordStarts(doc.Quotes)
	ppl.resolveAddresses(doc.Quotes, tags)
	ppl.speakersAsWritten(doc.Quotes)
	fullLatinNames(doc.Quotes, paras)
	ppl.chineseNamesOfLatin(doc.Quotes)
	ppl.cutTitlesAtLaterNames(doc.Officials)
	if !qa {
		ppl.sectionSpeakers(doc.Quotes, paras, tags)
		runOnSpeakers(doc.Quotes, paras)
	}
	e.canonicalNames(doc)
	bodySpeakers(doc.Quotes, folded)
	if !qa {
		ppl.intervieweeQuotes(doc.Quotes, paras, tags)
		runOnSpeakers(doc.Quotes, paras)
		joinedSpeakers(doc.Quotes, paras)
		answeredQuestions(doc.Quotes, paras)
	}
	ppl.nicknamesNamed(doc.Quotes)
	doc.Quotes = trimEmphasis(doc.Quotes)
	bounds := make([][]bool, 0, len(texts))
	bounds = append(bounds, title.bounds())
	for _, t := range tags {
		bounds = append(bounds, t.bounds())
	}
	doc.Places = e.gaz.places(texts, bounds)
	// A paragraph left untagged (mayNamePeople) is tagged here for this
	// question alone, where a family name follows the age word, so that
	// its speakers stay as they were.
	retagged := map[int]*tagged{}
	doc.Themes = e.themes.MatchWords(texts, bounds, func(n, i int) int {
		t := title
		if n > 0 {
			t = tags[n-1]
		}
		if t.byStart == nil && e.seg != nil && startsWithSurname(t.runes[i:]) && ppl.knownNameStartingAt(t.runes, i) == 0 {
			if retagged[n] == nil {
				retagged[n] = newTagged(e.seg, string(t.runes))
			}
			t = retagged[n]
		}
		return ppl.personNameAt(t, i)
	})
	doc.Keywords = namesForFragments(e.keywords(folded, title, tags), doc, folded, e.aliases)
	if e.expander != nil {
		doc.Words = e.words(doc, title, tags)
	}
}

// words are the precise-mode words of doc's title and text, for the index.
// The text's are the paragraphs' joined by "\n", which jieba treats as a
// separator, so they are the words of the whole text cut at once.
func (e *Extractor) words(doc *fangtan.Document, title *tagged, tags []*tagged) *fangtan.Words {
	w := &fangtan.Words{
		DictionaryID: e.expander.DictionaryID(),
		Title:        fangtan.SegmentedText{Source: doc.Title, Words: title.words},
	}
	if !doc.TextIsParagraphs() {
		return w // a caller's Text that is not its Paragraphs: the index cuts it
	}
	n := len(tags)
	for _, t := range tags {
		n += len(t.words)
	}
	words := make([]string, 0, n)
	for i, t := range tags {
		if i > 0 {
			words = append(words, "\n")
		}
		words = append(words, t.words...)
	}
	w.Text = fangtan.SegmentedText{Source: doc.Text, Words: words}
	return w
}

// mayNamePeople tells the paragraphs where names are looked for — those
// with a position word, a quotation mark or an interview turn — from the
// rest, which need no jieba tagging (most of the time of Extract).
func mayNamePeople(folded string) bool {
	rs := []rune(folded)
	for i, r := range rs {
		switch r {
		case '“', '「', '‘', '"', ':':
			return true
		}
		if positionEndingAt(rs, i+1) > 0 {
			return true
		}
	}
	return false
}

// markSubjects flags the officials an article is about: those named in its
// title or subtitle (——记…刘振华, ——访…崔俊林) and those answering an
// interview's questions.
func (e *Extractor) markSubjects(ppl *people, title *tagged, tags []*tagged, answers map[string]int, qa bool) {
	heads := []string{string(title.runes)}
	for i, t := range tags {
		if i >= 4 {
			break
		}
		s := strings.TrimSpace(string(t.runes))
		if strings.HasPrefix(s, "——") || strings.HasPrefix(s, "--") {
			heads = append(heads, s)
		}
	}
	for _, pi := range ppl.byName {
		if !pi.official || len(pi.titles) == 0 {
			continue
		}
		for _, h := range heads {
			if strings.Contains(h, pi.name) {
				pi.subject = true
			}
		}
		if qa && answers[pi.name] > 0 {
			pi.subject = true
		}
	}
}

// interviewMarker opens the name of the person a headline says was
// interviewed: 专访｜周永康, 对话 陈文敏, 访问:黄之锋.
var interviewMarker = regexp.MustCompile(`(?:专访|访问|对话|访谈)\s*[|｜:：]?\s*`)

// interviewedIn returns the person whom the headline names right after an
// interview marker (专访｜周永康) or as the speaker of its words (周永康：
// 獄中學懂感恩), or "": the person who speaks an interview's 答: turns
// where no official is its subject. An activist or a scholar interviewed
// had had no one to give their answers to.
func (p *people) interviewedIn(title *tagged) string {
	rs := title.runes
	at := 0 // 周永康：…: the name is all before the colon
	if loc := interviewMarker.FindStringIndex(string(rs)); loc != nil {
		at = utf8.RuneCountInString(string(rs)[:loc[1]])
	}
	n := title.nameAt(at)
	if n < 2 || at+n >= len(rs) {
		return ""
	}
	if at == 0 && anyWordAt(rs, n, headlineVerbs) {
		return string(rs[:n])
	}
	if !strings.ContainsRune(":：,，、 |｜", rs[at+n]) || at == 0 && !strings.ContainsRune(":：", rs[n]) {
		return ""
	}
	return string(rs[at : at+n])
}

// headlineVerbs are the words of headlineverbs.txt.
var headlineVerbs = mustList("headlineverbs.txt")

// keywordStop are frequent words of official prose that say nothing about
// an article.
var keywordStop = setOfList(mustList("keywordstops.txt"))

// keywords are jieba's TF-IDF top words, without numbers, single runes and
// stop words. With a ranker they are ranked from the words Extract already
// segmented (the same as jieba's Keywords on folded, which would segment
// the whole article a second time).
func (e *Extractor) keywords(folded string, title *tagged, tags []*tagged) []string {
	out := []string{}
	if e.seg == nil {
		return out
	}
	var top []string
	if e.ranker != nil {
		n := len(title.words)
		for _, t := range tags {
			n += len(t.words)
		}
		words := make([]string, 0, n)
		words = append(words, title.words...)
		for _, t := range tags {
			words = append(words, t.words...)
		}
		top = e.ranker.Top(words, 30)
	} else {
		top = e.seg.Keywords(folded, 30)
	}
	for _, w := range top {
		if len(out) == 10 {
			break
		}
		if utf8.RuneCountInString(w) < 2 || keywordStop[w] || strings.IndexFunc(w, unicode.IsDigit) >= 0 ||
			strings.IndexFunc(w, func(r rune) bool { return unicode.IsPunct(r) || unicode.IsSpace(r) }) >= 0 {
			continue
		}
		out = append(out, w)
	}
	return out
}

// namesForFragments puts the whole name of a person the article names in
// place of a keyword that is only a piece of it, or the name and a word
// that stops a name (梁天琦说): jieba cuts 林郑月娥 into 林/郑月/娥, and 郑月
// had been a keyword of one Hong Kong article in ten.
// Officials and speakers are the names the extraction trusts; a keyword
// that equals one of them stays as it is, and a name is listed once. A
// piece of an alias the article writes (阿尔韦 of 路易斯·阿尔韦托·拉卡列·波乌),
// or the alias itself, is the person the alias stands for (拉卡列).
func namesForFragments(keywords []string, doc *fangtan.Document, folded string, aliases *Aliases) []string {
	var names []string
	for _, o := range doc.Officials {
		names = append(names, o.Name)
	}
	for _, q := range doc.Quotes {
		// 邓先生 is no name that 先生 is a piece of.
		if q.Speaker != "" && !addressOrBody([]rune(q.Speaker)) {
			names = append(names, q.Speaker)
		}
	}
	type form struct{ text, person string }
	var forms []form
	for _, n := range names {
		forms = append(forms, form{n, n})
	}
	if aliases != nil {
		var written []form
		for alias, person := range aliases.canonical {
			if !slices.Contains(names, person) || !strings.Contains(folded, alias) {
				continue
			}
			// 习主席 and 习总书记 say who holds a post: 主席 and 总书记
			// stay keywords of their own.
			if rs := []rune(alias); positionEndingAt(rs, len(rs)) == 0 {
				written = append(written, form{alias, person})
			}
		}
		slices.SortFunc(written, func(a, b form) int { return strings.Compare(a.text, b.text) })
		forms = append(forms, written...)
	}
	out := keywords[:0]
	for _, w := range keywords {
		for _, f := range forms {
			if f.text == w && f.person != w {
				w = f.person
				break
			}
			// 卢卡申科 of 亚历山大·卢卡申科 is the name news uses.
			if f.text != w && strings.Contains(f.text, w) && !slices.Contains(strings.Split(f.text, "·"), w) {
				w = f.person
				break
			}
			// 梁天琦说, 谢伟俊称: the name and the word jieba glued to it,
			// where the article writes the name without that word too
			// (陈祖为 is a name that a speaker cut short to 陈祖 is not).
			n := f.text
			if rest, ok := strings.CutPrefix(w, n); ok && n == f.person && rest != "" && stopWordAt([]rune(w), utf8.RuneCountInString(n)) &&
				strings.Count(folded, n) > strings.Count(folded, w) {
				w = n
				break
			}
		}
		if !slices.Contains(out, w) {
			out = append(out, w)
		}
	}
	return out
}

// noteAliases records the officials named by an alias that holds a post
// (习主席: 习近平 with 主席), so that an article naming 习近平 only so
// still lists him.
func (e *Extractor) noteAliases(ppl *people, folded string) {
	for alias, name := range e.aliases.canonical {
		rs := []rune(alias)
		n := positionEndingAt(rs, len(rs))
		if n == 0 || n == len(rs) || !strings.Contains(folded, alias) {
			continue
		}
		ppl.note(name, string(rs[len(rs)-n:]), true)
		// 习主席指出，: the alias speaks as the person; it holds no post of
		// its own, so that 总书记 written alone is still 习近平's. Not an
		// alias without the family name (近平总书记), which the text holds
		// inside the whole name (习近平总书记).
		if strings.HasPrefix(alias, string([]rune(name)[0])) {
			ppl.note(alias, "", false)
		}
	}
}

// canonicalName is the name the extractor lists a person by (the alias
// file's), for a folded name.
func (e *Extractor) canonicalName(name string) string { return e.aliases.Canonical(name) }

// canonicalNames lists every official and speaker under the name facets
// and filters use (习主席 → 习近平), merging officials that are one person.
func (e *Extractor) canonicalNames(doc *fangtan.Document) {
	seen := map[string]int{}
	officials := doc.Officials[:0]
	for _, o := range doc.Officials {
		o.Name = e.aliases.Canonical(o.Name)
		if i, dup := seen[o.Name]; dup {
			if utf8.RuneCountInString(o.Title) > utf8.RuneCountInString(officials[i].Title) {
				officials[i].Title = o.Title
			}
			officials[i].Subject = officials[i].Subject || o.Subject
			continue
		}
		seen[o.Name] = len(officials)
		officials = append(officials, o)
	}
	doc.Officials = officials
	registryPosts := map[string]string{} // the posts this article does not give
	for _, o := range doc.Officials {
		if o.Inferred {
			registryPosts[o.Name] = o.Title
		}
	}
	for i := range doc.Quotes {
		q := &doc.Quotes[i]
		q.Speaker = e.aliases.Canonical(q.Speaker)
		if o, ok := judgeAddressed(q.Speaker, doc.Officials); ok {
			q.Speaker, q.SpeakerTitle = o.Name, o.Title
		}
		if post, ok := registryPosts[q.Speaker]; ok && q.SpeakerTitle != "" && q.SpeakerTitle == post {
			q.SpeakerTitleInferred = true
		}
	}
}

// resolveAddresses gives a quotation whose speaker is a person addressed
// as Hong Kong news does, by family name and a word, to the person:
//   - a judge, X官, is the article's one name of three runes with that
//     family name that jieba finds at least twice (胡官 is 胡國興, a retired
//     judge running for chief executive, whom the article names with no
//     post; judgeAddressed needs an official whose post ends in 官);
//   - a married woman, X太, is the article's one person named with two
//     family names, hers after X, at least twice (叶太 is 葉劉淑儀, 陈太
//     陳方安生);
//   - a barrister, X大律師 or X資深大律師 (read as X大, X资深), is the
//     article's one name of that family written with 大律師 (barristers).
//
// Two such names, or none, leave the address as it is.
func (p *people) resolveAddresses(quotes []fangtan.Quote, tags []*tagged) {
	var judges map[rune]map[string]int // family name → full names → times
	for i := range quotes {
		rs := []rune(quotes[i].Speaker)
		if len(rs) < 2 || len(rs) > 3 || (len(rs) == 3 && string(rs[1:]) != "资深") || !surnames[rs[0]] {
			continue
		}
		full := ""
		switch rs[1] {
		case '官':
			if judges == nil {
				judges = namesOfThree(tags)
			}
			full = onlyName(judges[rs[0]])
		case '大', '资':
			// 蔡大律師指出, 梁資深大律師強調: a barrister addressed by
			// family name is the one person of that name the article
			// writes right after 律师 or before 大律师 (大律師蔡維邦,
			// 梁卓然資深大律師); of two, the one written last before the
			// quotation.
			if string(rs[1:]) != "大" && string(rs[1:]) != "资深" {
				break
			}
			names := p.barristers(rs[0])
			if full = onlyName(names); full == "" {
				full = lastNamedBefore(names, tags, quotes[i].Paragraph)
			}
		case '太':
			wives := map[string]int{}
			for n := range p.byName {
				if nr := []rune(n); len(nr) == 4 && nr[0] == rs[0] && surnames[nr[1]] {
					wives[n] = p.mentions(n)
				}
			}
			full = onlyName(wives)
		}
		if full == "" {
			continue
		}
		quotes[i].Speaker, quotes[i].SpeakerTitle = full, p.officialPost(full)
	}
}

// nicknamesNamed lists each speaker whom the article calls by a nickname
// or a form of address under the name it writes beside it (阿礼 is
// 梁颖礼 in 梁穎禮（阿禮）, namedBeside), once every other rule has read
// the article, which writes the nickname where the person speaks.
func (p *people) nicknamesNamed(quotes []fangtan.Quote) {
	p.renameSpeakers(quotes, func(name string) (string, bool) {
		full := p.namedBeside(name)
		return full, full != ""
	})
}

// renameSpeakers gives each quotation's speaker the name to returns for
// it, where it returns ok, with that name's post; to is asked once for
// each speaker.
func (p *people) renameSpeakers(quotes []fangtan.Quote, to func(name string) (string, bool)) {
	type answer struct {
		name string
		ok   bool
	}
	asked := map[string]answer{}
	for i := range quotes {
		a, done := asked[quotes[i].Speaker]
		if !done {
			a.name, a.ok = to(quotes[i].Speaker)
			asked[quotes[i].Speaker] = a
		}
		if a.ok {
			quotes[i].Speaker, quotes[i].SpeakerTitle = a.name, p.officialPost(a.name)
		}
	}
}

// namedBeside is the name of three runes that the article writes beside
// nick, a nickname or a form of address (nicknameForm), where it tells
// who they are: in brackets after or before it (林昊德（阿德）, 王婆婆（王鳳瑤）,
// 彭家賢（賢仔）), or right after it, where the article names that person
// again (「民主婆婆」鄧太廖秀英, 「深水埗明哥」陳灼明); or "" where it
// writes none, or two.
func (p *people) namedBeside(nick string) string {
	n := []rune(nick)
	if !nicknameForm(n) {
		return ""
	}
	rs := p.textRunes()
	found := ""
	note := func(f []rune) {
		switch {
		case len(f) != 3 || !allHanRunes(f) || !startsWithSurname(f) || equalRunes(f, n):
		case found != "" && found != string(f):
			found = "-" // two names: neither
		default:
			found = string(f)
		}
	}
	for i := 0; i+len(n) <= len(rs) && found != "-"; i++ {
		if !equalRunes(rs[i:i+len(n)], n) {
			continue
		}
		j := i + len(n)
		if j < len(rs) && rs[j] == '」' {
			j++
		}
		switch {
		case j+5 <= len(rs) && isOpenBracket(rs[j]) && isCloseBracket(rs[j+4]):
			note(rs[j+1 : j+4]) // 王婆婆（王凤瑶）
		case j+3 < len(rs) && unicode.IsPunct(rs[j+3]) && !strings.ContainsRune(prepositionFamilyNames, rs[j]) &&
			(p.byName[string(rs[j:j+3])] != nil || p.mentions(string(rs[j:j+3])) >= 2):
			note(rs[j : j+3]) // 邓太廖秀英，, not 梁太向学生A
		}
		if i >= 4 && isOpenBracket(rs[i-1]) && i+len(n) < len(rs) && isCloseBracket(rs[i+len(n)]) {
			note(rs[i-4 : i-1]) // 林昊德（阿德）
		}
	}
	if found == "-" {
		return ""
	}
	return found
}

// nicknameForm reports whether name is a nickname or a form of address
// that Hong Kong news calls a person by: 阿 and a rune (阿德), a rune and
// a word of kinship or 仔 (明哥, 賢仔), or a family name and a form of
// address (鄧太, 王婆婆, 梁先生).
func nicknameForm(name []rune) bool {
	switch {
	case len(name) == 2 && name[0] == '阿' && isHan(name[1]):
		return true
	case len(name) == 2 && isHan(name[0]) && strings.ContainsRune(nicknameKin+"仔太", name[1]):
		return true
	case len(name) == 3 && surnames[name[0]] && (string(name[1:]) == "婆婆" || string(name[1:]) == "伯伯"):
		return true
	}
	return formOfAddress(name)
}

func isOpenBracket(r rune) bool  { return r == '（' || r == '(' }
func isCloseBracket(r rune) bool { return r == '）' || r == ')' }

// barristers are the article's names of family name r that it writes
// right after 律师 (a person it knows) or right before 大律师, as three
// runes or two (石書銘大律師, 梁卓然資深大律師, 蔡鎮大律師), each counted
// twice: named with the post once is enough, and two such names make the
// address nobody's.
func (p *people) barristers(r rune) map[string]int {
	found := map[string]int{}
	for n := range p.byName {
		if nr := []rune(n); len(nr) >= 2 && nr[0] == r && strings.Contains(p.text, "律师"+n) {
			found[n] = 2
		}
	}
	rs := p.textRunes()
	for k := 3; k+3 <= len(rs); k++ {
		if string(rs[k:k+3]) != "大律师" {
			continue
		}
		end := k
		if k >= 5 && string(rs[k-2:k]) == "资深" {
			end = k - 2 // 梁卓然资深大律师
		}
		if n := rs[end-3 : end]; n[0] == r && allHanRunes(n) && n[1] != '大' && string(n[1:]) != "资深" {
			found[string(n)] = 2
		}
		// 蔡镇大律师: a name of two runes, where no family name
		// would make the three runes a name.
		if n := rs[end-2 : end]; n[0] == r && allHanRunes(n) && n[1] != '大' && n[1] != '资' && !surnames[rs[end-3]] {
			found[string(n)] = 2
		}
	}
	return found
}

// lastNamedBefore is the one of names that the paragraphs up to and
// including para write last (a judgment that names two barristers 蔡
// turns from one to the other: 代表第二答辯人的蔡鎮大律師… then 蔡大律師指出),
// or "" when none of them is written there.
func lastNamedBefore(names map[string]int, tags []*tagged, para int) string {
	for pi := min(para, len(tags)-1); pi >= 0; pi-- {
		text := string(tags[pi].runes)
		best, at := "", -1
		for n := range names {
			if k := strings.LastIndex(text, n); k > at || (k == at && k >= 0 && len(n) > len(best)) {
				best, at = n, k
			}
		}
		if at >= 0 {
			return best
		}
	}
	return ""
}

// completeCutNames gives a speaker named by two runes, a family name and
// one more, the name of three the article always writes them in (叶国 of
// 葉國謙稱, where jieba glued 谦 to the verb: 谦称/v; 陈小 of 陳小明說):
// every time the article writes the two runes, at least twice, the same
// rune follows, and it is no name stop. A transliterated speaker's name
// is completed at its start the same way (translitWholeName).
func (p *people) completeCutNames(quotes []fangtan.Quote) {
	p.renameSpeakers(quotes, func(name string) (string, bool) {
		if name == "" {
			return "", false
		}
		whole := p.wholeName(name)
		if whole == "" {
			whole = p.translitWholeName(name)
		}
		return whole, whole != ""
	})
}

// dropWordStarts gives nobody the words of a speaker whose name of
// three runes or more the article writes only as the start of a longer
// word, the same rune after it every time (onlyLonger): a place's or a
// body's name read as a person (伊利诺 of 伊利諾州, 圣德肋 of 聖德肋撒醫院,
// 安德森 of 安德森癌症中心). Not an official's, nor a
// Chinese name of three runes, nor a name the longer form speaks as, nor
// one a form of address follows.
func (p *people) dropWordStarts(quotes []fangtan.Quote) {
	p.renameSpeakers(quotes, func(name string) (string, bool) { return "", p.wordStartOnly(name) })
}

// wordStartOnly reports whether name, of three runes or more and no
// official's, is written only as the start of a longer word (see
// dropWordStarts).
func (p *people) wordStartOnly(name string) bool {
	rs := []rune(name)
	// A Chinese name of three runes is written before a post or a
	// kinship word every time as often (梁卓然資深大律師, 鄧桂思女兒); a
	// transliterated one that opens with a family name's rune is none
	// (伊利诺, 巴斯克).
	if len(rs) < 3 || !allHanRunes(rs) || p.isOfficial(name) || (len(rs) == 3 && startsWithSurname(rs) && !allTranslit(rs)) {
		return false
	}
	whole := p.onlyLonger(name)
	if whole == "" {
		return false
	}
	text := p.textRunes()
	w := []rune(whole)
	for i := 0; i+len(w) <= len(text); i++ {
		if !equalRunes(text[i:i+len(w)], w) {
			continue
		}
		e := i + len(w)
		if speechVerbStartingAt(text, e) || anyWordAt(text, i+len(rs), honorifics) {
			return false
		}
	}
	return true
}

// speechVerbStartingAt reports whether a speech verb or a reporting verb
// (reportVerbAt) starts at rune i of rs.
func speechVerbStartingAt(rs []rune, i int) bool {
	for k := 1; k <= 4 && i+k <= len(rs); k++ {
		if speechVerbEndingAt(rs, i+k) == k {
			return true
		}
	}
	return reportVerbAt(rs, i)
}

// completeCutOfficials does the same for the officials: jieba glues the
// last rune of a name it does not know to the word after it as readily
// after a post (陆委会副主委邱垂/x 正在/t, 廉署执行处处长朱敏/x 健在/v).
// jieba starting a word at a given-name stop (魏凤/和) says nothing: the
// article wrote the stop where it joins nothing (onlyLonger).
func (p *people) completeCutOfficials(tags []*tagged) {
	for _, name := range slices.Sorted(maps.Keys(p.byName)) {
		pi := p.byName[name]
		if !pi.official {
			continue
		}
		if whole := p.wholeName(name); whole != "" && (endsInGivenStop(whole) || !runsOnSomewhere(tags, []rune(whole), 2) || oneWordSomewhere(tags, []rune(whole))) {
			p.merge(pi, whole)
		}
	}
}

// wholeName is the three-rune name that a two-rune one is cut from, where
// the article always writes it so (onlyLonger), or "". Not an address (周官,
// 黄伯), a foreign name or a preposition that is a family name too
// (向中联办). Runes that spell foreign names spell Chinese ones too: an
// official with a Chinese post is no foreigner (邱垂 of 陆委会副主委邱垂正,
// where 林肯 of 林肯中心 is), and neither is a name that a given-name stop
// ends (陈祖为、: onlyLonger), as no foreign name runs on into one.
func (p *people) wholeName(name string) string {
	rs := []rune(name)
	if len(rs) != 2 || !surnames[rs[0]] || !allHanRunes(rs) || strings.ContainsRune(nicknameKin+"官太大先女小", rs[1]) || strings.ContainsRune(prepositionFamilyNames, rs[0]) {
		return ""
	}
	whole := p.onlyLonger(name)
	if allTranslit(rs) && !p.chineseOfficial(name) && !endsInGivenStop(whole) {
		return ""
	}
	return whole
}

// translitWholeName is the transliterated name that a speaker's, also
// transliterated, is the end of: jieba cut its first runes off as words
// of their own (塞/v 申斯/x 在信中表示; 姆南加古亚). Every time the article
// writes the name, at least twice, the same transliteration rune comes
// before it, where no post, country or name stop ends (translitStartBefore);
// the name grows by such runes as long as they are the same each time.
// Or "".
func (p *people) translitWholeName(name string) string {
	if !allTranslit([]rune(name)) {
		return ""
	}
	text := p.textRunes()
	whole := []rune(name)
	for len(whole) < 8 {
		var before rune
		seen := 0
		for i := 0; i+len(whole) <= len(text); i++ {
			if !equalRunes(text[i:i+len(whole)], whole) {
				continue
			}
			if !translitGoesBackAt(text, i) || (before != 0 && text[i-1] != before) {
				seen = 0
				break
			}
			before = text[i-1]
			seen++
		}
		if seen < 2 {
			break
		}
		whole = append([]rune{before}, whole...)
	}
	if len(whole) == utf8.RuneCountInString(name) {
		return ""
	}
	return string(whole)
}

// chineseOfficial reports whether name is an official of the article
// whose post names no other country.
func (p *people) chineseOfficial(name string) bool {
	pi, ok := p.byName[name]
	return ok && pi.official && pi.country == ""
}

// onlyLonger is short and the one rune that follows it wherever the
// article writes it, at least twice, when that rune is a Han rune and no
// name stop; or "". A given-name stop (givenStops: 和 of 萧世和) counts
// where the article also writes it once before what it cannot join
// (joinsNothing: 萧世和表示); 李强和王毅 twice is no such name.
func (p *people) onlyLonger(short string) string {
	text := p.textRunes()
	sr := []rune(short)
	var next rune
	seen := 0
	for i := 0; i+len(sr) <= len(text); i++ {
		if !equalRunes(text[i:i+len(sr)], sr) {
			continue
		}
		k := i + len(sr)
		if k >= len(text) || (next != 0 && text[k] != next) {
			return ""
		}
		// 李强总理, 蔡大律师, 劳福局, 林官庭上: a post, a body or a place
		// goes on there, not the name.
		if !strings.ContainsRune(givenStops, text[k]) && (!isHan(text[k]) || stopWordAt(text, k) || numerals(text[k:k+1]) || positionStartingAt(text, k) > 0 || strings.ContainsRune(guessBodyEnds+bodyEnds+"律医院庭校总副", text[k])) {
			return ""
		}
		next = text[k]
		seen++
	}
	whole := short + string(next)
	if seen < 2 || endsInGivenStop(whole) && !p.endsNameSomewhere([]rune(whole)) {
		return ""
	}
	return whole
}

// givenStops are the name stops that end given names too
// (extract/data/givenstops.txt: 和 of 魏凤和, 为 of 陈祖为).
var givenStops = strings.Join(mustList("givenstops.txt"), "")

// endsNameSomewhere reports whether the article writes name, which ends
// in a given-name stop, where that rune joins nothing after it (魏凤和表示).
func (p *people) endsNameSomewhere(name []rune) bool {
	text := p.textRunes()
	for i := 0; i+len(name) <= len(text); i++ {
		if equalRunes(text[i:i+len(name)], name) && joinsNothing(text, i+len(name)) {
			return true
		}
	}
	return false
}

// endsInGivenStop reports whether name's last rune is a given-name stop.
func endsInGivenStop(name string) bool {
	last, _ := utf8.DecodeLastRuneInString(name)
	return name != "" && strings.ContainsRune(givenStops, last)
}

// runOnVerbs are the verbs jieba glues to the name before them
// (extract/data/runonverbs.txt: 姚松炎答, 马岳分析), tried in file order.
var runOnVerbs = mustList("runonverbs.txt")

// familyNameRunOn reports whether name is a family name and a run-on verb
// (黄续, 林不): no person's name.
func familyNameRunOn(name string) bool {
	first, size := utf8.DecodeRuneInString(name)
	return surnames[first] && slices.Contains(runOnVerbs, name[size:])
}

// runOnAdverbs are the adverbs jieba glues to a family name before a
// speech verb (extract/data/runonadverbs.txt: 周遂怒斥, 何曾说).
var runOnAdverbs = mustList("runonadverbs.txt")

// trimRunOnVerbs takes such a verb off a speaker's name (runOnBase), or
// leaves nobody where no name is left: 黄续 is no name. A run-on adverb
// comes off only where a name is left (张更 of 张更叹道; 何即 stays where
// no 何 stands out, since the article may write its person only so: 何即
// 说, then 何又问).
func (p *people) trimRunOnVerbs(quotes []fangtan.Quote) {
	for i := range quotes {
		q := &quotes[i]
		if name, ok := p.runOnBase(q.Speaker, runOnVerbs); ok {
			q.Speaker, q.SpeakerTitle = name, p.officialPost(name)
			q.SpeakerTitleInferred = q.SpeakerTitleInferred && name != ""
		}
		if name, ok := p.runOnBase(q.Speaker, runOnAdverbs); ok && name != "" {
			q.Speaker, q.SpeakerTitle = name, p.officialPost(name)
		}
	}
}

// runOnBase is speaker without the first of words it ends in, a run-on
// verb or adverb: the rest where it starts with a family name and has two
// runes or more; a family name alone, the article's one person of that
// family who holds a post or speaks (onlyOfFamily; the speaker as found is
// none of them: 毛遂 beside 毛孟静), or "" where none stands out. ok is false
// where speaker ends in none of words, or what is left starts no name.
func (p *people) runOnBase(speaker string, words []string) (name string, ok bool) {
	for _, w := range words {
		base, cut := strings.CutSuffix(speaker, w)
		if !cut || base == "" {
			continue
		}
		rs := []rune(base)
		switch {
		case len(rs) >= 2 && startsWithSurname(rs):
			return base, true
		case len(rs) == 1 && surnames[rs[0]]:
			if pi := p.onlyOfFamilyBut(rs[0], speaker); pi != nil {
				return pi.name, true
			}
			return "", true
		}
		return "", false
	}
	return "", false
}

// isOfficial reports whether name is an official of the article.
func (p *people) isOfficial(name string) bool {
	pi := p.byName[name]
	return pi != nil && pi.official
}

// mergeSpeakerNames makes one name of two forms of a person's name among
// an article's speakers and officials that differ by a last rune:
//   - a name run on into the rune after it is the shorter name: where that
//     rune stops names (namestops.txt), or where the article writes the
//     shorter name apart at least twice and more than twice as often as
//     the longer (王祖蓝做 of 王祖蓝做客, 刘燕卿非 of 刘燕卿非常), the
//     shorter being a name of three runes or an official's (陈帆今 of
//     陈帆今日; not 李强民 beside 李强);
//   - but a name that ends in a given-name stop (givenstops.txt) is the
//     longer one where the article writes the shorter one apart less
//     often than the longer, and the stop once where it joins nothing
//     (萧世和表示, beside a 萧世 that lost its last rune in the source);
//   - a name cut short (吴雨 of 吴雨明, 特朗 of 特朗普) is the longer one,
//     where the article never writes the shorter one outside it;
//   - an official's name is the whole name mergeSamePost found it written
//     for (wholeNames), and a speaker's is the one official's whole name
//     it is one or more parts of (巴赫 of 托马斯·巴赫, 马杜罗 of
//     尼古拉斯·马杜罗·莫罗斯).
func (p *people) mergeSpeakerNames(quotes []fangtan.Quote, officials []fangtan.Official) {
	names := map[string]bool{}
	for _, q := range quotes {
		if q.Speaker != "" {
			names[q.Speaker] = true
		}
	}
	for _, o := range officials {
		names[o.Name] = true
	}
	to := map[string]string{}
	for short, whole := range p.wholeNames {
		if names[short] {
			to[short] = whole
		}
	}
	// 托马斯·巴赫 the official, 巴赫 the speaker: one person, where no
	// other official of the article has that part.
	for _, q := range quotes {
		if q.Speaker == "" || to[q.Speaker] != "" || slices.ContainsFunc(officials, func(o fangtan.Official) bool { return o.Name == q.Speaker }) {
			continue
		}
		whole, n := "", 0
		for _, o := range officials {
			if WholeNameOf(o.Name, q.Speaker) {
				whole, n = o.Name, n+1
			}
		}
		if n == 1 {
			to[q.Speaker] = whole
			continue
		}
		// 安倍 the speaker of an article whose official is 安倍晋三, 罗范 of
		// 罗范椒芬: the start of a name of four runes or more is the family
		// name news writes alone, where one official of the article has it.
		if n == 0 {
			if whole := longNameStartingWith(officials, q.Speaker); whole != "" {
				to[q.Speaker] = whole
			}
		}
	}
	for long := range names {
		lr := []rune(long)
		if len(lr) < 3 {
			continue
		}
		short := string(lr[:len(lr)-1])
		if !names[short] {
			continue
		}
		longs := p.mentions(long)
		apart := p.mentions(short) - longs
		switch {
		case endsInGivenStop(long) && apart < longs && p.endsNameSomewhere(lr):
			to[short] = long
		case stopWordAt(lr, len(lr)-1):
			to[long] = short
		case apart == 0:
			to[short] = long
		case apart >= 2 && apart > 2*longs && (len(lr) >= 4 || p.isOfficial(short)):
			to[long] = short
		}
	}
	if len(to) == 0 {
		return
	}
	for i := range quotes {
		if name, ok := to[quotes[i].Speaker]; ok {
			quotes[i].Speaker, quotes[i].SpeakerTitle = name, p.officialPost(name)
		}
	}
}

// longNameStartingWith is the one official's name of four Han runes or
// more that start, a proper prefix of two runes or more, is the start of,
// or "" where none or several are.
func longNameStartingWith(officials []fangtan.Official, start string) string {
	if utf8.RuneCountInString(start) < 2 || !han.All([]rune(start)) {
		return ""
	}
	whole := ""
	for _, o := range officials {
		rs := []rune(o.Name)
		if len(rs) < 4 || !han.All(rs) || o.Name == start || !strings.HasPrefix(o.Name, start) {
			continue
		}
		if whole != "" && whole != o.Name {
			return ""
		}
		whole = o.Name
	}
	return whole
}

// onlyName is the one name of times that the article writes at least
// twice, or "".
func onlyName(times map[string]int) string {
	only := ""
	for n, k := range times {
		if k < 2 {
			continue
		}
		if only != "" {
			return ""
		}
		only = n
	}
	return only
}

// namesOfThree counts, by family name, the names of three runes jieba
// finds in tags (not an address such as 胡官 run on: 胡官下).
func namesOfThree(tags []*tagged) map[rune]map[string]int {
	named := map[rune]map[string]int{}
	for _, t := range tags {
		for k, r := range t.runes {
			if surnames[r] && t.nameAt(k) == 3 && t.runes[k+1] != '官' && !hasCompoundSurname(t.runes[k:k+3]) {
				if named[r] == nil {
					named[r] = map[string]int{}
				}
				named[r][string(t.runes[k:k+3])]++
			}
		}
	}
	return named
}

// judgeAddressed resolves the way Hong Kong news addresses a judge or a
// magistrate, the family name and 官 (陈官, 周官), to the article's one
// official of that family name whose post ends in 官 or 庭长 (法院法官陈庆伟,
// 裁判官周家明, 上诉庭庭长张举能). Two such officials, or none, leave the
// address as it is.
func judgeAddressed(speaker string, officials []fangtan.Official) (fangtan.Official, bool) {
	rs := []rune(speaker)
	if len(rs) != 2 || rs[1] != '官' || !surnames[rs[0]] {
		return fangtan.Official{}, false
	}
	var found []fangtan.Official
	for _, o := range officials {
		if o.Name != speaker && strings.HasPrefix(o.Name, string(rs[0])) && (strings.HasSuffix(o.Title, "官") || strings.HasSuffix(o.Title, "庭长")) && !hasCompoundSurname([]rune(o.Name)) {
			found = append(found, o)
		}
	}
	if len(found) != 1 {
		return fangtan.Official{}, false
	}
	return found[0], true
}

// bounds marks the rune offsets where jieba's words of t begin and end,
// or is nil when t was not cut.
func (t *tagged) bounds() []bool {
	if t.words == nil {
		return nil
	}
	b := make([]bool, len(t.runes)+1)
	at := 0
	for _, w := range t.words {
		b[at] = true
		at += utf8.RuneCountInString(w)
		if at > len(t.runes) {
			return nil // not t's words: no bounds rather than wrong ones
		}
	}
	if at != len(t.runes) {
		return nil
	}
	b[at] = true
	return b
}
