package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestRemindersListAndICS(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "sb.db")
	if code, _, errOut := sb(t, "--db", db, "demo"); code != 0 {
		t.Fatalf("demo: %s", errOut)
	}
	code, out, errOut := sb(t, "--db", db, "reminders", "list", "--json")
	var all []map[string]any
	if code != 0 || json.Unmarshal([]byte(out), &all) != nil || len(all) == 0 {
		t.Fatalf("list --json: %d %q %q", code, out, errOut)
	}
	code, out, _ = sb(t, "--db", db, "reminders", "list", "--due", "--json")
	var due []map[string]any
	if code != 0 || json.Unmarshal([]byte(out), &due) != nil || len(due) == 0 || len(due) >= len(all) {
		t.Errorf("list --due: %d items of %d", len(due), len(all))
	}
	if code, out, _ = sb(t, "--db", db, "reminders", "list"); code != 0 || !strings.HasPrefix(out, "ID") {
		t.Errorf("list: %q", out)
	}
	ics := filepath.Join(dir, "r.ics")
	if code, _, errOut := sb(t, "--db", db, "reminders", "ics", "-o", ics); code != 0 {
		t.Fatalf("ics: %s", errOut)
	}
	b, err := os.ReadFile(ics)
	if err != nil || !strings.HasPrefix(string(b), "BEGIN:VCALENDAR\r\n") || strings.Count(string(b), "BEGIN:VEVENT") != len(all) {
		t.Errorf("ics file: %v, %d events for %d reminders", err, strings.Count(string(b), "BEGIN:VEVENT"), len(all))
	}
	if code, _, errOut := sb(t, "--db", db, "reminders", "snooze"); code == 0 || !strings.Contains(errOut, "list or ics") {
		t.Errorf("unknown subcommand: %d %q", code, errOut)
	}
	if code, _, errOut := sb(t, "--db", db, "reminders", "list", "extra"); code == 0 || !strings.Contains(errOut, "unexpected argument") {
		t.Errorf("extra argument: %d %q", code, errOut)
	}
}
