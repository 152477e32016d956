package board

import (
	"strings"
	"testing"

	"soundingboard/backend/store"
	"soundingboard/backend/storetest"
)

func TestConsentsExpiring(t *testing.T) {
	s := newTestService(t)
	ana := mustCreate(t, s, MemberInput{Name: "Ana Soon", Status: "active"})
	ben := mustCreate(t, s, MemberInput{Name: "Ben Later", Status: "active"})
	cy := mustCreate(t, s, MemberInput{Name: "Cy Revoked", Status: "active"})
	for _, c := range []struct {
		id      int64
		kind    string
		expires string
	}{
		{ana.ID, "contact", "2025-06-20"},   // in 5 days
		{ana.ID, "quoting", "2025-06-15"},   // today
		{ben.ID, "contact", "2025-08-01"},   // outside 30 days
		{ben.ID, "recording", "2025-06-01"}, // already expired
		{cy.ID, "contact", "2025-06-16"},    // revoked below
	} {
		if _, err := s.SetConsent(c.id, ConsentInput{Kind: c.kind, GrantedOn: "2025-01-01", ExpiresOn: c.expires}); err != nil {
			t.Fatalf("consent %v: %v", c, err)
		}
	}
	if _, err := s.RevokeConsent(cy.ID, "contact"); err != nil {
		t.Fatal(err)
	}
	got, err := s.ConsentsExpiring(ConsentExpiryWindow)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0].Kind != "quoting" || got[0].DaysLeft != 0 || got[1].Kind != "contact" || got[1].DaysLeft != 5 || got[1].Member != "Ana Soon" {
		t.Fatalf("expiring: %+v", got)
	}
	if got, _ := s.ConsentsExpiring(60); len(got) != 3 {
		t.Errorf("within 60 days: %+v", got)
	}
	if _, err := s.ConsentsExpiring(-1); err == nil || !strings.Contains(err.Error(), "days") {
		t.Errorf("negative days: %v", err)
	} else {
		storetest.WantErr(t, err, store.ErrInvalid)
	}
	c, err := s.Composition()
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, w := range c.Warnings {
		if strings.Contains(w, "2 consents expire within 30 days (Ana Soon)") {
			found = true
		}
	}
	if !found {
		t.Errorf("composition warnings lack the expiry: %q", c.Warnings)
	}
}

func TestImportRowCap(t *testing.T) {
	s := newTestService(t)
	var b strings.Builder
	b.WriteString("Name\n")
	for i := 0; i <= MaxImportRows; i++ {
		b.WriteString("a\n")
	}
	_, err := s.Import(ImportRequest{FileName: "big.csv", Content: []byte(b.String())})
	storetest.WantErr(t, err, store.ErrInvalid, "at most 100000", "split the file")
	if n := count(t, s, "members"); n != 0 {
		t.Errorf("members after a refused import: %d", n)
	}
}
