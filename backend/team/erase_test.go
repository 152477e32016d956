package team

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"soundingboard/backend/changelog"
	"soundingboard/backend/privacy"
	"soundingboard/backend/teamfile"
)

// Erasing a person on one laptop erases them on the others through the
// folder, beats an edit another made offline afterwards, leaves nothing of
// them in any laptop's record history, and shreds the folder: the key is
// rotated, every laptop compacts under the new one, and no file sealed
// under the old key is left or can be read with the keys that remain.
func TestErasureTravelsAndShredsTheFolder(t *testing.T) {
	folder := t.TempDir()
	ls := newTeam(t, folder, "Ana", "Bo", "Cy")
	ana, bo := ls[0], ls[1]
	erin := ana.addMember("Erin Erased", "erin@x.com")
	rounds(ls, 1)
	epoch := ana.self().Epoch
	// A copy of Ana's file that carries Erin, as a sync service's version
	// history would keep it.
	var kept string
	entries, _ := os.ReadDir(teamfile.Dir(folder, ana.self().id.ID))
	for _, e := range entries {
		if h, ok := teamfile.ParseName(e.Name()); ok && h.Kind == teamfile.KindSegment {
			kept = filepath.Join(t.TempDir(), e.Name())
			b, _ := os.ReadFile(filepath.Join(teamfile.Dir(folder, ana.self().id.ID), e.Name()))
			if err := os.WriteFile(kept, b, 0o600); err != nil {
				t.Fatal(err)
			}
		}
	}

	if _, err := privacy.NewService(context.Background(), ana.db).ErasePerson(erin, "Erin Erased"); err != nil {
		t.Fatal(err)
	}
	time.Sleep(5 * time.Millisecond)
	bo.db.MustExec(`UPDATE members SET notes = 'Prefers calls' WHERE id = ?`, erin)
	rounds(ls, 3)

	for i, l := range ls {
		if n := l.count(fmt.Sprintf(`SELECT count(*) FROM members WHERE id = %d`, erin)); n != 0 {
			t.Errorf("laptop %d still has the erased member", i)
		}
		if n := l.count(`SELECT count(*) FROM change_fields WHERE value IN ('Erin Erased', 'erin@x.com', 'Prefers calls')`); n != 0 {
			t.Errorf("laptop %d's change log still holds the erased member (%d changes)", i, n)
		}
		h, err := changelog.History(context.Background(), l.db, "members", fmt.Sprintf("[%d]", erin))
		if err != nil || len(h) != 1 {
			t.Errorf("laptop %d: the erased member's history = %+v, %v; want their deletion alone", i, h, err)
		}
		me := l.self()
		if me.Epoch <= epoch {
			t.Errorf("laptop %d is still on key epoch %d after the erasure", i, me.Epoch)
		}
		ks := l.keys()
		if _, _, err := teamfile.Open(kept, l.trust(), ks, l.s.schema); err == nil {
			t.Errorf("laptop %d can still read an old copy of a file that carried the erased member", i)
		}
	}
	// No file in the folder is sealed under the old key.
	dirs, _ := os.ReadDir(filepath.Join(folder, "devices"))
	for _, d := range dirs {
		files, _ := os.ReadDir(filepath.Join(folder, "devices", d.Name()))
		for _, f := range files {
			if h, ok := teamfile.ParseName(f.Name()); ok && h.Epoch != 0 && h.Epoch <= epoch {
				t.Errorf("%s/%s is still sealed under the old key", d.Name(), f.Name())
			}
		}
	}
	sameBoards(t, ls...)
}
