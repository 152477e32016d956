package session

// The decision log: what the team decided because of the evidence.

import (
	"fmt"
	"strings"

	"github.com/jmoiron/sqlx"

	"soundingboard/backend/store"
	"soundingboard/backend/valid"
)

const logColumns = `id, decision_id, outcome, rationale, decided_on, created_at`

// validate normalises a log entry ("" date = today, outcome lower-cased,
// rationale trimmed) and checks it; a decision cannot be logged ahead of
// time.
func (in *LogInput) validate(today string) error {
	in.Outcome = strings.ToLower(strings.TrimSpace(in.Outcome))
	in.Rationale = strings.TrimSpace(in.Rationale)
	in.DecidedOn = strings.TrimSpace(in.DecidedOn)
	if in.DecidedOn == "" {
		in.DecidedOn = today
	}
	var p valid.Problems
	p.OneOf("outcome", in.Outcome, Outcomes...)
	p.MaxLen("rationale", in.Rationale, maxRationale)
	n := len(p)
	p.Date("decidedOn", in.DecidedOn)
	if len(p) == n && in.DecidedOn > today {
		p.Add("decidedOn", "decidedOn %s is in the future", in.DecidedOn)
	}
	return p.Err()
}

// AddLogEntry records what the team decided because of the evidence.
func (s *Decisions) AddLogEntry(decisionID int64, in LogInput) (LogEntry, error) {
	if err := in.validate(s.today()); err != nil {
		return LogEntry{}, fmt.Errorf("log decision %d: %w", decisionID, err)
	}
	var out LogEntry
	err := store.WithTx(s.ctx, s.db, func(tx *sqlx.Tx) error {
		var n int
		if err := sqlx.GetContext(s.ctx, tx, &n, `SELECT count(*) FROM decisions WHERE id = ?`, decisionID); err != nil {
			return err
		}
		if n == 0 {
			return store.NotFound("decision %d not found", decisionID)
		}
		id, err := store.NewID(s.ctx, tx)
		if err != nil {
			return err
		}
		err = sqlx.GetContext(s.ctx, tx, &out, `INSERT INTO decision_log
			(id, decision_id, outcome, rationale, decided_on, created_at) VALUES (?, ?, ?, ?, ?, ?)
			RETURNING `+logColumns, id, decisionID, in.Outcome, in.Rationale, in.DecidedOn, s.stamp())
		return store.Map(err, "log entry")
	})
	if err != nil {
		return LogEntry{}, fmt.Errorf("log decision %d: %w", decisionID, err)
	}
	return out, nil
}
