package team

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Segment files are opened one ahead of the one being applied. A file
// that does not open holds the files after it, the one opened ahead too,
// and once it is whole again they apply, in order.
func TestAFileThatDoesNotOpenHoldsTheFilesAfterIt(t *testing.T) {
	folder := t.TempDir()
	ana, bo := newLaptop(t), newLaptop(t)
	lima := ana.addMember("Ana Lima", "ana@example.com")
	st, err := ana.s.Create(CreateInput{Folder: folder, Person: "Ana", Label: "Ana's laptop"})
	if err != nil {
		t.Fatal(err)
	}
	inv, err := ana.s.Invite(InviteInput{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := bo.s.Join(JoinInput{Folder: folder, Code: inv.Code, Person: "Bo"}); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"Ana 2", "Ana 3", "Ana 4"} { // segments 2, 3 and 4
		ana.db.MustExec(`UPDATE members SET name = ? WHERE id = ?`, name, lima)
		ana.sync()
	}
	path := filepath.Join(folder, "devices", st.Device, "segment-1-3.sb")
	whole, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	tampered := bytes.Clone(whole)
	tampered[len(tampered)-1] ^= 1 // its signature
	if err := os.Chmod(path, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, tampered, 0o600); err != nil {
		t.Fatal(err)
	}
	rep := bo.sync()
	if rep.Files != 1 || len(rep.Problems) != 1 || !strings.Contains(rep.Problems[0], "segment-1-3.sb") {
		t.Errorf("Bo's pass with segment 3 tampered: %+v", rep)
	}
	if got := bo.memberName(lima); got != "Ana 2" {
		t.Errorf("with segment 3 tampered Bo has %q, want Ana 2", got)
	}
	if err := os.WriteFile(path, whole, 0o600); err != nil {
		t.Fatal(err)
	}
	if rep := bo.sync(); rep.Files != 2 || len(rep.Problems) != 0 {
		t.Errorf("Bo's pass with segment 3 whole again: %+v", rep)
	}
	if got := bo.memberName(lima); got != "Ana 4" {
		t.Errorf("Bo has %q, want Ana 4", got)
	}
}
