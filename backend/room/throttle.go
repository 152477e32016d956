package room

// Rate limits and bounds. Limits are per room (its join secret) and per
// participant, never per IP address: a whole room often shares one.

import (
	"sync"
	"time"

	"golang.org/x/time/rate"
)

// tuning holds the room's limits; tests tighten them.
type tuning struct {
	maxConns    int           // open connections at once (phones keep one stream and one or two requests)
	guessEvery  time.Duration // wrong join secrets: one per guessEvery …
	guessBurst  int           // … after a burst of this many
	joinEvery   time.Duration // claims of names in the room
	joinBurst   int
	roomEvery   time.Duration // writes in the room, everyone together
	roomBurst   int
	personEvery time.Duration // writes by one participant
	personBurst int
	pulseEvery  time.Duration // how often the session is checked for changes
	keepAlive   time.Duration // a comment on each event stream, so proxies and phones keep it
}

func defaults() tuning {
	return tuning{maxConns: 256, guessEvery: time.Second, guessBurst: 20, joinEvery: 200 * time.Millisecond,
		joinBurst: 60, roomEvery: 5 * time.Millisecond, roomBurst: 400, personEvery: 100 * time.Millisecond,
		personBurst: 30, pulseEvery: 250 * time.Millisecond, keepAlive: 25 * time.Second}
}

// limits are one room's limiters.
type limits struct {
	tune    tuning
	guesses *rate.Limiter
	joins   *rate.Limiter
	writes  *rate.Limiter

	mu     sync.Mutex
	people map[string]*rate.Limiter // by claim id
}

func newLimits(t tuning) *limits {
	return &limits{tune: t, guesses: rate.NewLimiter(rate.Every(t.guessEvery), t.guessBurst),
		joins:  rate.NewLimiter(rate.Every(t.joinEvery), t.joinBurst),
		writes: rate.NewLimiter(rate.Every(t.roomEvery), t.roomBurst), people: map[string]*rate.Limiter{}}
}

// write reports whether the participant of claim id may write now.
func (l *limits) write(id string) bool {
	l.mu.Lock()
	p, ok := l.people[id]
	if !ok {
		p = rate.NewLimiter(rate.Every(l.tune.personEvery), l.tune.personBurst)
		l.people[id] = p
	}
	l.mu.Unlock()
	return p.Allow() && l.writes.Allow()
}
