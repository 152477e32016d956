package session

import (
	"reflect"
	"strings"
	"testing"

	"soundingboard/backend/store"
	"soundingboard/backend/storetest"
)

// ledgerScene is two sessions on the pricing decision (one finished, one
// running), a planned third, and a second decision nobody tested yet.
type ledgerScene struct {
	runScene
	s2, s3, onboarding, b1, dee, olga int64
}

func (f *runFx) ledgerScene() ledgerScene {
	t := f.t
	t.Helper()
	ls := ledgerScene{runScene: f.scene()}
	sc := ls.runScene
	f.exec(`UPDATE sessions SET status = 'finished' WHERE id = ?`, sc.session)
	for _, m := range []int64{sc.ada, sc.bo, sc.cy} {
		f.setState(sc.session, m, "attended")
	}
	ls.dee = f.member("Dee", "Enterprise")
	f.exec(`INSERT INTO participants (session_id, member_id, state) VALUES (?, ?, 'no_show')`, sc.session, ls.dee)
	ls.olga = sc.outsider
	ls.s2 = f.session(sc.decision, "July pricing", "running", "2025-07-01", []int64{sc.a1, sc.a2}, "confirmed", sc.ada, ls.olga)
	ls.s3 = f.session(sc.decision, "August pricing", "planned", "2025-08-01", []int64{sc.a1}, "invited", sc.bo)
	ls.onboarding = f.decision("Onboarding")
	ls.b1 = f.assumption(ls.onboarding, "desirability", 2, 2)

	// June: Ada matches, Bo partly, Cy says nothing; Dee did not come but
	// somebody typed a stance for her anyway.
	f.field(sc.session, sc.a1, sc.ada, "stance", "matches")
	f.field(sc.session, sc.a1, sc.bo, "stance", "partly")
	f.field(sc.session, sc.a1, ls.dee, "stance", "matches")
	f.field(sc.session, sc.a2, sc.ada, "stance", "matches")
	f.quote(sc.session, sc.a1, sc.bo, "Partly: we pay yearly")
	f.quote(sc.session, 0, sc.ada, "General remark")
	// July: Ada changed her mind, Olga is unsure.
	f.field(ls.s2, sc.a1, sc.ada, "stance", "does_not_match")
	f.field(ls.s2, sc.a1, ls.olga, "stance", "unsure")
	f.quote(ls.s2, sc.a1, ls.olga, "Not sure who pays")
	// August has not happened: its notes are not evidence.
	f.field(ls.s3, sc.a1, sc.bo, "stance", "does_not_match")
	f.quote(ls.s3, sc.a1, sc.bo, "Planned-session scribble")

	for _, v := range []VerdictInput{
		{SessionID: sc.session, AssumptionID: sc.a1, Verdict: "invalidated", Confidence: 2},
		{SessionID: sc.session, AssumptionID: sc.a2, Verdict: "needs_research", Confidence: 3},
		{SessionID: ls.s2, AssumptionID: sc.a1, Verdict: "validated", Confidence: 4},
	} {
		if _, err := f.s.Runs.SetVerdict(v); err != nil {
			t.Fatal(err)
		}
	}
	return ls
}

func TestLedgerAggregatesAcrossSessions(t *testing.T) {
	f := newRunFx(t)
	ls := f.ledgerScene()
	sc := ls.runScene
	l, err := f.s.Decisions.Ledger(LedgerQuery{})
	if err != nil {
		t.Fatal(err)
	}
	var order []int64
	for _, e := range l.Entries {
		order = append(order, e.Assumption.ID)
	}
	// Risks after the verdicts: untested 4×4=16, a2 3×4=12, a1 5×2=10 (evidence
	// raised to 4), b1 2×4=8, a3 2×2=4.
	if want := []int64{sc.untested, sc.a2, sc.a1, ls.b1, sc.a3}; !reflect.DeepEqual(order, want) {
		t.Fatalf("order = %v, want riskiest first %v", order, want)
	}
	wantCounts := map[string]int{"validated": 1, "invalidated": 0, "needs_research": 1, "untested": 3}
	if !reflect.DeepEqual(l.Counts, wantCounts) {
		t.Errorf("counts = %v, want %v", l.Counts, wantCounts)
	}

	a1 := l.Entries[2]
	if a1.Decision != "Pricing" || a1.Assumption.Verdict != "validated" || a1.Assumption.Evidence != 4 || a1.Assumption.Sentence == "" {
		t.Errorf("a1 = %+v", a1.Assumption)
	}
	if len(a1.Verdicts) != 2 || a1.Verdicts[0].Verdict != "invalidated" || a1.Verdicts[1].Verdict != "validated" {
		t.Errorf("a1 verdicts = %+v, want oldest first", a1.Verdicts)
	}
	if !reflect.DeepEqual(a1.Sessions, []string{"June pricing", "July pricing"}) {
		t.Errorf("a1 sessions = %q (the planned one has not tested it)", a1.Sessions)
	}
	if want := (Tally{Matches: 1, Partly: 1, DoesNotMatch: 1, Unsure: 1, NoAnswer: 1}); a1.Tally != want {
		t.Errorf("a1 tally = %+v, want %+v (no-shows and planned sessions left out)", a1.Tally, want)
	}
	wantEv := []Evidence{{Segment: "Enterprise", For: 1, Against: 1}, {Segment: "SMB", Partly: 1, Unsure: 1}}
	if !reflect.DeepEqual(a1.Evidence, wantEv) {
		t.Errorf("a1 evidence = %+v, want %+v", a1.Evidence, wantEv)
	}
	if len(a1.Moves) != 2 || a1.Moves[0].Evidence != 2 || a1.Moves[0].Note != "verdict invalidated in June pricing" ||
		a1.Moves[1].Evidence != 4 || a1.Moves[1].Note != "verdict validated in July pricing" {
		t.Errorf("a1 moves = %+v", a1.Moves)
	}
	var quotes []string
	for _, q := range a1.Quotes {
		quotes = append(quotes, q.Member+": "+q.Text)
	}
	if !reflect.DeepEqual(quotes, []string{"Bo: Partly: we pay yearly", "Olga: Not sure who pays"}) {
		t.Errorf("a1 quotes = %q", quotes)
	}

	a2 := l.Entries[1]
	// June (finished): Ada matches, Bo and Cy attended without a stance;
	// July (running): Ada and Olga have not answered yet.
	if want := (Tally{Matches: 1, NoAnswer: 4}); a2.Tally != want || a2.Assumption.Verdict != "needs_research" {
		t.Errorf("a2 tally = %+v (want %+v), verdict %q", a2.Tally, want, a2.Assumption.Verdict)
	}
	if !reflect.DeepEqual(a2.Evidence, []Evidence{{Segment: "Enterprise", For: 1}}) || len(a2.Moves) != 0 {
		t.Errorf("a2 evidence = %+v, moves %+v", a2.Evidence, a2.Moves)
	}
	b1 := l.Entries[3]
	if b1.Decision != "Onboarding" || b1.Verdicts == nil || b1.Sessions == nil || b1.Evidence == nil || b1.Moves == nil ||
		b1.Quotes == nil || b1.Tally != (Tally{}) {
		t.Errorf("untested b1 = %+v, want empty lists, not nil", b1)
	}
}

func TestLedgerFilters(t *testing.T) {
	f := newRunFx(t)
	ls := f.ledgerScene()
	sc := ls.runScene
	ids := func(q LedgerQuery) ([]int64, map[string]int) {
		t.Helper()
		l, err := f.s.Decisions.Ledger(q)
		if err != nil {
			t.Fatal(err)
		}
		out := []int64{}
		for _, e := range l.Entries {
			out = append(out, e.Assumption.ID)
		}
		return out, l.Counts
	}
	for _, tc := range []struct {
		name   string
		q      LedgerQuery
		want   []int64
		counts map[string]int
	}{
		{"untested", LedgerQuery{Verdict: "untested"}, []int64{sc.untested, ls.b1, sc.a3},
			map[string]int{"validated": 1, "invalidated": 0, "needs_research": 1, "untested": 3}},
		{"validated", LedgerQuery{Verdict: " Validated"}, []int64{sc.a1}, nil},
		{"invalidated is no longer current", LedgerQuery{Verdict: "invalidated"}, []int64{}, nil},
		{"category", LedgerQuery{Category: "feasibility"}, []int64{sc.a3},
			map[string]int{"validated": 0, "invalidated": 0, "needs_research": 0, "untested": 1}},
		{"decision", LedgerQuery{DecisionID: ls.onboarding}, []int64{ls.b1}, nil},
		{"decision and category", LedgerQuery{DecisionID: sc.decision, Category: "viability"}, []int64{sc.untested, sc.a1}, nil},
		{"unknown decision", LedgerQuery{DecisionID: 404}, []int64{}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, counts := ids(tc.q)
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("entries = %v, want %v", got, tc.want)
			}
			if tc.counts != nil && !reflect.DeepEqual(counts, tc.counts) {
				t.Errorf("counts = %v, want %v", counts, tc.counts)
			}
		})
	}
	_, err := f.s.Decisions.Ledger(LedgerQuery{Verdict: "maybe", Category: "fun"})
	storetest.WantErr(t, err, store.ErrInvalid, `verdict "maybe" is not one of untested, validated`, `category "fun"`)
}

func TestAddLogEntry(t *testing.T) {
	f := newRunFx(t)
	d := f.decision("Pricing")
	e, err := f.s.Decisions.AddLogEntry(d, LogInput{Outcome: " Pivot ", Rationale: "  Yearly budgets rule  "})
	if err != nil {
		t.Fatal(err)
	}
	if e.ID == 0 || e.DecisionID != d || e.Outcome != "pivot" || e.Rationale != "Yearly budgets rule" ||
		e.DecidedOn != runToday || e.CreatedAt == "" {
		t.Fatalf("entry = %+v", e)
	}
	if e, err := f.s.Decisions.AddLogEntry(d, LogInput{Outcome: "test_further", DecidedOn: "2025-06-01"}); err != nil || e.DecidedOn != "2025-06-01" {
		t.Fatalf("past entry = %+v, %v", e, err)
	}
	before := f.rowCounts()
	for _, tc := range []struct {
		name      string
		decision  int64
		in        LogInput
		kind      error
		fragments []string
	}{
		{"outcome", d, LogInput{Outcome: "hope"}, store.ErrInvalid, []string{`outcome "hope" is not one of persevere, pivot, drop, test_further`}},
		{"rationale", d, LogInput{Outcome: "drop", Rationale: strings.Repeat("x", 5001)}, store.ErrInvalid, []string{"rationale is longer than 5000"}},
		{"bad date", d, LogInput{Outcome: "drop", DecidedOn: "15.06.2025"}, store.ErrInvalid, []string{`decidedOn "15.06.2025" is not a date`}},
		{"future", d, LogInput{Outcome: "drop", DecidedOn: "2025-06-16"}, store.ErrInvalid, []string{"decidedOn 2025-06-16 is in the future"}},
		{"unknown decision", 404, LogInput{Outcome: "drop"}, store.ErrNotFound, []string{"decision 404 not found"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := f.s.Decisions.AddLogEntry(tc.decision, tc.in)
			storetest.WantErr(t, err, tc.kind, tc.fragments...)
		})
	}
	if after := f.rowCounts(); after != before {
		t.Errorf("rows changed by refused entries: %s -> %s", before, after)
	}
}

func TestMemberSessions(t *testing.T) {
	f := newRunFx(t)
	ls := f.ledgerScene()
	sc := ls.runScene
	draft := f.session(sc.decision, "Undated draft", "planned", "", nil, "invited", sc.ada)
	got, err := f.s.Plans.MemberSessions(sc.ada)
	if err != nil {
		t.Fatal(err)
	}
	var titles []string
	for _, s := range got {
		titles = append(titles, s.Title+"/"+string(s.State))
	}
	if want := []string{"Undated draft/invited", "July pricing/attended", "June pricing/attended"}; !reflect.DeepEqual(titles, want) {
		t.Fatalf("sessions = %q, want newest first %q", titles, want)
	}
	if got[0].SessionID != draft || len(got[0].Quotes) != 0 || got[0].Quotes == nil || len(got[1].Quotes) != 0 {
		t.Errorf("quotes of sessions without any = %#v, %#v", got[0].Quotes, got[1].Quotes)
	}
	if len(got[2].Quotes) != 1 || got[2].Quotes[0].Text != "General remark" || got[2].ScheduledOn != "2025-06-10" {
		t.Errorf("June = %+v", got[2])
	}
	bo, err := f.s.Plans.MemberSessions(sc.bo)
	if err != nil || len(bo) != 2 || len(bo[0].Quotes) != 1 || bo[0].Quotes[0].Text != "Planned-session scribble" {
		t.Errorf("Bo's sessions = %+v, %v", bo, err)
	}
	nobody := f.member("Nobody", "")
	if none, err := f.s.Plans.MemberSessions(nobody); err != nil || none == nil || len(none) != 0 {
		t.Errorf("member without sessions = %#v, %v", none, err)
	}
	_, err = f.s.Plans.MemberSessions(404)
	storetest.WantErr(t, err, store.ErrNotFound, "member 404 not found")
}
