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
	// upserts are the row writes made so far, by table, columns and rows.
	upserts map[string]string
	short   shortcuts
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
	m := &merge{ctx: ctx, tx: tx, tables: map[string]store.Table{}, refs: map[string][]foreignKey{},
		stmts: map[string]*sqlx.Stmt{}, won: map[rowRef]map[string]any{}, upserts: map[string]string{}, short: shortcutsOf(ctx)}
	if m.fks, err = foreignKeys(ctx, tx, tables); err != nil {
		return nil, err
	}
	for _, t := range tables {
		m.tables[t.Name] = t
		for _, fk := range m.fks[t.Name] {
			m.refs[fk.Parent] = append(m.refs[fk.Parent], fk)
		}
	}
	m.order = parentsFirst(tables, m.fks)
	return m, nil
}

// foreignKeys reads the REFERENCES clauses of the tables, by child table,
// indexed by SQLite's fk id.
func foreignKeys(ctx context.Context, tx *sqlx.Tx, tables []store.Table) (map[string][]foreignKey, error) {
	out := map[string][]foreignKey{}
	for _, t := range tables {
		var fks []foreignKey
		err := tx.SelectContext(ctx, &fks,
			`SELECT id, ? AS child, "table" AS parent, "from", coalesce("to", 'id') AS "to", on_delete FROM pragma_foreign_key_list(?) ORDER BY id, seq`, t.Name, t.Name)
		if err != nil {
			return nil, fmt.Errorf("foreign keys of %s: %w", t.Name, err)
		}
		for _, fk := range fks {
			if fk.ID != len(out[t.Name]) {
				return nil, fmt.Errorf("foreign key %d of %s spans several columns; team sync merges single-column keys", fk.ID, t.Name)
			}
			out[t.Name] = append(out[t.Name], fk)
		}
	}
	return out, nil
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
	// Sized for the whole batch, which is nearly always accepted: growing
	// it change by change was 4 % of the merge's time in a join.
	accepted := make([]Change, 0, len(in))
	for _, c := range in {
		t, known := m.tables[c.Table]
		if c.HLC > limit || !known || (c.Col != "" && !slices.Contains(t.Columns, c.Col)) {
			res.Held = append(res.Held, c)
			continue
		}
		accepted = append(accepted, c)
	}
	forgotten, err := m.forgottenRows()
	if err != nil {
		return res, err
	}
	accepted, erasures := keepForgotten(accepted, forgotten)
	var fresh map[rowRef]bool
	if m.short.on {
		if fresh, err = m.readFresh(accepted); err != nil {
			return res, err
		}
	}
	latest, err := m.logTheirs(accepted, fresh, self.Device, rows, &res.Applied)
	if err != nil {
		return res, err
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
	order := m.sorted(rows)
	if err := m.readWinners(order); err != nil {
		return res, err
	}
	if err := m.materializeAll(order); err != nil {
		return res, err
	}
	if err := m.keepForeignKeys(); err != nil {
		return res, err
	}
	logged, err := m.logDifferences()
	if err != nil {
		return res, err
	}
	res.Logged = logged
	if res.Forgotten, err = m.forgetArrived(accepted, erasures); err != nil {
		return res, err
	}
	if err := m.get(&res.Waiting, `SELECT count(*) FROM sync_waiting`); err != nil {
		return res, err
	}
	_, err = m.exec(`UPDATE sync_self SET capture = 1`)
	return res, err
}

// logChunk is how many changes logTheirs writes with one statement (six
// parameters each, well below SQLite's limit).
const logChunk = 1000

// logTheirs adds the teammates' changes to the log, many to a statement
// (one statement per change is most of the time a new laptop spends
// joining). It counts in applied those new to this board, marks their
// rows, and returns the latest clock among them.
//
// The changes of rows new to the log (fresh, see readFresh) go first,
// their fields folded into images (see imagesOf), and need not say which
// were added: a change of such a row is new unless the batch repeats
// it. The others are held against the log as they are added: one an
// image holds already is not added again.
func (m *merge) logTheirs(cs []Change, fresh map[rowRef]bool, self string, rows map[rowRef]bool, applied *int) (int64, error) {
	var latest int64
	var old []Change
	if len(fresh) > 0 {
		news, rest, folded, err := imagesOf(cs, fresh, self)
		if err != nil {
			return 0, fmt.Errorf("log changes: %w", err)
		}
		old = rest
		*applied += folded
		for _, c := range news {
			rows[rowRef{c.Table, c.Key}] = true
			latest = max(latest, c.HLC)
		}
		for len(news) > 0 {
			chunk := news[:min(logChunk, len(news))]
			news = news[len(chunk):]
			res, err := m.exec(`INSERT OR IGNORE INTO changes (hlc, device, tbl, row_key, col, value) `+values(len(chunk)), changeArgs(chunk)...)
			if err != nil {
				return 0, fmt.Errorf("log changes: %w", err)
			}
			n, err := res.RowsAffected()
			if err != nil {
				return 0, fmt.Errorf("log changes: %w", err)
			}
			*applied += int(n)
		}
	} else {
		old = cs
	}
	for len(old) > 0 {
		chunk := old[:min(logChunk, len(old))]
		old = old[len(chunk):]
		query := `INSERT OR IGNORE INTO changes (hlc, device, tbl, row_key, col, value)
			SELECT * FROM (` + values(len(chunk)) + `) v WHERE NOT EXISTS (SELECT 1 FROM changes i
				WHERE i.tbl = v.column3 AND i.row_key = v.column4 AND i.col = '*' AND i.hlc = v.column1 AND i.device = v.column2
				AND json_type(i.value, '$.' || json_quote(v.column5)) IS NOT NULL)
			RETURNING tbl, row_key, hlc`
		if err := m.scanLogged(query, changeArgs(chunk), rows, applied, &latest); err != nil {
			return 0, fmt.Errorf("log changes: %w", err)
		}
	}
	return latest, nil
}

// values is a VALUES clause of n changes' six columns.
func values(n int) string {
	return `VALUES (?, ?, ?, ?, ?, ?)` + strings.Repeat(`, (?, ?, ?, ?, ?, ?)`, n-1)
}

func changeArgs(cs []Change) []any {
	args := make([]any, 0, 6*len(cs))
	for _, c := range cs {
		args = append(args, c.HLC, c.Device, c.Table, c.Key, c.Col, c.Value)
	}
	return args
}

func (m *merge) scanLogged(query string, args []any, rows map[rowRef]bool, applied *int, latest *int64) error {
	rs, err := m.queryx(query, args...)
	if err != nil {
		return err
	}
	defer rs.Close() //nolint:errcheck // rs.Err below reports what went wrong while reading
	for rs.Next() {
		var r rowRef
		var hlc int64
		if err := rs.Scan(&r.table, &r.key, &hlc); err != nil {
			return err
		}
		rows[r] = true
		*applied++
		*latest = max(*latest, hlc)
	}
	return rs.Err()
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
	defer rows.Close() //nolint:errcheck // rows.Err below reports what went wrong while reading
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
// value with the greatest (hlc, device), whether logged alone or in an
// image of the row (see fieldWinners). Only logOwn adds to
// the log once rows are being written, so a row's winners are read once
// per merge and kept.
func (m *merge) winners(r rowRef) (map[string]any, error) {
	if w, ok := m.won[r]; ok {
		return w, nil
	}
	rows, err := m.queryx(`SELECT col, hlc, device, value FROM changes WHERE tbl = ? AND row_key = ?
		ORDER BY col DESC, hlc DESC, device DESC`, r.table, r.key)
	if err != nil {
		return nil, fmt.Errorf("fields of %s %s: %w", r.table, r.key, err)
	}
	defer rows.Close() //nolint:errcheck // rows.Err below reports what went wrong while reading
	w := newFieldWinners()
	for rows.Next() {
		var col, device string
		var hlc int64
		var v any
		if err := rows.Scan(&col, &hlc, &device, &v); err != nil {
			return nil, err
		}
		if err := w.offer(col, hlc, device, v); err != nil {
			return nil, fmt.Errorf("fields of %s %s: %w", r.table, r.key, err)
		}
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("fields of %s %s: %w", r.table, r.key, err)
	}
	m.won[r] = w.values
	return w.values, nil
}

// bulkRows is how many rows of one table a batch must touch for the
// merge to read the table's whole log at once (a new laptop joining)
// rather than row by row.
const bulkRows = 2000

// readWinners reads ahead the winners of the rows (sorted by table) of
// every table the batch touches in bulk, but for those it has already
// (see readFresh).
func (m *merge) readWinners(rows []rowRef) error {
	for i := 0; i < len(rows); {
		var todo []rowRef
		j := i
		for ; j < len(rows) && rows[j].table == rows[i].table; j++ {
			if _, ok := m.won[rows[j]]; !ok {
				todo = append(todo, rows[j])
			}
		}
		if len(todo) >= m.short.bulk {
			if err := m.readTableWinners(todo); err != nil {
				return err
			}
		}
		i = j
	}
	return nil
}

// readTableWinners reads the winners of rows, all of one table, with one
// scan of the log's index over the range of their keys (a new laptop
// gets a table's rows in key order, segment after segment, so the range
// holds few other rows).
func (m *merge) readTableWinners(rows []rowRef) error {
	table := rows[0].table
	want := set(rows)
	lo, hi := rows[0].key, rows[0].key
	for _, r := range rows {
		lo, hi = min(lo, r.key), max(hi, r.key)
	}
	rs, err := m.queryx(`SELECT row_key, col, hlc, device, value FROM changes WHERE tbl = ? AND row_key BETWEEN ? AND ?
		ORDER BY row_key DESC, col DESC, hlc DESC, device DESC`, table, lo, hi)
	if err != nil {
		return fmt.Errorf("fields of %s: %w", table, err)
	}
	defer rs.Close() //nolint:errcheck // rs.Err below reports what went wrong while reading
	var key string
	var w *fieldWinners
	for rs.Next() {
		var k, col, device string
		var hlc int64
		var v any
		if err := rs.Scan(&k, &col, &hlc, &device, &v); err != nil {
			return err
		}
		if k != key || w == nil {
			key, w = k, newFieldWinners()
			if r := (rowRef{table, k}); want[r] {
				m.won[r] = w.values
			}
		}
		if err := w.offer(col, hlc, device, v); err != nil {
			return fmt.Errorf("fields of %s %s: %w", table, k, err)
		}
	}
	if err := rs.Err(); err != nil {
		return fmt.Errorf("fields of %s: %w", table, err)
	}
	return nil
}

func alive(w map[string]any) bool { v, ok := w[""].(int64); return ok && v == 1 }

// keyWhere is the WHERE clause that finds the row whose key is the JSON
// array bound as the first argument.
func keyWhere(t store.Table) string { return keyMatch(t, "", "?1") }

// keyMatch is the condition that the row of t named by prefix ("" or an
// alias and a dot) has the key that the SQL expression key holds (a JSON
// array, as changes.row_key).
func keyMatch(t store.Table, prefix, key string) string {
	parts := make([]string, len(t.Key))
	for i, k := range t.Key {
		parts[i] = fmt.Sprintf(`%s%s = json_extract(%s, '$[%d]')`, prefix, ident(k), key, i)
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
	defer rows.Close() //nolint:errcheck // rows.Err below reports what went wrong while reading
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
