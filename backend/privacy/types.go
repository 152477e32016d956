package privacy

import "soundingboard/backend/board"

// FormerMember is how a quote or response reads once its speaker was
// erased; board owns the text, so session can use it without importing privacy.
const FormerMember = board.FormerMember

// ExportFormat names the layout of a person export, for whoever reads it later.
// Layout 2 lists everything the person contributed to sessions as entries
// (layout 1 had responses and quotes).
const ExportFormat = "soundingboard-person-export/2"

// ExportFile is a generated file for the user to save.
type ExportFile struct {
	FileName string `json:"fileName"`
	MimeType string `json:"mimeType"`
	Content  string `json:"content"`
}

// PersonExport is everything the app holds about one person (the content
// of ExportPerson's file).
type PersonExport struct {
	Format        string          `json:"format"`
	ExportedAt    string          `json:"exportedAt"`
	Member        PersonRecord    `json:"member"`
	Tags          []string        `json:"tags"`
	Consents      []ConsentRecord `json:"consents"`
	Touchpoints   []Touchpoint    `json:"touchpoints"`
	Rewards       []Reward        `json:"rewards"`
	Sessions      []Participation `json:"sessions"`
	Entries       []Entry         `json:"entries"`
	Transcripts   []SpokenLine    `json:"transcripts"`
	Reminders     []Reminder      `json:"reminders"`
	Limitations   string          `json:"limitations"`
	SchemaVersion int             `json:"schemaVersion"`
}

// PersonRecord is the member row as stored.
type PersonRecord struct {
	ID             int64  `json:"id" db:"id"`
	Name           string `json:"name" db:"name"`
	Email          string `json:"email" db:"email"`
	Phone          string `json:"phone" db:"phone"`
	Company        string `json:"company" db:"company"`
	Role           string `json:"role" db:"role"`
	Segment        string `json:"segment" db:"segment"`
	Persona        string `json:"persona" db:"persona"`
	Timezone       string `json:"timezone" db:"timezone"`
	Status         string `json:"status" db:"status"`
	JoinedOn       string `json:"joinedOn" db:"joined_on"`
	Source         string `json:"source" db:"source"`
	Notes          string `json:"notes" db:"notes"`
	UsageFrequency string `json:"usageFrequency" db:"usage_frequency"`
	Articulation   int    `json:"articulation" db:"articulation"`
	Tone           string `json:"tone" db:"tone"`
	CadenceDays    int    `json:"cadenceDays" db:"contact_cadence_days"`
	ArchivedAt     string `json:"archivedAt" db:"archived_at"`
	CreatedAt      string `json:"createdAt" db:"created_at"`
	UpdatedAt      string `json:"updatedAt" db:"updated_at"`
}

// ConsentRecord is one kind of consent as stored.
type ConsentRecord struct {
	Kind      string `json:"kind" db:"kind"`
	GrantedOn string `json:"grantedOn" db:"granted_on"`
	ExpiresOn string `json:"expiresOn" db:"expires_on"`
	RevokedOn string `json:"revokedOn" db:"revoked_on"`
	Note      string `json:"note" db:"note"`
	Source    string `json:"source" db:"source"` // "" = recorded by the team; else where they declared it
}

// Touchpoint is a contact or note in the person's history.
type Touchpoint struct {
	ID         int64  `json:"id" db:"id"`
	Kind       string `json:"kind" db:"kind"`
	HappenedOn string `json:"happenedOn" db:"happened_on"`
	Summary    string `json:"summary" db:"summary"`
	CreatedAt  string `json:"createdAt" db:"created_at"`
}

// Reward is a thank-you given, or promised at a session, to the person.
type Reward struct {
	ID         int64  `json:"id" db:"id"`
	What       string `json:"what" db:"what"`
	ValueCents int64  `json:"valueCents" db:"value_cents"`
	Currency   string `json:"currency" db:"currency"`
	Status     string `json:"status" db:"status"`    // promised or given
	GivenOn    string `json:"givenOn" db:"given_on"` // "" while promised
	Session    string `json:"session" db:"session"`  // the session it was for, "" when none
	Note       string `json:"note" db:"note"`
	CreatedAt  string `json:"createdAt" db:"created_at"`
}

// Participation is a session the person was invited to or took part in.
type Participation struct {
	SessionID   int64  `json:"sessionId" db:"session_id"`
	Title       string `json:"title" db:"title"`
	Format      string `json:"format" db:"format"`
	ScheduledOn string `json:"scheduledOn" db:"scheduled_on"`
	State       string `json:"state" db:"state"`
}

// Entry is something the person contributed to a session: a field of a
// response (stance, needs, note, reaction), a quote, an idea, a vote, an
// answer, a rating … (Kind), with the activity and item it belongs to.
type Entry struct {
	ID        int64  `json:"id" db:"id"`
	SessionID int64  `json:"sessionId" db:"session_id"`
	Session   string `json:"session" db:"session"`
	Activity  string `json:"activity" db:"activity"` // its title; "" for the session as a whole
	Item      string `json:"item" db:"item"`         // the item's text, an assumption as its sentence; "" for none
	Variant   string `json:"variant" db:"variant"`   // the prototype variant, "" for none
	Kind      string `json:"kind" db:"kind"`
	Text      string `json:"text" db:"text"`
	Value     *int   `json:"value" db:"value"` // votes, scores, seconds …; nil for none
	CreatedAt string `json:"createdAt" db:"created_at"`
	UpdatedAt string `json:"updatedAt" db:"updated_at"`
}

// SpokenLine is a line of a session's transcript spoken by the person
// (their speaker was matched to them).
type SpokenLine struct {
	SessionID int64  `json:"sessionId" db:"session_id"`
	Session   string `json:"session" db:"session"`
	File      string `json:"file" db:"file"`
	Speaker   string `json:"speaker" db:"speaker"` // as the file named them
	StartMS   int64  `json:"startMs" db:"start_ms"`
	EndMS     int64  `json:"endMs" db:"end_ms"`
	Text      string `json:"text" db:"text"`
}

// Reminder is a follow-up that names the person.
type Reminder struct {
	ID      int64  `json:"id" db:"id"`
	Title   string `json:"title" db:"title"`
	Body    string `json:"body" db:"body"`
	Kind    string `json:"kind" db:"kind"`
	Channel string `json:"channel" db:"channel"`
	DueAt   string `json:"dueAt" db:"due_at"`
	DoneAt  string `json:"doneAt" db:"done_at"`
	Outcome string `json:"outcome" db:"outcome"`
}

// Erasure reports one erasure: what was removed and what was kept as
// anonymous text. It holds no personal data.
type Erasure struct {
	Reference    string `json:"reference" db:"reference"`
	ErasedAt     string `json:"erasedAt" db:"erased_at"`
	Members      int    `json:"members" db:"members"`
	Tags         int    `json:"tags" db:"tags"`
	Consents     int    `json:"consents" db:"consents"`
	Touchpoints  int    `json:"touchpoints" db:"touchpoints"`
	Rewards      int    `json:"rewards" db:"rewards"`
	Reminders    int    `json:"reminders" db:"reminders"`
	Participants int    `json:"participants" db:"participants"`
	Responses    int    `json:"responses" db:"responses"` // kept, anonymous
	Quotes       int    `json:"quotes" db:"quotes"`       // kept, anonymous
	// TranscriptLines are the lines of recordings they spoke, deleted
	// with their speaker name.
	TranscriptLines int `json:"transcriptLines" db:"transcript_lines"`
}
