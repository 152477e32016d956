// Package history shows a record's history, read from the team's change
// log: who changed what, and when, including the values a teammate's
// concurrent edit overwrote (the merge keeps them in the log). It reads
// the log on every call and keeps nothing of it, so what erasing a person
// purges from the log is gone from the history too.
package history

import (
	"context"
	"fmt"
	"time"

	"github.com/jmoiron/sqlx"

	"soundingboard/backend/changelog"
	"soundingboard/backend/store"
	"soundingboard/backend/valid"
)

// Service answers the window's and browser mode's history questions. Like
// the other services, it keeps the context it was made with.
type Service struct {
	ctx context.Context
	db  *store.DB
}

// NewService returns the history service over db.
func NewService(ctx context.Context, db *store.DB) *Service {
	return &Service{ctx: ctx, db: db}
}

// MaxEntries is how many entries RecordHistory gives at most: the newest.
const MaxEntries = 200

// Entry is one write to a record: its fields changed together by one
// person at one moment, or the record created, deleted or restored.
type Entry struct {
	When    string   `json:"when"`    // RFC 3339, UTC, from the change's clock
	Person  string   `json:"person"`  // the teammate's name; "" for this device when it has none
	Device  string   `json:"device"`  // the device's label: "Ana's laptop"
	Me      bool     `json:"me"`      // written on this device
	Event   string   `json:"event"`   // "created", "deleted", "restored", or "" for an edit
	Changes []Change `json:"changes"` // the fields the write changed (none for created and deleted)
}

// Change is one field of an Entry, as the person reads it.
type Change struct {
	Field string `json:"field"` // "Email"
	Old   string `json:"old"`   // "" for empty
	New   string `json:"new"`
	// OverwrittenBy names the teammate whose later edit of the field, on
	// another device, replaced this value: when the two edits were
	// concurrent this is the losing value, kept only here. The log cannot
	// tell a concurrent edit from one made after seeing this value, so
	// both are named. "" when the value stands or this device replaced it.
	OverwrittenBy string `json:"overwrittenBy"`
}

// RecordHistory lists the writes to one record, newest first, at most
// MaxEntries. kind is member, reminder, session, assumption or decision.
// A board in no team logs nothing, so its records have no history yet.
func (s *Service) RecordHistory(kind string, id int64) ([]Entry, error) {
	rec, ok := records[kind]
	var p valid.Problems
	if !ok {
		p.Add("kind", "kind %q is not one of %s", kind, kinds)
	}
	if id <= 0 {
		p.Add("id", "id %d is not a record's id", id)
	}
	if err := p.Err(); err != nil {
		return nil, err
	}
	return store.Read(s.ctx, s.db, func(q store.Queryer) ([]Entry, error) {
		edits, err := changelog.History(s.ctx, q, rec.table, fmt.Sprintf("[%d]", id))
		if err != nil {
			return nil, err
		}
		if len(edits) == 0 {
			var n int
			if err := sqlx.GetContext(s.ctx, q, &n, `SELECT count(*) FROM `+rec.table+` WHERE id = ?`, id); err != nil {
				return nil, fmt.Errorf("%s %d: %w", kind, id, err)
			}
			if n == 0 {
				return nil, store.NotFound("%s %d not found", kind, id)
			}
			return []Entry{}, nil
		}
		if kind == "member" {
			tags, err := tagEdits(s.ctx, q, id)
			if err != nil {
				return nil, err
			}
			edits = append(edits, tags...)
		}
		who, err := people(s.ctx, q)
		if err != nil {
			return nil, err
		}
		r := reader{ctx: s.ctx, q: q, names: map[ref]map[int64]string{}}
		entries := rec.entries(edits, who, r.name)
		if r.err != nil {
			return nil, r.err
		}
		return entries, nil
	})
}

// person is who wrote with a device.
type person struct{ name, label string }

// team maps device ids to people; me is this device.
type team struct {
	devices map[string]person
	me      string
}

// who is the person behind device.
func (t team) who(device string) person {
	if p, ok := t.devices[device]; ok {
		return p
	}
	if device == t.me {
		return person{label: "this laptop"}
	}
	return person{name: "A former teammate", label: "device " + device[:min(8, len(device))]}
}

// people reads the team's devices (every device the team ever listed,
// removed ones too: their edits stay in the log) and this device's id.
func people(ctx context.Context, q store.Queryer) (team, error) {
	t := team{devices: map[string]person{}}
	var rows []struct {
		ID     string `db:"id"`
		Person string `db:"person"`
		Label  string `db:"label"`
	}
	if err := sqlx.SelectContext(ctx, q, &rows, `SELECT id, person, label FROM team_devices`); err != nil {
		return t, fmt.Errorf("team devices: %w", err)
	}
	for _, r := range rows {
		t.devices[r.ID] = person{name: r.Person, label: r.Label}
	}
	if err := sqlx.GetContext(ctx, q, &t.me, `SELECT device FROM sync_self`); err != nil {
		return t, fmt.Errorf("this device: %w", err)
	}
	return t, nil
}

// reader looks up the names of referenced records, once each.
type reader struct {
	ctx   context.Context
	q     store.Queryer
	names map[ref]map[int64]string
	err   error
}

// name is the current name of record id in r.table; a record deleted since
// reads as such.
func (rd *reader) name(r ref, id int64) string {
	if n, ok := rd.names[r][id]; ok {
		return n
	}
	var names []string
	err := sqlx.SelectContext(rd.ctx, rd.q, &names, `SELECT `+r.col+` FROM `+r.table+` WHERE id = ?`, id)
	if err != nil && rd.err == nil {
		rd.err = fmt.Errorf("name of %s %d: %w", r.table, id, err)
	}
	n := fmt.Sprintf("(deleted, #%d)", id)
	if len(names) == 1 {
		n = names[0]
	}
	if rd.names[r] == nil {
		rd.names[r] = map[int64]string{}
	}
	rd.names[r][id] = n
	return n
}

// stamp is the moment of a clock value (ms << 16 | counter) as the
// entries give it.
func stamp(hlc int64) string { return time.UnixMilli(hlc >> 16).UTC().Format(time.RFC3339) }
