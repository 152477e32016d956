package rpc_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"testing/fstest"

	"soundingboard/backend/rpc"
)

// Every path and method answers 401 without the session cookie: the app,
// its assets, every bound method, unknown methods and unknown paths.
func TestEveryEndpointNeedsTheToken(t *testing.T) {
	c, _ := start(t, 0)
	paths := []string{"/", "/index.html", "/assets/app.js", "/favicon.ico", "/board/42", "/no/such/path",
		"/rpc/", "/rpc/rpc_test.Greeter.Hello", "/rpc/rpc_test.Greeter.Panic", "/rpc/no.Such.Method",
		"/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/events", "/debug/pprof/", "/?token="}
	for _, p := range paths {
		for _, m := range []string{"GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "PATCH"} {
			code, body := c.do(m, p, `[{"name":"x"},1]`, nil)
			if code != http.StatusUnauthorized {
				t.Errorf("%s %s without token: %d %.80q, want 401", m, p, code, body)
			}
			if strings.Contains(body, "app") && m != "HEAD" && !strings.Contains(body, "soundingboard serve") {
				t.Errorf("%s %s without token served content: %.80q", m, p, body)
			}
		}
	}
	// A token in the query of anything but GET does not sign in.
	code, _ := c.do("POST", "/rpc/rpc_test.Greeter.Nothing?token=whatever", "[]", nil)
	if code != http.StatusUnauthorized {
		t.Errorf("POST with a token query: %d", code)
	}
}

// A panic or a method error answers JSON with a plain message: no stack,
// no file names, no runtime detail.
func TestNoInternalsToTheClient(t *testing.T) {
	c, u := start(t, 0)
	login(t, c, u)
	for _, call := range []struct{ path, body string }{
		{"rpc_test.Greeter.Panic", "[]"},
		{"rpc_test.Greeter.Hello", `[{"name":1e999}, 1]`},
		{"rpc_test.Greeter.Hello", `[null, "` + strings.Repeat("9", 400) + `"]`},
		{"rpc_test.Greeter.Find", `[1.5]`},
		{"rpc_test.Greeter.Find", `[` + strings.Repeat("[", 10000) + strings.Repeat("]", 10000) + `]`},
	} {
		code, body := c.do("POST", "/rpc/"+call.path, call.body, nil)
		if code < 400 {
			t.Errorf("%s %s: %d", call.path, call.body[:min(len(call.body), 40)], code)
		}
		for _, leak := range []string{"goroutine", ".go:", "runtime", "panic", "secret", "reflect"} {
			if strings.Contains(body, leak) {
				t.Errorf("%s answer leaks %q: %.200s", call.path, leak, body)
			}
		}
		if !strings.HasPrefix(body, `{"error":`) {
			t.Errorf("%s answer is not a JSON error: %.200s", call.path, body)
		}
	}
}

func TestAllowRemote(t *testing.T) {
	// Without the flag every non-loopback address is refused, with the reason.
	if _, err := rpc.Listen("0.0.0.0:0", rpc.Config{}); err == nil || !strings.Contains(err.Error(), "--allow-remote") {
		t.Fatalf("0.0.0.0 without AllowRemote: %v", err)
	}
	srv, err := rpc.Listen("0.0.0.0:0", rpc.Config{Assets: fstest.MapFS{}, AllowRemote: true})
	if err != nil {
		t.Fatalf("0.0.0.0 with AllowRemote: %v", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := srv.Serve(ctx); err != nil { // closes the listener at once
		t.Fatal(err)
	}

	// With the flag, an IP literal on our port passes the Host check (a
	// DNS-rebinding name still does not), and the token is still needed.
	assets := fstest.MapFS{"index.html": {Data: []byte("<html>app</html>")}}
	remote, err := rpc.Listen("127.0.0.1:0", rpc.Config{Assets: assets, Services: []any{&Greeter{}}, AllowRemote: true})
	if err != nil {
		t.Fatal(err)
	}
	h := remote.Handler()
	port := remote.URL()[strings.LastIndex(remote.URL()[:strings.Index(remote.URL(), "/?")], ":"):strings.Index(remote.URL(), "/?")]
	for _, tc := range []struct {
		host string
		code int
	}{
		{"192.0.2.7" + port, http.StatusUnauthorized},
		{"[2001:db8::1]" + port, http.StatusUnauthorized},
		{"evil.example" + port, http.StatusMisdirectedRequest},
		{"192.0.2.7:1", http.StatusMisdirectedRequest},
	} {
		rec := httptest.NewRecorder()
		req, _ := http.NewRequest("GET", "http://"+tc.host+"/", nil)
		h.ServeHTTP(rec, req)
		if rec.Code != tc.code {
			t.Errorf("remote Host %s: %d, want %d", tc.host, rec.Code, tc.code)
		}
	}
}
