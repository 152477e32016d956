package loop

import (
	"strings"
	"testing"
)

func TestSnoozeNeverMovesAReminderEarlier(t *testing.T) {
	// Wednesday 4 March 2026, 18:00 in Berlin; the reminder is due tomorrow at 09:00.
	f := newFx(t, "Europe/Berlin", "2026-03-04 18:00")
	r := f.reminder(ReminderInput{Title: "Ask Zoë for feedback", DueAt: "2026-03-05T09:00"})

	// Later today would land before the due time: refused, nothing written.
	_, err := f.s.Snooze(r.ID, SnoozeInput{Preset: "later_today"})
	mustInvalid(t, err, "would move the reminder earlier: it is due 2026-03-05 09:00, after today")
	_, err = f.s.Snooze(r.ID, SnoozeInput{Preset: "until", Until: "2026-03-04T21:00"})
	mustInvalid(t, err, "until 2026-03-04 21:00 is not after the reminder's due time 2026-03-05 09:00")
	_, err = f.s.Snooze(r.ID, SnoozeInput{Preset: "until", Until: "2026-03-05T09:00"})
	mustInvalid(t, err, "not after the reminder's due time")
	if got := ok(f.s.GetReminder(r.ID)).of(t); got.DueAt != "2026-03-05T09:00:00+01:00" || got.Snoozed {
		t.Fatalf("a refused snooze wrote: %+v", got)
	}

	// The presets count from the due time: tomorrow is the day after it,
	// next week the Monday after it.
	for _, c := range []struct{ preset, want string }{
		{"tomorrow", "2026-03-06T09:00:00+01:00"},
		{"next_week", "2026-03-09T09:00:00+01:00"},
	} {
		r := f.reminder(ReminderInput{Title: "Ask Zoë for feedback", DueAt: "2026-03-05T09:00"})
		if got := ok(f.s.Snooze(r.ID, SnoozeInput{Preset: c.preset})).of(t); got.DueAt != c.want {
			t.Errorf("%s: due %s, want %s", c.preset, got.DueAt, c.want)
		}
	}
	// Due later today: later today counts three hours from the due time.
	evening := f.reminder(ReminderInput{Title: "Call Kenji", DueAt: "2026-03-04T19:00"})
	if got := ok(f.s.Snooze(evening.ID, SnoozeInput{Preset: "later_today"})).of(t); got.DueAt != "2026-03-04T22:00:00+01:00" {
		t.Errorf("later today from 19:00: %s", got.DueAt)
	}
}

func TestTicklerOpensOnWhatNeedsActionNow(t *testing.T) {
	f := newFx(t, "Europe/Berlin", "2026-03-04 14:00")
	f.reminder(ReminderInput{Title: "today", DueAt: "2026-03-04T16:00"})
	f.reminder(ReminderInput{Title: "next week", DueAt: "2026-03-10T09:00"})
	if tk := ok(f.s.Tickler(TicklerQuery{})).of(t); tk.View != "today" || titles(tk.Items) != "[today]" {
		t.Errorf("nothing overdue: opened on %s with %s", tk.View, titles(tk.Items))
	}
	f.reminder(ReminderInput{Title: "newer overdue", DueAt: "2026-03-03T09:00"})
	f.reminder(ReminderInput{Title: "oldest overdue", DueAt: "2026-02-01T09:00"})
	tk := ok(f.s.Tickler(TicklerQuery{})).of(t)
	if tk.View != "overdue" || titles(tk.Items) != "[oldest overdue newer overdue]" || tk.Total != 2 {
		t.Errorf("opened on %s with %s (total %d), want overdue, oldest first", tk.View, titles(tk.Items), tk.Total)
	}
	// An explicit view is kept whatever is overdue.
	if tk := ok(f.s.Tickler(TicklerQuery{View: "today"})).of(t); tk.View != "today" {
		t.Errorf("asked for today, got %s", tk.View)
	}
}

func TestTicklerCountsEachChainAcrossViews(t *testing.T) {
	f := newFx(t, "Europe/Berlin", "2026-03-04 14:00")
	s1 := f.session(f.decision("Invoices"), "Billing round", "2026-02-20T16:00:00Z")
	s2 := f.session(f.decision("Reorder"), "Reorder round", "2026-02-25T16:00:00Z")
	chain := func(session int64, title, due, kind string, member int64) Reminder {
		r := f.reminder(ReminderInput{Title: title, DueAt: due, SessionID: session, Kind: kind, MemberID: member})
		f.exec(`UPDATE reminders SET origin = 'chain' WHERE id = ?`, r.ID)
		return r
	}
	ana, bo, cy := f.member("Ana Lima", "ok", 0), f.member("Bo Berg", "ok", 0), f.member("Cy Stone", "ok", 0)
	chain(s1, "Thank Ana", "2026-02-21T09:00", "thank_you", ana)
	chain(s1, "Thank Bo", "2026-02-21T09:00", "thank_you", bo)
	done := chain(s1, "Thank Cy", "2026-02-21T09:00", "thank_you", cy)
	ok(f.s.Complete(done.ID, CompleteInput{Via: "none"})).of(t)
	chain(s1, "Share back with Ana", "2026-03-20T09:00", "share_back", ana)
	chain(s2, "Synthesis", "2026-03-10T09:00", "synthesis", 0)
	f.reminder(ReminderInput{Title: "Not a chain", DueAt: "2026-02-21T09:00", SessionID: s2})

	tk := ok(f.s.Tickler(TicklerQuery{View: "overdue"})).of(t)
	if len(tk.Chains) != 1 || tk.Chains[0] != (ChainCount{SessionID: s1, Done: 1, Open: 3, Overdue: 2}) {
		t.Errorf("overdue chains %+v, want session %d: 1 done, 3 open, 2 overdue", tk.Chains, s1)
	}
	if tk := ok(f.s.Tickler(TicklerQuery{View: "later"})).of(t); len(tk.Chains) != 1 || tk.Chains[0].SessionID != s1 {
		t.Errorf("later chains %+v", tk.Chains)
	}
	if tk := ok(f.s.Tickler(TicklerQuery{View: "today"})).of(t); tk.Chains == nil || len(tk.Chains) != 0 {
		t.Errorf("today chains %+v, want an empty list", tk.Chains)
	}
}

func TestDueNoticesAreOneSummary(t *testing.T) {
	f := newFx(t, "Europe/Berlin", "2026-03-04 14:00")
	zoe := f.member("Zoë Durand", "ok", 0)
	for _, title := range []string{"Thank Ana", "Thank Bo", "Thank Cy", "Thank Dee", "Thank Eve"} {
		f.reminder(ReminderInput{Title: title, DueAt: "2026-03-04T09:00"})
	}
	f.reminder(ReminderInput{Title: "Not yet", DueAt: "2026-03-04T18:00"})
	f.reminder(ReminderInput{Title: "Overdue and seen", DueAt: "2026-03-01T09:00"})
	f.exec(`UPDATE reminders SET notified_at = ? WHERE title = 'Overdue and seen'`, stamp)

	sum := ok(f.s.DueSummary()).of(t)
	want := DueSummary{New: 5, Due: 7, Title: "5 follow-ups fell due", Body: "Thank Ana; Thank Bo; Thank Cy; and 2 more"}
	if sum != want {
		t.Errorf("summary %+v, want %+v", sum, want)
	}
	// The next sweep has nothing new to tell, but still counts what is due.
	if sum := ok(f.s.DueSummary()).of(t); sum != (DueSummary{Due: 7}) {
		t.Errorf("second sweep %+v", sum)
	}
	// One reminder falls due: its own title and body.
	f.reminder(ReminderInput{Title: "Ask Zoë", Body: "How did the trial go?", DueAt: "2026-03-04T14:30", MemberID: zoe})
	f.at("2026-03-04 15:00")
	sum = ok(f.s.DueSummary()).of(t)
	if sum.New != 1 || sum.Title != "Follow-up due: Ask Zoë" || !strings.HasPrefix(sum.Body, "Zoë Durand: How did") || sum.Due != 8 {
		t.Errorf("one new %+v", sum)
	}
}
