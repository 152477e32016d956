// Package transcript keeps the evidence from a session's recordings: a
// transcript (.vtt or .srt, as Zoom, Teams and Meet export them) imported
// into the session, its speakers matched to participants, and lines turned
// into attributed quotes on an activity of the agenda. A line can be
// quoted only when its speaker is a participant who holds a recording
// consent: the recording was of them.
package transcript

// Summary is one transcript of a session, as the session lists them.
type Summary struct {
	ID         int64  `json:"id" db:"id"`
	SessionID  int64  `json:"sessionId" db:"session_id"`
	FileName   string `json:"fileName" db:"file_name"`
	Format     Format `json:"format" db:"format"`
	ImportedAt string `json:"importedAt" db:"imported_at"`
	LineCount  int    `json:"lineCount" db:"line_count"`
	Quoted     int    `json:"quoted" db:"quoted"`       // lines that became quotes
	Unmatched  int    `json:"unmatched" db:"unmatched"` // speakers neither matched nor marked as the team
}

// Speaker is a speaker label of a transcript and whom it was matched to.
type Speaker struct {
	ID        int64  `json:"id" db:"id"`
	Label     string `json:"label" db:"label"` // as the file names them; "" = lines naming no speaker
	MemberID  int64  `json:"memberId" db:"member_id"`
	Member    string `json:"member" db:"member"` // the matched participant's name
	Team      bool   `json:"team" db:"team"`     // the company's own people: not customer evidence
	Recording bool   `json:"recording" db:"recording"`
	Lines     int    `json:"lines" db:"lines"`
}

// Line is what one speaker said in one cue of the recording.
type Line struct {
	ID        int64  `json:"id" db:"id"`
	Position  int    `json:"position" db:"position"`
	SpeakerID int64  `json:"speakerId" db:"speaker_id"`
	StartMS   int64  `json:"startMs" db:"start_ms"`
	EndMS     int64  `json:"endMs" db:"end_ms"`
	Text      string `json:"text" db:"text"`
	EntryID   int64  `json:"entryId" db:"entry_id"`   // the quote made from it; 0 = none
	QuotedIn  string `json:"quotedIn" db:"quoted_in"` // that quote's activity, or "the session"
}

// Transcript is a transcript with its speakers and lines.
type Transcript struct {
	Summary
	Speakers []Speaker `json:"speakers"`
	Lines    []Line    `json:"lines"`
}

// ImportInput is a transcript file as the user picked it.
type ImportInput struct {
	SessionID int64  `json:"sessionId"`
	FileName  string `json:"fileName"`
	Content   []byte `json:"content"` // the file as read (base64 in JSON)
}

// SpeakerInput matches a speaker to a participant of the session
// (MemberID), marks them as the team, or unmatches them (neither).
type SpeakerInput struct {
	SpeakerID int64 `json:"speakerId"`
	MemberID  int64 `json:"memberId"`
	Team      bool  `json:"team"`
}

// QuoteInput turns lines of one speaker into one quote on an activity
// (ActivityID 0: a quote about the session as a whole), optionally about
// one of its items. Text "" takes the lines' text, joined; a text given
// is the facilitator's trimmed excerpt of them.
type QuoteInput struct {
	LineIDs    []int64 `json:"lineIds"`
	ActivityID int64   `json:"activityId"`
	ItemID     int64   `json:"itemId"`
	Text       string  `json:"text"`
}
