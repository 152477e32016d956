package session

import (
	"testing"

	"soundingboard/backend/activity"
)

// The ledger's reactions on each assumption of the sample board are the
// reaction entries on its items in the sessions that tested it, counted
// straight from the entries.
func TestLedgerReactionsOnSampleBoard(t *testing.T) {
	e := newPlanEnv(t)
	if _, err := e.board.LoadDemo(); err != nil {
		t.Fatal(err)
	}
	if _, err := e.s.Plans.LoadDemo(); err != nil {
		t.Fatal(err)
	}
	var rows []struct {
		AssumptionID int64  `db:"assumption_id"`
		Text         string `db:"text"`
		N            int    `db:"n"`
	}
	if err := e.db.Select(&rows, `SELECT i.assumption_id, e.text, count(*) AS n
		FROM entries e JOIN activity_items i ON i.id = e.item_id AND i.role = 'assumption'
		JOIN activities a ON a.id = i.activity_id AND a.kind = 'assumption_check' AND a.removed_at IS NULL
		JOIN sessions s ON s.id = a.session_id
		WHERE e.kind = 'reaction' AND (s.status <> 'planned' OR EXISTS (SELECT 1 FROM verdicts v
			WHERE v.session_id = s.id AND v.assumption_id = i.assumption_id))
		GROUP BY i.assumption_id, e.text`); err != nil {
		t.Fatal(err)
	}
	want := map[int64]activity.Reactions{}
	total := 0
	for _, r := range rows {
		w := want[r.AssumptionID]
		switch r.Text {
		case "confusion":
			w.Confusion = r.N
		case "excitement":
			w.Excitement = r.N
		case "frustration":
			w.Frustration = r.N
		case "other":
			w.Other = r.N
		default:
			t.Fatalf("reaction %q on assumption %d", r.Text, r.AssumptionID)
		}
		want[r.AssumptionID] = w
		total += r.N
	}
	if total == 0 {
		t.Fatal("the sample board notes no reactions on assumptions; nothing to compare")
	}
	l, err := e.s.Decisions.Ledger(LedgerQuery{})
	if err != nil {
		t.Fatal(err)
	}
	seen := 0
	for _, en := range l.Entries {
		id := en.Assumption.ID
		if en.Reactions != want[id] {
			t.Errorf("assumption %d (%s): reactions %+v, want %+v", id, en.Assumption.Sentence, en.Reactions, want[id])
		}
		if _, ok := want[id]; ok {
			seen++
		}
	}
	if seen != len(want) {
		t.Errorf("ledger shows %d of the %d assumptions with reactions", seen, len(want))
	}
}
