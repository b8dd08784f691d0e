package postgres

import (
	"context"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
)

// A sharded layout (docs/scale.md): on the coordinator, articles, passages
// and quotes are tables partitioned by range of `part` (the article's date),
// each partition a postgres_fdw foreign table on a shard server, so that
// an article, its passages and its quotes live on one shard and the
// search's WHERE clauses run there; meta and the registry stay on the
// coordinator. The coordinator's DB is an ordinary DB: Search, Add and
// Delete run the same SQL, and PostgreSQL routes inserted rows to the
// shards and the scans' conditions to them.

// ShardSpec is one shard of a sharded layout.
type ShardSpec struct {
	// Server is the foreign server's name on the coordinator (CREATE SERVER
	// … FOREIGN DATA WRAPPER postgres_fdw, with a user mapping): lower-case
	// letters, digits and underscores.
	Server string
	// DSN connects to the shard's database directly, to create its tables
	// (postgres_fdw runs no DDL on the remote side). It must be the
	// database the foreign server names.
	DSN string
	// From and To bound the articles' dates the shard holds (YYYY-MM-DD,
	// From inclusive, To exclusive); "" is unbounded. Undated articles have
	// part 0001-01-01, so the shard with From "" holds them.
	From, To string
}

var (
	serverName = regexp.MustCompile(`^[a-z_][a-z0-9_]{0,39}$`)
	isoDate    = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)
)

// shardedTables are the tables partitioned over the shards.
var shardedTables = []string{"articles", "passages", "quotes"}

// CreateSharded creates an empty sharded fangtan index: on each shard the
// backend's tables (schema.sql, with its primary keys and indexes.sql's
// GIN indexes) in schema opts.Schema, and on the coordinator the same
// schema with meta and the registry, and articles, passages and quotes
// partitioned by date over foreign tables on the shards. The shards' date
// ranges must not overlap; a date no range holds is refused on insert.
// Fill it with Build or Add through the coordinator (Build replaces the
// rows in place there: see buildInPlace).
func CreateSharded(ctx context.Context, coordinatorDSN string, opts Options, shards []ShardSpec) error {
	if len(shards) == 0 {
		return fmt.Errorf("postgres: sharded layout: no shards given")
	}
	for i, sh := range shards {
		if !serverName.MatchString(sh.Server) {
			return fmt.Errorf("postgres: sharded layout: shard %d: server name %q: use lower-case letters, digits and underscores", i+1, sh.Server)
		}
		for _, d := range []string{sh.From, sh.To} {
			if _, err := time.Parse(time.DateOnly, d); d != "" && (err != nil || !isoDate.MatchString(d)) {
				return fmt.Errorf("postgres: sharded layout: shard %s: date %q: use YYYY-MM-DD, or nothing for no bound", sh.Server, d)
			}
		}
	}
	coord, err := Connect(ctx, coordinatorDSN, opts)
	if err != nil {
		return err
	}
	defer coord.Close()
	for _, sh := range shards {
		if err := createShard(ctx, sh, opts); err != nil {
			return err
		}
	}
	if err := coord.createCoordinator(ctx, shards); err != nil {
		return coord.wrap("create the sharded layout", err)
	}
	return nil
}

// createShard creates the tables of one shard, with their keys and
// indexes, and nothing else: meta and the registry live on the
// coordinator, and a shard is not an index Open would accept.
func createShard(ctx context.Context, sh ShardSpec, opts Options) error {
	db, err := Connect(ctx, sh.DSN, opts)
	if err != nil {
		return fmt.Errorf("postgres: shard %s: %w", sh.Server, err)
	}
	defer db.Close()
	err = pgx.BeginFunc(ctx, db.pool, func(tx pgx.Tx) error {
		ident := pgx.Identifier{db.schema}.Sanitize()
		if _, err := tx.Exec(ctx, "CREATE SCHEMA "+ident); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, "SET LOCAL search_path TO "+ident); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, SchemaSQL); err != nil {
			return fmt.Errorf("create tables: %w", err)
		}
		if _, err := tx.Exec(ctx, IndexesSQL); err != nil {
			return fmt.Errorf("create indexes: %w", err)
		}
		_, err := tx.Exec(ctx, "DROP TABLE meta, registry, registry_aliases")
		return err
	})
	if err != nil {
		return fmt.Errorf("postgres: shard %s: %w", sh.Server, db.wrap("create tables", err))
	}
	return nil
}

func rangeBound(d, unbounded string) string {
	if d == "" {
		return unbounded
	}
	return "'" + d + "'" // checked: YYYY-MM-DD
}

// createCoordinator creates the coordinator's schema in one transaction.
// The partitioned tables are made LIKE schema.sql's (so their columns and
// defaults are the backend's own) without its primary keys: PostgreSQL
// cannot hold a unique index over foreign partitions; the shards' tables
// have them.
func (db *DB) createCoordinator(ctx context.Context, shards []ShardSpec) error {
	return pgx.BeginFunc(ctx, db.pool, func(tx pgx.Tx) error {
		ident := pgx.Identifier{db.schema}.Sanitize()
		if _, err := tx.Exec(ctx, "CREATE SCHEMA "+ident); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, "SET LOCAL search_path TO "+ident); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, SchemaSQL); err != nil {
			return fmt.Errorf("create tables: %w", err)
		}
		var layout []string
		for _, t := range shardedTables {
			stmt := fmt.Sprintf(`ALTER TABLE %[1]s RENAME TO %[1]s_template;
				CREATE TABLE %[1]s (LIKE %[1]s_template INCLUDING DEFAULTS) PARTITION BY RANGE (part);
				DROP TABLE %[1]s_template`, t)
			if _, err := tx.Exec(ctx, stmt); err != nil {
				return fmt.Errorf("partition %s: %w", t, err)
			}
			for _, sh := range shards {
				// batch_size: rows routed to a shard go in batches, not one
				// round trip each.
				stmt := fmt.Sprintf(`CREATE FOREIGN TABLE %s PARTITION OF %s FOR VALUES FROM (%s) TO (%s)
					SERVER %s OPTIONS (schema_name %s, table_name %s, batch_size '500')`,
					pgx.Identifier{t + "_" + sh.Server}.Sanitize(), t,
					rangeBound(sh.From, "MINVALUE"), rangeBound(sh.To, "MAXVALUE"),
					pgx.Identifier{sh.Server}.Sanitize(), quoteLiteral(db.schema), quoteLiteral(t))
				if _, err := tx.Exec(ctx, stmt); err != nil {
					return fmt.Errorf("partition %s on %s: %w", t, sh.Server, err)
				}
			}
		}
		for _, sh := range shards {
			layout = append(layout, fmt.Sprintf("%s:%s..%s", sh.Server, sh.From, sh.To))
		}
		// The tables' partitions match one to one, so joins and counts can
		// run per shard (pushed down whole) when the planner is allowed to:
		// for every later session on this database.
		var dbName string
		if err := tx.QueryRow(ctx, `SELECT current_database()`).Scan(&dbName); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, "ALTER DATABASE "+pgx.Identifier{dbName}.Sanitize()+
			" SET enable_partitionwise_join = on"); err != nil {
			return fmt.Errorf("partitionwise joins: %w", err)
		}
		if _, err := tx.Exec(ctx, "ALTER DATABASE "+pgx.Identifier{dbName}.Sanitize()+
			" SET enable_partitionwise_aggregate = on"); err != nil {
			return fmt.Errorf("partitionwise aggregates: %w", err)
		}
		return db.setMeta(ctx, tx, map[string]string{
			"format": formatVersion, "dictionaries": string(db.dictionaries().Encode()),
			"built": time.Now().UTC().Format(time.RFC3339), "generation": newGeneration(),
			"layout": "sharded " + strings.Join(layout, " "),
		})
	})
}

// quoteLiteral quotes s for DDL, which takes no parameters
// (standard_conforming_strings is on: only ' doubles).
func quoteLiteral(s string) string { return "'" + strings.ReplaceAll(s, "'", "''") + "'" }

// sharded says whether the live schema's articles table is partitioned
// (a sharded layout), which a rebuild cannot replace by a schema switch.
func (db *DB) sharded(ctx context.Context, tx pgx.Tx) (bool, error) {
	var yes bool
	err := tx.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM pg_partitioned_table pt
		JOIN pg_class c ON c.oid = pt.partrelid JOIN pg_namespace n ON n.oid = c.relnamespace
		WHERE n.nspname = $1 AND c.relname = 'articles')`, db.schema).Scan(&yes)
	return yes, err
}

// clearInPlace is a sharded rebuild's start: the schema switch would need
// a new schema on every shard and a rename on each, which postgres_fdw
// cannot do in the coordinator's transaction, so the rebuild deletes the
// rows and inserts the new ones in that one transaction instead. Readers
// keep seeing the previous rows until it commits (DELETE, not TRUNCATE,
// which would block them for the whole build); a failed or killed rebuild
// is rolled back on every shard. Not atomic across shards at the commit
// itself (postgres_fdw commits each shard in turn, without two-phase
// commit), and the deleted rows are dead tuples until VACUUM.
func (db *DB) clearInPlace(ctx context.Context, tx pgx.Tx) error {
	if err := db.lock(ctx, tx, lockWrite); err != nil {
		return err
	}
	for _, t := range slices.Concat(shardedTables, []string{"registry", "registry_aliases", "reprints"}) {
		if _, err := tx.Exec(ctx, db.sql(`DELETE FROM {s}.`+t)); err != nil {
			return fmt.Errorf("clear %s: %w", t, err)
		}
	}
	return nil
}
