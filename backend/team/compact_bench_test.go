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
	benchJoins(b, ana, folder, `SELECT count(*) FROM members`, `SELECT count(*) FROM entries`)
}
