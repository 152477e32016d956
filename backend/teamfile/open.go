package teamfile

import (
	"crypto/ed25519"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"golang.org/x/crypto/chacha20poly1305"
)

// Trust is what this device knows of the team's devices: whose signatures
// it accepts.
type Trust struct {
	Devices map[DeviceID]Device
	// Removed are devices that left the team: their files are refused even
	// when Devices still has them.
	Removed map[DeviceID]bool
}

// signKey is the key that checks the device's files.
func (t Trust) signKey(id DeviceID) (ed25519.PublicKey, error) {
	if t.Removed[id] {
		return nil, fmt.Errorf("%w: %s", ErrRemovedDevice, id)
	}
	d, ok := t.Devices[id]
	if !ok || len(d.SignKey) != ed25519.PublicKeySize {
		return nil, fmt.Errorf("%w: %s", ErrUnknownDevice, id)
	}
	return d.SignKey, nil
}

// Keys are the team's data keys this device has, by epoch.
type Keys map[uint32][]byte

// Open reads, checks and decrypts the file at path (a path Write gave, in
// <folder>/devices/<device>/), written by a device of trust. schema is the
// newest schema version this app understands. It gives the header and the
// body, or a *FileError wrapping the Reason the file cannot be used now
// (see ActionOf). It does not check the seq against what was applied:
// Cursor.Check does.
func Open(path string, trust Trust, keys Keys, schema int) (Header, []byte, error) {
	h, body, err := open(path, trust, keys, schema)
	if err != nil {
		return Header{}, nil, &FileError{Path: path, Err: err}
	}
	return h, body, nil
}

// open is Open without the path in its errors.
func open(path string, trust Trust, keys Keys, schema int) (Header, []byte, error) {
	s, err := readSealed(path)
	if err != nil {
		return Header{}, nil, err
	}
	// The folder says whose file it is: a header naming another device is
	// a file moved (or changed) out of that device's folder, whoever that is.
	if dir := filepath.Base(filepath.Dir(path)); dir != s.h.Device.String() {
		return Header{}, nil, fmt.Errorf("%w: in the folder of %s, its header names %s", ErrMoved, dir, s.h.Device)
	}
	key, err := trust.signKey(s.h.Device)
	if err != nil {
		return Header{}, nil, err
	}
	if err := s.verify(path, key, schema); err != nil {
		return Header{}, nil, err
	}
	if s.h.Epoch == 0 {
		return s.h, s.payload, nil
	}
	dataKey, ok := keys[s.h.Epoch]
	if !ok {
		return Header{}, nil, fmt.Errorf("%w: epoch %d", ErrUnknownEpoch, s.h.Epoch)
	}
	aead, err := chacha20poly1305.NewX(dataKey)
	if err != nil {
		return Header{}, nil, fmt.Errorf("data key of epoch %d: %w", s.h.Epoch, err)
	}
	body, err := aead.Open(s.payload[:0], s.nonce, s.payload, s.signed[:headerSize])
	if err != nil {
		return Header{}, nil, fmt.Errorf("%w: it does not decrypt with the key of epoch %d", ErrTampered, s.h.Epoch)
	}
	return s.h, body, nil
}

// OpenDevice reads a device file from a device that may not be trusted
// yet, checking it against the keys it carries: the file proves that its
// writer holds the signing key, not that the team should trust it (an
// invite decides that). Use Open for the device files of trusted devices.
func OpenDevice(path string, schema int) (Header, Device, error) {
	h, d, err := openDevice(path, schema)
	if err != nil {
		return Header{}, Device{}, &FileError{Path: path, Err: err}
	}
	return h, d, nil
}

// openDevice is OpenDevice without the path in its errors.
func openDevice(path string, schema int) (Header, Device, error) {
	s, err := readSealed(path)
	if err != nil {
		return Header{}, Device{}, err
	}
	if s.h.Kind != KindDevice {
		return Header{}, Device{}, fmt.Errorf("a %s file, not a device file", s.h.Kind)
	}
	d, err := ParseDevice(s.payload)
	if err != nil {
		return Header{}, Device{}, fmt.Errorf("%w: %w", ErrTampered, err)
	}
	if d.ID != s.h.Device {
		return Header{}, Device{}, fmt.Errorf("%w: the header names device %s, the body %s", ErrTampered, s.h.Device, d.ID)
	}
	if err := s.verify(path, d.SignKey, schema); err != nil {
		return Header{}, Device{}, err
	}
	return s.h, d, nil
}

// readSealed reads the file at path and cuts it into its parts.
func readSealed(path string) (sealed, error) {
	f, err := os.Open(path)
	if err != nil {
		return sealed{}, err
	}
	defer func() { _ = f.Close() }() // read only: closing loses nothing
	st, err := f.Stat()
	if err != nil {
		return sealed{}, err
	}
	if st.Size() > maxFile {
		return sealed{}, fmt.Errorf("%w: %d bytes, more than any file of the format", ErrTampered, st.Size())
	}
	data := make([]byte, st.Size())
	if _, err := io.ReadFull(f, data); errors.Is(err, io.ErrUnexpectedEOF) {
		return sealed{}, fmt.Errorf("%w: it shrank while read", ErrPartial)
	} else if err != nil {
		return sealed{}, err
	}
	return parse(data)
}

// verify checks the signature with the writer's key, then that the signed
// header keeps the format, names the file's folder and name, and comes from
// a schema this app understands.
func (s sealed) verify(path string, key ed25519.PublicKey, schema int) error {
	h := s.h
	if !ed25519.Verify(key, s.signed, s.sig) {
		return fmt.Errorf("%w: bad signature of device %s", ErrTampered, h.Device)
	}
	if !h.Kind.known() {
		return fmt.Errorf("%w: kind %d", ErrNewerSchema, h.Kind)
	}
	if err := h.check(); err != nil {
		return fmt.Errorf("%w: signed but malformed: %w", ErrTampered, err)
	}
	dir := filepath.Dir(path)
	if filepath.Base(path) != h.Name() || filepath.Base(dir) != h.Device.String() || filepath.Base(filepath.Dir(dir)) != devicesDir {
		return fmt.Errorf("%w: its header says %s", ErrMoved, filepath.Join(devicesDir, h.Device.String(), h.Name()))
	}
	if h.Schema > schema {
		return fmt.Errorf("%w: schema %d, this app understands up to %d", ErrNewerSchema, h.Schema, schema)
	}
	return nil
}
