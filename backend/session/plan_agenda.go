package session

// The plan's assumptions live on the session's agenda: they are the items
// of its assumption check (an activity of kind assumption_check). These
// helpers write them there and copy an agenda.

import (
	"context"
	"fmt"
	"slices"

	"github.com/jmoiron/sqlx"

	"soundingboard/backend/store"
)

// firstCheck is the id of the session's first assumption check still on
// the agenda, 0 when it has none: the one the plan's assumption list edits.
func firstCheck(ctx context.Context, q store.Queryer, sessionID int64) (int64, error) {
	var ids []int64
	if err := sqlx.SelectContext(ctx, q, &ids, `SELECT id FROM activities
		WHERE session_id = ? AND kind = 'assumption_check' AND removed_at IS NULL
		ORDER BY position, id LIMIT 1`, sessionID); err != nil {
		return 0, fmt.Errorf("assumption check of session %d: %w", sessionID, err)
	}
	if len(ids) == 0 {
		return 0, nil
	}
	return ids[0], nil
}

// checkAssumptions lists the assumptions of one assumption check, in order.
func checkAssumptions(ctx context.Context, q store.Queryer, activityID int64) ([]int64, error) {
	var ids []int64
	if err := sqlx.SelectContext(ctx, q, &ids, `SELECT assumption_id FROM activity_items
		WHERE activity_id = ? AND role = 'assumption' ORDER BY position, id`, activityID); err != nil {
		return nil, fmt.Errorf("assumptions of activity %d: %w", activityID, err)
	}
	return ids, nil
}

// checkRemovable refuses to take out of session id's first assumption
// check an assumption that has responses, quotes or a verdict there.
func checkRemovable(ctx context.Context, q store.Queryer, id int64, keep []int64) error {
	check, err := firstCheck(ctx, q, id)
	if err != nil || check == 0 {
		return err
	}
	current, err := checkAssumptions(ctx, q, check)
	if err != nil {
		return err
	}
	for _, a := range current {
		if slices.Contains(keep, a) {
			continue
		}
		why, err := recorded(ctx, q, `session_id = ? AND assumption_id = ?`, id, a)
		if err != nil {
			return err
		}
		if why != "" {
			return store.Invalid("assumptionIds: assumption %d has %s in this session; it can't be taken out", a, why)
		}
	}
	return nil
}

// setSessionAssumptions makes the assumptions of the session's first
// assumption check exactly ids, in that order (positions 0, 1, …), keeping
// the time already spent on those that stay. A session tests an
// assumption once: one that another assumption check of the session holds
// stays there. With no assumption check and assumptions to test, one is
// put first on the agenda.
func setSessionAssumptions(ctx context.Context, tx *sqlx.Tx, id int64, ids []int64, now string) error {
	var elsewhere []int64
	check, err := firstCheck(ctx, tx, id)
	if err != nil {
		return err
	}
	if err := sqlx.SelectContext(ctx, tx, &elsewhere, `SELECT assumption_id FROM assumption_items
		WHERE session_id = ? AND activity_id <> ?`, id, check); err != nil {
		return fmt.Errorf("session assumptions: %w", err)
	}
	want := make([]int64, 0, len(ids))
	for _, a := range ids {
		if !slices.Contains(elsewhere, a) {
			want = append(want, a)
		}
	}
	if check == 0 {
		if len(want) == 0 {
			return nil
		}
		if check, err = addCheck(ctx, tx, id, now); err != nil {
			return err
		}
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM activity_items WHERE activity_id = ? AND role = 'assumption'
		AND assumption_id NOT IN (SELECT value FROM json_each(?))`, check, jsonIDs(want)); err != nil {
		return fmt.Errorf("session assumptions: %w", err)
	}
	current, err := checkAssumptions(ctx, tx, check)
	if err != nil {
		return err
	}
	for pos, a := range want {
		if slices.Contains(current, a) {
			_, err = tx.ExecContext(ctx, `UPDATE activity_items SET position = ?
				WHERE activity_id = ? AND role = 'assumption' AND assumption_id = ?`, pos, check, a)
		} else {
			var item int64
			if item, err = store.NewID(ctx, tx); err != nil {
				return err
			}
			_, err = tx.ExecContext(ctx, `INSERT INTO activity_items (id, activity_id, role, position, assumption_id)
				VALUES (?, ?, 'assumption', ?, ?)`, item, check, pos, a)
		}
		if err != nil {
			return store.Map(err, fmt.Sprintf("assumption %d in session %d", a, id))
		}
	}
	return nil
}

// addCheck puts an empty assumption check first on a session's agenda.
func addCheck(ctx context.Context, tx *sqlx.Tx, sessionID int64, now string) (int64, error) {
	if _, err := tx.ExecContext(ctx, `UPDATE activities SET position = position + 1 WHERE session_id = ?`,
		sessionID); err != nil {
		return 0, fmt.Errorf("make room for the assumption check: %w", err)
	}
	id, err := store.NewID(ctx, tx)
	if err != nil {
		return 0, err
	}
	_, err = tx.ExecContext(ctx, `INSERT INTO activities (id, session_id, position, kind, title, created_at, updated_at)
		VALUES (?, ?, 0, 'assumption_check', 'Assumption check', ?, ?)`, id, sessionID, now, now)
	if err != nil {
		return 0, fmt.Errorf("add the assumption check: %w", err)
	}
	return id, nil
}

// copyAgenda copies the activities still on session from's agenda, with
// their items, to session to: no time spent, no entries.
func copyAgenda(ctx context.Context, tx *sqlx.Tx, from, to int64, now string) error {
	var acts []int64
	if err := sqlx.SelectContext(ctx, tx, &acts, `SELECT id FROM activities
		WHERE session_id = ? AND removed_at IS NULL ORDER BY position, id`, from); err != nil {
		return fmt.Errorf("read agenda: %w", err)
	}
	for pos, a := range acts {
		id, err := store.NewID(ctx, tx)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO activities
			(id, session_id, position, kind, title, prompt, minutes, scale, dots, created_at, updated_at)
			SELECT ?, ?, ?, kind, title, prompt, minutes, scale, dots, ?, ? FROM activities WHERE id = ?`,
			id, to, pos, now, now, a); err != nil {
			return fmt.Errorf("copy activity %d: %w", a, err)
		}
		var n int64
		if err := sqlx.GetContext(ctx, tx, &n, `SELECT count(*) FROM activity_items WHERE activity_id = ?`, a); err != nil {
			return fmt.Errorf("copy the items of activity %d: %w", a, err)
		}
		if n == 0 {
			continue
		}
		// The copies take ids first, first+1, … in the order of the originals.
		first, err := store.NewIDs(ctx, tx, n)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO activity_items (id, activity_id, role, position, assumption_id, text)
			SELECT ? + row_number() OVER (ORDER BY id) - 1, ?, role, position, assumption_id, text
			FROM activity_items WHERE activity_id = ? ORDER BY id`,
			first, id, a); err != nil {
			return fmt.Errorf("copy the items of activity %d: %w", a, err)
		}
	}
	return nil
}
