package board

import (
	"fmt"
	"testing"

	"soundingboard/backend/store"
	"soundingboard/backend/storetest"
)

// A merge into oneself, from or into an unknown member, or into an
// archived member is refused, and nothing is written.
func TestMergeMemberRefuses(t *testing.T) {
	s := newTestService(t)
	sam := mustCreate(t, s, MemberInput{Name: "Sam", Tags: []string{"guest"}}).ID
	lee := mustCreate(t, s, MemberInput{Name: "Sam Lee"}).ID
	old := mustCreate(t, s, MemberInput{Name: "Old Sam"}).ID
	if _, err := s.ArchiveMember(old); err != nil {
		t.Fatal(err)
	}
	dump := storetest.Dump(t, s.db)
	for _, c := range []struct {
		from, into int64
		kind       error
		says       string
	}{
		{sam, sam, store.ErrInvalid, fmt.Sprintf("member %d", sam)},
		{sam, 999999, store.ErrNotFound, "member 999999 not found"},
		{999999, lee, store.ErrNotFound, "member 999999 not found"},
		{sam, old, store.ErrInvalid, "Old Sam is archived"},
	} {
		_, err := s.MergeMember(c.from, c.into)
		storetest.WantErr(t, err, c.kind, c.says)
	}
	// An erased member (forgotten by the change log) is named as such.
	storetest.Exec(t, s.db, `INSERT INTO sync_forgotten (tbl, row_key) VALUES ('members', '[424242]')`)
	_, err := s.MergeMember(sam, 424242)
	storetest.WantErr(t, err, store.ErrNotFound, "member 424242 was erased")
	storetest.Exec(t, s.db, `DELETE FROM sync_forgotten`)
	if after := storetest.Dump(t, s.db); after != dump {
		t.Error("a refused merge wrote something")
	}
}

// TestMergeMember merges a guest who has entries, answers, consents, tags,
// touchpoints and sessions into a member who shares a session and a tag
// with them. Every row moves and nothing is doubled; where both had a
// consent of a kind, the target keeps their own; the guest's row is gone.
func TestMergeMember(t *testing.T) {
	s := newTestService(t)
	db := s.db
	sam := mustCreate(t, s, MemberInput{Name: "Sam", Source: "Guest in the session “Pricing”, 2025-06-14", Tags: []string{"beta", "guest"}}).ID
	lee := mustCreate(t, s, MemberInput{Name: "Sam Lee", Email: "sam@example.com", Tags: []string{"Beta"}}).ID
	other := mustCreate(t, s, MemberInput{Name: "Ann"}).ID
	shared := storetest.Session(t, db, "Pricing", map[int64]string{sam: "attended", lee: "invited", other: "attended"})
	own := storetest.Session(t, db, "Onboarding", map[int64]string{sam: "attended"})
	note := storetest.Entry(t, db, shared, sam, "note", "I came with Ann")
	idea := storetest.Entry(t, db, own, sam, "idea", "A wizard")
	// Answers of the assumption check are entries too (stance, needs).
	stance := storetest.Entry(t, db, shared, sam, "stance", "partly")
	leeStance := storetest.Entry(t, db, shared, lee, "stance", "matches")
	consent := func(member int64, kind, on string) {
		storetest.Exec(t, db, `INSERT INTO consents (member_id, kind, granted_on) VALUES (?, ?, ?)`, member, kind, on)
	}
	consent(sam, "quoting", "2025-06-14")
	consent(sam, "contact", "2025-06-14")
	consent(lee, "quoting", "2024-01-01")
	storetest.Exec(t, db, `INSERT INTO touchpoints (id, member_id, kind, happened_on, summary, created_at)
		VALUES (?, ?, 'call', '2025-06-14', 'after the session', 'x')`, storetest.NewID(t, db), sam)

	before := map[string]int{}
	tables := []string{"members", "participants", "entries", "consents", "member_tags", "touchpoints", "tags"}
	for _, tb := range tables {
		before[tb] = count(t, s, tb)
	}
	d, err := s.MergeMember(sam, lee)
	if err != nil {
		t.Fatal(err)
	}
	if d.Member.ID != lee || d.Member.Name != "Sam Lee" || d.Member.Email != "sam@example.com" {
		t.Errorf("merged into %+v", d.Member)
	}
	// What was doubled went: the guest's row, their place in the shared
	// session, their quoting consent, the tag beta. Entries are never
	// doubles: each is something said.
	gone := map[string]int{"members": 1, "participants": 1, "consents": 1, "member_tags": 1}
	for _, tb := range tables {
		if got := count(t, s, tb); got != before[tb]-gone[tb] {
			t.Errorf("%s: %d rows, want %d", tb, got, before[tb]-gone[tb])
		}
	}
	var n int
	for _, ref := range []string{"participants", "entries", "consents", "member_tags", "touchpoints"} {
		if err := db.Get(&n, `SELECT count(*) FROM `+ref+` WHERE member_id = ?`, sam); err != nil || n != 0 {
			t.Errorf("%s still points at the guest: %d (%v)", ref, n, err)
		}
	}
	check := func(what, query string, want string, args ...any) {
		t.Helper()
		var got string
		if err := db.Get(&got, query, args...); err != nil || got != want {
			t.Errorf("%s: %q (%v), want %q", what, got, err, want)
		}
	}
	check("entries", `SELECT group_concat(member_id || ':' || text) FROM (SELECT * FROM entries WHERE id IN (?, ?, ?, ?) ORDER BY id)`,
		fmt.Sprintf("%d:I came with Ann,%d:A wizard,%d:partly,%d:matches", lee, lee, lee, lee), note, idea, stance, leeStance)
	check("touchpoints", `SELECT group_concat(summary) FROM touchpoints WHERE member_id = ?`, "after the session", lee)
	check("consents", `SELECT group_concat(kind || ':' || granted_on) FROM (SELECT * FROM consents WHERE member_id = ? ORDER BY kind)`,
		"contact:2025-06-14,quoting:2024-01-01", lee)
	check("sessions", `SELECT group_concat(session_id || ':' || state) FROM (SELECT * FROM participants WHERE member_id = ? ORDER BY session_id)`,
		fmt.Sprintf("%d:invited,%d:attended", shared, own), lee)
	if len(d.Member.Tags) != 2 {
		t.Errorf("tags of the merged member: %v", d.Member.Tags)
	}
	if _, err := s.GetMember(sam); err == nil {
		t.Error("the guest is still on the board")
	}
}

// A merge is local writes like any other: in a team, the change log holds
// the moved reference and the merged member's deletion, so it travels.
func TestMergeMemberReachesTheChangeLog(t *testing.T) {
	s := newTestService(t)
	storetest.InTeam(t, s.db, storetest.Device{Person: "Ana"})
	storetest.Exec(t, s.db, `UPDATE sync_self SET capture = 1`)
	sam := mustCreate(t, s, MemberInput{Name: "Sam"}).ID
	lee := mustCreate(t, s, MemberInput{Name: "Sam Lee"}).ID
	session := storetest.Session(t, s.db, "Pricing", map[int64]string{sam: "attended"})
	note := storetest.Entry(t, s.db, session, sam, "note", "I came with Ann")
	logged := func(query string, args ...any) int {
		t.Helper()
		var n int
		if err := s.db.Get(&n, `SELECT count(*) FROM changes WHERE `+query, args...); err != nil {
			t.Fatal(err)
		}
		return n
	}
	before := logged(`tbl = 'members' AND row_key = '[' || ? || ']'`, sam)
	if _, err := s.MergeMember(sam, lee); err != nil {
		t.Fatal(err)
	}
	if n := logged(`tbl = 'entries' AND row_key = '[' || ? || ']' AND col = 'member_id' AND value = ?`, note, lee); n != 1 {
		t.Errorf("the note's new member in the change log: %d rows", n)
	}
	if n := logged(`tbl = 'members' AND row_key = '[' || ? || ']'`, sam); n <= before {
		t.Errorf("the guest's deletion is not in the change log (%d rows, %d before)", n, before)
	}
}
