package postgres

import (
	"cmp"
	"context"
	"slices"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/mozillazg/go-pinyin"

	"fangtan"
)

// suggestItem is one value the search box completes, with its pinyin.
type suggestItem struct {
	fangtan.Suggestion
	pinyin   string // liuzhenhua
	initials string // lzh
}

// suggestKinds are the facets that complete, with the kind of suggestion
// their values make.
var suggestKinds = func() map[string]string {
	m := map[string]string{}
	for _, f := range fangtan.Facets {
		if f.Suggest != "" {
			m[f.Name] = f.Suggest
		}
	}
	return m
}()

// suggestTable counts every completing value of the articles (speakers:
// of the quotes) once per generation of the index: a scan of both
// tables' facet arrays, which the first Suggest after a write pays for.
func (db *DB) suggestTable(ctx context.Context, tx pgx.Tx) ([]suggestItem, error) {
	c, err := db.cached(ctx, tx)
	if err != nil {
		return nil, err
	}
	db.mu.Lock()
	items := c.sug
	db.mu.Unlock()
	if items != nil {
		return items, nil
	}
	var article, quote []string
	for name := range suggestKinds {
		f, _ := fangtan.FacetNamed(name)
		if f.Scope == fangtan.QuoteFacet {
			quote = append(quote, name)
		} else {
			article = append(article, name)
		}
	}
	rows, err := tx.Query(ctx, db.sql(`
		SELECT split_part(f, chr(31), 1), substr(f, strpos(f, chr(31)) + 1), count(*)
		FROM {s}.articles a, unnest(a.facets) f WHERE split_part(f, chr(31), 1) = ANY($1::text[]) GROUP BY f
		UNION ALL
		SELECT split_part(f, chr(31), 1), substr(f, strpos(f, chr(31)) + 1), count(*)
		FROM {s}.quotes q, unnest(q.facets) f WHERE split_part(f, chr(31), 1) = ANY($2::text[]) GROUP BY f`), article, quote)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	seen := map[string]int{}
	args := pinyin.NewArgs()
	items = []suggestItem{}
	for rows.Next() {
		var name, value string
		var n int64
		if err := rows.Scan(&name, &value, &n); err != nil {
			return nil, err
		}
		if value == "" {
			continue
		}
		kind := suggestKinds[name]
		key := kind + "\x00" + value
		if i, ok := seen[key]; ok {
			items[i].Count = max(items[i].Count, int(n))
			continue
		}
		seen[key] = len(items)
		syllables := pinyin.LazyPinyin(value, args)
		var initials strings.Builder
		for _, s := range syllables {
			initials.WriteByte(s[0])
		}
		items = append(items, suggestItem{
			Suggestion: fangtan.Suggestion{Value: value, Kind: kind, Count: int(n)},
			pinyin:     strings.Join(syllables, ""), initials: initials.String(),
		})
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	db.mu.Lock()
	c.sug = items
	db.mu.Unlock()
	return items, nil
}

// Suggest implements fangtan.Searcher: officials, places, themes and
// speakers whose name starts with prefix (Traditional or Simplified), or
// whose pinyin or its initials start with it, most frequent first.
func (db *DB) Suggest(ctx context.Context, prefix string, limit int) ([]fangtan.Suggestion, error) {
	p := foldValue(prefix)
	if p == "" {
		return []fangtan.Suggestion{}, nil
	}
	if limit <= 0 {
		limit = 10
	}
	limit = min(limit, 50)
	var items []suggestItem
	if err := db.read(ctx, "suggest", func(tx pgx.Tx) error {
		var err error
		items, err = db.suggestTable(ctx, tx)
		return err
	}); err != nil {
		return nil, err
	}
	latin := strings.ReplaceAll(p, " ", "")
	isLatin := latin != "" && strings.IndexFunc(latin, func(r rune) bool { return r < 'a' || r > 'z' }) < 0
	type match struct {
		s     fangtan.Suggestion
		exact bool
	}
	var ms []match
	for _, it := range items {
		switch {
		case strings.HasPrefix(it.Value, p):
			ms = append(ms, match{it.Suggestion, it.Value == p})
		case isLatin && it.pinyin != "" && (strings.HasPrefix(it.pinyin, latin) || strings.HasPrefix(it.initials, latin)):
			ms = append(ms, match{it.Suggestion, it.pinyin == latin})
		}
	}
	slices.SortFunc(ms, func(a, b match) int {
		if a.exact != b.exact {
			if a.exact {
				return -1
			}
			return 1
		}
		return cmp.Or(cmp.Compare(b.s.Count, a.s.Count), cmp.Compare(a.s.Value, b.s.Value), cmp.Compare(a.s.Kind, b.s.Kind))
	})
	out := make([]fangtan.Suggestion, 0, min(limit, len(ms)))
	for _, m := range ms[:min(limit, len(ms))] {
		out = append(out, m.s)
	}
	return out, nil
}
