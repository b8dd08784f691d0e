package postgres

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"

	"fangtan"
	"fangtan/analyzer"
	"fangtan/query"
)

// How each clause of a query (package query) becomes SQL. For articles a
// clause is a SELECT of the ids it matches (x an article, p a passage);
// every value is a parameter ($n), tsqueries included, built in Go from
// the same analyzers as the rows:
//
//	Word 经济发展       SELECT article_id FROM passages WHERE bigrams @@ '经济' & '济发' & '发展'
//	                      (a long text's passage -1 holds all its bigrams: anywhere in the text)
//	                    UNION the same with its words' bigrams, '经济' & '发展' (analyzer.WordTerms)
//	                    UNION the same two on title_bigrams
//	                    — its words anywhere, or its bigrams, as the bleve index's word clause;
//	                      the word columns only rank
//	Phrase "转型发展"   SELECT x.id FROM articles x WHERE x.id = ANY(ARRAY(
//	                        SELECT article_id FROM passages p WHERE p.bigrams @@ '转型' & '型发' & '发展'
//	                        AND (NOT p.complete OR p.bigrams @@ '转型' <-> '型发' <-> '发展')))
//	                      AND strpos(x.norm, '转型发展') > 0
//	                    UNION SELECT id FROM articles WHERE title_bigrams @@ … AND strpos(title_norm, …) > 0
//	                    — one character: '转':* (every character starts a lexeme)
//	title:…             the title's SELECT only
//	-word, -"phrase"    the phrase's SELECTs, in a.id NOT IN (…): an exclusion is a substring
//	Filter city:太原    SELECT id FROM articles WHERE keys && ARRAY['city<US>太原'] (places by their short form)
//	Date date:2021      SELECT id FROM articles WHERE date >= '2021-01-01' AND date < '2022-01-01'
//	Near "a b"~5        SELECT unnest($ids): the candidates holding every word as a
//	                    phrase are read and checked in Go (query.MatchNear), so a
//	                    proximity costs a read of its candidates' folded texts
//
// A group's SELECTs are UNIONed, the groups INTERSECTed, and the article
// is `a.id IN (…)` of that, `a.id NOT IN (…)` of the exclusions. For
// quotes the same tests are conditions on the quote's row (q.bigrams,
// q.norm), ORed and ANDed. Filters from the request
// (fangtan.Query's facet fields, Excludes, Kind, DateFrom/DateTo) are
// keys && ARRAY[…] per facet (OR within it), ANDed across facets, and
// NOT (keys && …) for exclusions.

// args collects a statement's parameters.
type args []any

// add appends v and returns its placeholder.
func (a *args) add(v any) string {
	*a = append(*a, v)
	return "$" + strconv.Itoa(len(*a))
}

// querier is what a pool, a connection and a transaction share.
type querier interface {
	Query(ctx context.Context, sql string, args ...any) (pgx.Rows, error)
	QueryRow(ctx context.Context, sql string, args ...any) pgx.Row
	Exec(ctx context.Context, sql string, args ...any) (pgconn.CommandTag, error)
	SendBatch(ctx context.Context, b *pgx.Batch) pgx.BatchResults
}

// phrase is a quoted text as SQL needs it.
type phrase struct {
	norm  string // folded letters and digits: checked with strpos
	and   string // tsquery: every distinct bigram (or the one rune as a prefix)
	chain string // tsquery: the bigrams as a <-> chain
}

// newPhrase prepares text; ok is false when it has no letter or digit.
// A phrase longer than MaxChainRunes is looked for by its first
// MaxChainRunes characters, which lie whole in one passage, and checked
// whole with strpos.
func newPhrase(text string) (phrase, bool) {
	rs := normRunes(text)
	if len(rs) == 0 {
		return phrase{}, false
	}
	p := phrase{norm: string(rs)}
	if len(rs) == 1 {
		var b strings.Builder
		writeLexeme(&b, string(rs))
		b.WriteString(":*")
		p.and, p.chain = b.String(), b.String()
		return p, true
	}
	head := rs[:min(len(rs), MaxChainRunes)]
	var and, chain strings.Builder
	var seen []string
	for k := 0; k+1 < len(head); k++ {
		bg := string(head[k : k+2])
		if k > 0 {
			chain.WriteString(" <-> ")
		}
		writeLexeme(&chain, bg)
		if slices.Contains(seen, bg) {
			continue
		}
		if len(seen) > 0 {
			and.WriteString(" & ")
		}
		seen = append(seen, bg)
		writeLexeme(&and, bg)
	}
	p.and, p.chain = and.String(), chain.String()
	return p, true
}

// bigramsAnd is a bare word's substring alternative: all its distinct
// bigrams, anywhere (as the bleve index's word clause: checking their
// order made a frequent name's query much slower, and a text holding a
// word's bigrams but not the word is rare and ranks low).
func bigramsAnd(text string) (string, bool) {
	rs := normRunes(text)
	if len(rs) > MaxChainRunes {
		rs = rs[:MaxChainRunes]
	}
	p, ok := newPhrase(string(rs))
	return p.and, ok
}

// tsOr and tsAnd join lexemes into a tsquery.
func tsJoin(lexes []string, op string) string {
	var b strings.Builder
	for i, l := range lexes {
		if i > 0 {
			b.WriteString(op)
		}
		writeLexeme(&b, l)
	}
	return b.String()
}

// tsTerms is the tsquery of exact terms that must all be present: a term of
// one rune is that rune anywhere, a prefix (as in newPhrase).
func tsTerms(terms []string) string {
	var b strings.Builder
	for i, t := range terms {
		if i > 0 {
			b.WriteString(" & ")
		}
		writeLexeme(&b, t)
		if utf8.RuneCountInString(t) == 1 {
			b.WriteString(":*")
		}
	}
	return b.String()
}

// wordTokens are the distinct terms the word analyzer makes of s.
func (db *DB) wordTokens(s string) []string {
	var out []string
	for _, t := range db.word.Tokenize([]byte(s)) {
		term := string(t.Term)
		if term != "" && len(term) <= maxLexemeBytes && !slices.Contains(out, term) {
			out = append(out, term)
		}
	}
	return out
}

// An article clause is compiled to `a.id IN (ids)`, where ids is a UNION
// of SELECTs of the ids of the articles it matches by each of its ways
// (words, text bigrams, title), each SELECT by its GIN index; clauses
// become hash semi-joins (or hashed subplans under OR and NOT).
// Conditions ORed on the article row itself, with a correlated passage
// subquery among them, made PostgreSQL scan every article; `a.id =
// ANY(ARRAY(ids))` probed the key well but tested a second clause's array
// element by element (1.4 s for 经济 发展 on xwlb).

// idsIn is the condition that article al is among the ids the SELECTs
// give.
func idsIn(al string, selects []string) string {
	return al + ".id IN (" + strings.Join(selects, " UNION ") + ")"
}

// phraseTextIDs selects the articles whose text holds ph: the passages
// holding its bigrams (as a <-> chain when the passage kept every
// position), then strpos on the folded text, which makes it exact.
func (db *DB) phraseTextIDs(a *args, ph phrase) string {
	and, chain := a.add(ph.and), a.add(ph.chain)
	return db.sql(`SELECT x.id FROM {s}.articles x WHERE x.id = ANY(ARRAY(SELECT p.article_id FROM {s}.passages p
		WHERE p.bigrams @@ ` + and + `::tsquery AND (NOT p.complete OR p.bigrams @@ ` + chain + `::tsquery)))
		AND strpos(x.norm, ` + a.add(ph.norm) + `) > 0`)
}

// phraseTitleIDs selects the articles whose title holds ph. Titles are
// short: the bigrams narrow, strpos decides.
func (db *DB) phraseTitleIDs(a *args, ph phrase) string {
	return db.sql(`SELECT x.id FROM {s}.articles x WHERE x.title_bigrams @@ ` + a.add(ph.and) +
		`::tsquery AND strpos(x.title_norm, ` + a.add(ph.norm) + `) > 0`)
}

// phraseQuote is the condition that quote al holds ph.
func phraseQuote(a *args, al string, ph phrase) string {
	return "(" + al + ".bigrams @@ " + a.add(ph.and) + "::tsquery AND (NOT " + al + ".complete OR " + al + ".bigrams @@ " + a.add(ph.chain) +
		"::tsquery) AND strpos(" + al + ".norm, " + a.add(ph.norm) + ") > 0)"
}

// target is what a search runs over.
type target int

const (
	articles target = iota
	quotes
)

func (t target) alias() string {
	if t == quotes {
		return "q"
	}
	return "a"
}

func (t target) scope() fangtan.FacetScope {
	if t == quotes {
		return fangtan.QuoteFacet
	}
	return fangtan.ArticleFacet
}

// compiled is a query as SQL over the target's alias.
type compiled struct {
	where     string
	args      args
	rankQuery string // tsquery of the words to rank by, or ""
	// speakers are the query's words and phrases as names (canonical,
	// folded): an article that quotes one ranks as if its title held the
	// name (rank), as bleve's speakerBoost does.
	speakers   []speakerName
	t          target
	hl         *query.Highlighter
	filterOnly bool // no words or phrases: relevance is meaningless
}

// compile parses fq's text and compiles it with fq's filters.
func (db *DB) compile(ctx context.Context, qr querier, fq fangtan.Query, t target) (*compiled, error) {
	pq, err := query.Parse(fq.Text, t.scope())
	if err != nil {
		return nil, err
	}
	return db.compileParsed(ctx, qr, pq, fq, t)
}

func (db *DB) compileParsed(ctx context.Context, qr querier, pq *query.Query, fq fangtan.Query, t target) (*compiled, error) {
	c := &compiled{filterOnly: true}
	params, err := db.paramFilters(ctx, qr, &c.args, fq, t)
	if err != nil {
		return nil, err
	}
	if len(pq.Groups) == 0 && len(params) == 0 {
		if len(pq.Excluded) > 0 {
			return nil, query.Bad("the query only excludes: add a word, phrase or filter to search for")
		}
		return nil, query.Bad("empty query: type a word, a \"phrase\" or a filter such as official:李慧")
	}
	c.hl = query.NewHighlighter(pq, db.wordTokens)
	var conds, groups []string
	var rankLexes []string
	for _, g := range pq.Groups {
		alts := make([]string, 0, len(g))
		for _, cl := range g {
			s, err := db.clause(ctx, qr, &c.args, cl, t, false)
			if err != nil {
				return nil, err
			}
			alts = append(alts, s)
			if t == articles && (cl.Kind == query.Word || cl.Kind == query.Phrase) && cl.Field != query.FieldTitle {
				name, err := db.canonicalName(ctx, qr, cl.Text)
				if err != nil {
					return nil, err
				}
				if name != "" && !slices.ContainsFunc(c.speakers, func(s speakerName) bool { return s.name == name }) {
					title := tsvectorText(db.wordTokens(cl.Text), func(b *strings.Builder, _ string) { b.WriteString(":1A") })
					c.speakers = append(c.speakers, speakerName{name: name, title: title})
				}
			}
			switch cl.Kind {
			case query.Word, query.Phrase:
				c.filterOnly = false
				for _, w := range db.wordTokens(cl.Text) {
					if !slices.Contains(rankLexes, w) {
						rankLexes = append(rankLexes, w)
					}
				}
			case query.Near:
				c.filterOnly = false
				for _, term := range cl.Terms {
					for _, w := range db.wordTokens(term) {
						if !slices.Contains(rankLexes, w) {
							rankLexes = append(rankLexes, w)
						}
					}
				}
			}
		}
		if t == articles {
			groups = append(groups, "("+strings.Join(alts, " UNION ")+")")
		} else {
			conds = append(conds, "("+strings.Join(alts, " OR ")+")")
		}
	}
	// Articles: the groups' id sets intersected, as one semi-join; the
	// exclusions' united, as one anti-join. OR and NOT over conditions
	// on the article row made PostgreSQL scan every article.
	if len(groups) > 0 {
		conds = append(conds, "a.id IN ("+strings.Join(groups, " INTERSECT ")+")")
	}
	conds = append(conds, params...)
	var excluded []string
	for _, cl := range pq.Excluded {
		s, err := db.clause(ctx, qr, &c.args, cl, t, true)
		if err != nil {
			return nil, err
		}
		if t == articles {
			excluded = append(excluded, s)
		} else {
			conds = append(conds, "NOT "+s)
		}
	}
	if len(excluded) > 0 {
		conds = append(conds, "a.id NOT IN ("+strings.Join(excluded, " UNION ")+")")
	}
	c.where = strings.Join(conds, " AND ")
	c.t = t
	if len(rankLexes) > 0 {
		c.rankQuery = tsJoin(rankLexes, " | ")
	}
	return c, nil
}

// rank is the score expression, its parameters appended to a (a copy of
// c.args): ts_rank of the query's words, a title match counting three
// times as in the bleve index, and a quote's times its weight
// (fangtan.QuoteWeight). An article that quotes a person the query names
// adds what a title of that name alone would, as bleve's speakerBoost
// does: a search for a person ranks what they said above the lists that
// name them (readers' nDCG@10 on the 13 names of testdata/relevance: 5
// better, none worse; 何立峰 0.642 → 0.711).
func (c *compiled) rank(a *args) string {
	if c.rankQuery == "" {
		return "0::real"
	}
	rq := a.add(c.rankQuery)
	if c.t == quotes {
		return "ts_rank(q.words, " + rq + "::tsquery) * q.weight"
	}
	r := "ts_rank(a.words, " + rq + "::tsquery) + " + titleWeight + " * ts_rank(a.title_words, " + rq + "::tsquery)"
	for _, s := range c.speakers {
		if s.title == "" {
			continue
		}
		r += " + CASE WHEN a.id IN (SELECT sq.article_id FROM {s}.quotes sq WHERE sq.keys && " + a.add([]string{keyOf("speaker", s.name)}) + "::text[])" +
			" THEN " + titleWeight + " * ts_rank(" + a.add(s.title) + "::tsvector, " + rq + "::tsquery) ELSE 0 END"
	}
	return "(" + r + ")"
}

// titleWeight is how many times a match in an article's title counts, as
// titleBoost does in the bleve index.
const titleWeight = "3"

// speakerName is a word or phrase of a query read as the name of a person
// an article may quote: the name as facets list it, and the title vector
// of the query's words (as wordVector weighs a title's: position 1,
// weight A).
type speakerName struct {
	name, title string
}

// clause is one clause on target t: for articles a SELECT of the ids it
// matches, for quotes a condition on the quote's row. Excluded word and
// phrase clauses match as substrings only.
func (db *DB) clause(ctx context.Context, qr querier, a *args, cl query.Clause, t target, excluded bool) (string, error) {
	al := t.alias()
	switch cl.Kind {
	case query.Word, query.Phrase:
		if cl.Kind == query.Phrase || excluded {
			ph, ok := newPhrase(cl.Text)
			if !ok {
				return "false", nil
			}
			if t == quotes {
				return phraseQuote(a, al, ph), nil
			}
			var sel []string
			if cl.Field != query.FieldTitle {
				sel = append(sel, db.phraseTextIDs(a, ph))
			}
			sel = append(sel, db.phraseTitleIDs(a, ph))
			return strings.Join(sel, " UNION "), nil
		}
		bigrams, ok := bigramsAnd(cl.Text)
		if !ok {
			return "false", nil
		}
		// The words apart match by their bigrams, as in the bleve index
		// (analyzer.WordTerms); the word columns only rank.
		bqs := []string{a.add(bigrams)}
		if apart := analyzer.WordTerms(db.wordTokens(cl.Text)); len(apart) > 0 {
			if aq := tsTerms(apart); aq != bigrams {
				bqs = append(bqs, a.add(aq))
			}
		}
		if t == quotes {
			conds := make([]string, len(bqs))
			for i, bq := range bqs {
				conds[i] = al + ".bigrams @@ " + bq + "::tsquery"
			}
			return "(" + strings.Join(conds, " OR ") + ")", nil
		}
		var sel []string
		for _, bq := range bqs {
			if cl.Field != query.FieldTitle {
				sel = append(sel, db.sql(`SELECT p.article_id FROM {s}.passages p WHERE p.bigrams @@ `+bq+`::tsquery`))
			}
			sel = append(sel, db.sql(`SELECT x.id FROM {s}.articles x WHERE x.title_bigrams @@ `+bq+`::tsquery`))
		}
		return strings.Join(sel, " UNION "), nil
	case query.Filter:
		if t == articles {
			return db.sql(`SELECT x.id FROM {s}.articles x WHERE ` + keysCond(a, "x", cl.Field, []string{cl.Text})), nil
		}
		return keysCond(a, al, cl.Field, []string{cl.Text}), nil
	case query.Date:
		if t == articles {
			return db.sql(`SELECT x.id FROM {s}.articles x WHERE ` + dateCond(a, "x", cl)), nil
		}
		return dateCond(a, al, cl), nil
	case query.Near:
		ids, err := db.nearIDs(ctx, qr, cl, t)
		if err != nil {
			return "", err
		}
		if t == quotes {
			return "(" + al + ".article_id || '#q' || " + al + ".n) = ANY(" + a.add(ids) + "::text[])", nil
		}
		return "SELECT unnest(" + a.add(ids) + "::text[])", nil
	}
	return "", query.Bad("clause kind %s at character %d is not supported", cl.Kind, cl.Pos)
}

// keyOf is the keys array's value of a filter on field: places by their
// short form.
func keyOf(field, value string) string {
	v := foldValue(value)
	if f, ok := fangtan.FacetNamed(field); ok && isPlace(f) {
		v = fangtan.ShortPlace(v)
	}
	return field + facetSep + v
}

// keysCond matches any of values of field.
func keysCond(a *args, al, field string, values []string) string {
	var keys []string
	for _, v := range values {
		if strings.TrimSpace(v) == "" {
			continue
		}
		if k := keyOf(field, v); !slices.Contains(keys, k) {
			keys = append(keys, k)
		}
	}
	if len(keys) == 0 {
		return "false"
	}
	return al + ".keys && " + a.add(keys) + "::text[]"
}

func dateCond(a *args, al string, cl query.Clause) string {
	var conds []string
	if cl.HasFrom {
		conds = append(conds, al+".date >= "+a.add(cl.From.Format("2006-01-02"))+"::date")
	}
	if cl.HasTo {
		conds = append(conds, al+".date < "+a.add(cl.To.Format("2006-01-02"))+"::date")
	}
	if len(conds) == 0 {
		return al + ".date IS NOT NULL"
	}
	return "(" + strings.Join(conds, " AND ") + ")"
}

// maxNearCandidates bounds the texts a proximity reads and checks in Go.
const maxNearCandidates = 20000

// nearIDs are the ids of the articles (or quotes) matching a Near clause:
// those holding every word as a phrase, checked in Go.
func (db *DB) nearIDs(ctx context.Context, qr querier, cl query.Clause, t target) ([]string, error) {
	var a args
	var conds []string
	al := t.alias()
	for _, term := range cl.Terms {
		ph, ok := newPhrase(term)
		if !ok {
			return []string{}, nil
		}
		if t == quotes {
			conds = append(conds, phraseQuote(&a, al, ph))
		} else {
			conds = append(conds, idsIn(al, []string{db.phraseTextIDs(&a, ph), db.phraseTitleIDs(&a, ph)}))
		}
	}
	stmt := `SELECT a.id, a.title_norm, a.norm FROM {s}.articles a WHERE `
	if t == quotes {
		stmt = `SELECT q.article_id || '#q' || q.n, '', q.norm FROM {s}.quotes q WHERE `
	}
	rows, err := qr.Query(ctx, db.sql(stmt+strings.Join(conds, " AND ")+" LIMIT "+strconv.Itoa(maxNearCandidates+1)), a...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	ids := []string{}
	n := 0
	for rows.Next() {
		var id, title, text string
		if err := rows.Scan(&id, &title, &text); err != nil {
			return nil, err
		}
		if n++; n > maxNearCandidates {
			return nil, query.Bad("%q at character %d: more than %d texts hold its words; add a word or a filter", cl.Text, cl.Pos, maxNearCandidates)
		}
		if query.MatchNear(title, cl) || query.MatchNear(text, cl) {
			ids = append(ids, id)
		}
	}
	return ids, rows.Err()
}

// excludeNames lists the facets a Query.Excludes may name, for messages.
var excludeNames = func() string {
	var names []string
	for _, f := range fangtan.Facets {
		if f.Filter != nil {
			names = append(names, f.Name)
		}
	}
	return strings.Join(names[:len(names)-1], ", ") + " or " + names[len(names)-1]
}()

func hasValue(vs []string) bool {
	for _, v := range vs {
		if strings.TrimSpace(v) != "" {
			return true
		}
	}
	return false
}

// paramFilters are the request's filters: OR within a facet, AND across.
func (db *DB) paramFilters(ctx context.Context, qr querier, a *args, fq fangtan.Query, t target) ([]string, error) {
	al := t.alias()
	for _, y := range fq.Years {
		if y = strings.TrimSpace(y); y != "" && !query.IsYear(y) && y != fangtan.UndatedYear {
			return nil, query.Bad("year %q is not a four-digit year", y)
		}
	}
	for _, f := range fangtan.Facets {
		if f.Scope == fangtan.QuoteFacet && f.Filter != nil && t != quotes && hasValue(*f.Filter(&fq)) {
			return nil, query.Bad("the " + f.Name + " filter applies to quote search only")
		}
	}
	var out []string
	switch k := strings.TrimSpace(fq.Kind); {
	case k == "":
	case t != quotes:
		return nil, query.Bad("the kind filter applies to quote search only")
	case k == string(fangtan.QuoteDirect) || k == string(fangtan.QuoteReported):
		out = append(out, keysCond(a, al, "kind", []string{k}))
	default:
		return nil, query.Bad("kind %q: use direct or reported", k)
	}
	if dc, ok, err := query.DateRange(fq.DateFrom, fq.DateTo); err != nil {
		return nil, err
	} else if ok {
		out = append(out, dateCond(a, al, dc))
	}
	var reg *fangtan.Registry
	for _, f := range fangtan.Facets {
		if f.Filter == nil {
			continue
		}
		values := *f.Filter(&fq)
		if !hasValue(values) {
			continue
		}
		if f.Person {
			if reg == nil {
				var err error
				if reg, err = db.registry(ctx, qr); err != nil {
					return nil, err
				}
			}
			values = canonical(reg, values)
		}
		out = append(out, keysCond(a, al, f.Name, values))
	}
	names := make([]string, 0, len(fq.Excludes))
	for k := range fq.Excludes {
		names = append(names, k)
	}
	slices.Sort(names)
	for _, name := range names {
		f, ok := fangtan.FacetNamed(name)
		if !ok || f.Filter == nil {
			return nil, query.Bad("cannot exclude by %q: use "+excludeNames, name)
		}
		if hasValue(fq.Excludes[name]) {
			out = append(out, "NOT "+keysCond(a, al, name, fq.Excludes[name]))
		}
	}
	return out, nil
}

// canonicalName is canonical of one name typed in a query: from the
// registry when it is cached, else by looking the one alias up, since
// loading the whole registry to rank a search for 太原 cost a fresh
// process (the CLI) about 50 ms.
func (db *DB) canonicalName(ctx context.Context, qr querier, name string) (string, error) {
	c, err := db.cached(ctx, qr)
	if err != nil {
		return "", err
	}
	db.mu.Lock()
	reg := c.reg
	db.mu.Unlock()
	folded := foldValue(name)
	if reg != nil {
		return reg.Canonical(folded), nil
	}
	var canon string
	switch err := qr.QueryRow(ctx, db.sql(`SELECT name FROM {s}.registry_aliases WHERE alias = $1`), folded).Scan(&canon); {
	case errors.Is(err, pgx.ErrNoRows):
		return folded, nil
	case err != nil:
		return "", fmt.Errorf("registry: %w", err)
	}
	return canon, nil
}

// canonical maps names typed as aliases (习主席) to the names facets list
// (习近平), by the registry's aliases, each followed by the whole names it
// may be listed by (Registry.Forms: 巴沙尔·阿萨德 for 巴沙尔).
func canonical(reg *fangtan.Registry, names []string) []string {
	out := make([]string, 0, len(names))
	for _, n := range names {
		out = append(out, reg.Forms(reg.Canonical(foldValue(n)))...)
	}
	return out
}
