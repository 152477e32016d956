package team

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"soundingboard/backend/teamfile"
)

// upkeep runs at the end of a pass, after this device's changes are
// written out: it deletes the files of removed teammates, compacts this
// device's files when due, and destroys the data keys of older epochs
// once the team no longer needs them. A device the team removed does none
// of it: it no longer speaks for the team.
func (s *Service) upkeep(me *self, rep *Report) error {
	removed, err := isRemoved(s.ctx, s.db, me.id.ID.String())
	if err != nil {
		return err
	}
	if removed {
		rep.Problems = append(rep.Problems, "this laptop was removed from the team: teammates no longer take its changes. Leave the team (`team leave`) to keep the board here as your own")
		return nil
	}
	if err := s.handleRemovals(me); err != nil {
		return err
	}
	if err := s.rotateAgainIfLost(me); err != nil {
		return err
	}
	me, err = loadSelf(s.ctx, s.db) // a removal may have rotated the key
	if err != nil {
		return err
	}
	if err := s.writeKeys(me); err != nil {
		return err
	}
	if err := s.compactIfDue(me, rep); err != nil {
		return err
	}
	return s.destroyOldKeys(me, rep)
}

// destroyOldKeys deletes the data keys of epochs before this device's,
// once it has compacted its own files under its epoch and has applied
// every file of its teammates sealed under an older one (a teammate's
// later files come under the new key, in its snapshot or segments). It
// then deletes its older keys files too. Each teammate whose folder still
// holds files under an older key (it has not synced since the rotation)
// is named in the status: those copies stay readable to whoever holds
// that key until it does.
func (s *Service) destroyOldKeys(me *self, rep *Report) error {
	team, err := devices(s.ctx, s.db)
	if err != nil {
		return err
	}
	needed := false
	for _, d := range team {
		if d.ID == me.id.ID.String() || d.RemovedAt != nil {
			continue
		}
		dev, err := teamfile.ParseDeviceID(d.ID)
		if err != nil {
			return err
		}
		files := listFiles(teamfile.Dir(me.Folder, dev))
		if !olderThan(files.segments, me.Epoch) && !olderThan(files.snapshots, me.Epoch) {
			continue
		}
		seen, err := s.lastSeen(d.ID)
		if err != nil {
			return err
		}
		rep.Problems = append(rep.Problems, fmt.Sprintf("%s still keeps copies under the old key in the team folder; last seen %s. They go when that laptop next syncs", who(d), seen))
		for _, c := range []struct {
			kind teamfile.Kind
			hs   []teamfile.Header
		}{{teamfile.KindSegment, files.segments}, {teamfile.KindSnapshot, files.snapshots}} {
			applied, err := cursorAt(s.ctx, s.db, d.ID, c.kind)
			if err != nil {
				return err
			}
			for _, h := range c.hs {
				if h.Epoch < me.Epoch && h.Seq > applied {
					needed = true
				}
			}
		}
	}
	done, err := s.compactedEpoch(me)
	if err != nil || needed || done != me.Epoch {
		return err
	}
	res, err := s.db.ExecContext(s.ctx, `DELETE FROM team_keys WHERE epoch < ?`, me.Epoch)
	if err != nil {
		return fmt.Errorf("destroy old keys: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return nil
	}
	dir := teamfile.Dir(me.Folder, me.id.ID)
	own := listFiles(dir)
	newest := lastSeq(own.keys)
	for _, h := range own.keys {
		if h.Seq < newest {
			if err := os.Remove(filepath.Join(dir, h.Name())); err != nil && !errors.Is(err, fs.ErrNotExist) {
				return fmt.Errorf("destroy old keys: %w", err)
			}
		}
	}
	return nil
}

// lastSeen is when a file of the teammate's was last applied here, as
// the status says it.
func (s *Service) lastSeen(device string) (string, error) {
	var at string
	if err := s.db.GetContext(s.ctx, &at, `SELECT coalesce(max(at), '') FROM team_cursor WHERE device = ?`, device); err != nil {
		return "", fmt.Errorf("last seen: %w", err)
	}
	if at == "" {
		return "never", nil
	}
	t, err := time.Parse(time.RFC3339, at)
	if err != nil {
		return "", fmt.Errorf("last seen: %w", err)
	}
	return t.UTC().Format("2 Jan 2006 15:04 UTC"), nil
}
