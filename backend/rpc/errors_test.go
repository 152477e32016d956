package rpc_test

import (
	"context"
	"encoding/json"
	"io"
	"log"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"soundingboard/backend/board"
	"soundingboard/backend/rpc"
	"soundingboard/backend/store"
	"soundingboard/backend/storetest"
)

// internalChain matches a message that still carries the context a service
// wrapped around its error on the way up ("get member 9: …", "update member
// 3: …", "create member: …"): words for the log, not for people.
var internalChain = regexp.MustCompile(`(?i)\b(get|create|update|delete|list|load|save|read|write|insert|select|rpc)\b[^:.]*: `)

// A refusal through the real server and the real board service reads as a
// sentence: no wrapped context, a capital letter, a full stop, the fields'
// problems each on their own. It answers 200 with the refusal header, so
// the browser logs nothing; the wrapped chain goes to no log either.
func TestRefusalsReadAsSentences(t *testing.T) {
	db := storetest.Open(t)
	svc := board.NewService(context.Background(), db)
	var logs syncBuffer
	srv, err := rpc.Listen("127.0.0.1:0", rpc.Config{Assets: fstest.MapFS{"index.html": {Data: []byte("app")}},
		Services: []any{svc}, Log: log.New(&logs, "", 0)})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		if err := srv.Serve(ctx); err != nil {
			t.Errorf("serve: %v", err)
		}
		close(done)
	}()
	t.Cleanup(func() { cancel(); <-done })
	u, _ := url.Parse(srv.URL())
	jar, _ := cookiejar.New(nil)
	c := &client{t: t, base: "http://" + u.Host, http: &http.Client{Jar: jar}}
	login(t, c, srv.URL())

	if code, body := c.do("POST", "/rpc/board.Service.CreateMember", `[{"name":"Ada Lovelace","email":"ada@example.com"}]`, nil); code != 200 {
		t.Fatalf("create: %d %s", code, body)
	}
	cases := []struct {
		name, method, body string
		want               store.Payload
	}{
		{"not found", "GetMember", `[9999]`, store.Payload{Code: store.CodeNotFound, Message: "Member 9999 not found."}},
		{"not found on update", "UpdateMember", `[9999, {"name":"Ada"}]`,
			store.Payload{Code: store.CodeNotFound, Message: "Member 9999 not found."}},
		{"conflict", "CreateMember", `[{"name":"Ada Twin","email":"ada@example.com"}]`,
			store.Payload{Code: store.CodeConflict, Message: "Email ada@example.com is already used by Ada Lovelace.",
				Fields: []store.Problem{{Field: "email", Message: "Email ada@example.com is already used by Ada Lovelace."}}}},
		{"invalid", "CreateMember", `[{"name":"","email":"not-an-email"}]`, store.Payload{Code: store.CodeInvalid,
			Message: `Name is required. Email "not-an-email" is not a valid address.`,
			Fields: []store.Problem{
				{Field: "name", Message: "Name is required."},
				{Field: "email", Message: `Email "not-an-email" is not a valid address.`},
			}}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			req, _ := http.NewRequest("POST", c.base+"/rpc/board.Service."+tc.method, strings.NewReader(tc.body))
			resp, err := c.http.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			raw, _ := io.ReadAll(resp.Body)
			if resp.StatusCode != 200 || resp.Header.Get(rpc.RefusalHeader) != string(tc.want.Code) {
				t.Fatalf("%d with %s %q, want 200 with %q: %s", resp.StatusCode, rpc.RefusalHeader,
					resp.Header.Get(rpc.RefusalHeader), tc.want.Code, raw)
			}
			var got store.Payload
			if err := json.Unmarshal(raw, &got); err != nil {
				t.Fatal(err)
			}
			if got.Message != tc.want.Message || got.Code != tc.want.Code || len(got.Fields) != len(tc.want.Fields) {
				t.Fatalf("got %+v, want %+v", got, tc.want)
			}
			for i, f := range tc.want.Fields {
				if got.Fields[i] != f {
					t.Errorf("field %d: %+v, want %+v", i, got.Fields[i], f)
				}
			}
			if internalChain.MatchString(string(raw)) {
				t.Errorf("the answer carries internal context: %s", raw)
			}
		})
	}
	if logs.String() != "" {
		t.Errorf("refusals were logged: %s", logs.String())
	}
}

// An unexpected error tells people something went wrong, never its chain;
// the log keeps the chain.
func TestInternalErrorKeepsItsChainInTheLog(t *testing.T) {
	var logs syncBuffer
	srv := serveOn(t, "127.0.0.1:0", &logs)
	u, _ := url.Parse(srv.URL())
	jar, _ := cookiejar.New(nil)
	c := &client{t: t, base: "http://" + u.Host, http: &http.Client{Jar: jar}}
	login(t, c, srv.URL())
	code, body := c.do("POST", "/rpc/rpc_test.Greeter.Boom", "[]", nil)
	if code != 500 || !strings.Contains(body, "Something went wrong") || strings.Contains(body, "disk full") {
		t.Fatalf("%d %s", code, body)
	}
	if !strings.Contains(logs.String(), "disk full") {
		t.Errorf("the log lacks the error: %q", logs.String())
	}
}
