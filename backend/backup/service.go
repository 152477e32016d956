// Package backup is the Settings page's view of the database's backups:
// list them, back up now, restore one; and the daily backup while the app
// is in use. The mechanics (VACUUM INTO, rotation, the online restore)
// live in backend/store.
package backup

import (
	"context"
	"fmt"
	"log"
	"path/filepath"
	"strings"
	"time"

	"soundingboard/backend/periodic"
	"soundingboard/backend/store"
	"soundingboard/backend/team"
)

// Service is bound to the window and served in browser mode. Its methods
// use the context given at construction, which the app cancels on
// shutdown.
type Service struct {
	ctx    context.Context
	db     *store.DB
	dbPath string
	now    func() time.Time
}

// NewService returns the backup service of the database db open at dbPath.
func NewService(ctx context.Context, db *store.DB, dbPath string) *Service {
	return &Service{ctx: ctx, db: db, dbPath: dbPath, now: time.Now}
}

// Location is where the data and its backups live.
type Location struct {
	DBPath        string `json:"dbPath"`
	BackupDir     string `json:"backupDir"`
	SchemaVersion int    `json:"schemaVersion"`
	// Retention, for the page to explain what is kept.
	DailyKeep        int `json:"dailyKeep"`
	WeeklyKeep       int `json:"weeklyKeep"`
	ManualKeep       int `json:"manualKeep"`
	PreMigrationKeep int `json:"preMigrationKeep"`
	PreRestoreKeep   int `json:"preRestoreKeep"`
}

// Location tells where the database file and its backups folder are.
func (s *Service) Location() (Location, error) {
	v, err := store.Version(s.ctx, s.db)
	if err != nil {
		return Location{}, fmt.Errorf("read schema version: %w", err)
	}
	abs, err := filepath.Abs(s.dbPath)
	if err != nil {
		abs = s.dbPath
	}
	return Location{
		DBPath: abs, BackupDir: store.BackupDir(abs), SchemaVersion: v,
		DailyKeep: store.DailyKeep, WeeklyKeep: store.WeeklyKeep, ManualKeep: store.ManualKeep,
		PreMigrationKeep: store.PreMigrationKeep, PreRestoreKeep: store.PreRestoreKeep,
	}, nil
}

// ListBackups lists the backups, newest first.
func (s *Service) ListBackups() ([]store.BackupFile, error) {
	return store.ListBackups(s.ctx, s.dbPath)
}

// BackupNow makes a manual backup.
func (s *Service) BackupNow() (store.BackupFile, error) {
	return store.CreateBackup(s.ctx, s.db, s.dbPath, store.KindManual, s.now())
}

// Restore replaces the data with the backup called name (a file in the
// backups folder), after backing up the current state (kind pre-restore).
// A file that is not a Sounding Board database, is damaged, or was made
// by a newer version is refused and nothing changes.
func (s *Service) Restore(name string) (store.RestoreResult, error) {
	if name == "" || name != filepath.Base(name) || strings.ContainsAny(name, `/\`) || strings.HasPrefix(name, ".") {
		return store.RestoreResult{}, store.Invalid("backup %q: give the name of a file in the backups folder", name)
	}
	bs, err := store.ListBackups(s.ctx, s.dbPath)
	if err != nil {
		return store.RestoreResult{}, err
	}
	for _, b := range bs {
		if b.Name == name {
			return Restore(s.ctx, s.db, s.dbPath, b.Path, s.now())
		}
	}
	return store.RestoreResult{}, store.NotFound("backup %s not found in %s", name, store.BackupDir(s.dbPath))
}

// Restore is store.Restore, after which a board in a team goes on as a
// new device of it (team.AfterRestore): the restored board is
// behind the files and ids its device has handed out since the backup.
func Restore(ctx context.Context, db *store.DB, dbPath, src string, now time.Time) (store.RestoreResult, error) {
	res, err := store.Restore(ctx, db, dbPath, src, now)
	if err != nil {
		return res, err
	}
	if err := team.AfterRestore(ctx, db); err != nil {
		return res, fmt.Errorf("restored, but could not go on as a new device of the team: %w", err)
	}
	return res, nil
}

// KeepDaily makes a daily backup now if the newest is a day old, then
// checks again every interval until ctx ends. Errors are logged, at most
// once in a row: a failed backup must not stop the app.
func KeepDaily(ctx context.Context, s *Service, interval time.Duration, logger *log.Logger) {
	periodic.Run(ctx, interval, logger, func() error {
		_, _, err := store.EnsureDailyBackup(ctx, s.db, s.dbPath, s.now())
		return err
	})
}
