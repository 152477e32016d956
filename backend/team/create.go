package team

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/jmoiron/sqlx"

	"soundingboard/backend/changelog"
	"soundingboard/backend/store"
	"soundingboard/backend/teamfile"
)

// CreateInput says where the team's folder is and who this laptop is.
type CreateInput struct {
	Folder string `json:"folder"`
	Person string `json:"person"` // the teammate's name, shown on their changes
	Label  string `json:"label"`  // this laptop, "Ana's laptop"; readable by anyone with the folder
}

// Create turns this board into the team's board, kept in folder (which
// the team's sync service replicates). Everything on the board becomes
// this device's changes, written out at once.
func (s *Service) Create(in CreateInput) (Status, error) {
	folder, err := teamFolder(in.Folder)
	if err != nil {
		return Status{}, err
	}
	if used, err := holdsTeam(folder); err != nil || used {
		return Status{}, errors.Join(err, store.Conflict("%s already holds a team's files: join that team with an invite code instead", folder))
	}
	id, err := newIdentity(in.Person, in.Label)
	if err != nil {
		return Status{}, err
	}
	raw, err := id.MarshalBinary()
	if err != nil {
		return Status{}, err
	}
	now := s.now()
	err = store.WithTx(s.ctx, s.db, func(tx *sqlx.Tx) error {
		if in, err := inTeam(s.ctx, tx); err != nil || in {
			return errors.Join(err, store.Conflict("this board is in a team already"))
		}
		if _, err := tx.ExecContext(s.ctx, `INSERT INTO team_self (one, folder, identity, epoch, joined_at) VALUES (1, ?, ?, 1, ?)`,
			folder, raw, stamp(now)); err != nil {
			return err
		}
		if _, err := tx.ExecContext(s.ctx, `INSERT INTO team_keys (epoch, key) VALUES (1, ?)`, teamfile.NewDataKey()); err != nil {
			return err
		}
		if _, err := tx.ExecContext(s.ctx, `UPDATE sync_self SET device = ?, capture = 1`, id.ID.String()); err != nil {
			return err
		}
		if _, err := changelog.LogAll(s.ctx, tx); err != nil {
			return err
		}
		return addDevice(s.ctx, tx, id.Device(), strings.TrimSpace(in.Person), 0, id.ID.String(), now)
	})
	if err != nil {
		return Status{}, fmt.Errorf("create team: %w", err)
	}
	if _, err := s.Sync(); err != nil {
		return Status{}, err
	}
	return s.Status()
}

// teamFolder checks the folder a team is created in or joined from: it
// must exist (a sync folder that is not mounted must not be made anew).
func teamFolder(dir string) (string, error) {
	if strings.TrimSpace(dir) == "" {
		return "", store.InvalidFields([]store.Problem{{Field: "folder", Message: "folder is required: the folder your team's sync service shares"}})
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", fmt.Errorf("team folder: %w", err)
	}
	st, err := os.Stat(abs)
	if errors.Is(err, fs.ErrNotExist) {
		return "", store.InvalidFields([]store.Problem{{Field: "folder", Message: fmt.Sprintf("folder %s does not exist (is the shared folder there on this laptop?)", abs)}})
	}
	if err != nil {
		return "", fmt.Errorf("team folder: %w", err)
	}
	if !st.IsDir() {
		return "", store.InvalidFields([]store.Problem{{Field: "folder", Message: fmt.Sprintf("%s is a file, not a folder", abs)}})
	}
	return abs, nil
}

// holdsTeam reports whether folder has a team's device folders in it.
func holdsTeam(folder string) (bool, error) {
	entries, err := os.ReadDir(filepath.Join(folder, "devices"))
	if errors.Is(err, fs.ErrNotExist) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("team folder: %w", err)
	}
	for _, e := range entries {
		if _, err := teamfile.ParseDeviceID(e.Name()); err == nil {
			return true, nil
		}
	}
	return false, nil
}

// newIdentity makes this laptop's keys after checking the names.
func newIdentity(person, label string) (*teamfile.Identity, error) {
	var ps []store.Problem
	switch p := strings.TrimSpace(person); {
	case p == "":
		ps = append(ps, store.Problem{Field: "person", Message: "person is required: your name, as teammates will see it on your changes"})
	case utf8.RuneCountInString(p) > 120:
		ps = append(ps, store.Problem{Field: "person", Message: "person is longer than 120 characters"})
	}
	if utf8.RuneCountInString(label) > teamfile.MaxName {
		ps = append(ps, store.Problem{Field: "label", Message: fmt.Sprintf("label is longer than %d characters", teamfile.MaxName)})
	}
	if len(ps) > 0 {
		return nil, store.InvalidFields(ps)
	}
	id, err := teamfile.NewIdentity()
	if err != nil {
		return nil, err
	}
	id.Name = strings.TrimSpace(label)
	return id, nil
}
