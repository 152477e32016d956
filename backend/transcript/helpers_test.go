package transcript

// Fixtures: a transcript service over a fresh temp-file database, a
// session "Import prototype" with three participants (Ana Lima and Bruno
// Costa hold a recording consent, Chris Mendel does not), an internal
// attendee (Priya Shah, the facilitator) and a journey board on its
// agenda, all written with plain SQL.

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"soundingboard/backend/activity"
	"soundingboard/backend/store"
	"soundingboard/backend/storetest"
)

type fx struct {
	t       testing.TB
	s       *Transcripts
	db      *store.DB
	session int64
	board   int64 // the journey board's activity
	ana     int64
	bruno   int64
	chris   int64
}

func newFx(t testing.TB) *fx {
	t.Helper()
	db := storetest.Open(t)
	s := NewTranscripts(context.Background(), db)
	s.now = func() time.Time { return time.Date(2025, 6, 15, 12, 0, 0, 0, time.UTC) }
	f := &fx{t: t, s: s, db: db}
	decision := f.exec(`INSERT INTO decisions (id, title, created_at, updated_at) VALUES (?, 'Onboarding', 'x', 'x')`,
		storetest.NewID(t, db))
	f.session = f.exec(`INSERT INTO sessions (id, decision_id, title, format, created_at, updated_at)
		VALUES (?, ?, 'Import prototype', 'prototype_testing', 'x', 'x')`, storetest.NewID(t, db), decision)
	f.ana, f.bruno, f.chris = f.participant("Ana Lima", true), f.participant("Bruno Costa", true), f.participant("Chris Mendel", false)
	f.exec(`INSERT INTO session_attendees (id, session_id, name, role, created_at) VALUES (?, ?, 'Priya Shah', 'product', 'x')`,
		storetest.NewID(t, db), f.session)
	a, err := activity.NewAgendas(context.Background(), db).SaveActivity(activity.ActivityInput{SessionID: f.session,
		Kind: activity.KindJourneyBoard, Title: "Where it hurts", Items: []activity.ItemInput{{Role: activity.RoleStage, Text: "Import"}}})
	if err != nil {
		t.Fatal(err)
	}
	f.board = a.ID
	return f
}

func (f *fx) exec(query string, args ...any) int64 {
	f.t.Helper()
	return storetest.Exec(f.t, f.db, query, args...)
}

// participant adds a member to the session, with a recording consent
// granted last year when recording is set.
func (f *fx) participant(name string, recording bool) int64 {
	m := f.exec(`INSERT INTO members (id, name, status, created_at, updated_at) VALUES (?, ?, 'active', 'x', 'x')`,
		storetest.NewID(f.t, f.db), name)
	f.exec(`INSERT INTO participants (session_id, member_id) VALUES (?, ?)`, f.session, m)
	if recording {
		f.exec(`INSERT INTO consents (member_id, kind, granted_on) VALUES (?, 'recording', '2024-06-01')`, m)
	}
	return m
}

// load imports a file of testdata into the session.
func (f *fx) load(name string) Transcript {
	f.t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		f.t.Fatal(err)
	}
	tr, err := f.s.Import(ImportInput{SessionID: f.session, FileName: name, Content: b})
	if err != nil {
		f.t.Fatalf("import %s: %v", name, err)
	}
	return tr
}

func (f *fx) count(query string, args ...any) int {
	f.t.Helper()
	var n int
	if err := f.db.Get(&n, query, args...); err != nil {
		f.t.Fatal(err)
	}
	return n
}

// speaker finds a speaker by label.
func speaker(t testing.TB, tr Transcript, label string) Speaker {
	t.Helper()
	for _, s := range tr.Speakers {
		if s.Label == label {
			return s
		}
	}
	t.Fatalf("no speaker %q in %+v", label, tr.Speakers)
	return Speaker{}
}

// linesOf returns the ids of a speaker's lines.
func linesOf(tr Transcript, sp Speaker) []int64 {
	var out []int64
	for _, l := range tr.Lines {
		if l.SpeakerID == sp.ID {
			out = append(out, l.ID)
		}
	}
	return out
}
