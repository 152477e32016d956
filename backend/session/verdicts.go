package session

// Verdicts: the rating of an assumption at the end of its turn in a
// session, and how a verdict moves the assumption on the map.

import (
	"fmt"
	"strings"

	"github.com/jmoiron/sqlx"

	"soundingboard/backend/store"
	"soundingboard/backend/valid"
)

const (
	verdictColumns = `session_id, assumption_id, verdict, rationale, confidence, decided_at`
	maxRationale   = 5000
)

// validate normalises (verdict lower-cased, rationale trimmed) and checks
// a verdict.
func (in *VerdictInput) validate() error {
	in.Verdict = strings.ToLower(strings.TrimSpace(in.Verdict))
	in.Rationale = strings.TrimSpace(in.Rationale)
	var p valid.Problems
	p.OneOf("verdict", in.Verdict, VerdictKinds...)
	p.Range("confidence", in.Confidence, 1, 5)
	p.MaxLen("rationale", in.Rationale, maxRationale)
	return p.Err()
}

// SetVerdict rates an assumption in a session and moves it on the map.
//
// Validated and invalidated are both evidence: the assumption's evidence
// level rises to the verdict's confidence when that is higher (it never
// falls), and the move is recorded. Needs-research leaves the map alone.
// Re-rating keeps decided_at unless the kind of verdict changes, so fixing
// a typo in an old session's rationale does not make it the current one;
// a new kind of verdict also drops the line written for participants about
// the old one (Tell), which would now say the opposite.
func (s *Runs) SetVerdict(in VerdictInput) (Verdict, error) {
	if err := in.validate(); err != nil {
		return Verdict{}, fmt.Errorf("rate assumption %d: %w", in.AssumptionID, err)
	}
	var out Verdict
	err := store.WithTx(s.ctx, s.db, func(tx *sqlx.Tx) error {
		h, err := headOf(s.ctx, tx, in.SessionID)
		if err != nil {
			return err
		}
		if err := checkAssumptionIn(s.ctx, tx, h, in.AssumptionID); err != nil {
			return err
		}
		now := s.stamp()
		err = sqlx.GetContext(s.ctx, tx, &out, `INSERT INTO verdicts (`+verdictColumns+`)
			VALUES (?, ?, ?, ?, ?, ?)
			ON CONFLICT (session_id, assumption_id) DO UPDATE SET
				decided_at = CASE WHEN verdicts.verdict = excluded.verdict THEN verdicts.decided_at
					ELSE excluded.decided_at END,
				tell = CASE WHEN verdicts.verdict = excluded.verdict THEN verdicts.tell END,
				verdict = excluded.verdict, rationale = excluded.rationale, confidence = excluded.confidence
			RETURNING `+verdictColumns,
			in.SessionID, in.AssumptionID, in.Verdict, in.Rationale, in.Confidence, now)
		if err != nil {
			return store.Map(err, "verdict")
		}
		if in.Verdict == "needs_research" {
			return nil
		}
		var pos struct {
			Importance int `db:"importance"`
			Evidence   int `db:"evidence"`
		}
		if err := sqlx.GetContext(s.ctx, tx, &pos, `SELECT importance, evidence FROM assumptions WHERE id = ?`,
			in.AssumptionID); err != nil {
			return store.Map(err, fmt.Sprintf("assumption %d", in.AssumptionID))
		}
		if in.Confidence <= pos.Evidence {
			return nil
		}
		if _, err := tx.ExecContext(s.ctx, `UPDATE assumptions SET evidence = ?, updated_at = ? WHERE id = ?`,
			in.Confidence, now, in.AssumptionID); err != nil {
			return fmt.Errorf("raise evidence: %w", err)
		}
		return recordMove(s.ctx, tx, in.AssumptionID, pos.Importance, in.Confidence, now,
			fmt.Sprintf("verdict %s in %s", in.Verdict, h.Title))
	})
	if err != nil {
		return Verdict{}, fmt.Errorf("rate assumption %d in session %d: %w", in.AssumptionID, in.SessionID, err)
	}
	return out, nil
}

// ClearVerdict removes a verdict given by mistake. The map position it
// caused stays (and so does its move): evidence heard is not unheard.
func (s *Runs) ClearVerdict(sessionID, assumptionID int64) error {
	err := store.ExecOne(s.ctx, s.db, fmt.Sprintf("verdict on assumption %d in session %d", assumptionID, sessionID),
		`DELETE FROM verdicts WHERE session_id = ? AND assumption_id = ?`, sessionID, assumptionID)
	if err != nil {
		return fmt.Errorf("clear verdict: %w", err)
	}
	return nil
}
