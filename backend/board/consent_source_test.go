package board

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/jmoiron/sqlx"

	"soundingboard/backend/store"
)

// A consent's source is stored, shown on the member and validated; a
// consent the team records again is the team's (source cleared).
func TestConsentSource(t *testing.T) {
	s := newTestService(t)
	m := mustCreate(t, s, MemberInput{Name: "Ann Lee"})
	src := "Self-declared in the room of “Pricing” (session 12) on 2025-06-15"
	c, err := s.SetConsent(m.ID, ConsentInput{Kind: "quoting", Source: "  " + src + " "})
	if err != nil || c.Source != src {
		t.Fatalf("set: %+v %v", c, err)
	}
	d, err := s.GetMember(m.ID)
	if err != nil || d.Consents[2].Source != src {
		t.Errorf("member view: %+v %v", d.Consents, err)
	}
	for name, bad := range map[string]string{"too long": strings.Repeat("x", 301), "control": "a\x07b", "newline": "a\nb"} {
		_, err := s.SetConsent(m.ID, ConsentInput{Kind: "contact", Source: bad})
		if !slices.ContainsFunc(store.Describe(err).Fields, func(p store.Problem) bool { return p.Field == "source" }) {
			t.Errorf("%s: %v names no field source", name, err)
		}
		if d, _ := s.GetMember(m.ID); d.Consents[0].GrantedOn != "" {
			t.Errorf("%s: a consent was written: %+v", name, d.Consents[0])
		}
	}
	if c, err = s.SetConsent(m.ID, ConsentInput{Kind: "quoting"}); err != nil || c.Source != "" {
		t.Errorf("the team records it again: %+v %v", c, err)
	}
}

// DeclareConsent writes only kinds with nothing on record: a yes is held,
// a no is on record (revoked the same day) and not held; a kind on record
// is never changed.
func TestDeclareConsent(t *testing.T) {
	s := newTestService(t)
	m := mustCreate(t, s, MemberInput{Name: "Bo"})
	if _, err := s.SetConsent(m.ID, ConsentInput{Kind: "recording", GrantedOn: "2025-01-01"}); err != nil {
		t.Fatal(err)
	}
	declare := func(kind ConsentKind, granted bool, source string) (bool, error) {
		var wrote bool
		err := store.WithTx(context.Background(), s.db, func(tx *sqlx.Tx) error {
			var err error
			wrote, err = DeclareConsent(context.Background(), tx, m.ID, kind, granted, source, testToday)
			return err
		})
		return wrote, err
	}
	for _, c := range []struct {
		kind    ConsentKind
		granted bool
		wrote   bool
	}{{ConsentQuoting, true, true}, {ConsentContact, false, true}, {ConsentRecording, false, false}, {ConsentQuoting, false, false}} {
		if wrote, err := declare(c.kind, c.granted, "In the room"); err != nil || wrote != c.wrote {
			t.Errorf("declare %s %v: wrote %v (%v), want %v", c.kind, c.granted, wrote, err, c.wrote)
		}
	}
	d, err := s.GetMember(m.ID)
	if err != nil {
		t.Fatal(err)
	}
	got := map[ConsentKind]Consent{}
	for _, c := range d.Consents {
		got[c.Kind] = c
	}
	if c := got[ConsentQuoting]; !c.Valid || c.Source != "In the room" || c.GrantedOn != testToday {
		t.Errorf("quoting: %+v", c)
	}
	if c := got[ConsentContact]; c.Valid || c.RevokedOn != testToday || c.Source != "In the room" {
		t.Errorf("contact declined: %+v", c)
	}
	if c := got[ConsentRecording]; !c.Valid || c.Source != "" || c.GrantedOn != "2025-01-01" {
		t.Errorf("recording on record changed: %+v", c)
	}
	if _, err := declare("photos", true, "x"); err == nil {
		t.Error("an unknown kind was declared")
	}
	if _, err := declare(ConsentQuoting, true, "a\x00b"); err == nil {
		t.Error("a source with a control character was accepted")
	}
}
