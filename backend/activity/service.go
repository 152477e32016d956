package activity

import (
	"context"
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

// Templates lists the workshop formats as agendas.
func (s *Agendas) Templates() ([]Template, error) {
	return append([]Template{}, templates...), nil
}
