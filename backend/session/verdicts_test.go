package session

import (
	"fmt"
	"strings"
	"testing"

	"soundingboard/backend/store"
	"soundingboard/backend/storetest"
)

func TestSetVerdictRefusesBadInput(t *testing.T) {
	f := newRunFx(t)
	sc := f.scene()
	before := f.rowCounts()
	ok := VerdictInput{SessionID: sc.session, AssumptionID: sc.a1, Verdict: "validated", Confidence: 4}
	with := func(change func(*VerdictInput)) VerdictInput { in := ok; change(&in); return in }
	for _, tc := range []struct {
		name      string
		in        VerdictInput
		kind      error
		fragments []string
	}{
		{"unknown kind", with(func(in *VerdictInput) { in.Verdict = "maybe" }), store.ErrInvalid,
			[]string{`verdict "maybe" is not one of validated, invalidated, needs_research`}},
		{"confidence 0", with(func(in *VerdictInput) { in.Confidence = 0 }), store.ErrInvalid, []string{"confidence 0 is out of range (1 to 5)"}},
		{"confidence 6", with(func(in *VerdictInput) { in.Confidence = 6 }), store.ErrInvalid, []string{"confidence 6"}},
		{"rationale too long", with(func(in *VerdictInput) { in.Rationale = strings.Repeat("x", 5001) }), store.ErrInvalid,
			[]string{"rationale is longer than 5000"}},
		{"unknown session", with(func(in *VerdictInput) { in.SessionID = 404 }), store.ErrNotFound, []string{"session 404 not found"}},
		{"assumption not in session", with(func(in *VerdictInput) { in.AssumptionID = sc.untested }), store.ErrInvalid,
			[]string{"not part of session"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := f.s.Runs.SetVerdict(tc.in)
			storetest.WantErr(t, err, tc.kind, tc.fragments...)
		})
	}
	if after := f.rowCounts(); after != before {
		t.Errorf("rows changed by refused verdicts: %s -> %s", before, after)
	}
}

func TestVerdictMovesAssumptionOnTheMap(t *testing.T) {
	f := newRunFx(t)
	sc := f.scene() // a1 has evidence 1, a2 has 2, a3 has 4
	evidence := func(id int64) int {
		t.Helper()
		var e int
		if err := f.db.Get(&e, `SELECT evidence FROM assumptions WHERE id = ?`, id); err != nil {
			t.Fatal(err)
		}
		return e
	}
	var moves []Move
	readMoves := func(id int64) {
		t.Helper()
		moves = nil
		if err := f.db.Select(&moves, `SELECT importance, evidence, moved_at, note FROM assumption_moves
			WHERE assumption_id = ? ORDER BY id`, id); err != nil {
			t.Fatal(err)
		}
	}

	v, err := f.s.Runs.SetVerdict(VerdictInput{SessionID: sc.session, AssumptionID: sc.a1, Verdict: " Validated ",
		Rationale: "  Four of five pay monthly  ", Confidence: 4})
	if err != nil {
		t.Fatal(err)
	}
	if v.Verdict != "validated" || v.Rationale != "Four of five pay monthly" || v.Confidence != 4 || v.DecidedAt == "" {
		t.Fatalf("verdict = %+v", v)
	}
	readMoves(sc.a1)
	if evidence(sc.a1) != 4 || len(moves) != 1 || moves[0] != (Move{Importance: 5, Evidence: 4, MovedAt: moves[0].MovedAt,
		Note: "verdict validated in June pricing"}) {
		t.Fatalf("after validating with confidence 4: evidence %d, moves %+v", evidence(sc.a1), moves)
	}

	// Less confidence than the evidence it already has: no move.
	if _, err := f.s.Runs.SetVerdict(VerdictInput{SessionID: sc.session, AssumptionID: sc.a3, Verdict: "invalidated", Confidence: 2}); err != nil {
		t.Fatal(err)
	}
	readMoves(sc.a3)
	if evidence(sc.a3) != 4 || len(moves) != 0 {
		t.Fatalf("a weaker verdict moved the assumption: evidence %d, moves %+v", evidence(sc.a3), moves)
	}
	// Needs research is no evidence either way.
	if _, err := f.s.Runs.SetVerdict(VerdictInput{SessionID: sc.session, AssumptionID: sc.a2, Verdict: "needs_research", Confidence: 5}); err != nil {
		t.Fatal(err)
	}
	readMoves(sc.a2)
	if evidence(sc.a2) != 2 || len(moves) != 0 {
		t.Fatalf("needs_research moved the assumption: evidence %d, moves %+v", evidence(sc.a2), moves)
	}
	// Invalidated is evidence too.
	again, err := f.s.Runs.SetVerdict(VerdictInput{SessionID: sc.session, AssumptionID: sc.a2, Verdict: "invalidated", Confidence: 3})
	if err != nil {
		t.Fatal(err)
	}
	readMoves(sc.a2)
	if evidence(sc.a2) != 3 || len(moves) != 1 || moves[0].Note != "verdict invalidated in June pricing" {
		t.Fatalf("after invalidating: evidence %d, moves %+v", evidence(sc.a2), moves)
	}
	if n := f.count("verdicts"); n != 3 {
		t.Fatalf("%d verdicts, want 3 (re-rating upserts)", n)
	}
	// Re-rating with the same kind keeps decided_at; a new kind is a new decision.
	same, err := f.s.Runs.SetVerdict(VerdictInput{SessionID: sc.session, AssumptionID: sc.a2, Verdict: "invalidated", Confidence: 3, Rationale: "typo fixed"})
	if err != nil || same.DecidedAt != again.DecidedAt || same.Rationale != "typo fixed" {
		t.Fatalf("same kind again = %+v, %v; want decided_at %s kept", same, err, again.DecidedAt)
	}
	changed, err := f.s.Runs.SetVerdict(VerdictInput{SessionID: sc.session, AssumptionID: sc.a2, Verdict: "validated", Confidence: 3})
	if err != nil || changed.DecidedAt <= again.DecidedAt {
		t.Fatalf("new kind = %+v, %v; want a later decided_at", changed, err)
	}

	if err := f.s.Runs.ClearVerdict(sc.session, sc.a1); err != nil {
		t.Fatal(err)
	}
	storetest.WantErr(t, f.s.Runs.ClearVerdict(sc.session, sc.a1), store.ErrNotFound,
		fmt.Sprintf("verdict on assumption %d in session %d not found", sc.a1, sc.session))
	if n := f.count("verdicts"); n != 2 {
		t.Fatalf("%d verdicts after clearing one, want 2", n)
	}
	if evidence(sc.a1) != 4 {
		t.Errorf("clearing a verdict moved the assumption back")
	}
}
