package activity

// SaveEntry and DeleteEntry: what participants contribute, one shape for
// every kind (see EntryInput and 0010_activities.sql).

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/jmoiron/sqlx"

	"soundingboard/backend/store"
	"soundingboard/backend/valid"
)

// maxEntryText bounds an entry's text, as the schema does.
const maxEntryText = 20000

// entryKinds are the entries each kind of activity takes. An assumption
// check takes only quotes here (from a transcript, say): its stances,
// needs, notes and reactions go through its run in package session, one
// path for them.
var entryKinds = map[Kind][]EntryKind{
	KindAssumptionCheck: {EntryQuote},
	KindJourneyBoard:    {EntryNote, EntryVote, EntryReaction, EntryQuote},
	KindIdeaRound:       {EntryIdea, EntryVote, EntryPitch, EntryReaction, EntryQuote},
	KindPrototypeTest:   {EntryResult, EntrySeconds, EntryEase, EntryObservation, EntryPreference, EntryReaction, EntryQuote},
	KindOpenQuestion:    {EntryAnswer, EntryReaction, EntryQuote},
	KindRating:          {EntryRating, EntryReaction, EntryQuote},
}

// itemRole is the role of the item an entry kind is about; "" when it has
// none (or, for reactions and quotes, any item or none).
var itemRole = map[EntryKind]Role{
	EntryNote: RoleStage, EntryIdea: RolePrompt, EntryResult: RoleTask, EntrySeconds: RoleTask,
	EntryEase: RoleTask, EntryObservation: RoleTask, EntryAnswer: RoleQuestion, EntryRating: RoleQuestion,
}

// slotKinds are the kinds kept one per (activity, item, variant, target,
// member); a preference is one per (activity, member), its variant being
// the choice.
var slotKinds = []EntryKind{EntryVote, EntryPitch, EntryResult, EntrySeconds, EntryEase, EntryObservation,
	EntryPreference, EntryAnswer, EntryRating}

// SaveEntry saves one entry as it is typed: texts are stored as given,
// never trimmed. A slot kind's slot is found and overwritten, and cleared
// (returning an Entry with ID 0) by an empty text and a 0 value; notes,
// ideas and quotes are added (ID 0) or edited (ID); a reaction is added
// once per text. An entry with a member marks them attended. Entries stay
// editable after the session finished, for clean-up.
func (s *Agendas) SaveEntry(in EntryInput) (Entry, error) {
	var id int64
	err := store.WithTx(s.ctx, s.db, func(tx *sqlx.Tx) error {
		var err error
		id, err = SaveEntryTx(s.ctx, tx, &in, s.stamp())
		return err
	})
	if err != nil {
		return Entry{}, fmt.Errorf("save %s: %w", in.Kind, err)
	}
	if id == 0 {
		return Entry{SessionID: in.SessionID, ActivityID: in.ActivityID, ItemID: in.ItemID, VariantID: in.VariantID,
			TargetID: in.TargetID, MemberID: in.MemberID, Kind: in.Kind, Themes: []string{}}, nil
	}
	e, err := store.Read(s.ctx, s.db, func(q store.Queryer) (Entry, error) { return getEntry(s.ctx, q, id) })
	if err != nil {
		return Entry{}, fmt.Errorf("read saved %s: %w", in.Kind, err)
	}
	return e, nil
}

// SaveEntryTx checks and writes one entry in tx at time now (RFC 3339),
// as SaveEntry does; returns its id, 0 when a slot was cleared. It fills
// in the session of the entry's activity. Other packages that record
// entries (a quote from a transcript) write them through it, so every
// entry meets the same checks.
func SaveEntryTx(ctx context.Context, tx *sqlx.Tx, placed *EntryInput, now string) (int64, error) {
	a, h, err := entryPlace(ctx, tx, placed)
	if err != nil {
		return 0, err
	}
	in := *placed
	p := checkEntry(in, a)
	if err := p.Err(); err != nil {
		return 0, err
	}
	if err := checkRefs(ctx, tx, in, a, h, &p); err != nil {
		return 0, err
	}
	if err := p.Err(); err != nil {
		return 0, err
	}
	if in.MemberID != 0 {
		if err := MarkAttended(ctx, tx, h.ID, in.MemberID, h.Status); err != nil {
			return 0, err
		}
	}
	switch {
	case slices.Contains(slotKinds, in.Kind):
		return saveSlot(ctx, tx, in, a, now)
	case in.Kind == EntryReaction:
		var id int64
		err := sqlx.GetContext(ctx, tx, &id, `SELECT id FROM entries WHERE activity_id = ? AND item_id IS ?
			AND member_id IS ? AND kind = 'reaction' AND text = ? ORDER BY id LIMIT 1`,
			in.ActivityID, store.NullZero(in.ItemID), store.NullZero(in.MemberID), in.Text)
		if err == nil {
			return id, nil
		}
		if !errors.Is(err, sql.ErrNoRows) {
			return 0, fmt.Errorf("find reaction: %w", err)
		}
		return insertEntry(ctx, tx, in, now)
	case in.ID == 0:
		return insertEntry(ctx, tx, in, now)
	}
	var was Entry
	err = sqlx.GetContext(ctx, tx, &was, `SELECT id, session_id, coalesce(activity_id, 0) AS activity_id, kind
		FROM entries WHERE id = ?`, in.ID)
	if err != nil {
		return 0, store.Map(err, fmt.Sprintf("entry %d", in.ID))
	}
	if was.Kind != in.Kind || was.ActivityID != in.ActivityID || was.SessionID != in.SessionID {
		return 0, store.InvalidFields([]store.Problem{{Field: "id",
			Message: fmt.Sprintf("entry %d is a %s of another activity or kind, not this %s", in.ID, was.Kind, in.Kind)}})
	}
	_, err = tx.ExecContext(ctx, `UPDATE entries SET item_id = ?, member_id = ?,
		former_member = CASE WHEN ? IS NULL THEN former_member ELSE 0 END, text = ?, value = ?, updated_at = ?
		WHERE id = ?`, store.NullZero(in.ItemID), store.NullZero(in.MemberID), store.NullZero(in.MemberID), in.Text, store.NullZero(in.Value), now, in.ID)
	if err != nil {
		return 0, store.Map(err, in.Kind.String())
	}
	return in.ID, nil
}

// String is the kind as text.
func (k EntryKind) String() string { return string(k) }

// entryPlace reads the activity and session an entry goes to, filling in
// in.SessionID (from the activity) and refusing what no entry of this
// package can go to: an unknown activity or session, a removed activity,
// an assumption check.
func entryPlace(ctx context.Context, tx *sqlx.Tx, in *EntryInput) (activityRow, sessionHead, error) {
	var a activityRow
	if in.ActivityID == 0 && in.SessionID == 0 {
		return a, sessionHead{}, store.InvalidFields([]store.Problem{{Field: "activityId",
			Message: "activityId is required (or a sessionId, for a quote about the session as a whole)"}})
	}
	if in.ActivityID != 0 {
		var err error
		if a, err = getActivity(ctx, tx, in.ActivityID); err != nil {
			return a, sessionHead{}, err
		}
		if in.SessionID != 0 && in.SessionID != a.SessionID {
			return a, sessionHead{}, store.InvalidFields([]store.Problem{{Field: "activityId",
				Message: fmt.Sprintf("activity %d (%q) is not on the agenda of session %d", a.ID, a.Title, in.SessionID)}})
		}
		in.SessionID = a.SessionID
		if a.Removed {
			return a, sessionHead{}, store.Invalid("activity %q was removed from the agenda: restore it first", a.Title)
		}
		if a.Kind == KindAssumptionCheck && in.Kind != EntryQuote {
			return a, sessionHead{}, store.Invalid("%q is an assumption check: use the assumption check's run", a.Title)
		}
	}
	h, err := headOf(ctx, tx, in.SessionID)
	return a, h, err
}

// checkEntry finds what is wrong with an entry's fields for its kind and
// its activity's kind, before anything else is read. An entry without an
// activity is a quote about the session as a whole.
func checkEntry(in EntryInput, a activityRow) valid.Problems {
	var p valid.Problems
	allowed := entryKinds[a.Kind]
	if in.ActivityID == 0 {
		allowed = []EntryKind{EntryQuote}
	}
	if !slices.Contains(allowed, in.Kind) {
		names := make([]string, len(allowed))
		for i, k := range allowed {
			names[i] = string(k)
		}
		where := "an entry without an activity"
		if in.ActivityID != 0 {
			where = "a " + string(a.Kind)
		}
		p.Add("kind", "kind %q is not one of %s (what %s takes)", in.Kind, strings.Join(names, ", "), where)
		return p
	}
	need := func(field string, v int64, ok bool) {
		switch {
		case ok && v == 0:
			p.Add(field, "%s is required for a %s", field, in.Kind)
		case !ok && v != 0:
			p.Add(field, "%s must be 0 for a %s", field, in.Kind)
		}
	}
	free := in.Kind == EntryReaction || in.Kind == EntryQuote
	need("targetId", in.TargetID, in.Kind == EntryVote || in.Kind == EntryPitch)
	if !free {
		need("itemId", in.ItemID, itemRole[in.Kind] != "")
		need("memberId", in.MemberID, in.Kind != EntryPitch || in.MemberID != 0)
	} else if in.ActivityID == 0 {
		need("itemId", in.ItemID, false)
	}
	testing := in.Kind == EntryResult || in.Kind == EntrySeconds || in.Kind == EntryEase || in.Kind == EntryObservation
	need("variantId", in.VariantID, testing || (in.Kind == EntryPreference && !clears(in)))
	noValue := func() {
		if in.Value != 0 {
			p.Add("value", "value must be 0 for a %s", in.Kind)
		}
	}
	noText := func() {
		if in.Text != "" {
			p.Add("text", "text must be empty for a %s", in.Kind)
		}
	}
	switch in.Kind {
	case EntryNote:
		p.Text("text", in.Text, maxEntryText)
		p.Range("value", in.Value, 0, 3)
	case EntryIdea, EntryQuote:
		p.Text("text", in.Text, maxEntryText)
		noValue()
	case EntryReaction:
		p.OneOf("text", in.Text, ReactionKinds...)
		noValue()
	case EntryVote:
		if in.Value < 0 {
			p.Add("value", "value %d is out of range (0 dots or more)", in.Value)
		}
		noText()
	case EntryPitch:
		p.Range("value", in.Value, 0, 5)
		noText()
	case EntrySeconds:
		p.Range("value", in.Value, 0, 86400)
		noText()
	case EntryEase:
		p.Range("value", in.Value, 0, 7)
		noText()
	case EntryRating:
		p.Range("value", in.Value, 0, a.Scale)
		noText()
	case EntryResult:
		if in.Text != "" {
			p.OneOf("text", in.Text, TaskOutcomes...)
		}
		noValue()
	case EntryObservation, EntryPreference, EntryAnswer:
		p.MaxLen("text", in.Text, maxEntryText)
		noValue()
	}
	return p
}

// checkRefs checks the ids an entry points at: unknown ones are returned
// as NotFound; ones of another activity or session, of the wrong role or
// kind, or a member who does not take part, become problems in p.
func checkRefs(ctx context.Context, tx *sqlx.Tx, in EntryInput, a activityRow, h sessionHead, p *valid.Problems) error {
	if err := checkItem(ctx, tx, a, "itemId", in.ItemID, itemRole[in.Kind], p); err != nil {
		return err
	}
	if err := checkItem(ctx, tx, a, "variantId", in.VariantID, RoleVariant, p); err != nil {
		return err
	}
	if in.TargetID != 0 {
		var t struct {
			ActivityID int64     `db:"activity_id"`
			Kind       EntryKind `db:"kind"`
		}
		err := sqlx.GetContext(ctx, tx, &t, `SELECT coalesce(activity_id, 0) AS activity_id, kind FROM entries WHERE id = ?`, in.TargetID)
		if err != nil {
			return store.Map(err, fmt.Sprintf("entry %d", in.TargetID))
		}
		want := EntryIdea
		if a.Kind == KindJourneyBoard {
			want = EntryNote
		}
		switch {
		case t.ActivityID != a.ID:
			p.Add("targetId", "entry %d is not an entry of %q", in.TargetID, a.Title)
		case t.Kind != want:
			p.Add("targetId", "entry %d is a %s, not a %s", in.TargetID, t.Kind, want)
		}
	}
	if in.MemberID != 0 {
		var name string
		if err := sqlx.GetContext(ctx, tx, &name, `SELECT name FROM members WHERE id = ?`, in.MemberID); err != nil {
			return store.Map(err, fmt.Sprintf("member %d", in.MemberID))
		}
		var n int
		if err := sqlx.GetContext(ctx, tx, &n, `SELECT count(*) FROM participants WHERE session_id = ? AND member_id = ?`,
			h.ID, in.MemberID); err != nil {
			return fmt.Errorf("find participant: %w", err)
		}
		if n == 0 {
			p.Add("memberId", "%s (member %d) is not a participant of session %q", name, in.MemberID, h.Title)
		}
	}
	if in.Kind == EntryVote && len(*p) == 0 {
		return checkDots(ctx, tx, in, a, p)
	}
	return nil
}

// checkItem checks an item id of an entry is an item of its activity with
// the role wanted ("" = any); 0 passes (checkEntry requires it).
func checkItem(ctx context.Context, tx *sqlx.Tx, a activityRow, field string, id int64, role Role, p *valid.Problems) error {
	if id == 0 {
		return nil
	}
	for _, it := range a.Items {
		if it.ID == id {
			if role != "" && it.Role != role {
				p.Add(field, "item %d is a %s, not a %s", id, it.Role, role)
			}
			return nil
		}
	}
	var n int
	if err := sqlx.GetContext(ctx, tx, &n, `SELECT count(*) FROM activity_items WHERE id = ?`, id); err != nil {
		return fmt.Errorf("find item %d: %w", id, err)
	}
	if n == 0 {
		return store.NotFound("item %d not found", id)
	}
	p.Add(field, "item %d is not an item of %q", id, a.Title)
	return nil
}

// checkDots keeps a member's votes in an activity within its dots: the
// votes on other notes or ideas plus this one.
func checkDots(ctx context.Context, tx *sqlx.Tx, in EntryInput, a activityRow, p *valid.Problems) error {
	if a.Dots == 0 && in.Value > 0 {
		p.Add("value", "%q takes no dot votes (its dots are 0)", a.Title)
		return nil
	}
	var used int
	if err := sqlx.GetContext(ctx, tx, &used, `SELECT coalesce(sum(value), 0) FROM entries
		WHERE activity_id = ? AND kind = 'vote' AND member_id = ? AND target_id <> ?`,
		a.ID, in.MemberID, in.TargetID); err != nil {
		return fmt.Errorf("count dots: %w", err)
	}
	if used+in.Value > a.Dots {
		p.Add("value", "%d dots here and %d elsewhere are more than the %d dots each person has in %q",
			in.Value, used, a.Dots, a.Title)
	}
	return nil
}

// saveSlot overwrites, fills or clears a slot kind's one entry.
func saveSlot(ctx context.Context, tx *sqlx.Tx, in EntryInput, a activityRow, now string) (int64, error) {
	query := `SELECT id FROM entries WHERE activity_id = ? AND item_id IS ? AND target_id IS ? AND member_id IS ?
		AND kind = ?`
	args := []any{a.ID, store.NullZero(in.ItemID), store.NullZero(in.TargetID), store.NullZero(in.MemberID), in.Kind}
	if in.Kind != EntryPreference { // a preference's variant is its choice, not part of its slot
		query += ` AND variant_id IS ?`
		args = append(args, store.NullZero(in.VariantID))
	}
	var id int64
	err := sqlx.GetContext(ctx, tx, &id, query+` ORDER BY id LIMIT 1`, args...)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return 0, fmt.Errorf("find %s: %w", in.Kind, err)
	}
	switch {
	case clears(in):
		if id != 0 {
			if _, err := tx.ExecContext(ctx, `DELETE FROM entries WHERE id = ?`, id); err != nil {
				return 0, fmt.Errorf("clear %s: %w", in.Kind, err)
			}
		}
		return 0, nil
	case id == 0:
		return insertEntry(ctx, tx, in, now)
	}
	_, err = tx.ExecContext(ctx, `UPDATE entries SET variant_id = ?, text = ?, value = ?, updated_at = ? WHERE id = ?`,
		store.NullZero(in.VariantID), in.Text, store.NullZero(in.Value), now, id)
	if err != nil {
		return 0, store.Map(err, in.Kind.String())
	}
	return id, nil
}

// clears reports whether a slot kind's input empties its slot: an empty
// text and a 0 value (and, for a preference, no variant chosen).
func clears(in EntryInput) bool {
	return in.Text == "" && in.Value == 0 && (in.Kind != EntryPreference || in.VariantID == 0)
}

// insertEntry adds an entry.
func insertEntry(ctx context.Context, tx *sqlx.Tx, in EntryInput, now string) (int64, error) {
	id, err := store.NewID(ctx, tx)
	if err != nil {
		return 0, err
	}
	_, err = tx.ExecContext(ctx, `INSERT INTO entries (id, session_id, activity_id, item_id, variant_id, target_id,
		member_id, kind, text, value, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		id, in.SessionID, store.NullZero(in.ActivityID), store.NullZero(in.ItemID), store.NullZero(in.VariantID), store.NullZero(in.TargetID),
		store.NullZero(in.MemberID), in.Kind, in.Text, store.NullZero(in.Value), now, now)
	if err != nil {
		return 0, store.Map(err, in.Kind.String())
	}
	return id, nil
}

// DeleteEntry removes an entry of any kind; a note's or idea's votes and
// pitches go with it.
func (s *Agendas) DeleteEntry(id int64) error {
	err := store.WithTx(s.ctx, s.db, func(tx *sqlx.Tx) error {
		return store.ExecOne(s.ctx, tx, fmt.Sprintf("entry %d", id), `DELETE FROM entries WHERE id = ?`, id)
	})
	if err != nil {
		return fmt.Errorf("delete entry %d: %w", id, err)
	}
	return nil
}

// MarkAttended records that a participant is here because something was
// just recorded for them, in the transaction of that write, so every
// client gets the rule: one rule for every package that records entries.
// Only while the session is not finished (status): after it, attendance
// is what the facilitator confirmed, and cleaning up notes does not
// change it.
func MarkAttended(ctx context.Context, tx *sqlx.Tx, sessionID, memberID int64, status string) error {
	if status == statusFinished {
		return nil
	}
	if _, err := tx.ExecContext(ctx, `UPDATE participants SET state = 'attended'
		WHERE session_id = ? AND member_id = ? AND state <> 'attended'`, sessionID, memberID); err != nil {
		return fmt.Errorf("mark member %d attended: %w", memberID, err)
	}
	return nil
}
