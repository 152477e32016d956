package team

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"

	"github.com/jmoiron/sqlx"

	"soundingboard/backend/store"
	"soundingboard/backend/teamfile"
)

// This device's own rows of team_cursor (no teammate reads its own files,
// so the rows are free) record its upkeep, so that a crash between a
// database write and a file write is mended at the next pass:
//
//   - (me, keys): the seq of its last keys file, recorded before the file
//     is written; a pass writes it when it is not in the folder.
//   - (me, snapshot): the epoch its files are all sealed under (its
//     compaction under that epoch is done); 0 after the data key of its
//     epoch changed under it, so it compacts again.
//   - (me, segment): the last of its segments its snapshot covers.
//
// For a removed teammate, (device, device) = 1 says its removal was
// handled here (see handleRemovals). Two rows of this device's use kinds
// no file has:
const (
	// rotatedRow: the last epoch this device made by rotating.
	rotatedRow teamfile.Kind = 100
	// rotateAgainRow = 1: that rotation lost to one made at once
	// elsewhere; this device rotates again (see adoptKey).
	rotateAgainRow teamfile.Kind = 101
)

// cursorAt is the seq team_cursor holds for device and kind (0: none).
func cursorAt(ctx context.Context, q store.Queryer, device string, kind teamfile.Kind) (uint64, error) {
	var seq uint64
	err := sqlx.GetContext(ctx, q, &seq, `SELECT coalesce((SELECT seq FROM team_cursor WHERE device = ? AND kind = ?), 0)`, device, kind)
	if err != nil {
		return 0, fmt.Errorf("cursor of %s %s: %w", device, kind, err)
	}
	return seq, nil
}

// setCursor records seq for device and kind.
func (s *Service) setCursor(q store.Queryer, device string, kind teamfile.Kind, seq uint64) error {
	_, err := q.ExecContext(s.ctx, `INSERT INTO team_cursor (device, kind, seq, at) VALUES (?, ?, ?, ?)
		ON CONFLICT (device, kind) DO UPDATE SET seq = excluded.seq, at = excluded.at`, device, kind, seq, stamp(s.now()))
	if err != nil {
		return fmt.Errorf("cursor of %s %s: %w", device, kind, err)
	}
	return nil
}

// Rotate starts a new key epoch: a fresh data key, wrapped for every
// device of the team that is not removed and announced in this device's
// next keys file. From then on this device writes under it, compacts its
// own files under it, and destroys the older keys once the team no longer
// needs them, so copies of old files (kept by the sync service's version
// history, say) can no longer be read. Removing a device rotates the key.
func (s *Service) Rotate() error {
	if err := store.WithTx(s.ctx, s.db, s.rotateTx); err != nil {
		return fmt.Errorf("rotate the key: %w", err)
	}
	me, err := loadSelf(s.ctx, s.db)
	if err != nil {
		return err
	}
	return s.writeKeys(me)
}

// rotateTx records a new epoch and its key, and the keys file that will
// announce it; writeKeys writes that file.
func (s *Service) rotateTx(tx *sqlx.Tx) error {
	me, err := loadSelf(s.ctx, tx)
	if err != nil {
		return err
	}
	var newest uint32
	if err := tx.GetContext(s.ctx, &newest, `SELECT coalesce(max(epoch), 0) FROM team_keys`); err != nil {
		return err
	}
	epoch := max(newest, me.Epoch) + 1
	if _, err := tx.ExecContext(s.ctx, `INSERT INTO team_keys (epoch, key) VALUES (?, ?)`, epoch, teamfile.NewDataKey()); err != nil {
		return err
	}
	if _, err := tx.ExecContext(s.ctx, `UPDATE team_self SET epoch = ?`, epoch); err != nil {
		return err
	}
	if err := s.setCursor(tx, me.id.ID.String(), rotatedRow, uint64(epoch)); err != nil {
		return err
	}
	if err := s.setCursor(tx, me.id.ID.String(), rotateAgainRow, 0); err != nil {
		return err
	}
	return s.announceKeys(tx, me)
}

// rotateAgainIfLost rotates once more when this device's last rotation
// lost to another made at once: the kept key was wrapped by a device
// that may not have known of the removal this one rotated for. The new
// rotation leaves out every device removed by then.
func (s *Service) rotateAgainIfLost(me *self) error {
	again, err := cursorAt(s.ctx, s.db, me.id.ID.String(), rotateAgainRow)
	if err != nil || again == 0 {
		return err
	}
	return s.Rotate()
}

// announceKeys records that this device owes the team a keys file for its
// epoch (written by writeKeys, after the transaction).
func (s *Service) announceKeys(q store.Queryer, me *self) error {
	seq, err := cursorAt(s.ctx, q, me.id.ID.String(), teamfile.KindKeys)
	if err != nil {
		return err
	}
	return s.setCursor(q, me.id.ID.String(), teamfile.KindKeys, seq+1)
}

// writeKeys writes this device's last recorded keys file, unless it is in
// the folder: the data key of its epoch, wrapped for every device of the
// team that is not removed.
func (s *Service) writeKeys(me *self) error {
	seq, err := cursorAt(s.ctx, s.db, me.id.ID.String(), teamfile.KindKeys)
	if err != nil || seq == 0 {
		return err
	}
	h := s.header(me, teamfile.KindKeys, 0, seq)
	if _, err := os.Stat(filepath.Join(teamfile.Dir(me.Folder, me.id.ID), h.Name())); err == nil {
		return nil
	}
	team, err := devices(s.ctx, s.db)
	if err != nil {
		return err
	}
	var to []teamfile.Device
	for _, d := range team {
		if d.RemovedAt != nil {
			continue
		}
		dev, err := d.device()
		if err != nil {
			return err
		}
		to = append(to, dev)
	}
	ks, err := keys(s.ctx, s.db)
	if err != nil {
		return err
	}
	body, err := teamfile.WrapKey(ks[me.Epoch], me.Epoch, to)
	if err != nil {
		return fmt.Errorf("keys file %d: %w", seq, err)
	}
	if _, err := teamfile.Write(me.Folder, me.id, h, body, nil); err != nil && !errors.Is(err, fs.ErrExist) {
		return fmt.Errorf("write keys file %d: %w", seq, err)
	}
	return nil
}

// readKeys takes the data keys the teammates' new keys files carry for
// this device. A newer epoch is adopted: this device writes under it from
// then on. Two devices that rotated at once announce two keys for one
// epoch; every device keeps the smaller (bytewise), so all end with the
// same one, and a device whose own epoch's key was replaced compacts its
// files again under the kept one. The device whose key lost rotates
// again.
func (s *Service) readKeys(me *self, rep *Report) error {
	team, tr, err := teamTrust(s.ctx, s.db)
	if err != nil {
		return err
	}
	for _, d := range team {
		if d.ID == me.id.ID.String() || d.RemovedAt != nil {
			continue
		}
		if err := s.readDeviceKeys(me, d, tr, rep); err != nil {
			return err
		}
	}
	return nil
}

func (s *Service) readDeviceKeys(me *self, d deviceRow, tr teamfile.Trust, rep *Report) error {
	dev, _ := teamfile.ParseDeviceID(d.ID)
	dir := teamfile.Dir(me.Folder, dev)
	last, err := cursorAt(s.ctx, s.db, d.ID, teamfile.KindKeys)
	if err != nil {
		return err
	}
	var seqs []uint64
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if h, ok := teamfile.ParseName(e.Name()); ok && h.Kind == teamfile.KindKeys && h.Seq > last {
			seqs = append(seqs, h.Seq)
		}
	}
	slices.Sort(seqs)
	// Older keys files may be gone (a device keeps only its last), so the
	// seqs may skip: each one read is marked, and none is read twice.
	for _, seq := range seqs {
		name := teamfile.Header{Kind: teamfile.KindKeys, Device: dev, Seq: seq, Schema: s.schema}.Name()
		_, body, err := teamfile.Open(filepath.Join(dir, name), tr, nil, s.schema)
		if err != nil {
			// A newer app's file waits; reading their segments says so.
			if teamfile.ActionOf(err) != teamfile.Retry && !errors.Is(err, teamfile.ErrNewerSchema) {
				rep.Problems = append(rep.Problems, fmt.Sprintf("%s's file %s: %v", who(d), name, reason(err)))
			}
			return nil
		}
		epoch, key, err := teamfile.UnwrapKey(body, me.id)
		if err != nil && !errors.Is(err, teamfile.ErrNotRecipient) {
			rep.Problems = append(rep.Problems, fmt.Sprintf("%s's file %s: %v", who(d), name, err))
			return nil
		}
		err = store.WithTx(s.ctx, s.db, func(tx *sqlx.Tx) error {
			if key != nil {
				if err := s.adoptKey(tx, me, epoch, key); err != nil {
					return err
				}
			}
			return s.setCursor(tx, d.ID, teamfile.KindKeys, seq)
		})
		if err != nil {
			return fmt.Errorf("%s's keys file %d: %w", who(d), seq, err)
		}
	}
	return nil
}

// adoptKey keeps the data key of an epoch, unless this device holds a
// smaller one for it, or the epoch is older than every key it holds
// (its key was destroyed here: it is not brought back).
func (s *Service) adoptKey(tx *sqlx.Tx, me *self, epoch uint32, key []byte) error {
	ks, err := keys(s.ctx, tx)
	if err != nil {
		return err
	}
	held, ok := ks[epoch]
	switch {
	case ok && bytes.Compare(key, held) >= 0:
		return nil
	case !ok && len(ks) > 0 && epoch < slices.Min(keyEpochs(ks)):
		return nil
	}
	if _, err := tx.ExecContext(s.ctx, `INSERT INTO team_keys (epoch, key) VALUES (?, ?)
		ON CONFLICT (epoch) DO UPDATE SET key = excluded.key`, epoch, key); err != nil {
		return err
	}
	var current uint32
	if err := tx.GetContext(s.ctx, &current, `SELECT epoch FROM team_self`); err != nil {
		return err
	}
	switch {
	case epoch > current:
		if _, err := tx.ExecContext(s.ctx, `UPDATE team_self SET epoch = ?`, epoch); err != nil {
			return err
		}
	case epoch == current && ok:
		// This device sealed files of its epoch with the key that lost.
		if err := s.setCursor(tx, me.id.ID.String(), teamfile.KindSnapshot, 0); err != nil {
			return err
		}
		// If it made that key, it rotates again at the end of the pass,
		// knowing then what the teammates' files told it.
		made, err := cursorAt(s.ctx, tx, me.id.ID.String(), rotatedRow)
		if err != nil {
			return err
		}
		if made == uint64(epoch) {
			if err := s.setCursor(tx, me.id.ID.String(), rotateAgainRow, 1); err != nil {
				return err
			}
		}
	default:
		return nil
	}
	// This device wraps its new key again for the devices it knows: one
	// that joined while the key was rotated elsewhere gets it this way.
	return s.announceKeys(tx, me)
}

func keyEpochs(ks teamfile.Keys) []uint32 {
	out := make([]uint32, 0, len(ks))
	for e := range ks {
		out = append(out, e)
	}
	return out
}
