package postgres

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/jackc/pgx/v5"

	"fangtan"
	"fangtan/query"
)

// Advisory lock keys (with the schema's hash): one build at a time, and
// one writer at a time on the live schema, so that the replacements of
// two adds see each other and a build's switch waits for an add.
const (
	lockBuild = 1
	lockWrite = 2
)

func (db *DB) lock(ctx context.Context, tx pgx.Tx, which int) error {
	_, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock(hashtext($1), $2)`, db.schema, which)
	return err
}

// Build implements fangtan.Indexer. It runs in one transaction: it
// creates a new schema, fills it, indexes it, then renames the live
// schema away, renames the new one into its place and drops the old one,
// and commits. Until the commit readers see the previous index; a failed,
// cancelled or killed build is rolled back by PostgreSQL and leaves
// nothing behind. Queries running on the old tables at the switch finish
// on them (the drop waits for them); later ones see the new tables.
func (db *DB) Build(ctx context.Context, src fangtan.Source, opts fangtan.BuildOptions) (fangtan.Stats, error) {
	stats, err := db.build(ctx, src, opts)
	if err != nil {
		return stats, db.wrap("build", err)
	}
	report(opts, fangtan.Progress{Documents: stats.Documents, Quotes: stats.Quotes, Bytes: stats.Bytes, Elapsed: stats.Elapsed, Done: true, Stage: fangtan.StageIndex})
	return stats, nil
}

func (db *DB) build(ctx context.Context, src fangtan.Source, opts fangtan.BuildOptions) (fangtan.Stats, error) {
	start := time.Now()
	tx, err := db.pool.BeginTx(ctx, pgx.TxOptions{})
	if err != nil {
		return fangtan.Stats{}, err
	}
	defer tx.Rollback(context.WithoutCancel(ctx))
	if err := db.lock(ctx, tx, lockBuild); err != nil {
		return fangtan.Stats{}, err
	}
	// A sharded layout (shard.go) is rebuilt in place, in this transaction.
	inPlace, err := db.sharded(ctx, tx)
	if err != nil {
		return fangtan.Stats{}, err
	}
	nb, ident := db, ""
	db.isSharded.Store(inPlace)
	if inPlace {
		if err := db.clearInPlace(ctx, tx); err != nil {
			return fangtan.Stats{}, err
		}
	} else {
		building := fmt.Sprintf("%s_building_%d_%d", db.schema, os.Getpid(), time.Now().UnixNano()%1e9)
		ident = pgx.Identifier{building}.Sanitize()
		if _, err := tx.Exec(ctx, "CREATE SCHEMA "+ident); err != nil {
			return fangtan.Stats{}, err
		}
		// The DDL is unqualified; search_path puts it into the new schema.
		if _, err := tx.Exec(ctx, "SET LOCAL search_path TO "+ident); err != nil {
			return fangtan.Stats{}, err
		}
		if _, err := tx.Exec(ctx, SchemaSQL); err != nil {
			return fangtan.Stats{}, fmt.Errorf("create tables: %w", err)
		}
		// The rest of the build writes through the same statements as an
		// add, qualified with the schema's name: a DB for the new schema.
		nb = db.inSchema(building)
	}
	w := newWriter(nb, opts, start)
	// Preparer tells opts.Known of a copy of the registry, made anew
	// between the build's stages.
	w.build = true
	stats, err := w.run(ctx, tx, src)
	if err != nil {
		return stats, err
	}
	if stats.Documents == 0 {
		return stats, fangtan.ErrNoDocuments
	}
	// The indexes are built once the rows are in (much faster than row by
	// row), and before the registry's pass, whose phrase searches need
	// them: without, each name was a scan of every passage.
	report(opts, fangtan.Progress{Stage: fangtan.StageMerge, Elapsed: time.Since(start)})
	if !inPlace { // the shards' tables keep their indexes
		if _, err := tx.Exec(ctx, IndexesSQL); err != nil {
			return stats, fmt.Errorf("create indexes: %w", err)
		}
		for _, t := range []string{"articles", "passages", "quotes"} {
			if _, err := tx.Exec(ctx, "ANALYZE "+ident+"."+t); err != nil {
				return stats, err
			}
		}
	}
	// Articles grown by later ones, once the indexes can find them.
	if err := nb.demote(ctx, tx, w.reprints.Demotions(), &stats, opts.Registry, nil); err != nil {
		return stats, err
	}
	if opts.Registry != nil {
		report(opts, fangtan.Progress{Stage: fangtan.StageRegistry, Elapsed: time.Since(start)})
		if err := nb.applyAndSaveRegistry(ctx, tx, opts.Registry, opts.Registry.Names(), opts, &stats); err != nil {
			return stats, err
		}
	}
	if err := nb.setMeta(ctx, tx, map[string]string{
		"format": formatVersion, "dictionaries": string(db.dictionaries().Encode()),
		"built": time.Now().UTC().Format(time.RFC3339), "generation": newGeneration(),
	}); err != nil {
		return stats, err
	}
	if inPlace {
		if err := tx.Commit(ctx); err != nil {
			return stats, err
		}
		stats.Elapsed = time.Since(start)
		return stats, nil
	}
	if err := db.lock(ctx, tx, lockWrite); err != nil {
		return stats, err
	}
	var exists bool
	if err := tx.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = $1)`, db.schema).Scan(&exists); err != nil {
		return stats, err
	}
	live := pgx.Identifier{db.schema}.Sanitize()
	if exists {
		old := pgx.Identifier{fmt.Sprintf("%s_old_%d", db.schema, time.Now().UnixNano()%1e9)}.Sanitize()
		if _, err := tx.Exec(ctx, "ALTER SCHEMA "+live+" RENAME TO "+old); err != nil {
			return stats, fmt.Errorf("move the previous index away: %w", err)
		}
		if _, err := tx.Exec(ctx, "DROP SCHEMA "+old+" CASCADE"); err != nil {
			return stats, fmt.Errorf("drop the previous index: %w", err)
		}
	}
	if _, err := tx.Exec(ctx, "ALTER SCHEMA "+ident+" RENAME TO "+live); err != nil {
		return stats, fmt.Errorf("move the new index into place: %w", err)
	}
	if err := tx.Commit(ctx); err != nil {
		return stats, err
	}
	stats.Elapsed = time.Since(start)
	return stats, nil
}

func newGeneration() string {
	return strconv.FormatInt(time.Now().UnixNano(), 36) + "-" + strconv.Itoa(os.Getpid())
}

func (db *DB) setMeta(ctx context.Context, tx pgx.Tx, kv map[string]string) error {
	for k, v := range kv {
		if _, err := tx.Exec(ctx, db.sql(`INSERT INTO {s}.meta (key, value) VALUES ($1, $2)
			ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value`), k, v); err != nil {
			return err
		}
	}
	return nil
}

func report(opts fangtan.BuildOptions, p fangtan.Progress) {
	if opts.Progress != nil {
		opts.Progress(p)
	}
}

// writer runs a build's or an add's pipeline: workers prepare (extract)
// and analyze documents into rows in parallel, and one goroutine inserts
// them in batches through the transaction's connection.
type writer struct {
	db        *DB
	opts      fangtan.BuildOptions
	start     time.Time
	docs      atomic.Int64
	quotes    atomic.Int64
	bytes     atomic.Int64
	mu        sync.Mutex
	skipped   []fangtan.Skipped
	shortened []fangtan.Skipped
	// reprints finds the documents admitted that reprint an article;
	// reprinted are their records, inserted after the articles.
	reprints  fangtan.Reprints
	reprinted []fangtan.Reprint
	// build: the writer builds a schema, whose documents are prepared in
	// stages (fangtan.Stages) so that what they learn from the registry
	// the build fills does not depend on the workers' timing.
	build bool
}

func newWriter(db *DB, opts fangtan.BuildOptions, start time.Time) *writer {
	if opts.Workers <= 0 {
		opts.Workers = runtime.GOMAXPROCS(0)
	}
	if opts.BatchSize <= 0 {
		opts.BatchSize = 1000
	}
	if opts.ProgressEvery <= 0 {
		opts.ProgressEvery = 200 * time.Millisecond
	}
	return &writer{db: db, opts: opts, start: start}
}

func (w *writer) skip(d *fangtan.Document, reason string) {
	w.mu.Lock()
	w.skipped = append(w.skipped, fangtan.Skipped{ID: d.ID, File: d.File, Reason: reason})
	w.mu.Unlock()
}

func (w *writer) progress(done bool) fangtan.Progress {
	return fangtan.Progress{Documents: int(w.docs.Load()), Quotes: int(w.quotes.Load()), Bytes: w.bytes.Load(),
		Elapsed: time.Since(w.start), Done: done, Stage: fangtan.StageIndex}
}

// admit checks a document as every backend does (fangtan.Admit); a
// reason is returned for a document to skip.
func (w *writer) admit(d *fangtan.Document, seen map[string]string) string {
	skip, cut := fangtan.Admit(d, seen)
	for _, note := range cut {
		w.mu.Lock()
		w.shortened = append(w.shortened, fangtan.Skipped{ID: d.ID, File: d.File, Reason: note})
		w.mu.Unlock()
	}
	return skip
}

// run analyzes and inserts every document of src.
func (w *writer) run(ctx context.Context, tx pgx.Tx, src fangtan.Source) (fangtan.Stats, error) {
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	// Watching run's own context: a failed insert cancels it, and the
	// workers then stop preparing documents.
	ready, release := fangtan.Preparer(ctx, w.opts, w.build)
	defer release()
	in := make(chan fangtan.Sequenced, 4*w.opts.Workers)
	out := make(chan *articleRow, 4*w.opts.Workers)
	var wg sync.WaitGroup
	for range w.opts.Workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for sd := range in {
				if ctx.Err() != nil {
					continue
				}
				d := sd.Doc
				ready(&d, sd.Seq)
				r, err := w.db.rows(&d)
				if err != nil {
					w.skip(&d, err.Error())
					continue
				}
				select {
				case out <- r:
				case <-ctx.Done():
				}
			}
		}()
	}
	// The inserter: the transaction's connection serves one statement at
	// a time.
	insertDone := make(chan error, 1)
	go func() {
		var batch []*articleRow
		size := 0
		var err error
		for r := range out {
			if err != nil {
				continue // drain
			}
			batch = append(batch, r)
			size += 1 + len(r.quotes)
			if size >= w.opts.BatchSize {
				if err = w.db.insert(ctx, tx, batch); err != nil {
					cancel(err)
				}
				w.count(batch)
				batch, size = batch[:0], 0
			}
		}
		if err == nil && len(batch) > 0 && ctx.Err() == nil {
			if err = w.db.insert(ctx, tx, batch); err == nil {
				w.count(batch)
			}
		}
		insertDone <- err
	}()
	stopProgress := w.opts.Tick(func() fangtan.Progress { return w.progress(false) })
	seen := map[string]string{}
	seq := 0
	srcErr := src(ctx, func(d fangtan.Document) error {
		if reason := w.admit(&d, seen); reason != "" {
			w.skip(&d, reason)
			return nil
		}
		r, err := w.reprints.Check(&d)
		if err != nil {
			return fmt.Errorf("%s: reprint of: %w", d.ID, err)
		}
		if r != nil {
			w.reprinted = append(w.reprinted, *r)
			return nil
		}
		select {
		case in <- fangtan.Sequenced{Doc: d, Seq: seq}:
			seq++
			return nil
		case <-ctx.Done():
			return context.Cause(ctx)
		}
	})
	close(in)
	wg.Wait()
	close(out)
	insErr := <-insertDone
	stopProgress()
	err := insErr
	if err == nil {
		err = srcErr
	}
	if err == nil && ctx.Err() == nil {
		err = w.db.insertReprints(ctx, tx, w.reprinted)
	}
	if cause := context.Cause(ctx); cause != nil && (err == nil || errors.Is(err, context.Canceled)) {
		err = cause
	}
	report(w.opts, w.progress(false))
	p := w.progress(true)
	return fangtan.Stats{Documents: p.Documents, Quotes: p.Quotes, Bytes: p.Bytes, Elapsed: p.Elapsed,
		Skipped: w.skipped, Shortened: w.shortened, Reprints: len(w.reprinted)}, err
}

func (w *writer) count(batch []*articleRow) {
	for _, r := range batch {
		w.docs.Add(1)
		w.quotes.Add(int64(len(r.quotes)))
		w.bytes.Add(int64(len(r.body)))
	}
}

// sep joins the values of an array column for unnest: string_to_array
// splits them again. facetValues keeps it out of values.
const sep = "\x1e"

func joinArray(vs []string) string { return strings.Join(vs, sep) }

// insert writes a batch of rows with one INSERT … SELECT FROM unnest(…)
// per table: every value a parameter, tsvectors cast from their text.
func (db *DB) insert(ctx context.Context, tx pgx.Tx, batch []*articleRow) error {
	n := len(batch)
	a := make([][]*string, 17)
	for i := range a {
		a[i] = make([]*string, 0, n)
	}
	var p [5][]*string
	var q [18][]*string
	str := func(s string) *string { return &s }
	for _, r := range batch {
		vals := []*string{str(r.id), str(r.part), r.date, str(r.file), str(r.doc), str(r.title), str(r.body),
			str(r.titleNorm), str(r.norm), str(r.titleWords), str(r.words), str(r.titleBigrams),
			str(joinArray(r.facets)), str(joinArray(r.keys)), str(joinArray(r.posts)), str(r.print), str(r.titlePrint)}
		for i, v := range vals {
			a[i] = append(a[i], v)
		}
		for _, ps := range r.passages {
			for i, v := range []*string{str(r.id), str(r.part), str(strconv.Itoa(ps.seq)), str(ps.bigrams), str(strconv.FormatBool(ps.complete))} {
				p[i] = append(p[i], v)
			}
		}
		for _, qr := range r.quotes {
			for i, v := range []*string{str(r.id), str(r.part), str(strconv.Itoa(qr.n)), r.date, str(r.file), str(qr.text),
				str(qr.speaker), str(qr.speakerTitle), str(qr.kind), str(strconv.Itoa(qr.paragraph)), str(qr.hit),
				str(qr.norm), str(qr.words), str(qr.bigrams), str(strconv.FormatBool(qr.complete)),
				str(joinArray(qr.facets)), str(joinArray(qr.keys)), str(strconv.FormatFloat(qr.weight, 'g', -1, 64))} {
				q[i] = append(q[i], v)
			}
		}
	}
	if _, err := tx.Exec(ctx, db.sql(`INSERT INTO {s}.articles (id, part, date, file, doc, title, body, title_norm, norm,
			title_words, words, title_bigrams, facets, keys, posts, print, title_print)
		SELECT id, part::date, date::date, file, doc::jsonb, title, body, title_norm, norm,
			title_words::tsvector, words::tsvector, title_bigrams::tsvector,
			string_to_array(facets, chr(30)), string_to_array(keys, chr(30)), string_to_array(posts, chr(30)), print, title_print
		FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
			$9::text[], $10::text[], $11::text[], $12::text[], $13::text[], $14::text[], $15::text[], $16::text[], $17::text[])
			AS u(id, part, date, file, doc, title, body, title_norm, norm, title_words, words, title_bigrams, facets, keys, posts, print, title_print)`),
		a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7], a[8], a[9], a[10], a[11], a[12], a[13], a[14], a[15], a[16]); err != nil {
		return fmt.Errorf("insert articles %s…: %w", batch[0].id, err)
	}
	if len(p[0]) > 0 {
		if _, err := tx.Exec(ctx, db.sql(`INSERT INTO {s}.passages (article_id, part, seq, bigrams, complete)
			SELECT id, part::date, seq::int, bigrams::tsvector, complete::boolean
			FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[]) AS u(id, part, seq, bigrams, complete)`),
			p[0], p[1], p[2], p[3], p[4]); err != nil {
			return fmt.Errorf("insert passages of %s…: %w", batch[0].id, err)
		}
	}
	if len(q[0]) > 0 {
		if _, err := tx.Exec(ctx, db.sql(`INSERT INTO {s}.quotes (article_id, part, n, date, file, text, speaker, speaker_title,
				kind, paragraph, hit, norm, words, bigrams, complete, facets, keys, weight)
			SELECT id, part::date, n::int, date::date, file, text, speaker, speaker_title, kind, paragraph::int, hit::jsonb,
				norm, words::tsvector, bigrams::tsvector, complete::boolean,
				string_to_array(facets, chr(30)), string_to_array(keys, chr(30)), weight::real
			FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
				$9::text[], $10::text[], $11::text[], $12::text[], $13::text[], $14::text[], $15::text[], $16::text[], $17::text[], $18::text[])
				AS u(id, part, n, date, file, text, speaker, speaker_title, kind, paragraph, hit, norm, words, bigrams, complete, facets, keys, weight)`),
			q[0], q[1], q[2], q[3], q[4], q[5], q[6], q[7], q[8], q[9], q[10], q[11], q[12], q[13], q[14], q[15], q[16], q[17]); err != nil {
			return fmt.Errorf("insert quotes of %s…: %w", batch[0].id, err)
		}
	}
	return nil
}

// deleteArticles deletes the articles with the given ids or from the
// given files, with their passages and quotes, returning their ids.
func (db *DB) deleteArticles(ctx context.Context, tx pgx.Tx, ids, files []string) ([]string, error) {
	rows, err := tx.Query(ctx, db.sql(`WITH gone AS (
			DELETE FROM {s}.articles WHERE id = ANY($1::text[]) OR (file <> '' AND file = ANY($2::text[])) RETURNING id, part),
		p AS (DELETE FROM {s}.passages p USING gone WHERE p.article_id = gone.id AND p.part = gone.part),
		q AS (DELETE FROM {s}.quotes q USING gone WHERE q.article_id = gone.id AND q.part = gone.part)
		SELECT id FROM gone`), ids, files)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, pgx.RowTo[string])
}

// articleIDs returns the ids of the articles with the given ids or from
// the given files.
func (db *DB) articleIDs(ctx context.Context, tx pgx.Tx, ids, files []string) ([]string, error) {
	rows, err := tx.Query(ctx, db.sql(`SELECT id FROM {s}.articles WHERE id = ANY($1::text[]) OR (file <> '' AND file = ANY($2::text[])) ORDER BY id`), ids, files)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, pgx.RowTo[string])
}

// deleteReprints deletes the reprints with the given ids or from the given
// files, returning their ids.
func (db *DB) deleteReprints(ctx context.Context, tx pgx.Tx, ids, files []string) (map[string]bool, error) {
	rows, err := tx.Query(ctx, db.sql(`DELETE FROM {s}.reprints WHERE id = ANY($1::text[]) OR (file <> '' AND file = ANY($2::text[])) RETURNING id`), ids, files)
	if err != nil {
		return nil, err
	}
	gone, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		return nil, err
	}
	out := make(map[string]bool, len(gone))
	for _, id := range gone {
		out[id] = true
	}
	return out, nil
}

// Add implements fangtan.Indexer. The whole add is one transaction: it
// deletes every article it replaces (same id, or from the same file, with
// their quotes), inserts the new ones, brings their officials into the
// registry and applies the names new to it to the whole index, then
// commits; readers see the index before or after, never between, and a
// killed add changes nothing. Adds and deletes take turns (an advisory
// lock), in this process or another.
func (db *DB) Add(ctx context.Context, docs []fangtan.Document, opts fangtan.BuildOptions) (fangtan.Stats, error) {
	stats, err := db.add(ctx, docs, opts)
	if err != nil {
		return stats, db.wrap("add", err)
	}
	report(opts, fangtan.Progress{Documents: stats.Documents, Quotes: stats.Quotes, Bytes: stats.Bytes, Elapsed: stats.Elapsed, Done: true, Stage: fangtan.StageIndex})
	return stats, nil
}

func (db *DB) add(ctx context.Context, docs []fangtan.Document, opts fangtan.BuildOptions) (fangtan.Stats, error) {
	start := time.Now()
	if err := db.check(ctx); err != nil {
		return fangtan.Stats{}, err
	}
	tx, err := db.pool.BeginTx(ctx, pgx.TxOptions{})
	if err != nil {
		return fangtan.Stats{}, err
	}
	defer tx.Rollback(context.WithoutCancel(ctx))
	if err := db.lock(ctx, tx, lockWrite); err != nil {
		return fangtan.Stats{}, err
	}
	var reg, added *fangtan.Registry
	known := map[string]bool{}
	if opts.Registry != nil {
		if reg, err = db.loadRegistry(ctx, tx); err != nil {
			return fangtan.Stats{}, err
		}
		for _, n := range reg.Names() {
			known[n] = true
		}
		switch {
		case opts.Known != nil:
			opts.Known(reg)
		case opts.Enrich != nil:
			prepare, names := opts.Prepare, reg.Names()
			opts.Prepare = func(d *fangtan.Document) {
				if prepare != nil {
					prepare(d)
				}
				opts.Enrich(d, reg, names)
			}
		}
		added = fangtan.NewRegistry()
		opts.Registry = added
	}
	// Every document's id and file is known before the first insert: the
	// replaced articles are deleted first, so that the add never deletes
	// what it wrote itself (a file of several articles).
	var ids, files []string
	for _, d := range docs {
		ids = append(ids, d.ID)
		if d.File != "" {
			files = append(files, d.File)
		}
	}
	// An article this add deletes without writing it again leaves its
	// first reprint the article, as a delete does: read it before.
	incoming := make(map[string]bool, len(ids))
	for _, id := range ids {
		incoming[id] = true
	}
	replaced, err := db.articleIDs(ctx, tx, ids, files)
	if err != nil {
		return fangtan.Stats{}, err
	}
	reprinted, err := db.reprintsOf(ctx, tx, replaced)
	if err != nil {
		return fangtan.Stats{}, err
	}
	var orphaning []*fangtan.Document
	for _, id := range replaced {
		if incoming[id] || len(reprinted[id]) == 0 {
			continue
		}
		d, err := db.loadDocument(ctx, tx, id)
		if err != nil {
			return fangtan.Stats{}, err
		}
		orphaning = append(orphaning, d)
	}
	if _, err := db.deleteArticles(ctx, tx, ids, files); err != nil {
		return fangtan.Stats{}, err
	}
	gone, err := db.deleteReprints(ctx, tx, ids, files)
	if err != nil {
		return fangtan.Stats{}, err
	}
	for _, id := range replaced {
		gone[id] = true
	}
	for _, d := range orphaning {
		if err := db.promote(ctx, tx, d, gone, opts.Prepare); err != nil {
			return fangtan.Stats{}, err
		}
	}
	printed, err := db.printed(ctx, tx, docs)
	if err != nil {
		return fangtan.Stats{}, err
	}
	w := newWriter(db, opts, start)
	w.reprints.Indexed = func(p, tp string) ([]fangtan.Printed, error) { return printed.lookup(p, tp), nil }
	stats, err := w.run(ctx, tx, fangtan.DocumentsSource(docs))
	if err == nil {
		err = db.demote(ctx, tx, w.reprints.Demotions(), &stats, added, reg)
	}
	if err != nil {
		return stats, err
	}
	if added != nil {
		reg.SetAliases(opts.Registry.AliasesOr(reg))
		reg.Merge(added)
		var fresh []string
		for _, n := range added.Names() {
			if !known[n] {
				fresh = append(fresh, n)
			}
		}
		report(opts, fangtan.Progress{Stage: fangtan.StageRegistry, Elapsed: time.Since(start)})
		if err := db.applyAndSaveRegistry(ctx, tx, reg, fresh, opts, &stats); err != nil {
			return stats, err
		}
	}
	if err := db.setMeta(ctx, tx, map[string]string{"generation": newGeneration()}); err != nil {
		return stats, err
	}
	if err := tx.Commit(ctx); err != nil {
		return stats, err
	}
	stats.Elapsed = time.Since(start)
	return stats, nil
}

// Delete implements fangtan.Indexer: articles with their quotes, or single
// quotes (DOC#qN), in one transaction.
func (db *DB) Delete(ctx context.Context, ids []string, opts fangtan.BuildOptions) (int, error) {
	if err := db.check(ctx); err != nil {
		return 0, err
	}
	tx, err := db.pool.BeginTx(ctx, pgx.TxOptions{})
	if err != nil {
		return 0, db.wrap("delete", err)
	}
	defer tx.Rollback(context.WithoutCancel(ctx))
	if err := db.lock(ctx, tx, lockWrite); err != nil {
		return 0, db.wrap("delete", err)
	}
	deleted := 0
	var missing []string
	var orphaning []*fangtan.Document
	for _, id := range ids {
		if doc, n, ok := splitQuoteID(id); ok {
			tag, err := tx.Exec(ctx, db.sql(`DELETE FROM {s}.quotes WHERE article_id = $1 AND n = $2`), doc, n)
			if err != nil {
				return 0, db.wrap("delete", err)
			}
			if tag.RowsAffected() == 0 {
				missing = append(missing, id)
				continue
			}
			deleted++
			continue
		}
		d, err := db.loadDocument(ctx, tx, id)
		if errors.Is(err, fangtan.ErrNotFound) {
			// A reprint, or nothing.
			gone, err := db.deleteReprints(ctx, tx, []string{id}, nil)
			if err != nil {
				return 0, db.wrap("delete", err)
			}
			if len(gone) == 0 {
				missing = append(missing, id)
				continue
			}
			deleted++
			continue
		}
		if err != nil {
			return 0, db.wrap("delete", err)
		}
		if _, err := db.deleteArticles(ctx, tx, []string{id}, nil); err != nil {
			return 0, db.wrap("delete", err)
		}
		orphaning = append(orphaning, d)
		deleted++
	}
	// The first reprint of a deleted article takes its place; a reprint
	// deleted in the same call does not.
	gone := make(map[string]bool, len(ids))
	for _, id := range ids {
		gone[id] = true
	}
	if len(orphaning) > 0 && opts.Prepare != nil && opts.Known != nil {
		reg, err := db.loadRegistry(ctx, tx)
		if err != nil {
			return 0, db.wrap("delete", err)
		}
		opts.Known(reg)
	}
	for _, d := range orphaning {
		if err := db.promote(ctx, tx, d, gone, opts.Prepare); err != nil {
			return 0, db.wrap("delete", err)
		}
	}
	if err := db.setMeta(ctx, tx, map[string]string{"generation": newGeneration()}); err != nil {
		return 0, db.wrap("delete", err)
	}
	if err := tx.Commit(ctx); err != nil {
		return 0, db.wrap("delete", err)
	}
	if len(missing) > 0 {
		return deleted, fmt.Errorf("postgres %s: delete %q: %w", db, missing, fangtan.ErrNotFound)
	}
	return deleted, nil
}

// splitQuoteID splits "DOC#q3" into DOC and 3.
func splitQuoteID(id string) (string, int, bool) {
	i := strings.LastIndex(id, "#q")
	if i < 0 {
		return "", 0, false
	}
	n, err := strconv.Atoi(id[i+2:])
	if err != nil || n < 0 {
		return "", 0, false
	}
	return id[:i], n, true
}

// loadRegistry reads the registry tables.
func (db *DB) loadRegistry(ctx context.Context, q querier) (*fangtan.Registry, error) {
	reg := fangtan.NewRegistry()
	rows, err := q.Query(ctx, db.sql(`SELECT name, country, posts, articles, post_months FROM {s}.registry`))
	if err != nil {
		return nil, fmt.Errorf("registry: %w", err)
	}
	for rows.Next() {
		var o fangtan.RegisteredOfficial
		var posts, months []byte
		if err := rows.Scan(&o.Name, &o.Country, &posts, &o.Articles, &months); err != nil {
			rows.Close()
			return nil, fmt.Errorf("registry: %w", err)
		}
		if err := json.Unmarshal(posts, &o.Posts); err != nil {
			rows.Close()
			return nil, fmt.Errorf("registry: official %q: %w", o.Name, err)
		}
		if err := json.Unmarshal(months, &o.PostDates); err != nil {
			rows.Close()
			return nil, fmt.Errorf("registry: official %q: %w", o.Name, err)
		}
		if len(o.PostDates) == 0 {
			o.PostDates = nil
		}
		reg.Put(o)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("registry: %w", err)
	}
	rows, err = q.Query(ctx, db.sql(`SELECT alias, name FROM {s}.registry_aliases`))
	if err != nil {
		return nil, fmt.Errorf("registry: %w", err)
	}
	aliases := map[string]string{}
	for rows.Next() {
		var a, n string
		if err := rows.Scan(&a, &n); err != nil {
			rows.Close()
			return nil, fmt.Errorf("registry: %w", err)
		}
		aliases[a] = n
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("registry: %w", err)
	}
	reg.SetAliases(aliases)
	return reg, nil
}

// saveRegistry replaces the registry tables' rows with reg.
func (db *DB) saveRegistry(ctx context.Context, tx pgx.Tx, reg *fangtan.Registry) error {
	if _, err := tx.Exec(ctx, db.sql(`DELETE FROM {s}.registry`)); err != nil {
		return err
	}
	if _, err := tx.Exec(ctx, db.sql(`DELETE FROM {s}.registry_aliases`)); err != nil {
		return err
	}
	var names, countries, posts, months []string
	var articles []int32
	for _, n := range reg.Names() {
		o, _ := reg.Lookup(n)
		js, err := json.Marshal(o.Posts)
		if err != nil {
			return err
		}
		pm := o.PostDates
		if pm == nil {
			pm = map[string]map[string]int{}
		}
		mjs, err := json.Marshal(pm)
		if err != nil {
			return err
		}
		names, countries, posts, articles = append(names, n), append(countries, o.Country), append(posts, string(js)), append(articles, int32(o.Articles))
		months = append(months, string(mjs))
	}
	if _, err := tx.Exec(ctx, db.sql(`INSERT INTO {s}.registry (name, country, posts, articles, post_months)
		SELECT n, c, p::jsonb, a, m::jsonb FROM unnest($1::text[], $2::text[], $3::text[], $4::int[], $5::text[]) AS u(n, c, p, a, m)`),
		names, countries, posts, articles, months); err != nil {
		return fmt.Errorf("registry: %w", err)
	}
	var aliases, targets []string
	for a, n := range reg.AliasesOr(nil) {
		aliases, targets = append(aliases, a), append(targets, n)
	}
	if _, err := tx.Exec(ctx, db.sql(`INSERT INTO {s}.registry_aliases (alias, name)
		SELECT a, n FROM unnest($1::text[], $2::text[]) AS u(a, n)`), aliases, targets); err != nil {
		return fmt.Errorf("registry: %w", err)
	}
	return nil
}

// applyAndSaveRegistry gives every article that names one of names
// without listing them that official (fangtan.Registry), as the bleve
// index does: for each name, the articles whose title or text holds it as
// an exact substring and whose officials lack it (or, for the names
// Recheck gives, whether they lack it or not) are handed to Enrich, and
// those it changes are written again. Then the registry is saved.
func (db *DB) applyAndSaveRegistry(ctx context.Context, tx pgx.Tx, reg *fangtan.Registry, names []string, opts fangtan.BuildOptions, stats *fangtan.Stats) error {
	start := time.Now()
	defer func() {
		stats.RegistryElapsed = time.Since(start)
		stats.Elapsed += stats.RegistryElapsed
	}()
	stats.RegistryOfficials = len(names)
	names, recheck := opts.RegistryNames(reg, names)
	if opts.Enrich != nil && len(names) > 0 {
		n, err := db.applyRegistry(ctx, tx, reg, names, recheck, opts, stats.Elapsed, start)
		if err != nil {
			return fmt.Errorf("registry: %w", err)
		}
		stats.RegistryArticles = n
	}
	return db.saveRegistry(ctx, tx, reg)
}

// registryBatch is how many names' searches go to the server at once.
const registryBatch = 200

func (db *DB) applyRegistry(ctx context.Context, tx pgx.Tx, reg *fangtan.Registry, names []string, recheck map[string]bool, opts fangtan.BuildOptions, before time.Duration, start time.Time) (int, error) {
	found := map[string][]string{} // article id → names it holds
	var order []string
	for i := 0; i < len(names); i += registryBatch {
		if err := ctx.Err(); err != nil {
			return 0, err
		}
		report(opts, fangtan.Progress{Stage: fangtan.StageRegistry, Step: i, Steps: len(names), Elapsed: before + time.Since(start)})
		chunk := names[i:min(i+registryBatch, len(names))]
		b := &pgx.Batch{}
		var asked []string
		for _, name := range chunk {
			ph, ok := newPhrase(name)
			if !ok {
				continue
			}
			var args args
			cond := idsIn("a", []string{db.phraseTextIDs(&args, ph), db.phraseTitleIDs(&args, ph)})
			if !recheck[name] {
				key := args.add(query.ProfilePerson + facetSep + name)
				cond = `NOT a.keys @> ARRAY[` + key + `::text] AND ` + cond
			}
			b.Queue(db.sql(`SELECT a.id FROM {s}.articles a WHERE `+cond), args...)
			asked = append(asked, name)
		}
		res := tx.SendBatch(ctx, b)
		for _, name := range asked {
			rows, err := res.Query()
			if err != nil {
				res.Close()
				return 0, err
			}
			ids, err := pgx.CollectRows(rows, pgx.RowTo[string])
			if err != nil {
				res.Close()
				return 0, err
			}
			for _, id := range ids {
				if found[id] == nil {
					order = append(order, id)
				}
				found[id] = append(found[id], name)
			}
		}
		if err := res.Close(); err != nil {
			return 0, err
		}
	}
	report(opts, fangtan.Progress{Stage: fangtan.StageRegistry, Step: len(names), Steps: len(names), Elapsed: before + time.Since(start)})
	var changed []*articleRow
	var changedIDs []string
	for _, id := range order {
		d, err := db.loadDocument(ctx, tx, id)
		if err != nil {
			return 0, err
		}
		if !opts.Enrich(d, reg, found[id]) {
			continue
		}
		r, err := db.rows(d)
		if err != nil {
			return 0, fmt.Errorf("%s: %w", id, err)
		}
		changed, changedIDs = append(changed, r), append(changedIDs, id)
	}
	for i := 0; i < len(changed); i += 500 {
		j := min(i+500, len(changed))
		if _, err := db.deleteArticles(ctx, tx, changedIDs[i:j], nil); err != nil {
			return 0, err
		}
		if err := db.insert(ctx, tx, changed[i:j]); err != nil {
			return 0, err
		}
	}
	return len(changed), nil
}
