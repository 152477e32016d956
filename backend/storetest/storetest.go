// Package storetest gives tests a real, migrated SQLite file in a temp dir,
// and the few helpers every package's tests use with it.
package storetest

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jmoiron/sqlx"

	"soundingboard/backend/store"
)

// Open returns a migrated database in t.TempDir(), closed when t ends.
func Open(tb testing.TB) *store.DB {
	tb.Helper()
	path := filepath.Join(tb.TempDir(), "test.db")
	db, err := store.Open(context.Background(), path)
	if err != nil {
		tb.Fatalf("open test db: %v", err)
	}
	tb.Cleanup(func() {
		if err := db.Close(); err != nil {
			tb.Errorf("close test db: %v", err)
		}
	})
	return db
}

// Exec runs a fixture statement and returns the id of the row it
// inserted (0 for other statements).
func Exec(tb testing.TB, db *store.DB, query string, args ...any) int64 {
	tb.Helper()
	res, err := db.Exec(query, args...)
	if err != nil {
		tb.Fatalf("%s: %v", strings.Join(strings.Fields(query)[:3], " "), err)
	}
	id, _ := res.LastInsertId()
	return id
}

// NewID takes the next id of the device counter, as every insert into a
// table with an integer id must (store.NewID).
func NewID(tb testing.TB, db *store.DB) int64 {
	tb.Helper()
	var id int64
	err := store.WithTx(context.Background(), db, func(tx *sqlx.Tx) (err error) {
		id, err = store.NewID(context.Background(), tx)
		return err
	})
	if err != nil {
		tb.Fatal(err)
	}
	return id
}

// WantErr fails tb unless err is of kind (store.ErrInvalid, ErrNotFound,
// ErrConflict …) and mentions every fragment.
func WantErr(tb testing.TB, err error, kind error, fragments ...string) {
	tb.Helper()
	if err == nil {
		tb.Fatalf("no error, want %v mentioning %q", kind, fragments)
	}
	if !errors.Is(err, kind) {
		tb.Fatalf("error %q is not %v", err, kind)
	}
	for _, f := range fragments {
		if !strings.Contains(err.Error(), f) {
			tb.Errorf("error %q does not mention %q", err, f)
		}
	}
}

// CopyFile copies a fixture file (a database of an older schema, say) to
// to, so a test can open and change the copy.
func CopyFile(tb testing.TB, from, to string) {
	tb.Helper()
	data, err := os.ReadFile(from)
	if err != nil {
		tb.Fatal(err)
	}
	if err := os.WriteFile(to, data, 0o600); err != nil {
		tb.Fatal(err)
	}
}
