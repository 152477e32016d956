package session

// Helpers of the plan half that the run-and-after half may use too: how an
// assumption reads and ranks, and how a session, its assumptions and its
// participants are read. Every reader takes a store.Queryer, so it works
// inside a transaction and outside one.

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/jmoiron/sqlx"

	"soundingboard/backend/activity"
	"soundingboard/backend/board"
	"soundingboard/backend/store"
)

// sentence renders an assumption as one hypothesis: "We believe
// [customers] will [behavior] because [reason]." A reason that already ends
// in a full stop, question or exclamation mark gets no second one.
func sentence(a Assumption) string {
	return activity.Sentence(a.Customers, a.Behavior, a.Reason)
}

// risk is importance × (6 − evidence): 25 for a vital assumption with no
// evidence, 1 for a minor one that is well proven.
func risk(importance, evidence int) int { return importance * (6 - evidence) }

// contentExpr is true when response entry r (response_entries) holds
// anything typed. Fields cleared again do not count as "recorded".
const contentExpr = `r.text <> ''`

// otherEntriesExpr is true when entry e is a recorded contribution to an
// activity other than the assumption check (an idea, a vote, an answer …).
const otherEntriesExpr = `e.kind NOT IN ('stance', 'needs', 'note', 'reaction', 'quote') AND (e.text <> '' OR e.value IS NOT NULL)`

// itemOrder orders assumption_items sa as the session tests them: by
// assumption check on the agenda, then by position within it.
const itemOrder = `sa.activity_position, sa.activity_id, sa.position, sa.item_id`

// latestVerdictExpr is assumption a's latest verdict across all sessions
// (by decided_at), or the empty string.
const latestVerdictExpr = `coalesce((SELECT v.verdict FROM verdicts v WHERE v.assumption_id = a.id
	ORDER BY v.decided_at DESC, v.session_id DESC LIMIT 1), '')`

// assumptionColumns reads assumptions a; Sentence and Risk are filled by
// finishAssumptions.
const assumptionColumns = `a.id, a.decision_id, a.customers, a.behavior, a.reason, a.category,
	a.importance, a.evidence, ` + latestVerdictExpr + ` AS verdict, a.created_at, a.updated_at`

// finishAssumptions fills the derived fields (Sentence, Risk) in place.
func finishAssumptions(as []Assumption) {
	for i := range as {
		as[i].Sentence = sentence(as[i])
		as[i].Risk = risk(as[i].Importance, as[i].Evidence)
	}
}

// getAssumption reads one assumption; NotFound("assumption N not found").
func getAssumption(ctx context.Context, q store.Queryer, id int64) (Assumption, error) {
	var a Assumption
	err := sqlx.GetContext(ctx, q, &a, `SELECT `+assumptionColumns+` FROM assumptions a WHERE a.id = ?`, id)
	if err != nil {
		return Assumption{}, store.Map(err, fmt.Sprintf("assumption %d", id))
	}
	a.Sentence, a.Risk = sentence(a), risk(a.Importance, a.Evidence)
	return a, nil
}

// loadAssumptions returns a session's assumptions in session order (never
// nil). Verdict is each one's latest verdict across all sessions, not only
// this one.
func loadAssumptions(ctx context.Context, q store.Queryer, sessionID int64) ([]Assumption, error) {
	as := []Assumption{}
	err := sqlx.SelectContext(ctx, q, &as, `SELECT `+assumptionColumns+`
		FROM assumption_items sa JOIN assumptions a ON a.id = sa.assumption_id
		WHERE sa.session_id = ? ORDER BY `+itemOrder, sessionID)
	if err != nil {
		return nil, fmt.Errorf("assumptions of session %d: %w", sessionID, err)
	}
	finishAssumptions(as)
	return as, nil
}

// decisionAssumptions returns a decision's assumptions, riskiest first
// (then most important, then oldest); never nil.
func decisionAssumptions(ctx context.Context, q store.Queryer, decisionID int64) ([]Assumption, error) {
	as := []Assumption{}
	err := sqlx.SelectContext(ctx, q, &as, `SELECT `+assumptionColumns+` FROM assumptions a
		WHERE a.decision_id = ?
		ORDER BY a.importance * (6 - a.evidence) DESC, a.importance DESC, a.id`, decisionID)
	if err != nil {
		return nil, fmt.Errorf("assumptions of decision %d: %w", decisionID, err)
	}
	finishAssumptions(as)
	refs, err := opportunityRefs(ctx, q, `a.decision_id = ?`, decisionID)
	if err != nil {
		return nil, err
	}
	for i := range as {
		as[i].FromOpportunity = refs[as[i].ID]
	}
	ptrs := make([]*Assumption, len(as))
	for i := range as {
		ptrs[i] = &as[i]
	}
	markTop(ptrs)
	return as, nil
}

// loadParticipants returns a session's participants by name (the order the
// run view shows them in); never nil. today decides CanContact/CanQuote.
func loadParticipants(ctx context.Context, q store.Queryer, sessionID int64, today string) ([]Participant, error) {
	ps := []Participant{}
	err := sqlx.SelectContext(ctx, q, &ps, `SELECT p.member_id, m.name, m.company,
		coalesce(g.name, '') AS segment, coalesce(m.email, '') AS email, p.state, p.attendance_note AS note,
		`+board.CanContactSQL+` AS can_contact, `+board.CanQuoteSQL+` AS can_quote
		FROM participants p JOIN members m ON m.id = p.member_id
		LEFT JOIN segments g ON g.id = m.segment_id
		WHERE p.session_id = ? ORDER BY m.name, m.id`, today, today, sessionID)
	if err != nil {
		return nil, fmt.Errorf("participants of session %d: %w", sessionID, err)
	}
	return ps, nil
}

// sessionRow is a sessions row with its JSON columns still encoded.
type sessionRow struct {
	Session
	PromptsJSON string `db:"prompts_json"`
	OpenerJSON  string `db:"opener_json"`
}

const sessionColumns = `s.id, s.decision_id, d.title AS decision, s.title, s.customer_title, s.format,
	coalesce(s.scheduled_on, '') AS scheduled_on, s.start_time, s.duration_minutes, s.place,
	s.facilitator, s.note_taker, s.agenda, s.prompts AS prompts_json, s.opener AS opener_json,
	s.status, s.current_position, coalesce(s.started_at, '') AS started_at,
	coalesce(s.finished_at, '') AS finished_at, s.updated_at`

// getSessionRow reads a session's own fields (no assumptions, participants
// or advice); NotFound("session N not found").
func getSessionRow(ctx context.Context, q store.Queryer, id int64) (Session, error) {
	var r sessionRow
	err := sqlx.GetContext(ctx, q, &r, `SELECT `+sessionColumns+`
		FROM sessions s JOIN decisions d ON d.id = s.decision_id WHERE s.id = ?`, id)
	if err != nil {
		return Session{}, store.Map(err, fmt.Sprintf("session %d", id))
	}
	out := r.Session
	out.Prompts, out.Opener = []string{}, []OpenerItem{}
	if err := json.Unmarshal([]byte(r.PromptsJSON), &out.Prompts); err != nil {
		return Session{}, fmt.Errorf("session %d: prompts: %w", id, err)
	}
	if err := json.Unmarshal([]byte(r.OpenerJSON), &out.Opener); err != nil {
		return Session{}, fmt.Errorf("session %d: opener: %w", id, err)
	}
	if out.Prompts == nil { // the column held JSON null
		out.Prompts = []string{}
	}
	if out.Opener == nil {
		out.Opener = []OpenerItem{}
	}
	return out, nil
}

// getSession reads a whole session plan: its fields, assumptions in
// session order, participants and SizeAdvice. today decides consent flags.
// NotFound("session N not found") for an unknown id.
func getSession(ctx context.Context, q store.Queryer, id int64, today string) (Session, error) {
	out, err := getSessionRow(ctx, q, id)
	if err != nil {
		return Session{}, err
	}
	if out.Assumptions, err = loadAssumptions(ctx, q, id); err != nil {
		return Session{}, err
	}
	if out.Participants, err = loadParticipants(ctx, q, id, today); err != nil {
		return Session{}, err
	}
	out.SizeAdvice = sizeAdvice(out.Format, out.Participants, len(out.Assumptions))
	return out, nil
}

// ReadSession reads a whole session plan through q, as GetSession answers
// it; today decides the consent flags. Go API for other packages (the
// loop's invitation and calendar file), not bound.
func ReadSession(ctx context.Context, q store.Queryer, id int64, today string) (Session, error) {
	return getSession(ctx, q, id, today)
}

// sessionStatus returns a session's status; NotFound for an unknown id.
func sessionStatus(ctx context.Context, q store.Queryer, id int64) (string, error) {
	var st string
	err := sqlx.GetContext(ctx, q, &st, `SELECT status FROM sessions WHERE id = ?`, id)
	if err != nil {
		return "", store.Map(err, fmt.Sprintf("session %d", id))
	}
	return st, nil
}

// recordMove appends a position of an assumption on the importance ×
// evidence map (the ledger shows these as its movement over time). at is
// an RFC 3339 stamp; note says why it moved ("created", "edited", a verdict…).
func recordMove(ctx context.Context, tx *sqlx.Tx, assumptionID int64, importance, evidence int, at, note string) error {
	id, err := store.NewID(ctx, tx)
	if err != nil {
		return fmt.Errorf("record move of assumption %d: %w", assumptionID, err)
	}
	_, err = tx.ExecContext(ctx, `INSERT INTO assumption_moves (id, assumption_id, importance, evidence, moved_at, note)
		VALUES (?, ?, ?, ?, ?, ?)`, id, assumptionID, importance, evidence, at, note)
	if err != nil {
		return fmt.Errorf("record move of assumption %d: %w", assumptionID, err)
	}
	return nil
}

// formatInfo returns a format by key; ok is false for an unknown key.
func formatInfo(key string) (FormatInfo, bool) {
	for _, f := range Formats {
		if f.Key == key {
			return f, true
		}
	}
	return FormatInfo{}, false
}

// sizeAdvice is Session.SizeAdvice: a sentence when the people taking part
// (participants not marked no_show) fall outside the format's recommended
// size, and one when the session tests more than TopAssumptions
// assumptions, joined by a space; "" when both are fine.
func sizeAdvice(format string, ps []Participant, assumptions int) string {
	n := 0
	for _, p := range ps {
		if p.State != "no_show" {
			n++
		}
	}
	var out []string
	if s := groupSizeAdvice(format, n); s != "" {
		out = append(out, s)
	}
	if assumptions > TopAssumptions {
		out = append(out, fmt.Sprintf("Focus on the top %d assumptions; this session has %d.", TopAssumptions, assumptions))
	}
	return strings.Join(out, " ")
}

// groupSizeAdvice is "Assumption testing works best with 4–6 people; 3
// invited." when n is outside the format's range, else "".
func groupSizeAdvice(format string, n int) string {
	f, ok := formatInfo(format)
	if !ok || (n >= f.Min && n <= f.Max) {
		return ""
	}
	return fmt.Sprintf("%s works best with %d–%d people; %d invited.", f.Label, f.Min, f.Max, n)
}

// nullString stores "" as NULL (no deadline, no date).
func nullString(s string) any {
	if s == "" {
		return nil
	}
	return s
}
