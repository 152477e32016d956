package session

// Synthesis after a session: themes tagged on quotes and notes, clustered
// by theme and segment; "How might we" opportunities; follow-up actions.

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/jmoiron/sqlx"

	"soundingboard/backend/activity"
	"soundingboard/backend/store"
	"soundingboard/backend/teammates"
	"soundingboard/backend/valid"
)

const (
	maxThemeName    = 80
	maxThemesPerTag = 20
	maxHMW          = 500
	maxActionTitle  = 300
	maxActionOwner  = 200
	pickMin         = 3 // the method asks for the top 3–5 opportunities
	pickMax         = 5
)

const actionColumns = `id, session_id, title, owner, coalesce(due_on, '') AS due_on,
	coalesce(done_on, '') AS done_on, created_at`

// Synthesis returns what a session produced across its activities:
// themes over every text entry, the facts next to the reactions noted,
// the next tests, opportunities and actions.
func (s *Syntheses) Synthesis(sessionID int64) (Synthesis, error) {
	out, err := read(&s.core, func(q store.Queryer) (Synthesis, error) { return readSynthesis(s.ctx, q, sessionID) })
	if err != nil {
		return Synthesis{}, fmt.Errorf("synthesis of session %d: %w", sessionID, err)
	}
	return out, nil
}

// readSynthesis reads the synthesis of a session through tx.
func readSynthesis(ctx context.Context, tx store.Queryer, sessionID int64) (Synthesis, error) {
	if _, err := headOf(ctx, tx, sessionID); err != nil {
		return Synthesis{}, err
	}
	out := Synthesis{SessionID: sessionID, Themes: []Theme{}, Untagged: []SynthEntry{}, Actions: []Action{}}
	if err := sqlx.GetContext(ctx, tx, &out.DecisionID, `SELECT decision_id FROM sessions WHERE id = ?`, sessionID); err != nil {
		return Synthesis{}, fmt.Errorf("read decision: %w", err)
	}
	run, err := activity.ReadRun(ctx, tx, sessionID)
	if err != nil {
		return Synthesis{}, err
	}
	entries, err := loadSynthEntries(ctx, tx, `e.session_id = ?`, sessionID)
	if err != nil {
		return Synthesis{}, err
	}
	quotes, err := loadQuotes(ctx, tx, `q.session_id = ?`, sessionID)
	if err != nil {
		return Synthesis{}, err
	}
	// The assumption check's responses whose notes (needs or note entries)
	// carry a theme, with all their fields.
	notes, err := loadResponses(ctx, tx, `r.session_id = ? AND EXISTS (SELECT 1 FROM entries t
		JOIN entry_themes et ON et.entry_id = t.id WHERE t.item_id = r.item_id AND t.member_id IS r.member_id
		AND t.kind IN ('needs', 'note'))`, sessionID)
	if err != nil {
		return Synthesis{}, err
	}
	segments := map[int64]string{}
	for _, e := range entries {
		segments[e.ID] = e.Segment
	}
	out.Themes = clusterThemes(entries, quotes, notes)
	for _, e := range entries {
		if len(e.Themes) == 0 && strings.TrimSpace(e.Text) != "" {
			out.Untagged = append(out.Untagged, e)
		}
	}
	sessionFacts(&out, run, segments)
	if out.NextTests, err = nextTests(ctx, tx, sessionID); err != nil {
		return Synthesis{}, err
	}
	if out.Opportunities, err = loadOpportunities(ctx, tx, `o.session_id = ?`, sessionID); err != nil {
		return Synthesis{}, err
	}
	if err := sqlx.SelectContext(ctx, tx, &out.Actions, `SELECT `+actionColumns+`
		FROM actions WHERE session_id = ?
		ORDER BY done_on IS NOT NULL, due_on IS NULL, due_on, id`, sessionID); err != nil {
		return Synthesis{}, fmt.Errorf("read actions: %w", err)
	}
	picked := 0
	for _, o := range out.Opportunities {
		if o.Picked {
			picked++
		}
	}
	out.Advice = pickAdvice(picked)
	return out, nil
}

// clusterThemes groups the tagged entries by theme name (names are unique
// case-insensitively in the themes table, so the stored spelling is the
// key), the quotes and responses among them in their own shapes too. A
// response counts once in a theme and its segment, even when its needs
// and note both carry it. Biggest clusters first, then by name.
func clusterThemes(entries []SynthEntry, quotes []Quote, notes []Response) []Theme {
	byName := map[string]*Theme{}
	counted := map[string]map[string]bool{} // theme → responseKey
	theme := func(name string) *Theme {
		t := byName[name]
		if t == nil {
			t = &Theme{Name: name, Quotes: []Quote{}, Notes: []Response{}, Entries: []SynthEntry{}, BySegment: map[string]int{}}
			byName[name] = t
			counted[name] = map[string]bool{}
		}
		return t
	}
	for _, e := range entries {
		for _, name := range e.Themes {
			t := theme(name)
			if strings.TrimSpace(e.Text) != "" {
				t.Entries = append(t.Entries, e)
			}
			if k := responseKey(e); !counted[name][k] {
				counted[name][k] = true
				t.BySegment[segmentName(e.Segment)]++
			}
		}
	}
	for _, q := range quotes {
		for _, name := range q.Themes {
			t := theme(name)
			t.Quotes = append(t.Quotes, q)
		}
	}
	for _, r := range notes {
		for _, name := range r.Themes {
			t := theme(name)
			t.Notes = append(t.Notes, r)
		}
	}
	out := make([]Theme, 0, len(byName))
	for _, t := range byName {
		out = append(out, *t)
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if na, nb := len(counted[a.Name]), len(counted[b.Name]); na != nb {
			return na > nb
		}
		return strings.ToLower(a.Name) < strings.ToLower(b.Name)
	})
	return out
}

// pickAdvice nudges towards the method's top 3–5 opportunities.
func pickAdvice(picked int) string {
	if picked >= pickMin && picked <= pickMax {
		return ""
	}
	return fmt.Sprintf("Pick %d–%d top opportunities (%d picked).", pickMin, pickMax, picked)
}

// segmentName is how a segment is counted: members without one together.
func segmentName(seg string) string {
	if seg == "" {
		return noSegment
	}
	return seg
}

// cleanThemes trims theme names, drops blanks and case-insensitive
// duplicates (the first spelling wins) and checks their length and number.
func cleanThemes(in []string) ([]string, error) {
	out := []string{}
	var p valid.Problems
	for _, name := range in {
		name = strings.TrimSpace(name)
		if name == "" || containsFold(out, name) {
			continue
		}
		p.MaxLen(fmt.Sprintf("theme %q", name), name, maxThemeName)
		out = append(out, name)
	}
	if len(out) > maxThemesPerTag {
		p.Add("", "%d themes is more than %d", len(out), maxThemesPerTag)
	}
	return out, p.Err()
}

func containsFold(list []string, v string) bool {
	for _, x := range list {
		if strings.EqualFold(x, v) {
			return true
		}
	}
	return false
}

// themeIDs resolves names to theme ids, creating the missing themes.
// Matching is case-insensitive and Unicode-aware (SQLite's NOCASE folds
// only ASCII), so "Über" and "über" are one theme.
func themeIDs(ctx context.Context, tx *sqlx.Tx, names []string) ([]int64, error) {
	if len(names) == 0 {
		return nil, nil
	}
	var all []struct {
		ID   int64  `db:"id"`
		Name string `db:"name"`
	}
	if err := sqlx.SelectContext(ctx, tx, &all, `SELECT id, name FROM themes`); err != nil {
		return nil, fmt.Errorf("read themes: %w", err)
	}
	ids := make([]int64, 0, len(names))
	for _, name := range names {
		var id int64
		for _, t := range all {
			if strings.EqualFold(t.Name, name) {
				id = t.ID
				break
			}
		}
		if id == 0 {
			var err error
			if id, err = store.NewID(ctx, tx); err != nil {
				return nil, err
			}
			if _, err := tx.ExecContext(ctx, `INSERT INTO themes (id, name) VALUES (?, ?)`, id, name); err != nil {
				return nil, store.Map(err, fmt.Sprintf("theme %q", name))
			}
		}
		ids = append(ids, id)
	}
	return ids, nil
}

// setThemes replaces the themes of one entry with names.
func setThemes(ctx context.Context, tx *sqlx.Tx, entryID int64, names []string) error {
	ids, err := themeIDs(ctx, tx, names)
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM entry_themes WHERE entry_id = ?`, entryID); err != nil {
		return err
	}
	for _, t := range ids {
		if _, err := tx.ExecContext(ctx, `INSERT INTO entry_themes (entry_id, theme_id) VALUES (?, ?)`, entryID, t); err != nil {
			return err
		}
	}
	return nil
}

// TagEntry sets the themes of any text entry of a session (a quote, a
// journey note, an idea, an observation, an answer, an assumption check's
// needs or note): the one way themes are written.
func (s *Syntheses) TagEntry(entryID int64, themes []string) (SynthEntry, error) {
	var out SynthEntry
	err := s.tag(entryID, themes, func(tx *sqlx.Tx) (err error) {
		out, err = getSynthEntry(s.ctx, tx, entryID)
		return err
	})
	if err != nil {
		return SynthEntry{}, fmt.Errorf("tag entry %d: %w", entryID, err)
	}
	return out, nil
}

// tag checks themes, sets them on entryID and reads the answer, in one
// transaction: get reads the entry in the caller's shape, before (an
// entry it cannot read is refused, and nothing is written) and after.
func (s *Syntheses) tag(entryID int64, themes []string, get func(tx *sqlx.Tx) error) error {
	names, err := cleanThemes(themes)
	if err != nil {
		return err
	}
	return store.WithTx(s.ctx, s.db, func(tx *sqlx.Tx) error {
		if err := get(tx); err != nil {
			return err
		}
		if err := setThemes(s.ctx, tx, entryID, names); err != nil {
			return err
		}
		return get(tx)
	})
}

// TagQuote sets the themes of a quote (TagEntry, answered as a Quote);
// an entry that is no quote is NotFound, and nothing is written.
func (s *Syntheses) TagQuote(quoteID int64, themes []string) (Quote, error) {
	var out Quote
	err := s.tag(quoteID, themes, func(tx *sqlx.Tx) (err error) {
		out, err = getQuote(s.ctx, tx, quoteID)
		return err
	})
	if err != nil {
		return Quote{}, fmt.Errorf("tag quote %d: %w", quoteID, err)
	}
	return out, nil
}

// TagResponse sets the themes of a response's notes: responseID is a
// Response's ID (the id of one of its entries); the themes go on its needs
// and note entries, and on an empty note when it has neither, so that
// they are kept.
func (s *Syntheses) TagResponse(responseID int64, themes []string) (Response, error) {
	names, err := cleanThemes(themes)
	if err != nil {
		return Response{}, fmt.Errorf("tag response %d: %w", responseID, err)
	}
	var out Response
	err = store.WithTx(s.ctx, s.db, func(tx *sqlx.Tx) error {
		var e struct {
			SessionID    int64  `db:"session_id"`
			ActivityID   int64  `db:"activity_id"`
			ItemID       int64  `db:"item_id"`
			MemberID     *int64 `db:"member_id"`
			FormerMember int    `db:"former_member"`
		}
		err := sqlx.GetContext(s.ctx, tx, &e, `SELECT session_id, activity_id, item_id, member_id, former_member
			FROM response_entries WHERE id = ?`, responseID)
		if err != nil {
			return store.Map(err, fmt.Sprintf("response %d", responseID))
		}
		var ids []int64
		if err := sqlx.SelectContext(s.ctx, tx, &ids, `SELECT id FROM entries
			WHERE item_id = ? AND member_id IS ? AND kind IN ('needs', 'note') ORDER BY id`, e.ItemID, e.MemberID); err != nil {
			return err
		}
		if len(ids) == 0 {
			id, err := store.NewID(s.ctx, tx)
			if err != nil {
				return err
			}
			now := s.stamp()
			if _, err := tx.ExecContext(s.ctx, `INSERT INTO entries
				(id, session_id, activity_id, item_id, member_id, former_member, kind, text, created_at, updated_at)
				VALUES (?, ?, ?, ?, ?, ?, 'note', '', ?, ?)`,
				id, e.SessionID, e.ActivityID, e.ItemID, e.MemberID, e.FormerMember, now, now); err != nil {
				return fmt.Errorf("add note: %w", err)
			}
			ids = append(ids, id)
		}
		for _, id := range ids {
			if err := setThemes(s.ctx, tx, id, names); err != nil {
				return err
			}
		}
		var member int64
		if e.MemberID != nil {
			member = *e.MemberID
		}
		out, err = getResponse(s.ctx, tx, e.SessionID, e.ItemID, member)
		return err
	})
	if err != nil {
		return Response{}, fmt.Errorf("tag response %d: %w", responseID, err)
	}
	return out, nil
}

// validate checks an opportunity. The statement is kept as typed: the UI
// hints at "How might we …" but does not force it.
func (in *OpportunityInput) validate() error {
	var p valid.Problems
	p.Text("hmw", in.HMW, maxHMW)
	p.Range("effort", in.Effort, 1, 5)
	p.Range("impact", in.Impact, 1, 5)
	return p.Err()
}

// SaveOpportunity adds (ID 0) or edits an opportunity.
func (s *Syntheses) SaveOpportunity(in OpportunityInput) (Opportunity, error) {
	what := "add opportunity"
	if in.ID != 0 {
		what = fmt.Sprintf("edit opportunity %d", in.ID)
	}
	if err := in.validate(); err != nil {
		return Opportunity{}, fmt.Errorf("%s: %w", what, err)
	}
	var out Opportunity
	err := store.WithTx(s.ctx, s.db, func(tx *sqlx.Tx) error {
		if err := fixSession(s.ctx, tx, "opportunities", "opportunity", in.ID, &in.SessionID); err != nil {
			return err
		}
		if err := checkSourceEntry(s.ctx, tx, in.SessionID, in.SourceEntryID); err != nil {
			return err
		}
		id := in.ID
		if id == 0 {
			var err error
			if id, err = store.NewID(s.ctx, tx); err != nil {
				return err
			}
			_, err = tx.ExecContext(s.ctx, `INSERT INTO opportunities
				(id, session_id, hmw, effort, impact, picked, source_entry_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
				id, in.SessionID, in.HMW, in.Effort, in.Impact, in.Picked, store.NullZero(in.SourceEntryID), s.stamp())
			if err != nil {
				return store.Map(err, "opportunity")
			}
		} else if err := store.ExecOne(s.ctx, tx, fmt.Sprintf("opportunity %d", id), `UPDATE opportunities
			SET hmw = ?, effort = ?, impact = ?, picked = ?, source_entry_id = coalesce(?, source_entry_id) WHERE id = ?`,
			in.HMW, in.Effort, in.Impact, in.Picked, store.NullZero(in.SourceEntryID), id); err != nil {
			return err
		}
		var err error
		out, err = getOpportunity(s.ctx, tx, id)
		return err
	})
	if err != nil {
		return Opportunity{}, fmt.Errorf("%s: %w", what, err)
	}
	return out, nil
}

// DeleteOpportunity removes an opportunity.
func (s *Syntheses) DeleteOpportunity(id int64) error {
	if err := store.ExecOne(s.ctx, s.db, fmt.Sprintf("opportunity %d", id),
		`DELETE FROM opportunities WHERE id = ?`, id); err != nil {
		return fmt.Errorf("delete opportunity %d: %w", id, err)
	}
	return nil
}

// validate normalises (title and owner trimmed) and checks an action.
func (in *ActionInput) validate() error {
	in.Title = strings.TrimSpace(in.Title)
	in.Owner = strings.TrimSpace(in.Owner)
	in.DueOn = strings.TrimSpace(in.DueOn)
	var p valid.Problems
	p.Text("title", in.Title, maxActionTitle)
	p.MaxLen("owner", in.Owner, maxActionOwner)
	p.Date("dueOn", in.DueOn)
	return p.Err()
}

// SaveAction adds (ID 0) or edits an action. Done sets done_on to today
// unless it was already done (its date is kept); not done clears it.
func (s *Syntheses) SaveAction(in ActionInput) (Action, error) {
	what := "add action"
	if in.ID != 0 {
		what = fmt.Sprintf("edit action %d", in.ID)
	}
	if err := in.validate(); err != nil {
		return Action{}, fmt.Errorf("%s: %w", what, err)
	}
	var out Action
	err := store.WithTx(s.ctx, s.db, func(tx *sqlx.Tx) error {
		if err := fixSession(s.ctx, tx, "actions", "action", in.ID, &in.SessionID); err != nil {
			return err
		}
		// On a shared board the owner is a teammate (or nobody in particular).
		if err := teammates.Validate(s.ctx, tx, "actions", in.ID, in.Owner); err != nil {
			return err
		}
		var done any
		if in.Done {
			done = s.today()
		}
		id := in.ID
		if id == 0 {
			var err error
			if id, err = store.NewID(s.ctx, tx); err != nil {
				return err
			}
			_, err = tx.ExecContext(s.ctx, `INSERT INTO actions
				(id, session_id, title, owner, due_on, done_on, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
				id, in.SessionID, in.Title, in.Owner, nullText(in.DueOn), done, s.stamp())
			if err != nil {
				return store.Map(err, "action")
			}
		} else if err := store.ExecOne(s.ctx, tx, fmt.Sprintf("action %d", id), `UPDATE actions
			SET title = ?, owner = ?, due_on = ?,
				done_on = CASE WHEN ? IS NULL THEN NULL ELSE coalesce(done_on, ?) END
			WHERE id = ?`,
			in.Title, in.Owner, nullText(in.DueOn), done, done, id); err != nil {
			return err
		}
		return sqlx.GetContext(s.ctx, tx, &out, `SELECT `+actionColumns+` FROM actions WHERE id = ?`, id)
	})
	if err != nil {
		return Action{}, fmt.Errorf("%s: %w", what, err)
	}
	return out, nil
}

// DeleteAction removes an action.
func (s *Syntheses) DeleteAction(id int64) error {
	if err := store.ExecOne(s.ctx, s.db, fmt.Sprintf("action %d", id), `DELETE FROM actions WHERE id = ?`, id); err != nil {
		return fmt.Errorf("delete action %d: %w", id, err)
	}
	return nil
}

// fixSession settles the session of a new or edited synthesis row of
// table: a new row needs an existing session; an edited row keeps its own
// (sessionID 0 means "its own", another id is refused).
func fixSession(ctx context.Context, tx *sqlx.Tx, table, what string, id int64, sessionID *int64) error {
	if id != 0 {
		var own int64
		// table is a constant of this file, never input.
		err := sqlx.GetContext(ctx, tx, &own, `SELECT session_id FROM `+table+` WHERE id = ?`, id)
		if err != nil {
			return store.Map(err, fmt.Sprintf("%s %d", what, id))
		}
		if *sessionID != 0 && *sessionID != own {
			return store.Invalid("%s %d belongs to session %d, not %d", what, id, own, *sessionID)
		}
		*sessionID = own
		return nil
	}
	_, err := headOf(ctx, tx, *sessionID)
	return err
}

// nullText stores "" as NULL (optional dates).
func nullText(v string) any {
	if v == "" {
		return nil
	}
	return v
}
