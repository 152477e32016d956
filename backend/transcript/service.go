package transcript

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/jmoiron/sqlx"

	"soundingboard/backend/board"
	"soundingboard/backend/store"
	"soundingboard/backend/valid"
)

// Transcripts is the service of a session's transcripts. Methods use the
// context given at construction, because Wails binds them without one.
type Transcripts struct {
	ctx context.Context
	db  *store.DB
	now func() time.Time
}

// NewTranscripts returns the transcript service over db.
func NewTranscripts(ctx context.Context, db *store.DB) *Transcripts {
	return &Transcripts{ctx: ctx, db: db, now: time.Now}
}

func (s *Transcripts) stamp() string { return s.now().UTC().Format(time.RFC3339) }
func (s *Transcripts) today() string { return s.now().Format(time.DateOnly) }

// Import reads a transcript file into a session, all or nothing, and
// matches its speakers by name: an internal attendee of the session is
// the team; a participant whose full name, or whose first name alone (when
// no other participant shares it), is the speaker's label is that
// participant. The facilitator checks the matches and changes them.
func (s *Transcripts) Import(in ImportInput) (Transcript, error) {
	in.FileName = strings.TrimSpace(in.FileName)
	var p valid.Problems
	p.Text("fileName", in.FileName, maxFileName)
	p.NoControl("fileName", in.FileName)
	if len(in.Content) > maxFileBytes {
		p.Add("content", "%s is %.1f MB; a transcript can be up to %d MB", in.FileName,
			float64(len(in.Content))/(1<<20), maxFileBytes>>20)
	}
	if err := p.Err(); err != nil {
		return Transcript{}, fmt.Errorf("import transcript: %w", err)
	}
	format, lines, err := parse(in.FileName, in.Content)
	if err == nil {
		err = checkLines(lines)
	}
	if err != nil {
		return Transcript{}, fmt.Errorf("import transcript: %w", store.InvalidFields([]store.Problem{{Field: "content", Message: err.Error()}}))
	}
	var id int64
	err = store.WithTx(s.ctx, s.db, func(tx *sqlx.Tx) error {
		var title string
		if err := sqlx.GetContext(s.ctx, tx, &title, `SELECT title FROM sessions WHERE id = ?`, in.SessionID); err != nil {
			return store.Map(err, fmt.Sprintf("session %d", in.SessionID))
		}
		var err error
		if id, err = store.NewID(s.ctx, tx); err != nil {
			return err
		}
		if _, err := tx.ExecContext(s.ctx, `INSERT INTO transcripts (id, session_id, file_name, format, imported_at)
			VALUES (?, ?, ?, ?, ?)`, id, in.SessionID, in.FileName, format, s.stamp()); err != nil {
			return store.Map(err, "transcript")
		}
		known, err := candidates(s.ctx, tx, in.SessionID)
		if err != nil {
			return err
		}
		// The lines take ids first, first+1, … in file order.
		first, err := store.NewIDs(s.ctx, tx, int64(len(lines)))
		if err != nil {
			return err
		}
		speakers := map[string]int64{}
		for i, l := range lines {
			sp, ok := speakers[l.Speaker]
			if !ok {
				if sp, err = store.NewID(s.ctx, tx); err != nil {
					return err
				}
				m := known.match(l.Speaker)
				_, err := tx.ExecContext(s.ctx, `INSERT INTO transcript_speakers (id, transcript_id, label, member_id, team)
					VALUES (?, ?, ?, ?, ?)`, sp, id, l.Speaker, store.NullZero(m.memberID), m.team)
				if err != nil {
					return store.Map(err, fmt.Sprintf("speaker %q", l.Speaker))
				}
				speakers[l.Speaker] = sp
			}
			if _, err := tx.ExecContext(s.ctx, `INSERT INTO transcript_lines
				(id, transcript_id, speaker_id, position, start_ms, end_ms, text) VALUES (?, ?, ?, ?, ?, ?, ?)`,
				first+int64(i), id, sp, i+1, l.Start.Milliseconds(), l.End.Milliseconds(), l.Text); err != nil {
				return store.Map(err, fmt.Sprintf("line %d", i+1))
			}
		}
		return nil
	})
	if err != nil {
		return Transcript{}, fmt.Errorf("import transcript %s: %w", in.FileName, err)
	}
	return s.Get(id)
}

// checkLines bounds what a file may hold, naming the first line too long.
func checkLines(lines []parsedLine) error {
	if len(lines) > maxLines {
		return fmt.Errorf("the file holds %d lines; a transcript can have up to %d", len(lines), maxLines)
	}
	for _, l := range lines {
		if len(l.Text) > maxLineText {
			return fmt.Errorf("the line at %s is %d characters long; a line can be up to %d", clock(l.Start), len(l.Text), maxLineText)
		}
		if len(l.Speaker) > maxLabel {
			return fmt.Errorf("the speaker name at %s is longer than %d characters", clock(l.Start), maxLabel)
		}
	}
	return nil
}

// List returns a session's transcripts, oldest first.
func (s *Transcripts) List(sessionID int64) ([]Summary, error) {
	out := []Summary{}
	err := sqlx.SelectContext(s.ctx, s.db, &out, summarySelect+` WHERE t.session_id = ? ORDER BY t.id`, sessionID)
	if err != nil {
		return nil, fmt.Errorf("transcripts of session %d: %w", sessionID, err)
	}
	return out, nil
}

const summarySelect = `SELECT t.id, t.session_id, t.file_name, t.format, t.imported_at,
	(SELECT count(*) FROM transcript_lines l WHERE l.transcript_id = t.id) AS line_count,
	(SELECT count(*) FROM transcript_lines l WHERE l.transcript_id = t.id AND l.entry_id IS NOT NULL) AS quoted,
	(SELECT count(*) FROM transcript_speakers sp WHERE sp.transcript_id = t.id AND sp.member_id IS NULL AND sp.team = 0) AS unmatched
	FROM transcripts t`

// Get returns a transcript with its speakers (and whether each matched
// participant holds a recording consent today) and its lines.
func (s *Transcripts) Get(id int64) (Transcript, error) {
	out, err := store.Read(s.ctx, s.db, func(q store.Queryer) (Transcript, error) {
		var t Transcript
		if err := sqlx.GetContext(s.ctx, q, &t.Summary, summarySelect+` WHERE t.id = ?`, id); err != nil {
			return t, store.Map(err, fmt.Sprintf("transcript %d", id))
		}
		t.Speakers, t.Lines = []Speaker{}, []Line{}
		if err := sqlx.SelectContext(s.ctx, q, &t.Speakers, speakerSelect+` WHERE sp.transcript_id = ? ORDER BY sp.id`,
			s.today(), id); err != nil {
			return t, fmt.Errorf("read speakers: %w", err)
		}
		err := sqlx.SelectContext(s.ctx, q, &t.Lines, lineSelect+` WHERE l.transcript_id = ? ORDER BY l.position`, id)
		if err != nil {
			return t, fmt.Errorf("read lines: %w", err)
		}
		return t, nil
	})
	if err != nil {
		return Transcript{}, fmt.Errorf("transcript %d: %w", id, err)
	}
	return out, nil
}

// lineSelect reads lines l with where each was quoted: its quote's
// activity, "the session" for a quote about the session as a whole, ""
// when not quoted.
const lineSelect = `SELECT l.id, l.position, l.speaker_id, l.start_ms, l.end_ms, l.text,
	coalesce(l.entry_id, 0) AS entry_id,
	CASE WHEN e.id IS NULL THEN '' ELSE coalesce(a.title, 'the session') END AS quoted_in
	FROM transcript_lines l LEFT JOIN entries e ON e.id = l.entry_id LEFT JOIN activities a ON a.id = e.activity_id`

// speakerSelect reads speakers sp; its first parameter is today's date.
const speakerSelect = `SELECT sp.id, sp.label, coalesce(sp.member_id, 0) AS member_id, coalesce(m.name, '') AS member,
	sp.team, coalesce(` + board.CanRecordSQL + `, 0) AS recording,
	(SELECT count(*) FROM transcript_lines l WHERE l.speaker_id = sp.id) AS lines
	FROM transcript_speakers sp LEFT JOIN members m ON m.id = sp.member_id`

// MatchSpeaker matches a speaker to a participant of the transcript's
// session, marks them as the team, or unmatches them, and returns the
// speaker with their consent. Quotes already made keep their attribution.
func (s *Transcripts) MatchSpeaker(in SpeakerInput) (Speaker, error) {
	var out Speaker
	err := store.WithTx(s.ctx, s.db, func(tx *sqlx.Tx) error {
		var sp struct {
			SessionID int64  `db:"session_id"`
			Label     string `db:"label"`
		}
		err := sqlx.GetContext(s.ctx, tx, &sp, `SELECT t.session_id, sp.label FROM transcript_speakers sp
			JOIN transcripts t ON t.id = sp.transcript_id WHERE sp.id = ?`, in.SpeakerID)
		if err != nil {
			return store.Map(err, fmt.Sprintf("speaker %d", in.SpeakerID))
		}
		if in.MemberID != 0 {
			if in.Team {
				return store.InvalidFields([]store.Problem{{Field: "team",
					Message: "a speaker matched to a participant cannot also be the team"}})
			}
			if err := checkParticipant(s.ctx, tx, sp.SessionID, in.MemberID); err != nil {
				return err
			}
		}
		if err := store.ExecOne(s.ctx, tx, fmt.Sprintf("speaker %d", in.SpeakerID), `UPDATE transcript_speakers
			SET member_id = ?, team = ? WHERE id = ?`, store.NullZero(in.MemberID), in.Team, in.SpeakerID); err != nil {
			return err
		}
		return sqlx.GetContext(s.ctx, tx, &out, speakerSelect+` WHERE sp.id = ?`, s.today(), in.SpeakerID)
	})
	if err != nil {
		return Speaker{}, fmt.Errorf("match speaker %d: %w", in.SpeakerID, err)
	}
	return out, nil
}

// checkParticipant refuses a member who is not a participant of the session.
func checkParticipant(ctx context.Context, tx *sqlx.Tx, sessionID, memberID int64) error {
	var m struct {
		Name string `db:"name"`
		In   bool   `db:"participates"`
	}
	err := sqlx.GetContext(ctx, tx, &m, `SELECT name, EXISTS (SELECT 1 FROM participants
		WHERE session_id = ? AND member_id = members.id) AS participates FROM members WHERE id = ?`, sessionID, memberID)
	if err != nil {
		return store.Map(err, fmt.Sprintf("member %d", memberID))
	}
	if !m.In {
		return store.InvalidFields([]store.Problem{{Field: "memberId",
			Message: fmt.Sprintf("%s is not a participant of this session: add them on the session's plan first", m.Name)}})
	}
	return nil
}

// DropSpeaker deletes a speaker's lines from the transcript (someone who
// did not agree to be recorded, or small talk) and returns how many went.
// Quotes already made from them stay, as quotes typed by hand do.
func (s *Transcripts) DropSpeaker(speakerID int64) (int, error) {
	var n int
	err := store.WithTx(s.ctx, s.db, func(tx *sqlx.Tx) error {
		if err := sqlx.GetContext(s.ctx, tx, &n, `SELECT count(*) FROM transcript_lines WHERE speaker_id = ?`, speakerID); err != nil {
			return err
		}
		return store.ExecOne(s.ctx, tx, fmt.Sprintf("speaker %d", speakerID), `DELETE FROM transcript_speakers WHERE id = ?`, speakerID)
	})
	if err != nil {
		return 0, fmt.Errorf("drop the lines of speaker %d: %w", speakerID, err)
	}
	return n, nil
}

// Delete removes a transcript; the quotes made from it stay.
func (s *Transcripts) Delete(id int64) error {
	if err := store.ExecOne(s.ctx, s.db, fmt.Sprintf("transcript %d", id), `DELETE FROM transcripts WHERE id = ?`, id); err != nil {
		return fmt.Errorf("delete transcript %d: %w", id, err)
	}
	return nil
}
