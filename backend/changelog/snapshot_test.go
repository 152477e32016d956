package changelog_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/jmoiron/sqlx"

	"soundingboard/backend/changelog"
	"soundingboard/backend/storetest"
)

// A board brought into a team reaches a new laptop in segments: each must
// carry whole rows, after their parents, or the laptop cannot write them.
func TestBoardLoggedAllAtOnceArrivesWholeInSmallSegments(t *testing.T) {
	src, dst := newReplica(t, 0), newReplica(t, 1)
	src.exec(`UPDATE sync_self SET capture = 0`)
	src.addMembers(40)
	src.do(func(tx *sqlx.Tx) error {
		d, s := newID(tx), newID(tx)
		if _, err := tx.Exec(`INSERT INTO decisions (id, title, created_at, updated_at) VALUES (?, 'Pricing', ?, ?)`, d, stamp, stamp); err != nil {
			return err
		}
		if _, err := tx.Exec(`INSERT INTO sessions (id, decision_id, title, created_at, updated_at) VALUES (?, ?, 'Interviews', ?, ?)`, s, d, stamp, stamp); err != nil {
			return err
		}
		for i := range 30 {
			if _, err := tx.Exec(`INSERT INTO entries (id, session_id, kind, text, created_at, updated_at) VALUES (?, ?, 'note', ?, ?, ?)`,
				newID(tx), s, fmt.Sprintf("Entry %d", i), stamp, stamp); err != nil {
				return err
			}
		}
		return nil
	})
	src.exec(`UPDATE sync_self SET capture = 1`)
	src.do(func(tx *sqlx.Tx) error {
		_, err := changelog.LogAll(context.Background(), tx)
		return err
	})
	var after int64
	segments := 0
	for {
		cs, last, err := changelog.Pending(context.Background(), src.db, after, 60)
		if err != nil {
			t.Fatal(err)
		}
		if len(cs) == 0 {
			break
		}
		// At most the limit, then the rest of the last row's write (a row
		// of any table has fewer than 40 fields).
		if len(cs) >= 60+40 {
			t.Fatalf("segment of %d changes: more than the limit of 60 and the rest of one row", len(cs))
		}
		after = last
		segments++
		if res := dst.apply(cs); res.Waiting != 0 {
			t.Fatalf("segment %d: %d rows wait for a parent", segments, res.Waiting)
		}
	}
	if segments < 10 {
		t.Fatalf("%d segments: the test wants many", segments)
	}
	if a, b := storetest.Dump(t, src.db), storetest.Dump(t, dst.db); a != b {
		t.Fatalf("boards differ:\n%s", diffLines(a, b))
	}
}
