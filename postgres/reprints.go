package postgres

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"

	"github.com/jackc/pgx/v5"

	"fangtan"
)

// The reprints of fangtan.Reprint live in their own table, each with its
// record; the article a new document reprints is found by articles.print,
// the article a version cuts by articles.title_print.

// insertReprints writes the records of reprints, replacing any of the same
// id.
func (db *DB) insertReprints(ctx context.Context, tx pgx.Tx, rs []fangtan.Reprint) error {
	if len(rs) == 0 {
		return nil
	}
	ids, ofs, files, records := make([]string, len(rs)), make([]string, len(rs)), make([]string, len(rs)), make([]string, len(rs))
	for i, r := range rs {
		js, err := json.Marshal(&r)
		if err != nil {
			return fmt.Errorf("reprint %s: %w", r.ID, err)
		}
		ids[i], ofs[i], files[i], records[i] = r.ID, r.Of, r.File, string(js)
	}
	if _, err := tx.Exec(ctx, db.sql(`INSERT INTO {s}.reprints (id, of, file, record)
		SELECT id, of, file, record::jsonb FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS u(id, of, file, record)
		ON CONFLICT (id) DO UPDATE SET of = EXCLUDED.of, file = EXCLUDED.file, record = EXCLUDED.record`),
		ids, ofs, files, records); err != nil {
		return fmt.Errorf("insert reprints %s…: %w", ids[0], err)
	}
	return nil
}

// printedArticles are the indexed articles a new document may reprint,
// by the print of their text and of their title.
type printedArticles struct {
	byPrint, byTitle map[string][]fangtan.Printed
}

func (p printedArticles) lookup(print, titlePrint string) []fangtan.Printed {
	out := slices.Clone(p.byPrint[print])
	if titlePrint != "" {
		out = append(out, p.byTitle[titlePrint]...)
	}
	return out
}

// printed returns the indexed articles holding the prints of docs' texts
// or titles, with their texts, read before an add's writer starts: its
// connection is then busy with inserts.
func (db *DB) printed(ctx context.Context, q querier, docs []fangtan.Document) (printedArticles, error) {
	var prints, titles []string
	for i := range docs {
		if p := fangtan.Print(docs[i].Text); p != "" {
			prints = append(prints, p)
			if tp := fangtan.TitlePrint(docs[i].Title); tp != "" {
				titles = append(titles, tp)
			}
		}
	}
	out := printedArticles{byPrint: make(map[string][]fangtan.Printed), byTitle: make(map[string][]fangtan.Printed)}
	if len(prints) == 0 {
		return out, nil
	}
	rows, err := q.Query(ctx, db.sql(`SELECT print, title_print, id, COALESCE(to_char(date, 'YYYY-MM-DD'), ''), body FROM {s}.articles
		WHERE print = ANY($1::text[]) OR (title_print <> '' AND title_print = ANY($2::text[])) ORDER BY id`), prints, titles)
	if err != nil {
		return out, err
	}
	defer rows.Close()
	wanted := make(map[string]bool, len(prints))
	for _, p := range prints {
		wanted[p] = true
	}
	for rows.Next() {
		var tp string
		var a fangtan.Printed
		if err := rows.Scan(&a.Print, &tp, &a.ID, &a.Date, &a.Text); err != nil {
			return out, err
		}
		if wanted[a.Print] {
			out.byPrint[a.Print] = append(out.byPrint[a.Print], a)
		}
		if tp != "" {
			out.byTitle[tp] = append(out.byTitle[tp], a)
		}
	}
	return out, rows.Err()
}

// reprints returns the records of the reprints matching where ($1… its
// arguments), in order of id.
func (db *DB) reprints(ctx context.Context, q querier, where string, args ...any) ([]fangtan.Reprint, error) {
	rows, err := q.Query(ctx, db.sql(`SELECT record FROM {s}.reprints WHERE `+where+` ORDER BY id`), args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []fangtan.Reprint
	for rows.Next() {
		var js []byte
		if err := rows.Scan(&js); err != nil {
			return nil, err
		}
		var r fangtan.Reprint
		if err := json.Unmarshal(js, &r); err != nil {
			return nil, fmt.Errorf("reprint record: %w", err)
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// reprintsOf returns the reprints of each of the articles ids.
func (db *DB) reprintsOf(ctx context.Context, q querier, ids []string) (map[string][]fangtan.Reprint, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	all, err := db.reprints(ctx, q, `of = ANY($1::text[])`, ids)
	if err != nil {
		return nil, err
	}
	return fangtan.ReprintsByArticle(all), nil
}

// pageReprints returns the reprints of each of a page's articles ids, from
// the schema's reprints read once per generation gen: each page of hits
// asks, and a query of its own was a round trip more for every search.
func (db *DB) pageReprints(ctx context.Context, q querier, gen string, ids []string) (map[string][]fangtan.Reprint, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	all, ok := db.reprintsByArticle.get(gen, "")
	if !ok {
		rs, err := db.reprints(ctx, q, "true")
		if err != nil {
			return nil, err
		}
		all = fangtan.ReprintsByArticle(rs)
		db.reprintsByArticle.put(gen, "", all)
	}
	out := make(map[string][]fangtan.Reprint, len(ids))
	for _, id := range ids {
		if rs := all[id]; rs != nil {
			out[id] = rs
		}
	}
	return out, nil
}

// promote writes what deleting the article d leaves of its reprints
// (fangtan.Promote), but for those in gone: an exact copy takes its place,
// or else its versions are articles again, prepared by prepare.
func (db *DB) promote(ctx context.Context, tx pgx.Tx, d *fangtan.Document, gone map[string]bool, prepare func(*fangtan.Document)) error {
	rs, err := db.reprints(ctx, tx, `of = $1`, d.ID)
	if err != nil {
		return err
	}
	rs = slices.DeleteFunc(rs, func(r fangtan.Reprint) bool { return gone[r.ID] })
	if len(rs) == 0 {
		return nil
	}
	p := fangtan.Promote(*d, rs)
	rows := make([]*articleRow, len(p.Articles))
	ids := make([]string, len(p.Articles))
	for i := range p.Articles {
		a := &p.Articles[i]
		if p.Prepare[i] && prepare != nil {
			prepare(a)
		}
		row, err := db.rows(a)
		if err != nil {
			return fmt.Errorf("reprint %s: %w", a.ID, err)
		}
		rows[i], ids[i] = row, a.ID
	}
	if _, err := tx.Exec(ctx, db.sql(`DELETE FROM {s}.reprints WHERE id = ANY($1::text[])`), ids); err != nil {
		return err
	}
	if err := db.insert(ctx, tx, rows); err != nil {
		return err
	}
	return db.insertReprints(ctx, tx, p.Reprints)
}

// demote writes the demotions of a build or an add
// (fangtan.Reprints.Demotions): each article becomes a version of the
// article that grew it, its quotes go, and its reprints become the
// other's. The demoted articles that this run admitted leave stats'
// documents and quotes for its reprints, and the registry of the run's
// articles (run) or of the index's (indexed), either of which may be nil.
func (db *DB) demote(ctx context.Context, tx pgx.Tx, ds []fangtan.Demotion, stats *fangtan.Stats, run, indexed *fangtan.Registry) error {
	for _, dm := range ds {
		a, err := db.loadDocument(ctx, tx, dm.ID)
		if errors.Is(err, fangtan.ErrNotFound) {
			continue
		}
		if err != nil {
			return fmt.Errorf("demote %s: %w", dm.ID, err)
		}
		rs, err := db.reprints(ctx, tx, `of = $1`, dm.ID)
		if err != nil {
			return fmt.Errorf("demote %s: %w", dm.ID, err)
		}
		if _, err := db.deleteArticles(ctx, tx, []string{dm.ID}, nil); err != nil {
			return fmt.Errorf("demote %s: %w", dm.ID, err)
		}
		if err := db.insertReprints(ctx, tx, fangtan.Demote(*a, dm, rs)); err != nil {
			return fmt.Errorf("demote %s: %w", dm.ID, err)
		}
		stats.Reprints++
		reg := indexed
		if !dm.Indexed {
			stats.Documents--
			stats.Quotes -= len(a.Quotes)
			reg = run
		}
		if reg != nil {
			reg.Forget(a)
		}
	}
	return nil
}
