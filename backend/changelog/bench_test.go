package changelog_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/jmoiron/sqlx"

	"soundingboard/backend/changelog"
	"soundingboard/backend/store"
)

// addMembers inserts n members on r in one transaction, capture on, as a
// teammate's import would, and returns their ids.
func (r *replica) addMembers(n int) []int64 {
	out := make([]int64, n)
	r.do(func(tx *sqlx.Tx) error {
		first, err := store.NewIDs(context.Background(), tx, int64(n))
		if err != nil {
			return err
		}
		for i := range out {
			out[i] = first + int64(i)
			_, err := tx.Exec(`INSERT INTO members (id, name, email, company, role, notes, created_at, updated_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, out[i], fmt.Sprintf("Member %d", i), fmt.Sprintf("m%d@example.com", i),
				fmt.Sprintf("Company %d", i%300), "Buyer", "Met at the fair; wants exports.", stamp, stamp)
			if err != nil {
				return err
			}
		}
		return nil
	})
	return out
}

func (r *replica) applyTimed(b *testing.B, cs []changelog.Change) changelog.Result {
	b.StartTimer()
	res, err := changelog.Apply(context.Background(), r.db, cs, time.Now())
	b.StopTimer()
	if err != nil {
		b.Fatalf("%s: apply: %v", r.name, err)
	}
	return res
}

// A teammate's everyday batch: 1,000 changes (field edits across members
// and some taggings) into a board of 10,000 members.
func BenchmarkApply1000Changes(b *testing.B) {
	rs := team(b, 2)
	from, to := rs[0], rs[1]
	members := from.addMembers(10_000)
	tags := []int64{from.addTag("beta"), from.addTag("enterprise"), from.addTag("churn risk")}
	from.publish()
	deliver(rs, 0, 1)
	b.ResetTimer()
	b.StopTimer()
	for n := 0; n < b.N; n++ {
		from.do(func(tx *sqlx.Tx) error {
			for i := range 850 { // one change each
				id := members[(n*997+i*11)%len(members)]
				col := []string{"name", "company", "notes", "role"}[i%4]
				if _, err := tx.Exec(`UPDATE members SET `+col+` = ? WHERE id = ?`, fmt.Sprintf("%s %d/%d", col, n, i), id); err != nil {
					return err
				}
			}
			for i := range 50 { // three changes each: the row and its two fields
				_, err := tx.Exec(`INSERT INTO member_tags (member_id, tag_id) VALUES (?, ?)`,
					members[(n*50+i)*7%len(members)], tags[n%len(tags)])
				if err != nil {
					return err
				}
			}
			return nil
		})
		from.publish()
		batch := from.batches[len(from.batches)-1]
		res := to.applyTimed(b, batch)
		to.read[0]++
		if res.Applied != len(batch) || len(batch) != 1000 {
			b.Fatalf("applied %d of %d changes, want 1000", res.Applied, len(batch))
		}
	}
}

// A new laptop joins: it applies the whole log of a board with 10,000
// members and 50,000 entries in one Apply.
func BenchmarkApplySnapshot(b *testing.B) {
	src := newReplica(b, 0)
	src.addMembers(10_000)
	var session int64
	src.do(func(tx *sqlx.Tx) error {
		d := newID(tx)
		session = newID(tx)
		if _, err := tx.Exec(`INSERT INTO decisions (id, title, created_at, updated_at) VALUES (?, 'Pricing', ?, ?)`, d, stamp, stamp); err != nil {
			return err
		}
		if _, err := tx.Exec(`INSERT INTO sessions (id, decision_id, title, created_at, updated_at) VALUES (?, ?, 'Interviews', ?, ?)`,
			session, d, stamp, stamp); err != nil {
			return err
		}
		first, err := store.NewIDs(context.Background(), tx, 50_000)
		if err != nil {
			return err
		}
		for i := range int64(50_000) {
			_, err := tx.Exec(`INSERT INTO entries (id, session_id, kind, text, value, created_at, updated_at) VALUES (?, ?, 'note', ?, ?, ?, ?)`,
				first+i, session, fmt.Sprintf("Entry %d: the export takes too long when the board is big.", i), i%5, stamp, stamp)
			if err != nil {
				return err
			}
		}
		return nil
	})
	src.publish()
	log := src.batches[0]
	b.Logf("snapshot: %d changes", len(log))
	b.ResetTimer()
	b.StopTimer()
	for i := 0; i < b.N; i++ {
		to := newReplica(b, i+1)
		res := to.applyTimed(b, log)
		if res.Applied != len(log) || res.Waiting != 0 {
			b.Fatalf("applied %d of %d, %d waiting", res.Applied, len(log), res.Waiting)
		}
	}
}
