package session

// The text entries of a session as the synthesis shows them: from every
// activity, attributed (name, segment) and placed (activity, item).

import (
	"context"
	"fmt"

	"github.com/jmoiron/sqlx"

	"soundingboard/backend/activity"
	"soundingboard/backend/board"
	"soundingboard/backend/store"
)

// textKindsSQL are the entry kinds that carry something said or written,
// the ones themes go on (quotes, an assumption check's needs and notes,
// journey notes, ideas, observations, answers, the why of a preference).
const textKindsSQL = `('quote', 'needs', 'note', 'idea', 'observation', 'answer', 'preference')`

// synthEntryRow is a SynthEntry as read, with what its item text is made of.
type synthEntryRow struct {
	SynthEntry
	Role      string `db:"role"`
	ItemText  string `db:"item_text"`
	Variant   string `db:"variant"`
	Customers string `db:"customers"`
	Behavior  string `db:"behavior"`
	Reason    string `db:"reason"`
}

// synthEntrySelect reads text entries e with their activity a, item i
// (an assumption's parts from s), variant v, member m and segment g.
// Entries of removed activities are left out. Quotes come first, then
// the others in agenda order, each oldest first.
const synthEntrySelect = `SELECT e.id, coalesce(e.activity_id, 0) AS activity_id, coalesce(a.title, '') AS activity,
	coalesce(a.kind, '') AS activity_kind, e.kind, coalesce(e.member_id, 0) AS member_id,
	CASE WHEN e.member_id IS NULL AND e.former_member = 1 THEN '` + board.FormerMember + `' ELSE coalesce(m.name, '') END AS member,
	coalesce(g.name, '') AS segment, e.text, coalesce(e.item_id, 0) AS item_id, coalesce(i.role, '') AS role,
	coalesce(i.text, '') AS item_text, coalesce(v.text, '') AS variant, coalesce(s.customers, '') AS customers,
	coalesce(s.behavior, '') AS behavior, coalesce(s.reason, '') AS reason
FROM entries e
LEFT JOIN activities a ON a.id = e.activity_id
LEFT JOIN activity_items i ON i.id = e.item_id
LEFT JOIN assumptions s ON s.id = i.assumption_id
LEFT JOIN activity_items v ON v.id = e.variant_id
LEFT JOIN members m ON m.id = e.member_id
LEFT JOIN segments g ON g.id = m.segment_id
WHERE e.kind IN ` + textKindsSQL + ` AND a.removed_at IS NULL AND `

// loadSynthEntries reads the text entries matching where (over entries e;
// a constant of this package) with their themes, in two queries.
func loadSynthEntries(ctx context.Context, q store.Queryer, where string, args ...any) ([]SynthEntry, error) {
	var rows []synthEntryRow
	if err := sqlx.SelectContext(ctx, q, &rows, synthEntrySelect+where+`
		ORDER BY e.kind <> 'quote', coalesce(a.position, -1), e.activity_id, e.created_at, e.id`, args...); err != nil {
		return nil, fmt.Errorf("read entries: %w", err)
	}
	byID, err := themesByID(ctx, q, `SELECT et.entry_id AS id, t.name
		FROM entry_themes et JOIN themes t ON t.id = et.theme_id JOIN entries e ON e.id = et.entry_id
		LEFT JOIN activities a ON a.id = e.activity_id
		WHERE e.kind IN `+textKindsSQL+` AND a.removed_at IS NULL AND `+where+` ORDER BY t.name COLLATE NOCASE`, args...)
	if err != nil {
		return nil, fmt.Errorf("read entry themes: %w", err)
	}
	out := make([]SynthEntry, len(rows))
	for i, r := range rows {
		e := r.SynthEntry
		switch {
		case r.Role == string(activity.RoleAssumption):
			e.Item = sentence(Assumption{Customers: r.Customers, Behavior: r.Behavior, Reason: r.Reason})
		case r.Variant != "" && r.ItemText != "":
			e.Item = r.ItemText + " · " + r.Variant
		case r.Variant != "":
			e.Item = r.Variant
		default:
			e.Item = r.ItemText
		}
		e.Themes = emptyIfNil(byID[e.ID])
		out[i] = e
	}
	return out, nil
}

// getSynthEntry reads one text entry; NotFound for an unknown id, Invalid
// for an entry that holds no text of its own (a stance, a vote …).
func getSynthEntry(ctx context.Context, q store.Queryer, id int64) (SynthEntry, error) {
	es, err := loadSynthEntries(ctx, q, `e.id = ?`, id)
	if err != nil {
		return SynthEntry{}, err
	}
	if len(es) == 1 {
		return es[0], nil
	}
	var kind string
	if err := sqlx.GetContext(ctx, q, &kind, `SELECT kind FROM entries WHERE id = ?`, id); err != nil {
		return SynthEntry{}, store.Map(err, fmt.Sprintf("entry %d", id))
	}
	return SynthEntry{}, store.Invalid("entry %d is a %s; themes go on quotes, notes, ideas, observations and answers", id, kind)
}

// responseKey is what a tagged entry counts as in a theme: one response
// for the needs and note of one member on one assumption (TagResponse
// tags both), else the entry itself.
func responseKey(e SynthEntry) string {
	if e.ActivityKind == activity.KindAssumptionCheck && (e.Kind == activity.EntryNeeds || e.Kind == activity.EntryNote) {
		return fmt.Sprintf("r%d:%d", e.ItemID, e.MemberID)
	}
	return fmt.Sprintf("e%d", e.ID)
}
