package changelog

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/jmoiron/sqlx"

	"soundingboard/backend/store"
)

// The merge has a rule for every UNIQUE index and every reference the
// schema has: a migration that adds one without a rule fails here.
func TestEveryUniqueIndexAndReferenceHasAMergeRule(t *testing.T) {
	ctx := context.Background()
	db, err := store.Open(ctx, filepath.Join(t.TempDir(), "board.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	tables, err := store.ReplicatedTables(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	indexes := map[string]string{} // unique index → its table
	for _, tab := range tables {
		var names []string
		err := db.Select(&names, `SELECT name FROM pragma_index_list(?) WHERE "unique" = 1 AND origin <> 'pk'`, tab.Name)
		if err != nil {
			t.Fatal(err)
		}
		for _, n := range names {
			indexes[n] = tab.Name
		}

		var onDelete []struct {
			Parent   string `db:"table"`
			From     string `db:"from"`
			OnDelete string `db:"on_delete"`
		}
		if err := db.Select(&onDelete, `SELECT "table", "from", on_delete FROM pragma_foreign_key_list(?)`, tab.Name); err != nil {
			t.Fatal(err)
		}
		for _, fk := range onDelete {
			switch fk.OnDelete {
			case "CASCADE", "SET NULL", "RESTRICT":
			default:
				t.Errorf("%s.%s → %s is ON DELETE %s; the merge settles only CASCADE, SET NULL and RESTRICT",
					tab.Name, fk.From, fk.Parent, fk.OnDelete)
			}
		}
	}
	if len(indexes) == 0 {
		t.Fatal("found no UNIQUE index at all")
	}
	for name, table := range indexes {
		rule, ok := uniqueRules[name]
		switch {
		case !ok:
			t.Errorf("UNIQUE index %s on %s has no entry in uniqueRules", name, table)
		case rule.table != table:
			t.Errorf("uniqueRules[%s] is for %s, the index is on %s", name, rule.table, table)
		}
	}
	cols := map[string][]string{}
	for _, tab := range tables {
		cols[tab.Name] = tab.Columns
	}
	for name, rule := range uniqueRules {
		if _, ok := indexes[name]; !ok {
			t.Errorf("uniqueRules names %s, which is no UNIQUE index of the schema", name)
			continue
		}
		// The rule's query runs, with every column bound.
		params := map[string]any{}
		for _, c := range cols[rule.table] {
			params[c] = nil
		}
		q, args, err := sqlx.Named(`SELECT count(*) FROM `+ident(rule.table)+` WHERE `+rule.where, params)
		if err == nil {
			var n int
			err = db.Get(&n, q, args...)
		}
		if err != nil {
			t.Errorf("uniqueRules[%s]: %v", name, err)
		}
	}
}
