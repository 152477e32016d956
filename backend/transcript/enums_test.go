package transcript

import (
	"testing"

	"soundingboard/backend/storetest"
	"soundingboard/backend/valid"
)

// AllFormats (what the frontend's list derives from) is the set the
// schema's CHECK allows.
func TestEnumsMatchSchema(t *testing.T) {
	db := storetest.Open(t)
	storetest.WantCheckIn(t, db, "transcripts", "format", valid.Strings(AllFormats))
}
