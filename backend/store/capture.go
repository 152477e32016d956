package store

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"slices"
	"strings"

	"github.com/jmoiron/sqlx"
)

// Change capture for team sync. Every replicated table gets triggers that
// run inside the writing transaction, so a write and its change record
// commit together or not at all:
//
//   - with capture 1 (a board in a team), each inserted, updated or
//     deleted field becomes a row of changes, stamped with the device and
//     a fresh hybrid logical clock value;
//   - with capture 2 (changes from the team being applied), the row's key
//     goes to sync_touched, for the merge to compare with the log;
//   - always, a row of a table with an integer id must have taken its id
//     from NewID.
//
// The triggers are derived from the schema, so they are dropped before
// migrations run (migrations never write to the change log) and made
// again afterwards.

// triggerPrefix names every trigger this file makes, and no other.
const triggerPrefix = "sync_"

// localTables are kept by each device to itself.
var localTables = map[string]bool{
	"schema_migrations": true,
	"sync_self":         true,
	"changes":           true,
	"sync_touched":      true,
	"sync_waiting":      true,
	"team_self":         true,
	"team_keys":         true,
	"team_cursor":       true,
	"team_invites":      true,
	"team_held":         true,
	"sync_forgotten":    true,
}

// Table is a replicated table as the triggers and the merge see it.
type Table struct {
	Name    string
	Columns []string // every column, in schema order
	Key     []string // the primary key's columns, in key order
	sql     string
	intID   bool
}

// IntID reports whether the table's key is one integer id (a rowid), which
// new rows take from NewID.
func (t Table) IntID() bool { return t.intID }

// column is a row of pragma_table_info.
type column struct {
	Name string `db:"name"`
	Type string `db:"type"`
	PK   int    `db:"pk"`
}

// ReplicatedTables lists the tables team sync carries, in name order:
// every table except this device's own bookkeeping, full-text indexes and
// their shadow tables.
func ReplicatedTables(ctx context.Context, q Queryer) ([]Table, error) {
	var all []struct {
		Name string `db:"name"`
		SQL  string `db:"sql"`
	}
	err := sqlx.SelectContext(ctx, q, &all,
		`SELECT name, coalesce(sql, '') AS sql FROM sqlite_master
		 WHERE type = 'table' AND name NOT LIKE 'sqlite\_%' ESCAPE '\' ORDER BY name`)
	if err != nil {
		return nil, fmt.Errorf("list tables: %w", err)
	}
	var virtual []string
	for _, t := range all {
		if strings.HasPrefix(strings.ToUpper(t.SQL), "CREATE VIRTUAL") {
			virtual = append(virtual, t.Name)
		}
	}
	var out []Table
next:
	for _, t := range all {
		if localTables[t.Name] {
			continue
		}
		for _, v := range virtual {
			if t.Name == v || strings.HasPrefix(t.Name, v+"_") {
				continue next
			}
		}
		tab := Table{Name: t.Name, sql: t.SQL}
		var cols []column
		if err := sqlx.SelectContext(ctx, q, &cols, `SELECT name, type, pk FROM pragma_table_info(?) ORDER BY cid`, t.Name); err != nil {
			return nil, fmt.Errorf("columns of %s: %w", t.Name, err)
		}
		key := map[int]string{}
		for _, c := range cols {
			tab.Columns = append(tab.Columns, c.Name)
			if c.PK > 0 {
				key[c.PK] = c.Name
			}
		}
		for i := 1; i <= len(key); i++ {
			tab.Key = append(tab.Key, key[i])
		}
		tab.intID = len(tab.Key) == 1 && tab.Key[0] == "id" && slices.ContainsFunc(cols, func(c column) bool {
			return c.PK == 1 && strings.EqualFold(c.Type, "INTEGER")
		})
		if len(tab.Key) == 0 {
			return nil, fmt.Errorf("table %s has no primary key, so team sync cannot name its rows", t.Name)
		}
		out = append(out, tab)
	}
	return out, nil
}

// dropCapture removes every capture trigger.
func dropCapture(ctx context.Context, q Queryer) error {
	var names []string
	err := sqlx.SelectContext(ctx, q, &names,
		`SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE ? ESCAPE '\'`,
		strings.ReplaceAll(triggerPrefix, "_", `\_`)+"%")
	if err != nil {
		return fmt.Errorf("list capture triggers: %w", err)
	}
	for _, n := range names {
		if _, err := q.ExecContext(ctx, `DROP TRIGGER `+quoteIdent(n)); err != nil {
			return fmt.Errorf("drop trigger %s: %w", n, err)
		}
	}
	if len(names) == 0 {
		return nil
	}
	// Their fingerprint goes with them, so installCapture makes them again
	// even when a migration left the replicated tables as they were.
	if _, err := q.ExecContext(ctx, `UPDATE sync_self SET triggers = ''`); err != nil {
		return fmt.Errorf("forget the capture triggers' fingerprint: %w", err)
	}
	return nil
}

// installCapture makes the capture triggers for the current schema, unless
// those in place were made for it already.
func installCapture(ctx context.Context, db TxBeginner) error {
	return WithTx(ctx, db, func(tx *sqlx.Tx) error {
		tables, err := ReplicatedTables(ctx, tx)
		if err != nil {
			return err
		}
		h := sha256.New()
		h.Write([]byte(captureVersion))
		for _, t := range tables {
			h.Write([]byte(t.sql))
			h.Write([]byte{0})
		}
		sum := hex.EncodeToString(h.Sum(nil))
		var have string
		if err := tx.GetContext(ctx, &have, `SELECT triggers FROM sync_self`); err != nil {
			return fmt.Errorf("capture: %w", err)
		}
		if have == sum {
			return nil
		}
		if err := dropCapture(ctx, tx); err != nil {
			return err
		}
		for _, t := range tables {
			for _, stmt := range captureTriggers(t) {
				if _, err := tx.ExecContext(ctx, stmt); err != nil {
					return fmt.Errorf("capture trigger on %s: %w", t.Name, err)
				}
			}
		}
		_, err = tx.ExecContext(ctx, `UPDATE sync_self SET triggers = ?`, sum)
		return err
	})
}

// captureVersion changes whenever captureTriggers does, so the triggers of
// an older build are made again.
const captureVersion = "4"

// KeyExpr is the SQL of a row's key as changes.row_key holds it, for the
// row named by prefix ("NEW.", "OLD.", or "" inside a SELECT on the table).
func (t Table) KeyExpr(prefix string) string {
	parts := make([]string, len(t.Key))
	for i, k := range t.Key {
		parts[i] = prefix + quoteIdent(k)
	}
	return "json_array(" + strings.Join(parts, ", ") + ")"
}

// captureTriggers are the statements that make t's triggers.
func captureTriggers(t Table) []string {
	name := func(kind string) string { return quoteIdent(triggerPrefix + kind + "_" + t.Name) }
	tbl := quoteIdent(t.Name)
	lit := quoteString(t.Name)
	const (
		tick    = `UPDATE sync_self SET hlc = max(hlc + 1, CAST(unixepoch('subsec') * 1000 AS INTEGER) << 16) WHERE capture = 1;`
		logging = ` FROM sync_self WHERE capture = 1`
	)
	// Not INSERT OR IGNORE: inside a trigger, the conflict rule of the
	// statement that fired it (an upsert's ABORT) would replace IGNORE.
	touch := func(key string) string {
		return `INSERT INTO sync_touched (tbl, row_key) SELECT ` + lit + `, ` + key + ` FROM sync_self WHERE capture = 2
			AND NOT EXISTS (SELECT 1 FROM sync_touched WHERE tbl = ` + lit + ` AND row_key = ` + key + `);`
	}
	row := func(key, alive, cond string) string {
		return `SELECT hlc, device, ` + lit + `, ` + key + `, '', ` + alive + logging + cond
	}
	field := func(key, col, cond string) string {
		return `SELECT hlc, device, ` + lit + `, ` + key + `, ` + quoteString(col) + `, NEW.` + quoteIdent(col) + logging + cond
	}
	insertChanges := func(selects []string) string {
		return `INSERT INTO changes (hlc, device, tbl, row_key, col, value) ` + strings.Join(selects, " UNION ALL ") + `;`
	}
	newKey, oldKey := t.KeyExpr("NEW."), t.KeyExpr("OLD.")
	// One trigger per mode: the logging trigger's many selects are not
	// even looked at while a merge writes rows (capture 2), nor the touch
	// while the app writes (capture 1).
	logs := ` WHEN (SELECT capture FROM sync_self) = 1`
	touches := ` WHEN (SELECT capture FROM sync_self) = 2`

	ins := []string{row(newKey, "1", "")}
	for _, c := range t.Columns {
		ins = append(ins, field(newKey, c, ""))
	}
	moved := oldKey + ` IS NOT ` + newKey
	upd := []string{row(oldKey, "0", " AND "+moved), row(newKey, "1", " AND "+moved)}
	for _, c := range t.Columns {
		q := quoteIdent(c)
		upd = append(upd, field(newKey, c, ` AND (OLD.`+q+` IS NOT NEW.`+q+` COLLATE BINARY OR `+moved+`)`))
	}
	out := []string{
		`CREATE TRIGGER ` + name("i") + ` AFTER INSERT ON ` + tbl + logs + ` BEGIN ` + tick + insertChanges(ins) + ` END`,
		`CREATE TRIGGER ` + name("u") + ` AFTER UPDATE ON ` + tbl + logs + ` BEGIN ` + tick + insertChanges(upd) + ` END`,
		`CREATE TRIGGER ` + name("d") + ` AFTER DELETE ON ` + tbl + logs + ` BEGIN ` + tick + insertChanges([]string{row(oldKey, "0", "")}) + ` END`,
		`CREATE TRIGGER ` + name("ti") + ` AFTER INSERT ON ` + tbl + touches + ` BEGIN ` + touch(newKey) + ` END`,
		`CREATE TRIGGER ` + name("tu") + ` AFTER UPDATE ON ` + tbl + touches + ` BEGIN ` + touch(oldKey) + touch(newKey) + ` END`,
		`CREATE TRIGGER ` + name("td") + ` AFTER DELETE ON ` + tbl + touches + ` BEGIN ` + touch(oldKey) + ` END`,
	}
	if t.IntID() {
		out = append(out, `CREATE TRIGGER `+name("g")+` AFTER INSERT ON `+tbl+
			` WHEN (SELECT capture FROM sync_self) < 2 AND (NEW.id >= (SELECT next_id FROM sync_self) OR NEW.id < (SELECT id_base FROM sync_self))`+
			` BEGIN SELECT RAISE(ABORT, `+quoteString(t.Name+": a new row's id must come from store.NewID")+`); END`)
	}
	return out
}

func quoteIdent(s string) string  { return `"` + strings.ReplaceAll(s, `"`, `""`) + `"` }
func quoteString(s string) string { return `'` + strings.ReplaceAll(s, `'`, `''`) + `'` }
