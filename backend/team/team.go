// Package team shares one board across a team's laptops through a folder
// their sync service already replicates (docs/team-folder.md). Each
// laptop keeps its own database and works offline; a sync pass writes this
// device's new changes into its own files in the folder and applies the
// files of its teammates (package changelog merges them).
//
// Trust starts from an invite code: the inviting device writes an
// invitation encrypted with a key derived from the code, holding the
// team's devices and data keys; the new device answers with a join file
// that proves it holds the code; the inviter then lists the new device in
// team_devices, a replicated table, and every teammate trusts it from
// there.
package team

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/jmoiron/sqlx"

	"soundingboard/backend/store"
	"soundingboard/backend/teamfile"
)

// Service is the team's API, bound to the window and run by `team …`
// commands. Like the other services, it keeps the context it was made
// with.
type Service struct {
	ctx    context.Context
	db     *store.DB
	now    func() time.Time
	schema int
	// compactAfter is how many segment files of its own this device keeps
	// before it compacts them (tests lower it).
	compactAfter int
}

// NewService returns the team service over db.
func NewService(ctx context.Context, db *store.DB) *Service {
	return &Service{ctx: ctx, db: db, now: time.Now, schema: store.LatestVersion(), compactAfter: compactAfter}
}

// self is this device's row of team_self.
type self struct {
	Folder      string         `db:"folder"`
	Identity    []byte         `db:"identity"`
	Epoch       uint32         `db:"epoch"`
	SegmentSeq  uint64         `db:"segment_seq"`
	SegmentFrom int64          `db:"segment_from"`
	SegmentUpto int64          `db:"segment_upto"`
	InviteSeq   uint64         `db:"invite_seq"`
	Answer      []byte         `db:"answer"`
	JoinedAt    string         `db:"joined_at"`
	LastSync    sql.NullString `db:"last_sync"`
	id          *teamfile.Identity
}

// errNoTeam is the answer of every team command on a board in no team.
var errNoTeam = store.Invalid("this board is not in a team: create one with `team create --folder DIR`, or join one with an invite code")

// loadSelf reads this device's team state; errNoTeam when there is none.
func loadSelf(ctx context.Context, q store.Queryer) (*self, error) {
	var s self
	err := sqlx.GetContext(ctx, q, &s, `SELECT folder, identity, epoch, segment_seq, segment_from, segment_upto, invite_seq, answer,
		joined_at, last_sync FROM team_self`)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, errNoTeam
	}
	if err != nil {
		return nil, fmt.Errorf("team state: %w", err)
	}
	s.id = new(teamfile.Identity)
	if err := s.id.UnmarshalBinary(s.Identity); err != nil {
		return nil, fmt.Errorf("this device's keys: %w", err)
	}
	return &s, nil
}

// inTeam reports whether the board is in a team.
func inTeam(ctx context.Context, q store.Queryer) (bool, error) {
	var n int
	err := sqlx.GetContext(ctx, q, &n, `SELECT count(*) FROM team_self`)
	return n > 0, err
}

// stamp is a time as the team tables store it.
func stamp(t time.Time) string { return t.UTC().Format(time.RFC3339) }

// header is the header of this device's file of kind at epoch and seq.
func (s *Service) header(me *self, kind teamfile.Kind, epoch uint32, seq uint64) teamfile.Header {
	return teamfile.Header{Kind: kind, Device: me.id.ID, Epoch: epoch, Seq: seq, Schema: s.schema}
}
