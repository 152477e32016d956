package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// sb runs the command line in-process, as a user would from a shell.
func sb(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(args, &out, &errb)
	return code, out.String(), errb.String()
}

func writeFile(t *testing.T, dir, name, content string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestVersionAndUsage(t *testing.T) {
	if code, out, _ := sb(t, "version"); code != 0 || !strings.HasPrefix(out, "soundingboard ") {
		t.Errorf("version: %d %q", code, out)
	}
	code, _, errOut := sb(t, "--db", filepath.Join(t.TempDir(), "x.db"), "frobnicate")
	if code == 0 || !strings.Contains(errOut, `unknown command "frobnicate"`) {
		t.Errorf("unknown command: %d %q", code, errOut)
	}
	if code, _, errOut := sb(t, "members"); code == 0 || !strings.Contains(errOut, "import, export or list") {
		t.Errorf("members alone: %d %q", code, errOut)
	}
}

func TestDBFromEnvironment(t *testing.T) {
	p := filepath.Join(t.TempDir(), "env.db")
	t.Setenv("SOUNDINGBOARD_DB", p)
	if code, _, errOut := sb(t, "members", "list"); code != 0 {
		t.Fatalf("list: %s", errOut)
	}
	if _, err := os.Stat(p); err != nil {
		t.Fatalf("SOUNDINGBOARD_DB not used: %v", err)
	}
}

func TestDemoListExportImportRoundTrip(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "sb.db")
	if code, out, errOut := sb(t, "--db", db, "demo"); code != 0 || !strings.Contains(out, "members") {
		t.Fatalf("demo: %d %q %q", code, out, errOut)
	}
	if code, _, errOut := sb(t, "--db", db, "demo"); code == 0 || !strings.Contains(errOut, "empty") {
		t.Errorf("second demo should be refused: %d %q", code, errOut)
	}
	code, out, errOut := sb(t, "--db", db, "members", "list", "--json")
	if code != 0 {
		t.Fatalf("list: %s", errOut)
	}
	var members []struct {
		Name, Email, Company, Segment, Status string
		Tags                                  []string
	}
	if err := json.Unmarshal([]byte(out), &members); err != nil {
		t.Fatalf("list --json is not a JSON array: %v\n%s", err, out)
	}
	if len(members) < 25 {
		t.Fatalf("demo board has %d members, want about 30", len(members))
	}
	segs := map[string]bool{}
	for _, m := range members {
		segs[m.Segment] = true
		if m.Name == "" || m.Status == "" {
			t.Errorf("member without name or status: %+v", m)
		}
	}
	if len(segs) < 4 {
		t.Errorf("segments in demo: %v", segs)
	}

	csvPath := filepath.Join(dir, "board.csv")
	if code, _, errOut := sb(t, "--db", db, "members", "export", "-o", csvPath); code != 0 {
		t.Fatalf("export: %s", errOut)
	}
	db2 := filepath.Join(dir, "copy.db")
	if code, out, errOut := sb(t, "--db", db2, "members", "import", csvPath); code != 0 || !strings.Contains(out, "imported") {
		t.Fatalf("import of our own export: %d %q %q", code, out, errOut)
	}
	_, out2, _ := sb(t, "--db", db2, "members", "list", "--json")
	var again []struct{ Name string }
	json.Unmarshal([]byte(out2), &again)
	if len(again) != len(members) {
		t.Errorf("round trip: %d members, want %d", len(again), len(members))
	}
	if code, out, _ := sb(t, "--db", db2, "members", "list", "--search", members[0].Name); code != 0 || !strings.Contains(out, members[0].Name) {
		t.Errorf("search for %q: %q", members[0].Name, out)
	}
}

func TestImportRefusesUnknownColumnsAndBadRows(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "sb.db")
	unknown := writeFile(t, dir, "odd.csv", "Name,Email,Shoe size\nAna,ana@example.com,38\n")
	code, _, errOut := sb(t, "--db", db, "members", "import", unknown)
	if code == 0 || !strings.Contains(errOut, "Shoe size") {
		t.Fatalf("unknown column: %d %q", code, errOut)
	}
	if code, out, errOut := sb(t, "--db", db, "members", "import", unknown, "--map", "Shoe size="); code != 0 {
		t.Fatalf("import with the column ignored: %d %q %q", code, out, errOut)
	}

	bad := writeFile(t, dir, "bad.csv", "Name,Email\nBo,bo@example.com\nCy,not-an-email\n")
	code, _, errOut = sb(t, "--db", db, "members", "import", bad)
	if code == 0 || !strings.Contains(errOut, "not-an-email") {
		t.Fatalf("bad row: %d %q", code, errOut)
	}
	code, out, _ := sb(t, "--db", db, "members", "import", "--dry-run", bad)
	if code == 0 || !strings.Contains(out, "line 3") || !strings.Contains(out, "nothing written") {
		t.Errorf("dry run: %d %q", code, out)
	}
	_, out, _ = sb(t, "--db", db, "members", "list", "--json")
	if strings.Contains(out, "Bo") {
		t.Errorf("a refused import wrote rows: %s", out)
	}
}

// A first launch: the data folder does not exist yet, and commands that
// take the writer lock must create it rather than fail.
func TestFirstLaunchCreatesTheDataFolder(t *testing.T) {
	db := filepath.Join(t.TempDir(), "not", "yet", "there", "sb.db")
	if code, out, errOut := sb(t, "--db", db, "demo"); code != 0 {
		t.Fatalf("demo into a new folder: %d %q %q", code, out, errOut)
	}
	if st, err := os.Stat(filepath.Dir(db)); err != nil || st.Mode().Perm() != 0o700 {
		t.Fatalf("data folder: %v %v", st, err)
	}
}

func TestExportsAreOwnerOnly(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "sb.db")
	if code, _, errOut := sb(t, "--db", db, "demo"); code != 0 {
		t.Fatal(errOut)
	}
	out := filepath.Join(dir, "board.csv")
	if code, _, errOut := sb(t, "--db", db, "members", "export", "-o", out); code != 0 {
		t.Fatal(errOut)
	}
	if st, err := os.Stat(out); err != nil || st.Mode().Perm() != 0o600 {
		t.Fatalf("export mode: %v %v", st.Mode(), err)
	}
}
