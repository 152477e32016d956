package teamfile

import (
	"errors"
)

// Action is what a sync pass does with a file it cannot use now.
type Action int

// The actions, from the least to the most final.
const (
	// Retry: the file may still be arriving; read it again on a later pass.
	Retry Action = iota + 1
	// Hold: the file is sound but waits for something else first: the data
	// key of its epoch, the writer's device file, an earlier file of the
	// same device, or an update of this app. Keep it and look again.
	Hold
	// Refuse: never apply the file, and show it among the sync problems.
	Refuse
)

// String names the action for status lines and logs.
func (a Action) String() string {
	switch a {
	case Retry:
		return "retry"
	case Hold:
		return "hold"
	case Refuse:
		return "refuse"
	}
	return "unknown"
}

// Reason is why a file cannot be used. Every error of Open and Cursor.Check
// wraps one of the sentinels below, so errors.Is tells them apart and
// ActionOf says what to do.
type Reason struct {
	text   string
	action Action
}

// Error is the reason in a few words.
func (r *Reason) Error() string { return r.text }

// Action is what to do with a file refused for this reason.
func (r *Reason) Action() Action { return r.action }

// The reasons a file is not applied.
var (
	// ErrPartial: the file is shorter than its header says (or than a
	// header): the sync service may still be copying it.
	ErrPartial = &Reason{"partial file", Retry}
	// ErrTampered: a bad signature, a failed decryption, bytes after the
	// end, or a signed header that breaks the format.
	ErrTampered = &Reason{"tampered file", Refuse}
	// ErrUnknownDevice: no trusted device has the header's device id; its
	// device file may not have arrived or been accepted yet.
	ErrUnknownDevice = &Reason{"unknown device", Hold}
	// ErrRemovedDevice: the writer was removed from the team.
	ErrRemovedDevice = &Reason{"removed device", Refuse}
	// ErrMoved: a sound file whose folder or name does not match its header:
	// copied into another device's folder, or renamed.
	ErrMoved = &Reason{"moved file", Refuse}
	// ErrUnknownEpoch: this device has no data key of the file's epoch yet.
	ErrUnknownEpoch = &Reason{"unknown key epoch", Hold}
	// ErrNewerSchema: written by a newer app (a newer schema, format version
	// or kind of file); applied once this app is updated.
	ErrNewerSchema = &Reason{"written by a newer app version", Hold}
	// ErrReplay: the file's seq was applied already (Cursor.Check).
	ErrReplay = &Reason{"replayed file", Refuse}
	// ErrGap: files of the same device and kind before this one have not
	// been applied yet (Cursor.Check).
	ErrGap = &Reason{"gap before file", Hold}
)

// ActionOf says what to do with a file for which Open or Cursor.Check gave
// err: the Reason's action, or Retry for any other error (a file that could
// not be read, a folder not mounted). It is 0 when err is nil.
func ActionOf(err error) Action {
	if err == nil {
		return 0
	}
	var r *Reason
	if errors.As(err, &r) {
		return r.action
	}
	return Retry
}

// FileError is a file that Open refused, naming it.
type FileError struct {
	Path string
	Err  error // wraps a Reason, or is the error reading the file
}

// Error names the file and says why.
func (e *FileError) Error() string { return "teamfile: " + e.Path + ": " + e.Err.Error() }

// Unwrap gives the reason to errors.Is and errors.As.
func (e *FileError) Unwrap() error { return e.Err }
