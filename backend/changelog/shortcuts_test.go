package changelog_test

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"reflect"
	"testing"
	"time"

	"github.com/jmoiron/sqlx"

	"soundingboard/backend/changelog"
	"soundingboard/backend/storetest"
)

// twins are two laptops that apply the same batches in the same order,
// one the plain way and one with the merge's shortcuts, taken from the
// smallest batches on; after every batch they must hold the same board,
// the same log and the same result.
type twins struct {
	t            *testing.T
	plain, short *replica
	plainCtx     context.Context
	shortCtx     context.Context
}

func newTwins(t *testing.T, bulk, chunk int) *twins {
	ctx := context.Background()
	return &twins{t: t, plain: newReplica(t, 10), short: newReplica(t, 11),
		plainCtx: changelog.WithoutShortcuts(ctx), shortCtx: changelog.WithShortcutsFrom(ctx, bulk, chunk)}
}

func (w *twins) apply(cs []changelog.Change, now time.Time) changelog.Result {
	w.t.Helper()
	want, err := changelog.Apply(w.plainCtx, w.plain.db, cs, now)
	if err != nil {
		w.t.Fatalf("plain apply: %v", err)
	}
	got, err := changelog.Apply(w.shortCtx, w.short.db, cs, now)
	if err != nil {
		w.t.Fatalf("apply with shortcuts: %v", err)
	}
	if !reflect.DeepEqual(got, want) {
		w.t.Fatalf("apply with shortcuts: %+v, the plain path: %+v", got, want)
	}
	if g, p := storetest.Dump(w.t, w.short.db), storetest.Dump(w.t, w.plain.db); g != p {
		w.t.Fatalf("the board differs after the shortcuts:\n%s", diffLines(p, g))
	}
	if g, p := logDump(w.t, w.short), logDump(w.t, w.plain); g != p {
		w.t.Fatalf("the log differs after the shortcuts:\n%s", diffLines(p, g))
	}
	return want
}

// logDump is the change log field by field (images spread out), by row
// and field: the teammates' changes whole, by clock value; the merge's own
// without their clock value and device (each twin stamps its own), in
// order of arrival.
func logDump(t *testing.T, r *replica) string {
	var rows []string
	err := r.db.Select(&rows, `SELECT CASE WHEN device = (SELECT device FROM sync_self) THEN 'own'
		ELSE hlc || ' ' || device END || ' ' || tbl || ' ' || row_key || ' ' || col || ' ' || quote(value)
		FROM change_fields ORDER BY tbl, row_key, col, device = (SELECT device FROM sync_self),
			CASE WHEN device = (SELECT device FROM sync_self) THEN seq ELSE hlc END, device`)
	if err != nil {
		t.Fatal(err)
	}
	return fmt.Sprint(rows)
}

// The shortcuts end every batch as the plain path does, whatever the
// teammates did and in whatever order their batches come: clashes on a
// UNIQUE rule folded, children waiting for their parent, changes held
// for a clock too far ahead.
func TestShortcutsEndAsThePlainPath(t *testing.T) {
	runs := 3
	if testing.Short() || raceEnabled {
		runs = 1
	}
	storetest.EachSeed(t, runs, "go test -run TestShortcutsEndAsThePlainPath ./backend/changelog", sameEnd)
}

func sameEnd(t *testing.T, seed uint64) {
	rng := rand.New(rand.NewPCG(seed, seed^0x5407))
	rs := team(t, 3)
	for range 60 + rng.IntN(40) {
		r := rs[rng.IntN(len(rs))]
		if rng.IntN(5) == 0 {
			r.publish()
			deliverSome(rng, rs, r)
			continue
		}
		op := operations[rng.IntN(len(operations))]
		r.write(func(tx *sqlx.Tx) error { return op(rng, tx) })
	}
	syncAll(t, rs)
	w := newTwins(t, 1, 1+rng.IntN(3))
	read := make([]int, len(rs))
	var held []changelog.Change
	for {
		var open []int
		for i, r := range rs {
			if read[i] < len(r.batches) {
				open = append(open, i)
			}
		}
		if len(open) == 0 {
			break
		}
		i := open[rng.IntN(len(open))]
		now := time.Now()
		if rng.IntN(4) == 0 {
			now = now.Add(-time.Hour) // the batch is held: its clock runs ahead
		}
		held = append(held, w.apply(rs[i].batches[read[i]], now).Held...)
		read[i]++
	}
	w.apply(held, time.Now()) // the held changes get their turn
}

// A new laptop joining gets a board segment after segment, and nearly
// every row is new to its log: the shortcuts take the winners from the
// segment and write rows many to a statement (a statement that clashes
// on a UNIQUE rule is undone, its rows folded one by one). A value SQLite would not
// give back as it was sent (NaN, an empty blob) sends the batch the plain
// way.
func TestJoinShortcutsEndAsThePlainPath(t *testing.T) {
	src := newReplica(t, 0)
	members := src.addMembers(120)
	src.do(func(tx *sqlx.Tx) error {
		d := newID(tx)
		session := newID(tx)
		if _, err := tx.Exec(`INSERT INTO decisions (id, title, created_at, updated_at) VALUES (?, 'Pricing', ?, ?)`, d, stamp, stamp); err != nil {
			return err
		}
		if _, err := tx.Exec(`INSERT INTO sessions (id, decision_id, title, created_at, updated_at) VALUES (?, ?, 'Interviews', ?, ?)`,
			session, d, stamp, stamp); err != nil {
			return err
		}
		for i := range 200 {
			var member any
			if i%3 == 0 {
				member = members[i%len(members)]
			}
			if _, err := tx.Exec(`INSERT INTO entries (id, session_id, member_id, kind, text, value, created_at, updated_at) VALUES (?, ?, ?, 'note', ?, ?, ?, ?)`,
				newID(tx), session, member, fmt.Sprintf("Entry %d", i), float64(i)/4, stamp, stamp); err != nil {
				return err
			}
		}
		// Rows edited and deleted after they were written: later segments
		// bring more changes to rows the log knows.
		_, err := tx.Exec(`UPDATE members SET company = 'Acme' WHERE id % 7 = 0`)
		if err == nil {
			_, err = tx.Exec(`DELETE FROM members WHERE id % 11 = 0`)
		}
		return err
	})
	var segments [][]changelog.Change
	for after := int64(0); ; {
		cs, last, err := changelog.Pending(context.Background(), src.db, after, 700)
		if err != nil {
			t.Fatal(err)
		}
		if len(cs) == 0 {
			break
		}
		segments = append(segments, cs)
		after = last
	}
	// A segment that repeats changes, with other values: the log keeps
	// the first of each.
	for _, c := range segments[1][:40] {
		c.Value = "again"
		segments[1] = append(segments[1], c)
	}
	// A teammate who imported the same people offline: each folds into
	// the member with the smaller id.
	other := newReplica(t, 1)
	other.addMembers(60)
	other.publish()
	segments = append(segments, other.batches...)
	// A crafted last segment: a member who joined on NaN, whose email
	// is an empty blob.
	hlc := segments[len(segments)-1][0].HLC + 1<<20
	key := fmt.Sprintf("[%d]", members[len(members)-1]+1000)
	odd := []changelog.Change{{HLC: hlc, Device: "d00", Table: "members", Key: key, Col: "", Value: int64(1)}}
	for col, v := range map[string]any{"id": members[len(members)-1] + 1000, "name": "Odd", "joined_on": math.NaN(),
		"email": []byte{}, "created_at": stamp, "updated_at": stamp} {
		odd = append(odd, changelog.Change{HLC: hlc, Device: "d00", Table: "members", Key: key, Col: col, Value: v})
	}
	segments = append(segments, odd)
	if len(segments) < 4 {
		t.Fatalf("the board made %d segments, want several", len(segments))
	}
	w := newTwins(t, 50, 16)
	for _, cs := range segments {
		w.apply(cs, time.Now())
	}
	var n int
	if err := w.short.db.Get(&n, `SELECT count(*) FROM entries`); err != nil || n != 200 {
		t.Fatalf("the new laptop has %d entries (%v), want 200", n, err)
	}
}
