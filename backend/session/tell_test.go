package session

import (
	"testing"
)

// A verdict's line for participants: suggested in plain words, rewritten
// by the facilitator, kept when the verdict is re-rated the same way and
// dropped when it turns, because it would then say the opposite.
func TestTellFollowsTheVerdict(t *testing.T) {
	f := newRunFx(t)
	sc := f.scene()
	rate := func(kind string) {
		t.Helper()
		if _, err := f.s.Runs.SetVerdict(VerdictInput{SessionID: sc.session, AssumptionID: sc.a1, Verdict: kind, Confidence: 3,
			Rationale: "Two of six flat out said so"}); err != nil {
			t.Fatal(err)
		}
	}
	latest := func() Tell {
		t.Helper()
		tl, found, err := LatestVerdictTell(f.s.Runs.ctx, f.s.Runs.db, sc.a1)
		if err != nil || !found {
			t.Fatalf("latest tell: found %v, %v", found, err)
		}
		return tl
	}
	rate("validated")
	if tl := latest(); tl.Written || tl.Line != tl.Suggested || tl.Line[:len("This held up: ")] != "This held up: " {
		t.Errorf("suggested %+v", tl)
	}
	if _, err := f.s.Decisions.SetTell(TellInput{Kind: "verdict", SessionID: sc.session, AssumptionID: sc.a1, Line: " Our line. "}); err != nil {
		t.Fatal(err)
	}
	rate("validated") // a typo fixed in the rationale: the line stays
	if tl := latest(); tl.Line != "Our line." || !tl.Written {
		t.Errorf("after re-rating the same: %+v", tl)
	}
	rate("invalidated")
	if tl := latest(); tl.Written || tl.Line[:len("We learned this doesn't hold: ")] != "We learned this doesn't hold: " {
		t.Errorf("after the verdict turned: %+v", tl)
	}
}

func TestTellSuggestions(t *testing.T) {
	for _, c := range []struct {
		customers string
		ourOwn    bool
	}{{"our billing team", true}, {"We", true}, {"  Our onboarding team", true}, {"shop owners", false}, {"ourselves-adjacent shops", false}, {"", false}} {
		if OurOwn(c.customers) != c.ourOwn {
			t.Errorf("OurOwn(%q) = %v", c.customers, !c.ourOwn)
		}
	}
	own := TellOfVerdict(1, 2, VerdictValidated, "our billing team", "handle invoicing.", nil)
	if own.Line != "" || own.Suggested != "This held up: our billing team handle invoicing." || !own.OurOwn {
		t.Errorf("our own: %+v", own)
	}
	line := "We'll hire after all."
	if own = TellOfVerdict(1, 2, VerdictValidated, "our billing team", "x", &line); own.Line != line || !own.Written {
		t.Errorf("our own, written: %+v", own)
	}
	research := TellOfVerdict(1, 2, VerdictNeedsResearch, "buyers", "read the bill", nil)
	if research.Line != "We're still finding out: buyers read the bill." {
		t.Errorf("needs research: %q", research.Line)
	}
	quoted := TellOfEntry(3, OutcomeDrop, "“Usage pricing?”", nil)
	if quoted.Line != "On “Usage pricing?”, we're not going ahead with it." {
		t.Errorf("decision already in quotes: %q", quoted.Line)
	}
}
