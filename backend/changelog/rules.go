package changelog

import (
	"fmt"
	"slices"

	"github.com/jmoiron/sqlx"

	"soundingboard/backend/store"
)

// uniqueRule is the merge rule of one UNIQUE index: where finds another
// row that clashes with the incoming row, whose fields are bound by name
// (:email). Two rows that clash are folded into the one with the smaller
// id, on every device alike: what pointed at the other now points at it,
// and the other is deleted. So two laptops that offline-import the same
// email end up with one member, the same on both.
type uniqueRule struct {
	table string
	where string
}

// uniqueRules has a rule for every UNIQUE index of the schema, by index
// name; a test holds it against the schema.
var uniqueRules = map[string]uniqueRule{
	"sqlite_autoindex_segments_1":            {"segments", "name = :name"},
	"members_email_unique":                   {"members", "email = :email"},
	"sqlite_autoindex_tags_1":                {"tags", "name = :name"},
	"sqlite_autoindex_themes_1":              {"themes", "name = :name"},
	"sqlite_autoindex_erasure_log_1":         {"erasure_log", "reference = :reference"},
	"sqlite_autoindex_transcript_speakers_1": {"transcript_speakers", "transcript_id = :transcript_id AND label = :label"},
	"sqlite_autoindex_transcript_lines_1":    {"transcript_lines", "transcript_id = :transcript_id AND position = :position"},
	// One chain reminder per session, kind and member.
	"reminders_chain": {"reminders", `origin = 'chain' AND series_id IS NULL AND :origin = 'chain' AND :series_id IS NULL
		AND session_id = :session_id AND kind = :kind AND coalesce(member_id, 0) = coalesce(:member_id, 0)`},
}

// twin finds the live row of table that clashes with the fields w on a
// UNIQUE rule; 0 when there is none.
func (m *merge) twin(table string, w map[string]any) (int64, error) {
	params := map[string]any{}
	for _, c := range m.tables[table].Columns {
		params[c] = w[c]
	}
	names := make([]string, 0, len(uniqueRules))
	for name, rule := range uniqueRules {
		if rule.table == table {
			names = append(names, name)
		}
	}
	slices.Sort(names)
	for _, name := range names {
		q, args, err := sqlx.Named(`SELECT id FROM `+ident(table)+` WHERE (`+uniqueRules[name].where+`) AND id IS NOT :id ORDER BY id LIMIT 1`, params)
		if err != nil {
			return 0, fmt.Errorf("rule %s: %w", name, err)
		}
		var ids []int64
		if err := m.selectx(&ids, q, args...); err != nil {
			return 0, fmt.Errorf("rule %s: %w", name, err)
		}
		if len(ids) > 0 {
			return ids[0], nil
		}
	}
	return 0, nil
}

// resolveClash folds the row r (fields w), which a UNIQUE rule kept out,
// and its twin into one. It reports whether r was folded away (and so
// must not be written).
func (m *merge) resolveClash(r rowRef, w map[string]any) (bool, error) {
	other, err := m.twin(r.table, w)
	if err != nil {
		return false, err
	}
	mine, ok := w["id"].(int64)
	if other == 0 || !ok {
		return false, fmt.Errorf("%s %s clashes with a row no merge rule names (%v)", r.table, r.key, w)
	}
	if other < mine {
		return true, m.fold(r.table, mine, other)
	}
	return false, m.fold(r.table, other, mine)
}

// fold moves everything that points at row loser of table to survivor and
// deletes loser. A child that would then be a duplicate (the same tag on
// one member twice) is deleted instead.
func (m *merge) fold(table string, loser, survivor int64) error {
	for _, fk := range m.refs[table] {
		if err := store.MoveRef(m.exec, store.Ref{Child: fk.Child, Column: fk.From}, loser, survivor); err != nil {
			return fmt.Errorf("fold %s %d into %d: %w", table, loser, survivor, err)
		}
	}
	if _, err := m.exec(`DELETE FROM `+ident(table)+` WHERE id = ?`, loser); err != nil {
		return fmt.Errorf("fold %s %d into %d: %w", table, loser, survivor, err)
	}
	return m.touch(rowRef{table, fmt.Sprintf("[%d]", loser)})
}

// foldedInto finds the row a deleted parent was folded into, from the
// parent's last fields in the log: a child that arrives after the fold
// follows its parent there instead of being lost. 0 when there is none.
func (m *merge) foldedInto(parent rowRef, w map[string]any) (int64, error) {
	if !m.tables[parent.table].IntID() {
		return 0, nil
	}
	return m.twin(parent.table, w)
}
