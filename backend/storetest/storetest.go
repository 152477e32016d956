// Package storetest gives tests a real, migrated SQLite file in a temp dir,
// and the few helpers every package's tests use with it.
package storetest

import (
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jmoiron/sqlx"

	"soundingboard/backend/store"
)

// Open returns a migrated database in t.TempDir(), closed when t ends.
// It is a copy of a database migrated once per test binary (see
// template): migrating is most of what opening costs, some five seconds
// under the race detector.
func Open(tb testing.TB) *store.DB {
	tb.Helper()
	path := filepath.Join(tb.TempDir(), "test.db")
	CopyFile(tb, template(tb), path)
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

// template returns the path of a freshly migrated database, made once per
// build of the test binary and kept in the temp dir: the file system is
// the cache, so parallel test binaries share it and none keeps state of
// its own. A new build (a migration changed) gets a new file.
func template(tb testing.TB) string {
	tb.Helper()
	exe, err := os.Executable()
	if err != nil {
		tb.Fatal(err)
	}
	info, err := os.Stat(exe)
	if err != nil {
		tb.Fatal(err)
	}
	sum := sha256.Sum256(fmt.Appendf(nil, "%s|%d|%d", exe, info.Size(), info.ModTime().UnixNano()))
	path := filepath.Join(os.TempDir(), fmt.Sprintf("soundingboard-test-%x.db", sum[:8]))
	if _, err := os.Stat(path); err == nil {
		return path
	}
	dir := tb.TempDir()
	db, err := store.Open(context.Background(), filepath.Join(dir, "migrated.db"))
	if err != nil {
		tb.Fatalf("migrate the test db: %v", err)
	}
	// VACUUM INTO writes one whole file, the WAL folded in; the rename
	// makes it appear complete or not at all.
	tmp := filepath.Join(dir, "template.db")
	_, err = db.Exec(`VACUUM INTO ?`, tmp)
	if err = errors.Join(err, db.Close()); err != nil {
		tb.Fatalf("write the test db template: %v", err)
	}
	if err := os.Rename(tmp, path); err != nil { // tb.TempDir is in os.TempDir: one file system
		tb.Fatal(err)
	}
	return path
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
