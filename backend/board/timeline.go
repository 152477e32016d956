package board

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/jmoiron/sqlx"

	"soundingboard/backend/store"
	"soundingboard/backend/valid"
)

const (
	touchpointColumns = `id, member_id, kind, happened_on, summary, created_at`
	// rewardSelect reads rewards (alias r) with the title of their session
	// and the text of their idea, so wherever a reward shows it can name them.
	rewardSelect = `SELECT r.id, r.member_id, coalesce(r.session_id, 0) AS session_id, coalesce(r.entry_id, 0) AS entry_id,
		r.what, r.value_cents, r.currency, r.status, coalesce(r.given_on, '') AS given_on, r.note, r.created_at,
		coalesce(se.title, '') AS session, coalesce(en.text, '') AS idea
		FROM rewards r LEFT JOIN sessions se ON se.id = r.session_id LEFT JOIN entries en ON en.id = r.entry_id`
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

// validate normalises a reward (status "" = given, given "" date = today,
// currency upper-cased) and checks what it can without the database;
// checkSessionReward checks the session and the idea.
func (in *RewardInput) validate(today string) error {
	in.What = strings.TrimSpace(in.What)
	in.Currency = strings.ToUpper(strings.TrimSpace(in.Currency))
	in.Note = lineFeeds(strings.TrimSpace(in.Note))
	in.Status = strings.ToLower(strings.TrimSpace(in.Status))
	if in.Status == "" {
		in.Status = string(RewardGiven)
	}
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
	p.OneOf("status", in.Status, rewardStatuses...)
	if in.Status == string(RewardPromised) {
		if strings.TrimSpace(in.GivenOn) != "" {
			p.Add("givenOn", "givenOn must be empty for a promised reward: it gets its date when it is given")
		}
		in.GivenOn = ""
	} else {
		in.GivenOn, _ = pastDate(&p, "givenOn", in.GivenOn, today)
	}
	if in.SessionID < 0 {
		p.Add("sessionId", "sessionId %d is not a session", in.SessionID)
	}
	if in.EntryID < 0 || (in.EntryID != 0 && in.SessionID == 0) {
		p.Add("entryId", "entryId %d needs the sessionId of the session the idea came from", in.EntryID)
	}
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

// InsertTouchpoint writes a touchpoint in the caller's transaction (its id
// comes from store.NewID, which needs the writing transaction) and returns
// its id. It is the one writer of the touchpoints table: the board,
// sessions and reminders all log through it.
func InsertTouchpoint(ctx context.Context, tx *sqlx.Tx, tp TouchpointInsert) (int64, error) {
	id, err := store.NewID(ctx, tx)
	if err != nil {
		return 0, err
	}
	_, err = tx.ExecContext(ctx, `INSERT INTO touchpoints (id, member_id, kind, happened_on, summary, created_at)
		VALUES (?, ?, ?, ?, ?, ?)`, id, tp.MemberID, tp.Kind, tp.HappenedOn, tp.Summary, tp.CreatedAt)
	if err != nil {
		return 0, store.Map(err, "touchpoint")
	}
	return id, nil
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

// AddReward records a reward given or promised to a member, on its own or
// at a session (see checkSessionReward).
func (s *Service) AddReward(memberID int64, in RewardInput) (Reward, error) {
	if err := in.validate(s.today()); err != nil {
		return Reward{}, fmt.Errorf("add reward: %w", err)
	}
	var r Reward
	err := store.WithTx(s.ctx, s.db, func(tx *sqlx.Tx) error {
		if err := memberExists(s.ctx, tx, memberID); err != nil {
			return err
		}
		if err := checkSessionReward(s.ctx, tx, memberID, &in); err != nil {
			return err
		}
		id, err := store.NewID(s.ctx, tx)
		if err != nil {
			return err
		}
		_, err = tx.ExecContext(s.ctx, `INSERT INTO rewards (id, member_id, session_id, entry_id, what, value_cents,
			currency, status, given_on, note, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			id, memberID, nullable(in.SessionID != 0, in.SessionID), nullable(in.EntryID != 0, in.EntryID), in.What,
			in.ValueCents, in.Currency, in.Status, nullable(in.GivenOn != "", in.GivenOn), in.Note, s.stamp())
		if err != nil {
			return store.Map(err, "reward")
		}
		r, err = getReward(s.ctx, tx, id)
		return err
	})
	if err != nil {
		return Reward{}, fmt.Errorf("add reward to member %d: %w", memberID, err)
	}
	return r, nil
}

// GiveReward marks a promised reward given on givenOn ("" = today).
func (s *Service) GiveReward(id int64, givenOn string) (Reward, error) {
	var p valid.Problems
	givenOn, _ = pastDate(&p, "givenOn", givenOn, s.today())
	if err := p.Err(); err != nil {
		return Reward{}, fmt.Errorf("give reward %d: %w", id, err)
	}
	var r Reward
	err := store.WithTx(s.ctx, s.db, func(tx *sqlx.Tx) error {
		cur, err := getReward(s.ctx, tx, id)
		if err != nil {
			return err
		}
		if cur.Status == RewardGiven {
			var p valid.Problems
			p.Add("status", "status: reward %d was already given on %s", id, cur.GivenOn)
			return p.Err()
		}
		if _, err := tx.ExecContext(s.ctx, `UPDATE rewards SET status = 'given', given_on = ? WHERE id = ?`, givenOn, id); err != nil {
			return store.Map(err, fmt.Sprintf("reward %d", id))
		}
		r, err = getReward(s.ctx, tx, id)
		return err
	})
	if err != nil {
		return Reward{}, fmt.Errorf("give reward %d: %w", id, err)
	}
	return r, nil
}

func getReward(ctx context.Context, q store.Queryer, id int64) (Reward, error) {
	var r Reward
	if err := sqlx.GetContext(ctx, q, &r, rewardSelect+` WHERE r.id = ?`, id); err != nil {
		return Reward{}, store.Map(err, fmt.Sprintf("reward %d", id))
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
	if err := sqlx.SelectContext(ctx, q, &rewards, rewardSelect+`
		WHERE r.member_id = ? ORDER BY coalesce(r.given_on, substr(r.created_at, 1, 10)) DESC, r.created_at DESC, r.id DESC`,
		memberID); err != nil {
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
		all = append(all, entry{TimelineEntry{Date: rewardDay(r), Type: "reward", Title: r.What,
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

// rewardDay is when a reward shows on the timeline: the day it was given,
// or while promised the day the promise was recorded.
func rewardDay(r Reward) string {
	if r.GivenOn != "" || len(r.CreatedAt) < len(time.DateOnly) {
		return r.GivenOn
	}
	return r.CreatedAt[:len(time.DateOnly)]
}

// rewardDetail reads like `promised · 25.00 EUR · session "Onboarding" ·
// idea "Invoices by email" · sent by post`.
func rewardDetail(r Reward) string {
	var parts []string
	if r.Status == RewardPromised {
		parts = append(parts, "promised")
	}
	if r.ValueCents > 0 {
		parts = append(parts, money(r.ValueCents, r.Currency))
	}
	if r.Session != "" {
		parts = append(parts, fmt.Sprintf("session %q", r.Session))
	}
	if r.Idea != "" {
		parts = append(parts, fmt.Sprintf("idea %q", r.Idea))
	}
	if r.Note != "" {
		parts = append(parts, r.Note)
	}
	return strings.Join(parts, " · ")
}

// money reads like "25.00 EUR" ("25.00" without a currency, "-5.00" below zero).
func money(cents int64, currency string) string {
	sign := ""
	if cents < 0 {
		sign, cents = "-", -cents
	}
	v := fmt.Sprintf("%s%d.%02d", sign, cents/100, cents%100)
	if currency != "" {
		v += " " + currency
	}
	return v
}
