package postgres

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"

	"fangtan"
	"fangtan/query"
)

// Paging limits, as the bleve index's.
const (
	defaultSize = 10
	maxSize     = 500
	maxWindow   = 10000
	facetSize   = 50
	// MaxExport caps the hits of one Export.
	MaxExport = 10_000
)

// readCache holds what readers keep between requests: the registry (for
// aliases) and the suggestion table, valid for one generation of the
// index (meta's "generation", changed by every build, add and delete).
type readCache struct {
	gen string
	reg *fangtan.Registry
	sug *query.Suggestions
}

// generationEvery is how often readers look at the generation: an add in
// another process shows in aliases and suggestions that much later (in
// searches at once).
const generationEvery = time.Second

// cached returns the current cache, emptied when the generation changed.
func (db *DB) cached(ctx context.Context, qr querier) (*readCache, error) {
	db.mu.Lock()
	c := db.cache
	fresh := c != nil && time.Since(db.checked) < generationEvery
	db.mu.Unlock()
	if fresh {
		return c, nil
	}
	var gen string
	err := qr.QueryRow(ctx, db.sql(`SELECT value FROM {s}.meta WHERE key = 'generation'`)).Scan(&gen)
	if err != nil && err != pgx.ErrNoRows {
		return nil, err
	}
	db.mu.Lock()
	defer db.mu.Unlock()
	db.checked = time.Now()
	if db.cache == nil || db.cache.gen != gen {
		db.cache = &readCache{gen: gen}
	}
	return db.cache, nil
}

// registry is the index's registry of officials, for aliases.
func (db *DB) registry(ctx context.Context, qr querier) (*fangtan.Registry, error) {
	c, err := db.cached(ctx, qr)
	if err != nil {
		return nil, err
	}
	db.mu.Lock()
	reg := c.reg
	db.mu.Unlock()
	if reg != nil {
		return reg, nil
	}
	reg, err = db.loadRegistry(ctx, qr)
	if err != nil {
		return nil, err
	}
	db.mu.Lock()
	c.reg = reg
	db.mu.Unlock()
	return reg, nil
}

// read runs f in a read-only REPEATABLE READ transaction, so that a
// search's hits, total and facets see one state of the index while adds
// commit (and it runs on a hot standby).
func (db *DB) read(ctx context.Context, op string, f func(tx pgx.Tx) error) error {
	return db.readGen(ctx, op, func(tx pgx.Tx, _ string) error { return f(tx) })
}

// readGen is read, f also given the index's generation as the
// transaction sees it: the transaction's first statement reads it, so
// its snapshot is the one every later statement sees, and what f caches
// under that generation is of that generation (every write changes it in
// its own transaction).
func (db *DB) readGen(ctx context.Context, op string, f func(tx pgx.Tx, gen string) error) error {
	tx, err := db.pool.BeginTx(ctx, pgx.TxOptions{IsoLevel: pgx.RepeatableRead, AccessMode: pgx.ReadOnly})
	if err != nil {
		return db.wrap(op, err)
	}
	defer tx.Rollback(context.WithoutCancel(ctx))
	gen, err := db.readSettings(ctx, tx)
	if err != nil {
		return db.wrap(op, err)
	}
	if err := f(tx, gen); err != nil {
		return db.wrap(op, err)
	}
	return db.wrap(op, tx.Commit(ctx))
}

// readSettings sets the transaction's planner settings and reads the
// generation, in one round trip.
//
// enable_seqscan off steers plans away from scanning whole tables: the
// planner does not count the cost of reading each row's TOASTed
// tsvector, and chose to scan every article (800 ms on xwlb) for a word
// the GIN index finds in 1 ms. jit off: the cost estimates of a frequent
// word's search on xwlb pass jit_above_cost, and compiling the plan took
// longer than running it. work_mem: the hash aggregates of facet values
// and of matching ids stay in memory.
func (db *DB) readSettings(ctx context.Context, tx pgx.Tx) (string, error) {
	var gen string
	err := tx.QueryRow(ctx, db.sql(`SELECT set_config('enable_seqscan', 'off', true), set_config('jit', 'off', true),
		set_config('work_mem', '32MB', true),
		coalesce((SELECT value FROM {s}.meta WHERE key = 'generation'), '')`)).Scan(nil, nil, nil, &gen)
	return gen, err
}

// A search's SQL. The matching rows are ranked (ts_rank, which reads
// each row's words tsvector: most of a frequent word's search) only when
// the order needs it: sorted by date, the rows of the page's dates are
// found first (FETCH FIRST … WITH TIES, keeping every row of the last
// date, whose order the score breaks), and only those are ranked.

// sortWindow describes a date-sorted page: the date order alone and the
// number of rows up to the page's end; dateOrder is "" when the page is
// sorted by score.
type sortWindow struct {
	dateOrder string
	end       int
}

func window(sort string, c *compiled, al string, end int) sortWindow {
	order, err := orderBy(sort, c, al)
	if err != nil || !strings.HasPrefix(order, " ORDER BY "+al+".date ") {
		return sortWindow{}
	}
	return sortWindow{dateOrder: order[len(" ORDER BY "):strings.Index(order, ", score")], end: end}
}

// pageCTE is the CTE pg: the page's rows of src (the matching rows, with
// key and date, and their score when not sorted by date), numbered rk.
func (db *DB) pageCTE(c *compiled, a *args, tk tableKeys, tail, src string, w sortWindow) string {
	al, key := c.t.alias(), tk.qualified(c.t.alias())
	order := tail[len(" "):strings.Index(tail, " LIMIT")]
	if w.dateOrder == "" {
		return `pg AS (SELECT ` + key + `, score, row_number() OVER (` + order + `) AS rk FROM ` + src + ` ` + al + tail + `)`
	}
	return `w AS (SELECT ` + key + ` FROM ` + src + ` ` + al + ` ORDER BY ` + w.dateOrder + ` FETCH FIRST ` + a.add(w.end) + ` ROWS WITH TIES),
		pg AS (SELECT ` + key + `, score, row_number() OVER (` + order + `) AS rk FROM (
			SELECT ` + key + `, ` + al + `.date, ` + c.rank(a) + ` AS score FROM w JOIN {s}.` + tk.table + ` ` + al + ` USING (` + tk.using() + `)) ` + al + tail + `)`
}

// tableKeys are a searched table's key columns and their types.
type tableKeys struct {
	table string
	cols  []string
	types []string
}

var (
	articleKeys = tableKeys{"articles", []string{"id", "part"}, []string{"text", "date"}}
	quoteKeys   = tableKeys{"quotes", []string{"article_id", "part", "n"}, []string{"text", "date", "int"}}
)

func (tk tableKeys) qualified(al string) string { return al + "." + strings.Join(tk.cols, ", "+al+".") }
func (tk tableKeys) using() string              { return strings.Join(tk.cols, ", ") }

// searchSQL is one statement that finds the rows matching c once
// (MATERIALIZED) and returns their count, the facet counts, the page of
// hits and the keys of its window, as JSON: three statements computed the
// match three times. cols are the hit's columns of the table, read for
// the page only.
func (db *DB) searchSQL(c *compiled, a *args, tk tableKeys, cols string, p pageSpec, size int, all []string) string {
	al := c.t.alias()
	score := ""
	if p.sort.dateOrder == "" {
		score = ", " + c.rank(a) + " AS score"
	}
	return db.sql(`WITH m AS MATERIALIZED (
			SELECT ` + tk.qualified(al) + `, ` + al + `.date, ` + al + `.facets` + score + ` FROM {s}.` + tk.table + ` ` + al + ` WHERE ` + c.where + `),
		` + db.pageCTE(c, a, tk, p.tail, "m", p.sort) + `,
		fc AS (SELECT name, value, n, rn FROM (
			SELECT split_part(f, chr(31), 1) AS name, substr(f, strpos(f, chr(31)) + 1) AS value, count(*) AS n,
				row_number() OVER (PARTITION BY split_part(f, chr(31), 1)
					ORDER BY count(*) DESC, substr(f, strpos(f, chr(31)) + 1) COLLATE "C") AS rn
			FROM m, unnest(m.facets) f GROUP BY f) t
			WHERE rn <= ` + a.add(size) + ` OR name = ANY(` + a.add(all) + `::text[]))
		SELECT (SELECT count(*) FROM m),
			(SELECT coalesce(json_agg(json_build_array(name, value, n) ORDER BY name, rn), '[]') FROM fc),
			` + db.hitsJSON(a, tk, al, cols, p) + `, ` + keysJSON(tk))
}

// pageSQL is searchSQL without the counts, for a search whose total and
// facet counts are cached: the matching rows are ranked (or found by
// date), the page read.
func (db *DB) pageSQL(c *compiled, a *args, tk tableKeys, cols string, p pageSpec) string {
	al := c.t.alias()
	score := ""
	if p.sort.dateOrder == "" {
		score = ", " + c.rank(a) + " AS score"
	}
	// The matches are materialized first, as in searchSQL, whose plans
	// they then share: inlined, given the order and a LIMIT, the planner
	// walked every article by date testing each against the matches (1 s
	// for 习近平 date:2020..2022 on xwlb), or joined every match of a
	// word before its filters (40 ms for a drill-down that takes 1).
	return db.sql(`WITH m AS MATERIALIZED (SELECT ` + tk.qualified(al) + `, ` + al + `.date` + score + ` FROM {s}.` + tk.table + ` ` + al + ` WHERE ` + c.where + `),
		` + db.pageCTE(c, a, tk, p.tail, "m", p.sort) + `
		SELECT ` + db.hitsJSON(a, tk, al, cols, p) + `, ` + keysJSON(tk))
}

// hitsJSON is the page's hits (the rows of pg ranked from+1 to
// from+size: rk is the rank in the whole order) with their columns, as a
// JSON array.
func (db *DB) hitsJSON(a *args, tk tableKeys, al, cols string, p pageSpec) string {
	return `(SELECT coalesce(json_agg(json_build_array(` + cols + `, pg.score) ORDER BY pg.rk), '[]')
				FROM pg JOIN {s}.` + tk.table + ` ` + al + ` USING (` + tk.using() + `) WHERE pg.rk > ` + a.add(p.from) + ` AND pg.rk <= ` + a.add(p.from+p.size) + `)`
}

// keysJSON is the keys and scores of every row of pg, in order, as a JSON
// array: the window a ranked entry keeps.
func keysJSON(tk tableKeys) string {
	return `(SELECT coalesce(json_agg(json_build_array(pg.` + strings.Join(tk.cols, ", pg.") + `, pg.score) ORDER BY pg.rk), '[]') FROM pg)`
}

// rankedSQL reads the rows whose key columns are among the values given,
// one array per column, with the columns cols and the key columns as
// text: a page of a cached window, which readRanked puts in order. Each
// column is matched with = ANY, not by joining an unnest of the keys:
// postgres_fdw sends = ANY to the shards, where a join with a function
// scan read every row of every shard.
func (db *DB) rankedSQL(tk tableKeys, al, cols string) string {
	var conds, keys []string
	for i, col := range tk.cols {
		conds = append(conds, al+"."+col+" = ANY($"+strconv.Itoa(i+1)+"::text[]::"+tk.types[i]+"[])")
		keys = append(keys, "to_json("+al+"."+col+") #>> '{}'") // as keysJSON wrote them, whatever the DateStyle
	}
	return db.sql(`SELECT ` + cols + `, ` + strings.Join(keys, ", ") + ` FROM {s}.` + tk.table + ` ` + al + ` WHERE ` + strings.Join(conds, " AND "))
}

// pageSpec is how a search's page is computed: its ORDER BY … LIMIT tail
// and date window, the page, and the window of ranks computed and kept
// with it (0: none; the tail's OFFSET is then 0).
type pageSpec struct {
	tail       string
	sort       sortWindow
	from, size int
	window     int
}

// counted runs a search: its page of hits, and its total and facet
// counts, from the caches or computed in one statement.
func (db *DB) counted(ctx context.Context, tx pgx.Tx, gen string, c *compiled, fq fangtan.Query, tk tableKeys, cols string, all []string) (total uint64, facets map[string][]fangtan.FacetCount, hits []rawHit, err error) {
	al := c.t.alias()
	order, from, size, err := page(fq, c, al)
	if err != nil {
		return 0, nil, nil, err
	}
	p := pageSpec{from: from, size: size}
	if end := from + size; end <= maxRankedRows {
		p.window = min((end+rankWindow-1)/rankWindow*rankWindow, maxRankedRows)
	}
	rkey := searchKey(tk.table, c, order)
	var win ranked
	var cachedRanks bool
	if p.window > 0 {
		win, cachedRanks = db.ranks.get(gen, rkey)
		cachedRanks = cachedRanks && (len(win.scores) >= from+size || len(win.scores) < win.asked)
	}
	fkey := facetKey(tk.table, c, facetSizeOf(fq), all)
	cnt, cachedCounts := db.counts.get(gen, fkey)
	if cachedRanks && cachedCounts {
		hits, err = db.readRanked(ctx, tx, tk, al, cols, win, from, size)
		return cnt.total, cnt.facets, hits, err
	}
	a := slices.Clone(c.args)
	limit, offset := size, from
	if p.window > 0 {
		limit, offset = p.window, 0
	}
	p.tail = order + " LIMIT " + a.add(limit) + " OFFSET " + a.add(offset)
	p.sort = window(fq.Sort, c, al, limit+offset)
	var keysJS, hitsJS []byte
	if cachedCounts {
		if err := tx.QueryRow(ctx, db.pageSQL(c, &a, tk, cols, p), a...).Scan(&hitsJS, &keysJS); err != nil {
			return 0, nil, nil, err
		}
		total, facets = cnt.total, cnt.facets
	} else {
		var n int64
		var facetsJS []byte
		if err := tx.QueryRow(ctx, db.searchSQL(c, &a, tk, cols, p, facetSizeOf(fq), all), a...).Scan(&n, &facetsJS, &hitsJS, &keysJS); err != nil {
			return 0, nil, nil, err
		}
		if facets, err = facetJSON(facetsJS); err != nil {
			return 0, nil, nil, err
		}
		total = uint64(n)
		db.counts.put(gen, fkey, counts{total: total, facets: facets})
	}
	if p.window > 0 {
		r, err := rankedJSON(keysJS, len(tk.cols))
		if err != nil {
			return 0, nil, nil, err
		}
		r.asked = p.window
		db.ranks.put(gen, rkey, r)
	}
	hits, err = hitsOfJSON(hitsJS)
	return total, facets, hits, err
}

// rawHit is a hit as read: its metadata (an article's doc or a quote's
// hit, JSON), an article's text, and its score.
type rawHit struct {
	meta  []byte
	body  string
	score float64
}

// hitsOfJSON reads hitsJSON's rows: the metadata, an article's text, and
// the score last.
func hitsOfJSON(js []byte) ([]rawHit, error) {
	var rows [][]json.RawMessage
	if err := json.Unmarshal(js, &rows); err != nil {
		return nil, fmt.Errorf("hits: %w", err)
	}
	out := make([]rawHit, 0, len(rows))
	for _, r := range rows {
		if len(r) < 2 || len(r) > 3 {
			return nil, fmt.Errorf("hits: %.100s", r)
		}
		h := rawHit{meta: r[0]}
		if len(r) == 3 && json.Unmarshal(r[1], &h.body) != nil {
			return nil, fmt.Errorf("hits: %.100s", r)
		}
		if json.Unmarshal(r[len(r)-1], &h.score) != nil {
			return nil, fmt.Errorf("hits: %.100s", r)
		}
		out = append(out, h)
	}
	return out, nil
}

// readRanked reads the hits from..from+size of a cached window, as rows
// (a page's JSON took longer to decode than to read).
func (db *DB) readRanked(ctx context.Context, tx pgx.Tx, tk tableKeys, al, cols string, r ranked, from, size int) ([]rawHit, error) {
	lo, hi := min(from, len(r.scores)), min(from+size, len(r.scores))
	if lo == hi {
		return nil, nil
	}
	args := make([]any, 0, len(tk.cols))
	for _, col := range r.keys {
		args = append(args, col[lo:hi])
	}
	rows, err := tx.Query(ctx, db.rankedSQL(tk, al, cols), args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	byKey := make(map[string]rawHit, hi-lo)
	keys := make([]string, len(tk.cols))
	for rows.Next() {
		var h rawHit
		dest := []any{&h.meta}
		if strings.Contains(cols, ",") {
			dest = append(dest, &h.body)
		}
		for i := range keys {
			dest = append(dest, &keys[i])
		}
		if err := rows.Scan(dest...); err != nil {
			return nil, err
		}
		byKey[strings.Join(keys, "\x00")] = h
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	out := make([]rawHit, 0, hi-lo)
	for i := lo; i < hi; i++ {
		for c := range keys {
			keys[c] = r.keys[c][i]
		}
		h, ok := byKey[strings.Join(keys, "\x00")]
		if !ok {
			// The generation is the transaction's: a cached row is there.
			return nil, fmt.Errorf("ranked row %v of this generation is missing", keys)
		}
		h.score = r.scores[i]
		out = append(out, h)
	}
	return out, nil
}

// rankedJSON reads keysJSON's rows: n key columns, then the score.
func rankedJSON(js []byte, n int) (ranked, error) {
	var rows [][]json.RawMessage
	if err := json.Unmarshal(js, &rows); err != nil {
		return ranked{}, fmt.Errorf("ranks: %w", err)
	}
	r := ranked{keys: make([][]string, n), scores: make([]float64, 0, len(rows))}
	for _, row := range rows {
		if len(row) != n+1 {
			return ranked{}, fmt.Errorf("ranks: %.100s", row)
		}
		for i := range n {
			var s string
			if json.Unmarshal(row[i], &s) != nil {
				s = string(row[i]) // a number (a quote's n)
			}
			r.keys[i] = append(r.keys[i], s)
		}
		var score float64
		if json.Unmarshal(row[n], &score) != nil {
			return ranked{}, fmt.Errorf("ranks: score %s", row[n])
		}
		r.scores = append(r.scores, score)
	}
	return r, nil
}

// facetJSON reads searchSQL's facet counts.
func facetJSON(js []byte) (map[string][]fangtan.FacetCount, error) {
	var rows [][3]json.RawMessage
	if err := json.Unmarshal(js, &rows); err != nil {
		return nil, fmt.Errorf("facets: %w", err)
	}
	out := map[string][]fangtan.FacetCount{}
	for _, r := range rows {
		var name, value string
		var n int
		if json.Unmarshal(r[0], &name) != nil || json.Unmarshal(r[1], &value) != nil || json.Unmarshal(r[2], &n) != nil {
			return nil, fmt.Errorf("facets: %s", r)
		}
		out[name] = append(out[name], fangtan.FacetCount{Value: value, Count: n})
	}
	return out, nil
}

// page validates paging and sorting and returns the ORDER BY, the
// offset and the page's size.
func page(fq fangtan.Query, c *compiled, al string) (order string, from, size int, err error) {
	if fq.From < 0 {
		return "", 0, 0, query.Bad("from %d is negative", fq.From)
	}
	if fq.Size < 0 {
		return "", 0, 0, query.Bad("size %d is negative", fq.Size)
	}
	size = fq.Size
	if size == 0 {
		size = defaultSize
	}
	if size > maxSize {
		return "", 0, 0, query.Bad("size %d is more than %d", size, maxSize)
	}
	if fq.From > maxWindow-size {
		return "", 0, 0, query.Bad("from %d + size %d pages deeper than %d hits; narrow the query instead", fq.From, size, maxWindow)
	}
	order, err = orderBy(fq.Sort, c, al)
	return order, fq.From, size, err
}

// orderBy is the sort order. Ties are broken by id, so that pages do not
// overlap.
func orderBy(sort string, c *compiled, al string) (string, error) {
	id := al + ".id"
	if al == "q" {
		id = "q.article_id, q.n"
	}
	byDate := " ORDER BY " + al + ".date DESC NULLS LAST, score DESC, " + id
	switch sort {
	case "", fangtan.SortRelevance:
		if c.filterOnly {
			return byDate, nil
		}
		return " ORDER BY score DESC, " + id, nil
	case fangtan.SortDate:
		return byDate, nil
	case fangtan.SortOldest:
		return " ORDER BY " + al + ".date ASC NULLS LAST, score DESC, " + id, nil
	}
	return "", query.Bad("sort %q: use relevance, date or oldest", sort)
}

// facetRows counts the facet values of the rows matching c, the top size
// of each facet (every year and month, for the timeline), sorted by count
// then value (byte order, as the bleve index sorts them).
func (db *DB) facetRows(ctx context.Context, tx pgx.Tx, table string, c *compiled, size int, all ...string) (map[string][]fangtan.FacetCount, error) {
	a := slices.Clone(c.args)
	al := "a"
	if table == "quotes" {
		al = "q"
	}
	rows, err := tx.Query(ctx, db.sql(`SELECT name, value, n FROM (
			SELECT split_part(f, chr(31), 1) AS name, substr(f, strpos(f, chr(31)) + 1) AS value, count(*) AS n,
				row_number() OVER (PARTITION BY split_part(f, chr(31), 1)
					ORDER BY count(*) DESC, substr(f, strpos(f, chr(31)) + 1) COLLATE "C") AS rn
			FROM {s}.`+table+` `+al+`, unnest(`+al+`.facets) f WHERE `+c.where+` GROUP BY f) t
		WHERE rn <= `+a.add(size)+` OR name = ANY(`+a.add(all)+`::text[])
		ORDER BY name, rn`), a...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string][]fangtan.FacetCount{}
	for rows.Next() {
		var name, value string
		var n int64
		if err := rows.Scan(&name, &value, &n); err != nil {
			return nil, err
		}
		out[name] = append(out[name], fangtan.FacetCount{Value: value, Count: int(n)})
	}
	return out, rows.Err()
}

var (
	articleFacets = fangtan.FacetNames(fangtan.ArticleFacet)
	quoteFacets   = fangtan.FacetNames(fangtan.QuoteFacet)
	// yearFacet is the facet of the timeline's years: the article facet
	// whose values include fangtan.UndatedYear.
	yearFacet = func() string {
		for _, f := range fangtan.Facets {
			if f.Scope == fangtan.ArticleFacet && slices.Contains(f.Values(&fangtan.Document{}, nil), fangtan.UndatedYear) {
				return f.Name
			}
		}
		return "year"
	}()
)

func facetSizeOf(fq fangtan.Query) int {
	if fq.FacetSize <= 0 {
		return facetSize
	}
	return fq.FacetSize
}

// Search implements fangtan.Searcher.
func (db *DB) Search(ctx context.Context, fq fangtan.Query) (*fangtan.Result, error) {
	start := time.Now()
	var out *fangtan.Result
	err := db.readGen(ctx, "search", func(tx pgx.Tx, gen string) error {
		c, err := db.compile(ctx, tx, fq, articles)
		if err != nil {
			return err
		}
		total, all, hits, err := db.counted(ctx, tx, gen, c, fq, articleKeys, "a.doc, a.body", []string{yearFacet, monthFacet})
		if err != nil {
			return err
		}
		out = &fangtan.Result{Query: fq.Text, Total: total, Hits: []fangtan.Hit{}}
		for _, h := range hits {
			d, err := decodeArticle(h.meta, h.body)
			if err != nil {
				return err
			}
			out.Hits = append(out.Hits, query.ArticleHit(d, h.score, c.hl))
		}
		ids := make([]string, len(out.Hits))
		for i, h := range out.Hits {
			ids[i] = h.ID
		}
		reprints, err := db.pageReprints(ctx, tx, gen, ids)
		if err != nil {
			return err
		}
		for i := range out.Hits {
			out.Hits[i].Reprints = reprints[out.Hits[i].ID]
		}
		out.Facets = query.TopFacets(all, articleFacets, facetSizeOf(fq))
		out.Timeline = query.Timeline(all[yearFacet], all[monthFacet])
		return nil
	})
	if err != nil {
		return nil, err
	}
	out.TookMs = float64(time.Since(start).Microseconds()) / 1000
	return out, nil
}

// Export implements fangtan.Searcher: one ranked query, streamed.
func (db *DB) Export(ctx context.Context, fq fangtan.Query, limit int, start func(total uint64) error, emit func(fangtan.Hit) error) error {
	if limit <= 0 || limit > MaxExport {
		return query.Bad("export limit %d is out of range: use 1 to %d", limit, MaxExport)
	}
	var userErr error
	err := db.read(ctx, "export", func(tx pgx.Tx) error {
		c, err := db.compile(ctx, tx, fq, articles)
		if err != nil {
			return err
		}
		order, err := orderBy(fq.Sort, c, "a")
		if err != nil {
			return err
		}
		var total int64
		if err := tx.QueryRow(ctx, db.sql(`SELECT count(*) FROM {s}.articles a WHERE `+c.where), c.args...).Scan(&total); err != nil {
			return err
		}
		if err := start(uint64(total)); err != nil {
			userErr = err
			return err
		}
		a := slices.Clone(c.args)
		rank := c.rank(&a)
		rows, err := tx.Query(ctx, db.sql(`SELECT a.doc, a.body, `+rank+` AS score,
			(SELECT jsonb_agg(r.record ORDER BY r.id) FROM {s}.reprints r WHERE r.of = a.id) AS reprints
			FROM {s}.articles a WHERE `+c.where+order+" LIMIT "+a.add(limit)), a...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var meta []byte
			var body string
			var score float32
			var reprints []byte
			if err := rows.Scan(&meta, &body, &score, &reprints); err != nil {
				return err
			}
			d, err := decodeArticle(meta, body)
			if err != nil {
				return err
			}
			hit := query.ArticleHit(d, float64(score), c.hl)
			if reprints != nil {
				if err := json.Unmarshal(reprints, &hit.Reprints); err != nil {
					return fmt.Errorf("reprints of %s: %w", d.ID, err)
				}
			}
			if err := emit(hit); err != nil {
				userErr = err
				return err
			}
		}
		return rows.Err()
	})
	if userErr != nil {
		return userErr // the caller's own error, as it gave it
	}
	return err
}

// SearchQuotes implements fangtan.Searcher.
func (db *DB) SearchQuotes(ctx context.Context, fq fangtan.Query) (*fangtan.QuoteResult, error) {
	start := time.Now()
	var out *fangtan.QuoteResult
	err := db.readGen(ctx, "quotes", func(tx pgx.Tx, gen string) error {
		c, err := db.compile(ctx, tx, fq, quotes)
		if err != nil {
			return err
		}
		total, all, hits, err := db.counted(ctx, tx, gen, c, fq, quoteKeys, "q.hit", []string{})
		if err != nil {
			return err
		}
		out = &fangtan.QuoteResult{Query: fq.Text, Total: total, Hits: []fangtan.QuoteHit{}}
		for _, r := range hits {
			var h fangtan.QuoteHit
			if err := json.Unmarshal(r.meta, &h); err != nil {
				return fmt.Errorf("quote: %w", err)
			}
			h.Snippets = c.hl.Snippets(h.Text, 1, 1<<30)
			h.Fragments = query.HTMLs(h.Snippets)
			out.Hits = append(out.Hits, h)
		}
		out.Facets = query.TopFacets(all, quoteFacets, facetSizeOf(fq))
		return nil
	})
	if err != nil {
		return nil, err
	}
	out.TookMs = float64(time.Since(start).Microseconds()) / 1000
	return out, nil
}

// loadDocument reads article id with its quotes.
func (db *DB) loadDocument(ctx context.Context, qr querier, id string) (*fangtan.Document, error) {
	var meta []byte
	var body string
	err := qr.QueryRow(ctx, db.sql(`SELECT doc, body FROM {s}.articles WHERE id = $1 LIMIT 1`), id).Scan(&meta, &body)
	if err == pgx.ErrNoRows {
		return nil, fmt.Errorf("document %q: %w", id, fangtan.ErrNotFound)
	}
	if err != nil {
		return nil, err
	}
	d, err := decodeArticle(meta, body)
	if err != nil {
		return nil, err
	}
	// Whether the post is the registry's is read from the hit, so that
	// rows written before it was recorded read as before.
	rows, err := qr.Query(ctx, db.sql(`SELECT text, speaker, speaker_title, COALESCE((hit->>'speaker_title_inferred')::boolean, false),
		kind, paragraph FROM {s}.quotes WHERE article_id = $1 ORDER BY n`), id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var q fangtan.Quote
		var kind string
		var para int32
		if err := rows.Scan(&q.Text, &q.Speaker, &q.SpeakerTitle, &q.SpeakerTitleInferred, &kind, &para); err != nil {
			return nil, err
		}
		q.Kind, q.Paragraph = fangtan.QuoteKind(kind), int(para)
		d.Quotes = append(d.Quotes, q)
	}
	return d, rows.Err()
}

// Document implements fangtan.Searcher.
func (db *DB) Document(ctx context.Context, id, queryText string) (*fangtan.DocumentView, error) {
	var v *fangtan.DocumentView
	err := db.read(ctx, "document", func(tx pgx.Tx) error {
		var hl *query.Highlighter
		if strings.TrimSpace(queryText) != "" {
			pq, err := query.Parse(queryText, fangtan.ArticleFacet)
			if err != nil {
				return err
			}
			hl = query.NewHighlighter(pq, db.wordTokens)
		}
		d, err := db.loadDocument(ctx, tx, id)
		var as *fangtan.Reprint
		if errors.Is(err, fangtan.ErrNotFound) {
			// A reprint's id opens the article it reprints.
			rs, rerr := db.reprints(ctx, tx, `id = $1`, id)
			if rerr != nil {
				return rerr
			}
			if len(rs) == 1 {
				as = &rs[0]
				d, err = db.loadDocument(ctx, tx, as.Of)
			}
		}
		if err != nil {
			return err
		}
		reprints, err := db.reprintsOf(ctx, tx, []string{d.ID})
		if err != nil {
			return err
		}
		v = &fangtan.DocumentView{Document: *d, AsReprint: as, Reprints: reprints[d.ID]}
		if hl != nil {
			paras := d.Paragraphs
			if len(paras) == 0 && d.Text != "" {
				paras = strings.Split(d.Text, "\n")
			}
			v.Highlighted = make([]string, len(paras))
			for i, p := range paras {
				v.Highlighted[i] = hl.HTMLAll(p)
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return v, nil
}

// KWIC implements fangtan.Searcher: the matching articles, newest first
// (up to query.KWICMaxDocs), are read and their occurrences listed in Go.
func (db *DB) KWIC(ctx context.Context, fq fangtan.Query, width int) (*fangtan.KWICResult, error) {
	start := time.Now()
	pq, hl, err := query.ParseKWIC(fq.Text, width)
	if err != nil {
		return nil, err
	}
	var out *fangtan.KWICResult
	err = db.read(ctx, "kwic", func(tx pgx.Tx) error {
		c, err := db.compileParsed(ctx, tx, pq, fq, articles)
		if err != nil {
			return err
		}
		var total int64
		if err := tx.QueryRow(ctx, db.sql(`SELECT count(*) FROM {s}.articles a WHERE `+c.where), c.args...).Scan(&total); err != nil {
			return err
		}
		out = &fangtan.KWICResult{Query: fq.Text, Documents: uint64(total), Lines: []fangtan.KWICLine{}, Truncated: total > query.KWICMaxDocs}
		a := slices.Clone(c.args)
		rows, err := tx.Query(ctx, db.sql(`SELECT a.doc, a.body FROM {s}.articles a WHERE `+c.where+
			` ORDER BY a.date DESC NULLS LAST, a.id LIMIT `+a.add(query.KWICMaxDocs)), a...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var meta []byte
			var body string
			if err := rows.Scan(&meta, &body); err != nil {
				return err
			}
			d, err := decodeArticle(meta, body)
			if err != nil {
				return err
			}
			var full bool
			if out.Lines, full = query.KWICLines(out.Lines, hl, d, width, query.KWICMaxLines); full {
				out.Truncated = true
				break
			}
		}
		return rows.Err()
	})
	if err != nil {
		return nil, err
	}
	out.TookMs = float64(time.Since(start).Microseconds()) / 1000
	return out, nil
}

// Official implements fangtan.Searcher.
func (db *DB) Official(ctx context.Context, name string) (*fangtan.OfficialProfile, error) {
	start := time.Now()
	name = foldValue(name)
	if name == "" || len([]rune(name)) > 100 {
		return nil, query.Bad("an official's name is 1 to 100 characters")
	}
	var p *fangtan.OfficialProfile
	err := db.read(ctx, "official", func(tx pgx.Tx) error {
		fq := fangtan.Query{}
		*mustFilter(query.ProfilePerson)(&fq) = []string{name}
		c, err := db.compile(ctx, tx, fq, articles)
		if err != nil {
			return err
		}
		// The names the filter asked for: an alias's name (习主席 is 习近平),
		// and the whole names a short one is listed by.
		reg, err := db.registry(ctx, tx)
		if err != nil {
			return err
		}
		names := canonical(reg, []string{name})
		var total int64
		if err := tx.QueryRow(ctx, db.sql(`SELECT count(*) FROM {s}.articles a WHERE `+c.where), c.args...).Scan(&total); err != nil {
			return err
		}
		if total == 0 {
			return fmt.Errorf("official %q: %w", name, fangtan.ErrNotFound)
		}
		all, err := db.facetRows(ctx, tx, "articles", c, query.ProfileSize+1, yearFacet, monthFacet)
		if err != nil {
			return err
		}
		a := slices.Clone(c.args)
		rows, err := tx.Query(ctx, db.sql(`SELECT pt, count(*) FROM {s}.articles a, unnest(a.posts) pt
			WHERE `+c.where+` AND split_part(pt, chr(31), 1) = ANY(`+a.add(names)+`::text[]) GROUP BY pt`), a...)
		if err != nil {
			return err
		}
		var posts []fangtan.FacetCount
		for rows.Next() {
			var v string
			var n int64
			if err := rows.Scan(&v, &n); err != nil {
				rows.Close()
				return err
			}
			posts = append(posts, fangtan.FacetCount{Value: v, Count: int(n)})
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		p = query.NewProfile(names, uint64(total), all, posts)
		p.Timeline = query.Timeline(all[yearFacet], all[monthFacet])
		keys := make([]string, len(names))
		for i, n := range names {
			keys[i] = query.ProfileSpeaker + facetSep + n
		}
		var quotes int64
		if err := tx.QueryRow(ctx, db.sql(`SELECT count(*) FROM {s}.quotes q WHERE q.keys && $1::text[]`), keys).Scan(&quotes); err != nil {
			return err
		}
		p.Quotes = uint64(quotes)
		return nil
	})
	if err != nil {
		return nil, err
	}
	p.TookMs = float64(time.Since(start).Microseconds()) / 1000
	return p, nil
}

// sourceFacet is what the overview lists besides people and themes.
const sourceFacet = "source"

func mustFilter(name string) func(*fangtan.Query) *[]string {
	f, ok := fangtan.FacetNamed(name)
	if !ok || f.Filter == nil {
		panic("postgres: no filterable facet " + strconv.Quote(name))
	}
	return f.Filter
}

// Overview implements fangtan.Searcher. It counts the facets of every
// article: a scan of the articles table's facet arrays.
func (db *DB) Overview(ctx context.Context) (*fangtan.Overview, error) {
	var o *fangtan.Overview
	err := db.read(ctx, "overview", func(tx pgx.Tx) error {
		o = &fangtan.Overview{}
		var first, last *time.Time
		var articles, quotes int64
		if err := tx.QueryRow(ctx, db.sql(`SELECT (SELECT count(*) FROM {s}.articles), (SELECT count(*) FROM {s}.quotes),
			(SELECT min(date) FROM {s}.articles), (SELECT max(date) FROM {s}.articles)`)).Scan(&articles, &quotes, &first, &last); err != nil {
			return err
		}
		o.Articles, o.Quotes = uint64(articles), uint64(quotes)
		if first != nil {
			o.First = first.Format("2006-01-02")
		}
		if last != nil {
			o.Last = last.Format("2006-01-02")
		}
		all, err := db.facetRows(ctx, tx, "articles", &compiled{where: "true"}, 10)
		if err != nil {
			return err
		}
		top := query.TopFacets(all, []string{sourceFacet, query.ProfilePerson, query.ProfileTheme}, 10)
		o.Sources, o.Officials, o.Themes = top[sourceFacet], top[query.ProfilePerson], top[query.ProfileTheme]
		return nil
	})
	if err != nil {
		return nil, err
	}
	return o, nil
}
