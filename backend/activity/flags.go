package activity

// What the facilitator controls while participants take part from their
// own phones: whether an activity's results are shown to them (revealed),
// whether it still takes their entries (locked), and whether an entry is
// kept off their screens and the projector (hidden).

import (
	"fmt"

	"github.com/jmoiron/sqlx"

	"soundingboard/backend/store"
)

// SetRevealed shows (or stops showing) an activity's results to the room
// and on the projector.
func (s *Agendas) SetRevealed(activityID int64, revealed bool) (Activity, error) {
	return s.setFlag(activityID, "reveal", `UPDATE activities SET revealed = ?, updated_at = ? WHERE id = ?`, revealed)
}

// SetLocked stops (or lets again) the room write entries in an activity.
// The facilitator still can.
func (s *Agendas) SetLocked(activityID int64, locked bool) (Activity, error) {
	return s.setFlag(activityID, "lock", `UPDATE activities SET locked = ?, updated_at = ? WHERE id = ?`, locked)
}

// setFlag runs update (a constant of this package) with the flag, the
// time and the activity's id, and reads the activity back.
func (s *Agendas) setFlag(activityID int64, verb, update string, on bool) (Activity, error) {
	var a Activity
	err := store.WithTx(s.ctx, s.db, func(tx *sqlx.Tx) error {
		if err := store.ExecOne(s.ctx, tx, fmt.Sprintf("activity %d", activityID), update, on, s.stamp(), activityID); err != nil {
			return err
		}
		row, err := getActivity(s.ctx, tx, activityID)
		a = row.Activity
		return err
	})
	if err != nil {
		return Activity{}, fmt.Errorf("%s activity %d: %w", verb, activityID, err)
	}
	return a, nil
}

// HideEntry keeps an entry off participants' screens and the projector
// (or shows it again). It stays in the session, its synthesis and its
// reports: what should go, the facilitator deletes.
func (s *Agendas) HideEntry(entryID int64, hidden bool) (Entry, error) {
	var e Entry
	err := store.WithTx(s.ctx, s.db, func(tx *sqlx.Tx) error {
		if err := store.ExecOne(s.ctx, tx, fmt.Sprintf("entry %d", entryID),
			`UPDATE entries SET hidden = ?, updated_at = ? WHERE id = ?`, hidden, s.stamp(), entryID); err != nil {
			return err
		}
		var err error
		e, err = getEntry(s.ctx, tx, entryID)
		return err
	})
	if err != nil {
		return Entry{}, fmt.Errorf("hide entry %d: %w", entryID, err)
	}
	return e, nil
}
