package postgres

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"

	"github.com/jackc/pgx/v5"

	"fangtan"
)

// The reprints of fangtan.Reprint live in their own table, each with its
// record; the article a new document reprints is found by articles.print.

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

// printed returns the indexed articles holding the prints of docs, by
// print, read before an add's writer starts: its connection is then busy
// with inserts.
func (db *DB) printed(ctx context.Context, q querier, docs []fangtan.Document) (map[string][]fangtan.Printed, error) {
	var prints []string
	for i := range docs {
		if p := fangtan.Print(docs[i].Text); p != "" {
			prints = append(prints, p)
		}
	}
	out := make(map[string][]fangtan.Printed)
	if len(prints) == 0 {
		return out, nil
	}
	rows, err := q.Query(ctx, db.sql(`SELECT print, id, COALESCE(to_char(date, 'YYYY-MM-DD'), '') FROM {s}.articles
		WHERE print = ANY($1::text[]) ORDER BY id`), prints)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var p string
		var a fangtan.Printed
		if err := rows.Scan(&p, &a.ID, &a.Date); err != nil {
			return nil, err
		}
		out[p] = append(out[p], a)
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

// promote makes the first reprint of the deleted article d that is not in
// gone the article, under its own id, file, title, date and url; the
// others reprint it.
func (db *DB) promote(ctx context.Context, tx pgx.Tx, d *fangtan.Document, gone map[string]bool) error {
	rs, err := db.reprints(ctx, tx, `of = $1`, d.ID)
	if err != nil {
		return err
	}
	rs = slices.DeleteFunc(rs, func(r fangtan.Reprint) bool { return gone[r.ID] })
	if len(rs) == 0 {
		return nil
	}
	first := rs[0].AsArticle(*d)
	row, err := db.rows(&first)
	if err != nil {
		return fmt.Errorf("reprint %s: %w", first.ID, err)
	}
	if _, err := tx.Exec(ctx, db.sql(`DELETE FROM {s}.reprints WHERE id = $1`), first.ID); err != nil {
		return err
	}
	if err := db.insert(ctx, tx, []*articleRow{row}); err != nil {
		return err
	}
	rest := rs[1:]
	for i := range rest {
		rest[i].Of = first.ID
	}
	return db.insertReprints(ctx, tx, rest)
}
