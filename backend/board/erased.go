package board

// Remembering erased people, so an import does not bring them back.
//
// Erasure (package privacy) deletes a member for good; RecordErased, called
// inside its transaction, keeps only salted fingerprints of the email and
// of the name with the company. The importer fingerprints each row the
// same way and refuses a row that matches.

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"

	"github.com/jmoiron/sqlx"

	"soundingboard/backend/store"
)

// erasureSaltKey names the settings row holding the fingerprints' salt.
const erasureSaltKey = "erasure_salt"

// emailKey and personKey are how the importer matches a row to a member
// (live or erased): the email ignoring case, or the name and company
// ignoring case and runs of blanks.
func emailKey(email string) string { return "email\x00" + strings.ToLower(strings.TrimSpace(email)) }

func personKey(name, company string) string {
	norm := func(s string) string { return fold(strings.Join(strings.Fields(s), " ")) }
	return "person\x00" + norm(name) + "\x00" + norm(company)
}

func fingerprint(salt, key string) string {
	sum := sha256.Sum256([]byte(salt + "\x00" + key))
	return hex.EncodeToString(sum[:])
}

// RecordErased remembers member memberID as erased under the erasure log's
// reference, at instant at. Call it in the erasing transaction, before the
// member row goes.
func RecordErased(ctx context.Context, tx *sqlx.Tx, memberID int64, reference, at string) error {
	var m struct {
		Name    string `db:"name"`
		Email   string `db:"email"`
		Company string `db:"company"`
	}
	if err := sqlx.GetContext(ctx, tx, &m, `SELECT name, coalesce(email, '') AS email, company
		FROM members WHERE id = ?`, memberID); err != nil {
		return store.Map(err, fmt.Sprintf("member %d", memberID))
	}
	salt, err := erasureSalt(ctx, tx, true)
	if err != nil {
		return err
	}
	keys := []string{personKey(m.Name, m.Company)}
	if m.Email != "" {
		keys = append(keys, emailKey(m.Email))
	}
	for _, k := range keys {
		if _, err := tx.ExecContext(ctx, `INSERT INTO erased_people (fingerprint, reference, erased_at)
			VALUES (?, ?, ?) ON CONFLICT (fingerprint) DO UPDATE SET reference = excluded.reference,
			erased_at = excluded.erased_at`, fingerprint(salt, k), reference, at); err != nil {
			return fmt.Errorf("remember erasure: %w", err)
		}
	}
	return nil
}

// erasureSalt reads the salt, creating it when create is set and there is
// none yet; without one (and create unset) it returns "".
func erasureSalt(ctx context.Context, q store.Queryer, create bool) (string, error) {
	var salt string
	err := sqlx.GetContext(ctx, q, &salt, `SELECT value FROM settings WHERE key = ?`, erasureSaltKey)
	switch {
	case err == nil:
		return salt, nil
	case !errors.Is(err, sql.ErrNoRows):
		return "", fmt.Errorf("read erasure salt: %w", err)
	case !create:
		return "", nil
	}
	b := make([]byte, 16)
	if _, err := rand.Read(b); err != nil {
		return "", err
	}
	salt = hex.EncodeToString(b)
	if _, err := q.ExecContext(ctx, `INSERT INTO settings (key, value) VALUES (?, ?)`, erasureSaltKey, salt); err != nil {
		return "", fmt.Errorf("store erasure salt: %w", err)
	}
	return salt, nil
}

// erasure is what the importer knows of one erased person.
type erasure struct {
	Reference string `db:"reference"`
	ErasedAt  string `db:"erased_at"`
}

// erasedIndex finds erased people by fingerprint.
type erasedIndex struct {
	salt string
	byFP map[string]erasure
}

func loadErased(ctx context.Context, q store.Queryer) (erasedIndex, error) {
	salt, err := erasureSalt(ctx, q, false)
	if err != nil || salt == "" {
		return erasedIndex{}, err
	}
	var rows []struct {
		Fingerprint string `db:"fingerprint"`
		erasure
	}
	if err := sqlx.SelectContext(ctx, q, &rows, `SELECT fingerprint, reference, erased_at FROM erased_people`); err != nil {
		return erasedIndex{}, fmt.Errorf("read erased people: %w", err)
	}
	x := erasedIndex{salt: salt, byFP: make(map[string]erasure, len(rows))}
	for _, r := range rows {
		x.byFP[r.Fingerprint] = r.erasure
	}
	return x, nil
}

// find returns the erasure the key (emailKey or personKey) matches.
func (x erasedIndex) find(key string) (erasure, bool) {
	if len(x.byFP) == 0 {
		return erasure{}, false
	}
	e, ok := x.byFP[fingerprint(x.salt, key)]
	return e, ok
}
