package changelog

import (
	"context"
	"fmt"
	"strings"

	"github.com/jmoiron/sqlx"

	"soundingboard/backend/store"
)

// Dump is every replicated row of the board as text, table by table in
// key order, one line a row with each value SQL-quoted: two devices that
// have applied the same changes have the same dump.
func Dump(ctx context.Context, q store.Queryer) (string, error) {
	tables, err := store.ReplicatedTables(ctx, q)
	if err != nil {
		return "", err
	}
	var b strings.Builder
	for _, t := range tables {
		quoted := make([]string, len(t.Columns))
		for i, c := range t.Columns {
			quoted[i] = "quote(" + ident(c) + ")"
		}
		var rows []string
		err := sqlx.SelectContext(ctx, q, &rows, `SELECT `+strings.Join(quoted, ` || '|' || `)+` FROM `+ident(t.Name)+` ORDER BY `+t.KeyExpr(""))
		if err != nil {
			return "", fmt.Errorf("dump %s: %w", t.Name, err)
		}
		for _, r := range rows {
			b.WriteString(t.Name + " " + r + "\n")
		}
	}
	return b.String(), nil
}
