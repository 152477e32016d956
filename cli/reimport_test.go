package cli

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

// listJSON returns the members as `members list --json` prints them.
func listJSON(t *testing.T, db string) []map[string]any {
	t.Helper()
	code, out, errOut := sb(t, "--db", db, "members", "list", "--json")
	if code != 0 {
		t.Fatalf("list: %q", errOut)
	}
	var ms []map[string]any
	if err := json.Unmarshal([]byte(out), &ms); err != nil {
		t.Fatal(err)
	}
	return ms
}

func TestImportExistingAndSkipInvalid(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "sb.db")
	first := writeFile(t, dir, "board.csv", "Name,Email,Company,Phone,Contact consent,Consent date\n"+
		"Ann Lee,ann@x.example,Acme,111,yes,2025-01-01\nBo Ng,bo@x.example,Beta,,,\n")
	if code, out, errOut := sb(t, "--db", db, "members", "import", first); code != 0 || !strings.Contains(out, "imported 2 new members") {
		t.Fatalf("first import: %d %q %q", code, out, errOut)
	}
	for _, m := range listJSON(t, db) {
		if m["name"] == "Ann Lee" && m["canContact"] != true {
			t.Errorf("Ann's contact consent from the file did not make her contactable: %v", m)
		}
	}

	// The updated file: Ann's phone changed, Bo's row has a blank phone, a
	// name+company match (a new person on the command line) and a bad row.
	second := writeFile(t, dir, "board2.csv", "Name,Email,Company,Phone,Contact consent,Consent date\n"+
		"Ann Lee,ann@x.example,Acme,222,,\nBo Ng,bo@x.example,Beta,,,\nBo Ng,bo.ng@x.example,Beta,,,\nCy,not-an-email,,,,\n")

	// Without the flags: refused as a whole, naming the problems and the way out.
	code, _, errOut := sb(t, "--db", db, "members", "import", second)
	if code == 0 || !strings.Contains(errOut, `email "ann@x.example" already belongs to Ann Lee`) ||
		!strings.Contains(errOut, "not-an-email") || !strings.Contains(errOut, "--existing skip or --existing update") {
		t.Fatalf("refusal: %d %q", code, errOut)
	}
	if code, _, errOut := sb(t, "--db", db, "members", "import", second, "--existing", "update"); code == 0 || !strings.Contains(errOut, "--skip-invalid") {
		t.Fatalf("bad row without --skip-invalid: %d %q", code, errOut)
	}
	if code, _, errOut := sb(t, "--db", db, "members", "import", second, "--existing", "merge"); code == 0 || !strings.Contains(errOut, "use skip or update") {
		t.Errorf("unknown --existing: %d %q", code, errOut)
	}

	code, out, errOut := sb(t, "--db", db, "members", "import", "--dry-run", second, "--existing", "update", "--skip-invalid")
	if code != 0 || !strings.Contains(out, "1 new, 1 updated, 1 unchanged, 0 skipped, 0 refused, 1 with problems") ||
		!strings.Contains(out, "line 5: email \"not-an-email\"") {
		t.Fatalf("dry run: %d %q %q", code, out, errOut)
	}
	if n := len(listJSON(t, db)); n != 2 {
		t.Fatalf("a dry run wrote: %d members", n)
	}

	code, out, errOut = sb(t, "--db", db, "members", "import", second, "--existing", "update", "--skip-invalid")
	if code != 0 || !strings.Contains(out, "imported 1 new member, updated 1, 1 unchanged, 0 skipped, 1 left out") {
		t.Fatalf("import: %d %q %q", code, out, errOut)
	}
	phones := map[string]string{}
	for _, m := range listJSON(t, db) {
		phones[m["email"].(string)] = m["phone"].(string)
	}
	if len(phones) != 3 || phones["ann@x.example"] != "222" || phones["bo.ng@x.example"] != "" {
		t.Errorf("after the update: %v", phones)
	}

	code, out, _ = sb(t, "--db", db, "members", "import", second, "--existing", "skip", "--skip-invalid")
	if code != 0 || !strings.Contains(out, "imported 0 new members, updated 0, 0 unchanged, 3 skipped, 1 left out") {
		t.Errorf("skip: %d %q", code, out)
	}
}
