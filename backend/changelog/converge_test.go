package changelog_test

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/jmoiron/sqlx"

	"soundingboard/backend/changelog"
	"soundingboard/backend/store"
	"soundingboard/backend/storetest"
)

// replica is one laptop of the team in a convergence test.
type replica struct {
	t       testing.TB
	name    string
	path    string
	db      *store.DB
	sent    int64                // last seq of its own changes published
	batches [][]changelog.Change // what it published, in order
	read    map[int]int          // by sender: how many of its batches this replica applied
	offline bool
	behind  bool               // plays a laptop one schema version behind (fallBehind)
	held    []changelog.Change // what Apply held back, applied again once it updates
	// ctx is what it applies under: every other replica takes the merge's
	// shortcuts from the smallest batches on (images of new rows among
	// them), so the plain path and the shortcuts must converge together.
	ctx context.Context
}

func newReplica(t testing.TB, i int) *replica {
	r := &replica{t: t, name: fmt.Sprintf("d%02d", i), path: filepath.Join(t.TempDir(), "board.db"), read: map[int]int{},
		ctx: context.Background()}
	if i%2 == 1 {
		r.ctx = changelog.WithShortcutsFrom(r.ctx, 1, 3)
	}
	r.open()
	base := int64(i+1) << 33
	r.db.MustExec(`UPDATE sync_self SET capture = 1, device = ?, id_base = ?, next_id = ?, id_limit = ?`,
		r.name, base, base, base+(1<<33))
	t.Cleanup(func() { r.db.Close() })
	return r
}

func (r *replica) open() {
	db, err := store.Open(context.Background(), r.path)
	if err != nil {
		r.t.Fatalf("%s: open: %v", r.name, err)
	}
	r.db = db
}

// restart closes the database and opens it again, as a laptop that quits
// the app and starts it later.
func (r *replica) restart() {
	if err := r.db.Close(); err != nil {
		r.t.Fatal(err)
	}
	r.open()
}

// publish turns its changes since the last publish into one batch.
func (r *replica) publish() bool {
	cs, last, err := changelog.Pending(context.Background(), r.db, r.sent, 1<<30)
	if err != nil {
		r.t.Fatal(err)
	}
	if len(cs) == 0 {
		return false
	}
	r.sent = last
	r.batches = append(r.batches, cs)
	return true
}

func (r *replica) apply(cs []changelog.Change) changelog.Result {
	res, err := changelog.Apply(r.ctx, r.db, cs, time.Now())
	if err != nil {
		r.t.Fatalf("%s: apply: %v", r.name, err)
	}
	r.held = append(r.held, res.Held...)
	return res
}

// The newest migration that gave the team's tables a column (0015: a
// reminder's owner), undone and done again by hand, so that a replica
// plays a laptop one schema version behind with this build's code.
const (
	newestColumn = `ALTER TABLE reminders ADD COLUMN owner TEXT NOT NULL DEFAULT '' CHECK (length(owner) <= 120)`
	newestIndex  = `CREATE INDEX reminders_open_owner ON reminders(owner, due_utc) WHERE done_at IS NULL`
)

// fallBehind takes the newest column away: what teammates write to it is
// held until the replica updates. Like a migration, it goes around the
// capture triggers, which are made again for the schema when it opens.
func (r *replica) fallBehind() {
	r.dropTriggers()
	r.db.MustExec(`DROP INDEX reminders_open_owner`)
	r.db.MustExec(`ALTER TABLE reminders DROP COLUMN owner`)
	r.restart()
	r.behind = true
}

// update brings the replica to the latest schema and applies what it held.
func (r *replica) update() {
	r.dropTriggers()
	r.db.MustExec(newestColumn)
	r.db.MustExec(newestIndex)
	r.restart()
	r.behind = false
	held := r.held
	r.held = nil
	res := r.apply(held)
	r.t.Logf("%s updated: %d held changes, %d applied now", r.name, len(held), res.Applied)
}

func (r *replica) dropTriggers() {
	var names []string
	if err := r.db.Select(&names, `SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'sync\_%' ESCAPE '\'`); err != nil {
		r.t.Fatal(err)
	}
	for _, n := range names {
		r.db.MustExec(`DROP TRIGGER "` + n + `"`)
	}
	r.db.MustExec(`UPDATE sync_self SET triggers = ''`)
}

// write runs one operation in a transaction; an operation the board's
// rules refuse locally (a duplicate email on this laptop) is skipped, as
// the app would refuse it.
func (r *replica) write(fn func(tx *sqlx.Tx) error) {
	err := store.WithTx(context.Background(), r.db, fn)
	if err != nil && !strings.Contains(err.Error(), "constraint failed") && !errors.Is(err, errSkip) {
		r.t.Fatalf("%s: write: %v", r.name, err)
	}
}

var errSkip = fmt.Errorf("nothing to do")

func newID(tx *sqlx.Tx) int64 {
	id, err := store.NewID(context.Background(), tx)
	if err != nil {
		panic(err)
	}
	return id
}

// pick returns a random id from the query's result, or errSkip.
func pick(rng *rand.Rand, tx *sqlx.Tx, query string, args ...any) (int64, error) {
	var ids []int64
	if err := tx.Select(&ids, query, args...); err != nil {
		return 0, err
	}
	if len(ids) == 0 {
		return 0, errSkip
	}
	return ids[rng.IntN(len(ids))], nil
}

const stamp = "2026-12-01T10:00:00Z"

var emails = []string{"ana@example.com", "bo@example.com", "cy@example.com", "di@example.com", "ed@example.com"}
var tagNames = []string{"beta", "Beta ", "churn risk", "enterprise"}

// operations a teammate does on their laptop, offline or not.
var operations = []func(rng *rand.Rand, tx *sqlx.Tx) error{
	func(rng *rand.Rand, tx *sqlx.Tx) error { // add a member, maybe with an email another laptop also uses
		var email any
		if rng.IntN(3) > 0 {
			email = emails[rng.IntN(len(emails))]
		}
		_, err := tx.Exec(`INSERT INTO members (id, name, email, created_at, updated_at) VALUES (?, ?, ?, ?, ?)`,
			newID(tx), fmt.Sprintf("Member %d", rng.IntN(1000)), email, stamp, stamp)
		return err
	},
	func(rng *rand.Rand, tx *sqlx.Tx) error { // edit a field
		id, err := pick(rng, tx, `SELECT id FROM members`)
		if err != nil {
			return err
		}
		col := []string{"name", "company", "notes"}[rng.IntN(3)]
		_, err = tx.Exec(`UPDATE members SET `+col+` = ? WHERE id = ?`, fmt.Sprintf("v%d", rng.IntN(100)), id)
		return err
	},
	func(rng *rand.Rand, tx *sqlx.Tx) error { // tag a member, maybe creating a tag another laptop also creates
		name := tagNames[rng.IntN(len(tagNames))]
		var tag int64
		if err := tx.Get(&tag, `SELECT coalesce((SELECT id FROM tags WHERE name = trim(?)), 0)`, name); err != nil {
			return err
		}
		if tag == 0 {
			tag = newID(tx)
			if _, err := tx.Exec(`INSERT INTO tags (id, name) VALUES (?, trim(?))`, tag, name); err != nil {
				return err
			}
		}
		member, err := pick(rng, tx, `SELECT id FROM members`)
		if err != nil {
			return err
		}
		_, err = tx.Exec(`INSERT OR IGNORE INTO member_tags (member_id, tag_id) VALUES (?, ?)`, member, tag)
		return err
	},
	func(rng *rand.Rand, tx *sqlx.Tx) error { // untag
		var rows []struct {
			M int64 `db:"member_id"`
			T int64 `db:"tag_id"`
		}
		if err := tx.Select(&rows, `SELECT member_id, tag_id FROM member_tags`); err != nil || len(rows) == 0 {
			return errSkip
		}
		x := rows[rng.IntN(len(rows))]
		_, err := tx.Exec(`DELETE FROM member_tags WHERE member_id = ? AND tag_id = ?`, x.M, x.T)
		return err
	},
	func(rng *rand.Rand, tx *sqlx.Tx) error { // delete a member (cascades to tags, consents, participants)
		id, err := pick(rng, tx, `SELECT id FROM members`)
		if err != nil {
			return err
		}
		_, err = tx.Exec(`DELETE FROM members WHERE id = ?`, id)
		return err
	},
	func(rng *rand.Rand, tx *sqlx.Tx) error { // erase a member: the log forgets them and what was about them
		id, err := pick(rng, tx, `SELECT id FROM members`)
		if err != nil {
			return err
		}
		if _, err = tx.Exec(`DELETE FROM members WHERE id = ?`, id); err != nil {
			return err
		}
		_, err = changelog.Erase(context.Background(), tx, "members", fmt.Sprintf("[%d]", id))
		return err
	},
	func(rng *rand.Rand, tx *sqlx.Tx) error { // plan a reminder, for a teammate when this laptop knows owners
		id := newID(tx)
		if _, err := tx.Exec(`INSERT INTO reminders (id, title, due_at, due_utc, scheduled_at, member_id, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?, (SELECT id FROM members ORDER BY random() LIMIT 1), ?, ?)`,
			id, fmt.Sprintf("Follow up %d", rng.IntN(100)), stamp, stamp, stamp, stamp, stamp); err != nil {
			return err
		}
		return giveOwner(rng, tx, id)
	},
	func(rng *rand.Rand, tx *sqlx.Tx) error { // hand a reminder to another teammate
		id, err := pick(rng, tx, `SELECT id FROM reminders`)
		if err != nil {
			return err
		}
		return giveOwner(rng, tx, id)
	},
	func(rng *rand.Rand, tx *sqlx.Tx) error { // record a consent
		id, err := pick(rng, tx, `SELECT id FROM members`)
		if err != nil {
			return err
		}
		_, err = tx.Exec(`INSERT INTO consents (member_id, kind, granted_on) VALUES (?, ?, ?)
			ON CONFLICT (member_id, kind) DO UPDATE SET granted_on = excluded.granted_on`,
			id, []string{"contact", "recording"}[rng.IntN(2)], fmt.Sprintf("2026-11-%02d", 1+rng.IntN(28)))
		return err
	},
	func(rng *rand.Rand, tx *sqlx.Tx) error { // plan a session, on a new or an existing decision
		decision, err := pick(rng, tx, `SELECT id FROM decisions`)
		if err != nil || rng.IntN(3) == 0 {
			decision = newID(tx)
			if _, err := tx.Exec(`INSERT INTO decisions (id, title, created_at, updated_at) VALUES (?, ?, ?, ?)`,
				decision, fmt.Sprintf("Decision %d", rng.IntN(100)), stamp, stamp); err != nil {
				return err
			}
		}
		session := newID(tx)
		if _, err := tx.Exec(`INSERT INTO sessions (id, decision_id, title, created_at, updated_at) VALUES (?, ?, ?, ?, ?)`,
			session, decision, "Session", stamp, stamp); err != nil {
			return err
		}
		_, err = tx.Exec(`INSERT INTO participants (session_id, member_id, state)
			SELECT ?, id, 'invited' FROM members ORDER BY random() LIMIT 2`, session)
		return err
	},
	func(rng *rand.Rand, tx *sqlx.Tx) error { // delete a decision that has no sessions here
		id, err := pick(rng, tx, `SELECT id FROM decisions WHERE id NOT IN (SELECT decision_id FROM sessions)`)
		if err != nil {
			return err
		}
		_, err = tx.Exec(`DELETE FROM decisions WHERE id = ?`, id)
		return err
	},
	func(rng *rand.Rand, tx *sqlx.Tx) error { // delete a session
		id, err := pick(rng, tx, `SELECT id FROM sessions`)
		if err != nil {
			return err
		}
		_, err = tx.Exec(`DELETE FROM sessions WHERE id = ?`, id)
		return err
	},
	func(rng *rand.Rand, tx *sqlx.Tx) error { // add a participant
		session, err := pick(rng, tx, `SELECT id FROM sessions`)
		if err != nil {
			return err
		}
		member, err := pick(rng, tx, `SELECT id FROM members`)
		if err != nil {
			return err
		}
		_, err = tx.Exec(`INSERT OR IGNORE INTO participants (session_id, member_id, state) VALUES (?, ?, 'invited')`, session, member)
		return err
	},
}

// giveOwner sets a reminder's owner, on a laptop whose schema has owners.
func giveOwner(rng *rand.Rand, tx *sqlx.Tx, id int64) error {
	var has bool
	if err := tx.Get(&has, `SELECT count(*) FROM pragma_table_info('reminders') WHERE name = 'owner'`); err != nil || !has {
		return err
	}
	_, err := tx.Exec(`UPDATE reminders SET owner = ? WHERE id = ?`, []string{"", "Ana", "Bo"}[rng.IntN(3)], id)
	return err
}

func TestReplicasConvergeWhateverTheOrder(t *testing.T) {
	runs := 6
	if testing.Short() || raceEnabled {
		runs = 2 // the race detector makes each seed about ten times slower
	}
	storetest.EachSeed(t, runs, "go test -run TestReplicasConvergeWhateverTheOrder ./backend/changelog", converge)
}

func converge(t *testing.T, seed uint64) {
	rng := rand.New(rand.NewPCG(seed, seed^0x5eed))
	rs := make([]*replica, 3+rng.IntN(3))
	for i := range rs {
		rs[i] = newReplica(t, i)
	}
	// One laptop in two runs an app one schema version behind, and updates
	// at some point (or when everyone syncs at the end).
	if rng.IntN(2) == 0 {
		rs[rng.IntN(len(rs))].fallBehind()
	}
	for range 40 + rng.IntN(40) {
		r := rs[rng.IntN(len(rs))]
		switch x := rng.IntN(20); {
		case x == 0:
			r.offline = !r.offline
		case x == 1 && r.behind:
			r.update()
		case x == 1:
			r.restart()
		case x < 6:
			if !r.offline {
				r.publish()
				deliverSome(rng, rs, r)
			}
		default:
			op := operations[rng.IntN(len(operations))]
			r.write(func(tx *sqlx.Tx) error { return op(rng, tx) })
		}
	}
	// Everyone updates, comes online and syncs until nothing new is written.
	for _, r := range rs {
		r.offline = false
		if r.behind {
			r.update()
		}
	}
	syncAll(t, rs)
	want := storetest.Dump(t, rs[0].db)
	for _, r := range rs[1:] {
		if got := storetest.Dump(t, r.db); got != want {
			t.Fatalf("%s differs from %s:\n%s", r.name, rs[0].name, diffLines(want, got))
		}
	}
	// An erased row, and each row about it, keeps only its deletion.
	for _, r := range rs {
		if n := r.rows(`SELECT count(*) FROM changes c JOIN sync_forgotten f USING (tbl, row_key)
			WHERE NOT (c.col = '' AND c.value <> 1)`); n[0] != "0" {
			t.Fatalf("%s: %s changes about erased rows stay in the log", r.name, n[0])
		}
	}
}

// syncAll publishes and delivers everything until no replica writes
// anything new (the merge's own changes travel too).
func syncAll(t *testing.T, rs []*replica) {
	t.Helper()
	for round := 0; ; round++ {
		published := false
		for _, r := range rs {
			published = r.publish() || published
		}
		if !published && round > 0 {
			return
		}
		if round == 6 {
			t.Fatalf("still writing merge changes after %d rounds", round)
		}
		for _, r := range rs {
			deliverAll(r, rs)
		}
	}
}

// deliverSome applies to r a random choice of the batches it has not read,
// each sender's in the order they were written.
func deliverSome(rng *rand.Rand, rs []*replica, r *replica) {
	for range rng.IntN(4) {
		i := rng.IntN(len(rs))
		s := rs[i]
		if s == r || r.read[i] >= len(s.batches) {
			continue
		}
		r.apply(s.batches[r.read[i]])
		r.read[i]++
	}
}

func deliverAll(r *replica, rs []*replica) {
	for i, s := range rs {
		for s != r && r.read[i] < len(s.batches) {
			r.apply(s.batches[r.read[i]])
			r.read[i]++
		}
	}
}

func diffLines(a, b string) string {
	in := func(s string) map[string]bool {
		m := map[string]bool{}
		for _, l := range strings.Split(s, "\n") {
			m[l] = true
		}
		return m
	}
	ma, mb := in(a), in(b)
	var out []string
	for l := range ma {
		if !mb[l] {
			out = append(out, "- "+l)
		}
	}
	for l := range mb {
		if !ma[l] {
			out = append(out, "+ "+l)
		}
	}
	return strings.Join(out, "\n")
}
