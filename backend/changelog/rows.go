package changelog

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"soundingboard/backend/store"
)

// materialize writes one row of the board from the log: it is deleted when
// the log says it is, and otherwise written with the winning fields.
func (m *merge) materialize(r rowRef) error {
	w, err := m.winners(r)
	if err != nil {
		return err
	}
	t := m.tables[r.table]
	if !alive(w) {
		kept, err := m.restricted(r)
		if err != nil || kept {
			// A parent that still has children it may not lose (a decision
			// with sessions) stays; logDifferences records it alive again.
			return errors.Join(err, m.touch(r))
		}
		_, err = m.exec(`DELETE FROM `+ident(t.Name)+` WHERE `+keyWhere(t), r.key)
		if err != nil {
			return fmt.Errorf("delete %s %s: %w", r.table, r.key, err)
		}
		return nil
	}
	return m.write(r, w)
}

// write inserts or updates a row with the fields w. A clash with another
// row on a UNIQUE rule folds the two into one (see fold).
func (m *merge) write(r rowRef, w map[string]any) error {
	t := m.tables[r.table]
	cols := fields(t, w)
	args := make([]any, len(cols))
	for i, c := range cols {
		args[i] = w[c]
	}
	query := m.upsert(t, cols, 1)
	for range 4 {
		_, err := m.exec(query, args...)
		if err == nil {
			return nil
		}
		if !errors.Is(store.Map(err, r.table), store.ErrConflict) {
			return fmt.Errorf("write %s %s: %w", r.table, r.key, err)
		}
		folded, ferr := m.resolveClash(r, w)
		if ferr != nil {
			return fmt.Errorf("%w (after %w)", ferr, err)
		}
		if folded {
			return nil
		}
	}
	return fmt.Errorf("write %s %s: it clashes with other rows on more rules than the merge can fold", r.table, r.key)
}

// fields are the columns of t that w has, in schema order.
func fields(t store.Table, w map[string]any) []string {
	out := make([]string, 0, len(t.Columns))
	for _, c := range t.Columns {
		if _, ok := w[c]; ok {
			out = append(out, c)
		}
	}
	return out
}

// upsert is the statement that writes n rows of t with the columns cols
// (bound row after row): a row that is there already is updated. Each is
// made once per merge.
func (m *merge) upsert(t store.Table, cols []string, n int) string {
	id := t.Name + "\x00" + strings.Join(cols, "\x00") + "\x00" + strconv.Itoa(n)
	if q, ok := m.upserts[id]; ok {
		return q
	}
	names := make([]string, len(cols))
	var sets []string
	for i, c := range cols {
		names[i] = ident(c)
		if !slices.Contains(t.Key, c) {
			sets = append(sets, names[i]+" = excluded."+names[i])
		}
	}
	keys := make([]string, len(t.Key))
	for i, k := range t.Key {
		keys[i] = ident(k)
	}
	onConflict := " ON CONFLICT (" + strings.Join(keys, ", ") + ") DO NOTHING"
	if len(sets) > 0 {
		onConflict = " ON CONFLICT (" + strings.Join(keys, ", ") + ") DO UPDATE SET " + strings.Join(sets, ", ")
	}
	row := "(" + strings.TrimSuffix(strings.Repeat("?, ", len(cols)), ", ") + ")"
	q := `INSERT INTO ` + ident(t.Name) + ` (` + strings.Join(names, ", ") + `) VALUES ` +
		row + strings.Repeat(", "+row, n-1) + onConflict
	m.upserts[id] = q
	return q
}

// restricted reports whether row r has children that a RESTRICT reference
// keeps from losing it. (SQLite defers the check with the others while a
// merge runs, so the merge asks first.)
func (m *merge) restricted(r rowRef) (bool, error) {
	t := m.tables[r.table]
	for _, fk := range m.refs[r.table] {
		if fk.OnDelete != "RESTRICT" && fk.OnDelete != "NO ACTION" {
			continue
		}
		var n int
		err := m.get(&n, `SELECT count(*) FROM `+ident(fk.Child)+` WHERE `+ident(fk.From)+
			` = (SELECT `+ident(fk.To)+` FROM `+ident(t.Name)+` WHERE `+keyWhere(t)+`)`, r.key)
		if err != nil {
			return false, fmt.Errorf("children of %s %s in %s: %w", r.table, r.key, fk.Child, err)
		}
		if n > 0 {
			return true, nil
		}
	}
	return false, nil
}

// touch marks a row for logDifferences, as the capture triggers do for
// rows the merge writes.
func (m *merge) touch(r rowRef) error {
	_, err := m.exec(`INSERT OR IGNORE INTO sync_touched (tbl, row_key) VALUES (?, ?)`, r.table, r.key)
	return err
}

// wait sets a row aside until its parent arrives.
func (m *merge) wait(r rowRef) error {
	_, err := m.exec(`INSERT OR IGNORE INTO sync_waiting (tbl, row_key) VALUES (?, ?)`, r.table, r.key)
	return err
}

// logDifferences holds every row the merge wrote against the log and logs
// where they differ as this device's own change: a child deleted by a
// cascade, a duplicate folded into its twin, a parent kept for its
// children. It returns how many changes it logged.
func (m *merge) logDifferences() (int, error) {
	var touched []rowRef
	err := m.selectRefs(&touched, `DELETE FROM sync_touched
		WHERE (tbl, row_key) NOT IN (SELECT tbl, row_key FROM sync_waiting) RETURNING tbl, row_key`)
	if err != nil {
		return 0, fmt.Errorf("rows the merge wrote: %w", err)
	}
	if _, err := m.exec(`DELETE FROM sync_touched`); err != nil {
		return 0, err
	}
	logged := 0
	order := m.sorted(set(touched))
	// Logging the differences changes no row, so rows can be read ahead.
	ahead, err := m.readRows(order)
	if err != nil {
		return 0, err
	}
	for _, r := range order {
		w, err := m.winners(r)
		if err != nil {
			return logged, err
		}
		now, read := ahead[r]
		if !read {
			if now, err = m.row(r); err != nil {
				return logged, err
			}
		}
		var diff []Change
		switch {
		case now == nil && alive(w):
			diff = append(diff, Change{Col: "", Value: int64(0)})
		case now != nil:
			if !alive(w) {
				diff = append(diff, Change{Col: "", Value: int64(1)})
			}
			for _, c := range m.tables[r.table].Columns {
				if old, ok := w[c]; !ok || !alive(w) || !same(old, now[c]) {
					diff = append(diff, Change{Col: c, Value: now[c]})
				}
			}
		}
		if len(diff) == 0 {
			continue
		}
		if err := m.logOwn(r, diff); err != nil {
			return logged, err
		}
		logged += len(diff)
	}
	return logged, nil
}

func set(rs []rowRef) map[rowRef]bool {
	out := make(map[rowRef]bool, len(rs))
	for _, r := range rs {
		out[r] = true
	}
	return out
}

// logOwn logs fields of r as this device's change, under one new clock
// value.
func (m *merge) logOwn(r rowRef, fields []Change) error {
	var stamp struct {
		HLC    int64  `db:"hlc"`
		Device string `db:"device"`
	}
	err := m.get(&stamp, `UPDATE sync_self
		SET hlc = max(hlc + 1, CAST(unixepoch('subsec') * 1000 AS INTEGER) << 16) RETURNING hlc, device`)
	if err != nil {
		return fmt.Errorf("clock: %w", err)
	}
	delete(m.won, r)
	for _, f := range fields {
		_, err := m.exec(`INSERT INTO changes (hlc, device, tbl, row_key, col, value) VALUES (?, ?, ?, ?, ?, ?)`,
			stamp.HLC, stamp.Device, r.table, r.key, f.Col, f.Value)
		if err != nil {
			return fmt.Errorf("log the merge's change to %s %s: %w", r.table, r.key, err)
		}
	}
	return nil
}

// same compares two values as SQLite stored them.
func same(a, b any) bool {
	if ab, ok := a.([]byte); ok {
		bb, ok := b.([]byte)
		return ok && string(ab) == string(bb)
	}
	return a == b
}
