package report

import (
	"context"
	"fmt"
	"html/template"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"soundingboard/backend/session"
	"soundingboard/backend/store"
)

// benchSession builds a finished session with 50 assumptions, 6
// participants and 1,000 quotes (quotes inserted with SQL for speed).
func benchSession(b *testing.B) (*fx, int64) {
	names := make([]string, 6)
	for i := range names {
		names[i] = fmt.Sprintf("Member %d", i+1)
	}
	return benchSessionOf(b, names, func(i int) string {
		return fmt.Sprintf("Quote %d: we reorder on Mondays, and when the supplier is late we call around for stock; a reminder would help only if it knows our usual order.", i)
	})
}

// benchSessionOf is benchSession with these participants (every other
// one consenting to be quoted by name) and quote texts.
func benchSessionOf(b *testing.B, names []string, quote func(i int) string) (*fx, int64) {
	f := newFx(b)
	var members []int64
	for i, n := range names {
		members = append(members, f.member(n, []string{"Retail", "Wholesale", "Cafés"}[i%3], i%2 == 0))
	}
	id, as := f.sessionWith("Benchmark session", 50, members)
	stamp := time.Now().UTC().Format(time.RFC3339)
	tx := f.db.MustBegin()
	first, err := store.NewIDs(context.Background(), tx, 1000) // the quotes' ids
	f.must(err)
	for i := range 1000 {
		tx.MustExec(`INSERT INTO entries (id, session_id, activity_id, item_id, member_id, kind, text, created_at, updated_at)
			SELECT ?, session_id, activity_id, item_id, ?, 'quote', ?, ?, ? FROM assumption_items WHERE session_id = ? AND assumption_id = ?`,
			first+int64(i), members[i%len(members)], quote(i), stamp, stamp, id, as[i%50])
	}
	for i, a := range as {
		tx.MustExec(`INSERT INTO verdicts (session_id, assumption_id, verdict, rationale, confidence, decided_at) VALUES (?, ?, ?, ?, ?, ?)`,
			id, a, session.VerdictKinds[i%3], "Most participants described the same weekly routine; two did not.", 1+i%5, stamp)
	}
	f.must(tx.Commit())
	return f, id
}

// BenchmarkSessionReportScripts times the same session report with its
// 1,000 quotes and its participants' names in one script each (the
// KB metric shows the PDF size each script adds), and in all of them.
func BenchmarkSessionReportScripts(b *testing.B) {
	latin := []string{"Member 1", "Member 2"}
	for _, c := range append(scriptCases, struct {
		script, name, quote       string
		printedName, printedQuote string
		wordsOnly                 bool
	}{script: "all"}) {
		names := []string{c.name, latin[0], c.name + " 2", latin[1]}
		quotes := []string{c.quote + " " + c.quote, "We reorder on Mondays, and call around for stock when the supplier is late."}
		if c.script == "all" {
			names, quotes = nil, nil
			for _, sc := range scriptCases {
				names, quotes = append(names, sc.name), append(quotes, sc.quote+" "+sc.quote)
			}
		}
		f, id := benchSessionOf(b, names, func(i int) string { return quotes[i%len(quotes)] })
		b.Run(c.script, func(b *testing.B) {
			var size int
			for b.Loop() {
				file, err := f.r.Render(KindSession, id, "pdf")
				if err != nil {
					b.Fatal(err)
				}
				size = file.Size
			}
			b.ReportMetric(float64(size)/1024, "KB")
		})
	}
}

// BenchmarkSessionReport times the session report PDF (target < 300 ms)
// and, in the same run, the same content as HTML printed by headless
// Chromium, the alternative a user might reach for.
func BenchmarkSessionReport(b *testing.B) {
	f, id := benchSession(b)
	var fpdfPer time.Duration
	b.Run("fpdf", func(b *testing.B) {
		b.ReportAllocs()
		var size int
		start := time.Now()
		for b.Loop() {
			file, err := f.r.Render(KindSession, id, "pdf")
			if err != nil {
				b.Fatal(err)
			}
			size = file.Size
		}
		fpdfPer = time.Since(start) / time.Duration(b.N)
		b.ReportMetric(float64(size)/1024, "KB")
	})
	b.Run("chromium", func(b *testing.B) {
		chromium := "/usr/bin/chromium"
		if _, err := os.Stat(chromium); err != nil {
			b.Skip("chromium not installed")
		}
		m, err := f.r.loadSession(id)
		if err != nil {
			b.Fatal(err)
		}
		dir := b.TempDir()
		page := filepath.Join(dir, "report.html")
		out, err := os.Create(page)
		if err != nil {
			b.Fatal(err)
		}
		if err := sessionHTML(out, m); err != nil {
			b.Fatal(err)
		}
		out.Close()
		pdf := filepath.Join(dir, "out.pdf")
		start := time.Now()
		for b.Loop() {
			// html/template escaping + Chromium start, layout and print.
			cmd := exec.Command(chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
				"--no-first-run", "--no-pdf-header-footer", "--user-data-dir="+filepath.Join(dir, "profile"),
				"--print-to-pdf="+pdf, "file://"+page)
			if msg, err := cmd.CombinedOutput(); err != nil {
				b.Fatalf("chromium: %v\n%s", err, msg)
			}
		}
		per := time.Since(start) / time.Duration(b.N)
		if st, err := os.Stat(pdf); err == nil {
			b.ReportMetric(float64(st.Size())/1024, "KB")
		}
		if fpdfPer > 0 {
			b.ReportMetric(float64(per)/float64(fpdfPer), "x_fpdf_time")
		}
	})
}

// sessionHTML writes the session report as one HTML page with the same
// content as the PDF, for the Chromium comparison.
func sessionHTML(w io.Writer, m *sessionModel) error {
	type quote struct{ Text, By string }
	type item struct {
		N                     int
		Sentence, Verdict     string
		Confidence            int
		Tally, Rationale      string
		Needs                 []string
		Quotes                []quote
		X, Y                  float64
		Importance, Evidence_ int
	}
	data := struct {
		Title, Decision, When, Facilitator, Verdicts string
		Participants                                 [][3]string
		Items                                        []item
		Syn                                          session.Synthesis
		Loop                                         LoopStatus
	}{Title: m.run.Session.Title, Decision: m.dec.Decision.Title, When: m.when(), Facilitator: m.run.Session.Facilitator,
		Verdicts: m.verdictSummary(), Syn: m.syn, Loop: m.loop}
	for _, p := range m.run.Session.Participants {
		data.Participants = append(data.Participants, [3]string{segmentOr(p.Segment), m.who(p.MemberID), stateLabel(p.State)})
	}
	for i, it := range m.run.Items {
		x := item{N: i + 1, Sentence: it.Assumption.Sentence, Verdict: verdictLabel(verdictOf(it)), Tally: tallyText(it.Tally),
			X: float64(it.Assumption.Evidence)*40 - 20, Y: 220 - float64(it.Assumption.Importance)*40}
		if it.Verdict != nil {
			x.Confidence, x.Rationale = it.Verdict.Confidence, it.Verdict.Rationale
		}
		for _, n := range m.needsOf(it) {
			x.Needs = append(x.Needs, n[1]+" ("+n[0]+")")
		}
		for _, q := range it.Quotes {
			x.Quotes = append(x.Quotes, quote{q.Text, m.quoteBy(q)})
		}
		data.Items = append(data.Items, x)
	}
	return htmlReport.Execute(w, data)
}

var htmlReport = template.Must(template.New("r").Parse(`<!doctype html><html><head><meta charset="utf-8"><title>{{.Title}}</title>
<style>body{font-family:"DejaVu Sans",sans-serif;font-size:10pt;margin:18mm}table{border-collapse:collapse;width:100%}
th,td{text-align:left;padding:3px;border-bottom:1px solid #ddd}thead{display:table-header-group}tr{break-inside:avoid}
blockquote{border-left:3px solid #ccc;margin:4px 0 4px 8px;padding-left:8px}.by{color:#666;font-size:8pt}</style></head><body>
<h1>{{.Title}}</h1><p>Decision: {{.Decision}}<br>Date: {{.When}}<br>Facilitator: {{.Facilitator}}<br>Verdicts: {{.Verdicts}}</p>
<h2>At a glance</h2><table><thead><tr><th>#</th><th>Assumption</th><th>Verdict</th><th>Confidence</th><th>Stances</th></tr></thead><tbody>
{{range .Items}}<tr><td>{{.N}}</td><td>{{.Sentence}}</td><td>{{.Verdict}}</td><td>{{.Confidence}}/5</td><td>{{.Tally}}</td></tr>{{end}}</tbody></table>
<h2>Participants</h2><table><thead><tr><th>Segment</th><th>Participant</th><th>Took part</th></tr></thead><tbody>
{{range .Participants}}<tr><td>{{index . 0}}</td><td>{{index . 1}}</td><td>{{index . 2}}</td></tr>{{end}}</tbody></table>
<h2>Importance × evidence</h2><svg width="220" height="220"><rect x="0" y="0" width="100" height="100" fill="#fde8e4"/>
{{range .Items}}<circle cx="{{.X}}" cy="{{.Y}}" r="7" fill="#1e56a0"/><text x="{{.X}}" y="{{.Y}}" font-size="7" fill="#fff" text-anchor="middle">{{.N}}</text>{{end}}</svg>
<h2>Assumptions</h2>{{range .Items}}<h3>{{.N}}. {{.Sentence}}</h3><p><b>{{.Verdict}}</b> · confidence {{.Confidence}}/5<br>Stances: {{.Tally}}</p>
<p>{{.Rationale}}</p>{{if .Needs}}<ul>{{range .Needs}}<li>{{.}}</li>{{end}}</ul>{{end}}
{{range .Quotes}}<blockquote>“{{.Text}}”<div class="by">— {{.By}}</div></blockquote>{{end}}{{end}}
<h2>Synthesis</h2>{{range .Syn.Themes}}<p>{{.Name}}</p>{{end}}<ul>{{range .Syn.Opportunities}}<li>{{.HMW}}</li>{{end}}</ul>
<table><thead><tr><th>Action</th><th>Owner</th><th>Due</th></tr></thead><tbody>{{range .Syn.Actions}}<tr><td>{{.Title}}</td><td>{{.Owner}}</td><td>{{.DueOn}}</td></tr>{{end}}</tbody></table>
<h2>Follow-up</h2><p>{{.Loop.HeardBack}} of {{.Loop.Attended}} heard back.</p></body></html>`))
