package privacy

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/jmoiron/sqlx"

	"soundingboard/backend/filename"
	"soundingboard/backend/store"
)

// exportLimits says what an export cannot contain, in the file itself.
const exportLimits = "This file holds every record stored about this person: the member record, tags, consents, " +
	"touchpoints, rewards, sessions, what they contributed to sessions (responses, quotes, ideas, votes, answers …), " +
	"the lines of session transcripts matched to them " +
	"and reminders that name them. Free text the team wrote " +
	"elsewhere (another member's notes, session agendas, decisions, quotes attributed to others) is not " +
	"searched for mentions of this person and is not included."

// ExportPerson gathers everything stored about one member into a JSON file
// (their right of access and to portability). Archived members can be
// exported too.
func (s *Service) ExportPerson(memberID int64) (ExportFile, error) {
	p, err := s.person(s.ctx, s.db, memberID)
	if err != nil {
		return ExportFile{}, fmt.Errorf("export member %d: %w", memberID, err)
	}
	b, err := json.MarshalIndent(p, "", "  ")
	if err != nil {
		return ExportFile{}, fmt.Errorf("export member %d: %w", memberID, err)
	}
	return ExportFile{
		FileName: fileName(p.Member.Name, memberID),
		MimeType: "application/json",
		Content:  string(b) + "\n",
	}, nil
}

// fileName is a portable file name for a person's export, with their
// name in its own script (member-7-李雷-data.json).
func fileName(name string, id int64) string {
	slug := filename.Slug(80, name) // bytes: 26 Thai or Devanagari characters
	if slug == "" {
		return fmt.Sprintf("member-%d-data.json", id)
	}
	return fmt.Sprintf("member-%d-%s-data.json", id, slug)
}

// person reads everything about a member through q, which may be a
// transaction (erasure reads before it deletes).
func (s *Service) person(ctx context.Context, q store.Queryer, id int64) (PersonExport, error) {
	p := PersonExport{Format: ExportFormat, ExportedAt: s.stamp(), Limitations: exportLimits}
	err := sqlx.GetContext(ctx, q, &p.Member, `SELECT m.id, m.name, coalesce(m.email, '') AS email, m.phone,
		m.company, m.role, coalesce(g.name, '') AS segment, m.persona, m.timezone, m.status,
		coalesce(m.joined_on, '') AS joined_on, m.source, m.notes, m.usage_frequency,
		coalesce(m.articulation, 0) AS articulation, m.tone,
		coalesce(m.contact_cadence_days, 0) AS contact_cadence_days,
		coalesce(m.archived_at, '') AS archived_at, m.created_at, m.updated_at
		FROM members m LEFT JOIN segments g ON g.id = m.segment_id WHERE m.id = ?`, id)
	if err != nil {
		return PersonExport{}, store.Map(err, fmt.Sprintf("member %d", id))
	}
	if p.SchemaVersion, err = store.Version(ctx, q); err != nil {
		return PersonExport{}, fmt.Errorf("schema version: %w", err)
	}
	p.Tags, p.Consents, p.Touchpoints, p.Rewards = []string{}, []ConsentRecord{}, []Touchpoint{}, []Reward{}
	p.Sessions, p.Entries, p.Transcripts, p.Reminders = []Participation{}, []Entry{}, []SpokenLine{}, []Reminder{}
	parts := []struct {
		what  string
		dest  any
		query string
	}{
		{"tags", &p.Tags, `SELECT t.name FROM member_tags mt JOIN tags t ON t.id = mt.tag_id
			WHERE mt.member_id = ? ORDER BY t.name COLLATE NOCASE`},
		{"consents", &p.Consents, `SELECT kind, granted_on, coalesce(expires_on, '') AS expires_on,
			coalesce(revoked_on, '') AS revoked_on, note, source FROM consents WHERE member_id = ? ORDER BY kind`},
		{"touchpoints", &p.Touchpoints, `SELECT id, kind, happened_on, summary, created_at
			FROM touchpoints WHERE member_id = ? ORDER BY happened_on, id`},
		{"rewards", &p.Rewards, `SELECT r.id, r.what, r.value_cents, r.currency, r.status, coalesce(r.given_on, '') AS given_on,
			coalesce(se.title, '') AS session, r.note, r.created_at
			FROM rewards r LEFT JOIN sessions se ON se.id = r.session_id WHERE r.member_id = ? ORDER BY r.given_on, r.id`},
		{"sessions", &p.Sessions, `SELECT se.id AS session_id, se.title, se.format,
			coalesce(se.scheduled_on, '') AS scheduled_on, pa.state
			FROM participants pa JOIN sessions se ON se.id = pa.session_id
			WHERE pa.member_id = ? ORDER BY coalesce(se.scheduled_on, ''), se.id`},
		{"entries", &p.Entries, `SELECT e.id, e.session_id, se.title AS session, coalesce(ac.title, '') AS activity,
			CASE WHEN a.id IS NOT NULL THEN 'We believe ' || a.customers || ' will ' || a.behavior || ' because ' || a.reason
				ELSE coalesce(it.text, '') END AS item,
			coalesce(va.text, '') AS variant, e.kind, e.text, e.value, e.created_at, e.updated_at
			FROM entries e JOIN sessions se ON se.id = e.session_id
			LEFT JOIN activities ac ON ac.id = e.activity_id
			LEFT JOIN activity_items it ON it.id = e.item_id LEFT JOIN assumptions a ON a.id = it.assumption_id
			LEFT JOIN activity_items va ON va.id = e.variant_id
			WHERE e.member_id = ? ORDER BY e.session_id, e.id`},
		{"transcripts", &p.Transcripts, `SELECT t.session_id, se.title AS session, t.file_name AS file,
			sp.label AS speaker, l.start_ms, l.end_ms, l.text
			FROM transcript_speakers sp JOIN transcripts t ON t.id = sp.transcript_id
			JOIN sessions se ON se.id = t.session_id JOIN transcript_lines l ON l.speaker_id = sp.id
			WHERE sp.member_id = ? ORDER BY t.session_id, t.id, l.position`},
		{"reminders", &p.Reminders, `SELECT id, title, body, kind, channel, due_at,
			coalesce(done_at, '') AS done_at, outcome FROM reminders WHERE member_id = ? ORDER BY due_utc, id`},
	}
	for _, part := range parts {
		if err := sqlx.SelectContext(ctx, q, part.dest, part.query, id); err != nil {
			return PersonExport{}, fmt.Errorf("read %s: %w", part.what, err)
		}
	}
	return p, nil
}
