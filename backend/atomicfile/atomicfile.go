// Package atomicfile writes files so that a reader, or the next start after
// a crash, sees either the old file or the whole new one, never a part; and
// the file is the owner's alone (0600), also when it replaces another.
package atomicfile

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
)

// Perm is the mode of every file written here: exports and backups hold
// people's personal data.
const Perm = 0o600

// tmpSuffix ends the name of every file being written; a crash can leave
// one behind, and IsTemp tells a cleaner which files those are.
const tmpSuffix = ".partial"

// Write writes data to path atomically.
func Write(path string, data []byte) error {
	return WriteWith(path, writeBytes(data))
}

// WriteWith lets fn write the content of path into a temporary file beside
// it, then moves that into place. When fn fails, path is left as it was.
func WriteWith(path string, fn func(w io.Writer) error) error {
	tmp, err := writeTemp(path, fn)
	if err != nil {
		return err
	}
	return Place(tmp, path)
}

// WriteNew writes data to path, which must not exist yet. A file that
// other machines copy (a team's shared folder) never changes once it has a
// name, so an existing path is an error that wraps fs.ErrExist and is left
// as it was. The file appears whole under its name or not at all.
func WriteNew(path string, data []byte) error {
	tmp, err := writeTemp(path, writeBytes(data))
	if err != nil {
		return err
	}
	err = linkNew(tmp, path)
	discard(tmp)
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return SyncDir(filepath.Dir(path))
}

// linkNew gives tmp the name path without replacing a file there: a hard
// link fails when the name is taken, where a rename would replace it. A
// file system without hard links (FAT, some network shares) gets a check
// then a rename; only this device writes in its folder, so nothing races it.
func linkNew(tmp, path string) error {
	err := os.Link(tmp, path)
	if err == nil || errors.Is(err, fs.ErrExist) {
		return err
	}
	if _, err := os.Lstat(path); err == nil {
		return fs.ErrExist
	} else if !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	return os.Rename(tmp, path)
}

// writeBytes is the writer function of a file whose content is in memory.
func writeBytes(data []byte) func(w io.Writer) error {
	return func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	}
}

// writeTemp lets fn fill a new owner-only temporary file beside path and
// flushes it to the disk; on failure nothing is left behind.
func writeTemp(path string, fn func(w io.Writer) error) (string, error) {
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*"+tmpSuffix)
	if err != nil {
		return "", fmt.Errorf("write %s: %w", path, err)
	}
	tmp := f.Name()
	if err := fn(f); err != nil {
		_ = f.Close() // the write failed already; a close error adds nothing
		discard(tmp)
		return "", fmt.Errorf("write %s: %w", path, err)
	}
	if err := errors.Join(f.Sync(), f.Close()); err != nil {
		discard(tmp)
		return "", fmt.Errorf("write %s: %w", path, err)
	}
	return tmp, nil
}

// TempPath names a file beside path that does not exist yet, for a writer
// that creates its file itself (the store's backup creates it empty and
// owner-only, then SQLite's VACUUM INTO fills it). Hand the finished file
// to Place, or remove it.
func TempPath(path string) (string, error) {
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*"+tmpSuffix)
	if err != nil {
		return "", fmt.Errorf("write %s: %w", path, err)
	}
	name := f.Name()
	if err := errors.Join(f.Close(), os.Remove(name)); err != nil {
		return "", fmt.Errorf("write %s: %w", path, err)
	}
	return name, nil
}

// Place moves the finished file tmp to path: flushed to the disk, owner
// only, renamed over any old file, and the folder flushed so the new name
// survives a power cut. On failure tmp is removed and path left as it was.
func Place(tmp, path string) error {
	err := func() error {
		f, err := os.OpenFile(tmp, os.O_RDWR, 0)
		if err != nil {
			return err
		}
		if err := errors.Join(f.Sync(), f.Close()); err != nil {
			return err
		}
		if err := os.Chmod(tmp, Perm); err != nil {
			return err
		}
		return os.Rename(tmp, path)
	}()
	if err != nil {
		discard(tmp)
		return fmt.Errorf("write %s: %w", path, err)
	}
	return SyncDir(filepath.Dir(path))
}

// discard removes an unfinished temp file on a path that already returns
// the error that matters. A file it cannot remove keeps its hidden IsTemp
// name, which the store's start-up cleaner removes beside the database.
func discard(tmp string) { _ = os.Remove(tmp) }

// IsTemp reports whether name (a base name) is one of this package's
// unfinished files, which a crash can leave behind.
func IsTemp(name string) bool {
	return strings.HasPrefix(name, ".") && strings.HasSuffix(name, tmpSuffix)
}

// SyncDir flushes a folder's entries, so that a name just made in it (a
// file, or a new folder) survives a power cut. Windows cannot open a
// folder for that, and its renames are durable without it.
func SyncDir(dir string) error {
	if runtime.GOOS == "windows" {
		return nil
	}
	d, err := os.Open(dir)
	if err != nil {
		return fmt.Errorf("sync %s: %w", dir, err)
	}
	return errors.Join(d.Sync(), d.Close())
}
