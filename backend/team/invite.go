package team

import (
	"crypto/hkdf"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base32"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"math/big"
	"strings"
	"time"

	"github.com/jmoiron/sqlx"
	"golang.org/x/crypto/chacha20poly1305"

	"soundingboard/backend/store"
	"soundingboard/backend/teamfile"
)

// An invite code is 128 random bits, written as 26 letters and digits in
// groups of four. It is shown once, to be passed to the new teammate by
// hand; the inviting device keeps only its hash.
const codeBytes = 16

// DefaultInviteHours is how long an invite code is good for.
const DefaultInviteHours = 72

// maxSlot bounds the id range slots (store.NewID: ids stay below 2^53).
const maxSlot = 1 << 20

// InviteInput says how long the code is good for (hours; 0: the default).
type InviteInput struct {
	Hours int `json:"hours"`
}

// Invite is a new invite code.
type Invite struct {
	Code      string `json:"code"`
	ExpiresAt string `json:"expiresAt"` // RFC 3339 UTC
}

// invitation is what an invite file carries, encrypted under the code.
type invitation struct {
	Inviter   string            `json:"inviter"`
	Devices   []deviceRow       `json:"devices"`
	Keys      map[uint32][]byte `json:"keys"`
	Slot      int64             `json:"slot"`
	ExpiresAt string            `json:"expiresAt"`
}

// answer is what a join file carries: the new device's names and the
// proof that it holds the code.
type answer struct {
	Invite  uint64 `json:"invite"`  // seq of the invite file answered
	Inviter string `json:"inviter"` // the device that wrote it
	Person  string `json:"person"`
	Proof   []byte `json:"proof"` // HMAC-SHA256 under the code's join key of the device file's body and person
	// A restored laptop's new device answers no invitation: its old device
	// vouches for it (Vouch, its id) with Proof, a teamfile.Vouch for the
	// new device and Slot.
	Vouch string `json:"vouch,omitempty"`
	Slot  int64  `json:"slot,omitempty"`
}

// codeKeys derives the key that encrypts the invitation and the key the
// answer is proved with. The code has 128 random bits, so a fast key
// derivation is enough.
func codeKeys(code []byte) (seal, join []byte, err error) {
	seal, err = hkdf.Key(sha256.New, code, nil, "sounding board invitation v1", chacha20poly1305.KeySize)
	if err == nil {
		join, err = hkdf.Key(sha256.New, code, nil, "sounding board join v1", 32)
	}
	return seal, join, err
}

var codeEncoding = base32.StdEncoding.WithPadding(base32.NoPadding)

// formatCode writes the code's bytes in groups of four characters.
func formatCode(b []byte) string {
	s := codeEncoding.EncodeToString(b)
	var groups []string
	for len(s) > 4 {
		groups = append(groups, s[:4])
		s = s[4:]
	}
	return strings.Join(append(groups, s), "-")
}

// parseCode reads a code as a person may type it: any case, with or
// without dashes and spaces.
func parseCode(s string) ([]byte, error) {
	clean := strings.Map(func(r rune) rune {
		if r == '-' || r == ' ' || r == '\t' || r == '\n' || r == '\r' {
			return -1
		}
		return r
	}, strings.ToUpper(s))
	b, err := codeEncoding.DecodeString(clean)
	if err != nil || len(b) != codeBytes {
		return nil, store.InvalidFields([]store.Problem{{Field: "code", Message: "code is not an invite code: it has 26 letters and digits, as `team invite` printed it"}})
	}
	return b, nil
}

func codeHash(code []byte) string {
	h := sha256.Sum256(code)
	return hex.EncodeToString(h[:])
}

// Invite makes a single-use invite code for one new laptop, and writes
// the invitation it opens into this device's folder.
func (s *Service) Invite(in InviteInput) (Invite, error) {
	hours := in.Hours
	if hours == 0 {
		hours = DefaultInviteHours
	}
	if hours < 1 || hours > 24*30 {
		return Invite{}, store.InvalidFields([]store.Problem{{Field: "hours", Message: "hours must be between 1 and 720"}})
	}
	code := make([]byte, codeBytes)
	_, _ = rand.Read(code)
	sealKey, joinKey, err := codeKeys(code)
	if err != nil {
		return Invite{}, err
	}
	now := s.now()
	expires := now.Add(time.Duration(hours) * time.Hour)
	var me *self
	var body []byte
	var seq uint64
	err = store.WithTx(s.ctx, s.db, func(tx *sqlx.Tx) error {
		var err error
		if me, err = loadSelf(s.ctx, tx); err != nil {
			return err
		}
		team, err := devices(s.ctx, tx)
		if err != nil {
			return err
		}
		ks, err := keys(s.ctx, tx)
		if err != nil {
			return err
		}
		slot, err := freeSlot(tx, team)
		if err != nil {
			return err
		}
		inv := invitation{Inviter: me.id.ID.String(), Keys: ks, Slot: slot, ExpiresAt: stamp(expires)}
		for _, d := range team {
			if d.RemovedAt == nil {
				inv.Devices = append(inv.Devices, d)
			}
		}
		plain, err := json.Marshal(inv)
		if err != nil {
			return err
		}
		seq = me.InviteSeq + 1
		if body, err = sealWith(sealKey, plain, inviteAAD(me.id.ID, seq)); err != nil {
			return err
		}
		if _, err := tx.ExecContext(s.ctx, `UPDATE team_self SET invite_seq = ?`, seq); err != nil {
			return err
		}
		_, err = tx.ExecContext(s.ctx, `INSERT INTO team_invites (seq, code_hash, join_key, slot, created_at, expires_at)
			VALUES (?, ?, ?, ?, ?, ?)`, seq, codeHash(code), joinKey, slot, stamp(now), stamp(expires))
		return err
	})
	if err != nil {
		return Invite{}, fmt.Errorf("invite: %w", err)
	}
	if _, err := teamfile.Write(me.Folder, me.id, s.header(me, teamfile.KindInvite, 0, seq), body, nil); err != nil {
		return Invite{}, fmt.Errorf("invite: %w", err)
	}
	return Invite{Code: formatCode(code), ExpiresAt: stamp(expires)}, nil
}

// freeSlot picks an id range slot no device of the team and no open
// invitation has. It is random, so two teammates inviting while offline
// do not hand out the same one (a clash is 1 in a million per pair).
func freeSlot(tx *sqlx.Tx, team []deviceRow) (int64, error) {
	used := map[int64]bool{0: true}
	for _, d := range team {
		used[d.Slot] = true
	}
	var open []int64
	if err := tx.Select(&open, `SELECT slot FROM team_invites`); err != nil {
		return 0, err
	}
	for _, s := range open {
		used[s] = true
	}
	for {
		n, err := rand.Int(rand.Reader, big.NewInt(maxSlot-1))
		if err != nil {
			return 0, err
		}
		if s := n.Int64() + 1; !used[s] {
			return s, nil
		}
	}
}

// inviteAAD binds an invitation to the file it is in.
func inviteAAD(inviter teamfile.DeviceID, seq uint64) []byte {
	return fmt.Appendf(nil, "invitation %s %d", inviter, seq)
}

// sealWith encrypts plain under key: a random nonce, then the ciphertext.
func sealWith(key, plain, aad []byte) ([]byte, error) {
	aead, err := chacha20poly1305.NewX(key)
	if err != nil {
		return nil, err
	}
	nonce := make([]byte, aead.NonceSize(), aead.NonceSize()+len(plain)+aead.Overhead())
	_, _ = rand.Read(nonce)
	return aead.Seal(nonce, nonce, plain, aad), nil
}

// openWith decrypts what sealWith made; an error means another key.
func openWith(key, sealed, aad []byte) ([]byte, error) {
	aead, err := chacha20poly1305.NewX(key)
	if err != nil {
		return nil, err
	}
	if len(sealed) < aead.NonceSize() {
		return nil, errors.New("too short")
	}
	return aead.Open(nil, sealed[:aead.NonceSize()], sealed[aead.NonceSize():], aad)
}

// proof is the answer's proof that its device holds the code.
func proof(joinKey []byte, d teamfile.Device, person string) ([]byte, error) {
	b, err := d.MarshalBinary()
	if err != nil {
		return nil, err
	}
	m := hmac.New(sha256.New, joinKey)
	m.Write(b)
	m.Write([]byte{0})
	m.Write([]byte(person))
	return m.Sum(nil), nil
}
