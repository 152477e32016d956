package typeset

import (
	"fmt"
	"strings"
	"unicode/utf16"

	"codeberg.org/go-pdf/fpdf"
	"github.com/go-text/typesetting/bidi"
	"github.com/go-text/typesetting/segmenter"
	"github.com/go-text/typesetting/shaping"
)

// Writer sets text on one fpdf document in the document's current size
// and style. It registers the primary fonts at once and a fallback font
// only when the document first draws with it: fpdf embeds every font
// registered, used or not.
type Writer struct {
	lib        *Library
	f          *fpdf.Fpdf
	registered map[*face]bool
	shaper     shaping.HarfbuzzShaper
	para       bidi.Paragraph
	seg        segmenter.Segmenter
	// laid caches set lines and words: wrapping measures every word and
	// shaping is the slow part, while words and lines repeat in a report.
	laid map[laidKey][]piece
}

type laidKey struct {
	text string
	bold bool
}

// maxLaid bounds the cache of one document.
const maxLaid = 8192

// set is layout through the cache.
func (w *Writer) set(rs []rune, bold bool) []piece {
	k := laidKey{string(rs), bold}
	if ps, ok := w.laid[k]; ok {
		return ps
	}
	ps := w.layout(rs, bold, firstStrongRTL(rs))
	if len(w.laid) >= maxLaid {
		clear(w.laid)
	}
	w.laid[k] = ps
	return ps
}

// rlm is the right-to-left mark.
const rlm = "\u200F"

// Family is the fpdf font family of the primary font; SetFont it with
// style "" or "B".
const Family = "DejaVuSans"

// NewWriter registers the primary fonts on f.
func (l *Library) NewWriter(f *fpdf.Fpdf) *Writer {
	w := &Writer{lib: l, f: f, registered: map[*face]bool{}, laid: map[laidKey][]piece{}}
	w.register(l.regular)
	w.register(l.bold)
	return w
}

func (w *Writer) register(fc *face) {
	if !w.registered[fc] {
		w.f.AddUTF8FontFromBytes(fc.family, fc.style, fc.data)
		w.registered[fc] = true
	}
}

// Clean is the library's Clean.
func (w *Writer) Clean(s string) string { return w.lib.Clean(s) }

func (w *Writer) bold() bool { return strings.Contains(w.f.GetFontStyle(), "B") }

// unit converts thousandths of an em into the document's unit.
func (w *Writer) unit() float64 {
	_, size := w.f.GetFontSize()
	return size / 1000
}

// Width is the width of one line of cleaned text in the current font.
func (w *Writer) Width(s string) float64 {
	if w.lib.Simple(s) {
		return w.f.GetStringWidth(s)
	}
	return w.width([]rune(s))
}

func (w *Writer) width(rs []rune) float64 {
	total := 0.0
	for _, p := range w.set(rs, w.bold()) {
		total += p.width
	}
	return total * w.unit()
}

// Lines cleans s and wraps it to width in the current font; blank lines
// of s are kept. Lines break at spaces and wherever Unicode allows
// (between ideographs, say); a word longer than a line breaks between
// its characters.
func (w *Writer) Lines(s string, width float64) []string {
	var out []string
	for _, para := range SplitLines(w.lib.Clean(s)) {
		switch {
		case para == "":
			out = append(out, "")
		case w.lib.Simple(para):
			out = append(out, w.f.SplitText(para, width)...)
		default:
			out = append(out, w.wrap([]rune(para), width)...)
		}
	}
	return out
}

// wrap breaks one paragraph at its line-break opportunities, greedily.
func (w *Writer) wrap(para []rune, width float64) []string {
	w.seg.Init(para)
	rtl := firstStrongRTL(para)
	var out []string
	var line []rune
	lineW := 0.0
	flush := func() {
		s := strings.TrimRight(string(line), " ")
		if rtl && !firstStrongRTL(line) {
			// A line of a right-to-left paragraph that starts with a
			// left-to-right word still runs right to left.
			s = rlm + s
		}
		out = append(out, s)
		line, lineW = nil, 0
	}
	for it := w.seg.LineIterator(); it.Next(); {
		word := it.Line().Text
		ww := w.width(trimSpace(word))
		if len(line) > 0 && lineW+ww > width {
			flush()
		}
		if ww > width { // too long for any line: break between characters
			for _, g := range w.graphemes(word) {
				gw := w.width(g)
				if len(line) > 0 && lineW+gw > width {
					flush()
				}
				line = append(line, g...)
				lineW += gw
			}
			continue
		}
		line = append(line, word...)
		lineW += w.width(word)
	}
	if len(line) > 0 {
		flush()
	}
	return out
}

func (w *Writer) graphemes(rs []rune) [][]rune {
	var seg segmenter.Segmenter
	seg.Init(rs)
	var out [][]rune
	for it := seg.GraphemeIterator(); it.Next(); {
		out = append(out, it.Grapheme().Text)
	}
	return out
}

func trimSpace(rs []rune) []rune {
	for len(rs) > 0 && rs[len(rs)-1] == ' ' {
		rs = rs[:len(rs)-1]
	}
	return rs
}

// Fit cleans s and shortens it with an ellipsis to fit width on one line.
func (w *Writer) Fit(s string, width float64) string {
	s = w.lib.Clean(s)
	if w.Width(s) <= width {
		return s
	}
	var units []string // what may be cut off: characters, or graphemes
	if w.lib.Simple(s) {
		for _, r := range s {
			units = append(units, string(r))
		}
	} else {
		for _, g := range w.graphemes([]rune(s)) {
			units = append(units, string(g))
		}
	}
	lo, hi := 0, len(units)
	for lo < hi { // longest prefix that fits with the ellipsis
		mid := (lo + hi + 1) / 2
		if w.Width(strings.Join(units[:mid], "")+"…") <= width {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return strings.Join(units[:lo], "") + "…"
}

// Cell draws one line of cleaned text like fpdf's CellFormat without
// border or fill: in a cell width wide and h high at the current
// position, aligned "L", "C" or "R", then moving like CellFormat's ln
// (0 right, 1 to the next line, 2 below).
func (w *Writer) Cell(width, h float64, s, align string, ln int) {
	f := w.f
	if w.lib.Simple(s) {
		f.CellFormat(width, h, s, "", ln, align, false, 0, "")
		return
	}
	x0, y0 := f.GetX(), f.GetY()
	rs := []rune(s)
	pieces := w.set(rs, w.bold())
	unit := w.unit()
	total := 0.0
	for _, p := range pieces {
		total += p.width * unit
	}
	x := x0 + f.GetCellMargin()
	switch {
	case strings.Contains(align, "R"):
		x = x0 + width - f.GetCellMargin() - total
	case strings.Contains(align, "C"):
		x = x0 + (width-total)/2
	}
	sizePt, sizeUnit := f.GetFontSize()
	style := f.GetFontStyle()
	y := y0 + 0.5*h + 0.3*sizeUnit
	for _, p := range pieces {
		w.register(p.f)
		f.SetFont(p.f.family, p.f.style, sizePt)
		if p.actual != "" {
			f.RawWriteStr("/Span <</ActualText " + pdfText(p.actual) + ">> BDC")
		}
		if p.pos == nil {
			f.Text(x, y, string(p.codes))
			x += p.width * unit
		} else {
			x = w.drawPlaced(p, x, y, unit)
		}
		if p.actual != "" {
			f.RawWriteStr("EMC")
		}
	}
	f.SetFont(Family, style, sizePt)
	switch ln {
	case 1:
		f.SetXY(f.GetX(), y0+h)
		f.SetX(leftMargin(f))
	case 2:
		f.SetXY(x0, y0+h)
	default:
		f.SetXY(x0+width, y0)
	}
}

// drawPlaced draws shaped glyphs where the shaper put them, from x on
// baseline y, and returns the x after them. Glyphs that simply follow
// each other go out as one string (fpdf spaces them the same); a glyph
// with an offset goes out alone.
func (w *Writer) drawPlaced(p piece, x, y, unit float64) float64 {
	var run []rune
	startX := x
	flush := func() {
		if len(run) > 0 {
			w.f.Text(startX, y, string(run))
			run = run[:0]
		}
	}
	for i, c := range p.codes {
		pos := p.pos[i]
		if pos[0] != 0 || pos[1] != 0 {
			flush()
			w.f.Text(x+pos[0]*unit, y-pos[1]*unit, string(c))
		} else {
			if len(run) == 0 {
				startX = x
			}
			run = append(run, c)
			if g := p.f.glyph(c); g == 0 || pos[2] != p.f.advance(g) {
				flush() // the next glyph does not start where fpdf would put it
			}
		}
		x += pos[2] * unit
	}
	flush()
	return x
}

func leftMargin(f *fpdf.Fpdf) float64 {
	l, _, _, _ := f.GetMargins()
	return l
}

// pdfText writes s as a PDF text string in UTF-16 (hex).
func pdfText(s string) string {
	var b strings.Builder
	b.WriteString("<FEFF")
	for _, u := range utf16.Encode([]rune(s)) {
		fmt.Fprintf(&b, "%04X", u)
	}
	b.WriteString(">")
	return b.String()
}

// SplitLines splits text into its lines on \n (and \r\n).
func SplitLines(s string) []string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimSuffix(l, "\r")
	}
	return lines
}
