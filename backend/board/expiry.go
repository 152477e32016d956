package board

import (
	"fmt"
	"strings"
	"time"

	"github.com/jmoiron/sqlx"

	"soundingboard/backend/store"
)

// ConsentExpiryWindow is how far ahead the board warns about consent that
// runs out, in days.
const ConsentExpiryWindow = 30

// maxExpiryDays bounds ConsentsExpiring's look-ahead (ten years).
const maxExpiryDays = 3660

// ExpiringConsent is a valid consent that ends within the window asked for.
type ExpiringConsent struct {
	MemberID  int64  `json:"memberId" db:"member_id"`
	Member    string `json:"member" db:"member"`
	Kind      string `json:"kind" db:"kind"`
	ExpiresOn string `json:"expiresOn" db:"expires_on"` // YYYY-MM-DD
	DaysLeft  int    `json:"daysLeft" db:"days_left"`   // 0 = ends today
}

// ConsentsExpiring lists the consents of current members that hold today
// and expire within days (0 = today only), soonest first, so the team can
// ask again before it lapses.
func (s *Service) ConsentsExpiring(days int) ([]ExpiringConsent, error) {
	if days < 0 || days > maxExpiryDays {
		return nil, store.Invalid("consents expiring: days must be between 0 and %d, got %d", maxExpiryDays, days)
	}
	today := s.now()
	out := []ExpiringConsent{}
	err := sqlx.SelectContext(s.ctx, s.db, &out, `SELECT c.member_id, m.name AS member, c.kind, c.expires_on,
		CAST(julianday(c.expires_on) - julianday(?) AS INTEGER) AS days_left
		FROM consents c JOIN members m ON m.id = c.member_id
		WHERE m.archived_at IS NULL AND c.revoked_on IS NULL AND c.expires_on IS NOT NULL
			AND c.granted_on <= ? AND c.expires_on >= ? AND c.expires_on <= ?
		ORDER BY c.expires_on, m.name COLLATE NOCASE, c.kind`,
		today.Format(time.DateOnly), today.Format(time.DateOnly), today.Format(time.DateOnly),
		today.AddDate(0, 0, days).Format(time.DateOnly))
	if err != nil {
		return nil, fmt.Errorf("consents expiring: %w", err)
	}
	return out, nil
}

// expiryWarning is the composition warning about consent running out, or "".
func expiryWarning(cs []ExpiringConsent) string {
	if len(cs) == 0 {
		return ""
	}
	const named = 3
	var who []string
	seen := map[int64]bool{}
	for _, c := range cs {
		if !seen[c.MemberID] && len(who) < named {
			who = append(who, c.Member)
		}
		seen[c.MemberID] = true
	}
	if len(seen) > named {
		who = append(who, fmt.Sprintf("%d more", len(seen)-named))
	}
	what := "1 consent expires"
	if len(cs) != 1 {
		what = fmt.Sprintf("%d consents expire", len(cs))
	}
	return fmt.Sprintf("%s within %d days (%s); ask again before it lapses.",
		what, ConsentExpiryWindow, strings.Join(who, ", "))
}
