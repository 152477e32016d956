package session

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"github.com/jmoiron/sqlx"

	"soundingboard/backend/activity"
	"soundingboard/backend/board"
	"soundingboard/backend/store"
	"soundingboard/backend/valid"
	"soundingboard/backend/wording"
)

// sessionItemSelect reads sessions s as the list shows them. Participants
// counts those not marked no_show; Rated counts this session's verdicts.
const sessionItemSelect = `SELECT s.id, s.title, s.decision_id, d.title AS decision, s.format,
	coalesce(s.scheduled_on, '') AS scheduled_on, s.start_time, s.status,
	(SELECT count(*) FROM participants p WHERE p.session_id = s.id AND p.state <> 'no_show') AS participants,
	(SELECT count(*) FROM assumption_items sa WHERE sa.session_id = s.id) AS assumptions,
	(SELECT count(*) FROM verdicts v JOIN assumption_items sa
		ON sa.session_id = v.session_id AND sa.assumption_id = v.assumption_id
		WHERE v.session_id = s.id) AS rated
FROM sessions s JOIN decisions d ON d.id = s.decision_id`

// sessionOrder: planned sessions first, soonest first (undated last); then
// running; then finished, most recent first.
const sessionOrder = ` ORDER BY CASE s.status WHEN 'planned' THEN 0 WHEN 'running' THEN 1 ELSE 2 END,
	CASE WHEN s.status = 'planned' THEN coalesce(s.scheduled_on, '9999-12-31') END,
	CASE WHEN s.status <> 'planned' THEN coalesce(s.scheduled_on, substr(s.finished_at, 1, 10), '') END DESC,
	s.id DESC`

// sessionItems lists sessions matching where (a constant of this package,
// "" for all) in list order; never nil.
func sessionItems(ctx context.Context, q store.Queryer, where string, args ...any) ([]SessionItem, error) {
	items := []SessionItem{}
	if err := sqlx.SelectContext(ctx, q, &items, sessionItemSelect+" "+where+sessionOrder, args...); err != nil {
		return nil, fmt.Errorf("list sessions: %w", err)
	}
	return items, nil
}

// Formats lists the workshop formats with recommended group sizes.
func (s *Plans) Formats() ([]FormatInfo, error) {
	return append([]FormatInfo{}, Formats...), nil
}

// ListSessions returns all sessions: planned ones first (soonest first),
// then running ones, then finished ones (most recent first).
func (s *Plans) ListSessions() ([]SessionItem, error) {
	return sessionItems(s.ctx, s.db, "")
}

// GetSession returns a session's plan with assumptions and participants.
func (s *Plans) GetSession(id int64) (Session, error) {
	out, err := read(&s.core, func(q store.Queryer) (Session, error) { return getSession(s.ctx, q, id, s.today()) })
	if err != nil {
		return Session{}, fmt.Errorf("get session %d: %w", id, err)
	}
	return out, nil
}

// Validate normalises the input (trims text, "" format = assumption
// testing, drops empty prompt and opener lines) and checks every field,
// naming it. Whether the assumptions belong to the decision is checked by
// SaveSession, which needs the database.
func (in *SessionInput) Validate() error {
	for _, f := range []*string{&in.Title, &in.CustomerTitle, &in.Format, &in.ScheduledOn, &in.StartTime, &in.Place,
		&in.Facilitator, &in.NoteTaker, &in.Agenda} {
		*f = strings.TrimSpace(*f)
	}
	in.Format = strings.ToLower(in.Format)
	if in.Format == "" {
		in.Format = Formats[0].Key
	}
	prompts := make([]string, 0, len(in.Prompts))
	for _, p := range in.Prompts {
		if p = strings.TrimSpace(p); p != "" {
			prompts = append(prompts, p)
		}
	}
	in.Prompts = prompts
	if in.Opener != nil {
		opener := make([]OpenerItem, 0, len(in.Opener))
		for _, o := range in.Opener {
			if o.Text = strings.TrimSpace(o.Text); o.Text != "" {
				opener = append(opener, o)
			}
		}
		in.Opener = opener
	}

	var p valid.Problems
	if in.DecisionID <= 0 {
		p.Add("decisionId", "decisionId is required")
	}
	p.Text("title", in.Title, maxTitle)
	p.MaxLen("customerTitle", in.CustomerTitle, maxTitle)
	keys := make([]string, len(Formats))
	for i, f := range Formats {
		keys[i] = f.Key
	}
	p.OneOf("format", in.Format, keys...)
	p.Date("scheduledOn", in.ScheduledOn)
	p.Clock("startTime", in.StartTime)
	p.Range("durationMinutes", in.DurationMinutes, 0, 1440)
	p.MaxLen("place", in.Place, maxPlace)
	p.MaxLen("facilitator", in.Facilitator, maxShort)
	p.MaxLen("noteTaker", in.NoteTaker, maxShort)
	p.MaxLen("agenda", in.Agenda, maxAgenda)
	if len(in.Prompts) > maxList {
		p.Add("prompts", "prompts has %d items; at most %d", len(in.Prompts), maxList)
	}
	for i, v := range in.Prompts {
		p.MaxLen(fmt.Sprintf("prompts item %d", i+1), v, maxListItem)
	}
	if len(in.Opener) > maxList {
		p.Add("opener", "opener has %d items; at most %d", len(in.Opener), maxList)
	}
	for i, o := range in.Opener {
		p.MaxLen(fmt.Sprintf("opener item %d", i+1), o.Text, maxListItem)
	}
	seen := map[int64]bool{}
	for _, id := range in.AssumptionIDs {
		if seen[id] {
			p.Add("assumptionIds", "assumptionIds lists assumption %d twice", id)
		}
		seen[id] = true
	}
	return p.Err()
}

// SaveSession creates (ID 0) or updates a session's plan. AssumptionIDs is
// the whole list in order; each must belong to the session's decision, and
// an assumption that already has responses, quotes or a verdict in this
// session can't be taken out. A nil Opener keeps the current checklist
// (DefaultOpener, unticked, for a new session).
func (s *Plans) SaveSession(in SessionInput) (Session, error) {
	what := "create session"
	if in.ID != 0 {
		what = fmt.Sprintf("update session %d", in.ID)
	}
	if err := in.Validate(); err != nil {
		return Session{}, fmt.Errorf("%s: %w", what, err)
	}
	var out Session
	err := store.WithTx(s.ctx, s.db, func(tx *sqlx.Tx) error {
		now := s.stamp()
		d, err := getDecision(s.ctx, tx, in.DecisionID)
		if err != nil {
			return err
		}
		if err := checkDecisionAssumptions(s.ctx, tx, d, in.AssumptionIDs); err != nil {
			return err
		}
		prompts, err := json.Marshal(in.Prompts)
		if err != nil {
			return err
		}
		id := in.ID
		if id == 0 {
			if in.Opener == nil {
				in.Opener = defaultOpener()
			}
			opener, err := json.Marshal(in.Opener)
			if err != nil {
				return err
			}
			if id, err = store.NewID(s.ctx, tx); err != nil {
				return err
			}
			_, err = tx.ExecContext(s.ctx, `INSERT INTO sessions (id, decision_id, title, customer_title, format,
				scheduled_on, start_time, duration_minutes, place, facilitator, note_taker, agenda, prompts, opener,
				status, created_at, updated_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'planned', ?, ?)`,
				id, in.DecisionID, in.Title, in.CustomerTitle, in.Format, nullString(in.ScheduledOn), in.StartTime, in.DurationMinutes,
				in.Place, in.Facilitator, in.NoteTaker, in.Agenda, string(prompts), string(opener), now, now)
			if err != nil {
				return store.Map(err, "session")
			}
			if err := activity.Seed(s.ctx, tx, id, in.Format, now); err != nil {
				return err
			}
		} else {
			old, err := getSessionRow(s.ctx, tx, id)
			if err != nil {
				return err
			}
			if in.Opener == nil {
				in.Opener = old.Opener
			}
			opener, err := json.Marshal(in.Opener)
			if err != nil {
				return err
			}
			if err := checkRemovable(s.ctx, tx, id, in.AssumptionIDs); err != nil {
				return err
			}
			_, err = tx.ExecContext(s.ctx, `UPDATE sessions SET decision_id = ?, title = ?, customer_title = ?, format = ?,
				scheduled_on = ?, start_time = ?, duration_minutes = ?, place = ?, facilitator = ?,
				note_taker = ?, agenda = ?, prompts = ?, opener = ?, updated_at = ? WHERE id = ?`,
				in.DecisionID, in.Title, in.CustomerTitle, in.Format, nullString(in.ScheduledOn), in.StartTime, in.DurationMinutes,
				in.Place, in.Facilitator, in.NoteTaker, in.Agenda, string(prompts), string(opener), now, id)
			if err != nil {
				return store.Map(err, fmt.Sprintf("session %d", id))
			}
		}
		if err := setSessionAssumptions(s.ctx, tx, id, in.AssumptionIDs, now); err != nil {
			return err
		}
		out, err = getSession(s.ctx, tx, id, s.today())
		return err
	})
	if err != nil {
		return Session{}, fmt.Errorf("%s: %w", what, err)
	}
	return out, nil
}

func defaultOpener() []OpenerItem {
	out := make([]OpenerItem, len(DefaultOpener))
	for i, t := range DefaultOpener {
		out[i] = OpenerItem{Text: t}
	}
	return out
}

// checkDecisionAssumptions refuses assumption ids that are not decision d's.
func checkDecisionAssumptions(ctx context.Context, q store.Queryer, d Decision, ids []int64) error {
	if len(ids) == 0 {
		return nil
	}
	var owned []int64
	err := sqlx.SelectContext(ctx, q, &owned, `SELECT id FROM assumptions
		WHERE decision_id = ? AND id IN (SELECT value FROM json_each(?))`, d.ID, jsonIDs(ids))
	if err != nil {
		return fmt.Errorf("check assumptions: %w", err)
	}
	var p valid.Problems
	for _, id := range ids {
		if !slices.Contains(owned, id) {
			p.Add("assumptionIds", "assumptionIds: assumption %d does not belong to decision %q", id, d.Title)
		}
	}
	return p.Err()
}

// DuplicateSession copies a session's plan as a new planned session (a
// template): title + " (copy)", the title for participants, decision, format, duration, place,
// facilitator, note taker, agenda, prompts, the opener (all unticked) and
// the agenda (its activities and their items, the assumptions in order,
// with no time spent). Date, start time, participants and anything
// recorded stay behind.
func (s *Plans) DuplicateSession(id int64) (Session, error) {
	var out Session
	err := store.WithTx(s.ctx, s.db, func(tx *sqlx.Tx) error {
		src, err := getSessionRow(s.ctx, tx, id)
		if err != nil {
			return err
		}
		for i := range src.Opener {
			src.Opener[i].Done = false
		}
		opener, err := json.Marshal(src.Opener)
		if err != nil {
			return err
		}
		prompts, err := json.Marshal(src.Prompts)
		if err != nil {
			return err
		}
		title := src.Title + " (copy)"
		if n := []rune(title); len(n) > maxTitle {
			title = string(n[:maxTitle])
		}
		now := s.stamp()
		newID, err := store.NewID(s.ctx, tx)
		if err != nil {
			return err
		}
		_, err = tx.ExecContext(s.ctx, `INSERT INTO sessions (id, decision_id, title, customer_title, format,
			scheduled_on, start_time, duration_minutes, place, facilitator, note_taker, agenda, prompts, opener,
			status, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?, NULL, '', ?, ?, ?, ?, ?, ?, ?, 'planned', ?, ?)`,
			newID, src.DecisionID, title, src.CustomerTitle, src.Format, src.DurationMinutes, src.Place, src.Facilitator,
			src.NoteTaker, src.Agenda, string(prompts), string(opener), now, now)
		if err != nil {
			return store.Map(err, "session")
		}
		if err := copyAgenda(s.ctx, tx, id, newID, now); err != nil {
			return err
		}
		out, err = getSession(s.ctx, tx, newID, s.today())
		return err
	})
	if err != nil {
		return Session{}, fmt.Errorf("duplicate session %d: %w", id, err)
	}
	return out, nil
}

// DeleteSession removes a session with no responses, quotes or verdicts,
// with its participants, opportunities and actions. Touchpoints already
// logged on members' timelines stay.
func (s *Plans) DeleteSession(id int64) error {
	err := store.WithTx(s.ctx, s.db, func(tx *sqlx.Tx) error {
		if _, err := sessionStatus(s.ctx, tx, id); err != nil {
			return err
		}
		if why, err := recorded(s.ctx, tx, `session_id = ?`, id); err != nil {
			return err
		} else if why != "" {
			return store.Invalid("session has %s; it can't be deleted", why)
		}
		var n int
		if err := sqlx.GetContext(s.ctx, tx, &n, `SELECT count(*) FROM entries e WHERE e.session_id = ? AND `+otherEntriesExpr,
			id); err != nil {
			return fmt.Errorf("count recorded entries: %w", err)
		} else if n > 0 {
			return store.Invalid("session has recorded entries; it can't be deleted")
		}
		return store.ExecOne(s.ctx, tx, fmt.Sprintf("session %d", id), `DELETE FROM sessions WHERE id = ?`, id)
	})
	if err != nil {
		return fmt.Errorf("delete session %d: %w", id, err)
	}
	return nil
}

// CheckOpener ticks or unticks one opener checklist item (index from 0).
func (s *Plans) CheckOpener(sessionID int64, index int, done bool) (Session, error) {
	var out Session
	err := store.WithTx(s.ctx, s.db, func(tx *sqlx.Tx) error {
		cur, err := getSessionRow(s.ctx, tx, sessionID)
		if err != nil {
			return err
		}
		if index < 0 || index >= len(cur.Opener) {
			return store.Invalid("index %d is out of range: the opener has %s", index, wording.Count(len(cur.Opener), "item", "items"))
		}
		cur.Opener[index].Done = done
		opener, err := json.Marshal(cur.Opener)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(s.ctx, `UPDATE sessions SET opener = ?, updated_at = ? WHERE id = ?`,
			string(opener), s.stamp(), sessionID); err != nil {
			return err
		}
		out, err = getSession(s.ctx, tx, sessionID, s.today())
		return err
	})
	if err != nil {
		return Session{}, fmt.Errorf("check opener of session %d: %w", sessionID, err)
	}
	return out, nil
}

// StartSession marks a planned session running. A session needs at least
// one assumption and one participant to start.
func (s *Plans) StartSession(id int64) (Session, error) {
	var out Session
	err := store.WithTx(s.ctx, s.db, func(tx *sqlx.Tx) error {
		cur, err := getSession(s.ctx, tx, id, s.today())
		if err != nil {
			return err
		}
		switch {
		case cur.Status == "running":
			return store.Invalid("session is already running")
		case cur.Status == "finished":
			return store.Invalid("session is already finished")
		case len(cur.Assumptions) == 0:
			return store.Invalid("session has no assumptions to test; add some to its plan first")
		case len(cur.Participants) == 0:
			return store.Invalid("session has no participants; pick them from the board first")
		}
		now := s.stamp()
		if _, err := tx.ExecContext(s.ctx, `UPDATE sessions SET status = 'running', started_at = ?, updated_at = ?
			WHERE id = ?`, now, now, id); err != nil {
			return err
		}
		out, err = getSession(s.ctx, tx, id, s.today())
		return err
	})
	if err != nil {
		return Session{}, fmt.Errorf("start session %d: %w", id, err)
	}
	return out, nil
}

// FinishSession marks a running (or planned) session finished and logs a
// session touchpoint on the timeline of each participant marked attended,
// dated the session's date (today when it has none), so the board's "last
// contacted" reflects it. Runs.Finish does the same with the attendance
// the facilitator confirmed.
func (s *Plans) FinishSession(id int64) (Session, error) {
	var out Session
	err := store.WithTx(s.ctx, s.db, func(tx *sqlx.Tx) (err error) {
		out, err = s.finish(tx, id)
		return err
	})
	if err != nil {
		return Session{}, fmt.Errorf("finish session %d: %w", id, err)
	}
	return out, nil
}

// finish is FinishSession inside tx.
func (c *core) finish(tx *sqlx.Tx, id int64) (Session, error) {
	cur, err := getSessionRow(c.ctx, tx, id)
	if err != nil {
		return Session{}, err
	}
	if cur.Status == "finished" {
		return Session{}, store.Invalid("session is already finished")
	}
	now := c.stamp()
	if _, err := tx.ExecContext(c.ctx, `UPDATE sessions SET status = 'finished', finished_at = ?, updated_at = ?
		WHERE id = ?`, now, now, id); err != nil {
		return Session{}, err
	}
	var attended []int64
	if err := sqlx.SelectContext(c.ctx, tx, &attended, `SELECT member_id FROM participants
		WHERE session_id = ? AND state = 'attended' ORDER BY member_id`, id); err != nil {
		return Session{}, fmt.Errorf("read attendance: %w", err)
	}
	for _, m := range attended {
		if _, err := board.InsertTouchpoint(c.ctx, tx, board.TouchpointInsert{MemberID: m, Kind: "session",
			HappenedOn: c.sessionDay(cur), Summary: tookPartIn(cur.Title), CreatedAt: now}); err != nil {
			return Session{}, fmt.Errorf("log touchpoints: %w", err)
		}
	}
	return getSession(c.ctx, tx, id, c.today())
}

// tookPartIn is the summary of a session touchpoint.
func tookPartIn(title string) string { return "Took part in " + title }

// jsonIDs encodes ids as a JSON array for json_each(?); never "null".
func jsonIDs(ids []int64) string {
	if len(ids) == 0 {
		return "[]"
	}
	b, _ := json.Marshal(ids) // []int64 always encodes
	return string(b)
}
