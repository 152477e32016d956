package report

import (
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"

	"soundingboard/backend/report/typeset"
	"soundingboard/backend/session"
	"soundingboard/backend/wording"
)

func (s *Service) buildSession(id int64, team string) (*built, error) {
	m, err := s.loadSession(id)
	if err != nil {
		return nil, err
	}
	ss := m.run.Session
	b := &built{
		title:    ss.Title,
		subtitle: "Session report · " + formatLabel(ss.Format),
		fileBase: slug("session", ss.Title, ss.ScheduledOn),
		sections: m.sections(),
		pdf:      func(d *doc) { drawSession(d, m, team) },
		md:       func(w io.Writer) error { return sessionMarkdown(w, m, team) },
		csv:      func(w io.Writer) error { return sessionCSV(w, m) },
	}
	if m.pseudonymous > 0 {
		b.warnings = append(b.warnings, wording.Count(m.pseudonymous, "participant has", "participants have")+
			" no valid quoting consent: shown as “Participant A…”, on their quotes too.")
	}
	if len(ss.Participants) == 0 {
		b.warnings = append(b.warnings, "This session has no participants yet.")
	}
	return b, nil
}

func drawSession(d *doc, m *sessionModel, team string) {
	ss := m.run.Session
	attended := m.attended()
	facts := [][2]string{
		{"Decision", m.dec.Decision.Title},
		{"Question", m.dec.Decision.Question},
		{"Date", m.when()},
		{"Format", formatLabel(ss.Format)},
		{"Facilitator", ss.Facilitator},
		{"Note taker", ss.NoteTaker},
		{"Place", ss.Place},
		{"Participants", fmt.Sprintf("%d took part of %d invited", len(attended), len(ss.Participants))},
		{"Verdicts", m.verdictSummary()},
	}
	if l := m.latestLog(); l != nil {
		facts = append(facts, [2]string{"Decided", fmt.Sprintf("%s on %s", outcomeLabel(l.Outcome), dateLabel(l.DecidedOn))})
	}
	d.cover(team, ss.Title, "Session report · "+formatLabel(ss.Format), facts)

	// At a glance: one row per assumption.
	d.heading("At a glance")
	rows := make([][]string, len(m.run.Items))
	for i, it := range m.run.Items {
		v, conf := "", ""
		if it.Verdict != nil {
			v, conf = string(it.Verdict.Verdict), fmt.Sprintf("%d/5", it.Verdict.Confidence)
		}
		rows[i] = []string{strconv.Itoa(i + 1), it.Assumption.Sentence, verdictLabel(v), conf, tallyText(it.Tally)}
	}
	if len(rows) == 0 {
		d.text("This session tests no assumptions yet.", textStyle{color: mutedColor})
	} else {
		d.table(table{
			cols: []column{{title: "#", width: 4, align: "R"}, {title: "Assumption", width: 45},
				{title: "Verdict", width: 14, bold: true}, {title: "Confidence", width: 12, align: "C"}, {title: "Stances", width: 22}},
			rows: rows,
			color: func(r, c int) *rgb {
				if c != 2 {
					return nil
				}
				col := verdictInk[verdictOf(m.run.Items[r])]
				return &col
			},
		})
	}

	d.heading("Participants")
	if len(ss.Participants) == 0 {
		d.text("No participants were added to this session.", textStyle{color: mutedColor})
	} else {
		var prow [][]string
		for _, g := range bySegment(ss.Participants) {
			for i, p := range g {
				seg := ""
				if i == 0 {
					seg = segmentOr(p.Segment)
				}
				company := p.Company
				if !p.CanQuote {
					company = "—"
				}
				prow = append(prow, []string{seg, m.who(p.MemberID), company, stateLabel(p.State)})
			}
		}
		d.table(table{cols: []column{{title: "Segment", width: 24, bold: true}, {title: "Participant", width: 30},
			{title: "Company", width: 30}, {title: "Took part", width: 16}}, rows: prow})
		if m.pseudonymous > 0 {
			d.text("Participants without a valid consent to be quoted by name are shown as “Participant A”, “B” …",
				textStyle{size: 8, color: mutedColor})
		}
	}

	if len(m.run.Items) > 0 {
		d.heading("Importance × evidence")
		pts := make([]mapPoint, len(m.run.Items))
		for i, it := range m.run.Items {
			pts[i] = mapPoint{num: i + 1, importance: it.Assumption.Importance, evidence: it.Assumption.Evidence,
				verdict: verdictOf(it), label: shortSentence(it.Assumption)}
		}
		d.riskMap(pts)
	}

	d.heading("Assumptions")
	if len(m.run.Items) == 0 {
		d.text("No assumptions.", textStyle{color: mutedColor})
	}
	for i, it := range m.run.Items {
		drawAssumption(d, m, i+1, it)
	}

	drawActivities(d, m)

	if len(m.run.General) > 0 {
		d.heading("Other quotes")
		for _, q := range m.run.General {
			d.quote(q.Text, m.attribution(q, typeset.Isolate))
		}
	}

	drawSynthesis(d, m)

	d.heading("Follow-up")
	drawFollowUp(d, m)
}

func drawAssumption(d *doc, m *sessionModel, n int, it session.RunItem) {
	a := it.Assumption
	d.subheading(fmt.Sprintf("%d. %s", n, a.Sentence), 14)
	v := verdictOf(it)
	d.font("B", 9, verdictInk[v])
	line := verdictLabel(v)
	if it.Verdict != nil {
		line += fmt.Sprintf("  ·  confidence %d/5", it.Verdict.Confidence)
	}
	w := d.f.GetStringWidth(line)
	d.f.CellFormat(w+3, lineHeight(9), line, "", 0, "L", false, 0, "")
	d.font("", 8.5, mutedColor)
	d.cell(d.w-w-3, lineHeight(9), d.fit(fmt.Sprintf("%s · importance %d/5 · evidence %d/5",
		capitalize(a.Category), a.Importance, a.Evidence), d.w-w-3), "L", 1)
	d.text("Stances: "+tallyText(it.Tally), textStyle{size: 8.5, color: mutedColor})
	if it.Verdict != nil && strings.TrimSpace(it.Verdict.Rationale) != "" {
		d.f.Ln(0.8)
		d.text(it.Verdict.Rationale, textStyle{size: 9.5, color: inkColor})
	}
	if needs := m.needsOf(it); len(needs) > 0 {
		d.f.Ln(0.8)
		d.text("What would need to be true", textStyle{size: 8.5, bold: true, color: inkColor})
		items := make([]string, len(needs))
		for i, n := range needs {
			items[i] = n[1] + " (" + n[0] + ")"
		}
		d.bullets(items, textStyle{size: 8.5, color: inkColor})
	}
	if len(it.Quotes) > 0 {
		d.f.Ln(1)
		for _, q := range it.Quotes {
			d.quote(q.Text, m.attribution(q, typeset.Isolate))
		}
	}
	d.f.Ln(2)
}

func drawSynthesis(d *doc, m *sessionModel) {
	d.heading("Synthesis")
	d.subheading("Themes", 10)
	if len(m.syn.Themes) == 0 {
		d.text("No themes tagged yet.", textStyle{color: mutedColor})
	} else {
		rows := make([][]string, len(m.syn.Themes))
		for i, t := range m.syn.Themes {
			rows[i] = []string{t.Name, strconv.Itoa(len(t.Quotes)), strconv.Itoa(len(t.Notes)), segmentCounts(t.BySegment)}
		}
		d.table(table{cols: []column{{title: "Theme", width: 30, bold: true}, {title: "Quotes", width: 10, align: "R"},
			{title: "Notes", width: 10, align: "R"}, {title: "By segment", width: 50}}, rows: rows})
	}

	opp, picked := m.topOpportunities()
	d.subheading("Top opportunities", 10)
	switch {
	case len(opp) == 0:
		d.text("No opportunities recorded yet.", textStyle{color: mutedColor})
	default:
		if !picked {
			d.text("None picked yet; all candidates, highest impact first.", textStyle{size: 8.5, color: mutedColor})
		}
		items := make([]string, len(opp))
		for i, o := range opp {
			items[i] = fmt.Sprintf("%s  (impact %d/5, effort %d/5)", o.HMW, o.Impact, o.Effort)
		}
		d.bullets(items, textStyle{color: inkColor})
	}

	d.subheading("Actions", 10)
	if len(m.syn.Actions) == 0 {
		d.text("No actions yet.", textStyle{color: mutedColor})
	} else {
		rows := make([][]string, len(m.syn.Actions))
		for i, a := range m.syn.Actions {
			status := "Open"
			if a.DoneOn != "" {
				status = "Done " + shortDate(a.DoneOn)
			}
			rows[i] = []string{a.Title, orDash(a.Owner), orDash(shortDate(a.DueOn)), status}
		}
		d.table(table{cols: []column{{title: "Action", width: 48}, {title: "Owner", width: 18},
			{title: "Due", width: 16}, {title: "Status", width: 18}}, rows: rows})
	}

	if len(m.dec.Log) > 0 {
		d.subheading("Decision log: "+m.dec.Decision.Title, 10)
		rows := make([][]string, len(m.dec.Log))
		for i, l := range m.dec.Log {
			rows[i] = []string{shortDate(l.DecidedOn), outcomeLabel(l.Outcome), l.Rationale}
		}
		d.table(table{cols: []column{{title: "Date", width: 16}, {title: "Outcome", width: 14, bold: true},
			{title: "Why", width: 70}}, rows: rows})
	}
}

func drawFollowUp(d *doc, m *sessionModel) {
	l := m.loop
	if l.Attended == 0 {
		d.text("Nobody is marked as having taken part yet.", textStyle{color: mutedColor})
		return
	}
	d.text(l.summary()+".",
		textStyle{size: 10, bold: true, color: inkColor})
	d.text(l.Definition, textStyle{size: 8, color: mutedColor})
	d.f.Ln(1.5)
	rows := make([][]string, len(l.People))
	for i, p := range l.People {
		heard, how := "Not yet", ""
		if p.HeardBack {
			heard, how = shortDate(p.On), capitalize(p.How)
		} else if !p.CanContact {
			how = "no contact consent"
		} else if p.Planned {
			how = "planned"
		}
		rows[i] = []string{m.who(p.MemberID), heard, how}
	}
	d.table(table{cols: []column{{title: "Participant", width: 40}, {title: "Heard back", width: 30},
		{title: "How", width: 30}}, rows: rows,
		color: func(r, c int) *rgb {
			if c == 1 && !l.People[r].HeardBack {
				col := verdictInk["invalidated"]
				return &col
			}
			return nil
		}})
}

func verdictOf(it session.RunItem) string {
	if it.Verdict == nil {
		return ""
	}
	return string(it.Verdict.Verdict)
}

func stateLabel(s session.ParticipantState) string {
	switch s {
	case "attended":
		return "Attended"
	case "no_show":
		return "Did not come"
	case "confirmed":
		return "Confirmed"
	}
	return "Invited"
}

// shortSentence is the assumption's behaviour, for legends.
func shortSentence(a session.Assumption) string {
	return a.Customers + " will " + a.Behavior
}

// segmentCounts is e.g. "Retail 3 · Wholesale 1", largest first.
func segmentCounts(m map[string]int) string {
	type kv struct {
		k string
		v int
	}
	var list []kv
	for k, v := range m {
		list = append(list, kv{k, v})
	}
	sort.Slice(list, func(i, j int) bool {
		if list[i].v != list[j].v {
			return list[i].v > list[j].v
		}
		return list[i].k < list[j].k
	})
	parts := make([]string, len(list))
	for i, e := range list {
		parts[i] = fmt.Sprintf("%s %d", e.k, e.v)
	}
	return strings.Join(parts, " · ")
}

func orDash(s string) string {
	if strings.TrimSpace(s) == "" {
		return "—"
	}
	return s
}
