package room

// The checks of TestHostileText on calendars (read back with Python's
// icalendar) and drafted messages (their mailto: read with net/url).

import (
	"net/url"
	"strings"
	"testing"
	"time"
	"unicode"

	"soundingboard/backend/icstest"
	"soundingboard/backend/loop"
)

// readICS reads a calendar back with Python's icalendar, checking first
// that it ends once and is folded.
func readICS(t *testing.T, content string) []icstest.Event {
	t.Helper()
	if n := strings.Count(content, "\r\nEND:VCALENDAR"); n != 1 {
		t.Errorf("ics: %d calendar ends", n)
	}
	return icstest.Events(t, icstest.Python(t), content)
}

func checkICS(t *testing.T, h *hostileFx) {
	note := hostileSet[6] // CRLF, END:VEVENT, BEGIN:VEVENT, END:VCALENDAR
	all := strings.Join(hostileSet, "\n")
	due := time.Now().Add(48 * time.Hour).UTC().Format(time.RFC3339)
	// A follow-up made from Eve's note: its title and body are her text.
	rem, err := h.loop.CreateReminder(loop.ReminderInput{Title: "Ask about " + note, Body: all, DueAt: due,
		MemberID: h.eve, SessionID: h.session})
	if err != nil {
		// A title is one line: refused with a clear error, nothing written.
		if !strings.Contains(err.Error(), "title") {
			t.Fatalf("a reminder titled with a note: %v", err)
		}
		rem, err = h.loop.CreateReminder(loop.ReminderInput{Title: "Ask about " + strings.ReplaceAll(note, "\r\n", " "), Body: all,
			DueAt: due, MemberID: h.eve, SessionID: h.session})
		if err != nil {
			t.Fatal(err)
		}
	}
	file, err := h.loop.ExportICS()
	if err != nil {
		t.Fatal(err)
	}
	events := readICS(t, file.Content)
	if len(events) != 1 {
		t.Fatalf("reminders ics: %d events, want 1 (a note made another):\n%s", len(events), file.Content)
	}
	// Line ends read back as "\n"; other control characters are dropped.
	if events[0].Summary != strings.ReplaceAll(rem.Title, "\r\n", "\n") {
		t.Errorf("reminders ics: summary %q, not the title as typed", events[0].Summary)
	}
	for _, want := range []string{"<script>alert(1)</script>", "calm\nEND:VEVENT\nBEGIN:VEVENT", "雷声 🙂👩‍🔬 ok", "evil\u202Efdp.exe"} {
		if !strings.Contains(events[0].Description, want) {
			t.Errorf("reminders ics: description %q lacks %q", events[0].Description, want)
		}
	}
	if strings.ContainsFunc(events[0].Description, func(r rune) bool { return r != '\n' && r != '\t' && unicode.IsControl(r) }) {
		t.Errorf("reminders ics: a control character in the description %q", events[0].Description)
	}
	if strings.Contains(events[0].Description, "INTERNAL") {
		t.Errorf("reminders ics shows the member's internal notes")
	}

	// The session's invitation names Eve as an attendee.
	storeExec(t, h, `UPDATE sessions SET scheduled_on = ?, start_time = '10:00' WHERE id = ?`, time.Now().AddDate(0, 0, 7).Format(time.DateOnly), h.session)
	inv, err := h.loop.SessionICS(h.session)
	if err != nil {
		t.Fatal(err)
	}
	events = readICS(t, inv.Content)
	if len(events) != 1 {
		t.Fatalf("invitation ics: %d events", len(events))
	}
	found := false
	for _, cn := range events[0].Attendees {
		found = found || strings.Contains(cn, "onerror=alert(1)") && strings.Contains(cn, "李雷")
	}
	if !found {
		t.Errorf("invitation ics: Eve is not an attendee by her name: %+v", events[0].Attendees)
	}
}

func storeExec(t *testing.T, h *hostileFx, q string, args ...any) {
	t.Helper()
	if _, err := h.db.Exec(q, args...); err != nil {
		t.Fatal(err)
	}
}

func checkDrafts(t *testing.T, h *hostileFx) {
	due := time.Now().Add(24 * time.Hour).UTC().Format(time.RFC3339)
	rem, err := h.loop.CreateReminder(loop.ReminderInput{Title: "Share back", Kind: "share_back", DueAt: due,
		MemberID: h.eve, SessionID: h.session, Body: "INTERNAL reminder note"})
	if err != nil {
		t.Fatal(err)
	}
	// A team's own template may put anything a participant wrote in the
	// subject; a subject is still one line.
	if _, err := h.loop.SaveTemplate("share_back", loop.TemplateInput{
		Subject: "{{member}} said {{you_said}}", Body: "Hi {{first_name}},\n\nYou told us {{you_said}}.\n\n{{team}}"}); err != nil {
		t.Fatal(err)
	}
	check := func(what string, d loop.Draft) {
		t.Helper()
		if strings.ContainsFunc(d.Subject, unicode.IsControl) {
			t.Errorf("%s: the subject %q carries a line break or control character (header injection)", what, d.Subject)
		}
		if strings.Contains(d.Subject+d.Body, "INTERNAL") {
			t.Errorf("%s: internal notes in the draft: %q / %q", what, d.Subject, d.Body)
		}
		u, err := url.Parse(d.Mailto)
		if err != nil || u.Scheme != "mailto" || u.Opaque != "eve@example.com" || len(u.Query()) != 2 ||
			u.Query().Get("subject") != d.Subject {
			t.Errorf("%s: mailto %q (%v) does not carry exactly the subject and body", what, d.Mailto, err)
		}
	}
	d, err := h.loop.Render("share_back", rem.ID)
	if err != nil {
		t.Fatal(err)
	}
	check("share-back", d)
	if !strings.Contains(d.Body, "<script>alert(1)</script>") || !strings.Contains(d.Subject, "<img src=x onerror=alert(1)>") {
		t.Errorf("share-back: Eve's words are not in it as text: %q / %q", d.Subject, d.Body)
	}
	for _, key := range []string{"thank_you", "stay_in_touch"} {
		d, err := h.loop.DraftForMember(key, h.eve)
		if err != nil {
			t.Fatal(err)
		}
		check(key, d)
	}
}
