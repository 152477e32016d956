package main

import "path/filepath"

// About answers the About panel. Unlike App, which only the window binds,
// it is one of the bound services, so browser mode (`serve`) answers it too.
type About struct{ info AboutInfo }

// AboutInfo is which build is running and which database file it has open.
type AboutInfo struct {
	Version string `json:"version"` // as `soundingboard version` prints it: version (commit, build date)
	DBPath  string `json:"dbPath"`
}

// Info returns the stamped version and the database in use.
func (a *About) Info() (AboutInfo, error) {
	info := a.info
	if abs, err := filepath.Abs(info.DBPath); err == nil {
		info.DBPath = abs // --db may have been relative
	}
	return info, nil
}
