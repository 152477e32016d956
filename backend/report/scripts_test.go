package report

import (
	"bytes"
	"fmt"
	"image"
	"image/draw"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"soundingboard/backend/session"
	"soundingboard/backend/storetest"
	"soundingboard/backend/wording"
)

// scriptCases are a name and a quote in each script reports must print.
// printed is what the PDF says where it differs from what was typed:
// emoji that no embedded font draws are left out.
var scriptCases = []struct {
	script, name, quote string
	printedName         string
	printedQuote        string
	// wordsOnly: poppler reorders words and punctuation of right-to-left
	// runs, may glue a word to its neighbour across a direction change and
	// splits off Arabic vowel marks, so compare the words' letters.
	wordsOnly bool
}{
	{script: "chinese", name: "李雷", quote: "我们每周订货，价格必须清楚。"},
	{script: "japanese", name: "山田 花子", quote: "毎週の注文はスマホで済ませたいです。"},
	{script: "korean", name: "김 민준", quote: "주문 내역을 한눈에 보고 싶어요."},
	{script: "arabic", name: "أحمد الفارسي", quote: "لا نريد رسوماً خفية في الفاتورة كل شهر.", wordsOnly: true},
	{script: "hebrew", name: "דוד כהן", quote: "שָׁלוֹם! אנחנו מזמינים סחורה כל יום שני (בבוקר).", wordsOnly: true},
	{script: "thai", name: "สมชาย ใจดี", quote: "ผู้ใหญ่ที่ร้านสั่งของทุกสัปดาห์"},
	{script: "devanagari", name: "प्रिया शर्मा", quote: "हम हर हफ़्ते ऑर्डर करते हैं, कार्यक्रम स्पष्ट होना चाहिए।"},
	{script: "mixed", name: "Sam O'Brien", quote: "He said “مرحبا يا أحمد” (Ahmed) and left.", wordsOnly: true},
	{script: "emoji", name: "Zoë Park 👋🏽", quote: "Great job 🎉! We love it 👨‍👩‍👧 😀 ☀️",
		printedName: "Zoë Park", printedQuote: "Great job! We love it 😀 ☀"},
	{script: "extb", name: "𠮷野 太郎", quote: "𠮷野家の牛丼が好きです。"},
}

// scriptDate is the report clock and session date of these tests, so
// the pages they draw never change.
var scriptDate = time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)

// scriptSession is a finished session with one participant per script,
// each quoted in their own script.
func scriptSession(t *testing.T) (*fx, int64) {
	f := newFx(t)
	f.r.now = func() time.Time { return scriptDate }
	ids := make([]int64, len(scriptCases))
	for i, c := range scriptCases {
		ids[i] = f.member(c.name, "Retail", true)
	}
	id, as := f.sessionWith("Every script", len(scriptCases), ids)
	storetest.Exec(t, f.db, `UPDATE sessions SET scheduled_on = ?`, scriptDate.Format(time.DateOnly))
	for i, c := range scriptCases {
		_, err := f.session.Runs.SaveQuote(session.QuoteInput{SessionID: id, AssumptionID: as[i], MemberID: ids[i], Text: c.quote})
		f.must(err)
	}
	return f, id
}

// Each letter names its reader and quotes them in their script: the text
// extracts as the same words, and the page looks like its reference.
func TestScriptsInLetters(t *testing.T) {
	f, id := scriptSession(t)
	files, err := f.r.Letters(id)
	f.must(err)
	if len(files) != len(scriptCases) {
		t.Fatalf("%d letters for %d participants", len(files), len(scriptCases))
	}
	texts := make([]string, len(files))
	for i, file := range files {
		texts[i] = pdfText(t, file.Data)
	}
	for _, c := range scriptCases {
		t.Run(c.script, func(t *testing.T) {
			name, quote := c.name, c.quote
			if c.printedName != "" {
				name, quote = c.printedName, c.printedQuote
			}
			i := slices.IndexFunc(texts, func(s string) bool { return sameWords(s, "To: "+name+",", c.wordsOnly) })
			if i < 0 {
				t.Fatalf("no letter is addressed to %q", name)
			}
			pdf, text := files[i].Data, texts[i]
			checkPDF(t, pdf)
			for _, want := range []string{"Dear " + wording.FirstName(name) + ",", name, quote} {
				if !sameWords(text, want, c.wordsOnly) {
					t.Errorf("%q not extracted from the letter:\n%s", want, text)
				}
			}
			if strings.Contains(text, "[?]") || strings.Contains(text, "〓") {
				t.Errorf("a fallback mark extracted from the letter:\n%s", text)
			}
			matchReference(t, pdf, "letter-"+c.script)
		})
	}
}

// The session report prints every name and quote too, in one document
// that needs every fallback font.
func TestScriptsInSessionReport(t *testing.T) {
	f, id := scriptSession(t)
	file, err := f.r.Render(KindSession, id, "pdf")
	f.must(err)
	checkPDF(t, file.Data)
	text := pdfText(t, file.Data)
	for _, c := range scriptCases {
		name, quote := c.name, c.quote
		if c.printedName != "" {
			name, quote = c.printedName, c.printedQuote
		}
		for _, want := range []string{name, quote} {
			if !sameWords(text, want, c.wordsOnly) {
				t.Errorf("%s: %q not extracted from the session report", c.script, want)
			}
		}
	}
	for _, font := range []string{"wenquanyimicrohei", "notosansthai", "notosansdevanagari"} {
		if !bytes.Contains(bytes.ToLower(file.Data), []byte(font)) {
			t.Errorf("the session report does not embed %s", font)
		}
	}
}

// A report in Latin script alone embeds no fallback font.
func TestFallbackFontsOnlyWhenUsed(t *testing.T) {
	f := newFx(t)
	id, _ := f.sessionWith("Latin only", 2, []int64{f.member("Zoë Łukasiewicz", "Retail", true)})
	file, err := f.r.Render(KindSession, id, "pdf")
	f.must(err)
	for _, font := range []string{"wenquanyimicrohei", "notosansthai", "notosansdevanagari"} {
		if bytes.Contains(bytes.ToLower(file.Data), []byte(font)) {
			t.Errorf("a Latin-only report embeds %s", font)
		}
	}
}

// sameWords reports whether want occurs in the extracted text, both
// NFKC-normalised (Arabic presentation forms back to letters) with
// whitespace collapsed; wordsOnly looks for each word (without punctuation
// and vowel marks) on its own, in any order.
func sameWords(text, want string, wordsOnly bool) bool {
	flat := func(s string) string { return strings.Join(strings.Fields(norm.NFKC.String(s)), " ") }
	text, want = flat(text), flat(want)
	if !wordsOnly {
		return strings.Contains(text, want)
	}
	noMarks := func(r rune) rune {
		if unicode.Is(unicode.Mn, r) {
			return -1
		}
		return r
	}
	text, want = strings.Map(noMarks, text), strings.Map(noMarks, want)
	for _, w := range strings.FieldsFunc(want, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsPunct(r) }) {
		if !strings.Contains(text, w) {
			return false
		}
	}
	return true
}

// matchReference renders the top of the first page (where a letter names
// and quotes its reader) in grey at 120 dpi and compares it with
// testdata/<name>.png; SB_WRITE_REFERENCES=1 rewrites the reference.
// A pixel differs when its grey level is more than 64 apart; up to 40
// may (anti-aliasing of another poppler), a glyph shaped wrong moves many
// more.
func matchReference(t *testing.T, pdf []byte, name string) {
	t.Helper()
	needTool(t, "pdftoppm")
	dir := t.TempDir()
	src := filepath.Join(dir, "page.pdf")
	if err := os.WriteFile(src, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "page")
	if msg, err := exec.Command("pdftoppm", "-r", "120", "-gray", "-png", "-f", "1", "-l", "1", "-singlefile",
		"-x", "60", "-y", "120", "-W", "880", "-H", "300", src, out).CombinedOutput(); err != nil {
		t.Fatalf("pdftoppm: %v\n%s", err, msg)
	}
	got, err := os.ReadFile(out + ".png")
	if err != nil {
		t.Fatal(err)
	}
	ref := filepath.Join("testdata", name+".png")
	if os.Getenv("SB_WRITE_REFERENCES") == "1" {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(ref, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(ref)
	if err != nil {
		t.Fatalf("no reference image (SB_WRITE_REFERENCES=1 writes it): %v", err)
	}
	n, err := differingPixels(got, want)
	if err != nil {
		t.Fatal(err)
	}
	if n > 40 {
		keep := filepath.Join("..", "..", "artifacts", "report", name+"-differs.png")
		_ = os.MkdirAll(filepath.Dir(keep), 0o755)
		_ = os.WriteFile(keep, got, 0o644)
		t.Errorf("%s: %d pixels differ from the reference (page kept as %s)", name, n, keep)
	}
}

// differingPixels counts the pixels whose grey levels are more than 64
// apart; images of different sizes differ everywhere.
func differingPixels(a, b []byte) (int, error) {
	ia, err := png.Decode(bytes.NewReader(a))
	if err != nil {
		return 0, fmt.Errorf("decode page: %w", err)
	}
	ib, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		return 0, fmt.Errorf("decode reference: %w", err)
	}
	ga, gb := gray(ia), gray(ib)
	if ga.Bounds() != gb.Bounds() {
		return ga.Bounds().Dx() * ga.Bounds().Dy(), nil
	}
	n := 0
	for i := range ga.Pix {
		if d := int(ga.Pix[i]) - int(gb.Pix[i]); d > 64 || d < -64 {
			n++
		}
	}
	return n, nil
}

func gray(img image.Image) *image.Gray {
	if g, ok := img.(*image.Gray); ok && g.Rect.Min == (image.Point{}) {
		return g
	}
	g := image.NewGray(image.Rect(0, 0, img.Bounds().Dx(), img.Bounds().Dy()))
	draw.Draw(g, g.Bounds(), img, img.Bounds().Min, draw.Src)
	return g
}
