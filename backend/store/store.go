// Package store opens the SQLite file, applies migrations and offers the
// small helpers every domain service shares (transactions, error mapping).
package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"strings"

	"github.com/jmoiron/sqlx"
	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

// Queryer is satisfied by *sqlx.DB, *DB and *sqlx.Tx; use it with
// sqlx.GetContext, sqlx.SelectContext and sqlx.NamedExecContext so one
// function works inside and outside a transaction.
type Queryer = sqlx.ExtContext

// DSN is the connection string of the write connection to the database
// file at path: the pragmas are set on every connection the pool opens,
// not just the first, and its transactions are BEGIN IMMEDIATE.
func DSN(path string) string { return dsn(path, modeWrite) }

// mode is a way of opening a database file; each has its parameters.
type mode int

const (
	modeWrite    mode = iota // the write connection of an open DB
	modeRead                 // its read pool: query_only, deferred transactions
	modeReadOnly             // a file that must not change: never created, never checkpointed
	modeStaging              // a restore's staging copy: rollback journal, so VACUUM can change its page size
)

// dsn is the one connection string builder: every SQLite file this
// program opens is named through it.
func dsn(path string, m mode) string {
	q := url.Values{}
	switch m {
	case modeWrite, modeRead:
		q["_pragma"] = []string{
			"foreign_keys(1)",
			"busy_timeout(5000)",
			"journal_mode(WAL)",
			"synchronous(FULL)",
			// A 32 MB page cache keeps a 10,000-member board's search in memory;
			// temp tables (sorts, FTS merges) stay in RAM.
			"cache_size(-32000)",
			"temp_store(2)",
		}
		if m == modeWrite {
			q.Set("_txlock", "immediate")
		} else {
			// A read transaction must not take the write lock.
			q.Add("_pragma", "query_only(1)")
		}
	case modeReadOnly:
		q.Set("mode", "ro")
		q["_pragma"] = []string{"busy_timeout(5000)", "cache_size(-32000)", "temp_store(2)"}
	case modeStaging:
		q["_pragma"] = []string{"foreign_keys(1)", "busy_timeout(5000)"}
	}
	return fileURI(filepath.ToSlash(path), runtime.GOOS == "windows", q)
}

// fileURI is the file: URI of the slash-separated path p with the query q.
// The path is percent-encoded as SQLite's URI rules want: raw, a '#' would
// end the file name, a '?' start the parameters (the driver also splits
// the string at the first '?') and a '%' escape the next two characters,
// so another file would open. On Windows a drive path C:/x becomes
// file:///C:/x and a share //server/x file:////server/x.
func fileURI(p string, windows bool, q url.Values) string {
	if windows && len(p) >= 2 && p[1] == ':' {
		p = "/" + p
	}
	p = (&url.URL{Path: p}).EscapedPath()
	if strings.HasPrefix(p, "/") {
		p = "//" + p // an empty authority, then the absolute path
	}
	return "file:" + p + "?" + q.Encode()
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

// Open opens (creating if needed) the database at path for writing, backs
// it up if migrations are pending, and migrates it to the schema this
// binary knows. The caller holds the writer lock (LockWriter); commands
// that only read use OpenReadOnly instead.
func Open(ctx context.Context, path string) (*DB, error) {
	if dir := filepath.Dir(path); dir != "" {
		if err := os.MkdirAll(dir, 0o700); err != nil {
			return nil, fmt.Errorf("open database: %w", err)
		}
	}
	if err := ownerOnly(path); err != nil {
		return nil, fmt.Errorf("open database %s: %w", path, err)
	}
	write, err := openPool(ctx, DSN(path))
	if err != nil {
		return nil, Classify(fmt.Errorf("open database %s: %w", path, err))
	}
	write.SetMaxOpenConns(1)
	if err := Migrate(ctx, write, path); err != nil {
		write.Close()
		return nil, err
	}
	read, err := openPool(ctx, dsn(path, modeRead))
	if err != nil {
		write.Close()
		return nil, Classify(fmt.Errorf("open database %s: %w", path, err))
	}
	return &DB{DB: read, write: write}, nil
}

// OpenReadOnly opens the database at path for reading only, for the
// commands that only read: it takes no writer lock, migrates nothing and
// creates nothing, so it runs beside a window or `serve` (under WAL neither
// waits for the other). Its writes fail as read-only. The file must exist
// and have the schema this binary writes; an older one is refused with
// the advice to open Sounding Board once, which upgrades it.
func OpenReadOnly(ctx context.Context, path string) (*DB, error) {
	if _, err := os.Stat(path); err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, NotFound("no board at %s yet: open Sounding Board once to create it", path)
		}
		return nil, fmt.Errorf("open database %s: %w", path, err)
	}
	db, err := openPool(ctx, dsn(path, modeReadOnly))
	if err != nil {
		return nil, Classify(fmt.Errorf("open database %s: %w", path, err))
	}
	if err := checkVersion(ctx, db, path); err != nil {
		db.Close()
		return nil, err
	}
	// Statements without rows (VACUUM INTO for a backup) go to the same
	// read-only pool; Close closes it once.
	return &DB{DB: db, write: db}, nil
}

// ownerOnly makes the database file at path owner-only before SQLite
// opens it, whatever the umask: a new file is created empty with mode
// 0600, and an older one (and -wal/-shm files a crash left) loses its
// group and other bits. SQLite gives the -wal and -shm files it creates
// the main file's mode, so they follow.
func ownerOnly(path string) error {
	f, err := os.OpenFile(path, os.O_RDONLY|os.O_CREATE, 0o600)
	if err != nil {
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	if runtime.GOOS == "windows" {
		return nil // no mode bits; the profile folder is the user's own
	}
	for _, p := range []string{path, path + "-wal", path + "-shm"} {
		info, err := os.Stat(p)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			return err
		}
		// A file of another user's that this one may write (group-writable)
		// cannot be chmod-ed; its owner chose its mode.
		if info.Mode().Perm()&0o077 != 0 {
			if err := os.Chmod(p, 0o600); err != nil && !errors.Is(err, fs.ErrPermission) {
				return err
			}
		}
	}
	return nil
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

// Read runs fn on one snapshot (ReadTx) and returns its answer: the way a
// service builds an answer from several queries.
func Read[T any](ctx context.Context, db *DB, fn func(q Queryer) (T, error)) (T, error) {
	var out T
	err := db.ReadTx(ctx, func(tx *sqlx.Tx) error {
		var err error
		out, err = fn(tx)
		return err
	})
	if err != nil {
		var zero T
		return zero, err
	}
	return out, nil
}

// ReadTx runs fn in a read transaction on the read pool. Every query in fn
// reads one snapshot of the database (WAL keeps it while writers go on), so
// an answer built from several queries, such as the run view or a page of
// the member list with its count, never mixes two states. The transaction
// is always rolled back: nothing is written through it (the read pool is
// query_only).
func (db *DB) ReadTx(ctx context.Context, fn func(tx *sqlx.Tx) error) error {
	tx, err := db.DB.BeginTxx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin read: %w", err)
	}
	defer tx.Rollback() //nolint:errcheck // a read transaction has nothing to lose
	return fn(tx)
}
