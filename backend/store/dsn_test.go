package store_test

import (
	"context"
	"errors"
	"io/fs"
	"path/filepath"
	"slices"
	"testing"

	"soundingboard/backend/store"
	"soundingboard/backend/storetest"
)

// A path with '#', '?', '%', an escape-like "%20", spaces or non-ASCII
// letters opens exactly that file, with foreign keys on: raw in the file:
// URI, '#' cut the name short, '?' dropped the pragmas and "%20" named
// another file.
func TestOpenUsesExactlyThePathGiven(t *testing.T) {
	ctx := context.Background()
	for _, name := range []string{
		filepath.Join("Team #1", "b.db"),
		"what?.db",
		"x?_pragma=foreign_keys(0).db",
		"100%.db",
		"a%20b.db",
		"%zz.db",
		"with space.db",
		filepath.Join("Zoë Ålund", "日本 board.db"),
		"semi;colon&amp=eq+plus.db",
	} {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, name)
			db, err := store.Open(ctx, path)
			if err != nil {
				t.Fatal(err)
			}
			var fk int
			if err := db.GetContext(ctx, &fk, `PRAGMA foreign_keys`); err != nil || fk != 1 {
				t.Errorf("read pool: foreign_keys = %d, %v; want 1", fk, err)
			}
			_, err = db.Exec(`INSERT INTO members (id, name, segment_id, created_at, updated_at) VALUES (?, 'A', 999, 'n', 'n')`,
				storetest.NewID(t, db))
			if !errors.Is(store.Map(err, "member"), store.ErrInvalid) {
				t.Errorf("write connection: a member of a missing segment: %v, want a foreign key error", err)
			}
			addSegment(t, db, "SMB")
			if err := db.Close(); err != nil {
				t.Fatal(err)
			}
			var files []string
			err = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
				if err == nil && !d.IsDir() {
					rel, _ := filepath.Rel(dir, p)
					files = append(files, rel)
				}
				return err
			})
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(files, []string{name}) {
				t.Fatalf("files in the folder: %q, want only %q", files, name)
			}
			again, err := store.Open(ctx, path)
			if err != nil {
				t.Fatal(err)
			}
			defer again.Close()
			var n int
			if err := again.Get(&n, `SELECT count(*) FROM segments`); err != nil || n != 1 {
				t.Fatalf("reopened: %d segments, %v", n, err)
			}
		})
	}
}
