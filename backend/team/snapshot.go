package team

import (
	"fmt"
	"path/filepath"

	"github.com/jmoiron/sqlx"

	"soundingboard/backend/changelog"
	"soundingboard/backend/store"
	"soundingboard/backend/teamfile"
)

// readSnapshot applies a teammate's newest snapshot when it covers
// segments this device has not applied (a new laptop, or one that was
// offline while the teammate compacted and deleted them), and moves the
// segment cursor to the last segment it covers: the later segments follow
// it. It gives the segment cursor after it. Of a snapshot that covers no
// segment not applied yet, only the changes it carries for removed
// devices are applied. Changes already in the log are skipped, so
// applying one over segments already applied is harmless.
func (s *Service) readSnapshot(me *self, d deviceRow, tr teamfile.Trust, ks teamfile.Keys, last uint64, rep *Report) (uint64, error) {
	dev, _ := teamfile.ParseDeviceID(d.ID)
	dir := teamfile.Dir(me.Folder, dev)
	seen, err := cursorAt(s.ctx, s.db, d.ID, teamfile.KindSnapshot)
	if err != nil {
		return last, err
	}
	var newest teamfile.Header
	for _, h := range listFiles(dir).snapshots {
		if h.Seq > newest.Seq {
			newest = h
		}
	}
	if newest.Seq <= seen {
		return last, nil
	}
	name := newest.Name()
	h, body, err := teamfile.Open(filepath.Join(dir, name), tr, ks, s.schema)
	if err != nil {
		if teamfile.ActionOf(err) != teamfile.Retry {
			rep.Problems = append(rep.Problems, fmt.Sprintf("%s's file %s: %v", who(d), name, reason(err)))
		}
		return last, nil // its segments, if still there, are read meanwhile
	}
	sn, err := decodeSnapshot(body, last)
	withOwn := sn.covers > last
	if err != nil {
		rep.Problems = append(rep.Problems, fmt.Sprintf("%s's file %s: %v", who(d), name, err))
		return last, nil
	}
	// Applied in batches the size of a segment, each in its own
	// transaction (one merge of a whole board is much slower); the cursors
	// move with the last. Cut short, the snapshot is applied again from
	// the start, its changes already logged skipped.
	batches := writeBatches(append(sn.own, sn.carried...), segmentChanges)
	for i, cs := range batches {
		err = store.WithTx(s.ctx, s.db, func(tx *sqlx.Tx) error {
			if err := s.applyTx(tx, cs, rep); err != nil {
				return err
			}
			if i < len(batches)-1 {
				return nil
			}
			if withOwn {
				if err := s.setCursor(tx, d.ID, teamfile.KindSegment, sn.covers); err != nil {
					return err
				}
			}
			return s.setCursor(tx, d.ID, teamfile.KindSnapshot, h.Seq)
		})
		if err != nil {
			return last, fmt.Errorf("apply %s's file %s: %w", who(d), name, err)
		}
	}
	rep.Files++
	if withOwn {
		return sn.covers, nil
	}
	return last, nil
}

// writeBatches cuts changes into runs of about n, never inside one write
// (the changes of one device stamped with one clock value), as segments
// are cut: a row comes whole. There is always one run, maybe empty.
func writeBatches(cs []changelog.Change, n int) [][]changelog.Change {
	var out [][]changelog.Change
	for len(cs) > n {
		end := n
		for end < len(cs) && cs[end].HLC == cs[end-1].HLC && cs[end].Device == cs[end-1].Device {
			end++
		}
		out = append(out, cs[:end])
		cs = cs[end:]
	}
	return append(out, cs)
}
