package report

import (
	"bufio"
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"

	"soundingboard/backend/activity"
	"soundingboard/backend/board/contacts"
	"soundingboard/backend/report/typeset"
	"soundingboard/backend/wording"
)

// mdWriter writes Markdown, remembering the first error.
type mdWriter struct {
	w   *bufio.Writer
	err error
}

func (m *mdWriter) printf(format string, a ...any) {
	if m.err == nil {
		_, m.err = fmt.Fprintf(m.w, format, a...)
	}
}

func (m *mdWriter) flush() error {
	if m.err != nil {
		return fmt.Errorf("write markdown: %w", m.err)
	}
	if err := m.w.Flush(); err != nil {
		return fmt.Errorf("write markdown: %w", err)
	}
	return nil
}

// mdInline escapes the characters that make inline Markdown structure
// (emphasis, code, links and images, raw HTML, table cells, headings), and
// the "://" and "www." that GitHub-flavoured viewers turn into live links.
var mdInline = strings.NewReplacer(`\`, `\\`, "*", `\*`, "_", `\_`, "`", "\\`", "[", `\[`, "]", `\]`, "<", "&lt;", "|", `\|`, "#", `\#`,
	"://", `\://`, "www.", `www\.`, "WWW.", `WWW\.`)

// mdEscape keeps user text from turning into Markdown structure: inline
// markers are escaped, control characters dropped, and every line (a
// participant's note may have many) loses its indent (an indented code
// block) and has a leading block marker escaped (a list item, a quote, a
// fence, or the === or --- underline that makes the line before a heading).
func mdEscape(s string) string {
	lines := strings.Split(mdInline.Replace(strings.TrimSpace(wording.PlainText(s))), "\n")
	for i, l := range lines {
		lines[i] = mdBlockStart(strings.TrimLeft(l, " \t"))
	}
	return strings.Join(lines, "\n")
}

// mdBlockStart escapes the marker of a block that line would start:
// - + = > ~ at its start, or the . or ) after leading digits ("1. ").
func mdBlockStart(line string) string {
	if line != "" && strings.ContainsRune("-+=>~", rune(line[0])) {
		return `\` + line
	}
	digits := len(line) - len(strings.TrimLeft(line, "0123456789"))
	if digits > 0 && digits < len(line) && (line[digits] == '.' || line[digits] == ')') {
		return line[:digits] + `\` + line[digits:]
	}
	return line
}

// mdQuote makes a block quote of s, every line prefixed.
func mdQuote(s string) string {
	lines := typeset.SplitLines(mdEscape(s))
	return "> " + strings.Join(lines, "\n> ")
}

// mdCell fits text into a table cell on one line.
func mdCell(s string) string {
	return strings.Join(strings.Fields(mdEscape(s)), " ")
}

func sessionMarkdown(w io.Writer, m *sessionModel, team string) error {
	md := &mdWriter{w: bufio.NewWriter(w)}
	ss := m.run.Session
	if team != "" {
		md.printf("_%s_\n\n", mdEscape(team))
	}
	md.printf("# %s\n\n", mdEscape(ss.Title))
	md.printf("- **Decision:** %s\n", mdEscape(m.dec.Decision.Title))
	if m.dec.Decision.Question != "" {
		md.printf("- **Question:** %s\n", mdEscape(m.dec.Decision.Question))
	}
	md.printf("- **Date:** %s\n- **Format:** %s\n", mdEscape(m.when()), formatLabel(ss.Format))
	if ss.Facilitator != "" {
		md.printf("- **Facilitator:** %s\n", mdEscape(ss.Facilitator))
	}
	md.printf("- **Participants:** %d took part of %d invited\n- **Verdicts:** %s\n", len(m.attended()), len(ss.Participants), m.verdictSummary())
	if l := m.latestLog(); l != nil {
		md.printf("- **Decided:** %s on %s\n", outcomeLabel(l.Outcome), dateLabel(l.DecidedOn))
	}

	md.printf("\n## Participants\n\n")
	if len(ss.Participants) == 0 {
		md.printf("No participants.\n")
	}
	for _, g := range bySegment(ss.Participants) {
		names := make([]string, len(g))
		for i, p := range g {
			names[i] = mdEscape(m.who(p.MemberID)) + " (" + strings.ToLower(stateLabel(p.State)) + ")"
		}
		md.printf("- **%s:** %s\n", mdEscape(segmentOr(g[0].Segment)), strings.Join(names, ", "))
	}

	md.printf("\n## Assumptions\n\n| # | Assumption | Verdict | Confidence | Importance | Evidence | Stances |\n|---:|---|---|:---:|:---:|:---:|---|\n")
	for i, it := range m.run.Items {
		conf := ""
		if it.Verdict != nil {
			conf = fmt.Sprintf("%d/5", it.Verdict.Confidence)
		}
		md.printf("| %d | %s | %s | %s | %d | %d | %s |\n", i+1, mdCell(it.Assumption.Sentence), verdictLabel(verdictOf(it)), conf,
			it.Assumption.Importance, it.Assumption.Evidence, tallyText(it.Tally))
	}
	for i, it := range m.run.Items {
		md.printf("\n### %d. %s\n\n**%s**", i+1, mdEscape(it.Assumption.Sentence), verdictLabel(verdictOf(it)))
		if it.Verdict != nil {
			md.printf(" · confidence %d/5", it.Verdict.Confidence)
		}
		md.printf(" · %s\n\n", tallyText(it.Tally))
		if it.Verdict != nil && strings.TrimSpace(it.Verdict.Rationale) != "" {
			md.printf("%s\n\n", mdEscape(it.Verdict.Rationale))
		}
		if needs := m.needsOf(it); len(needs) > 0 {
			md.printf("What would need to be true:\n\n")
			for _, n := range needs {
				md.printf("- %s (%s)\n", mdCell(n[1]), mdEscape(n[0]))
			}
			md.printf("\n")
		}
		for _, q := range it.Quotes {
			md.printf("%s\n>\n> — %s\n\n", mdQuote(q.Text), mdEscape(m.quoteBy(q)))
		}
	}
	activitiesMarkdown(md, m)
	if len(m.run.General) > 0 {
		md.printf("\n## Other quotes\n\n")
		for _, q := range m.run.General {
			md.printf("%s\n>\n> — %s\n\n", mdQuote(q.Text), mdEscape(m.quoteBy(q)))
		}
	}

	md.printf("\n## Synthesis\n\n### Themes\n\n")
	if len(m.syn.Themes) == 0 {
		md.printf("No themes tagged yet.\n")
	}
	for _, t := range m.syn.Themes {
		md.printf("- **%s**: %d quotes, %d notes (%s)\n", mdEscape(t.Name), len(t.Quotes), len(t.Notes), mdEscape(segmentCounts(t.BySegment)))
	}
	opp, _ := m.topOpportunities()
	md.printf("\n### Top opportunities\n\n")
	if len(opp) == 0 {
		md.printf("None yet.\n")
	}
	for _, o := range opp {
		md.printf("- %s (impact %d/5, effort %d/5)\n", mdCell(o.HMW), o.Impact, o.Effort)
	}
	md.printf("\n### Actions\n\n")
	if len(m.syn.Actions) == 0 {
		md.printf("None yet.\n")
	} else {
		md.printf("| Action | Owner | Due | Status |\n|---|---|---|---|\n")
		for _, a := range m.syn.Actions {
			status := "open"
			if a.DoneOn != "" {
				status = "done " + a.DoneOn
			}
			md.printf("| %s | %s | %s | %s |\n", mdCell(a.Title), mdCell(a.Owner), a.DueOn, status)
		}
	}
	if len(m.dec.Log) > 0 {
		md.printf("\n### Decision log\n\n")
		for _, l := range m.dec.Log {
			md.printf("- %s: **%s** — %s\n", l.DecidedOn, outcomeLabel(l.Outcome), mdCell(l.Rationale))
		}
	}
	md.printf("\n## Follow-up\n\n%s.\n\n", m.loop.summary())
	for _, p := range m.loop.People {
		if p.HeardBack {
			md.printf("- %s: heard back %s (%s)\n", mdEscape(m.who(p.MemberID)), p.On, p.How)
		} else {
			md.printf("- %s: not yet\n", mdEscape(m.who(p.MemberID)))
		}
	}
	return md.flush()
}

func writeCSV(w io.Writer, header []string, rows [][]string) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(header); err != nil {
		return fmt.Errorf("write csv: %w", err)
	}
	for _, r := range rows {
		safe := make([]string, len(r))
		for i, c := range r {
			safe[i] = contacts.SafeCell(c)
		}
		if err := cw.Write(safe); err != nil {
			return fmt.Errorf("write csv: %w", err)
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("write csv: %w", err)
	}
	return nil
}

// sessionCSV writes one row per assumption, quotes joined one per line,
// then the result lines of the other activities (csvHeader).
func sessionCSV(w io.Writer, m *sessionModel) error {
	check := kindLabel(activity.KindAssumptionCheck)
	rows := make([][]string, 0, len(m.run.Items))
	for i, it := range m.run.Items {
		conf, rationale := "", ""
		if it.Verdict != nil {
			conf, rationale = strconv.Itoa(it.Verdict.Confidence), it.Verdict.Rationale
		}
		quotes := make([]string, len(it.Quotes))
		for j, q := range it.Quotes {
			quotes[j] = "“" + q.Text + "” — " + m.quoteBy(q)
		}
		t := it.Tally
		rows = append(rows, csvRow(map[string]string{"activity": check, "kind": check, "part": "Assumption",
			"position": strconv.Itoa(i + 1), "assumption": it.Assumption.Sentence, "category": string(it.Assumption.Category),
			"importance": strconv.Itoa(it.Assumption.Importance), "evidence": strconv.Itoa(it.Assumption.Evidence),
			"verdict": verdictOf(it), "confidence": conf, "matches": strconv.Itoa(t.Matches), "partly": strconv.Itoa(t.Partly),
			"does_not_match": strconv.Itoa(t.DoesNotMatch), "unsure": strconv.Itoa(t.Unsure), "no_answer": strconv.Itoa(t.NoAnswer),
			"rationale": rationale, "quotes": strings.Join(quotes, "\n")}))
	}
	return writeCSV(w, csvHeader, append(rows, m.activityCSVRows()...))
}

func ledgerMarkdown(w io.Writer, m *ledgerModel, team string) error {
	md := &mdWriter{w: bufio.NewWriter(w)}
	if team != "" {
		md.printf("_%s_\n\n", mdEscape(team))
	}
	md.printf("# Assumption ledger: %s\n\n", mdEscape(m.scope()))
	for _, g := range ledgerGroups {
		md.printf("- %s: %d\n", verdictLabel(g), len(m.groups[g]))
	}
	for _, g := range ledgerGroups {
		entries := m.groups[g]
		if len(entries) == 0 {
			continue
		}
		md.printf("\n## %s (%d)\n", verdictLabel(g), len(entries))
		for _, e := range entries {
			a := e.Assumption
			md.printf("\n### %s\n\n%s · %s · importance %d/5 · evidence %d/5 · %s\n", mdEscape(a.Sentence), mdEscape(e.Decision),
				capitalize(a.Category), a.Importance, a.Evidence, tallyText(e.Tally))
			if n := len(e.Verdicts); n > 0 && strings.TrimSpace(e.Verdicts[n-1].Rationale) != "" {
				md.printf("\n%s\n", mdEscape(e.Verdicts[n-1].Rationale))
			}
			if len(e.Evidence) > 0 {
				md.printf("\n| Segment | For | Partly | Against | Unsure |\n|---|---:|---:|---:|---:|\n")
				for _, ev := range e.Evidence {
					md.printf("| %s | %d | %d | %d | %d |\n", mdCell(ev.Segment), ev.For, ev.Partly, ev.Against, ev.Unsure)
				}
			}
			if l := reactionList(e.Reactions); l != "" {
				md.printf("\nReactions: %s\n", l)
			}
			if len(e.Sessions) > 0 {
				md.printf("\nFrom: %s\n", mdEscape(strings.Join(e.Sessions, " · ")))
			}
		}
	}
	return md.flush()
}

// ledgerCSV writes one row per assumption.
func ledgerCSV(w io.Writer, m *ledgerModel) error {
	header := []string{"decision", "assumption", "category", "importance", "evidence", "risk", "verdict", "confidence",
		"matches", "partly", "does_not_match", "unsure", "evidence_by_segment", "sessions", "rationale", "reactions"}
	var rows [][]string
	for _, g := range ledgerGroups {
		for _, e := range m.groups[g] {
			a := e.Assumption
			conf, rationale := "", ""
			if n := len(e.Verdicts); n > 0 {
				conf, rationale = strconv.Itoa(e.Verdicts[n-1].Confidence), e.Verdicts[n-1].Rationale
			}
			ev := make([]string, len(e.Evidence))
			for i, x := range e.Evidence {
				ev[i] = fmt.Sprintf("%s: %d for, %d partly, %d against, %d unsure", x.Segment, x.For, x.Partly, x.Against, x.Unsure)
			}
			v := string(a.Verdict)
			if v == "" {
				v = "untested"
			}
			rows = append(rows, []string{e.Decision, a.Sentence, string(a.Category), strconv.Itoa(a.Importance), strconv.Itoa(a.Evidence),
				strconv.Itoa(a.Risk), v, conf, strconv.Itoa(e.Tally.Matches), strconv.Itoa(e.Tally.Partly),
				strconv.Itoa(e.Tally.DoesNotMatch), strconv.Itoa(e.Tally.Unsure), strings.Join(ev, "; "),
				strings.Join(e.Sessions, "; "), rationale, reactionList(e.Reactions)})
		}
	}
	return writeCSV(w, header, rows)
}
