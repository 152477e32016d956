package store

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// WriterLock is the one-writer lock of a database file: a lock file next
// to it (path + ".lock") held for as long as a process may write — the
// window, `serve`, and the command-line commands that write. Commands
// that only read do not take it and may run alongside. The lock is an
// OS file lock (flock, LockFileEx), so it is released when the process
// ends, however it ends; the file itself stays and holds the last
// holder's pid, for the message.
type WriterLock struct {
	f    *os.File
	path string
}

// LockPath is the lock file of the database at dbPath.
func LockPath(dbPath string) string { return dbPath + ".lock" }

// LockWriter takes the writer lock of the database at dbPath without
// waiting. When another process holds it the error wraps ErrLocked and
// names that process. Once it holds the lock it removes the files a killed
// writer left (a restore's staging copy, unfinished backups).
func LockWriter(dbPath string) (*WriterLock, error) {
	path := LockPath(dbPath)
	// On a first launch the data folder does not exist yet.
	if err := os.MkdirAll(filepath.Dir(dbPath), 0o700); err != nil {
		return nil, fmt.Errorf("lock %s: %w", dbPath, err)
	}
	f, err := openLockFile(path)
	if err != nil {
		return nil, fmt.Errorf("lock %s: %w", dbPath, err)
	}
	if err := tryLock(f); err != nil {
		_ = f.Close() // nothing was written through f; the lock's failure is the error
		if errors.Is(err, errWouldBlock) {
			return nil, lockedError(dbPath, path)
		}
		return nil, fmt.Errorf("lock %s: %w", dbPath, err)
	}
	// Record who holds it, for the next one's message.
	if err := f.Truncate(0); err == nil {
		_, _ = f.WriteAt([]byte(strconv.Itoa(os.Getpid())+"\n"), 0)
	}
	l := &WriterLock{f: f, path: path}
	// The one writer is starting: what a killed one left is dead.
	if err := removeStale(dbPath, time.Now()); err != nil {
		return nil, errors.Join(fmt.Errorf("lock %s: %w", dbPath, err), l.Release())
	}
	return l, nil
}

func lockedError(dbPath, lockPath string) error {
	holder := "another process"
	if b, err := os.ReadFile(lockPath); err == nil {
		if pid, err := strconv.Atoi(strings.TrimSpace(string(b))); err == nil && pid > 0 {
			holder = "pid " + strconv.Itoa(pid)
		}
	}
	return &Error{Kind: ErrLocked, Msg: fmt.Sprintf("%s is open in another Sounding Board (%s); close it first", dbPath, holder)}
}

// Release gives the lock up. It is safe to call more than once.
func (l *WriterLock) Release() error {
	if l == nil || l.f == nil {
		return nil
	}
	err := unlock(l.f, l.path)
	err = errors.Join(err, l.f.Close())
	l.f = nil
	if err != nil {
		return fmt.Errorf("release lock %s: %w", l.path, err)
	}
	return nil
}

// errWouldBlock is tryLock's answer when another holder has the lock.
var errWouldBlock = errors.New("lock held elsewhere")
