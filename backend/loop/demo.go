package loop

import (
	"errors"
	"fmt"
	"time"

	"github.com/jmoiron/sqlx"

	"soundingboard/backend/board"
	"soundingboard/backend/store"
	"soundingboard/backend/wording"
)

// LoadDemo adds the follow-up chains of the finished sample sessions and a
// few stay-in-touch reminders, into an empty tickler, in one transaction.
// Older sessions have their thank-yous (and some asks) done; the latest
// has half of its thank-yous done and the rest overdue; one synthesis and
// one share-back fall due today. It runs after the board and session
// samples and copes with none being there (then only stay-in-touch).
func (s *Service) LoadDemo() (DemoResult, error) {
	var res DemoResult
	err := store.WithTx(s.ctx, s.db, func(tx *sqlx.Tx) error {
		var n int
		if err := tx.GetContext(s.ctx, &n, `SELECT count(*) FROM reminders`); err != nil {
			return err
		}
		if n > 0 {
			return store.Conflict("the tickler already has reminders; the sample follow-ups load only into an empty one")
		}
		c, err := s.clock(s.ctx, tx)
		if err != nil {
			return err
		}
		var sessions []int64
		if err := sqlx.SelectContext(s.ctx, tx, &sessions, `SELECT id FROM sessions WHERE status = 'finished'
			ORDER BY coalesce(finished_at, scheduled_on, ''), id`); err != nil {
			return err
		}
		today := atHour(c.now, 0, 0)
		for i, sid := range sessions {
			latest := i == len(sessions)-1
			if err := s.demoChain(tx, c, sid, latest, today); err != nil {
				return fmt.Errorf("session %d: %w", sid, err)
			}
			res.Sessions++
		}
		if err := s.demoStayInTouch(tx, c); err != nil {
			return err
		}
		return tx.GetContext(s.ctx, &res.Reminders, `SELECT count(*) FROM reminders`)
	})
	if err != nil {
		if _, ok := errors.AsType[*store.Error](err); ok {
			return DemoResult{}, err
		}
		return DemoResult{}, fmt.Errorf("load sample follow-ups: %w", err)
	}
	return res, nil
}

// demoChain accepts one session's chain and completes what a diligent but
// busy team would have by now.
func (s *Service) demoChain(tx *sqlx.Tx, c clock, sessionID int64, latest bool, today time.Time) error {
	p, err := s.proposeChain(s.ctx, tx, sessionID)
	if err != nil {
		return err
	}
	items := make([]ReminderInput, len(p.Items))
	for i, it := range p.Items {
		items[i] = it.Reminder
	}
	acc, err := s.acceptChain(tx, c, sessionID, items)
	if err != nil {
		return err
	}
	thanked, movedToday := 0, false
	for k, r := range acc.Created {
		due, err := time.Parse(time.RFC3339, r.DueAt)
		if err != nil {
			return err
		}
		past := due.Before(today)
		if r.Kind == "thank_you" {
			thanked++
		}
		var outcome string
		switch {
		case r.Kind == "thank_you" && past && (!latest || thanked%2 == 1):
			outcome = "Sent a thank-you with a summary of what we heard"
		case !latest && past && (r.Kind == "afterthoughts" || r.Kind == "synthesis") && k%2 == 0:
			outcome = map[Kind]string{"afterthoughts": "They added an example from last month's stock count",
				"synthesis": "Five themes; picked three opportunities"}[r.Kind]
		case !latest && past && r.Kind == "share_back" && k%3 == 0:
			outcome = "Shared the decision and the new reorder screen"
		}
		if outcome != "" {
			if _, err := s.complete(tx, c, r.ID, CompleteInput{Outcome: outcome}); err != nil {
				return err
			}
			continue
		}
		// One team task and one share-back fall due today, whatever the dates.
		if !movedToday && ((latest && r.Kind == "synthesis") || (!latest && r.Kind == "share_back" && !past)) {
			at := atHour(c.now, 0, 16).Format(time.RFC3339)
			if _, err := tx.ExecContext(s.ctx, `UPDATE reminders SET due_at = ?, due_utc = ?, scheduled_at = ? WHERE id = ?`,
				at, utc(atHour(c.now, 0, 16)), at, r.ID); err != nil {
				return err
			}
			movedToday = true
		}
	}
	return nil
}

// demoStayInTouch saves three stay-in-touch reminders for active members
// who may be contacted: a recurring quarterly call, one put off to
// tomorrow and one two days overdue.
func (s *Service) demoStayInTouch(tx *sqlx.Tx, c clock) error {
	var people []struct {
		ID   int64  `db:"id"`
		Name string `db:"name"`
	}
	if err := sqlx.SelectContext(s.ctx, tx, &people, `SELECT m.id, m.name FROM members m
		WHERE m.archived_at IS NULL AND m.status = 'active' AND `+board.CanContactSQL+`
		ORDER BY m.id LIMIT 3`, c.today()); err != nil {
		return err
	}
	stamp := s.stamp()
	for i, p := range people {
		first := wording.FirstName(p.Name)
		in := []ReminderInput{
			{Title: "Quarterly check-in call with " + p.Name, Kind: "stay_in_touch", Channel: "call",
				Body:       "Ask " + first + " what changed in their business and walk them through what we shipped.",
				RepeatUnit: "month", RepeatEvery: 3},
			{Title: "Stay in touch with " + p.Name, Kind: "stay_in_touch",
				Body: "Put off from today: send " + first + " the new reorder screen and ask for a reaction."},
			{Title: "Stay in touch with " + p.Name, Kind: "stay_in_touch", Channel: "message",
				Body: "Their cadence ran out; a short message is enough."},
		}[i]
		due := []time.Time{atHour(c.now, 10, 10), atHour(c.now, 1, c.st.DueHour), atHour(c.now, -2, c.st.DueHour)}[i]
		in.MemberID, in.DueAt, in.TimeZone = p.ID, due.Format(time.RFC3339), c.zone
		r, err := in.normalize(c)
		if err != nil {
			return err
		}
		if _, err := insertReminder(s.ctx, tx, r, "demo", stamp); err != nil {
			return err
		}
	}
	return nil
}
