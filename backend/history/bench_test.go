package history_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/jmoiron/sqlx"

	"soundingboard/backend/history"
	"soundingboard/backend/store"
	"soundingboard/backend/storetest"
	"soundingboard/backend/team"
)

// BenchmarkRecordHistory reads the history of a member edited 5,000 times
// (10,000 logged field edits, 25 tags put on and taken off), on a board
// of 2,000 members whose log holds every one of them.
func BenchmarkRecordHistory(b *testing.B) {
	db := storetest.Open(b)
	ctx := context.Background()
	const at = "2026-12-01T10:00:00Z"
	var m int64
	err := store.WithTx(ctx, db, func(tx *sqlx.Tx) error {
		first, err := store.NewIDs(ctx, tx, 2025)
		if err != nil {
			return err
		}
		m = first
		for i := range int64(2000) {
			if _, err := tx.Exec(`INSERT INTO members (id, name, email, created_at, updated_at) VALUES (?, ?, ?, ?, ?)`,
				first+i, fmt.Sprintf("Member %d", i), fmt.Sprintf("m%d@example.com", i), at, at); err != nil {
				return err
			}
		}
		for i := range int64(25) {
			if _, err := tx.Exec(`INSERT INTO tags (id, name) VALUES (?, ?)`, first+2000+i, fmt.Sprintf("tag %d", i)); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	if _, err := team.NewService(ctx, db).Create(team.CreateInput{Folder: b.TempDir(), Person: "Ana", Label: "Ana's laptop"}); err != nil {
		b.Fatal(err)
	}
	err = store.WithTx(ctx, db, func(tx *sqlx.Tx) error {
		for i := range 5000 {
			if _, err := tx.Exec(`UPDATE members SET role = ?, updated_at = ? WHERE id = ?`, fmt.Sprintf("Role %d", i), at, m); err != nil {
				return err
			}
			if i%200 == 0 {
				tag := m + 2000 + int64(i/200)
				if _, err := tx.Exec(`INSERT INTO member_tags (member_id, tag_id) VALUES (?, ?)`, m, tag); err != nil {
					return err
				}
			}
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	s := history.NewService(ctx, db)
	b.ResetTimer()
	for b.Loop() {
		hist, err := s.RecordHistory("member", m)
		if err != nil || len(hist) != history.MaxEntries {
			b.Fatalf("%d entries, %v", len(hist), err)
		}
	}
}
