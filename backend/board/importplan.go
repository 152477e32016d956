package board

// Matching an import against the board.
//
// planImport decides what an import does with each row. A row whose email
// a member has is that member. Failing that, a row with a member's name
// and company may be that member: a person decides in the UI (Decisions);
// the command line takes it as new (NameMatches "new"). A row matching an
// erased person (erased.go) is refused. A matched member is skipped or,
// under Existing "update", merged with the row without losing what the
// team knows: a blank cell keeps the stored value, tags and notes are
// added to, and a consent in the file replaces a stored one only when the
// file's date is newer. Everything is read once into maps, so a 10,000-row
// file against a 10,000-member board stays linear.

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/jmoiron/sqlx"

	"soundingboard/backend/store"
)

// consentOp is one consent an import gives or withdraws.
type consentOp struct {
	kind  string
	given bool
	on    string
}

// memberUpdate is what an update writes: the member as it will be, and
// the tags it gains. A pointer in ImportRow, so rows that update nothing
// stay small in a 10,000-row preview.
type memberUpdate struct {
	merged  MemberInput
	addTags []string
}

// boardIndex is the board as an import matches against it.
type boardIndex struct {
	byEmail  map[string]*Member // emailKey -> member
	byPerson map[string]*Member // personKey -> member (the first, by id)
	byID     map[int64]*Member
	consents map[int64]map[string]Consent
	erased   erasedIndex
}

// importMemberSelect reads every member with what a merge compares.
const importMemberSelect = `SELECT m.id, m.name, coalesce(m.email, '') AS email, m.phone, m.company, m.role,
	coalesce(g.name, '') AS segment, m.persona, m.timezone, m.status, coalesce(m.joined_on, '') AS joined_on,
	m.source, m.notes, m.usage_frequency, coalesce(m.articulation, 0) AS articulation, m.tone,
	coalesce(m.contact_cadence_days, 0) AS contact_cadence_days, m.archived_at IS NOT NULL AS archived
FROM members m LEFT JOIN segments g ON g.id = m.segment_id ORDER BY m.id`

// loadBoard reads the board; tags and consents only when an update may
// need them.
func loadBoard(ctx context.Context, q store.Queryer, withDetail bool) (boardIndex, error) {
	var ms []Member
	if err := sqlx.SelectContext(ctx, q, &ms, importMemberSelect); err != nil {
		return boardIndex{}, fmt.Errorf("read members: %w", err)
	}
	x := boardIndex{byEmail: make(map[string]*Member, len(ms)), byPerson: make(map[string]*Member, len(ms)),
		byID: make(map[int64]*Member, len(ms)), consents: map[int64]map[string]Consent{}}
	if withDetail && len(ms) > 0 {
		if err := loadTags(ctx, q, ms); err != nil {
			return boardIndex{}, err
		}
		var cs []struct {
			MemberID int64 `db:"member_id"`
			Consent
		}
		if err := sqlx.SelectContext(ctx, q, &cs, `SELECT member_id, `+consentColumns+` FROM consents`); err != nil {
			return boardIndex{}, fmt.Errorf("read consents: %w", err)
		}
		for _, c := range cs {
			if x.consents[c.MemberID] == nil {
				x.consents[c.MemberID] = map[string]Consent{}
			}
			x.consents[c.MemberID][string(c.Kind)] = c.Consent
		}
	}
	for i := range ms {
		m := &ms[i]
		x.byID[m.ID] = m
		if m.Email != "" {
			x.byEmail[emailKey(m.Email)] = m
		}
		if k := personKey(m.Name, m.Company); x.byPerson[k] == nil {
			x.byPerson[k] = m
		}
	}
	var err error
	x.erased, err = loadErased(ctx, q)
	return x, err
}

// checkImportOptions refuses options the importer does not know.
func checkImportOptions(req ImportRequest) error {
	switch req.Existing {
	case ExistingRefuse, ExistingSkip, ExistingUpdate:
	default:
		return store.Invalid("existing %q is not one of skip, update (or empty to refuse people already on the board)", req.Existing)
	}
	if req.NameMatches != "" && req.NameMatches != RowNew {
		return store.Invalid("nameMatches %q is not \"new\" (or empty to decide row by row)", req.NameMatches)
	}
	return nil
}

// planImport sets each row's Status, Match and Changes (and what the
// writer needs) and counts the statuses.
func planImport(ctx context.Context, q store.Queryer, p *ImportPreview, req ImportRequest, today string) error {
	if err := checkImportOptions(req); err != nil {
		return err
	}
	x, err := loadBoard(ctx, q, req.Existing == ExistingUpdate)
	if err != nil {
		return err
	}
	decided := make(map[int]ImportDecision, len(req.Decisions))
	for _, d := range req.Decisions {
		decided[d.Line] = d
	}
	takenBy := map[int64]int{} // member id -> the line that matched it first
	for i := range p.Rows {
		if i%1024 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		row := &p.Rows[i]
		row.Status, row.Match, row.Changes = RowNew, ImportMatch{}, []ImportChange{}
		if len(row.Problems) > 0 {
			row.Status = RowInvalid
			continue
		}
		x.match(row, req, decided)
		if row.Status == RowSkip || row.Status == RowUpdate {
			if first, dup := takenBy[row.Match.MemberID]; dup {
				row.problem("it matches %s, as %s does; keep one of the two", row.Match.Name, rowLabel(p.Format, first))
				continue
			}
			takenBy[row.Match.MemberID] = row.Line
		}
		switch row.Status {
		case RowUpdate:
			x.merge(row)
		case RowNew:
			row.consentOps, row.Changes = consentChanges(row.Consents, nil)
		}
	}
	p.New, p.Updated, p.Unchanged, p.Skipped, p.Review, p.Refused, p.Invalid = 0, 0, 0, 0, 0, 0, 0
	counts := map[string]*int{RowNew: &p.New, RowUpdate: &p.Updated, RowUnchanged: &p.Unchanged, RowSkip: &p.Skipped,
		RowReview: &p.Review, RowRefused: &p.Refused, RowInvalid: &p.Invalid}
	for _, r := range p.Rows {
		*counts[r.Status]++
	}
	return nil
}

// problem marks a row invalid with one more problem.
func (r *ImportRow) problem(format string, a ...any) {
	r.Problems = append(r.Problems, fmt.Sprintf(format, a...))
	r.Status = RowInvalid
}

// match finds the member or erased person a valid row is, and sets the
// row's status from it: skip or update (Existing), review, refused or new.
func (x *boardIndex) match(row *ImportRow, req ImportRequest, decided map[int]ImportDecision) {
	in := row.Member
	if in.Email != "" {
		if m := x.byEmail[emailKey(in.Email)]; m != nil {
			row.Match = matchOf(m, "email")
			if req.Existing == ExistingRefuse {
				who := m.Name
				if m.Archived {
					who += " (archived)"
				}
				row.problem("email %q already belongs to %s on the board", in.Email, who)
				return
			}
			row.Status = existingStatus(req.Existing)
			return
		}
		if e, ok := x.erased.find(emailKey(in.Email)); ok {
			row.refuse(e, "email")
			return
		}
	}
	if len(x.byPerson) == 0 && len(x.erased.byFP) == 0 {
		return // an empty board: nobody to match (the first import of a big file)
	}
	key := personKey(in.Name, in.Company)
	m := x.byPerson[key]
	if m == nil {
		if e, ok := x.erased.find(key); ok {
			row.refuse(e, "name and company")
		}
		return
	}
	if req.Existing == ExistingRefuse {
		return // as before re-imports: the same name is no reason to refuse
	}
	row.Match = matchOf(m, "name_company")
	d, ok := decided[row.Line]
	switch {
	case ok && d.MemberID == m.ID && d.Same:
		row.Status = existingStatus(req.Existing)
	case ok && d.MemberID == m.ID:
		row.Status = RowNew
	case req.NameMatches == RowNew:
		row.Status = RowNew
	default:
		row.Status = RowReview
	}
}

func existingStatus(existing string) string {
	if existing == ExistingUpdate {
		return RowUpdate // or unchanged, once merge finds nothing to change
	}
	return RowSkip
}

func matchOf(m *Member, by string) ImportMatch {
	return ImportMatch{MemberID: m.ID, Name: m.Name, Email: m.Email, Company: m.Company, Archived: m.Archived, By: by}
}

// refuse marks a row that matches an erased person.
func (r *ImportRow) refuse(e erasure, by string) {
	r.Problems = append(r.Problems, fmt.Sprintf("refused: a person with this %s was erased from the board on %s (erasure %s) "+
		"and is not imported again; add them by hand if they asked to come back", by, dateOf(e.ErasedAt), e.Reference))
	r.Status = RowRefused
}

// dateOf is the calendar date of an RFC 3339 instant.
func dateOf(stamp string) string {
	if len(stamp) >= 10 {
		return stamp[:10]
	}
	return stamp
}

// merge works out what an update changes on the matched member, and the
// member as it would be afterwards; a row that would change nothing is
// unchanged, one whose result breaks a rule (notes too long) is invalid.
func (x *boardIndex) merge(row *ImportRow) {
	m := x.byID[row.Match.MemberID]
	f := row.Member
	out := MemberInput{Name: m.Name, Email: m.Email, Phone: m.Phone, Company: m.Company, Role: m.Role,
		Segment: m.Segment, Persona: m.Persona, Timezone: m.Timezone, Status: string(m.Status),
		JoinedOn: m.JoinedOn, Source: m.Source, Notes: m.Notes, UsageFrequency: string(m.UsageFrequency),
		Articulation: m.Articulation, Tone: string(m.Tone), CadenceDays: m.CadenceDays}
	var ch []ImportChange
	set := func(field string, dst *string, v string, same bool) {
		if v != "" && !same {
			ch = append(ch, ImportChange{Field: field, From: *dst, To: v})
			*dst = v
		}
	}
	for _, s := range []struct {
		field string
		dst   *string
		v     string
		skip  bool // a status the file left blank (normalize made it "prospect")
	}{
		{"name", &out.Name, f.Name, false}, {"email", &out.Email, f.Email, false},
		{"phone", &out.Phone, f.Phone, false}, {"company", &out.Company, f.Company, false},
		{"role", &out.Role, f.Role, false}, {"persona", &out.Persona, f.Persona, false},
		{"timezone", &out.Timezone, f.Timezone, false}, {"joinedOn", &out.JoinedOn, f.JoinedOn, false},
		{"source", &out.Source, f.Source, false}, {"usageFrequency", &out.UsageFrequency, f.UsageFrequency, false},
		{"tone", &out.Tone, f.Tone, false}, {"status", &out.Status, f.Status, !row.statusGiven},
	} {
		if !s.skip {
			set(s.field, s.dst, s.v, s.v == *s.dst)
		}
	}
	set("segment", &out.Segment, f.Segment, fold(f.Segment) == fold(out.Segment))
	for _, n := range []struct {
		field string
		dst   *int
		v     int
	}{{"articulation", &out.Articulation, f.Articulation}, {"cadenceDays", &out.CadenceDays, f.CadenceDays}} {
		if n.v != 0 && n.v != *n.dst {
			ch = append(ch, ImportChange{Field: n.field, From: intText(*n.dst), To: strconv.Itoa(n.v)})
			*n.dst = n.v
		}
	}
	// Notes are the team's own knowledge: the file's notes are added, never
	// put in their place.
	if f.Notes != "" && !strings.Contains(out.Notes, f.Notes) {
		notes := f.Notes
		if out.Notes != "" {
			notes = out.Notes + "\n\n" + f.Notes
		}
		ch = append(ch, ImportChange{Field: "notes", From: out.Notes, To: notes})
		out.Notes = notes
	}
	// Tags likewise: the file's are added to those the member has.
	have := make(map[string]bool, len(m.Tags))
	for _, t := range m.Tags {
		have[fold(t)] = true
	}
	var addTags []string
	for _, t := range f.Tags {
		if !have[fold(t)] {
			have[fold(t)] = true
			addTags = append(addTags, t)
		}
	}
	if len(addTags) > 0 {
		ch = append(ch, ImportChange{Field: "tags", From: strings.Join(m.Tags, ", "),
			To: strings.Join(append(slices.Clone(m.Tags), addTags...), ", ")})
	}
	ops, cch := consentChanges(row.Consents, x.consents[m.ID])
	row.Changes, row.consentOps = append(ch, cch...), ops
	out.normalize()
	if probs := out.problems().Messages(); len(probs) > 0 {
		for _, pr := range probs {
			row.problem("after the update: %s", pr)
		}
		return
	}
	row.update = &memberUpdate{merged: out, addTags: addTags}
	if len(row.Changes) == 0 {
		row.Status = RowUnchanged
	}
}

func intText(n int) string {
	if n == 0 {
		return ""
	}
	return strconv.Itoa(n)
}

// consentChanges compares a row's consent columns with the stored
// consents (nil for a new member): a "yes" is recorded when there is none
// or the file's date is after the stored one's last change; a "no" with a
// date withdraws a held consent given before that date. A "no" without a
// date changes nothing, and nothing records a "no" where nothing was given.
func consentChanges(file []ImportConsent, stored map[string]Consent) ([]consentOp, []ImportChange) {
	ops, ch := []consentOp{}, []ImportChange{}
	for _, c := range file {
		if c.On == "" {
			continue
		}
		s, has := stored[c.Kind]
		last := s.GrantedOn
		if s.RevokedOn != "" {
			last = s.RevokedOn
		}
		switch {
		case c.Given && (!has || c.On > last):
		case !c.Given && has && s.RevokedOn == "" && c.On > s.GrantedOn:
		default:
			continue
		}
		ops = append(ops, consentOp{kind: c.Kind, given: c.Given, on: c.On})
		ch = append(ch, ImportChange{Field: c.Kind + " consent", From: consentText(s, has), To: consentWord(c.Given) + " " + c.On})
	}
	return ops, ch
}

func consentText(s Consent, has bool) string {
	switch {
	case !has:
		return ""
	case s.RevokedOn != "":
		return consentWord(false) + " " + s.RevokedOn
	}
	return consentWord(true) + " " + s.GrantedOn
}

func consentWord(given bool) string {
	if given {
		return "given"
	}
	return "withdrawn"
}

// consentWriter records an import's consents, its statements prepared once
// per transaction.
type consentWriter struct {
	tx              *sqlx.Tx
	grant, withdraw *sqlx.Stmt
}

// apply records ops for member id, with note naming the file they came
// from. A renewed grant keeps a stored expiry that is still ahead of it.
func (w *consentWriter) apply(ctx context.Context, id int64, ops []consentOp, note string) error {
	for _, op := range ops {
		var err error
		if op.given {
			if w.grant == nil {
				if w.grant, err = w.tx.PreparexContext(ctx, `INSERT INTO consents (member_id, kind, granted_on,
					expires_on, revoked_on, note) VALUES (?, ?, ?, NULL, NULL, ?)
					ON CONFLICT (member_id, kind) DO UPDATE SET granted_on = excluded.granted_on,
						expires_on = CASE WHEN consents.expires_on > excluded.granted_on THEN consents.expires_on END,
						revoked_on = NULL, note = excluded.note`); err != nil {
					return err
				}
			}
			_, err = w.grant.ExecContext(ctx, id, op.kind, op.on, note)
		} else {
			if w.withdraw == nil {
				if w.withdraw, err = w.tx.PreparexContext(ctx,
					`UPDATE consents SET revoked_on = ?, note = ? WHERE member_id = ? AND kind = ?`); err != nil {
					return err
				}
			}
			_, err = w.withdraw.ExecContext(ctx, op.on, note, id, op.kind)
		}
		if err != nil {
			return fmt.Errorf("%s consent: %w", op.kind, err)
		}
	}
	return nil
}
