package activity

// Fixtures: a service over a fresh temp-file database whose clock ticks
// one second per reading, and plain SQL inserts of decisions, sessions,
// members and participants (package session, which owns those writes,
// is not needed to test this one).

import (
	"context"
	"sync/atomic"
	"testing"
	"time"

	"soundingboard/backend/store"
	"soundingboard/backend/storetest"
)

type fx struct {
	t  testing.TB
	s  *Agendas
	db *store.DB
}

func newFx(t testing.TB) *fx {
	t.Helper()
	db := storetest.Open(t)
	s := NewAgendas(context.Background(), db)
	base := time.Date(2025, 6, 15, 12, 0, 0, 0, time.UTC)
	var tick atomic.Int64
	s.now = func() time.Time { return base.Add(time.Duration(tick.Add(1)) * time.Second) }
	return &fx{t: t, s: s, db: db}
}

func (f *fx) exec(query string, args ...any) int64 {
	f.t.Helper()
	return storetest.Exec(f.t, f.db, query, args...)
}

func (f *fx) decision(title string) int64 {
	return f.exec(`INSERT INTO decisions (id, title, created_at, updated_at) VALUES (?, ?, 'x', 'x')`, storetest.NewID(f.t, f.db), title)
}

func (f *fx) assumption(decision int64, customers, behavior, reason string) int64 {
	return f.exec(`INSERT INTO assumptions (id, decision_id, customers, behavior, reason, category,
		importance, evidence, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 'desirability', 3, 3, 'x', 'x')`,
		storetest.NewID(f.t, f.db), decision, customers, behavior, reason)
}

// session adds a session of decision with an empty agenda.
func (f *fx) session(decision int64, title, format string) int64 {
	return f.exec(`INSERT INTO sessions (id, decision_id, title, format, created_at, updated_at)
		VALUES (?, ?, ?, ?, 'x', 'x')`, storetest.NewID(f.t, f.db), decision, title, format)
}

func (f *fx) finish(session int64) {
	f.exec(`UPDATE sessions SET status = 'finished' WHERE id = ?`, session)
}

func (f *fx) member(name string) int64 {
	return f.exec(`INSERT INTO members (id, name, status, created_at, updated_at) VALUES (?, ?, 'active', 'x', 'x')`,
		storetest.NewID(f.t, f.db), name)
}

// participant adds a member invited to session.
func (f *fx) participant(session int64, name string) int64 {
	m := f.member(name)
	f.exec(`INSERT INTO participants (session_id, member_id) VALUES (?, ?)`, session, m)
	return m
}

func (f *fx) state(session, member int64) string {
	f.t.Helper()
	var s string
	if err := f.db.Get(&s, `SELECT state FROM participants WHERE session_id = ? AND member_id = ?`, session, member); err != nil {
		f.t.Fatal(err)
	}
	return s
}

// count counts the rows of a table.
func (f *fx) count(table string) int {
	f.t.Helper()
	var n int
	if err := f.db.Get(&n, `SELECT count(*) FROM `+table); err != nil {
		f.t.Fatal(err)
	}
	return n
}

// wantField fails t unless err holds a problem of field.
func wantField(t testing.TB, err error, field string) {
	t.Helper()
	p := store.Describe(err)
	for _, f := range p.Fields {
		if f.Field == field {
			return
		}
	}
	t.Errorf("error %q names no field %s (%+v)", err, field, p.Fields)
}

// add saves a new activity, failing the test on error.
func (f *fx) add(in ActivityInput) Activity {
	f.t.Helper()
	a, err := f.s.SaveActivity(in)
	if err != nil {
		f.t.Fatalf("add %q: %v", in.Title, err)
	}
	return a
}

// entry saves an entry, failing the test on error.
func (f *fx) entry(in EntryInput) Entry {
	f.t.Helper()
	e, err := f.s.SaveEntry(in)
	if err != nil {
		f.t.Fatalf("save %s: %v", in.Kind, err)
	}
	return e
}

// items gives texts as items of role.
func items(role Role, texts ...string) []ItemInput {
	out := make([]ItemInput, len(texts))
	for i, t := range texts {
		out[i] = ItemInput{Role: role, Text: t}
	}
	return out
}

// itemsOf returns the ids of an activity's items of role, in order.
func itemsOf(a Activity, role Role) []int64 {
	var out []int64
	for _, it := range a.Items {
		if it.Role == role {
			out = append(out, it.ID)
		}
	}
	return out
}

// inputOf is the input that saves a as it is.
func inputOf(a Activity) ActivityInput {
	in := ActivityInput{ID: a.ID, SessionID: a.SessionID, Kind: a.Kind, Title: a.Title, Prompt: a.Prompt,
		Minutes: a.Minutes, Scale: a.Scale, Dots: a.Dots}
	for _, it := range a.Items {
		in.Items = append(in.Items, ItemInput{ID: it.ID, Role: it.Role, AssumptionID: it.AssumptionID, Text: it.Text})
	}
	return in
}

// titles lists the titles of activities.
func titles(as []Activity) []string {
	out := []string{}
	for _, a := range as {
		out = append(out, a.Title)
	}
	return out
}
