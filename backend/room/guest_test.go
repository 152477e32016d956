package room

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"soundingboard/backend/activity"
	"soundingboard/backend/session"
)

// guestClaim joins as a guest named name from a new phone.
func (f *fx) guestClaim(name string) (*phone, int, problem) {
	f.t.Helper()
	p := f.phone()
	var out problem
	code := p.do("POST", "claim", map[string]string{"guestName": name}, &out)
	return p, code, out
}

// count is a count(*) query's answer.
func (f *fx) count(query string, args ...any) (n int) {
	f.t.Helper()
	if err := f.db.Get(&n, query, args...); err != nil {
		f.t.Fatal(err)
	}
	return n
}

// A guest waits like anyone else, nothing written; once confirmed they
// are a prospect member with a source line and an attended participant,
// they answer the consent questions and write entries as themselves.
func TestGuestJoinsAndTakesPart(t *testing.T) {
	f := newFx(t, activity.KindOpenQuestion)
	members := f.count(`SELECT count(*) FROM members`)
	p, code, _ := f.guestClaim("  Sam ")
	if code != 200 {
		t.Fatalf("guest claim: %d", code)
	}
	var m me
	if code := p.do("GET", "me", nil, &m); code != 200 || m.Name != "Sam" || m.State != statePending {
		t.Fatalf("me: %d %+v", code, m)
	}
	if code := p.do("GET", "state", nil, nil); code != 403 {
		t.Errorf("a pending guest's state: %d, want 403", code)
	}
	// A second Sam is allowed: the facilitator sees both.
	if _, code, _ := f.guestClaim("Sam"); code != 200 {
		t.Errorf("a second guest Sam: %d", code)
	}
	st, _ := f.rooms.Status(f.session)
	if len(st.Claims) != 2 || !st.Claims[0].Guest || st.Claims[0].Name != "Sam" || st.Claims[0].MemberID != 0 {
		t.Fatalf("claims: %+v", st.Claims)
	}
	if n := f.count(`SELECT count(*) FROM members`); n != members {
		t.Fatalf("a guest claim wrote %d members", n-members)
	}

	if _, err := f.rooms.Confirm(ConfirmInput{SessionID: f.session, ClaimID: st.Claims[0].ID, Accept: true}); err != nil {
		t.Fatal(err)
	}
	// Confirming again adds nobody a second time.
	st, err := f.rooms.Confirm(ConfirmInput{SessionID: f.session, ClaimID: st.Claims[0].ID, Accept: true})
	if err != nil {
		t.Fatal(err)
	}
	sam := st.Claims[0].MemberID
	if sam == 0 || st.Claims[0].State != stateConfirmed || f.count(`SELECT count(*) FROM members`) != members+1 {
		t.Fatalf("after confirming: %+v", st.Claims[0])
	}
	var row struct {
		Name   string `db:"name"`
		Status string `db:"status"`
		Source string `db:"source"`
		State  string `db:"state"`
	}
	if err := f.db.Get(&row, `SELECT m.name, m.status, m.source, p.state FROM members m
		JOIN participants p ON p.member_id = m.id AND p.session_id = ? WHERE m.id = ?`, f.session, sam); err != nil {
		t.Fatal(err)
	}
	want := fmt.Sprintf("Guest in the session “Pricing interviews”, %s", time.Now().Format(time.DateOnly))
	if row.Name != "Sam" || row.Status != "prospect" || row.Source != want || row.State != "attended" {
		t.Errorf("the guest on the board: %+v, want source %q", row, want)
	}

	if code := p.do("POST", "consent", map[string]bool{"quoting": true, "contact": false}, &m); code != 200 || len(m.Ask) != 0 {
		t.Fatalf("consent: %d %+v", code, m)
	}
	if n := f.count(`SELECT count(*) FROM consents WHERE member_id = ? AND source LIKE 'Self-declared in the room%'`, sam); n != 3 {
		t.Errorf("the guest's self-declared consents: %d, want 3", n)
	}
	s := p.state()
	if code, ans := p.post(entryPost{Key: "g1", ActivityID: s.Activity.ID, Kind: "answer", ItemID: s.Activity.Items[0].ID,
		Text: "I came with Ann"}); code != 200 {
		t.Fatalf("the guest's entry: %d %+v", code, ans)
	}
	if got := f.entries("answer"); len(got) != 1 || got[0] != fmt.Sprintf("%d:I came with Ann:0", sam) {
		t.Errorf("answers in the session: %v", got)
	}
	// The guest is a name of the session now, and taken.
	var v roomView
	f.phone().do("GET", "room", nil, &v)
	found := false
	for _, n := range v.Names {
		found = found || (n.Name == "Sam" && n.Taken)
	}
	if !found {
		t.Errorf("names after confirming the guest: %+v", v.Names)
	}
}

// Rejecting a guest writes nothing, and their token reads nothing.
func TestRejectedGuestWritesNothing(t *testing.T) {
	f := newFx(t, activity.KindOpenQuestion)
	before := f.count(`SELECT (SELECT count(*) FROM members) * 1000 + (SELECT count(*) FROM participants)`)
	p, code, _ := f.guestClaim("Mallory")
	if code != 200 {
		t.Fatalf("guest claim: %d", code)
	}
	f.confirm("Mallory", false)
	if n := f.count(`SELECT (SELECT count(*) FROM members) * 1000 + (SELECT count(*) FROM participants)`); n != before {
		t.Errorf("a rejected guest changed members/participants: %d, was %d", n, before)
	}
	if code := p.do("GET", "state", nil, nil); code != 401 && code != 403 {
		t.Errorf("a rejected guest's state: %d", code)
	}
}

// A guest's name must be a first name: 400 naming the field, no claim.
func TestGuestNameIsChecked(t *testing.T) {
	f := newFx(t, activity.KindOpenQuestion)
	for _, name := range []string{"", "   ", strings.Repeat("a", 41), "Sam\x07", "Sam\nLee"} {
		_, code, out := f.guestClaim(name)
		if code != 400 || out.Field != "guestName" || !strings.Contains(out.Error, "Guest name") {
			t.Errorf("guest name %q: %d %+v, want 400 naming guestName", name, code, out)
		}
	}
	if _, code, _ := f.guestClaim(strings.Repeat("é", 40)); code != 200 {
		t.Errorf("a 40-character name: %d, want 200", code)
	}
	p := f.phone()
	if code := p.do("POST", "claim", map[string]string{"guestName": "Sam", "nameId": p.nameID("Ann")}, nil); code != 400 {
		t.Errorf("a name and a guest at once: %d, want 400", code)
	}
	if st, _ := f.rooms.Status(f.session); len(st.Claims) != 1 {
		t.Errorf("claims after bad names: %+v", st.Claims)
	}
}

// Guests count against the room's budget of joins, and one browser holds
// one live claim, guest or not.
func TestGuestClaimsAreThrottled(t *testing.T) {
	f := newFx(t, activity.KindOpenQuestion, func(t *tuning) { t.joinBurst, t.joinEvery = 2, time.Hour })
	p, code, _ := f.guestClaim("Sam")
	if code != 200 {
		t.Fatalf("first guest: %d", code)
	}
	if code := p.do("POST", "claim", map[string]string{"guestName": "Sue"}, nil); code != 409 {
		t.Errorf("a second claim from the same browser: %d, want 409", code)
	}
	if _, code, _ := f.guestClaim("Tom"); code != 429 {
		t.Errorf("a guest past a budget of 2: %d, want 429", code)
	}
}

// A confirmed guest is an attendee like any other when the session
// finishes.
func TestGuestAttendsTheFinish(t *testing.T) {
	f := newFx(t, activity.KindOpenQuestion)
	if _, code, _ := f.guestClaim("Sam"); code != 200 {
		t.Fatalf("guest claim: %d", code)
	}
	claims, _ := f.rooms.Status(f.session)
	st, err := f.rooms.Confirm(ConfirmInput{SessionID: f.session, ClaimID: claims.Claims[0].ID, Accept: true})
	if err != nil {
		t.Fatal(err)
	}
	in := finishAll(f)
	in.Attendance = append(in.Attendance, session.Attendance{MemberID: st.Claims[0].MemberID, Attended: true})
	if _, err := f.runs.Finish(in); err != nil {
		t.Fatalf("finish with a guest: %v", err)
	}
}
