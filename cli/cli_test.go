package cli

import (
	"bytes"
	"database/sql"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"soundingboard/backend/services"
	"soundingboard/backend/store"
)

// testEnv stands in for package main: a one-page frontend, no window.
var testEnv = Env{
	Assets:  fstest.MapFS{"index.html": {Data: []byte("<!doctype html><title>Sounding Board</title>")}},
	Version: "test",
	Bound:   func(s *services.Set) []any { return s.Bound() },
	Window:  func(string) error { return errors.New("no window in tests") },
}

// sb runs the command line in-process, as a user would from a shell.
func sb(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = Run(args, &out, &errb, testEnv)
	return code, out.String(), errb.String()
}

// demoBoard makes a database with the sample board in a new folder and
// returns the folder and the database.
func demoBoard(t *testing.T) (dir, db string) {
	t.Helper()
	dir = t.TempDir()
	db = filepath.Join(dir, "sb.db")
	if code, _, errOut := sb(t, "--db", db, "demo"); code != 0 {
		t.Fatalf("demo: %s", errOut)
	}
	return dir, db
}

// firstID is the id of the first row of table (the first sample member,
// decision or session) as a command's argument. Every table takes its
// ids from one counter, so the first session is not session 1.
func firstID(t *testing.T, db, table string) string {
	t.Helper()
	return queryID(t, db, `SELECT min(id) FROM `+table)
}

// queryID is the id query finds on the board at db, read without changing
// it, as a command's argument; no id fails t.
func queryID(t *testing.T, db, query string) string {
	t.Helper()
	d, err := store.OpenReadOnly(t.Context(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	var id sql.NullInt64
	if err := d.Get(&id, query); err != nil || !id.Valid || id.Int64 == 0 {
		t.Fatalf("%s: no id (%v)", query, err)
	}
	return strconv.FormatInt(id.Int64, 10)
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
	if err := json.Unmarshal([]byte(out2), &again); err != nil {
		t.Fatalf("members list --json: %v: %q", err, out2)
	}
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

// On Linux and the BSDs the database lives in the XDG data dir, whatever
// XDG_CONFIG_HOME says; Windows and macOS use os.UserConfigDir (%AppData%,
// ~/Library/Application Support), checked by cross-compiling.
func TestDefaultDBPathXDG(t *testing.T) {
	if runtime.GOOS == "windows" || runtime.GOOS == "darwin" {
		t.Skip("XDG applies to Linux and the BSDs")
	}
	t.Setenv("SOUNDINGBOARD_DB", "")
	t.Setenv("HOME", "/home/ada")
	t.Setenv("XDG_CONFIG_HOME", "/home/ada/cfg")
	for _, tc := range []struct{ dataHome, want string }{
		{"", "/home/ada/.local/share/soundingboard/soundingboard.db"},
		{"relative/data", "/home/ada/.local/share/soundingboard/soundingboard.db"},
		{"/srv/data", "/srv/data/soundingboard/soundingboard.db"},
	} {
		t.Setenv("XDG_DATA_HOME", tc.dataHome)
		if got := defaultDBPath(); got != tc.want {
			t.Errorf("XDG_DATA_HOME=%q: %q, want %q", tc.dataHome, got, tc.want)
		}
	}
	t.Setenv("SOUNDINGBOARD_DB", "/tmp/x.db")
	if got := defaultDBPath(); got != "/tmp/x.db" {
		t.Errorf("SOUNDINGBOARD_DB: %q", got)
	}
}
