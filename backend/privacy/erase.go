package privacy

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"strings"

	"github.com/jmoiron/sqlx"

	"soundingboard/backend/board"
	"soundingboard/backend/changelog"
	"soundingboard/backend/store"
)

// ErasePerson removes a member and what identifies them (right to
// erasure): the member row, tag links, consents, touchpoints, rewards,
// reminders naming them and their session participation. What they said
// stays as anonymous text: responses and quotes lose their link to the
// person, and quotes read "Former board member". An entry with no personal
// data goes into the erasure log.
//
// confirmName must be the member's name as stored (surrounding blanks
// aside), so a slip of the mouse cannot erase the wrong person. Archiving
// stays the everyday way to take someone off the board; this cannot be undone.
//
// Limits: free text typed elsewhere (notes about other members, quote and
// response text, session agendas) is kept as typed even if it mentions the
// person; backups made before the erasure still hold them until rotated out.
// Salted fingerprints of the email and of the name with the company stay,
// so an import does not bring the person back (see board.RecordErased).
func (s *Service) ErasePerson(memberID int64, confirmName string) (Erasure, error) {
	ref, err := newReference()
	if err != nil {
		return Erasure{}, fmt.Errorf("erase member %d: %w", memberID, err)
	}
	e := Erasure{Reference: ref, ErasedAt: s.stamp()}
	err = store.WithTx(s.ctx, s.db, func(tx *sqlx.Tx) error {
		var name string
		if err := sqlx.GetContext(s.ctx, tx, &name, `SELECT name FROM members WHERE id = ?`, memberID); err != nil {
			return store.Map(err, fmt.Sprintf("member %d", memberID))
		}
		if strings.TrimSpace(confirmName) == "" {
			return store.Invalid("type the member's full name to confirm the erasure")
		}
		if strings.TrimSpace(confirmName) != strings.TrimSpace(name) {
			return store.Invalid("the name typed does not match this member's name; nothing was erased")
		}
		// Fingerprints only, so a later import refuses the person (board.RecordErased).
		if err := board.RecordErased(s.ctx, tx, memberID, e.Reference, e.ErasedAt); err != nil {
			return err
		}
		// Overwrite freed pages so the erased text does not linger in the file.
		if _, err := tx.ExecContext(s.ctx, `PRAGMA secure_delete = ON`); err != nil {
			return err
		}
		var speakers int
		steps := []struct {
			n     *int
			query string
		}{
			{&e.Tags, `DELETE FROM member_tags WHERE member_id = ?`},
			{&e.Consents, `DELETE FROM consents WHERE member_id = ?`},
			{&e.Reminders, `DELETE FROM reminders WHERE member_id = ?`},
			{&e.Touchpoints, `DELETE FROM touchpoints WHERE member_id = ?`},
			{&e.Rewards, `DELETE FROM rewards WHERE member_id = ?`},
			{&e.Participants, `DELETE FROM participants WHERE member_id = ?`},
			// What they said in a recording goes, and their name as its
			// speaker with it.
			{&e.TranscriptLines, `DELETE FROM transcript_lines WHERE speaker_id IN
				(SELECT id FROM transcript_speakers WHERE member_id = ?)`},
			{&speakers, `DELETE FROM transcript_speakers WHERE member_id = ?`},
			// Entries stay as anonymous text; the log counts quotes apart
			// from the rest (responses, ideas, votes …).
			{&e.Responses, `UPDATE entries SET member_id = NULL, former_member = 1 WHERE member_id = ? AND kind <> 'quote'`},
			{&e.Quotes, `UPDATE entries SET member_id = NULL, former_member = 1 WHERE member_id = ? AND kind = 'quote'`},
			{&e.Members, `DELETE FROM members WHERE id = ?`},
		}
		for _, st := range steps {
			res, err := tx.ExecContext(s.ctx, st.query, memberID)
			if err != nil {
				return store.Map(err, fmt.Sprintf("member %d", memberID))
			}
			n, err := res.RowsAffected()
			if err != nil {
				return err
			}
			*st.n = int(n)
		}
		// In a team, the deletion travels as an erasure, and the change log
		// (the record history) forgets the person and what was about them.
		if _, err := changelog.Erase(s.ctx, tx, "members", fmt.Sprintf("[%d]", memberID)); err != nil {
			return err
		}
		// Merge the full-text index so the deleted terms leave its segments.
		if _, err := tx.ExecContext(s.ctx, `INSERT INTO members_fts(members_fts) VALUES ('optimize')`); err != nil {
			return fmt.Errorf("optimize search index: %w", err)
		}
		id, err := store.NewID(s.ctx, tx)
		if err != nil {
			return err
		}
		row := struct {
			ID int64 `db:"id"`
			Erasure
		}{id, e}
		_, err = sqlx.NamedExecContext(s.ctx, tx, `INSERT INTO erasure_log (id, reference, erased_at, members, tags,
			consents, touchpoints, rewards, reminders, participants, responses, quotes, transcript_lines)
			VALUES (:id, :reference, :erased_at, :members, :tags, :consents, :touchpoints, :rewards, :reminders,
			:participants, :responses, :quotes, :transcript_lines)`, row)
		return err
	})
	// Leave the write connection as it was, whatever happened.
	shredErr := store.Shred(s.ctx, s.db)
	if err != nil {
		return Erasure{}, fmt.Errorf("erase member %d: %w", memberID, err)
	}
	if shredErr != nil {
		return Erasure{}, fmt.Errorf("erase member %d: erased as %s, then: %w", memberID, e.Reference, shredErr)
	}
	return e, nil
}

// ErasureLog lists past erasures, newest first.
func (s *Service) ErasureLog() ([]Erasure, error) {
	out := []Erasure{}
	if err := sqlx.SelectContext(s.ctx, s.db, &out, `SELECT reference, erased_at, members, tags, consents,
		touchpoints, rewards, reminders, participants, responses, quotes, transcript_lines
		FROM erasure_log ORDER BY erased_at DESC, id DESC`); err != nil {
		return nil, fmt.Errorf("erasure log: %w", err)
	}
	return out, nil
}

// newReference is a random id for the erasure log, unrelated to the person.
func newReference() (string, error) {
	b := make([]byte, 6)
	if _, err := rand.Read(b); err != nil {
		return "", err
	}
	return "ER-" + strings.ToUpper(hex.EncodeToString(b)), nil
}
