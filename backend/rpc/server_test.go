package rpc_test

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"soundingboard/backend/rpc"
	"soundingboard/backend/store"
)

// Greeter stands in for a bound service with every return shape.
type Greeter struct{ calls int }

type Person struct {
	Name string `json:"name"`
}

func (g *Greeter) Hello(p Person, times int) (string, error) {
	g.calls++
	if p.Name == "" {
		return "", store.Invalid("name is required")
	}
	return strings.Repeat("hi "+p.Name+" ", times), nil
}
func (g *Greeter) Find(id int64) (Person, error) {
	return Person{}, store.NotFound("person %d not found", id)
}
func (g *Greeter) Boom() error         { return errors.New("disk full") }
func (g *Greeter) Panic() (int, error) { panic("secret internal detail") }
func (g *Greeter) Nothing()            { g.calls++ }

type client struct {
	t    *testing.T
	base string
	http *http.Client
}

func start(t *testing.T, maxBody int64) (*client, string) {
	t.Helper()
	assets := fstest.MapFS{
		"index.html":    {Data: []byte("<html>app</html>")},
		"assets/app.js": {Data: []byte("console.log(1)")},
	}
	srv, err := rpc.Listen("127.0.0.1:0", rpc.Config{Assets: assets, Services: []any{&Greeter{}}, MaxBody: maxBody})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ctx) }()
	t.Cleanup(func() {
		cancel()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("serve: %v", err)
			}
		case <-time.After(5 * time.Second):
			t.Error("server did not shut down")
		}
	})
	u, _ := url.Parse(srv.URL())
	jar, _ := cookiejar.New(nil)
	return &client{t: t, base: "http://" + u.Host, http: &http.Client{Jar: jar}}, srv.URL()
}

func (c *client) do(method, path, body string, hdr map[string]string) (int, string) {
	c.t.Helper()
	req, err := http.NewRequest(method, c.base+path, strings.NewReader(body))
	if err != nil {
		c.t.Fatal(err)
	}
	for k, v := range hdr {
		if k == "Host" {
			req.Host = v
		} else {
			req.Header.Set(k, v)
		}
	}
	resp, err := c.http.Do(req)
	if err != nil {
		c.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

func login(t *testing.T, c *client, u string) {
	t.Helper()
	resp, err := c.http.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Fatalf("login: %d", resp.StatusCode)
	}
	ck := resp.Request.Response
	if ck == nil {
		t.Fatal("token URL did not redirect")
	}
	setCookie := ck.Header.Get("Set-Cookie")
	for _, want := range []string{"HttpOnly", "SameSite=Strict"} {
		if !strings.Contains(setCookie, want) {
			t.Errorf("cookie %q lacks %s", setCookie, want)
		}
	}
	if strings.Contains(resp.Request.URL.String(), "token") {
		t.Errorf("token still in URL after login: %s", resp.Request.URL)
	}
}

func TestNothingWithoutToken(t *testing.T) {
	c, _ := start(t, 0)
	for _, p := range []string{"/", "/index.html", "/assets/app.js", "/rpc/rpc_test.Greeter.Nothing"} {
		code, _ := c.do("POST", p, "[]", nil)
		if p == "/" || strings.HasPrefix(p, "/assets") || p == "/index.html" {
			code, _ = c.do("GET", p, "", nil)
		}
		if code != http.StatusUnauthorized {
			t.Errorf("%s without token: %d, want 401", p, code)
		}
	}
	if code, _ := c.do("GET", "/?token=wrong", "", nil); code != http.StatusUnauthorized {
		t.Errorf("wrong token: %d", code)
	}
	if code, _ := c.do("POST", "/rpc/rpc_test.Greeter.Nothing", "[]", map[string]string{"Cookie": "sb_session=guess"}); code != 401 {
		t.Errorf("forged cookie: %d", code)
	}
}

func TestCallsAndErrors(t *testing.T) {
	c, u := start(t, 0)
	login(t, c, u)
	cases := []struct {
		name, path, body string
		code             int
		want             string
	}{
		{"result", "rpc_test.Greeter.Hello", `[{"name":"Zoë"}, 2]`, 200, `"hi Zoë hi Zoë "`},
		{"invalid", "rpc_test.Greeter.Hello", `[{"name":""}, 1]`, 200, `{"error":"Name is required.","code":"invalid"}`},
		{"not found", "rpc_test.Greeter.Find", `[7]`, 200, `{"error":"Person 7 not found.","code":"not_found"}`},
		{"plain error", "rpc_test.Greeter.Boom", `[]`, 500, `{"error":"Something went wrong inside Sounding Board.`},
		{"panic hides detail", "rpc_test.Greeter.Panic", `[]`, 500, `"code":"internal"`},
		{"no result", "rpc_test.Greeter.Nothing", ``, 200, `null`},
		{"wrong arity", "rpc_test.Greeter.Hello", `[{"name":"a"}]`, 400, `takes 2 arguments, got 1`},
		{"wrong type", "rpc_test.Greeter.Hello", `[{"name":"a"}, "x"]`, 400, `argument 2`},
		{"not an array", "rpc_test.Greeter.Find", `{"id":1}`, 400, `must be a JSON array`},
		{"unknown method", "rpc_test.Greeter.Nope", `[]`, 404, `no such method`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			code, body := c.do("POST", "/rpc/"+tc.path, tc.body, map[string]string{"Content-Type": "application/json"})
			if code != tc.code || !strings.Contains(body, tc.want) {
				t.Fatalf("%s: %d %s, want %d containing %s", tc.path, code, body, tc.code, tc.want)
			}
			if code >= 400 {
				var e struct{ Error string }
				if err := json.Unmarshal([]byte(body), &e); err != nil || e.Error == "" {
					t.Errorf("error body is not {error}: %s", body)
				}
				if strings.Contains(body, "goroutine") || strings.Contains(body, "secret") {
					t.Errorf("leaks internals: %s", body)
				}
			}
		})
	}
	if code, _ := c.do("GET", "/rpc/rpc_test.Greeter.Nothing", "", nil); code != http.StatusMethodNotAllowed {
		t.Errorf("GET on rpc: %d", code)
	}
}

func TestStaticFilesAndFallback(t *testing.T) {
	c, u := start(t, 0)
	login(t, c, u)
	if code, body := c.do("GET", "/assets/app.js", "", nil); code != 200 || body != "console.log(1)" {
		t.Errorf("asset: %d %q", code, body)
	}
	if code, body := c.do("GET", "/board/42", "", nil); code != 200 || !strings.Contains(body, "app") {
		t.Errorf("SPA fallback: %d %q", code, body)
	}
}

func TestHostAndOriginChecks(t *testing.T) {
	c, u := start(t, 0)
	login(t, c, u)
	port := c.base[strings.LastIndex(c.base, ":"):]
	call := "/rpc/rpc_test.Greeter.Nothing"
	cases := []struct {
		name string
		hdr  map[string]string
		code int
	}{
		{"dns rebinding host", map[string]string{"Host": "evil.example" + port}, http.StatusMisdirectedRequest},
		{"other port", map[string]string{"Host": "127.0.0.1:1"}, http.StatusMisdirectedRequest},
		{"cross-site origin", map[string]string{"Origin": "http://evil.example"}, http.StatusForbidden},
		{"null origin", map[string]string{"Origin": "null"}, http.StatusForbidden},
		{"https origin", map[string]string{"Origin": "https://127.0.0.1" + port}, http.StatusForbidden},
		{"cross-site fetch", map[string]string{"Sec-Fetch-Site": "cross-site"}, http.StatusForbidden},
		{"same origin", map[string]string{"Origin": "http://127.0.0.1" + port, "Sec-Fetch-Site": "same-origin"}, 200},
		// The cookie belongs to 127.0.0.1, so another allowed name passes the
		// host check but still needs its own sign-in.
		{"localhost name", map[string]string{"Host": "localhost" + port, "Origin": "http://localhost" + port}, http.StatusUnauthorized},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if code, body := c.do("POST", call, "[]", tc.hdr); code != tc.code {
				t.Fatalf("%d %s, want %d", code, body, tc.code)
			}
		})
	}
}

func TestBodyLimit(t *testing.T) {
	c, u := start(t, 1024)
	login(t, c, u)
	big := `[{"name":"` + strings.Repeat("x", 2048) + `"}, 1]`
	code, body := c.do("POST", "/rpc/rpc_test.Greeter.Hello", big, nil)
	if code != http.StatusRequestEntityTooLarge || !strings.Contains(body, "too large") {
		t.Fatalf("oversized body: %d %s", code, body)
	}
}

func TestListenRefusesNonLoopback(t *testing.T) {
	for _, addr := range []string{"0.0.0.0:0", "192.0.2.1:7420", ":7420", "example.com:80"} {
		if _, err := rpc.Listen(addr, rpc.Config{}); err == nil || !strings.Contains(err.Error(), "loopback") && !strings.Contains(err.Error(), "address") {
			t.Errorf("Listen(%q) = %v, want a loopback refusal", addr, err)
		}
	}
}

func TestNoDirectoryListing(t *testing.T) {
	c, u := start(t, 0)
	login(t, c, u)
	if code, body := c.do("GET", "/assets/", "", nil); code != 200 || !strings.Contains(body, "<html>app</html>") {
		t.Fatalf("GET /assets/ = %d %q, want the app's index.html", code, body)
	}
}
