package privacy_test

import (
	"errors"
	"strings"
	"testing"

	"soundingboard/backend/board"
	"soundingboard/backend/store"
)

// An erased person stays erased: importing them again (by email, or by
// name and company) is refused, naming the erasure.
func TestImportRefusesErasedPerson(t *testing.T) {
	f := newFixture(t)
	id, name := f.busiest(t)
	d, err := f.board.GetMember(id)
	if err != nil {
		t.Fatal(err)
	}
	e, err := f.privacy.ErasePerson(id, name)
	if err != nil {
		t.Fatal(err)
	}
	file := "Name,Email,Company\n" + name + "," + d.Member.Email + ",\n" + name + ",other@x.example," + d.Member.Company + "\n"
	req := board.ImportRequest{FileName: "again.csv", Content: []byte(file), Existing: board.ExistingUpdate}
	p, err := f.board.PreviewImport(req)
	if err != nil {
		t.Fatal(err)
	}
	if p.Refused != 2 {
		t.Fatalf("refused %d, want 2: %+v", p.Refused, p.Rows)
	}
	for _, r := range p.Rows {
		if r.Status != board.RowRefused || !strings.Contains(strings.Join(r.Problems, " "), e.Reference) {
			t.Errorf("line %d: %s %q, want refused naming %s", r.Line, r.Status, r.Problems, e.Reference)
		}
	}
	if _, err := f.board.Import(req); !errors.Is(err, store.ErrInvalid) {
		t.Errorf("import of an erased person: %v, want refused", err)
	}
}
