package changelog

import (
	"fmt"
	"maps"
	"slices"
)

// maxPasses bounds keepForeignKeys: each pass settles the rows the last
// one wrote, and nothing is retried forever.
const maxPasses = 8

// keepForeignKeys settles every row the merge wrote whose parent is not on
// the board, by the schema's own rule for it:
//   - a parent not received yet (or itself waiting): the row waits;
//   - a parent folded into its twin: the row follows it there;
//   - a parent deleted: ON DELETE CASCADE deletes the row, SET NULL clears
//     the reference, RESTRICT keeps the parent alive.
func (m *merge) keepForeignKeys() error {
	for range maxPasses {
		var tables []string
		if err := m.selectx(&tables, `SELECT DISTINCT tbl FROM sync_touched`); err != nil {
			return err
		}
		settled := true
		for _, name := range m.order {
			if !slices.Contains(tables, name) {
				continue
			}
			for _, fk := range m.fks[name] {
				broken, err := m.broken(fk)
				if err != nil {
					return err
				}
				for _, key := range broken {
					settled = false
					if err := m.settle(rowRef{name, key}, fk); err != nil {
						return err
					}
				}
			}
		}
		if settled {
			return nil
		}
	}
	return fmt.Errorf("references still broken after %d passes", maxPasses)
}

// broken lists the rows the merge wrote whose reference fk names a row
// that is not on the board.
func (m *merge) broken(fk foreignKey) ([]string, error) {
	t := m.tables[fk.Child]
	// Driven by the rows written, each found by its key: a big table is
	// not read whole for a few rows (a new laptop checks every segment).
	var keys []string
	err := m.selectx(&keys, `SELECT w.row_key FROM sync_touched w JOIN `+ident(fk.Child)+` c ON `+keyMatch(t, "c.", "w.row_key")+`
		WHERE w.tbl = ? AND c.`+ident(fk.From)+` IS NOT NULL
		AND NOT EXISTS (SELECT 1 FROM `+ident(fk.Parent)+` p WHERE p.`+ident(fk.To)+` = c.`+ident(fk.From)+`)
		ORDER BY w.row_key`, fk.Child)
	if err != nil {
		return nil, fmt.Errorf("check references of %s to %s: %w", fk.Child, fk.Parent, err)
	}
	return keys, nil
}

// settle applies the rule for the row r whose reference fk names a parent
// that is not on the board.
func (m *merge) settle(r rowRef, fk foreignKey) error {
	t := m.tables[r.table]
	where := ` WHERE ` + keyWhere(t)
	var parentKey string
	err := m.get(&parentKey, `SELECT json_array(`+ident(fk.From)+`) FROM `+ident(t.Name)+where, r.key)
	if err != nil {
		return fmt.Errorf("read %s %s: %w", r.table, r.key, err)
	}
	parent := rowRef{fk.Parent, parentKey}
	pw, err := m.winners(parent)
	if err != nil {
		return err
	}
	del := func() error {
		_, err := m.exec(`DELETE FROM `+ident(t.Name)+where, r.key)
		return err
	}
	// A parent whose fields have not arrived (only its deletion has, from
	// a teammate who saw it) is a parent not received yet, unless it was
	// erased: its fields are gone for good, and its deletion's rule holds.
	if (len(pw) < 2 && !same(pw[""], erased)) || alive(pw) {
		if err := del(); err != nil {
			return fmt.Errorf("set %s %s aside: %w", r.table, r.key, err)
		}
		return m.wait(r)
	}
	survivor, err := m.foldedInto(parent, pw)
	if err != nil {
		return err
	}
	col := ident(fk.From)
	switch {
	case survivor != 0:
		if _, err := m.exec(`UPDATE OR IGNORE `+ident(t.Name)+` SET `+col+` = ?2`+where, r.key, survivor); err != nil {
			return fmt.Errorf("move %s %s to %s %d: %w", r.table, r.key, fk.Parent, survivor, err)
		}
		_, err = m.exec(`DELETE FROM `+ident(t.Name)+where+` AND `+col+` IS NOT ?2`, r.key, survivor)
	case fk.OnDelete == "CASCADE":
		err = del()
	case fk.OnDelete == "SET NULL":
		_, err = m.exec(`UPDATE `+ident(t.Name)+` SET `+col+` = NULL`+where, r.key)
	default:
		keep := maps.Clone(pw)
		keep[""] = int64(1)
		if err = m.write(parent, keep); err == nil {
			err = m.touch(parent)
		}
	}
	if err != nil {
		return fmt.Errorf("settle %s %s (parent %s %s): %w", r.table, r.key, fk.Parent, parentKey, err)
	}
	return nil
}
