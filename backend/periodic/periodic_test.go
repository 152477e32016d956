package periodic

import (
	"bytes"
	"context"
	"errors"
	"log"
	"strings"
	"testing"
	"time"
)

func TestRunLogsAFailureOnceUntilItPasses(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	var logs bytes.Buffer
	calls := 0
	results := []error{errors.New("disk full"), errors.New("disk full"), nil, errors.New("folder missing")}
	done := make(chan struct{})
	go func() {
		Run(ctx, time.Millisecond, log.New(&logs, "", 0), func() error {
			calls++
			if calls == len(results) {
				cancel()
			}
			return results[min(calls, len(results))-1]
		})
		close(done)
	}()
	<-done
	got := strings.Split(strings.TrimSpace(logs.String()), "\n")
	if calls != len(results) || len(got) != 1 || !strings.HasPrefix(got[0], "disk full (retrying every 1ms)") {
		t.Errorf("calls %d, logged %q", calls, got)
	}
}
