package main

import (
	"context"
	"path/filepath"
	"runtime"
	"testing"
)

// The About panel asks the bound About service, which browser mode serves
// too; it names the database by its absolute path.
func TestAboutIsBoundAndNamesTheDatabase(t *testing.T) {
	t.Chdir(t.TempDir())
	s, err := openServices(context.Background(), "board.db")
	if err != nil {
		t.Fatal(err)
	}
	defer s.db.Close()
	var about *About
	for _, b := range s.bound() {
		if a, ok := b.(*About); ok {
			about = a
		}
	}
	if about == nil {
		t.Fatal("About is not among the bound services")
	}
	info, err := about.Info()
	if err != nil {
		t.Fatal(err)
	}
	if want, _ := filepath.Abs("board.db"); info.DBPath != want {
		t.Errorf("DBPath = %q, want %q", info.DBPath, want)
	}
	if info.Version != versionString() {
		t.Errorf("Version = %q, want %q", info.Version, versionString())
	}
}

// On Linux and the BSDs the database lives in the XDG data dir, whatever
// XDG_CONFIG_HOME says; Windows and macOS use os.UserConfigDir (%AppData%,
// ~/Library/Application Support), checked by cross-compiling.
func TestDefaultDBPathXDG(t *testing.T) {
	if runtime.GOOS == "windows" || runtime.GOOS == "darwin" {
		t.Skip("XDG applies to Linux and the BSDs")
	}
	t.Setenv("SOUNDINGBOARD_DB", "")
	t.Setenv("HOME", "/home/ada")
	t.Setenv("XDG_CONFIG_HOME", "/home/ada/cfg")
	for _, tc := range []struct{ dataHome, want string }{
		{"", "/home/ada/.local/share/soundingboard/soundingboard.db"},
		{"relative/data", "/home/ada/.local/share/soundingboard/soundingboard.db"},
		{"/srv/data", "/srv/data/soundingboard/soundingboard.db"},
	} {
		t.Setenv("XDG_DATA_HOME", tc.dataHome)
		if got := defaultDBPath(); got != tc.want {
			t.Errorf("XDG_DATA_HOME=%q: %q, want %q", tc.dataHome, got, tc.want)
		}
	}
	t.Setenv("SOUNDINGBOARD_DB", "/tmp/x.db")
	if got := defaultDBPath(); got != "/tmp/x.db" {
		t.Errorf("SOUNDINGBOARD_DB: %q", got)
	}
}
