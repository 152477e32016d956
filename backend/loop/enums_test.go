package loop

import (
	"testing"

	"soundingboard/backend/store"
	"soundingboard/backend/storetest"
	"soundingboard/backend/valid"
)

// Each All… list (what the frontend's lists derive from) is the set the
// schema's CHECK allows and the set validation accepts; other values are
// refused, naming the field.
func TestEnumsMatchSchemaAndValidation(t *testing.T) {
	f := newFx(t, "Europe/Berlin", "2026-03-09 10:00")
	storetest.WantCheckIn(t, f.db, "reminders", "kind", valid.Strings(AllKinds))
	storetest.WantCheckIn(t, f.db, "reminders", "channel", valid.Strings(AllChannels))
	storetest.WantCheckIn(t, f.db, "reminders", "repeat_unit", valid.Strings(AllRepeatUnits))

	c := clock{now: f.now, loc: f.now.Location(), zone: "Europe/Berlin"}
	in := func(mod func(*ReminderInput)) error {
		r := ReminderInput{Title: "Call back", DueAt: "2026-03-10T09:00"}
		mod(&r)
		_, err := r.normalize(c)
		return err
	}
	for _, k := range AllKinds {
		// A stay-in-touch reminder names its member.
		if err := in(func(r *ReminderInput) { r.Kind, r.MemberID = string(k.Value), 1 }); err != nil {
			t.Errorf("kind %q: %v", k.Value, err)
		}
	}
	for _, ch := range AllChannels {
		if err := in(func(r *ReminderInput) { r.Channel = string(ch.Value) }); err != nil {
			t.Errorf("channel %q: %v", ch.Value, err)
		}
	}
	for _, u := range AllRepeatUnits {
		every := 1
		if u.Value == RepeatNone {
			every = 0
		}
		if err := in(func(r *ReminderInput) { r.RepeatUnit, r.RepeatEvery = string(u.Value), every }); err != nil {
			t.Errorf("repeatUnit %q: %v", u.Value, err)
		}
	}
	for _, v := range AllViews {
		if _, err := f.s.Tickler(TicklerQuery{View: string(v.Value)}); err != nil {
			t.Errorf("view %q: %v", v.Value, err)
		}
	}

	storetest.WantErr(t, in(func(r *ReminderInput) { r.Kind = "birthday" }), store.ErrInvalid, `kind "birthday"`)
	storetest.WantErr(t, in(func(r *ReminderInput) { r.Channel = "fax" }), store.ErrInvalid, `channel "fax"`)
	storetest.WantErr(t, in(func(r *ReminderInput) { r.RepeatUnit, r.RepeatEvery = "year", 1 }), store.ErrInvalid, `repeatUnit "year"`)
	_, err := f.s.Tickler(TicklerQuery{View: "someday"})
	storetest.WantErr(t, err, store.ErrInvalid, `view "someday"`)
}
