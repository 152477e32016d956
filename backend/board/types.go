// Package board keeps the customer advisory board: members, segments, tags,
// consent, touchpoints and rewards, with search, composition and
// import/export of contact files.
package board

import "soundingboard/backend/valid"

// MemberStatus is where a member stands with the board.
type MemberStatus string

// The member statuses.
const (
	StatusProspect MemberStatus = "prospect"
	StatusInvited  MemberStatus = "invited"
	StatusActive   MemberStatus = "active"
	StatusPaused   MemberStatus = "paused"
	StatusAlumni   MemberStatus = "alumni"
	StatusDeclined MemberStatus = "declined"
	StatusOptedOut MemberStatus = "opted_out"
)

// ConsentKind is what a member may consent to.
type ConsentKind string

// The kinds of consent.
const (
	ConsentContact   ConsentKind = "contact"
	ConsentRecording ConsentKind = "recording"
	ConsentQuoting   ConsentKind = "quoting"
)

// TouchpointKind is how a member was in touch (or a note about them).
type TouchpointKind string

// The kinds of touchpoint.
const (
	TouchpointSession TouchpointKind = "session"
	TouchpointCall    TouchpointKind = "call"
	TouchpointEmail   TouchpointKind = "email"
	TouchpointMeeting TouchpointKind = "meeting"
	TouchpointMessage TouchpointKind = "message"
	TouchpointNote    TouchpointKind = "note"
)

// RewardStatus is whether a reward was only promised or already given.
type RewardStatus string

// The reward statuses.
const (
	RewardPromised RewardStatus = "promised"
	RewardGiven    RewardStatus = "given"
)

// UsageFrequency is how often a member uses the product.
type UsageFrequency string

// The usage frequencies.
const (
	UsageNone    UsageFrequency = "" // not known
	UsageDaily   UsageFrequency = "daily"
	UsageWeekly  UsageFrequency = "weekly"
	UsageMonthly UsageFrequency = "monthly"
	UsageRarely  UsageFrequency = "rarely"
	UsageNever   UsageFrequency = "never"
)

// Tone is how a member tends to respond.
type Tone string

// The tones.
const (
	ToneNone         Tone = "" // not rated
	ToneTooAgreeable Tone = "too_agreeable"
	ToneBalanced     Tone = "balanced"
	ToneTooNegative  Tone = "too_negative"
)

// The closed sets in the order the UI offers them, for Wails' EnumBind
// (the frontend's lists derive from them) and for validation below. The
// schema's CHECK constraints name the same values (enums_test.go).
var (
	AllStatuses         = valid.Choices(StatusProspect, StatusInvited, StatusActive, StatusPaused, StatusAlumni, StatusDeclined, StatusOptedOut)
	AllConsentKinds     = valid.Choices(ConsentContact, ConsentRecording, ConsentQuoting)
	AllTouchpointKinds  = valid.Choices(TouchpointSession, TouchpointCall, TouchpointEmail, TouchpointMeeting, TouchpointMessage, TouchpointNote)
	AllUsageFrequencies = valid.Choices(UsageNone, UsageDaily, UsageWeekly, UsageMonthly, UsageRarely, UsageNever)
	AllTones            = valid.Choices(ToneNone, ToneTooAgreeable, ToneBalanced, ToneTooNegative)
	AllRewardStatuses   = valid.Choices(RewardPromised, RewardGiven)
)

// Statuses a member can have, in the order the UI offers them.
var Statuses = valid.Strings(AllStatuses)

// ConsentKinds are the kinds of consent a member can grant, in the order
// a member's consents are listed.
var ConsentKinds = valid.Strings(AllConsentKinds)

// FormerMember is how a quote or response reads once its speaker was
// erased (package privacy erases; sessions and reports show it). It lives
// here, where every package that needs it can import it.
const FormerMember = "Former board member"

// Member is one row of the board list.
type Member struct {
	ID             int64          `json:"id" db:"id"`
	Name           string         `json:"name" db:"name"`
	Email          string         `json:"email" db:"email"`
	Phone          string         `json:"phone" db:"phone"`
	Company        string         `json:"company" db:"company"`
	Role           string         `json:"role" db:"role"`
	SegmentID      int64          `json:"segmentId" db:"segment_id"` // 0 = none
	Segment        string         `json:"segment" db:"segment"`
	Persona        string         `json:"persona" db:"persona"`
	Timezone       string         `json:"timezone" db:"timezone"`
	Status         MemberStatus   `json:"status" db:"status"`
	JoinedOn       string         `json:"joinedOn" db:"joined_on"` // YYYY-MM-DD or ""
	Source         string         `json:"source" db:"source"`
	Notes          string         `json:"notes" db:"notes"`
	UsageFrequency UsageFrequency `json:"usageFrequency" db:"usage_frequency"` // "" = not known
	Articulation   int            `json:"articulation" db:"articulation"`      // 1-5, 0 = not rated
	Tone           Tone           `json:"tone" db:"tone"`                      // "" = not rated
	CadenceDays    int            `json:"cadenceDays" db:"contact_cadence_days"`
	Tags           []string       `json:"tags" db:"-"`
	LastContacted  string         `json:"lastContacted" db:"last_contacted"` // YYYY-MM-DD or ""
	CanContact     bool           `json:"canContact" db:"can_contact"`       // valid, unrevoked, unexpired contact consent today
	Archived       bool           `json:"archived" db:"archived"`
	CreatedAt      string         `json:"createdAt" db:"created_at"`
	UpdatedAt      string         `json:"updatedAt" db:"updated_at"`
}

// MemberInput is what a person types to create or edit a member.
// Segment is a segment name ("" = none; an unknown name creates it).
type MemberInput struct {
	Name           string   `json:"name"`
	Email          string   `json:"email"`
	Phone          string   `json:"phone"`
	Company        string   `json:"company"`
	Role           string   `json:"role"`
	Segment        string   `json:"segment"`
	Persona        string   `json:"persona"`
	Timezone       string   `json:"timezone"`
	Status         string   `json:"status"` // "" = prospect
	JoinedOn       string   `json:"joinedOn"`
	Source         string   `json:"source"`
	Notes          string   `json:"notes"`
	UsageFrequency string   `json:"usageFrequency"`
	Articulation   int      `json:"articulation"`
	Tone           string   `json:"tone"`
	CadenceDays    int      `json:"cadenceDays"`
	Tags           []string `json:"tags"`
}

// MemberQuery filters, sorts and pages the member list.
type MemberQuery struct {
	Search    string `json:"search"`    // FTS over name, email, company, notes, tags
	SegmentID int64  `json:"segmentId"` // 0 = any, -1 = no segment
	Status    string `json:"status"`    // "" = any
	Tag       string `json:"tag"`       // "" = any
	Consent   string `json:"consent"`   // "", "contact_ok", "no_contact"
	Archived  string `json:"archived"`  // "" = current only, "only", "all"
	Sort      string `json:"sort"`      // name (default), company, segment, status, joined, last_contacted, updated
	Desc      bool   `json:"desc"`
	Limit     int    `json:"limit"` // 0 = all
	Offset    int    `json:"offset"`
}

// MemberPage is one page of the list and the total matching the filters.
type MemberPage struct {
	Members []Member `json:"members"`
	Total   int      `json:"total"`
}

// Consent is what a member agreed to, for one kind.
type Consent struct {
	Kind      ConsentKind `json:"kind" db:"kind"`
	GrantedOn string      `json:"grantedOn" db:"granted_on"`
	ExpiresOn string      `json:"expiresOn" db:"expires_on"`
	RevokedOn string      `json:"revokedOn" db:"revoked_on"`
	Note      string      `json:"note" db:"note"`
	Source    string      `json:"source" db:"source"` // "" = recorded by the team; else who declared it, where
	Valid     bool        `json:"valid" db:"-"`       // granted, not revoked, not expired today
}

// ConsentInput grants (or re-grants) one kind of consent.
type ConsentInput struct {
	Kind      string `json:"kind"`
	GrantedOn string `json:"grantedOn"` // "" = today
	ExpiresOn string `json:"expiresOn"` // "" = no end
	Note      string `json:"note"`
	// Source says who recorded it when not the team, e.g. "Self-declared
	// in the room of … (session 12) on 2026-12-04"; at most 300 characters.
	Source string `json:"source"`
}

// Touchpoint is a contact or note in a member's history.
type Touchpoint struct {
	ID         int64          `json:"id" db:"id"`
	MemberID   int64          `json:"memberId" db:"member_id"`
	Kind       TouchpointKind `json:"kind" db:"kind"`
	HappenedOn string         `json:"happenedOn" db:"happened_on"`
	Summary    string         `json:"summary" db:"summary"`
	CreatedAt  string         `json:"createdAt" db:"created_at"`
}

// TouchpointInput logs a touchpoint.
type TouchpointInput struct {
	Kind       string `json:"kind"`
	HappenedOn string `json:"happenedOn"` // "" = today
	Summary    string `json:"summary"`
}

// Reward is a thank-you to a member: given, or promised at a session and
// given later. A session's rewards count against its budget
// (SessionRewards).
type Reward struct {
	ID         int64        `json:"id" db:"id"`
	MemberID   int64        `json:"memberId" db:"member_id"`
	SessionID  int64        `json:"sessionId" db:"session_id"` // 0: not tied to a session
	EntryID    int64        `json:"entryId" db:"entry_id"`     // the idea that earned it; 0: none
	What       string       `json:"what" db:"what"`
	ValueCents int64        `json:"valueCents" db:"value_cents"`
	Currency   string       `json:"currency" db:"currency"`
	Status     RewardStatus `json:"status" db:"status"`
	GivenOn    string       `json:"givenOn" db:"given_on"` // "" while promised
	Note       string       `json:"note" db:"note"`
	CreatedAt  string       `json:"createdAt" db:"created_at"`
	Session    string       `json:"session" db:"session"` // the session's title, so the timeline can name it
	Idea       string       `json:"idea" db:"idea"`       // the idea's text
}

// RewardInput records a reward. A reward tied to a session goes to one of
// its participants; one tied to an idea names that session too.
type RewardInput struct {
	What       string `json:"what"`
	ValueCents int64  `json:"valueCents"`
	Currency   string `json:"currency"` // "" with a session: the session's budget currency
	GivenOn    string `json:"givenOn"`  // "" = today when given; must be "" when promised
	Note       string `json:"note"`
	SessionID  int64  `json:"sessionId"` // 0 = none
	EntryID    int64  `json:"entryId"`   // an idea of that session; 0 = none
	Status     string `json:"status"`    // promised or given; "" = given
}

// TimelineEntry is one item of a member's participation history, newest first.
type TimelineEntry struct {
	Date   string `json:"date"`
	Type   string `json:"type"` // touchpoint kind, or "reward"
	Title  string `json:"title"`
	Detail string `json:"detail"`
	RefID  int64  `json:"refId"` // touchpoint or reward id
}

// MemberDetail is everything the member page shows.
type MemberDetail struct {
	Member   Member          `json:"member"`
	Consents []Consent       `json:"consents"` // one per kind in ConsentKinds order; zero values where never granted
	Timeline []TimelineEntry `json:"timeline"`
	Rewards  []Reward        `json:"rewards"`
}

// Segment is a named part of the market the board should cover.
type Segment struct {
	ID          int64   `json:"id" db:"id"`
	Name        string  `json:"name" db:"name"`
	Description string  `json:"description" db:"description"`
	TargetShare float64 `json:"targetShare" db:"target_share"` // 0..1, 0 = no target
	Members     int     `json:"members" db:"members"`          // current (unarchived) members
	Active      int     `json:"active" db:"active"`            // of which status active
}

// SegmentInput creates (ID 0) or edits a segment.
type SegmentInput struct {
	ID          int64   `json:"id"`
	Name        string  `json:"name"`
	Description string  `json:"description"`
	TargetShare float64 `json:"targetShare"`
}

// TagCount is a tag and how many current members carry it.
type TagCount struct {
	Name    string `json:"name" db:"name"`
	Members int    `json:"members" db:"members"`
}

// Composition is the board by segment and status, with warnings.
type Composition struct {
	Active     int              `json:"active"` // active, unarchived members
	Total      int              `json:"total"`  // unarchived members
	Statuses   []string         `json:"statuses"`
	Rows       []CompositionRow `json:"rows"`  // one per segment, plus "No segment" when any
	Tones      map[string]int   `json:"tones"` // active members by tone ("" = unrated)
	Warnings   []string         `json:"warnings"`
	IdealRange [2]int           `json:"idealRange"` // 10..15 active members
}

// CompositionRow is one segment's counts by status.
type CompositionRow struct {
	SegmentID   int64          `json:"segmentId"`
	Segment     string         `json:"segment"`
	TargetShare float64        `json:"targetShare"`
	ActiveShare float64        `json:"activeShare"` // share of active members
	ByStatus    map[string]int `json:"byStatus"`
	Total       int            `json:"total"`
}
