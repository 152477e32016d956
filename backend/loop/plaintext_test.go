package loop

import (
	"strings"
	"testing"
	"unicode"
)

// hostileNote is a participant's note meant to end the event and the
// calendar, or to add a mail header, with control characters besides.
const hostileNote = "calm\r\nEND:VEVENT\r\nBEGIN:VEVENT\rSUMMARY:pwned\nEND:VCALENDAR\x00\x1b[31m\x7f end"

// A reminder made from a hostile note exports as one event whose lines
// hold no control character (RFC 5545 TEXT allows none but a tab), and a
// draft's subject stays one line.
func TestHostileNoteInCalendarAndDraft(t *testing.T) {
	f := newFx(t, "Europe/Berlin", "2026-03-02 09:00")
	ann := f.member("Ann Lee", "ok", 0)
	r := f.reminder(ReminderInput{Title: "Ask " + hostileNote, Body: hostileNote, DueAt: "2026-03-09T09:00", MemberID: ann})
	file := ok(f.s.ExportICS()).of(t)
	if n := strings.Count(file.Content, "\r\nBEGIN:VEVENT\r\n"); n != 1 {
		t.Errorf("%d events, want 1:\n%s", n, file.Content)
	}
	for _, line := range strings.Split(strings.TrimSuffix(file.Content, "\r\n"), "\r\n") {
		if strings.ContainsFunc(line, func(r rune) bool { return r != '\t' && unicode.IsControl(r) }) {
			t.Errorf("a control character in %q", line)
		}
		if line == "END:VCALENDAR" && !strings.HasSuffix(file.Content, line+"\r\n") {
			t.Errorf("the calendar ends early")
		}
	}
	if unfolded := strings.ReplaceAll(file.Content, "\r\n ", ""); !strings.Contains(unfolded, `SUMMARY:Ask calm\nEND:VEVENT\nBEGIN:VEVENT\nSUMMARY:pwned\nEND:VCALEN`) {
		t.Errorf("the note is not in the summary as text:\n%s", file.Content)
	}
	ok(f.s.SaveTemplate("thank_you", TemplateInput{Subject: "Re: {{member}} — {{session}}", Body: "Hi {{first_name}},\n\n{{team}}"})).of(t)
	f.exec(`UPDATE members SET name = ? WHERE id = ?`, "Ann\r\nBcc: all@example.com", ann)
	d := ok(f.s.Render("thank_you", r.ID)).of(t)
	if !strings.HasPrefix(d.Subject, "Re: Ann Bcc: all@example.com — ") || strings.ContainsFunc(d.Subject, unicode.IsControl) {
		t.Errorf("subject %q is not one line", d.Subject)
	}
}

// A follow-up due from a hostile note reaches the desktop notification
// as text: markup escaped, the title on one line.
func TestHostileNoteInDesktopNotification(t *testing.T) {
	f := newFx(t, "Europe/Berlin", "2026-03-02 09:00")
	f.reminder(ReminderInput{Title: "Ask <b>Eve</b>\r\nnow", Body: `<a href="http://evil">x</a> & <img src="file:///etc/passwd">` + "\x00",
		DueAt: "2026-03-02T08:00"})
	title, body := ok(f.s.DueSummary()).of(t).Desktop()
	if title != "Follow-up due: Ask <b>Eve</b> now" {
		t.Errorf("title %q", title)
	}
	if body != `&lt;a href="http://evil"&gt;x&lt;/a&gt; &amp; &lt;img src="file:///etc/passwd"&gt;` {
		t.Errorf("body %q", body)
	}
}
