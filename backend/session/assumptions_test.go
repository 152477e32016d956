package session

import (
	"strings"
	"testing"

	"soundingboard/backend/store"
	"soundingboard/backend/storetest"
)

func TestSentenceAndRisk(t *testing.T) {
	for _, c := range []struct {
		reason, want string
	}{
		{"they forget", "We believe shop owners will reorder weekly because they forget."},
		{"they forget.", "We believe shop owners will reorder weekly because they forget."},
		{"  they forget!  ", "We believe shop owners will reorder weekly because they forget!"},
	} {
		got := sentence(Assumption{Customers: "shop owners", Behavior: "reorder weekly", Reason: c.reason})
		if got != c.want {
			t.Errorf("sentence(reason %q) = %q, want %q", c.reason, got, c.want)
		}
	}
	for _, c := range []struct{ imp, ev, want int }{{5, 1, 25}, {1, 5, 1}, {3, 3, 9}, {4, 2, 16}} {
		if got := risk(c.imp, c.ev); got != c.want {
			t.Errorf("risk(%d, %d) = %d, want %d", c.imp, c.ev, got, c.want)
		}
	}

	e := newPlanEnv(t)
	d := e.decision("Reorder reminders?")
	low := e.assumption(d.ID, 2, 4)  // risk 4
	high := e.assumption(d.ID, 5, 1) // risk 25
	mid := e.assumption(d.ID, 3, 3)  // risk 9
	if high.Risk != 25 || !strings.HasPrefix(high.Sentence, "We believe shop owners will") ||
		strings.HasSuffix(high.Sentence, "..") {
		t.Errorf("saved assumption: risk %d, sentence %q", high.Risk, high.Sentence)
	}
	got, err := e.s.Decisions.GetDecision(d.ID)
	if err != nil {
		t.Fatal(err)
	}
	var order []int64
	for _, a := range got.Assumptions {
		order = append(order, a.ID)
	}
	if len(order) != 3 || order[0] != high.ID || order[1] != mid.ID || order[2] != low.ID {
		t.Errorf("assumptions not riskiest first: %v (want %d, %d, %d)", order, high.ID, mid.ID, low.ID)
	}
	if got.Decision.Assumptions != 3 || got.Sessions == nil || got.Log == nil {
		t.Errorf("decision detail: %+v", got)
	}
}

func TestVerdictIsLatestAcrossSessions(t *testing.T) {
	e := newPlanEnv(t)
	d := e.decision("Pricing")
	a := e.assumption(d.ID, 4, 2)
	s1 := e.session(d.ID, daysAgo(20), a.ID)
	s2 := e.session(d.ID, daysAgo(5), a.ID)
	if a.Verdict != "" {
		t.Fatalf("untested assumption has verdict %q", a.Verdict)
	}
	e.exec(`INSERT INTO verdicts (session_id, assumption_id, verdict, decided_at) VALUES (?, ?, 'needs_research', '2025-01-01T10:00:00Z')`, s1.ID, a.ID)
	e.exec(`INSERT INTO verdicts (session_id, assumption_id, verdict, decided_at) VALUES (?, ?, 'invalidated', '2025-03-01T10:00:00Z')`, s2.ID, a.ID)
	got, err := e.s.Plans.GetSession(s1.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Assumptions[0].Verdict != "invalidated" {
		t.Errorf("verdict = %q, want the latest (invalidated)", got.Assumptions[0].Verdict)
	}
}

func TestMovesRecordedOnCreateAndOnMapChanges(t *testing.T) {
	e := newPlanEnv(t)
	d := e.decision("Self-serve onboarding?")
	a := e.assumption(d.ID, 4, 2)
	moves := func() []Move {
		var ms []Move
		if err := e.db.Select(&ms, `SELECT importance, evidence, moved_at, note FROM assumption_moves
			WHERE assumption_id = ? ORDER BY id`, a.ID); err != nil {
			t.Fatal(err)
		}
		return ms
	}
	if ms := moves(); len(ms) != 1 || ms[0].Importance != 4 || ms[0].Evidence != 2 || ms[0].Note != "created" {
		t.Fatalf("after create: %+v", ms)
	}
	in := AssumptionInput{ID: a.ID, DecisionID: d.ID, Customers: "ops leads", Behavior: a.Behavior,
		Reason: a.Reason, Category: "viability", Importance: 4, Evidence: 2}
	if _, err := e.s.Decisions.SaveAssumption(in); err != nil {
		t.Fatal(err)
	}
	if ms := moves(); len(ms) != 1 {
		t.Fatalf("a text edit moved the assumption: %+v", ms)
	}
	in.Evidence = 4
	got, err := e.s.Decisions.SaveAssumption(in)
	if err != nil {
		t.Fatal(err)
	}
	if ms := moves(); len(ms) != 2 || ms[1].Evidence != 4 || ms[1].Importance != 4 {
		t.Fatalf("after evidence change: %+v", ms)
	}
	if got.Risk != 8 || got.Customers != "ops leads" || got.Category != "viability" {
		t.Errorf("updated: %+v", got)
	}
	in.Importance = 2
	if _, err := e.s.Decisions.SaveAssumption(in); err != nil {
		t.Fatal(err)
	}
	if ms := moves(); len(ms) != 3 || ms[2].Importance != 2 {
		t.Fatalf("after importance change: %+v", ms)
	}
	// An assumption stays with its decision.
	other := e.decision("Other")
	in.DecisionID = other.ID
	_, err = e.s.Decisions.SaveAssumption(in)
	storetest.WantErr(t, err, store.ErrInvalid, "decisionId")
}

// The ledger tells an assumption's placement apart from its moves: a new
// assumption has been placed, not moved; only later changes are moves.
func TestLedgerFirstPlacementIsNotAMove(t *testing.T) {
	e := newPlanEnv(t)
	d := e.decision("Self-serve onboarding?")
	a := e.assumption(d.ID, 4, 2)
	entry := func() LedgerEntry {
		l, err := e.s.Decisions.Ledger(LedgerQuery{DecisionID: d.ID})
		if err != nil {
			t.Fatal(err)
		}
		if len(l.Entries) != 1 {
			t.Fatalf("ledger has %d entries, want 1", len(l.Entries))
		}
		return l.Entries[0]
	}
	got := entry()
	if got.Placed == nil || got.Placed.Importance != 4 || got.Placed.Evidence != 2 || len(got.Moves) != 0 {
		t.Fatalf("new assumption: placed %+v, moves %+v; want placed at 4/2 and no moves", got.Placed, got.Moves)
	}
	in := AssumptionInput{ID: a.ID, DecisionID: d.ID, Customers: a.Customers, Behavior: a.Behavior,
		Reason: a.Reason, Category: string(a.Category), Importance: 4, Evidence: 3}
	if _, err := e.s.Decisions.SaveAssumption(in); err != nil {
		t.Fatal(err)
	}
	got = entry()
	if got.Placed == nil || got.Placed.Evidence != 2 || len(got.Moves) != 1 || got.Moves[0].Evidence != 3 {
		t.Fatalf("after a change: placed %+v, moves %+v; want placed at 4/2 and one move to 4/3", got.Placed, got.Moves)
	}
}

// "Top 5" marks at most five, and only assumptions that are important with
// little evidence, riskiest first; the decision page and the ledger agree,
// and a verdict filter does not change which are top.
func TestTopFiveAreTheRiskiestOnly(t *testing.T) {
	e := newPlanEnv(t)
	d := e.decision("Open a bakery channel?")
	// Seven in the riskiest corner, three outside it (one very important
	// but well evidenced, one with little evidence but minor).
	pos := [][2]int{{5, 1}, {4, 2}, {5, 2}, {4, 1}, {5, 1}, {4, 2}, {4, 2}, {5, 3}, {3, 1}, {2, 4}}
	ids := make([]int64, len(pos))
	for i, p := range pos {
		ids[i] = e.assumption(d.ID, p[0], p[1]).ID
	}
	// Risk: 5/1 = 25 (ids 0, 4), 4/1 = 20 and 5/2 = 20 (5/2 first, by importance), then 4/2 = 16 (ids 1, 5, 6).
	want := map[int64]bool{ids[0]: true, ids[4]: true, ids[2]: true, ids[3]: true, ids[1]: true}
	got, err := e.s.Decisions.GetDecision(d.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range got.Assumptions {
		if a.Top != want[a.ID] {
			t.Errorf("decision page: assumption %d (importance %d, evidence %d) top = %v, want %v",
				a.ID, a.Importance, a.Evidence, a.Top, want[a.ID])
		}
	}
	for _, q := range []LedgerQuery{{}, {DecisionID: d.ID}, {Verdict: "untested"}} {
		l, err := e.s.Decisions.Ledger(q)
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for _, en := range l.Entries {
			if en.Assumption.Top != want[en.Assumption.ID] {
				t.Errorf("ledger %+v: assumption %d top = %v, want %v", q, en.Assumption.ID, en.Assumption.Top, want[en.Assumption.ID])
			}
			if en.Assumption.Top {
				n++
			}
		}
		if n != TopAssumptions {
			t.Errorf("ledger %+v marks %d, want %d", q, n, TopAssumptions)
		}
	}

	// A decision with nothing important and unknown marks none.
	calm := e.decision("Calm")
	e.assumption(calm.ID, 3, 1)
	e.assumption(calm.ID, 5, 4)
	got, err = e.s.Decisions.GetDecision(calm.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range got.Assumptions {
		if a.Top {
			t.Errorf("assumption %d (importance %d, evidence %d) is top outside the riskiest corner", a.ID, a.Importance, a.Evidence)
		}
	}
}
