package session

import (
	"fmt"
	"reflect"
	"testing"

	"soundingboard/backend/store"
	"soundingboard/backend/storetest"
)

func TestStartAndFinishLogTouchpoints(t *testing.T) {
	e := newPlanEnv(t)
	d := e.decision("Self-serve onboarding?")
	a := e.assumption(d.ID, 5, 1)
	ss := e.session(d.ID, daysAgo(1))
	ids := e.members("Member", 4)

	_, err := e.s.Plans.StartSession(ss.ID)
	storetest.WantErr(t, err, store.ErrInvalid, "no assumptions")
	in := SessionInput{ID: ss.ID, DecisionID: d.ID, Title: "Onboarding test", ScheduledOn: daysAgo(1),
		StartTime: "10:00", DurationMinutes: 90, AssumptionIDs: []int64{a.ID}}
	if _, err := e.s.Plans.SaveSession(in); err != nil {
		t.Fatal(err)
	}
	_, err = e.s.Plans.StartSession(ss.ID)
	storetest.WantErr(t, err, store.ErrInvalid, "no participants")
	if _, err := e.s.Plans.SetParticipants(ss.ID, ids); err != nil {
		t.Fatal(err)
	}
	got, err := e.s.Plans.StartSession(ss.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Status != "running" || got.StartedAt == "" || got.FinishedAt != "" {
		t.Errorf("started: status %q, started %q, finished %q", got.Status, got.StartedAt, got.FinishedAt)
	}
	_, err = e.s.Plans.StartSession(ss.ID)
	storetest.WantErr(t, err, store.ErrInvalid, "already running")

	for i, st := range []string{"attended", "attended", "no_show", "confirmed"} {
		if _, err := e.s.Runs.SetParticipantState(ss.ID, ids[i], st); err != nil {
			t.Fatal(err)
		}
	}
	before := map[int64]string{}
	for _, id := range ids {
		m, err := e.board.GetMember(id)
		if err != nil {
			t.Fatal(err)
		}
		before[id] = m.Member.LastContacted
	}
	got, err = e.s.Plans.FinishSession(ss.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Status != "finished" || got.FinishedAt == "" {
		t.Errorf("finished: %+v", got)
	}
	for i, id := range ids {
		m, err := e.board.GetMember(id)
		if err != nil {
			t.Fatal(err)
		}
		want := before[id]
		if i < 2 {
			want = daysAgo(1)
		}
		if m.Member.LastContacted != want {
			t.Errorf("member %d (%s): last contacted %q, want %q", i, m.Member.Name, m.Member.LastContacted, want)
		}
		found := false
		for _, tp := range m.Timeline {
			if tp.Type == "session" && tp.Detail == "Took part in Onboarding test" {
				found = true
			}
		}
		if found != (i < 2) {
			t.Errorf("member %d: session touchpoint on timeline = %v: %+v", i, found, m.Timeline)
		}
	}
	before2 := e.counts()
	_, err = e.s.Plans.FinishSession(ss.ID)
	storetest.WantErr(t, err, store.ErrInvalid, "already finished")
	_, err = e.s.Plans.StartSession(ss.ID)
	storetest.WantErr(t, err, store.ErrInvalid, "already finished")
	if after := e.counts(); after["touchpoints"] != before2["touchpoints"] {
		t.Errorf("finishing twice logged touchpoints again")
	}
	_, err = e.s.Plans.FinishSession(404)
	storetest.WantErr(t, err, store.ErrNotFound, "session 404 not found")

	// A planned session can be finished directly; undated, it logs today.
	undated := e.session(d.ID, "", a.ID)
	if _, err := e.s.Plans.SetParticipants(undated.ID, ids[:1]); err != nil {
		t.Fatal(err)
	}
	if _, err := e.s.Runs.SetParticipantState(undated.ID, ids[0], "attended"); err != nil {
		t.Fatal(err)
	}
	if _, err := e.s.Plans.FinishSession(undated.ID); err != nil {
		t.Fatal(err)
	}
	if m, _ := e.board.GetMember(ids[0]); m.Member.LastContacted != daysAgo(0) {
		t.Errorf("undated session logged %q, want today", m.Member.LastContacted)
	}
}

func TestDuplicateSessionCopiesThePlanOnly(t *testing.T) {
	e := newPlanEnv(t)
	d := e.decision("Usage-based pricing?")
	a1, a2, a3 := e.assumption(d.ID, 3, 3), e.assumption(d.ID, 5, 1), e.assumption(d.ID, 4, 2)
	src, err := e.s.Plans.SaveSession(SessionInput{DecisionID: d.ID, Title: "Pricing test", CustomerTitle: " Reports you pay for ", Format: "prototype_testing",
		ScheduledOn: daysAgo(2), StartTime: "09:30", DurationMinutes: 75, Place: "https://meet.example/abc",
		Facilitator: "Mara", NoteTaker: "Jonas", Agenda: "1. Opener\n2. Assumptions", Prompts: []string{"How might we price fairly?"},
		AssumptionIDs: []int64{a2.ID, a1.ID, a3.ID}})
	if err != nil {
		t.Fatal(err)
	}
	if src.CustomerTitle != "Reports you pay for" {
		t.Errorf("title for participants %q", src.CustomerTitle)
	}
	if len(src.Opener) != len(DefaultOpener) || src.Opener[0].Text != DefaultOpener[0] {
		t.Fatalf("new session opener: %+v", src.Opener)
	}
	if _, err := e.s.Plans.CheckOpener(src.ID, 1, true); err != nil {
		t.Fatal(err)
	}
	ids := e.members("Member", 3)
	if _, err := e.s.Plans.SetParticipants(src.ID, ids); err != nil {
		t.Fatal(err)
	}
	if _, err := e.s.Plans.StartSession(src.ID); err != nil {
		t.Fatal(err)
	}
	rawResponse(e, src.ID, a1.ID, ids[0], "matches", "", "", "")
	if _, err := e.s.Runs.AddTime(src.ID, a1.ID, 30); err != nil {
		t.Fatal(err)
	}

	cp, err := e.s.Plans.DuplicateSession(src.ID)
	if err != nil {
		t.Fatal(err)
	}
	if cp.ID == src.ID || cp.Title != "Pricing test (copy)" || cp.CustomerTitle != src.CustomerTitle || cp.Status != "planned" || cp.ScheduledOn != "" ||
		cp.Format != src.Format || cp.DurationMinutes != 75 || cp.Place != src.Place || cp.Facilitator != "Mara" ||
		cp.NoteTaker != "Jonas" || cp.Agenda != src.Agenda || !reflect.DeepEqual(cp.Prompts, src.Prompts) ||
		cp.DecisionID != d.ID || cp.StartedAt != "" || len(cp.Participants) != 0 {
		t.Errorf("copy: %+v", cp)
	}
	for i, o := range cp.Opener {
		if o.Done || o.Text != DefaultOpener[i] {
			t.Errorf("opener item %d copied as %+v", i, o)
		}
	}
	var order []int64
	for _, a := range cp.Assumptions {
		order = append(order, a.ID)
	}
	if !reflect.DeepEqual(order, []int64{a2.ID, a1.ID, a3.ID}) {
		t.Errorf("assumption order %v", order)
	}
	var n int
	if err := e.db.Get(&n, `SELECT count(*) FROM entries WHERE session_id = ?`, cp.ID); err != nil || n != 0 {
		t.Errorf("responses copied: %d %v", n, err)
	}
	// The whole agenda is copied, in order, without the time spent.
	var agendas []string
	if err := e.db.Select(&agendas, `SELECT group_concat(a.kind || ':' || a.title || ':' || a.seconds_spent || ':' ||
		(SELECT count(*) FROM activity_items i WHERE i.activity_id = a.id), '|')
		FROM (SELECT * FROM activities ORDER BY session_id, position) a GROUP BY a.session_id ORDER BY a.session_id`); err != nil {
		t.Fatal(err)
	}
	// The format's agenda, with an assumption check put first for the
	// assumptions.
	want := "assumption_check:Assumption check:%d:3|prototype_test:Try the prototypes:0:4|rating:Would you use it:0:1|" +
		"open_question:What would stop you:0:1"
	if len(agendas) != 2 || agendas[0] != fmt.Sprintf(want, 30) || agendas[1] != fmt.Sprintf(want, 0) {
		t.Errorf("agendas of the session and its copy = %q, want %q", agendas, want)
	}
	_, err = e.s.Plans.DuplicateSession(999)
	storetest.WantErr(t, err, store.ErrNotFound, "session 999 not found")
}

func TestDeleteRules(t *testing.T) {
	e := newPlanEnv(t)
	d := e.decision("Pricing")
	a, b := e.assumption(d.ID, 3, 3), e.assumption(d.ID, 4, 4)
	member := e.members("Member", 1)[0]
	ss := e.session(d.ID, "", a.ID, b.ID)
	now := "2025-01-01T00:00:00Z"

	_, err := e.s.Plans.SaveSession(SessionInput{ID: ss.ID, DecisionID: d.ID, Title: "x", AssumptionIDs: []int64{a.ID}})
	if err != nil {
		t.Fatalf("taking out an untouched assumption: %v", err)
	}
	e.exec(`INSERT INTO verdicts (session_id, assumption_id, verdict, decided_at) VALUES (?, ?, 'validated', ?)`, ss.ID, a.ID, now)
	_, err = e.s.Plans.SaveSession(SessionInput{ID: ss.ID, DecisionID: d.ID, Title: "x", AssumptionIDs: []int64{b.ID}})
	storetest.WantErr(t, err, store.ErrInvalid, "has verdicts in this session")

	storetest.WantErr(t, e.s.Decisions.DeleteAssumption(a.ID), store.ErrInvalid, "assumption has verdicts; it can't be deleted")
	storetest.WantErr(t, e.s.Plans.DeleteSession(ss.ID), store.ErrInvalid, "session has verdicts; it can't be deleted")
	storetest.WantErr(t, e.s.Decisions.DeleteDecision(d.ID), store.ErrInvalid, "tested in 1 session")
	e.exec(`DELETE FROM verdicts`)
	if _, err := e.s.Plans.SetParticipants(ss.ID, []int64{member}); err != nil {
		t.Fatal(err)
	}
	rawResponse(e, ss.ID, a.ID, member, "", "", "", "hm")
	storetest.WantErr(t, e.s.Plans.DeleteSession(ss.ID), store.ErrInvalid, "session has recorded responses; it can't be deleted")
	storetest.WantErr(t, e.s.Decisions.DeleteAssumption(a.ID), store.ErrInvalid, "assumption has recorded responses")
	e.exec(`UPDATE entries SET text = ''`)
	rawEntry(e, ss.ID, a.ID, member, "quote", "q")
	storetest.WantErr(t, e.s.Plans.DeleteSession(ss.ID), store.ErrInvalid, "session has quotes")
	e.exec(`DELETE FROM entries WHERE kind = 'quote'`)
	// What another activity of the agenda recorded holds it back too.
	idea := e.exec(`INSERT INTO entries (id, session_id, activity_id, member_id, kind, text, created_at, updated_at)
		SELECT ?, ?, id, ?, 'idea', 'A price list reader', 'x', 'x' FROM activities WHERE session_id = ? LIMIT 1`,
		e.newID(), ss.ID, member, ss.ID)
	storetest.WantErr(t, e.s.Plans.DeleteSession(ss.ID), store.ErrInvalid, "session has recorded entries")
	e.exec(`DELETE FROM entries WHERE id = ?`, idea)

	if err := e.s.Decisions.DeleteAssumption(b.ID); err != nil {
		t.Fatalf("delete untouched assumption: %v", err)
	}
	if err := e.s.Plans.DeleteSession(ss.ID); err != nil {
		t.Fatalf("delete session with only empty responses: %v", err)
	}
	if err := e.s.Decisions.DeleteDecision(d.ID); err != nil {
		t.Fatalf("delete decision without sessions: %v", err)
	}
	if c := e.counts(); c["decisions"] != 0 || c["assumptions"] != 0 || c["sessions"] != 0 || c["entries"] != 0 {
		t.Errorf("left behind: %v", c)
	}
	storetest.WantErr(t, e.s.Plans.DeleteSession(ss.ID), store.ErrNotFound, "not found")
	storetest.WantErr(t, e.s.Decisions.DeleteDecision(d.ID), store.ErrNotFound, "not found")
	storetest.WantErr(t, e.s.Decisions.DeleteAssumption(a.ID), store.ErrNotFound, "not found")
}

func TestListSessionsOrderAndCounts(t *testing.T) {
	e := newPlanEnv(t)
	d := e.decision("Pricing")
	a, b := e.assumption(d.ID, 3, 3), e.assumption(d.ID, 4, 4)
	ids := e.members("Member", 3)
	mk := func(title, date string) int64 {
		ss, err := e.s.Plans.SaveSession(SessionInput{DecisionID: d.ID, Title: title, ScheduledOn: date, AssumptionIDs: []int64{a.ID, b.ID}})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := e.s.Plans.SetParticipants(ss.ID, ids); err != nil {
			t.Fatal(err)
		}
		return ss.ID
	}
	oldDone := mk("old finished", daysAgo(40))
	newDone := mk("recent finished", daysAgo(10))
	running := mk("running", daysAgo(0))
	mk("in two weeks", daysAgo(-14))
	mk("next week", daysAgo(-7))
	mk("undated", "")
	for _, id := range []int64{oldDone, newDone} {
		if _, err := e.s.Plans.FinishSession(id); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := e.s.Plans.StartSession(running); err != nil {
		t.Fatal(err)
	}
	if _, err := e.s.Runs.SetParticipantState(newDone, ids[0], "no_show"); err != nil {
		t.Fatal(err)
	}
	e.exec(`INSERT INTO verdicts (session_id, assumption_id, verdict, decided_at) VALUES (?, ?, 'validated', 'x')`, newDone, a.ID)

	items, err := e.s.Plans.ListSessions()
	if err != nil {
		t.Fatal(err)
	}
	var titles []string
	for _, it := range items {
		titles = append(titles, it.Title)
	}
	want := []string{"next week", "in two weeks", "undated", "running", "recent finished", "old finished"}
	if !reflect.DeepEqual(titles, want) {
		t.Errorf("order %q, want %q", titles, want)
	}
	for _, it := range items {
		if it.Title == "recent finished" && (it.Participants != 2 || it.Assumptions != 2 || it.Rated != 1 || it.Decision != "Pricing") {
			t.Errorf("counts: %+v", it)
		}
	}
	ds, err := e.s.Decisions.ListDecisions()
	if err != nil || len(ds) != 1 || ds[0].Sessions != 6 || ds[0].Assumptions != 2 {
		t.Errorf("decisions: %+v, %v", ds, err)
	}
}

func TestDecisionsListAndOpener(t *testing.T) {
	e := newPlanEnv(t)
	for _, in := range []DecisionInput{
		{Title: "No deadline"}, {Title: "Later", Deadline: "2031-05-01"}, {Title: "Sooner", Deadline: "2030-01-15", Question: "Q?", Owner: "Mara"},
	} {
		if _, err := e.s.Decisions.SaveDecision(in); err != nil {
			t.Fatal(err)
		}
	}
	ds, err := e.s.Decisions.ListDecisions()
	if err != nil {
		t.Fatal(err)
	}
	if len(ds) != 3 || ds[0].Title != "Sooner" || ds[1].Title != "Later" || ds[2].Title != "No deadline" || ds[0].Owner != "Mara" {
		t.Errorf("decisions: %+v", ds)
	}
	up, err := e.s.Decisions.SaveDecision(DecisionInput{ID: ds[2].ID, Title: " Renamed ", Deadline: "2029-12-31"})
	if err != nil || up.Title != "Renamed" || up.Deadline != "2029-12-31" {
		t.Errorf("update: %+v, %v", up, err)
	}
	fs, err := e.s.Plans.Formats()
	if err != nil || len(fs) != 4 || fs[0].Key != "assumption_testing" || fs[0].Min != 4 || fs[0].Max != 6 {
		t.Errorf("formats: %+v, %v", fs, err)
	}

	ss := e.session(ds[0].ID, "")
	got, err := e.s.Plans.CheckOpener(ss.ID, 0, true)
	if err != nil || !got.Opener[0].Done || got.Opener[1].Done {
		t.Fatalf("check: %+v, %v", got.Opener, err)
	}
	// Editing the plan without an opener keeps the ticks.
	got, err = e.s.Plans.SaveSession(SessionInput{ID: ss.ID, DecisionID: ds[0].ID, Title: "Renamed session"})
	if err != nil || !got.Opener[0].Done || got.Title != "Renamed session" {
		t.Fatalf("edit: %+v, %v", got, err)
	}
	got, err = e.s.Plans.SaveSession(SessionInput{ID: ss.ID, DecisionID: ds[0].ID, Title: "Own opener",
		Opener: []OpenerItem{{Text: " Phones away "}, {Text: ""}}})
	if err != nil || len(got.Opener) != 1 || got.Opener[0].Text != "Phones away" {
		t.Fatalf("own opener: %+v, %v", got.Opener, err)
	}
	_, err = e.s.Plans.CheckOpener(ss.ID, -1, true)
	storetest.WantErr(t, err, store.ErrInvalid, "index -1")
	if got.Prompts == nil || got.Assumptions == nil || got.Participants == nil {
		t.Errorf("nil lists in %+v", got)
	}
}

// A session run ahead of its date is a contact today, never one in the
// future: "last contact" is not a day still to come.
func TestSessionRunEarlyIsAContactToday(t *testing.T) {
	e := newPlanEnv(t)
	d := e.decision("Usage-based pricing?")
	a := e.assumption(d.ID, 4, 2)
	ids := e.members("Member", 1)
	early := e.session(d.ID, daysAgo(-7), a.ID)
	if _, err := e.s.Plans.SetParticipants(early.ID, ids); err != nil {
		t.Fatal(err)
	}
	if _, err := e.s.Runs.SetParticipantState(early.ID, ids[0], "attended"); err != nil {
		t.Fatal(err)
	}
	if _, err := e.s.Plans.FinishSession(early.ID); err != nil {
		t.Fatal(err)
	}
	m, err := e.board.GetMember(ids[0])
	if err != nil {
		t.Fatal(err)
	}
	if m.Member.LastContacted != daysAgo(0) {
		t.Errorf("session planned for %s, finished today: last contacted %q, want today %s",
			daysAgo(-7), m.Member.LastContacted, daysAgo(0))
	}
}
