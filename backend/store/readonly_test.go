package store_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/jmoiron/sqlx"

	"soundingboard/backend/store"
	"soundingboard/backend/storetest"
)

// A command that only reads opens with OpenReadOnly: no writer lock, so a
// window or `serve` starting meanwhile opens for writing and writes, even
// while a long read is under way (under WAL neither waits for the other).
func TestWriterOpensBesideALongRead(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "sb.db")
	db, err := store.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	for i := range 200 {
		if err := addTag(ctx, db, fmt.Sprint(i)); err != nil {
			t.Fatal(err)
		}
	}
	db.Close() // the last close removes -wal and -shm: the reader starts from the file alone

	reader, err := store.OpenReadOnly(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer reader.Close()
	err = reader.ReadTx(ctx, func(tx *sqlx.Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT name FROM tags ORDER BY id`)
		if err != nil {
			return err
		}
		defer rows.Close()
		rows.Next() // the read is in progress: a snapshot is held

		lock, err := store.LockWriter(path)
		if err != nil {
			return err
		}
		defer lock.Release()
		writer, err := store.Open(ctx, path)
		if err != nil {
			return err
		}
		defer writer.Close()
		if err := addTag(ctx, writer, "during the read"); err != nil {
			return err
		}
		n := 1
		for rows.Next() {
			n++
		}
		if n != 200 {
			t.Errorf("the reader saw %d rows, want its snapshot's 200", n)
		}
		return rows.Err()
	})
	if err != nil {
		t.Fatal(err)
	}
	var n int
	if err := reader.Get(&n, `SELECT count(*) FROM tags`); err != nil || n != 201 {
		t.Fatalf("after the read: %d tags, %v; want 201", n, err)
	}
}

func TestOpenReadOnlyChangesNothing(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()

	missing := filepath.Join(dir, "new", "sb.db")
	_, err := store.OpenReadOnly(ctx, missing)
	if !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("missing file: %v, want not found", err)
	}
	if _, err := os.Stat(filepath.Dir(missing)); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("opening a missing file for reading created its folder: %v", err)
	}

	old := filepath.Join(dir, "old.db")
	odb, err := sqlx.Open("sqlite", store.DSN(old))
	if err != nil {
		t.Fatal(err)
	}
	if err := store.MigrateTo(ctx, odb, old, store.LatestVersion()-1); err != nil {
		t.Fatal(err)
	}
	odb.Close()
	_, err = store.OpenReadOnly(ctx, old)
	storetest.WantErr(t, err, store.ErrInvalid, "needs upgrading", "open Sounding Board once")
	if v, _ := versionOf(t, old); v != store.LatestVersion()-1 {
		t.Fatalf("reading migrated the file to v%d", v)
	}
	if bs, _ := store.ListBackups(ctx, old); len(bs) != 0 {
		t.Fatalf("reading made backups: %+v", bs)
	}

	path := filepath.Join(dir, "sb.db")
	db, err := store.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	db.Close()
	ro, err := store.OpenReadOnly(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	_, err = ro.Exec(`INSERT INTO tags (name) VALUES ('x')`)
	if !errors.Is(store.Classify(err), store.ErrReadOnly) {
		t.Fatalf("write through a read-only DB: %v, want read-only", err)
	}
	// A backup only reads the database.
	if _, err := store.CreateBackup(ctx, ro, path, store.KindManual, time.Now()); err != nil {
		t.Fatalf("backup from a read-only DB: %v", err)
	}
	// Reading takes no writer lock.
	lock, err := store.LockWriter(path)
	if err != nil {
		t.Fatalf("writer lock beside a reader: %v", err)
	}
	lock.Release()
}
