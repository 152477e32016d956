package team

import (
	"fmt"

	"github.com/jmoiron/sqlx"

	"soundingboard/backend/store"
)

// Leave takes this laptop out of the team: it tells the team (its device
// is marked removed, so teammates refuse its later files), writes its last
// changes out, and keeps the board here as a board of its own. Its ids
// stay in its range, so nothing it made clashes if it ever joins again
// (as a new device).
func (s *Service) Leave() error {
	me, err := loadSelf(s.ctx, s.db)
	if err != nil {
		return err
	}
	if _, err := s.db.ExecContext(s.ctx, `UPDATE team_devices SET removed_at = ? WHERE id = ?`, stamp(s.now()), me.id.ID.String()); err != nil {
		return fmt.Errorf("leave: %w", err)
	}
	rep, err := s.Sync()
	if err != nil {
		return fmt.Errorf("leave: write the last changes out: %w", err)
	}
	if len(rep.Problems) > 0 && rep.Written == 0 {
		return fmt.Errorf("leave: the last changes could not be written out (%s); nothing was changed here", rep.Problems[0])
	}
	return store.WithTx(s.ctx, s.db, func(tx *sqlx.Tx) error {
		for _, q := range []string{
			`UPDATE sync_self SET capture = 0, device = ''`,
			`DELETE FROM team_devices`,
			`DELETE FROM changes`,
			`DELETE FROM sync_waiting`,
			`DELETE FROM team_held`,
			`DELETE FROM team_cursor`,
			`DELETE FROM team_invites`,
			`DELETE FROM team_keys`,
			`DELETE FROM team_self`,
		} {
			if _, err := tx.ExecContext(s.ctx, q); err != nil {
				return fmt.Errorf("leave: %w", err)
			}
		}
		return nil
	})
}
