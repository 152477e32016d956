package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestReportCommand(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "sb.db")
	if code, _, errOut := sb(t, "--db", db, "demo"); code != 0 {
		t.Fatalf("demo: %s", errOut)
	}
	session, decision := firstID(t, db, "sessions"), firstID(t, db, "decisions")
	for _, c := range []struct {
		args []string
		file string
		head string
	}{
		{[]string{"report", "session", session, "-o", filepath.Join(dir, "s.pdf")}, "s.pdf", "%PDF-"},
		{[]string{"report", "letters", session, "-o", filepath.Join(dir, "l.pdf")}, "l.pdf", "%PDF-"},
		{[]string{"report", "board", "-o", filepath.Join(dir, "b.pdf")}, "b.pdf", "%PDF-"},
		{[]string{"report", "assumptions", "--decision", decision, "-o", filepath.Join(dir, "a.md")}, "a.md", "# Assumption ledger"},
		{[]string{"report", "assumptions", "-o", filepath.Join(dir, "a.csv")}, "a.csv", "decision,assumption"},
		{[]string{"report", "session", session, "-o", filepath.Join(dir, "s.md")}, "s.md", "# "},
	} {
		code, out, errOut := sb(t, append([]string{"--db", db}, c.args...)...)
		if code != 0 || !strings.HasPrefix(out, "wrote ") {
			t.Errorf("%v: %d %q %q", c.args, code, out, errOut)
			continue
		}
		b, err := os.ReadFile(filepath.Join(dir, c.file))
		if err != nil || !bytes.HasPrefix(b, []byte(c.head)) {
			t.Errorf("%s starts %q (%v)", c.file, b[:min(20, len(b))], err)
		}
	}
	// Letters: one PDF per participant into a folder (created), or one file.
	letters := filepath.Join(dir, "letters")
	code, out, errOut := sb(t, "--db", db, "report", "letters", session, "-o", letters)
	if code != 0 {
		t.Fatalf("letters into a folder: %d %q", code, errOut)
	}
	names, err := os.ReadDir(letters)
	if err != nil || len(names) == 0 || strings.Count(out, "wrote ") != len(names) {
		t.Fatalf("letters folder holds %d files (%v); output %q", len(names), err, out)
	}
	for _, n := range names {
		b, err := os.ReadFile(filepath.Join(letters, n.Name()))
		if !strings.HasSuffix(n.Name(), ".pdf") || err != nil || !bytes.HasPrefix(b, []byte("%PDF-")) {
			t.Errorf("letter %s: %v", n.Name(), err)
		}
		if !strings.Contains(out, "wrote "+filepath.Join(letters, n.Name())+"\n") {
			t.Errorf("output does not name %s: %q", n.Name(), out)
		}
	}
	if code, _, errOut := sb(t, "--db", db, "report", "letters", session, "-o", letters); code != 0 { // an existing folder again
		t.Errorf("letters into an existing folder: %q", errOut)
	}
	if code, _, errOut := sb(t, "--db", db, "report", "letters", session, "-o", filepath.Join(dir, "l.zip")); code != 0 {
		t.Errorf("letters as zip: %q", errOut)
	} else if b, _ := os.ReadFile(filepath.Join(dir, "l.zip")); !bytes.HasPrefix(b, []byte("PK")) {
		t.Errorf("l.zip is not a zip")
	}
	if code, _, errOut := sb(t, "--db", db, "report", "letters", "999", "-o", filepath.Join(dir, "none")); code == 0 ||
		!strings.Contains(errOut, "not found") {
		t.Errorf("letters of no session: %d %q", code, errOut)
	} else if _, err := os.Stat(filepath.Join(dir, "none")); err == nil {
		t.Error("a refused export made its folder")
	}
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"report"}, "say session ID"},
		{[]string{"report", "session"}, "exactly one session ID"},
		{[]string{"report", "session", "x"}, "not a session ID"},
		{[]string{"report", "session", "999", "-o", filepath.Join(dir, "x.pdf")}, "not found"},
		{[]string{"report", "board", "-o", filepath.Join(dir, "x.md")}, "is not one of pdf"},
		{[]string{"report", "weekly"}, "unknown report"},
	} {
		code, _, errOut := sb(t, append([]string{"--db", db}, c.args...)...)
		if code == 0 || !strings.Contains(errOut, c.want) {
			t.Errorf("%v: %d %q, want %q", c.args, code, errOut, c.want)
		}
	}
}
