package loop

// Inviting the participants of a session: a message to send from one's
// own mail client and a calendar invitation (.ics) for the same session.
// Both say only what a customer should read: the title for participants,
// when, where and the agenda. The team's working title, the decision, its
// assumptions, prompts and notes stay out.

import (
	"fmt"
	"net/mail"
	"strings"
	"time"

	ics "github.com/arran4/golang-ical"

	"soundingboard/backend/session"
	"soundingboard/backend/store"
	"soundingboard/backend/wording"
)

// Invitation is the message inviting a session's participants, and who it
// goes to.
type Invitation struct {
	SessionID int64     `json:"sessionId"`
	Subject   string    `json:"subject"`
	Body      string    `json:"body"` // starts "Hello," so a per-person copy can greet by name
	To        []Invitee `json:"to"`   // participants with an email address and contact consent
	Left      []Invitee `json:"left"` // participants it cannot go to, each with Reason
}

// Invitee is a participant as the invitation addresses them.
type Invitee struct {
	MemberID int64  `json:"memberId"`
	Name     string `json:"name"`
	Greeting string `json:"greeting"` // the name a per-person copy greets by (wording.FirstName)
	Email    string `json:"email"`
	State    string `json:"state"`
	Reason   string `json:"reason"` // why they are left out, "" when invited
}

// boardSession is what the invitation calls a session without a title for
// participants: the team's working title is never sent.
const boardSession = "a session of our customer advisory board"

// defaultMinutes is the length a calendar entry gets when the plan says
// none (the schema's default duration).
const defaultMinutes = 90

// seqEpoch is where SEQUENCE counts seconds from: every saved change of
// a session's plan (or its participants) moves updated_at and so the
// SEQUENCE up, and a client that imported an earlier file updates its
// entry. Counting from 2024 keeps it within the 32 bits Outlook reads
// until 2092.
var seqEpoch = time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)

// invite is what both the message and the calendar file read, from one
// snapshot.
type invite struct {
	s session.Session
	c clock
}

func (s *Service) readInvite(id int64) (invite, error) {
	return store.Read(s.ctx, s.db, func(q store.Queryer) (invite, error) {
		c, err := s.clock(s.ctx, q)
		if err != nil {
			return invite{}, err
		}
		ses, err := session.ReadSession(s.ctx, q, id, c.today())
		if err != nil {
			return invite{}, err
		}
		return invite{s: ses, c: c}, nil
	})
}

// Invitation drafts the message inviting session id's participants:
// subject and body (the session's title for participants, date, time and zone, place or
// call link, agenda, signed by the facilitator or the team) and the
// participants it can go to. Those without an email address or a valid
// contact consent are listed in Left with the reason.
func (s *Service) Invitation(id int64) (Invitation, error) {
	in, err := s.readInvite(id)
	if err != nil {
		return Invitation{}, fmt.Errorf("invitation for session %d: %w", id, err)
	}
	out := Invitation{SessionID: id}
	out.To, out.Left = invitees(in.s)
	out.Subject, out.Body = inviteText(in)
	return out, nil
}

// invitees splits a session's participants into those an invitation goes
// to and those it cannot go to (with the reason); neither is nil.
func invitees(ses session.Session) (to, left []Invitee) {
	to, left = []Invitee{}, []Invitee{}
	for _, p := range ses.Participants {
		v := Invitee{MemberID: p.MemberID, Name: p.Name, Greeting: wording.FirstName(p.Name), Email: p.Email, State: string(p.State)}
		switch {
		case !p.CanContact:
			v.Reason = "no contact consent"
		case p.Email == "":
			v.Reason = "no email address"
		case p.State == session.StateNoShow:
			v.Reason = "marked no-show"
		default:
			to = append(to, v)
			continue
		}
		left = append(left, v)
	}
	return to, left
}

// inviteText is the default subject and body of an invitation.
func inviteText(in invite) (subject, body string) {
	ses := in.s
	subject = "Invitation: " + oneLine(calendarTitle(ses))
	when := "Date to be confirmed"
	if day, err := time.Parse(time.DateOnly, ses.ScheduledOn); err == nil {
		subject += " on " + day.Format("Monday 2 January")
		when = day.Format("Monday 2 January 2006")
		if ses.StartTime != "" {
			start, end := span(ses, day, in.c.loc)
			when += ", " + start.Format("15:04") + "–" + end.Format("15:04")
			if in.c.zone != "" {
				when += " (" + in.c.zone + ")"
			}
		}
	}
	var b strings.Builder
	what := boardSession
	if ses.CustomerTitle != "" {
		what = ses.CustomerTitle + ", " + boardSession
	}
	b.WriteString("Hello,\n\nWe would like to invite you to " + what + ". ")
	b.WriteString("Your experience is what we want to hear; there are no wrong answers.\n\n")
	b.WriteString("When: " + when + "\n")
	if place := strings.TrimSpace(ses.Place); isLink(place) {
		b.WriteString("Join the call: " + place + "\n")
	} else if place != "" {
		b.WriteString("Where: " + place + "\n")
	}
	if agenda := strings.TrimSpace(ses.Agenda); agenda != "" {
		b.WriteString("\nAgenda:\n" + agenda + "\n")
	}
	b.WriteString("\nPlease let us know whether you can make it. A calendar invitation follows.\n\nThank you,\n")
	b.WriteString(signature(ses.Facilitator, in.c.st.TeamName))
	return subject, b.String()
}

// calendarTitle is the invitation's name of a session: its title for
// participants, else "Customer advisory board session".
func calendarTitle(ses session.Session) string {
	if ses.CustomerTitle != "" {
		return ses.CustomerTitle
	}
	return "Customer advisory board session"
}

// signature is the facilitator's name (without an address), else the
// team's, else "The product team".
func signature(facilitator, team string) string {
	if a, err := mail.ParseAddress(facilitator); err == nil {
		facilitator = a.Name
	}
	for _, v := range []string{facilitator, team} {
		if v = strings.TrimSpace(v); v != "" {
			return v
		}
	}
	return "The product team"
}

// isLink says whether a place is a call link rather than a room.
func isLink(place string) bool {
	return strings.HasPrefix(place, "https://") || strings.HasPrefix(place, "http://")
}

// span is a session's start and end on day in loc (its start time is set).
func span(ses session.Session, day time.Time, loc *time.Location) (time.Time, time.Time) {
	var h, m int
	_, _ = fmt.Sscanf(ses.StartTime, "%d:%d", &h, &m) // validated HH:MM on save
	start := time.Date(day.Year(), day.Month(), day.Day(), h, m, 0, 0, loc)
	minutes := ses.DurationMinutes
	if minutes == 0 {
		minutes = defaultMinutes
	}
	return start, start.Add(time.Duration(minutes) * time.Minute)
}

// SessionICS is session id's calendar invitation: one VEVENT with a
// stable UID (session-<id>@soundingboard) and a SEQUENCE that grows with
// every saved change, so sending it again updates the entry; SUMMARY the
// title for participants (never the working title), DTSTART and DTEND in the team's zone (a VTIMEZONE with it; a
// whole day when the plan has no start time), LOCATION the place or call
// link (URL too for a link), DESCRIPTION the agenda, the participants the
// invitation goes to as ATTENDEEs (PARTSTAT from their state) and the
// facilitator as ORGANIZER when the plan gives their address ("Name
// <address>"); then it is an iTIP REQUEST, else a PUBLISH. A session
// without a date is refused.
func (s *Service) SessionICS(id int64) (ExportFile, error) {
	content, err := s.sessionICS(id)
	if err != nil {
		return ExportFile{}, fmt.Errorf("calendar invitation for session %d: %w", id, err)
	}
	return ExportFile{FileName: fmt.Sprintf("session-%d-invitation.ics", id), MimeType: "text/calendar", Content: content}, nil
}

func (s *Service) sessionICS(id int64) (string, error) {
	in, err := s.readInvite(id)
	if err != nil {
		return "", err
	}
	ses := in.s
	day, err := time.Parse(time.DateOnly, ses.ScheduledOn)
	if err != nil {
		return "", store.Invalid("session %q has no date yet; set its date in the plan first", ses.Title)
	}
	method := ics.MethodPublish
	organizer, orgErr := mail.ParseAddress(ses.Facilitator)
	if orgErr == nil {
		method = ics.MethodRequest
	}
	cal := newCalendar("Sessions", method)
	e := ics.NewEvent(fmt.Sprintf("session-%d@soundingboard", id))
	e.SetDtStampTime(in.c.now.UTC())
	if t, err := time.Parse(time.RFC3339, ses.UpdatedAt); err == nil {
		e.SetLastModifiedAt(t)
		e.SetSequence(max(0, int(t.Sub(seqEpoch)/time.Second)))
	}
	zone := in.c.zone
	if ses.StartTime == "" {
		zone = ""
		e.SetAllDayStartAt(day)
		e.SetAllDayEndAt(day.AddDate(0, 0, 1))
	} else {
		start, end := span(ses, day, in.c.loc)
		setWhen(e, start, end, zone)
	}
	e.SetSummary(wording.PlainText(calendarTitle(ses)))
	e.SetStatus(ics.ObjectStatusConfirmed)
	if place := strings.TrimSpace(ses.Place); place != "" {
		e.SetLocation(wording.PlainText(place))
		if isLink(place) {
			e.SetURL(place)
		}
	}
	if agenda := strings.TrimSpace(ses.Agenda); agenda != "" {
		e.SetDescription(wording.PlainText(agenda))
	}
	if orgErr == nil {
		calAddress(e, ics.ComponentPropertyOrganizer, organizer.Address, organizer.Name, "")
	}
	to, _ := invitees(ses)
	for _, v := range to {
		calAddress(e, ics.ComponentPropertyAttendee, v.Email, v.Name,
			";CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT="+partstat(v.State)+";RSVP=TRUE")
	}
	return writeCalendar(cal, []string{zone}, []*ics.VEvent{e}, day.Year())
}

// partstat is the iCalendar participation status of a participant state:
// invited people have not answered, confirmed (and attended) ones
// accepted. No-shows are not attendees (invitees leaves them out).
func partstat(state string) string {
	switch session.ParticipantState(state) {
	case session.StateConfirmed, session.StateAttended:
		return string(ics.ParticipationStatusAccepted)
	}
	return string(ics.ParticipationStatusNeedsAction)
}

// calAddress adds an ORGANIZER or ATTENDEE with a common name. golang-ical
// escapes parameter values with backslashes, which RFC 5545 does not know
// ("Durand, Zoë" would read as `Durand\, Zoë`), so the parameters are
// written here: the name in DQUOTEs, which a parameter value cannot
// contain, so those and control characters become spaces.
func calAddress(e *ics.VEvent, prop ics.ComponentProperty, email, name, params string) {
	cn := strings.Map(func(r rune) rune {
		if r == '"' || r < ' ' || r == 0x7f {
			return ' '
		}
		return r
	}, name)
	e.AddProperty(ics.ComponentProperty(string(prop)+`;CN="`+cn+`"`+params), "mailto:"+email)
}
