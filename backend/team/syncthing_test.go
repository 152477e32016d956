package team

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"soundingboard/backend/storetest"
	"soundingboard/backend/teamfile"
)

// TestSyncthingCarriesATeamBetweenTwoLaptops runs the team through a real
// sync engine: two syncthing daemons on loopback replicate Ana's copy of
// the folder (A) and Bo's (B). Nothing is copied by hand: each step waits
// for syncthing to carry the files, and each laptop syncs as the app does,
// pass after pass, until what it waits for is there.
func TestSyncthingCarriesATeamBetweenTwoLaptops(t *testing.T) {
	start := time.Now()
	stA, stB := syncthingPair(t)
	t.Logf("both syncthing daemons ready after %s", time.Since(start).Round(time.Millisecond))
	ana, bo := newLaptop(t), newLaptop(t)
	lima := ana.addMember("Ana Lima", "ana@example.com")
	ana.addMember("Caio Reis", "caio@example.com")

	if _, err := ana.s.Create(CreateInput{Folder: stA.folder, Person: "Ana", Label: "Ana's laptop"}); err != nil {
		t.Fatal(err)
	}
	inv, err := ana.s.Invite(InviteInput{})
	if err != nil {
		t.Fatal(err)
	}
	arrived(t, "Ana's team and invitation", stA, stB, ana)
	if _, err := bo.s.Join(JoinInput{Folder: stB.folder, Code: inv.Code, Person: "Bo", Label: "Bo's laptop"}); err != nil {
		t.Fatal(err)
	}
	if got := bo.memberName(lima); got != "Ana Lima" {
		t.Errorf("Bo's board has member %d as %q after joining", lima, got)
	}

	bo.db.MustExec(`UPDATE members SET name = 'Ana Lima-Souza' WHERE id = ?`, lima)
	dora := bo.addMember("Dora Bo", "dora@example.com")
	bo.sync()
	arrived(t, "Bo's answer and edits", stB, stA, bo)
	var joined []string
	for _, rep := range syncUntil(t, "Ana has Bo's edits", func() bool { return ana.caughtUp(bo) }, ana) {
		joined = append(joined, rep.Joined...)
	}
	if !slices.Equal(joined, []string{"Bo"}) {
		t.Errorf("Ana let in %v, want [Bo]", joined)
	}
	if got := ana.memberName(lima); got != "Ana Lima-Souza" {
		t.Errorf("Ana's board has %q after Bo's edit", got)
	}
	if got := ana.memberName(dora); got != "Dora Bo" {
		t.Errorf("Ana's board has Bo's new member as %q", got)
	}
	arrived(t, "Ana's letting Bo in", stA, stB, ana)
	syncUntil(t, "Bo has Ana's files", func() bool { return bo.caughtUp(ana) }, bo)
	converged(t, ana, bo)

	// Both edit the same name offline; passes on both laptops, with
	// syncthing carrying the files between them, end in one name: the
	// edit with the greatest (clock, device).
	ana.db.MustExec(`UPDATE members SET name = 'Ana L. Souza' WHERE id = ?`, lima)
	bo.db.MustExec(`UPDATE members SET name = 'Ana Souza' WHERE id = ?`, lima)
	want := lastNameWritten(t, lima, ana, bo)
	syncUntil(t, "both boards have each other's edit", func() bool { return ana.caughtUp(bo) && bo.caughtUp(ana) }, ana, bo)
	if a, b := ana.memberName(lima), bo.memberName(lima); a != want || b != want {
		t.Errorf("after concurrent edits Ana has %q and Bo %q, want %q on both", a, b, want)
	}
	converged(t, ana, bo)
	t.Logf("whole test: %s", time.Since(start).Round(time.Millisecond))
}

// arrived waits until syncthing has made l's files in to's folder what
// they are in from's (new files there, removed ones gone), and logs how
// long that took.
func arrived(t *testing.T, what string, from, to *stDaemon, l *laptop) {
	t.Helper()
	dev := l.device()
	took := poll(t, fmt.Sprintf("%s (%s's files) in %s's folder", what, l.name(), to.name), stReady, func() (bool, error) {
		return sameFiles(teamfile.Dir(from.folder, dev), teamfile.Dir(to.folder, dev))
	})
	t.Logf("%s: in %s's folder after %s", what, to.name, took.Round(time.Millisecond))
}

// sameFiles reports whether dirs a and b hold the same team files with
// the same contents; other names (syncthing's and the writer's temporary
// files) do not count.
func sameFiles(a, b string) (bool, error) {
	fa, err := teamFiles(a)
	if err != nil {
		return false, err
	}
	fb, err := teamFiles(b)
	if err != nil || len(fa) != len(fb) {
		return false, err
	}
	for name, data := range fa {
		if other, ok := fb[name]; !ok || !bytes.Equal(data, other) {
			return false, nil
		}
	}
	return true, nil
}

// teamFiles reads the team files in dir; a dir not there yet has none.
func teamFiles(dir string) (map[string][]byte, error) {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	files := map[string][]byte{}
	for _, e := range entries {
		if _, ok := teamfile.ParseName(e.Name()); !ok {
			continue
		}
		data, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			return nil, err // renamed or removed under us: read again
		}
		files[e.Name()] = data
	}
	return files, nil
}

// syncUntil runs sync passes on the laptops in turn, as the app does every
// 10 s, until cond holds, and gives every pass's report.
func syncUntil(t *testing.T, what string, cond func() bool, ls ...*laptop) []Report {
	t.Helper()
	var reps []Report
	took := poll(t, what, stReady, func() (bool, error) {
		for _, l := range ls {
			reps = append(reps, l.sync())
		}
		return cond(), nil
	})
	t.Logf("%s: after %d rounds of passes, %s", what, len(reps)/len(ls), took.Round(time.Millisecond))
	return reps
}

// caughtUp reports whether l has applied every segment file of's has
// written, and of has nothing left to write.
func (l *laptop) caughtUp(of *laptop) bool {
	l.t.Helper()
	var written, applied uint64
	var pending int
	if err := of.db.Get(&written, `SELECT segment_seq FROM team_self`); err != nil {
		l.t.Fatal(err)
	}
	if err := of.db.Get(&pending, `SELECT count(*) FROM changes WHERE device = (SELECT device FROM sync_self)
		AND seq > (SELECT segment_upto FROM team_self)`); err != nil {
		l.t.Fatal(err)
	}
	if err := l.db.Get(&applied, `SELECT coalesce((SELECT seq FROM team_cursor WHERE device = ? AND kind = ?), 0)`,
		of.device().String(), teamfile.KindSegment); err != nil {
		l.t.Fatal(err)
	}
	return pending == 0 && applied == written
}

// converged checks that the two boards hold the same rows and that each
// laptop sees both teammates, with nothing pending and no problems.
func converged(t *testing.T, a, b *laptop) {
	t.Helper()
	for _, l := range []*laptop{a, b} {
		st, err := l.s.Status()
		if err != nil {
			t.Fatal(err)
		}
		if len(st.Teammates) != 2 || st.Pending != 0 || st.Held != 0 || len(st.Problems) != 0 {
			t.Errorf("%s's status: %+v", l.name(), st)
		}
	}
	if da, db := storetest.Dump(t, a.db), storetest.Dump(t, b.db); da != db {
		t.Errorf("the boards differ:\n%s\n---\n%s", da, db)
	}
}

// lastNameWritten is, of the laptops' own latest edits of member id's
// name, the one with the greatest (clock, device): the merge's winner.
func lastNameWritten(t *testing.T, id int64, ls ...*laptop) string {
	t.Helper()
	type edit struct {
		HLC    int64  `db:"hlc"`
		Device string `db:"device"`
		Value  string `db:"value"`
	}
	var last edit
	for _, l := range ls {
		var e edit
		if err := l.db.Get(&e, `SELECT hlc, device, value FROM change_fields WHERE tbl = 'members' AND row_key = json_array(?) AND col = 'name'
			AND device = (SELECT device FROM sync_self) ORDER BY hlc DESC LIMIT 1`, id); err != nil {
			t.Fatalf("%s's edit of member %d: %v", l.name(), id, err)
		}
		if e.HLC > last.HLC || (e.HLC == last.HLC && e.Device > last.Device) {
			last = e
		}
	}
	return last.Value
}

// device is the laptop's team device id.
func (l *laptop) device() teamfile.DeviceID {
	l.t.Helper()
	me, err := loadSelf(l.s.ctx, l.db)
	if err != nil {
		l.t.Fatal(err)
	}
	return me.id.ID
}

// name is the laptop's person, in messages.
func (l *laptop) name() string {
	var person string
	_ = l.db.Get(&person, `SELECT person FROM team_devices WHERE id = (SELECT device FROM sync_self)`)
	return person
}
