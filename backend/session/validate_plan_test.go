package session

import (
	"maps"
	"strconv"
	"strings"
	"testing"

	"soundingboard/backend/store"
	"soundingboard/backend/storetest"
)

// Every bad field is refused with an error naming it, and nothing is written.
func TestPlanValidation(t *testing.T) {
	e := newPlanEnv(t)
	d := e.decision("Usage-based pricing?")
	other := e.decision("Something else")
	a := e.assumption(d.ID, 4, 2)
	foreign := e.assumption(other.ID, 3, 3)
	ss := e.session(d.ID, daysAgo(-7), a.ID)
	long := strings.Repeat("x", 301)
	okAssumption := func(f func(*AssumptionInput)) AssumptionInput {
		in := AssumptionInput{DecisionID: d.ID, Customers: "ops leads", Behavior: "pay per report",
			Reason: "usage varies", Category: "viability", Importance: 3, Evidence: 2}
		f(&in)
		return in
	}
	okSession := func(f func(*SessionInput)) SessionInput {
		in := SessionInput{DecisionID: d.ID, Title: "Pricing test", ScheduledOn: daysAgo(-3), StartTime: "14:30",
			DurationMinutes: 60, Prompts: []string{"How might we …"}, AssumptionIDs: []int64{a.ID}}
		f(&in)
		return in
	}
	tooMany := make([]string, 21)
	for i := range tooMany {
		tooMany[i] = "How might we?"
	}
	cases := []struct {
		name  string
		call  func() error
		kind  error
		wants []string
	}{
		{"decision title missing", func() error { _, err := e.s.Decisions.SaveDecision(DecisionInput{Title: "  "}); return err },
			store.ErrInvalid, []string{"title is required"}},
		{"decision title too long", func() error { _, err := e.s.Decisions.SaveDecision(DecisionInput{Title: long}); return err },
			store.ErrInvalid, []string{"title is longer than 300"}},
		{"decision deadline", func() error {
			_, err := e.s.Decisions.SaveDecision(DecisionInput{Title: "x", Deadline: "2025-02-30"})
			return err
		}, store.ErrInvalid, []string{"deadline"}},
		{"decision unknown", func() error { _, err := e.s.Decisions.SaveDecision(DecisionInput{ID: 4242, Title: "x"}); return err },
			store.ErrNotFound, []string{"decision 4242 not found"}},
		{"assumption category", func() error {
			_, err := e.s.Decisions.SaveAssumption(okAssumption(func(in *AssumptionInput) { in.Category = "vibes" }))
			return err
		}, store.ErrInvalid, []string{"category"}},
		{"assumption importance", func() error {
			_, err := e.s.Decisions.SaveAssumption(okAssumption(func(in *AssumptionInput) { in.Importance = 0 }))
			return err
		}, store.ErrInvalid, []string{"importance 0"}},
		{"assumption evidence", func() error {
			_, err := e.s.Decisions.SaveAssumption(okAssumption(func(in *AssumptionInput) { in.Evidence = 6 }))
			return err
		}, store.ErrInvalid, []string{"evidence 6"}},
		{"assumption customers", func() error {
			_, err := e.s.Decisions.SaveAssumption(okAssumption(func(in *AssumptionInput) { in.Customers = "" }))
			return err
		}, store.ErrInvalid, []string{"customers is required"}},
		{"assumption customers too long", func() error {
			_, err := e.s.Decisions.SaveAssumption(okAssumption(func(in *AssumptionInput) { in.Customers = long }))
			return err
		}, store.ErrInvalid, []string{"customers is longer than 300"}},
		{"assumption behavior and reason", func() error {
			_, err := e.s.Decisions.SaveAssumption(okAssumption(func(in *AssumptionInput) { in.Behavior, in.Reason = "", " " }))
			return err
		}, store.ErrInvalid, []string{"behavior is required", "reason is required"}},
		{"assumption of unknown decision", func() error {
			_, err := e.s.Decisions.SaveAssumption(okAssumption(func(in *AssumptionInput) { in.DecisionID = 999 }))
			return err
		}, store.ErrNotFound, []string{"decision 999 not found"}},
		{"assumption unknown", func() error {
			_, err := e.s.Decisions.SaveAssumption(okAssumption(func(in *AssumptionInput) { in.ID = 777 }))
			return err
		}, store.ErrNotFound, []string{"assumption 777 not found"}},
		{"session title", func() error {
			_, err := e.s.Plans.SaveSession(okSession(func(in *SessionInput) { in.Title = "" }))
			return err
		}, store.ErrInvalid, []string{"title is required"}},
		{"session format", func() error {
			_, err := e.s.Plans.SaveSession(okSession(func(in *SessionInput) { in.Format = "hackathon" }))
			return err
		}, store.ErrInvalid, []string{`format "hackathon"`}},
		{"session date", func() error {
			_, err := e.s.Plans.SaveSession(okSession(func(in *SessionInput) { in.ScheduledOn = "next tuesday" }))
			return err
		}, store.ErrInvalid, []string{"scheduledOn"}},
		{"session start time", func() error {
			_, err := e.s.Plans.SaveSession(okSession(func(in *SessionInput) { in.StartTime = "25:61" }))
			return err
		}, store.ErrInvalid, []string{"startTime"}},
		{"session duration", func() error {
			_, err := e.s.Plans.SaveSession(okSession(func(in *SessionInput) { in.DurationMinutes = 1441 }))
			return err
		}, store.ErrInvalid, []string{"durationMinutes 1441"}},
		{"session title for participants too long", func() error {
			_, err := e.s.Plans.SaveSession(okSession(func(in *SessionInput) { in.CustomerTitle = long }))
			return err
		}, store.ErrInvalid, []string{"customerTitle is longer than 300"}},
		{"session prompt too long", func() error {
			_, err := e.s.Plans.SaveSession(okSession(func(in *SessionInput) { in.Prompts = []string{"ok", long} }))
			return err
		}, store.ErrInvalid, []string{"prompts item 2 is longer than 300"}},
		{"session too many prompts", func() error {
			_, err := e.s.Plans.SaveSession(okSession(func(in *SessionInput) { in.Prompts = tooMany }))
			return err
		}, store.ErrInvalid, []string{"prompts has 21 items"}},
		{"session opener item too long", func() error {
			_, err := e.s.Plans.SaveSession(okSession(func(in *SessionInput) { in.Opener = []OpenerItem{{Text: long}} }))
			return err
		}, store.ErrInvalid, []string{"opener item 1 is longer than 300"}},
		{"session assumption of another decision", func() error {
			_, err := e.s.Plans.SaveSession(okSession(func(in *SessionInput) { in.AssumptionIDs = []int64{a.ID, foreign.ID} }))
			return err
		}, store.ErrInvalid, []string{"assumption " + strconv.FormatInt(foreign.ID, 10) + " does not belong"}},
		{"session unknown assumption", func() error {
			_, err := e.s.Plans.SaveSession(okSession(func(in *SessionInput) { in.AssumptionIDs = []int64{5555} }))
			return err
		}, store.ErrInvalid, []string{"assumption 5555"}},
		{"session duplicate assumption", func() error {
			_, err := e.s.Plans.SaveSession(okSession(func(in *SessionInput) { in.AssumptionIDs = []int64{a.ID, a.ID} }))
			return err
		}, store.ErrInvalid, []string{"assumption " + strconv.FormatInt(a.ID, 10) + " twice"}},
		{"session decision missing", func() error {
			_, err := e.s.Plans.SaveSession(okSession(func(in *SessionInput) { in.DecisionID = 0 }))
			return err
		}, store.ErrInvalid, []string{"decisionId is required"}},
		{"session unknown decision", func() error {
			_, err := e.s.Plans.SaveSession(okSession(func(in *SessionInput) { in.DecisionID = 31337 }))
			return err
		}, store.ErrNotFound, []string{"decision 31337 not found"}},
		{"session unknown", func() error {
			_, err := e.s.Plans.SaveSession(okSession(func(in *SessionInput) { in.ID = 42 }))
			return err
		}, store.ErrNotFound, []string{"session 42 not found"}},
		{"get unknown session", func() error { _, err := e.s.Plans.GetSession(42); return err },
			store.ErrNotFound, []string{"session 42 not found"}},
		{"participant state", func() error { _, err := e.s.Runs.SetParticipantState(ss.ID, 1, "asleep"); return err },
			store.ErrInvalid, []string{`state "asleep"`}},
		{"opener index", func() error { _, err := e.s.Plans.CheckOpener(ss.ID, 9, true); return err },
			store.ErrInvalid, []string{"index 9"}},
	}
	before := e.counts()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			storetest.WantErr(t, c.call(), c.kind, c.wants...)
			if after := e.counts(); !maps.Equal(before, after) {
				t.Errorf("rows changed: %v -> %v", before, after)
			}
		})
	}
	got, err := e.s.Plans.GetSession(ss.ID)
	if err != nil || got.Title != "Reorder test" || len(got.Assumptions) != 1 {
		t.Errorf("session changed by refused edits: %+v, %v", got, err)
	}
}
