package board

import (
	"testing"

	"soundingboard/backend/store"
	"soundingboard/backend/storetest"
)

func TestSegments(t *testing.T) {
	s := newTestService(t)
	ent, err := s.SaveSegment(SegmentInput{Name: " Enterprise ", Description: "1000+ seats", TargetShare: 0.4})
	if err != nil {
		t.Fatal(err)
	}
	if ent.ID == 0 || ent.Name != "Enterprise" || ent.TargetShare != 0.4 {
		t.Errorf("created %+v", ent)
	}
	_, err = s.SaveSegment(SegmentInput{Name: "enterprise"})
	storetest.WantErr(t, err, store.ErrConflict, `"enterprise" already exists`)
	smb, err := s.SaveSegment(SegmentInput{Name: "Ärzte"})
	if err != nil {
		t.Fatal(err)
	}
	_, err = s.SaveSegment(SegmentInput{Name: "ärzte"})
	storetest.WantErr(t, err, store.ErrConflict, "ärzte")

	mustCreate(t, s, MemberInput{Name: "A", Segment: "ENTERPRISE", Status: "active"})
	mustCreate(t, s, MemberInput{Name: "B", Segment: "Enterprise"})
	arch := mustCreate(t, s, MemberInput{Name: "C", Segment: "Enterprise", Status: "active"})
	if _, err := s.ArchiveMember(arch.ID); err != nil {
		t.Fatal(err)
	}
	list, err := s.ListSegments()
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 2 || list[0].Name != "Ärzte" && list[1].Name != "Ärzte" {
		t.Fatalf("list %+v", list)
	}
	for _, g := range list {
		if g.Name == "Enterprise" && (g.Members != 2 || g.Active != 1) {
			t.Errorf("counts %+v, want 2 members, 1 active (archived excluded)", g)
		}
	}

	// Rename (case only is fine), clear the target.
	ent2, err := s.SaveSegment(SegmentInput{ID: ent.ID, Name: "ENTERPRISE", TargetShare: 0})
	if err != nil {
		t.Fatal(err)
	}
	if ent2.Name != "ENTERPRISE" || ent2.TargetShare != 0 || ent2.Members != 2 {
		t.Errorf("updated %+v", ent2)
	}
	_, err = s.SaveSegment(SegmentInput{ID: smb.ID, Name: "enterprise"})
	storetest.WantErr(t, err, store.ErrConflict)
	_, err = s.SaveSegment(SegmentInput{ID: 999, Name: "Ghost"})
	storetest.WantErr(t, err, store.ErrNotFound, "segment 999 not found")
	for _, bad := range []struct {
		in   SegmentInput
		want string
	}{
		{SegmentInput{Name: "  "}, "name is required"},
		{SegmentInput{Name: "X", TargetShare: 1.5}, "targetShare"},
		{SegmentInput{Name: "X", TargetShare: -0.1}, "targetShare"},
		{SegmentInput{Name: string(make([]byte, 81))}, "name"},
	} {
		_, err := s.SaveSegment(bad.in)
		storetest.WantErr(t, err, store.ErrInvalid, bad.want)
	}
	if n := count(t, s, "segments"); n != 2 {
		t.Errorf("segments = %d", n)
	}

	if err := s.DeleteSegment(ent.ID); err != nil {
		t.Fatal(err)
	}
	storetest.WantErr(t, s.DeleteSegment(ent.ID), store.ErrNotFound, "segment")
	p, err := s.ListMembers(MemberQuery{SegmentID: -1, Archived: "all"})
	if err != nil || p.Total != 3 {
		t.Errorf("members without segment after delete: %+v %v", p, err)
	}
	if n := count(t, s, "members"); n != 3 {
		t.Errorf("members deleted with their segment: %d", n)
	}
}

func TestListTags(t *testing.T) {
	s := newTestService(t)
	mustCreate(t, s, MemberInput{Name: "A", Tags: []string{"beta", "Power user"}})
	mustCreate(t, s, MemberInput{Name: "B", Tags: []string{"BETA"}})
	tags, err := s.ListTags()
	if err != nil {
		t.Fatal(err)
	}
	if len(tags) != 2 || tags[0] != (TagCount{"beta", 2}) || tags[1] != (TagCount{"Power user", 1}) {
		t.Errorf("tags %+v", tags)
	}
	empty := newTestService(t)
	if tags, err := empty.ListTags(); err != nil || tags == nil {
		t.Errorf("empty: %v %v", tags, err)
	}
}
