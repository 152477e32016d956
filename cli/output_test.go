package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Defect 2: an export written with -o never lands on the open database or
// its companion files (`members export -o <db>` used to destroy the board).
func TestOutputsRefuseTheDatabase(t *testing.T) {
	dir, db := demoBoard(t)
	member := firstID(t, db, "members")
	before := listNames(t, db)
	for _, args := range [][]string{
		{"members", "export", "--format", "csv", "-o", db},
		{"members", "export", "--format", "json", "-o", db + "-wal"},
		{"members", "export", "--format", "csv", "-o", "./" + filepath.Base(db)}, // another name for it, from its folder
		{"members", "export-person", member, "-o", db + "-shm"},
		{"reminders", "ics", "-o", db},
		{"report", "board", "-o", db + ".lock", "--format", "pdf"},
		{"report", "assumptions", "-o", db, "--format", "csv"},
	} {
		t.Chdir(dir)
		code, _, errOut := sb(t, append([]string{"--db", db}, args...)...)
		if code == 0 || !strings.Contains(errOut, "data file") {
			t.Errorf("%v: %d %q, want a refusal", args, code, errOut)
		}
	}
	if after := listNames(t, db); strings.Join(after, "\n") != strings.Join(before, "\n") {
		t.Fatalf("the board changed: %d members before, %d after", len(before), len(after))
	}
}

// Defect 2: every -o output is owner-only, also when it replaces a file
// that others could read, and no temporary file stays behind.
func TestOutputsAreOwnerOnlyWhenOverwriting(t *testing.T) {
	dir, db := demoBoard(t)
	for _, c := range []struct {
		file string
		args []string
	}{
		{"m.csv", []string{"members", "export"}},
		{"p.json", []string{"members", "export-person", firstID(t, db, "members")}},
		{"r.ics", []string{"reminders", "ics"}},
		{"b.pdf", []string{"report", "board"}},
	} {
		path := filepath.Join(dir, c.file)
		if err := os.WriteFile(path, []byte("old"), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Chmod(path, 0o644); err != nil { // whatever the umask
			t.Fatal(err)
		}
		if code, _, errOut := sb(t, append(append([]string{"--db", db}, c.args...), "-o", path)...); code != 0 {
			t.Fatalf("%v: %s", c.args, errOut)
		}
		st, err := os.Stat(path)
		if err != nil || st.Mode().Perm() != 0o600 || st.Size() <= 3 {
			t.Errorf("%s after %v: %v %v", c.file, c.args, st.Mode(), err)
		}
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".partial") {
			t.Errorf("temporary file left behind: %s", e.Name())
		}
	}
}
