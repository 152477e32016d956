package changelog_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/jmoiron/sqlx"

	"soundingboard/backend/changelog"
)

// A board brought into a team (LogAll) and then edited (the triggers) is
// written out in batches that never end inside a row write: a teammate
// applying one batch alone must get whole rows, or a NOT NULL column
// stops the apply for good.
func TestPendingNeverSplitsARowWrite(t *testing.T) {
	r := newReplica(t, 0)
	r.exec(`UPDATE sync_self SET capture = 0`)
	for i := range 5 { // before the team: logged by LogAll
		r.addMember(fmt.Sprintf("Before %d", i), fmt.Sprintf("before%d@example.com", i))
	}
	r.addTag("early")
	r.do(func(tx *sqlx.Tx) error {
		if _, err := tx.Exec(`UPDATE sync_self SET capture = 1`); err != nil {
			return err
		}
		_, err := changelog.LogAll(context.Background(), tx)
		return err
	})
	for i := range 5 { // in the team: logged by the triggers
		r.addMember(fmt.Sprintf("After %d", i), fmt.Sprintf("after%d@example.com", i))
	}
	var total int
	if err := r.db.Get(&total, `SELECT count(*) FROM changes WHERE device = ?`, r.name); err != nil {
		t.Fatal(err)
	}
	type write struct {
		table, key string
		hlc        int64
	}
	for _, limit := range []int{1, 3, 7, 10} {
		batchOf := map[write]int{}
		var after int64
		n := 0
		for batch := 0; ; batch++ {
			cs, last, err := changelog.Pending(context.Background(), r.db, after, limit)
			if err != nil {
				t.Fatal(err)
			}
			if len(cs) == 0 {
				break
			}
			between, err := changelog.Between(context.Background(), r.db, after, last)
			if err != nil || len(between) != len(cs) {
				t.Fatalf("limit %d: Between(%d, %d) has %d changes (%v), Pending gave %d", limit, after, last, len(between), err, len(cs))
			}
			for _, c := range cs {
				w := write{c.Table, c.Key, c.HLC}
				if b, seen := batchOf[w]; seen && b != batch {
					t.Fatalf("limit %d: the write of %s %s at %d is split between batches %d and %d", limit, c.Table, c.Key, c.HLC, b, batch)
				}
				batchOf[w] = batch
			}
			n += len(cs)
			after = last
		}
		if n != total {
			t.Errorf("limit %d: the batches hold %d changes, the log %d", limit, n, total)
		}
	}
}
