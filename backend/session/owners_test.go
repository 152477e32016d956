package session

import (
	"testing"

	"soundingboard/backend/store"
	"soundingboard/backend/storetest"
)

func TestActionOwnerOnASharedBoardIsATeammate(t *testing.T) {
	f := newRunFx(t)
	sc := f.scene()
	// Typed before the board was shared: free text, kept as it is.
	old, err := f.s.Syntheses.SaveAction(ActionInput{SessionID: sc.session, Title: "Thank participants", Owner: "Kim from sales"})
	if err != nil {
		t.Fatal(err)
	}
	storetest.InTeam(t, f.db, storetest.Device{Person: "Ana"}, storetest.Device{Person: "Ben"})

	a, err := f.s.Syntheses.SaveAction(ActionInput{SessionID: sc.session, Title: "Draft the plan", Owner: " Ben "})
	if err != nil || a.Owner != "Ben" {
		t.Fatalf("a teammate's action: %+v %v", a, err)
	}
	if _, err := f.s.Syntheses.SaveAction(ActionInput{SessionID: sc.session, Title: "Tell the board"}); err != nil {
		t.Fatalf("nobody in particular: %v", err)
	}
	before := f.rowCounts()
	_, err = f.s.Syntheses.SaveAction(ActionInput{SessionID: sc.session, Title: "Refused", Owner: "Zed"})
	storetest.WantErr(t, err, store.ErrInvalid, `owner "Zed" is not a teammate; choose one of Ana, Ben`)
	_, err = f.s.Syntheses.SaveAction(ActionInput{ID: a.ID, Title: a.Title, Owner: "Kim from sales"})
	storetest.WantErr(t, err, store.ErrInvalid, `owner "Kim from sales" is not a teammate`)
	if after := f.rowCounts(); after != before {
		t.Errorf("rows changed by refused owners: %s -> %s", before, after)
	}
	// Ticking off an action whose owner is not a teammate keeps its owner.
	done, err := f.s.Syntheses.SaveAction(ActionInput{ID: old.ID, Title: old.Title, Owner: old.Owner, Done: true})
	if err != nil || done.Owner != "Kim from sales" || done.DoneOn == "" {
		t.Fatalf("done: %+v %v", done, err)
	}
}
