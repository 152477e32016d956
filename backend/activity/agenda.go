package activity

// The agenda's order: moving, removing and restoring activities, the
// activity on screen and the timers.

import (
	"fmt"
	"slices"

	"github.com/jmoiron/sqlx"

	"soundingboard/backend/store"
	"soundingboard/backend/valid"
)

// Agenda returns a session's agenda: activities in order with their items
// and entry counts, and the removed ones.
func (s *Agendas) Agenda(sessionID int64) (Agenda, error) {
	ag, err := store.Read(s.ctx, s.db, func(q store.Queryer) (Agenda, error) {
		return readAgenda(s.ctx, q, sessionID)
	})
	if err != nil {
		return Agenda{}, fmt.Errorf("agenda of session %d: %w", sessionID, err)
	}
	return ag, nil
}

// MoveActivity moves an activity to position (0 first) on its agenda; a
// position past the end moves it last.
func (s *Agendas) MoveActivity(id int64, position int) (Agenda, error) {
	return s.reorder(id, "move", func(order []int64, at int) ([]int64, error) {
		if position < 0 {
			var p valid.Problems
			p.Add("position", "position %d is out of range (0 or more)", position)
			return nil, p.Err()
		}
		order = append(order[:at], order[at+1:]...)
		return insertAt(order, min(position, len(order)), id), nil
	})
}

// RemoveActivity takes an activity off the agenda, keeping its entries so
// RestoreActivity can bring it back. The window asks first when it holds
// entries. It keeps its old position for the restore.
func (s *Agendas) RemoveActivity(id int64) (Agenda, error) {
	return s.reorder(id, "remove", func(order []int64, at int) ([]int64, error) {
		return append(order[:at], order[at+1:]...), nil
	})
}

// RestoreActivity puts a removed activity back where it was (at the end
// when the agenda has become shorter since).
func (s *Agendas) RestoreActivity(id int64) (Agenda, error) {
	return s.reorder(id, "restore", nil)
}

// reorder changes the order of the agenda an activity is on, in one
// transaction, and renumbers its positions 0..n-1. change gets the ids of
// the agenda in order and the index of the activity, and returns the new
// order; a nil change restores a removed activity. The agenda of a
// finished session is the record of what took place and does not change.
func (s *Agendas) reorder(id int64, verb string, change func(order []int64, at int) ([]int64, error)) (Agenda, error) {
	var sessionID int64
	err := store.WithTx(s.ctx, s.db, func(tx *sqlx.Tx) error {
		a, err := getActivity(s.ctx, tx, id)
		if err != nil {
			return err
		}
		sessionID = a.SessionID
		h, err := headOf(s.ctx, tx, a.SessionID)
		if err != nil {
			return err
		}
		if h.Status == statusFinished {
			return store.Conflict("session %q is finished: its agenda can no longer %s activities", h.Title, verb)
		}
		var order []int64
		if err := sqlx.SelectContext(s.ctx, tx, &order, `SELECT id FROM activities
			WHERE session_id = ? AND removed_at IS NULL ORDER BY position, id`, a.SessionID); err != nil {
			return fmt.Errorf("read agenda: %w", err)
		}
		var current int64 // the activity on screen, which stays on screen
		if len(order) > 0 {
			current = order[clamp(h.CurrentActivity, len(order))]
		}
		at := -1
		for i, o := range order {
			if o == id {
				at = i
			}
		}
		switch {
		case change == nil && !a.Removed:
			return store.Invalid("activity %q is on the agenda, not removed", a.Title)
		case change == nil:
			order = insertAt(order, min(a.Position, len(order)), id)
			if _, err := tx.ExecContext(s.ctx, `UPDATE activities SET removed_at = NULL, updated_at = ? WHERE id = ?`,
				s.stamp(), id); err != nil {
				return fmt.Errorf("restore: %w", err)
			}
		case a.Removed:
			return store.Invalid("activity %q was removed from the agenda: restore it first", a.Title)
		default:
			if order, err = change(order, at); err != nil {
				return err
			}
			if verb == "remove" {
				if _, err := tx.ExecContext(s.ctx, `UPDATE activities SET removed_at = ?, updated_at = ? WHERE id = ?`,
					s.stamp(), s.stamp(), id); err != nil {
					return fmt.Errorf("remove: %w", err)
				}
			}
		}
		if err := renumber(s, tx, order); err != nil {
			return err
		}
		return keepCurrent(s, tx, h, order, current)
	})
	if err != nil {
		return Agenda{}, fmt.Errorf("%s activity %d: %w", verb, id, err)
	}
	return s.Agenda(sessionID)
}

// insertAt inserts id into order at index i.
func insertAt(order []int64, i int, id int64) []int64 {
	order = append(order, 0)
	copy(order[i+1:], order[i:])
	order[i] = id
	return order
}

// renumber gives the activities of order the positions 0..n-1, writing
// only those that change.
func renumber(s *Agendas, tx *sqlx.Tx, order []int64) error {
	for pos, id := range order {
		if _, err := tx.ExecContext(s.ctx, `UPDATE activities SET position = ? WHERE id = ? AND position <> ?`,
			pos, id, pos); err != nil {
			return fmt.Errorf("number activity %d: %w", id, err)
		}
	}
	return nil
}

// keepCurrent points the session's current activity at the one that was
// on screen before the agenda changed; when that one was removed, at
// what now stands in its place.
func keepCurrent(s *Agendas, tx *sqlx.Tx, h sessionHead, order []int64, current int64) error {
	index := clamp(h.CurrentActivity, len(order))
	if i := slices.Index(order, current); i >= 0 {
		index = i
	}
	if index == h.CurrentActivity {
		return nil
	}
	if _, err := tx.ExecContext(s.ctx, `UPDATE sessions SET current_activity = ? WHERE id = ?`, index, h.ID); err != nil {
		return fmt.Errorf("keep the current activity: %w", err)
	}
	return nil
}

// SetCurrent remembers which activity the run view shows (index into the
// agenda). Changing activity starts the run view at its first item.
func (s *Agendas) SetCurrent(sessionID int64, index int) error {
	err := store.WithTx(s.ctx, s.db, func(tx *sqlx.Tx) error {
		h, err := headOf(s.ctx, tx, sessionID)
		if err != nil {
			return err
		}
		var n int
		if err := sqlx.GetContext(s.ctx, tx, &n, `SELECT count(*) FROM activities
			WHERE session_id = ? AND removed_at IS NULL`, sessionID); err != nil {
			return fmt.Errorf("count activities: %w", err)
		}
		var p valid.Problems
		p.Range("index", index, 0, max(n-1, 0))
		if err := p.Err(); err != nil {
			return err
		}
		if index == h.CurrentActivity {
			return nil
		}
		_, err = tx.ExecContext(s.ctx, `UPDATE sessions SET current_activity = ?, current_position = 0 WHERE id = ?`,
			index, sessionID)
		return err
	})
	if err != nil {
		return fmt.Errorf("show activity %d of session %d: %w", index, sessionID, err)
	}
	return nil
}

// AddTime adds seconds (1 to 3600, one tick of the run view's timer or a
// correction) to an activity's timer; returns the total.
func (s *Agendas) AddTime(activityID int64, seconds int) (int, error) {
	var total int
	err := store.WithTx(s.ctx, s.db, func(tx *sqlx.Tx) error {
		var p valid.Problems
		p.Range("seconds", seconds, 1, 3600)
		if err := p.Err(); err != nil {
			return err
		}
		err := sqlx.GetContext(s.ctx, tx, &total, `UPDATE activities SET seconds_spent = seconds_spent + ?
			WHERE id = ? RETURNING seconds_spent`, seconds, activityID)
		return store.Map(err, fmt.Sprintf("activity %d", activityID))
	})
	if err != nil {
		return 0, fmt.Errorf("add time to activity %d: %w", activityID, err)
	}
	return total, nil
}
