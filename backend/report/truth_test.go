package report

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"soundingboard/backend/board"
	"soundingboard/backend/session"
)

// pageOf is the first page (1-based) of a PDF whose text, as pdftotext
// gives it page by page, contains s; 0 when none does.
func pageOf(t testing.TB, pdf []byte, pages int, s string) int {
	t.Helper()
	needTool(t, "pdftotext")
	path := filepath.Join(t.TempDir(), "pages.pdf")
	if err := os.WriteFile(path, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	for n := 1; n <= pages; n++ {
		out, err := exec.Command("pdftotext", "-f", itoa(n), "-l", itoa(n), "-enc", "UTF-8", path, "-").Output()
		if err != nil {
			t.Fatalf("pdftotext page %d: %v", n, err)
		}
		if strings.Contains(string(out), s) {
			return n
		}
	}
	return 0
}

// A heading that falls near the bottom of a page goes to the next page
// with its first row rather than stand alone there: for a table whose
// first row is tall, for a paragraph, and for a heading ending the report.
func TestHeadingStaysWithItsFirstRow(t *testing.T) {
	f := newFx(t)
	fonts, err := f.r.fontSet()
	f.must(err)
	for _, c := range []struct {
		name string
		left float64 // millimetres left on the page before the heading
		body func(d *doc)
		next string // the first text after the heading
		page int    // where the heading belongs
	}{
		{"table with a tall first row", 40, func(d *doc) {
			d.table(table{cols: []column{{title: "Member", width: 20}, {title: "Note", width: 80}},
				rows: [][]string{{"First row", strings.Repeat("a long note that wraps over several lines ", 12)}}})
		}, "First row", 2},
		{"paragraph that fits", 40, func(d *doc) {
			d.text("First line of the paragraph, then more.", textStyle{})
		}, "First line", 1},
		{"bullets", 18, func(d *doc) { d.bullets([]string{"First bullet"}, textStyle{}) }, "First bullet", 2},
	} {
		t.Run(c.name, func(t *testing.T) {
			d := newDoc(fonts, docMeta{title: "Keep with next", now: fixedNow})
			d.text("Page one.", textStyle{})
			d.f.SetY(d.bottom() - c.left)
			d.heading("The kept heading")
			c.body(d)
			d.heading("A last heading")
			var out bytes.Buffer
			f.must(d.output(&out))
			pdf := out.Bytes()
			pages := checkPDF(t, pdf)
			h, first := pageOf(t, pdf, pages, "The kept heading"), pageOf(t, pdf, pages, c.next)
			if h != c.page || h != first {
				t.Errorf("heading on page %d (want %d), its first line %q on page %d", h, c.page, c.next, first)
			}
			if last := pageOf(t, pdf, pages, "A last heading"); last == 0 {
				t.Errorf("a heading ending the report was not drawn")
			}
		})
	}
}

// The board report on the sample board: shares on an absolute scale,
// column headings unbroken, no contact in the future, and one count of
// expiring consent everywhere it is given.
func TestBoardReportTellsTheTruth(t *testing.T) {
	f := newFx(t)
	f.demo()
	today := fixedNow.Format(time.DateOnly)

	// A session run a week ahead of its date: its attendee's contact is today.
	m := f.member("Early Bird", "", false)
	dec, err := f.session.Decisions.SaveDecision(session.DecisionInput{Title: "Early", Question: "Should we?"})
	f.must(err)
	a, err := f.session.Decisions.SaveAssumption(session.AssumptionInput{DecisionID: dec.ID, Customers: "shops",
		Behavior: "reorder", Reason: "they run out", Category: "viability", Importance: 3, Evidence: 3})
	f.must(err)
	ss, err := f.session.Plans.SaveSession(session.SessionInput{DecisionID: dec.ID, Title: "Early session",
		ScheduledOn: fixedNow.AddDate(0, 0, 7).Format(time.DateOnly), AssumptionIDs: []int64{a.ID}})
	f.must(err)
	_, err = f.session.Plans.SetParticipants(ss.ID, []int64{m})
	f.must(err)
	_, err = f.session.Runs.SetParticipantState(ss.ID, m, "attended")
	f.must(err)
	_, err = f.session.Plans.FinishSession(ss.ID)
	f.must(err)

	comp, err := f.board.Composition()
	f.must(err)
	expiring, err := f.board.ConsentsExpiring(board.ConsentExpiryWindow)
	f.must(err)
	file, err := f.r.Render(KindBoard, 0, "pdf")
	f.must(err)
	checkPDF(t, file.Data)
	text := pdfText(t, file.Data)
	flat := strings.Join(strings.Fields(text), " ")

	// Shares: the figures are the composition's, the bars run 0–100 %.
	for _, r := range comp.Rows {
		want := pct(r.ActiveShare)
		if r.TargetShare > 0 {
			want += " (target " + pct(r.TargetShare) + ")"
		}
		if !strings.Contains(flat, want) {
			t.Errorf("share of %s: %q missing", r.Segment, want)
		}
	}
	if !strings.Contains(flat, "Bars run from 0 to 100%") {
		t.Errorf("the share bars do not say they run from 0 to 100%%")
	}

	// Column headings wrap between words only.
	for _, st := range comp.Statuses {
		word := capitalize(strings.ReplaceAll(st, "_", " "))
		for _, w := range strings.Fields(word) {
			if !regexp.MustCompile(`\b` + regexp.QuoteMeta(w) + `\b`).MatchString(text) {
				t.Errorf("column heading %q is broken inside a word", word)
			}
		}
	}
	for _, broken := range []string{"Prospe ", "Declin "} {
		if strings.Contains(text, broken) {
			t.Errorf("a heading is split: %q", broken)
		}
	}

	// No contact and no session in the future.
	part := text[strings.Index(text, "Participation and last contact"):strings.Index(text, "Rewards given")]
	for _, d := range regexp.MustCompile(`\d{4}-\d{2}-\d{2}`).FindAllString(part, -1) {
		if d > today {
			t.Errorf("participation table shows %s, after today %s", d, today)
		}
	}
	if !regexp.MustCompile(`Early Bird .* 1 +` + today + ` +` + today).MatchString(part) {
		t.Errorf("the early session's attendee should show 1 session, last session and contact today %s:\n%s", today, part)
	}

	// One count of expiring consent: the cover, the composition's warning
	// and the consent section agree.
	n := len(expiring)
	if n == 0 {
		t.Fatal("the sample board should have consent expiring soon")
	}
	cover := fmt.Sprintf("%d consents expire within %d days", n, board.ConsentExpiryWindow)
	if strings.Count(flat, cover) != 2 {
		t.Errorf("%q should be on the cover and in the composition's warning:\n%s", cover, flat)
	}
	if got := strings.Count(flat, "expires in ") + strings.Count(flat, "expires today"); got != n {
		t.Errorf("consent section lists %d consents, want %d", got, n)
	}
	inOrder(t, text, "Composition by segment", "Participation and last contact", "Rewards given", "Loop closure",
		fmt.Sprintf("Consent expiring within %d days", board.ConsentExpiryWindow))
}
