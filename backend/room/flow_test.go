package room

import (
	"fmt"
	"slices"
	"strconv"
	"testing"
	"time"

	"soundingboard/backend/activity"
)

// The participant flow: the page, names (first names only), a claim that
// waits for the facilitator, consents asked and stored as self-declared,
// the activity on screen, an entry that reaches Wait and the session.
func TestParticipantFlow(t *testing.T) {
	f := newFx(t, activity.KindJourneyBoard)
	p := f.phone()
	var v roomView
	if code := p.do("GET", "room", nil, &v); code != 200 || v.Title != "Your pricing" || v.ActivityKind != "journey_board" || v.Me != nil {
		t.Fatalf("room: %d %+v", code, v)
	}
	if got := []string{v.Names[0].Name, v.Names[1].Name, v.Names[2].Name}; !slices.Equal(got, []string{"Ann", "Bob", "Cat"}) {
		t.Errorf("names %v: want first names only", got)
	}
	if code := p.do("GET", "state", nil, nil); code != 401 {
		t.Errorf("state before claiming: %d, want 401", code)
	}
	var m me
	if code := p.do("POST", "claim", map[string]string{"nameId": v.Names[0].ID}, &m); code != 200 || m.Name != "Ann" || m.State != "pending" {
		t.Fatalf("claim: %d %+v", code, m)
	}
	if code := f.phone().do("POST", "claim", map[string]string{"nameId": v.Names[0].ID}, nil); code != 409 {
		t.Errorf("a second claim of Ann: %d, want 409", code)
	}
	if code := p.do("GET", "state", nil, nil); code != 403 {
		t.Errorf("state while pending: %d, want 403", code)
	}
	st, _ := f.rooms.Status(f.session)
	if len(st.Claims) != 1 || st.Claims[0].Member != "Ann Lee" || st.Claims[0].MemberID != f.ann || st.Claims[0].State != "pending" {
		t.Fatalf("claims: %+v", st.Claims)
	}
	version := st.Version
	f.confirm("Ann", true)
	if code := p.do("GET", "me", nil, &m); code != 200 || m.State != "confirmed" || len(m.Ask) != 3 || len(m.Recorded) == 0 {
		t.Fatalf("me: %d %+v", code, m)
	}
	if code := p.do("POST", "consent", map[string]bool{"quoting": true, "recording": false, "contact": true}, &m); code != 200 || len(m.Ask) != 0 {
		t.Fatalf("consent: %d %+v", code, m)
	}
	var src string
	if err := f.db.Get(&src, `SELECT source FROM consents WHERE member_id = ? AND kind = 'quoting'`, f.ann); err != nil ||
		src != fmt.Sprintf("Self-declared in the room of “Your pricing” (session %d) on %s", f.session, time.Now().Format("2006-01-02")) {
		t.Errorf("consent source %q (%v)", src, err)
	}
	for _, a := range m.Agreed {
		if !a.SelfDeclared || a.Granted != (a.Kind != "recording") {
			t.Errorf("agreed: %+v", m.Agreed)
		}
	}

	s := p.state()
	if s.Activity == nil || s.Activity.Kind != "journey_board" || len(s.Activity.Items) != 2 || s.DotsLeft != 3 || s.Revealed != nil {
		t.Fatalf("state: %+v", s)
	}
	done := make(chan Status)
	go func() { st, _ := f.rooms.Wait(f.session, s.Version); done <- st }()
	code, ans := p.post(entryPost{Key: "k1", ActivityID: s.Activity.ID, Kind: "note", ItemID: s.Activity.Items[0].ID, Text: "Pricing is hidden", Value: 2})
	if code != 200 || ans.Entry.Key != "k1" || ans.Entry.ID == 0 || len(ans.State.Mine) != 1 {
		t.Fatalf("post: %d %+v", code, ans)
	}
	select {
	case st := <-done:
		if st.Version <= s.Version || st.Version <= version {
			t.Errorf("Wait returned version %d, not past %d", st.Version, s.Version)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Wait did not return after an entry")
	}
	if got := f.entries("note"); !slices.Equal(got, []string{strconv.FormatInt(f.ann, 10) + ":Pricing is hidden:2"}) {
		t.Errorf("notes in the session: %v", got)
	}
	var state string
	if err := f.db.Get(&state, `SELECT state FROM participants WHERE session_id = ? AND member_id = ?`, f.session, f.ann); err != nil || state != "attended" {
		t.Errorf("Ann is %q (%v), want attended", state, err)
	}
	// Edit by the same key, then delete.
	if code, ans = p.post(entryPost{Key: "k1", ActivityID: s.Activity.ID, Kind: "note", ItemID: s.Activity.Items[1].ID, Text: "Invoice needed", Value: 3}); code != 200 {
		t.Fatalf("edit: %d %+v", code, ans)
	}
	if got := f.entries("note"); len(got) != 1 || got[0] != strconv.FormatInt(f.ann, 10)+":Invoice needed:3" {
		t.Errorf("after the edit: %v", got)
	}
	if code := p.do("DELETE", "entry/k1", nil, nil); code != 200 || len(f.entries("note")) != 0 {
		t.Errorf("delete: %d, notes %v", code, f.entries("note"))
	}
}

// Wait answers at once when the version is behind, and a closed room at
// once; it gives up after its time with the same version otherwise.
func TestWaitAnswersAtOnce(t *testing.T) {
	f := newFx(t, activity.KindRating)
	st, err := f.rooms.Wait(f.session, 0)
	if err != nil || !st.Open || st.Version == 0 || st.URL == "" || st.QR == "" || st.Warning == "" {
		t.Fatalf("wait: %+v %v", st, err)
	}
	if _, err := f.rooms.Close(f.session); err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	st, err = f.rooms.Wait(f.session, st.Version+100)
	if err != nil || st.Open || time.Since(start) > time.Second {
		t.Errorf("wait on a closed room: %+v %v after %v", st, err, time.Since(start))
	}
}

// The pulse notices the facilitator's changes: moving on to another
// activity wakes Wait and the phone's state follows.
func TestPulseSeesTheFacilitator(t *testing.T) {
	f := newFx(t, activity.KindRating)
	p := f.join("Bob")
	s := p.state()
	done := make(chan Status)
	go func() { st, _ := f.rooms.Wait(f.session, s.Version); done <- st }()
	time.Sleep(3 * f.rooms.tune.pulseEvery) // the pulse has its first fingerprint
	f.show(activity.KindOpenQuestion)
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatal("the pulse did not notice the activity change")
	}
	if s := p.state(); s.Activity.Kind != "open_question" {
		t.Errorf("state after moving on: %+v", s.Activity)
	}
}
