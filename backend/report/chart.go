package report

import (
	"fmt"
	"math"
	"strconv"
)

// mapPoint is one assumption on the importance × evidence map.
type mapPoint struct {
	num                  int
	importance, evidence int // 1-5
	verdict              string
	label                string
}

// riskMap draws the importance × evidence map: evidence on x (weak to
// strong), importance on y (low to high), the riskiest quadrant (important,
// little evidence) shaded, each assumption a numbered dot in its verdict's
// colour, and a legend.
func (d *doc) riskMap(points []mapPoint) {
	const (
		side   = 78.0 // plot size
		axisW  = 12.0 // room for the y labels
		legend = 6.0  // gap before the legend
	)
	f := d.f
	besideLegend := len(points) <= 16
	d.ensure(side + 22)
	x0 := marginSide + axisW
	y0 := f.GetY() + 2
	cell := side / 5
	// value v (1-5) sits at the centre of its cell
	px := func(ev float64) float64 { return x0 + (ev-0.5)*cell }
	py := func(imp float64) float64 { return y0 + side - (imp-0.5)*cell }

	// Riskiest quadrant: importance above 3, evidence below 3.
	f.SetFillColor(riskFill.r, riskFill.g, riskFill.b)
	f.Rect(x0, y0, 2.5*cell, 2.5*cell, "F")
	f.SetDrawColor(ruleColor.r, ruleColor.g, ruleColor.b)
	f.SetLineWidth(0.15)
	for i := 0; i <= 5; i++ {
		f.Line(x0+float64(i)*cell, y0, x0+float64(i)*cell, y0+side)
		f.Line(x0, y0+float64(i)*cell, x0+side, y0+float64(i)*cell)
	}
	f.SetDrawColor(mutedColor.r, mutedColor.g, mutedColor.b)
	f.SetLineWidth(0.35)
	f.Line(x0, y0, x0, y0+side)
	f.Line(x0, y0+side, x0+side, y0+side)
	f.SetLineWidth(0.25)
	f.SetDashPattern([]float64{1, 1}, 0)
	f.Line(x0+2.5*cell, y0, x0+2.5*cell, y0+side)
	f.Line(x0, y0+2.5*cell, x0+side, y0+2.5*cell)
	f.SetDashPattern(nil, 0)

	d.font("B", 7, verdictInk["invalidated"])
	f.SetXY(x0+1, y0+1)
	f.CellFormat(2.5*cell-2, 3.5, "Riskiest: test first", "", 0, "L", false, 0, "")
	d.font("", 6.5, mutedColor)
	f.SetXY(x0+2.5*cell+1, y0+1)
	f.CellFormat(2.5*cell-2, 3.5, "Important, well evidenced", "", 0, "R", false, 0, "")
	f.SetXY(x0+1, y0+side-4.5)
	f.CellFormat(2.5*cell-2, 3.5, "Less important, little evidence", "", 0, "L", false, 0, "")
	f.SetXY(x0+2.5*cell+1, y0+side-4.5)
	f.CellFormat(2.5*cell-2, 3.5, "Less important, known", "", 0, "R", false, 0, "")

	// Axis ticks and titles.
	d.font("", 7, mutedColor)
	for v := 1; v <= 5; v++ {
		f.SetXY(px(float64(v))-3, y0+side+0.8)
		f.CellFormat(6, 3.5, strconv.Itoa(v), "", 0, "C", false, 0, "")
		f.SetXY(x0-5, py(float64(v))-1.75)
		f.CellFormat(4, 3.5, strconv.Itoa(v), "", 0, "R", false, 0, "")
	}
	d.font("B", 7.5, inkColor)
	f.SetXY(x0, y0+side+4.5)
	f.CellFormat(side, 4, "Evidence  →  (weak to strong)", "", 0, "C", false, 0, "")
	label := "Importance  →  (low to high)"
	lx, ly := marginSide+3, y0+side/2+f.GetStringWidth(label)/2
	f.TransformBegin()
	f.TransformRotate(90, lx, ly)
	f.Text(lx, ly, label)
	f.TransformEnd()

	// Dots: several in one cell share it in a small grid.
	byCell := map[[2]int][]mapPoint{}
	var order [][2]int
	for _, p := range points {
		k := [2]int{clamp(p.evidence), clamp(p.importance)}
		if len(byCell[k]) == 0 {
			order = append(order, k)
		}
		byCell[k] = append(byCell[k], p)
	}
	for _, k := range order {
		ps := byCell[k]
		cols := int(math.Ceil(math.Sqrt(float64(len(ps)))))
		step := math.Min(5.6, (cell-2)/float64(cols))
		r := math.Min(2.5, step/2-0.15)
		cx, cy := px(float64(k[0])), py(float64(k[1]))
		for i, p := range ps {
			dx := (float64(i%cols) - float64(cols-1)/2) * step
			dy := (float64(i/cols) - float64((len(ps)-1)/cols)/2) * step
			c := verdictInk[p.verdict]
			f.SetFillColor(c.r, c.g, c.b)
			f.SetDrawColor(255, 255, 255)
			f.SetLineWidth(0.3)
			f.Circle(cx+dx, cy+dy, r, "FD")
			size := math.Min(7, r*2.9)
			if p.num >= 10 {
				size = math.Min(6, r*2.4)
			}
			d.font("B", size, rgb{255, 255, 255})
			f.SetXY(cx+dx-r, cy+dy-r)
			f.CellFormat(2*r, 2*r, strconv.Itoa(p.num), "", 0, "CM", false, 0, "")
		}
	}
	bottomY := y0 + side + 10

	// Legend: beside the plot when short, else below it in two columns.
	keyItems := []string{"validated", "invalidated", "needs_research", ""}
	if besideLegend {
		lx := x0 + side + legend
		lw := marginSide + d.w - lx
		y := y0
		d.verdictKey(lx, y, keyItems)
		y += 8
		for _, p := range points {
			d.font("B", 7.5, verdictInk[p.verdict])
			f.SetXY(lx, y)
			f.CellFormat(6, 3.8, strconv.Itoa(p.num), "", 0, "L", false, 0, "")
			d.font("", 7.5, inkColor)
			ls := d.lines(p.label, lw-6)
			for i, l := range ls[:min(len(ls), 3)] {
				if i == 2 && len(ls) > 3 {
					l = d.fit(l+" …", lw-6)
				}
				f.SetXY(lx+6, y)
				d.cell(lw-6, 3.4, l, "L", 0)
				y += 3.4
			}
			y += 1.2
		}
		f.SetXY(marginSide, math.Max(bottomY, y)+2)
		return
	}
	f.SetXY(marginSide, bottomY)
	d.verdictKey(x0, bottomY, keyItems)
	f.SetXY(marginSide, bottomY+7)
	colW := d.w / 2
	for i := 0; i < len(points); i += 2 {
		d.ensure(4)
		y := f.GetY()
		for j := 0; j < 2 && i+j < len(points); j++ {
			p := points[i+j]
			x := marginSide + float64(j)*colW
			d.font("B", 7.5, verdictInk[p.verdict])
			f.SetXY(x, y)
			f.CellFormat(7, 3.8, strconv.Itoa(p.num), "", 0, "L", false, 0, "")
			d.font("", 7.5, inkColor)
			d.cell(colW-9, 3.8, d.fit(p.label, colW-9), "L", 0)
		}
		f.SetXY(marginSide, y+3.9)
	}
	f.Ln(2)
}

// verdictKey draws the verdict colours as a one-line key at (x, y).
func (d *doc) verdictKey(x, y float64, verdicts []string) {
	f := d.f
	d.font("", 7, mutedColor)
	for _, v := range verdicts {
		c := verdictInk[v]
		f.SetFillColor(c.r, c.g, c.b)
		f.Circle(x+1.3, y+1.9, 1.3, "F")
		label := verdictLabel(v)
		w := f.GetStringWidth(label)
		f.SetXY(x+3.5, y)
		f.CellFormat(w, 3.8, label, "", 0, "L", false, 0, "")
		x += w + 7
	}
}

func clamp(v int) int { return min(5, max(1, v)) }

// bar is one bar of a horizontal bar chart.
type bar struct {
	label  string
	value  float64
	text   string  // printed after the bar
	target float64 // drawn as a tick; < 0 = none
	color  rgb
}

// bars draws a horizontal bar chart scaled to top (the largest value when
// top is 0).
func (d *doc) bars(bs []bar, top float64) {
	const labelW, textW, barH, gap = 46.0, 30.0, 4.6, 2.0
	f := d.f
	for _, b := range bs {
		top = math.Max(top, math.Max(b.value, b.target))
	}
	if top <= 0 {
		top = 1
	}
	area := d.w - labelW - textW
	d.ensure(float64(len(bs))*(barH+gap) + 4)
	hasTarget := false
	for _, b := range bs {
		d.ensure(barH + gap)
		y := f.GetY()
		d.font("", 8.5, inkColor)
		f.SetXY(marginSide, y)
		d.cell(labelW-2, barH, d.fit(b.label, labelW-3), "L", 0)
		f.SetFillColor(zebraColor.r, zebraColor.g, zebraColor.b)
		f.Rect(marginSide+labelW, y, area, barH, "F")
		if w := area * b.value / top; w > 0 {
			f.SetFillColor(b.color.r, b.color.g, b.color.b)
			f.Rect(marginSide+labelW, y, w, barH, "F")
		}
		if b.target >= 0 {
			hasTarget = true
			tx := marginSide + labelW + area*b.target/top
			f.SetDrawColor(inkColor.r, inkColor.g, inkColor.b)
			f.SetLineWidth(0.6)
			f.Line(tx, y-0.8, tx, y+barH+0.8)
		}
		d.font("", 8, mutedColor)
		f.SetXY(marginSide+labelW+area+2, y)
		d.cell(textW-2, barH, d.fit(b.text, textW-2), "L", 0)
		f.SetXY(marginSide, y+barH+gap)
	}
	if hasTarget {
		d.font("", 7, mutedColor)
		f.SetX(marginSide + labelW)
		f.CellFormat(area, 3.5, "Bars run from 0 to "+pct(top)+"; │ marks the target share", "", 1, "L", false, 0, "")
	}
	f.Ln(2)
}

// pct formats a share 0..1 as a whole percentage.
func pct(v float64) string { return fmt.Sprintf("%.0f%%", v*100) }
