package board

import (
	"testing"

	"soundingboard/backend/store"
	"soundingboard/backend/storetest"
)

func TestConsentValidity(t *testing.T) {
	s := newTestService(t)
	cases := []struct {
		name      string
		status    string
		in        *ConsentInput
		revoke    bool
		wantValid bool
		canReach  bool
	}{
		{"never granted", "active", nil, false, false, false},
		{"open-ended", "active", &ConsentInput{Kind: "contact", GrantedOn: "2025-01-01"}, false, true, true},
		{"expires today", "active", &ConsentInput{Kind: "contact", GrantedOn: "2025-01-01", ExpiresOn: testToday}, false, true, true},
		{"expired", "active", &ConsentInput{Kind: "contact", GrantedOn: "2024-01-01", ExpiresOn: "2025-06-14"}, false, false, false},
		{"future expiry", "active", &ConsentInput{Kind: "contact", ExpiresOn: "2026-01-01"}, false, true, true},
		{"revoked", "active", &ConsentInput{Kind: "contact", GrantedOn: "2025-01-01"}, true, false, false},
		{"opted out", "opted_out", &ConsentInput{Kind: "contact"}, false, true, false},
		{"declined", "declined", &ConsentInput{Kind: "contact"}, false, true, false},
		{"only recording", "active", &ConsentInput{Kind: "recording"}, false, true, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			m := mustCreate(t, s, MemberInput{Name: c.name, Status: c.status})
			if c.in != nil {
				got, err := s.SetConsent(m.ID, *c.in)
				if err != nil {
					t.Fatal(err)
				}
				if c.revoke {
					if got, err = s.RevokeConsent(m.ID, c.in.Kind); err != nil {
						t.Fatal(err)
					}
					if got.RevokedOn != testToday {
						t.Errorf("revokedOn = %q", got.RevokedOn)
					}
				}
				if got.Valid != c.wantValid {
					t.Errorf("valid = %v, want %v (%+v)", got.Valid, c.wantValid, got)
				}
			}
			d, err := s.GetMember(m.ID)
			if err != nil {
				t.Fatal(err)
			}
			if d.Member.CanContact != c.canReach {
				t.Errorf("canContact = %v, want %v", d.Member.CanContact, c.canReach)
			}
			if len(d.Consents) != len(ConsentKinds) {
				t.Fatalf("consents: %+v", d.Consents)
			}
			for i, k := range AllConsentKinds {
				if d.Consents[i].Kind != k.Value {
					t.Errorf("consent %d kind %q", i, d.Consents[i].Kind)
				}
			}
			if c.in != nil && c.in.Kind == "contact" && d.Consents[0].Valid != c.wantValid {
				t.Errorf("detail valid = %v", d.Consents[0].Valid)
			}
			p, err := s.ListMembers(MemberQuery{Consent: "contact_ok", Search: c.name})
			if err != nil {
				t.Fatal(err)
			}
			if found := false; true {
				for _, x := range p.Members {
					found = found || x.ID == m.ID
				}
				if found != c.canReach {
					t.Errorf("contact_ok filter: found %v, want %v", found, c.canReach)
				}
			}
		})
	}
}

func TestConsentRenewAndErrors(t *testing.T) {
	s := newTestService(t)
	m := mustCreate(t, s, MemberInput{Name: "Ana"})
	if _, err := s.SetConsent(m.ID, ConsentInput{Kind: "quoting", GrantedOn: "2025-01-01"}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.RevokeConsent(m.ID, "quoting"); err != nil {
		t.Fatal(err)
	}
	_, err := s.RevokeConsent(m.ID, "quoting")
	storetest.WantErr(t, err, store.ErrInvalid, "already revoked on "+testToday)

	c, err := s.SetConsent(m.ID, ConsentInput{Kind: "Quoting", GrantedOn: "2025-06-10", Note: "verbal, on call"})
	if err != nil {
		t.Fatal(err)
	}
	if c.RevokedOn != "" || !c.Valid || c.GrantedOn != "2025-06-10" || c.Note != "verbal, on call" {
		t.Errorf("renewed: %+v", c)
	}
	if n := count(t, s, "consents"); n != 1 {
		t.Errorf("consents = %d, want an upsert", n)
	}

	_, err = s.RevokeConsent(m.ID, "recording")
	storetest.WantErr(t, err, store.ErrInvalid, "no recording consent")
	_, err = s.RevokeConsent(m.ID, "telepathy")
	storetest.WantErr(t, err, store.ErrInvalid, "kind")
	_, err = s.RevokeConsent(999, "contact")
	storetest.WantErr(t, err, store.ErrNotFound, "member 999")

	for _, bad := range []struct {
		in   ConsentInput
		want string
	}{
		{ConsentInput{Kind: "fax"}, "kind"},
		{ConsentInput{Kind: "contact", GrantedOn: "yesterday"}, "grantedOn"},
		{ConsentInput{Kind: "contact", GrantedOn: "2025-07-01"}, "grantedOn 2025-07-01 is in the future"},
		{ConsentInput{Kind: "contact", GrantedOn: "2025-06-01", ExpiresOn: "2025-06-01"}, "expiresOn 2025-06-01 must be after grantedOn"},
		{ConsentInput{Kind: "contact", ExpiresOn: "2025-13-01"}, "expiresOn"},
	} {
		_, err := s.SetConsent(m.ID, bad.in)
		storetest.WantErr(t, err, store.ErrInvalid, bad.want)
	}
	_, err = s.SetConsent(999, ConsentInput{Kind: "contact"})
	storetest.WantErr(t, err, store.ErrNotFound, "member 999")
	if n := count(t, s, "consents"); n != 1 {
		t.Errorf("consents = %d after rejected writes", n)
	}
}
