package report

import (
	"bytes"
	"encoding/csv"
	"errors"
	"strconv"
	"strings"
	"testing"

	"soundingboard/backend/session"
	"soundingboard/backend/store"
	"soundingboard/backend/wording"
)

// finishedDemoSession is the first finished sample session.
func (f *fx) finishedDemoSession() session.SessionItem {
	f.t.Helper()
	items, err := f.session.Plans.ListSessions()
	f.must(err)
	for _, it := range items {
		if it.Status == "finished" {
			return it
		}
	}
	f.t.Fatal("the demo has no finished session")
	return session.SessionItem{}
}

func TestSessionReportDemo(t *testing.T) {
	f := newFx(t)
	f.demo()
	f.must2(f.db.Exec(`INSERT INTO settings (key, value) VALUES ('team_name', 'Stockroom · Reorder team')`))
	it := f.finishedDemoSession()
	run, err := f.session.Runs.GetRun(it.ID)
	f.must(err)

	file, err := f.r.Render(KindSession, it.ID, "pdf")
	f.must(err)
	if file.MimeType != "application/pdf" || !strings.HasSuffix(file.FileName, ".pdf") || file.Size != len(file.Data) {
		t.Errorf("file = %q %q %d bytes", file.FileName, file.MimeType, file.Size)
	}
	pages := checkPDF(t, file.Data)
	if pages != file.Pages || pages < 2 {
		t.Errorf("pdfinfo pages = %d, Render said %d", pages, file.Pages)
	}
	text := pdfText(t, file.Data)
	wants := []string{"Stockroom · Reorder team", run.Session.Title, "Session report", run.Session.Decision, "At a glance"}
	for _, a := range run.Items {
		wants = append(wants, a.Assumption.Customers)
	}
	wants = append(wants, "Participants", "Importance × evidence", "Riskiest: test first", "Assumptions")
	for _, a := range run.Items {
		wants = append(wants, a.Assumption.Reason)
	}
	wants = append(wants, "Synthesis", "Themes", "Top opportunities", "Actions", "Follow-up", "heard back")
	inOrder(t, text, wants...)
	for _, want := range []string{"Page 1 of", "Page 2 of", "Generated "} {
		if !strings.Contains(text, want) {
			t.Errorf("no %q in the PDF", want)
		}
	}
	// Names follow quoting consent: quoted participants by name, others by pseudonym.
	for _, p := range run.Session.Participants {
		if p.CanQuote && !strings.Contains(text, p.Name) {
			t.Errorf("participant %q (may be quoted) is missing", p.Name)
		}
		if !p.CanQuote && strings.Contains(text, p.Name) {
			t.Errorf("participant %q has no quoting consent but is named", p.Name)
		}
	}
	if file.Size > 150_000 {
		t.Errorf("session report is %d bytes; fonts should be subset and streams compressed", file.Size)
	}
	renderPNG(t, file.Data, "session-demo")
}

func (f *fx) must2(_ any, err error) { f.t.Helper(); f.must(err) }

func TestPreviewMatchesRender(t *testing.T) {
	f := newFx(t)
	f.demo()
	it := f.finishedDemoSession()
	p, err := f.r.Preview(KindSession, it.ID)
	f.must(err)
	file, err := f.r.Render(KindSession, it.ID, "pdf")
	f.must(err)
	if p.Pages != file.Pages || p.Title != it.Title || len(p.Sections) == 0 {
		t.Errorf("preview = %+v; render pages %d", p, file.Pages)
	}
	if got := strings.Join(p.Formats, ","); got != "pdf,md,csv" {
		t.Errorf("formats = %s", got)
	}
	if p.Sections[1].Title != "Assumptions" || p.Sections[1].Items != it.Assumptions {
		t.Errorf("assumptions section = %+v, want %d items", p.Sections[1], it.Assumptions)
	}
}

func TestRenderErrors(t *testing.T) {
	f := newFx(t)
	f.demo()
	it := f.finishedDemoSession()
	for _, c := range []struct {
		kind, format string
		id           int64
		want         error
	}{
		{"sesion", "pdf", it.ID, store.ErrInvalid},
		{KindSession, "docx", it.ID, store.ErrInvalid},
		{KindBoard, "md", 0, store.ErrInvalid},
		{KindSession, "pdf", 9999, store.ErrNotFound},
		{KindLetters, "pdf", 9999, store.ErrNotFound},
		{KindAssumptions, "pdf", 9999, store.ErrNotFound},
	} {
		_, err := f.r.Render(c.kind, c.id, c.format)
		if !errors.Is(err, c.want) {
			t.Errorf("Render(%s, %d, %s) = %v, want %v", c.kind, c.id, c.format, err, c.want)
		}
	}
}

func TestLedgerReport(t *testing.T) {
	f := newFx(t)
	f.demo()
	led, err := f.session.Decisions.Ledger(session.LedgerQuery{})
	f.must(err)
	file, err := f.r.Render(KindAssumptions, 0, "pdf")
	f.must(err)
	checkPDF(t, file.Data)
	text := pdfText(t, file.Data)
	inOrder(t, text, "Assumption ledger", "All decisions", "Verdicts", "Validated", "Invalidated", "Needs more research", "Untested")
	for _, e := range led.Entries {
		if !strings.Contains(strings.Join(strings.Fields(text), " "), e.Assumption.Customers) {
			t.Errorf("assumption %q missing", e.Assumption.Customers)
		}
	}
	// Grouped by verdict: a validated assumption comes before the first invalidated one's heading.
	renderPNG(t, file.Data, "ledger-demo")

	// One decision only.
	decs, err := f.session.Decisions.ListDecisions()
	f.must(err)
	one, err := f.r.Render(KindAssumptions, decs[0].ID, "pdf")
	f.must(err)
	text = pdfText(t, one.Data)
	if !strings.Contains(text, decs[0].Title) {
		t.Errorf("decision title %q missing", decs[0].Title)
	}
	for _, d := range decs[1:] {
		detail, err := f.session.Decisions.GetDecision(d.ID)
		f.must(err)
		for _, a := range detail.Assumptions {
			if strings.Contains(strings.Join(strings.Fields(text), " "), a.Behavior) {
				t.Errorf("assumption of another decision printed: %q", a.Behavior)
			}
		}
	}

	// Markdown and CSV of the same data.
	md, err := f.r.Render(KindAssumptions, 0, "md")
	f.must(err)
	if !strings.HasPrefix(string(md.Data), "# Assumption ledger") || !strings.Contains(string(md.Data), "## Validated") {
		t.Errorf("markdown:\n%s", md.Data[:min(400, len(md.Data))])
	}
	c, err := f.r.Render(KindAssumptions, 0, "csv")
	f.must(err)
	rows, err := csv.NewReader(bytes.NewReader(c.Data)).ReadAll()
	f.must(err)
	if len(rows) != len(led.Entries)+1 || rows[0][1] != "assumption" {
		t.Errorf("csv has %d rows, want %d", len(rows), len(led.Entries)+1)
	}
}

func TestBoardReport(t *testing.T) {
	f := newFx(t)
	f.demo()
	comp, err := f.board.Composition()
	f.must(err)
	file, err := f.r.Render(KindBoard, 0, "pdf")
	f.must(err)
	pages := checkPDF(t, file.Data)
	text := pdfText(t, file.Data)
	wants := []string{"Advisory board", "Composition by segment"}
	for _, r := range comp.Rows {
		wants = append(wants, r.Segment)
	}
	wants = append(wants, "Participation and last contact", "Rewards given", "Loop closure", consentTitle)
	inOrder(t, text, wants...)
	if !strings.Contains(text, "Page "+itoa(pages)+" of "+itoa(pages)) {
		t.Errorf("no 'Page %d of %d' on the last page", pages, pages)
	}
	renderPNG(t, file.Data, "board-demo")
}

func TestLettersReport(t *testing.T) {
	f := newFx(t)
	f.demo()
	it := f.finishedDemoSession()
	run, err := f.session.Runs.GetRun(it.ID)
	f.must(err)
	file, err := f.r.Render(KindLetters, it.ID, "pdf")
	f.must(err)
	pages := checkPDF(t, file.Data)
	text := pdfText(t, file.Data)
	var attended []string
	for _, p := range run.Session.Participants {
		if p.State == "attended" {
			attended = append(attended, "Dear "+wording.FirstName(p.Name))
		}
	}
	if len(attended) == 0 {
		t.Fatal("no attended participants in the demo session")
	}
	if pages != len(attended) {
		t.Errorf("%d pages for %d letters; want one page each", pages, len(attended))
	}
	inOrder(t, text, attended...)
	for _, w := range []string{"What you told us", "What we did with it", "Thank you for your time"} {
		if strings.Count(text, w) != len(attended) {
			t.Errorf("%q appears %d times, want %d", w, strings.Count(text, w), len(attended))
		}
	}
	renderPNG(t, file.Data, "letters-demo")
}

func TestSessionMarkdownAndCSV(t *testing.T) {
	f := newFx(t)
	f.demo()
	it := f.finishedDemoSession()
	run, err := f.session.Runs.GetRun(it.ID)
	f.must(err)
	md, err := f.r.Render(KindSession, it.ID, ".MD")
	f.must(err)
	s := string(md.Data)
	inOrder(t, s, "# "+mdEscape(run.Session.Title), "## Participants", "## Assumptions", "### 1.", "## Synthesis", "## Follow-up")
	c, err := f.r.Render(KindSession, it.ID, "csv")
	f.must(err)
	rows, err := csv.NewReader(bytes.NewReader(c.Data)).ReadAll()
	f.must(err)
	if len(rows) < len(run.Items)+1 {
		t.Fatalf("csv has %d rows, want at least %d", len(rows), len(run.Items)+1)
	}
	if rows[1][4] != run.Items[0].Assumption.Sentence {
		t.Errorf("row 1 = %q", rows[1][1])
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

// Reports count who has heard back exactly as the Follow-ups page does:
// the figures are loop.Service's, for the board and for each session.
func TestFollowUpFiguresAreTheLoops(t *testing.T) {
	f := newFx(t)
	f.demo()
	bc, err := f.loop.BoardClosure()
	f.must(err)
	if bc.HeardBack == 0 || len(bc.NotYet) == 0 {
		t.Fatalf("the demo should have people who heard back and people who have not: %+v", bc)
	}
	section := func(p Preview, title string) Section {
		t.Helper()
		for _, s := range p.Sections {
			if s.Title == title {
				return s
			}
		}
		t.Fatalf("%s report has no section %q: %+v", p.Kind, title, p.Sections)
		return Section{}
	}
	p, err := f.r.Preview(KindBoard, 0)
	f.must(err)
	if s := section(p, "Loop closure"); s.Items != bc.Attended || s.Note != pct(bc.Rate)+" heard back" {
		t.Errorf("board report loop closure = %+v; loop says %d attended, %s", s, bc.Attended, pct(bc.Rate))
	}
	for _, c := range bc.BySession {
		p, err := f.r.Preview(KindSession, c.SessionID)
		f.must(err)
		want := Section{Title: "Follow-up", Items: c.Attended, Note: strconv.Itoa(c.HeardBack) + " of " + strconv.Itoa(c.Eligible) + " heard back"}
		if s := section(p, "Follow-up"); s != want {
			t.Errorf("session %d follow-up = %+v, want %+v", c.SessionID, s, want)
		}
		md, err := f.r.Render(KindSession, c.SessionID, "md")
		f.must(err)
		run, err := f.session.Runs.GetRun(c.SessionID)
		f.must(err)
		st, err := f.r.sessionFollowUps(run)
		f.must(err)
		heard := 0
		for _, ps := range st.People {
			if ps.HeardBack {
				heard++
				if ps.On == "" || ps.How == "" {
					t.Errorf("session %d: %s heard back without a date or a way: %+v", c.SessionID, ps.Member, ps)
				}
			}
		}
		if len(st.People) != c.Attended || heard != c.HeardBack || !strings.Contains(string(md.Data), st.summary()) {
			t.Errorf("session %d: %d people, %d heard back, markdown without %q; loop says %+v", c.SessionID, len(st.People), heard, st.summary(), c)
		}
	}
}
