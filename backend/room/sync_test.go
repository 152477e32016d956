package room

import (
	"testing"

	"soundingboard/backend/activity"
	"soundingboard/backend/storetest"
)

// What the room writes goes through the services, so a team's change log
// captures it like the facilitator's typing: the entry and the
// self-declared consent.
func TestRoomWritesReachTheChangeLog(t *testing.T) {
	f := newFx(t, activity.KindOpenQuestion)
	storetest.InTeam(t, f.db, storetest.Device{Person: "Ana"})
	storetest.Exec(t, f.db, `UPDATE sync_self SET capture = 1`)
	p := f.join("Ann")
	s := p.state()
	ans := p.must(entryPost{Key: "a", ActivityID: s.Activity.ID, Kind: "answer", ItemID: s.Activity.Items[0].ID, Text: "logged"})
	if code := p.do("POST", "consent", map[string]bool{"quoting": true}, nil); code != 200 {
		t.Fatalf("consent: %d", code)
	}
	var n int
	if err := f.db.Get(&n, `SELECT count(*) FROM change_fields WHERE tbl = 'entries' AND row_key = '[' || ? || ']' AND col = 'text'
		AND value = 'logged'`, ans.Entry.ID); err != nil || n != 1 {
		t.Errorf("the entry's text in the change log: %d rows (%v)", n, err)
	}
	if err := f.db.Get(&n, `SELECT count(*) FROM change_fields WHERE tbl = 'consents' AND col = 'source'`); err != nil || n == 0 {
		t.Errorf("the consent's source in the change log: %d rows (%v)", n, err)
	}
}
