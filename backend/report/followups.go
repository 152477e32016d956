package report

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"soundingboard/backend/loop"
	"soundingboard/backend/session"
	"soundingboard/backend/wording"
)

// Who has heard back is backend/loop's rule (loop.Closure: a done thank-you
// or share-back reminder), read through loop.Service, so a report shows
// the figures of the Follow-ups page. These two methods only reshape it.

// sessionFollowUps lists everyone who attended run's session: heard back
// (with the first done thank-you or share-back) or not yet.
func (s *Service) sessionFollowUps(run session.Run) (LoopStatus, error) {
	id := run.Session.ID
	c, err := s.loop.SessionClosure(id)
	if err != nil {
		return LoopStatus{}, fmt.Errorf("follow-ups of session %d: %w", id, err)
	}
	done, err := s.loop.ListReminders(loop.ReminderFilter{SessionID: id, Status: "done"})
	if err != nil {
		return LoopStatus{}, fmt.Errorf("follow-ups of session %d: %w", id, err)
	}
	first := map[int64]loop.Reminder{} // member -> earliest done reminder
	for _, r := range done {           // newest first: the earliest is kept
		if slices.Contains(loop.HeardBackKinds, string(r.Kind)) {
			first[r.MemberID] = r
		}
	}
	notYet := map[int64]loop.Pending{}
	for _, p := range c.NotYet {
		notYet[p.MemberID] = p
	}
	st := statusOf(c)
	for _, p := range run.Session.Participants {
		if p.State != "attended" {
			continue
		}
		ps := PersonStatus{MemberID: p.MemberID, Member: p.Name, SessionID: id, Session: run.Session.Title, CanContact: true}
		if n, ok := notYet[p.MemberID]; ok {
			ps.CanContact, ps.Planned = n.CanContact, n.Planned
		} else if r, ok := first[p.MemberID]; ok {
			ps.HeardBack, ps.On, ps.How = true, localDay(r.DoneAt), strings.ReplaceAll(string(r.Kind), "_", "-")
		} else {
			ps.HeardBack = true
		}
		st.People = append(st.People, ps)
	}
	return st, nil
}

// boardFollowUps counts finished sessions and lists who has not heard back.
func (s *Service) boardFollowUps() (LoopStatus, error) {
	c, err := s.loop.BoardClosure()
	if err != nil {
		return LoopStatus{}, fmt.Errorf("board follow-ups: %w", err)
	}
	st := statusOf(c)
	for _, p := range c.NotYet {
		st.People = append(st.People, PersonStatus{MemberID: p.MemberID, Member: p.Member, SessionID: p.SessionID,
			Session: p.Session, CanContact: p.CanContact, Planned: p.Planned})
	}
	return st, nil
}

// statusOf copies the figures of c; People is left empty.
func statusOf(c loop.Closure) LoopStatus {
	return LoopStatus{Attended: c.Attended, HeardBack: c.HeardBack, Eligible: c.Eligible, Rate: c.Rate,
		People: []PersonStatus{}, Definition: c.Definition}
}

// summary is e.g. "3 of 4 participants have heard back (75%); 1 without
// contact consent is not counted".
func (l LoopStatus) summary() string {
	out := fmt.Sprintf("%d of %d participants have heard back (%s)", l.HeardBack, l.Eligible, pct(l.Rate))
	if n := l.Attended - l.Eligible; n > 0 {
		out += "; " + wording.Count(n, "participant without contact consent is", "participants without contact consent are") + " not counted"
	}
	return out
}

// localDay is the local calendar day of an RFC 3339 stamp.
func localDay(stamp string) string {
	t, err := time.Parse(time.RFC3339, stamp)
	if err != nil {
		return stamp
	}
	return t.Local().Format(time.DateOnly)
}
