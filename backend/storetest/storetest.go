// Package storetest gives tests a real, migrated SQLite file in a temp dir.
package storetest

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/jmoiron/sqlx"

	"soundingboard/backend/store"
)

// Open returns a migrated database in t.TempDir(), closed when t ends.
func Open(tb testing.TB) *sqlx.DB {
	tb.Helper()
	path := filepath.Join(tb.TempDir(), "test.db")
	db, err := store.Open(context.Background(), path)
	if err != nil {
		tb.Fatalf("open test db: %v", err)
	}
	tb.Cleanup(func() { db.Close() })
	return db
}
