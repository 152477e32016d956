package board

import (
	"context"
	"fmt"

	"github.com/jmoiron/sqlx"

	"soundingboard/backend/store"
)

// segmentSelect reads segments with counts of current (unarchived) members.
const segmentSelect = `SELECT g.id, g.name, g.description, coalesce(g.target_share, 0) AS target_share,
	count(m.id) AS members, coalesce(sum(m.status = 'active'), 0) AS active
FROM segments g LEFT JOIN members m ON m.segment_id = g.id AND m.archived_at IS NULL`

// ListSegments returns all segments with member counts.
func (s *Service) ListSegments() ([]Segment, error) {
	out := []Segment{}
	if err := sqlx.SelectContext(s.ctx, s.db, &out,
		segmentSelect+` GROUP BY g.id ORDER BY g.name COLLATE NOCASE, g.id`); err != nil {
		return nil, fmt.Errorf("list segments: %w", err)
	}
	return out, nil
}

func getSegment(ctx context.Context, q store.Queryer, id int64) (Segment, error) {
	var g Segment
	if err := sqlx.GetContext(ctx, q, &g, segmentSelect+` WHERE g.id = ? GROUP BY g.id`, id); err != nil {
		return Segment{}, store.Map(err, fmt.Sprintf("segment %d", id))
	}
	return g, nil
}

// SaveSegment creates (ID 0) or updates a segment.
func (s *Service) SaveSegment(in SegmentInput) (Segment, error) {
	if err := in.Validate(); err != nil {
		return Segment{}, fmt.Errorf("save segment: %w", err)
	}
	var target any
	if in.TargetShare > 0 {
		target = in.TargetShare
	}
	var g Segment
	err := store.WithTx(s.ctx, s.db, func(tx *sqlx.Tx) error {
		// Names are unique ignoring case; NOCASE in the schema only folds ASCII.
		names, err := nameIDs(s.ctx, tx, `SELECT id, name FROM segments`)
		if err != nil {
			return err
		}
		if id, ok := names[fold(in.Name)]; ok && id != in.ID {
			return store.Conflict("a segment named %q already exists", in.Name)
		}
		id := in.ID
		if id == 0 {
			if id, err = store.NewID(s.ctx, tx); err != nil {
				return err
			}
			_, err := tx.ExecContext(s.ctx, `INSERT INTO segments (id, name, description, target_share, created_at)
				VALUES (?, ?, ?, ?, ?)`, id, in.Name, in.Description, target, s.stamp())
			if err != nil {
				return store.Map(err, fmt.Sprintf("segment %q", in.Name))
			}
		} else {
			res, err := tx.ExecContext(s.ctx, `UPDATE segments SET name = ?, description = ?, target_share = ?
				WHERE id = ?`, in.Name, in.Description, target, id)
			if err != nil {
				return store.Map(err, fmt.Sprintf("segment %q", in.Name))
			}
			if n, err := res.RowsAffected(); err != nil {
				return err
			} else if n == 0 {
				return store.NotFound("segment %d not found", id)
			}
		}
		g, err = getSegment(s.ctx, tx, id)
		return err
	})
	if err != nil {
		return Segment{}, fmt.Errorf("save segment %q: %w", in.Name, err)
	}
	return g, nil
}

// DeleteSegment removes a segment; its members keep no segment.
func (s *Service) DeleteSegment(id int64) error {
	// members.segment_id is ON DELETE SET NULL.
	if err := store.ExecOne(s.ctx, s.db, fmt.Sprintf("segment %d", id), `DELETE FROM segments WHERE id = ?`, id); err != nil {
		return fmt.Errorf("delete segment %d: %w", id, err)
	}
	return nil
}

// ListTags returns tags in use with member counts.
func (s *Service) ListTags() ([]TagCount, error) {
	// Only tags that current (unarchived) members carry; tags left on
	// archived members only would filter the default list to nothing.
	out := []TagCount{}
	if err := sqlx.SelectContext(s.ctx, s.db, &out, `SELECT t.name, count(*) AS members
		FROM tags t
		JOIN member_tags mt ON mt.tag_id = t.id
		JOIN members m ON m.id = mt.member_id AND m.archived_at IS NULL
		GROUP BY t.id
		ORDER BY t.name COLLATE NOCASE, t.name`); err != nil {
		return nil, fmt.Errorf("list tags: %w", err)
	}
	return out, nil
}
