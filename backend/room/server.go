package room

// The room's HTTP handler: the checks every request passes (Host, Origin,
// the join secret, body size) before the page or the participant API.

import (
	"crypto/subtle"
	"net/http"
	"strings"
)

// maxBody bounds a participant's request body.
const maxBody = 64 << 10

// handler routes the room's few paths; everything else is 404.
func (rm *room) handler() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("X-Content-Type-Options", "nosniff")
		// The join secret is in the URL: never send it on as a referrer.
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "+
			"connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'")
		if r.Host != rm.host {
			// A name that resolves to this laptop (DNS rebinding), or an
			// address that is not the room's.
			http.Error(w, "misdirected request", http.StatusMisdirectedRequest)
			return
		}
		if strings.HasPrefix(r.URL.Path, "/assets/") {
			rm.page.serveAsset(w, r)
			return
		}
		rest, ok := strings.CutPrefix(r.URL.Path, "/j/")
		if !ok {
			http.NotFound(w, r)
			return
		}
		secret, sub, _ := strings.Cut(rest, "/")
		if !rm.admit(w, r, secret) {
			return
		}
		switch {
		case sub == "" && (r.Method == http.MethodGet || r.Method == http.MethodHead):
			rm.page.serveHTML(w)
		case strings.HasPrefix(sub, "api/"):
			if !rm.sameOrigin(r) {
				writeError(w, http.StatusForbidden, "this request did not come from the room's page")
				return
			}
			r.Body = http.MaxBytesReader(w, r.Body, maxBody)
			rm.api(w, r, strings.TrimPrefix(sub, "api/"))
		default:
			http.NotFound(w, r)
		}
	})
}

// admit checks the join secret. Wrong secrets are throttled for everyone
// together, not per address (a whole room may share one): once guesses
// have used up their budget, a request without a participant's live
// token is answered 429 without its secret being compared, so a guesser
// learns nothing, while people already in the room carry on.
func (rm *room) admit(w http.ResponseWriter, r *http.Request, secret string) bool {
	if rm.tokenOf(r) == nil && rm.limits.guesses.Tokens() < 1 {
		w.Header().Set("Retry-After", "1")
		http.Error(w, "too many requests", http.StatusTooManyRequests)
		return false
	}
	if subtle.ConstantTimeCompare([]byte(secret), []byte(rm.secret)) == 1 {
		return true
	}
	rm.limits.guesses.Allow()
	http.NotFound(w, r)
	return false
}

// sameOrigin checks a call to the API comes from the room's own page: its
// Origin, when the browser sends one (always, for POST and DELETE), is the
// room's, and the browser does not call it a cross-site request.
func (rm *room) sameOrigin(r *http.Request) bool {
	origin := r.Header.Get("Origin")
	if origin == "" && r.Method != http.MethodGet {
		return false
	}
	if origin != "" && origin != rm.origin {
		return false
	}
	switch r.Header.Get("Sec-Fetch-Site") {
	case "", "same-origin", "none":
		return true
	}
	return false
}
