package room

// The event stream: one per participant (a new one ends the old). It says
// only that something changed and the version; the phone then reads its
// state, which holds only what it may see.

import (
	"fmt"
	"net/http"
	"time"
)

func (rm *room) events(w http.ResponseWriter, r *http.Request, c *claim) {
	flusher, ok := w.(http.Flusher)
	if !ok {
		writeError(w, http.StatusInternalServerError, "streaming is not supported here")
		return
	}
	rs := rm.rooms
	rs.mu.Lock()
	if rm.tokens[c.token] != c || !c.live() {
		rs.mu.Unlock()
		writeError(w, http.StatusForbidden, "the facilitator did not confirm your name; ask them, then pick your name again")
		return
	}
	c.endStream()
	end := make(chan struct{})
	c.stream = end
	rs.bumpLocked() // the facilitator sees them online
	rs.mu.Unlock()
	defer func() {
		rs.mu.Lock()
		if c.stream == end {
			c.stream = nil
			rs.bumpLocked()
		}
		rs.mu.Unlock()
	}()

	h := w.Header()
	h.Set("Content-Type", "text/event-stream")
	h.Set("Cache-Control", "no-store")
	h.Set("X-Accel-Buffering", "no")
	w.WriteHeader(http.StatusOK)
	keep := time.NewTicker(rs.tune.keepAlive)
	defer keep.Stop()
	sent := int64(-1)
	for {
		rs.mu.Lock()
		version, changed := rs.version, rs.closed
		rs.mu.Unlock()
		if version != sent {
			if _, err := fmt.Fprintf(w, "event: state\ndata: {\"version\":%d}\n\n", version); err != nil {
				return
			}
			flusher.Flush()
			sent = version
		}
		select {
		case <-changed:
		case <-keep.C:
			if _, err := fmt.Fprint(w, ": still here\n\n"); err != nil {
				return
			}
			flusher.Flush()
		case <-end:
			return
		case <-r.Context().Done():
			return
		}
	}
}
