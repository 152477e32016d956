//go:build unix

package store_test

import (
	"context"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"soundingboard/backend/store"
)

// wantMode fails t unless the file at path has mode perm.
func wantMode(t *testing.T, path string, perm os.FileMode) {
	t.Helper()
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if got := info.Mode().Perm(); got != perm {
		t.Errorf("%s has mode %o, want %o", filepath.Base(path), got, perm)
	}
}

// The data is owner-only whatever the umask: the database, its -wal and
// -shm, the backups folder and every backup in it. A file an older
// version left readable by others is tightened on open. The umask is the
// process's, so this test must not run in parallel with others.
func TestDataIsOwnerOnlyUnderAnyUmask(t *testing.T) {
	old := syscall.Umask(0o022)
	defer syscall.Umask(old)
	ctx := context.Background()
	dir := t.TempDir()

	path := filepath.Join(dir, "sb.db")
	db, err := store.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if err := addTag(ctx, db, "x"); err != nil {
		t.Fatal(err)
	}
	var n int
	if err := db.Get(&n, `SELECT count(*) FROM tags`); err != nil { // the read pool maps -shm too
		t.Fatal(err)
	}
	for _, p := range []string{path, path + "-wal", path + "-shm"} {
		wantMode(t, p, 0o600)
	}
	b, err := store.CreateBackup(ctx, db, path, store.KindManual, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	wantMode(t, store.BackupDir(path), 0o700)
	wantMode(t, b.Path, 0o600)
	out := filepath.Join(dir, "copy.db")
	if err := store.Backup(ctx, db, out); err != nil {
		t.Fatal(err)
	}
	wantMode(t, out, 0o600)

	// A database an older version made under umask 022.
	older := filepath.Join(dir, "older.db")
	odb, err := store.Open(ctx, older)
	if err != nil {
		t.Fatal(err)
	}
	odb.Close()
	if err := os.Chmod(older, 0o644); err != nil {
		t.Fatal(err)
	}
	odb, err = store.Open(ctx, older)
	if err != nil {
		t.Fatal(err)
	}
	defer odb.Close()
	if err := addTag(ctx, odb, "x"); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{older, older + "-wal", older + "-shm"} {
		wantMode(t, p, 0o600)
	}
}
