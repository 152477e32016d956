package session

import (
	"context"
	"fmt"
	"reflect"
	"strings"
	"sync"
	"testing"

	"soundingboard/backend/activity"
	"soundingboard/backend/store"
	"soundingboard/backend/storetest"
)

// runScene is a running session over three assumptions with three
// participants (Ada in Enterprise, Bo in SMB, Cy without a segment), plus
// an outsider on the board and an assumption of the decision the session
// does not test.
type runScene struct {
	decision, session     int64
	a1, a2, a3, untested  int64
	ada, bo, cy, outsider int64
}

func (f *runFx) scene() runScene {
	f.t.Helper()
	var sc runScene
	sc.decision = f.decision("Pricing")
	sc.a1 = f.assumption(sc.decision, "viability", 5, 1)
	sc.a2 = f.assumption(sc.decision, "desirability", 3, 2)
	sc.a3 = f.assumption(sc.decision, "feasibility", 2, 4)
	sc.untested = f.assumption(sc.decision, "viability", 4, 2)
	sc.ada = f.member("Ada", "Enterprise")
	sc.bo = f.member("Bo", "SMB")
	sc.cy = f.member("Cy", "")
	sc.outsider = f.member("Olga", "SMB")
	sc.session = f.session(sc.decision, "June pricing", "running", "2025-06-10",
		[]int64{sc.a1, sc.a2, sc.a3}, "confirmed", sc.ada, sc.bo, sc.cy)
	return sc
}

func TestSaveFieldRefusesBadEdits(t *testing.T) {
	f := newRunFx(t)
	sc := f.scene()
	f.field(sc.session, sc.a1, sc.ada, "notes", "kept")
	before := f.rowCounts()
	key := ResponseKey{sc.session, sc.a1, sc.ada}
	for _, tc := range []struct {
		name      string
		edit      FieldEdit
		kind      error
		fragments []string
	}{
		{"unknown field", FieldEdit{key, "mood", "x"}, store.ErrInvalid, []string{`field "mood" is not one of stance, needs, reactions, notes`}},
		{"bad stance", FieldEdit{key, "stance", "maybe"}, store.ErrInvalid, []string{`stance "maybe" is not one of matches`}},
		{"bad reaction", FieldEdit{key, "reactions", "confusion, boredom"}, store.ErrInvalid, []string{`reaction "boredom"`}},
		{"notes too long", FieldEdit{key, "notes", strings.Repeat("é", 20001)}, store.ErrInvalid, []string{"notes is longer than 20000"}},
		{"needs too long", FieldEdit{key, "needs", strings.Repeat("x", 20001)}, store.ErrInvalid, []string{"needs is longer than 20000"}},
		{"unknown session", FieldEdit{ResponseKey{999, sc.a1, sc.ada}, "notes", "x"}, store.ErrNotFound, []string{"session 999 not found"}},
		{"unknown assumption", FieldEdit{ResponseKey{sc.session, 999, sc.ada}, "notes", "x"}, store.ErrNotFound, []string{"assumption 999 not found"}},
		{"assumption not in session", FieldEdit{ResponseKey{sc.session, sc.untested, sc.ada}, "notes", "x"}, store.ErrInvalid,
			[]string{fmt.Sprintf("assumption %d is not part of session \"June pricing\"", sc.untested)}},
		{"unknown member", FieldEdit{ResponseKey{sc.session, sc.a1, 999}, "notes", "x"}, store.ErrNotFound, []string{"member 999 not found"}},
		{"not a participant", FieldEdit{ResponseKey{sc.session, sc.a1, sc.outsider}, "notes", "x"}, store.ErrInvalid,
			[]string{"Olga", "is not a participant"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := f.s.Runs.SaveField(tc.edit)
			storetest.WantErr(t, err, tc.kind, tc.fragments...)
		})
	}
	if after := f.rowCounts(); after != before {
		t.Errorf("rows changed by refused edits: %s -> %s", before, after)
	}
	rs, _ := loadResponses(context.Background(), f.db, `r.session_id = ?`, sc.session)
	if len(rs) != 1 || rs[0].Notes != "kept" {
		t.Errorf("responses after refused edits = %+v", rs)
	}
}

func TestSaveFieldWritesOnlyItsField(t *testing.T) {
	f := newRunFx(t)
	sc := f.scene()
	r := f.field(sc.session, sc.a1, sc.ada, "notes", "Budgets are set yearly ")
	if r.ID == 0 || r.Notes != "Budgets are set yearly " || r.Stance != "" || len(r.Reactions) != 0 || r.Reactions == nil {
		t.Fatalf("first edit = %+v (notes must be kept as typed, trailing space too)", r)
	}
	r2 := f.field(sc.session, sc.a1, sc.ada, "stance", " Does_Not_Match ")
	if r2.ID != r.ID || r2.Stance != "does_not_match" || r2.Notes != r.Notes {
		t.Fatalf("stance edit = %+v", r2)
	}
	r3 := f.field(sc.session, sc.a1, sc.ada, "reactions", "Frustration, confusion,,confusion ")
	if !reflect.DeepEqual(r3.Reactions, []activity.Reaction{activity.ReactionConfusion, activity.ReactionFrustration}) || r3.Stance != "does_not_match" {
		t.Fatalf("reactions edit = %+v, want confusion, frustration in Reactions order", r3)
	}
	r4 := f.field(sc.session, sc.a1, sc.ada, "needs", "An annual plan")
	if r4.Needs != "An annual plan" || r4.Notes != r.Notes || len(r4.Reactions) != 2 || r4.UpdatedAt <= r.UpdatedAt {
		t.Fatalf("needs edit = %+v", r4)
	}
	if r5 := f.field(sc.session, sc.a1, sc.ada, "stance", ""); r5.Stance != "" {
		t.Fatalf("clearing the stance = %+v", r5)
	}
	if r6 := f.field(sc.session, sc.a1, sc.ada, "reactions", ""); len(r6.Reactions) != 0 || r6.Reactions == nil {
		t.Fatalf("clearing reactions = %#v", r6.Reactions)
	}
	// One entry per field, written over in place; the cleared stance is
	// kept blank (with its id), the cleared reactions are gone.
	var slots []string
	if err := f.db.Select(&slots, `SELECT kind || '=' || count(*) FROM entries GROUP BY kind ORDER BY kind`); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(slots, []string{"needs=1", "note=1", "stance=1"}) {
		t.Fatalf("entries by kind = %v, want one per field", slots)
	}
	// After finishing, notes can still be cleaned up.
	f.exec(`UPDATE sessions SET status = 'finished' WHERE id = ?`, sc.session)
	if r7 := f.field(sc.session, sc.a1, sc.ada, "notes", "Budgets are set yearly."); r7.Notes != "Budgets are set yearly." {
		t.Fatalf("edit after finishing = %+v", r7)
	}
}

// Eight writers type into different fields of two responses of the same
// assumption at once; every field must end with its writer's last value,
// also after the file is closed and opened again.
func TestSaveFieldConcurrentEditsLoseNothing(t *testing.T) {
	f := newRunFx(t)
	sc := f.scene()
	const edits = 200
	type writer struct {
		member int64
		field  string
	}
	var writers []writer
	for _, m := range []int64{sc.ada, sc.bo} {
		for _, field := range responseFields {
			writers = append(writers, writer{m, field})
		}
	}
	value := func(w writer, i int) string {
		switch w.field {
		case "stance":
			return Stances[i%len(Stances)]
		case "reactions":
			return strings.Join(activity.ReactionKinds[:1+i%len(activity.ReactionKinds)], ",")
		}
		return fmt.Sprintf("%s of member %d, keystroke %d", w.field, w.member, i)
	}
	var wg sync.WaitGroup
	errs := make(chan error, len(writers))
	for _, w := range writers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range edits {
				if _, err := f.s.Runs.SaveField(FieldEdit{ResponseKey{sc.session, sc.a2, w.member}, w.field, value(w, i)}); err != nil {
					errs <- err
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}

	check := func(db *store.DB, when string) {
		t.Helper()
		rs, err := loadResponses(context.Background(), db, `r.session_id = ?`, sc.session)
		if err != nil {
			t.Fatal(err)
		}
		if len(rs) != 2 {
			t.Fatalf("%s: %d responses, want 2", when, len(rs))
		}
		for _, r := range rs {
			reactions := make([]string, len(r.Reactions))
			for i, x := range r.Reactions {
				reactions[i] = string(x)
			}
			got := map[string]string{"stance": string(r.Stance), "needs": r.Needs, "notes": r.Notes,
				"reactions": strings.Join(reactions, ",")}
			for _, field := range responseFields {
				if want := value(writer{r.MemberID, field}, edits-1); got[field] != want {
					t.Errorf("%s: member %d %s = %q, want the last write %q", when, r.MemberID, field, got[field], want)
				}
			}
		}
	}
	check(f.db, "live")

	f.db.Close()
	db, err := store.Open(context.Background(), f.path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	check(db, "reopened")
}

func TestAddTimeAndSetPosition(t *testing.T) {
	f := newRunFx(t)
	sc := f.scene()
	for _, secs := range []int{30, 45} {
		if _, err := f.s.Runs.AddTime(sc.session, sc.a2, secs); err != nil {
			t.Fatal(err)
		}
	}
	if total, err := f.s.Runs.AddTime(sc.session, sc.a2, 5); err != nil || total != 80 {
		t.Fatalf("total = %d, %v; want 80", total, err)
	}
	_, err := f.s.Runs.AddTime(sc.session, sc.a2, 0)
	storetest.WantErr(t, err, store.ErrInvalid, "seconds 0 is out of range (1 to 3600)")
	_, err = f.s.Runs.AddTime(sc.session, sc.a2, 3601)
	storetest.WantErr(t, err, store.ErrInvalid, "seconds 3601")
	_, err = f.s.Runs.AddTime(sc.session, sc.untested, 10)
	storetest.WantErr(t, err, store.ErrInvalid, "is not part of session")
	_, err = f.s.Runs.AddTime(404, sc.a1, 10)
	storetest.WantErr(t, err, store.ErrNotFound, "session 404 not found")

	if err := f.s.Runs.SetPosition(sc.session, 2); err != nil {
		t.Fatal(err)
	}
	var pos int
	if err := f.db.Get(&pos, `SELECT current_position FROM sessions WHERE id = ?`, sc.session); err != nil || pos != 2 {
		t.Fatalf("position = %d, %v", pos, err)
	}
	storetest.WantErr(t, f.s.Runs.SetPosition(sc.session, 3), store.ErrInvalid, "position 3 is out of range (0 to 2)")
	storetest.WantErr(t, f.s.Runs.SetPosition(sc.session, -1), store.ErrInvalid, "position -1")
	storetest.WantErr(t, f.s.Runs.SetPosition(404, 0), store.ErrNotFound, "session 404 not found")
	empty := f.session(sc.decision, "Empty", "planned", "", nil, "invited")
	storetest.WantErr(t, f.s.Runs.SetPosition(empty, 0), store.ErrInvalid, "has no assumptions")
}

func TestQuotes(t *testing.T) {
	f := newRunFx(t)
	sc := f.scene()
	q := f.quote(sc.session, sc.a1, sc.ada, "We set budgets once a year")
	if q.ID == 0 || q.Member != "Ada" || q.Segment != "Enterprise" || q.AssumptionID != sc.a1 || q.Themes == nil {
		t.Fatalf("quote = %+v", q)
	}
	general := f.quote(sc.session, 0, 0, "  Someone at the back: \"too expensive\"  ")
	if general.MemberID != 0 || general.AssumptionID != 0 || general.Member != "" ||
		general.Text != "  Someone at the back: \"too expensive\"  " {
		t.Fatalf("general quote = %+v (kept as typed)", general)
	}
	edited, err := f.s.Runs.SaveQuote(QuoteInput{ID: q.ID, AssumptionID: sc.a1, MemberID: sc.bo, Text: "We set budgets once a year, in March"})
	if err != nil || edited.Text != "We set budgets once a year, in March" || edited.Member != "Bo" || edited.SessionID != sc.session {
		t.Fatalf("edit = %+v, %v", edited, err)
	}

	other := f.session(sc.decision, "Other", "planned", "", []int64{sc.untested}, "invited", sc.outsider)
	before := f.rowCounts()
	for _, tc := range []struct {
		name      string
		in        QuoteInput
		kind      error
		fragments []string
	}{
		{"blank", QuoteInput{SessionID: sc.session, Text: "   "}, store.ErrInvalid, []string{"text is required"}},
		{"too long", QuoteInput{SessionID: sc.session, Text: strings.Repeat("x", 10001)}, store.ErrInvalid, []string{"text is longer than 10000"}},
		{"unknown session", QuoteInput{SessionID: 404, Text: "x"}, store.ErrNotFound, []string{"session 404 not found"}},
		{"not a participant", QuoteInput{SessionID: sc.session, MemberID: sc.outsider, Text: "x"}, store.ErrInvalid, []string{"Olga", "not a participant"}},
		{"unknown member", QuoteInput{SessionID: sc.session, MemberID: 404, Text: "x"}, store.ErrNotFound, []string{"member 404 not found"}},
		{"assumption not in session", QuoteInput{SessionID: sc.session, AssumptionID: sc.untested, Text: "x"}, store.ErrInvalid, []string{"not part of session"}},
		{"unknown quote", QuoteInput{ID: 404, Text: "x"}, store.ErrNotFound, []string{"quote 404 not found"}},
		{"moved to another session", QuoteInput{ID: q.ID, SessionID: other, Text: "x"}, store.ErrInvalid, []string{"belongs to session"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := f.s.Runs.SaveQuote(tc.in)
			storetest.WantErr(t, err, tc.kind, tc.fragments...)
		})
	}
	if after := f.rowCounts(); after != before {
		t.Errorf("rows changed by refused quotes: %s -> %s", before, after)
	}
	if got, _ := getQuote(context.Background(), f.db, q.ID); got.Text != edited.Text {
		t.Errorf("refused edit changed the quote: %+v", got)
	}

	if err := f.s.Runs.DeleteQuote(general.ID); err != nil {
		t.Fatal(err)
	}
	storetest.WantErr(t, f.s.Runs.DeleteQuote(general.ID), store.ErrNotFound, fmt.Sprintf("quote %d not found", general.ID))
	if n := f.count("entries"); n != 1 {
		t.Fatalf("%d quotes left, want 1", n)
	}
}

func TestTallyRules(t *testing.T) {
	ps := []Participant{
		{MemberID: 1, State: "attended"}, {MemberID: 2, State: "attended"}, {MemberID: 3, State: "confirmed"},
		{MemberID: 4, State: "invited"}, {MemberID: 5, State: "no_show"}, {MemberID: 6, State: "attended"},
		{MemberID: 7, State: "attended"},
	}
	stances := map[int64]Stance{1: "matches", 2: "partly", 3: "does_not_match", 5: "matches", 6: "unsure"}
	for _, tc := range []struct {
		finished bool
		want     Tally
	}{
		// Running: everyone not a no-show is expected to answer (4 and 7).
		{false, Tally{Matches: 1, Partly: 1, DoesNotMatch: 1, Unsure: 1, NoAnswer: 2}},
		// Finished: only attendees without a stance are missing answers (7);
		// the confirmed member's stance still counts, the no-show's does not.
		{true, Tally{Matches: 1, Partly: 1, DoesNotMatch: 1, Unsure: 1, NoAnswer: 1}},
	} {
		if got := tallyOf(ps, tc.finished, stances); got != tc.want {
			t.Errorf("finished=%v: tally = %+v, want %+v", tc.finished, got, tc.want)
		}
	}
}

func TestGetRun(t *testing.T) {
	f := newRunFx(t)
	sc := f.scene()
	noShow := f.member("Dee", "SMB")
	f.exec(`INSERT INTO participants (session_id, member_id, state) VALUES (?, ?, 'no_show')`, sc.session, noShow)
	f.field(sc.session, sc.a1, sc.ada, "stance", "matches")
	f.field(sc.session, sc.a1, sc.bo, "stance", "does_not_match")
	f.field(sc.session, sc.a1, sc.bo, "notes", "Too pricey")
	f.field(sc.session, sc.a2, sc.cy, "needs", "SSO")
	q1 := f.quote(sc.session, sc.a1, sc.bo, "Too pricey for us")
	f.quote(sc.session, 0, sc.ada, "Love the idea overall")
	if _, err := f.s.Runs.AddTime(sc.session, sc.a1, 90); err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.Runs.SetVerdict(VerdictInput{SessionID: sc.session, AssumptionID: sc.a1, Verdict: "needs_research", Confidence: 2}); err != nil {
		t.Fatal(err)
	}

	run, err := f.s.Runs.GetRun(sc.session)
	if err != nil {
		t.Fatal(err)
	}
	if run.Session.Title != "June pricing" || !reflect.DeepEqual(run.Prompts, RunPrompts) || len(run.Items) != 3 {
		t.Fatalf("run = %+v", run)
	}
	want := []int64{sc.a1, sc.a2, sc.a3}
	for i, it := range run.Items {
		if it.Assumption.ID != want[i] || it.Assumption.Sentence == "" {
			t.Errorf("item %d is assumption %d, want %d in session order", i, it.Assumption.ID, want[i])
		}
		if len(it.Responses) != 3 {
			t.Fatalf("item %d has %d responses, want one per participant who is not a no-show", i, len(it.Responses))
		}
		for j, r := range it.Responses {
			if r.MemberID != run.Session.Participants[j].MemberID || r.AssumptionID != it.Assumption.ID ||
				r.SessionID != sc.session || r.Reactions == nil || r.Themes == nil {
				t.Errorf("item %d response %d = %+v", i, j, r)
			}
		}
		if it.Quotes == nil {
			t.Errorf("item %d quotes are nil", i)
		}
	}
	a1 := run.Items[0]
	if a1.SecondsSpent != 90 || a1.Verdict == nil || a1.Verdict.Verdict != "needs_research" {
		t.Errorf("item 1 = %+v", a1)
	}
	if len(a1.Quotes) != 1 || a1.Quotes[0].ID != q1.ID || a1.Quotes[0].Member != "Bo" {
		t.Errorf("item 1 quotes = %+v", a1.Quotes)
	}
	byMember := map[int64]Response{}
	for _, r := range a1.Responses {
		byMember[r.MemberID] = r
	}
	if byMember[sc.bo].Notes != "Too pricey" || byMember[sc.bo].ID == 0 || byMember[sc.cy].ID != 0 {
		t.Errorf("item 1 responses = %+v", a1.Responses)
	}
	if a1.Tally != (Tally{Matches: 1, DoesNotMatch: 1, NoAnswer: 1}) {
		t.Errorf("item 1 tally = %+v", a1.Tally)
	}
	if run.Items[1].Verdict != nil || run.Items[1].Tally.NoAnswer != 3 || run.Items[1].Responses[2].Needs != "SSO" {
		t.Errorf("item 2 = %+v", run.Items[1])
	}
	if len(run.General) != 1 || run.General[0].Text != "Love the idea overall" {
		t.Errorf("general quotes = %+v", run.General)
	}

	// Finished, with Cy marked attended and Ada and Bo put back to
	// confirmed (as in a database from before recording marked people
	// attended): only Cy's missing stance is a missing answer.
	f.exec(`UPDATE sessions SET status = 'finished' WHERE id = ?`, sc.session)
	f.exec(`UPDATE participants SET state = 'confirmed' WHERE session_id = ? AND member_id IN (?, ?)`, sc.session, sc.ada, sc.bo)
	f.setState(sc.session, sc.cy, "attended")
	run, err = f.s.Runs.GetRun(sc.session)
	if err != nil {
		t.Fatal(err)
	}
	if got := run.Items[1].Tally; got != (Tally{NoAnswer: 1}) {
		t.Errorf("finished tally = %+v, want only the attendee without a stance", got)
	}
	if _, err := f.s.Runs.GetRun(404); err == nil || !strings.Contains(err.Error(), "session 404 not found") {
		t.Errorf("unknown session: %v", err)
	}
}
