//go:build unix

package team

import (
	"syscall"
	"time"
)

// cpuTime is the processor time this process has used so far, user and
// system: on a shared machine it says more about a benchmark's own work
// than the time on the clock.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
