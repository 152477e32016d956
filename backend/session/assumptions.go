package session

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/jmoiron/sqlx"

	"soundingboard/backend/store"
	"soundingboard/backend/valid"
)

// Validate trims and lower-cases the input and checks every field, naming
// it. The decision's existence is checked by SaveAssumption.
func (in *AssumptionInput) Validate() error {
	for _, f := range []*string{&in.Customers, &in.Behavior, &in.Reason, &in.Category} {
		*f = strings.TrimSpace(*f)
	}
	in.Category = strings.ToLower(in.Category)
	var p valid.Problems
	if in.DecisionID <= 0 {
		p.Add("decisionId", "decisionId is required")
	}
	p.Text("customers", in.Customers, maxCustomer)
	p.Text("behavior", in.Behavior, maxClause)
	p.Text("reason", in.Reason, maxClause)
	p.OneOf("category", in.Category, Categories...)
	p.Range("importance", in.Importance, 1, 5)
	p.Range("evidence", in.Evidence, 1, 5)
	return p.Err()
}

// markTop marks the assumptions to test first, the "top 5": the
// TopAssumptions riskiest of those that are important (4–5) with little
// evidence (1–2). Fewer are marked when fewer are that risky: an
// assumption with evidence, or of less importance, is never top. It is the
// one rule for the decision page, the ledger and their maps.
func markTop(as []*Assumption) {
	var risky []*Assumption
	for _, a := range as {
		a.Top = false
		if a.Importance >= 4 && a.Evidence <= 2 {
			risky = append(risky, a)
		}
	}
	sort.SliceStable(risky, func(i, j int) bool {
		a, b := risky[i], risky[j]
		if ra, rb := risk(a.Importance, a.Evidence), risk(b.Importance, b.Evidence); ra != rb {
			return ra > rb
		}
		if a.Importance != b.Importance {
			return a.Importance > b.Importance
		}
		return a.ID < b.ID
	})
	for _, a := range risky[:min(len(risky), TopAssumptions)] {
		a.Top = true
	}
}

// placedNote marks an assumption's first position on the map, recorded
// when it is created: its placement, where its trail starts, not a move.
const placedNote = "created"

// SaveAssumption creates (ID 0) or updates an assumption. Its first
// position on the importance × evidence map is recorded as its placement,
// and a move whenever importance or evidence changes later. An assumption
// stays with the decision it was written for.
func (s *Decisions) SaveAssumption(in AssumptionInput) (Assumption, error) {
	what := "create assumption"
	if in.ID != 0 {
		what = fmt.Sprintf("update assumption %d", in.ID)
	}
	if err := in.Validate(); err != nil {
		return Assumption{}, fmt.Errorf("%s: %w", what, err)
	}
	var a Assumption
	err := store.WithTx(s.ctx, s.db, func(tx *sqlx.Tx) error {
		now := s.stamp()
		if _, err := getDecision(s.ctx, tx, in.DecisionID); err != nil {
			return err
		}
		id := in.ID
		if id == 0 {
			var err error
			if id, err = insertAssumption(s.ctx, tx, in, now); err != nil {
				return err
			}
		} else {
			old, err := getAssumption(s.ctx, tx, id)
			if err != nil {
				return err
			}
			if old.DecisionID != in.DecisionID {
				return store.Invalid("decisionId %d: assumption %d belongs to decision %d and can't move to another",
					in.DecisionID, id, old.DecisionID)
			}
			_, err = tx.ExecContext(s.ctx, `UPDATE assumptions SET customers = ?, behavior = ?, reason = ?,
				category = ?, importance = ?, evidence = ?, updated_at = ? WHERE id = ?`,
				in.Customers, in.Behavior, in.Reason, in.Category, in.Importance, in.Evidence, now, id)
			if err != nil {
				return store.Map(err, fmt.Sprintf("assumption %d", id))
			}
			if old.Importance != in.Importance || old.Evidence != in.Evidence {
				if err := recordMove(s.ctx, tx, id, in.Importance, in.Evidence, now, "edited"); err != nil {
					return err
				}
			}
		}
		var err error
		a, err = getAssumption(s.ctx, tx, id)
		return err
	})
	if err != nil {
		return Assumption{}, fmt.Errorf("%s: %w", what, err)
	}
	return a, nil
}

// insertAssumption adds a validated assumption to its (existing)
// decision and records its placement on the map; it returns its id.
func insertAssumption(ctx context.Context, tx *sqlx.Tx, in AssumptionInput, now string) (int64, error) {
	id, err := store.NewID(ctx, tx)
	if err != nil {
		return 0, err
	}
	_, err = tx.ExecContext(ctx, `INSERT INTO assumptions (id, decision_id, customers, behavior, reason,
		category, importance, evidence, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		id, in.DecisionID, in.Customers, in.Behavior, in.Reason, in.Category, in.Importance, in.Evidence, now, now)
	if err != nil {
		return 0, store.Map(err, "assumption")
	}
	return id, recordMove(ctx, tx, id, in.Importance, in.Evidence, now, placedNote)
}

// DeleteAssumption removes an assumption nobody has responded to, quoted
// on or rated yet; it leaves the sessions that listed it.
func (s *Decisions) DeleteAssumption(id int64) error {
	err := store.WithTx(s.ctx, s.db, func(tx *sqlx.Tx) error {
		if _, err := getAssumption(s.ctx, tx, id); err != nil {
			return err
		}
		if why, err := recorded(s.ctx, tx, `assumption_id = ?`, id); err != nil {
			return err
		} else if why != "" {
			return store.Invalid("assumption has %s; it can't be deleted", why)
		}
		return store.ExecOne(s.ctx, tx, fmt.Sprintf("assumption %d", id), `DELETE FROM assumptions WHERE id = ?`, id)
	})
	if err != nil {
		return fmt.Errorf("delete assumption %d: %w", id, err)
	}
	return nil
}

// recorded says what was recorded in responses, quotes or verdicts
// matching where (a condition on their shared columns session_id,
// assumption_id; a constant of this package): "recorded responses",
// "quotes", "verdicts", or "" when nothing was.
func recorded(ctx context.Context, q store.Queryer, where string, args ...any) (string, error) {
	for _, c := range []struct{ what, query string }{
		{"recorded responses", `SELECT count(*) FROM response_entries r WHERE ` + contentExpr + ` AND ` + where},
		{"quotes", `SELECT count(*) FROM quote_entries WHERE ` + where},
		{"verdicts", `SELECT count(*) FROM verdicts WHERE ` + where},
	} {
		var n int
		if err := sqlx.GetContext(ctx, q, &n, c.query, args...); err != nil {
			return "", fmt.Errorf("count %s: %w", c.what, err)
		}
		if n > 0 {
			return c.what, nil
		}
	}
	return "", nil
}
