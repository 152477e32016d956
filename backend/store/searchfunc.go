package store

import (
	"database/sql/driver"
	"fmt"

	"modernc.org/sqlite"

	"soundingboard/backend/searchtext"
)

// searchTextFunc is the SQL name of searchtext.Index.
const searchTextFunc = "sb_search_text"

// The search index's triggers (migration 0009) fold what they index with
// sb_search_text, so every writer of members (the app, imports, restores,
// tests) indexes the same way searchtext.Query searches. SQLite functions
// belong to the driver, so it is registered once for every connection
// this program opens; a tool without it (the sqlite3 shell) can read the
// file but not change members.
func init() {
	sqlite.MustRegisterDeterministicScalarFunction(searchTextFunc, 1, searchText)
}

// searchText is sb_search_text(x): x as the search index holds it, empty for NULL.
func searchText(_ *sqlite.FunctionContext, args []driver.Value) (driver.Value, error) {
	switch v := args[0].(type) {
	case nil:
		return "", nil
	case string:
		return searchtext.Index(v), nil
	case []byte:
		return searchtext.Index(string(v)), nil
	default:
		return searchtext.Index(fmt.Sprint(v)), nil
	}
}
