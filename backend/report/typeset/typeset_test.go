package typeset

import (
	"os"
	"strings"
	"sync"
	"testing"

	"codeberg.org/go-pdf/fpdf"
)

var (
	libOnce sync.Once
	lib     *Library
	libErr  error
)

// testWriter is a writer on a fresh document, 10 pt regular.
func testWriter(t *testing.T) *Writer {
	t.Helper()
	libOnce.Do(func() { lib, libErr = Load(os.DirFS("../fonts")) })
	if libErr != nil {
		t.Fatal(libErr)
	}
	f := fpdf.New("P", "mm", "A4", "")
	w := lib.NewWriter(f)
	f.AddPage()
	f.SetFont(Family, "", 10)
	return w
}

func TestClean(t *testing.T) {
	w := testWriter(t)
	for _, c := range []struct{ in, want string }{
		{"Zoë Łukasz Ελένη Иван", "Zoë Łukasz Ελένη Иван"},
		{"李雷 (Li Lei)", "李雷 (Li Lei)"},
		{"ok 😀👍 fine", "ok 😀 fine"},             // DejaVu draws 😀, nothing draws 👍
		{"Great job 🎉!", "Great job!"},          // no space left before the punctuation
		{"🎉 Party 👍🏽 time 👨‍👩‍👧", "Party time"}, // skin tone and ZWJ family go with their emoji
		{"☀️ sunny", "☀ sunny"},
		{Isolate("Zoë 👋🏽") + ", Retail", Isolate("Zoë") + ", Retail"}, // the variation selector goes, the glyph stays
		{"keycap 1️⃣ and 🇩🇪 flag", "keycap 1 and flag"},
		{"a\tb\x00c\u200bd", "a bcd"},
		{"line one\nline two", "line one\nline two"},
		{"bad \xff byte", "bad � byte"},
		{"क्\u200dष", "क्\u200dष"}, // a joiner inside Devanagari stays for the shaper
	} {
		if got := w.Clean(c.in); got != c.want {
			t.Errorf("Clean(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// visual is what a line draws, left to right, in code points.
func visual(w *Writer, s string) string {
	var b strings.Builder
	rs := []rune(s)
	for _, p := range w.layout(rs, false, firstStrongRTL(rs)) {
		b.WriteString(string(p.codes))
	}
	return b.String()
}

func TestVisualOrder(t *testing.T) {
	w := testWriter(t)
	for _, c := range []struct{ in, want string }{
		{"plain", "plain"},
		{"דוד כהן", "ןהכ דוד"},
		{"Dear דוד,", "Dear דוד,"},
		{"abc שלום xyz", "abc םולש xyz"},
		{"שלום (דוד)!", "!(דוד) םולש"},                                // brackets mirrored, punctuation on the right side
		{"He said “שלום” (David).", "He said “םולש” (David)."},        // an English sentence quoting a Hebrew word
		{"— " + Isolate("דוד כהן") + ", Retail", "— ןהכ דוד, Retail"}, // an isolated name keeps the line left to right
		{"— דוד כהן, Retail", "Retail ,ןהכ דוד —"},                    // (without, the first letter makes it right to left)
		{"لا", "\uFEFB"},                                              // lam-alef ligature
		{"بيت", "\uFE96\uFEF4\uFE91"},                                 // joined forms, right to left
	} {
		if got := visual(w, c.in); got != c.want {
			t.Errorf("visual(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// Unshaped right-to-left runs reverse by character, keeping points after
// their letters and mirroring brackets.
func TestReverseClusters(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"שָׁלוֹם", "םוֹלשָׁ"},
		{"(דוד)", "(דוד)"},
	} {
		if got := string(reverseClusters([]rune(c.in))); got != c.want {
			t.Errorf("reverseClusters(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestWrapAndFit(t *testing.T) {
	w := testWriter(t)
	// Chinese has no spaces: it breaks between ideographs.
	ls := w.Lines(strings.Repeat("我们每周订货", 20), 60)
	if len(ls) < 3 {
		t.Fatalf("CJK paragraph gave %d lines", len(ls))
	}
	for _, l := range ls {
		if w.Width(l) > 60.01 {
			t.Errorf("line %q is %.1f mm wide", l, w.Width(l))
		}
	}
	if strings.Join(ls, "") != strings.Repeat("我们每周订货", 20) {
		t.Error("wrapping lost characters")
	}
	fit := w.Fit("नमस्ते दुनिया कार्यक्रम हिन्दी नमस्ते दुनिया", 30)
	if !strings.HasSuffix(fit, "…") || w.Width(fit) > 30 {
		t.Errorf("Fit = %q (%.1f mm)", fit, w.Width(fit))
	}
	// A wrapped line of a Hebrew paragraph that starts with a Latin word
	// still runs right to left.
	ls = w.Lines("שלום לכולם אני משתמש Excel בכל יום", w.Width("שלום לכולם אני משתמש")+1)
	if len(ls) != 2 || !strings.HasSuffix(visual(w, ls[1]), "Excel") {
		t.Errorf("lines %q: the second does not run right to left", ls)
	}
	if w.Width("李雷") <= w.Width("Li") {
		t.Error("ideographs measured narrower than two Latin letters")
	}
}

func TestMetadata(t *testing.T) {
	w := testWriter(t)
	if got := w.lib.Metadata("A letter to 𠮷野 🎉"); got != "A letter to 〓野" {
		t.Errorf("Metadata = %q", got)
	}
}

// BenchmarkLoad times reading the embedded fonts, once per process.
func BenchmarkLoad(b *testing.B) {
	for b.Loop() {
		if _, err := Load(os.DirFS("../fonts")); err != nil {
			b.Fatal(err)
		}
	}
}

// Documents set text at the same time (the app may render two reports at
// once); go test -race checks the shared fonts.
func TestConcurrentWriters(t *testing.T) {
	var wg sync.WaitGroup
	for range 4 {
		w := testWriter(t)
		wg.Go(func() {
			for range 20 {
				w.Lines("नमस्ते दुनिया مرحبا بالعالم สวัสดีครับ 李雷", 40)
			}
		})
	}
	wg.Wait()
}

// Every fallback font reads and parses, and draws its script.
func TestFallbackFontsLoad(t *testing.T) {
	testWriter(t)
	for i, r := range []rune{'李', 'ก', 'क'} {
		lf := lib.fallback[i]
		if f := lf.get(); f == nil || !f.covers(r) {
			t.Errorf("fallback %d: %v, or it lacks %c", i, lf.err, r)
		}
	}
}
