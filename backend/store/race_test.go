//go:build race

package store_test

// raceEnabled: under the race detector the tests that go through every
// earlier schema version take its first and last (see earlierVersions).
const raceEnabled = true
