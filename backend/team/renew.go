package team

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"slices"

	"github.com/jmoiron/sqlx"

	"soundingboard/backend/store"
	"soundingboard/backend/teamfile"
)

// A board restored from a backup, or a copy of the database file, is
// behind its own device: the files it would write next, and the ids it
// would hand out next, may already be in the folder and on teammates'
// boards for other changes and rows. So it goes on as a new device, with
// a new identity and a free id range, and the old device vouches for it
// (teamfile.Vouch): teammates who trust the old device let the new one in
// at their next pass, with no invite code. The new device reads the old
// device's files like a teammate's from where the restored board had
// got, so what this laptop wrote to the folder after the backup comes
// back too.
//
// Limit: changes made in the last seconds before the backup that never
// reached the folder stay on this laptop only, logged under the old
// device, which writes no more files.

// AfterRestore makes the restored board db a new device of its team, if
// it is in one. The app calls it after a restore from a backup
// (backup.Restore). It is not a method of Service, which the window and
// browser mode serve: nothing but a restore calls for a new device.
func AfterRestore(ctx context.Context, db *store.DB) error {
	s := NewService(ctx, db)
	me, err := loadSelf(s.ctx, s.db)
	if errors.Is(err, errNoTeam) {
		return nil
	}
	if err != nil {
		return err
	}
	return s.renew(me)
}

// behindItsFiles reports whether this device's folder holds a segment or
// a keys file later than the last one this board recorded: the board is a
// restored backup or a copy, and must not write under that device again.
// (A backup whose later segments were all compacted away since, with no
// rotation, goes unnoticed here: the app's restore calls AfterRestore.)
func (s *Service) behindItsFiles(me *self) (bool, error) {
	entries, err := os.ReadDir(teamfile.Dir(me.Folder, me.id.ID))
	if errors.Is(err, fs.ErrNotExist) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("this device's files: %w", err)
	}
	keys, err := cursorAt(s.ctx, s.db, me.id.ID.String(), teamfile.KindKeys)
	if err != nil {
		return false, err
	}
	for _, e := range entries {
		h, ok := teamfile.ParseName(e.Name())
		if ok && ((h.Kind == teamfile.KindSegment && h.Seq > me.SegmentSeq) || (h.Kind == teamfile.KindKeys && h.Seq > keys)) {
			return true, nil
		}
	}
	return false, nil
}

// renew gives this board a new identity and id range, vouched for by the
// old identity, and reads the old device's files from where it had got.
func (s *Service) renew(me *self) error {
	team, err := devices(s.ctx, s.db)
	if err != nil {
		return err
	}
	i := slices.IndexFunc(team, func(d deviceRow) bool { return d.ID == me.id.ID.String() })
	if i < 0 || team[i].RemovedAt != nil {
		return store.Conflict("this laptop is no longer in the team: join again with an invite code")
	}
	old := team[i]
	id, err := teamfile.NewIdentity()
	if err != nil {
		return err
	}
	id.Name = me.id.Name
	raw, err := id.MarshalBinary()
	if err != nil {
		return err
	}
	return store.WithTx(s.ctx, s.db, func(tx *sqlx.Tx) error {
		slot, err := freeSlot(tx, team)
		if err != nil {
			return err
		}
		ans := answer{Person: old.Person, Vouch: old.ID, Slot: slot}
		if ans.Proof, err = me.id.Vouch(id.Device(), slot); err != nil {
			return err
		}
		body, err := json.Marshal(ans)
		if err != nil {
			return err
		}
		base := slot << 33
		if _, err := tx.ExecContext(s.ctx, `UPDATE sync_self SET device = ?, id_base = ?, next_id = ?, id_limit = ?`,
			id.ID.String(), base, base+1, base+(1<<33)); err != nil {
			return err
		}
		var upto int64
		if err := tx.GetContext(s.ctx, &upto, `SELECT coalesce(max(seq), 0) FROM changes`); err != nil {
			return err
		}
		if _, err := tx.ExecContext(s.ctx, `UPDATE team_self SET identity = ?, segment_seq = 0, segment_from = ?, segment_upto = ?,
			invite_seq = 0, answer = ?`, raw, upto, upto, body); err != nil {
			return err
		}
		// The old device's invitations cannot be let in by the new one.
		if _, err := tx.ExecContext(s.ctx, `DELETE FROM team_invites`); err != nil {
			return err
		}
		// The old device's own bookkeeping rows (rotate.go) would read as a
		// teammate's cursors: from now on it is read like one, from the
		// last segment this board holds.
		if _, err := tx.ExecContext(s.ctx, `DELETE FROM team_cursor WHERE device = ?`, old.ID); err != nil {
			return err
		}
		if err := s.setCursor(tx, old.ID, teamfile.KindSegment, me.SegmentSeq); err != nil {
			return err
		}
		return addDevice(s.ctx, tx, id.Device(), old.Person, slot, old.ID, s.now())
	})
}

// letInSuccessor lets in a device that a trusted teammate's old device
// vouches for (a teammate's laptop restored from a backup).
func (s *Service) letInSuccessor(me *self, team []deviceRow, d teamfile.Device, ans answer, rep *Report) error {
	i := slices.IndexFunc(team, func(r deviceRow) bool { return r.ID == ans.Vouch })
	if i < 0 || team[i].RemovedAt != nil {
		rep.Problems = append(rep.Problems, fmt.Sprintf("device %s says it follows device %s, which is not in the team; it was not let in", d.ID, ans.Vouch))
		return nil
	}
	by, err := team[i].device()
	if err != nil {
		return err
	}
	taken := slices.ContainsFunc(team, func(r deviceRow) bool { return r.Slot == ans.Slot })
	signed := teamfile.CheckVouch(by, d, ans.Slot, ans.Proof) == nil
	if taken || ans.Slot < 1 || ans.Slot >= maxSlot || !signed {
		rep.Problems = append(rep.Problems, fmt.Sprintf("device %s says it follows %s without that device's signature; it was not let in", d.ID, who(team[i])))
		return nil
	}
	err = store.WithTx(s.ctx, s.db, func(tx *sqlx.Tx) error {
		if err := addDevice(s.ctx, tx, d, team[i].Person, ans.Slot, ans.Vouch, s.now()); err != nil {
			return err
		}
		// The key may have been rotated since the backup: wrap it for the
		// new device too.
		return s.announceKeys(tx, me)
	})
	if err != nil {
		return fmt.Errorf("let in %s: %w", d.ID, err)
	}
	rep.Joined = append(rep.Joined, team[i].Person)
	return nil
}
