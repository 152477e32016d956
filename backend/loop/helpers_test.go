package loop

// Fixtures: members, consents, decisions, sessions and what was said are
// inserted with plain SQL so these tests do not depend on the other
// services' methods; the clock and zone of the service are fixed.

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"soundingboard/backend/store"
	"soundingboard/backend/storetest"
)

type fx struct {
	t   testing.TB
	s   *Service
	db  *store.DB
	now time.Time
}

// newFx returns a service whose clock reads now (in zone).
func newFx(t testing.TB, zone string, now string) *fx {
	t.Helper()
	db := storetest.Open(t)
	loc, err := time.LoadLocation(zone)
	if err != nil {
		t.Fatal(err)
	}
	n, err := time.ParseInLocation("2006-01-02 15:04", now, loc)
	if err != nil {
		t.Fatal(err)
	}
	f := &fx{t: t, db: db, now: n}
	f.s = NewService(context.Background(), db)
	f.s.zone = zone
	f.s.now = func() time.Time { return f.now }
	return f
}

// at moves the clock.
func (f *fx) at(now string) {
	f.t.Helper()
	n, err := time.ParseInLocation("2006-01-02 15:04", now, f.now.Location())
	if err != nil {
		f.t.Fatal(err)
	}
	f.now = n
}

func (f *fx) exec(q string, args ...any) int64 {
	f.t.Helper()
	return storetest.Exec(f.t, f.db, q, args...)
}

func (f *fx) count(q string, args ...any) int {
	f.t.Helper()
	var n int
	if err := f.db.Get(&n, q, args...); err != nil {
		f.t.Fatal(err)
	}
	return n
}

const stamp = "2026-01-01T00:00:00Z"

// member adds an active member; consent "ok" grants contact consent,
// "revoked" and "expired" add one that no longer holds, "" none.
func (f *fx) member(name, consent string, cadence int) int64 {
	f.t.Helper()
	var cad any
	if cadence > 0 {
		cad = cadence
	}
	email := strings.ToLower(strings.Fields(name)[0]) + "@example.com"
	id := f.exec(`INSERT INTO members (id, name, email, status, contact_cadence_days, joined_on, created_at, updated_at)
		VALUES (?, ?, ?, 'active', ?, '2025-01-01', ?, ?)`, storetest.NewID(f.t, f.db), name, email, cad, stamp, stamp)
	switch consent {
	case "ok":
		f.exec(`INSERT INTO consents (member_id, kind, granted_on) VALUES (?, 'contact', '2025-01-01')`, id)
	case "revoked":
		f.exec(`INSERT INTO consents (member_id, kind, granted_on, revoked_on) VALUES (?, 'contact', '2025-01-01', '2025-06-01')`, id)
	case "expired":
		f.exec(`INSERT INTO consents (member_id, kind, granted_on, expires_on) VALUES (?, 'contact', '2025-01-01', '2025-12-31')`, id)
	}
	return id
}

func (f *fx) touch(memberID int64, kind, day string) {
	f.t.Helper()
	f.exec(`INSERT INTO touchpoints (id, member_id, kind, happened_on, summary, created_at) VALUES (?, ?, ?, ?, 'x', ?)`,
		storetest.NewID(f.t, f.db), memberID, kind, day, stamp)
}

func (f *fx) decision(title string) int64 {
	return f.exec(`INSERT INTO decisions (id, title, created_at, updated_at) VALUES (?, ?, ?, ?)`, storetest.NewID(f.t, f.db), title, stamp, stamp)
}

func (f *fx) assumption(decisionID int64, behavior string) int64 {
	return f.exec(`INSERT INTO assumptions (id, decision_id, customers, behavior, reason, category, importance, evidence,
		created_at, updated_at) VALUES (?, ?, 'shop owners', ?, 'it saves time', 'desirability', 4, 2, ?, ?)`,
		storetest.NewID(f.t, f.db), decisionID, behavior, stamp, stamp)
}

// session adds a session; finishedAt "" leaves it planned.
func (f *fx) session(decisionID int64, title, finishedAt string) int64 {
	status, fin := "planned", any(nil)
	if finishedAt != "" {
		status, fin = "finished", finishedAt
	}
	return f.exec(`INSERT INTO sessions (id, decision_id, title, status, scheduled_on, start_time, finished_at, created_at,
		updated_at) VALUES (?, ?, ?, ?, '2026-03-02', '14:00', ?, ?, ?)`, storetest.NewID(f.t, f.db), decisionID, title, status, fin, stamp, stamp)
}

func (f *fx) participant(sessionID, memberID int64, state string) {
	f.exec(`INSERT INTO participants (session_id, member_id, state) VALUES (?, ?, ?)`, sessionID, memberID, state)
}

// test makes the session test the assumption: an item of its assumption
// check (added first on its agenda when missing). It returns the activity
// and the item.
func (f *fx) test(sessionID, assumptionID int64) (int64, int64) {
	f.t.Helper()
	var it struct {
		Activity int64 `db:"activity_id"`
		Item     int64 `db:"item_id"`
	}
	if err := f.db.Get(&it, `SELECT activity_id, item_id FROM assumption_items WHERE session_id = ? AND assumption_id = ?`,
		sessionID, assumptionID); err == nil {
		return it.Activity, it.Item
	}
	var act int64
	if err := f.db.Get(&act, `SELECT id FROM activities WHERE session_id = ? AND kind = 'assumption_check'`, sessionID); err != nil {
		act = f.exec(`INSERT INTO activities (id, session_id, position, kind, title, created_at, updated_at)
			VALUES (?, ?, 0, 'assumption_check', 'Assumption check', ?, ?)`, storetest.NewID(f.t, f.db), sessionID, stamp, stamp)
	}
	item := f.exec(`INSERT INTO activity_items (id, activity_id, role, position, assumption_id)
		VALUES (?, ?, 'assumption', (SELECT count(*) FROM activity_items WHERE activity_id = ?), ?)`,
		storetest.NewID(f.t, f.db), act, act, assumptionID)
	return act, item
}

// entry adds an entry of kind by the member on the assumption's item.
func (f *fx) entry(sessionID, assumptionID, memberID int64, kind, text string) {
	act, item := f.test(sessionID, assumptionID)
	f.exec(`INSERT INTO entries (id, session_id, activity_id, item_id, member_id, kind, text, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, storetest.NewID(f.t, f.db), sessionID, act, item, memberID, kind, text, stamp, stamp)
}

// response writes a response's stance and notes as their entries.
func (f *fx) response(sessionID, assumptionID, memberID int64, stance, notes string) {
	f.test(sessionID, assumptionID)
	if stance != "" {
		f.entry(sessionID, assumptionID, memberID, "stance", stance)
	}
	if notes != "" {
		f.entry(sessionID, assumptionID, memberID, "note", notes)
	}
}

func (f *fx) quote(sessionID, assumptionID, memberID int64, text string) {
	f.entry(sessionID, assumptionID, memberID, "quote", text)
}

// reminder creates a reminder through the service.
func (f *fx) reminder(in ReminderInput) Reminder {
	f.t.Helper()
	if in.Title == "" {
		in.Title = "Reminder"
	}
	r, err := f.s.CreateReminder(in)
	if err != nil {
		f.t.Fatalf("create reminder %+v: %v", in, err)
	}
	return r
}

func mustInvalid(t testing.TB, err error, want string) {
	t.Helper()
	if !errors.Is(err, store.ErrInvalid) {
		t.Fatalf("err = %v, want invalid", err)
	}
	if want != "" && !strings.Contains(err.Error(), want) {
		t.Fatalf("err = %q, want it to mention %q", err, want)
	}
}

// got holds a (value, error) pair: ok(f()).of(t) fails t on the error.
type got[T any] struct {
	v   T
	err error
}

func ok[T any](v T, err error) got[T] { return got[T]{v, err} }

func (g got[T]) of(t testing.TB) T {
	t.Helper()
	if g.err != nil {
		t.Fatal(g.err)
	}
	return g.v
}

// titles lists the titles of rs.
func titles(rs []Reminder) string {
	var out []string
	for _, r := range rs {
		out = append(out, r.Title)
	}
	return fmt.Sprint(out)
}
