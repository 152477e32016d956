// Package teammates says who may own a reminder or an action. On a shared
// board an owner is a teammate: the person a listed device names (several
// laptops can be one person's), or "" for nobody in particular. On a board
// in no team there is nobody to choose from, so an owner stays free text:
// what was typed keeps its meaning, and once the board is shared an owner
// who is a teammate's name is already theirs.
//
// The reminders and actions services check owners with it; the team
// service hands the roster to the window for its owner pickers.
package teammates

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/jmoiron/sqlx"

	"soundingboard/backend/store"
	"soundingboard/backend/valid"
)

// MeSQL is the person of this device on a shared board, NULL otherwise:
// sync_self names the device, team_devices its person. team_self is
// checked too, because a board that left its team keeps its device rows.
const MeSQL = `(SELECT d.person FROM team_devices d JOIN sync_self s ON d.id = s.device
	WHERE EXISTS (SELECT 1 FROM team_self))`

// Roster is who can own things on this board.
type Roster struct {
	Shared bool     `json:"shared"` // the board is in a team
	Me     string   `json:"me"`     // this laptop's person; "" when not shared (or not let in yet)
	People []string `json:"people"` // the current teammates' names, each once, by name
}

// Load reads the roster: the people of the team's devices not removed.
func Load(ctx context.Context, q store.Queryer) (Roster, error) {
	var head struct {
		Shared bool   `db:"shared"`
		Me     string `db:"me"`
	}
	if err := sqlx.GetContext(ctx, q, &head, `SELECT EXISTS (SELECT 1 FROM team_self) AS shared,
		coalesce(`+MeSQL+`, '') AS me`); err != nil {
		return Roster{}, fmt.Errorf("teammates: %w", err)
	}
	r := Roster{Shared: head.Shared, Me: head.Me, People: []string{}}
	if !r.Shared {
		return r, nil
	}
	if err := sqlx.SelectContext(ctx, q, &r.People, `SELECT DISTINCT person FROM team_devices
		WHERE removed_at IS NULL ORDER BY person`); err != nil {
		return Roster{}, fmt.Errorf("teammates: %w", err)
	}
	return r, nil
}

// Check records a problem of field when owner (trimmed) cannot own
// something on this board: on a shared board it must be "" or a current
// teammate. kept is the owner already stored (an edit); keeping it is
// always allowed, so a follow-up of someone who left the team can still
// be edited or ticked off without first being handed to someone else.
func (r Roster) Check(p *valid.Problems, field, owner, kept string) {
	if !r.Shared || owner == "" || owner == kept || slices.Contains(r.People, owner) {
		return
	}
	p.Add(field, "%s %q is not a teammate; choose one of %s, or leave it empty for nobody in particular",
		field, owner, strings.Join(r.People, ", "))
}

// Validate checks the owner of row id of table (0 for a new row) against
// the roster (Check), the row's stored owner being the one kept: nil, or
// an invalid error naming the field "owner". table is a constant of the
// caller, never input.
func Validate(ctx context.Context, q store.Queryer, table string, id int64, owner string) error {
	r, err := Load(ctx, q)
	if err != nil || !r.Shared || owner == "" {
		return err
	}
	var kept string
	if id != 0 {
		err := sqlx.GetContext(ctx, q, &kept, `SELECT owner FROM `+table+` WHERE id = ?`, id)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("owner of %s %d: %w", table, id, err)
		}
	}
	var p valid.Problems
	r.Check(&p, "owner", owner, kept)
	return p.Err()
}
