// Package demo loads the sample data of every domain into an empty
// database: the board first, then the sessions that run over it, then the
// follow-ups (reminders) of those sessions.
package demo

import (
	"fmt"

	"soundingboard/backend/board"
	"soundingboard/backend/loop"
	"soundingboard/backend/session"
	"soundingboard/backend/transcript"
)

// Service loads the sample data; bound to the window and served in
// browser mode like the domain services.
type Service struct {
	board       *board.Service
	session     *session.Plans
	loop        *loop.Service
	transcripts *transcript.Transcripts
}

// NewService returns a demo loader over the board, session plans, loop and
// transcript services.
func NewService(b *board.Service, s *session.Plans, l *loop.Service, t *transcript.Transcripts) *Service {
	return &Service{board: b, session: s, loop: l, transcripts: t}
}

// Result reports what the sample data added.
type Result struct {
	Members     int `json:"members"`
	Segments    int `json:"segments"`
	Decisions   int `json:"decisions"`
	Sessions    int `json:"sessions"`
	Reminders   int `json:"reminders"`
	Transcripts int `json:"transcripts"`
}

// Load fills an empty database with the sample board and sample sessions.
// The board refuses when it already has members, so nothing is loaded
// twice. The two loads are separate transactions: should the sessions
// fail after the board loaded, the board stays and the error says so.
func (d *Service) Load() (Result, error) {
	b, err := d.board.LoadDemo()
	if err != nil {
		return Result{}, err
	}
	s, err := d.session.LoadDemo()
	if err != nil {
		return Result{}, fmt.Errorf("the sample board was loaded, but not the sample sessions: %w", err)
	}
	l, err := d.loop.LoadDemo()
	if err != nil {
		return Result{}, fmt.Errorf("the sample board and sessions were loaded, but not the sample follow-ups: %w", err)
	}
	t, err := d.transcripts.LoadDemo()
	if err != nil {
		return Result{}, fmt.Errorf("the sample board, sessions and follow-ups were loaded, but not the sample transcript: %w", err)
	}
	return Result{Members: b.Members, Segments: b.Segments, Decisions: s.Decisions, Sessions: s.Sessions,
		Reminders: l.Reminders, Transcripts: t}, nil
}
