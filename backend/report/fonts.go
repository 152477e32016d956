package report

import (
	"embed"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/image/font/sfnt"
	"golang.org/x/text/unicode/bidi"
)

// The PDF font: DejaVu Sans (Debian fonts-dejavu-core 2.37, Bitstream Vera
// licence in fonts/LICENSE), embedded so reports print the same on every
// machine. fpdf embeds only the glyphs a report uses.
//
//go:embed fonts/DejaVuSans.ttf fonts/DejaVuSans-Bold.ttf
var fontFiles embed.FS

const (
	fontFamily = "DejaVuSans"
	// missingMark stands in for a run of characters the font cannot draw
	// (Chinese, Japanese, Korean, Thai, Devanagari, emoji …): fpdf would
	// print empty boxes, or refuse characters beyond the Basic
	// Multilingual Plane outright.
	missingMark = "[?]"
)

// fontSet is the embedded font and the characters both its faces can draw.
type fontSet struct {
	regular, bold []byte
	covered       []uint64 // bit set over the Basic Multilingual Plane
}

// loadFonts reads the embedded faces and their character coverage.
func loadFonts() (*fontSet, error) {
	fs := &fontSet{covered: make([]uint64, 0x10000/64)}
	var err error
	if fs.regular, err = fontFiles.ReadFile("fonts/DejaVuSans.ttf"); err != nil {
		return nil, fmt.Errorf("read font: %w", err)
	}
	if fs.bold, err = fontFiles.ReadFile("fonts/DejaVuSans-Bold.ttf"); err != nil {
		return nil, fmt.Errorf("read font: %w", err)
	}
	reg, err := sfnt.Parse(fs.regular)
	if err != nil {
		return nil, fmt.Errorf("parse font: %w", err)
	}
	bold, err := sfnt.Parse(fs.bold)
	if err != nil {
		return nil, fmt.Errorf("parse bold font: %w", err)
	}
	var buf sfnt.Buffer
	for r := rune(0x20); r < 0x10000; r++ {
		if r >= 0xD800 && r <= 0xDFFF { // surrogates are not characters
			continue
		}
		g1, err1 := reg.GlyphIndex(&buf, r)
		g2, err2 := bold.GlyphIndex(&buf, r)
		if err1 == nil && err2 == nil && g1 != 0 && g2 != 0 {
			fs.covered[r/64] |= 1 << (r % 64)
		}
	}
	return fs, nil
}

// covers reports whether both faces can draw r.
func (fs *fontSet) covers(r rune) bool {
	return r >= 0 && r < 0x10000 && fs.covered[r/64]&(1<<(r%64)) != 0
}

// clean makes text printable with the font: tabs become spaces, control
// and invisible formatting characters are dropped, and each run of
// characters the font lacks becomes missingMark. Line breaks stay.
func (fs *fontSet) clean(s string) string {
	if fs.printable(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	inMissing := false
	for _, r := range s {
		switch {
		case r == '\n':
			b.WriteByte('\n')
			inMissing = false
		case r == '\t':
			b.WriteByte(' ')
			inMissing = false
		case unicode.IsControl(r), unicode.Is(unicode.Cf, r), unicode.Is(unicode.Variation_Selector, r):
			// invisible: drop
		case fs.covers(r):
			b.WriteRune(r)
			inMissing = false
		case inMissing || (unicode.IsMark(r) && strings.HasSuffix(b.String(), missingMark)):
			// part of the run already marked
		default:
			b.WriteString(missingMark)
			inMissing = true
		}
	}
	return b.String()
}

// printable reports whether s needs no cleaning (the common case).
func (fs *fontSet) printable(s string) bool {
	if !utf8.ValidString(s) {
		return false
	}
	for _, r := range s {
		if r == '\n' {
			continue
		}
		if r == '\t' || !fs.covers(r) || unicode.IsControl(r) || unicode.Is(unicode.Cf, r) {
			return false
		}
	}
	return true
}

// visual reorders one line for drawing: runs of right-to-left letters
// (Hebrew, Arabic) are reversed, since fpdf draws strictly left to right.
// It is a basic reordering for names and short phrases, not the full
// Unicode bidi algorithm; Arabic letters stay in their isolated forms.
func visual(line string) string {
	rtl := false
	for _, r := range line {
		if isRTL(r) {
			rtl = true
			break
		}
	}
	if !rtl {
		return line
	}
	rs := []rune(line)
	for i := 0; i < len(rs); {
		if !isRTL(rs[i]) {
			i++
			continue
		}
		// The run goes on over spaces and marks while more RTL letters follow.
		j, end := i, i
		for j < len(rs) && (isRTL(rs[j]) || unicode.IsSpace(rs[j]) || unicode.IsMark(rs[j]) || unicode.IsPunct(rs[j])) {
			if isRTL(rs[j]) || unicode.IsMark(rs[j]) {
				end = j + 1
			}
			j++
		}
		for a, b := i, end-1; a < b; a, b = a+1, b-1 {
			rs[a], rs[b] = rs[b], rs[a]
		}
		i = end
	}
	return string(rs)
}

func isRTL(r rune) bool {
	if r < 0x0590 {
		return false
	}
	p, _ := bidi.LookupRune(r)
	c := p.Class()
	return c == bidi.R || c == bidi.AL
}
