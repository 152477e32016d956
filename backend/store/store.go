// Package store opens the SQLite file, applies migrations and offers the
// small helpers every domain service shares (transactions, error mapping).
package store

import (
	"context"
	"fmt"
	"net/url"
	"os"
	"path/filepath"

	"github.com/jmoiron/sqlx"
	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

// Queryer is satisfied by both *sqlx.DB and *sqlx.Tx; use it with
// sqlx.GetContext, sqlx.SelectContext and sqlx.NamedExecContext so one
// function works inside and outside a transaction.
type Queryer = sqlx.ExtContext

// DSN builds a connection string that sets the pragmas on every connection
// the pool opens, not just the first.
func DSN(path string) string {
	q := url.Values{}
	for _, p := range []string{
		"foreign_keys(1)",
		"busy_timeout(5000)",
		"journal_mode(WAL)",
		"synchronous(FULL)",
		// A 32 MB page cache keeps a 10,000-member board's search in memory;
		// temp tables (sorts, FTS merges) stay in RAM.
		"cache_size(-32000)",
		"temp_store(2)",
	} {
		q.Add("_pragma", p)
	}
	q.Set("_txlock", "immediate")
	return "file:" + path + "?" + q.Encode()
}

// Open opens (creating if needed) the database at path, backs it up if
// migrations are pending, and migrates it to the schema this binary knows.
func Open(ctx context.Context, path string) (*sqlx.DB, error) {
	if dir := filepath.Dir(path); dir != "" {
		if err := os.MkdirAll(dir, 0o700); err != nil {
			return nil, fmt.Errorf("open database: %w", err)
		}
	}
	db, err := sqlx.Open("sqlite", DSN(path))
	if err != nil {
		return nil, fmt.Errorf("open database %s: %w", path, err)
	}
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("open database %s: %w", path, err)
	}
	if err := Migrate(ctx, db, path); err != nil {
		db.Close()
		return nil, err
	}
	return db, nil
}

// WithTx runs fn in a transaction, committing when fn returns nil.
func WithTx(ctx context.Context, db *sqlx.DB, fn func(tx *sqlx.Tx) error) error {
	tx, err := db.BeginTxx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin transaction: %w", err)
	}
	if err := fn(tx); err != nil {
		_ = tx.Rollback()
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("commit: %w", err)
	}
	return nil
}

// ExecOne runs a statement meant to touch exactly one row (an UPDATE or
// DELETE by id) and reports NotFound(what) when it touched none.
func ExecOne(ctx context.Context, q Queryer, what, query string, args ...any) error {
	res, err := q.ExecContext(ctx, query, args...)
	if err != nil {
		return Map(err, what)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return err
	}
	if n == 0 {
		return NotFound("%s not found", what)
	}
	return nil
}
