package board

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

// consentColumns reads a consents row; NULL dates become "".
const consentColumns = `kind, granted_on, coalesce(expires_on, '') AS expires_on,
	coalesce(revoked_on, '') AS revoked_on, note, source`

// maxSource bounds a consent's source, as the schema does.
const maxSource = 300

// valid reports whether the consent holds on day today: granted, not
// revoked, not expired. It mirrors heldConsent.
func (c *Consent) valid(today string) bool {
	return c.GrantedOn != "" && c.RevokedOn == "" && (c.ExpiresOn == "" || c.ExpiresOn >= today)
}

// consentsOf returns one consent per ConsentKinds, in that order; kinds
// never granted are zero values with only Kind set.
func consentsOf(ctx context.Context, q store.Queryer, memberID int64, today string) ([]Consent, error) {
	var rows []Consent
	if err := sqlx.SelectContext(ctx, q, &rows,
		`SELECT `+consentColumns+` FROM consents WHERE member_id = ?`, memberID); err != nil {
		return nil, err
	}
	out := make([]Consent, len(AllConsentKinds))
	for i, k := range AllConsentKinds {
		out[i] = Consent{Kind: k.Value}
		for _, r := range rows {
			if r.Kind == k.Value {
				out[i] = r
				out[i].Valid = r.valid(today)
			}
		}
	}
	return out, nil
}

func checkConsentKind(kind string) error {
	var p valid.Problems
	p.OneOf("kind", kind, ConsentKinds...)
	return p.Err()
}

// validate normalises the input and checks it against today's date (the
// service's clock, so it is not the exported Validate of other inputs).
func (in *ConsentInput) validate(today string) error {
	in.Kind = strings.ToLower(strings.TrimSpace(in.Kind))
	in.ExpiresOn = strings.TrimSpace(in.ExpiresOn)
	in.Note = lineFeeds(strings.TrimSpace(in.Note))
	var p valid.Problems
	p.OneOf("kind", in.Kind, ConsentKinds...)
	granted, ok := pastDate(&p, "grantedOn", in.GrantedOn, today)
	in.GrantedOn = granted
	if n := len(p); in.ExpiresOn != "" {
		if p.Date("expiresOn", in.ExpiresOn); len(p) == n && ok && in.ExpiresOn <= in.GrantedOn {
			p.Add("expiresOn", "expiresOn %s must be after grantedOn %s", in.ExpiresOn, in.GrantedOn)
		}
	}
	p.MaxLen("note", in.Note, maxLongText)
	p.NoControlLines("note", in.Note)
	in.Source = strings.TrimSpace(in.Source)
	p.MaxLen("source", in.Source, maxSource)
	p.NoControl("source", in.Source)
	return p.Err()
}

// SetConsent grants or renews one kind of consent.
func (s *Service) SetConsent(memberID int64, in ConsentInput) (Consent, error) {
	today := s.today()
	if err := in.validate(today); err != nil {
		return Consent{}, fmt.Errorf("set consent: %w", err)
	}
	var c Consent
	err := store.WithTx(s.ctx, s.db, func(tx *sqlx.Tx) error {
		if err := memberExists(s.ctx, tx, memberID); err != nil {
			return err
		}
		_, err := tx.ExecContext(s.ctx, `INSERT INTO consents (member_id, kind, granted_on, expires_on, revoked_on, note, source)
			VALUES (?, ?, ?, ?, NULL, ?, ?)
			ON CONFLICT (member_id, kind) DO UPDATE SET granted_on = excluded.granted_on,
				expires_on = excluded.expires_on, revoked_on = NULL, note = excluded.note, source = excluded.source`,
			memberID, in.Kind, in.GrantedOn, nullString(in.ExpiresOn), in.Note, in.Source)
		if err != nil {
			return store.Map(err, in.Kind+" consent")
		}
		return sqlx.GetContext(s.ctx, tx, &c, `SELECT `+consentColumns+` FROM consents
			WHERE member_id = ? AND kind = ?`, memberID, in.Kind)
	})
	if err != nil {
		return Consent{}, fmt.Errorf("set %s consent of member %d: %w", in.Kind, memberID, err)
	}
	c.Valid = c.valid(today)
	return c, nil
}

// RevokeConsent revokes one kind of consent as of today.
func (s *Service) RevokeConsent(memberID int64, kind string) (Consent, error) {
	today := s.today()
	kind = strings.ToLower(strings.TrimSpace(kind))
	if err := checkConsentKind(kind); err != nil {
		return Consent{}, fmt.Errorf("revoke consent: %w", err)
	}
	var c Consent
	err := store.WithTx(s.ctx, s.db, func(tx *sqlx.Tx) error {
		if err := memberExists(s.ctx, tx, memberID); err != nil {
			return err
		}
		const get = `SELECT ` + consentColumns + ` FROM consents WHERE member_id = ? AND kind = ?`
		if err := sqlx.GetContext(s.ctx, tx, &c, get, memberID, kind); err != nil {
			if errors.Is(err, sql.ErrNoRows) {
				return store.Invalid("there is no %s consent to revoke", kind)
			}
			return err
		}
		if c.RevokedOn != "" {
			return store.Invalid("%s consent was already revoked on %s", kind, c.RevokedOn)
		}
		if _, err := tx.ExecContext(s.ctx, `UPDATE consents SET revoked_on = ? WHERE member_id = ? AND kind = ?`,
			today, memberID, kind); err != nil {
			return err
		}
		return sqlx.GetContext(s.ctx, tx, &c, get, memberID, kind)
	})
	if err != nil {
		return Consent{}, fmt.Errorf("revoke %s consent of member %d: %w", kind, memberID, err)
	}
	c.Valid = c.valid(today)
	return c, nil
}

// DeclareConsent records, in tx, a member's own answer for one kind of
// consent where nothing is on record for that kind: granted, or declined
// (granted and revoked the same day, so it is on record and not asked
// again). A kind already on record is left as it is (false). source says
// where they declared it (at most 300 characters). The room uses it.
func DeclareConsent(ctx context.Context, tx *sqlx.Tx, memberID int64, kind ConsentKind, granted bool, source, today string) (bool, error) {
	var p valid.Problems
	p.OneOf("kind", string(kind), ConsentKinds...)
	p.Text("source", source, maxSource)
	p.NoControl("source", source)
	if err := p.Err(); err != nil {
		return false, fmt.Errorf("declare consent: %w", err)
	}
	revoked := sql.NullString{String: today, Valid: !granted}
	res, err := tx.ExecContext(ctx, `INSERT INTO consents (member_id, kind, granted_on, expires_on, revoked_on, note, source)
		VALUES (?, ?, ?, NULL, ?, '', ?) ON CONFLICT (member_id, kind) DO NOTHING`,
		memberID, kind, today, revoked, source)
	if err != nil {
		return false, fmt.Errorf("declare %s consent of member %d: %w", kind, memberID, store.Map(err, string(kind)+" consent"))
	}
	n, err := res.RowsAffected()
	return n == 1, err
}

// ConsentsOf returns a member's consents, one per ConsentKinds in that
// order (zero values, Kind set, where nothing is on record), read through q.
func ConsentsOf(ctx context.Context, q store.Queryer, memberID int64, today string) ([]Consent, error) {
	return consentsOf(ctx, q, memberID, today)
}
