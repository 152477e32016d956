package store_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jmoiron/sqlx"

	"soundingboard/backend/store"
	"soundingboard/backend/storetest"
)

func countRows(t *testing.T, q sqlx.QueryerContext, table string) int {
	t.Helper()
	var n int
	if err := sqlx.GetContext(context.Background(), q, &n, `SELECT count(*) FROM `+table); err != nil {
		t.Fatal(err)
	}
	return n
}

func addSegment(t *testing.T, db *store.DB, name string) {
	t.Helper()
	storetest.Exec(t, db, `INSERT INTO segments (id, name, created_at) VALUES (?, ?, 'now')`, storetest.NewID(t, db), name)
}

// addTag adds a tag as the services write a row: in a transaction of its
// own, its id from store.NewID. It returns the error, for goroutines.
func addTag(ctx context.Context, db *store.DB, name string) error {
	return store.WithTx(ctx, db, func(tx *sqlx.Tx) error {
		id, err := store.NewID(ctx, tx)
		if err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, `INSERT INTO tags (id, name) VALUES (?, ?)`, id, name)
		return err
	})
}

func TestRestoreReplacesLiveDataInPlace(t *testing.T) {
	ctx := context.Background()
	db, path := openTemp(t)
	addSegment(t, db, "SMB")
	storetest.Exec(t, db, `INSERT INTO members (id, name, email, notes, created_at, updated_at)
		VALUES (?, 'Zoë Ålund', 'zoe@example.com', 'loves exports', 'x', 'x')`, storetest.NewID(t, db))
	t0 := time.Date(2025, 3, 1, 9, 0, 0, 0, time.UTC)
	bak, err := store.CreateBackup(ctx, db, path, store.KindManual, t0)
	if err != nil {
		t.Fatal(err)
	}
	// Change everything after the backup: add, delete, even the FTS index.
	addSegment(t, db, "Enterprise")
	if _, err := db.Exec(`DELETE FROM members`); err != nil {
		t.Fatal(err)
	}
	storetest.Exec(t, db, `INSERT INTO members (id, name, created_at, updated_at) VALUES (?, 'Newcomer', 'x', 'x')`,
		storetest.NewID(t, db))
	// Hold a read connection open across the restore: the pools stay open.
	if countRows(t, db, "members") != 1 {
		t.Fatal("setup")
	}

	res, err := store.Restore(ctx, db, path, bak.Path, t0.Add(time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	if res.SafetyBackup.Kind != store.KindPreRestore || res.FromVersion != store.LatestVersion() || res.Migrated || res.SchemaVersion != store.LatestVersion() {
		t.Fatalf("result %+v", res)
	}
	// Reads (the read pool) and writes (the write connection) see the backup.
	if n := countRows(t, db, "segments"); n != 1 {
		t.Fatalf("segments after restore = %d, want 1", n)
	}
	var name string
	if err := db.Get(&name, `SELECT m.name FROM members_fts f JOIN members m ON m.id = f.rowid WHERE members_fts MATCH 'exports'`); err != nil || name != "Zoë Ålund" {
		t.Fatalf("search after restore: %q %v", name, err)
	}
	err = store.WithTx(ctx, db, func(tx *sqlx.Tx) error {
		id, err := store.NewID(ctx, tx)
		if err != nil {
			return err
		}
		_, err = tx.Exec(`INSERT INTO segments (id, name, created_at) VALUES (?, 'Enterprise', 'now')`, id)
		return err
	})
	if err != nil {
		t.Fatalf("write after restore: %v", err)
	}
	// The pre-restore backup holds the state that was replaced.
	pre, err := sqlx.Open("sqlite", "file:"+res.SafetyBackup.Path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer pre.Close()
	if countRows(t, pre, "segments") != 2 || countRows(t, pre, "members") != 1 {
		t.Fatal("pre-restore backup does not hold the replaced state")
	}
	// A fresh process sees the restored file, and it is sound.
	db.Close()
	again, err := store.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer again.Close()
	var ok string
	if err := again.Get(&ok, `PRAGMA integrity_check`); err != nil || ok != "ok" {
		t.Fatalf("integrity after restore: %q %v", ok, err)
	}
	if countRows(t, again, "segments") != 2 || countRows(t, again, "members") != 1 {
		t.Fatal("reopened database does not hold the restored data")
	}
	// No staging files are left behind.
	for _, n := range names(t, store.BackupDir(path)) {
		if strings.HasPrefix(n, ".") {
			t.Errorf("left behind: %s", n)
		}
	}
}

func TestRestoreAnOlderBackupMigratesIt(t *testing.T) {
	ctx := context.Background()
	old := filepath.Join(t.TempDir(), "old.db")
	odb, err := sqlx.Open("sqlite", store.DSN(old))
	if err != nil {
		t.Fatal(err)
	}
	if err := store.MigrateTo(ctx, odb, old, 1); err != nil {
		t.Fatal(err)
	}
	if _, err := odb.Exec(`INSERT INTO members (name, created_at, updated_at) VALUES ('From v1', 'x', 'x')`); err != nil {
		t.Fatal(err)
	}
	odb.Close()

	db, path := openTemp(t)
	res, err := store.Restore(ctx, db, path, old, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	if res.FromVersion != 1 || !res.Migrated || res.SchemaVersion != store.LatestVersion() {
		t.Fatalf("result %+v", res)
	}
	if v, err := store.Version(ctx, db); err != nil || v != store.LatestVersion() {
		t.Fatalf("live version %d %v", v, err)
	}
	var name string
	if err := db.Get(&name, `SELECT name FROM members`); err != nil || name != "From v1" {
		t.Fatalf("member after restoring v1: %q %v", name, err)
	}
	// The file given is left as it was.
	if v, _ := versionOf(t, old); v != 1 {
		t.Fatalf("restore changed the source file to v%d", v)
	}
}

func versionOf(t *testing.T, path string) (int, error) {
	t.Helper()
	db, err := sqlx.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	return store.Version(context.Background(), db)
}

func TestRestoreRefusesBadFilesAndChangesNothing(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	write := func(name string, b []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, b, 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	sqliteFile := func(name string, stmts ...string) string {
		p := filepath.Join(dir, name)
		db, err := sqlx.Open("sqlite", "file:"+p)
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		for _, s := range stmts {
			if _, err := db.Exec(s); err != nil {
				t.Fatal(err)
			}
		}
		return p
	}
	newer := func() string {
		db, path := openTemp(t)
		if _, err := db.Exec(`INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, 'future', 'x')`, store.LatestVersion()+1); err != nil {
			t.Fatal(err)
		}
		return path
	}()
	damaged := func() string {
		p := sqliteFile("damaged.db", `CREATE TABLE t (x TEXT)`, `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 200) INSERT INTO t SELECT hex(randomblob(500)) FROM n`)
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		for i := 4096 + 100; i < 4096*3; i++ { // scribble over the table's pages
			b[i] = 0xAB
		}
		return write("damaged.db", b)
	}()

	cases := []struct {
		name, file string
		is         error
		msg        string
	}{
		{"missing", filepath.Join(dir, "nope.db"), store.ErrNotFound, "nope.db: no such file"},
		{"empty", write("empty.db", nil), store.ErrInvalid, "not a Sounding Board database (not an SQLite file)"},
		{"text", write("notes.txt", []byte("hello, this is not a database at all\n")), store.ErrInvalid, "not an SQLite file"},
		{"other app", sqliteFile("other.db", `CREATE TABLE t (x)`), store.ErrInvalid, "not a Sounding Board database"},
		{"other migrations", sqliteFile("migrate.db", `CREATE TABLE schema_migrations (version INTEGER, dirty INTEGER)`, `INSERT INTO schema_migrations VALUES (1, 0)`), store.ErrInvalid, "not a Sounding Board database"},
		{"foreign steps", sqliteFile("foreign.db", `CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT, applied_at TEXT)`, `INSERT INTO schema_migrations VALUES (1, 'users', 'x')`), store.ErrInvalid, "not a Sounding Board database"},
		{"newer", newer, store.ErrTooNew, "made by a newer version of Sounding Board"},
		{"newer is bad input", newer, store.ErrInvalid, "install a newer Sounding Board"},
		{"damaged", damaged, store.ErrInvalid, "damaged.db is damaged and cannot be restored (integrity check: Tree"},
		{"folder", dir, store.ErrInvalid, "not a file"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			db, path := openTemp(t)
			addSegment(t, db, "Keep me")
			_, err := store.Restore(ctx, db, path, c.file, time.Now())
			if err == nil {
				t.Fatal("restore accepted it")
			}
			if c.is != nil && !errors.Is(err, c.is) {
				t.Errorf("err = %v, want %v", err, c.is)
			}
			if !strings.Contains(err.Error(), c.msg) {
				t.Errorf("err = %q, want it to say %q", err, c.msg)
			}
			if strings.Contains(err.Error(), "\n") {
				t.Errorf("err is not one line: %q", err)
			}
			if countRows(t, db, "segments") != 1 {
				t.Error("live data changed")
			}
			if bs, _ := store.ListBackups(ctx, path); len(bs) != 0 {
				t.Errorf("a refused restore made backups: %+v", bs)
			}
		})
	}
}

// Writers of this process that arrive during a restore wait for it and
// then write into the restored data; none fails and none is lost.
func TestRestoreWhileWriting(t *testing.T) {
	ctx := context.Background()
	db, path := openTemp(t)
	bak, err := store.CreateBackup(ctx, db, path, store.KindManual, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	errs := make(chan error, 100)
	start := make(chan struct{})
	for i := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			for j := range 25 {
				if err := addTag(ctx, db, string(rune('a'+i))+strings.Repeat("x", j+1)); err != nil {
					errs <- err
				}
			}
		}()
	}
	close(start)
	if _, err := store.Restore(ctx, db, path, bak.Path, time.Now()); err != nil {
		t.Fatal(err)
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	var ok string
	if err := db.Get(&ok, `PRAGMA integrity_check`); err != nil || ok != "ok" {
		t.Fatalf("integrity: %q %v", ok, err)
	}
	if n := countRows(t, db, "tags"); n > 100 {
		t.Fatalf("tags = %d", n)
	}
}

// A file copied from another laptop while its app was closed is in WAL
// mode, maybe with its -wal file beside it holding the latest changes:
// both restore.
func TestRestoreAFileCopyInWALMode(t *testing.T) {
	ctx := context.Background()
	for _, withWAL := range []bool{false, true} {
		t.Run(map[bool]string{false: "checkpointed", true: "with -wal"}[withWAL], func(t *testing.T) {
			dir := t.TempDir()
			src := filepath.Join(dir, "laptop", "soundingboard.db")
			other, err := store.Open(ctx, src)
			if err != nil {
				t.Fatal(err)
			}
			addSegment(t, other, "From the laptop")
			copyDir := filepath.Join(dir, "copy")
			if err := os.MkdirAll(copyDir, 0o700); err != nil {
				t.Fatal(err)
			}
			copied := filepath.Join(copyDir, "board.db")
			if withWAL {
				// Copy while open: the last change is only in the -wal file.
				storetest.CopyFile(t, src, copied)
				storetest.CopyFile(t, src+"-wal", copied+"-wal")
				other.Close()
			} else {
				other.Close()
				storetest.CopyFile(t, src, copied)
			}
			db, path := openTemp(t)
			if _, err := store.Restore(ctx, db, path, copied, time.Now()); err != nil {
				t.Fatal(err)
			}
			var name string
			if err := db.Get(&name, `SELECT name FROM segments`); err != nil || name != "From the laptop" {
				t.Fatalf("segment after restore: %q %v", name, err)
			}
		})
	}
}

// A backup whose schema has an object Sounding Board does not make (here
// added by hand), or lacks or changes one, is refused, naming the object,
// and the live data stays as it was. A trigger would otherwise come in
// with the restore and keep firing on the live data.
func TestRestoreRefusesAForeignSchema(t *testing.T) {
	ctx := context.Background()
	index := someIndex(t)
	for _, c := range []struct{ name, stmt, msg string }{
		{"trigger", `CREATE TRIGGER spy AFTER INSERT ON members BEGIN DELETE FROM tags; END`, `an unexpected trigger "spy"`},
		{"view", `CREATE VIEW everyone AS SELECT name, email FROM members`, `an unexpected view "everyone"`},
		{"index", `CREATE INDEX members_by_notes ON members (notes)`, `an unexpected index "members_by_notes"`},
		{"table", `CREATE TABLE stash (x TEXT)`, `an unexpected table "stash"`},
		{"dropped index", `DROP INDEX ` + index, `no index "` + index + `"`},
	} {
		t.Run(c.name, func(t *testing.T) {
			db, path := openTemp(t)
			addSegment(t, db, "In the backup")
			bak, err := store.CreateBackup(ctx, db, path, store.KindManual, time.Now())
			if err != nil {
				t.Fatal(err)
			}
			edit, err := sqlx.Open("sqlite", store.DSN(bak.Path))
			if err != nil {
				t.Fatal(err)
			}
			if _, err := edit.Exec(c.stmt); err != nil {
				t.Fatal(err)
			}
			edit.Close()
			addSegment(t, db, "Live only")

			_, err = store.Restore(ctx, db, path, bak.Path, time.Now().Add(time.Hour))
			storetest.WantErr(t, err, store.ErrInvalid, c.msg, "not the one Sounding Board makes")
			if n := countRows(t, db, "segments"); n != 2 {
				t.Errorf("live data changed: %d segments, want 2", n)
			}
			var objs int
			if err := db.Get(&objs, `SELECT count(*) FROM sqlite_master WHERE name IN ('spy', 'everyone', 'members_by_notes', 'stash')`); err != nil || objs != 0 {
				t.Errorf("the foreign object reached the live database: %d, %v", objs, err)
			}
			if bs, _ := store.ListBackups(ctx, path); len(bs) != 1 {
				t.Errorf("a refused restore made backups: %+v", bs)
			}
		})
	}
}

// someIndex names an index the migrations make.
func someIndex(t *testing.T) string {
	t.Helper()
	db, _ := openTemp(t)
	var name string
	if err := db.Get(&name, `SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name LIMIT 1`); err != nil {
		t.Fatal(err)
	}
	return name
}

// Backups written by earlier versions (the fixtures) have exactly the
// schema their version made, so they restore.
func TestRestoreEveryFixture(t *testing.T) {
	ctx := context.Background()
	for _, v := range earlierVersions() {
		t.Run(fmt.Sprintf("v%d", v), func(t *testing.T) {
			db, path := openTemp(t)
			src := filepath.Join(t.TempDir(), "old.db")
			storetest.CopyFile(t, fixturePath(v), src)
			res, err := store.Restore(ctx, db, path, src, time.Now())
			if err != nil {
				t.Fatal(err)
			}
			if res.FromVersion != v || !res.Migrated {
				t.Fatalf("restore result %+v", res)
			}
			checkValues(t, db, v)
		})
	}
}
