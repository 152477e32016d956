package team

import (
	"context"
	"fmt"
	"os"
	"strings"

	"github.com/jmoiron/sqlx"

	"soundingboard/backend/store"
	"soundingboard/backend/teamfile"
)

// RemoveInput names the laptop to take out of the team: its device id,
// or a person's name (all of that person's laptops).
type RemoveInput struct {
	Device string `json:"device"`
}

// Remove takes a teammate's laptop out of the team, when someone leaves
// it or a laptop is lost: it is marked removed (the mark travels to every
// teammate, who from then on refuses its files and deletes its folder) and
// the data key is rotated without it, so it cannot read what the team
// writes next. This laptop leaves with `team leave` instead.
func (s *Service) Remove(in RemoveInput) (Status, error) {
	want := strings.TrimSpace(in.Device)
	if want == "" {
		return Status{}, store.InvalidFields([]store.Problem{{Field: "device", Message: "device is required: a laptop's device id or a teammate's name, as `team status` shows them"}})
	}
	var names []string
	err := store.WithTx(s.ctx, s.db, func(tx *sqlx.Tx) error {
		me, err := loadSelf(s.ctx, tx)
		if err != nil {
			return err
		}
		team, err := devices(s.ctx, tx)
		if err != nil {
			return err
		}
		var hit []deviceRow
		for _, d := range team {
			if strings.EqualFold(d.ID, want) || strings.EqualFold(d.Person, want) {
				hit = append(hit, d)
			}
		}
		if len(hit) == 0 {
			return store.NotFound("no laptop of the team is %q: give a device id or a teammate's name, as `team status` shows them", want)
		}
		for _, d := range hit {
			switch {
			case d.ID == me.id.ID.String():
				return store.Invalid("%s is this laptop: to take it out of the team, leave the team (`team leave`)", who(d))
			case d.RemovedAt != nil:
				return store.Conflict("%s is removed from the team already", who(d))
			}
			if _, err := tx.ExecContext(s.ctx, `UPDATE team_devices SET removed_at = ? WHERE id = ?`, stamp(s.now()), d.ID); err != nil {
				return err
			}
			names = append(names, who(d))
		}
		return s.rotateTx(tx)
	})
	if err != nil {
		return Status{}, fmt.Errorf("remove %s: %w", want, err)
	}
	if _, err := s.Sync(); err != nil {
		return Status{}, fmt.Errorf("removed %s; the sync after it: %w", strings.Join(names, ", "), err)
	}
	return s.Status()
}

// handleRemovals deletes the folders of removed teammates from the
// shared folder, at every pass (a removed device that writes again is
// deleted again; its files are refused anyway). The removed device's
// changes then travel in its teammates' snapshots: each device that
// learns of a removal compacts once, carrying the changes of removed
// devices it holds (the removal among them, for a device that left). A
// device that left by itself could not rotate the key for the others:
// the first device of the team by id that learns of it does, once.
func (s *Service) handleRemovals(me *self) error {
	team, err := devices(s.ctx, s.db)
	if err != nil {
		return err
	}
	first := ""
	for _, d := range team {
		if d.RemovedAt == nil && (first == "" || d.ID < first) {
			first = d.ID
		}
	}
	for _, d := range team {
		if d.RemovedAt == nil || d.ID == me.id.ID.String() {
			continue
		}
		dev, err := teamfile.ParseDeviceID(d.ID)
		if err != nil {
			return err
		}
		if err := os.RemoveAll(teamfile.Dir(me.Folder, dev)); err != nil {
			return fmt.Errorf("delete the files of removed %s: %w", who(d), err)
		}
		handled, err := cursorAt(s.ctx, s.db, d.ID, teamfile.KindDevice)
		if err != nil {
			return err
		}
		if handled > 0 {
			continue
		}
		left, err := s.leftByItself(d.ID)
		if err != nil {
			return err
		}
		err = store.WithTx(s.ctx, s.db, func(tx *sqlx.Tx) error {
			if left && first == me.id.ID.String() {
				if err := s.rotateTx(tx); err != nil {
					return err
				}
			}
			// Its changes now travel only in the teammates' snapshots:
			// this device compacts, carrying those it holds.
			if err := s.setCursor(tx, me.id.ID.String(), teamfile.KindSnapshot, 0); err != nil {
				return err
			}
			return s.setCursor(tx, d.ID, teamfile.KindDevice, 1)
		})
		if err != nil {
			return fmt.Errorf("removal of %s: %w", who(d), err)
		}
	}
	return nil
}

// leftByItself reports whether the device marked itself removed (`team
// leave`): the last change to its removed_at was its own.
func (s *Service) leftByItself(id string) (bool, error) {
	var by string
	err := s.db.GetContext(s.ctx, &by, `SELECT coalesce((SELECT device FROM change_fields
		WHERE tbl = 'team_devices' AND row_key = json_array(?) AND col = 'removed_at'
		ORDER BY hlc DESC, device DESC LIMIT 1), '')`, id)
	if err != nil {
		return false, fmt.Errorf("who removed %s: %w", id, err)
	}
	return by == id, nil
}

// isRemoved reports whether the device is marked removed from the team.
func isRemoved(ctx context.Context, q store.Queryer, id string) (bool, error) {
	var removed bool
	if err := sqlx.GetContext(ctx, q, &removed, `SELECT count(*) FROM team_devices WHERE id = ? AND removed_at IS NOT NULL`, id); err != nil {
		return false, fmt.Errorf("team devices: %w", err)
	}
	return removed, nil
}
