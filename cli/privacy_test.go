package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

func TestExportPersonAndEraseCLI(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "sb.db")
	if code, _, errs := sb(t, "--db", db, "demo"); code != 0 {
		t.Fatalf("demo: %s", errs)
	}
	code, out, errs := sb(t, "--db", db, "members", "list", "--json")
	if code != 0 {
		t.Fatalf("list: %s", errs)
	}
	var ms []struct {
		ID   int64  `json:"id"`
		Name string `json:"name"`
	}
	if err := json.Unmarshal([]byte(out), &ms); err != nil || len(ms) == 0 {
		t.Fatalf("list: %v %q", err, out)
	}
	id, name := strconv.FormatInt(ms[0].ID, 10), ms[0].Name

	file := filepath.Join(dir, "person.json")
	if code, _, errs := sb(t, "--db", db, "members", "export-person", id, "-o", file); code != 0 {
		t.Fatalf("export-person: %s", errs)
	}
	b, err := os.ReadFile(file)
	if err != nil || !strings.Contains(string(b), `"name": "`+name+`"`) {
		t.Fatalf("export file: %v %.200s", err, b)
	}
	if st, _ := os.Stat(file); st.Mode().Perm() != 0o600 {
		t.Errorf("export file mode %v, want 0600 (personal data)", st.Mode().Perm())
	}

	for _, bad := range [][]string{
		{"members", "erase", id},                          // no --confirm
		{"members", "erase", id, "--confirm", "Not Them"}, // wrong name
		{"members", "erase", "abc", "--confirm", name},
		{"members", "erase", "999999", "--confirm", name},
		{"members", "export-person"},
	} {
		if code, _, errs := sb(t, append([]string{"--db", db}, bad...)...); code == 0 || errs == "" {
			t.Errorf("%v: exit %d, stderr %q; want a refusal", bad, code, errs)
		}
	}
	code, out, errs = sb(t, "--db", db, "members", "erase", id, "--confirm", name)
	if code != 0 || !strings.Contains(out, "reference ER-") {
		t.Fatalf("erase: %d %q %q", code, out, errs)
	}
	if _, out, _ := sb(t, "--db", db, "members", "list", "--json", "--search", name); strings.Contains(out, name) {
		t.Errorf("erased member still listed: %s", out)
	}
}

func TestServeRefusesRemoteWithoutFlag(t *testing.T) {
	db := filepath.Join(t.TempDir(), "sb.db")
	code, _, errs := sb(t, "--db", db, "serve", "--addr", "0.0.0.0:0")
	if code == 0 || !strings.Contains(errs, "--allow-remote") {
		t.Fatalf("serve on 0.0.0.0 without --allow-remote: %d %q", code, errs)
	}
}
