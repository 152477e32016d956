package session

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"

	"soundingboard/backend/board"
	"soundingboard/backend/store"
	"soundingboard/backend/storetest"
)

func TestSizeAdvicePerFormat(t *testing.T) {
	e := newPlanEnv(t)
	d := e.decision("Self-serve onboarding?")
	people := e.members("Person", 11)
	for _, f := range Formats {
		t.Run(f.Key, func(t *testing.T) {
			ss, err := e.s.Plans.SaveSession(SessionInput{DecisionID: d.ID, Title: f.Label, Format: f.Key})
			if err != nil {
				t.Fatal(err)
			}
			for _, n := range []int{f.Min - 1, f.Min, f.Max, f.Max + 1} {
				got, err := e.s.Plans.SetParticipants(ss.ID, people[:n])
				if err != nil {
					t.Fatal(err)
				}
				want := ""
				if n < f.Min || n > f.Max {
					want = fmt.Sprintf("%s works best with %d–%d people; %d invited.", f.Label, f.Min, f.Max, n)
				}
				if got.SizeAdvice != want {
					t.Errorf("%d people: advice %q, want %q", n, got.SizeAdvice, want)
				}
				p, err := e.s.Plans.Picker(ss.ID)
				if err != nil {
					t.Fatal(err)
				}
				if p.Min != f.Min || p.Max != f.Max || !strings.HasPrefix(p.Advice, want) {
					t.Errorf("%d people: picker %d–%d %q, want prefix %q", n, p.Min, p.Max, p.Advice, want)
				}
			}
		})
	}

	// No-shows do not count; more than five assumptions earn a nudge.
	var ids []int64
	for i := 0; i < 7; i++ {
		ids = append(ids, e.assumption(d.ID, 3, 3).ID)
	}
	ss := e.session(d.ID, "", ids...)
	if _, err := e.s.Plans.SetParticipants(ss.ID, people[:4]); err != nil {
		t.Fatal(err)
	}
	if _, err := e.s.Runs.SetParticipantState(ss.ID, people[0], "no_show"); err != nil {
		t.Fatal(err)
	}
	got, err := e.s.Plans.GetSession(ss.ID)
	if err != nil {
		t.Fatal(err)
	}
	want := "Assumption testing works best with 4–6 people; 3 invited. Focus on the top 5 assumptions; this session has 7."
	if got.SizeAdvice != want {
		t.Errorf("advice %q, want %q", got.SizeAdvice, want)
	}
}

func TestSetParticipantsRefusesMembersWithoutConsent(t *testing.T) {
	e := newPlanEnv(t)
	d := e.decision("Pricing")
	ss := e.session(d.ID, "")
	ok := e.member("Zoë Durand", "Retail", "active", "balanced", true)
	none := e.member("Ana Silva", "Retail", "active", "", false)
	expired := e.member("Łukasz Nowak", "Retail", "active", "", false)
	if _, err := e.board.SetConsent(expired, board.ConsentInput{Kind: "contact", GrantedOn: "2020-01-01", ExpiresOn: "2021-01-01"}); err != nil {
		t.Fatal(err)
	}
	revoked := e.member("Jörg Müller", "Retail", "active", "", true)
	if _, err := e.board.RevokeConsent(revoked, "contact"); err != nil {
		t.Fatal(err)
	}
	optedOut := e.member("Sarah Cohen", "Retail", "opted_out", "", true)
	alumni := e.member("Isabella Rossi", "Retail", "alumni", "", true)
	archived := e.member("Chloé Lambert", "Retail", "active", "", true)
	if _, err := e.board.ArchiveMember(archived); err != nil {
		t.Fatal(err)
	}

	before := e.counts()
	_, err := e.s.Plans.SetParticipants(ss.ID, []int64{ok, none})
	storetest.WantErr(t, err, store.ErrInvalid, "Ana Silva has no valid contact consent; record consent on their board page first")
	for _, c := range []struct {
		id   int64
		want string
	}{
		{expired, "Łukasz Nowak has no valid contact consent"},
		{revoked, "Jörg Müller has no valid contact consent"},
		{optedOut, "Sarah Cohen is opted out"},
		{alumni, "Isabella Rossi is alumni"},
		{archived, "Chloé Lambert is archived"},
	} {
		_, err := e.s.Plans.SetParticipants(ss.ID, []int64{ok, c.id})
		storetest.WantErr(t, err, store.ErrInvalid, c.want)
	}
	_, err = e.s.Plans.SetParticipants(ss.ID, []int64{ok, 9999})
	storetest.WantErr(t, err, store.ErrNotFound, "member 9999 not found")
	_, err = e.s.Plans.SetParticipants(4242, []int64{ok})
	storetest.WantErr(t, err, store.ErrNotFound, "session 4242 not found")
	if after := e.counts(); !maps.Equal(before, after) {
		t.Fatalf("refused participants were written: %v -> %v", before, after)
	}

	got, err := e.s.Plans.SetParticipants(ss.ID, []int64{ok, ok})
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Participants) != 1 || got.Participants[0].State != "invited" ||
		!got.Participants[0].CanContact || !got.Participants[0].CanQuote || got.Participants[0].Segment != "Retail" {
		t.Errorf("participants: %+v", got.Participants)
	}
	// Consent lapsing later does not throw out someone already invited.
	if _, err := e.board.RevokeConsent(ok, "quoting"); err != nil {
		t.Fatal(err)
	}
	if got, err = e.s.Plans.SetParticipants(ss.ID, []int64{ok}); err != nil || got.Participants[0].CanQuote {
		t.Errorf("after revoking quoting: %+v, %v", got.Participants, err)
	}
}

func TestPickerWarnsAboutRecencyConsentAndBalance(t *testing.T) {
	e := newPlanEnv(t)
	d := e.decision("Reorder reminders?")
	a := e.assumption(d.ID, 5, 1)
	zoe := e.member("Zoë Durand", "Retail", "active", "too_agreeable", true)
	tom := e.member("Tom Baker", "Restaurants", "active", "too_agreeable", true)
	kenji := e.member("Kenji Watanabe", "Restaurants", "active", "balanced", true)
	e.member("Jörg Müller", "Wholesale", "active", "too_negative", true)
	noConsent := e.member("Daniel Kim", "Wholesale", "prospect", "", false)
	e.member("Jack Wilson", "Retail", "declined", "", false)
	e.member("Isabella Rossi", "Retail", "alumni", "", true)
	e.member("Raj Patel", "", "paused", "", true)

	// Zoë took part twelve days ago; Kenji was a no-show.
	past := e.session(d.ID, daysAgo(12), a.ID)
	if _, err := e.s.Plans.SetParticipants(past.ID, []int64{zoe, kenji}); err != nil {
		t.Fatal(err)
	}
	for id, st := range map[int64]string{zoe: "attended", kenji: "no_show"} {
		if _, err := e.s.Runs.SetParticipantState(past.ID, id, st); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := e.s.Plans.FinishSession(past.ID); err != nil {
		t.Fatal(err)
	}

	next := e.session(d.ID, daysAgo(-7), a.ID)
	p, err := e.s.Plans.Picker(next.ID)
	if err != nil {
		t.Fatal(err)
	}
	byName := map[string]Candidate{}
	var names []string
	for _, c := range p.Candidates {
		byName[c.Name] = c
		names = append(names, c.Name)
	}
	for _, gone := range []string{"Jack Wilson", "Isabella Rossi"} {
		if slices.Contains(names, gone) {
			t.Errorf("picker offers %s: %v", gone, names)
		}
	}
	if len(names) != 6 {
		t.Errorf("candidates %v, want the 4 active, the prospect and the paused member", names)
	}
	if c := byName["Zoë Durand"]; c.LastSession != daysAgo(12) || c.SessionsCount != 1 ||
		c.Warning != "took part 12 days ago; too agreeable" || !c.CanContact {
		t.Errorf("Zoë: %+v", c)
	}
	if c := byName["Kenji Watanabe"]; c.LastSession != "" || c.SessionsCount != 0 || c.Warning != "" {
		t.Errorf("Kenji (no-show) counts as having taken part: %+v", c)
	}
	if c := byName["Daniel Kim"]; c.CanContact || c.Warning != "" || c.MemberID != noConsent {
		t.Errorf("Daniel: %+v", c)
	}
	if c := byName["Jörg Müller"]; c.Warning != "too negative" {
		t.Errorf("Jörg: %+v", c)
	}
	if p.Advice != "Assumption testing works best with 4–6 people; 0 invited." {
		t.Errorf("advice with nobody picked: %q", p.Advice)
	}

	if _, err := e.s.Plans.SetParticipants(next.ID, []int64{zoe, tom, kenji}); err != nil {
		t.Fatal(err)
	}
	p, err = e.s.Plans.Picker(next.ID)
	if err != nil {
		t.Fatal(err)
	}
	want := "Assumption testing works best with 4–6 people; 3 invited. No one from Wholesale yet. 2 of 3 are marked too agreeable."
	if p.Advice != want {
		t.Errorf("advice %q, want %q", p.Advice, want)
	}
	segs := map[string]SegmentCount{}
	for _, g := range p.Segments {
		segs[g.Segment] = g
	}
	if segs["Restaurants"].Selected != 2 || segs["Restaurants"].Board != 2 || segs["Retail"].Selected != 1 ||
		segs["Retail"].Board != 1 || segs["Wholesale"].Board != 1 || segs["Wholesale"].Selected != 0 {
		t.Errorf("segments: %+v", p.Segments)
	}
	for _, c := range p.Candidates {
		if c.Selected != slices.Contains([]int64{zoe, tom, kenji}, c.MemberID) {
			t.Errorf("%s selected = %v", c.Name, c.Selected)
		}
	}
	if _, err := e.s.Plans.Picker(999); err == nil {
		t.Error("picker for an unknown session")
	}
}

func TestRemovingParticipantsWithResponsesIsRefused(t *testing.T) {
	e := newPlanEnv(t)
	d := e.decision("Pricing")
	a := e.assumption(d.ID, 4, 2)
	ss := e.session(d.ID, "", a.ID)
	ids := e.members("Member", 4)
	ana := e.member("Ana Souza", "", "active", "", true)
	if _, err := e.s.Plans.SetParticipants(ss.ID, append(ids, ana)); err != nil {
		t.Fatal(err)
	}
	rawResponse(e, ss.ID, a.ID, ana, "partly", "", "", "")
	rawEntry(e, ss.ID, a.ID, ids[0], "quote", "We would pay.")
	// An emptied response (typed, then cleared) does not hold anyone back.
	rawEntry(e, ss.ID, a.ID, ids[1], "note", "")

	_, err := e.s.Plans.SetParticipants(ss.ID, ids[1:])
	storetest.WantErr(t, err, store.ErrInvalid, "Ana Souza has recorded responses in this session", "Member A has quotes in this session")
	got, err := e.s.Plans.SetParticipants(ss.ID, []int64{ids[0], ana})
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Participants) != 2 {
		t.Errorf("participants: %+v", got.Participants)
	}
	var n int
	if err := e.db.Get(&n, `SELECT count(*) FROM entries WHERE member_id = ?`, ids[1]); err != nil || n != 0 {
		t.Errorf("empty response of a removed participant kept: %d, %v", n, err)
	}
}

func TestSetParticipantState(t *testing.T) {
	e := newPlanEnv(t)
	d := e.decision("Pricing")
	ss := e.session(d.ID, daysAgo(3), e.assumption(d.ID, 3, 3).ID)
	ids := e.members("Member", 2)
	outsider := e.member("Outsider", "", "active", "", true)
	if _, err := e.s.Plans.SetParticipants(ss.ID, ids); err != nil {
		t.Fatal(err)
	}
	p, err := e.s.Runs.SetParticipantState(ss.ID, ids[0], " Confirmed ")
	if err != nil || p.State != "confirmed" || p.MemberID != ids[0] || p.Name != "Member A" {
		t.Fatalf("confirm: %+v, %v", p, err)
	}
	_, err = e.s.Runs.SetParticipantState(ss.ID, outsider, "attended")
	storetest.WantErr(t, err, store.ErrNotFound, "Outsider is not a participant of session")
	_, err = e.s.Runs.SetParticipantState(ss.ID, 9999, "attended")
	storetest.WantErr(t, err, store.ErrNotFound, "member 9999 not found")
	_, err = e.s.Runs.SetParticipantState(9999, ids[0], "attended")
	storetest.WantErr(t, err, store.ErrNotFound, "session 9999 not found")

	// Marking attendance after the session finished still reaches the timeline.
	if _, err := e.s.Plans.FinishSession(ss.ID); err != nil {
		t.Fatal(err)
	}
	last := func(id int64) string {
		m, err := e.board.GetMember(id)
		if err != nil {
			t.Fatal(err)
		}
		return m.Member.LastContacted
	}
	if last(ids[1]) != "" {
		t.Fatalf("not yet attended, but last contacted %q", last(ids[1]))
	}
	if _, err := e.s.Runs.SetParticipantState(ss.ID, ids[1], "attended"); err != nil {
		t.Fatal(err)
	}
	if got := last(ids[1]); got != daysAgo(3) {
		t.Errorf("last contacted after late attendance = %q, want %s", got, daysAgo(3))
	}
	if _, err := e.s.Runs.SetParticipantState(ss.ID, ids[1], "no_show"); err != nil {
		t.Fatal(err)
	}
	if got := last(ids[1]); got != "" {
		t.Errorf("touchpoint kept after correcting to no-show: %q", got)
	}
}
