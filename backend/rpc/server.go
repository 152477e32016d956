// Package rpc serves the frontend and the bound services over HTTP on
// loopback, for browser mode: POST /rpc/<pkg>.<Struct>.<Method> with a JSON
// array of arguments, mirroring the Wails binding names.
//
// Security model: a random token per start, given once in the printed URL
// and exchanged for an HttpOnly SameSite=Strict cookie; the Host header
// must name the loopback address we listen on (DNS rebinding); a request
// from another origin is refused (cross-site requests); bodies are bounded.
package rpc

import (
	"context"
	"crypto/rand"
	"crypto/subtle"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log"
	"net"
	"net/http"
	"os"
	"strconv"
	"strings"
	"sync"
	"time"

	"soundingboard/backend/store"
)

// DefaultMaxBody bounds request bodies; the largest legitimate one is a
// contact file to import, sent base64-encoded.
const DefaultMaxBody = 48 << 20

// RefusalHeader marks a 200 answer whose body is a refusal (store.Payload
// with code invalid, not_found or conflict) rather than a result.
const RefusalHeader = "Sb-Refusal"

// Config says what to serve.
type Config struct {
	Assets   fs.FS // the built frontend (index.html at its root)
	Services []any // pointers to the bound service structs
	Token    string
	MaxBody  int64
	Log      *log.Logger // where failed calls (500s) are logged; nil = stderr
	// Scope, when set, gives each call a copy of its service that works
	// with the request's context, so long work (reading a large contact
	// file) stops when the browser gives up. Wails binds no context, so the
	// window has no such thing; nil = every call uses the service as bound.
	Scope func(ctx context.Context, svc any) any
	// AllowRemote lets Listen take a non-loopback address (serve
	// --allow-remote). The token still guards every request; the Host check
	// then also accepts IP literals on our port, which DNS rebinding (a
	// name, not an IP) cannot produce.
	AllowRemote bool
}

// Server is browser mode's HTTP server.
type Server struct {
	cfg     Config
	ln      net.Listener
	methods registry
	hosts   map[string]bool
	port    string
	files   http.Handler
	// cookie is this instance's cookie name. Browsers send cookies to every
	// port of 127.0.0.1, so a name per start keeps two instances from
	// logging each other out; the cookie holds a session id, never the
	// token, so another local server that receives it learns no token.
	cookie   string
	mu       sync.Mutex
	sessions map[string]time.Time // session id -> when it was made
}

// maxSessions bounds the sessions kept; each needs the token to be made,
// and the oldest is dropped first.
const maxSessions = 64

// Listen validates cfg, listens on addr (loopback only, unless
// cfg.AllowRemote) and returns a server ready to Serve.
func Listen(addr string, cfg Config) (*Server, error) {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return nil, fmt.Errorf("serve: address %q: %w", addr, err)
	}
	if ip := net.ParseIP(host); host != "localhost" && (ip == nil || !ip.IsLoopback()) && !cfg.AllowRemote {
		return nil, fmt.Errorf("serve: address %q is not loopback; browser mode only listens on 127.0.0.1 "+
			"unless you pass --allow-remote (anyone who can reach it and has the token can read the board)", addr)
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, fmt.Errorf("serve: %w", err)
	}
	s, err := newServer(ln, cfg)
	if err != nil {
		return nil, errors.Join(err, ln.Close())
	}
	return s, nil
}

func newServer(ln net.Listener, cfg Config) (*Server, error) {
	methods, err := newRegistry(cfg.Services)
	if err != nil {
		return nil, err
	}
	if cfg.Token == "" {
		cfg.Token = randomHex(24)
	}
	if cfg.MaxBody <= 0 {
		cfg.MaxBody = DefaultMaxBody
	}
	if cfg.Log == nil {
		cfg.Log = log.New(os.Stderr, "soundingboard: ", log.LstdFlags)
	}
	port := ln.Addr().(*net.TCPAddr).Port
	hosts := map[string]bool{}
	for _, h := range []string{"127.0.0.1", "localhost", "[::1]"} {
		hosts[fmt.Sprintf("%s:%d", h, port)] = true
	}
	return &Server{cfg: cfg, ln: ln, methods: methods, hosts: hosts, port: strconv.Itoa(port),
		files: http.FileServerFS(cfg.Assets), cookie: "sb_" + randomHex(6), sessions: map[string]time.Time{}}, nil
}

func randomHex(n int) string {
	b := make([]byte, n)
	rand.Read(b) // never fails (crypto/rand panics instead)
	return hex.EncodeToString(b)
}

// hostAllowed reports whether a Host header (or an Origin's host) names
// this server: a loopback name on our port, or with AllowRemote any IP
// literal on our port.
func (s *Server) hostAllowed(host string) bool {
	if s.hosts[host] {
		return true
	}
	if !s.cfg.AllowRemote {
		return false
	}
	h, p, err := net.SplitHostPort(host)
	return err == nil && p == s.port && net.ParseIP(h) != nil
}

// URL is the address to open, carrying the token: the address listened
// on, or loopback when listening on all addresses.
func (s *Server) URL() string {
	a := s.ln.Addr().(*net.TCPAddr)
	host := a.IP.String()
	switch {
	case a.IP.Equal(net.IPv4zero):
		host = "127.0.0.1"
	case a.IP.Equal(net.IPv6unspecified):
		host = "::1"
	}
	return fmt.Sprintf("http://%s/?token=%s", net.JoinHostPort(host, strconv.Itoa(a.Port)), s.cfg.Token)
}

// Serve answers requests until ctx is done, then shuts down gracefully.
func (s *Server) Serve(ctx context.Context) error {
	hs := &http.Server{
		Handler:           s.Handler(),
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       2 * time.Minute, // a 48 MB import on a slow link, not a trickle held open forever
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          s.cfg.Log,
		BaseContext:       func(net.Listener) context.Context { return ctx },
	}
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(s.ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
		sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		return hs.Shutdown(sctx)
	}
}

// Handler is the whole browser-mode HTTP surface.
func (s *Server) Handler() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("Content-Security-Policy", "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'")
		if !s.hostAllowed(r.Host) {
			http.Error(w, "host not allowed: open the address printed by soundingboard serve", http.StatusMisdirectedRequest)
			return
		}
		if !s.sameOrigin(r) {
			http.Error(w, "cross-origin request refused", http.StatusForbidden)
			return
		}
		if tok := r.URL.Query().Get("token"); tok != "" && r.Method == http.MethodGet {
			s.login(w, r, tok)
			return
		}
		if !s.authorised(r) {
			http.Error(w, "not signed in: open the address printed by soundingboard serve (it carries the token)", http.StatusUnauthorized)
			return
		}
		r.Body = http.MaxBytesReader(w, r.Body, s.cfg.MaxBody)
		switch {
		case strings.HasPrefix(r.URL.Path, "/rpc/"):
			s.rpc(w, r)
		case r.Method == http.MethodGet || r.Method == http.MethodHead:
			s.static(w, r)
		default:
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		}
	})
}

// sameOrigin refuses requests a browser marks as coming from another site.
func (s *Server) sameOrigin(r *http.Request) bool {
	if o := r.Header.Get("Origin"); o != "" && o != "null" {
		if !strings.HasPrefix(o, "http://") || !s.hostAllowed(strings.TrimPrefix(o, "http://")) {
			return false
		}
	} else if o == "null" {
		return false
	}
	switch r.Header.Get("Sec-Fetch-Site") {
	case "", "same-origin", "none":
		return true
	}
	return false
}

func (s *Server) login(w http.ResponseWriter, r *http.Request, tok string) {
	if subtle.ConstantTimeCompare([]byte(tok), []byte(s.cfg.Token)) != 1 {
		http.Error(w, "wrong token: open the address printed by soundingboard serve", http.StatusUnauthorized)
		return
	}
	http.SetCookie(w, &http.Cookie{
		Name: s.cookie, Value: s.newSession(), Path: "/",
		HttpOnly: true, SameSite: http.SameSiteStrictMode,
	})
	http.Redirect(w, r, "/", http.StatusSeeOther)
}

// newSession makes a session id, dropping the oldest past maxSessions.
func (s *Server) newSession() string {
	id := randomHex(24)
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.sessions) >= maxSessions {
		var oldest string
		for k, t := range s.sessions {
			if oldest == "" || t.Before(s.sessions[oldest]) {
				oldest = k
			}
		}
		delete(s.sessions, oldest)
	}
	s.sessions[id] = time.Now()
	return id
}

func (s *Server) authorised(r *http.Request) bool {
	c, err := r.Cookie(s.cookie)
	if err != nil {
		return false
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	_, ok := s.sessions[c.Value] // a map lookup by a random 192-bit id leaks nothing useful through timing
	return ok
}

func (s *Server) static(w http.ResponseWriter, r *http.Request) {
	p := strings.TrimPrefix(r.URL.Path, "/")
	if p != "" {
		// Single-page app: unknown paths get index.html, and so do folders
		// (no directory listings).
		if st, err := fs.Stat(s.cfg.Assets, p); err != nil || st.IsDir() {
			r.URL.Path = "/"
		}
	}
	if r.URL.Path == "/" || r.URL.Path == "/index.html" {
		w.Header().Set("Cache-Control", "no-store")
	}
	s.files.ServeHTTP(w, r)
}

func (s *Server) rpc(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Cache-Control", "no-store")
	if r.Method != http.MethodPost {
		writeError(w, http.StatusMethodNotAllowed, "use POST")
		return
	}
	name := strings.TrimPrefix(r.URL.Path, "/rpc/")
	m, ok := s.methods[name]
	if !ok {
		writeError(w, http.StatusNotFound, fmt.Sprintf("no such method %q", name))
		return
	}
	body, err := io.ReadAll(r.Body)
	if err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			writeError(w, http.StatusRequestEntityTooLarge, fmt.Sprintf("request too large: the limit is %d MB", s.cfg.MaxBody>>20))
			return
		}
		writeError(w, http.StatusBadRequest, "read request: "+err.Error())
		return
	}
	out, err := s.safeCall(r.Context(), m, name, body)
	if err != nil {
		var ce *callError
		if errors.As(err, &ce) {
			// The frontend sent what no binding would: a bug to see in the console.
			writeError(w, http.StatusBadRequest, ce.msg)
			return
		}
		p := store.Describe(err)
		if p.Refusal() {
			// A refusal is an answer, not a failed request: a 4xx would make the
			// browser log "Failed to load resource" in the console for every
			// mistyped email. The header tells the shim to reject.
			w.Header().Set(RefusalHeader, string(p.Code))
			writePayload(w, http.StatusOK, p)
			return
		}
		status := statusOf(p.Code)
		if status >= http.StatusInternalServerError {
			s.cfg.Log.Printf("rpc %s: %d: %v", name, status, err)
		}
		writePayload(w, status, p)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	_, _ = w.Write(out) // fails only when the client has gone; no one is left to tell
}

// safeCall turns a panic in a method into an error, so a bug answers 500
// with a plain message rather than killing the server or leaking a trace.
func (s *Server) safeCall(ctx context.Context, m method, name string, body []byte) (out []byte, err error) {
	defer func() {
		if p := recover(); p != nil {
			s.cfg.Log.Printf("rpc %s: panic: %v", name, p)
			out, err = nil, fmt.Errorf("internal error in %s", name)
		}
	}()
	recv := m.svc
	if s.cfg.Scope != nil {
		recv = s.cfg.Scope(ctx, m.svc)
	}
	return m.call(ctx, recv, name, body)
}

// statusOf is the HTTP status of an error code that is not a refusal.
func statusOf(c store.Code) int {
	switch c {
	case store.CodeLocked, store.CodeBusy:
		return http.StatusServiceUnavailable
	case store.CodeDiskFull:
		return http.StatusInsufficientStorage
	}
	return http.StatusInternalServerError
}

// writeError answers a request the server refused before any call.
func writeError(w http.ResponseWriter, status int, msg string) {
	code := store.CodeInvalid // the request itself is wrong: a GET, too large, unreadable
	if status == http.StatusNotFound {
		code = store.CodeNotFound
	}
	writePayload(w, status, store.Payload{Message: msg, Code: code})
}

// writePayload sends the JSON error both transports share.
func writePayload(w http.ResponseWriter, status int, p store.Payload) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(p) // fails only when the client has gone; no one is left to tell
}
