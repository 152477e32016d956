package session

import (
	"context"
	"database/sql"
	"reflect"
	"testing"

	"github.com/jmoiron/sqlx"

	"soundingboard/backend/store"
)

// writeBetween is a Queryer that runs write once, just before the second
// query it is asked to run: a write that commits between two queries of
// one answer.
type writeBetween struct {
	store.Queryer
	queries int
	write   func()
}

func (w *writeBetween) before() {
	if w.queries++; w.queries == 2 {
		w.write()
	}
}

func (w *writeBetween) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	w.before()
	return w.Queryer.QueryContext(ctx, query, args...)
}

func (w *writeBetween) QueryxContext(ctx context.Context, query string, args ...any) (*sqlx.Rows, error) {
	w.before()
	return w.Queryer.QueryxContext(ctx, query, args...)
}

func (w *writeBetween) QueryRowxContext(ctx context.Context, query string, args ...any) *sqlx.Row {
	w.before()
	return w.Queryer.QueryRowxContext(ctx, query, args...)
}

// Every answer built from several queries reads one snapshot: a write that
// commits (on the write connection) after its first query is in none of
// its parts, and in the next answer. Without the read transaction, the
// later queries see the new quote, participant and log entry beside a
// session row read before them.
func TestAnswersReadOneSnapshot(t *testing.T) {
	for _, tc := range []struct {
		name string
		core func(s *Services) *core
		call func(s *Services, sc runScene) (any, error)
	}{
		{"GetRun", func(s *Services) *core { return &s.Runs.core },
			func(s *Services, sc runScene) (any, error) { return s.Runs.GetRun(sc.session) }},
		{"GetSession", func(s *Services) *core { return &s.Plans.core },
			func(s *Services, sc runScene) (any, error) { return s.Plans.GetSession(sc.session) }},
		{"Picker", func(s *Services) *core { return &s.Plans.core },
			func(s *Services, sc runScene) (any, error) { return s.Plans.Picker(sc.session) }},
		{"MemberSessions", func(s *Services) *core { return &s.Plans.core },
			func(s *Services, sc runScene) (any, error) { return s.Plans.MemberSessions(sc.ada) }},
		{"GetDecision", func(s *Services) *core { return &s.Decisions.core },
			func(s *Services, sc runScene) (any, error) { return s.Decisions.GetDecision(sc.decision) }},
		{"Ledger", func(s *Services) *core { return &s.Decisions.core },
			func(s *Services, sc runScene) (any, error) { return s.Decisions.Ledger(LedgerQuery{}) }},
		{"Synthesis", func(s *Services) *core { return &s.Syntheses.core },
			func(s *Services, sc runScene) (any, error) { return s.Syntheses.Synthesis(sc.session) }},
		{"ReadSessionReport", func(s *Services) *core { return &s.Runs.core },
			func(s *Services, sc runScene) (any, error) { return s.ReadSessionReport(sc.session) }},
		{"ReadLedgerReport", func(s *Services) *core { return &s.Decisions.core },
			func(s *Services, sc runScene) (any, error) { return s.ReadLedgerReport(sc.decision) }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := newRunFx(t)
			sc := f.scene()
			before, err := tc.call(f.s, sc)
			if err != nil {
				t.Fatal(err)
			}
			var w *writeBetween
			tc.core(f.s).tap = func(q store.Queryer) store.Queryer {
				w = &writeBetween{Queryer: q, write: func() {
					err := store.WithTx(context.Background(), f.db, func(tx *sqlx.Tx) error {
						ids, err := store.NewIDs(context.Background(), tx, 2) // the quote's, the log entry's
						if err != nil {
							return err
						}
						for _, st := range []struct {
							query string
							args  []any
						}{
							{`INSERT INTO entries (id, session_id, activity_id, item_id, member_id, kind, text, created_at, updated_at)
								SELECT ?, session_id, activity_id, item_id, ?, 'quote', 'said in between', 'x', 'x'
								FROM assumption_items WHERE session_id = ? AND assumption_id = ?`, []any{ids, sc.ada, sc.session, sc.a1}},
							{`INSERT INTO participants (session_id, member_id, state) VALUES (?, ?, 'invited')`,
								[]any{sc.session, sc.outsider}},
							{`INSERT INTO decision_log (id, decision_id, outcome, decided_on, created_at)
								VALUES (?, ?, 'persevere', '2025-06-15', 'x')`, []any{ids + 1, sc.decision}},
						} {
							if _, err := tx.Exec(st.query, st.args...); err != nil {
								return err
							}
						}
						return nil
					})
					if err != nil {
						t.Errorf("write between two queries: %v", err)
					}
				}}
				return w
			}
			during, err := tc.call(f.s, sc)
			if err != nil {
				t.Fatal(err)
			}
			if w == nil || w.queries < 2 {
				t.Fatalf("the answer took one query or none; nothing to test")
			}
			if !reflect.DeepEqual(during, before) {
				t.Errorf("the answer mixes two states:\nbefore the write %+v\nduring it        %+v", before, during)
			}
			tc.core(f.s).tap = nil
			after, err := tc.call(f.s, sc)
			if err != nil {
				t.Fatal(err)
			}
			if reflect.DeepEqual(after, before) {
				t.Errorf("the write between the queries is not in the next answer either; the test proves nothing")
			}
		})
	}
}
