package session

// The live run view: everything on screen in one call, and the small
// writes made while a session runs (position, timer, each keystroke of a
// response, quotes).

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/jmoiron/sqlx"

	"soundingboard/backend/store"
	"soundingboard/backend/valid"
)

// Limits of the texts typed while a session runs.
const (
	maxResponseText = 20000 // needs, notes
	maxQuoteText    = 10000
	maxTimeStep     = 3600 // seconds AddTime accepts per call
)

// responseFields are the fields of a response SaveField can write.
var responseFields = []string{"stance", "needs", "reactions", "notes"}

// GetRun returns everything the live run view needs.
//
// It reads the session plan, then the responses (by the items of its
// assumption check), quotes and verdicts of the whole session with one
// query each (plus one per kind for their themes),
// so opening a session costs the same few queries at 5 or 50 assumptions.
// All of them read one snapshot: an autosave landing meanwhile is either
// wholly in the answer or not at all.
func (s *Runs) GetRun(sessionID int64) (Run, error) {
	out, err := read(&s.core, func(q store.Queryer) (Run, error) { return readRun(s.ctx, q, sessionID, s.today()) })
	if err != nil {
		return Run{}, fmt.Errorf("open run of session %d: %w", sessionID, err)
	}
	return out, nil
}

// readRun reads the run view of a session through q; today decides the
// participants' consent flags.
func readRun(ctx context.Context, q store.Queryer, sessionID int64, today string) (Run, error) {
	sess, err := getSession(ctx, q, sessionID, today)
	if err != nil {
		return Run{}, err
	}
	items, general, err := runItems(ctx, q, sess)
	if err != nil {
		return Run{}, err
	}
	return Run{Session: sess, Items: items, General: general, Prompts: slices.Clone(RunPrompts)}, nil
}

// runItems builds one RunItem per assumption of sess, and the quotes not
// about any assumption.
func runItems(ctx context.Context, q store.Queryer, sess Session) ([]RunItem, []Quote, error) {
	var spent []struct {
		ItemID       int64 `db:"item_id"`
		AssumptionID int64 `db:"assumption_id"`
		Seconds      int   `db:"seconds_spent"`
	}
	if err := sqlx.SelectContext(ctx, q, &spent, `SELECT item_id, assumption_id, seconds_spent
		FROM assumption_items WHERE session_id = ?`, sess.ID); err != nil {
		return nil, nil, fmt.Errorf("read time spent: %w", err)
	}
	// Only the entries of the items the session tests its assumptions
	// through (not those of an assumption check taken off the agenda),
	// found by item in the entries_slot index.
	targets := make(map[int64]responseTarget, len(spent))
	itemIDs := make([]int64, 0, len(spent))
	for _, sp := range spent {
		targets[sp.ItemID] = responseTarget{sess.ID, sp.AssumptionID}
		itemIDs = append(itemIDs, sp.ItemID)
	}
	where, ids := `r.item_id IN (SELECT value FROM json_each(?))`, jsonIDs(itemIDs)
	scanned, itemOf, err := scanResponses(ctx, q, len(spent)*len(sess.Participants), where, ids)
	if err != nil {
		return nil, nil, err
	}
	responses, err := finishResponses(ctx, q, scanned, itemOf, targets, where, ids)
	if err != nil {
		return nil, nil, err
	}
	quotes, err := loadQuotes(ctx, q, `q.session_id = ?`, sess.ID)
	if err != nil {
		return nil, nil, err
	}
	var verdicts []Verdict
	if err := sqlx.SelectContext(ctx, q, &verdicts, `SELECT `+verdictColumns+`, tell
		FROM verdicts WHERE session_id = ?`, sess.ID); err != nil {
		return nil, nil, fmt.Errorf("read verdicts: %w", err)
	}

	type pair struct{ assumption, member int64 }
	byPair := make(map[pair]int, len(responses)) // index in responses
	for i, r := range responses {
		byPair[pair{r.AssumptionID, r.MemberID}] = i
	}
	quotesOf := map[int64][]Quote{}
	for _, qt := range quotes {
		quotesOf[qt.AssumptionID] = append(quotesOf[qt.AssumptionID], qt)
	}
	verdictOf := make(map[int64]*Verdict, len(verdicts))
	for i := range verdicts {
		verdictOf[verdicts[i].AssumptionID] = &verdicts[i]
	}
	secondsOf := make(map[int64]int, len(spent))
	for _, sp := range spent {
		secondsOf[sp.AssumptionID] = sp.Seconds
	}

	finished := sess.Status == "finished"
	items := make([]RunItem, 0, len(sess.Assumptions))
	stanceOf := make(map[int64]Stance, len(sess.Participants)) // of the assumption at hand
	for _, a := range sess.Assumptions {
		item := RunItem{
			Assumption:   a,
			SecondsSpent: secondsOf[a.ID],
			Responses:    make([]Response, 0, len(sess.Participants)),
			Quotes:       emptyIfNil(quotesOf[a.ID]),
			Verdict:      verdictOf[a.ID],
		}
		if v := item.Verdict; v != nil && v.Verdict == VerdictNeedsResearch {
			nt := nextTest(a)
			item.NextTest = &nt
		}
		clear(stanceOf)
		for _, p := range sess.Participants {
			var r Response
			if i, ok := byPair[pair{a.ID, p.MemberID}]; ok {
				r = responses[i]
			} else {
				r = emptyResponse(ResponseKey{SessionID: sess.ID, AssumptionID: a.ID, MemberID: p.MemberID})
			}
			stanceOf[p.MemberID] = r.Stance
			if p.State != "no_show" {
				item.Responses = append(item.Responses, r)
			}
		}
		item.Tally = tallyOf(sess.Participants, finished, stanceOf)
		items = append(items, item)
	}
	return items, emptyIfNil(quotesOf[0]), nil
}

// SetPosition remembers which assumption is on screen.
func (s *Runs) SetPosition(sessionID int64, position int) error {
	err := store.WithTx(s.ctx, s.db, func(tx *sqlx.Tx) error {
		h, err := headOf(s.ctx, tx, sessionID)
		if err != nil {
			return err
		}
		var n int
		if err := sqlx.GetContext(s.ctx, tx, &n,
			`SELECT count(*) FROM assumption_items WHERE session_id = ?`, sessionID); err != nil {
			return err
		}
		if n == 0 {
			return store.Invalid("session %q has no assumptions to show", h.Title)
		}
		var p valid.Problems
		p.Range("position", position, 0, n-1)
		if err := p.Err(); err != nil {
			return err
		}
		_, err = tx.ExecContext(s.ctx, `UPDATE sessions SET current_position = ? WHERE id = ?`, position, sessionID)
		return err
	})
	if err != nil {
		return fmt.Errorf("set position in session %d: %w", sessionID, err)
	}
	return nil
}

// validate normalises the value of a field edit (stance lower-cased and
// trimmed, reactions normalised) and checks it. Texts are kept as typed:
// they are saved on every keystroke, and trimming would eat the space the
// user just typed.
func (e *FieldEdit) validate() error {
	var p valid.Problems
	p.OneOf("field", e.Field, responseFields...)
	if err := p.Err(); err != nil {
		return err
	}
	switch e.Field {
	case "stance":
		e.Value = strings.ToLower(strings.TrimSpace(e.Value))
		if e.Value != "" {
			p.OneOf("stance", e.Value, Stances...)
		}
	case "reactions":
		v, err := normalizeReactions(e.Value)
		if err != nil {
			return err
		}
		e.Value = v
	default:
		p.MaxLen(e.Field, e.Value, maxResponseText)
	}
	return p.Err()
}

// SaveField saves one field of a response as it is typed.
//
// A field is an entry of the assumption's item by the member (fieldKinds):
// the write updates only that entry (or adds it), so two people editing
// different fields of the same response never overwrite each other, and
// the last write of a field wins. An emptied text keeps its entry, blank,
// with its themes; reactions are a set, one entry each. Edits are allowed
// after a session finished, so notes can be cleaned up. Anything but an
// emptied field marks the participant attended (markAttended).
func (s *Runs) SaveField(e FieldEdit) (Response, error) {
	if err := e.validate(); err != nil {
		return Response{}, fmt.Errorf("save %s: %w", e.Field, err)
	}
	var out Response
	err := store.WithTx(s.ctx, s.db, func(tx *sqlx.Tx) error {
		h, err := headOf(s.ctx, tx, e.SessionID)
		if err != nil {
			return err
		}
		it, err := itemOf(s.ctx, tx, h, e.AssumptionID)
		if err != nil {
			return err
		}
		if err := checkParticipant(s.ctx, tx, h, e.MemberID); err != nil {
			return err
		}
		slot := entrySlot{session: e.SessionID, item: it, member: e.MemberID, now: s.stamp()}
		if e.Field == "reactions" {
			err = slot.setReactions(s.ctx, tx, splitCommaList[string](e.Value))
		} else {
			err = slot.setText(s.ctx, tx, fieldKinds[e.Field], e.Value)
		}
		if err != nil {
			return err
		}
		if e.Value != "" {
			if err := markAttended(s.ctx, tx, h, e.MemberID); err != nil {
				return err
			}
		}
		out, err = getResponse(s.ctx, tx, e.SessionID, it.ItemID, e.MemberID)
		return err
	})
	if err != nil {
		return Response{}, fmt.Errorf("save %s of member %d on assumption %d: %w", e.Field, e.MemberID, e.AssumptionID, err)
	}
	return out, nil
}

// AddTime adds seconds to the time spent on an assumption (its item's
// timer, and its assumption check's); returns the assumption's total.
func (s *Runs) AddTime(sessionID, assumptionID int64, seconds int) (int, error) {
	var p valid.Problems
	p.Range("seconds", seconds, 1, maxTimeStep)
	if err := p.Err(); err != nil {
		return 0, fmt.Errorf("add time: %w", err)
	}
	var total int
	err := store.WithTx(s.ctx, s.db, func(tx *sqlx.Tx) error {
		h, err := headOf(s.ctx, tx, sessionID)
		if err != nil {
			return err
		}
		it, err := itemOf(s.ctx, tx, h, assumptionID)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(s.ctx, `UPDATE activities SET seconds_spent = seconds_spent + ? WHERE id = ?`,
			seconds, it.ActivityID); err != nil {
			return err
		}
		return sqlx.GetContext(s.ctx, tx, &total, `UPDATE activity_items
			SET seconds_spent = seconds_spent + ? WHERE id = ? RETURNING seconds_spent`, seconds, it.ItemID)
	})
	if err != nil {
		return 0, fmt.Errorf("add time to assumption %d in session %d: %w", assumptionID, sessionID, err)
	}
	return total, nil
}

// validate checks a quote. The text is kept as typed (it is saved as the
// note taker types) but must hold more than blanks.
func (in *QuoteInput) validate() error {
	var p valid.Problems
	p.Text("text", in.Text, maxQuoteText)
	if in.MemberID < 0 {
		p.Add("memberId", "memberId %d is not a member (0 = unattributed)", in.MemberID)
	}
	if in.AssumptionID < 0 {
		p.Add("assumptionId", "assumptionId %d is not an assumption (0 = general)", in.AssumptionID)
	}
	return p.Err()
}

// SaveQuote adds (ID 0) or edits a verbatim quote. A quote attributed to
// a participant marks them attended (markAttended).
//
// An edit replaces text, member and assumption; the session of a quote
// never changes (SessionID 0 on an edit means "the quote's own").
func (s *Runs) SaveQuote(in QuoteInput) (Quote, error) {
	what := "add quote"
	if in.ID != 0 {
		what = fmt.Sprintf("edit quote %d", in.ID)
	}
	if err := in.validate(); err != nil {
		return Quote{}, fmt.Errorf("%s: %w", what, err)
	}
	var out Quote
	err := store.WithTx(s.ctx, s.db, func(tx *sqlx.Tx) error {
		if in.ID != 0 {
			var sessionID int64
			err := sqlx.GetContext(s.ctx, tx, &sessionID, `SELECT session_id FROM quote_entries WHERE id = ?`, in.ID)
			if err != nil {
				return store.Map(err, fmt.Sprintf("quote %d", in.ID))
			}
			if in.SessionID == 0 {
				in.SessionID = sessionID
			} else if in.SessionID != sessionID {
				return store.Invalid("quote %d belongs to session %d, not %d", in.ID, sessionID, in.SessionID)
			}
		}
		h, err := headOf(s.ctx, tx, in.SessionID)
		if err != nil {
			return err
		}
		var it assumptionItem
		if in.AssumptionID != 0 {
			if it, err = itemOf(s.ctx, tx, h, in.AssumptionID); err != nil {
				return err
			}
		}
		if in.MemberID != 0 {
			if err := checkParticipant(s.ctx, tx, h, in.MemberID); err != nil {
				return err
			}
			if err := markAttended(s.ctx, tx, h, in.MemberID); err != nil {
				return err
			}
		}
		id, now := in.ID, s.stamp()
		if id == 0 {
			if id, err = store.NewID(s.ctx, tx); err != nil {
				return err
			}
			_, err = tx.ExecContext(s.ctx, `INSERT INTO entries
				(id, session_id, activity_id, item_id, member_id, kind, text, created_at, updated_at)
				VALUES (?, ?, ?, ?, ?, 'quote', ?, ?, ?)`,
				id, in.SessionID, store.NullZero(it.ActivityID), store.NullZero(it.ItemID), store.NullZero(in.MemberID), in.Text, now, now)
			if err != nil {
				return store.Map(err, "quote")
			}
		} else if err := store.ExecOne(s.ctx, tx, fmt.Sprintf("quote %d", id), `UPDATE entries
			SET activity_id = ?, item_id = ?, member_id = ?, text = ?, updated_at = ? WHERE id = ? AND kind = 'quote'`,
			store.NullZero(it.ActivityID), store.NullZero(it.ItemID), store.NullZero(in.MemberID), in.Text, now, id); err != nil {
			return err
		}
		out, err = getQuote(s.ctx, tx, id)
		return err
	})
	if err != nil {
		return Quote{}, fmt.Errorf("%s: %w", what, err)
	}
	return out, nil
}

// DeleteQuote removes a quote.
func (s *Runs) DeleteQuote(id int64) error {
	if err := store.ExecOne(s.ctx, s.db, fmt.Sprintf("quote %d", id),
		`DELETE FROM entries WHERE id = ? AND kind = 'quote'`, id); err != nil {
		return fmt.Errorf("delete quote %d: %w", id, err)
	}
	return nil
}
