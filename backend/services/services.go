// Package services composes the backend services over one open database:
// the set the desktop window binds and browser mode (`serve`) serves, and
// the command line runs its commands on. It lives apart from both so that
// package main (the window) and package cli share one composition.
package services

import (
	"context"
	"errors"
	"log"
	"os"
	"soundingboard/backend/activity"
	"time"

	"soundingboard/backend/atomicfile"
	"soundingboard/backend/backup"
	"soundingboard/backend/board"
	"soundingboard/backend/demo"
	"soundingboard/backend/history"
	"soundingboard/backend/loop"
	"soundingboard/backend/privacy"
	"soundingboard/backend/report"
	"soundingboard/backend/room"
	"soundingboard/backend/session"
	"soundingboard/backend/store"
	"soundingboard/backend/team"
	"soundingboard/backend/transcript"
)

// Set is the backend services over one open database.
type Set struct {
	DB          *store.DB
	Board       *board.Service
	Session     *session.Services
	Agendas     *activity.Agendas
	Transcripts *transcript.Transcripts
	Loop        *loop.Service
	Demo        *demo.Service
	Report      *report.Service
	Privacy     *privacy.Service
	Backup      *backup.Service
	Team        *team.Service
	History     *history.Service
	Rooms       *room.Rooms       // the room of a session, open while the facilitator wants it
	Path        string            // the database file
	lock        *store.WriterLock // held by writers (the window, serve, commands that write)
}

// Open opens the database at dbPath and builds the services over it. A
// writer takes the database's writer lock first and holds it until Close.
// A reader opens the file read-only and takes no lock, so it runs beside
// the window or `serve` and never keeps them from starting. Only a file
// the read-only open refuses (it does not exist yet, or needs migrating)
// is opened as a writer opens it; when another Sounding Board holds such a
// file the reader is refused, so it never changes the schema under a
// running window.
func Open(ctx context.Context, dbPath string, writer bool) (*Set, error) {
	var roErr error
	if !writer {
		db, err := store.OpenReadOnly(ctx, dbPath)
		if err == nil {
			return build(ctx, db, dbPath), nil
		}
		roErr = err
	}
	lock, err := store.LockWriter(dbPath)
	if err != nil {
		if roErr != nil && errors.Is(err, store.ErrLocked) {
			err = errors.Join(roErr, err)
		}
		return nil, err
	}
	db, err := store.Open(ctx, dbPath)
	if err != nil {
		return nil, errors.Join(err, lock.Release())
	}
	s := build(ctx, db, dbPath)
	s.lock = lock
	return s, nil
}

// build makes the services over db.
func build(ctx context.Context, db *store.DB, dbPath string) *Set {
	b, ss := board.NewService(ctx, db), session.NewServices(ctx, db)
	l, ag, tr := loop.NewService(ctx, db), activity.NewAgendas(ctx, db), transcript.NewTranscripts(ctx, db)
	return &Set{DB: db, Board: b, Session: ss, Loop: l, Demo: demo.NewService(b, ss.Plans, l, tr),
		Agendas: ag, Transcripts: tr, Report: report.NewService(ctx, db, b, ss, ag, l), Privacy: privacy.NewService(ctx, db),
		Backup: backup.NewService(ctx, db, dbPath), Team: team.NewService(ctx, db), History: history.NewService(ctx, db),
		Rooms: room.NewRooms(ctx, db, ag, ss.Runs), Path: dbPath}
}

// Bound lists the services the window binds and browser mode serves
// (package main adds its About service).
func (s *Set) Bound() []any {
	return append([]any{s.Board, s.Agendas, s.Transcripts, s.Loop, s.Demo, s.Report, s.Privacy, s.Backup, s.Team, s.History, s.Rooms}, s.Session.Bound()...)
}

// Scope gives a browser-mode call a copy of its service that works with
// the request's context (rpc.Config.Scope): the board stops reading a
// contact file when the browser gives up on the preview. Other services'
// calls are short and keep the context they were made with.
func Scope(ctx context.Context, svc any) any {
	if b, ok := svc.(*board.Service); ok {
		return board.WithContext(b, ctx)
	}
	return svc
}

// Close closes the room, if open, and the database, and releases the
// writer lock, if held. It is safe to call more than once.
func (s *Set) Close() error {
	room.Shutdown(s.Rooms)
	return errors.Join(s.DB.Close(), s.lock.Release())
}

// SaveFile writes a file the user asked for (an export, a report) to
// path: atomically, readable by the user only (it may hold personal data),
// also when it replaces a file, and never over the open database or its
// companion files.
func (s *Set) SaveFile(path string, data []byte) error {
	if err := store.CheckOutput(s.Path, path); err != nil {
		return err
	}
	return atomicfile.Write(path, data)
}

// KeepDaily makes the daily backup while the app is in use (the window,
// serve), until ctx ends.
func (s *Set) KeepDaily(ctx context.Context) {
	backup.KeepDaily(ctx, s.Backup, time.Hour, log.New(os.Stderr, "soundingboard: ", 0))
}

// SyncInterval is how often the window and `serve` sync a team's board,
// unless $SOUNDINGBOARD_SYNC_INTERVAL (a Go duration, at least 1s) says
// otherwise: end-to-end tests sync two instances every second.
const SyncInterval = 10 * time.Second

// KeepSynced syncs a team's board while the app is in use (the window,
// serve), until ctx ends. A board in no team costs one small query a
// pass.
func (s *Set) KeepSynced(ctx context.Context) {
	every := SyncInterval
	if d, err := time.ParseDuration(os.Getenv("SOUNDINGBOARD_SYNC_INTERVAL")); err == nil && d >= time.Second {
		every = d
	}
	team.KeepSynced(ctx, s.Team, every, log.New(os.Stderr, "soundingboard: ", 0))
}
