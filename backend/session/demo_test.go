package session

import (
	"testing"

	"soundingboard/backend/store"
	"soundingboard/backend/storetest"
)

func TestLoadDemo(t *testing.T) {
	e := newPlanEnv(t)
	_, err := e.s.Plans.LoadDemo()
	storetest.WantErr(t, err, store.ErrInvalid, "sample board")
	if c := e.counts(); c["decisions"] != 0 || c["sessions"] != 0 {
		t.Fatalf("refused demo wrote rows: %v", c)
	}
	if _, err := e.board.LoadDemo(); err != nil {
		t.Fatal(err)
	}
	touchBefore := e.counts()["touchpoints"]
	res, err := e.s.Plans.LoadDemo()
	if err != nil {
		t.Fatal(err)
	}
	if res.Decisions != 2 || res.Sessions != 4 {
		t.Errorf("result %+v", res)
	}
	items, err := e.s.Plans.ListSessions()
	if err != nil {
		t.Fatal(err)
	}
	status := map[Status]int{}
	rated := 0
	for _, it := range items {
		status[it.Status]++
		rated += it.Rated
		if it.Assumptions != 5 {
			t.Errorf("%s: %d assumptions", it.Title, it.Assumptions)
		}
	}
	if status["finished"] != 3 || status["planned"] != 1 || rated < 8 || items[0].Status != "planned" {
		t.Errorf("sessions %v, rated %d: %+v", status, rated, items)
	}
	planned, err := e.s.Plans.GetSession(items[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	if planned.ScheduledOn != daysAgo(-7) || len(planned.Participants) < 4 || planned.SizeAdvice != "" ||
		len(planned.Prompts) == 0 || planned.Agenda == "" {
		t.Errorf("planned session: %+v", planned)
	}
	for _, p := range planned.Participants {
		if !p.CanContact || (p.State != "invited" && p.State != "confirmed") {
			t.Errorf("planned participant %+v", p)
		}
	}

	var kinds []string
	if err := e.db.Select(&kinds, `SELECT DISTINCT verdict FROM verdicts ORDER BY verdict`); err != nil {
		t.Fatal(err)
	}
	if len(kinds) != 3 {
		t.Errorf("verdict kinds %v, want all three", kinds)
	}
	var n struct {
		Quoted    int `db:"quoted"`
		Responses int `db:"responses"`
		Attended  int `db:"attended"`
		Cells     int `db:"cells"`
		Picked    int `db:"picked"`
		Log       int `db:"log"`
		Themed    int `db:"themed"`
		Moves     int `db:"moves"`
		Actions   int `db:"actions"`
	}
	if err := e.db.Get(&n, `SELECT
		(SELECT count(DISTINCT member_id) FROM entries WHERE kind = 'quote') AS quoted,
		(SELECT count(*) FROM entries s JOIN entries n ON n.item_id = s.item_id AND n.member_id = s.member_id
			WHERE s.kind = 'stance' AND s.text <> '' AND n.kind = 'note' AND n.text <> '') AS responses,
		(SELECT count(*) FROM participants WHERE state = 'attended') AS attended,
		(SELECT sum(c) FROM (SELECT count(*) AS c FROM participants p JOIN assumption_items sa ON sa.session_id = p.session_id
			WHERE p.state = 'attended' GROUP BY p.session_id)) AS cells,
		(SELECT count(*) FROM opportunities WHERE picked) AS picked,
		(SELECT count(*) FROM decision_log) AS log,
		(SELECT count(DISTINCT entry_id) FROM entry_themes) AS themed,
		(SELECT count(*) FROM assumption_moves) AS moves,
		(SELECT count(*) FROM actions WHERE owner <> '' AND due_on IS NOT NULL) AS actions`); err != nil {
		t.Fatal(err)
	}
	if n.Quoted < 5 || n.Responses != n.Cells || n.Cells != 65 || n.Picked < 4 || n.Log < 1 || n.Themed < 10 || n.Moves < 22 || n.Actions < 4 {
		t.Errorf("demo content: %+v", n)
	}
	if got := e.counts()["touchpoints"] - touchBefore; got != n.Attended {
		t.Errorf("%d session touchpoints for %d attendances", got, n.Attended)
	}
	// The attended members' last contact reflects the sessions.
	var last string
	if err := e.db.Get(&last, `SELECT max(t.happened_on) FROM touchpoints t JOIN members m ON m.id = t.member_id
		WHERE m.email = 'priya@brightside.example' AND t.kind <> 'note'`); err != nil || last != daysAgo(12) {
		t.Errorf("Priya last contacted %q, %v", last, err)
	}

	before := e.counts()
	_, err = e.s.Plans.LoadDemo()
	storetest.WantErr(t, err, store.ErrConflict, "decisions already")
	if after := e.counts(); after["sessions"] != before["sessions"] || after["entries"] != before["entries"] {
		t.Errorf("second load wrote rows")
	}
	p, err := e.s.Plans.Picker(planned.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range p.Candidates {
		if c.Name == "Zoë Durand" && c.Warning != "took part 12 days ago" {
			t.Errorf("Zoë in the picker: %+v", c)
		}
	}
}
