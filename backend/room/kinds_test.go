package room

import (
	"slices"
	"strconv"
	"strings"
	"testing"

	"soundingboard/backend/activity"
)

// itemOf is the id of the first item of role in the phone's activity.
func itemOf(s state, role activity.Role) int64 {
	for _, it := range s.Activity.Items {
		if it.Role == string(role) {
			return it.ID
		}
	}
	return 0
}

// must posts an entry that has to succeed.
func (p *phone) must(e entryPost) entryAnswer {
	p.t.Helper()
	code, ans := p.post(e)
	if code != 200 {
		p.t.Fatalf("post %s: %d %+v", e.Kind, code, ans)
	}
	return ans
}

// Every activity kind takes its entries from the room, attributed to the
// claim's member, through the services.
func TestEveryKind(t *testing.T) {
	ann := func(f *fx) string { return strconv.FormatInt(f.ann, 10) }

	t.Run("assumption check", func(t *testing.T) {
		f := newFx(t, activity.KindAssumptionCheck)
		p := f.join("Ann")
		s := p.state()
		item := itemOf(s, activity.RoleAssumption)
		if !strings.HasPrefix(s.Activity.Items[0].Text, "We believe small teams will pay by card") {
			t.Errorf("assumption text %q", s.Activity.Items[0].Text)
		}
		p.must(entryPost{Key: "s", ActivityID: s.Activity.ID, Kind: "stance", ItemID: item, Text: "partly"})
		p.must(entryPost{Key: "n", ActivityID: s.Activity.ID, Kind: "needs", ItemID: item, Text: "an invoice"})
		p.must(entryPost{Key: "o", ActivityID: s.Activity.ID, Kind: "note", ItemID: item, Text: "cards are blocked"})
		p.must(entryPost{Key: "r1", ActivityID: s.Activity.ID, Kind: "reaction", ItemID: item, Text: "frustration"})
		ans := p.must(entryPost{Key: "r2", ActivityID: s.Activity.ID, Kind: "reaction", ItemID: item, Text: "excitement"})
		if len(ans.State.Mine) != 5 {
			t.Errorf("mine: %+v", ans.State.Mine)
		}
		run, err := f.runs.GetRun(f.session)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range run.Items[0].Responses {
			if r.MemberID == f.ann && (r.Stance != "partly" || r.Needs != "an invoice" || r.Notes != "cards are blocked" || len(r.Reactions) != 2) {
				t.Errorf("Ann's response in the run: %+v", r)
			}
		}
		if st := f.entries("stance"); !slices.Equal(st, []string{ann(f) + ":partly:0"}) {
			t.Errorf("stance %v", st)
		}
		if r := f.entries("reaction"); len(r) != 2 {
			t.Errorf("reactions %v", r)
		}
		if code := p.do("DELETE", "entry/r1", nil, nil); code != 200 || len(f.entries("reaction")) != 1 {
			t.Errorf("delete a reaction: %d %v", code, f.entries("reaction"))
		}
		if code := p.do("DELETE", "entry/s", nil, nil); code != 200 || p.state().Mine[0].Kind == "stance" {
			t.Errorf("delete the stance: %d", code)
		}
	})

	t.Run("idea round", func(t *testing.T) {
		f := newFx(t, activity.KindIdeaRound)
		a, b := f.join("Ann"), f.join("Bob")
		s := a.state()
		prompt := itemOf(s, activity.RolePrompt)
		idea := a.must(entryPost{Key: "i", ActivityID: s.Activity.ID, Kind: "idea", ItemID: prompt, Text: "one-click invoices"})
		if code, _ := b.post(entryPost{Key: "v", ActivityID: s.Activity.ID, Kind: "vote", TargetID: idea.Entry.ID, Value: 1}); code != 409 {
			t.Errorf("a vote before the ideas are revealed: %d, want 409", code)
		}
		if _, err := f.agendas.SetRevealed(s.Activity.ID, true); err != nil {
			t.Fatal(err)
		}
		ans := b.must(entryPost{Key: "v", ActivityID: s.Activity.ID, Kind: "vote", TargetID: idea.Entry.ID, Value: 2})
		if ans.State.DotsLeft != 0 || ans.State.Revealed == nil || ans.State.Revealed.Notes[0].Dots != 2 {
			t.Errorf("after voting: %+v", ans.State)
		}
		if code, ans := b.post(entryPost{Key: "v", ActivityID: s.Activity.ID, Kind: "vote", TargetID: idea.Entry.ID, Value: 3}); code != 400 || ans.Field != "value" {
			t.Errorf("past the dots: %d %+v", code, ans)
		}
		b.must(entryPost{Key: "p", ActivityID: s.Activity.ID, Kind: "pitch", TargetID: idea.Entry.ID, Value: 4})
		b.must(entryPost{Key: "re", ActivityID: s.Activity.ID, Kind: "reaction", Text: "excitement"})
		if got := len(f.entries("vote")) + len(f.entries("pitch")) + len(f.entries("reaction")); got != 3 {
			t.Errorf("%d votes, pitches and reactions", got)
		}
	})

	t.Run("journey board", func(t *testing.T) {
		f := newFx(t, activity.KindJourneyBoard)
		p := f.join("Cat")
		s := p.state()
		p.must(entryPost{Key: "n", ActivityID: s.Activity.ID, Kind: "note", ItemID: itemOf(s, activity.RoleStage), Text: "slow", Value: 3})
		if n := f.entries("note"); len(n) != 1 || !strings.HasSuffix(n[0], ":slow:3") {
			t.Errorf("notes %v", n)
		}
	})

	t.Run("prototype test", func(t *testing.T) {
		f := newFx(t, activity.KindPrototypeTest)
		p := f.join("Ann")
		s := p.state()
		task, variant := itemOf(s, activity.RoleTask), itemOf(s, activity.RoleVariant)
		p.must(entryPost{Key: "r", ActivityID: s.Activity.ID, Kind: "result", ItemID: task, VariantID: variant, Text: "partial"})
		p.must(entryPost{Key: "s", ActivityID: s.Activity.ID, Kind: "seconds", ItemID: task, VariantID: variant, Value: 95})
		p.must(entryPost{Key: "e", ActivityID: s.Activity.ID, Kind: "ease", ItemID: task, VariantID: variant, Value: 6})
		p.must(entryPost{Key: "o", ActivityID: s.Activity.ID, Kind: "observation", ItemID: task, VariantID: variant, Text: "missed the button"})
		p.must(entryPost{Key: "p", ActivityID: s.Activity.ID, Kind: "preference", VariantID: variant, Text: "clearer"})
		if _, err := f.agendas.SetRevealed(s.Activity.ID, true); err != nil {
			t.Fatal(err)
		}
		st := p.state()
		if len(st.Mine) != 5 || st.Revealed == nil || len(st.Revealed.Tally) == 0 {
			t.Errorf("state: %+v", st)
		}
		if code := p.do("DELETE", "entry/p", nil, nil); code != 200 || len(f.entries("preference")) != 0 {
			t.Errorf("clear the preference: %d %v", code, f.entries("preference"))
		}
	})

	t.Run("open question and rating", func(t *testing.T) {
		f := newFx(t, activity.KindOpenQuestion)
		p := f.join("Bob")
		s := p.state()
		p.must(entryPost{Key: "a", ActivityID: s.Activity.ID, Kind: "answer", ItemID: itemOf(s, activity.RoleQuestion), Text: "the price"})
		f.show(activity.KindRating)
		s = p.state()
		p.must(entryPost{Key: "r", ActivityID: s.Activity.ID, Kind: "rating", ItemID: itemOf(s, activity.RoleQuestion), Value: 5})
		if code, ans := p.post(entryPost{Key: "r", ActivityID: s.Activity.ID, Kind: "rating", ItemID: itemOf(s, activity.RoleQuestion), Value: 6}); code != 400 || ans.Field != "value" {
			t.Errorf("a rating past the scale: %d %+v", code, ans)
		}
		if a, r := f.entries("answer"), f.entries("rating"); len(a) != 1 || !slices.Equal(r, []string{strconv.FormatInt(f.bob, 10) + "::5"}) {
			t.Errorf("answers %v ratings %v", a, r)
		}
	})
}

// A resend with the same key edits the same entry: no duplicates, for
// notes, ideas and slots alike.
func TestResendMakesNoDuplicate(t *testing.T) {
	f := newFx(t, activity.KindJourneyBoard)
	p := f.join("Ann")
	s := p.state()
	note := entryPost{Key: "0f3a", ActivityID: s.Activity.ID, Kind: "note", ItemID: itemOf(s, activity.RoleStage), Text: "slow", Value: 1}
	first := p.must(note)
	for range 3 {
		if again := p.must(note); again.Entry.ID != first.Entry.ID {
			t.Errorf("resend made entry %d, first was %d", again.Entry.ID, first.Entry.ID)
		}
	}
	if n := f.entries("note"); len(n) != 1 {
		t.Errorf("notes after resending: %v", n)
	}
	if mine := p.state().Mine; len(mine) != 1 || mine[0].Key != "0f3a" {
		t.Errorf("mine: %+v", mine)
	}
}
