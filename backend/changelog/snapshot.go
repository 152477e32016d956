package changelog

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/jmoiron/sqlx"

	"soundingboard/backend/store"
)

// LogAll logs every row of the board as this device's change, each row
// under its own clock value: the board a device brings into a new team
// (its changes until then were not logged). It runs in the caller's
// transaction, with capture on, and returns how many changes it logged.
func LogAll(ctx context.Context, tx *sqlx.Tx) (int64, error) {
	tables, err := store.ReplicatedTables(ctx, tx)
	if err != nil {
		return 0, err
	}
	var total int64
	for _, t := range tables {
		var base int64
		if err := tx.GetContext(ctx, &base, `SELECT max(hlc, CAST(unixepoch('subsec') * 1000 AS INTEGER) << 16) FROM sync_self`); err != nil {
			return total, fmt.Errorf("clock: %w", err)
		}
		selects := []string{`SELECT sb_n, 0, sb_key, '', 1 FROM r`}
		for i, c := range t.Columns {
			selects = append(selects, `SELECT sb_n, `+strconv.Itoa(i+1)+`, sb_key, `+quote(c)+`, `+ident(c)+` FROM r`)
		}
		// Each row's fields share one clock value and follow each other in
		// the log, as a trigger logs them: a segment then never ends
		// inside a row (see Pending). Rows follow each other.
		res, err := tx.ExecContext(ctx, `WITH r AS (SELECT *, `+t.KeyExpr("")+` AS sb_key, row_number() OVER () AS sb_n FROM `+ident(t.Name)+`),
			f (sb_n, sb_c, sb_key, col, value) AS (`+strings.Join(selects, " UNION ALL ")+`)
			INSERT INTO changes (hlc, device, tbl, row_key, col, value)
			SELECT ? + sb_n, (SELECT device FROM sync_self), ?, sb_key, col, value FROM f ORDER BY sb_n, sb_c`, base, t.Name)
		if err != nil {
			return total, fmt.Errorf("log the rows of %s: %w", t.Name, err)
		}
		n, _ := res.RowsAffected()
		total += n
		if _, err := tx.ExecContext(ctx, `UPDATE sync_self SET hlc = ? + (SELECT count(*) FROM `+ident(t.Name)+`)`, base); err != nil {
			return total, err
		}
	}
	return total, nil
}

func quote(s string) string { return `'` + strings.ReplaceAll(s, `'`, `''`) + `'` }
