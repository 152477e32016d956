package report

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"

	"soundingboard/backend/session"
)

// demoSessionOf is the sample session of a format.
func (f *fx) demoSessionOf(format string) session.SessionItem {
	f.t.Helper()
	items, err := f.session.Plans.ListSessions()
	f.must(err)
	for _, it := range items {
		if it.Format == format && it.Status == "finished" {
			return it
		}
	}
	f.t.Fatalf("no finished %s session in the sample board", format)
	return session.SessionItem{}
}

// Each workshop format's results print in the PDF, the Markdown and the
// CSV, ranked as the activity's results rank them: the pain point with
// the most dots first, ideas by dots, task success per variant, ratings.
func TestActivityResultsInEveryFormat(t *testing.T) {
	f := newFx(t)
	f.demo()
	for _, c := range []struct {
		format string
		wants  []string // in this order in the PDF text and the Markdown
	}{
		{"problem_mapping", []string{"Agenda", "Walk the journey", "Pain points by stage",
			"Price lists arrive as PDFs I retype by hand", "Cut-off times differ per supplier",
			"Ratings (1–5)", "How much time does keeping prices current cost",
			"Answers", "Read my suppliers' PDFs for me."}},
		{"ideation_sprint", []string{"Ideas, most votes first", "Show the money a report saved last month",
			"A free monthly summary with one locked chart", "Suggest smaller orders when stock sits too long"}},
		{"prototype_testing", []string{"Task success per variant", "Upload a file", "Add your first price list",
			"Preferred variant", "Photo of a paper list", "Observations", "merged cells", "Ratings (1–7)"}},
	} {
		it := f.demoSessionOf(c.format)
		pdf, err := f.r.Render(KindSession, it.ID, "pdf")
		f.must(err)
		text := strings.Join(strings.Fields(pdfText(t, pdf.Data)), " ")
		md, err := f.r.Render(KindSession, it.ID, "md")
		f.must(err)
		for _, w := range c.wants {
			w = strings.Join(strings.Fields(w), " ")
			if !strings.Contains(text, w) {
				t.Errorf("%s pdf: %q missing", c.format, w)
			}
			if !strings.Contains(string(md.Data), mdEscape(w)) && !strings.Contains(string(md.Data), w) {
				t.Errorf("%s markdown: %q missing", c.format, w)
			}
		}
		inOrder(t, text, c.wants[len(c.wants)-2:]...)
		cs, err := f.r.Render(KindSession, it.ID, "csv")
		f.must(err)
		rows, err := csv.NewReader(bytes.NewReader(cs.Data)).ReadAll()
		f.must(err)
		cells := map[string]bool{}
		for _, r := range rows[1:] {
			if len(r) != len(csvHeader) {
				t.Fatalf("%s csv: row of %d cells, header of %d", c.format, len(r), len(csvHeader))
			}
			for _, v := range r {
				cells[v] = true
			}
		}
		for _, w := range c.wants[1:] {
			if strings.HasPrefix(w, "Ratings") || w == "Answers" || strings.HasSuffix(w, "first") || w == "Preferred variant" ||
				w == "Task success per variant" || w == "Observations" || w == "Pain points by stage" || w == "merged cells" ||
				w == "Walk the journey" || w == "Cut-off times differ per supplier" || strings.HasPrefix(w, "How much time") {
				continue // table titles and parts of cells
			}
			if !cells[w] {
				t.Errorf("%s csv: no cell %q", c.format, w)
			}
		}
	}
}

// The journey's top pain point carries its dots and severity in the CSV,
// and a participant without a quoting consent is never named in it.
func TestActivityCSVFigures(t *testing.T) {
	f := newFx(t)
	f.demo()
	it := f.demoSessionOf("problem_mapping")
	cs, err := f.r.Render(KindSession, it.ID, "csv")
	f.must(err)
	rows, err := csv.NewReader(bytes.NewReader(cs.Data)).ReadAll()
	f.must(err)
	col := map[string]int{}
	for i, h := range rows[0] {
		col[h] = i
	}
	var top []string
	for _, r := range rows[1:] {
		if r[col["part"]] == "Pain points by stage" {
			top = r
			break
		}
	}
	if top == nil {
		t.Fatal("no pain point rows")
	}
	if top[col["dots"]] != "4" || top[col["severity"]] != "high" || top[col["item"]] == "" || top[col["from"]] == "" {
		t.Errorf("top pain point row: %v", top)
	}
}
