package activity

import (
	"errors"
	"testing"

	"soundingboard/backend/store"
)

// Reveal, lock and hide: each flag is stored, read back by the agenda and
// the run, bumps the changed row's updated_at, and an unknown id is
// NotFound with nothing written.
func TestRevealLockHide(t *testing.T) {
	w := newWorkshop(t)
	before := w.journey
	a, err := w.s.SetRevealed(w.journey.ID, true)
	if err != nil || !a.Revealed || a.Locked {
		t.Fatalf("reveal: %+v %v", a, err)
	}
	a, err = w.s.SetLocked(w.journey.ID, true)
	if err != nil || !a.Revealed || !a.Locked {
		t.Fatalf("lock: %+v %v", a, err)
	}
	var stamp string
	if err := w.db.Get(&stamp, `SELECT updated_at FROM activities WHERE id = ?`, w.journey.ID); err != nil || stamp == "x" {
		t.Errorf("updated_at of the activity %q (%v): not bumped", stamp, err)
	}
	ag, err := w.s.Agenda(w.session)
	if err != nil || !ag.Activities[0].Revealed || !ag.Activities[0].Locked || ag.Activities[1].Revealed {
		t.Errorf("agenda after reveal and lock: %+v %v", ag.Activities, err)
	}
	if a, err = w.s.SetRevealed(w.journey.ID, false); err != nil || a.Revealed || !a.Locked {
		t.Errorf("unreveal: %+v %v", a, err)
	}
	if before.Revealed || before.Locked {
		t.Errorf("a new activity is revealed or locked: %+v", before)
	}

	note := w.entry(EntryInput{ActivityID: w.journey.ID, ItemID: w.journey.Items[0].ID, MemberID: w.ann,
		Kind: EntryNote, Text: "Too slow", Value: 2})
	if note.Hidden {
		t.Error("a new entry is hidden")
	}
	e, err := w.s.HideEntry(note.ID, true)
	if err != nil || !e.Hidden || e.Text != "Too slow" || e.UpdatedAt == note.UpdatedAt {
		t.Fatalf("hide: %+v %v (before %s)", e, err, note.UpdatedAt)
	}
	run, err := w.s.RunActivity(w.journey.ID)
	if err != nil || len(run.Entries) != 1 || !run.Entries[0].Hidden {
		t.Errorf("a hidden entry stays in the run, marked: %+v %v", run.Entries, err)
	}
	if e, err = w.s.HideEntry(note.ID, false); err != nil || e.Hidden {
		t.Errorf("show again: %+v %v", e, err)
	}

	for name, err := range map[string]error{
		"reveal": func() error { _, err := w.s.SetRevealed(999999, true); return err }(),
		"lock":   func() error { _, err := w.s.SetLocked(999999, true); return err }(),
		"hide":   func() error { _, err := w.s.HideEntry(999999, true); return err }(),
	} {
		if !errors.Is(err, store.ErrNotFound) {
			t.Errorf("%s of an unknown id: %v, want not found", name, err)
		}
	}
}
