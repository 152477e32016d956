package session

import (
	"reflect"
	"strings"
	"testing"

	"soundingboard/backend/activity"
	"soundingboard/backend/store"
	"soundingboard/backend/storetest"
)

// demoEnv is a plan environment with the sample board and sessions loaded.
func demoEnv(t *testing.T) *planEnv {
	t.Helper()
	e := newPlanEnv(t)
	if _, err := e.board.LoadDemo(); err != nil {
		t.Fatal(err)
	}
	if _, err := e.s.Plans.LoadDemo(); err != nil {
		t.Fatal(err)
	}
	return e
}

// sessionID finds a sample session by its title.
func (e *planEnv) sessionID(title string) int64 {
	e.t.Helper()
	var id int64
	if err := e.db.Get(&id, `SELECT id FROM sessions WHERE title = ?`, title); err != nil {
		e.t.Fatalf("session %q: %v", title, err)
	}
	return id
}

// synthesis reads a session's synthesis or fails the test.
func (e *planEnv) synthesis(id int64) Synthesis {
	e.t.Helper()
	syn, err := e.s.Syntheses.Synthesis(id)
	if err != nil {
		e.t.Fatal(err)
	}
	return syn
}

// synthCounts is counts with the tables the synthesis writes.
func (e *planEnv) synthCounts() map[string]int {
	e.t.Helper()
	out := e.counts()
	for _, table := range []string{"themes", "entry_themes", "opportunities"} {
		var n int
		if err := e.db.Get(&n, `SELECT count(*) FROM `+table); err != nil {
			e.t.Fatal(err)
		}
		out[table] = n
	}
	return out
}

func untaggedByText(t *testing.T, syn Synthesis, text string) SynthEntry {
	t.Helper()
	for _, u := range syn.Untagged {
		if u.Text == text {
			return u
		}
	}
	t.Fatalf("no untagged entry %q in %+v", text, syn.Untagged)
	return SynthEntry{}
}

func themeNamed(syn Synthesis, name string) *Theme {
	for i := range syn.Themes {
		if syn.Themes[i].Name == name {
			return &syn.Themes[i]
		}
	}
	return nil
}

// The synthesis of a workshop reads every activity: the top-voted pain
// points, task success per variant, rating means and the reactions of
// each activity, all from the activities' results.
func TestSynthesisAcrossWorkshopActivities(t *testing.T) {
	e := demoEnv(t)
	mapping := e.synthesis(e.sessionID("Supplier onboarding: where it hurts"))

	top := mapping.PainPoints[0]
	if top.Ranked.Text != "Price lists arrive as PDFs I retype by hand" || top.Ranked.Dots != 4 ||
		top.Ranked.Severity != 3 || top.Activity != "Walk the journey" || top.Item != "Get the price list" ||
		top.Ranked.Member != "Zoë Durand" || top.Segment != "Independent retailers" {
		t.Errorf("top pain point = %+v", top)
	}
	if len(mapping.PainPoints) != 8 || mapping.PainPoints[1].Ranked.Dots != 4 || mapping.PainPoints[2].Ranked.Dots != 3 {
		t.Errorf("pain points = %+v, want 8, most dots first", mapping.PainPoints)
	}
	var kinds []activity.Kind
	for _, a := range mapping.Activities {
		kinds = append(kinds, a.Kind)
	}
	if !reflect.DeepEqual(kinds, []activity.Kind{activity.KindJourneyBoard, activity.KindRating, activity.KindOpenQuestion}) {
		t.Errorf("activities = %v", kinds)
	}
	want := activity.Reactions{Confusion: 1, Excitement: 1, Frustration: 3}
	if got := mapping.Activities[0].Reactions; got != want || mapping.Activities[1].Reactions != (activity.Reactions{}) {
		t.Errorf("reactions of the journey = %+v, want %+v; of the rating %+v", got, want, mapping.Activities[1].Reactions)
	}
	if len(mapping.Ratings) != 2 || mapping.Ratings[0].Question != "How much time does keeping prices current cost you?" ||
		mapping.Ratings[0].Stat.Count != 6 || mapping.Ratings[0].Scale != 5 ||
		mapping.Ratings[0].Stat.Mean < 3.83 || mapping.Ratings[0].Stat.Mean > 3.84 {
		t.Errorf("ratings = %+v, want a mean of 23/6", mapping.Ratings)
	}
	if len(mapping.Ideas) != 0 || len(mapping.Tasks) != 0 {
		t.Errorf("a problem mapping has no ideas or tasks: %+v %+v", mapping.Ideas, mapping.Tasks)
	}
	// Themes of the sample quotes; the rest is untagged, attributed, with
	// the activity it came from.
	if th := themeNamed(mapping, "Manual price lists"); th == nil || len(th.Entries) != 2 || len(th.Quotes) != 2 {
		t.Errorf("Manual price lists = %+v", th)
	}
	answer := untaggedByText(t, mapping, "Tell me when a supplier's price changed.")
	if answer.Kind != activity.EntryAnswer || answer.Activity != "One thing to fix" || answer.Member != "Priya Raman" ||
		answer.Segment != "Online-first brands" || answer.Item != "If we could fix one thing by next month, what should it be?" {
		t.Errorf("answer = %+v", answer)
	}

	proto := e.synthesis(e.sessionID("Supplier onboarding: import prototype"))
	first := proto.Tasks[0]
	if first.Variant != "Upload a file" || first.Task != "Add your first price list" ||
		first.Result.Success != 3 || first.Result.Fail != 1 || first.Result.Partial != 0 {
		t.Errorf("first task = %+v", first)
	}
	if len(proto.Tasks) != 6 {
		t.Errorf("tasks = %d, want 2 variants × 3 tasks", len(proto.Tasks))
	}
	if r := proto.Activities[0].Reactions; r != (activity.Reactions{Confusion: 1, Excitement: 1, Frustration: 1}) {
		t.Errorf("reactions of the prototype test = %+v", r)
	}

	ideas := e.synthesis(e.sessionID("Analytics add-on: ideas for the reports"))
	if len(ideas.Ideas) != 6 || ideas.Ideas[0].Ranked.Text != "Show the money a report saved last month" ||
		ideas.Ideas[0].Ranked.Dots != 5 || ideas.Ideas[0].Ranked.Pitch != 5 || ideas.Ideas[0].Item == "" {
		t.Errorf("ideas = %+v", ideas.Ideas)
	}
}

// Tagging a journey note and a prototype observation puts them in the
// theme, with their segments; a stance is no text and is refused.
func TestTagEntryAcrossActivities(t *testing.T) {
	e := demoEnv(t)
	mappingID := e.sessionID("Supplier onboarding: where it hurts")
	note := untaggedByText(t, e.synthesis(mappingID), "Every supplier uses different units (kg, crate, piece)")
	if note.Kind != activity.EntryNote || note.Item != "Get the price list" || note.Activity != "Walk the journey" {
		t.Fatalf("journey note = %+v", note)
	}
	tagged, err := e.s.Syntheses.TagEntry(note.ID, []string{"manual PRICE lists", "Units"})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(tagged.Themes, []string{"Manual price lists", "Units"}) {
		t.Errorf("themes = %q, want the existing spelling reused", tagged.Themes)
	}
	syn := e.synthesis(mappingID)
	th := themeNamed(syn, "Manual price lists")
	if th == nil || len(th.Entries) != 3 || th.Entries[2].ID != note.ID || th.Entries[2].Segment != "Restaurants & cafés" {
		t.Fatalf("Manual price lists = %+v", th)
	}
	wantSeg := map[string]int{"Independent retailers": 1, "Online-first brands": 1, "Restaurants & cafés": 1}
	if !reflect.DeepEqual(th.BySegment, wantSeg) {
		t.Errorf("by segment = %v, want %v", th.BySegment, wantSeg)
	}
	for _, u := range syn.Untagged {
		if u.ID == note.ID {
			t.Errorf("the tagged note is still untagged")
		}
	}

	protoID := e.sessionID("Supplier onboarding: import prototype")
	obs := untaggedByText(t, e.synthesis(protoID), "Her file was an Excel with merged cells; the import stopped.")
	if obs.Kind != activity.EntryObservation || obs.Item != "Add your first price list · Upload a file" {
		t.Fatalf("observation = %+v", obs)
	}
	if _, err := e.s.Syntheses.TagEntry(obs.ID, []string{"Manual price lists"}); err != nil {
		t.Fatal(err)
	}
	th = themeNamed(e.synthesis(protoID), "Manual price lists")
	if th == nil || len(th.Entries) != 2 || th.Entries[1].ID != obs.ID || th.BySegment["Online-first brands"] != 1 ||
		th.Entries[1].Member != "Grace Okafor" {
		t.Errorf("Manual price lists in the prototype test = %+v", th)
	}

	before := e.synthCounts()
	var stance int64
	if err := e.db.Get(&stance, `SELECT id FROM entries WHERE kind = 'stance' LIMIT 1`); err != nil {
		t.Fatal(err)
	}
	_, err = e.s.Syntheses.TagEntry(stance, []string{"Units"})
	storetest.WantErr(t, err, store.ErrInvalid, "is a stance")
	_, err = e.s.Syntheses.TagEntry(999999, []string{"Units"})
	storetest.WantErr(t, err, store.ErrNotFound, "entry 999999 not found")
	_, err = e.s.Syntheses.TagEntry(obs.ID, []string{strings.Repeat("x", 81)})
	storetest.WantErr(t, err, store.ErrInvalid, "longer than 80")
	if after := e.synthCounts(); !reflect.DeepEqual(after, before) {
		t.Errorf("refused tags wrote rows: %v -> %v", before, after)
	}
}

func TestOpportunityStatus(t *testing.T) {
	e := demoEnv(t)
	id := e.sessionID("Supplier onboarding: where it hurts")
	o, err := e.s.Syntheses.SaveOpportunity(OpportunityInput{SessionID: id, HMW: "How might we read price lists for you?",
		Effort: 3, Impact: 5})
	if err != nil {
		t.Fatal(err)
	}
	if o.Status != OpportunityExploring {
		t.Errorf("new opportunity status = %q, want exploring", o.Status)
	}
	for _, st := range AllOpportunityStatuses {
		got, err := e.s.Syntheses.SetOpportunityStatus(o.ID, string(st.Value))
		if err != nil || got.Status != st.Value {
			t.Errorf("status %q: %+v, %v", st.Value, got, err)
		}
	}
	// Editing the statement keeps the status.
	edited, err := e.s.Syntheses.SaveOpportunity(OpportunityInput{ID: o.ID, HMW: "How might we read any price list?", Effort: 3, Impact: 5})
	if err != nil || edited.Status != OpportunityDropped {
		t.Errorf("edited = %+v, %v; want the status kept", edited, err)
	}
	_, err = e.s.Syntheses.SetOpportunityStatus(o.ID, "shipped")
	storetest.WantErr(t, err, store.ErrInvalid, `status "shipped"`)
	_, err = e.s.Syntheses.SetOpportunityStatus(404, "roadmap")
	storetest.WantErr(t, err, store.ErrNotFound, "opportunity 404 not found")
	if got := e.synthesis(id).Opportunities[0]; got.Status != OpportunityDropped {
		t.Errorf("status after refusals = %q", got.Status)
	}
	storetest.WantCheckIn(t, e.db, "opportunities", "status", OpportunityStatuses)
}

// An opportunity becomes an assumption of the session's decision, linked
// both ways: the opportunity names it, the decision and the ledger name
// the opportunity and its session.
func TestOpportunityToAssumption(t *testing.T) {
	e := demoEnv(t)
	id := e.sessionID("Supplier onboarding: where it hurts")
	syn := e.synthesis(id)
	pain := syn.PainPoints[0]
	o, err := e.s.Syntheses.SaveOpportunity(OpportunityInput{SessionID: id, HMW: "How might we read suppliers' PDFs for them?",
		Effort: 4, Impact: 5, SourceEntryID: pain.Ranked.EntryID})
	if err != nil {
		t.Fatal(err)
	}
	if o.SourceEntryID != pain.Ranked.EntryID || o.Source != "Price lists arrive as PDFs I retype by hand" {
		t.Errorf("source = %d %q", o.SourceEntryID, o.Source)
	}

	bad := AssumptionInput{Customers: "independent retailers", Behavior: " ", Reason: "retyping costs them Sundays",
		Category: "usefulness", Importance: 9, Evidence: 1}
	before := e.synthCounts()
	_, err = e.s.Syntheses.OpportunityToAssumption(o.ID, bad)
	storetest.WantErr(t, err, store.ErrInvalid, "behavior")
	for _, field := range []string{`category "usefulness"`, "importance"} {
		if !strings.Contains(err.Error(), field) {
			t.Errorf("error %q does not name %s", err, field)
		}
	}
	if after := e.synthCounts(); !reflect.DeepEqual(after, before) {
		t.Errorf("refused hypothesis wrote rows: %v -> %v", before, after)
	}
	// A hypothesis goes on the session's decision, as a new assumption.
	var decisionID int64
	if err := e.db.Get(&decisionID, `SELECT decision_id FROM sessions WHERE id = ?`, id); err != nil {
		t.Fatal(err)
	}
	wrong := AssumptionInput{DecisionID: decisionID + 1, Customers: "c", Behavior: "b", Reason: "r",
		Category: "viability", Importance: 3, Evidence: 3}
	_, err = e.s.Syntheses.OpportunityToAssumption(o.ID, wrong)
	storetest.WantErr(t, err, store.ErrInvalid, "decisionId")
	wrong.DecisionID, wrong.ID = 0, 1
	_, err = e.s.Syntheses.OpportunityToAssumption(o.ID, wrong)
	storetest.WantErr(t, err, store.ErrInvalid, "id 1: a hypothesis is a new assumption")
	if after := e.synthCounts(); !reflect.DeepEqual(after, before) {
		t.Errorf("refused hypotheses wrote rows: %v -> %v", before, after)
	}
	if got := e.synthesis(id).Opportunities[0]; got.AssumptionID != 0 {
		t.Errorf("refused hypothesis linked: %+v", got)
	}

	h := AssumptionInput{Customers: "independent retailers", Behavior: "upload their suppliers' PDF price lists",
		Reason: "retyping them costs a Sunday a week", Category: "desirability", Importance: 5, Evidence: 2}
	a, err := e.s.Syntheses.OpportunityToAssumption(o.ID, h)
	if err != nil {
		t.Fatal(err)
	}
	wantRef := OpportunityRef{ID: o.ID, HMW: o.HMW, SessionID: id, SessionTitle: "Supplier onboarding: where it hurts"}
	if a.DecisionID != decisionID || a.Sentence != "We believe independent retailers will upload their suppliers' PDF price lists because retyping them costs a Sunday a week." ||
		a.FromOpportunity == nil || *a.FromOpportunity != wantRef {
		t.Errorf("assumption = %+v", a)
	}
	if got := e.synthesis(id).Opportunities[0]; got.AssumptionID != a.ID || got.Assumption != a.Sentence {
		t.Errorf("opportunity after = %+v", got)
	}
	d, err := e.s.Decisions.GetDecision(decisionID)
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, x := range d.Assumptions {
		if x.ID == a.ID {
			found = x.FromOpportunity != nil && *x.FromOpportunity == wantRef && x.Top
		} else if x.FromOpportunity != nil {
			t.Errorf("assumption %d has an origin: %+v", x.ID, x.FromOpportunity)
		}
	}
	if !found {
		t.Errorf("decision's assumptions lack the new one with its origin: %+v", d.Assumptions)
	}
	l, err := e.s.Decisions.Ledger(LedgerQuery{DecisionID: decisionID})
	if err != nil {
		t.Fatal(err)
	}
	found = false
	for _, le := range l.Entries {
		found = found || (le.Assumption.ID == a.ID && le.Assumption.FromOpportunity != nil && *le.Assumption.FromOpportunity == wantRef)
	}
	if !found {
		t.Errorf("ledger lacks the assumption's origin")
	}

	before = e.synthCounts()
	_, err = e.s.Syntheses.OpportunityToAssumption(o.ID, h)
	storetest.WantErr(t, err, store.ErrInvalid, "already became assumption")
	_, err = e.s.Syntheses.OpportunityToAssumption(404, h)

	storetest.WantErr(t, err, store.ErrNotFound, "opportunity 404 not found")
	if after := e.synthCounts(); !reflect.DeepEqual(after, before) {
		t.Errorf("refused calls wrote rows: %v -> %v", before, after)
	}
	// Deleting the assumption unlinks the opportunity, which stays.
	if err := e.s.Decisions.DeleteAssumption(a.ID); err != nil {
		t.Fatal(err)
	}
	if got := e.synthesis(id).Opportunities; len(got) != 1 || got[0].AssumptionID != 0 {
		t.Errorf("after deleting the assumption: %+v", got)
	}
}

func TestNextTestAfterNeedsResearch(t *testing.T) {
	desirable := Assumption{ID: 1, DecisionID: 2, Customers: "café owners", Behavior: "photograph paper price lists",
		Reason: "suppliers send paper", Category: CategoryDesirability, Importance: 5, Evidence: 1}
	desirable.Sentence = sentence(desirable)
	nt := nextTest(desirable)
	if nt.Format != "prototype_testing" || nt.FormatLabel != "Prototype testing" ||
		nt.Card != "To learn whether café owners will photograph paper price lists, we will put a prototype in front of 3–5 café owners and look for them completing the task unaided and choosing it over what they do today." {
		t.Errorf("desirability with little evidence = %+v", nt)
	}
	for _, a := range []Assumption{
		{Customers: "café owners", Behavior: "pay", Category: CategoryViability, Evidence: 1},
		{Customers: "café owners", Behavior: "pay", Category: CategoryDesirability, Evidence: 3},
	} {
		if nt := nextTest(a); nt.Format != "assumption_testing" || !strings.HasPrefix(nt.Card, "To learn whether café owners will pay, we will test the assumption with 4–6 café owners and look for") {
			t.Errorf("%s, evidence %d: %+v", a.Category, a.Evidence, nt)
		}
	}

	// The sample assumption tests rated some assumptions "needs more
	// research": each gets a proposal, in session order.
	e := demoEnv(t)
	var rows []struct {
		SessionID    int64 `db:"session_id"`
		AssumptionID int64 `db:"assumption_id"`
	}
	if err := e.db.Select(&rows, `SELECT session_id, assumption_id FROM verdicts WHERE verdict = 'needs_research'
		ORDER BY session_id`); err != nil || len(rows) == 0 {
		t.Fatalf("needs-research verdicts: %v, %v", rows, err)
	}
	syn := e.synthesis(rows[0].SessionID)
	n := 0
	for _, r := range rows {
		if r.SessionID == rows[0].SessionID {
			n++
		}
	}
	if len(syn.NextTests) != n || syn.NextTests[0].DecisionID != syn.DecisionID || syn.NextTests[0].Card == "" {
		t.Errorf("next tests = %+v, want %d", syn.NextTests, n)
	}
	// The run's verdict result carries the same proposal, and only there.
	run, err := e.s.Runs.GetRun(rows[0].SessionID)
	if err != nil {
		t.Fatal(err)
	}
	proposed := 0
	for _, it := range run.Items {
		research := it.Verdict != nil && it.Verdict.Verdict == VerdictNeedsResearch
		if research != (it.NextTest != nil) {
			t.Errorf("assumption %d: verdict %+v, next test %+v", it.Assumption.ID, it.Verdict, it.NextTest)
		}
		if it.NextTest != nil {
			if *it.NextTest != syn.NextTests[proposed] {
				t.Errorf("run proposes %+v, synthesis %+v", *it.NextTest, syn.NextTests[proposed])
			}
			proposed++
		}
	}
}
