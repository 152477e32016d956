package privacy_test

import (
	"context"
	"encoding/json"
	"testing"

	"soundingboard/backend/board"
	"soundingboard/backend/privacy"
	"soundingboard/backend/storetest"
)

// A person's rewards at a session, promised or given, are in their export
// and go with them when they are erased; other people's rewards at the
// same session stay.
func TestErasureRemovesSessionRewards(t *testing.T) {
	ctx := context.Background()
	db := storetest.Open(t)
	b, p := board.NewService(ctx, db), privacy.NewService(ctx, db)
	ana, err := b.CreateMember(board.MemberInput{Name: "Ana Silva"})
	if err != nil {
		t.Fatal(err)
	}
	ben, err := b.CreateMember(board.MemberInput{Name: "Ben"})
	if err != nil {
		t.Fatal(err)
	}
	session := storetest.Session(t, db, "Invoices workshop", map[int64]string{ana.ID: "attended", ben.ID: "attended"})
	idea := storetest.Entry(t, db, session, ana.ID, "idea", "Invoices by email")
	for _, in := range []board.RewardInput{
		{What: "Gift card", ValueCents: 5000, Currency: "EUR", SessionID: session, EntryID: idea, Status: "promised"},
		{What: "Mug", SessionID: session},
	} {
		if _, err := b.AddReward(ana.ID, in); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := b.AddReward(ben.ID, board.RewardInput{What: "Book", SessionID: session, Status: "promised"}); err != nil {
		t.Fatal(err)
	}

	f, err := p.ExportPerson(ana.ID)
	if err != nil {
		t.Fatal(err)
	}
	var export privacy.PersonExport
	if err := json.Unmarshal([]byte(f.Content), &export); err != nil {
		t.Fatal(err)
	}
	if r := export.Rewards; len(r) != 2 || r[0].What != "Gift card" || r[0].Status != "promised" || r[0].GivenOn != "" ||
		r[0].Session != "Invoices workshop" || r[1].Status != "given" || r[1].GivenOn == "" {
		t.Errorf("export rewards %+v, want the promised gift card and the given mug, both of the session", r)
	}

	e, err := p.ErasePerson(ana.ID, "Ana Silva")
	if err != nil {
		t.Fatal(err)
	}
	if e.Rewards != 2 {
		t.Errorf("erasure removed %d rewards, want 2", e.Rewards)
	}
	var left []string
	if err := db.Select(&left, `SELECT what FROM rewards ORDER BY id`); err != nil {
		t.Fatal(err)
	}
	if len(left) != 1 || left[0] != "Book" {
		t.Errorf("rewards after erasure %v, want only Ben's book", left)
	}
	view, err := b.SessionRewards(session)
	if err != nil || len(view.People) != 1 || view.People[0].Name != "Ben" || view.PromisedCents != 0 {
		t.Errorf("session rewards after erasure %+v %v", view, err)
	}
}
