package room

// The checks of TestHostileText on PDFs (qpdf and pdftotext) and on the
// file names made of what participants typed.

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"soundingboard/backend/filename"
	"soundingboard/backend/report"
)

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
		if name == "letter "+eveLetter && !strings.Contains(squeeze(text), squeeze("What would need to be true for you: <script>alert(1)</script>")) {
			t.Errorf("Eve's letter does not show her words as text:\n%s", text)
		}
	}
	for _, want := range []string{`<script>alert(1)</script>`, `<img src=x onerror=alert(1)>`, `=HYPERLINK("http://evil")`,
		`[click](javascript:alert(1))`, `| a | b |`, "雷声"} {
		if !strings.Contains(session, squeeze(want)) {
			t.Errorf("session pdf: %q is not shown literally", want)
		}
	}
}

// windowsDevices are names Windows refuses for a file, with any extension.
var windowsDevices = map[string]bool{"CON": true, "PRN": true, "AUX": true, "NUL": true, "COM1": true, "LPT1": true}

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
	case windowsDevices[strings.TrimSpace(stem)]:
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
