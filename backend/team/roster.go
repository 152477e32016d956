package team

import (
	"fmt"

	"soundingboard/backend/teammates"
)

// Teammates is who can own a reminder or an action on this board, and who
// "me" is, for the window's owner pickers: on a board in no team, nobody
// (Shared false; an owner is free text there).
func (s *Service) Teammates() (teammates.Roster, error) {
	r, err := teammates.Load(s.ctx, s.db)
	if err != nil {
		return teammates.Roster{}, fmt.Errorf("teammates: %w", err)
	}
	return r, nil
}
