// Package room serves the room: while a facilitator has it open, the
// session's participants take part from their own phones. It is a second,
// narrow listener beside the board app (never its routes or /rpc), over
// the same services, so what participants write is a session's entries
// like any other, and team sync carries it.
package room

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"slices"
	"sync"
	"time"

	"soundingboard/backend/activity"
	"soundingboard/backend/session"
	"soundingboard/backend/store"
)

// waitFor is how long Wait holds a call when nothing changes.
const waitFor = 20 * time.Second

// Rooms opens and runs the room of one session at a time, in the process
// that holds the database (the window, serve or `room open`). Methods use
// the context given at construction, because Wails binds them without one.
type Rooms struct {
	ctx     context.Context
	db      *store.DB
	agendas *activity.Agendas
	runs    *session.Runs
	now     func() time.Time
	tune    tuning

	mu      sync.Mutex
	assets  fs.FS
	open    *room // nil when no room is open
	version int64 // the last version handed out, kept across rooms so Wait never goes back
	closed  chan struct{}
}

// NewRooms returns the room service over db and the services that write
// entries. The room's page comes from the frontend's files (WithAssets).
func NewRooms(ctx context.Context, db *store.DB, agendas *activity.Agendas, runs *session.Runs) *Rooms {
	return &Rooms{ctx: ctx, db: db, agendas: agendas, runs: runs, now: time.Now, tune: defaults(), closed: make(chan struct{})}
}

// WithAssets gives r the frontend's built files (the dist folder), from
// which it serves room.html and the assets that page names. A function,
// not a method, so the window and browser mode do not bind it.
func WithAssets(r *Rooms, assets fs.FS) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.assets = assets
}

// Open opens the room of a session and returns its status; opening the
// room that is open already returns it as it is. Only one room is open at
// a time: another session's room must be closed first.
func (r *Rooms) Open(in OpenInput) (Status, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if rm := r.open; rm != nil {
		if rm.sessionID == in.SessionID {
			return r.statusLocked(rm), nil
		}
		return Status{}, store.Invalid("the room of session %d is open; close it before opening another", rm.sessionID)
	}
	if r.assets == nil {
		return Status{}, errors.New("open the room: this build has no participant page")
	}
	rm, err := r.start(in)
	if err != nil {
		return Status{}, fmt.Errorf("open the room of session %d: %w", in.SessionID, err)
	}
	r.open = rm
	r.bumpLocked()
	return r.statusLocked(rm), nil
}

// Close closes the room of a session: its listener stops and every
// participant's token dies. Closing a room that is not open is no error.
func (r *Rooms) Close(sessionID int64) (Status, error) {
	r.mu.Lock()
	rm := r.open
	if rm == nil || rm.sessionID != sessionID {
		defer r.mu.Unlock()
		return r.closedStatus(sessionID), nil
	}
	r.open = nil
	r.bumpLocked()
	r.mu.Unlock()
	rm.shutdown()
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.closedStatus(sessionID), nil
}

// Status returns the room of a session; Open is false when it has none.
func (r *Rooms) Status(sessionID int64) (Status, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if rm := r.open; rm != nil && rm.sessionID == sessionID {
		return r.statusLocked(rm), nil
	}
	return r.closedStatus(sessionID), nil
}

// Confirm confirms a claim, or rejects it: a rejected participant's token
// can no longer read or write anything of the session, and the name is
// free to be claimed again. Confirming a guest adds them as a member and
// participant; rejecting one writes nothing.
func (r *Rooms) Confirm(in ConfirmInput) (Status, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	rm := r.open
	if rm == nil || rm.sessionID != in.SessionID {
		return Status{}, store.Invalid("the room of session %d is not open", in.SessionID)
	}
	c, ok := rm.claims[in.ClaimID]
	if !ok {
		return Status{}, store.NotFound("claim %q not found", in.ClaimID)
	}
	if c.state == stateRejected {
		return Status{}, store.Invalid("the claim of %s was rejected already; they can claim their name again", c.name)
	}
	if in.Accept {
		if c.guest && c.memberID == 0 {
			// Under the lock, so a second Confirm cannot add the guest
			// twice; the write is one small transaction.
			id, err := r.addGuest(rm.sessionID, c.name)
			if err != nil {
				return Status{}, err
			}
			c.memberID = id
		}
		c.state = stateConfirmed
	} else {
		c.state = stateRejected
		c.endStream()
	}
	r.bumpLocked()
	return r.statusLocked(rm), nil
}

// Wait returns the status of a session's room once its Version is past
// version: at once if it is already, else when something changes, or
// after 20 seconds with the same version. A room that is not open answers
// at once. The run view calls it in a loop to see entries arrive.
func (r *Rooms) Wait(sessionID, version int64) (Status, error) {
	timer := time.NewTimer(waitFor)
	defer timer.Stop()
	for {
		r.mu.Lock()
		rm := r.open
		if rm == nil || rm.sessionID != sessionID {
			defer r.mu.Unlock()
			return r.closedStatus(sessionID), nil
		}
		if r.version > version {
			defer r.mu.Unlock()
			return r.statusLocked(rm), nil
		}
		changed := r.closed
		r.mu.Unlock()
		select {
		case <-changed:
		case <-timer.C:
			return r.Status(sessionID)
		case <-r.ctx.Done():
			return r.Status(sessionID)
		}
	}
}

// bumpLocked records that something changed: the version grows and every
// waiter (Wait, event streams) wakes.
func (r *Rooms) bumpLocked() {
	r.version++
	close(r.closed)
	r.closed = make(chan struct{})
}

// bump is bumpLocked for callers that do not hold the lock.
func (r *Rooms) bump() {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.bumpLocked()
}

// closedStatus is the status of a session with no open room.
func (r *Rooms) closedStatus(sessionID int64) Status {
	return Status{SessionID: sessionID, Claims: []Claim{}, Version: r.version}
}

// statusLocked is the status of the open room rm.
func (r *Rooms) statusLocked(rm *room) Status {
	st := Status{SessionID: rm.sessionID, Open: true, URL: rm.url, QR: rm.qr, Warning: rm.warning,
		Claims: []Claim{}, Version: r.version}
	cs := make([]*claim, 0, len(rm.claims))
	for _, c := range rm.claims {
		cs = append(cs, c)
	}
	slices.SortFunc(cs, func(a, b *claim) int { return a.seq - b.seq })
	for _, c := range cs {
		st.Claims = append(st.Claims, Claim{ID: c.id, Name: c.name, Member: c.member, MemberID: c.memberID,
			Guest: c.guest, State: c.state, Online: c.stream != nil, Since: c.since})
	}
	return st
}

// closeFinished closes rm, if it is still the open room: its session
// finished or went away.
func (r *Rooms) closeFinished(rm *room) {
	r.mu.Lock()
	if r.open != rm {
		r.mu.Unlock()
		return
	}
	r.open = nil
	r.bumpLocked()
	r.mu.Unlock()
	rm.shutdown()
}

// Shutdown closes whatever room is open: the process is ending.
func Shutdown(r *Rooms) {
	r.mu.Lock()
	rm := r.open
	r.mu.Unlock()
	if rm != nil {
		r.closeFinished(rm)
	}
}
