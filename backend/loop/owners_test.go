package loop

import (
	"strings"
	"testing"

	"soundingboard/backend/storetest"
)

func TestOwnerOnABoardInNoTeamIsFreeText(t *testing.T) {
	f := newFx(t, "Europe/Berlin", "2026-03-04 14:00")
	r := f.reminder(ReminderInput{Title: "Thank Zoë", DueAt: "2026-03-04T16:00", Owner: "  Ana from sales "})
	if r.Owner != "Ana from sales" || r.Mine {
		t.Fatalf("owner %q mine %v, want the trimmed text and not mine (no team)", r.Owner, r.Mine)
	}
	_, err := f.s.CreateReminder(ReminderInput{Title: "Too long", DueAt: "2026-03-04T16:00", Owner: strings.Repeat("a", 121)})
	mustInvalid(t, err, "owner is longer than 120 characters")
	_, err = f.s.UpdateReminder(r.ID, ReminderInput{Title: "Thank Zoë", DueAt: "2026-03-04T16:00", Owner: "Ana\x07"})
	mustInvalid(t, err, "owner contains the control character")
	if n := f.count(`SELECT count(*) FROM reminders`); n != 1 {
		t.Errorf("%d reminders, want 1: a refused one was written", n)
	}
	if got := ok(f.s.GetReminder(r.ID)).of(t); got.Owner != "Ana from sales" {
		t.Errorf("a refused edit wrote the owner %q", got.Owner)
	}
}

func TestOwnerOnASharedBoardIsATeammate(t *testing.T) {
	f := newFx(t, "Europe/Berlin", "2026-03-04 14:00")
	storetest.InTeam(t, f.db, storetest.Device{Person: "Ana"}, storetest.Device{Person: "Ben"},
		storetest.Device{Person: "Ben"}, storetest.Device{Person: "Cleo", Removed: true})

	mine := f.reminder(ReminderInput{Title: "Thank Zoë", DueAt: "2026-03-04T16:00", Owner: "Ana"})
	bens := f.reminder(ReminderInput{Title: "Call Kwame", DueAt: "2026-03-04T16:00", Owner: " Ben "})
	nobody := f.reminder(ReminderInput{Title: "Synthesis", DueAt: "2026-03-04T16:00"})
	if !mine.Mine || mine.Owner != "Ana" || bens.Mine || bens.Owner != "Ben" || nobody.Mine || nobody.Owner != "" {
		t.Fatalf("mine %+v / Ben's %+v / nobody's %+v", mine, bens, nobody)
	}

	// Not a teammate, or one who left: refused, naming the field and the
	// choices; nothing written.
	for _, who := range []string{"Zed", "Cleo", "ana"} {
		_, err := f.s.CreateReminder(ReminderInput{Title: "Refused", DueAt: "2026-03-04T16:00", Owner: who})
		mustInvalid(t, err, `owner "`+who+`" is not a teammate; choose one of Ana, Ben, or leave it empty`)
		_, err = f.s.UpdateReminder(nobody.ID, ReminderInput{Title: "Renamed", DueAt: "2026-03-04T16:00", Owner: who})
		mustInvalid(t, err, "is not a teammate")
	}
	if n := f.count(`SELECT count(*) FROM reminders`); n != 3 {
		t.Errorf("%d reminders, want 3", n)
	}
	if got := ok(f.s.GetReminder(nobody.ID)).of(t); got.Title != "Synthesis" || got.Owner != "" {
		t.Errorf("a refused edit wrote: %+v", got)
	}

	// A follow-up of someone who left keeps its owner through an edit and
	// its completion; handing it on works; giving it back does not.
	f.exec(`UPDATE reminders SET owner = 'Cleo' WHERE id = ?`, nobody.ID)
	kept := ok(f.s.UpdateReminder(nobody.ID, ReminderInput{Title: "Synthesis with notes", DueAt: "2026-03-04T16:00", Owner: "Cleo"})).of(t)
	if kept.Owner != "Cleo" || kept.Title != "Synthesis with notes" {
		t.Errorf("edit keeping a former teammate: %+v", kept)
	}
	ok(f.s.UpdateReminder(nobody.ID, ReminderInput{Title: "Synthesis", DueAt: "2026-03-04T16:00", Owner: "Ben"})).of(t)
	_, err := f.s.UpdateReminder(nobody.ID, ReminderInput{Title: "Synthesis", DueAt: "2026-03-04T16:00", Owner: "Cleo"})
	mustInvalid(t, err, `owner "Cleo" is not a teammate`)

	// A recurring reminder's done occurrence keeps its owner.
	weekly := f.reminder(ReminderInput{Title: "Weekly digest", DueAt: "2026-03-04T10:00", RepeatUnit: "week", RepeatEvery: 1, Owner: "Ana"})
	res := ok(f.s.Complete(weekly.ID, CompleteInput{})).of(t)
	if res.Done.Owner != "Ana" || !res.Done.Mine || res.Next.Owner != "Ana" {
		t.Errorf("completed occurrence owner %q, next %q; want Ana's both", res.Done.Owner, res.Next.Owner)
	}
}

func TestTicklerListsMyFollowUpsFirstOnASharedBoard(t *testing.T) {
	f := newFx(t, "Europe/Berlin", "2026-03-04 14:00")
	zoe := f.member("Zoë Ålund", "ok", 30) // a virtual stay-in-touch item, due today at 09:00
	f.touch(zoe, "call", "2026-02-02")
	f.reminder(ReminderInput{Title: "nobody's, 10:00", DueAt: "2026-03-04T10:00"})
	f.reminder(ReminderInput{Title: "Ben's, 11:00", DueAt: "2026-03-04T11:00", Owner: "Ben"})
	f.reminder(ReminderInput{Title: "mine, 17:00", DueAt: "2026-03-04T17:00", Owner: "Ana"})
	f.reminder(ReminderInput{Title: "mine, 15:00", DueAt: "2026-03-04T15:00", Owner: "Ana"})
	f.reminder(ReminderInput{Title: "nobody's, overdue", DueAt: "2026-03-01T10:00"})
	f.reminder(ReminderInput{Title: "mine, overdue", DueAt: "2026-03-03T10:00", Owner: "Ana"})

	// In no team (owners are free text then) the order is by due time alone.
	today := "[Stay in touch with Zoë Ålund nobody's, 10:00 Ben's, 11:00 mine, 15:00 mine, 17:00]"
	if tk := ok(f.s.Tickler(TicklerQuery{View: "today"})).of(t); titles(tk.Items) != today {
		t.Errorf("no team: %s, want %s", titles(tk.Items), today)
	}

	storetest.InTeam(t, f.db, storetest.Device{Person: "Ana"}, storetest.Device{Person: "Ben"})
	tk := ok(f.s.Tickler(TicklerQuery{}))
	if got := tk.of(t); got.View != "overdue" || titles(got.Items) != "[mine, overdue nobody's, overdue]" {
		t.Errorf("opened on %s with %s, want overdue, mine first", got.View, titles(got.Items))
	}
	want := "[mine, 15:00 mine, 17:00 Stay in touch with Zoë Ålund nobody's, 10:00 Ben's, 11:00]"
	if got := ok(f.s.Tickler(TicklerQuery{View: "today"})).of(t); titles(got.Items) != want {
		t.Errorf("shared: %s, want %s", titles(got.Items), want)
	}
	// Pages cut the same order.
	var paged []Reminder
	for off := 0; off < 5; off += 2 {
		paged = append(paged, ok(f.s.Tickler(TicklerQuery{View: "today", Limit: 2, Offset: off})).of(t).Items...)
	}
	if titles(paged) != want {
		t.Errorf("paged: %s, want %s", titles(paged), want)
	}

	// Seen from Ben's laptop, Ben's follow-up comes first.
	f.exec(`UPDATE sync_self SET device = (SELECT id FROM team_devices WHERE person = 'Ben')`)
	got := ok(f.s.Tickler(TicklerQuery{View: "today"})).of(t)
	if titles(got.Items[:1]) != "[Ben's, 11:00]" || !got.Items[0].Mine || got.Items[1].Mine {
		t.Errorf("on Ben's laptop: %s", titles(got.Items))
	}
}
