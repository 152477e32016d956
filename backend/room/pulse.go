package room

// The pulse: a few times a second, one cheap query notices whatever
// changed in the session, whoever changed it (the facilitator in the run
// view, a teammate's change arriving through sync), and wakes everyone
// waiting. A session that finished or went away closes its room.

import (
	"context"
	"errors"
	"strings"
	"time"

	"soundingboard/backend/store"
)

func (rm *room) pulse(ctx context.Context) {
	r := rm.rooms
	tick := time.NewTicker(r.tune.pulseEvery)
	defer tick.Stop()
	last := ""
	for {
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		}
		f, err := fingerprint(ctx, r.db, rm.sessionID)
		switch {
		case errors.Is(err, store.ErrNotFound):
			go r.closeFinished(rm) // shutdown waits for this goroutine to end
			return
		case err != nil:
			continue // a busy moment; the next beat tries again
		case f == last:
			continue
		}
		if last != "" {
			r.bump()
		}
		last = f
		if status, _, _ := strings.Cut(f, "|"); status == "finished" {
			go r.closeFinished(rm)
			return
		}
	}
}
