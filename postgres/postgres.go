// Package postgres is fangtan's PostgreSQL backend: *DB implements
// fangtan.Searcher and fangtan.Indexer over tables in one schema of a
// PostgreSQL database, so that an archive can live on a server a newsroom
// already runs, with its replicas and partitions.
//
// Analysis stays in Go, with the bleve index's analyzers (package
// analyzer): each text is stored with a tsvector of its jieba words (for
// ranking, with ts_rank) and tsvectors of its character bigrams (for
// quoted phrases, a <-> chain of bigrams, checked with strpos against the
// folded text), both built in Go as tsvector text and cast in SQL.
// PostgreSQL's own parsers and dictionaries are never used. Facets are
// counted in SQL over arrays of values; highlighting is done in Go from
// the stored text. The DDL is schema.sql and indexes.sql (embedded), which
// say how a partitioned or Citus variant is declared.
package postgres

import (
	"context"
	_ "embed"
	"errors"
	"fmt"
	"net/url"
	"regexp"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"

	"fangtan"
	"fangtan/analyzer"
)

// SchemaSQL creates the tables and IndexesSQL their indexes, with
// search_path set to the schema they go into.
var (
	//go:embed schema.sql
	SchemaSQL string
	//go:embed indexes.sql
	IndexesSQL string
)

// formatVersion is recorded in meta; Open refuses other versions. pg2:
// Fold folds the variant characters of analyzer/variants.txt, so rows
// written before hold other terms. pg3: the registry keeps its posts by
// month (RegisteredOfficial.PostDates; by day since 2026-12-05, in the
// same column, which reads either). pg4: reprints are folded into
// the article they reprint (the reprints table, articles.print), and
// quotes carry their weight (quotes.weight). pg5: versions are folded as
// reprints (articles.title_print).
const formatVersion = "pg5"

// DefaultSchema is the schema the live index lives in.
const DefaultSchema = "fangtan"

// Options configure a DB.
type Options struct {
	// Schema is the schema the index lives in (default "fangtan"):
	// lower-case letters, digits and underscores, at most 40.
	Schema string
	// MaxConns caps the pool's connections (default: pgxpool's, the
	// larger of 4 and the number of CPUs).
	MaxConns int32
}

// DB is a fangtan index in a PostgreSQL database. It is safe for
// concurrent use: searches run while documents are added or deleted, in
// this process or another.
type DB struct {
	pool     *pgxpool.Pool
	schema   string // validated: safe to put into SQL
	dsn      string // redacted
	password string // scrubbed from every error
	word     *analyzer.WordTokenizer

	// isSharded: the schema's tables are partitions on shards (shard.go),
	// which some conditions are written differently for.
	isSharded atomic.Bool

	mu      sync.Mutex
	cache   *readCache // registry and suggestions of one generation
	checked time.Time  // when the generation was last read

	counts genCache[counts] // totals and facet counts of recent searches
	ranks  genCache[ranked] // the first rows of recent searches' orders
	// reprintsByArticle holds every reprint of the schema, by article,
	// under the key "" (pageReprints).
	reprintsByArticle genCache[map[string][]fangtan.Reprint]
}

var _ fangtan.Searcher = (*DB)(nil)
var _ fangtan.Indexer = (*DB)(nil)

var schemaName = regexp.MustCompile(`^[a-z_][a-z0-9_]{0,39}$`)

// Connect connects to the database of dsn (a postgres:// URL or key=value
// string) without looking for an index in it: Build makes one. Search and
// the other readers need Open.
func Connect(ctx context.Context, dsn string, opts Options) (*DB, error) {
	if opts.Schema == "" {
		opts.Schema = DefaultSchema
	}
	if !schemaName.MatchString(opts.Schema) {
		return nil, fmt.Errorf("postgres: schema %q: use lower-case letters, digits and underscores (at most 40)", opts.Schema)
	}
	red := redactDSN(dsn)
	cfg, err := pgxpool.ParseConfig(dsn)
	if err != nil {
		// pgconn's message redacts the password; the DSN is not repeated.
		return nil, fmt.Errorf("postgres: DSN %s: %s", red, scrub(err.Error(), passwordOf(dsn)))
	}
	if opts.MaxConns > 0 {
		cfg.MaxConns = opts.MaxConns
	}
	seg, err := analyzer.Default()
	if err != nil {
		return nil, fmt.Errorf("postgres: open dictionaries: %w", err)
	}
	db := &DB{schema: opts.Schema, dsn: red, password: cfg.ConnConfig.Password,
		word: &analyzer.WordTokenizer{Segmenter: seg}}
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, db.wrap("connect", err)
	}
	if err := pool.Ping(ctx); err != nil {
		pool.Close()
		return nil, db.wrap("connect", err)
	}
	db.pool = pool
	return db, nil
}

// Open connects to dsn and checks that its schema holds a fangtan index
// built by this version with the dictionaries this process has.
func Open(ctx context.Context, dsn string, opts Options) (*DB, error) {
	db, err := Connect(ctx, dsn, opts)
	if err != nil {
		return nil, err
	}
	if err := db.check(ctx); err != nil {
		db.Close()
		return nil, err
	}
	return db, nil
}

// inSchema is db writing into another schema (a build's new one).
func (db *DB) inSchema(schema string) *DB {
	nb := &DB{pool: db.pool, schema: schema, dsn: db.dsn, password: db.password, word: db.word}
	nb.isSharded.Store(db.isSharded.Load())
	return nb
}

// Close releases the pool.
func (db *DB) Close() error {
	db.pool.Close()
	return nil
}

// String names the index for messages: the redacted DSN and the schema.
func (db *DB) String() string { return fmt.Sprintf("%s (schema %s)", db.dsn, db.schema) }

// sql puts the schema's quoted name into a statement: "{s}.articles".
func (db *DB) sql(stmt string) string {
	return strings.ReplaceAll(stmt, "{s}.", pgx.Identifier{db.schema}.Sanitize()+".")
}

// check reads the meta table: the format version and the dictionaries.
func (db *DB) check(ctx context.Context) error {
	meta := map[string]string{}
	rows, err := db.pool.Query(ctx, db.sql(`SELECT key, value FROM {s}.meta`))
	if err == nil {
		for rows.Next() {
			var k, v string
			if err = rows.Scan(&k, &v); err != nil {
				break
			}
			meta[k] = v
		}
		rows.Close()
		if err == nil {
			err = rows.Err()
		}
	}
	var pgErr *pgconn.PgError
	if errors.As(err, &pgErr) && (pgErr.Code == "42P01" || pgErr.Code == "3F000") { // undefined table or schema
		return fmt.Errorf("postgres %s: no fangtan index here; build one with 'fangtan index --backend postgres --dsn …'", db)
	}
	if err != nil {
		return db.wrap("open", err)
	}
	if v := meta["format"]; v != formatVersion {
		return fmt.Errorf("postgres %s: built by another version of fangtan (format %q, this one reads %q); rebuild it with 'fangtan index --backend postgres'", db, v, formatVersion)
	}
	db.isSharded.Store(strings.HasPrefix(meta["layout"], "sharded"))
	return checkDictionaries(db.String(), meta["dictionaries"], db.dictionaries())
}

// wrap gives err the index's name and the operation, with the password
// scrubbed; a cancelled or timed-out context becomes ErrUnavailable.
func (db *DB) wrap(op string, err error) error {
	if err == nil {
		return nil
	}
	var me *fangtan.MessageError
	if errors.As(err, &me) || errors.Is(err, fangtan.ErrNotFound) || errors.Is(err, fangtan.ErrNoDocuments) {
		return err
	}
	msg := scrub(err.Error(), db.password)
	if isConnError(err) {
		return &scrubbedError{msg: fmt.Sprintf("postgres %s: %s: %s", db, op, msg),
			kind: &fangtan.UnavailableError{Part: unavailablePart(err), Err: fangtan.ErrUnavailable}, cause: err}
	}
	if errors.Is(err, context.DeadlineExceeded) || errors.Is(err, context.Canceled) {
		return &scrubbedError{msg: fmt.Sprintf("postgres %s: %s: %s", db, op, msg), kind: fangtan.ErrUnavailable, cause: err}
	}
	return &scrubbedError{msg: fmt.Sprintf("postgres %s: %s: %s", db, op, msg), cause: err}
}

// scrubbedError carries a message with the password removed, while
// errors.Is still sees the cause (a cancelled context) and the sentinel.
type scrubbedError struct {
	msg   string
	kind  error
	cause error
}

func (e *scrubbedError) Error() string { return e.msg }
func (e *scrubbedError) Unwrap() []error {
	if e.kind != nil {
		return []error{e.kind, e.cause}
	}
	return []error{e.cause}
}

// isConnError tells a server that is down or unreachable, which a user
// may retry, from a failing statement.
func isConnError(err error) bool {
	var ce *pgconn.ConnectError
	if errors.As(err, &ce) {
		return true
	}
	var pgErr *pgconn.PgError
	if errors.As(err, &pgErr) {
		// 08: connection exception; 57P: operator intervention (shutdown);
		// 53300: too many connections.
		return strings.HasPrefix(pgErr.Code, "08") || strings.HasPrefix(pgErr.Code, "57P") || pgErr.Code == "53300"
	}
	return pgconn.SafeToRetry(err)
}

var fdwServer = regexp.MustCompile(`^could not connect to server "([^"]+)"`)

// unavailablePart names, for a user, what a connection error could not
// reach: a shard (postgres_fdw names its foreign server; a query cut off
// on a shard says "remote SQL command") or the database server itself.
// It holds no address and no password.
func unavailablePart(err error) string {
	var pgErr *pgconn.PgError
	if errors.As(err, &pgErr) {
		if m := fdwServer.FindStringSubmatch(pgErr.Message); m != nil {
			return fmt.Sprintf("shard server %q", m[1])
		}
		if strings.Contains(pgErr.Where, "remote SQL command") {
			return "a shard server"
		}
	}
	return "the PostgreSQL server"
}

func scrub(s, password string) string {
	if password == "" {
		return s
	}
	s = strings.ReplaceAll(s, password, "xxxxx")
	if esc := url.QueryEscape(password); esc != password {
		s = strings.ReplaceAll(s, esc, "xxxxx")
	}
	if esc := url.PathEscape(password); esc != password {
		s = strings.ReplaceAll(s, esc, "xxxxx")
	}
	return s
}

var (
	kvPassword  = regexp.MustCompile(`(?i)(password\s*=\s*)('(?:[^'\\]|\\.)*'|\S+)`)
	urlPassword = regexp.MustCompile(`^([a-z]+://[^:/@]*:)([^@]*)@`)
)

// redactDSN is dsn with its password replaced by xxxxx.
func redactDSN(dsn string) string {
	if u, err := url.Parse(dsn); err == nil && (u.Scheme == "postgres" || u.Scheme == "postgresql") {
		q := u.Query()
		if q.Has("password") {
			q.Set("password", "xxxxx")
			u.RawQuery = q.Encode()
		}
		return u.Redacted()
	}
	dsn = urlPassword.ReplaceAllString(dsn, "${1}xxxxx@")
	return kvPassword.ReplaceAllString(dsn, "${1}xxxxx")
}

// passwordOf finds the password in a DSN that does not parse, to scrub it.
func passwordOf(dsn string) string {
	if u, err := url.Parse(dsn); err == nil && u.User != nil {
		p, _ := u.User.Password()
		return p
	}
	if m := urlPassword.FindStringSubmatch(dsn); m != nil {
		if p, err := url.PathUnescape(m[2]); err == nil {
			return p
		}
		return m[2]
	}
	if m := kvPassword.FindStringSubmatch(dsn); m != nil {
		return strings.Trim(m[2], "'")
	}
	return ""
}
