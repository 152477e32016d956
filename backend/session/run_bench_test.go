package session

// Run with: go test -run '^$' -bench 'GetRun|Ledger|SaveField' -benchmem ./backend/session/
//
// Targets (DESIGN.md): opening a session with 50 assumptions and 2,000
// responses < 20 ms; the ledger over 1,000 sessions is reported as is.

import (
	"context"
	"fmt"
	"testing"

	"github.com/jmoiron/sqlx"

	"soundingboard/backend/store"
)

var benchStances = []string{"matches", "partly", "does_not_match", "unsure", ""}

// benchLoader inserts rows with plain SQL in one transaction.
type benchLoader struct {
	b  *testing.B
	tx *sqlx.Tx
}

func (l benchLoader) exec(query string, args ...any) int64 {
	res, err := l.tx.Exec(query, args...)
	if err != nil {
		l.b.Fatalf("%s: %v", query, err)
	}
	id, _ := res.LastInsertId()
	return id
}

func (l benchLoader) newID() int64 {
	id, err := store.NewID(context.Background(), l.tx)
	if err != nil {
		l.b.Fatal(err)
	}
	return id
}

func benchLoad(b *testing.B, f *runFx, fill func(l benchLoader)) {
	b.Helper()
	tx, err := f.db.Beginx()
	if err != nil {
		b.Fatal(err)
	}
	fill(benchLoader{b, tx})
	if err := tx.Commit(); err != nil {
		b.Fatal(err)
	}
}

// members adds n members spread over six segments (every seventh without one).
func (l benchLoader) members(n int) []int64 {
	var segs []int64
	for i := range 6 {
		segs = append(segs, l.exec(`INSERT INTO segments (id, name, created_at) VALUES (?, ?, 'x')`, l.newID(), fmt.Sprintf("Segment %d", i)))
	}
	ids := make([]int64, n)
	for i := range ids {
		var seg any
		if i%7 != 0 {
			seg = segs[i%len(segs)]
		}
		ids[i] = l.exec(`INSERT INTO members (id, name, segment_id, status, created_at, updated_at)
			VALUES (?, ?, ?, 'active', 'x', 'x')`, l.newID(), fmt.Sprintf("Member %05d", i), seg)
	}
	return ids
}

func (l benchLoader) assumption(decision int64, i int) int64 {
	return l.exec(`INSERT INTO assumptions (id, decision_id, customers, behavior, reason, category,
		importance, evidence, created_at, updated_at) VALUES (?, ?, ?, 'pay monthly', 'budgets are monthly', ?, ?, ?, 'x', 'x')`,
		l.newID(), decision, fmt.Sprintf("customers %d", i), Categories[i%3], 1+i%5, 1+(i/5)%5)
}

func BenchmarkGetRun(b *testing.B) {
	f := newRunFx(b)
	session := fillGetRun(b, f)
	run, err := f.s.Runs.GetRun(session)
	if err != nil {
		b.Fatal(err)
	}
	if len(run.Items) != 50 || len(run.Items[0].Responses) != 40 || len(run.Items[0].Quotes) != 10 {
		b.Fatalf("run has %d items", len(run.Items))
	}
	b.ResetTimer()
	for b.Loop() {
		if _, err := f.s.Runs.GetRun(session); err != nil {
			b.Fatal(err)
		}
	}
}

// fillGetRun writes the session BenchmarkGetRun opens: one assumption
// check of 50 assumptions, 40 participants, 2,000 responses, 500 quotes.
func fillGetRun(b *testing.B, f *runFx) (session int64) {
	benchLoad(b, f, func(l benchLoader) {
		members := l.members(40)
		d := l.exec(`INSERT INTO decisions (id, title, created_at, updated_at) VALUES (?, 'Pricing', 'x', 'x')`, l.newID())
		session = l.exec(`INSERT INTO sessions (id, decision_id, title, status, created_at, updated_at)
			VALUES (?, ?, 'Big session', 'running', 'x', 'x')`, l.newID(), d)
		for _, m := range members {
			l.exec(`INSERT INTO participants (session_id, member_id, state) VALUES (?, ?, 'attended')`, session, m)
		}
		tested := make([]int64, 50)
		for i := range tested {
			tested[i] = l.assumption(d, i)
		}
		rawCheck(l, session, tested...)
		for i, a := range tested {
			l.exec(`UPDATE activity_items SET seconds_spent = ? WHERE assumption_id = ?`, 60+i, a)
			for j, m := range members { // 50 × 40 = 2,000 responses, 5 entries each
				rawResponse(l, session, a, m, benchStances[(i+j)%len(benchStances)], "integration with our ERP",
					"confusion,excitement", fmt.Sprintf("note %d/%d: budgets are set yearly", i, j))
			}
			for k := range 10 { // 500 quotes
				rawEntry(l, session, a, members[(i+k)%len(members)], "quote", fmt.Sprintf("quote %d/%d", i, k))
			}
			if i%2 == 0 {
				l.exec(`INSERT INTO verdicts (session_id, assumption_id, verdict, confidence, decided_at)
					VALUES (?, ?, ?, 3, 'x')`, session, a, VerdictKinds[i%3])
			}
		}
	})
	return session
}

func BenchmarkLedger(b *testing.B) {
	f := newRunFx(b)
	benchLoad(b, f, func(l benchLoader) {
		members := l.members(500)
		var assumptions [][]int64 // per decision
		var decisions []int64
		for d := range 100 {
			id := l.exec(`INSERT INTO decisions (id, title, created_at, updated_at) VALUES (?, ?, 'x', 'x')`, l.newID(),
				fmt.Sprintf("Decision %d", d))
			decisions = append(decisions, id)
			var as []int64
			for i := range 10 { // 1,000 assumptions
				as = append(as, l.assumption(id, d*10+i))
			}
			assumptions = append(assumptions, as)
		}
		for s := range 1000 { // 1,000 sessions × 5 assumptions × 10 participants = 50,000 responses
			d := s % len(decisions)
			sid := l.exec(`INSERT INTO sessions (id, decision_id, title, status, scheduled_on, created_at, updated_at)
				VALUES (?, ?, ?, 'finished', ?, 'x', 'x')`, l.newID(), decisions[d], fmt.Sprintf("Session %d", s),
				fmt.Sprintf("2024-%02d-%02d", 1+s%12, 1+s%28))
			ps := make([]int64, 10)
			for k := range ps {
				ps[k] = members[(s*10+k)%len(members)]
				state := "attended"
				if k == 9 {
					state = "no_show"
				}
				l.exec(`INSERT INTO participants (session_id, member_id, state) VALUES (?, ?, ?)`, sid, ps[k], state)
			}
			tested := make([]int64, 5)
			for i := range tested {
				tested[i] = assumptions[d][(s/len(decisions)+i)%10]
			}
			rawCheck(l, sid, tested...)
			for i, a := range tested {
				for k, m := range ps {
					rawResponse(l, sid, a, m, benchStances[(s+i+k)%len(benchStances)], "", "", "")
				}
				stamp := fmt.Sprintf("2024-01-01T00:%02d:%02dZ", s/60%60, s%60)
				l.exec(`INSERT INTO verdicts (session_id, assumption_id, verdict, confidence, decided_at)
					VALUES (?, ?, ?, 3, ?)`, sid, a, VerdictKinds[(s+i)%3], stamp)
				l.exec(`INSERT INTO assumption_moves (id, assumption_id, importance, evidence, moved_at, note)
					VALUES (?, ?, 3, 3, ?, 'verdict')`, l.newID(), a, stamp)
				rawEntry(l, sid, a, ps[i], "quote", "we pay yearly")
			}
		}
	})
	l, err := f.s.Decisions.Ledger(LedgerQuery{})
	if err != nil {
		b.Fatal(err)
	}
	if len(l.Entries) != 1000 {
		b.Fatalf("ledger has %d entries", len(l.Entries))
	}
	b.ResetTimer()
	for b.Loop() {
		if _, err := f.s.Decisions.Ledger(LedgerQuery{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSaveField is one autosaved keystroke: the upsert of the field
// and the mark-attended update in one transaction.
func BenchmarkSaveField(b *testing.B) {
	f := newRunFx(b)
	var session, assumption int64
	var members []int64
	benchLoad(b, f, func(l benchLoader) {
		members = l.members(40)
		d := l.exec(`INSERT INTO decisions (id, title, created_at, updated_at) VALUES (?, 'Pricing', 'x', 'x')`, l.newID())
		session = l.exec(`INSERT INTO sessions (id, decision_id, title, status, created_at, updated_at)
			VALUES (?, ?, 'Live session', 'running', 'x', 'x')`, l.newID(), d)
		for _, m := range members {
			l.exec(`INSERT INTO participants (session_id, member_id, state) VALUES (?, ?, 'confirmed')`, session, m)
		}
		assumption = l.assumption(d, 0)
		rawCheck(l, session, assumption)
	})
	i := 0
	for b.Loop() {
		i++
		e := FieldEdit{ResponseKey{session, assumption, members[i%len(members)]}, "notes", fmt.Sprintf("typed %d", i)}
		if _, err := f.s.Runs.SaveField(e); err != nil {
			b.Fatal(err)
		}
	}
}
