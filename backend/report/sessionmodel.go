package report

import (
	"fmt"
	"sort"
	"soundingboard/backend/activity"
	"strings"

	"soundingboard/backend/session"
	"soundingboard/backend/wording"
)

// sessionModel is everything a session report, its exports and its
// letters print.
type sessionModel struct {
	run    session.Run
	agenda activity.AgendaRun
	syn    session.Synthesis
	dec    session.DecisionDetail
	loop   LoopStatus

	names        map[int64]string // member id -> name as printed
	pseudonymous int              // participants shown under a pseudonym
}

// loadSession reads a session through the session services: its run,
// synthesis and decision from one snapshot. Participants without a valid
// quoting consent today print as "Participant A", "B" …, in the report
// and on their quotes.
func (s *Service) loadSession(id int64) (*sessionModel, error) {
	sr, err := s.session.ReadSessionReport(id)
	if err != nil {
		return nil, err
	}
	run := sr.Run
	agenda, err := s.agendas.Run(id)
	if err != nil {
		return nil, err
	}
	loop, err := s.sessionFollowUps(run)
	if err != nil {
		return nil, err
	}
	m := &sessionModel{run: run, agenda: agenda, syn: sr.Synthesis, dec: sr.Decision, loop: loop, names: map[int64]string{}}
	for _, p := range run.Session.Participants {
		if p.CanQuote {
			m.names[p.MemberID] = p.Name
			continue
		}
		m.names[p.MemberID] = pseudonym(m.pseudonymous)
		m.pseudonymous++
	}
	return m, nil
}

// who is how a member is named in the report.
func (m *sessionModel) who(memberID int64) string {
	if memberID == 0 {
		return "Unattributed"
	}
	if n, ok := m.names[memberID]; ok {
		return n
	}
	return "A board member" // not a participant: no consent known to quote them by name
}

// quoteBy is a quote's attribution: name (or pseudonym) and segment.
func (m *sessionModel) quoteBy(q session.Quote) string {
	return m.attribution(q, func(s string) string { return s })
}

// attribution is quoteBy with each part passed through wrap (PDFs isolate
// them, so a right-to-left name keeps its place before the segment).
func (m *sessionModel) attribution(q session.Quote, wrap func(string) string) string {
	by := wrap(m.who(q.MemberID))
	if q.Segment != "" && q.MemberID != 0 {
		by += ", " + wrap(q.Segment)
	}
	return by
}

// attended are the participants who took part (not invited or no-shows);
// before a session is finished, everyone not marked no-show.
func (m *sessionModel) attended() []session.Participant {
	var out []session.Participant
	for _, p := range m.run.Session.Participants {
		if p.State == "attended" || (m.run.Session.Status != "finished" && p.State != "no_show") {
			out = append(out, p)
		}
	}
	return out
}

// quoteCount counts quotes on assumptions and general ones.
func (m *sessionModel) quoteCount() int {
	n := len(m.run.General)
	for _, it := range m.run.Items {
		n += len(it.Quotes)
	}
	return n
}

// verdictCounts counts this session's verdicts, "" for unrated.
func (m *sessionModel) verdictCounts() map[string]int {
	c := map[string]int{}
	for _, it := range m.run.Items {
		v := ""
		if it.Verdict != nil {
			v = string(it.Verdict.Verdict)
		}
		c[v]++
	}
	return c
}

// verdictSummary is e.g. "3 validated · 1 invalidated · 1 not rated".
func (m *sessionModel) verdictSummary() string {
	c := m.verdictCounts()
	var parts []string
	for _, v := range []string{"validated", "invalidated", "needs_research", ""} {
		if c[v] > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", c[v], strings.ToLower(verdictLabel(v))))
		}
	}
	if len(parts) == 0 {
		return "no assumptions"
	}
	return strings.Join(parts, " · ")
}

// when is the session's date and time in words.
func (m *sessionModel) when() string {
	ss := m.run.Session
	out := dateLabel(ss.ScheduledOn)
	if out == "" {
		out = "not scheduled"
	}
	if ss.StartTime != "" {
		out += ", " + ss.StartTime
	}
	if ss.DurationMinutes > 0 {
		out += fmt.Sprintf(" (%d min)", ss.DurationMinutes)
	}
	return out
}

// bySegment groups participants by segment, segments by name, people
// without one last.
func bySegment(ps []session.Participant) [][]session.Participant {
	groups := map[string][]session.Participant{}
	var keys []string
	for _, p := range ps {
		if _, ok := groups[p.Segment]; !ok {
			keys = append(keys, p.Segment)
		}
		groups[p.Segment] = append(groups[p.Segment], p)
	}
	sort.Slice(keys, func(i, j int) bool {
		if (keys[i] == "") != (keys[j] == "") {
			return keys[j] == ""
		}
		return strings.ToLower(keys[i]) < strings.ToLower(keys[j])
	})
	out := make([][]session.Participant, len(keys))
	for i, k := range keys {
		out[i] = groups[k]
	}
	return out
}

func segmentOr(s string) string {
	if s == "" {
		return "No segment"
	}
	return s
}

// latestLog is the newest decision-log entry, nil when none.
func (m *sessionModel) latestLog() *session.LogEntry {
	if n := len(m.dec.Log); n > 0 {
		return &m.dec.Log[n-1]
	}
	return nil
}

// pickedOpportunities are the picked ones, or all when none is picked.
func (m *sessionModel) topOpportunities() ([]session.Opportunity, bool) {
	var picked []session.Opportunity
	for _, o := range m.syn.Opportunities {
		if o.Picked {
			picked = append(picked, o)
		}
	}
	if len(picked) > 0 {
		return picked, true
	}
	return m.syn.Opportunities, false
}

// sessionSections lists what the session report holds, for the preview.
func (m *sessionModel) sections() []Section {
	opp, picked := m.topOpportunities()
	oppNote := ""
	if !picked && len(opp) > 0 {
		oppNote = "none picked yet; all listed"
	}
	partNote := ""
	if m.pseudonymous > 0 {
		partNote = wording.Count(m.pseudonymous, "shown under a pseudonym (no quoting consent)", "shown under pseudonyms (no quoting consent)")
	}
	return []Section{
		{Title: "Participants", Items: len(m.run.Session.Participants), Note: partNote},
		{Title: "Assumptions", Items: len(m.run.Items), Note: m.verdictSummary()},
		{Title: "Importance × evidence map", Items: len(m.run.Items)},
		{Title: "Agenda", Items: len(m.agenda.Runs), Note: m.agendaNote()},
		{Title: "Quotes", Items: m.quoteCount()},
		{Title: "Themes", Items: len(m.syn.Themes)},
		{Title: "Top opportunities", Items: len(opp), Note: oppNote},
		{Title: "Actions", Items: len(m.syn.Actions)},
		{Title: "Decision log", Items: len(m.dec.Log)},
		{Title: "Follow-up", Items: m.loop.Attended, Note: fmt.Sprintf("%d of %d heard back", m.loop.HeardBack, m.loop.Eligible)},
	}
}

// needsOf lists "what would need to be true" answers of an item.
func (m *sessionModel) needsOf(it session.RunItem) [][2]string {
	var out [][2]string
	for _, r := range it.Responses {
		if t := strings.TrimSpace(r.Needs); t != "" {
			out = append(out, [2]string{m.who(r.MemberID), t})
		}
	}
	return out
}

// agendaNote names the activities other than the assumption check.
func (m *sessionModel) agendaNote() string {
	var kinds []string
	for _, r := range m.agenda.Runs {
		if r.Activity.Kind != activity.KindAssumptionCheck {
			kinds = append(kinds, strings.ToLower(kindLabel(r.Activity.Kind)))
		}
	}
	return strings.Join(kinds, ", ")
}
