package teamfile

import (
	"crypto/ed25519"
	"encoding/binary"
	"errors"
)

// A device vouches for its successor: a laptop restored from a backup goes
// on under a new identity (its old one's sequence numbers and ids are taken
// by files and rows its teammates may already hold), and proves with the
// old identity's signing key that the new device is its own. Teammates who
// trust the old device then trust the new one.

// vouchDomain keeps a vouch from being taken for any other signature.
const vouchDomain = "SBvouch1"

// ErrBadVouch is a vouch that the voucher's key did not sign.
var ErrBadVouch = errors.New("teamfile: the vouch is not signed by the vouching device")

// Vouch signs that the device d, with the id range slot, succeeds id.
func (id *Identity) Vouch(d Device, slot int64) ([]byte, error) {
	if !id.hasKeys() {
		return nil, errNoKeys
	}
	msg, err := vouchMessage(id.ID, d, slot)
	if err != nil {
		return nil, err
	}
	return ed25519.Sign(id.sign, msg), nil
}

// CheckVouch checks that by signed sig as its vouch for d with slot.
func CheckVouch(by, d Device, slot int64, sig []byte) error {
	msg, err := vouchMessage(by.ID, d, slot)
	if err != nil {
		return err
	}
	if len(by.SignKey) != ed25519.PublicKeySize || !ed25519.Verify(by.SignKey, msg, sig) {
		return ErrBadVouch
	}
	return nil
}

// vouchMessage is what a vouch signs: the domain, the voucher's id, the
// successor's whole device record (id, keys, name) and its slot.
func vouchMessage(by DeviceID, d Device, slot int64) ([]byte, error) {
	dev, err := d.MarshalBinary()
	if err != nil {
		return nil, err
	}
	msg := append([]byte(vouchDomain), by[:]...)
	msg = binary.BigEndian.AppendUint64(msg, uint64(slot))
	return append(msg, dev...), nil
}
