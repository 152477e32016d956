package report

// The results of a session's activities other than the assumption check
// (which has its own sections): one builder turns each activity into
// tables and quotes, and the PDF, the Markdown and the CSV print the same
// builder's output, so the three never disagree.

import (
	"fmt"
	"strconv"
	"strings"

	"soundingboard/backend/activity"
	"soundingboard/backend/report/typeset"
	"soundingboard/backend/wording"
)

// resultTable is one table of an activity's results.
type resultTable struct {
	title string
	cols  []column
	rows  [][]string
}

// activityQuote is a quote said during an activity, attributed as printed.
type activityQuote struct{ text, by string }

// activitySection is what the reports print about one activity.
type activitySection struct {
	title, kind string
	summary     string // planned and spent time, entries, reactions
	tables      []resultTable
	quotes      []activityQuote
}

// kindLabel names an activity kind for people.
func kindLabel(k activity.Kind) string {
	switch k {
	case activity.KindAssumptionCheck:
		return "Assumption check"
	case activity.KindJourneyBoard:
		return "Journey board"
	case activity.KindIdeaRound:
		return "Idea round"
	case activity.KindPrototypeTest:
		return "Prototype test"
	case activity.KindOpenQuestion:
		return "Open question"
	case activity.KindRating:
		return "Rating"
	}
	return string(k)
}

// reactionText is an activity's reactions in words, zero counts left out.
func reactionText(r activity.Reactions) string {
	if l := reactionList(r); l != "" {
		return "reactions: " + l
	}
	return "no reactions noted"
}

// reactionList is reactions as "confusion 1, frustration 3", zero counts
// left out; "" when none were noted.
func reactionList(r activity.Reactions) string {
	var parts []string
	for _, c := range []struct {
		n    int
		what string
	}{{r.Confusion, "confusion"}, {r.Excitement, "excitement"}, {r.Frustration, "frustration"}, {r.Other, "other"}} {
		if c.n > 0 {
			parts = append(parts, fmt.Sprintf("%s %d", c.what, c.n))
		}
	}
	return strings.Join(parts, ", ")
}

// minutesText is a time spent in whole minutes ("under a minute" below one).
func minutesText(seconds int) string {
	if seconds == 0 {
		return "not timed"
	}
	if seconds < 60 {
		return "under a minute"
	}
	return strconv.Itoa((seconds+30)/60) + " min"
}

// entryBy is who an entry is from, as the report names people: by name
// only with a quoting consent, else a pseudonym.
func (m *sessionModel) entryBy(e activity.Entry) string {
	if e.MemberID == 0 && e.Member != "" {
		return e.Member // a former board member
	}
	return m.who(e.MemberID)
}

// agendaRows is the agenda as a table: every activity, the assumption
// check included.
func (m *sessionModel) agendaRows() [][]string {
	rows := make([][]string, len(m.agenda.Runs))
	for i, r := range m.agenda.Runs {
		a := r.Activity
		planned := "—"
		if a.Minutes > 0 {
			planned = strconv.Itoa(a.Minutes) + " min"
		}
		reactions := reactionList(r.Reactions)
		if reactions == "" {
			reactions = "no reactions noted"
		}
		rows[i] = []string{strconv.Itoa(i + 1), a.Title, kindLabel(a.Kind), planned, minutesText(a.SecondsSpent),
			strconv.Itoa(a.Entries), reactions}
	}
	return rows
}

var agendaCols = []column{{title: "#", width: 4, align: "R"}, {title: "Activity", width: 26, bold: true},
	{title: "Kind", width: 16}, {title: "Planned", width: 10}, {title: "Spent", width: 10},
	{title: "Entries", width: 9, align: "R"}, {title: "Reactions", width: 30}}

// activitySections builds the results of every activity but the
// assumption check, in agenda order.
func (m *sessionModel) activitySections() []activitySection {
	var out []activitySection
	for _, r := range m.agenda.Runs {
		a := r.Activity
		if a.Kind == activity.KindAssumptionCheck {
			continue
		}
		sec := activitySection{title: a.Title, kind: kindLabel(a.Kind)}
		planned := ""
		if a.Minutes > 0 {
			planned = fmt.Sprintf("planned %d min · ", a.Minutes)
		}
		sec.summary = fmt.Sprintf("%s · %sspent %s · %s · %s", kindLabel(a.Kind), planned, minutesText(a.SecondsSpent),
			wording.Count(a.Entries, "entry", "entries"), reactionText(r.Reactions))
		text := itemTexts(a)
		switch a.Kind {
		case activity.KindJourneyBoard:
			sec.tables = append(sec.tables, m.rankedTable("Pain points by stage", "Stage", "Pain point", r.Results.Notes, r, true))
		case activity.KindIdeaRound:
			sec.tables = append(sec.tables, m.rankedTable("Ideas, most votes first", "Prompt", "Idea", r.Results.Ideas, r, false))
		case activity.KindPrototypeTest:
			sec.tables = append(sec.tables, taskTable(r.Results.Tasks, text), preferenceTable(r.Results.Prefers, text))
			sec.tables = append(sec.tables, m.entryTable("Observations", activity.EntryObservation, r, text, "Task"))
		case activity.KindOpenQuestion:
			sec.tables = append(sec.tables, m.entryTable("Answers", activity.EntryAnswer, r, text, "Question"))
		case activity.KindRating:
			sec.tables = append(sec.tables, ratingTable(r.Results.Ratings, a.Scale, text))
		}
		for _, e := range r.Entries {
			if e.Kind == activity.EntryQuote {
				sec.quotes = append(sec.quotes, activityQuote{text: e.Text, by: m.entryBy(e)})
			}
		}
		out = append(out, sec)
	}
	return out
}

// itemTexts maps an activity's item ids to their text.
func itemTexts(a activity.Activity) map[int64]string {
	out := make(map[int64]string, len(a.Items))
	for _, it := range a.Items {
		out[it.ID] = it.Text
	}
	return out
}

// rankedTable lists notes or ideas with their votes, as ranked by the
// activity's results.
func (m *sessionModel) rankedTable(title, itemCol, textCol string, rs []activity.Ranked, run activity.ActivityRun, severity bool) resultTable {
	text := itemTexts(run.Activity)
	byID := make(map[int64]activity.Entry, len(run.Entries))
	for _, e := range run.Entries {
		byID[e.ID] = e
	}
	t := resultTable{title: title}
	if severity {
		t.cols = []column{{title: itemCol, width: 16, bold: true, key: "item"}, {title: textCol, width: 50, key: "text"},
			{title: "Severity", width: 10, align: "C", key: "severity"}, {title: "Dots", width: 8, align: "R", key: "dots"},
			{title: "From", width: 18, key: "from"}}
	} else {
		t.cols = []column{{title: itemCol, width: 22, bold: true, key: "item"}, {title: textCol, width: 46, key: "text"},
			{title: "Dots", width: 8, align: "R", key: "dots"}, {title: "Pitch", width: 8, align: "C", key: "pitch"},
			{title: "From", width: 18, key: "from"}}
	}
	for _, r := range rs {
		by := m.entryBy(byID[r.EntryID])
		if severity {
			t.rows = append(t.rows, []string{text[r.ItemID], r.Text, orDash(severityText(r.Severity)), strconv.Itoa(r.Dots), by})
		} else {
			t.rows = append(t.rows, []string{text[r.ItemID], r.Text, strconv.Itoa(r.Dots), orDash(scoreText(r.Pitch)), by})
		}
	}
	return t
}

func severityText(n int) string {
	switch n {
	case 1:
		return "low"
	case 2:
		return "medium"
	case 3:
		return "high"
	}
	return ""
}

// scoreText is a mean score with one decimal; "" for none.
func scoreText(v float64) string {
	if v == 0 {
		return ""
	}
	return strconv.FormatFloat(v, 'f', 1, 64)
}

// taskTable is task success per variant.
func taskTable(ts []activity.TaskResult, text map[int64]string) resultTable {
	t := resultTable{title: "Task success per variant", cols: []column{{title: "Variant", width: 16, bold: true, key: "variant"},
		{title: "Task", width: 32, key: "item"}, {title: "Success", width: 10, align: "R", key: "success"},
		{title: "Partial", width: 10, align: "R", key: "partial"}, {title: "Fail", width: 8, align: "R", key: "fail"},
		{title: "Median time", width: 12, align: "R", key: "median_time"}, {title: "Ease (1–7)", width: 12, align: "C", key: "ease"}}}
	for _, r := range ts {
		med := ""
		if r.MedianSeconds > 0 {
			med = fmt.Sprintf("%d:%02d", r.MedianSeconds/60, r.MedianSeconds%60)
		}
		t.rows = append(t.rows, []string{text[r.VariantID], text[r.TaskID], strconv.Itoa(r.Success), strconv.Itoa(r.Partial),
			strconv.Itoa(r.Fail), orDash(med), orDash(scoreText(r.MeanEase))})
	}
	return t
}

// preferenceTable counts who preferred which variant.
func preferenceTable(ps []activity.Preference, text map[int64]string) resultTable {
	t := resultTable{title: "Preferred variant", cols: []column{{title: "Variant", width: 40, bold: true, key: "variant"},
		{title: "Preferred by", width: 20, align: "R", key: "answers"}}}
	for _, p := range ps {
		t.rows = append(t.rows, []string{text[p.VariantID], strconv.Itoa(p.Count)})
	}
	return t
}

// ratingTable is the spread of each rating question.
func ratingTable(rs []activity.RatingStat, scale int, text map[int64]string) resultTable {
	t := resultTable{title: fmt.Sprintf("Ratings (1–%d)", scale), cols: []column{{title: "Question", width: 50, bold: true, key: "item"},
		{title: "Answers", width: 10, align: "R", key: "answers"}, {title: "Mean", width: 10, align: "C", key: "mean"},
		{title: "Spread", width: 30, key: "spread"}}}
	for _, r := range rs {
		spread := make([]string, len(r.Counts))
		for v, n := range r.Counts {
			spread[v] = fmt.Sprintf("%d: %d", v+1, n)
		}
		t.rows = append(t.rows, []string{text[r.ItemID], strconv.Itoa(r.Count), orDash(scoreText(r.Mean)), strings.Join(spread, " · ")})
	}
	return t
}

// entryTable lists the entries of one kind with their item and author.
func (m *sessionModel) entryTable(title string, kind activity.EntryKind, r activity.ActivityRun, text map[int64]string, itemCol string) resultTable {
	t := resultTable{title: title, cols: []column{{title: itemCol, width: 26, bold: true, key: "item"}, {title: "Said", width: 54, key: "text"},
		{title: "From", width: 20, key: "from"}}}
	for _, e := range r.Entries {
		if e.Kind != kind || strings.TrimSpace(e.Text) == "" {
			continue
		}
		item := text[e.ItemID]
		if e.VariantID != 0 {
			item = text[e.VariantID] + " · " + item
		}
		t.rows = append(t.rows, []string{item, e.Text, m.entryBy(e)})
	}
	return t
}

// drawActivities prints the agenda and each activity's results.
func drawActivities(d *doc, m *sessionModel) {
	if len(m.agenda.Runs) == 0 {
		return
	}
	d.heading("Agenda")
	d.table(table{cols: agendaCols, rows: m.agendaRows()})
	for _, sec := range m.activitySections() {
		d.subheading(sec.title, 14)
		d.text(sec.summary, textStyle{size: 8.5, color: mutedColor})
		for _, t := range sec.tables {
			d.subheading(t.title, 20) // kept with the table's first rows
			if len(t.rows) == 0 {
				d.text("Nothing recorded.", textStyle{size: 8.5, color: mutedColor})
				continue
			}
			d.table(table{cols: t.cols, rows: t.rows})
		}
		for _, q := range sec.quotes {
			d.quote(q.text, typeset.Isolate(q.by))
		}
		d.f.Ln(2)
	}
}

// activitiesMarkdown writes the agenda and each activity's results.
func activitiesMarkdown(md *mdWriter, m *sessionModel) {
	if len(m.agenda.Runs) == 0 {
		return
	}
	md.printf("\n## Agenda\n\n")
	mdTable(md, agendaCols, m.agendaRows())
	for _, sec := range m.activitySections() {
		md.printf("\n### %s\n\n_%s_\n", mdEscape(sec.title), mdEscape(sec.summary))
		for _, t := range sec.tables {
			md.printf("\n**%s**\n\n", mdEscape(t.title))
			if len(t.rows) == 0 {
				md.printf("Nothing recorded.\n")
				continue
			}
			mdTable(md, t.cols, t.rows)
		}
		for _, q := range sec.quotes {
			md.printf("\n%s\n>\n> — %s\n", mdQuote(q.text), mdEscape(q.by))
		}
	}
}

// mdTable writes a Markdown table.
func mdTable(md *mdWriter, cols []column, rows [][]string) {
	heads, rule := make([]string, len(cols)), make([]string, len(cols))
	for i, c := range cols {
		heads[i] = mdCell(c.title)
		switch c.align {
		case "R":
			rule[i] = "---:"
		case "C":
			rule[i] = ":---:"
		default:
			rule[i] = "---"
		}
	}
	md.printf("| %s |\n|%s|\n", strings.Join(heads, " | "), strings.Join(rule, "|"))
	for _, r := range rows {
		cells := make([]string, len(r))
		for i, c := range r {
			cells[i] = mdCell(c)
		}
		md.printf("| %s |\n", strings.Join(cells, " | "))
	}
}

// csvHeader is the session CSV's header: one row per assumption, then
// one per result line of the other activities; a row leaves blank the
// columns that are not its kind's.
var csvHeader = []string{"activity", "kind", "part", "position", "assumption", "category", "importance", "evidence",
	"verdict", "confidence", "matches", "partly", "does_not_match", "unsure", "no_answer", "rationale", "quotes",
	"item", "variant", "text", "from", "severity", "dots", "pitch", "success", "partial", "fail", "median_time",
	"ease", "answers", "mean", "spread"}

// csvRow places named values in csvHeader's order.
func csvRow(values map[string]string) []string {
	row := make([]string, len(csvHeader))
	for i, k := range csvHeader {
		row[i] = values[k]
	}
	return row
}

// activityCSVRows are the other activities' rows of the session CSV.
func (m *sessionModel) activityCSVRows() [][]string {
	var rows [][]string
	for _, sec := range m.activitySections() {
		for _, t := range sec.tables {
			for _, r := range t.rows {
				v := map[string]string{"activity": sec.title, "kind": sec.kind, "part": t.title}
				for i, c := range r {
					v[t.cols[i].key] = c
				}
				rows = append(rows, csvRow(v))
			}
		}
		for _, q := range sec.quotes {
			rows = append(rows, csvRow(map[string]string{"activity": sec.title, "kind": sec.kind, "part": "Quote",
				"quotes": "“" + q.text + "” — " + q.by}))
		}
	}
	return rows
}
