package board

import (
	"context"

	"github.com/jmoiron/sqlx"
)

// InsertMember validates in and adds it as a member inside tx, for a
// writer that must add a member in the same transaction as its other rows
// (the room confirming a guest also makes them a participant). now is the
// RFC 3339 stamp of the write. Returns the new member's id.
func InsertMember(ctx context.Context, tx *sqlx.Tx, in MemberInput, now string) (int64, error) {
	if err := in.Validate(); err != nil {
		return 0, err
	}
	return insertMember(ctx, tx, in, now)
}
