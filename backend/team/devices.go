package team

import (
	"context"
	"fmt"
	"time"

	"github.com/jmoiron/sqlx"

	"soundingboard/backend/store"
	"soundingboard/backend/teamfile"
)

// addDevice lists a device in team_devices: from then on the team trusts
// its files. Written with capture on, the row travels to every teammate.
func addDevice(ctx context.Context, q store.Queryer, d teamfile.Device, person string, slot int64, by string, at time.Time) error {
	_, err := q.ExecContext(ctx, `INSERT INTO team_devices (id, person, label, sign_key, recipient, slot, added_by, added_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, d.ID.String(), person, d.Name, []byte(d.SignKey), d.Recipient, slot, by, stamp(at))
	if err != nil {
		return fmt.Errorf("add device %s: %w", d.ID, err)
	}
	return nil
}

// deviceRow is a row of team_devices.
type deviceRow struct {
	ID        string  `db:"id"`
	Person    string  `db:"person"`
	Label     string  `db:"label"`
	SignKey   []byte  `db:"sign_key"`
	Recipient string  `db:"recipient"`
	Slot      int64   `db:"slot"`
	RemovedAt *string `db:"removed_at"`
}

func (r deviceRow) device() (teamfile.Device, error) {
	id, err := teamfile.ParseDeviceID(r.ID)
	if err != nil {
		return teamfile.Device{}, err
	}
	return teamfile.Device{ID: id, SignKey: r.SignKey, Recipient: r.Recipient, Name: r.Label}, nil
}

func devices(ctx context.Context, q store.Queryer) ([]deviceRow, error) {
	var rows []deviceRow
	err := sqlx.SelectContext(ctx, q, &rows, `SELECT id, person, label, sign_key, recipient, slot, removed_at
		FROM team_devices ORDER BY added_at, id`)
	if err != nil {
		return nil, fmt.Errorf("team devices: %w", err)
	}
	return rows, nil
}

// trust is whose files this device accepts: the team's devices, less
// those removed.
func trust(rows []deviceRow) (teamfile.Trust, error) {
	t := teamfile.Trust{Devices: map[teamfile.DeviceID]teamfile.Device{}, Removed: map[teamfile.DeviceID]bool{}}
	for _, r := range rows {
		d, err := r.device()
		if err != nil {
			return t, fmt.Errorf("team device %s: %w", r.ID, err)
		}
		t.Devices[d.ID] = d
		if r.RemovedAt != nil {
			t.Removed[d.ID] = true
		}
	}
	return t, nil
}

// teamTrust reads the team's devices and whose files to accept.
func teamTrust(ctx context.Context, q store.Queryer) ([]deviceRow, teamfile.Trust, error) {
	team, err := devices(ctx, q)
	if err != nil {
		return nil, teamfile.Trust{}, err
	}
	tr, err := trust(team)
	return team, tr, err
}

// keys are the team's data keys this device holds.
func keys(ctx context.Context, q store.Queryer) (teamfile.Keys, error) {
	var rows []struct {
		Epoch uint32 `db:"epoch"`
		Key   []byte `db:"key"`
	}
	if err := sqlx.SelectContext(ctx, q, &rows, `SELECT epoch, key FROM team_keys`); err != nil {
		return nil, fmt.Errorf("data keys: %w", err)
	}
	out := teamfile.Keys{}
	for _, r := range rows {
		out[r.Epoch] = r.Key
	}
	return out, nil
}
