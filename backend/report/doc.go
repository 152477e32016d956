package report

import (
	"fmt"
	"io"
	"time"

	"codeberg.org/go-pdf/fpdf"

	"soundingboard/backend/report/typeset"
	"soundingboard/backend/wording"
)

// rgb is a colour.
type rgb struct{ r, g, b int }

// The report palette: quiet ink, one accent, and a colour per verdict that
// stays distinct when printed in greyscale (by lightness).
var (
	inkColor    = rgb{33, 37, 41}
	mutedColor  = rgb{100, 108, 118}
	ruleColor   = rgb{210, 214, 219}
	zebraColor  = rgb{246, 247, 249}
	headerFill  = rgb{232, 235, 239}
	accentColor = rgb{30, 86, 160}
	riskFill    = rgb{253, 232, 228}
	verdictInk  = map[string]rgb{
		"validated":      {22, 120, 60},
		"invalidated":    {190, 40, 40},
		"needs_research": {196, 120, 0},
		"":               {130, 136, 145},
	}
)

// Page geometry in millimetres (A4 portrait).
const (
	marginSide   = 18.0
	marginTop    = 18.0
	marginBottom = 18.0
	ptToMM       = 25.4 / 72
)

// lineHeight is a comfortable line height for a font size in points.
func lineHeight(size float64) float64 { return size * ptToMM * 1.38 }

// doc wraps one fpdf document with the house style: fonts, page header
// and footer ("Page N of M"), headings, paragraphs and tables that break
// cleanly across pages.
type doc struct {
	f     *fpdf.Fpdf
	t     *typeset.Writer // sets text of every script
	w     float64         // text width
	title string
	// pending is a section heading not drawn yet: it is drawn by the next
	// ensure, together with the first thing of its section, so it never
	// stands alone at the bottom of a page.
	pending string
}

// docMeta is what every page says about the report.
type docMeta struct {
	team, title, subject string
	now                  time.Time
	plain                bool // a letter: no running header, no "Page N of M" or "Generated" footer
}

func newDoc(fonts *typeset.Library, m docMeta) *doc {
	f := fpdf.New("P", "mm", "A4", "")
	d := &doc{f: f, t: fonts.NewWriter(f), title: m.title}
	pw, _ := f.GetPageSize()
	d.w = pw - 2*marginSide
	f.SetMargins(marginSide, marginTop+6, marginSide)
	f.SetAutoPageBreak(true, marginBottom)
	f.SetCellMargin(0)
	f.SetCompression(true)
	f.SetTitle(fonts.Metadata(m.title), true)
	f.SetSubject(fonts.Metadata(m.subject), true)
	f.SetAuthor(fonts.Metadata(m.team), true)
	f.SetCreator("Sounding Board", true)
	f.SetProducer("Sounding Board (fpdf)", true)
	f.SetCreationDate(m.now)
	f.SetModificationDate(m.now)
	f.SetLang("en")
	f.AliasNbPages("{nb}")
	running := m.title
	if m.team != "" {
		running = m.team + "  ·  " + running
	}
	stamp := "Generated " + m.now.Format("2 January 2006")
	if m.plain {
		f.AddPage()
		return d
	}
	f.SetHeaderFunc(func() {
		if f.PageNo() == 1 {
			return
		}
		d.font("", 7.5, mutedColor)
		f.SetXY(marginSide, marginTop-4)
		d.cell(d.w*0.75, 4, d.fit(running, d.w*0.75), "L", 0)
		f.CellFormat(d.w*0.25, 4, stamp, "", 0, "R", false, 0, "")
		d.rule(marginTop + 1)
		f.SetY(marginTop + 6)
	})
	f.SetFooterFunc(func() {
		_, ph := f.GetPageSize()
		y := ph - marginBottom + 6
		d.font("", 7.5, mutedColor)
		f.SetXY(marginSide, y)
		f.CellFormat(d.w/2, 4, "Sounding Board  ·  "+stamp, "", 0, "L", false, 0, "")
		f.CellFormat(d.w/2, 4, fmt.Sprintf("Page %d of {nb}", f.PageNo()), "", 0, "R", false, 0, "")
	})
	f.AddPage()
	return d
}

// output writes the finished PDF.
func (d *doc) output(w io.Writer) error {
	d.ensure(0) // a heading with nothing after it
	if err := d.f.Output(w); err != nil {
		return fmt.Errorf("write pdf: %w", err)
	}
	return nil
}

// pages is the number of pages so far.
func (d *doc) pages() int { return d.f.PageCount() }

func (d *doc) font(style string, size float64, c rgb) {
	d.f.SetFont(typeset.Family, style, size)
	d.f.SetTextColor(c.r, c.g, c.b)
}

// rule draws a thin full-width line at y.
func (d *doc) rule(y float64) {
	d.f.SetDrawColor(ruleColor.r, ruleColor.g, ruleColor.b)
	d.f.SetLineWidth(0.25)
	d.f.Line(marginSide, y, marginSide+d.w, y)
}

// bottom is the lowest y text may reach on a page.
func (d *doc) bottom() float64 {
	_, ph := d.f.GetPageSize()
	return ph - marginBottom
}

// ensure starts a new page unless h millimetres fit on this one. Every
// block calls it with the height of its first line or row before drawing,
// so a pending heading is drawn here: on this page if the heading and h
// fit, else on the next (keep with next).
func (d *doc) ensure(h float64) {
	if s := d.pending; s != "" {
		d.pending = ""
		d.space(headingSpace)
		if d.f.GetY()+headingH+h > d.bottom() {
			d.f.AddPage()
		}
		// The caller may have set its font already; the heading keeps it.
		family, style := d.f.GetFontFamily(), d.f.GetFontStyle()
		size, _ := d.f.GetFontSize()
		r, g, b := d.f.GetTextColor()
		d.drawHeading(s)
		d.f.SetFont(family, style, size)
		d.f.SetTextColor(r, g, b)
	}
	if d.f.GetY()+h > d.bottom() {
		d.f.AddPage()
	}
}

// space adds vertical space, or nothing at the top of a page.
func (d *doc) space(h float64) {
	if d.f.GetY() > marginTop+7 {
		d.f.Ln(h)
	}
}

// lines cleans s and wraps it to width w in the current font; blank lines
// of s are kept.
func (d *doc) lines(s string, w float64) []string { return d.t.Lines(s, w) }

// fit cleans s and shortens it with an ellipsis to fit width w on one line.
func (d *doc) fit(s string, w float64) string { return d.t.Fit(s, w) }

// cell draws one line of cleaned text (from lines or fit) in a cell w
// wide and h high, like fpdf's CellFormat without border or fill.
func (d *doc) cell(w, h float64, s, align string, ln int) { d.t.Cell(w, h, s, align, ln) }

// cover prints the first lines of a report: the team, the title, a
// subtitle and a few facts as label/value pairs.
func (d *doc) cover(team, title, subtitle string, facts [][2]string) {
	f := d.f
	f.SetY(marginTop)
	if team != "" {
		d.font("B", 9, accentColor)
		d.cell(d.w, 5, d.fit(team, d.w), "L", 1)
	}
	f.Ln(1)
	d.text(title, textStyle{size: 19, bold: true, color: inkColor})
	if subtitle != "" {
		f.Ln(0.5)
		d.text(subtitle, textStyle{size: 11, color: mutedColor})
	}
	f.Ln(3)
	d.facts(facts)
	f.Ln(1)
	d.rule(f.GetY())
	f.Ln(5)
}

// facts prints label/value pairs, one per line.
func (d *doc) facts(facts [][2]string) {
	const labelW = 34.0
	for _, kv := range facts {
		if kv[1] == "" {
			continue
		}
		d.font("", 9, inkColor)
		ls := d.lines(kv[1], d.w-labelW)
		lh := lineHeight(9)
		d.ensure(float64(len(ls)) * lh)
		y := d.f.GetY()
		d.font("B", 9, mutedColor)
		d.f.SetXY(marginSide, y)
		d.cell(labelW, lh, d.fit(kv[0], labelW-2), "L", 0)
		d.font("", 9, inkColor)
		for i, l := range ls {
			d.f.SetXY(marginSide+labelW, y+float64(i)*lh)
			d.cell(d.w-labelW, lh, l, "L", 0)
		}
		d.f.SetXY(marginSide, y+float64(len(ls))*lh)
	}
}

// The height of a section heading with its rule, and the space before it.
const headingH, headingSpace = 11.0, 5.0

// heading starts a section. It is drawn by the next ensure, with the first
// line or row of the section, so it never sits alone at the bottom of a
// page.
func (d *doc) heading(s string) {
	d.ensure(0) // an earlier heading with nothing in its section
	d.pending = s
}

// drawHeading draws a section heading (headingH high) at the current y.
func (d *doc) drawHeading(s string) {
	d.font("B", 13.5, inkColor)
	d.cell(d.w, 7, d.fit(s, d.w), "L", 1)
	y := d.f.GetY() + 0.5
	d.f.SetDrawColor(accentColor.r, accentColor.g, accentColor.b)
	d.f.SetLineWidth(0.5)
	d.f.Line(marginSide, y, marginSide+18, y)
	d.f.Ln(3.5)
}

// subheading titles a block within a section, kept with what follows.
func (d *doc) subheading(s string, keep float64) {
	d.space(2.5)
	d.font("B", 10.5, inkColor)
	ls := d.lines(s, d.w)
	lh := lineHeight(10.5)
	d.ensure(float64(len(ls))*lh + keep)
	for _, l := range ls {
		d.cell(d.w, lh, l, "L", 1)
	}
	d.f.Ln(0.8)
}

// textStyle is how text is set.
type textStyle struct {
	size   float64
	bold   bool
	color  rgb
	indent float64 // from the left margin
}

// text prints a wrapped paragraph; it breaks across pages as needed.
func (d *doc) text(s string, st textStyle) {
	if st.size == 0 {
		st.size = 9.5
	}
	style := ""
	if st.bold {
		style = "B"
	}
	d.font(style, st.size, st.color)
	lh := lineHeight(st.size)
	w := d.w - st.indent
	ls := d.lines(s, w)
	d.ensure(min(float64(len(ls)), 2) * lh)
	for _, l := range ls {
		d.f.SetX(marginSide + st.indent)
		d.cell(w, lh, l, "L", 1)
	}
}

// quote prints a verbatim quote, indented, with its attribution.
func (d *doc) quote(s, by string) {
	const indent = 6.0
	d.font("", 9, inkColor)
	lh := lineHeight(9)
	ls := d.lines(wording.Quote(s), d.w-indent)
	d.ensure(min(float64(len(ls)), 3)*lh + lh)
	for _, l := range ls {
		if d.f.GetY()+lh > d.bottom() {
			d.f.AddPage()
		}
		y := d.f.GetY()
		d.f.SetFillColor(ruleColor.r, ruleColor.g, ruleColor.b)
		d.f.Rect(marginSide+1.5, y, 0.9, lh, "F")
		d.f.SetX(marginSide + indent)
		d.cell(d.w-indent, lh, l, "L", 1)
	}
	if by != "" {
		d.text("— "+by, textStyle{size: 8, color: mutedColor, indent: indent})
	}
	d.f.Ln(1.2)
}

// bullets prints a list.
func (d *doc) bullets(items []string, st textStyle) {
	if st.size == 0 {
		st.size = 9.5
	}
	for _, it := range items {
		d.font("", st.size, st.color)
		lh := lineHeight(st.size)
		ls := d.lines(it, d.w-st.indent-4)
		d.ensure(min(float64(len(ls)), 2) * lh)
		for i, l := range ls {
			if d.f.GetY()+lh > d.bottom() {
				d.f.AddPage()
			}
			d.f.SetX(marginSide + st.indent)
			mark := ""
			if i == 0 {
				mark = "•"
			}
			d.f.CellFormat(4, lh, mark, "", 0, "L", false, 0, "")
			d.cell(d.w-st.indent-4, lh, l, "L", 1)
		}
	}
}
