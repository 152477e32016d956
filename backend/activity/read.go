package activity

// Readers shared by Agenda, Run and the writers: a session's head, its
// activities with their items, and entries with their members and themes.
// Each reads a whole session (or one activity) in a fixed number of
// queries, whatever the number of activities, items or entries.

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/jmoiron/sqlx"

	"soundingboard/backend/board"
	"soundingboard/backend/store"
)

// statusFinished is the status of a session that has taken place.
const statusFinished = "finished"

// sessionHead is what this package needs to know about a session.
type sessionHead struct {
	ID              int64  `db:"id"`
	Title           string `db:"title"`
	Status          string `db:"status"`
	Format          string `db:"format"`
	DecisionID      int64  `db:"decision_id"`
	CurrentActivity int    `db:"current_activity"`
}

// headOf reads a session; NotFound for an unknown id.
func headOf(ctx context.Context, q store.Queryer, id int64) (sessionHead, error) {
	var h sessionHead
	err := sqlx.GetContext(ctx, q, &h, `SELECT id, title, status, format, decision_id, current_activity
		FROM sessions WHERE id = ?`, id)
	if err != nil {
		return sessionHead{}, store.Map(err, fmt.Sprintf("session %d", id))
	}
	return h, nil
}

// Sentence renders an assumption as the hypothesis it tests: "We believe
// [customers] will [behavior] because [reason]." A reason that already
// ends in a full stop, question or exclamation mark gets no second one.
// It is the text of an assumption item, read-only.
func Sentence(customers, behavior, reason string) string {
	reason = strings.TrimSpace(reason)
	if !strings.HasSuffix(reason, ".") && !strings.HasSuffix(reason, "?") && !strings.HasSuffix(reason, "!") {
		reason += "."
	}
	return "We believe " + strings.TrimSpace(customers) + " will " + strings.TrimSpace(behavior) +
		" because " + reason
}

// activityRow is an activity as stored, with its removal time.
type activityRow struct {
	Activity
	RemovedAt *string `db:"removed_at"`
}

// activityColumns reads activities a with their entry counts.
const activityColumns = `a.id, a.session_id, a.position, a.kind, a.title, a.prompt, a.minutes, a.seconds_spent,
	a.scale, a.dots, a.removed_at IS NOT NULL AS removed, a.removed_at, a.revealed, a.locked,
	(SELECT count(*) FROM entries e WHERE e.activity_id = a.id) AS entries`

// itemRow is an item with the parts of its assumption's sentence.
type itemRow struct {
	Item
	Customers string `db:"customers"`
	Behavior  string `db:"behavior"`
	Reason    string `db:"reason"`
}

// itemColumns reads items i with their assumptions s and the number of
// entries they hold.
const itemColumns = `i.id, i.activity_id, i.role, i.position, coalesce(i.assumption_id, 0) AS assumption_id,
	i.text, i.seconds_spent, coalesce(s.customers, '') AS customers, coalesce(s.behavior, '') AS behavior,
	coalesce(s.reason, '') AS reason,
	(SELECT count(*) FROM entries e WHERE e.item_id = i.id OR e.variant_id = i.id) AS entries`

// loadActivities reads the activities matching where (over activities a),
// removed ones included, in agenda order, with their items: two queries.
// where is a constant of this package, never user input.
func loadActivities(ctx context.Context, q store.Queryer, where string, args ...any) ([]activityRow, error) {
	var rows []activityRow
	if err := sqlx.SelectContext(ctx, q, &rows, `SELECT `+activityColumns+` FROM activities a
		WHERE `+where+` ORDER BY a.removed_at IS NOT NULL, a.position, a.id`, args...); err != nil {
		return nil, fmt.Errorf("read activities: %w", err)
	}
	var items []itemRow
	if err := sqlx.SelectContext(ctx, q, &items, `SELECT `+itemColumns+` FROM activity_items i
		JOIN activities a ON a.id = i.activity_id LEFT JOIN assumptions s ON s.id = i.assumption_id
		WHERE `+where+` ORDER BY i.activity_id, i.position, i.id`, args...); err != nil {
		return nil, fmt.Errorf("read activity items: %w", err)
	}
	byActivity := map[int64][]Item{}
	for _, it := range items {
		if it.Role == RoleAssumption {
			it.Text = Sentence(it.Customers, it.Behavior, it.Reason)
		}
		byActivity[it.ActivityID] = append(byActivity[it.ActivityID], it.Item)
	}
	for i := range rows {
		rows[i].Items = sortItems(rows[i].Kind, byActivity[rows[i].ID])
	}
	return rows, nil
}

// sortItems orders items by their role's place in the kind, then position
// (the query gave position order); never nil.
func sortItems(kind Kind, items []Item) []Item {
	order := roles[kind]
	slices.SortStableFunc(items, func(a, b Item) int {
		return slices.Index(order, a.Role) - slices.Index(order, b.Role)
	})
	if items == nil {
		return []Item{}
	}
	return items
}

// getActivity reads one activity with its items; NotFound for an unknown id.
func getActivity(ctx context.Context, q store.Queryer, id int64) (activityRow, error) {
	rows, err := loadActivities(ctx, q, `a.id = ?`, id)
	if err != nil {
		return activityRow{}, err
	}
	if len(rows) == 0 {
		return activityRow{}, store.NotFound("activity %d not found", id)
	}
	return rows[0], nil
}

// agendaOf builds a session's agenda from its head and activities.
func agendaOf(h sessionHead, rows []activityRow) Agenda {
	ag := Agenda{SessionID: h.ID, Format: h.Format, Activities: []Activity{}, Removed: []Activity{}}
	for _, r := range rows {
		if r.Removed {
			ag.Removed = append(ag.Removed, r.Activity)
		} else {
			ag.Activities = append(ag.Activities, r.Activity)
		}
	}
	ag.Current = clamp(h.CurrentActivity, len(ag.Activities))
	return ag
}

// clamp keeps an index into n things in range; 0 when there are none.
func clamp(i, n int) int {
	return max(0, min(i, n-1))
}

// readAgenda reads a session's agenda in three queries.
func readAgenda(ctx context.Context, q store.Queryer, sessionID int64) (Agenda, error) {
	h, err := headOf(ctx, q, sessionID)
	if err != nil {
		return Agenda{}, err
	}
	rows, err := loadActivities(ctx, q, `a.session_id = ?`, sessionID)
	if err != nil {
		return Agenda{}, err
	}
	return agendaOf(h, rows), nil
}

// entryColumns reads entries e with their members m.
const entryColumns = `e.id, e.session_id, coalesce(e.activity_id, 0) AS activity_id, coalesce(e.item_id, 0) AS item_id,
	coalesce(e.variant_id, 0) AS variant_id, coalesce(e.target_id, 0) AS target_id,
	coalesce(e.member_id, 0) AS member_id,
	CASE WHEN e.member_id IS NULL AND e.former_member = 1 THEN '` + board.FormerMember + `' ELSE coalesce(m.name, '') END AS member,
	e.kind, e.text, coalesce(e.value, 0) AS value, e.hidden, e.created_at, e.updated_at`

// loadEntries reads the entries matching where (over entries e), oldest
// first, with their themes: two queries. where is a constant of this
// package, never user input.
func loadEntries(ctx context.Context, q store.Queryer, where string, args ...any) ([]Entry, error) {
	// Scanned by hand: a run reads thousands of entries, and sqlx's
	// reflection was a third of Run's time.
	rows, err := q.QueryContext(ctx, `SELECT `+entryColumns+`
		FROM entries e LEFT JOIN members m ON m.id = e.member_id
		WHERE `+where+` ORDER BY e.created_at, e.id`, args...)
	if err != nil {
		return nil, fmt.Errorf("read entries: %w", err)
	}
	defer rows.Close() //nolint:errcheck // rows.Err below reports what went wrong while reading
	entries := []Entry{}
	for rows.Next() {
		var e Entry
		if err := rows.Scan(&e.ID, &e.SessionID, &e.ActivityID, &e.ItemID, &e.VariantID, &e.TargetID, &e.MemberID,
			&e.Member, &e.Kind, &e.Text, &e.Value, &e.Hidden, &e.CreatedAt, &e.UpdatedAt); err != nil {
			return nil, fmt.Errorf("read entries: %w", err)
		}
		entries = append(entries, e)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read entries: %w", err)
	}
	var themes []struct {
		ID   int64  `db:"id"`
		Name string `db:"name"`
	}
	if err := sqlx.SelectContext(ctx, q, &themes, `SELECT et.entry_id AS id, t.name
		FROM entry_themes et JOIN themes t ON t.id = et.theme_id JOIN entries e ON e.id = et.entry_id
		WHERE `+where+` ORDER BY t.name COLLATE NOCASE`, args...); err != nil {
		return nil, fmt.Errorf("read entry themes: %w", err)
	}
	byID := map[int64][]string{}
	for _, t := range themes {
		byID[t.ID] = append(byID[t.ID], t.Name)
	}
	for i := range entries {
		entries[i].Themes = byID[entries[i].ID]
		if entries[i].Themes == nil {
			entries[i].Themes = []string{}
		}
	}
	return entries, nil
}

// getEntry reads one entry; NotFound for an unknown id.
func getEntry(ctx context.Context, q store.Queryer, id int64) (Entry, error) {
	es, err := loadEntries(ctx, q, `e.id = ?`, id)
	if err != nil {
		return Entry{}, err
	}
	if len(es) == 0 {
		return Entry{}, store.NotFound("entry %d not found", id)
	}
	return es[0], nil
}
