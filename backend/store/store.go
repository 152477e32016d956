// Package store opens the SQLite file, applies migrations and offers the
// small helpers every domain service shares (transactions, error mapping).
package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"

	"github.com/jmoiron/sqlx"
	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

// Queryer is satisfied by *sqlx.DB, *DB and *sqlx.Tx; use it with
// sqlx.GetContext, sqlx.SelectContext and sqlx.NamedExecContext so one
// function works inside and outside a transaction.
type Queryer = sqlx.ExtContext

// DSN builds a connection string that sets the pragmas on every connection
// the pool opens, not just the first; its transactions are BEGIN IMMEDIATE.
func DSN(path string) string { return dsn(path, true) }

// dsn is DSN for the write pool, or for the read pool: query_only, with
// deferred transactions (a read transaction must not take the write lock).
func dsn(path string, write bool) string {
	pragmas := []string{
		"foreign_keys(1)",
		"busy_timeout(5000)",
		"journal_mode(WAL)",
		"synchronous(FULL)",
		// A 32 MB page cache keeps a 10,000-member board's search in memory;
		// temp tables (sorts, FTS merges) stay in RAM.
		"cache_size(-32000)",
		"temp_store(2)",
	}
	if !write {
		pragmas = append(pragmas, "query_only(1)")
	}
	q := url.Values{"_pragma": pragmas}
	if write {
		q.Set("_txlock", "immediate")
	}
	return "file:" + path + "?" + q.Encode()
}

// DB is an open database: a pool of connections for reads (the embedded
// *sqlx.DB) and a pool of exactly one connection for writes. Every
// transaction begun through a DB (WithTx) and every Exec on it runs on the
// write connection; the read connections are query_only, so a write that
// takes another path fails loudly instead of racing.
//
// Why one write connection: SQLite's busy handler polls (it sleeps 1, 2,
// 5 … 100 ms between tries) and is not a queue. Under a steady stream of
// short write transactions, such as autosave while several fields are
// typed into, a waiting BEGIN IMMEDIATE can lose every race until
// busy_timeout runs out and fail with SQLITE_BUSY, although no transaction
// holds the lock for long. With one write connection, writers of this
// process queue in database/sql for as long as their context allows, and
// SQLite's lock only arbitrates between processes (the window and a CLI
// command), where busy_timeout is enough. Reads keep running beside the
// writer under WAL.
type DB struct {
	*sqlx.DB
	write *sqlx.DB
}

// Open opens (creating if needed) the database at path, backs it up if
// migrations are pending, and migrates it to the schema this binary knows.
func Open(ctx context.Context, path string) (*DB, error) {
	if dir := filepath.Dir(path); dir != "" {
		if err := os.MkdirAll(dir, 0o700); err != nil {
			return nil, fmt.Errorf("open database: %w", err)
		}
	}
	write, err := openPool(ctx, DSN(path))
	if err != nil {
		return nil, fmt.Errorf("open database %s: %w", path, err)
	}
	write.SetMaxOpenConns(1)
	if err := Migrate(ctx, write, path); err != nil {
		write.Close()
		return nil, err
	}
	read, err := openPool(ctx, dsn(path, false))
	if err != nil {
		write.Close()
		return nil, fmt.Errorf("open database %s: %w", path, err)
	}
	return &DB{DB: read, write: write}, nil
}

func openPool(ctx context.Context, dsn string) (*sqlx.DB, error) {
	db, err := sqlx.Open("sqlite", dsn)
	if err != nil {
		return nil, err
	}
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, err
	}
	return db, nil
}

// Close closes both pools.
func (db *DB) Close() error {
	return errors.Join(db.DB.Close(), db.write.Close())
}

// The methods below shadow the read pool's: every way to begin a
// transaction or run a statement without rows goes to the write connection.

// BeginTxx begins a write transaction (BEGIN IMMEDIATE) on the write
// connection, waiting for it as long as ctx allows.
func (db *DB) BeginTxx(ctx context.Context, opts *sql.TxOptions) (*sqlx.Tx, error) {
	return db.write.BeginTxx(ctx, opts)
}

// Beginx begins a write transaction on the write connection.
func (db *DB) Beginx() (*sqlx.Tx, error) { return db.write.Beginx() }

// MustBegin begins a write transaction on the write connection, or panics.
func (db *DB) MustBegin() *sqlx.Tx { return db.write.MustBegin() }

// BeginTx begins a write transaction on the write connection.
func (db *DB) BeginTx(ctx context.Context, opts *sql.TxOptions) (*sql.Tx, error) {
	return db.write.BeginTx(ctx, opts)
}

// Begin begins a write transaction on the write connection.
func (db *DB) Begin() (*sql.Tx, error) { return db.write.Begin() }

// ExecContext runs a statement on the write connection.
func (db *DB) ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error) {
	return db.write.ExecContext(ctx, query, args...)
}

// Exec runs a statement on the write connection.
func (db *DB) Exec(query string, args ...any) (sql.Result, error) {
	return db.write.Exec(query, args...)
}

// MustExec runs a statement on the write connection, or panics.
func (db *DB) MustExec(query string, args ...any) sql.Result {
	return db.write.MustExec(query, args...)
}

// NamedExecContext runs a named statement on the write connection.
func (db *DB) NamedExecContext(ctx context.Context, query string, arg any) (sql.Result, error) {
	return db.write.NamedExecContext(ctx, query, arg)
}

// NamedExec runs a named statement on the write connection.
func (db *DB) NamedExec(query string, arg any) (sql.Result, error) {
	return db.write.NamedExec(query, arg)
}

// TxBeginner begins transactions: a *DB (on its write connection) or a
// plain *sqlx.DB (migrations, before the read pool exists).
type TxBeginner interface {
	BeginTxx(ctx context.Context, opts *sql.TxOptions) (*sqlx.Tx, error)
}

// WithTx runs fn in a transaction, committing when fn returns nil.
func WithTx(ctx context.Context, db TxBeginner, fn func(tx *sqlx.Tx) error) error {
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
