package room

// Secrets, tokens and claims. The join secret is in the URL the
// facilitator shows; a participant's token is in a cookie scoped to the
// room's path. Both are random and live only in memory: they die with
// the room.

import (
	"crypto/rand"
	"encoding/base32"
	"encoding/hex"
	"strings"
)

// lowerBase32 is base32 in lower case without padding: easy to read out
// and to type from a projector.
var lowerBase32 = base32.StdEncoding.WithPadding(base32.NoPadding)

// newSecret returns a join secret: 80 random bits, 16 characters.
func newSecret() string {
	return strings.ToLower(lowerBase32.EncodeToString(random(10)))
}

// newToken returns a participant token: 128 random bits.
func newToken() string { return hex.EncodeToString(random(16)) }

// newID returns a short opaque id (claims, names, the room's cookie).
func newID() string { return hex.EncodeToString(random(6)) }

// random returns n random bytes; crypto/rand.Read never fails (it
// crashes the program rather than return predictable bytes).
func random(n int) []byte {
	b := make([]byte, n)
	_, _ = rand.Read(b)
	return b
}

// claim is one participant's claim of a name, with their token.
type claim struct {
	id       string
	seq      int // order of arrival
	token    string
	nameID   string
	name     string // first name, as participants see it
	member   string // full name, facilitator only
	memberID int64  // 0 for a guest until the facilitator confirms them
	guest    bool
	state    string
	since    string
	stream   chan struct{} // closed to end the open event stream; nil when none
	keys     map[string]int64
}

// endStream ends the claim's open event stream, if any.
func (c *claim) endStream() {
	if c.stream != nil {
		close(c.stream)
		c.stream = nil
	}
}

// live reports whether the claim still speaks for its member.
func (c *claim) live() bool { return c.state != stateRejected }
