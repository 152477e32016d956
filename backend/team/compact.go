package team

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/jmoiron/sqlx"

	"soundingboard/backend/changelog"
	"soundingboard/backend/store"
	"soundingboard/backend/teamfile"
)

// compactAfter is how many segment files a device keeps in the folder
// before it folds them into a snapshot.
const compactAfter = 200

// ownFiles is what this device has in its folder, by kind.
type ownFiles struct {
	segments  []teamfile.Header
	snapshots []teamfile.Header
	keys      []teamfile.Header
}

// listFiles lists a device's files in the folder by their names.
func listFiles(dir string) ownFiles {
	var f ownFiles
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		h, ok := teamfile.ParseName(e.Name())
		if !ok {
			continue
		}
		switch h.Kind {
		case teamfile.KindSegment:
			f.segments = append(f.segments, h)
		case teamfile.KindSnapshot:
			f.snapshots = append(f.snapshots, h)
		case teamfile.KindKeys:
			f.keys = append(f.keys, h)
		}
	}
	return f
}

// olderThan reports whether any of the files is sealed under an epoch
// before epoch.
func olderThan(hs []teamfile.Header, epoch uint32) bool {
	for _, h := range hs {
		if h.Epoch < epoch {
			return true
		}
	}
	return false
}

func lastSeq(hs []teamfile.Header) uint64 {
	var seq uint64
	for _, h := range hs {
		seq = max(seq, h.Seq)
	}
	return seq
}

// compactedEpoch is the epoch this device's files are all sealed under.
// A device that never compacted is at epoch 1, the team's first key.
func (s *Service) compactedEpoch(me *self) (uint32, error) {
	var epoch uint32
	err := s.db.GetContext(s.ctx, &epoch, `SELECT coalesce((SELECT seq FROM team_cursor WHERE device = ? AND kind = ?), 1)`,
		me.id.ID.String(), teamfile.KindSnapshot)
	if err != nil {
		return 0, fmt.Errorf("compaction: %w", err)
	}
	return epoch, nil
}

// compactIfDue compacts this device's files when its epoch changed since
// it last did, or when it has more than compactAfter segment files.
func (s *Service) compactIfDue(me *self, rep *Report) error {
	done, err := s.compactedEpoch(me)
	if err != nil {
		return err
	}
	files := listFiles(teamfile.Dir(me.Folder, me.id.ID))
	if done == me.Epoch && len(files.segments) <= s.compactAfter {
		return s.dropCompacted(me, files, 0)
	}
	return s.compact(me, files, rep)
}

// compact writes a snapshot of this device's changes (and of removed
// devices', whose own files the team deletes) under its epoch's key,
// covering all its segments written so far, then deletes those segments
// and its older snapshots. Segments come after it, numbered on.
func (s *Service) compact(me *self, files ownFiles, rep *Report) error {
	covers := me.SegmentSeq
	sn, err := store.Read(s.ctx, s.db, func(q store.Queryer) (snapshot, error) {
		sn := snapshot{covers: covers}
		err := sqlx.SelectContext(s.ctx, q, &sn.own, `SELECT hlc, device, tbl, row_key, col, value FROM change_fields
			WHERE seq <= ? AND device = ? ORDER BY seq`, me.SegmentUpto, me.id.ID.String())
		if err == nil {
			err = sqlx.SelectContext(s.ctx, q, &sn.carried, `SELECT hlc, device, tbl, row_key, col, value FROM change_fields
				WHERE device IN (SELECT id FROM team_devices WHERE removed_at IS NOT NULL) ORDER BY seq`)
		}
		return sn, err
	})
	if err != nil {
		return fmt.Errorf("compaction: %w", err)
	}
	if len(sn.own)+len(sn.carried) > 0 || len(files.segments) > 0 || len(files.snapshots) > 0 {
		body, err := encodeSnapshot(sn)
		if err != nil {
			return err
		}
		if len(body) > teamfile.MaxBody {
			// Past the team's scale (docs/team-folder.md): the segments stay,
			// and so does the old key.
			rep.Problems = append(rep.Problems, fmt.Sprintf("this laptop's changes (%d MB compressed) are too many for one snapshot: its files in the team folder are not compacted", len(body)>>20))
			return nil
		}
		ks, err := keys(s.ctx, s.db)
		if err != nil {
			return err
		}
		h := s.header(me, teamfile.KindSnapshot, me.Epoch, lastSeq(files.snapshots)+1)
		if _, err := teamfile.Write(me.Folder, me.id, h, body, ks[me.Epoch]); err != nil && !errors.Is(err, fs.ErrExist) {
			return fmt.Errorf("write snapshot %d: %w", h.Seq, err)
		}
		files.snapshots = append(files.snapshots, h)
	}
	err = store.WithTx(s.ctx, s.db, func(tx *sqlx.Tx) error {
		if err := s.setCursor(tx, me.id.ID.String(), teamfile.KindSegment, covers); err != nil {
			return err
		}
		return s.setCursor(tx, me.id.ID.String(), teamfile.KindSnapshot, uint64(me.Epoch))
	})
	if err != nil {
		return err
	}
	return s.dropCompacted(me, files, covers)
}

// segmentDone reports whether this device's segment seq is in the folder
// (under any epoch) or in its snapshot, which records in its own segment
// cursor the last segment it covers: a segment recorded before a crash
// is written again only when it is neither.
func (s *Service) segmentDone(me *self, seq uint64) (bool, error) {
	covered, err := cursorAt(s.ctx, s.db, me.id.ID.String(), teamfile.KindSegment)
	if err != nil || seq <= covered {
		return true, err
	}
	for _, h := range listFiles(teamfile.Dir(me.Folder, me.id.ID)).segments {
		if h.Seq == seq {
			return true, nil
		}
	}
	return false, nil
}

// dropCompacted deletes this device's files a snapshot supersedes: its
// older snapshots, its segments up to covers and those of older epochs.
func (s *Service) dropCompacted(me *self, files ownFiles, covers uint64) error {
	dir := teamfile.Dir(me.Folder, me.id.ID)
	newest := lastSeq(files.snapshots)
	var gone []teamfile.Header
	for _, h := range files.snapshots {
		if h.Seq < newest {
			gone = append(gone, h)
		}
	}
	for _, h := range files.segments {
		if h.Seq <= covers || h.Epoch < me.Epoch {
			gone = append(gone, h)
		}
	}
	for _, h := range gone {
		if err := os.Remove(filepath.Join(dir, h.Name())); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("compaction: %w", err)
		}
	}
	return nil
}

// snapshot is a snapshot file's body: the seq of the last segment of
// the device's it covers, the device's own changes (those segments
// carried them), and the changes of removed devices it carries (their
// own files are deleted). A teammate that applied those segments already
// needs only the carried part.
type snapshot struct {
	covers  uint64
	own     []changelog.Change
	carried []changelog.Change
}

// encodeSnapshot writes covers and the length of the own part (uint64
// each), then each part as a segment's body is written (none when
// empty).
func encodeSnapshot(sn snapshot) ([]byte, error) {
	var parts [2][]byte
	for i, cs := range [][]changelog.Change{sn.own, sn.carried} {
		if len(cs) == 0 {
			continue
		}
		b, err := encodeChanges(cs)
		if err != nil {
			return nil, err
		}
		parts[i] = b
	}
	body := binary.BigEndian.AppendUint64(nil, sn.covers)
	body = binary.BigEndian.AppendUint64(body, uint64(len(parts[0])))
	return append(append(body, parts[0]...), parts[1]...), nil
}

// decodeSnapshot reads what encodeSnapshot wrote, decoding the own part
// only when it covers segments after the seq given (a reader that applied
// them needs only the carried part).
func decodeSnapshot(body []byte, after uint64) (snapshot, error) {
	var sn snapshot
	if len(body) < 16 || binary.BigEndian.Uint64(body[8:]) > uint64(len(body)-16) {
		return sn, errors.New("snapshot body: its lengths do not add up")
	}
	sn.covers = binary.BigEndian.Uint64(body)
	own, carried := body[16:16+binary.BigEndian.Uint64(body[8:])], body[16+binary.BigEndian.Uint64(body[8:]):]
	var err error
	if sn.covers > after && len(own) > 0 {
		if sn.own, err = decodeChanges(own); err != nil {
			return sn, err
		}
	}
	if len(carried) > 0 {
		sn.carried, err = decodeChanges(carried)
	}
	return sn, err
}
