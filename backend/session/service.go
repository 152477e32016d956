package session

import (
	"context"
	"fmt"
	"time"

	"soundingboard/backend/store"
)

// The sessions API is four services, one per concern, each bound to the
// window and served in browser mode on its own:
//
//   - Decisions: decisions, their assumptions and map moves, the decision
//     log and the assumption ledger;
//   - Plans: sessions, their plan and participants (and the sample data);
//   - Runs: the live run: responses, quotes, verdicts, attendance;
//   - Syntheses: themes, opportunities and actions after a session.
//
// Methods use the context given at construction (cancelled on shutdown)
// because Wails binds them without one.

// core is what every session service holds: the database and a clock.
type core struct {
	ctx context.Context
	db  *store.DB
	now func() time.Time

	// tap, when set (by tests only), wraps the transaction every snapshot
	// read runs its queries on, to act between two of them.
	tap func(store.Queryer) store.Queryer
}

func newCore(ctx context.Context, db *store.DB) core {
	return core{ctx: ctx, db: db, now: time.Now}
}

func (c *core) today() string { return c.now().Format(time.DateOnly) }
func (c *core) stamp() string { return c.now().UTC().Format(time.RFC3339) }

// sessionDay is the date a session's touchpoints carry: its date, or today
// when it has none or lies ahead (a session run early happened today; a
// contact is never in the future).
func (c *core) sessionDay(cur Session) string {
	today := c.today()
	if cur.ScheduledOn != "" && cur.ScheduledOn < today {
		return cur.ScheduledOn
	}
	return today
}

// read runs fn on one snapshot of the database (a read transaction), so an
// answer built from several queries never mixes two states: a write that
// commits between two of them is seen by neither.
func read[T any](c *core, fn func(q store.Queryer) (T, error)) (T, error) {
	return store.Read(c.ctx, c.db, func(q store.Queryer) (T, error) {
		if c.tap != nil {
			q = c.tap(q)
		}
		return fn(q)
	})
}

// Decisions is the service of decisions, assumptions, the decision log and
// the assumption ledger.
type Decisions struct{ core }

// NewDecisions returns the decisions service over db.
func NewDecisions(ctx context.Context, db *store.DB) *Decisions {
	return &Decisions{newCore(ctx, db)}
}

// Plans is the service of session plans and their participants.
type Plans struct{ core }

// NewPlans returns the plans service over db.
func NewPlans(ctx context.Context, db *store.DB) *Plans { return &Plans{newCore(ctx, db)} }

// Runs is the service of the live run of a session.
type Runs struct{ core }

// NewRuns returns the live-run service over db.
func NewRuns(ctx context.Context, db *store.DB) *Runs { return &Runs{newCore(ctx, db)} }

// Syntheses is the service of what follows a session: themes,
// opportunities and actions. (Synthesis is the answer it gives.)
type Syntheses struct{ core }

// NewSyntheses returns the synthesis service over db.
func NewSyntheses(ctx context.Context, db *store.DB) *Syntheses {
	return &Syntheses{newCore(ctx, db)}
}

// Services are the four session services over one database.
type Services struct {
	Decisions *Decisions
	Plans     *Plans
	Runs      *Runs
	Syntheses *Syntheses
}

// NewServices returns the session services over db.
func NewServices(ctx context.Context, db *store.DB) *Services {
	return &Services{Decisions: NewDecisions(ctx, db), Plans: NewPlans(ctx, db), Runs: NewRuns(ctx, db),
		Syntheses: NewSyntheses(ctx, db)}
}

// Bound lists the services to bind to the window and serve in browser mode.
func (s *Services) Bound() []any { return []any{s.Decisions, s.Plans, s.Runs, s.Syntheses} }

// SessionReport is what a session's report prints, read from one snapshot.
type SessionReport struct {
	Run       Run
	Synthesis Synthesis
	Decision  DecisionDetail
}

// ReadSessionReport reads a session's run, synthesis and decision from one
// snapshot, so the report never pairs a quote with a synthesis that
// predates it. It is Go API for the report, not bound.
func (s *Services) ReadSessionReport(id int64) (SessionReport, error) {
	c := &s.Runs.core
	return read(c, func(q store.Queryer) (SessionReport, error) {
		run, err := readRun(c.ctx, q, id, c.today())
		if err != nil {
			return SessionReport{}, fmt.Errorf("open run of session %d: %w", id, err)
		}
		syn, err := readSynthesis(c.ctx, q, id)
		if err != nil {
			return SessionReport{}, fmt.Errorf("synthesis of session %d: %w", id, err)
		}
		dec, err := readDecision(c.ctx, q, run.Session.DecisionID)
		if err != nil {
			return SessionReport{}, fmt.Errorf("get decision %d: %w", run.Session.DecisionID, err)
		}
		return SessionReport{Run: run, Synthesis: syn, Decision: dec}, nil
	})
}

// LedgerReport is what the assumptions report prints, read from one snapshot.
type LedgerReport struct {
	Decision *DecisionDetail // nil for all decisions
	Ledger   Ledger
}

// ReadLedgerReport reads the ledger of a decision (0 = all) and, for one
// decision, its detail, from one snapshot. Go API for the report, not bound.
func (s *Services) ReadLedgerReport(decisionID int64) (LedgerReport, error) {
	lq := LedgerQuery{DecisionID: decisionID}
	if err := lq.validate(); err != nil {
		return LedgerReport{}, fmt.Errorf("ledger: %w", err)
	}
	c := &s.Decisions.core
	return read(c, func(q store.Queryer) (LedgerReport, error) {
		var out LedgerReport
		if decisionID != 0 {
			d, err := readDecision(c.ctx, q, decisionID)
			if err != nil {
				return LedgerReport{}, fmt.Errorf("get decision %d: %w", decisionID, err)
			}
			out.Decision = &d
		}
		l, err := readLedger(c.ctx, q, lq)
		if err != nil {
			return LedgerReport{}, fmt.Errorf("ledger: %w", err)
		}
		out.Ledger = l
		return out, nil
	})
}
