package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"time"

	"soundingboard/backend/backup"
	"soundingboard/backend/services"
	"soundingboard/backend/store"
)

// parseBackup parses `backup [-o FILE]`.
func parseBackup(fs *flag.FlagSet, args []string, _ Env) (runFunc, error) {
	outPath := fs.String("o", "", "file to write (default: a new file in the backups folder)")
	if err := noArgs(fs, args); err != nil {
		return nil, err
	}
	return func(s *services.Set, out io.Writer) error {
		path := *outPath
		if path == "" {
			b, err := store.CreateBackup(context.Background(), s.DB, s.Path, store.KindManual, time.Now())
			if err != nil {
				return fmt.Errorf("backup: %w", err)
			}
			path = b.Path
		} else if err := store.Backup(context.Background(), s.DB, path); err != nil {
			return fmt.Errorf("backup: %w", err)
		}
		_, err := fmt.Fprintln(out, path)
		return err
	}, nil
}

// parseRestore parses `restore FILE`.
func parseRestore(fs *flag.FlagSet, args []string, _ Env) (runFunc, error) {
	pos, err := parseFlags(fs, args)
	if err != nil {
		return nil, err
	}
	if len(pos) != 1 {
		return nil, errors.New("give exactly one FILE (a Sounding Board backup)")
	}
	return func(s *services.Set, out io.Writer) error {
		r, err := backup.Restore(context.Background(), s.DB, s.Path, pos[0], time.Now())
		if err != nil {
			return fmt.Errorf("restore: %w", err)
		}
		how := fmt.Sprintf("schema v%d", r.FromVersion)
		if r.Migrated {
			how += fmt.Sprintf(", upgraded to v%d", r.SchemaVersion)
		}
		_, err = fmt.Fprintf(out, "restored %s (%s) into %s\nthe data it replaced is backed up in %s\n",
			pos[0], how, s.Path, r.SafetyBackup.Path)
		return err
	}, nil
}
