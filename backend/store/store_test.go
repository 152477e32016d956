package store_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/jmoiron/sqlx"

	"soundingboard/backend/store"
	"soundingboard/backend/storetest"
)

func TestOpenMigratesAndSetsPragmas(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "sb.db")
	db, err := store.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	v, err := store.Version(ctx, db)
	if err != nil || v != store.LatestVersion() || v == 0 {
		t.Fatalf("version = %d, %v; want %d", v, err, store.LatestVersion())
	}
	// Every pooled connection must carry the pragmas, so check several at once.
	db.SetMaxOpenConns(4)
	for i := 0; i < 3; i++ {
		c, err := db.Connx(ctx)
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
		var fk, busy int
		var mode string
		if err := c.GetContext(ctx, &fk, `PRAGMA foreign_keys`); err != nil {
			t.Fatal(err)
		}
		if err := c.GetContext(ctx, &busy, `PRAGMA busy_timeout`); err != nil {
			t.Fatal(err)
		}
		if err := c.GetContext(ctx, &mode, `PRAGMA journal_mode`); err != nil {
			t.Fatal(err)
		}
		if fk != 1 || busy != 5000 || mode != "wal" {
			t.Fatalf("conn %d: foreign_keys=%d busy_timeout=%d journal_mode=%s", i, fk, busy, mode)
		}
	}
}

func TestReopenIsIdempotentAndNewerIsRefused(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "sb.db")
	db, err := store.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	db.Close()
	db, err = store.Open(ctx, path)
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	future := store.LatestVersion() + 5
	if _, err := db.Exec(`INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, 'future', 'x')`, future); err != nil {
		t.Fatal(err)
	}
	db.Close()
	_, err = store.Open(ctx, path)
	if !errors.Is(err, store.ErrTooNew) {
		t.Fatalf("open newer db: err = %v, want ErrTooNew", err)
	}
	if !strings.Contains(err.Error(), "newer Sounding Board") {
		t.Errorf("message does not tell the user what to do: %v", err)
	}
}

func TestMigrateBacksUpAndKeepsDataFromEveryEarlierVersion(t *testing.T) {
	ctx := context.Background()
	latest := store.LatestVersion()
	for _, from := range earlierVersions() {
		t.Run("from v"+strconv.Itoa(from), func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "sb.db")
			db, err := sqlx.Open("sqlite", store.DSN(path))
			if err != nil {
				t.Fatal(err)
			}
			if err := store.MigrateTo(ctx, db, path, from); err != nil {
				t.Fatal(err)
			}
			// From 0014 on, an id comes from the device counter: take one, as store.NewID does.
			if _, err := db.Exec(`UPDATE sync_self SET next_id = next_id + 1`); err != nil && from >= 14 {
				t.Fatal(err)
			}
			if _, err := db.Exec(`INSERT INTO members (id, name, email, created_at, updated_at) VALUES (1, 'Zoë Ålund', 'zoe@example.com', 'x', 'x')`); err != nil {
				t.Fatal(err)
			}
			db.Close()

			up, err := store.Open(ctx, path)
			if err != nil {
				t.Fatalf("upgrade from v%d: %v", from, err)
			}
			defer up.Close()
			if v, _ := store.Version(ctx, up); v != latest {
				t.Fatalf("version after upgrade = %d, want %d", v, latest)
			}
			var name string
			if err := up.Get(&name, `SELECT name FROM members WHERE email = 'zoe@example.com'`); err != nil || name != "Zoë Ålund" {
				t.Fatalf("data lost in upgrade: %q %v", name, err)
			}
			baks, err := store.ListBackups(ctx, path)
			if err != nil || len(baks) != 1 || baks[0].Kind != store.KindPreMigration {
				t.Fatalf("backups after upgrade: %+v, %v; want one pre-migration backup", baks, err)
			}
			if v := baks[0].SchemaVersion; v != from {
				t.Fatalf("backup %s has version %d, want %d", baks[0].Name, v, from)
			}
		})
	}
}

func TestBackupRefusesToOverwrite(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "sb.db")
	db, err := store.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	bak := path + ".manual.bak"
	if err := store.Backup(ctx, db, bak); err != nil {
		t.Fatal(err)
	}
	if st, err := os.Stat(bak); err != nil || st.Size() == 0 {
		t.Fatalf("backup missing: %v", err)
	}
	if err := store.Backup(ctx, db, bak); !errors.Is(err, store.ErrConflict) {
		t.Fatalf("second backup to same file: %v, want conflict", err)
	}
}

func TestMapErrors(t *testing.T) {
	ctx := context.Background()
	db, err := store.Open(ctx, filepath.Join(t.TempDir(), "sb.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	addSegment(t, db, "SMB")
	_, err = db.Exec(`INSERT INTO segments (id, name, created_at) VALUES (?, 'smb', 'now')`, storetest.NewID(t, db))
	if e := store.Map(err, "segment"); !errors.Is(e, store.ErrConflict) {
		t.Fatalf("duplicate: %v", e)
	}
	_, err = db.Exec(`INSERT INTO members (id, name, segment_id, created_at, updated_at) VALUES (?, 'A', 999, 'n', 'n')`,
		storetest.NewID(t, db))
	if e := store.Map(err, "member"); !errors.Is(e, store.ErrInvalid) {
		t.Fatalf("fk: %v", e)
	}
	var n int
	err = db.Get(&n, `SELECT id FROM members WHERE id = 42`)
	if e := store.Map(err, "member 42"); !errors.Is(e, store.ErrNotFound) || e.Error() != "member 42 not found" {
		t.Fatalf("no rows: %v", e)
	}
}

// Many writers at once, each a stream of short read-then-write
// transactions: none may fail with SQLITE_BUSY however long it waits
// (SQLite's busy handler polls and can starve one writer past
// busy_timeout; the write connection queues them in Go instead), and
// no increment may be lost.
func TestConcurrentWritersNeverGetBusy(t *testing.T) {
	ctx := context.Background()
	db := storetest.Open(t)
	storetest.Exec(t, db, `INSERT INTO settings (key, value) VALUES ('n', '0')`)
	increment := func(tx *sqlx.Tx) error {
		var n int
		if err := tx.GetContext(ctx, &n, `SELECT CAST(value AS INTEGER) FROM settings WHERE key = 'n'`); err != nil {
			return err
		}
		return store.ExecOne(ctx, tx, "counter", `UPDATE settings SET value = ? WHERE key = 'n'`, strconv.Itoa(n+1))
	}
	// Under the race detector, which slows each transaction tenfold, fewer
	// writes each still keep all twelve writers queued at once.
	writers, writes := 12, 150
	if raceEnabled {
		writes = 40
	}
	var wg sync.WaitGroup
	for range writers {
		wg.Go(func() {
			for range writes {
				if err := store.WithTx(ctx, db, increment); err != nil {
					t.Error(err)
					return
				}
			}
		})
	}
	wg.Wait()
	var n int
	if err := db.Get(&n, `SELECT CAST(value AS INTEGER) FROM settings WHERE key = 'n'`); err != nil || n != writers*writes {
		t.Fatalf("counter = %d (%v), want %d", n, err, writers*writes)
	}
}

// Reads run on the read pool, which refuses writes: a write that does
// not go through the write connection fails at once in tests.
func TestReadPoolRefusesWrites(t *testing.T) {
	ctx := context.Background()
	db := storetest.Open(t)
	var id int64
	err := db.GetContext(ctx, &id, `INSERT INTO segments (name, created_at) VALUES ('SMB', 'now') RETURNING id`)
	if err == nil || !strings.Contains(err.Error(), "readonly") {
		t.Fatalf("write on the read pool: id %d, err %v; want a read-only error", id, err)
	}
	if _, err := db.ExecContext(ctx, `INSERT INTO segments (id, name, created_at) VALUES (?, 'SMB', 'now')`,
		storetest.NewID(t, db)); err != nil {
		t.Fatalf("write through ExecContext: %v", err)
	}
}

func TestCheckOutputRefusesDataFiles(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "board.db")
	if err := os.WriteFile(db, []byte("x"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(db, filepath.Join(dir, "alias.db")); err != nil {
		t.Fatal(err)
	}
	for _, out := range []string{db, db + "-wal", db + "-shm", db + ".lock", filepath.Join(dir, ".", "board.db"), filepath.Join(dir, "alias.db")} {
		if err := store.CheckOutput(db, out); !errors.Is(err, store.ErrInvalid) {
			t.Errorf("CheckOutput(%s) = %v, want refusal", out, err)
		}
	}
	if err := store.CheckOutput(db, filepath.Join(dir, "members.csv")); err != nil {
		t.Errorf("an ordinary output refused: %v", err)
	}
}

// An answer built inside Read sees one state: a write that commits between
// two of its queries is seen by neither, and by the next Read.
func TestReadSeesOneSnapshot(t *testing.T) {
	ctx := context.Background()
	db := storetest.Open(t)
	count := func(q store.Queryer) (n int) {
		if err := sqlx.GetContext(ctx, q, &n, `SELECT count(*) FROM settings`); err != nil {
			t.Fatal(err)
		}
		return n
	}
	got, err := store.Read(ctx, db, func(q store.Queryer) ([2]int, error) {
		before := count(q)
		storetest.Exec(t, db, `INSERT INTO settings (key, value) VALUES ('between', '1')`)
		return [2]int{before, count(q)}, nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if got[0] != got[1] {
		t.Fatalf("one answer saw %d then %d rows: two states", got[0], got[1])
	}
	after, err := store.Read(ctx, db, func(q store.Queryer) (int, error) { return count(q), nil })
	if err != nil || after != got[0]+1 {
		t.Fatalf("the next read sees %d rows (%v), want %d", after, err, got[0]+1)
	}
}
