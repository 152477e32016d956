package report

import (
	"fmt"
	"strings"

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
		subtitle: "Letters to the participants",
		fileBase: slug("letters", ss.Title, ss.ScheduledOn),
		sections: []Section{{Title: "Letters, one per participant", Items: len(people)}},
		pdf:      func(d *doc) { drawLetters(d, m, people, team, today) },
	}
	noContact := 0
	for _, p := range people {
		if !p.CanContact {
			noContact++
		}
	}
	if noContact > 0 {
		b.warnings = append(b.warnings, wording.Count(noContact, "participant has", "participants have")+
			" no valid contact consent; their letters are marked “check consent before sending”.")
	}
	if len(people) == 0 {
		b.warnings = append(b.warnings, "Nobody is marked as having taken part in this session yet.")
	}
	return b, nil
}

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
		f.CellFormat(d.w/2, 5, d.fit(team, d.w/2), "", 0, "L", false, 0, "")
	}
	d.font("", 9, mutedColor)
	f.SetX(marginSide + d.w/2)
	f.CellFormat(d.w/2, 5, dateLabel(today), "", 1, "R", false, 0, "")
	d.rule(f.GetY() + 1)
	f.Ln(5)
	to := p.Name
	if p.Company != "" {
		to += ", " + p.Company
	}
	d.text("To: "+to, textStyle{size: 9, color: mutedColor})
	if !p.CanContact {
		d.text("Check consent before sending: no valid contact consent on record.", textStyle{size: 8.5, bold: true, color: verdictInk["invalidated"]})
	}
	f.Ln(4)
	d.text("You said, we did", textStyle{size: 16, bold: true, color: inkColor})
	f.Ln(2)
	d.text(fmt.Sprintf("Dear %s,", firstName(p.Name)), textStyle{size: 10.5, color: inkColor})
	f.Ln(2)
	when := dateLabel(ss.ScheduledOn)
	intro := fmt.Sprintf("thank you for taking part in “%s”", ss.Title)
	if when != "" {
		intro += " on " + when
	}
	intro += ". You helped us with a question we had to answer: “" + strings.TrimSpace(m.dec.Decision.Title) +
		"” Here is what we heard from you, and what we did with it."
	d.text(capitalize(intro), textStyle{size: 10.5, color: inkColor})

	letterHeading(d, "What you told us")
	said := 0
	for _, it := range m.run.Items {
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

	letterHeading(d, "What we decided")
	var decided []string
	for _, it := range m.run.Items {
		if it.Verdict == nil {
			continue
		}
		decided = append(decided, fmt.Sprintf("%s: %s.", verdictLabel(it.Verdict.Verdict), shortSentence(it.Assumption)))
	}
	if len(decided) > 0 {
		d.bullets(decided, textStyle{size: 9.5, color: inkColor})
	}
	if l := m.latestLog(); l != nil {
		d.f.Ln(1.5)
		text := fmt.Sprintf("Our decision (%s): %s.", dateLabel(l.DecidedOn), strings.ToLower(outcomeLabel(l.Outcome)))
		if strings.TrimSpace(l.Rationale) != "" {
			text += " " + l.Rationale
		}
		d.text(text, textStyle{size: 9.5, color: inkColor})
	} else if len(decided) == 0 {
		d.text("We are still weighing what we heard; we will write again once we have decided.", textStyle{size: 9.5, color: inkColor})
	}
	if opp, picked := m.topOpportunities(); picked {
		d.f.Ln(1.5)
		d.text("What we are working on next", textStyle{size: 9.5, bold: true, color: inkColor})
		items := make([]string, len(opp))
		for i, o := range opp {
			items[i] = o.HMW
		}
		d.bullets(items, textStyle{size: 9.5, color: inkColor})
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

// firstName is the first word of a name, or the whole name when it has
// none (names in scripts without spaces).
func firstName(name string) string {
	if f := strings.Fields(name); len(f) > 0 {
		return f[0]
	}
	return name
}
