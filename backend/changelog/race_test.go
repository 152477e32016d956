//go:build race

package changelog_test

// raceEnabled: under the race detector the property test runs fewer seeds.
const raceEnabled = true
