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

// assumptionItem is where a session tests an assumption: the item of its
// assumption check that points at it.
type assumptionItem struct {
	ActivityID int64 `db:"activity_id"`
	ItemID     int64 `db:"item_id"`
}

// itemOf finds the item through which the session tests assumptionID:
// NotFound when no such assumption exists, Invalid when it exists but the
// session does not test it.
func itemOf(ctx context.Context, q store.Queryer, h sessionHead, assumptionID int64) (assumptionItem, error) {
	var its []assumptionItem
	err := sqlx.SelectContext(ctx, q, &its, `SELECT activity_id, item_id FROM assumption_items
		WHERE session_id = ? AND assumption_id = ?
		ORDER BY activity_position, activity_id, position, item_id LIMIT 1`, h.ID, assumptionID)
	if err != nil {
		return assumptionItem{}, err
	}
	if len(its) > 0 {
		return its[0], nil
	}
	var n int
	if err := sqlx.GetContext(ctx, q, &n, `SELECT count(*) FROM assumptions WHERE id = ?`, assumptionID); err != nil {
		return assumptionItem{}, err
	}
	if n == 0 {
		return assumptionItem{}, store.NotFound("assumption %d not found", assumptionID)
	}
	return assumptionItem{}, store.Invalid("assumption %d is not part of session %q", assumptionID, h.Title)
}

// checkAssumptionIn makes sure assumptionID is one of the session's
// assumptions (itemOf).
func checkAssumptionIn(ctx context.Context, q store.Queryer, h sessionHead, assumptionID int64) error {
	_, err := itemOf(ctx, q, h, assumptionID)
	return err
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

// quoteSelect reads quotes q (quote_entries, entries of kind quote) with
// their member's name and segment.
const quoteSelect = `SELECT q.id, q.session_id, coalesce(q.assumption_id, 0) AS assumption_id,
	coalesce(q.member_id, 0) AS member_id,
	CASE WHEN q.member_id IS NULL AND q.former_member = 1 THEN '` + board.FormerMember + `' ELSE coalesce(m.name, '') END AS member,
	coalesce(g.name, '') AS segment, q.text, q.created_at, q.updated_at
FROM quote_entries q LEFT JOIN members m ON m.id = q.member_id LEFT JOIN segments g ON g.id = m.segment_id`

// loadQuotes reads the quotes matching where (over quote_entries q),
// oldest first, with their themes: two queries whatever the number of
// quotes. where is a constant of this package, never user input.
func loadQuotes(ctx context.Context, q store.Queryer, where string, args ...any) ([]Quote, error) {
	quotes := []Quote{}
	if err := sqlx.SelectContext(ctx, q, &quotes,
		quoteSelect+` WHERE `+where+` ORDER BY q.created_at, q.id`, args...); err != nil {
		return nil, fmt.Errorf("read quotes: %w", err)
	}
	byID, err := themesByID(ctx, q, `SELECT et.entry_id AS id, t.name
		FROM entry_themes et JOIN themes t ON t.id = et.theme_id JOIN quote_entries q ON q.id = et.entry_id
		WHERE `+where+` ORDER BY t.name COLLATE NOCASE`, args...)
	if err != nil {
		return nil, fmt.Errorf("read quote themes: %w", err)
	}
	for i := range quotes {
		quotes[i].Themes = emptyIfNil(byID[quotes[i].ID])
	}
	return quotes, nil
}

// themesByID runs query, which selects (id, name) pairs of an entry and a
// theme, and groups the names by id in the order read.
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

// A response is no longer a row: each of its fields is an entry of the
// assumption's item by the member (kinds stance, needs, note, and one
// reaction entry per reaction). fieldKinds maps SaveField's fields to
// those kinds.
var fieldKinds = map[string]string{"stance": "stance", "needs": "needs", "notes": "note", "reactions": "reaction"}

// responseEntry is one field of a response as stored.
type responseEntry struct {
	ID           int64  `db:"id"`
	SessionID    int64  `db:"session_id"`
	ItemID       int64  `db:"item_id"`
	AssumptionID int64  `db:"assumption_id"`
	MemberID     int64  `db:"member_id"`
	Kind         string `db:"kind"`
	Text         string `db:"text"`
	UpdatedAt    string `db:"updated_at"`
}

// loadResponses reads the responses whose entries match where (over
// response_entries r) with their themes, in two queries, and puts each
// response together from its entries. A response's ID is the id of its
// first entry (TagResponse takes it); its themes are those of its entries
// (needs and note carry them). Responses come in the order of their first
// entries. Erased entries (no member) of one assumption read as one
// response of member 0. where is a constant of this package.
func loadResponses(ctx context.Context, q store.Queryer, where string, args ...any) ([]Response, error) {
	var rows []responseEntry
	if err := sqlx.SelectContext(ctx, q, &rows, `SELECT r.id, r.session_id, r.item_id, r.assumption_id,
		coalesce(r.member_id, 0) AS member_id, r.kind, r.text, r.updated_at
		FROM response_entries r WHERE `+where+` ORDER BY r.id`, args...); err != nil {
		return nil, fmt.Errorf("read responses: %w", err)
	}
	byID, err := themesByID(ctx, q, `SELECT et.entry_id AS id, t.name
		FROM entry_themes et JOIN themes t ON t.id = et.theme_id JOIN response_entries r ON r.id = et.entry_id
		WHERE `+where+` ORDER BY t.name COLLATE NOCASE, t.id`, args...)
	if err != nil {
		return nil, fmt.Errorf("read response themes: %w", err)
	}
	type key struct{ item, member int64 }
	at := map[key]int{}
	out := []Response{}
	reactions := map[key]map[string]bool{}
	for _, e := range rows {
		k := key{e.ItemID, e.MemberID}
		i, ok := at[k]
		if !ok {
			i = len(out)
			at[k] = i
			r := emptyResponse(ResponseKey{SessionID: e.SessionID, AssumptionID: e.AssumptionID, MemberID: e.MemberID})
			r.ID = e.ID
			out = append(out, r)
			reactions[k] = map[string]bool{}
		}
		r := &out[i]
		if e.UpdatedAt > r.UpdatedAt {
			r.UpdatedAt = e.UpdatedAt
		}
		switch e.Kind {
		case "stance":
			r.Stance = Stance(e.Text)
		case "needs":
			r.Needs = e.Text
		case "note":
			r.Notes = e.Text
		case "reaction":
			reactions[k][e.Text] = true
		}
	}
	// Themes in name order across a response's entries, each once.
	themesOf := map[int][]string{}
	for _, e := range rows {
		i := at[key{e.ItemID, e.MemberID}]
		for _, name := range byID[e.ID] {
			themesOf[i] = append(themesOf[i], name)
		}
	}
	for k, i := range at {
		for _, r := range Reactions {
			if reactions[k][r] {
				out[i].Reactions = append(out[i].Reactions, Reaction(r))
			}
		}
		out[i].Themes = sortedThemes(themesOf[i])
	}
	return out, nil
}

// sortedThemes orders theme names as the themes query does (case-
// insensitively) and drops repeats; never nil.
func sortedThemes(names []string) []string {
	out := []string{}
	for _, n := range names {
		if !slices.Contains(out, n) {
			out = append(out, n)
		}
	}
	slices.SortStableFunc(out, func(a, b string) int { return strings.Compare(strings.ToLower(a), strings.ToLower(b)) })
	return out
}

// getResponse reads the response of a member (0: the erased) to the item
// of an assumption; an empty response when nothing was recorded.
func getResponse(ctx context.Context, q store.Queryer, sessionID, itemID, memberID int64) (Response, error) {
	rs, err := loadResponses(ctx, q, `r.item_id = ? AND coalesce(r.member_id, 0) = ?`, itemID, memberID)
	if err != nil {
		return Response{}, err
	}
	if len(rs) == 0 {
		var a int64
		if err := sqlx.GetContext(ctx, q, &a, `SELECT assumption_id FROM activity_items WHERE id = ?`, itemID); err != nil {
			return Response{}, store.Map(err, fmt.Sprintf("item %d", itemID))
		}
		return emptyResponse(ResponseKey{SessionID: sessionID, AssumptionID: a, MemberID: memberID}), nil
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
