package session

import (
	"context"
	"sync"
	"time"

	"github.com/jmoiron/sqlx"
)

// Service is the sessions API, bound to the window and served in browser
// mode. Methods use the context given at construction (cancelled on
// shutdown) because Wails binds them without one.
type Service struct {
	ctx context.Context
	db  *sqlx.DB
	now func() time.Time

	// writes serialises this service's write transactions in the process
	// (see writeTx): SQLite's busy handler polls, so under a burst of
	// autosaves one writer could starve past busy_timeout; a Go mutex
	// queues them fairly instead.
	writes sync.Mutex
}

// NewService returns a session service over db.
func NewService(ctx context.Context, db *sqlx.DB) *Service {
	return &Service{ctx: ctx, db: db, now: time.Now}
}

func (s *Service) today() string { return s.now().Format(time.DateOnly) }
func (s *Service) stamp() string { return s.now().UTC().Format(time.RFC3339) }
