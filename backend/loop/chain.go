package loop

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/jmoiron/sqlx"

	"soundingboard/backend/board"
	"soundingboard/backend/session"
	"soundingboard/backend/store"
)

// chainKinds are the steps of the follow-up chain; accepted ones are
// unique per session, step and person.
var chainKinds = []string{"thank_you", "afterthoughts", "session_feedback", "synthesis", "share_back"}

// person is a participant as the loop sees them.
type person struct {
	MemberID   int64  `db:"member_id"`
	Name       string `db:"name"`
	State      string `db:"state"`
	CanContact bool   `db:"can_contact"`
}

// participantsOf lists a session's participants by name.
func participantsOf(ctx context.Context, q store.Queryer, sessionID int64, today string) ([]person, error) {
	var ps []person
	err := sqlx.SelectContext(ctx, q, &ps, `SELECT p.member_id, m.name, p.state, `+board.CanContactSQL+` AS can_contact
		FROM participants p JOIN members m ON m.id = p.member_id
		WHERE p.session_id = ? ORDER BY m.name, m.id`, today, sessionID)
	return ps, err
}

// notAttending says why a participant who did not attend gets no follow-ups.
var notAttending = map[string]string{"no_show": "no-show", "invited": "not marked attended", "confirmed": "not marked attended"}

// sessionEnd is when a finished session ended, in c's zone: finished_at,
// else its date, start time and duration.
type sessionHead struct {
	Title       string `db:"title"`
	Status      string `db:"status"`
	FinishedAt  string `db:"finished_at"`
	ScheduledOn string `db:"scheduled_on"`
	StartTime   string `db:"start_time"`
	Duration    int    `db:"duration_minutes"`
}

func getSessionHead(ctx context.Context, q store.Queryer, id int64) (sessionHead, error) {
	var h sessionHead
	err := sqlx.GetContext(ctx, q, &h, `SELECT title, status, coalesce(finished_at, '') AS finished_at,
		coalesce(scheduled_on, '') AS scheduled_on, start_time, duration_minutes FROM sessions WHERE id = ?`, id)
	return h, store.Map(err, fmt.Sprintf("session %d", id))
}

func (h sessionHead) end(c clock) time.Time {
	if t, err := time.Parse(time.RFC3339, h.FinishedAt); err == nil {
		return t.In(c.loc)
	}
	if h.ScheduledOn != "" {
		clockTime := h.StartTime
		if clockTime == "" {
			clockTime = "09:00"
		}
		if t, err := time.ParseInLocation("2006-01-02 15:04", h.ScheduledOn+" "+clockTime, c.loc); err == nil {
			return t.Add(time.Duration(h.Duration) * time.Minute)
		}
	}
	return c.now
}

// chainKey names one step for one person (0 = the team).
type chainKey struct {
	kind     string
	memberID int64
}

func existingChain(ctx context.Context, q store.Queryer, sessionID int64) (map[chainKey]bool, error) {
	var rows []struct {
		Kind     string `db:"kind"`
		MemberID int64  `db:"member_id"`
	}
	err := sqlx.SelectContext(ctx, q, &rows, `SELECT kind, coalesce(member_id, 0) AS member_id FROM reminders
		WHERE session_id = ? AND origin = 'chain' AND series_id IS NULL`, sessionID)
	if err != nil {
		return nil, err
	}
	out := map[chainKey]bool{}
	for _, r := range rows {
		out[chainKey{r.Kind, r.MemberID}] = true
	}
	return out, nil
}

// ProposeChain proposes the follow-up chain of a finished session, counted
// from when it ended with the offsets of the settings: a thank-you per
// attended participant, afterthoughts and feedback asks, a synthesis task
// for the team and a share-back per attended participant, due after the
// thank-you and the synthesis. No-shows and people never marked attended
// get nothing and are listed as skipped, with the reason. Steps already accepted are left out; people without contact
// consent are skipped. Nothing is saved.
func (s *Service) ProposeChain(sessionID int64) (ChainProposal, error) {
	p, err := s.proposeChain(s.ctx, s.db, sessionID)
	if err != nil {
		return ChainProposal{}, fmt.Errorf("propose follow-ups for session %d: %w", sessionID, err)
	}
	return p, nil
}

func (s *Service) proposeChain(ctx context.Context, q store.Queryer, sessionID int64) (ChainProposal, error) {
	c, err := s.clock(ctx, q)
	if err != nil {
		return ChainProposal{}, err
	}
	h, err := getSessionHead(ctx, q, sessionID)
	if err != nil {
		return ChainProposal{}, err
	}
	if h.Status != "finished" {
		return ChainProposal{}, invalid("session %q is not finished yet; finish it to plan the follow-ups", h.Title)
	}
	people, err := participantsOf(ctx, q, sessionID, c.today())
	if err != nil {
		return ChainProposal{}, err
	}
	have, err := existingChain(ctx, q, sessionID)
	if err != nil {
		return ChainProposal{}, err
	}
	end := h.end(c)
	st := c.st
	day := func(n int) time.Time { return atHour(end, n, st.DueHour) }
	// Sharing back comes after the thanks and the synthesis, whatever the
	// offsets say: there is nothing to share before the team has made sense
	// of it. (H+23)/24+1 days is the first morning after end+H hours.
	shareDays := max(st.ShareBackDays, st.SynthesisDays+1, (st.ThankYouHours+23)/24+1)
	out := ChainProposal{SessionID: sessionID, Session: h.Title, EndedAt: end.Format(time.RFC3339),
		Items: []Proposal{}, Skipped: []Skipped{}}
	add := func(kind string, m person, due time.Time, step, title, body string) {
		if have[chainKey{kind, m.MemberID}] {
			out.Existing++
			return
		}
		out.Items = append(out.Items, Proposal{Member: m.Name, Step: step, Reminder: ReminderInput{
			Title: title, Body: body, Kind: kind, Channel: "email", DueAt: due.Format(time.RFC3339),
			TimeZone: c.zone, MemberID: m.MemberID, SessionID: sessionID}})
	}
	for _, m := range people {
		if why, ok := notAttending[m.State]; ok {
			out.Skipped = append(out.Skipped, Skipped{MemberID: m.MemberID, Member: m.Name, Reason: why})
			continue
		}
		if !m.CanContact {
			out.Skipped = append(out.Skipped, Skipped{MemberID: m.MemberID, Member: m.Name, Reason: "no valid contact consent"})
			continue
		}
		add("thank_you", m, end.Add(time.Duration(st.ThankYouHours)*time.Hour),
			fmt.Sprintf("Thank-you within %d hours", st.ThankYouHours),
			"Thank "+m.Name+" for "+h.Title,
			"Send a thank-you: what you heard from them, what happens next, and the reward if one was promised.")
		add("session_feedback", m, day(st.FeedbackDays),
			fmt.Sprintf("Feedback on the session after %d days", st.FeedbackDays),
			"Ask "+m.Name+" for feedback on "+h.Title,
			"Ask what worked in the session and what to do differently next time.")
		add("afterthoughts", m, day(st.AfterthoughtsDays),
			fmt.Sprintf("Afterthoughts after %d days", st.AfterthoughtsDays),
			"Ask "+m.Name+" for afterthoughts on "+h.Title,
			"Ask whether anything else came to mind since the session.")
		add("share_back", m, day(shareDays),
			fmt.Sprintf("Share back what changed within %d days", shareDays),
			"Share back with "+m.Name+" what changed after "+h.Title,
			"Tell them what they said and what changed because of it (the verdicts and the decision).")
	}
	add("synthesis", person{}, day(st.SynthesisDays),
		fmt.Sprintf("Team synthesis within %d days", st.SynthesisDays),
		"Synthesise "+h.Title,
		"Cluster the insights into themes and pick the top 3–5 opportunities.")
	sort.SliceStable(out.Items, func(i, j int) bool { return out.Items[i].Reminder.DueAt < out.Items[j].Reminder.DueAt })
	return out, nil
}

// validateAll normalises a batch of items, naming each problem by item.
func validateAll(c clock, items []ReminderInput) ([]record, error) {
	var probs []string
	recs := make([]record, 0, len(items))
	for i, in := range items {
		r, err := in.normalize(c)
		if err != nil {
			probs = append(probs, fmt.Sprintf("item %d: %s", i+1, err.Error()))
			continue
		}
		recs = append(recs, r)
	}
	if len(probs) > 0 {
		return nil, invalid("%s", strings.Join(probs, "; "))
	}
	return recs, nil
}

// checkConsent refuses outreach to a member who may not be contacted.
func checkConsent(ctx context.Context, q store.Queryer, r record, today string) error {
	if r.MemberID == 0 || r.Kind == "synthesis" {
		return nil
	}
	var p struct {
		Name string `db:"name"`
		Can  bool   `db:"can_contact"`
	}
	err := sqlx.GetContext(ctx, q, &p, `SELECT m.name, `+board.CanContactSQL+` AS can_contact FROM members m WHERE m.id = ?`,
		today, r.MemberID)
	if err != nil {
		return store.Map(err, fmt.Sprintf("member %d", r.MemberID))
	}
	if !p.Can {
		return invalid("%s has no valid contact consent; outreach to them cannot be planned", p.Name)
	}
	return nil
}

// AcceptChain saves the (possibly edited) follow-up chain of a session in
// one transaction. Steps already accepted for the same person are skipped
// and counted, so accepting twice adds nothing; outreach to someone
// without contact consent is refused, and then nothing is saved.
func (s *Service) AcceptChain(sessionID int64, items []ReminderInput) (AcceptResult, error) {
	var res AcceptResult
	err := s.writeTx(func(tx *sqlx.Tx, c clock) (err error) {
		res, err = s.acceptChain(tx, c, sessionID, items)
		return err
	})
	if err != nil {
		return AcceptResult{}, fmt.Errorf("accept follow-ups for session %d: %w", sessionID, err)
	}
	return res, nil
}

// acceptChain is AcceptChain inside a transaction.
func (s *Service) acceptChain(tx *sqlx.Tx, c clock, sessionID int64, items []ReminderInput) (AcceptResult, error) {
	res := AcceptResult{Created: []Reminder{}}
	h, err := getSessionHead(s.ctx, tx, sessionID)
	if err != nil {
		return AcceptResult{}, err
	}
	if h.Status != "finished" {
		return AcceptResult{}, invalid("session %q is not finished yet", h.Title)
	}
	items = slices.Clone(items)
	for i := range items {
		if items[i].SessionID != 0 && items[i].SessionID != sessionID {
			return AcceptResult{}, invalid("item %d belongs to session %d, not %d", i+1, items[i].SessionID, sessionID)
		}
		items[i].SessionID = sessionID
	}
	recs, err := validateAll(c, items)
	if err != nil {
		return AcceptResult{}, err
	}
	have, err := existingChain(s.ctx, tx, sessionID)
	if err != nil {
		return AcceptResult{}, err
	}
	stamp := s.stamp()
	for i, r := range recs {
		if err := checkConsent(s.ctx, tx, r, c.today()); err != nil {
			return AcceptResult{}, fmt.Errorf("item %d: %w", i+1, err)
		}
		origin := "manual"
		if slices.Contains(chainKinds, r.Kind) {
			origin = "chain"
			k := chainKey{r.Kind, r.MemberID}
			if have[k] {
				res.Duplicates++
				continue
			}
			have[k] = true
		}
		id, err := insertReminder(s.ctx, tx, r, origin, stamp)
		if err != nil {
			return AcceptResult{}, fmt.Errorf("item %d: %w", i+1, err)
		}
		rem, err := getReminder(s.ctx, tx, id, c.today())
		if err != nil {
			return AcceptResult{}, err
		}
		res.Created = append(res.Created, rem)
	}
	return res, nil
}

// speaker is a member who spoke on an assumption or decision, with the
// latest session they did.
type speaker struct {
	MemberID   int64  `db:"member_id"`
	Name       string `db:"name"`
	Session    string `db:"session"`
	SessionID  int64  `db:"session_id"`
	CanContact bool   `db:"can_contact"`
}

// ProposeShareBack proposes "you said, we did" for an assumption (kind
// "assumption", after its verdict changed) or a decision (kind "decision",
// after a decision-log entry): one share-back per member whose responses
// (with a stance or notes) or attributed quotes bore on it in a session
// they were not marked a no-show of (what was typed for a no-show is not
// what they said), with a drafted message naming
// what they said and what changed. Each is due tomorrow, or after that
// session's open thank-you and synthesis steps when those come later.
// Nothing is saved.
func (s *Service) ProposeShareBack(kind string, id int64) (ShareBackProposal, error) {
	p, err := s.proposeShareBack(kind, id)
	if err != nil {
		return ShareBackProposal{}, fmt.Errorf("propose share-back for %s %d: %w", kind, id, err)
	}
	return p, nil
}

func (s *Service) proposeShareBack(kind string, id int64) (ShareBackProposal, error) {
	c, err := s.clock(s.ctx, s.db)
	if err != nil {
		return ShareBackProposal{}, err
	}
	out := ShareBackProposal{Kind: kind, ID: id, Items: []Proposal{}, Skipped: []Skipped{}}
	var where string
	var assumptionID, decisionID int64
	found := false
	switch kind {
	case "assumption":
		where, assumptionID = "a.id = ?", id
		err = sqlx.GetContext(s.ctx, s.db, &out.Title, `SELECT behavior FROM assumptions WHERE id = ?`, id)
		if err == nil {
			out.Tell, found, err = session.LatestVerdictTell(s.ctx, s.db, id)
		}
	case "decision":
		where, decisionID = "a.decision_id = ?", id
		err = sqlx.GetContext(s.ctx, s.db, &out.Title, `SELECT title FROM decisions WHERE id = ?`, id)
		if err == nil {
			out.Tell, found, err = session.LatestDecisionTell(s.ctx, s.db, id)
		}
	default:
		return ShareBackProposal{}, invalid("kind %q is not one of assumption, decision", kind)
	}
	if err != nil {
		return ShareBackProposal{}, store.Map(err, fmt.Sprintf("%s %d", kind, id))
	}
	out.WhatChanged = out.Tell.Line
	if !found {
		what := map[string]string{"assumption": "no verdict", "decision": "nothing in its decision log"}[kind]
		return ShareBackProposal{}, invalid("%s %d has %s yet; there is nothing to share back", kind, id, what)
	}
	var people []speaker
	err = sqlx.SelectContext(s.ctx, s.db, &people, `WITH spoke AS (
			SELECT qu.member_id, qu.session_id FROM quote_entries qu JOIN assumptions a ON a.id = qu.assumption_id
				JOIN participants pa ON pa.session_id = qu.session_id AND pa.member_id = qu.member_id
				WHERE pa.state <> 'no_show' AND `+where+`
			UNION
			SELECT r.member_id, r.session_id FROM response_entries r JOIN assumptions a ON a.id = r.assumption_id
				JOIN participants pa ON pa.session_id = r.session_id AND pa.member_id = r.member_id
				WHERE pa.state <> 'no_show' AND `+where+` AND r.kind IN ('stance', 'note') AND trim(r.text) <> ''),
		latest AS (
			SELECT sp.member_id, sp.session_id, row_number() OVER (PARTITION BY sp.member_id
				ORDER BY coalesce(se.finished_at, se.scheduled_on, '') DESC, se.id DESC) AS n
			FROM spoke sp JOIN sessions se ON se.id = sp.session_id)
		SELECT m.id AS member_id, m.name, se.title AS session, se.id AS session_id,
			`+board.CanContactSQL+` AS can_contact
		FROM latest l JOIN members m ON m.id = l.member_id JOIN sessions se ON se.id = l.session_id
		WHERE l.n = 1 ORDER BY m.name, m.id`, id, id, c.today())
	if err != nil {
		return ShareBackProposal{}, err
	}
	t, err := s.template("share_back")
	if err != nil {
		return ShareBackProposal{}, err
	}
	for _, p := range people {
		if !p.CanContact {
			out.Skipped = append(out.Skipped, Skipped{MemberID: p.MemberID, Member: p.Name, Reason: "no valid contact consent"})
			continue
		}
		due, err := shareBackDue(s.ctx, s.db, c, p)
		if err != nil {
			return ShareBackProposal{}, err
		}
		said, err := youSaid(s.ctx, s.db, p.MemberID, 0, assumptionID, decisionID)
		if err != nil {
			return ShareBackProposal{}, err
		}
		names, err := namesOf(s.ctx, s.db, p.SessionID)
		if err != nil {
			return ShareBackProposal{}, err
		}
		d := render(t, fields{member: p.Name, session: names, youSaid: said, whatChanged: out.WhatChanged, team: c.st.TeamName})
		out.Items = append(out.Items, Proposal{Member: p.Name, Step: "You said, we did", Draft: d.Body,
			Reminder: ReminderInput{
				Title: "Share back with " + p.Name + ": " + out.Title,
				Body:  "They said " + said + ". What changed: " + out.WhatChanged,
				Kind:  "share_back", Channel: "email", TemplateKey: "share_back",
				DueAt: due.Format(time.RFC3339), TimeZone: c.zone,
				MemberID: p.MemberID, SessionID: p.SessionID, AssumptionID: assumptionID, DecisionID: decisionID,
			}})
	}
	return out, nil
}

// AcceptShareBack saves proposed (possibly edited) share-backs in one
// transaction. One already open for the same person and the same
// assumption or decision is skipped and counted.
func (s *Service) AcceptShareBack(items []ReminderInput) (AcceptResult, error) {
	res := AcceptResult{Created: []Reminder{}}
	err := s.writeTx(func(tx *sqlx.Tx, c clock) (err error) {
		recs, err := validateAll(c, items)
		if err != nil {
			return err
		}
		stamp := s.stamp()
		for i, r := range recs {
			if r.AssumptionID == 0 && r.DecisionID == 0 {
				return invalid("item %d: a share-back names the assumption or decision it shares back", i+1)
			}
			if err := checkConsent(s.ctx, tx, r, c.today()); err != nil {
				return fmt.Errorf("item %d: %w", i+1, err)
			}
			var open int
			if err := sqlx.GetContext(s.ctx, tx, &open, `SELECT count(*) FROM reminders WHERE kind = 'share_back'
				AND done_at IS NULL AND member_id IS ? AND assumption_id IS ? AND decision_id IS ?`,
				store.NullZero(r.MemberID), store.NullZero(r.AssumptionID), store.NullZero(r.DecisionID)); err != nil {
				return err
			}
			if open > 0 {
				res.Duplicates++
				continue
			}
			id, err := insertReminder(s.ctx, tx, r, "share_back", stamp)
			if err != nil {
				return fmt.Errorf("item %d: %w", i+1, err)
			}
			rem, err := getReminder(s.ctx, tx, id, c.today())
			if err != nil {
				return err
			}
			res.Created = append(res.Created, rem)
		}
		return nil
	})
	if err != nil {
		return AcceptResult{}, fmt.Errorf("accept share-backs: %w", err)
	}
	return res, nil
}

// shareBackDue is when a share-back to p is due by default: tomorrow, or
// the morning after the last open thank-you to p or synthesis of p's
// session, so sharing back never comes before thanking and making sense.
func shareBackDue(ctx context.Context, q store.Queryer, c clock, p speaker) (time.Time, error) {
	due := atHour(c.now, 1, c.st.DueHour)
	var last string
	err := sqlx.GetContext(ctx, q, &last, `SELECT coalesce(max(due_utc), '') FROM reminders
		WHERE session_id = ? AND done_at IS NULL
			AND ((kind = 'thank_you' AND member_id = ?) OR kind = 'synthesis')`, p.SessionID, p.MemberID)
	if err != nil {
		return time.Time{}, fmt.Errorf("read open steps of session %d: %w", p.SessionID, err)
	}
	if t, err := time.Parse(time.RFC3339, last); err == nil {
		if after := atHour(t.In(c.loc), 1, c.st.DueHour); after.After(due) {
			due = after
		}
	}
	return due, nil
}
