package changelog

import (
	"context"
	"fmt"
	"strings"

	"github.com/jmoiron/sqlx"

	"soundingboard/backend/store"
)

// LogAll logs every row of the board as this device's change, each row
// under its own clock value: the board a device brings into a new team
// (its changes until then were not logged). It runs in the caller's
// transaction, with capture on, and returns how many changes it logged.
//
// The log is written parents first and a row's fields one after the
// other, so a teammate that applies it in segments (see Pending) gets
// each row whole, after its parent.
func LogAll(ctx context.Context, tx *sqlx.Tx) (int64, error) {
	tables, err := store.ReplicatedTables(ctx, tx)
	if err != nil {
		return 0, err
	}
	fks, err := foreignKeys(ctx, tx, tables)
	if err != nil {
		return 0, err
	}
	byName := map[string]store.Table{}
	for _, t := range tables {
		byName[t.Name] = t
	}
	var total int64
	for _, name := range parentsFirst(tables, fks) {
		t := byName[name]
		var base int64
		if err := tx.GetContext(ctx, &base, `SELECT max(hlc, CAST(unixepoch('subsec') * 1000 AS INTEGER) << 16) FROM sync_self`); err != nil {
			return total, fmt.Errorf("clock: %w", err)
		}
		fields := []string{`(0, '')`}
		pick := []string{`WHEN 0 THEN 1`}
		for i, c := range t.Columns {
			fields = append(fields, fmt.Sprintf(`(%d, %s)`, i+1, quote(c)))
			pick = append(pick, fmt.Sprintf(`WHEN %d THEN r.%s`, i+1, ident(c)))
		}
		// Each row's fields share one clock value; rows follow each other.
		// CROSS JOIN keeps r the outer loop: a row's fields are logged
		// together.
		res, err := tx.ExecContext(ctx, `WITH r AS (SELECT *, `+t.KeyExpr("")+` AS sb_key, row_number() OVER () AS sb_n FROM `+ident(t.Name)+`),
			f (sb_i, sb_col) AS (VALUES `+strings.Join(fields, ", ")+`)
			INSERT INTO changes (hlc, device, tbl, row_key, col, value)
			SELECT ? + r.sb_n, (SELECT device FROM sync_self), ?, r.sb_key, f.sb_col, CASE f.sb_i `+strings.Join(pick, " ")+` END
			FROM r CROSS JOIN f`, base, t.Name)
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
