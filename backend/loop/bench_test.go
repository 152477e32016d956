package loop

import (
	"context"
	"fmt"
	"testing"
	"time"

	"soundingboard/backend/store"
	"soundingboard/backend/storetest"
)

// benchFx is a board of 2,000 members (a tenth with a cadence) and 20,000
// reminders spread from 60 days ago to 300 days ahead, a quarter done.
func benchFx(b *testing.B) *fx {
	f := newFx(b, "Europe/Berlin", "2026-03-04 14:00")
	ctx := context.Background()
	tx := f.db.MustBegin()
	// The members take ids first, first+1, …; the reminders theirs after.
	first, err := store.NewIDs(ctx, tx, 2000)
	if err != nil {
		b.Fatal(err)
	}
	reminders, err := store.NewIDs(ctx, tx, 20000)
	if err != nil {
		b.Fatal(err)
	}
	for i := 0; i < 2000; i++ {
		var cad any
		if i%10 == 0 {
			cad = 30
		}
		tx.MustExec(`INSERT INTO members (id, name, email, status, contact_cadence_days, joined_on, created_at, updated_at)
			VALUES (?, ?, ?, 'active', ?, '2025-01-01', ?, ?)`, first+int64(i), fmt.Sprintf("Member %d", i), fmt.Sprintf("m%d@example.com", i), cad, stamp, stamp)
		if i%3 != 0 {
			tx.MustExec(`INSERT INTO consents (member_id, kind, granted_on) VALUES (?, 'contact', '2025-01-01')`, first+int64(i))
		}
	}
	base := f.now.Add(-60 * 24 * time.Hour)
	kinds := []string{"thank_you", "share_back", "afterthoughts", "custom", "synthesis"}
	for i := 0; i < 20000; i++ {
		due := base.Add(time.Duration(i) * 26 * time.Minute).Truncate(time.Minute)
		var done any
		if i%4 == 0 {
			done = stamp
		}
		d := due.Format(time.RFC3339)
		tx.MustExec(`INSERT INTO reminders (id, title, kind, due_at, due_utc, scheduled_at, time_zone, member_id, done_at, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, 'Europe/Berlin', ?, ?, ?, ?)`, reminders+int64(i), fmt.Sprintf("Reminder %d", i), kinds[i%5], d, utc(due), d,
			first+int64(i%2000), done, stamp, stamp)
	}
	if err := tx.Commit(); err != nil {
		b.Fatal(err)
	}
	if _, err := f.db.Exec(`ANALYZE`); err != nil {
		b.Fatal(err)
	}
	return f
}

func BenchmarkTicklerViews(b *testing.B) { benchViews(b, benchFx(b)) }

// BenchmarkTicklerViewsShared is the same board shared by two people, a
// third of its reminders mine: the open views sort my follow-ups first.
func BenchmarkTicklerViewsShared(b *testing.B) {
	f := benchFx(b)
	storetest.InTeam(b, f.db, storetest.Device{Person: "Ana"}, storetest.Device{Person: "Ben"})
	f.exec(`UPDATE reminders SET owner = CASE id % 3 WHEN 0 THEN 'Ana' WHEN 1 THEN 'Ben' ELSE '' END`)
	benchViews(b, f)
}

func benchViews(b *testing.B, f *fx) {
	for _, limit := range []int{100, 0} {
		for _, view := range Views {
			b.Run(fmt.Sprintf("%s/limit=%d", view, limit), func(b *testing.B) {
				var n int
				for b.Loop() {
					t, err := f.s.Tickler(TicklerQuery{View: view, Limit: limit})
					if err != nil {
						b.Fatal(err)
					}
					n = len(t.Items)
				}
				b.ReportMetric(float64(n), "items")
			})
		}
	}
}

func BenchmarkBadgeAndNotifications(b *testing.B) {
	f := benchFx(b)
	b.Run("badge", func(b *testing.B) {
		for b.Loop() {
			if _, err := f.s.Badge(); err != nil {
				b.Fatal(err)
			}
		}
	})
	ok(f.s.DueNotifications()).of(b)
	b.Run("due-notifications-idle", func(b *testing.B) {
		for b.Loop() {
			if _, err := f.s.DueNotifications(); err != nil {
				b.Fatal(err)
			}
		}
	})
}
