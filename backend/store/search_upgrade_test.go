package store_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/jmoiron/sqlx"

	"soundingboard/backend/searchtext"
	"soundingboard/backend/store"
	"soundingboard/backend/storetest"
)

// Upgrading to schema 9 rebuilds the search index of the members already
// there: names the old index could not find by a part of them now are.
func TestUpgradeRebuildsSearchIndex(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "soundingboard.db")
	storetest.CopyFile(t, fixturePath(8), path)
	queries := []struct{ q, want string }{
		{"雷", "李雷"},
		{"科技", "李雷"},
		{"mueller", "Jörg Müller"},
		{"ใจดี", "สมชาย ใจดี"},
		{"ข้าว", "สมชาย ใจดี"},
		{"alund", "Zoë Ålund"},
	}
	find := func(db sqlx.QueryerContext, q string) string {
		t.Helper()
		var names []string
		if err := sqlx.SelectContext(ctx, db, &names, `SELECT m.name FROM members_fts f JOIN members m ON m.id = f.rowid
			WHERE members_fts MATCH ?`, searchtext.Query(q, 16)); err != nil {
			t.Fatalf("search %q: %v", q, err)
		}
		if len(names) > 1 {
			t.Fatalf("search %q finds %q", q, names)
		}
		if len(names) == 0 {
			return ""
		}
		return names[0]
	}

	old, err := sqlx.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range queries[:5] {
		if got := find(old, c.q); got != "" {
			t.Errorf("before the upgrade %q already finds %q; the fixture proves nothing", c.q, got)
		}
	}
	old.Close()

	db, err := store.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, c := range queries {
		if got := find(db, c.q); got != c.want {
			t.Errorf("after the upgrade %q finds %q, want %q", c.q, got, c.want)
		}
	}
	// New writes go through the new triggers.
	if _, err := db.Exec(`UPDATE members SET name = '韩梅梅' WHERE id = 4`); err != nil {
		t.Fatal(err)
	}
	if got := find(db, "梅"); got != "韩梅梅" {
		t.Errorf("after a rename, 梅 finds %q", got)
	}
	// A renamed tag is found in its new script on every member it tags.
	if _, err := db.Exec(`UPDATE tags SET name = '设计' WHERE name = 'design'`); err != nil {
		t.Fatal(err)
	}
	var n int
	if err := db.Get(&n, `SELECT count(*) FROM members_fts WHERE members_fts MATCH ?`, searchtext.Query("设", 16)); err != nil || n != 2 {
		t.Errorf("after renaming the tag, 设 finds %d members (%v), want 2", n, err)
	}
}
