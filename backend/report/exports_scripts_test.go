package report

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"golang.org/x/net/html"

	"soundingboard/backend/scripttest"
	"soundingboard/backend/session"
)

// TestMarkdownAndCSVKeepEveryScript renders the session and ledger
// exports of a session whose participants, quotes, verdicts and title are
// in every script. The CSV cells parse back to the exact text, and the
// Markdown, read by a CommonMark parser, shows the exact text: escaping
// never eats into a character.
func TestMarkdownAndCSVKeepEveryScript(t *testing.T) {
	f := newFx(t)
	mixed := scripttest.Samples[len(scripttest.Samples)-1]
	var members []int64
	for _, s := range scripttest.Samples {
		members = append(members, f.member(s.Name, "Segment "+s.Script, true))
	}
	id, as := f.sessionWith(mixed.Text, len(scripttest.Samples), members)
	for i, s := range scripttest.Samples {
		_, err := f.session.Runs.SaveQuote(session.QuoteInput{SessionID: id, AssumptionID: as[i], MemberID: members[i], Text: s.Text})
		f.must(err)
		_, err = f.session.Runs.SetVerdict(session.VerdictInput{SessionID: id, AssumptionID: as[i], Verdict: session.VerdictKinds[i%3],
			Confidence: 3, Rationale: s.Name + " — " + s.Text})
		f.must(err)
	}

	for _, kind := range []string{KindSession, KindAssumptions} {
		ref := id
		if kind == KindAssumptions {
			ref = 0
		}
		md, err := f.r.Render(kind, ref, "md")
		f.must(err)
		shown := markdownText(t, md.Data)
		c, err := f.r.Render(kind, ref, "csv")
		f.must(err)
		rows, err := csv.NewReader(bytes.NewReader(c.Data)).ReadAll()
		f.must(err)
		cells := map[string]bool{}
		for _, row := range rows {
			for _, cell := range row {
				for line := range strings.SplitSeq(cell, "\n") {
					cells[line] = true
				}
			}
		}
		for _, s := range scripttest.Samples {
			rationale := s.Name + " — " + s.Text
			if !strings.Contains(shown, rationale) {
				t.Errorf("%s markdown: %q not shown; it reads\n%s", kind, rationale, shown)
			}
			if !cells[rationale] {
				t.Errorf("%s csv: no cell %q", kind, rationale)
			}
			if kind == KindSession {
				by := s.Name + ", Segment " + s.Script // quotes name the segment
				quote := "“" + s.Text + "” — " + by
				if !strings.Contains(shown, s.Text) || !strings.Contains(shown, "— "+by) || !cells[quote] {
					t.Errorf("%s: quote %q missing (markdown shows it: %v, csv cell: %v)", s.Script, quote,
						strings.Contains(shown, s.Text), cells[quote])
				}
			}
		}
		if kind == KindSession && !strings.Contains(shown, mixed.Text) {
			t.Errorf("session title %q not shown", mixed.Text)
		}
	}
}

// markdownText renders Markdown with goldmark and returns the text a
// reader sees: the HTML's text nodes, entities decoded, one per line.
func markdownText(t *testing.T, md []byte) string {
	t.Helper()
	var out bytes.Buffer
	if err := goldmark.Convert(md, &out); err != nil {
		t.Fatalf("goldmark: %v", err)
	}
	var text strings.Builder
	z := html.NewTokenizer(&out)
	for {
		switch z.Next() {
		case html.ErrorToken:
			return text.String()
		case html.TextToken:
			text.Write(z.Text())
		case html.StartTagToken, html.EndTagToken:
			if name, _ := z.TagName(); string(name) == "p" || string(name) == "li" || string(name) == "td" || string(name) == "br" {
				text.WriteString("\n")
			}
		}
	}
}
