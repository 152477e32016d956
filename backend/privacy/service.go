// Package privacy lets the team honour a board member's rights over their
// data: an export of everything the app holds about one person, and
// erasure that removes the person and what identifies them while keeping
// what they said as anonymous text, logged without personal data.
package privacy

import (
	"context"
	"time"

	"soundingboard/backend/store"
)

// Service is the privacy API, bound to the window and served in browser
// mode. Like the other services it uses the context given at construction.
type Service struct {
	ctx context.Context
	db  *store.DB
	now func() time.Time
}

// NewService returns a privacy service over db.
func NewService(ctx context.Context, db *store.DB) *Service {
	return &Service{ctx: ctx, db: db, now: time.Now}
}

// stamp is the current instant as RFC 3339 UTC.
func (s *Service) stamp() string { return s.now().UTC().Format(time.RFC3339) }
