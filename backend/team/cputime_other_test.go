//go:build !unix

package team

import "time"

// cpuTime is not measured here; the benchmarks then report only the time
// on the clock.
func cpuTime() time.Duration { return 0 }
