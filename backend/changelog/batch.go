package changelog

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
)

// writeChunk is how many live rows of one table, with the same fields,
// the merge writes with one statement. One statement per row is most of
// what writing costs: each runs the capture triggers' set-up and the
// full-text index's flush.
const writeChunk = 64

// materializeAll writes the rows, in order (see materialize). Runs of
// writeChunk live rows of one table with the same fields go to one
// statement. A statement that fails is undone by SQLite, and its rows are
// then written one by one, where a clash is folded as for any row: the
// board ends the same either way.
func (m *merge) materializeAll(order []rowRef) error {
	var run []rowRef
	var runCols []string
	flush := func() error {
		for _, r := range run {
			if err := m.materialize(r); err != nil {
				return err
			}
		}
		run = run[:0]
		return nil
	}
	for _, r := range order {
		w, err := m.winners(r)
		if err != nil {
			return err
		}
		if !alive(w) || !m.short.on {
			if err := flush(); err != nil {
				return err
			}
			if err := m.materialize(r); err != nil {
				return err
			}
			continue
		}
		cols := fields(m.tables[r.table], w)
		if len(run) > 0 && (run[0].table != r.table || !slices.Equal(cols, runCols)) {
			if err := flush(); err != nil {
				return err
			}
		}
		run, runCols = append(run, r), cols
		if len(run) == m.short.chunk {
			if m.writeRun(run, cols) {
				run = run[:0]
				continue
			}
			if err := flush(); err != nil {
				return err
			}
		}
	}
	return flush()
}

// writeRun writes the live rows run, of one table and with the columns
// cols, with one statement, and reports whether it did.
func (m *merge) writeRun(run []rowRef, cols []string) bool {
	if len(cols) == 0 {
		return false
	}
	args := make([]any, 0, len(run)*len(cols))
	for _, r := range run {
		w := m.won[r]
		for _, c := range cols {
			args = append(args, w[c])
		}
	}
	_, err := m.exec(m.upsert(m.tables[run[0].table], cols, len(run)), args...)
	return err == nil
}

// readRows reads ahead, for each table with many of the rows
// (sorted by table), those rows as the board has them now, with one
// statement per table: a row the board does not have is there as nil.
// Rows of the other tables are not there at all (see row).
func (m *merge) readRows(rows []rowRef) (map[rowRef]map[string]any, error) {
	out := map[rowRef]map[string]any{}
	if !m.short.on {
		return out, nil
	}
	for i := 0; i < len(rows); {
		j := i
		for j < len(rows) && rows[j].table == rows[i].table {
			j++
		}
		if j-i >= m.short.bulk {
			if err := m.readTableRows(rows[i:j], out); err != nil {
				return nil, err
			}
		}
		i = j
	}
	return out, nil
}

// readTableRows reads rows, all of one table, into out.
func (m *merge) readTableRows(rows []rowRef, out map[rowRef]map[string]any) error {
	t := m.tables[rows[0].table]
	keys := make([]string, len(rows))
	for i, r := range rows {
		keys[i] = r.key
		out[r] = nil
	}
	list, err := json.Marshal(keys)
	if err != nil {
		return err
	}
	cols := make([]string, len(t.Columns))
	for i, c := range t.Columns {
		cols[i] = "b." + ident(c)
	}
	on := make([]string, len(t.Key))
	for i, k := range t.Key {
		on[i] = fmt.Sprintf(`b.%s = json_extract(j.value, '$[%d]')`, ident(k), i)
	}
	rs, err := m.queryx(`SELECT j.value, `+strings.Join(cols, ", ")+` FROM json_each(?) AS j
		JOIN `+ident(t.Name)+` AS b ON `+strings.Join(on, " AND "), string(list))
	if err != nil {
		return fmt.Errorf("read %s: %w", t.Name, err)
	}
	defer rs.Close() //nolint:errcheck // rs.Err below reports what went wrong while reading
	vals := make([]any, len(cols)+1)
	ptrs := make([]any, len(vals))
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	for rs.Next() {
		if err := rs.Scan(ptrs...); err != nil {
			return err
		}
		key, _ := vals[0].(string)
		row := make(map[string]any, len(t.Columns))
		for i, c := range t.Columns {
			row[c] = vals[i+1]
		}
		out[rowRef{t.Name, key}] = row
	}
	if err := rs.Err(); err != nil {
		return fmt.Errorf("read %s: %w", t.Name, err)
	}
	return nil
}
