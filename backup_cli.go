package main

import (
	"context"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"log"
	"os"
	"path/filepath"
	"time"

	"soundingboard/backend/backup"
	"soundingboard/backend/store"
)

// parseBackup parses `backup [-o FILE]` and `restore FILE`.
func parseBackup(name string, args []string, withServices func(func(*services, io.Writer) error) *command) (*command, error) {
	fs := newFlagSet(name)
	switch name {
	case "backup":
		outPath := fs.String("o", "", "file to write (default: a new file in the backups folder)")
		if err := noArgs(fs, args); err != nil {
			return nil, fmt.Errorf("backup: %w", err)
		}
		return withServices(func(s *services, out io.Writer) error {
			path := *outPath
			if path == "" {
				b, err := store.CreateBackup(context.Background(), s.db, s.path, store.KindManual, time.Now())
				if err != nil {
					return fmt.Errorf("backup: %w", err)
				}
				path = b.Path
			} else if err := store.Backup(context.Background(), s.db, path); err != nil {
				return fmt.Errorf("backup: %w", err)
			}
			_, err := fmt.Fprintln(out, path)
			return err
		}), nil
	case "restore":
		pos, err := parseFlags(fs, args)
		if err != nil {
			return nil, fmt.Errorf("restore: %w", err)
		}
		if len(pos) != 1 {
			return nil, errors.New("restore: give exactly one FILE (a Sounding Board backup)")
		}
		return withServices(func(s *services, out io.Writer) error {
			r, err := store.Restore(context.Background(), s.db, s.path, pos[0], time.Now())
			if err != nil {
				return fmt.Errorf("restore: %w", err)
			}
			how := fmt.Sprintf("schema v%d", r.FromVersion)
			if r.Migrated {
				how += fmt.Sprintf(", upgraded to v%d", r.SchemaVersion)
			}
			_, err = fmt.Fprintf(out, "restored %s (%s) into %s\nthe data it replaced is backed up in %s\n",
				pos[0], how, s.path, r.SafetyBackup.Path)
			return err
		}), nil
	}
	return nil, fmt.Errorf("unknown command %q", name)
}

// writes reports whether the command line name args may write to the
// database: those commands take its writer lock, so two writers never
// race; commands that only read run alongside the window.
func writes(name string, args []string) bool {
	switch name {
	case "serve", "demo", "restore":
		return true
	case "members":
		if len(args) == 0 {
			return false
		}
		switch args[0] {
		case "erase":
			return true
		case "import":
			for _, a := range args[1:] {
				if a == "-dry-run" || a == "--dry-run" || a == "-dry-run=true" || a == "--dry-run=true" {
					return false
				}
			}
			return true
		}
	}
	return false
}

// openServicesFor opens the services; a writer takes the database's
// writer lock first and holds it until close. A reader takes it when it is
// free (opening may migrate the file); when another Sounding Board holds
// it, the reader goes on only if the file needs no migration, so it never
// changes the schema under a running window.
func openServicesFor(ctx context.Context, dbPath string, writer bool) (*services, error) {
	lock, err := store.LockWriter(dbPath)
	switch {
	case err == nil:
	case writer || !errors.Is(err, store.ErrLocked):
		return nil, err
	default:
		if perr := store.CheckCurrent(ctx, dbPath); perr != nil {
			return nil, errors.Join(perr, err)
		}
	}
	s, err := openServices(ctx, dbPath)
	if err != nil {
		return nil, errors.Join(err, lock.Release())
	}
	s.lock = lock
	return s, nil
}

// close closes the database and releases the writer lock, if held.
func (s *services) close() error {
	return errors.Join(s.db.Close(), s.lock.Release())
}

// keepDaily makes the daily backup while the app is in use (the window,
// serve), until ctx ends.
func (s *services) keepDaily(ctx context.Context) {
	backup.KeepDaily(ctx, s.backup, time.Hour, log.New(os.Stderr, "soundingboard: ", 0))
}

// instanceID names the window's single-instance lock: one window per
// database file.
func instanceID(dbPath string) string {
	abs, err := filepath.Abs(dbPath)
	if err != nil {
		abs = dbPath
	}
	h := fnv.New64a()
	h.Write([]byte(abs))
	return fmt.Sprintf("soundingboard-%016x", h.Sum64())
}
