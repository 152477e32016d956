package board

// Merging a member into another: a guest of a session who turns out to be
// a member, or any duplicate. Everything that points at the member (from
// the schema's foreign keys, so a table added later is covered) moves to
// the member on record, and the merged member's row goes. Where both have
// a row that may exist once (a consent of a kind, a tag, a place in a
// session), the target's is kept: it is the one on record.

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/jmoiron/sqlx"

	"soundingboard/backend/store"
)

// MergeMember moves everything of member from to member into and deletes
// from, in one transaction; returns into as it is now. The merged member's
// own fields (notes, email…) are not copied. The target must be on the
// board: not archived, not erased.
func (s *Service) MergeMember(from, into int64) (MemberDetail, error) {
	if from == into {
		return MemberDetail{}, store.Invalid("a member cannot be merged into themselves (member %d)", from)
	}
	err := store.WithTx(s.ctx, s.db, func(tx *sqlx.Tx) error {
		if _, err := readMergeParty(s.ctx, tx, from); err != nil {
			return err
		}
		target, err := readMergeParty(s.ctx, tx, into)
		if err != nil {
			return err
		}
		if target.Archived {
			return store.Invalid("%s is archived; restore them before merging into them", target.Name)
		}
		refs, err := store.RefsTo(s.ctx, tx, "members")
		if err != nil {
			return err
		}
		exec := func(query string, args ...any) (sql.Result, error) { return tx.ExecContext(s.ctx, query, args...) }
		for _, ref := range refs {
			if err := store.MoveRef(exec, ref, from, into); err != nil {
				return err
			}
		}
		if _, err := tx.ExecContext(s.ctx, `DELETE FROM members WHERE id = ?`, from); err != nil {
			return err
		}
		_, err = tx.ExecContext(s.ctx, `UPDATE members SET updated_at = ? WHERE id = ?`, s.stamp(), into)
		return err
	})
	if err != nil {
		return MemberDetail{}, fmt.Errorf("merge member %d into %d: %w", from, into, err)
	}
	return s.GetMember(into)
}

// mergeParty is what a merge checks of a member.
type mergeParty struct {
	Name     string `db:"name"`
	Archived bool   `db:"archived"`
}

// readMergeParty reads member id: NotFound naming the id, and saying so
// when the member was erased.
func readMergeParty(ctx context.Context, q store.Queryer, id int64) (mergeParty, error) {
	var p mergeParty
	err := sqlx.GetContext(ctx, q, &p, `SELECT name, archived_at IS NOT NULL AS archived FROM members WHERE id = ?`, id)
	if errors.Is(err, sql.ErrNoRows) {
		var erased bool
		if err := sqlx.GetContext(ctx, q, &erased, `SELECT EXISTS (SELECT 1 FROM sync_forgotten
			WHERE tbl = 'members' AND row_key = '[' || ? || ']')`, id); err != nil {
			return mergeParty{}, err
		}
		if erased {
			return mergeParty{}, store.NotFound("member %d was erased", id)
		}
		return mergeParty{}, store.NotFound("member %d not found", id)
	}
	return p, err
}
