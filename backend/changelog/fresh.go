package changelog

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"strings"
)

// A new laptop joining gets the whole board, segment after segment, and
// almost every row a segment brings is new to its log. The winners of
// such a row are the batch's own changes, so the merge takes them from
// the batch instead of reading them back from the log it just wrote.

// shortcuts are the ways the merge saves work on big batches: the
// winners of rows new to the log taken from the batch, and their changes
// logged without RETURNING (readFresh, logTheirs); rows written many to a
// statement (materializeAll) and read back a table at a time (readRows).
// They end with the same board, log and result as the plain path, one
// row at a time.
type shortcuts struct {
	on    bool
	bulk  int // rows of one table a batch must touch for the bulk reads
	chunk int // live rows written with one statement
}

// shortcutsKey carries other shortcuts than the usual in a context: the
// tests take them off, or on for the smallest batches, to hold the two
// paths against each other.
type shortcutsKey struct{}

// WithShortcutsFrom makes Apply under ctx take its shortcuts from bulk
// rows of a table on, writing chunk rows to a statement: small batches
// then take them too. The tests of packages that sync through the merge
// use it, so that the shortcuts meet what those packages do.
func WithShortcutsFrom(ctx context.Context, bulk, chunk int) context.Context {
	return context.WithValue(ctx, shortcutsKey{}, shortcuts{on: true, bulk: bulk, chunk: chunk})
}

func shortcutsOf(ctx context.Context) shortcuts {
	if s, ok := ctx.Value(shortcutsKey{}).(shortcuts); ok {
		return s
	}
	return shortcuts{on: true, bulk: bulkRows, chunk: writeChunk}
}

// readFresh finds, before the batch cs is logged, the rows of the tables
// it brings many rows of (shortcuts.bulk) that have no change in the log
// yet, keeps their winners, taken from cs, and returns them. A batch with
// a value SQLite would not give back as it is (NaN, an empty blob, text
// with a NUL) is left to the log.
func (m *merge) readFresh(cs []Change) (map[rowRef]bool, error) {
	var rows []freshRow
	index := map[rowRef]int{}
	at := make([]int, len(cs)) // each change's row in rows
	perTable := map[string]int{}
	for i, c := range cs {
		if !plain(c.Value) {
			return nil, nil
		}
		// A row's changes mostly come one after the other.
		if i > 0 && rows[at[i-1]].ref == (rowRef{c.Table, c.Key}) {
			at[i] = at[i-1]
			continue
		}
		r := rowRef{c.Table, c.Key}
		j, ok := index[r]
		if !ok {
			j = len(rows)
			index[r] = j
			rows = append(rows, freshRow{ref: r})
			perTable[c.Table]++
		}
		at[i] = j
	}
	found := false
	for table, n := range perTable {
		if n < m.short.bulk {
			continue
		}
		ks := make([]string, 0, n)
		for _, r := range rows {
			if r.ref.table == table {
				ks = append(ks, r.ref.key)
			}
		}
		list, err := json.Marshal(ks)
		if err != nil {
			return nil, err
		}
		var known []string
		err = m.selectx(&known, `SELECT DISTINCT row_key FROM changes
			WHERE tbl = ? AND row_key IN (SELECT value FROM json_each(?))`, table, string(list))
		if err != nil {
			return nil, fmt.Errorf("rows of %s in the log: %w", table, err)
		}
		old := make(map[string]bool, len(known))
		for _, k := range known {
			old[k] = true
		}
		for j := range rows {
			if rows[j].ref.table == table && !old[rows[j].ref.key] {
				rows[j].fresh, rows[j].won, found = true, newFieldWinners(), true
			}
		}
	}
	if !found {
		return nil, nil
	}
	// Of two changes the log would take for one, the first wins (offer).
	for i, c := range cs {
		if r := &rows[at[i]]; r.fresh {
			r.won.offerField(c.Col, c.HLC, c.Device, c.Value)
		}
	}
	out := map[rowRef]bool{}
	for _, r := range rows {
		if r.fresh {
			m.won[r.ref] = r.won.values
			out[r.ref] = true
		}
	}
	return out, nil
}

// freshRow is a row of a batch: whether the log knew nothing of it, and
// then its winning fields so far.
type freshRow struct {
	ref   rowRef
	fresh bool
	won   *fieldWinners
}

// plain reports whether SQLite gives v back as it is.
func plain(v any) bool {
	switch v := v.(type) {
	case nil, int64:
		return true
	case float64:
		return !math.IsNaN(v)
	case string:
		return !strings.ContainsRune(v, 0)
	case []byte:
		return len(v) > 0
	}
	return false
}
