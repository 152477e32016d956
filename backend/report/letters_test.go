package report

import (
	"archive/zip"
	"bytes"
	"io"
	"strings"
	"testing"

	"soundingboard/backend/session"
	"soundingboard/backend/storetest"
	"soundingboard/backend/wording"
)

// Letters are one PDF per participant, each a letter for the customer:
// the lines told to participants, no report furniture, none of the team's
// rationale, working title or assumptions about our own team.
func TestLettersOnePDFPerParticipant(t *testing.T) {
	f := newFx(t)
	f.demo()
	it := f.finishedDemoSession()
	run, err := f.session.Runs.GetRun(it.ID)
	f.must(err)
	var attended []session.Participant
	for _, p := range run.Session.Participants {
		if p.State == "attended" {
			attended = append(attended, p)
		}
	}
	// An assumption about our own team, rated with a rationale, that a participant spoke to.
	own := storetest.Exec(t, f.db, `INSERT INTO assumptions (id, decision_id, customers, behavior, reason, category, importance,
		evidence, created_at, updated_at) VALUES (?, ?, 'our billing team', 'handle monthly invoicing without a new hire',
		'it is small', 'viability', 3, 2, '2026-01-01', '2026-01-01')`, storetest.NewID(t, f.db), run.Session.DecisionID)
	storetest.Exec(t, f.db, `INSERT INTO activity_items (id, activity_id, role, position, assumption_id)
		SELECT ?, activity_id, 'assumption', 99, ? FROM assumption_items WHERE session_id = ? LIMIT 1`,
		storetest.NewID(t, f.db), own, it.ID)
	for _, e := range [][2]string{{"stance", "unsure"}, {"note", "no idea"}} {
		storetest.Exec(t, f.db, `INSERT INTO entries (id, session_id, activity_id, item_id, member_id, kind, text, created_at, updated_at)
			SELECT ?, session_id, activity_id, item_id, ?, ?, ?, '2026-01-01', '2026-01-01'
			FROM assumption_items WHERE session_id = ? AND assumption_id = ?`,
			storetest.NewID(t, f.db), attended[0].MemberID, e[0], e[1], it.ID, own)
	}
	storetest.Exec(t, f.db, `INSERT INTO verdicts (session_id, assumption_id, verdict, rationale, decided_at)
		VALUES (?, ?, 'validated', 'Finance agreed', '2026-01-01T00:00:00Z')`, it.ID, own)
	// The facilitator rewrites one line.
	line := "We will read PDF price lists, so you never have to make a spreadsheet."
	item := run.Items[0]
	_, err = f.session.Decisions.SetTell(session.TellInput{Kind: "verdict", SessionID: it.ID, AssumptionID: item.Assumption.ID, Line: line})
	f.must(err)
	run, err = f.session.Runs.GetRun(it.ID)
	f.must(err)
	detail, err := f.session.Decisions.GetDecision(run.Session.DecisionID)
	f.must(err)

	never := []string{"Page ", "Generated", run.Session.Title, "billing team", "Finance agreed", "““", "””", "Validated", "Invalidated"}
	for _, it := range run.Items {
		if it.Verdict != nil && it.Verdict.Rationale != "" {
			never = append(never, firstWords(it.Verdict.Rationale))
		}
	}
	for _, l := range detail.Log {
		never = append(never, firstWords(l.Rationale))
	}
	files, err := f.r.Letters(it.ID)
	f.must(err)
	if len(files) != len(attended) {
		t.Fatalf("%d letters for %d participants", len(files), len(attended))
	}
	told := 0
	for i, file := range files {
		p := attended[i]
		if file.FileName != p.Name+".pdf" || file.MimeType != "application/pdf" || file.Size != len(file.Data) {
			t.Errorf("letter %d: %s (%s, %d bytes)", i, file.FileName, file.MimeType, file.Size)
		}
		checkPDF(t, file.Data)
		text := pdfText(t, file.Data)
		if !strings.Contains(text, "Dear "+wording.FirstName(p.Name)+",") || !strings.Contains(text, "Thank you for taking part in our session on") {
			t.Errorf("%s: not a letter to them:\n%s", file.FileName, text)
		}
		for _, other := range attended {
			if other.MemberID != p.MemberID && strings.Contains(text, "Dear "+wording.FirstName(other.Name)) {
				t.Errorf("%s holds the letter to %s too", file.FileName, other.Name)
			}
		}
		for _, n := range never {
			if strings.Contains(text, n) {
				t.Errorf("%s carries %q:\n%s", file.FileName, n, text)
			}
		}
		if strings.Contains(strings.Join(strings.Fields(text), " "), line) {
			told++
		}
	}
	if told != len(files) {
		t.Errorf("the rewritten line is in %d of %d letters", told, len(files))
	}

	// The same letters as a .zip, and as one PDF (also without furniture).
	z, err := f.r.Render(KindLetters, it.ID, "zip")
	f.must(err)
	zr, err := zip.NewReader(bytes.NewReader(z.Data), int64(len(z.Data)))
	f.must(err)
	if z.MimeType != "application/zip" || !strings.HasSuffix(z.FileName, ".zip") || len(zr.File) != len(files) {
		t.Fatalf("zip %s (%s) holds %d files, want %d", z.FileName, z.MimeType, len(zr.File), len(files))
	}
	nonASCII := 0
	for i, zf := range zr.File {
		rc, err := zf.Open()
		f.must(err)
		data, err := io.ReadAll(rc)
		f.must(err)
		if zf.Name != files[i].FileName || !bytes.HasPrefix(data, []byte("%PDF-")) {
			t.Errorf("zip entry %d: %s, %d bytes", i, zf.Name, len(data))
		}
		// Unzip tools read a name as UTF-8 only with the flag (bit 11) set.
		if ascii := strings.IndexFunc(zf.Name, func(r rune) bool { return r > 0x7e }) < 0; !ascii && (zf.NonUTF8 || zf.Flags&0x800 == 0) {
			t.Errorf("zip entry %q is not flagged UTF-8 (flags %#x)", zf.Name, zf.Flags)
		}
		nonASCII += strings.Count(zf.Name, "ö") + strings.Count(zf.Name, "ë")
	}
	if nonASCII == 0 {
		t.Error("no letter of the sample session has a name beyond ASCII; the UTF-8 flag went untested")
	}
	one, err := f.r.Render(KindLetters, it.ID, "pdf")
	f.must(err)
	if text := pdfText(t, one.Data); strings.Contains(text, "Page ") || strings.Contains(text, "Generated") {
		t.Errorf("the single letters PDF has report furniture:\n%s", text)
	}
	p, err := f.r.Preview(KindLetters, it.ID)
	f.must(err)
	if strings.Join(p.Formats, ",") != "pdf,zip" {
		t.Errorf("letters formats %v", p.Formats)
	}
}

// firstWords is the start of a rationale, enough to find it in a PDF's
// wrapped text.
func firstWords(s string) string {
	w := strings.Fields(s)
	return strings.Join(w[:min(4, len(w))], " ")
}

func TestLetterFileNames(t *testing.T) {
	long := strings.Repeat("é", 150)
	got := letterFileNames([]string{"Anna Müller", "Anna Müller", "anna müller", "Anna Mu\u0308ller", "../../etc/passwd",
		`C:\Users\x`, "CON", "nul.txt", "Zoë: CEO?", "a\x00b\tc", " . ", "", "Participant", long, "lpt1 ",
		"李雷", "山田 花子", "ليلى حداد", "ศิริพร วงศ์สวัสดิ์", "अनन्या शर्मा", "박서준", "𠮷野 太郎", "李雷", strings.Repeat("李", 60)})
	want := []string{"Anna Müller.pdf", "Anna Müller (2).pdf", "anna müller (3).pdf", "Anna Müller (4).pdf", "etc passwd.pdf",
		"C Users x.pdf", "_CON.pdf", "_nul.txt.pdf", "Zoë CEO.pdf", "a b c.pdf", "Participant.pdf", "Participant (2).pdf",
		"Participant (3).pdf", strings.Repeat("é", 60) + ".pdf", "_lpt1.pdf",
		"李雷.pdf", "山田 花子.pdf", "ليلى حداد.pdf", "ศิริพร วงศ์สวัสดิ์.pdf", "अनन्या शर्मा.pdf", "박서준.pdf", "𠮷野 太郎.pdf", "李雷 (2).pdf",
		strings.Repeat("李", 40) + ".pdf"} // 120 bytes, three to a character
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("name %d = %q, want %q", i, got[i], want[i])
		}
	}
}
