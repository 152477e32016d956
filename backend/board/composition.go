package board

import (
	"fmt"
	"math"
	"slices"

	"github.com/jmoiron/sqlx"

	"soundingboard/backend/wording"
)

// The method's advice: an advisory board of 10 to 15 engaged customers,
// not dominated by yes-sayers or by critics.
const (
	idealMin      = 10
	idealMax      = 15
	maxToneShare  = 0.4
	noSegmentID   = -1
	noSegmentName = "No segment"
)

// Composition returns the board by segment and status, with warnings.
func (s *Service) Composition() (Composition, error) {
	var counts []struct {
		SegmentID int64  `db:"segment_id"`
		Status    string `db:"status"`
		N         int    `db:"n"`
	}
	if err := sqlx.SelectContext(s.ctx, s.db, &counts, `SELECT coalesce(segment_id, 0) AS segment_id, status, count(*) AS n
		FROM members WHERE archived_at IS NULL GROUP BY 1, 2`); err != nil {
		return Composition{}, fmt.Errorf("composition: %w", err)
	}
	var segs []struct {
		ID          int64   `db:"id"`
		Name        string  `db:"name"`
		TargetShare float64 `db:"target_share"`
	}
	if err := sqlx.SelectContext(s.ctx, s.db, &segs, `SELECT id, name, coalesce(target_share, 0) AS target_share
		FROM segments ORDER BY name COLLATE NOCASE, id`); err != nil {
		return Composition{}, fmt.Errorf("composition: segments: %w", err)
	}
	var toneCounts []struct {
		Tone string `db:"tone"`
		N    int    `db:"n"`
	}
	if err := sqlx.SelectContext(s.ctx, s.db, &toneCounts, `SELECT tone, count(*) AS n
		FROM members WHERE archived_at IS NULL AND status = 'active' GROUP BY tone`); err != nil {
		return Composition{}, fmt.Errorf("composition: tones: %w", err)
	}
	var unreachable int
	if err := sqlx.GetContext(s.ctx, s.db, &unreachable, `SELECT count(*) FROM members m
		WHERE m.archived_at IS NULL AND m.status = 'active' AND NOT `+CanContactSQL, s.today()); err != nil {
		return Composition{}, fmt.Errorf("composition: consent: %w", err)
	}

	c := Composition{
		Statuses:   slices.Clone(Statuses),
		Rows:       []CompositionRow{},
		Tones:      map[string]int{},
		Warnings:   []string{},
		IdealRange: [2]int{idealMin, idealMax},
	}
	for _, t := range tones {
		c.Tones[t] = 0
	}
	for _, t := range toneCounts {
		c.Tones[t.Tone] = t.N
	}
	newRow := func(id int64, name string, target float64) CompositionRow {
		r := CompositionRow{SegmentID: id, Segment: name, TargetShare: target, ByStatus: map[string]int{}}
		for _, st := range Statuses {
			r.ByStatus[st] = 0
		}
		return r
	}
	index := map[int64]int{}
	for _, g := range segs {
		index[g.ID] = len(c.Rows)
		c.Rows = append(c.Rows, newRow(g.ID, g.Name, g.TargetShare))
	}
	for _, n := range counts {
		id := n.SegmentID
		if id == 0 {
			id = noSegmentID
		}
		i, ok := index[id]
		if !ok { // the "No segment" row, only when some member has none
			i = len(c.Rows)
			index[id] = i
			c.Rows = append(c.Rows, newRow(noSegmentID, noSegmentName, 0))
		}
		c.Rows[i].ByStatus[n.Status] += n.N
		c.Rows[i].Total += n.N
		c.Total += n.N
		if n.Status == "active" {
			c.Active += n.N
		}
	}
	for i := range c.Rows {
		if c.Active > 0 {
			c.Rows[i].ActiveShare = float64(c.Rows[i].ByStatus["active"]) / float64(c.Active)
		}
	}
	c.Warnings = compositionWarnings(c, unreachable)
	expiring, err := s.ConsentsExpiring(ConsentExpiryWindow)
	if err != nil {
		return Composition{}, fmt.Errorf("composition: %w", err)
	}
	if w := expiryWarning(expiring); w != "" {
		c.Warnings = append(c.Warnings, w)
	}
	return c, nil
}

// compositionWarnings says, in plain sentences, where the board falls short
// of the method's advice.
func compositionWarnings(c Composition, unreachable int) []string {
	w := []string{}
	switch {
	case c.Active < idealMin:
		w = append(w, fmt.Sprintf("The board has %s, fewer than %d.", wording.Count(c.Active, "active member", "active members"), idealMin))
	case c.Active > idealMax:
		w = append(w, fmt.Sprintf("The board has %s, more than %d.", wording.Count(c.Active, "active member", "active members"), idealMax))
	}
	for _, r := range c.Rows {
		if r.SegmentID == noSegmentID {
			continue
		}
		active := r.ByStatus["active"]
		switch {
		case active == 0:
			w = append(w, fmt.Sprintf("Segment %s has no active members.", r.Segment))
		case r.TargetShare > 0 && r.ActiveShare < r.TargetShare:
			w = append(w, fmt.Sprintf("Segment %s is under its target (has %s, target %s).",
				r.Segment, percent(r.ActiveShare), percent(r.TargetShare)))
		}
	}
	if c.Active > 0 {
		for _, t := range []struct{ tone, label, risk string }{
			{"too_agreeable", "too agreeable", "yes-sayers"},
			{"too_negative", "too negative", "only critics"},
		} {
			if n := c.Tones[t.tone]; float64(n)/float64(c.Active) > maxToneShare {
				w = append(w, fmt.Sprintf("More than %s of active members are marked %s (%d of %d); the board risks %s.",
					percent(maxToneShare), t.label, n, c.Active, t.risk))
			}
		}
	}
	if unreachable > 0 {
		w = append(w, fmt.Sprintf("%s cannot be contacted (no valid contact consent).",
			wording.Count(unreachable, "active member", "active members")))
	}
	return w
}

func percent(f float64) string { return fmt.Sprintf("%d%%", int(math.Round(f*100))) }
