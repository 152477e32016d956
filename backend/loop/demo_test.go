package loop

import (
	"context"
	"errors"
	"testing"
	"time"

	"soundingboard/backend/board"
	"soundingboard/backend/session"
	"soundingboard/backend/store"
)

func TestLoadDemoAfterBoardAndSessions(t *testing.T) {
	f := newFx(t, "Europe/Berlin", "2026-03-04 14:00")
	f.now = time.Now() // the sample sessions are dated from the real today
	ctx := context.Background()
	b := board.NewService(ctx, f.db)
	ok(b.LoadDemo()).of(t)
	ok(session.NewPlans(ctx, f.db).LoadDemo()).of(t)
	r := ok(f.s.LoadDemo()).of(t)
	if r.Sessions == 0 || r.Reminders < 10 {
		t.Fatalf("demo %+v", r)
	}
	tk := ok(f.s.Tickler(TicklerQuery{View: "done"})).of(t)
	c := tk.Counts
	if c.Done == 0 || c.Overdue == 0 || c.Today == 0 || c.Week+c.Later == 0 {
		t.Errorf("demo counts %+v", c)
	}
	if n := f.count(`SELECT count(*) FROM reminders WHERE kind = 'stay_in_touch' AND done_at IS NULL`); n < 2 {
		t.Errorf("%d stay-in-touch reminders", n)
	}
	cl := ok(f.s.BoardClosure()).of(t)
	if cl.HeardBack == 0 || cl.Rate <= 0 || cl.Rate >= 1 || len(cl.NotYet) == 0 {
		t.Errorf("demo closure %+v", cl)
	}
	ok(f.s.ExportICS()).of(t)
	if _, err := f.s.LoadDemo(); !errors.Is(err, store.ErrConflict) {
		t.Errorf("second load: %v", err)
	}
}

func TestLoadDemoWithoutSessions(t *testing.T) {
	f := newFx(t, "Europe/Berlin", "2026-03-04 14:00")
	f.member("Zoë Durand", "ok", 30)
	r := ok(f.s.LoadDemo()).of(t)
	if r.Sessions != 0 || r.Reminders != 1 {
		t.Errorf("demo %+v", r)
	}
}
