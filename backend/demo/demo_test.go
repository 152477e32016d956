package demo_test

import (
	"context"
	"errors"
	"testing"

	"soundingboard/backend/board"
	"soundingboard/backend/demo"
	"soundingboard/backend/loop"
	"soundingboard/backend/session"
	"soundingboard/backend/store"
	"soundingboard/backend/storetest"
	"soundingboard/backend/transcript"
)

func TestLoadFillsBoardAndSessionsOnce(t *testing.T) {
	ctx := context.Background()
	db := storetest.Open(t)
	d := demo.NewService(board.NewService(ctx, db), session.NewPlans(ctx, db), loop.NewService(ctx, db),
		transcript.NewTranscripts(ctx, db))
	r, err := d.Load()
	if err != nil {
		t.Fatal(err)
	}
	if r.Members < 25 || r.Segments != 4 || r.Decisions != 2 || r.Sessions != 7 || r.Reminders == 0 || r.Transcripts != 1 {
		t.Errorf("result %+v", r)
	}
	if _, err := d.Load(); !errors.Is(err, store.ErrConflict) {
		t.Errorf("second load: %v, want a conflict", err)
	}
	var n int
	if err := db.Get(&n, `SELECT count(*) FROM sessions`); err != nil || n != 7 {
		t.Errorf("%d sessions after loading twice, %v", n, err)
	}
}
