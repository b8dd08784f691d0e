package index

import (
	"errors"
	"slices"
	"strings"
	"time"
	"unicode"

	"github.com/blevesearch/bleve/v2/search/query"

	"fangtan"
	"fangtan/analyzer"
)

// The query language (docs/query.md):
//
//	转型发展 小店区        words: all must match
//	"事业是拼出来的"        a quoted phrase: an exact substring
//	-疫情  -"新冠肺炎"      exclusions
//	刘振华 OR 李慧          either
//	official:李慧 city:太原 province:山西 district:小店区 theme:办实事
//	source:光明日报 author:罗旭 year:2021 speaker:刘振华
//	date:2021-07..2021-12  date:2021  date:2021-07-02..  date:..2020-12-31
//	title:转型  title:"转型发展"   words or a phrase in the title only
//	NOT 疫情                a synonym of -疫情

// maxClauses caps the terms, filters and ORs of one query: each term costs
// several bleve queries, and a query of hundreds of terms is an attack or
// a paste, not a search.
const maxClauses = 50

// clauseKind says what a clause matches.
type clauseKind int

const (
	clauseWord clauseKind = iota
	clausePhrase
	clauseFilter
	clauseDate
)

// clause is one term of a parsed query.
type clause struct {
	kind     clauseKind
	text     string // as typed (word or phrase), or the filter value
	field    string // filters
	negated  bool
	pos      int // 1-based character position in the query, for messages
	from, to time.Time
	hasFrom  bool
	hasTo    bool
}

// parsedQuery is a query: groups combine with AND, the clauses of a group
// with OR. Excluded clauses are kept apart.
type parsedQuery struct {
	groups   [][]clause
	excluded []clause
}

// filterFields are the fields a query may name, with what they apply to:
// every facet with a filter, and author, date and title.
var filterFields = func() map[string]string {
	m := map[string]string{"author": fieldAuthor, "date": fieldDate, "title": fieldTitle}
	for _, f := range fangtan.Facets {
		if f.Filter != nil {
			m[f.Name] = f.Name
		}
	}
	return m
}()

func knownFields() string {
	names := make([]string, 0, len(filterFields))
	for k := range filterFields {
		names = append(names, k)
	}
	slices.Sort(names)
	return strings.Join(names, ", ")
}

// badQuery is the error of a query the user must fix.
func badQuery(format string, args ...any) error {
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
		return "", badQuery("unbalanced quote: the %c at character %d is never closed", l.rs[open], open+1)
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

// parseQuery parses the query language; quotes says whether it is for quote
// search, where speaker: is allowed and author: is not.
func parseQuery(text string, quotes bool) (*parsedQuery, error) {
	l := &lexer{rs: []rune(text)}
	type item struct {
		c    clause
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
		c := clause{pos: pos}
		if notPos > 0 {
			c.negated, c.pos = true, notPos
			notPos = 0
		} else if l.peek() == '-' || l.peek() == '－' {
			l.i++
			if l.eof() || isSpace(l.peek()) {
				return nil, badQuery("a '-' at character %d excludes nothing: write the word or \"phrase\" right after it", pos)
			}
			c.negated = true
		}
		if isQuoteOpen(l.peek()) {
			s, err := l.readQuoted()
			if err != nil {
				return nil, err
			}
			if len(analyzer.ExactTerms(s)) == 0 {
				return nil, badQuery("the phrase at character %d has no letters or digits to search for", pos)
			}
			c.kind, c.text = clausePhrase, s
			items = append(items, item{c: c})
			continue
		}
		word := l.readBare()
		if word == "OR" && !c.negated {
			items = append(items, item{isOr: true, c: c})
			continue
		}
		if word == "NOT" && !c.negated {
			// NOT x is -x.
			notPos = pos
			continue
		}
		name, value, hasColon := cutColon(word)
		if hasColon && isFieldName(name) {
			name = strings.ToLower(name)
			field, ok := filterFields[name]
			if !ok {
				return nil, badQuery("unknown field %q at character %d (known fields: %s)", name, pos, knownFields())
			}
			// The format names the field so that web's translations
			// ("speaker: at character %d …") find it.
			if f, ok := fangtan.FacetNamed(name); ok && f.Scope == fangtan.QuoteFacet && !quotes {
				return nil, badQuery(name+": at character %d applies to quote search only", pos)
			}
			if field == fieldAuthor && quotes {
				return nil, badQuery("author: at character %d applies to article search only", pos)
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
				return nil, badQuery("%s: at character %d needs a value, as in %s", name, pos, fieldExample(name))
			}
			c.field, c.text = field, value
			switch field {
			case fieldTitle:
				if quotes {
					return nil, badQuery("title: at character %d applies to article search only", pos)
				}
				if len(analyzer.ExactTerms(value)) == 0 {
					return nil, badQuery("title: at character %d has no letters or digits to search for", pos)
				}
				// A quoted value is a phrase; a bare one a word, in the title only.
				c.kind = clauseWord
				if quoted {
					c.kind = clausePhrase
				}
			case fieldDate:
				c.kind = clauseDate
				if err := parseDateRange(&c, value); err != nil {
					return nil, err
				}
			case fieldYear:
				c.kind = clauseFilter
				if !isYear(value) && value != undated {
					return nil, badQuery("year:%s at character %d is not a four-digit year", value, pos)
				}
			default:
				c.kind = clauseFilter
			}
			items = append(items, item{c: c})
			continue
		}
		if len(analyzer.ExactTerms(word)) == 0 {
			// Punctuation alone, like a stray "," between words: nothing to match.
			if c.negated {
				return nil, badQuery("the exclusion at character %d has no letters or digits", pos)
			}
			continue
		}
		c.kind, c.text = clauseWord, word
		items = append(items, item{c: c})
	}

	if notPos > 0 {
		return nil, badQuery("NOT at character %d needs a term after it", notPos)
	}
	if n := len(items); n > maxClauses {
		return nil, badQuery("the query has %d terms; the limit is %d", n, maxClauses)
	}
	pq := &parsedQuery{}
	for i := 0; i < len(items); i++ {
		it := items[i]
		if it.isOr {
			return nil, badQuery("OR at character %d needs a term before it", it.c.pos)
		}
		if it.c.negated {
			if i+1 < len(items) && items[i+1].isOr {
				return nil, badQuery("OR at character %d cannot join an exclusion", items[i+1].c.pos)
			}
			pq.excluded = append(pq.excluded, it.c)
			continue
		}
		group := []clause{it.c}
		for i+1 < len(items) && items[i+1].isOr {
			or := items[i+1]
			if i+2 >= len(items) || items[i+2].isOr {
				return nil, badQuery("OR at character %d needs a term after it", or.c.pos)
			}
			next := items[i+2]
			if next.c.negated {
				return nil, badQuery("OR at character %d cannot join an exclusion", or.c.pos)
			}
			group = append(group, next.c)
			i += 2
		}
		pq.groups = append(pq.groups, group)
	}
	return pq, nil
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

func isYear(s string) bool {
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

// parseDateRange reads date:A..B, date:A.., date:..B or date:A, where A and B
// are YYYY, YYYY-MM or YYYY-MM-DD. B includes the whole period it names.
func parseDateRange(c *clause, value string) error {
	value = analyzer.Fold(value)
	from, to, isRange := strings.Cut(value, "..")
	if !isRange {
		to = from
	}
	if from == "" && to == "" {
		return badQuery("date:%s at character %d names no date (write date:2021-07..2021-12)", value, c.pos)
	}
	if from != "" {
		start, _, err := parsePeriod(from)
		if err != nil {
			return badQuery("date:%s at character %d: %q is not a date (%v); write YYYY, YYYY-MM or YYYY-MM-DD", value, c.pos, from, err)
		}
		c.from, c.hasFrom = start, true
	}
	if to != "" {
		_, end, err := parsePeriod(to)
		if err != nil {
			return badQuery("date:%s at character %d: %q is not a date (%v); write YYYY, YYYY-MM or YYYY-MM-DD", value, c.pos, to, err)
		}
		c.to, c.hasTo = end, true
	}
	if c.hasFrom && c.hasTo && !c.from.Before(c.to) {
		return badQuery("date:%s at character %d ends before it starts", value, c.pos)
	}
	// bleve keeps dates as int64 nanoseconds since 1970 and fails the
	// whole search on a range beyond them.
	if c.hasFrom && !searchableDate(c.from) || c.hasTo && !searchableDate(c.to) {
		return badQuery("date:%s at character %d is outside the dates that can be searched (1678 to 2261)", value, c.pos)
	}
	return nil
}

func searchableDate(t time.Time) bool {
	return !t.Before(query.MinRFC3339CompatibleTime) && !t.After(query.MaxRFC3339CompatibleTime)
}

// parsePeriod returns the start of the period s names and the start of the
// next one.
func parsePeriod(s string) (start, next time.Time, err error) {
	s = strings.ReplaceAll(s, "/", "-")
	err = errors.New("not YYYY, YYYY-MM or YYYY-MM-DD")
	for _, layout := range []struct {
		layout string
		add    func(time.Time) time.Time
	}{
		{"2006-1-2", func(t time.Time) time.Time { return t.AddDate(0, 0, 1) }},
		{"2006-1", func(t time.Time) time.Time { return t.AddDate(0, 1, 0) }},
		{"2006", func(t time.Time) time.Time { return t.AddDate(1, 0, 0) }},
	} {
		if strings.Count(s, "-") != strings.Count(layout.layout, "-") {
			continue
		}
		t, perr := time.Parse(layout.layout, s)
		if perr == nil {
			return t, layout.add(t), nil
		}
		if strings.Contains(perr.Error(), "out of range") {
			_, why, _ := strings.Cut(perr.Error(), ": ")
			err = errors.New(why)
		}
	}
	return time.Time{}, time.Time{}, err
}
