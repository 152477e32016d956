package board

// Rewards at a session: what was promised and given to each participant,
// against the session's budget. The board cannot import the session
// package (session imports board), so the few facts it needs about a
// session, its participants and its ideas are read here with plain SQL.

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"github.com/jmoiron/sqlx"

	"soundingboard/backend/store"
	"soundingboard/backend/valid"
)

// RewardBudgetInput sets what a session may spend on rewards.
type RewardBudgetInput struct {
	BudgetCents int64  `json:"budgetCents"` // 0 = no budget
	Currency    string `json:"currency"`    // required with a budget; every reward of the session uses it
}

// SessionRewards is a session's rewards per participant and their totals
// against its budget.
type SessionRewards struct {
	SessionID      int64          `json:"sessionId"`
	BudgetCents    int64          `json:"budgetCents"` // 0 = no budget set
	Currency       string         `json:"currency"`    // the budget's, else that of the rewards so far
	PromisedCents  int64          `json:"promisedCents"`
	GivenCents     int64          `json:"givenCents"`
	RemainingCents int64          `json:"remainingCents"` // budget - promised - given; below 0 when over
	Warning        string         `json:"warning"`        // set when promised + given exceed the budget
	People         []RewardPerson `json:"people"`         // participants by name, then anyone else rewarded at the session
	Ideas          []RewardIdea   `json:"ideas"`          // the session's ideas, which can earn a reward
}

// RewardPerson is one person's rewards at a session.
type RewardPerson struct {
	MemberID      int64    `json:"memberId" db:"member_id"`
	Name          string   `json:"name" db:"name"`
	State         string   `json:"state" db:"state"` // participant state; "" when no longer a participant
	PromisedCents int64    `json:"promisedCents"`
	GivenCents    int64    `json:"givenCents"`
	Rewards       []Reward `json:"rewards"`
}

// RewardIdea is an idea of the session a reward can name.
type RewardIdea struct {
	ID       int64  `json:"id" db:"id"`
	MemberID int64  `json:"memberId" db:"member_id"` // 0 = unattributed
	Text     string `json:"text" db:"text"`
}

// SessionRewards returns a session's rewards per participant, the totals
// promised and given against its budget, and a warning when over it.
func (s *Service) SessionRewards(sessionID int64) (SessionRewards, error) {
	out, err := store.Read(s.ctx, s.db, func(q store.Queryer) (SessionRewards, error) {
		return sessionRewards(s.ctx, q, sessionID)
	})
	if err != nil {
		return SessionRewards{}, fmt.Errorf("rewards of session %d: %w", sessionID, err)
	}
	return out, nil
}

// SetRewardBudget sets a session's reward budget and currency; a currency
// other than that of the session's rewards so far is refused.
func (s *Service) SetRewardBudget(sessionID int64, in RewardBudgetInput) (SessionRewards, error) {
	in.Currency = strings.ToUpper(strings.TrimSpace(in.Currency))
	var p valid.Problems
	if in.BudgetCents < 0 {
		p.Add("budgetCents", "budgetCents %d cannot be negative", in.BudgetCents)
	}
	if in.Currency != "" && !isCurrencyCode(in.Currency) {
		p.Add("currency", "currency %q is not a 3-letter code like EUR or USD", in.Currency)
	} else if in.Currency == "" && in.BudgetCents > 0 {
		p.Add("currency", "currency is required with a budget (for example EUR)")
	}
	if err := p.Err(); err != nil {
		return SessionRewards{}, fmt.Errorf("set reward budget of session %d: %w", sessionID, err)
	}
	var out SessionRewards
	err := store.WithTx(s.ctx, s.db, func(tx *sqlx.Tx) error {
		if err := sessionExists(s.ctx, tx, sessionID); err != nil {
			return err
		}
		var used []string
		if err := sqlx.SelectContext(s.ctx, tx, &used, `SELECT DISTINCT currency FROM rewards
			WHERE session_id = ? AND currency <> '' AND currency <> ? ORDER BY currency`, sessionID, in.Currency); err != nil {
			return err
		}
		if len(used) > 0 && in.Currency != "" {
			p.Add("currency", "currency %s differs from the session's rewards so far (%s)", in.Currency, strings.Join(used, ", "))
			return p.Err()
		}
		if _, err := tx.ExecContext(s.ctx, `UPDATE sessions SET reward_budget_cents = ?, reward_currency = ? WHERE id = ?`,
			in.BudgetCents, in.Currency, sessionID); err != nil {
			return store.Map(err, fmt.Sprintf("session %d", sessionID))
		}
		var err error
		out, err = sessionRewards(s.ctx, tx, sessionID)
		return err
	})
	if err != nil {
		return SessionRewards{}, fmt.Errorf("set reward budget of session %d: %w", sessionID, err)
	}
	return out, nil
}

func sessionExists(ctx context.Context, q store.Queryer, id int64) error {
	var n int
	if err := sqlx.GetContext(ctx, q, &n, `SELECT count(*) FROM sessions WHERE id = ?`, id); err != nil {
		return err
	}
	if n == 0 {
		return store.NotFound("session %d not found", id)
	}
	return nil
}

// sessionCurrency is the currency a session's rewards are counted in: its
// budget's, else that of its first reward with one ("" when none).
func sessionCurrency(ctx context.Context, q store.Queryer, sessionID int64) (string, error) {
	var c string
	err := sqlx.GetContext(ctx, q, &c, `SELECT coalesce(nullif(s.reward_currency, ''),
		(SELECT r.currency FROM rewards r WHERE r.session_id = s.id AND r.currency <> '' ORDER BY r.id LIMIT 1), '')
		FROM sessions s WHERE s.id = ?`, sessionID)
	return c, err
}

// checkSessionReward checks a reward's session and idea inside the
// writing transaction: the session exists and the member takes part in
// it, the idea is an idea of that session, and the currency is the
// session's (an empty one becomes it).
func checkSessionReward(ctx context.Context, q store.Queryer, memberID int64, in *RewardInput) error {
	if in.SessionID == 0 {
		return nil
	}
	var p valid.Problems
	var state string
	err := sqlx.GetContext(ctx, q, &state, `SELECT coalesce((SELECT state FROM participants
		WHERE session_id = s.id AND member_id = ?), '') FROM sessions s WHERE s.id = ?`, memberID, in.SessionID)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		p.Add("sessionId", "sessionId %d is not a session", in.SessionID)
		return p.Err()
	case err != nil:
		return err
	case state == "":
		p.Add("memberId", "member %d is not a participant of session %d", memberID, in.SessionID)
	}
	if in.EntryID != 0 {
		var idea struct {
			SessionID int64  `db:"session_id"`
			Kind      string `db:"kind"`
		}
		err := sqlx.GetContext(ctx, q, &idea, `SELECT session_id, kind FROM entries WHERE id = ?`, in.EntryID)
		switch {
		case errors.Is(err, sql.ErrNoRows):
			p.Add("entryId", "entryId %d is not an entry", in.EntryID)
		case err != nil:
			return err
		case idea.Kind != "idea" || idea.SessionID != in.SessionID:
			p.Add("entryId", "entryId %d is not an idea of session %d", in.EntryID, in.SessionID)
		}
	}
	cur, err := sessionCurrency(ctx, q, in.SessionID)
	if err != nil {
		return err
	}
	switch {
	case in.Currency == "":
		in.Currency = cur
	case cur != "" && in.Currency != cur:
		p.Add("currency", "currency %s differs from the session's %s", in.Currency, cur)
	}
	return p.Err()
}

// sessionRewards reads a session's rewards view on q.
func sessionRewards(ctx context.Context, q store.Queryer, sessionID int64) (SessionRewards, error) {
	out := SessionRewards{SessionID: sessionID, People: []RewardPerson{}, Ideas: []RewardIdea{}}
	err := sqlx.GetContext(ctx, q, &out.BudgetCents, `SELECT reward_budget_cents FROM sessions WHERE id = ?`, sessionID)
	if err != nil {
		return out, store.Map(err, fmt.Sprintf("session %d", sessionID))
	}
	if out.Currency, err = sessionCurrency(ctx, q, sessionID); err != nil {
		return out, err
	}
	if err := sqlx.SelectContext(ctx, q, &out.People, `SELECT m.id AS member_id, m.name, coalesce(pa.state, '') AS state
		FROM members m LEFT JOIN participants pa ON pa.member_id = m.id AND pa.session_id = ?
		WHERE pa.session_id IS NOT NULL OR m.id IN (SELECT member_id FROM rewards WHERE session_id = ?)
		ORDER BY pa.session_id IS NULL, m.name COLLATE NOCASE, m.id`, sessionID, sessionID); err != nil {
		return out, fmt.Errorf("read participants: %w", err)
	}
	var rewards []Reward
	if err := sqlx.SelectContext(ctx, q, &rewards, rewardSelect+` WHERE r.session_id = ? ORDER BY r.created_at, r.id`,
		sessionID); err != nil {
		return out, fmt.Errorf("read rewards: %w", err)
	}
	if err := sqlx.SelectContext(ctx, q, &out.Ideas, `SELECT id, coalesce(member_id, 0) AS member_id, text FROM entries
		WHERE session_id = ? AND kind = 'idea' ORDER BY id`, sessionID); err != nil {
		return out, fmt.Errorf("read ideas: %w", err)
	}
	byMember := make(map[int64]*RewardPerson, len(out.People))
	for i := range out.People {
		out.People[i].Rewards = []Reward{}
		byMember[out.People[i].MemberID] = &out.People[i]
	}
	for _, r := range rewards {
		person := byMember[r.MemberID]
		person.Rewards = append(person.Rewards, r)
		if r.Status == RewardGiven {
			person.GivenCents += r.ValueCents
			out.GivenCents += r.ValueCents
		} else {
			person.PromisedCents += r.ValueCents
			out.PromisedCents += r.ValueCents
		}
	}
	out.RemainingCents = out.BudgetCents - out.PromisedCents - out.GivenCents
	if out.BudgetCents > 0 && out.RemainingCents < 0 {
		out.Warning = fmt.Sprintf("Promised and given rewards come to %s, over the budget of %s by %s.",
			money(out.PromisedCents+out.GivenCents, out.Currency), money(out.BudgetCents, out.Currency),
			money(-out.RemainingCents, out.Currency))
	}
	return out, nil
}
