package store_test

import (
	"context"
	"database/sql/driver"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"modernc.org/sqlite"

	"soundingboard/backend/atomicfile"
	"soundingboard/backend/store"
)

// A daily backup killed part way (Ctrl-C of `serve` on its first run, a
// power cut) leaves no file under a backup's name, so the next start
// makes the daily backup instead of taking the broken one for today's.
func TestKilledBackupLeavesNoBackup(t *testing.T) {
	if path := os.Getenv("SB_BACKUP_VICTIM"); path != "" {
		killedBackup(path)
		return
	}
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "soundingboard.db")
	db, err := store.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	for i := range 200 {
		if err := addTag(ctx, db, fmt.Sprint("tag ", i)); err != nil {
			t.Fatal(err)
		}
	}
	db.Close()

	cmd := startChild(t, "TestKilledBackupLeavesNoBackup", "SB_BACKUP_VICTIM="+path, "backing up")
	// Kill it as soon as the copy has a file.
	deadline := time.Now().Add(10 * time.Second)
	for {
		if es, _ := os.ReadDir(store.BackupDir(path)); len(es) > 0 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the backup never started")
		}
		time.Sleep(time.Millisecond)
	}
	cmd.Process.Kill()
	cmd.Wait()
	for _, name := range names(t, store.BackupDir(path)) {
		if !atomicfile.IsTemp(strings.TrimSuffix(name, "-journal")) {
			t.Errorf("the killed backup left %s", name)
		}
	}

	db, err = store.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec(`DROP INDEX slow_tags`); err != nil { // its function lived in the victim only
		t.Fatal(err)
	}
	b, made, err := store.EnsureDailyBackup(ctx, db, path, time.Now())
	if err != nil || !made {
		t.Fatalf("daily backup after the killed one: made %v, %v", made, err)
	}
	if n := countRowsIn(t, b.Path, "tags"); n != 200 {
		t.Fatalf("the daily backup has %d tags, want 200", n)
	}
}

// killedBackup runs in the child: it makes a daily backup that takes a
// while (an index on a slow function is rebuilt in the copy), to be
// killed part way.
func killedBackup(path string) {
	fail := func(err error) {
		fmt.Fprintln(os.Stderr, "victim:", err)
		os.Exit(2)
	}
	err := sqlite.RegisterDeterministicScalarFunction("slow", 1, func(_ *sqlite.FunctionContext, args []driver.Value) (driver.Value, error) {
		time.Sleep(5 * time.Millisecond)
		return args[0], nil
	})
	if err != nil {
		fail(err)
	}
	ctx := context.Background()
	db, err := store.Open(ctx, path)
	if err != nil {
		fail(err)
	}
	if _, err := db.Exec(`CREATE INDEX slow_tags ON tags (slow(name))`); err != nil {
		fail(err)
	}
	fmt.Println("backing up")
	_, _, err = store.EnsureDailyBackup(ctx, db, path, time.Now())
	fail(fmt.Errorf("the backup ended before it was killed: %w", err))
}

// countRowsIn counts the rows of table in the database file at path.
func countRowsIn(t *testing.T, path, table string) int {
	t.Helper()
	db, err := store.OpenReadOnly(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	return countRows(t, db, table)
}
