package session

// Helpers shared by the run-and-after half of the package (run.go,
// verdicts.go, synthesis.go, ledger.go, decisionlog.go): existence checks
// that name what is missing, and loaders that read quotes and responses
// of a whole session (or ledger) with one query each, themes included.

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/jmoiron/sqlx"

	"soundingboard/backend/activity"
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

// packedFields packs the fields of a response's entries r into one
// text, as responseSelect groups them: per entry its kind, the byte
// length of its text and the text ("note 5 hello"), so any text, control
// characters and all, reads back as it was (unpackFields).
const packedFields = `group_concat(r.kind || ' ' || octet_length(r.text) || ' ' || r.text, '')`

// loadResponses reads the responses whose entries match where (over
// entries r) with their themes, in three queries. A response is put
// together from its entries: its ID is the id of its first entry
// (TagResponse takes it), each field is the entry of its kind (one per
// slot: SaveField keeps it so), reactions one entry each, themes those of
// its entries (needs and note carry them). Responses come in the order of
// their first entries. Erased entries (no member) of one assumption read
// as one response of member 0. where is a constant of this package.
//
// A response is five entries, and a session of 2,000 responses must
// still open at once: SQLite groups them (in the order of the
// entries_slot index, which covers them), so 2,000 rows cross to Go, not
// 10,000, and the items' assumptions are read apart, not joined per entry.
func loadResponses(ctx context.Context, q store.Queryer, where string, args ...any) ([]Response, error) {
	var rows []struct {
		ID        int64  `db:"id"`
		ItemID    int64  `db:"item_id"`
		MemberID  int64  `db:"member_id"`
		UpdatedAt string `db:"updated_at"`
		Fields    string `db:"fields"`
	}
	if err := sqlx.SelectContext(ctx, q, &rows, `SELECT min(r.id) AS id, r.item_id, coalesce(r.member_id, 0) AS member_id,
		max(r.updated_at) AS updated_at, `+packedFields+` AS fields
		FROM entries r WHERE r.item_id IS NOT NULL AND r.kind IN ('stance', 'needs', 'note', 'reaction') AND `+where+`
		GROUP BY r.item_id, r.member_id`, args...); err != nil {
		return nil, fmt.Errorf("read responses: %w", err)
	}
	items := make([]int64, 0, len(rows))
	for _, r := range rows {
		if len(items) == 0 || items[len(items)-1] != r.ItemID {
			items = append(items, r.ItemID)
		}
	}
	// The assumption (and session) of each item; entries of items that
	// are not assumptions (a journey board's notes) are no response.
	var its []struct {
		ID         int64 `db:"id"`
		SessionID  int64 `db:"session_id"`
		Assumption int64 `db:"assumption_id"`
	}
	if err := sqlx.SelectContext(ctx, q, &its, `SELECT i.id, a.session_id, i.assumption_id
		FROM activity_items i JOIN activities a ON a.id = i.activity_id
		WHERE i.role = 'assumption' AND i.id IN (SELECT value FROM json_each(?))`, jsonIDs(items)); err != nil {
		return nil, fmt.Errorf("read the items of responses: %w", err)
	}
	type itemOf struct{ session, assumption int64 }
	itemsByID := make(map[int64]itemOf, len(its))
	for _, it := range its {
		itemsByID[it.ID] = itemOf{it.SessionID, it.Assumption}
	}
	type key struct{ item, member int64 }
	at := make(map[key]int, len(rows))
	out := make([]Response, 0, len(rows))
	for _, row := range rows {
		it, ok := itemsByID[row.ItemID]
		if !ok {
			continue
		}
		r := emptyResponse(ResponseKey{SessionID: it.session, AssumptionID: it.assumption, MemberID: row.MemberID})
		r.ID, r.UpdatedAt = row.ID, row.UpdatedAt
		if err := unpackFields(row.Fields, &r); err != nil {
			return nil, fmt.Errorf("read response %d: %w", row.ID, err)
		}
		at[key{row.ItemID, row.MemberID}] = len(out)
		out = append(out, r)
	}
	var themes []struct {
		ItemID   int64  `db:"item_id"`
		MemberID int64  `db:"member_id"`
		Name     string `db:"name"`
	}
	if err := sqlx.SelectContext(ctx, q, &themes, `SELECT r.item_id, coalesce(r.member_id, 0) AS member_id, t.name
		FROM entry_themes et JOIN themes t ON t.id = et.theme_id JOIN entries r ON r.id = et.entry_id
		WHERE r.kind IN ('needs', 'note') AND `+where+` ORDER BY t.name COLLATE NOCASE, t.id`, args...); err != nil {
		return nil, fmt.Errorf("read response themes: %w", err)
	}
	for _, th := range themes {
		if i, ok := at[key{th.ItemID, th.MemberID}]; ok && !slices.Contains(out[i].Themes, th.Name) {
			out[i].Themes = append(out[i].Themes, th.Name)
		}
	}
	slices.SortFunc(out, func(a, b Response) int { return cmp.Compare(a.ID, b.ID) })
	return out, nil
}

// unpackFields sets the fields of r from packedFields' text; reactions
// in the order of Reactions.
func unpackFields(packed string, r *Response) error {
	seen := make([]bool, len(Reactions))
	for packed != "" {
		kind, rest, ok1 := strings.Cut(packed, " ")
		size, rest, ok2 := strings.Cut(rest, " ")
		n, err := strconv.Atoi(size)
		if !ok1 || !ok2 || err != nil || n < 0 || n > len(rest) {
			return fmt.Errorf("fields %q are garbled", packed)
		}
		text := rest[:n]
		packed = rest[n:]
		switch kind {
		case "stance":
			r.Stance = Stance(text)
		case "needs":
			r.Needs = text
		case "note":
			r.Notes = text
		case "reaction":
			if i := slices.Index(Reactions, text); i >= 0 {
				seen[i] = true
			}
		}
	}
	for i, name := range Reactions {
		if seen[i] {
			r.Reactions = append(r.Reactions, Reaction(name))
		}
	}
	return nil
}

// getResponse reads the response of a member (0: the erased) to the item
// of an assumption; an empty response when nothing was recorded.
func getResponse(ctx context.Context, q store.Queryer, sessionID, itemID, memberID int64) (Response, error) {
	rs, err := loadResponses(ctx, q, `r.item_id = ? AND r.member_id IS nullif(?, 0)`, itemID, memberID)
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
	return activity.MarkAttended(ctx, tx, h.ID, memberID, h.Status)
}
