package extract

import (
	"bufio"
	_ "embed"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"fangtan/analyzer"
	"fangtan/internal/han"
)

// defaultThemesText is the theme file used when none is given. Editing it
// changes the default set; users pass their own file to LoadThemes.
//
//go:embed themes.txt
var defaultThemesText string

// Theme is a topic and the phrases that signal it.
type Theme struct {
	Name    string   // Simplified
	Phrases []string // folded (Simplified)
	// Weak are words of the theme's subject that news also writes in
	// passing (公路 for the road a crash happened on, 贸易 in 贸易公司):
	// written with a leading ~, they count only where the article writes
	// the theme's words at least twice (weakQuorum).
	Weak []string
	// Except are longer phrases inside which a phrase does not count
	// (人才: …, -人才市场): written with a leading minus in the file.
	Except []string
}

// Themes is a parsed theme file. It is read-only once built, so one value
// serves concurrent extractions.
type Themes struct {
	list []Theme

	indexOnce sync.Once
	byFirst   map[rune][]phraseRef // built on first Match
	first     *runeSet             // byFirst's keys
}

// DefaultThemes returns the embedded default theme set (extract/themes.txt).
func DefaultThemes() *Themes {
	t, err := ParseThemes(strings.NewReader(defaultThemesText), "themes.txt (embedded)")
	if err != nil {
		panic(err) // the embedded file is covered by tests
	}
	return t
}

// LoadThemes reads a theme file from path.
func LoadThemes(path string) (*Themes, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("themes %s: %w", path, err)
	}
	defer f.Close()
	return ParseThemes(f, path)
}

// ParseThemes reads theme lines "name: phrase, phrase, ..." (full-width
// colons and commas, and 、 between phrases, are accepted too); # starts
// a comment line.
// name is used in error messages. A theme without phrases is an error, so a
// typo does not silently disable a theme.
func ParseThemes(r io.Reader, name string) (*Themes, error) {
	t := &Themes{}
	seen := map[string]bool{}
	sc := bufio.NewScanner(r)
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimSpace(strings.TrimPrefix(sc.Text(), "\ufeff"))
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		line = analyzer.Fold(line) // ： → :, ， → ,, Traditional → Simplified
		key, rest, ok := strings.Cut(line, ":")
		key = strings.TrimSpace(key)
		if !ok || key == "" {
			return nil, fmt.Errorf("themes %s line %d: want \"name: phrase, phrase\", got %q", name, n, sc.Text())
		}
		if seen[key] {
			return nil, fmt.Errorf("themes %s line %d: theme %q defined twice", name, n, key)
		}
		seen[key] = true
		th := Theme{Name: key}
		for _, p := range themeItems(rest) {
			if w, ok := strings.CutPrefix(p, "~"); ok {
				if w = strings.TrimSpace(w); w == "" {
					return nil, fmt.Errorf("themes %s line %d: a lone ~ in theme %q", name, n, key)
				}
				th.Weak = append(th.Weak, w)
				continue
			}
			if ex, ok := strings.CutPrefix(p, "-"); ok {
				if ex = strings.TrimSpace(ex); ex == "" {
					return nil, fmt.Errorf("themes %s line %d: a lone - in theme %q", name, n, key)
				}
				th.Except = append(th.Except, ex)
				continue
			}
			if p != "" {
				th.Phrases = append(th.Phrases, p)
			}
		}
		if len(th.Phrases)+len(th.Weak) == 0 {
			return nil, fmt.Errorf("themes %s line %d: theme %q has no phrases", name, n, key)
		}
		t.list = append(t.list, th)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("themes %s: %w", name, err)
	}
	if len(t.list) == 0 {
		return nil, fmt.Errorf("themes %s: no themes", name)
	}
	return t, nil
}

// themeItems splits a theme line's phrases at commas and semicolons, and
// at 、 but inside an exception: a name that lists (a constituency,
// -体育、演艺、文化及出版界) keeps its 、 as the text writes it.
func themeItems(rest string) []string {
	var out []string
	for _, item := range strings.FieldsFunc(rest, func(r rune) bool { return r == ',' || r == ';' }) {
		item = strings.TrimSpace(item)
		if strings.HasPrefix(item, "-") {
			out = append(out, item)
			continue
		}
		for _, p := range strings.Split(item, "、") {
			out = append(out, strings.TrimSpace(p))
		}
	}
	return out
}

// List returns the themes in file order.
func (t *Themes) List() []Theme { return append([]Theme(nil), t.list...) }

// Match returns the names of the themes whose phrases occur in folded
// text, in file order, a theme with only weak phrases where they occur
// weakQuorum times. It reads the text once, trying the phrases that
// start with each rune, instead of one strings.Contains per phrase (a
// scan of the whole article each, which took 7% of extraction).
func (t *Themes) Match(folded string) []string {
	t.indexOnce.Do(t.index)
	weak := make([]int, len(t.list))
	matched := make([]bool, len(t.list))
	for i := 0; i < len(folded); {
		r, w := utf8.DecodeRuneInString(folded[i:])
		for _, ref := range t.byFirst[r] {
			if !ref.except && !matched[ref.theme] && strings.HasPrefix(folded[i:], ref.phrase) {
				if ref.weak {
					weak[ref.theme]++
				}
				matched[ref.theme] = !ref.weak || weak[ref.theme] >= weakQuorum
			}
		}
		i += w
	}
	return t.names(matched)
}

// weakQuorum is how often a theme's weak phrases must occur in an article
// for the theme to count. On samples of both archives (testdata/facets,
// docs/extraction.md), subject words such as 公路, 贸易 or 发电 written once
// were as often a setting, a name or another word (发电邮) as the subject;
// written twice or more, the article was about it.
const weakQuorum = 2

func (t *Themes) names(matched []bool) []string {
	out := []string{}
	for k, th := range t.list {
		if matched[k] {
			out = append(out, th.Name)
		}
	}
	return out
}

// phraseRef is a theme phrase in the first-rune index.
type phraseRef struct {
	theme  int
	phrase string
	runes  []rune
	except bool
	weak   bool
}

func (t *Themes) index() {
	t.byFirst = map[rune][]phraseRef{}
	for k, th := range t.list {
		for _, p := range th.Phrases {
			r, _ := utf8.DecodeRuneInString(p)
			t.byFirst[r] = append(t.byFirst[r], phraseRef{theme: k, phrase: p, runes: []rune(p)})
		}
		for _, p := range th.Weak {
			r, _ := utf8.DecodeRuneInString(p)
			t.byFirst[r] = append(t.byFirst[r], phraseRef{theme: k, phrase: p, runes: []rune(p), weak: true})
		}
		for _, p := range th.Except {
			r, _ := utf8.DecodeRuneInString(p)
			t.byFirst[r] = append(t.byFirst[r], phraseRef{theme: k, phrase: p, runes: []rune(p), except: true})
		}
	}
	t.first = runeSetOf(t.byFirst)
}

// MatchWords returns the names of the themes whose phrases occur in texts
// (folded) as whole words of jieba's cut: a phrase must start where a word
// starts and end where one ends (bounds, as tagged.bounds gives them; a
// text without bounds is matched as characters). A phrase inside one of
// its theme's Except phrases does not count, and a theme whose phrases
// found are all weak counts where they occur weakQuorum times. personAt,
// when not nil, gives the length of a person's name that starts at rune i
// of texts[n] (0 where none does): an age word right before it says who
// that person is (殴打青年郑仲恒).
func (t *Themes) MatchWords(texts [][]rune, bounds [][]bool, personAt func(n, i int) int) []string {
	t.indexOnce.Do(t.index)
	matched := make([]bool, len(t.list))
	weak := make([]int, len(t.list))
	for n, text := range texts {
		var b []bool
		if n < len(bounds) {
			b = bounds[n]
		}
		var hits []themeHit
		for i, r := range text {
			if !t.first.has(r) {
				continue
			}
			for _, ref := range t.byFirst[r] {
				end := i + len(ref.runes)
				if ref.except {
					// 高铁《一地两检》: an exception holds across the
					// marks news puts inside a name.
					if end = matchAcrossMarks(text, i, ref.runes); end < 0 {
						continue
					}
				} else if end > len(text) || !equalRunes(text[i:end], ref.runes) {
					continue
				}
				if !ref.except && b != nil && (!b[i] || !b[end]) {
					continue
				}
				hits = append(hits, themeHit{ref.theme, i, end, ref.except, ref.weak})
			}
		}
		for _, h := range hits {
			if h.except || matched[h.theme] {
				continue
			}
			inside := false
			for _, e := range hits {
				if e.except && e.theme == h.theme && e.start <= h.start && h.end <= e.end {
					inside = true
					break
				}
			}
			if inside || inPostTitle(texts[n], h.start, h.end) || afterOnesAge(texts[n], h.start, h.end) || beforeTimeMarker(texts[n], b, h.end) || beforePerson(texts, n, h.start, h.end, personAt) {
				continue
			}
			weakHit := h.weak || personsTitle(texts, n, b, h.start, h.end)
			if weakHit {
				weak[h.theme]++
			}
			matched[h.theme] = !weakHit || weak[h.theme] >= weakQuorum
		}
	}
	return t.names(matched)
}

// nameMarks are the quotation marks (quoteOpener's) and the brackets news
// writes inside a name or a term (高铁「一地两检」, 高铁《一地两检合作安排》).
var nameMarks = func() string {
	marks := "\"《》〈〉()（）"
	for closing, opening := range quoteOpener {
		marks += string(opening) + string(closing)
	}
	return marks
}()

// matchAcrossMarks returns where phrase ends in text when it starts at i,
// with any nameMarks between its runes, or -1.
func matchAcrossMarks(text []rune, i int, phrase []rune) int {
	k := 0
	for ; i < len(text) && k < len(phrase); i++ {
		switch {
		case text[i] == phrase[k]:
			k++
		case k > 0 && strings.ContainsRune(nameMarks, text[i]):
		default:
			return -1
		}
	}
	if k < len(phrase) {
		return -1
	}
	return i
}

type themeHit struct {
	theme        int
	start, end   int
	except, weak bool
}

// personsTitle reports whether the phrase at text[start:end] ends in a
// word for a person (personnouns.txt: 人大代表) and is written as someone's
// title: right before the name of a person the article names only there,
// one word of jieba's cut (全国人大代表谭惠珠), or in brackets after a name
// (郑耀棠（全国人大代表）). Who someone named in passing is says little of
// what the article is about: such a phrase counts as a weak one, so that
// an article of deputies (全国人大代表郭雷…全国人大代表聂守军) keeps the
// theme, and so does a feature on one deputy who is named again.
func personsTitle(texts [][]rune, at int, bounds []bool, start, end int) bool {
	text := texts[at]
	if !slices.ContainsFunc(personNouns, func(w string) bool { return strings.HasSuffix(string(text[start:end]), w) }) {
		return false
	}
	if start > 0 && end < len(text) && strings.ContainsRune("(（", text[start-1]) && strings.ContainsRune(")）", text[end]) {
		return true
	}
	if end >= len(text) || !startsWithSurname(text[end:]) {
		return false
	}
	n := nameRunLength(text, end)
	if n < 2 || (bounds != nil && !bounds[end+n]) {
		return false
	}
	name := string(text[end : end+n])
	seen := 0
	for _, t := range texts {
		seen += strings.Count(string(t), name)
	}
	return seen < 2
}

// timeMarkers make the theme phrase right before them a date
// (timemarkers.txt: 改革开放以来, 青少年时期).
var timeMarkers = mustList("timemarkers.txt")

// beforeTimeMarker reports whether a time marker (timeMarkers) follows a
// theme phrase that ends at end, as a word of its own where the text has
// bounds (jieba's cut).
func beforeTimeMarker(text []rune, bounds []bool, end int) bool {
	for _, m := range timeMarkers {
		n := utf8.RuneCountInString(m)
		if runesHasPrefix(text[end:], m) && (bounds == nil || end+n >= len(bounds) || bounds[end+n]) {
			return true
		}
	}
	return false
}

// ageWords are the theme phrases for people of an age or a sex
// (agewords.txt: 青年, 儿童).
var ageWords = mustList("agewords.txt")

// afterOnesAge reports whether the phrase at text[start:end] is an age
// word (ageWords) written of one person: after their age, with at most a
// few runes of qualifier between (24岁香港青年, 19岁的大学生), or after a
// classifier that counts one (一名妇女, 一名住附近的妇女). A bound or a
// range of ages (12岁以下儿童, 3至6岁儿童) names a group, and a vague age
// (20多岁) may be one too.
func afterOnesAge(text []rune, start, end int) bool {
	if !slices.Contains(ageWords, string(text[start:end])) {
		return false
	}
	for j := start - 1; j >= 0 && start-j <= maxOneQualifier+2; j-- {
		if j > 0 && start-j <= maxOneQualifier+1 && slices.Contains(onePerson, string(text[j-1:j+1])) {
			return true
		}
		switch r := text[j]; {
		case r == '岁' && start-j <= maxAgeQualifier+1:
			k := j
			for k > 0 && ageNumeral(text[k-1]) {
				k--
			}
			return k < j && (k == 0 || !strings.ContainsRune(ageRangeRunes, text[k-1]))
		case !isHan(r) || strings.ContainsRune(ageRangeRunes+"以上下", r):
			return false
		}
	}
	return false
}

// beforePerson reports whether the age word at texts[n][start:end] stands
// right before a person's name (personAt): 青年郑仲恒 is that man, as
// 24岁青年 is.
func beforePerson(texts [][]rune, n, start, end int, personAt func(n, i int) int) bool {
	return personAt != nil && slices.Contains(ageWords, string(texts[n][start:end])) && personAt(n, end) > 0
}

// maxAgeQualifier is how many runes may stand between an age and the word
// it qualifies: a place or a sex and 的 (24岁的香港青年).
const maxAgeQualifier = 4

// onePerson are the classifiers that count one person (一名妇女); 一个
// counts things too (一个青年交流平台).
var onePerson = []string{"一名", "一位", "该名", "这名", "那名", "这位", "那位", "该位"}

// maxOneQualifier is how many runes may stand between such a classifier
// and the word: a clause with 的 (一名饱受惊吓的妇女).
const maxOneQualifier = 6

// ageRangeRunes join two ages into a range, or two groups (3至6岁, 5岁和).
const ageRangeRunes = "至到-~～—、或和及与"

// ageNumeral reports whether r writes a number of years: digits, or the
// Chinese numerals (十九岁, 二十五岁).
func ageNumeral(r rune) bool {
	return '0' <= r && r <= '9' || strings.ContainsRune(han.Digits+"百两零〇", r)
}

// inPostTitle reports whether the phrase at text[start:end] is part of a
// post's title: a post word that starts inside it runs past its end
// (国家安全顾问: 安全顾问), or a post follows the body's name that the
// phrase is or stands in, one rune short of its end (bodyends.txt,
// guessBodyEnds): 教育局局长 for 教育 and for 教育局, 统一战线部部长, 纪委书记.
// A theme named only in who someone is (美国国家安全顾问博尔顿) is not what
// the article is about.
func inPostTitle(text []rune, start, end int) bool {
	for k := start + 1; k < end; k++ {
		if n := positionStartingAt(text, k); n > 0 && k+n > end {
			return true
		}
	}
	for _, post := range []int{end, end + 1} {
		if post < len(text) && strings.ContainsRune(bodyEnds+guessBodyEnds, text[post-1]) && positionStartingAt(text, post) > 0 {
			return true
		}
	}
	return false
}
