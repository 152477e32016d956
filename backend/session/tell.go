package session

// What we tell participants: the one line about a verdict or a decision
// that drafts and letters carry. The rationale, the session's title and the
// assumption's "because" are the team's own notes and never go out; the
// line does, in plain words, and the facilitator may rewrite or clear it.

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"github.com/jmoiron/sqlx"

	"soundingboard/backend/store"
	"soundingboard/backend/valid"
	"soundingboard/backend/wording"
)

// maxTell is the longest line we tell participants (the schema's CHECK).
const maxTell = 1000

// Tell is what participants are told about a verdict (Kind "verdict":
// SessionID and AssumptionID) or a decision-log entry (Kind "decision":
// EntryID).
type Tell struct {
	Kind         string `json:"kind"`
	SessionID    int64  `json:"sessionId"`
	AssumptionID int64  `json:"assumptionId"`
	EntryID      int64  `json:"entryId"`
	Line         string `json:"line"`      // what participants read; "" = they are told nothing about it
	Suggested    string `json:"suggested"` // the plain-words line the app proposes
	Written      bool   `json:"written"`   // the facilitator wrote (or cleared) Line; false = Line is the suggestion
	OurOwn       bool   `json:"ourOwn"`    // an assumption about our own team: told only when written
}

// TellInput rewrites the line of a Tell (Kind and its ids name which).
type TellInput struct {
	Kind         string `json:"kind"` // verdict or decision
	SessionID    int64  `json:"sessionId"`
	AssumptionID int64  `json:"assumptionId"`
	EntryID      int64  `json:"entryId"`
	Line         string `json:"line"`    // "" = tell participants nothing about it
	Suggest      bool   `json:"suggest"` // true = back to the suggested line; Line is ignored
}

// OurOwn reports whether an assumption's customers are our own team ("our
// billing team", "we"): such an assumption is the team's business and is
// told to participants only when the facilitator writes a line for it.
func OurOwn(customers string) bool {
	f := strings.Fields(strings.ToLower(customers))
	if len(f) == 0 {
		return false
	}
	switch f[0] {
	case "our", "we", "us", "internal":
		return true
	}
	return false
}

// verdictOpeners say a verdict in plain words.
var verdictOpeners = map[VerdictKind]string{
	VerdictValidated:     "This held up: ",
	VerdictInvalidated:   "We learned this doesn't hold: ",
	VerdictNeedsResearch: "We're still finding out: ",
}

// outcomeWords say a decision-log outcome in plain words.
var outcomeWords = map[Outcome]string{
	OutcomePersevere:   "we're going ahead with it.",
	OutcomePivot:       "we're changing direction.",
	OutcomeDrop:        "we're not going ahead with it.",
	OutcomeTestFurther: "we're testing it further before we decide.",
}

// TellOfVerdict is the Tell of a verdict on the assumption "customers will
// behavior"; stored is its tell column (nil = never written).
func TellOfVerdict(sessionID, assumptionID int64, kind VerdictKind, customers, behavior string, stored *string) Tell {
	what := strings.TrimSpace(customers) + " " + strings.TrimSuffix(strings.TrimSpace(behavior), ".")
	t := Tell{Kind: "verdict", SessionID: sessionID, AssumptionID: assumptionID, OurOwn: OurOwn(customers),
		Suggested: verdictOpeners[kind] + what + "."}
	return t.with(stored)
}

// TellOfEntry is the Tell of a decision-log entry on the decision titled
// title; stored is its tell column (nil = never written).
func TellOfEntry(entryID int64, outcome Outcome, title string, stored *string) Tell {
	t := Tell{Kind: "decision", EntryID: entryID,
		Suggested: "On " + wording.Quote(strings.TrimSpace(title)) + ", " + outcomeWords[outcome]}
	return t.with(stored)
}

// with fills Line from what is stored, else from the suggestion.
func (t Tell) with(stored *string) Tell {
	switch {
	case stored != nil:
		t.Line, t.Written = *stored, true
	case !t.OurOwn:
		t.Line = t.Suggested
	}
	return t
}

// tellRow is what a Tell is read from.
type tellRow struct {
	SessionID    int64   `db:"session_id"`
	AssumptionID int64   `db:"assumption_id"`
	EntryID      int64   `db:"entry_id"`
	Kind         string  `db:"kind"` // verdict or outcome
	Stored       *string `db:"tell"`
	Customers    string  `db:"customers"`
	What         string  `db:"what"` // the behaviour, or the decision's title
}

const (
	verdictTellSQL = `SELECT v.session_id, v.assumption_id, 0 AS entry_id, v.verdict AS kind, v.tell,
		a.customers, a.behavior AS what FROM verdicts v JOIN assumptions a ON a.id = v.assumption_id `
	entryTellSQL = `SELECT 0 AS session_id, 0 AS assumption_id, l.id AS entry_id, l.outcome AS kind, l.tell,
		'' AS customers, d.title AS what FROM decision_log l JOIN decisions d ON d.id = l.decision_id `
)

func (r tellRow) verdict() Tell {
	return TellOfVerdict(r.SessionID, r.AssumptionID, VerdictKind(r.Kind), r.Customers, r.What, r.Stored)
}

func (r tellRow) entry() Tell { return TellOfEntry(r.EntryID, Outcome(r.Kind), r.What, r.Stored) }

// readTell reads one row; found is false when there is none.
func readTell(ctx context.Context, q store.Queryer, query string, args ...any) (tellRow, bool, error) {
	var r tellRow
	err := sqlx.GetContext(ctx, q, &r, query, args...)
	if errors.Is(err, sql.ErrNoRows) {
		return tellRow{}, false, nil
	}
	return r, err == nil, err
}

// LatestVerdictTell is the Tell of an assumption's latest verdict; found
// is false when it has none.
func LatestVerdictTell(ctx context.Context, q store.Queryer, assumptionID int64) (t Tell, found bool, err error) {
	r, found, err := readTell(ctx, q, verdictTellSQL+`WHERE v.assumption_id = ? ORDER BY v.decided_at DESC LIMIT 1`, assumptionID)
	if err != nil || !found {
		return Tell{}, false, err
	}
	return r.verdict(), true, nil
}

// LatestDecisionTell is the Tell of a decision's latest log entry; found
// is false when its log is empty.
func LatestDecisionTell(ctx context.Context, q store.Queryer, decisionID int64) (t Tell, found bool, err error) {
	r, found, err := readTell(ctx, q, entryTellSQL+`WHERE l.decision_id = ? ORDER BY l.decided_on DESC, l.id DESC LIMIT 1`, decisionID)
	if err != nil || !found {
		return Tell{}, false, err
	}
	return r.entry(), true, nil
}

// SessionTells are the Tells of a session's verdicts, in the order they
// were given.
func SessionTells(ctx context.Context, q store.Queryer, sessionID int64) ([]Tell, error) {
	var rows []tellRow
	if err := sqlx.SelectContext(ctx, q, &rows, verdictTellSQL+`WHERE v.session_id = ?
		ORDER BY v.decided_at, v.assumption_id`, sessionID); err != nil {
		return nil, err
	}
	out := make([]Tell, len(rows))
	for i, r := range rows {
		out[i] = r.verdict()
	}
	return out, nil
}

func (in *TellInput) validate() error {
	in.Line = strings.TrimSpace(in.Line)
	var p valid.Problems
	p.OneOf("kind", in.Kind, "verdict", "decision")
	if !in.Suggest {
		p.MaxLen("line", in.Line, maxTell)
		p.NoControl("line", in.Line)
	}
	return p.Err()
}

// SetTell rewrites what participants are told about a verdict or a
// decision-log entry: Line as given ("" = nothing), or with Suggest the
// app's suggestion again.
func (s *Decisions) SetTell(in TellInput) (Tell, error) {
	if err := in.validate(); err != nil {
		return Tell{}, fmt.Errorf("set what we tell participants: %w", err)
	}
	var line *string
	if !in.Suggest {
		line = &in.Line
	}
	what := fmt.Sprintf("decision-log entry %d", in.EntryID)
	update := `UPDATE decision_log SET tell = ? WHERE id = ?`
	query := entryTellSQL + `WHERE l.id = ?`
	args := []any{in.EntryID}
	tell := tellRow.entry
	if in.Kind == "verdict" {
		what = fmt.Sprintf("verdict on assumption %d in session %d", in.AssumptionID, in.SessionID)
		update = `UPDATE verdicts SET tell = ? WHERE session_id = ? AND assumption_id = ?`
		query = verdictTellSQL + `WHERE v.session_id = ? AND v.assumption_id = ?`
		args = []any{in.SessionID, in.AssumptionID}
		tell = tellRow.verdict
	}
	if err := store.ExecOne(s.ctx, s.db, what, update, append([]any{line}, args...)...); err != nil {
		return Tell{}, fmt.Errorf("set what we tell participants about the %s: %w", what, err)
	}
	r, _, err := readTell(s.ctx, s.db, query, args...)
	if err != nil {
		return Tell{}, fmt.Errorf("set what we tell participants about the %s: %w", what, err)
	}
	return tell(r), nil
}
