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
// lower-cased, deduplicated and in the order of activity.ReactionKinds.
func normalizeReactions(v string) (string, error) {
	seen := map[string]bool{}
	for _, r := range splitCommaList[string](strings.ToLower(v)) {
		if !slices.Contains(activity.ReactionKinds, r) {
			return "", store.Invalid("reaction %q is not one of %s", r, strings.Join(activity.ReactionKinds, ", "))
		}
		seen[r] = true
	}
	var out []string
	for _, r := range activity.ReactionKinds {
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

// loadResponses reads the responses whose entries match where (over
// entries r) with their themes, in three queries. A response is put
// together from its entries: its ID is the id of its first entry
// (TagResponse takes it), each field is the entry of its kind (one per
// slot: SaveField keeps it so; were there two, the greater text wins),
// reactions one entry each, in the order of activity.ReactionKinds,
// themes those of its entries (needs and note carry them). Responses come
// in the order of their first entries. Erased entries (no member) of one
// assumption read as one response of member 0. where is a constant of
// this package.
//
// A response is five entries, and a session of 2,000 responses must
// still open at once. With this driver each value crossing to Go, and
// each function SQLite evaluates per entry, costs more than reading the
// entry, and SQLite grouping per response costs more than the rows it
// saves: so one query reads the entries as a few lists
// (eachResponseEntry), over the entries_slot index that covers them, and
// they are put together here. The items' assumptions are read apart, not
// joined per entry.
func loadResponses(ctx context.Context, q store.Queryer, where string, args ...any) ([]Response, error) {
	out, itemOf, err := scanResponses(ctx, q, 0, where, args...)
	if err != nil {
		return nil, err
	}
	items := slices.Clone(itemOf)
	slices.Sort(items)
	items = slices.Compact(items)
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
	targets := make(map[int64]responseTarget, len(its))
	for _, it := range its {
		targets[it.ID] = responseTarget{it.SessionID, it.Assumption}
	}
	return finishResponses(ctx, q, out, itemOf, targets, where, args...)
}

// responseTarget is what the responses to an item of an assumption check
// are about: the session and the assumption.
type responseTarget struct{ session, assumption int64 }

// finishResponses completes the responses scanResponses read with where:
// those of an item in targets get its session and assumption (the others
// are dropped), then their themes, in the order of their first entries.
func finishResponses(ctx context.Context, q store.Queryer, out []Response, itemOf []int64,
	targets map[int64]responseTarget, where string, args ...any) ([]Response, error) {
	type key struct{ item, member int64 }
	at := make(map[key]int, len(out))
	kept := out[:0]
	for i, r := range out {
		t, ok := targets[itemOf[i]]
		if !ok {
			continue
		}
		r.SessionID, r.AssumptionID = t.session, t.assumption
		at[key{itemOf[i], r.MemberID}] = len(kept)
		kept = append(kept, r)
	}
	out = kept
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

// responseEntries selects the response entries r matching a where
// clause appended to it.
const responseEntries = ` FROM entries r WHERE r.item_id IS NOT NULL AND r.kind IN ('stance', 'needs', 'note', 'reaction') AND `

// listedEntries reads the response entries as six lists in one row, one
// per column, so 10,000 entries cross from SQLite to Go as six values and
// SQLite evaluates nothing per entry but the lists themselves (with this
// driver, each function or || per entry costs more than reading it).
// Numbers and kinds are listed with commas; stamps and texts with the
// byte 0xFF, which UTF-8 text never holds. A text that does hold it (not
// typed through the app) makes the lists disagree: the entries are then
// read again with packedEntries.
const listedEntries = `SELECT coalesce(group_concat(r.item_id), ''), coalesce(group_concat(coalesce(r.member_id, 0)), ''),
	coalesce(group_concat(r.id), ''), coalesce(group_concat(r.kind), ''),
	coalesce(group_concat(r.updated_at, x'ff'), ''), coalesce(group_concat(r.text, x'ff'), '')`

// packedEntries packs the response entries r into one text: per entry its
// item, member (0: none), id and kind, the byte lengths of its stamp and
// text, then the stamp and the text ("7 3 41 note 20 5
// 2025-06-15T12:00:01Zhello"), so any text, control characters and all,
// reads back as it was. The stamp and text are appended with ||, which
// keeps every byte, not by printf, which would stop at a NUL.
const packedEntries = `SELECT coalesce(group_concat(printf('%d %d %d %s %d %d ', r.item_id, coalesce(r.member_id, 0), r.id,
	r.kind, octet_length(r.updated_at), octet_length(r.text)) || r.updated_at || r.text, ''), '')`

// eachResponseEntry reads the response entries matching where, in the
// order of the entries_slot index that covers them (no seek into the
// table, no sort), and calls f with each: listed (listedEntries), or
// packed (packedEntries) when the lists disagree.
func eachResponseEntry(ctx context.Context, q store.Queryer, where string, args []any, f func(packedEntry)) error {
	var l [6]string // items, members, ids, kinds, stamps, texts
	if err := q.QueryRowxContext(ctx, listedEntries+responseEntries+where, args...).Scan(
		&l[0], &l[1], &l[2], &l[3], &l[4], &l[5]); err != nil {
		return fmt.Errorf("read responses: %w", err)
	}
	if l[2] == "" {
		return nil // no entries
	}
	n := strings.Count(l[2], ",")
	if strings.Count(l[0], ",") == n && strings.Count(l[1], ",") == n && strings.Count(l[3], ",") == n &&
		strings.Count(l[4], "\xff") == n && strings.Count(l[5], "\xff") == n {
		return eachListed(l, f)
	}
	var packed string
	if err := sqlx.GetContext(ctx, q, &packed, packedEntries+responseEntries+where, args...); err != nil {
		return fmt.Errorf("read responses: %w", err)
	}
	for packed != "" {
		e, rest, err := nextPackedEntry(packed)
		if err != nil {
			return fmt.Errorf("read responses: %w", err)
		}
		f(e)
		packed = rest
	}
	return nil
}

// eachListed calls f with each entry of listedEntries' lists, which have
// as many items each.
func eachListed(l [6]string, f func(packedEntry)) error {
	for l[2] != "" {
		var e packedEntry
		var nums [3]int64 // item, member, id
		for i := range nums {
			field, rest, _ := strings.Cut(l[i], ",")
			n, err := strconv.ParseInt(field, 10, 64)
			if err != nil {
				return fmt.Errorf("read responses: list %.40q is garbled", l[i])
			}
			nums[i], l[i] = n, rest
		}
		e.item, e.member, e.id = nums[0], nums[1], nums[2]
		e.kind, l[3], _ = strings.Cut(l[3], ",")
		e.updated, l[4], _ = strings.Cut(l[4], "\xff")
		e.text, l[5], _ = strings.Cut(l[5], "\xff")
		f(e)
	}
	return nil
}

// scanResponses reads the response entries matching where and puts them
// together per item and member (loadResponses), in the order first met;
// itemOf[i] is the item of out[i], whose session and assumption are not
// set yet. expect is how many responses to make room for (0: unknown).
func scanResponses(ctx context.Context, q store.Queryer, expect int, where string, args ...any) (out []Response, itemOf []int64, err error) {
	type key struct{ item, member int64 }
	at := make(map[key]int, expect)
	out, itemOf = make([]Response, 0, expect), make([]int64, 0, expect)
	reacted := make([]uint64, 0, expect) // per response, bit k set: activity.ReactionKinds[k] noted
	err = eachResponseEntry(ctx, q, where, args, func(e packedEntry) {
		i, ok := at[key{e.item, e.member}]
		if !ok {
			i = len(out)
			at[key{e.item, e.member}] = i
			out = append(out, emptyResponse(ResponseKey{MemberID: e.member}))
			out[i].ID = e.id
			itemOf = append(itemOf, e.item)
			reacted = append(reacted, 0)
		}
		r := &out[i]
		r.ID = min(r.ID, e.id)
		r.UpdatedAt = max(r.UpdatedAt, e.updated)
		switch e.kind {
		case "stance":
			r.Stance = max(r.Stance, Stance(e.text))
		case "needs":
			r.Needs = max(r.Needs, e.text)
		case "note":
			r.Notes = max(r.Notes, e.text)
		case "reaction":
			if k := slices.Index(activity.ReactionKinds, e.text); k >= 0 {
				reacted[i] |= 1 << k
			}
		}
	})
	if err != nil {
		return nil, nil, err
	}
	for i := range out {
		for k, name := range activity.ReactionKinds {
			if reacted[i]&(1<<k) != 0 {
				out[i].Reactions = append(out[i].Reactions, activity.Reaction(name))
			}
		}
	}
	return out, itemOf, nil
}

// packedEntry is one response entry as read (listedEntries, packedEntries).
type packedEntry struct {
	item, member, id    int64
	kind, updated, text string
}

// nextPackedEntry reads the first entry of packedEntries' text and
// returns it with the rest.
func nextPackedEntry(packed string) (packedEntry, string, error) {
	var e packedEntry
	var nums [5]int64 // item, member, id, then the stamp's and text's lengths
	rest := packed
	for i := range nums {
		if i == 3 { // the kind comes between the id and the lengths
			var ok bool
			if e.kind, rest, ok = strings.Cut(rest, " "); !ok {
				return e, "", fmt.Errorf("entries %.40q are garbled", packed)
			}
		}
		field, tail, ok := strings.Cut(rest, " ")
		n, err := strconv.ParseInt(field, 10, 64)
		if !ok || err != nil || n < 0 {
			return e, "", fmt.Errorf("entries %.40q are garbled", packed)
		}
		nums[i], rest = n, tail
	}
	e.item, e.member, e.id = nums[0], nums[1], nums[2]
	if nums[3]+nums[4] > int64(len(rest)) {
		return e, "", fmt.Errorf("entries %.40q are garbled", packed)
	}
	e.updated, rest = rest[:nums[3]], rest[nums[3]:]
	e.text, rest = rest[:nums[4]], rest[nums[4]:]
	return e, rest, nil
}

// getResponse reads the response of a member (0: the erased) to the item
// of an assumption; an empty response when nothing was recorded. It is
// read after each autosave, so it knows the item's target from one plain
// query rather than joining the items of every entry.
func getResponse(ctx context.Context, q store.Queryer, sessionID, itemID, memberID int64) (Response, error) {
	var a int64
	if err := sqlx.GetContext(ctx, q, &a, `SELECT assumption_id FROM activity_items
		WHERE id = ? AND role = 'assumption'`, itemID); err != nil {
		return Response{}, store.Map(err, fmt.Sprintf("item %d", itemID))
	}
	where := `r.item_id = ? AND r.member_id IS nullif(?, 0)`
	out, itemOf, err := scanResponses(ctx, q, 1, where, itemID, memberID)
	if err != nil {
		return Response{}, err
	}
	rs, err := finishResponses(ctx, q, out, itemOf, map[int64]responseTarget{itemID: {sessionID, a}}, where, itemID, memberID)
	if err != nil {
		return Response{}, err
	}
	if len(rs) == 0 {
		return emptyResponse(ResponseKey{SessionID: sessionID, AssumptionID: a, MemberID: memberID}), nil
	}
	return rs[0], nil
}

// emptyResponse is the answer of a participant who has said nothing yet.
func emptyResponse(k ResponseKey) Response {
	return Response{SessionID: k.SessionID, AssumptionID: k.AssumptionID, MemberID: k.MemberID,
		Reactions: []activity.Reaction{}, Themes: []string{}}
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
