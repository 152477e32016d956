package store_test

import (
	"context"
	"strings"
	"testing"

	"github.com/jmoiron/sqlx"

	"soundingboard/backend/store"
	"soundingboard/backend/storetest"
)

func TestNewRowsTakeTheirIDFromTheDeviceCounter(t *testing.T) {
	ctx := context.Background()
	db := storetest.Open(t)
	_, err := db.ExecContext(ctx, `INSERT INTO tags (name) VALUES ('beta')`)
	wantErr(t, err, "tags", "store.NewID")

	id := storetest.NewID(t, db)
	if _, err := db.ExecContext(ctx, `INSERT INTO tags (id, name) VALUES (?, 'beta')`, id); err != nil {
		t.Fatalf("insert with a counter id: %v", err)
	}
	if next := storetest.NewID(t, db); next != id+1 {
		t.Fatalf("next id = %d, want %d", next, id+1)
	}
	// An id past the counter (a teammate's range) is refused outside a merge.
	_, err = db.ExecContext(ctx, `INSERT INTO tags (id, name) VALUES (?, 'gamma')`, int64(1)<<40)
	wantErr(t, err, "store.NewID")

	// The end of the range is an error that names it, not a wrapped id.
	db.MustExec(`UPDATE sync_self SET next_id = id_limit`)
	err = store.WithTx(ctx, db, func(tx *sqlx.Tx) error {
		_, err := store.NewID(ctx, tx)
		return err
	})
	wantErr(t, err, "used up its range")
}

func TestCaptureLogsEachChangedFieldInTheWritingTransaction(t *testing.T) {
	ctx := context.Background()
	db := storetest.Open(t)
	db.MustExec(`UPDATE sync_self SET capture = 1, device = 'aa'`)
	id := storetest.NewID(t, db)
	db.MustExec(`INSERT INTO tags (id, name) VALUES (?, 'beta')`, id)
	db.MustExec(`UPDATE tags SET name = 'Beta' WHERE id = ?`, id) // a case-only change is a change
	db.MustExec(`UPDATE tags SET name = 'Beta' WHERE id = ?`, id) // no change, no record

	tx := db.MustBegin()
	tx.MustExec(`UPDATE tags SET name = 'rolled back' WHERE id = ?`, id)
	if err := tx.Rollback(); err != nil {
		t.Fatal(err)
	}
	db.MustExec(`DELETE FROM tags WHERE id = ?`, id)

	var got []struct {
		HLC   int64  `db:"hlc"`
		Col   string `db:"col"`
		Value any    `db:"value"`
	}
	if err := db.SelectContext(ctx, &got, `SELECT hlc, col, value FROM changes WHERE tbl = 'tags' ORDER BY seq`); err != nil {
		t.Fatal(err)
	}
	want := []struct {
		col   string
		value any
	}{{"", int64(1)}, {"id", id}, {"name", "beta"}, {"name", "Beta"}, {"", int64(0)}}
	if len(got) != len(want) {
		t.Fatalf("changes = %+v, want %d rows", got, len(want))
	}
	for i, w := range want {
		if got[i].Col != w.col || got[i].Value != w.value {
			t.Errorf("change %d = %s=%v, want %s=%v", i, got[i].Col, got[i].Value, w.col, w.value)
		}
		if i > 0 && got[i].HLC < got[i-1].HLC {
			t.Errorf("change %d has hlc %d before %d", i, got[i].HLC, got[i-1].HLC)
		}
	}
	if got[3].HLC == got[2].HLC || got[4].HLC == got[3].HLC {
		t.Error("separate writes share a clock value")
	}
}

// wantErr fails t unless err mentions every fragment.
func wantErr(t *testing.T, err error, fragments ...string) {
	t.Helper()
	if err == nil {
		t.Fatalf("no error, want one mentioning %q", fragments)
	}
	for _, f := range fragments {
		if !strings.Contains(err.Error(), f) {
			t.Errorf("error %q does not mention %q", err, f)
		}
	}
}
