package team

import (
	"slices"
	"testing"

	"soundingboard/backend/changelog"
)

// A snapshot's batches end between writes, never inside one: a row comes
// whole, as it does in a segment.
func TestSnapshotBatchesEndBetweenWrites(t *testing.T) {
	var cs []changelog.Change
	for hlc, fields := range []int{3, 1, 4, 2, 2} { // five writes
		for range fields {
			cs = append(cs, changelog.Change{HLC: int64(hlc), Device: "a"})
		}
	}
	cs = append(cs, changelog.Change{HLC: 4, Device: "b"}) // another device, same clock: another write
	for _, c := range []struct {
		n    int
		want []int
	}{
		{4, []int{4, 4, 4, 1}}, // each cut falls between writes
		{5, []int{8, 5}},       // the cut at 5 would split the third write: the batch takes all of it
		{13, []int{13}},
	} {
		var sizes []int
		total := 0
		for _, b := range writeBatches(cs, c.n) {
			sizes = append(sizes, len(b))
			total += len(b)
			if end := len(b); total < len(cs) && cs[total].HLC == b[end-1].HLC && cs[total].Device == b[end-1].Device {
				t.Errorf("n %d: a batch ends inside the write at clock %d", c.n, b[end-1].HLC)
			}
		}
		if total != len(cs) || !slices.Equal(sizes, c.want) {
			t.Errorf("n %d: batches of %v for %d changes; want %v", c.n, sizes, len(cs), c.want)
		}
	}
	if got := writeBatches(nil, 4); len(got) != 1 || len(got[0]) != 0 {
		t.Errorf("no changes: %v, want one empty batch", got)
	}
}
