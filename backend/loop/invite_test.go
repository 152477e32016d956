package loop

import (
	"encoding/json"
	"strconv"
	"strings"
	"testing"

	"soundingboard/backend/icstest"
)

// inviteFx is a planned session with four participants: Zoë (invited),
// Ravi (confirmed, a comma in his name), Kim (no contact consent) and Lee
// (no email address).
func inviteFx(t *testing.T) (*fx, int64) {
	f := newFx(t, "Europe/Berlin", "2026-02-20 10:00")
	d := f.decision("Internal: should billing go monthly")
	a := f.assumption(d, "pay monthly without a new hire")
	sid := f.session(d, "Billing round 2 (internal working title)", "")
	f.exec(`UPDATE sessions SET customer_title = 'Billing that fits your month', place = 'https://meet.example.com/abc', duration_minutes = 60,
		agenda = ?, facilitator = 'Ana Lima <ana@team.example>',
		prompts = '["How might we hide the internal prompt"]', updated_at = '2026-02-19T08:00:00Z' WHERE id = ?`,
		"1. Welcome\n2. How you pay today\n3. Wrap-up", sid)
	f.test(sid, a)
	zoe := f.member("Zoë Durand", "ok", 0)
	f.exec(`UPDATE members SET notes = 'internal note: hard to schedule' WHERE id = ?`, zoe)
	ravi := f.member("Ravi Shah", "ok", 0)
	f.exec(`UPDATE members SET name = 'Shah, Ravi' WHERE id = ?`, ravi)
	kim := f.member("Kim Park", "none", 0)
	lee := f.member("Lee Wong", "ok", 0)
	f.exec(`UPDATE members SET email = NULL WHERE id = ?`, lee)
	f.participant(sid, zoe, "invited")
	f.participant(sid, ravi, "confirmed")
	f.participant(sid, kim, "invited")
	f.participant(sid, lee, "invited")
	return f, sid
}

func TestInvitationText(t *testing.T) {
	f, sid := inviteFx(t)
	inv := ok(f.s.Invitation(sid)).of(t)
	if inv.Subject != "Invitation: Billing that fits your month on Monday 2 March" {
		t.Errorf("subject %q", inv.Subject)
	}
	for _, want := range []string{"Hello,\n\nWe would like to invite you to Billing that fits your month, a session of our customer advisory board.",
		"When: Monday 2 March 2026, 14:00–15:00 (Europe/Berlin)", "Join the call: https://meet.example.com/abc",
		"Agenda:\n1. Welcome\n2. How you pay today\n3. Wrap-up", "Thank you,\nAna Lima"} {
		if !strings.Contains(inv.Body, want) {
			t.Errorf("body lacks %q:\n%s", want, inv.Body)
		}
	}
	for _, internal := range []string{"Internal", "working title", "billing go monthly", "new hire", "internal prompt", "internal note", "ana@team"} {
		if strings.Contains(inv.Body+inv.Subject, internal) {
			t.Errorf("the invitation carries %q:\n%s", internal, inv.Body)
		}
	}
	var to, left []string
	for _, v := range inv.To {
		to = append(to, v.Name+" "+v.Email)
	}
	for _, v := range inv.Left {
		left = append(left, v.Name+": "+v.Reason)
	}
	if strings.Join(to, "|") != "Shah, Ravi ravi@example.com|Zoë Durand zoë@example.com" ||
		strings.Join(left, "|") != "Kim Park: no contact consent|Lee Wong: no email address" {
		t.Errorf("to %q, left %q", to, left)
	}
	// A no-show is not invited again.
	f.exec(`UPDATE participants SET state = 'no_show' WHERE session_id = ? AND member_id = (SELECT id FROM members WHERE name = 'Shah, Ravi')`, sid)
	inv = ok(f.s.Invitation(sid)).of(t)
	if len(inv.To) != 1 || len(inv.Left) != 3 || inv.Left[2].Name != "Shah, Ravi" || inv.Left[2].Reason != "marked no-show" {
		t.Errorf("with a no-show: to %+v, left %+v", inv.To, inv.Left)
	}

	// No title for participants, date, room or facilitator: the text still reads, without the working title.
	f.exec(`UPDATE sessions SET customer_title = '', scheduled_on = NULL, place = '', agenda = '', facilitator = '' WHERE id = ?`, sid)
	inv = ok(f.s.Invitation(sid)).of(t)
	if !strings.Contains(inv.Body, "invite you to a session of our customer advisory board. ") ||
		!strings.Contains(inv.Body, "When: Date to be confirmed\n\nPlease") || !strings.HasSuffix(inv.Body, "The product team") ||
		inv.Subject != "Invitation: Customer advisory board session" || strings.Contains(inv.Body, "working title") {
		t.Errorf("undated: %q\n%s", inv.Subject, inv.Body)
	}
	_, err := f.s.SessionICS(sid)
	mustInvalid(t, err, "has no date yet")
	_, err = f.s.Invitation(9999)
	if err == nil || !strings.Contains(err.Error(), "session 9999 not found") {
		t.Errorf("unknown session: %v", err)
	}
}

// readInvite reads the invitation back with Python's icalendar.
const readInviteICS = `
import json, sys
import icalendar
cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
ev = cal.walk("VEVENT")[0]
start, end = ev.decoded("DTSTART"), ev.decoded("DTEND")
att = ev.get("ATTENDEE", [])
if not isinstance(att, list):
    att = [att]
print(json.dumps({"method": str(cal.get("METHOD")), "uid": str(ev["UID"]), "sequence": int(ev["SEQUENCE"]),
    "summary": str(ev["SUMMARY"]), "location": str(ev.get("LOCATION", "")), "url": str(ev.get("URL", "")),
    "description": str(ev.get("DESCRIPTION", "")), "tzid": ev["DTSTART"].params.get("TZID", ""),
    "start": start.isoformat(), "end": end.isoformat(),
    "organizer": [str(ev["ORGANIZER"]), ev["ORGANIZER"].params.get("CN", "")] if "ORGANIZER" in ev else [],
    "attendees": [[str(a), a.params.get("CN", ""), a.params.get("PARTSTAT", "")] for a in att],
    "zones": [str(z["TZID"]) for z in cal.walk("VTIMEZONE")]}))
`

type readInvitation struct {
	Method      string     `json:"method"`
	UID         string     `json:"uid"`
	Sequence    int        `json:"sequence"`
	Summary     string     `json:"summary"`
	Location    string     `json:"location"`
	URL         string     `json:"url"`
	Description string     `json:"description"`
	TZID        string     `json:"tzid"`
	Start       string     `json:"start"`
	End         string     `json:"end"`
	Organizer   []string   `json:"organizer"`
	Attendees   [][]string `json:"attendees"`
	Zones       []string   `json:"zones"`
}

func readBackInvite(t *testing.T, py, content string) readInvitation {
	t.Helper()
	return icstest.Read[readInvitation](t, py, readInviteICS, content)
}

func TestSessionICSReadBackByAnIndependentParser(t *testing.T) {
	py := icstest.Python(t)
	f, sid := inviteFx(t)
	file := ok(f.s.SessionICS(sid)).of(t)
	if file.MimeType != "text/calendar" || file.FileName != "session-"+strconv.FormatInt(sid, 10)+"-invitation.ics" {
		t.Errorf("file %s %s", file.FileName, file.MimeType)
	}
	if strings.Contains(strings.ReplaceAll(file.Content, "\r\n", ""), "\n") {
		t.Error("lines are not CRLF-terminated")
	}
	got := readBackInvite(t, py, file.Content)
	want := readInvitation{Method: "REQUEST", UID: "session-" + strconv.FormatInt(sid, 10) + "@soundingboard",
		Summary: "Billing that fits your month", Location: "https://meet.example.com/abc", URL: "https://meet.example.com/abc",
		Description: "1. Welcome\n2. How you pay today\n3. Wrap-up", TZID: "Europe/Berlin",
		Start: "2026-03-02T14:00:00+01:00", End: "2026-03-02T15:00:00+01:00",
		Organizer: []string{"mailto:ana@team.example", "Ana Lima"},
		Attendees: [][]string{{"mailto:ravi@example.com", "Shah, Ravi", "ACCEPTED"}, {"mailto:zoë@example.com", "Zoë Durand", "NEEDS-ACTION"}},
		Zones:     []string{"Europe/Berlin"}}
	seq := got.Sequence
	want.Sequence = seq
	gj, _ := json.Marshal(got)
	wj, _ := json.Marshal(want)
	if string(gj) != string(wj) {
		t.Errorf("read back\n got %s\nwant %s\n--- file ---\n%s", gj, wj, file.Content)
	}
	if strings.Contains(strings.ToLower(file.Content), "internal") {
		t.Errorf("the calendar file carries internal text:\n%s", file.Content)
	}

	// Sending again after a change keeps the UID and raises SEQUENCE.
	f.exec(`UPDATE sessions SET start_time = '15:00', place = 'Room 4, Main St', facilitator = 'Ana Lima',
		updated_at = '2026-02-19T09:30:00Z' WHERE id = ?`, sid)
	f.exec(`UPDATE participants SET state = 'confirmed' WHERE session_id = ? AND member_id =
		(SELECT id FROM members WHERE name = 'Zoë Durand')`, sid)
	again := readBackInvite(t, py, ok(f.s.SessionICS(sid)).of(t).Content)
	if again.UID != got.UID || again.Sequence <= seq || again.Start != "2026-03-02T15:00:00+01:00" ||
		again.Location != "Room 4, Main St" || again.URL != "" || again.Method != "PUBLISH" || len(again.Organizer) != 0 ||
		again.Attendees[1][2] != "ACCEPTED" {
		t.Errorf("after an edit: %+v", again)
	}

	// No start time: a whole day, no zone needed.
	f.exec(`UPDATE sessions SET start_time = '' WHERE id = ?`, sid)
	day := readBackInvite(t, py, ok(f.s.SessionICS(sid)).of(t).Content)
	if day.Start != "2026-03-02" || day.End != "2026-03-03" || len(day.Zones) != 0 {
		t.Errorf("all day: %+v", day)
	}
}
