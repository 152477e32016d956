package loop

import (
	"errors"
	"sync"
	"testing"
	"time"

	"soundingboard/backend/store"
)

func TestStepKeepsTheMonthEndIntent(t *testing.T) {
	ny, _ := time.LoadLocation("America/New_York")
	cases := []struct {
		name   string
		start  string
		unit   string
		every  int
		anchor int
		want   []string
	}{
		{"31st monthly", "2026-01-31 09:00", "month", 1, 31,
			[]string{"2026-02-28", "2026-03-31", "2026-04-30", "2026-05-31"}},
		{"31st in a leap year", "2028-01-31 09:00", "month", 1, 31, []string{"2028-02-29", "2028-03-31"}},
		{"30th", "2026-01-30 09:00", "month", 1, 30, []string{"2026-02-28", "2026-03-30", "2026-04-30"}},
		{"29th", "2027-01-29 09:00", "month", 1, 29, []string{"2027-02-28", "2027-03-29"}},
		{"every 2 months from the 31st", "2026-12-31 09:00", "month", 2, 31, []string{"2027-02-28", "2027-04-30", "2027-06-30"}},
		{"quarterly over a year end", "2026-11-15 09:00", "month", 3, 15, []string{"2027-02-15", "2027-05-15"}},
		{"every 10 days", "2026-02-25 09:00", "day", 10, 0, []string{"2026-03-07", "2026-03-17"}},
		{"every 2 weeks", "2026-12-24 09:00", "week", 2, 0, []string{"2027-01-07", "2027-01-21"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			cur, _ := time.ParseInLocation("2006-01-02 15:04", c.start, ny)
			for _, w := range c.want {
				cur = step(cur, c.unit, c.every, c.anchor)
				if got := cur.Format("2006-01-02 15:04"); got != w+" 09:00" {
					t.Fatalf("got %s, want %s 09:00", got, w)
				}
			}
		})
	}
}

func TestRecurrenceKeepsWallClockAcrossDST(t *testing.T) {
	cases := []struct {
		zone, start, now, unit string
		every                  int
		want                   []string // RFC 3339 due times of the next occurrences
	}{
		// US DST starts 2026-03-08: 09:00 EST (-05:00) then 09:00 EDT (-04:00).
		{"America/New_York", "2026-03-02T09:00", "2026-03-02 10:00", "week", 1,
			[]string{"2026-03-09T09:00:00-04:00", "2026-03-16T09:00:00-04:00"}},
		// and ends 2026-11-01.
		{"America/New_York", "2026-10-31T18:30", "2026-10-31 19:00", "day", 1,
			[]string{"2026-11-01T18:30:00-05:00", "2026-11-02T18:30:00-05:00"}},
		// EU summer time starts 2026-03-29, ends 2026-10-25.
		{"Europe/Berlin", "2026-03-28T09:00", "2026-03-28 09:30", "day", 1,
			[]string{"2026-03-29T09:00:00+02:00", "2026-03-30T09:00:00+02:00"}},
		{"Europe/Berlin", "2026-09-30T08:15", "2026-09-30 09:00", "month", 1,
			[]string{"2026-10-30T08:15:00+01:00", "2026-11-30T08:15:00+01:00"}},
	}
	for _, c := range cases {
		t.Run(c.zone+" "+c.unit, func(t *testing.T) {
			f := newFx(t, c.zone, c.now)
			r := f.reminder(ReminderInput{Title: "Call", DueAt: c.start, RepeatUnit: c.unit, RepeatEvery: c.every})
			if r.TimeZone != c.zone || r.Repeat == "" {
				t.Fatalf("reminder %+v", r)
			}
			for i, want := range c.want {
				res := ok(f.s.Complete(r.ID, CompleteInput{Outcome: "done"})).of(t)
				if res.Next == nil || res.Next.DueAt != want || res.Next.ID != r.ID {
					t.Fatalf("occurrence %d: next = %+v, want %s", i+1, res.Next, want)
				}
				if res.Done.ID == r.ID || res.Done.SeriesID != r.ID || res.Done.DoneAt == "" || res.Done.Repeat != "" {
					t.Fatalf("done occurrence %+v", res.Done)
				}
				// Complete the next one on its day.
				d, _ := time.Parse(time.RFC3339, want)
				f.now = d.Add(time.Minute)
			}
		})
	}
}

func TestCompletingLateSchedulesTheNextFutureOccurrence(t *testing.T) {
	f := newFx(t, "Europe/Berlin", "2026-01-31 10:00")
	r := f.reminder(ReminderInput{Title: "Monthly report", DueAt: "2026-01-31T09:00", RepeatUnit: "month", RepeatEvery: 1})
	f.at("2026-05-02 12:00") // three months late
	res := ok(f.s.Complete(r.ID, CompleteInput{})).of(t)
	if res.Next.DueAt != "2026-05-31T09:00:00+02:00" {
		t.Fatalf("next = %s, want 2026-05-31 09:00 (the 31st intent kept, after now)", res.Next.DueAt)
	}
}

func TestSnooze(t *testing.T) {
	// Wednesday 4 March 2026, 14:00 in Berlin; each reminder was due at 10:00.
	f := newFx(t, "Europe/Berlin", "2026-03-04 14:00")
	cases := []struct {
		in   SnoozeInput
		want string
	}{
		{SnoozeInput{Preset: "later_today"}, "2026-03-04T17:00:00+01:00"},
		{SnoozeInput{Preset: "tomorrow"}, "2026-03-05T09:00:00+01:00"},
		{SnoozeInput{Preset: "next_week"}, "2026-03-09T09:00:00+01:00"},
		{SnoozeInput{Preset: "until", Until: "2026-04-01T08:30"}, "2026-04-01T08:30:00+02:00"},
		{SnoozeInput{Preset: "until", Until: "2026-04-01T06:30:00Z"}, "2026-04-01T08:30:00+02:00"},
	}
	for _, c := range cases {
		r := f.reminder(ReminderInput{Title: "Thank Zoë", DueAt: "2026-03-04T10:00"})
		got := ok(f.s.Snooze(r.ID, c.in)).of(t)
		if got.DueAt != c.want || !got.Snoozed || got.ScheduledAt != "2026-03-04T10:00:00+01:00" {
			t.Errorf("%+v: due %s snoozed %v scheduled %s; want %s", c.in, got.DueAt, got.Snoozed, got.ScheduledAt, c.want)
		}
	}
	// On a Monday, next week is the Monday after.
	f.at("2026-03-09 08:00")
	r := f.reminder(ReminderInput{Title: "Thank Zoë", DueAt: "2026-03-09T07:00"})
	if got := ok(f.s.Snooze(r.ID, SnoozeInput{Preset: "next_week"})).of(t); got.DueAt != "2026-03-16T09:00:00+01:00" {
		t.Errorf("next week from a Monday: %s", got.DueAt)
	}
	_, err := f.s.Snooze(r.ID, SnoozeInput{Preset: "until", Until: "2026-03-01T09:00"})
	mustInvalid(t, err, "not in the future")
	_, err = f.s.Snooze(r.ID, SnoozeInput{Preset: "someday"})
	mustInvalid(t, err, "preset")
	_, err = f.s.Snooze(999, SnoozeInput{Preset: "tomorrow"})
	if !errors.Is(err, store.ErrNotFound) {
		t.Errorf("snooze a missing reminder: %v", err)
	}
	ok(f.s.Complete(r.ID, CompleteInput{})).of(t)
	_, err = f.s.Snooze(r.ID, SnoozeInput{Preset: "tomorrow"})
	mustInvalid(t, err, "reopen")

	// Snoozing a recurring occurrence does not move the series.
	w := f.reminder(ReminderInput{Title: "Weekly", DueAt: "2026-03-09T07:00", RepeatUnit: "week", RepeatEvery: 1})
	ok(f.s.Snooze(w.ID, SnoozeInput{Preset: "later_today"})).of(t)
	res := ok(f.s.Complete(w.ID, CompleteInput{})).of(t)
	if res.Next.DueAt != "2026-03-16T07:00:00+01:00" || res.Next.Snoozed {
		t.Errorf("next after a snoozed occurrence: %+v", res.Next)
	}
}

func TestCompleteLogsTouchpointReopenRemovesIt(t *testing.T) {
	f := newFx(t, "Europe/Berlin", "2026-03-04 14:00")
	zoe := f.member("Zoë Durand", "ok", 0)
	r := f.reminder(ReminderInput{Title: "Thank Zoë", Kind: "thank_you", DueAt: "2026-03-04T10:00", MemberID: zoe})
	if !r.Outreach || r.NoConsent || r.Member != "Zoë Durand" {
		t.Fatalf("reminder %+v", r)
	}
	res := ok(f.s.Complete(r.ID, CompleteInput{Outcome: "sent the summary", Via: "call"})).of(t)
	if res.TouchpointID == 0 || res.Next != nil || res.Done.Outcome != "sent the summary" {
		t.Fatalf("result %+v", res)
	}
	var tp struct {
		Kind    string `db:"kind"`
		Day     string `db:"happened_on"`
		Summary string `db:"summary"`
	}
	if err := f.db.Get(&tp, `SELECT kind, happened_on, summary FROM touchpoints WHERE id = ?`, res.TouchpointID); err != nil {
		t.Fatal(err)
	}
	if tp.Kind != "call" || tp.Day != "2026-03-04" || tp.Summary != "Thank Zoë — sent the summary" {
		t.Errorf("touchpoint %+v", tp)
	}
	_, err := f.s.Complete(r.ID, CompleteInput{})
	mustInvalid(t, err, "already done")

	back := ok(f.s.Reopen(r.ID)).of(t)
	if back.DoneAt != "" || f.count(`SELECT count(*) FROM touchpoints`) != 0 {
		t.Errorf("reopen: %+v, touchpoints %d", back, f.count(`SELECT count(*) FROM touchpoints`))
	}
	_, err = f.s.Reopen(r.ID)
	mustInvalid(t, err, "not done")

	// "none" logs nothing; a team task never logs.
	if res := ok(f.s.Complete(r.ID, CompleteInput{Via: "none"})).of(t); res.TouchpointID != 0 {
		t.Error("via none logged a touchpoint")
	}
	team := f.reminder(ReminderInput{Title: "Synthesis", Kind: "synthesis", DueAt: "2026-03-04T10:00", MemberID: zoe})
	if res := ok(f.s.Complete(team.ID, CompleteInput{})).of(t); res.TouchpointID != 0 || team.Outreach {
		t.Error("a synthesis reminder logged a touchpoint")
	}
	_, err = f.s.Complete(team.ID+100, CompleteInput{})
	if !errors.Is(err, store.ErrNotFound) {
		t.Errorf("complete missing: %v", err)
	}
}

func TestNoConsentFlagsExistingReminders(t *testing.T) {
	f := newFx(t, "Europe/Berlin", "2026-03-04 14:00")
	ana := f.member("Ana Souza", "ok", 0)
	gone := f.member("Pedro Alves", "revoked", 0)
	old := f.member("Will Johnson", "expired", 0)
	for _, m := range []int64{ana, gone, old} {
		f.reminder(ReminderInput{Title: "Share back", Kind: "share_back", DueAt: "2026-03-04T10:00", MemberID: m})
	}
	f.reminder(ReminderInput{Title: "Team", Kind: "synthesis", DueAt: "2026-03-04T10:00", MemberID: gone})
	tk := ok(f.s.Tickler(TicklerQuery{View: "today"})).of(t)
	flags := map[string]bool{}
	for _, r := range tk.Items {
		flags[r.Member+"/"+string(r.Kind)] = r.NoConsent
	}
	want := map[string]bool{"Ana Souza/share_back": false, "Pedro Alves/share_back": true,
		"Will Johnson/share_back": true, "Pedro Alves/synthesis": false}
	for k, v := range want {
		if flags[k] != v {
			t.Errorf("%s: noConsent = %v, want %v", k, flags[k], v)
		}
	}
}

func TestTicklerViewsAndBadge(t *testing.T) {
	// Thursday 5 March 2026, 11:00 in New York.
	f := newFx(t, "America/New_York", "2026-03-05 11:00")
	for _, c := range []struct{ title, due string }{
		{"overdue 1", "2026-02-20T09:00"}, {"overdue 2", "2026-03-04T23:59"},
		{"today early", "2026-03-05T00:00"}, {"today past", "2026-03-05T09:00"}, {"today late", "2026-03-05T23:30"},
		{"tomorrow", "2026-03-06T00:00"}, {"in a week", "2026-03-12T23:59"},
		{"later", "2026-03-13T00:00"}, {"much later", "2026-12-01T09:00"},
		{"done", "2026-03-01T09:00"},
	} {
		r := f.reminder(ReminderInput{Title: c.title, DueAt: c.due})
		if c.title == "done" {
			ok(f.s.Complete(r.ID, CompleteInput{})).of(t)
		}
	}
	// A Berlin reminder at 05:30 on 6 March is 23:30 on 5 March in New York: today.
	f.reminder(ReminderInput{Title: "today from Berlin", DueAt: "2026-03-06T05:30", TimeZone: "Europe/Berlin"})
	want := map[string]string{
		"overdue": "[overdue 1 overdue 2]",
		"today":   "[today early today past today late today from Berlin]",
		"week":    "[tomorrow in a week]",
		"later":   "[later much later]",
		"done":    "[done]",
	}
	for view, w := range want {
		tk := ok(f.s.Tickler(TicklerQuery{View: view})).of(t)
		if got := titles(tk.Items); got != w {
			t.Errorf("%s: %s, want %s", view, got, w)
		}
		if tk.Total != len(tk.Items) || tk.Today != "2026-03-05" {
			t.Errorf("%s: total %d today %s", view, tk.Total, tk.Today)
		}
	}
	tk := ok(f.s.Tickler(TicklerQuery{})).of(t)
	if c := tk.Counts; c != (Counts{Overdue: 2, Today: 4, Week: 2, Later: 2, Done: 1, Badge: 6}) || tk.View != "overdue" {
		t.Errorf("counts %+v view %s", c, tk.View)
	}
	if n := ok(f.s.Badge()).of(t); n != 6 {
		t.Errorf("badge %d", n)
	}
	page := ok(f.s.Tickler(TicklerQuery{View: "today", Limit: 2, Offset: 1})).of(t)
	if got := titles(page.Items); got != "[today past today late]" || page.Total != 4 {
		t.Errorf("page: %s total %d", got, page.Total)
	}
	_, err := f.s.Tickler(TicklerQuery{View: "someday"})
	mustInvalid(t, err, "view")
	due := ok(f.s.ListReminders(ReminderFilter{DueOnly: true})).of(t)
	if len(due) != 6 {
		t.Errorf("due only: %s", titles(due))
	}
}

func TestStayInTouchCadenceResetByTouchpoint(t *testing.T) {
	f := newFx(t, "Europe/Berlin", "2026-03-04 14:00")
	zoe := f.member("Zoë Durand", "ok", 30)
	f.touch(zoe, "call", "2026-01-20") // 43 days ago: overdue since 19 Feb
	kenji := f.member("Kenji Watanabe", "ok", 30)
	f.touch(kenji, "email", "2026-02-02") // due exactly today
	f.touch(kenji, "note", "2026-03-01")  // a note is not contact
	fresh := f.member("Grace Okafor", "ok", 30)
	f.touch(fresh, "meeting", "2026-02-20") // not due yet
	noConsent := f.member("Pedro Alves", "revoked", 30)
	f.touch(noConsent, "call", "2025-10-01")
	noCadence := f.member("Tom Baker", "ok", 0)
	f.touch(noCadence, "call", "2025-10-01")
	never := f.member("Priya Raman", "ok", 45) // joined 2025-01-01, never contacted

	over := ok(f.s.Tickler(TicklerQuery{View: "overdue"})).of(t)
	today := ok(f.s.Tickler(TicklerQuery{View: "today"})).of(t)
	if got := titles(over.Items); got != "[Stay in touch with Priya Raman Stay in touch with Zoë Durand]" {
		t.Errorf("overdue: %s", got)
	}
	if got := titles(today.Items); got != "[Stay in touch with Kenji Watanabe]" {
		t.Errorf("today: %s", got)
	}
	v := today.Items[0]
	if !v.Virtual || v.ID != 0 || v.MemberID != kenji || v.DueAt != "2026-03-04T09:00:00+01:00" || v.Kind != "stay_in_touch" {
		t.Errorf("virtual item %+v", v)
	}
	if today.Counts.Badge != 3 {
		t.Errorf("badge %d", today.Counts.Badge)
	}

	// Any touchpoint resets the clock: one logged from the tickler, one from elsewhere.
	c := ok(f.s.LogContact(zoe, ContactInput{Via: "message", Outcome: "sent the new screen"})).of(t)
	if c.Kind != "message" || c.HappenedOn != "2026-03-04" || c.Summary != "Stay in touch with Zoë Durand — sent the new screen" {
		t.Errorf("contact %+v", c)
	}
	f.touch(kenji, "session", "2026-03-02")
	over = ok(f.s.Tickler(TicklerQuery{View: "overdue"})).of(t)
	today = ok(f.s.Tickler(TicklerQuery{View: "today"})).of(t)
	if got := titles(over.Items) + titles(today.Items); got != "[Stay in touch with Priya Raman][]" {
		t.Errorf("after contact: %s", got)
	}

	// Snoozing the virtual item saves a reminder and hides the virtual one.
	r := ok(f.s.SnoozeStayInTouch(never, SnoozeInput{Preset: "tomorrow"})).of(t)
	if r.ID == 0 || r.Kind != "stay_in_touch" || r.DueAt != "2026-03-05T09:00:00+01:00" || r.MemberID != never {
		t.Errorf("snoozed stay in touch %+v", r)
	}
	over = ok(f.s.Tickler(TicklerQuery{View: "overdue"})).of(t)
	if len(over.Items) != 0 {
		t.Errorf("still overdue: %s", titles(over.Items))
	}
	_, err := f.s.SnoozeStayInTouch(never, SnoozeInput{Preset: "tomorrow"})
	mustInvalid(t, err, "not due")
	// Completing that reminder logs contact, so the cadence restarts.
	f.at("2026-03-05 10:00")
	ok(f.s.Complete(r.ID, CompleteInput{Outcome: "called"})).of(t)
	if got := titles(ok(f.s.Tickler(TicklerQuery{View: "overdue"})).of(t).Items); got != "[]" {
		t.Errorf("after completing: %s", got)
	}
	_, err = f.s.LogContact(never, ContactInput{Via: "carrier pigeon"})
	mustInvalid(t, err, "via")
}

func TestDueNotificationsNeverRepeat(t *testing.T) {
	f := newFx(t, "Europe/Berlin", "2026-03-04 14:00")
	a := f.reminder(ReminderInput{Title: "A", DueAt: "2026-03-04T09:00"})
	b := f.reminder(ReminderInput{Title: "B", DueAt: "2026-03-04T13:59", RepeatUnit: "day", RepeatEvery: 1})
	f.reminder(ReminderInput{Title: "C (later)", DueAt: "2026-03-04T18:00"})
	done := f.reminder(ReminderInput{Title: "D (done)", DueAt: "2026-03-04T09:00"})
	ok(f.s.Complete(done.ID, CompleteInput{})).of(t)

	// Many callers at once (the desktop ticker and browser tabs): each due
	// reminder is handed out exactly once.
	var mu sync.Mutex
	seen := map[int64]int{}
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			ns, err := f.s.DueNotifications()
			if err != nil {
				t.Error(err)
				return
			}
			mu.Lock()
			defer mu.Unlock()
			for _, n := range ns {
				seen[n.ReminderID]++
			}
		}()
	}
	wg.Wait()
	if len(seen) != 2 || seen[a.ID] != 1 || seen[b.ID] != 1 {
		t.Fatalf("notified %v, want A and B once each", seen)
	}
	if ns := ok(f.s.DueNotifications()).of(t); len(ns) != 0 {
		t.Fatalf("repeated: %+v", ns)
	}
	if r := ok(f.s.GetReminder(a.ID)).of(t); !r.Notified {
		t.Error("A not marked notified")
	}
	// Reopening does not make a new occurrence; snoozing and recurrence do.
	ok(f.s.Complete(a.ID, CompleteInput{})).of(t)
	ok(f.s.Reopen(a.ID)).of(t)
	if ns := ok(f.s.DueNotifications()).of(t); len(ns) != 0 {
		t.Fatalf("reopen re-notified: %+v", ns)
	}
	ok(f.s.Snooze(a.ID, SnoozeInput{Preset: "later_today"})).of(t)
	ok(f.s.Complete(b.ID, CompleteInput{})).of(t)
	f.at("2026-03-04 17:30")
	if ns := ok(f.s.DueNotifications()).of(t); len(ns) != 1 || ns[0].Title != "A" {
		t.Fatalf("after snooze: %+v", ns)
	}
	f.at("2026-03-05 14:00")
	ns := ok(f.s.DueNotifications()).of(t)
	if len(ns) != 2 || ns[0].Title != "C (later)" || ns[1].Title != "B" {
		t.Fatalf("next occurrence: %+v", ns)
	}
}

func TestValidationWritesNothing(t *testing.T) {
	f := newFx(t, "Europe/Berlin", "2026-03-04 14:00")
	m := f.member("Zoë Durand", "ok", 0)
	cases := []struct {
		name string
		in   ReminderInput
		want string
	}{
		{"no title", ReminderInput{Title: "  ", DueAt: "2026-03-05T09:00"}, "title is required"},
		{"long title", ReminderInput{Title: string(make([]byte, 301)), DueAt: "2026-03-05T09:00"}, "title is longer"},
		{"no due", ReminderInput{Title: "x"}, "dueAt is required"},
		{"bad due", ReminderInput{Title: "x", DueAt: "tomorrow-ish"}, "not a date and time"},
		{"impossible date", ReminderInput{Title: "x", DueAt: "2026-02-30T09:00"}, "not a date and time"},
		{"bad zone", ReminderInput{Title: "x", DueAt: "2026-03-05T09:00", TimeZone: "Mars/Olympus"}, "timeZone"},
		{"bad kind", ReminderInput{Title: "x", DueAt: "2026-03-05T09:00", Kind: "party"}, "kind"},
		{"bad channel", ReminderInput{Title: "x", DueAt: "2026-03-05T09:00", Channel: "fax"}, "channel"},
		{"every without unit", ReminderInput{Title: "x", DueAt: "2026-03-05T09:00", RepeatEvery: 2}, "repeatUnit"},
		{"unit without every", ReminderInput{Title: "x", DueAt: "2026-03-05T09:00", RepeatUnit: "week"}, "repeatEvery"},
		{"bad unit", ReminderInput{Title: "x", DueAt: "2026-03-05T09:00", RepeatUnit: "fortnight", RepeatEvery: 1}, "repeatUnit"},
		{"missing member", ReminderInput{Title: "x", DueAt: "2026-03-05T09:00", MemberID: m + 10}, "member"},
		{"missing session", ReminderInput{Title: "x", DueAt: "2026-03-05T09:00", SessionID: 7}, "session 7 does not exist"},
		{"stay in touch without member", ReminderInput{Title: "x", DueAt: "2026-03-05T09:00", Kind: "stay_in_touch"}, "needs a member"},
		{"bad template", ReminderInput{Title: "x", DueAt: "2026-03-05T09:00", TemplateKey: "spam"}, "templateKey"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := f.s.CreateReminder(c.in)
			mustInvalid(t, err, c.want)
		})
	}
	r := f.reminder(ReminderInput{Title: "Keep me", DueAt: "2026-03-05T09:00"})
	_, err := f.s.UpdateReminder(r.ID, ReminderInput{Title: "", DueAt: "2026-03-05T09:00"})
	mustInvalid(t, err, "title")
	if got := ok(f.s.GetReminder(r.ID)).of(t); got.Title != "Keep me" {
		t.Errorf("update wrote on bad input: %+v", got)
	}
	_, err = f.s.Complete(r.ID, CompleteInput{Via: "fax"})
	mustInvalid(t, err, "via")
	_, err = f.s.SaveSettings(Settings{ThankYouHours: 0, AfterthoughtsDays: 3, FeedbackDays: 2, SynthesisDays: 7,
		ShareBackDays: 30, DueHour: 25, TimeZone: "Nowhere/Else"})
	mustInvalid(t, err, "thankYouHours")
	mustInvalid(t, err, "dueHour")
	mustInvalid(t, err, "timeZone")
	_, err = f.s.SaveTemplate("thank_you", TemplateInput{Subject: "", Body: "x"})
	mustInvalid(t, err, "subject")
	_, err = f.s.SaveTemplate("nope", TemplateInput{Subject: "x", Body: "x"})
	mustInvalid(t, err, "template")
	if n := f.count(`SELECT count(*) FROM reminders`); n != 1 {
		t.Errorf("%d reminders written", n)
	}
	if n := f.count(`SELECT count(*) FROM settings WHERE key LIKE 'loop.%'`) + f.count(`SELECT count(*) FROM message_templates`) + f.count(`SELECT count(*) FROM touchpoints`); n != 0 {
		t.Errorf("%d settings, templates or touchpoints written", n)
	}
}

func TestUpdateAndDelete(t *testing.T) {
	f := newFx(t, "Europe/Berlin", "2026-03-04 14:00")
	r := f.reminder(ReminderInput{Title: "Old", DueAt: "2026-03-04T09:00"})
	ok(f.s.DueNotifications()).of(t)
	ok(f.s.Snooze(r.ID, SnoozeInput{Preset: "tomorrow"})).of(t)
	u := ok(f.s.UpdateReminder(r.ID, ReminderInput{Title: "New", DueAt: "2026-03-10T10:00", RepeatUnit: "month", RepeatEvery: 1})).of(t)
	if u.Title != "New" || u.DueAt != "2026-03-10T10:00:00+01:00" || u.Snoozed || u.Notified || u.Repeat != "every month" {
		t.Errorf("updated %+v", u)
	}
	if err := f.s.DeleteReminder(r.ID); err != nil {
		t.Fatal(err)
	}
	if err := f.s.DeleteReminder(r.ID); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("delete twice: %v", err)
	}
	_, err := f.s.UpdateReminder(r.ID, ReminderInput{Title: "x", DueAt: "2026-03-10T10:00"})
	if !errors.Is(err, store.ErrNotFound) {
		t.Errorf("update missing: %v", err)
	}
}
