package board

// Writing members.
//
// Every write of a member goes through a memberWriter, made per transaction
// with newMemberWriter(tx, now). It resolves segment and tag names to ids
// (creating missing ones; matching case-insensitively, Unicode-aware) and
// caches them for the life of the transaction, and it prepares its INSERTs
// once, so the importer can write 10,000 rows in one transaction quickly:
//
//	err := store.WithTx(ctx, db, func(tx *sqlx.Tx) error {
//		w := newMemberWriter(tx, now)
//		for _, in := range rows { // each already passed in.Validate()
//			if _, err := w.insert(ctx, in); err != nil { return err }
//		}
//		// w.segmentsCreated and w.tagsCreated count what was created on the way
//		return nil
//	})
//
// insertMember(ctx, tx, in, now) is the one-row shorthand. The input must
// have passed MemberInput.Validate; the writer does not validate again
// (in.normalize() + in.problems() give the per-field sentences, for a
// preview). A duplicate email becomes store.Conflict naming the email and
// who has it (also when that member is archived).

import (
	"context"
	"fmt"
	"strings"

	"github.com/jmoiron/sqlx"

	"soundingboard/backend/store"
)

// heldConsent is the condition on consents c that member m holds one of
// kind k: neither revoked nor expired on the date given as its one
// parameter. Consent.valid is the same rule in Go.
const heldConsent = `c.member_id = m.id AND c.revoked_on IS NULL AND (c.expires_on IS NULL OR c.expires_on >= ?)`

// CanContactSQL is true when member m may be contacted: a held contact
// consent and a status that does not forbid it. Its one parameter is
// today's date. Every package that decides who may be contacted (sessions'
// participant picker, the loop's outreach) uses it, so the rule is written
// once.
const CanContactSQL = `(m.status NOT IN ('opted_out', 'declined') AND EXISTS (
	SELECT 1 FROM consents c WHERE c.kind = 'contact' AND ` + heldConsent + `))`

// CanQuoteSQL is true when member m may be quoted by name: a held quoting
// consent. Its one parameter is today's date.
const CanQuoteSQL = `EXISTS (SELECT 1 FROM consents c WHERE c.kind = 'quoting' AND ` + heldConsent + `)`

// CanRecordSQL is true when member m may be recorded (and a recording of
// them quoted): a held recording consent. Its one parameter is today's
// date.
const CanRecordSQL = `EXISTS (SELECT 1 FROM consents c WHERE c.kind = 'recording' AND ` + heldConsent + `)`

// LastContactedSQL is the date of member m's latest real contact (notes do
// not count), or ”.
const LastContactedSQL = `coalesce((SELECT max(t.happened_on) FROM touchpoints t
	WHERE t.member_id = m.id AND t.kind <> 'note'), '')`

// memberSelect reads members as the board shows them, from members m and
// segments g. Its one parameter is today's date (for can_contact).
const memberSelect = `SELECT m.id, m.name, coalesce(m.email, '') AS email, m.phone, m.company, m.role,
	coalesce(m.segment_id, 0) AS segment_id, coalesce(g.name, '') AS segment,
	m.persona, m.timezone, m.status, coalesce(m.joined_on, '') AS joined_on, m.source, m.notes,
	m.usage_frequency, coalesce(m.articulation, 0) AS articulation, m.tone,
	coalesce(m.contact_cadence_days, 0) AS contact_cadence_days,
	` + LastContactedSQL + ` AS last_contacted,
	` + CanContactSQL + ` AS can_contact,
	m.archived_at IS NOT NULL AS archived, m.created_at, m.updated_at
FROM members m LEFT JOIN segments g ON g.id = m.segment_id`

// getMember reads one member with its tags.
func getMember(ctx context.Context, q store.Queryer, id int64, today string) (Member, error) {
	var m Member
	err := sqlx.GetContext(ctx, q, &m, memberSelect+` WHERE m.id = ?`, today, id)
	if err != nil {
		return Member{}, store.Map(err, fmt.Sprintf("member %d", id))
	}
	ms := []Member{m}
	if err := loadTags(ctx, q, ms); err != nil {
		return Member{}, err
	}
	return ms[0], nil
}

// CreateMember validates and adds a member.
func (s *Service) CreateMember(in MemberInput) (Member, error) {
	if err := in.Validate(); err != nil {
		return Member{}, fmt.Errorf("create member: %w", err)
	}
	var m Member
	err := store.WithTx(s.ctx, s.db, func(tx *sqlx.Tx) error {
		id, err := insertMember(s.ctx, tx, in, s.stamp())
		if err != nil {
			return err
		}
		m, err = getMember(s.ctx, tx, id, s.today())
		return err
	})
	if err != nil {
		return Member{}, fmt.Errorf("create member: %w", err)
	}
	return m, nil
}

// UpdateMember validates and replaces a member's fields.
func (s *Service) UpdateMember(id int64, in MemberInput) (Member, error) {
	if err := in.Validate(); err != nil {
		return Member{}, fmt.Errorf("update member %d: %w", id, err)
	}
	var m Member
	err := store.WithTx(s.ctx, s.db, func(tx *sqlx.Tx) error {
		w := newMemberWriter(tx, s.stamp())
		if err := w.update(s.ctx, id, in); err != nil {
			return err
		}
		if err := w.setTags(s.ctx, id, in.Tags, true); err != nil {
			return err
		}
		var err error
		m, err = getMember(s.ctx, tx, id, s.today())
		return err
	})
	if err != nil {
		return Member{}, fmt.Errorf("update member %d: %w", id, err)
	}
	return m, nil
}

// ArchiveMember hides a member from the board; reversible.
func (s *Service) ArchiveMember(id int64) (Member, error) {
	m, err := s.setArchived(id, true)
	if err != nil {
		return Member{}, fmt.Errorf("archive member %d: %w", id, err)
	}
	return m, nil
}

// RestoreMember brings an archived member back.
func (s *Service) RestoreMember(id int64) (Member, error) {
	m, err := s.setArchived(id, false)
	if err != nil {
		return Member{}, fmt.Errorf("restore member %d: %w", id, err)
	}
	return m, nil
}

func (s *Service) setArchived(id int64, archive bool) (Member, error) {
	var m Member
	err := store.WithTx(s.ctx, s.db, func(tx *sqlx.Tx) error {
		var cur struct {
			Name     string `db:"name"`
			Archived bool   `db:"archived"`
		}
		err := sqlx.GetContext(s.ctx, tx, &cur,
			`SELECT name, archived_at IS NOT NULL AS archived FROM members WHERE id = ?`, id)
		if err != nil {
			return store.Map(err, fmt.Sprintf("member %d", id))
		}
		switch {
		case archive && cur.Archived:
			return store.Invalid("%s is already archived", cur.Name)
		case !archive && !cur.Archived:
			return store.Invalid("%s is not archived", cur.Name)
		}
		var archivedAt any
		if archive {
			archivedAt = s.stamp()
		}
		if _, err := tx.ExecContext(s.ctx, `UPDATE members SET archived_at = ?, updated_at = ? WHERE id = ?`,
			archivedAt, s.stamp(), id); err != nil {
			return err
		}
		m, err = getMember(s.ctx, tx, id, s.today())
		return err
	})
	return m, err
}

// GetMember returns a member with consents, timeline and rewards.
func (s *Service) GetMember(id int64) (MemberDetail, error) {
	today := s.today()
	// One snapshot: the member, their consents and timeline agree.
	return store.Read(s.ctx, s.db, func(q store.Queryer) (MemberDetail, error) {
		m, err := getMember(s.ctx, q, id, today)
		if err != nil {
			return MemberDetail{}, fmt.Errorf("get member %d: %w", id, err)
		}
		d := MemberDetail{Member: m}
		if d.Consents, err = consentsOf(s.ctx, q, id, today); err != nil {
			return MemberDetail{}, fmt.Errorf("get member %d: consents: %w", id, err)
		}
		if d.Timeline, d.Rewards, err = timelineOf(s.ctx, q, id); err != nil {
			return MemberDetail{}, fmt.Errorf("get member %d: timeline: %w", id, err)
		}
		return d, nil
	})
}

// memberExists returns NotFound when there is no member id.
func memberExists(ctx context.Context, q store.Queryer, id int64) error {
	var n int
	err := sqlx.GetContext(ctx, q, &n, `SELECT count(*) FROM members WHERE id = ?`, id)
	if err != nil {
		return err
	}
	if n == 0 {
		return store.NotFound("member %d not found", id)
	}
	return nil
}

// memberWriter writes validated members inside one transaction, caching
// segment and tag ids by folded name. See the top of this file.
type memberWriter struct {
	tx       *sqlx.Tx
	now      string           // RFC 3339 stamp for created_at / updated_at
	segments map[string]int64 // fold(name) -> id; loaded on first use
	tags     map[string]int64 // fold(name) -> id; loaded on first use

	insertStmt *sqlx.Stmt
	updateStmt *sqlx.Stmt
	tagStmt    *sqlx.Stmt

	nextID   int64 // the next id reserved for a new member (see reserve)
	reserved int64 // how many are left

	segmentsCreated int
	tagsCreated     int
}

func newMemberWriter(tx *sqlx.Tx, now string) *memberWriter {
	return &memberWriter{tx: tx, now: now}
}

// insertMember inserts one validated member; see memberWriter.insert.
func insertMember(ctx context.Context, tx *sqlx.Tx, in MemberInput, now string) (int64, error) {
	return newMemberWriter(tx, now).insert(ctx, in)
}

// insert adds one member (which must have passed Validate) with its segment
// and tags, and returns its id.
func (w *memberWriter) insert(ctx context.Context, in MemberInput) (int64, error) {
	segID, err := w.segmentID(ctx, in.Segment)
	if err != nil {
		return 0, err
	}
	if w.insertStmt == nil {
		// Statements prepared on a transaction close with it.
		w.insertStmt, err = w.tx.PreparexContext(ctx, `INSERT INTO members (id, name, email, phone, company,
			role, segment_id, persona, timezone, status, joined_on, source, notes, usage_frequency,
			articulation, tone, contact_cadence_days, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
		if err != nil {
			return 0, err
		}
	}
	id, err := w.newID(ctx)
	if err != nil {
		return 0, err
	}
	_, err = w.insertStmt.ExecContext(ctx, id, in.Name, nullString(in.Email), in.Phone, in.Company,
		in.Role, store.NullZero(segID), in.Persona, in.Timezone, in.Status, nullString(in.JoinedOn), in.Source,
		in.Notes, in.UsageFrequency, store.NullZero(int64(in.Articulation)), in.Tone,
		store.NullZero(int64(in.CadenceDays)), w.now, w.now)
	if err != nil {
		return 0, w.mapMemberErr(ctx, err, in)
	}
	if err := w.setTags(ctx, id, in.Tags, false); err != nil {
		return 0, err
	}
	return id, nil
}

// reserve takes the ids of the next n members this writer inserts in one
// store.NewIDs call. Taken one by one, each id is a statement of its own,
// and FTS5 flushes the search index's pending terms at every statement:
// that made a 10,000-row import take half as long again.
func (w *memberWriter) reserve(ctx context.Context, n int) error {
	if n == 0 {
		return nil
	}
	first, err := store.NewIDs(ctx, w.tx, int64(n))
	if err != nil {
		return err
	}
	w.nextID, w.reserved = first, int64(n)
	return nil
}

// newID is the id of the next new member: a reserved one while any is
// left, else the counter's next.
func (w *memberWriter) newID(ctx context.Context) (int64, error) {
	if w.reserved == 0 {
		return store.NewID(ctx, w.tx)
	}
	id := w.nextID
	w.nextID++
	w.reserved--
	return id, nil
}

// update replaces the fields of member id (not its tags) with in, which
// must have passed Validate.
func (w *memberWriter) update(ctx context.Context, id int64, in MemberInput) error {
	segID, err := w.segmentID(ctx, in.Segment)
	if err != nil {
		return err
	}
	if w.updateStmt == nil {
		w.updateStmt, err = w.tx.PreparexContext(ctx, `UPDATE members SET name = ?, email = ?, phone = ?,
			company = ?, role = ?, segment_id = ?, persona = ?, timezone = ?, status = ?, joined_on = ?,
			source = ?, notes = ?, usage_frequency = ?, articulation = ?, tone = ?, contact_cadence_days = ?,
			updated_at = ?
			WHERE id = ?`)
		if err != nil {
			return err
		}
	}
	res, err := w.updateStmt.ExecContext(ctx,
		in.Name, nullString(in.Email), in.Phone, in.Company, in.Role, store.NullZero(segID), in.Persona,
		in.Timezone, in.Status, nullString(in.JoinedOn), in.Source, in.Notes, in.UsageFrequency,
		store.NullZero(int64(in.Articulation)), in.Tone, store.NullZero(int64(in.CadenceDays)), w.now, id)
	if err != nil {
		return w.mapMemberErr(ctx, err, in)
	}
	if n, err := res.RowsAffected(); err != nil {
		return err
	} else if n == 0 {
		return store.NotFound("member %d not found", id)
	}
	return nil
}

// mapMemberErr turns a failed member write into a domain error; a taken
// email names who has it.
func (w *memberWriter) mapMemberErr(ctx context.Context, err error, in MemberInput) error {
	if in.Email != "" && strings.Contains(err.Error(), "UNIQUE constraint failed") {
		var holder struct {
			Name     string `db:"name"`
			Archived bool   `db:"archived"`
		}
		qerr := sqlx.GetContext(ctx, w.tx, &holder,
			`SELECT name, archived_at IS NOT NULL AS archived FROM members WHERE email = ?`, in.Email)
		if qerr == nil {
			if holder.Archived {
				return store.ConflictAt("email", "email %s is already used by %s (archived)", in.Email, holder.Name)
			}
			return store.ConflictAt("email", "email %s is already used by %s", in.Email, holder.Name)
		}
	}
	return store.Map(err, fmt.Sprintf("member %q", in.Name))
}

// segmentID resolves a segment name to its id, creating the segment when
// missing; "" is no segment (0).
func (w *memberWriter) segmentID(ctx context.Context, name string) (int64, error) {
	if name == "" {
		return 0, nil
	}
	if w.segments == nil {
		m, err := nameIDs(ctx, w.tx, `SELECT id, name FROM segments`)
		if err != nil {
			return 0, fmt.Errorf("segments: %w", err)
		}
		w.segments = m
	}
	if id, ok := w.segments[fold(name)]; ok {
		return id, nil
	}
	id, err := store.NewID(ctx, w.tx)
	if err != nil {
		return 0, err
	}
	if _, err := w.tx.ExecContext(ctx, `INSERT INTO segments (id, name, created_at) VALUES (?, ?, ?)`, id, name, w.now); err != nil {
		return 0, store.Map(err, fmt.Sprintf("segment %q", name))
	}
	w.segments[fold(name)] = id
	w.segmentsCreated++
	return id, nil
}

// tagID resolves a tag name to its id, creating the tag when missing.
func (w *memberWriter) tagID(ctx context.Context, name string) (int64, error) {
	if w.tags == nil {
		m, err := nameIDs(ctx, w.tx, `SELECT id, name FROM tags`)
		if err != nil {
			return 0, fmt.Errorf("tags: %w", err)
		}
		w.tags = m
	}
	if id, ok := w.tags[fold(name)]; ok {
		return id, nil
	}
	id, err := store.NewID(ctx, w.tx)
	if err != nil {
		return 0, err
	}
	if _, err := w.tx.ExecContext(ctx, `INSERT INTO tags (id, name) VALUES (?, ?)`, id, name); err != nil {
		return 0, store.Map(err, fmt.Sprintf("tag %q", name))
	}
	w.tags[fold(name)] = id
	w.tagsCreated++
	return id, nil
}

// setTags gives a member exactly these tags (replace) or adds them.
func (w *memberWriter) setTags(ctx context.Context, memberID int64, tags []string, replace bool) error {
	if replace {
		if _, err := w.tx.ExecContext(ctx, `DELETE FROM member_tags WHERE member_id = ?`, memberID); err != nil {
			return fmt.Errorf("tags: %w", err)
		}
	}
	if len(tags) == 0 {
		return nil
	}
	ids := make([]int64, 0, len(tags))
	for _, t := range tags {
		id, err := w.tagID(ctx, t)
		if err != nil {
			return err
		}
		ids = append(ids, id)
	}
	// One statement for all tags: FTS5 flushes its pending index at each
	// statement that writes it through a trigger, so fewer statements mean
	// fewer flushes during an import.
	if w.tagStmt == nil {
		var err error
		w.tagStmt, err = w.tx.PreparexContext(ctx, `INSERT OR IGNORE INTO member_tags (member_id, tag_id)
			SELECT ?, value FROM json_each(?)`)
		if err != nil {
			return err
		}
	}
	if _, err := w.tagStmt.ExecContext(ctx, memberID, jsonIDs(ids)); err != nil {
		return fmt.Errorf("tags %q: %w", tags, err)
	}
	return nil
}

// nameIDs reads an (id, name) query into a map keyed by fold(name).
func nameIDs(ctx context.Context, q store.Queryer, query string) (map[string]int64, error) {
	var rows []struct {
		ID   int64  `db:"id"`
		Name string `db:"name"`
	}
	if err := sqlx.SelectContext(ctx, q, &rows, query); err != nil {
		return nil, err
	}
	m := make(map[string]int64, len(rows))
	for _, r := range rows {
		if _, dup := m[fold(r.Name)]; !dup {
			m[fold(r.Name)] = r.ID
		}
	}
	return m, nil
}

// nullString stores "" as NULL (unknown email, no join date, …).
func nullString(s string) any {
	if s == "" {
		return nil
	}
	return s
}
