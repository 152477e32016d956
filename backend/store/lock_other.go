//go:build !(linux || darwin || freebsd || openbsd || netbsd || dragonfly || windows)

package store

import (
	"errors"
	"io/fs"
	"os"
)

// Without an OS file lock, the lock file's existence is the lock: it is
// created exclusively and removed on release. A crash leaves it behind;
// the error names the file, and deleting it frees the database.
func openLockFile(path string) (*os.File, error) {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
	if errors.Is(err, fs.ErrExist) {
		return nil, errExists
	}
	return f, err
}

var errExists = errors.New("lock file exists; if no Sounding Board is running, delete it")

func tryLock(*os.File) error { return nil }

func unlock(_ *os.File, path string) error { return os.Remove(path) }
