package team

import (
	"context"
	"testing"

	"soundingboard/backend/storetest"
	"soundingboard/backend/teamfile"
)

// A new laptop joins the same team as BenchmarkJoinTeam, after the
// creator compacted: it applies one snapshot instead of the segments.
func BenchmarkJoinTeamFromASnapshot(b *testing.B) {
	ctx := context.Background()
	folder := b.TempDir()
	ana := NewService(ctx, storetest.Open(b))
	fillBoard(b, ana.db, 10_000, 50_000)
	if _, err := ana.Create(CreateInput{Folder: folder, Person: "Ana"}); err != nil {
		b.Fatal(err)
	}
	ana.compactAfter = 0
	if _, err := ana.Sync(); err != nil {
		b.Fatal(err)
	}
	ana.compactAfter = compactAfter
	n, size := folderFiles(b, folder, teamfile.KindSegment, teamfile.KindSnapshot)
	b.Logf("team folder: %d segment and snapshot files, %d bytes", n, size)
	b.ResetTimer()
	for range b.N {
		b.StopTimer()
		inv, err := ana.Invite(InviteInput{})
		if err != nil {
			b.Fatal(err)
		}
		bo := NewService(ctx, storetest.Open(b))
		b.StartTimer()
		if _, err := bo.Join(JoinInput{Folder: folder, Code: inv.Code, Person: "Bo"}); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		for _, q := range []string{`SELECT count(*) FROM members`, `SELECT count(*) FROM entries`} {
			var want, got int
			if err := ana.db.Get(&want, q); err != nil {
				b.Fatal(err)
			}
			if err := bo.db.Get(&got, q); err != nil || got != want {
				b.Fatalf("%s: the new laptop has %d (%v), want %d", q, got, err, want)
			}
		}
	}
}
