package changelog

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/jmoiron/sqlx"
)

// Erasure in the log. An erased row's deletion is logged with the value
// erased rather than 0, so every device tells it from a plain deletion (a
// member is also deleted when a duplicate folds into its twin, and that
// twin's fields must stay in the log for the children still on their way).
// Then the log forgets the row: only its deletion stays, so the record
// history holds nothing of the person. The rows that were about them
// (their consents, touchpoints, …, each deleted by the erasure or by its
// cascade) are forgotten the same way, and a row that stays (an anonymous
// quote) forgets only its reference to them. sync_forgotten lists the
// forgotten rows, so what a teammate sends about them later (an edit made
// before the erasure reached them) is forgotten as it arrives, and an
// erased row is never written again: the erasure beats any later edit.
const erased = int64(2)

// Erase records in the erasing transaction that the row key of table,
// deleted by it, was erased, and forgets what the log holds about it and
// about the rows that referred to it. It returns how many changes the log
// forgot. On a board in no team (nothing logged) it only lists the row.
func Erase(ctx context.Context, tx *sqlx.Tx, table, key string) (int, error) {
	m, err := newMerge(ctx, tx)
	if err != nil {
		return 0, fmt.Errorf("erase %s %s from the log: %w", table, key, err)
	}
	n, err := m.erase(rowRef{table, key})
	if err = errors.Join(err, m.close()); err != nil {
		return 0, fmt.Errorf("erase %s %s from the log: %w", table, key, err)
	}
	return n, nil
}

func (m *merge) erase(r rowRef) (int, error) {
	if _, err := m.exec(`UPDATE changes SET value = ?3 WHERE tbl = ?1 AND row_key = ?2 AND col = '' AND value = 0
		AND device = (SELECT device FROM sync_self)
		AND hlc = (SELECT max(hlc) FROM changes WHERE tbl = ?1 AND row_key = ?2 AND col = '')`, r.table, r.key, erased); err != nil {
		return 0, err
	}
	f, err := m.forgottenRows()
	if err != nil {
		return 0, err
	}
	return m.forget(r, f)
}

// forgottenRows reads sync_forgotten.
func (m *merge) forgottenRows() (map[rowRef]bool, error) {
	var rows []rowRef
	if err := m.selectRefs(&rows, `SELECT tbl, row_key FROM sync_forgotten`); err != nil {
		return nil, fmt.Errorf("forgotten rows: %w", err)
	}
	return set(rows), nil
}

// keepForgotten drops from a batch what it says about forgotten rows and
// rows it erases, but their deletions: nothing of them is logged again,
// and they stay deleted. It returns the rest and the rows the batch
// erases, in its order.
func keepForgotten(in []Change, f map[rowRef]bool) ([]Change, []rowRef) {
	var roots []rowRef
	for _, c := range in {
		if r := (rowRef{c.Table, c.Key}); c.Col == "" && same(c.Value, erased) && !slices.Contains(roots, r) {
			roots = append(roots, r)
		}
	}
	if len(roots) == 0 && len(f) == 0 {
		return in, nil
	}
	out := in[:0:0]
	for _, c := range in {
		r := rowRef{c.Table, c.Key}
		if (f[r] || slices.Contains(roots, r)) && (c.Col != "" || same(c.Value, int64(1))) {
			continue
		}
		out = append(out, c)
	}
	return out, roots
}

// forgetArrived forgets, once a batch is applied, the rows it erased and
// the rows of it that refer to a forgotten row.
func (m *merge) forgetArrived(in []Change, roots []rowRef) (int, error) {
	f, err := m.forgottenRows()
	if err != nil {
		return 0, err
	}
	n := 0
	for _, r := range roots {
		k, err := m.forget(r, f)
		if err != nil {
			return n, err
		}
		n += k
	}
	if len(f) == 0 {
		return n, nil
	}
	for _, c := range in {
		if c.Value == nil {
			continue
		}
		for _, fk := range m.fks[c.Table] {
			if fk.From != c.Col {
				continue
			}
			parent := rowRef{fk.Parent, keyOf(c.Value)}
			if !f[parent] {
				continue
			}
			k, err := m.forgetChild(rowRef{c.Table, c.Key}, fk, parent, f)
			if err != nil {
				return n, err
			}
			n += k
		}
	}
	return n, nil
}

// forget removes from the log everything about r but its deletion, lists
// it in sync_forgotten, and does the same for the rows that referred to
// it (forgetChild).
func (m *merge) forget(r rowRef, f map[rowRef]bool) (int, error) {
	if err := m.shred(); err != nil {
		return 0, err
	}
	if !f[r] {
		f[r] = true
		if _, err := m.exec(`INSERT OR IGNORE INTO sync_forgotten (tbl, row_key) VALUES (?, ?)`, r.table, r.key); err != nil {
			return 0, fmt.Errorf("list %s %s as forgotten: %w", r.table, r.key, err)
		}
		if _, err := m.exec(`DELETE FROM sync_waiting WHERE tbl = ? AND row_key = ?`, r.table, r.key); err != nil {
			return 0, err
		}
	}
	twins, err := m.foldedTwins(r)
	if err != nil {
		return 0, err
	}
	// Every change but the latest deletion goes.
	var gone []struct {
		Col   string `db:"col"`
		Value any    `db:"value"`
	}
	err = m.selectx(&gone, `DELETE FROM changes WHERE tbl = ?1 AND row_key = ?2
		AND (hlc, device) IS NOT (SELECT hlc, device FROM changes WHERE tbl = ?1 AND row_key = ?2 AND col = '' AND value <> 1
			ORDER BY hlc DESC, device DESC LIMIT 1) RETURNING col, value`, r.table, r.key)
	if err != nil {
		return 0, fmt.Errorf("forget %s %s: %w", r.table, r.key, err)
	}
	n := 0
	for _, g := range gone {
		if g.Col != imageCol {
			n++
			continue
		}
		if err := decodeImage(g.Value, func(string, any) { n++ }); err != nil {
			return 0, fmt.Errorf("forget %s %s: %w", r.table, r.key, err)
		}
	}
	for _, tw := range twins {
		if f[tw] {
			continue
		}
		// Its deletion travels as an erasure too, so a teammate that got
		// the twin after it had forgotten r forgets it as well.
		w, err := m.winners(tw)
		if err != nil {
			return n, err
		}
		if !same(w[""], erased) {
			if err := m.logOwn(tw, []Change{{Col: "", Value: erased}}); err != nil {
				return n, err
			}
		}
		k, err := m.forget(tw, f)
		if err != nil {
			return n, err
		}
		n += k
	}
	for _, fk := range m.refs[r.table] {
		if key := m.tables[fk.Parent].Key; len(key) != 1 || key[0] != fk.To {
			continue
		}
		var children []string
		if err := m.selectx(&children, `SELECT DISTINCT row_key FROM change_fields WHERE tbl = ? AND col = ? AND value = json_extract(?, '$[0]')`,
			fk.Child, fk.From, r.key); err != nil {
			return n, fmt.Errorf("rows that referred to %s %s: %w", r.table, r.key, err)
		}
		for _, k := range children {
			c, err := m.forgetChild(rowRef{fk.Child, k}, fk, r, f)
			if err != nil {
				return n, err
			}
			n += c
		}
	}
	return n, nil
}

// forgetChild forgets a row whose reference fk named the forgotten row
// parent: the reference alone when the row is still on the board (a quote
// kept as anonymous text), the whole row when it is not.
func (m *merge) forgetChild(r rowRef, fk foreignKey, parent rowRef, f map[rowRef]bool) (int, error) {
	if f[r] {
		return 0, nil
	}
	row, err := m.row(r)
	if err != nil {
		return 0, err
	}
	if row == nil {
		return m.forget(r, f)
	}
	if err := m.shred(); err != nil {
		return 0, err
	}
	n := int64(0)
	for _, query := range []string{
		`DELETE FROM changes WHERE tbl = ?1 AND row_key = ?2 AND col = ?3 AND value = json_extract(?4, '$[0]')`,
		`UPDATE changes SET value = json_remove(value, '$.' || json_quote(?3))
			WHERE tbl = ?1 AND row_key = ?2 AND col = '*' AND json_extract(value, '$.' || json_quote(?3)) = json_extract(?4, '$[0]')`,
	} {
		res, err := m.exec(query, r.table, r.key, fk.From, parent.key)
		if err != nil {
			return 0, fmt.Errorf("forget the reference of %s %s to %s %s: %w", r.table, r.key, parent.table, parent.key, err)
		}
		k, _ := res.RowsAffected()
		n += k
	}
	return int(n), nil
}

// keyOf is the row key (a JSON array) of a single-column primary key.
func keyOf(v any) string {
	b, _ := json.Marshal([]any{v})
	return string(b)
}

// shred makes SQLite overwrite what the log forgets, in this transaction:
// the caller turns it off afterwards (store.Shred) when Result.Forgotten
// says something was.
func (m *merge) shred() error {
	_, err := m.exec(`PRAGMA secure_delete = ON`)
	return err
}

// foldedTwins lists the deleted rows of r's table that the log says held
// one of r's UNIQUE values (by a single-column rule such as a member's
// email): a duplicate folded into r, or r's twin folded away. What they
// held was about the same person, so they are forgotten with r.
func (m *merge) foldedTwins(r rowRef) ([]rowRef, error) {
	if !m.tables[r.table].IntID() {
		return nil, nil
	}
	w, err := m.winners(r)
	if err != nil {
		return nil, err
	}
	var out []rowRef
	for _, rule := range uniqueRules {
		col, ok := singleColumn(rule)
		if !ok || rule.table != r.table || w[col] == nil {
			continue
		}
		var keys []string
		if err := m.selectx(&keys, `SELECT DISTINCT row_key FROM change_fields WHERE tbl = ? AND col = ? AND value = ? COLLATE NOCASE AND row_key <> ?`,
			r.table, col, w[col], r.key); err != nil {
			return nil, fmt.Errorf("twins of %s %s: %w", r.table, r.key, err)
		}
		for _, k := range keys {
			tw := rowRef{r.table, k}
			row, err := m.row(tw)
			if err != nil {
				return nil, err
			}
			if row == nil && !slices.Contains(out, tw) {
				out = append(out, tw)
			}
		}
	}
	return out, nil
}

// singleColumn gives the column of a rule of the form "col = :col".
func singleColumn(rule uniqueRule) (string, bool) {
	col, param, ok := strings.Cut(rule.where, " = :")
	return col, ok && col == param && !strings.ContainsAny(col, " ()")
}
