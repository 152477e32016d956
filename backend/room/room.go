package room

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"strconv"
	"sync"
	"time"

	"golang.org/x/net/netutil"

	"soundingboard/backend/store"
)

// room is one open room: its listener, its secret and who claimed which
// name. Its maps are guarded by the Rooms' mutex.
type room struct {
	rooms     *Rooms
	sessionID int64
	id        string // names the cookie
	secret    string
	origin    string // scheme://host:port, what Origin must be
	host      string // host:port, what Host must be
	tls       bool
	url       string
	qr        string
	warning   string
	page      page

	claims  map[string]*claim // by claim id
	tokens  map[string]*claim // by token
	nameIDs map[int64]string  // member id → the opaque id of their name
	seq     int

	limits *limits
	srv    *http.Server
	stop   context.CancelFunc // ends the pulse
	done   sync.WaitGroup
}

// start opens a room (the caller holds r.mu): checks the session and the
// page, listens, serves and starts the pulse.
func (r *Rooms) start(in OpenInput) (*room, error) {
	if (in.CertFile == "") != (in.KeyFile == "") {
		return nil, store.Invalid("give both a certificate and its key, or neither")
	}
	status, err := sessionStatus(r.ctx, r.db, in.SessionID)
	if err != nil {
		return nil, err
	}
	if status == "finished" {
		return nil, store.Invalid("session %d is finished: its room cannot open", in.SessionID)
	}
	pg, err := readPage(r.assets)
	if err != nil {
		return nil, err
	}
	var cfg *tls.Config
	if in.CertFile != "" {
		cert, err := tls.LoadX509KeyPair(in.CertFile, in.KeyFile)
		if err != nil {
			return nil, store.Invalid("certificate and key: %v", err)
		}
		cfg = &tls.Config{Certificates: []tls.Certificate{cert}, MinVersion: tls.VersionTLS12}
	}
	ln, host, err := listenAddr(in.Addr, cfg != nil, in.Insist)
	if err != nil {
		return nil, err
	}
	hostPort := net.JoinHostPort(host.String(), strconv.Itoa(ln.Addr().(*net.TCPAddr).Port))
	scheme := "http"
	if cfg != nil {
		scheme = "https"
	}
	rm := &room{rooms: r, sessionID: in.SessionID, id: newID(), secret: newSecret(), host: hostPort, tls: cfg != nil,
		origin: scheme + "://" + hostPort, page: pg, claims: map[string]*claim{}, tokens: map[string]*claim{},
		nameIDs: map[int64]string{}, limits: newLimits(r.tune)}
	rm.url = rm.origin + "/j/" + rm.secret
	rm.warning = warning(cfg != nil, private(host))
	if rm.qr, err = qrDataURL(rm.url); err != nil {
		return nil, errorsJoinClose(err, ln)
	}
	ln = netutil.LimitListener(ln, r.tune.maxConns)
	if cfg != nil {
		ln = tls.NewListener(ln, cfg)
	}
	rm.srv = &http.Server{Handler: rm.handler(), ReadHeaderTimeout: 10 * time.Second, ReadTimeout: time.Minute,
		IdleTimeout: time.Minute, MaxHeaderBytes: 16 << 10,
		// The room's log is the facilitator's terminal: a phone's dropped
		// TLS handshake is not news.
		ErrorLog: log.New(io.Discard, "", 0)}
	ctx, stop := context.WithCancel(r.ctx)
	rm.stop = stop
	rm.done.Add(2)
	go func() { defer rm.done.Done(); _ = rm.srv.Serve(ln) }()
	go func() { defer rm.done.Done(); rm.pulse(ctx) }()
	return rm, nil
}

// errorsJoinClose closes ln after err.
func errorsJoinClose(err error, ln net.Listener) error {
	if cerr := ln.Close(); cerr != nil {
		return errors.Join(err, fmt.Errorf("close the listener: %w", cerr))
	}
	return err
}

// shutdown stops the listener, ends every stream and waits for the pulse.
// The caller no longer lists rm as open and does not hold r.mu.
func (rm *room) shutdown() {
	rm.rooms.mu.Lock()
	for _, c := range rm.claims {
		c.endStream()
	}
	rm.tokens = map[string]*claim{}
	rm.rooms.mu.Unlock()
	rm.stop()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	if err := rm.srv.Shutdown(ctx); err != nil {
		_ = rm.srv.Close() // streams that did not end in time are cut
	}
	rm.done.Wait()
}

// warning says plainly who can see the room's traffic.
func warning(tls, private bool) string {
	switch {
	case tls:
		return "The room is encrypted (TLS). People on this network can see that phones talk to this laptop, but not what they send."
	case private:
		return "The room uses plain HTTP: anyone on this network can see what participants send. " +
			"Use a network you trust, such as your phone's hotspot, and close the room when you are done."
	default:
		return "The room uses plain HTTP on an address that is not private: anyone on the way between the phones " +
			"and this laptop can read what participants send."
	}
}
