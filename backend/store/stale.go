package store

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"soundingboard/backend/atomicfile"
)

// A restore stages its copy as .restore-<nanoseconds>.tmp in the backups
// folder.
const (
	stagingPrefix = ".restore-"
	stagingSuffix = ".tmp"
)

// staleAfter is how long an unfinished temporary file must have been left
// alone before it counts as dead. A reader (which takes no writer lock)
// may be writing a backup right now; SQLite touches that file all along.
const staleAfter = time.Hour

// removeStale deletes what a killed writer left beside the database at
// dbPath and in its backups folder: a restore's staging copy (with its
// journal), and unfinished backups and exports (atomicfile's temporary
// files). It runs under the writer lock, so no restore is under way in
// another process.
func removeStale(dbPath string, now time.Time) error {
	var errs []error
	for _, dir := range []string{filepath.Dir(dbPath), BackupDir(dbPath)} {
		entries, err := os.ReadDir(dir)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			errs = append(errs, err)
			continue
		}
		for _, e := range entries {
			if !e.Type().IsRegular() || !isStale(e, now) {
				continue
			}
			if err := os.Remove(filepath.Join(dir, e.Name())); err != nil && !errors.Is(err, fs.ErrNotExist) {
				errs = append(errs, err)
			}
		}
	}
	if err := errors.Join(errs...); err != nil {
		return fmt.Errorf("remove unfinished files: %w", err)
	}
	return nil
}

// isStale reports whether e is a restore's staging file or its journal
// (only a writer restores, so any is dead), or a temporary file untouched
// for staleAfter.
func isStale(e fs.DirEntry, now time.Time) bool {
	name := e.Name()
	for _, c := range companions {
		name = strings.TrimSuffix(name, c)
	}
	if strings.HasPrefix(name, stagingPrefix) && strings.HasSuffix(name, stagingSuffix) {
		return true
	}
	if !atomicfile.IsTemp(name) {
		return false
	}
	info, err := e.Info()
	return err == nil && now.Sub(info.ModTime()) > staleAfter
}
