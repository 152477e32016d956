package session

import (
	"context"
	"time"

	"soundingboard/backend/store"
)

// Service is the sessions API, bound to the window and served in browser
// mode. Methods use the context given at construction (cancelled on
// shutdown) because Wails binds them without one.
type Service struct {
	ctx context.Context
	db  *store.DB
	now func() time.Time
}

// NewService returns a session service over db.
func NewService(ctx context.Context, db *store.DB) *Service {
	return &Service{ctx: ctx, db: db, now: time.Now}
}

func (s *Service) today() string { return s.now().Format(time.DateOnly) }
func (s *Service) stamp() string { return s.now().UTC().Format(time.RFC3339) }
