package team

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"soundingboard/backend/store"
	"soundingboard/backend/storetest"
	"soundingboard/backend/teamfile"
)

// newTeam makes a team of laptops sharing folder: the first creates it
// with a few members, the others join with invite codes, and everyone
// syncs until all have everything.
func newTeam(t *testing.T, folder string, people ...string) []*laptop {
	t.Helper()
	ls := make([]*laptop, len(people))
	for i := range people {
		ls[i] = newLaptop(t)
	}
	ls[0].addMember("Ana Lima", "ana@example.com")
	ls[0].addMember("Caio Reis", "caio@example.com")
	if _, err := ls[0].s.Create(CreateInput{Folder: folder, Person: people[0], Label: people[0] + "'s laptop"}); err != nil {
		t.Fatal(err)
	}
	for i, p := range people[1:] {
		inv, err := ls[0].s.Invite(InviteInput{})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := ls[i+1].s.Join(JoinInput{Folder: folder, Code: inv.Code, Person: p, Label: p + "'s laptop"}); err != nil {
			t.Fatal(err)
		}
		ls[0].sync()
	}
	rounds(ls, 2)
	return ls
}

// rounds has every laptop sync, in turn, n times over.
func rounds(ls []*laptop, n int) {
	for range n {
		for _, l := range ls {
			l.sync()
		}
	}
}

// sameBoards fails unless every laptop's board dumps the same.
func sameBoards(t *testing.T, ls ...*laptop) {
	t.Helper()
	want := storetest.Dump(t, ls[0].db)
	for i, l := range ls[1:] {
		if got := storetest.Dump(t, l.db); got != want {
			t.Errorf("laptop %d's board differs from the first's:\n%s\n---\n%s", i+1, got, want)
		}
	}
}

func (l *laptop) self() *self {
	l.t.Helper()
	me, err := loadSelf(context.Background(), l.db)
	if err != nil {
		l.t.Fatal(err)
	}
	return me
}

func (l *laptop) count(query string) int {
	l.t.Helper()
	var n int
	if err := l.db.Get(&n, query); err != nil {
		l.t.Fatal(err)
	}
	return n
}

func (l *laptop) keys() teamfile.Keys {
	l.t.Helper()
	ks, err := keys(context.Background(), l.db)
	if err != nil {
		l.t.Fatal(err)
	}
	return ks
}

func (l *laptop) trust() teamfile.Trust {
	l.t.Helper()
	team, err := devices(context.Background(), l.db)
	if err != nil {
		l.t.Fatal(err)
	}
	tr, err := trust(team)
	if err != nil {
		l.t.Fatal(err)
	}
	return tr
}

// folderFiles counts the sealed files in the team folder and their bytes.
func folderFiles(t testing.TB, folder string, kinds ...teamfile.Kind) (n int, size int64) {
	t.Helper()
	err := filepath.WalkDir(folder, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		h, ok := teamfile.ParseName(d.Name())
		if !ok || (len(kinds) > 0 && !bytes.Contains(kindBytes(kinds), []byte{byte(h.Kind)})) {
			return nil
		}
		st, err := d.Info()
		if err != nil {
			return err
		}
		n++
		size += st.Size()
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return n, size
}

func kindBytes(ks []teamfile.Kind) []byte {
	b := make([]byte, len(ks))
	for i, k := range ks {
		b[i] = byte(k)
	}
	return b
}

// openAll opens every segment and snapshot in the folder as l would,
// and gives the errors by file name.
func openAll(t *testing.T, l *laptop, folder string) map[string]error {
	t.Helper()
	out := map[string]error{}
	tr, ks := l.trust(), l.keys()
	_ = filepath.WalkDir(folder, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		if h, ok := teamfile.ParseName(d.Name()); ok && h.Kind.Encrypted() {
			_, _, err := teamfile.Open(path, tr, ks, l.s.schema)
			out[filepath.Base(filepath.Dir(path))[:6]+"/"+d.Name()] = err
		}
		return nil
	})
	return out
}

func TestARotatedKeyIsAdoptedByAllAndTheOldOneDestroyed(t *testing.T) {
	folder := t.TempDir()
	ls := newTeam(t, folder, "Ana", "Bo", "Cy")
	ana, bo, cy := ls[0], ls[1], ls[2]
	// The sync service's version history keeps a copy of Ana's first segment.
	history := filepath.Join(t.TempDir(), "devices", ana.self().id.ID.String())
	if err := os.MkdirAll(history, 0o700); err != nil {
		t.Fatal(err)
	}
	storetest.CopyFile(t, filepath.Join(teamfile.Dir(folder, ana.self().id.ID), "segment-1-1.sb"), filepath.Join(history, "segment-1-1.sb"))
	old := filepath.Join(history, "segment-1-1.sb")
	if _, _, err := teamfile.Open(old, bo.trust(), bo.keys(), bo.s.schema); err != nil {
		t.Fatalf("before the rotation, Bo cannot read the old copy: %v", err)
	}

	if err := ana.s.Rotate(); err != nil {
		t.Fatal(err)
	}
	// As if Ana's laptop stopped before the keys file was written: her next
	// pass writes it.
	anaDir := teamfile.Dir(folder, ana.self().id.ID)
	keysFiles, _ := filepath.Glob(filepath.Join(anaDir, "keys-0-*.sb"))
	last := filepath.Join(anaDir, fmt.Sprintf("keys-0-%d.sb", len(keysFiles)))
	if err := os.Remove(last); err != nil {
		t.Fatal(err)
	}
	ana.sync()
	if _, err := os.Stat(last); err != nil {
		t.Fatalf("Ana's pass did not write the keys file again: %v", err)
	}
	bo.addMember("Dora Bo", "dora@example.com")
	rounds(ls, 3)

	for i, l := range ls {
		if e := l.self().Epoch; e != 2 {
			t.Errorf("laptop %d writes under epoch %d, want 2", i, e)
		}
		ks := l.keys()
		if _, ok := ks[1]; ok || len(ks) != 1 || !bytes.Equal(ks[2], ana.keys()[2]) {
			t.Errorf("laptop %d holds keys of epochs %v, want only Ana's epoch 2", i, keyEpochs(ks))
		}
		_, _, err := teamfile.Open(old, l.trust(), ks, l.s.schema)
		if !errors.Is(err, teamfile.ErrUnknownEpoch) {
			t.Errorf("laptop %d opens the old copy: %v, want no key for its epoch", i, err)
		}
		st, err := l.s.Status()
		if err != nil || len(st.Problems) != 0 {
			t.Errorf("laptop %d's status: %+v, %v", i, st.Problems, err)
		}
	}
	// Every file left in the folder is under the new key.
	for name, err := range openAll(t, cy, folder) {
		if err != nil || !strings.Contains(name, "-2-") {
			t.Errorf("%s: %v, want a readable file of epoch 2", name, err)
		}
	}
	sameBoards(t, ls...)
}

func TestCompactionShrinksTheFolderAndANewLaptopJoinsFromIt(t *testing.T) {
	folder := t.TempDir()
	ls := newTeam(t, folder, "Ana", "Bo", "Cy")
	ana, bo, cy := ls[0], ls[1], ls[2]
	ids := []int64{ana.addMember("Edu", "edu@example.com"), bo.addMember("Fia", "fia@example.com")}
	// Cy goes offline; Ana and Bo edit across many passes.
	for i := range 40 {
		for j, l := range []*laptop{ana, bo} {
			l.db.MustExec(`UPDATE members SET name = ? WHERE id = ?`, fmt.Sprintf("name %d", i), ids[j])
			l.sync()
		}
	}
	segments, before := folderFiles(t, folder, teamfile.KindSegment, teamfile.KindSnapshot)
	ana.s.compactAfter, bo.s.compactAfter = 10, 10
	rounds([]*laptop{ana, bo}, 1)
	after, afterBytes := folderFiles(t, folder, teamfile.KindSegment, teamfile.KindSnapshot)
	t.Logf("segments and snapshots: %d files, %d bytes before compaction; %d files, %d bytes after", segments, before, after, afterBytes)
	if after > 4 || afterBytes >= before {
		t.Errorf("after compaction the folder has %d files, %d bytes (before: %d, %d)", after, afterBytes, segments, before)
	}
	rounds([]*laptop{ana, bo}, 1) // nothing new: nothing is written again
	if n, _ := folderFiles(t, folder, teamfile.KindSegment, teamfile.KindSnapshot); n != after {
		t.Errorf("a pass with nothing new left %d files, want %d", n, after)
	}
	if n, _ := folderFiles(t, folder, teamfile.KindSnapshot); n != 2 {
		t.Errorf("%d snapshots, want one each for Ana and Bo", n)
	}
	// Cy, offline through it all, catches up from the snapshots.
	if rep := cy.sync(); rep.Files != 2 || len(rep.Problems) > 0 {
		t.Errorf("Cy's pass: %+v", rep)
	}
	sameBoards(t, ana, bo, cy)

	// A new laptop joins from the compacted folder alone.
	dora := newLaptop(t)
	inv, err := bo.s.Invite(InviteInput{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := dora.s.Join(JoinInput{Folder: folder, Code: inv.Code, Person: "Dora"}); err != nil {
		t.Fatal(err)
	}
	all := []*laptop{ana, bo, cy, dora}
	rounds(all, 2)
	if got := dora.memberName(ids[1]); got != "name 39" {
		t.Errorf("the new laptop has %q", got)
	}
	sameBoards(t, all...)
}

func TestTwoLaptopsRotatingAtOnceConverge(t *testing.T) {
	folder := t.TempDir()
	ls := newTeam(t, folder, "Ana", "Bo", "Cy")
	ana, bo := ls[0], ls[1]
	if err := ana.s.Rotate(); err != nil {
		t.Fatal(err)
	}
	if err := bo.s.Rotate(); err != nil {
		t.Fatal(err)
	}
	if bytes.Equal(ana.keys()[2], bo.keys()[2]) {
		t.Fatal("two rotations made one key")
	}
	loser := ana
	if bytes.Compare(ana.keys()[2], bo.keys()[2]) < 0 {
		loser = bo
	}
	// Both write under their own key of epoch 2 before they see the other's.
	ana.addMember("Gil", "gil@example.com")
	bo.addMember("Hana", "hana@example.com")
	ana.sync()
	bo.sync()
	rounds(ls, 3)
	// The smaller key won epoch 2; the laptop whose key lost rotated once
	// more, and everyone holds its key of epoch 3 alone.
	want := loser.keys()[3]
	for i, l := range ls {
		ks := l.keys()
		if len(want) == 0 || !bytes.Equal(ks[3], want) || len(ks) != 1 || l.self().Epoch != 3 {
			t.Errorf("laptop %d is at epoch %d holding epochs %v; want the loser's key of epoch 3 alone", i, l.self().Epoch, keyEpochs(ks))
		}
		if st, _ := l.s.Status(); len(st.Problems) != 0 {
			t.Errorf("laptop %d's problems: %v", i, st.Problems)
		}
	}
	// Every file is readable with the kept key.
	for name, err := range openAll(t, ls[2], folder) {
		if err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
	sameBoards(t, ls...)
}

// Two laptops each remove another at once: whichever key wins, neither
// removed laptop can unwrap the team's key in the end.
func TestTwoRemovalsAtOnceLeaveBothOut(t *testing.T) {
	folder := t.TempDir()
	ls := newTeam(t, folder, "Ana", "Bo", "Cy", "Dan")
	ana, bo, cy, dan := ls[0], ls[1], ls[2], ls[3]
	if _, err := ana.s.Remove(RemoveInput{Device: "Cy"}); err != nil {
		t.Fatal(err)
	}
	if _, err := bo.s.Remove(RemoveInput{Device: "Dan"}); err != nil {
		t.Fatal(err)
	}
	rounds([]*laptop{ana, bo}, 3)
	epoch := ana.self().Epoch
	if !bytes.Equal(ana.keys()[epoch], bo.keys()[epoch]) || len(ana.keys()) != 1 {
		t.Fatalf("Ana and Bo hold epochs %v and %v", keyEpochs(ana.keys()), keyEpochs(bo.keys()))
	}
	keysFiles, _ := filepath.Glob(filepath.Join(folder, "devices", "*", "keys-0-*.sb"))
	for _, path := range keysFiles {
		_, body, err := teamfile.Open(path, ana.trust(), nil, ana.s.schema)
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		for _, gone := range []*laptop{cy, dan} {
			if e, _, err := teamfile.UnwrapKey(body, gone.self().id); err == nil && e == epoch {
				t.Errorf("a removed laptop unwraps the key of epoch %d from %s", e, path)
			}
		}
	}
	sameBoards(t, ana, bo)
}

func TestARemovedLaptopIsShutOutAndItsFilesDeleted(t *testing.T) {
	folder := t.TempDir()
	ls := newTeam(t, folder, "Ana", "Bo", "Cy", "Dan")
	ana, bo, cy, dan := ls[0], ls[1], ls[2], ls[3]
	cyDir := teamfile.Dir(folder, cy.self().id.ID)
	// Cy's last change before the removal reaches Ana; Bo is offline.
	ivo := cy.addMember("Ivo", "ivo@example.com")
	cy.sync()
	ana.sync()

	_, err := ana.s.Remove(RemoveInput{Device: " "})
	storetest.WantErr(t, err, store.ErrInvalid, "device is required")
	_, err = ana.s.Remove(RemoveInput{Device: "Zed"})
	storetest.WantErr(t, err, store.ErrNotFound, `"Zed"`)
	_, err = ana.s.Remove(RemoveInput{Device: "Ana"})
	storetest.WantErr(t, err, store.ErrInvalid, "team leave")
	st, err := ana.s.Remove(RemoveInput{Device: "cy"})
	if err != nil {
		t.Fatal(err)
	}
	if i := slices.IndexFunc(st.Teammates, func(m Teammate) bool { return m.Person == "Cy" }); !st.Teammates[i].Removed || ana.self().Epoch != 2 {
		t.Errorf("after removing Cy: %+v, epoch %d", st.Teammates, ana.self().Epoch)
	}
	if _, err := os.Stat(cyDir); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("Cy's folder is still there: %v", err)
	}
	_, err = ana.s.Remove(RemoveInput{Device: "Cy"})
	storetest.WantErr(t, err, store.ErrConflict, "removed from the team already")

	// Bo learns of the removal (and gets Cy's last change from Ana's
	// snapshot: Cy's own files are gone), and in the same pass still reads
	// the teammates after Cy.
	lia := dan.addMember("Lia", "lia@example.com")
	dan.sync()
	bo.sync()
	if got := bo.memberName(lia); got != "Lia" {
		t.Errorf("Bo's pass stopped at the removed laptop: %q", got)
	}
	// Cy, unaware, goes on: a new member, in a validly signed segment.
	cy.addMember("Mallory", "mallory@example.com")
	if rep := cy.sync(); rep.Written == 0 {
		t.Fatalf("Cy wrote nothing: %+v", rep)
	}
	if n, _ := folderFiles(t, cyDir, teamfile.KindSegment); n == 0 {
		t.Fatal("Cy's segment after the removal is not in the folder")
	}
	rounds([]*laptop{bo, ana, dan}, 2)
	for i, l := range []*laptop{ana, bo, dan} {
		if n := l.count(`SELECT count(*) FROM members WHERE email = 'mallory@example.com'`); n != 0 {
			t.Errorf("laptop %d applied the removed laptop's segment", i)
		}
		if got := l.memberName(ivo); got != "Ivo" {
			t.Errorf("laptop %d lacks Cy's change from before the removal: %q", i, got)
		}
		if _, ok := l.keys()[1]; ok {
			t.Errorf("laptop %d still holds the key Cy had", i)
		}
	}
	if _, err := os.Stat(cyDir); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("Cy's new files are still there: %v", err)
	}
	// Cy cannot read what the team writes now.
	for name, err := range openAll(t, cy, folder) {
		if !errors.Is(err, teamfile.ErrUnknownEpoch) {
			t.Errorf("Cy opens %s: %v", name, err)
		}
	}
	sameBoards(t, ana, bo, dan)

	// A new laptop joins: Cy's change from before the removal is there, the later one is not.
	dora := newLaptop(t)
	inv, err := bo.s.Invite(InviteInput{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := dora.s.Join(JoinInput{Folder: folder, Code: inv.Code, Person: "Dora"}); err != nil {
		t.Fatal(err)
	}
	rounds([]*laptop{ana, bo, dan, dora}, 2)
	sameBoards(t, ana, bo, dan, dora)
}

func TestALaptopThatLeavesIsRotatedOutByTheTeam(t *testing.T) {
	folder := t.TempDir()
	ls := newTeam(t, folder, "Ana", "Bo", "Cy")
	ana, bo, cy := ls[0], ls[1], ls[2]
	boDir := teamfile.Dir(folder, bo.self().id.ID)
	bo.addMember("Jo", "jo@example.com")
	if err := bo.s.Leave(); err != nil {
		t.Fatal(err)
	}
	rounds([]*laptop{ana, cy}, 3)
	if !bytes.Equal(ana.keys()[2], cy.keys()[2]) || len(ana.keys()) != 1 || len(cy.keys()) != 1 {
		t.Errorf("after Bo left: Ana holds epochs %v, Cy %v; want one new key", keyEpochs(ana.keys()), keyEpochs(cy.keys()))
	}
	if _, err := os.Stat(boDir); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("Bo's folder is still there: %v", err)
	}
	sameBoards(t, ana, cy)
	if n := ana.count(`SELECT count(*) FROM members WHERE email = 'jo@example.com'`); n != 1 {
		t.Error("Bo's last change before leaving is lost")
	}
}

func TestATeammateOfflineThroughARotationIsNamedUntilItSyncs(t *testing.T) {
	folder := t.TempDir()
	ls := newTeam(t, folder, "Ana", "Bo", "Cy")
	ana, bo, cy := ls[0], ls[1], ls[2]
	cy.addMember("Kim", "kim@example.com")
	rounds(ls, 1)
	if err := ana.s.Rotate(); err != nil {
		t.Fatal(err)
	}
	rounds([]*laptop{ana, bo}, 2)
	st, err := ana.s.Status()
	if err != nil {
		t.Fatal(err)
	}
	if len(st.Problems) != 1 || !strings.Contains(st.Problems[0], "Cy (Cy's laptop) still keeps copies under the old key") ||
		!strings.Contains(st.Problems[0], "last seen") {
		t.Errorf("Ana's status: %q", st.Problems)
	}
	if _, ok := ana.keys()[1]; ok {
		t.Error("Ana keeps the old key, though she read all of Cy's files")
	}
	cy.sync()
	ana.sync()
	if st, _ := ana.s.Status(); len(st.Problems) != 0 {
		t.Errorf("after Cy synced: %q", st.Problems)
	}
	sameBoards(t, ls...)
}
