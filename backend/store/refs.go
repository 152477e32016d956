package store

// Moving what points at one row to another: folding two rows into one.
// The team merge folds rows that clash on a UNIQUE rule (changelog), the
// board merges a duplicate member into the member on record; both move
// references the same way, from the schema's foreign keys, so a table
// added later is covered without a list to keep.

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/jmoiron/sqlx"
)

// Ref is a column of a child table that refers to a parent table's rows.
type Ref struct {
	Child  string `db:"child"`
	Column string `db:"col"`
}

// RefsTo lists every foreign key of the schema that points at table.
func RefsTo(ctx context.Context, q Queryer, table string) ([]Ref, error) {
	var refs []Ref
	err := sqlx.SelectContext(ctx, q, &refs, `SELECT t.name AS child, f."from" AS col
		FROM sqlite_schema t, pragma_foreign_key_list(t.name) f
		WHERE t.type = 'table' AND f."table" = ? ORDER BY t.name, f.id, f.seq`, table)
	if err != nil {
		return nil, fmt.Errorf("references to %s: %w", table, err)
	}
	return refs, nil
}

// ExecFunc runs one statement: a transaction's ExecContext bound to its
// context, or a cache of prepared statements.
type ExecFunc func(query string, args ...any) (sql.Result, error)

// MoveRef points ref at row into wherever it points at row from. A row
// that cannot move because it would duplicate one already pointing at into
// (the same tag on one member twice, two consents of a kind) is deleted:
// the row of into is the one kept.
func MoveRef(exec ExecFunc, ref Ref, from, into int64) error {
	child, col := quoteIdent(ref.Child), quoteIdent(ref.Column)
	if _, err := exec(`UPDATE OR IGNORE `+child+` SET `+col+` = ? WHERE `+col+` = ?`, into, from); err != nil {
		return fmt.Errorf("move %s.%s: %w", ref.Child, ref.Column, err)
	}
	if _, err := exec(`DELETE FROM `+child+` WHERE `+col+` = ?`, from); err != nil {
		return fmt.Errorf("duplicates in %s.%s: %w", ref.Child, ref.Column, err)
	}
	return nil
}
