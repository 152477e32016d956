package loop

import (
	"context"
	"fmt"
	"strings"

	"github.com/jmoiron/sqlx"

	"soundingboard/backend/board"
	"soundingboard/backend/store"
)

// closureDefinition says what the figure counts, for the UI to show.
const closureDefinition = "An attended participant has heard back when a thank-you or share-back reminder " +
	"for them and that session is done. The rate is heard back ÷ (heard back + those not yet who may be contacted); " +
	"people without contact consent are listed but not counted."

// HeardBackKinds are the reminder kinds that, once done for a member and a
// session, mean that attended participant has heard back.
var HeardBackKinds = []string{"thank_you", "share_back"}

// closureRow is one attended participant of one session.
type closureRow struct {
	SessionID  int64  `db:"session_id"`
	Session    string `db:"session"`
	MemberID   int64  `db:"member_id"`
	Member     string `db:"member"`
	CanContact bool   `db:"can_contact"`
	Heard      bool   `db:"heard"`
	Planned    bool   `db:"planned"`
}

// closureRows reads attended participants of the sessions matching where
// (on sessions se), newest session first.
func closureRows(ctx context.Context, q store.Queryer, today, where string, args ...any) ([]closureRow, error) {
	var rows []closureRow
	kinds := `r.kind IN ('` + strings.Join(HeardBackKinds, "', '") + `')` // constants, not input
	err := sqlx.SelectContext(ctx, q, &rows, `SELECT p.session_id, se.title AS session, p.member_id, m.name AS member,
		`+board.CanContactSQL+` AS can_contact,
		EXISTS (SELECT 1 FROM reminders r WHERE r.session_id = p.session_id AND r.member_id = p.member_id
			AND `+kinds+` AND r.done_at IS NOT NULL) AS heard,
		EXISTS (SELECT 1 FROM reminders r WHERE r.session_id = p.session_id AND r.member_id = p.member_id
			AND `+kinds+` AND r.done_at IS NULL) AS planned
		FROM participants p JOIN sessions se ON se.id = p.session_id JOIN members m ON m.id = p.member_id
		WHERE p.state = 'attended' AND `+where+`
		ORDER BY coalesce(se.finished_at, se.scheduled_on, '') DESC, se.id DESC, m.name, m.id`,
		append([]any{today}, args...)...)
	return rows, err
}

// tally sums rows into a Closure.
func tally(c *Closure, rows []closureRow) {
	c.NotYet = []Pending{}
	for _, r := range rows {
		c.Attended++
		switch {
		case r.Heard:
			c.HeardBack++
			c.Eligible++
		default:
			if r.CanContact {
				c.Eligible++
			}
			c.NotYet = append(c.NotYet, Pending{SessionID: r.SessionID, Session: r.Session, MemberID: r.MemberID,
				Member: r.Member, CanContact: r.CanContact, Planned: r.Planned})
		}
	}
	if c.Eligible > 0 {
		c.Rate = float64(c.HeardBack) / float64(c.Eligible)
	}
	c.Definition = closureDefinition
}

// SessionClosure is the loop-closure figure of one session: how many of
// its attended participants heard back, and who has not.
func (s *Service) SessionClosure(sessionID int64) (Closure, error) {
	c, err := s.clock(s.ctx, s.db)
	if err != nil {
		return Closure{}, fmt.Errorf("loop closure of session %d: %w", sessionID, err)
	}
	h, err := getSessionHead(s.ctx, s.db, sessionID)
	if err != nil {
		return Closure{}, fmt.Errorf("loop closure of session %d: %w", sessionID, err)
	}
	rows, err := closureRows(s.ctx, s.db, c.today(), `se.id = ?`, sessionID)
	if err != nil {
		return Closure{}, fmt.Errorf("loop closure of session %d: %w", sessionID, err)
	}
	out := Closure{SessionID: sessionID, Title: h.Title, BySession: []Closure{}}
	tally(&out, rows)
	return out, nil
}

// BoardClosure is the loop-closure figure over every finished session,
// with each session's own figure (newest first).
func (s *Service) BoardClosure() (Closure, error) {
	c, err := s.clock(s.ctx, s.db)
	if err != nil {
		return Closure{}, fmt.Errorf("loop closure: %w", err)
	}
	rows, err := closureRows(s.ctx, s.db, c.today(), `se.status = 'finished'`)
	if err != nil {
		return Closure{}, fmt.Errorf("loop closure: %w", err)
	}
	out := Closure{Title: "Whole board", BySession: []Closure{}}
	tally(&out, rows)
	for i := 0; i < len(rows); {
		j := i
		for j < len(rows) && rows[j].SessionID == rows[i].SessionID {
			j++
		}
		one := Closure{SessionID: rows[i].SessionID, Title: rows[i].Session, BySession: []Closure{}}
		tally(&one, rows[i:j])
		out.BySession = append(out.BySession, one)
		i = j
	}
	return out, nil
}
