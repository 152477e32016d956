package cli

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// Which commands take the writer lock follows the command table and the
// parsed flags: --dry-run in any spelling flag accepts makes an import a
// reader.
func TestCommandTableWrites(t *testing.T) {
	for _, c := range []struct {
		args []string
		want bool
	}{
		{[]string{"serve"}, true},
		{[]string{"demo"}, true},
		{[]string{"restore", "x"}, true},
		{[]string{"members", "import", "a.csv"}, true},
		{[]string{"members", "import", "a.csv", "--dry-run"}, false},
		{[]string{"members", "import", "--dry-run=1", "a.csv"}, false},
		{[]string{"members", "import", "-dry-run=true", "a.csv"}, false},
		{[]string{"members", "import", "--dry-run=T", "a.csv"}, false},
		{[]string{"members", "import", "--dry-run=false", "a.csv"}, true},
		{[]string{"members", "import", "--dry-run=0", "a.csv"}, true},
		{[]string{"members", "erase", "1", "--confirm", "A B"}, true},
		{[]string{"members", "list"}, false},
		{[]string{"members", "export", "-o", "x.csv"}, false},
		{[]string{"members", "export-person", "1"}, false},
		{[]string{"reminders", "list"}, false},
		{[]string{"reminders", "ics"}, false},
		{[]string{"backup"}, false},
		{[]string{"report", "board"}, false},
	} {
		cmd, rest, err := lookup(c.args)
		if err != nil {
			t.Fatalf("%v: %v", c.args, err)
		}
		fs := newFlagSet(cmd.name)
		if _, err := cmd.parse(fs, rest, testEnv); err != nil {
			t.Fatalf("%v: %v", c.args, err)
		}
		if got := cmd.writesAs(fs); got != c.want {
			t.Errorf("%v writes = %v, want %v", c.args, got, c.want)
		}
	}
	for _, c := range commands() {
		if c.readOnlyIf == "" {
			continue
		}
		fs := newFlagSet(c.name)
		_, _ = c.parse(fs, nil, testEnv) // defines the flags; the missing arguments make it fail, which does not matter here
		if f := fs.Lookup(c.readOnlyIf); f == nil || f.Value.String() != "false" {
			t.Errorf("%s: readOnlyIf %q is not one of its bool flags", c.name, c.readOnlyIf)
		}
	}
}

// listNames returns the names `members list --json` prints.
func listNames(t *testing.T, db string) []string {
	t.Helper()
	code, out, errOut := sb(t, "--db", db, "members", "list", "--json")
	if code != 0 {
		t.Fatalf("members list: %s", errOut)
	}
	var ms []struct{ Name string }
	if err := json.Unmarshal([]byte(out), &ms); err != nil {
		t.Fatal(err)
	}
	names := make([]string, len(ms))
	for i, m := range ms {
		names[i] = m.Name
	}
	return names
}

// Defects 6 and 14: while `serve` holds the database, the commands that
// only read run (no writer lock, the file opened read-only), including an
// import with --dry-run=1, which writes nothing.
func TestReadersRunWhileServeHoldsTheDatabase(t *testing.T) {
	dir, db := demoBoard(t)
	before := listNames(t, db)
	srv := startServe(t, newCrashEnv(t), db)
	defer func() {
		srv.cmd.Process.Kill()
		srv.cmd.Wait()
	}()
	csv := writeFile(t, dir, "new.csv", "Name,Email\nDry Runner,dry@example.com\n")
	for _, args := range [][]string{
		{"members", "list"},
		{"members", "export", "-o", filepath.Join(dir, "board.csv")},
		{"members", "import", csv, "--dry-run=1"},
		{"members", "import", "--dry-run=true", csv},
		{"reminders", "ics", "-o", filepath.Join(dir, "r.ics")},
		{"report", "board", "-o", filepath.Join(dir, "board.pdf")},
	} {
		if code, _, errOut := sb(t, append([]string{"--db", db}, args...)...); code != 0 {
			t.Errorf("%v while serve runs: %d %q", args, code, errOut)
		}
	}
	if code, _, errOut := sb(t, "--db", db, "members", "import", csv); code == 0 || !strings.Contains(errOut, "open in another Sounding Board") {
		t.Errorf("a real import while serve runs: %d %q", code, errOut)
	}
	if after := listNames(t, db); strings.Join(after, "\n") != strings.Join(before, "\n") {
		t.Errorf("a dry run wrote: %d members before, %d after", len(before), len(after))
	}
}

// stalled is a stdout that holds the first write until released, so a
// command stays in the middle of its work.
type stalled struct {
	started, release chan struct{}
	buf              bytes.Buffer
}

func (s *stalled) Write(p []byte) (int, error) {
	if s.buf.Len() == 0 {
		close(s.started)
		<-s.release
	}
	return s.buf.Write(p)
}

// Defect 6: `serve` starts while a `members export` is running (it failed
// 3 out of 3 times: the export held the writer lock).
func TestServeStartsDuringAnExport(t *testing.T) {
	_, db := demoBoard(t)
	out := &stalled{started: make(chan struct{}), release: make(chan struct{})}
	done := make(chan int, 1)
	var errb bytes.Buffer
	go func() { done <- Run([]string{"--db", db, "members", "export"}, out, &errb, testEnv) }()
	select {
	case <-out.started:
	case <-time.After(20 * time.Second):
		t.Fatal("the export did not start")
	}
	srv := startServe(t, newCrashEnv(t), db) // fails the test when serve prints no address
	srv.cmd.Process.Kill()
	srv.cmd.Wait()
	close(out.release)
	if code := <-done; code != 0 || strings.Count(out.buf.String(), "\n") < 25 {
		t.Fatalf("export: %d %q %.100q", code, errb.String(), out.buf.String())
	}
}
