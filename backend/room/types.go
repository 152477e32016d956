package room

// OpenInput opens the room of a session.
type OpenInput struct {
	SessionID int64  `json:"sessionId"`
	Addr      string `json:"addr"`     // HOST:PORT; "" = this laptop's private LAN address, port 7421 (any if taken)
	CertFile  string `json:"certFile"` // both or neither: TLS
	KeyFile   string `json:"keyFile"`
	Insist    bool   `json:"insist"` // plain HTTP on an address that is not private
}

// Claim is a participant's claim of a name, as the facilitator sees it.
type Claim struct {
	ID       string `json:"id"`       // opaque, random
	Name     string `json:"name"`     // the first name claimed, as shown to participants
	Member   string `json:"member"`   // the member's full name (facilitator only)
	MemberID int64  `json:"memberId"` // 0 for a guest not confirmed yet
	Guest    bool   `json:"guest"`    // joined with a typed first name, not from the list
	State    string `json:"state"`    // "pending" | "confirmed" | "rejected"
	Online   bool   `json:"online"`   // an event stream is open now
	Since    string `json:"since"`    // RFC 3339
}

// Claim states.
const (
	statePending   = "pending"
	stateConfirmed = "confirmed"
	stateRejected  = "rejected"
)

// Status is the room of a session as the facilitator sees it.
type Status struct {
	SessionID int64   `json:"sessionId"`
	Open      bool    `json:"open"`
	URL       string  `json:"url"`     // the join URL, secret included
	QR        string  `json:"qr"`      // data:image/png;base64,… of URL
	Warning   string  `json:"warning"` // plain words: who on the network can see the traffic
	Claims    []Claim `json:"claims"`
	Version   int64   `json:"version"` // grows whenever anything in the room or its session changed
}

// ConfirmInput confirms or rejects a claim.
type ConfirmInput struct {
	SessionID int64  `json:"sessionId"`
	ClaimID   string `json:"claimId"`
	Accept    bool   `json:"accept"`
}
