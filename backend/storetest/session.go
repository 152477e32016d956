package storetest

import (
	"testing"

	"soundingboard/backend/store"
)

// fixtureStamp is the time every row these helpers write carries.
const fixtureStamp = "2025-06-01T09:00:00Z"

// Session inserts a planned session, its decision and its participants
// (member id → state) with plain SQL, for tests of packages that read
// sessions without going through the session services.
func Session(tb testing.TB, db *store.DB, title string, participants map[int64]string) int64 {
	tb.Helper()
	decision := Exec(tb, db, `INSERT INTO decisions (id, title, created_at, updated_at) VALUES (?, ?, ?, ?)`,
		NewID(tb, db), "Decision for "+title, fixtureStamp, fixtureStamp)
	id := Exec(tb, db, `INSERT INTO sessions (id, decision_id, title, created_at, updated_at) VALUES (?, ?, ?, ?, ?)`,
		NewID(tb, db), decision, title, fixtureStamp, fixtureStamp)
	for member, state := range participants {
		Exec(tb, db, `INSERT INTO participants (session_id, member_id, state) VALUES (?, ?, ?)`, id, member, state)
	}
	return id
}

// Entry inserts an entry of kind (idea, quote …) by member (0 =
// unattributed) into a session, outside any activity, and returns its id.
func Entry(tb testing.TB, db *store.DB, sessionID, member int64, kind, text string) int64 {
	tb.Helper()
	var by any
	if member != 0 {
		by = member
	}
	return Exec(tb, db, `INSERT INTO entries (id, session_id, member_id, kind, text, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?)`, NewID(tb, db), sessionID, by, kind, text, fixtureStamp, fixtureStamp)
}
