package team

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jmoiron/sqlx"

	"soundingboard/backend/changelog"
	"soundingboard/backend/privacy"
	"soundingboard/backend/store"
	"soundingboard/backend/storetest"
	"soundingboard/backend/teamfile"
)

// The property test of the folder: 3–5 laptops, each with its own copy of
// the team folder, and a sync service that copies a random part of one
// laptop's new files to another's at random moments, so files arrive late,
// out of order (a keys file before the segment written ahead of it), or
// not at all while a laptop is offline. The laptops edit members with
// clashing emails, tag them, erase them, rotate the key (which makes every
// laptop compact), restart, and sync. Once everyone is online and the
// folders have caught up, every board is the same, every laptop is on the
// same key with no older one left, and no log holds an erased person.

// fleet is one run: the laptops, their folders and their databases.
type fleet struct {
	t       *testing.T
	rng     *rand.Rand
	ls      []*laptop
	folders []string
	paths   []string
	offline []bool
	erased  []string // emails of the erased, which no log may hold
}

func TestLaptopsConvergeThroughARandomlySyncedFolder(t *testing.T) {
	runs := 3
	if testing.Short() || raceEnabled {
		runs = 1
	}
	storetest.EachSeed(t, runs, "go test -run TestLaptopsConvergeThroughARandomlySyncedFolder ./backend/team", runFleet)
}

func runFleet(t *testing.T, seed uint64) {
	f := &fleet{t: t, rng: rand.New(rand.NewPCG(seed, seed^0xf01de7))}
	n := 3 + f.rng.IntN(3)
	for i := range n {
		f.folders = append(f.folders, t.TempDir())
		f.paths = append(f.paths, filepath.Join(t.TempDir(), "board.db"))
		f.ls = append(f.ls, f.open(i))
		f.offline = append(f.offline, false)
	}
	f.ls[0].addMember("Ana Lima", "ana@example.com")
	if _, err := f.ls[0].s.Create(CreateInput{Folder: f.folders[0], Person: "P0"}); err != nil {
		t.Fatal(err)
	}
	for i := 1; i < n; i++ {
		inv, err := f.ls[0].s.Invite(InviteInput{})
		if err != nil {
			t.Fatal(err)
		}
		f.copyFiles(0, i, 1)
		if _, err := f.ls[i].s.Join(JoinInput{Folder: f.folders[i], Code: inv.Code, Person: fmt.Sprintf("P%d", i)}); err != nil {
			t.Fatal(err)
		}
		f.copyFiles(i, 0, 1)
		f.ls[0].sync()
	}
	for range 60 + f.rng.IntN(60) {
		i := f.rng.IntN(n)
		switch x := f.rng.IntN(40); {
		case x < 2:
			f.offline[i] = !f.offline[i]
		case x < 3:
			f.restart(i)
		case x < 4:
			if err := f.ls[i].s.Rotate(); err != nil {
				t.Fatalf("laptop %d: rotate: %v", i, err)
			}
		case x < 12:
			f.ls[i].sync()
		case x < 20:
			if j := f.rng.IntN(n); j != i && !f.offline[i] && !f.offline[j] {
				f.copyFiles(i, j, f.rng.Float64())
			}
		default:
			f.edit(i)
		}
	}
	// Everyone comes online; the folders catch up and every laptop syncs,
	// until a round changes nothing.
	for round := 0; ; round++ {
		if round == 12 {
			t.Fatalf("the laptops still write after %d rounds", round)
		}
		quiet := true
		for i := range f.ls {
			for j := range f.ls {
				if i != j && f.copyFiles(i, j, 1) {
					quiet = false
				}
			}
		}
		for _, l := range f.ls {
			rep := l.sync()
			if rep.Written+rep.Files > 0 {
				quiet = false
			}
		}
		if quiet && round > 0 {
			break
		}
	}
	f.check()
}

// edit does one thing a teammate does to the board.
func (f *fleet) edit(i int) {
	l, rng := f.ls[i], f.rng
	emails := []string{"bo@example.com", "Bo@Example.com", "cy@example.com", "di@example.com"}
	switch rng.IntN(5) {
	case 0, 1: // add a member, maybe with an email another laptop also adds
		f.write(l, `INSERT INTO members (id, name, email, created_at, updated_at) VALUES (?, ?, ?, 'x', 'x')`, true,
			fmt.Sprintf("M%d", rng.IntN(1000)), emails[rng.IntN(len(emails))])
	case 2: // edit a member
		if id := f.pick(l, `SELECT id FROM members`); id != 0 {
			f.write(l, `UPDATE members SET notes = ? WHERE id = ?`, false, fmt.Sprintf("note %d", rng.IntN(100)), id)
		}
	case 3: // tag a member, maybe with a tag name another laptop also makes
		if id := f.pick(l, `SELECT id FROM members`); id != 0 {
			name := []string{"beta", "Beta", "vip"}[rng.IntN(3)]
			err := store.WithTx(context.Background(), l.db, func(tx *sqlx.Tx) error {
				var tag int64
				if err := tx.Get(&tag, `SELECT coalesce((SELECT id FROM tags WHERE name = ? COLLATE NOCASE), 0)`, name); err != nil {
					return err
				}
				if tag == 0 {
					var err error
					if tag, err = store.NewID(context.Background(), tx); err != nil {
						return err
					}
					if _, err := tx.Exec(`INSERT INTO tags (id, name) VALUES (?, ?)`, tag, name); err != nil {
						return err
					}
				}
				_, err := tx.Exec(`INSERT OR IGNORE INTO member_tags (member_id, tag_id) VALUES (?, ?)`, id, tag)
				return err
			})
			if err != nil {
				f.t.Fatalf("tag: %v", err)
			}
		}
	case 4: // erase a member
		if id := f.pick(l, `SELECT id FROM members`); id != 0 {
			var m struct {
				Name  string  `db:"name"`
				Email *string `db:"email"`
			}
			if err := l.db.Get(&m, `SELECT name, email FROM members WHERE id = ?`, id); err != nil {
				f.t.Fatal(err)
			}
			if _, err := privacy.NewService(context.Background(), l.db).ErasePerson(id, m.Name); err != nil {
				f.t.Fatalf("erase: %v", err)
			}
			if m.Email != nil {
				f.erased = append(f.erased, *m.Email)
			}
		}
	}
}

// write runs one statement in a transaction, taking a new id first when
// newID; a UNIQUE clash on this laptop is skipped, as the app refuses it.
func (f *fleet) write(l *laptop, query string, newID bool, args ...any) {
	err := store.WithTx(context.Background(), l.db, func(tx *sqlx.Tx) error {
		if newID {
			id, err := store.NewID(context.Background(), tx)
			if err != nil {
				return err
			}
			args = append([]any{id}, args...)
		}
		_, err := tx.Exec(query, args...)
		return err
	})
	if err != nil && !strings.Contains(err.Error(), "UNIQUE") {
		f.t.Fatalf("write: %v", err)
	}
}

func (f *fleet) pick(l *laptop, query string) int64 {
	var ids []int64
	if err := l.db.Select(&ids, query); err != nil {
		f.t.Fatal(err)
	}
	if len(ids) == 0 {
		return 0
	}
	return ids[f.rng.IntN(len(ids))]
}

// restart closes laptop i's database and opens it again.
func (f *fleet) restart(i int) {
	if err := f.ls[i].db.Close(); err != nil {
		f.t.Fatal(err)
	}
	f.ls[i] = f.open(i)
}

// open opens laptop i's board. Every other laptop takes the merge's
// shortcuts from the smallest batch on (a teammate's new rows logged as
// images among them), so they meet rotation, compaction and erasure too.
func (f *fleet) open(i int) *laptop {
	l := openLaptop(f.t, f.paths[i])
	if i%2 == 1 {
		l.s = NewService(changelog.WithShortcutsFrom(context.Background(), 1, 3), l.db)
	}
	return l
}

// copyFiles plays the sync service: it brings a share of laptop from's
// own files that to lacks into to's folder (whole files, in random order),
// and removes from to's folder the files of from's device that from
// deleted. It reports whether it changed anything.
func (f *fleet) copyFiles(from, to int, share float64) bool {
	dev := f.ls[from].self().id.ID.String()
	src := filepath.Join(f.folders[from], "devices", dev)
	dst := filepath.Join(f.folders[to], "devices", dev)
	have, err := os.ReadDir(src)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		f.t.Fatal(err)
	}
	changed := false
	names := map[string]bool{}
	for _, e := range have {
		if _, ok := teamfile.ParseName(e.Name()); !ok {
			continue // a temporary file being written
		}
		names[e.Name()] = true
		target := filepath.Join(dst, e.Name())
		if _, err := os.Stat(target); err == nil || f.rng.Float64() >= share {
			continue
		}
		b, err := os.ReadFile(filepath.Join(src, e.Name()))
		if err != nil {
			f.t.Fatal(err)
		}
		if err := os.MkdirAll(dst, 0o700); err != nil {
			f.t.Fatal(err)
		}
		if err := os.WriteFile(target, b, 0o600); err != nil {
			f.t.Fatal(err)
		}
		changed = true
	}
	old, _ := os.ReadDir(dst)
	for _, e := range old {
		if !names[e.Name()] {
			if err := os.Remove(filepath.Join(dst, e.Name())); err != nil {
				f.t.Fatal(err)
			}
			changed = true
		}
	}
	return changed
}

// check is what every run must end with.
func (f *fleet) check() {
	t := f.t
	sameBoards(t, f.ls...)
	epoch := f.ls[0].self().Epoch
	for i, l := range f.ls {
		if e := l.self().Epoch; e != epoch {
			t.Errorf("laptop %d is on key epoch %d, laptop 0 on %d", i, e, epoch)
		}
		for e := range l.keys() {
			if e != epoch {
				t.Errorf("laptop %d still holds the key of epoch %d (current %d)", i, e, epoch)
			}
		}
		for _, email := range f.erased {
			if n := l.count(fmt.Sprintf(`SELECT count(*) FROM change_fields WHERE value = '%s' COLLATE NOCASE`, email)); n != 0 {
				// An email may belong to a later member too.
				if m := l.count(fmt.Sprintf(`SELECT count(*) FROM members WHERE email = '%s' COLLATE NOCASE`, email)); m == 0 {
					var rows []string
					_ = l.db.Select(&rows, `SELECT c.tbl || c.row_key || ' ' || c.col || ' ' || c.device || ' forgotten=' || (SELECT count(*) FROM sync_forgotten f WHERE f.tbl = c.tbl AND f.row_key = c.row_key) || ' changes=' || (SELECT group_concat(col || ':' || coalesce(value, 'null'), ', ') FROM changes o WHERE o.tbl = c.tbl AND o.row_key = c.row_key AND o.col IN ('', 'email', 'name')) FROM change_fields c WHERE c.value = ? COLLATE NOCASE`, email)
					t.Errorf("laptop %d's change log still holds erased %s: %q", i, email, rows)
				}
			}
		}
		if st, err := l.s.Status(); err != nil || len(st.Problems) > 0 {
			t.Errorf("laptop %d's status: %v %q", i, err, st.Problems)
		}
	}
}
