package changelog_test

import (
	"context"
	"fmt"
	"os"
	"testing"
	"time"

	"soundingboard/backend/changelog"
	"soundingboard/backend/privacy"
	"soundingboard/backend/storetest"
)

// Erasure across the team: an erased person goes from every laptop and
// from every laptop's change log (the record history), even when a
// teammate edited them offline after the erasure, and does not come back
// with a laptop that joins later or with a restored backup.

// personal is what the tests write about the person to erase: none of it
// may stay in any log.
var personal = []string{"Erin Erased", "erin@x.com", "Allergic to peanuts", "Asked for the beta", "Called about renewal", "Renewal call"}

// setUpErin gives both laptops Erin, with a tag, a consent, a touchpoint
// and a reminder about her, and returns her id.
func setUpErin(t *testing.T, rs []*replica) int64 {
	a := rs[0]
	erin := a.addMember("Erin Erased", "erin@x.com")
	a.exec(`UPDATE members SET notes = 'Allergic to peanuts' WHERE id = ?`, erin)
	a.tag(erin, a.addTag("vip"))
	a.exec(`INSERT INTO consents (member_id, kind, granted_on, note) VALUES (?, 'contact', '2026-11-01', 'Asked for the beta')`, erin)
	a.insert(`INSERT INTO touchpoints (id, member_id, kind, happened_on, summary, created_at) VALUES (?, ?, 'call', '2026-11-02', 'Called about renewal', ?)`, erin, stamp)
	a.insert(`INSERT INTO reminders (id, title, due_at, due_utc, scheduled_at, member_id, created_at, updated_at)
		VALUES (?, 'Renewal call', '2026-12-01T10:00:00Z', '2026-12-01T10:00:00Z', '2026-12-01T10:00:00Z', ?, ?, ?)`, erin, stamp, stamp)
	a.addMember("Olga Other", "olga@x.com")
	a.publish()
	for i := 1; i < len(rs); i++ {
		deliver(rs, 0, i)
	}
	return erin
}

func erase(t *testing.T, r *replica, id int64, name string) {
	t.Helper()
	if _, err := privacy.NewService(context.Background(), r.db).ErasePerson(id, name); err != nil {
		t.Fatalf("%s: erase: %v", r.name, err)
	}
}

// leavesNothing fails if r's board or log still holds anything of the
// erased person, or their history shows more than their deletion.
func leavesNothing(t *testing.T, r *replica, id int64) {
	t.Helper()
	for _, s := range personal {
		if n := r.rows(`SELECT count(*) FROM changes WHERE CAST(value AS TEXT) LIKE '%' || ? || '%'`, s); n[0] != "0" {
			t.Errorf("%s: the change log still holds %q in %s changes", r.name, s, n[0])
		}
	}
	if n := r.rows(`SELECT count(*) FROM members WHERE id = ?1 UNION ALL SELECT count(*) FROM consents WHERE member_id = ?1
		UNION ALL SELECT count(*) FROM touchpoints WHERE member_id = ?1 UNION ALL SELECT count(*) FROM member_tags WHERE member_id = ?1
		UNION ALL SELECT count(*) FROM reminders WHERE member_id = ?1`, id); fmt.Sprint(n) != "[0 0 0 0 0]" {
		t.Errorf("%s: rows naming the erased member: %v", r.name, n)
	}
	h, err := changelog.History(context.Background(), r.db, "members", fmt.Sprintf("[%d]", id))
	if err != nil {
		t.Fatal(err)
	}
	if len(h) != 1 || h[0].Col != "" {
		t.Errorf("%s: the erased member's history = %+v, want their deletion alone", r.name, h)
	}
}

func TestErasureTravelsAndBeatsLaterEdits(t *testing.T) {
	bothOrders(t, func(t *testing.T, rs []*replica, exchange func()) {
		a, b := rs[0], rs[1]
		erin := setUpErin(t, rs)
		erase(t, a, erin, "Erin Erased")
		leavesNothing(t, a, erin)
		// Offline, B has not heard of the erasure: it edits Erin, logs a
		// call with her, renames her consent's note and plans a reminder
		// about her, all later than the erasure.
		time.Sleep(5 * time.Millisecond)
		b.exec(`UPDATE members SET role = 'Asked for the beta' WHERE id = ?`, erin)
		b.insert(`INSERT INTO touchpoints (id, member_id, kind, happened_on, summary, created_at) VALUES (?, ?, 'call', '2026-11-03', 'Renewal call', ?)`, erin, stamp)
		b.exec(`UPDATE consents SET note = 'Called about renewal' WHERE member_id = ?`, erin)
		late := b.insert(`INSERT INTO reminders (id, title, due_at, due_utc, scheduled_at, member_id, created_at, updated_at)
			VALUES (?, 'Send the deck', '2026-12-02T10:00:00Z', '2026-12-02T10:00:00Z', '2026-12-02T10:00:00Z', ?, ?, ?)`, erin, stamp, stamp)
		exchange()

		for _, r := range rs {
			leavesNothing(t, r, erin)
		}
		// B's reminder stays, as any reminder does when its member goes,
		// without her name.
		want(t, rs, "the late reminder", `SELECT title || '|' || coalesce(member_id, 'nobody') FROM reminders WHERE id = ?`,
			[]string{"Send the deck|nobody"}, late)
		want(t, rs, "other members", `SELECT name FROM members`, []string{"Olga Other"})
		if d := storetest.Dump(t, b.db); d != storetest.Dump(t, a.db) {
			t.Errorf("boards differ:\n%s", diffLines(storetest.Dump(t, a.db), d))
		}
	})
}

func TestErasedPersonStaysGoneForALateJoinerAndARestoredBackup(t *testing.T) {
	rs := team(t, 3)
	a, b, c := rs[0], rs[1], rs[2]
	erin := setUpErin(t, rs[:2])
	// B's backup from before the erasure.
	backup := b.path + ".backup"
	b.db.MustExec(`VACUUM INTO ?`, backup)

	erase(t, a, erin, "Erin Erased")
	a.publish()
	deliver(rs, 0, 1)
	leavesNothing(t, b, erin)

	// C joins later and reads A's batches from the start, including the
	// one that still carries Erin (a teammate's files before compaction).
	deliver(rs, 0, 2)
	deliver(rs, 0, 2)
	leavesNothing(t, c, erin)

	// B is restored from its backup: Erin is back on it, until it reads
	// the team's changes again.
	if err := b.db.Close(); err != nil {
		t.Fatal(err)
	}
	for _, ext := range []string{"", "-wal", "-shm"} {
		_ = os.Remove(b.path + ext)
	}
	if err := os.Rename(backup, b.path); err != nil {
		t.Fatal(err)
	}
	b.open()
	if n := b.rows(`SELECT count(*) FROM members WHERE id = ?`, erin); n[0] != "1" {
		t.Fatalf("the backup lacks Erin: %v", n)
	}
	b.read[0] = 1
	deliver(rs, 0, 1)
	leavesNothing(t, b, erin)
	for _, r := range rs[1:] {
		if d := storetest.Dump(t, r.db); d != storetest.Dump(t, a.db) {
			t.Errorf("%s differs:\n%s", r.name, diffLines(storetest.Dump(t, a.db), d))
		}
	}
}
