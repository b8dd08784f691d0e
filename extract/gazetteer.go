package extract

import (
	_ "embed"
	"fangtan/internal/han"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"fangtan"
)

//go:generate go run ./internal/gengazetteer -src ../../shared/data/admin-divisions -out gazetteer.txt

// gazetteerData is generated from ../shared/data/admin-divisions (WTFPL);
// see the header of gazetteer.txt.
//
//go:embed gazetteer.txt
var gazetteerData string

type divisionLevel int

const (
	levelProvince divisionLevel = iota
	levelCity
	levelDistrict
)

// division is one administrative unit with its ancestors resolved.
type division struct {
	code     string
	name     string
	level    divisionLevel
	city     *division // nil for provinces and for counties directly under a province
	province *division // the division itself for a province
}

// surface is a string that names one or more divisions. Several divisions
// share a surface when the name is ambiguous (朝阳区 in Beijing and
// Changchun); the article's other places decide between them.
type surface struct {
	text  string
	runes int
	// second is text's second rune (0 for one rune): scan rejects most
	// candidates on it without decoding text.
	second rune
	divs   []*division
	// generic names (城区, 郊区, 市中区, 东区…) are also common words, so
	// they count only right after the name of their own city.
	generic bool
	// contextual: a district's short name (江津 for 江津区) or an unsafe
	// city short name (巴中, 中山), which counts only right after its own
	// city or province (重庆江津, 贵州省德江至余庆, 四川巴中).
	contextual bool
	// part: a name of regionparts.txt (紅磡, 北角), distinct enough to
	// count wherever it is a whole word, as a full name does.
	part bool
}

type gazetteer struct {
	divisions []*division
	byFirst   map[rune][]*surface // candidates by first rune, longest first
	first     *runeSet            // byFirst's keys
	// regionPlaces maps a place of Hong Kong or Macao that says which
	// region a story is in to the region's full name: the names of
	// regionparts.txt that lie there and those of regionplaces.txt, which
	// count for nothing else. regionPlacesByRune lists them by first rune.
	regionPlaces       map[string]string
	regionPlacesByRune map[rune][][]rune
	// parts lists regionparts.txt's names by the division they count for.
	parts map[*division][]string
}

// RegionPartNames maps a division's name (九龙城区, 香港特别行政区; 东区
// for Hong Kong's and any other's alike) to the names that count alone
// for it or a division in it (extract/data/regionparts.txt: 紅磡, 土瓜灣),
// folded to Simplified: the words a reader of a place facet looks for
// when the article never writes the division's own name.
func RegionPartNames() map[string][]string {
	g := defaultGazetteer()
	m := map[string][]string{}
	for _, d := range g.divisions {
		for _, in := range []*division{d, d.city, d.province} {
			if in == nil {
				continue
			}
			for _, name := range g.parts[d] {
				if !slices.Contains(m[in.name], name) {
					m[in.name] = append(m[in.name], name)
				}
			}
		}
	}
	return m
}

// divisionNamed finds a division by its full name (the first of that name,
// so a province's row and not a municipality's city row), or by its city's
// name and its own (香港特别行政区中西区), which a name that two divisions
// of one level share needs: it is nil without it, as for a name no
// division has.
func (g *gazetteer) divisionNamed(name string) *division {
	var found *division
	for _, d := range g.divisions {
		if d.name != name {
			continue
		}
		if found != nil && found.level == d.level {
			return nil // 中西区 is Tainan's and Hong Kong's
		}
		if found == nil {
			found = d
		}
	}
	if found != nil {
		return found
	}
	for _, d := range g.divisions {
		if d.city != nil && d.city.name+d.name == name {
			return d
		}
	}
	return nil
}

var (
	gazOnce sync.Once
	gaz     *gazetteer
)

// defaultGazetteer parses the embedded table once; the result is read-only
// and shared by every Extractor.
func defaultGazetteer() *gazetteer {
	gazOnce.Do(func() { gaz = parseGazetteer(gazetteerData) })
	return gaz
}

// genericDistricts are district names that are also ordinary words.
var genericDistricts = setOfList(mustList("genericdistricts.txt"))

// unsafeCityShorts are short city names that are mostly something else:
// 中山装, 三明治, 长治久安, 白银 the metal, 文山会海, 百年大庆, 巴中 for
// Pakistan–China… The full names (中山市, 长治市) still match, and the
// short ones right after their province (广东中山, 四川巴中).
var unsafeCityShorts = setOfList(mustList("unsafecityshorts.txt"))

// ethnic names cut from autonomous prefectures to get their short name:
// 延边朝鲜族自治州 → 延边 (extract/data/ethnicmarkers.txt).
var ethnicMarkers = mustList("ethnicmarkers.txt")

func parseGazetteer(data string) *gazetteer {
	g := &gazetteer{byFirst: map[rune][]*surface{}}
	byCode := map[string]*division{}
	type pending struct {
		d      *division
		parent string
	}
	var rows []pending
	for line := range strings.Lines(data) {
		line = strings.TrimRight(line, "\r\n")
		if line == "" || line[0] == '#' {
			continue
		}
		f := strings.Split(line, "|")
		if len(f) != 4 {
			panic("corpus: malformed gazetteer line: " + line) // embedded data; caught by tests
		}
		d := &division{code: f[1], name: f[2]}
		switch f[0] {
		case "P":
			d.level = levelProvince
			d.province = d
		case "C":
			d.level = levelCity
		default:
			d.level = levelDistrict
		}
		byCode[d.code] = d
		g.divisions = append(g.divisions, d)
		rows = append(rows, pending{d, f[3]})
	}
	for _, r := range rows {
		if r.d.level == levelProvince {
			continue
		}
		p := byCode[r.parent]
		if p == nil {
			panic("corpus: gazetteer parent missing: " + r.parent)
		}
		if p.level == levelCity {
			r.d.city = p
			r.d.province = p.province // may still be nil; fixed below
		} else {
			r.d.province = p
		}
	}
	// A district may have been linked before its city knew its province.
	for _, d := range g.divisions {
		if d.level == levelDistrict && d.city != nil {
			d.province = d.city.province
		}
	}

	surfaces := map[string]*surface{}
	add := func(text string, d *division) {
		if utf8.RuneCountInString(text) < 2 {
			return
		}
		s := surfaces[text]
		if s == nil {
			s = &surface{text: text, runes: utf8.RuneCountInString(text), generic: genericDistricts[text]}
			surfaces[text] = s
		}
		for _, have := range s.divs {
			if have == d {
				return
			}
		}
		s.divs = append(s.divs, d)
	}
	provinceShorts := map[string]bool{}
	for _, d := range g.divisions {
		if d.level == levelProvince {
			if short := provinceShort(d.name); short != "" {
				provinceShorts[short] = true
			}
		}
	}
	for _, d := range g.divisions {
		add(d.name, d)
		switch d.level {
		case levelProvince:
			if short := provinceShort(d.name); short != "" {
				add(short, d)
			}
		case levelCity:
			if d.name == d.province.name {
				continue // a municipality's city row: its names belong to the province row too
			}
			if short := cityShort(d.name); short != "" && !unsafeCityShorts[short] && !provinceShorts[short] {
				add(short, d)
			}
		}
	}
	// Names that count alone (香港島, 新界, 屯門): extract/data/regionparts.txt.
	// Those that lie in a region of regionplaces.txt (Hong Kong, Macao) also
	// tell which region a story is in, as that table's own names do.
	g.regionPlaces = map[string]string{}
	g.parts = map[*division][]string{}
	regionPlaces := regionOf("regionplaces.txt")
	regions := map[string]bool{}
	for _, region := range regionPlaces {
		regions[region] = true
	}
	for _, row := range mustTable("regionparts.txt") {
		d := g.divisionNamed(row.key)
		if d == nil {
			panic("extract: regionparts.txt: no division, or several, named " + row.key) // embedded data; caught by tests
		}
		for _, name := range row.values {
			add(name, d)
			surfaces[name].part = true
			g.parts[d] = append(g.parts[d], name)
			if regions[d.province.name] {
				g.regionPlaces[name] = d.province.name
			}
		}
	}
	for name, region := range regionPlaces {
		if _, ok := g.regionPlaces[name]; ok {
			panic("extract: regionplaces.txt: " + name + " is in regionparts.txt already") // embedded data; caught by tests
		}
		g.regionPlaces[name] = region
	}
	g.regionPlacesByRune = map[rune][][]rune{}
	for place := range g.regionPlaces {
		rs := []rune(place)
		g.regionPlacesByRune[rs[0]] = append(g.regionPlacesByRune[rs[0]], rs)
	}
	// Unsafe city short names, then districts' short names, last, so that
	// they never shadow a full name; both count only in context (四川巴中,
	// 广东中山, 重庆江津).
	for _, d := range g.divisions {
		if d.level != levelCity || d.name == d.province.name {
			continue
		}
		short := cityShort(d.name)
		if short == "" || !unsafeCityShorts[short] || provinceShorts[short] {
			continue
		}
		if s := surfaces[short]; s != nil && !s.contextual {
			continue
		}
		add(short, d)
		surfaces[short].contextual = true
	}
	for _, d := range g.divisions {
		if d.level != levelDistrict || genericDistricts[d.name] {
			continue
		}
		short := districtShort(d.name)
		if short == "" || utf8.RuneCountInString(short) < 2 || genericDistricts[short] {
			continue
		}
		if s := surfaces[short]; s != nil && (!s.contextual || (slices.Contains(s.divs, d.city) && d.name != d.city.name)) {
			// 安徽黄山 is the city of 黄山市, not its district 黄山区 (but
			// 广东中山 is 中山市 at both levels, as 中山市 written whole is).
			continue
		}
		add(short, d)
		surfaces[short].contextual = true
	}
	// A municipality is its own city (北京市 is both): its names resolve to
	// the city row, which carries the province, so the matcher sees one
	// division and both levels are filled.
	municipal := map[*division]*division{}
	for _, d := range g.divisions {
		if d.level == levelCity && d.name == d.province.name {
			municipal[d.province] = d
		}
	}
	for _, s := range surfaces {
		var divs []*division
		for _, d := range s.divs {
			if c := municipal[d]; c != nil {
				d = c
			}
			if !slices.Contains(divs, d) {
				divs = append(divs, d)
			}
		}
		s.divs = divs
	}
	for _, s := range surfaces {
		r, w := utf8.DecodeRuneInString(s.text)
		if w < len(s.text) {
			s.second, _ = utf8.DecodeRuneInString(s.text[w:])
		}
		g.byFirst[r] = append(g.byFirst[r], s)
	}
	for _, list := range g.byFirst {
		sort.Slice(list, func(i, j int) bool {
			if list[i].runes != list[j].runes {
				return list[i].runes > list[j].runes
			}
			return list[i].text < list[j].text
		})
	}
	g.first = runeSetOf(g.byFirst)
	return g
}

func provinceShort(name string) string {
	for _, suf := range []string{"特别行政区", "壮族自治区", "回族自治区", "维吾尔自治区", "自治区", "省", "市"} {
		if s, ok := strings.CutSuffix(name, suf); ok {
			return s
		}
	}
	return ""
}

// districtShort is a district's name without its kind (江津区 → 江津,
// 隆昌市 → 隆昌), or "" when it has no such suffix or would be one rune.
func districtShort(name string) string {
	for _, suf := range []string{"自治县", "自治旗", "县", "区", "市", "旗"} {
		if s, ok := strings.CutSuffix(name, suf); ok && utf8.RuneCountInString(s) >= 2 {
			if strings.HasSuffix(s, "族") {
				return ""
			}
			return s
		}
	}
	return ""
}

func cityShort(name string) string {
	switch {
	case strings.HasSuffix(name, "自治州"):
		base := strings.TrimSuffix(name, "自治州")
		cut := len(base)
		for _, m := range ethnicMarkers {
			if i := strings.Index(base, m); i >= 0 && i < cut {
				cut = i
			}
		}
		return base[:cut]
	case strings.HasSuffix(name, "地区"):
		return strings.TrimSuffix(name, "地区")
	case strings.HasSuffix(name, "盟"):
		return strings.TrimSuffix(name, "盟")
	case strings.HasSuffix(name, "市"):
		return strings.TrimSuffix(name, "市")
	}
	return ""
}

// districtBoundary are the runes after which a district name may start.
const districtBoundary = "年月日省市县区州盟旗乡镇村在到赴和与及的是从往至经进来去于自访对向为将把被让给了即又也还都并或等察研户入达抵临驻居住留回返望问"

// placeMention is one match of a surface in folded text (rune offsets).
type placeMention struct {
	s          *surface
	text       int  // which of the article's texts
	before     rune // the rune before start, 0 at the start of the text
	start, end int
	weak       bool // in a list or a route: context, not what the text is about
	route      bool // one end of a dashed route (张北—雄安)
}

// notAfterDistrict: a district name followed by one of these is the first
// half of another word (中原区域, 城区划, 县城, 县级).
var badAfter = map[rune]string{
	'区': "域划级间块别位分",
	'县': "城级域",
	'市': "场值",
}

// tenthsAt reports whether the place at text[i:end] starts with the 成 of
// a share in tenths (逾7成都是反对, 九成都係華人): a numeral before it, and
// an adverb or verb after it, where a place would have a noun (2024成都世园会).
func tenthsAt(text []rune, i, end int) bool {
	return text[i] == '成' && i > 0 && end < len(text) &&
		(unicode.IsDigit(text[i-1]) || strings.ContainsRune(han.Digits+"两几", text[i-1])) &&
		strings.ContainsRune("是系与不有没都送会要只也亦均", text[end])
}

// orgAfter: a place followed by these names an institution elsewhere
// (武汉大学, 江西理工大学, 上海合作组织), a time zone (北京时间) or a spirit
// (延安精神), none of which says where the article is.
var orgAfter = mustList("placeorgs.txt")

// placeOwnWords start like a word of orgAfter but say something of the
// place itself (广州街头 against 山东街): extract/data/placeownwords.txt.
var placeOwnWords = mustList("placeownwords.txt")

// placeTraps are words that hold a place name but are no place
// (extract/data/traps.txt), indexed by first rune, longest first.
var placeTraps = func() map[rune][][]rune {
	m := map[rune][][]rune{}
	for _, w := range mustList("traps.txt") {
		rs := []rune(w)
		m[rs[0]] = append(m[rs[0]], rs)
	}
	for _, ws := range m {
		sort.SliceStable(ws, func(i, j int) bool { return len(ws[i]) > len(ws[j]) })
	}
	return m
}()

var placeTrapFirst = runeSetOf(placeTraps)

// trapMask marks the runes of text that lie in a place trap.
func trapMask(text []rune) []bool {
	var mask []bool
	for i := 0; i < len(text); i++ {
		if !placeTrapFirst.has(text[i]) {
			continue
		}
		for _, w := range placeTraps[text[i]] {
			if i+len(w) <= len(text) && equalRunes(text[i:i+len(w)], w) {
				if mask == nil {
					mask = make([]bool, len(text))
				}
				for k := i; k < i+len(w); k++ {
					mask[k] = true
				}
				break
			}
		}
	}
	return mask
}

// placePrefixes may come before a place name inside one jieba word:
// 中共北京市委, 首都北京 (extract/data/placeprefixes.txt).
var placePrefixes = func() [][]rune {
	var out [][]rune
	for _, p := range mustList("placeprefixes.txt") {
		out = append(out, []rune(p))
	}
	return out
}()

// afterPlacePrefix reports whether a jieba word starts with a place prefix
// that ends at i.
func afterPlacePrefix(text []rune, bounds []bool, i int) bool {
	for _, p := range placePrefixes {
		if at := i - len(p); at >= 0 && bounds[at] && equalRunes(text[at:i], p) {
			return true
		}
	}
	return false
}

// placeSuffixes may follow a place name inside one jieba word: 山西省委,
// 太原市委, 山西人 (extract/data/placesuffixes.txt).
var placeSuffixes = mustList("placesuffixes.txt")

// onWordBoundaries reports whether a mention of text[i:end] starts where a
// jieba word starts (so 巴中 in 中巴关系, 达州 in 明尼苏达州 and 海口 in
// 入海口 are no mentions) and ends where one ends, or is followed inside
// its word only by a suffix such as 委 (山西省委). bounds nil: not cut.
func (g *gazetteer) onWordBoundaries(text []rune, bounds []bool, i, end int, afterPlace bool) bool {
	if bounds == nil {
		return true
	}
	// 广西南宁 is one word to jieba: a place may start where another ended,
	// and after a prefix (中共北京市委/nt, 首都北京/ns).
	if !bounds[i] && !afterPlace && !afterPlacePrefix(text, bounds, i) {
		return false
	}
	if bounds[end] || g.startsPlace(text, end) {
		return true
	}
	next := end + 1
	for next < len(bounds) && !bounds[next] {
		next++
	}
	rest := string(text[end:min(next, len(text))])
	for _, s := range placeSuffixes {
		if strings.HasPrefix(rest, s) {
			return true
		}
	}
	// 太原/市委, 腾冲/市坝: jieba glued the name's kind (市, 县…) to the
	// next word; the name's core is a word of its own.
	return bounds[end-1] && strings.ContainsRune("省市县区州旗盟", text[end-1])
}

// startsPlace reports whether a place name of two runes or more starts at i.
func (g *gazetteer) startsPlace(text []rune, i int) bool {
	return g.startsPlaceIn(text, i, false)
}

// startsPlaceIn is startsPlace, counting also, when contextual, the short
// names that count only after their city or province (道真 in 贵州道真).
func (g *gazetteer) startsPlaceIn(text []rune, i int, contextual bool) bool {
	if i >= len(text) {
		return false
	}
	for _, s := range g.byFirst[text[i]] {
		if s.runes <= len(text)-i && !s.generic && (contextual || !s.contextual) && runesHasPrefix(text[i:], s.text) {
			return true
		}
	}
	return false
}

// names reports whether name is exactly a place's name or short form (澳门,
// 西贡), generic and contextual ones included: read alone, it is no
// person's name.
func (g *gazetteer) names(name []rune) bool {
	if len(name) == 0 {
		return false
	}
	for _, s := range g.byFirst[name[0]] {
		if s.runes == len(name) && runesHasPrefix(name, s.text) {
			return true
		}
	}
	return false
}

// afterCountry reports whether a foreign country's name ends at i (美国德州).
func afterCountry(text []rune, i int) bool {
	for k := 1; k <= 6 && k <= i; k++ {
		if _, ok := countries[string(text[i-k:i])]; ok && k > 1 {
			return true
		}
	}
	return false
}

// institutionEnds end the names of institutions that begin with a place
// but are not that place's government: 北京景山学校, 太原能源低碳发展论坛,
// 大湾区香港中心有限公司. A city's own bodies (太原市公安局, 太原市委党校)
// end otherwise and count.
var institutionEnds = mustList("institutions.txt")

// namesInstitution reports whether the place name ending at end begins the
// name of an institution: within the next ten runes, with nothing between
// but the name's other words (no verb, particle or preposition such as 在,
// 的, 举办, 会见: 韩正在北京会见世界自然基金会…; and no 某: 香港某心理学会 is
// a body somewhere in the city), one of institutionEnds.
func namesInstitution(text []rune, end int) bool {
	for k := end; k < len(text) && k-end < 10 && isHanRune(text[k]); k++ {
		if strings.ContainsRune("的在于和与及举召参出是到赴为对向将把被某见晤", text[k]) {
			return false
		}
		for _, w := range institutionEnds {
			// An ending of three runes or more names a body by itself and
			// may follow the place at once (香港紅十字會, 福州同鄉會,
			// 香港民族黨); one of two right after it is the place's own
			// (香港公司, 北京学校: firms and schools there).
			if (k > end || utf8.RuneCountInString(w) >= 3) && runesHasPrefix(text[k:], w) {
				return true
			}
		}
	}
	return false
}

// bracketedInFirmName reports whether the place at text[i:end] stands in
// brackets inside a firm's name, the way subsidiaries are named
// (科域盈創(香港)有限公司, 三聯書店 (香港) 有限公司): the brackets say
// where the firm is registered, not where the story is.
func bracketedInFirmName(text []rune, i, end int) bool {
	if i == 0 || text[i-1] != '(' || end >= len(text) || text[end] != ')' {
		return false
	}
	k := end + 1
	for k < len(text) && text[k] == ' ' {
		k++
	}
	for _, w := range institutionEnds {
		if runesHasPrefix(text[k:], w) {
			return true
		}
	}
	return namesInstitution(text, k)
}

// titleKeepEnds end the titles of a place's own laws, rules and plans
// (extract/data/titlekeeps.txt): a place inside such a title in 《》 still
// counts.
var titleKeepEnds = mustList("titlekeeps.txt")

// inWorkTitle reports whether the place starting at text[i] stands inside
// a title in 《》 that is not a law, rule or plan (titleKeepEnds): a
// paper, a book or a film (《香港01》, 《上海大黄页》, 《南京照相馆》)
// names a work, not where the story is.
func inWorkTitle(text []rune, i int) bool {
	open := -1
	for k := i - 1; k >= 0 && i-k <= 40; k-- {
		if text[k] == '》' || text[k] == '\n' {
			return false
		}
		if text[k] == '《' {
			open = k
			break
		}
	}
	if open < 0 {
		return false
	}
	for k := i; k < len(text) && k-open <= 60; k++ {
		switch text[k] {
		case '\n', '《':
			return false
		case '》':
			title := text[open+1 : k]
			// A dated plan: 《江苏省国土空间规划(2021—2035年)》,
			// 《香港气候行动蓝图2030+》.
			if p := strings.LastIndex(string(title), "("); p > 0 && title[len(title)-1] == ')' {
				title = []rune(string(title)[:p])
			}
			for len(title) > 0 && !isHanRune(title[len(title)-1]) {
				title = title[:len(title)-1]
			}
			for _, w := range titleKeepEnds {
				if runesHasSuffix(title, w) {
					return false
				}
			}
			return true
		}
	}
	return false
}

// scan finds every place name in folded text; bounds, when not nil, marks
// the rune offsets where jieba's words begin and end.
func (g *gazetteer) scan(text []rune, bounds []bool) []placeMention {
	var out []placeMention
	traps := trapMask(text)
	for i := 0; i < len(text); {
		var cands []*surface
		if g.first.has(text[i]) {
			cands = g.byFirst[text[i]]
		}
		var hit *surface
		for _, s := range cands {
			if s.runes > len(text)-i || (s.runes > 1 && text[i+1] != s.second) || !runesHasPrefix(text[i:], s.text) {
				continue
			}
			end := i + s.runes
			afterPlace := len(out) > 0 && out[len(out)-1].end == i
			if (traps != nil && (traps[i] || traps[end-1])) || !g.onWordBoundaries(text, bounds, i, end, afterPlace) || (!afterPlace && afterCountry(text, i)) {
				continue
			}
			if end < len(text) {
				last, _ := utf8.DecodeLastRuneInString(s.text)
				if bad, ok := badAfter[last]; ok && strings.ContainsRune(bad, text[end]) {
					continue
				}
				// 和县城, 临县级: a two-rune county is too easily half of a phrase.
				if s.runes == 2 && last == '县' && strings.ContainsRune("城级域委", text[end]) && len(s.divs) > 0 {
					continue
				}
			}
			// 示范县, 滨海城市, 高新社区: a short district name counts only after a
			// boundary (我省代县, 在绛县、, 赴夏县) or right after another place
			// (岳阳市华容县, 杭州上城区).
			if s.divs[0].level == levelDistrict && s.runes <= 3 && !s.part && i > 0 && isHanRune(text[i-1]) &&
				!strings.ContainsRune(districtBoundary, text[i-1]) && !(len(out) > 0 && out[len(out)-1].end == i) {
				continue
			}
			if s.runes == 2 && writtenAsPersonName(text, bounds, i, end) {
				continue
			}
			if tenthsAt(text, i, end) {
				continue
			}
			hit = s
			break
		}
		if hit == nil {
			i++
			continue
		}
		end := i + hit.runes
		// 杭州第19届亚运会: the edition between the place and the event's
		// name is part of the name.
		name := end + editionAt(text, end)
		rest := string(text[name:min(len(text), name+8)])
		org := false
		for _, o := range orgAfter {
			if strings.HasPrefix(rest, o) {
				org = true
				break
			}
		}
		if org && g.startsPlaceIn(text, end, true) {
			org = false // 贵州道真, 哈尔滨道里区, 台州路桥区: the next place, not a road
		}
		if org {
			for _, w := range placeOwnWords {
				if strings.HasPrefix(rest, w) {
					org = false
					break
				}
			}
		}
		// 四川乐山市夹江县中学: an address, each place of it where the
		// institution is, not the start of the institution's name.
		chained := (len(out) > 0 && out[len(out)-1].end == i) || g.startsPlaceIn(text, end, true)
		if !org && !chained && (namesInstitution(text, name) || bracketedInFirmName(text, i, end)) {
			org = true
		}
		if !org && inWorkTitle(text, i) {
			org = true
		}
		if !org && (inByname(text, i, end) || besideMetonym(text, i, end)) {
			org = true
		}
		// 中環灣仔繞道: Hong Kong's parts name a road or a line after both
		// its ends, so a part right before the one that begins a name is
		// part of that name too. A division before it is where the named
		// thing lies (眉山永丰村, 长沙湾永康街).
		if org && hit.part && len(out) > 0 && out[len(out)-1].end == i && out[len(out)-1].s.part {
			out = out[:len(out)-1]
		}
		if !org {
			m := placeMention{s: hit, start: i, end: end}
			if i > 0 {
				m.before = text[i-1]
			}
			out = append(out, m)
		}
		i = end
	}
	markWeak(text, out)
	return out
}

// metonyms maps a place to the words beside which it stands for a power,
// not a place (extract/data/metonyms.txt: 中環 beside 西環).
var metonyms = func() map[string][]string {
	m := map[string][]string{}
	for _, row := range mustTable("metonyms.txt") {
		m[row.key] = append(m[row.key], row.values...)
	}
	return m
}()

// besideMetonym reports whether the place at text[i:end] is named right
// before or after one of its metonyms' words, at most one 、 or ， (folded
// to a comma) between.
func besideMetonym(text []rune, i, end int) bool {
	words := metonyms[string(text[i:end])]
	if len(words) == 0 {
		return false
	}
	after, before := end, i
	if after < len(text) && strings.ContainsRune("、,，", text[after]) {
		after++
	}
	if before > 0 && strings.ContainsRune("、,，", text[before-1]) {
		before--
	}
	for _, w := range words {
		n := utf8.RuneCountInString(w)
		if runesHasPrefix(text[after:], w) || (before >= n && string(text[before-n:before]) == w) {
			return true
		}
	}
	return false
}

// editionAt is the length of an edition's number at text[i:] (第31届,
// 第十九届), or 0.
func editionAt(text []rune, i int) int {
	if i >= len(text) || text[i] != '第' {
		return 0
	}
	k := i + 1
	for k < len(text) && (unicode.IsDigit(text[k]) || strings.ContainsRune(han.Digits+"百零〇两", text[k])) {
		k++
	}
	if k == i+1 || k >= len(text) || text[k] != '届' {
		return 0
	}
	return k + 1 - i
}

// inByname reports whether the place at text[i:end] lies in quotation
// marks that a byname's 之称 follows (素有河東“西柏坡”之稱的聞喜縣, 有「小香港」之稱):
// the place is what another is likened to, not where the article is.
func inByname(text []rune, i, end int) bool {
	// The text is folded: clause marks are half-width here (clauseBreaks).
	const stops = sentenceEnds + clauseBreaks
	var open rune
	for k := i - 1; k >= 0 && i-k <= 8 && open == 0; k-- {
		if _, closing := quoteOpener[text[k]]; closing || strings.ContainsRune(stops, text[k]) {
			return false
		}
		if strings.ContainsRune("“「", text[k]) {
			open = text[k]
		}
	}
	if open == 0 {
		return false
	}
	for k := end; k < len(text) && k-end <= 8; k++ {
		if quoteOpener[text[k]] == open {
			return runesHasPrefix(text[k+1:], "之称")
		}
		if strings.ContainsRune(stops+"“「", text[k]) {
			return false
		}
	}
	return false
}

// writtenAsPersonName reports whether the two-rune place name at
// text[i:end] is the given name of a person: a family name that jieba cut
// as a word of its own goes before it, and the three runes stand alone, as
// names do in lists (，刘遵义、, 史乐山等). A family name that is also a
// preposition or particle (于沈阳, 向乐山) is read as that.
func writtenAsPersonName(text []rune, bounds []bool, i, end int) bool {
	if bounds == nil || i < 1 || !bounds[i-1] || !bounds[i] || !surnames[text[i-1]] || stopWordAt(text, i-1) {
		return false
	}
	if i >= 2 && (isHanRune(text[i-2]) || unicode.IsLetter(text[i-2]) || unicode.IsDigit(text[i-2])) {
		return false // 40项北京: a measure word
	}
	return end == len(text) || !isHanRune(text[end]) || stopWordAt(text, end)
}

func isHanRune(r rune) bool { return han.Is(r) }

// runesHasSuffix reports whether text ends with suffix.
func runesHasSuffix(text []rune, suffix string) bool {
	sr := []rune(suffix)
	return len(sr) <= len(text) && equalRunes(text[len(text)-len(sr):], sr)
}

func runesHasPrefix(text []rune, prefix string) bool {
	j := 0
	for _, r := range prefix {
		if j >= len(text) || text[j] != r {
			return false
		}
		j++
	}
	return true
}

// anyWordAt reports whether one of words starts at text[i].
func anyWordAt(text []rune, i int, words []string) bool {
	for _, w := range words {
		if runesHasPrefix(text[i:], w) {
			return true
		}
	}
	return false
}

// markWeak flags places named in an enumeration of three or more
// (考察贵州、福建、广西…) or in a route (陕北—湖北…工程): the text passes
// through them rather than being about them.
func markWeak(text []rune, ms []placeMention) {
	joined := func(a, b placeMention, seps string) bool {
		gap := text[a.end:b.start]
		return len(gap) == 1 && strings.ContainsRune(seps, gap[0])
	}
	for i := 0; i < len(ms); {
		j := i
		for j+1 < len(ms) && joined(ms[j], ms[j+1], "、,") {
			j++
		}
		if j-i+1 >= 3 {
			for k := i; k <= j; k++ {
				ms[k].weak = true
			}
		}
		i = j + 1
	}
	for i := 0; i+1 < len(ms); i++ {
		if joined(ms[i], ms[i+1], "—-~至") {
			ms[i].weak, ms[i+1].weak = true, true
		}
	}
	// 张北—雄安, 陕北—湖北 工程: one end of a route, even when the other end
	// is not a division. A double dash (——记山西省…) is punctuation, not a route.
	single := func(i int) bool {
		return i >= 0 && i < len(text) && (text[i] == '—' || text[i] == '-') &&
			(i == 0 || text[i-1] != text[i]) && (i+1 >= len(text) || text[i+1] != text[i])
	}
	for k := range ms {
		if single(ms[k].start-1) || single(ms[k].end) {
			ms[k].weak, ms[k].route = true, true
		}
	}
}

// places resolves the mentions of an article (title first, then
// paragraphs, all folded) into the divisions it is about, rolled up.
func (g *gazetteer) places(texts [][]rune, bounds [][]bool) fangtan.Places {
	type seen struct {
		d      *division
		order  int
		strong bool
	}
	var all []placeMention
	for i, t := range texts {
		var b []bool
		if i < len(bounds) {
			b = bounds[i]
		}
		ms := g.scan(t, b)
		for k := range ms {
			ms[k].text = i
		}
		all = append(all, ms...)
	}
	found := map[*division]*seen{}
	order := 0
	note := func(d *division, strong bool) {
		if s, ok := found[d]; ok {
			s.strong = s.strong || strong
			return
		}
		found[d] = &seen{d: d, order: order, strong: strong}
		order++
	}
	// First the unambiguous mentions: they are the context that decides the
	// ambiguous ones.
	ctxCity, ctxProv := map[*division]bool{}, map[*division]bool{}
	var prev *placeMention
	resolved := make([]*division, len(all))
	for i := range all {
		m := &all[i]
		adjacent := prev != nil && prev.text == m.text && prev.end == m.start
		if m.s.generic {
			// Only right after its own city (阳泉市城区), or joined by 、
			// or 及 to a district of that city in a list (灣仔、東區、南區:
			// Hong Kong's Eastern District, not New York's or Tainan's).
			joined := joinedAfter(prev, m, "、和与及")
			if pd := resolved[max(i-1, 0)]; i > 0 && pd != nil && (adjacent || joined) {
				for _, d := range m.s.divs {
					if (adjacent && pd.level == levelCity && d.city == pd) || (joined && pd.level == levelDistrict && pd.city != nil && d.city == pd.city) {
						resolved[i] = d
					}
				}
			}
		} else if m.s.contextual {
			// Right after its city or province (四川隆昌), or joined by 至
			// or 、 to a district of the same (德江至余庆).
			joined := joinedAfter(prev, m, "至、和与及")
			if pd := resolved[max(i-1, 0)]; i > 0 && pd != nil && (adjacent || joined) {
				for _, d := range m.s.divs {
					if d.city == pd || d.province == pd || (joined && pd.level == levelDistrict && d.province == pd.province) {
						resolved[i] = d
					}
				}
			}
		} else if len(m.s.divs) == 1 {
			resolved[i] = m.s.divs[0]
		}
		if d := resolved[i]; d != nil && !m.weak {
			if d.city != nil {
				ctxCity[d.city] = true
			}
			if d.level == levelCity {
				ctxCity[d] = true
			}
			ctxProv[d.province] = true
		}
		prev = m
	}
	for i := range all {
		m := &all[i]
		if resolved[i] != nil || m.s.generic || m.s.contextual {
			continue
		}
		resolved[i] = pickByContext(m.s.divs, ctxCity, ctxProv)
	}
	dropRegionNamesakes(all, resolved, g.regionsNamedIn(texts, bounds))
	dropForeignNamesakes(texts, all, resolved)
	for i := range all {
		d := resolved[i]
		if d == nil {
			continue
		}
		// Places in lists count: an article that names a division
		// mentions it, and a researcher filtering by it expects to find
		// the article. One end of a dashed route (陕北—湖北…工程) names
		// a project, not where the news is.
		if all[i].route {
			continue
		}
		note(d, true)
		if d.city != nil {
			note(d.city, true)
		}
		note(d.province, true)
	}
	list := make([]*seen, 0, len(found))
	for _, s := range found {
		list = append(list, s)
	}
	sort.Slice(list, func(i, j int) bool { return list[i].order < list[j].order })
	p := fangtan.Places{Provinces: []string{}, Cities: []string{}, Districts: []string{}}
	for _, s := range list {
		switch s.d.level {
		case levelProvince:
			p.Provinces = append(p.Provinces, s.d.name)
		case levelCity:
			p.Cities = append(p.Cities, s.d.name)
		default:
			p.Districts = append(p.Districts, s.d.name)
		}
	}
	return p
}

// regionNamesakes maps a name that a place of Hong Kong, Macao or Taiwan
// shares with a mainland division to that region's full name
// (extract/data/sarnamesakes.txt).
var regionNamesakes = regionOf("sarnamesakes.txt")

// joinedAfter reports whether m follows prev in the same text with one of
// joiners between them (贵州省德江至余庆, 灣仔、東區).
func joinedAfter(prev, m *placeMention, joiners string) bool {
	return prev != nil && prev.text == m.text && prev.end+1 == m.start && strings.ContainsRune(joiners, m.before)
}

// regionOf maps every name a table of regions lists to its region's full
// name, the row's key.
func regionOf(table string) map[string]string {
	m := map[string]string{}
	for _, row := range mustTable(table) {
		for _, name := range row.values {
			m[name] = row.key
		}
	}
	return m
}

// regionsNamedIn lists the regions whose places (g.regionPlaces) the
// texts name as whole words (by bounds, jieba's word edges, where known).
func (g *gazetteer) regionsNamedIn(texts [][]rune, bounds [][]bool) []string {
	var regions []string
	for ti, t := range texts {
		var b []bool
		if ti < len(bounds) {
			b = bounds[ti]
		}
		for i, r := range t {
			for _, w := range g.regionPlacesByRune[r] {
				end := i + len(w)
				if end > len(t) || !slices.Equal(t[i:end], w) || (b != nil && !(b[i] && b[end])) {
					continue
				}
				if region := g.regionPlaces[string(w)]; !slices.Contains(regions, region) {
					regions = append(regions, region)
				}
			}
		}
	}
	return regions
}

// dropRegionNamesakes unresolves the mentions of a mainland division by a
// name a place of Hong Kong, Macao or Taiwan shares (马鞍山, 南昌, 金門縣)
// when the article's places lie in that region, all or most of them, and
// none in the mainland division's province: a Hong Kong story about 马鞍山
// is about Ma On Shan. named are the regions the article names by places
// that are no division (regionsNamedIn: 旺角).
func dropRegionNamesakes(all []placeMention, resolved []*division, named []string) {
	namesake := func(i int) bool {
		d := resolved[i]
		if d == nil {
			return false
		}
		// A full name is a namesake only where the table lists it (金门县).
		region, ok := regionNamesakes[all[i].s.text]
		return ok && d.province.name != region
	}
	regions := slices.Clone(named)
	mentions := map[string]int{} // by province, the namesakes left out
	for i, d := range resolved {
		if d == nil || namesake(i) {
			continue
		}
		mentions[d.province.name]++
		if !slices.Contains(regions, d.province.name) {
			regions = append(regions, d.province.name)
		}
	}
	// In a list beside a division of the mainland (武汉、长沙、厦门、南昌),
	// it is the mainland's.
	listedBesideMainland := func(i int) bool {
		region := regionNamesakes[all[i].s.text]
		for _, j := range []int{i - 1, i + 1} {
			if j < 0 || j >= len(all) || resolved[j] == nil || namesake(j) || resolved[j].province.name == region {
				continue
			}
			if prev, m := &all[min(i, j)], &all[max(i, j)]; joinedAfter(prev, m, "、和与及") {
				return true
			}
		}
		return false
	}
	// The region's place where the article names only that region, or
	// mostly that region and nothing of the mainland division's province:
	// 马鞍山利安 in a Hong Kong story that also names 北京 once as the
	// central government. A national story that names Hong Kong among
	// many places keeps the mainland's.
	for i, d := range resolved {
		if !namesake(i) {
			continue
		}
		region := regionNamesakes[all[i].s.text]
		if !slices.Contains(regions, region) || slices.Contains(regions, d.province.name) || listedBesideMainland(i) {
			continue
		}
		elsewhere := 0
		for p, n := range mentions {
			if p != region {
				elsewhere += n
			}
		}
		if len(regions) == 1 || mentions[region] > elsewhere {
			resolved[i] = nil
		}
	}
}

// foreignNamesakes maps a division's short name that a foreign place
// shares to that place's country (extract/data/foreignnamesakes.txt).
var foreignNamesakes = func() map[string]string {
	m := map[string]string{}
	for _, row := range mustTable("foreignnamesakes.txt") {
		if len(row.values) != 1 {
			panic("extract: foreignnamesakes.txt: want one country for " + row.key) // embedded data; caught by tests
		}
		if _, ok := countries[row.values[0]]; !ok {
			panic("extract: foreignnamesakes.txt: " + row.values[0] + " is not in countries.txt")
		}
		m[row.key] = countries[row.values[0]]
	}
	return m
}()

// dropForeignNamesakes unresolves the mentions of a division by a short
// name a foreign place shares (德州 for Texas) in an article that names the
// foreign place's country and no other place of the division's province.
func dropForeignNamesakes(texts [][]rune, all []placeMention, resolved []*division) {
	for i, d := range resolved {
		if d == nil || all[i].s.text == d.name {
			continue
		}
		country, ok := foreignNamesakes[all[i].s.text]
		if !ok || !namesCountry(texts, country) {
			continue
		}
		home := false
		for k, o := range resolved {
			if o != nil && o.province == d.province && all[k].s.text != all[i].s.text {
				home = true
				break
			}
		}
		if !home {
			resolved[i] = nil
		}
	}
}

// namesCountry reports whether any of texts holds a name of two runes or
// more of country (美国, not 美 alone, which is in 美丽).
func namesCountry(texts [][]rune, country string) bool {
	for _, t := range texts {
		for i := range t {
			if n := countryNameAt(t, i); n > 0 && countries[string(t[i:i+n])] == country {
				return true
			}
		}
	}
	return false
}

// pickByContext chooses the one candidate that lies in a city, else a
// province, already named in the article; otherwise none.
func pickByContext(cands []*division, ctxCity, ctxProv map[*division]bool) *division {
	var inCity, inProv []*division
	for _, d := range cands {
		if (d.city != nil && ctxCity[d.city]) || (d.level == levelCity && ctxCity[d]) {
			inCity = append(inCity, d)
		}
		if ctxProv[d.province] {
			inProv = append(inProv, d)
		}
	}
	if len(inCity) == 1 {
		return inCity[0]
	}
	if len(inCity) == 0 && len(inProv) == 1 {
		return inProv[0]
	}
	return nil
}
