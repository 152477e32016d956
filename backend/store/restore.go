package store

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/jmoiron/sqlx"
	sqlite "modernc.org/sqlite"
)

// ErrNotOurs means a file is not a Sounding Board database.
var ErrNotOurs = errors.New("not a Sounding Board database")

// RestoreResult says what a restore did.
type RestoreResult struct {
	From          string     `json:"from"`          // the file restored
	FromVersion   int        `json:"fromVersion"`   // its schema version
	SchemaVersion int        `json:"schemaVersion"` // the live database's version now
	Migrated      bool       `json:"migrated"`      // the file was older and was upgraded
	SafetyBackup  BackupFile `json:"safetyBackup"`  // the state before the restore (kind pre-restore)
}

// CheckBackup opens path read-only and makes sure it can be restored: an
// SQLite file that passes integrity_check, written by Sounding Board
// (its schema_migrations match this binary's migrations) at a schema
// version this binary knows. It returns that version.
func CheckBackup(ctx context.Context, path string) (int, error) {
	name := filepath.Base(path)
	if err := checkHeader(path); err != nil {
		return 0, err
	}
	db, err := openReadOnly(ctx, path)
	if err != nil {
		return 0, Invalid("%s cannot be opened: %v", name, err)
	}
	defer db.Close()
	var problems []string
	if err := db.SelectContext(ctx, &problems, `PRAGMA integrity_check(5)`); err != nil {
		return 0, Invalid("%s: %v: %v", name, ErrNotOurs, err)
	}
	if len(problems) != 1 || problems[0] != "ok" {
		first := "no answer"
		if len(problems) > 0 {
			first = strings.Join(strings.Fields(strings.ReplaceAll(problems[0], "*** in database main ***", "")), " ")
		}
		return 0, Invalid("%s is damaged and cannot be restored (integrity check: %s)", name, first)
	}
	var applied []struct {
		Version int    `db:"version"`
		Name    string `db:"name"`
	}
	if err := db.SelectContext(ctx, &applied, `SELECT version, name FROM schema_migrations ORDER BY version`); err != nil {
		return 0, &Error{Kind: ErrInvalid, Msg: fmt.Sprintf("%s is %v (it has no Sounding Board schema)", name, ErrNotOurs)}
	}
	if len(applied) == 0 {
		return 0, &Error{Kind: ErrInvalid, Msg: fmt.Sprintf("%s is %v (its schema is empty)", name, ErrNotOurs)}
	}
	ms, err := migrations()
	if err != nil {
		return 0, err
	}
	known := map[int]string{}
	for _, m := range ms {
		known[m.version] = m.name
	}
	version := applied[len(applied)-1].Version
	if latest := LatestVersion(); version > latest {
		return version, tooNew{fmt.Sprintf("%s was made by a newer version of Sounding Board (schema v%d; this one knows up to v%d); install a newer Sounding Board to restore it",
			name, version, latest)}
	}
	for _, a := range applied {
		if known[a.Version] != a.Name {
			return 0, &Error{Kind: ErrInvalid, Msg: fmt.Sprintf("%s is %v (its schema step %d is %q)", name, ErrNotOurs, a.Version, a.Name)}
		}
	}
	return version, nil
}

// tooNew refuses a file from a newer version: bad input (ErrInvalid) of
// the kind ErrTooNew.
type tooNew struct{ msg string }

func (e tooNew) Error() string        { return e.msg }
func (e tooNew) Is(target error) bool { return target == ErrTooNew || target == ErrInvalid }

// checkHeader refuses anything that does not start like an SQLite file,
// before SQLite is asked to open it.
func checkHeader(path string) error {
	name := filepath.Base(path)
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return NotFound("%s: no such file", path)
	}
	if err != nil {
		return fmt.Errorf("open %s: %w", name, err)
	}
	defer f.Close() //nolint:errcheck // read only: closing loses nothing
	if st, err := f.Stat(); err != nil || !st.Mode().IsRegular() {
		return Invalid("%s is not a file", name)
	}
	head := make([]byte, 16)
	if _, err := io.ReadFull(f, head); err != nil || !bytes.Equal(head, []byte("SQLite format 3\x00")) {
		return &Error{Kind: ErrInvalid, Msg: fmt.Sprintf("%s is %v (not an SQLite file)", name, ErrNotOurs)}
	}
	return nil
}

// Restore replaces the live data of db (the file at dbPath) with the
// backup at src:
//
//  1. src is checked (CheckBackup) and copied with VACUUM INTO to a staging
//     file in the backups folder, which is migrated to this binary's
//     schema: the live database never holds an old schema.
//  2. The current state is backed up (kind pre-restore).
//  3. The staging file is copied over the live database with SQLite's
//     online backup API, on the write connection, in one step: other
//     writers of this process wait for that connection, other processes
//     for SQLite's lock, and readers see the old data or the new, never a
//     mix. Pools and services stay open and see the restored data.
func Restore(ctx context.Context, db *DB, dbPath, src string, now time.Time) (RestoreResult, error) {
	from, err := CheckBackup(ctx, src)
	if err != nil {
		return RestoreResult{}, err
	}
	res := RestoreResult{From: src, FromVersion: from, Migrated: from < LatestVersion()}
	dir := BackupDir(dbPath)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return res, fmt.Errorf("restore: %w", err)
	}
	staging := filepath.Join(dir, fmt.Sprintf("%s%d%s", stagingPrefix, now.UnixNano(), stagingSuffix))
	defer func() {
		// The restore's outcome is the result; a staging file that cannot
		// be removed is deleted by the next writer's removeStale.
		for _, s := range companions {
			_ = os.Remove(staging + s)
		}
	}()
	if err := stage(ctx, db, src, staging); err != nil {
		return res, Classify(fmt.Errorf("restore %s: %w", filepath.Base(src), err))
	}
	res.SafetyBackup, err = CreateBackup(ctx, db, dbPath, KindPreRestore, now)
	if err != nil {
		return res, fmt.Errorf("restore: back up the current state first: %w", err)
	}
	if err := restoreOnline(ctx, db, staging); err != nil {
		return res, Classify(fmt.Errorf("restore %s: %w", filepath.Base(src), err))
	}
	res.SchemaVersion, err = Version(ctx, db.write)
	if err != nil {
		return res, Classify(fmt.Errorf("restore: read schema version: %w", err))
	}
	// Fold the restored pages back into the file; a busy reader only
	// delays this, so its error does not matter.
	_, _ = db.write.ExecContext(ctx, `PRAGMA wal_checkpoint(TRUNCATE)`)
	return res, nil
}

// stage copies src to staging, upgrades it to this binary's schema and
// gives it the live database's page size (the backup API cannot change
// the page size of a database in WAL mode).
func stage(ctx context.Context, live *DB, src, staging string) error {
	ro, err := openReadOnly(ctx, src)
	if err != nil {
		return err
	}
	err = vacuumInto(ctx, ro, staging)
	ro.Close()
	if err != nil {
		return fmt.Errorf("copy: %w", err)
	}
	st, err := sqlx.Open("sqlite", dsn(staging, modeStaging))
	if err != nil {
		return err
	}
	defer st.Close()
	st.SetMaxOpenConns(1)
	// Checked before migrations run on it too: a foreign object would take
	// part in them (a table without a key fails the capture triggers).
	from, err := Version(ctx, st)
	if err != nil {
		return err
	}
	if err := checkSchema(ctx, st, from, false); err != nil {
		return err
	}
	if err := migrateTo(ctx, st, "", LatestVersion()); err != nil {
		return err
	}
	if err := checkSchema(ctx, st, LatestVersion(), true); err != nil {
		return err
	}
	var livePage, stagePage int
	if err := live.write.GetContext(ctx, &livePage, `PRAGMA page_size`); err != nil {
		return err
	}
	if err := st.GetContext(ctx, &stagePage, `PRAGMA page_size`); err != nil {
		return err
	}
	if livePage != stagePage {
		if _, err := st.ExecContext(ctx, fmt.Sprintf(`PRAGMA page_size = %d`, livePage)); err != nil {
			return err
		}
		if _, err := st.ExecContext(ctx, `VACUUM`); err != nil {
			return fmt.Errorf("match page size: %w", err)
		}
	}
	return nil
}

// schemaObject is one row of sqlite_master, its SQL with the white space
// normalised.
type schemaObject struct {
	Type  string `db:"type"`
	Name  string `db:"name"`
	Table string `db:"tbl_name"`
	SQL   string `db:"sql"`
}

func (o schemaObject) String() string { return fmt.Sprintf("%s %q", o.Type, o.Name) }

// schemaOf lists the objects of db's schema by type and name, without
// SQLite's own (sqlite_sequence, sqlite_stat1, automatic indexes).
func schemaOf(ctx context.Context, db Queryer) (map[string]schemaObject, error) {
	var objs []schemaObject
	if err := sqlx.SelectContext(ctx, db, &objs, `SELECT type, name, tbl_name, coalesce(sql, '') AS sql
		FROM sqlite_master WHERE name NOT LIKE 'sqlite\_%' ESCAPE '\'`); err != nil {
		return nil, fmt.Errorf("read schema: %w", err)
	}
	out := make(map[string]schemaObject, len(objs))
	for _, o := range objs {
		o.SQL = strings.Join(strings.Fields(o.SQL), " ")
		out[o.Type+" "+o.Name] = o
	}
	return out, nil
}

// checkSchema refuses a staged database of schema version whose schema
// is not exactly the one this binary's migrations make for that version:
// an added trigger, view, index or table would otherwise come into the
// live data with the restore and stay there. Without capture, the capture
// triggers are left out on both sides (migrating makes them anew).
func checkSchema(ctx context.Context, staged Queryer, version int, capture bool) error {
	want, err := expectedSchema(ctx, version)
	if err != nil {
		return err
	}
	got, err := schemaOf(ctx, staged)
	if err != nil {
		return err
	}
	if !capture {
		for _, objs := range []map[string]schemaObject{want, got} {
			for k, o := range objs {
				if o.Type == "trigger" && strings.HasPrefix(o.Name, triggerPrefix) {
					delete(objs, k)
				}
			}
		}
	}
	var problems []string
	for k, o := range got {
		w, ok := want[k]
		switch {
		case !ok:
			problems = append(problems, fmt.Sprintf("an unexpected %s", o))
		case w != o:
			problems = append(problems, fmt.Sprintf("a changed %s", o))
		}
	}
	for k, w := range want {
		if _, ok := got[k]; !ok {
			problems = append(problems, fmt.Sprintf("no %s", w))
		}
	}
	if len(problems) == 0 {
		return nil
	}
	sort.Strings(problems)
	return Invalid("its schema is not the one Sounding Board makes (it has %s), so it is not restored", strings.Join(problems, ", "))
}

// expectedSchema is the schema this binary's migrations make up to
// version, built in a database in memory.
func expectedSchema(ctx context.Context, version int) (map[string]schemaObject, error) {
	mem, err := sqlx.Open("sqlite", ":memory:")
	if err != nil {
		return nil, err
	}
	defer mem.Close()
	mem.SetMaxOpenConns(1) // each connection would have its own memory database
	if err := migrateTo(ctx, mem, "", version); err != nil {
		return nil, fmt.Errorf("build the expected schema: %w", err)
	}
	return schemaOf(ctx, mem)
}

// restorer is the part of modernc.org/sqlite's connection that restores
// a database from a file with the online backup API.
type restorer interface {
	NewRestore(srcURI string) (*sqlite.Backup, error)
}

// restoreOnline copies the database at src over db's main database,
// through the write connection, retrying while another process holds
// the write lock (up to ctx or 10 s).
func restoreOnline(ctx context.Context, db *DB, src string) error {
	conn, err := db.write.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	uri := dsn(src, modeReadOnly)
	deadline := time.Now().Add(10 * time.Second)
	for {
		err = conn.Raw(func(dc any) error {
			r, ok := dc.(restorer)
			if !ok {
				return fmt.Errorf("the SQLite driver (%T) has no online backup API", dc)
			}
			bk, err := r.NewRestore(uri)
			if err != nil {
				return err
			}
			_, stepErr := bk.Step(-1)
			return errors.Join(stepErr, bk.Finish())
		})
		if err == nil || !isBusy(err) || time.Now().After(deadline) {
			return err
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(50 * time.Millisecond):
		}
	}
}

// isBusy reports SQLITE_BUSY or SQLITE_LOCKED (any extended code).
func isBusy(err error) bool {
	var se *sqlite.Error
	if errors.As(err, &se) {
		code := se.Code() & 0xff
		return code == 5 || code == 6
	}
	return false
}
