package teamfile

import (
	"fmt"
	"math"
	"path/filepath"
	"strconv"
	"strings"
)

// Kind is what a file carries. Each device numbers its files of one kind
// 1, 2, 3…, so readers can tell a replay or a gap per kind.
type Kind uint8

// The kinds of file. Their numbers are part of the format: never reuse one.
const (
	// KindDevice publishes a device's public keys (its Device). Signed but
	// not encrypted: teammates read it before they trust the device, and
	// the device reads it before it has any data key.
	KindDevice Kind = 1
	// KindKeys carries a data key wrapped with age for each device of the
	// team (see WrapKey). Signed; not encrypted again with a data key, as
	// age already encrypts it for each recipient.
	KindKeys Kind = 2
	// KindSegment carries a run of changes to the board. Encrypted.
	KindSegment Kind = 3
	// KindSnapshot carries a device's compacted state. Encrypted.
	KindSnapshot Kind = 4
	// KindInvite carries an invitation to the team, encrypted by the team
	// layer with a key derived from the invite code (not a data key: the
	// invited device has none yet). Signed by the inviting device.
	KindInvite Kind = 5
	// KindJoin is a new device's answer to an invitation: it proves that
	// the device holds the code. Signed by the new device.
	KindJoin Kind = 6
)

// kindNames are the kinds' names in file names.
var kindNames = map[Kind]string{
	KindDevice:   "device",
	KindKeys:     "keys",
	KindSegment:  "segment",
	KindSnapshot: "snapshot",
	KindInvite:   "invite",
	KindJoin:     "join",
}

// String is the kind's name, as it stands in file names.
func (k Kind) String() string {
	if n, ok := kindNames[k]; ok {
		return n
	}
	return "kind" + strconv.Itoa(int(k))
}

// known reports whether this version of the format has the kind; a newer
// app may write kinds an older one does not know.
func (k Kind) known() bool { _, ok := kindNames[k]; return ok }

// Encrypted reports whether files of the kind are encrypted with the
// team's data key (and so have an epoch, 1 or more).
func (k Kind) Encrypted() bool { return k == KindSegment || k == KindSnapshot }

// Header is what a file says about itself, all of it under the signature
// and, for encrypted kinds, bound into the encryption as additional data.
type Header struct {
	Kind   Kind
	Device DeviceID // the device that wrote the file
	// Epoch is the data key's epoch, 1 or more, for encrypted kinds; 0 for
	// the others.
	Epoch uint32
	// Seq numbers the device's files of this kind, from 1, with no gaps.
	Seq uint64
	// Schema is the app's schema version that wrote the file, 1 or more;
	// an older app holds a file from a newer one until it is updated.
	Schema int
}

// check refuses a header that breaks the format, naming the field.
func (h Header) check() error {
	switch {
	case !h.Kind.known():
		return fmt.Errorf("kind: unknown kind %d", h.Kind)
	case h.Kind.Encrypted() && h.Epoch == 0:
		return fmt.Errorf("epoch: a %s file needs a data key epoch of 1 or more", h.Kind)
	case !h.Kind.Encrypted() && h.Epoch != 0:
		return fmt.Errorf("epoch: a %s file is not encrypted with a data key, so its epoch is 0, not %d", h.Kind, h.Epoch)
	case h.Seq == 0:
		return fmt.Errorf("seq: must be 1 or more")
	case h.Schema < 1 || int64(h.Schema) > math.MaxUint32:
		return fmt.Errorf("schema: must be from 1 to %d, not %d", uint32(math.MaxUint32), h.Schema)
	}
	return nil
}

// Suffix ends the name of every file of the format; other names in the
// folder (a sync service's or a writer's temporary files) are not files of
// the team.
const Suffix = ".sb"

// devicesDir is the folder, inside the team's folder, that holds one folder
// per device.
const devicesDir = "devices"

// Name is the file's name, <kind>-<epoch>-<seq>.sb, in decimal: the header
// is repeated in the name so a reader can list what it has without opening
// files, and Open refuses a file whose name says otherwise.
func (h Header) Name() string {
	return fmt.Sprintf("%s-%d-%d%s", h.Kind, h.Epoch, h.Seq, Suffix)
}

// Dir is the folder of the device's files inside the team's folder.
func Dir(folder string, device DeviceID) string {
	return filepath.Join(folder, devicesDir, device.String())
}

// ParseName reads a file name that Name wrote (the Device is left zero; it
// is the folder's name). ok is false for any other name, which the reader
// passes over.
func ParseName(name string) (h Header, ok bool) {
	rest, found := strings.CutSuffix(name, Suffix)
	parts := strings.Split(rest, "-")
	if !found || len(parts) != 3 {
		return Header{}, false
	}
	for k, n := range kindNames {
		if n == parts[0] {
			h.Kind = k
		}
	}
	epoch, err1 := strconv.ParseUint(parts[1], 10, 32)
	seq, err2 := strconv.ParseUint(parts[2], 10, 64)
	h.Epoch, h.Seq = uint32(epoch), seq
	if h.Kind == 0 || err1 != nil || err2 != nil || h.Name() != name {
		return Header{}, false
	}
	return h, true
}
