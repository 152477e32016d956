package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	ics "github.com/arran4/golang-ical"
)

func TestSessionsListAndICS(t *testing.T) {
	dir, db := demoBoard(t)
	code, out, errOut := sb(t, "--db", db, "sessions", "list", "--json")
	var rows []struct {
		ID     int64  `json:"id"`
		Title  string `json:"title"`
		Format string `json:"format"`
		Status string `json:"status"`
		Date   string `json:"date"`
	}
	if code != 0 || json.Unmarshal([]byte(out), &rows) != nil || len(rows) != 7 {
		t.Fatalf("list --json: %d %q %q", code, out, errOut)
	}
	formats := map[string]bool{}
	for _, r := range rows {
		formats[r.Format] = true
	}
	if len(formats) != 4 {
		t.Errorf("the sample board has a session of each of the 4 formats; list shows %v", formats)
	}
	planned := rows[0]
	if planned.Status != "planned" || planned.Date == "" || planned.Format != "assumption_testing" || planned.Title == "" {
		t.Fatalf("first row: %+v", planned)
	}
	if code, out, _ = sb(t, "--db", db, "sessions", "list"); code != 0 || !strings.HasPrefix(out, "ID") ||
		!strings.Contains(out, planned.Title) {
		t.Errorf("list: %q", out)
	}

	file := filepath.Join(dir, "invite.ics")
	id := strconv.FormatInt(planned.ID, 10)
	if code, _, errOut := sb(t, "--db", db, "sessions", "ics", id, "-o", file); code != 0 {
		t.Fatalf("ics: %s", errOut)
	}
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	cal, err := ics.ParseCalendar(strings.NewReader(string(b)))
	if err != nil || len(cal.Events()) != 1 {
		t.Fatalf("parse: %v\n%s", err, b)
	}
	e := cal.Events()[0]
	prop := func(p ics.ComponentProperty) string {
		if v := e.GetProperty(p); v != nil {
			return v.Value
		}
		return ""
	}
	if prop(ics.ComponentPropertyUniqueId) != "session-"+id+"@soundingboard" || prop(ics.ComponentPropertySummary) != "Bring your own price list" ||
		!strings.Contains(prop(ics.ComponentPropertyLocation), "https://") || !strings.Contains(prop(ics.ComponentPropertyDescription), "Welcome") {
		t.Errorf("event:\n%s", b)
	}
	if n := len(e.Attendees()); n == 0 {
		t.Errorf("no attendees:\n%s", b)
	}

	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"sessions", "ics"}, "give exactly one session ID"},
		{[]string{"sessions", "ics", "x"}, `"x" is not a session ID`},
		{[]string{"sessions", "ics", "999"}, "session 999 not found"},
		{[]string{"sessions", "start"}, "list or ics"},
		{[]string{"sessions", "list", "extra"}, "unexpected argument"},
	} {
		if code, _, errOut := sb(t, append([]string{"--db", db}, c.args...)...); code == 0 || !strings.Contains(errOut, c.want) {
			t.Errorf("%v: %d %q", c.args, code, errOut)
		}
	}
}
