// Package periodic runs the app's background chores (the daily backup, the
// team's sync pass) while the window or `serve` is open.
package periodic

import (
	"context"
	"log"
	"time"
)

// Run calls fn now and then every interval until ctx ends. A failure is
// logged once, not at every try, until fn succeeds again: a chore that
// fails must neither stop the app nor flood its log.
func Run(ctx context.Context, interval time.Duration, logger *log.Logger, fn func() error) {
	failing := false
	tick := time.NewTicker(interval)
	defer tick.Stop()
	for {
		err := fn()
		switch {
		case err != nil && ctx.Err() == nil && !failing:
			logger.Printf("%v (retrying every %s)", err, interval)
			failing = true
		case err == nil:
			failing = false
		}
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		}
	}
}
