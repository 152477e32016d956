package store

// MigrateTo exposes migrateTo to the external tests.
var MigrateTo = migrateTo
