package room

// The few things the room reads about its session directly: plain SQL
// reads only. Every write goes through the services.

import (
	"context"
	"fmt"
	"strings"

	"github.com/jmoiron/sqlx"

	"soundingboard/backend/store"
)

// head is what the room shows of its session.
type head struct {
	Title  string `db:"title"` // what participants read: the customer title, or the title
	Status string `db:"status"`
}

func readHead(ctx context.Context, q store.Queryer, sessionID int64) (head, error) {
	var h head
	err := sqlx.GetContext(ctx, q, &h, `SELECT CASE WHEN customer_title <> '' THEN customer_title ELSE title END AS title,
		status FROM sessions WHERE id = ?`, sessionID)
	if err != nil {
		return head{}, store.Map(err, fmt.Sprintf("session %d", sessionID))
	}
	return h, nil
}

// sessionStatus is a session's status; NotFound for an unknown one.
func sessionStatus(ctx context.Context, q store.Queryer, sessionID int64) (string, error) {
	h, err := readHead(ctx, q, sessionID)
	return h.Status, err
}

// person is a participant of the session as the room knows them.
type person struct {
	MemberID int64  `db:"member_id"`
	Name     string `db:"name"` // full name: facilitator only
	First    string `db:"-"`    // what participants see
}

// readPeople lists the session's participants, with the first names
// participants see: the first word of each name, with the next word's
// initial where two would read the same.
func readPeople(ctx context.Context, q store.Queryer, sessionID int64) ([]person, error) {
	var ps []person
	if err := sqlx.SelectContext(ctx, q, &ps, `SELECT p.member_id, m.name FROM participants p
		JOIN members m ON m.id = p.member_id WHERE p.session_id = ? ORDER BY m.name COLLATE NOCASE, p.member_id`,
		sessionID); err != nil {
		return nil, fmt.Errorf("read participants: %w", err)
	}
	seen := map[string]int{}
	for i := range ps {
		ps[i].First = firstName(ps[i].Name, false)
		seen[strings.ToLower(ps[i].First)]++
	}
	for i := range ps {
		if seen[strings.ToLower(ps[i].First)] > 1 {
			ps[i].First = firstName(ps[i].Name, true)
		}
	}
	return ps, nil
}

// firstName is a name's first word, and with initial its second word's
// first letter ("Ann L.").
func firstName(name string, initial bool) string {
	words := strings.Fields(name)
	if len(words) == 0 {
		return "?"
	}
	if initial && len(words) > 1 {
		return words[0] + " " + string([]rune(words[1])[:1]) + "."
	}
	return words[0]
}

// fingerprint is a summary of everything participants or the facilitator
// would see change in a session: its status and position, its activities'
// flags and edits, its entries. One indexed query; the pulse compares it.
func fingerprint(ctx context.Context, q store.Queryer, sessionID int64) (string, error) {
	var f string
	err := sqlx.GetContext(ctx, q, &f, `SELECT s.status || '|' || s.current_activity || '|' || s.current_position || '|' ||
		s.updated_at || '|' || (SELECT count(*) || ',' || coalesce(max(updated_at), '') || ',' || total(revealed) || ',' ||
			total(locked) || ',' || count(removed_at) FROM activities WHERE session_id = s.id) || '|' ||
		(SELECT count(*) || ',' || coalesce(max(updated_at), '') || ',' || coalesce(max(id), 0) || ',' || total(hidden) || ',' ||
			total(length(text)) || ',' || total(value) FROM entries WHERE session_id = s.id) || '|' ||
		(SELECT count(*) || ',' || group_concat(member_id) FROM participants WHERE session_id = s.id)
		FROM sessions s WHERE s.id = ?`, sessionID)
	if err != nil {
		return "", store.Map(err, fmt.Sprintf("session %d", sessionID))
	}
	return f, nil
}
