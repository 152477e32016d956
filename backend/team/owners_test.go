package team

import (
	"context"
	"reflect"
	"testing"

	"soundingboard/backend/loop"
	"soundingboard/backend/store"
	"soundingboard/backend/storetest"
	"soundingboard/backend/teammates"
)

// share makes l's board the team's, kept in folder, as person's.
func (l *laptop) share(folder, person string) {
	l.t.Helper()
	if _, err := l.s.Create(CreateInput{Folder: folder, Person: person}); err != nil {
		l.t.Fatal(err)
	}
}

// joinWith has l's empty board join the team with a new invite from inviter.
func (l *laptop) joinWith(inviter *laptop, folder, person string) {
	l.t.Helper()
	inv, err := inviter.s.Invite(InviteInput{})
	if err == nil {
		_, err = l.s.Join(JoinInput{Folder: folder, Code: inv.Code, Person: person})
	}
	if err != nil {
		l.t.Fatal(err)
	}
}

// Owners travel with the board: a follow-up Ana gives Bo on her laptop is
// at the top of Bo's tickler once both have synced, and the roster each
// laptop gives its pickers follows who is in the team.
func TestAFollowUpGivenToATeammateTopsTheirTickler(t *testing.T) {
	folder := t.TempDir()
	ana, bo := newLaptop(t), newLaptop(t)
	ana.share(folder, "Ana")
	bo.joinWith(ana, folder, "Bo")
	// Not let in yet: Bo's laptop knows Ana only, and no "me".
	roster := func(l *laptop) teammates.Roster {
		t.Helper()
		r, err := l.s.Teammates()
		if err != nil {
			t.Fatal(err)
		}
		return r
	}
	if r := roster(bo); !reflect.DeepEqual(r, teammates.Roster{Shared: true, People: []string{"Ana"}}) {
		t.Errorf("Bo before being let in: %+v", r)
	}
	bo.sync()
	ana.sync()
	bo.sync()
	if r := roster(ana); !reflect.DeepEqual(r, teammates.Roster{Shared: true, Me: "Ana", People: []string{"Ana", "Bo"}}) {
		t.Errorf("Ana's roster: %+v", r)
	}
	if r := roster(bo); r.Me != "Bo" || len(r.People) != 2 {
		t.Errorf("Bo's roster: %+v", r)
	}

	anaLoop := loop.NewService(context.Background(), ana.db)
	for _, in := range []loop.ReminderInput{
		{Title: "Draft the synthesis", DueAt: "2030-01-01T09:00", Owner: "Ana"},
		{Title: "Call Kwame", DueAt: "2030-01-02T09:00", Owner: "Bo"},
		{Title: "Book the room", DueAt: "2030-01-03T09:00"},
	} {
		if _, err := anaLoop.CreateReminder(in); err != nil {
			t.Fatal(err)
		}
	}
	_, err := anaLoop.CreateReminder(loop.ReminderInput{Title: "Refused", DueAt: "2030-01-01T09:00", Owner: "Cy"})
	storetest.WantErr(t, err, store.ErrInvalid, `owner "Cy" is not a teammate; choose one of Ana, Bo`)
	ana.sync()
	bo.sync()

	order := func(l *laptop) []string {
		t.Helper()
		tk, err := loop.NewService(context.Background(), l.db).Tickler(loop.TicklerQuery{View: "later"})
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, r := range tk.Items {
			mark := ""
			if r.Mine {
				mark = " (mine)"
			}
			out = append(out, r.Title+" / "+r.Owner+mark)
		}
		return out
	}
	want := []string{"Call Kwame / Bo (mine)", "Draft the synthesis / Ana", "Book the room / "}
	if got := order(bo); !reflect.DeepEqual(got, want) {
		t.Errorf("Bo's tickler: %q, want %q", got, want)
	}
	want = []string{"Draft the synthesis / Ana (mine)", "Call Kwame / Bo", "Book the room / "}
	if got := order(ana); !reflect.DeepEqual(got, want) {
		t.Errorf("Ana's tickler: %q, want %q", got, want)
	}
}
