package report

import (
	"strings"
	"testing"

	"soundingboard/backend/session"
)

func TestEdgeCases(t *testing.T) {
	f := newFx(t)
	zoe := f.member("Zoë Łukasiewicz", "Retail", true)
	eleni := f.member("Ελένη Κωστοπούλου", "Retail", true)
	ivan := f.member("Иван Петров", "Wholesale", true)
	li := f.member("李雷", "Asia", true)
	david := f.member("דוד כהן", "Wholesale", true)
	anon := f.member("Quiet Person 🙂", "", false)
	id, as := f.sessionWith("Sixty assumptions", 60, []int64{zoe, eleni, ivan, li, david, anon})

	long := strings.Repeat("Long answers are real answers and must not break the page. ", 85) + "THE-END-OF-THE-LONG-QUOTE"
	if len([]rune(long)) < 5000 {
		t.Fatalf("quote is %d characters", len([]rune(long)))
	}
	quotes := []session.QuoteInput{
		{SessionID: id, AssumptionID: as[0], MemberID: zoe, Text: long},
		{SessionID: id, AssumptionID: as[1], MemberID: li, Text: "我们每周订货 — weekly orders 🙂 ✓"},
		{SessionID: id, AssumptionID: as[1], MemberID: anon, Text: "I'd rather not be named."},
		{SessionID: id, AssumptionID: as[2], MemberID: david, Text: "שלום and hello"},
		{SessionID: id, MemberID: eleni, Text: "Γεια σας: a general remark\twith a tab\x07 and a bell."},
	}
	for _, q := range quotes {
		_, err := f.session.Runs.SaveQuote(q)
		f.must(err)
	}
	for i, a := range as[:20] {
		_, err := f.session.Runs.SetVerdict(session.VerdictInput{SessionID: id, AssumptionID: a, Verdict: session.VerdictKinds[i%3],
			Confidence: 1 + i%5, Rationale: "Because of what we heard."})
		f.must(err)
	}
	_, err := f.session.Runs.SaveField(session.FieldEdit{ResponseKey: session.ResponseKey{SessionID: id, AssumptionID: as[0], MemberID: ivan},
		Field: "stance", Value: "matches"})
	f.must(err)

	file, err := f.r.Render(KindSession, id, "pdf")
	f.must(err)
	pages := checkPDF(t, file.Data)
	if pages < 8 || pages > 40 {
		t.Errorf("60 assumptions took %d pages", pages)
	}
	text := pdfText(t, file.Data)
	flat := strings.Join(strings.Fields(text), " ")
	for _, want := range []string{"Zoë Łukasiewicz", "Ελένη Κωστοπούλου", "Иван Петров", "Participant A", "THE-END-OF-THE-LONG-QUOTE",
		"我们每周订货 — weekly orders ✓", "שלום", "and hello", "Γεια σας: a general remark with a tab and a bell.", "60. We believe"} {
		if !strings.Contains(flat, want) {
			t.Errorf("%q missing from the PDF text", want)
		}
	}
	if strings.Contains(text, "Quiet Person") {
		t.Error("a member without quoting consent is named")
	}
	// The "At a glance" table spans pages and repeats its header row.
	if n := strings.Count(flat, "# Assumption Verdict Confidence"); n < 2 {
		t.Errorf("the assumptions table header appears %d times; want it repeated on each page", n)
	}
	renderPNG(t, file.Data, "session-edge")

	// The same data in Markdown keeps every script.
	md, err := f.r.Render(KindSession, id, "md")
	f.must(err)
	for _, want := range []string{"我们每周订货", "李雷", "THE-END-OF-THE-LONG-QUOTE"} {
		if !strings.Contains(string(md.Data), want) {
			t.Errorf("%q missing from the Markdown", want)
		}
	}

	// Letters: one per attended participant, names in every script.
	letters, err := f.r.Render(KindLetters, id, "pdf")
	f.must(err)
	checkPDF(t, letters.Data)
	lt := pdfText(t, letters.Data)
	for _, want := range []string{"Dear Zoë", "Dear Ελένη", "Dear Иван", "Dear 李雷", "Dear דוד", "Dear Quiet"} {
		if !strings.Contains(lt, want) {
			t.Errorf("%q missing from the letters", want)
		}
	}

	// Ledger and board over the same data.
	for _, kind := range []string{KindAssumptions, KindBoard} {
		file, err := f.r.Render(kind, 0, "pdf")
		f.must(err)
		checkPDF(t, file.Data)
	}
}

func TestNoParticipants(t *testing.T) {
	f := newFx(t)
	id, _ := f.sessionWith("Nobody yet", 3, nil)
	file, err := f.r.Render(KindSession, id, "pdf")
	f.must(err)
	checkPDF(t, file.Data)
	inOrder(t, pdfText(t, file.Data), "Nobody yet", "No participants were added to this session.", "Nobody is marked as having taken part yet.")
	p, err := f.r.Preview(KindLetters, id)
	f.must(err)
	if p.Pages != 1 || p.Sections[0].Items != 0 || len(p.Warnings) == 0 {
		t.Errorf("letters preview = %+v", p)
	}
	letters, err := f.r.Render(KindLetters, id, "pdf")
	f.must(err)
	if !strings.Contains(pdfText(t, letters.Data), "Nobody is marked as having taken part") {
		t.Error("empty letters say nothing")
	}
	// An empty database still gives a board and a ledger report.
	for _, kind := range []string{KindBoard, KindAssumptions} {
		file, err := f.r.Render(kind, 0, "pdf")
		f.must(err)
		checkPDF(t, file.Data)
	}
}

func TestPseudonyms(t *testing.T) {
	if pseudonym(0) != "Participant A" || pseudonym(25) != "Participant Z" || pseudonym(26) != "Participant AA" {
		t.Error("pseudonyms")
	}
}

func TestTeamNameAndSlug(t *testing.T) {
	f := newFx(t)
	id, _ := f.sessionWith("Pricing: test #1", 1, nil)
	p, err := f.r.Preview(KindSession, id)
	f.must(err)
	if p.TeamName != "" {
		t.Errorf("team name = %q before it is set", p.TeamName)
	}
	f.must2(f.db.Exec(`INSERT INTO settings (key, value) VALUES ('team_name', '  Acme Ordering  ')`))
	file, err := f.r.Render(KindSession, id, "pdf")
	f.must(err)
	if !strings.HasPrefix(pdfText(t, file.Data), "Acme Ordering") {
		t.Error("the cover does not start with the team name")
	}
	if !strings.HasPrefix(file.FileName, "session-pricing-test-1-") {
		t.Errorf("file name %q", file.FileName)
	}
}
