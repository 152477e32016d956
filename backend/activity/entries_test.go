package activity

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"soundingboard/backend/board"
	"soundingboard/backend/store"
	"soundingboard/backend/storetest"
)

// workshop is a session with one activity of every kind but the
// assumption check, and three participants.
type workshop struct {
	*fx
	session                     int64
	ann, bob, cat               int64
	journey, ideas, proto, open Activity
	rating                      Activity
}

func newWorkshop(t *testing.T) *workshop {
	f := newFx(t)
	w := &workshop{fx: f, session: f.session(f.decision("Onboarding"), "June", "problem_mapping")}
	w.ann, w.bob, w.cat = f.participant(w.session, "Ann"), f.participant(w.session, "Bob"), f.participant(w.session, "Cat")
	w.journey = f.add(ActivityInput{SessionID: w.session, Kind: KindJourneyBoard, Title: "Journey", Dots: 3,
		Items: items(RoleStage, "Discover", "Buy")})
	w.ideas = f.add(ActivityInput{SessionID: w.session, Kind: KindIdeaRound, Title: "Ideas", Dots: 2,
		Items: items(RolePrompt, "HMW make it faster?")})
	w.proto = f.add(ActivityInput{SessionID: w.session, Kind: KindPrototypeTest, Title: "Prototype",
		Items: append(items(RoleVariant, "A", "B"), items(RoleTask, "Sign up", "Invite")...)})
	w.open = f.add(ActivityInput{SessionID: w.session, Kind: KindOpenQuestion, Title: "Open",
		Items: items(RoleQuestion, "What stops you?", "What else?")})
	w.rating = f.add(ActivityInput{SessionID: w.session, Kind: KindRating, Title: "Rate", Scale: 5,
		Items: items(RoleQuestion, "How easy?")})
	return w
}

// Journey board: notes per stage and member, dots within the budget,
// ranked by dots then severity; deleting a note takes its votes.
func TestJourneyBoard(t *testing.T) {
	w := newWorkshop(t)
	discover, buy := w.journey.Items[0].ID, w.journey.Items[1].ID
	note := func(stage, member int64, text string, severity int) Entry {
		return w.entry(EntryInput{ActivityID: w.journey.ID, ItemID: stage, MemberID: member, Kind: EntryNote,
			Text: text, Value: severity})
	}
	n1 := note(discover, w.ann, "Cannot find pricing ", 2)
	n2 := note(buy, w.ann, "Invoice needs a PO", 3)
	n3 := note(buy, w.bob, "Card declined", 1)
	if n1.Text != "Cannot find pricing " || n1.Member != "Ann" || n1.SessionID != w.session || n1.Value != 2 {
		t.Errorf("note %+v", n1)
	}
	if w.state(w.session, w.ann) != "attended" || w.state(w.session, w.cat) != "invited" {
		t.Error("a note should mark its author attended, and only them")
	}
	// Edit by id: moves stage, changes text.
	e := w.entry(EntryInput{ID: n3.ID, ActivityID: w.journey.ID, ItemID: discover, MemberID: w.bob, Kind: EntryNote,
		Text: "Card declined twice", Value: 1})
	if e.ID != n3.ID || e.ItemID != discover || e.Text != "Card declined twice" {
		t.Errorf("edited %+v", e)
	}
	vote := func(member, target int64, dots int) (Entry, error) {
		return w.s.SaveEntry(EntryInput{ActivityID: w.journey.ID, TargetID: target, MemberID: member, Kind: EntryVote, Value: dots})
	}
	for _, v := range []struct {
		member, target int64
		dots           int
	}{{w.ann, n2.ID, 2}, {w.ann, n3.ID, 1}, {w.bob, n1.ID, 1}, {w.cat, n1.ID, 2}} {
		if _, err := vote(v.member, v.target, v.dots); err != nil {
			t.Fatal(err)
		}
	}
	// Ann has used her 3 dots: another one elsewhere is refused, moving
	// within the budget (overwriting her slot on n2) is fine.
	_, err := vote(w.ann, n1.ID, 1)
	storetest.WantErr(t, err, store.ErrInvalid, "1 dots here and 3 elsewhere are more than the 3 dots each person has")
	wantField(t, err, "value")
	if v, err := vote(w.ann, n2.ID, 1); err != nil || v.Value != 1 {
		t.Fatalf("revote: %+v, %v", v, err)
	}
	if v, err := vote(w.ann, n1.ID, 1); err != nil || v.ID == 0 {
		t.Fatalf("vote after freeing a dot: %+v, %v", v, err)
	}
	// Removing a vote: 0 dots clears the slot.
	if v, err := vote(w.ann, n1.ID, 0); err != nil || v.ID != 0 {
		t.Fatalf("unvote: %+v, %v", v, err)
	}
	_, err = vote(w.ann, 0, 1)
	storetest.WantErr(t, err, store.ErrInvalid, "targetId is required")
	_, err = vote(w.ann, n2.ID, -1)
	storetest.WantErr(t, err, store.ErrInvalid, "value -1")

	r := w.s.mustRun(t, w.journey.ID)
	var got []string
	for _, n := range r.Results.Notes {
		got = append(got, n.Text)
	}
	// n1 3 dots (Bob 1, Cat 2); n2 1 dot sev 3; n3 1 dot sev 1.
	want := []string{"Cannot find pricing ", "Invoice needs a PO", "Card declined twice"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("ranked %q, want %q", got, want)
	}
	if top := r.Results.Notes[0]; top.Dots != 3 || top.Severity != 2 || top.Member != "Ann" || top.ItemID != discover {
		t.Errorf("top note %+v", top)
	}
	if len(r.Results.Ideas) != 0 || r.Results.Tasks == nil {
		t.Errorf("other kinds' results should be empty lists: %+v", r.Results)
	}

	votes := w.count("entries WHERE kind = 'vote'")
	if err := w.s.DeleteEntry(n1.ID); err != nil {
		t.Fatal(err)
	}
	if left := w.count("entries WHERE kind = 'vote'"); left != votes-2 {
		t.Errorf("votes after deleting their note: %d, want %d", left, votes-2)
	}
	storetest.WantErr(t, w.s.DeleteEntry(n1.ID), store.ErrNotFound, "entry")
}

// Idea round: ideas per prompt, dots, and pitch scores (the group's with
// no member); ideas rank by dots, then mean pitch.
func TestIdeaRound(t *testing.T) {
	w := newWorkshop(t)
	prompt := w.ideas.Items[0].ID
	idea := func(member int64, text string) Entry {
		return w.entry(EntryInput{ActivityID: w.ideas.ID, ItemID: prompt, MemberID: member, Kind: EntryIdea, Text: text})
	}
	i1, i2, i3 := idea(w.ann, "One-click import"), idea(w.bob, "Templates"), idea(w.cat, "Video tour")
	for _, v := range []EntryInput{
		{TargetID: i2.ID, MemberID: w.ann, Value: 1}, {TargetID: i3.ID, MemberID: w.bob, Value: 1},
		{TargetID: i1.ID, MemberID: w.cat, Value: 2},
		{Kind: EntryPitch, TargetID: i2.ID, Value: 5}, {Kind: EntryPitch, TargetID: i2.ID, MemberID: w.ann, Value: 4},
		{Kind: EntryPitch, TargetID: i3.ID, Value: 2},
		{Kind: EntryPitch, TargetID: i3.ID, Value: 3}, // the group's score overwritten
	} {
		if v.Kind == "" {
			v.Kind = EntryVote
		}
		v.ActivityID = w.ideas.ID
		w.entry(v)
	}
	_, err := w.s.SaveEntry(EntryInput{ActivityID: w.ideas.ID, TargetID: i1.ID, Kind: EntryPitch, Value: 6})
	storetest.WantErr(t, err, store.ErrInvalid, "value 6")
	_, err = w.s.SaveEntry(EntryInput{ActivityID: w.ideas.ID, TargetID: 9999, MemberID: w.ann, Kind: EntryVote, Value: 1})
	storetest.WantErr(t, err, store.ErrNotFound, "entry 9999")
	note := w.entry(EntryInput{ActivityID: w.journey.ID, ItemID: w.journey.Items[0].ID, MemberID: w.ann, Kind: EntryNote, Text: "x"})
	_, err = w.s.SaveEntry(EntryInput{ActivityID: w.ideas.ID, TargetID: note.ID, MemberID: w.ann, Kind: EntryVote, Value: 1})
	storetest.WantErr(t, err, store.ErrInvalid, `not an entry of "Ideas"`)
	r := w.s.mustRun(t, w.ideas.ID)
	type row struct {
		id    int64
		dots  int
		pitch float64
	}
	want := []row{{i1.ID, 2, 0}, {i2.ID, 1, 4.5}, {i3.ID, 1, 3}}
	if len(r.Results.Ideas) != 3 {
		t.Fatalf("ideas %+v", r.Results.Ideas)
	}
	for i, got := range r.Results.Ideas {
		if (row{got.EntryID, got.Dots, got.Pitch}) != want[i] {
			t.Errorf("idea %d: %+v, want %+v", i, got, want[i])
		}
	}
}

// Prototype test: one slot per (task, variant, member) for result,
// seconds, ease and observation, overwritten and cleared; one preference
// per member; results per variant × task.
func TestPrototypeTest(t *testing.T) {
	w := newWorkshop(t)
	a, b := w.proto.Items[0].ID, w.proto.Items[1].ID
	signUp, invite := w.proto.Items[2].ID, w.proto.Items[3].ID
	save := func(variant, task, member int64, kind EntryKind, text string, value int) Entry {
		return w.entry(EntryInput{ActivityID: w.proto.ID, ItemID: task, VariantID: variant, MemberID: member,
			Kind: kind, Text: text, Value: value})
	}
	first := save(a, signUp, w.ann, EntryResult, "fail", 0)
	again := save(a, signUp, w.ann, EntryResult, "success", 0)
	if again.ID != first.ID || again.Text != "success" {
		t.Errorf("the slot was not overwritten: %+v then %+v", first, again)
	}
	save(a, signUp, w.bob, EntryResult, "partial", 0)
	save(a, signUp, w.cat, EntryResult, "success", 0)
	save(b, signUp, w.ann, EntryResult, "fail", 0)
	for i, sec := range []int{40, 90, 60} {
		save(a, signUp, []int64{w.ann, w.bob, w.cat}[i], EntrySeconds, "", sec)
	}
	save(a, signUp, w.ann, EntryEase, "", 6)
	save(a, signUp, w.bob, EntryEase, "", 3)
	obs := save(a, signUp, w.ann, EntryObservation, "Looked for the button ", 0)
	if cleared := save(a, signUp, w.ann, EntryObservation, "", 0); cleared.ID != 0 || cleared.SessionID != w.session {
		t.Errorf("clearing returned %+v", cleared)
	}
	if n := w.count("entries WHERE kind = 'observation'"); n != 0 {
		t.Errorf("observation %d not cleared: %d left", obs.ID, n)
	}
	// Preference: one per member, the variant being the choice.
	p1 := w.entry(EntryInput{ActivityID: w.proto.ID, VariantID: a, MemberID: w.ann, Kind: EntryPreference})
	p2 := w.entry(EntryInput{ActivityID: w.proto.ID, VariantID: b, MemberID: w.ann, Kind: EntryPreference, Text: "Cleaner"})
	if p1.ID == 0 || p2.ID != p1.ID || p2.VariantID != b || p2.Text != "Cleaner" {
		t.Errorf("preference not one slot: %+v then %+v", p1, p2)
	}
	w.entry(EntryInput{ActivityID: w.proto.ID, VariantID: a, MemberID: w.cat, Kind: EntryPreference})
	if e := w.entry(EntryInput{ActivityID: w.proto.ID, MemberID: w.cat, Kind: EntryPreference}); e.ID != 0 {
		t.Errorf("clearing a preference returned %+v", e)
	}
	w.entry(EntryInput{ActivityID: w.proto.ID, VariantID: b, MemberID: w.bob, Kind: EntryPreference})

	_, err := w.s.SaveEntry(EntryInput{ActivityID: w.proto.ID, ItemID: signUp, VariantID: signUp, MemberID: w.ann, Kind: EntryEase, Value: 3})
	storetest.WantErr(t, err, store.ErrInvalid, "is a task, not a variant")
	_, err = w.s.SaveEntry(EntryInput{ActivityID: w.proto.ID, ItemID: signUp, VariantID: a, MemberID: w.ann, Kind: EntryResult, Text: "meh"})
	storetest.WantErr(t, err, store.ErrInvalid, `text "meh" is not one of success, partial, fail`)
	_, err = w.s.SaveEntry(EntryInput{ActivityID: w.proto.ID, ItemID: signUp, VariantID: a, MemberID: w.ann, Kind: EntryEase, Value: 8})
	storetest.WantErr(t, err, store.ErrInvalid, "value 8")
	_, err = w.s.SaveEntry(EntryInput{ActivityID: w.proto.ID, ItemID: signUp, VariantID: a, MemberID: w.ann, Kind: EntrySeconds, Value: 86401})
	storetest.WantErr(t, err, store.ErrInvalid, "value 86401")

	r := w.s.mustRun(t, w.proto.ID)
	want := []TaskResult{
		{VariantID: a, TaskID: signUp, Success: 2, Partial: 1, MedianSeconds: 60, MeanEase: 4.5},
		{VariantID: a, TaskID: invite},
		{VariantID: b, TaskID: signUp, Fail: 1},
		{VariantID: b, TaskID: invite},
	}
	if len(r.Results.Tasks) != len(want) {
		t.Fatalf("tasks %+v", r.Results.Tasks)
	}
	for i, got := range r.Results.Tasks {
		if got != want[i] {
			t.Errorf("task %d: %+v, want %+v", i, got, want[i])
		}
	}
	if p := r.Results.Prefers; len(p) != 2 || p[0] != (Preference{a, 0}) || p[1] != (Preference{b, 2}) {
		t.Errorf("prefers %+v", p)
	}
}

// Open question and rating: one answer or rating per question and member;
// counts per question.
func TestQuestionsAndRatings(t *testing.T) {
	w := newWorkshop(t)
	q1, q2 := w.open.Items[0].ID, w.open.Items[1].ID
	answer := func(q, m int64, text string) Entry {
		return w.entry(EntryInput{ActivityID: w.open.ID, ItemID: q, MemberID: m, Kind: EntryAnswer, Text: text})
	}
	a1 := answer(q1, w.ann, "P")
	if a2 := answer(q1, w.ann, "Price"); a2.ID != a1.ID || a2.Text != "Price" {
		t.Errorf("answer slot: %+v then %+v", a1, a2)
	}
	answer(q1, w.bob, "Time")
	answer(q1, w.cat, "  ") // typed, kept, but not an answer yet
	answer(q2, w.bob, "No")
	r := w.s.mustRun(t, w.open.ID)
	if got := r.Results.Answers; len(got) != 2 || got[0] != (AnswerCount{q1, 2}) || got[1] != (AnswerCount{q2, 1}) {
		t.Errorf("answers %+v", got)
	}

	q := w.rating.Items[0].ID
	rate := func(m int64, v int) (Entry, error) {
		return w.s.SaveEntry(EntryInput{ActivityID: w.rating.ID, ItemID: q, MemberID: m, Kind: EntryRating, Value: v})
	}
	for _, v := range []struct {
		m int64
		v int
	}{{w.ann, 2}, {w.ann, 4}, {w.bob, 5}, {w.cat, 4}} {
		if _, err := rate(v.m, v.v); err != nil {
			t.Fatal(err)
		}
	}
	_, err := rate(w.ann, 6)
	storetest.WantErr(t, err, store.ErrInvalid, "value 6 is out of range (0 to 5)")
	r = w.s.mustRun(t, w.rating.ID)
	st := r.Results.Ratings
	if len(st) != 1 || st[0].Count != 3 || st[0].Mean != 13.0/3 || !slices.Equal(st[0].Counts, []int{0, 0, 0, 2, 1}) {
		t.Errorf("ratings %+v", st)
	}
	if e, err := rate(w.cat, 0); err != nil || e.ID != 0 {
		t.Errorf("clear rating: %+v, %v", e, err)
	}
}

// Reactions are a set per (activity, item, member, text) and counted;
// quotes are many, with or without an activity, member or item.
func TestReactionsAndQuotes(t *testing.T) {
	w := newWorkshop(t)
	react := func(item, member int64, text string) Entry {
		return w.entry(EntryInput{ActivityID: w.open.ID, ItemID: item, MemberID: member, Kind: EntryReaction, Text: text})
	}
	r1 := react(0, w.ann, "confusion")
	if again := react(0, w.ann, "confusion"); again.ID != r1.ID {
		t.Errorf("a reaction added twice: %d and %d", r1.ID, again.ID)
	}
	react(w.open.Items[0].ID, w.ann, "confusion")
	react(0, 0, "excitement")
	react(0, w.bob, "other")
	_, err := w.s.SaveEntry(EntryInput{ActivityID: w.open.ID, Kind: EntryReaction, Text: "joy"})
	storetest.WantErr(t, err, store.ErrInvalid, `text "joy"`)
	q1 := w.entry(EntryInput{ActivityID: w.open.ID, MemberID: w.cat, Kind: EntryQuote, Text: "I never read manuals"})
	w.entry(EntryInput{ActivityID: w.open.ID, Kind: EntryQuote, Text: "I never read manuals"})
	sq := w.entry(EntryInput{SessionID: w.session, Kind: EntryQuote, Text: "Great session"})
	if sq.ActivityID != 0 || sq.SessionID != w.session {
		t.Errorf("session quote %+v", sq)
	}
	edited := w.entry(EntryInput{ID: q1.ID, ActivityID: w.open.ID, MemberID: w.cat, Kind: EntryQuote, Text: "I never read manuals."})
	if edited.ID != q1.ID || edited.Text != "I never read manuals." {
		t.Errorf("edited quote %+v", edited)
	}
	_, err = w.s.SaveEntry(EntryInput{ID: q1.ID, ActivityID: w.journey.ID, Kind: EntryQuote, Text: "moved"})
	storetest.WantErr(t, err, store.ErrInvalid, "of another activity or kind")
	_, err = w.s.SaveEntry(EntryInput{SessionID: w.session, Kind: EntryNote, Text: "x"})
	storetest.WantErr(t, err, store.ErrInvalid, `kind "note" is not one of quote`)

	r := w.s.mustRun(t, w.open.ID)
	if r.Reactions != (Reactions{Confusion: 2, Excitement: 1, Other: 1}) {
		t.Errorf("reactions %+v", r.Reactions)
	}
	if len(r.Entries) != 6 || r.Entries[0].ID != r1.ID {
		t.Errorf("entries %+v", r.Entries)
	}
}

// Bad entries are refused with the field named, and nothing is written.
func TestEntryValidation(t *testing.T) {
	w := newWorkshop(t)
	stage := w.journey.Items[0].ID
	outsider := w.member("Dee")
	other := w.fx.session(w.decision("Other"), "July", "ideation_sprint")
	fieldOf := map[string]string{"kind of another activity": "kind", "no stage": "itemId", "no member": "memberId",
		"blank note": "text", "long note": "text", "severity": "value", "variant on a note": "variantId",
		"item of another activity": "itemId", "not a participant": "memberId", "activity of another session": "activityId",
		"no activity": "activityId", "text on a vote": "text", "target on a reaction": "targetId", "blank quote": "text",
		"value on an answer": "value", "preference without variant": "variantId"}
	for _, tc := range []struct {
		name string
		in   EntryInput
		kind error
		says []string
	}{
		{"kind of another activity", EntryInput{ActivityID: w.journey.ID, Kind: EntryIdea, ItemID: stage, MemberID: w.ann, Text: "x"},
			store.ErrInvalid, []string{`kind "idea" is not one of note, vote, reaction, quote`}},
		{"no stage", EntryInput{ActivityID: w.journey.ID, Kind: EntryNote, MemberID: w.ann, Text: "x"},
			store.ErrInvalid, []string{"itemId is required"}},
		{"no member", EntryInput{ActivityID: w.journey.ID, Kind: EntryNote, ItemID: stage, Text: "x"},
			store.ErrInvalid, []string{"memberId is required"}},
		{"blank note", EntryInput{ActivityID: w.journey.ID, Kind: EntryNote, ItemID: stage, MemberID: w.ann, Text: " \n "},
			store.ErrInvalid, []string{"text is required"}},
		{"long note", EntryInput{ActivityID: w.journey.ID, Kind: EntryNote, ItemID: stage, MemberID: w.ann, Text: strings.Repeat("n", 20001)},
			store.ErrInvalid, []string{"longer than 20000"}},
		{"severity", EntryInput{ActivityID: w.journey.ID, Kind: EntryNote, ItemID: stage, MemberID: w.ann, Text: "x", Value: 4},
			store.ErrInvalid, []string{"value 4"}},
		{"variant on a note", EntryInput{ActivityID: w.journey.ID, Kind: EntryNote, ItemID: stage, VariantID: stage, MemberID: w.ann, Text: "x"},
			store.ErrInvalid, []string{"variantId must be 0"}},
		{"item of another activity", EntryInput{ActivityID: w.journey.ID, Kind: EntryNote, ItemID: w.ideas.Items[0].ID, MemberID: w.ann, Text: "x"},
			store.ErrInvalid, []string{`not an item of "Journey"`}},
		{"unknown item", EntryInput{ActivityID: w.journey.ID, Kind: EntryNote, ItemID: 9999, MemberID: w.ann, Text: "x"},
			store.ErrNotFound, []string{"item 9999"}},
		{"not a participant", EntryInput{ActivityID: w.journey.ID, Kind: EntryNote, ItemID: stage, MemberID: outsider, Text: "x"},
			store.ErrInvalid, []string{"Dee (member", "not a participant"}},
		{"unknown member", EntryInput{ActivityID: w.journey.ID, Kind: EntryNote, ItemID: stage, MemberID: 9999, Text: "x"},
			store.ErrNotFound, []string{"member 9999"}},
		{"unknown activity", EntryInput{ActivityID: 9999, Kind: EntryNote}, store.ErrNotFound, []string{"activity 9999"}},
		{"activity of another session", EntryInput{SessionID: other, ActivityID: w.journey.ID, Kind: EntryNote, ItemID: stage, MemberID: w.ann, Text: "x"},
			store.ErrInvalid, []string{"not on the agenda of session"}},
		{"no activity", EntryInput{Kind: EntryQuote, Text: "x"}, store.ErrInvalid, []string{"activityId is required"}},
		{"unknown session", EntryInput{SessionID: 9999, Kind: EntryQuote, Text: "x"}, store.ErrNotFound, []string{"session 9999"}},
		{"text on a vote", EntryInput{ActivityID: w.ideas.ID, Kind: EntryVote, TargetID: 1, MemberID: w.ann, Text: "x", Value: 1},
			store.ErrInvalid, []string{"text must be empty"}},
		{"target on a reaction", EntryInput{ActivityID: w.open.ID, Kind: EntryReaction, TargetID: 1, Text: "other"},
			store.ErrInvalid, []string{"targetId must be 0"}},
		{"blank quote", EntryInput{ActivityID: w.open.ID, Kind: EntryQuote, Text: " "}, store.ErrInvalid, []string{"text is required"}},
		{"value on an answer", EntryInput{ActivityID: w.open.ID, Kind: EntryAnswer, ItemID: w.open.Items[0].ID, MemberID: w.ann, Value: 1},
			store.ErrInvalid, []string{"value must be 0"}},
		{"preference without variant", EntryInput{ActivityID: w.proto.ID, Kind: EntryPreference, MemberID: w.ann, Text: "why"},
			store.ErrInvalid, []string{"variantId is required"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			before := w.count("entries")
			_, err := w.s.SaveEntry(tc.in)
			storetest.WantErr(t, err, tc.kind, tc.says...)
			if f := fieldOf[tc.name]; errors.Is(tc.kind, store.ErrInvalid) {
				if p := store.Describe(err); len(p.Fields) != 1 || p.Fields[0].Field != f {
					t.Errorf("fields %+v, want %s", p.Fields, f)
				}
			}
			if after := w.count("entries"); after != before {
				t.Errorf("%d entries written", after-before)
			}
			if w.state(w.session, w.ann) != "invited" {
				t.Error("a refused entry marked its member attended")
			}
		})
	}
}

// An assumption check takes only quotes here (from a transcript); a
// finished session's entries stay editable but no longer mark attendance;
// an erased member reads as a former board member.
func TestAssumptionCheckFinishedAndFormer(t *testing.T) {
	w := newWorkshop(t)
	check := w.add(ActivityInput{SessionID: w.session, Kind: KindAssumptionCheck, Title: "Check"})
	_, err := w.s.SaveEntry(EntryInput{ActivityID: check.ID, Kind: EntryReaction, Text: "confusion"})
	storetest.WantErr(t, err, store.ErrInvalid, "use the assumption check's run")
	if quote := w.entry(EntryInput{ActivityID: check.ID, MemberID: w.bob, Kind: EntryQuote, Text: "I'd set it up myself"}); quote.SessionID != w.session {
		t.Errorf("a quote on the assumption check reads %+v", quote)
	}

	q := w.open.Items[0].ID
	// Before the end, an entry marks even a no-show attended: they are here.
	w.exec(`UPDATE participants SET state = 'no_show' WHERE member_id = ?`, w.bob)
	w.entry(EntryInput{ActivityID: w.open.ID, ItemID: q, MemberID: w.bob, Kind: EntryAnswer, Text: "Came late"})
	if got := w.state(w.session, w.bob); got != "attended" {
		t.Errorf("Bob is %s after answering", got)
	}
	w.finish(w.session)
	e := w.entry(EntryInput{ActivityID: w.open.ID, ItemID: q, MemberID: w.ann, Kind: EntryAnswer, Text: "Later fix"})
	if w.state(w.session, w.ann) != "invited" {
		t.Error("an edit after the session finished changed attendance")
	}
	w.exec(`UPDATE entries SET member_id = NULL, former_member = 1 WHERE id = ?`, e.ID)
	r := w.s.mustRun(t, w.open.ID)
	if last := r.Entries[len(r.Entries)-1]; last.ID != e.ID || last.Member != board.FormerMember || last.MemberID != 0 {
		t.Errorf("erased author reads %+v", last)
	}
}
