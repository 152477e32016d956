package report

// "You said, we did" letters: one per participant, written for the
// customer who reads it. A letter carries what the participant said and
// the lines the facilitator tells participants (session.Tell), never the
// team's rationale, the session's working title or an assumption about
// our own team that nobody chose to tell.

import (
	"archive/zip"
	"bytes"
	"encoding/base64"
	"fmt"
	"io"
	"strconv"
	"strings"

	"golang.org/x/text/unicode/norm"

	"soundingboard/backend/filename"
	"soundingboard/backend/report/typeset"
	"soundingboard/backend/session"
	"soundingboard/backend/wording"
)

func (s *Service) buildLetters(sessionID int64, team string) (*built, error) {
	m, err := s.loadSession(sessionID)
	if err != nil {
		return nil, err
	}
	people := m.attended()
	ss := m.run.Session
	today := s.today()
	b := &built{
		title:    "You said, we did: " + ss.Title,
		subtitle: "Letters to the participants, one PDF each",
		fileBase: slug("letters", ss.Title, ss.ScheduledOn),
		sections: []Section{{Title: "Letters, one per participant", Items: len(people)}},
		plain:    true,
		pdf:      func(d *doc) { drawLetters(d, m, people, team, today) },
	}
	if len(people) > 0 {
		b.zip = func(w io.Writer) error { return s.zipLetters(w, m, people, team) }
	}
	var noContact []string
	for _, p := range people {
		if !p.CanContact {
			noContact = append(noContact, p.Name)
		}
	}
	if len(noContact) > 0 {
		b.warnings = append(b.warnings, wording.Count(len(noContact), "participant has", "participants have")+
			" no valid contact consent; check before sending: "+strings.Join(noContact, ", ")+".")
	}
	if len(people) == 0 {
		b.warnings = append(b.warnings, "Nobody is marked as having taken part in this session yet.")
	}
	return b, nil
}

// Letters renders one PDF per participant of a session, named after the
// participant (letterFileNames).
func (s *Service) Letters(sessionID int64) ([]File, error) {
	team, err := s.teamName()
	if err != nil {
		return nil, fmt.Errorf("letters of session %d: %w", sessionID, err)
	}
	m, err := s.loadSession(sessionID)
	if err != nil {
		return nil, fmt.Errorf("letters of session %d: %w", sessionID, err)
	}
	files, err := s.letterFiles(m, m.attended(), team)
	if err != nil {
		return nil, fmt.Errorf("letters of session %d: %w", sessionID, err)
	}
	return files, nil
}

func (s *Service) letterFiles(m *sessionModel, people []session.Participant, team string) ([]File, error) {
	fonts, err := s.fontSet()
	if err != nil {
		return nil, err
	}
	names := make([]string, len(people))
	for i, p := range people {
		names[i] = p.Name
	}
	names = letterFileNames(names)
	out := make([]File, len(people))
	for i, p := range people {
		d := newDoc(fonts, docMeta{team: team, title: "You said, we did", subject: "A letter to " + p.Name, now: s.now(), plain: true})
		drawLetter(d, m, p, team, s.today())
		var buf bytes.Buffer
		if err := d.output(&buf); err != nil {
			return nil, fmt.Errorf("letter to %s: %w", p.Name, err)
		}
		out[i] = File{FileName: names[i], MimeType: "application/pdf", Size: buf.Len(), Pages: d.pages(),
			Data: buf.Bytes(), ContentBase64: base64.StdEncoding.EncodeToString(buf.Bytes())}
	}
	return out, nil
}

// zipLetters writes the letters as a .zip of one PDF per participant.
func (s *Service) zipLetters(w io.Writer, m *sessionModel, people []session.Participant, team string) error {
	files, err := s.letterFiles(m, people, team)
	if err != nil {
		return err
	}
	z := zip.NewWriter(w)
	for _, f := range files {
		fw, err := z.CreateHeader(&zip.FileHeader{Name: f.FileName, Method: zip.Deflate, Modified: s.now()})
		if err != nil {
			return fmt.Errorf("zip %s: %w", f.FileName, err)
		}
		if _, err := fw.Write(f.Data); err != nil {
			return fmt.Errorf("zip %s: %w", f.FileName, err)
		}
	}
	if err := z.Close(); err != nil {
		return fmt.Errorf("zip letters: %w", err)
	}
	return nil
}

// letterFileNames makes a file name of each person's name, in their own
// script, that is safe on every system (filename.Safe: at most
// letterNameBytes bytes, leaving room for " (12).pdf" within the 255 bytes
// file systems allow) and distinct from the others, also
// where file systems ignore case or Unicode normalisation: a second "Anna
// Müller" becomes "Anna Müller (2).pdf".
func letterFileNames(names []string) []string {
	const letterNameBytes = 120
	out := make([]string, len(names))
	taken := map[string]bool{}
	for i, n := range names {
		base := filename.Safe(n, "Participant", letterNameBytes)
		name := base + ".pdf"
		for k := 2; taken[foldName(name)]; k++ {
			name = base + " (" + strconv.Itoa(k) + ").pdf"
		}
		taken[foldName(name)] = true
		out[i] = name
	}
	return out
}

// foldName is how a case-insensitive, normalising file system compares names.
func foldName(s string) string { return strings.ToLower(norm.NFC.String(s)) }

func drawLetters(d *doc, m *sessionModel, people []session.Participant, team, today string) {
	if len(people) == 0 {
		d.cover(team, d.title, "", nil)
		d.text("Nobody is marked as having taken part in this session yet. Mark attendance in the session, then export the letters again.",
			textStyle{color: mutedColor})
		return
	}
	for i, p := range people {
		if i > 0 {
			d.f.AddPage()
		}
		drawLetter(d, m, p, team, today)
	}
}

func drawLetter(d *doc, m *sessionModel, p session.Participant, team, today string) {
	ss := m.run.Session
	f := d.f
	f.SetY(marginTop)
	if team != "" {
		d.font("B", 9, accentColor)
		d.cell(d.w/2, 5, d.fit(team, d.w/2), "L", 0)
	}
	d.font("", 9, mutedColor)
	f.SetX(marginSide + d.w/2)
	f.CellFormat(d.w/2, 5, dateLabel(today), "", 1, "R", false, 0, "")
	d.rule(f.GetY() + 1)
	f.Ln(5)
	// Names are isolated: a Hebrew name and its company keep their order
	// in the English line.
	to := typeset.Isolate(p.Name)
	if p.Company != "" {
		to += ", " + typeset.Isolate(p.Company)
	}
	d.text("To: "+to, textStyle{size: 9, color: mutedColor})
	f.Ln(4)
	d.text("You said, we did", textStyle{size: 16, bold: true, color: inkColor})
	f.Ln(2)
	d.text(fmt.Sprintf("Dear %s,", wording.FirstName(p.Name)), textStyle{size: 10.5, color: inkColor})
	f.Ln(2)
	intro := "Thank you for taking part in our recent session"
	if when := dateLabel(ss.ScheduledOn); when != "" {
		intro = "Thank you for taking part in our session on " + when
	}
	d.text(intro+". Here is what we heard from you, and what we did with it.", textStyle{size: 10.5, color: inkColor})

	letterHeading(d, "What you told us")
	said := 0
	for _, it := range m.run.Items {
		if !told(it) {
			continue
		}
		var lines []string
		for _, r := range it.Responses {
			if r.MemberID != p.MemberID {
				continue
			}
			line := youSaid(r.Stance)
			if t := strings.TrimSpace(r.Needs); t != "" {
				line = strings.TrimSpace(line + " What would need to be true for you: " + strings.TrimRight(t, ".") + ".")
			}
			if line != "" {
				lines = append(lines, line)
			}
		}
		var quotes []string
		for _, q := range it.Quotes {
			if q.MemberID == p.MemberID {
				quotes = append(quotes, q.Text)
			}
		}
		if len(lines) == 0 && len(quotes) == 0 {
			continue
		}
		said++
		d.ensure(12)
		d.text(capitalize(shortSentence(it.Assumption)), textStyle{size: 9.5, bold: true, color: inkColor})
		for _, l := range lines {
			d.text(l, textStyle{size: 9.5, color: inkColor})
		}
		d.f.Ln(1.2)
		for _, q := range quotes {
			d.quote(q, "")
		}
	}
	var general []string
	for _, q := range m.run.General {
		if q.MemberID == p.MemberID {
			general = append(general, q.Text)
		}
	}
	if len(general) > 0 {
		said++
		d.text("And more broadly", textStyle{size: 9.5, bold: true, color: inkColor})
		for _, q := range general {
			d.quote(q, "")
		}
	}
	if said == 0 {
		d.text("We did not note down anything from you individually, but your presence shaped the conversation.",
			textStyle{size: 9.5, color: mutedColor})
	}

	letterHeading(d, "What we did with it")
	decided := tellLines(m)
	if len(decided) > 0 {
		d.bullets(decided, textStyle{size: 9.5, color: inkColor})
	}
	if l := m.latestLog(); l != nil {
		if line := session.TellOfEntry(l.ID, l.Outcome, m.dec.Decision.Title, l.Tell).Line; line != "" {
			d.f.Ln(1.5)
			d.text(line, textStyle{size: 9.5, color: inkColor})
			decided = append(decided, line)
		}
	}
	if len(decided) == 0 {
		d.text("We are still weighing what we heard; we will write again once we have decided.", textStyle{size: 9.5, color: inkColor})
	}

	d.space(4)
	d.ensure(24)
	d.text("Thank you for your time and your honesty: it changes what we build. If anything else has come to mind since, just reply; we read every answer.",
		textStyle{size: 10.5, color: inkColor})
	f.Ln(4)
	sign := ss.Facilitator
	if sign == "" {
		sign = "The team"
	}
	d.text(sign, textStyle{size: 10.5, bold: true, color: inkColor})
	if team != "" {
		d.text(team, textStyle{size: 9.5, color: mutedColor})
	}
}

// tellOf is what participants are told about an item's verdict.
func tellOf(it session.RunItem) session.Tell {
	v, a := it.Verdict, it.Assumption
	if v == nil {
		return session.Tell{OurOwn: session.OurOwn(a.Customers)}
	}
	return session.TellOfVerdict(v.SessionID, a.ID, v.Verdict, a.Customers, a.Behavior, v.Tell)
}

// told reports whether a letter may name an item's assumption: not one
// about our own team, unless the facilitator wrote a line for it.
func told(it session.RunItem) bool {
	t := tellOf(it)
	return !t.OurOwn || t.Line != ""
}

// tellLines are the lines participants are told about the verdicts, in
// the session's order.
func tellLines(m *sessionModel) []string {
	var out []string
	for _, it := range m.run.Items {
		if l := tellOf(it).Line; l != "" {
			out = append(out, l)
		}
	}
	return out
}

// letterHeading is a compact section heading for letters.
func letterHeading(d *doc, s string) {
	d.space(3.5)
	d.ensure(20)
	d.text(s, textStyle{size: 12, bold: true, color: accentColor})
	d.f.Ln(1.5)
}

// youSaid puts a stance in the second person.
func youSaid(stance session.Stance) string {
	switch stance {
	case "matches":
		return "You said this matches your reality."
	case "partly":
		return "You said this partly matches your reality."
	case "does_not_match":
		return "You said this does not match your reality."
	case "unsure":
		return "You were not sure."
	}
	return ""
}
