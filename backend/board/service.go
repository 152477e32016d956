package board

import (
	"context"
	"time"

	"soundingboard/backend/store"
)

// Service is the board's API, bound to the desktop window and served over
// HTTP in browser mode. Its methods take no context because Wails binds
// them as they are; they use the context given at construction, which the
// app cancels on shutdown.
type Service struct {
	ctx      context.Context
	db       *store.DB
	now      func() time.Time
	analyses chan struct{} // one token per contact file being read; see startAnalysis
	undo     *bulkUndo     // bulk edits that can still be undone
}

// NewService returns a board service over db.
func NewService(ctx context.Context, db *store.DB) *Service {
	return &Service{ctx: ctx, db: db, now: time.Now, analyses: make(chan struct{}, maxAnalyses),
		undo: &bulkUndo{edits: map[int64]*bulkChange{}}}
}

// WithContext is s working with ctx instead of the context it was made
// with: browser mode gives each call its request's context this way, so a
// preview of a large file stops when the browser gives up. It is a function,
// not a method, so that it is not bound to the window.
func WithContext(s *Service, ctx context.Context) *Service {
	c := *s // shares the database and the limit on files read at once
	c.ctx = ctx
	return &c
}

// today is the local calendar date as YYYY-MM-DD.
func (s *Service) today() string { return s.now().Format(time.DateOnly) }

// stamp is the current instant as RFC 3339 UTC.
func (s *Service) stamp() string { return s.now().UTC().Format(time.RFC3339) }
