package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"soundingboard/backend/store"
)

func TestBackupAndRestoreCommands(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "sb.db")
	if code, _, errOut := sb(t, "--db", db, "demo"); code != 0 {
		t.Fatalf("demo: %s", errOut)
	}
	code, out, errOut := sb(t, "--db", db, "backup")
	bak := strings.TrimSpace(out)
	if code != 0 || filepath.Dir(bak) != filepath.Join(dir, "backups") || !strings.HasPrefix(filepath.Base(bak), "sb-") || !strings.HasSuffix(bak, "-manual.db") {
		t.Fatalf("backup: %d %q %q", code, out, errOut)
	}
	own := filepath.Join(dir, "mine.db")
	if code, out, errOut := sb(t, "--db", db, "backup", "-o", own); code != 0 || strings.TrimSpace(out) != own {
		t.Fatalf("backup -o: %d %q %q", code, out, errOut)
	}
	if code, _, errOut := sb(t, "--db", db, "backup", "-o", own); code == 0 || !strings.Contains(errOut, "already exists") {
		t.Fatalf("backup -o onto an existing file: %d %q", code, errOut)
	}

	// Change the data, then restore: the change is gone, and the state
	// before the restore is kept.
	csv := writeFile(t, dir, "new.csv", "Name,Email\nLate Joiner,late@example.com\n")
	if code, _, errOut := sb(t, "--db", db, "members", "import", csv); code != 0 {
		t.Fatalf("import: %s", errOut)
	}
	code, out, errOut = sb(t, "--db", db, "restore", own)
	if code != 0 || !strings.Contains(out, "restored "+own) || !strings.Contains(out, "-pre-restore.db") {
		t.Fatalf("restore: %d %q %q", code, out, errOut)
	}
	if _, out, _ := sb(t, "--db", db, "members", "list", "--search", "late"); strings.Contains(out, "Late Joiner") {
		t.Fatalf("member still there after restore:\n%s", out)
	}

	// Bad files: non-zero, one line, and nothing changes.
	notDB := writeFile(t, dir, "notes.txt", "not a database")
	newer := filepath.Join(dir, "newer.db")
	if code, _, errOut := sb(t, "--db", newer, "members", "list"); code != 0 {
		t.Fatal(errOut)
	}
	if code, _, errOut := sb(t, "--db", newer, "backup"); code != 0 {
		t.Fatal(errOut)
	}
	func() {
		ndb, err := store.Open(t.Context(), newer)
		if err != nil {
			t.Fatal(err)
		}
		defer ndb.Close()
		if _, err := ndb.Exec(`INSERT INTO schema_migrations (version, name, applied_at) VALUES (99, 'future', 'x')`); err != nil {
			t.Fatal(err)
		}
	}()
	for _, c := range []struct{ file, want string }{
		{notDB, "restore: notes.txt is not a Sounding Board database (not an SQLite file)"},
		{newer, "made by a newer version of Sounding Board"},
		{filepath.Join(dir, "missing.db"), "restore: " + filepath.Join(dir, "missing.db") + ": no such file"},
	} {
		code, out, errOut := sb(t, "--db", db, "restore", c.file)
		if code == 0 || !strings.Contains(errOut, c.want) || strings.Count(strings.TrimSpace(errOut), "\n") != 0 || out != "" {
			t.Errorf("restore %s: %d %q %q; want one line saying %q", c.file, code, out, errOut, c.want)
		}
	}
	if code, _, errOut := sb(t, "--db", db, "restore"); code == 0 || !strings.Contains(errOut, "give exactly one FILE") {
		t.Errorf("restore without a file: %d %q", code, errOut)
	}
}

// While another Sounding Board holds the file, commands that write are
// refused with who holds it; commands that only read still run.
func TestWritersAreRefusedWhileTheFileIsOpenElsewhere(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "sb.db")
	if code, _, errOut := sb(t, "--db", db, "demo"); code != 0 {
		t.Fatalf("demo: %s", errOut)
	}
	bak := filepath.Join(dir, "b.db")
	if code, _, errOut := sb(t, "--db", db, "backup", "-o", bak); code != 0 {
		t.Fatal(errOut)
	}
	lock, err := store.LockWriter(db)
	if err != nil {
		t.Fatal(err)
	}
	defer lock.Release()
	csv := writeFile(t, dir, "m.csv", "Name\nX\n")
	want := fmt.Sprintf("%s is open in another Sounding Board (pid %d); close it first", db, os.Getpid())
	for _, args := range [][]string{
		{"serve", "--addr", "127.0.0.1:0"},
		{"demo"},
		{"restore", bak},
		{"members", "import", csv},
	} {
		code, _, errOut := sb(t, append([]string{"--db", db}, args...)...)
		if code == 0 || !strings.Contains(errOut, want) {
			t.Errorf("%v while locked: %d %q", args, code, errOut)
		}
	}
	for _, args := range [][]string{
		{"members", "list"},
		{"members", "export"},
		{"members", "import", csv, "--dry-run"},
		{"reminders", "list"},
		{"report", "board", "-o", filepath.Join(dir, "board.pdf")},
		{"backup"},
	} {
		if code, _, errOut := sb(t, append([]string{"--db", db}, args...)...); code != 0 {
			t.Errorf("%v while locked: %d %q", args, code, errOut)
		}
	}
	lock.Release()
	if code, _, errOut := sb(t, "--db", db, "members", "import", csv); code != 0 {
		t.Errorf("import after the other closed: %s", errOut)
	}
}
