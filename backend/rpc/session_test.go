package rpc_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"log"
	"net"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"soundingboard/backend/rpc"
	"soundingboard/backend/store"
)

// serveOn starts a server on addr with its log going to logs.
func serveOn(t *testing.T, addr string, logs *syncBuffer, services ...any) *rpc.Server {
	t.Helper()
	srv, err := rpc.Listen(addr, rpc.Config{Assets: fstest.MapFS{"index.html": {Data: []byte("app")}},
		Services: append([]any{&Greeter{}}, services...), Log: log.New(logs, "", 0)})
	if err != nil {
		t.Skipf("listen %s: %v", addr, err) // no IPv6 loopback on this machine
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		if err := srv.Serve(ctx); err != nil {
			t.Errorf("serve %s: %v", addr, err)
		}
		close(done)
	}()
	t.Cleanup(func() { cancel(); <-done })
	return srv
}

type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// Two instances on two ports of 127.0.0.1 share one browser cookie jar,
// because cookies ignore ports. Signing in to one must not sign the other
// out, and no cookie may carry a token.
func TestTwoInstancesKeepTheirSessions(t *testing.T) {
	var logs syncBuffer
	a, b := serveOn(t, "127.0.0.1:0", &logs), serveOn(t, "127.0.0.1:0", &logs)
	jar, _ := cookiejar.New(nil)
	browser := &http.Client{Jar: jar}
	for _, srv := range []*rpc.Server{a, b} {
		resp, err := browser.Get(srv.URL())
		if err != nil || resp.StatusCode != 200 {
			t.Fatalf("sign in to %s: %v %v", srv.URL(), err, resp)
		}
		resp.Body.Close()
	}
	for _, srv := range []*rpc.Server{a, b} {
		u, _ := url.Parse(srv.URL())
		resp, err := browser.Post("http://"+u.Host+"/rpc/rpc_test.Greeter.Nothing", "application/json", strings.NewReader("[]"))
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != 200 {
			t.Errorf("%s after signing in to both: %d, want 200", u.Host, resp.StatusCode)
		}
		token := u.Query().Get("token")
		for _, c := range jar.Cookies(u) {
			if strings.Contains(c.Value, token) {
				t.Errorf("cookie %s carries the token", c.Name)
			}
		}
	}
	// The token itself, presented as a cookie under any name, is no session.
	u, _ := url.Parse(a.URL())
	for _, c := range jar.Cookies(u) {
		req, _ := http.NewRequest("POST", "http://"+u.Host+"/rpc/rpc_test.Greeter.Nothing", strings.NewReader("[]"))
		req.AddCookie(&http.Cookie{Name: c.Name, Value: u.Query().Get("token")})
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusUnauthorized {
			t.Errorf("token as cookie %s: %d, want 401", c.Name, resp.StatusCode)
		}
	}
}

func TestURLNamesTheAddressListenedOn(t *testing.T) {
	var logs syncBuffer
	srv := serveOn(t, "[::1]:0", &logs)
	u, err := url.Parse(srv.URL())
	if err != nil || u.Hostname() != "::1" {
		t.Fatalf("URL %s, want [::1]", srv.URL())
	}
	jar, _ := cookiejar.New(nil)
	resp, err := (&http.Client{Jar: jar}).Get(srv.URL())
	if err != nil || resp.StatusCode != 200 {
		t.Fatalf("the printed URL does not open: %v %v", err, resp)
	}
	resp.Body.Close()
	if _, _, err := net.SplitHostPort(u.Host); err != nil {
		t.Fatal(err)
	}
}

// Faulty stands in for a service hit by a full disk.
type Faulty struct{}

func (Faulty) Save() error {
	return &store.Error{Kind: store.ErrDiskFull, Msg: "save: the disk is full: free some space and try again"}
}

func (Faulty) Edit(name string) error {
	return store.InvalidFields([]store.Problem{{Field: "name", Message: "name is required"}, {Message: "2 themes is more than 1"}})
}

func TestErrorsCarryCodeAndFieldsAndServerErrorsAreLogged(t *testing.T) {
	var logs syncBuffer
	srv := serveOn(t, "127.0.0.1:0", &logs, Faulty{})
	jar, _ := cookiejar.New(nil)
	browser := &http.Client{Jar: jar}
	resp, _ := browser.Get(srv.URL())
	resp.Body.Close()
	u, _ := url.Parse(srv.URL())
	call := func(method, body string) (int, store.Payload) {
		resp, err := browser.Post("http://"+u.Host+"/rpc/rpc_test."+method, "application/json", strings.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		var p store.Payload
		if err := json.NewDecoder(resp.Body).Decode(&p); err != nil {
			t.Fatalf("%s answered %d without a JSON body: %v", method, resp.StatusCode, err)
		}
		return resp.StatusCode, p
	}
	code, p := call("Faulty.Edit", `["x"]`)
	if code != 400 || p.Code != store.CodeInvalid || len(p.Fields) != 2 || p.Fields[0].Field != "name" || p.Fields[1].Field != "" {
		t.Errorf("invalid input: %d %+v", code, p)
	}
	code, p = call("Faulty.Save", `[]`)
	if code != http.StatusInsufficientStorage || p.Code != store.CodeDiskFull {
		t.Errorf("full disk: %d %+v", code, p)
	}
	call("Greeter.Boom", `[]`)
	call("Greeter.Panic", `[]`)
	got := logs.String()
	for _, want := range []string{"rpc_test.Faulty.Save: 507", "rpc_test.Greeter.Boom: 500: disk full", "rpc_test.Greeter.Panic: panic"} {
		if !strings.Contains(got, want) {
			t.Errorf("log lacks %q:\n%s", want, got)
		}
	}
	if strings.Contains(got, "Faulty.Edit") {
		t.Errorf("a refused input is logged as a server error:\n%s", got)
	}
}

// Slow stands in for a service whose long work follows its context.
type Slow struct {
	ctx     context.Context
	started chan struct{}
	ended   chan error
}

func (s *Slow) Work() error {
	close(s.started)
	<-s.ctx.Done()
	s.ended <- s.ctx.Err()
	return s.ctx.Err()
}

// With Scope, a call's work stops when its browser request ends.
func TestScopedCallsStopWithTheirRequest(t *testing.T) {
	slow := &Slow{ctx: context.Background(), started: make(chan struct{}), ended: make(chan error, 1)}
	srv, err := rpc.Listen("127.0.0.1:0", rpc.Config{Assets: fstest.MapFS{"index.html": {Data: []byte("app")}},
		Services: []any{slow}, Log: log.New(io.Discard, "", 0),
		Scope: func(ctx context.Context, svc any) any {
			c := *svc.(*Slow)
			c.ctx = ctx
			return &c
		}})
	if err != nil {
		t.Fatal(err)
	}
	sctx, stop := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { _ = srv.Serve(sctx); close(done) }()
	t.Cleanup(func() { stop(); <-done })
	jar, _ := cookiejar.New(nil)
	browser := &http.Client{Jar: jar}
	resp, err := browser.Get(srv.URL())
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	u, _ := url.Parse(srv.URL())
	rctx, giveUp := context.WithCancel(context.Background())
	req, _ := http.NewRequestWithContext(rctx, "POST", "http://"+u.Host+"/rpc/rpc_test.Slow.Work", strings.NewReader("[]"))
	go func() {
		<-slow.started
		giveUp()
	}()
	if resp, err := browser.Do(req); err == nil {
		resp.Body.Close()
		t.Fatal("the request was answered although the browser gave up")
	}
	select {
	case err := <-slow.ended:
		if !errors.Is(err, context.Canceled) {
			t.Fatalf("work ended with %v, want context.Canceled", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the work goes on after the browser gave up")
	}
}
