package report

import "strings"

// column is one column of a table.
type column struct {
	title string
	width float64 // relative; the columns share the text width
	align string  // "L" (default), "R" or "C"
	bold  bool
	key   string // the session CSV column it fills (activities.go)
}

// table is a grid of wrapped text whose header row repeats on every page
// it spans. A row taller than the space left moves to the next page; a
// row taller than a whole page is split between pages.
type table struct {
	cols  []column
	rows  [][]string
	size  float64                 // font size; 8.5 when 0
	color func(row, col int) *rgb // text colour of a cell, nil = ink
}

const cellPadX, cellPadY = 1.6, 1.3

func (d *doc) table(t table) {
	if t.size == 0 {
		t.size = 8.5
	}
	f := d.f
	total := 0.0
	for _, c := range t.cols {
		total += c.width
	}
	ws := make([]float64, len(t.cols))
	for i, c := range t.cols {
		ws[i] = d.w * c.width / total
	}
	lh := lineHeight(t.size)

	// Header titles wrap at spaces, never inside a word: the header's font
	// shrinks until the longest word of every title fits its column.
	hs := t.size - 0.5
	for ; hs > minHeaderSize; hs -= 0.5 {
		d.font("B", hs, inkColor)
		if wordsFit(d, t.cols, ws) {
			break
		}
	}
	d.font("B", hs, inkColor)
	titles := make([][]string, len(t.cols))
	hl := 1
	for i, c := range t.cols {
		titles[i] = d.lines(c.title, ws[i]-2*cellPadX)
		hl = max(hl, len(titles[i]))
	}
	headerH := float64(hl)*lh + 2*cellPadY
	header := func() {
		d.font("B", hs, inkColor)
		y := f.GetY()
		f.SetFillColor(headerFill.r, headerFill.g, headerFill.b)
		f.Rect(marginSide, y, d.w, headerH, "F")
		x := marginSide
		for i, c := range t.cols {
			for li, l := range titles[i] {
				f.SetXY(x+cellPadX, y+cellPadY+float64(li)*lh)
				d.cell(ws[i]-2*cellPadX, lh, l, align(c.align), 0)
			}
			x += ws[i]
		}
		f.SetXY(marginSide, y+headerH)
	}

	auto, margin := f.GetAutoPageBreak()
	f.SetAutoPageBreak(false, margin) // rows place themselves
	defer f.SetAutoPageBreak(auto, margin)

	newPage := func() {
		f.AddPage()
		header()
	}
	// The header stays with the first row: all of it, or the first three
	// lines of a row taller than a page (the rows below place themselves
	// the same way).
	bodyH := d.bottom() - (marginTop + 6) - headerH
	first := 1
	if len(t.rows) > 0 {
		_, first = d.cells(t, t.rows[0], ws)
	}
	if need := float64(first)*lh + 2*cellPadY; need > bodyH {
		first = 3
	}
	d.ensure(headerH + float64(first)*lh + 2*cellPadY)
	header()
	for ri, row := range t.rows {
		cells, n := d.cells(t, row, ws)
		need := float64(n)*lh + 2*cellPadY
		if f.GetY()+need > d.bottom() && need <= bodyH {
			newPage()
		}
		for from := 0; from < n; {
			fit := int((d.bottom() - f.GetY() - 2*cellPadY) / lh)
			if fit < 1 || (fit < 3 && n-from > fit) {
				newPage()
				continue
			}
			to := min(n, from+fit)
			d.row(t, ri, ws, cells, from, to, lh)
			from = to
			if from < n {
				newPage()
			}
		}
	}
	f.Ln(2)
}

// minHeaderSize is the smallest font a table header shrinks to.
const minHeaderSize = 5.5

// wordsFit says whether every word of every column title fits its column
// in the current font.
func wordsFit(d *doc, cols []column, ws []float64) bool {
	for i, c := range cols {
		for _, w := range strings.Fields(d.t.Clean(c.title)) {
			if d.t.Width(w) > ws[i]-2*cellPadX {
				return false
			}
		}
	}
	return true
}

// cells wraps the cells of a row to their columns; n is its height in lines.
func (d *doc) cells(t table, row []string, ws []float64) (cells [][]string, n int) {
	cells = make([][]string, len(t.cols))
	n = 1
	for ci := range t.cols {
		style := ""
		if t.cols[ci].bold {
			style = "B"
		}
		d.font(style, t.size, inkColor)
		v := ""
		if ci < len(row) {
			v = row[ci]
		}
		cells[ci] = d.lines(v, ws[ci]-2*cellPadX)
		n = max(n, len(cells[ci]))
	}
	return cells, n
}

// row draws lines [from, to) of row ri.
func (d *doc) row(t table, ri int, ws []float64, cells [][]string, from, to int, lh float64) {
	f := d.f
	y := f.GetY()
	h := float64(to-from)*lh + 2*cellPadY
	if ri%2 == 1 {
		f.SetFillColor(zebraColor.r, zebraColor.g, zebraColor.b)
		f.Rect(marginSide, y, d.w, h, "F")
	}
	x := marginSide
	for ci, ls := range cells {
		style := ""
		if t.cols[ci].bold {
			style = "B"
		}
		c := inkColor
		if t.color != nil {
			if cc := t.color(ri, ci); cc != nil {
				c = *cc
			}
		}
		d.font(style, t.size, c)
		for li := from; li < to && li < len(ls); li++ {
			f.SetXY(x+cellPadX, y+cellPadY+float64(li-from)*lh)
			d.cell(ws[ci]-2*cellPadX, lh, ls[li], align(t.cols[ci].align), 0)
		}
		x += ws[ci]
	}
	f.SetDrawColor(ruleColor.r, ruleColor.g, ruleColor.b)
	f.SetLineWidth(0.2)
	f.Line(marginSide, y+h, marginSide+d.w, y+h)
	f.SetXY(marginSide, y+h)
}

func align(a string) string {
	if a == "" {
		return "L"
	}
	return a
}
