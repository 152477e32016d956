package session

// The assumption ledger (every assumption across sessions with its
// standing) and each member's sessions for their timeline.

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/jmoiron/sqlx"

	"soundingboard/backend/activity"
	"soundingboard/backend/store"
	"soundingboard/backend/valid"
)

// ledgerFilter selects the assumptions a of a LedgerQuery; its four
// parameters are ledgerArgs.
const ledgerFilter = `(? = 0 OR a.decision_id = ?) AND (? = '' OR a.category = ?)`

// testedCond is true when session s (through assumption_items sa) has
// tested the assumption: it has run, or rated it anyway. Planned sessions
// only list an assumption; their empty answers are not evidence.
const testedCond = `(s.status <> 'planned' OR EXISTS (SELECT 1 FROM verdicts v
	WHERE v.session_id = sa.session_id AND v.assumption_id = sa.assumption_id))`

// testedFrom joins the pairs (sa, s, a) a ledger aggregates over; append
// further joins, then WHERE testedWhere.
const (
	testedFrom = `FROM assumption_items sa JOIN sessions s ON s.id = sa.session_id
	JOIN assumptions a ON a.id = sa.assumption_id`
	testedWhere = testedCond + ` AND ` + ledgerFilter
)

func ledgerArgs(q LedgerQuery) []any {
	return []any{q.DecisionID, q.DecisionID, q.Category, q.Category}
}

// validate normalises (lower-cased, trimmed) and checks a ledger query.
func (q *LedgerQuery) validate() error {
	q.Verdict = strings.ToLower(strings.TrimSpace(q.Verdict))
	q.Category = strings.ToLower(strings.TrimSpace(q.Category))
	var p valid.Problems
	if q.Verdict != "" {
		p.OneOf("verdict", q.Verdict, append([]string{"untested"}, VerdictKinds...)...)
	}
	if q.Category != "" {
		p.OneOf("category", q.Category, Categories...)
	}
	if q.DecisionID < 0 {
		p.Add("decisionId", "decisionId %d is not a decision (0 = all)", q.DecisionID)
	}
	return p.Err()
}

// Ledger returns every assumption across sessions with its standing.
//
// Each part (verdicts, sessions, tally and evidence, moves, quotes) is
// read with one query over all the assumptions the query selects, then
// dealt out to the entries, so the cost does not grow with a query per
// assumption. Tally and evidence count only sessions that tested the
// assumption (running, finished, or with a verdict on it). Counts are
// taken before the verdict filter, so the UI can show them on its filter.
func (s *Decisions) Ledger(q LedgerQuery) (Ledger, error) {
	if err := q.validate(); err != nil {
		return Ledger{}, fmt.Errorf("ledger: %w", err)
	}
	out, err := read(&s.core, func(tx store.Queryer) (Ledger, error) { return readLedger(s.ctx, tx, q) })
	if err != nil {
		return Ledger{}, fmt.Errorf("ledger: %w", err)
	}
	return out, nil
}

// readLedger reads the ledger of a validated query through q.
func readLedger(ctx context.Context, tx store.Queryer, q LedgerQuery) (Ledger, error) {
	args := ledgerArgs(q)
	var rows []struct {
		Assumption
		Decision string `db:"decision"`
	}
	if err := sqlx.SelectContext(ctx, tx, &rows, `SELECT `+assumptionColumns+`, d.title AS decision
		FROM assumptions a JOIN decisions d ON d.id = a.decision_id WHERE `+ledgerFilter, args...); err != nil {
		return Ledger{}, fmt.Errorf("read assumptions: %w", err)
	}
	entries := make([]LedgerEntry, len(rows))
	at := make(map[int64]*LedgerEntry, len(rows))
	for i, r := range rows {
		a := r.Assumption
		a.Sentence, a.Risk = sentence(a), risk(a.Importance, a.Evidence)
		entries[i] = LedgerEntry{Assumption: a, Decision: r.Decision, Verdicts: []Verdict{}, Sessions: []string{},
			Evidence: []Evidence{}, Moves: []Move{}, Quotes: []Quote{}}
		at[a.ID] = &entries[i]
	}
	refs, err := opportunityRefs(ctx, tx, ledgerFilter, args...)
	if err != nil {
		return Ledger{}, err
	}
	for id, ref := range refs {
		if e := at[id]; e != nil {
			e.Assumption.FromOpportunity = ref
		}
	}

	var verdicts []Verdict
	if err := sqlx.SelectContext(ctx, tx, &verdicts, `SELECT v.session_id, v.assumption_id, v.verdict,
		v.rationale, v.confidence, v.decided_at
		FROM verdicts v JOIN assumptions a ON a.id = v.assumption_id
		WHERE `+ledgerFilter+` ORDER BY v.decided_at, v.session_id`, args...); err != nil {
		return Ledger{}, fmt.Errorf("read verdicts: %w", err)
	}
	for _, v := range verdicts {
		if e := at[v.AssumptionID]; e != nil {
			e.Verdicts = append(e.Verdicts, v)
		}
	}

	var titles []struct {
		AssumptionID int64  `db:"assumption_id"`
		Title        string `db:"title"`
	}
	if err := sqlx.SelectContext(ctx, tx, &titles, `SELECT sa.assumption_id, s.title `+testedFrom+`
		WHERE `+testedWhere+` ORDER BY coalesce(s.scheduled_on, ''), s.id`, args...); err != nil {
		return Ledger{}, fmt.Errorf("read sessions: %w", err)
	}
	for _, t := range titles {
		if e := at[t.AssumptionID]; e != nil {
			e.Sessions = append(e.Sessions, t.Title)
		}
	}

	if err := ledgerTally(ctx, tx, args, at); err != nil {
		return Ledger{}, err
	}
	if err := ledgerReactions(ctx, tx, args, at); err != nil {
		return Ledger{}, err
	}

	var moves []struct {
		AssumptionID int64 `db:"assumption_id"`
		Move
	}
	if err := sqlx.SelectContext(ctx, tx, &moves, `SELECT m.assumption_id, m.importance, m.evidence,
		m.moved_at, m.note FROM assumption_moves m JOIN assumptions a ON a.id = m.assumption_id
		WHERE `+ledgerFilter+` ORDER BY m.moved_at, m.id`, args...); err != nil {
		return Ledger{}, fmt.Errorf("read moves: %w", err)
	}
	for _, m := range moves {
		e := at[m.AssumptionID]
		switch {
		case e == nil:
		case m.Note == placedNote && e.Placed == nil && len(e.Moves) == 0:
			e.Placed = &m.Move
		default:
			e.Moves = append(e.Moves, m.Move)
		}
	}

	quotes, err := loadQuotes(ctx, tx, `EXISTS (SELECT 1 `+testedFrom+`
		WHERE sa.item_id = q.item_id AND `+testedWhere+`)`, args...)
	if err != nil {
		return Ledger{}, err
	}
	for _, qt := range quotes {
		if e := at[qt.AssumptionID]; e != nil {
			e.Quotes = append(e.Quotes, qt)
		}
	}

	// Top 5 of everything the query selects: a verdict filter only hides some.
	all := make([]*Assumption, len(entries))
	for i := range entries {
		all[i] = &entries[i].Assumption
	}
	markTop(all)

	counts := map[string]int{"untested": 0}
	for _, k := range VerdictKinds {
		counts[k] = 0
	}
	kept := make([]LedgerEntry, 0, len(entries))
	for _, e := range entries {
		current := "untested"
		if n := len(e.Verdicts); n > 0 {
			current = string(e.Verdicts[n-1].Verdict)
		}
		counts[current]++
		if q.Verdict == "" || q.Verdict == current {
			kept = append(kept, e)
		}
	}
	sort.SliceStable(kept, func(i, j int) bool {
		a, b := kept[i].Assumption, kept[j].Assumption
		if a.Risk != b.Risk {
			return a.Risk > b.Risk
		}
		return a.ID < b.ID
	})
	return Ledger{Entries: kept, Counts: counts}, nil
}

// ledgerTally fills Tally and Evidence of the entries with one query:
// participants' stances per assumption and segment over the sessions that
// tested it, with the rules of the run view's tally (no-shows do not
// count; a missing stance counts as no answer from attendees, or from
// anyone expected while a session is not finished).
func ledgerTally(ctx context.Context, q store.Queryer, args []any, at map[int64]*LedgerEntry) error {
	// One row per assumption and segment, stances counted in columns: a
	// row per stance would be five times as many rows to scan.
	var rows []struct {
		AssumptionID int64  `db:"assumption_id"`
		Segment      string `db:"segment"`
		Matches      int    `db:"matches"`
		Partly       int    `db:"partly"`
		DoesNotMatch int    `db:"does_not_match"`
		Unsure       int    `db:"unsure"`
		NoAnswer     int    `db:"no_answer"`
	}
	if err := sqlx.SelectContext(ctx, q, &rows, `SELECT sa.assumption_id, coalesce(g.name, '') AS segment,
		coalesce(sum(r.text = 'matches'), 0) AS matches, coalesce(sum(r.text = 'partly'), 0) AS partly,
		coalesce(sum(r.text = 'does_not_match'), 0) AS does_not_match,
		coalesce(sum(r.text = 'unsure'), 0) AS unsure,
		sum(coalesce(r.text, '') = '') AS no_answer
		`+testedFrom+`
		JOIN participants p ON p.session_id = sa.session_id
		JOIN members m ON m.id = p.member_id LEFT JOIN segments g ON g.id = m.segment_id
		LEFT JOIN entries r ON r.item_id = sa.item_id AND r.member_id = p.member_id AND r.kind = 'stance'
		WHERE `+testedWhere+` AND p.state <> 'no_show'
			AND (r.text <> '' OR p.state = 'attended' OR s.status <> 'finished')
		GROUP BY sa.assumption_id, m.segment_id`, args...); err != nil {
		return fmt.Errorf("read tally: %w", err)
	}
	for _, r := range rows {
		e := at[r.AssumptionID]
		if e == nil {
			continue
		}
		e.Tally = e.Tally.add(Tally{Matches: r.Matches, Partly: r.Partly, DoesNotMatch: r.DoesNotMatch,
			Unsure: r.Unsure, NoAnswer: r.NoAnswer})
		if r.Matches+r.Partly+r.DoesNotMatch+r.Unsure == 0 {
			continue // nobody in this segment took a stance
		}
		ev := Evidence{Segment: segmentName(r.Segment), For: r.Matches, Against: r.DoesNotMatch,
			Partly: r.Partly, Unsure: r.Unsure}
		e.Evidence = append(e.Evidence, ev)
	}
	for _, e := range at {
		// By segment name; members without a segment last.
		sort.Slice(e.Evidence, func(i, j int) bool {
			a, b := e.Evidence[i].Segment, e.Evidence[j].Segment
			if (a == noSegment) != (b == noSegment) {
				return b == noSegment
			}
			return strings.ToLower(a) < strings.ToLower(b)
		})
	}
	return nil
}

// ledgerReactions fills Reactions of the entries with one query: the
// reaction entries on each assumption's items, over the sessions that
// tested it (as the tally), counted by reaction in columns.
func ledgerReactions(ctx context.Context, q store.Queryer, args []any, at map[int64]*LedgerEntry) error {
	var rows []struct {
		AssumptionID int64 `db:"assumption_id"`
		activity.Reactions
	}
	if err := sqlx.SelectContext(ctx, q, &rows, `SELECT sa.assumption_id,
		sum(r.text = 'confusion') AS confusion, sum(r.text = 'excitement') AS excitement,
		sum(r.text = 'frustration') AS frustration, sum(r.text = 'other') AS other
		`+testedFrom+`
		JOIN entries r ON r.item_id = sa.item_id AND r.kind = 'reaction'
		WHERE `+testedWhere+`
		GROUP BY sa.assumption_id`, args...); err != nil {
		return fmt.Errorf("read reactions: %w", err)
	}
	for _, r := range rows {
		if e := at[r.AssumptionID]; e != nil {
			e.Reactions = r.Reactions
		}
	}
	return nil
}

// MemberSessions lists the sessions a member took part in, newest first
// (undated, still to be scheduled, on top), with their quotes in each.
func (s *Plans) MemberSessions(memberID int64) ([]MemberSession, error) {
	out, err := read(&s.core, func(q store.Queryer) ([]MemberSession, error) {
		return readMemberSessions(s.ctx, q, memberID)
	})
	if err != nil {
		return nil, fmt.Errorf("sessions of member %d: %w", memberID, err)
	}
	return out, nil
}

func readMemberSessions(ctx context.Context, q store.Queryer, memberID int64) ([]MemberSession, error) {
	var n int
	if err := sqlx.GetContext(ctx, q, &n, `SELECT count(*) FROM members WHERE id = ?`, memberID); err != nil {
		return nil, err
	}
	if n == 0 {
		return nil, store.NotFound("member %d not found", memberID)
	}
	out := []MemberSession{}
	if err := sqlx.SelectContext(ctx, q, &out, `SELECT s.id AS session_id, s.title,
		coalesce(s.scheduled_on, '') AS scheduled_on, p.state
		FROM participants p JOIN sessions s ON s.id = p.session_id
		WHERE p.member_id = ?
		ORDER BY coalesce(s.scheduled_on, '9999-12-31') DESC, s.id DESC`, memberID); err != nil {
		return nil, fmt.Errorf("read sessions: %w", err)
	}
	quotes, err := loadQuotes(ctx, q, `q.member_id = ?`, memberID)
	if err != nil {
		return nil, err
	}
	bySession := map[int64][]Quote{}
	for _, qt := range quotes {
		bySession[qt.SessionID] = append(bySession[qt.SessionID], qt)
	}
	for i := range out {
		out[i].Quotes = emptyIfNil(bySession[out[i].SessionID])
	}
	return out, nil
}
