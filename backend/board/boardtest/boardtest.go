// Package boardtest creates board members for the tests of packages that
// build on the board (sessions, reports), through the board service as a
// user would, so their consent rules are the board's own.
package boardtest

import (
	"testing"

	"soundingboard/backend/board"
)

// Member creates in and grants each consent kind given ("contact",
// "quoting"); it fails tb on any error and returns the member's id.
func Member(tb testing.TB, b *board.Service, in board.MemberInput, consents ...string) int64 {
	tb.Helper()
	m, err := b.CreateMember(in)
	if err != nil {
		tb.Fatalf("create member %q: %v", in.Name, err)
	}
	for _, k := range consents {
		if _, err := b.SetConsent(m.ID, board.ConsentInput{Kind: k}); err != nil {
			tb.Fatalf("%s consent of %q: %v", k, in.Name, err)
		}
	}
	return m.ID
}
