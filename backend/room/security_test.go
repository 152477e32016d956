package room

import (
	"bytes"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"soundingboard/backend/activity"
)

// get fetches a path of the room's listener with no cookie.
func (f *fx) get(path string) (int, string) {
	f.t.Helper()
	res, err := http.Get(f.base() + path)
	if err != nil {
		f.t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res.StatusCode, string(b)
}

// The room serves its page and the assets it names, and nothing of the
// board app: its routes, its files, /rpc are all 404, with or without the
// join secret in front.
func TestOnlyTheRoomIsServed(t *testing.T) {
	f := newFx(t, activity.KindRating)
	secret := strings.TrimPrefix(f.status.URL, f.base())
	for _, path := range []string{secret, secret + "/"} {
		if code, body := f.get(path); code != 200 || !strings.Contains(body, "/assets/room-test.js") {
			t.Errorf("GET %s: %d %q", path, code, body)
		}
	}
	if code, body := f.get("/assets/room-test.js"); code != 200 || body != `console.log("room")` {
		t.Errorf("the page's asset: %d %q", code, body)
	}
	for _, path := range []string{"/", "/index.html", "/assets/index-board.js", "/room.html", "/rpc/board.Service.ListMembers",
		"/rpc/room.Rooms.Status", "/events", "/?token=x", "/sessions/run/1", "/assets/", "/assets/../index.html",
		secret + "/rpc/board.Service.ListMembers", secret + "/index.html", secret + "/assets/room-test.js", secret + "/api/",
		secret + "/api/nothing", "/j/", "/favicon.ico"} {
		for _, method := range []string{"GET", "POST"} {
			req, _ := http.NewRequest(method, f.base()+path, strings.NewReader("[]"))
			req.Header.Set("Content-Type", "application/json")
			req.Header.Set("Origin", f.base())
			res, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			b, _ := io.ReadAll(res.Body)
			res.Body.Close()
			if res.StatusCode != 404 {
				t.Errorf("%s %s: %d %q, want 404", method, path, res.StatusCode, b)
			}
			if bytes.Contains(b, []byte("board")) {
				t.Errorf("%s %s leaks the board app: %q", method, path, b)
			}
		}
	}
}

// A missing room.html is a clear error at open, and nothing listens.
func TestOpenWithoutThePage(t *testing.T) {
	f := newFx(t, activity.KindRating)
	r := NewRooms(t.Context(), f.db, f.agendas, f.runs)
	WithAssets(r, testPageWithout("room.html"))
	if _, err := r.Open(OpenInput{SessionID: f.session, Addr: "127.0.0.1:0"}); err == nil || !strings.Contains(err.Error(), "room.html") {
		t.Errorf("open without room.html: %v", err)
	}
	if st, _ := r.Status(f.session); st.Open {
		t.Error("a room without its page is open")
	}
}

// Closing the room, finishing the session and rejecting a claim each
// revoke tokens: the phone's calls fail and its stream ends.
func TestRevokedTokensFail(t *testing.T) {
	t.Run("reject", func(t *testing.T) {
		f := newFx(t, activity.KindRating)
		p := f.join("Ann")
		if s := p.state(); s.Activity == nil {
			t.Fatal("no activity")
		}
		f.confirm("Ann", false)
		for _, path := range []string{"state", "consent", "entry"} {
			method := "GET"
			var body any
			if path != "state" {
				method, body = "POST", map[string]any{}
			}
			if code := p.do(method, path, body, nil); code != 403 {
				t.Errorf("%s %s after reject: %d, want 403", method, path, code)
			}
		}
		if code := p.do("GET", "events", nil, nil); code != 403 {
			t.Errorf("events after reject: %d, want 403", code)
		}
		var m me
		if code := p.do("GET", "me", nil, &m); code != 200 || m.State != "rejected" {
			t.Errorf("me after reject: %d %+v", code, m)
		}
		// The name is free again: someone (Ann, on her own phone) claims it.
		if code := f.phone().do("POST", "claim", map[string]string{"nameId": p.nameID("Ann")}, nil); code != 200 {
			t.Errorf("claim after reject: %d", code)
		}
	})
	t.Run("close", func(t *testing.T) {
		f := newFx(t, activity.KindRating)
		p := f.join("Ann")
		url := f.status.URL
		if _, err := f.rooms.Close(f.session); err != nil {
			t.Fatal(err)
		}
		if answers(http.DefaultClient, url) {
			t.Error("the room's listener still answers after close")
		}
		// Opened again: a new secret, and the old cookie means nothing.
		st, err := f.rooms.Open(OpenInput{SessionID: f.session, Addr: "127.0.0.1:0"})
		if err != nil || st.URL == url {
			t.Fatalf("reopen: %+v %v", st, err)
		}
		f.status = st
		p.origin = f.base()
		var pr problem
		if code := p.do("GET", "state", nil, &pr); code != 401 {
			t.Errorf("an old token in a new room: %d %+v, want 401", code, pr)
		}
	})
	t.Run("finish", func(t *testing.T) {
		f := newFx(t, activity.KindRating)
		p := f.join("Ann")
		events := p.stream(t)
		f.finish()
		deadline := time.Now().Add(5 * time.Second)
		for {
			st, _ := f.rooms.Status(f.session)
			if !st.Open {
				break
			}
			if time.Now().After(deadline) {
				t.Fatal("the room stayed open after the session finished")
			}
			time.Sleep(20 * time.Millisecond)
		}
		select {
		case <-events:
		case <-time.After(5 * time.Second):
			t.Error("the event stream did not end")
		}
		if answers(p.c, f.status.URL+"/api/state") {
			t.Error("the listener still answers after finish")
		}
	})
}

// finish finishes the session through the run service, as the run view's
// finish dialog does.
func (f *fx) finish() {
	f.t.Helper()
	if _, err := f.db.Exec(`UPDATE sessions SET status = 'running' WHERE id = ?`, f.session); err != nil {
		f.t.Fatal(err)
	}
	if _, err := f.runs.Finish(finishAll(f)); err != nil {
		f.t.Fatal(err)
	}
}

// stream opens the phone's event stream; the channel closes when it ends.
func (p *phone) stream(t *testing.T) <-chan struct{} {
	t.Helper()
	req, _ := http.NewRequest("GET", p.f.status.URL+"/api/events", nil)
	res, err := p.c.Do(req) //nolint:bodyclose // the reader below closes it when the stream ends
	if err != nil || res.StatusCode != 200 {
		t.Fatalf("events: %v %v", res, err)
	}
	first := make([]byte, 64)
	n, _ := res.Body.Read(first)
	if !strings.HasPrefix(string(first[:n]), "event: state\ndata: {\"version\":") {
		t.Fatalf("first event %q", first[:n])
	}
	done := make(chan struct{})
	go func() { _, _ = io.Copy(io.Discard, res.Body); res.Body.Close(); close(done) }()
	return done
}

// Wrong join secrets are throttled for everyone together: past the
// budget, even the right secret is 429 for a newcomer, while a joined
// participant carries on.
func TestGuessingIsThrottled(t *testing.T) {
	f := newFx(t, activity.KindRating, func(t *tuning) { t.guessBurst, t.guessEvery = 5, time.Hour })
	p := f.join("Ann")
	secret := strings.TrimPrefix(f.status.URL, f.base())
	var codes []int
	for i := range 8 {
		code, _ := f.get(fmt.Sprintf("/j/aaaaaaaaaaaaaa%02d", i))
		codes = append(codes, code)
	}
	if fmt.Sprint(codes) != "[404 404 404 404 404 429 429 429]" {
		t.Errorf("guesses answered %v", codes)
	}
	if code, _ := f.get(secret); code != 429 {
		t.Errorf("the right secret without a token while throttled: %d, want 429", code)
	}
	if s := p.state(); s.Activity == nil {
		t.Error("a joined participant was throttled")
	}
}

// Joins are limited per room and writes per participant and per room,
// never per address (everyone here comes from 127.0.0.1).
func TestJoinsAndWritesAreRateLimited(t *testing.T) {
	f := newFx(t, activity.KindOpenQuestion, func(t *tuning) {
		t.joinBurst, t.joinEvery, t.personBurst, t.personEvery = 2, time.Hour, 3, time.Hour
	})
	a, b := f.join("Ann"), f.join("Bob")
	if code := f.phone().do("POST", "claim", map[string]string{"nameId": a.nameID("Cat")}, nil); code != 429 {
		t.Errorf("a third join past a budget of 2: %d, want 429", code)
	}
	s := a.state()
	post := func(p *phone, key string) int {
		code, _ := p.post(entryPost{Key: key, ActivityID: s.Activity.ID, Kind: "answer", ItemID: s.Activity.Items[0].ID, Text: key})
		return code
	}
	var codes []int
	for i := range 4 {
		codes = append(codes, post(a, fmt.Sprint("a", i)))
	}
	if fmt.Sprint(codes) != "[200 200 200 429]" {
		t.Errorf("Ann's writes: %v", codes)
	}
	if code := post(b, "b0"); code != 200 {
		t.Errorf("Bob is limited by Ann's writes: %d", code)
	}
}

// Host must be the room's address and Origin its origin.
func TestHostAndOrigin(t *testing.T) {
	f := newFx(t, activity.KindRating)
	p := f.join("Ann")
	for _, host := range []string{"localhost" + f.base()[len("http://127.0.0.1"):], "evil.example", "127.0.0.2:1"} {
		req, _ := http.NewRequest("GET", f.status.URL, nil)
		req.Host = host
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if res.StatusCode != http.StatusMisdirectedRequest {
			t.Errorf("Host %s: %d, want 421", host, res.StatusCode)
		}
	}
	s := p.state()
	for _, origin := range []string{"", "http://evil.example", "null", strings.Replace(f.base(), "127.0.0.1", "localhost", 1)} {
		p.origin = origin
		if code, _ := p.post(entryPost{Key: "x", ActivityID: s.Activity.ID, Kind: "rating", ItemID: s.Activity.Items[0].ID, Value: 3}); code != 403 {
			t.Errorf("POST with Origin %q: %d, want 403", origin, code)
		}
	}
	p.origin = "http://evil.example"
	if code := p.do("GET", "state", nil, nil); code != 403 {
		t.Errorf("GET from another origin: %d, want 403", code)
	}
	if len(f.entries("rating")) != 0 {
		t.Error("a refused request wrote")
	}
}

// Bodies are bounded, JSON is required, and bad input names its field
// with nothing written.
func TestBodiesAndBadInput(t *testing.T) {
	f := newFx(t, activity.KindOpenQuestion)
	p := f.join("Ann")
	s := p.state()
	huge := entryPost{Key: "big", ActivityID: s.Activity.ID, Kind: "answer", ItemID: s.Activity.Items[0].ID, Text: strings.Repeat("x", 70<<10)}
	if code, _ := p.post(huge); code != 413 {
		t.Errorf("a 70 KiB body: %d, want 413", code)
	}
	req, _ := http.NewRequest("POST", f.status.URL+"/api/entry", strings.NewReader(`{}`))
	req.Header.Set("Origin", f.base())
	req.Header.Set("Content-Type", "text/plain")
	res, err := p.c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != 415 {
		t.Errorf("text/plain: %d, want 415", res.StatusCode)
	}
	for name, c := range map[string]struct {
		in    entryPost
		code  int
		field string
	}{
		"no key":        {entryPost{ActivityID: s.Activity.ID, Kind: "answer", ItemID: s.Activity.Items[0].ID, Text: "x"}, 400, "key"},
		"wrong kind":    {entryPost{Key: "a", ActivityID: s.Activity.ID, Kind: "rating", ItemID: s.Activity.Items[0].ID, Value: 2}, 400, "kind"},
		"other item":    {entryPost{Key: "b", ActivityID: s.Activity.ID, Kind: "answer", ItemID: 999999, Text: "x"}, 404, ""},
		"not current":   {entryPost{Key: "c", ActivityID: f.acts[activity.KindRating].ID, Kind: "rating", ItemID: f.acts[activity.KindRating].Items[0].ID, Value: 2}, 409, ""},
		"member forged": {entryPost{Key: "d", ActivityID: s.Activity.ID, Kind: "answer", ItemID: s.Activity.Items[0].ID, Text: "x"}, 0, ""},
	} {
		if c.code == 0 {
			continue
		}
		code, ans := p.post(c.in)
		if code != c.code || ans.Error == "" || ans.Field != c.field {
			t.Errorf("%s: %d %+v, want %d naming %q", name, code, ans, c.code, c.field)
		}
	}
	if code := p.do("POST", "entry", map[string]any{"key": "e", "memberId": f.bob}, nil); code != 400 {
		t.Errorf("a body naming a member: %d, want 400 (unknown field)", code)
	}
	if n := len(f.entries("answer")) + len(f.entries("rating")); n != 0 {
		t.Errorf("%d entries written by bad input", n)
	}
}

// A locked activity takes no entries from the room.
func TestLockedActivity(t *testing.T) {
	f := newFx(t, activity.KindRating)
	p := f.join("Ann")
	s := p.state()
	if _, err := f.agendas.SetLocked(s.Activity.ID, true); err != nil {
		t.Fatal(err)
	}
	if code, ans := p.post(entryPost{Key: "x", ActivityID: s.Activity.ID, Kind: "rating", ItemID: s.Activity.Items[0].ID, Value: 3}); code != 409 || ans.Error == "" {
		t.Errorf("post to a locked activity: %d %+v", code, ans)
	}
}

// The listener holds at most maxConns connections at once.
func TestConnectionCap(t *testing.T) {
	f := newFx(t, activity.KindRating, func(t *tuning) { t.maxConns = 3 })
	addr := strings.TrimPrefix(f.base(), "http://")
	var conns []net.Conn
	for range 3 {
		c, err := net.Dial("tcp", addr)
		if err != nil {
			t.Fatal(err)
		}
		conns = append(conns, c)
		if _, err := fmt.Fprintf(c, "GET /assets/room-test.js HTTP/1.1\r\nHost: %s\r\n\r\n", addr); err != nil {
			t.Fatal(err)
		}
	}
	var wg sync.WaitGroup
	got := make(chan int, 1)
	wg.Go(func() {
		res, err := (&http.Client{Timeout: 5 * time.Second}).Get(f.base() + "/assets/room-test.js")
		if err == nil {
			res.Body.Close()
			got <- res.StatusCode
		}
	})
	select {
	case code := <-got:
		t.Fatalf("a fourth connection was served (%d) while three were open", code)
	case <-time.After(300 * time.Millisecond):
	}
	_ = conns[0].Close()
	wg.Wait()
	select {
	case code := <-got:
		if code != 200 {
			t.Errorf("after one closed: %d", code)
		}
	default:
		t.Error("the fourth connection was not served after one closed")
	}
	for _, c := range conns[1:] {
		c.Close()
	}
}

// Plain HTTP on an address that is not private is refused unless
// insisted; names and unspecified addresses are refused.
func TestAddressRules(t *testing.T) {
	f := newFx(t, activity.KindRating)
	if _, err := f.rooms.Close(f.session); err != nil {
		t.Fatal(err)
	}
	for _, addr := range []string{"8.8.8.8:7421", "localhost:0", "0.0.0.0:0", ":0", "127.0.0.1", "127.0.0.1:99999"} {
		if _, err := f.rooms.Open(OpenInput{SessionID: f.session, Addr: addr}); err == nil {
			t.Errorf("open on %q: no error", addr)
			_, _ = f.rooms.Close(f.session)
		}
	}
	_, err := f.rooms.Open(OpenInput{SessionID: f.session, Addr: "8.8.8.8:7421"})
	if err == nil || !strings.Contains(err.Error(), "not a private network address") {
		t.Errorf("public address: %v", err)
	}
	// Insisting gets past the rule (the listen then fails: this machine
	// does not own 8.8.8.8), and says so.
	if _, err := f.rooms.Open(OpenInput{SessionID: f.session, Addr: "8.8.8.8:7421", Insist: true}); err == nil ||
		strings.Contains(err.Error(), "not a private") {
		t.Errorf("insisted: %v", err)
	}
	for _, ip := range []string{"10.1.2.3", "192.168.1.5", "172.16.0.1", "100.101.102.103", "fd00::1", "fe80::1", "127.0.0.1"} {
		if !private(mustAddr(t, ip)) {
			t.Errorf("%s should count as private", ip)
		}
	}
	for _, ip := range []string{"8.8.8.8", "2001:4860::8888", "100.128.0.1"} {
		if private(mustAddr(t, ip)) {
			t.Errorf("%s should not count as private", ip)
		}
	}
}
