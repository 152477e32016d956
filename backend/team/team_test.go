package team

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/jmoiron/sqlx"

	"soundingboard/backend/store"
	"soundingboard/backend/storetest"
	"soundingboard/backend/teamfile"
)

// laptop is one teammate's board in a test.
type laptop struct {
	t  *testing.T
	db *store.DB
	s  *Service
}

func newLaptop(t *testing.T) *laptop {
	db := storetest.Open(t)
	return &laptop{t: t, db: db, s: NewService(context.Background(), db)}
}

// addMember writes a member as the app does, taking the id from the counter.
func (l *laptop) addMember(name, email string) int64 {
	l.t.Helper()
	var id int64
	err := store.WithTx(context.Background(), l.db, func(tx *sqlx.Tx) (err error) {
		if id, err = store.NewID(context.Background(), tx); err != nil {
			return err
		}
		_, err = tx.Exec(`INSERT INTO members (id, name, email, created_at, updated_at) VALUES (?, ?, ?, '2026-12-01T10:00:00Z', '2026-12-01T10:00:00Z')`,
			id, name, email)
		return err
	})
	if err != nil {
		l.t.Fatal(err)
	}
	return id
}

func (l *laptop) memberName(id int64) string {
	l.t.Helper()
	var name string
	if err := l.db.Get(&name, `SELECT name FROM members WHERE id = ?`, id); err != nil {
		l.t.Fatalf("member %d: %v", id, err)
	}
	return name
}

func (l *laptop) sync() Report {
	l.t.Helper()
	rep, err := l.s.Sync()
	if err != nil {
		l.t.Fatalf("sync: %v", err)
	}
	return rep
}

func TestTwoLaptopsShareABoardThroughAFolder(t *testing.T) {
	folder := t.TempDir()
	ana, bo := newLaptop(t), newLaptop(t)
	lima := ana.addMember("Ana Lima", "ana@example.com")
	ana.addMember("Caio Reis", "caio@example.com")

	st, err := ana.s.Create(CreateInput{Folder: folder, Person: "Ana", Label: "Ana's laptop"})
	if err != nil {
		t.Fatal(err)
	}
	if !st.InTeam || len(st.Teammates) != 1 || st.Pending != 0 {
		t.Fatalf("after create: %+v", st)
	}
	dir := filepath.Join(folder, "devices", st.Device)
	for _, name := range []string{"device-0-1.sb", "segment-1-1.sb"} {
		if _, err := os.Stat(filepath.Join(dir, name)); err != nil {
			t.Errorf("create wrote no %s: %v", name, err)
		}
	}
	// Nothing of the board is readable in the folder.
	seg, _ := os.ReadFile(filepath.Join(dir, "segment-1-1.sb"))
	if strings.Contains(string(seg), "Lima") || strings.Contains(string(seg), "ana@example.com") {
		t.Error("the segment file carries a member's name or email in the clear")
	}

	inv, err := ana.s.Invite(InviteInput{})
	if err != nil {
		t.Fatal(err)
	}
	if len(strings.ReplaceAll(inv.Code, "-", "")) != 26 {
		t.Errorf("code %q: want 26 characters (128 bits)", inv.Code)
	}
	// Typed in lower case, with spaces, it still works.
	typed := strings.ToLower(strings.ReplaceAll(inv.Code, "-", " "))
	st, err = bo.s.Join(JoinInput{Folder: folder, Code: typed, Person: "Bo", Label: "Bo's laptop"})
	if err != nil {
		t.Fatal(err)
	}
	if got := bo.memberName(lima); got != "Ana Lima" {
		t.Errorf("Bo's board has member %d as %q", lima, got)
	}

	// Bo edits offline, then syncs; Ana lets Bo in and takes the edit in one pass.
	bo.db.MustExec(`UPDATE members SET name = 'Ana Lima-Souza' WHERE id = ?`, lima)
	boID := bo.addMember("Dora Bo", "dora@example.com")
	if boID>>33 == 0 {
		t.Errorf("Bo's new member has id %d, in the creator's range", boID)
	}
	if rep := bo.sync(); rep.Written == 0 {
		t.Errorf("Bo wrote nothing: %+v", rep)
	}
	rep := ana.sync()
	if len(rep.Joined) != 1 || rep.Joined[0] != "Bo" {
		t.Errorf("Ana let in %v, want [Bo]", rep.Joined)
	}
	if got := ana.memberName(lima); got != "Ana Lima-Souza" {
		t.Errorf("Ana's board has %q after Bo's edit", got)
	}
	if got := ana.memberName(boID); got != "Dora Bo" {
		t.Errorf("Ana's board lacks Bo's new member: %q", got)
	}
	bo.sync()
	for _, l := range []*laptop{ana, bo} {
		st, err := l.s.Status()
		if err != nil {
			t.Fatal(err)
		}
		if len(st.Teammates) != 2 || st.Pending != 0 || len(st.Problems) != 0 {
			t.Errorf("status: %+v", st)
		}
	}
	if a, b := storetest.Dump(t, ana.db), storetest.Dump(t, bo.db); a != b {
		t.Errorf("the boards differ:\n%s\n---\n%s", a, b)
	}
}

func TestAnInviteCodeLetsInOneLaptopOnce(t *testing.T) {
	folder := t.TempDir()
	ana, bo, cy := newLaptop(t), newLaptop(t), newLaptop(t)
	if _, err := ana.s.Create(CreateInput{Folder: folder, Person: "Ana"}); err != nil {
		t.Fatal(err)
	}
	inv, err := ana.s.Invite(InviteInput{Hours: 1})
	if err != nil {
		t.Fatal(err)
	}
	_, err = bo.s.Join(JoinInput{Folder: folder, Code: "AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AA", Person: "Bo"})
	storetest.WantErr(t, err, store.ErrNotFound, "no invitation")
	_, err = bo.s.Join(JoinInput{Folder: folder, Code: "not a code", Person: "Bo"})
	storetest.WantErr(t, err, store.ErrInvalid, "code")
	if st, _ := bo.s.Status(); st.InTeam {
		t.Fatal("a refused join left the board in a team")
	}

	// An expired code is refused by the new laptop.
	bo.s.now = func() time.Time { return time.Now().Add(2 * time.Hour) }
	_, err = bo.s.Join(JoinInput{Folder: folder, Code: inv.Code, Person: "Bo"})
	storetest.WantErr(t, err, store.ErrInvalid, "expired")
	bo.s.now = time.Now

	if _, err := bo.s.Join(JoinInput{Folder: folder, Code: inv.Code, Person: "Bo"}); err != nil {
		t.Fatal(err)
	}
	ana.sync() // lets Bo in; the invitation is spent and its file removed
	_, err = cy.s.Join(JoinInput{Folder: folder, Code: inv.Code, Person: "Cy"})
	storetest.WantErr(t, err, store.ErrNotFound, "no invitation")

	// A board with data of its own cannot join.
	inv2, err := ana.s.Invite(InviteInput{})
	if err != nil {
		t.Fatal(err)
	}
	cy.addMember("Someone", "someone@example.com")
	_, err = cy.s.Join(JoinInput{Folder: folder, Code: inv2.Code, Person: "Cy"})
	storetest.WantErr(t, err, store.ErrConflict, "not empty")
}

func TestAStrangerWithoutTheCodeIsNotLetIn(t *testing.T) {
	folder := t.TempDir()
	ana, bo, eve := newLaptop(t), newLaptop(t), newLaptop(t)
	if _, err := ana.s.Create(CreateInput{Folder: folder, Person: "Ana"}); err != nil {
		t.Fatal(err)
	}
	inv, err := ana.s.Invite(InviteInput{})
	if err != nil {
		t.Fatal(err)
	}
	// Eve has the folder (a shared drive) but not the code: she writes a
	// device, an answer with a made-up proof, and a segment.
	id, _ := teamfile.NewIdentity()
	devBody, _ := id.Device().MarshalBinary()
	if _, err := teamfile.Write(folder, id, teamfile.Header{Kind: teamfile.KindDevice, Device: id.ID, Seq: 1, Schema: store.LatestVersion()}, devBody, nil); err != nil {
		t.Fatal(err)
	}
	me, _ := loadSelf(context.Background(), ana.db)
	fake := []byte(`{"invite":1,"inviter":"` + me.id.ID.String() + `","person":"Eve","proof":"AAAA"}`)
	if _, err := teamfile.Write(folder, id, teamfile.Header{Kind: teamfile.KindJoin, Device: id.ID, Seq: 1, Schema: store.LatestVersion()}, fake, nil); err != nil {
		t.Fatal(err)
	}
	rep := ana.sync()
	if len(rep.Joined) != 0 || len(rep.Problems) != 1 || !strings.Contains(rep.Problems[0], "without its code") {
		t.Errorf("after Eve's answer: %+v", rep)
	}
	_ = eve
	// The real invitee still gets in with the code: Eve's attempt did not spend it.
	if _, err := bo.s.Join(JoinInput{Folder: folder, Code: inv.Code, Person: "Bo"}); err != nil {
		t.Fatal(err)
	}
	if rep := ana.sync(); len(rep.Joined) != 1 {
		t.Errorf("Bo was not let in: %+v", rep)
	}
}

// A laptop killed between joining and writing its answer writes it at its
// next pass, and is let in then.
func TestAJoinCutShortAnswersAtTheNextPass(t *testing.T) {
	folder := t.TempDir()
	ana, bo := newLaptop(t), newLaptop(t)
	if _, err := ana.s.Create(CreateInput{Folder: folder, Person: "Ana"}); err != nil {
		t.Fatal(err)
	}
	inv, err := ana.s.Invite(InviteInput{})
	if err != nil {
		t.Fatal(err)
	}
	st, err := bo.s.Join(JoinInput{Folder: folder, Code: inv.Code, Person: "Bo"})
	if err != nil {
		t.Fatal(err)
	}
	// As if the join had stopped after its transaction: no files of Bo's yet.
	if err := os.RemoveAll(filepath.Join(folder, "devices", st.Device)); err != nil {
		t.Fatal(err)
	}
	if rep := ana.sync(); len(rep.Joined) != 0 {
		t.Fatalf("Ana let in a device with no answer: %+v", rep)
	}
	bo.sync()
	if rep := ana.sync(); len(rep.Joined) != 1 || rep.Joined[0] != "Bo" {
		t.Errorf("after Bo's next pass, Ana let in %v", rep.Joined)
	}
}

// A teammate on a newer version: their files are held, and the status
// says to update, until this laptop understands them.
func TestAFileFromANewerVersionIsHeldWithAHintToUpdate(t *testing.T) {
	folder := t.TempDir()
	ana, bo := newLaptop(t), newLaptop(t)
	lima := ana.addMember("Ana Lima", "ana@example.com")
	if _, err := ana.s.Create(CreateInput{Folder: folder, Person: "Ana", Label: "Ana's laptop"}); err != nil {
		t.Fatal(err)
	}
	inv, err := ana.s.Invite(InviteInput{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := bo.s.Join(JoinInput{Folder: folder, Code: inv.Code, Person: "Bo"}); err != nil {
		t.Fatal(err)
	}
	ana.db.MustExec(`UPDATE members SET name = 'Ana Lima-Souza' WHERE id = ?`, lima)
	ana.s.schema++ // Ana's app is one version ahead
	ana.sync()
	rep := bo.sync()
	if rep.Applied != 0 || len(rep.Problems) != 1 || !strings.Contains(rep.Problems[0], "Ana (Ana's laptop) uses a newer Sounding Board: update") {
		t.Errorf("Bo's pass: %+v", rep)
	}
	if got := bo.memberName(lima); got != "Ana Lima" {
		t.Errorf("Bo applied a newer version's change: %q", got)
	}
	bo.s.schema++ // Bo updates
	if rep := bo.sync(); rep.Applied == 0 || len(rep.Problems) != 0 {
		t.Errorf("after the update: %+v", rep)
	}
	if got := bo.memberName(lima); got != "Ana Lima-Souza" {
		t.Errorf("after the update Bo has %q", got)
	}
}
