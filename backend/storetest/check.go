package storetest

import (
	"regexp"
	"slices"
	"testing"

	"soundingboard/backend/store"
)

var quoted = regexp.MustCompile(`'([^']*)'`)

// WantCheckIn fails tb unless the schema's CHECK (column IN (…)) of table
// allows exactly the values of want (in any order), read from the table's
// CREATE statement: a Go list of codes is held against the constraint it
// stands for.
func WantCheckIn(tb testing.TB, db *store.DB, table, column string, want []string) {
	tb.Helper()
	var schema string
	if err := db.Get(&schema, `SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?`, table); err != nil {
		tb.Fatalf("schema of %s: %v", table, err)
	}
	m := regexp.MustCompile(`\b` + regexp.QuoteMeta(column) + `\s+IN\s*\(([^)]*)\)`).FindStringSubmatch(schema)
	if m == nil {
		tb.Fatalf("%s.%s has no CHECK (%s IN (…))", table, column, column)
	}
	var got []string
	for _, q := range quoted.FindAllStringSubmatch(m[1], -1) {
		got = append(got, q[1])
	}
	g, w := slices.Sorted(slices.Values(got)), slices.Sorted(slices.Values(want))
	if !slices.Equal(g, w) {
		tb.Errorf("CHECK of %s.%s allows %q, the Go list has %q", table, column, g, w)
	}
}
