package storetest

import (
	"fmt"
	"testing"

	"soundingboard/backend/store"
)

// Device is a laptop of a team made by InTeam.
type Device struct {
	Person  string
	Removed bool
}

// InTeam puts db's board in a team of devices, written straight into the
// team tables (no folder, no keys that open anything): enough for what
// reads the roster (package teammates). The first device is this laptop.
// Tests of sync itself make real teams (package team).
func InTeam(tb testing.TB, db *store.DB, devices ...Device) {
	tb.Helper()
	id := func(i int) string { return fmt.Sprintf("%032x", i+1) }
	for i, d := range devices {
		var removed any
		if d.Removed {
			removed = "2026-01-02T00:00:00Z"
		}
		if _, err := db.Exec(`INSERT INTO team_devices (id, person, label, sign_key, recipient, slot, added_by, added_at, removed_at)
			VALUES (?, ?, ?, zeroblob(32), 'age1test', ?, ?, ?, ?)`, id(i), d.Person, d.Person+"'s laptop", i, id(0),
			fmt.Sprintf("2026-01-01T00:00:%02dZ", i), removed); err != nil {
			tb.Fatalf("team device %s: %v", d.Person, err)
		}
	}
	if _, err := db.Exec(`INSERT INTO team_self (one, folder, identity, epoch, joined_at) VALUES (1, 'team', x'00', 1, '2026-01-01T00:00:00Z')`); err != nil {
		tb.Fatalf("team: %v", err)
	}
	if _, err := db.Exec(`UPDATE sync_self SET device = ?`, id(0)); err != nil {
		tb.Fatalf("team: %v", err)
	}
}
