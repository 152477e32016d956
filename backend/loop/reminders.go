package loop

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/jmoiron/sqlx"

	"soundingboard/backend/board"
	"soundingboard/backend/store"
	"soundingboard/backend/teammates"
)

// reminderSelect reads reminders as the tickler shows them, from
// reminders r and the members m, sessions se, assumptions a and decisions
// d they name. Its one parameter is today's date (for the consent flag).
const reminderSelect = `SELECT r.id, r.title, r.body, r.kind, r.channel, r.template_key, r.origin,
	r.due_at, r.scheduled_at, r.time_zone, r.due_at <> r.scheduled_at AS snoozed,
	r.repeat_unit, r.repeat_every, r.owner,
	coalesce(r.owner <> '' AND r.owner = ` + teammates.MeSQL + `, 0) AS mine,
	coalesce(r.member_id, 0) AS member_id, coalesce(m.name, '') AS member, coalesce(m.email, '') AS member_email,
	coalesce(r.session_id, 0) AS session_id, coalesce(se.title, '') AS session,
	coalesce(r.assumption_id, 0) AS assumption_id, coalesce(a.behavior, '') AS assumption,
	coalesce(r.decision_id, 0) AS decision_id, coalesce(d.title, '') AS decision,
	(r.member_id IS NOT NULL AND r.kind <> 'synthesis') AS outreach,
	(r.member_id IS NOT NULL AND r.kind <> 'synthesis' AND r.done_at IS NULL
		AND NOT coalesce(` + board.CanContactSQL + `, 0)) AS no_consent,
	coalesce(r.series_id, 0) AS series_id, coalesce(r.done_at, '') AS done_at, r.outcome,
	r.notified_at IS NOT NULL AS notified, r.created_at, r.updated_at
FROM reminders r
LEFT JOIN members m ON m.id = r.member_id
LEFT JOIN sessions se ON se.id = r.session_id
LEFT JOIN assumptions a ON a.id = r.assumption_id
LEFT JOIN decisions d ON d.id = r.decision_id`

// finish fills the computed fields of rs.
func finish(rs []Reminder) []Reminder {
	for i := range rs {
		rs[i].Repeat = repeatLabel(rs[i].RepeatUnit, rs[i].RepeatEvery)
	}
	return rs
}

// today is c's calendar date as YYYY-MM-DD.
func (c clock) today() string { return c.now.Format(time.DateOnly) }

func getReminder(ctx context.Context, q store.Queryer, id int64, today string) (Reminder, error) {
	var r Reminder
	if err := sqlx.GetContext(ctx, q, &r, reminderSelect+` WHERE r.id = ?`, today, id); err != nil {
		return Reminder{}, store.Map(err, fmt.Sprintf("reminder %d", id))
	}
	return finish([]Reminder{r})[0], nil
}

// GetReminder returns one reminder.
func (s *Service) GetReminder(id int64) (Reminder, error) {
	c, err := s.clock(s.ctx, s.db)
	if err != nil {
		return Reminder{}, fmt.Errorf("reminder %d: %w", id, err)
	}
	r, err := getReminder(s.ctx, s.db, id, c.today())
	if err != nil {
		return Reminder{}, fmt.Errorf("get reminder %d: %w", id, err)
	}
	return r, nil
}

// ListReminders lists reminders by what they name, due first (done ones
// newest first after the open ones).
func (s *Service) ListReminders(f ReminderFilter) ([]Reminder, error) {
	c, err := s.clock(s.ctx, s.db)
	if err != nil {
		return nil, fmt.Errorf("list reminders: %w", err)
	}
	if !slices.Contains([]string{"", "open", "done"}, f.Status) {
		return nil, invalid("status %q is not one of open, done (or empty for both)", f.Status)
	}
	where, args := []string{"1"}, []any{c.today()}
	for _, w := range []struct {
		col string
		v   int64
	}{{"r.member_id", f.MemberID}, {"r.session_id", f.SessionID}, {"r.assumption_id", f.AssumptionID}, {"r.decision_id", f.DecisionID}} {
		if w.v != 0 {
			where = append(where, w.col+" = ?")
			args = append(args, w.v)
		}
	}
	switch {
	case f.DueOnly:
		where = append(where, "r.done_at IS NULL", "r.due_utc < ?")
		args = append(args, utc(atHour(c.now, 1, 0)))
	case f.Status == "open":
		where = append(where, "r.done_at IS NULL")
	case f.Status == "done":
		where = append(where, "r.done_at IS NOT NULL")
	}
	rs := []Reminder{}
	err = sqlx.SelectContext(s.ctx, s.db, &rs, reminderSelect+` WHERE `+strings.Join(where, " AND ")+`
		ORDER BY r.done_at IS NOT NULL, CASE WHEN r.done_at IS NULL THEN r.due_utc END, r.done_at DESC, r.id`, args...)
	if err != nil {
		return nil, fmt.Errorf("list reminders: %w", err)
	}
	return finish(rs), nil
}

// checkLinks reports a named member, session, assumption or decision that
// does not exist, by name.
func checkLinks(ctx context.Context, q store.Queryer, in ReminderInput) error {
	for _, l := range []struct {
		table, what string
		id          int64
	}{{"members", "member", in.MemberID}, {"sessions", "session", in.SessionID},
		{"assumptions", "assumption", in.AssumptionID}, {"decisions", "decision", in.DecisionID}} {
		if l.id == 0 {
			continue
		}
		var one int
		err := sqlx.GetContext(ctx, q, &one, `SELECT 1 FROM `+l.table+` WHERE id = ?`, l.id)
		if errors.Is(err, sql.ErrNoRows) {
			return invalid("%s %d does not exist", l.what, l.id)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// insertReminder writes a validated reminder and returns its id.
func insertReminder(ctx context.Context, tx *sqlx.Tx, r record, origin, stamp string) (int64, error) {
	if err := checkLinks(ctx, tx, r.ReminderInput); err != nil {
		return 0, err
	}
	if err := teammates.Validate(ctx, tx, "reminders", 0, r.Owner); err != nil {
		return 0, err
	}
	due := r.due.Format(time.RFC3339)
	id, err := store.NewID(ctx, tx)
	if err != nil {
		return 0, err
	}
	_, err = tx.ExecContext(ctx, `INSERT INTO reminders (id, title, body, kind, channel, template_key, origin,
		due_at, due_utc, scheduled_at, time_zone, repeat_unit, repeat_every, anchor_day,
		member_id, session_id, assumption_id, decision_id, owner, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		id, r.Title, r.Body, r.Kind, r.Channel, r.TemplateKey, origin,
		due, utc(r.due), due, r.TimeZone, r.RepeatUnit, r.RepeatEvery, r.anchor,
		store.NullZero(r.MemberID), store.NullZero(r.SessionID), store.NullZero(r.AssumptionID), store.NullZero(r.DecisionID),
		r.Owner, stamp, stamp)
	if err != nil {
		return 0, store.Map(err, "reminder")
	}
	return id, nil
}

// CreateReminder validates and adds a reminder.
func (s *Service) CreateReminder(in ReminderInput) (Reminder, error) {
	var out Reminder
	err := s.writeTx(func(tx *sqlx.Tx, c clock) (err error) {
		r, err := in.normalize(c)
		if err != nil {
			return err
		}
		id, err := insertReminder(s.ctx, tx, r, "manual", s.stamp())
		if err != nil {
			return err
		}
		out, err = getReminder(s.ctx, tx, id, c.today())
		return err
	})
	if err != nil {
		return Reminder{}, fmt.Errorf("create reminder: %w", err)
	}
	return out, nil
}

// UpdateReminder validates and replaces a reminder's fields. A new due
// time clears any snooze and lets it notify again.
func (s *Service) UpdateReminder(id int64, in ReminderInput) (Reminder, error) {
	var out Reminder
	err := s.writeTx(func(tx *sqlx.Tx, c clock) (err error) {
		r, err := in.normalize(c)
		if err != nil {
			return err
		}
		if err := checkLinks(s.ctx, tx, r.ReminderInput); err != nil {
			return err
		}
		if err := teammates.Validate(s.ctx, tx, "reminders", id, r.Owner); err != nil {
			return err
		}
		due := r.due.Format(time.RFC3339)
		err = store.ExecOne(s.ctx, tx, fmt.Sprintf("reminder %d", id), `UPDATE reminders SET title = ?, body = ?,
			kind = ?, channel = ?, template_key = ?, time_zone = ?, repeat_unit = ?, repeat_every = ?, anchor_day = ?,
			member_id = ?, session_id = ?, assumption_id = ?, decision_id = ?, owner = ?,
			notified_at = CASE WHEN due_utc = ? THEN notified_at END,
			due_at = ?, due_utc = ?, scheduled_at = ?, revision = revision + 1, updated_at = ?
			WHERE id = ?`,
			r.Title, r.Body, r.Kind, r.Channel, r.TemplateKey, r.TimeZone, r.RepeatUnit, r.RepeatEvery, r.anchor,
			store.NullZero(r.MemberID), store.NullZero(r.SessionID), store.NullZero(r.AssumptionID), store.NullZero(r.DecisionID),
			r.Owner, utc(r.due), due, utc(r.due), due, s.stamp(), id)
		if err != nil {
			return err
		}
		out, err = getReminder(s.ctx, tx, id, c.today())
		return err
	})
	if err != nil {
		return Reminder{}, fmt.Errorf("update reminder %d: %w", id, err)
	}
	return out, nil
}

// DeleteReminder removes a reminder (a touchpoint it logged stays).
func (s *Service) DeleteReminder(id int64) error {
	if err := store.ExecOne(s.ctx, s.db, fmt.Sprintf("reminder %d", id), `DELETE FROM reminders WHERE id = ?`, id); err != nil {
		return fmt.Errorf("delete reminder %d: %w", id, err)
	}
	return nil
}

// row is the stored state Complete, Snooze and Reopen work from.
type row struct {
	ID           int64  `db:"id"`
	Title        string `db:"title"`
	Kind         string `db:"kind"`
	Channel      string `db:"channel"`
	DueAt        string `db:"due_at"`
	ScheduledAt  string `db:"scheduled_at"`
	TimeZone     string `db:"time_zone"`
	RepeatUnit   string `db:"repeat_unit"`
	RepeatEvery  int    `db:"repeat_every"`
	AnchorDay    int    `db:"anchor_day"`
	MemberID     int64  `db:"member_id"`
	Done         bool   `db:"done"`
	TouchpointID int64  `db:"touchpoint_id"`
}

func getRow(ctx context.Context, q store.Queryer, id int64) (row, error) {
	var r row
	err := sqlx.GetContext(ctx, q, &r, `SELECT id, title, kind, channel, due_at, scheduled_at, time_zone,
		repeat_unit, repeat_every, anchor_day, coalesce(member_id, 0) AS member_id, done_at IS NOT NULL AS done,
		coalesce(touchpoint_id, 0) AS touchpoint_id
		FROM reminders WHERE id = ?`, id)
	if err != nil {
		return row{}, store.Map(err, fmt.Sprintf("reminder %d", id))
	}
	return r, nil
}

// location is the zone a stored reminder's wall clock runs in.
func (r row) location(c clock) *time.Location {
	if loc, err := zoneOf(r.TimeZone); err == nil && r.TimeZone != "" {
		return loc
	}
	return c.loc
}

// outreach says whether completing r contacts a member.
func (r row) outreach() bool { return r.MemberID != 0 && r.Kind != "synthesis" }

// viaOf resolves the channel a completion used; "none" logs nothing.
func viaOf(via, channel string) (string, error) {
	via = strings.ToLower(strings.TrimSpace(via))
	if via == "" {
		return channel, nil
	}
	if via != "none" && !slices.Contains(Channels, via) {
		return "", invalid("via %q is not one of %s, none", via, strings.Join(Channels, ", "))
	}
	return via, nil
}

// touchSummary is "title — outcome", or the title alone.
func touchSummary(title, outcome string) string {
	if outcome == "" {
		return title
	}
	return title + " — " + outcome
}

// Complete completes a reminder's current occurrence with an outcome. A
// reminder that reaches out to a member logs a touchpoint in their
// timeline; a recurring one records the occurrence as done and moves on
// to its next occurrence.
func (s *Service) Complete(id int64, in CompleteInput) (CompleteResult, error) {
	in.Outcome = strings.TrimSpace(in.Outcome)
	if len([]rune(in.Outcome)) > maxBody {
		return CompleteResult{}, fmt.Errorf("complete reminder %d: %w", id, invalid("outcome is longer than %d characters", maxBody))
	}
	var res CompleteResult
	err := s.writeTx(func(tx *sqlx.Tx, c clock) (err error) {
		res, err = s.complete(tx, c, id, in)
		return err
	})
	if err != nil {
		return CompleteResult{}, fmt.Errorf("complete reminder %d: %w", id, err)
	}
	return res, nil
}

// complete is Complete inside a transaction.
func (s *Service) complete(tx *sqlx.Tx, c clock, id int64, in CompleteInput) (CompleteResult, error) {
	var res CompleteResult
	r, err := getRow(s.ctx, tx, id)
	if err != nil {
		return CompleteResult{}, err
	}
	if r.Done {
		return CompleteResult{}, invalid("reminder %d is already done; reopen it first", id)
	}
	via, err := viaOf(in.Via, r.Channel)
	if err != nil {
		return CompleteResult{}, err
	}
	stamp := s.stamp()
	var tp any
	if r.outreach() && via != "none" {
		tpID, err := board.InsertTouchpoint(s.ctx, tx, board.TouchpointInsert{MemberID: r.MemberID, Kind: via,
			HappenedOn: c.today(), Summary: touchSummary(r.Title, in.Outcome), CreatedAt: stamp})
		if err != nil {
			return CompleteResult{}, err
		}
		tp, res.TouchpointID = tpID, tpID
	}
	doneID := id
	if r.RepeatUnit == "" {
		_, err = tx.ExecContext(s.ctx, `UPDATE reminders SET done_at = ?, outcome = ?, touchpoint_id = ?,
			revision = revision + 1, updated_at = ? WHERE id = ?`, stamp, in.Outcome, tp, stamp, id)
		if err != nil {
			return CompleteResult{}, err
		}
	} else {
		// The occurrence becomes a done reminder of its own; the series moves on.
		if doneID, err = store.NewID(s.ctx, tx); err != nil {
			return CompleteResult{}, err
		}
		_, err := tx.ExecContext(s.ctx, `INSERT INTO reminders (id, title, body, kind, channel, template_key, origin,
			due_at, due_utc, scheduled_at, time_zone, member_id, session_id, assumption_id, decision_id, owner,
			series_id, done_at, outcome, touchpoint_id, notified_at, created_at, updated_at)
			SELECT ?, title, body, kind, channel, template_key, origin, due_at, due_utc, scheduled_at, time_zone,
			member_id, session_id, assumption_id, decision_id, owner, id, ?, ?, ?, notified_at, ?, ?
			FROM reminders WHERE id = ?`, doneID, stamp, in.Outcome, tp, stamp, stamp, id)
		if err != nil {
			return CompleteResult{}, store.Map(err, "reminder")
		}
		loc := r.location(c)
		sched, ok := parseWhen(r.ScheduledAt, loc)
		if !ok {
			return CompleteResult{}, fmt.Errorf("reminder %d: stored time %q is not RFC 3339", id, r.ScheduledAt)
		}
		next := nextAfter(sched, r.RepeatUnit, r.RepeatEvery, r.AnchorDay, c.now)
		nf := next.Format(time.RFC3339)
		_, err = tx.ExecContext(s.ctx, `UPDATE reminders SET due_at = ?, due_utc = ?, scheduled_at = ?,
			notified_at = NULL, revision = revision + 1, updated_at = ? WHERE id = ?`, nf, utc(next), nf, stamp, id)
		if err != nil {
			return CompleteResult{}, err
		}
		n, err := getReminder(s.ctx, tx, id, c.today())
		if err != nil {
			return CompleteResult{}, err
		}
		res.Next = &n
	}
	res.Done, err = getReminder(s.ctx, tx, doneID, c.today())
	return res, err
}

// Reopen makes a done reminder open again and removes the touchpoint its
// completion logged. Its due time (and so its notification) is unchanged.
func (s *Service) Reopen(id int64) (Reminder, error) {
	var out Reminder
	err := s.writeTx(func(tx *sqlx.Tx, c clock) (err error) {
		r, err := getRow(s.ctx, tx, id)
		if err != nil {
			return err
		}
		if !r.Done {
			return invalid("reminder %d is not done", id)
		}
		if r.TouchpointID != 0 {
			if _, err := tx.ExecContext(s.ctx, `DELETE FROM touchpoints WHERE id = ?`, r.TouchpointID); err != nil {
				return err
			}
		}
		if _, err := tx.ExecContext(s.ctx, `UPDATE reminders SET done_at = NULL, touchpoint_id = NULL,
			revision = revision + 1, updated_at = ? WHERE id = ?`, s.stamp(), id); err != nil {
			return store.Map(err, fmt.Sprintf("reminder %d", id))
		}
		out, err = getReminder(s.ctx, tx, id, c.today())
		return err
	})
	if err != nil {
		return Reminder{}, fmt.Errorf("reopen reminder %d: %w", id, err)
	}
	return out, nil
}

// snoozeTarget is when a snooze of a reminder due at due ends, in loc.
// Every preset counts from the later of now and the due time, so a snooze
// only ever moves a reminder later: "tomorrow" for a reminder due
// tomorrow is the day after, and "later today" is refused for one due on
// a later day (it once moved a reminder due tomorrow to this evening).
func snoozeTarget(in SnoozeInput, now, due time.Time, loc *time.Location, hour int) (time.Time, error) {
	now, due = now.In(loc), due.In(loc)
	from := now
	if due.After(now) {
		from = due
	}
	when := func(t time.Time) string { return t.Format("2006-01-02 15:04") }
	switch in.Preset {
	case "later_today":
		if atHour(due, 0, 0).After(atHour(now, 0, 0)) {
			return time.Time{}, invalid("preset later_today would move the reminder earlier: it is due %s, after today; "+
				"choose tomorrow, next_week or a time after it", when(due))
		}
		return from.Add(3 * time.Hour), nil
	case "tomorrow":
		return atHour(from, 1, hour), nil
	case "next_week":
		days := (8 - int(from.Weekday())) % 7
		if days == 0 {
			days = 7
		}
		return atHour(from, days, hour), nil
	case "until":
		t, ok := parseWhen(in.Until, loc)
		if !ok {
			return time.Time{}, invalid("until %q is not a date and time (like 2026-03-09T09:00)", in.Until)
		}
		if !t.After(now) {
			return time.Time{}, invalid("until %s is not in the future", when(t))
		}
		if !t.After(due) {
			return time.Time{}, invalid("until %s is not after the reminder's due time %s; a snooze only moves a reminder later",
				when(t.In(loc)), when(due))
		}
		return t, nil
	}
	return time.Time{}, invalid("preset %q is not one of %s", in.Preset, strings.Join(SnoozePresets, ", "))
}

// Snooze puts an open reminder off: later today (+3 hours), tomorrow at
// 09:00, next Monday at 09:00, or until a given time, each counted from
// the later of now and its due time (snoozeTarget). The occurrence's
// schedule (and so a recurring reminder's next occurrence) is unchanged.
func (s *Service) Snooze(id int64, in SnoozeInput) (Reminder, error) {
	var out Reminder
	err := s.writeTx(func(tx *sqlx.Tx, c clock) (err error) {
		r, err := getRow(s.ctx, tx, id)
		if err != nil {
			return err
		}
		if r.Done {
			return invalid("reminder %d is done; reopen it to snooze it", id)
		}
		due, ok := parseWhen(r.DueAt, r.location(c))
		if !ok {
			return fmt.Errorf("stored due time %q is not RFC 3339", r.DueAt)
		}
		t, err := snoozeTarget(in, c.now, due, r.location(c), c.st.DueHour)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(s.ctx, `UPDATE reminders SET due_at = ?, due_utc = ?, notified_at = NULL,
			revision = revision + 1, updated_at = ? WHERE id = ?`, t.Format(time.RFC3339), utc(t), s.stamp(), id); err != nil {
			return err
		}
		out, err = getReminder(s.ctx, tx, id, c.today())
		return err
	})
	if err != nil {
		return Reminder{}, fmt.Errorf("snooze reminder %d: %w", id, err)
	}
	return out, nil
}
