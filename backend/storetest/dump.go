package storetest

import (
	"context"
	"strings"
	"testing"

	"soundingboard/backend/store"
)

// Dump is every replicated table's rows, in key order, as text: two
// boards of one team that synced each other's changes dump the same.
func Dump(tb testing.TB, db *store.DB) string {
	tb.Helper()
	tables, err := store.ReplicatedTables(context.Background(), db)
	if err != nil {
		tb.Fatal(err)
	}
	var b strings.Builder
	for _, tab := range tables {
		var rows []string
		cols := `quote("` + strings.Join(tab.Columns, `"), quote("`) + `")`
		err := db.Select(&rows, `SELECT `+strings.ReplaceAll(cols, ", ", ` || '|' || `)+` FROM "`+tab.Name+`" ORDER BY `+tab.KeyExpr(""))
		if err != nil {
			tb.Fatalf("dump %s: %v", tab.Name, err)
		}
		for _, row := range rows {
			b.WriteString(tab.Name + " " + row + "\n")
		}
	}
	return b.String()
}
