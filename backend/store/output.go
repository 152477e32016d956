package store

import (
	"os"
	"path/filepath"
)

// companions are the files SQLite and the writer lock keep beside a
// database; overwriting one destroys or corrupts the data.
var companions = []string{"", "-wal", "-shm", "-journal", ".lock"}

// CheckOutput refuses to let an export or report be written over the
// database at dbPath or one of its companion files, by name or through
// another name for the same file (a link, "./", a different case on a
// case-insensitive disk).
func CheckOutput(dbPath, out string) error {
	outAbs, err := filepath.Abs(out)
	if err != nil {
		return Invalid("output %s: %v", out, err)
	}
	outInfo, outErr := os.Stat(out)
	for _, c := range companions {
		p := dbPath + c
		pAbs, err := filepath.Abs(p)
		if err == nil && pAbs == outAbs {
			return Invalid("output %s is the board's data file %s; choose another name", out, p)
		}
		if outErr != nil {
			continue
		}
		if info, err := os.Stat(p); err == nil && os.SameFile(info, outInfo) {
			return Invalid("output %s is the board's data file %s; choose another name", out, p)
		}
	}
	return nil
}
