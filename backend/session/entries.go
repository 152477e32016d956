package session

// The slots a response's fields are kept in: per item and member, one
// entry per text kind (stance, needs, note) and one per reaction.

import (
	"context"
	"fmt"
	"slices"

	"github.com/jmoiron/sqlx"

	"soundingboard/backend/store"
)

// entrySlot is where the fields of one member's response to one
// assumption go.
type entrySlot struct {
	session int64
	item    assumptionItem
	member  int64
	now     string
}

// setText writes the one entry of kind: updates it when there is one,
// else adds it unless text is empty (nothing to keep).
func (sl entrySlot) setText(ctx context.Context, tx *sqlx.Tx, kind, text string) error {
	var ids []int64
	if err := sqlx.SelectContext(ctx, tx, &ids, `SELECT id FROM entries
		WHERE item_id = ? AND member_id = ? AND kind = ? ORDER BY id LIMIT 1`, sl.item.ItemID, sl.member, kind); err != nil {
		return fmt.Errorf("read %s: %w", kind, err)
	}
	if len(ids) > 0 {
		if _, err := tx.ExecContext(ctx, `UPDATE entries SET text = ?, updated_at = ? WHERE id = ?`,
			text, sl.now, ids[0]); err != nil {
			return fmt.Errorf("save %s: %w", kind, err)
		}
		return nil
	}
	if text == "" {
		return nil
	}
	_, err := sl.add(ctx, tx, kind, text)
	return err
}

// add inserts an entry of kind in the slot and returns its id.
func (sl entrySlot) add(ctx context.Context, tx *sqlx.Tx, kind, text string) (int64, error) {
	id, err := store.NewID(ctx, tx)
	if err != nil {
		return 0, fmt.Errorf("save %s: %w", kind, err)
	}
	_, err = tx.ExecContext(ctx, `INSERT INTO entries
		(id, session_id, activity_id, item_id, member_id, kind, text, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		id, sl.session, sl.item.ActivityID, sl.item.ItemID, sl.member, kind, text, sl.now, sl.now)
	if err != nil {
		return 0, fmt.Errorf("save %s: %w", kind, err)
	}
	return id, nil
}

// setReactions makes the member's reactions exactly want (a set):
// entries of the others go, the missing ones are added.
func (sl entrySlot) setReactions(ctx context.Context, tx *sqlx.Tx, want []string) error {
	var have []struct {
		ID   int64  `db:"id"`
		Text string `db:"text"`
	}
	if err := sqlx.SelectContext(ctx, tx, &have, `SELECT id, text FROM entries
		WHERE item_id = ? AND member_id = ? AND kind = 'reaction' ORDER BY id`, sl.item.ItemID, sl.member); err != nil {
		return fmt.Errorf("read reactions: %w", err)
	}
	var kept []string
	for _, h := range have {
		if slices.Contains(want, h.Text) && !slices.Contains(kept, h.Text) {
			kept = append(kept, h.Text)
			continue
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM entries WHERE id = ?`, h.ID); err != nil {
			return fmt.Errorf("remove reaction %q: %w", h.Text, err)
		}
	}
	for _, r := range want {
		if !slices.Contains(kept, r) {
			if _, err := sl.add(ctx, tx, "reaction", r); err != nil {
				return err
			}
		}
	}
	return nil
}
