package badinput_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"soundingboard/backend/activity"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"soundingboard/backend/board"
	"soundingboard/backend/demo"
	"soundingboard/backend/history"
	"soundingboard/backend/loop"
	"soundingboard/backend/privacy"
	"soundingboard/backend/report"
	"soundingboard/backend/rpc"
	"soundingboard/backend/session"
	"soundingboard/backend/store"
	"soundingboard/backend/storetest"
	"soundingboard/backend/transcript"
)

const token = "badinput-token"

// tables whose row counts must not move on a refused call.
var tables = []string{"members", "member_tags", "tags", "segments", "consents", "touchpoints", "rewards",
	"decisions", "assumptions", "sessions", "participants", "activities", "activity_items", "entries", "reminders",
	"erasure_log"}

type app struct {
	t      *testing.T
	db     *store.DB
	base   string
	client *http.Client // signed in: holds the session cookie
}

func newApp(t *testing.T) *app {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	db := storetest.Open(t)
	b, ss, l := board.NewService(ctx, db), session.NewServices(ctx, db), loop.NewService(ctx, db)
	d := demo.NewService(b, ss.Plans, l, transcript.NewTranscripts(ctx, db))
	if _, err := d.Load(); err != nil {
		t.Fatal(err)
	}
	srv, err := rpc.Listen("127.0.0.1:0", rpc.Config{Assets: fstest.MapFS{"index.html": {Data: []byte("app")}},
		Services: append([]any{b, l, d, report.NewService(ctx, db, b, ss, activity.NewAgendas(ctx, db), l), privacy.NewService(ctx, db),
			history.NewService(ctx, db)}, ss.Bound()...), Token: token})
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ctx) }()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("serve: %v", err)
		}
	})
	u, _ := url.Parse(srv.URL())
	jar, _ := cookiejar.New(nil)
	client := &http.Client{Jar: jar}
	resp, err := client.Get(srv.URL())
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	return &app{t: t, db: db, base: "http://" + u.Host, client: client}
}

// call posts body to method and says how it went: the refusal's code
// ("invalid", "not_found", "conflict": answered 200 with rpc.RefusalHeader),
// else the HTTP status ("200", or "400" for a call no binding would make).
func (a *app) call(method, body string) (string, string) {
	a.t.Helper()
	req, _ := http.NewRequest("POST", a.base+"/rpc/"+method, strings.NewReader(body))
	resp, err := a.client.Do(req)
	if err != nil {
		a.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	if r := resp.Header.Get(rpc.RefusalHeader); r != "" {
		return r, string(b)
	}
	return strconv.Itoa(resp.StatusCode), string(b)
}

func (a *app) counts() map[string]int {
	a.t.Helper()
	out := map[string]int{}
	for _, tb := range tables {
		var n int
		if err := a.db.Get(&n, `SELECT count(*) FROM `+tb); err != nil {
			a.t.Fatalf("count %s: %v", tb, err)
		}
		out[tb] = n
	}
	return out
}

func (a *app) id(query string) int64 {
	a.t.Helper()
	var id int64
	if err := a.db.Get(&id, query); err != nil {
		a.t.Fatalf("%s: %v", query, err)
	}
	return id
}

func js(v any) string { b, _ := json.Marshal(v); return string(b) }

func TestBadInputThroughTheServices(t *testing.T) {
	a := newApp(t)
	member := a.id(`SELECT id FROM members ORDER BY id LIMIT 1`)
	var k struct {
		S int64 `db:"session_id"`
		A int64 `db:"assumption_id"`
		M int64 `db:"member_id"`
	}
	if err := a.db.Get(&k, `SELECT sa.session_id, sa.assumption_id, p.member_id FROM assumption_items sa
		JOIN participants p ON p.session_id = sa.session_id LIMIT 1`); err != nil {
		t.Fatal(err)
	}
	mb := strings.Repeat("x", 1<<20)
	const sqlMeta = `'; DROP TABLE members;--`
	const script = `<script>alert(1)</script><img src=x onerror=alert(2)>`
	refused := []struct {
		name, method, body string
		want               string // see call
		mention            string
	}{
		{"empty name", "board.Service.CreateMember", `[{"name":""}]`, "invalid", "name"},
		{"blank name", "board.Service.CreateMember", `[{"name":"   "}]`, "invalid", "name"},
		{"no arguments", "board.Service.CreateMember", `[]`, "400", "takes 1 arguments"},
		{"empty body", "board.Service.GetMember", ``, "400", "takes 1 arguments"},
		{"1 MB name", "board.Service.CreateMember", js([]any{map[string]string{"name": mb}}), "invalid", "name"},
		{"1 MB notes", "board.Service.CreateMember", js([]any{map[string]string{"name": "A", "notes": mb}}), "invalid", "notes"},
		{"1 MB quote", "session.Runs.SaveQuote", js([]any{map[string]any{"sessionId": k.S, "text": mb}}), "invalid", "text"},
		{"1 MB response", "session.Runs.SaveField", js([]any{map[string]any{"sessionId": k.S, "assumptionId": k.A, "memberId": k.M, "field": "notes", "value": mb}}), "invalid", "notes"},
		{"string for int", "board.Service.GetMember", `["1"]`, "400", "argument 1"},
		{"float for int", "board.Service.GetMember", `[1.5]`, "400", "argument 1"},
		{"string for int field", "board.Service.CreateMember", `[{"name":"A","articulation":"5"}]`, "400", "argument 1"},
		{"object for string", "board.Service.CreateMember", `[{"name":{"x":1}}]`, "400", "argument 1"},
		{"not an array", "board.Service.CreateMember", `{"name":"A"}`, "400", "JSON array"},
		{"truncated JSON", "board.Service.CreateMember", `[{"name":"A"`, "400", "JSON array"},
		{"unknown member", "board.Service.GetMember", `[999999]`, "not_found", "999999"},
		{"archive unknown member", "board.Service.ArchiveMember", `[999999]`, "not_found", "999999"},
		{"touchpoint for unknown member", "board.Service.AddTouchpoint", `[999999, {"kind":"call","summary":"x"}]`, "not_found", "999999"},
		{"consent for unknown member", "board.Service.SetConsent", `[999999, {"kind":"contact"}]`, "not_found", "999999"},
		{"unknown consent kind", "board.Service.SetConsent", js([]any{member, map[string]string{"kind": sqlMeta}}), "invalid", "kind"},
		{"unknown session", "session.Runs.SaveField", `[{"sessionId":999999,"assumptionId":1,"memberId":1,"field":"notes","value":"x"}]`, "not_found", "999999"},
		{"field name injection", "session.Runs.SaveField", js([]any{map[string]any{"sessionId": k.S, "assumptionId": k.A, "memberId": k.M, "field": "notes = 'x', stance", "value": "x"}}), "invalid", "field"},
		{"unknown reminder", "loop.Service.Complete", `[999999, {"outcome":"x"}]`, "not_found", "999999"},
		{"empty reminder title", "loop.Service.CreateReminder", `[{"title":"","dueAt":"2030-01-01T09:00"}]`, "invalid", "title"},
		{"bad due date", "loop.Service.CreateReminder", `[{"title":"x","dueAt":"'; DROP TABLE reminders;--"}]`, "invalid", "due"},
		{"garbage import", "board.Service.Import", js([]any{map[string]any{"fileName": "x.csv", "content": []byte{0xff, 0xfe, 0, 0, 1, 2}}}), "invalid", ""},
		{"empty import", "board.Service.Import", `[{"fileName":"x.csv","content":""}]`, "invalid", "empty"},
		{"export unknown person", "privacy.Service.ExportPerson", `[999999]`, "not_found", "999999"},
		{"erase with wrong name", "privacy.Service.ErasePerson", js([]any{member, sqlMeta}), "invalid", "does not match"},
		{"negative expiry window", "board.Service.ConsentsExpiring", `[-1]`, "invalid", "days"},
		{"history of an unknown kind", "history.Service.RecordHistory", js([]any{sqlMeta, member}), "invalid", "kind"},
		{"history of an unknown member", "history.Service.RecordHistory", `["member", 999999]`, "not_found", "999999"},
	}
	for _, tc := range refused {
		t.Run(tc.name, func(t *testing.T) {
			before := a.counts()
			got, body := a.call(tc.method, tc.body)
			if got != tc.want {
				t.Fatalf("%s: %s %.200s, want %s", tc.method, got, body, tc.want)
			}
			var e struct{ Error string }
			if err := json.Unmarshal([]byte(body), &e); err != nil || e.Error == "" || !strings.Contains(strings.ToLower(e.Error), strings.ToLower(tc.mention)) {
				t.Errorf("error %.200q does not mention %q", body, tc.mention)
			}
			if len(e.Error) > 2000 {
				t.Errorf("error echoes the input back: %d bytes", len(e.Error))
			}
			if after := a.counts(); fmt.Sprint(after) != fmt.Sprint(before) {
				t.Errorf("a refused call wrote:\nbefore %v\nafter  %v", before, after)
			}
		})
	}

	// Searches with metacharacters answer (maybe nothing), never a 500.
	for _, q := range []string{sqlMeta, `"`, `*`, `NEAR(`, `a OR`, `-`, `%_`, `\`, script, "\x00"} {
		before := a.counts()
		got, body := a.call("board.Service.ListMembers", js([]any{map[string]string{"search": q}}))
		if got != "200" && got != "invalid" {
			t.Errorf("search %q: %s %.200s", q, got, body)
		}
		if after := a.counts(); fmt.Sprint(after) != fmt.Sprint(before) {
			t.Errorf("search %q wrote", q)
		}
	}

	// Metacharacters and markup in text are kept verbatim, as plain text.
	stored := []struct {
		name, method, body, want, table string
	}{
		{"SQL in a name", "board.Service.CreateMember", js([]any{map[string]string{"name": sqlMeta, "notes": sqlMeta}}), sqlMeta, "members"},
		{"script in notes", "board.Service.CreateMember", js([]any{map[string]string{"name": "Markup Person", "notes": script}}), script, "members"},
		{"script in a quote", "session.Runs.SaveQuote", js([]any{map[string]any{"sessionId": k.S, "memberId": k.M, "text": script}}), script, "entries"},
		{"script in a touchpoint", "board.Service.AddTouchpoint", js([]any{member, map[string]string{"kind": "note", "summary": script}}), script, "touchpoints"},
	}
	for _, tc := range stored {
		t.Run(tc.name, func(t *testing.T) {
			before := a.counts()
			got, body := a.call(tc.method, tc.body)
			if got != "200" {
				t.Fatalf("%s %.200s", got, body)
			}
			if !strings.Contains(body, js(tc.want)) {
				t.Errorf("answer does not carry the text verbatim: %.300s", body)
			}
			after := a.counts()
			for _, tb := range tables {
				want := before[tb]
				if tb == tc.table {
					want++
				}
				if after[tb] != want {
					t.Errorf("%s: %d rows, want %d", tb, after[tb], want)
				}
			}
		})
	}
	var n int
	if err := a.db.Get(&n, `SELECT count(*) FROM members WHERE name = ? OR notes = ?`, sqlMeta, script); err != nil || n != 2 {
		t.Errorf("verbatim rows: %d %v", n, err)
	}
	// Reading back gives the same bytes.
	id := a.id(`SELECT id FROM members WHERE name = 'Markup Person'`)
	got, body := a.call("board.Service.GetMember", js([]any{id}))
	var d struct {
		Member struct{ Notes string } `json:"member"`
	}
	if got != "200" || json.NewDecoder(bytes.NewReader([]byte(body))).Decode(&d) != nil || d.Member.Notes != script {
		t.Errorf("read back: %s %q", got, d.Member.Notes)
	}
}
