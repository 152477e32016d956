package backup_test

import (
	"bytes"
	"context"
	"errors"
	"log"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"soundingboard/backend/backup"
	"soundingboard/backend/board"
	"soundingboard/backend/store"
)

func setup(t *testing.T) (*backup.Service, *board.Service, string) {
	t.Helper()
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "soundingboard.db")
	db, err := store.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return backup.NewService(ctx, db, path), board.NewService(ctx, db), path
}

func names(ms []board.Member) []string {
	var out []string
	for _, m := range ms {
		out = append(out, m.Name)
	}
	return out
}

// After a restore the other services, which keep their handle on the
// database, see the restored data, search included.
func TestBackUpNowThenRestoreThroughTheServices(t *testing.T) {
	svc, b, path := setup(t)
	if _, err := b.CreateMember(board.MemberInput{Name: "Ada Lovelace", Email: "ada@example.com", Status: "active"}); err != nil {
		t.Fatal(err)
	}
	bak, err := svc.BackupNow()
	if err != nil {
		t.Fatal(err)
	}
	if bak.Kind != store.KindManual || bak.Size == 0 {
		t.Fatalf("backup %+v", bak)
	}
	if _, err := b.CreateMember(board.MemberInput{Name: "Grace Hopper", Status: "active"}); err != nil {
		t.Fatal(err)
	}
	res, err := svc.Restore(bak.Name)
	if err != nil {
		t.Fatal(err)
	}
	if res.SafetyBackup.Kind != store.KindPreRestore {
		t.Fatalf("result %+v", res)
	}
	page, err := b.ListMembers(board.MemberQuery{})
	if err != nil {
		t.Fatal(err)
	}
	if got := names(page.Members); len(got) != 1 || got[0] != "Ada Lovelace" {
		t.Fatalf("members after restore: %v", got)
	}
	page, err = b.ListMembers(board.MemberQuery{Search: "grace"})
	if err != nil || page.Total != 0 {
		t.Fatalf("search finds the removed member: %+v %v", page, err)
	}
	page, err = b.ListMembers(board.MemberQuery{Search: "lovelace"})
	if err != nil || page.Total != 1 {
		t.Fatalf("search after restore: %+v %v", page, err)
	}
	if _, err := b.CreateMember(board.MemberInput{Name: "Grace Hopper", Status: "active"}); err != nil {
		t.Fatalf("write after restore: %v", err)
	}
	list, err := svc.ListBackups()
	if err != nil {
		t.Fatal(err)
	}
	kinds := map[string]int{}
	for _, b := range list {
		kinds[b.Kind]++
	}
	if kinds[store.KindManual] != 1 || kinds[store.KindPreRestore] != 1 {
		t.Fatalf("backups %+v", list)
	}
	loc, err := svc.Location()
	if err != nil || loc.DBPath != path || loc.BackupDir != filepath.Join(filepath.Dir(path), "backups") || loc.SchemaVersion != store.LatestVersion() {
		t.Fatalf("location %+v %v", loc, err)
	}
}

func TestRestoreTakesOnlyNamesInTheBackupsFolder(t *testing.T) {
	svc, _, path := setup(t)
	outside := filepath.Join(filepath.Dir(path), "elsewhere.db")
	if err := os.WriteFile(outside, []byte("x"), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"", "../elsewhere.db", outside, "soundingboard-20250101-000000-manual.db", ".restore-1.tmp"} {
		_, err := svc.Restore(name)
		if !errors.Is(err, store.ErrInvalid) && !errors.Is(err, store.ErrNotFound) {
			t.Errorf("Restore(%q) = %v, want invalid or not found", name, err)
		}
	}
}

func TestKeepDailyBacksUpOnStartAndStopsWithTheContext(t *testing.T) {
	svc, _, path := setup(t)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	var logs bytes.Buffer
	go func() {
		backup.KeepDaily(ctx, svc, time.Hour, log.New(&logs, "", 0))
		close(done)
	}()
	deadline := time.Now().Add(5 * time.Second)
	for {
		list, err := store.ListBackups(context.Background(), path)
		if err != nil {
			t.Fatal(err)
		}
		if len(list) == 1 && list[0].Kind == store.KindDaily {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("no daily backup: %+v (log: %s)", list, logs.String())
		}
		time.Sleep(10 * time.Millisecond)
	}
	cancel()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatal("KeepDaily did not stop")
	}
	if strings.TrimSpace(logs.String()) != "" {
		t.Fatalf("logged: %s", logs.String())
	}
}
