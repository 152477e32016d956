package privacy_test

import (
	"context"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"soundingboard/backend/board"
	"soundingboard/backend/demo"
	"soundingboard/backend/loop"
	"soundingboard/backend/privacy"
	"soundingboard/backend/session"
	"soundingboard/backend/store"
	"soundingboard/backend/storetest"
	"soundingboard/backend/transcript"
)

type fixture struct {
	db      *store.DB
	board   *board.Service
	session *session.Services
	privacy *privacy.Service
}

// newFixture loads the sample data: members with tags, consents,
// touchpoints, rewards, sessions, responses, quotes and reminders.
func newFixture(t *testing.T) fixture {
	t.Helper()
	ctx := context.Background()
	db := storetest.Open(t)
	b, ss, l := board.NewService(ctx, db), session.NewServices(ctx, db), loop.NewService(ctx, db)
	if _, err := demo.NewService(b, ss.Plans, l, transcript.NewTranscripts(ctx, db)).Load(); err != nil {
		t.Fatalf("load demo: %v", err)
	}
	return fixture{db: db, board: b, session: ss, privacy: privacy.NewService(ctx, db)}
}

// busiest is the member with the most quotes and responses.
func (f fixture) busiest(t *testing.T) (int64, string) {
	t.Helper()
	var m struct {
		ID   int64  `db:"id"`
		Name string `db:"name"`
	}
	err := f.db.Get(&m, `SELECT m.id, m.name FROM members m
		ORDER BY (SELECT count(*) FROM entries e WHERE e.member_id = m.id) DESC, m.id LIMIT 1`)
	if err != nil {
		t.Fatal(err)
	}
	return m.ID, m.Name
}

func (f fixture) count(t *testing.T, query string, args ...any) int {
	t.Helper()
	var n int
	if err := f.db.Get(&n, query, args...); err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	return n
}

func TestExportPersonHasEverything(t *testing.T) {
	f := newFixture(t)
	id, name := f.busiest(t)
	file, err := f.privacy.ExportPerson(id)
	if err != nil {
		t.Fatal(err)
	}
	if file.MimeType != "application/json" || !strings.HasPrefix(file.FileName, "member-") || !strings.HasSuffix(file.FileName, ".json") {
		t.Errorf("file: %q %q", file.FileName, file.MimeType)
	}
	var p privacy.PersonExport
	if err := json.Unmarshal([]byte(file.Content), &p); err != nil {
		t.Fatalf("export is not JSON: %v", err)
	}
	if p.Member.Name != name || p.Member.ID != id || p.Format != privacy.ExportFormat || p.Limitations == "" {
		t.Errorf("member part: %+v", p.Member)
	}
	for what, got := range map[string][2]int{
		"entries":   {len(p.Entries), f.count(t, `SELECT count(*) FROM entries WHERE member_id = ?`, id)},
		"sessions":  {len(p.Sessions), f.count(t, `SELECT count(*) FROM participants WHERE member_id = ?`, id)},
		"consents":  {len(p.Consents), f.count(t, `SELECT count(*) FROM consents WHERE member_id = ?`, id)},
		"tags":      {len(p.Tags), f.count(t, `SELECT count(*) FROM member_tags WHERE member_id = ?`, id)},
		"reminders": {len(p.Reminders), f.count(t, `SELECT count(*) FROM reminders WHERE member_id = ?`, id)},
		"touches":   {len(p.Touchpoints), f.count(t, `SELECT count(*) FROM touchpoints WHERE member_id = ?`, id)},
		"rewards":   {len(p.Rewards), f.count(t, `SELECT count(*) FROM rewards WHERE member_id = ?`, id)},
	} {
		if got[0] != got[1] {
			t.Errorf("%s: exported %d, stored %d", what, got[0], got[1])
		}
	}
	kinds := map[string]int{}
	for _, e := range p.Entries {
		kinds[e.Kind]++
		if e.Session == "" || e.Activity == "" || (e.Kind == "stance" || e.Kind == "needs") && !strings.HasPrefix(e.Item, "We believe ") {
			t.Errorf("entry without its session, activity or assumption: %+v", e)
		}
	}
	if kinds["stance"] == 0 || kinds["note"] == 0 || kinds["quote"] == 0 || len(p.Sessions) == 0 {
		t.Errorf("the busiest sample member should have stances, notes, quotes and sessions: %v, %d sessions",
			kinds, len(p.Sessions))
	}
	if _, err := f.privacy.ExportPerson(99999); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("unknown member: %v", err)
	}
}

func TestErasePerson(t *testing.T) {
	f := newFixture(t)
	id, name := f.busiest(t)
	quotes := f.count(t, `SELECT count(*) FROM entries WHERE member_id = ? AND kind = 'quote'`, id)
	responses := f.count(t, `SELECT count(*) FROM entries WHERE member_id = ? AND kind <> 'quote'`, id)
	totalQuotes := f.count(t, `SELECT count(*) FROM entries WHERE kind = 'quote'`)
	totalResponses := f.count(t, `SELECT count(*) FROM entries WHERE kind <> 'quote'`)
	members := f.count(t, `SELECT count(*) FROM members`)

	for _, wrong := range []string{"", "  ", strings.ToUpper(name) + "x", "Someone Else"} {
		if _, err := f.privacy.ErasePerson(id, wrong); !errors.Is(err, store.ErrInvalid) {
			t.Errorf("confirm %q: %v, want invalid", wrong, err)
		}
	}
	if n := f.count(t, `SELECT count(*) FROM members`); n != members {
		t.Fatalf("a refused erasure wrote: %d members, had %d", n, members)
	}
	if _, err := f.privacy.ErasePerson(99999, "Nobody"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("unknown member: %v", err)
	}

	e, err := f.privacy.ErasePerson(id, " "+name+" ")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(e.Reference, "ER-") || e.Members != 1 || e.Quotes != quotes || e.Responses != responses {
		t.Errorf("erasure: %+v (quotes %d, responses %d)", e, quotes, responses)
	}
	for _, q := range []string{
		`SELECT count(*) FROM members WHERE id = ?`,
		`SELECT count(*) FROM member_tags WHERE member_id = ?`,
		`SELECT count(*) FROM consents WHERE member_id = ?`,
		`SELECT count(*) FROM touchpoints WHERE member_id = ?`,
		`SELECT count(*) FROM rewards WHERE member_id = ?`,
		`SELECT count(*) FROM reminders WHERE member_id = ?`,
		`SELECT count(*) FROM participants WHERE member_id = ?`,
		`SELECT count(*) FROM entries WHERE member_id = ?`,
		`SELECT count(*) FROM members_fts WHERE rowid = ?`,
	} {
		if n := f.count(t, q, id); n != 0 {
			t.Errorf("%s: %d left", q, n)
		}
	}
	if n := f.count(t, `SELECT count(*) FROM members_fts WHERE members_fts MATCH ?`, `"`+name+`"`); n != 0 {
		t.Errorf("search still finds %q", name)
	}
	if n := f.count(t, `SELECT count(*) FROM entries WHERE kind = 'quote'`); n != totalQuotes {
		t.Errorf("quotes: %d, had %d; erasure keeps them", n, totalQuotes)
	}
	if n := f.count(t, `SELECT count(*) FROM entries WHERE kind <> 'quote'`); n != totalResponses {
		t.Errorf("responses: %d, had %d; erasure keeps them", n, totalResponses)
	}
	if n := f.count(t, `SELECT count(*) FROM entries WHERE kind = 'quote' AND former_member = 1`); n != quotes {
		t.Errorf("anonymous quotes: %d, want %d", n, quotes)
	}
	if n := f.count(t, `SELECT count(*) FROM entries WHERE kind <> 'quote' AND former_member = 1`); n != responses {
		t.Errorf("anonymous responses: %d, want %d (every kind is marked erased)", n, responses)
	}
	// The session still opens; the quote reads "Former board member".
	var sessionID int64
	if err := f.db.Get(&sessionID, `SELECT session_id FROM entries WHERE kind = 'quote' AND former_member = 1 LIMIT 1`); err != nil {
		t.Fatal(err)
	}
	run, err := f.session.Runs.GetRun(sessionID)
	if err != nil {
		t.Fatalf("session after erasure: %v", err)
	}
	if _, err := f.session.Syntheses.Synthesis(sessionID); err != nil {
		t.Fatalf("synthesis after erasure: %v", err)
	}
	b, _ := json.Marshal(run)
	if !strings.Contains(string(b), privacy.FormerMember) || strings.Contains(string(b), `"`+name+`"`) {
		t.Errorf("run after erasure does not read %q or still names %q", privacy.FormerMember, name)
	}

	log, err := f.privacy.ErasureLog()
	if err != nil || len(log) != 1 || log[0].Reference != e.Reference {
		t.Fatalf("log: %+v %v", log, err)
	}
	var row string
	if err := f.db.Get(&row, `SELECT json_object('r', reference, 'at', erased_at) FROM erasure_log`); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(row, name) || strings.Contains(row, "@") {
		t.Errorf("erasure log holds personal data: %s", row)
	}
	var ok string
	if err := f.db.Get(&ok, `PRAGMA integrity_check`); err != nil || ok != "ok" {
		t.Errorf("integrity: %q %v", ok, err)
	}
	if _, err := f.privacy.ErasePerson(id, name); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("erasing twice: %v", err)
	}
}
