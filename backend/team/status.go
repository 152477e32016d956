package team

import (
	"errors"
	"fmt"
	"strings"

	"github.com/jmoiron/sqlx"

	"soundingboard/backend/store"
	"soundingboard/backend/teamfile"
)

// Status is the team as this laptop sees it.
type Status struct {
	InTeam    bool       `json:"inTeam"`
	Folder    string     `json:"folder"`
	Device    string     `json:"device"`   // this device's id
	LastSync  string     `json:"lastSync"` // RFC 3339 UTC of the last pass through the folder; "" for none
	Pending   int        `json:"pending"`  // this device's changes not yet written out
	Held      int        `json:"held"`     // changes received but held back
	Waiting   int        `json:"waiting"`  // rows waiting for a parent not yet received
	Teammates []Teammate `json:"teammates"`
	Problems  []string   `json:"problems"` // from the last pass
}

// Teammate is one device of the team.
type Teammate struct {
	Device   string `json:"device"`
	Person   string `json:"person"`
	Label    string `json:"label"`
	Me       bool   `json:"me"`
	Files    int    `json:"files"`    // its segment files applied here
	LastFile string `json:"lastFile"` // when the last of them was applied, RFC 3339 UTC
	Removed  bool   `json:"removed"`
}

// Status tells whether the board is in a team, who is in it and how sync
// stands.
func (s *Service) Status() (Status, error) {
	return store.Read(s.ctx, s.db, func(q store.Queryer) (Status, error) {
		var st Status
		me, err := loadSelf(s.ctx, q)
		if errors.Is(err, errNoTeam) {
			return st, nil
		}
		if err != nil {
			return st, err
		}
		st.InTeam, st.Folder, st.Device = true, me.Folder, me.id.ID.String()
		st.LastSync = me.LastSync.String
		var row struct {
			Pending  int    `db:"pending"`
			Held     int    `db:"held"`
			Waiting  int    `db:"waiting"`
			Problems string `db:"problems"`
		}
		err = q.QueryRowxContext(s.ctx, `SELECT
			(SELECT count(*) FROM changes WHERE device = (SELECT device FROM sync_self) AND seq > (SELECT segment_upto FROM team_self)) AS pending,
			(SELECT count(*) FROM team_held) AS held,
			(SELECT count(*) FROM sync_waiting) AS waiting,
			(SELECT problems FROM team_self) AS problems`).StructScan(&row)
		if err != nil {
			return st, fmt.Errorf("team status: %w", err)
		}
		st.Pending, st.Held, st.Waiting = row.Pending, row.Held, row.Waiting
		st.Problems = []string{}
		if row.Problems != "" {
			st.Problems = strings.Split(row.Problems, "\n")
		}
		var mates []struct {
			deviceRow
			Files    int    `db:"files"`
			LastFile string `db:"last_file"`
		}
		err = sqlx.SelectContext(s.ctx, q, &mates, `SELECT d.id, d.person, d.label, d.sign_key, d.recipient, d.slot, d.removed_at,
			coalesce(c.seq, 0) AS files, coalesce(c.at, '') AS last_file
			FROM team_devices d LEFT JOIN team_cursor c ON c.device = d.id AND c.kind = ? AND d.id <> (SELECT device FROM sync_self)
			ORDER BY d.added_at, d.id`, teamfile.KindSegment)
		if err != nil {
			return st, fmt.Errorf("team status: %w", err)
		}
		for _, m := range mates {
			st.Teammates = append(st.Teammates, Teammate{Device: m.ID, Person: m.Person, Label: m.Label,
				Me: m.ID == st.Device, Files: m.Files, LastFile: m.LastFile, Removed: m.RemovedAt != nil})
		}
		return st, nil
	})
}
