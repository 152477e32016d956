package changelog

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/jmoiron/sqlx"

	"soundingboard/backend/store"
	"soundingboard/backend/valid"
)

// Edit is one field written to a row, by this device or a teammate: the
// change log read back as the record's history ("who changed what when").
type Edit struct {
	HLC    int64     `db:"hlc"`
	Time   time.Time `db:"-"` // when it was written, from the clock value
	Device string    `db:"device"`
	Col    string    `db:"col"`   // "" is the row's existence: 1 created or restored, 0 deleted
	Value  any       `db:"value"` // nil, int64, float64, string or []byte
	Won    bool      `db:"won"`   // this edit is the one the field holds now (the last writer)
}

// History lists every edit of the row key (its JSON primary key, as
// Change.Key) of table, newest first. Edits that lost to a concurrent
// teammate's stay in the log, so they are listed with Won false.
func History(ctx context.Context, q store.Queryer, table, key string) ([]Edit, error) {
	var p valid.Problems
	p.Required("table", table)
	var k []any
	if err := json.Unmarshal([]byte(key), &k); err != nil || len(k) == 0 {
		p.Add("key", "key must be a JSON array of the row's primary key, not %q", key)
	}
	if err := p.Err(); err != nil {
		return nil, err
	}
	var out []Edit
	err := sqlx.SelectContext(ctx, q, &out, `SELECT hlc, device, col, value,
		row_number() OVER (PARTITION BY col ORDER BY hlc DESC, device DESC) = 1 AS won
		FROM change_fields WHERE tbl = ? AND row_key = ? ORDER BY hlc DESC, device DESC, col`, table, key)
	if err != nil {
		return nil, fmt.Errorf("history of %s %s: %w", table, key, err)
	}
	for i := range out {
		out[i].Time = time.UnixMilli(out[i].HLC >> 16).UTC()
	}
	return out, nil
}
