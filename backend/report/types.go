// Package report turns a session, the assumption ledger and the board into
// documents to share with people who never open the app: PDF (fpdf, with
// an embedded UTF-8 font and charts drawn with PDF primitives), Markdown
// and CSV. It writes to an io.Writer and knows nothing of Wails.
package report

// Kinds of report.
const (
	KindSession     = "session"     // one session; id = session id
	KindAssumptions = "assumptions" // the assumption ledger; id = decision id, 0 = all
	KindBoard       = "board"       // the advisory board; id unused
	KindLetters     = "letters"     // "You said, we did" letters; id = session id
)

// Kinds lists the report kinds in the order the UI offers them.
var Kinds = []string{KindSession, KindAssumptions, KindBoard, KindLetters}

// Section is one part of a report as the preview lists it.
type Section struct {
	Title string `json:"title"`
	Items int    `json:"items"`
	Note  string `json:"note"` // e.g. "2 shown under pseudonyms", or ""
}

// Preview is what the Reports page shows before export.
type Preview struct {
	Kind     string    `json:"kind"`
	ID       int64     `json:"id"`
	Title    string    `json:"title"`
	Subtitle string    `json:"subtitle"`
	TeamName string    `json:"teamName"` // the cover line; "" = not set yet
	Sections []Section `json:"sections"`
	Pages    int       `json:"pages"`    // of the PDF, counted by rendering it
	Formats  []string  `json:"formats"`  // pdf, and md and csv where offered
	Warnings []string  `json:"warnings"` // things to know before sending
}

// File is a rendered report. ContentBase64 carries the bytes to the
// browser (for a download); Go callers use Data.
type File struct {
	FileName      string `json:"fileName"`
	MimeType      string `json:"mimeType"`
	Size          int    `json:"size"`
	Pages         int    `json:"pages"` // PDF only, else 0
	ContentBase64 string `json:"contentBase64"`
	Data          []byte `json:"-"`
}

// LoopStatus is the loop closure of one session or of the whole board,
// as backend/loop counts it (loop.Closure).
type LoopStatus struct {
	Attended   int            `json:"attended"`  // attended participants (person × session)
	HeardBack  int            `json:"heardBack"` // of which heard back
	Eligible   int            `json:"eligible"`  // heard back + not yet but may be contacted
	Rate       float64        `json:"rate"`      // HeardBack / Eligible, 0 when none eligible
	People     []PersonStatus `json:"people"`    // sessions: everyone who attended; board: who has not heard back
	Definition string         `json:"definition"`
}

// PersonStatus is whether one participant has heard back.
type PersonStatus struct {
	MemberID   int64  `json:"memberId"`
	Member     string `json:"member"`
	SessionID  int64  `json:"sessionId"`
	Session    string `json:"session"`
	HeardBack  bool   `json:"heardBack"`
	On         string `json:"on"`  // YYYY-MM-DD the first thank-you or share-back was done, "" = not yet
	How        string `json:"how"` // thank-you, share-back
	CanContact bool   `json:"canContact"`
	Planned    bool   `json:"planned"` // not yet, but an open thank-you or share-back exists
}
