package session

import (
	"context"
	"fmt"
	"strings"

	"github.com/jmoiron/sqlx"

	"soundingboard/backend/store"
	"soundingboard/backend/valid"
	"soundingboard/backend/wording"
)

// Limits on what a person types into the plan.
const (
	maxTitle    = 300
	maxQuestion = 2000
	maxShort    = 200 // owner, facilitator, note taker
	maxPlace    = 500 // a room or a long call link
	maxAgenda   = 20000
	maxCustomer = 300 // assumption parts, as the schema allows
	maxClause   = 500
	maxListItem = 300 // one prompt or opener line
	maxList     = 20  // prompts or opener lines
)

// Validate trims the input and checks every field, naming it.
func (in *DecisionInput) Validate() error {
	for _, f := range []*string{&in.Title, &in.Question, &in.Owner, &in.Deadline} {
		*f = strings.TrimSpace(*f)
	}
	var p valid.Problems
	p.Text("title", in.Title, maxTitle)
	p.MaxLen("question", in.Question, maxQuestion)
	p.MaxLen("owner", in.Owner, maxShort)
	p.Date("deadline", in.Deadline)
	return p.Err()
}

const decisionSelect = `SELECT d.id, d.title, d.question, d.owner, coalesce(d.deadline, '') AS deadline,
	(SELECT count(*) FROM assumptions a WHERE a.decision_id = d.id) AS assumptions,
	(SELECT count(*) FROM sessions s WHERE s.decision_id = d.id) AS sessions,
	coalesce((SELECT l.outcome FROM decision_log l WHERE l.decision_id = d.id
		ORDER BY l.decided_on DESC, l.id DESC LIMIT 1), '') AS last_outcome,
	d.created_at, d.updated_at
FROM decisions d`

func getDecision(ctx context.Context, q store.Queryer, id int64) (Decision, error) {
	var d Decision
	if err := sqlx.GetContext(ctx, q, &d, decisionSelect+` WHERE d.id = ?`, id); err != nil {
		return Decision{}, store.Map(err, fmt.Sprintf("decision %d", id))
	}
	return d, nil
}

// ListDecisions returns all decisions, nearest deadline first (those
// without a deadline last, by title).
func (s *Decisions) ListDecisions() ([]Decision, error) {
	ds := []Decision{}
	err := sqlx.SelectContext(s.ctx, s.db, &ds, decisionSelect+`
		ORDER BY d.deadline IS NULL, d.deadline, d.title, d.id`)
	if err != nil {
		return nil, fmt.Errorf("list decisions: %w", err)
	}
	return ds, nil
}

// GetDecision returns a decision with its assumptions (riskiest first),
// its sessions (in ListSessions order) and its log (oldest first).
func (s *Decisions) GetDecision(id int64) (DecisionDetail, error) {
	out, err := read(&s.core, func(q store.Queryer) (DecisionDetail, error) { return readDecision(s.ctx, q, id) })
	if err != nil {
		return DecisionDetail{}, fmt.Errorf("get decision %d: %w", id, err)
	}
	return out, nil
}

// readDecision reads a decision with its assumptions, sessions and log
// through q.
func readDecision(ctx context.Context, q store.Queryer, id int64) (DecisionDetail, error) {
	var out DecisionDetail
	var err error
	if out.Decision, err = getDecision(ctx, q, id); err != nil {
		return DecisionDetail{}, err
	}
	if out.Assumptions, err = decisionAssumptions(ctx, q, id); err != nil {
		return DecisionDetail{}, err
	}
	if out.Sessions, err = sessionItems(ctx, q, `WHERE s.decision_id = ?`, id); err != nil {
		return DecisionDetail{}, err
	}
	out.Log = []LogEntry{}
	err = sqlx.SelectContext(ctx, q, &out.Log, `SELECT `+logColumns+`, tell
		FROM decision_log WHERE decision_id = ? ORDER BY decided_on, id`, id)
	if err != nil {
		return DecisionDetail{}, fmt.Errorf("log: %w", err)
	}
	return out, nil
}

// SaveDecision creates (ID 0) or updates a decision.
func (s *Decisions) SaveDecision(in DecisionInput) (Decision, error) {
	what := "create decision"
	if in.ID != 0 {
		what = fmt.Sprintf("update decision %d", in.ID)
	}
	if err := in.Validate(); err != nil {
		return Decision{}, fmt.Errorf("%s: %w", what, err)
	}
	var d Decision
	err := store.WithTx(s.ctx, s.db, func(tx *sqlx.Tx) error {
		id := in.ID
		now := s.stamp()
		if id == 0 {
			var err error
			if id, err = store.NewID(s.ctx, tx); err != nil {
				return err
			}
			_, err = tx.ExecContext(s.ctx, `INSERT INTO decisions (id, title, question, owner, deadline, created_at,
				updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)`, id, in.Title, in.Question, in.Owner, nullString(in.Deadline), now, now)
			if err != nil {
				return store.Map(err, "decision")
			}
		} else if err := store.ExecOne(s.ctx, tx, fmt.Sprintf("decision %d", id),
			`UPDATE decisions SET title = ?, question = ?, owner = ?, deadline = ?, updated_at = ? WHERE id = ?`,
			in.Title, in.Question, in.Owner, nullString(in.Deadline), now, id); err != nil {
			return err
		}
		var err error
		d, err = getDecision(s.ctx, tx, id)
		return err
	})
	if err != nil {
		return Decision{}, fmt.Errorf("%s: %w", what, err)
	}
	return d, nil
}

// DeleteDecision removes a decision that no session uses, with its
// assumptions and log.
func (s *Decisions) DeleteDecision(id int64) error {
	err := store.WithTx(s.ctx, s.db, func(tx *sqlx.Tx) error {
		d, err := getDecision(s.ctx, tx, id)
		if err != nil {
			return err
		}
		if d.Sessions > 0 {
			return store.Invalid("decision %q is tested in %s; delete those first", d.Title, wording.Count(d.Sessions, "session", "sessions"))
		}
		return store.ExecOne(s.ctx, tx, fmt.Sprintf("decision %d", id), `DELETE FROM decisions WHERE id = ?`, id)
	})
	if err != nil {
		return fmt.Errorf("delete decision %d: %w", id, err)
	}
	return nil
}
