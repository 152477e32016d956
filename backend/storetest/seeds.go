package storetest

import (
	"os"
	"strconv"
	"testing"
	"time"
)

// Seeds returns the seeds a property test runs: n from the clock, or the
// one SB_SEED gives, to replay a failing run.
func Seeds(tb testing.TB, n int) []uint64 {
	tb.Helper()
	if s := os.Getenv("SB_SEED"); s != "" {
		v, err := strconv.ParseUint(s, 10, 64)
		if err != nil {
			tb.Fatalf("SB_SEED: %v", err)
		}
		return []uint64{v}
	}
	base := uint64(time.Now().UnixNano())
	out := make([]uint64, n)
	for i := range out {
		out[i] = base + uint64(i)
	}
	return out
}

// EachSeed runs fn as a subtest per seed (Seeds), and names the command
// that replays a failing one.
func EachSeed(t *testing.T, n int, replay string, fn func(t *testing.T, seed uint64)) {
	for _, seed := range Seeds(t, n) {
		t.Run(strconv.FormatUint(seed, 10), func(t *testing.T) {
			fn(t, seed)
			if t.Failed() {
				t.Logf("replay with: SB_SEED=%d %s", seed, replay)
			}
		})
	}
}
