package team

import (
	"context"
	"crypto/hmac"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"log"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/jmoiron/sqlx"

	"soundingboard/backend/changelog"
	"soundingboard/backend/periodic"
	"soundingboard/backend/store"
	"soundingboard/backend/teamfile"
)

// Report is what one sync pass did.
type Report struct {
	Written  int      `json:"written"`  // this device's changes written out
	Files    int      `json:"files"`    // teammates' files applied
	Applied  int      `json:"applied"`  // changes in them new to this board
	Held     int      `json:"held"`     // changes held back (see Status)
	Joined   []string `json:"joined"`   // new teammates let in, by name
	Problems []string `json:"problems"` // what could not be done, and why
	forgot   bool     // the log forgot changes about an erased person
}

// Sync does one pass: it lets in new teammates who answered this device's
// invitations, applies the teammates' new files, retries held changes and
// writes this device's new changes out.
func (s *Service) Sync() (Report, error) {
	var rep Report
	me, err := loadSelf(s.ctx, s.db)
	if err != nil {
		return rep, err
	}
	if st, err := os.Stat(me.Folder); err != nil || !st.IsDir() {
		rep.Problems = append(rep.Problems, fmt.Sprintf("the team folder %s is missing: is the shared folder there on this laptop?", me.Folder))
		return rep, s.finish(&rep, false)
	}
	// A board restored from a backup (or a copy) without AfterRestore
	// finds it out here, before it writes anything.
	if behind, err := s.behindItsFiles(me); err != nil || behind {
		if err == nil {
			err = s.renew(me)
		}
		if err == nil {
			me, err = loadSelf(s.ctx, s.db)
		}
		if err != nil {
			return rep, fmt.Errorf("go on as a new device after a restore: %w", err)
		}
	}
	if err := s.ensureOwnFiles(me); err != nil {
		return rep, err
	}
	if err := s.letIn(me, &rep); err != nil {
		return rep, err
	}
	if err := s.readKeys(me, &rep); err != nil {
		return rep, err
	}
	if me, err = loadSelf(s.ctx, s.db); err != nil { // a newer epoch may have come
		return rep, err
	}
	if err := s.readTeammates(me, &rep); err != nil {
		return rep, err
	}
	if err := s.retryHeld(&rep); err != nil {
		return rep, err
	}
	if me, err = s.shredAfterErasure(me, &rep); err != nil {
		return rep, err
	}
	if err := s.writeOut(me, &rep); err != nil {
		return rep, err
	}
	if err := s.upkeep(me, &rep); err != nil {
		return rep, err
	}
	return rep, s.finish(&rep, true)
}

// finish records the pass's problems (and its time, when it got through
// the folder) for the status.
func (s *Service) finish(rep *Report, done bool) error {
	var err error
	if done {
		_, err = s.db.ExecContext(s.ctx, `UPDATE team_self SET problems = ?, last_sync = ?`, strings.Join(rep.Problems, "\n"), stamp(s.now()))
	} else {
		_, err = s.db.ExecContext(s.ctx, `UPDATE team_self SET problems = ?`, strings.Join(rep.Problems, "\n"))
	}
	if err != nil {
		return fmt.Errorf("sync: %w", err)
	}
	return nil
}

// ensureOwnFiles writes this device's device file, and a joining
// device's answer to its invitation, unless they are in the folder: a
// crash between joining and writing them is mended at the next pass.
func (s *Service) ensureOwnFiles(me *self) error {
	device, err := me.id.Device().MarshalBinary()
	if err != nil {
		return err
	}
	files := []struct {
		kind teamfile.Kind
		body []byte
	}{{teamfile.KindDevice, device}, {teamfile.KindJoin, me.Answer}}
	for _, f := range files {
		if f.body == nil {
			continue
		}
		h := s.header(me, f.kind, 0, 1)
		if _, err := os.Stat(filepath.Join(teamfile.Dir(me.Folder, me.id.ID), h.Name())); err == nil {
			continue
		}
		if _, err := teamfile.Write(me.Folder, me.id, h, f.body, nil); err != nil && !errors.Is(err, fs.ErrExist) {
			return fmt.Errorf("write this device's %s file: %w", f.kind, err)
		}
	}
	return nil
}

// openInvite is an invitation of this device's that no device used yet.
type openInvite struct {
	Seq     uint64 `db:"seq"`
	JoinKey []byte `db:"join_key"`
	Slot    int64  `db:"slot"`
	Expires string `db:"expires_at"`
}

// letIn accepts the answers to this device's open invitations: a device
// not in the team whose join file proves it holds the code of one of
// them, in time. Each code lets in one device.
func (s *Service) letIn(me *self, rep *Report) error {
	var open []openInvite
	if err := s.db.SelectContext(s.ctx, &open, `SELECT seq, join_key, slot, expires_at FROM team_invites WHERE used_by IS NULL`); err != nil {
		return fmt.Errorf("invitations: %w", err)
	}
	team, err := devices(s.ctx, s.db)
	if err != nil {
		return err
	}
	known := map[string]bool{}
	for _, d := range team {
		known[d.ID] = true
	}
	dirs, _ := os.ReadDir(filepath.Join(me.Folder, "devices"))
	for _, d := range dirs {
		dev, err := teamfile.ParseDeviceID(d.Name())
		if err != nil || known[dev.String()] {
			continue
		}
		dir := teamfile.Dir(me.Folder, dev)
		_, device, err := teamfile.OpenDevice(filepath.Join(dir, deviceFileName(dev, s.schema)), s.schema)
		if err != nil {
			continue // not whole yet, or not a device
		}
		joinPath := filepath.Join(dir, teamfile.Header{Kind: teamfile.KindJoin, Device: dev, Seq: 1, Schema: s.schema}.Name())
		_, body, err := teamfile.Open(joinPath, teamfile.Trust{Devices: map[teamfile.DeviceID]teamfile.Device{dev: device}}, nil, s.schema)
		if err != nil {
			continue
		}
		var ans answer
		if json.Unmarshal(body, &ans) != nil {
			continue
		}
		if ans.Vouch != "" {
			if err := s.letInSuccessor(me, team, device, ans, rep); err != nil {
				return err
			}
			continue
		}
		if ans.Inviter != me.id.ID.String() {
			continue // another teammate's invitation
		}
		i := slices.IndexFunc(open, func(o openInvite) bool { return o.Seq == ans.Invite })
		if i < 0 {
			rep.Problems = append(rep.Problems, fmt.Sprintf("device %s answered an invitation that is used or unknown; it was not let in", dev))
			continue
		}
		inv := open[i]
		want, err := proof(inv.JoinKey, device, ans.Person)
		if err != nil {
			return err
		}
		if !hmac.Equal(want, ans.Proof) {
			rep.Problems = append(rep.Problems, fmt.Sprintf("device %s answered an invitation without its code; it was not let in", dev))
			continue
		}
		if expires, err := time.Parse(time.RFC3339, inv.Expires); err != nil || s.now().After(expires.Add(24*time.Hour)) {
			rep.Problems = append(rep.Problems, fmt.Sprintf("device %s answered an invitation after it expired; it was not let in", dev))
			continue
		}
		err = store.WithTx(s.ctx, s.db, func(tx *sqlx.Tx) error {
			res, err := tx.ExecContext(s.ctx, `UPDATE team_invites SET used_by = ? WHERE seq = ? AND used_by IS NULL`, dev.String(), inv.Seq)
			if err != nil {
				return err
			}
			if n, _ := res.RowsAffected(); n != 1 {
				return store.Conflict("invitation %d is used", inv.Seq)
			}
			if err := addDevice(s.ctx, tx, device, ans.Person, inv.Slot, me.id.ID.String(), s.now()); err != nil {
				return err
			}
			// The key may have been rotated since the invitation was made.
			return s.announceKeys(tx, me)
		})
		if err != nil {
			return fmt.Errorf("let in %s: %w", dev, err)
		}
		open = slices.Delete(open, i, i+1)
		rep.Joined = append(rep.Joined, ans.Person)
		// The invitation is spent: its file, which holds the data keys under
		// the code, goes.
		_ = os.Remove(filepath.Join(teamfile.Dir(me.Folder, me.id.ID), teamfile.Header{Kind: teamfile.KindInvite, Device: me.id.ID, Seq: inv.Seq, Schema: s.schema}.Name()))
	}
	return nil
}

// readTeammates applies each trusted teammate's new segment files, in
// order, each in one transaction with its cursor.
func (s *Service) readTeammates(me *self, rep *Report) error {
	team, tr, err := teamTrust(s.ctx, s.db)
	if err != nil {
		return err
	}
	ks, err := keys(s.ctx, s.db)
	if err != nil {
		return err
	}
	for _, d := range team {
		if d.ID == me.id.ID.String() || d.RemovedAt != nil {
			continue
		}
		// A teammate's file read just before may have removed this one.
		removed, err := isRemoved(s.ctx, s.db, d.ID)
		if err != nil {
			return err
		}
		if removed {
			continue
		}
		if err := s.readDevice(me, d, tr, ks, rep); err != nil {
			return err
		}
	}
	return nil
}

func (s *Service) readDevice(me *self, d deviceRow, tr teamfile.Trust, ks teamfile.Keys, rep *Report) error {
	dev, _ := teamfile.ParseDeviceID(d.ID)
	dir := teamfile.Dir(me.Folder, dev)
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil // nothing of theirs has synced here yet
	}
	if err != nil {
		return fmt.Errorf("read %s's files: %w", d.Person, err)
	}
	segments := map[uint64]string{}
	for _, e := range entries {
		if h, ok := teamfile.ParseName(e.Name()); ok && h.Kind == teamfile.KindSegment {
			segments[h.Seq] = e.Name()
		}
	}
	var last uint64
	if err := s.db.GetContext(s.ctx, &last, `SELECT coalesce((SELECT seq FROM team_cursor WHERE device = ? AND kind = ?), 0)`,
		d.ID, teamfile.KindSegment); err != nil {
		return err
	}
	if last, err = s.readSnapshot(me, d, tr, ks, last, rep); err != nil {
		return err
	}
	ahead := s.segmentsAhead(dir, segments, tr, ks)
	for seq := last + 1; ; seq++ {
		name, ok := segments[seq]
		if !ok {
			return nil
		}
		o := ahead.get(seq)
		h, err := o.h, o.err
		if err != nil {
			switch {
			case errors.Is(err, teamfile.ErrNewerSchema):
				rep.Problems = append(rep.Problems, fmt.Sprintf("%s uses a newer Sounding Board: update this one to apply their changes (held from %s on)", who(d), name))
			case teamfile.ActionOf(err) != teamfile.Retry:
				rep.Problems = append(rep.Problems, fmt.Sprintf("%s's file %s: %v", who(d), name, reason(err)))
			}
			return nil // the next file waits for this one
		}
		cs, bad := o.cs, o.bad
		if bad != nil {
			rep.Problems = append(rep.Problems, fmt.Sprintf("%s's file %s: %v", who(d), name, bad))
			return nil
		}
		err = store.WithTx(s.ctx, s.db, func(tx *sqlx.Tx) error {
			if err := s.applyTx(tx, cs, rep); err != nil {
				return err
			}
			return s.setCursor(tx, d.ID, h.Kind, h.Seq)
		})
		if err != nil {
			return fmt.Errorf("apply %s's file %s: %w", who(d), name, err)
		}
		rep.Files++
	}
}

func who(d deviceRow) string {
	if d.Label != "" {
		return d.Person + " (" + d.Label + ")"
	}
	return d.Person
}

// reason is the part of a file error a person can read.
func reason(err error) string {
	var fe *teamfile.FileError
	if errors.As(err, &fe) {
		return fe.Err.Error()
	}
	return err.Error()
}

// hold keeps changes this board cannot apply yet, for the next passes.
func hold(ctx context.Context, tx *sqlx.Tx, cs []changelog.Change) error {
	for _, c := range cs {
		if _, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO team_held (hlc, device, tbl, row_key, col, value) VALUES (?, ?, ?, ?, ?, ?)`,
			c.HLC, c.Device, c.Table, c.Key, c.Col, c.Value); err != nil {
			return fmt.Errorf("hold a change: %w", err)
		}
	}
	return nil
}

// retryHeld applies the held changes that this board can apply now (the
// clock caught up, or the app was updated).
func (s *Service) retryHeld(rep *Report) error {
	return store.WithTx(s.ctx, s.db, func(tx *sqlx.Tx) error {
		var cs []changelog.Change
		if err := tx.SelectContext(s.ctx, &cs, `DELETE FROM team_held RETURNING hlc, device, tbl, row_key, col, value`); err != nil {
			return fmt.Errorf("held changes: %w", err)
		}
		if len(cs) == 0 {
			return nil
		}
		return s.applyTx(tx, cs, rep)
	})
}

// applyTx merges a batch of teammates' changes in tx, counts them in rep
// and holds what this board cannot apply yet.
func (s *Service) applyTx(tx *sqlx.Tx, cs []changelog.Change, rep *Report) error {
	res, err := changelog.ApplyTx(s.ctx, tx, cs, s.now())
	if err != nil {
		return err
	}
	rep.Applied += res.Applied
	rep.Held += len(res.Held)
	rep.forgot = rep.forgot || res.Forgotten > 0
	return hold(s.ctx, tx, res.Held)
}

// writeOut writes this device's changes not yet in the folder, as segment
// files of at most segmentChanges changes. Each file's seq and range are
// recorded before it is written: after a crash in between, the same range
// is written again under the same name.
func (s *Service) writeOut(me *self, rep *Report) error {
	if me.SegmentSeq > 0 {
		if err := s.writeSegment(me, me.SegmentSeq, me.SegmentFrom, me.SegmentUpto); err != nil {
			return err
		}
	}
	for {
		cs, last, err := changelog.Pending(s.ctx, s.db, me.SegmentUpto, segmentChanges)
		if err != nil {
			return err
		}
		if len(cs) == 0 {
			return nil
		}
		seq := me.SegmentSeq + 1
		if _, err := s.db.ExecContext(s.ctx, `UPDATE team_self SET segment_seq = ?, segment_from = ?, segment_upto = ?`,
			seq, me.SegmentUpto, last); err != nil {
			return fmt.Errorf("record segment %d: %w", seq, err)
		}
		if err := s.writeSegment(me, seq, me.SegmentUpto, last); err != nil {
			return err
		}
		me.SegmentSeq, me.SegmentFrom, me.SegmentUpto = seq, me.SegmentUpto, last
		rep.Written += len(cs)
	}
}

// writeSegment writes segment seq, the changes in (from, upto], unless it
// is in the folder already.
func (s *Service) writeSegment(me *self, seq uint64, from, upto int64) error {
	h := s.header(me, teamfile.KindSegment, me.Epoch, seq)
	if done, err := s.segmentDone(me, seq); err != nil || done {
		return err
	}
	cs, err := changelog.Between(s.ctx, s.db, from, upto)
	if err != nil {
		return err
	}
	body, err := encodeChanges(cs)
	if err != nil {
		return err
	}
	ks, err := keys(s.ctx, s.db)
	if err != nil {
		return err
	}
	if _, err := teamfile.Write(me.Folder, me.id, h, body, ks[me.Epoch]); err != nil && !errors.Is(err, fs.ErrExist) {
		return fmt.Errorf("write segment %d: %w", seq, err)
	}
	return nil
}

// KeepSynced runs a sync pass every interval while the board is in a
// team, until ctx ends: the window and `serve` hold the database, so they
// sync it. Errors are logged once in a row; the pass is tried again.
func KeepSynced(ctx context.Context, s *Service, interval time.Duration, logger *log.Logger) {
	periodic.Run(ctx, interval, logger, func() error {
		in, err := inTeam(ctx, s.db)
		if err == nil && in {
			_, err = s.Sync()
		}
		if err != nil {
			return fmt.Errorf("team sync: %w", err)
		}
		return nil
	})
}
