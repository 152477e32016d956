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
	for _, c := range []struct {
		args []string
		file string
		head string
	}{
		{[]string{"report", "session", "1", "-o", filepath.Join(dir, "s.pdf")}, "s.pdf", "%PDF-"},
		{[]string{"report", "letters", "1", "-o", filepath.Join(dir, "l.pdf")}, "l.pdf", "%PDF-"},
		{[]string{"report", "board", "-o", filepath.Join(dir, "b.pdf")}, "b.pdf", "%PDF-"},
		{[]string{"report", "assumptions", "--decision", "1", "-o", filepath.Join(dir, "a.md")}, "a.md", "# Assumption ledger"},
		{[]string{"report", "assumptions", "-o", filepath.Join(dir, "a.csv")}, "a.csv", "decision,assumption"},
		{[]string{"report", "session", "1", "-o", filepath.Join(dir, "s.md")}, "s.md", "# "},
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
