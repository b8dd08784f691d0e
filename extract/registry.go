package extract

import (
	"maps"
	"math"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"fangtan"
	"fangtan/analyzer"
	"fangtan/internal/han"
)

// BuildOptions wire e into an index build or add: extraction in the
// index's workers, and the registry of officials (fangtan.Registry)
// collected from it and applied to the whole index. The officials
// registered by the documents of earlier stages (fangtan.Stages) are known
// to each article as it is extracted (so their words are theirs); the
// index's pass at the end finds the rest, in the articles extracted before
// a name was registered, and rechecks the people whose listing the whole
// registry may not bear out (Recheck).
func (e *Extractor) BuildOptions() fangtan.BuildOptions {
	reg := fangtan.NewRegistry()
	reg.SetAliases(e.AliasMap())
	return fangtan.BuildOptions{
		Prepare:  e.Extract,
		Registry: reg,
		Enrich:   e.AddRegistered,
		Recheck:  Recheck,
		Known:    e.UseRegistry,
	}
}

// AliasMap returns the extractor's aliases (alias → name), for the index to
// keep beside its registry.
func (e *Extractor) AliasMap() map[string]string {
	out := make(map[string]string, len(e.aliases.canonical))
	for k, v := range e.aliases.canonical {
		out[k] = v
	}
	return out
}

// AddRegistered adds to doc, as inferred officials, the registered names
// among names that doc mentions as a person but does not list: 王毅 in an
// article that never writes his post. A mention counts only where a name
// can stand, so that 王刚 in 王刚才说 is no mention. A listed official
// among names whose post the whole registry does not bear out is
// withdrawn (withdrawUnheldPost, Recheck); one the registry added earlier
// takes the whole registry's post near doc's date (retitleInferred). It
// reports whether doc changed.
func (e *Extractor) AddRegistered(doc *fangtan.Document, reg *fangtan.Registry, names []string) bool {
	listed := make(map[string]bool, len(doc.Officials))
	for _, o := range doc.Officials {
		listed[o.Name] = true
	}
	var cache [][]rune // the folded title and paragraphs, made when first needed
	changed := false
	folded := func() [][]rune {
		if cache == nil {
			cache = append(cache, []rune(analyzer.Fold(doc.Title)))
			for _, p := range doc.Paragraphs {
				cache = append(cache, []rune(analyzer.Fold(p)))
			}
		}
		return cache
	}
	for _, name := range names {
		if listed[name] {
			if withdrawUnheldPost(doc, reg, name, folded) || withdrawCandidate(doc, reg, name, folded) || withdrawUsurped(doc, reg, name) {
				delete(listed, name)
				changed = true
			} else if retitleInferred(doc, reg, name) {
				changed = true
			}
			if listed[name] && toWholeName(doc, reg, name) {
				delete(listed, name)
				for _, o := range doc.Officials {
					listed[o.Name] = true
				}
				changed = true
			}
			continue
		}
		if slices.ContainsFunc(doc.Officials, func(o fangtan.Official) bool { return WholeNameOf(o.Name, name) }) {
			continue // the article's 奥拉夫·朔尔茨 or 托马斯·弗里登: see noteRegistered
		}
		// An alias (林郑) is looked for as written, and adds the person
		// under their name (林郑月娥) where the article does not write that
		// name: where it does, the name's own look-up judges the article
		// (a candidate's, by what stands around the name). A person
		// extraction listed by the alias takes the whole registry's post.
		person := reg.Canonical(name)
		if person != name && (listed[person] || slices.ContainsFunc(folded(), func(t []rune) bool { return hasRunesIn(t, []rune(person)) })) {
			if listed[person] && retitleInferred(doc, reg, person) {
				changed = true
			}
			continue
		}
		ro, ok := reg.Lookup(person)
		if !ok {
			continue
		}
		texts := folded()
		if anotherCountrysName(texts, name, ro) || strangerAbroad(texts, ro) || privatelyTitledNamesake(texts, []rune(name), ro) {
			continue
		}
		as := registeredIn(reg, ro, texts, name, doc.Date)
		if as == notSpread {
			continue
		}
		if completeTruncated(doc, reg, texts, name, ro) || e.cutRunOn(doc, reg, texts, name) {
			listed[name] = true
			changed = true
			continue
		}
		// A former official's name written short is still theirs (鸠山由
		// of 鸠山由纪夫), but they are added as an official only to an
		// article that writes an office they held (writesFormerOffice),
		// and one who left office by its date likewise (outOfOfficeAt).
		// A candidate named after leaving a post (runsAfterLeaving) is
		// not: the office such an article writes is the one left, or the
		// one sought.
		if as == formerOfficial && registeredAsOf(ro) == formerOfficial && writesFormerOffice(texts, ro) {
			as = officialNow
		}
		if as != officialNow || termEndedBy(ro, doc.Date) || !mentionsPerson(texts, []rune(name), reg) || insideListedName(doc, reg, texts, name) || titledPrivately(texts, name) || namedOnlyAsRetired(texts, []rune(name)) ||
			outOfOfficeAt(texts, ro, doc.Date, personForms(reg, name)) {
			continue
		}
		doc.Officials = append(doc.Officials, fangtan.Official{Name: person, Title: registeredPost(ro, doc.Date), Country: registeredCountry(ro), Inferred: true})
		listed[person] = true
		changed = true
	}
	return changed
}

// Recheck returns the registered people whose listing as an official in
// an article AddRegistered may withdraw: those seen with a shared post
// written alone (主席马时亨) and otherwise out of public office
// (outOfOffice, withdrawUnheldPost), and those the registry saw leave a
// public post, whom an article may name as a candidate after they left
// it (leftPosts, withdrawCandidate) or who left an office they held
// (leftAnOffice, outOfOfficeAt), those whose every public post was
// another's (usurpedOnly), and those seen only with posts of a numbered
// term (termEndedBy). The registry's pass hands
// AddRegistered the articles that name them even where they are listed,
// since an article extracted early in a build was judged on the registry
// of then.
func Recheck(reg *fangtan.Registry) []string {
	var out []string
	for _, name := range reg.Names() {
		ro, ok := reg.Lookup(name)
		if ok && (outOfOffice(ro) || mayBeWhole(reg, ro, wholeCandidates(reg, name)) || registeredAsOf(ro) == officialNow && (len(leftPosts(ro)) > 0 || leftAnOffice(ro) || usurpedOnly(reg, name, ro) || termEndedBy(ro, lastDay))) {
			out = append(out, name)
		}
	}
	return out
}

// mayBeWhole reports whether one of wholes, the whole names ro may be
// listed by (wholeCandidates), was ever seen with a post of ro's in its
// country (heldSamePostBy), so that the registry's pass need read only the articles
// of a part some whole name may take (not 阿里, Guyana's president, for
// 阿里·哈梅内伊).
func mayBeWhole(reg *fangtan.Registry, ro fangtan.RegisteredOfficial, wholes []string) bool {
	if len(wholes) == 0 {
		return false
	}
	best := registeredCountry(ro)
	for _, w := range wholes {
		rw, ok := reg.Lookup(w)
		if !ok {
			continue
		}
		for post := range ro.Posts {
			country := countryOf(analyzer.Fold(post))
			if country == "" {
				country = best
			}
			if heldSamePostBy(fangtan.Official{Title: post, Country: country}, rw, math.MaxInt) {
				return true
			}
		}
	}
	return false
}

// toWholeName gives the official doc lists as name the registered name
// joined by · or - that name is the first or last part of (wholeCandidates),
// where exactly one such person was seen with the post doc gives name, in
// the same country, by doc's date: 叙利亚总统巴沙尔 is 巴沙尔·阿萨德, whom
// other articles name in full, and not 巴沙尔·贾法里, an ambassador;
// 阿联酋总统穆罕默德 and 沙特王储穆罕默德 are two people. The facet then
// counts one person under one name. An alias's name (普京, 特朗普) is the
// name already: a whole name takes it instead. It reports whether doc
// changed.
func toWholeName(doc *fangtan.Document, reg *fangtan.Registry, name string) bool {
	changed := false
	// 唐纳德 → 唐纳德·特朗普 → 特朗普: at most one step each way.
	for range 2 {
		k := slices.IndexFunc(doc.Officials, func(o fangtan.Official) bool { return o.Name == name })
		if k < 0 {
			break
		}
		o := doc.Officials[k]
		whole, listed := "", -1
		for _, full := range wholeCandidates(reg, name) {
			if j := slices.IndexFunc(doc.Officials, func(l fangtan.Official) bool { return l.Name == full }); j >= 0 {
				// Listed twice with one post (美国总统唐纳德·特朗普, then
				// 总统特朗普), or two people written apart.
				if !listedWithSamePost(o, doc.Officials[j]) {
					return changed
				}
				whole, listed = full, j
				break
			}
			ro, ok := reg.Lookup(full)
			if !ok || !heldSamePost(o, ro, doc.Date) {
				continue
			}
			if whole != "" {
				return changed // which of them is unclear
			}
			whole = full
		}
		if whole == "" {
			break
		}
		renameOfficial(doc, k, whole)
		if listed >= 0 {
			doc.Officials = slices.Delete(doc.Officials, k, k+1)
		}
		name, changed = whole, true
	}
	return changed
}

// listedWithSamePost reports whether an article gives a and b the same
// post, or one that ends the other's, in no two countries.
func listedWithSamePost(a, b fangtan.Official) bool {
	if a.Country != "" && b.Country != "" && a.Country != b.Country {
		return false
	}
	return postsAgree(analyzer.Fold(a.Title), analyzer.Fold(b.Title))
}

// heldSamePost reports whether ro was seen with o's post, held and in o's
// country (one ending the other: 巴基斯坦总理 and 总理 of 巴基斯坦), and
// seen with it by date: 伊朗最高领袖穆杰塔巴·哈梅内伊, named from March 2026,
// is not the 哈梅内伊 of January, who held the post until he was killed
// on its first day. An article written weeks before the whole name was
// first seen keeps the short name.
func heldSamePost(o fangtan.Official, ro fangtan.RegisteredOfficial, date string) bool {
	at, dated := fangtan.DayIndex(date)
	return dated && heldSamePostBy(o, ro, at)
}

// heldSamePostBy is heldSamePost by day at (fangtan.DayIndex); math.MaxInt
// asks whether ro was ever seen with the post.
func heldSamePostBy(o fangtan.Official, ro fangtan.RegisteredOfficial, at int) bool {
	title := analyzer.Fold(o.Title)
	if o.Country == "" || o.Country != registeredCountry(ro) || notHeld(title) {
		return false
	}
	for post, days := range ro.PostDates {
		post = analyzer.Fold(post)
		if notHeld(post) || !postsAgree(post, title) {
			continue
		}
		for day := range days {
			if first, ok := fangtan.DayIndex(day); ok && first <= at {
				return true
			}
		}
	}
	return false
}

// anotherCountrysName reports whether the texts write name only as a
// part of a longer name joined by · or -, and never name the country the
// registry saw ro in: a part of another person's name, not ro
// (劳尔·卡斯特罗 in Cuba's news, not Honduras's president 卡斯特罗; 迈克尔·韦伯,
// an American expert, not Poland's deputy minister 韦伯). Where the
// article names the country (致电里希·苏纳克，祝贺他就任英国首相), the
// longer name may be ro's.
func anotherCountrysName(texts [][]rune, name string, ro fangtan.RegisteredOfficial) bool {
	country := registeredCountry(ro)
	return country != "" && writtenOnlyInJoinedNames(texts, []rune(name)) && !namesCountry(texts, country)
}

// strangerAbroad reports whether ro is a foreign official the registry
// saw with a post in at most strangerArticles articles, and the texts
// never name ro's country: short foreign names are many people's, and a
// person news rarely names is as often another (艾德, Norway's foreign
// minister, and the university sports federation's president; 穆迪,
// India's prime minister, and the rating agency Moody's; 雷伊, a Canadian
// envoy, and the FBI's director). Fifty-fourth session: of 40 hkcnews
// pairs the registry added under two-rune names it had seen in three
// articles or fewer, 16 were wrong, and xwlb 7 of 40.
func strangerAbroad(texts [][]rune, ro fangtan.RegisteredOfficial) bool {
	if ro.Articles > strangerArticles {
		return false
	}
	country := registeredCountry(ro)
	return country != "" && country != "中国" && !namesCountry(texts, country)
}

// strangerArticles is how many articles with a post the registry must
// have seen a foreign official in for their name alone to count in an
// article that does not name their country (strangerAbroad).
const strangerArticles = 3

// writtenOnlyInJoinedNames reports whether name occurs in the texts, and
// everywhere with · or - right before or after it.
func writtenOnlyInJoinedNames(texts [][]rune, name []rune) bool {
	seen := false
	for _, t := range texts {
		for i := 0; i+len(name) <= len(t); i++ {
			if !hasRunesAt(t, i, name) {
				continue
			}
			end := i + len(name)
			if !(i > 0 && han.IsNameJoiner(t[i-1]) || end < len(t) && han.IsNameJoiner(t[end])) {
				return false
			}
			seen = true
		}
	}
	return seen
}

// WholeNameOf reports whether name is one or more whole parts of whole,
// a longer name joined by · or -, in their order: its first or last part
// (朔尔茨 of 奥拉夫·朔尔茨, the two names the registry's pass makes one
// where the posts agree) or one inside (马杜罗 of 尼古拉斯·马杜罗·莫罗斯,
// 迪亚斯-卡内尔 of 米格尔·迪亚斯-卡内尔·贝穆德斯).
func WholeNameOf(whole, name string) bool {
	ws := strings.FieldsFunc(whole, han.IsNameJoiner)
	ns := strings.FieldsFunc(name, han.IsNameJoiner)
	if len(ns) == 0 || len(ws) <= len(ns) {
		return false
	}
	for i := 0; i+len(ns) <= len(ws); i++ {
		if slices.Equal(ws[i:i+len(ns)], ns) {
			return true
		}
	}
	return false
}

// wholeCandidates are the names toWholeName may give an official listed
// as name: the registered whole names it is the first or last part of,
// or the part of it an alias chose (Registry.Forms: 唐纳德·特朗普 →
// 特朗普). An alias's name is the name already and takes none.
func wholeCandidates(reg *fangtan.Registry, name string) []string {
	if reg.IsAliasName(name) {
		return nil
	}
	return reg.Forms(name)[1:]
}

// retitleInferred gives the official name that the registry added to doc
// (Inferred) the post the whole registry finds near doc's date: the
// article was extracted with the registry of then, which may have known
// only earlier months (林郑月娥 shown as 政务司司长 in July 2017, when she
// was 特首). It reports whether the post changed.
func retitleInferred(doc *fangtan.Document, reg *fangtan.Registry, name string) bool {
	k := slices.IndexFunc(doc.Officials, func(o fangtan.Official) bool { return o.Name == name })
	if k < 0 || !doc.Officials[k].Inferred {
		return false
	}
	ro, ok := reg.Lookup(name)
	if !ok {
		return false
	}
	title, old := registeredPost(ro, doc.Date), doc.Officials[k].Title
	if title == "" || title == old {
		return false
	}
	doc.Officials[k].Title, doc.Officials[k].Country = title, registeredCountry(ro)
	for i := range doc.Quotes {
		// Their words cite the post the registry gave them.
		if q := &doc.Quotes[i]; q.Speaker == name && q.SpeakerTitleInferred && q.SpeakerTitle == old {
			q.SpeakerTitle = title
		}
	}
	return true
}

// withdrawUsurped removes from doc the official name that the registry
// added (Inferred) where every public post the registry saw them with was
// another's (usurpedOnly): added by an earlier stage's registry.
func withdrawUsurped(doc *fangtan.Document, reg *fangtan.Registry, name string) bool {
	k := slices.IndexFunc(doc.Officials, func(o fangtan.Official) bool { return o.Name == name })
	if k < 0 || !doc.Officials[k].Inferred {
		return false
	}
	if ro, ok := reg.Lookup(name); !ok || !usurpedOnly(reg, name, ro) {
		return false
	}
	doc.Officials = slices.Delete(doc.Officials, k, k+1)
	return true
}

// usurpedOnly reports whether every public post ro, named name, was seen
// holding is a post one person holds at a time (singlePost: 美国总统,
// 沙地王储) that another person was written holding in the same months in
// far more articles (usurpedTitles): a post misread onto them from a
// holder named beside them (Erik Prince as 美国总统, Khashoggi as 沙地王储).
// Such a person is nobody the registry spreads.
func usurpedOnly(reg *fangtan.Registry, name string, ro fangtan.RegisteredOfficial) bool {
	usurped := usurpedCache.get(reg)[name]
	if len(usurped) == 0 {
		return false
	}
	for p := range ro.Posts {
		if public, lone := judgePost(p); public && !lone && stillHeld(p) && !usurped[p] {
			return false
		}
	}
	return true
}

// usurpedBy is how many times more articles another holder of a single
// post must have in a person's months with it for the person's to be a
// misreading, and usurpedFloor how many at least.
const (
	usurpedBy    = 5
	usurpedFloor = 3
)

// usurpedTitles finds, for each registered name, the single posts
// (singlePost, held, no qualifier) whose other holder had usurpedBy times
// the articles, and at least usurpedFloor, in the months the registry saw
// the name with it. A successor (李强 after 李克强) had the post in other
// months and takes nothing.
func usurpedTitles(reg *fangtan.Registry) map[string]map[string]bool {
	holders := map[string]map[string]map[string]int{} // title → name → month → articles
	for _, name := range reg.Names() {
		ro, ok := reg.Lookup(name)
		if !ok {
			continue
		}
		for title, months := range ro.PostDates {
			if !singlePost(title) || notHeld(title) || len(titleParts(title)) != 1 {
				continue
			}
			if holders[title] == nil {
				holders[title] = map[string]map[string]int{}
			}
			byMonth := map[string]int{}
			for date, n := range months {
				byMonth[date[:7]] += n
			}
			holders[title][name] = byMonth
		}
	}
	out := map[string]map[string]bool{}
	for title, hs := range holders {
		if len(hs) < 2 {
			continue
		}
		for name, months := range hs {
			own := 0
			for _, n := range months {
				own += n
			}
			for other, theirs := range hs {
				if other == name || WholeNameOf(name, other) || WholeNameOf(other, name) {
					continue // 哈桑纳尔·博尔基亚 is 哈桑纳尔
				}
				n := 0
				for m := range months {
					n += theirs[m]
				}
				if n >= usurpedFloor && n >= usurpedBy*own {
					if out[name] == nil {
						out[name] = map[string]bool{}
					}
					out[name][title] = true
					break
				}
			}
		}
	}
	return out
}

// usurpedCache keeps usurpedTitles for a registry until it changes.
var usurpedCache = &registryCache[map[string]map[string]bool]{make: usurpedTitles}

// registryCache keeps what make derives from a registry until the
// registry's generation changes (registryFinder, usurpedCache).
type registryCache[T any] struct {
	mu         sync.Mutex
	reg        *fangtan.Registry
	generation uint64
	value      T
	done       bool
	make       func(*fangtan.Registry) T
}

func (c *registryCache[T]) get(reg *fangtan.Registry) T {
	c.mu.Lock()
	defer c.mu.Unlock()
	if g := reg.Generation(); c.reg != reg || !c.done || g != c.generation {
		c.reg, c.generation, c.value, c.done = reg, g, c.make(reg), true
	}
	return c.value
}

// withdrawCandidate removes from doc the official name that the registry
// added (Inferred) where the article names them as a candidate after they
// left a public post (runsAfterLeaving) by the whole registry's posts, or
// was written after they left every office (outOfOfficeAt) or after the
// last article that gave their numbered term's post (termEndedBy).
func withdrawCandidate(doc *fangtan.Document, reg *fangtan.Registry, name string, texts func() [][]rune) bool {
	k := slices.IndexFunc(doc.Officials, func(o fangtan.Official) bool { return o.Name == name })
	if k < 0 || !doc.Officials[k].Inferred {
		return false
	}
	ro, ok := reg.Lookup(name)
	if !ok || !runsAfterLeaving(texts(), name, ro, doc.Date) && !outOfOfficeAt(texts(), ro, doc.Date, personForms(reg, name)) && !termEndedBy(ro, doc.Date) {
		return false
	}
	doc.Officials = slices.Delete(doc.Officials, k, k+1)
	return true
}

// outOfOffice reports whether the registry saw ro with a shared post
// written alone and holding no public post: seen otherwise only with
// posts that say so (a private body's, 港铁主席, or a former public post),
// or seen in loneOnlyArticles articles or more and never with any other.
// A person seen with lone posts in fewer is not judged: in a small archive
// that says nothing of them (立法会's 主席陈健波 where no other article
// names his seat).
func outOfOffice(ro fangtan.RegisteredOfficial) bool {
	var lone, outside bool
	for p := range ro.Posts {
		public, l := judgePost(p)
		switch {
		case l:
			lone = true
		case !public || !stillHeld(p):
			outside = true
		default:
			return false
		}
	}
	return lone && (outside || ro.Articles >= loneOnlyArticles)
}

// loneOnlyArticles is how many articles must give a person shared posts
// alone, and no other post, before the registry judges them out of public
// office: an official of an archive's beat is named somewhere with the
// body whose post they hold (立法会主席梁君彦), and a person seen once may
// simply not have been. It was 3 while the registry counted reprints
// (fangtan.Reprint) as articles of their own, a third of hkcnews's items;
// counted once, 2 keeps what 3 judged there (秦苏骥, a hospital's 医务部主任,
// in two articles and a reprint) and judges 20 more hkcnews pairs, all
// private, party or university posts read alone (主席陈振彬 of a youth
// corps, 系主任梁天伟, 社民连's 黄浩铭). On xwlb it takes one right pair
// (崔世昌, 副主任 of the Macao Basic Law Committee in a list).
const loneOnlyArticles = 2

// withdrawUnheldPost removes from doc the official name when the article
// gives them only a shared post written alone before the name, with no
// public body or country earlier in the sentence to say whose it is, and
// the registry never saw them with a public post they still hold:
// 主席李嘉诚 of 长和系主席李嘉诚, 向港铁要求主席马时亨. The title lost the
// body, and the archive's other articles say they hold no public post. The
// person stays in the article's text and quotes. A post written after the
// name (马建堂常委建议) and a sentence that names a public body (云南省政协原
// 党组成员、副主席黄毅) leave the official as they are.
func withdrawUnheldPost(doc *fangtan.Document, reg *fangtan.Registry, name string, texts func() [][]rune) bool {
	k := slices.IndexFunc(doc.Officials, func(o fangtan.Official) bool { return o.Name == name })
	if k < 0 || doc.Officials[k].Inferred {
		return false
	}
	title := analyzer.Fold(doc.Officials[k].Title)
	if _, lone := judgePost(title); !lone || title == "" {
		return false
	}
	ro, ok := reg.Lookup(name)
	if !ok || !outOfOffice(ro) || !postUnplaced(texts(), name, title) {
		return false
	}
	doc.Officials = slices.Delete(doc.Officials, k, k+1)
	return true
}

// postUnplaced reports whether the texts write title before name, in the
// same sentence, with no public body or country before it there, and
// never write title right after name.
func postUnplaced(texts [][]rune, name, title string) bool {
	seen := false
	for _, t := range texts {
		s := string(t)
		for off := 0; ; {
			i := strings.Index(s[off:], name)
			if i < 0 {
				break
			}
			at := off + i
			off = at + len(name)
			if strings.HasPrefix(s[off:], title) {
				return false
			}
			end := utf8.RuneCountInString(s[:at])
			before := string(t[sentenceStart(t, end):end])
			j := strings.LastIndex(before, title)
			if j < 0 {
				continue
			}
			seen = true
			if namesPublicBody(before[:j]) || publicBodyRightBefore(before[:j]) {
				return false
			}
		}
	}
	return seen
}

// namesPublicBody reports whether s holds a public body's word of two
// runes or more (publicbodies.txt: 政协, 委员会, 中央) or a country's name.
// Words of one rune (市, 部) are inside too many others (市民, 部分) to
// tell anything in running text.
func namesPublicBody(s string) bool {
	for _, b := range publicBodies {
		if utf8.RuneCountInString(b) >= 2 && strings.Contains(s, b) {
			return true
		}
	}
	rs := []rune(s)
	for i := range rs {
		if countryNameAt(rs, i) > 0 {
			return true
		}
	}
	return false
}

// publicBodyRightBefore reports whether the Han runes that end s, which
// a title stopped short of (行政长官办公室常任 before 秘书长), hold a public
// body's word of any length, as a title's organisation would (judgePost).
func publicBodyRightBefore(s string) bool {
	rs := []rune(s)
	from := len(rs)
	for from > 0 && isHan(rs[from-1]) {
		from--
	}
	run := string(rs[from:])
	for _, b := range publicBodies {
		if strings.Contains(run, b) {
			return true
		}
	}
	return false
}

// publicBodyEndsAt reports whether a public body's word of any length
// (publicbodies.txt: 司 of 财政司, 立法会) ends right before rune end of rs.
func publicBodyEndsAt(rs []rune, end int) bool {
	return slices.ContainsFunc(publicBodyRunes, func(b []rune) bool { return hasRunesAt(rs, end-len(b), b) })
}

var publicBodyRunes = func() [][]rune {
	out := make([][]rune, len(publicBodies))
	for i, b := range publicBodies {
		out[i] = []rune(b)
	}
	return out
}()

// completeTruncated gives the registered official ro, named name, to a
// listed official whose name it starts with, when the texts write that
// shorter name nowhere but inside name: the rules cut the name short (康京
// of 康京和在 or 康京和会晤, where 和 reads as a conjunction; 梁振 of
// 梁振英). The official keeps the post the article gives them, if any, and
// their quotes follow. A shorter name written alone, or joined to another
// (易卜拉欣 of 易卜拉欣·莱希 and of another 易卜拉欣·…), may be someone
// else; and a registered name no more often seen with a post than the
// shorter one is more likely a run-on (卢拉祝 of 卢拉祝贺).
func completeTruncated(doc *fangtan.Document, reg *fangtan.Registry, texts [][]rune, name string, ro fangtan.RegisteredOfficial) bool {
	for k, o := range doc.Officials {
		if utf8.RuneCountInString(o.Name) < 2 || len(o.Name) >= len(name) || !strings.HasPrefix(name, o.Name) {
			continue
		}
		if !onlyInside(texts, o.Name, name) || !attestedAsOften(reg, name, o.Name) {
			continue
		}
		renameOfficial(doc, k, name)
		if o.Inferred {
			// The shorter name's post was the registry's, someone else's.
			doc.Officials[k].Title, doc.Officials[k].Country = registeredPost(ro, doc.Date), registeredCountry(ro)
		} else if o.Country == "" {
			doc.Officials[k].Country = registeredCountry(ro)
		}
		return true
	}
	return false
}

// cutRunOn gives the registered name to a listed official whose name is
// it and one rune more, when jieba cuts that rune off as the next word
// wherever the texts write the longer name (runsOnEverywhere) and the
// registry saw the longer name with a post in fewer articles: 张德江南下
// read as 张德江南, 法官陈仲衡闻言 as 陈仲衡闻, in articles extracted
// before the registry knew 张德江 or 陈仲衡. The official keeps the
// article's post, and their quotes follow.
func (e *Extractor) cutRunOn(doc *fangtan.Document, reg *fangtan.Registry, texts [][]rune, name string) bool {
	short := []rune(name)
	for k, o := range doc.Officials {
		if utf8.RuneCountInString(o.Name) != len(short)+1 || !strings.HasPrefix(o.Name, name) || attestedAsOften(reg, o.Name, name) {
			continue
		}
		full := []rune(o.Name)
		var tags []*tagged
		for _, t := range texts {
			if strings.Contains(string(t), o.Name) {
				tags = append(tags, newTagged(e.seg, string(t)))
			}
		}
		if !runsOnEverywhere(tags, full, len(short)) {
			continue
		}
		renameOfficial(doc, k, name)
		return true
	}
	return false
}

// renameOfficial gives the k-th official of doc the name name, and their
// quotes with them.
func renameOfficial(doc *fangtan.Document, k int, name string) {
	old := doc.Officials[k].Name
	doc.Officials[k].Name = name
	for q := range doc.Quotes {
		if doc.Quotes[q].Speaker == old {
			doc.Quotes[q].Speaker = name
		}
	}
}

// registeredAs is what a registered person is in an article that names
// them without a post.
type registeredAs int

const (
	// notSpread: seen only with posts private bodies have too, written
	// alone (本土民主前线的发言人梁天琦 reads as 发言人, 前主席 and 署理总干事
	// likewise), or with a company's (港铁主席), which the registry keeps
	// beside them.
	notSpread registeredAs = iota
	// formerOfficial: seen only with former public posts
	// (民主党前立法会议员李永达, 马来西亚前首相纳吉). They held none in the
	// articles that gave them, so an article that names them alone names
	// a former official: a person there, who may speak, but no official.
	formerOfficial
	// officialNow: seen with a public post that says whose it is and is
	// still held; found as an official wherever they are named.
	officialNow
)

// registeredIn is what ro is in an article of date and texts that names
// them as name without a post: as the registry's posts judge them
// (registeredAsOf), but nobody where each public post they were seen with
// was another's (usurpedOnly), and a former official where the article
// names them as a candidate after they left a post (runsAfterLeaving). Extraction
// (noteRegistered) does not ask it: it keeps such a person an official
// while it finds who said what, since a candidate speaks as much as an
// official does (曾俊华's words went to others without), and the
// registry's pass then takes the listing away (withdrawCandidate).
func registeredIn(reg *fangtan.Registry, ro fangtan.RegisteredOfficial, texts [][]rune, name, date string) registeredAs {
	as := registeredAsOf(ro)
	if as == officialNow && usurpedOnly(reg, ro.Name, ro) {
		return notSpread
	}
	if as == officialNow && runsAfterLeaving(texts, name, ro, date) {
		return formerOfficial
	}
	return as
}

// outOfOfficeAt reports whether an article of date names ro after they
// left public office (officesLeftBy) and never writes the word of an
// office they left. An article that does (林郑月娥及曾俊华在任司长时, 4名被DQ
// 立法会议员) may say they held it, which makes it one about a former
// holder of the post (testdata/facets/README.md's convention); judged in
// a sentence only, the rule took 10 such pairs of 50 against 24 right
// ones, and in the whole article 2 against 17
// (testdata/facets/hkcnews-official-left.seed261.tsv). A title of
// theirs (政务司司长) counts anywhere, but the office's word alone only in
// a paragraph that names them by one of forms, their name and aliases:
// elsewhere 教育局长, 新任司长 and 两个司长 were as often another's post or
// nobody's, and kept 林郑月娥 an official while a candidate (fiftieth
// session: of the 79 hkcnews pairs that no longer count, 53 were wrong;
// testdata/facets/hkcnews-official-office-named.all.tsv).
func outOfOfficeAt(texts [][]rune, ro fangtan.RegisteredOfficial, date string, forms [][]rune) bool {
	left := officesLeftBy(ro, date)
	if len(left) == 0 {
		return false
	}
	name := []rune(ro.Name)
	for _, t := range texts {
		named := slices.ContainsFunc(forms, func(f []rune) bool { return hasRunesIn(t, f) })
		for _, lo := range left {
			if lo.writtenIn(t, name, named) {
				return false
			}
		}
	}
	return true
}

// termEndedBy reports whether every post the registry saw ro with names
// its body's term (十三届全国政协副主席) and no article of date or later
// gave one. News numbers a term where it has ended or is ending (the
// presidium of the next one, a list of past leaders), so such a post
// says nothing of the days after the last article that wrote it: the
// registry had spread 卢展工, 杨传堂 and 辜胜阻 by it to lists of retired
// leaders of 2024–2026 (fiftieth session). Before that day it still
// counts: they were vice-chairs in 2022.
func termEndedBy(ro fangtan.RegisteredOfficial, date string) bool {
	if date == "" || len(ro.PostDates) == 0 {
		return false
	}
	for title, days := range ro.PostDates {
		if !namesTerm([]rune(title)) {
			return false
		}
		for day := range days {
			if day >= date {
				return false
			}
		}
	}
	return true
}

// lastDay is later than any article's date: termEndedBy(ro, lastDay) is
// whether ro's posts all name terms, for Recheck.
const lastDay = "9999"

// namesTerm reports whether title holds a term's number: 十三届, 九届,
// 第一届, not 新一届 or 本届.
func namesTerm(title []rune) bool {
	for i, r := range title {
		if r != '届' || i == 0 || !strings.ContainsRune(han.Digits, title[i-1]) {
			continue
		}
		k := i - 1
		for k > 0 && strings.ContainsRune(han.Digits, title[k-1]) {
			k--
		}
		if i-k >= 2 || title[k] != '一' || k > 0 && title[k-1] == '第' {
			return true
		}
	}
	return false
}

// personForms returns the names an article may call the registered
// person name by: the name and its aliases (林郑, 林太 of 林郑月娥).
func personForms(reg *fangtan.Registry, name string) [][]rune {
	return append([][]rune{[]rune(name)}, aliasCache.get(reg)[name]...)
}

// aliasCache keeps, for a registry, each name's aliases as runes.
var aliasCache = &registryCache[map[string][][]rune]{make: func(reg *fangtan.Registry) map[string][][]rune {
	out := map[string][][]rune{}
	for alias, name := range reg.AliasesOr(nil) {
		out[name] = append(out[name], []rune(alias))
	}
	return out
}}

// leftOffice is what an article would write of an office a person left:
// its post word (议员, 特首, 司长) and the titles the registry saw them
// with (政务司司长); for a shared post's (主席, 主任: every body's), the
// titles alone (国家主席).
type leftOffice struct {
	word   string
	titles []string
	runes  [][]rune // the titles', for matching at each place the word stands
}

// writtenIn reports whether t writes the office of the person called
// name: one of its titles, or, where bare is true, its word alone with no
// public body's word right before it that would make it another's post,
// where no other person's name follows (namesAnotherAt). 在任司长 and
// 两个司长 may be hers; 财政司司长 is not
// 政务司司长, and in February 2017 it kept 林郑月娥 in office in the
// articles on 曾俊华's campaign. A country before the word is not looked
// at: another president's 美国总统 still counts.
func (lo leftOffice) writtenIn(t []rune, name []rune, bare bool) bool {
	if lo.word == "" {
		for _, tr := range lo.runes {
			for i := 0; i+len(tr) <= len(t); i++ {
				if hasRunesAt(t, i, tr) && !namesAnotherAt(t, i+len(tr), name) {
					return true
				}
			}
		}
		return false
	}
	w := []rune(lo.word)
	for i := 0; i+len(w) <= len(t); i++ {
		if !hasRunesAt(t, i, w) {
			continue
		}
		end := i + len(w)
		if namesAnotherAt(t, end, name) {
			continue // 立法会议员陈志全: his post, not 罗冠聪's
		}
		for _, tr := range lo.runes {
			if len(tr) > len(w) && hasRunesAt(t, end-len(tr), tr) {
				return true
			}
		}
		if bare && !publicBodyEndsAt(t, i) {
			return true
		}
	}
	return false
}

// namesAnotherAt reports whether a post that ends at rune i of rs is
// written before another person's name than name: a family name and a
// Han rune after it that are no word of notnames.txt (议员资格, 议员宣誓),
// and name nowhere in the list of names that may follow (被DQ议员罗冠聪、
// 梁国雄 is 梁国雄's post too).
func namesAnotherAt(rs []rune, i int, name []rune) bool {
	if i+1 >= len(rs) || !surnames[rs[i]] || !isHan(rs[i+1]) || notNames[string(rs[i:i+2])] {
		return false
	}
	for k := i; k < len(rs) && k-i < maxListRunes && (isHan(rs[k]) || rs[k] == '、'); k++ {
		if hasRunesAt(rs, k, name) {
			return false
		}
	}
	return true
}

// maxListRunes is how far after a post namesAnotherAt looks for the name.
const maxListRunes = 40

// officesLeftBy returns the offices the registry's articles say ro had
// left by date, when every office ro was seen holding had been left by
// then; otherwise nil. Each office was left on the day leftBetween
// finds from the articles that wrote it held or former (前立法会议员,
// 时任议员), or never, and perhaps taken again (office.heldAt). So 梁国雄
// is out from 16 July 2017, the day after the last article that wrote him
// 议员 (he was disqualified on the 14th), but not 梁振英,
// who became 全国政协副主席 while still 特首 and was never written its
// former holder; a sitting legislator named 时任立法会议员 once stays one.
func officesLeftBy(ro fangtan.RegisteredOfficial, date string) []leftOffice {
	at, ok := fangtan.DayIndex(date)
	if !ok {
		return nil
	}
	var left []leftOffice
	judged := false
	offices := officesOf(ro)
	for word, o := range offices {
		if o.takenAfter(at) || o.takenLaterThan(at, offices) {
			// Elected or appointed, not yet in office: an article that
			// writes the office (特首选举, 候任特首) says nothing of
			// holding it.
			judged = true
			continue
		}
		left = append(left, o.asLeft(word))
		if !o.seenHeld() {
			continue // seen only as a former one: left before the archive
		}
		if o.heldAt(at) {
			return nil
		}
		if o.writtenOnce() {
			if from, ok := o.leftOnce(); !ok || at < from {
				continue // one article's word, likely another's post: no office to keep
			}
		}
		judged = true
	}
	if !judged {
		return nil
	}
	return left
}

// leftAnOffice reports whether the registry's articles say ro left an
// office they were seen holding, at some time: whom the registry's pass
// must judge again in every article that names them (Recheck).
func leftAnOffice(ro fangtan.RegisteredOfficial) bool {
	for _, o := range officesOf(ro) {
		if _, _, wasLeft, _ := leftBetween(o.days); wasLeft && o.seenHeld() {
			return true
		}
		if _, ok := o.leftOnce(); ok {
			return true
		}
	}
	return false
}

// asLeft is what an article would write of the office word that o is,
// had its holder left it.
func (o *office) asLeft(word string) leftOffice {
	lo := leftOffice{word: word, titles: slices.Sorted(maps.Keys(o.titles))}
	if sharedPosts[strings.TrimPrefix(word, "副")] {
		lo.word = ""
	}
	for _, title := range lo.titles {
		lo.runes = append(lo.runes, []rune(title))
	}
	return lo
}

// writesFormerOffice reports whether a paragraph of texts that names ro,
// whom the registry saw only as a former holder of their posts
// (formerOfficial), writes an office they held: 她去年被撤銷議員資格 of
// 游蕙禎. Such an article gives an earlier public post of theirs, which
// makes them an official of it by the panels' convention
// (testdata/facets/README.md), as outOfOfficeAt keeps one who left
// office while the registry watched. In the whole article the office's
// word was as often another's (立法會議員 of any debate): of 60 such pairs
// sampled on hkcnews, 40 were right; in the person's paragraph, 29 of 34.
func writesFormerOffice(texts [][]rune, ro fangtan.RegisteredOfficial) bool {
	name := []rune(ro.Name)
	for word, o := range officesOf(ro) {
		lo := o.asLeft(word)
		for _, t := range texts {
			if hasRunesIn(t, name) && lo.writtenIn(t, name, true) {
				return true
			}
		}
	}
	return false
}

// seatWords name what a removal takes with a post (议员资格, 议席:
// extract/data/seatwords.txt), and seatLosses are the verbs that take it
// (seatlosses.txt).
var seatWords, seatLosses = runeLists("seatwords.txt"), runeLists("seatlosses.txt")

// runeLists reads an embedded list as runes.
func runeLists(name string) [][]rune {
	var out [][]rune
	for _, w := range mustList(name) {
		out = append(out, []rune(w))
	}
	return out
}

// lostPostIn returns the post a sentence of texts says the person called
// name was made to lose with its seat, written as a former post
// (前立法会议员), where it is an office of theirs (offices): 梁國雄、劉小麗、
// 姚松炎及羅冠聰因宣誓問題被法庭裁定喪失議員資格, 被撤銷議員資格的劉小麗、姚松炎、
// 羅冠聰. After their disqualification the archive named 罗冠聪 by his
// party, never 前议员, so the registry had kept him in office, and under
// 立法会议员, in 113 articles. Only a passive says it was done:
// 要求撤銷議員資格 asks for it. offices is asked for only where a removal
// and a seat word stand, which few articles write.
func lostPostIn(texts [][]rune, name []rune, offices func() map[string]*office) string {
	for _, t := range texts {
		for i := 0; i+len(name) <= len(t); i++ {
			if !hasRunesAt(t, i, name) {
				continue
			}
			if post := lostPostAfter(t, i+len(name), offices); post != "" {
				return post
			}
			if post := lostPostBefore(t, i, offices); post != "" {
				return post
			}
		}
	}
	return ""
}

// lostPostAfter reads a clause that goes on from rune i after a name:
// 被 or 遭, then within a few runes a removal of a post of offices.
func lostPostAfter(t []rune, i int, offices func() map[string]*office) string {
	for k := i; k < len(t) && k < i+maxListRunes && !strings.ContainsRune(clauseEnds, t[k]); k++ {
		if t[k] != '被' && t[k] != '遭' {
			continue
		}
		for v := k + 1; v < len(t) && v <= k+maxAgentRunes && !strings.ContainsRune(clauseEnds, t[v]); v++ {
			if post, _ := removedPostAt(t, v, offices); post != "" {
				return post
			}
		}
		return ""
	}
	return ""
}

// lostPostBefore reads a list of names that starts after 的 and holds the
// one at rune i, after 被 and a removal of a post of offices.
func lostPostBefore(t []rune, i int, offices func() map[string]*office) string {
	de := i - 1
	for de >= 0 && i-de <= maxListRunes && (isHan(t[de]) || t[de] == '、') && t[de] != '的' {
		de--
	}
	if de < 0 || t[de] != '的' {
		return ""
	}
	for k := de - 1; k >= 0 && de-k <= maxAgentRunes+8 && !strings.ContainsRune(clauseEnds, t[k]); k-- {
		if t[k] != '被' && t[k] != '遭' {
			continue
		}
		for v := k + 1; v < de; v++ {
			if post, end := removedPostAt(t, v, offices); post != "" && end <= de {
				return post
			}
		}
	}
	return ""
}

// maxAgentRunes is how far after 被 a removal may stand (被高等法院裁定宣誓無效
// 喪失立法會議員資格).
const maxAgentRunes = 14

// clauseEnds end the clause a removal is read in.
const clauseEnds = "，,；;。！？!?：:"

// removalLen is the length of the verb of seatLosses at rune v of t, or 0.
func removalLen(t []rune, v int) int {
	for _, w := range seatLosses {
		if hasRunesAt(t, v, w) {
			return len(w)
		}
	}
	return 0
}

// removedPostAt returns, as a former post, the post that a verb of
// seatLosses at rune v of t takes with a seat word after it (取消議員資格),
// where the post is an office of offices, and where the seat word ends;
// or "".
func removedPostAt(t []rune, v int, offices func() map[string]*office) (string, int) {
	n := removalLen(t, v)
	if n == 0 {
		return "", 0
	}
	start := v + n
	for end := start + 1; end <= len(t) && end <= start+maxSeatPostRunes; end++ {
		if positions.shortestEndingAt(t, end) == 0 {
			continue
		}
		for _, w := range seatWords {
			if !hasRunesAt(t, end, w) {
				continue
			}
			post := string(t[start:end])
			if offices()[officeWord(post)] == nil {
				return "", 0
			}
			return formerQualifiers[0] + post, end + len(w)
		}
	}
	return "", 0
}

// maxSeatPostRunes is the longest post read before a seat word (立法会议员).
const maxSeatPostRunes = 6

// office is what the registry's articles wrote of one office of a
// person: how many wrote it held and former on each day, and its
// titles as written, without 前 or 时任.
type office struct {
	days   map[int]*tally
	titles map[string]bool
}

// takenAfter reports whether the office, which the registry's articles
// wrote not yet held (候任) at some time, was taken only after the day
// at: the day they switch from writing it not yet held to writing it
// held (switchAt), or never, as for an elect seen as nothing else.
func (o *office) takenAfter(at int) bool {
	elected := false
	for _, t := range o.days {
		elected = elected || t.elect > 0
	}
	if !elected {
		return false
	}
	ks := slices.Sorted(maps.Keys(o.days))
	i, ok := switchAt(ks, o.days, func(t *tally) int { return t.elect }, func(t *tally) int { return t.held }, 1)
	if !ok {
		return !o.seenHeld()
	}
	return at < ks[i]
}

// takenLaterThan reports whether the office, never left, was first
// written held after day at by more than one article, where before that
// the person was written the former holder of another office: 汤家骅
// joined the Executive Council in July 2017 and was 公民党前议员 before,
// so an article of May 2017 is not one of a council member's.
func (o *office) takenLaterThan(at int, offices map[string]*office) bool {
	if o.held() < 2 {
		return false
	}
	if _, _, wasLeft, _ := leftBetween(o.days); wasLeft {
		return false
	}
	first := math.MaxInt
	for k, t := range o.days {
		if t.held > 0 {
			first = min(first, k)
		}
	}
	if at >= first {
		return false
	}
	for _, other := range offices {
		if other == o {
			continue
		}
		for k, t := range other.days {
			if k < first && t.former > 0 {
				return true
			}
		}
	}
	return false
}

// held counts the articles that wrote the office held.
func (o *office) held() int {
	n := 0
	for _, t := range o.days {
		n += t.held
	}
	return n
}

func (o *office) seenHeld() bool { return o.held() > 0 }

// writtenOnce reports whether a single article wrote the office held and
// none wrote it left: likely another's post misread onto the person.
func (o *office) writtenOnce() bool {
	_, _, wasLeft, _ := leftBetween(o.days)
	return !wasLeft && o.held() == 1
}

// leftOnce reports whether one article wrote the office held and another
// wrote it former with a word that says it was left (前, 已故; not 时任,
// which a sitting holder is written with where an article recalls a past
// sitting: 时任行会成员林健锋), too few for leftBetween to find when it was
// left, and from which day on it counts as left: such a word is the
// surer one. A
// held word written after the former one is a stray, and the office was
// left before the archive began (刘慧卿 and 杨森, legislators until 2016
// and 2008, written 立法会议员 in a 2018 report of a 2014 protest); written
// before it, the office was held until that article (麦凯恩, a senator
// written so in August 2018 and 已故 in September). Either way it is no
// longer one article's misread word.
func (o *office) leftOnce() (from int, ok bool) {
	if !o.writtenOnce() {
		return 0, false
	}
	held, former := -1, -1
	for k, t := range o.days {
		if t.held > 0 {
			held = k
		}
		if t.gone > 0 {
			former = k
		}
	}
	switch {
	case former < 0:
		return 0, false
	case former < held:
		return math.MinInt, true
	}
	return held + 1, true
}

// heldAt reports whether the registry's articles say the office was held
// on day at: it was written held, not by one article alone, and had not
// been left by then (leftBetween), or was taken again. An office never
// left counts as held at every date, even before the archive first wrote
// it.
func (o *office) heldAt(at int) bool {
	if !o.seenHeld() || o.writtenOnce() {
		return false
	}
	leftAt, backAt, wasLeft, cameBack := leftBetween(o.days)
	return !wasLeft || at < leftAt && o.heldBefore(leftAt) || cameBack && at >= backAt
}

// heldBefore reports whether articles dated before day wrote the office
// held, more than one: an office the archive first writes former was left
// before it began (发展局局长 of 林郑月娥, first written 时任 on 25 January
// 2017), and so was one a single article wrote held before a run of
// former ones (退休法官胡国兴, written 法官 once, on 16 January 2017).
func (o *office) heldBefore(day int) bool {
	n := 0
	for k, t := range o.days {
		if k < day {
			n += t.held
		}
	}
	return n >= 2
}

// holdsOtherOfficeAt reports whether the registry's articles say ro held,
// on date, a public office other than those of the posts except
// (officeWord): 叶刘淑仪's seat in the Legislative Council while she ran
// for chief executive after leaving the Executive Council.
func holdsOtherOfficeAt(ro fangtan.RegisteredOfficial, date string, except []string) bool {
	at, ok := fangtan.DayIndex(date)
	if !ok {
		return false
	}
	words := make([]string, len(except))
	for i, p := range except {
		words[i] = officeWord(p)
	}
	for word, o := range officesOf(ro) {
		if !slices.Contains(words, word) && !o.takenAfter(at) && o.heldAt(at) {
			return true
		}
	}
	return false
}

// officesOf gathers ro's public offices from the posts the registry saw
// them with, by day. An office is its shortest post word, with 副 if it
// has one: 议员 of 立法会议员, 社民连前议员 and 时任议员; 副局长 apart from
// 局长, since a deputy who became head did not leave an office. A title
// that names an office twice (外交部长、国防部长) counts once.
func officesOf(ro fangtan.RegisteredOfficial) map[string]*office {
	offices := map[string]*office{}
	for post, dates := range ro.PostDates {
		counted := map[string]bool{}
		for _, part := range titleParts(post) {
			if public, lone := judgePost(part); !public || lone {
				continue
			}
			word := officeWord(part)
			if word == "" {
				continue
			}
			o := offices[word]
			if o == nil {
				o = &office{days: map[int]*tally{}, titles: map[string]bool{}}
				offices[word] = o
			}
			elect := electPost(part)
			if !elect {
				o.titles[withoutFormerQualifiers(part)] = true
			}
			if counted[word] {
				continue
			}
			counted[word] = true
			former := formerPost(part)
			for date, c := range dates {
				k, ok := fangtan.DayIndex(date)
				if !ok {
					continue
				}
				t := o.days[k]
				if t == nil {
					t = &tally{}
					o.days[k] = t
				}
				switch {
				case elect:
					t.elect += c // neither held nor left: 候任特首
				case former:
					t.former += c
					if formerPost(strings.ReplaceAll(part, "时任", "")) {
						t.gone += c
					}
				default:
					t.held += c
				}
			}
		}
	}
	return offices
}

// officeWord is the office a post title names: its shortest post word,
// with 副 if it has one (议员 of 立法会议员; 副局长 apart from 局长), as
// offices.txt names it (行政会议成员 of 行会成员), or "".
func officeWord(title string) string {
	rs := []rune(title)
	n := positions.shortestEndingAt(rs, len(rs))
	if n == 0 {
		return ""
	}
	if len(rs) > n && rs[len(rs)-n-1] == '副' {
		n++
	}
	word := string(rs[len(rs)-n:])
	if office, ok := officeAliases[word]; ok {
		return office
	}
	return word
}

// officeAliases maps the post words that name an office written in more
// than one way to the office (extract/data/offices.txt).
var officeAliases = func() map[string]string {
	m := map[string]string{}
	for _, r := range mustTable("offices.txt") {
		for _, v := range r.values {
			m[v] = r.key
		}
	}
	return m
}()

// tally counts the articles of a day that wrote an office held, those
// that wrote it former (gone, those of them whose word says it was left:
// 前, 已故, 退休, not 时任, which says only that it was held then), and
// those that wrote it not yet held (候任).
type tally struct{ held, former, gone, elect int }

// leftBetween finds when an office was left from the articles of each
// day, and when it was taken again, if it was (a seat regained at a
// by-election). The articles switch from writing it one way (held,
// former) to the other at some day (switchAt); it was left the day after
// the last article before that day that wrote it held, where one did
// (梁国雄 was disqualified on 14 July 2017, an article wrote him 议员 on
// the 15th, and the first to write him 前议员 came on 25 August), and
// before the archive began where none did.
func leftBetween(days map[int]*tally) (left, back int, wasLeft, cameBack bool) {
	ks := slices.Sorted(maps.Keys(days))
	held := func(t *tally) int { return t.held }
	former := func(t *tally) int { return t.former }
	i, ok := switchAt(ks, days, held, former, 1)
	if !ok {
		return 0, 0, false, false
	}
	left = ks[i]
	for k := i - 1; k >= 0; k-- {
		if days[ks[k]].held > 0 {
			left = ks[k] + 1
			break
		}
	}
	// Taking an office again needs more than leaving it: 前 is the surer
	// word, and two stray 立法会议员 after a run of 前立法会议员 are
	// articles on past sittings.
	j, again := switchAt(ks[i:], days, former, held, 2)
	if !again || j == 0 {
		return left, 0, true, false
	}
	// Taken again after the last day still written former: the days
	// between with no article count as held, as those before leaving do.
	return left, ks[i+j-1] + 1, true, true
}

// switchAt finds where the articles of the days ks switch from writing
// an office one way (from: held) to the other (to: former): the day from
// which on the second explains them best, with the fewest articles
// against it (the second way before it, the first from it on; the
// earliest such day on a tie), when that is fewer than "never" has
// (every article of the second way) and at least two articles, and
// margin more than of the first way, write it the second way from then
// on. It returns the index in ks. 前 and 时任 are the surer words: an
// article on a past sitting writes 立法会议员 of someone long
// disqualified, so one such day after a run of 前立法会议员 does not keep
// the office held.
func switchAt(ks []int, days map[int]*tally, from, to func(*tally) int, margin int) (int, bool) {
	// Sums of each way from each day on, in one pass: an office of a
	// chief executive is written on hundreds of days.
	fromOn := make([]int, len(ks)+1)
	toOn := make([]int, len(ks)+1)
	for i := len(ks) - 1; i >= 0; i-- {
		fromOn[i] = fromOn[i+1] + from(days[ks[i]])
		toOn[i] = toOn[i+1] + to(days[ks[i]])
	}
	total := toOn[0]
	best, bestAgainst := 0, total
	for i := range ks {
		if against := total - toOn[i] + fromOn[i]; against < bestAgainst && toOn[i] >= 2 && toOn[i] >= fromOn[i]+margin {
			best, bestAgainst = i, against
		}
	}
	return best, bestAgainst < total
}

// registeredAsOf judges the posts the registry saw ro with.
func registeredAsOf(ro fangtan.RegisteredOfficial) registeredAs {
	if len(ro.Posts) == 0 {
		return officialNow
	}
	as := notSpread
	for p := range ro.Posts {
		if public, lone := judgePost(p); !public || lone {
			continue
		}
		if stillHeld(p) {
			return officialNow
		}
		as = formerOfficial
	}
	return as
}

// stillHeld reports whether the public post title is held: no part of it
// is a former post, or another part is a public one that is not. In
// 前保安局局长、新民党主席 the public post is former and the other a
// party's.
func stillHeld(title string) bool {
	if heldThenAll(title) {
		return false
	}
	parts := titleParts(title)
	if !slices.ContainsFunc(parts, notHeld) {
		return true
	}
	for _, p := range parts {
		if public, lone := judgePost(p); public && !lone && !notHeld(p) {
			return true
		}
	}
	return false
}

// heldThenAll reports whether title is a list of posts dated by 时任,
// which dates each of them (时任上海市市长、中共上海市委副书记), where 前 and
// 原 qualify only the post they stand before.
func heldThenAll(title string) bool {
	return strings.HasPrefix(title, copulaTimes.qualifier)
}

// notHeld reports whether title says its post is not held: former, or
// not yet (候任特首).
func notHeld(title string) bool { return formerPost(title) || electPost(title) }

// electPost reports whether an elect qualifier (postqualifiers.txt) stands
// in title.
func electPost(title string) bool {
	return slices.ContainsFunc(electQualifiers, func(q string) bool { return strings.Contains(title, q) })
}

// formerPost reports whether a former qualifier (postqualifiers.txt) stands
// in title outside the words that only hold one (前线, 前海管理局).
func formerPost(title string) bool {
	for _, q := range formerQualifiers {
		for off := 0; ; {
			i := strings.Index(title[off:], q)
			if i < 0 {
				break
			}
			at := off + i
			if !insideNotQualifier(title, at, q) {
				return true
			}
			off = at + len(q)
		}
	}
	return false
}

// insideNotQualifier reports whether the qualifier q at byte at of title
// is part of one of the words that hold it without being one.
func insideNotQualifier(title string, at int, q string) bool {
	for _, w := range notQualifiers {
		k := strings.Index(w, q)
		if k >= 0 && at >= k && strings.HasPrefix(title[at-k:], w) {
			return true
		}
	}
	return false
}

// titledPrivately reports whether the texts write name right after a
// private post (醫管局聯網服務總監徐德義): the article says who the person
// is there, and a public post the registry saw elsewhere (食物及衞生局
// 副局長, which he took two months later) is not theirs in it.
func titledPrivately(texts [][]rune, name string) bool {
	n := []rune(name)
	for _, t := range texts {
		for i := 0; i+len(n) <= len(t); i++ {
			if equalRunes(t[i:i+len(n)], n) && privatePost(string(t[max(0, i-6):i])) {
				return true
			}
		}
	}
	return false
}

// callings are what people do that holds no office (callings.txt).
var callings = newSuffixIndex(mustList("callings.txt"))

// privatelyTitledNamesake reports whether ro is someone the registry saw
// with a post in at most strangerArticles articles, and the texts write
// name after a post or a calling at least once, each time a private
// body's post or a calling (外國記者會第一副主席馬凱, the Financial Times'
// editor, where the registry's 马凯 is a vice premier it saw in two
// articles; 美国景顺集团董事会主席瓦格纳, not Oregon's senate president;
// 中国作家马建, a novelist, not the minister of state security's deputy):
// the article says who the person is, and a name seen so rarely with a
// public post is as often a namesake's. A name seen often is the
// official's, named by another of their hats. A party's post (民主黨主席
// 胡志偉, a legislator the registry saw with his seat in three articles)
// or one the rules cannot place (联大主席, 农委主任委员: judge reads
// neither as public) is no private body's, and keeps the name.
func privatelyTitledNamesake(texts [][]rune, name []rune, ro fangtan.RegisteredOfficial) bool {
	if ro.Articles > strangerArticles {
		return false
	}
	titled := false
	for _, t := range texts {
		for i := 0; i+len(name) <= len(t); i++ {
			if !equalRunes(t[i:i+len(name)], name) {
				continue
			}
			at := titledFrom(t, i)
			if at < 0 {
				continue
			}
			// The title is the run of Han runes and 、 before the name, as
			// far as a candidacy word is read; each of its parts is a
			// calling or a private body's post (法改会小组委员会主席、资深
			// 大律师廖长城 is a legislator's too).
			start := at
			for start > 0 && i-start < candidateRunes && (isHan(t[start-1]) || t[start-1] == '、') {
				start--
			}
			for _, part := range titleParts(string(t[start:at])) {
				// A post the calling is described by is a post too
				// (曾任立法会议员的资深大律师梁家杰).
				rs := []rune(part)
				if c := callings.endingAt(rs, len(rs)); c > 0 {
					rs = []rune(strings.TrimSuffix(string(rs[:len(rs)-c]), "的"))
				}
				if positionEndingAt(rs, len(rs)) > 0 && !privateBodysPost(string(rs)) {
					return false
				}
			}
			titled = true
		}
	}
	return titled
}

// titledFrom returns where the title of the name at i of t ends: at i,
// where a calling or a post word ends there; or before the first part of
// a joined name (英国学者保罗·詹森) or the name before it in a list
// (作家徐友鱼、马建), of two or three runes, where one ends there. Or -1.
func titledFrom(t []rune, i int) int {
	titledAt := func(at int) bool { return callings.endingAt(t, at) > 0 || positionEndingAt(t, at) > 0 }
	if titledAt(i) {
		return i
	}
	if i == 0 || (t[i-1] != '·' && t[i-1] != '、') {
		return -1
	}
	for at := i - 3; at >= i-4 && at >= 0; at-- {
		if isHan(t[at]) && titledAt(at) {
			return at
		}
	}
	return -1
}

// privateBodysPost reports whether title ends in a private post
// (港铁车务总监) or names a private organisation (大律师公会, 景顺集团:
// privateorgs.txt) and no public body's word.
func privateBodysPost(title string) bool {
	return privatePost(title) || holdsAny(title, privateOrgs) && !holdsAny(title, publicBodies)
}

// candidacyWords say the name after them is a candidate's (candidacywords.txt).
var candidacyWords = mustList("candidacywords.txt")

// retiredGroups close a list of names of people who left their posts
// (等老同志: retiredgroups.txt).
var retiredGroups = runeLists("retiredgroups.txt")

// namedOnlyAsRetired reports whether every mention of name in texts is
// in a list of names closed by 等 and a retired group (看望了胡锦涛、…、汪洋、
// …等老同志): the article names them as having left office, whatever posts
// the registry saw them hold before.
func namedOnlyAsRetired(texts [][]rune, name []rune) bool {
	seen := false
	for _, t := range texts {
		for i := 0; i+len(name) <= len(t); i++ {
			if !equalRunes(t[i:i+len(name)], name) {
				continue
			}
			if !retiredListGoesOnAt(t, i+len(name)) {
				return false
			}
			seen = true
		}
	}
	return seen
}

// retiredListGoesOnAt reports whether the list of names that goes on at
// rune i of t, over names and the marks and conjunctions that join
// them, ends in 等 and a retired group.
func retiredListGoesOnAt(t []rune, i int) bool {
	for ; i < len(t); i++ {
		r := t[i]
		if r == '等' {
			return slices.ContainsFunc(retiredGroups, func(g []rune) bool { return hasRunesAt(t, i+1, g) })
		}
		if !isHan(r) && !strings.ContainsRune("、·（）()", r) {
			return false
		}
	}
	return false
}

// affiliations are the parties, camps and constituencies written right
// before a person's name (人民力量陈志全): extract/data/affiliations.txt.
// parties are those of them that are bodies with posts of their own.
var affiliations, parties = affiliationKinds(mustTable("affiliations.txt"))

// affiliationKinds indexes the rows of affiliations.txt: all of them, and
// the parties.
func affiliationKinds(rows []tableRow) (all, party *suffixIndex) {
	var words, partyWords []string
	for _, r := range rows {
		switch r.key {
		case "party":
			partyWords = append(partyWords, r.values...)
		case "body", "camp", "constituency":
		default:
			panic("extract/data/affiliations.txt: unknown kind " + r.key)
		}
		words = append(words, r.values...)
	}
	return newSuffixIndex(words), newSuffixIndex(partyWords)
}

// runsAfterLeaving reports whether the texts name the registered person ro
// as a candidate (特首参选人曾俊华) and the registry saw them leave a
// public post (leftPosts: 财政司司长 and 前财政司司长), and no sentence that
// names them speaks of that post (林郑月娥及曾俊华在任司长时, 前司长): a
// person who left an office to run for another holds neither in the
// article, whatever post the registry saw them with in the archive's
// other articles. An incumbent running again (葛珮帆 among 2016's
// candidates), or one whose former post is another office than the one
// they hold (叶刘淑仪, 前保安局局长 and a legislator, who left the
// Executive Council to run in 2017: holdsOtherOfficeAt), is still added.
func runsAfterLeaving(texts [][]rune, name string, ro fangtan.RegisteredOfficial, date string) bool {
	left := leftPosts(ro)
	return len(left) > 0 && namedAsCandidate(texts, []rune(name)) && !sentenceNamesPost(texts, name, left) &&
		!holdsOtherOfficeAt(ro, date, left)
}

// leftPosts returns the public posts the registry saw ro with both as held
// and as no longer held (财政司司长 and 前财政司司长, 法官 and 退休法官),
// each part of a compound title (新民党主席、保安局前局长) on its own.
func leftPosts(ro fangtan.RegisteredOfficial) []string {
	held, former := map[string]bool{}, map[string]bool{}
	for p := range ro.Posts {
		for _, part := range titleParts(p) {
			if public, lone := judgePost(part); !public || lone {
				continue
			}
			if formerPost(part) {
				former[withoutFormerQualifiers(part)] = true
			} else {
				held[part] = true
			}
		}
	}
	var out []string
	for p := range former {
		if held[p] {
			out = append(out, p)
		}
	}
	slices.Sort(out)
	return out
}

// sentenceNamesPost reports whether a sentence of the texts that writes
// name also writes the post word of one of posts (司长 of 政务司司长).
func sentenceNamesPost(texts [][]rune, name string, posts []string) bool {
	var words []string
	for _, p := range posts {
		rs := []rune(p)
		if n := positionEndingAt(rs, len(rs)); n > 0 {
			words = append(words, string(rs[len(rs)-n:]))
		}
	}
	for _, t := range texts {
		for _, sentence := range strings.FieldsFunc(string(t), func(r rune) bool { return strings.ContainsRune(sentenceEnds, r) }) {
			if !strings.Contains(sentence, name) {
				continue
			}
			for _, w := range words {
				if strings.Contains(sentence, w) {
					return true
				}
			}
		}
	}
	return false
}

// titleParts splits a compound title at the marks that join its posts.
func titleParts(title string) []string {
	return strings.FieldsFunc(title, func(r rune) bool { return strings.ContainsRune("、，,；;", r) })
}

// withoutFormerQualifiers is title with its former qualifiers taken out
// (财政司前司长 → 财政司司长), but not the words that only hold one (前海).
func withoutFormerQualifiers(title string) string {
	var b strings.Builder
	for i := 0; i < len(title); {
		cut := false
		for _, q := range formerQualifiers {
			if strings.HasPrefix(title[i:], q) && !insideNotQualifier(title, i, q) {
				i += len(q)
				cut = true
				break
			}
		}
		if !cut {
			_, n := utf8.DecodeRuneInString(title[i:])
			b.WriteString(title[i : i+n])
			i += n
		}
	}
	return b.String()
}

// candidateRunes is how far before a name a candidacy word is read: the
// Han runes of a title and a list of names (参选人胡国兴及叶刘淑仪).
const candidateRunes = 16

// namedAsCandidate reports whether a candidacy word stands in the run of
// Han runes and 、 right before name, wherever it is written.
func namedAsCandidate(texts [][]rune, name []rune) bool {
	for _, t := range texts {
		for i := 0; i+len(name) <= len(t); i++ {
			// No nameStandsAt: a candidacy word ending in 人 is no post,
			// so a name written right after it (参选人曾俊华) stands nowhere.
			if !equalRunes(t[i:i+len(name)], name) {
				continue
			}
			from := i
			for from > 0 && i-from < candidateRunes && (isHan(t[from-1]) || t[from-1] == '、') {
				from--
			}
			run := string(t[from:i])
			for _, w := range candidacyWords {
				if strings.Contains(run, w) {
					return true
				}
			}
		}
	}
	return false
}

// insideListedName reports whether the texts write name only inside the
// name of an official the article lists, which starts with it: a name
// registered cut short (康京, from articles that wrote 康京和在) names
// nobody else where the whole name is written.
func insideListedName(doc *fangtan.Document, reg *fangtan.Registry, texts [][]rune, name string) bool {
	for _, o := range doc.Officials {
		if len(o.Name) > len(name) && strings.HasPrefix(o.Name, name) && onlyInside(texts, name, o.Name) && attestedAsOften(reg, o.Name, name) {
			return true
		}
	}
	return false
}

// attestedAsOften reports whether the registry saw full with a post in at
// least as many articles as short, which it starts with.
func attestedAsOften(reg *fangtan.Registry, full, short string) bool {
	f, _ := reg.Lookup(full)
	s, _ := reg.Lookup(short)
	return f.Articles >= s.Articles
}

// onlyInside reports whether every occurrence of short in the texts is the
// start of an occurrence of full, which starts with short.
func onlyInside(texts [][]rune, short, full string) bool {
	for _, t := range texts {
		s := string(t)
		if strings.Count(s, short) != strings.Count(s, full) {
			return false
		}
	}
	return true
}

// mentionsPerson reports whether name occurs in one of texts where a name
// can stand: after a boundary (punctuation, a post, a post and 的, a party
// or a constituency, a preposition, a verb or a noun of nameopeners.txt)
// and before one (punctuation, a verb or particle, a post), or before a
// holding (holdsAfter: 朔尔茨领导的), or where standsLoosely accepts it and
// no shorter registered name stands there.
func mentionsPerson(texts [][]rune, name []rune, reg *fangtan.Registry) bool {
	for _, t := range texts {
		s := string(t)
		for off := 0; ; {
			i := strings.Index(s[off:], string(name))
			if i < 0 {
				break
			}
			at := len([]rune(s[:off+i]))
			if nameStandsAt(t, at, at+len(name)) || holdsAfter(t, at, at+len(name)) ||
				standsLoosely(t, at, at+len(name)) && !shorterRegisteredStandsAt(t, at, at+len(name), reg) {
				return true
			}
			off += i + len(string(name))
		}
	}
	return false
}

// nameOpeners are the words a name may follow with nothing between them
// (nameopeners.txt): 和, 对, 祝贺, 会见, 任命.
var nameOpeners = newSuffixIndex(mustList("nameopeners.txt"))

// postOfEndingAt reports whether a post or an affiliation and 的 end at
// start: the holder named after the post they took (接任发展局局长的陈茂波),
// or after their party (共同民主党的文在寅).
func postOfEndingAt(rs []rune, start int) bool {
	return start >= 2 && rs[start-1] == '的' && (positionEndingAt(rs, start-1) > 0 || affiliations.endingAt(rs, start-1) > 0)
}

// A name that starts a longer one joined by · or - is its given name, as
// often someone else's (马克 of 马克·米利, 穆罕默德 of 穆罕默德·本·萨勒曼);
// a later part is a family name, the way news names the same person
// (斯塔默 of 基尔·斯塔默, 马杜罗 of 尼古拉斯·马杜罗·莫罗斯). A name, whole
// or with the parts joined to it, that quotation marks hold alone names a
// thing (“林肯”号, “亚伯拉罕·林肯”号 are a ship); a title in 《》 may
// well be the person's (纪录片《江泽民》).
func nameStandsAt(rs []rune, start, end int) bool {
	joinedBefore := start >= 2 && han.IsNameJoiner(rs[start-1]) && isHan(rs[start-2])
	joinedAfter := end+1 < len(rs) && han.IsNameJoiner(rs[end]) && isHan(rs[end+1])
	if joinedAfter && !joinedBefore {
		return false
	}
	if quotedAlone(rs, start, end) {
		return false
	}
	after := end >= len(rs) || !isHan(rs[end]) || stopWordAt(rs, end) || positionStartingAt(rs, end) > 0
	return nameOpensAt(rs, start) && after
}

// nameOpensAt reports whether a name may start at start: the text's
// start, punctuation, a post, a post and 的, an affiliation or a word of
// nameopeners.txt before it.
func nameOpensAt(rs []rune, start int) bool {
	return start == 0 || !isHan(rs[start-1]) || positionEndingAt(rs, start) > 0 || affiliations.endingAt(rs, start) > 0 ||
		nameOpeners.endingAt(rs, start) > 0 || postOfEndingAt(rs, start)
}

// nameHoldings are the words after a registered official's name that
// make what follows theirs (nameholdings.txt): 岸田内阁, 朔尔茨领导的.
var nameHoldings = mustList("nameholdings.txt")

// holdsAfter reports whether a registered name at rs[start:end] stands
// before one of nameHoldings, where nameStandsAt finds no word that ends
// it: the registry's pass reads it as the person's, but within an
// article a name before them is no speaker, so extraction's own names do
// not end there (as a stop, 政府 cut 高市早苗 to 高市 where an article
// also writes 高市政府).
func holdsAfter(rs []rune, start, end int) bool {
	if end >= len(rs) || !nameOpensAt(rs, start) || quotedAlone(rs, start, end) {
		return false
	}
	for _, w := range nameHoldings {
		if runesHasPrefix(rs[end:], w) {
			return true
		}
	}
	return false
}

// standsLoosely reports whether a registered name stands at start where
// nameStandsAt finds no boundary around it. A name of two family names
// and a given name (林郑月娥, 叶刘淑仪) reads as nothing else anywhere,
// unless it spells a foreign name (易卜拉欣, 乌梅罗夫). A name of three runes
// or more right after a post is its holder's whatever follows
// (中央军委副主席张又侠宣读), and so is one right after a party or a
// constituency, where Hong Kong's papers name legislators (民主党许智峰问),
// but two runes may be a family name and a verb
// (书记李强调), a foreign name may go on (外长阿卜杜拉希扬, 副总理穆斯塔法耶夫),
// a regnal number makes another person (国王穆罕默德六世), and a form of
// address or a person noun after it (辅导主任陈凯欣博士, 总干事胡志伟牧师)
// marks a namesake who holds no office.
func standsLoosely(rs []rune, start, end int) bool {
	if end-start == 4 && twoFamilyNames(rs, start) && !allTranslit(rs[start:end]) && !quotedAlone(rs, start, end) &&
		!(start >= 1 && han.IsNameJoiner(rs[start-1])) && !(end < len(rs) && han.IsNameJoiner(rs[end])) {
		return true
	}
	return end-start >= 3 && end < len(rs) && start > 0 && (positionEndingAt(rs, start) > 0 || affiliations.endingAt(rs, start) > 0) &&
		!quotedAlone(rs, start, end) && !han.IsNameJoiner(rs[end]) &&
		regnalNumber(rs, end) == 0 &&
		!(strings.ContainsRune(translitRunes, rs[end]) && (allTranslit(rs[start:end]) || !startsWithSurname(rs[start:end]))) &&
		!addressedAt(rs, end)
}

// addressedAt reports whether a form of address or a person noun
// (honorifics.txt, personnouns.txt) starts at i.
func addressedAt(rs []rune, i int) bool {
	for _, words := range [][]string{honorifics, personNouns} {
		for _, w := range words {
			if runesHasPrefix(rs[i:], w) {
				return true
			}
		}
	}
	return false
}

// quotedAlone reports whether a pair of quotation marks (quoteOpener)
// holds rs[start:end] and nothing else but parts joined to it by · or -.
func quotedAlone(rs []rune, start, end int) bool {
	for start >= 2 && han.IsNameJoiner(rs[start-1]) && isHan(rs[start-2]) {
		start--
		for start >= 1 && isHan(rs[start-1]) {
			start--
		}
	}
	for end+1 < len(rs) && han.IsNameJoiner(rs[end]) && isHan(rs[end+1]) {
		end++
		for end < len(rs) && isHan(rs[end]) {
			end++
		}
	}
	if start < 1 || end >= len(rs) {
		return false
	}
	opener, closes := quoteOpener[rs[end]]
	return closes && rs[start-1] == opener
}

// nameFinder finds any of many names in a text in one pass over it.
type nameFinder struct {
	byFirst map[rune][][]rune
	first   runeSet
	reg     *fangtan.Registry // the names' registry, for standsLoosely's run-ons
}

func newNameFinder(names []string) *nameFinder {
	f := &nameFinder{byFirst: map[rune][][]rune{}}
	for _, n := range names {
		rs := []rune(n)
		if len(rs) == 0 {
			continue
		}
		f.byFirst[rs[0]] = append(f.byFirst[rs[0]], rs)
		f.first.add(rs[0])
	}
	return f
}

// shorterRegisteredStandsAt reports whether a shorter registered name at
// i stands there with a boundary after it, or is registered in more
// articles than the name that ends at end: the longer one is a run-on the
// registry learnt (卢拉祝 of 巴西总统卢拉祝贺, 陈帆会 of 局长陈帆会面).
func shorterRegisteredStandsAt(t []rune, i, end int, reg *fangtan.Registry) bool {
	long, _ := reg.Lookup(string(t[i:end]))
	for n := i + 2; n < end; n++ {
		if short, ok := reg.Lookup(string(t[i:n])); ok && (nameStandsAt(t, i, n) || short.Articles > long.Articles) {
			return true
		}
	}
	return false
}

// find returns the names that occur in texts where a name can stand.
func (f *nameFinder) find(texts [][]rune) []string {
	var out []string
	seen := map[string]bool{}
	for _, t := range texts {
		for i, r := range t {
			if !f.first.has(r) {
				continue
			}
			for _, name := range f.byFirst[r] {
				end := i + len(name)
				if end > len(t) || seen[string(name)] || !equalRunes(t[i:end], name) {
					continue
				}
				if nameStandsAt(t, i, end) || f.reg != nil && standsLoosely(t, i, end) && !shorterRegisteredStandsAt(t, i, end, f.reg) {
					seen[string(name)] = true
					out = append(out, string(name))
				}
			}
		}
	}
	return out
}

// registryFinder caches a nameFinder over a registry's names, made again
// when the registry's officials change: a build's registry changes between
// its stages (fangtan.Stages), an add's not at all.
type registryFinder = registryCache[*nameFinder]

func registryNameFinder(reg *fangtan.Registry) *nameFinder {
	names := reg.Names()
	f := newNameFinder(append(names, reg.AliasesOf(names)...))
	f.reg = reg
	return f
}

// registeredCountry is the country of the posts the registry saw ro with
// (fangtan.RegisteredOfficial.BestCountry): what the registry adds to an
// article. Each article read the country from its own title; one misread
// (新特首 as Singapore's) is outvoted, not kept for good.
func registeredCountry(ro fangtan.RegisteredOfficial) string {
	return ro.BestCountry(func(post string) string { return countryOf(analyzer.Fold(post)) })
}

// registeredPost is the post the registry adds ro with to an article of
// date: the public post most articles near that date gave them
// (fangtan.RegisteredOfficial.BestPostAt), not their commonest post of
// all the archive's years, and as held or former as the office was that
// day (fitsOfficeAt): 曾俊华 was 财政司司长 on 12 January 2017, four days
// before his resignation took effect, though most articles of that month
// wrote 前财政司司长.
func registeredPost(ro fangtan.RegisteredOfficial, date string) string {
	at, dated := fangtan.DayIndex(date)
	var offices map[string]*office
	if dated {
		offices = officesOf(ro)
	}
	return ro.BestPostAt(date, func(post string) bool {
		post = analyzer.Fold(post)
		public, lone := judgePost(post)
		// An elect's post (候任特首) was true only until the holder took
		// office, which the months near a date do not tell apart.
		return public && !lone && !electPost(post) && (!dated || fitsOfficeAt(offices, post, at))
	})
}

// fitsOfficeAt reports whether title writes each office of offices that
// it names as held on day at if it was, as former if it had been left,
// and not as held before it was taken: an office never left nor taken
// later is not judged.
func fitsOfficeAt(offices map[string]*office, title string, at int) bool {
	for _, part := range titleParts(title) {
		o := offices[officeWord(part)]
		if o == nil || electPost(part) {
			continue
		}
		if o.takenAfter(at) && !formerPost(part) {
			return false // elected, not yet in office: 特首 in June 2017
		}
		if _, _, wasLeft, _ := leftBetween(o.days); wasLeft && formerPost(part) == o.heldAt(at) {
			return false
		}
	}
	return true
}
