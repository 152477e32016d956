package session

import (
	"context"
	"testing"
	"time"

	"soundingboard/backend/board"
	"soundingboard/backend/board/boardtest"
	"soundingboard/backend/store"
	"soundingboard/backend/storetest"
)

// planEnv is a real temp-file database with a board service and a session
// service over it, both on the real clock (consent validity is judged by
// both, so they must agree on today).
type planEnv struct {
	t     testing.TB
	db    *store.DB
	board *board.Service
	s     *Services
}

func newPlanEnv(t testing.TB) *planEnv {
	t.Helper()
	db := storetest.Open(t)
	ctx := context.Background()
	return &planEnv{t: t, db: db, board: board.NewService(ctx, db), s: NewServices(ctx, db)}
}

// daysAgo is today minus n days (negative n: in the future), YYYY-MM-DD.
func daysAgo(n int) string { return time.Now().AddDate(0, 0, -n).Format(time.DateOnly) }

// member adds a board member; consent true grants contact and quoting.
func (e *planEnv) member(name, segment, status, tone string, consent bool) int64 {
	e.t.Helper()
	var consents []string
	if consent {
		consents = []string{"contact", "quoting"}
	}
	return boardtest.Member(e.t, e.board, board.MemberInput{Name: name, Segment: segment, Status: status, Tone: tone}, consents...)
}

// members adds n active members with consent, named prefix 1..n.
func (e *planEnv) members(prefix string, n int) []int64 {
	e.t.Helper()
	ids := make([]int64, n)
	for i := range ids {
		ids[i] = e.member(prefix+" "+string(rune('A'+i)), "", "active", "balanced", true)
	}
	return ids
}

func (e *planEnv) decision(title string) Decision {
	e.t.Helper()
	d, err := e.s.Decisions.SaveDecision(DecisionInput{Title: title, Owner: "Mara"})
	if err != nil {
		e.t.Fatalf("save decision: %v", err)
	}
	return d
}

func (e *planEnv) assumption(decisionID int64, importance, evidence int) Assumption {
	e.t.Helper()
	a, err := e.s.Decisions.SaveAssumption(AssumptionInput{DecisionID: decisionID, Customers: "shop owners",
		Behavior: "reorder from a reminder", Reason: "they forget to reorder", Category: "desirability",
		Importance: importance, Evidence: evidence})
	if err != nil {
		e.t.Fatalf("save assumption: %v", err)
	}
	return a
}

// session plans a session of decisionID testing ids, on date ("" = none).
func (e *planEnv) session(decisionID int64, date string, ids ...int64) Session {
	e.t.Helper()
	ss, err := e.s.Plans.SaveSession(SessionInput{DecisionID: decisionID, Title: "Reorder test", ScheduledOn: date,
		StartTime: "10:00", DurationMinutes: 90, AssumptionIDs: ids})
	if err != nil {
		e.t.Fatalf("save session: %v", err)
	}
	return ss
}

func (e *planEnv) exec(query string, args ...any) int64 {
	e.t.Helper()
	return storetest.Exec(e.t, e.db, query, args...)
}

func (e *planEnv) newID() int64 { return storetest.NewID(e.t, e.db) }

// counts is the row count of every table the plan writes.
func (e *planEnv) counts() map[string]int {
	e.t.Helper()
	out := map[string]int{}
	for _, table := range []string{"decisions", "assumptions", "assumption_moves", "sessions",
		"activities", "activity_items", "participants", "entries", "verdicts", "touchpoints"} {
		var n int
		if err := e.db.Get(&n, `SELECT count(*) FROM `+table); err != nil {
			e.t.Fatal(err)
		}
		out[table] = n
	}
	return out
}
