// Package typeset sets text of every script on fpdf pages. fpdf draws one
// font at a time, strictly left to right, and only characters below
// U+FFFF; typeset splits each line into runs by font (DejaVu Sans, then
// the CJK, Thai and Devanagari fallbacks), reorders them with the Unicode
// bidi algorithm, shapes Arabic, Thai and Devanagari with the HarfBuzz
// port of go-text, and draws shaped glyphs through the Private Use code
// points the embedded fonts' character maps give them (see
// backend/report/fonts/mkfonts), with the original text attached for
// copying and search.
package typeset

import (
	"bytes"
	"cmp"
	"compress/gzip"
	"fmt"
	"io"
	"io/fs"
	"math"
	"sync"
	"unicode"

	"github.com/go-text/typesetting/font"
	xbidi "golang.org/x/text/unicode/bidi"
)

// face is one embedded font, parsed once per process.
type face struct {
	family, style string // as registered with fpdf
	data          []byte // the TrueType file fpdf embeds
	// ft is shared by every document: a go-text Face caches as it shapes
	// and is not safe for concurrent use, so shaping holds mu; the
	// lookups here (cmap, advances) read the Font only.
	ft   *font.Face
	mu   sync.Mutex
	upem float64
	// toCode is the code point fpdf draws a glyph with: a character below
	// U+FFFF, or the Private Use code point mkfonts gave it.
	toCode map[font.GID]rune
	shapes bool // runs in this font go through the shaper
}

// Library holds the parsed fonts; it is safe for concurrent use.
type Library struct {
	regular, bold *face
	fallback      []*lazyFace // after DejaVu, in order: CJK, Thai, Devanagari
	simple        []uint64    // bit set over the BMP: see Simple
}

// lazyFace is a fallback font, read and parsed when text first needs a
// character DejaVu lacks: a report in Latin script never pays for it.
type lazyFace struct {
	once sync.Once
	load func() (*face, error)
	f    *face
	err  error
}

// get is the font, or nil when it cannot be read: its characters then
// print as fallback marks (TestFallbackFontsLoad keeps that from
// happening).
func (lf *lazyFace) get() *face {
	lf.once.Do(func() { lf.f, lf.err = lf.load() })
	return lf.f
}

// Font files in the fonts folder given to Load.
const (
	fileRegular = "DejaVuSans.ttf.gz"
	fileBold    = "DejaVuSans-Bold.ttf.gz"
	fileCJK     = "WenQuanYiMicroHei-cut.ttf.gz"
	fileThai    = "NotoSansThai-Regular.ttf.gz"
	fileDeva    = "NotoSansDevanagari-Regular.ttf.gz"
)

// Load reads and parses the gzipped primary fonts in fsys (about 20 ms:
// do it once per process); the fallback fonts follow when first needed.
func Load(fsys fs.FS) (*Library, error) {
	specs := []struct {
		file, family, style string
		shapes              bool
	}{
		{fileRegular, Family, "", true},
		{fileBold, Family, "B", true},
		{fileCJK, "WenQuanYiMicroHei", "", false},
		{fileThai, "NotoSansThai", "", true},
		{fileDeva, "NotoSansDevanagari", "", true},
	}
	faces := make([]*lazyFace, len(specs))
	for i, s := range specs {
		if _, err := fs.Stat(fsys, s.file); err != nil {
			return nil, fmt.Errorf("font: %w", err)
		}
		faces[i] = &lazyFace{load: func() (*face, error) {
			f, err := loadFace(fsys, s.file)
			if err != nil {
				return nil, err
			}
			f.family, f.style, f.shapes = s.family, s.style, s.shapes
			return f, nil
		}}
	}
	regular, bold := faces[0].get(), faces[1].get()
	if regular == nil || bold == nil {
		return nil, cmp.Or(faces[0].err, faces[1].err)
	}
	l := &Library{regular: regular, bold: bold, fallback: faces[2:], simple: make([]uint64, 0x10000/64)}
	for r := rune(0x20); r < 0x10000; r++ {
		if l.regular.covers(r) && l.bold.covers(r) && !isRTL(r) && !unicode.Is(unicode.Cf, r) &&
			!unicode.IsControl(r) && !isPUA(r) && !unicode.Is(unicode.Variation_Selector, r) {
			l.simple[r/64] |= 1 << (r % 64)
		}
	}
	return l, nil
}

func loadFace(fsys fs.FS, name string) (*face, error) {
	gz, err := fs.ReadFile(fsys, name)
	if err != nil {
		return nil, fmt.Errorf("read font: %w", err)
	}
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		return nil, fmt.Errorf("font %s: %w", name, err)
	}
	data, err := io.ReadAll(zr)
	if err != nil {
		return nil, fmt.Errorf("font %s: %w", name, err)
	}
	ft, err := font.ParseTTF(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("parse font %s: %w", name, err)
	}
	f := &face{data: data, ft: ft, upem: float64(ft.Upem()), toCode: map[font.GID]rune{}}
	for it := ft.Cmap.Iter(); it.Next(); {
		r, g := it.Char()
		if r > 0xFFFF {
			continue
		}
		// Prefer a real character over a Private Use one: it extracts as text.
		if old, ok := f.toCode[g]; !ok || (isPUA(old) && !isPUA(r)) {
			f.toCode[g] = r
		}
	}
	return f, nil
}

func isPUA(r rune) bool { return r >= 0xE000 && r <= 0xF8FF }

// glyph is the font's glyph for r, 0 when it has none.
func (f *face) glyph(r rune) font.GID {
	g, ok := f.ft.Font.NominalGlyph(r)
	if !ok {
		return 0
	}
	return g
}

// covers reports whether the font can draw r through fpdf.
func (f *face) covers(r rune) bool {
	g := f.glyph(r)
	if g == 0 {
		return false
	}
	_, ok := f.toCode[g]
	return ok
}

// advance is a glyph's advance in thousandths of an em, rounded the way
// fpdf rounds its width table so measured and drawn widths agree.
func (f *face) advance(g font.GID) float64 {
	return math.Round(float64(f.ft.HorizontalAdvance(g)) * 1000 / f.upem)
}

// faceFor is the first font of the chain for style that draws r, nil when
// none does.
func (l *Library) faceFor(r rune, bold bool) *face {
	primary := l.regular
	if bold {
		primary = l.bold
	}
	if primary.covers(r) {
		return primary
	}
	for _, lf := range l.fallback {
		if f := lf.get(); f != nil && f.covers(r) {
			return f
		}
	}
	if bold && l.regular.covers(r) {
		return l.regular
	}
	return nil
}

// Simple reports whether the primary font draws every character of s as
// is, left to right, without shaping: such text can go to fpdf unchanged.
func (l *Library) Simple(s string) bool {
	for _, r := range s {
		if r >= 0x10000 || l.simple[r/64]&(1<<(r%64)) == 0 {
			return false
		}
	}
	return true
}

// simpleLines is Simple for text of several lines.
func (l *Library) simpleLines(s string) bool {
	for _, r := range s {
		if r != '\n' && (r >= 0x10000 || l.simple[r/64]&(1<<(r%64)) == 0) {
			return false
		}
	}
	return true
}

// isRTL reports whether r is a right-to-left letter (Hebrew, Arabic …).
func isRTL(r rune) bool {
	if r < 0x0590 {
		return false
	}
	p, _ := xbidi.LookupRune(r)
	c := p.Class()
	return c == xbidi.R || c == xbidi.AL
}
