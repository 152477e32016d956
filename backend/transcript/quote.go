package transcript

import (
	"fmt"
	"slices"
	"strings"

	"github.com/jmoiron/sqlx"

	"soundingboard/backend/activity"
	"soundingboard/backend/board"
	"soundingboard/backend/store"
)

// maxQuoteLines bounds how many lines one quote may join: a quote is a
// few sentences, not a monologue.
const maxQuoteLines = 20

// quotedLine is a line about to be quoted, with its speaker and session.
type quotedLine struct {
	ID           int64  `db:"id"`
	TranscriptID int64  `db:"transcript_id"`
	SessionID    int64  `db:"session_id"`
	Position     int    `db:"position"`
	Text         string `db:"text"`
	EntryID      int64  `db:"entry_id"`
	SpeakerID    int64  `db:"speaker_id"`
	Label        string `db:"label"`
	MemberID     int64  `db:"member_id"`
	Member       string `db:"member"`
	Team         bool   `db:"team"`
	Recording    bool   `db:"recording"`
}

// QuoteLines turns lines of one speaker into one attributed quote on an
// activity of the session, and returns those lines, now quoted. It refuses
// lines of a speaker not matched to a participant, of the team, or of a
// participant who holds no recording consent today; and lines already
// quoted (delete that quote first to quote them again).
func (s *Transcripts) QuoteLines(in QuoteInput) ([]Line, error) {
	if len(in.LineIDs) == 0 || len(in.LineIDs) > maxQuoteLines {
		return nil, fmt.Errorf("quote lines: %w", store.InvalidFields([]store.Problem{{Field: "lineIds",
			Message: fmt.Sprintf("choose between 1 and %d lines to quote (got %d)", maxQuoteLines, len(in.LineIDs))}}))
	}
	var out []Line
	err := store.WithTx(s.ctx, s.db, func(tx *sqlx.Tx) error {
		lines, err := s.linesToQuote(tx, in.LineIDs)
		if err != nil {
			return err
		}
		first := lines[0]
		if err := quotable(first); err != nil {
			return err
		}
		for _, l := range lines {
			if l.TranscriptID != first.TranscriptID || l.SpeakerID != first.SpeakerID {
				return store.InvalidFields([]store.Problem{{Field: "lineIds",
					Message: "a quote is what one speaker said: choose lines of one speaker in one transcript"}})
			}
			if l.EntryID != 0 {
				return store.InvalidFields([]store.Problem{{Field: "lineIds",
					Message: fmt.Sprintf("line %d is already quoted: delete that quote to quote it again", l.Position)}})
			}
		}
		text := strings.TrimSpace(in.Text)
		if text == "" {
			parts := make([]string, len(lines))
			for i, l := range lines {
				parts[i] = l.Text
			}
			text = strings.Join(parts, " ")
		}
		// An ordinary quote entry: activity checks it as every entry.
		e := activity.EntryInput{SessionID: first.SessionID, ActivityID: in.ActivityID, ItemID: in.ItemID,
			MemberID: first.MemberID, Kind: activity.EntryQuote, Text: text}
		id, err := activity.SaveEntryTx(s.ctx, tx, &e, s.stamp())
		if err != nil {
			return err
		}
		q, args, err := sqlx.In(`UPDATE transcript_lines SET entry_id = ? WHERE id IN (?)`, id, in.LineIDs)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(s.ctx, q, args...); err != nil {
			return fmt.Errorf("mark lines quoted: %w", err)
		}
		q, args, err = sqlx.In(lineSelect+` WHERE l.id IN (?) ORDER BY l.position`, in.LineIDs)
		if err != nil {
			return err
		}
		return sqlx.SelectContext(s.ctx, tx, &out, q, args...)
	})
	if err != nil {
		return nil, fmt.Errorf("quote lines: %w", err)
	}
	return out, nil
}

// linesToQuote reads the lines, in the transcript's order; an id that is
// not a line is NotFound.
func (s *Transcripts) linesToQuote(tx *sqlx.Tx, ids []int64) ([]quotedLine, error) {
	q, args, err := sqlx.In(`SELECT l.id, l.transcript_id, t.session_id, l.position, l.text,
		coalesce(l.entry_id, 0) AS entry_id, l.speaker_id, sp.label, coalesce(sp.member_id, 0) AS member_id,
		coalesce(m.name, '') AS member, sp.team, coalesce(`+board.CanRecordSQL+`, 0) AS recording
		FROM transcript_lines l JOIN transcripts t ON t.id = l.transcript_id
		JOIN transcript_speakers sp ON sp.id = l.speaker_id LEFT JOIN members m ON m.id = sp.member_id
		WHERE l.id IN (?) ORDER BY l.transcript_id, l.position`, s.today(), ids)
	if err != nil {
		return nil, err
	}
	var lines []quotedLine
	if err := sqlx.SelectContext(s.ctx, tx, &lines, q, args...); err != nil {
		return nil, fmt.Errorf("read lines: %w", err)
	}
	for _, id := range ids {
		if !slices.ContainsFunc(lines, func(l quotedLine) bool { return l.ID == id }) {
			return nil, store.NotFound("transcript line %d not found", id)
		}
	}
	return lines, nil
}

// quotable says why a speaker's lines cannot be quoted, if they cannot.
func quotable(l quotedLine) error {
	label := l.Label
	if label == "" {
		label = "the lines with no speaker named"
	}
	problem := ""
	switch {
	case l.Team:
		problem = fmt.Sprintf("%s is the team, not a customer: what the team said is not quoted as evidence", label)
	case l.MemberID == 0:
		problem = fmt.Sprintf("match speaker %q to a participant first: a quote is attributed to the person who said it", label)
	case !l.Recording:
		problem = fmt.Sprintf("%s has no recording consent on record: record it on their board page before quoting the recording", l.Member)
	}
	if problem == "" {
		return nil
	}
	return store.InvalidFields([]store.Problem{{Field: "lineIds", Message: problem}})
}
