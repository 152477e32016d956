package loop

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	ics "github.com/arran4/golang-ical"

	"soundingboard/backend/icstest"
)

// readBack parses the calendar with Python's icalendar, expands each
// RRULE with dateutil on the wall clock, and asks each VTIMEZONE for its
// offset at the probe wall times.
const readBack = `
import json, sys, datetime
import icalendar
from dateutil.rrule import rrulestr
cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
probes = json.loads(sys.argv[2])
out = {"prodid": str(cal.get("PRODID")), "version": str(cal.get("VERSION")), "events": [], "zones": {}}
for tz in cal.walk("VTIMEZONE"):
    z = tz.to_tz()
    out["zones"][str(tz["TZID"])] = {p: int(z.localize(datetime.datetime.fromisoformat(p)).utcoffset().total_seconds()) for p in probes}
for ev in cal.walk("VEVENT"):
    start = ev.decoded("DTSTART")
    e = {"uid": str(ev["UID"]), "summary": str(ev["SUMMARY"]),
         "tzid": ev["DTSTART"].params.get("TZID", ""), "start": start.replace(tzinfo=None).isoformat(),
         "utc": start.tzinfo is not None and start.utcoffset() == datetime.timedelta(0) and not ev["DTSTART"].params.get("TZID"),
         "stamp": ev.decoded("DTSTAMP").isoformat(), "sequence": int(ev.get("SEQUENCE", -1)),
         "alarms": [[str(a["ACTION"]), str(a.get("TRIGGER").to_ical().decode()), str(a.get("DESCRIPTION"))] for a in ev.walk("VALARM")],
         "rrule": "", "next": []}
    if "RRULE" in ev:
        e["rrule"] = ev["RRULE"].to_ical().decode()
        rule = rrulestr(e["rrule"], dtstart=start.replace(tzinfo=None))
        e["next"] = [d.isoformat() for d in rule[:5]]
    out["events"].append(e)
print(json.dumps(out))
`

type readEvent struct {
	UID      string     `json:"uid"`
	Summary  string     `json:"summary"`
	TZID     string     `json:"tzid"`
	Start    string     `json:"start"`
	UTC      bool       `json:"utc"`
	Stamp    string     `json:"stamp"`
	Sequence int        `json:"sequence"`
	Alarms   [][]string `json:"alarms"`
	RRule    string     `json:"rrule"`
	Next     []string   `json:"next"`
}

func TestICSReadBackByAnIndependentParser(t *testing.T) {
	py := icstest.Python(t)
	f := newFx(t, "America/New_York", "2026-01-20 12:00")
	zoe := f.member("Zoë Durand", "ok", 0)
	one := f.reminder(ReminderInput{Title: "Thank Zoë, “quickly”; really", Kind: "thank_you", DueAt: "2026-03-10T09:00",
		MemberID: zoe, Body: "Line one\nLine two, with a comma"})
	weekly := f.reminder(ReminderInput{Title: "Weekly sync", DueAt: "2026-03-23T09:00", TimeZone: "Europe/Berlin", RepeatUnit: "week", RepeatEvery: 1})
	month31 := f.reminder(ReminderInput{Title: "Month-end report", DueAt: "2026-01-31T17:00", RepeatUnit: "month", RepeatEvery: 1})
	month30 := f.reminder(ReminderInput{Title: "Every other month on the 30th", DueAt: "2026-01-30T08:00", TimeZone: "Europe/Berlin", RepeatUnit: "month", RepeatEvery: 2})
	daily := f.reminder(ReminderInput{Title: "Daily in Kolkata", DueAt: "2026-02-01T10:00", TimeZone: "Asia/Kolkata", RepeatUnit: "day", RepeatEvery: 3})
	plain := f.reminder(ReminderInput{Title: "No zone name", DueAt: "2026-02-02T09:00:00Z"})
	f.exec(`UPDATE reminders SET time_zone = '' WHERE id = ?`, plain.ID)
	done := f.reminder(ReminderInput{Title: "Done already", DueAt: "2026-01-02T09:00"})
	ok(f.s.Complete(done.ID, CompleteInput{})).of(t)
	ok(f.s.Snooze(one.ID, SnoozeInput{Preset: "until", Until: "2026-03-10T11:00"})).of(t)

	file := ok(f.s.ExportICS()).of(t)
	if file.MimeType != "text/calendar" || !strings.HasSuffix(file.FileName, ".ics") {
		t.Errorf("file %s %s", file.FileName, file.MimeType)
	}
	if !strings.Contains(file.Content, "\r\n") || strings.Contains(strings.ReplaceAll(file.Content, "\r\n", ""), "\n") {
		t.Error("lines are not CRLF-terminated")
	}
	// Our own library reads it back too.
	if _, err := ics.ParseCalendar(strings.NewReader(file.Content)); err != nil {
		t.Fatalf("golang-ical cannot read its own output: %v", err)
	}
	path := filepath.Join(t.TempDir(), "reminders.ics")
	if err := os.WriteFile(path, []byte(file.Content), 0o600); err != nil {
		t.Fatal(err)
	}
	probes := []string{"2026-01-15T12:00:00", "2026-07-15T12:00:00", "2026-03-29T03:30:00", "2026-11-01T00:30:00",
		"2031-03-30T12:00:00", "2031-10-27T12:00:00"}
	pj, _ := json.Marshal(probes)
	outb, err := exec.Command(py, "-c", readBack, path, string(pj)).CombinedOutput()
	if err != nil {
		t.Fatalf("python icalendar: %v\n%s\n--- file ---\n%s", err, outb, file.Content)
	}
	var got struct {
		ProdID  string                    `json:"prodid"`
		Version string                    `json:"version"`
		Events  []readEvent               `json:"events"`
		Zones   map[string]map[string]int `json:"zones"`
	}
	if err := json.Unmarshal(outb, &got); err != nil {
		t.Fatalf("%v: %s", err, outb)
	}
	if got.Version != "2.0" || !strings.Contains(got.ProdID, "Sounding Board") || len(got.Events) != 6 {
		t.Fatalf("calendar %s %s with %d events", got.Version, got.ProdID, len(got.Events))
	}
	byUID := map[string]readEvent{}
	for _, e := range got.Events {
		byUID[e.UID] = e
		if len(e.Alarms) != 1 || e.Alarms[0][0] != "DISPLAY" || e.Alarms[0][2] != e.Summary || !strings.Contains("P0D PT0S -PT0S", e.Alarms[0][1]) {
			t.Errorf("%s: alarms %v", e.UID, e.Alarms)
		}
		if e.Stamp != "2026-01-20T17:00:00+00:00" || e.Sequence < 0 {
			t.Errorf("%s: stamp %s sequence %d", e.UID, e.Stamp, e.Sequence)
		}
	}
	uid := func(r Reminder) string { return "reminder-" + strconv.FormatInt(r.ID, 10) + "@soundingboard" }
	if _, ok := byUID[uid(done)]; ok {
		t.Error("a done reminder was exported")
	}
	checks := []struct {
		r     Reminder
		tzid  string
		start string
		rrule string
	}{
		{one, "America/New_York", "2026-03-10T11:00:00", ""}, // snoozed one-off: its due time
		{weekly, "Europe/Berlin", "2026-03-23T09:00:00", "FREQ=WEEKLY;INTERVAL=1"},
		{month31, "America/New_York", "2026-01-31T17:00:00", "FREQ=MONTHLY;INTERVAL=1;BYMONTHDAY=-1"},
		{month30, "Europe/Berlin", "2026-01-30T08:00:00", "FREQ=MONTHLY;INTERVAL=2;BYMONTHDAY=28,29,30;BYSETPOS=-1"},
		{daily, "Asia/Kolkata", "2026-02-01T10:00:00", "FREQ=DAILY;INTERVAL=3"},
		{plain, "", "2026-02-02T09:00:00", ""},
	}
	for _, c := range checks {
		e, found := byUID[uid(c.r)]
		if !found {
			t.Errorf("%s missing", uid(c.r))
			continue
		}
		if e.Summary != c.r.Title || e.TZID != c.tzid || e.Start != c.start || e.RRule != c.rrule {
			t.Errorf("%s: summary %q tzid %q start %s rrule %q", c.r.Title, e.Summary, e.TZID, e.Start, e.RRule)
		}
		if c.tzid == "" && !e.UTC {
			t.Errorf("%s: not in UTC", c.r.Title)
		}
		if c.rrule == "" {
			continue
		}
		// dateutil's expansion of our RRULE equals our own recurrence.
		loc, _ := time.LoadLocation(c.tzid)
		cur, _ := time.ParseInLocation("2006-01-02T15:04:05", c.start, loc)
		rec := ok(f.s.GetReminder(c.r.ID)).of(t)
		anchor := 0
		if rec.RepeatUnit == "month" {
			anchor = cur.Day()
		}
		want := []string{cur.Format("2006-01-02T15:04:05")}
		for len(want) < 5 {
			cur = step(cur, string(rec.RepeatUnit), rec.RepeatEvery, anchor)
			want = append(want, cur.Format("2006-01-02T15:04:05"))
		}
		if strings.Join(e.Next, " ") != strings.Join(want, " ") {
			t.Errorf("%s: python expands %v, we schedule %v", c.r.Title, e.Next, want)
		}
	}
	// Each VTIMEZONE gives the offsets Go's zone database gives.
	for _, zone := range []string{"America/New_York", "Europe/Berlin", "Asia/Kolkata"} {
		offs, found := got.Zones[zone]
		if !found {
			t.Errorf("no VTIMEZONE for %s", zone)
			continue
		}
		loc, _ := time.LoadLocation(zone)
		for _, p := range probes {
			w, _ := time.ParseInLocation("2006-01-02T15:04:05", p, loc)
			if _, off := w.Zone(); offs[p] != off {
				t.Errorf("%s at %s: VTIMEZONE says %d, Go says %d", zone, p, offs[p], off)
			}
		}
	}
	// Exporting again keeps the UIDs (so a re-import updates).
	again := ok(f.s.ExportICS()).of(t)
	for u := range byUID {
		if !strings.Contains(again.Content, "UID:"+u) {
			t.Errorf("UID %s not stable", u)
		}
	}
}

func TestVTimezoneRules(t *testing.T) {
	for _, c := range []struct {
		zone string
		want []string
	}{
		{"America/New_York", []string{"BEGIN:DAYLIGHT", "DTSTART:19700308T020000", "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU",
			"TZOFFSETFROM:-0500", "TZOFFSETTO:-0400", "DTSTART:19701101T020000", "RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU"}},
		{"Europe/Berlin", []string{"DTSTART:19700329T020000", "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
			"DTSTART:19701025T030000", "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU", "TZNAME:CEST"}},
		{"Asia/Kolkata", []string{"BEGIN:STANDARD", "TZOFFSETFROM:+0530", "TZOFFSETTO:+0530"}},
	} {
		loc, _ := time.LoadLocation(c.zone)
		cal := ics.NewCalendar()
		cal.AddVTimezone(vtimezone(c.zone, loc, 2026))
		got := cal.Serialize(ics.WithNewLine("\r\n"))
		for _, w := range c.want {
			if !strings.Contains(got, w+"\r\n") {
				t.Errorf("%s: %q missing from\n%s", c.zone, w, got)
			}
		}
	}
}
