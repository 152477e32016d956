package team

import (
	"context"
	"fmt"
	"testing"
	"time"

	"soundingboard/backend/changelog"
	"soundingboard/backend/privacy"
)

// Erasing a person on one laptop erases them on the other through the
// folder, beats an edit the other made offline afterwards, and leaves
// nothing of them in either laptop's record history.
func TestErasureTravelsThroughTheFolder(t *testing.T) {
	folder := t.TempDir()
	ana, bo := newLaptop(t), newLaptop(t)
	erin := ana.addMember("Erin Erased", "erin@x.com")
	ana.addMember("Olga Other", "olga@x.com")
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

	if _, err := privacy.NewService(context.Background(), ana.db).ErasePerson(erin, "Erin Erased"); err != nil {
		t.Fatal(err)
	}
	time.Sleep(5 * time.Millisecond)
	bo.db.MustExec(`UPDATE members SET notes = 'Prefers calls' WHERE id = ?`, erin)
	ana.sync()
	bo.sync()
	ana.sync()

	for _, l := range []*laptop{ana, bo} {
		var n int
		if err := l.db.Get(&n, `SELECT count(*) FROM members WHERE id = ?`, erin); err != nil || n != 0 {
			t.Errorf("the erased member is still on a board (%d, %v)", n, err)
		}
		if err := l.db.Get(&n, `SELECT count(*) FROM changes WHERE value IN ('Erin Erased', 'erin@x.com', 'Prefers calls')`); err != nil || n != 0 {
			t.Errorf("a change log still holds the erased member (%d changes, %v)", n, err)
		}
		h, err := changelog.History(context.Background(), l.db, "members", fmt.Sprintf("[%d]", erin))
		if err != nil || len(h) != 1 {
			t.Errorf("the erased member's history = %+v, %v; want their deletion alone", h, err)
		}
	}
}
