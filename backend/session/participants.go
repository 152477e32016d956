package session

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
	"soundingboard/backend/valid"
)

// recentDays is how recent a session makes the picker warn "took part N
// days ago": people asked too often stop being fresh voices.
const recentDays = 30

// candidateRow is a picker row with the participant's state ("" when not
// selected).
type candidateRow struct {
	Candidate
	State string `db:"state"`
}

// candidateSelect reads the picker's members m. Parameters: today (for
// can_contact), the session id (selected), the session id again (its own
// attendance does not count as "last session").
const candidateSelect = `SELECT m.id AS member_id, m.name, m.company, coalesce(g.name, '') AS segment,
	m.status, m.tone, m.usage_frequency, coalesce(m.articulation, 0) AS articulation, ` + board.CanContactSQL + ` AS can_contact,
	coalesce(h.last_session, '') AS last_session, coalesce(h.n, 0) AS sessions_count,
	p.member_id IS NOT NULL AS selected, coalesce(p.state, '') AS state
FROM members m
LEFT JOIN segments g ON g.id = m.segment_id
LEFT JOIN participants p ON p.member_id = m.id AND p.session_id = ?
LEFT JOIN (SELECT pp.member_id, count(*) AS n,
		max(coalesce(ss.scheduled_on, substr(ss.finished_at, 1, 10))) AS last_session
	FROM participants pp JOIN sessions ss ON ss.id = pp.session_id
	WHERE pp.state = 'attended' AND pp.session_id <> ? GROUP BY pp.member_id) h ON h.member_id = m.id
WHERE (m.archived_at IS NULL AND m.status IN ('active', 'invited', 'paused', 'prospect'))
	OR p.member_id IS NOT NULL
ORDER BY CASE m.status WHEN 'active' THEN 0 WHEN 'invited' THEN 1 WHEN 'paused' THEN 2
	WHEN 'prospect' THEN 3 ELSE 4 END, m.name, m.id`

// Picker lists the board members one can invite (unarchived; active,
// invited, paused or prospect; plus anyone already a participant), active
// ones first, each with CanContact and a warning when they took part in
// another session within 30 days or are marked too agreeable or too
// negative. LastSession and SessionsCount count other sessions attended.
// Segments compares the selected people (no-shows aside) with the active
// board; Advice gives the format's size advice and balance advice.
func (s *Plans) Picker(sessionID int64) (Picker, error) {
	out, err := read(&s.core, func(q store.Queryer) (Picker, error) { return readPicker(s.ctx, q, sessionID, s.today()) })
	if err != nil {
		return Picker{}, fmt.Errorf("picker for session %d: %w", sessionID, err)
	}
	return out, nil
}

// readPicker reads the picker of a session through q.
func readPicker(ctx context.Context, q store.Queryer, sessionID int64, today string) (Picker, error) {
	cur, err := getSessionRow(ctx, q, sessionID)
	if err != nil {
		return Picker{}, err
	}
	var rows []candidateRow
	if err := sqlx.SelectContext(ctx, q, &rows, candidateSelect, today, sessionID, sessionID); err != nil {
		return Picker{}, err
	}
	var segs []SegmentCount
	if err := sqlx.SelectContext(ctx, q, &segs, `SELECT g.name AS segment, count(m.id) AS board
		FROM segments g LEFT JOIN members m ON m.segment_id = g.id AND m.archived_at IS NULL AND m.status = 'active'
		GROUP BY g.id ORDER BY g.name`); err != nil {
		return Picker{}, fmt.Errorf("segments: %w", err)
	}
	var noSeg int
	if err := sqlx.GetContext(ctx, q, &noSeg, `SELECT count(*) FROM members
		WHERE segment_id IS NULL AND archived_at IS NULL AND status = 'active'`); err != nil {
		return Picker{}, fmt.Errorf("segments: %w", err)
	}

	f, _ := formatInfo(cur.Format)
	out := Picker{Candidates: make([]Candidate, len(rows)), Min: f.Min, Max: f.Max}
	taking := 0
	tones := map[board.Tone]int{}
	bySeg := map[string]int{}
	for i, r := range rows {
		c := r.Candidate
		c.Warning = candidateWarning(c, today)
		out.Candidates[i] = c
		if c.Selected && r.State != "no_show" {
			taking++
			tones[c.Tone]++
			bySeg[c.Segment]++
		}
	}
	if noSeg > 0 || bySeg[""] > 0 {
		segs = append(segs, SegmentCount{Segment: "", Board: noSeg})
	}
	out.Segments = make([]SegmentCount, len(segs))
	var missing []string
	for i, g := range segs {
		g.Selected = bySeg[g.Segment]
		if g.Segment == "" {
			g.Segment = noSegmentLabel
		} else if g.Board > 0 && g.Selected == 0 {
			missing = append(missing, g.Segment)
		}
		out.Segments[i] = g
	}
	out.Advice = pickerAdvice(cur.Format, taking, missing, tones)
	return out, nil
}

// noSegmentLabel names members without a segment in the picker's counts.
const noSegmentLabel = "(no segment)"

// candidateWarning joins what a facilitator should know before inviting c
// beyond consent, which CanContact carries (the picker says it with the
// way to record it).
func candidateWarning(c Candidate, today string) string {
	var w []string
	if c.LastSession != "" {
		last, err1 := time.Parse(time.DateOnly, c.LastSession)
		now, err2 := time.Parse(time.DateOnly, today)
		if err1 == nil && err2 == nil {
			switch days := int(now.Sub(last).Hours() / 24); {
			case days == 0:
				w = append(w, "took part today")
			case days == 1:
				w = append(w, "took part yesterday")
			case days > 1 && days <= recentDays:
				w = append(w, fmt.Sprintf("took part %d days ago", days))
			}
		}
	}
	switch c.Tone {
	case "too_agreeable":
		w = append(w, "too agreeable")
	case "too_negative":
		w = append(w, "too negative")
	}
	return strings.Join(w, "; ")
}

// pickerAdvice is the size advice, then balance advice once someone is
// picked: segments of the active board nobody comes from, and an extreme
// tone shared by more than half of those taking part.
func pickerAdvice(format string, taking int, missing []string, tones map[board.Tone]int) string {
	var out []string
	if s := groupSizeAdvice(format, taking); s != "" {
		out = append(out, s)
	}
	if taking > 0 && len(missing) > 0 {
		out = append(out, "No one from "+orList(missing)+" yet.")
	}
	for _, t := range []board.Tone{board.ToneTooAgreeable, board.ToneTooNegative} {
		if n := tones[t]; taking > 0 && 2*n > taking {
			verb := "are"
			if n == 1 {
				verb = "is"
			}
			out = append(out, fmt.Sprintf("%d of %d %s marked %s.", n, taking, verb, strings.ReplaceAll(string(t), "_", " ")))
		}
	}
	return strings.Join(out, " ")
}

// orList is "A", "A or B", "A, B or C".
func orList(xs []string) string {
	if len(xs) == 1 {
		return xs[0]
	}
	return strings.Join(xs[:len(xs)-1], ", ") + " or " + xs[len(xs)-1]
}

// memberFacts is what SetParticipants checks about a member.
type memberFacts struct {
	ID         int64  `db:"id"`
	Name       string `db:"name"`
	Status     string `db:"status"`
	Archived   bool   `db:"archived"`
	CanContact bool   `db:"can_contact"`
}

// SetParticipants makes the session's participants exactly memberIDs
// (duplicates ignored). Newcomers start invited and must be pickable
// (unarchived; active, invited, paused or prospect) with a valid contact
// consent today; someone with responses or quotes in this session can't be
// taken out. Everyone staying keeps their state.
func (s *Plans) SetParticipants(sessionID int64, memberIDs []int64) (Session, error) {
	today := s.today()
	var ids []int64
	for _, id := range memberIDs {
		if !slices.Contains(ids, id) {
			ids = append(ids, id)
		}
	}
	var out Session
	err := store.WithTx(s.ctx, s.db, func(tx *sqlx.Tx) error {
		if _, err := sessionStatus(s.ctx, tx, sessionID); err != nil {
			return err
		}
		var current []memberFacts
		if err := sqlx.SelectContext(s.ctx, tx, &current, `SELECT m.id, m.name, m.status,
			m.archived_at IS NOT NULL AS archived, `+board.CanContactSQL+` AS can_contact
			FROM participants p JOIN members m ON m.id = p.member_id WHERE p.session_id = ?
			ORDER BY m.name`, today, sessionID); err != nil {
			return fmt.Errorf("participants: %w", err)
		}
		isCurrent := func(id int64) bool {
			return slices.ContainsFunc(current, func(m memberFacts) bool { return m.ID == id })
		}
		// The statuses the picker offers; alumni, declined and opted-out
		// members are not asked again.
		pickable := []string{"active", "invited", "paused", "prospect"}
		var p valid.Problems
		var added []int64
		for _, id := range ids {
			if isCurrent(id) {
				continue
			}
			var m memberFacts
			err := sqlx.GetContext(s.ctx, tx, &m, `SELECT m.id, m.name, m.status,
				m.archived_at IS NOT NULL AS archived, `+board.CanContactSQL+` AS can_contact
				FROM members m WHERE m.id = ?`, today, id)
			if err != nil {
				return store.Map(err, fmt.Sprintf("member %d", id))
			}
			switch {
			case m.Archived:
				p.Add("memberIds", "%s is archived; restore them on the board first", m.Name)
			case !slices.Contains(pickable, m.Status):
				p.Add("memberIds", "%s is %s on the board; only %s members can take part", m.Name,
					strings.ReplaceAll(m.Status, "_", " "), orList(pickable))
			case !m.CanContact:
				p.Add("memberIds", "%s has no valid contact consent; record consent on their board page first", m.Name)
			}
			added = append(added, id)
		}
		var removed []int64
		for _, m := range current {
			if slices.Contains(ids, m.ID) {
				continue
			}
			why, err := memberRecorded(s.ctx, tx, sessionID, m.ID)
			if err != nil {
				return err
			}
			if why != "" {
				p.Add("memberIds", "%s has %s in this session; they can't be taken out", m.Name, why)
			}
			removed = append(removed, m.ID)
		}
		if err := p.Err(); err != nil {
			return err
		}
		for _, id := range removed {
			// Only blank entries are left (memberRecorded said so).
			if _, err := tx.ExecContext(s.ctx, `DELETE FROM entries WHERE session_id = ? AND member_id = ?`,
				sessionID, id); err != nil {
				return fmt.Errorf("remove participant %d: %w", id, err)
			}
			if _, err := tx.ExecContext(s.ctx, `DELETE FROM participants WHERE session_id = ? AND member_id = ?`,
				sessionID, id); err != nil {
				return fmt.Errorf("remove participant %d: %w", id, err)
			}
		}
		for _, id := range added {
			if _, err := tx.ExecContext(s.ctx, `INSERT INTO participants (session_id, member_id, state)
				VALUES (?, ?, 'invited')`, sessionID, id); err != nil {
				return store.Map(err, fmt.Sprintf("participant %d", id))
			}
		}
		if len(added)+len(removed) > 0 {
			if _, err := tx.ExecContext(s.ctx, `UPDATE sessions SET updated_at = ? WHERE id = ?`,
				s.stamp(), sessionID); err != nil {
				return err
			}
		}
		var err error
		out, err = getSession(s.ctx, tx, sessionID, today)
		return err
	})
	if err != nil {
		return Session{}, fmt.Errorf("set participants of session %d: %w", sessionID, err)
	}
	return out, nil
}

// memberRecorded says what member memberID has in the session: "recorded
// responses", "quotes", "recorded entries" (of the other activities) or "".
func memberRecorded(ctx context.Context, q store.Queryer, sessionID, memberID int64) (string, error) {
	for _, c := range []struct{ what, query string }{
		{"recorded responses", `SELECT count(*) FROM response_entries r WHERE ` + contentExpr + `
			AND r.session_id = ? AND r.member_id = ?`},
		{"quotes", `SELECT count(*) FROM entries WHERE session_id = ? AND member_id = ? AND kind = 'quote'`},
		{"recorded entries", `SELECT count(*) FROM entries e WHERE e.session_id = ? AND e.member_id = ? AND ` + otherEntriesExpr},
	} {
		var n int
		if err := sqlx.GetContext(ctx, q, &n, c.query, sessionID, memberID); err != nil {
			return "", fmt.Errorf("count %s: %w", c.what, err)
		}
		if n > 0 {
			return c.what, nil
		}
	}
	return "", nil
}

// SetParticipantState marks a participant invited, confirmed, attended or
// no_show. In a session already finished, becoming attended logs the
// session touchpoint FinishSession would have logged, and ceasing to be
// attended removes it.
func (s *Runs) SetParticipantState(sessionID, memberID int64, state string) (Participant, error) {
	state = strings.ToLower(strings.TrimSpace(state))
	var p valid.Problems
	p.OneOf("state", state, States...)
	if err := p.Err(); err != nil {
		return Participant{}, fmt.Errorf("set state of member %d in session %d: %w", memberID, sessionID, err)
	}
	today := s.today()
	var out Participant
	err := store.WithTx(s.ctx, s.db, func(tx *sqlx.Tx) error {
		cur, err := getSessionRow(s.ctx, tx, sessionID)
		if err != nil {
			return err
		}
		var old string
		err = sqlx.GetContext(s.ctx, tx, &old, `SELECT state FROM participants WHERE session_id = ? AND member_id = ?`,
			sessionID, memberID)
		if errors.Is(err, sql.ErrNoRows) {
			var name string
			if nerr := sqlx.GetContext(s.ctx, tx, &name, `SELECT name FROM members WHERE id = ?`, memberID); nerr != nil {
				return store.Map(nerr, fmt.Sprintf("member %d", memberID))
			}
			return store.NotFound("%s is not a participant of session %q", name, cur.Title)
		} else if err != nil {
			return err
		}
		if _, err := tx.ExecContext(s.ctx, `UPDATE participants SET state = ? WHERE session_id = ? AND member_id = ?`,
			state, sessionID, memberID); err != nil {
			return store.Map(err, "participant state")
		}
		if cur.Status == "finished" && old != state && (old == "attended" || state == "attended") {
			if err := s.syncTouchpoint(tx, cur, memberID, state == "attended"); err != nil {
				return err
			}
		}
		ps, err := loadParticipants(s.ctx, tx, sessionID, today)
		if err != nil {
			return err
		}
		for _, p := range ps {
			if p.MemberID == memberID {
				out = p
			}
		}
		return nil
	})
	if err != nil {
		return Participant{}, fmt.Errorf("set state of member %d in session %d: %w", memberID, sessionID, err)
	}
	return out, nil
}

// syncTouchpoint adds (or removes) the session touchpoint of a member of a
// finished session.
func (s *Runs) syncTouchpoint(tx *sqlx.Tx, cur Session, memberID int64, attended bool) error {
	if attended {
		_, err := board.InsertTouchpoint(s.ctx, tx, board.TouchpointInsert{MemberID: memberID, Kind: "session",
			HappenedOn: s.sessionDay(cur), Summary: tookPartIn(cur.Title), CreatedAt: s.stamp()})
		if err != nil {
			return fmt.Errorf("log touchpoint: %w", err)
		}
		return nil
	}
	_, err := tx.ExecContext(s.ctx, `DELETE FROM touchpoints WHERE id = (SELECT id FROM touchpoints
		WHERE member_id = ? AND kind = 'session' AND summary = ? ORDER BY id DESC LIMIT 1)`,
		memberID, tookPartIn(cur.Title))
	if err != nil {
		return fmt.Errorf("remove touchpoint: %w", err)
	}
	return nil
}

// maxAttendanceNote bounds the note on a participant's attendance.
const maxAttendanceNote = 200

// Attendance is how one participant took part, as confirmed on Finish.
type Attendance struct {
	MemberID int64  `json:"memberId"`
	Attended bool   `json:"attended"` // false = a no-show
	Note     string `json:"note"`     // e.g. "came late"; "" for none
}

// FinishInput finishes a session with its attendance confirmed: one entry
// for every participant, no more and no fewer.
type FinishInput struct {
	SessionID  int64        `json:"sessionId"`
	Attendance []Attendance `json:"attendance"`
}

// validate trims the notes and checks them and the member ids.
func (in *FinishInput) validate() error {
	var p valid.Problems
	seen := map[int64]bool{}
	for i := range in.Attendance {
		a := &in.Attendance[i]
		a.Note = strings.TrimSpace(a.Note)
		field := fmt.Sprintf("attendance[%d].note", i)
		p.MaxLen(field, a.Note, maxAttendanceNote)
		p.NoControl(field, a.Note)
		if seen[a.MemberID] {
			p.Add(fmt.Sprintf("attendance[%d].memberId", i), "member %d is listed twice in attendance", a.MemberID)
		}
		seen[a.MemberID] = true
	}
	return p.Err()
}

// Finish finishes a session with the attendance the facilitator confirmed,
// in one transaction: each participant becomes attended or a no-show with
// its note, then the session is finished as FinishSession does (so the
// touchpoints and, later, the follow-up chain go to exactly the
// attendees). Attendance must name every participant once; nothing is
// written otherwise.
func (s *Runs) Finish(in FinishInput) (Session, error) {
	if err := in.validate(); err != nil {
		return Session{}, fmt.Errorf("finish session %d: %w", in.SessionID, err)
	}
	var out Session
	err := store.WithTx(s.ctx, s.db, func(tx *sqlx.Tx) error {
		h, err := headOf(s.ctx, tx, in.SessionID)
		if err != nil {
			return err
		}
		if h.Status == string(StatusFinished) {
			return store.Invalid("session is already finished")
		}
		ps, err := loadParticipants(s.ctx, tx, in.SessionID, s.today())
		if err != nil {
			return err
		}
		listed := map[int64]bool{}
		for _, a := range in.Attendance {
			listed[a.MemberID] = true
		}
		var missing []string
		for _, p := range ps {
			if !listed[p.MemberID] {
				missing = append(missing, p.Name)
			}
			delete(listed, p.MemberID)
		}
		var p valid.Problems
		if len(missing) > 0 {
			p.Add("attendance", "say whether %s attended", orList(missing))
		}
		for _, a := range in.Attendance {
			if listed[a.MemberID] {
				if err := checkParticipant(s.ctx, tx, h, a.MemberID); err != nil {
					return err
				}
			}
		}
		if err := p.Err(); err != nil {
			return err
		}
		for _, a := range in.Attendance {
			state := StateNoShow
			if a.Attended {
				state = StateAttended
			}
			if _, err := tx.ExecContext(s.ctx, `UPDATE participants SET state = ?, attendance_note = ?
				WHERE session_id = ? AND member_id = ?`, state, a.Note, in.SessionID, a.MemberID); err != nil {
				return store.Map(err, "attendance")
			}
		}
		out, err = s.finish(tx, in.SessionID)
		return err
	})
	if err != nil {
		return Session{}, fmt.Errorf("finish session %d: %w", in.SessionID, err)
	}
	return out, nil
}
