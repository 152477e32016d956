package store_test

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/jmoiron/sqlx"

	"soundingboard/backend/store"
	"soundingboard/backend/storetest"
)

// wantDiskFull fails t unless err reads as a full disk: its kind, its
// code for the frontend, and a message without SQLite's "(13)".
func wantDiskFull(t *testing.T, err error) {
	t.Helper()
	if !errors.Is(err, store.ErrDiskFull) {
		t.Errorf("err %v is not ErrDiskFull", err)
	}
	p := store.Describe(err)
	if p.Code != store.CodeDiskFull || strings.Contains(p.Message, "(13)") || !strings.Contains(p.Message, "disk is full") {
		t.Errorf("described as %+v, want code disk_full and a message saying the disk is full", p)
	}
}

// A write that finds no room (a size limit standing in for a full disk)
// says so, through a service's write and through a migration.
func TestDiskFullReadsAsSuch(t *testing.T) {
	ctx := context.Background()
	t.Run("write", func(t *testing.T) {
		db := storetest.Open(t)
		// Migrations that drop tables leave free pages a write would
		// reuse; without them, any new row needs a new page.
		if _, err := db.Exec(`VACUUM`); err != nil {
			t.Fatal(err)
		}
		var pages int
		if err := db.Get(&pages, `PRAGMA page_count`); err != nil {
			t.Fatal(err)
		}
		// Exec runs on the write connection: the limit holds for its writes.
		if _, err := db.Exec(`PRAGMA max_page_count = ` + strconv.Itoa(pages)); err != nil {
			t.Fatal(err)
		}
		err := store.WithTx(ctx, db, func(tx *sqlx.Tx) error {
			_, err := tx.ExecContext(ctx, `INSERT INTO settings (key, value) SELECT 'k' || n, hex(randomblob(3000)) FROM (SELECT 1 AS n UNION ALL SELECT 2 UNION ALL SELECT 3)`)
			return err
		})
		wantDiskFull(t, store.Classify(err))
		// Describe classifies, too, a SQLite error the caller wrapped unclassified.
		p := store.Describe(fmt.Errorf("save: %w", err))
		if p.Code != store.CodeDiskFull || p.Message != "The disk is full: free some space and try again." {
			t.Errorf("unclassified, described as %+v; want code disk_full and the sentence without the context", p)
		}
	})
	t.Run("migrate", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "sb.db")
		db, err := sqlx.Open("sqlite", store.DSN(path))
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		db.SetMaxOpenConns(1)
		if _, err := db.Exec(`PRAGMA max_page_count = 8`); err != nil {
			t.Fatal(err)
		}
		err = store.Migrate(ctx, db, path)
		if err == nil {
			t.Fatal("migrated into 8 pages")
		}
		wantDiskFull(t, err)
	})
}

// Describe gives people the domain error's own words as a sentence, never
// the context wrapped around it on the way up; an unexpected error says only
// that something went wrong.
func TestDescribeDropsTheWrappedContext(t *testing.T) {
	cases := []struct {
		err  error
		want store.Payload
	}{
		{fmt.Errorf("get member 9999: %w", store.NotFound("member %d not found", 9999)),
			store.Payload{Message: "Member 9999 not found.", Code: store.CodeNotFound}},
		{fmt.Errorf("create member: %w", store.Conflict("email %s is already used by %s", "a@b.example", "Ada")),
			store.Payload{Message: "Email a@b.example is already used by Ada.", Code: store.CodeConflict}},
		{fmt.Errorf("update reminder 3: %w", store.InvalidFields([]store.Problem{
			{Field: "dueAt", Message: "dueAt is required"},
			{Field: "decisionId", Message: "decisionId 4 is not a decision"},
			{Field: "assumptionIds", Message: "assumptionIds lists assumption 5 twice"},
			{Message: "3 themes is more than 2"}})),
			store.Payload{Message: "Due at is required. Decision 4 is not a decision. Assumptions lists assumption 5 twice. 3 themes is more than 2.",
				Code: store.CodeInvalid, Fields: []store.Problem{
					{Field: "dueAt", Message: "Due at is required."},
					{Field: "decisionId", Message: "Decision 4 is not a decision."},
					{Field: "assumptionIds", Message: "Assumptions lists assumption 5 twice."},
					{Message: "3 themes is more than 2."}}}},
		{fmt.Errorf("render report: write /tmp/x.pdf: %w", errors.New("permission denied")),
			store.Payload{Message: "Something went wrong inside Sounding Board. Try again; if it keeps happening, its log has the details.",
				Code: store.CodeInternal}},
	}
	for _, tc := range cases {
		got := store.Describe(tc.err)
		if got.Message != tc.want.Message || got.Code != tc.want.Code || fmt.Sprint(got.Fields) != fmt.Sprint(tc.want.Fields) {
			t.Errorf("Describe(%v) = %+v, want %+v", tc.err, got, tc.want)
		}
	}
}
