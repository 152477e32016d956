// Package changelog merges teammates' changes into this board.
//
// The board's tables are the state; the change log (table changes,
// written by the capture triggers of package store) is the truth they
// are derived from. A field's value is the last one written, by hybrid
// logical clock, ties broken by device id; a row lives or dies the same
// way, through its field "". Applying a batch of changes writes the rows
// they touch from the log's winners. What the merge itself has to change
// to keep the schema's rules (a cascade, a duplicate folded into its
// twin, a parent kept alive for its children) is logged as this device's
// own change, so every device ends with the same log and the same state,
// whatever order the changes came in.
package changelog

import (
	"context"
	"errors"
	"fmt"
	"math"
	"time"

	"github.com/jmoiron/sqlx"

	"soundingboard/backend/store"
)

// Change is one field written on one device.
type Change struct {
	HLC    int64  `db:"hlc"`
	Device string `db:"device"`
	Table  string `db:"tbl"`
	Key    string `db:"row_key"` // JSON array of the row's primary key
	Col    string `db:"col"`     // "" is the row's existence: 1 alive, 0 deleted
	Value  any    `db:"value"`   // nil, int64, float64, string or []byte
}

// MaxSkew is how far ahead of this laptop's clock a change may be stamped
// and still be applied. A laptop whose clock runs further ahead would win
// every field for good; its changes are held until the clock catches up.
const MaxSkew = 10 * time.Minute

// Pending returns this device's own changes logged after seq (at most
// limit of them, and then the rest of the last row write's fields), in the
// order they were written, and the seq of the last one (seq itself if
// none).
//
// A batch never ends inside a row write: the fields one write logged under
// one clock value go together, or a teammate applying the batch alone
// would get a row without its required fields and could apply nothing
// more.
func Pending(ctx context.Context, q store.Queryer, after int64, limit int) ([]Change, int64, error) {
	return own(ctx, q, after, math.MaxInt64, limit)
}

// Between returns this device's own changes with seq in (after, upto], in
// the order they were written: a segment's changes, to write it again.
func Between(ctx context.Context, q store.Queryer, after, upto int64) ([]Change, error) {
	cs, _, err := own(ctx, q, after, upto, math.MaxInt32)
	return cs, err
}

// ownChanges selects this device's changes with seq in (?, ?], in order.
const ownChanges = `SELECT seq, hlc, device, tbl, row_key, col, value FROM changes
	WHERE device = (SELECT device FROM sync_self) AND seq > ? AND seq <= ?`

type ownRow struct {
	Seq int64 `db:"seq"`
	Change
}

func own(ctx context.Context, q store.Queryer, after, upto int64, limit int) ([]Change, int64, error) {
	var rows []ownRow
	err := sqlx.SelectContext(ctx, q, &rows, ownChanges+` ORDER BY seq LIMIT ?`, after, upto, limit)
	if err == nil && len(rows) == limit {
		// The rest of the last write: its changes up to the next clock value.
		last := rows[len(rows)-1]
		var rest []ownRow
		err = sqlx.SelectContext(ctx, q, &rest, ownChanges+` AND hlc = ? AND seq < coalesce((SELECT min(seq) FROM changes
			WHERE device = (SELECT device FROM sync_self) AND seq > ? AND hlc <> ?), ?) ORDER BY seq`,
			last.Seq, upto, last.HLC, last.Seq, last.HLC, int64(math.MaxInt64))
		rows = append(rows, rest...)
	}
	if err != nil {
		return nil, after, fmt.Errorf("this device's changes: %w", err)
	}
	out := make([]Change, len(rows))
	for i, r := range rows {
		out[i] = r.Change
		after = r.Seq
	}
	return out, after, nil
}

// Result tells what Apply did.
type Result struct {
	Applied int      // changes new to this board
	Held    []Change // stamped too far ahead, or for a table or column this schema lacks
	Waiting int      // rows waiting for a parent not yet received
	Logged  int      // changes the merge logged as this device's own
	// Forgotten counts the changes about erased rows the log let go (see
	// Erase): this transaction deleted personal data, so the caller
	// should make SQLite overwrite the freed pages (privacy.ErasePerson).
	Forgotten int
}

// Apply merges changes from teammates into the board, in one transaction.
// A change already in the log is skipped, so a batch can be applied again
// after a crash. now is this laptop's clock, for the skew check.
func Apply(ctx context.Context, db store.TxBeginner, in []Change, now time.Time) (Result, error) {
	var res Result
	err := store.WithTx(ctx, db, func(tx *sqlx.Tx) (err error) {
		res, err = ApplyTx(ctx, tx, in, now)
		return err
	})
	return res, err
}

// ApplyTx is Apply inside the caller's transaction, for a caller that
// records in the same transaction which file it applied.
func ApplyTx(ctx context.Context, tx *sqlx.Tx, in []Change, now time.Time) (Result, error) {
	m, err := newMerge(ctx, tx)
	if err != nil {
		return Result{}, fmt.Errorf("apply changes: %w", err)
	}
	res, err := m.apply(in, now)
	if err = errors.Join(err, m.close()); err != nil {
		return Result{}, fmt.Errorf("apply changes: %w", err)
	}
	return res, nil
}
