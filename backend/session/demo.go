package session

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/jmoiron/sqlx"

	"soundingboard/backend/activity"
	"soundingboard/backend/board"
	"soundingboard/backend/store"
)

// LoadDemo adds sample decisions and sessions over the sample board (load
// that first with the board's LoadDemo): two decisions with six assumptions
// each, three finished sessions with responses, quotes, verdicts, synthesis
// and decision-log entries, and one planned session a week ahead. It
// refuses (Conflict) when any decision exists. Everything is written in one
// transaction with plain SQL; dates count back from today.
func (s *Plans) LoadDemo() (DemoResult, error) {
	var res DemoResult
	err := store.WithTx(s.ctx, s.db, func(tx *sqlx.Tx) error {
		var n int
		if err := sqlx.GetContext(s.ctx, tx, &n, `SELECT count(*) FROM decisions`); err != nil {
			return err
		}
		if n > 0 {
			return store.Conflict("there are decisions already; the sample sessions load only into a database without any")
		}
		l := &demoLoader{ctx: s.ctx, tx: tx, now: s.now(), assumptions: map[string]int64{},
			evidence: map[string]int{}, decisions: map[string]int64{}, themes: map[string]int64{}}
		if err := l.findMembers(); err != nil {
			return err
		}
		for _, d := range demoDecisions() {
			if err := l.decision(d); err != nil {
				return fmt.Errorf("sample decision %q: %w", d.title, err)
			}
			res.Decisions++
		}
		for _, ds := range append(demoSessions(), demoWorkshops()...) {
			if err := l.session(ds); err != nil {
				return fmt.Errorf("sample session %q: %w", ds.title, err)
			}
			res.Sessions++
		}
		for _, d := range demoDecisions() {
			id, err := store.NewID(s.ctx, tx)
			if err != nil {
				return err
			}
			if _, err := tx.ExecContext(s.ctx, `INSERT INTO decision_log (id, decision_id, outcome, rationale, decided_on,
				created_at) VALUES (?, ?, ?, ?, ?, ?)`, id, l.decisions[d.key], d.log.outcome, d.log.rationale, l.day(d.log.ago),
				l.stampAt(d.log.ago, "17:00")); err != nil {
				return fmt.Errorf("sample decision log: %w", err)
			}
		}
		return nil
	})
	if err != nil {
		return DemoResult{}, fmt.Errorf("load sample sessions: %w", err)
	}
	return res, nil
}

// demoLoader writes the sample data inside one transaction, remembering
// the ids it creates by the sample's keys.
type demoLoader struct {
	ctx         context.Context
	tx          *sqlx.Tx
	now         time.Time
	members     map[string]int64 // by email
	decisions   map[string]int64 // by key
	assumptions map[string]int64 // by key
	evidence    map[string]int   // current evidence by assumption key
	importance  map[string]int
	themes      map[string]int64 // by name
}

// day is today minus ago days (negative: ahead), YYYY-MM-DD.
func (l *demoLoader) day(ago int) string { return l.now.AddDate(0, 0, -ago).Format(time.DateOnly) }

// stampAt is an RFC 3339 instant on day(ago) at clock (HH:MM).
func (l *demoLoader) stampAt(ago int, clock string) string { return l.day(ago) + "T" + clock + ":00Z" }

// clockPlus is start (HH:MM) plus minutes, as HH:MM.
func clockPlus(start string, minutes int) string {
	t, err := time.Parse("15:04", start)
	if err != nil {
		return start
	}
	return t.Add(time.Duration(minutes) * time.Minute).Format("15:04")
}

func (l *demoLoader) findMembers() error {
	var rows []struct {
		ID    int64  `db:"id"`
		Email string `db:"email"`
	}
	if err := sqlx.SelectContext(l.ctx, l.tx, &rows, `SELECT id, email FROM members WHERE email IS NOT NULL`); err != nil {
		return err
	}
	l.members = map[string]int64{}
	for _, r := range rows {
		l.members[strings.ToLower(r.Email)] = r.ID
	}
	for _, ds := range append(demoSessions(), demoWorkshops()...) {
		for _, p := range ds.people {
			if l.members[p.email] == 0 {
				return store.Invalid("the sample sessions need the sample board (member %s is missing); load it first", p.email)
			}
		}
	}
	return nil
}

func (l *demoLoader) decision(d demoDecision) error {
	created := l.stampAt(d.createdAgo, "09:00")
	did, err := store.NewID(l.ctx, l.tx)
	if err != nil {
		return err
	}
	if _, err := l.tx.ExecContext(l.ctx, `INSERT INTO decisions (id, title, question, owner, deadline, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?)`, did, d.title, d.question, d.owner, l.day(-d.deadlineIn), created, created); err != nil {
		return err
	}
	l.decisions[d.key] = did
	if l.importance == nil {
		l.importance = map[string]int{}
	}
	for i, a := range d.assumptions {
		at := l.stampAt(d.createdAgo, clockPlus("09:10", 5*i))
		id, err := store.NewID(l.ctx, l.tx)
		if err != nil {
			return err
		}
		if _, err := l.tx.ExecContext(l.ctx, `INSERT INTO assumptions (id, decision_id, customers, behavior, reason,
			category, importance, evidence, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			id, did, a.customers, a.behavior, a.reason, a.category, a.importance, a.evidence, at, at); err != nil {
			return fmt.Errorf("assumption %s: %w", a.key, err)
		}
		l.assumptions[a.key], l.evidence[a.key], l.importance[a.key] = id, a.evidence, a.importance
		if err := recordMove(l.ctx, l.tx, id, a.importance, a.evidence, at, placedNote); err != nil {
			return err
		}
	}
	return nil
}

func (l *demoLoader) session(ds demoSession) error {
	finished := ds.status == "finished"
	opener := defaultOpener()
	for i := range opener {
		opener[i].Done = finished
	}
	openerJSON, err := json.Marshal(opener)
	if err != nil {
		return err
	}
	promptsJSON, err := json.Marshal(ds.prompts)
	if err != nil {
		return err
	}
	keys := append([]string{}, ds.assumptions...)
	for _, t := range ds.tests {
		keys = append(keys, t.assumption)
	}
	var started, ended any
	position := 0
	if finished {
		started, ended = l.stampAt(ds.ago, ds.start), l.stampAt(ds.ago, clockPlus(ds.start, ds.duration))
		position = max(len(keys)-1, 0)
	}
	created := l.stampAt(ds.ago+7, "11:00") // planned a week ahead
	format := "assumption_testing"
	if ds.format != "" {
		format = ds.format
	}
	id, err := store.NewID(l.ctx, l.tx)
	if err != nil {
		return err
	}
	_, err = l.tx.ExecContext(l.ctx, `INSERT INTO sessions (id, decision_id, title, customer_title, format, scheduled_on,
		start_time, duration_minutes, place, facilitator, note_taker, agenda, prompts, opener, status, current_position,
		started_at, finished_at, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'Mara Jensen', 'Jonas Berg', ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		id, l.decisions[ds.decision], ds.title, ds.customerTitle, format, l.day(ds.ago), ds.start, ds.duration, ds.place,
		ds.agenda, string(promptsJSON), string(openerJSON), ds.status, position, started, ended, created, created)
	if err != nil {
		return err
	}
	// The agenda of the format, its assumption check holding the keys,
	// with the time spent on those tested; a workshop writes its own.
	if ds.workshop == nil {
		if err := activity.Seed(l.ctx, l.tx, id, format, created); err != nil {
			return err
		}
	}
	ids := make([]int64, len(keys))
	for i, k := range keys {
		ids[i] = l.assumptions[k]
	}
	if err := setSessionAssumptions(l.ctx, l.tx, id, ids, created); err != nil {
		return err
	}
	for _, t := range ds.tests {
		if _, err := l.tx.ExecContext(l.ctx, `UPDATE activity_items SET seconds_spent = ?
			WHERE id = (SELECT item_id FROM assumption_items WHERE session_id = ? AND assumption_id = ?)`,
			t.seconds, id, l.assumptions[t.assumption]); err != nil {
			return fmt.Errorf("assumption %s: %w", t.assumption, err)
		}
	}
	if _, err := l.tx.ExecContext(l.ctx, `UPDATE activities SET seconds_spent =
		(SELECT coalesce(sum(i.seconds_spent), 0) FROM activity_items i WHERE i.activity_id = activities.id)
		WHERE session_id = ?`, id); err != nil {
		return err
	}
	for _, p := range ds.people {
		if _, err := l.tx.ExecContext(l.ctx, `INSERT INTO participants (session_id, member_id, state) VALUES (?, ?, ?)`,
			id, l.members[p.email], p.state); err != nil {
			return fmt.Errorf("participant %s: %w", p.email, err)
		}
		if finished && p.state == "attended" {
			if _, err := board.InsertTouchpoint(l.ctx, l.tx, board.TouchpointInsert{MemberID: l.members[p.email], Kind: "session",
				HappenedOn: l.day(ds.ago), Summary: tookPartIn(ds.title), CreatedAt: ended.(string)}); err != nil {
				return fmt.Errorf("touchpoint of %s: %w", p.email, err)
			}
		}
	}
	if err := l.workshop(id, ds); err != nil {
		return err
	}
	minute := 10 // minutes into the session; the opener comes first
	for _, t := range ds.tests {
		if err := l.test(id, ds, t, minute); err != nil {
			return fmt.Errorf("assumption %s: %w", t.assumption, err)
		}
		minute += t.seconds / 60
	}
	for _, o := range ds.opportunities {
		oid, err := store.NewID(l.ctx, l.tx)
		if err != nil {
			return err
		}
		if _, err := l.tx.ExecContext(l.ctx, `INSERT INTO opportunities (id, session_id, hmw, effort, impact, picked,
			created_at) VALUES (?, ?, ?, ?, ?, ?, ?)`, oid, id, o.hmw, o.effort, o.impact, o.picked,
			l.stampAt(ds.ago-2, "14:00")); err != nil {
			return fmt.Errorf("opportunity: %w", err)
		}
	}
	for _, a := range ds.actions {
		var done any
		if a.doneAgo >= 0 {
			done = l.day(a.doneAgo)
		}
		aid, err := store.NewID(l.ctx, l.tx)
		if err != nil {
			return err
		}
		if _, err := l.tx.ExecContext(l.ctx, `INSERT INTO actions (id, session_id, title, owner, due_on, done_on, created_at)
			VALUES (?, ?, ?, ?, ?, ?, ?)`, aid, id, a.title, a.owner, l.day(-a.dueIn), done,
			l.stampAt(ds.ago-1, "09:30")); err != nil {
			return fmt.Errorf("action: %w", err)
		}
	}
	return nil
}

// test writes what was said about one assumption in a session, its
// verdict, and the assumption's move on the map that the verdict caused.
func (l *demoLoader) test(sessionID int64, ds demoSession, t demoTest, minute int) error {
	aid := l.assumptions[t.assumption]
	at := l.stampAt(ds.ago, clockPlus(ds.start, minute))
	h := sessionHead{ID: sessionID, Title: ds.title, Status: ds.status}
	it, err := itemOf(l.ctx, l.tx, h, aid)
	if err != nil {
		return err
	}
	for _, r := range t.responses {
		slot := entrySlot{session: sessionID, item: it, member: l.members[r.who], now: at}
		for _, f := range []struct{ kind, text string }{{"stance", r.stance}, {"needs", r.needs}, {"note", r.notes}} {
			if err := slot.setText(l.ctx, l.tx, f.kind, f.text); err != nil {
				return fmt.Errorf("response of %s: %w", r.who, err)
			}
		}
		if err := slot.setReactions(l.ctx, l.tx, splitCommaList[string](r.reactions)); err != nil {
			return fmt.Errorf("response of %s: %w", r.who, err)
		}
	}
	for _, q := range t.quotes {
		slot := entrySlot{session: sessionID, item: it, member: l.members[q.who], now: at}
		qid, err := slot.add(l.ctx, l.tx, "quote", q.text)
		if err != nil {
			return fmt.Errorf("quote of %s: %w", q.who, err)
		}
		for _, name := range q.themes {
			tid, err := l.theme(name)
			if err != nil {
				return err
			}
			if _, err := l.tx.ExecContext(l.ctx, `INSERT INTO entry_themes (entry_id, theme_id) VALUES (?, ?)`, qid, tid); err != nil {
				return fmt.Errorf("theme %q: %w", name, err)
			}
		}
	}
	decided := l.stampAt(ds.ago, clockPlus(ds.start, minute+t.seconds/60))
	if _, err := l.tx.ExecContext(l.ctx, `INSERT INTO verdicts (session_id, assumption_id, verdict, rationale, confidence, decided_at)
		VALUES (?, ?, ?, ?, ?, ?)`, sessionID, aid, t.verdict, t.rationale, t.confidence, decided); err != nil {
		return fmt.Errorf("verdict: %w", err)
	}
	// A rating is new evidence: a clear verdict puts the assumption high on
	// the evidence axis, "needs more research" one step up.
	ev := 4
	if t.verdict == "needs_research" {
		ev = min(l.evidence[t.assumption]+1, 5)
	}
	l.evidence[t.assumption] = ev
	if _, err := l.tx.ExecContext(l.ctx, `UPDATE assumptions SET evidence = ?, updated_at = ? WHERE id = ?`,
		ev, decided, aid); err != nil {
		return err
	}
	note := strings.ReplaceAll(t.verdict, "_", " ") + " in " + ds.title
	return recordMove(l.ctx, l.tx, aid, l.importance[t.assumption], ev, decided, note)
}

// theme returns the id of a theme, creating it on first use.
func (l *demoLoader) theme(name string) (int64, error) {
	if id, ok := l.themes[name]; ok {
		return id, nil
	}
	tid, err := store.NewID(l.ctx, l.tx)
	if err != nil {
		return 0, err
	}
	if _, err := l.tx.ExecContext(l.ctx, `INSERT INTO themes (id, name) VALUES (?, ?) ON CONFLICT (name) DO NOTHING`,
		tid, name); err != nil {
		return 0, fmt.Errorf("theme %q: %w", name, err)
	}
	var id int64
	if err := sqlx.GetContext(l.ctx, l.tx, &id, `SELECT id FROM themes WHERE name = ?`, name); err != nil {
		return 0, fmt.Errorf("theme %q: %w", name, err)
	}
	l.themes[name] = id
	return id, nil
}
