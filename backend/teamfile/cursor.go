package teamfile

import "fmt"

// Stream is one device's files of one kind, numbered 1, 2, 3…
type Stream struct {
	Device DeviceID
	Kind   Kind
}

// Cursor holds, per stream, the seq of the last file applied (0: none).
// A file's seq is under its signature, so with the cursor a reader refuses
// a file replayed into the folder (an old copy restored by the sync
// service's history, say) and notices one that has not arrived. The app
// keeps it in its database, updated in the same transaction that applies a
// file.
type Cursor map[Stream]uint64

// Check says whether the file with header h is the next of its stream: nil
// when it is; ErrReplay when its seq was applied already; ErrGap when an
// earlier file is missing (hold it until that one is applied).
func (c Cursor) Check(h Header) error {
	last := c[Stream{h.Device, h.Kind}]
	switch {
	case h.Seq <= last:
		return fmt.Errorf("%w: %s of %s seq %d, up to %d applied", ErrReplay, h.Kind, h.Device, h.Seq, last)
	case h.Seq > last+1:
		return fmt.Errorf("%w: %s of %s seq %d, only up to %d applied", ErrGap, h.Kind, h.Device, h.Seq, last)
	}
	return nil
}

// Mark records that the file with header h was applied. The cursor never
// goes back, so marking an older file changes nothing.
func (c Cursor) Mark(h Header) {
	s := Stream{h.Device, h.Kind}
	c[s] = max(c[s], h.Seq)
}
