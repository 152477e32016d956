package main

import (
	"context"
	"path/filepath"
	"testing"

	"soundingboard/backend/services"
)

// The About panel asks the bound About service, which browser mode serves
// too; it names the database by its absolute path.
func TestAboutIsBoundAndNamesTheDatabase(t *testing.T) {
	t.Chdir(t.TempDir())
	s, err := services.Open(context.Background(), "board.db", false)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var about *About
	for _, b := range bound(s) {
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
