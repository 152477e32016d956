package board

// ImportRequest carries a contact file from the user. Content is the raw
// bytes (base64 in JSON) so non-UTF-8 files reach the decoder intact.
type ImportRequest struct {
	FileName string            `json:"fileName"`
	Content  []byte            `json:"content"`
	Mapping  map[string]string `json:"mapping"`  // source column -> field name ("" = ignore); nil = automatic
	Encoding string            `json:"encoding"` // "" = detect, "utf-8", "windows-1252"
	// Existing says what happens to rows of people already on the board:
	// "" refuses the file when an email is already on the board (as before
	// re-imports existed), "skip" leaves them as they are, "update" fills
	// in what the file knows (see ImportRow.Changes).
	Existing string `json:"existing"`
	// SkipInvalid imports the other rows of a file with bad or refused
	// rows; without it such a file is refused as a whole.
	SkipInvalid bool `json:"skipInvalid"`
	// NameMatches is what happens to a row whose email finds nobody but
	// whose name and company match a member: "" = it waits for a decision
	// in Decisions (the import is refused until every one has one), "new" =
	// it is imported as a new person (the command line).
	NameMatches string `json:"nameMatches"`
	// Decisions settle rows matched by name and company alone.
	Decisions []ImportDecision `json:"decisions"`
}

// Values of ImportRequest.Existing.
const (
	ExistingRefuse = ""
	ExistingSkip   = "skip"
	ExistingUpdate = "update"
)

// ImportDecision settles one row matched by name and company alone.
type ImportDecision struct {
	Line     int   `json:"line"`
	MemberID int64 `json:"memberId"` // the member the preview proposed; a decision for another is ignored
	Same     bool  `json:"same"`     // true: the same person (skipped or updated); false: a new person
}

// ImportColumn is one source column and the field it maps to.
type ImportColumn struct {
	Header string `json:"header"`
	Field  string `json:"field"` // "" = ignored / not understood
	Sample string `json:"sample"`
}

// ImportConsent is one consent column of a row: given (yes) or withdrawn
// (no) on a date.
type ImportConsent struct {
	Kind  string `json:"kind"`
	Given bool   `json:"given"`
	On    string `json:"on"` // YYYY-MM-DD; "" only for a "no" without a date, which changes nothing
}

// ImportMatch is the member a row matched.
type ImportMatch struct {
	MemberID int64  `json:"memberId"`
	Name     string `json:"name"`
	Email    string `json:"email"`
	Company  string `json:"company"`
	Archived bool   `json:"archived"`
	By       string `json:"by"` // "email" or "name_company"
}

// ImportChange is one value an update changes.
type ImportChange struct {
	Field string `json:"field"` // a member field, or "contact consent" and the like
	From  string `json:"from"`
	To    string `json:"to"`
}

// Row statuses of an import preview.
const (
	RowNew       = "new"       // becomes a new member
	RowUpdate    = "update"    // updates the matched member (Changes)
	RowUnchanged = "unchanged" // matches a member and would change nothing
	RowSkip      = "skip"      // matches a member, left as it is (Existing "skip")
	RowReview    = "review"    // matched by name and company alone; needs a decision
	RowRefused   = "refused"   // matches an erased person; never imported
	RowInvalid   = "invalid"   // has problems to fix
)

// ImportRow is one parsed record, what the import would do with it, and
// what is wrong with it.
type ImportRow struct {
	Line     int             `json:"line"` // 1-based line (CSV) or card number (vCard)
	Member   MemberInput     `json:"member"`
	Consents []ImportConsent `json:"consents"`
	Problems []string        `json:"problems"`
	Status   string          `json:"status"` // one of the Row… values
	Match    ImportMatch     `json:"match"`  // MemberID 0 = no match
	Changes  []ImportChange  `json:"changes"`

	raw         []string // the CSV cells as read, for the rows to fix
	statusGiven bool     // the file had a status (a blank one defaults to prospect)
	update      *memberUpdate
	consentOps  []consentOp
}

// ImportPreview shows what an import would do, before anything is written.
type ImportPreview struct {
	Format    string         `json:"format"`   // csv or vcard
	Encoding  string         `json:"encoding"` // as detected or chosen
	Columns   []ImportColumn `json:"columns"`  // CSV only
	Fields    []string       `json:"fields"`   // fields a column can map to
	Unmapped  []string       `json:"unmapped"` // headers that map to nothing
	Rows      []ImportRow    `json:"rows"`
	New       int            `json:"new"`
	Updated   int            `json:"updated"`
	Unchanged int            `json:"unchanged"`
	Skipped   int            `json:"skipped"`
	Review    int            `json:"review"`
	Refused   int            `json:"refused"`
	Invalid   int            `json:"invalid"`
}

// ImportResult reports a completed import.
type ImportResult struct {
	Created   int `json:"created"`
	Updated   int `json:"updated"`
	Unchanged int `json:"unchanged"` // matched, nothing to change
	Skipped   int `json:"skipped"`   // matched, left as they are
	LeftOut   int `json:"leftOut"`   // invalid or refused rows not imported (SkipInvalid)
	Consents  int `json:"consents"`  // consents recorded or withdrawn
	Segments  int `json:"segments"`  // segments created on the way
	Tags      int `json:"tags"`      // tags created on the way
}

// ExportFile is a generated file for the user to save.
type ExportFile struct {
	FileName string `json:"fileName"`
	MimeType string `json:"mimeType"`
	Content  string `json:"content"`
}

// DemoResult reports what the sample board added.
type DemoResult struct {
	Members  int `json:"members"`
	Segments int `json:"segments"`
}
