package session

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/jmoiron/sqlx"

	"soundingboard/backend/board"
	"soundingboard/backend/store"
	"soundingboard/backend/storetest"
)

// demoV9 is the sample board on schema 9 (before the assumption check
// became an activity), with themes on responses 1, 2, 4 and 5, an erased
// response (3) and quote (3), a general quote in session 2 and a blank
// response in session 4.
const demoV9 = "../store/testdata/demo-v9.db"

// copyDemoV9 copies the fixture to a fresh file and returns its path.
func copyDemoV9(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "soundingboard.db")
	storetest.CopyFile(t, demoV9, path)
	return path
}

// v9Board is what schema 9 held of the assumption check, read with raw SQL.
type v9Board struct {
	Responses []struct {
		ID           int64         `db:"id"`
		SessionID    int64         `db:"session_id"`
		AssumptionID int64         `db:"assumption_id"`
		MemberID     sql.NullInt64 `db:"member_id"`
		Stance       string        `db:"stance"`
		Needs        string        `db:"needs"`
		Reactions    string        `db:"reactions"`
		Notes        string        `db:"notes"`
		Themes       string        `db:"themes"` // names, comma-separated in name order
	}
	Quotes []struct {
		ID           int64         `db:"id"`
		SessionID    int64         `db:"session_id"`
		AssumptionID sql.NullInt64 `db:"assumption_id"`
		MemberID     sql.NullInt64 `db:"member_id"`
		FormerMember bool          `db:"former_member"`
		Text         string        `db:"text"`
		Themes       string        `db:"themes"`
	}
	Seconds []struct {
		SessionID    int64 `db:"session_id"`
		AssumptionID int64 `db:"assumption_id"`
		Seconds      int   `db:"seconds_spent"`
	}
	// Tally is the ledger's tally per assumption, by schema 9's own query.
	Tally []struct {
		AssumptionID int64 `db:"assumption_id"`
		Tally
	}
}

func readV9(t *testing.T, path string) v9Board {
	t.Helper()
	db, err := sqlx.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var b v9Board
	for _, q := range []struct {
		dest  any
		query string
	}{
		{&b.Responses, `SELECT r.id, r.session_id, r.assumption_id, r.member_id, r.stance, r.needs, r.reactions, r.notes,
			coalesce((SELECT group_concat(name) FROM (SELECT t.name FROM response_themes rt JOIN themes t ON t.id = rt.theme_id
				WHERE rt.response_id = r.id ORDER BY t.name COLLATE NOCASE)), '') AS themes
			FROM responses r ORDER BY r.id`},
		{&b.Quotes, `SELECT q.id, q.session_id, q.assumption_id, q.member_id, q.former_member, q.text,
			coalesce((SELECT group_concat(name) FROM (SELECT t.name FROM quote_themes qt JOIN themes t ON t.id = qt.theme_id
				WHERE qt.quote_id = q.id ORDER BY t.name COLLATE NOCASE)), '') AS themes
			FROM quotes q ORDER BY q.id`},
		{&b.Seconds, `SELECT session_id, assumption_id, seconds_spent FROM session_assumptions ORDER BY session_id, position`},
		{&b.Tally, `SELECT sa.assumption_id,
			coalesce(sum(r.stance = 'matches'), 0) AS matches, coalesce(sum(r.stance = 'partly'), 0) AS partly,
			coalesce(sum(r.stance = 'does_not_match'), 0) AS doesnotmatch, coalesce(sum(r.stance = 'unsure'), 0) AS unsure,
			sum(coalesce(r.stance, '') = '') AS noanswer
			FROM session_assumptions sa JOIN sessions s ON s.id = sa.session_id
			JOIN participants p ON p.session_id = sa.session_id
			LEFT JOIN responses r ON r.session_id = sa.session_id AND r.assumption_id = sa.assumption_id
				AND r.member_id = p.member_id
			WHERE (s.status <> 'planned' OR EXISTS (SELECT 1 FROM verdicts v
				WHERE v.session_id = sa.session_id AND v.assumption_id = sa.assumption_id))
				AND p.state <> 'no_show' AND (r.stance <> '' OR p.state = 'attended' OR s.status <> 'finished')
			GROUP BY sa.assumption_id ORDER BY sa.assumption_id`},
	} {
		if err := db.Select(q.dest, q.query); err != nil {
			t.Fatalf("read schema 9: %v\n%s", err, q.query)
		}
	}
	return b
}

// The fixture is what the test says it is: otherwise the checks below
// would pass over nothing.
func checkV9Fixture(t *testing.T, b v9Board) {
	t.Helper()
	var themed, erased, blank, general, erasedQuote int
	for _, r := range b.Responses {
		if r.Themes != "" {
			themed++
		}
		if !r.MemberID.Valid {
			erased++
		}
		if r.Stance+r.Needs+r.Reactions+r.Notes == "" {
			blank++
		}
	}
	for _, q := range b.Quotes {
		if !q.AssumptionID.Valid {
			general++
		}
		if q.FormerMember {
			erasedQuote++
		}
	}
	if len(b.Responses) < 60 || len(b.Quotes) < 30 || themed != 4 || erased != 1 || blank != 1 || general != 1 ||
		erasedQuote != 1 || len(b.Seconds) != 20 || len(b.Tally) == 0 {
		t.Fatalf("fixture: %d responses (%d themed, %d erased, %d blank), %d quotes (%d general, %d erased), %d timers",
			len(b.Responses), themed, erased, blank, len(b.Quotes), general, erasedQuote, len(b.Seconds))
	}
}

// Opening a schema 9 board moves the assumption check into activities,
// items and entries, and every recorded thing reads back through the
// services as before: each non-blank field and reaction of each response
// (erased ones included), each quote with its attribution (member, former
// member or none) and assumption, every theme of responses and quotes,
// the time spent on each assumption, and the ledger's tally.
func TestMigrationKeepsTheAssumptionCheck(t *testing.T) {
	ctx := context.Background()
	path := copyDemoV9(t)
	old := readV9(t, path)
	checkV9Fixture(t, old)

	db, err := store.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	s := NewServices(ctx, db)

	type key struct{ session, assumption, member int64 }
	runs := map[int64]Run{}
	responses := map[key]Response{} // as the services read them (erased: member 0)
	inRun := map[key]Response{}     // as the run view shows them
	quotes := map[string]Quote{}    // by text (unique in the fixture)
	noteThemes := map[key][]string{}
	quoteThemes := map[string][]string{}
	for _, sec := range old.Seconds {
		if _, ok := runs[sec.SessionID]; ok {
			continue
		}
		run, err := s.Runs.GetRun(sec.SessionID)
		if err != nil {
			t.Fatal(err)
		}
		runs[sec.SessionID] = run
		for _, it := range run.Items {
			for _, r := range it.Responses {
				inRun[key{r.SessionID, r.AssumptionID, r.MemberID}] = r
			}
			for _, q := range it.Quotes {
				quotes[q.Text] = q
			}
		}
		for _, q := range run.General {
			quotes[q.Text] = q
		}
		all, err := loadResponses(ctx, db, `r.session_id = ?`, sec.SessionID)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range all {
			responses[key{r.SessionID, r.AssumptionID, r.MemberID}] = r
		}
		syn, err := s.Syntheses.Synthesis(sec.SessionID)
		if err != nil {
			t.Fatal(err)
		}
		for _, th := range syn.Themes {
			for _, r := range th.Notes {
				k := key{r.SessionID, r.AssumptionID, r.MemberID}
				noteThemes[k] = append(noteThemes[k], th.Name)
			}
			for _, q := range th.Quotes {
				quoteThemes[q.Text] = append(quoteThemes[q.Text], th.Name)
			}
		}
		for _, q := range syn.Untagged {
			if _, ok := quoteThemes[q.Text]; ok {
				t.Errorf("quote %q both tagged and untagged", q.Text)
			}
		}
	}

	sortedFold := func(names []string) string {
		slices.SortFunc(names, func(a, b string) int { return strings.Compare(strings.ToLower(a), strings.ToLower(b)) })
		return strings.Join(names, ",")
	}
	checked := 0
	for _, o := range old.Responses {
		if o.Stance+o.Needs+o.Reactions+o.Notes == "" {
			continue // blank: nothing to keep
		}
		k := key{o.SessionID, o.AssumptionID, o.MemberID.Int64}
		got, ok := responses[k]
		if !ok {
			t.Errorf("response %d (%+v) is gone", o.ID, k)
			continue
		}
		var reactions []string
		for _, r := range got.Reactions {
			reactions = append(reactions, string(r))
		}
		if string(got.Stance) != o.Stance || got.Needs != o.Needs || got.Notes != o.Notes ||
			strings.Join(reactions, ",") != o.Reactions || strings.Join(got.Themes, ",") != o.Themes {
			t.Errorf("response %d reads %+v; was stance %q, needs %q, reactions %q, notes %q, themes %q",
				o.ID, got, o.Stance, o.Needs, o.Reactions, o.Notes, o.Themes)
		}
		if th := sortedFold(noteThemes[k]); th != o.Themes {
			t.Errorf("response %d is under themes %q in the synthesis, was tagged %q", o.ID, th, o.Themes)
		}
		if r, ok := inRun[k]; ok && !reflect.DeepEqual(r, got) {
			t.Errorf("response %d in the run view %+v, read %+v", o.ID, r, got)
		} else if !ok && o.MemberID.Valid {
			t.Errorf("response %d of member %d is not in the run view", o.ID, o.MemberID.Int64)
		}
		checked++
	}
	for _, o := range old.Quotes {
		got, ok := quotes[o.Text]
		if !ok {
			t.Errorf("quote %d %q is gone", o.ID, o.Text)
			continue
		}
		wantMember := ""
		switch {
		case o.MemberID.Valid:
			if err := db.Get(&wantMember, `SELECT name FROM members WHERE id = ?`, o.MemberID.Int64); err != nil {
				t.Fatal(err)
			}
		case o.FormerMember:
			wantMember = board.FormerMember
		}
		if got.SessionID != o.SessionID || got.AssumptionID != o.AssumptionID.Int64 || got.MemberID != o.MemberID.Int64 ||
			got.Member != wantMember || strings.Join(got.Themes, ",") != o.Themes {
			t.Errorf("quote %d reads %+v; was session %d, assumption %v, member %v (%q), themes %q",
				o.ID, got, o.SessionID, o.AssumptionID, o.MemberID, wantMember, o.Themes)
		}
		if th := sortedFold(quoteThemes[o.Text]); th != o.Themes {
			t.Errorf("quote %d is under themes %q in the synthesis, was tagged %q", o.ID, th, o.Themes)
		}
		checked++
	}
	for _, sec := range old.Seconds {
		found := false
		for i, it := range runs[sec.SessionID].Items {
			if it.Assumption.ID == sec.AssumptionID {
				found = true
				if it.SecondsSpent != sec.Seconds {
					t.Errorf("session %d, assumption %d: %d seconds, was %d", sec.SessionID, sec.AssumptionID, it.SecondsSpent, sec.Seconds)
				}
				if want := old.Seconds[i]; want.SessionID == sec.SessionID && want.AssumptionID != it.Assumption.ID {
					t.Errorf("session %d: assumption %d at position %d, was %d", sec.SessionID, it.Assumption.ID, i, want.AssumptionID)
				}
			}
		}
		if !found {
			t.Errorf("session %d no longer tests assumption %d", sec.SessionID, sec.AssumptionID)
		}
	}
	ledger, err := s.Decisions.Ledger(LedgerQuery{})
	if err != nil {
		t.Fatal(err)
	}
	tallies := map[int64]Tally{}
	for _, e := range ledger.Entries {
		tallies[e.Assumption.ID] = e.Tally
	}
	for _, o := range old.Tally {
		if tallies[o.AssumptionID] != o.Tally {
			t.Errorf("ledger tally of assumption %d = %+v, was %+v", o.AssumptionID, tallies[o.AssumptionID], o.Tally)
		}
	}
	if checked < 90 {
		t.Errorf("checked %d responses and quotes; the fixture has more", checked)
	}
}

// One board migrated twice ends up the same, row for row, in every table:
// the move takes its ids from the old ids and its times from the old rows.
// The second copy migrates once the wall clock has moved on a second, so
// a time taken from the clock would show. Only schema_migrations'
// applied_at, the record of when each migration ran, may differ.
func TestMigrationIsDeterministic(t *testing.T) {
	ctx := context.Background()
	dump := func(path string) map[string][]string {
		db, err := store.Open(ctx, path)
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		var tables []string
		if err := db.Select(&tables, `SELECT name FROM sqlite_master WHERE type = 'table'
			AND name NOT LIKE 'sqlite_%' ORDER BY name`); err != nil {
			t.Fatal(err)
		}
		out := map[string][]string{}
		for _, table := range tables {
			cols := "*"
			if table == "schema_migrations" {
				cols = "version, name"
			}
			out[table] = dumpRows(t, db, `SELECT `+cols+` FROM "`+table+`" ORDER BY 1, 2`)
		}
		return out
	}
	first := dump(copyDemoV9(t))
	for start := time.Now().Unix(); time.Now().Unix() == start; {
		time.Sleep(20 * time.Millisecond)
	}
	second := dump(copyDemoV9(t))
	if len(first["entries"]) < 200 || len(first["activities"]) != 4 || len(first["entry_themes"]) < 40 {
		t.Fatalf("migrated %d entries, %d activities, %d entry themes: not the sample board",
			len(first["entries"]), len(first["activities"]), len(first["entry_themes"]))
	}
	if len(first) != len(second) {
		t.Fatalf("tables differ: %d and %d", len(first), len(second))
	}
	for table, rows := range first {
		if !reflect.DeepEqual(rows, second[table]) {
			for i := range max(len(rows), len(second[table])) {
				var a, b string
				if i < len(rows) {
					a = rows[i]
				}
				if i < len(second[table]) {
					b = second[table][i]
				}
				if a != b {
					t.Errorf("%s row %d: %s, then %s", table, i, a, b)
					break
				}
			}
		}
	}
}

// dumpRows reads every row query selects, each as text.
func dumpRows(t *testing.T, db *store.DB, query string) []string {
	t.Helper()
	rows, err := db.Queryx(query)
	if err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		vals, err := rows.SliceScan()
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, fmt.Sprintf("%v", vals))
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}
