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

// shortcuts are the ways the merge saves work on big batches: winners
// taken from the batch (readFresh), rows written many to a statement
// (materializeAll) and read back a table at a time (readRows). They end
// with the same board and log as the plain path, one row at a time.
type shortcuts struct {
	on    bool
	bulk  int // rows of one table a batch must touch for the bulk reads
	chunk int // live rows written with one statement
}

// shortcutsKey carries other shortcuts than the usual in a context: the
// tests take them off, or on for the smallest batches, to hold the two
// paths against each other.
type shortcutsKey struct{}

func shortcutsOf(ctx context.Context) shortcuts {
	if s, ok := ctx.Value(shortcutsKey{}).(shortcuts); ok {
		return s
	}
	return shortcuts{on: true, bulk: bulkRows, chunk: writeChunk}
}

// readFresh finds, before the batch cs is logged, the rows of the tables
// it brings many rows of (shortcuts.bulk) that have no change in the log
// yet, keeps their winners, taken from cs, and returns them. A batch with a value SQLite
// would not give back as it is (NaN, an empty blob, text with a NUL) is
// left to the log.
func (m *merge) readFresh(cs []Change) (map[rowRef]bool, error) {
	keys := map[string][]string{}
	seen := map[rowRef]bool{}
	for _, c := range cs {
		if !plain(c.Value) {
			return nil, nil
		}
		r := rowRef{c.Table, c.Key}
		if !seen[r] {
			seen[r] = true
			keys[c.Table] = append(keys[c.Table], c.Key)
		}
	}
	fresh := map[rowRef]map[string]stamped{}
	for table, ks := range keys {
		if len(ks) < m.short.bulk {
			continue
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
		for _, k := range ks {
			if !old[k] {
				fresh[rowRef{table, k}] = map[string]stamped{}
			}
		}
	}
	if len(fresh) == 0 {
		return nil, nil
	}
	// The field's winner is the change with the greatest (hlc, device);
	// of two changes the log would take for one, the first.
	for _, c := range cs {
		w, ok := fresh[rowRef{c.Table, c.Key}]
		if !ok {
			continue
		}
		if b, ok := w[c.Col]; !ok || c.HLC > b.hlc || (c.HLC == b.hlc && c.Device > b.device) {
			w[c.Col] = stamped{c.HLC, c.Device, c.Value}
		}
	}
	out := make(map[rowRef]bool, len(fresh))
	for r, w := range fresh {
		won := make(map[string]any, len(w))
		for col, b := range w {
			won[col] = b.value
		}
		m.won[r] = won
		out[r] = true
	}
	return out, nil
}

// stamped is a field's value with its clock value and device.
type stamped struct {
	hlc    int64
	device string
	value  any
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
