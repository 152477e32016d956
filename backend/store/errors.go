package store

import (
	"database/sql"
	"errors"
	"fmt"
	"strings"
)

// Sentinel kinds; match them with errors.Is.
var (
	ErrNotFound = errors.New("not found")
	ErrConflict = errors.New("conflict")
	ErrInvalid  = errors.New("invalid")
)

// Error is a domain error with a message a person can act on. Its kind is
// one of the sentinels above, so transports can map it (404, 409, 400).
type Error struct {
	Kind error
	Msg  string
}

func (e *Error) Error() string        { return e.Msg }
func (e *Error) Is(target error) bool { return target == e.Kind }

// NotFound builds an ErrNotFound error.
func NotFound(format string, a ...any) error {
	return &Error{Kind: ErrNotFound, Msg: fmt.Sprintf(format, a...)}
}

// Conflict builds an ErrConflict error.
func Conflict(format string, a ...any) error {
	return &Error{Kind: ErrConflict, Msg: fmt.Sprintf(format, a...)}
}

// Invalid builds an ErrInvalid error.
func Invalid(format string, a ...any) error {
	return &Error{Kind: ErrInvalid, Msg: fmt.Sprintf(format, a...)}
}

// Map turns driver errors into domain errors: sql.ErrNoRows becomes
// NotFound(what), a UNIQUE violation becomes Conflict, other constraint
// failures become Invalid. Other errors pass through unchanged.
func Map(err error, what string) error {
	if err == nil {
		return nil
	}
	if errors.Is(err, sql.ErrNoRows) {
		return NotFound("%s not found", what)
	}
	msg := err.Error()
	switch {
	case strings.Contains(msg, "UNIQUE constraint failed"):
		return &Error{Kind: ErrConflict, Msg: fmt.Sprintf("%s already exists (%s)", what, constraintDetail(msg))}
	case strings.Contains(msg, "FOREIGN KEY constraint failed"):
		return Invalid("%s refers to something that does not exist", what)
	case strings.Contains(msg, "CHECK constraint failed"):
		return Invalid("%s has a value out of range (%s)", what, constraintDetail(msg))
	}
	return err
}

func constraintDetail(msg string) string {
	if i := strings.Index(msg, "constraint failed: "); i >= 0 {
		d := msg[i+len("constraint failed: "):]
		if j := strings.Index(d, " ("); j >= 0 {
			d = d[:j]
		}
		return d
	}
	return msg
}
