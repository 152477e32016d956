package store_test

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/jmoiron/sqlx"

	"soundingboard/backend/store"
)

func openTemp(t *testing.T) (*store.DB, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "soundingboard.db")
	db, err := store.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db, path
}

func touch(t *testing.T, path string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, nil, 0o600); err != nil {
		t.Fatal(err)
	}
}

func names(t *testing.T, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range es {
		out = append(out, e.Name())
	}
	return out
}

func TestCreateBackupNamesListsAndReadsVersion(t *testing.T) {
	ctx := context.Background()
	db, path := openTemp(t)
	addSegment(t, db, "SMB")
	now := time.Date(2025, 3, 1, 9, 15, 0, 0, time.UTC)
	b, err := store.CreateBackup(ctx, db, path, store.KindManual, now)
	if err != nil {
		t.Fatal(err)
	}
	want := filepath.Join(filepath.Dir(path), "backups", "soundingboard-20250301-091500-manual.db")
	if b.Path != want || b.Name != filepath.Base(want) || b.Kind != "manual" || b.CreatedAt != "2025-03-01T09:15:00Z" || b.Size == 0 {
		t.Fatalf("backup = %+v, want path %s", b, want)
	}
	if b.SchemaVersion != store.LatestVersion() {
		t.Fatalf("schema version %d", b.SchemaVersion)
	}
	// Same second, same kind: the next free second, never an overwrite.
	b2, err := store.CreateBackup(ctx, db, path, store.KindManual, now)
	if err != nil || !strings.Contains(b2.Name, "091501-manual") {
		t.Fatalf("second backup in the same second: %+v %v", b2, err)
	}
	if _, err := store.CreateBackup(ctx, db, path, "weird", now); !errors.Is(err, store.ErrInvalid) {
		t.Fatalf("unknown kind: %v", err)
	}
	// Strangers in the folder are ignored, and so are another database's backups.
	touch(t, filepath.Join(store.BackupDir(path), "notes.txt"))
	touch(t, filepath.Join(store.BackupDir(path), "other-20250301-091500-manual.db"))
	list, err := store.ListBackups(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 2 || list[0].Name != b2.Name || list[1].Name != b.Name {
		t.Fatalf("list = %+v", list)
	}
	if list[1].SchemaVersion != store.LatestVersion() || list[1].Size != b.Size {
		t.Fatalf("listed %+v, made %+v", list[1], b)
	}
	// The backup is a real, consistent database with the data.
	bak, err := sqlx.Open("sqlite", "file:"+b.Path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer bak.Close()
	var n int
	if err := bak.Get(&n, `SELECT count(*) FROM segments`); err != nil || n != 1 {
		t.Fatalf("segments in backup = %d, %v", n, err)
	}
}

func TestListBackupsWithoutFolderIsEmpty(t *testing.T) {
	list, err := store.ListBackups(context.Background(), filepath.Join(t.TempDir(), "x.db"))
	if err != nil || list == nil || len(list) != 0 {
		t.Fatalf("list = %#v, %v", list, err)
	}
}

func TestRotateKeepsSevenDailyFourWeeklyAndPerKindLimits(t *testing.T) {
	path := filepath.Join(t.TempDir(), "soundingboard.db")
	dir := store.BackupDir(path)
	now := time.Date(2025, 3, 20, 12, 0, 0, 0, time.UTC) // a Thursday, ISO week 12
	name := func(t time.Time, kind string) string {
		return "soundingboard-" + t.Format("20060102-150405") + "-" + kind + ".db"
	}
	// 60 days of daily backups at 08:00, the newest today.
	for d := 0; d < 60; d++ {
		touch(t, filepath.Join(dir, name(time.Date(2025, 3, 20-d, 8, 0, 0, 0, time.UTC), "daily")))
	}
	for i := 0; i < 6; i++ {
		at := now.Add(-time.Duration(i) * time.Hour)
		touch(t, filepath.Join(dir, name(at, "pre-migration")))
		touch(t, filepath.Join(dir, name(at, "pre-restore")))
	}
	for i := 0; i < 12; i++ {
		touch(t, filepath.Join(dir, name(now.Add(-time.Duration(i)*time.Minute), "manual")))
	}
	touch(t, filepath.Join(dir, "keep-me.db"))

	removed, err := store.RotateBackups(path, now)
	if err != nil {
		t.Fatal(err)
	}
	left := names(t, dir)
	count := func(kind string) (out []string) {
		for _, n := range left {
			if strings.HasSuffix(n, "-"+kind+".db") {
				out = append(out, n)
			}
		}
		return out
	}
	daily := count("daily")
	// 7 newest: Mar 14..20 (Mar 17..20 are week 12, Mar 14..16 week 11);
	// weekly: the newest of weeks 12, 11 (already kept), 10 (Mar 9) and 9 (Mar 2).
	want := []string{
		"soundingboard-20250302-080000-daily.db",
		"soundingboard-20250309-080000-daily.db",
		"soundingboard-20250314-080000-daily.db",
		"soundingboard-20250315-080000-daily.db",
		"soundingboard-20250316-080000-daily.db",
		"soundingboard-20250317-080000-daily.db",
		"soundingboard-20250318-080000-daily.db",
		"soundingboard-20250319-080000-daily.db",
		"soundingboard-20250320-080000-daily.db",
	}
	if !slices.Equal(daily, want) {
		t.Fatalf("daily kept:\n%s\nwant:\n%s", strings.Join(daily, "\n"), strings.Join(want, "\n"))
	}
	if n := len(count("pre-migration")); n != store.PreMigrationKeep {
		t.Errorf("pre-migration kept %d", n)
	}
	if n := len(count("pre-restore")); n != store.PreRestoreKeep {
		t.Errorf("pre-restore kept %d", n)
	}
	if m := count("manual"); len(m) != store.ManualKeep || m[len(m)-1] != name(now, "manual") {
		t.Errorf("manual kept %v", m)
	}
	if !slices.Contains(left, "keep-me.db") {
		t.Error("rotation deleted a file that is not a backup")
	}
	if len(removed) != 60-9+3+1+2 {
		t.Errorf("removed %d files", len(removed))
	}
	// Rotating again changes nothing.
	if again, err := store.RotateBackups(path, now); err != nil || len(again) != 0 {
		t.Fatalf("second rotation removed %v, %v", again, err)
	}
}

func TestEnsureDailyBackupOncePerDay(t *testing.T) {
	ctx := context.Background()
	db, path := openTemp(t)
	day := time.Date(2025, 3, 20, 8, 0, 0, 0, time.UTC)
	if _, made, err := store.EnsureDailyBackup(ctx, db, path, day); err != nil || !made {
		t.Fatalf("first: made=%v %v", made, err)
	}
	// A manual backup does not count as the daily one, and an hour later
	// or 23 h later nothing new is made.
	if _, err := store.CreateBackup(ctx, db, path, store.KindManual, day.Add(time.Minute)); err != nil {
		t.Fatal(err)
	}
	for _, later := range []time.Duration{time.Hour, 23*time.Hour + 59*time.Minute} {
		if _, made, err := store.EnsureDailyBackup(ctx, db, path, day.Add(later)); err != nil || made {
			t.Fatalf("after %s: made=%v %v", later, made, err)
		}
	}
	b, made, err := store.EnsureDailyBackup(ctx, db, path, day.Add(24*time.Hour))
	if err != nil || !made || b.Kind != store.KindDaily || b.Name != "soundingboard-20250321-080000-daily.db" {
		t.Fatalf("a day later: %+v made=%v %v", b, made, err)
	}
}

func TestPreMigrationBackupsGoToTheBackupsFolderAndRotate(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "soundingboard.db")
	for i := 0; i < store.PreMigrationKeep+2; i++ {
		if err := os.Remove(path); err != nil && !errors.Is(err, fs.ErrNotExist) {
			t.Fatal(err)
		}
		db, err := sqlx.Open("sqlite", store.DSN(path))
		if err != nil {
			t.Fatal(err)
		}
		if err := store.MigrateTo(ctx, db, path, 1); err != nil {
			t.Fatal(err)
		}
		// Each upgrade happens in a different second.
		touch(t, filepath.Join(store.BackupDir(path), "soundingboard-2000010"+string(rune('1'+i))+"-000000-pre-migration.db"))
		if err := store.Migrate(ctx, db, path); err != nil {
			t.Fatal(err)
		}
		db.Close()
	}
	list, err := store.ListBackups(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	var pre []store.BackupFile
	for _, b := range list {
		if b.Kind == store.KindPreMigration {
			pre = append(pre, b)
		}
	}
	if len(pre) != store.PreMigrationKeep {
		t.Fatalf("pre-migration backups kept: %+v", pre)
	}
	if pre[0].SchemaVersion != 1 || pre[0].Size == 0 {
		t.Fatalf("newest pre-migration backup %+v, want a v1 database", pre[0])
	}
	if _, err := os.Stat(path + ".pre-v" + "2.bak"); err == nil {
		t.Fatal("a backup was written next to the database")
	}
}

// A backup that fails (here its context is over before it starts) leaves
// nothing behind: no backup, no temporary file.
func TestFailedBackupLeavesNothing(t *testing.T) {
	db, path := openTemp(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := store.CreateBackup(ctx, db, path, store.KindDaily, time.Now()); err == nil {
		t.Fatal("a backup with a cancelled context succeeded")
	}
	if left := names(t, store.BackupDir(path)); len(left) != 0 {
		t.Fatalf("left in the backups folder: %q", left)
	}
	if _, made, err := store.EnsureDailyBackup(context.Background(), db, path, time.Now()); err != nil || !made {
		t.Fatalf("daily backup after the failed one: made %v, %v", made, err)
	}
}
