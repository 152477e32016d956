package session

import (
	"testing"

	"soundingboard/backend/activity"
	"soundingboard/backend/store"
	"soundingboard/backend/storetest"
	"soundingboard/backend/valid"
)

// Each All… list (what the frontend's lists derive from) is the set the
// schema's CHECK allows and the set validation accepts; other values are
// refused, naming the field.
func TestEnumsMatchSchemaAndValidation(t *testing.T) {
	db := storetest.Open(t)
	storetest.WantCheckIn(t, db, "assumptions", "category", valid.Strings(AllCategories))
	storetest.WantCheckIn(t, db, "verdicts", "verdict", valid.Strings(AllVerdicts))
	storetest.WantCheckIn(t, db, "decision_log", "outcome", valid.Strings(AllOutcomes))
	storetest.WantCheckIn(t, db, "participants", "state", valid.Strings(AllStates))
	storetest.WantCheckIn(t, db, "sessions", "status", valid.Strings(AllStatuses))

	const today = "2026-03-09"
	key := ResponseKey{SessionID: 1, AssumptionID: 1, MemberID: 1}
	for _, c := range AllCategories {
		in := AssumptionInput{DecisionID: 1, Customers: "c", Behavior: "b", Reason: "r", Category: string(c.Value), Importance: 3, Evidence: 3}
		if err := in.Validate(); err != nil {
			t.Errorf("category %q: %v", c.Value, err)
		}
	}
	for _, c := range AllStances { // StanceNone clears a stance
		e := FieldEdit{key, "stance", string(c.Value)}
		if err := e.validate(); err != nil {
			t.Errorf("stance %q: %v", c.Value, err)
		}
	}
	for _, c := range activity.AllReactions { // the one list of reactions, activity's
		if _, err := normalizeReactions(string(c.Value)); err != nil {
			t.Errorf("reaction %q: %v", c.Value, err)
		}
	}
	for _, c := range AllVerdicts {
		in := VerdictInput{Verdict: string(c.Value), Confidence: 3}
		if err := in.validate(); err != nil {
			t.Errorf("verdict %q: %v", c.Value, err)
		}
	}
	for _, c := range AllOutcomes {
		in := LogInput{Outcome: string(c.Value)}
		if err := in.validate(today); err != nil {
			t.Errorf("outcome %q: %v", c.Value, err)
		}
	}

	bad := AssumptionInput{DecisionID: 1, Customers: "c", Behavior: "b", Reason: "r", Category: "usability", Importance: 3, Evidence: 3}
	storetest.WantErr(t, bad.Validate(), store.ErrInvalid, `category "usability"`)
	e := FieldEdit{key, "stance", "maybe"}
	storetest.WantErr(t, e.validate(), store.ErrInvalid, `stance "maybe" is not one of matches`)
	_, err := normalizeReactions("boredom")
	storetest.WantErr(t, err, store.ErrInvalid, `reaction "boredom"`)
	v := VerdictInput{Verdict: "untested", Confidence: 3}
	storetest.WantErr(t, v.validate(), store.ErrInvalid, `verdict "untested"`)
	l := LogInput{Outcome: "wait"}
	storetest.WantErr(t, l.validate(today), store.ErrInvalid, `outcome "wait"`)
}
