package session

// Fixtures of the run-and-after tests. Decisions, assumptions and
// sessions are inserted with plain SQL so these tests do not depend on the
// plan half's methods; members go through the board service, as a user's
// would. Names carry a "run" prefix to stay clear of the plan tests.

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"soundingboard/backend/board"
	"soundingboard/backend/board/boardtest"
	"soundingboard/backend/store"
	"soundingboard/backend/storetest"
)

// runToday is the fixed date of every run test service.
const runToday = "2025-06-15"

// runFx is a service over a fresh temp-file database, with helpers that
// insert fixture rows.
type runFx struct {
	t     testing.TB
	s     *Services
	db    *store.DB
	path  string
	board *board.Service
}

// newRunFx opens a migrated database file. Its clock starts on runToday at
// noon and ticks one second per reading, so stamps are distinct and in
// order.
func newRunFx(t testing.TB) *runFx {
	t.Helper()
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "run.db")
	db, err := store.Open(ctx, path)
	if err != nil {
		t.Fatalf("open test db: %v", err)
	}
	t.Cleanup(func() { db.Close() })
	s := NewServices(ctx, db)
	base := time.Date(2025, 6, 15, 12, 0, 0, 0, time.Local)
	var tick atomic.Int64
	s.setClock(func() time.Time { return base.Add(time.Duration(tick.Add(1)) * time.Second) })
	return &runFx{t: t, s: s, db: db, path: path, board: board.NewService(ctx, db)}
}

// setClock makes all four services read the time from now.
func (s *Services) setClock(now func() time.Time) {
	for _, c := range []*core{&s.Decisions.core, &s.Plans.core, &s.Runs.core, &s.Syntheses.core} {
		c.now = now
	}
}

func (f *runFx) exec(query string, args ...any) int64 {
	f.t.Helper()
	return storetest.Exec(f.t, f.db, query, args...)
}

func (f *runFx) newID() int64 { return storetest.NewID(f.t, f.db) }

// member adds an active board member in segment ("" = none).
func (f *runFx) member(name, segment string) int64 {
	f.t.Helper()
	return boardtest.Member(f.t, f.board, board.MemberInput{Name: name, Segment: segment, Status: "active"})
}

func (f *runFx) decision(title string) int64 {
	return f.exec(`INSERT INTO decisions (id, title, created_at, updated_at) VALUES (?, ?, 'x', 'x')`, f.newID(), title)
}

// assumption adds one to decision with the given map position.
func (f *runFx) assumption(decision int64, category string, importance, evidence int) int64 {
	return f.exec(`INSERT INTO assumptions (id, decision_id, customers, behavior, reason, category,
		importance, evidence, created_at, updated_at)
		VALUES (?, ?, 'small teams', 'pay monthly', 'budgets are monthly', ?, ?, ?, 'x', 'x')`,
		f.newID(), decision, category, importance, evidence)
}

// session adds a session testing assumptions (in order) with members
// taking part in state.
func (f *runFx) session(decision int64, title, status, on string, assumptions []int64, state string, members ...int64) int64 {
	var scheduled any
	if on != "" {
		scheduled = on
	}
	id := f.exec(`INSERT INTO sessions (id, decision_id, title, status, scheduled_on, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, 'x', 'x')`, f.newID(), decision, title, status, scheduled)
	if len(assumptions) > 0 {
		rawCheck(f, id, assumptions...)
	}
	for _, m := range members {
		f.exec(`INSERT INTO participants (session_id, member_id, state) VALUES (?, ?, ?)`, id, m, state)
	}
	return id
}

func (f *runFx) setState(session, member int64, state string) {
	f.exec(`UPDATE participants SET state = ? WHERE session_id = ? AND member_id = ?`, state, session, member)
}

func (f *runFx) count(table string) int {
	f.t.Helper()
	var n int
	if err := f.db.Get(&n, `SELECT count(*) FROM `+table); err != nil {
		f.t.Fatal(err)
	}
	return n
}

// field saves one response field and fails the test on error.
func (f *runFx) field(session, assumption, member int64, field, value string) Response {
	f.t.Helper()
	r, err := f.s.Runs.SaveField(FieldEdit{ResponseKey{session, assumption, member}, field, value})
	if err != nil {
		f.t.Fatalf("save %s=%q: %v", field, value, err)
	}
	return r
}

func (f *runFx) quote(session, assumption, member int64, text string) Quote {
	f.t.Helper()
	q, err := f.s.Runs.SaveQuote(QuoteInput{SessionID: session, AssumptionID: assumption, MemberID: member, Text: text})
	if err != nil {
		f.t.Fatalf("save quote %q: %v", text, err)
	}
	return q
}

// rowCounts snapshots the tables a failed write must leave alone.
func (f *runFx) rowCounts() string {
	var b strings.Builder
	for _, t := range []string{"entries", "entry_themes", "activities", "activity_items", "verdicts", "themes",
		"opportunities", "actions", "decision_log", "assumption_moves"} {
		fmt.Fprintf(&b, "%s=%d ", t, f.count(t))
	}
	return b.String()
}
