package store

import (
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// Sentinel kinds; match them with errors.Is.
var (
	ErrNotFound = errors.New("not found")
	ErrConflict = errors.New("conflict")
	ErrInvalid  = errors.New("invalid")
	// ErrLocked means another Sounding Board process holds the database's
	// writer lock.
	ErrLocked = errors.New("database is open in another Sounding Board")
	// ErrBusy means SQLite stayed locked past busy_timeout.
	ErrBusy = errors.New("database busy")
	// ErrDiskFull means the disk (or a size limit) left no room to write.
	ErrDiskFull = errors.New("disk full")
	// ErrReadOnly means the file or its folder cannot be written.
	ErrReadOnly = errors.New("read-only")
)

// Code names a kind of failure for the frontend: the window (Wails'
// ErrorFormatter) and browser mode (/rpc) send it in the same JSON.
type Code string

// The codes, one per kind, plus internal for everything unexpected.
const (
	CodeNotFound Code = "not_found"
	CodeConflict Code = "conflict"
	CodeInvalid  Code = "invalid"
	CodeLocked   Code = "locked"
	CodeBusy     Code = "busy"
	CodeDiskFull Code = "disk_full"
	CodeReadOnly Code = "read_only"
	CodeInternal Code = "internal"
)

var codes = map[error]Code{
	ErrNotFound: CodeNotFound, ErrConflict: CodeConflict, ErrInvalid: CodeInvalid, ErrLocked: CodeLocked,
	ErrBusy: CodeBusy, ErrDiskFull: CodeDiskFull, ErrReadOnly: CodeReadOnly,
}

// Problem is one thing wrong with one field of an input. Field is the
// input's JSON name ("email", "dueAt"), or "" when no single field is to
// blame; Message is a whole sentence that names the field itself.
type Problem struct {
	Field   string `json:"field,omitempty"`
	Message string `json:"message"`
}

// Error is a domain error with a message a person can act on. Its kind is
// one of the sentinels above, so transports can map it (404, 409, 400);
// an invalid input lists its field problems.
type Error struct {
	Kind   error
	Msg    string
	Fields []Problem
}

func (e *Error) Error() string { return e.Msg }

// Is reports whether target is e's kind, so errors.Is(err, ErrNotFound)
// matches a NotFound error however deep it is wrapped.
func (e *Error) Is(target error) bool { return target == e.Kind }

// Code is the code of e's kind.
func (e *Error) Code() Code {
	if c, ok := codes[e.Kind]; ok {
		return c
	}
	return CodeInternal
}

// NotFound builds an ErrNotFound error.
func NotFound(format string, a ...any) error {
	return &Error{Kind: ErrNotFound, Msg: fmt.Sprintf(format, a...)}
}

// Conflict builds an ErrConflict error.
func Conflict(format string, a ...any) error {
	return &Error{Kind: ErrConflict, Msg: fmt.Sprintf(format, a...)}
}

// ConflictAt builds an ErrConflict error that one field of the input
// caused (a taken email), so the frontend shows it at that field.
func ConflictAt(field, format string, a ...any) error {
	msg := fmt.Sprintf(format, a...)
	return &Error{Kind: ErrConflict, Msg: msg, Fields: []Problem{{Field: field, Message: msg}}}
}

// Invalid builds an ErrInvalid error.
func Invalid(format string, a ...any) error {
	return &Error{Kind: ErrInvalid, Msg: fmt.Sprintf(format, a...)}
}

// InvalidFields builds an ErrInvalid error from field problems; its
// message lists them all.
func InvalidFields(ps []Problem) error {
	msgs := make([]string, len(ps))
	for i, p := range ps {
		msgs[i] = p.Message
	}
	return &Error{Kind: ErrInvalid, Msg: strings.Join(msgs, "; "), Fields: ps}
}

// Map turns driver errors into domain errors: sql.ErrNoRows becomes
// NotFound(what), a UNIQUE violation becomes Conflict, other constraint
// failures become Invalid. SQLite errors are told apart by their code,
// never their text. Other errors pass through unchanged.
func Map(err error, what string) error {
	if err == nil {
		return nil
	}
	if errors.Is(err, sql.ErrNoRows) {
		return NotFound("%s not found", what)
	}
	var se *sqlite.Error
	if !errors.As(err, &se) {
		return err
	}
	switch se.Code() {
	case sqlite3.SQLITE_CONSTRAINT_UNIQUE, sqlite3.SQLITE_CONSTRAINT_PRIMARYKEY:
		return Conflict("%s already exists (%s)", what, constraintDetail(se.Error()))
	case sqlite3.SQLITE_CONSTRAINT_FOREIGNKEY:
		return Invalid("%s refers to something that does not exist", what)
	case sqlite3.SQLITE_CONSTRAINT_CHECK, sqlite3.SQLITE_CONSTRAINT_NOTNULL:
		return Invalid("%s has a value out of range (%s)", what, constraintDetail(se.Error()))
	}
	return err
}

// constraintDetail is the constraint a SQLite message names
// ("members.email" in "UNIQUE constraint failed: members.email (2067)").
func constraintDetail(msg string) string {
	if _, d, ok := strings.Cut(msg, "constraint failed: "); ok {
		d, _, _ = strings.Cut(d, " (")
		return d
	}
	return msg
}

// Payload is what a failed call sends to the frontend, in the window and
// in the browser alike: a message for people, its code, and for an invalid
// input the problem of each field. The wrapped chain ("get member 9: …")
// is for logs; it never reaches the payload.
type Payload struct {
	Message string    `json:"error"`
	Code    Code      `json:"code"`
	Fields  []Problem `json:"fields,omitempty"`
}

// Refusal reports whether p is the app saying no to a request (invalid
// input, something not found, a conflict): part of normal use, so neither
// transport logs it as a failure.
func (p Payload) Refusal() bool {
	return p.Code == CodeInvalid || p.Code == CodeNotFound || p.Code == CodeConflict
}

// internalMessage stands in for an unexpected error, whose text is a chain
// of internal steps that helps nobody at the screen; the log has it.
const internalMessage = "Something went wrong inside Sounding Board. Try again; if it keeps happening, its log has the details."

// Describe classifies err for the frontend. A domain error keeps its kind
// and its own message, without the context it gained on the way up; a
// SQLite error anywhere in the chain is classified by its code and told as
// what to do; anything else is an internal error with a general message.
func Describe(err error) Payload {
	if err == nil {
		return Payload{}
	}
	var de *Error
	if !errors.As(err, &de) && !errors.As(Classify(err), &de) {
		return Payload{Message: internalMessage, Code: CodeInternal}
	}
	if len(de.Fields) == 0 {
		return Payload{Message: Sentence(de.Msg), Code: de.Code()}
	}
	// Field problems become sentences in words, and the message is them all.
	fields := make([]Problem, len(de.Fields))
	say := make([]string, len(de.Fields))
	for i, f := range de.Fields {
		say[i] = Sentence(spellField(f.Message, f.Field))
		fields[i] = Problem{Field: f.Field, Message: say[i]}
	}
	return Payload{Message: strings.Join(say, " "), Code: de.Code(), Fields: fields}
}

// spellField writes the JSON name a problem starts with in words
// ("dueAt is required" -> "due at is required", "decisionId …" ->
// "decision …"): the names are for code, the message for people.
func spellField(msg, field string) string {
	rest, ok := strings.CutPrefix(msg, field+" ")
	if !ok || strings.ToLower(field) == field {
		return msg
	}
	name := strings.TrimSuffix(field, "Id")
	if n, ok := strings.CutSuffix(field, "Ids"); ok {
		name = n + "s"
	}
	var b strings.Builder
	for i, r := range name {
		if unicode.IsUpper(r) && i > 0 {
			b.WriteByte(' ')
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String() + " " + rest
}

// Sentence makes msg read as a sentence: a capital first letter (unless
// the first word is a camelCase name like "dueAt") and a closing stop.
func Sentence(msg string) string {
	msg = strings.TrimSpace(msg)
	if msg == "" {
		return msg
	}
	first, _, _ := strings.Cut(msg, " ")
	r, size := utf8.DecodeRuneInString(msg)
	if unicode.IsLower(r) && strings.ToLower(first) == first {
		msg = string(unicode.ToUpper(r)) + msg[size:]
	}
	if !strings.ContainsAny(msg[len(msg)-1:], ".!?") {
		msg += "."
	}
	return msg
}

// Classify wraps a SQLite error whose code says what went wrong (a full
// disk, a read-only file, a lock held too long) as the matching domain
// error, so errors.Is and the CLI see it too: its text is the chain with
// SQLite's words replaced by what to do, and the domain error it wraps
// says only what to do. Other errors pass unchanged.
func Classify(err error) error {
	var se *sqlite.Error
	if err == nil || !errors.As(err, &se) {
		return err
	}
	// The kind, and the sentence that replaces SQLite's text, by the
	// primary result code.
	var kind error
	var say string
	switch code := se.Code(); code & 0xff {
	case sqlite3.SQLITE_FULL:
		kind, say = ErrDiskFull, "the disk is full: free some space and try again"
	case sqlite3.SQLITE_IOERR:
		// Out of space shows as a write error (IOERR_WRITE, _SHMSIZE, _FSYNC …)
		// at least as often as SQLITE_FULL.
		kind, say = ErrDiskFull, fmt.Sprintf("the data could not be written to the disk (I/O error %d): "+
			"check that the disk is not full and is still connected, then try again", code)
	case sqlite3.SQLITE_READONLY, sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_PERM:
		kind, say = ErrReadOnly, "the data file or its folder cannot be written: check its permissions and free space"
	case sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED:
		kind, say = ErrBusy, "the data is busy with another program (another Sounding Board or a backup tool): try again in a moment"
	default:
		return err
	}
	return &classified{text: strings.Replace(err.Error(), se.Error(), say, 1), err: &Error{Kind: kind, Msg: say}}
}

// classified is a SQLite error told in words: the whole chain for logs and
// the command line, the bare domain error for the frontend.
type classified struct {
	text string
	err  *Error
}

func (c *classified) Error() string { return c.text }
func (c *classified) Unwrap() error { return c.err }
