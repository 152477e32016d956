package session

import (
	"reflect"
	"strconv"
	"testing"

	"soundingboard/backend/store"
	"soundingboard/backend/storetest"
)

// agendaOf lists a session's activities as "kind:title[assumption ids]".
func (e *planEnv) agendaOf(sessionID int64) []string {
	e.t.Helper()
	var out []string
	if err := e.db.Select(&out, `SELECT a.kind || ':' || a.title || '[' ||
		coalesce((SELECT group_concat(assumption_id) FROM (SELECT assumption_id FROM activity_items
			WHERE activity_id = a.id AND role = 'assumption' ORDER BY position)), '') || ']'
		FROM activities a WHERE a.session_id = ? ORDER BY a.position, a.id`, sessionID); err != nil {
		e.t.Fatal(err)
	}
	return out
}

// A new session gets its format's agenda, and the plan's assumptions are
// the items of its assumption check: the template's own, or one put first
// when the format has none. Editing the list edits that check; changing
// the format does not reseed the agenda.
func TestPlanAssumptionsLiveInTheAgenda(t *testing.T) {
	e := newPlanEnv(t)
	d := e.decision("Pricing")
	a, b, c := e.assumption(d.ID, 5, 1), e.assumption(d.ID, 4, 2), e.assumption(d.ID, 3, 3)
	ids := func(x ...Assumption) []int64 {
		var out []int64
		for _, y := range x {
			out = append(out, y.ID)
		}
		return out
	}
	at := func(x ...Assumption) string {
		s := ""
		for i, y := range x {
			if i > 0 {
				s += ","
			}
			s += strconv.FormatInt(y.ID, 10)
		}
		return s
	}

	testing1, err := e.s.Plans.SaveSession(SessionInput{DecisionID: d.ID, Title: "Check", AssumptionIDs: ids(b, a)})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"assumption_check:Assumption check[" + at(b, a) + "]", "open_question:Afterthoughts[]"}
	if got := e.agendaOf(testing1.ID); !reflect.DeepEqual(got, want) {
		t.Errorf("assumption testing agenda = %q, want %q", got, want)
	}
	if !reflect.DeepEqual(ids(testing1.Assumptions...), ids(b, a)) {
		t.Errorf("session assumptions = %v", ids(testing1.Assumptions...))
	}

	mapping, err := e.s.Plans.SaveSession(SessionInput{DecisionID: d.ID, Title: "Map", Format: "problem_mapping"})
	if err != nil {
		t.Fatal(err)
	}
	want = []string{"journey_board:Walk the journey[]", "rating:How much it matters[]", "open_question:One thing to fix[]"}
	if got := e.agendaOf(mapping.ID); !reflect.DeepEqual(got, want) {
		t.Errorf("problem mapping agenda without assumptions = %q, want %q", got, want)
	}
	// Assumptions added later get an assumption check, first; a new format
	// leaves the agenda as it is.
	in := SessionInput{ID: mapping.ID, DecisionID: d.ID, Title: "Map", Format: "ideation_sprint", AssumptionIDs: ids(c, a)}
	if mapping, err = e.s.Plans.SaveSession(in); err != nil {
		t.Fatal(err)
	}
	want = append([]string{"assumption_check:Assumption check[" + at(c, a) + "]"}, want...)
	if got := e.agendaOf(mapping.ID); !reflect.DeepEqual(got, want) || mapping.Format != "ideation_sprint" {
		t.Errorf("agenda after adding assumptions and changing the format = %q (%s), want %q", got, mapping.Format, want)
	}
	// Reordering and taking out keep the time spent on those that stay.
	if _, err := e.s.Runs.AddTime(mapping.ID, a.ID, 40); err != nil {
		t.Fatal(err)
	}
	in.AssumptionIDs = ids(a, b)
	if mapping, err = e.s.Plans.SaveSession(in); err != nil {
		t.Fatal(err)
	}
	want[0] = "assumption_check:Assumption check[" + at(a, b) + "]"
	if got := e.agendaOf(mapping.ID); !reflect.DeepEqual(got, want) {
		t.Errorf("agenda after reordering = %q, want %q", got, want)
	}
	var secs int
	if err := e.db.Get(&secs, `SELECT seconds_spent FROM assumption_items WHERE session_id = ? AND assumption_id = ?`,
		mapping.ID, a.ID); err != nil || secs != 40 {
		t.Errorf("time spent on the assumption that stayed: %d, %v", secs, err)
	}

	// A second assumption check (the agenda editor can add one) keeps its
	// assumptions: the list does not test them twice.
	second := rawCheck(e, mapping.ID, c.ID)
	in.AssumptionIDs = ids(a, b, c)
	if mapping, err = e.s.Plans.SaveSession(in); err != nil {
		t.Fatal(err)
	}
	var tested []int64
	if err := e.db.Select(&tested, `SELECT assumption_id FROM assumption_items sa WHERE session_id = ? ORDER BY `+itemOrder,
		mapping.ID); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(tested, ids(a, b, c)) || !reflect.DeepEqual(ids(mapping.Assumptions...), ids(a, b, c)) {
		t.Errorf("tested %v, session lists %v; want each once, in agenda order", tested, ids(mapping.Assumptions...))
	}
	var inSecond int
	if err := e.db.Get(&inSecond, `SELECT count(*) FROM activity_items WHERE activity_id = ?`, second); err != nil || inSecond != 1 {
		t.Errorf("second check holds %d items, %v", inSecond, err)
	}

	// Refused edits write nothing.
	before := e.agendaOf(mapping.ID)
	_, err = e.s.Plans.SaveSession(SessionInput{ID: mapping.ID, DecisionID: d.ID, Title: "Map", AssumptionIDs: ids(a, a)})
	storetest.WantErr(t, err, store.ErrInvalid, "assumptionIds lists assumption")
	if got := e.agendaOf(mapping.ID); !reflect.DeepEqual(got, before) {
		t.Errorf("refused edit changed the agenda: %q", got)
	}
}
