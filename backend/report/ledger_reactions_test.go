package report

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"

	"soundingboard/backend/activity"
	"soundingboard/backend/session"
)

// The ledger's PDF, Markdown and CSV show the reactions noted on each
// assumption of the sample board, zero counts left out, and nothing for an
// assumption without any.
func TestLedgerReportShowsReactions(t *testing.T) {
	f := newFx(t)
	f.demo()
	led, err := f.session.Decisions.Ledger(session.LedgerQuery{})
	f.must(err)
	want := map[string]string{} // sentence -> reaction list
	for _, e := range led.Entries {
		want[e.Assumption.Sentence] = reactionList(e.Reactions)
	}
	withReactions := 0
	for _, l := range want {
		if l != "" {
			withReactions++
		}
	}
	if withReactions == 0 {
		t.Fatal("no assumption of the sample board has reactions; nothing to show")
	}

	md, err := f.r.Render(KindAssumptions, 0, "md")
	f.must(err)
	sections := strings.Split(string(md.Data), "\n### ")[1:]
	if len(sections) != len(led.Entries) {
		t.Fatalf("markdown has %d assumptions, want %d", len(sections), len(led.Entries))
	}
	for _, e := range led.Entries {
		var sec string
		for _, s := range sections {
			if strings.HasPrefix(s, mdEscape(e.Assumption.Sentence)+"\n") {
				sec = s
			}
		}
		l := want[e.Assumption.Sentence]
		switch {
		case sec == "":
			t.Errorf("markdown misses %q", e.Assumption.Sentence)
		case l == "" && strings.Contains(sec, "Reactions:"):
			t.Errorf("%q has no reactions but the markdown shows some:\n%s", e.Assumption.Sentence, sec)
		case l != "" && !strings.Contains(sec, "\nReactions: "+l+"\n"):
			t.Errorf("%q: markdown lacks %q:\n%s", e.Assumption.Sentence, "Reactions: "+l, sec)
		}
	}

	c, err := f.r.Render(KindAssumptions, 0, "csv")
	f.must(err)
	rows, err := csv.NewReader(bytes.NewReader(c.Data)).ReadAll()
	f.must(err)
	col := len(rows[0]) - 1
	if rows[0][col] != "reactions" {
		t.Fatalf("last csv column %q, want reactions", rows[0][col])
	}
	for _, r := range rows[1:] {
		if r[col] != want[r[1]] {
			t.Errorf("csv %q: reactions %q, want %q", r[1], r[col], want[r[1]])
		}
	}

	file, err := f.r.Render(KindAssumptions, 0, "pdf")
	f.must(err)
	text := strings.Join(strings.Fields(pdfText(t, file.Data)), " ")
	if n := strings.Count(text, "Reactions: "); n != withReactions {
		t.Errorf("pdf shows %d reaction lines, want %d", n, withReactions)
	}
	for s, l := range want {
		if l != "" && !strings.Contains(text, "Reactions: "+l) {
			t.Errorf("pdf lacks %q for %q", "Reactions: "+l, s)
		}
	}
}

// reactionList leaves zero counts out and keeps a fixed order.
func TestReactionList(t *testing.T) {
	for _, c := range []struct {
		r    activity.Reactions
		want string
	}{
		{activity.Reactions{}, ""},
		{activity.Reactions{Frustration: 3, Confusion: 1}, "confusion 1, frustration 3"},
		{activity.Reactions{Excitement: 2, Other: 1}, "excitement 2, other 1"},
	} {
		if got := reactionList(c.r); got != c.want {
			t.Errorf("reactionList(%+v) = %q, want %q", c.r, got, c.want)
		}
	}
	if got := reactionText(activity.Reactions{}); got != "no reactions noted" {
		t.Errorf("reactionText of none = %q", got)
	}
}
