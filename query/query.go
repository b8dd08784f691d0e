// Package query is fangtan's query language without a search engine: it
// parses a query into a tree of clauses (Parse), finds what a query matched
// in any text as byte spans (Highlighter), checks proximity (Near), and
// holds the other pieces every backend would otherwise write again: date
// ranges, timelines from per-period counts, keyword-in-context lines.
//
// A backend compiles the tree into its own queries: index (bleve) into
// bleve queries, a SQL backend into SQL. Errors a user must fix are
// fangtan.MessageErrors wrapping fangtan.ErrBadQuery; their formats are the
// keys web translates them by, so they must not change lightly.
package query

import (
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"

	"fangtan"
	"fangtan/analyzer"
)

// The query language (docs/query.md):
//
//	转型发展 小店区        words: all must match
//	"事业是拼出来的"        a quoted phrase: an exact substring
//	"转型 发展"~10          the words within 10 characters of each other
//	-疫情  -"新冠肺炎"      exclusions
//	刘振华 OR 李慧          either
//	official:李慧 city:太原 province:山西 district:小店区 theme:办实事
//	source:光明日报 author:罗旭 year:2021 speaker:刘振华
//	date:2021-07..2021-12  date:2021  date:2021-07-02..  date:..2020-12-31
//	title:转型  title:"转型发展"   words or a phrase in the title only
//	NOT 疫情                a synonym of -疫情

// MaxClauses caps the terms, filters and ORs of one query: each term costs
// several backend queries, and a query of hundreds of terms is an attack or
// a paste, not a search.
const MaxClauses = 50

// MaxSlop caps a proximity's distance: past it, "near" means little and the
// windows to check grow with it.
const MaxSlop = 50

// Kind says what a clause matches.
type Kind int

const (
	// Word is a bare word: it matches by the word analyzer's words or as
	// a substring.
	Word Kind = iota
	// Phrase is a quoted phrase: an exact substring.
	Phrase
	// Filter is a field's value: a facet, or author.
	Filter
	// Date is a date range, [From, To).
	Date
	// Near is a quoted list of words followed by ~N: every word occurs,
	// as a substring, within N characters of the others.
	Near
)

func (k Kind) String() string {
	switch k {
	case Word:
		return "word"
	case Phrase:
		return "phrase"
	case Filter:
		return "filter"
	case Date:
		return "date"
	case Near:
		return "near"
	}
	return "kind(" + strconv.Itoa(int(k)) + ")"
}

// The fields a clause may name besides the facets'.
const (
	FieldTitle  = "title"
	FieldAuthor = "author"
	FieldDate   = "date"
)

// Clause is one term of a query.
type Clause struct {
	Kind Kind
	// Text is the word or phrase as typed, or the filter's value; for
	// Near, the phrase as typed.
	Text string
	// Field is "" for the text (title and body), FieldTitle for the title
	// only, FieldAuthor, FieldDate, or a fangtan facet's name.
	Field   string
	Negated bool
	// Pos is the 1-based character position in the query, for messages.
	Pos int
	// From and To bound a Date clause: [From, To), each only when Has*.
	From, To       time.Time
	HasFrom, HasTo bool
	// Terms are a Near clause's words, distinct, in order as typed.
	Terms []string
	// Slop is a Near clause's largest number of characters between its
	// words (letters and digits; punctuation and spaces do not count).
	Slop int
}

// Query is a parsed query: Groups combine with AND, the clauses of a group
// with OR. Excluded clauses are kept apart: a document matching any of them
// is left out.
type Query struct {
	Groups   [][]Clause
	Excluded []Clause
}

// fields are the fields a query may name: every facet with a filter, and
// author, date and title.
var fields = func() map[string]bool {
	m := map[string]bool{FieldAuthor: true, FieldDate: true, FieldTitle: true}
	for _, f := range fangtan.Facets {
		if f.Filter != nil {
			m[f.Name] = true
		}
	}
	return m
}()

func knownFields() string {
	names := make([]string, 0, len(fields))
	for k := range fields {
		names = append(names, k)
	}
	slices.Sort(names)
	return strings.Join(names, ", ")
}

// Bad is the error of a query or parameter the user must fix: format is
// what web translates by, so keep it a constant string.
func Bad(format string, args ...any) error {
	return &fangtan.MessageError{Kind: fangtan.ErrBadQuery, Format: format, Args: args}
}

func isQuoteOpen(r rune) bool {
	return r == '"' || r == '“' || r == '„' || r == '「' || r == '＂' || r == '『'
}
func isQuoteClose(r rune) bool {
	return r == '"' || r == '”' || r == '“' || r == '」' || r == '＂' || r == '』'
}

// isFieldName reports whether s can be a field name: ASCII letters only.
// A colon after anything else (Chinese text, digits) is just punctuation.
func isFieldName(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !('a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || r == '_') {
			return false
		}
	}
	return true
}

type lexer struct {
	rs []rune
	i  int
}

func (l *lexer) eof() bool  { return l.i >= len(l.rs) }
func (l *lexer) peek() rune { return l.rs[l.i] }

func isSpace(r rune) bool { return unicode.IsSpace(r) }

// readQuoted reads a quoted string starting at the opening quote.
func (l *lexer) readQuoted() (string, error) {
	open := l.i
	l.i++
	start := l.i
	for !l.eof() && !isQuoteClose(l.peek()) {
		l.i++
	}
	if l.eof() {
		return "", Bad("unbalanced quote: the %c at character %d is never closed", l.rs[open], open+1)
	}
	s := string(l.rs[start:l.i])
	l.i++
	return s, nil
}

// readBare reads up to whitespace or a quote.
func (l *lexer) readBare() string {
	start := l.i
	for !l.eof() && !isSpace(l.peek()) && !isQuoteOpen(l.peek()) {
		l.i++
	}
	return string(l.rs[start:l.i])
}

// readSlop reads the ~N after a quoted phrase, if there is one (a full-width
// ～ too). ok is false when no ~ follows.
func (l *lexer) readSlop() (slop int, ok bool, err error) {
	if l.eof() || l.peek() != '~' && l.peek() != '～' {
		return 0, false, nil
	}
	tilde := l.i + 1
	l.i++
	start := l.i
	for !l.eof() && !isSpace(l.peek()) && !isQuoteOpen(l.peek()) {
		l.i++
	}
	digits := analyzer.Fold(string(l.rs[start:l.i]))
	n, perr := strconv.Atoi(digits)
	if digits == "" || perr != nil || strings.ContainsAny(digits, "+-") {
		return 0, true, Bad("the ~ at character %d needs a number of characters, as in \"转型 发展\"~10", tilde)
	}
	if n < 1 || n > MaxSlop {
		return 0, true, Bad("~%d at character %d: the distance must be 1 to %d characters", n, tilde, MaxSlop)
	}
	return n, true, nil
}

// Parse parses the query language. scope says which search it is for:
// fangtan.QuoteFacet allows speaker: (and the quote facets) and refuses
// author: and title:.
func Parse(text string, scope fangtan.FacetScope) (*Query, error) {
	quotes := scope == fangtan.QuoteFacet
	l := &lexer{rs: []rune(text)}
	type item struct {
		c    Clause
		isOr bool
	}
	var items []item
	notPos := 0 // the character of a pending NOT
	for {
		for !l.eof() && isSpace(l.peek()) {
			l.i++
		}
		if l.eof() {
			break
		}
		pos := l.i + 1
		c := Clause{Pos: pos}
		if notPos > 0 {
			c.Negated, c.Pos = true, notPos
			notPos = 0
		} else if l.peek() == '-' || l.peek() == '－' {
			l.i++
			if l.eof() || isSpace(l.peek()) {
				return nil, Bad("a '-' at character %d excludes nothing: write the word or \"phrase\" right after it", pos)
			}
			c.Negated = true
		}
		if isQuoteOpen(l.peek()) {
			s, err := l.readQuoted()
			if err != nil {
				return nil, err
			}
			slop, near, err := l.readSlop()
			if err != nil {
				return nil, err
			}
			if near {
				if err := nearTerms(&c, s, slop); err != nil {
					return nil, err
				}
				items = append(items, item{c: c})
				continue
			}
			if len(analyzer.ExactTerms(s)) == 0 {
				return nil, Bad("the phrase at character %d has no letters or digits to search for", pos)
			}
			c.Kind, c.Text = Phrase, s
			items = append(items, item{c: c})
			continue
		}
		word := l.readBare()
		if word == "OR" && !c.Negated {
			items = append(items, item{isOr: true, c: c})
			continue
		}
		if word == "NOT" && !c.Negated {
			// NOT x is -x.
			notPos = pos
			continue
		}
		name, value, hasColon := cutColon(word)
		if hasColon && isFieldName(name) {
			name = strings.ToLower(name)
			if !fields[name] {
				return nil, Bad("unknown field %q at character %d (known fields: %s)", name, pos, knownFields())
			}
			// The format names the field so that web's translations
			// ("speaker: at character %d …") find it.
			if f, ok := fangtan.FacetNamed(name); ok && f.Scope == fangtan.QuoteFacet && !quotes {
				return nil, Bad(name+": at character %d applies to quote search only", pos)
			}
			if name == FieldAuthor && quotes {
				return nil, Bad("author: at character %d applies to article search only", pos)
			}
			quoted := false
			if value == "" && !l.eof() && isQuoteOpen(l.peek()) {
				s, err := l.readQuoted()
				if err != nil {
					return nil, err
				}
				value, quoted = s, true
			}
			value = strings.TrimSpace(value)
			if value == "" {
				return nil, Bad("%s: at character %d needs a value, as in %s", name, pos, fieldExample(name))
			}
			c.Field, c.Text = name, value
			switch name {
			case FieldTitle:
				if quotes {
					return nil, Bad("title: at character %d applies to article search only", pos)
				}
				if len(analyzer.ExactTerms(value)) == 0 {
					return nil, Bad("title: at character %d has no letters or digits to search for", pos)
				}
				// A quoted value is a phrase; a bare one a word, in the title only.
				c.Kind = Word
				if quoted {
					c.Kind = Phrase
				}
			case FieldDate:
				c.Kind = Date
				if err := parseDateClause(&c, value); err != nil {
					return nil, err
				}
			case "year":
				c.Kind = Filter
				if !IsYear(value) && value != fangtan.UndatedYear {
					return nil, Bad("year:%s at character %d is not a four-digit year", value, pos)
				}
			default:
				c.Kind = Filter
			}
			items = append(items, item{c: c})
			continue
		}
		if len(analyzer.ExactTerms(word)) == 0 {
			// Punctuation alone, like a stray "," between words: nothing to match.
			if c.Negated {
				return nil, Bad("the exclusion at character %d has no letters or digits", pos)
			}
			continue
		}
		c.Kind, c.Text = Word, word
		items = append(items, item{c: c})
	}

	if notPos > 0 {
		return nil, Bad("NOT at character %d needs a term after it", notPos)
	}
	if n := len(items); n > MaxClauses {
		return nil, Bad("the query has %d terms; the limit is %d", n, MaxClauses)
	}
	q := &Query{}
	for i := 0; i < len(items); i++ {
		it := items[i]
		if it.isOr {
			return nil, Bad("OR at character %d needs a term before it", it.c.Pos)
		}
		if it.c.Negated {
			if i+1 < len(items) && items[i+1].isOr {
				return nil, Bad("OR at character %d cannot join an exclusion", items[i+1].c.Pos)
			}
			q.Excluded = append(q.Excluded, it.c)
			continue
		}
		group := []Clause{it.c}
		for i+1 < len(items) && items[i+1].isOr {
			or := items[i+1]
			if i+2 >= len(items) || items[i+2].isOr {
				return nil, Bad("OR at character %d needs a term after it", or.c.Pos)
			}
			next := items[i+2]
			if next.c.Negated {
				return nil, Bad("OR at character %d cannot join an exclusion", or.c.Pos)
			}
			group = append(group, next.c)
			i += 2
		}
		q.Groups = append(q.Groups, group)
	}
	return q, nil
}

// nearTerms fills a Near clause from the quoted words before ~N: two or
// more distinct words, separated by spaces.
func nearTerms(c *Clause, s string, slop int) error {
	var terms []string
	for _, w := range strings.Fields(s) {
		if len(analyzer.ExactTerms(w)) == 0 {
			continue // punctuation between the words
		}
		if !slices.ContainsFunc(terms, func(t string) bool { return string(matchRunes(t)) == string(matchRunes(w)) }) {
			terms = append(terms, w)
		}
	}
	if len(terms) < 2 {
		return Bad("the proximity at character %d needs two or more different words separated by spaces, as in \"转型 发展\"~10", c.Pos)
	}
	if len(terms) > 8 {
		return Bad("the proximity at character %d has %d words; the limit is 8", c.Pos, len(terms))
	}
	c.Kind, c.Text, c.Terms, c.Slop = Near, s, terms, slop
	return nil
}

// cutColon splits "field:value" at the first ASCII or full-width colon.
func cutColon(s string) (string, string, bool) {
	if i := strings.IndexAny(s, ":："); i >= 0 {
		_, w := firstRune(s[i:])
		return s[:i], s[i+w:], true
	}
	return s, "", false
}

func firstRune(s string) (rune, int) {
	for _, r := range s {
		return r, len(string(r))
	}
	return 0, 0
}

func fieldExample(name string) string {
	switch name {
	case "date":
		return "date:2021-07..2021-12"
	case "year":
		return "year:2021"
	case "city":
		return "city:太原"
	case "province":
		return "province:山西"
	case "theme":
		return "theme:办实事"
	case "title":
		return "title:转型"
	}
	return name + ":李慧"
}

// IsYear reports whether s is four ASCII digits.
func IsYear(s string) bool {
	if len(s) != 4 {
		return false
	}
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}
