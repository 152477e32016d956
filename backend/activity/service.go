package activity

import (
	"context"
	"errors"
	"time"

	"soundingboard/backend/store"
)

// Agendas is the service of a session's agenda: planning its activities,
// running them (entries, timers, the activity on screen) and reading each
// kind's results. Methods use the context given at construction, because
// Wails binds them without one.
type Agendas struct {
	ctx context.Context
	db  *store.DB
	now func() time.Time
}

// NewAgendas returns the agenda service over db.
func NewAgendas(ctx context.Context, db *store.DB) *Agendas {
	return &Agendas{ctx: ctx, db: db, now: time.Now}
}

func (s *Agendas) stamp() string { return s.now().UTC().Format(time.RFC3339) }

// errTodo marks the contract's methods not built yet.
var errTodo = errors.New("not built yet")

// Templates lists the workshop formats as agendas.
func (s *Agendas) Templates() ([]Template, error) {
	return append([]Template{}, templates...), nil
}

// RunActivity returns everything the run view shows for one activity:
// the activity, its entries and its results.
func (s *Agendas) RunActivity(activityID int64) (ActivityRun, error) { return ActivityRun{}, errTodo }

// SaveEntry saves one entry (see EntryInput) as it is typed.
func (s *Agendas) SaveEntry(in EntryInput) (Entry, error) { return Entry{}, errTodo }

// DeleteEntry removes an entry (a note, idea, quote, reaction or vote).
func (s *Agendas) DeleteEntry(id int64) error { return errTodo }

// Run returns the whole agenda as the run view opens it: every activity
// (removed ones left out) with its entries and results, in agenda order.
func (s *Agendas) Run(sessionID int64) (AgendaRun, error) { return AgendaRun{}, errTodo }
