package changelog_test

import (
	"context"
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/jmoiron/sqlx"

	"soundingboard/backend/changelog"
	"soundingboard/backend/store"
	"soundingboard/backend/storetest"
)

// The merge's rules, one readable scenario each: two or three laptops,
// an explicit delivery order, and the exact board every laptop ends with.

// team makes n replicas; the first has the lowest ids.
func team(t testing.TB, n int) []*replica {
	rs := make([]*replica, n)
	for i := range rs {
		rs[i] = newReplica(t, i)
	}
	return rs
}

// do runs fn in one transaction and fails the test on any error.
func (r *replica) do(fn func(tx *sqlx.Tx) error) {
	r.t.Helper()
	if err := store.WithTx(context.Background(), r.db, fn); err != nil {
		r.t.Fatalf("%s: %v", r.name, err)
	}
}

// insert adds a row with a new id from store.NewID and returns the id;
// query's first placeholder is the id.
func (r *replica) insert(query string, args ...any) int64 {
	r.t.Helper()
	var id int64
	r.do(func(tx *sqlx.Tx) error {
		id = newID(tx)
		_, err := tx.Exec(query, append([]any{id}, args...)...)
		return err
	})
	return id
}

func (r *replica) exec(query string, args ...any) {
	r.t.Helper()
	r.do(func(tx *sqlx.Tx) error { _, err := tx.Exec(query, args...); return err })
}

func (r *replica) addMember(name, email string) int64 {
	return r.insert(`INSERT INTO members (id, name, email, created_at, updated_at) VALUES (?, ?, ?, ?, ?)`, name, email, stamp, stamp)
}

func (r *replica) addTag(name string) int64 {
	return r.insert(`INSERT INTO tags (id, name) VALUES (?, ?)`, name)
}

func (r *replica) tag(member, tag int64) {
	r.exec(`INSERT INTO member_tags (member_id, tag_id) VALUES (?, ?)`, member, tag)
}

// rows is the query's result as one string per row, fields joined by |.
func (r *replica) rows(query string, args ...any) []string {
	r.t.Helper()
	var out []string
	if err := r.db.Select(&out, query, args...); err != nil {
		r.t.Fatalf("%s: %s: %v", r.name, query, err)
	}
	return out
}

// want fails unless every replica's query gives exactly want.
func want(t *testing.T, rs []*replica, what string, query string, want []string, args ...any) {
	t.Helper()
	for _, r := range rs {
		if got := r.rows(query, args...); !slices.Equal(got, want) {
			t.Errorf("%s: %s = %q, want %q", r.name, what, got, want)
		}
	}
}

// deliver applies the next batch from → to has not read.
func deliver(rs []*replica, from, to int) changelog.Result {
	r := rs[to]
	if r.read[from] >= len(rs[from].batches) {
		r.t.Fatalf("%s has no batch from %s left to read", r.name, rs[from].name)
	}
	res := r.apply(rs[from].batches[r.read[from]])
	r.read[from]++
	return res
}

// bothOrders runs a two-laptop scenario twice: exchange delivers what
// they did offline with B reading A's work first, then A reading B's.
func bothOrders(t *testing.T, scenario func(t *testing.T, rs []*replica, exchange func())) {
	for _, bFirst := range []bool{false, true} {
		t.Run(fmt.Sprintf("B reads first %v", bFirst), func(t *testing.T) {
			rs := team(t, 2)
			scenario(t, rs, func() { exchange(t, rs, bFirst) })
		})
	}
}

// exchange publishes what the two laptops did offline and delivers it, B
// reading A's first or A reading B's first, then syncs until quiet.
func exchange(t *testing.T, rs []*replica, bFirst bool) {
	t.Helper()
	rs[0].publish()
	rs[1].publish()
	if bFirst {
		deliver(rs, 0, 1)
		deliver(rs, 1, 0)
	} else {
		deliver(rs, 1, 0)
		deliver(rs, 0, 1)
	}
	syncAll(t, rs)
}

func ids(ids ...int64) []string {
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = fmt.Sprint(id)
	}
	return out
}

func TestSameEmailOfflineFoldsIntoTheLowerID(t *testing.T) {
	bothOrders(t, func(t *testing.T, rs []*replica, exchange func()) {
		a, b := rs[0], rs[1]
		ma := a.addMember("Ana A", "Ana@x.com")
		vip := a.addTag("vip")
		a.tag(ma, vip)
		a.exec(`INSERT INTO consents (member_id, kind, granted_on) VALUES (?, 'contact', '2026-11-01')`, ma)
		mb := b.addMember("Ana B", "ana@X.com")
		beta := b.addTag("beta")
		b.tag(mb, beta)
		b.exec(`INSERT INTO consents (member_id, kind, granted_on) VALUES (?, 'recording', '2026-11-02')`, mb)
		exchange()

		want(t, rs, "members", `SELECT id || '|' || name || '|' || email FROM members ORDER BY id`,
			[]string{fmt.Sprintf("%d|Ana A|Ana@x.com", ma)})
		want(t, rs, "tags of the member", `SELECT member_id || '|' || tag_id FROM member_tags ORDER BY tag_id`,
			[]string{fmt.Sprintf("%d|%d", ma, vip), fmt.Sprintf("%d|%d", ma, beta)})
		want(t, rs, "consents", `SELECT member_id || '|' || kind || '|' || granted_on FROM consents ORDER BY kind`,
			[]string{fmt.Sprintf("%d|contact|2026-11-01", ma), fmt.Sprintf("%d|recording|2026-11-02", ma)})
		want(t, rs, "rows still naming the other id", `SELECT count(*) FROM members WHERE id = ?1
				UNION ALL SELECT count(*) FROM member_tags WHERE member_id = ?1
				UNION ALL SELECT count(*) FROM consents WHERE member_id = ?1`, []string{"0", "0", "0"}, mb)
		if d := storetest.Dump(t, b.db); d != storetest.Dump(t, a.db) {
			t.Errorf("boards differ:\n%s", diffLines(storetest.Dump(t, a.db), d))
		}
	})
}

func TestSameTagNameOfflineIsOneTag(t *testing.T) {
	bothOrders(t, func(t *testing.T, rs []*replica, exchange func()) {
		a, b := rs[0], rs[1]
		m1 := a.addMember("One", "one@x.com")
		m2 := a.addMember("Two", "two@x.com")
		a.publish()
		deliver(rs, 0, 1)

		ta := a.addTag("Churn risk")
		a.tag(m1, ta)
		tb := b.addTag("churn RISK")
		b.tag(m2, tb)
		exchange()

		want(t, rs, "tags", `SELECT id || '|' || name FROM tags ORDER BY id`, []string{fmt.Sprintf("%d|Churn risk", ta)})
		want(t, rs, "member tags", `SELECT member_id || '|' || tag_id FROM member_tags ORDER BY member_id`,
			[]string{fmt.Sprintf("%d|%d", m1, ta), fmt.Sprintf("%d|%d", m2, ta)})
		want(t, rs, "the other tag", `SELECT count(*) FROM tags WHERE id = ?`, []string{"0"}, tb)
	})
}

// hlcOf is the clock value of the change that wrote col of members id on r.
func (r *replica) hlcOf(id int64, col, value string) int64 {
	r.t.Helper()
	var h int64
	if err := r.db.Get(&h, `SELECT hlc FROM change_fields WHERE tbl = 'members' AND row_key = json_array(?) AND col = ? AND value = ?`, id, col, value); err != nil {
		r.t.Fatalf("%s: change of %s to %q: %v", r.name, col, value, err)
	}
	return h
}

// anaOnBoth is two laptops that both hold the member Ana, added on A.
func anaOnBoth(t *testing.T) ([]*replica, int64) {
	rs := team(t, 2)
	m := rs[0].addMember("Ana", "ana@x.com")
	rs[0].publish()
	deliver(rs, 0, 1)
	return rs, m
}

// concurrentEdits has A set a member's company to Acme and B, later, to
// Globex (and its notes), both offline, then syncs them.
func concurrentEdits(t *testing.T) ([]*replica, int64) {
	rs, m := anaOnBoth(t)
	a, b := rs[0], rs[1]

	a.exec(`UPDATE members SET company = 'Acme' WHERE id = ?`, m)
	// B's clock runs ahead of A's, so B writes last.
	b.exec(`UPDATE sync_self SET hlc = ?`, a.hlcOf(m, "company", "Acme")+1000)
	b.exec(`UPDATE members SET company = 'Globex', notes = 'met at fair' WHERE id = ?`, m)
	exchange(t, rs, false)
	return rs, m
}

func TestConcurrentEditsLastWriterWinsAndTheLoserStaysInTheLog(t *testing.T) {
	rs, m := concurrentEdits(t)

	want(t, rs, "company", `SELECT company FROM members WHERE id = ?`, []string{"Globex"}, m)
	want(t, rs, "company's history", `SELECT device || '|' || value FROM change_fields
		WHERE tbl = 'members' AND row_key = json_array(?) AND col = 'company' ORDER BY hlc`,
		[]string{"d00|", "d00|Acme", "d01|Globex"}, m)
}

func TestEqualClocksAreBrokenByDeviceID(t *testing.T) {
	rs, m := anaOnBoth(t)
	a, b := rs[0], rs[1]

	h := time.Now().Add(time.Second).UnixMilli() << 16 // after every change the replicas made
	edit := func(device, name string) changelog.Change {
		return changelog.Change{HLC: h, Device: device, Table: "members", Key: fmt.Sprintf("[%d]", m), Col: "name", Value: name}
	}
	low, high := edit("d10", "Ana from d10"), edit("d11", "Ana from d11")
	// A hears of the higher device first, B of the lower, each in its own batch.
	a.apply([]changelog.Change{high})
	a.apply([]changelog.Change{low})
	b.apply([]changelog.Change{low})
	b.apply([]changelog.Change{high})
	syncAll(t, rs)

	want(t, rs, "name", `SELECT name FROM members WHERE id = ?`, []string{"Ana from d11"}, m)
}

func TestSessionOnADecisionDeletedOfflineKeepsTheDecision(t *testing.T) {
	bothOrders(t, func(t *testing.T, rs []*replica, exchange func()) {
		a, b := rs[0], rs[1]
		d := a.insert(`INSERT INTO decisions (id, title, question, owner, created_at, updated_at) VALUES (?, 'Pricing', 'Per seat?', 'Ana', ?, ?)`, stamp, stamp)
		a.publish()
		deliver(rs, 0, 1)

		a.exec(`DELETE FROM decisions WHERE id = ?`, d)
		s := b.insert(`INSERT INTO sessions (id, decision_id, title, created_at, updated_at) VALUES (?, ?, 'Pricing interviews', ?, ?)`, d, stamp, stamp)
		exchange()

		want(t, rs, "decision", `SELECT id || '|' || title || '|' || question || '|' || owner || '|' || created_at FROM decisions`,
			[]string{fmt.Sprintf("%d|Pricing|Per seat?|Ana|%s", d, stamp)})
		want(t, rs, "session", `SELECT id || '|' || decision_id FROM sessions`, []string{fmt.Sprintf("%d|%d", s, d)})
	})
}

func TestDeletedParentCascadesOrClearsTheReference(t *testing.T) {
	bothOrders(t, func(t *testing.T, rs []*replica, exchange func()) {
		a, b := rs[0], rs[1]
		d := a.insert(`INSERT INTO decisions (id, title, created_at, updated_at) VALUES (?, 'Pricing', ?, ?)`, stamp, stamp)
		s := a.insert(`INSERT INTO sessions (id, decision_id, title, created_at, updated_at) VALUES (?, ?, 'Interviews', ?, ?)`, d, stamp, stamp)
		bo := a.addMember("Bo", "bo@x.com")
		cy := a.addMember("Cy", "cy@x.com")
		a.publish()
		deliver(rs, 0, 1)

		a.exec(`DELETE FROM sessions WHERE id = ?`, s)
		a.exec(`DELETE FROM members WHERE id = ?`, cy)
		b.exec(`INSERT INTO participants (session_id, member_id, state) VALUES (?, ?, 'invited')`, s, bo)
		rem := b.insert(`INSERT INTO reminders (id, title, member_id, due_at, due_utc, scheduled_at, created_at, updated_at)
				VALUES (?, 'Call Cy', ?, ?, ?, ?, ?, ?)`, cy, stamp, stamp, stamp, stamp, stamp)
		exchange()

		want(t, rs, "sessions", `SELECT id FROM sessions`, nil)
		want(t, rs, "participants", `SELECT session_id || '|' || member_id FROM participants`, nil)
		want(t, rs, "members", `SELECT id FROM members`, ids(bo))
		want(t, rs, "reminder", `SELECT id || '|' || title || '|' || quote(member_id) FROM reminders`,
			[]string{fmt.Sprintf("%d|Call Cy|NULL", rem)})
	})
}

func TestChildWaitsForItsParent(t *testing.T) {
	rs := team(t, 3)
	a, b, c := rs[0], rs[1], rs[2]
	m := a.addMember("Ana", "ana@x.com")
	a.publish()
	deliver(rs, 0, 2)
	tag := c.addTag("vip")
	c.tag(m, tag)
	c.publish()

	res := deliver(rs, 2, 1)
	if res.Waiting == 0 {
		t.Errorf("B applied the tagging before the member: Waiting = 0, want > 0")
	}
	want(t, rs[1:2], "tags before the member arrives", `SELECT id FROM tags`, ids(tag))
	want(t, rs[1:2], "member tags before the member arrives", `SELECT member_id FROM member_tags`, nil)

	res = deliver(rs, 0, 1)
	if res.Waiting != 0 {
		t.Errorf("after the member arrived: Waiting = %d, want 0", res.Waiting)
	}
	want(t, []*replica{b}, "member tags once the member arrived", `SELECT member_id || '|' || tag_id FROM member_tags`,
		[]string{fmt.Sprintf("%d|%d", m, tag)})
	syncAll(t, rs)
	want(t, rs, "member tags", `SELECT member_id || '|' || tag_id FROM member_tags`, []string{fmt.Sprintf("%d|%d", m, tag)})
}

func TestChangeFromTheFutureIsHeldUntilTheClockCatchesUp(t *testing.T) {
	rs, m := anaOnBoth(t)
	b := rs[1]

	now := time.Now()
	ahead := changelog.Change{HLC: now.Add(time.Hour).UnixMilli() << 16, Device: "d09", Table: "members",
		Key: fmt.Sprintf("[%d]", m), Col: "name", Value: "Ana from the future"}
	res, err := changelog.Apply(context.Background(), b.db, []changelog.Change{ahead}, now)
	if err != nil {
		t.Fatal(err)
	}
	if res.Applied != 0 || len(res.Held) != 1 || res.Held[0] != ahead {
		t.Errorf("an hour ahead: Applied %d, Held %v; want 0 and the change", res.Applied, res.Held)
	}
	want(t, []*replica{b}, "name while held", `SELECT name FROM members`, []string{"Ana"})
	want(t, []*replica{b}, "changes from d09 while held", `SELECT count(*) FROM changes WHERE device = 'd09'`, []string{"0"})

	res, err = changelog.Apply(context.Background(), b.db, []changelog.Change{ahead}, now.Add(time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	if res.Applied != 1 || len(res.Held) != 0 {
		t.Errorf("an hour later: Applied %d, Held %v; want 1 and none", res.Applied, res.Held)
	}
	want(t, []*replica{b}, "name once the clock caught up", `SELECT name FROM members`, []string{"Ana from the future"})
}

func TestChangeForAnUnknownTableOrColumnIsHeld(t *testing.T) {
	rs, m := anaOnBoth(t)
	b := rs[1]
	before := storetest.Dump(t, b.db)

	h := time.Now().UnixMilli() << 16
	in := []changelog.Change{
		{HLC: h, Device: "d09", Table: "gadgets", Key: "[1]", Col: "", Value: int64(1)},
		{HLC: h, Device: "d09", Table: "members", Key: fmt.Sprintf("[%d]", m), Col: "shoe_size", Value: int64(42)},
	}
	res := b.apply(in)
	if res.Applied != 0 || !slices.Equal(res.Held, in) {
		t.Errorf("Applied %d, Held %v; want 0 and both changes", res.Applied, res.Held)
	}
	want(t, []*replica{b}, "changes from d09", `SELECT count(*) FROM changes WHERE device = 'd09'`, []string{"0"})
	if after := storetest.Dump(t, b.db); after != before {
		t.Errorf("the board changed:\n%s", diffLines(before, after))
	}
}

func TestApplyingABatchTwiceChangesNothing(t *testing.T) {
	rs := team(t, 2)
	a, b := rs[0], rs[1]
	m := a.addMember("Ana", "ana@x.com")
	a.tag(m, a.addTag("vip"))
	a.exec(`UPDATE members SET company = 'Acme' WHERE id = ?`, m)
	a.publish()

	first := deliver(rs, 0, 1)
	if first.Applied == 0 {
		t.Fatal("the first apply applied nothing")
	}
	board := storetest.Dump(t, b.db)
	log := b.rows(`SELECT count(*) FROM changes`)
	again := b.apply(a.batches[0])
	if again.Applied != 0 || again.Logged != 0 {
		t.Errorf("second apply: Applied %d, Logged %d; want 0, 0", again.Applied, again.Logged)
	}
	if got := storetest.Dump(t, b.db); got != board {
		t.Errorf("the board changed:\n%s", diffLines(board, got))
	}
	want(t, []*replica{b}, "changes logged", `SELECT count(*) FROM changes`, log)
}

// When both twins have a child with the same key (a consent of one kind),
// the survivor keeps its own; a child with its own id (a reminder) moves.
func TestFoldKeepsTheSurvivorsChildOnAClash(t *testing.T) {
	bothOrders(t, func(t *testing.T, rs []*replica, exchange func()) {
		a, b := rs[0], rs[1]
		ma := a.addMember("Ana A", "Ana@x.com")
		a.exec(`INSERT INTO consents (member_id, kind, granted_on, note) VALUES (?, 'contact', '2026-11-01', 'on A')`, ma)
		mb := b.addMember("Ana B", "ana@X.com")
		b.exec(`INSERT INTO consents (member_id, kind, granted_on, note) VALUES (?, 'contact', '2026-11-02', 'on B')`, mb)
		rem := b.insert(`INSERT INTO reminders (id, title, member_id, due_at, due_utc, scheduled_at, created_at, updated_at)
				VALUES (?, 'Thank Ana', ?, ?, ?, ?, ?, ?)`, mb, stamp, stamp, stamp, stamp, stamp)
		exchange()

		want(t, rs, "consents", `SELECT member_id || '|' || granted_on || '|' || note FROM consents`,
			[]string{fmt.Sprintf("%d|2026-11-01|on A", ma)})
		want(t, rs, "reminders", `SELECT id || '|' || member_id FROM reminders`, []string{fmt.Sprintf("%d|%d", rem, ma)})
	})
}
