package team

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"soundingboard/backend/store"
	"soundingboard/backend/storetest"
	"soundingboard/backend/teamfile"
)

// openLaptop opens the board at path as a laptop.
func openLaptop(t *testing.T, path string) *laptop {
	t.Helper()
	db, err := store.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return &laptop{t: t, db: db, s: NewService(context.Background(), db)}
}

// segments lists the segment file names in a device's folder.
func segments(t *testing.T, folder, device string) []string {
	t.Helper()
	entries, _ := os.ReadDir(filepath.Join(folder, "devices", device))
	var out []string
	for _, e := range entries {
		if h, ok := teamfile.ParseName(e.Name()); ok && h.Kind == teamfile.KindSegment {
			out = append(out, e.Name())
		}
	}
	return out
}

// A laptop restored from a backup goes on as a new device: it never
// writes under its old device's names again, hands out ids from a new
// range, gets back what it wrote to the folder after the backup, and its
// teammate lets it in on the old device's word, with no invite code.
func TestRestoredLaptopGoesOnAsANewDevice(t *testing.T) {
	folder := t.TempDir()
	path := filepath.Join(t.TempDir(), "ana.db")
	ana, bo := openLaptop(t, path), newLaptop(t)
	ana.addMember("Ana Lima", "ana@example.com")
	if _, err := ana.s.Create(CreateInput{Folder: folder, Person: "Ana", Label: "Ana's laptop"}); err != nil {
		t.Fatal(err)
	}
	inv, err := ana.s.Invite(InviteInput{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := bo.s.Join(JoinInput{Folder: folder, Code: inv.Code, Person: "Bo", Label: "Bo's laptop"}); err != nil {
		t.Fatal(err)
	}
	ana.sync()
	old := ana.device().String()
	backup := filepath.Join(t.TempDir(), "backup.db")
	ana.db.MustExec(`VACUUM INTO ?`, backup)

	after := ana.addMember("Written after the backup", "after@example.com")
	ana.sync()
	bo.sync()
	oldFiles := segments(t, folder, old)

	// The laptop's disk fails; the backup comes back.
	if err := ana.db.Close(); err != nil {
		t.Fatal(err)
	}
	for _, ext := range []string{"-wal", "-shm"} {
		_ = os.Remove(path + ext)
	}
	storetest.CopyFile(t, backup, path)
	ana = openLaptop(t, path)
	ana.sync()

	if ana.device().String() == old {
		t.Fatal("the restored laptop still writes as its old device")
	}
	if got := ana.memberName(after); got != "Written after the backup" {
		t.Errorf("what the laptop wrote after the backup did not come back: %q", got)
	}
	newer := ana.addMember("Written after the restore", "restore@example.com")
	if newer>>33 == 0 {
		t.Errorf("the restored laptop hands out id %d from its old range", newer)
	}
	ana.sync()
	rep := bo.sync()
	if !slices.Contains(rep.Joined, "Ana") {
		t.Errorf("Bo's pass let in %v, want Ana's new device", rep.Joined)
	}
	if got := bo.memberName(newer); got != "Written after the restore" {
		t.Errorf("Bo has %q", got)
	}
	ana.sync()
	if got := segments(t, folder, old); !slices.Equal(got, oldFiles) {
		t.Errorf("the old device's files changed after the restore: %v, were %v", got, oldFiles)
	}
	if a, b := storetest.Dump(t, ana.db), storetest.Dump(t, bo.db); a != b {
		t.Error("the boards differ after the restore")
	}
	st, err := bo.s.Status()
	if err != nil {
		t.Fatal(err)
	}
	if len(st.Teammates) != 3 {
		t.Errorf("Bo lists %d devices, want Ana's old and new laptop and Bo's", len(st.Teammates))
	}

	// The app's restore says so at once (before the folder has synced):
	// restoring again makes yet another device.
	before := ana.device().String()
	if err := AfterRestore(context.Background(), ana.db); err != nil {
		t.Fatal(err)
	}
	if ana.device().String() == before {
		t.Error("AfterRestore kept the device")
	}
}

// A device that claims to follow a teammate's device without its
// signature is not let in.
func TestForgedSuccessorIsNotLetIn(t *testing.T) {
	folder := t.TempDir()
	ana, bo := newLaptop(t), newLaptop(t)
	if _, err := ana.s.Create(CreateInput{Folder: folder, Person: "Ana"}); err != nil {
		t.Fatal(err)
	}
	mallory, err := teamfile.NewIdentity()
	if err != nil {
		t.Fatal(err)
	}
	other, _ := teamfile.NewIdentity()
	forged, _ := other.Vouch(mallory.Device(), 7) // signed, but not by Ana's device
	body, _ := json.Marshal(answer{Person: "Ana", Vouch: ana.device().String(), Slot: 7, Proof: forged})
	dev, _ := mallory.Device().MarshalBinary()
	for kind, b := range map[teamfile.Kind][]byte{teamfile.KindDevice: dev, teamfile.KindJoin: body} {
		if _, err := teamfile.Write(folder, mallory, teamfile.Header{Kind: kind, Device: mallory.ID, Seq: 1, Schema: store.LatestVersion()}, b, nil); err != nil {
			t.Fatal(err)
		}
	}
	rep := ana.sync()
	if len(rep.Joined) != 0 || !strings.Contains(strings.Join(rep.Problems, "\n"), "without that device's signature") {
		t.Errorf("joined %v, problems %q", rep.Joined, rep.Problems)
	}
	st, _ := ana.s.Status()
	if len(st.Teammates) != 1 {
		t.Errorf("Ana lists %d devices after the forgery, want 1", len(st.Teammates))
	}
	_ = bo
}
