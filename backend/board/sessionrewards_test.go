package board

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"soundingboard/backend/store"
	"soundingboard/backend/storetest"
	"soundingboard/backend/valid"
)

// rewardSession is a session with Ana (attended) and Ben (no-show), Ana's
// idea in it, and Cy, a member who is not a participant.
type rewardSession struct {
	s            *Service
	id           int64
	ana, ben, cy Member
	idea, quote  int64
	otherSession int64
	otherIdea    int64
}

func newRewardSession(t *testing.T) rewardSession {
	t.Helper()
	s := newTestService(t)
	r := rewardSession{s: s, ana: mustCreate(t, s, MemberInput{Name: "Ana"}), ben: mustCreate(t, s, MemberInput{Name: "Ben"}),
		cy: mustCreate(t, s, MemberInput{Name: "Cy"})}
	r.id = storetest.Session(t, s.db, "Invoices workshop", map[int64]string{r.ana.ID: "attended", r.ben.ID: "no_show"})
	r.idea = storetest.Entry(t, s.db, r.id, r.ana.ID, "idea", "Invoices by email")
	r.quote = storetest.Entry(t, s.db, r.id, r.ana.ID, "quote", "I hate paper")
	r.otherSession = storetest.Session(t, s.db, "Other", map[int64]string{r.ana.ID: "attended"})
	r.otherIdea = storetest.Entry(t, s.db, r.otherSession, r.ana.ID, "idea", "Dark mode")
	return r
}

// A session's rewards: promised, then given; totals against the budget; a
// warning once over it; each reward on the member's timeline naming its
// session and idea.
func TestSessionRewards(t *testing.T) {
	r := newRewardSession(t)
	s := r.s
	view, err := s.SetRewardBudget(r.id, RewardBudgetInput{BudgetCents: 10000, Currency: " eur "})
	if err != nil || view.BudgetCents != 10000 || view.Currency != "EUR" || view.RemainingCents != 10000 || view.Warning != "" {
		t.Fatalf("budget %+v %v", view, err)
	}
	if len(view.People) != 2 || view.People[0].Name != "Ana" || view.People[1].State != "no_show" ||
		len(view.Ideas) != 1 || view.Ideas[0].Text != "Invoices by email" || view.Ideas[0].MemberID != r.ana.ID {
		t.Fatalf("people %+v ideas %+v", view.People, view.Ideas)
	}

	promise, err := s.AddReward(r.ana.ID, RewardInput{What: "Gift card", ValueCents: 5000, SessionID: r.id, EntryID: r.idea, Status: "Promised"})
	if err != nil {
		t.Fatal(err)
	}
	if promise.Status != RewardPromised || promise.GivenOn != "" || promise.Currency != "EUR" ||
		promise.Session != "Invoices workshop" || promise.Idea != "Invoices by email" || promise.SessionID != r.id || promise.EntryID != r.idea {
		t.Errorf("promise %+v", promise)
	}
	if _, err := s.AddReward(r.ben.ID, RewardInput{What: "Mug", ValueCents: 4000, SessionID: r.id, GivenOn: "2025-06-10"}); err != nil {
		t.Fatal(err)
	}
	view, err = s.SessionRewards(r.id)
	if err != nil || view.PromisedCents != 5000 || view.GivenCents != 4000 || view.RemainingCents != 1000 || view.Warning != "" {
		t.Fatalf("within budget %+v %v", view, err)
	}
	if a := view.People[0]; a.PromisedCents != 5000 || a.GivenCents != 0 || len(a.Rewards) != 1 || a.Rewards[0].ID != promise.ID {
		t.Errorf("Ana %+v", a)
	}
	if b := view.People[1]; b.GivenCents != 4000 || len(b.Rewards) != 1 {
		t.Errorf("Ben %+v", b)
	}

	if _, err := s.AddReward(r.ana.ID, RewardInput{What: "Book", ValueCents: 2050, SessionID: r.id, Status: "promised"}); err != nil {
		t.Fatal(err)
	}
	view, err = s.SessionRewards(r.id)
	if err != nil || view.RemainingCents != -1050 ||
		view.Warning != "Promised and given rewards come to 110.50 EUR, over the budget of 100.00 EUR by 10.50 EUR." {
		t.Fatalf("over budget %+v %v", view, err)
	}

	given, err := s.GiveReward(promise.ID, "")
	if err != nil || given.Status != RewardGiven || given.GivenOn != testToday {
		t.Fatalf("give %+v %v", given, err)
	}
	storetest.WantErr(t, func() error { _, err := s.GiveReward(promise.ID, ""); return err }(), store.ErrInvalid, "status", "already given")
	view, _ = s.SessionRewards(r.id)
	if view.PromisedCents != 2050 || view.GivenCents != 9000 || view.People[0].GivenCents != 5000 {
		t.Errorf("after giving %+v", view)
	}

	d, err := s.GetMember(r.ana.ID)
	if err != nil {
		t.Fatal(err)
	}
	var details []string
	for _, e := range d.Timeline {
		if e.Type == "reward" {
			details = append(details, e.Date+" "+e.Title+": "+e.Detail)
		}
	}
	want := []string{
		testToday + ` Book: promised · 20.50 EUR · session "Invoices workshop"`, // promised today, logged later
		testToday + ` Gift card: 50.00 EUR · session "Invoices workshop" · idea "Invoices by email"`,
	}
	if strings.Join(details, "\n") != strings.Join(want, "\n") {
		t.Errorf("timeline rewards\n%s\nwant\n%s", strings.Join(details, "\n"), strings.Join(want, "\n"))
	}

	// A session deleted keeps its rewards on the timeline, no longer tied to it.
	storetest.Exec(t, s.db, `DELETE FROM sessions WHERE id = ?`, r.id)
	d, _ = s.GetMember(r.ana.ID)
	if len(d.Rewards) != 2 || d.Rewards[1].SessionID != 0 || d.Rewards[1].EntryID != 0 || d.Rewards[1].Session != "" {
		t.Errorf("rewards after the session was deleted %+v", d.Rewards)
	}
}

// Bad rewards and budgets are refused naming the field, and nothing is
// written.
func TestSessionRewardValidation(t *testing.T) {
	r := newRewardSession(t)
	s := r.s
	storetest.WantCheckIn(t, s.db, "rewards", "status", valid.Strings(AllRewardStatuses))
	if _, err := s.SetRewardBudget(r.id, RewardBudgetInput{BudgetCents: 5000, Currency: "EUR"}); err != nil {
		t.Fatal(err)
	}
	base := func(f func(*RewardInput)) RewardInput {
		in := RewardInput{What: "Gift card", ValueCents: 1000, SessionID: r.id}
		f(&in)
		return in
	}
	for _, c := range []struct {
		member int64
		in     RewardInput
		field  string
		want   string
	}{
		{r.ana.ID, base(func(in *RewardInput) { in.SessionID = 999 }), "sessionId", "sessionId 999"},
		{r.ana.ID, base(func(in *RewardInput) { in.SessionID = -1 }), "sessionId", "sessionId -1"},
		{r.cy.ID, base(func(*RewardInput) {}), "memberId", "not a participant of session"},
		{r.ana.ID, base(func(in *RewardInput) { in.EntryID = r.quote }), "entryId", "not an idea of session"},
		{r.ana.ID, base(func(in *RewardInput) { in.EntryID = r.otherIdea }), "entryId", "not an idea of session"},
		{r.ana.ID, base(func(in *RewardInput) { in.EntryID = 12345 }), "entryId", "entryId 12345"},
		{r.ana.ID, base(func(in *RewardInput) { in.SessionID = 0; in.EntryID = r.idea }), "entryId", "needs the sessionId"},
		{r.ana.ID, base(func(in *RewardInput) { in.Currency = "usd" }), "currency", "currency USD differs from the session's EUR"},
		{r.ana.ID, base(func(in *RewardInput) { in.Status = "promised"; in.GivenOn = "2025-06-01" }), "givenOn", "givenOn must be empty"},
		{r.ana.ID, base(func(in *RewardInput) { in.Status = "maybe" }), "status", `status "maybe"`},
		{r.ana.ID, base(func(in *RewardInput) { in.ValueCents = -1 }), "valueCents", "valueCents -1"},
		{r.ana.ID, base(func(in *RewardInput) { in.GivenOn = "2099-01-01" }), "givenOn", "givenOn 2099-01-01 is in the future"},
	} {
		_, err := s.AddReward(c.member, c.in)
		storetest.WantErr(t, err, store.ErrInvalid, c.want)
		var se *store.Error
		if !errors.As(err, &se) || !slices.ContainsFunc(se.Fields, func(p store.Problem) bool { return p.Field == c.field }) {
			t.Errorf("%s: problems %+v, want one of field %q", c.want, se, c.field)
		}
	}
	if n := count(t, s, "rewards"); n != 0 {
		t.Fatalf("%d rewards written by bad input", n)
	}

	for _, c := range []struct {
		in   RewardBudgetInput
		want string
	}{
		{RewardBudgetInput{BudgetCents: -5, Currency: "EUR"}, "budgetCents -5"},
		{RewardBudgetInput{BudgetCents: 100}, "currency is required"},
		{RewardBudgetInput{BudgetCents: 100, Currency: "euro"}, `currency "EURO"`},
	} {
		_, err := s.SetRewardBudget(r.id, c.in)
		storetest.WantErr(t, err, store.ErrInvalid, c.want)
	}
	_, err := s.SetRewardBudget(999, RewardBudgetInput{BudgetCents: 100, Currency: "EUR"})
	storetest.WantErr(t, err, store.ErrNotFound, "session 999")

	// Once a reward is counted in EUR, the budget cannot switch currency.
	if _, err := s.SetRewardBudget(r.id, RewardBudgetInput{}); err != nil {
		t.Fatal(err)
	}
	promise, err := s.AddReward(r.ana.ID, base(func(in *RewardInput) { in.Currency = "eur"; in.Status = "promised" }))
	if err != nil {
		t.Fatal(err)
	}
	_, err = s.SetRewardBudget(r.id, RewardBudgetInput{BudgetCents: 100, Currency: "USD"})
	storetest.WantErr(t, err, store.ErrInvalid, "currency USD differs from the session's rewards so far (EUR)")
	_, err = s.AddReward(r.ben.ID, base(func(in *RewardInput) { in.Currency = "USD" }))
	storetest.WantErr(t, err, store.ErrInvalid, "currency USD differs from the session's EUR")
	if view, _ := s.SessionRewards(r.id); view.BudgetCents != 0 || view.Currency != "EUR" || view.PromisedCents != 1000 {
		t.Errorf("after refused changes %+v", view)
	}
	_, err = s.GiveReward(promise.ID, "tomorrow")
	storetest.WantErr(t, err, store.ErrInvalid, "givenOn")
	_, err = s.GiveReward(999, "")
	storetest.WantErr(t, err, store.ErrNotFound, "reward 999")
	if got, _ := s.SessionRewards(r.id); got.People[0].Rewards[0].Status != RewardPromised {
		t.Errorf("a refused give changed the reward: %+v", got.People[0].Rewards[0])
	}
	_, err = s.SessionRewards(999)
	storetest.WantErr(t, err, store.ErrNotFound, "session 999")
}
