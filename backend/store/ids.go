package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/jmoiron/sqlx"
)

// NewID hands out the next id of this device's range for a new row of any
// table. Every INSERT into a table with an integer id takes its id from
// here: SQLite's own choice (max(rowid)+1) would land in a teammate's
// range once their rows are on this laptop, and the capture triggers
// refuse such a row. Call it inside the writing transaction.
func NewID(ctx context.Context, q Queryer) (int64, error) {
	return NewIDs(ctx, q, 1)
}

// NewIDs reserves n consecutive ids and returns the first, for a
// statement that inserts several rows at once (INSERT … SELECT numbers
// them first, first+1, …). q must be the writing transaction.
func NewIDs(ctx context.Context, q Queryer, n int64) (int64, error) {
	if n < 1 {
		return 0, fmt.Errorf("new ids: asked for %d", n)
	}
	var id int64
	err := sqlx.GetContext(ctx, q, &id,
		`UPDATE sync_self SET next_id = next_id + ? WHERE next_id + ? <= id_limit RETURNING next_id - ?`, n, n, n)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, errors.New("new id: this device has used up its range of ids; it must rejoin the team as a new device")
	}
	if err != nil {
		return 0, fmt.Errorf("new id: %w", err)
	}
	return id, nil
}
