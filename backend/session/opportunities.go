package session

// Opportunities after a session: where each stands (exploring,
// prototyping, on the roadmap, dropped), the entry it came from, and the
// hypothesis it became, an assumption of the session's decision that the
// decision's map and the ledger show with its origin.

import (
	"context"
	"fmt"

	"github.com/jmoiron/sqlx"

	"soundingboard/backend/store"
	"soundingboard/backend/valid"
)

// opportunitySelect reads opportunities o with their hypothesis a and the
// text of the entry they came from e.
const opportunitySelect = `SELECT o.id, o.session_id, o.hmw, o.effort, o.impact, o.picked, o.status,
	coalesce(o.assumption_id, 0) AS assumption_id, coalesce(o.source_entry_id, 0) AS source_entry_id,
	coalesce(e.text, '') AS source, coalesce(a.customers, '') AS customers, coalesce(a.behavior, '') AS behavior,
	coalesce(a.reason, '') AS reason, o.created_at
FROM opportunities o LEFT JOIN assumptions a ON a.id = o.assumption_id LEFT JOIN entries e ON e.id = o.source_entry_id`

// loadOpportunities reads the opportunities matching where (over
// opportunities o; a constant of this package): picked first, then by
// impact, effort and age. Never nil.
func loadOpportunities(ctx context.Context, q store.Queryer, where string, args ...any) ([]Opportunity, error) {
	var rows []struct {
		Opportunity
		Customers string `db:"customers"`
		Behavior  string `db:"behavior"`
		Reason    string `db:"reason"`
	}
	if err := sqlx.SelectContext(ctx, q, &rows, opportunitySelect+` WHERE `+where+`
		ORDER BY o.picked DESC, o.impact DESC, o.effort, o.id`, args...); err != nil {
		return nil, fmt.Errorf("read opportunities: %w", err)
	}
	out := make([]Opportunity, len(rows))
	for i, r := range rows {
		out[i] = r.Opportunity
		if r.AssumptionID != 0 {
			out[i].Assumption = sentence(Assumption{Customers: r.Customers, Behavior: r.Behavior, Reason: r.Reason})
		}
	}
	return out, nil
}

// getOpportunity reads one opportunity; NotFound for an unknown id.
func getOpportunity(ctx context.Context, q store.Queryer, id int64) (Opportunity, error) {
	os, err := loadOpportunities(ctx, q, `o.id = ?`, id)
	if err != nil {
		return Opportunity{}, err
	}
	if len(os) == 0 {
		return Opportunity{}, store.NotFound("opportunity %d not found", id)
	}
	return os[0], nil
}

// checkSourceEntry checks that an opportunity's source entry (0 = none)
// is a text entry of its session.
func checkSourceEntry(ctx context.Context, q store.Queryer, sessionID, entryID int64) error {
	if entryID == 0 {
		return nil
	}
	e, err := getSynthEntry(ctx, q, entryID)
	if err != nil {
		return fmt.Errorf("sourceEntryId: %w", err)
	}
	var own int64
	if err := sqlx.GetContext(ctx, q, &own, `SELECT session_id FROM entries WHERE id = ?`, e.ID); err != nil {
		return fmt.Errorf("sourceEntryId: %w", err)
	}
	if own != sessionID {
		return store.Invalid("sourceEntryId %d belongs to session %d, not %d", entryID, own, sessionID)
	}
	return nil
}

// SetOpportunityStatus moves an opportunity on: exploring, prototyping,
// on the roadmap, or dropped.
func (s *Syntheses) SetOpportunityStatus(id int64, status string) (Opportunity, error) {
	var p valid.Problems
	p.OneOf("status", status, OpportunityStatuses...)
	if err := p.Err(); err != nil {
		return Opportunity{}, fmt.Errorf("set status of opportunity %d: %w", id, err)
	}
	var out Opportunity
	err := store.WithTx(s.ctx, s.db, func(tx *sqlx.Tx) error {
		if err := store.ExecOne(s.ctx, tx, fmt.Sprintf("opportunity %d", id),
			`UPDATE opportunities SET status = ? WHERE id = ?`, status, id); err != nil {
			return err
		}
		var err error
		out, err = getOpportunity(s.ctx, tx, id)
		return err
	})
	if err != nil {
		return Opportunity{}, fmt.Errorf("set status of opportunity %d: %w", id, err)
	}
	return out, nil
}

// OpportunityToAssumption turns an opportunity into a hypothesis: a new
// assumption (in.ID 0) of its session's decision (in.DecisionID 0 or that
// decision), validated as SaveAssumption validates one, linked from the
// opportunity (which the assumption then names as its origin). An
// opportunity becomes one hypothesis; a second call is refused. It
// answers the assumption.
func (s *Syntheses) OpportunityToAssumption(id int64, in AssumptionInput) (Assumption, error) {
	what := fmt.Sprintf("turn opportunity %d into a hypothesis", id)
	var out Assumption
	err := store.WithTx(s.ctx, s.db, func(tx *sqlx.Tx) error {
		o, err := getOpportunity(s.ctx, tx, id)
		if err != nil {
			return err
		}
		if o.AssumptionID != 0 {
			return store.Invalid("opportunity %d already became assumption %d", id, o.AssumptionID)
		}
		if in.ID != 0 {
			return store.Invalid("id %d: a hypothesis is a new assumption", in.ID)
		}
		var decisionID int64
		if err := sqlx.GetContext(s.ctx, tx, &decisionID, `SELECT decision_id FROM sessions WHERE id = ?`,
			o.SessionID); err != nil {
			return store.Map(err, fmt.Sprintf("session %d", o.SessionID))
		}
		if in.DecisionID != 0 && in.DecisionID != decisionID {
			return store.Invalid("decisionId %d: the session's decision is %d", in.DecisionID, decisionID)
		}
		in.DecisionID = decisionID
		if err := in.Validate(); err != nil {
			return err
		}
		aid, err := insertAssumption(s.ctx, tx, in, s.stamp())
		if err != nil {
			return err
		}
		if err := store.ExecOne(s.ctx, tx, fmt.Sprintf("opportunity %d", id),
			`UPDATE opportunities SET assumption_id = ? WHERE id = ?`, aid, id); err != nil {
			return err
		}
		if out, err = getAssumption(s.ctx, tx, aid); err != nil {
			return err
		}
		refs, err := opportunityRefs(s.ctx, tx, `a.id = ?`, aid)
		out.FromOpportunity = refs[aid]
		return err
	})
	if err != nil {
		return Assumption{}, fmt.Errorf("%s: %w", what, err)
	}
	return out, nil
}

// opportunityRefs reads, for the assumptions matching where (over
// assumptions a; a constant of this package), the opportunity each was
// turned from, by assumption id.
func opportunityRefs(ctx context.Context, q store.Queryer, where string, args ...any) (map[int64]*OpportunityRef, error) {
	var rows []struct {
		AssumptionID int64 `db:"assumption_id"`
		OpportunityRef
	}
	if err := sqlx.SelectContext(ctx, q, &rows, `SELECT o.assumption_id, o.id, o.hmw, o.session_id, s.title AS session_title
		FROM opportunities o JOIN sessions s ON s.id = o.session_id JOIN assumptions a ON a.id = o.assumption_id
		WHERE `+where+` ORDER BY o.id`, args...); err != nil {
		return nil, fmt.Errorf("read opportunities of assumptions: %w", err)
	}
	out := map[int64]*OpportunityRef{}
	for _, r := range rows {
		if out[r.AssumptionID] == nil {
			ref := r.OpportunityRef
			out[r.AssumptionID] = &ref
		}
	}
	return out, nil
}
