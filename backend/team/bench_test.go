package team

import (
	"context"
	"fmt"
	"io/fs"
	"path/filepath"
	"testing"
	"time"

	"github.com/jmoiron/sqlx"

	"soundingboard/backend/store"
	"soundingboard/backend/storetest"
)

// fillBoard writes members and entries (on one session) to db, as a board
// brought into a team would hold them.
func fillBoard(tb testing.TB, db *store.DB, members, entries int64) {
	const at = "2026-12-01T10:00:00Z"
	ctx := context.Background()
	err := store.WithTx(ctx, db, func(tx *sqlx.Tx) error {
		first, err := store.NewIDs(ctx, tx, members+entries+2)
		if err != nil {
			return err
		}
		for i := range members {
			_, err := tx.Exec(`INSERT INTO members (id, name, email, company, role, notes, created_at, updated_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, first+i, fmt.Sprintf("Member %d", i), fmt.Sprintf("m%d@example.com", i),
				fmt.Sprintf("Company %d", i%300), "Buyer", "Met at the fair; wants exports.", at, at)
			if err != nil {
				return err
			}
		}
		decision, session := first+members, first+members+1
		if _, err := tx.Exec(`INSERT INTO decisions (id, title, created_at, updated_at) VALUES (?, 'Pricing', ?, ?)`, decision, at, at); err != nil {
			return err
		}
		if _, err := tx.Exec(`INSERT INTO sessions (id, decision_id, title, created_at, updated_at) VALUES (?, ?, 'Interviews', ?, ?)`,
			session, decision, at, at); err != nil {
			return err
		}
		for i := range entries {
			_, err := tx.Exec(`INSERT INTO entries (id, session_id, kind, text, value, created_at, updated_at) VALUES (?, ?, 'note', ?, ?, ?, ?)`,
				first+members+2+i, session, fmt.Sprintf("Entry %d: the export takes too long when the board is big.", i), i%5, at, at)
			if err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		tb.Fatal(err)
	}
}

// A new laptop joins a team whose board has 10,000 members and 50,000
// entries: it applies every segment file of the creator's.
func BenchmarkJoinTeam(b *testing.B) {
	ctx := context.Background()
	folder := b.TempDir()
	ana := NewService(ctx, storetest.Open(b))
	fillBoard(b, ana.db, 10_000, 50_000)
	if _, err := ana.Create(CreateInput{Folder: folder, Person: "Ana"}); err != nil {
		b.Fatal(err)
	}
	var files, size int64
	err := filepath.WalkDir(folder, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		files++
		size += info.Size()
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	b.Logf("team folder: %d files, %d bytes", files, size)
	benchJoins(b, ana, folder, `SELECT count(*) FROM entries`)
}

// benchJoins times b.N new laptops joining ana's team from folder, and
// their processor time (steadier than the clock on a shared machine). Each
// must end with as many rows as ana by every count query.
func benchJoins(b *testing.B, ana *Service, folder string, counts ...string) {
	ctx := context.Background()
	var cpu time.Duration
	var bo *Service
	b.ResetTimer()
	for range b.N {
		b.StopTimer()
		inv, err := ana.Invite(InviteInput{})
		if err != nil {
			b.Fatal(err)
		}
		bo = NewService(ctx, storetest.Open(b))
		b.StartTimer()
		start := cpuTime()
		if _, err := bo.Join(JoinInput{Folder: folder, Code: inv.Code, Person: "Bo"}); err != nil {
			b.Fatal(err)
		}
		cpu += cpuTime() - start
		b.StopTimer()
		for _, q := range counts {
			var want, got int
			if err := ana.db.Get(&want, q); err != nil {
				b.Fatal(err)
			}
			if err := bo.db.Get(&got, q); err != nil || got != want {
				b.Fatalf("%s: the new laptop has %d (%v), want %d", q, got, err, want)
			}
		}
	}
	if cpu > 0 {
		b.ReportMetric(cpu.Seconds()/float64(b.N), "cpu-s/op")
	}
	var log struct {
		Rows   int64 `db:"rows"`
		Fields int64 `db:"fields"`
		Bytes  int64 `db:"bytes"`
	}
	err := bo.db.Get(&log, `SELECT (SELECT count(*) FROM changes) AS rows, (SELECT count(*) FROM change_fields) AS fields,
		(SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()) AS bytes`)
	if err != nil {
		b.Fatal(err)
	}
	b.Logf("the new laptop's log: %d rows for %d changes; its board file: %d bytes", log.Rows, log.Fields, log.Bytes)
}
