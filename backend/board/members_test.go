package board

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/jmoiron/sqlx"

	"soundingboard/backend/store"
	"soundingboard/backend/storetest"
)

func TestCreateGetUpdateMember(t *testing.T) {
	s := newTestService(t)
	m := mustCreate(t, s, MemberInput{
		Name: "Ana Silva", Email: "Ana@Example.com", Company: "Acme", Role: "CTO", Segment: "Enterprise",
		Timezone: "Europe/Lisbon", Status: "active", JoinedOn: "2024-01-10", Notes: "Great at workshops",
		UsageFrequency: "daily", Articulation: 4, Tone: "balanced", CadenceDays: 30,
		Tags: []string{"power user", "Beta"},
	})
	if m.ID == 0 || m.Email != "ana@example.com" || m.Segment != "Enterprise" || m.SegmentID == 0 ||
		m.Status != "active" || m.Articulation != 4 || m.CadenceDays != 30 || m.Archived || m.CanContact {
		t.Errorf("created %+v", m)
	}
	if !slices.Equal(m.Tags, []string{"Beta", "power user"}) {
		t.Errorf("tags = %q, want sorted", m.Tags)
	}
	if m.CreatedAt == "" || m.UpdatedAt != m.CreatedAt {
		t.Errorf("stamps %q %q", m.CreatedAt, m.UpdatedAt)
	}

	d, err := s.GetMember(m.ID)
	if err != nil {
		t.Fatal(err)
	}
	if d.Member.Name != "Ana Silva" || len(d.Consents) != 3 || d.Timeline == nil || d.Rewards == nil {
		t.Errorf("detail %+v", d)
	}

	s.now = func() time.Time { return time.Date(2025, 6, 16, 9, 0, 0, 0, time.Local) }
	u, err := s.UpdateMember(m.ID, MemberInput{Name: "Ana S. Silva", Email: "ana@example.com",
		Segment: "enterprise", Tags: []string{"beta", "Churn risk"}})
	if err != nil {
		t.Fatal(err)
	}
	if u.Name != "Ana S. Silva" || u.Status != "prospect" || u.Company != "" || u.Articulation != 0 ||
		u.SegmentID != m.SegmentID || u.Segment != "Enterprise" || u.UpdatedAt == m.UpdatedAt {
		t.Errorf("updated %+v", u)
	}
	if !slices.Equal(u.Tags, []string{"Beta", "Churn risk"}) {
		t.Errorf("tags after update = %q", u.Tags)
	}
	if n := count(t, s, "segments"); n != 1 {
		t.Errorf("segment matched case-insensitively? %d segments", n)
	}

	// Search index follows the update.
	p, err := s.ListMembers(MemberQuery{Search: "churn"})
	if err != nil || p.Total != 1 {
		t.Errorf("search after update: %+v %v", p, err)
	}

	_, err = s.GetMember(999)
	storetest.WantErr(t, err, store.ErrNotFound, "member 999 not found")
	_, err = s.UpdateMember(999, MemberInput{Name: "X", Segment: "New one"})
	storetest.WantErr(t, err, store.ErrNotFound, "member 999 not found")
	if n := count(t, s, "segments"); n != 1 {
		t.Errorf("failed update left a segment behind: %d", n)
	}
}

func TestDuplicateEmail(t *testing.T) {
	s := newTestService(t)
	ana := mustCreate(t, s, MemberInput{Name: "Ana Silva", Email: "ana@x.com"})
	bob := mustCreate(t, s, MemberInput{Name: "Bob", Email: "bob@x.com"})

	_, err := s.CreateMember(MemberInput{Name: "Other Ana", Email: "ANA@X.com"})
	storetest.WantErr(t, err, store.ErrConflict, "email ana@x.com is already used by Ana Silva")
	if n := count(t, s, "members"); n != 2 {
		t.Errorf("%d members after conflict", n)
	}
	_, err = s.UpdateMember(bob.ID, MemberInput{Name: "Bob", Email: "Ana@x.com"})
	storetest.WantErr(t, err, store.ErrConflict, "already used by Ana Silva")

	// Archived members keep their address.
	if _, err := s.ArchiveMember(ana.ID); err != nil {
		t.Fatal(err)
	}
	_, err = s.CreateMember(MemberInput{Name: "Third", Email: "ana@x.com"})
	storetest.WantErr(t, err, store.ErrConflict, "Ana Silva (archived)")

	// Several members without email are fine.
	mustCreate(t, s, MemberInput{Name: "No mail 1"})
	mustCreate(t, s, MemberInput{Name: "No mail 2"})
}

func TestArchiveRestore(t *testing.T) {
	s := newTestService(t)
	a := mustCreate(t, s, MemberInput{Name: "Ana", Tags: []string{"beta"}})
	mustCreate(t, s, MemberInput{Name: "Bob"})

	m, err := s.ArchiveMember(a.ID)
	if err != nil || !m.Archived {
		t.Fatalf("archive: %+v %v", m, err)
	}
	_, err = s.ArchiveMember(a.ID)
	storetest.WantErr(t, err, store.ErrInvalid, "Ana is already archived")
	_, err = s.ArchiveMember(404)
	storetest.WantErr(t, err, store.ErrNotFound, "member 404 not found")

	for _, c := range []struct {
		archived string
		want     []string
	}{{"", []string{"Bob"}}, {"only", []string{"Ana"}}, {"all", []string{"Ana", "Bob"}}} {
		p, err := s.ListMembers(MemberQuery{Archived: c.archived})
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(names(p.Members), c.want) || p.Total != len(c.want) {
			t.Errorf("archived=%q: %v (total %d), want %v", c.archived, names(p.Members), p.Total, c.want)
		}
	}
	if tags, _ := s.ListTags(); len(tags) != 0 {
		t.Errorf("tags of archived members listed: %+v", tags)
	}

	m, err = s.RestoreMember(a.ID)
	if err != nil || m.Archived {
		t.Fatalf("restore: %+v %v", m, err)
	}
	_, err = s.RestoreMember(a.ID)
	storetest.WantErr(t, err, store.ErrInvalid, "Ana is not archived")
	_, err = s.RestoreMember(404)
	storetest.WantErr(t, err, store.ErrNotFound)
}

func TestMemberWriterCachesAndCounts(t *testing.T) {
	s := newTestService(t)
	mustCreate(t, s, MemberInput{Name: "Seed", Segment: "SMB", Tags: []string{"Ärger"}})
	var w *memberWriter
	err := store.WithTx(s.ctx, s.db, func(tx *sqlx.Tx) error {
		w = newMemberWriter(tx, s.stamp())
		for _, in := range []MemberInput{
			{Name: "A", Email: "a@x.com", Segment: "smb", Tags: []string{"ärger", "new"}},
			{Name: "B", Segment: "Mid-market", Tags: []string{"NEW", "other"}},
			{Name: "C", Segment: "MID-MARKET"},
		} {
			if err := in.Validate(); err != nil {
				return err
			}
			if _, err := w.insert(s.ctx, in); err != nil {
				return err
			}
		}
		_, err := w.insert(s.ctx, MemberInput{Name: "Dup", Email: "a@x.com", Status: "prospect"})
		storetest.WantErr(t, err, store.ErrConflict, "email a@x.com is already used by A")
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if w.segmentsCreated != 1 || w.tagsCreated != 2 {
		t.Errorf("created %d segments, %d tags; want 1, 2", w.segmentsCreated, w.tagsCreated)
	}
	if n := count(t, s, "members"); n != 4 {
		t.Errorf("members = %d", n)
	}
	p, err := s.ListMembers(MemberQuery{Tag: "ÄRGER"})
	if err != nil || !slices.Equal(names(p.Members), []string{"A", "Seed"}) {
		t.Errorf("tag filter ignoring Unicode case: %v %v", names(p.Members), err)
	}
}

func TestErrorsReadWell(t *testing.T) {
	s := newTestService(t)
	_, err := s.CreateMember(MemberInput{Name: "Bob", Email: "bob@"})
	if err == nil || strings.Contains(err.Error(), "failed to") || !errors.Is(err, store.ErrInvalid) {
		t.Errorf("error: %v", err)
	}
}
