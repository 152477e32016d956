package session

// The company's own people at a session. Customers talk less when the
// room is full of the company's staff, so the list carries a warning once
// they outnumber the customers expected (participants not marked no-show).

import (
	"context"
	"fmt"
	"strings"

	"github.com/jmoiron/sqlx"

	"soundingboard/backend/store"
	"soundingboard/backend/valid"
	"soundingboard/backend/wording"
)

// AttendeeRole is the part of the company an internal attendee comes from.
type AttendeeRole string

// The attendee roles.
const (
	RoleSales   AttendeeRole = "sales"
	RoleSupport AttendeeRole = "support"
	RoleSuccess AttendeeRole = "success"
	RoleProduct AttendeeRole = "product"
	RoleOther   AttendeeRole = "other"
)

// AllAttendeeRoles are the roles in the order the UI offers them; the
// schema's CHECK names the same values.
var AllAttendeeRoles = valid.Choices(RoleSales, RoleSupport, RoleSuccess, RoleProduct, RoleOther)

const maxAttendeeName = 120

// Attendee is one of the company's own people at a session.
type Attendee struct {
	ID        int64        `json:"id" db:"id"`
	SessionID int64        `json:"sessionId" db:"session_id"`
	Name      string       `json:"name" db:"name"`
	Role      AttendeeRole `json:"role" db:"role"`
	CreatedAt string       `json:"createdAt" db:"created_at"`
}

// AttendeeInput adds (ID 0) or edits an internal attendee.
type AttendeeInput struct {
	ID        int64  `json:"id"`
	SessionID int64  `json:"sessionId"`
	Name      string `json:"name"`
	Role      string `json:"role"`
}

// Attendees is a session's internal attendees against its customers.
type Attendees struct {
	SessionID int64      `json:"sessionId"`
	Attendees []Attendee `json:"attendees"`
	Customers int        `json:"customers"` // participants not marked no-show
	Warning   string     `json:"warning"`   // set when the attendees outnumber the customers
}

func (in *AttendeeInput) validate() error {
	in.Name = strings.Join(strings.Fields(in.Name), " ")
	in.Role = strings.ToLower(strings.TrimSpace(in.Role))
	var p valid.Problems
	p.Text("name", in.Name, maxAttendeeName)
	p.NoControl("name", in.Name)
	p.OneOf("role", in.Role, valid.Strings(AllAttendeeRoles)...)
	if in.ID < 0 {
		p.Add("id", "id %d is not an attendee", in.ID)
	}
	if in.SessionID <= 0 {
		p.Add("sessionId", "sessionId %d is not a session", in.SessionID)
	}
	return p.Err()
}

// ListAttendees returns a session's internal attendees, with a warning
// when they outnumber its customers.
func (s *Plans) ListAttendees(sessionID int64) (Attendees, error) {
	out, err := read(&s.core, func(q store.Queryer) (Attendees, error) {
		return attendeesOf(s.ctx, q, sessionID)
	})
	if err != nil {
		return Attendees{}, fmt.Errorf("attendees of session %d: %w", sessionID, err)
	}
	return out, nil
}

// SaveAttendee adds an internal attendee to a session, or edits one, and
// returns the session's list.
func (s *Plans) SaveAttendee(in AttendeeInput) (Attendees, error) {
	if err := in.validate(); err != nil {
		return Attendees{}, fmt.Errorf("save attendee: %w", err)
	}
	var out Attendees
	err := store.WithTx(s.ctx, s.db, func(tx *sqlx.Tx) error {
		var n int
		if err := sqlx.GetContext(s.ctx, tx, &n, `SELECT count(*) FROM sessions WHERE id = ?`, in.SessionID); err != nil {
			return err
		}
		if n == 0 {
			return store.NotFound("session %d not found", in.SessionID)
		}
		if in.ID == 0 {
			id, err := store.NewID(s.ctx, tx)
			if err != nil {
				return err
			}
			if _, err := tx.ExecContext(s.ctx, `INSERT INTO session_attendees (id, session_id, name, role, created_at)
				VALUES (?, ?, ?, ?, ?)`, id, in.SessionID, in.Name, in.Role, s.stamp()); err != nil {
				return store.Map(err, fmt.Sprintf("session %d", in.SessionID))
			}
		} else if err := store.ExecOne(s.ctx, tx, fmt.Sprintf("attendee %d of session %d", in.ID, in.SessionID),
			`UPDATE session_attendees SET name = ?, role = ? WHERE id = ? AND session_id = ?`,
			in.Name, in.Role, in.ID, in.SessionID); err != nil {
			return err
		}
		var err error
		out, err = attendeesOf(s.ctx, tx, in.SessionID)
		return err
	})
	if err != nil {
		return Attendees{}, fmt.Errorf("save attendee %q: %w", in.Name, err)
	}
	return out, nil
}

// DeleteAttendee removes an internal attendee and returns the session's
// list.
func (s *Plans) DeleteAttendee(id int64) (Attendees, error) {
	var out Attendees
	err := store.WithTx(s.ctx, s.db, func(tx *sqlx.Tx) error {
		var sessionID int64
		if err := sqlx.GetContext(s.ctx, tx, &sessionID, `SELECT session_id FROM session_attendees WHERE id = ?`, id); err != nil {
			return store.Map(err, fmt.Sprintf("attendee %d", id))
		}
		if _, err := tx.ExecContext(s.ctx, `DELETE FROM session_attendees WHERE id = ?`, id); err != nil {
			return err
		}
		var err error
		out, err = attendeesOf(s.ctx, tx, sessionID)
		return err
	})
	if err != nil {
		return Attendees{}, fmt.Errorf("delete attendee %d: %w", id, err)
	}
	return out, nil
}

// attendeesOf reads a session's attendees and customers on q.
func attendeesOf(ctx context.Context, q store.Queryer, sessionID int64) (Attendees, error) {
	out := Attendees{SessionID: sessionID, Attendees: []Attendee{}}
	err := sqlx.GetContext(ctx, q, &out.Customers, `SELECT (SELECT count(*) FROM participants
		WHERE session_id = s.id AND state <> 'no_show') FROM sessions s WHERE s.id = ?`, sessionID)
	if err != nil {
		return out, store.Map(err, fmt.Sprintf("session %d", sessionID))
	}
	if err := sqlx.SelectContext(ctx, q, &out.Attendees, `SELECT id, session_id, name, role, created_at
		FROM session_attendees WHERE session_id = ? ORDER BY id`, sessionID); err != nil {
		return out, fmt.Errorf("read attendees: %w", err)
	}
	if n := len(out.Attendees); n > out.Customers {
		out.Warning = fmt.Sprintf("Your own people outnumber the customers (%s, %s): customers say less "+
			"when the company fills the room. Invite fewer colleagues, or more customers.",
			wording.Count(n, "internal attendee", "internal attendees"), wording.Count(out.Customers, "customer", "customers"))
	}
	return out, nil
}
