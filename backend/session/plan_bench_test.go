package session

import (
	"fmt"
	"testing"
)

// BenchmarkGetSession opens a session with 50 assumptions, 40 participants
// and 2,000 responses (DESIGN.md: under 20 ms).
func BenchmarkGetSession(b *testing.B) {
	e := newPlanEnv(b)
	d := e.decision("Benchmark decision")
	ids := make([]int64, 50)
	for i := range ids {
		ids[i] = e.assumption(d.ID, 1+i%5, 1+(i/5)%5).ID
	}
	ss := e.session(d.ID, daysAgo(0), ids...)
	const stamp = "2025-01-01T00:00:00Z"
	members := make([]int64, 40)
	for i := range members {
		members[i] = e.exec(`INSERT INTO members (id, name, status, created_at, updated_at) VALUES (?, ?, 'active', ?, ?)`,
			e.newID(), fmt.Sprintf("Member %02d", i), stamp, stamp)
		e.exec(`INSERT INTO consents (member_id, kind, granted_on) VALUES (?, 'contact', '2024-01-01'), (?, 'quoting', '2024-01-01')`,
			members[i], members[i])
		e.exec(`INSERT INTO participants (session_id, member_id, state) VALUES (?, ?, 'attended')`, ss.ID, members[i])
	}
	stances := Stances
	for i, a := range ids {
		for j, m := range members {
			rawResponse(e, ss.ID, a, m, stances[(i+j)%len(stances)], "a need", "", "some notes")
		}
		e.exec(`INSERT INTO verdicts (session_id, assumption_id, verdict, decided_at) VALUES (?, ?, 'validated', ?)`, ss.ID, a, stamp)
	}
	var n int
	if err := e.db.Get(&n, `SELECT count(*) FROM entries WHERE kind = 'stance'`); err != nil || n != 2000 {
		b.Fatalf("%d responses, %v", n, err)
	}
	b.ResetTimer()
	for b.Loop() {
		got, err := e.s.Plans.GetSession(ss.ID)
		if err != nil || len(got.Assumptions) != 50 || len(got.Participants) != 40 {
			b.Fatalf("%d assumptions, %d participants, %v", len(got.Assumptions), len(got.Participants), err)
		}
	}
}
