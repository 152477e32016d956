package room

// Fixtures: a real temp-file database with a session of three
// participants and one activity of every kind, the room opened on
// loopback over the real listener, and phones as HTTP clients with their
// own cookie jars.

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/netip"
	"strings"
	"testing"
	"testing/fstest"

	"soundingboard/backend/activity"
	"soundingboard/backend/session"
	"soundingboard/backend/store"
	"soundingboard/backend/storetest"
)

// testPage is a small participant page naming one asset.
var testPage = fstest.MapFS{
	"room.html":             {Data: []byte(`<!doctype html><html><head><script type="module" src="/assets/room-test.js"></script></head><body></body></html>`)},
	"assets/room-test.js":   {Data: []byte(`console.log("room")`)},
	"assets/index-board.js": {Data: []byte(`console.log("board")`)},
	"index.html":            {Data: []byte(`<!doctype html><title>board</title>`)},
}

type fx struct {
	t             testing.TB
	db            *store.DB
	rooms         *Rooms
	agendas       *activity.Agendas
	runs          *session.Runs
	session       int64
	ann, bob, cat int64
	acts          map[activity.Kind]activity.Activity
	status        Status
}

// newFx builds the session, with the agenda's first activity of kind
// first, and opens its room on loopback.
func newFx(t testing.TB, first activity.Kind, tune ...func(*tuning)) *fx {
	t.Helper()
	db := storetest.Open(t)
	ctx := context.Background()
	f := &fx{t: t, db: db, agendas: activity.NewAgendas(ctx, db), runs: session.NewRuns(ctx, db), acts: map[activity.Kind]activity.Activity{}}
	member := func(name string) int64 {
		return storetest.Exec(t, db, `INSERT INTO members (id, name, status, created_at, updated_at) VALUES (?, ?, 'active', 'x', 'x')`,
			storetest.NewID(t, db), name)
	}
	f.ann, f.bob, f.cat = member("Ann Lee"), member("Bob Stone"), member("Cat Ng")
	f.session = storetest.Session(t, db, "Pricing interviews", map[int64]string{f.ann: "invited", f.bob: "invited", f.cat: "invited"})
	storetest.Exec(t, db, `UPDATE sessions SET customer_title = 'Your pricing' WHERE id = ?`, f.session)
	var decision int64
	if err := db.Get(&decision, `SELECT decision_id FROM sessions WHERE id = ?`, f.session); err != nil {
		t.Fatal(err)
	}
	asm := storetest.Exec(t, db, `INSERT INTO assumptions (id, decision_id, customers, behavior, reason, category,
		importance, evidence, created_at, updated_at) VALUES (?, ?, 'small teams', 'pay by card', 'it is quick', 'desirability', 3, 3, 'x', 'x')`,
		storetest.NewID(t, db), decision)
	items := func(role activity.Role, texts ...string) []activity.ItemInput {
		var out []activity.ItemInput
		for _, s := range texts {
			out = append(out, activity.ItemInput{Role: role, Text: s})
		}
		return out
	}
	ins := map[activity.Kind]activity.ActivityInput{
		activity.KindAssumptionCheck: {Kind: activity.KindAssumptionCheck, Title: "Check",
			Items: []activity.ItemInput{{Role: activity.RoleAssumption, AssumptionID: asm}}},
		activity.KindJourneyBoard: {Kind: activity.KindJourneyBoard, Title: "Journey", Dots: 3, Items: items(activity.RoleStage, "Discover", "Buy")},
		activity.KindIdeaRound:    {Kind: activity.KindIdeaRound, Title: "Ideas", Dots: 2, Items: items(activity.RolePrompt, "HMW make it faster?")},
		activity.KindPrototypeTest: {Kind: activity.KindPrototypeTest, Title: "Prototype",
			Items: append(items(activity.RoleVariant, "A", "B"), items(activity.RoleTask, "Sign up")...)},
		activity.KindOpenQuestion: {Kind: activity.KindOpenQuestion, Title: "Open", Items: items(activity.RoleQuestion, "What stops you?")},
		activity.KindRating:       {Kind: activity.KindRating, Title: "Rate", Scale: 5, Items: items(activity.RoleQuestion, "How easy?")},
	}
	order := []activity.Kind{first}
	for _, k := range activity.AllKinds {
		if k.Value != first {
			order = append(order, k.Value)
		}
	}
	for _, k := range order {
		in := ins[k]
		in.SessionID = f.session
		a, err := f.agendas.SaveActivity(in)
		if err != nil {
			t.Fatalf("add %s: %v", k, err)
		}
		f.acts[k] = a
	}
	f.rooms = NewRooms(ctx, db, f.agendas, f.runs)
	for _, fn := range tune {
		fn(&f.rooms.tune)
	}
	WithAssets(f.rooms, testPage)
	st, err := f.rooms.Open(OpenInput{SessionID: f.session, Addr: "127.0.0.1:0"})
	if err != nil {
		t.Fatal(err)
	}
	f.status = st
	t.Cleanup(func() { Shutdown(f.rooms) })
	return f
}

// base is the room's origin (scheme://host:port).
func (f *fx) base() string { return strings.SplitN(f.status.URL, "/j/", 2)[0] }

// phone is a participant's browser.
type phone struct {
	t      testing.TB
	f      *fx
	c      *http.Client
	origin string
}

func (f *fx) phone() *phone {
	jar, err := cookiejar.New(nil)
	if err != nil {
		f.t.Fatal(err)
	}
	return &phone{t: f.t, f: f, c: &http.Client{Jar: jar}, origin: f.base()}
}

// do calls the API (path relative to the join URL's api/) and decodes
// the answer into out when given; returns the status.
func (p *phone) do(method, path string, body any, out any) int {
	p.t.Helper()
	var rd io.Reader
	if body != nil {
		b, err := json.Marshal(body)
		if err != nil {
			p.t.Fatal(err)
		}
		rd = bytes.NewReader(b)
	}
	req, err := http.NewRequest(method, p.f.status.URL+"/api/"+path, rd)
	if err != nil {
		p.t.Fatal(err)
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if p.origin != "" {
		req.Header.Set("Origin", p.origin)
	}
	res, err := p.c.Do(req)
	if err != nil {
		p.t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	if out != nil && len(b) > 0 {
		if err := json.Unmarshal(b, out); err != nil {
			p.t.Fatalf("%s %s: %d %s: %v", method, path, res.StatusCode, b, err)
		}
	}
	return res.StatusCode
}

// nameID is the opaque id of a first name in the room.
func (p *phone) nameID(first string) string {
	p.t.Helper()
	var v roomView
	if code := p.do("GET", "room", nil, &v); code != 200 {
		p.t.Fatalf("room: %d", code)
	}
	for _, n := range v.Names {
		if n.Name == first {
			return n.ID
		}
	}
	p.t.Fatalf("no name %q in %+v", first, v.Names)
	return ""
}

// join claims first and has the facilitator confirm it.
func (f *fx) join(first string) *phone {
	f.t.Helper()
	p := f.phone()
	var m me
	if code := p.do("POST", "claim", map[string]string{"nameId": p.nameID(first)}, &m); code != 200 || m.State != statePending {
		f.t.Fatalf("claim %s: %d %+v", first, code, m)
	}
	f.confirm(first, true)
	return p
}

// confirm confirms or rejects the live claim of first.
func (f *fx) confirm(first string, accept bool) {
	f.t.Helper()
	st, _ := f.rooms.Status(f.session)
	for _, c := range st.Claims {
		if c.Name == first && c.State != stateRejected {
			if _, err := f.rooms.Confirm(ConfirmInput{SessionID: f.session, ClaimID: c.ID, Accept: accept}); err != nil {
				f.t.Fatal(err)
			}
			return
		}
	}
	f.t.Fatalf("no claim of %s in %+v", first, st.Claims)
}

// post writes an entry; returns the status and the answer.
func (p *phone) post(e entryPost) (int, entryAnswer) {
	p.t.Helper()
	var out entryAnswer
	code := p.do("POST", "entry", e, &out)
	return code, out
}

type entryAnswer struct {
	Entry myEntry `json:"entry"`
	State state   `json:"state"`
	Error string  `json:"error"`
	Field string  `json:"field"`
}

// state reads the phone's state.
func (p *phone) state() state {
	p.t.Helper()
	var st state
	if code := p.do("GET", "state", nil, &st); code != 200 {
		p.t.Fatalf("state: %d", code)
	}
	return st
}

// show puts activity kind on screen.
func (f *fx) show(kind activity.Kind) {
	f.t.Helper()
	ag, err := f.agendas.Agenda(f.session)
	if err != nil {
		f.t.Fatal(err)
	}
	for i, a := range ag.Activities {
		if a.Kind == kind {
			if err := f.agendas.SetCurrent(f.session, i); err != nil {
				f.t.Fatal(err)
			}
			return
		}
	}
}

// entries lists the session's entries of kind as "member:text:value".
func (f *fx) entries(kind string) []string {
	f.t.Helper()
	var out []string
	if err := f.db.Select(&out, `SELECT coalesce(member_id, 0) || ':' || text || ':' || coalesce(value, 0) FROM entries
		WHERE session_id = ? AND kind = ? ORDER BY id`, f.session, kind); err != nil {
		f.t.Fatal(err)
	}
	return out
}

// answers reports whether anything answers url (closing what it got).
func answers(c *http.Client, url string) bool {
	res, err := c.Get(url)
	if err != nil {
		return false
	}
	_ = res.Body.Close()
	return true
}

// testPageWithout is testPage without one file.
func testPageWithout(name string) fstest.MapFS {
	out := fstest.MapFS{}
	for k, v := range testPage {
		if k != name {
			out[k] = v
		}
	}
	return out
}

// finishAll is the finish of f's session with everyone attending.
func finishAll(f *fx) session.FinishInput {
	in := session.FinishInput{SessionID: f.session}
	for _, m := range []int64{f.ann, f.bob, f.cat} {
		in.Attendance = append(in.Attendance, session.Attendance{MemberID: m, Attended: true})
	}
	return in
}

func mustAddr(t testing.TB, s string) netip.Addr {
	t.Helper()
	ip, err := netip.ParseAddr(s)
	if err != nil {
		t.Fatal(err)
	}
	return ip
}

func decodeBase64(s string) ([]byte, error) { return base64.StdEncoding.DecodeString(s) }
