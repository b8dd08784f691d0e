package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"fangtan"
	"fangtan/index"
	"fangtan/postgres"
)

// backendFlags choose where an index lives: a bleve directory (--index,
// the default) or a PostgreSQL database (--backend postgres --dsn).
type backendFlags struct {
	backend, dir, dsn, schema *string
}

func addBackendFlags(fs *flag.FlagSet, dirHelp string) *backendFlags {
	return &backendFlags{
		backend: fs.String("backend", "bleve", "where the index lives: bleve (a directory, --index) or postgres (a database, --dsn)"),
		dir:     fs.String("index", "", dirHelp),
		dsn:     fs.String("dsn", "", "with --backend postgres: the database, postgres://USER@HOST:PORT/DB (the password is best left to PGPASSWORD or ~/.pgpass; $FANGTAN_DSN is the default)"),
		schema:  fs.String("schema", postgres.DefaultSchema, "with --backend postgres: the schema the index lives in"),
	}
}

// check says what is missing: an error for the command's usage, or nil.
func (b *backendFlags) check() error {
	switch *b.backend {
	case "bleve":
		if *b.dir == "" {
			return errors.New("--index DIR is required")
		}
	case "postgres":
		if *b.dsn == "" {
			*b.dsn = os.Getenv("FANGTAN_DSN")
		}
		if *b.dsn == "" {
			return errors.New("--backend postgres needs --dsn postgres://… (or $FANGTAN_DSN)")
		}
	default:
		return fmt.Errorf("--backend %q: use bleve or postgres", *b.backend)
	}
	return nil
}

func (b *backendFlags) postgres() bool { return *b.backend == "postgres" }

// indexer is the write side of the chosen backend; close releases it.
func (b *backendFlags) indexer(ctx context.Context) (ix fangtan.Indexer, name string, close func(), err error) {
	if !b.postgres() {
		return index.Dir(*b.dir), *b.dir, func() {}, nil
	}
	db, err := postgres.Connect(ctx, *b.dsn, postgres.Options{Schema: *b.schema})
	if err != nil {
		return nil, "", nil, err
	}
	return db, db.String(), func() { db.Close() }, nil
}

// searcher opens the read side of the chosen backend.
func (b *backendFlags) searcher(ctx context.Context) (openSearcher, error) {
	if !b.postgres() {
		idx, err := index.OpenReadOnly(*b.dir)
		if err != nil {
			return nil, err // not a nil *index.Index in a non-nil interface
		}
		return idx, nil
	}
	db, err := postgres.Open(ctx, *b.dsn, postgres.Options{Schema: *b.schema})
	if err != nil {
		return nil, err
	}
	return db, nil
}

// usageError prints err and the usage and returns errUsage.
func usageError(fs *flag.FlagSet, stderr io.Writer, err error) error {
	fmt.Fprintf(stderr, "%s: %v\n", fs.Name(), err)
	fs.Usage()
	return errUsage
}
