package board

import (
	"testing"
	"time"

	"soundingboard/backend/store"
	"soundingboard/backend/storetest"
)

func TestTimeline(t *testing.T) {
	s := newTestService(t)
	m := mustCreate(t, s, MemberInput{Name: "Ana"})
	step := 0
	tick := func() {
		step++
		at := time.Date(2025, 6, 15, 12, 0, step, 0, time.Local)
		s.now = func() time.Time { return at }
	}
	tick()
	call, err := s.AddTouchpoint(m.ID, TouchpointInput{Kind: "Call", HappenedOn: "2025-05-01", Summary: "  intro  "})
	if err != nil {
		t.Fatal(err)
	}
	if call.Kind != "call" || call.Summary != "intro" || call.MemberID != m.ID {
		t.Errorf("touchpoint %+v", call)
	}
	tick()
	gift, err := s.AddReward(m.ID, RewardInput{What: "Gift card", ValueCents: 2500, Currency: "eur", GivenOn: "2025-06-01", Note: "by post"})
	if err != nil {
		t.Fatal(err)
	}
	if gift.Currency != "EUR" || gift.ValueCents != 2500 {
		t.Errorf("reward %+v", gift)
	}
	tick()
	note, err := s.AddTouchpoint(m.ID, TouchpointInput{Kind: "note", Summary: "prefers mornings"}) // today
	if err != nil {
		t.Fatal(err)
	}
	if note.HappenedOn != "2025-06-15" {
		t.Errorf("default date %q", note.HappenedOn)
	}
	tick()
	session, err := s.AddTouchpoint(m.ID, TouchpointInput{Kind: "session", HappenedOn: "2025-06-01"}) // same day as the reward, logged later
	if err != nil {
		t.Fatal(err)
	}
	d, err := s.GetMember(m.ID)
	if err != nil {
		t.Fatal(err)
	}
	want := []struct {
		typ string
		ref int64
	}{{"note", note.ID}, {"session", session.ID}, {"reward", gift.ID}, {"call", call.ID}}
	if len(d.Timeline) != len(want) {
		t.Fatalf("timeline %+v", d.Timeline)
	}
	for i, w := range want {
		if d.Timeline[i].Type != w.typ || d.Timeline[i].RefID != w.ref {
			t.Errorf("timeline[%d] = %+v, want %s %d", i, d.Timeline[i], w.typ, w.ref)
		}
	}
	if r := d.Timeline[2]; r.Title != "Gift card" || r.Detail != "25.00 EUR · by post" {
		t.Errorf("reward entry %+v", r)
	}
	if d.Timeline[3].Title != "Call" || d.Timeline[3].Detail != "intro" {
		t.Errorf("call entry %+v", d.Timeline[3])
	}
	if len(d.Rewards) != 1 || d.Member.LastContacted != "2025-06-01" {
		t.Errorf("rewards %+v last contacted %q", d.Rewards, d.Member.LastContacted)
	}

	if err := s.DeleteTouchpoint(session.ID); err != nil {
		t.Fatal(err)
	}
	storetest.WantErr(t, s.DeleteTouchpoint(session.ID), store.ErrNotFound, "touchpoint")
	if err := s.DeleteReward(gift.ID); err != nil {
		t.Fatal(err)
	}
	storetest.WantErr(t, s.DeleteReward(gift.ID), store.ErrNotFound, "reward")
	if d, _ = s.GetMember(m.ID); len(d.Timeline) != 2 || d.Member.LastContacted != "2025-05-01" {
		t.Errorf("after deletes: %+v", d)
	}
}

func TestTimelineValidation(t *testing.T) {
	s := newTestService(t)
	m := mustCreate(t, s, MemberInput{Name: "Ana"})
	for _, c := range []struct {
		in   TouchpointInput
		want string
	}{
		{TouchpointInput{Kind: "fax"}, "kind"},
		{TouchpointInput{Kind: "call", HappenedOn: "2025-02-30"}, "happenedOn"},
		{TouchpointInput{Kind: "call", HappenedOn: "2025-06-16"}, "happenedOn 2025-06-16 is in the future"},
	} {
		_, err := s.AddTouchpoint(m.ID, c.in)
		storetest.WantErr(t, err, store.ErrInvalid, c.want)
	}
	_, err := s.AddTouchpoint(999, TouchpointInput{Kind: "call"})
	storetest.WantErr(t, err, store.ErrNotFound, "member 999")
	for _, c := range []struct {
		in   RewardInput
		want string
	}{
		{RewardInput{What: " "}, "what is required"},
		{RewardInput{What: "Mug", ValueCents: -1}, "valueCents"},
		{RewardInput{What: "Mug", Currency: "euro"}, "currency"},
		{RewardInput{What: "Mug", Currency: "€"}, "currency"},
		{RewardInput{What: "Mug", GivenOn: "soon"}, "givenOn"},
	} {
		_, err := s.AddReward(m.ID, c.in)
		storetest.WantErr(t, err, store.ErrInvalid, c.want)
	}
	_, err = s.AddReward(999, RewardInput{What: "Mug"})
	storetest.WantErr(t, err, store.ErrNotFound, "member 999")
	if count(t, s, "touchpoints")+count(t, s, "rewards") != 0 {
		t.Error("rejected input was written")
	}
	if r, err := s.AddReward(m.ID, RewardInput{What: "Thank-you note"}); err != nil || r.GivenOn != testToday || r.Currency != "" {
		t.Errorf("minimal reward %+v %v", r, err)
	}
}
