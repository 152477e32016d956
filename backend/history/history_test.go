package history_test

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"time"

	"soundingboard/backend/history"
	"soundingboard/backend/store"
	"soundingboard/backend/storetest"
	"soundingboard/backend/team"
)

// board is one teammate's laptop in a test.
type board struct {
	name string
	db   *store.DB
	team *team.Service
	hist *history.Service
}

func newBoard(t *testing.T, name string) *board {
	db := storetest.Open(t)
	ctx := context.Background()
	return &board{name: name, db: db, team: team.NewService(ctx, db), hist: history.NewService(ctx, db)}
}

func (b *board) sync(t *testing.T) {
	t.Helper()
	if _, err := b.team.Sync(); err != nil {
		t.Fatalf("%s: sync: %v", b.name, err)
	}
}

// entry is an Entry without its time, to compare.
type entry struct {
	Person, Device string
	Me             bool
	Event          string
	Changes        []history.Change
}

func TestConcurrentEditsShowTheWinnerAndTheOverwrittenValueWithTheirAuthors(t *testing.T) {
	before := time.Now().Add(-time.Second).Truncate(time.Second)
	ana, bo := newBoard(t, "Ana"), newBoard(t, "Bo")
	m := storetest.NewID(t, ana.db)
	ana.db.MustExec(`INSERT INTO members (id, name, email, created_at, updated_at)
		VALUES (?, 'Ana Lima', 'ana@old.com', '2026-12-01T10:00:00Z', '2026-12-01T10:00:00Z')`, m)

	folder := t.TempDir()
	if _, err := ana.team.Create(team.CreateInput{Folder: folder, Person: "Ana", Label: "Ana's laptop"}); err != nil {
		t.Fatal(err)
	}
	inv, err := ana.team.Invite(team.InviteInput{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := bo.team.Join(team.JoinInput{Folder: folder, Code: inv.Code, Person: "Bo", Label: "Bo's laptop"}); err != nil {
		t.Fatal(err)
	}

	// Both edit the email offline; Bo's clock runs ahead, so Bo's edit wins.
	// Bo also tags the member: a tag put on with the edit reads as part of it.
	ana.db.MustExec(`UPDATE members SET email = 'ana@ana.com' WHERE id = ?`, m)
	bo.db.MustExec(`UPDATE sync_self SET hlc = (SELECT max(hlc) FROM sync_self) + (1000 << 16)`)
	bo.db.MustExec(`UPDATE members SET email = 'ana@bo.com', company = 'Globex' WHERE id = ?`, m)
	tag := storetest.NewID(t, bo.db)
	bo.db.MustExec(`INSERT INTO tags (id, name) VALUES (?, 'pilot')`, tag)
	bo.db.MustExec(`INSERT INTO member_tags (member_id, tag_id) VALUES (?, ?)`, m, tag)
	bo.sync(t)
	ana.sync(t)
	bo.sync(t)

	for _, b := range []*board{ana, bo} {
		hist, err := b.hist.RecordHistory("member", m)
		if err != nil {
			t.Fatal(err)
		}
		var got []entry
		for _, e := range hist {
			at, err := time.Parse(time.RFC3339, e.When)
			if err != nil || at.Before(before) || at.After(time.Now().Add(2*time.Second)) {
				t.Errorf("%s: entry at %q (%v), not when it was written", b.name, e.When, err)
			}
			got = append(got, entry{e.Person, e.Device, e.Me, e.Event, e.Changes})
		}
		want := []entry{
			{"Bo", "Bo's laptop", b == bo, "", []history.Change{
				{Field: "Company", Old: "", New: "Globex"}, {Field: "Email", Old: "ana@ana.com", New: "ana@bo.com"},
				{Field: "Tags", Old: "", New: "pilot"}}},
			{"Ana", "Ana's laptop", b == ana, "", []history.Change{
				{Field: "Email", Old: "ana@old.com", New: "ana@ana.com", OverwrittenBy: "Bo"}}},
			{"Ana", "Ana's laptop", b == ana, "created", []history.Change{}},
		}
		if fmt.Sprintf("%+v", got) != fmt.Sprintf("%+v", want) {
			t.Errorf("%s's history of the member:\n got %+v\nwant %+v", b.name, got, want)
		}
	}
}

func TestUnknownKindOrIDIsRefusedNamingTheField(t *testing.T) {
	b := newBoard(t, "Ana")
	for _, c := range []struct {
		kind  string
		id    int64
		field string
		says  string
	}{
		{"members", 1, "kind", `kind "members" is not one of member, reminder`},
		{"", 1, "kind", `kind "" is not one of`},
		{"member", 0, "id", "id 0 is not a record's id"},
	} {
		_, err := b.hist.RecordHistory(c.kind, c.id)
		storetest.WantErr(t, err, store.ErrInvalid, c.says)
		var e *store.Error
		if !errors.As(err, &e) || len(e.Fields) != 1 || e.Fields[0].Field != c.field {
			t.Errorf("%s %d: %v names no field %s", c.kind, c.id, err, c.field)
		}
	}
	_, err := b.hist.RecordHistory("decision", 42)
	storetest.WantErr(t, err, store.ErrNotFound, "decision 42 not found")
}

// A board in no team logs no changes: its records exist, with no history yet.
func TestARecordOfABoardInNoTeamHasNoHistoryYet(t *testing.T) {
	b := newBoard(t, "Ana")
	d := storetest.NewID(t, b.db)
	b.db.MustExec(`INSERT INTO decisions (id, title, created_at, updated_at) VALUES (?, 'Pricing', '2026-12-01T10:00:00Z', '2026-12-01T10:00:00Z')`, d)
	hist, err := b.hist.RecordHistory("decision", d)
	if err != nil || hist == nil || len(hist) != 0 {
		t.Errorf("history = %v, %v; want an empty list", hist, err)
	}
}

// inTeam is a board that created a team, so its writes are logged.
func inTeam(t *testing.T) *board {
	b := newBoard(t, "Ana")
	if _, err := b.team.Create(team.CreateInput{Folder: t.TempDir(), Person: "Ana", Label: "Ana's laptop"}); err != nil {
		t.Fatal(err)
	}
	return b
}

func TestValuesReadAsThePersonReadsThemAndBookkeepingIsLeftOut(t *testing.T) {
	b := inTeam(t)
	m, r := storetest.NewID(t, b.db), storetest.NewID(t, b.db)
	b.db.MustExec(`INSERT INTO members (id, name, created_at, updated_at) VALUES (?, 'Caio Reis', '2026-12-01T10:00:00Z', '2026-12-01T10:00:00Z')`, m)
	b.db.MustExec(`INSERT INTO reminders (id, title, due_at, due_utc, scheduled_at, created_at, updated_at)
		VALUES (?, 'Call Caio', '2026-12-09T09:00:00-04:00', '2026-12-09T13:00:00Z', '2026-12-09T09:00:00-04:00', '2026-12-01T10:00:00Z', '2026-12-01T10:00:00Z')`, r)
	b.db.MustExec(`UPDATE reminders SET member_id = ?, kind = 'thank_you', due_at = '2026-12-10T09:30:00-04:00',
		due_utc = '2026-12-10T13:30:00Z', revision = 1, updated_at = '2026-12-02T10:00:00Z' WHERE id = ?`, m, r)
	b.db.MustExec(`DELETE FROM reminders WHERE id = ?`, r)

	hist, err := b.hist.RecordHistory("reminder", r)
	if err != nil {
		t.Fatal(err)
	}
	if len(hist) != 3 || hist[0].Event != "deleted" || hist[2].Event != "created" {
		t.Fatalf("history %+v: want deleted, edited, created", hist)
	}
	want := []history.Change{
		{Field: "Due", Old: "2026-12-09 09:00 -0400", New: "2026-12-10 09:30 -0400"},
		{Field: "Kind", Old: "Custom", New: "Thank you"},
		{Field: "Member", Old: "", New: "Caio Reis"},
	}
	if fmt.Sprintf("%+v", hist[1].Changes) != fmt.Sprintf("%+v", want) {
		t.Errorf("the edit reads %+v, want %+v", hist[1].Changes, want)
	}
	if !hist[1].Me || hist[1].Person != "Ana" || hist[1].Device != "Ana's laptop" {
		t.Errorf("the edit is by %+v, want Ana on this laptop", hist[1])
	}
}

func TestOnlyTheNewestEntriesAreGiven(t *testing.T) {
	b := inTeam(t)
	d := storetest.NewID(t, b.db)
	b.db.MustExec(`INSERT INTO decisions (id, title, created_at, updated_at) VALUES (?, 'v0', '2026-12-01T10:00:00Z', '2026-12-01T10:00:00Z')`, d)
	for i := 1; i <= history.MaxEntries+5; i++ {
		b.db.MustExec(`UPDATE decisions SET title = ? WHERE id = ?`, fmt.Sprintf("v%d", i), d)
	}
	hist, err := b.hist.RecordHistory("decision", d)
	if err != nil {
		t.Fatal(err)
	}
	last := history.MaxEntries + 5
	if len(hist) != history.MaxEntries || hist[0].Changes[0] != (history.Change{Field: "Title", Old: fmt.Sprintf("v%d", last-1), New: fmt.Sprintf("v%d", last)}) {
		t.Errorf("%d entries, newest %+v; want %d, newest the last title", len(hist), hist[0], history.MaxEntries)
	}
}

// Saving a member takes its tags off and puts them back row by row: when
// the set ends as it began, the save shows only the fields it changed.
func TestASaveThatPutsTheSameTagsBackShowsNoTagChange(t *testing.T) {
	b := inTeam(t)
	m, tag := storetest.NewID(t, b.db), storetest.NewID(t, b.db)
	b.db.MustExec(`INSERT INTO members (id, name, created_at, updated_at) VALUES (?, 'Caio Reis', '2026-12-01T10:00:00Z', '2026-12-01T10:00:00Z')`, m)
	b.db.MustExec(`INSERT INTO tags (id, name) VALUES (?, 'beta')`, tag)
	b.db.MustExec(`INSERT INTO member_tags (member_id, tag_id) VALUES (?, ?)`, m, tag)
	b.db.MustExec(`UPDATE members SET role = 'CEO' WHERE id = ?`, m)
	b.db.MustExec(`DELETE FROM member_tags WHERE member_id = ?`, m)
	b.db.MustExec(`INSERT INTO member_tags (member_id, tag_id) VALUES (?, ?)`, m, tag)

	hist, err := b.hist.RecordHistory("member", m)
	if err != nil {
		t.Fatal(err)
	}
	if len(hist) != 2 || hist[1].Event != "created" ||
		fmt.Sprint(hist[0].Changes) != fmt.Sprint([]history.Change{{Field: "Role", Old: "", New: "CEO"}}) {
		t.Errorf("history %+v: want the role edit alone, then created (with its tag)", hist)
	}
}
