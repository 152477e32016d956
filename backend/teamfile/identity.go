package teamfile

import (
	"bytes"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"unicode/utf8"

	"filippo.io/age"
)

// DeviceID names one device of a team: 128 random bits, so laptops that
// never met cannot pick the same one. Its text form, 32 lower-case hex
// digits, is the name of the device's folder.
type DeviceID [16]byte

// String is the text form: 32 lower-case hex digits.
func (d DeviceID) String() string { return hex.EncodeToString(d[:]) }

// ParseDeviceID reads the text form. Only lower-case is accepted, so one
// device has exactly one folder name.
func ParseDeviceID(s string) (DeviceID, error) {
	var d DeviceID
	b, err := hex.DecodeString(s)
	if err != nil || len(b) != len(d) || hex.EncodeToString(b) != s {
		return DeviceID{}, fmt.Errorf("teamfile: device id %q: want 32 lower-case hex digits", s)
	}
	copy(d[:], b)
	return d, nil
}

// MaxName is the longest device name, in bytes: a label, not a document.
const MaxName = 200

// Device is what the team knows of one of its devices: public keys only.
// It is published in the device's "device" file and kept by every other.
type Device struct {
	ID DeviceID
	// SignKey checks the signature of every file the device writes.
	SignKey ed25519.PublicKey
	// Recipient is the device's age X25519 recipient ("age1…"), for which
	// the team's data keys are wrapped.
	Recipient string
	// Name is a label for teammates ("Ana's laptop"). The device file is
	// not encrypted (it is read before the device has the data key), so
	// anyone with the folder can read it: keep it a label.
	Name string
}

// Identity is this device's private side: the keys that sign its files and
// unwrap the team's data keys. The app keeps it (MarshalBinary) in its own
// database, never in the folder.
type Identity struct {
	ID   DeviceID
	Name string // see Device.Name
	sign ed25519.PrivateKey
	age  *age.X25519Identity
}

// NewIdentity makes a new device: a fresh id and fresh keys. A laptop
// restored from a backup makes a new one too, so that its sequence numbers
// are never reused under the old id.
func NewIdentity() (*Identity, error) {
	id := &Identity{}
	_, _ = rand.Read(id.ID[:]) // never fails: it crashes instead (Go 1.24)
	_, sign, err := ed25519.GenerateKey(nil)
	if err != nil {
		return nil, fmt.Errorf("teamfile: signing key: %w", err)
	}
	a, err := age.GenerateX25519Identity()
	if err != nil {
		return nil, fmt.Errorf("teamfile: age identity: %w", err)
	}
	id.sign, id.age = sign, a
	return id, nil
}

// errNoKeys is an Identity that NewIdentity or UnmarshalBinary did not make.
var errNoKeys = errors.New("teamfile: identity: no keys (make one with NewIdentity)")

// hasKeys reports whether the identity can sign and unwrap.
func (id *Identity) hasKeys() bool { return id != nil && id.sign != nil && id.age != nil }

// Device is the public side of the identity, for the device file and for
// teammates' Trust. An identity without keys gives a device without keys.
func (id *Identity) Device() Device {
	if !id.hasKeys() {
		return Device{}
	}
	return Device{
		ID:        id.ID,
		SignKey:   id.sign.Public().(ed25519.PublicKey),
		Recipient: id.age.Recipient().String(),
		Name:      id.Name,
	}
}

// identityMagic opens a marshalled Identity, so another blob is not taken
// for one; the byte after it is its version.
const identityMagic = "SBid"

// MarshalBinary encodes the identity, private keys included:
// "SBid", version 1, id (16), ed25519 seed (32), age secret key and name
// (each a big-endian uint16 length then the bytes).
func (id *Identity) MarshalBinary() ([]byte, error) {
	if !id.hasKeys() {
		return nil, errNoKeys
	}
	if err := checkName(id.Name); err != nil {
		return nil, err
	}
	b := append([]byte(identityMagic), 1)
	b = append(b, id.ID[:]...)
	b = append(b, id.sign.Seed()...)
	b = appendString(b, id.age.String())
	return appendString(b, id.Name), nil
}

// UnmarshalBinary reads what MarshalBinary wrote, refusing anything more
// or less.
func (id *Identity) UnmarshalBinary(b []byte) error {
	f := fields{b: b}
	if head := f.next(len(identityMagic) + 1); f.err == nil && !bytes.Equal(head, append([]byte(identityMagic), 1)) {
		return errors.New("teamfile: identity: not an identity of version 1")
	}
	devID, seed, secret, name := f.next(len(id.ID)), f.next(ed25519.SeedSize), f.string(), f.string()
	if err := f.end(); err != nil {
		return fmt.Errorf("teamfile: identity: %w", err)
	}
	a, err := age.ParseX25519Identity(secret)
	if err != nil {
		return fmt.Errorf("teamfile: identity: age key: %w", err)
	}
	if err := checkName(name); err != nil {
		return err
	}
	*id = Identity{Name: name, sign: ed25519.NewKeyFromSeed(seed), age: a}
	copy(id.ID[:], devID)
	return nil
}

// MarshalBinary encodes the device, the body of its "device" file: id
// (16), ed25519 public key (32), recipient and name (each a big-endian
// uint16 length then the bytes).
func (d Device) MarshalBinary() ([]byte, error) {
	if err := d.check(); err != nil {
		return nil, err
	}
	b := append(d.ID[:len(d.ID):len(d.ID)], d.SignKey...)
	b = appendString(b, d.Recipient)
	return appendString(b, d.Name), nil
}

// ParseDevice reads a device file's body, refusing a key that is not one.
func ParseDevice(b []byte) (Device, error) {
	var d Device
	f := fields{b: b}
	devID, key := f.next(len(d.ID)), f.next(ed25519.PublicKeySize)
	d.Recipient, d.Name = f.string(), f.string()
	if err := f.end(); err != nil {
		return Device{}, fmt.Errorf("teamfile: device: %w", err)
	}
	copy(d.ID[:], devID)
	d.SignKey = bytes.Clone(key)
	if err := d.check(); err != nil {
		return Device{}, err
	}
	return d, nil
}

// check refuses a device whose keys cannot be used, naming the field.
func (d Device) check() error {
	if len(d.SignKey) != ed25519.PublicKeySize {
		return fmt.Errorf("teamfile: device %s: sign key: want %d bytes, got %d", d.ID, ed25519.PublicKeySize, len(d.SignKey))
	}
	if _, err := age.ParseX25519Recipient(d.Recipient); err != nil {
		return fmt.Errorf("teamfile: device %s: recipient: %w", d.ID, err)
	}
	return checkName(d.Name)
}

// checkName keeps a device name short and readable.
func checkName(name string) error {
	if len(name) > MaxName || !utf8.ValidString(name) {
		return fmt.Errorf("teamfile: name: want valid UTF-8 of at most %d bytes", MaxName)
	}
	return nil
}
