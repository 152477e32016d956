package rpc_test

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path"
	"reflect"
	"sort"
	"soundingboard/backend/activity"
	"strings"
	"testing"
	"testing/fstest"

	"soundingboard/backend/board"
	"soundingboard/backend/demo"
	"soundingboard/backend/loop"
	"soundingboard/backend/privacy"
	"soundingboard/backend/report"
	"soundingboard/backend/rpc"
	"soundingboard/backend/session"
	"soundingboard/backend/storetest"
	"soundingboard/backend/transcript"
)

const fuzzToken = "fuzz-token"

// realServer serves the real bound services over a migrated temp database
// holding the sample data, and lists their binding names.
func realServer(tb testing.TB) (*target, []string) {
	tb.Helper()
	ctx := context.Background()
	db := storetest.Open(tb)
	b, ss, l := board.NewService(ctx, db), session.NewServices(ctx, db), loop.NewService(ctx, db)
	d := demo.NewService(b, ss.Plans, l, transcript.NewTranscripts(ctx, db))
	if _, err := d.Load(); err != nil {
		tb.Fatalf("load demo: %v", err)
	}
	services := append([]any{b, l, d, report.NewService(ctx, db, b, ss, activity.NewAgendas(ctx, db), l), privacy.NewService(ctx, db)}, ss.Bound()...)
	srv, err := rpc.Listen("127.0.0.1:0", rpc.Config{
		Assets: fstest.MapFS{"index.html": {Data: []byte("app")}}, Services: services, Token: fuzzToken, MaxBody: 1 << 20})
	if err != nil {
		tb.Fatal(err)
	}
	ctxDone, cancel := context.WithCancel(ctx)
	cancel()
	if err := srv.Serve(ctxDone); err != nil { // free the port; the Handler keeps working
		tb.Fatal(err)
	}
	var names []string
	for _, svc := range services {
		t := reflect.TypeOf(svc)
		for i := range t.NumMethod() {
			names = append(names, path.Base(t.Elem().PkgPath())+"."+t.Elem().Name()+"."+t.Method(i).Name)
		}
	}
	sort.Strings(names)
	u, _ := url.Parse(srv.URL())
	// Sign in as the browser does: the token URL answers with a session cookie.
	rec := httptest.NewRecorder()
	srv.Handler().ServeHTTP(rec, httptest.NewRequest("GET", srv.URL(), nil))
	cookies := rec.Result().Cookies()
	if len(cookies) != 1 {
		tb.Fatalf("sign in: %d cookies", len(cookies))
	}
	return &target{h: srv.Handler(), host: u.Host, cookie: cookies[0]}, names
}

// target is the server's handler, the Host it answers to and a signed-in
// session's cookie.
type target struct {
	h      http.Handler
	host   string
	cookie *http.Cookie
}

// post calls one method as the browser would, signed in.
func (tg *target) post(method string, body []byte) *httptest.ResponseRecorder {
	req := httptest.NewRequest("POST", "http://"+tg.host+"/rpc/"+method, bytes.NewReader(body))
	req.AddCookie(tg.cookie)
	rec := httptest.NewRecorder()
	tg.h.ServeHTTP(rec, req)
	return rec
}

// checkAnswer is the contract: a JSON result with 200, or a JSON error
// that is not a recovered panic and shows no Go internals.
func checkAnswer(t *testing.T, method string, body []byte, rec *httptest.ResponseRecorder) {
	t.Helper()
	out := rec.Body.Bytes()
	if rec.Code == http.StatusOK {
		if !json.Valid(out) {
			t.Fatalf("%s %q: 200 with invalid JSON %.200q", method, body, out)
		}
		return
	}
	var e struct {
		Error string `json:"error"`
	}
	if err := json.Unmarshal(out, &e); err != nil || e.Error == "" {
		t.Fatalf("%s %q: %d without a JSON error: %.200q", method, body, rec.Code, out)
	}
	if strings.HasPrefix(e.Error, "internal error in") {
		t.Fatalf("%s %q: the method panicked (recovered): %s", method, body, e.Error)
	}
	for _, leak := range []string{"goroutine ", ".go:", "runtime error", "reflect:"} {
		if strings.Contains(e.Error, leak) {
			t.Fatalf("%s %q: error shows Go internals (%q): %s", method, body, leak, e.Error)
		}
	}
}

// FuzzRPCCall sends random argument arrays to every real bound method.
// sel picks the method; the corpus lives in testdata/fuzz/FuzzRPCCall.
func FuzzRPCCall(f *testing.F) {
	h, names := realServer(f)
	index := map[string]uint16{}
	for i, n := range names {
		index[n] = uint16(i)
	}
	for _, seed := range []struct{ method, body string }{
		{"board.Service.GetMember", `[1]`},
		{"board.Service.GetMember", `["1"]`},
		{"board.Service.CreateMember", `[{"name":"'; DROP TABLE members;--","email":"x@y.z"}]`},
		{"board.Service.UpdateMember", `[1, {"name":"<script>alert(1)</script>","articulation":"5"}]`},
		{"board.Service.ListMembers", `[{"search":"\"* OR NEAR(","limit":-1,"offset":-5}]`},
		{"board.Service.Import", `[{"fileName":"a.csv","content":"TmFtZQphCg=="}]`},
		{"board.Service.ConsentsExpiring", `[-1]`},
		{"session.Runs.SaveField", `[{"sessionId":1,"assumptionId":1,"memberId":1,"field":"notes","value":"x"}]`},
		{"session.Runs.SaveField", `[{"sessionId":1,"assumptionId":1,"memberId":1,"field":"id = 1; --","value":"x"}]`},
		{"session.Runs.SaveQuote", `[{"sessionId":1,"text":"\u0000"}]`},
		{"loop.Service.Complete", `[1, {"outcome":"ok"}]`},
		{"loop.Service.CreateReminder", `[{"title":"t","dueAt":"9999-99-99T99:99"}]`},
		{"report.Service.Render", `["session", 1, "pdf"]`},
		{"privacy.Service.ErasePerson", `[1, ""]`},
		{"privacy.Service.ExportPerson", `[9223372036854775807]`},
	} {
		f.Add(index[seed.method], []byte(seed.body))
	}
	f.Add(uint16(0), []byte(`[`))
	f.Add(uint16(1), []byte(`[null, null, null]`))
	f.Add(uint16(2), []byte(`{"a":1}`))
	f.Fuzz(func(t *testing.T, sel uint16, body []byte) {
		method := names[int(sel)%len(names)]
		checkAnswer(t, method, body, h.post(method, body))
	})
}
