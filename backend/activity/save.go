package activity

// SaveActivity: the agenda editor's one write of an activity and its
// items, validated per kind.

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/jmoiron/sqlx"

	"soundingboard/backend/store"
	"soundingboard/backend/valid"
)

// maxItems bounds an activity's items: more would not fit a session.
const maxItems = 50

// kindNames are the activity kinds as text, for messages.
func kindNames() []string {
	out := make([]string, len(AllKinds))
	for i, k := range AllKinds {
		out[i] = string(k.Value)
	}
	return out
}

// voting reports whether a kind takes dot votes.
func voting(k Kind) bool { return k == KindJourneyBoard || k == KindIdeaRound }

// SaveActivity adds (ID 0, at the end) or edits an activity and its items.
// Items is the whole list in order: listed ids are kept, items without an
// id added, the others deleted, except that an item holding entries
// cannot be left out. Any kind may be saved without items while the
// agenda is planned; the run view asks for them (a prototype test needs a
// variant and a task before anything can be noted). A finished session
// takes no new activities, but its activities can still be corrected.
func (s *Agendas) SaveActivity(in ActivityInput) (Activity, error) {
	id := in.ID
	err := store.WithTx(s.ctx, s.db, func(tx *sqlx.Tx) error {
		h, err := headOf(s.ctx, tx, in.SessionID)
		if err != nil {
			return err
		}
		var old activityRow
		if in.ID != 0 {
			if old, err = getActivity(s.ctx, tx, in.ID); err != nil {
				return err
			}
			if old.SessionID != in.SessionID {
				return store.Invalid("activity %d (%q) belongs to another session than session %d", in.ID, old.Title, in.SessionID)
			}
		} else if h.Status == statusFinished {
			return store.Conflict("session %q is finished: it takes no new activities", h.Title)
		}
		p := checkActivity(in)
		if in.ID != 0 && old.Kind != in.Kind && old.Entries > 0 {
			p.Add("kind", "kind cannot change: %q holds %d entries", old.Title, old.Entries)
		}
		if err := checkItems(s.ctx, tx, h, in, old, &p); err != nil {
			return err
		}
		if err := p.Err(); err != nil {
			return err
		}
		now := s.stamp()
		if in.ID == 0 {
			if id, err = store.NewID(s.ctx, tx); err != nil {
				return err
			}
			_, err = tx.ExecContext(s.ctx, `INSERT INTO activities
				(id, session_id, position, kind, title, prompt, minutes, scale, dots, created_at, updated_at)
				VALUES (?, ?, (SELECT count(*) FROM activities WHERE session_id = ? AND removed_at IS NULL),
				        ?, ?, ?, ?, ?, ?, ?, ?)`,
				id, in.SessionID, in.SessionID, in.Kind, in.Title, in.Prompt, in.Minutes, in.Scale, in.Dots, now, now)
		} else {
			_, err = tx.ExecContext(s.ctx, `UPDATE activities SET kind = ?, title = ?, prompt = ?, minutes = ?,
				scale = ?, dots = ?, updated_at = ? WHERE id = ?`,
				in.Kind, in.Title, in.Prompt, in.Minutes, in.Scale, in.Dots, now, in.ID)
		}
		if err != nil {
			return store.Map(err, "activity")
		}
		return writeItems(s.ctx, tx, id, old.Items, in.Items)
	})
	if err != nil {
		return Activity{}, fmt.Errorf("save activity %q: %w", in.Title, err)
	}
	a, err := store.Read(s.ctx, s.db, func(q store.Queryer) (activityRow, error) { return getActivity(s.ctx, q, id) })
	if err != nil {
		return Activity{}, fmt.Errorf("read saved activity: %w", err)
	}
	return a.Activity, nil
}

// checkActivity finds what is wrong with an activity's own fields and the
// shape of its items, before anything is read.
func checkActivity(in ActivityInput) valid.Problems {
	var p valid.Problems
	p.OneOf("kind", string(in.Kind), kindNames()...)
	p.Text("title", in.Title, 300)
	p.NoControl("title", in.Title)
	p.MaxLen("prompt", in.Prompt, 2000)
	p.NoControlLines("prompt", in.Prompt)
	p.Range("minutes", in.Minutes, 0, 600)
	switch {
	case in.Kind == KindRating && in.Scale != 5 && in.Scale != 7:
		p.Add("scale", "scale %d is not 5 or 7: a rating is on 1–5 or 1–7", in.Scale)
	case in.Kind != KindRating && in.Scale != 0:
		p.Add("scale", "scale must be 0: only a rating has a scale")
	}
	if voting(in.Kind) {
		p.Range("dots", in.Dots, 0, 20)
	} else if in.Dots != 0 {
		p.Add("dots", "dots must be 0: only a journey board and an idea round take dot votes")
	}
	if len(in.Items) > maxItems {
		p.Add("items", "%d items are more than the %d an activity can hold", len(in.Items), maxItems)
	}
	allowed := roles[in.Kind]
	ids := map[int64]bool{}
	for i, it := range in.Items {
		f := fmt.Sprintf("items[%d]", i)
		if it.ID != 0 {
			if ids[it.ID] {
				p.Add(f+".id", "item %d is listed twice in items", it.ID)
			}
			ids[it.ID] = true
		}
		if !slices.Contains(allowed, it.Role) {
			if _, known := roles[in.Kind]; known {
				p.Add(f+".role", "%s.role %q is not one of %s (the roles of a %s)", f, it.Role, joinRoles(allowed), in.Kind)
			}
			continue
		}
		if it.Role == RoleAssumption {
			if it.AssumptionID <= 0 {
				p.Add(f+".assumptionId", "%s.assumptionId is required", f)
			}
			continue
		}
		if it.AssumptionID != 0 {
			p.Add(f+".assumptionId", "%s.assumptionId must be 0: a %s is not an assumption", f, it.Role)
		}
		p.Text(f+".text", it.Text, 2000)
		p.NoControlLines(f+".text", it.Text)
	}
	return p
}

func joinRoles(rs []Role) string {
	out := make([]string, len(rs))
	for i, r := range rs {
		out[i] = string(r)
	}
	return strings.Join(out, ", ")
}

// checkItems checks the items against the database: listed ids are items
// of this activity keeping their role, assumptions belong to the session's
// decision and are tested nowhere else in the session, and no item that
// holds entries is left out. Problems go to p; an id that does not exist
// is returned as NotFound.
func checkItems(ctx context.Context, tx *sqlx.Tx, h sessionHead, in ActivityInput, old activityRow, p *valid.Problems) error {
	mine := map[int64]Item{}
	for _, it := range old.Items {
		mine[it.ID] = it
	}
	kept := map[int64]bool{}
	seen := map[int64]bool{}
	for i, it := range in.Items {
		f := fmt.Sprintf("items[%d]", i)
		if it.ID != 0 {
			kept[it.ID] = true
			was, ok := mine[it.ID]
			if !ok {
				var n int
				if err := sqlx.GetContext(ctx, tx, &n, `SELECT count(*) FROM activity_items WHERE id = ?`, it.ID); err != nil {
					return fmt.Errorf("read item %d: %w", it.ID, err)
				}
				if n == 0 {
					return store.NotFound("item %d not found", it.ID)
				}
				p.Add(f+".id", "item %d is an item of another activity", it.ID)
				continue
			}
			if was.Role != it.Role {
				p.Add(f+".role", "item %d is a %s and stays one: add a new item instead", it.ID, was.Role)
			}
		}
		if it.Role != RoleAssumption || it.AssumptionID <= 0 {
			continue
		}
		if seen[it.AssumptionID] {
			p.Add(f+".assumptionId", "assumption %d is listed twice in items", it.AssumptionID)
			continue
		}
		seen[it.AssumptionID] = true
		if err := checkAssumption(ctx, tx, h, in.ID, it.AssumptionID, f, p); err != nil {
			return err
		}
	}
	for _, it := range old.Items { // old was read in this transaction: its counts hold
		if !kept[it.ID] && it.Entries > 0 {
			p.Add("items", "the %s %q holds %d entries and cannot be removed from items", it.Role, it.Text, it.Entries)
		}
	}
	return nil
}

// checkAssumption checks one assumption item: NotFound for an unknown
// assumption; a problem when it is not of the session's decision or is
// already tested by another activity of the session (removed ones too, so
// a restore cannot test it twice).
func checkAssumption(ctx context.Context, tx *sqlx.Tx, h sessionHead, activityID, assumptionID int64, f string, p *valid.Problems) error {
	var decision int64
	err := sqlx.GetContext(ctx, tx, &decision, `SELECT decision_id FROM assumptions WHERE id = ?`, assumptionID)
	if err != nil {
		return store.Map(err, fmt.Sprintf("assumption %d", assumptionID))
	}
	if decision != h.DecisionID {
		p.Add(f+".assumptionId", "assumption %d is not an assumption of the decision session %q tests", assumptionID, h.Title)
		return nil
	}
	var other []string
	if err := sqlx.SelectContext(ctx, tx, &other, `SELECT a.title FROM activity_items i JOIN activities a ON a.id = i.activity_id
		WHERE a.session_id = ? AND a.id <> ? AND i.assumption_id = ? ORDER BY a.position`, h.ID, activityID, assumptionID); err != nil {
		return fmt.Errorf("find assumption %d: %w", assumptionID, err)
	}
	if len(other) > 0 {
		p.Add(f+".assumptionId", "assumption %d is already tested in %q", assumptionID, other[0])
	}
	return nil
}

// writeItems makes an activity's items the list given, in order: items
// of old left out are deleted, listed ones updated, new ones added, and
// positions numbered 0.. per role. An assumption's text is its sentence,
// never stored.
func writeItems(ctx context.Context, tx *sqlx.Tx, activityID int64, old []Item, items []ItemInput) error {
	kept := map[int64]bool{}
	for _, it := range items {
		kept[it.ID] = true
	}
	for _, it := range old {
		if !kept[it.ID] {
			if _, err := tx.ExecContext(ctx, `DELETE FROM activity_items WHERE id = ?`, it.ID); err != nil {
				return fmt.Errorf("delete item %d: %w", it.ID, err)
			}
		}
	}
	next := map[Role]int{}
	for _, it := range items {
		text := it.Text
		if it.Role == RoleAssumption {
			text = ""
		}
		var err error
		if it.ID == 0 {
			var id int64
			if id, err = store.NewID(ctx, tx); err != nil {
				return err
			}
			_, err = tx.ExecContext(ctx, `INSERT INTO activity_items (id, activity_id, role, position, assumption_id, text)
				VALUES (?, ?, ?, ?, ?, ?)`, id, activityID, it.Role, next[it.Role], store.NullZero(it.AssumptionID), text)
		} else {
			_, err = tx.ExecContext(ctx, `UPDATE activity_items SET position = ?, assumption_id = ?, text = ?
				WHERE id = ? AND activity_id = ?`, next[it.Role], store.NullZero(it.AssumptionID), text, it.ID, activityID)
		}
		if err != nil {
			return store.Map(fmt.Errorf("save %s %q: %w", it.Role, text, err), "item")
		}
		next[it.Role]++
	}
	return nil
}
