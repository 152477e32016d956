package teamfile

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"soundingboard/backend/atomicfile"
)

// Write seals a file (see Seal) and puts it into the identity's folder in
// the team's folder, <folder>/devices/<device>/<kind>-<epoch>-<seq>.sb,
// where it appears whole or not at all and is flushed to the disk. It never
// replaces a file: files are immutable once named, and the sync service
// must never see a second version of one. A name already taken is an error
// that wraps fs.ErrExist. folder must exist: a missing one is usually a
// sync folder that is not mounted, and is not made here. It gives the path.
func Write(folder string, id *Identity, h Header, body, dataKey []byte) (string, error) {
	data, err := Seal(id, h, body, dataKey)
	if err != nil {
		return "", err
	}
	dir, err := deviceDir(folder, h.Device)
	if err != nil {
		return "", err
	}
	path := filepath.Join(dir, h.Name())
	if err := atomicfile.WriteNew(path, data); err != nil {
		return "", fmt.Errorf("teamfile: %w", err)
	}
	return path, nil
}

// deviceDir gives the device's folder, making it (and devices/) when it is
// not there yet, durably: a file in a folder whose own name is lost in a
// power cut is lost too.
func deviceDir(folder string, device DeviceID) (string, error) {
	if st, err := os.Stat(folder); err != nil {
		return "", fmt.Errorf("teamfile: team folder: %w", err)
	} else if !st.IsDir() {
		return "", fmt.Errorf("teamfile: team folder %s: not a folder", folder)
	}
	devices := filepath.Join(folder, devicesDir)
	dir := Dir(folder, device)
	for _, d := range []string{devices, dir} {
		err := os.Mkdir(d, 0o700)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		if err != nil {
			return "", fmt.Errorf("teamfile: %w", err)
		}
		if err := atomicfile.SyncDir(filepath.Dir(d)); err != nil {
			return "", fmt.Errorf("teamfile: %w", err)
		}
	}
	return dir, nil
}
