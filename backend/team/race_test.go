//go:build race

package team

// raceEnabled: under the race detector the property test runs one seed.
const raceEnabled = true
