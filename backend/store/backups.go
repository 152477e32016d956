package store

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/jmoiron/sqlx"
)

// Backup kinds: why a backup was made. Each kind has its own retention.
const (
	KindDaily        = "daily"         // once a day while the app is in use
	KindManual       = "manual"        // "Back up now", `soundingboard backup`
	KindPreMigration = "pre-migration" // before a schema upgrade
	KindPreRestore   = "pre-restore"   // the state a restore replaced
)

// Retention: how many backups of each kind Rotate keeps. Daily backups
// also keep the newest one of each of the last WeeklyKeep ISO weeks, so
// a month of history survives with 7 + 4 files.
const (
	DailyKeep        = 7
	WeeklyKeep       = 4
	ManualKeep       = 10
	PreMigrationKeep = 3
	PreRestoreKeep   = 5
)

var kindKeep = map[string]int{
	KindDaily:        DailyKeep,
	KindManual:       ManualKeep,
	KindPreMigration: PreMigrationKeep,
	KindPreRestore:   PreRestoreKeep,
}

// stampLayout is the UTC time in a backup's name; names sort by time.
const stampLayout = "20060102-150405"

// BackupFile is one backup in the backups folder.
type BackupFile struct {
	Name          string `json:"name"`          // file name, e.g. soundingboard-20250301-091500-daily.db
	Path          string `json:"path"`          // full path
	Kind          string `json:"kind"`          // daily, manual, pre-migration, pre-restore
	CreatedAt     string `json:"createdAt"`     // RFC 3339 UTC, from the name
	Size          int64  `json:"size"`          // bytes
	SchemaVersion int    `json:"schemaVersion"` // 0 when the file cannot be read

	created time.Time
}

// BackupDir is the backups folder of the database at dbPath: "backups"
// next to the file.
func BackupDir(dbPath string) string {
	return filepath.Join(filepath.Dir(dbPath), "backups")
}

// backupPrefix starts the name of every backup of dbPath: the database's
// base name, so two databases in one folder keep apart.
func backupPrefix(dbPath string) string {
	return strings.TrimSuffix(filepath.Base(dbPath), filepath.Ext(dbPath)) + "-"
}

// backupName is <base>-YYYYMMDD-HHMMSS-<kind>.db for t in UTC.
func backupName(dbPath string, t time.Time, kind string) string {
	return backupPrefix(dbPath) + t.UTC().Format(stampLayout) + "-" + kind + ".db"
}

// parseBackupName reads the time and kind from a backup's name; ok is
// false for any other file.
func parseBackupName(dbPath, name string) (created time.Time, kind string, ok bool) {
	rest, found := strings.CutPrefix(name, backupPrefix(dbPath))
	if !found || !strings.HasSuffix(rest, ".db") || len(rest) < len(stampLayout)+2 {
		return time.Time{}, "", false
	}
	t, err := time.ParseInLocation(stampLayout, rest[:len(stampLayout)], time.UTC)
	if err != nil || rest[len(stampLayout)] != '-' {
		return time.Time{}, "", false
	}
	kind = strings.TrimSuffix(rest[len(stampLayout)+1:], ".db")
	if _, known := kindKeep[kind]; !known {
		return time.Time{}, "", false
	}
	return t, kind, true
}

// ListBackups lists the backups of dbPath, newest first. A missing
// folder is an empty list.
func ListBackups(ctx context.Context, dbPath string) ([]BackupFile, error) {
	dir := BackupDir(dbPath)
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return []BackupFile{}, nil
	}
	if err != nil {
		return nil, fmt.Errorf("list backups: %w", err)
	}
	out := []BackupFile{}
	for _, e := range entries {
		created, kind, ok := parseBackupName(dbPath, e.Name())
		if !ok || !e.Type().IsRegular() {
			continue
		}
		b := BackupFile{Name: e.Name(), Path: filepath.Join(dir, e.Name()), Kind: kind,
			CreatedAt: created.Format(time.RFC3339), created: created}
		if info, err := e.Info(); err == nil {
			b.Size = info.Size()
		}
		b.SchemaVersion, _ = fileVersion(ctx, b.Path) // 0 tells the UI it is unreadable
		out = append(out, b)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Name > out[j].Name })
	return out, nil
}

// CreateBackup writes a backup of kind into the backups folder of dbPath
// with VACUUM INTO, then applies the retention rules. The name carries
// the time in UTC; if a backup of that kind already has this second, the
// next free second is used.
func CreateBackup(ctx context.Context, db Queryer, dbPath, kind string, now time.Time) (BackupFile, error) {
	if _, known := kindKeep[kind]; !known {
		return BackupFile{}, Invalid("backup kind %q: use daily, manual, pre-migration or pre-restore", kind)
	}
	dir := BackupDir(dbPath)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return BackupFile{}, fmt.Errorf("create backups folder: %w", err)
	}
	t := now.UTC().Truncate(time.Second)
	for {
		if _, err := os.Lstat(filepath.Join(dir, backupName(dbPath, t, kind))); errors.Is(err, fs.ErrNotExist) {
			break
		}
		t = t.Add(time.Second)
	}
	name := backupName(dbPath, t, kind)
	dest := filepath.Join(dir, name)
	if err := Backup(ctx, db, dest); err != nil {
		return BackupFile{}, err
	}
	b := BackupFile{Name: name, Path: dest, Kind: kind, CreatedAt: t.Format(time.RFC3339), created: t}
	if info, err := os.Stat(dest); err == nil {
		b.Size = info.Size()
	}
	b.SchemaVersion, _ = Version(ctx, db)
	if _, err := RotateBackups(dbPath, now); err != nil {
		return b, err
	}
	return b, nil
}

// RotateBackups deletes the backups the retention rules no longer keep
// and returns their names: per kind the newest DailyKeep, ManualKeep,
// PreMigrationKeep and PreRestoreKeep; of the daily ones also the newest
// of each of the last WeeklyKeep ISO weeks (this week included). Files
// that are not backups of dbPath are never touched.
func RotateBackups(dbPath string, now time.Time) ([]string, error) {
	entries, err := os.ReadDir(BackupDir(dbPath))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("rotate backups: %w", err)
	}
	byKind := map[string][]BackupFile{}
	for _, e := range entries {
		if created, kind, ok := parseBackupName(dbPath, e.Name()); ok && e.Type().IsRegular() {
			byKind[kind] = append(byKind[kind], BackupFile{Name: e.Name(), Kind: kind, created: created})
		}
	}
	var removed []string
	var errs []error
	for kind, bs := range byKind {
		for _, b := range dropped(bs, kindKeep[kind], kind == KindDaily, now) {
			if err := os.Remove(filepath.Join(BackupDir(dbPath), b.Name)); err != nil && !errors.Is(err, fs.ErrNotExist) {
				errs = append(errs, err)
				continue
			}
			removed = append(removed, b.Name)
		}
	}
	sort.Strings(removed)
	if err := errors.Join(errs...); err != nil {
		return removed, fmt.Errorf("rotate backups: %w", err)
	}
	return removed, nil
}

// dropped returns the backups of one kind that retention lets go: all but
// the newest keep, and with weekly also sparing the newest of each of the
// last WeeklyKeep ISO weeks.
func dropped(bs []BackupFile, keep int, weekly bool, now time.Time) []BackupFile {
	sort.Slice(bs, func(i, j int) bool { return bs[i].created.After(bs[j].created) })
	spare := map[string]bool{}
	if weekly {
		weeks := map[[2]int]bool{}
		for i := range WeeklyKeep {
			y, w := now.UTC().AddDate(0, 0, -7*i).ISOWeek()
			weeks[[2]int{y, w}] = true
		}
		for _, b := range bs { // newest first: the first of each week wins
			y, w := b.created.ISOWeek()
			if weeks[[2]int{y, w}] {
				spare[b.Name] = true
				delete(weeks, [2]int{y, w})
			}
		}
	}
	var out []BackupFile
	for i, b := range bs {
		if i >= keep && !spare[b.Name] {
			out = append(out, b)
		}
	}
	return out
}

// EnsureDailyBackup makes a daily backup when the newest one is 24 hours
// old or there is none; made reports whether it did.
func EnsureDailyBackup(ctx context.Context, db Queryer, dbPath string, now time.Time) (b BackupFile, made bool, err error) {
	entries, err := os.ReadDir(BackupDir(dbPath))
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return BackupFile{}, false, fmt.Errorf("daily backup: %w", err)
	}
	var newest time.Time
	for _, e := range entries {
		if created, kind, ok := parseBackupName(dbPath, e.Name()); ok && kind == KindDaily && created.After(newest) {
			newest = created
		}
	}
	if !newest.IsZero() && now.Sub(newest) < 24*time.Hour {
		return BackupFile{}, false, nil
	}
	b, err = CreateBackup(ctx, db, dbPath, KindDaily, now)
	if err != nil {
		return b, false, fmt.Errorf("daily backup: %w", err)
	}
	return b, true, nil
}

// openReadOnly opens a database file for reading only, one connection.
func openReadOnly(ctx context.Context, path string) (*sqlx.DB, error) {
	db, err := sqlx.Open("sqlite", dsn(path, modeReadOnly))
	if err != nil {
		return nil, err
	}
	db.SetMaxOpenConns(1)
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, err
	}
	return db, nil
}

// fileVersion reads the schema version of a database file without
// changing it.
func fileVersion(ctx context.Context, path string) (int, error) {
	db, err := openReadOnly(ctx, path)
	if err != nil {
		return 0, err
	}
	defer db.Close()
	return Version(ctx, db)
}
