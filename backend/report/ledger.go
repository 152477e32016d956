package report

import (
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"

	"soundingboard/backend/session"
	"soundingboard/backend/wording"
)

// ledgerGroups is the order verdict groups print in.
var ledgerGroups = []string{"validated", "invalidated", "needs_research", "untested"}

type ledgerModel struct {
	ledger   session.Ledger
	decision *session.DecisionDetail // nil = all decisions
	groups   map[string][]session.LedgerEntry
}

func (s *Service) loadLedger(decisionID int64) (*ledgerModel, error) {
	lr, err := s.session.ReadLedgerReport(decisionID)
	if err != nil {
		return nil, err
	}
	m := &ledgerModel{ledger: lr.Ledger, decision: lr.Decision, groups: map[string][]session.LedgerEntry{}}
	for _, e := range lr.Ledger.Entries {
		v := string(e.Assumption.Verdict)
		if v == "" {
			v = "untested"
		}
		m.groups[v] = append(m.groups[v], e)
	}
	for _, g := range m.groups {
		sort.SliceStable(g, func(i, j int) bool {
			if g[i].Assumption.Risk != g[j].Assumption.Risk {
				return g[i].Assumption.Risk > g[j].Assumption.Risk
			}
			return g[i].Assumption.ID < g[j].Assumption.ID
		})
	}
	return m, nil
}

func (m *ledgerModel) scope() string {
	if m.decision != nil {
		return m.decision.Decision.Title
	}
	return "All decisions"
}

func (s *Service) buildLedger(decisionID int64, team string) (*built, error) {
	m, err := s.loadLedger(decisionID)
	if err != nil {
		return nil, err
	}
	b := &built{
		title:    "Assumption ledger",
		subtitle: m.scope(),
		fileBase: slug("assumptions", m.scope(), s.today()),
		pdf:      func(d *doc) { drawLedger(d, m, team, s.today()) },
		md:       func(w io.Writer) error { return ledgerMarkdown(w, m, team) },
		csv:      func(w io.Writer) error { return ledgerCSV(w, m) },
	}
	for _, g := range ledgerGroups {
		b.sections = append(b.sections, Section{Title: verdictLabel(g), Items: len(m.groups[g])})
	}
	b.sections = append(b.sections, Section{Title: "Verdict chart", Items: len(ledgerGroups)})
	if len(m.ledger.Entries) == 0 {
		b.warnings = append(b.warnings, "There are no assumptions to report yet.")
	}
	return b, nil
}

func drawLedger(d *doc, m *ledgerModel, team, today string) {
	facts := [][2]string{{"Scope", m.scope()}, {"Assumptions", strconv.Itoa(len(m.ledger.Entries))}}
	if m.decision != nil {
		facts = append(facts, [2]string{"Question", m.decision.Decision.Question}, [2]string{"Owner", m.decision.Decision.Owner})
		if n := len(m.decision.Log); n > 0 {
			l := m.decision.Log[n-1]
			facts = append(facts, [2]string{"Decided", fmt.Sprintf("%s on %s: %s", outcomeLabel(l.Outcome), dateLabel(l.DecidedOn), l.Rationale)})
		}
	}
	facts = append(facts, [2]string{"As of", dateLabel(today)})
	d.cover(team, "Assumption ledger", m.scope(), facts)

	d.heading("Verdicts")
	var bs []bar
	for _, g := range ledgerGroups {
		c := verdictInk[g]
		if g == "untested" {
			c = verdictInk[""]
		}
		n := len(m.groups[g])
		bs = append(bs, bar{label: verdictLabel(g), value: float64(n), text: wording.Count(n, "assumption", "assumptions"), target: -1, color: c})
	}
	d.bars(bs, 0)

	if len(m.ledger.Entries) == 0 {
		d.text("No assumptions yet.", textStyle{color: mutedColor})
		return
	}
	for _, g := range ledgerGroups {
		entries := m.groups[g]
		if len(entries) == 0 {
			continue
		}
		d.heading(fmt.Sprintf("%s (%d)", verdictLabel(g), len(entries)))
		for _, e := range entries {
			drawLedgerEntry(d, m, e)
		}
	}
}

func drawLedgerEntry(d *doc, m *ledgerModel, e session.LedgerEntry) {
	a := e.Assumption
	d.subheading(a.Sentence, 12)
	meta := fmt.Sprintf("%s · importance %d/5 · evidence %d/5", capitalize(a.Category), a.Importance, a.Evidence)
	if m.decision == nil {
		meta = e.Decision + " · " + meta
	}
	if n := len(e.Verdicts); n > 0 {
		meta += fmt.Sprintf(" · confidence %d/5", e.Verdicts[n-1].Confidence)
	}
	d.text(meta, textStyle{size: 8.5, color: mutedColor})
	if len(e.Verdicts) > 1 {
		hist := make([]string, len(e.Verdicts))
		for i, v := range e.Verdicts {
			hist[i] = verdictLabel(v.Verdict)
		}
		d.text("Verdicts over time: "+strings.Join(hist, " → "), textStyle{size: 8.5, color: mutedColor})
	}
	if n := len(e.Verdicts); n > 0 && strings.TrimSpace(e.Verdicts[n-1].Rationale) != "" {
		d.text(e.Verdicts[n-1].Rationale, textStyle{size: 9.5, color: inkColor})
	}
	d.f.Ln(1)
	if len(e.Evidence) > 0 {
		rows := make([][]string, len(e.Evidence))
		for i, ev := range e.Evidence {
			rows[i] = []string{ev.Segment, strconv.Itoa(ev.For), strconv.Itoa(ev.Partly), strconv.Itoa(ev.Against), strconv.Itoa(ev.Unsure)}
		}
		d.table(table{cols: []column{{title: "Segment", width: 40}, {title: "For", width: 12, align: "R"},
			{title: "Partly", width: 12, align: "R"}, {title: "Against", width: 12, align: "R"}, {title: "Unsure", width: 12, align: "R"}},
			rows: rows, size: 8})
	} else {
		d.text("No responses recorded yet.", textStyle{size: 8.5, color: mutedColor})
	}
	if l := reactionList(e.Reactions); l != "" {
		d.text("Reactions: "+l, textStyle{size: 8.5, color: mutedColor})
	}
	if len(e.Sessions) > 0 {
		d.text("From: "+strings.Join(e.Sessions, " · "), textStyle{size: 8.5, color: mutedColor})
	}
	d.f.Ln(2.5)
}
