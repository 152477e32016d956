package teamfile

import (
	"encoding/binary"
	"errors"
	"fmt"
)

// errShort is a blob that ends before its last field.
var errShort = errors.New("missing bytes")

// fields reads a blob made of fixed-size and length-prefixed fields, keeping
// the first error so that a run of reads is checked once at the end.
type fields struct {
	b   []byte
	err error
}

// next takes the next n bytes.
func (f *fields) next(n int) []byte {
	if f.err != nil {
		return nil
	}
	if len(f.b) < n {
		f.err = errShort
		return nil
	}
	v := f.b[:n:n]
	f.b = f.b[n:]
	return v
}

// string takes a big-endian uint16 length, then that many bytes.
func (f *fields) string() string {
	n := f.next(2)
	if n == nil {
		return ""
	}
	return string(f.next(int(binary.BigEndian.Uint16(n))))
}

// end reports the first error, or bytes left over.
func (f *fields) end() error {
	if f.err == nil && len(f.b) > 0 {
		return fmt.Errorf("%d trailing bytes", len(f.b))
	}
	return f.err
}

// appendString appends what fields.string reads. Callers keep s under
// 64 KiB (names and keys are far shorter).
func appendString(b []byte, s string) []byte {
	b = binary.BigEndian.AppendUint16(b, uint16(len(s)))
	return append(b, s...)
}
