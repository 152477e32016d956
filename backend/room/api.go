package room

// The participant API under /j/{secret}/api/: JSON in and out. A
// participant reads only the current activity, their own entries and
// what the facilitator revealed, and writes only as the member whose
// name the facilitator confirmed.

import (
	"encoding/json"
	"errors"
	"mime"
	"net/http"
	"strings"
	"time"

	"soundingboard/backend/store"
)

// api answers one call of the participant API (route is the path after
// api/).
func (rm *room) api(w http.ResponseWriter, r *http.Request, route string) {
	w.Header().Set("Cache-Control", "no-store")
	if r.Method == http.MethodPost {
		if t, _, err := mime.ParseMediaType(r.Header.Get("Content-Type")); err != nil || t != "application/json" {
			writeError(w, http.StatusUnsupportedMediaType, "send JSON (Content-Type: application/json)")
			return
		}
	}
	get, post := r.Method == http.MethodGet, r.Method == http.MethodPost
	switch key, isEntry := strings.CutPrefix(route, "entry/"); {
	case route == "room" && get:
		rm.getRoom(w, r)
	case route == "claim" && post:
		rm.postClaim(w, r)
	case route == "me" && get:
		rm.withClaim(w, r, false, func(c *claim) { rm.writeMe(w, c) })
	case route == "consent" && post:
		rm.withClaim(w, r, true, func(c *claim) { rm.postConsent(w, r, c) })
	case route == "state" && get:
		rm.withClaim(w, r, true, func(c *claim) { rm.writeState(w, c) })
	case route == "entry" && post:
		rm.withClaim(w, r, true, func(c *claim) { rm.postEntry(w, r, c) })
	case isEntry && key != "" && r.Method == http.MethodDelete:
		rm.withClaim(w, r, true, func(c *claim) { rm.deleteEntry(w, c, key) })
	case route == "events" && get:
		rm.withClaim(w, r, false, func(c *claim) { rm.events(w, r, c) })
	default:
		writeError(w, http.StatusNotFound, "no such call")
	}
}

// cookieName is the room's cookie: one room's token never reaches another.
func (rm *room) cookieName() string { return "sbr_" + rm.id }

// tokenOf returns the claim whose live token the request carries; nil
// when none (no cookie, an unknown or revoked token).
func (rm *room) tokenOf(r *http.Request) *claim {
	rm.rooms.mu.Lock()
	defer rm.rooms.mu.Unlock()
	return rm.tokenOfLocked(r)
}

// withClaim runs fn for the request's claim: 401 without a live token;
// when confirmed is set, 403 until the facilitator confirmed the claim.
func (rm *room) withClaim(w http.ResponseWriter, r *http.Request, confirmed bool, fn func(c *claim)) {
	c := rm.tokenOf(r)
	if c == nil {
		writeError(w, http.StatusUnauthorized, "join the room first: pick your name")
		return
	}
	rm.rooms.mu.Lock()
	state := c.state
	rm.rooms.mu.Unlock()
	if confirmed && state != stateConfirmed {
		msg := "wait until the facilitator confirms your name"
		if state == stateRejected {
			msg = "the facilitator did not confirm your name; ask them, then pick your name again"
		}
		writeError(w, http.StatusForbidden, msg)
		return
	}
	fn(c)
}

// readJSON decodes a request body into v: 413 past the bound, 400 when it
// is not the JSON expected.
func readJSON(w http.ResponseWriter, r *http.Request, v any) bool {
	dec := json.NewDecoder(r.Body)
	dec.DisallowUnknownFields()
	err := dec.Decode(v)
	var tooBig *http.MaxBytesError
	switch {
	case errors.As(err, &tooBig):
		writeError(w, http.StatusRequestEntityTooLarge, "the request is larger than 64 KiB")
		return false
	case err != nil:
		writeError(w, http.StatusBadRequest, "the request is not the JSON expected: "+err.Error())
		return false
	}
	return true
}

// writeJSON answers v with status.
func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v) // the phone went away: nothing to do
}

// problem is an error answer: {error, field?}.
type problem struct {
	Error string `json:"error"`
	Field string `json:"field,omitempty"`
}

func writeError(w http.ResponseWriter, status int, msg string) {
	writeJSON(w, status, problem{Error: msg})
}

// writeServiceError answers an error of the services: their validation
// messages (400, naming the field), not found (404), conflicts (409);
// anything else is a general message, the details never reach a phone.
func writeServiceError(w http.ResponseWriter, err error) {
	p := store.Describe(err)
	out := problem{Error: p.Message}
	if len(p.Fields) > 0 {
		out.Field = p.Fields[0].Field
	}
	status := http.StatusInternalServerError
	switch p.Code {
	case store.CodeInvalid:
		status = http.StatusBadRequest
	case store.CodeNotFound:
		status = http.StatusNotFound
	case store.CodeConflict:
		status = http.StatusConflict
	}
	writeJSON(w, status, out)
}

// tooMany answers a throttled request.
func tooMany(w http.ResponseWriter) {
	w.Header().Set("Retry-After", "1")
	writeError(w, http.StatusTooManyRequests, "too many requests at once; this will be sent again in a moment")
}

// stamp is now in RFC 3339.
func (rm *room) stamp() string { return rm.rooms.now().UTC().Format(time.RFC3339) }
