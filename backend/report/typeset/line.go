package typeset

import (
	"math"
	"slices"
	"unicode"

	"github.com/go-text/typesetting/bidi"
	"github.com/go-text/typesetting/di"
	"github.com/go-text/typesetting/language"
	"github.com/go-text/typesetting/shaping"
	"golang.org/x/image/math/fixed"
	xbidi "golang.org/x/text/unicode/bidi"
)

// piece is a run of one line in one font, ready for fpdf: the code
// points to draw, left to right.
type piece struct {
	f     *face
	codes []rune
	// pos holds, for shaped glyphs that do not simply follow each other,
	// each glyph's x and y offset and advance in thousandths of an em;
	// nil when fpdf's own spacing is right.
	pos   [][3]float64
	width float64 // thousandths of an em
	// actual is the text a reader copies for this piece when its glyphs
	// do not say it (Private Use code points, fallback marks).
	actual string
}

// Fallback marks for characters no embedded font has: the geta mark
// (Japanese typesetting's sign for a missing kanji) for an ideograph,
// and [?] for a run of anything else.
const (
	missingIdeograph = "〓"
	missingMark      = "[?]"
)

// shapingSize is the size text is shaped at: advances come out in
// thousandths of an em.
const shapingSize = fixed.Int26_6(1000 << 6)

// layout sets one line (no line breaks) into pieces in visual order.
// rtlPara says whether its paragraph runs right to left.
func (w *Writer) layout(line []rune, bold, rtlPara bool) []piece {
	if len(line) == 0 {
		return nil
	}
	type item struct {
		start, end int
		level      bidi.Level
	}
	var runs []item
	if hasRTL(line) {
		dir := bidi.LeftToRight
		if rtlPara {
			dir = bidi.RightToLeft
		}
		rs := w.para.Segment(line, dir)
		for i := 0; i < rs.NumRuns(); i++ {
			r := rs.Run(i)
			runs = append(runs, item{r.Start, r.End, r.Level})
		}
	} else {
		runs = []item{{0, len(line), 0}}
	}
	var pieces []piece
	var levels []bidi.Level
	for _, run := range runs {
		// Split the run where the font changes; marks and joiners stay
		// with the character before them.
		start := run.start
		cur := w.faceAt(line[start], bold)
		for i := run.start + 1; i <= run.end; i++ {
			var f *face
			if i < run.end {
				r := line[i]
				if unicode.In(r, unicode.Mn, unicode.Me) || r == zwj || r == zwnj || unicode.Is(unicode.Variation_Selector, r) {
					continue
				}
				f = w.faceAt(r, bold)
				if f == cur {
					continue
				}
			}
			for _, p := range w.pieces(line, start, i, cur, run.level%2 == 1, bold) {
				pieces = append(pieces, p)
				levels = append(levels, run.level)
			}
			start, cur = i, f
		}
	}
	return reorder(pieces, levels)
}

// faceAt is the font for r in a line: none for the invisible controls
// of direction, which the shaper must not see either.
func (w *Writer) faceAt(r rune, bold bool) *face {
	if isBidiControl(r) {
		return nil
	}
	return w.lib.faceFor(r, bold)
}

// pieces sets line[start:end], all in font f (nil: no font has them).
func (w *Writer) pieces(line []rune, start, end int, f *face, rtl, bold bool) []piece {
	text := line[start:end]
	if f == nil {
		return w.missing(text, bold)
	}
	if f.shapes && needsShaping(text) {
		if p, ok := w.shape(line, start, end, f, rtl); ok {
			return []piece{p}
		}
	}
	p := piece{f: f}
	for _, r := range text {
		g := f.glyph(r)
		code, ok := f.toCode[g]
		if g == 0 || !ok || unicode.Is(unicode.Cf, r) {
			continue // joiners, direction marks, marks the font lacks: invisible
		}
		if isPUA(code) && !isPUA(r) {
			p.actual = string(text)
		}
		p.codes = append(p.codes, code)
		p.width += f.advance(g)
	}
	if rtl {
		p.codes = reverseClusters(p.codes)
	}
	return []piece{p}
}

// reverseClusters puts a right-to-left run into drawing order: its
// characters reversed, but each combining mark (Hebrew points) still
// after its letter, and brackets mirrored.
func reverseClusters(rs []rune) []rune {
	out := make([]rune, 0, len(rs))
	for end := len(rs); end > 0; {
		start := end - 1
		for start > 0 && unicode.In(rs[start], unicode.Mn, unicode.Me) {
			start--
		}
		if end-start == 1 {
			out = append(out, []rune(xbidi.ReverseString(string(rs[start])))...) // mirrors a bracket
		} else {
			out = append(out, rs[start:end]...)
		}
		end = start
	}
	return out
}

// missing marks characters no font has, keeping them as the text a
// reader copies.
func (w *Writer) missing(text []rune, bold bool) []piece {
	var out []piece
	text = slices.DeleteFunc(slices.Clone(text), func(r rune) bool {
		return unicode.In(r, unicode.Cf, unicode.Mn, unicode.Me) // invisible anyway: joiners, direction marks
	})
	for i := 0; i < len(text); {
		j := i + 1
		mark := missingMark
		if unicode.Is(unicode.Ideographic, text[i]) {
			if w.lib.faceFor([]rune(missingIdeograph)[0], bold) != nil {
				mark = missingIdeograph
			}
		} else {
			for j < len(text) && !unicode.Is(unicode.Ideographic, text[j]) {
				j++
			}
		}
		p := piece{actual: string(text[i:j])}
		for _, r := range mark {
			p.f = w.lib.faceFor(r, bold)
			g := p.f.glyph(r)
			p.codes = append(p.codes, p.f.toCode[g])
			p.width += p.f.advance(g)
		}
		out = append(out, p)
		i = j
	}
	return out
}

// shape runs line[start:end] through the shaper; ok is false when a
// glyph it chose cannot be drawn.
func (w *Writer) shape(line []rune, start, end int, f *face, rtl bool) (piece, bool) {
	dir := di.DirectionLTR
	if rtl {
		dir = di.DirectionRTL
	}
	f.mu.Lock()
	out := w.shaper.Shape(shaping.Input{
		Text: line, RunStart: start, RunEnd: end, Direction: dir,
		Face: f.ft, Size: shapingSize, Script: scriptOf(line[start:end]),
	})
	f.mu.Unlock()
	p := piece{f: f}
	plain := true
	for _, g := range out.Glyphs {
		code, ok := f.toCode[g.GlyphID]
		if !ok {
			return piece{}, false
		}
		if isPUA(code) {
			p.actual = string(line[start:end])
		}
		adv := float64(g.Advance) / 64
		if natural := f.advance(g.GlyphID); math.Abs(adv-natural) < 0.5 {
			adv = natural // the shaper's advance, before fpdf rounds its widths the same way
		}
		dx, dy := float64(g.XOffset)/64, float64(g.YOffset)/64
		if dx != 0 || dy != 0 || adv != f.advance(g.GlyphID) {
			plain = false
		}
		p.codes = append(p.codes, code)
		p.pos = append(p.pos, [3]float64{dx, dy, adv})
		p.width += adv
	}
	if plain {
		p.pos = nil
	}
	return p, true
}

// reorder puts pieces into visual order (rule L2 of the bidi algorithm:
// from the highest level down to the lowest odd one, reverse every
// sequence at that level or above).
func reorder(ps []piece, levels []bidi.Level) []piece {
	var hi, lo bidi.Level = 0, 125
	for _, l := range levels {
		hi, lo = max(hi, l), min(lo, l)
	}
	if hi == 0 {
		return ps
	}
	if lo%2 == 0 {
		lo++
	}
	for lvl := hi; lvl >= lo; lvl-- {
		for i := 0; i < len(ps); {
			if levels[i] < lvl {
				i++
				continue
			}
			j := i
			for j < len(ps) && levels[j] >= lvl {
				j++
			}
			for a, b := i, j-1; a < b; a, b = a+1, b-1 {
				ps[a], ps[b] = ps[b], ps[a]
				levels[a], levels[b] = levels[b], levels[a]
			}
			i = j
		}
	}
	return ps
}

func hasRTL(rs []rune) bool {
	for _, r := range rs {
		if isRTL(r) {
			return true
		}
	}
	return false
}

// firstStrongRTL reports whether the first letter with a direction,
// outside isolates, runs right to left (rules P2 and P3: the paragraph's
// direction).
func firstStrongRTL(rs []rune) bool {
	depth := 0 // inside isolates, which P2 skips
	for _, r := range rs {
		switch {
		case r >= 0x2066 && r <= 0x2068:
			depth++
			continue
		case r == pdi:
			depth = max(0, depth-1)
			continue
		case depth > 0:
			continue
		}
		p, _ := xbidi.LookupRune(r)
		switch p.Class() {
		case xbidi.L:
			return false
		case xbidi.R, xbidi.AL:
			return true
		}
	}
	return false
}

// needsShaping reports whether text has letters of a script whose forms
// depend on their neighbours, or combining marks.
func needsShaping(text []rune) bool {
	marks := false
	for _, r := range text {
		switch language.LookupScript(r) {
		case language.Arabic, language.Thai, language.Devanagari, language.Syriac:
			return true
		}
		marks = marks || unicode.Is(unicode.Mn, r)
	}
	// Combining marks (Hebrew points, stacked accents) need the shaper
	// to sit on their letter.
	return marks
}

// scriptOf is the script of the first letter of text with one.
func scriptOf(text []rune) language.Script {
	for _, r := range text {
		if s := language.LookupScript(r); s != language.Common && s != language.Inherited {
			return s
		}
	}
	return language.Common
}
