package teamfile

import (
	"crypto/ed25519"
	"crypto/rand"
	"encoding/binary"
	"fmt"

	"golang.org/x/crypto/chacha20poly1305"
)

// The layout of a file (format version 1), integers big-endian:
//
//	offset  size  field
//	0       4     magic "SBtf"
//	4       1     format version, 1
//	5       1     kind (1 device, 2 keys, 3 segment, 4 snapshot)
//	6       16    device id
//	22      4     epoch (uint32)
//	26      8     seq (uint64)
//	34      4     schema (uint32)
//	38      4     payload length n (uint32)
//	42      24    nonce: only when epoch is not 0
//	…       n     payload: the body, or when epoch is not 0 the body
//	              encrypted with XChaCha20-Poly1305 (n = body + 16),
//	              the 42 header bytes as additional data
//	…       64    ed25519 signature of every byte before it
const (
	magic      = "SBtf"
	version    = 1
	headerSize = 42
	// NonceSize is the random nonce of an encrypted file: 24 bytes, so
	// random nonces under one key never meet in practice.
	NonceSize = chacha20poly1305.NonceSizeX
	sigSize   = ed25519.SignatureSize
	// KeySize is the length of a data key.
	KeySize = chacha20poly1305.KeySize
	// MaxBody is the largest body a file carries: Open reads a whole file
	// into memory, so a huge one planted in the folder must not exhaust it.
	// A snapshot of a team's board is far smaller.
	MaxBody = 256 << 20
	// maxFile is the largest file Open reads.
	maxFile = headerSize + NonceSize + MaxBody + chacha20poly1305.Overhead + sigSize
)

// Seal makes the bytes of a file: the header, the body (encrypted with
// dataKey, the team's key of h.Epoch, when the kind is encrypted; dataKey
// is not used otherwise), all signed with the identity's key. h.Device
// must be the identity's own: a device writes only its own files.
func Seal(id *Identity, h Header, body, dataKey []byte) ([]byte, error) {
	if !id.hasKeys() {
		return nil, errNoKeys
	}
	if err := h.check(); err != nil {
		return nil, fmt.Errorf("teamfile: seal: %w", err)
	}
	if h.Device != id.ID {
		return nil, fmt.Errorf("teamfile: seal: device: the header names %s, the identity is %s", h.Device, id.ID)
	}
	if len(body) > MaxBody {
		return nil, fmt.Errorf("teamfile: seal: body: %d bytes, at most %d", len(body), MaxBody)
	}
	payload, nonce := len(body), 0
	if h.Kind.Encrypted() {
		if len(dataKey) != KeySize {
			return nil, fmt.Errorf("teamfile: seal: data key: want %d bytes, got %d", KeySize, len(dataKey))
		}
		payload, nonce = payload+chacha20poly1305.Overhead, NonceSize
	}
	out := make([]byte, headerSize, headerSize+nonce+payload+sigSize)
	copy(out, magic)
	out[4], out[5] = version, byte(h.Kind)
	copy(out[6:22], h.Device[:])
	binary.BigEndian.PutUint32(out[22:], h.Epoch)
	binary.BigEndian.PutUint64(out[26:], h.Seq)
	binary.BigEndian.PutUint32(out[34:], uint32(h.Schema))
	binary.BigEndian.PutUint32(out[38:], uint32(payload))
	if h.Kind.Encrypted() {
		aead, err := chacha20poly1305.NewX(dataKey)
		if err != nil {
			return nil, fmt.Errorf("teamfile: seal: %w", err)
		}
		out = out[:headerSize+NonceSize]
		_, _ = rand.Read(out[headerSize:]) // never fails: it crashes instead (Go 1.24)
		out = aead.Seal(out, out[headerSize:], body, out[:headerSize])
	} else {
		out = append(out, body...)
	}
	return append(out, ed25519.Sign(id.sign, out)...), nil
}

// nonceSize is the nonce's length in a file of this epoch: files under a
// data key have one, the others none.
func nonceSize(epoch uint32) int {
	if epoch == 0 {
		return 0
	}
	return NonceSize
}

// sealed is a file cut into its parts, none of them checked yet but the
// lengths.
type sealed struct {
	h       Header
	signed  []byte // everything the signature covers
	nonce   []byte
	payload []byte
	sig     []byte
}

// parse cuts a file into its parts. It refuses a file that is shorter than
// its lengths say (partial), longer (tampered), not of this format
// (tampered) or of a newer format version (newer).
func parse(data []byte) (sealed, error) {
	head := data[:min(len(data), len(magic))]
	switch {
	case string(head) != magic[:len(head)]:
		return sealed{}, fmt.Errorf("%w: not a team file", ErrTampered)
	case len(data) <= len(magic):
		return sealed{}, fmt.Errorf("%w: %d bytes", ErrPartial, len(data))
	case data[4] > version:
		return sealed{}, fmt.Errorf("%w: format version %d, this app reads %d", ErrNewerSchema, data[4], version)
	case data[4] != version:
		return sealed{}, fmt.Errorf("%w: format version %d", ErrTampered, data[4])
	case len(data) < headerSize:
		return sealed{}, fmt.Errorf("%w: %d bytes, the header alone has %d", ErrPartial, len(data), headerSize)
	}
	s := sealed{h: Header{
		Kind:   Kind(data[5]),
		Epoch:  binary.BigEndian.Uint32(data[22:]),
		Seq:    binary.BigEndian.Uint64(data[26:]),
		Schema: int(binary.BigEndian.Uint32(data[34:])),
	}}
	copy(s.h.Device[:], data[6:22])
	payload := int64(binary.BigEndian.Uint32(data[38:]))
	nonceEnd := int64(headerSize + nonceSize(s.h.Epoch))
	size := nonceEnd + payload + sigSize
	switch {
	case int64(len(data)) < size:
		return sealed{}, fmt.Errorf("%w: %d of %d bytes", ErrPartial, len(data), size)
	case int64(len(data)) > size:
		return sealed{}, fmt.Errorf("%w: %d bytes after the end", ErrTampered, int64(len(data))-size)
	}
	s.signed, s.sig = data[:size-sigSize], data[size-sigSize:]
	s.nonce, s.payload = data[headerSize:nonceEnd], data[nonceEnd:size-sigSize]
	return s, nil
}
