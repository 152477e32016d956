package changelog

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/jmoiron/sqlx"

	"soundingboard/backend/store"
)

// merge is one Apply's work, inside its transaction.
type merge struct {
	ctx    context.Context
	tx     *sqlx.Tx
	tables map[string]store.Table
	order  []string                // table names, parents before children
	refs   map[string][]foreignKey // by parent table: the keys that point at it
	fks    map[string][]foreignKey // by child table, indexed by SQLite's fk id
	stmts  map[string]*sqlx.Stmt   // prepared statements, by query (see stmts.go)
	won    map[rowRef]map[string]any
}

// foreignKey is one REFERENCES clause of the schema.
type foreignKey struct {
	ID       int    `db:"id"`
	Child    string `db:"child"`
	Parent   string `db:"parent"`
	From     string `db:"from"`
	To       string `db:"to"`
	OnDelete string `db:"on_delete"`
}

func newMerge(ctx context.Context, tx *sqlx.Tx) (*merge, error) {
	tables, err := store.ReplicatedTables(ctx, tx)
	if err != nil {
		return nil, err
	}
	m := &merge{ctx: ctx, tx: tx, tables: map[string]store.Table{}, refs: map[string][]foreignKey{}, fks: map[string][]foreignKey{},
		stmts: map[string]*sqlx.Stmt{}, won: map[rowRef]map[string]any{}}
	for _, t := range tables {
		m.tables[t.Name] = t
		var fks []foreignKey
		err := tx.SelectContext(ctx, &fks,
			`SELECT id, ? AS child, "table" AS parent, "from", coalesce("to", 'id') AS "to", on_delete FROM pragma_foreign_key_list(?) ORDER BY id, seq`, t.Name, t.Name)
		if err != nil {
			return nil, fmt.Errorf("foreign keys of %s: %w", t.Name, err)
		}
		for _, fk := range fks {
			if fk.ID != len(m.fks[t.Name]) {
				return nil, fmt.Errorf("foreign key %d of %s spans several columns; team sync merges single-column keys", fk.ID, t.Name)
			}
			m.fks[t.Name] = append(m.fks[t.Name], fk)
			m.refs[fk.Parent] = append(m.refs[fk.Parent], fk)
		}
	}
	m.order = parentsFirst(tables, m.fks)
	return m, nil
}

// parentsFirst orders the tables so that a table comes after those it
// refers to (a table that refers to itself is no obstacle).
func parentsFirst(tables []store.Table, fks map[string][]foreignKey) []string {
	var out []string
	done := map[string]bool{}
	var visit func(string)
	visit = func(name string) {
		if done[name] {
			return
		}
		done[name] = true
		for _, fk := range fks[name] {
			visit(fk.Parent)
		}
		out = append(out, name)
	}
	for _, t := range tables {
		visit(t.Name)
	}
	return out
}

type rowRef struct{ table, key string }

func (m *merge) apply(in []Change, now time.Time) (Result, error) {
	var res Result
	var self struct {
		Device  string `db:"device"`
		Capture int    `db:"capture"`
	}
	if err := m.get(&self, `SELECT device, capture FROM sync_self`); err != nil {
		return res, err
	}
	if self.Capture != 1 || self.Device == "" {
		return res, errors.New("this board is not in a team")
	}
	if _, err := m.exec(`PRAGMA defer_foreign_keys = ON`); err != nil {
		return res, err
	}
	if _, err := m.exec(`UPDATE sync_self SET capture = 2`); err != nil {
		return res, err
	}
	limit := now.Add(MaxSkew).UnixMilli() << 16
	rows := map[rowRef]bool{}
	var latest int64
	for _, c := range in {
		t, known := m.tables[c.Table]
		if c.HLC > limit || !known || (c.Col != "" && !slices.Contains(t.Columns, c.Col)) {
			res.Held = append(res.Held, c)
			continue
		}
		r, err := m.exec(`INSERT OR IGNORE INTO changes (hlc, device, tbl, row_key, col, value)
			VALUES (?, ?, ?, ?, ?, ?)`, c.HLC, c.Device, c.Table, c.Key, c.Col, c.Value)
		if err != nil {
			return res, fmt.Errorf("log change: %w", err)
		}
		if n, _ := r.RowsAffected(); n == 1 {
			res.Applied++
			rows[rowRef{c.Table, c.Key}] = true
			latest = max(latest, c.HLC)
		}
	}
	// Rows that waited for a parent get another chance.
	var waiting []rowRef
	if err := m.selectRefs(&waiting, `DELETE FROM sync_waiting RETURNING tbl, row_key`); err != nil {
		return res, err
	}
	for _, r := range waiting {
		rows[r] = true
	}
	if _, err := m.exec(`UPDATE sync_self SET hlc = max(hlc, ?)`, latest); err != nil {
		return res, err
	}
	for _, r := range m.sorted(rows) {
		if err := m.materialize(r); err != nil {
			return res, err
		}
	}
	if err := m.keepForeignKeys(); err != nil {
		return res, err
	}
	logged, err := m.logDifferences()
	if err != nil {
		return res, err
	}
	res.Logged = logged
	if err := m.get(&res.Waiting, `SELECT count(*) FROM sync_waiting`); err != nil {
		return res, err
	}
	_, err = m.exec(`UPDATE sync_self SET capture = 1`)
	return res, err
}

// sorted lists rows parents first, then by key, so every device does the
// same work in the same order.
func (m *merge) sorted(rows map[rowRef]bool) []rowRef {
	rank := map[string]int{}
	for i, n := range m.order {
		rank[n] = i
	}
	out := make([]rowRef, 0, len(rows))
	for r := range rows {
		out = append(out, r)
	}
	slices.SortFunc(out, func(a, b rowRef) int {
		if d := rank[a.table] - rank[b.table]; d != 0 {
			return d
		}
		return strings.Compare(a.key, b.key)
	})
	return out
}

func (m *merge) selectRefs(dst *[]rowRef, query string, args ...any) error {
	rows, err := m.queryx(query, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var r rowRef
		if err := rows.Scan(&r.table, &r.key); err != nil {
			return err
		}
		*dst = append(*dst, r)
	}
	return rows.Err()
}

// winners are a row's fields as the log has them: for each column, the
// value with the greatest (hlc, device). The log's index hands them over
// in that order, so the first of each column wins. Only logOwn adds to
// the log once rows are being written, so a row's winners are read once
// per merge and kept.
func (m *merge) winners(r rowRef) (map[string]any, error) {
	if w, ok := m.won[r]; ok {
		return w, nil
	}
	rows, err := m.queryx(`SELECT col, value FROM changes WHERE tbl = ? AND row_key = ?
		ORDER BY col DESC, hlc DESC, device DESC`, r.table, r.key)
	if err != nil {
		return nil, fmt.Errorf("fields of %s %s: %w", r.table, r.key, err)
	}
	defer rows.Close()
	out := map[string]any{}
	for rows.Next() {
		var col string
		var v any
		if err := rows.Scan(&col, &v); err != nil {
			return nil, err
		}
		if _, seen := out[col]; !seen {
			out[col] = v
		}
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("fields of %s %s: %w", r.table, r.key, err)
	}
	m.won[r] = out
	return out, nil
}

func alive(w map[string]any) bool { v, ok := w[""].(int64); return ok && v == 1 }

// keyWhere is the WHERE clause that finds the row whose key is the JSON
// array bound as the first argument.
func keyWhere(t store.Table) string {
	parts := make([]string, len(t.Key))
	for i, k := range t.Key {
		parts[i] = fmt.Sprintf(`%s = json_extract(?1, '$[%d]')`, ident(k), i)
	}
	return strings.Join(parts, " AND ")
}

func ident(s string) string { return `"` + strings.ReplaceAll(s, `"`, `""`) + `"` }

// row reads a row of the board as it is now; nil when there is none.
func (m *merge) row(r rowRef) (map[string]any, error) {
	t := m.tables[r.table]
	cols := make([]string, len(t.Columns))
	for i, c := range t.Columns {
		cols[i] = ident(c)
	}
	rows, err := m.queryx(`SELECT `+strings.Join(cols, ", ")+` FROM `+ident(t.Name)+` WHERE `+keyWhere(t), r.key)
	if err != nil {
		return nil, fmt.Errorf("read %s %s: %w", r.table, r.key, err)
	}
	defer rows.Close()
	if !rows.Next() {
		return nil, rows.Err()
	}
	vals := make([]any, len(cols))
	ptrs := make([]any, len(cols))
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	if err := rows.Scan(ptrs...); err != nil {
		return nil, err
	}
	out := make(map[string]any, len(cols))
	for i, c := range t.Columns {
		out[c] = vals[i]
	}
	return out, nil
}
