package session

import (
	"strings"

	"soundingboard/backend/store"
)

// The assumption check in raw SQL, for fixtures that write rows directly
// (as a migrated board holds them).
type rawDB interface {
	// exec runs a statement and returns the id of the row it inserted.
	exec(query string, args ...any) int64
	// newID takes the next id of the device counter (store.NewID).
	newID() int64
}

// rawCheck puts an assumption check holding assumptions (in order) on
// session's agenda, after its other activities, and returns its id.
func rawCheck(db rawDB, session int64, assumptions ...int64) int64 {
	act := db.exec(`INSERT INTO activities (id, session_id, position, kind, title, created_at, updated_at)
		VALUES (?, ?, (SELECT count(*) FROM activities WHERE session_id = ?), 'assumption_check', 'Assumption check', 'x', 'x')`,
		db.newID(), session, session)
	for i, a := range assumptions {
		db.exec(`INSERT INTO activity_items (id, activity_id, role, position, assumption_id) VALUES (?, ?, 'assumption', ?, ?)`,
			db.newID(), act, i, a)
	}
	return act
}

// rawEntry adds an entry of kind by member (0: none) on the item through
// which session tests assumption (0: none, a general entry).
func rawEntry(db rawDB, session, assumption, member int64, kind, text string) int64 {
	return db.exec(`INSERT INTO entries (id, session_id, activity_id, item_id, member_id, kind, text, created_at, updated_at)
		SELECT ?, ?, ai.activity_id, ai.item_id, ?, ?, ?, 'x', 'x'
		FROM (SELECT 1) LEFT JOIN assumption_items ai ON ai.session_id = ? AND ai.assumption_id = ?`,
		db.newID(), session, store.NullZero(member), kind, text, session, assumption)
}

// rawResponse writes a response the way it is stored: one entry per
// non-empty field, one per reaction of the comma list.
func rawResponse(db rawDB, session, assumption, member int64, stance, needs, reactions, notes string) {
	for _, f := range []struct{ kind, text string }{{"stance", stance}, {"needs", needs}, {"note", notes}} {
		if f.text != "" {
			rawEntry(db, session, assumption, member, f.kind, f.text)
		}
	}
	for _, r := range strings.Split(reactions, ",") {
		if r != "" {
			rawEntry(db, session, assumption, member, "reaction", r)
		}
	}
}
