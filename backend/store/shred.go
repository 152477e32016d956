package store

import (
	"context"
	"fmt"
)

// Shred ends a transaction that erased someone with PRAGMA secure_delete
// on (privacy.ErasePerson, changelog.Erase): SQLite stops overwriting
// freed pages, and the WAL, which still holds old page images, is folded
// into the file and truncated. Readers may keep part of it alive a little
// longer; the next checkpoint finishes the job, so a busy result is not an
// error.
func Shred(ctx context.Context, db *DB) error {
	if _, err := db.ExecContext(ctx, `PRAGMA secure_delete = OFF`); err != nil {
		return fmt.Errorf("secure delete off: %w", err)
	}
	if _, err := db.ExecContext(ctx, `PRAGMA wal_checkpoint(TRUNCATE)`); err != nil {
		return fmt.Errorf("checkpoint: %w", err)
	}
	return nil
}
