package transcript

import (
	"context"
	"fmt"
	"strings"

	"github.com/jmoiron/sqlx"
	"golang.org/x/text/cases"
)

// people are whom a session's speakers can be matched to: its
// participants and its internal attendees (the team).
type people struct {
	participants []person
	team         []string // names, folded
}

type person struct {
	ID   int64  `db:"id"`
	Name string `db:"name"`
}

// match is whom a speaker label was matched to: a member, the team, or
// no one.
type match struct {
	memberID int64
	team     bool
}

// fold compares names as people write them: case and spacing aside.
var folder = cases.Fold()

func fold(s string) string { return folder.String(strings.Join(strings.Fields(s), " ")) }

// candidates reads the people of a session a speaker can be.
func candidates(ctx context.Context, tx *sqlx.Tx, sessionID int64) (people, error) {
	var p people
	if err := sqlx.SelectContext(ctx, tx, &p.participants, `SELECT m.id, m.name FROM participants pa
		JOIN members m ON m.id = pa.member_id WHERE pa.session_id = ? ORDER BY m.id`, sessionID); err != nil {
		return p, fmt.Errorf("read participants: %w", err)
	}
	var team []string
	if err := sqlx.SelectContext(ctx, tx, &team, `SELECT name FROM session_attendees WHERE session_id = ?`, sessionID); err != nil {
		return p, fmt.Errorf("read internal attendees: %w", err)
	}
	for _, n := range team {
		p.team = append(p.team, fold(n))
	}
	return p, nil
}

// match finds whom a label names: an internal attendee's name is the
// team; a participant's full name, or their first name alone when no
// other participant shares it, is that participant. Anything else, and a
// label that is ambiguous, stays unmatched for the facilitator.
func (p people) match(label string) match {
	l := fold(label)
	if l == "" {
		return match{}
	}
	for _, t := range p.team {
		if t == l {
			return match{team: true}
		}
	}
	var byName, byFirst []int64
	for _, m := range p.participants {
		name := fold(m.Name)
		if name == l {
			byName = append(byName, m.ID)
		}
		if first, _, _ := strings.Cut(name, " "); first == l {
			byFirst = append(byFirst, m.ID)
		}
	}
	switch {
	case len(byName) == 1:
		return match{memberID: byName[0]}
	case len(byName) == 0 && len(byFirst) == 1:
		return match{memberID: byFirst[0]}
	}
	return match{}
}
