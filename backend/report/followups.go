package report

import (
	"context"
	"fmt"
	"time"

	"github.com/jmoiron/sqlx"
)

// touchpointFollowUps is the FollowUps used without backend/loop: a
// participant has heard back once an email, call, meeting or message is
// logged for them on or after the session day.
type touchpointFollowUps struct {
	ctx context.Context
	db  *sqlx.DB
	now func() time.Time
}

const followUpDefinition = "Heard back: an email, call, meeting or message logged on or after the session day."

// followUpSelect reads attended participants p of sessions s with the
// first contact after the session; its one parameter is today (consent).
const followUpSelect = `WITH att AS (
	SELECT p.member_id, m.name AS member, s.id AS session_id, s.title AS session,
		coalesce(s.scheduled_on, substr(s.finished_at, 1, 10), substr(s.started_at, 1, 10), '') AS day,
		(m.status NOT IN ('opted_out', 'declined') AND EXISTS (
			SELECT 1 FROM consents c WHERE c.member_id = m.id AND c.kind = 'contact'
			AND c.revoked_on IS NULL AND (c.expires_on IS NULL OR c.expires_on >= ?))) AS can_contact,
		s.status AS status, coalesce(s.scheduled_on, '') AS scheduled_on
	FROM participants p JOIN sessions s ON s.id = p.session_id JOIN members m ON m.id = p.member_id
	WHERE p.state = 'attended')
SELECT a.member_id, a.member, a.session_id, a.session, a.can_contact,
	coalesce(t.happened_on, '') AS on_day, coalesce(t.kind, '') AS how
FROM att a LEFT JOIN touchpoints t ON t.id = (
	SELECT t2.id FROM touchpoints t2 WHERE t2.member_id = a.member_id
	AND t2.kind IN ('email', 'call', 'meeting', 'message') AND t2.happened_on >= a.day
	ORDER BY t2.happened_on, t2.id LIMIT 1)`

type followUpRow struct {
	MemberID   int64  `db:"member_id"`
	Member     string `db:"member"`
	SessionID  int64  `db:"session_id"`
	Session    string `db:"session"`
	CanContact bool   `db:"can_contact"`
	On         string `db:"on_day"`
	How        string `db:"how"`
}

func (t *touchpointFollowUps) read(where string, args ...any) (LoopStatus, []PersonStatus, error) {
	var rows []followUpRow
	q := followUpSelect + ` WHERE ` + where + ` ORDER BY a.scheduled_on DESC, a.session_id DESC, a.member COLLATE NOCASE, a.member_id`
	if err := sqlx.SelectContext(t.ctx, t.db, &rows, q, append([]any{t.now().Format(time.DateOnly)}, args...)...); err != nil {
		return LoopStatus{}, nil, fmt.Errorf("read follow-ups: %w", err)
	}
	st := LoopStatus{People: []PersonStatus{}, Definition: followUpDefinition}
	all := make([]PersonStatus, 0, len(rows))
	for _, r := range rows {
		p := PersonStatus{MemberID: r.MemberID, Member: r.Member, SessionID: r.SessionID, Session: r.Session,
			HeardBack: r.On != "", On: r.On, How: r.How, CanContact: r.CanContact}
		st.Attended++
		if p.HeardBack {
			st.HeardBack++
		}
		all = append(all, p)
	}
	if st.Attended > 0 {
		st.Rate = float64(st.HeardBack) / float64(st.Attended)
	}
	return st, all, nil
}

// SessionFollowUps lists everyone who attended the session.
func (t *touchpointFollowUps) SessionFollowUps(sessionID int64) (LoopStatus, error) {
	st, all, err := t.read(`a.session_id = ?`, sessionID)
	if err != nil {
		return LoopStatus{}, fmt.Errorf("follow-ups of session %d: %w", sessionID, err)
	}
	st.People = all
	return st, nil
}

// BoardFollowUps counts finished sessions and lists who has not heard back.
func (t *touchpointFollowUps) BoardFollowUps() (LoopStatus, error) {
	st, all, err := t.read(`a.status = 'finished'`)
	if err != nil {
		return LoopStatus{}, fmt.Errorf("board follow-ups: %w", err)
	}
	for _, p := range all {
		if !p.HeardBack {
			st.People = append(st.People, p)
		}
	}
	return st, nil
}
