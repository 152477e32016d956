package store

import (
	"context"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/jmoiron/sqlx"

	"soundingboard/backend/atomicfile"
)

//go:embed migrations/*.sql
var migrationFiles embed.FS

// ErrTooNew means the file was written by a newer Sounding Board.
var ErrTooNew = errors.New("database is newer than this version of Sounding Board")

type migration struct {
	version int
	name    string
	sql     string
}

func migrations() ([]migration, error) {
	entries, err := fs.ReadDir(migrationFiles, "migrations")
	if err != nil {
		return nil, err
	}
	var out []migration
	for _, e := range entries {
		num, name, ok := strings.Cut(strings.TrimSuffix(e.Name(), ".sql"), "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil {
			return nil, fmt.Errorf("migration file %s: name must be NNNN_name.sql", e.Name())
		}
		body, err := migrationFiles.ReadFile("migrations/" + e.Name())
		if err != nil {
			return nil, err
		}
		out = append(out, migration{version: v, name: name, sql: string(body)})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].version < out[j].version })
	return out, nil
}

// LatestVersion is the schema version this binary writes.
func LatestVersion() int {
	ms, err := migrations()
	if err != nil || len(ms) == 0 {
		return 0
	}
	return ms[len(ms)-1].version
}

// Version reports the schema version recorded in db (0 for a new file).
func Version(ctx context.Context, db Queryer) (int, error) {
	var n int
	err := sqlx.GetContext(ctx, db, &n,
		`SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'`)
	if err != nil || n == 0 {
		return 0, err
	}
	err = sqlx.GetContext(ctx, db, &n, `SELECT coalesce(max(version), 0) FROM schema_migrations`)
	return n, err
}

// Migrate applies pending migrations, each in its own transaction. When
// path is a file that already holds data, it is backed up first into the
// backups folder (kind pre-migration; see CreateBackup).
func Migrate(ctx context.Context, db *sqlx.DB, path string) error {
	return Classify(migrateTo(ctx, db, path, LatestVersion()))
}

// migrateTo applies migrations up to and including version target; tests
// use it to build databases of earlier schema versions.
func migrateTo(ctx context.Context, db *sqlx.DB, path string, target int) error {
	all, err := migrations()
	if err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	var ms []migration
	for _, m := range all {
		if m.version <= target {
			ms = append(ms, m)
		}
	}
	current, err := Version(ctx, db)
	if err != nil {
		return fmt.Errorf("migrate: read schema version: %w", err)
	}
	latest := ms[len(ms)-1].version
	if current > latest {
		return fmt.Errorf("%w: %s has schema version %d, this build knows up to %d; install a newer Sounding Board",
			ErrTooNew, path, current, latest)
	}
	if current == latest {
		return captureFrom(ctx, db, latest)
	}
	if current > 0 && path != "" {
		if _, err := CreateBackup(ctx, db, path, KindPreMigration, time.Now()); err != nil {
			return fmt.Errorf("migrate: back up before migrating: %w", err)
		}
	}
	if _, err := db.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
		version INTEGER PRIMARY KEY,
		name TEXT NOT NULL,
		applied_at TEXT NOT NULL)`); err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	// Migrations never write to the change log: the capture triggers are
	// made again for the new schema once they are done.
	if err := dropCapture(ctx, db); err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	for _, m := range ms {
		if m.version <= current {
			continue
		}
		err := WithTx(ctx, db, func(tx *sqlx.Tx) error {
			// Another process may have applied it while we waited for the
			// write lock; the version read inside the transaction decides.
			var done int
			if err := tx.GetContext(ctx, &done, `SELECT count(*) FROM schema_migrations WHERE version = ?`, m.version); err != nil {
				return err
			}
			if done > 0 {
				return nil
			}
			if _, err := tx.ExecContext(ctx, m.sql); err != nil {
				return err
			}
			_, err := tx.ExecContext(ctx,
				`INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)`,
				m.version, m.name, time.Now().UTC().Format(time.RFC3339))
			return err
		})
		if err != nil {
			return fmt.Errorf("migrate: apply %04d_%s: %w", m.version, m.name, err)
		}
	}
	return captureFrom(ctx, db, latest)
}

// captureVersionFirst is the schema version that brought team sync.
const captureVersionFirst = 14

// captureFrom installs the capture triggers on a schema that has them.
func captureFrom(ctx context.Context, db *sqlx.DB, version int) error {
	if version < captureVersionFirst {
		return nil
	}
	if err := installCapture(ctx, db); err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	return nil
}

// Backup writes a consistent copy of the live database to dest with
// VACUUM INTO (never a copy of the open file). dest must not exist. The
// copy is written under a temporary name beside dest and renamed when
// whole: an interrupted backup leaves no file under dest. A backup holds
// everyone's personal data, so it is owner-only (0600), whatever the umask.
func Backup(ctx context.Context, db Queryer, dest string) error {
	if _, err := os.Lstat(dest); err == nil {
		return Conflict("backup file %s already exists", dest)
	}
	tmp, err := atomicfile.TempPath(dest)
	if err != nil {
		return fmt.Errorf("backup: %w", err)
	}
	if err := vacuumInto(ctx, db, tmp); err != nil {
		return Classify(fmt.Errorf("backup to %s: %w", dest, err))
	}
	if err := atomicfile.Place(tmp, dest); err != nil {
		return fmt.Errorf("backup: %w", err)
	}
	return nil
}

// vacuumInto copies the database db reads into a new file at path. The
// file is created empty and owner-only first (VACUUM INTO accepts an
// empty file), so the copy is never readable by others, not even while it
// is written. On failure the file is removed.
func vacuumInto(ctx context.Context, db Queryer, path string) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, atomicfile.Perm)
	if err != nil {
		return err
	}
	err = f.Close()
	if err == nil {
		_, err = db.ExecContext(ctx, `VACUUM INTO ?`, path)
	}
	if err != nil {
		// The copy's error is the one to report. A file that cannot be
		// removed has a temp or staging name, which the next writer's
		// removeStale deletes.
		_ = os.Remove(path)
		return err
	}
	return nil
}

// CheckCurrent reports an error unless the database at path already has
// the schema this binary writes (or is newer, which Open refuses anyway).
// It opens the file read-only and changes nothing.
func CheckCurrent(ctx context.Context, path string) error {
	db, err := openReadOnly(ctx, path)
	if err != nil {
		return Classify(fmt.Errorf("open database %s: %w", path, err))
	}
	defer db.Close()
	return checkVersion(ctx, db, path)
}

// checkVersion refuses a database at path whose schema is older than this
// binary's (it needs a writer to migrate it) or newer.
func checkVersion(ctx context.Context, db Queryer, path string) error {
	v, err := Version(ctx, db)
	if err != nil {
		return Classify(fmt.Errorf("open database %s: %w", path, err))
	}
	switch latest := LatestVersion(); {
	case v > latest:
		return fmt.Errorf("%w: %s has schema version %d, this build knows up to %d; install a newer Sounding Board",
			ErrTooNew, path, v, latest)
	case v < latest:
		return Invalid("%s needs upgrading from schema %d to %d: open Sounding Board once (the window or `serve`), or close the other Sounding Board using it, and try again", path, v, latest)
	}
	return nil
}
