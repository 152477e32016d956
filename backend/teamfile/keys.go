package teamfile

import (
	"bytes"
	"crypto/rand"
	"encoding/binary"
	"errors"
	"fmt"
	"io"

	"filippo.io/age"
)

// ErrNotRecipient is a wrapped key that was not wrapped for this device:
// the device was removed from the team before that epoch, or joined after
// the keys file was written (another one will carry the key for it).
var ErrNotRecipient = errors.New("teamfile: the key is not wrapped for this device")

// NewDataKey makes a team data key: 32 random bytes. Each epoch has its
// own; a new epoch starts when a device leaves or a person is erased.
func NewDataKey() []byte {
	k := make([]byte, KeySize)
	_, _ = rand.Read(k) // never fails: it crashes instead (Go 1.24)
	return k
}

// wrappedSize is the plaintext inside a wrapped key: epoch, then key.
const wrappedSize = 4 + KeySize

// WrapKey encrypts the data key of an epoch with age for the devices
// given, the body of a "keys" file. The epoch is inside the encryption, so
// a wrapped key cannot be passed off as another epoch's. Only those devices
// can unwrap it: leave out a removed one.
func WrapKey(key []byte, epoch uint32, recipients []Device) ([]byte, error) {
	if len(key) != KeySize {
		return nil, fmt.Errorf("teamfile: wrap: key: want %d bytes, got %d", KeySize, len(key))
	}
	if epoch == 0 {
		return nil, errors.New("teamfile: wrap: epoch: must be 1 or more")
	}
	if len(recipients) == 0 {
		return nil, errors.New("teamfile: wrap: recipients: at least one device")
	}
	rs := make([]age.Recipient, len(recipients))
	for i, d := range recipients {
		r, err := age.ParseX25519Recipient(d.Recipient)
		if err != nil {
			return nil, fmt.Errorf("teamfile: wrap: recipient of device %s: %w", d.ID, err)
		}
		rs[i] = r
	}
	var out bytes.Buffer
	w, err := age.Encrypt(&out, rs...)
	if err != nil {
		return nil, fmt.Errorf("teamfile: wrap: %w", err)
	}
	plain := binary.BigEndian.AppendUint32(make([]byte, 0, wrappedSize), epoch)
	if _, err := w.Write(append(plain, key...)); err != nil {
		return nil, fmt.Errorf("teamfile: wrap: %w", err)
	}
	if err := w.Close(); err != nil {
		return nil, fmt.Errorf("teamfile: wrap: %w", err)
	}
	return out.Bytes(), nil
}

// UnwrapKey gives the epoch and data key that WrapKey wrapped, with this
// device's identity; ErrNotRecipient when it was not wrapped for it.
// Check the keys file with Open first: age proves nobody changed the key,
// the file's signature proves which device wrote it.
func UnwrapKey(wrapped []byte, id *Identity) (uint32, []byte, error) {
	if !id.hasKeys() {
		return 0, nil, errNoKeys
	}
	r, err := age.Decrypt(bytes.NewReader(wrapped), id.age)
	var noMatch *age.NoIdentityMatchError
	if errors.As(err, &noMatch) {
		return 0, nil, ErrNotRecipient
	}
	if err != nil {
		return 0, nil, fmt.Errorf("teamfile: unwrap: %w", err)
	}
	plain, err := io.ReadAll(io.LimitReader(r, wrappedSize+1))
	if err != nil {
		return 0, nil, fmt.Errorf("teamfile: unwrap: %w", err)
	}
	if len(plain) != wrappedSize {
		return 0, nil, fmt.Errorf("teamfile: unwrap: %d bytes, want %d", len(plain), wrappedSize)
	}
	epoch := binary.BigEndian.Uint32(plain)
	if epoch == 0 {
		return 0, nil, errors.New("teamfile: unwrap: epoch 0")
	}
	return epoch, plain[4:], nil
}
