package session

import (
	"context"
	"errors"
	"strings"
	"testing"

	"soundingboard/backend/store"
	"soundingboard/backend/storetest"
	"soundingboard/backend/valid"
)

// Internal attendees are listed per session; once they outnumber the
// customers (participants not marked no-show) the list warns.
func TestAttendees(t *testing.T) {
	db := storetest.Open(t)
	p := NewPlans(context.Background(), db)
	storetest.WantCheckIn(t, db, "session_attendees", "role", valid.Strings(AllAttendeeRoles))
	member := func(name string) int64 {
		return storetest.Exec(t, db, `INSERT INTO members (id, name, created_at, updated_at) VALUES (?, ?, '', '')`,
			storetest.NewID(t, db), name)
	}
	ana, ben, cy := member("Ana"), member("Ben"), member("Cy")
	id := storetest.Session(t, db, "Invoices workshop", map[int64]string{ana: "attended", ben: "confirmed", cy: "no_show"})
	other := storetest.Session(t, db, "Other", nil)

	list, err := p.ListAttendees(id)
	if err != nil || len(list.Attendees) != 0 || list.Customers != 2 || list.Warning != "" {
		t.Fatalf("empty list %+v %v", list, err)
	}
	list, err = p.SaveAttendee(AttendeeInput{SessionID: id, Name: "  Dana   Lee ", Role: "Sales"})
	if err != nil || len(list.Attendees) != 1 || list.Attendees[0].Name != "Dana Lee" || list.Attendees[0].Role != RoleSales || list.Warning != "" {
		t.Fatalf("one attendee %+v %v", list, err)
	}
	dana := list.Attendees[0].ID
	if list, err = p.SaveAttendee(AttendeeInput{SessionID: id, Name: "Eli", Role: "product"}); err != nil || list.Warning != "" {
		t.Fatalf("as many as the customers: %+v %v", list, err)
	}
	list, err = p.SaveAttendee(AttendeeInput{SessionID: id, Name: "Fay", Role: "support"})
	want := "Your own people outnumber the customers (3 internal attendees, 2 customers): customers say less " +
		"when the company fills the room. Invite fewer colleagues, or more customers."
	if err != nil || len(list.Attendees) != 3 || list.Warning != want {
		t.Fatalf("outnumbered %+v %v", list, err)
	}
	// A no-show who turns up after all brings the customers level again.
	storetest.Exec(t, db, `UPDATE participants SET state = 'attended' WHERE member_id = ?`, cy)
	if list, _ = p.ListAttendees(id); list.Customers != 3 || list.Warning != "" {
		t.Errorf("after Cy came %+v", list)
	}

	list, err = p.SaveAttendee(AttendeeInput{ID: dana, SessionID: id, Name: "Dana Lee", Role: "success"})
	if err != nil || list.Attendees[0].Role != RoleSuccess || len(list.Attendees) != 3 {
		t.Errorf("edit %+v %v", list, err)
	}
	if list, err = p.DeleteAttendee(dana); err != nil || len(list.Attendees) != 2 || list.Attendees[0].Name != "Eli" {
		t.Errorf("delete %+v %v", list, err)
	}
	_, err = p.DeleteAttendee(dana)
	storetest.WantErr(t, err, store.ErrNotFound, "attendee")
	if list, _ = p.ListAttendees(other); len(list.Attendees) != 0 || list.Customers != 0 {
		t.Errorf("other session %+v", list)
	}
	storetest.Exec(t, db, `DELETE FROM sessions WHERE id = ?`, id)
	var n int
	if err := db.Get(&n, `SELECT count(*) FROM session_attendees`); err != nil || n != 0 {
		t.Errorf("%d attendees left after their session was deleted (%v)", n, err)
	}
}

// Bad attendees are refused naming the field, and nothing is written.
func TestAttendeeValidation(t *testing.T) {
	db := storetest.Open(t)
	p := NewPlans(context.Background(), db)
	id := storetest.Session(t, db, "Workshop", nil)
	long := make([]byte, 121)
	for i := range long {
		long[i] = 'a'
	}
	for _, c := range []struct {
		in       AttendeeInput
		kind     error
		fragment string
	}{
		{AttendeeInput{SessionID: id, Name: "   ", Role: "sales"}, store.ErrInvalid, "name is required"},
		{AttendeeInput{SessionID: id, Name: string(long), Role: "sales"}, store.ErrInvalid, "name is longer than 120"},
		{AttendeeInput{SessionID: id, Name: "Dana\x07", Role: "sales"}, store.ErrInvalid, "name"},
		{AttendeeInput{SessionID: id, Name: "Dana", Role: "marketing"}, store.ErrInvalid, `role "marketing"`},
		{AttendeeInput{SessionID: id, Name: "Dana"}, store.ErrInvalid, `role ""`},
		{AttendeeInput{Name: "Dana", Role: "sales"}, store.ErrInvalid, "sessionId 0"},
		{AttendeeInput{SessionID: 999, Name: "Dana", Role: "sales"}, store.ErrNotFound, "session 999"},
		{AttendeeInput{ID: 42, SessionID: id, Name: "Dana", Role: "sales"}, store.ErrNotFound, "attendee 42"},
	} {
		_, err := p.SaveAttendee(c.in)
		storetest.WantErr(t, err, c.kind, c.fragment)
		var se *store.Error
		if field, _, _ := strings.Cut(strings.Trim(c.fragment, `"`), " "); errors.Is(c.kind, store.ErrInvalid) &&
			(!errors.As(err, &se) || len(se.Fields) != 1 || se.Fields[0].Field != field) {
			t.Errorf("%s: problems %+v, want one of field %q", c.fragment, se, field)
		}
	}
	var n int
	if err := db.Get(&n, `SELECT count(*) FROM session_attendees`); err != nil || n != 0 {
		t.Errorf("%d attendees written by bad input (%v)", n, err)
	}
	_, err := p.ListAttendees(999)
	storetest.WantErr(t, err, store.ErrNotFound, "session 999")
}
