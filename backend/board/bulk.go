package board

// Bulk edits: the same change to many members in one transaction, and its
// undo, which puts back exactly what the edit changed, also in one
// transaction.
//
// Undo restores the fields the edit changed to their values before it,
// for the members it changed, whatever happened to those fields since: that
// is the rule a person can predict. Members erased since are skipped, and a
// segment or tag deleted since is not brought back.
//
// What an edit changed is kept in memory, for the last maxUndo edits: the
// undo is offered in the notice that confirms the edit, not across restarts.

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/jmoiron/sqlx"

	"soundingboard/backend/store"
	"soundingboard/backend/valid"
	"soundingboard/backend/wording"
)

// maxUndo is how many bulk edits can still be undone.
const maxUndo = 20

// BulkSourceDefault is the note on consents a bulk edit grants without one.
const BulkSourceDefault = "bulk edit"

// BulkSelection is which members a bulk edit changes: the listed IDs, or,
// with All, every member the filter matches when the edit runs, less
// Except. The frontend never has to load every row to select them all.
type BulkSelection struct {
	IDs    []int64     `json:"ids"`
	All    bool        `json:"all"`
	Filter MemberQuery `json:"filter"` // with All; its sort and page are ignored
	Except []int64     `json:"except"` // with All: members left out
}

// BulkEdit is one change to many members; fields left empty are not changed.
type BulkEdit struct {
	Selection  BulkSelection `json:"selection"`
	SegmentID  int64         `json:"segmentId"` // 0 = unchanged, -1 = no segment
	Status     string        `json:"status"`    // "" = unchanged
	AddTags    []string      `json:"addTags"`
	RemoveTags []string      `json:"removeTags"`
	Grant      []string      `json:"grant"`    // consent kinds granted as of today, unless held
	Withdraw   []string      `json:"withdraw"` // consent kinds revoked as of today, where held
	Archive    string        `json:"archive"`  // "" = unchanged, "archive", "restore"
	Source     string        `json:"source"`   // the note on granted consents; "" = BulkSourceDefault
}

// BulkResult is what a bulk edit, or its undo, did.
type BulkResult struct {
	EditID   int64  `json:"editId"`   // for UndoBulkEdit; 0 when nothing changed
	Selected int    `json:"selected"` // members selected
	Changed  int    `json:"changed"`  // members of which something changed
	Message  string `json:"message"`  // "Changed 12 of 40 members."
}

// Validate normalises the edit (trims tags, kinds and the source) and
// checks it, naming the field. Whether members and the segment exist is
// checked when the edit runs.
func (in *BulkEdit) Validate() error {
	var p valid.Problems
	sel := &in.Selection
	switch {
	case sel.All && len(sel.IDs) > 0:
		p.Add("selection", "selection: give either member ids or all that match the filter, not both")
	case !sel.All && len(sel.IDs) == 0:
		p.Add("selection", "no members are selected")
	}
	for _, id := range slices.Concat(sel.IDs, sel.Except) {
		if id <= 0 {
			p.Add("selection", "selection: %d is not a member id", id)
			break
		}
	}
	if in.SegmentID < -1 {
		p.Add("segmentId", "segmentId %d is not a segment (0 = unchanged, -1 = no segment)", in.SegmentID)
	}
	in.Status = strings.ToLower(strings.TrimSpace(in.Status))
	if in.Status != "" {
		p.OneOf("status", in.Status, Statuses...)
	}
	in.AddTags = bulkTags(&p, "addTags", in.AddTags)
	in.RemoveTags = bulkTags(&p, "removeTags", in.RemoveTags)
	for _, t := range in.AddTags {
		if slices.ContainsFunc(in.RemoveTags, func(r string) bool { return fold(r) == fold(t) }) {
			p.Add("removeTags", "tag %q cannot be both added and removed", t)
		}
	}
	in.Grant = bulkKinds(&p, "grant", in.Grant)
	in.Withdraw = bulkKinds(&p, "withdraw", in.Withdraw)
	for _, k := range in.Grant {
		if slices.Contains(in.Withdraw, k) {
			p.Add("withdraw", "%s consent cannot be both granted and withdrawn", k)
		}
	}
	in.Archive = strings.ToLower(strings.TrimSpace(in.Archive))
	if in.Archive != "" {
		p.OneOf("archive", in.Archive, "archive", "restore")
	}
	in.Source = strings.TrimSpace(in.Source)
	if in.Source == "" {
		in.Source = BulkSourceDefault
	}
	p.MaxLen("source", in.Source, maxShort)
	p.NoControl("source", in.Source)
	if len(p) == 0 && in.SegmentID == 0 && in.Status == "" && len(in.AddTags) == 0 && len(in.RemoveTags) == 0 &&
		len(in.Grant) == 0 && len(in.Withdraw) == 0 && in.Archive == "" {
		p.Add("", "choose at least one change: segment, status, tags, consent or archive")
	}
	return p.Err()
}

// bulkTags trims and de-duplicates tag names, recording their problems.
func bulkTags(p *valid.Problems, field string, tags []string) []string {
	var out []string
	for _, t := range tags {
		t = strings.TrimSpace(t)
		switch {
		case t == "":
			p.Add(field, "%s: a tag cannot be empty", field)
		case utf8.RuneCountInString(t) > maxTag:
			p.Add(field, "tag %q is longer than %d characters", t, maxTag)
		case !slices.ContainsFunc(out, func(o string) bool { return fold(o) == fold(t) }):
			p.NoControl(field, t)
			out = append(out, t)
		}
	}
	return out
}

// bulkKinds lower-cases and de-duplicates consent kinds, recording unknown ones.
func bulkKinds(p *valid.Problems, field string, kinds []string) []string {
	var out []string
	for _, k := range kinds {
		k = strings.ToLower(strings.TrimSpace(k))
		p.OneOf(field, k, ConsentKinds...)
		if !slices.Contains(out, k) {
			out = append(out, k)
		}
	}
	return out
}

// bulkChange is what one edit changed, so its undo can put it back.
type bulkChange struct {
	segments []priorValue // prior segment_id (nil = none)
	statuses []priorValue
	archived []priorValue // prior archived_at (nil = current)
	tagsAdd  []memberTag  // links the edit added
	tagsDel  []memberTag  // links the edit removed
	consents []priorConsent
	members  []int64 // every member changed
}

// priorValue is one member's value of a column before an edit.
type priorValue struct {
	ID    int64 `json:"id"`
	Value any   `json:"v"`
}

// memberTag is a member_tags link: member id, tag id.
type memberTag = [2]int64

// priorConsent is a member's consent of one kind before an edit; Row is
// nil when there was none.
type priorConsent struct {
	Member int64       `json:"m"`
	Kind   string      `json:"k"`
	Row    *consentRow `json:"r"`
}

// consentRow is a consents row as stored (NULLs kept, unlike Consent).
type consentRow struct {
	Granted string  `json:"g" db:"granted_on"`
	Expires *string `json:"e" db:"expires_on"`
	Revoked *string `json:"r" db:"revoked_on"`
	Note    string  `json:"n" db:"note"`
}

// bulkUndo keeps the changes of the last maxUndo edits by id. Services
// made by WithContext share it.
type bulkUndo struct {
	mu    sync.Mutex
	next  int64
	edits map[int64]*bulkChange
}

func (u *bulkUndo) add(c *bulkChange) int64 {
	u.mu.Lock()
	defer u.mu.Unlock()
	u.next++
	u.edits[u.next] = c
	delete(u.edits, u.next-maxUndo)
	return u.next
}

// take removes and returns edit id's change, or nil.
func (u *bulkUndo) take(id int64) *bulkChange {
	u.mu.Lock()
	defer u.mu.Unlock()
	c := u.edits[id]
	delete(u.edits, id)
	return c
}

// putBack returns a change whose undo failed, so it can be tried again.
func (u *bulkUndo) putBack(id int64, c *bulkChange) {
	u.mu.Lock()
	defer u.mu.Unlock()
	if id > u.next-maxUndo {
		u.edits[id] = c
	}
}

// BulkEdit applies one change to the selected members in one transaction.
// Bad input (no selection, an unknown member or segment, a tag to remove
// that does not exist) writes nothing.
func (s *Service) BulkEdit(in BulkEdit) (BulkResult, error) {
	if err := in.Validate(); err != nil {
		return BulkResult{}, fmt.Errorf("bulk edit: %w", err)
	}
	var res BulkResult
	var change *bulkChange
	err := store.WithTx(s.ctx, s.db, func(tx *sqlx.Tx) error {
		ids, err := s.bulkSelect(tx, in.Selection)
		if err != nil {
			return err
		}
		res.Selected = len(ids)
		change, err = s.applyBulk(tx, in, ids)
		return err
	})
	if err != nil {
		return BulkResult{}, fmt.Errorf("bulk edit: %w", err)
	}
	res.Changed = len(change.members)
	if res.Changed > 0 {
		res.EditID = s.undo.add(change)
	}
	res.Message = fmt.Sprintf("Changed %d of %s.", res.Changed, wording.Count(res.Selected, "member", "members"))
	if res.Changed == res.Selected {
		res.Message = fmt.Sprintf("Changed %s.", wording.Count(res.Changed, "member", "members"))
	}
	return res, nil
}

// UndoBulkEdit puts back what bulk edit id changed, in one transaction.
// An edit is undone at most once.
func (s *Service) UndoBulkEdit(id int64) (BulkResult, error) {
	c := s.undo.take(id)
	if c == nil {
		return BulkResult{}, store.NotFound("undo bulk edit: edit %d was already undone, or is too old to undo", id)
	}
	var restored int
	err := store.WithTx(s.ctx, s.db, func(tx *sqlx.Tx) error {
		var err error
		restored, err = s.undoBulk(tx, c)
		return err
	})
	if err != nil {
		s.undo.putBack(id, c)
		return BulkResult{}, fmt.Errorf("undo bulk edit %d: %w", id, err)
	}
	return BulkResult{
		Selected: len(c.members),
		Changed:  restored,
		Message:  fmt.Sprintf("Restored %s.", wording.Count(restored, "member", "members")),
	}, nil
}

// bulkSelect resolves a selection to member ids, refusing unknown ids and
// a selection that comes to nobody.
func (s *Service) bulkSelect(tx *sqlx.Tx, sel BulkSelection) ([]int64, error) {
	var ids []int64
	if !sel.All {
		err := sqlx.SelectContext(s.ctx, tx, &ids,
			`SELECT id FROM members WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id`, jsonIDs(sel.IDs))
		if err != nil {
			return nil, err
		}
		var missing []string
		for _, id := range sel.IDs {
			if _, found := slices.BinarySearch(ids, id); !found && !slices.Contains(missing, fmt.Sprint(id)) {
				missing = append(missing, fmt.Sprint(id))
			}
		}
		if len(missing) > 0 {
			return nil, store.InvalidFields([]store.Problem{{Field: "selection",
				Message: fmt.Sprintf("no member has id %s; nothing was changed", strings.Join(missing, ", "))}})
		}
		return ids, nil
	}
	f, err := filterMembers(s.ctx, tx, sel.Filter, s.today())
	if err != nil {
		return nil, err
	}
	if !f.none {
		q := `SELECT m.id FROM ` + f.from + f.cond + ` ORDER BY m.id`
		if err := sqlx.SelectContext(s.ctx, tx, &ids, q, f.args...); err != nil {
			return nil, err
		}
		ids = slices.DeleteFunc(ids, func(id int64) bool { return slices.Contains(sel.Except, id) })
	}
	if len(ids) == 0 {
		return nil, store.InvalidFields([]store.Problem{{Field: "selection",
			Message: "no member matches the filter; nothing was changed"}})
	}
	return ids, nil
}

// applyBulk writes the edit to members ids and returns what it changed.
func (s *Service) applyBulk(tx *sqlx.Tx, in BulkEdit, ids []int64) (*bulkChange, error) {
	ctx, now, today := s.ctx, s.stamp(), s.today()
	c := &bulkChange{}
	changed := map[int64]bool{}
	var rows []struct {
		ID        int64          `db:"id"`
		SegmentID sql.NullInt64  `db:"segment_id"`
		Status    string         `db:"status"`
		Archived  sql.NullString `db:"archived_at"`
	}
	if err := sqlx.SelectContext(ctx, tx, &rows, `SELECT id, segment_id, status, archived_at FROM members
		WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id`, jsonIDs(ids)); err != nil {
		return nil, err
	}

	if in.SegmentID != 0 {
		var to any // -1: no segment
		if in.SegmentID > 0 {
			var n int
			if err := sqlx.GetContext(ctx, tx, &n, `SELECT count(*) FROM segments WHERE id = ?`, in.SegmentID); err != nil {
				return nil, err
			}
			if n == 0 {
				return nil, store.InvalidFields([]store.Problem{{Field: "segmentId",
					Message: fmt.Sprintf("there is no segment %d; nothing was changed", in.SegmentID)}})
			}
			to = in.SegmentID
		}
		for _, r := range rows {
			if r.SegmentID.Valid != (in.SegmentID > 0) || r.SegmentID.Int64 != max(in.SegmentID, 0) {
				c.segments = append(c.segments, priorValue{r.ID, nullable(r.SegmentID.Valid, r.SegmentID.Int64)})
			}
		}
		if err := setColumn(ctx, tx, "segment_id", to, c.segments, now); err != nil {
			return nil, err
		}
	}
	if in.Status != "" {
		for _, r := range rows {
			if r.Status != in.Status {
				c.statuses = append(c.statuses, priorValue{r.ID, r.Status})
			}
		}
		if err := setColumn(ctx, tx, "status", in.Status, c.statuses, now); err != nil {
			return nil, err
		}
	}
	if in.Archive != "" {
		var to any
		if in.Archive == "archive" {
			to = now
		}
		for _, r := range rows {
			if r.Archived.Valid != (in.Archive == "archive") {
				c.archived = append(c.archived, priorValue{r.ID, nullable(r.Archived.Valid, r.Archived.String)})
			}
		}
		if err := setColumn(ctx, tx, "archived_at", to, c.archived, now); err != nil {
			return nil, err
		}
	}
	for _, vs := range [][]priorValue{c.segments, c.statuses, c.archived} {
		for _, v := range vs {
			changed[v.ID] = true
		}
	}

	if err := s.bulkTags(tx, in, ids, c, changed); err != nil {
		return nil, err
	}
	if err := s.bulkConsents(tx, in, ids, c, changed, today); err != nil {
		return nil, err
	}
	for id := range changed {
		c.members = append(c.members, id)
	}
	slices.Sort(c.members)
	return c, nil
}

// bulkTags adds and removes tags, recording the links it really changed.
func (s *Service) bulkTags(tx *sqlx.Tx, in BulkEdit, ids []int64, c *bulkChange, changed map[int64]bool) error {
	ctx := s.ctx
	if len(in.AddTags) == 0 && len(in.RemoveTags) == 0 {
		return nil
	}
	w := newMemberWriter(tx, s.stamp())
	var removeIDs []int64
	if len(in.RemoveTags) > 0 {
		known, err := nameIDs(ctx, tx, `SELECT id, name FROM tags`)
		if err != nil {
			return fmt.Errorf("tags: %w", err)
		}
		var p valid.Problems
		for _, t := range in.RemoveTags {
			if id, ok := known[fold(t)]; ok {
				removeIDs = append(removeIDs, id)
			} else {
				p.Add("removeTags", "there is no tag %q to remove; nothing was changed", t)
			}
		}
		if err := p.Err(); err != nil {
			return err
		}
	}
	var addIDs []int64
	for _, t := range in.AddTags {
		id, err := w.tagID(ctx, t)
		if err != nil {
			return err
		}
		addIDs = append(addIDs, id)
	}
	var rows []struct {
		Member int64 `db:"member_id"`
		Tag    int64 `db:"tag_id"`
	}
	if err := sqlx.SelectContext(ctx, tx, &rows, `SELECT member_id, tag_id FROM member_tags
		WHERE member_id IN (SELECT value FROM json_each(?)) AND tag_id IN (SELECT value FROM json_each(?))`,
		jsonIDs(ids), jsonIDs(slices.Concat(addIDs, removeIDs))); err != nil {
		return fmt.Errorf("tags: %w", err)
	}
	has := make(map[memberTag]bool, len(rows))
	for _, r := range rows {
		has[memberTag{r.Member, r.Tag}] = true
		if slices.Contains(removeIDs, r.Tag) {
			c.tagsDel = append(c.tagsDel, memberTag{r.Member, r.Tag})
			changed[r.Member] = true
		}
	}
	for _, id := range ids {
		for _, t := range addIDs {
			if !has[memberTag{id, t}] {
				c.tagsAdd = append(c.tagsAdd, memberTag{id, t})
				changed[id] = true
			}
		}
	}
	if err := linkTags(ctx, tx, c.tagsAdd); err != nil {
		return err
	}
	return unlinkTags(ctx, tx, c.tagsDel)
}

// bulkConsents grants and withdraws consents, recording each row it changed.
func (s *Service) bulkConsents(tx *sqlx.Tx, in BulkEdit, ids []int64, c *bulkChange, changed map[int64]bool, today string) error {
	ctx := s.ctx
	for _, kind := range slices.Concat(in.Grant, in.Withdraw) {
		grant := slices.Contains(in.Grant, kind)
		var rows []struct {
			Member int64 `db:"member_id"`
			consentRow
		}
		if err := sqlx.SelectContext(ctx, tx, &rows, `SELECT member_id, granted_on, expires_on, revoked_on, note
			FROM consents WHERE kind = ? AND member_id IN (SELECT value FROM json_each(?))`, kind, jsonIDs(ids)); err != nil {
			return fmt.Errorf("%s consents: %w", kind, err)
		}
		prior := make(map[int64]*consentRow, len(rows))
		for i := range rows {
			prior[rows[i].Member] = &rows[i].consentRow
		}
		var touched []int64
		for _, id := range ids {
			r := prior[id]
			held := r != nil && r.Revoked == nil && (r.Expires == nil || *r.Expires >= today)
			if grant != held && (grant || r != nil) {
				c.consents = append(c.consents, priorConsent{id, kind, r})
				touched = append(touched, id)
				changed[id] = true
			}
		}
		if len(touched) == 0 {
			continue
		}
		var err error
		if grant {
			// WHERE true: an upsert's SELECT needs one to parse.
			_, err = tx.ExecContext(ctx, `INSERT INTO consents (member_id, kind, granted_on, expires_on, revoked_on, note)
				SELECT value, ?, ?, NULL, NULL, ? FROM json_each(?) WHERE true
				ON CONFLICT (member_id, kind) DO UPDATE SET granted_on = excluded.granted_on,
					expires_on = NULL, revoked_on = NULL, note = excluded.note`,
				kind, today, in.Source, jsonIDs(touched))
		} else {
			_, err = tx.ExecContext(ctx, `UPDATE consents SET revoked_on = ?
				WHERE kind = ? AND member_id IN (SELECT value FROM json_each(?))`, today, kind, jsonIDs(touched))
		}
		if err != nil {
			return store.Map(err, kind+" consents")
		}
	}
	return nil
}

// undoBulk puts back what c changed and returns how many members it
// restored (members erased since are gone).
func (s *Service) undoBulk(tx *sqlx.Tx, c *bulkChange) (int, error) {
	ctx, now := s.ctx, s.stamp()
	for _, col := range []struct {
		name   string
		values []priorValue
	}{{"segment_id", c.segments}, {"status", c.statuses}, {"archived_at", c.archived}} {
		if len(col.values) == 0 {
			continue
		}
		value := `j.value->>'v'`
		if col.name == "segment_id" {
			value = `(SELECT id FROM segments WHERE id = j.value->>'v')` // NULL if deleted since
		}
		if _, err := tx.ExecContext(ctx, `UPDATE members SET `+col.name+` = `+value+`, updated_at = ?
			FROM json_each(?) j WHERE members.id = j.value->>'id'`, now, mustJSON(col.values)); err != nil {
			return 0, fmt.Errorf("restore %s: %w", col.name, err)
		}
	}
	if err := unlinkTags(ctx, tx, c.tagsAdd); err != nil {
		return 0, err
	}
	relink, err := stillThere(ctx, tx, c.tagsDel)
	if err != nil {
		return 0, err
	}
	if err := linkTags(ctx, tx, relink); err != nil {
		return 0, err
	}
	if len(c.consents) > 0 {
		if _, err := tx.ExecContext(ctx, `DELETE FROM consents WHERE (member_id, kind) IN
			(SELECT value->>'m', value->>'k' FROM json_each(?))`, mustJSON(c.consents)); err != nil {
			return 0, fmt.Errorf("restore consents: %w", err)
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO consents (member_id, kind, granted_on, expires_on, revoked_on, note)
			SELECT value->>'m', value->>'k', value->>'$.r.g', value->>'$.r.e', value->>'$.r.r', value->>'$.r.n'
			FROM json_each(?) WHERE value->>'r' IS NOT NULL
				AND EXISTS (SELECT 1 FROM members WHERE id = value->>'m')`, mustJSON(c.consents)); err != nil {
			return 0, fmt.Errorf("restore consents: %w", err)
		}
	}
	var restored int
	err = sqlx.GetContext(ctx, tx, &restored,
		`SELECT count(*) FROM members WHERE id IN (SELECT value FROM json_each(?))`, jsonIDs(c.members))
	return restored, err
}

// setColumn sets column col of the members in vs to value, stamping updated_at.
func setColumn(ctx context.Context, tx *sqlx.Tx, col string, value any, vs []priorValue, now string) error {
	if len(vs) == 0 {
		return nil
	}
	ids := make([]int64, len(vs))
	for i, v := range vs {
		ids[i] = v.ID
	}
	_, err := tx.ExecContext(ctx, `UPDATE members SET `+col+` = ?, updated_at = ?
		WHERE id IN (SELECT value FROM json_each(?))`, value, now, jsonIDs(ids))
	if err != nil {
		return store.Map(err, col)
	}
	return nil
}

// stillThere is links less those whose member or tag was deleted since.
func stillThere(ctx context.Context, tx *sqlx.Tx, links []memberTag) ([]memberTag, error) {
	var kept []memberTag
	if len(links) == 0 {
		return kept, nil
	}
	var rows []struct {
		Member int64 `db:"m"`
		Tag    int64 `db:"t"`
	}
	err := sqlx.SelectContext(ctx, tx, &rows, `SELECT value->>0 AS m, value->>1 AS t FROM json_each(?)
		WHERE EXISTS (SELECT 1 FROM members WHERE id = value->>0) AND EXISTS (SELECT 1 FROM tags WHERE id = value->>1)`,
		mustJSON(links))
	for _, r := range rows {
		kept = append(kept, memberTag{r.Member, r.Tag})
	}
	return kept, err
}

// unlinkTags removes member-tag links in one statement.
func unlinkTags(ctx context.Context, tx *sqlx.Tx, links []memberTag) error {
	if len(links) == 0 {
		return nil
	}
	_, err := tx.ExecContext(ctx, `DELETE FROM member_tags WHERE (member_id, tag_id) IN
		(SELECT value->>0, value->>1 FROM json_each(?))`, mustJSON(links))
	if err != nil {
		return fmt.Errorf("remove tags: %w", err)
	}
	return nil
}

// nullable is v, or nil (NULL) when not valid.
func nullable(valid bool, v any) any {
	if !valid {
		return nil
	}
	return v
}

// mustJSON marshals plain structs of numbers and strings, which cannot fail.
func mustJSON(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		panic(fmt.Sprintf("bulk: marshal %T: %v", v, err))
	}
	return string(b)
}
