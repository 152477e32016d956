package cli

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"soundingboard/backend/store"
	"soundingboard/backend/storetest"
)

func TestPrintable(t *testing.T) {
	for in, want := range map[string]string{
		"Ann\x1b[31mRed\x07":            `Ann\x1b[31mRed\a`,
		"nul\x00tab\tnl\n":              `nul\x00tab\tnl\n`,
		"csi\u009b2J del\x7f":           `csi\u009b2J del\x7f`,
		"李雷":                            "李雷",
		"Ångström":                      "Ångström",
		"مرحبا":                         "مرحبا",
		"👩\u200d💻 ZWNJ\u200c RLM\u200f": "👩\u200d💻 ZWNJ\u200c RLM\u200f",
	} {
		if got := printable(in); got != want {
			t.Errorf("printable(%q) = %q, want %q", in, got, want)
		}
	}
}

// Defect 7: names and titles from the database reach the terminal with
// their control characters escaped, in every table.
func TestTablesEscapeControlCharacters(t *testing.T) {
	db := filepath.Join(t.TempDir(), "sb.db")
	if code, _, errOut := sb(t, "--db", db, "members", "list"); code != 0 {
		t.Fatal(errOut)
	}
	func() { // straight into the file: input validation would refuse these
		d, err := store.Open(context.Background(), db)
		if err != nil {
			t.Fatal(err)
		}
		defer d.Close()
		now := time.Now().UTC().Format(time.RFC3339)
		due := time.Now().Add(time.Hour)
		d.MustExec(`INSERT INTO members (id, name, company, created_at, updated_at) VALUES (?, ?, ?, ?, ?)`,
			storetest.NewID(t, d), "Ann\x1b[31mRed\x07", "李雷 & Ångström", now, now)
		d.MustExec(`INSERT INTO reminders (id, title, due_at, due_utc, scheduled_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
			storetest.NewID(t, d), "Call\x1b]0;owned\x07 back", due.Format(time.RFC3339), due.UTC().Format("2006-01-02T15:04:05Z"), due.Format(time.RFC3339), now, now)
	}()
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"members", "list"}, `Ann\x1b[31mRed\a`},
		{[]string{"reminders", "list"}, `Call\x1b]0;owned\a back`},
	} {
		code, out, errOut := sb(t, append([]string{"--db", db}, c.args...)...)
		if code != 0 || !strings.Contains(out, c.want) || strings.ContainsAny(out, "\x1b\x07\x00") {
			t.Errorf("%v: %d %q %q, want %q and no raw control characters", c.args, code, out, errOut, c.want)
		}
	}
	if _, out, _ := sb(t, "--db", db, "members", "list"); !strings.Contains(out, "李雷 & Ångström") {
		t.Errorf("ordinary Unicode changed: %q", out)
	}
}
