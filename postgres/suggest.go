package postgres

import (
	"context"

	"github.com/jackc/pgx/v5"

	"fangtan"
	"fangtan/query"
)

// suggestTable counts every completing value of the articles (speakers:
// of the quotes) once per generation of the index: a scan of both
// tables' facet arrays, which the first Suggest after a write pays for.
func (db *DB) suggestTable(ctx context.Context, tx pgx.Tx) (*query.Suggestions, error) {
	c, err := db.cached(ctx, tx)
	if err != nil {
		return nil, err
	}
	db.mu.Lock()
	t := c.sug
	db.mu.Unlock()
	if t != nil {
		return t, nil
	}
	rows, err := tx.Query(ctx, db.sql(`
		SELECT split_part(f, chr(31), 1), substr(f, strpos(f, chr(31)) + 1), count(*)
		FROM {s}.articles a, unnest(a.facets) f WHERE split_part(f, chr(31), 1) = ANY($1::text[]) GROUP BY f
		UNION ALL
		SELECT split_part(f, chr(31), 1), substr(f, strpos(f, chr(31)) + 1), count(*)
		FROM {s}.quotes q, unnest(q.facets) f WHERE split_part(f, chr(31), 1) = ANY($2::text[]) GROUP BY f`),
		query.SuggestFacets(fangtan.ArticleFacet), query.SuggestFacets(fangtan.QuoteFacet))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	t = query.NewSuggestions()
	for rows.Next() {
		var name, value string
		var n int64
		if err := rows.Scan(&name, &value, &n); err != nil {
			return nil, err
		}
		t.Add(name, value, int(n))
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	db.mu.Lock()
	c.sug = t
	db.mu.Unlock()
	return t, nil
}

// Suggest implements fangtan.Searcher: officials, places, themes and
// speakers whose name starts with prefix (Traditional or Simplified), or
// whose pinyin or its initials start with it, most frequent first.
func (db *DB) Suggest(ctx context.Context, prefix string, limit int) ([]fangtan.Suggestion, error) {
	if foldValue(prefix) == "" {
		return []fangtan.Suggestion{}, nil
	}
	var t *query.Suggestions
	if err := db.read(ctx, "suggest", func(tx pgx.Tx) error {
		var err error
		t, err = db.suggestTable(ctx, tx)
		return err
	}); err != nil {
		return nil, err
	}
	return t.Complete(prefix, limit), nil
}
