package session

// Helpers shared by the run-and-after half of the package (run.go,
// verdicts.go, synthesis.go, ledger.go, decisionlog.go): existence checks
// that name what is missing, and loaders that read quotes and responses
// of a whole session (or ledger) with one query each, themes included.

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/jmoiron/sqlx"

	"soundingboard/backend/board"
	"soundingboard/backend/store"
)

// noSegment is the segment name used for members without one (and for
// unattributed quotes) when counting by segment.
const noSegment = "(no segment)"

// sessionHead is what the run-and-after methods need to know about a session.
type sessionHead struct {
	ID     int64  `db:"id"`
	Title  string `db:"title"`
	Status string `db:"status"`
}

// headOf reads a session's title and status; NotFound for an unknown id.
func headOf(ctx context.Context, q store.Queryer, id int64) (sessionHead, error) {
	var h sessionHead
	err := sqlx.GetContext(ctx, q, &h, `SELECT id, title, status FROM sessions WHERE id = ?`, id)
	if err != nil {
		return sessionHead{}, store.Map(err, fmt.Sprintf("session %d", id))
	}
	return h, nil
}

// checkAssumptionIn makes sure assumptionID is one of the session's
// assumptions: NotFound when no such assumption exists, Invalid when it
// exists but the session does not test it.
func checkAssumptionIn(ctx context.Context, q store.Queryer, h sessionHead, assumptionID int64) error {
	var n int
	err := sqlx.GetContext(ctx, q, &n, `SELECT count(*) FROM session_assumptions
		WHERE session_id = ? AND assumption_id = ?`, h.ID, assumptionID)
	if err != nil {
		return err
	}
	if n > 0 {
		return nil
	}
	if err := sqlx.GetContext(ctx, q, &n, `SELECT count(*) FROM assumptions WHERE id = ?`, assumptionID); err != nil {
		return err
	}
	if n == 0 {
		return store.NotFound("assumption %d not found", assumptionID)
	}
	return store.Invalid("assumption %d is not part of session %q", assumptionID, h.Title)
}

// checkParticipant makes sure memberID takes part in the session (in any
// state): NotFound for an unknown member, Invalid for one not invited.
func checkParticipant(ctx context.Context, q store.Queryer, h sessionHead, memberID int64) error {
	var n int
	err := sqlx.GetContext(ctx, q, &n, `SELECT count(*) FROM participants
		WHERE session_id = ? AND member_id = ?`, h.ID, memberID)
	if err != nil {
		return err
	}
	if n > 0 {
		return nil
	}
	var name string
	err = sqlx.GetContext(ctx, q, &name, `SELECT name FROM members WHERE id = ?`, memberID)
	if err != nil {
		return store.Map(err, fmt.Sprintf("member %d", memberID))
	}
	return store.Invalid("%s (member %d) is not a participant of session %q", name, memberID, h.Title)
}

// splitCommaList turns a stored comma list into its items; never nil.
func splitCommaList[T ~string](s string) []T {
	out := []T{}
	for _, v := range strings.Split(s, ",") {
		if v = strings.TrimSpace(v); v != "" {
			out = append(out, T(v))
		}
	}
	return out
}

// normalizeReactions checks a comma list of reactions and returns it
// lower-cased, deduplicated and in the order of Reactions.
func normalizeReactions(v string) (string, error) {
	seen := map[string]bool{}
	for _, r := range splitCommaList[string](strings.ToLower(v)) {
		if !slices.Contains(Reactions, r) {
			return "", store.Invalid("reaction %q is not one of %s", r, strings.Join(Reactions, ", "))
		}
		seen[r] = true
	}
	var out []string
	for _, r := range Reactions {
		if seen[r] {
			out = append(out, r)
		}
	}
	return strings.Join(out, ","), nil
}

// quoteSelect reads quotes q with their member's name and segment.
const quoteSelect = `SELECT q.id, q.session_id, coalesce(q.assumption_id, 0) AS assumption_id,
	coalesce(q.member_id, 0) AS member_id,
	CASE WHEN q.member_id IS NULL AND q.former_member = 1 THEN '` + board.FormerMember + `' ELSE coalesce(m.name, '') END AS member,
	coalesce(g.name, '') AS segment, q.text, q.created_at, q.updated_at
FROM quotes q LEFT JOIN members m ON m.id = q.member_id LEFT JOIN segments g ON g.id = m.segment_id`

// loadQuotes reads the quotes matching where (over quotes q), oldest
// first, with their themes: two queries whatever the number of quotes.
// where is a constant of this package, never user input.
func loadQuotes(ctx context.Context, q store.Queryer, where string, args ...any) ([]Quote, error) {
	quotes := []Quote{}
	if err := sqlx.SelectContext(ctx, q, &quotes,
		quoteSelect+` WHERE `+where+` ORDER BY q.created_at, q.id`, args...); err != nil {
		return nil, fmt.Errorf("read quotes: %w", err)
	}
	byID, err := themesByID(ctx, q, `SELECT qt.quote_id AS id, t.name
		FROM quote_themes qt JOIN themes t ON t.id = qt.theme_id JOIN quotes q ON q.id = qt.quote_id
		WHERE `+where+` ORDER BY t.name COLLATE NOCASE`, args...)
	if err != nil {
		return nil, fmt.Errorf("read quote themes: %w", err)
	}
	for i := range quotes {
		quotes[i].Themes = emptyIfNil(byID[quotes[i].ID])
	}
	return quotes, nil
}

// themesByID runs query, which selects (id, name) pairs of a quote or
// response and a theme, and groups the names by id in the order read.
func themesByID(ctx context.Context, q store.Queryer, query string, args ...any) (map[int64][]string, error) {
	var rows []struct {
		ID   int64  `db:"id"`
		Name string `db:"name"`
	}
	if err := sqlx.SelectContext(ctx, q, &rows, query, args...); err != nil {
		return nil, err
	}
	byID := map[int64][]string{}
	for _, r := range rows {
		byID[r.ID] = append(byID[r.ID], r.Name)
	}
	return byID, nil
}

// getQuote reads one quote; NotFound for an unknown id.
func getQuote(ctx context.Context, q store.Queryer, id int64) (Quote, error) {
	qs, err := loadQuotes(ctx, q, `q.id = ?`, id)
	if err != nil {
		return Quote{}, err
	}
	if len(qs) == 0 {
		return Quote{}, store.NotFound("quote %d not found", id)
	}
	return qs[0], nil
}

// responseRow is a response as stored: reactions as a comma list.
type responseRow struct {
	Response
	ReactionList string `db:"reactions"`
}

const responseColumns = `r.id, r.session_id, r.assumption_id, coalesce(r.member_id, 0) AS member_id, r.stance, r.needs,
	r.reactions, r.notes, r.updated_at`

// loadResponses reads the responses matching where (over responses r)
// with their themes, in two queries. where is a constant of this package.
func loadResponses(ctx context.Context, q store.Queryer, where string, args ...any) ([]Response, error) {
	var rows []responseRow
	if err := sqlx.SelectContext(ctx, q, &rows,
		`SELECT `+responseColumns+` FROM responses r WHERE `+where+` ORDER BY r.id`, args...); err != nil {
		return nil, fmt.Errorf("read responses: %w", err)
	}
	byID, err := themesByID(ctx, q, `SELECT rt.response_id AS id, t.name
		FROM response_themes rt JOIN themes t ON t.id = rt.theme_id JOIN responses r ON r.id = rt.response_id
		WHERE `+where+` ORDER BY t.name COLLATE NOCASE`, args...)
	if err != nil {
		return nil, fmt.Errorf("read response themes: %w", err)
	}
	out := make([]Response, len(rows))
	for i, r := range rows {
		out[i] = r.Response
		out[i].Reactions = splitCommaList[Reaction](r.ReactionList)
		out[i].Themes = emptyIfNil(byID[r.ID])
	}
	return out, nil
}

// getResponse reads one response by id; NotFound for an unknown id.
func getResponse(ctx context.Context, q store.Queryer, id int64) (Response, error) {
	rs, err := loadResponses(ctx, q, `r.id = ?`, id)
	if err != nil {
		return Response{}, err
	}
	if len(rs) == 0 {
		return Response{}, store.NotFound("response %d not found", id)
	}
	return rs[0], nil
}

// emptyResponse is the answer of a participant who has said nothing yet.
func emptyResponse(k ResponseKey) Response {
	return Response{SessionID: k.SessionID, AssumptionID: k.AssumptionID, MemberID: k.MemberID,
		Reactions: []Reaction{}, Themes: []string{}}
}

// tallyOf counts the stances of a session's participants on one
// assumption. No-shows do not count. NoAnswer counts those who attended
// without giving a stance; while the session is not finished, everyone
// not marked a no-show is expected to answer.
func tallyOf(parts []Participant, finished bool, stanceOf map[int64]Stance) Tally {
	var t Tally
	for _, p := range parts {
		if p.State == StateNoShow {
			continue
		}
		switch stanceOf[p.MemberID] {
		case StanceMatches:
			t.Matches++
		case StancePartly:
			t.Partly++
		case StanceDoesNotMatch:
			t.DoesNotMatch++
		case StanceUnsure:
			t.Unsure++
		default:
			if p.State == StateAttended || !finished {
				t.NoAnswer++
			}
		}
	}
	return t
}

// add sums two tallies.
func (t Tally) add(o Tally) Tally {
	return Tally{Matches: t.Matches + o.Matches, Partly: t.Partly + o.Partly,
		DoesNotMatch: t.DoesNotMatch + o.DoesNotMatch, Unsure: t.Unsure + o.Unsure,
		NoAnswer: t.NoAnswer + o.NoAnswer}
}

func emptyIfNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// markAttended records that a participant is here because something was
// just recorded for them, in the transaction of that write, so every
// client gets the rule. Only while the session is not finished: after
// Finish, attendance is what the facilitator confirmed, and cleaning up
// notes does not change it.
func markAttended(ctx context.Context, tx *sqlx.Tx, h sessionHead, memberID int64) error {
	if h.Status == string(StatusFinished) {
		return nil
	}
	if _, err := tx.ExecContext(ctx, `UPDATE participants SET state = 'attended'
		WHERE session_id = ? AND member_id = ? AND state <> 'attended'`, h.ID, memberID); err != nil {
		return fmt.Errorf("mark member %d attended: %w", memberID, err)
	}
	return nil
}
