//go:build race

package cli

// raceEnabled: the race detector slows the killed child tenfold, so the
// crash tests scale down unless told otherwise.
const raceEnabled = true
