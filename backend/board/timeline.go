package board

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/jmoiron/sqlx"

	"soundingboard/backend/store"
	"soundingboard/backend/valid"
)

const (
	touchpointColumns = `id, member_id, kind, happened_on, summary, created_at`
	rewardColumns     = `id, member_id, what, value_cents, currency, given_on, note, created_at`
)

// validate normalises a touchpoint ("" date = today) and checks it; it
// takes the service's today so tests can fix the clock.
func (in *TouchpointInput) validate(today string) error {
	in.Kind = strings.ToLower(strings.TrimSpace(in.Kind))
	in.Summary = lineFeeds(strings.TrimSpace(in.Summary))
	var p valid.Problems
	p.OneOf("kind", in.Kind, touchpointKinds...)
	in.HappenedOn, _ = pastDate(&p, "happenedOn", in.HappenedOn, today)
	p.MaxLen("summary", in.Summary, maxLongText)
	p.NoControlLines("summary", in.Summary)
	return p.Err()
}

// validate normalises a reward ("" date = today, currency upper-cased) and
// checks it.
func (in *RewardInput) validate(today string) error {
	in.What = strings.TrimSpace(in.What)
	in.Currency = strings.ToUpper(strings.TrimSpace(in.Currency))
	in.Note = lineFeeds(strings.TrimSpace(in.Note))
	var p valid.Problems
	if in.What == "" {
		p.Add("what", `what is required (for example "gift card")`)
	}
	p.MaxLen("what", in.What, maxShort)
	p.NoControl("what", in.What)
	if in.ValueCents < 0 {
		p.Add("valueCents", "valueCents %d cannot be negative", in.ValueCents)
	}
	if in.Currency != "" && !isCurrencyCode(in.Currency) {
		p.Add("currency", "currency %q is not a 3-letter code like EUR or USD", in.Currency)
	}
	p.MaxLen("note", in.Note, maxLongText)
	p.NoControlLines("note", in.Note)
	in.GivenOn, _ = pastDate(&p, "givenOn", in.GivenOn, today)
	return p.Err()
}

func isCurrencyCode(s string) bool {
	if len(s) != 3 {
		return false
	}
	for _, r := range s {
		if r < 'A' || r > 'Z' {
			return false
		}
	}
	return true
}

// TouchpointInsert is one touchpoint to write; the writer has checked it.
type TouchpointInsert struct {
	MemberID   int64
	Kind       string // one of touchpointKinds
	HappenedOn string // YYYY-MM-DD
	Summary    string
	CreatedAt  string // RFC 3339 UTC
}

// InsertTouchpoint writes a touchpoint through q, usually the caller's
// transaction, and returns its id. It is the one writer of the touchpoints
// table: the board, sessions and reminders all log through it.
func InsertTouchpoint(ctx context.Context, q store.Queryer, tp TouchpointInsert) (int64, error) {
	res, err := q.ExecContext(ctx, `INSERT INTO touchpoints (member_id, kind, happened_on, summary, created_at)
		VALUES (?, ?, ?, ?, ?)`, tp.MemberID, tp.Kind, tp.HappenedOn, tp.Summary, tp.CreatedAt)
	if err != nil {
		return 0, store.Map(err, "touchpoint")
	}
	return res.LastInsertId()
}

// AddTouchpoint logs a touchpoint in a member's history.
func (s *Service) AddTouchpoint(memberID int64, in TouchpointInput) (Touchpoint, error) {
	if err := in.validate(s.today()); err != nil {
		return Touchpoint{}, fmt.Errorf("add touchpoint: %w", err)
	}
	var t Touchpoint
	err := store.WithTx(s.ctx, s.db, func(tx *sqlx.Tx) error {
		if err := memberExists(s.ctx, tx, memberID); err != nil {
			return err
		}
		id, err := InsertTouchpoint(s.ctx, tx, TouchpointInsert{MemberID: memberID, Kind: in.Kind,
			HappenedOn: in.HappenedOn, Summary: in.Summary, CreatedAt: s.stamp()})
		if err != nil {
			return err
		}
		return sqlx.GetContext(s.ctx, tx, &t, `SELECT `+touchpointColumns+` FROM touchpoints WHERE id = ?`, id)
	})
	if err != nil {
		return Touchpoint{}, fmt.Errorf("add touchpoint to member %d: %w", memberID, err)
	}
	return t, nil
}

// DeleteTouchpoint removes a touchpoint logged by mistake.
func (s *Service) DeleteTouchpoint(id int64) error {
	if err := store.ExecOne(s.ctx, s.db, fmt.Sprintf("touchpoint %d", id), `DELETE FROM touchpoints WHERE id = ?`, id); err != nil {
		return fmt.Errorf("delete touchpoint %d: %w", id, err)
	}
	return nil
}

// AddReward records a reward given to a member.
func (s *Service) AddReward(memberID int64, in RewardInput) (Reward, error) {
	if err := in.validate(s.today()); err != nil {
		return Reward{}, fmt.Errorf("add reward: %w", err)
	}
	var r Reward
	err := store.WithTx(s.ctx, s.db, func(tx *sqlx.Tx) error {
		if err := memberExists(s.ctx, tx, memberID); err != nil {
			return err
		}
		res, err := tx.ExecContext(s.ctx, `INSERT INTO rewards (member_id, what, value_cents, currency, given_on, note, created_at)
			VALUES (?, ?, ?, ?, ?, ?, ?)`, memberID, in.What, in.ValueCents, in.Currency, in.GivenOn, in.Note, s.stamp())
		if err != nil {
			return store.Map(err, "reward")
		}
		id, err := res.LastInsertId()
		if err != nil {
			return err
		}
		return sqlx.GetContext(s.ctx, tx, &r, `SELECT `+rewardColumns+` FROM rewards WHERE id = ?`, id)
	})
	if err != nil {
		return Reward{}, fmt.Errorf("add reward to member %d: %w", memberID, err)
	}
	return r, nil
}

// DeleteReward removes a reward recorded by mistake.
func (s *Service) DeleteReward(id int64) error {
	if err := store.ExecOne(s.ctx, s.db, fmt.Sprintf("reward %d", id), `DELETE FROM rewards WHERE id = ?`, id); err != nil {
		return fmt.Errorf("delete reward %d: %w", id, err)
	}
	return nil
}

// timelineOf merges a member's touchpoints and rewards, newest first (by
// date, then by when they were logged), and returns the rewards too.
func timelineOf(ctx context.Context, q store.Queryer, memberID int64) ([]TimelineEntry, []Reward, error) {
	var tps []Touchpoint
	if err := sqlx.SelectContext(ctx, q, &tps, `SELECT `+touchpointColumns+` FROM touchpoints
		WHERE member_id = ? ORDER BY happened_on DESC, created_at DESC, id DESC`, memberID); err != nil {
		return nil, nil, err
	}
	rewards := []Reward{}
	if err := sqlx.SelectContext(ctx, q, &rewards, `SELECT `+rewardColumns+` FROM rewards
		WHERE member_id = ? ORDER BY given_on DESC, created_at DESC, id DESC`, memberID); err != nil {
		return nil, nil, err
	}
	type entry struct {
		TimelineEntry
		createdAt string
	}
	all := make([]entry, 0, len(tps)+len(rewards))
	for _, t := range tps {
		all = append(all, entry{TimelineEntry{Date: t.HappenedOn, Type: string(t.Kind), Title: kindTitle(string(t.Kind)),
			Detail: t.Summary, RefID: t.ID}, t.CreatedAt})
	}
	for _, r := range rewards {
		all = append(all, entry{TimelineEntry{Date: r.GivenOn, Type: "reward", Title: r.What,
			Detail: rewardDetail(r), RefID: r.ID}, r.CreatedAt})
	}
	sort.SliceStable(all, func(i, j int) bool {
		a, b := all[i], all[j]
		if a.Date != b.Date {
			return a.Date > b.Date
		}
		return a.createdAt > b.createdAt
	})
	out := make([]TimelineEntry, len(all))
	for i, e := range all {
		out[i] = e.TimelineEntry
	}
	return out, rewards, nil
}

func kindTitle(kind string) string {
	if kind == "" {
		return ""
	}
	return strings.ToUpper(kind[:1]) + kind[1:]
}

// rewardDetail reads like "25.00 EUR · sent by post".
func rewardDetail(r Reward) string {
	var parts []string
	if r.ValueCents > 0 {
		v := fmt.Sprintf("%d.%02d", r.ValueCents/100, r.ValueCents%100)
		if r.Currency != "" {
			v += " " + r.Currency
		}
		parts = append(parts, v)
	}
	if r.Note != "" {
		parts = append(parts, r.Note)
	}
	return strings.Join(parts, " · ")
}
