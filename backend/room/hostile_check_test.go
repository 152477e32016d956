package room

// The per-format checks of TestHostileText: each reads the export the way
// its consumer does (encoding/csv, a CommonMark parser, qpdf and
// pdftotext, Python's icalendar, net/url for mailto:).

import (
	"archive/zip"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"io"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/emersion/go-vcard"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	goldhtml "github.com/yuin/goldmark/renderer/html"
	"golang.org/x/net/html"

	"soundingboard/backend/board"
	"soundingboard/backend/filename"
	"soundingboard/backend/loop"
	"soundingboard/backend/report"
)

// render is one report export, which must succeed.
func (h *hostileFx) render(t *testing.T, kind string, id int64, format string) report.File {
	t.Helper()
	f, err := h.report.Render(kind, id, format)
	if err != nil {
		t.Fatalf("render %s %s: %v", kind, format, err)
	}
	return f
}

// formulaStarts are the first characters a spreadsheet reads as a formula.
const formulaStarts = "=+-@\t\r"

func checkCSV(t *testing.T, h *hostileFx) {
	for _, kind := range []string{report.KindSession, report.KindAssumptions} {
		id := h.session
		if kind == report.KindAssumptions {
			id = 0
		}
		file := h.render(t, kind, id, "csv")
		rows, err := csv.NewReader(bytes.NewReader(file.Data)).ReadAll() // also checks every row has the header's width
		if err != nil {
			t.Fatalf("%s csv does not parse back: %v", kind, err)
		}
		seen := map[string]bool{}
		for i, row := range rows {
			for _, cell := range row {
				if cell != "" && strings.ContainsRune(formulaStarts, rune(cell[0])) {
					t.Errorf("%s csv row %d: cell %q would run as a formula", kind, i, cell)
				}
				seen[cell] = true
				for _, s := range hostileSet {
					if strings.Contains(cell, s) {
						seen[s] = true
					}
				}
			}
		}
		if kind == report.KindSession {
			for _, want := range []string{`'=HYPERLINK("http://evil")`, `'+cmd|' /C calc'!A0`, `'@SUM(1)`, `'-2+3`} {
				if !seen[want] {
					t.Errorf("session csv: no cell %q (the note, guarded)", want)
				}
			}
			for _, s := range hostileSet {
				// encoding/csv reads a quoted CRLF as "\n".
				if s = strings.ReplaceAll(s, "\r\n", "\n"); !seen[s] && !strings.ContainsRune(formulaStarts, rune(s[0])) {
					t.Errorf("session csv: %q is not in any cell as typed", s)
				}
			}
		}
	}
}

// allowedTags are the HTML elements Markdown structure may make; a tag
// out of this list came from a note.
var allowedTags = map[string]bool{"p": true, "h1": true, "h2": true, "h3": true, "h4": true, "ul": true, "ol": true,
	"li": true, "table": true, "thead": true, "tbody": true, "tr": true, "th": true, "td": true, "blockquote": true,
	"em": true, "strong": true, "br": true, "hr": true, "code": true}

func checkMarkdown(t *testing.T, h *hostileFx) {
	for _, kind := range []string{report.KindSession, report.KindAssumptions} {
		id := h.session
		if kind == report.KindAssumptions {
			id = 0
		}
		md := h.render(t, kind, id, "md").Data
		// Raw HTML passed through (WithUnsafe) so that a tag that survived
		// the escaping shows up as a tag.
		var out bytes.Buffer
		gm := goldmark.New(goldmark.WithExtensions(extension.GFM), goldmark.WithRendererOptions(goldhtml.WithUnsafe()))
		if err := gm.Convert(md, &out); err != nil {
			t.Fatal(err)
		}
		var text strings.Builder
		inHeading := false
		z := html.NewTokenizer(bytes.NewReader(out.Bytes()))
	tokens:
		for {
			switch z.Next() {
			case html.ErrorToken:
				break tokens
			case html.StartTagToken, html.SelfClosingTagToken:
				name, _ := z.TagName()
				if !allowedTags[string(name)] {
					t.Errorf("%s markdown: a <%s> element from the notes: %s", kind, name, z.Raw())
				}
				inHeading = len(name) == 2 && name[0] == 'h' && name[1] >= '1' && name[1] <= '6'
			case html.EndTagToken:
				inHeading = false
				text.WriteString("\n")
			case html.CommentToken:
				t.Errorf("%s markdown: raw HTML %s", kind, z.Raw())
			case html.TextToken:
				s := string(z.Text())
				if inHeading && (strings.Contains(s, "Heading") || strings.Contains(s, "alert")) {
					t.Errorf("%s markdown: a note became a heading: %q", kind, s)
				}
				text.WriteString(s)
			}
		}
		if kind == report.KindAssumptions {
			continue // the ledger shows no participant's words, only what they add up to
		}
		shown := text.String()
		// What the reader sees is the text as typed (the markers of
		// injection shown literally, not acted on).
		for _, want := range []string{`<script>alert(1)</script>`, `<img src=x onerror=alert(1)>`, `[click](javascript:alert(1))`,
			`![x](http://evil/p.png)`, `# Heading`, `| a | b |`, "雷声 🙂👩‍🔬 ok", "Heading\n===", "- item\n1. first", "> nested"} {
			if !strings.Contains(shown, want) {
				t.Errorf("%s markdown: %q is not shown as typed", kind, want)
			}
		}
	}
}

// pdfText checks a PDF with qpdf and returns pdftotext's text of it.
func pdfText(t *testing.T, name string, data []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "x.pdf")
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command("qpdf", "--check", path).CombinedOutput(); err != nil {
		t.Fatalf("%s: qpdf --check: %v\n%s", name, err, out)
	}
	out, err := exec.Command("pdftotext", "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatalf("%s: pdftotext: %v", name, err)
	}
	return string(out)
}

// squeeze drops white space, so text wrapped across lines still matches.
func squeeze(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

func checkPDF(t *testing.T, h *hostileFx) {
	for _, tool := range []string{"qpdf", "pdftotext"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s is not installed", tool)
		}
	}
	pdfs := map[string][]byte{
		"session": h.render(t, report.KindSession, h.session, "pdf").Data,
		"board":   h.render(t, report.KindBoard, 0, "pdf").Data,
		"ledger":  h.render(t, report.KindAssumptions, 0, "pdf").Data,
	}
	letters := h.render(t, report.KindLetters, h.session, "zip").Data
	zr, err := zip.NewReader(bytes.NewReader(letters), int64(len(letters)))
	if err != nil {
		t.Fatal(err)
	}
	eveLetter := ""
	for _, zf := range zr.File {
		checkFileName(t, zf.Name)
		if strings.Contains(zf.Name, "Eve") {
			eveLetter = zf.Name
		}
		rc, err := zf.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(rc)
		_ = rc.Close()
		pdfs["letter "+zf.Name] = b
	}
	if eveLetter == "" {
		t.Errorf("no letter to Eve among %d", len(zr.File))
	}
	session := squeeze(pdfText(t, "session", pdfs["session"]))
	for name, data := range pdfs {
		text := pdfText(t, name, data)
		if strings.Contains(text, "INTERNAL") {
			t.Errorf("%s pdf shows the member's internal notes", name)
		}
	}
	for _, want := range []string{`<script>alert(1)</script>`, `<img src=x onerror=alert(1)>`, `=HYPERLINK("http://evil")`,
		`[click](javascript:alert(1))`, `| a | b |`, "雷声"} {
		if !strings.Contains(session, squeeze(want)) {
			t.Errorf("session pdf: %q is not shown literally", want)
		}
	}
}

// checkFileName checks a file name made from what people typed is safe
// on every system it is saved or unzipped on.
func checkFileName(t *testing.T, name string) {
	t.Helper()
	base := strings.TrimSuffix(name, filepath.Ext(name))
	stem, _, _ := strings.Cut(strings.ToUpper(base), ".")
	switch {
	case !utf8.ValidString(name) || len(name) > 255:
		t.Errorf("file name %q: not UTF-8 or longer than 255 bytes", name)
	case strings.ContainsAny(name, "/\\<>:\"|?*\u202e\u202d\u200f\u2066\u2067\u2068\u2069") || strings.HasPrefix(name, "."):
		t.Errorf("file name %q: a separator, reserved character, bidi control or leading dot", name)
	case strings.ContainsFunc(name, unicode.IsControl):
		t.Errorf("file name %q: a control character", name)
	case slices.Contains([]string{"CON", "PRN", "AUX", "NUL", "COM1", "LPT1"}, strings.TrimSpace(stem)):
		t.Errorf("file name %q: a Windows device name", name)
	}
}

// TestHostileFileNames: what a participant can make a file name of.
func TestHostileFileNames(t *testing.T) {
	for _, in := range []string{"../../x", "CON", "con.txt", "a/b\\c", "nul\x00byte", strings.Repeat("ж", 300),
		"evil\u202Efdp.exe", "..", " . ", hostileName, "COM1 .pdf"} {
		got := filename.Safe(in, "Participant", 120)
		checkFileName(t, got+".pdf")
		if got == "" {
			t.Errorf("Safe(%q) = %q", in, got)
		}
	}
}

// icsRead parses a calendar with Python's icalendar and returns its
// events' summaries and descriptions.
const icsRead = `
import json, sys
import icalendar
cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
out = {"calendars": 1, "events": []}
for ev in cal.walk("VEVENT"):
    out["events"].append({"summary": str(ev.get("SUMMARY", "")), "description": str(ev.get("DESCRIPTION", "")),
        "attendees": [str(a.params.get("CN", "")) for a in (ev.get("ATTENDEE") if isinstance(ev.get("ATTENDEE"), list) else [ev.get("ATTENDEE")] if ev.get("ATTENDEE") else [])]})
print(json.dumps(out))
`

type icsEvent struct {
	Summary     string   `json:"summary"`
	Description string   `json:"description"`
	Attendees   []string `json:"attendees"`
}

func readICS(t *testing.T, content string) []icsEvent {
	t.Helper()
	for i, line := range strings.Split(content, "\r\n") {
		if len(line) > 75 {
			t.Errorf("ics line %d is %d octets, not folded: %q", i+1, len(line), line)
		}
	}
	if n := strings.Count(content, "\r\nEND:VCALENDAR"); n != 1 {
		t.Errorf("ics: %d calendar ends", n)
	}
	py := ""
	for _, p := range []string{"python3", "/usr/bin/python3"} {
		if exec.Command(p, "-c", "import icalendar").Run() == nil {
			py = p
			break
		}
	}
	if py == "" {
		if os.Getenv("CI") == "true" {
			t.Fatal("python3 with icalendar is needed to check the .ics file (apt-get install python3-icalendar)")
		}
		t.Skip("python3-icalendar is not installed")
	}
	path := filepath.Join(t.TempDir(), "x.ics")
	if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(py, "-c", icsRead, path).CombinedOutput()
	if err != nil {
		t.Fatalf("python icalendar: %v\n%s\n--- file ---\n%s", err, out, content)
	}
	var got struct {
		Events []icsEvent `json:"events"`
	}
	if err := json.Unmarshal(out, &got); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	return got.Events
}

func checkICS(t *testing.T, h *hostileFx) {
	note := hostileSet[6] // CRLF, END:VEVENT, BEGIN:VEVENT, END:VCALENDAR
	all := strings.Join(hostileSet, "\n")
	due := time.Now().Add(48 * time.Hour).UTC().Format(time.RFC3339)
	// A follow-up made from Eve's note: its title and body are her text.
	rem, err := h.loop.CreateReminder(loop.ReminderInput{Title: "Ask about " + note, Body: all, DueAt: due,
		MemberID: h.eve, SessionID: h.session})
	if err != nil {
		// A title is one line: refused with a clear error, nothing written.
		if !strings.Contains(err.Error(), "title") {
			t.Fatalf("a reminder titled with a note: %v", err)
		}
		rem, err = h.loop.CreateReminder(loop.ReminderInput{Title: "Ask about " + strings.ReplaceAll(note, "\r\n", " "), Body: all,
			DueAt: due, MemberID: h.eve, SessionID: h.session})
		if err != nil {
			t.Fatal(err)
		}
	}
	file, err := h.loop.ExportICS()
	if err != nil {
		t.Fatal(err)
	}
	if os.Getenv("DUMP") != "" {
		_ = os.WriteFile(os.Getenv("DUMP"), []byte(file.Content), 0o600)
	}
	events := readICS(t, file.Content)
	if len(events) != 1 {
		t.Fatalf("reminders ics: %d events, want 1 (a note made another):\n%s", len(events), file.Content)
	}
	// Line ends read back as "\n"; other control characters are dropped.
	if events[0].Summary != strings.ReplaceAll(rem.Title, "\r\n", "\n") {
		t.Errorf("reminders ics: summary %q, not the title as typed", events[0].Summary)
	}
	for _, want := range []string{"<script>alert(1)</script>", "calm\nEND:VEVENT\nBEGIN:VEVENT", "雷声 🙂👩‍🔬 ok", "evil\u202Efdp.exe"} {
		if !strings.Contains(events[0].Description, want) {
			t.Errorf("reminders ics: description %q lacks %q", events[0].Description, want)
		}
	}
	if strings.ContainsFunc(events[0].Description, func(r rune) bool { return r != '\n' && r != '\t' && unicode.IsControl(r) }) {
		t.Errorf("reminders ics: a control character in the description %q", events[0].Description)
	}
	if strings.Contains(events[0].Description, "INTERNAL") {
		t.Errorf("reminders ics shows the member's internal notes")
	}

	// The session's invitation names Eve as an attendee.
	storeExec(t, h, `UPDATE sessions SET scheduled_on = ?, start_time = '10:00' WHERE id = ?`, time.Now().AddDate(0, 0, 7).Format(time.DateOnly), h.session)
	inv, err := h.loop.SessionICS(h.session)
	if err != nil {
		t.Fatal(err)
	}
	events = readICS(t, inv.Content)
	if len(events) != 1 {
		t.Fatalf("invitation ics: %d events", len(events))
	}
	found := false
	for _, cn := range events[0].Attendees {
		found = found || strings.Contains(cn, "onerror=alert(1)") && strings.Contains(cn, "李雷")
	}
	if !found {
		t.Errorf("invitation ics: Eve is not an attendee by her name: %+v", events[0].Attendees)
	}
}

func storeExec(t *testing.T, h *hostileFx, q string, args ...any) {
	t.Helper()
	if _, err := h.db.Exec(q, args...); err != nil {
		t.Fatal(err)
	}
}

func checkDrafts(t *testing.T, h *hostileFx) {
	due := time.Now().Add(24 * time.Hour).UTC().Format(time.RFC3339)
	rem, err := h.loop.CreateReminder(loop.ReminderInput{Title: "Share back", Kind: "share_back", DueAt: due,
		MemberID: h.eve, SessionID: h.session, Body: "INTERNAL reminder note"})
	if err != nil {
		t.Fatal(err)
	}
	// A team's own template may put anything a participant wrote in the
	// subject; a subject is still one line.
	if _, err := h.loop.SaveTemplate("share_back", loop.TemplateInput{
		Subject: "{{member}} said {{you_said}}", Body: "Hi {{first_name}},\n\nYou told us {{you_said}}.\n\n{{team}}"}); err != nil {
		t.Fatal(err)
	}
	check := func(what string, d loop.Draft) {
		t.Helper()
		if strings.ContainsFunc(d.Subject, unicode.IsControl) {
			t.Errorf("%s: the subject %q carries a line break or control character (header injection)", what, d.Subject)
		}
		if strings.Contains(d.Subject+d.Body, "INTERNAL") {
			t.Errorf("%s: internal notes in the draft: %q / %q", what, d.Subject, d.Body)
		}
		u, err := url.Parse(d.Mailto)
		if err != nil || u.Scheme != "mailto" || u.Opaque != "eve@example.com" || len(u.Query()) != 2 ||
			u.Query().Get("subject") != d.Subject {
			t.Errorf("%s: mailto %q (%v) does not carry exactly the subject and body", what, d.Mailto, err)
		}
	}
	d, err := h.loop.Render("share_back", rem.ID)
	if err != nil {
		t.Fatal(err)
	}
	check("share-back", d)
	if !strings.Contains(d.Body, "<script>alert(1)</script>") || !strings.Contains(d.Subject, "<img src=x onerror=alert(1)>") {
		t.Errorf("share-back: Eve's words are not in it as text: %q / %q", d.Subject, d.Body)
	}
	for _, key := range []string{"thank_you", "stay_in_touch"} {
		d, err := h.loop.DraftForMember(key, h.eve)
		if err != nil {
			t.Fatal(err)
		}
		check(key, d)
	}
}

// checkMembers: the member list, exported, keeps the hostile name as a
// name (a guarded CSV cell, one vCard's FN), not a formula or a second card.
func checkMembers(t *testing.T, h *hostileFx) {
	file, err := h.board.Export("csv", board.MemberQuery{})
	if err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(strings.NewReader(file.Content)).ReadAll()
	if err != nil || len(rows) != 5 {
		t.Fatalf("members csv: %d rows (%v), want a header and 4", len(rows), err)
	}
	found := false
	for _, row := range rows {
		for _, cell := range row {
			found = found || cell == "'"+hostileName
			if cell != "" && strings.ContainsRune(formulaStarts, rune(cell[0])) {
				t.Errorf("members csv: cell %q would run as a formula", cell)
			}
		}
	}
	if !found {
		t.Errorf("members csv: no guarded cell of the name %q", hostileName)
	}
	file, err = h.board.Export("vcf", board.MemberQuery{})
	if err != nil {
		t.Fatal(err)
	}
	dec := vcard.NewDecoder(strings.NewReader(file.Content))
	var names []string
	for {
		card, err := dec.Decode()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("members vcf: %v", err)
		}
		names = append(names, card.PreferredValue(vcard.FieldFormattedName))
	}
	if len(names) != 4 || !slices.Contains(names, hostileName) {
		t.Errorf("members vcf: names %q, want 4 with %q", names, hostileName)
	}
}
