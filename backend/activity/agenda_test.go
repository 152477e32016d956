package activity

import (
	"maps"
	"slices"
	"strings"
	"testing"

	"soundingboard/backend/store"
	"soundingboard/backend/storetest"
)

// Every field of an activity is checked for its kind; the error names the
// field, and nothing is written.
func TestSaveActivityValidation(t *testing.T) {
	f := newFx(t)
	d := f.decision("Pricing")
	other := f.assumption(f.decision("Other"), "Teams", "pay", "it saves time")
	s := f.session(d, "June", "problem_mapping")
	long := strings.Repeat("x", 301)
	for _, tc := range []struct {
		name  string
		in    ActivityInput
		field string
		says  string
	}{
		{"no title", ActivityInput{Kind: KindOpenQuestion, Title: "  "}, "title", "title is required"},
		{"long title", ActivityInput{Kind: KindOpenQuestion, Title: long}, "title", "longer than 300"},
		{"bad kind", ActivityInput{Kind: "poll", Title: "x"}, "kind", `kind "poll"`},
		{"long prompt", ActivityInput{Kind: KindOpenQuestion, Title: "x", Prompt: strings.Repeat("p", 2001)}, "prompt", "2000"},
		{"minutes", ActivityInput{Kind: KindOpenQuestion, Title: "x", Minutes: 601}, "minutes", "minutes 601"},
		{"negative minutes", ActivityInput{Kind: KindOpenQuestion, Title: "x", Minutes: -1}, "minutes", "minutes -1"},
		{"rating scale", ActivityInput{Kind: KindRating, Title: "x", Scale: 6}, "scale", "not 5 or 7"},
		{"scale elsewhere", ActivityInput{Kind: KindJourneyBoard, Title: "x", Scale: 5}, "scale", "only a rating"},
		{"dots", ActivityInput{Kind: KindIdeaRound, Title: "x", Dots: 21}, "dots", "dots 21"},
		{"dots elsewhere", ActivityInput{Kind: KindRating, Title: "x", Scale: 5, Dots: 3}, "dots", "only a journey board"},
		{"role", ActivityInput{Kind: KindJourneyBoard, Title: "x", Items: items(RoleQuestion, "Why?")},
			"items[0].role", `"question" is not one of stage`},
		{"blank item", ActivityInput{Kind: KindPrototypeTest, Title: "x",
			Items: []ItemInput{{Role: RoleVariant, Text: "A"}, {Role: RoleTask, Text: " "}}}, "items[1].text", "required"},
		{"long item", ActivityInput{Kind: KindOpenQuestion, Title: "x", Items: items(RoleQuestion, strings.Repeat("q", 2001))},
			"items[0].text", "2000"},
		{"too many items", ActivityInput{Kind: KindOpenQuestion, Title: "x", Items: items(RoleQuestion, slices.Repeat([]string{"q"}, 51)...)},
			"items", "51 items are more than the 50"},
		{"assumption without id", ActivityInput{Kind: KindAssumptionCheck, Title: "x",
			Items: []ItemInput{{Role: RoleAssumption}}}, "items[0].assumptionId", "required"},
		{"assumption of another decision", ActivityInput{Kind: KindAssumptionCheck, Title: "x",
			Items: []ItemInput{{Role: RoleAssumption, AssumptionID: other}}}, "items[0].assumptionId", "not an assumption of the decision"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tc.in.SessionID = s
			_, err := f.s.SaveActivity(tc.in)
			storetest.WantErr(t, err, store.ErrInvalid, tc.says)
			if p := store.Describe(err); len(p.Fields) == 0 || p.Fields[0].Field != tc.field {
				t.Errorf("fields = %+v, want %s first", p.Fields, tc.field)
			}
			if n := f.count("activities") + f.count("activity_items"); n != 0 {
				t.Errorf("%d rows written", n)
			}
		})
	}
	_, err := f.s.SaveActivity(ActivityInput{SessionID: 999, Kind: KindOpenQuestion, Title: "x"})
	storetest.WantErr(t, err, store.ErrNotFound, "session 999")
	_, err = f.s.SaveActivity(ActivityInput{ID: 999, SessionID: s, Kind: KindOpenQuestion, Title: "x"})
	storetest.WantErr(t, err, store.ErrNotFound, "activity 999")
}

// Adding appends at the end; editing keeps the position and makes the
// items the list given: ids kept, new ones added, left out ones deleted,
// but never one that holds entries. The kind is fixed once there are
// entries, and an activity of another session is not edited.
func TestSaveActivityItems(t *testing.T) {
	f := newFx(t)
	s := f.session(f.decision("Pricing"), "June", "prototype_testing")
	ann := f.participant(s, "Ann")
	first := f.add(ActivityInput{SessionID: s, Kind: KindOpenQuestion, Title: "Warm up",
		Items: items(RoleQuestion, "How do you work today?")})
	test := f.add(ActivityInput{SessionID: s, Kind: KindPrototypeTest, Title: "Try it", Minutes: 30,
		Items: append(items(RoleTask, "Sign up  ", "Invite"), items(RoleVariant, "A", "B")...)})
	if first.Position != 0 || test.Position != 1 {
		t.Errorf("positions %d, %d", first.Position, test.Position)
	}
	// Items come back by the kind's roles (variants, then tasks), texts as typed.
	var got []string
	for _, it := range test.Items {
		got = append(got, string(it.Role)+":"+it.Text)
	}
	if want := []string{"variant:A", "variant:B", "task:Sign up  ", "task:Invite"}; !slices.Equal(got, want) {
		t.Errorf("items %q, want %q", got, want)
	}

	variants, tasks := itemsOf(test, RoleVariant), itemsOf(test, RoleTask)
	f.entry(EntryInput{ActivityID: test.ID, ItemID: tasks[0], VariantID: variants[0], MemberID: ann,
		Kind: EntryResult, Text: "success"})

	// Drop task "Invite", rename variant B, add task "Pay" first among tasks.
	in := inputOf(test)
	in.Title = "Try both"
	in.Items = []ItemInput{{ID: variants[0], Role: RoleVariant, Text: "A"}, {ID: variants[1], Role: RoleVariant, Text: "B2"},
		{Role: RoleTask, Text: "Pay"}, {ID: tasks[0], Role: RoleTask, Text: "Sign up"}}
	edited, err := f.s.SaveActivity(in)
	if err != nil {
		t.Fatal(err)
	}
	got = nil
	for _, it := range edited.Items {
		got = append(got, string(it.Role)+":"+it.Text)
	}
	if want := []string{"variant:A", "variant:B2", "task:Pay", "task:Sign up"}; !slices.Equal(got, want) {
		t.Errorf("edited items %q, want %q", got, want)
	}
	if edited.Position != 1 || edited.Title != "Try both" || edited.Entries != 1 {
		t.Errorf("edited %+v", edited)
	}

	// Variant A holds the result: it cannot go, and nothing changes.
	in = inputOf(edited)
	in.Title = "Lost"
	in.Items = in.Items[1:]
	_, err = f.s.SaveActivity(in)
	storetest.WantErr(t, err, store.ErrInvalid, `variant "A" holds 1 entries and cannot be removed`)
	wantField(t, err, "items")
	// Nor can the kind change.
	in = inputOf(edited)
	in.Kind, in.Items = KindOpenQuestion, items(RoleQuestion, "Why?")
	_, err = f.s.SaveActivity(in)
	storetest.WantErr(t, err, store.ErrInvalid, "kind cannot change", "holds 1 entries")
	wantField(t, err, "kind")
	// An item's role is its own.
	in = inputOf(edited)
	in.Items[0].Role = RoleTask
	_, err = f.s.SaveActivity(in)
	storetest.WantErr(t, err, store.ErrInvalid, "is a variant and stays one")
	wantField(t, err, "items[0].role")
	// Items of another activity are not taken over.
	in = inputOf(first)
	in.Items = append(in.Items, ItemInput{ID: tasks[0], Role: RoleQuestion, Text: "x"})
	_, err = f.s.SaveActivity(in)
	storetest.WantErr(t, err, store.ErrInvalid, "is an item of another activity")
	wantField(t, err, "items[1].id")
	in.Items[1].ID = 9999
	_, err = f.s.SaveActivity(in)
	storetest.WantErr(t, err, store.ErrNotFound, "item 9999")
	// Another session's activity is not edited through this one.
	s2 := f.session(f.decision("Other"), "July", "problem_mapping")
	in = inputOf(first)
	in.SessionID = s2
	_, err = f.s.SaveActivity(in)
	storetest.WantErr(t, err, store.ErrInvalid, "belongs to another session")

	ag, err := f.s.Agenda(s)
	if err != nil {
		t.Fatal(err)
	}
	if got := titles(ag.Activities); !slices.Equal(got, []string{"Warm up", "Try both"}) {
		t.Errorf("agenda %q", got)
	}
	// An empty kind change is fine while nothing was noted.
	in = inputOf(first)
	in.Kind, in.Scale, in.Items = KindRating, 7, []ItemInput{{ID: first.Items[0].ID, Role: RoleQuestion, Text: "How easy?"}}
	if a, err := f.s.SaveActivity(in); err != nil || a.Kind != KindRating || a.Scale != 7 {
		t.Errorf("kind change: %+v, %v", a, err)
	}
}

// An assumption item reads as its sentence; an assumption is tested once
// per session, and only of the session's decision.
func TestAssumptionItems(t *testing.T) {
	f := newFx(t)
	d := f.decision("Pricing")
	a1 := f.assumption(d, "Small teams", "pay yearly", "it is cheaper")
	a2 := f.assumption(d, "Agencies", "resell it", "their clients ask?")
	s := f.session(d, "June", "assumption_testing")
	check := f.add(ActivityInput{SessionID: s, Kind: KindAssumptionCheck, Title: "Check",
		Items: []ItemInput{{Role: RoleAssumption, AssumptionID: a2}, {Role: RoleAssumption, AssumptionID: a1, Text: "ignored"}}})
	want := []string{"We believe Agencies will resell it because their clients ask?",
		"We believe Small teams will pay yearly because it is cheaper."}
	for i, it := range check.Items {
		if it.Text != want[i] || it.Position != i {
			t.Errorf("item %d: %+v, want %q", i, it, want[i])
		}
	}
	_, err := f.s.SaveActivity(ActivityInput{SessionID: s, Kind: KindAssumptionCheck, Title: "Again",
		Items: []ItemInput{{Role: RoleAssumption, AssumptionID: a1}}})
	storetest.WantErr(t, err, store.ErrInvalid, `already tested in "Check"`)
	wantField(t, err, "items[0].assumptionId")
	in := inputOf(check)
	in.Items = append(in.Items, ItemInput{Role: RoleAssumption, AssumptionID: a2})
	_, err = f.s.SaveActivity(in)
	storetest.WantErr(t, err, store.ErrInvalid, "listed twice in items")
	wantField(t, err, "items[2].assumptionId")
	in.Items[2].AssumptionID = 999
	_, err = f.s.SaveActivity(in)
	storetest.WantErr(t, err, store.ErrNotFound, "assumption 999")
	// Saving the check as it is keeps it valid (its own assumptions are not "elsewhere").
	if _, err := f.s.SaveActivity(inputOf(check)); err != nil {
		t.Error(err)
	}
}

// Move renumbers; remove takes an activity off (entries kept), restore
// puts it back where it was; a finished session's agenda stays as it ran.
func TestMoveRemoveRestore(t *testing.T) {
	f := newFx(t)
	s := f.session(f.decision("Pricing"), "June", "problem_mapping")
	ann := f.participant(s, "Ann")
	var ids []int64
	for _, title := range []string{"A", "B", "C", "D"} {
		ids = append(ids, f.add(ActivityInput{SessionID: s, Kind: KindOpenQuestion, Title: title,
			Items: items(RoleQuestion, "Q "+title)}).ID)
	}
	agendaIs := func(ag Agenda, active, removed []string) {
		t.Helper()
		if got := titles(ag.Activities); !slices.Equal(got, active) {
			t.Errorf("agenda %q, want %q", got, active)
		}
		if got := titles(ag.Removed); !slices.Equal(got, removed) {
			t.Errorf("removed %q, want %q", got, removed)
		}
		for i, a := range ag.Activities {
			if a.Position != i || a.Removed {
				t.Errorf("%s at %d: %+v", a.Title, i, a)
			}
		}
	}
	ag, err := f.s.MoveActivity(ids[3], 0)
	if err != nil {
		t.Fatal(err)
	}
	agendaIs(ag, []string{"D", "A", "B", "C"}, []string{})
	ag, _ = f.s.MoveActivity(ids[3], 99)
	agendaIs(ag, []string{"A", "B", "C", "D"}, []string{})
	_, err = f.s.MoveActivity(ids[3], -1)
	storetest.WantErr(t, err, store.ErrInvalid, "position -1")

	b := f.s.mustRun(t, ids[1])
	f.entry(EntryInput{ActivityID: ids[1], ItemID: b.Activity.Items[0].ID, MemberID: ann, Kind: EntryAnswer, Text: "Slowly"})
	ag, err = f.s.RemoveActivity(ids[1])
	if err != nil {
		t.Fatal(err)
	}
	agendaIs(ag, []string{"A", "C", "D"}, []string{"B"})
	if ag.Removed[0].Entries != 1 || !ag.Removed[0].Removed {
		t.Errorf("removed B: %+v", ag.Removed[0])
	}
	_, err = f.s.MoveActivity(ids[1], 0)
	storetest.WantErr(t, err, store.ErrInvalid, "restore it first")
	_, err = f.s.SaveEntry(EntryInput{ActivityID: ids[1], ItemID: b.Activity.Items[0].ID, MemberID: ann, Kind: EntryAnswer, Text: "x"})
	storetest.WantErr(t, err, store.ErrInvalid, "restore it first")
	_, err = f.s.RestoreActivity(ids[0])
	storetest.WantErr(t, err, store.ErrInvalid, "not removed")

	ag, err = f.s.RestoreActivity(ids[1])
	if err != nil {
		t.Fatal(err)
	}
	agendaIs(ag, []string{"A", "B", "C", "D"}, []string{})
	if ag.Activities[1].Entries != 1 {
		t.Errorf("restored B lost its entries: %+v", ag.Activities[1])
	}
	// Restored after the agenda shrank: at the end.
	for _, id := range []int64{ids[3], ids[0], ids[1]} {
		if _, err := f.s.RemoveActivity(id); err != nil {
			t.Fatal(err)
		}
	}
	ag, _ = f.s.RestoreActivity(ids[3])
	agendaIs(ag, []string{"C", "D"}, []string{"A", "B"})

	f.finish(s)
	for name, call := range map[string]func() (Agenda, error){
		"move":    func() (Agenda, error) { return f.s.MoveActivity(ids[2], 1) },
		"remove":  func() (Agenda, error) { return f.s.RemoveActivity(ids[2]) },
		"restore": func() (Agenda, error) { return f.s.RestoreActivity(ids[0]) },
	} {
		_, err := call()
		storetest.WantErr(t, err, store.ErrConflict, "finished", name)
	}
	_, err = f.s.SaveActivity(ActivityInput{SessionID: s, Kind: KindOpenQuestion, Title: "Late"})
	storetest.WantErr(t, err, store.ErrConflict, "finished")
	_, err = f.s.RemoveActivity(999)
	storetest.WantErr(t, err, store.ErrNotFound, "activity 999")
}

// mustRun reads one activity's run.
func (s *Agendas) mustRun(t *testing.T, id int64) ActivityRun {
	t.Helper()
	r, err := s.RunActivity(id)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// The current activity is range checked and clamped when the agenda
// shrinks; the timer adds up.
func TestCurrentAndTime(t *testing.T) {
	f := newFx(t)
	s := f.session(f.decision("Pricing"), "June", "problem_mapping")
	a := f.add(ActivityInput{SessionID: s, Kind: KindOpenQuestion, Title: "A"})
	b := f.add(ActivityInput{SessionID: s, Kind: KindOpenQuestion, Title: "B"})
	if err := f.s.SetCurrent(s, 1); err != nil {
		t.Fatal(err)
	}
	if ag, _ := f.s.Agenda(s); ag.Current != 1 || ag.Format != "problem_mapping" {
		t.Errorf("agenda %+v", ag)
	}
	storetest.WantErr(t, f.s.SetCurrent(s, 2), store.ErrInvalid, "index 2 is out of range (0 to 1)")
	storetest.WantErr(t, f.s.SetCurrent(s, -1), store.ErrInvalid, "index -1")
	storetest.WantErr(t, f.s.SetCurrent(999, 0), store.ErrNotFound, "session 999")
	if _, err := f.s.RemoveActivity(b.ID); err != nil {
		t.Fatal(err)
	}
	if ag, _ := f.s.Agenda(s); ag.Current != 0 {
		t.Errorf("current %d after removing the last", ag.Current)
	}
	_, err := f.s.Agenda(999)
	storetest.WantErr(t, err, store.ErrNotFound, "session 999")

	// The activity on screen stays on screen while the agenda changes.
	c := f.add(ActivityInput{SessionID: s, Kind: KindOpenQuestion, Title: "C"})
	onScreen := func(want string) {
		t.Helper()
		ag, err := f.s.Agenda(s)
		if err != nil {
			t.Fatal(err)
		}
		if got := ag.Activities[ag.Current].Title; got != want {
			t.Errorf("on screen %q, want %q (agenda %q)", got, want, titles(ag.Activities))
		}
	}
	if err := f.s.SetCurrent(s, 1); err != nil {
		t.Fatal(err)
	}
	onScreen("C")
	for _, step := range []struct {
		call func() (Agenda, error)
		want string
	}{
		{func() (Agenda, error) { return f.s.MoveActivity(c.ID, 0) }, "C"},
		{func() (Agenda, error) { return f.s.RestoreActivity(b.ID) }, "C"},
		{func() (Agenda, error) { return f.s.MoveActivity(a.ID, 0) }, "C"},
		{func() (Agenda, error) { return f.s.RemoveActivity(a.ID) }, "C"},
		{func() (Agenda, error) { return f.s.RemoveActivity(c.ID) }, "B"},
	} {
		if _, err := step.call(); err != nil {
			t.Fatal(err)
		}
		onScreen(step.want)
	}

	if n, err := f.s.AddTime(a.ID, 30); err != nil || n != 30 {
		t.Errorf("AddTime = %d, %v", n, err)
	}
	if n, _ := f.s.AddTime(a.ID, 3600); n != 3630 {
		t.Errorf("total %d", n)
	}
	for _, bad := range []int{0, 3601, -5} {
		_, err := f.s.AddTime(a.ID, bad)
		storetest.WantErr(t, err, store.ErrInvalid, "seconds")
	}
	_, err = f.s.AddTime(999, 5)
	storetest.WantErr(t, err, store.ErrNotFound, "activity 999")
}

// Seed writes a template's agenda; every template passes SaveActivity's
// checks.
func TestTemplatesSeed(t *testing.T) {
	f := newFx(t)
	ts, _ := f.s.Templates()
	for _, tp := range ts {
		s := f.session(f.decision(tp.Label), tp.Label, tp.Format)
		for _, a := range tp.Activities {
			a.SessionID = s
			if p := checkActivity(a); len(p) > 0 {
				t.Errorf("%s/%s: %v", tp.Format, a.Title, p)
			}
		}
		tx := f.db.MustBegin()
		if err := Seed(f.s.ctx, tx, s, tp.Format, "x"); err != nil {
			t.Fatal(err)
		}
		if err := tx.Commit(); err != nil {
			t.Fatal(err)
		}
		ag, err := f.s.Agenda(s)
		if err != nil || len(ag.Activities) != len(tp.Activities) {
			t.Errorf("%s: %+v, %v", tp.Format, ag, err)
		}
	}
}

// Each item says how many entries it holds, as its item or as the variant
// they were made on (what the editor shows before refusing a removal);
// the counts follow the entries, and an emptied item can be removed.
func TestItemsCountTheirEntries(t *testing.T) {
	f := newFx(t)
	s := f.session(f.decision("Pricing"), "June", "prototype_testing")
	ann, bo := f.participant(s, "Ann"), f.participant(s, "Bo")
	test := f.add(ActivityInput{SessionID: s, Kind: KindPrototypeTest, Title: "Try it",
		Items: append(items(RoleTask, "Sign up", "Invite"), items(RoleVariant, "A", "B")...)})
	board := f.add(ActivityInput{SessionID: s, Kind: KindJourneyBoard, Title: "Journey", Dots: 3,
		Items: items(RoleStage, "Find", "Buy")})
	variants, tasks, stages := itemsOf(test, RoleVariant), itemsOf(test, RoleTask), itemsOf(board, RoleStage)
	for _, m := range []int64{ann, bo} {
		f.entry(EntryInput{ActivityID: test.ID, ItemID: tasks[0], VariantID: variants[0], MemberID: m, Kind: EntryResult, Text: "success"})
	}
	f.entry(EntryInput{ActivityID: test.ID, ItemID: tasks[0], VariantID: variants[1], MemberID: ann, Kind: EntryResult, Text: "fail"})
	note := f.entry(EntryInput{ActivityID: board.ID, ItemID: stages[1], MemberID: bo, Kind: EntryNote, Text: "Too slow", Value: 2})

	counts := func() map[string]int {
		t.Helper()
		ag, err := f.s.Agenda(s)
		if err != nil {
			t.Fatal(err)
		}
		out := map[string]int{}
		for _, a := range ag.Activities {
			for _, it := range a.Items {
				out[string(it.Role)+":"+it.Text] = it.Entries
			}
		}
		return out
	}
	want := map[string]int{"variant:A": 2, "variant:B": 1, "task:Sign up": 3, "task:Invite": 0, "stage:Find": 0, "stage:Buy": 1}
	if got := counts(); !maps.Equal(got, want) {
		t.Errorf("entries per item %v, want %v", got, want)
	}
	if err := f.s.DeleteEntry(note.ID); err != nil {
		t.Fatal(err)
	}
	if got := counts()["stage:Buy"]; got != 0 {
		t.Errorf("stage Buy holds %d entries after its note was deleted", got)
	}
	in := inputOf(board)
	in.Items = in.Items[:1]
	saved, err := f.s.SaveActivity(in)
	if err != nil || len(saved.Items) != 1 || saved.Items[0].Entries != 0 {
		t.Errorf("removing the emptied stage: %+v, %v", saved.Items, err)
	}
}
