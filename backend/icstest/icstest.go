// Package icstest reads .ics files in tests with an independent parser,
// Python's icalendar (Debian's python3-icalendar), as calendar apps would.
package icstest

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"soundingboard/backend/scripttest"
)

// Python finds a Python with the icalendar package. Without one the test
// is skipped, except in CI, where it must run.
func Python(t testing.TB) string {
	t.Helper()
	for _, py := range []string{"python3", "/usr/bin/python3"} {
		if exec.Command(py, "-c", "import icalendar, dateutil").Run() == nil {
			return py
		}
	}
	if os.Getenv("CI") == "true" {
		t.Fatal("python3 with icalendar is needed to check the .ics file (apt-get install python3-icalendar)")
	}
	t.Skip("python3-icalendar is not installed")
	return ""
}

// Read runs a Python icalendar script on an .ics file (its path is
// sys.argv[1]) and decodes the JSON it prints.
func Read[T any](t testing.TB, py, script, content string) T {
	t.Helper()
	path := filepath.Join(t.TempDir(), "read.ics")
	if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(py, "-c", script, path).CombinedOutput()
	if err != nil {
		t.Fatalf("python icalendar: %v\n%s\n--- file ---\n%s", err, out, content)
	}
	var got T
	if err := json.Unmarshal(out, &got); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	return got
}

// readEveryEvent prints, per VEVENT, what a person wrote into it.
const readEveryEvent = `
import json, sys
import icalendar
cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
out = []
for ev in cal.walk("VEVENT"):
    att = ev.get("ATTENDEE", [])
    if not isinstance(att, list):
        att = [att]
    out.append({"uid": str(ev["UID"]), "summary": str(ev["SUMMARY"]), "description": str(ev.get("DESCRIPTION", "")),
        "location": str(ev.get("LOCATION", "")), "alarm": [str(a.get("DESCRIPTION")) for a in ev.walk("VALARM")],
        "organizer": ev["ORGANIZER"].params.get("CN", "") if "ORGANIZER" in ev else "",
        "attendees": [a.params.get("CN", "") for a in att]})
print(json.dumps(out, ensure_ascii=False))
`

// Event is what a person wrote into one VEVENT, as read back.
type Event struct {
	UID         string   `json:"uid"`
	Summary     string   `json:"summary"`
	Description string   `json:"description"`
	Location    string   `json:"location"`
	Alarm       []string `json:"alarm"`
	Organizer   string   `json:"organizer"`
	Attendees   []string `json:"attendees"`
}

// Events checks the folding of an .ics file (scripttest.CheckFolded) and
// reads its events back.
func Events(t testing.TB, py, content string) []Event {
	t.Helper()
	scripttest.CheckFolded(t, content)
	return Read[[]Event](t, py, readEveryEvent, content)
}
