package team

import (
	"bytes"
	"compress/gzip"
	"encoding/gob"
	"fmt"
	"io"

	"soundingboard/backend/changelog"
	"soundingboard/backend/teamfile"
)

// segmentChanges is how many changes one segment file carries, and then
// the rest of its last row write (changelog.Pending); a board brought into
// a team is written out in several.
const segmentChanges = 50_000

// encodeChanges is a segment's body: the changes, gob-encoded (values keep
// their SQLite type: nil, int64, float64, string or []byte), then gzip.
func encodeChanges(cs []changelog.Change) ([]byte, error) {
	var b bytes.Buffer
	z := gzip.NewWriter(&b)
	if err := gob.NewEncoder(z).Encode(cs); err != nil {
		return nil, fmt.Errorf("encode changes: %w", err)
	}
	if err := z.Close(); err != nil {
		return nil, fmt.Errorf("encode changes: %w", err)
	}
	return b.Bytes(), nil
}

// decodeChanges reads a segment's body. The file was signed by a trusted
// device and decrypted with the team's key, but its body is still held to
// the limits of the format.
func decodeChanges(body []byte) ([]changelog.Change, error) {
	z, err := gzip.NewReader(bytes.NewReader(body))
	if err != nil {
		return nil, fmt.Errorf("segment body: %w", err)
	}
	var cs []changelog.Change
	if err := gob.NewDecoder(io.LimitReader(z, teamfile.MaxBody)).Decode(&cs); err != nil {
		return nil, fmt.Errorf("segment body: %w", err)
	}
	for _, c := range cs {
		switch c.Value.(type) {
		case nil, int64, float64, string, []byte:
		default:
			return nil, fmt.Errorf("segment body: a value of type %T", c.Value)
		}
	}
	return cs, nil
}
