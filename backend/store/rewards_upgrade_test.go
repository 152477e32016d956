package store_test

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jmoiron/sqlx"

	"soundingboard/backend/store"
)

// Migration 11 rebuilds rewards to let a promised one go without a date:
// every reward keeps its id and values and reads as given, a date goes
// with "given" and only with it, and sessions start with no budget.
func TestRewardsUpgradeKeepsRewards(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old.db")
	db, err := sqlx.Open("sqlite", store.DSN(path))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if err := store.MigrateTo(ctx, db, "", 10); err != nil {
		t.Fatal(err)
	}
	for _, stmt := range []string{
		`INSERT INTO members (id, name, created_at, updated_at) VALUES (7, 'Zoë', '2024-01-05T09:00:00Z', '2024-01-05T09:00:00Z')`,
		`INSERT INTO rewards (id, member_id, what, value_cents, currency, given_on, note, created_at) VALUES
			(41, 7, 'Gift card', 5000, 'EUR', '2024-02-01', 'thanks', '2024-02-01T12:00:00Z')`,
		`INSERT INTO decisions (id, title, created_at, updated_at) VALUES (1, 'D', '2024-03-01T09:00:00Z', '2024-03-01T09:00:00Z')`,
		`INSERT INTO sessions (id, decision_id, title, created_at, updated_at) VALUES (3, 1, 'S', '2024-03-01T09:00:00Z', '2024-03-01T09:00:00Z')`,
	} {
		if _, err := db.Exec(stmt); err != nil {
			t.Fatal(err)
		}
	}
	if err := store.MigrateTo(ctx, db, "", store.LatestVersion()); err != nil {
		t.Fatal(err)
	}
	var got string
	if err := db.Get(&got, `SELECT id || '|' || member_id || '|' || what || '|' || value_cents || '|' || currency || '|' ||
		status || '|' || given_on || '|' || note || '|' || created_at || '|' || coalesce(session_id, 'none')
		FROM rewards`); err != nil {
		t.Fatal(err)
	}
	if want := "41|7|Gift card|5000|EUR|given|2024-02-01|thanks|2024-02-01T12:00:00Z|none"; got != want {
		t.Errorf("reward after upgrade %q, want %q", got, want)
	}
	if err := db.Get(&got, `SELECT reward_budget_cents || ' ' || quote(reward_currency) FROM sessions WHERE id = 3`); err != nil || got != "0 ''" {
		t.Errorf("session budget after upgrade %q (%v)", got, err)
	}
	newID := func() int64 {
		t.Helper()
		id, err := store.NewID(ctx, db)
		if err != nil {
			t.Fatal(err)
		}
		return id
	}
	for _, bad := range []string{
		`INSERT INTO rewards (id, member_id, what, status, given_on, created_at) VALUES (?, 7, 'Mug', 'promised', '2024-02-01', 'x')`,
		`INSERT INTO rewards (id, member_id, what, status, given_on, created_at) VALUES (?, 7, 'Mug', 'given', NULL, 'x')`,
		`INSERT INTO rewards (id, member_id, what, status, given_on, created_at) VALUES (?, 7, 'Mug', 'maybe', NULL, 'x')`,
		`INSERT INTO session_attendees (id, session_id, name, role, created_at) VALUES (?, 3, '  ', 'sales', 'x')`,
	} {
		if _, err := db.Exec(bad, newID()); err == nil || !strings.Contains(err.Error(), "CHECK constraint failed") {
			t.Errorf("%s: %v, want a CHECK failure", bad, err)
		}
	}
	if _, err := db.Exec(`INSERT INTO rewards (id, member_id, session_id, what, status, created_at) VALUES (?, 7, 3, 'Mug', 'promised', 'x')`,
		newID()); err != nil {
		t.Errorf("a promised reward without a date: %v", err)
	}
}
