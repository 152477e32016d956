package team

import (
	"fmt"
	"os"

	"soundingboard/backend/store"
	"soundingboard/backend/teamfile"
)

// forgottenRow: the number of rows the change log had forgotten
// (sync_forgotten) when this device last looked, in its own team_cursor
// row (see rotatedRow).
const forgottenRow teamfile.Kind = 102

// shredAfterErasure runs after a pass has applied its teammates' files and
// before it writes this device's own. When the log has forgotten someone
// since the last pass (an erasure made on this laptop, or one applied from
// a teammate), SQLite's copies are shredded (store.Shred), and if this
// device's folder holds files sealed under its current key, which may
// carry what was forgotten, it rotates the key: every device then compacts
// under the new key and the old one is destroyed (upkeep), so the copies
// a sync service keeps in its version history can no longer be read. A
// device that has written nothing under its key yet (it adopted the
// eraser's new key at the start of this pass) has nothing to shred in
// the folder: its older files go with the older key.
func (s *Service) shredAfterErasure(me *self, rep *Report) (*self, error) {
	var n uint64
	if err := s.db.GetContext(s.ctx, &n, `SELECT count(*) FROM sync_forgotten`); err != nil {
		return me, fmt.Errorf("forgotten rows: %w", err)
	}
	seen, err := cursorAt(s.ctx, s.db, me.id.ID.String(), forgottenRow)
	if err != nil {
		return me, err
	}
	if n == seen && !rep.forgot {
		return me, nil
	}
	if err := store.Shred(s.ctx, s.db); err != nil {
		return me, fmt.Errorf("after an erasure: %w", err)
	}
	if n != seen {
		sealed, err := s.sealedUnder(me)
		if err != nil {
			return me, err
		}
		if sealed {
			if err := s.Rotate(); err != nil {
				return me, fmt.Errorf("rotate the key after an erasure: %w", err)
			}
			if me, err = loadSelf(s.ctx, s.db); err != nil {
				return me, err
			}
		}
	}
	return me, s.setCursor(s.db, me.id.ID.String(), forgottenRow, n)
}

// sealedUnder reports whether this device's folder holds a segment or a
// snapshot sealed under its current epoch.
func (s *Service) sealedUnder(me *self) (bool, error) {
	entries, err := os.ReadDir(teamfile.Dir(me.Folder, me.id.ID))
	if err != nil && !os.IsNotExist(err) {
		return false, fmt.Errorf("this device's files: %w", err)
	}
	for _, e := range entries {
		h, ok := teamfile.ParseName(e.Name())
		if ok && h.Epoch == me.Epoch && (h.Kind == teamfile.KindSegment || h.Kind == teamfile.KindSnapshot) {
			return true, nil
		}
	}
	return false, nil
}
