package team

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/jmoiron/sqlx"

	"soundingboard/backend/store"
	"soundingboard/backend/teamfile"
)

// JoinInput is what a new laptop needs to join: the team's folder as it
// is synced here, the invite code, and who this laptop is.
type JoinInput struct {
	Folder string `json:"folder"`
	Code   string `json:"code"`
	Person string `json:"person"`
	Label  string `json:"label"`
}

// Join makes this empty board the team's: it finds the invitation the
// code opens, takes the team's devices and data keys from it, answers it,
// and applies the team's files. A board that holds anything is refused:
// joining would mix two boards.
func (s *Service) Join(in JoinInput) (Status, error) {
	folder, err := teamFolder(in.Folder)
	if err != nil {
		return Status{}, err
	}
	code, err := parseCode(in.Code)
	if err != nil {
		return Status{}, err
	}
	id, err := newIdentity(in.Person, in.Label)
	if err != nil {
		return Status{}, err
	}
	if err := s.checkEmpty(); err != nil {
		return Status{}, err
	}
	sealKey, joinKey, err := codeKeys(code)
	if err != nil {
		return Status{}, err
	}
	inv, inviteSeq, err := s.findInvitation(folder, sealKey)
	if err != nil {
		return Status{}, err
	}
	now := s.now()
	expires, err := time.Parse(time.RFC3339, inv.ExpiresAt)
	if err != nil {
		return Status{}, fmt.Errorf("invitation: expiry: %w", err)
	}
	if now.After(expires) {
		return Status{}, store.Invalid("this invite code expired on %s: ask a teammate for a new one (`team invite`)", expires.Local().Format("2 Jan 2006 15:04"))
	}
	person := strings.TrimSpace(in.Person)
	ans := answer{Invite: inviteSeq, Inviter: inv.Inviter, Person: person}
	if ans.Proof, err = proof(joinKey, id.Device(), person); err != nil {
		return Status{}, err
	}
	raw, err := id.MarshalBinary()
	if err != nil {
		return Status{}, err
	}
	body, err := json.Marshal(ans)
	if err != nil {
		return Status{}, err
	}
	var epoch uint32
	for e := range inv.Keys {
		epoch = max(epoch, e)
	}
	base := inv.Slot << 33
	err = store.WithTx(s.ctx, s.db, func(tx *sqlx.Tx) error {
		if in, err := inTeam(s.ctx, tx); err != nil || in {
			return errors.Join(err, store.Conflict("this board is in a team already"))
		}
		if _, err := tx.ExecContext(s.ctx, `INSERT INTO team_self (one, folder, identity, epoch, joined_at, answer) VALUES (1, ?, ?, ?, ?, ?)`,
			folder, raw, epoch, stamp(now), body); err != nil {
			return err
		}
		for e, k := range inv.Keys {
			if _, err := tx.ExecContext(s.ctx, `INSERT INTO team_keys (epoch, key) VALUES (?, ?)`, e, k); err != nil {
				return fmt.Errorf("invitation: data key %d: %w", e, err)
			}
		}
		// The team's devices as the invitation lists them, unlogged: the
		// same rows arrive, logged, in the team's own files.
		for _, d := range inv.Devices {
			dev, err := d.device()
			if err != nil {
				return fmt.Errorf("invitation: %w", err)
			}
			if err := addDevice(s.ctx, tx, dev, d.Person, d.Slot, inv.Inviter, now); err != nil {
				return err
			}
		}
		_, err := tx.ExecContext(s.ctx, `UPDATE sync_self SET device = ?, capture = 1, id_base = ?, next_id = ?, id_limit = ?`,
			id.ID.String(), base, base+1, base+(1<<33))
		return err
	})
	if err != nil {
		return Status{}, fmt.Errorf("join: %w", err)
	}
	// The pass writes this device's file and its answer first.
	if _, err := s.Sync(); err != nil {
		return Status{}, err
	}
	return s.Status()
}

// checkEmpty refuses a board that holds anything of its own. Settings and
// message templates that every new board starts with do not count: the
// team's own replace them.
func (s *Service) checkEmpty() error {
	tables, err := store.ReplicatedTables(s.ctx, s.db)
	if err != nil {
		return err
	}
	for _, t := range tables {
		if t.Name == "settings" || t.Name == "message_templates" {
			continue
		}
		var n int
		if err := s.db.GetContext(s.ctx, &n, `SELECT count(*) FROM "`+t.Name+`"`); err != nil {
			return err
		}
		if n > 0 {
			return store.Conflict("this board is not empty (it has %s): a laptop joins a team with an empty board. Use a new database (--db) to join, or bring this board to the team with `team create`", t.Name)
		}
	}
	return nil
}

// findInvitation looks through every device's invite files in folder for
// the one the code opens.
func (s *Service) findInvitation(folder string, sealKey []byte) (invitation, uint64, error) {
	dirs, _ := os.ReadDir(filepath.Join(folder, "devices"))
	for _, d := range dirs {
		dev, err := teamfile.ParseDeviceID(d.Name())
		if err != nil {
			continue
		}
		dir := teamfile.Dir(folder, dev)
		_, device, err := teamfile.OpenDevice(filepath.Join(dir, deviceFileName(dev, s.schema)), s.schema)
		if err != nil {
			continue
		}
		files, _ := os.ReadDir(dir)
		for _, f := range files {
			h, ok := teamfile.ParseName(f.Name())
			if !ok || h.Kind != teamfile.KindInvite {
				continue
			}
			_, body, err := teamfile.Open(filepath.Join(dir, f.Name()), teamfile.Trust{Devices: map[teamfile.DeviceID]teamfile.Device{dev: device}}, nil, s.schema)
			if err != nil {
				continue
			}
			plain, err := openWith(sealKey, body, inviteAAD(dev, h.Seq))
			if err != nil {
				continue // another invitation
			}
			var inv invitation
			if err := json.Unmarshal(plain, &inv); err != nil || inv.Inviter != dev.String() {
				return invitation{}, 0, fmt.Errorf("the invitation in %s is malformed", f.Name())
			}
			if inv.Slot < 1 || inv.Slot >= maxSlot {
				return invitation{}, 0, fmt.Errorf("the invitation in %s gives slot %d", f.Name(), inv.Slot)
			}
			return inv, h.Seq, nil
		}
	}
	return invitation{}, 0, store.NotFound("no invitation in %s opens with this code: check the code, or wait until the inviter's files have synced to this laptop", folder)
}

// deviceFileName is the name of a device's device file.
func deviceFileName(dev teamfile.DeviceID, schema int) string {
	return teamfile.Header{Kind: teamfile.KindDevice, Device: dev, Seq: 1, Schema: schema}.Name()
}
