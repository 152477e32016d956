package board

import (
	"context"
	"testing"
	"time"

	"soundingboard/backend/storetest"
)

// testToday is the fixed "today" of every test service.
const testToday = "2025-06-15"

func newTestService(t testing.TB) *Service {
	t.Helper()
	s := NewService(context.Background(), storetest.Open(t))
	fixed := time.Date(2025, 6, 15, 12, 0, 0, 0, time.Local)
	s.now = func() time.Time { return fixed }
	return s
}

func mustCreate(t testing.TB, s *Service, in MemberInput) Member {
	t.Helper()
	m, err := s.CreateMember(in)
	if err != nil {
		t.Fatalf("create %q: %v", in.Name, err)
	}
	return m
}

// count returns the number of rows in table.
func count(t testing.TB, s *Service, table string) int {
	t.Helper()
	var n int
	if err := s.db.Get(&n, `SELECT count(*) FROM `+table); err != nil {
		t.Fatal(err)
	}
	return n
}

func names(ms []Member) []string {
	out := make([]string, len(ms))
	for i, m := range ms {
		out[i] = m.Name
	}
	return out
}
