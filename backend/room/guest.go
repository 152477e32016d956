package room

// Guests: someone not on the session's list joins with a first name. The
// claim waits like any other, and nothing is written until the
// facilitator confirms it, so strangers on the network cannot create
// members. Confirming makes the guest a prospect member and a participant
// (attended) in one transaction; later the board can merge them into the
// member they turn out to be.

import (
	"fmt"
	"strings"
	"time"

	"github.com/jmoiron/sqlx"

	"soundingboard/backend/board"
	"soundingboard/backend/store"
	"soundingboard/backend/valid"
)

// maxGuestName bounds a guest's first name, in characters.
const maxGuestName = 40

// guestName checks and trims the first name a guest typed.
func guestName(typed string) (string, error) {
	name := strings.TrimSpace(typed)
	var p valid.Problems
	p.Text("guestName", name, maxGuestName)
	p.NoControl("guestName", name)
	if err := p.Err(); err != nil {
		return "", err
	}
	return name, nil
}

// addGuest makes a guest named name a member and an attended participant
// of the session, in one transaction, and returns the member's id. The
// source line tells the team where the member came from.
func (r *Rooms) addGuest(sessionID int64, name string) (int64, error) {
	ctx, now, today := r.ctx, r.now().UTC().Format(time.RFC3339), r.now().Format(time.DateOnly)
	var id int64
	err := store.WithTx(ctx, r.db, func(tx *sqlx.Tx) error {
		var title string
		if err := sqlx.GetContext(ctx, tx, &title, `SELECT title FROM sessions WHERE id = ?`, sessionID); err != nil {
			return store.Map(err, fmt.Sprintf("session %d", sessionID))
		}
		var err error
		id, err = board.InsertMember(ctx, tx, board.MemberInput{Name: name, Status: "prospect",
			Source: fmt.Sprintf("Guest in the session “%s”, %s", shortTitle(title), today)}, now)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO participants (session_id, member_id, state) VALUES (?, ?, 'attended')`,
			sessionID, id); err != nil {
			return store.Map(err, "participant")
		}
		_, err = tx.ExecContext(ctx, `UPDATE sessions SET updated_at = ? WHERE id = ?`, now, sessionID)
		return err
	})
	if err != nil {
		return 0, fmt.Errorf("add the guest %s: %w", name, err)
	}
	return id, nil
}
