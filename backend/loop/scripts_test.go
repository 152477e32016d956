package loop

import (
	"net/url"
	"strconv"
	"strings"
	"testing"

	"soundingboard/backend/icstest"
	"soundingboard/backend/scripttest"
	"soundingboard/backend/wording"
)

// TestICSKeepsEveryScript exports reminders and a session invitation
// whose every text is in another script, and reads them back with an
// independent parser: byte for byte the same.
func TestICSKeepsEveryScript(t *testing.T) {
	py := icstest.Python(t)
	f := newFx(t, "Asia/Tokyo", "2026-01-20 12:00")
	d := f.decision("Onboarding")
	sid := f.session(d, "internal title", "")
	var agenda []string
	want := map[string]scripttest.Sample{}
	for _, s := range scripttest.Samples {
		m := f.member(s.Name, "ok", 0)
		f.participant(sid, m, "invited")
		r := f.reminder(ReminderInput{Title: s.Name + ": " + s.Text, DueAt: "2026-03-10T09:00", MemberID: m,
			Body: scripttest.Long(s.Text, 300)})
		want["reminder-"+strconv.FormatInt(r.ID, 10)+"@soundingboard"] = s
		agenda = append(agenda, s.Text)
	}
	mixed := scripttest.Samples[len(scripttest.Samples)-1]
	f.exec(`UPDATE sessions SET customer_title = ?, place = ?, agenda = ?, facilitator = ? WHERE id = ?`,
		mixed.Text, "会議室 ٣, "+mixed.Name, strings.Join(agenda, "\n"), "ليلى حداد <layla@example.com>", sid)

	for _, e := range icstest.Events(t, py, ok(f.s.ExportICS()).of(t).Content) {
		s, found := want[e.UID]
		if !found {
			t.Errorf("unexpected event %s", e.UID)
			continue
		}
		delete(want, e.UID)
		title := s.Name + ": " + s.Text
		body := scripttest.Long(s.Text, 300) + "\nMember: " + s.Name
		if e.Summary != title || e.Description != body || len(e.Alarm) != 1 || e.Alarm[0] != title {
			t.Errorf("%s read back as\n summary %q\n description %q\n alarm %q", s.Script, e.Summary, e.Description, e.Alarm)
		}
	}
	if len(want) != 0 {
		t.Errorf("events missing: %v", want)
	}

	events := icstest.Events(t, py, ok(f.s.SessionICS(sid)).of(t).Content)
	if len(events) != 1 {
		t.Fatalf("%d events in the invitation", len(events))
	}
	e := events[0]
	var names []string
	for _, s := range scripttest.Samples {
		names = append(names, s.Name)
	}
	got := strings.Join(e.Attendees, "|")
	if e.Summary != mixed.Text || e.Location != "会議室 ٣, "+mixed.Name || e.Description != strings.Join(agenda, "\n") ||
		e.Organizer != "ليلى حداد" || len(e.Attendees) != len(names) {
		t.Errorf("invitation read back as %+v", e)
	}
	for _, n := range names {
		if !strings.Contains("|"+got+"|", "|"+n+"|") {
			t.Errorf("attendee %q missing from %q", n, got)
		}
	}
}

// TestDraftsKeepEveryScript drafts a share-back for a member per script,
// quoting what they said, and the invitation to all of them: the texts
// and the greetings come through whole, and each mailto: link decodes to
// the very subject and body.
func TestDraftsKeepEveryScript(t *testing.T) {
	f := newSessionFx(t)
	mixed := scripttest.Samples[len(scripttest.Samples)-1]
	f.exec(`UPDATE sessions SET customer_title = ? WHERE id = ?`, mixed.Text, f.session)
	for _, s := range scripttest.Samples {
		m := f.member(s.Name, "ok", 0)
		f.participant(f.session, m, "invited")
		f.quote(f.session, f.assumption, m, s.Text)
		r := f.reminder(ReminderInput{Title: "Share back", Kind: "share_back", DueAt: "2026-03-20T09:00", MemberID: m, SessionID: f.session})
		for _, draft := range []Draft{ok(f.s.Render("", r.ID)).of(t), ok(f.s.DraftForMember("thank_you", m)).of(t)} {
			greeting := "Hi " + wording.FirstName(s.Name) + ",\n\n"
			if !strings.HasPrefix(draft.Body, greeting) {
				t.Errorf("%s: draft does not open %q:\n%s", s.Script, greeting, draft.Body)
			}
			checkMailto(t, s.Script, draft)
		}
		if d := ok(f.s.Render("", r.ID)).of(t); !strings.Contains(d.Body, s.Text) {
			t.Errorf("%s: the share-back does not quote %q:\n%s", s.Script, s.Text, d.Body)
		}
	}

	inv := ok(f.s.Invitation(f.session)).of(t)
	if !strings.Contains(inv.Subject, mixed.Text) || !strings.Contains(inv.Body, mixed.Text) {
		t.Errorf("invitation without its title %q: %q\n%s", mixed.Text, inv.Subject, inv.Body)
	}
	greetings := map[string]string{}
	for _, v := range inv.To {
		greetings[v.Name] = v.Greeting
	}
	for _, s := range scripttest.Samples {
		if g, found := greetings[s.Name]; !found || g != wording.FirstName(s.Name) {
			t.Errorf("%s: invitee greeting %q (found %v)", s.Name, g, found)
		}
	}
	if greetings["山田 花子"] != "山田 花子" || greetings["ليلى حداد"] != "ليلى" {
		t.Errorf("greetings %v", greetings)
	}
}

// checkMailto decodes a draft's mailto: link as a mail client does.
func checkMailto(t *testing.T, script string, d Draft) {
	t.Helper()
	u, err := url.Parse(d.Mailto)
	if err != nil {
		t.Fatalf("%s: mailto %q: %v", script, d.Mailto, err)
	}
	for _, r := range d.Mailto {
		if r > 0x7e || r <= ' ' {
			t.Fatalf("%s: mailto carries %q unencoded: %s", script, r, d.Mailto)
		}
	}
	q := u.Query()
	to, err := url.PathUnescape(u.Opaque)
	if err != nil || to != d.To || q.Get("subject") != d.Subject || strings.ReplaceAll(q.Get("body"), "\r\n", "\n") != d.Body {
		t.Errorf("%s: mailto decodes to %q / %q / %q, %v; want %q / %q / %q", script, to, q.Get("subject"), q.Get("body"), err,
			d.To, d.Subject, d.Body)
	}
}
