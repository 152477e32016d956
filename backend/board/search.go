package board

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"github.com/jmoiron/sqlx"

	"soundingboard/backend/searchtext"
	"soundingboard/backend/store"
)

// maxSearchTokens bounds the FTS query a pasted wall of text can build:
// at most this many index words (each CJK or Thai character is one).
const maxSearchTokens = 16

// ListMembers returns the page of members matching q.
func (s *Service) ListMembers(q MemberQuery) (MemberPage, error) {
	// One snapshot: the page's ids, its rows and the total agree.
	p, err := store.Read(s.ctx, s.db, func(db store.Queryer) (MemberPage, error) {
		return listMembers(s.ctx, db, q, s.today())
	})
	if err != nil {
		return MemberPage{}, fmt.Errorf("list members: %w", err)
	}
	return p, nil
}

// sortOrders maps MemberQuery.Sort to ORDER BY terms; "%s" is the direction.
// Empty values sort last either way, except last contact, where "never"
// counts as the oldest.
var sortOrders = map[string]string{
	"name":           `m.name COLLATE NOCASE %[1]s, m.id %[1]s`,
	"company":        `m.company = '', m.company COLLATE NOCASE %s, m.name COLLATE NOCASE, m.id`,
	"segment":        `g.name IS NULL, g.name COLLATE NOCASE %s, m.name COLLATE NOCASE, m.id`,
	"status":         statusOrder + ` %s, m.name COLLATE NOCASE, m.id`,
	"joined":         `m.joined_on IS NULL, m.joined_on %s, m.name COLLATE NOCASE, m.id`,
	"last_contacted": LastContactedSQL + ` %s, m.name COLLATE NOCASE, m.id`,
	"updated":        `m.updated_at %s, m.id %[1]s`,
}

// statusOrder sorts statuses in the order of Statuses, not alphabetically.
var statusOrder = func() string {
	var b strings.Builder
	b.WriteString("CASE m.status")
	for i, st := range Statuses {
		fmt.Fprintf(&b, " WHEN '%s' THEN %d", st, i)
	}
	b.WriteString(" END")
	return b.String()
}()

// memberFilter is the FROM and WHERE of the member list for a query's
// filters, without its sort and page: the list and the bulk edit's "all
// that match" select the same members.
type memberFilter struct {
	from string // "members m", joined to the FTS table when searching
	cond string // " WHERE …" or ""
	args []any
	none bool // nothing can match (a tag filter naming no tag)
}

// filterMembers builds the memberFilter of q's filters.
func filterMembers(ctx context.Context, db store.Queryer, q MemberQuery, today string) (memberFilter, error) {
	var where []string
	var args []any

	switch q.Archived {
	case "":
		where = append(where, `m.archived_at IS NULL`)
	case "only":
		where = append(where, `m.archived_at IS NOT NULL`)
	case "all":
	default:
		return memberFilter{}, store.Invalid("archived %q is not one of \"\", only, all", q.Archived)
	}
	// With a search, FTS drives: joining its rowids to members is cheaper
	// than m.id IN (SELECT rowid …), which builds a temporary index first.
	from := `members m`
	if fts := searchtext.Query(q.Search, maxSearchTokens); fts != "" {
		from = `members_fts f JOIN members m ON m.id = f.rowid`
		where = append(where, `members_fts MATCH ?`)
		args = append(args, fts)
	}
	switch {
	case q.SegmentID == -1:
		where = append(where, `m.segment_id IS NULL`)
	case q.SegmentID > 0:
		where = append(where, `m.segment_id = ?`)
		args = append(args, q.SegmentID)
	case q.SegmentID < -1:
		return memberFilter{}, store.Invalid("segmentId %d is not a segment (0 = any, -1 = none)", q.SegmentID)
	}
	if q.Status != "" {
		if !slices.Contains(Statuses, q.Status) {
			return memberFilter{}, store.Invalid("status %q is not one of %s", q.Status, strings.Join(Statuses, ", "))
		}
		where = append(where, `m.status = ?`)
		args = append(args, q.Status)
	}
	if tag := strings.TrimSpace(q.Tag); tag != "" {
		ids, err := tagIDsFolded(ctx, db, tag)
		if err != nil {
			return memberFilter{}, err
		}
		if len(ids) == 0 {
			return memberFilter{none: true}, nil
		}
		where = append(where, `EXISTS (SELECT 1 FROM member_tags mt WHERE mt.member_id = m.id
			AND mt.tag_id IN (SELECT value FROM json_each(?)))`)
		args = append(args, jsonIDs(ids))
	}
	switch q.Consent {
	case "":
	case "contact_ok":
		where = append(where, CanContactSQL)
		args = append(args, today)
	case "no_contact":
		where = append(where, `NOT `+CanContactSQL)
		args = append(args, today)
	default:
		return memberFilter{}, store.Invalid("consent %q is not one of \"\", contact_ok, no_contact", q.Consent)
	}
	f := memberFilter{from: from, args: args}
	if len(where) > 0 {
		f.cond = " WHERE " + strings.Join(where, " AND ")
	}
	return f, nil
}

// listMembers filters, sorts and pages members. The exporter uses it too.
func listMembers(ctx context.Context, db store.Queryer, q MemberQuery, today string) (MemberPage, error) {
	f, err := filterMembers(ctx, db, q, today)
	if err != nil {
		return MemberPage{}, err
	}
	if f.none {
		return MemberPage{Members: []Member{}}, nil
	}
	from, cond, args := f.from, f.cond, f.args

	sortKey := q.Sort
	if sortKey == "" {
		sortKey = "name"
	}
	order, ok := sortOrders[sortKey]
	if !ok {
		return MemberPage{}, store.Invalid("sort %q is not one of name, company, segment, status, joined, last_contacted, updated", q.Sort)
	}
	dir := "ASC"
	if q.Desc {
		dir = "DESC"
	}
	if q.Limit < 0 || q.Offset < 0 {
		return MemberPage{}, store.Invalid("limit and offset cannot be negative")
	}
	limit := q.Limit
	if limit == 0 {
		limit = -1 // SQLite: no limit
	}

	// Two steps: pick the page's ids sorting on cheap columns only, then
	// read the full rows (with their correlated sub-queries) for that page.
	// In one step SQLite computes every column of every match before sorting.
	var ids []int64
	pick := `SELECT m.id FROM ` + from + ` LEFT JOIN segments g ON g.id = m.segment_id` + cond +
		" ORDER BY " + fmt.Sprintf(order, dir) + " LIMIT ? OFFSET ?"
	pickArgs := slices.Concat(args, []any{limit, q.Offset})
	if err := sqlx.SelectContext(ctx, db, &ids, pick, pickArgs...); err != nil {
		return MemberPage{}, err
	}
	page := MemberPage{Members: make([]Member, 0, len(ids))}
	if len(ids) > 0 {
		var rows []Member
		if err := sqlx.SelectContext(ctx, db, &rows,
			memberSelect+` WHERE m.id IN (SELECT value FROM json_each(?))`, today, jsonIDs(ids)); err != nil {
			return MemberPage{}, err
		}
		pos := make(map[int64]int, len(ids))
		for i, id := range ids {
			pos[id] = i
		}
		page.Members = page.Members[:len(ids)]
		for _, m := range rows {
			page.Members[pos[m.ID]] = m
		}
		// A member deleted by another process between the two reads leaves
		// an empty slot; drop it rather than show a blank row.
		page.Members = slices.DeleteFunc(page.Members, func(m Member) bool { return m.ID == 0 })
	}
	if q.Limit == 0 && q.Offset == 0 {
		page.Total = len(page.Members)
	} else if q.Offset == 0 && len(page.Members) < q.Limit {
		page.Total = len(page.Members) // a short first page holds every match
	} else {
		count := `SELECT count(*) FROM ` + from + cond
		if err := sqlx.GetContext(ctx, db, &page.Total, count, args...); err != nil {
			return MemberPage{}, fmt.Errorf("count: %w", err)
		}
	}
	if err := loadTags(ctx, db, page.Members); err != nil {
		return MemberPage{}, err
	}
	return page, nil
}

// tagIDsFolded returns the ids of tags named name, ignoring case (Unicode).
func tagIDsFolded(ctx context.Context, db store.Queryer, name string) ([]int64, error) {
	var rows []struct {
		ID   int64  `db:"id"`
		Name string `db:"name"`
	}
	if err := sqlx.SelectContext(ctx, db, &rows, `SELECT id, name FROM tags`); err != nil {
		return nil, fmt.Errorf("tags: %w", err)
	}
	var ids []int64
	for _, r := range rows {
		if strings.EqualFold(r.Name, name) {
			ids = append(ids, r.ID)
		}
	}
	return ids, nil
}

// loadTags fills Tags (sorted) for all members with one query.
func loadTags(ctx context.Context, db store.Queryer, ms []Member) error {
	if len(ms) == 0 {
		return nil
	}
	ids := make([]int64, len(ms))
	byID := make(map[int64]*Member, len(ms))
	for i := range ms {
		ids[i] = ms[i].ID
		ms[i].Tags = []string{}
		byID[ms[i].ID] = &ms[i]
	}
	var rows []struct {
		MemberID int64  `db:"member_id"`
		Name     string `db:"name"`
	}
	// One JSON parameter instead of one per id: no variable limit, one query per page.
	err := sqlx.SelectContext(ctx, db, &rows, `SELECT mt.member_id, t.name
		FROM member_tags mt JOIN tags t ON t.id = mt.tag_id
		WHERE mt.member_id IN (SELECT value FROM json_each(?))
		ORDER BY t.name COLLATE NOCASE, t.name`, jsonIDs(ids))
	if err != nil {
		return fmt.Errorf("tags: %w", err)
	}
	for _, r := range rows {
		if m := byID[r.MemberID]; m != nil {
			m.Tags = append(m.Tags, r.Name)
		}
	}
	return nil
}

func jsonIDs(ids []int64) string {
	b, _ := json.Marshal(ids) // []int64 always marshals
	return string(b)
}
